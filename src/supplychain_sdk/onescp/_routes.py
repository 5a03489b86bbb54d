"""Every ONESCP call, declared once: the only place a method or a path is written.

Each row names its method and path template (every id an ONESCP ObjectId), the query and body
schemas (`_requests`), the answer model and the envelope key the API wraps it in
(``{"success": true, "order": {...}}``), how a list pages, and whether a retry is safe (the
``sync-from-erp`` upserts are documented idempotent). The routes are documented in the
ONESCP API document (``inferred=False``); ``route_overrides`` can still move any of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from .._core.lazy import LazyTypes
from .._core.operations import IdKind, Operation, Paging, route_table
from ._paging import items_of, pages

if TYPE_CHECKING:
    from . import _models as m
    from . import _requests as r
else:  # named by reference: imported when a call first needs them (see _core/lazy.py)
    m = LazyTypes("supplychain_sdk.onescp._models")
    r = LazyTypes("supplychain_sdk.onescp._requests")

__all__ = ["LOGIN", "ROUTES", "OneScpOperation"]

T = TypeVar("T")

OBJECT_ID = IdKind.OBJECT_ID


@attrs.frozen(kw_only=True)
class OneScpOperation(Operation[T]):
    """An ONESCP row: its answer sits under `envelope` (``"order"``), or under the generic
    ``data`` of the document's overview when the named key is missing or ``null``."""

    def read(self, body: Any) -> Any:
        """The enveloped part of an answer; ``KeyError`` when neither key holds a value."""
        if self.envelope is None:
            return body
        value = body.get(self.envelope) if isinstance(body, Mapping) else None
        if value is None and isinstance(body, Mapping):
            value = body.get("data")
        if value is None:
            raise KeyError(self.envelope)
        return value


def _list(key: str) -> Paging:
    return Paging(strategy=pages, items=items_of(key))


# -- auth -----------------------------------------------------------------------------------------
#: The login (email and password for a JWT); `_auth` reads its path from here.
LOGIN = OneScpOperation[Any](
    name="auth.login",
    method="POST",
    path="/api/auth/login",
    summary="Log in with email and password; the answer holds the JWT and the user",
    body=r.LoginBody,
    answer=Any,
    idempotent=True,
)

