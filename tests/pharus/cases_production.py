"""Exact-request cases of the Pharus production rows: work orders (#106-120) and production
orders (#121-135).

The two families have the same rows; `_family` writes the fifteen cases of one from its
names, so each request is still spelled out (method, path, body) and each answer checked.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from supplychain_sdk.pharus._models.common import BulkImportReport, Deleted
from supplychain_sdk.pharus._models.production import (
    ProductionOrder,
    ProductionOrderDetail,
    ProductionOrderItem,
    ProductionOrderItemDetail,
    ProductionOrderReceipt,
    ProductionOrderReceiptDetail,
    ProductionOrderReceiptResult,
    ProductionOrderStatus,
    WorkOrder,
    WorkOrderDetail,
    WorkOrderItem,
    WorkOrderItemDetail,
    WorkOrderReceipt,
    WorkOrderReceiptDetail,
    WorkOrderReceiptResult,
    WorkOrderStatus,
)
from tests.routes import Case

from .conftest import ID

SITE = "9b2f6a1e-0d7c-4c1e-9a55-3c2b1d0e4f60"
SKU = "5d0c7a52-8f1e-4c3b-9d2a-7e6f5a4b3c21"
ITEM_ID = "1c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f"
MATERIAL = "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d"
STAMPS: dict[str, Any] = {
    "draftAt": "2026-01-01T00:00:00Z",
    "enteredAt": None,
    "placedAt": "2026-01-02",
    "productionStartedAt": "2026-01-03T07:30:00Z",
    "inTransitAt": None,
    "partialAt": None,
    "receivedAt": None,
    "completedAt": None,
    "cancelledAt": None,
}
INPUT: dict[str, Any] = {"id": ID, "materialId": MATERIAL, "quantity": "7.5"}
RECEIPT_LINE: dict[str, Any] = {"id": ITEM_ID, "quantity": "3"}


@attrs.frozen
class Family:
    """One order family's names and models."""

    attr: str
    seg: str
    child: str
    wrapper: str
    parent: str
    number: tuple[str, str]
    location: tuple[str, str, str]  # python request name, API request name, answer name
    cost: tuple[str, str]
    order: type
    detail: type
    item: type
    item_detail: type
    receipt: type
    receipt_result: type
    receipt_detail: type
    status: Any


WORK = Family(
    attr="work_orders",
    seg="work-orders",
    child="work-order",
    wrapper="workOrder",
    parent="workOrderId",
    number=("woNumber", "WO-0007"),
    location=("work_site_location_id", "workSiteLocationId", "workSiteId"),
    cost=("conversion_cost", "conversionCost"),
    order=WorkOrder,
    detail=WorkOrderDetail,
    item=WorkOrderItem,
    item_detail=WorkOrderItemDetail,
    receipt=WorkOrderReceipt,
    receipt_result=WorkOrderReceiptResult,
    receipt_detail=WorkOrderReceiptDetail,
    status=WorkOrderStatus,
)
PRODUCTION = Family(
    attr="production_orders",
    seg="production-orders",
    child="production-order",
    wrapper="productionOrder",
    parent="productionOrderId",
    number=("prodNumber", "PROD-0007"),
    location=("location_id", "locationId", "locationId"),
    cost=("production_cost", "productionCost"),
    order=ProductionOrder,
    detail=ProductionOrderDetail,
    item=ProductionOrderItem,
    item_detail=ProductionOrderItemDetail,
    receipt=ProductionOrderReceipt,
    receipt_result=ProductionOrderReceiptResult,
    receipt_detail=ProductionOrderReceiptDetail,
    status=ProductionOrderStatus,
)


