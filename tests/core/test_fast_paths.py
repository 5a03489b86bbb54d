"""The per-call fast paths keep every rule: typed answers validated from their bytes, the
first attempt outside tenacity, paths joined without parsing, redaction remembered."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

import attrs
import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, Discriminator, Tag

from supplychain_sdk._core import (
    APIModel,
    CursorPagination,
    InternalServerError,
    InvalidRequestError,
    RequestSpec,
    ResponseDecodeError,
)
from supplychain_sdk._core._logging import _redact_plain_url, redact_url, secret_segments
from supplychain_sdk._core.decoding import _adapter, _json_validators, validate_json_or_none
from supplychain_sdk._core.urls import joined_url
from tests.conftest import Mode, mock


class Item(APIModel):
    id: int
    price: Decimal | None = None


JSON = {"content-type": "application/json"}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"id": 1', "malformed or truncated JSON"),
        (b'{"id": NaN}', "malformed or truncated JSON"),
        (b'{"id": 1, "price": -Infinity}', "malformed or truncated JSON"),
        (b"[" * 5000 + b"]" * 5000, "nested too deeply"),
        (b'{"id": "one"}', "unexpected shape"),
        (b"[1]", "unexpected shape"),
    ],
    ids=["truncated", "NaN", "Infinity", "deep", "wrong-type", "list"],
)
async def test_typed_answer_refused_like_before(mode: Mode, content: bytes, reason: str) -> None:
    with mock() as router:
        router.get("/items/1").respond(200, content=content, headers=JSON)
        router.post("/items").respond(200, content=content, headers=JSON)
        client = mode.client()
        with pytest.raises(ResponseDecodeError, match=reason) as got:
            await mode(client.request("GET", "/items/1", cast_to=Item))
        assert got.value.outcome_unknown is False
        assert got.value.__context__ is None
        with pytest.raises(ResponseDecodeError, match=reason) as posted:
            await mode(client.request("POST", "/items", json={}, cast_to=Item))
        assert posted.value.outcome_unknown is True
        await mode.close(client)


async def test_typed_answer_validated_from_bytes(mode: Mode) -> None:
    with mock() as router:
        router.get("/items/1").respond(200, content=b'{"id": 1, "price": 12.5}', headers=JSON)
        client = mode.client()
        item = await mode(client.request("GET", "/items/1", cast_to=Item))
        await mode.close(client)
    assert item == Item(id=1, price=Decimal("12.5"))
    assert client.last_response is not None
    assert client.last_response.status_code == 200


class Deferred(APIModel):
    """A model of its own, so that no other test has validated it yet."""

    id: int
    tags: list[str] = []


def test_json_validator_shortcut_validates_like_the_adapter() -> None:
    """After a type's first answer, `validate_json_or_none` calls pydantic-core's validator
    of that type directly: the same answers, the same refusals."""
    _json_validators.pop(Deferred, None)
    first = validate_json_or_none(Deferred, b'{"id": 1, "tags": ["a"]}')
    assert first == Deferred(id=1, tags=["a"])
    shortcut = _json_validators[Deferred]
    assert shortcut.__self__ is _adapter(Deferred).validator  # type: ignore[attr-defined]
    assert validate_json_or_none(Deferred, b'{"id": 2}') == Deferred(id=2)
    assert validate_json_or_none(Deferred, b'{"id": "two"}') is None
    assert validate_json_or_none(Deferred, b'{"id": 2') is None
    assert validate_json_or_none(list[Deferred], b'[{"id": 3}]') == [Deferred(id=3)]
    assert validate_json_or_none(list[Deferred], b'[{"id": 3}]') == [Deferred(id=3)]
    assert list[Deferred] in _json_validators


async def test_untyped_and_non_json_answers_still_decoded(mode: Mode) -> None:
    with mock() as router:
        router.get("/a").respond(200, content=b'{"id": 2}', headers=JSON)
        router.get("/b").respond(200, text="plain")
        client = mode.client()
        assert await mode(client.request("GET", "/a")) == {"id": 2}
        assert await mode(client.request("GET", "/b")) == "plain"
        with pytest.raises(ResponseDecodeError, match="unexpected shape"):
            await mode(client.request("GET", "/b", cast_to=Item))
        await mode.close(client)


async def test_retry_after_the_first_attempt_counts_it(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/items/1").mock(
            side_effect=[
                httpx.Response(503),
                httpx.Response(503),
                httpx.Response(200, json={"id": 1}),
            ]
        )
        client = mode.client(max_retries=2)
        assert await mode(client.request("GET", "/items/1", cast_to=Item)) == Item(id=1)
        assert route.call_count == 3
        assert len(mode.sleeps) == 2
        route.side_effect = [httpx.Response(503)] * 3
        with pytest.raises(InternalServerError):
            await mode(client.request("GET", "/items/1", cast_to=Item))
        assert route.call_count == 6  # the first attempt + 2 retries, then the error
        await mode.close(client)


async def test_first_attempt_not_retried_for_post(mode: Mode) -> None:
    with mock() as router:
        route = router.post("/items").respond(503)
        client = mode.client(max_retries=2)
        with pytest.raises(InternalServerError):
            await mode(client.request("POST", "/items", json={}))
        assert route.call_count == 1
        assert mode.sleeps == []
        await mode.close(client)


async def test_path_joined_without_parsing_is_still_checked(mode: Mode) -> None:
    client = mode.client()
    with pytest.raises(InvalidRequestError, match=r"invalid URL '/a\\x00b'"):
        await mode(client.request("GET", "/a\x00b"))
    with mock() as router:
        route = router.get("/v2/a%2Fb").respond(200, json={})
        await mode(client.request("GET", "/v2/a%2Fb?x=1"))
    assert route.calls.last.request.url == "https://api.example.test/v2/a%2Fb?x=1"
    await mode.close(client)


def test_only_urls_without_credentials_are_remembered() -> None:
    _redact_plain_url.cache_clear()
    assert redact_url("https://api.example.test/a") == "https://api.example.test/a"
    assert redact_url("https://api.example.test/b?token=s3cret") == (
        "https://api.example.test/b?token=[REDACTED]"
    )
    assert redact_url("https://u:pw@api.example.test/c") == "https://[REDACTED]@api.example.test/c"
    with secret_segments(("tok123",)):
        assert redact_url("https://api.example.test/inv/tok123") == (
            "https://api.example.test/inv/[REDACTED]"
        )
    assert _redact_plain_url.cache_info().currsize == 1  # only the first URL


async def test_pages_read_from_bytes_keep_their_other_fields(mode: Mode) -> None:
    strategy = CursorPagination(next_cursor=lambda body, raw: body.get("next"))
    with mock() as router:
        route = router.get("/items").mock(
            side_effect=[
                httpx.Response(
                    200, json={"data": [{"id": 1}, {"id": 2}], "next": "c2", "total": 3}
                ),
                httpx.Response(200, json={"data": [{"id": 3}], "next": None}),
            ]
        )
        client = mode.client()
        pager = client.paginate("GET", "/items", item_type=Item, strategy=strategy)
        assert await mode.collect(pager) == [Item(id=1), Item(id=2), Item(id=3)]
        assert route.calls[1].request.url.params["cursor"] == "c2"
        await mode.close(client)


class Box(BaseModel):
    kind: Literal["box"]
    id: int


class Pallet(BaseModel):
    kind: Literal["pallet"]
    id: int


#: the kinds the discriminator of `Unit` was asked for, in order
ASKED: list[object] = []


def _kind(value: object) -> object:
    ASKED.append(value)
    return value.get("kind") if isinstance(value, dict) else getattr(value, "kind", None)


Unit = Annotated[
    Annotated[Box, Tag("box")] | Annotated[Pallet, Tag("pallet")], Discriminator(_kind)
]


async def test_items_read_with_their_page_are_validated_once(mode: Mode) -> None:
    ASKED.clear()
    strategy = CursorPagination(next_cursor=lambda body, raw: None)
    page = {"data": [{"kind": "box", "id": 1}, {"kind": "pallet", "id": 2}]}
    with mock() as router:
        router.get("/items").respond(200, json=page)
        client = mode.client()
        pager = client.paginate("GET", "/items", item_type=Unit, strategy=strategy)
        items = await mode.collect(pager)
        await mode.close(client)
    assert page["data"] == ASKED  # once per item, from the bytes; never again as a model
    assert items == [Box(kind="box", id=1), Pallet(kind="pallet", id=2)]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({"data": [{"id": "x"}]}, "unexpected shape"),
        ({"data": {"id": 1}}, "unexpected shape"),
        ([{"id": 1}], "a JSON list has no items"),
    ],
    ids=["bad-item", "object-items", "list"],
)
async def test_odd_pages_still_refused_with_their_reason(
    mode: Mode, body: object, reason: str
) -> None:
    strategy = CursorPagination(next_cursor=lambda body, raw: None)
    with mock() as router:
        router.get("/items").respond(200, json=body)
        client = mode.client()
        pager = client.paginate("GET", "/items", item_type=Item, strategy=strategy)
        with pytest.raises(ResponseDecodeError, match=reason):
            await mode(pager.first_page())
        await mode.close(client)


async def test_page_without_items_is_empty(mode: Mode) -> None:
    strategy = CursorPagination(next_cursor=lambda body, raw: None)
    with mock() as router:
        router.get("/items").respond(200, json={"data": None})
        client = mode.client()
        pager = client.paginate("GET", "/items", item_type=Item, strategy=strategy)
        assert await mode.collect(pager) == []
        await mode.close(client)


def test_request_spec_is_immutable_and_evolves() -> None:
    """`RequestSpec` (a frozen attrs class with a ``__dict__``, quick to build) refuses
    changes; `attrs.evolve` makes a changed copy and leaves the original as it was."""
    spec = RequestSpec(method="GET", path="/items", params={"a": 1})
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        spec.path = "/other"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        del spec.method  # type: ignore[misc]
    moved = attrs.evolve(spec, path="/next", is_url=True)
    assert (moved.method, moved.path, moved.params, moved.is_url) == (
        "GET",
        "/next",
        {"a": 1},
        True,
    )
    assert spec == RequestSpec(method="GET", path="/items", params={"a": 1})
    assert spec != moved


# -- a call's URL appended to its parsed base URL (`joined_url`) -----------------------------

BASES = [
    "https://api.example.test",
    "http://127.0.0.1:8123",
    "https://user@API.Example.test:8443/api/v1",
    "https://api.example.test/a%2Fb/%7e",
    "http://[::1]:9000/x",
]
PLAIN_CHARS = "abcXYZ019-._~!$&'()*+,;=:@/"
ODD_CHARS = PLAIN_CHARS + '%?#[]{}<>"` é\x7f\\^|'
PATHS = st.one_of(
    st.lists(st.text(PLAIN_CHARS, max_size=6) | st.sampled_from(["%2F", "%7e", "%C3%A9"])).map(
        "".join
    ),
    st.text(ODD_CHARS, max_size=24),
).map(lambda p: "/" + p)
PARAM_VALUES = st.one_of(
    st.text(max_size=6), st.integers(), st.lists(st.text(max_size=4), max_size=3)
)


@given(
    base=st.sampled_from(BASES),
    path=PATHS,
    params=st.none() | st.dictionaries(st.text(max_size=4), PARAM_VALUES, max_size=3),
)
@settings(max_examples=400, derandomize=True, deadline=None, database=None)
def test_joined_url_is_httpx_own_parse(base: str, path: str, params: dict[str, object]) -> None:
    joined = joined_url(base, path, params)
    if joined is None:  # left to httpx: a path it would change (or refuse)
        return
    expected = httpx.Request("GET", base + path, params=params).url
    assert joined._uri_reference == expected._uri_reference
    assert str(joined) == str(expected)
    assert (joined.raw_host, joined.port, joined.raw_path) == (
        expected.raw_host,
        expected.port,
        expected.raw_path,
    )


@pytest.mark.parametrize(
    ("base", "path"),
    [
        ("https://api.example.test", "/a b"),  # escaped by httpx
        ("https://api.example.test", "/é"),
        ("https://api.example.test", "/a?b=1"),  # a query in the path
        ("https://api.example.test", "/a#b"),
        ("https://api.example.test", "/a/../b"),  # dot segments are removed by httpx
        ("https://api.example.test", "/./b"),
        ("https://api.example.test", "//evil.test/x"),  # not a path under the base
        ("https://api.example.test", "https://evil.test/x"),
        ("https://api.example.test", "/a%zz"),  # a lone "%": httpx 0.27 escapes it
        ("https://api.example.test?k=1", "/a"),  # the base has a query
        ("https://api.example.test", "/" + "a" * 70000),  # too long: httpx refuses it
    ],
)
def test_joined_url_leaves_to_httpx_what_it_would_change(base: str, path: str) -> None:
    assert joined_url(base, path) is None


def test_joined_url_query_too_long_or_escaped_is_left_to_httpx() -> None:
    assert joined_url("https://api.example.test", "/a", {"q": "x" * 70000}) is None
    joined = joined_url("https://api.example.test", "/a", {"q": "a b&c", "empty": []})
    assert str(joined) == str(httpx.URL("https://api.example.test/a?q=a+b%26c"))


def test_joined_url_needs_httpx_to_parse_as_it_did(monkeypatch: pytest.MonkeyPatch) -> None:
    """When httpx's private parse result no longer works as relied on, every URL is left to
    httpx (checked once per base URL against httpx's own parse)."""
    from supplychain_sdk._core import urls

    def broken(parts: object) -> httpx.URL:
        return httpx.URL("https://api.example.test/elsewhere")

    urls._parsed_base.cache_clear()
    monkeypatch.setattr(urls, "_url_of", broken)
    try:
        assert joined_url("https://api.example.test", "/a") is None
    finally:
        urls._parsed_base.cache_clear()
    monkeypatch.undo()
    assert str(joined_url("https://api.example.test", "/a")) == "https://api.example.test/a"


async def test_requests_sent_with_a_joined_url_are_httpx_own(mode: Mode) -> None:
    client = mode.client()
    with mock() as router:
        route = router.get("/v2/a%2Fb").respond(200, json={})
        await mode(client.request("GET", "/v2/a%2Fb", params={"x": [1, 2], "y": "é b"}))
        await mode(client.request("GET", "/v2/a%2Fb", params={}))
        await mode(client.request("GET", "/v2/a%2Fb", params={"x": None}))
    sent = [str(call.request.url) for call in route.calls]
    assert sent == [
        "https://api.example.test/v2/a%2Fb?x=1&x=2&y=%C3%A9+b",
        "https://api.example.test/v2/a%2Fb",
        "https://api.example.test/v2/a%2Fb",
    ]
    await mode.close(client)


async def test_a_pool_with_its_own_params_merges_them_last(mode: Mode) -> None:
    """An injected client's own query parameters are merged by httpx, after the call's (so
    the URL is not built ahead of it)."""
    with mock() as router:
        route = router.get("/v2/a").respond(200, json={})
        kind = httpx.AsyncClient if mode.is_async else httpx.Client
        http = kind(params={"pool": "1", "x": "pool"})
        client = mode.client(http_client=http)
        await mode(client.request("GET", "/v2/a", params={"x": "call"}))
        await mode.close(client)
        await mode(http.aclose() if mode.is_async else http.close())
    assert str(route.calls.last.request.url) == "https://api.example.test/v2/a?pool=1&x=call"


# -- requests built from the SDK pool's own headers (request._direct_request) -----------------

HEADER_NAMES = [
    "X-Trace",
    "accept",
    "ACCEPT",
    "User-Agent",
    "Content-Type",
    "content-length",
    "Host",
    "Transfer-Encoding",
    "Connection",
    "If-None-Match",
]
ASCII_VALUES = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=8)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=6,
)


