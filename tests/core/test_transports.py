"""The aiohttp transport of async clients: choosing it, and that it keeps every rule.

Raw loopback servers (asyncio streams in the test's own loop) see exactly what arrives and
fail exactly where a test needs: refused connections, resets after the request was read,
stalls, truncated bodies. The whole async suite also runs on this transport with
``pytest -p tests.aiohttp_transport``.
"""

from __future__ import annotations

import asyncio
import gzip
import importlib.abc
import io
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest

from supplychain_sdk._core import (
    AsyncAPIClient,
    BearerAuth,
    ClientConfig,
    InvalidRequestError,
    RequestSpec,
    SyncAPIClient,
    transports,
)
from supplychain_sdk._core.errors import APIConnectionError, APITimeoutError
from supplychain_sdk._core.pools import READ_WHOLE
from supplychain_sdk._core.transports import (
    SYNC_TRANSPORT_ENV,
    TRANSPORT_ENV,
    AiohttpTransport,
    async_transport_name,
)
from tests.background import Finished
from tests.conftest import Mode
from tests.transport_plugins import nested_run

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]
OK = b'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{"ok":true}'


@asynccontextmanager
async def raw_server(handler: Handler) -> AsyncIterator[str]:
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.close()


async def read_request(reader: asyncio.StreamReader) -> tuple[bytes, bytes]:
    """The head and the body of one request (Content-Length bodies)."""
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    return head, await reader.readexactly(length) if length else b""


def aiohttp_client(**options: object) -> AsyncAPIClient:
    mode = Mode("async")
    client = mode.client(async_transport="aiohttp", **options)
    assert isinstance(client, AsyncAPIClient)
    client.sleeps = mode.sleeps  # type: ignore[attr-defined]
    return client


# -- choosing the transport -------------------------------------------------------------------


def test_transport_name_from_option_then_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TRANSPORT_ENV, raising=False)
    assert async_transport_name(None) == "httpx"
    assert async_transport_name("aiohttp") == "aiohttp"
    monkeypatch.setenv(TRANSPORT_ENV, " AIOHTTP ")
    assert async_transport_name(None) == "aiohttp"
    assert async_transport_name("httpx") == "httpx"  # the option wins
    monkeypatch.setenv(TRANSPORT_ENV, "curl")
    with pytest.raises(InvalidRequestError, match=f"{TRANSPORT_ENV} must be one of httpx, aiohttp"):
        async_transport_name(None)


def test_unknown_transport_refused_when_configured() -> None:
    with pytest.raises(InvalidRequestError, match="async_transport must be one of"):
        ClientConfig(base_url="https://api.example.test", async_transport="curl")  # type: ignore[arg-type]


def test_missing_extra_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("supplychain_sdk._core.transports.aiohttp_available", lambda: False)
    with pytest.raises(InvalidRequestError, match=r"supplychain-sdk\[aiohttp\]"):
        async_transport_name("aiohttp")


async def test_async_client_uses_the_transport_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TRANSPORT_ENV, raising=False)
    on_aiohttp = AsyncAPIClient(
        ClientConfig(base_url="https://api.example.test", async_transport="aiohttp")
    )
    on_httpx = AsyncAPIClient(ClientConfig(base_url="https://api.example.test"))
    assert isinstance(on_aiohttp._http._transport, AiohttpTransport)
    assert isinstance(on_httpx._http._transport, httpx.AsyncHTTPTransport)
    monkeypatch.setenv(TRANSPORT_ENV, "aiohttp")
    from_env = AsyncAPIClient(ClientConfig(base_url="https://api.example.test"))
    assert isinstance(from_env._http._transport, AiohttpTransport)
    # the async setting leaves sync clients on httpx (they follow sync_transport)
    monkeypatch.delenv(SYNC_TRANSPORT_ENV, raising=False)
    sync = SyncAPIClient(ClientConfig(base_url="https://api.example.test"))
    assert isinstance(sync._http._transport, httpx.HTTPTransport)
    for client in (on_aiohttp, on_httpx, from_env):
        await client.close()
    sync.close()


