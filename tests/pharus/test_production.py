"""Work orders and production orders against the Pharus sandbox, sync and async: BOM-expanded
inputs, receipts moving status and writing both ledgers, status timestamps and transitions,
bad input refused before sending, paging, bulk imports, in-use refusals."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from supplychain_sdk import BadRequestError, ConflictError, InvalidRequestError, NotFoundError
from supplychain_sdk.pharus import (
    Deleted,
    InUseError,
    InvalidTransitionError,
    ProductionOrder,
    ProductionOrderDetail,
    ProductionOrderItemDetail,
    ProductionOrderStatus,
    WorkOrder,
    WorkOrderDetail,
    WorkOrderItemDetail,
    WorkOrderReceipt,
    WorkOrderReceiptDetail,
    WorkOrderStatus,
)
from supplychain_sdk.sandbox.pharus import PharusSandbox
from tests.conftest import Mode

from .conftest import ID, Clock, make_client
from .test_purchasing import Catalog

T0 = "2026-01-01T00:00:00.000Z"


@pytest.fixture
def catalog(sandbox: PharusSandbox) -> Catalog:
    return Catalog.seed(sandbox)


def _inputs(inputs: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(i["materialId"], i["quantity"]) for i in inputs]


def _ledger(sandbox: PharusSandbox, name: str) -> list[tuple[Any, ...]]:
    return [
        (e["eventType"], e.get("skuId") or e.get("materialId"), e["quantity"], e["locationId"])
        for e in sandbox.table(name).values()
    ]


async def test_work_order_flow_with_bom_inputs(
    mode: Mode, sandbox: PharusSandbox, catalog: Catalog, clock: Clock
) -> None:
    client = make_client(mode, sandbox)
    lid = next(m for m, r in sandbox.table("materials").items() if r["materialCode"] == "LID-1")
    created = await mode(
        client.work_orders.create(
            status="Draft",
            work_site_location_id=catalog.location,
            order_date="2026-01-02",
            items=[{"sku_id": catalog.sku, "quantity": 3, "conversion_cost": Decimal("0.45")}],
        )
    )
    assert isinstance(created, WorkOrderDetail)
    order = created.work_order
    assert (order.wo_number, order.status, order.work_site_id) == (
        "WO-0001",
        WorkOrderStatus.DRAFT,
        catalog.location,
    )
    assert (order.draft_at, order.placed_at) == (T0, "2026-01-02")  # orderDate -> placedAt
    [line] = created.items
    assert (line.sku_id, line.quantity, line.conversion_cost) == (catalog.sku, 3, Decimal("0.45"))
    assert _inputs(created.inputs) == [(catalog.material, "7.5"), (lid, "3")]
    assert {i["workOrderItemId"] for i in created.inputs} == {line.id}
    assert json.loads(sandbox.requests[-1].body)["workSiteLocationId"] == catalog.location

    added = await mode(client.work_orders.items.create(order.id, sku_id=catalog.sku, quantity=2))
    assert isinstance(added, WorkOrderItemDetail)
    assert _inputs(added.inputs) == [(catalog.material, "5.0"), (lid, "2")]
    changed = await mode(client.work_orders.items.update(added.item.id, quantity=4))
    assert changed.item.quantity == 4
    assert _inputs(changed.inputs) == [(catalog.material, "10.0"), (lid, "4")]
    detail = await mode(client.work_orders.retrieve(order.id))
    assert [i.id for i in detail.items] == [line.id, added.item.id]
    assert len(detail.inputs) == 4
    assert await mode(client.work_orders.items.delete(added.item.id)) == Deleted(
        deleted_id=added.item.id
    )
    assert len((await mode(client.work_orders.retrieve(order.id))).inputs) == 2

    clock.advance(120)
    started = await mode(client.work_orders.update(order.id, status="Production", notes="go"))
    assert isinstance(started, WorkOrder)  # flat (C10)
    assert (started.status, started.production_started_at, started.notes) == (
        WorkOrderStatus.PRODUCTION,
        "2026-01-01T00:02:00.000Z",
        "go",
    )
    explicit = await mode(
        client.work_orders.update(order.id, status="In Transit", in_transit_at="2026-01-05")
    )
    assert explicit.in_transit_at == "2026-01-05"
    assert await mode(client.work_orders.delete(order.id)) == Deleted(deleted_id=order.id)
    with pytest.raises(NotFoundError):
        await mode(client.work_orders.retrieve(order.id))
    assert sandbox.table("work_order_items") == {}
    assert sandbox.table("work_order_inputs") == {}


async def test_a_sku_without_a_bom_has_no_inputs(
    mode: Mode, sandbox: PharusSandbox, catalog: Catalog
) -> None:
    client = make_client(mode, sandbox)
    del sandbox.table("boms")[catalog.sku]
    created = await mode(
        client.production_orders.create(
            status="Entered",
            location_id=catalog.location,
            items=[{"sku_id": catalog.sku, "quantity": 1, "production_cost": None}],
        )
    )
    assert isinstance(created, ProductionOrderDetail)
    assert created.inputs == []
    assert created.items[0].production_cost is None
    assert created.production_order.entered_at == T0


async def test_receipts_produce_goods_and_consume_inputs(
    mode: Mode, sandbox: PharusSandbox, catalog: Catalog
) -> None:
    client = make_client(mode, sandbox)
    lid = next(m for m, r in sandbox.table("materials").items() if r["materialCode"] == "LID-1")
    created = await mode(
        client.production_orders.create(
            status="Production",
            location_id=catalog.location,
            items=[{"sku_id": catalog.sku, "quantity": 4, "production_cost": Decimal("1.10")}],
        )
    )
    order, line = created.production_order, created.items[0]
    first = await mode(
        client.production_orders.receipts.create(
            order.id,
            receipt_date="2026-01-03",
            items=[{"productionOrderItemId": line.id, "quantity": 1}],
        )
    )
    assert first.production_order.status is ProductionOrderStatus.PARTIAL
    assert first.receipt.receipt_date == "2026-01-03"
    assert "updatedAt" not in first.receipt.to_dict()  # §2b: no updatedAt on this receipt
    assert _ledger(sandbox, "fg_ledger") == [("PRODUCE", catalog.sku, "1", catalog.location)]
    assert _ledger(sandbox, "materials_ledger") == [
        ("CONSUME", catalog.material, "2.5", catalog.location),
        ("CONSUME", lid, "1", catalog.location),
    ]
    fg = next(iter(sandbox.table("fg_ledger").values()))
    assert (fg["unitCost"], fg["ref"], fg["sourceType"], fg["eventDate"]) == (
        "1.10",
        "PROD-0001",
        "production_order_receipt",
        "2026-01-03",
    )
    second = await mode(
        client.production_orders.receipts.create(
            order.id, items=[{"productionOrderItemId": line.id, "quantity": 3}]
        )
    )
    assert second.production_order.status is ProductionOrderStatus.RECEIVED
    assert second.production_order.received_at == T0
    with pytest.raises(BadRequestError) as over:
        await mode(
            client.production_orders.receipts.create(
                order.id, items=[{"productionOrderItemId": line.id, "quantity": 1}]
            )
        )
    assert over.value.field_errors == {"items.0.quantity": ["more than the 0 outstanding"]}
    with pytest.raises(InUseError):
        await mode(client.production_orders.items.delete(line.id))
    with pytest.raises(InUseError):
        await mode(client.production_orders.delete(order.id))
    with pytest.raises(BadRequestError):
        await mode(client.production_orders.items.update(line.id, quantity=3))  # < received

    receipts = await mode.collect(client.production_orders.receipts.list(order.id))
    assert [r.id for r in receipts] == [first.receipt.id, second.receipt.id]
    moved = await mode(
        client.production_orders.receipts.update(first.receipt.id, receipt_date="2026-01-04")
    )
    assert moved.receipt_date == "2026-01-04"
    await mode(client.production_orders.receipts.delete(second.receipt.id))
    assert _ledger(sandbox, "fg_ledger")[-1] == (
        "REVERSE_PRODUCE",
        catalog.sku,
        "3",
        catalog.location,
    )
    assert _ledger(sandbox, "materials_ledger")[-2:] == [
        ("REVERSE_CONSUME", catalog.material, "7.5", catalog.location),
        ("REVERSE_CONSUME", lid, "3", catalog.location),
    ]
    after = (await mode(client.production_orders.retrieve(order.id))).production_order
    assert after.status is ProductionOrderStatus.PARTIAL
    await mode(client.production_orders.receipts.delete(first.receipt.id))
    after = (await mode(client.production_orders.retrieve(order.id))).production_order
    assert after.status is ProductionOrderStatus.PRODUCTION


async def test_work_order_receipts_receive_goods_at_a_location(
    mode: Mode, sandbox: PharusSandbox, catalog: Catalog
) -> None:
    client = make_client(mode, sandbox)
    created = await mode(
        client.work_orders.create(
            status="Placed",
            work_site_location_id=catalog.location,
            items=[{"sku_id": catalog.sku, "quantity": 2}],
        )
    )
    result = await mode(
        client.work_orders.receipts.create(
            created.work_order.id,
            notes="arrived",
            items=[
                {
                    "workOrderItemId": created.items[0].id,
                    "quantity": 2,
                    "locationId": catalog.other_location,
                }
            ],
        )
    )
    assert result.work_order.status is WorkOrderStatus.RECEIVED
    assert isinstance(result.receipt, WorkOrderReceipt)
    assert _ledger(sandbox, "fg_ledger") == [("RECEIVE", catalog.sku, "2", catalog.other_location)]
    consumed = _ledger(sandbox, "materials_ledger")
    assert [e[0] for e in consumed] == ["CONSUME", "CONSUME"]
    assert {e[3] for e in consumed} == {catalog.location}  # used up at the work site
    detail = await mode(client.work_orders.receipts.retrieve(result.receipt.id))
    assert isinstance(detail, WorkOrderReceiptDetail)
    assert detail.items == result.receipt_items
    assert detail.items[0]["skuId"] == catalog.sku
    with pytest.raises(BadRequestError) as wrong:
        await mode(
            client.work_orders.receipts.create(
                created.work_order.id, items=[{"workOrderItemId": ID, "quantity": 1}]
            )
        )
    assert wrong.value.field_errors == {"items.0.workOrderItemId": ["names no line of this order"]}


async def test_completed_and_cancelled_orders_keep_their_status(
    mode: Mode, sandbox: PharusSandbox, catalog: Catalog
) -> None:
    client = make_client(mode, sandbox)
    order = (
        await mode(
            client.work_orders.create(
                status="Placed", work_site_location_id=catalog.location, items=[]
            )
        )
    ).work_order
    done = await mode(client.work_orders.update(order.id, status=WorkOrderStatus.COMPLETED))
    assert done.completed_at == T0
    with pytest.raises(InvalidTransitionError) as caught:
        await mode(client.work_orders.update(order.id, status="Production"))
    assert caught.value.details == {"from": "Completed", "to": "Production"}
    with pytest.raises(InvalidTransitionError):
        await mode(client.work_orders.receipts.create(order.id, items=[]))
    with pytest.raises(ConflictError):
        await mode(client.work_orders.items.create(order.id, sku_id=catalog.sku, quantity=1))

    prod = (
        await mode(
            client.production_orders.create(status="Draft", location_id=catalog.location, items=[])
        )
    ).production_order
    cancelled = await mode(client.production_orders.update(prod.id, status="Cancelled"))
    assert isinstance(cancelled, ProductionOrder)
    assert cancelled.cancelled_at == T0
    with pytest.raises(InvalidTransitionError):
        await mode(client.production_orders.update(prod.id, status="Draft"))


async def test_bad_input_is_refused_before_sending(
    mode: Mode, sandbox: PharusSandbox, catalog: Catalog
) -> None:
    client = make_client(mode, sandbox)
    with pytest.raises(InvalidRequestError) as caught:
        await mode(
            client.work_orders.create(
                status="Shipped",
                work_site_location_id=catalog.location,
                items=[
                    {"sku_id": catalog.sku, "quantity": 0},
                    {"sku_id": catalog.sku, "quantity": 1.5},
                    {"sku_id": "cup", "quantity": True, "conversion_cost": -1},
                ],
            )
        )
    assert set(caught.value.field_errors) == {
        "status",
        "items.0.quantity",
        "items.1.quantity",
        "items.2.sku_id",
        "items.2.quantity",
        "items.2.conversion_cost",
    }
    with pytest.raises(InvalidRequestError) as renamed:
        await mode(
            client.work_orders.update(ID, work_site_id=catalog.location)  # type: ignore[call-arg]
        )
    assert "work_site_id" in renamed.value.field_errors
    with pytest.raises(InvalidRequestError):
        await mode(client.production_orders.items.update(ID, quantity=0))
    with pytest.raises(InvalidRequestError):
        await mode(client.production_orders.items.update(ID, sku_id=catalog.sku))  # type: ignore[call-arg]
    with pytest.raises(InvalidRequestError, match="receipt_id must be a UUID"):
        await mode(client.work_orders.receipts.retrieve("latest"))
    assert sandbox.requests == []


async def test_lists_statuses_and_bulk_imports(
    mode: Mode, sandbox: PharusSandbox, catalog: Catalog
) -> None:
    client = make_client(mode, sandbox)
    rows = [
        {"status": "Draft", "location_id": catalog.location, "items": []},
        {
            "status": "Entered",
            "location_id": catalog.location,
            "items": [{"sku_id": catalog.sku, "quantity": 2}],
        },
        {
            "status": "Draft",
            "location_id": catalog.location,
            "items": [{"sku_id": "00000000-0000-4000-8000-00000000dead", "quantity": 1}],
        },
    ]
    report = await mode(client.production_orders.bulk_import(rows, batch_size=2))
    assert [(r.index, r.status) for r in report.rows] == [
        (0, "created"),
        (1, "created"),
        (2, "error"),
    ]
    assert report.failed[0].error["code"] == "validation_failed"
    before = len(sandbox.requests)
    orders = await mode.collect(client.production_orders.list(page_size=1))
    assert [o.id for o in orders] == report.ids
    assert [o.prod_number for o in orders] == ["PROD-0001", "PROD-0002"]
    assert len(sandbox.requests) - before == 2
    assert len(sandbox.table("production_order_inputs")) == 2  # the second row's BOM

    wo_report = await mode(
        client.work_orders.bulk_import(
            [{"status": "Draft", "work_site_location_id": catalog.location, "items": []}]
        )
    )
    assert wo_report.created == 1
    assert [o.id for o in await mode.collect(client.work_orders.list(limit=5))] == wo_report.ids

    assert await mode.collect(client.work_orders.statuses()) == list(WorkOrderStatus)
    statuses = await mode.collect(client.production_orders.statuses(limit=4))
    assert statuses == list(ProductionOrderStatus)[:4]
    assert all(isinstance(s, ProductionOrderStatus) for s in statuses)
    assert isinstance(
        await mode(
            client.production_orders.items.create(report.ids[0], sku_id=catalog.sku, quantity=1)
        ),
        ProductionOrderItemDetail,
    )
    assert await mode.collect(client.work_orders.receipts.list(wo_report.ids[0])) == []


async def test_bom_lines_without_a_usable_quantity_need_nothing(
    mode: Mode, sandbox: PharusSandbox, catalog: Catalog
) -> None:
    client = make_client(mode, sandbox)
    sandbox.table("boms")[catalog.sku]["items"] = [
        {"materialId": catalog.material, "quantity": "abc"},
        {"materialId": catalog.material, "quantity": [1]},
        {"materialId": catalog.material, "quantity": "Infinity"},
        {"materialId": catalog.material},
        {"quantity": 2},
        "not a line",
        {"materialId": catalog.material, "quantity": "0.25"},
    ]
    added = await mode(
        client.work_orders.create(
            status="Draft",
            work_site_location_id=catalog.location,
            items=[{"sku_id": catalog.sku, "quantity": 4}],
        )
    )
    assert _inputs(added.inputs) == [(catalog.material, "1.00")]
