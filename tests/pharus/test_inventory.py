"""Inventory against the Pharus sandbox: two-phase transfers, stock summary from the ledger,
ledger pages and filters, exact quantities, refusals."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from supplychain_sdk import (
    BadRequestError,
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
)
from supplychain_sdk.pharus import (
    FinishedGoodsLedgerEventType,
    FinishedGoodsStockLevel,
    InvalidTransitionError,
    MaterialLedgerEntry,
    MaterialLedgerEventType,
    MaterialStockLevel,
    MaterialTransfer,
)
from supplychain_sdk.sandbox.pharus import PharusSandbox
from supplychain_sdk.sandbox.pharus.inventory import add_ledger_entry, stock_levels
from tests.conftest import Mode

from .conftest import make_client
from .test_contacts import as_viewer, consume, other_org, seed

MATERIAL = "aaaaaaaa-0000-4000-8000-000000000001"
SKU = "bbbbbbbb-0000-4000-8000-000000000001"
PLANT = "11111111-1111-4111-8111-111111111111"
WAREHOUSE = "22222222-2222-4222-8222-222222222222"


@pytest.fixture(autouse=True)
def catalog(sandbox: PharusSandbox) -> None:
    """The material, SKU and locations the inventory handlers check (the catalog's records)."""
    seed(sandbox, "materials", MATERIAL, materialCode="RES-01", name="Resin")
    seed(sandbox, "skus", SKU, skuCode="SKU-01", name="Bottle")
    seed(sandbox, "locations", PLANT, name="Plant")
    seed(sandbox, "locations", WAREHOUSE, name="Warehouse")


async def test_a_transfer_is_in_transit_until_completed_once(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    inventory = client.materials_inventory
    stocked = await mode(
        inventory.adjust(material_id=MATERIAL, location_id=PLANT, quantity=Decimal("20.5"))
    )
    assert (stocked.event_type, stocked.quantity, stocked.code) == (
        MaterialLedgerEventType.ADJUST,
        Decimal("20.5"),
        "RES-01",
    )
    started = await mode(
        inventory.transfers.create(
            material_id=MATERIAL,
            source_location_id=PLANT,
            destination_location_id=WAREHOUSE,
            quantity=Decimal("12.50"),
            event_date="2026-01-05",
        )
    )
    assert isinstance(started, MaterialTransfer)
    assert started.ref == "TR-000001"
    entry = started.ledger_entry
    assert (entry.event_type, entry.location_id, entry.to_location_id, entry.ref) == (
        MaterialLedgerEventType.TRANSFER,
        PLANT,
        WAREHOUSE,
        "TR-000001",
    )
    assert (str(entry.quantity), entry.event_date) == ("12.50", "2026-01-05")
    assert await mode.collect(inventory.summary()) == [
        MaterialStockLevel(
            material_id=MATERIAL, location_id=PLANT, on_hand=Decimal("8.00"), in_transit=0
        ),
        MaterialStockLevel(
            material_id=MATERIAL,
            location_id=WAREHOUSE,
            on_hand=0,
            in_transit=Decimal("12.50"),
        ),
    ]

    done = await mode(inventory.transfers.complete("TR-000001", notes="arrived"))
    assert (done.location_id, done.to_location_id, done.ref, done.notes) == (
        WAREHOUSE,
        None,
        "TR-000001",
        "arrived",
    )
    assert str(done.quantity) == "12.50"
    assert await mode.collect(inventory.summary(location_id=WAREHOUSE)) == [
        MaterialStockLevel(
            material_id=MATERIAL, location_id=WAREHOUSE, on_hand=Decimal("12.50"), in_transit=0
        )
    ]
    with pytest.raises(InvalidTransitionError) as caught:
        await mode(inventory.transfers.complete("TR-000001"))
    assert caught.value.code == "invalid_transition"
    with pytest.raises(NotFoundError):
        await mode(inventory.transfers.complete("TR-999999"))
    await mode.close(client)


async def test_quantities_are_sent_and_read_with_their_exact_digits(
    mode: Mode, sandbox: Any
) -> None:
    client = make_client(mode, sandbox)
    inventory = client.finished_goods_inventory
    entry = await mode(
        inventory.adjust(sku_id=SKU, location_id=PLANT, quantity=Decimal("0.10000000000000001"))
    )
    assert b'"quantity":0.10000000000000001' in sandbox.requests[-1].body
    assert entry.quantity == Decimal("0.10000000000000001")
    assert json.loads(sandbox.requests[-1].body)["skuId"] == SKU
    await mode(inventory.adjust(sku_id=SKU, location_id=PLANT, quantity=0.2))
    assert b'"quantity":0.2' in sandbox.requests[-1].body
    levels = await mode.collect(inventory.summary(sku_id=SKU))
    assert levels == [
        FinishedGoodsStockLevel(
            sku_id=SKU, location_id=PLANT, on_hand=Decimal("0.30000000000000001"), in_transit=0
        )
    ]
    await mode.close(client)


async def test_no_disposal_or_transfer_beyond_stock(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    inventory = client.materials_inventory
    await mode(inventory.adjust(material_id=MATERIAL, location_id=PLANT, quantity=5))
    with pytest.raises(ConflictError) as caught:
        await mode(inventory.dispose(material_id=MATERIAL, location_id=PLANT, quantity=6))
    assert (caught.value.code, caught.value.details) == ("conflict", {"onHand": "5"})
    with pytest.raises(ConflictError):
        await mode(
            inventory.transfers.create(
                material_id=MATERIAL,
                source_location_id=PLANT,
                destination_location_id=WAREHOUSE,
                quantity=5.5,
            )
        )
    gone = await mode(inventory.dispose(material_id=MATERIAL, location_id=PLANT, quantity=2))
    assert (gone.event_type, gone.quantity) == (MaterialLedgerEventType.DISPOSE, Decimal("2"))
    [level] = await mode.collect(inventory.summary())
    assert level.on_hand == Decimal("3")
    await mode.close(client)


async def test_ledger_pages_filters_and_entries(mode: Mode, sandbox: Any, clock: Any) -> None:
    client = make_client(mode, sandbox)
    inventory = client.materials_inventory
    for day in (1, 2, 3):
        await mode(
            inventory.adjust(
                material_id=MATERIAL,
                location_id=PLANT,
                quantity=day,
                event_date=f"2026-01-0{day}",
            )
        )
    await mode(inventory.dispose(material_id=MATERIAL, location_id=PLANT, quantity=1))
    sent = len(sandbox.requests)
    adjustments = await mode.collect(
        inventory.ledger.list(event_type=MaterialLedgerEventType.ADJUST, page_size=2)
    )
    assert [e.quantity for e in adjustments] == [1, 2, 3]
    assert [dict(r.query) for r in sandbox.requests[sent:]] == [
        {"eventType": "ADJUST", "limit": "2"},
        {"eventType": "ADJUST", "limit": "2", "cursor": "2"},
    ]
    window = await mode.collect(inventory.ledger.list(date_from="2026-01-02", date_to="2026-01-02"))
    assert [e.quantity for e in window] == [2]
    assert await mode.collect(inventory.ledger.list(limit=1)) == adjustments[:1]
    entry = await mode(inventory.ledger.retrieve(adjustments[1].id))
    assert entry == adjustments[1]
    assert isinstance(entry, MaterialLedgerEntry)
    await mode.close(client)


async def test_entries_other_sections_write_count_in_the_summary(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    await mode(client.finished_goods_inventory.adjust(sku_id=SKU, location_id=PLANT, quantity=1))
    call = sandbox_call(sandbox)
    produced = add_ledger_entry(
        sandbox,
        call,
        "finished_goods",
        item_id=SKU,
        location_id=PLANT,
        event_type="PRODUCE",
        quantity=Decimal("10"),
        unit_cost=Decimal("1.25"),
        source_type="production_order_receipt",
        source_id="r-1",
    )
    assert (produced["quantity"], produced["unitCost"], produced["skuId"]) == ("10", "1.25", SKU)
    [entry] = await mode.collect(client.finished_goods_inventory.ledger.list(event_type="PRODUCE"))
    assert (entry.event_type, entry.unit_cost, entry.source_type, entry.source_id) == (
        FinishedGoodsLedgerEventType.PRODUCE,
        Decimal("1.25"),
        "production_order_receipt",
        "r-1",
    )
    [level] = await mode.collect(client.finished_goods_inventory.summary())
    assert level.on_hand == Decimal("11")
    await mode.close(client)


def sandbox_call(sandbox: PharusSandbox) -> Any:
    """A handler's view of an org-scoped request of the default organization."""
    from supplychain_sdk.pharus import ROUTES
    from supplychain_sdk.sandbox._framework import SandboxRequest
    from supplychain_sdk.sandbox.pharus import Call

    op = ROUTES["finished_goods_inventory.adjust"]
    request = SandboxRequest(method="POST", path=op.path)
    return Call(op, request, sandbox.DEFAULT_USER_ID, sandbox.DEFAULT_ORG_ID, "owner")


def test_stock_levels_read_every_kind_of_entry() -> None:
    def e(kind: str, quantity: str, location: str = PLANT, **more: Any) -> dict[str, Any]:
        return {"skuId": SKU, "eventType": kind, "quantity": quantity, "locationId": location,
                "toLocationId": None, "ref": None, **more}  # fmt: skip

    entries = [
        e("RECEIVE", "10"),
        e("PRODUCE", "5"),
        e("CONSUME", "1"),
        e("REVERSE_RECEIVE", "2"),
        e("ORDER", "100"),
        e("TRANSFER", "3", toLocationId=WAREHOUSE, ref="TR-1"),
        e("TRANSFER", "4", toLocationId=WAREHOUSE, ref="TR-2"),
        e("TRANSFER", "4", WAREHOUSE, ref="TR-2"),
    ]
    assert stock_levels(entries, "skuId") == [
        {"skuId": SKU, "locationId": PLANT, "onHand": "5", "inTransit": "0"},
        {"skuId": SKU, "locationId": WAREHOUSE, "onHand": "4", "inTransit": "3"},
    ]


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (
            lambda c: c.materials_inventory.adjust(
                material_id=MATERIAL, location_id=PLANT, quantity=0
            ),
            "quantity",
        ),
        (
            lambda c: c.materials_inventory.dispose(
                material_id=MATERIAL, location_id=PLANT, quantity=Decimal("-1")
            ),
            "quantity",
        ),
        (
            lambda c: c.finished_goods_inventory.adjust(
                sku_id=SKU, location_id=PLANT, quantity="3"
            ),
            "quantity",
        ),
        (
            lambda c: c.materials_inventory.transfers.create(
                material_id="resin",
                source_location_id=PLANT,
                destination_location_id=WAREHOUSE,
                quantity=1,
            ),
            "material_id",
        ),
        (
            lambda c: c.materials_inventory.transfers.complete("TR-1", event_date="yesterday"),
            "event_date",
        ),
        (lambda c: c.materials_inventory.ledger.list(event_type="PRODUCE"), "event_type"),
        (lambda c: c.finished_goods_inventory.ledger.list(event_type="SHIP"), "event_type"),
        (lambda c: c.finished_goods_inventory.summary(location_id="plant"), "location_id"),
    ],
)
async def test_bad_input_is_refused_before_sending(
    mode: Mode, sandbox: Any, call: Any, field: str
) -> None:
    client = make_client(mode, sandbox)
    with pytest.raises(InvalidRequestError) as caught:
        await consume(mode, call(client))
    assert field in caught.value.field_errors
    assert sandbox.requests == []


async def test_a_transfer_to_its_own_source_is_refused(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    inventory = client.materials_inventory
    with pytest.raises(BadRequestError) as caught:
        await mode(
            inventory.transfers.create(
                material_id=MATERIAL,
                source_location_id=PLANT,
                destination_location_id=PLANT,
                quantity=1,
            )
        )
    assert caught.value.field_errors == {"destinationLocationId": ["must differ from the source"]}
    await mode.close(client)


async def test_items_and_locations_must_be_records_of_the_org(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    unknown = sandbox.new_id()
    with pytest.raises(BadRequestError) as caught:
        await mode(
            client.materials_inventory.transfers.create(
                material_id=unknown,
                source_location_id=PLANT,
                destination_location_id=unknown,
                quantity=1,
            )
        )
    assert caught.value.field_errors == {
        "materialId": ["no such material"],
        "destinationLocationId": ["no such location"],
    }
    elsewhere = make_client(mode, sandbox, org_id=other_org(sandbox))
    with pytest.raises(BadRequestError) as refused:
        await mode(
            elsewhere.finished_goods_inventory.adjust(sku_id=SKU, location_id=PLANT, quantity=1)
        )
    assert refused.value.field_errors == {
        "skuId": ["no such SKU"],
        "locationId": ["no such location"],
    }
    assert sandbox.table("materials_ledger") == {}
    assert sandbox.table("fg_ledger") == {}
    await mode.close(client)
    await mode.close(elsewhere)


async def test_ledgers_are_per_organization_and_viewers_only_read(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    entry = await mode(
        client.materials_inventory.adjust(material_id=MATERIAL, location_id=PLANT, quantity=1)
    )
    elsewhere = make_client(mode, sandbox, org_id=other_org(sandbox))
    with pytest.raises(NotFoundError):
        await mode(elsewhere.materials_inventory.ledger.retrieve(entry.id))
    assert await mode.collect(elsewhere.materials_inventory.summary()) == []
    viewer = as_viewer(mode, sandbox)
    assert [e.id for e in await mode.collect(viewer.materials_inventory.ledger.list())] == [
        entry.id
    ]
    with pytest.raises(PermissionDeniedError):
        await mode(
            viewer.materials_inventory.dispose(material_id=MATERIAL, location_id=PLANT, quantity=1)
        )
    for opened in (client, elsewhere, viewer):
        await mode.close(opened)
