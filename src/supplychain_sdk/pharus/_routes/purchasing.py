"""Pharus rows: PurchaseOrders (pharus-routes.md #88-105), in document order.

Child resources are addressed shallowly by their own id (A2): items at
``/api/purchase-order-items/{item_id}``, receipts at ``/api/purchase-order-receipts/{receipt_id}``.
#104 *Generate PO PDF* has no answer sample (A9): its answer is the PDF's bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ..._core.lazy import LazyTypes
from ..._core.operations import IdKind, Operation, prepare
from ..._core.request import RequestSpec
from .common import BOUNDED, CURSOR

if TYPE_CHECKING:
    from .._inputs import purchasing as i
    from .._models import purchasing as m
    from .._models.common import Deleted
else:  # named by reference: imported when a call first needs them (lazy.py)
    i = LazyTypes("supplychain_sdk.pharus._inputs.purchasing")
    m = LazyTypes("supplychain_sdk.pharus._models.purchasing")
    Deleted = LazyTypes("supplychain_sdk.pharus._models.common").Deleted

__all__ = ["ROWS", "pdf_request"]

T = TypeVar("T")

_PO = {"purchase_order_id": IdKind.UUID}
_ITEM = {"item_id": IdKind.UUID}
_RECEIPT = {"receipt_id": IdKind.UUID}

PURCHASE_ORDERS_CREATE = Operation[m.PurchaseOrderDetail](
    name="purchase_orders.create",
    method="POST",
    path="/api/purchase-orders",
    summary="Create PO",
    body=i.PurchaseOrderCreateFields,
    answer=m.PurchaseOrderDetail,
    inferred=True,
)
PURCHASE_ORDERS_LIST = Operation[m.PurchaseOrder](
    name="purchase_orders.list",
    method="GET",
    path="/api/purchase-orders",
    summary="List POs",
    answer=m.PurchaseOrder,
    paging=CURSOR,
    inferred=True,
)
PURCHASE_ORDERS_UPDATE = Operation[m.PurchaseOrder](
    name="purchase_orders.update",
    method="PATCH",
    path="/api/purchase-orders/{purchase_order_id}",
    summary="Update PO",
    ids=_PO,
    body=i.PurchaseOrderUpdateFields,
    answer=m.PurchaseOrder,
    inferred=True,
)
PURCHASE_ORDERS_DELETE = Operation[Deleted](
    name="purchase_orders.delete",
    method="DELETE",
    path="/api/purchase-orders/{purchase_order_id}",
    summary="Delete PO",
    ids=_PO,
    answer=Deleted,
    inferred=True,
)
PURCHASE_ORDERS_RETRIEVE = Operation[m.PurchaseOrderDetail](
    name="purchase_orders.retrieve",
    method="GET",
    path="/api/purchase-orders/{purchase_order_id}",
    summary="Get PO detail",
    ids=_PO,
    answer=m.PurchaseOrderDetail,
    inferred=True,
)
PURCHASE_ORDERS_BULK_IMPORT = Operation[Any](
    name="purchase_orders.bulk_import",
    method="POST",
    path="/api/purchase-orders/bulk-import",
    summary="Bulk-import POs",
    body=i.PurchaseOrderBulkImportFields,
    answer=Any,
    inferred=True,
)
PURCHASE_ORDERS_ITEMS_CREATE = Operation[m.PurchaseOrderItem](
    name="purchase_orders.items.create",
    method="POST",
    path="/api/purchase-orders/{purchase_order_id}/items",
    summary="Add item to PO",
    ids=_PO,
    body=i.PurchaseOrderItemCreateFields,
    answer=m.PurchaseOrderItem,
    inferred=True,
)
PURCHASE_ORDERS_ITEMS_LIST = Operation[m.PurchaseOrderItem](
    name="purchase_orders.items.list",
    method="GET",
    path="/api/purchase-orders/{purchase_order_id}/items",
    summary="List PO items",
    ids=_PO,
    answer=m.PurchaseOrderItem,
    paging=BOUNDED,
    inferred=True,
)
PURCHASE_ORDERS_ITEMS_UPDATE = Operation[m.PurchaseOrderItem](
    name="purchase_orders.items.update",
    method="PATCH",
    path="/api/purchase-order-items/{item_id}",
    summary="Update PO item",
    ids=_ITEM,
    body=i.PurchaseOrderItemUpdateFields,
    answer=m.PurchaseOrderItem,
    inferred=True,
)
PURCHASE_ORDERS_ITEMS_DELETE = Operation[Deleted](
    name="purchase_orders.items.delete",
    method="DELETE",
    path="/api/purchase-order-items/{item_id}",
    summary="Remove PO item",
    ids=_ITEM,
    answer=Deleted,
    inferred=True,
)
PURCHASE_ORDERS_RECEIPTS_CREATE = Operation[m.PurchaseOrderReceiptResult](
    name="purchase_orders.receipts.create",
    method="POST",
    path="/api/purchase-orders/{purchase_order_id}/receipts",
    summary="Create receipt against PO",
    ids=_PO,
    body=i.PurchaseOrderReceiptCreateFields,
    answer=m.PurchaseOrderReceiptResult,
    inferred=True,
)
PURCHASE_ORDERS_RECEIPTS_LIST = Operation[m.PurchaseOrderReceipt](
    name="purchase_orders.receipts.list",
    method="GET",
    path="/api/purchase-orders/{purchase_order_id}/receipts",
    summary="List PO receipts",
    ids=_PO,
    answer=m.PurchaseOrderReceipt,
    paging=BOUNDED,
    inferred=True,
)
PURCHASE_ORDERS_RECEIPTS_UPDATE = Operation[m.PurchaseOrderReceipt](
    name="purchase_orders.receipts.update",
    method="PATCH",
    path="/api/purchase-order-receipts/{receipt_id}",
    summary="Update PO receipt",
    ids=_RECEIPT,
    body=i.PurchaseOrderReceiptUpdateFields,
    answer=m.PurchaseOrderReceipt,
    inferred=True,
)
PURCHASE_ORDERS_RECEIPTS_DELETE = Operation[Deleted](
    name="purchase_orders.receipts.delete",
    method="DELETE",
    path="/api/purchase-order-receipts/{receipt_id}",
    summary="Delete PO receipt",
    ids=_RECEIPT,
    answer=Deleted,
    inferred=True,
)
PURCHASE_ORDERS_RECEIPTS_RETRIEVE = Operation[m.PurchaseOrderReceiptDetail](
    name="purchase_orders.receipts.retrieve",
    method="GET",
    path="/api/purchase-order-receipts/{receipt_id}",
    summary="Get PO receipt detail",
    ids=_RECEIPT,
    answer=m.PurchaseOrderReceiptDetail,
    inferred=True,
)
PURCHASE_ORDERS_ITEMS_LIST_ALL = Operation[m.PurchaseOrderItem](
    name="purchase_orders.items.list_all",
    method="GET",
    path="/api/purchase-order-items",
    summary="List items across POs",
    answer=m.PurchaseOrderItem,
    paging=CURSOR,
    inferred=True,
)
PURCHASE_ORDERS_PDF = Operation[bytes](
    name="purchase_orders.pdf",
    method="GET",
    path="/api/purchase-orders/{purchase_order_id}/pdf",
    summary="Generate PO PDF",
    ids=_PO,
    answer=bytes,
    inferred=True,
)
PURCHASE_ORDERS_STATUSES = Operation[m.PurchaseOrderStatus](
    name="purchase_orders.statuses",
    method="GET",
    path="/api/purchase-orders/statuses",
    summary="List PO status enum values",
    answer=m.PurchaseOrderStatus,
    paging=BOUNDED,
    inferred=True,
)

ROWS: tuple[Operation[Any], ...] = (
    PURCHASE_ORDERS_CREATE,
    PURCHASE_ORDERS_LIST,
    PURCHASE_ORDERS_UPDATE,
    PURCHASE_ORDERS_DELETE,
    PURCHASE_ORDERS_RETRIEVE,
    PURCHASE_ORDERS_BULK_IMPORT,
    PURCHASE_ORDERS_ITEMS_CREATE,
    PURCHASE_ORDERS_ITEMS_LIST,
    PURCHASE_ORDERS_ITEMS_UPDATE,
    PURCHASE_ORDERS_ITEMS_DELETE,
    PURCHASE_ORDERS_RECEIPTS_CREATE,
    PURCHASE_ORDERS_RECEIPTS_LIST,
    PURCHASE_ORDERS_RECEIPTS_UPDATE,
    PURCHASE_ORDERS_RECEIPTS_DELETE,
    PURCHASE_ORDERS_RECEIPTS_RETRIEVE,
    PURCHASE_ORDERS_ITEMS_LIST_ALL,
    PURCHASE_ORDERS_PDF,
    PURCHASE_ORDERS_STATUSES,
)


class _Routing(Protocol):
    def route(self, op: Operation[T]) -> Operation[T]: ...

    def _op_headers(self, op: Operation[Any]) -> Mapping[str, str] | None: ...


def pdf_request(client: _Routing, purchase_order_id: object) -> RequestSpec:
    """The request of *Generate PO PDF* (#104), as ``client`` sends it (route overrides,
    ``X-Org-Id``), asking for a PDF; the id is checked before anything is sent."""
    op = client.route(PURCHASE_ORDERS_PDF)
    headers = {**(client._op_headers(op) or {}), "Accept": "application/pdf"}
    return prepare(
        op, ids={"purchase_order_id": purchase_order_id}, query=None, body=None, headers=headers
    )
