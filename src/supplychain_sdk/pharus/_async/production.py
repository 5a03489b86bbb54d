"""Pharus resources: work orders and production orders (``client.work_orders``,
``client.production_orders``), each with ``items`` and ``receipts``.

Every method is one row of the route table (``pharus/_routes/production.py``); its method and
path are inferred from a document that lost them, and can be corrected per client with
``route_overrides``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..._core._async.client import AsyncAPIClient
from ..._core._async.pager import AsyncPager
from ..._core.operations import uses
from .._bulk import DEFAULT_BATCH_SIZE
from .._routes import production as r
from .base import AsyncPharusResource

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ..._core.models import APIModel
    from .._inputs import production as i
    from .._models import production as m
    from .._models.common import BulkImportReport, Deleted

__all__ = [
    "AsyncProductionOrderItemsResource",
    "AsyncProductionOrderReceiptsResource",
    "AsyncProductionOrdersResource",
    "AsyncProductionResources",
    "AsyncWorkOrderItemsResource",
    "AsyncWorkOrderReceiptsResource",
    "AsyncWorkOrdersResource",
]


class AsyncWorkOrderItemsResource(AsyncPharusResource):
    """The SKU lines of work orders (``client.work_orders.items``); each answer carries the
    material inputs the line needs (``{item, inputs}``)."""

    @uses(r.WORK_ORDERS_ITEMS_CREATE)
    async def create(
        self, work_order_id: str, **fields: Unpack[i.WorkOrderItemCreateFields]
    ) -> m.WorkOrderItemDetail:
        """Add a SKU line to a work order; answers the line and the material inputs its BOM
        expands into.

        Inferred route: ``POST /api/work-orders/{work_order_id}/items``.
        """
        return await self._client.run(
            r.WORK_ORDERS_ITEMS_CREATE, ids={"work_order_id": work_order_id}, body=fields
        )

    @uses(r.WORK_ORDERS_ITEMS_UPDATE)
    async def update(
        self, item_id: str, **fields: Unpack[i.WorkOrderItemUpdateFields]
    ) -> m.WorkOrderItemDetail:
        """Change a line's quantity or conversion cost; answers the line and its recomputed inputs.

        Inferred route: ``PATCH /api/work-order-items/{item_id}``.
        """
        return await self._client.run(
            r.WORK_ORDERS_ITEMS_UPDATE, ids={"item_id": item_id}, body=fields
        )

    @uses(r.WORK_ORDERS_ITEMS_DELETE)
    async def delete(self, item_id: str) -> Deleted:
        """Remove a line (and its inputs) from its work order.

        Inferred route: ``DELETE /api/work-order-items/{item_id}``.
        """
        return await self._client.run(r.WORK_ORDERS_ITEMS_DELETE, ids={"item_id": item_id})


class AsyncWorkOrderReceiptsResource(AsyncPharusResource):
    """Receipts of finished goods against work orders (``client.work_orders.receipts``)."""

    @uses(r.WORK_ORDERS_RECEIPTS_CREATE)
    async def create(
        self, work_order_id: str, **fields: Unpack[i.WorkOrderReceiptCreateFields]
    ) -> m.WorkOrderReceiptResult:
        """Record goods received against a work order; answers the receipt, its lines and the
        updated order (a receipt presumably moves it to ``Partial`` or ``Received``, §3b).

        Inferred route: ``POST /api/work-orders/{work_order_id}/receipts``.
        """
        return await self._client.run(
            r.WORK_ORDERS_RECEIPTS_CREATE, ids={"work_order_id": work_order_id}, body=fields
        )

    @uses(r.WORK_ORDERS_RECEIPTS_LIST)
    def list(
        self, work_order_id: str, *, limit: int | None = None
    ) -> AsyncPager[m.WorkOrderReceipt]:
        """The receipts of one work order (a small list).

        Inferred route: ``GET /api/work-orders/{work_order_id}/receipts``.
        """
        return self._client.page(
            r.WORK_ORDERS_RECEIPTS_LIST, ids={"work_order_id": work_order_id}, limit=limit
        )

    @uses(r.WORK_ORDERS_RECEIPTS_UPDATE)
    async def update(
        self, receipt_id: str, **fields: Unpack[i.WorkOrderReceiptUpdateFields]
    ) -> m.WorkOrderReceipt:
        """Change a receipt's date.

        Inferred route: ``PATCH /api/work-order-receipts/{receipt_id}``.
        """
        return await self._client.run(
            r.WORK_ORDERS_RECEIPTS_UPDATE, ids={"receipt_id": receipt_id}, body=fields
        )

    @uses(r.WORK_ORDERS_RECEIPTS_DELETE)
    async def delete(self, receipt_id: str) -> Deleted:
        """Delete a receipt.

        Inferred route: ``DELETE /api/work-order-receipts/{receipt_id}``.
        """
        return await self._client.run(r.WORK_ORDERS_RECEIPTS_DELETE, ids={"receipt_id": receipt_id})

    @uses(r.WORK_ORDERS_RECEIPTS_RETRIEVE)
    async def retrieve(self, receipt_id: str) -> m.WorkOrderReceiptDetail:
        """A receipt with its lines.

        Inferred route: ``GET /api/work-order-receipts/{receipt_id}``.
        """
        return await self._client.run(
            r.WORK_ORDERS_RECEIPTS_RETRIEVE, ids={"receipt_id": receipt_id}
        )


class AsyncWorkOrdersResource(AsyncPharusResource):
    """Work orders (``client.work_orders``), with ``items`` and ``receipts``."""

    @cached_property
    def items(self) -> AsyncWorkOrderItemsResource:
        """The SKU lines of work orders."""
        return AsyncWorkOrderItemsResource(self._client)

    @cached_property
    def receipts(self) -> AsyncWorkOrderReceiptsResource:
        """Receipts of finished goods against work orders."""
        return AsyncWorkOrderReceiptsResource(self._client)

    @uses(r.WORK_ORDERS_CREATE)
    async def create(self, **fields: Unpack[i.WorkOrderCreateFields]) -> m.WorkOrderDetail:
        """Create a work order with its lines; answers the order, its items and the material
        inputs they need.

        ``work_site_location_id`` comes back as ``work_site_id``.

        Inferred route: ``POST /api/work-orders``.
        """
        return await self._client.run(r.WORK_ORDERS_CREATE, body=fields)

    @uses(r.WORK_ORDERS_LIST)
    def list(
        self,
        *,
        limit: int | None = None,
        page_size: int | None = None,
        start: str | None = None,
    ) -> AsyncPager[m.WorkOrder]:
        """Every work order of the organization (cursor pages).

        Inferred route: ``GET /api/work-orders``.

        Args:
            limit: the most orders to return overall.
            page_size: the orders per request (sent as ``limit``).
            start: resume from this cursor.
        """
        return self._client.page(r.WORK_ORDERS_LIST, limit=limit, page_size=page_size, start=start)

    @uses(r.WORK_ORDERS_UPDATE)
    async def update(
        self, work_order_id: str, **fields: Unpack[i.WorkOrderUpdateFields]
    ) -> m.WorkOrder:
        """Change a work order's fields, status or status timestamps; answers the flat order
        (not the detail wrapper, C10).

        Inferred route: ``PATCH /api/work-orders/{work_order_id}``.
        """
        return await self._client.run(
            r.WORK_ORDERS_UPDATE, ids={"work_order_id": work_order_id}, body=fields
        )

    @uses(r.WORK_ORDERS_DELETE)
    async def delete(self, work_order_id: str) -> Deleted:
        """Delete a work order.

        Inferred route: ``DELETE /api/work-orders/{work_order_id}``.
        """
        return await self._client.run(r.WORK_ORDERS_DELETE, ids={"work_order_id": work_order_id})

    @uses(r.WORK_ORDERS_RETRIEVE)
    async def retrieve(self, work_order_id: str) -> m.WorkOrderDetail:
        """A work order with its items and material inputs.

        Inferred route: ``GET /api/work-orders/{work_order_id}``.
        """
        return await self._client.run(r.WORK_ORDERS_RETRIEVE, ids={"work_order_id": work_order_id})

    @uses(r.WORK_ORDERS_BULK_IMPORT)
    async def bulk_import(
        self,
        rows: Iterable[i.WorkOrderCreateFields | Mapping[str, Any] | APIModel],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: bool = False,
        on_batch: Callable[[BulkImportReport], object] | None = None,
    ) -> BulkImportReport:
        """Create many work orders, ``batch_size`` rows per request; one report row per input
        row (every row is checked before the first request).

        Inferred route: ``POST /api/work-orders/bulk-import``.

        ``progress=True`` shows a bar of the rows sent (the ``progress`` extra);
        ``on_batch`` is called with each batch's own `BulkImportReport` as it is answered.
        """
        return await self._bulk_import(
            r.WORK_ORDERS_BULK_IMPORT, rows, batch_size, progress=progress, on_batch=on_batch
        )

    @uses(r.WORK_ORDERS_STATUSES)
    def statuses(self, *, limit: int | None = None) -> AsyncPager[m.WorkOrderStatus]:
        """The work order status values the API knows.

        Inferred route: ``GET /api/work-orders/statuses``.
        """
        return self._client.page(r.WORK_ORDERS_STATUSES, limit=limit)


class AsyncProductionOrderItemsResource(AsyncPharusResource):
    """The SKU lines of production orders (``client.production_orders.items``); each answer
    carries the material inputs the line needs (``{item, inputs}``)."""

    @uses(r.PRODUCTION_ORDERS_ITEMS_CREATE)
    async def create(
        self, production_order_id: str, **fields: Unpack[i.ProductionOrderItemCreateFields]
    ) -> m.ProductionOrderItemDetail:
        """Add a SKU line to a production order; answers the line and the material inputs its BOM
        expands into.

        Inferred route: ``POST /api/production-orders/{production_order_id}/items``.
        """
        return await self._client.run(
            r.PRODUCTION_ORDERS_ITEMS_CREATE,
            ids={"production_order_id": production_order_id},
            body=fields,
        )

    @uses(r.PRODUCTION_ORDERS_ITEMS_UPDATE)
    async def update(
        self, item_id: str, **fields: Unpack[i.ProductionOrderItemUpdateFields]
    ) -> m.ProductionOrderItemDetail:
        """Change a line's quantity or production cost; answers the line and its recomputed inputs.

        Inferred route: ``PATCH /api/production-order-items/{item_id}``.
        """
        return await self._client.run(
            r.PRODUCTION_ORDERS_ITEMS_UPDATE, ids={"item_id": item_id}, body=fields
        )

    @uses(r.PRODUCTION_ORDERS_ITEMS_DELETE)
    async def delete(self, item_id: str) -> Deleted:
        """Remove a line (and its inputs) from its production order.

        Inferred route: ``DELETE /api/production-order-items/{item_id}``.
        """
        return await self._client.run(r.PRODUCTION_ORDERS_ITEMS_DELETE, ids={"item_id": item_id})


class AsyncProductionOrderReceiptsResource(AsyncPharusResource):
    """Receipts of finished goods against production orders
    (``client.production_orders.receipts``)."""

    @uses(r.PRODUCTION_ORDERS_RECEIPTS_CREATE)
    async def create(
        self, production_order_id: str, **fields: Unpack[i.ProductionOrderReceiptCreateFields]
    ) -> m.ProductionOrderReceiptResult:
        """Record goods received against a production order; answers the receipt, its lines and the
        updated order (a receipt presumably moves it to ``Partial`` or ``Received``, §3b).

        Inferred route: ``POST /api/production-orders/{production_order_id}/receipts``.
        """
        return await self._client.run(
            r.PRODUCTION_ORDERS_RECEIPTS_CREATE,
            ids={"production_order_id": production_order_id},
            body=fields,
        )

    @uses(r.PRODUCTION_ORDERS_RECEIPTS_LIST)
    def list(
        self, production_order_id: str, *, limit: int | None = None
    ) -> AsyncPager[m.ProductionOrderReceipt]:
        """The receipts of one production order (a small list).

        Inferred route: ``GET /api/production-orders/{production_order_id}/receipts``.
        """
        return self._client.page(
            r.PRODUCTION_ORDERS_RECEIPTS_LIST,
            ids={"production_order_id": production_order_id},
            limit=limit,
        )

    @uses(r.PRODUCTION_ORDERS_RECEIPTS_UPDATE)
    async def update(
        self, receipt_id: str, **fields: Unpack[i.ProductionOrderReceiptUpdateFields]
    ) -> m.ProductionOrderReceipt:
        """Change a receipt's date.

        Inferred route: ``PATCH /api/production-order-receipts/{receipt_id}``.
        """
        return await self._client.run(
            r.PRODUCTION_ORDERS_RECEIPTS_UPDATE, ids={"receipt_id": receipt_id}, body=fields
        )

    @uses(r.PRODUCTION_ORDERS_RECEIPTS_DELETE)
    async def delete(self, receipt_id: str) -> Deleted:
        """Delete a receipt.

        Inferred route: ``DELETE /api/production-order-receipts/{receipt_id}``.
        """
        return await self._client.run(
            r.PRODUCTION_ORDERS_RECEIPTS_DELETE, ids={"receipt_id": receipt_id}
        )

    @uses(r.PRODUCTION_ORDERS_RECEIPTS_RETRIEVE)
    async def retrieve(self, receipt_id: str) -> m.ProductionOrderReceiptDetail:
        """A receipt with its lines.

        Inferred route: ``GET /api/production-order-receipts/{receipt_id}``.
        """
        return await self._client.run(
            r.PRODUCTION_ORDERS_RECEIPTS_RETRIEVE, ids={"receipt_id": receipt_id}
        )


class AsyncProductionOrdersResource(AsyncPharusResource):
    """Production orders (``client.production_orders``), with ``items`` and ``receipts``."""

    @cached_property
    def items(self) -> AsyncProductionOrderItemsResource:
        """The SKU lines of production orders."""
        return AsyncProductionOrderItemsResource(self._client)

    @cached_property
    def receipts(self) -> AsyncProductionOrderReceiptsResource:
        """Receipts of finished goods against production orders."""
        return AsyncProductionOrderReceiptsResource(self._client)

    @uses(r.PRODUCTION_ORDERS_CREATE)
    async def create(
        self, **fields: Unpack[i.ProductionOrderCreateFields]
    ) -> m.ProductionOrderDetail:
        """Create a production order with its lines; answers the order, its items and the material
        inputs they need.

        Inferred route: ``POST /api/production-orders``.
        """
        return await self._client.run(r.PRODUCTION_ORDERS_CREATE, body=fields)

    @uses(r.PRODUCTION_ORDERS_LIST)
    def list(
        self,
        *,
        limit: int | None = None,
        page_size: int | None = None,
        start: str | None = None,
    ) -> AsyncPager[m.ProductionOrder]:
        """Every production order of the organization (cursor pages).

        Inferred route: ``GET /api/production-orders``.

        Args:
            limit: the most orders to return overall.
            page_size: the orders per request (sent as ``limit``).
            start: resume from this cursor.
        """
        return self._client.page(
            r.PRODUCTION_ORDERS_LIST, limit=limit, page_size=page_size, start=start
        )

    @uses(r.PRODUCTION_ORDERS_UPDATE)
    async def update(
        self, production_order_id: str, **fields: Unpack[i.ProductionOrderUpdateFields]
    ) -> m.ProductionOrder:
        """Change a production order's fields, status or status timestamps; answers the flat order
        (not the detail wrapper, C10).

        Inferred route: ``PATCH /api/production-orders/{production_order_id}``.
        """
        return await self._client.run(
            r.PRODUCTION_ORDERS_UPDATE,
            ids={"production_order_id": production_order_id},
            body=fields,
        )

    @uses(r.PRODUCTION_ORDERS_DELETE)
    async def delete(self, production_order_id: str) -> Deleted:
        """Delete a production order.

        Inferred route: ``DELETE /api/production-orders/{production_order_id}``.
        """
        return await self._client.run(
            r.PRODUCTION_ORDERS_DELETE, ids={"production_order_id": production_order_id}
        )

    @uses(r.PRODUCTION_ORDERS_RETRIEVE)
    async def retrieve(self, production_order_id: str) -> m.ProductionOrderDetail:
        """A production order with its items and material inputs.

        Inferred route: ``GET /api/production-orders/{production_order_id}``.
        """
        return await self._client.run(
            r.PRODUCTION_ORDERS_RETRIEVE, ids={"production_order_id": production_order_id}
        )

    @uses(r.PRODUCTION_ORDERS_BULK_IMPORT)
    async def bulk_import(
        self,
        rows: Iterable[i.ProductionOrderCreateFields | Mapping[str, Any] | APIModel],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: bool = False,
        on_batch: Callable[[BulkImportReport], object] | None = None,
    ) -> BulkImportReport:
        """Create many production orders, ``batch_size`` rows per request; one report row per input
        row (every row is checked before the first request).

        Inferred route: ``POST /api/production-orders/bulk-import``.

        ``progress=True`` shows a bar of the rows sent (the ``progress`` extra);
        ``on_batch`` is called with each batch's own `BulkImportReport` as it is answered.
        """
        return await self._bulk_import(
            r.PRODUCTION_ORDERS_BULK_IMPORT, rows, batch_size, progress=progress, on_batch=on_batch
        )

    @uses(r.PRODUCTION_ORDERS_STATUSES)
    def statuses(self, *, limit: int | None = None) -> AsyncPager[m.ProductionOrderStatus]:
        """The production order status values the API knows.

        Inferred route: ``GET /api/production-orders/statuses``.
        """
        return self._client.page(r.PRODUCTION_ORDERS_STATUSES, limit=limit)


class AsyncProductionResources(AsyncAPIClient):
    """The production resources of `AsyncPharus`."""

    @cached_property
    def work_orders(self) -> AsyncWorkOrdersResource:
        """Work orders (manufacturing at an outside work site), their items and receipts."""
        return AsyncWorkOrdersResource(self)

    @cached_property
    def production_orders(self) -> AsyncProductionOrdersResource:
        """Production orders (manufacturing at one of your locations), their items and
        receipts."""
        return AsyncProductionOrdersResource(self)
