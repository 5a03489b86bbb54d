"""Chunked pushes: 10,000 rows per request at most, in order, lazily; a failed chunk does not
stop the others; the report says exactly which rows failed; POSTs are retried only when
nothing was sent (or the caller says the chunks are idempotent)."""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from supplychain_sdk import (
    APIConnectionError,
    APITimeoutError,
    InternalServerError,
    InvalidRequestError,
    NotFoundError,
    UnprocessableEntityError,
)
from supplychain_sdk.one_platform import ChunkResult, PushReport, StockLevel
from tests.conftest import Mode
from tests.one_platform.conftest import BASE, make_client

STOCKS = "/api/v1/stock/integrations/auth-required/warehouses/MAIN/stocks/incremental"
PRICES = "/api/v1/pricing/integrations/auth-required/prices"
CLIENTS = "/api/v1/account/integrations/auth-required/clients"


def stock_rows(n: int) -> list[dict[str, Any]]:
    return [{"product_code": f"SKU-{i}", "quantity": i} for i in range(n)]


def bodies(route: Any) -> list[list[dict[str, Any]]]:
    return [json.loads(call.request.content) for call in route.calls]


def accept(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"accepted": len(json.loads(request.content))})


@pytest.mark.parametrize(
    ("rows", "chunks"),
    [
        (0, []),
        (1, [(0, 1)]),
        (10_000, [(0, 10_000)]),
        (10_001, [(0, 10_000), (10_000, 10_001)]),
        (25_000, [(0, 10_000), (10_000, 20_000), (20_000, 25_000)]),
    ],
)
async def test_rows_go_in_chunks_of_at_most_10000_in_order(
    mode: Mode, rows: int, chunks: list[tuple[int, int]]
) -> None:
    with respx_mock() as router:
        route = router.post(STOCKS).mock(side_effect=accept)
        report = await mode(make_client(mode).stocks.push_incremental("MAIN", stock_rows(rows)))
    sent = bodies(route)
    assert [len(body) for body in sent] == [stop - start for start, stop in chunks]
    assert [(body[0]["productCode"], body[-1]["productCode"]) for body in sent] == [
        (f"SKU-{start}", f"SKU-{stop - 1}") for start, stop in chunks
    ]
    assert [(c.index, c.start, c.stop, c.status, c.accepted) for c in report.chunks] == [
        (i, start, stop, "accepted", stop - start) for i, (start, stop) in enumerate(chunks)
    ]
    assert (report.total_rows, report.accepted, report.failed, report.ok) == (rows, rows, 0, True)
    assert report.failed_rows == []


async def test_chunk_size_lowers_the_rows_per_request(mode: Mode) -> None:
    with respx_mock() as router:
        route = router.post(STOCKS).mock(side_effect=accept)
        report = await mode(
            make_client(mode).stocks.push_incremental("MAIN", stock_rows(25), chunk_size=10)
        )
    assert [len(b) for b in bodies(route)] == [10, 10, 5]
    assert [c.rows for c in report.chunks] == [range(0, 10), range(10, 20), range(20, 25)]


@pytest.mark.parametrize("size", [0, -1, 10_001, True, "10", 2.5])
async def test_chunk_size_is_checked_before_anything_is_sent(mode: Mode, size: Any) -> None:
    with respx_mock() as router:
        route = router.route()
        with pytest.raises(InvalidRequestError, match="chunk_size must be"):
            await mode(make_client(mode).stocks.push_incremental("MAIN", [], chunk_size=size))
    assert not route.called


async def test_decimals_are_sent_as_exact_json_numbers(mode: Mode) -> None:
    rows = [StockLevel(product_code="A", quantity=Decimal("12.500"))]
    with respx_mock() as router:
        route = router.post(STOCKS).respond(200, json={})
        await mode(make_client(mode).stocks.push_incremental("MAIN", rows))
    assert route.calls.last.request.content == b'[{"productCode":"A","quantity":12.500}]'


def failing_second_chunk(status: int, body: Any) -> Any:
    calls = iter(range(1_000_000))

    def answer(request: httpx.Request) -> httpx.Response:
        if next(calls) == 1:
            return httpx.Response(status, json=body)
        return accept(request)

    return answer


