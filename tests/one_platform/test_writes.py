"""Single writes and reads: bad input refused with field errors before anything is sent;
answers read as the models say; an unreadable push answer fails only its chunk."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest
import respx

from supplychain_sdk import InvalidRequestError, ResponseDecodeError
from supplychain_sdk.one_platform import Acknowledgement, InvoiceDocument
from tests.conftest import Mode
from tests.one_platform.conftest import BASE, make_client

INVOICE: dict[str, Any] = {
    "invoice_id": "FV-1",
    "number": "FV/1",
    "client_id": "C-1",
    "issue_date": "2026-01-05",
    "currency": "PLN",
    "net_total": Decimal("1"),
    "gross_total": Decimal("1.23"),
}


@pytest.mark.parametrize(
    ("call", "fields"),
    [
        (lambda c: c.trade_credits.put("ORG", limit=Decimal("-1")), ["limit"]),
        (lambda c: c.trade_credits.put("ORG", limit=1, currency="pln"), ["currency"]),
        (lambda c: c.trade_credits.put("ORG", limit=1, payment_date="soon"), ["payment_date"]),
        (lambda c: c.segments.put("S", name=""), ["name"]),
        (
            lambda c: c.warehouses.create(code="W", name="N", address={"country_code": "POL"}),
            ["address.country_code"],
        ),
        (lambda c: c.invoices.create({**INVOICE, "issue_date": "05.01.2026"}), ["issue_date"]),
        (
            lambda c: c.invoices.create({"invoice_id": "FV-1"}),
            ["number", "clientId", "issueDate", "currency", "netTotal", "grossTotal"],
        ),
        (
            lambda c: c.offline_orders.create({"order_id": "O"}),
            ["clientId", "orderDate", "currency"],
        ),
        (
            lambda c: c.goods_issued_notes.create({**INVOICE, "note_id": "WZ", "lines": [{}]}),
            ["lines.0.productCode", "lines.0.quantity"],
        ),
        (lambda c: c.invoices.begin_upload("FV-1", file_name="a.pdf", size=0), None),
    ],
)
async def test_bad_input_is_refused_before_sending(
    mode: Mode, call: Any, fields: list[str] | None
) -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        route = router.route()
        with pytest.raises(InvalidRequestError) as info:
            await mode(call(make_client(mode)))
    assert not route.called
    if fields is not None:
        assert sorted(info.value.field_errors) == sorted(fields)


@pytest.mark.parametrize("bad", ["", None, 7])
async def test_bad_ids_are_refused_before_sending(mode: Mode, bad: Any) -> None:
    client = make_client(mode)
    with pytest.raises(InvalidRequestError):
        await mode(client.clients.retrieve(bad))
    with pytest.raises(InvalidRequestError):
        await mode(client.client_blockades.put(bad, blocked=True))
    with pytest.raises(InvalidRequestError):
        await mode(client.invoices.upload_pdf(bad, b"%PDF-1.4"))


async def test_a_model_is_sent_with_its_unknown_fields(mode: Mode) -> None:
    invoice = InvoiceDocument.model_validate({**INVOICE, "ksefNumber": "KSEF-1"})
    with respx.mock(base_url=BASE) as router:
        route = router.post("/api/v1/invoices/integrations/auth-required/invoices").respond(201)
        result = await mode(make_client(mode).invoices.create(invoice))
    assert route.calls.last.request.content == (
        b'{"invoiceId":"FV-1","number":"FV/1","clientId":"C-1","issueDate":"2026-01-05",'
        b'"currency":"PLN","netTotal":1,"grossTotal":1.23,"ksefNumber":"KSEF-1"}'
    )
    assert result == Acknowledgement()


async def test_extra_body_is_sent_as_given(mode: Mode) -> None:
    with respx.mock(base_url=BASE) as router:
        route = router.put(
            "/api/v1/account/integrations/auth-required/client-blockades/C-1"
        ).respond(200, json={"status": "blocked", "blockedAt": "2026-01-05"})
        result = await mode(
            make_client(mode).client_blockades.put(
                "C-1", blocked=True, extra_body={"notifyClient": False}
            )
        )
    assert route.calls.last.request.content == b'{"blocked":true,"notifyClient":false}'
    assert result == Acknowledgement(status="blocked", blockedAt="2026-01-05")


async def test_an_unreadable_push_answer_fails_only_its_chunk(mode: Mode) -> None:
    answers = [
        httpx.Response(200, json={"accepted": 2}),
        httpx.Response(
            200, content=b'{"accepted": 2', headers={"content-type": "application/json"}
        ),
    ]
    rows = [{"product_code": f"S{n}", "quantity": 1} for n in range(4)]
    with respx.mock(base_url=BASE) as router:
        router.post(
            "/api/v1/stock/integrations/auth-required/warehouses/MAIN/stocks/incremental"
        ).mock(side_effect=answers)
        report = await mode(make_client(mode).stocks.push_incremental("MAIN", rows, chunk_size=2))
    assert [(c.status, c.status_code) for c in report.chunks] == [
        ("accepted", 200),
        ("failed", 200),
    ]
    assert isinstance(report.errors[0], ResponseDecodeError)
    assert report.failed_rows == rows[2:]
