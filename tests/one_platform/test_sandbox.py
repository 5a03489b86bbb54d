"""The ONe sandbox behaves like a server would: bearer auth, 413 over 10,000 rows, unknown
clients, price lists counted per client, pending orders that leave once handled, and an
error answer (never a 500) for malformed input on every route."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from supplychain_sdk import (
    AuthenticationError,
    ConflictError,
    NotFoundError,
    UnprocessableEntityError,
)
from supplychain_sdk.one_platform import AsyncOnePlatform, OnePlatform
from supplychain_sdk.sandbox import Sandbox
from supplychain_sdk.sandbox.one_platform import OnePlatformSandbox
from tests.conftest import Mode
from tests.one_platform.conftest import sandbox_client

ROOT = Path(__file__).resolve().parents[2]
A = "/api/v1/account/integrations/auth-required"
STOCKS = "/api/v1/stock/integrations/auth-required/warehouses/MAIN/stocks/incremental"


def raw(sandbox: OnePlatformSandbox, **headers: str) -> httpx.Client:
    headers.setdefault("Authorization", f"Bearer {sandbox.TOKEN}")
    return sandbox.http_client(base_url=sandbox.base_url, headers=headers)


def test_it_is_a_sandbox_with_every_route_of_the_document() -> None:
    assert issubclass(OnePlatformSandbox, Sandbox)
    document = (ROOT / "tests/specs/one-platform-integration.txt").read_text(encoding="utf-8")
    paths = {template for _, template, _, _ in OnePlatformSandbox._routes}
    for line in document.splitlines():
        for part in line.split("|"):
            for path in part.replace("+", " ").split():
                if path.startswith("/api/v1/"):
                    assert path in paths, path


async def test_requests_without_the_token_are_refused(
    mode: Mode, sandbox: OnePlatformSandbox
) -> None:
    answer = raw(sandbox, Authorization="").get(f"{A}/clients/C-001")
    assert (answer.status_code, answer.json()["message"]) == (
        401,
        "Full authentication is required to access this resource",
    )
    client = sandbox_client(mode, sandbox, token="wrong")
    with pytest.raises(AuthenticationError):
        await mode(client.clients.retrieve("C-001"))
    await mode(client.close())


def test_more_than_10000_rows_in_one_request_get_413(sandbox: OnePlatformSandbox) -> None:
    rows = [{"productCode": f"S{i}", "quantity": 1} for i in range(10_001)]
    answer = raw(sandbox).post(STOCKS, json=rows)
    assert answer.status_code == 413
    assert answer.json()["message"] == "Too many rows in one request: 10001 (at most 10000)"
    assert raw(sandbox).post(STOCKS, json=rows[:10_000]).json() == {"accepted": 10_000}
    assert len(sandbox.stocks["MAIN"]) == 10_000


async def test_unknown_clients_are_not_found(mode: Mode, sandbox: OnePlatformSandbox) -> None:
    client = sandbox_client(mode, sandbox)
    with pytest.raises(NotFoundError, match="client not found"):
        await mode(client.clients.retrieve("C-404"))
    with pytest.raises(NotFoundError, match="client not found"):
        await mode(client.client_blockades.put("C-404", blocked=True))
    report = await mode(
        client.clients.update(
            [{"client_id": "C-001", "name": "A"}, {"client_id": "C-404", "name": "B"}],
            chunk_size=1,
        )
    )
    assert [c.status for c in report.chunks] == ["accepted", "failed"]
    assert sandbox.clients["C-001"]["name"] == "A"
    assert "C-404" not in sandbox.clients
    created = await mode(client.clients.create([{"client_id": "C-404", "name": "B"}]))
    assert created.ok
    assert (await mode(client.clients.retrieve("C-404"))).name == "B"
    await mode(client.close())


async def test_the_sandbox_counts_price_lists_per_client_across_pushes(
    mode: Mode,
) -> None:
    sandbox = OnePlatformSandbox(max_price_lists=3)
    client = sandbox_client(mode, sandbox)

    def rows(*lists: str) -> list[dict[str, Any]]:
        return [
            {
                "client_id": "C-001",
                "price_list_id": name,
                "product_code": "SKU-1",
                "net_price": Decimal("2.50"),
                "currency": "PLN",
            }
            for name in lists
        ]

    assert (await mode(client.prices.push_b2b(rows("A", "B", "C")))).ok
    report = await mode(client.prices.push_b2b(rows("A", "D")))
    error = report.errors[0]
    assert isinstance(error, UnprocessableEntityError)
    assert error.error_message == "price list limit exceeded for client C-001: 4 (at most 3)"
    assert sandbox.price_lists == {"C-001": {"A", "B", "C"}}
    assert sandbox.b2b_prices[("C-001", "A", "SKU-1")]["netPrice"] == Decimal("2.50")
    await mode(client.close())


async def test_pending_shipments_leave_once_their_status_is_pushed(
    mode: Mode, sandbox: OnePlatformSandbox
) -> None:
    client = sandbox_client(mode, sandbox)
    orders = await mode.collect(client.orders.pending_shipments())
    assert [o.order_id for o in orders] == ["ONE-1001", "ONE-1002"]
    report = await mode(client.orders.push_status([{"order_id": "ONE-1001", "status": "shipped"}]))
    assert report.ok
    orders = await mode.collect(client.orders.pending_shipments())
    assert [o.order_id for o in orders] == ["ONE-1002"]
    report = await mode(client.orders.push_status([{"order_id": "NOPE", "status": "shipped"}]))
    assert isinstance(report.errors[0], NotFoundError)
    assert await mode.collect(client.orders.pending_shipments(limit=1)) == orders[:1]
    await mode(client.close())


async def test_every_other_flow_changes_the_sandbox_state(
    mode: Mode, sandbox: OnePlatformSandbox
) -> None:
    client = sandbox_client(mode, sandbox)
    await mode(client.segments.put("SEG-1", name="Wholesale"))
    await mode(client.warehouses.create(code="W2", name="Second"))
    await mode(client.trade_credits.put("ORG-1", limit=Decimal("5000"), payment_date="2026-03-01"))
    await mode(client.client_blockades.put("C-002", blocked=True, reason="overdue"))
    await mode(
        client.prices.push_retail(
            [{"product_code": "SKU-1", "gross_price": Decimal("9.99"), "currency": "PLN"}]
        )
    )
    await mode(
        client.goods_issued_notes.create(
            {"note_id": "WZ-1", "number": "WZ/1", "client_id": "C-001", "issue_date": "2026-01-05"}
        )
    )
    await mode(
        client.offline_orders.create(
            {
                "order_id": "OFF-1",
                "client_id": "C-001",
                "order_date": "2026-01-05",
                "currency": "PLN",
                "lines": [{"product_code": "SKU-1", "quantity": 2}],
            }
        )
    )
    with pytest.raises(ConflictError, match="warehouse W2 exists already"):
        await mode(client.warehouses.create(code="W2", name="Again"))
    assert sandbox.segments["SEG-1"]["name"] == "Wholesale"
    assert sandbox.trade_credits["ORG-1"] == {"limit": 5000, "paymentDate": "2026-03-01"}
    assert sandbox.blockades["C-002"] == {"blocked": True, "reason": "overdue"}
    assert sandbox.retail_prices["SKU-1"]["grossPrice"] == Decimal("9.99")
    assert set(sandbox.notes) == {"WZ-1"}
    assert sandbox.offline_orders["OFF-1"]["lines"] == [{"productCode": "SKU-1", "quantity": 2}]
    report = await mode(client.invoices.push_statuses([{"invoice_id": "FV-0", "status": "paid"}]))
    assert isinstance(report.errors[0], NotFoundError)
    await mode(client.close())


MALFORMED = [b"", b"{", b"{}", b'"text"', b"null", b"[1, 2]", b"NaN", b"\xff\xfe", b"[{}]"]
MALFORMED += [b'{"lines": "x", "productCode": 1}', b"[" * 5000 + b"]" * 5000]


@pytest.mark.parametrize("body", MALFORMED)
def test_malformed_input_gets_an_error_answer_never_a_500(
    sandbox: OnePlatformSandbox, body: bytes
) -> None:
    http = raw(sandbox)
    for method, template, _, _ in OnePlatformSandbox._routes:
        path = template.replace("{", "").replace("}", "")
        if template.startswith("/storage/"):
            continue
        answer = http.request(
            method, path, content=body, headers={"Content-Type": "application/json"}
        )
        assert answer.status_code < 500, (method, path, answer.status_code)
        if method != "GET":
            assert 400 <= answer.status_code < 500, (method, path, body, answer.status_code)
            assert "message" in answer.json() or template == "/oauth/token"


def test_the_storage_origin_takes_only_signed_uploads(sandbox: OnePlatformSandbox) -> None:
    sandbox.invoices["FV-1"] = {"invoiceId": "FV-1"}
    begin = raw(sandbox).post(
        "/api/v1/invoices/integrations/auth-required/invoices/file-upload-begin",
        json={
            "invoiceId": "FV-1",
            "fileName": "a.pdf",
            "contentType": "application/pdf",
            "size": 4,
        },
    )
    url = begin.json()["uploadUrl"]
    assert url.startswith("https://storage.sandbox.invalid/storage/invoices/")
    storage = sandbox.http_client()
    with_token = storage.put(url, content=b"%PDF", headers={"Authorization": "Bearer x"})
    assert with_token.status_code == 400
    unsigned = storage.put(url.split("?")[0] + "?X-Amz-Signature=forged", content=b"%PDF")
    assert unsigned.status_code == 403
    assert storage.put(url, content=b"").status_code == 400
    assert storage.get("https://storage.sandbox.invalid" + A + "/clients/C-001").status_code == 404
    assert storage.put(url, content=b"%PDF").status_code == 200
    assert sandbox.uploads[begin.json()["uploadId"]]["state"] == "uploaded"


def test_begin_refuses_unknown_documents_and_other_file_types(sandbox: OnePlatformSandbox) -> None:
    path = "/api/v1/invoices/integrations/auth-required/invoices/file-upload-begin"
    body = {"invoiceId": "FV-X", "fileName": "a.pdf", "contentType": "application/pdf", "size": 4}
    assert raw(sandbox).post(path, json=body).status_code == 404
    sandbox.invoices["FV-X"] = {}
    answer = raw(sandbox).post(path, json={**body, "contentType": "text/plain"})
    assert answer.status_code == 422


def test_oauth_token_endpoint_checks_the_client(sandbox: OnePlatformSandbox) -> None:
    http = sandbox.http_client(base_url=sandbox.base_url)
    wrong = http.post("/oauth/token", data={"grant_type": "client_credentials"}, auth=("a", "b"))
    assert (wrong.status_code, wrong.json()) == (401, {"error": "invalid_client"})
    grant = http.post("/oauth/token", data={"grant_type": "password"})
    assert grant.status_code == 400
    ok = http.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(sandbox.OAUTH_CLIENT_ID, sandbox.OAUTH_CLIENT_SECRET),
    )
    assert ok.json()["access_token"] in sandbox.tokens


def test_validation_errors_name_the_rows(sandbox: OnePlatformSandbox) -> None:
    answer = raw(sandbox).post(STOCKS, content=json.dumps([{"productCode": "A"}, "x"]))
    assert answer.status_code == 422
    assert answer.json()["errors"] == [
        {"field": "[0].quantity", "message": "is required"},
        {"field": "[1]", "message": "must be an object"},
    ]


async def test_served_on_a_loopback_port_the_whole_flow_works(mode: Mode) -> None:
    sandbox = OnePlatformSandbox()
    sandbox.invoices["FV-1"] = {"invoiceId": "FV-1"}
    with sandbox.serve() as url:
        cls = AsyncOnePlatform if mode.is_async else OnePlatform
        client = cls(url, token=sandbox.TOKEN, max_retries=0)
        report = await mode(
            client.stocks.push_incremental("MAIN", [{"product_code": "A", "quantity": 2}])
        )
        receipt = await mode(client.invoices.upload_pdf("FV-1", b"%PDF-1.4 served"))
        await mode(client.close())
    assert report.ok
    assert receipt.upload_id is not None
    assert sandbox.files[("invoice", "FV-1")] == b"%PDF-1.4 served"
    put = next(r for r in sandbox.requests if r.method == "PUT")
    assert (put.base_url, put.header("authorization")) == (url, None)
