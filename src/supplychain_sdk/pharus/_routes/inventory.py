"""Pharus rows: materials and finished-goods inventory (pharus-routes.md #53-66).

Transfers are two-phase: ``transfers.create`` puts stock in transit and answers its ``ref``;
``transfers.complete(ref)`` books it in at the destination.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..._core.lazy import LazyTypes
from ..._core.operations import IdKind, Operation
from .common import BOUNDED, CURSOR

if TYPE_CHECKING:
    from .._inputs import inventory as i
    from .._models import inventory as m
else:  # named by reference: imported when a call first needs them (lazy.py)
    i = LazyTypes("supplychain_sdk.pharus._inputs.inventory")
    m = LazyTypes("supplychain_sdk.pharus._models.inventory")

__all__ = [
    "FINISHED_GOODS_INVENTORY_ADJUST",
    "FINISHED_GOODS_INVENTORY_DISPOSE",
    "FINISHED_GOODS_INVENTORY_LEDGER_LIST",
    "FINISHED_GOODS_INVENTORY_LEDGER_RETRIEVE",
    "FINISHED_GOODS_INVENTORY_SUMMARY",
    "FINISHED_GOODS_INVENTORY_TRANSFERS_COMPLETE",
    "FINISHED_GOODS_INVENTORY_TRANSFERS_CREATE",
    "MATERIALS_INVENTORY_ADJUST",
    "MATERIALS_INVENTORY_DISPOSE",
    "MATERIALS_INVENTORY_LEDGER_LIST",
    "MATERIALS_INVENTORY_LEDGER_RETRIEVE",
    "MATERIALS_INVENTORY_SUMMARY",
    "MATERIALS_INVENTORY_TRANSFERS_COMPLETE",
    "MATERIALS_INVENTORY_TRANSFERS_CREATE",
    "ROWS",
]

MATERIALS_INVENTORY_TRANSFERS_CREATE = Operation[m.MaterialTransfer](
    name="materials_inventory.transfers.create",
    method="POST",
    path="/api/materials-inventory/transfers",
    summary="Create materials transfer",
    body=i.MaterialTransferFields,
    answer=m.MaterialTransfer,
    inferred=True,
)
MATERIALS_INVENTORY_TRANSFERS_COMPLETE = Operation[m.MaterialLedgerEntry](
    name="materials_inventory.transfers.complete",
    method="POST",
    path="/api/materials-inventory/transfers/{ref}/complete",
    summary="Complete in-transit transfer",
    ids={"ref": IdKind.TEXT},
    body=i.InventoryTransferCompleteFields,
    answer=m.MaterialLedgerEntry,
    inferred=True,
)
MATERIALS_INVENTORY_ADJUST = Operation[m.MaterialLedgerEntry](
    name="materials_inventory.adjust",
    method="POST",
    path="/api/materials-inventory/adjustments",
    summary="Adjust materials inventory",
    body=i.MaterialMovementFields,
    answer=m.MaterialLedgerEntry,
    inferred=True,
)
MATERIALS_INVENTORY_DISPOSE = Operation[m.MaterialLedgerEntry](
    name="materials_inventory.dispose",
    method="POST",
    path="/api/materials-inventory/disposals",
    summary="Dispose materials inventory",
    body=i.MaterialMovementFields,
    answer=m.MaterialLedgerEntry,
    inferred=True,
)
MATERIALS_INVENTORY_SUMMARY = Operation[m.MaterialStockLevel](
    name="materials_inventory.summary",
    method="GET",
    path="/api/materials-inventory/summary",
    summary="Materials summary",
    query=i.MaterialSummaryFilters,
    answer=m.MaterialStockLevel,
    paging=BOUNDED,
    inferred=True,
)
MATERIALS_INVENTORY_LEDGER_LIST = Operation[m.MaterialLedgerEntry](
    name="materials_inventory.ledger.list",
    method="GET",
    path="/api/materials-inventory/ledger",
    summary="List materials ledger entries",
    query=i.MaterialLedgerFilters,
    answer=m.MaterialLedgerEntry,
    paging=CURSOR,
    inferred=True,
)
MATERIALS_INVENTORY_LEDGER_RETRIEVE = Operation[m.MaterialLedgerEntry](
    name="materials_inventory.ledger.retrieve",
    method="GET",
    path="/api/materials-inventory/ledger/{entry_id}",
    summary="Get ledger entry detail",
    ids={"entry_id": IdKind.UUID},
    answer=m.MaterialLedgerEntry,
    inferred=True,
)
FINISHED_GOODS_INVENTORY_TRANSFERS_CREATE = Operation[m.FinishedGoodsTransfer](
    name="finished_goods_inventory.transfers.create",
    method="POST",
    path="/api/finished-goods-inventory/transfers",
    summary="Create FG transfer",
    body=i.FinishedGoodsTransferFields,
    answer=m.FinishedGoodsTransfer,
    inferred=True,
)
FINISHED_GOODS_INVENTORY_TRANSFERS_COMPLETE = Operation[m.FinishedGoodsLedgerEntry](
    name="finished_goods_inventory.transfers.complete",
    method="POST",
    path="/api/finished-goods-inventory/transfers/{ref}/complete",
    summary="Complete FG in-transit transfer",
    ids={"ref": IdKind.TEXT},
    body=i.InventoryTransferCompleteFields,
    answer=m.FinishedGoodsLedgerEntry,
    inferred=True,
)
FINISHED_GOODS_INVENTORY_ADJUST = Operation[m.FinishedGoodsLedgerEntry](
    name="finished_goods_inventory.adjust",
    method="POST",
    path="/api/finished-goods-inventory/adjustments",
    summary="Adjust FG inventory",
    body=i.FinishedGoodsMovementFields,
    answer=m.FinishedGoodsLedgerEntry,
    inferred=True,
)
FINISHED_GOODS_INVENTORY_DISPOSE = Operation[m.FinishedGoodsLedgerEntry](
    name="finished_goods_inventory.dispose",
    method="POST",
    path="/api/finished-goods-inventory/disposals",
    summary="Dispose FG inventory",
    body=i.FinishedGoodsMovementFields,
    answer=m.FinishedGoodsLedgerEntry,
    inferred=True,
)
FINISHED_GOODS_INVENTORY_SUMMARY = Operation[m.FinishedGoodsStockLevel](
    name="finished_goods_inventory.summary",
    method="GET",
    path="/api/finished-goods-inventory/summary",
    summary="FG summary",
    query=i.FinishedGoodsSummaryFilters,
    answer=m.FinishedGoodsStockLevel,
    paging=BOUNDED,
    inferred=True,
)
FINISHED_GOODS_INVENTORY_LEDGER_LIST = Operation[m.FinishedGoodsLedgerEntry](
    name="finished_goods_inventory.ledger.list",
    method="GET",
    path="/api/finished-goods-inventory/ledger",
    summary="List FG ledger entries",
    query=i.FinishedGoodsLedgerFilters,
    answer=m.FinishedGoodsLedgerEntry,
    paging=CURSOR,
    inferred=True,
)
FINISHED_GOODS_INVENTORY_LEDGER_RETRIEVE = Operation[m.FinishedGoodsLedgerEntry](
    name="finished_goods_inventory.ledger.retrieve",
    method="GET",
    path="/api/finished-goods-inventory/ledger/{entry_id}",
    summary="Get FG ledger entry detail",
    ids={"entry_id": IdKind.UUID},
    answer=m.FinishedGoodsLedgerEntry,
    inferred=True,
)

ROWS: tuple[Operation[Any], ...] = (
    MATERIALS_INVENTORY_TRANSFERS_CREATE,
    MATERIALS_INVENTORY_TRANSFERS_COMPLETE,
    MATERIALS_INVENTORY_ADJUST,
    MATERIALS_INVENTORY_DISPOSE,
    MATERIALS_INVENTORY_SUMMARY,
    MATERIALS_INVENTORY_LEDGER_LIST,
    MATERIALS_INVENTORY_LEDGER_RETRIEVE,
    FINISHED_GOODS_INVENTORY_TRANSFERS_CREATE,
    FINISHED_GOODS_INVENTORY_TRANSFERS_COMPLETE,
    FINISHED_GOODS_INVENTORY_ADJUST,
    FINISHED_GOODS_INVENTORY_DISPOSE,
    FINISHED_GOODS_INVENTORY_SUMMARY,
    FINISHED_GOODS_INVENTORY_LEDGER_LIST,
    FINISHED_GOODS_INVENTORY_LEDGER_RETRIEVE,
)
