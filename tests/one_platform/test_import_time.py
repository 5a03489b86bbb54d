"""``supplychain_sdk.one_platform`` loads its names on first use (no timed assertions: the
figures are in ``benchmarks/``). What every
platform's package and clients load at import: ``tests/test_lazy_platforms.py``."""

from __future__ import annotations

import typing
from decimal import Decimal
from typing import Any

import pytest
import respx

from supplychain_sdk._core.lazy import TypeRef
from supplychain_sdk.one_platform import (
    Acknowledgement,
    AsyncOnePlatform,
    InvoiceDocument,
    OnePlatform,
)
from supplychain_sdk.one_platform._routes import ROUTES
from tests.conftest import Mode
from tests.lazy_imports import (
    after,
    first_call,
    submodules,
    sync_and_async,
)

PACKAGE = "supplychain_sdk.one_platform"


_FIRST_CALL = """
import asyncio, sys, httpx, respx
from supplychain_sdk.one_platform import {client}
assert "supplychain_sdk.one_platform._models" not in sys.modules
PATH = "/api/v1/account/integrations/auth-required/clients/C-1"
ANSWER = {{"clientId": "C-1", "name": "Acme", "taxId": "PL123"}}
with respx.mock(base_url="https://one.example") as router:
    router.get(PATH).respond(200, json=ANSWER)
    client = {client}("https://one.example", token="t")
    record = {call}
    request = router.calls.last.request
    assert (request.method, request.url.path, request.content) == ("GET", PATH, b"")
    assert request.headers["Authorization"] == "Bearer t"
from supplychain_sdk.one_platform import ClientRecord
assert type(record) is ClientRecord, type(record)
assert record == ClientRecord.model_validate(ANSWER)
assert (record.client_id, record.tax_id) == ("C-1", "PL123")
"""


@pytest.mark.parametrize(
    ("client", "call"), sync_and_async("OnePlatform", "client.clients.retrieve('C-1')")
)
def test_a_first_call_loads_the_models_and_returns_the_exact_model(client: str, call: str) -> None:
    mine, models = first_call(_FIRST_CALL, PACKAGE, client, call)
    assert "._models" in mine
    assert "ClientRecord" in models


def test_a_list_body_is_named_by_reference() -> None:
    body = ROUTES["stocks.push_incremental"].body
    assert typing.get_origin(body) is list
    assert typing.get_args(body) == (TypeRef(f"{PACKAGE}._models", "StockLevel"),)


def test_the_schedule_and_the_push_report_load_no_client() -> None:
    loaded, _ = after("from supplychain_sdk.one_platform import SCHEDULE", PACKAGE)
    assert submodules(loaded, PACKAGE) == {"._schedule"}
    loaded, _ = after("from supplychain_sdk.one_platform import PushReport", PACKAGE)
    assert submodules(loaded, PACKAGE) == {"._push"}


async def test_a_model_body_named_by_reference_is_sent_with_exact_decimals(mode: Mode) -> None:
    # the row names InvoiceDocument by reference; the model is sent as the model itself
    # would be: exact decimal numbers, unknown fields included
    invoice = InvoiceDocument.model_validate(
        {
            "invoiceId": "I-1",
            "number": "FV/1",
            "clientId": "C-1",
            "issueDate": "2026-01-31",
            "currency": "PLN",
            "netTotal": Decimal("100.10"),
            "grossTotal": Decimal("123.12"),
            "discountRate": Decimal("0.050"),
        }
    )
    client: Any = (AsyncOnePlatform if mode.is_async else OnePlatform)(
        "https://one.example", token="t", max_retries=0
    )
    with respx.mock(base_url="https://one.example") as router:
        route = router.post(ROUTES["invoices.create"].path).respond(200, json={"success": True})
        answer = await mode(client.invoices.create(invoice))
    assert route.calls.last.request.content == (
        b'{"invoiceId":"I-1","number":"FV/1","clientId":"C-1","issueDate":"2026-01-31",'
        b'"currency":"PLN","netTotal":100.10,"grossTotal":123.12,"discountRate":0.050}'
    )
    assert answer == Acknowledgement(success=True)