# -- orders ---------------------------------------------------------------------------------------
ORDERS_LIST = OneScpOperation[m.Order](
    name="orders.list",
    method="GET",
    path="/api/purchase-order/allOrders",
    summary="List purchase orders, filtered, page by page",
    query=r.OrderFilters,
    answer=m.Order,
    paging=_list("orders"),
)
ORDERS_RETRIEVE = OneScpOperation[m.Order](
    name="orders.retrieve",
    method="GET",
    path="/api/purchase-order/{order_id}",
    summary="One purchase order with its lines and documents",
    ids={"order_id": OBJECT_ID},
    answer=m.Order,
    envelope="order",
)
ORDERS_CREATE = OneScpOperation[m.Order](
    name="orders.create",
    method="POST",
    path="/api/purchase-order/create",
    summary="Create a purchase order",
    body=r.OrderCreate,
    answer=m.Order,
    envelope="order",
)
ORDERS_UPDATE = OneScpOperation[m.Order](
    name="orders.update",
    method="PUT",
    path="/api/purchase-order/{order_id}",
    summary="Change a purchase order's fields",
    ids={"order_id": OBJECT_ID},
    body=r.OrderUpdate,
    answer=m.Order,
    envelope="order",
)
ORDERS_UPDATE_STATUS = OneScpOperation[m.Order](
    name="orders.update_status",
    method="PUT",
    path="/api/purchase-order/{order_id}/status",
    summary="Move a purchase order to another status",
    ids={"order_id": OBJECT_ID},
    body=r.OrderStatusUpdate,
    answer=m.Order,
    envelope="order",
)
ORDERS_DELETE = OneScpOperation[None](
    name="orders.delete",
    method="DELETE",
    path="/api/purchase-order/{order_id}",
    summary="Delete (soft-delete) a purchase order",
    ids={"order_id": OBJECT_ID},
)
ORDERS_CHANGES: OneScpOperation[m.ChangesPage[m.Order]] = OneScpOperation(
    name="orders.changes",
    method="GET",
    path="/api/purchase-order/sync",
    summary="Orders created, updated and deleted since a timestamp (one page)",
    query=r.ChangesQuery,
    answer=m.ChangesPage[m.Order],
)
ORDERS_UPSERT: OneScpOperation[m.ErpAnswer[m.Order]] = OneScpOperation(
    name="orders.upsert_from_erp",
    method="POST",
    path="/api/purchase-order/sync-from-erp",
    summary="Create or update orders from an ERP (idempotent upsert)",
    body=r.ErpOrders,
    answer=m.ErpAnswer[m.Order],
    idempotent=True,
)
LINES_ADD = OneScpOperation[m.Order](
    name="orders.lines.add",
    method="POST",
    path="/api/purchase-order/{order_id}/lines",
    summary="Add a line to a purchase order",
    ids={"order_id": OBJECT_ID},
    body=m.OrderLineInput,
    answer=m.Order,
    envelope="order",
)
LINES_UPDATE = OneScpOperation[m.Order](
    name="orders.lines.update",
    method="PUT",
    path="/api/purchase-order/{order_id}/lines/{line_id}",
    summary="Change a line of a purchase order",
    ids={"order_id": OBJECT_ID, "line_id": OBJECT_ID},
    body=r.LineUpdate,
    answer=m.Order,
    envelope="order",
)
LINES_DELETE = OneScpOperation[None](
    name="orders.lines.delete",
    method="DELETE",
    path="/api/purchase-order/{order_id}/lines/{line_id}",
    summary="Remove a line from a purchase order",
    ids={"order_id": OBJECT_ID, "line_id": OBJECT_ID},
)
ORDER_DOCUMENTS_UPLOAD = OneScpOperation[m.Document](
    name="orders.documents.upload",
    method="POST",
    path="/api/purchase-order/{order_id}/documents",
    summary="Attach a file to a purchase order (multipart)",
    ids={"order_id": OBJECT_ID},
    body=r.DocumentForm,
    answer=m.Document,
    envelope="document",
)
ORDER_DOCUMENTS_LIST = OneScpOperation[list[m.Document]](
    name="orders.documents.list",
    method="GET",
    path="/api/purchase-order/{order_id}/documents",
    summary="The documents of a purchase order",
    ids={"order_id": OBJECT_ID},
    answer=list[m.Document],
    envelope="documents",
)
ORDER_DOCUMENTS_DELETE = OneScpOperation[None](
    name="orders.documents.delete",
    method="DELETE",
    path="/api/purchase-order/{order_id}/documents/{document_id}",
    summary="Remove a document from a purchase order",
    ids={"order_id": OBJECT_ID, "document_id": OBJECT_ID},
)