async def test_a_failed_chunk_in_the_middle_does_not_stop_the_others(mode: Mode) -> None:
    rows = ({"clientId": f"C-{i}", "name": f"Client {i}"} for i in range(25_000))
    with respx_mock() as router:
        route = router.put(CLIENTS).mock(
            side_effect=failing_second_chunk(404, {"status": 404, "message": "client not found"})
        )
        report = await mode(make_client(mode).clients.update(rows))
    assert route.call_count == 3
    assert [(c.start, c.stop, c.status, c.status_code, c.accepted) for c in report.chunks] == [
        (0, 10_000, "accepted", 200, 10_000),
        (10_000, 20_000, "failed", 404, 0),
        (20_000, 25_000, "accepted", 200, 5_000),
    ]
    assert report.failed_ranges == [range(10_000, 20_000)]
    assert report.failed_rows == [
        {"clientId": f"C-{i}", "name": f"Client {i}"} for i in range(10_000, 20_000)
    ]
    (error,) = report.errors
    assert isinstance(error, NotFoundError)
    assert error.error_message == "client not found"
    assert (report.total_rows, report.accepted, report.failed, report.ok) == (
        25_000,
        15_000,
        10_000,
        False,
    )
    assert report.summary() == (
        "clients.update: 25,000 rows in 3 chunk(s), 15,000 accepted, 10,000 failed\n"
        "  chunk 1 (rows 10000-19999): failed 404: client not found"
    )


async def test_a_422_chunk_carries_its_field_errors(mode: Mode) -> None:
    body = {"message": "Validation failed", "errors": [{"field": "[3].quantity", "message": "x"}]}
    with respx_mock() as router:
        router.post(STOCKS).mock(side_effect=failing_second_chunk(422, body))
        report = await mode(
            make_client(mode).stocks.push_incremental("MAIN", stock_rows(30), chunk_size=10)
        )
    failed = report.failed_chunks
    assert [(c.index, c.status_code) for c in failed] == [(1, 422)]
    assert isinstance(failed[0].error, UnprocessableEntityError)
    assert failed[0].error.field_errors == {"[3].quantity": ["x"]}
    assert report.failed_rows == stock_rows(30)[10:20]


async def test_stop_on_error_stops_and_leaves_the_iterator_after_the_failed_chunk(
    mode: Mode,
) -> None:
    rows = iter(stock_rows(40))
    with respx_mock() as router:
        route = router.post(STOCKS).mock(side_effect=failing_second_chunk(500, {"message": "boom"}))
        report = await mode(
            make_client(mode).stocks.push_incremental(
                "MAIN", rows, chunk_size=10, stop_on_error=True
            )
        )
    assert route.call_count == 2
    assert report.stopped
    assert [c.status for c in report.chunks] == ["accepted", "failed"]
    assert isinstance(report.errors[0], InternalServerError)
    assert next(rows) == {"product_code": "SKU-20", "quantity": 20}
    assert "(stopped at the first failure)" in report.summary()


async def test_a_refused_connection_is_retried_since_nothing_was_sent(mode: Mode) -> None:
    outcomes: list[Any] = [
        accept,
        httpx.ConnectError("[Errno 111] Connection refused"),
        httpx.ConnectError("[Errno 111] Connection refused"),
        accept,
        accept,
    ]

    def answer(request: httpx.Request) -> httpx.Response:
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome(request)  # type: ignore[no-any-return]

    with respx_mock() as router:
        route = router.post(STOCKS).mock(side_effect=answer)
        client = make_client(mode, max_retries=2)
        report = await mode(client.stocks.push_incremental("MAIN", stock_rows(30), chunk_size=10))
    assert route.call_count == 5
    assert [(c.status, c.attempts) for c in report.chunks] == [
        ("accepted", 1),
        ("accepted", 3),
        ("accepted", 1),
    ]
    assert len(mode.sleeps) == 2


