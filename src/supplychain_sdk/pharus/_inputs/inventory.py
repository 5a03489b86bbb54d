"""Pharus request fields: inventory transfers, adjustments, disposals, summaries and ledger
filters (pharus-routes.md #53-66). Quantities are numbers greater than 0, sent exactly."""

from __future__ import annotations

from typing import Annotated

from typing_extensions import Required, TypedDict

from ..._core.operations import api_fields
from .._models.inventory import FinishedGoodsLedgerEventType, MaterialLedgerEventType
from .common import DateInput, PositiveAmount, UuidStr, known_enum

__all__ = [
    "FinishedGoodsLedgerFilters",
    "FinishedGoodsMovementFields",
    "FinishedGoodsSummaryFilters",
    "FinishedGoodsTransferFields",
    "InventoryTransferCompleteFields",
    "MaterialLedgerFilters",
    "MaterialMovementFields",
    "MaterialSummaryFilters",
    "MaterialTransferFields",
]


@api_fields
class MaterialTransferFields(TypedDict, total=False):
    """The body of ``materials_inventory.transfers.create`` (#53)."""

    material_id: Required[UuidStr]
    source_location_id: Required[UuidStr]
    destination_location_id: Required[UuidStr]
    quantity: Required[PositiveAmount]
    event_date: DateInput
    notes: str | None


@api_fields
class FinishedGoodsTransferFields(TypedDict, total=False):
    """The body of ``finished_goods_inventory.transfers.create`` (#60)."""

    sku_id: Required[UuidStr]
    source_location_id: Required[UuidStr]
    destination_location_id: Required[UuidStr]
    quantity: Required[PositiveAmount]
    event_date: DateInput
    notes: str | None


@api_fields
class InventoryTransferCompleteFields(TypedDict, total=False):
    """The body of completing an in-transit transfer (#54, #61)."""

    event_date: DateInput
    notes: str | None


@api_fields
class MaterialMovementFields(TypedDict, total=False):
    """The body of ``materials_inventory.adjust`` and ``.dispose`` (#55, #56)."""

    material_id: Required[UuidStr]
    location_id: Required[UuidStr]
    quantity: Required[PositiveAmount]
    notes: str | None
    event_date: DateInput


@api_fields
class FinishedGoodsMovementFields(TypedDict, total=False):
    """The body of ``finished_goods_inventory.adjust`` and ``.dispose`` (#62, #63)."""

    sku_id: Required[UuidStr]
    location_id: Required[UuidStr]
    quantity: Required[PositiveAmount]
    notes: str | None
    event_date: DateInput


@api_fields
class MaterialSummaryFilters(TypedDict, total=False):
    """The query of ``materials_inventory.summary`` (#57)."""

    material_id: UuidStr
    location_id: UuidStr


@api_fields
class FinishedGoodsSummaryFilters(TypedDict, total=False):
    """The query of ``finished_goods_inventory.summary`` (#64)."""

    sku_id: UuidStr
    location_id: UuidStr


@api_fields
class MaterialLedgerFilters(TypedDict, total=False):
    """The query of ``materials_inventory.ledger.list`` (#58)."""

    material_id: UuidStr
    location_id: UuidStr
    event_type: Annotated[MaterialLedgerEventType | str, known_enum(MaterialLedgerEventType)]
    ref: str
    date_from: DateInput
    date_to: DateInput


@api_fields
class FinishedGoodsLedgerFilters(TypedDict, total=False):
    """The query of ``finished_goods_inventory.ledger.list`` (#65)."""

    sku_id: UuidStr
    location_id: UuidStr
    event_type: Annotated[
        FinishedGoodsLedgerEventType | str, known_enum(FinishedGoodsLedgerEventType)
    ]
    ref: str
    date_from: DateInput
    date_to: DateInput
