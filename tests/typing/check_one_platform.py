"""Static typing checks of the ONe surface (mypy --strict; never executed)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from typing_extensions import assert_type

from supplychain_sdk import AsyncPager, SyncPager
from supplychain_sdk.one_platform import (
    SCHEDULE,
    Acknowledgement,
    AsyncOnePlatform,
    B2BPrice,
    ChunkResult,
    ClientRecord,
    OnePlatform,
    PendingShipment,
    PushReport,
    ScheduledFlow,
    StockLevel,
    UploadReceipt,
    UploadTarget,
)


def stock_rows() -> Iterator[StockLevel]:
    yield StockLevel(product_code="A", quantity=Decimal(1))


def sync_usage(client: OnePlatform) -> None:
    report = client.stocks.push_incremental("MAIN", stock_rows())
    assert_type(report, PushReport[StockLevel])
    assert_type(report.failed_rows, list[StockLevel])
    assert_type(report.chunks, list[ChunkResult])
    dicts: list[dict[str, Any]] = [{"client_id": "C", "name": "N"}]
    assert_type(client.clients.create(dicts), PushReport[dict[str, Any]])
    assert_type(client.clients.update(dicts, chunk_size=500), PushReport[dict[str, Any]])
    assert_type(client.clients.retrieve("C"), ClientRecord)
    prices = [
        B2BPrice(
            client_id="C", price_list_id="L", product_code="A", net_price=Decimal(1), currency="PLN"
        )
    ]
    assert_type(client.prices.push_b2b(prices, stop_on_error=True), PushReport[B2BPrice])
    assert_type(client.trade_credits.put("O", limit=Decimal("10")), Acknowledgement)
    assert_type(client.client_blockades.put("C", blocked=False), Acknowledgement)
    assert_type(client.invoices.upload_pdf("FV", b"%PDF-"), UploadReceipt)
    assert_type(client.invoices.begin_upload("FV", file_name="a.pdf", size=1), UploadTarget)
    assert_type(client.orders.pending_shipments(), SyncPager[PendingShipment])
    for flow in SCHEDULE:
        assert_type(flow, ScheduledFlow)
        assert_type(flow.cron, str | None)


async def async_usage(client: AsyncOnePlatform) -> None:
    assert_type(await client.stocks.push_incremental("MAIN", stock_rows()), PushReport[StockLevel])
    assert_type(await client.goods_issued_notes.upload_pdf("WZ", b"%PDF-"), UploadReceipt)
    assert_type(client.orders.pending_shipments(limit=5), AsyncPager[PendingShipment])
    async for order in client.orders.pending_shipments():
        assert_type(order, PendingShipment)