async def test_a_transport_error_after_retries_fails_only_its_chunk(mode: Mode) -> None:
    calls = iter(range(100))

    def answer(request: httpx.Request) -> httpx.Response:
        if next(calls) in {1, 2, 3}:
            raise httpx.ConnectError("[Errno 111] Connection refused")
        return accept(request)

    with respx_mock() as router:
        route = router.post(STOCKS).mock(side_effect=answer)
        client = make_client(mode, max_retries=2)
        report = await mode(client.stocks.push_incremental("MAIN", stock_rows(30), chunk_size=10))
    assert route.call_count == 5  # chunk 1 tried three times, then chunk 2 still sent
    assert [(c.status, c.attempts) for c in report.chunks] == [
        ("accepted", 1),
        ("failed", 3),
        ("accepted", 1),
    ]
    assert isinstance(report.chunks[1].error, APIConnectionError)
    assert report.failed_ranges == [range(10, 20)]


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (httpx.ReadTimeout("read timed out"), APITimeoutError),
        (httpx.RemoteProtocolError("Server disconnected"), APIConnectionError),
    ],
)
async def test_a_post_that_may_have_arrived_is_not_sent_again(
    mode: Mode, error: Exception, kind: type[Exception]
) -> None:
    with respx_mock() as router:
        route = router.post(STOCKS).mock(side_effect=error)
        client = make_client(mode, max_retries=3)
        report = await mode(client.stocks.push_incremental("MAIN", stock_rows(3)))
    assert route.call_count == 1
    assert [(c.status, c.attempts) for c in report.chunks] == [("failed", 1)]
    assert isinstance(report.errors[0], kind)
    assert mode.sleeps == []


async def test_a_503_is_retried_only_for_idempotent_pushes(mode: Mode) -> None:
    with respx_mock() as router:
        route = router.post(STOCKS).mock(
            side_effect=[httpx.Response(503), httpx.Response(200, json={"accepted": 3})]
        )
        client = make_client(mode, max_retries=2)
        report = await mode(client.stocks.push_incremental("MAIN", stock_rows(3), idempotent=True))
    assert route.call_count == 2
    assert report.ok
    with respx_mock() as router:
        route = router.post(STOCKS).mock(
            side_effect=[httpx.Response(503), httpx.Response(200, json={"accepted": 3})]
        )
        report = await mode(client.stocks.push_incremental("MAIN", stock_rows(3)))
    assert route.call_count == 1
    assert [(c.status, c.status_code) for c in report.chunks] == [("failed", 503)]


