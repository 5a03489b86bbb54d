"""The catalog against the Pharus sandbox: flows, in-use checks, exact decimals, bulk imports,
refusals before sending, organization scoping and roles (sync and async)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from supplychain_sdk import (
    BadRequestError,
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
)
from supplychain_sdk.pharus import (
    Bom,
    BulkImportReport,
    Deleted,
    InUseError,
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
from supplychain_sdk.sandbox.pharus import PharusSandbox
from tests.conftest import Mode

from .conftest import ID, make_client


def seed(sandbox: PharusSandbox, collection: str, **fields: Any) -> str:
    """A record of another group's collection in the default org (as its handlers store it)."""
    record_id = sandbox.new_id()
    sandbox.table(collection)[record_id] = {
        "id": record_id,
        "orgId": sandbox.DEFAULT_ORG_ID,
        **fields,
    }
    return record_id


def as_role(mode: Mode, sandbox: PharusSandbox, role: str) -> Any:
    """A client of the default org signed in as a new user with ``role``."""
    user = sandbox.add_user(f"{role}@example.test", role.title())
    sandbox.tokens[f"token-{role}"] = user["id"]
    sandbox.add_member(sandbox.DEFAULT_ORG_ID, user["id"], role)
    return make_client(mode, sandbox, token=f"token-{role}")


async def material_type(mode: Mode, client: Any, name: str = "Resin") -> MaterialType:
    created = await mode(client.material_types.create(name=name))
    assert isinstance(created, MaterialType)
    return created


async def sku_type(mode: Mode, client: Any, name: str = "Bottle") -> SkuType:
    created = await mode(client.sku_types.create(name=name))
    assert isinstance(created, SkuType)
    return created


# -- locations -------------------------------------------------------------------------------
async def test_location_flow_and_delete_gated_by_use(mode: Mode, sandbox: PharusSandbox) -> None:
    client = make_client(mode, sandbox)
    plant = await mode(client.locations.create(name="Plant", country="US", zip_code="78701"))
    store = await mode(client.locations.create(name="Store"))
    assert isinstance(plant, Location)
    assert (plant.name, plant.country, plant.sort_order, plant.is_active) == (
        "Plant",
        "US",
        0,
        True,
    )
    assert plant.created_at == "2026-01-01T00:00:00.000Z"

    moved = await mode(client.locations.update(store.id, sort_order=0, notes="back door"))
    await mode(client.locations.update(plant.id, sort_order=1))
    assert (moved.sort_order, moved.notes) == (0, "back door")
    listed = await mode.collect(client.locations.list())
    assert [loc.name for loc in listed] == ["Store", "Plant"]

    seed(sandbox, "purchase_orders", shipToLocationId=plant.id)
    seed(sandbox, "materials_ledger", toLocationId=plant.id)
    usage = await mode(client.locations.usage(plant.id))
    assert usage == LocationUsage(
        in_use=True,
        references={"purchase_orders.shipToLocationId": 1, "materials_ledger.toLocationId": 1},
    )
    with pytest.raises(InUseError) as caught:
        await mode(client.locations.delete(plant.id))
    assert caught.value.code == "in_use"
    assert caught.value.status_code == 409

    assert (await mode(client.locations.usage(store.id))).in_use is False
    assert await mode(client.locations.delete(store.id)) == Deleted(deleted_id=store.id)
    with pytest.raises(NotFoundError):
        await mode(client.locations.update(store.id, name="Gone"))


# -- vendors ---------------------------------------------------------------------------------
async def test_vendor_flow_with_cursor_pages_and_filter(mode: Mode, sandbox: PharusSandbox) -> None:
    client = make_client(mode, sandbox)
    names = ["Acme", "Bolt", "Cogs", "Dyes", "Etch"]
    vendors = [await mode(client.vendors.create(name=n, term="Net 30")) for n in names]
    assert all(isinstance(v, Vendor) for v in vendors)
    await mode(client.vendors.update(vendors[1].id, is_active=False, qbo_id="QB-2"))

    sent = len(sandbox.requests)
    listed = await mode.collect(client.vendors.list(page_size=2))
    assert [v.name for v in listed] == names
    assert [dict(r.query) for r in sandbox.requests[sent:]] == [
        {"limit": "2"},
        {"cursor": "2", "limit": "2"},
        {"cursor": "4", "limit": "2"},
    ]
    active = await mode.collect(client.vendors.list(is_active=True))
    assert [v.name for v in active] == ["Acme", "Cogs", "Dyes", "Etch"]
    inactive = await mode.collect(client.vendors.list(is_active=False, limit=1))
    assert [(v.name, v.qbo_id) for v in inactive] == [("Bolt", "QB-2")]
    assert len(await mode.collect(client.vendors.list(limit=3))) == 3

    got = await mode(client.vendors.retrieve(vendors[0].id))
    assert (got.name, got.term) == ("Acme", "Net 30")

    seed(sandbox, "purchase_orders", vendorId=vendors[0].id)
    with pytest.raises(InUseError):
        await mode(client.vendors.delete(vendors[0].id))
    assert await mode(client.vendors.delete(vendors[2].id)) == Deleted(deleted_id=vendors[2].id)
    with pytest.raises(NotFoundError):
        await mode(client.vendors.retrieve(vendors[2].id))


