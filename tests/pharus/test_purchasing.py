"""Purchase orders against the Pharus sandbox (and respx where the exact bytes matter),
sync and async: flows, exact decimals, receipts moving status and writing the ledger, in-use
and transition refusals, org scoping, roles, paging, bulk imports, the PDF."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import attrs
import httpx
import pytest
import respx

from supplychain_sdk import (
    BadRequestError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
)
from supplychain_sdk.pharus import (
    Deleted,
    InUseError,
    InvalidTransitionError,
    PurchaseOrder,
    PurchaseOrderDetail,
    PurchaseOrderItem,
    PurchaseOrderReceipt,
    PurchaseOrderReceiptDetail,
    PurchaseOrderStatus,
)
from supplychain_sdk.sandbox.pharus import PharusSandbox
from tests.conftest import Mode

from .conftest import BASE, ID, ORG, Clock, make_client, plain_client

T0 = "2026-01-01T00:00:00.000Z"


@attrs.frozen
class Catalog:
    """Records of other sections an order refers to, seeded in the sandbox's tables (the
    catalog's own API is tested with the catalog)."""

    location: str
    other_location: str
    vendor: str
    material: str
    sku: str

    @classmethod
    def seed(cls, sandbox: PharusSandbox, org: str | None = None) -> Catalog:
        org = org or sandbox.DEFAULT_ORG_ID

        def add(collection: str, **fields: Any) -> str:
            record_id = sandbox.new_id()
            sandbox.table(collection)[record_id] = {"id": record_id, "orgId": org, **fields}
            return record_id

        catalog = cls(
            location=add("locations", name="Main plant"),
            other_location=add("locations", name="Overflow"),
            vendor=add("vendors", name="Acme Resins"),
            material=add("materials", materialCode="RES-1", name="Resin"),
            sku=add("skus", skuCode="CUP-12", name="Cup 12oz"),
        )
        material_2 = add("materials", materialCode="LID-1", name="Lid")
        sandbox.table("boms")[catalog.sku] = {
            "id": catalog.sku,
            "orgId": org,
            "outputSkuId": catalog.sku,
            "items": [
                {"materialId": catalog.material, "quantity": Decimal("2.5")},
                {"materialId": material_2, "quantity": 1},
            ],
        }
        return catalog


@pytest.fixture
def catalog(sandbox: PharusSandbox) -> Catalog:
    return Catalog.seed(sandbox)


def _po(catalog: Catalog, **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "vendor_id": catalog.vendor,
        "target_type": "materials",
        "status": "Placed",
        "ship_to_location_id": catalog.location,
        "items": [{"material_id": catalog.material, "quantity": 10, "unit_cost": Decimal("1.25")}],
    }
    body.update(fields)
    return body


def _sent(sandbox: PharusSandbox) -> Any:
    return json.loads(sandbox.requests[-1].body)


async def test_order_flow_create_list_update_delete(
    mode: Mode, sandbox: PharusSandbox, catalog: Catalog, clock: Clock
) -> None:
    client = make_client(mode, sandbox)
    created = await mode(client.purchase_orders.create(**_po(catalog, notes="rush")))
    assert isinstance(created, PurchaseOrderDetail)
    order = created.purchase_order
    assert (order.po_number, order.status, order.placed_at) == ("PO-0001", "Placed", T0)
    assert (order.vendor_id, order.notes, order.shipping_costs) == (catalog.vendor, "rush", 0)
    assert [(i.material_id, i.quantity, i.unit_cost) for i in created.items] == [
        (catalog.material, Decimal("10"), Decimal("1.25"))
    ]
    second = await mode(client.purchase_orders.create(**_po(catalog, status="Planning")))
    assert second.purchase_order.po_number == "PO-0002"
    assert second.purchase_order.planning_at == T0

    before = len(sandbox.requests)
    listed = await mode.collect(client.purchase_orders.list(page_size=1))
    assert [o.id for o in listed] == [order.id, second.purchase_order.id]
    pages = sandbox.requests[before:]
    assert [r.query for r in pages] == [(("limit", "1"),), (("limit", "1"), ("cursor", "1"))]

    clock.advance(60)
    updated = await mode(
        client.purchase_orders.update(order.id, status="In Transit", ship_date="2026-01-02")
    )
    assert isinstance(updated, PurchaseOrder)  # flat, not the detail wrapper (C10)
    assert updated.status is PurchaseOrderStatus.IN_TRANSIT
    assert (updated.in_transit_at, updated.ship_date) == ("2026-01-01T00:01:00.000Z", "2026-01-02")
    assert _sent(sandbox) == {"status": "In Transit", "shipDate": "2026-01-02"}

    detail = await mode(client.purchase_orders.retrieve(order.id))
    assert detail.purchase_order == updated
    assert detail.items == created.items

    assert await mode(client.purchase_orders.delete(order.id)) == Deleted(deleted_id=order.id)
    with pytest.raises(NotFoundError):
        await mode(client.purchase_orders.retrieve(order.id))
    assert sandbox.table("purchase_order_items") == {
        i.id: i.to_dict() for i in second.items
    }  # the deleted order's lines went with it


