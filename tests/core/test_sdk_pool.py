"""The SDK's own pool sends its requests directly (`SdkPool.send`), and what a caller
can see is what ``httpx.Client.send`` gives: every scenario here runs on both and compares."""

from __future__ import annotations

import gzip
import logging
from collections.abc import AsyncGenerator, Callable, Generator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from supplychain_sdk._core._async.pool import AsyncSdkPool
from supplychain_sdk._core._sync.pool import SdkPool
from supplychain_sdk._core.auth import BearerAuth
from supplychain_sdk._core.pools import READ_WHOLE, mark_read
from tests.conftest import Mode

Handler = Callable[[httpx.Request], httpx.Response]


class TokenFirst(httpx.Auth):
    """An auth flow that fetches a token with a request of its own, as OAuth2 does."""

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        answer = yield httpx.Request("POST", "http://api.test/token")
        answer.read()
        request.headers["Authorization"] = f"Bearer {answer.json()['token']}"
        yield request

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        answer = yield httpx.Request("POST", "http://api.test/token")
        await answer.aread()
        request.headers["Authorization"] = f"Bearer {answer.json()['token']}"
        yield request


def answer(request: httpx.Request) -> httpx.Response:
    """Answers streamed as from a socket (not made whole in memory), so they are timed."""
    if request.url.path == "/token":
        body, status, headers = b'{"token":"t-1"}', 200, {}
    elif request.url.path == "/moved":
        body, status, headers = b"", 302, {"Location": "/a"}
    else:
        body, status, headers = b'{"path":"/a"}', 200, {"X-Id": "7"}
    return httpx.Response(status, headers=headers, stream=httpx.ByteStream(body))


def pools(mode: Mode, handler: Handler = answer, **options: Any) -> list[Any]:
    """The SDK's pool and a plain httpx one, alike in everything else."""
    if mode.is_async:
        return [
            kind(transport=httpx.MockTransport(handler), **options)
            for kind in (AsyncSdkPool, httpx.AsyncClient)
        ]
    return [
        kind(transport=httpx.MockTransport(handler), **options) for kind in (SdkPool, httpx.Client)
    ]


async def send(mode: Mode, pool: Any, request: httpx.Request, **kwargs: Any) -> httpx.Response:
    response: httpx.Response = await mode(pool.send(request, **kwargs))
    return response


def seen(response: httpx.Response) -> tuple[Any, ...]:
    """What a caller reads of an answer, the way it came."""
    assert isinstance(response.elapsed, timedelta)
    return (
        response.status_code,
        response.content,
        response.headers.multi_items(),
        response.request.method,
        str(response.request.url),
        response.request.headers.multi_items(),
        [(r.status_code, r.content, str(r.request.url)) for r in response.history],
        response.is_closed,
        response.is_stream_consumed,
        response.num_bytes_downloaded,
        None
        if (nxt := response.next_request) is None
        else (nxt.method, str(nxt.url), nxt.headers.multi_items()),
    )


