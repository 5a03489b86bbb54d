"""``supplychain_sdk.cartoncloud`` loads its names on first use (no timed assertions: the
figures are in ``benchmarks/``). What every
platform's package and clients load at import: ``tests/test_lazy_platforms.py``."""

from __future__ import annotations

import pytest

from supplychain_sdk._core.lazy import TypeRef
from supplychain_sdk.cartoncloud._routes import ROUTES
from tests.lazy_imports import (
    after,
    first_call,
    submodules,
    sync_and_async,
)

PACKAGE = "supplychain_sdk.cartoncloud"


_FIRST_CALL = """
import asyncio, sys, httpx, respx
from supplychain_sdk.cartoncloud import {client}
assert "supplychain_sdk.cartoncloud._models" not in sys.modules
TENANT = "8a0b2c4e-0000-4000-8000-000000000001"
ORDER = "8a0b2c4e-0000-4000-8000-000000000002"
ANSWER = {{
    "id": ORDER, "type": "OUTBOUND", "version": 3,
    "references": {{"customer": "PO-1"}}, "customer": {{"id": "c1"}},
}}
with respx.mock(base_url="https://cc.example") as router:
    router.post("/uaa/oauth/token").respond(
        200, json={{"access_token": "t", "token_type": "bearer", "expires_in": 3600}}
    )
    router.get(f"/tenants/{{TENANT}}/outbound-orders/{{ORDER}}").respond(200, json=ANSWER)
    client = {client}("id", "secret", base_url="https://cc.example", tenant_id=TENANT)
    order = {call}
    request = router.calls.last.request
    assert (request.method, request.url.path, request.content) == (
        "GET", f"/tenants/{{TENANT}}/outbound-orders/{{ORDER}}", b""
    )
    assert request.headers["Authorization"] == "Bearer t"
from supplychain_sdk.cartoncloud import OutboundOrder
assert type(order) is OutboundOrder, type(order)
assert order == OutboundOrder.model_validate(ANSWER)
assert (order.id, order.version, order.references.customer) == (ORDER, 3, "PO-1")
"""


@pytest.mark.parametrize(
    ("client", "call"), sync_and_async("CartonCloud", "client.outbound_orders.retrieve(ORDER)")
)
def test_a_first_call_loads_the_models_and_returns_the_exact_model(client: str, call: str) -> None:
    mine, models = first_call(_FIRST_CALL, PACKAGE, client, call)
    assert "._models" in mine
    assert "OutboundOrder" in models


def test_a_body_is_named_by_reference() -> None:
    assert ROUTES["products.create"].body == TypeRef(f"{PACKAGE}._models", "NewProductBody")


def test_a_model_or_the_condition_builder_loads_no_client() -> None:
    loaded, _ = after("from supplychain_sdk.cartoncloud import OutboundOrder", PACKAGE)
    assert submodules(loaded, PACKAGE) == {"._models"}
    loaded, _ = after("from supplychain_sdk.cartoncloud import JsonField", PACKAGE)
    assert submodules(loaded, PACKAGE) == {"._comparisons", "._conditions"}


def test_the_webhooks_module_loads_on_first_use() -> None:
    loaded, _ = after(
        "from supplychain_sdk.cartoncloud import webhooks; assert webhooks.__name__", PACKAGE
    )
    assert submodules(loaded, PACKAGE) == {".webhooks", "._models"}
