"""Exact-request cases of the Pharus inventory rows (#53-66)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from supplychain_sdk.pharus._models.inventory import (
    FinishedGoodsLedgerEntry,
    FinishedGoodsLedgerEventType,
    FinishedGoodsStockLevel,
    FinishedGoodsTransfer,
    MaterialLedgerEntry,
    MaterialLedgerEventType,
    MaterialStockLevel,
    MaterialTransfer,
)
from tests.routes import Case

from .conftest import ID

SOURCE = "11111111-1111-4111-8111-111111111111"
DESTINATION = "22222222-2222-4222-8222-222222222222"
MATERIALS = "/api/materials-inventory"
GOODS = "/api/finished-goods-inventory"


def _entry(item_field: str, event_type: str = "TRANSFER", **changes: Any) -> dict[str, Any]:
    return {
        "id": ID,
        "orgId": "org-1",
        "code": "RES-01",
        item_field: ID,
        "locationId": SOURCE,
        "eventType": event_type,
        "quantity": "12.50",
        "unitCost": "3.1000",
        "ref": "TR-000001",
        "toLocationId": DESTINATION,
        "notes": None,
        "eventDate": "2026-01-05",
        "sourceType": "transfer",
        "sourceId": None,
        "createdAt": "2026-01-05T00:00:00Z",
        **changes,
    }


MATERIAL_ENTRY = _entry("materialId")
GOODS_ENTRY = _entry("skuId")


def _material(
    result: Any, kind: MaterialLedgerEventType = MaterialLedgerEventType.TRANSFER
) -> None:
    assert isinstance(result, MaterialLedgerEntry)
    assert result.event_type is kind
    assert (result.quantity, result.unit_cost) == (Decimal("12.50"), Decimal("3.1000"))
    assert (result.material_id, result.to_location_id) == (ID, DESTINATION)


def _goods(
    result: Any, kind: FinishedGoodsLedgerEventType = FinishedGoodsLedgerEventType.TRANSFER
) -> None:
    assert isinstance(result, FinishedGoodsLedgerEntry)
    assert result.event_type is kind
    assert (result.quantity, result.sku_id) == (Decimal("12.50"), ID)


def _material_transfer(result: Any) -> None:
    assert isinstance(result, MaterialTransfer)
    assert result.ref == "TR-000001"
    _material(result.ledger_entry)


def _goods_transfer(result: Any) -> None:
    assert isinstance(result, FinishedGoodsTransfer)
    assert result.ref == "TR-000001"
    _goods(result.ledger_entry)


def _material_levels(result: Any) -> None:
    assert result == [
        MaterialStockLevel(
            material_id=ID, location_id=SOURCE, on_hand=Decimal("7.5"), in_transit=Decimal("0")
        )
    ]


def _goods_levels(result: Any) -> None:
    assert result == [
        FinishedGoodsStockLevel(
            sku_id=ID, location_id=SOURCE, on_hand=Decimal("40"), in_transit=Decimal("2")
        )
    ]


def _two_material_entries(result: Any) -> None:
    assert [type(e) for e in result] == [MaterialLedgerEntry, MaterialLedgerEntry]
    assert [e.event_type for e in result] == [MaterialLedgerEventType.ADJUST] * 2


def _one_goods_entry(result: Any) -> None:
    assert len(result) == 1
    _goods(result[0], FinishedGoodsLedgerEventType.PRODUCE)


_MOVE = {"locationId": SOURCE, "quantity": 12.5, "notes": "cycle count"}

CASES: dict[str, Case] = {
    "materials_inventory.transfers.create": Case(
        call=lambda c: c.materials_inventory.transfers.create(
            material_id=ID,
            source_location_id=SOURCE,
            destination_location_id=DESTINATION,
            quantity=Decimal("12.50"),
            event_date="2026-01-05",
        ),
        method="POST",
        path=f"{MATERIALS}/transfers",
        json={
            "materialId": ID,
            "sourceLocationId": SOURCE,
            "destinationLocationId": DESTINATION,
            "quantity": 12.50,
            "eventDate": "2026-01-05",
        },
        answer={"ledgerEntry": MATERIAL_ENTRY, "ref": "TR-000001"},
        check=_material_transfer,
    ),
    "materials_inventory.transfers.complete": Case(
        call=lambda c: c.materials_inventory.transfers.complete("TR 1/2", notes=None),
        method="POST",
        path=f"{MATERIALS}/transfers/TR%201%2F2/complete",
        json={"notes": None},
        answer=MATERIAL_ENTRY,
        check=_material,
    ),
    "materials_inventory.adjust": Case(
        call=lambda c: c.materials_inventory.adjust(
            material_id=ID, location_id=SOURCE, quantity=12.5, notes="cycle count"
        ),
        method="POST",
        path=f"{MATERIALS}/adjustments",
        json={"materialId": ID, **_MOVE},
        answer=_entry("materialId", "ADJUST"),
        check=lambda e: _material(e, MaterialLedgerEventType.ADJUST),
    ),
    "materials_inventory.dispose": Case(
        call=lambda c: c.materials_inventory.dispose(
            material_id=ID, location_id=SOURCE, quantity=12.5, notes="cycle count"
        ),
        method="POST",
        path=f"{MATERIALS}/disposals",
        json={"materialId": ID, **_MOVE},
        answer=_entry("materialId", "DISPOSE"),
        check=lambda e: _material(e, MaterialLedgerEventType.DISPOSE),
    ),
    "materials_inventory.summary": Case(
        call=lambda c: c.materials_inventory.summary(material_id=ID, location_id=SOURCE),
        method="GET",
        path=f"{MATERIALS}/summary",
        query={"materialId": ID, "locationId": SOURCE},
        answer={
            "data": [{"materialId": ID, "locationId": SOURCE, "onHand": "7.5", "inTransit": "0"}]
        },
        check=_material_levels,
    ),
    "materials_inventory.ledger.list": Case(
        call=lambda c: c.materials_inventory.ledger.list(
            event_type="ADJUST", date_from="2026-01-01", page_size=1
        ),
        method="GET",
        path=f"{MATERIALS}/ledger",
        query={"eventType": "ADJUST", "dateFrom": "2026-01-01", "limit": "1"},
        pages=[
            {"data": [_entry("materialId", "ADJUST")], "nextCursor": "n1"},
            {"data": [_entry("materialId", "ADJUST")], "nextCursor": None},
        ],
        check=_two_material_entries,
    ),
    "materials_inventory.ledger.retrieve": Case(
        call=lambda c: c.materials_inventory.ledger.retrieve(ID),
        method="GET",
        path=f"{MATERIALS}/ledger/{ID}",
        answer=MATERIAL_ENTRY,
        check=_material,
    ),
    "finished_goods_inventory.transfers.create": Case(
        call=lambda c: c.finished_goods_inventory.transfers.create(
            sku_id=ID,
            source_location_id=SOURCE,
            destination_location_id=DESTINATION,
            quantity=3,
            notes="to the 3PL",
        ),
        method="POST",
        path=f"{GOODS}/transfers",
        json={
            "skuId": ID,
            "sourceLocationId": SOURCE,
            "destinationLocationId": DESTINATION,
            "quantity": 3,
            "notes": "to the 3PL",
        },
        answer={"ledgerEntry": GOODS_ENTRY, "ref": "TR-000001"},
        check=_goods_transfer,
    ),
    "finished_goods_inventory.transfers.complete": Case(
        call=lambda c: c.finished_goods_inventory.transfers.complete(
            "TR-000001", event_date="2026-01-07T10:00:00Z"
        ),
        method="POST",
        path=f"{GOODS}/transfers/TR-000001/complete",
        json={"eventDate": "2026-01-07T10:00:00Z"},
        answer=GOODS_ENTRY,
        check=_goods,
    ),
    "finished_goods_inventory.adjust": Case(
        call=lambda c: c.finished_goods_inventory.adjust(
            sku_id=ID, location_id=SOURCE, quantity=12.5, notes="cycle count"
        ),
        method="POST",
        path=f"{GOODS}/adjustments",
        json={"skuId": ID, **_MOVE},
        answer=_entry("skuId", "ADJUST"),
        check=lambda e: _goods(e, FinishedGoodsLedgerEventType.ADJUST),
    ),
    "finished_goods_inventory.dispose": Case(
        call=lambda c: c.finished_goods_inventory.dispose(
            sku_id=ID, location_id=SOURCE, quantity=Decimal("12.5"), notes="cycle count"
        ),
        method="POST",
        path=f"{GOODS}/disposals",
        json={"skuId": ID, **_MOVE},
        answer=_entry("skuId", "DISPOSE"),
        check=lambda e: _goods(e, FinishedGoodsLedgerEventType.DISPOSE),
    ),
    "finished_goods_inventory.summary": Case(
        call=lambda c: c.finished_goods_inventory.summary(),
        method="GET",
        path=f"{GOODS}/summary",
        answer={"data": [{"skuId": ID, "locationId": SOURCE, "onHand": "40", "inTransit": "2"}]},
        check=_goods_levels,
    ),
    "finished_goods_inventory.ledger.list": Case(
        call=lambda c: c.finished_goods_inventory.ledger.list(
            sku_id=ID,
            location_id=SOURCE,
            event_type=FinishedGoodsLedgerEventType.PRODUCE,
            ref="PO-7",
            date_to="2026-01-31",
        ),
        method="GET",
        path=f"{GOODS}/ledger",
        query={
            "skuId": ID,
            "locationId": SOURCE,
            "eventType": "PRODUCE",
            "ref": "PO-7",
            "dateTo": "2026-01-31",
            "limit": "100",
        },
        answer={"data": [_entry("skuId", "PRODUCE")]},
        check=_one_goods_entry,
    ),
    "finished_goods_inventory.ledger.retrieve": Case(
        call=lambda c: c.finished_goods_inventory.ledger.retrieve(ID),
        method="GET",
        path=f"{GOODS}/ledger/{ID}",
        answer=GOODS_ENTRY,
        check=_goods,
    ),
}
#: Public methods of this group that are composites (several rows, or none).
COMPOSITES: set[str] = set()
