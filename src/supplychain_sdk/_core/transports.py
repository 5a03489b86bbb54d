"""The HTTP transports under the clients: httpx's own, aiohttp's for async clients, or
urllib3's for sync clients.

``async_transport="aiohttp"`` (or ``SUPPLYCHAIN_SDK_ASYNC_TRANSPORT=aiohttp`` in the
environment) makes an async client send through `AiohttpTransport`, an ``httpx`` transport
on an ``aiohttp`` connection pool: the same ``httpx.AsyncClient`` API above it (auth flows,
timeouts, streaming), faster than httpx's own pool on aiohttp's C HTTP parser (~1.9 times
per sequential call, ~5 times at concurrency 64). It needs the ``aiohttp`` extra:
``pip install "supplychain-sdk[aiohttp]"``.

Failures keep the meaning the SDK's retry rules read from httpx's exceptions: a connection
that could not be made (refused, DNS, untrusted certificate, connect timeout, no free
connection in time) is an ``httpx.ConnectError``/``ConnectTimeout``, i.e. nothing was sent;
anything after the request may have left (reset, disconnect, read timeout, truncated body) is
a ``ReadError``/``RemoteProtocolError``/``ReadTimeout``, so a write is never sent twice.
aiohttp's own silent retry of idempotent requests on a stale connection is turned off: the
SDK's retry policy alone decides.

``sync_transport="urllib3"`` (or ``SUPPLYCHAIN_SDK_SYNC_TRANSPORT=urllib3``) does the same for
sync clients with `Urllib3Transport` (``supplychain_sdk._core.sync_transports``, imported only
when chosen; the ``urllib3`` extra), under the same rules.
"""

from __future__ import annotations

import asyncio
import os
import ssl
from collections.abc import AsyncIterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

import httpx

from ._async.pool import AsyncSdkPool
from ._sync.pool import SdkPool
from .config import AsyncTransportName, ClientConfig, SyncTransportName
from .errors import InvalidRequestError
from .pools import READ_WHOLE, mark_read

if TYPE_CHECKING:
    import aiohttp
    import yarl

__all__ = [
    "ASYNC_TRANSPORTS",
    "SYNC_TRANSPORTS",
    "SYNC_TRANSPORT_ENV",
    "TRANSPORT_ENV",
    "AiohttpTransport",
    "AsyncTransportName",
    "SyncTransportName",
    "aiohttp_available",
    "async_transport_name",
    "http_client_for",
    "sync_transport_name",
    "urllib3_available",
]

#: The transports an async client can send through.
ASYNC_TRANSPORTS: tuple[AsyncTransportName, ...] = ("httpx", "aiohttp")
#: The environment variable that picks the async transport when a client does not say.
TRANSPORT_ENV = "SUPPLYCHAIN_SDK_ASYNC_TRANSPORT"
#: The transports a sync client can send through.
SYNC_TRANSPORTS: tuple[SyncTransportName, ...] = ("httpx", "urllib3")
#: The environment variable that picks the sync transport when a client does not say.
SYNC_TRANSPORT_ENV = "SUPPLYCHAIN_SDK_SYNC_TRANSPORT"

ClientT = TypeVar("ClientT", httpx.Client, httpx.AsyncClient)


def aiohttp_available() -> bool:
    """Whether the ``aiohttp`` extra is installed."""
    try:
        import aiohttp  # noqa: F401
    except ImportError:
        return False
    return True


def async_transport_name(option: str | None) -> AsyncTransportName:
    """The async transport to use: ``option``, else ``$SUPPLYCHAIN_SDK_ASYNC_TRANSPORT``,
    else ``"httpx"``.

    Raises:
        InvalidRequestError: an unknown name, or ``"aiohttp"`` without the extra installed.
    """
    source = "async_transport"
    if option is None:
        option = os.environ.get(TRANSPORT_ENV, "").strip().lower() or "httpx"
        source = TRANSPORT_ENV
    if option == "httpx":
        return "httpx"
    if option != "aiohttp":
        raise InvalidRequestError(
            f"{source} must be one of {', '.join(ASYNC_TRANSPORTS)}, got {option!r}"
        )
    if not aiohttp_available():
        raise InvalidRequestError(
            f'{source}="aiohttp" needs the aiohttp extra: pip install "supplychain-sdk[aiohttp]"'
        )
    return "aiohttp"


def urllib3_available() -> bool:
    """Whether the ``urllib3`` extra is installed (urllib3 2.x)."""
    try:
        from urllib3 import BaseHTTPResponse  # noqa: F401  (urllib3 2.x only)
    except ImportError:
        return False
    return True