async def test_a_generator_is_read_one_chunk_at_a_time(mode: Mode) -> None:
    class Row(dict[str, Any]):
        """A row that can be tracked with a weak reference."""

    produced = alive = 0

    def released() -> None:
        nonlocal alive
        alive -= 1

    def rows() -> Iterator[Row]:
        nonlocal produced, alive
        for i in range(20_000):
            row = Row(product_code=f"SKU-{i}", quantity=1)
            weakref.finalize(row, released)
            produced += 1
            alive += 1
            yield row

    seen: list[tuple[int, int]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append((produced, alive))
        return httpx.Response(200, json={})

    with respx_mock() as router:
        router.post(STOCKS).mock(side_effect=answer)
        report = await mode(
            make_client(mode).stocks.push_incremental("MAIN", rows(), chunk_size=500)
        )
    assert report.total_rows == 20_000
    assert len(seen) == 40
    # when chunk k is sent, only k chunks were read, and at most one chunk of rows is alive
    assert all(count == (k + 1) * 500 for k, (count, _) in enumerate(seen))
    assert max(held for _, held in seen) <= 501


async def test_invalid_rows_in_a_list_are_refused_before_anything_is_sent(mode: Mode) -> None:
    rows = stock_rows(10_005)
    rows[10_003] = {"product_code": "X", "quantity": "lots"}
    rows[7] = ["not", "a", "row"]  # type: ignore[call-overload]
    with respx_mock() as router:
        route = router.route()
        with pytest.raises(InvalidRequestError, match="StockLevel rows is invalid") as info:
            await mode(make_client(mode).stocks.push_incremental("MAIN", rows))
    assert not route.called
    assert info.value.field_errors == {
        "rows[7]": ["must be a StockLevel or a mapping, not list"],
        "rows[10003].quantity": ["Input should be a valid decimal"],
    }


async def test_invalid_rows_from_an_iterator_refuse_their_chunk_only(mode: Mode) -> None:
    rows = stock_rows(30)
    rows[14] = {"product_code": "", "quantity": 1}
    with respx_mock() as router:
        route = router.post(STOCKS).mock(side_effect=accept)
        report = await mode(
            make_client(mode).stocks.push_incremental("MAIN", iter(rows), chunk_size=10)
        )
    assert route.call_count == 2
    assert [(c.status, c.attempts) for c in report.chunks] == [
        ("accepted", 1),
        ("refused", 0),
        ("accepted", 1),
    ]
    error = report.chunks[1].error
    assert isinstance(error, InvalidRequestError)
    assert list(error.field_errors) == ["rows[14].product_code"]
    assert report.failed_rows == rows[10:20]


@pytest.mark.parametrize("rows", [{"product_code": "A"}, "rows", None, 5])
async def test_rows_must_be_an_iterable_of_rows(mode: Mode, rows: Any) -> None:
    with pytest.raises(InvalidRequestError, match="rows must be an iterable of rows"):
        await mode(make_client(mode).stocks.push_incremental("MAIN", rows))


async def test_a_bad_warehouse_is_refused_before_any_row_is_read(mode: Mode) -> None:
    rows = iter(stock_rows(3))
    with pytest.raises(InvalidRequestError, match="warehouse"):
        await mode(make_client(mode).stocks.push_incremental("", rows))
    assert next(rows)["product_code"] == "SKU-0"


def price(client: str, price_list: str, product: str = "SKU-1") -> dict[str, Any]:
    return {
        "client_id": client,
        "price_list_id": price_list,
        "product_code": product,
        "net_price": Decimal("1.00"),
        "currency": "PLN",
    }


async def test_more_than_2000_price_lists_for_a_client_are_refused_before_sending(
    mode: Mode,
) -> None:
    rows = [price("C-1", f"PL-{i}") for i in range(2_001)]
    rows += [price("C-2", f"PL-{i}") for i in range(2_000)]
    rows += [price("C-3", f"PL-{i % 7}", f"SKU-{i}") for i in range(2_500)]
    rows += [price("C-0", f"PL-{i}") for i in range(2_002)]
    with respx_mock() as router:
        route = router.route()
        with pytest.raises(InvalidRequestError) as info:
            await mode(make_client(mode).prices.push_b2b(rows))
    assert not route.called
    assert str(info.value).startswith(
        "ONe takes at most 2,000 price lists per B2B client; this push names more for: "
        "C-0 (2,002 price lists), C-1 (2,001 price lists)."
    )
    assert sorted(info.value.field_errors) == ["client_id=C-0", "client_id=C-1"]


async def test_exactly_2000_price_lists_are_sent(mode: Mode) -> None:
    rows = [price("C-1", f"PL-{i}") for i in range(2_000)]
    with respx_mock() as router:
        route = router.post(PRICES).mock(side_effect=accept)
        report = await mode(make_client(mode).prices.push_b2b(rows))
    assert route.call_count == 1
    assert report.accepted == 2_000


async def test_an_iterator_of_prices_stops_at_the_chunk_that_passes_the_limit(mode: Mode) -> None:
    rows = (price("C-1", f"PL-{i}") for i in range(2_500))
    with respx_mock() as router:
        route = router.post(PRICES).mock(side_effect=accept)
        report = await mode(make_client(mode).prices.push_b2b(rows, chunk_size=1_000))
    assert route.call_count == 2
    assert [c.status for c in report.chunks] == ["accepted", "accepted", "refused"]
    assert "C-1 (2,500 price lists)" in str(report.chunks[2].error)
    assert report.failed_ranges == [range(2_000, 2_500)]


@pytest.mark.parametrize(
    ("answer", "accepted"),
    [({"accepted": 7}, 7), ({"acceptedCount": 0}, 0), ({"accepted": 99}, 10), (None, 10)],
)
async def test_the_accepted_count_comes_from_the_answer_when_it_gives_one(
    mode: Mode, answer: Any, accepted: int
) -> None:
    with respx_mock() as router:
        router.post(STOCKS).respond(200, json=answer)
        report = await mode(make_client(mode).stocks.push_incremental("MAIN", stock_rows(10)))
    assert report.chunks == [ChunkResult(0, 0, 10, "accepted", status_code=200, accepted=accepted)]


def test_an_empty_report_is_ok() -> None:
    report: PushReport[Any] = PushReport(operation="prices.push_retail")
    assert (report.ok, report.total_rows, report.failed_rows, report.errors) == (True, 0, [], [])
    assert report.summary() == "prices.push_retail: 0 rows in 0 chunk(s), 0 accepted, 0 failed"


def respx_mock() -> Any:
    import respx

    return respx.mock(base_url=BASE, assert_all_called=False)
