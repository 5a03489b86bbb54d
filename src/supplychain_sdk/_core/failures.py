"""Transport failures as typed errors: what httpx raised, turned into an SDK exception.

Pure: the clients call `connection_error` from their ``except httpx.RequestError`` blocks and
raise the result outside the block, so the SDK error keeps no ``__context__`` chain to the
httpx exception (whose request holds the ``Authorization`` header).
"""

from __future__ import annotations

import contextlib

import httpx

from .errors import APIConnectionError, APITimeoutError

__all__ = ["connection_error"]


def connection_error(
    exc: httpx.RequestError,
    *,
    method: str,
    url: str,
    written: int = 0,
    token_request: bool = False,
) -> APIConnectionError:
    """The SDK error for an httpx transport failure of ``method url``.

    Args:
        exc: what httpx raised.
        method: the request's method.
        url: the request's URL (redacted by the error class).
        written: bytes of the answer already written to a download sink.
        token_request: the failure happened on the token request the auth flow sent for
            this request (then the error names the token request; the API request was not
            sent).
    """
    if token_request:
        with contextlib.suppress(RuntimeError):  # httpx sets it on every send failure
            method, url = exc.request.method, str(exc.request.url)
    timeout = isinstance(exc, httpx.TimeoutException)
    reason = type(exc).__name__ if timeout else f"{type(exc).__name__}: {exc}"
    if written:
        reason += f" after {written} bytes were written; not retried"
    error = APITimeoutError if timeout else APIConnectionError
    return error(
        method=method,
        url=url,
        reason=reason,
        retryable=not written,
        token_request=token_request,
    )
