"""Pharus resources of the catalog: locations, vendors, materials and material types, SKUs
and SKU types, bills of materials.

Every method is one row of the route table (``pharus/_routes/catalog.py``); its method and
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
from .._routes import catalog as r
from .base import AsyncPharusResource

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ..._core.models import APIModel
    from .._inputs import catalog as i
    from .._models import catalog as m
    from .._models.common import BulkImportReport, Deleted

__all__ = [
    "AsyncBomsResource",
    "AsyncCatalogResources",
    "AsyncLocationsResource",
    "AsyncMaterialTypesResource",
    "AsyncMaterialsResource",
    "AsyncSkuTypesResource",
    "AsyncSkusResource",
    "AsyncVendorsResource",
]


class AsyncLocationsResource(AsyncPharusResource):
    """Locations: warehouses, plants and sites where inventory is kept."""

    @uses(r.LOCATIONS_CREATE)
    async def create(self, **fields: Unpack[i.LocationCreateFields]) -> m.Location:
        """Create a location.

        Inferred route: ``POST /api/locations``.
        """
        return await self._client.run(r.LOCATIONS_CREATE, body=fields)

    @uses(r.LOCATIONS_LIST)
    def list(self, *, limit: int | None = None) -> AsyncPager[m.Location]:
        """Every location of the organization (a small list: one request).

        Inferred route: ``GET /api/locations``.

        Args:
            limit: the most locations to return.
        """
        return self._client.page(r.LOCATIONS_LIST, limit=limit)

    @uses(r.LOCATIONS_UPDATE)
    async def update(
        self, location_id: str, **fields: Unpack[i.LocationUpdateFields]
    ) -> m.Location:
        """Change a location; only the fields given are sent (``is_active=False``
        deactivates it).

        Inferred route: ``PATCH /api/locations/{location_id}``.
        """
        return await self._client.run(
            r.LOCATIONS_UPDATE, ids={"location_id": location_id}, body=fields
        )

    @uses(r.LOCATIONS_DELETE)
    async def delete(self, location_id: str) -> Deleted:
        """Delete a location that nothing refers to.

        Inferred route: ``DELETE /api/locations/{location_id}``.

        Raises:
            InUseError: orders, inventory or other records refer to the location (check
                first with `usage`).
        """
        return await self._client.run(r.LOCATIONS_DELETE, ids={"location_id": location_id})

    @uses(r.LOCATIONS_USAGE)
    async def usage(self, location_id: str) -> m.LocationUsage:
        """Whether anything refers to a location, and what (before deleting it).

        Inferred route: ``GET /api/locations/{location_id}/usage``.
        """
        return await self._client.run(r.LOCATIONS_USAGE, ids={"location_id": location_id})


class AsyncVendorsResource(AsyncPharusResource):
    """Vendors: the suppliers purchase orders are placed with."""

    @uses(r.VENDORS_CREATE)
    async def create(self, **fields: Unpack[i.VendorCreateFields]) -> m.Vendor:
        """Create a vendor.

        Inferred route: ``POST /api/vendors``.
        """
        return await self._client.run(r.VENDORS_CREATE, body=fields)

    @uses(r.VENDORS_LIST)
    def list(
        self,
        *,
        limit: int | None = None,
        page_size: int | None = None,
        start: str | None = None,
        **filters: Unpack[i.VendorListFilters],
    ) -> AsyncPager[m.Vendor]:
        """Vendors, as a lazy pager following ``nextCursor``.

        Inferred route: ``GET /api/vendors``.

        Args:
            limit: the most vendors to return overall.
            page_size: vendors per request (sent as ``limit``).
            start: a cursor to resume from.
            **filters: ``is_active`` (sent as ``"true"``/``"false"``).
        """
        return self._client.page(
            r.VENDORS_LIST, query=filters, limit=limit, page_size=page_size, start=start
        )

    @uses(r.VENDORS_UPDATE)
    async def update(self, vendor_id: str, **fields: Unpack[i.VendorUpdateFields]) -> m.Vendor:
        """Change a vendor; only the fields given are sent.

        Inferred route: ``PATCH /api/vendors/{vendor_id}``.
        """
        return await self._client.run(r.VENDORS_UPDATE, ids={"vendor_id": vendor_id}, body=fields)

    @uses(r.VENDORS_DELETE)
    async def delete(self, vendor_id: str) -> Deleted:
        """Delete a vendor.

        Inferred route: ``DELETE /api/vendors/{vendor_id}``.

        Raises:
            InUseError: purchase orders refer to the vendor (deactivate it instead with
                ``update(vendor_id, is_active=False)``).
        """
        return await self._client.run(r.VENDORS_DELETE, ids={"vendor_id": vendor_id})

    @uses(r.VENDORS_RETRIEVE)
    async def retrieve(self, vendor_id: str) -> m.Vendor:
        """One vendor by id.

        Inferred route: ``GET /api/vendors/{vendor_id}``.
        """
        return await self._client.run(r.VENDORS_RETRIEVE, ids={"vendor_id": vendor_id})

    @uses(r.VENDORS_BULK_IMPORT)
    async def bulk_import(
        self,
        rows: Iterable[i.VendorCreateFields | Mapping[str, Any] | APIModel],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: bool = False,
        on_batch: Callable[[BulkImportReport], object] | None = None,
    ) -> BulkImportReport:
        """Create many vendors, in batches; one report row per input row.

        Inferred route: ``POST /api/vendors/bulk-import``.

        Every row is checked like `create`'s fields before the first request. A batch the
        API refuses puts each of its rows in the report as an error; the other batches
        still go. Never retried (a batch may have been applied).

        ``progress=True`` shows a bar of the rows sent (the ``progress`` extra);
        ``on_batch`` is called with each batch's own `BulkImportReport` as it is answered.
        """
        return await self._bulk_import(
            r.VENDORS_BULK_IMPORT, rows, batch_size, progress=progress, on_batch=on_batch
        )


class AsyncMaterialsResource(AsyncPharusResource):
    """Materials: raw materials and components, each of a material type."""

    @uses(r.MATERIALS_CREATE)
    async def create(self, **fields: Unpack[i.MaterialCreateFields]) -> m.Material:
        """Create a material (``code`` comes back as ``material_code``, ``type_id`` as
        ``material_type_id``).

        Inferred route: ``POST /api/materials``.
        """
        return await self._client.run(r.MATERIALS_CREATE, body=fields)

    @uses(r.MATERIALS_LIST)
    def list(
        self,
        *,
        limit: int | None = None,
        page_size: int | None = None,
        start: str | None = None,
        **filters: Unpack[i.MaterialListFilters],
    ) -> AsyncPager[m.Material]:
        """Materials, as a lazy pager following ``nextCursor``.

        Inferred route: ``GET /api/materials``.

        Args:
            limit: the most materials to return overall.
            page_size: materials per request (sent as ``limit``).
            start: a cursor to resume from.
            **filters: ``active`` (sent as ``"true"``/``"false"``), ``type``, ``q``.
        """
        return self._client.page(
            r.MATERIALS_LIST, query=filters, limit=limit, page_size=page_size, start=start
        )

    @uses(r.MATERIALS_UPDATE)
    async def update(
        self, material_id: str, **fields: Unpack[i.MaterialUpdateFields]
    ) -> m.Material:
        """Change a material; only the fields given are sent.

        Inferred route: ``PATCH /api/materials/{material_id}``.
        """
        return await self._client.run(
            r.MATERIALS_UPDATE, ids={"material_id": material_id}, body=fields
        )

    @uses(r.MATERIALS_DELETE)
    async def delete(self, material_id: str) -> Deleted:
        """Delete a material.

        Inferred route: ``DELETE /api/materials/{material_id}``.

        Raises:
            InUseError: inventory entries or bills of materials refer to the material.
        """
        return await self._client.run(r.MATERIALS_DELETE, ids={"material_id": material_id})

    @uses(r.MATERIALS_RETRIEVE)
    async def retrieve(self, material_id: str) -> m.Material:
        """One material by id.

        Inferred route: ``GET /api/materials/{material_id}``.
        """
        return await self._client.run(r.MATERIALS_RETRIEVE, ids={"material_id": material_id})

    @uses(r.MATERIALS_BULK_IMPORT)
    async def bulk_import(
        self,
        rows: Iterable[i.MaterialCreateFields | Mapping[str, Any] | APIModel],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: bool = False,
        on_batch: Callable[[BulkImportReport], object] | None = None,
    ) -> BulkImportReport:
        """Create many materials, in batches; one report row per input row.

        Inferred route: ``POST /api/materials/bulk-import``.

        Every row is checked like `create`'s fields before the first request. A batch the
        API refuses puts each of its rows in the report as an error; the other batches
        still go. Never retried (a batch may have been applied).

        ``progress=True`` shows a bar of the rows sent (the ``progress`` extra);
        ``on_batch`` is called with each batch's own `BulkImportReport` as it is answered.
        """
        return await self._bulk_import(
            r.MATERIALS_BULK_IMPORT, rows, batch_size, progress=progress, on_batch=on_batch
        )


class AsyncMaterialTypesResource(AsyncPharusResource):
    """Material types: the lookup table materials are classified by."""

    @uses(r.MATERIAL_TYPES_CREATE)
    async def create(self, **fields: Unpack[i.MaterialTypeCreateFields]) -> m.MaterialType:
        """Create a material type.

        Inferred route: ``POST /api/material-types``.
        """
        return await self._client.run(r.MATERIAL_TYPES_CREATE, body=fields)

    @uses(r.MATERIAL_TYPES_LIST)
    def list(self, *, limit: int | None = None) -> AsyncPager[m.MaterialType]:
        """Every material type (a small list: one request).

        Inferred route: ``GET /api/material-types``.

        Args:
            limit: the most material types to return.
        """
        return self._client.page(r.MATERIAL_TYPES_LIST, limit=limit)

    @uses(r.MATERIAL_TYPES_UPDATE)
    async def update(
        self, material_type_id: str, **fields: Unpack[i.MaterialTypeUpdateFields]
    ) -> m.MaterialType:
        """Change a material type (``is_active=False`` deactivates it).

        Inferred route: ``PATCH /api/material-types/{material_type_id}``.
        """
        return await self._client.run(
            r.MATERIAL_TYPES_UPDATE, ids={"material_type_id": material_type_id}, body=fields
        )

    @uses(r.MATERIAL_TYPES_DELETE)
    async def delete(self, material_type_id: str) -> Deleted:
        """Delete a material type no material has.

        Inferred route: ``DELETE /api/material-types/{material_type_id}``.

        Raises:
            InUseError: materials have this type (check first with `usage`).
        """
        return await self._client.run(
            r.MATERIAL_TYPES_DELETE, ids={"material_type_id": material_type_id}
        )

    @uses(r.MATERIAL_TYPES_USAGE)
    async def usage(self, material_type_id: str) -> m.MaterialTypeUsage:
        """Whether materials have this type: how many, and a few of their ids.

        Inferred route: ``GET /api/material-types/{material_type_id}/usage``.
        """
        return await self._client.run(
            r.MATERIAL_TYPES_USAGE, ids={"material_type_id": material_type_id}
        )


class AsyncSkusResource(AsyncPharusResource):
    """SKUs: the finished-goods products (the document's "Products" section)."""

    @uses(r.SKUS_CREATE)
    async def create(self, **fields: Unpack[i.SkuCreateFields]) -> m.Sku:
        """Create a SKU (``code`` comes back as ``sku_code``, ``type_id`` as ``sku_type_id``).

        Inferred route: ``POST /api/skus``.
        """
        return await self._client.run(r.SKUS_CREATE, body=fields)

    @uses(r.SKUS_LIST)
    def list(
        self,
        *,
        limit: int | None = None,
        page_size: int | None = None,
        start: str | None = None,
        **filters: Unpack[i.SkuListFilters],
    ) -> AsyncPager[m.Sku]:
        """SKUs, as a lazy pager following ``nextCursor``.

        Inferred route: ``GET /api/skus``.

        Args:
            limit: the most SKUs to return overall.
            page_size: SKUs per request (sent as ``limit``).
            start: a cursor to resume from.
            **filters: ``active`` (sent as ``"true"``/``"false"``), ``type``,
                ``items_per_unit_min``/``_max``, ``oz_per_item_min``/``_max``, ``q``.
        """
        return self._client.page(
            r.SKUS_LIST, query=filters, limit=limit, page_size=page_size, start=start
        )

    @uses(r.SKUS_UPDATE)
    async def update(self, sku_id: str, **fields: Unpack[i.SkuUpdateFields]) -> m.Sku:
        """Change a SKU; only the fields given are sent.

        Inferred route: ``PATCH /api/skus/{sku_id}``.
        """
        return await self._client.run(r.SKUS_UPDATE, ids={"sku_id": sku_id}, body=fields)

    @uses(r.SKUS_DELETE)
    async def delete(self, sku_id: str) -> Deleted:
        """Delete a SKU.

        Inferred route: ``DELETE /api/skus/{sku_id}``.

        Raises:
            InUseError: inventory entries or bills of materials refer to the SKU.
        """
        return await self._client.run(r.SKUS_DELETE, ids={"sku_id": sku_id})

    @uses(r.SKUS_RETRIEVE)
    async def retrieve(self, sku_id: str) -> m.Sku:
        """One SKU by id.

        Inferred route: ``GET /api/skus/{sku_id}``.
        """
        return await self._client.run(r.SKUS_RETRIEVE, ids={"sku_id": sku_id})

    @uses(r.SKUS_BULK_IMPORT)
    async def bulk_import(
        self,
        rows: Iterable[i.SkuCreateFields | Mapping[str, Any] | APIModel],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: bool = False,
        on_batch: Callable[[BulkImportReport], object] | None = None,
    ) -> BulkImportReport:
        """Create many SKUs, in batches; one report row per input row.

        Inferred route: ``POST /api/skus/bulk-import``.

        Every row is checked like `create`'s fields before the first request. A batch the
        API refuses puts each of its rows in the report as an error; the other batches
        still go. Never retried (a batch may have been applied).

        ``progress=True`` shows a bar of the rows sent (the ``progress`` extra);
        ``on_batch`` is called with each batch's own `BulkImportReport` as it is answered.
        """
        return await self._bulk_import(
            r.SKUS_BULK_IMPORT, rows, batch_size, progress=progress, on_batch=on_batch
        )


class AsyncSkuTypesResource(AsyncPharusResource):
    """SKU types: the lookup table SKUs are classified by."""

    @uses(r.SKU_TYPES_CREATE)
    async def create(self, **fields: Unpack[i.SkuTypeCreateFields]) -> m.SkuType:
        """Create a SKU type.

        Inferred route: ``POST /api/sku-types``.
        """
        return await self._client.run(r.SKU_TYPES_CREATE, body=fields)

    @uses(r.SKU_TYPES_LIST)
    def list(self, *, limit: int | None = None) -> AsyncPager[m.SkuType]:
        """Every SKU type (a small list: one request).

        Inferred route: ``GET /api/sku-types``.

        Args:
            limit: the most SKU types to return.
        """
        return self._client.page(r.SKU_TYPES_LIST, limit=limit)

    @uses(r.SKU_TYPES_UPDATE)
    async def update(self, sku_type_id: str, **fields: Unpack[i.SkuTypeUpdateFields]) -> m.SkuType:
        """Change a SKU type (``is_active=False`` deactivates it).

        Inferred route: ``PATCH /api/sku-types/{sku_type_id}``.
        """
        return await self._client.run(
            r.SKU_TYPES_UPDATE, ids={"sku_type_id": sku_type_id}, body=fields
        )

    @uses(r.SKU_TYPES_DELETE)
    async def delete(self, sku_type_id: str) -> Deleted:
        """Delete a SKU type no SKU has.

        Inferred route: ``DELETE /api/sku-types/{sku_type_id}``.

        Raises:
            InUseError: SKUs have this type (check first with `usage`).
        """
        return await self._client.run(r.SKU_TYPES_DELETE, ids={"sku_type_id": sku_type_id})

    @uses(r.SKU_TYPES_USAGE)
    async def usage(self, sku_type_id: str) -> m.SkuTypeUsage:
        """Whether SKUs have this type: how many, and a few of their ids.

        Inferred route: ``GET /api/sku-types/{sku_type_id}/usage``.
        """
        return await self._client.run(r.SKU_TYPES_USAGE, ids={"sku_type_id": sku_type_id})


class AsyncBomsResource(AsyncPharusResource):
    """Bills of materials: what one SKU is made of.

    A bill of materials has no id of its own: it is addressed by its output SKU's id
    (pharus-routes.md A3). The element schema of ``items`` is collapsed in the document:
    items are sent and returned as dicts in the API's names.
    """

    @uses(r.BOMS_CREATE)
    async def create(self, **fields: Unpack[i.BomFields]) -> m.Bom:
        """Create the bill of materials of ``output_sku_id`` from ``items``.

        Inferred route: ``POST /api/boms``.
        """
        return await self._client.run(r.BOMS_CREATE, body=fields)

    @uses(r.BOMS_LIST)
    def list(
        self,
        *,
        limit: int | None = None,
        page_size: int | None = None,
        start: str | None = None,
        **filters: Unpack[i.BomListFilters],
    ) -> AsyncPager[m.Bom]:
        """The SKUs that have a bill of materials, as a lazy pager following ``nextCursor``.

        Inferred route: ``GET /api/boms``.

        The document collapses the element shape; each is read as a `Bom` (fields the SDK
        does not know, such as SKU details, are kept as extra attributes).

        Args:
            limit: the most entries to return overall.
            page_size: entries per request (sent as ``limit``).
            start: a cursor to resume from.
            **filters: ``q`` (search).
        """
        return self._client.page(
            r.BOMS_LIST, query=filters, limit=limit, page_size=page_size, start=start
        )

    @uses(r.BOMS_REPLACE)
    async def replace(self, sku_id: str, **fields: Unpack[i.BomFields]) -> m.Bom:
        """Replace the whole composition of a SKU's bill of materials.

        Inferred route: ``PUT /api/boms/{sku_id}``.

        ``output_sku_id`` is required by the document too (usually ``sku_id`` again).
        """
        return await self._client.run(r.BOMS_REPLACE, ids={"sku_id": sku_id}, body=fields)

    @uses(r.BOMS_DELETE)
    async def delete(self, sku_id: str) -> Deleted:
        """Delete a SKU's bill of materials (the SKU stays).

        Inferred route: ``DELETE /api/boms/{sku_id}``.
        """
        return await self._client.run(r.BOMS_DELETE, ids={"sku_id": sku_id})

    @uses(r.BOMS_RETRIEVE)
    async def retrieve(self, sku_id: str) -> m.Bom:
        """The bill of materials of one SKU.

        Inferred route: ``GET /api/boms/{sku_id}``.
        """
        return await self._client.run(r.BOMS_RETRIEVE, ids={"sku_id": sku_id})


class AsyncCatalogResources(AsyncAPIClient):
    """The catalog resources of `AsyncPharus`."""

    @cached_property
    def locations(self) -> AsyncLocationsResource:
        """Locations: create, list, update, delete (gated by use), usage."""
        return AsyncLocationsResource(self)

    @cached_property
    def vendors(self) -> AsyncVendorsResource:
        """Vendors: create, list, retrieve, update, delete, bulk import."""
        return AsyncVendorsResource(self)

    @cached_property
    def materials(self) -> AsyncMaterialsResource:
        """Materials: create, list, retrieve, update, delete, bulk import."""
        return AsyncMaterialsResource(self)

    @cached_property
    def material_types(self) -> AsyncMaterialTypesResource:
        """Material types: create, list, update, delete, usage."""
        return AsyncMaterialTypesResource(self)

    @cached_property
    def skus(self) -> AsyncSkusResource:
        """SKUs (products): create, list, retrieve, update, delete, bulk import."""
        return AsyncSkusResource(self)

    @cached_property
    def sku_types(self) -> AsyncSkuTypesResource:
        """SKU types: create, list, update, delete, usage."""
        return AsyncSkuTypesResource(self)

    @cached_property
    def boms(self) -> AsyncBomsResource:
        """Bills of materials, by output SKU: create, list, retrieve, replace, delete."""
        return AsyncBomsResource(self)
