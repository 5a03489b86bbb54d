"""Pharus request fields: purchase orders, their items and receipts (pharus-routes.md #88-105).

The document collapses the element schema of every ``items`` array (A12). Order lines are
typed with the fields of *Add item to PO* (the best hint); receipt lines have no hint at
all and are sent as given, in the API's names (e.g. ``{"purchaseOrderItemId": ...,
"quantity": 5}``).
"""

from __future__ import annotations

from typing import Annotated, Any

from typing_extensions import Required, TypedDict

from ..._core.operations import api_fields
from .._models.purchasing import PurchaseOrderStatus, PurchaseOrderTargetType
from .common import DateInput, NonNegativeAmount, PositiveAmount, UuidStr, known_enum

__all__ = [
    "PurchaseOrderBulkImportFields",
    "PurchaseOrderCreateFields",
    "PurchaseOrderItemCreateFields",
    "PurchaseOrderItemUpdateFields",
    "PurchaseOrderReceiptCreateFields",
    "PurchaseOrderReceiptUpdateFields",
    "PurchaseOrderUpdateFields",
]

Status = Annotated[PurchaseOrderStatus | str, known_enum(PurchaseOrderStatus)]
TargetType = Annotated[PurchaseOrderTargetType | str, known_enum(PurchaseOrderTargetType)]


@api_fields
class PurchaseOrderItemCreateFields(TypedDict, total=False):
    """One purchase-order line (*Add item to PO*, and each of Create PO's ``items``)."""

    #: The material bought (materials orders).
    material_id: UuidStr | None
    #: The SKU bought (finished-goods orders).
    sku_id: UuidStr | None
    #: How many; fractions allowed, more than 0.
    quantity: Required[PositiveAmount]
    unit_cost: NonNegativeAmount


@api_fields
class PurchaseOrderItemUpdateFields(TypedDict, total=False):
    """The fields of *Update PO item* (all optional)."""

    material_id: UuidStr | None
    sku_id: UuidStr | None
    quantity: PositiveAmount
    unit_cost: NonNegativeAmount


@api_fields
class PurchaseOrderCreateFields(TypedDict, total=False):
    """The body of *Create PO* (also one row of *Bulk-import POs*)."""

    vendor_id: Required[UuidStr]
    target_type: Required[TargetType]
    status: Required[Status]
    ship_to_location_id: UuidStr | None
    placed_at: DateInput
    ship_date: DateInput | None
    expected_delivery_date: DateInput | None
    shipping_costs: NonNegativeAmount
    setup_costs: NonNegativeAmount
    other_costs: NonNegativeAmount
    notes: str | None
    items: Required[list[PurchaseOrderItemCreateFields]]


@api_fields
class PurchaseOrderUpdateFields(TypedDict, total=False):
    """The body of *Update PO*: order fields and status timestamps (items have their own
    endpoints)."""

    vendor_id: UuidStr
    target_type: TargetType
    status: Status
    ship_to_location_id: UuidStr | None
    placed_at: DateInput
    ship_date: DateInput | None
    expected_delivery_date: DateInput | None
    shipping_costs: NonNegativeAmount
    setup_costs: NonNegativeAmount
    other_costs: NonNegativeAmount
    notes: str | None
    planning_at: DateInput | None
    in_transit_at: DateInput | None
    partial_at: DateInput | None
    received_at: DateInput | None
    paid_at: DateInput | None
    cancelled_at: DateInput | None


@api_fields
class PurchaseOrderBulkImportFields(TypedDict):
    """The body of *Bulk-import POs*: ``{"rows": [...]}``, each row a Create PO body."""

    rows: Required[list[PurchaseOrderCreateFields]]


@api_fields
class PurchaseOrderReceiptCreateFields(TypedDict, total=False):
    """The body of *Create receipt against PO*.

    ``items`` are the received lines; their schema is collapsed in the document, so each
    is sent as given, in the API's names.
    """

    receipt_date: DateInput
    notes: str | None
    items: Required[list[dict[str, Any]]]


@api_fields
class PurchaseOrderReceiptUpdateFields(TypedDict, total=False):
    """The body of *Update PO receipt*."""

    receipt_date: DateInput
