"""The ONe route table, walked row by row: every row has a sync and an async method, a
reference line marked inferred, and sends exactly the declared request."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from supplychain_sdk.one_platform import (
    Acknowledgement,
    AsyncOnePlatform,
    ClientRecord,
    DocumentLine,
    OnePlatform,
    PendingShipment,
    PushReport,
    UploadTarget,
)
from supplychain_sdk.one_platform._routes import ROUTES
from tests.conftest import Mode
from tests.one_platform.conftest import BASE, TOKEN, make_client
from tests.routes import NO_BODY, Case, check_table, run_case

A = "/api/v1/account/integrations/auth-required"
INV = "/api/v1/invoices/integrations/auth-required/invoices"
WZ = "/api/v1/goods-issued-notes/integrations/auth-required/goods-issued-notes"
ACK = {"id": "X-1", "status": "saved"}
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
GET_AUTH = {"Authorization": f"Bearer {TOKEN}"}


def expect(result: Any, expected: Any) -> None:
    assert result == expected
    assert type(result) is type(expected)


def ack(result: Any) -> None:
    assert result == Acknowledgement(id="X-1", status="saved")


def pushed(rows: int) -> Any:
    def check(report: Any) -> None:
        assert isinstance(report, PushReport)
        assert (report.total_rows, report.accepted, report.ok) == (rows, rows, True)
        assert [(c.start, c.stop, c.status, c.status_code) for c in report.chunks] == [
            (0, rows, "accepted", 200)
        ]

    return check


CASES: dict[str, Case] = {
    "segments.put": Case(
        call=lambda c: c.segments.put("SEG 1", name="Wholesale", description="big buyers"),
        method="PUT",
        path=f"{A}/segments/SEG%201",
        json={"name": "Wholesale", "description": "big buyers"},
        headers=AUTH,
        answer=ACK,
        check=ack,
    ),
    "warehouses.create": Case(
        call=lambda c: c.warehouses.create(
            code="MAIN", name="Main", address={"city": "Łódź", "country_code": "PL"}
        ),
        method="POST",
        path=f"{A}/warehouses",
        json={"code": "MAIN", "name": "Main", "address": {"city": "Łódź", "countryCode": "PL"}},
        headers=AUTH,
        answer=ACK,
        check=ack,
    ),
    "stocks.push_incremental": Case(
        call=lambda c: c.stocks.push_incremental(
            "MAIN/2", [{"product_code": "SKU-1", "quantity": Decimal("12.500")}]
        ),
        method="POST",
        path="/api/v1/stock/integrations/auth-required/warehouses/MAIN%2F2/stocks/incremental",
        json=[{"productCode": "SKU-1", "quantity": 12.5}],
        headers=AUTH,
        answer={"accepted": 1},
        check=pushed(1),
    ),
    "clients.create": Case(
        call=lambda c: c.clients.create(
            [ClientRecord(client_id="C-9", name="Nowak", tax_id="5250000000", vip=True)]
        ),
        method="POST",
        path=f"{A}/clients",
        json=[{"clientId": "C-9", "name": "Nowak", "taxId": "5250000000", "vip": True}],
        headers=AUTH,
        answer={"accepted": 1},
        check=pushed(1),
    ),
    "clients.update": Case(
        call=lambda c: c.clients.update([{"clientId": "C-9", "name": "Nowak SA"}]),
        method="PUT",
        path=f"{A}/clients",
        json=[{"clientId": "C-9", "name": "Nowak SA"}],
        headers=AUTH,
        answer=None,
        check=pushed(1),
    ),
    "clients.retrieve": Case(
        call=lambda c: c.clients.retrieve("C/9"),
        method="GET",
        path=f"{A}/clients/C%2F9",
        headers=GET_AUTH,
        absent=["Content-Type"],
        answer={"clientId": "C/9", "name": "Nowak", "creditHold": False},
        check=lambda r: expect(r, ClientRecord(client_id="C/9", name="Nowak", creditHold=False)),
    ),
    "trade_credits.put": Case(
        call=lambda c: c.trade_credits.put(
            "ORG-1", limit=Decimal("15000.00"), payment_date=dt.date(2026, 2, 1), currency="PLN"
        ),
        method="PUT",
        path=f"{A}/trade-credits/ORG-1",
        json={"limit": 15000.00, "paymentDate": "2026-02-01", "currency": "PLN"},
        headers=AUTH,
        answer=ACK,
        check=ack,
    ),
    "client_blockades.put": Case(
        call=lambda c: c.client_blockades.put("C-9", blocked=True, reason="overdue"),
        method="PUT",
        path=f"{A}/client-blockades/C-9",
        json={"blocked": True, "reason": "overdue"},
        headers=AUTH,
        answer=ACK,
        check=ack,
    ),
    "prices.push_retail": Case(
        call=lambda c: c.prices.push_retail(
            [{"product_code": "SKU-1", "gross_price": Decimal("19.99"), "currency": "PLN"}]
        ),
        method="POST",
        path="/api/v1/pricing/integrations/auth-required/retail-prices",
        json=[{"productCode": "SKU-1", "grossPrice": 19.99, "currency": "PLN"}],
        headers=AUTH,
        answer={"accepted": 1},
        check=pushed(1),
    ),
    "prices.push_b2b": Case(
        call=lambda c: c.prices.push_b2b(
            [
                {
                    "client_id": "C-9",
                    "price_list_id": "PL-1",
                    "product_code": "SKU-1",
                    "net_price": Decimal("9.10"),
                    "currency": "EUR",
                    "valid_from": dt.date(2026, 1, 1),
                }
            ]
        ),
        method="POST",
        path="/api/v1/pricing/integrations/auth-required/prices",
        json=[
            {
                "clientId": "C-9",
                "priceListId": "PL-1",
                "productCode": "SKU-1",
                "netPrice": 9.10,
                "currency": "EUR",
                "validFrom": "2026-01-01",
            }
        ],
        headers=AUTH,
        answer={"accepted": 1},
        check=pushed(1),
    ),
    "invoices.create": Case(
        call=lambda c: c.invoices.create(
            {
                "invoice_id": "FV-1",
                "number": "FV/1/2026",
                "client_id": "C-9",
                "issue_date": "2026-01-05",
                "currency": "PLN",
                "net_total": Decimal("100.00"),
                "gross_total": Decimal("123.00"),
                "lines": [{"product_code": "SKU-1", "quantity": 2, "net_price": "50.00"}],
            }
        ),
        method="POST",
        path=INV,
        json={
            "invoiceId": "FV-1",
            "number": "FV/1/2026",
            "clientId": "C-9",
            "issueDate": "2026-01-05",
            "currency": "PLN",
            "netTotal": 100.00,
            "grossTotal": 123.00,
            "lines": [{"productCode": "SKU-1", "quantity": 2, "netPrice": 50.00}],
        },
        headers=AUTH,
        answer=ACK,
        check=ack,
    ),
    "invoices.begin_upload": Case(
        call=lambda c: c.invoices.begin_upload("FV-1", file_name="FV-1.pdf", size=2048),
        method="POST",
        path=f"{INV}/file-upload-begin",
        json={
            "invoiceId": "FV-1",
            "fileName": "FV-1.pdf",
            "contentType": "application/pdf",
            "size": 2048,
        },
        headers=AUTH,
        answer={"uploadId": "U-1", "uploadUrl": "https://s3.example.test/b/U-1?X-Amz-Signature=s"},
        check=lambda r: expect(
            r,
            UploadTarget(
                upload_id="U-1", upload_url="https://s3.example.test/b/U-1?X-Amz-Signature=s"
            ),
        ),
    ),
    "invoices.complete_upload": Case(
        call=lambda c: c.invoices.complete_upload("FV-1", upload_id="U-1"),
        method="POST",
        path=f"{INV}/file-upload-complete",
        json={"invoiceId": "FV-1", "uploadId": "U-1"},
        headers=AUTH,
        answer=ACK,
        check=ack,
    ),
    "invoices.push_statuses": Case(
        call=lambda c: c.invoices.push_statuses(
            [{"invoice_id": "FV-1", "status": "paid", "paid_amount": Decimal("123.00")}]
        ),
        method="POST",
        path=f"{INV}/status",
        json=[{"invoiceId": "FV-1", "status": "paid", "paidAmount": 123.00}],
        headers=AUTH,
        answer={"accepted": 1},
        check=pushed(1),
    ),
    "goods_issued_notes.create": Case(
        call=lambda c: c.goods_issued_notes.create(
            {
                "note_id": "WZ-1",
                "number": "WZ/1/2026",
                "client_id": "C-9",
                "issue_date": dt.date(2026, 1, 5),
                "lines": [{"product_code": "SKU-1", "quantity": Decimal("2")}],
            }
        ),
        method="POST",
        path=WZ,
        json={
            "noteId": "WZ-1",
            "number": "WZ/1/2026",
            "clientId": "C-9",
            "issueDate": "2026-01-05",
            "lines": [{"productCode": "SKU-1", "quantity": 2}],
        },
        headers=AUTH,
        answer=ACK,
        check=ack,
    ),
    "goods_issued_notes.initialize_upload": Case(
        call=lambda c: c.goods_issued_notes.initialize_upload("WZ-1", file_name="wz.pdf", size=9),
        method="POST",
        path=f"{WZ}/file-upload-initialize",
        json={"noteId": "WZ-1", "fileName": "wz.pdf", "contentType": "application/pdf", "size": 9},
        headers=AUTH,
        answer={"fileId": "F-2", "url": "https://s3.example.test/b/F-2", "method": "POST"},
        check=lambda r: expect(
            r,
            UploadTarget(
                upload_id="F-2", upload_url="https://s3.example.test/b/F-2", method="POST"
            ),
        ),
    ),
    "goods_issued_notes.finalize_upload": Case(
        call=lambda c: c.goods_issued_notes.finalize_upload("WZ-1"),
        method="POST",
        path=f"{WZ}/file-upload-finalize",
        json={"noteId": "WZ-1"},
        headers=AUTH,
        answer=None,
        check=lambda r: expect(r, Acknowledgement()),
    ),
    "orders.pending_shipments": Case(
        call=lambda c: c.orders.pending_shipments(),
        method="GET",
        path=f"{A}/order/shipment",
        headers=GET_AUTH,
        answer=[
            {"orderId": "O-1", "clientId": "C-9", "lines": [{"productCode": "A", "quantity": 1}]},
            {"orderId": "O-2", "priority": "high"},
        ],
        check=lambda items: expect(
            items,
            [
                PendingShipment(
                    order_id="O-1",
                    client_id="C-9",
                    lines=[DocumentLine(product_code="A", quantity=Decimal(1))],
                ),
                PendingShipment(order_id="O-2", priority="high"),
            ],
        ),
    ),
    "orders.push_status": Case(
        call=lambda c: c.orders.push_status(
            [{"order_id": "O-1", "status": "shipped", "tracking_number": "TRK1"}]
        ),
        method="POST",
        path=f"{A}/order/status",
        json=[{"orderId": "O-1", "status": "shipped", "trackingNumber": "TRK1"}],
        headers=AUTH,
        answer={"accepted": 1},
        check=pushed(1),
    ),
    "offline_orders.create": Case(
        call=lambda c: c.offline_orders.create(
            {
                "order_id": "ERP-77",
                "client_id": "C-9",
                "order_date": "2026-01-05",
                "currency": "PLN",
                "lines": [{"product_code": "SKU-1", "quantity": 1, "net_price": "10.00"}],
            }
        ),
        method="POST",
        path="/api/v1/orders/integrations/auth-required/offline-order/shipment",
        json={
            "orderId": "ERP-77",
            "clientId": "C-9",
            "orderDate": "2026-01-05",
            "currency": "PLN",
            "lines": [{"productCode": "SKU-1", "quantity": 1, "netPrice": 10.00}],
        },
        headers=AUTH,
        answer=ACK,
        check=ack,
    ),
}


def test_every_row_has_methods_a_case_and_a_reference_line() -> None:
    check_table(
        routes=ROUTES,
        sync_client=OnePlatform,
        async_client=AsyncOnePlatform,
        cases=CASES,
        reference="docs/reference/one_platform.md",
        composites=["client.invoices.upload_pdf", "client.goods_issued_notes.upload_pdf"],
    )
    assert all(op.inferred for op in ROUTES.values())


@pytest.mark.parametrize("name", sorted(CASES))
async def test_each_row_sends_exactly_its_request(mode: Mode, name: str) -> None:
    await run_case(mode, make_client(mode), CASES[name], BASE)


def test_no_body_marker_is_used_for_gets() -> None:
    assert CASES["clients.retrieve"].json is NO_BODY
    assert CASES["orders.pending_shipments"].json is NO_BODY
