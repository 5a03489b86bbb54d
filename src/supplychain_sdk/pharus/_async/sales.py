"""Pharus resources: sales orders, their items and timeline notes, order channels
(pharus-routes.md #67-87)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..._core._async.client import AsyncAPIClient
from ..._core._async.pager import AsyncPager
from ..._core.operations import uses
from .._bulk import DEFAULT_BATCH_SIZE
from .._routes import sales as r
from .base import AsyncPharusResource

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ..._core.models import APIModel
    from .._inputs import sales as i
    from .._models import sales as m
    from .._models.common import BulkImportReport, Deleted

__all__ = [
    "AsyncOrderChannelsResource",
    "AsyncSalesOrderItemsResource",
    "AsyncSalesOrderTimelineNotesResource",
    "AsyncSalesOrdersResource",
    "AsyncSalesResources",
]


class AsyncSalesOrderItemsResource(AsyncPharusResource):
    """The lines of sales orders (``client.sales_orders.items``)."""

    @uses(r.SALES_ORDERS_ITEMS_CREATE)
    async def create(
        self, sales_order_id: str, **fields: Unpack[i.SalesOrderItemCreateFields]
    ) -> m.SalesOrderItem:
        """Add a line (SKU, whole quantity, unit price) to a sales order.

        Inferred route: ``POST /api/sales-orders/{sales_order_id}/items``.
        """
        return await self._client.run(
            r.SALES_ORDERS_ITEMS_CREATE, ids={"sales_order_id": sales_order_id}, body=fields
        )

    @uses(r.SALES_ORDERS_ITEMS_LIST)
    def list(
        self, sales_order_id: str, *, limit: int | None = None
    ) -> AsyncPager[m.SalesOrderItem]:
        """The lines of one sales order.

        Inferred route: ``GET /api/sales-orders/{sales_order_id}/items``.
        """
        return self._client.page(
            r.SALES_ORDERS_ITEMS_LIST, ids={"sales_order_id": sales_order_id}, limit=limit
        )

    @uses(r.SALES_ORDERS_ITEMS_UPDATE)
    async def update(
        self, item_id: str, **fields: Unpack[i.SalesOrderItemUpdateFields]
    ) -> m.SalesOrderItem:
        """Change a line; only the fields given change.

        Inferred route: ``PATCH /api/sales-order-items/{item_id}``.
        """
        return await self._client.run(
            r.SALES_ORDERS_ITEMS_UPDATE, ids={"item_id": item_id}, body=fields
        )

    @uses(r.SALES_ORDERS_ITEMS_DELETE)
    async def delete(self, item_id: str) -> Deleted:
        """Remove a line from its sales order.

        Inferred route: ``DELETE /api/sales-order-items/{item_id}``.
        """
        return await self._client.run(r.SALES_ORDERS_ITEMS_DELETE, ids={"item_id": item_id})


class AsyncSalesOrderTimelineNotesResource(AsyncPharusResource):
    """Notes on sales orders' timelines (``client.sales_orders.timeline_notes``)."""

    @uses(r.SALES_ORDERS_TIMELINE_NOTES_CREATE)
    async def create(
        self, sales_order_id: str, **fields: Unpack[i.SalesOrderTimelineNoteCreateFields]
    ) -> m.SalesOrderTimelineNote:
        """Add a note (``body``) to a sales order's timeline, optionally at a status.

        Inferred route: ``POST /api/sales-orders/{sales_order_id}/timeline-notes``.
        """
        return await self._client.run(
            r.SALES_ORDERS_TIMELINE_NOTES_CREATE,
            ids={"sales_order_id": sales_order_id},
            body=fields,
        )

    @uses(r.SALES_ORDERS_TIMELINE_NOTES_LIST)
    def list(
        self, sales_order_id: str, *, limit: int | None = None
    ) -> AsyncPager[m.SalesOrderTimelineNote]:
        """The timeline notes of one sales order.

        Inferred route: ``GET /api/sales-orders/{sales_order_id}/timeline-notes``.
        """
        return self._client.page(
            r.SALES_ORDERS_TIMELINE_NOTES_LIST,
            ids={"sales_order_id": sales_order_id},
            limit=limit,
        )

    @uses(r.SALES_ORDERS_TIMELINE_NOTES_DELETE)
    async def delete(self, note_id: str) -> Deleted:
        """Delete a timeline note.

        Inferred route: ``DELETE /api/sales-order-timeline-notes/{note_id}``.
        """
        return await self._client.run(
            r.SALES_ORDERS_TIMELINE_NOTES_DELETE, ids={"note_id": note_id}
        )