async def test_amounts_are_exact_both_ways(
    mode: Mode, sandbox: PharusSandbox, catalog: Catalog
) -> None:
    client = make_client(mode, sandbox)
    created = await mode(
        client.purchase_orders.create(
            **_po(catalog, shipping_costs=Decimal("12.50"), other_costs=0.1),
            setup_costs=Decimal("1E+2"),
        )
    )
    raw = sandbox.requests[-1].body
    assert b'"shippingCosts":12.50' in raw
    assert b'"otherCosts":0.1' in raw
    assert b'"unitCost":1.25' in raw
    assert b'"setupCosts":1E+2' in raw
    order = created.purchase_order
    assert (order.shipping_costs, order.other_costs) == (Decimal("12.50"), Decimal("0.1"))
    assert str(order.shipping_costs) == "12.50"
    assert order.setup_costs == Decimal("100")
    item = await mode(
        client.purchase_orders.items.create(
            order.id,
            material_id=catalog.material,
            quantity=Decimal("0.333"),
            unit_cost=Decimal("7.10"),
        )
    )
    assert (str(item.quantity), str(item.unit_cost)) == ("0.333", "7.10")


async def test_bad_input_is_refused_before_sending(
    mode: Mode, sandbox: PharusSandbox, catalog: Catalog
) -> None:
    client = make_client(mode, sandbox)
    with pytest.raises(InvalidRequestError) as caught:
        await mode(
            client.purchase_orders.create(
                **_po(
                    catalog,
                    vendor_id="acme",
                    status="Shipped",
                    shipping_costs=-1,
                    items=[{"material_id": catalog.material, "quantity": 0}],
                )
            )
        )
    assert set(caught.value.field_errors) == {
        "vendor_id",
        "status",
        "shipping_costs",
        "items.0.quantity",
    }
    with pytest.raises(InvalidRequestError) as missing:
        await mode(client.purchase_orders.create(vendor_id=catalog.vendor))  # type: ignore[call-arg]
    assert {"target_type", "status", "items"} <= set(missing.value.field_errors)
    with pytest.raises(InvalidRequestError, match="purchase_order_id must be a UUID"):
        await mode(client.purchase_orders.retrieve("statuses"))
    with pytest.raises(InvalidRequestError) as unknown:
        await mode(client.purchase_orders.update(ID, colour="red"))  # type: ignore[call-arg]
    assert "colour" in unknown.value.field_errors
    with pytest.raises(InvalidRequestError):
        await mode(client.purchase_orders.receipts.create(ID, items="all"))  # type: ignore[arg-type]
    assert sandbox.requests == []


async def test_lines_follow_the_target_type(
    mode: Mode, sandbox: PharusSandbox, catalog: Catalog
) -> None:
    client = make_client(mode, sandbox)
    with pytest.raises(BadRequestError) as caught:
        await mode(
            client.purchase_orders.create(
                **_po(catalog, items=[{"sku_id": catalog.sku, "quantity": 1}])
            )
        )
    assert caught.value.code == "validation_failed"
    assert caught.value.field_errors == {"items.0.materialId": ["is required on a materials order"]}
    assert sandbox.table("purchase_orders") == {}
    order = (
        await mode(
            client.purchase_orders.create(
                **_po(
                    catalog,
                    target_type="finished_goods",
                    items=[{"sku_id": catalog.sku, "quantity": 24}],
                )
            )
        )
    ).purchase_order
    item = await mode(client.purchase_orders.items.create(order.id, sku_id=catalog.sku, quantity=6))
    assert isinstance(item, PurchaseOrderItem)
    assert (item.sku_id, item.material_id, item.unit_cost) == (catalog.sku, None, 0)
    with pytest.raises(BadRequestError):
        await mode(client.purchase_orders.items.update(item.id, material_id=catalog.material))
    changed = await mode(client.purchase_orders.items.update(item.id, quantity=Decimal("6.5")))
    assert changed.quantity == Decimal("6.5")
    lines = await mode.collect(client.purchase_orders.items.list(order.id))
    assert [line.quantity for line in lines] == [Decimal("24"), Decimal("6.5")]
    assert await mode(client.purchase_orders.items.delete(item.id)) == Deleted(deleted_id=item.id)
    assert len(await mode.collect(client.purchase_orders.items.list(order.id))) == 1
    with pytest.raises(InvalidRequestError):
        await mode(client.purchase_orders.items.delete("not-a-uuid"))


