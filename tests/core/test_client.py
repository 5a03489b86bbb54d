"""Client options, lifecycle, the request escape hatch and raw responses."""

from __future__ import annotations

import asyncio
import pickle
import platform
import warnings

import httpx
import pytest

from supplychain_sdk import __version__
from supplychain_sdk._core import (
    APIModel,
    AsyncAPIClient,
    ClientConfig,
    InvalidRequestError,
    SyncAPIClient,
    Timeout,
    capture_responses,
)
from supplychain_sdk._core._logging import secret_segments
from supplychain_sdk._core.config import shared_ssl_context, user_agent
from supplychain_sdk._core.response import RawResponse
from tests.conftest import BASE, Mode, mock


class Thing(APIModel):
    thing_id: int
    label: str


def test_user_agent_format() -> None:
    python, httpx_version = platform.python_version(), httpx.__version__
    expected = f"supplychain-sdk/{__version__} python/{python} httpx/{httpx_version}"
    assert user_agent() == expected
    assert user_agent(("acme-erp-plugin", "2.1.0")) == f"{expected} acme-erp-plugin/2.1.0"


@pytest.mark.parametrize("bad", [("a",), ("a b", "1"), ("", "1"), ("a", "1/2")])
def test_app_info_validated(bad: tuple[str, ...]) -> None:
    with pytest.raises(InvalidRequestError, match="app_info"):
        ClientConfig(base_url=BASE, app_info=bad)  # type: ignore[arg-type]


def test_config_validation() -> None:
    with pytest.raises(InvalidRequestError, match="base_url"):
        ClientConfig(base_url="ftp://x")
    with pytest.raises(InvalidRequestError, match="base_url"):
        ClientConfig(base_url="/relative")
    with pytest.raises(InvalidRequestError, match="max_retries must be a number >= 0"):
        ClientConfig(base_url=BASE, max_retries=-1)
    with pytest.raises(InvalidRequestError, match="retry_budget"):
        ClientConfig(base_url=BASE, retry_budget=-1)
    with pytest.raises(InvalidRequestError, match="max_retry_wait"):
        ClientConfig(base_url=BASE, max_retry_wait=True)
    with pytest.raises(InvalidRequestError, match="read"):
        Timeout(read=0)
    assert ClientConfig(base_url=BASE + "/v1/").base_url == BASE + "/v1"
    assert ClientConfig(base_url=BASE, timeout=5).timeout == Timeout(5, 5, 5, 5)


async def test_headers_sent(mode: Mode) -> None:
    with mock() as router:
        route = router.post("/a").respond(201, json={"thingId": 1, "label": "x"})
        client = mode.client(default_headers={"X-Org-Id": "org-1"}, app_info=("plugin", "1.0"))
        thing = await mode(
            client.request("POST", "/a", json={"b": 1}, headers={"X-Trace": "t"}, cast_to=Thing)
        )
        assert thing == Thing(thing_id=1, label="x")
        sent = route.calls.last.request
        assert sent.headers["User-Agent"].endswith(" plugin/1.0")
        assert sent.headers["Accept"] == "application/json"
        assert sent.headers["X-Org-Id"] == "org-1"
        assert sent.headers["X-Trace"] == "t"
        assert sent.headers["Content-Type"] == "application/json"
        assert sent.content == b'{"b":1}'


async def test_base_url_path_prefix_and_params(mode: Mode) -> None:
    with mock(base_url=BASE + "/v1") as router:
        route = router.get("/items").respond(200, json=[])
        client = mode.client(base_url=BASE + "/v1")
        params = {"a": None, "flag": True, "ids": [1, 2], "when": "2024-01-01"}
        await mode(client.request("GET", "/items", params=params))
        assert str(route.calls.last.request.url) == (
            f"{BASE}/v1/items?flag=true&ids=1&ids=2&when=2024-01-01"
        )


