"""Pharus rows: sales orders, their items and timeline notes, order channels and the two
status lists (pharus-routes.md #67-87, in document order).

Create and retrieve answer ``{salesOrder, items}``; update answers the flat order (C10).
Deleting an order channel deactivates it (a Reactivate row exists): the row accepts both
``{deletedId}`` and the updated channel (C3).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..._core.lazy import LazyTypes
from ..._core.operations import IdKind, Operation
from .common import BOUNDED, CURSOR

if TYPE_CHECKING:
    from .._inputs import sales as i
    from .._models import sales as m
    from .._models.common import Deleted
else:  # named by reference: imported when a call first needs them (lazy.py)
    i = LazyTypes("supplychain_sdk.pharus._inputs.sales")
    m = LazyTypes("supplychain_sdk.pharus._models.sales")
    Deleted = LazyTypes("supplychain_sdk.pharus._models.common").Deleted

__all__ = [
    "ORDER_CHANNELS_CREATE",
    "ORDER_CHANNELS_DELETE",
    "ORDER_CHANNELS_LIST",
    "ORDER_CHANNELS_REACTIVATE",
    "ORDER_CHANNELS_UPDATE",
    "ORDER_CHANNELS_USAGE",
    "ROWS",
    "SALES_ORDERS_BULK_IMPORT",
    "SALES_ORDERS_CREATE",
    "SALES_ORDERS_DELETE",
    "SALES_ORDERS_ITEMS_CREATE",
    "SALES_ORDERS_ITEMS_DELETE",
    "SALES_ORDERS_ITEMS_LIST",
    "SALES_ORDERS_ITEMS_UPDATE",
    "SALES_ORDERS_LIST",
    "SALES_ORDERS_LIST_FULFILLMENT_STATUSES",
    "SALES_ORDERS_LIST_ORDER_STATUSES",
    "SALES_ORDERS_RETRIEVE",
    "SALES_ORDERS_TIMELINE_NOTES_CREATE",
    "SALES_ORDERS_TIMELINE_NOTES_DELETE",
    "SALES_ORDERS_TIMELINE_NOTES_LIST",
    "SALES_ORDERS_UPDATE",
]

SALES_ORDERS_CREATE = Operation[m.SalesOrderDetail](
    name="sales_orders.create",
    method="POST",
    path="/api/sales-orders",
    summary="Create sales order",
    body=i.SalesOrderCreateFields,
    answer=m.SalesOrderDetail,
    inferred=True,
)
SALES_ORDERS_LIST = Operation[m.SalesOrder](
    name="sales_orders.list",
    method="GET",
    path="/api/sales-orders",
    summary="List sales orders",
    answer=m.SalesOrder,
    paging=CURSOR,
    inferred=True,
)
SALES_ORDERS_UPDATE = Operation[m.SalesOrder](
    name="sales_orders.update",
    method="PATCH",
    path="/api/sales-orders/{sales_order_id}",
    summary="Update sales order",
    ids={"sales_order_id": IdKind.UUID},
    body=i.SalesOrderUpdateFields,
    answer=m.SalesOrder,
    inferred=True,
)
SALES_ORDERS_DELETE = Operation[Deleted](
    name="sales_orders.delete",
    method="DELETE",
    path="/api/sales-orders/{sales_order_id}",
    summary="Delete sales order",
    ids={"sales_order_id": IdKind.UUID},
    answer=Deleted,
    inferred=True,
)
SALES_ORDERS_RETRIEVE = Operation[m.SalesOrderDetail](
    name="sales_orders.retrieve",
    method="GET",
    path="/api/sales-orders/{sales_order_id}",
    summary="Get sales order detail",
    ids={"sales_order_id": IdKind.UUID},
    answer=m.SalesOrderDetail,
    inferred=True,
)
SALES_ORDERS_BULK_IMPORT = Operation[Any](
    name="sales_orders.bulk_import",
    method="POST",
    path="/api/sales-orders/bulk-import",
    summary="Bulk-import sales orders",
    body=i.SalesOrderBulkImportFields,
    answer=Any,
    inferred=True,
)
SALES_ORDERS_ITEMS_CREATE = Operation[m.SalesOrderItem](
    name="sales_orders.items.create",
    method="POST",
    path="/api/sales-orders/{sales_order_id}/items",
    summary="Add item to sales order",
    ids={"sales_order_id": IdKind.UUID},
    body=i.SalesOrderItemCreateFields,
    answer=m.SalesOrderItem,
    inferred=True,
)
SALES_ORDERS_ITEMS_LIST = Operation[m.SalesOrderItem](
    name="sales_orders.items.list",
    method="GET",
    path="/api/sales-orders/{sales_order_id}/items",
    summary="List sales order items",
    ids={"sales_order_id": IdKind.UUID},
    answer=m.SalesOrderItem,
    paging=BOUNDED,
    inferred=True,
)
SALES_ORDERS_ITEMS_UPDATE = Operation[m.SalesOrderItem](
    name="sales_orders.items.update",
    method="PATCH",
    path="/api/sales-order-items/{item_id}",
    summary="Update sales order item",
    ids={"item_id": IdKind.UUID},
    body=i.SalesOrderItemUpdateFields,
    answer=m.SalesOrderItem,
    inferred=True,
)
SALES_ORDERS_ITEMS_DELETE = Operation[Deleted](
    name="sales_orders.items.delete",
    method="DELETE",
    path="/api/sales-order-items/{item_id}",
    summary="Remove item from sales order",
    ids={"item_id": IdKind.UUID},
    answer=Deleted,
    inferred=True,
)
SALES_ORDERS_TIMELINE_NOTES_CREATE = Operation[m.SalesOrderTimelineNote](
    name="sales_orders.timeline_notes.create",
    method="POST",
    path="/api/sales-orders/{sales_order_id}/timeline-notes",
    summary="Add timeline note",
    ids={"sales_order_id": IdKind.UUID},
    body=i.SalesOrderTimelineNoteCreateFields,
    answer=m.SalesOrderTimelineNote,
    inferred=True,
)
SALES_ORDERS_TIMELINE_NOTES_LIST = Operation[m.SalesOrderTimelineNote](
    name="sales_orders.timeline_notes.list",
    method="GET",
    path="/api/sales-orders/{sales_order_id}/timeline-notes",
    summary="List sales order timeline notes",
    ids={"sales_order_id": IdKind.UUID},
    answer=m.SalesOrderTimelineNote,
    paging=BOUNDED,
    inferred=True,
)
SALES_ORDERS_TIMELINE_NOTES_DELETE = Operation[Deleted](
    name="sales_orders.timeline_notes.delete",
    method="DELETE",
    path="/api/sales-order-timeline-notes/{note_id}",
    summary="Delete timeline note",
    ids={"note_id": IdKind.UUID},
    answer=Deleted,
    inferred=True,
)
ORDER_CHANNELS_CREATE = Operation[m.OrderChannel](
    name="order_channels.create",
    method="POST",
    path="/api/order-channels",
    summary="Create order channel",
    body=i.OrderChannelCreateFields,
    answer=m.OrderChannel,
    inferred=True,
)
ORDER_CHANNELS_LIST = Operation[m.OrderChannel](
    name="order_channels.list",
    method="GET",
    path="/api/order-channels",
    summary="List order channels",
    answer=m.OrderChannel,
    paging=BOUNDED,
    inferred=True,
)
ORDER_CHANNELS_UPDATE = Operation[m.OrderChannel](
    name="order_channels.update",
    method="PATCH",
    path="/api/order-channels/{channel_id}",
    summary="Update order channel",
    ids={"channel_id": IdKind.UUID},
    body=i.OrderChannelUpdateFields,
    answer=m.OrderChannel,
    inferred=True,
)
ORDER_CHANNELS_DELETE = Operation[Deleted | m.OrderChannel](
    name="order_channels.delete",
    method="DELETE",
    path="/api/order-channels/{channel_id}",
    summary="Delete order channel",
    ids={"channel_id": IdKind.UUID},
    answer=Deleted | m.OrderChannel,
    inferred=True,
)
ORDER_CHANNELS_REACTIVATE = Operation[m.OrderChannel](
    name="order_channels.reactivate",
    method="POST",
    path="/api/order-channels/{channel_id}/reactivate",
    summary="Reactivate order channel",
    ids={"channel_id": IdKind.UUID},
    answer=m.OrderChannel,
    inferred=True,
)
ORDER_CHANNELS_USAGE = Operation[m.OrderChannelUsage](
    name="order_channels.usage",
    method="GET",
    path="/api/order-channels/{channel_id}/usage",
    summary="Check order channel usage",
    ids={"channel_id": IdKind.UUID},
    answer=m.OrderChannelUsage,
    inferred=True,
)
SALES_ORDERS_LIST_ORDER_STATUSES = Operation[m.SalesOrderStatus](
    name="sales_orders.list_order_statuses",
    method="GET",
    path="/api/sales-orders/order-statuses",
    summary="List order status enum values",
    answer=m.SalesOrderStatus,
    paging=BOUNDED,
    inferred=True,
)
SALES_ORDERS_LIST_FULFILLMENT_STATUSES = Operation[m.FulfillmentStatus](
    name="sales_orders.list_fulfillment_statuses",
    method="GET",
    path="/api/sales-orders/fulfillment-statuses",
    summary="List fulfillment status enum values",
    answer=m.FulfillmentStatus,
    paging=BOUNDED,
    inferred=True,
)

ROWS: tuple[Operation[Any], ...] = (
    SALES_ORDERS_CREATE,
    SALES_ORDERS_LIST,
    SALES_ORDERS_UPDATE,
    SALES_ORDERS_DELETE,
    SALES_ORDERS_RETRIEVE,
    SALES_ORDERS_BULK_IMPORT,
    SALES_ORDERS_ITEMS_CREATE,
    SALES_ORDERS_ITEMS_LIST,
    SALES_ORDERS_ITEMS_UPDATE,
    SALES_ORDERS_ITEMS_DELETE,
    SALES_ORDERS_TIMELINE_NOTES_CREATE,
    SALES_ORDERS_TIMELINE_NOTES_LIST,
    SALES_ORDERS_TIMELINE_NOTES_DELETE,
    ORDER_CHANNELS_CREATE,
    ORDER_CHANNELS_LIST,
    ORDER_CHANNELS_UPDATE,
    ORDER_CHANNELS_DELETE,
    ORDER_CHANNELS_REACTIVATE,
    ORDER_CHANNELS_USAGE,
    SALES_ORDERS_LIST_ORDER_STATUSES,
    SALES_ORDERS_LIST_FULFILLMENT_STATUSES,
)
