"""Exact-request cases of the Pharus purchasing rows (#88-105)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from supplychain_sdk.pharus._models.common import BulkImportReport, Deleted
from supplychain_sdk.pharus._models.purchasing import (
    PurchaseOrder,
    PurchaseOrderDetail,
    PurchaseOrderItem,
    PurchaseOrderReceipt,
    PurchaseOrderReceiptDetail,
    PurchaseOrderReceiptResult,
    PurchaseOrderStatus,
    PurchaseOrderTargetType,
)
from tests.routes import Case

from .conftest import ID

VENDOR = "9b2f6a1e-0d7c-4c1e-9a55-3c2b1d0e4f60"
MATERIAL = "5d0c7a52-8f1e-4c3b-9d2a-7e6f5a4b3c21"
ITEM_ID = "1c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f"
ORDER: dict[str, Any] = {
    "id": ID,
    "orgId": "org-1",
    "poNumber": "PO-0042",
    "vendorId": VENDOR,
    "targetType": "materials",
    "status": "In Transit",
    "shipToLocationId": None,
    "planningAt": None,
    "placedAt": "2026-01-02",
    "shipDate": "2026-01-05",
    "inTransitAt": "2026-01-05T08:00:00Z",
    "partialAt": None,
    "expectedDeliveryDate": "2026-01-09",
    "receivedAt": None,
    "paidAt": None,
    "cancelledAt": None,
    "shippingCosts": "12.50",
    "setupCosts": "0.00",
    "otherCosts": "3.10",
    "notes": None,
    "createdAt": "2026-01-02T09:00:00Z",
    "updatedAt": "2026-01-05T08:00:00Z",
}
ITEM: dict[str, Any] = {
    "id": ITEM_ID,
    "orgId": "org-1",
    "purchaseOrderId": ID,
    "materialId": MATERIAL,
    "skuId": None,
    "quantity": "250.5",
    "unitCost": "1.2500",
}
RECEIPT: dict[str, Any] = {
    "id": ID,
    "orgId": "org-1",
    "purchaseOrderId": ID,
    "receiptDate": "2026-01-09",
    "createdAt": "2026-01-09T10:00:00Z",
    "updatedAt": "2026-01-09T10:00:00Z",
}
RECEIPT_LINE: dict[str, Any] = {"id": ITEM_ID, "purchaseOrderItemId": ITEM_ID, "quantity": "100"}


def _order(result: Any) -> None:
    assert isinstance(result, PurchaseOrder)
    assert result.status is PurchaseOrderStatus.IN_TRANSIT
    assert result.target_type is PurchaseOrderTargetType.MATERIALS
    assert (result.po_number, result.shipping_costs) == ("PO-0042", Decimal("12.50"))


def _detail(result: Any) -> None:
    assert isinstance(result, PurchaseOrderDetail)
    _order(result.purchase_order)
    _item(result.items[0])


def _item(result: Any) -> None:
    assert isinstance(result, PurchaseOrderItem)
    assert (result.material_id, result.sku_id) == (MATERIAL, None)
    assert (result.quantity, result.unit_cost) == (Decimal("250.5"), Decimal("1.2500"))


def _items(results: Any) -> None:
    assert len(results) == 1
    _item(results[0])


def _receipt(result: Any) -> None:
    assert isinstance(result, PurchaseOrderReceipt)
    assert (result.purchase_order_id, result.receipt_date) == (ID, "2026-01-09")


def _deleted(result: Any) -> None:
    assert result == Deleted(deleted_id=ID)


def _two_orders(items: Any) -> None:
    assert len(items) == 2
    for item in items:
        _order(item)


def _bulk(report: Any) -> None:
    assert isinstance(report, BulkImportReport)
    assert report.ids == [ID]
    assert report.ok


def _receipt_result(result: Any) -> None:
    assert isinstance(result, PurchaseOrderReceiptResult)
    _order(result.purchase_order)
    _receipt(result.receipt)
    assert result.receipt_items == [RECEIPT_LINE]


def _receipts(items: Any) -> None:
    assert len(items) == 1
    _receipt(items[0])


def _receipt_detail(result: Any) -> None:
    assert isinstance(result, PurchaseOrderReceiptDetail)
    _receipt(result.receipt)
    assert result.items == [RECEIPT_LINE]


def _enriched(items: Any) -> None:
    _items(items)
    assert items[0].model_extra == {"poNumber": "PO-0042"}


def _pdf(body: Any) -> None:
    # the mock answers JSON; a real answer is application/pdf: either way, the bytes
    assert body == b'"%PDF-1.4"'


def _statuses(items: Any) -> None:
    assert items == ["Planning", "In Transit", "Backordered"]
    assert items[1] is PurchaseOrderStatus.IN_TRANSIT
    assert not items[2].is_known


CASES: dict[str, Case] = {
    "purchase_orders.create": Case(
        call=lambda c: c.purchase_orders.create(
            vendor_id=VENDOR,
            target_type="materials",
            status=PurchaseOrderStatus.PLACED,
            placed_at="2026-01-02",
            shipping_costs=Decimal("12.50"),
            notes=None,
            items=[
                {"material_id": MATERIAL, "quantity": Decimal("250.5"), "unit_cost": 1.25},
            ],
        ),
        method="POST",
        path="/api/purchase-orders",
        json={
            "vendorId": VENDOR,
            "targetType": "materials",
            "status": "Placed",
            "placedAt": "2026-01-02",
            "shippingCosts": 12.50,
            "notes": None,
            "items": [{"materialId": MATERIAL, "quantity": 250.5, "unitCost": 1.25}],
        },
        answer={"purchaseOrder": ORDER, "items": [ITEM]},
        check=_detail,
    ),
    "purchase_orders.list": Case(
        call=lambda c: c.purchase_orders.list(page_size=1),
        method="GET",
        path="/api/purchase-orders",
        query={"limit": "1"},
        pages=[{"data": [ORDER], "nextCursor": "c2"}, {"data": [ORDER], "nextCursor": None}],
        check=_two_orders,
    ),
    "purchase_orders.update": Case(
        call=lambda c: c.purchase_orders.update(
            ID,
            status="In Transit",
            in_transit_at="2026-01-05T08:00:00Z",
            other_costs=Decimal("3.10"),
        ),
        method="PATCH",
        path=f"/api/purchase-orders/{ID}",
        json={"status": "In Transit", "inTransitAt": "2026-01-05T08:00:00Z", "otherCosts": 3.10},
        answer=ORDER,
        check=_order,
    ),
    "purchase_orders.delete": Case(
        call=lambda c: c.purchase_orders.delete(ID),
        method="DELETE",
        path=f"/api/purchase-orders/{ID}",
        answer={"deletedId": ID},
        check=_deleted,
    ),
    "purchase_orders.retrieve": Case(
        call=lambda c: c.purchase_orders.retrieve(ID),
        method="GET",
        path=f"/api/purchase-orders/{ID}",
        answer={"purchaseOrder": ORDER, "items": [ITEM]},
        check=_detail,
    ),
    "purchase_orders.bulk_import": Case(
        call=lambda c: c.purchase_orders.bulk_import(
            [
                {
                    "vendor_id": VENDOR,
                    "target_type": "finished_goods",
                    "status": "Planning",
                    "items": [{"sku_id": MATERIAL, "quantity": 5}],
                }
            ]
        ),
        method="POST",
        path="/api/purchase-orders/bulk-import",
        json={
            "rows": [
                {
                    "vendorId": VENDOR,
                    "targetType": "finished_goods",
                    "status": "Planning",
                    "items": [{"skuId": MATERIAL, "quantity": 5}],
                }
            ]
        },
        answer={"ids": [ID]},
        check=_bulk,
    ),
    "purchase_orders.items.create": Case(
        call=lambda c: c.purchase_orders.items.create(
            ID, material_id=MATERIAL, quantity=Decimal("250.5"), unit_cost=Decimal("1.2500")
        ),
        method="POST",
        path=f"/api/purchase-orders/{ID}/items",
        json={"materialId": MATERIAL, "quantity": 250.5, "unitCost": 1.25},
        answer=ITEM,
        check=_item,
    ),
    "purchase_orders.items.list": Case(
        call=lambda c: c.purchase_orders.items.list(ID),
        method="GET",
        path=f"/api/purchase-orders/{ID}/items",
        answer={"data": [ITEM]},
        check=_items,
    ),
    "purchase_orders.items.update": Case(
        call=lambda c: c.purchase_orders.items.update(ITEM_ID, quantity=300, sku_id=None),
        method="PATCH",
        path=f"/api/purchase-order-items/{ITEM_ID}",
        json={"quantity": 300, "skuId": None},
        answer=ITEM,
        check=_item,
    ),
    "purchase_orders.items.delete": Case(
        call=lambda c: c.purchase_orders.items.delete(ITEM_ID),
        method="DELETE",
        path=f"/api/purchase-order-items/{ITEM_ID}",
        answer={"deletedId": ID},
        check=_deleted,
    ),
    "purchase_orders.receipts.create": Case(
        call=lambda c: c.purchase_orders.receipts.create(
            ID,
            receipt_date="2026-01-09",
            notes="dock 3",
            items=[{"purchaseOrderItemId": ITEM_ID, "quantity": Decimal("100")}],
        ),
        method="POST",
        path=f"/api/purchase-orders/{ID}/receipts",
        json={
            "receiptDate": "2026-01-09",
            "notes": "dock 3",
            "items": [{"purchaseOrderItemId": ITEM_ID, "quantity": 100}],
        },
        answer={"purchaseOrder": ORDER, "receipt": RECEIPT, "receiptItems": [RECEIPT_LINE]},
        check=_receipt_result,
    ),
    "purchase_orders.receipts.list": Case(
        call=lambda c: c.purchase_orders.receipts.list(ID, limit=5),
        method="GET",
        path=f"/api/purchase-orders/{ID}/receipts",
        answer={"data": [RECEIPT]},
        check=_receipts,
    ),
    "purchase_orders.receipts.update": Case(
        call=lambda c: c.purchase_orders.receipts.update(ID, receipt_date="2026-01-09"),
        method="PATCH",
        path=f"/api/purchase-order-receipts/{ID}",
        json={"receiptDate": "2026-01-09"},
        answer=RECEIPT,
        check=_receipt,
    ),
    "purchase_orders.receipts.delete": Case(
        call=lambda c: c.purchase_orders.receipts.delete(ID),
        method="DELETE",
        path=f"/api/purchase-order-receipts/{ID}",
        answer={"deletedId": ID},
        check=_deleted,
    ),
    "purchase_orders.receipts.retrieve": Case(
        call=lambda c: c.purchase_orders.receipts.retrieve(ID),
        method="GET",
        path=f"/api/purchase-order-receipts/{ID}",
        answer={"receipt": RECEIPT, "items": [RECEIPT_LINE]},
        check=_receipt_detail,
    ),
    "purchase_orders.items.list_all": Case(
        call=lambda c: c.purchase_orders.items.list_all(limit=1),
        method="GET",
        path="/api/purchase-order-items",
        query={"limit": "1"},
        answer={"data": [{**ITEM, "poNumber": "PO-0042"}], "nextCursor": "more"},
        check=_enriched,
    ),
    "purchase_orders.pdf": Case(
        call=lambda c: c.purchase_orders.pdf(ID),
        method="GET",
        path=f"/api/purchase-orders/{ID}/pdf",
        headers={"Accept": "application/pdf"},
        answer="%PDF-1.4",
        check=_pdf,
    ),
    "purchase_orders.statuses": Case(
        call=lambda c: c.purchase_orders.statuses(),
        method="GET",
        path="/api/purchase-orders/statuses",
        answer={"data": ["Planning", "In Transit", "Backordered"]},
        check=_statuses,
    ),
}
#: Public methods of this group that are composites (several rows, or none).
COMPOSITES: set[str] = set()
