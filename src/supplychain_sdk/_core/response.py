"""What the SDK keeps of an HTTP answer: status, headers, request id, URL; the body on
request (``capture_responses(bodies=True)``)."""

from __future__ import annotations

import contextvars
import json as jsonlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import httpx

from ._logging import _secret_segments, redact_headers, redact_url
from .errors import InvalidRequestError, ResponseDecodeError

__all__ = ["RawResponse", "keeping_bodies"]

#: Whether the answers received now keep their body (set by ``capture_responses(bodies=True)``
#: for the code inside its block only).
_keep_bodies: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "supplychain_sdk_keep_bodies", default=False
)


#: Bound ``get`` of the two context variables an answer reads (one call each per answer).
_keep_bodies_now = _keep_bodies.get
_segments_now = _secret_segments.get


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


class RawResponse:
    """The transport-level facts of one answer, without httpx types (read-only).

    Attributes:
        status_code: the HTTP status.
        headers: response headers, names lower-cased, secret values redacted
            (case-insensitive lookups via `header`).
        method: method of the request that got this answer.
        url: URL of that request, secret query values redacted.
        elapsed: seconds from sending the request to the end of the answer, when known.
        content: the body as received, kept only for answers received inside
            ``capture_responses(bodies=True)`` (``None`` otherwise, and for a download
            streamed to a file). Never in the repr. It is the answer as the server sent it:
            a login answer's token included.
    """

    __slots__ = ("_facts", "_redacted", "_source")

    #: status_code, method, elapsed, content: one tuple, so that an answer costs one store
    _facts: tuple[int, str, float | None, bytes | None]
    #: the redacted headers and URL, once read
    _redacted: tuple[Mapping[str, str], str] | None
    #: what they are redacted from (the answer's headers, the request's URL, the call's
    #: secret path segments) until then
    _source: tuple[httpx.Headers, httpx.URL, tuple[str, ...]] | None

    def __init__(
        self,
        status_code: int,
        headers: Mapping[str, str],
        method: str,
        url: str,
        elapsed: float | None = None,
        content: bytes | None = None,
    ) -> None:
        _set = object.__setattr__
        _set(self, "_facts", (status_code, method, elapsed, content))
        _set(self, "_redacted", (headers, url))
        _set(self, "_source", None)

    @classmethod
    def from_httpx(cls, response: httpx.Response) -> RawResponse:
        """Keep what matters of an ``httpx.Response`` (secret headers redacted).

        The headers and the URL are redacted when first read: most answers are never
        looked at, and a call should not pay for it. Only the response's headers and the
        request's URL are held until then, never the request (its ``Authorization``) or
        the body (unless bodies are kept).
        """
        # What ``response.elapsed`` returns, read without the property: it raises (and the
        # call would catch) RuntimeError for an answer no client's stream timed, such as one
        # made whole in memory by a mock. (tests/core/test_client.py checks the two agree.)
        timed = getattr(response, "_elapsed", None)
        elapsed = timed.total_seconds() if isinstance(timed, timedelta) else None
        request = response.request
        raw = cls.__new__(cls)
        _set = object.__setattr__
        content = _body_of(response) if _keep_bodies_now() else None
        _set(raw, "_facts", (response.status_code, request.method, elapsed, content))
        _set(raw, "_redacted", None)
        # the call's secret path segments now: the URL may be read after the call is over
        _set(raw, "_source", (response.headers, request.url, _segments_now()))
        return raw

    @property
    def status_code(self) -> int:
        """The HTTP status."""
        return self._facts[0]

    @property
    def method(self) -> str:
        """Method of the request that got this answer."""
        return self._facts[1]

    @property
    def elapsed(self) -> float | None:
        """Seconds from sending the request to the end of the answer, when known."""
        return self._facts[2]

    @property
    def content(self) -> bytes | None:
        """The body as received, when kept (see the class docstring)."""
        return self._facts[3]

    @property
    def headers(self) -> Mapping[str, str]:
        """Response headers: names lower-cased, secret values redacted."""
        redacted = self._redacted
        if redacted is None:
            return self._materialize()[0]
        return redacted[0]

    @property
    def url(self) -> str:
        """URL of the request that got this answer, secret query values redacted."""
        redacted = self._redacted
        if redacted is None:
            return self._materialize()[1]
        return redacted[1]

    def _materialize(self) -> tuple[Mapping[str, str], str]:
        source = self._source
        if source is None:  # another thread got here first: the redacted pair is set
            return self._redacted or ({}, "")
        headers, url, segments = source
        kept = (
            redact_headers({k.lower(): v for k, v in headers.items()}),
            redact_url(str(url), segments),
        )
        _set = object.__setattr__
        _set(self, "_redacted", kept)
        _set(self, "_source", None)
        return kept

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"RawResponse is read-only (cannot set {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"RawResponse is read-only (cannot delete {name!r})")

    def _fields(self) -> tuple[int, Mapping[str, str], str, str, float | None, bytes | None]:
        return self.status_code, self.headers, self.method, self.url, self.elapsed, self.content

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RawResponse) or type(other) is not type(self):
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # equal by value, and the headers are a dict

    def __repr__(self) -> str:
        return (
            f"RawResponse(status_code={self.status_code!r}, method={self.method!r}, "
            f"url={self.url!r}, elapsed={self.elapsed!r})"
        )

    def __reduce__(self) -> tuple[type[RawResponse], tuple[Any, ...]]:
        # pickled (errors cross process pools) as the redacted facts, never the httpx objects
        return (type(self), self._fields())

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
