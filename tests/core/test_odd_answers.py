"""Odd 200 answers become ResponseDecodeError: HTML proxy pages, lists where an object was
expected, JSON nested too deeply, non-finite numbers in totals and wait headers."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from supplychain_sdk._core import (
    APIModel,
    CursorPagination,
    InternalServerError,
    InvalidRequestError,
    PageNumberPagination,
    Platform,
    RateLimitError,
    ResponseDecodeError,
    body_meta,
    header_meta,
)
from tests.conftest import Mode, mock

HTML = "<html><body><h1>Proxy login</h1></body></html>"
DEEP = ("[" * 100_000 + "]" * 100_000).encode()


class Item(APIModel):
    id: int


def pager(client: Any, strategy: Any, items: Any = "data") -> Any:
    return client.paginate("GET", "/items", item_type=Item, strategy=strategy, items=items)


async def first_page(mode: Mode, client: Any, strategy: Any, items: Any = "data") -> Any:
    return await mode(pager(client, strategy, items).first_page())


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (httpx.Response(200, content=DEEP, headers={"content-type": "application/json"}), "deep"),
        (httpx.Response(200, content=b'{"total": NaN}'), "malformed"),
        (httpx.Response(200, content=b'{"total": -Infinity}'), "malformed"),
    ],
    ids=["nested-100k", "NaN", "-Infinity"],
)
async def test_unparseable_json_is_a_decode_error(
    mode: Mode, answer: httpx.Response, reason: str
) -> None:
    with mock() as router:
        router.get("/a").mock(return_value=answer)
        router.post("/a").mock(return_value=answer)
        client = mode.client()
        with pytest.raises(ResponseDecodeError, match=reason) as got:
            await mode(client.request("GET", "/a"))
        assert got.value.outcome_unknown is False
        with pytest.raises(ResponseDecodeError, match=reason) as posted:
            await mode(client.request("POST", "/a", json={}))
        assert posted.value.outcome_unknown is True
        assert "outcome unknown" in str(posted.value)
    assert got.value.__context__ is None


async def test_deep_error_body_is_kept_as_text(mode: Mode) -> None:
    from supplychain_sdk._core import BadRequestError

    with mock() as router:
        router.get("/a").respond(400, content=DEEP, headers={"content-type": "application/json"})
        with pytest.raises(BadRequestError) as caught:
            await mode(mode.client().request("GET", "/a"))
    assert caught.value.body == DEEP.decode()


async def test_html_page_where_a_model_was_expected(mode: Mode) -> None:
    with mock() as router:
        router.post("/orders").respond(200, html=HTML)
        with pytest.raises(ResponseDecodeError, match="unexpected shape") as caught:
            await mode(mode.client().request("POST", "/orders", json={}, cast_to=Item))
    assert caught.value.outcome_unknown is True


async def test_a_post_marked_idempotent_is_not_outcome_unknown(mode: Mode) -> None:
    with mock() as router:
        router.post("/search").respond(200, json=[1])
        with pytest.raises(ResponseDecodeError) as caught:
            await mode(
                mode.client().request("POST", "/search", json={}, idempotent=True, cast_to=Item)
            )
    assert caught.value.outcome_unknown is False


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (httpx.Response(200, html=HTML), "expected JSON, got text/html"),
        (httpx.Response(200, text="maintenance"), "expected JSON, got text/plain"),
        (httpx.Response(200, json=[{"id": 1}]), "a JSON list has no items"),
        (httpx.Response(200, json={"data": {"id": 1}}), "unexpected shape"),
    ],
    ids=["html", "text", "list", "object-items"],
)
async def test_odd_page_answers(mode: Mode, answer: httpx.Response, reason: str) -> None:
    with mock() as router:
        router.get("/items").mock(return_value=answer)
        with pytest.raises(ResponseDecodeError, match=reason) as caught:
            await first_page(mode, mode.client(), PageNumberPagination())
    assert caught.value.status_code == 200
    assert caught.value.outcome_unknown is False


async def test_items_callable_breaking_on_an_odd_answer(mode: Mode) -> None:
    with mock() as router:
        router.get("/items").respond(200, json=[{"id": 1}])
        with pytest.raises(ResponseDecodeError, match=r"could not read its items \(Attr"):
            await first_page(mode, mode.client(), PageNumberPagination(), lambda b: b.get("d"))


async def test_cursor_callable_breaking_on_an_odd_answer(mode: Mode) -> None:
    strategy = CursorPagination(next_cursor=lambda body, raw: body["next"]["cursor"])
    with mock() as router:
        router.get("/items").respond(200, json={"data": [{"id": 1}], "next": "abc"})
        with pytest.raises(ResponseDecodeError, match=r"paging fields \(TypeError\)"):
            await first_page(mode, mode.client(), strategy)


@pytest.mark.parametrize("total", ["1e400", "-1e400"])
async def test_infinite_totals_in_the_body(mode: Mode, total: str) -> None:
    content = b'{"data": [{"id": 1}], "total": ' + total.encode() + b', "page": 1}'
    with mock() as router:
        router.get("/items").respond(200, content=content)
        with pytest.raises(ResponseDecodeError, match="total items is not a finite number"):
            await first_page(mode, mode.client(), PageNumberPagination(meta=body_meta()))


@pytest.mark.parametrize("value", ["1e400", "inf", "nan"])
async def test_infinite_totals_in_headers(mode: Mode, value: str) -> None:
    with mock() as router:
        router.get("/items").respond(200, json={"data": []}, headers={"Total-Pages": value})
        with pytest.raises(ResponseDecodeError, match="Total-Pages is not a finite number"):
            await first_page(mode, mode.client(), PageNumberPagination(meta=header_meta()))


def test_infinite_start_page_is_refused() -> None:
    with pytest.raises(InvalidRequestError, match="start page"):
        PageNumberPagination().first_request(float("inf"))


@pytest.mark.parametrize("header", ["Retry-After", "X-RateLimit-Reset"])
@pytest.mark.parametrize("value", ["1e400", "inf", "nan"])
async def test_non_finite_wait_headers_are_ignored(mode: Mode, header: str, value: str) -> None:
    with mock() as router:
        route = router.get("/a").respond(429, headers={header: value})
        with pytest.raises(RateLimitError) as caught:
            await mode(mode.client(max_retries=2).request("GET", "/a"))
    assert route.call_count == 3  # retried with backoff, not crashed
    assert caught.value.retry_after is None
    assert all(0 <= wait <= 1 for wait in mode.sleeps)


async def test_platform_wait_hook_that_overflows_is_ignored(mode: Mode) -> None:
    platform = Platform(retry_after=lambda body: int(body["wait"]))
    with mock() as router:
        router.get("/a").respond(503, content=b'{"wait": 1e400}')
        client = mode.client(max_retries=1)
        client.platform = platform
        with pytest.raises(InternalServerError) as caught:
            await mode(client.request("GET", "/a"))
    assert caught.value.retry_after is None


async def test_operation_envelope_missing_on_a_list_answer(mode: Mode) -> None:
    from supplychain_sdk._core.operations import Operation

    op: Operation[Item] = Operation(
        name="items.create",
        method="POST",
        path="/items",
        summary="Create an item.",
        answer=Item,
        envelope="data",
    )
    with mock() as router:
        router.post("/items").respond(201, json=[{"id": 1}])
        with pytest.raises(ResponseDecodeError, match="the answer has no 'data'") as caught:
            await mode(mode.client().run(op))
    assert caught.value.outcome_unknown is True
    assert caught.value.__context__ is None