async def test_receipts_move_the_order_and_write_the_materials_ledger(
    mode: Mode, sandbox: PharusSandbox, catalog: Catalog, clock: Clock
) -> None:
    client = make_client(mode, sandbox)
    created = await mode(client.purchase_orders.create(**_po(catalog)))
    order, line = created.purchase_order, created.items[0]
    clock.advance(3600)
    first = await mode(
        client.purchase_orders.receipts.create(
            order.id,
            receipt_date="2026-01-01",
            notes="dock 3",
            items=[{"purchaseOrderItemId": line.id, "quantity": Decimal("4.5")}],
        )
    )
    assert first.purchase_order.status is PurchaseOrderStatus.PARTIAL
    assert first.purchase_order.partial_at == "2026-01-01T01:00:00.000Z"
    assert isinstance(first.receipt, PurchaseOrderReceipt)
    assert (first.receipt.purchase_order_id, first.receipt.receipt_date) == (order.id, "2026-01-01")
    assert [(r["purchaseOrderItemId"], r["quantity"]) for r in first.receipt_items] == [
        (line.id, "4.5")
    ]
    [entry] = sandbox.table("materials_ledger").values()
    assert {k: entry[k] for k in ("eventType", "materialId", "locationId", "quantity")} == {
        "eventType": "RECEIVE",
        "materialId": catalog.material,
        "locationId": catalog.location,
        "quantity": "4.5",
    }
    assert (entry["unitCost"], entry["ref"], entry["code"]) == ("1.25", "PO-0001", "RES-1")
    assert (entry["sourceType"], entry["sourceId"]) == ("purchase_order_receipt", first.receipt.id)
    assert sandbox.table("fg_ledger") == {}

    with pytest.raises(BadRequestError) as over:
        await mode(
            client.purchase_orders.receipts.create(
                order.id, items=[{"purchaseOrderItemId": line.id, "quantity": 6}]
            )
        )
    assert over.value.field_errors == {"items.0.quantity": ["more than the 5.5 outstanding"]}

    second = await mode(
        client.purchase_orders.receipts.create(
            order.id,
            items=[
                {
                    "purchaseOrderItemId": line.id,
                    "quantity": Decimal("5.5"),
                    "locationId": catalog.other_location,
                }
            ],
        )
    )
    assert second.purchase_order.status is PurchaseOrderStatus.RECEIVED
    assert second.purchase_order.received_at == "2026-01-01T01:00:00.000Z"
    receipts = await mode.collect(client.purchase_orders.receipts.list(order.id))
    assert [r.id for r in receipts] == [first.receipt.id, second.receipt.id]
    detail = await mode(client.purchase_orders.receipts.retrieve(second.receipt.id))
    assert isinstance(detail, PurchaseOrderReceiptDetail)
    assert detail.items == second.receipt_items
    assert detail.items[0]["locationId"] == catalog.other_location
    moved = await mode(
        client.purchase_orders.receipts.update(second.receipt.id, receipt_date="2026-01-03")
    )
    assert moved.receipt_date == "2026-01-03"

    # what refers to a receipt or a received line cannot go; a received order cannot cancel
    with pytest.raises(InUseError) as in_use:
        await mode(client.purchase_orders.items.delete(line.id))
    assert in_use.value.details == {
        "references": {"purchase_order_receipt_items.purchaseOrderItemId": 2}
    }
    with pytest.raises(InUseError):
        await mode(client.purchase_orders.delete(order.id))
    with pytest.raises(InvalidTransitionError):
        await mode(client.purchase_orders.update(order.id, status="Cancelled"))

    deleted = await mode(client.purchase_orders.receipts.delete(second.receipt.id))
    assert deleted == Deleted(deleted_id=second.receipt.id)
    reversal = list(sandbox.table("materials_ledger").values())[-1]
    assert (reversal["eventType"], reversal["quantity"], reversal["locationId"]) == (
        "REVERSE_RECEIVE",
        "5.5",
        catalog.other_location,
    )
    after = (await mode(client.purchase_orders.retrieve(order.id))).purchase_order
    assert after.status is PurchaseOrderStatus.PARTIAL
    with pytest.raises(NotFoundError):
        await mode(client.purchase_orders.receipts.retrieve(second.receipt.id))


