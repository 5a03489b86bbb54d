"""Pharus resources: purchase orders, their items and receipts (``client.purchase_orders``)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..._core._async.client import AsyncAPIClient
from ..._core._async.pager import AsyncPager
from ..._core.operations import uses
from .._bulk import DEFAULT_BATCH_SIZE
from .._routes.purchasing import (
    PURCHASE_ORDERS_BULK_IMPORT,
    PURCHASE_ORDERS_CREATE,
    PURCHASE_ORDERS_DELETE,
    PURCHASE_ORDERS_ITEMS_CREATE,
    PURCHASE_ORDERS_ITEMS_DELETE,
    PURCHASE_ORDERS_ITEMS_LIST,
    PURCHASE_ORDERS_ITEMS_LIST_ALL,
    PURCHASE_ORDERS_ITEMS_UPDATE,
    PURCHASE_ORDERS_LIST,
    PURCHASE_ORDERS_PDF,
    PURCHASE_ORDERS_RECEIPTS_CREATE,
    PURCHASE_ORDERS_RECEIPTS_DELETE,
    PURCHASE_ORDERS_RECEIPTS_LIST,
    PURCHASE_ORDERS_RECEIPTS_RETRIEVE,
    PURCHASE_ORDERS_RECEIPTS_UPDATE,
    PURCHASE_ORDERS_RETRIEVE,
    PURCHASE_ORDERS_STATUSES,
    PURCHASE_ORDERS_UPDATE,
    pdf_request,
)
from .base import AsyncPharusResource

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ..._core.models import APIModel
    from .._inputs.purchasing import (
        PurchaseOrderCreateFields,
        PurchaseOrderItemCreateFields,
        PurchaseOrderItemUpdateFields,
        PurchaseOrderReceiptCreateFields,
        PurchaseOrderReceiptUpdateFields,
        PurchaseOrderUpdateFields,
    )
    from .._models.common import BulkImportReport, Deleted
    from .._models.purchasing import (
        PurchaseOrder,
        PurchaseOrderDetail,
        PurchaseOrderItem,
        PurchaseOrderReceipt,
        PurchaseOrderReceiptDetail,
        PurchaseOrderReceiptResult,
        PurchaseOrderStatus,
    )

__all__ = [
    "AsyncPurchaseOrderItemsResource",
    "AsyncPurchaseOrderReceiptsResource",
    "AsyncPurchaseOrdersResource",
    "AsyncPurchasingResources",
]


class AsyncPurchaseOrderItemsResource(AsyncPharusResource):
    """The lines of purchase orders (``client.purchase_orders.items``)."""

    @uses(PURCHASE_ORDERS_ITEMS_CREATE)
    async def create(
        self, purchase_order_id: str, **fields: Unpack[PurchaseOrderItemCreateFields]
    ) -> PurchaseOrderItem:
        """Add a line (a material or a SKU) to a purchase order.

        Inferred route: ``POST /api/purchase-orders/{purchase_order_id}/items``.
        """
        return await self._client.run(
            PURCHASE_ORDERS_ITEMS_CREATE, ids={"purchase_order_id": purchase_order_id}, body=fields
        )

    @uses(PURCHASE_ORDERS_ITEMS_LIST)
    def list(
        self, purchase_order_id: str, *, limit: int | None = None
    ) -> AsyncPager[PurchaseOrderItem]:
        """The lines of one purchase order (a small list).

        Inferred route: ``GET /api/purchase-orders/{purchase_order_id}/items``.
        """
        return self._client.page(
            PURCHASE_ORDERS_ITEMS_LIST, ids={"purchase_order_id": purchase_order_id}, limit=limit
        )

    @uses(PURCHASE_ORDERS_ITEMS_UPDATE)
    async def update(
        self, item_id: str, **fields: Unpack[PurchaseOrderItemUpdateFields]
    ) -> PurchaseOrderItem:
        """Change a purchase-order line.

        Inferred route: ``PATCH /api/purchase-order-items/{item_id}``.
        """
        return await self._client.run(
            PURCHASE_ORDERS_ITEMS_UPDATE, ids={"item_id": item_id}, body=fields
        )

    @uses(PURCHASE_ORDERS_ITEMS_DELETE)
    async def delete(self, item_id: str) -> Deleted:
        """Remove a line from its purchase order.

        Inferred route: ``DELETE /api/purchase-order-items/{item_id}``.
        """
        return await self._client.run(PURCHASE_ORDERS_ITEMS_DELETE, ids={"item_id": item_id})

    @uses(PURCHASE_ORDERS_ITEMS_LIST_ALL)
    def list_all(
        self,
        *,
        limit: int | None = None,
        page_size: int | None = None,
        start: str | None = None,
    ) -> AsyncPager[PurchaseOrderItem]:
        """Every purchase-order line of the organization, across orders (cursor pages).

        Inferred route: ``GET /api/purchase-order-items``.

        Args:
            limit: the most items to return overall.
            page_size: the items per request (sent as ``limit``).
            start: resume from this cursor.
        """
        return self._client.page(
            PURCHASE_ORDERS_ITEMS_LIST_ALL, limit=limit, page_size=page_size, start=start
        )


class AsyncPurchaseOrderReceiptsResource(AsyncPharusResource):
    """Receipts of goods against purchase orders (``client.purchase_orders.receipts``)."""

    @uses(PURCHASE_ORDERS_RECEIPTS_CREATE)
    async def create(
        self, purchase_order_id: str, **fields: Unpack[PurchaseOrderReceiptCreateFields]
    ) -> PurchaseOrderReceiptResult:
        """Record goods received against a purchase order.

        The answer holds the receipt, its lines and the updated order (a receipt
        presumably moves the order to ``Partial`` or ``Received``, §3b).

        Inferred route: ``POST /api/purchase-orders/{purchase_order_id}/receipts``.
        """
        return await self._client.run(
            PURCHASE_ORDERS_RECEIPTS_CREATE,
            ids={"purchase_order_id": purchase_order_id},
            body=fields,
        )

    @uses(PURCHASE_ORDERS_RECEIPTS_LIST)
    def list(
        self, purchase_order_id: str, *, limit: int | None = None
    ) -> AsyncPager[PurchaseOrderReceipt]:
        """The receipts of one purchase order (a small list).

        Inferred route: ``GET /api/purchase-orders/{purchase_order_id}/receipts``.
        """
        return self._client.page(
            PURCHASE_ORDERS_RECEIPTS_LIST, ids={"purchase_order_id": purchase_order_id}, limit=limit
        )

    @uses(PURCHASE_ORDERS_RECEIPTS_UPDATE)
    async def update(
        self, receipt_id: str, **fields: Unpack[PurchaseOrderReceiptUpdateFields]
    ) -> PurchaseOrderReceipt:
        """Change a receipt's date.

        Inferred route: ``PATCH /api/purchase-order-receipts/{receipt_id}``.
        """
        return await self._client.run(
            PURCHASE_ORDERS_RECEIPTS_UPDATE, ids={"receipt_id": receipt_id}, body=fields
        )

    @uses(PURCHASE_ORDERS_RECEIPTS_DELETE)
    async def delete(self, receipt_id: str) -> Deleted:
        """Delete a receipt.

        Inferred route: ``DELETE /api/purchase-order-receipts/{receipt_id}``.
        """
        return await self._client.run(
            PURCHASE_ORDERS_RECEIPTS_DELETE, ids={"receipt_id": receipt_id}
        )

    @uses(PURCHASE_ORDERS_RECEIPTS_RETRIEVE)
    async def retrieve(self, receipt_id: str) -> PurchaseOrderReceiptDetail:
        """A receipt with its lines.

        Inferred route: ``GET /api/purchase-order-receipts/{receipt_id}``.
        """
        return await self._client.run(
            PURCHASE_ORDERS_RECEIPTS_RETRIEVE, ids={"receipt_id": receipt_id}
        )


class AsyncPurchaseOrdersResource(AsyncPharusResource):
    """Purchase orders (``client.purchase_orders``), with ``items`` and ``receipts``."""

    @cached_property
    def items(self) -> AsyncPurchaseOrderItemsResource:
        """The lines of purchase orders."""
        return AsyncPurchaseOrderItemsResource(self._client)

    @cached_property
    def receipts(self) -> AsyncPurchaseOrderReceiptsResource:
        """Receipts of goods against purchase orders."""
        return AsyncPurchaseOrderReceiptsResource(self._client)

    @uses(PURCHASE_ORDERS_CREATE)
    async def create(self, **fields: Unpack[PurchaseOrderCreateFields]) -> PurchaseOrderDetail:
        """Create a purchase order with its lines; answers the order and its items.

        Inferred route: ``POST /api/purchase-orders``.
        """
        return await self._client.run(PURCHASE_ORDERS_CREATE, body=fields)

    @uses(PURCHASE_ORDERS_LIST)
    def list(
        self,
        *,
        limit: int | None = None,
        page_size: int | None = None,
        start: str | None = None,
    ) -> AsyncPager[PurchaseOrder]:
        """Every purchase order of the organization (cursor pages).

        Inferred route: ``GET /api/purchase-orders``.

        Args:
            limit: the most orders to return overall.
            page_size: the orders per request (sent as ``limit``).
            start: resume from this cursor.
        """
        return self._client.page(
            PURCHASE_ORDERS_LIST, limit=limit, page_size=page_size, start=start
        )

    @uses(PURCHASE_ORDERS_UPDATE)
    async def update(
        self, purchase_order_id: str, **fields: Unpack[PurchaseOrderUpdateFields]
    ) -> PurchaseOrder:
        """Change a purchase order's fields, status or status timestamps; answers the flat
        order (not the ``{purchaseOrder, items}`` wrapper, C10).

        Inferred route: ``PATCH /api/purchase-orders/{purchase_order_id}``.
        """
        return await self._client.run(
            PURCHASE_ORDERS_UPDATE, ids={"purchase_order_id": purchase_order_id}, body=fields
        )

    @uses(PURCHASE_ORDERS_DELETE)
    async def delete(self, purchase_order_id: str) -> Deleted:
        """Delete a purchase order.

        Inferred route: ``DELETE /api/purchase-orders/{purchase_order_id}``.
        """
        return await self._client.run(
            PURCHASE_ORDERS_DELETE, ids={"purchase_order_id": purchase_order_id}
        )

    @uses(PURCHASE_ORDERS_RETRIEVE)
    async def retrieve(self, purchase_order_id: str) -> PurchaseOrderDetail:
        """A purchase order with its items.

        Inferred route: ``GET /api/purchase-orders/{purchase_order_id}``.
        """
        return await self._client.run(
            PURCHASE_ORDERS_RETRIEVE, ids={"purchase_order_id": purchase_order_id}
        )

    @uses(PURCHASE_ORDERS_BULK_IMPORT)
    async def bulk_import(
        self,
        rows: Iterable[PurchaseOrderCreateFields | Mapping[str, Any] | APIModel],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: bool = False,
        on_batch: Callable[[BulkImportReport], object] | None = None,
    ) -> BulkImportReport:
        """Create many purchase orders, ``batch_size`` rows per request; one report row per
        input row (every row is checked before the first request).

        Inferred route: ``POST /api/purchase-orders/bulk-import``.

        ``progress=True`` shows a bar of the rows sent (the ``progress`` extra);
        ``on_batch`` is called with each batch's own `BulkImportReport` as it is answered.
        """
        return await self._bulk_import(
            PURCHASE_ORDERS_BULK_IMPORT, rows, batch_size, progress=progress, on_batch=on_batch
        )

    @uses(PURCHASE_ORDERS_PDF)
    async def pdf(self, purchase_order_id: str) -> bytes:
        """The purchase order as a PDF document: its raw bytes.

        The document shows no answer for this operation (A9); an error answer raises as
        usual. Inferred route: ``GET /api/purchase-orders/{purchase_order_id}/pdf``.
        """
        buffer = io.BytesIO()
        await self._client._send(pdf_request(self._client, purchase_order_id), sink=buffer)
        return buffer.getvalue()

    @uses(PURCHASE_ORDERS_STATUSES)
    def statuses(self, *, limit: int | None = None) -> AsyncPager[PurchaseOrderStatus]:
        """The purchase-order status values the API knows.

        Inferred route: ``GET /api/purchase-orders/statuses``.
        """
        return self._client.page(PURCHASE_ORDERS_STATUSES, limit=limit)


class AsyncPurchasingResources(AsyncAPIClient):
    """The purchasing resources of `AsyncPharus`."""

    @cached_property
    def purchase_orders(self) -> AsyncPurchaseOrdersResource:
        """Purchase orders, their items and receipts, the PDF and the status list."""
        return AsyncPurchaseOrdersResource(self)
