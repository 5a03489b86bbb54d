"""Pharus answer models: work orders and production orders (pharus-routes.md #106-135).

Create and Get-detail answer a wrapper with the order, its items and the material inputs
its items need (``inputs``, expanded from each SKU's BOM); Update answers the flat order
(C10). Adding or updating an item answers ``{item, inputs}``. The item, input and receipt
line shapes are collapsed in the document: items are typed with the fields of the *Add
item* bodies (A12), inputs and receipt lines are kept as the API's JSON.
"""

from decimal import Decimal
from typing import Any

from pydantic import Field

from ..._core.models import APIModel, OpenEnum

__all__ = [
    "ProductionOrder",
    "ProductionOrderDetail",
    "ProductionOrderItem",
    "ProductionOrderItemDetail",
    "ProductionOrderReceipt",
    "ProductionOrderReceiptDetail",
    "ProductionOrderReceiptResult",
    "ProductionOrderStatus",
    "WorkOrder",
    "WorkOrderDetail",
    "WorkOrderItem",
    "WorkOrderItemDetail",
    "WorkOrderReceipt",
    "WorkOrderReceiptDetail",
    "WorkOrderReceiptResult",
    "WorkOrderStatus",
]


class WorkOrderStatus(OpenEnum):
    """Where a work order stands; each status has its own ``*At`` timestamp
    (``Production`` -> ``productionStartedAt``)."""

    DRAFT = "Draft"
    ENTERED = "Entered"
    PLACED = "Placed"
    PRODUCTION = "Production"
    IN_TRANSIT = "In Transit"
    PARTIAL = "Partial"
    RECEIVED = "Received"
    COMPLETED = "Completed"
    CANCELLED = "Cancelled"


class ProductionOrderStatus(OpenEnum):
    """Where a production order stands (the same values as `WorkOrderStatus`)."""

    DRAFT = "Draft"
    ENTERED = "Entered"
    PLACED = "Placed"
    PRODUCTION = "Production"
    IN_TRANSIT = "In Transit"
    PARTIAL = "Partial"
    RECEIVED = "Received"
    COMPLETED = "Completed"
    CANCELLED = "Cancelled"


class WorkOrder(APIModel):
    """A work order (outsourced manufacturing at a work site), flat.

    The request's ``workSiteLocationId`` comes back as ``workSiteId``; the request's
    ``orderDate`` has no answer field (§2b, A14).
    """

    id: str
    org_id: str | None = None
    wo_number: str | None = None
    status: WorkOrderStatus | None = None
    work_site_id: str | None = None
    draft_at: str | None = None
    entered_at: str | None = None
    placed_at: str | None = None
    expected_delivery_date: str | None = None
    production_started_at: str | None = None
    in_transit_at: str | None = None
    partial_at: str | None = None
    received_at: str | None = None
    completed_at: str | None = None
    cancelled_at: str | None = None
    notes: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


class WorkOrderItem(APIModel):
    """One SKU line of a work order (fields as *Add item to WO* hints)."""

    id: str
    org_id: str | None = None
    work_order_id: str | None = None
    sku_id: str | None = None
    quantity: int | None = None
    conversion_cost: Decimal | None = None


class WorkOrderDetail(APIModel):
    """A work order with its items and material inputs: ``{workOrder, items, inputs}``."""

    work_order: WorkOrder
    items: list[WorkOrderItem] = Field(default_factory=list)
    inputs: list[dict[str, Any]] = Field(default_factory=list)


class WorkOrderItemDetail(APIModel):
    """A work-order item and the material inputs it needs: ``{item, inputs}``."""

    item: WorkOrderItem
    inputs: list[dict[str, Any]] = Field(default_factory=list)


class WorkOrderReceipt(APIModel):
    """A receipt of finished goods against a work order (no ``updatedAt``, §2b)."""

    id: str
    org_id: str | None = None
    work_order_id: str | None = None
    receipt_date: str | None = None
    created_at: str | None = None


class WorkOrderReceiptResult(APIModel):
    """What creating a work-order receipt answers: the receipt, its lines, the updated order."""

    work_order: WorkOrder
    receipt: WorkOrderReceipt
    receipt_items: list[dict[str, Any]] = Field(default_factory=list)


class WorkOrderReceiptDetail(APIModel):
    """A work-order receipt with its lines: ``{receipt, items}``."""

    receipt: WorkOrderReceipt
    items: list[dict[str, Any]] = Field(default_factory=list)


class ProductionOrder(APIModel):
    """A production order (in-house manufacturing at a location), flat.

    The request's ``orderDate`` has no answer field (§2b, A14).
    """

    id: str
    org_id: str | None = None
    prod_number: str | None = None
    status: ProductionOrderStatus | None = None
    location_id: str | None = None
    placed_at: str | None = None
    expected_delivery_date: str | None = None
    draft_at: str | None = None
    entered_at: str | None = None
    production_started_at: str | None = None
    in_transit_at: str | None = None
    partial_at: str | None = None
    received_at: str | None = None
    completed_at: str | None = None
    cancelled_at: str | None = None
    notes: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


class ProductionOrderItem(APIModel):
    """One SKU line of a production order (fields as *Add item to production order* hints)."""

    id: str
    org_id: str | None = None
    production_order_id: str | None = None
    sku_id: str | None = None
    quantity: int | None = None
    production_cost: Decimal | None = None


class ProductionOrderDetail(APIModel):
    """A production order with its items and material inputs:
    ``{productionOrder, items, inputs}``."""

    production_order: ProductionOrder
    items: list[ProductionOrderItem] = Field(default_factory=list)
    inputs: list[dict[str, Any]] = Field(default_factory=list)


class ProductionOrderItemDetail(APIModel):
    """A production-order item and the material inputs it needs: ``{item, inputs}``."""

    item: ProductionOrderItem
    inputs: list[dict[str, Any]] = Field(default_factory=list)


class ProductionOrderReceipt(APIModel):
    """A receipt of finished goods against a production order (no ``updatedAt``, §2b)."""

    id: str
    org_id: str | None = None
    production_order_id: str | None = None
    receipt_date: str | None = None
    created_at: str | None = None


class ProductionOrderReceiptResult(APIModel):
    """What creating a production-order receipt answers: the receipt, its lines, the
    updated order."""

    production_order: ProductionOrder
    receipt: ProductionOrderReceipt
    receipt_items: list[dict[str, Any]] = Field(default_factory=list)


class ProductionOrderReceiptDetail(APIModel):
    """A production-order receipt with its lines: ``{receipt, items}``."""

    receipt: ProductionOrderReceipt
    items: list[dict[str, Any]] = Field(default_factory=list)