class AsyncSalesOrdersResource(AsyncPharusResource):
    """Sales orders (``client.sales_orders``), with ``.items`` and ``.timeline_notes``."""

    @cached_property
    def items(self) -> AsyncSalesOrderItemsResource:
        """The lines of sales orders."""
        return AsyncSalesOrderItemsResource(self._client)

    @cached_property
    def timeline_notes(self) -> AsyncSalesOrderTimelineNotesResource:
        """Notes on sales orders' timelines."""
        return AsyncSalesOrderTimelineNotesResource(self._client)

    @uses(r.SALES_ORDERS_CREATE)
    async def create(self, **fields: Unpack[i.SalesOrderCreateFields]) -> m.SalesOrderDetail:
        """Create a sales order with its items; answers the order and its items.

        Inferred route: ``POST /api/sales-orders``.
        """
        return await self._client.run(r.SALES_ORDERS_CREATE, body=fields)

    @uses(r.SALES_ORDERS_LIST)
    def list(
        self,
        *,
        limit: int | None = None,
        page_size: int | None = None,
        start: str | None = None,
    ) -> AsyncPager[m.SalesOrder]:
        """Every sales order of the organization, page by page (flat orders, no items).

        Inferred route: ``GET /api/sales-orders``.
        """
        return self._client.page(r.SALES_ORDERS_LIST, limit=limit, page_size=page_size, start=start)

    @uses(r.SALES_ORDERS_UPDATE)
    async def update(
        self, sales_order_id: str, **fields: Unpack[i.SalesOrderUpdateFields]
    ) -> m.SalesOrder:
        """Change a sales order (not its items); answers the flat order.

        A status the API does not allow from the current one raises
        `InvalidTransitionError`.

        Inferred route: ``PATCH /api/sales-orders/{sales_order_id}``.
        """
        return await self._client.run(
            r.SALES_ORDERS_UPDATE, ids={"sales_order_id": sales_order_id}, body=fields
        )

    @uses(r.SALES_ORDERS_DELETE)
    async def delete(self, sales_order_id: str) -> Deleted:
        """Delete a sales order.

        Inferred route: ``DELETE /api/sales-orders/{sales_order_id}``.
        """
        return await self._client.run(r.SALES_ORDERS_DELETE, ids={"sales_order_id": sales_order_id})

    @uses(r.SALES_ORDERS_RETRIEVE)
    async def retrieve(self, sales_order_id: str) -> m.SalesOrderDetail:
        """A sales order with its items.

        Inferred route: ``GET /api/sales-orders/{sales_order_id}``.
        """
        return await self._client.run(
            r.SALES_ORDERS_RETRIEVE, ids={"sales_order_id": sales_order_id}
        )

    @uses(r.SALES_ORDERS_BULK_IMPORT)
    async def bulk_import(
        self,
        rows: Iterable[Mapping[str, Any] | APIModel],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: bool = False,
        on_batch: Callable[[BulkImportReport], object] | None = None,
    ) -> BulkImportReport:
        """Create many sales orders (rows shaped like `create`'s fields), ``batch_size``
        per request; every row is checked before the first request.

        Inferred route: ``POST /api/sales-orders/bulk-import``.

        ``progress=True`` shows a bar of the rows sent (the ``progress`` extra);
        ``on_batch`` is called with each batch's own `BulkImportReport` as it is answered.
        """
        return await self._bulk_import(
            r.SALES_ORDERS_BULK_IMPORT, rows, batch_size, progress=progress, on_batch=on_batch
        )

    @uses(r.SALES_ORDERS_LIST_ORDER_STATUSES)
    def list_order_statuses(self, *, limit: int | None = None) -> AsyncPager[m.SalesOrderStatus]:
        """The order statuses the API knows (``Received`` ... ``In-Dispute``, ``Completed``).

        Inferred route: ``GET /api/sales-orders/order-statuses``.
        """
        return self._client.page(r.SALES_ORDERS_LIST_ORDER_STATUSES, limit=limit)

    @uses(r.SALES_ORDERS_LIST_FULFILLMENT_STATUSES)
    def list_fulfillment_statuses(
        self, *, limit: int | None = None
    ) -> AsyncPager[m.FulfillmentStatus]:
        """The fulfilment statuses the API knows (``Pending``, ``Partial``, ``Fulfilled``).

        Inferred route: ``GET /api/sales-orders/fulfillment-statuses``.
        """
        return self._client.page(r.SALES_ORDERS_LIST_FULFILLMENT_STATUSES, limit=limit)


