"""Pharus request fields: work orders and production orders (pharus-routes.md #106-135).

Order lines (``items`` of Create) are typed with the fields of the *Add item* bodies (A12);
receipt lines have no hint in the document and are sent as given, in the API's names.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field
from typing_extensions import Required, TypedDict

from ..._core.operations import api_fields
from .._models.production import ProductionOrderStatus, WorkOrderStatus
from .common import DateInput, NonNegativeAmount, UuidStr, known_enum

__all__ = [
    "ProductionOrderBulkImportFields",
    "ProductionOrderCreateFields",
    "ProductionOrderItemCreateFields",
    "ProductionOrderItemUpdateFields",
    "ProductionOrderReceiptCreateFields",
    "ProductionOrderReceiptUpdateFields",
    "ProductionOrderUpdateFields",
    "WorkOrderBulkImportFields",
    "WorkOrderCreateFields",
    "WorkOrderItemCreateFields",
    "WorkOrderItemUpdateFields",
    "WorkOrderReceiptCreateFields",
    "WorkOrderReceiptUpdateFields",
    "WorkOrderUpdateFields",
]

WoStatus = Annotated[WorkOrderStatus | str, known_enum(WorkOrderStatus)]
ProdStatus = Annotated[ProductionOrderStatus | str, known_enum(ProductionOrderStatus)]
#: A whole number of units, 1 or more.
Units = Annotated[int, Field(ge=1, strict=True)]


# -- work orders -------------------------------------------------------------------------------
@api_fields
class WorkOrderItemCreateFields(TypedDict, total=False):
    """One work-order line (*Add item to WO*, and each of Create WO's ``items``)."""

    sku_id: Required[UuidStr]
    quantity: Required[Units]
    conversion_cost: NonNegativeAmount


@api_fields
class WorkOrderItemUpdateFields(TypedDict, total=False):
    """The fields of *Update WO item* (the SKU cannot change)."""

    quantity: Units
    conversion_cost: NonNegativeAmount


@api_fields
class WorkOrderCreateFields(TypedDict, total=False):
    """The body of *Create WO* (also one row of *Bulk-import WOs*)."""

    status: Required[WoStatus]
    work_site_location_id: Required[UuidStr]
    order_date: DateInput
    expected_delivery_date: DateInput | None
    notes: str | None
    items: Required[list[WorkOrderItemCreateFields]]


@api_fields
class WorkOrderUpdateFields(TypedDict, total=False):
    """The body of *Update WO*: order fields and status timestamps."""

    status: WoStatus
    work_site_location_id: UuidStr
    order_date: DateInput
    expected_delivery_date: DateInput | None
    notes: str | None
    placed_at: DateInput
    draft_at: DateInput | None
    entered_at: DateInput | None
    production_started_at: DateInput | None
    in_transit_at: DateInput | None
    partial_at: DateInput | None
    received_at: DateInput | None
    completed_at: DateInput | None
    cancelled_at: DateInput | None


@api_fields
class WorkOrderBulkImportFields(TypedDict):
    """The body of *Bulk-import WOs*: ``{"rows": [...]}``, each row a Create WO body."""

    rows: Required[list[WorkOrderCreateFields]]


@api_fields
class WorkOrderReceiptCreateFields(TypedDict, total=False):
    """The body of *Create receipt against WO* (``items`` sent as given, API names)."""

    receipt_date: DateInput
    notes: str | None
    items: Required[list[dict[str, Any]]]


@api_fields
class WorkOrderReceiptUpdateFields(TypedDict, total=False):
    """The body of *Update WO receipt*."""

    receipt_date: DateInput


# -- production orders -------------------------------------------------------------------------
@api_fields
class ProductionOrderItemCreateFields(TypedDict, total=False):
    """One production-order line (*Add item to production order*, and each of Create's
    ``items``)."""

    sku_id: Required[UuidStr]
    quantity: Required[Units]
    production_cost: NonNegativeAmount | None


@api_fields
class ProductionOrderItemUpdateFields(TypedDict, total=False):
    """The fields of *Update production order item* (the SKU cannot change)."""

    quantity: Units
    production_cost: NonNegativeAmount | None


@api_fields
class ProductionOrderCreateFields(TypedDict, total=False):
    """The body of *Create production order* (also one row of its bulk import)."""

    status: Required[ProdStatus]
    location_id: Required[UuidStr]
    order_date: DateInput
    expected_delivery_date: DateInput | None
    notes: str | None
    items: Required[list[ProductionOrderItemCreateFields]]


@api_fields
class ProductionOrderUpdateFields(TypedDict, total=False):
    """The body of *Update production order*: order fields and status timestamps."""

    status: ProdStatus
    location_id: UuidStr
    order_date: DateInput
    expected_delivery_date: DateInput | None
    notes: str | None
    placed_at: DateInput
    draft_at: DateInput | None
    entered_at: DateInput | None
    production_started_at: DateInput | None
    in_transit_at: DateInput | None
    partial_at: DateInput | None
    received_at: DateInput | None
    completed_at: DateInput | None
    cancelled_at: DateInput | None


@api_fields
class ProductionOrderBulkImportFields(TypedDict):
    """The body of *Bulk-import production orders*: ``{"rows": [...]}``."""

    rows: Required[list[ProductionOrderCreateFields]]


@api_fields
class ProductionOrderReceiptCreateFields(TypedDict, total=False):
    """The body of *Create receipt against production order* (``items`` sent as given)."""

    receipt_date: DateInput
    notes: str | None
    items: Required[list[dict[str, Any]]]


@api_fields
class ProductionOrderReceiptUpdateFields(TypedDict, total=False):
    """The body of *Update production order receipt*."""

    receipt_date: DateInput