async def test_finished_goods_receipts_write_the_finished_goods_ledger(
    mode: Mode, sandbox: PharusSandbox, catalog: Catalog
) -> None:
    client = make_client(mode, sandbox)
    created = await mode(
        client.purchase_orders.create(
            **_po(
                catalog,
                target_type="finished_goods",
                ship_to_location_id=None,
                items=[{"sku_id": catalog.sku, "quantity": 12}],
            )
        )
    )
    line = created.items[0]
    with pytest.raises(BadRequestError) as nowhere:
        await mode(
            client.purchase_orders.receipts.create(
                created.purchase_order.id,
                items=[{"purchaseOrderItemId": line.id, "quantity": 12}],
            )
        )
    assert "items.0.locationId" in nowhere.value.field_errors
    done = await mode(
        client.purchase_orders.receipts.create(
            created.purchase_order.id,
            items=[
                {"purchaseOrderItemId": line.id, "quantity": 12, "locationId": catalog.location}
            ],
        )
    )
    assert done.purchase_order.status is PurchaseOrderStatus.RECEIVED
    [entry] = sandbox.table("fg_ledger").values()
    assert (entry["eventType"], entry["skuId"], entry["quantity"], entry["code"]) == (
        "RECEIVE",
        catalog.sku,
        "12",
        "CUP-12",
    )
    assert sandbox.table("materials_ledger") == {}


async def test_a_cancelled_order_stays_cancelled(
    mode: Mode, sandbox: PharusSandbox, catalog: Catalog
) -> None:
    client = make_client(mode, sandbox)
    order = (await mode(client.purchase_orders.create(**_po(catalog)))).purchase_order
    cancelled = await mode(client.purchase_orders.update(order.id, status="Cancelled"))
    assert (cancelled.status, cancelled.cancelled_at) == ("Cancelled", T0)
    with pytest.raises(InvalidTransitionError) as caught:
        await mode(client.purchase_orders.update(order.id, status=PurchaseOrderStatus.PLACED))
    assert caught.value.details == {"from": "Cancelled", "to": "Placed"}
    with pytest.raises(InvalidTransitionError):
        await mode(
            client.purchase_orders.receipts.create(
                order.id, items=[{"purchaseOrderItemId": ID, "quantity": 1}]
            )
        )
    again = await mode(client.purchase_orders.update(order.id, notes="kept"))
    assert (again.status, again.notes) == ("Cancelled", "kept")


async def test_items_across_orders_page_by_cursor(
    mode: Mode, sandbox: PharusSandbox, catalog: Catalog
) -> None:
    client = make_client(mode, sandbox)
    for _ in range(3):
        await mode(client.purchase_orders.create(**_po(catalog)))
    before = len(sandbox.requests)
    items = await mode.collect(client.purchase_orders.items.list_all(page_size=2))
    assert [i.model_extra for i in items] == [
        {"poNumber": "PO-0001"},
        {"poNumber": "PO-0002"},
        {"poNumber": "PO-0003"},
    ]
    assert len(sandbox.requests) - before == 2
    first_two = await mode.collect(client.purchase_orders.items.list_all(limit=2))
    assert first_two == items[:2]


async def test_statuses_and_the_pdf(mode: Mode, sandbox: PharusSandbox, catalog: Catalog) -> None:
    client = make_client(mode, sandbox)
    statuses = await mode.collect(client.purchase_orders.statuses())
    assert statuses == list(PurchaseOrderStatus)
    order = (await mode(client.purchase_orders.create(**_po(catalog)))).purchase_order
    pdf = await mode(client.purchase_orders.pdf(order.id))
    assert isinstance(pdf, bytes)
    assert pdf.startswith(b"%PDF-1.4\n")
    assert b"Purchase order PO-0001 (Placed, 1 lines)" in pdf
    assert sandbox.requests[-1].header("accept") == "application/pdf"
    assert sandbox.requests[-1].header("x-org-id") == sandbox.DEFAULT_ORG_ID
    with pytest.raises(NotFoundError):
        await mode(client.purchase_orders.pdf(ID))


async def test_the_pdf_is_returned_byte_for_byte(mode: Mode) -> None:
    client = plain_client(mode)
    content = b"%PDF-1.7\n\x00\xff\xfe binary \r\n%%EOF"
    with respx.mock(base_url=BASE) as router:
        route = router.get(f"/api/purchase-orders/{ID}/pdf").mock(
            side_effect=[
                httpx.Response(200, content=content, headers={"Content-Type": "application/pdf"}),
                httpx.Response(
                    409,
                    json={"error": {"code": "invalid_transition", "message": "still planning"}},
                ),
            ]
        )
        assert await mode(client.purchase_orders.pdf(ID)) == content
        with pytest.raises(InvalidTransitionError, match="still planning"):
            await mode(client.purchase_orders.pdf(ID))
    assert route.calls[0].request.headers["X-Org-Id"] == ORG
    assert route.calls[0].request.headers["Accept"] == "application/pdf"
    await mode.close(client)