async def test_vendor_bulk_import_reports_each_row_and_a_refused_batch(
    mode: Mode, sandbox: PharusSandbox
) -> None:
    client = make_client(mode, sandbox)
    report = await mode(client.vendors.bulk_import([{"name": "Acme"}, {"name": "Bolt"}]))
    assert isinstance(report, BulkImportReport)
    assert report.ok
    assert report.created == 2
    listed = await mode.collect(client.vendors.list())
    assert [v.id for v in listed] == report.ids

    mt = await material_type(mode, client)
    rows = [
        {"code": "A", "name": "Alpha", "type_id": mt.id},
        {"code": "B", "name": "Beta", "type_id": mt.id},
        {"code": "A", "name": "Again", "type_id": mt.id},  # duplicate code: batch refused
        {"code": "D", "name": "Delta", "type_id": mt.id},
    ]
    report = await mode(client.materials.bulk_import(rows, batch_size=2))
    assert [(r.index, r.status) for r in report.rows] == [
        (0, "created"),
        (1, "created"),
        (2, "error"),
        (3, "error"),
    ]
    assert report.failed[0].error["code"] == "conflict"
    codes = [m.material_code for m in await mode.collect(client.materials.list())]
    assert codes == ["A", "B"]  # the refused batch stored nothing


# -- materials and material types ------------------------------------------------------------
async def test_material_flow_type_usage_and_filters(mode: Mode, sandbox: PharusSandbox) -> None:
    client = make_client(mode, sandbox)
    resin, film = await material_type(mode, client), await material_type(mode, client, "Film")
    assert (resin.sort_order, film.sort_order) == (0, 1)
    assert "updatedAt" not in sandbox.table("material_types")[resin.id]

    epoxy = await mode(client.materials.create(code="EP-1", name="Epoxy", type_id=resin.id))
    assert isinstance(epoxy, Material)
    assert (epoxy.material_code, epoxy.material_type_id, epoxy.notes) == ("EP-1", resin.id, None)
    wrap = await mode(client.materials.create(code="PE-1", name="Shrink wrap", type_id=film.id))
    await mode(client.materials.update(wrap.id, is_active=False))

    by_type = await mode.collect(client.materials.list(type=resin.id))
    assert [m.id for m in by_type] == [epoxy.id]
    assert [m.name for m in await mode.collect(client.materials.list(q="WRAP"))] == ["Shrink wrap"]
    assert [m.id for m in await mode.collect(client.materials.list(active=True))] == [epoxy.id]

    usage = await mode(client.material_types.usage(resin.id))
    assert usage == MaterialTypeUsage(in_use=True, material_count=1, sample_material_ids=[epoxy.id])
    with pytest.raises(InUseError):
        await mode(client.material_types.delete(resin.id))

    moved = await mode(client.materials.update(epoxy.id, type_id=film.id, code="EP-2"))
    assert (moved.material_type_id, moved.material_code) == (film.id, "EP-2")
    assert (await mode(client.materials.retrieve(epoxy.id))).material_code == "EP-2"
    assert await mode(client.material_types.delete(resin.id)) == Deleted(deleted_id=resin.id)

    renamed = await mode(client.material_types.update(film.id, name="Films", is_active=False))
    assert (renamed.name, renamed.is_active) == ("Films", False)
    assert [t.name for t in await mode.collect(client.material_types.list())] == ["Films"]

    with pytest.raises(ConflictError):
        await mode(client.materials.create(code="PE-1", name="Copy", type_id=film.id))
    with pytest.raises(BadRequestError) as caught:
        await mode(client.materials.create(code="X", name="Orphan", type_id=ID))
    assert caught.value.field_errors == {"typeId": ["not found"]}
    seed(sandbox, "purchase_order_items", materialId=wrap.id)
    with pytest.raises(InUseError) as caught:
        await mode(client.materials.delete(wrap.id))
    assert caught.value.details == {"references": {"purchase_order_items.materialId": 1}}
    sandbox.table("purchase_order_items").clear()
    assert await mode(client.materials.delete(wrap.id)) == Deleted(deleted_id=wrap.id)