def refuse_httpx_send(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on httpx's own ``send`` refuses: the SDK's pool must send on its own."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("httpx's send was used")

    monkeypatch.setattr(httpx.Client, "send", refuse)
    monkeypatch.setattr(httpx.AsyncClient, "send", refuse)


@pytest.mark.parametrize("path", ["/a", "/moved"])
@pytest.mark.parametrize(
    "auth", [BearerAuth("secret-token"), TokenFirst()], ids=["bearer", "token"]
)
async def test_sends_what_httpx_sends(
    mode: Mode, monkeypatch: pytest.MonkeyPatch, auth: httpx.Auth, path: str
) -> None:
    results = []
    for pool in reversed(pools(mode, headers={"User-Agent": "ua/1"})):  # httpx's first
        if isinstance(pool, (SdkPool, AsyncSdkPool)):
            refuse_httpx_send(monkeypatch)
        request = pool.build_request("GET", f"http://api.test{path}", headers={"X-Call": "1"})
        response = await send(mode, pool, request, auth=auth, follow_redirects=False)
        assert response.request is request
        results.append(seen(response))
    assert results[0] == results[1]
    assert results[0][0] == (200 if path == "/a" else 302)
    assert len(results[0][6]) == (1 if isinstance(auth, TokenFirst) else 0)


async def test_streamed_answer_is_left_unread(mode: Mode, monkeypatch: pytest.MonkeyPatch) -> None:
    pool = pools(mode)[0]
    refuse_httpx_send(monkeypatch)
    request = pool.build_request("GET", "http://api.test/a")
    response = await send(
        mode, pool, request, stream=True, auth=BearerAuth("t"), follow_redirects=False
    )
    assert not response.is_closed
    body = await mode(response.aread() if mode.is_async else response.read())
    assert body == b'{"path":"/a"}'
    await mode(response.aclose() if mode.is_async else response.close())
    assert isinstance(response.elapsed, timedelta)


async def test_transport_error_carries_the_request(mode: Mode) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    for pool in pools(mode, fail):
        request = pool.build_request("GET", "http://api.test/a")
        with pytest.raises(httpx.ConnectError, match="refused") as caught:
            await send(mode, pool, request, auth=BearerAuth("t"), follow_redirects=False)
        assert caught.value.request is request


async def test_the_pool_timeout_applies_to_a_request_built_without_one(mode: Mode) -> None:
    timeouts = []
    for pool in pools(mode, timeout=httpx.Timeout(3.0, connect=1.0)):
        request = httpx.Request("GET", "http://api.test/a")
        await send(mode, pool, request, auth=BearerAuth("t"), follow_redirects=False)
        timeouts.append(request.extensions["timeout"])
    assert timeouts[0] == timeouts[1] == {"connect": 1.0, "read": 3.0, "write": 3.0, "pool": 3.0}


async def test_mounted_transports_are_used(mode: Mode, monkeypatch: pytest.MonkeyPatch) -> None:
    mount = httpx.MockTransport(lambda request: httpx.Response(200, text="mounted"))
    pool = pools(mode, mounts={"http://proxy.test": mount})[0]
    refuse_httpx_send(monkeypatch)
    request = pool.build_request("GET", "http://proxy.test/x")
    response = await send(mode, pool, request, auth=BearerAuth("t"), follow_redirects=False)
    assert response.text == "mounted"


async def test_httpx_log_line_is_kept(mode: Mode, caplog: pytest.LogCaptureFixture) -> None:
    lines = []
    for pool in pools(mode):
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="httpx"):
            request = pool.build_request("GET", "http://api.test/a")
            await send(mode, pool, request, auth=BearerAuth("t"), follow_redirects=False)
        lines.append([record.getMessage() for record in caplog.records])
    assert lines[0] == lines[1] == ['HTTP Request: GET http://api.test/a "HTTP/1.1 200 OK"']


async def test_what_the_sdk_never_asks_goes_through_httpx(mode: Mode) -> None:
    """Redirects followed, event hooks, the pool's default auth, a closed pool: httpx's own
    ``send`` does it all, as on any pool."""
    calls: list[str] = []

    def hook(thing: Any) -> None:
        calls.append(type(thing).__name__)

    async def async_hook(thing: Any) -> None:
        hook(thing)

    hooks = {"request": [async_hook if mode.is_async else hook], "response": []}
    for pool in pools(mode, event_hooks=hooks):
        request = pool.build_request("GET", "http://api.test/moved")
        followed = await send(mode, pool, request, auth=BearerAuth("t"), follow_redirects=True)
        assert (followed.status_code, followed.url.path) == (200, "/a")
        default = await send(mode, pool, pool.build_request("GET", "http://api.test/a"))
        assert default.request.headers.get("Authorization") is None
        await mode(pool.aclose() if mode.is_async else pool.close())
        with pytest.raises(RuntimeError, match="client has been closed"):
            await send(mode, pool, request, auth=BearerAuth("t"), follow_redirects=False)
    assert calls == ["Request"] * 6


