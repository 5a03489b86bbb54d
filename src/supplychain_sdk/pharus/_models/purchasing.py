"""Pharus answer models: purchase orders, their items and receipts (pharus-routes.md #88-105).

Money and quantities come back as strings (§3c) and are parsed into exact `Decimal`;
timestamps are kept as the text the API sends (their format is undocumented, C9).
Create and Get-detail answer a wrapper (`PurchaseOrderDetail`); Update answers the flat
`PurchaseOrder` (C10).
"""

from decimal import Decimal
from typing import Any

from pydantic import Field

from ..._core.models import APIModel, OpenEnum

__all__ = [
    "PurchaseOrder",
    "PurchaseOrderDetail",
    "PurchaseOrderItem",
    "PurchaseOrderReceipt",
    "PurchaseOrderReceiptDetail",
    "PurchaseOrderReceiptResult",
    "PurchaseOrderStatus",
    "PurchaseOrderTargetType",
]


class PurchaseOrderStatus(OpenEnum):
    """Where a purchase order stands; each status has its own ``*At`` timestamp (§3b)."""

    PLANNING = "Planning"
    PLACED = "Placed"
    IN_TRANSIT = "In Transit"
    PARTIAL = "Partial"
    RECEIVED = "Received"
    PAID = "Paid"
    CANCELLED = "Cancelled"


class PurchaseOrderTargetType(OpenEnum):
    """What a purchase order buys: materials or finished goods (SKUs)."""

    MATERIALS = "materials"
    FINISHED_GOODS = "finished_goods"


class PurchaseOrder(APIModel):
    """A purchase order, flat (the answer of Update PO and the items of List POs)."""

    id: str
    org_id: str | None = None
    po_number: str | None = None
    vendor_id: str | None = None
    target_type: PurchaseOrderTargetType | None = None
    status: PurchaseOrderStatus | None = None
    ship_to_location_id: str | None = None
    planning_at: str | None = None
    placed_at: str | None = None
    ship_date: str | None = None
    in_transit_at: str | None = None
    partial_at: str | None = None
    expected_delivery_date: str | None = None
    received_at: str | None = None
    paid_at: str | None = None
    cancelled_at: str | None = None
    shipping_costs: Decimal | None = None
    setup_costs: Decimal | None = None
    other_costs: Decimal | None = None
    notes: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


class PurchaseOrderItem(APIModel):
    """One line of a purchase order: a material or a SKU, a quantity and a unit cost.

    Items listed across purchase orders may carry more fields of their order (kept as
    extra fields).
    """

    id: str
    org_id: str | None = None
    purchase_order_id: str | None = None
    material_id: str | None = None
    sku_id: str | None = None
    quantity: Decimal | None = None
    unit_cost: Decimal | None = None


class PurchaseOrderDetail(APIModel):
    """A purchase order with its items: ``{purchaseOrder, items}`` (Create and Get detail)."""

    purchase_order: PurchaseOrder
    items: list[PurchaseOrderItem] = Field(default_factory=list)


class PurchaseOrderReceipt(APIModel):
    """A receipt of goods against a purchase order.

    The answer has no ``notes`` although Create accepts them (pharus-routes.md §2b).
    """

    id: str
    org_id: str | None = None
    purchase_order_id: str | None = None
    receipt_date: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


class PurchaseOrderReceiptResult(APIModel):
    """What creating a receipt answers: the receipt, its lines and the updated order.

    The receipt lines are collapsed in the document; each is kept as the API's JSON.
    """

    purchase_order: PurchaseOrder
    receipt: PurchaseOrderReceipt
    receipt_items: list[dict[str, Any]] = Field(default_factory=list)


class PurchaseOrderReceiptDetail(APIModel):
    """A receipt with its lines: ``{receipt, items}`` (lines as the API's JSON)."""

    receipt: PurchaseOrderReceipt
    items: list[dict[str, Any]] = Field(default_factory=list)
