"""Fault tests over real loopback sockets (the demo fake served by uvicorn, or a raw server)."""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from collections.abc import Iterator

import pytest

from supplychain_sdk._core import (
    APIConnectionError,
    APITimeoutError,
    ForeignOriginError,
    InternalServerError,
    NextURLPagination,
    OAuth2ClientCredentials,
    RequestSpec,
    SupplyChainError,
)
from tests.conftest import Mode
from tests.demo_sandbox import CLIENT_ID, CLIENT_SECRET, WidgetSandbox


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[WidgetSandbox, str]]:
    fake = WidgetSandbox(widgets=40)
    with fake.serve() as base_url:
        yield fake, base_url


@pytest.fixture
def fake(served: tuple[WidgetSandbox, str]) -> WidgetSandbox:
    sandbox = served[0]
    sandbox.faults.clear()
    sandbox.requests.clear()
    sandbox.foreign_next_url = None
    return sandbox


def client_for(mode: Mode, base_url: str, **options: object):  # type: ignore[no-untyped-def]
    return mode.client(
        base_url=base_url,
        auth=OAuth2ClientCredentials("/oauth/token", CLIENT_ID, CLIENT_SECRET),
        **options,
    )


def paths(fake: WidgetSandbox, path: str) -> int:
    return sum(r.path == path for r in fake.requests)


async def test_connection_dropped_mid_body_is_retried_for_get(
    mode: Mode, fake: WidgetSandbox, served: tuple[WidgetSandbox, str]
) -> None:
    fake.faults.drop_connection(path="^/widgets/3$")
    client = client_for(mode, served[1])
    got = await mode(client.request("GET", "/widgets/3"))
    assert got["id"] == "3"
    assert paths(fake, "/widgets/3") == 2
    await mode.close(client)


async def test_connection_dropped_mid_body_not_retried_for_post(
    mode: Mode, fake: WidgetSandbox, served: tuple[WidgetSandbox, str]
) -> None:
    fake.faults.drop_connection(method="POST", path="^/widgets$")
    client = client_for(mode, served[1])
    with pytest.raises(APIConnectionError):
        await mode(client.request("POST", "/widgets", json={"name": "once"}))
    assert paths(fake, "/widgets") == 1
    await mode.close(client)


async def test_read_timeout(
    mode: Mode, fake: WidgetSandbox, served: tuple[WidgetSandbox, str]
) -> None:
    fake.faults.delay(1.0, path="^/widgets/4$")
    client = client_for(mode, served[1], max_retries=0, timeout=0.2)
    with pytest.raises(APITimeoutError):
        await mode(client.request("GET", "/widgets/4"))
    await mode.close(client)


async def test_503_then_200_retried_for_get_not_for_post(
    mode: Mode, fake: WidgetSandbox, served: tuple[WidgetSandbox, str]
) -> None:
    client = client_for(mode, served[1])
    fake.faults.statuses([503, 200], method="GET", path="^/widgets/5$")
    assert (await mode(client.request("GET", "/widgets/5")))["id"] == "5"
    assert paths(fake, "/widgets/5") == 2
    fake.faults.statuses([503, 200], method="POST", path="^/widgets$")
    with pytest.raises(InternalServerError):
        await mode(client.request("POST", "/widgets", json={"name": "x"}))
    assert paths(fake, "/widgets") == 1
    await mode.close(client)


async def test_429_retry_after_honoured_with_fake_sleep(
    mode: Mode, fake: WidgetSandbox, served: tuple[WidgetSandbox, str]
) -> None:
    fake.faults.rate_limit(retry_after=9, path="^/widgets/6$")
    client = client_for(mode, served[1])
    assert (await mode(client.request("GET", "/widgets/6")))["id"] == "6"
    assert mode.sleeps == [9.0]
    await mode.close(client)


async def test_server_side_expiry_renewed_once_by_20_tasks(
    fake: WidgetSandbox, served: tuple[WidgetSandbox, str]
) -> None:
    mode = Mode("async")
    client = client_for(mode, served[1])
    await client.request("GET", "/widgets/1")
    issued = fake.tokens_issued
    fake.expire_tokens()
    results = await asyncio.gather(*(client.request("GET", f"/widgets/{i}") for i in range(1, 21)))
    assert [r["id"] for r in results] == [str(i) for i in range(1, 21)]
    assert fake.tokens_issued == issued + 1
    await client.close()


def test_server_side_expiry_renewed_once_by_8_threads(
    fake: WidgetSandbox, served: tuple[WidgetSandbox, str]
) -> None:
    mode = Mode("sync")
    client = client_for(mode, served[1])
    client.request("GET", "/widgets/1")
    issued = fake.tokens_issued
    fake.expire_tokens()
    barrier = threading.Barrier(8)
    results: list[object] = []

    def work(i: int) -> None:
        barrier.wait()
        try:
            results.append(client.request("GET", f"/widgets/{i}")["id"])
        except SupplyChainError as exc:  # pragma: no cover - shows up in the assertion
            results.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(1, 9)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == sorted(str(i) for i in range(1, 9))  # type: ignore[type-var]
    assert fake.tokens_issued == issued + 1
    client.close()


