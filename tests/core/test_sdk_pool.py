"""The SDK's own pool sends its requests directly (`SdkPool.send`), and what a caller
can see is what ``httpx.Client.send`` gives: every scenario here runs on both and compares."""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator, Callable, Generator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from supplychain_sdk._core._async.pool import AsyncSdkPool
from supplychain_sdk._core._sync.pool import SdkPool
from supplychain_sdk._core.auth import BearerAuth
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
    """A body that arrives in two chunks, as from a socket."""

    def __iter__(self) -> Generator[bytes]:
        yield from (b'{"path":', b'"/a"}')

    async def __aiter__(self) -> AsyncGenerator[bytes]:
        for chunk in (b'{"path":', b'"/a"}'):
            yield chunk


@pytest.mark.parametrize("in_memory", [True, False], ids=["in-memory", "chunks"])
async def test_a_body_in_memory_is_read_in_place(
    mode: Mode, monkeypatch: pytest.MonkeyPatch, in_memory: bool
) -> None:
    """A body the transport holds whole (aiohttp's small answers) is read without httpx's
    async read loop; one still arriving goes through it. Both are timed."""
    looped: list[int] = []
    loop = httpx.Response.aiter_raw

    def counting(self: httpx.Response, chunk_size: int | None = None) -> Any:
        looped.append(1)
        return loop(self, chunk_size)

    monkeypatch.setattr(httpx.Response, "aiter_raw", counting)

    def handler(request: httpx.Request) -> httpx.Response:
        stream = httpx.ByteStream(b'{"path":"/a"}') if in_memory else Chunks()
        return httpx.Response(200, stream=stream)

    pool = pools(mode, handler)[0]
    refuse_httpx_send(monkeypatch)
    request = pool.build_request("GET", "http://api.test/a")
    response = await send(mode, pool, request, auth=BearerAuth("t"), follow_redirects=False)
    assert (response.content, response.is_closed) == (b'{"path":"/a"}', True)
    assert isinstance(response.elapsed, timedelta)
    assert looped == ([1] if mode.is_async and not in_memory else [])