# -- SKUs and SKU types ----------------------------------------------------------------------
async def test_sku_decimals_are_exact_both_ways_and_ranges_filter(
    mode: Mode, sandbox: PharusSandbox
) -> None:
    client = make_client(mode, sandbox)
    bottle = await sku_type(mode, client)
    fine = Decimal("12.3456789012345678901")
    small = await mode(
        client.skus.create(code="CB-8", name="Brew 8", type_id=bottle.id, oz_per_item=8)
    )
    big = await mode(
        client.skus.create(
            code="CB-12", name="Brew 12", type_id=bottle.id, items_per_unit=12, oz_per_item=fine
        )
    )
    sent = json.loads(sandbox.requests[-1].body, parse_float=Decimal)
    assert sent["ozPerItem"] == fine
    assert b'"ozPerItem":12.3456789012345678901' in sandbox.requests[-1].body
    assert isinstance(big, Sku)
    assert big.oz_per_item == fine
    assert (big.sku_code, big.sku_type_id, big.items_per_unit) == ("CB-12", bottle.id, 12)
    assert (small.items_per_unit, small.oz_per_item) == (1, Decimal("8"))

    between = await mode.collect(
        client.skus.list(oz_per_item_min=Decimal("10.5"), oz_per_item_max=13)
    )
    assert [s.id for s in between] == [big.id]
    assert sandbox.requests[-1].param("ozPerItemMin") == "10.5"
    assert [s.id for s in await mode.collect(client.skus.list(items_per_unit_max=6))] == [small.id]
    assert [s.id for s in await mode.collect(client.skus.list(q="brew 8", active=True))] == [
        small.id
    ]

    cleared = await mode(client.skus.update(big.id, oz_per_item=None, qbo_id="QB-9"))
    assert (cleared.oz_per_item, cleared.qbo_id) == (None, "QB-9")
    assert (await mode(client.skus.retrieve(big.id))).qbo_id == "QB-9"

    usage = await mode(client.sku_types.usage(bottle.id))
    assert usage == SkuTypeUsage(in_use=True, sku_count=2, sample_sku_ids=[small.id, big.id])
    with pytest.raises(InUseError):
        await mode(client.sku_types.delete(bottle.id))
    seed(sandbox, "fg_ledger", skuId=small.id)
    with pytest.raises(InUseError):
        await mode(client.skus.delete(small.id))
    assert await mode(client.skus.delete(big.id)) == Deleted(deleted_id=big.id)

    can = await mode(client.sku_types.update(bottle.id, sort_order=-1, name="Can"))
    assert (can.sort_order, can.name) == (-1, "Can")
    assert [t.name for t in await mode.collect(client.sku_types.list())] == ["Can"]
    spare = await sku_type(mode, client, "Spare")
    assert (await mode(client.sku_types.usage(spare.id))).in_use is False
    assert await mode(client.sku_types.delete(spare.id)) == Deleted(deleted_id=spare.id)

    report = await mode(
        client.skus.bulk_import(
            [{"code": "K1", "name": "Keg", "type_id": bottle.id, "oz_per_item": Decimal("1984.0")}]
        )
    )
    assert report.ok
    keg = await mode(client.skus.retrieve(report.ids[0]))
    assert str(keg.oz_per_item) == "1984.0"


# -- bills of materials ----------------------------------------------------------------------
async def test_bom_flow_by_output_sku(mode: Mode, sandbox: PharusSandbox) -> None:
    client = make_client(mode, sandbox)
    resin = await material_type(mode, client)
    epoxy = await mode(client.materials.create(code="EP", name="Epoxy", type_id=resin.id))
    bottle = await sku_type(mode, client)
    brew = await mode(client.skus.create(code="CB", name="Cold brew", type_id=bottle.id))
    tea = await mode(client.skus.create(code="IT", name="Iced tea", type_id=bottle.id))

    items = [{"materialId": epoxy.id, "quantity": Decimal("2.125")}]
    bom = await mode(client.boms.create(output_sku_id=brew.id, items=items))
    assert bom == Bom(output_sku_id=brew.id, items=[{"materialId": epoxy.id, "quantity": "2.125"}])
    assert Decimal(bom.items[0]["quantity"]) == Decimal("2.125")
    with pytest.raises(ConflictError):
        await mode(client.boms.create(output_sku_id=brew.id, items=[]))
    assert await mode(client.boms.retrieve(brew.id)) == bom

    listed = await mode.collect(client.boms.list(q="cold"))
    assert [b.output_sku_id for b in listed] == [brew.id]
    assert listed[0].model_extra == {"skuCode": "CB", "name": "Cold brew"}
    assert await mode.collect(client.boms.list(q="tea")) == []

    with pytest.raises(InUseError):
        await mode(client.materials.delete(epoxy.id))
    with pytest.raises(InUseError):
        await mode(client.skus.delete(brew.id))

    replaced = await mode(client.boms.replace(brew.id, output_sku_id=tea.id, items=[]))
    assert replaced == Bom(output_sku_id=tea.id, items=[])
    with pytest.raises(NotFoundError):
        await mode(client.boms.retrieve(brew.id))
    assert await mode(client.boms.delete(tea.id)) == Deleted(deleted_id=tea.id)
    with pytest.raises(NotFoundError):
        await mode(client.boms.delete(tea.id))
    with pytest.raises(NotFoundError):
        await mode(client.boms.create(output_sku_id=ID, items=[]))