# -- shipments ------------------------------------------------------------------------------------
SHIPMENTS_LIST = OneScpOperation[m.Shipment](
    name="shipments.list",
    method="GET",
    path="/api/shipment",
    summary="List shipments, filtered, page by page",
    query=r.ShipmentFilters,
    answer=m.Shipment,
    paging=_list("shipments"),
)
SHIPMENTS_RETRIEVE = OneScpOperation[m.Shipment](
    name="shipments.retrieve",
    method="GET",
    path="/api/shipment/{shipment_id}",
    summary="One shipment with its containers",
    ids={"shipment_id": OBJECT_ID},
    answer=m.Shipment,
    envelope="shipment",
)
SHIPMENTS_CREATE = OneScpOperation[m.Shipment](
    name="shipments.create",
    method="POST",
    path="/api/shipment/purchase-orders/{order_id}/lines/{line_id}",
    summary="Create a shipment for one line of a purchase order",
    ids={"order_id": OBJECT_ID, "line_id": OBJECT_ID},
    body=r.ShipmentCreate,
    answer=m.Shipment,
    envelope="shipment",
)
SHIPMENTS_UPDATE = OneScpOperation[m.Shipment](
    name="shipments.update",
    method="PATCH",
    path="/api/shipment/{shipment_id}",
    summary="Change a shipment's fields",
    ids={"shipment_id": OBJECT_ID},
    body=r.ShipmentUpdate,
    answer=m.Shipment,
    envelope="shipment",
)
SHIPMENTS_UPDATE_STATUS = OneScpOperation[m.Shipment](
    name="shipments.update_status",
    method="PATCH",
    path="/api/shipment/{shipment_id}/status",
    summary="Move a shipment to another status",
    ids={"shipment_id": OBJECT_ID},
    body=r.ShipmentStatusUpdate,
    answer=m.Shipment,
    envelope="shipment",
)
SHIPMENTS_CHANGES: OneScpOperation[m.ChangesPage[m.Shipment]] = OneScpOperation(
    name="shipments.changes",
    method="GET",
    path="/api/shipment/sync",
    summary="Shipments created, updated and deleted since a timestamp (one page)",
    query=r.ChangesQuery,
    answer=m.ChangesPage[m.Shipment],
)
SHIPMENTS_UPSERT: OneScpOperation[m.ErpAnswer[m.Shipment]] = OneScpOperation(
    name="shipments.upsert_from_erp",
    method="POST",
    path="/api/shipment/sync-from-erp",
    summary="Create or update shipments from an ERP (idempotent upsert)",
    body=r.ErpShipments,
    answer=m.ErpAnswer[m.Shipment],
    idempotent=True,
)
CONTAINERS_ADD = OneScpOperation[m.Shipment](
    name="shipments.containers.add",
    method="POST",
    path="/api/shipment/{shipment_id}/containers",
    summary="Add a container to a shipment",
    ids={"shipment_id": OBJECT_ID},
    body=m.ContainerInput,
    answer=m.Shipment,
    envelope="shipment",
)
CONTAINERS_UPDATE = OneScpOperation[m.Shipment](
    name="shipments.containers.update",
    method="PATCH",
    path="/api/shipment/{shipment_id}/containers/{container_id}",
    summary="Change a container of a shipment",
    ids={"shipment_id": OBJECT_ID, "container_id": OBJECT_ID},
    body=r.ContainerUpdate,
    answer=m.Shipment,
    envelope="shipment",
)
CONTAINERS_DELETE = OneScpOperation[None](
    name="shipments.containers.delete",
    method="DELETE",
    path="/api/shipment/{shipment_id}/containers/{container_id}",
    summary="Remove a container from a shipment",
    ids={"shipment_id": OBJECT_ID, "container_id": OBJECT_ID},
)
SHIPMENT_DOCUMENTS_UPLOAD = OneScpOperation[m.Document](
    name="shipments.documents.upload",
    method="POST",
    path="/api/shipment/{shipment_id}/documents",
    summary="Attach a file to a shipment (multipart)",
    ids={"shipment_id": OBJECT_ID},
    body=r.DocumentForm,
    answer=m.Document,
    envelope="document",
)
SHIPMENT_DOCUMENTS_LIST = OneScpOperation[list[m.Document]](
    name="shipments.documents.list",
    method="GET",
    path="/api/shipment/{shipment_id}/documents",
    summary="The documents of a shipment",
    ids={"shipment_id": OBJECT_ID},
    answer=list[m.Document],
    envelope="documents",
)
SHIPMENT_DOCUMENTS_DELETE = OneScpOperation[None](
    name="shipments.documents.delete",
    method="DELETE",
    path="/api/shipment/{shipment_id}/documents/{document_id}",
    summary="Remove a document from a shipment",
    ids={"shipment_id": OBJECT_ID, "document_id": OBJECT_ID},
)

