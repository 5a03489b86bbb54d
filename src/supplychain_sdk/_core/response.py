"""What the SDK keeps of an HTTP answer: status, headers, request id, URL; the body on
request (``capture_responses(bodies=True)``)."""

from __future__ import annotations

import contextvars
import json as jsonlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import attrs
import httpx

from ._logging import redact_headers, redact_url
from .errors import InvalidRequestError, ResponseDecodeError

__all__ = ["RawResponse", "keeping_bodies"]

#: Whether the answers received now keep their body (set by ``capture_responses(bodies=True)``
#: for the code inside its block only).
_keep_bodies: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "supplychain_sdk_keep_bodies", default=False
)


@contextmanager
def keeping_bodies(keep: bool) -> Iterator[None]:
    """Inside the block, `RawResponse.from_httpx` keeps the body too when ``keep`` is true
    (an enclosing block that keeps bodies keeps doing so)."""
    token = _keep_bodies.set(_keep_bodies.get() or keep)
    try:
        yield
    finally:
        _keep_bodies.reset(token)


def _body_of(response: httpx.Response) -> bytes | None:
    try:
        return response.content
    except httpx.ResponseNotRead:  # a download streamed to a file: the body is in the file
        return None


def _charset(content_type: str | None) -> str:
    for part in (content_type or "").split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return "utf-8"


_REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid")


@attrs.frozen
class RawResponse:
    """The transport-level facts of one answer, without httpx types.

    Attributes:
        status_code: the HTTP status.
        headers: response headers (case-insensitive lookups via `header`).
        method: method of the request that got this answer.
        url: URL of that request, secret query values redacted.
        elapsed: seconds from sending to the end of the headers, when known.
        content: the body as received, kept only for answers received inside
            ``capture_responses(bodies=True)`` (``None`` otherwise, and for a download
            streamed to a file). Never in the repr. It is the answer as the server sent it:
            a login answer's token included.
    """

    status_code: int
    headers: Mapping[str, str] = attrs.field(repr=False)
    method: str
    url: str
    elapsed: float | None = None
    content: bytes | None = attrs.field(default=None, repr=False)

    @classmethod
    def from_httpx(cls, response: httpx.Response) -> RawResponse:
        """Keep what matters of an ``httpx.Response`` (secret headers redacted)."""
        try:
            elapsed: float | None = response.elapsed.total_seconds()
        except RuntimeError:
            elapsed = None
        return cls(
            status_code=response.status_code,
            headers=redact_headers({k.lower(): v for k, v in response.headers.items()}),
            method=response.request.method,
            url=redact_url(str(response.request.url)),
            elapsed=elapsed,
            content=_body_of(response) if _keep_bodies.get() else None,
        )

    def _body(self) -> bytes:
        if self.content is None:
            raise InvalidRequestError(
                "this RawResponse kept no body: bodies are kept for answers received inside "
                "capture_responses(bodies=True)"
            )
        return self.content

    @property
    def text(self) -> str:
        """The body decoded with the ``Content-Type`` charset (UTF-8 when it names none).

        Raises:
            InvalidRequestError: the body was not kept (see `content`).
        """
        body = self._body()
        try:
            return body.decode(_charset(self.header("content-type")), errors="replace")
        except LookupError:  # an unknown charset name
            return body.decode("utf-8", errors="replace")

    def json(self) -> Any:
        """The body parsed as JSON.

        Raises:
            InvalidRequestError: the body was not kept (see `content`).
            ResponseDecodeError: the body is not JSON.
        """
        body = self._body()
        problem = ""
        try:
            return jsonlib.loads(body)
        except (ValueError, RecursionError) as exc:  # JSONDecodeError, UnicodeDecodeError
            problem = f"not JSON ({type(exc).__name__})"
        raise ResponseDecodeError(
            method=self.method,
            url=self.url,
            status_code=self.status_code,
            reason=problem,
            outcome_unknown=False,
        )

    def header(self, name: str) -> str | None:
        """A header's value by case-insensitive name."""
        return self.headers.get(name.lower())

    @property
    def request_id(self) -> str | None:
        """The server's request id (``X-Request-Id`` and common variants), if any."""
        for name in _REQUEST_ID_HEADERS:
            if name in self.headers:
                return self.headers[name]
        return None