def _sent(request: httpx.Request) -> tuple[object, ...]:
    return (
        request.method,
        str(request.url),
        request.headers.raw,
        request.content,
        request.extensions,
        type(request.stream),
    )


def _built(
    http: httpx.Client | httpx.AsyncClient, config: object, spec: RequestSpec, defaults: object
) -> object:
    from supplychain_sdk._core.request import build_request

    try:
        return _sent(build_request(http, config, spec, defaults))  # type: ignore[arg-type]
    except InvalidRequestError as exc:
        return ("refused", str(exc))


@given(
    is_async=st.booleans(),
    base=st.sampled_from(BASES),
    method=st.sampled_from(["GET", "POST", "PUT", "PATCH", "DELETE", "post"]),
    body=st.one_of(
        st.none(),
        st.tuples(st.just("json"), JSON_VALUES.filter(lambda v: v is not None)),
        st.tuples(st.just("content"), st.binary(max_size=8)),
    ),
    headers=st.none()
    | st.dictionaries(
        st.sampled_from(HEADER_NAMES), ASCII_VALUES | st.sampled_from(["é", "\u2603"]), max_size=4
    ),
    default_headers=st.dictionaries(st.sampled_from(HEADER_NAMES), ASCII_VALUES, max_size=2),
    if_match=st.none() | st.just('"v1"'),
    timeout=st.none() | st.just(2.5),
    params=st.none() | st.just({"q": ["a", "b"], "n": 1}),
    app_info=st.none() | st.just(("acme-erp", "2.0")),
)
@settings(max_examples=300, derandomize=True, deadline=None, database=None)
def test_a_request_built_from_the_pools_headers_is_httpx_own(
    is_async: bool,
    base: str,
    method: str,
    body: tuple[str, object] | None,
    headers: dict[str, str] | None,
    default_headers: dict[str, str],
    if_match: str | None,
    timeout: float | None,
    params: dict[str, object] | None,
    app_info: tuple[str, str] | None,
) -> None:
    """The request `build_request` makes from an SDK pool's kept headers is byte for byte the
    one ``http.build_request`` makes: method, URL, every header in order, body, timeout."""
    from supplychain_sdk._core import AsyncAPIClient, ClientConfig, SyncAPIClient

    config = ClientConfig(base_url=base, default_headers=default_headers)
    owner = AsyncAPIClient(config) if is_async else SyncAPIClient(config)
    client = owner.with_options(app_info=app_info) if app_info else owner
    http, defaults = client._http, client._defaults
    assert defaults.pool_headers is not None
    spec = RequestSpec(
        method=method,
        path="/orders/1",
        params=params,
        json=body[1] if body and body[0] == "json" else None,
        content=body[1] if body and body[0] == "content" else None,  # type: ignore[arg-type]
        headers=headers,
        if_match=if_match,
        timeout=timeout,
    )
    direct = _built(http, client.config, spec, defaults)
    by_httpx = _built(http, client.config, spec, attrs.evolve(defaults, pool_headers=None))
    assert direct == by_httpx