# -- items ----------------------------------------------------------------------------------------
ITEMS_LIST = OneScpOperation[m.Item](
    name="items.list",
    method="GET",
    path="/api/items",
    summary="List items, filtered, page by page",
    query=r.ItemFilters,
    answer=m.Item,
    paging=_list("items"),
)
ITEMS_RETRIEVE = OneScpOperation[m.Item](
    name="items.retrieve",
    method="GET",
    path="/api/items/{item_id}",
    summary="One item",
    ids={"item_id": OBJECT_ID},
    answer=m.Item,
    envelope="item",
)
ITEMS_CREATE = OneScpOperation[m.Item](
    name="items.create",
    method="POST",
    path="/api/items",
    summary="Create an item",
    body=r.ItemCreate,
    answer=m.Item,
    envelope="item",
)
ITEMS_UPDATE = OneScpOperation[m.Item](
    name="items.update",
    method="PUT",
    path="/api/items/{item_id}",
    summary="Change an item's fields",
    ids={"item_id": OBJECT_ID},
    body=r.ItemUpdate,
    answer=m.Item,
    envelope="item",
)
ITEMS_DELETE = OneScpOperation[None](
    name="items.delete",
    method="DELETE",
    path="/api/items/{item_id}",
    summary="Delete an item",
    ids={"item_id": OBJECT_ID},
)
ITEMS_IMPORT = OneScpOperation[m.BulkImportResult](
    name="items.bulk_import",
    method="POST",
    path="/api/items/bulk-import",
    summary="Import items from a CSV or Excel file (multipart)",
    body=r.ImportForm,
    answer=m.BulkImportResult,
)
ITEMS_EXPORT = OneScpOperation[None](
    name="items.export",
    method="GET",
    path="/api/items/export",
    summary="Export every item as CSV or Excel (a file download)",
    query=r.ExportQuery,
)
ITEMS_CHANGES: OneScpOperation[m.ChangesPage[m.Item]] = OneScpOperation(
    name="items.changes",
    method="GET",
    path="/api/items/sync",
    summary="Items created, updated and deleted since a timestamp (one page)",
    query=r.ChangesQuery,
    answer=m.ChangesPage[m.Item],
)
ITEMS_UPSERT: OneScpOperation[m.ErpAnswer[m.Item]] = OneScpOperation(
    name="items.upsert_from_erp",
    method="POST",
    path="/api/items/sync-from-erp",
    summary="Create or update items from an ERP (idempotent upsert)",
    body=r.ErpItems,
    answer=m.ErpAnswer[m.Item],
    idempotent=True,
)

# -- tasks ----------------------------------------------------------------------------------------
TASKS_LIST = OneScpOperation[m.Task](
    name="tasks.list",
    method="GET",
    path="/api/task/allTasks",
    summary="List tasks, filtered, page by page",
    query=r.TaskFilters,
    answer=m.Task,
    paging=_list("tasks"),
)
TASKS_RETRIEVE = OneScpOperation[m.Task](
    name="tasks.retrieve",
    method="GET",
    path="/api/task/taskid/{task_id}",
    summary="One task",
    ids={"task_id": OBJECT_ID},
    answer=m.Task,
    envelope="task",
)
TASKS_CREATE = OneScpOperation[m.Task](
    name="tasks.create",
    method="POST",
    path="/api/task/{order_id}",
    summary="Create a task about a purchase order",
    ids={"order_id": OBJECT_ID},
    body=r.TaskCreate,
    answer=m.Task,
    envelope="task",
)
TASKS_UPDATE = OneScpOperation[m.Task](
    name="tasks.update",
    method="PUT",
    path="/api/task/taskid/{task_id}",
    summary="Change a task's fields",
    ids={"task_id": OBJECT_ID},
    body=r.TaskUpdate,
    answer=m.Task,
    envelope="task",
)
TASKS_UPDATE_STATUS = OneScpOperation[m.Task](
    name="tasks.update_status",
    method="PUT",
    path="/api/task/taskid/{task_id}",
    summary="Move a task to another status",
    ids={"task_id": OBJECT_ID},
    body=r.TaskStatusUpdate,
    answer=m.Task,
    envelope="task",
)
TASKS_DECIDE = OneScpOperation[m.Task](
    name="tasks.decide",
    method="PUT",
    path="/api/task/{task_id}/decision",
    summary="Accept or reject a task",
    ids={"task_id": OBJECT_ID},
    body=r.TaskDecisionBody,
    answer=m.Task,
    envelope="task",
)
TASKS_CHANGES: OneScpOperation[m.ChangesPage[m.Task]] = OneScpOperation(
    name="tasks.changes",
    method="GET",
    path="/api/task/sync",
    summary="Your tasks created, updated and deleted since a timestamp (one page)",
    query=r.ChangesQuery,
    answer=m.ChangesPage[m.Task],
)

