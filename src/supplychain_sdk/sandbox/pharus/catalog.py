"""Pharus fake: the catalog handlers (locations, vendors, materials and material types, SKUs
and SKU types, bills of materials).

Records are stored in the API's answer names (a material's request ``code`` is stored as
``materialCode``, ``typeId`` as ``materialTypeId``; a SKU's as ``skuCode``/``skuTypeId``).
Deletes are hard (``{deletedId}``) and refused with 409 ``in_use`` while other records
refer to the entity: other groups' records by the collection and field names of §2b.
Decimals are read from the raw request body exactly and answered as strings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from .._framework import SandboxResponse, json_response
from ._engine import Call, PharusEngine, SandboxError

__all__ = ["LOCATION_REFERENCES", "CatalogHandlers"]

#: What refers to a location (``"<collection>.<field>"``): deleting it is refused while any do.
LOCATION_REFERENCES = (
    "purchase_orders.shipToLocationId",
    "sales_orders.fulfillmentLocationId",
    "work_orders.workSiteId",
    "production_orders.locationId",
    "materials_ledger.locationId",
    "materials_ledger.toLocationId",
    "fg_ledger.locationId",
    "fg_ledger.toLocationId",
)
VENDOR_REFERENCES = ("purchase_orders.vendorId", "contact_links.entityId")
MATERIAL_REFERENCES = (
    "materials_ledger.materialId",
    "purchase_order_items.materialId",
    "work_order_inputs.materialId",
    "production_order_inputs.materialId",
)
SKU_REFERENCES = (
    "fg_ledger.skuId",
    "purchase_order_items.skuId",
    "sales_order_items.skuId",
    "work_order_items.skuId",
    "production_order_items.skuId",
)
#: How many ids a usage check samples.
SAMPLE_SIZE = 5

_LOCATION_FIELDS = ("name", "address", "city", "state", "country", "zipCode", "notes")
_VENDOR_FIELDS = (
    "name",
    "address",
    "city",
    "state",
    "country",
    "zipCode",
    "term",
    "qboId",
    "notes",
)
#: Request name -> stored (answer) name.
_MATERIAL_RENAMES = {"code": "materialCode", "typeId": "materialTypeId"}
_SKU_RENAMES = {"code": "skuCode", "typeId": "skuTypeId"}


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _flag(call: Call, name: str) -> bool | None:
    raw = call.query(name)
    if raw is None:
        return None
    if raw not in ("true", "false"):
        raise SandboxError(
            400, "validation_failed", f"{name} must be 'true' or 'false'", {"fieldErrors": {}}
        )
    return raw == "true"


def _number(call: Call, name: str) -> Decimal | None:
    raw = call.query(name)
    if raw is None:
        return None
    try:
        number = Decimal(raw)
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite():
        raise SandboxError(400, "validation_failed", f"{name} must be a number")
    return number


def _matches(q: str | None, *values: Any) -> bool:
    if not q:
        return True
    needle = q.casefold()
    return any(isinstance(v, str) and needle in v.casefold() for v in values)


class CatalogHandlers(PharusEngine):
    """Handlers of the catalog rows (#1-38)."""

    #: No catalog route documents a role above the defaults (member writes, viewer reads).
    MIN_ROLE: ClassVar[Mapping[str, str]] = {}

    # -- shared steps ----------------------------------------------------------------------------
    def _catalog_lookup_name_free(
        self, call: Call, collection: str, name: str, own: str | None
    ) -> None:
        for record in self.rows(call, collection):
            if record["id"] != own and str(record.get("name", "")).casefold() == name.casefold():
                raise SandboxError(409, "conflict", f"{collection} {name!r} already exists")

    def _catalog_code_free(
        self, call: Call, collection: str, field: str, code: str, own: str | None
    ) -> None:
        for record in self.rows(call, collection):
            if record["id"] != own and record.get(field) == code:
                raise SandboxError(
                    409, "conflict", f"code {code!r} is already used", {"field": field}
                )

    def _catalog_type_exists(self, call: Call, collection: str, type_id: str, field: str) -> None:
        record = self.table(collection).get(type_id)
        if record is None or record.get("orgId") != call.org():
            raise SandboxError(
                400,
                "validation_failed",
                f"{field} names no {collection.replace('_', ' ')[:-1]} of this organization",
                {"fieldErrors": {field: ["not found"]}},
            )

    def _catalog_bulk(
        self, call: Call, create: Callable[[Call, Mapping[str, Any], Any], dict[str, Any]]
    ) -> SandboxResponse:
        """All rows or none: every row is checked before any is stored; ``{ids: [...]}``."""
        rows = call.body()["rows"]
        raw_rows = (call.raw() or {}).get("rows", [])
        if not rows:
            raise SandboxError(400, "validation_failed", "rows is empty")
        snapshot = {name: dict(table) for name, table in self.tables.items()}
        ids: list[str] = []
        try:
            for index, row in enumerate(rows):
                raw = raw_rows[index] if index < len(raw_rows) else row
                try:
                    ids.append(create(call, row, raw)["id"])
                except SandboxError as exc:
                    exc.details = {**exc.details, "row": index}
                    exc.message = f"row {index}: {exc.message}"
                    raise
        except SandboxError:
            self.tables.clear()
            self.tables.update(snapshot)
            raise
        return json_response({"ids": ids})

    def _catalog_lookup_usage(
        self, call: Call, collection: str, type_id: str, users: str, field: str
    ) -> list[str]:
        self.find(call, collection, type_id)
        return [r["id"] for r in self.rows(call, users, lambda r: r.get(field) == type_id)]

    def _catalog_boms_using(self, call: Call, record_id: str, key: str) -> int:
        count = 0
        for bom in self.rows(call, "boms"):
            items = bom.get("items") or []
            if bom.get("outputSkuId") == record_id or any(
                isinstance(item, Mapping) and item.get(key) == record_id for item in items
            ):
                count += 1
        return count

    def _catalog_remove_unused(
        self,
        call: Call,
        collection: str,
        record_id: str,
        references: Iterable[str],
        bom_key: str | None = None,
    ) -> SandboxResponse:
        self.find(call, collection, record_id)
        used = self.referrers(call, record_id, references)
        if bom_key is not None:
            boms = self._catalog_boms_using(call, record_id, bom_key)
            if boms:
                used["boms.items"] = boms
        if used:
            raise SandboxError(
                409, "in_use", f"{collection} {record_id} is in use", {"references": used}
            )
        del self.table(collection)[record_id]
        return json_response({"deletedId": record_id})

    # -- locations (#1-5) --------------------------------------------------------------------------
    def on_locations_create(self, call: Call) -> SandboxResponse:
        body = call.body()
        fields = {name: body.get(name) for name in _LOCATION_FIELDS}
        fields["sortOrder"] = len(self.rows(call, "locations"))
        return json_response(self.insert(call, "locations", fields))

    def on_locations_list(self, call: Call) -> SandboxResponse:
        rows = sorted(self.rows(call, "locations"), key=lambda r: (r["sortOrder"], r["name"]))
        return self.page(call, rows)

    def on_locations_update(self, call: Call) -> SandboxResponse:
        return json_response(self.change(call, "locations", call.ids["location_id"], call.body()))

    def on_locations_delete(self, call: Call) -> SandboxResponse:
        return self._catalog_remove_unused(
            call, "locations", call.ids["location_id"], LOCATION_REFERENCES
        )

    def on_locations_usage(self, call: Call) -> SandboxResponse:
        location_id = call.ids["location_id"]
        self.find(call, "locations", location_id)
        used = self.referrers(call, location_id, LOCATION_REFERENCES)
        return json_response({"inUse": bool(used), "references": used})

    # -- vendors (#6-11) ---------------------------------------------------------------------------
    def _catalog_new_vendor(self, call: Call, body: Mapping[str, Any], raw: Any) -> dict[str, Any]:
        return self.insert(call, "vendors", {name: body.get(name) for name in _VENDOR_FIELDS})

    def on_vendors_create(self, call: Call) -> SandboxResponse:
        return json_response(self._catalog_new_vendor(call, call.body(), None))

    def on_vendors_list(self, call: Call) -> SandboxResponse:
        active = _flag(call, "isActive")
        return self.page(
            call,
            self.rows(call, "vendors", lambda r: active is None or r["isActive"] is active),
        )

    def on_vendors_update(self, call: Call) -> SandboxResponse:
        return json_response(self.change(call, "vendors", call.ids["vendor_id"], call.body()))

    def on_vendors_delete(self, call: Call) -> SandboxResponse:
        return self._catalog_remove_unused(
            call, "vendors", call.ids["vendor_id"], VENDOR_REFERENCES
        )

    def on_vendors_retrieve(self, call: Call) -> SandboxResponse:
        return json_response(self.find(call, "vendors", call.ids["vendor_id"]))

    def on_vendors_bulk_import(self, call: Call) -> SandboxResponse:
        return self._catalog_bulk(call, self._catalog_new_vendor)

    # -- materials (#12-17) ------------------------------------------------------------------------
    def _catalog_material_fields(
        self, call: Call, body: Mapping[str, Any], own: str | None
    ) -> dict[str, Any]:
        if "typeId" in body:
            self._catalog_type_exists(call, "material_types", body["typeId"], "typeId")
        if "code" in body:
            self._catalog_code_free(call, "materials", "materialCode", body["code"], own)
        return {_MATERIAL_RENAMES.get(k, k): v for k, v in body.items()}

    def _catalog_new_material(
        self, call: Call, body: Mapping[str, Any], raw: Any
    ) -> dict[str, Any]:
        fields = self._catalog_material_fields(call, body, None)
        fields.setdefault("notes", None)
        return self.insert(call, "materials", fields)

    def on_materials_create(self, call: Call) -> SandboxResponse:
        return json_response(self._catalog_new_material(call, call.body(), None))

    def on_materials_list(self, call: Call) -> SandboxResponse:
        active, kind, q = _flag(call, "active"), call.query("type"), call.query("q")
        return self.page(
            call,
            self.rows(
                call,
                "materials",
                lambda r: (
                    (active is None or r["isActive"] is active)
                    and (kind is None or r["materialTypeId"] == kind)
                    and _matches(q, r["materialCode"], r["name"])
                ),
            ),
        )

    def on_materials_update(self, call: Call) -> SandboxResponse:
        material_id = call.ids["material_id"]
        self.find(call, "materials", material_id)
        fields = self._catalog_material_fields(call, call.body(), material_id)
        return json_response(self.change(call, "materials", material_id, fields))

    def on_materials_delete(self, call: Call) -> SandboxResponse:
        return self._catalog_remove_unused(
            call, "materials", call.ids["material_id"], MATERIAL_REFERENCES, "materialId"
        )

    def on_materials_retrieve(self, call: Call) -> SandboxResponse:
        return json_response(self.find(call, "materials", call.ids["material_id"]))

    def on_materials_bulk_import(self, call: Call) -> SandboxResponse:
        return self._catalog_bulk(call, self._catalog_new_material)

    # -- material types (#18-22) -------------------------------------------------------------------
    def _catalog_new_lookup(self, call: Call, collection: str) -> dict[str, Any]:
        name = call.body()["name"]
        self._catalog_lookup_name_free(call, collection, name, None)
        record = self.insert(
            call, collection, {"name": name, "sortOrder": len(self.rows(call, collection))}
        )
        record.pop("updatedAt", None)  # lookup entries carry no updatedAt (§2b)
        return record

    def _catalog_change_lookup(self, call: Call, collection: str, record_id: str) -> dict[str, Any]:
        body = call.body()
        self.find(call, collection, record_id)
        if "name" in body:
            self._catalog_lookup_name_free(call, collection, body["name"], record_id)
        return self.change(call, collection, record_id, body)

    def _catalog_lookup_list(self, call: Call, collection: str) -> SandboxResponse:
        rows = sorted(self.rows(call, collection), key=lambda r: (r["sortOrder"], r["name"]))
        return self.page(call, rows)

    def on_material_types_create(self, call: Call) -> SandboxResponse:
        return json_response(self._catalog_new_lookup(call, "material_types"))

    def on_material_types_list(self, call: Call) -> SandboxResponse:
        return self._catalog_lookup_list(call, "material_types")

    def on_material_types_update(self, call: Call) -> SandboxResponse:
        return json_response(
            self._catalog_change_lookup(call, "material_types", call.ids["material_type_id"])
        )

    def on_material_types_delete(self, call: Call) -> SandboxResponse:
        return self._catalog_remove_unused(
            call, "material_types", call.ids["material_type_id"], ("materials.materialTypeId",)
        )

    def on_material_types_usage(self, call: Call) -> SandboxResponse:
        ids = self._catalog_lookup_usage(
            call, "material_types", call.ids["material_type_id"], "materials", "materialTypeId"
        )
        return json_response(
            {"inUse": bool(ids), "materialCount": len(ids), "sampleMaterialIds": ids[:SAMPLE_SIZE]}
        )

    # -- SKUs (#23-28) -----------------------------------------------------------------------------
    def _catalog_sku_fields(
        self, call: Call, body: Mapping[str, Any], raw: Any, own: str | None
    ) -> dict[str, Any]:
        if "typeId" in body:
            self._catalog_type_exists(call, "sku_types", body["typeId"], "typeId")
        if "code" in body:
            self._catalog_code_free(call, "skus", "skuCode", body["code"], own)
        fields = {_SKU_RENAMES.get(k, k): v for k, v in body.items()}
        if "ozPerItem" in body:
            exact = raw.get("ozPerItem") if isinstance(raw, Mapping) else None
            fields["ozPerItem"] = _text(exact if exact is not None else body["ozPerItem"])
        return fields

    def _catalog_new_sku(self, call: Call, body: Mapping[str, Any], raw: Any) -> dict[str, Any]:
        fields = self._catalog_sku_fields(call, body, raw, None)
        for name, default in (("itemsPerUnit", 1), ("ozPerItem", None), ("qboId", None)):
            fields.setdefault(name, default)
        fields.setdefault("notes", None)
        return self.insert(call, "skus", fields)

    def on_skus_create(self, call: Call) -> SandboxResponse:
        return json_response(self._catalog_new_sku(call, call.body(), (call.raw() or {})))

    def on_skus_list(self, call: Call) -> SandboxResponse:
        active, kind, q = _flag(call, "active"), call.query("type"), call.query("q")
        bounds = {
            name: _number(call, name)
            for name in ("itemsPerUnitMin", "itemsPerUnitMax", "ozPerItemMin", "ozPerItemMax")
        }

        def within(value: Any, low: Decimal | None, high: Decimal | None) -> bool:
            if low is None and high is None:
                return True
            if value is None:
                return False
            number = Decimal(str(value))
            return (low is None or number >= low) and (high is None or number <= high)

        def keep(r: dict[str, Any]) -> bool:
            return (
                (active is None or r["isActive"] is active)
                and (kind is None or r["skuTypeId"] == kind)
                and _matches(q, r["skuCode"], r["name"])
                and within(r["itemsPerUnit"], bounds["itemsPerUnitMin"], bounds["itemsPerUnitMax"])
                and within(r["ozPerItem"], bounds["ozPerItemMin"], bounds["ozPerItemMax"])
            )

        return self.page(call, self.rows(call, "skus", keep))

    def on_skus_update(self, call: Call) -> SandboxResponse:
        sku_id = call.ids["sku_id"]
        self.find(call, "skus", sku_id)
        fields = self._catalog_sku_fields(call, call.body(), (call.raw() or {}), sku_id)
        return json_response(self.change(call, "skus", sku_id, fields))

    def on_skus_delete(self, call: Call) -> SandboxResponse:
        return self._catalog_remove_unused(
            call, "skus", call.ids["sku_id"], SKU_REFERENCES, "skuId"
        )

    def on_skus_retrieve(self, call: Call) -> SandboxResponse:
        return json_response(self.find(call, "skus", call.ids["sku_id"]))

    def on_skus_bulk_import(self, call: Call) -> SandboxResponse:
        return self._catalog_bulk(call, self._catalog_new_sku)

    # -- SKU types (#29-33) ------------------------------------------------------------------------
    def on_sku_types_create(self, call: Call) -> SandboxResponse:
        return json_response(self._catalog_new_lookup(call, "sku_types"))

    def on_sku_types_list(self, call: Call) -> SandboxResponse:
        return self._catalog_lookup_list(call, "sku_types")

    def on_sku_types_update(self, call: Call) -> SandboxResponse:
        return json_response(
            self._catalog_change_lookup(call, "sku_types", call.ids["sku_type_id"])
        )

    def on_sku_types_delete(self, call: Call) -> SandboxResponse:
        return self._catalog_remove_unused(
            call, "sku_types", call.ids["sku_type_id"], ("skus.skuTypeId",)
        )

    def on_sku_types_usage(self, call: Call) -> SandboxResponse:
        ids = self._catalog_lookup_usage(
            call, "sku_types", call.ids["sku_type_id"], "skus", "skuTypeId"
        )
        return json_response(
            {"inUse": bool(ids), "skuCount": len(ids), "sampleSkuIds": ids[:SAMPLE_SIZE]}
        )

    # -- bills of materials (#34-38): stored by output SKU id -------------------------------------
    @staticmethod
    def _catalog_bom(record: Mapping[str, Any]) -> dict[str, Any]:
        return {"outputSkuId": record["outputSkuId"], "items": record["items"]}

    def _catalog_bom_body(self, call: Call) -> tuple[str, list[Any]]:
        body = call.body()
        raw = call.raw() or {}
        sku_id = body["outputSkuId"]
        self.find(call, "skus", sku_id)
        items = raw.get("items") if isinstance(raw, Mapping) else None
        return sku_id, list(items if isinstance(items, list) else body["items"])

    def _catalog_store_bom(self, call: Call, sku_id: str, items: list[Any]) -> dict[str, Any]:
        record = {"id": sku_id, "orgId": call.org(), "outputSkuId": sku_id, "items": items}
        self.table("boms")[sku_id] = record
        return record

    def _catalog_find_bom(self, call: Call, sku_id: str) -> dict[str, Any]:
        try:
            return self.find(call, "boms", sku_id)
        except SandboxError:
            raise SandboxError(404, "not_found", f"SKU {sku_id} has no BOM") from None

    def on_boms_create(self, call: Call) -> SandboxResponse:
        sku_id, items = self._catalog_bom_body(call)
        if sku_id in self.table("boms"):
            raise SandboxError(409, "conflict", f"SKU {sku_id} already has a BOM: replace it")
        return json_response(self._catalog_bom(self._catalog_store_bom(call, sku_id, items)))

    def on_boms_list(self, call: Call) -> SandboxResponse:
        q = call.query("q")
        skus = self.table("skus")
        items = []
        for bom in self.rows(call, "boms"):
            sku = skus.get(bom["outputSkuId"], {})
            if _matches(q, sku.get("skuCode"), sku.get("name")):
                items.append(
                    {
                        **self._catalog_bom(bom),
                        "skuCode": sku.get("skuCode"),
                        "name": sku.get("name"),
                    }
                )
        return self.page(call, items)

    def on_boms_replace(self, call: Call) -> SandboxResponse:
        current = call.ids["sku_id"]
        self._catalog_find_bom(call, current)
        sku_id, items = self._catalog_bom_body(call)
        if sku_id != current:  # re-pointing the BOM at another SKU
            if sku_id in self.table("boms"):
                raise SandboxError(409, "conflict", f"SKU {sku_id} already has a BOM")
            del self.table("boms")[current]
        return json_response(self._catalog_bom(self._catalog_store_bom(call, sku_id, items)))

    def on_boms_delete(self, call: Call) -> SandboxResponse:
        sku_id = call.ids["sku_id"]
        self._catalog_find_bom(call, sku_id)
        del self.table("boms")[sku_id]
        return json_response({"deletedId": sku_id})

    def on_boms_retrieve(self, call: Call) -> SandboxResponse:
        return json_response(self._catalog_bom(self._catalog_find_bom(call, call.ids["sku_id"])))
