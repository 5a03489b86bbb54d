"""Pagers over every strategy: lazy, one page at a time, limits, resume, guards."""

from __future__ import annotations

from typing import Any, ClassVar

import httpx
import pytest

from supplychain_sdk._core import (
    APIModel,
    CursorPagination,
    ForeignOriginError,
    InvalidRequestError,
    LinkHeaderPagination,
    NextURLPagination,
    PageNumberPagination,
    PaginationError,
    RequestSpec,
    body_meta,
    header_meta,
)
from supplychain_sdk._core.pagination import parse_link_header
from tests.conftest import BASE, Mode, mock


class Item(APIModel):
    id: int
    display_name: str | None = None


def pager(client: Any, strategy: Any, path: str = "/items", **kwargs: Any) -> Any:
    return client._paginate(
        RequestSpec(method="GET", path=path, params={"status": "open"}),
        strategy=strategy,
        item_type=Item,
        items=kwargs.pop("items", lambda body: body["data"]),
        **kwargs,
    )


def page_handler(total: int, *, size_param: str = "limit") -> Any:
    def handle(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        size = int(request.url.params[size_param])
        ids = list(range((page - 1) * size + 1, min(page * size, total) + 1))
        return httpx.Response(
            200,
            json={
                "data": [{"id": i, "displayName": f"n{i}"} for i in ids],
                "pagination": {
                    "page": page,
                    "limit": size,
                    "total": total,
                    "pages": -(-total // size),
                },
            },
        )

    return handle


async def test_page_number_walks_all_pages_lazily(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/items").mock(side_effect=page_handler(23))
        client = mode.client()
        p = pager(client, PageNumberPagination(page_size=10, meta=body_meta(prefix="pagination")))
        assert route.call_count == 0  # nothing until iterated
        items = await mode.collect(p)
        assert [i.id for i in items] == list(range(1, 24))
        assert items[0].display_name == "n1"
        assert route.call_count == 3
        assert [dict(c.request.url.params) for c in route.calls] == [
            {"status": "open", "page": "1", "limit": "10"},
            {"status": "open", "page": "2", "limit": "10"},
            {"status": "open", "page": "3", "limit": "10"},
        ]


class Tracked(APIModel):
    """An item that notes when it is freed."""

    id: int
    freed: ClassVar[list[int]] = []

    def __del__(self) -> None:
        Tracked.freed.append(self.id)


async def test_one_page_in_memory_while_the_next_is_fetched(mode: Mode) -> None:
    freed_when_asked: list[list[int]] = []
    answer = page_handler(6)

    def handle(request: httpx.Request) -> httpx.Response:
        freed_when_asked.append(sorted(Tracked.freed))
        return answer(request)

    Tracked.freed.clear()
    with mock() as router:
        router.get("/items").mock(side_effect=handle)
        client = mode.client()
        p = client._paginate(
            RequestSpec(method="GET", path="/items", params={"status": "open"}),
            strategy=PageNumberPagination(page_size=3, meta=body_meta(prefix="pagination")),
            item_type=Tracked,
            items=lambda body: body["data"],
        )
        ids = []
        if mode.is_async:
            async for item in p:
                ids.append(item.id)
        else:
            for item in p:
                ids.append(item.id)
        del item
    assert ids == [1, 2, 3, 4, 5, 6]
    # the first page and its items are gone before the second is asked for; the loop's
    # last item is still the caller's
    assert freed_when_asked == [[], [1, 2]]
    await mode.close(client)


async def test_limit_stops_early_without_extra_requests(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/items").mock(side_effect=page_handler(100))
        client = mode.client()
        p = pager(
            client,
            PageNumberPagination(page_size=10, meta=body_meta(prefix="pagination")),
            limit=15,
        )
        items = await mode.collect(p)
        assert [i.id for i in items] == list(range(1, 16))
        assert route.call_count == 2


async def test_pages_first_page_and_start(mode: Mode) -> None:
    strategy = PageNumberPagination(page_size=5, meta=body_meta(prefix="pagination"))
    with mock() as router:
        router.get("/items").mock(side_effect=page_handler(12))
        client = mode.client()
        pages = await mode.collect(pager(client, strategy).pages())
        assert [len(p) for p in pages] == [5, 5, 2]
        assert pages[0].meta.total_items == 12
        assert pages[0].meta.total_pages == 3
        assert pages[0].has_next
        assert not pages[-1].has_next
        assert pages[0].raw.status_code == 200
        first = await mode(pager(client, strategy).first_page())
        assert [i.id for i in first.items] == [1, 2, 3, 4, 5]
        resumed = await mode.collect(pager(client, strategy, start=3))
        assert [i.id for i in resumed] == [11, 12]


async def test_max_pages(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/items").mock(side_effect=page_handler(100))
        p = pager(
            mode.client(),
            PageNumberPagination(page_size=10, meta=body_meta(prefix="pagination")),
            max_pages=2,
        )
        assert len(await mode.collect(p)) == 20
        assert route.call_count == 2


@pytest.mark.parametrize(
    ("answers", "expected_calls"),
    [
        # has_more decides
        ([{"data": [{"id": 1}], "hasMore": True}, {"data": [{"id": 2}], "hasMore": False}], 2),
        # no totals at all: stop on the empty page
        ([{"data": [{"id": 1}]}, {"data": [{"id": 2}]}, {"data": []}], 3),
        # total items with known page size
        ([{"data": [{"id": 1}], "total": 2}, {"data": [{"id": 2}], "total": 2}], 2),
    ],
)
async def test_page_number_stop_rules(
    mode: Mode, answers: list[dict[str, Any]], expected_calls: int
) -> None:
    with mock() as router:
        route = router.get("/items").mock(
            side_effect=[httpx.Response(200, json=a) for a in answers]
        )
        strategy = PageNumberPagination(page_size=1, meta=body_meta())
        items = await mode.collect(pager(mode.client(), strategy))
        assert route.call_count == expected_calls
        assert len(items) == 2


async def test_header_pagination_total_pages(mode: Mode) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["pageNumber"])
        return httpx.Response(
            200,
            json=[{"id": page}],
            headers={"Total-Pages": "3", "Page-Number": str(page), "Total-Elements": "3"},
        )

    with mock() as router:
        route = router.get("/items").mock(side_effect=handle)
        strategy = PageNumberPagination(
            page_param="pageNumber", size_param="pageSize", page_size=1, meta=header_meta()
        )
        pages = await mode.collect(pager(mode.client(), strategy, items=lambda b: b).pages())
        assert [p.items[0].id for p in pages] == [1, 2, 3]
        assert pages[1].meta.page_number == 2
        assert pages[1].meta.total_items == 3
        assert route.call_count == 3


async def test_link_header_pagination(mode: Mode) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        headers = {}
        if page < 3:
            headers["Link"] = (
                f'<{BASE}/items?page={page + 1}>; rel="next", <{BASE}/items?page=3>; rel="last"'
            )
        return httpx.Response(200, json={"data": [{"id": page}]}, headers=headers)

    with mock() as router:
        route = router.get("/items").mock(side_effect=handle)
        items = await mode.collect(pager(mode.client(), LinkHeaderPagination()))
        assert [i.id for i in items] == [1, 2, 3]
        assert str(route.calls[1].request.url) == f"{BASE}/items?page=2"


def test_parse_link_header() -> None:
    value = '<https://a/x?p=2>; rel="next", <https://a/x?p=9>; rel="last", </rel>; rel=prev'
    assert parse_link_header(value) == {
        "next": "https://a/x?p=2",
        "last": "https://a/x?p=9",
        "prev": "/rel",
    }


def cursor_strategy(**kwargs: Any) -> CursorPagination:
    return CursorPagination(
        next_cursor=lambda body, raw: body.get("nextCursor"),
        next_url=lambda body, raw: body.get("nextPageUrl"),
        **kwargs,
    )


async def test_cursor_pagination_and_resume(mode: Mode) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        cursor = int(request.url.params.get("cursor", "0"))
        nxt = str(cursor + 2) if cursor + 2 < 6 else None
        return httpx.Response(
            200, json={"data": [{"id": cursor}, {"id": cursor + 1}], "nextCursor": nxt}
        )

    with mock() as router:
        route = router.get("/items").mock(side_effect=handle)
        client = mode.client()
        items = await mode.collect(pager(client, cursor_strategy()))
        assert [i.id for i in items] == [0, 1, 2, 3, 4, 5]
        assert [c.request.url.params.get("cursor") for c in route.calls] == [None, "2", "4"]
        first = await mode(pager(client, cursor_strategy()).first_page())
        assert first.next_cursor == "2"
        resumed = await mode.collect(pager(client, cursor_strategy(), start=first.next_cursor))
        assert [i.id for i in resumed] == [2, 3, 4, 5]


async def test_cursor_falls_back_to_same_origin_next_url(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/items").mock(
            side_effect=[
                httpx.Response(
                    200, json={"data": [{"id": 1}], "nextPageUrl": f"{BASE}/items?cursor=abc"}
                ),
                httpx.Response(200, json={"data": [{"id": 2}]}),
            ]
        )
        items = await mode.collect(pager(mode.client(), cursor_strategy()))
        assert [i.id for i in items] == [1, 2]
        assert str(route.calls[1].request.url) == f"{BASE}/items?cursor=abc"


async def test_next_url_on_foreign_origin_is_refused_before_sending(mode: Mode) -> None:
    with mock(assert_all_mocked=False) as router:
        route = router.get("/items").respond(
            200, json={"data": [{"id": 1}], "nextPageUrl": "https://evil.example/steal?c=1"}
        )
        evil = router.route(host="evil.example").respond(200, json={"data": []})
        p = pager(mode.client(), NextURLPagination(next_url=lambda b, r: b.get("nextPageUrl")))
        pages = p.pages()
        first = await mode(pages.__anext__() if mode.is_async else next(pages))
        assert [i.id for i in first.items] == [1]
        with pytest.raises(ForeignOriginError, match="not on the client's origin"):
            await mode(pages.__anext__() if mode.is_async else next(pages))
        assert route.call_count == 1
        assert not evil.called


async def test_repeated_cursor_raises_instead_of_looping(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/items").respond(200, json={"data": [{"id": 1}], "nextCursor": "same"})
        with pytest.raises(PaginationError, match="same page position twice"):
            await mode.collect(pager(mode.client(), cursor_strategy()))
        assert route.call_count == 2


async def test_null_items_are_an_empty_page(mode: Mode) -> None:
    with mock() as router:
        router.get("/items").respond(200, json={"data": None})
        assert await mode.collect(pager(mode.client(), cursor_strategy())) == []


def test_bad_pager_arguments() -> None:
    client = Mode("sync").client()
    with pytest.raises(InvalidRequestError, match="limit"):
        pager(client, cursor_strategy(), limit=0)
    with pytest.raises(InvalidRequestError, match="max_pages"):
        pager(client, cursor_strategy(), max_pages=0)
    with pytest.raises(InvalidRequestError, match="start page"):
        pager(client, PageNumberPagination(), start=0)


async def test_public_paginate_escape_hatch(mode: Mode) -> None:
    with mock() as router:
        route = router.post("/search").mock(
            side_effect=[
                httpx.Response(200, json={"result": {"items": [{"id": 1}]}, "next": "c2"}),
                httpx.Response(503),
                httpx.Response(200, json={"result": {"items": [{"id": 2}]}}),
            ]
        )
        pager = mode.client().paginate(
            "post",
            "/search",
            item_type=Item,
            strategy=CursorPagination(next_cursor=lambda body, raw: body.get("next")),
            items="result.items",
            json={"q": "x"},
            idempotent=True,
        )
        assert [i.id for i in await mode.collect(pager)] == [1, 2]
        assert route.call_count == 3  # the search POST was marked idempotent: retried
        assert all(c.request.content == b'{"q":"x"}' for c in route.calls)
        assert route.calls[2].request.url.params["cursor"] == "c2"


async def test_items_as_whole_body(mode: Mode) -> None:
    with mock() as router:
        router.get("/list").respond(200, json=[{"id": 5}])
        pager = mode.client().paginate(
            "GET", "/list", item_type=Item, strategy=PageNumberPagination(), items="", max_pages=1
        )
        assert [i.id for i in await mode.collect(pager)] == [5]


async def test_page_number_guard_against_ignored_page_param(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/items").respond(
            200, json={"data": [{"id": 1}], "pagination": {"page": 1, "pages": 5}}
        )
        strategy = PageNumberPagination(meta=body_meta(prefix="pagination"))
        with pytest.raises(PaginationError, match="asked for page 2 but the server answered page"):
            await mode.collect(pager(mode.client(), strategy))
        assert route.call_count == 2


async def test_last_without_meta(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/items").respond(200, json={"data": [{"id": 1}, {"id": 2}]})
        strategy = PageNumberPagination(meta=body_meta(prefix="pagination"), last_without_meta=True)
        assert len(await mode.collect(pager(mode.client(), strategy))) == 2
        assert route.call_count == 1
