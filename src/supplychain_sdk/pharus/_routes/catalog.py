"""Pharus rows of the catalog: locations, vendors, materials and material types, SKUs and SKU
types, bills of materials (pharus-routes.md #1-38, document order).

Every method and path is inferred (the document lost them). A bill of materials has no id of
its own: ``{sku_id}`` in its paths is the output SKU's id (A3).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..._core.lazy import LazyTypes
from ..._core.operations import IdKind, Operation
from .common import BOUNDED, CURSOR

if TYPE_CHECKING:
    from .. import _inputs as i
    from .. import _models as m
    from .._models.common import Deleted
else:  # named by reference: imported when a call first needs them (lazy.py)
    i = LazyTypes("supplychain_sdk.pharus._inputs")
    m = LazyTypes("supplychain_sdk.pharus._models")
    Deleted = LazyTypes("supplychain_sdk.pharus._models.common").Deleted

__all__ = ["ROWS"]

LOCATIONS_CREATE = Operation[m.Location](
    name="locations.create",
    method="POST",
    path="/api/locations",
    summary="Create location",
    body=i.LocationCreateFields,
    answer=m.Location,
    inferred=True,
)
LOCATIONS_LIST = Operation[m.Location](
    name="locations.list",
    method="GET",
    path="/api/locations",
    summary="List locations (bounded; no pagination)",
    answer=m.Location,
    paging=BOUNDED,
    inferred=True,
)
LOCATIONS_UPDATE = Operation[m.Location](
    name="locations.update",
    method="PATCH",
    path="/api/locations/{location_id}",
    summary="Update location",
    ids={"location_id": IdKind.UUID},
    body=i.LocationUpdateFields,
    answer=m.Location,
    inferred=True,
)
LOCATIONS_DELETE = Operation[Deleted](
    name="locations.delete",
    method="DELETE",
    path="/api/locations/{location_id}",
    summary="Delete location (gated by in-use check)",
    ids={"location_id": IdKind.UUID},
    answer=Deleted,
    inferred=True,
)
LOCATIONS_USAGE = Operation[m.LocationUsage](
    name="locations.usage",
    method="GET",
    path="/api/locations/{location_id}/usage",
    summary="Check if location is referenced anywhere",
    ids={"location_id": IdKind.UUID},
    answer=m.LocationUsage,
    inferred=True,
)
VENDORS_CREATE = Operation[m.Vendor](
    name="vendors.create",
    method="POST",
    path="/api/vendors",
    summary="Create vendor",
    body=i.VendorCreateFields,
    answer=m.Vendor,
    inferred=True,
)
VENDORS_LIST = Operation[m.Vendor](
    name="vendors.list",
    method="GET",
    path="/api/vendors",
    summary="List vendors",
    query=i.VendorListFilters,
    answer=m.Vendor,
    paging=CURSOR,
    inferred=True,
)
VENDORS_UPDATE = Operation[m.Vendor](
    name="vendors.update",
    method="PATCH",
    path="/api/vendors/{vendor_id}",
    summary="Update vendor",
    ids={"vendor_id": IdKind.UUID},
    body=i.VendorUpdateFields,
    answer=m.Vendor,
    inferred=True,
)
VENDORS_DELETE = Operation[Deleted](
    name="vendors.delete",
    method="DELETE",
    path="/api/vendors/{vendor_id}",
    summary="Delete vendor",
    ids={"vendor_id": IdKind.UUID},
    answer=Deleted,
    inferred=True,
)
VENDORS_RETRIEVE = Operation[m.Vendor](
    name="vendors.retrieve",
    method="GET",
    path="/api/vendors/{vendor_id}",
    summary="Get vendor detail",
    ids={"vendor_id": IdKind.UUID},
    answer=m.Vendor,
    inferred=True,
)
VENDORS_BULK_IMPORT = Operation[Any](
    name="vendors.bulk_import",
    method="POST",
    path="/api/vendors/bulk-import",
    summary="Bulk-import vendors",
    body=i.VendorBulkImportFields,
    answer=Any,
    inferred=True,
)
MATERIALS_CREATE = Operation[m.Material](
    name="materials.create",
    method="POST",
    path="/api/materials",
    summary="Create material",
    body=i.MaterialCreateFields,
    answer=m.Material,
    inferred=True,
)
MATERIALS_LIST = Operation[m.Material](
    name="materials.list",
    method="GET",
    path="/api/materials",
    summary="List materials",
    query=i.MaterialListFilters,
    answer=m.Material,
    paging=CURSOR,
    inferred=True,
)
MATERIALS_UPDATE = Operation[m.Material](
    name="materials.update",
    method="PATCH",
    path="/api/materials/{material_id}",
    summary="Update material",
    ids={"material_id": IdKind.UUID},
    body=i.MaterialUpdateFields,
    answer=m.Material,
    inferred=True,
)
MATERIALS_DELETE = Operation[Deleted](
    name="materials.delete",
    method="DELETE",
    path="/api/materials/{material_id}",
    summary="Delete material",
    ids={"material_id": IdKind.UUID},
    answer=Deleted,
    inferred=True,
)
MATERIALS_RETRIEVE = Operation[m.Material](
    name="materials.retrieve",
    method="GET",
    path="/api/materials/{material_id}",
    summary="Get material detail",
    ids={"material_id": IdKind.UUID},
    answer=m.Material,
    inferred=True,
)
MATERIALS_BULK_IMPORT = Operation[Any](
    name="materials.bulk_import",
    method="POST",
    path="/api/materials/bulk-import",
    summary="Bulk-import materials",
    body=i.MaterialBulkImportFields,
    answer=Any,
    inferred=True,
)
MATERIAL_TYPES_CREATE = Operation[m.MaterialType](
    name="material_types.create",
    method="POST",
    path="/api/material-types",
    summary="Create material type",
    body=i.MaterialTypeCreateFields,
    answer=m.MaterialType,
    inferred=True,
)
MATERIAL_TYPES_LIST = Operation[m.MaterialType](
    name="material_types.list",
    method="GET",
    path="/api/material-types",
    summary="List material types",
    answer=m.MaterialType,
    paging=BOUNDED,
    inferred=True,
)
MATERIAL_TYPES_UPDATE = Operation[m.MaterialType](
    name="material_types.update",
    method="PATCH",
    path="/api/material-types/{material_type_id}",
    summary="Update material type",
    ids={"material_type_id": IdKind.UUID},
    body=i.MaterialTypeUpdateFields,
    answer=m.MaterialType,
    inferred=True,
)
MATERIAL_TYPES_DELETE = Operation[Deleted](
    name="material_types.delete",
    method="DELETE",
    path="/api/material-types/{material_type_id}",
    summary="Delete material type",
    ids={"material_type_id": IdKind.UUID},
    answer=Deleted,
    inferred=True,
)
MATERIAL_TYPES_USAGE = Operation[m.MaterialTypeUsage](
    name="material_types.usage",
    method="GET",
    path="/api/material-types/{material_type_id}/usage",
    summary="Check if material type is in use",
    ids={"material_type_id": IdKind.UUID},
    answer=m.MaterialTypeUsage,
    inferred=True,
)
SKUS_CREATE = Operation[m.Sku](
    name="skus.create",
    method="POST",
    path="/api/skus",
    summary="Create SKU",
    body=i.SkuCreateFields,
    answer=m.Sku,
    inferred=True,
)
SKUS_LIST = Operation[m.Sku](
    name="skus.list",
    method="GET",
    path="/api/skus",
    summary="List SKUs",
    query=i.SkuListFilters,
    answer=m.Sku,
    paging=CURSOR,
    inferred=True,
)
SKUS_UPDATE = Operation[m.Sku](
    name="skus.update",
    method="PATCH",
    path="/api/skus/{sku_id}",
    summary="Update SKU",
    ids={"sku_id": IdKind.UUID},
    body=i.SkuUpdateFields,
    answer=m.Sku,
    inferred=True,
)
SKUS_DELETE = Operation[Deleted](
    name="skus.delete",
    method="DELETE",
    path="/api/skus/{sku_id}",
    summary="Delete SKU",
    ids={"sku_id": IdKind.UUID},
    answer=Deleted,
    inferred=True,
)
SKUS_RETRIEVE = Operation[m.Sku](
    name="skus.retrieve",
    method="GET",
    path="/api/skus/{sku_id}",
    summary="Get SKU detail",
    ids={"sku_id": IdKind.UUID},
    answer=m.Sku,
    inferred=True,
)
SKUS_BULK_IMPORT = Operation[Any](
    name="skus.bulk_import",
    method="POST",
    path="/api/skus/bulk-import",
    summary="Bulk-import SKUs",
    body=i.SkuBulkImportFields,
    answer=Any,
    inferred=True,
)
SKU_TYPES_CREATE = Operation[m.SkuType](
    name="sku_types.create",
    method="POST",
    path="/api/sku-types",
    summary="Create SKU type",
    body=i.SkuTypeCreateFields,
    answer=m.SkuType,
    inferred=True,
)
SKU_TYPES_LIST = Operation[m.SkuType](
    name="sku_types.list",
    method="GET",
    path="/api/sku-types",
    summary="List SKU types",
    answer=m.SkuType,
    paging=BOUNDED,
    inferred=True,
)
SKU_TYPES_UPDATE = Operation[m.SkuType](
    name="sku_types.update",
    method="PATCH",
    path="/api/sku-types/{sku_type_id}",
    summary="Update SKU type",
    ids={"sku_type_id": IdKind.UUID},
    body=i.SkuTypeUpdateFields,
    answer=m.SkuType,
    inferred=True,
)
SKU_TYPES_DELETE = Operation[Deleted](
    name="sku_types.delete",
    method="DELETE",
    path="/api/sku-types/{sku_type_id}",
    summary="Delete SKU type",
    ids={"sku_type_id": IdKind.UUID},
    answer=Deleted,
    inferred=True,
)
SKU_TYPES_USAGE = Operation[m.SkuTypeUsage](
    name="sku_types.usage",
    method="GET",
    path="/api/sku-types/{sku_type_id}/usage",
    summary="Check SKU type usage",
    ids={"sku_type_id": IdKind.UUID},
    answer=m.SkuTypeUsage,
    inferred=True,
)
BOMS_CREATE = Operation[m.Bom](
    name="boms.create",
    method="POST",
    path="/api/boms",
    summary="Create BOM",
    body=i.BomFields,
    answer=m.Bom,
    inferred=True,
)
BOMS_LIST = Operation[m.Bom](
    name="boms.list",
    method="GET",
    path="/api/boms",
    summary="List SKUs with BOMs",
    query=i.BomListFilters,
    answer=m.Bom,
    paging=CURSOR,
    inferred=True,
)
BOMS_REPLACE = Operation[m.Bom](
    name="boms.replace",
    method="PUT",
    path="/api/boms/{sku_id}",
    summary="Replace BOM composition",
    ids={"sku_id": IdKind.UUID},
    body=i.BomFields,
    answer=m.Bom,
    inferred=True,
)
BOMS_DELETE = Operation[Deleted](
    name="boms.delete",
    method="DELETE",
    path="/api/boms/{sku_id}",
    summary="Delete BOM",
    ids={"sku_id": IdKind.UUID},
    answer=Deleted,
    inferred=True,
)
BOMS_RETRIEVE = Operation[m.Bom](
    name="boms.retrieve",
    method="GET",
    path="/api/boms/{sku_id}",
    summary="Get BOM for a SKU",
    ids={"sku_id": IdKind.UUID},
    answer=m.Bom,
    inferred=True,
)

ROWS: tuple[Operation[Any], ...] = (
    LOCATIONS_CREATE,
    LOCATIONS_LIST,
    LOCATIONS_UPDATE,
    LOCATIONS_DELETE,
    LOCATIONS_USAGE,
    VENDORS_CREATE,
    VENDORS_LIST,
    VENDORS_UPDATE,
    VENDORS_DELETE,
    VENDORS_RETRIEVE,
    VENDORS_BULK_IMPORT,
    MATERIALS_CREATE,
    MATERIALS_LIST,
    MATERIALS_UPDATE,
    MATERIALS_DELETE,
    MATERIALS_RETRIEVE,
    MATERIALS_BULK_IMPORT,
    MATERIAL_TYPES_CREATE,
    MATERIAL_TYPES_LIST,
    MATERIAL_TYPES_UPDATE,
    MATERIAL_TYPES_DELETE,
    MATERIAL_TYPES_USAGE,
    SKUS_CREATE,
    SKUS_LIST,
    SKUS_UPDATE,
    SKUS_DELETE,
    SKUS_RETRIEVE,
    SKUS_BULK_IMPORT,
    SKU_TYPES_CREATE,
    SKU_TYPES_LIST,
    SKU_TYPES_UPDATE,
    SKU_TYPES_DELETE,
    SKU_TYPES_USAGE,
    BOMS_CREATE,
    BOMS_LIST,
    BOMS_REPLACE,
    BOMS_DELETE,
    BOMS_RETRIEVE,
)