async def test_aiohttp_clients_share_one_ssl_context(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TRANSPORT_ENV, raising=False)
    config = ClientConfig(base_url="https://api.example.test", async_transport="aiohttp")
    first, second = AsyncAPIClient(config), AsyncAPIClient(config)
    contexts = [c._http._transport._ssl for c in (first, second)]  # type: ignore[attr-defined]
    assert contexts[0] is contexts[1]
    assert contexts[0] is config.ssl_context()
    await first.close()
    await second.close()


async def test_derived_client_cannot_change_transport() -> None:
    client = AsyncAPIClient(ClientConfig(base_url="https://api.example.test"))
    with pytest.raises(InvalidRequestError, match="async_transport cannot change on a derived"):
        client.with_options(async_transport="aiohttp")
    await client.close()


# -- what is sent and received ------------------------------------------------------------------


async def test_request_arrives_exactly_and_answer_is_read() -> None:
    seen: list[tuple[bytes, bytes]] = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        seen.append(await read_request(reader))
        writer.write(
            b"HTTP/1.1 201 Created\r\ncontent-type: application/json\r\n"
            b'x-request-id: r-1\r\ncontent-length: 8\r\n\r\n{"id":1}'
        )
        await writer.drain()
        writer.close()

    async with raw_server(handler) as base_url:
        client = aiohttp_client(base_url=base_url, auth=BearerAuth("tok"))
        answer = await client.request(
            "POST", "/a%2Fb/c", params={"q": "x y"}, json={"n": 1}, headers={"X-Extra": "1"}
        )
        await client.close()
    assert answer == {"id": 1}
    assert client.last_response is not None
    assert client.last_response.status_code == 201
    assert client.last_response.request_id == "r-1"
    head, body = seen[0]
    lines = head.decode().split("\r\n")
    assert lines[0] == "POST /a%2Fb/c?q=x+y HTTP/1.1"  # percent-encoding kept as sent
    headers = {
        k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)
    }
    assert headers["authorization"] == "Bearer tok"
    assert headers["x-extra"] == "1"
    assert headers["content-type"] == "application/json"
    assert headers["user-agent"].startswith("supplychain-sdk/")
    assert body == b'{"n":1}'


@pytest.mark.parametrize("transport", ["httpx", "aiohttp"])
async def test_cookies_the_server_sets_are_not_sent_back(transport: str) -> None:
    cookies_sent: list[bytes] = []
    done = asyncio.Event()
    answer = OK.replace(b"\r\n\r\n", b"\r\nset-cookie: lb=node-7; Path=/\r\n\r\n", 1)

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            try:
                head, _ = await read_request(reader)
            except asyncio.IncompleteReadError:  # the client closed its connection
                break
            lines = head.lower().split(b"\r\n")
            cookies_sent.append(b"".join(line for line in lines if line.startswith(b"cookie:")))
            writer.write(answer)
            await writer.drain()
        writer.close()
        done.set()

    async with raw_server(handler) as base_url:
        # a host name, not an IP address: aiohttp's own jar keeps cookies only from names
        base_url = base_url.replace("127.0.0.1", "localhost")
        client = Mode("async").client(base_url=base_url, async_transport=transport)
        for _ in range(3):
            assert await client.request("GET", "/a") == {"ok": True}
        await client.close()
        await done.wait()
    assert cookies_sent == [b"", b"", b""]


