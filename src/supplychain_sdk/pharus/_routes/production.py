"""Pharus rows: WorkOrders (pharus-routes.md #106-120) and ProductionOrders (#121-135), in
document order.

Child resources are addressed shallowly by their own id (A2): ``/api/work-order-items/{item_id}``,
``/api/work-order-receipts/{receipt_id}`` and their production-order twins. Neither section has
a list of an order's items (A17): they come with the order's detail.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..._core.lazy import LazyTypes
from ..._core.operations import IdKind, Operation
from .common import BOUNDED, CURSOR

if TYPE_CHECKING:
    from .._inputs import production as i
    from .._models import production as m
    from .._models.common import Deleted
else:  # named by reference: imported when a call first needs them (lazy.py)
    i = LazyTypes("supplychain_sdk.pharus._inputs.production")
    m = LazyTypes("supplychain_sdk.pharus._models.production")
    Deleted = LazyTypes("supplychain_sdk.pharus._models.common").Deleted

__all__ = ["ROWS"]

_WO = {"work_order_id": IdKind.UUID}
_PROD = {"production_order_id": IdKind.UUID}
_ITEM = {"item_id": IdKind.UUID}
_RECEIPT = {"receipt_id": IdKind.UUID}

WORK_ORDERS_CREATE = Operation[m.WorkOrderDetail](
    name="work_orders.create",
    method="POST",
    path="/api/work-orders",
    summary="Create WO",
    body=i.WorkOrderCreateFields,
    answer=m.WorkOrderDetail,
    inferred=True,
)

WORK_ORDERS_LIST = Operation[m.WorkOrder](
    name="work_orders.list",
    method="GET",
    path="/api/work-orders",
    summary="List WOs",
    answer=m.WorkOrder,
    paging=CURSOR,
    inferred=True,
)

WORK_ORDERS_UPDATE = Operation[m.WorkOrder](
    name="work_orders.update",
    method="PATCH",
    path="/api/work-orders/{work_order_id}",
    summary="Update WO",
    ids=_WO,
    body=i.WorkOrderUpdateFields,
    answer=m.WorkOrder,
    inferred=True,
)

WORK_ORDERS_DELETE = Operation[Deleted](
    name="work_orders.delete",
    method="DELETE",
    path="/api/work-orders/{work_order_id}",
    summary="Delete WO",
    ids=_WO,
    answer=Deleted,
    inferred=True,
)

WORK_ORDERS_RETRIEVE = Operation[m.WorkOrderDetail](
    name="work_orders.retrieve",
    method="GET",
    path="/api/work-orders/{work_order_id}",
    summary="Get WO detail",
    ids=_WO,
    answer=m.WorkOrderDetail,
    inferred=True,
)

WORK_ORDERS_BULK_IMPORT = Operation[Any](
    name="work_orders.bulk_import",
    method="POST",
    path="/api/work-orders/bulk-import",
    summary="Bulk-import WOs",
    body=i.WorkOrderBulkImportFields,
    answer=Any,
    inferred=True,
)

WORK_ORDERS_ITEMS_CREATE = Operation[m.WorkOrderItemDetail](
    name="work_orders.items.create",
    method="POST",
    path="/api/work-orders/{work_order_id}/items",
    summary="Add item to WO",
    ids=_WO,
    body=i.WorkOrderItemCreateFields,
    answer=m.WorkOrderItemDetail,
    inferred=True,
)

WORK_ORDERS_ITEMS_UPDATE = Operation[m.WorkOrderItemDetail](
    name="work_orders.items.update",
    method="PATCH",
    path="/api/work-order-items/{item_id}",
    summary="Update WO item",
    ids=_ITEM,
    body=i.WorkOrderItemUpdateFields,
    answer=m.WorkOrderItemDetail,
    inferred=True,
)

WORK_ORDERS_ITEMS_DELETE = Operation[Deleted](
    name="work_orders.items.delete",
    method="DELETE",
    path="/api/work-order-items/{item_id}",
    summary="Remove WO item",
    ids=_ITEM,
    answer=Deleted,
    inferred=True,
)

WORK_ORDERS_RECEIPTS_CREATE = Operation[m.WorkOrderReceiptResult](
    name="work_orders.receipts.create",
    method="POST",
    path="/api/work-orders/{work_order_id}/receipts",
    summary="Create receipt against WO",
    ids=_WO,
    body=i.WorkOrderReceiptCreateFields,
    answer=m.WorkOrderReceiptResult,
    inferred=True,
)

WORK_ORDERS_RECEIPTS_LIST = Operation[m.WorkOrderReceipt](
    name="work_orders.receipts.list",
    method="GET",
    path="/api/work-orders/{work_order_id}/receipts",
    summary="List WO receipts",
    ids=_WO,
    answer=m.WorkOrderReceipt,
    paging=BOUNDED,
    inferred=True,
)

WORK_ORDERS_RECEIPTS_UPDATE = Operation[m.WorkOrderReceipt](
    name="work_orders.receipts.update",
    method="PATCH",
    path="/api/work-order-receipts/{receipt_id}",
    summary="Update WO receipt",
    ids=_RECEIPT,
    body=i.WorkOrderReceiptUpdateFields,
    answer=m.WorkOrderReceipt,
    inferred=True,
)

WORK_ORDERS_RECEIPTS_DELETE = Operation[Deleted](
    name="work_orders.receipts.delete",
    method="DELETE",
    path="/api/work-order-receipts/{receipt_id}",
    summary="Delete WO receipt",
    ids=_RECEIPT,
    answer=Deleted,
    inferred=True,
)

WORK_ORDERS_RECEIPTS_RETRIEVE = Operation[m.WorkOrderReceiptDetail](
    name="work_orders.receipts.retrieve",
    method="GET",
    path="/api/work-order-receipts/{receipt_id}",
    summary="Get WO receipt detail",
    ids=_RECEIPT,
    answer=m.WorkOrderReceiptDetail,
    inferred=True,
)

WORK_ORDERS_STATUSES = Operation[m.WorkOrderStatus](
    name="work_orders.statuses",
    method="GET",
    path="/api/work-orders/statuses",
    summary="List WO status enum values",
    answer=m.WorkOrderStatus,
    paging=BOUNDED,
    inferred=True,
)

PRODUCTION_ORDERS_CREATE = Operation[m.ProductionOrderDetail](
    name="production_orders.create",
    method="POST",
    path="/api/production-orders",
    summary="Create production order",
    body=i.ProductionOrderCreateFields,
    answer=m.ProductionOrderDetail,
    inferred=True,
)

PRODUCTION_ORDERS_LIST = Operation[m.ProductionOrder](
    name="production_orders.list",
    method="GET",
    path="/api/production-orders",
    summary="List production orders",
    answer=m.ProductionOrder,
    paging=CURSOR,
    inferred=True,
)

PRODUCTION_ORDERS_UPDATE = Operation[m.ProductionOrder](
    name="production_orders.update",
    method="PATCH",
    path="/api/production-orders/{production_order_id}",
    summary="Update production order",
    ids=_PROD,
    body=i.ProductionOrderUpdateFields,
    answer=m.ProductionOrder,
    inferred=True,
)

PRODUCTION_ORDERS_DELETE = Operation[Deleted](
    name="production_orders.delete",
    method="DELETE",
    path="/api/production-orders/{production_order_id}",
    summary="Delete production order",
    ids=_PROD,
    answer=Deleted,
    inferred=True,
)

PRODUCTION_ORDERS_RETRIEVE = Operation[m.ProductionOrderDetail](
    name="production_orders.retrieve",
    method="GET",
    path="/api/production-orders/{production_order_id}",
    summary="Get production order detail",
    ids=_PROD,
    answer=m.ProductionOrderDetail,
    inferred=True,
)

PRODUCTION_ORDERS_BULK_IMPORT = Operation[Any](
    name="production_orders.bulk_import",
    method="POST",
    path="/api/production-orders/bulk-import",
    summary="Bulk-import production orders",
    body=i.ProductionOrderBulkImportFields,
    answer=Any,
    inferred=True,
)

PRODUCTION_ORDERS_ITEMS_CREATE = Operation[m.ProductionOrderItemDetail](
    name="production_orders.items.create",
    method="POST",
    path="/api/production-orders/{production_order_id}/items",
    summary="Add item to production order",
    ids=_PROD,
    body=i.ProductionOrderItemCreateFields,
    answer=m.ProductionOrderItemDetail,
    inferred=True,
)

PRODUCTION_ORDERS_ITEMS_UPDATE = Operation[m.ProductionOrderItemDetail](
    name="production_orders.items.update",
    method="PATCH",
    path="/api/production-order-items/{item_id}",
    summary="Update production order item",
    ids=_ITEM,
    body=i.ProductionOrderItemUpdateFields,
    answer=m.ProductionOrderItemDetail,
    inferred=True,
)

PRODUCTION_ORDERS_ITEMS_DELETE = Operation[Deleted](
    name="production_orders.items.delete",
    method="DELETE",
    path="/api/production-order-items/{item_id}",
    summary="Remove production order item",
    ids=_ITEM,
    answer=Deleted,
    inferred=True,
)

PRODUCTION_ORDERS_RECEIPTS_CREATE = Operation[m.ProductionOrderReceiptResult](
    name="production_orders.receipts.create",
    method="POST",
    path="/api/production-orders/{production_order_id}/receipts",
    summary="Create receipt against production order",
    ids=_PROD,
    body=i.ProductionOrderReceiptCreateFields,
    answer=m.ProductionOrderReceiptResult,
    inferred=True,
)

PRODUCTION_ORDERS_RECEIPTS_LIST = Operation[m.ProductionOrderReceipt](
    name="production_orders.receipts.list",
    method="GET",
    path="/api/production-orders/{production_order_id}/receipts",
    summary="List production order receipts",
    ids=_PROD,
    answer=m.ProductionOrderReceipt,
    paging=BOUNDED,
    inferred=True,
)

PRODUCTION_ORDERS_RECEIPTS_UPDATE = Operation[m.ProductionOrderReceipt](
    name="production_orders.receipts.update",
    method="PATCH",
    path="/api/production-order-receipts/{receipt_id}",
    summary="Update production order receipt",
    ids=_RECEIPT,
    body=i.ProductionOrderReceiptUpdateFields,
    answer=m.ProductionOrderReceipt,
    inferred=True,
)

PRODUCTION_ORDERS_RECEIPTS_DELETE = Operation[Deleted](
    name="production_orders.receipts.delete",
    method="DELETE",
    path="/api/production-order-receipts/{receipt_id}",
    summary="Delete production order receipt",
    ids=_RECEIPT,
    answer=Deleted,
    inferred=True,
)

PRODUCTION_ORDERS_RECEIPTS_RETRIEVE = Operation[m.ProductionOrderReceiptDetail](
    name="production_orders.receipts.retrieve",
    method="GET",
    path="/api/production-order-receipts/{receipt_id}",
    summary="Get production order receipt detail",
    ids=_RECEIPT,
    answer=m.ProductionOrderReceiptDetail,
    inferred=True,
)

PRODUCTION_ORDERS_STATUSES = Operation[m.ProductionOrderStatus](
    name="production_orders.statuses",
    method="GET",
    path="/api/production-orders/statuses",
    summary="List production order status enum values",
    answer=m.ProductionOrderStatus,
    paging=BOUNDED,
    inferred=True,
)

ROWS: tuple[Operation[Any], ...] = (
    WORK_ORDERS_CREATE,
    WORK_ORDERS_LIST,
    WORK_ORDERS_UPDATE,
    WORK_ORDERS_DELETE,
    WORK_ORDERS_RETRIEVE,
    WORK_ORDERS_BULK_IMPORT,
    WORK_ORDERS_ITEMS_CREATE,
    WORK_ORDERS_ITEMS_UPDATE,
    WORK_ORDERS_ITEMS_DELETE,
    WORK_ORDERS_RECEIPTS_CREATE,
    WORK_ORDERS_RECEIPTS_LIST,
    WORK_ORDERS_RECEIPTS_UPDATE,
    WORK_ORDERS_RECEIPTS_DELETE,
    WORK_ORDERS_RECEIPTS_RETRIEVE,
    WORK_ORDERS_STATUSES,
    PRODUCTION_ORDERS_CREATE,
    PRODUCTION_ORDERS_LIST,
    PRODUCTION_ORDERS_UPDATE,
    PRODUCTION_ORDERS_DELETE,
    PRODUCTION_ORDERS_RETRIEVE,
    PRODUCTION_ORDERS_BULK_IMPORT,
    PRODUCTION_ORDERS_ITEMS_CREATE,
    PRODUCTION_ORDERS_ITEMS_UPDATE,
    PRODUCTION_ORDERS_ITEMS_DELETE,
    PRODUCTION_ORDERS_RECEIPTS_CREATE,
    PRODUCTION_ORDERS_RECEIPTS_LIST,
    PRODUCTION_ORDERS_RECEIPTS_UPDATE,
    PRODUCTION_ORDERS_RECEIPTS_DELETE,
    PRODUCTION_ORDERS_RECEIPTS_RETRIEVE,
    PRODUCTION_ORDERS_STATUSES,
)