async def test_a_body_of_the_other_kind_is_refused(
    mode: Mode, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A body only the other kind of pool can read (an async iterator on a sync pool, a
    sync one on an async pool) is refused before anything is sent, as httpx refuses it."""

    async def async_chunks() -> AsyncGenerator[bytes]:
        yield b"x"

    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return answer(request)

    pool = pools(mode, record)[0]
    refuse_httpx_send(monkeypatch)
    body = iter([b"x"]) if mode.is_async else async_chunks()
    request = httpx.Request("POST", "http://api.test/a", content=body)
    with pytest.raises(RuntimeError, match="a request body of the wrong kind"):
        await send(mode, pool, request, auth=BearerAuth("t"), follow_redirects=False)
    assert sent == []


class Chunks(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that arrives in chunks, as from a socket; ``fail``: the connection breaks after
    the first one."""

    def __init__(self, *chunks: bytes, fail: bool = False) -> None:
        self.chunks = chunks
        self.fail = fail
        self.closed = False

    def __iter__(self) -> Generator[bytes]:
        for n, chunk in enumerate(self.chunks):
            if n and self.fail:
                raise httpx.ReadError("connection reset")
            yield chunk

    async def __aiter__(self) -> AsyncGenerator[bytes]:
        for chunk in self:
            yield chunk

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


GZIPPED = gzip.compress(b'{"path":"/a"}')
BODIES: dict[str, Callable[[], tuple[httpx.SyncByteStream, dict[str, str]]]] = {
    "in-memory": lambda: (httpx.ByteStream(b'{"path":"/a"}'), {}),
    "chunks": lambda: (Chunks(b'{"path":', b'"/a"}'), {}),
    "empty": lambda: (Chunks(), {}),
    "gzip": lambda: (Chunks(GZIPPED[:9], GZIPPED[9:]), {"Content-Encoding": "gzip"}),
}


@pytest.mark.parametrize("body", list(BODIES))
async def test_a_whole_answer_reads_as_httpx_reads_it(
    mode: Mode, monkeypatch: pytest.MonkeyPatch, body: str
) -> None:
    """A body with nothing to decode is read without httpx's read loop and leaves the state
    httpx's read leaves; an encoded one goes through that loop, which decodes it."""
    looped: list[str] = []
    name = "aiter_raw" if mode.is_async else "iter_raw"
    loop = getattr(httpx.Response, name)

    def counting(self: httpx.Response, chunk_size: int | None = None) -> Any:
        looped.append(name)
        return loop(self, chunk_size)

    monkeypatch.setattr(httpx.Response, name, counting)
    streams: list[Any] = []

    def handler(request: httpx.Request) -> httpx.Response:
        stream, headers = BODIES[body]()
        streams.append(stream)
        return httpx.Response(200, headers=headers, stream=stream)

    results = []
    for pool in reversed(pools(mode, handler)):  # httpx's first
        if isinstance(pool, (SdkPool, AsyncSdkPool)):
            refuse_httpx_send(monkeypatch)
            looped.clear()
        request = pool.build_request("GET", "http://api.test/a")
        response = await send(mode, pool, request, auth=BearerAuth("t"), follow_redirects=False)
        results.append(seen(response))
    assert results[0] == results[1]
    assert results[1][1] == (b"" if body == "empty" else b'{"path":"/a"}')
    assert looped == ([name] if body == "gzip" else [])
    assert all(stream.closed for stream in streams if isinstance(stream, Chunks))


async def test_a_body_broken_midway_fails_as_with_httpx(mode: Mode) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=Chunks(b"{", b"}", fail=True))

    for pool in pools(mode, handler):
        request = pool.build_request("GET", "http://api.test/a")
        with pytest.raises(httpx.ReadError, match="connection reset") as caught:
            await send(mode, pool, request, auth=BearerAuth("t"), follow_redirects=False)
        assert caught.value.request is request


async def test_a_static_token_is_set_without_running_its_flow(
    mode: Mode, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The SDK's pool sets a static bearer token's header itself (what its flow does); a token
    from a provider, or a subclass, still runs the flow."""
    ran: list[str] = []
    flows = {name: getattr(BearerAuth, name) for name in ("sync_auth_flow", "async_auth_flow")}

    def counting(name: str) -> Any:
        def flow(self: BearerAuth, request: httpx.Request) -> Any:
            ran.append(name)
            return flows[name](self, request)

        return flow

    for name in flows:
        monkeypatch.setattr(BearerAuth, name, counting(name))

    class Subclass(BearerAuth):
        pass

    pool = pools(mode)[0]
    cases = ((BearerAuth("t-1"), 0), (BearerAuth(lambda: "t-1"), 1), (Subclass("t-1"), 1))
    for auth, runs in cases:
        ran.clear()
        request = pool.build_request("GET", "http://api.test/a")
        response = await send(mode, pool, request, auth=auth, follow_redirects=False)
        assert response.request.headers["Authorization"] == "Bearer t-1"
        assert (response.history, len(ran)) == ([], runs)


async def test_an_answer_the_transport_read_whole_is_not_read_again(
    mode: Mode, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pool tells the transport whether it reads the body whole (`READ_WHOLE`: not when
    streamed); an answer handed over read is timed and returned as it is, not read again."""
    asked: list[object] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(request.extensions.get(READ_WHOLE))
        response = httpx.Response(200, stream=httpx.ByteStream(b'{"n":1}'))
        if request.extensions.get(READ_WHOLE):
            mark_read(response, b'{"n":1}')
        return response

    def refuse(*args: Any) -> Any:
        raise AssertionError("read again")

    pool = pools(mode, handler)[0]
    monkeypatch.setattr(type(pool), "_read_whole", refuse)
    auth = BearerAuth("secret-token")
    direct = {"auth": auth, "follow_redirects": False}
    read = await send(mode, pool, pool.build_request("GET", "http://api.test/a"), **direct)
    streamed = await send(
        mode, pool, pool.build_request("GET", "http://api.test/a"), stream=True, **direct
    )
    body = await mode(streamed.aread() if mode.is_async else streamed.read())
    assert asked == [True, False]
    assert (read.content, read.is_closed, read.num_bytes_downloaded) == (b'{"n":1}', True, 7)
    assert isinstance(read.elapsed, timedelta)
    assert body == b'{"n":1}'
    await mode(pool.aclose() if mode.is_async else pool.close())