# -- refusals before sending -----------------------------------------------------------------
BAD_CALLS = [
    (lambda c: c.locations.create(name="", country="USA"), {"name", "country"}),
    (lambda c: c.locations.update(ID, sort_order=-1, city="x" * 151), {"sort_order", "city"}),
    (lambda c: c.vendors.create(name="x" * 256), {"name"}),
    (lambda c: c.vendors.update(ID, colour="red"), {"colour"}),
    (lambda c: c.materials.create(code="A", name="B", type_id="resin"), {"type_id"}),
    (lambda c: c.materials.create(name="B", type_id=ID), {"code"}),
    (lambda c: c.skus.create(code="A", name="B", type_id=ID, items_per_unit=0), {"items_per_unit"}),
    (lambda c: c.skus.update(ID, oz_per_item="12"), {"oz_per_item"}),
    (lambda c: c.skus.update(ID, oz_per_item=Decimal("NaN")), {"oz_per_item"}),
    (lambda c: c.material_types.create(name="x" * 101), {"name"}),
    (lambda c: c.sku_types.update(ID, sort_order="first"), {"sort_order"}),
    (lambda c: c.boms.create(output_sku_id=ID), {"items"}),
    (lambda c: c.vendors.bulk_import([{"name": "ok"}, {"name": ""}]), {"rows.1.name"}),
]


@pytest.mark.parametrize(("call", "fields"), BAD_CALLS)
async def test_bad_input_is_refused_before_sending(
    mode: Mode, sandbox: PharusSandbox, call: Any, fields: set[str]
) -> None:
    client = make_client(mode, sandbox)
    with pytest.raises(InvalidRequestError) as caught:
        await mode(call(client))
    assert set(caught.value.field_errors) == fields
    assert sandbox.requests == []


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.vendors.retrieve("not-a-uuid"),
        lambda c: c.boms.retrieve(""),
        lambda c: c.locations.delete(None),
        lambda c: c.skus.list(active="maybe"),
        lambda c: c.skus.list(items_per_unit_min="six"),
        lambda c: c.vendors.list(page_size=0),
        lambda c: c.vendors.bulk_import([], batch_size=10),
        lambda c: c.vendors.bulk_import([{"name": "A"}], batch_size=0),
    ],
)
async def test_bad_ids_filters_and_batches_are_refused_before_sending(
    mode: Mode, sandbox: PharusSandbox, call: Any
) -> None:
    client = make_client(mode, sandbox)
    with pytest.raises(InvalidRequestError):
        await mode(call(client))  # pagers check their query when they are made
    assert sandbox.requests == []


# -- organizations and roles -----------------------------------------------------------------
async def test_records_of_another_organization_are_not_found(
    mode: Mode, sandbox: PharusSandbox
) -> None:
    client = make_client(mode, sandbox)
    vendor = await mode(client.vendors.create(name="Acme"))
    other = sandbox.add_org("Other Co", "other-co", sandbox.DEFAULT_USER_ID)["id"]
    elsewhere = make_client(mode, sandbox, org_id=other)
    with pytest.raises(NotFoundError):
        await mode(elsewhere.vendors.retrieve(vendor.id))
    with pytest.raises(NotFoundError):
        await mode(elsewhere.vendors.delete(vendor.id))
    assert await mode.collect(elsewhere.vendors.list()) == []
    assert [v.id for v in await mode.collect(client.vendors.list())] == [vendor.id]


async def test_a_viewer_reads_but_cannot_write(mode: Mode, sandbox: PharusSandbox) -> None:
    owner = make_client(mode, sandbox)
    location = await mode(owner.locations.create(name="Plant"))
    viewer = as_role(mode, sandbox, "viewer")
    assert [loc.id for loc in await mode.collect(viewer.locations.list())] == [location.id]
    with pytest.raises(PermissionDeniedError) as caught:
        await mode(viewer.locations.create(name="Shed"))
    assert caught.value.code == "forbidden"
    with pytest.raises(PermissionDeniedError):
        await mode(viewer.locations.delete(location.id))
    member = as_role(mode, sandbox, "member")
    assert (await mode(member.locations.create(name="Shed"))).name == "Shed"