async def test_models_sent_by_alias(mode: Mode) -> None:
    with mock() as router:
        route = router.post("/a").respond(200, json={})
        await mode(mode.client().request("POST", "/a", json={"t": [Thing(thing_id=2, label="y")]}))
        assert route.calls.last.request.content == b'{"t":[{"thingId":2,"label":"y"}]}'


async def test_per_call_timeout(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/a").respond(200)
        await mode(mode.client().request("GET", "/a", timeout=2.5))
        assert route.calls.last.request.extensions["timeout"] == {
            "connect": 2.5,
            "read": 2.5,
            "write": 2.5,
            "pool": 2.5,
        }


async def test_with_options_shares_pool_and_keeps_original(mode: Mode) -> None:
    client = mode.client(max_retries=2, default_headers={"A": "1"})
    derived = client.with_options(max_retries=0, default_headers={"B": "2"})
    assert derived._http is client._http
    assert derived.config.max_retries == 0
    assert client.config.max_retries == 2
    assert dict(derived.config.default_headers) == {"A": "1", "B": "2"}
    await mode.close(derived)
    assert not client._http.is_closed  # the derived client does not own the pool
    await mode.close(client)
    assert client._http.is_closed


async def test_sdk_headers_ride_on_its_own_pool_and_per_request_elsewhere(mode: Mode) -> None:
    """The SDK's pool carries its User-Agent and Accept once; a derived client with another
    app_info sends its own User-Agent over the shared pool; an injected client is never
    changed, and gets the SDK's headers on each request; default_headers are never put on a
    pool (they may hold a secret, and a pool can send elsewhere)."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={})

    client = mode.client(default_headers={"X-Key": "k-1"}, timeout=4)
    assert client._http.headers["User-Agent"] == user_agent()
    assert client._http.headers["Accept"] == "application/json"
    assert "X-Key" not in client._http.headers
    derived = client.with_options(app_info=("plugin", "2.0"), timeout=7)
    injected: httpx.Client | httpx.AsyncClient = (
        httpx.AsyncClient(transport=httpx.MockTransport(answer))
        if mode.is_async
        else httpx.Client(transport=httpx.MockTransport(answer))
    )
    before = dict(injected.headers)
    on_injected = mode.client(http_client=injected, default_headers={"X-Key": "k-2"})
    on_injected_derived = on_injected.with_options(app_info=("plugin", "3.0"))
    with mock() as router:
        route = router.get("/a").respond(200, json={})
        await mode(client.request("GET", "/a"))
        await mode(derived.request("GET", "/a"))
    await mode(on_injected.request("GET", "/a"))
    await mode(on_injected_derived.request("GET", "/a"))
    first, second = (call.request for call in route.calls)
    assert (first.headers["User-Agent"], first.headers["X-Key"]) == (user_agent(), "k-1")
    assert second.headers["User-Agent"] == user_agent(("plugin", "2.0"))
    assert second.headers["X-Key"] == "k-1"
    assert [r.headers["User-Agent"] for r in sent] == [
        user_agent(),
        user_agent(("plugin", "3.0")),
    ]
    assert all(r.headers["Accept"] == "application/json" for r in (first, second, *sent))
    assert all(r.headers["X-Key"] == "k-2" for r in sent)
    assert dict(injected.headers) == before
    # the pool's own timeout is the client's; a derived client sends its own with each call
    assert first.extensions["timeout"] == dict.fromkeys(("connect", "read", "write", "pool"), 4)
    assert second.extensions["timeout"] == dict.fromkeys(("connect", "read", "write", "pool"), 7)
    assert [r.extensions["timeout"]["read"] for r in sent] == [60.0, 60.0]
    assert client._http.headers["User-Agent"] == user_agent()  # the derived one left it alone
    await mode.close(client)
    if isinstance(injected, httpx.AsyncClient):
        await injected.aclose()
    else:
        await asyncio.to_thread(injected.close)


async def test_own_pool_keeps_no_cookies_an_injected_one_keeps_its_own(mode: Mode) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("Cookie"))
        return httpx.Response(200, json={}, headers={"Set-Cookie": "lb=node-7; Path=/"})

    seen: list[str | None] = []
    injected: httpx.Client | httpx.AsyncClient = (
        httpx.AsyncClient(transport=httpx.MockTransport(answer))
        if mode.is_async
        else httpx.Client(transport=httpx.MockTransport(answer))
    )
    client = mode.client()
    on_injected = mode.client(http_client=injected)
    with mock() as router:
        route = router.get("/a").mock(side_effect=answer)
        for _ in range(2):
            await mode(client.request("GET", "/a"))
        assert dict(client._http.cookies) == {}  # the answer's cookie was not kept
        client._http.cookies = {"pinned": "by-hand"}  # a cookie set by hand is sent
        await mode(client.request("GET", "/a"))
        assert route.call_count == 3
    for _ in range(2):
        await mode(on_injected.request("GET", "/a"))
    assert seen == [None, None, "pinned=by-hand", None, "lb=node-7"]
    assert dict(injected.cookies) == {"lb": "node-7"}  # the owner's pool, the owner's rules
    await mode.close(client)
    await mode.close(on_injected)
    if isinstance(injected, httpx.AsyncClient):
        await injected.aclose()
    else:
        await asyncio.to_thread(injected.close)


async def test_context_manager_closes_owned_pool(mode: Mode) -> None:
    if mode.is_async:
        async with mode.client() as client:  # type: ignore[union-attr]
            pass
    else:
        with mode.client() as client:  # type: ignore[union-attr]
            pass
    assert client._http.is_closed


async def test_injected_http_client_is_used_and_left_open(mode: Mode) -> None:
    transport = httpx.MockTransport(lambda r: httpx.Response(200, json={"via": "injected"}))
    http: httpx.Client | httpx.AsyncClient = (
        httpx.AsyncClient(transport=transport)
        if mode.is_async
        else httpx.Client(transport=transport)
    )
    client = mode.client(http_client=http)
    assert await mode(client.request("GET", "/a")) == {"via": "injected"}
    await mode.close(client)
    assert not http.is_closed
    if isinstance(http, httpx.AsyncClient):
        await http.aclose()
    else:
        http.close()  # noqa: ASYNC212 - the sync client under test


def test_wrong_injected_client_type() -> None:
    with pytest.raises(InvalidRequestError, match="AsyncClient"):
        AsyncAPIClient(ClientConfig(base_url=BASE, http_client=httpx.Client()))
    with pytest.raises(InvalidRequestError, match=r"httpx\.Client"):
        SyncAPIClient(ClientConfig(base_url=BASE, http_client=httpx.AsyncClient()))


@pytest.mark.parametrize("cls", [SyncAPIClient, AsyncAPIClient])
def test_clients_share_one_ssl_context(cls: type[SyncAPIClient]) -> None:
    """Cheap clients: no SSL context is built per client (timings: benchmarks/)."""
    first, second = cls(ClientConfig(base_url=BASE)), cls(ClientConfig(base_url=BASE))
    contexts = [c._http._transport._pool._ssl_context for c in (first, second)]  # type: ignore[attr-defined]
    assert contexts[0] is contexts[1] is shared_ssl_context()


async def test_async_close_leaves_no_warnings() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with mock() as router:
            router.get("/a").respond(200, json={})
            async with Mode("async").client() as client:  # type: ignore[union-attr]
                await client.request("GET", "/a")
        await asyncio.sleep(0)


async def test_capture_responses_and_last_response(mode: Mode) -> None:
    with mock() as router:
        router.get("/a").respond(200, json={}, headers={"X-Request-Id": "r-1"})
        router.get("/b").respond(200, json={}, headers={"Request-Id": "r-2"})
        client = mode.client()
        assert client.last_response is None
        with capture_responses() as seen:
            await mode(client.request("GET", "/a"))
            await mode(client.request("GET", "/b"))
        await mode(client.request("GET", "/a"))
        assert [r.request_id for r in seen] == ["r-1", "r-2"]
        assert seen[0].status_code == 200
        assert seen[0].header("X-REQUEST-ID") == "r-1"
        assert client.last_response is not None
        assert client.last_response.url == f"{BASE}/a"


def test_raw_response_redacts_when_read_and_holds_no_request() -> None:
    """`RawResponse.from_httpx` defers the header and URL redaction to the first read; until
    then it holds the answer's headers and the URL, never the request (its Authorization)."""
    request = httpx.Request(
        "GET", f"{BASE}/a?api_key=s3cret&x=1", headers={"Authorization": "Bearer t0ken"}
    )
    response = httpx.Response(
        200,
        headers={"Set-Cookie": "session=abc", "X-Request-Id": "r-1"},
        content=b"{}",
        request=request,
    )
    raw = RawResponse.from_httpx(response)
    assert "t0ken" not in repr(raw._source)  # only the answer's headers and the URL
    assert raw.method == "GET"
    assert raw.status_code == 200
    assert raw.url == f"{BASE}/a?api_key=[REDACTED]&x=1"
    assert dict(raw.headers) == {
        "set-cookie": "[REDACTED]",
        "x-request-id": "r-1",
        "content-length": "2",
    }
    assert raw._source is None  # dropped once redacted
    assert raw.request_id == "r-1"
    assert repr(raw) == (
        f"RawResponse(status_code=200, method='GET', url='{BASE}/a?api_key=[REDACTED]&x=1', "
        "elapsed=None)"
    )
    same = RawResponse(200, dict(raw.headers), "GET", raw.url)
    assert raw == same
    assert raw != RawResponse(404, dict(raw.headers), "GET", raw.url)
    pickled = pickle.dumps(RawResponse.from_httpx(response))
    assert b"s3cret" not in pickled
    assert b"abc" not in pickled
    assert pickle.loads(pickled) == same
    with pytest.raises(AttributeError, match="read-only"):
        raw.status_code = 500  # type: ignore[misc]
    with pytest.raises(TypeError):
        hash(raw)
    # a secret path segment of the call is masked even when the URL is first read after it
    secret = httpx.Response(404, request=httpx.Request("GET", f"{BASE}/by-token/tk-9"))
    with secret_segments(("tk-9",)):
        late = RawResponse.from_httpx(secret)
    assert late.url == f"{BASE}/by-token/[REDACTED]"


def test_raw_response_elapsed_without_an_exception() -> None:
    """`RawResponse.elapsed` is httpx's figure (``response.elapsed``) for an answer read
    through a client's stream; an answer made whole in memory (a mock) has none, and no
    exception is raised to find that out."""

    def streamed(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=httpx.ByteStream(b"{}"))

    with httpx.Client(transport=httpx.MockTransport(streamed)) as http:
        read = http.get(f"{BASE}/a")
    assert read.is_closed
    elapsed = RawResponse.from_httpx(read).elapsed
    assert isinstance(elapsed, float)
    assert elapsed == read.elapsed.total_seconds()
    whole = httpx.Response(200, content=b"{}", request=httpx.Request("GET", f"{BASE}/a"))
    with pytest.raises(RuntimeError):
        whole.elapsed  # noqa: B018  # what httpx says of an answer it never timed

    def refuse(self: httpx.Response) -> None:
        raise AssertionError("the elapsed property was asked (it raises for this answer)")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(httpx.Response, "elapsed", property(refuse))
        assert RawResponse.from_httpx(whole).elapsed is None
        assert RawResponse.from_httpx(read).elapsed == elapsed


async def test_request_validates_method(mode: Mode) -> None:
    with pytest.raises(InvalidRequestError, match="method"):
        await mode(mode.client().request("", "/a"))


def test_sync_client_works_inside_a_running_event_loop() -> None:
    """Jupyter runs a loop; the sync client must not try to start one."""

    async def notebook_cell() -> object:
        with mock() as router:
            router.get("/a").respond(200, json={"ok": 1})
            client = SyncAPIClient(ClientConfig(base_url=BASE))
            return client.request("GET", "/a")

    assert asyncio.run(notebook_cell()) == {"ok": 1}


async def test_request_with_multipart_form_and_raw_content(mode: Mode) -> None:
    with mock() as router:
        route = router.post("/upload").respond(201, json={"ok": True})
        client = mode.client()
        await mode(
            client.request(
                "POST",
                "/upload",
                data={"type": "Invoice"},
                files={"file": ("inv.pdf", b"%PDF-1.4", "application/pdf")},
            )
        )
        sent = route.calls.last.request
        assert sent.headers["Content-Type"].startswith("multipart/form-data; boundary=")
        body = sent.read()
        assert b'name="type"\r\n\r\nInvoice' in body
        assert b'filename="inv.pdf"' in body
        assert b"%PDF-1.4" in body
        await mode(client.request("POST", "/upload", content=b"raw-bytes"))
        assert route.calls.last.request.content == b"raw-bytes"


async def test_download_streams_into_a_sink(mode: Mode) -> None:
    import io

    from supplychain_sdk._core import RequestSpec

    payload = b"sku;qty\n" + b"A-1;5\n" * 50_000
    with mock() as router:
        route = router.get("/export").mock(
            side_effect=[httpx.Response(503), httpx.Response(200, content=payload)]
        )
        sink = io.BytesIO()
        client = mode.client()
        response, body = await mode(
            client._send(RequestSpec(method="GET", path="/export"), sink=sink)
        )
        assert body is None
        assert response.status_code == 200
        assert sink.getvalue() == payload
        assert route.call_count == 2  # retried before any byte was written


async def test_download_error_status_is_typed_and_sink_untouched(mode: Mode) -> None:
    import io

    from supplychain_sdk._core import NotFoundError, RequestSpec

    with mock() as router:
        router.get("/export").respond(404, json={"message": "no export"})
        sink = io.BytesIO()
        with pytest.raises(NotFoundError, match="no export"):
            await mode(mode.client()._send(RequestSpec(method="GET", path="/export"), sink=sink))
        assert sink.getvalue() == b""


class _BrokenStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    def __iter__(self):  # type: ignore[no-untyped-def]
        yield b"first-chunk"
        raise httpx.ReadError("connection reset")

    async def __aiter__(self):  # type: ignore[no-untyped-def]
        yield b"first-chunk"
        raise httpx.ReadError("connection reset")


async def test_download_failing_midway_is_not_retried(mode: Mode) -> None:
    import io

    from supplychain_sdk._core import APIConnectionError, RequestSpec

    with mock() as router:
        route = router.get("/export").mock(
            side_effect=lambda request: httpx.Response(200, stream=_BrokenStream())
        )
        sink = io.BytesIO()
        with pytest.raises(APIConnectionError, match="after 11 bytes were written") as caught:
            await mode(mode.client()._send(RequestSpec(method="GET", path="/export"), sink=sink))
        assert route.call_count == 1
    assert caught.value.retryable is False
    assert sink.getvalue() == b"first-chunk"


async def test_download_of_a_json_answer_is_checked_before_writing(mode: Mode) -> None:
    import io

    from supplychain_sdk._core import ErrorDetails, NotFoundError, Platform, RequestSpec

    def envelope(body: object) -> ErrorDetails | None:
        if isinstance(body, dict) and body.get("success") is False:
            return ErrorDetails(code="NOT_FOUND", message=body["message"], status_code=404)
        return None

    with mock() as router:
        route = router.get("/export").mock(
            side_effect=[
                httpx.Response(200, json={"success": False, "message": "no items"}),
                httpx.Response(200, json={"success": True, "rows": [1, 2]}),
            ]
        )
        client = mode.client()
        client.platform = Platform(envelope_error=envelope)
        sink = io.BytesIO()
        with pytest.raises(NotFoundError, match="no items"):
            await mode(client._send(RequestSpec(method="GET", path="/export"), sink=sink))
        assert sink.getvalue() == b""
        _response, body = await mode(
            client._send(RequestSpec(method="GET", path="/export"), sink=sink)
        )
        assert body is None
        assert sink.getvalue() == route.calls.last.response.content