async def test_the_sdk_pool_builds_requests_without_httpx_merging(
    mode: Mode, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plain call (JSON or bytes body, or none) is built from the pool's kept headers; a
    form, a file or an injected pool's call is built by httpx; a header that is not a string
    is refused before anything is sent."""
    from httpx._client import BaseClient

    merged: list[object] = []
    original = BaseClient._merge_headers

    def spy(self: BaseClient, headers: object = None) -> object:
        merged.append(headers)
        return original(self, headers)  # type: ignore[arg-type]

    monkeypatch.setattr(BaseClient, "_merge_headers", spy)
    kind = httpx.AsyncClient if mode.is_async else httpx.Client
    with mock() as router:
        route = router.route(path="/v2/a").respond(200, json={})
        client = mode.client()
        await mode(client.request("GET", "/v2/a", headers={"X-Trace": "1"}))
        await mode(client.request("PUT", "/v2/a", json={"n": "é"}, if_match='"3"'))
        await mode(client.request("POST", "/v2/a", content=b"raw"))
        await mode(client.request("DELETE", "/v2/a"))
        assert merged == []
        await mode(client.request("POST", "/v2/a", data={"k": "v"}))
        await mode(client.request("POST", "/v2/a", files={"f": ("a.txt", b"x")}))
        with pytest.raises(InvalidRequestError, match="header 'X-Count' must be a string"):
            await mode(client.request("GET", "/v2/a", headers={"X-Count": 3}))  # type: ignore[dict-item]
        await mode.close(client)
        http = kind()
        injected = mode.client(http_client=http)
        await mode(injected.request("GET", "/v2/a"))
        await mode.close(injected)
        await mode(http.aclose() if mode.is_async else http.close())
    assert len(merged) == 3
    assert len(route.calls) == 7  # the bad header was refused before anything was sent
    put = route.calls[1].request
    assert put.headers["If-Match"] == '"3"'
    assert put.headers["Content-Type"] == "application/json"
    assert put.content == '{"n":"é"}'.encode()
    assert [call.request.headers.raw[0] for call in route.calls][:4] == [
        (b"Host", b"api.example.test")
    ] * 4
    assert route.calls[2].request.headers["Content-Length"] == "3"  # POST b"raw"
    assert "Content-Length" not in route.calls[3].request.headers  # DELETE, no body


async def test_a_cookie_put_on_the_pool_by_hand_is_still_sent(mode: Mode) -> None:
    """The SDK's pools keep no cookies from answers; one set on the pool by hand makes httpx
    build the request, so it is sent."""
    with mock() as router:
        route = router.get("/v2/a").respond(200, json={})
        client = mode.client()
        client._http.cookies = {"session": "s-1"}  # type: ignore[assignment]
        await mode(client.request("GET", "/v2/a"))
        await mode.close(client)
    assert route.calls.last.request.headers["Cookie"] == "session=s-1"