class Lookups(importlib.abc.MetaPathFinder):
    """Records every module name the import system searches for (finding none itself)."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        self.names.append(name)


@pytest.mark.parametrize("transport", ["httpx", "aiohttp"])
async def test_an_async_call_searches_for_no_module(transport: str) -> None:
    """httpcore asks for ``sniffio`` on every async lock, event and shield; if it is missing
    (anyio >= 4.11 no longer installs it) each ask is a failed import that searches the
    whole ``sys.path`` again (encode/httpcore#1103), ~250 µs a call. The SDK depends on it."""

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            try:
                await read_request(reader)
            except asyncio.IncompleteReadError:
                break
            writer.write(OK)
            await writer.drain()
        writer.close()
        done.set()

    done = asyncio.Event()
    lookups = Lookups()
    async with raw_server(handler) as base_url:
        client = Mode("async").client(base_url=base_url, async_transport=transport)
        assert await client.request("GET", "/a") == {"ok": True}  # what loads lazily, loaded
        sys.meta_path.insert(0, lookups)
        try:
            for _ in range(3):
                assert await client.request("GET", "/a") == {"ok": True}
        finally:
            sys.meta_path.remove(lookups)
        await client.close()
        await done.wait()
    assert lookups.names == []


async def test_multipart_upload_streams_whole_body() -> None:
    seen: list[tuple[bytes, bytes]] = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        seen.append(await read_request(reader))
        writer.write(OK)
        await writer.drain()
        writer.close()

    payload = b"x" * 200_000
    async with raw_server(handler) as base_url:
        client = aiohttp_client(base_url=base_url)
        await client.request(
            "POST", "/upload", data={"kind": "pdf"}, files={"file": ("a.pdf", io.BytesIO(payload))}
        )
        await client.close()
    head, body = seen[0]
    assert b"multipart/form-data; boundary=" in head
    assert payload in body
    assert b'name="kind"' in body
    assert b"transfer-encoding" not in head.lower()


async def test_streamed_download_into_a_sink() -> None:
    chunk = b"0123456789" * 10_000

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\n"
            + f"content-length: {len(chunk) * 5}\r\n\r\n".encode()
        )
        for _ in range(5):
            writer.write(chunk)
            await writer.drain()
        writer.close()

    sink = io.BytesIO()
    async with raw_server(handler) as base_url:
        client = aiohttp_client(base_url=base_url)
        response, body = await client._send(RequestSpec(method="GET", path="/f"), sink)
        await client.close()
    assert body is None
    assert response.status_code == 200
    assert sink.getvalue() == chunk * 5


async def test_body_that_came_with_the_head_is_handed_over_whole() -> None:
    """A small answer that arrived whole is returned as a read ByteStream (no async read
    loop), decoded by httpx, and its connection goes back to the pool at once; an answer
    whose body is still on its way stays a stream."""
    gzipped = gzip.compress(b'{"ok":true}')
    connections: list[int] = []
    head_seen, closed = asyncio.Event(), asyncio.Event()

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(1)
        while True:
            try:
                head, _ = await read_request(reader)
            except asyncio.IncompleteReadError:  # the client closed its connection
                writer.close()
                closed.set()
                return
            if b"/late" in head.split(b"\r\n")[0]:
                writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: 6\r\n\r\nabc")
                await writer.drain()
                await head_seen.wait()  # the rest only once the client has the head
                writer.write(b"def")
            else:
                writer.write(
                    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                    b"content-encoding: gzip\r\n"
                    + f"content-length: {len(gzipped)}\r\n\r\n".encode()
                    + gzipped
                )
            await writer.drain()

    transport = AiohttpTransport()
    async with raw_server(handler) as base_url:
        whole = []
        for _ in range(2):
            response = await transport.handle_async_request(httpx.Request("GET", base_url + "/a"))
            await response.aread()
            whole.append(response)
        late = await transport.handle_async_request(httpx.Request("GET", base_url + "/late"))
        late_type = type(late.stream)
        head_seen.set()
        late_body = await late.aread()
        await transport.aclose()
        await asyncio.wait_for(closed.wait(), 5)
    assert [type(r.stream) for r in whole] == [httpx.ByteStream, httpx.ByteStream]
    assert [r.content for r in whole] == [b'{"ok":true}', b'{"ok":true}']  # gzip decoded
    assert late_type is not httpx.ByteStream
    assert late_body == b"abcdef"
    assert connections == [1]  # one connection: each whole answer released it at once


