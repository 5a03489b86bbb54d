"""The platforms' own list methods into DataFrames, against their sandboxes."""

from __future__ import annotations

from typing import Any

from supplychain_sdk.sandbox.onescp import OneScpSandbox
from supplychain_sdk.sandbox.procuros import ProcurosSandbox
from tests.conftest import Mode


def open_client(sandbox: Any, mode: Mode) -> Any:
    return sandbox.async_client() if mode.is_async else sandbox.client()


async def test_procuros_documents_of_every_type_in_one_frame(mode: Mode) -> None:
    client = open_client(ProcurosSandbox(), mode)
    try:
        frame = await mode(client.incoming.list(page_size=5).to_pandas())
    finally:
        await mode.close(client)
    assert len(frame) == 12  # three pages of the twelve seeded documents
    assert frame["type"].tolist()[:3] == ["ORDER", "ORDER_RESPONSE", "SHIPPING_NOTICE"]
    assert frame["content.header.order_identifier"][0] == "PO9383-R45"
    assert "content.header.invoice_identifier" in frame.columns
    assert "procuros_transaction_id" in frame.columns
    assert not any(column != column.strip() or "Identifier" in column for column in frame)


async def test_onescp_pager_total_and_frame(mode: Mode) -> None:
    client = open_client(OneScpSandbox(), mode)
    pages: list[Any] = []
    try:
        pager = client.orders.list().with_progress(progress=False, on_page=pages.append)
        frame = await mode(pager.to_polars())
    finally:
        await mode.close(client)
    assert pager.total == 1
    assert len(pages) == 1
    assert frame["purchase_order_number"].to_list() == ["PO-2024-001"]
    assert frame["supplier.name"].to_list() == ["ABC Electronics"]
    assert str(frame.schema["created_at"]) == "Datetime(time_unit='us', time_zone='UTC')"