def sync_transport_name(option: str | None) -> SyncTransportName:
    """The sync transport to use: ``option``, else ``$SUPPLYCHAIN_SDK_SYNC_TRANSPORT``,
    else ``"httpx"``.

    Raises:
        InvalidRequestError: an unknown name, or ``"urllib3"`` without the extra installed.
    """
    source = "sync_transport"
    if option is None:
        option = os.environ.get(SYNC_TRANSPORT_ENV, "").strip().lower() or "httpx"
        source = SYNC_TRANSPORT_ENV
    if option == "httpx":
        return "httpx"
    if option != "urllib3":
        raise InvalidRequestError(
            f"{source} must be one of {', '.join(SYNC_TRANSPORTS)}, got {option!r}"
        )
    if not urllib3_available():
        raise InvalidRequestError(
            f'{source}="urllib3" needs the urllib3 extra (urllib3 2 or later): '
            'pip install "supplychain-sdk[urllib3]"'
        )
    return "urllib3"


def http_client_for(config: ClientConfig, kind: type[ClientT]) -> ClientT:
    """The SDK's own connection pool for a client of ``config``: an ``httpx.Client`` (on
    urllib3 when ``config.sync_transport`` says so) or an ``httpx.AsyncClient`` (on aiohttp
    when ``config.async_transport`` says so).

    The pool keeps no cookies: the platforms authenticate every request with a token, and a
    jar filled by answers would be state shared by every call (and every thread) of the
    client, growing with whatever a proxy or load balancer sets.
    """
    options: dict[str, Any] = {
        "verify": config.ssl_context(),
        "limits": config.limits.to_httpx(),
        "timeout": config.timeout.to_httpx(),
        "follow_redirects": False,
    }
    if kind is httpx.AsyncClient and async_transport_name(config.async_transport) == "aiohttp":
        options["transport"] = AiohttpTransport(
            ssl_context=config.ssl_context(), limits=config.limits.to_httpx()
        )
    elif kind is httpx.Client and sync_transport_name(config.sync_transport) == "urllib3":
        from .sync_transports import Urllib3Transport

        options["transport"] = Urllib3Transport(
            ssl_context=config.ssl_context(), limits=config.limits.to_httpx()
        )
    if kind is httpx.AsyncClient:
        return cast(ClientT, AsyncSdkPool(**options))
    return cast(ClientT, SdkPool(**options))


def _total(*parts: float | None) -> float | None:
    if any(part is None for part in parts):
        return None
    return sum(part for part in parts if part is not None)


@lru_cache(maxsize=64)
def _aiohttp_timeout(
    pool: float | None, connect: float | None, read: float | None
) -> aiohttp.ClientTimeout:
    """aiohttp's timeouts for httpx's phases: pool + connect for the connection, read for
    each socket read (one frozen object per set, shared)."""
    import aiohttp

    return aiohttp.ClientTimeout(
        total=None, connect=_total(pool, connect), sock_connect=connect, sock_read=read
    )


def _to_httpx(exc: BaseException, request: httpx.Request, *, sent: bool) -> httpx.RequestError:
    """The httpx exception with the same meaning as an aiohttp failure.

    ``sent``: whether the request may have left already (then a timeout is a read timeout).
    The result chains to nothing but a certificate error: an aiohttp error may hold the
    request's headers (``request_info``), and with them the credentials.
    """
    import aiohttp

    message = f"{type(exc).__name__}: {exc}"
    mapped: httpx.RequestError
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        mapped = httpx.ConnectError(f"{message} [CERTIFICATE_VERIFY_FAILED]", request=request)
        mapped.__cause__ = exc.certificate_error
        return mapped
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return httpx.ConnectTimeout(message, request=request)
    if isinstance(exc, aiohttp.ClientConnectorError):  # refused, DNS, TLS handshake
        return httpx.ConnectError(message, request=request)
    if isinstance(exc, (aiohttp.SocketTimeoutError, aiohttp.ServerTimeoutError)):
        return httpx.ReadTimeout(message, request=request)
    if isinstance(exc, asyncio.TimeoutError):
        if sent:
            return httpx.ReadTimeout(message, request=request)
        return httpx.ConnectTimeout(message, request=request)
    if isinstance(exc, aiohttp.InvalidURL):
        return httpx.UnsupportedProtocol(message, request=request)
    if isinstance(exc, (aiohttp.ServerDisconnectedError, aiohttp.ClientResponseError)):
        return httpx.RemoteProtocolError(message, request=request)
    if isinstance(exc, aiohttp.ClientPayloadError):
        return httpx.ReadError(message, request=request)
    # resets and other socket errors once the connection existed: the request may have left
    return httpx.ReadError(message, request=request)


def _aiohttp_failures() -> tuple[type[BaseException], ...]:
    import aiohttp

    return (aiohttp.ClientError, asyncio.TimeoutError, OSError)


class _ResponseStream(httpx.AsyncByteStream):
    """An aiohttp answer's body as an httpx byte stream (errors mapped like the request's)."""

    def __init__(self, response: aiohttp.ClientResponse, request: httpx.Request) -> None:
        self._response = response
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        failures = _aiohttp_failures()
        content = self._response.content
        while True:
            mapped: httpx.RequestError | None = None
            try:
                chunk = await content.readany()
            except failures as exc:
                mapped = _to_httpx(exc, self._request, sent=True)
            if mapped is not None:
                raise mapped
            if not chunk:
                return
            yield chunk

    async def aclose(self) -> None:
        self._response.release()


