"""Pharus resources: materials and finished-goods inventory (pharus-routes.md #53-66)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..._core._async.client import AsyncAPIClient
from ..._core._async.pager import AsyncPager
from ..._core.operations import uses
from .._routes import inventory as r
from .base import AsyncPharusResource

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from .._inputs import inventory as i
    from .._models import inventory as m

__all__ = [
    "AsyncFinishedGoodsInventoryResource",
    "AsyncFinishedGoodsLedgerResource",
    "AsyncFinishedGoodsTransfersResource",
    "AsyncInventoryResources",
    "AsyncMaterialInventoryResource",
    "AsyncMaterialLedgerResource",
    "AsyncMaterialTransfersResource",
]


class AsyncMaterialTransfersResource(AsyncPharusResource):
    """Two-phase materials transfers (``client.materials_inventory.transfers``)."""

    @uses(r.MATERIALS_INVENTORY_TRANSFERS_CREATE)
    async def create(self, **fields: Unpack[i.MaterialTransferFields]) -> m.MaterialTransfer:
        """Move materials from one location towards another: the stock is in transit until
        `complete` is called with the answer's ``ref``.

        Inferred route: ``POST /api/materials-inventory/transfers``.
        """
        return await self._client.run(r.MATERIALS_INVENTORY_TRANSFERS_CREATE, body=fields)

    @uses(r.MATERIALS_INVENTORY_TRANSFERS_COMPLETE)
    async def complete(
        self, ref: str, **fields: Unpack[i.InventoryTransferCompleteFields]
    ) -> m.MaterialLedgerEntry:
        """Book an in-transit transfer in at its destination (by the ``ref`` of `create`).

        A transfer completes once; again raises `InvalidTransitionError`.

        Inferred route: ``POST /api/materials-inventory/transfers/{ref}/complete``.
        """
        return await self._client.run(
            r.MATERIALS_INVENTORY_TRANSFERS_COMPLETE, ids={"ref": ref}, body=fields
        )


class AsyncMaterialLedgerResource(AsyncPharusResource):
    """The materials ledger: every movement, oldest first.

    ``client.materials_inventory.ledger``.
    """

    @uses(r.MATERIALS_INVENTORY_LEDGER_LIST)
    def list(
        self,
        *,
        limit: int | None = None,
        page_size: int | None = None,
        start: str | None = None,
        **filters: Unpack[i.MaterialLedgerFilters],
    ) -> AsyncPager[m.MaterialLedgerEntry]:
        """Ledger entries, page by page, filtered by ``material_id``, ``location_id``,
        ``event_type``, ``ref`` and ``date_from``/``date_to``.

        Inferred route: ``GET /api/materials-inventory/ledger``.
        """
        return self._client.page(
            r.MATERIALS_INVENTORY_LEDGER_LIST,
            query=filters,
            limit=limit,
            page_size=page_size,
            start=start,
        )

    @uses(r.MATERIALS_INVENTORY_LEDGER_RETRIEVE)
    async def retrieve(self, entry_id: str) -> m.MaterialLedgerEntry:
        """One ledger entry.

        Inferred route: ``GET /api/materials-inventory/ledger/{entry_id}``.
        """
        return await self._client.run(
            r.MATERIALS_INVENTORY_LEDGER_RETRIEVE, ids={"entry_id": entry_id}
        )


class AsyncMaterialInventoryResource(AsyncPharusResource):
    """Materials inventory: transfers, adjustments, disposals, stock summary and ledger.

    ``client.materials_inventory``.
    """

    @cached_property
    def transfers(self) -> AsyncMaterialTransfersResource:
        """Two-phase transfers between locations."""
        return AsyncMaterialTransfersResource(self._client)

    @cached_property
    def ledger(self) -> AsyncMaterialLedgerResource:
        """The ledger of every movement."""
        return AsyncMaterialLedgerResource(self._client)

    @uses(r.MATERIALS_INVENTORY_ADJUST)
    async def adjust(self, **fields: Unpack[i.MaterialMovementFields]) -> m.MaterialLedgerEntry:
        """Record an inventory adjustment (the document allows only quantities above 0).

        Inferred route: ``POST /api/materials-inventory/adjustments``.
        """
        return await self._client.run(r.MATERIALS_INVENTORY_ADJUST, body=fields)

    @uses(r.MATERIALS_INVENTORY_DISPOSE)
    async def dispose(self, **fields: Unpack[i.MaterialMovementFields]) -> m.MaterialLedgerEntry:
        """Record a disposal (stock written off at a location).

        Inferred route: ``POST /api/materials-inventory/disposals``.
        """
        return await self._client.run(r.MATERIALS_INVENTORY_DISPOSE, body=fields)

    @uses(r.MATERIALS_INVENTORY_SUMMARY)
    def summary(
        self, *, limit: int | None = None, **filters: Unpack[i.MaterialSummaryFilters]
    ) -> AsyncPager[m.MaterialStockLevel]:
        """Stock per material and location, filtered by ``material_id`` and ``location_id``.

        Inferred route: ``GET /api/materials-inventory/summary``.
        """
        return self._client.page(r.MATERIALS_INVENTORY_SUMMARY, query=filters, limit=limit)


class AsyncFinishedGoodsTransfersResource(AsyncPharusResource):
    """Two-phase finished goods transfers (``client.finished_goods_inventory.transfers``)."""

    @uses(r.FINISHED_GOODS_INVENTORY_TRANSFERS_CREATE)
    async def create(
        self, **fields: Unpack[i.FinishedGoodsTransferFields]
    ) -> m.FinishedGoodsTransfer:
        """Move finished goods from one location towards another: the stock is in transit until
        `complete` is called with the answer's ``ref``.

        Inferred route: ``POST /api/finished-goods-inventory/transfers``.
        """
        return await self._client.run(r.FINISHED_GOODS_INVENTORY_TRANSFERS_CREATE, body=fields)

    @uses(r.FINISHED_GOODS_INVENTORY_TRANSFERS_COMPLETE)
    async def complete(
        self, ref: str, **fields: Unpack[i.InventoryTransferCompleteFields]
    ) -> m.FinishedGoodsLedgerEntry:
        """Book an in-transit transfer in at its destination (by the ``ref`` of `create`).

        A transfer completes once; again raises `InvalidTransitionError`.

        Inferred route: ``POST /api/finished-goods-inventory/transfers/{ref}/complete``.
        """
        return await self._client.run(
            r.FINISHED_GOODS_INVENTORY_TRANSFERS_COMPLETE, ids={"ref": ref}, body=fields
        )


class AsyncFinishedGoodsLedgerResource(AsyncPharusResource):
    """The finished goods ledger: every movement, oldest first.

    ``client.finished_goods_inventory.ledger``.
    """

    @uses(r.FINISHED_GOODS_INVENTORY_LEDGER_LIST)
    def list(
        self,
        *,
        limit: int | None = None,
        page_size: int | None = None,
        start: str | None = None,
        **filters: Unpack[i.FinishedGoodsLedgerFilters],
    ) -> AsyncPager[m.FinishedGoodsLedgerEntry]:
        """Ledger entries, page by page, filtered by ``sku_id``, ``location_id``,
        ``event_type``, ``ref`` and ``date_from``/``date_to``.

        Inferred route: ``GET /api/finished-goods-inventory/ledger``.
        """
        return self._client.page(
            r.FINISHED_GOODS_INVENTORY_LEDGER_LIST,
            query=filters,
            limit=limit,
            page_size=page_size,
            start=start,
        )

    @uses(r.FINISHED_GOODS_INVENTORY_LEDGER_RETRIEVE)
    async def retrieve(self, entry_id: str) -> m.FinishedGoodsLedgerEntry:
        """One ledger entry.

        Inferred route: ``GET /api/finished-goods-inventory/ledger/{entry_id}``.
        """
        return await self._client.run(
            r.FINISHED_GOODS_INVENTORY_LEDGER_RETRIEVE, ids={"entry_id": entry_id}
        )


class AsyncFinishedGoodsInventoryResource(AsyncPharusResource):
    """Finished goods inventory: transfers, adjustments, disposals, stock summary and ledger.

    ``client.finished_goods_inventory``.
    """

    @cached_property
    def transfers(self) -> AsyncFinishedGoodsTransfersResource:
        """Two-phase transfers between locations."""
        return AsyncFinishedGoodsTransfersResource(self._client)

    @cached_property
    def ledger(self) -> AsyncFinishedGoodsLedgerResource:
        """The ledger of every movement."""
        return AsyncFinishedGoodsLedgerResource(self._client)

    @uses(r.FINISHED_GOODS_INVENTORY_ADJUST)
    async def adjust(
        self, **fields: Unpack[i.FinishedGoodsMovementFields]
    ) -> m.FinishedGoodsLedgerEntry:
        """Record an inventory adjustment (the document allows only quantities above 0).

        Inferred route: ``POST /api/finished-goods-inventory/adjustments``.
        """
        return await self._client.run(r.FINISHED_GOODS_INVENTORY_ADJUST, body=fields)

    @uses(r.FINISHED_GOODS_INVENTORY_DISPOSE)
    async def dispose(
        self, **fields: Unpack[i.FinishedGoodsMovementFields]
    ) -> m.FinishedGoodsLedgerEntry:
        """Record a disposal (stock written off at a location).

        Inferred route: ``POST /api/finished-goods-inventory/disposals``.
        """
        return await self._client.run(r.FINISHED_GOODS_INVENTORY_DISPOSE, body=fields)

    @uses(r.FINISHED_GOODS_INVENTORY_SUMMARY)
    def summary(
        self, *, limit: int | None = None, **filters: Unpack[i.FinishedGoodsSummaryFilters]
    ) -> AsyncPager[m.FinishedGoodsStockLevel]:
        """Stock per SKU and location, filtered by ``sku_id`` and ``location_id``.

        Inferred route: ``GET /api/finished-goods-inventory/summary``.
        """
        return self._client.page(r.FINISHED_GOODS_INVENTORY_SUMMARY, query=filters, limit=limit)


class AsyncInventoryResources(AsyncAPIClient):
    """The inventory resources of `AsyncPharus`."""

    @cached_property
    def materials_inventory(self) -> AsyncMaterialInventoryResource:
        """Materials inventory: transfers, adjustments, disposals, summary, ledger."""
        return AsyncMaterialInventoryResource(self)

    @cached_property
    def finished_goods_inventory(self) -> AsyncFinishedGoodsInventoryResource:
        """Finished-goods (SKU) inventory: transfers, adjustments, disposals, summary, ledger."""
        return AsyncFinishedGoodsInventoryResource(self)