def _family(f: Family) -> dict[str, Case]:
    """The fifteen cases of one family."""
    order = {
        "id": ID,
        "orgId": "org-1",
        f.number[0]: f.number[1],
        "status": "Production",
        f.location[2]: SITE,
        "expectedDeliveryDate": "2026-02-01",
        **STAMPS,
        "notes": None,
        "createdAt": "2026-01-01T00:00:00Z",
        "updatedAt": "2026-01-03T07:30:00Z",
    }
    item = {
        "id": ITEM_ID,
        "orgId": "org-1",
        f.parent: ID,
        "skuId": SKU,
        "quantity": 3,
        f.cost[1]: "0.4500",
    }
    receipt = {
        "id": ID,
        "orgId": "org-1",
        f.parent: ID,
        "receiptDate": "2026-01-20",
        "createdAt": "2026-01-20T10:00:00Z",
    }
    snake_parent = f.parent[0].lower() + "".join(
        "_" + c.lower() if c.isupper() else c for c in f.parent[1:]
    )
    one = f"/api/{f.seg}/{ID}"

    def check_order(result: Any) -> None:
        assert isinstance(result, f.order)
        assert result.status is f.status.PRODUCTION
        assert result.production_started_at == "2026-01-03T07:30:00Z"
        assert getattr(result, "work_site_id" if f is WORK else "location_id") == SITE
        assert result.model_dump(by_alias=True)[f.number[0]] == f.number[1]

    def check_item(result: Any) -> None:
        assert isinstance(result, f.item)
        assert (result.sku_id, result.quantity) == (SKU, 3)
        assert getattr(result, f.cost[0]) == Decimal("0.4500")
        assert getattr(result, snake_parent) == ID

    def check_detail(result: Any) -> None:
        assert isinstance(result, f.detail)
        check_order(getattr(result, f.attr[:-1]))
        check_item(result.items[0])
        assert result.inputs == [INPUT]

    def check_item_detail(result: Any) -> None:
        assert isinstance(result, f.item_detail)
        check_item(result.item)
        assert result.inputs == [INPUT]

    def check_receipt(result: Any) -> None:
        assert isinstance(result, f.receipt)
        assert (result.receipt_date, getattr(result, snake_parent)) == ("2026-01-20", ID)

    def check_receipt_result(result: Any) -> None:
        assert isinstance(result, f.receipt_result)
        check_order(getattr(result, f.attr[:-1]))
        check_receipt(result.receipt)
        assert result.receipt_items == [RECEIPT_LINE]

    def check_receipt_detail(result: Any) -> None:
        assert isinstance(result, f.receipt_detail)
        check_receipt(result.receipt)
        assert result.items == [RECEIPT_LINE]

    def check_orders(items: Any) -> None:
        assert len(items) == 2
        for each in items:
            check_order(each)

    def check_receipts(items: Any) -> None:
        assert len(items) == 1
        check_receipt(items[0])

    def check_deleted(result: Any) -> None:
        assert result == Deleted(deleted_id=ID)

    def check_bulk(report: Any) -> None:
        assert isinstance(report, BulkImportReport)
        assert report.ids == [ID, ITEM_ID]

    def check_statuses(items: Any) -> None:
        assert items == ["Draft", "Production", "Shipped"]
        assert items[1] is f.status.PRODUCTION
        assert not items[2].is_known

    def resource(c: Any) -> Any:
        return getattr(c, f.attr)

    def call(method: str, *args: Any, **kwargs: Any) -> Callable[[Any], Any]:
        def run(c: Any) -> Any:
            target = resource(c)
            for part in method.split(".")[:-1]:
                target = getattr(target, part)
            return getattr(target, method.split(".")[-1])(*args, **kwargs)

        return run

    detail = {f.wrapper: order, "items": [item], "inputs": [INPUT]}
    p = f.attr
    return {
        f"{p}.create": Case(
            call=call(
                "create",
                status=f.status.DRAFT,
                **{f.location[0]: SITE},
                order_date="2026-01-02",
                expected_delivery_date=None,
                items=[{"sku_id": SKU, "quantity": 3, f.cost[0]: Decimal("0.4500")}],
            ),
            method="POST",
            path=f"/api/{f.seg}",
            json={
                "status": "Draft",
                f.location[1]: SITE,
                "orderDate": "2026-01-02",
                "expectedDeliveryDate": None,
                "items": [{"skuId": SKU, "quantity": 3, f.cost[1]: 0.45}],
            },
            answer=detail,
            check=check_detail,
        ),
        f"{p}.list": Case(
            call=call("list", page_size=1, limit=2),
            method="GET",
            path=f"/api/{f.seg}",
            query={"limit": "1"},
            pages=[{"data": [order], "nextCursor": "c2"}, {"data": [order], "nextCursor": "c3"}],
            check=check_orders,
        ),
        f"{p}.update": Case(
            call=call(
                "update", ID, status="Production", production_started_at="2026-01-03T07:30:00Z"
            ),
            method="PATCH",
            path=one,
            json={"status": "Production", "productionStartedAt": "2026-01-03T07:30:00Z"},
            answer=order,
            check=check_order,
        ),
        f"{p}.delete": Case(
            call=call("delete", ID),
            method="DELETE",
            path=one,
            answer={"deletedId": ID},
            check=check_deleted,
        ),
        f"{p}.retrieve": Case(
            call=call("retrieve", ID),
            method="GET",
            path=one,
            answer=detail,
            check=check_detail,
        ),
        f"{p}.bulk_import": Case(
            call=call(
                "bulk_import",
                [
                    {
                        "status": "Draft",
                        f.location[0]: SITE,
                        "items": [{"sku_id": SKU, "quantity": 1}],
                    },
                    {"status": "Entered", f.location[0]: SITE, "items": []},
                ],
            ),
            method="POST",
            path=f"/api/{f.seg}/bulk-import",
            json={
                "rows": [
                    {
                        "status": "Draft",
                        f.location[1]: SITE,
                        "items": [{"skuId": SKU, "quantity": 1}],
                    },
                    {"status": "Entered", f.location[1]: SITE, "items": []},
                ]
            },
            answer={"ids": [ID, ITEM_ID]},
            check=check_bulk,
        ),
        f"{p}.items.create": Case(
            call=call("items.create", ID, sku_id=SKU, quantity=3, **{f.cost[0]: 0.45}),
            method="POST",
            path=f"{one}/items",
            json={"skuId": SKU, "quantity": 3, f.cost[1]: 0.45},
            answer={"item": item, "inputs": [INPUT]},
            check=check_item_detail,
        ),
        f"{p}.items.update": Case(
            call=call("items.update", ITEM_ID, quantity=4),
            method="PATCH",
            path=f"/api/{f.child}-items/{ITEM_ID}",
            json={"quantity": 4},
            answer={"item": item, "inputs": [INPUT]},
            check=check_item_detail,
        ),
        f"{p}.items.delete": Case(
            call=call("items.delete", ITEM_ID),
            method="DELETE",
            path=f"/api/{f.child}-items/{ITEM_ID}",
            answer={"deletedId": ID},
            check=check_deleted,
        ),
        f"{p}.receipts.create": Case(
            call=call(
                "receipts.create",
                ID,
                receipt_date="2026-01-20",
                items=[{f.parent[:-2] + "ItemId": ITEM_ID, "quantity": 3}],
            ),
            method="POST",
            path=f"{one}/receipts",
            json={
                "receiptDate": "2026-01-20",
                "items": [{f.parent[:-2] + "ItemId": ITEM_ID, "quantity": 3}],
            },
            answer={f.wrapper: order, "receipt": receipt, "receiptItems": [RECEIPT_LINE]},
            check=check_receipt_result,
        ),
        f"{p}.receipts.list": Case(
            call=call("receipts.list", ID),
            method="GET",
            path=f"{one}/receipts",
            answer={"data": [receipt]},
            check=check_receipts,
        ),
        f"{p}.receipts.update": Case(
            call=call("receipts.update", ID, receipt_date="2026-01-20"),
            method="PATCH",
            path=f"/api/{f.child}-receipts/{ID}",
            json={"receiptDate": "2026-01-20"},
            answer=receipt,
            check=check_receipt,
        ),
        f"{p}.receipts.delete": Case(
            call=call("receipts.delete", ID),
            method="DELETE",
            path=f"/api/{f.child}-receipts/{ID}",
            answer={"deletedId": ID},
            check=check_deleted,
        ),
        f"{p}.receipts.retrieve": Case(
            call=call("receipts.retrieve", ID),
            method="GET",
            path=f"/api/{f.child}-receipts/{ID}",
            answer={"receipt": receipt, "items": [RECEIPT_LINE]},
            check=check_receipt_detail,
        ),
        f"{p}.statuses": Case(
            call=call("statuses"),
            method="GET",
            path=f"/api/{f.seg}/statuses",
            answer={"data": ["Draft", "Production", "Shipped"]},
            check=check_statuses,
        ),
    }


CASES: dict[str, Case] = {**_family(WORK), **_family(PRODUCTION)}
#: Public methods of this group that are composites (several rows, or none).
COMPOSITES: set[str] = set()
