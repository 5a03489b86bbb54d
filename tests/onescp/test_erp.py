"""ERP -> portal upserts: checklist validation, batching, per-row report, idempotency, retries."""

from __future__ import annotations

import json
from typing import Any

import pytest

from supplychain_sdk import InternalServerError, InvalidRequestError, ResponseDecodeError
from supplychain_sdk.onescp import ErpRowError, ErpSyncReport, Item, Order, Shipment
from supplychain_sdk.sandbox import Fault
from supplychain_sdk.sandbox.onescp import OneScpSandbox
from tests.conftest import Mode
from tests.onescp.conftest import LINE, ORDER, last, sent

COMPANY = OneScpSandbox.SUPPLIER_COMPANY_ID
SUPPLIER_USER = OneScpSandbox.SUPPLIER_USER_ID


def erp_order(n: int, **changes: Any) -> dict[str, Any]:
    row = {
        "erpId": f"SAP-PO-{n}",
        "purchaseOrderNumber": f"PO-ERP-{n:04d}",
        "supplierCompany": COMPANY,
        "supplierId": SUPPLIER_USER,
        "supplierAccountNumber": "V-1001",
        "destination": {"country": "DE", "city": "Hamburg", "postalCode": "20095"},
        "contactEmail": "buyer@acme.example",
        "lines": [{"position": "10", "item": {"number": "MAT-1"}, "quantity": n + 1}],
    }
    row.update(changes)
    return row


async def test_orders_are_created_then_updated_idempotently(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    rows = [erp_order(1), erp_order(2)]
    report = await mode(client.orders.upsert_from_erp(rows))
    request = last(sandbox)
    assert (request.method, request.path) == ("POST", "/api/purchase-order/sync-from-erp")
    assert sent(request) == {"orders": rows}
    assert isinstance(report, ErpSyncReport)
    assert (len(report.created), report.updated, report.errors, report.batches) == (2, [], [], 1)
    assert report.ok
    first = report.created[0]
    assert isinstance(first, Order)
    assert (first.erp_id, first.purchase_order_number, first.supplier_company) == (
        "SAP-PO-1",
        "PO-ERP-0001",
        COMPANY,
    )
    assert first.order_lines is not None
    assert first.order_lines[0].quantity == 2

    again = await mode(client.orders.upsert_from_erp([erp_order(1, notes="changed"), erp_order(2)]))
    assert (again.created, [o.erp_id for o in again.updated]) == ([], ["SAP-PO-1", "SAP-PO-2"])
    assert again.updated[0].notes == "changed"
    assert again.updated[0].id == first.id
    assert len([o for o in sandbox.orders.values() if o.get("erpId")]) == 2  # no duplicates


async def test_batches_and_one_merged_report(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    rows = [erp_order(n) for n in range(250)]
    rows[120] = erp_order(120, supplierCompany="cc0000000000000000000001")  # the buyer company
    report = await mode(client.orders.upsert_from_erp(rows))
    bodies = [json.loads(r.body) for r in sandbox.requests]
    assert [len(b["orders"]) for b in bodies] == [100, 100, 50]
    assert bodies[1]["orders"][0] == rows[100]
    assert report.batches == 3
    assert len(report.created) == 249
    assert report.errors == [
        ErpRowError(
            payload=rows[120],
            message="supplierCompany cc0000000000000000000001 is not a supplier company",
        )
    ]
    assert not report.ok
    small = await mode(client.orders.upsert_from_erp(rows[:5], batch_size=2))
    assert small.batches == 3
    assert len(small.updated) == 5


async def test_a_refused_batch_reports_its_rows_and_the_rest_goes_on(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    body = {"success": False, "message": "Payload too large", "error": {"code": "VALIDATION_ERROR"}}
    sandbox.faults.add(Fault("status", status=413, body=body, times=1))
    rows = [erp_order(n) for n in range(4)]
    report = await mode(client.orders.upsert_from_erp(rows, batch_size=2))
    assert report.batches == 2
    assert [e.payload for e in report.errors] == rows[:2]
    assert {e.message for e in report.errors} == {"Payload too large"}
    assert [o.erp_id for o in report.created] == ["SAP-PO-2", "SAP-PO-3"]


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"errors": 5}, "('errors',)"),
        ({"created": 5}, "('created',)"),
        ({"updated": "x"}, "('updated',)"),
        ({"created": [7]}, "('created', 0)"),
    ],
)
async def test_odd_answers_are_decode_errors_not_type_errors(
    mode: Mode, sandbox: OneScpSandbox, client: Any, body: dict[str, Any], where: str
) -> None:
    # regression: `errors: 5` used to raise TypeError; `created: 5` was silently dropped
    sandbox.faults.add(Fault("status", status=200, body={"success": True, **body}, times=1))
    with pytest.raises(ResponseDecodeError, match="unexpected shape") as caught:
        await mode(client.orders.upsert_from_erp([erp_order(1)]))
    assert where in str(caught.value)