async def _read(response: aiohttp.ClientResponse, request: httpx.Request) -> bytes:
    """The whole body of ``response`` (errors mapped as its stream's); released after."""
    mapped: httpx.RequestError | None = None
    try:
        return await response.read()
    except _aiohttp_failures() as exc:
        mapped = _to_httpx(exc, request, sent=True)
    finally:
        response.release()
    raise mapped


async def _chunks(stream: httpx.AsyncByteStream) -> AsyncIterator[bytes]:
    async for chunk in stream:
        yield chunk


class AiohttpTransport(httpx.AsyncBaseTransport):
    """An ``httpx`` async transport that sends through an ``aiohttp`` connection pool.

    Args:
        ssl_context: how certificates are verified (the SDK's verifying context).
        limits: ``max_connections`` bounds the pool (``None``: unbounded); idle connections
            are kept for ``keepalive_expiry`` seconds, as many as were opened, so a client
            used at concurrency N keeps its N connections.
    """

    def __init__(
        self,
        *,
        ssl_context: ssl.SSLContext | None = None,
        limits: httpx.Limits | None = None,
    ) -> None:
        self._ssl = ssl_context if ssl_context is not None else ssl.create_default_context()
        self._limits = limits or httpx.Limits()
        self._session: aiohttp.ClientSession | None = None
        self._url_type: type[yarl.URL] | None = None  # imported with aiohttp, on first use

    def _open(self) -> aiohttp.ClientSession:
        import aiohttp
        from yarl import URL

        self._url_type = URL

        connector = aiohttp.TCPConnector(
            ssl=self._ssl,
            limit=self._limits.max_connections or 0,
            limit_per_host=0,
            keepalive_timeout=self._limits.keepalive_expiry or 0.0,
        )
        session = aiohttp.ClientSession(
            connector=connector,
            trust_env=False,
            auto_decompress=False,  # httpx decodes Content-Encoding itself
            skip_auto_headers=("User-Agent", "Accept-Encoding", "Accept"),
            cookie_jar=aiohttp.DummyCookieJar(),  # only the cookies httpx put in the request
            timeout=aiohttp.ClientTimeout(total=None),
        )
        # One retry policy: the SDK's (by method, If-Match, the caller's say), not aiohttp's
        # silent resend of "idempotent" methods on a connection the server closed.
        if hasattr(session, "_retry_connection"):
            session._retry_connection = False
        return session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` and return its answer with a streamed body."""
        if self._session is None:
            self._session = self._open()
        url_type = self._url_type
        assert url_type is not None
        phases = request.extensions.get("timeout", {})
        timeout = _aiohttp_timeout(phases.get("pool"), phases.get("connect"), phases.get("read"))
        data: bytes | AsyncIterator[bytes] | None
        try:
            data = request.content or None
        except httpx.RequestNotRead:
            assert isinstance(request.stream, httpx.AsyncByteStream)
            data = _chunks(request.stream)
        headers = [
            (name.decode("latin-1"), value.decode("latin-1"))
            for name, value in request.headers.raw
            if name.lower() != b"transfer-encoding"  # aiohttp frames a streamed body itself
        ]
        mapped: httpx.RequestError | None = None
        try:
            response = await self._session.request(
                request.method,
                url_type(str(request.url), encoded=True),
                headers=headers,
                data=data,
                allow_redirects=False,
                compress=None,
                timeout=timeout,
                server_hostname=request.extensions.get("sni_hostname"),
            )
        except _aiohttp_failures() as exc:
            import aiohttp

            mapped = _to_httpx(exc, request, sent=not isinstance(exc, aiohttp.ClientConnectorError))
        if mapped is not None:
            raise mapped
        extensions: dict[str, Any] = {"http_version": b"HTTP/1.1"}
        if response.reason:
            extensions["reason_phrase"] = response.reason.encode("latin-1", "replace")
        # a call the SDK pool reads whole, with nothing to decode: handed over read
        whole = request.extensions.get(READ_WHOLE) and "Content-Encoding" not in response.headers
        body: bytes | None = None
        if response.content.is_eof():
            # the whole body came with the head (a small answer): handed over as it is, with
            # no async read loop; the connection goes back to the pool now
            body = response.content.read_nowait()
            response.release()
        elif whole:
            body = await _read(response, request)
        answer = httpx.Response(
            status_code=response.status,
            headers=list(response.raw_headers),
            stream=_ResponseStream(response, request) if body is None else httpx.ByteStream(body),
            request=request,
            extensions=extensions,
        )
        if whole and body is not None:
            mark_read(answer, body)  # as the SDK pool's own read would leave it
        return answer

    async def aclose(self) -> None:
        """Close the aiohttp session and its connections."""
        if self._session is not None:
            session, self._session = self._session, None
            await session.close()