async def test_route_overrides_move_the_pdf(mode: Mode) -> None:
    client = plain_client(
        mode, route_overrides={"purchase_orders.pdf": ("POST", "/api/po/{purchase_order_id}.pdf")}
    )
    with respx.mock(base_url=BASE) as router:
        route = router.post(f"/api/po/{ID}.pdf").respond(200, content=b"%PDF-")
        assert await mode(client.purchase_orders.pdf(ID)) == b"%PDF-"
    assert route.called
    await mode.close(client)


async def test_bulk_import_reports_each_row_and_a_refused_batch(
    mode: Mode, sandbox: PharusSandbox, catalog: Catalog
) -> None:
    client = make_client(mode, sandbox)
    good = _po(catalog)
    bad = _po(catalog, vendor_id="00000000-0000-4000-8000-00000000dead")
    report = await mode(client.purchase_orders.bulk_import([good, good, bad], batch_size=2))
    assert [(r.index, r.status) for r in report.rows] == [
        (0, "created"),
        (1, "created"),
        (2, "error"),
    ]
    assert report.ids == list(sandbox.table("purchase_orders"))
    assert len(report.ids) == 2
    assert not report.ok
    with pytest.raises(InvalidRequestError) as caught:
        await mode(client.purchase_orders.bulk_import([good, {**good, "status": "Lost"}]))
    assert "rows.1.status" in caught.value.field_errors


async def test_other_organizations_and_roles(
    mode: Mode, sandbox: PharusSandbox, catalog: Catalog
) -> None:
    client = make_client(mode, sandbox)
    order = (await mode(client.purchase_orders.create(**_po(catalog)))).purchase_order
    other = sandbox.add_org("Elsewhere", "elsewhere", sandbox.DEFAULT_USER_ID)
    elsewhere = client.for_org(other["id"])  # after client.purchase_orders was used
    with pytest.raises(NotFoundError):
        await mode(elsewhere.purchase_orders.retrieve(order.id))
    assert await mode.collect(elsewhere.purchase_orders.list()) == []

    viewer = sandbox.add_user("viewer@example.test", "Viewer")
    sandbox.tokens["viewer-token"] = viewer["id"]
    sandbox.add_member(sandbox.DEFAULT_ORG_ID, viewer["id"], "viewer")
    as_viewer = make_client(mode, sandbox, token="viewer-token")
    assert [o.id for o in await mode.collect(as_viewer.purchase_orders.list())] == [order.id]
    with pytest.raises(PermissionDeniedError):
        await mode(as_viewer.purchase_orders.update(order.id, notes="no"))
    with pytest.raises(PermissionDeniedError):
        await mode(as_viewer.purchase_orders.receipts.create(order.id, items=[]))


@pytest.mark.parametrize(
    ("lines", "field"),
    [
        ([], "items"),
        ([{"purchaseOrderItemId": ["x"], "quantity": 1}], "items.0.purchaseOrderItemId"),
        ([{"purchaseOrderItemId": ID, "quantity": 1}], "items.0.purchaseOrderItemId"),
        ([{"purchaseOrderItemId": "LINE", "quantity": "3"}], "items.0.quantity"),
        ([{"purchaseOrderItemId": "LINE", "quantity": True}], "items.0.quantity"),
        ([{"purchaseOrderItemId": "LINE", "quantity": -2}], "items.0.quantity"),
        ([{"purchaseOrderItemId": "LINE", "quantity": 1, "locationId": 7}], "items.0.locationId"),
    ],
)
async def test_the_fake_refuses_odd_receipt_lines(
    mode: Mode, sandbox: PharusSandbox, catalog: Catalog, lines: list[Any], field: str
) -> None:
    client = make_client(mode, sandbox)
    created = await mode(client.purchase_orders.create(**_po(catalog)))
    sent = json.loads(json.dumps(lines).replace('"LINE"', f'"{created.items[0].id}"'))
    with pytest.raises(BadRequestError) as caught:
        await mode(client.purchase_orders.receipts.create(created.purchase_order.id, items=sent))
    assert caught.value.code == "validation_failed"
    assert list(caught.value.field_errors) == [field]
    assert sandbox.table("purchase_order_receipts") == {}
    assert sandbox.table("materials_ledger") == {}