async def test_refused_rows_in_every_documented_wording(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    errors = [{"payload": {"erpId": "A"}, "error": "bad"}, "plain", {"payload": 3}]
    sandbox.faults.add(Fault("status", status=200, body={"success": True, "errors": errors}))
    report = await mode(client.orders.upsert_from_erp([erp_order(1)]))
    assert report.errors == [
        ErpRowError(payload={"erpId": "A"}, message="bad"),
        ErpRowError(payload={}, message="plain"),
        ErpRowError(payload={}, message="rejected without a reason"),
    ]
    assert (report.created, report.updated, report.batches) == ([], [], 1)


async def test_upserts_are_retried_on_transient_failures(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    sandbox.faults.statuses([503, 502], method="POST")
    report = await mode(client.orders.upsert_from_erp([erp_order(1)]))
    assert len(report.created) == 1
    assert [r.method for r in sandbox.requests] == ["POST", "POST", "POST"]
    assert len(mode.sleeps) == 2
    sandbox.faults.statuses([500, 500, 500], method="POST")
    with pytest.raises(InternalServerError):
        await mode(client.orders.upsert_from_erp([erp_order(1)]))


@pytest.mark.parametrize(
    ("rows", "field_errors"),
    [
        (
            [erp_order(1, orderLines=[{"quantity": 1}], lines=None)],
            {"rows[0].orderLines": ["use 'lines', not 'orderLines' (sync-from-erp reads 'lines')"]},
        ),
        (
            [erp_order(1, supplierCompany="1001", supplierId=None)],
            {
                "rows[0].supplierCompany": ["must be an ONESCP id (24 hex characters), got '1001'"],
                "rows[0].supplierId": ["is required (an ONESCP id)"],
            },
        ),
        (
            [erp_order(1, contactEmail="", destination={}, supplierAccountNumber=" ")],
            {
                "rows[0].supplierAccountNumber": ["is required (a non-empty string)"],
                "rows[0].destination": ["is required (the delivery address object)"],
                "rows[0].contactEmail": [
                    "is required and must not be empty (the buyer contact email)"
                ],
            },
        ),
        (
            [erp_order(1), erp_order(2, purchaseOrderNumber=None, lines=[])],
            {
                "rows[1].purchaseOrderNumber": ["is required (a non-empty string)"],
                "rows[1].lines": ["is required (a non-empty list of order lines)"],
            },
        ),
        (
            [erp_order(1, buyerCompany="", erpId="")],
            {
                "rows[0].erpId": ["must be a non-empty string when given"],
                "rows[0].buyerCompany": [
                    "must be an ONESCP id (24 hex characters), got ''; omit it instead"
                ],
            },
        ),
        (["PO-1"], {"rows[0]": ["must be a dict, not str"]}),
    ],
)
async def test_order_rows_are_checked_before_anything_is_sent(
    mode: Mode,
    sandbox: OneScpSandbox,
    client: Any,
    rows: list[Any],
    field_errors: dict[str, list[str]],
) -> None:
    with pytest.raises(InvalidRequestError, match="nothing was sent") as caught:
        await mode(client.orders.upsert_from_erp(rows))
    assert caught.value.field_errors == field_errors
    assert sandbox.requests == []


@pytest.mark.parametrize(
    ("rows", "kwargs", "message"),
    [
        ([], {}, "needs at least one row"),
        ({"orders": []}, {}, "rows must be a list"),
        ([erp_order(1)], {"batch_size": 0}, "batch_size must be a positive integer"),
    ],
)
async def test_bad_arguments(
    mode: Mode,
    sandbox: OneScpSandbox,
    client: Any,
    rows: Any,
    kwargs: dict[str, Any],
    message: str,
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        await mode(client.orders.upsert_from_erp(rows, **kwargs))
    assert sandbox.requests == []


async def test_shipments_from_erp(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    row = {
        "erpId": "SAP-SHP-456",
        "shipmentNumber": "SHP-001",
        "purchaseOrder": ORDER,
        "lineIds": [LINE],
    }
    report = await mode(client.shipments.upsert_from_erp([row]))
    assert (last(sandbox).method, last(sandbox).path) == ("POST", "/api/shipment/sync-from-erp")
    assert sent(last(sandbox)) == {"shipments": [row]}
    (shipment,) = report.created
    assert isinstance(shipment, Shipment)
    assert (shipment.erp_id, shipment.shipment_number, shipment.line_ids) == (
        "SAP-SHP-456",
        "SHP-001",
        [LINE],
    )
    update = {"erpId": "SAP-SHP-456", "carrier": "CMA CGM"}
    again = await mode(client.shipments.upsert_from_erp([update]))
    assert [s.id for s in again.updated] == [shipment.id]
    assert again.updated[0].carrier == "CMA CGM"
    orphan = {"erpId": "SAP-SHP-999", "carrier": "DHL"}
    refused = await mode(client.shipments.upsert_from_erp([orphan]))
    assert refused.errors == [
        ErpRowError(payload=orphan, message="New shipments require purchaseOrder and lineIds")
    ]
    with pytest.raises(InvalidRequestError) as caught:
        await mode(
            client.shipments.upsert_from_erp(
                [{"shipmentNumber": "SHP-2"}, {"erpId": "E", "lineIds": ["10"]}]
            )
        )
    assert caught.value.field_errors == {
        "rows[0].erpId": [
            "is required, or shipmentNumber and purchaseOrder (the keys the upsert matches on)"
        ],
        "rows[1].lineIds": ["must hold ONESCP ids (24 hex characters), got ['10']"],
    }


async def test_items_from_erp(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    rows = [
        {"itemNumber": "MAT-001", "name": "Bolt M8", "type": "Material"},
        {"itemNumber": "ITEM-001", "name": "Laptop (ERP name)"},
        {"itemNumber": "MAT-002", "type": "Gadget"},
    ]
    report = await mode(client.items.upsert_from_erp(rows))
    assert (last(sandbox).method, last(sandbox).path) == ("POST", "/api/items/sync-from-erp")
    assert sent(last(sandbox)) == {"items": rows}
    assert [(i.item_number, type(i)) for i in report.created] == [("MAT-001", Item)]
    assert [i.name for i in report.updated] == ["Laptop (ERP name)"]
    assert report.errors == [ErpRowError(payload=rows[2], message="Invalid type: Gadget")]
    with pytest.raises(InvalidRequestError) as caught:
        await mode(client.items.upsert_from_erp([{"name": "no number"}]))
    assert caught.value.field_errors == {
        "rows[0].itemNumber": ["is required (a non-empty string, the item's unique key)"]
    }
