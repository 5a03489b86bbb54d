"""Transport failures as typed errors: what httpx raised, turned into an SDK exception.

Pure: the clients call `connection_error` from their ``except httpx.RequestError`` blocks and
raise the result outside the block, so the SDK error keeps no ``__context__`` chain to the
httpx exception (whose request holds the ``Authorization`` header).
"""

from __future__ import annotations

import contextlib
import ssl

import httpx

from .errors import APIConnectionError, APITimeoutError

__all__ = ["AMBIGUOUS_STATUSES", "NOT_SENT", "connection_error"]


def _certificate_refused(exc: BaseException) -> bool:
    """Whether the failure is a TLS certificate the client did not trust."""
    seen: BaseException | None = exc
    for _ in range(5):  # httpx wraps the ssl error once or twice
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(exc)


#: httpx failures that happen before the request leaves: it never reached the server.
NOT_SENT: tuple[type[httpx.RequestError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.ProxyError,
    httpx.UnsupportedProtocol,
    httpx.LocalProtocolError,
)
#: Error statuses after which the request may still have been applied (the server failed
#: midway, or a gateway gave up waiting for it); 408, 429 and 503 say it was not processed.
AMBIGUOUS_STATUSES = frozenset({500, 502, 504})


def connection_error(
    exc: httpx.RequestError,
    *,
    method: str,
    url: str,
    written: int = 0,
    token_request: bool = False,
    replay_safe: bool = True,
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
        replay_safe: whether the request may be sent again after it may have reached the
            server (an idempotent method without If-Match, or the caller said so).
    """
    if token_request:
        with contextlib.suppress(RuntimeError):  # httpx sets it on every send failure
            method, url = exc.request.method, str(exc.request.url)
    timeout = isinstance(exc, httpx.TimeoutException)
    reason = type(exc).__name__ if timeout else f"{type(exc).__name__}: {exc}"
    untrusted = _certificate_refused(exc)
    if untrusted:
        reason = (
            f"TLS certificate verification failed ({exc}); if the server uses a private CA, "
            "pass verify=<CA bundle path or ssl.SSLContext> (not retried: retrying cannot help)"
        )
    if written:
        reason += f" after {written} bytes were written; not retried"
    may_have_arrived = not token_request and not isinstance(exc, NOT_SENT)
    outcome_unknown = may_have_arrived and not replay_safe
    error = APITimeoutError if timeout else APIConnectionError
    return error(
        method=method,
        url=url,
        reason=reason,
        retryable=not written and not outcome_unknown and not untrusted,
        token_request=token_request,
        outcome_unknown=outcome_unknown,
    )