async def test_a_body_read_whole_is_handed_over_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Asked to (`READ_WHOLE`, as the SDK pool asks for a call it does not stream), the
    transport reads a body that is still arriving whole and hands the answer over read; an
    encoded body, or one nobody asked to read whole, stays a stream for httpx; a body cut
    short fails as a read error carrying its request."""
    big = bytes(range(256)) * 4096  # 1 MiB: more than arrives with the head
    gzipped = gzip.compress(big)
    reads: list[int] = []
    real_read = transports._read

    async def counted(response: Any, request: httpx.Request) -> bytes:
        body = await real_read(response, request)
        reads.append(len(body))
        return body

    monkeypatch.setattr(transports, "_read", counted)

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            try:
                head, _ = await read_request(reader)
            except asyncio.IncompleteReadError:
                writer.close()
                return
            path = head.split(b" ")[1]
            if path == b"/gzip":
                body, extra = gzipped, b"content-encoding: gzip\r\n"
            else:
                body, extra = big, b""
            length = len(body) * (2 if path == b"/cut" else 1)
            writer.write(b"HTTP/1.1 200 OK\r\n" + extra + b"content-length: %d\r\n\r\n" % length)
            writer.write(body)
            await writer.drain()
            if path == b"/cut":
                writer.close()
                return

    def request(path: str, whole: bool | None) -> httpx.Request:
        extensions = {} if whole is None else {READ_WHOLE: whole}
        return httpx.Request("GET", base_url + path, extensions=extensions)

    transport = AiohttpTransport()
    async with raw_server(handler) as base_url:
        read = await transport.handle_async_request(request("/a", True))
        assert (read.is_closed, read.is_stream_consumed) == (True, True)
        assert (read.content, read.num_bytes_downloaded) == (big, len(big))
        assert reads == [len(big)]
        for whole in (False, None):  # not asked: a stream, its raw bytes readable
            streamed = await transport.handle_async_request(request("/a", whole))
            assert streamed.is_closed is False
            assert b"".join([chunk async for chunk in streamed.aiter_raw()]) == big
        encoded = await transport.handle_async_request(request("/gzip", True))
        assert encoded.is_closed is False
        assert await encoded.aread() == big  # decoded by httpx
        assert reads == [len(big)]
        with pytest.raises(httpx.HTTPError) as cut:
            await transport.handle_async_request(request("/cut", True))
        await transport.aclose()
    assert isinstance(cut.value, (httpx.ReadError, httpx.RemoteProtocolError))
    assert cut.value.request.url.path == "/cut"


async def test_each_request_gets_aiohttp_timeouts_of_its_own_phases(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """httpx's timeout phases become aiohttp's (pool + connect for the connection, read per
    socket read), one ``ClientTimeout`` kept per set of phases."""

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            try:
                await read_request(reader)
            except asyncio.IncompleteReadError:
                writer.close()
                return
            writer.write(b"HTTP/1.1 204 No Content\r\ncontent-length: 0\r\n\r\n")
            await writer.drain()

    import aiohttp

    sent: list[aiohttp.ClientTimeout] = []
    request = aiohttp.ClientSession.request

    def recording(self: aiohttp.ClientSession, *args: Any, **kwargs: Any) -> Any:
        sent.append(kwargs["timeout"])
        return request(self, *args, **kwargs)

    monkeypatch.setattr(aiohttp.ClientSession, "request", recording)
    transport = AiohttpTransport()
    phases = [
        httpx.Timeout(5.0, pool=1.0),
        httpx.Timeout(2.0, read=None),
        httpx.Timeout(5.0, pool=1.0),
    ]
    async with raw_server(handler) as base_url:
        for timeout in phases:
            request_ = httpx.Request("GET", base_url, extensions={"timeout": timeout.as_dict()})
            await (await transport.handle_async_request(request_)).aread()
        await transport.aclose()
    assert [(t.total, t.connect, t.sock_connect, t.sock_read) for t in sent] == [
        (None, 6.0, 5.0, 5.0),
        (None, 4.0, 2.0, None),
        (None, 6.0, 5.0, 5.0),
    ]
    assert sent[0] is sent[2]


# -- failures keep their meaning ------------------------------------------------------------------


async def test_refused_connection_sent_nothing() -> None:
    server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()
    client = aiohttp_client(base_url=f"http://127.0.0.1:{port}", max_retries=2)
    with pytest.raises(APIConnectionError) as caught:
        await client.request("POST", "/orders", json={"n": 1})
    assert caught.value.outcome_unknown is False  # nothing was sent
    assert caught.value.retryable is True
    assert "ConnectError" in str(caught.value)
    assert caught.value.__context__ is None
    assert caught.value.__cause__ is None
    with pytest.raises(APIConnectionError):
        await client.request("GET", "/orders")
    assert len(client.sleeps) == 2  # type: ignore[attr-defined]  # the GET, retried twice
    await client.close()


async def test_reset_after_the_request_arrived_is_not_retried_for_post() -> None:
    arrived: list[bytes] = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        arrived.append((await read_request(reader))[1])
        writer.transport.abort()  # a reset, no answer

    async with raw_server(handler) as base_url:
        client = aiohttp_client(base_url=base_url, max_retries=2)
        with pytest.raises(APIConnectionError) as caught:
            await client.request("POST", "/orders", json={"n": 1})
        await client.close()
    assert arrived == [b'{"n":1}']  # sent once, never twice
    assert caught.value.outcome_unknown is True
    assert client.sleeps == []  # type: ignore[attr-defined]


async def test_reset_is_retried_for_get() -> None:
    calls: list[int] = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        calls.append(1)
        if len(calls) == 1:
            writer.transport.abort()
            return
        writer.write(OK)
        await writer.drain()
        writer.close()

    async with raw_server(handler) as base_url:
        client = aiohttp_client(base_url=base_url, max_retries=2)
        assert await client.request("GET", "/x") == {"ok": True}
        await client.close()
    assert len(calls) == 2
    assert len(client.sleeps) == 1  # type: ignore[attr-defined]


async def test_truncated_body_is_a_read_error_retried_for_get() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 50\r\n\r\n{"
        )
        await writer.drain()
        writer.close()

    async with raw_server(handler) as base_url:
        client = aiohttp_client(base_url=base_url, max_retries=1)
        with pytest.raises(APIConnectionError) as caught:
            await client.request("GET", "/x")
        await client.close()
    assert caught.value.retryable is True
    assert len(client.sleeps) == 1  # type: ignore[attr-defined]


async def test_read_timeout_is_a_timeout_error() -> None:
    release = asyncio.Event()
    done = asyncio.Event()

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        await release.wait()  # no answer until the client gave up
        writer.close()
        done.set()

    async with raw_server(handler) as base_url:
        client = aiohttp_client(base_url=base_url, max_retries=0, timeout=0.2)
        with pytest.raises(APITimeoutError) as caught:
            await client.request("POST", "/slow", json={})
        await client.close()
        release.set()
        await done.wait()
    assert "ReadTimeout" in str(caught.value)
    assert caught.value.outcome_unknown is True


async def test_redirect_not_followed() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(
            b"HTTP/1.1 302 Found\r\nlocation: https://elsewhere.example/\r\n"
            b"content-length: 0\r\n\r\n"
        )
        await writer.drain()
        writer.close()

    async with raw_server(handler) as base_url:
        client = aiohttp_client(base_url=base_url)
        with pytest.raises(Exception, match="302") as caught:
            await client.request("GET", "/x")
        await client.close()
    assert type(caught.value).__name__ != "APIConnectionError"


@pytest.mark.parametrize("transport", ["httpx", "aiohttp"])
async def test_connections_kept_at_concurrency(transport: str) -> None:
    """A client used at concurrency 32 keeps its 32 connections for the next 128 calls."""
    opened: list[int] = []
    closed: list[int] = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        opened.append(1)
        try:
            while True:
                await read_request(reader)
                await asyncio.sleep(0.002)  # the server's work: the calls overlap
                writer.write(OK)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()
        finally:
            closed.append(1)

    async with raw_server(handler) as base_url:
        client = Mode("async").client(base_url=base_url, async_transport=transport)
        limit = asyncio.Semaphore(32)

        async def one() -> None:
            async with limit:
                await client.request("GET", "/x")

        await asyncio.gather(*(one() for _ in range(160)))
        await client.close()
        for _ in range(1000):  # let the server see every connection close
            if len(closed) == len(opened):
                break
            await asyncio.sleep(0)
    assert 1 <= len(opened) <= 32


# every async client on aiohttp; sync clients stay on httpx
@pytest.mark.background(
    nested_run("tests.aiohttp_transport"),
    env={SYNC_TRANSPORT_ENV: None},
)
def test_async_suite_passes_on_the_aiohttp_transport(
    background: Finished,
) -> None:
    """The nested run passed, and the plugin left its [sync] runs out."""
    assert background.returncode == 0, background.output()
    assert " passed" in background.stdout
    assert " deselected" in background.stdout