# -- reference data and webhooks ------------------------------------------------------------------
SUPPLIERS_LIST = OneScpOperation[m.Supplier](
    name="suppliers.list",
    method="GET",
    path="/api/suppliers",
    summary="Every supplier company",
    answer=m.Supplier,
    paging=_list("suppliers"),
)
CARRIERS_LIST = OneScpOperation[m.Carrier](
    name="carriers.list",
    method="GET",
    path="/api/carriers",
    summary="Every carrier",
    answer=m.Carrier,
    paging=_list("carriers"),
)
SUBSCRIPTIONS_CREATE = OneScpOperation[m.WebhookSubscription](
    name="webhooks.create",
    method="POST",
    path="/api/webhooks/subscriptions",
    summary="Subscribe a URL to events (the answer holds the secret, once)",
    body=r.SubscriptionCreate,
    answer=m.WebhookSubscription,
    envelope="subscription",
)
SUBSCRIPTIONS_LIST = OneScpOperation[m.WebhookSubscription](
    name="webhooks.list",
    method="GET",
    path="/api/webhooks/subscriptions",
    summary="Your company's webhook subscriptions",
    answer=m.WebhookSubscription,
    paging=_list("subscriptions"),
)
SUBSCRIPTIONS_RETRIEVE = OneScpOperation[m.WebhookSubscription](
    name="webhooks.retrieve",
    method="GET",
    path="/api/webhooks/subscriptions/{subscription_id}",
    summary="One webhook subscription (without its secret)",
    ids={"subscription_id": OBJECT_ID},
    answer=m.WebhookSubscription,
    envelope="subscription",
)
SUBSCRIPTIONS_DELETE = OneScpOperation[None](
    name="webhooks.delete",
    method="DELETE",
    path="/api/webhooks/subscriptions/{subscription_id}",
    summary="Delete a webhook subscription",
    ids={"subscription_id": OBJECT_ID},
)

#: Every ONESCP operation by name.
ROUTES = route_table(
    LOGIN,
    ORDERS_LIST,
    ORDERS_RETRIEVE,
    ORDERS_CREATE,
    ORDERS_UPDATE,
    ORDERS_UPDATE_STATUS,
    ORDERS_DELETE,
    ORDERS_CHANGES,
    ORDERS_UPSERT,
    LINES_ADD,
    LINES_UPDATE,
    LINES_DELETE,
    ORDER_DOCUMENTS_UPLOAD,
    ORDER_DOCUMENTS_LIST,
    ORDER_DOCUMENTS_DELETE,
    SHIPMENTS_LIST,
    SHIPMENTS_RETRIEVE,
    SHIPMENTS_CREATE,
    SHIPMENTS_UPDATE,
    SHIPMENTS_UPDATE_STATUS,
    SHIPMENTS_CHANGES,
    SHIPMENTS_UPSERT,
    CONTAINERS_ADD,
    CONTAINERS_UPDATE,
    CONTAINERS_DELETE,
    SHIPMENT_DOCUMENTS_UPLOAD,
    SHIPMENT_DOCUMENTS_LIST,
    SHIPMENT_DOCUMENTS_DELETE,
    ITEMS_LIST,
    ITEMS_RETRIEVE,
    ITEMS_CREATE,
    ITEMS_UPDATE,
    ITEMS_DELETE,
    ITEMS_IMPORT,
    ITEMS_EXPORT,
    ITEMS_CHANGES,
    ITEMS_UPSERT,
    TASKS_LIST,
    TASKS_RETRIEVE,
    TASKS_CREATE,
    TASKS_UPDATE,
    TASKS_UPDATE_STATUS,
    TASKS_DECIDE,
    TASKS_CHANGES,
    SUPPLIERS_LIST,
    CARRIERS_LIST,
    SUBSCRIPTIONS_CREATE,
    SUBSCRIPTIONS_LIST,
    SUBSCRIPTIONS_RETRIEVE,
    SUBSCRIPTIONS_DELETE,
)
