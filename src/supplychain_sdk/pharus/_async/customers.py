"""Pharus resources: customers, customer types, customer segments, brokers (#163-183)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..._core._async.client import AsyncAPIClient
from ..._core._async.pager import AsyncPager
from ..._core.operations import uses
from .._bulk import DEFAULT_BATCH_SIZE
from .._routes import customers as r
from .base import AsyncPharusResource

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ..._core.models import APIModel
    from .._inputs import customers as i
    from .._models import customers as m
    from .._models.common import BulkImportReport, Deleted

__all__ = [
    "AsyncBrokersResource",
    "AsyncCustomerSegmentsResource",
    "AsyncCustomerTypesResource",
    "AsyncCustomersResource",
    "AsyncCustomersResources",
]


class AsyncCustomersResource(AsyncPharusResource):
    """Customers (``client.customers``)."""

    @uses(r.CUSTOMERS_CREATE)
    async def create(self, **fields: Unpack[i.CustomerCreateFields]) -> m.Customer:
        """Create a customer (``type_id`` is answered as ``customer_type_id``).

        Inferred route: ``POST /api/customers``.
        """
        return await self._client.run(r.CUSTOMERS_CREATE, body=fields)

    @uses(r.CUSTOMERS_LIST)
    def list(
        self,
        *,
        limit: int | None = None,
        page_size: int | None = None,
        start: str | None = None,
        **filters: Unpack[i.CustomerListFilters],
    ) -> AsyncPager[m.Customer]:
        """Customers, page by page, filtered by ``active``, ``type``, ``segment``,
        ``broker``, ``parent_customer`` or a search text ``q``.

        Inferred route: ``GET /api/customers``.
        """
        return self._client.page(
            r.CUSTOMERS_LIST, query=filters, limit=limit, page_size=page_size, start=start
        )

    @uses(r.CUSTOMERS_UPDATE)
    async def update(
        self, customer_id: str, **fields: Unpack[i.CustomerUpdateFields]
    ) -> m.Customer:
        """Change a customer; only the fields given change.

        Inferred route: ``PATCH /api/customers/{customer_id}``.
        """
        return await self._client.run(
            r.CUSTOMERS_UPDATE, ids={"customer_id": customer_id}, body=fields
        )

    @uses(r.CUSTOMERS_DELETE)
    async def delete(self, customer_id: str) -> Deleted:
        """Delete a customer; one with sales orders, child customers or contacts raises
        `InUseError`.

        Inferred route: ``DELETE /api/customers/{customer_id}``.
        """
        return await self._client.run(r.CUSTOMERS_DELETE, ids={"customer_id": customer_id})

    @uses(r.CUSTOMERS_RETRIEVE)
    async def retrieve(self, customer_id: str) -> m.Customer:
        """One customer.

        Inferred route: ``GET /api/customers/{customer_id}``.
        """
        return await self._client.run(r.CUSTOMERS_RETRIEVE, ids={"customer_id": customer_id})

    @uses(r.CUSTOMERS_BULK_IMPORT)
    async def bulk_import(
        self,
        rows: Iterable[Mapping[str, Any] | APIModel],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: bool = False,
        on_batch: Callable[[BulkImportReport], object] | None = None,
    ) -> BulkImportReport:
        """Create many customers (rows shaped like `create`'s fields), ``batch_size`` per
        request; every row is checked before the first request.

        Inferred route: ``POST /api/customers/bulk-import``.

        ``progress=True`` shows a bar of the rows sent (the ``progress`` extra);
        ``on_batch`` is called with each batch's own `BulkImportReport` as it is answered.
        """
        return await self._bulk_import(
            r.CUSTOMERS_BULK_IMPORT, rows, batch_size, progress=progress, on_batch=on_batch
        )


class AsyncCustomerTypesResource(AsyncPharusResource):
    """Customer types: a lookup table of customers (``client.customer_types``)."""

    @uses(r.CUSTOMER_TYPES_CREATE)
    async def create(self, **fields: Unpack[i.CustomerTypeCreateFields]) -> m.CustomerType:
        """Create a customer type.

        Inferred route: ``POST /api/customer-types``.
        """
        return await self._client.run(r.CUSTOMER_TYPES_CREATE, body=fields)

    @uses(r.CUSTOMER_TYPES_LIST)
    def list(self, *, limit: int | None = None) -> AsyncPager[m.CustomerType]:
        """Every customer type (a small list).

        Inferred route: ``GET /api/customer-types``.
        """
        return self._client.page(r.CUSTOMER_TYPES_LIST, limit=limit)

    @uses(r.CUSTOMER_TYPES_UPDATE)
    async def update(
        self, type_id: str, **fields: Unpack[i.CustomerTypeUpdateFields]
    ) -> m.CustomerType:
        """Rename, reorder or (de)activate a customer type; only the fields given change.

        Inferred route: ``PATCH /api/customer-types/{type_id}``.
        """
        return await self._client.run(
            r.CUSTOMER_TYPES_UPDATE, ids={"type_id": type_id}, body=fields
        )

    @uses(r.CUSTOMER_TYPES_DELETE)
    async def delete(self, type_id: str) -> Deleted:
        """Delete a customer type; one still in use raises `InUseError` (check with `usage`).

        Inferred route: ``DELETE /api/customer-types/{type_id}``.
        """
        return await self._client.run(r.CUSTOMER_TYPES_DELETE, ids={"type_id": type_id})

    @uses(r.CUSTOMER_TYPES_USAGE)
    async def usage(self, type_id: str) -> m.CustomerTypeUsage:
        """Whether customers use this type: their count and a few of their ids.

        Inferred route: ``GET /api/customer-types/{type_id}/usage``.
        """
        return await self._client.run(r.CUSTOMER_TYPES_USAGE, ids={"type_id": type_id})


class AsyncCustomerSegmentsResource(AsyncPharusResource):
    """Customer segments: a lookup table of customers (``client.customer_segments``)."""

    @uses(r.CUSTOMER_SEGMENTS_CREATE)
    async def create(self, **fields: Unpack[i.CustomerSegmentCreateFields]) -> m.CustomerSegment:
        """Create a customer segment.

        Inferred route: ``POST /api/customer-segments``.
        """
        return await self._client.run(r.CUSTOMER_SEGMENTS_CREATE, body=fields)

    @uses(r.CUSTOMER_SEGMENTS_LIST)
    def list(self, *, limit: int | None = None) -> AsyncPager[m.CustomerSegment]:
        """Every customer segment (a small list).

        Inferred route: ``GET /api/customer-segments``.
        """
        return self._client.page(r.CUSTOMER_SEGMENTS_LIST, limit=limit)

    @uses(r.CUSTOMER_SEGMENTS_UPDATE)
    async def update(
        self, segment_id: str, **fields: Unpack[i.CustomerSegmentUpdateFields]
    ) -> m.CustomerSegment:
        """Rename, reorder or (de)activate a customer segment; only the fields given change.

        Inferred route: ``PATCH /api/customer-segments/{segment_id}``.
        """
        return await self._client.run(
            r.CUSTOMER_SEGMENTS_UPDATE, ids={"segment_id": segment_id}, body=fields
        )

    @uses(r.CUSTOMER_SEGMENTS_DELETE)
    async def delete(self, segment_id: str) -> Deleted:
        """Delete a customer segment; one still in use raises `InUseError` (check with `usage`).

        Inferred route: ``DELETE /api/customer-segments/{segment_id}``.
        """
        return await self._client.run(r.CUSTOMER_SEGMENTS_DELETE, ids={"segment_id": segment_id})

    @uses(r.CUSTOMER_SEGMENTS_USAGE)
    async def usage(self, segment_id: str) -> m.CustomerSegmentUsage:
        """Whether customers use this segment: their count and a few of their ids.

        Inferred route: ``GET /api/customer-segments/{segment_id}/usage``.
        """
        return await self._client.run(r.CUSTOMER_SEGMENTS_USAGE, ids={"segment_id": segment_id})


class AsyncBrokersResource(AsyncPharusResource):
    """Brokers: who earns a fee on customers' sales orders (``client.brokers``)."""

    @uses(r.BROKERS_CREATE)
    async def create(self, **fields: Unpack[i.BrokerCreateFields]) -> m.Broker:
        """Create a broker.

        Inferred route: ``POST /api/brokers``.
        """
        return await self._client.run(r.BROKERS_CREATE, body=fields)

    @uses(r.BROKERS_LIST)
    def list(self, *, limit: int | None = None) -> AsyncPager[m.Broker]:
        """Every broker (a small list).

        Inferred route: ``GET /api/brokers``.
        """
        return self._client.page(r.BROKERS_LIST, limit=limit)

    @uses(r.BROKERS_UPDATE)
    async def update(self, broker_id: str, **fields: Unpack[i.BrokerUpdateFields]) -> m.Broker:
        """Rename, reorder or (de)activate a broker; only the fields given change.

        Inferred route: ``PATCH /api/brokers/{broker_id}``.
        """
        return await self._client.run(r.BROKERS_UPDATE, ids={"broker_id": broker_id}, body=fields)

    @uses(r.BROKERS_DELETE)
    async def delete(self, broker_id: str) -> Deleted:
        """Delete a broker; one still in use raises `InUseError` (check with `usage`).

        Inferred route: ``DELETE /api/brokers/{broker_id}``.
        """
        return await self._client.run(r.BROKERS_DELETE, ids={"broker_id": broker_id})

    @uses(r.BROKERS_USAGE)
    async def usage(self, broker_id: str) -> m.BrokerUsage:
        """Whether customers and sales orders use this broker, and how many of each.

        Inferred route: ``GET /api/brokers/{broker_id}/usage``.
        """
        return await self._client.run(r.BROKERS_USAGE, ids={"broker_id": broker_id})


class AsyncCustomersResources(AsyncAPIClient):
    """The customers resources of `AsyncPharus`."""

    @cached_property
    def customers(self) -> AsyncCustomersResource:
        """Customers."""
        return AsyncCustomersResource(self)

    @cached_property
    def customer_types(self) -> AsyncCustomerTypesResource:
        """Customer types (a lookup table with a usage check)."""
        return AsyncCustomerTypesResource(self)

    @cached_property
    def customer_segments(self) -> AsyncCustomerSegmentsResource:
        """Customer segments (a lookup table with a usage check)."""
        return AsyncCustomerSegmentsResource(self)

    @cached_property
    def brokers(self) -> AsyncBrokersResource:
        """Brokers (a lookup table with a usage check over customers and sales orders)."""
        return AsyncBrokersResource(self)