async def test_foreign_next_page_url_refused_with_no_request_sent(
    mode: Mode, fake: WidgetSandbox, served: tuple[WidgetSandbox, str]
) -> None:
    # Same host, other port: another origin; the bearer token must not go there.
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        other.settimeout(0.5)
        port = other.getsockname()[1]
        fake.foreign_next_url = f"http://127.0.0.1:{port}/widgets/by-cursor?cursor=10"
        client = client_for(mode, served[1])
        pager = client._paginate(
            RequestSpec(method="GET", path="/widgets/by-cursor"),
            strategy=NextURLPagination(next_url=lambda body, raw: body["nextPageUrl"]),
            item_type=dict,
            items=lambda body: body["data"],
        )
        with pytest.raises(ForeignOriginError):
            await mode.collect(pager)
        with pytest.raises(TimeoutError):
            other.accept()  # nobody connected
    assert paths(fake, "/widgets/by-cursor") == 1
    await mode.close(client)


async def test_canary_secret_absent_over_sockets(
    mode: Mode,
    fake: WidgetSandbox,
    served: tuple[WidgetSandbox, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="supplychain_sdk")
    client = client_for(mode, served[1], max_retries=1)
    fake.faults.statuses([500, 500], path="^/widgets/7$")
    with pytest.raises(InternalServerError) as caught:
        await mode(client.request("GET", "/widgets/7"))
    token = next(iter(fake.valid_tokens))
    texts = [r.getMessage() for r in caplog.records]
    texts += [str(caught.value), repr(caught.value), repr(client), repr(client.config)]
    texts += [repr(client.config.auth)]
    assert len(texts) > 5
    for text in texts:
        assert CLIENT_SECRET not in text
        assert token not in text
    await mode.close(client)


def raw_server(payload: bytes) -> tuple[socket.socket, threading.Thread]:
    """A one-shot server that answers every connection with ``payload`` and closes."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()

    def serve() -> None:
        for _ in range(3):
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                conn.recv(65536)
                conn.sendall(payload)
                conn.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
                )

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return server, thread


async def test_reset_mid_body_from_raw_socket(mode: Mode) -> None:
    truncated = (
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n"
        b'{"partial": '
    )
    server, thread = raw_server(truncated)
    port = server.getsockname()[1]
    client = mode.client(base_url=f"http://127.0.0.1:{port}", max_retries=2)
    with pytest.raises(APIConnectionError) as caught:
        await mode(client.request("GET", "/x"))
    assert "RemoteProtocolError" in str(caught.value) or "ReadError" in str(caught.value)
    assert len(mode.sleeps) == 2  # retried twice, then gave up
    server.close()
    thread.join(timeout=2)
    await mode.close(client)


# -- an async client belongs to one event loop ---------------------------------------------------


def test_async_client_on_a_second_event_loop_gives_a_typed_error(
    fake: WidgetSandbox, served: tuple[WidgetSandbox, str]
) -> None:
    import warnings

    from supplychain_sdk._core import AsyncAPIClient, ClientConfig, EventLoopError

    auth = OAuth2ClientCredentials("/oauth/token", CLIENT_ID, CLIENT_SECRET)
    client = AsyncAPIClient(ClientConfig(base_url=served[1], auth=auth, max_retries=0))
    derived = client.with_options(timeout=5)

    async def first_use() -> None:
        assert (await client.request("GET", "/widgets/1"))["id"] == "1"
        # the test closes the pool behind the client's back, so that no socket of the closed
        # loop is left for the garbage collector (a ResourceWarning); the client still
        # remembers the loop it was used on
        await client._http.aclose()

    asyncio.run(first_use())
    before = len(fake.requests)
    for use in (
        lambda: client.request("GET", "/widgets/1"),
        lambda: derived.request("GET", "/widgets/1"),  # shares the pool, so the same rule
        client.close,
    ):
        with pytest.raises(EventLoopError, match="first used on another event loop") as caught:
            asyncio.run(use())  # type: ignore[operator]
        assert isinstance(caught.value, RuntimeError)
        assert "asyncio.run()" in str(caught.value)
    assert len(fake.requests) == before  # nothing was sent

    async def properly() -> None:  # one client per loop, closed in it: no warnings
        async with AsyncAPIClient(ClientConfig(base_url=served[1], auth=auth)) as fresh:
            assert (await fresh.request("GET", "/widgets/2"))["id"] == "2"

    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)
        asyncio.run(properly())
        asyncio.run(properly())


async def test_injected_async_client_is_not_guarded(fake: WidgetSandbox) -> None:
    from supplychain_sdk._core import AsyncAPIClient, ClientConfig

    auth = OAuth2ClientCredentials("/oauth/token", CLIENT_ID, CLIENT_SECRET)
    http = fake.async_http_client()
    client = AsyncAPIClient(ClientConfig(base_url=fake.base_url, auth=auth, http_client=http))
    assert client._loop_guard is None
    assert (await client.request("GET", "/widgets/3"))["id"] == "3"
    await http.aclose()


async def test_slow_token_endpoint_times_out_with_the_client_timeout(
    mode: Mode, fake: WidgetSandbox, served: tuple[WidgetSandbox, str]
) -> None:
    import time

    fake.faults.delay(1.0, path="^/oauth/token$")
    client = client_for(mode, served[1], max_retries=0, timeout=0.2)
    started = time.monotonic()
    with pytest.raises(APITimeoutError) as caught:
        await mode(client.request("GET", "/widgets/1"))
    elapsed = time.monotonic() - started
    assert elapsed < 0.9  # was: waited out the whole second, holding the token lock
    assert caught.value.token_request is True
    assert caught.value.url == f"{served[1]}/oauth/token"
    assert paths(fake, "/widgets/1") == 0
    await mode.close(client)
