"""Exact-request cases of the Pharus catalog rows (#1-38): locations, vendors, materials and
material types, SKUs and SKU types, bills of materials."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from supplychain_sdk.pharus import (
    Bom,
    BulkImportReport,
    Deleted,
    Location,
    LocationUsage,
    Material,
    MaterialType,
    MaterialTypeUsage,
    Sku,
    SkuType,
    SkuTypeUsage,
    Vendor,
)
from tests.routes import Case

from .conftest import ID

OTHER = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
STAMP = "2026-01-01T00:00:00Z"

LOCATION = {
    "id": ID,
    "orgId": "org-1",
    "name": "Main plant",
    "sortOrder": 0,
    "address": "1 Mill Rd",
    "city": "Austin",
    "state": "TX",
    "country": "US",
    "zipCode": "78701",
    "notes": None,
    "isActive": True,
    "createdAt": STAMP,
    "updatedAt": STAMP,
}
VENDOR = {
    "id": ID,
    "orgId": "org-1",
    "name": "Acme Resins",
    "address": None,
    "city": "Dallas",
    "state": "TX",
    "country": "US",
    "zipCode": None,
    "term": "Net 30",
    "qboId": "QB-7",
    "notes": None,
    "isActive": True,
    "createdAt": STAMP,
    "updatedAt": STAMP,
}
MATERIAL = {
    "id": ID,
    "orgId": "org-1",
    "materialCode": "RES-01",
    "name": "Resin",
    "materialTypeId": OTHER,
    "notes": None,
    "isActive": True,
    "createdAt": STAMP,
    "updatedAt": STAMP,
}
LOOKUP = {
    "id": ID,
    "orgId": "org-1",
    "name": "Packaging",
    "sortOrder": 2,
    "isActive": True,
    "createdAt": STAMP,
}
SKU = {
    "id": ID,
    "orgId": "org-1",
    "skuCode": "CB-12",
    "name": "Cold brew 12oz",
    "skuTypeId": OTHER,
    "itemsPerUnit": 12,
    "ozPerItem": "12.50",
    "qboId": None,
    "notes": None,
    "isActive": True,
    "createdAt": STAMP,
    "updatedAt": STAMP,
}
BOM = {"outputSkuId": ID, "items": [{"materialId": OTHER, "quantity": "2.125"}]}
DELETED = {"deletedId": ID}


def _deleted(result: Any) -> None:
    assert result == Deleted(deleted_id=ID)


def _ids(result: Any) -> None:
    assert isinstance(result, BulkImportReport)
    assert result.ids == [ID, OTHER]
    assert result.ok


def _location(result: Any) -> None:
    assert isinstance(result, Location)
    assert (result.id, result.name, result.zip_code, result.sort_order) == (
        ID,
        "Main plant",
        "78701",
        0,
    )


def _locations(result: Any) -> None:
    assert [type(x) for x in result] == [Location]
    assert result[0].country == "US"


def _vendor(result: Any) -> None:
    assert isinstance(result, Vendor)
    assert (result.id, result.name, result.term, result.qbo_id) == (
        ID,
        "Acme Resins",
        "Net 30",
        "QB-7",
    )


def _vendors(result: Any) -> None:
    assert [v.name for v in result] == ["Acme Resins"]
    assert isinstance(result[0], Vendor)


def _material(result: Any) -> None:
    assert isinstance(result, Material)
    assert (result.material_code, result.material_type_id, result.is_active) == (
        "RES-01",
        OTHER,
        True,
    )


def _materials(result: Any) -> None:
    assert [type(x) for x in result] == [Material]
    assert result[0].material_code == "RES-01"


def _material_type(result: Any) -> None:
    assert isinstance(result, MaterialType)
    assert (result.name, result.sort_order, result.is_active) == ("Packaging", 2, True)


def _material_types(result: Any) -> None:
    assert [type(x) for x in result] == [MaterialType]


def _sku(result: Any) -> None:
    assert isinstance(result, Sku)
    assert (result.sku_code, result.sku_type_id, result.items_per_unit) == ("CB-12", OTHER, 12)
    assert result.oz_per_item == Decimal("12.50")
    assert str(result.oz_per_item) == "12.50"


def _skus(result: Any) -> None:
    assert [type(x) for x in result] == [Sku]
    assert result[0].oz_per_item == Decimal("12.50")


def _sku_type(result: Any) -> None:
    assert isinstance(result, SkuType)
    assert (result.id, result.name) == (ID, "Packaging")


def _sku_types(result: Any) -> None:
    assert [type(x) for x in result] == [SkuType]


def _bom(result: Any) -> None:
    assert isinstance(result, Bom)
    assert result.output_sku_id == ID
    assert result.items == [{"materialId": OTHER, "quantity": "2.125"}]


def _boms(result: Any) -> None:
    assert [type(x) for x in result] == [Bom]
    assert result[0].output_sku_id == ID


def _location_usage(result: Any) -> None:
    assert isinstance(result, LocationUsage)
    assert result.in_use is True
    assert result.references == {"purchase_orders.shipToLocationId": 2}


def _material_type_usage(result: Any) -> None:
    assert isinstance(result, MaterialTypeUsage)
    assert (result.in_use, result.material_count, result.sample_material_ids) == (
        True,
        1,
        [OTHER],
    )


def _sku_type_usage(result: Any) -> None:
    assert isinstance(result, SkuTypeUsage)
    assert (result.in_use, result.sku_count, result.sample_sku_ids) == (False, 0, [])


BOM_BODY = {"outputSkuId": ID, "items": [{"materialId": OTHER, "quantity": 2.125}]}

CASES: dict[str, Case] = {
    # -- locations ---------------------------------------------------------------------------
    "locations.create": Case(
        call=lambda c: c.locations.create(
            name="Main plant", city="Austin", country="US", zip_code="78701", notes=None
        ),
        method="POST",
        path="/api/locations",
        json={
            "name": "Main plant",
            "city": "Austin",
            "country": "US",
            "zipCode": "78701",
            "notes": None,
        },
        answer=LOCATION,
        check=_location,
    ),
    "locations.list": Case(
        call=lambda c: c.locations.list(),
        method="GET",
        path="/api/locations",
        answer={"data": [LOCATION]},
        check=_locations,
    ),
    "locations.update": Case(
        call=lambda c: c.locations.update(ID, sort_order=3, is_active=False, state=None),
        method="PATCH",
        path=f"/api/locations/{ID}",
        json={"sortOrder": 3, "isActive": False, "state": None},
        answer=LOCATION,
        check=_location,
    ),
    "locations.delete": Case(
        call=lambda c: c.locations.delete(ID),
        method="DELETE",
        path=f"/api/locations/{ID}",
        answer=DELETED,
        check=_deleted,
    ),
    "locations.usage": Case(
        call=lambda c: c.locations.usage(ID),
        method="GET",
        path=f"/api/locations/{ID}/usage",
        answer={"inUse": True, "references": {"purchase_orders.shipToLocationId": 2}},
        check=_location_usage,
    ),
    # -- vendors -----------------------------------------------------------------------------
    "vendors.create": Case(
        call=lambda c: c.vendors.create(name="Acme Resins", term="Net 30", qbo_id="QB-7"),
        method="POST",
        path="/api/vendors",
        json={"name": "Acme Resins", "term": "Net 30", "qboId": "QB-7"},
        answer=VENDOR,
        check=_vendor,
    ),
    "vendors.list": Case(
        call=lambda c: c.vendors.list(is_active=True, page_size=25),
        method="GET",
        path="/api/vendors",
        query={"isActive": "true", "limit": "25"},
        answer={"data": [VENDOR], "nextCursor": None},
        check=_vendors,
    ),
    "vendors.update": Case(
        call=lambda c: c.vendors.update(ID, name="Acme Resins", country="US", is_active=True),
        method="PATCH",
        path=f"/api/vendors/{ID}",
        json={"name": "Acme Resins", "country": "US", "isActive": True},
        answer=VENDOR,
        check=_vendor,
    ),
    "vendors.delete": Case(
        call=lambda c: c.vendors.delete(ID),
        method="DELETE",
        path=f"/api/vendors/{ID}",
        answer=DELETED,
        check=_deleted,
    ),
    "vendors.retrieve": Case(
        call=lambda c: c.vendors.retrieve(ID),
        method="GET",
        path=f"/api/vendors/{ID}",
        answer=VENDOR,
        check=_vendor,
    ),
    "vendors.bulk_import": Case(
        call=lambda c: c.vendors.bulk_import([{"name": "Acme"}, {"name": "Bolt", "zip_code": "1"}]),
        method="POST",
        path="/api/vendors/bulk-import",
        json={"rows": [{"name": "Acme"}, {"name": "Bolt", "zipCode": "1"}]},
        answer={"ids": [ID, OTHER]},
        check=_ids,
    ),
    # -- materials ---------------------------------------------------------------------------
    "materials.create": Case(
        call=lambda c: c.materials.create(code="RES-01", name="Resin", type_id=OTHER),
        method="POST",
        path="/api/materials",
        json={"code": "RES-01", "name": "Resin", "typeId": OTHER},
        answer=MATERIAL,
        check=_material,
    ),
    "materials.list": Case(
        call=lambda c: c.materials.list(active=False, type=OTHER, q="res", page_size=10),
        method="GET",
        path="/api/materials",
        query={"active": "false", "type": OTHER, "q": "res", "limit": "10"},
        answer={"data": [MATERIAL]},
        check=_materials,
    ),
    "materials.update": Case(
        call=lambda c: c.materials.update(ID, code="RES-02", notes=None),
        method="PATCH",
        path=f"/api/materials/{ID}",
        json={"code": "RES-02", "notes": None},
        answer=MATERIAL,
        check=_material,
    ),
    "materials.delete": Case(
        call=lambda c: c.materials.delete(ID),
        method="DELETE",
        path=f"/api/materials/{ID}",
        answer=DELETED,
        check=_deleted,
    ),
    "materials.retrieve": Case(
        call=lambda c: c.materials.retrieve(ID),
        method="GET",
        path=f"/api/materials/{ID}",
        answer=MATERIAL,
        check=_material,
    ),
    "materials.bulk_import": Case(
        call=lambda c: c.materials.bulk_import(
            [
                {"code": "A", "name": "Alpha", "type_id": OTHER},
                {"code": "B", "name": "Beta", "type_id": OTHER, "notes": "n"},
            ]
        ),
        method="POST",
        path="/api/materials/bulk-import",
        json={
            "rows": [
                {"code": "A", "name": "Alpha", "typeId": OTHER},
                {"code": "B", "name": "Beta", "typeId": OTHER, "notes": "n"},
            ]
        },
        answer={"ids": [ID, OTHER]},
        check=_ids,
    ),
    # -- material types ----------------------------------------------------------------------
    "material_types.create": Case(
        call=lambda c: c.material_types.create(name="Packaging"),
        method="POST",
        path="/api/material-types",
        json={"name": "Packaging"},
        answer=LOOKUP,
        check=_material_type,
    ),
    "material_types.list": Case(
        call=lambda c: c.material_types.list(),
        method="GET",
        path="/api/material-types",
        answer={"data": [LOOKUP]},
        check=_material_types,
    ),
    "material_types.update": Case(
        call=lambda c: c.material_types.update(ID, sort_order=-1, is_active=False),
        method="PATCH",
        path=f"/api/material-types/{ID}",
        json={"sortOrder": -1, "isActive": False},
        answer=LOOKUP,
        check=_material_type,
    ),
    "material_types.delete": Case(
        call=lambda c: c.material_types.delete(ID),
        method="DELETE",
        path=f"/api/material-types/{ID}",
        answer=DELETED,
        check=_deleted,
    ),
    "material_types.usage": Case(
        call=lambda c: c.material_types.usage(ID),
        method="GET",
        path=f"/api/material-types/{ID}/usage",
        answer={"inUse": True, "materialCount": 1, "sampleMaterialIds": [OTHER]},
        check=_material_type_usage,
    ),
    # -- SKUs --------------------------------------------------------------------------------
    "skus.create": Case(
        call=lambda c: c.skus.create(
            code="CB-12",
            name="Cold brew 12oz",
            type_id=OTHER,
            items_per_unit=12,
            oz_per_item=Decimal("12.50"),
        ),
        method="POST",
        path="/api/skus",
        json={
            "code": "CB-12",
            "name": "Cold brew 12oz",
            "typeId": OTHER,
            "itemsPerUnit": 12,
            "ozPerItem": 12.5,
        },
        answer=SKU,
        check=_sku,
    ),
    "skus.list": Case(
        call=lambda c: c.skus.list(
            active=True,
            items_per_unit_min=6,
            items_per_unit_max=24,
            oz_per_item_min=Decimal("8.0"),
            oz_per_item_max=16,
            q="brew",
        ),
        method="GET",
        path="/api/skus",
        query={
            "active": "true",
            "itemsPerUnitMin": "6",
            "itemsPerUnitMax": "24",
            "ozPerItemMin": "8.0",
            "ozPerItemMax": "16",
            "q": "brew",
            "limit": "100",
        },
        answer={"data": [SKU], "nextCursor": None},
        check=_skus,
    ),
    "skus.update": Case(
        call=lambda c: c.skus.update(ID, oz_per_item=None, items_per_unit=1),
        method="PATCH",
        path=f"/api/skus/{ID}",
        json={"ozPerItem": None, "itemsPerUnit": 1},
        answer=SKU,
        check=_sku,
    ),
    "skus.delete": Case(
        call=lambda c: c.skus.delete(ID),
        method="DELETE",
        path=f"/api/skus/{ID}",
        answer=DELETED,
        check=_deleted,
    ),
    "skus.retrieve": Case(
        call=lambda c: c.skus.retrieve(ID),
        method="GET",
        path=f"/api/skus/{ID}",
        answer=SKU,
        check=_sku,
    ),
    "skus.bulk_import": Case(
        call=lambda c: c.skus.bulk_import(
            [
                {"code": "A", "name": "Alpha", "type_id": OTHER, "oz_per_item": Decimal("1.10")},
                {"code": "B", "name": "Beta", "type_id": OTHER},
            ]
        ),
        method="POST",
        path="/api/skus/bulk-import",
        json={
            "rows": [
                {"code": "A", "name": "Alpha", "typeId": OTHER, "ozPerItem": 1.1},
                {"code": "B", "name": "Beta", "typeId": OTHER},
            ]
        },
        answer={"ids": [ID, OTHER]},
        check=_ids,
    ),
    # -- SKU types ---------------------------------------------------------------------------
    "sku_types.create": Case(
        call=lambda c: c.sku_types.create(name="Packaging"),
        method="POST",
        path="/api/sku-types",
        json={"name": "Packaging"},
        answer=LOOKUP,
        check=_sku_type,
    ),
    "sku_types.list": Case(
        call=lambda c: c.sku_types.list(limit=5),
        method="GET",
        path="/api/sku-types",
        answer={"data": [LOOKUP]},
        check=_sku_types,
    ),
    "sku_types.update": Case(
        call=lambda c: c.sku_types.update(ID, name="Packaging"),
        method="PATCH",
        path=f"/api/sku-types/{ID}",
        json={"name": "Packaging"},
        answer=LOOKUP,
        check=_sku_type,
    ),
    "sku_types.delete": Case(
        call=lambda c: c.sku_types.delete(ID),
        method="DELETE",
        path=f"/api/sku-types/{ID}",
        answer=DELETED,
        check=_deleted,
    ),
    "sku_types.usage": Case(
        call=lambda c: c.sku_types.usage(ID),
        method="GET",
        path=f"/api/sku-types/{ID}/usage",
        answer={"inUse": False, "skuCount": 0, "sampleSkuIds": []},
        check=_sku_type_usage,
    ),
    # -- bills of materials --------------------------------------------------------------------
    "boms.create": Case(
        call=lambda c: c.boms.create(
            output_sku_id=ID, items=[{"materialId": OTHER, "quantity": Decimal("2.125")}]
        ),
        method="POST",
        path="/api/boms",
        json=BOM_BODY,
        answer=BOM,
        check=_bom,
    ),
    "boms.list": Case(
        call=lambda c: c.boms.list(q="brew", limit=1),
        method="GET",
        path="/api/boms",
        query={"q": "brew", "limit": "1"},
        answer={"data": [BOM], "nextCursor": "more"},
        check=_boms,
    ),
    "boms.replace": Case(
        call=lambda c: c.boms.replace(
            ID, output_sku_id=ID, items=[{"materialId": OTHER, "quantity": Decimal("2.125")}]
        ),
        method="PUT",
        path=f"/api/boms/{ID}",
        json=BOM_BODY,
        answer=BOM,
        check=_bom,
    ),
    "boms.delete": Case(
        call=lambda c: c.boms.delete(ID),
        method="DELETE",
        path=f"/api/boms/{ID}",
        answer=DELETED,
        check=_deleted,
    ),
    "boms.retrieve": Case(
        call=lambda c: c.boms.retrieve(ID),
        method="GET",
        path=f"/api/boms/{ID}",
        answer=BOM,
        check=_bom,
    ),
}
#: Public methods of this group that are composites (several rows, or none).
COMPOSITES: set[str] = set()