class AsyncOrderChannelsResource(AsyncPharusResource):
    """Order channels: where sales orders come from (``client.order_channels``)."""

    @uses(r.ORDER_CHANNELS_CREATE)
    async def create(self, **fields: Unpack[i.OrderChannelCreateFields]) -> m.OrderChannel:
        """Create an order channel.

        Inferred route: ``POST /api/order-channels``.
        """
        return await self._client.run(r.ORDER_CHANNELS_CREATE, body=fields)

    @uses(r.ORDER_CHANNELS_LIST)
    def list(self, *, limit: int | None = None) -> AsyncPager[m.OrderChannel]:
        """Every order channel, active or not (a small list).

        Inferred route: ``GET /api/order-channels``.
        """
        return self._client.page(r.ORDER_CHANNELS_LIST, limit=limit)

    @uses(r.ORDER_CHANNELS_UPDATE)
    async def update(
        self, channel_id: str, **fields: Unpack[i.OrderChannelUpdateFields]
    ) -> m.OrderChannel:
        """Rename, reorder or (de)activate an order channel.

        Inferred route: ``PATCH /api/order-channels/{channel_id}``.
        """
        return await self._client.run(
            r.ORDER_CHANNELS_UPDATE, ids={"channel_id": channel_id}, body=fields
        )

    @uses(r.ORDER_CHANNELS_DELETE)
    async def delete(self, channel_id: str) -> Deleted | m.OrderChannel:
        """Delete an order channel: a deactivation, undone by `reactivate`.

        Answers the deactivated channel, or ``Deleted`` if the API deletes it for good (the
        document shows ``{deletedId}``); check with ``isinstance``.

        Inferred route: ``DELETE /api/order-channels/{channel_id}``.
        """
        return await self._client.run(r.ORDER_CHANNELS_DELETE, ids={"channel_id": channel_id})

    @uses(r.ORDER_CHANNELS_REACTIVATE)
    async def reactivate(self, channel_id: str) -> m.OrderChannel:
        """Reactivate a deleted (deactivated) order channel.

        Inferred route: ``POST /api/order-channels/{channel_id}/reactivate``.
        """
        return await self._client.run(r.ORDER_CHANNELS_REACTIVATE, ids={"channel_id": channel_id})

    @uses(r.ORDER_CHANNELS_USAGE)
    async def usage(self, channel_id: str) -> m.OrderChannelUsage:
        """Whether sales orders use an order channel, and how many.

        Inferred route: ``GET /api/order-channels/{channel_id}/usage``.
        """
        return await self._client.run(r.ORDER_CHANNELS_USAGE, ids={"channel_id": channel_id})


class AsyncSalesResources(AsyncAPIClient):
    """The sales resources of `AsyncPharus`."""

    @cached_property
    def sales_orders(self) -> AsyncSalesOrdersResource:
        """Sales orders, their items, timeline notes and status lists."""
        return AsyncSalesOrdersResource(self)

    @cached_property
    def order_channels(self) -> AsyncOrderChannelsResource:
        """Order channels (delete deactivates; ``reactivate`` undoes it)."""
        return AsyncOrderChannelsResource(self)
