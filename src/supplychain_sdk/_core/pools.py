"""What the SDK's own connection pools share (`_async/pool.py` and its generated sync twin):
a cookie jar that keeps nothing, and the checks and log line of their direct ``send``."""

from __future__ import annotations

import logging
from typing import cast

import httpx

__all__ = [
    "READ_WHOLE",
    "CookieFree",
    "KeepNoCookies",
    "log_request",
    "mark_read",
    "sends_directly",
]

_httpx_logger = logging.getLogger("httpx")

#: The request extension an SDK pool sets to say whether it reads the answer's body whole
#: (a call that is not streamed). A transport that reads a body whole faster than through
#: httpx's stream (`AiohttpTransport`) may then hand the answer over read (`mark_read`) when
#: it has no ``Content-Encoding`` to decode; any transport may ignore it.
READ_WHOLE = "supplychain_sdk.read_whole"


class KeepNoCookies(httpx.Cookies):
    """A cookie jar that keeps nothing the server sets (``Set-Cookie`` is ignored); cookies
    put in it by hand are sent as usual."""

    def extract_cookies(self, response: httpx.Response) -> None:
        """Ignore ``response``'s ``Set-Cookie`` headers."""


class CookieFree:
    """Makes a client's ``cookies`` a `KeepNoCookies` jar: httpx asks the jar after every
    answer, and building the ``urllib`` request and response it reads cost ~17 µs a call."""

    @property
    def cookies(self) -> httpx.Cookies:
        """The pool's cookies: empty unless set by hand (answers' cookies are not kept)."""
        jar = self.__dict__.get("_sdk_cookies")
        if jar is None:
            jar = self.__dict__["_sdk_cookies"] = KeepNoCookies()
        return cast(httpx.Cookies, jar)

    @cookies.setter
    def cookies(self, cookies: httpx.Cookies | dict[str, str]) -> None:
        self.__dict__["_sdk_cookies"] = KeepNoCookies(cookies)


def sends_directly(client: httpx.Client | httpx.AsyncClient, follow_redirects: object) -> bool:
    """Whether an SDK pool's ``send`` may take its direct path (given an explicit auth
    flow): redirects not followed, no event hooks, an open pool. Else httpx's own ``send``."""
    hooks = client.event_hooks
    return (
        follow_redirects is False
        and not client.is_closed
        and not hooks["request"]
        and not hooks["response"]
    )


def log_request(request: httpx.Request, response: httpx.Response) -> None:
    """httpx's own ``INFO`` line for a request (built only when that level is on)."""
    if _httpx_logger.isEnabledFor(logging.INFO):
        _httpx_logger.info(
            'HTTP Request: %s %s "%s %d %s"',
            request.method,
            request.url,
            response.http_version,
            response.status_code,
            response.reason_phrase,
        )


def mark_read(response: httpx.Response, body: bytes) -> None:
    """Leave ``response`` as ``response.read()`` leaves it, its stream read to ``body`` (with
    nothing to decode) and closed."""
    response._content = body
    response._num_bytes_downloaded = len(body)
    response.is_stream_consumed = True
    response.is_closed = True
