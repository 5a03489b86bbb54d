"""Exact-request cases of the Pharus sales rows (#67-87)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from supplychain_sdk.pharus._models.common import BulkImportReport, Deleted
from supplychain_sdk.pharus._models.sales import (
    FulfillmentStatus,
    OrderChannel,
    OrderChannelUsage,
    SalesOrder,
    SalesOrderDetail,
    SalesOrderItem,
    SalesOrderStatus,
    SalesOrderTimelineNote,
)
from tests.routes import Case

from .conftest import ID

CUSTOMER = "11111111-1111-4111-8111-111111111111"
CHANNEL = "22222222-2222-4222-8222-222222222222"
SKU = "33333333-3333-4333-8333-333333333333"
ITEM_ID = "44444444-4444-4444-8444-444444444444"
B = "/api/sales-orders"
ORDER: dict[str, Any] = {
    "id": ID,
    "orgId": "org-1",
    "customerId": CUSTOMER,
    "soNumber": "SO-00042",
    "orderChannelId": CHANNEL,
    "orderStatus": "In-Dispute",
    "fulfillmentStatus": "Partial",
    "fulfillmentLocationId": None,
    "brokerId": None,
    "brokerFeePercent": None,
    "brokerFees": "0.00",
    "fulfillmentCosts": "12.40",
    "freightCosts": "99.99",
    "promoCosts": "0",
    "otherCosts": "0.10",
    "mabd": "2026-02-01",
    "placedAt": "2026-01-05T09:00:00Z",
    "receivedAt": "2026-01-05T09:00:00Z",
    "enteredAt": None,
    "shippedAt": None,
    "invoicedAt": None,
    "paidAt": None,
    "rejectedAt": None,
    "inDisputeAt": "2026-01-20T12:00:00Z",
    "completedAt": None,
    "notes": "short shipped",
    "qboId": None,
    "createdAt": "2026-01-05T09:00:00Z",
    "updatedAt": "2026-01-20T12:00:00Z",
}
ITEM: dict[str, Any] = {
    "id": ITEM_ID,
    "orgId": "org-1",
    "salesOrderId": ID,
    "skuId": SKU,
    "quantity": 24,
    "unitPrice": "3.50",
}
NOTE: dict[str, Any] = {
    "id": ID,
    "orgId": "org-1",
    "salesOrderId": ID,
    "orderStatus": "In-Dispute",
    "note": "customer disputes freight",
    "createdAt": "2026-01-20T12:00:00Z",
}
CHANNEL_ITEM: dict[str, Any] = {
    "id": CHANNEL,
    "orgId": "org-1",
    "name": "EDI",
    "sortOrder": 0,
    "isActive": True,
    "createdAt": "2026-01-01T00:00:00Z",
}


def _order(result: Any) -> None:
    assert isinstance(result, SalesOrder)
    assert result.order_status is SalesOrderStatus.IN_DISPUTE
    assert result.fulfillment_status is FulfillmentStatus.PARTIAL
    assert (result.so_number, result.order_channel_id) == ("SO-00042", CHANNEL)
    assert (str(result.freight_costs), str(result.other_costs)) == ("99.99", "0.10")
    assert result.in_dispute_at == "2026-01-20T12:00:00Z"


def _item(result: Any) -> None:
    assert isinstance(result, SalesOrderItem)
    assert (result.sku_id, result.quantity, str(result.unit_price)) == (SKU, 24, "3.50")


def _detail(result: Any) -> None:
    assert isinstance(result, SalesOrderDetail)
    _order(result.sales_order)
    assert len(result.items) == 1
    _item(result.items[0])


def _deleted(result: Any) -> None:
    assert result == Deleted(deleted_id=ID)


def _note(result: Any) -> None:
    assert isinstance(result, SalesOrderTimelineNote)
    assert (result.order_status, result.note) == (
        SalesOrderStatus.IN_DISPUTE,
        "customer disputes freight",
    )


def _channel(result: Any, active: bool = True) -> None:
    assert isinstance(result, OrderChannel)
    assert (result.id, result.name, result.is_active) == (CHANNEL, "EDI", active)


def _orders(result: Any) -> None:
    assert len(result) == 2
    _order(result[1])


def _usage(result: Any) -> None:
    assert result == OrderChannelUsage(in_use=True, so_count=7)


def _bulk(result: Any) -> None:
    assert isinstance(result, BulkImportReport)
    assert result.ids == [ID]


def _statuses(result: Any) -> None:
    assert result == list(SalesOrderStatus)
    assert all(s.is_known for s in result)


def _fulfillment(result: Any) -> None:
    assert result == [FulfillmentStatus.PENDING, FulfillmentStatus.PARTIAL, "Backordered"]
    assert not result[2].is_known


_NEW = {
    "customer_id": CUSTOMER,
    "channel_id": CHANNEL,
    "status": SalesOrderStatus.RECEIVED,
    "fulfillment_status": "Pending",
    "mabd": "2026-02-01",
    "items": [{"sku_id": SKU, "quantity": 24, "unit_price": Decimal("3.50")}],
}
_NEW_JSON = {
    "customerId": CUSTOMER,
    "channelId": CHANNEL,
    "status": "Received",
    "fulfillmentStatus": "Pending",
    "mabd": "2026-02-01",
    "items": [{"skuId": SKU, "quantity": 24, "unitPrice": 3.5}],
}

CASES: dict[str, Case] = {
    "sales_orders.create": Case(
        call=lambda c: c.sales_orders.create(**_NEW, freight_costs=Decimal("99.99"), notes=None),
        method="POST",
        path=B,
        json={**_NEW_JSON, "freightCosts": 99.99, "notes": None},
        answer={"salesOrder": ORDER, "items": [ITEM]},
        check=_detail,
    ),
    "sales_orders.list": Case(
        call=lambda c: c.sales_orders.list(page_size=1, start="c1"),
        method="GET",
        path=B,
        query={"cursor": "c1", "limit": "1"},
        pages=[{"data": [ORDER], "nextCursor": "c2"}, {"data": [ORDER]}],
        check=_orders,
    ),
    "sales_orders.update": Case(
        call=lambda c: c.sales_orders.update(
            ID, status="In-Dispute", in_dispute_at="2026-01-20T12:00:00Z", other_costs=0.1
        ),
        method="PATCH",
        path=f"{B}/{ID}",
        json={"status": "In-Dispute", "inDisputeAt": "2026-01-20T12:00:00Z", "otherCosts": 0.1},
        answer=ORDER,
        check=_order,
    ),
    "sales_orders.delete": Case(
        call=lambda c: c.sales_orders.delete(ID),
        method="DELETE",
        path=f"{B}/{ID}",
        answer={"deletedId": ID},
        check=_deleted,
    ),
    "sales_orders.retrieve": Case(
        call=lambda c: c.sales_orders.retrieve(ID),
        method="GET",
        path=f"{B}/{ID}",
        answer={"salesOrder": ORDER, "items": [ITEM]},
        check=_detail,
    ),
    "sales_orders.bulk_import": Case(
        call=lambda c: c.sales_orders.bulk_import([_NEW]),
        method="POST",
        path=f"{B}/bulk-import",
        json={"rows": [_NEW_JSON]},
        answer={"ids": [ID]},
        check=_bulk,
    ),
    "sales_orders.items.create": Case(
        call=lambda c: c.sales_orders.items.create(
            ID, sku_id=SKU, quantity=24, unit_price=Decimal("3.50")
        ),
        method="POST",
        path=f"{B}/{ID}/items",
        json={"skuId": SKU, "quantity": 24, "unitPrice": 3.5},
        answer=ITEM,
        check=_item,
    ),
    "sales_orders.items.list": Case(
        call=lambda c: c.sales_orders.items.list(ID),
        method="GET",
        path=f"{B}/{ID}/items",
        answer={"data": [ITEM]},
        check=lambda items: _item(items[0]),
    ),
    "sales_orders.items.update": Case(
        call=lambda c: c.sales_orders.items.update(ITEM_ID, quantity=30),
        method="PATCH",
        path=f"/api/sales-order-items/{ITEM_ID}",
        json={"quantity": 30},
        answer=ITEM,
        check=_item,
    ),
    "sales_orders.items.delete": Case(
        call=lambda c: c.sales_orders.items.delete(ID),
        method="DELETE",
        path=f"/api/sales-order-items/{ID}",
        answer={"deletedId": ID},
        check=_deleted,
    ),
    "sales_orders.timeline_notes.create": Case(
        call=lambda c: c.sales_orders.timeline_notes.create(
            ID, body="customer disputes freight", status_at_time=SalesOrderStatus.IN_DISPUTE
        ),
        method="POST",
        path=f"{B}/{ID}/timeline-notes",
        json={"body": "customer disputes freight", "statusAtTime": "In-Dispute"},
        answer=NOTE,
        check=_note,
    ),
    "sales_orders.timeline_notes.list": Case(
        call=lambda c: c.sales_orders.timeline_notes.list(ID, limit=5),
        method="GET",
        path=f"{B}/{ID}/timeline-notes",
        answer={"data": [NOTE]},
        check=lambda notes: _note(notes[0]),
    ),
    "sales_orders.timeline_notes.delete": Case(
        call=lambda c: c.sales_orders.timeline_notes.delete(ID),
        method="DELETE",
        path=f"/api/sales-order-timeline-notes/{ID}",
        answer={"deletedId": ID},
        check=_deleted,
    ),
    "order_channels.create": Case(
        call=lambda c: c.order_channels.create(name="EDI"),
        method="POST",
        path="/api/order-channels",
        json={"name": "EDI"},
        answer=CHANNEL_ITEM,
        check=_channel,
    ),
    "order_channels.list": Case(
        call=lambda c: c.order_channels.list(),
        method="GET",
        path="/api/order-channels",
        answer={"data": [CHANNEL_ITEM]},
        check=lambda channels: _channel(channels[0]),
    ),
    "order_channels.update": Case(
        call=lambda c: c.order_channels.update(CHANNEL, name="EDI", sort_order=0),
        method="PATCH",
        path=f"/api/order-channels/{CHANNEL}",
        json={"name": "EDI", "sortOrder": 0},
        answer=CHANNEL_ITEM,
        check=_channel,
    ),
    "order_channels.delete": Case(
        call=lambda c: c.order_channels.delete(CHANNEL),
        method="DELETE",
        path=f"/api/order-channels/{CHANNEL}",
        answer={**CHANNEL_ITEM, "isActive": False},
        check=lambda result: _channel(result, active=False),
    ),
    "order_channels.reactivate": Case(
        call=lambda c: c.order_channels.reactivate(CHANNEL),
        method="POST",
        path=f"/api/order-channels/{CHANNEL}/reactivate",
        answer=CHANNEL_ITEM,
        check=_channel,
    ),
    "order_channels.usage": Case(
        call=lambda c: c.order_channels.usage(CHANNEL),
        method="GET",
        path=f"/api/order-channels/{CHANNEL}/usage",
        answer={"inUse": True, "soCount": 7},
        check=_usage,
    ),
    "sales_orders.list_order_statuses": Case(
        call=lambda c: c.sales_orders.list_order_statuses(),
        method="GET",
        path=f"{B}/order-statuses",
        answer={"data": [s.value for s in SalesOrderStatus]},
        check=_statuses,
    ),
    "sales_orders.list_fulfillment_statuses": Case(
        call=lambda c: c.sales_orders.list_fulfillment_statuses(),
        method="GET",
        path=f"{B}/fulfillment-statuses",
        answer={"data": ["Pending", "Partial", "Backordered"]},
        check=_fulfillment,
    ),
}
#: Public methods of this group that are composites (several rows, or none).
COMPOSITES: set[str] = set()
