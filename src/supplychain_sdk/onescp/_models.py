"""ONESCP API v1 models: what the API answers, and the typed inputs the client accepts.

Every answer model is lenient (fields optional, unknown fields kept), because the API document
shows examples rather than schemas. Input models (``...Input``) require the fields the SDK
needs to build a meaningful request. Dates and timestamps are plain ISO 8601 strings, passed
through unchanged (the API mixes ``2024-12-31`` and ``2024-01-15T10:30:00Z`` in date fields).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any, ClassVar, Generic, Literal, TypeVar, Union

import attrs
from pydantic import BeforeValidator, Field

from .._core.models import APIModel, OpenEnum

__all__ = [
    "BulkImportResult",
    "Carrier",
    "Change",
    "Container",
    "ContainerInput",
    "Created",
    "Deleted",
    "Document",
    "DocumentType",
    "ErpRowError",
    "ErpSyncReport",
    "ErrorCode",
    "ExportFormat",
    "Item",
    "ItemStatus",
    "ItemType",
    "Order",
    "OrderItem",
    "OrderItemInput",
    "OrderLine",
    "OrderLineInput",
    "OrderStatus",
    "OrderSupplier",
    "OrderSupplierInput",
    "Pagination",
    "Prices",
    "Priority",
    "RateLimit",
    "Shipment",
    "ShipmentStatus",
    "Supplier",
    "Task",
    "TaskDecision",
    "TaskOrderRef",
    "TaskStatus",
    "TaskUser",
    "Updated",
    "User",
    "WebhookEventType",
    "WebhookSubscription",
]

M = TypeVar("M", bound=APIModel)


# -- enums ----------------------------------------------------------------------------------------


class OrderStatus(OpenEnum):
    """Purchase order status."""

    DRAFT = "draft"
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    COMPLETED = "completed"


class ShipmentStatus(OpenEnum):
    """Shipment status."""

    PENDING = "pending"
    IN_TRANSIT = "in_transit"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


class ItemStatus(OpenEnum):
    """Item (material) approval status."""

    PENDING = "Pending"
    UNDER_APPROVAL = "Under Approval"
    PROCESSED = "Processed"


class ItemType(OpenEnum):
    """What an item is."""

    MATERIAL = "Material"
    SUPPLIER = "Supplier"
    ATTRIBUTES = "Attributes"


class TaskStatus(OpenEnum):
    """Task status."""

    OPEN = "Open"
    IN_PROGRESS = "In Progress"
    COMPLETED = "Completed"
    REJECTED = "Rejected"


class Priority(OpenEnum):
    """Order and task priority (``p1`` is the highest)."""

    P1 = "p1"
    P2 = "p2"
    P3 = "p3"


class TaskDecision(OpenEnum):
    """A decision on a task."""

    ACCEPT = "accept"
    REJECT = "reject"


class DocumentType(OpenEnum):
    """Type of a document attached to an order or a shipment."""

    INVOICE = "Invoice"
    SHIPPING = "Shipping"
    CONTRACT = "Contract"
    GENERAL = "General"
    CUSTOM_CLEARANCE = "Custom Clearance"


class ExportFormat(OpenEnum):
    """Format of an items export."""

    CSV = "csv"
    EXCEL = "excel"


class WebhookEventType(OpenEnum):
    """The events a webhook subscription can receive."""

    ORDER_CREATED = "order.created"
    ORDER_UPDATED = "order.updated"
    ORDER_DELETED = "order.deleted"
    ORDER_STATUS_CHANGED = "order.status_changed"
    SHIPMENT_CREATED = "shipment.created"
    SHIPMENT_UPDATED = "shipment.updated"
    SHIPMENT_DELETED = "shipment.deleted"
    SHIPMENT_STATUS_CHANGED = "shipment.status_changed"
    ITEM_CREATED = "item.created"
    ITEM_UPDATED = "item.updated"
    ITEM_DELETED = "item.deleted"
    TASK_CREATED = "task.created"
    TASK_UPDATED = "task.updated"
    TASK_COMPLETED = "task.completed"
    TASK_REJECTED = "task.rejected"


class ErrorCode(OpenEnum):
    """The ``error.code`` values of error answers (``exc.code`` on the SDK's exceptions)."""

    AUTH_REQUIRED = "AUTH_REQUIRED"
    AUTH_INVALID = "AUTH_INVALID"
    VALIDATION_ERROR = "VALIDATION_ERROR"
    NOT_FOUND = "NOT_FOUND"
    DUPLICATE_ENTRY = "DUPLICATE_ENTRY"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    SERVER_ERROR = "SERVER_ERROR"
    RATE_LIMIT_EXCEEDED = "RATE_LIMIT_EXCEEDED"


# -- shared ---------------------------------------------------------------------------------------


class Pagination(APIModel):
    """The ``pagination`` object of list answers."""

    page: int | None = None
    limit: int | None = None
    total: int | None = None
    pages: int | None = None


class User(APIModel):
    """The user a login answers with."""

    id: str | None = Field(default=None, alias="_id")
    name: str | None = None
    email: str | None = None
    role: str | None = None
    company_id: str | None = None


class Document(APIModel):
    """A document attached to an order or a shipment."""

    id: str | None = Field(default=None, alias="_id")
    name: str | None = None
    type: DocumentType | None = None
    description: str | None = None
    file_name: str | None = None
    content_type: str | None = None
    size: int | None = None
    url: str | None = None
    uploaded_at: str | None = None


# -- orders ---------------------------------------------------------------------------------------


class OrderSupplier(APIModel):
    """The supplier as embedded in an order."""

    id: str | None = Field(default=None, alias="_id")
    name: str | None = None
    email: str | None = None
    address: str | None = None


class OrderItem(APIModel):
    """The item an order line is for."""

    number: str | None = None
    name: str | None = None
    unit_price: float | None = None
    purchase_unit_of_measure_iso: str | None = None


class Prices(APIModel):
    """Prices of an order line."""

    net_price: float | None = None


class OrderLine(APIModel):
    """One line of a purchase order."""

    id: str | None = Field(default=None, alias="_id")
    position: str | None = None
    item: OrderItem | None = None
    quantity: float | None = None
    prices: Prices | None = None
    description: str | None = None


class Order(APIModel):
    """A purchase order.

    ``supplier`` is the embedded supplier object the API lists; orders pushed from an ERP also
    carry ``supplier_company`` / ``supplier_id`` (ONESCP ids) and ``erp_id``.
    """

    id: str | None = Field(default=None, alias="_id")
    purchase_order_number: str | None = None
    erp_id: str | None = None
    supplier: OrderSupplier | str | None = None
    buyer_company: str | None = None
    supplier_company: str | None = None
    supplier_id: str | None = None
    supplier_account_number: str | None = None
    status: OrderStatus | None = None
    priority: Priority | None = None
    order_lines: list[OrderLine] | None = None
    documents: list[Document] | None = None
    total_amount: float | None = None
    delivery_date: str | None = None
    destination: dict[str, Any] | None = None
    contact_email: str | None = None
    notes: str | None = None
    created_by: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    deleted_at: str | None = None


class OrderSupplierInput(APIModel):
    """The supplier of a new order (``name`` is required)."""

    name: str
    email: str | None = None
    address: str | None = None


class OrderItemInput(APIModel):
    """The item of a new order line (``number`` is required)."""

    number: str
    name: str | None = None
    unit_price: float | None = None
    purchase_unit_of_measure_iso: str | None = None


class OrderLineInput(APIModel):
    """A new order line (``item`` and ``quantity`` are required)."""

    item: OrderItemInput
    quantity: float
    position: str | None = None
    prices: Prices | None = None
    description: str | None = None


# -- shipments ------------------------------------------------------------------------------------


class Container(APIModel):
    """A container of a shipment."""

    id: str | None = Field(default=None, alias="_id")
    container_number: str | None = None
    container_type: str | None = None
    seal_number: str | None = None
    weight: float | None = None
    volume: float | None = None
    status: str | None = None
    eta: str | None = None


class ContainerInput(APIModel):
    """A new container (``container_number`` is required)."""

    container_number: str
    container_type: str | None = None
    seal_number: str | None = None
    weight: float | None = None
    volume: float | None = None
    status: str | None = None
    eta: str | None = None


class Shipment(APIModel):
    """A shipment of purchase order lines."""

    id: str | None = Field(default=None, alias="_id")
    shipment_number: str | None = None
    erp_id: str | None = None
    purchase_order: str | dict[str, Any] | None = None
    line_ids: list[str] | None = None
    status: ShipmentStatus | None = None
    type: str | None = None
    departure_from: str | None = None
    departure_city: str | None = None
    departure_country_iso2: str | None = Field(default=None, alias="departureCountryISO2")
    final_destination: str | None = None
    final_destination_city: str | None = None
    final_destination_country_iso2: str | None = Field(
        default=None, alias="finalDestinationCountryISO2"
    )
    carrier: str | None = None
    containers: list[Container] | None = None
    documents: list[Document] | None = None
    scheduled_delivery_date: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    deleted_at: str | None = None


# -- items ----------------------------------------------------------------------------------------


class Item(APIModel):
    """A product or material.

    ``material`` holds the ERP's material master fields under their own names (SAP's
    ``MATNR``, ``LAEDA``, ``MTART``...).
    """

    id: str | None = Field(default=None, alias="_id")
    item_number: str | None = None
    name: str | None = None
    description: str | None = None
    category: str | None = None
    type: ItemType | None = None
    item_status: ItemStatus | None = None
    material: dict[str, Any] | None = None
    created_at: str | None = None
    updated_at: str | None = None
    deleted_at: str | None = None


class BulkImportResult(APIModel):
    """The answer to an items bulk import."""

    message: str | None = None
    imported: int = 0
    updated: int = 0
    errors: list[Any] = Field(default_factory=list)


# -- tasks ----------------------------------------------------------------------------------------


class TaskUser(APIModel):
    """The user a task is assigned to."""

    id: str | None = Field(default=None, alias="_id")
    name: str | None = None
    email: str | None = None


class TaskOrderRef(APIModel):
    """The order a task is about."""

    id: str | None = Field(default=None, alias="_id")
    purchase_order_number: str | None = None


class Task(APIModel):
    """A workflow task (an approval, a confirmation...).

    ``assigned_to`` and ``related_order`` are objects in lists and answers, plain ids where
    the API does not expand them.
    """

    id: str | None = Field(default=None, alias="_id")
    title: str | None = None
    description: str | None = None
    status: TaskStatus | None = None
    priority: Priority | None = None
    assigned_to: TaskUser | str | None = None
    related_order: TaskOrderRef | str | None = None
    due_date: str | None = None
    decision: TaskDecision | None = None
    comments: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    deleted_at: str | None = None


# -- reference data -------------------------------------------------------------------------------


class Supplier(APIModel):
    """A supplier company (read-only reference data)."""

    id: str | None = Field(default=None, alias="_id")
    name: str | None = None
    email: str | None = None
    address: str | None = None
    phone: str | None = None


class Carrier(APIModel):
    """A shipping company (read-only reference data)."""

    id: str | None = Field(default=None, alias="_id")
    name: str | None = None
    code: str | None = None
    type: str | None = None


# -- webhooks -------------------------------------------------------------------------------------


class WebhookSubscription(APIModel):
    """A webhook subscription of your company.

    ``secret`` is set only in the answer to ``webhooks.create``: the API never returns it
    again, so store it then. It is kept out of ``repr()``.
    """

    id: str | None = Field(default=None, alias="_id")
    url: str | None = None
    events: list[WebhookEventType] | None = None
    status: str | None = None
    secret: str | None = Field(default=None, repr=False)
    created_at: str | None = None
    updated_at: str | None = None


# -- SDK-side results -----------------------------------------------------------------------------


class ErpRowError(APIModel):
    """One row the portal (or the SDK, for a refused batch) did not accept.

    Attributes:
        payload: the row as it was sent.
        message: why it was not accepted.
    """

    payload: dict[str, Any]
    message: str


class ErpSyncReport(APIModel, Generic[M]):
    """What an ``upsert_from_erp`` call did, across every batch it sent.

    Attributes:
        created: records the portal created.
        updated: records the portal matched (by ``erpId`` or business key) and updated.
        errors: rows it did not accept, each with its payload and the reason.
        batches: how many requests were sent.
    """

    created: list[M] = Field(default_factory=list)
    updated: list[M] = Field(default_factory=list)
    errors: list[ErpRowError] = Field(default_factory=list)
    batches: int = 0

    @property
    def ok(self) -> bool:
        """Whether every row was accepted."""
        return not self.errors


@attrs.frozen
class RateLimit:
    """The rate limit state the API reported on its latest answer.

    Attributes:
        limit: requests allowed per window (``X-RateLimit-Limit``).
        remaining: requests left in the current window (``X-RateLimit-Remaining``).
        reset: when the window resets, epoch seconds (``X-RateLimit-Reset``).
    """

    limit: int | None
    remaining: int | None
    reset: int | None

    @property
    def reset_at(self) -> dt.datetime | None:
        """``reset`` as an aware UTC datetime."""
        if self.reset is None:
            return None
        return dt.datetime.fromtimestamp(self.reset, tz=dt.timezone.utc)


# -- change feeds ---------------------------------------------------------------------------------


@attrs.frozen
class Created(Generic[M]):
    """A record created since the feed's position.

    Attributes:
        record: the record as the API lists it.
    """

    record: M
    kind: ClassVar[Literal["created"]] = "created"

    @property
    def id(self) -> str | None:
        """The record's ``_id``."""
        value = getattr(self.record, "id", None)
        return value if isinstance(value, str) else None


@attrs.frozen
class Updated(Generic[M]):
    """A record updated since the feed's position (and created before it).

    Attributes:
        record: the record as the API lists it now.
    """

    record: M
    kind: ClassVar[Literal["updated"]] = "updated"

    @property
    def id(self) -> str | None:
        """The record's ``_id``."""
        value = getattr(self.record, "id", None)
        return value if isinstance(value, str) else None


@attrs.frozen
class Deleted:
    """A record (soft-)deleted since the feed's position: only its id and when.

    Attributes:
        id: the record's ``_id``.
        deleted_at: when it was deleted (ISO 8601), as the API says.
    """

    id: str
    deleted_at: str | None = None
    kind: ClassVar[Literal["deleted"]] = "deleted"


#: One change a change feed yields: ``Created[Order] | Updated[Order] | Deleted`` for orders.
Change = Union[Created[M], Updated[M], Deleted]  # noqa: UP007 - a generic alias needs Union


# -- the answers of change feeds and ERP upserts (generic: a route row names
# ``ChangesPage[Order]``, made on its first answer) ------------------------------------------------


class DeletedRecord(APIModel):
    """A ``deleted`` entry of a change feed: the record's ``_id`` and when it was deleted."""

    id: str = Field(alias="_id")
    deleted_at: str | None = None


class ChangesPage(APIModel, Generic[M]):
    """One answer of a changes endpoint; any other shape is a `ResponseDecodeError`."""

    created: list[M] | None = None
    updated: list[M] | None = None
    deleted: list[DeletedRecord] | None = None
    last_sync_timestamp: str | None = None
    has_more: bool | None = None
    pagination: Pagination | None = None


def _row_error(entry: Any) -> Any:
    """A refused row as ``{"payload": {...}, "message": "..."}`` (the API also words it
    ``error``, or sends a bare message)."""
    if not isinstance(entry, Mapping):
        return {"payload": {}, "message": str(entry)}
    payload = entry.get("payload")
    message = entry.get("message") or entry.get("error") or "rejected without a reason"
    return {
        "payload": dict(payload) if isinstance(payload, Mapping) else {},
        "message": str(message),
    }


class ErpAnswer(APIModel, Generic[M]):
    """One ``sync-from-erp`` answer; any other shape is a `ResponseDecodeError`."""

    created: list[M] | None = None
    updated: list[M] | None = None
    errors: list[Annotated[ErpRowError, BeforeValidator(_row_error)]] | None = None
