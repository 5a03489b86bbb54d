"""What the SDK keeps of an HTTP answer: status, headers, request id, URL."""

from __future__ import annotations

from collections.abc import Mapping

import attrs
import httpx

from ._logging import redact_headers, redact_url

__all__ = ["RawResponse"]

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
    """

    status_code: int
    headers: Mapping[str, str] = attrs.field(repr=False)
    method: str
    url: str
    elapsed: float | None = None

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
