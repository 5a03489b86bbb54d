"""``supplychain_sdk.onescp`` loads its names on first use, and its route rows build no
generic answer model at import (no timed assertions: the figures are in ``benchmarks/``).
What every platform's package and clients load at import: ``tests/test_lazy_platforms.py``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
import respx
from pydantic import TypeAdapter

import supplychain_sdk.onescp as onescp
from supplychain_sdk._core.lazy import TypeRef
from supplychain_sdk.onescp import _models as m
from supplychain_sdk.onescp import _routes as api
from tests.conftest import Mode
from tests.lazy_imports import (
    after,
    first_call,
    submodules,
    sync_and_async,
)

PACKAGE = "supplychain_sdk.onescp"


_FIRST_CALL = """
import asyncio, sys, httpx, respx
from supplychain_sdk.onescp import {client}
assert "supplychain_sdk.onescp._models" not in sys.modules
ORDER = "65a1b2c3d4e5f6a7b8c9d0e1"
with respx.mock(base_url="https://onescp.example") as router:
    router.put(f"/api/purchase-order/{{ORDER}}/status").respond(
        200, json={{"success": True, "order": {{"_id": ORDER, "status": "approved"}}}}
    )
    client = {client}(base_url="https://onescp.example", token="t")
    order = {call}
    request = router.calls.last.request
    assert (request.method, request.url.path, request.content) == (
        "PUT", f"/api/purchase-order/{{ORDER}}/status", b'{{"status":"approved"}}'
    )
    assert request.headers["Authorization"] == "Bearer t"
from supplychain_sdk.onescp import Order, OrderStatus
assert type(order) is Order, type(order)
assert order == Order.model_validate({{"_id": ORDER, "status": "approved"}})
assert order.status is OrderStatus.APPROVED
"""


@pytest.mark.parametrize(
    ("client", "call"), sync_and_async("OneScp", "client.orders.update_status(ORDER, 'approved')")
)
def test_a_first_call_loads_the_models_and_returns_the_exact_model(client: str, call: str) -> None:
    # the status is checked against OrderStatus (a model enum) before anything is sent
    mine, models = first_call(_FIRST_CALL, PACKAGE, client, call)
    assert {"._models", "._requests"} <= mine
    assert "Order" in models


def test_models_events_and_checkpoints_load_no_client() -> None:
    loaded, _ = after("from supplychain_sdk.onescp import Order", PACKAGE)
    assert submodules(loaded, PACKAGE) == {"._models"}
    loaded, _ = after("from supplychain_sdk.onescp import OrderCreatedEvent", PACKAGE)
    assert submodules(loaded, PACKAGE) == {"._models", "._events"}
    loaded, _ = after("from supplychain_sdk.onescp import MemoryCheckpoint", PACKAGE)
    assert submodules(loaded, PACKAGE) == set()


def test_the_webhooks_module_loads_on_first_use() -> None:
    loaded, _ = after("from supplychain_sdk.onescp import webhooks; assert webhooks", PACKAGE)
    assert {".webhooks", "._events"} <= submodules(loaded, PACKAGE)
    assert "._sync.client" not in submodules(loaded, PACKAGE)


def test_the_event_table_is_not_exported() -> None:
    assert "EVENT_CLASSES" not in onescp.__all__


@pytest.mark.parametrize(
    ("row", "model"),
    [
        (api.ORDERS_CHANGES, m.ChangesPage[m.Order]),
        (api.SHIPMENTS_CHANGES, m.ChangesPage[m.Shipment]),
        (api.ITEMS_CHANGES, m.ChangesPage[m.Item]),
        (api.TASKS_CHANGES, m.ChangesPage[m.Task]),
        (api.ORDERS_UPSERT, m.ErpAnswer[m.Order]),
        (api.SHIPMENTS_UPSERT, m.ErpAnswer[m.Shipment]),
        (api.ITEMS_UPSERT, m.ErpAnswer[m.Item]),
    ],
)
def test_a_generic_answer_is_the_parametrized_model(
    row: api.OneScpOperation[object], model: Any
) -> None:
    answer = row.answer
    assert isinstance(answer, TypeRef)
    assert answer.resolve() is model
    assert repr(answer) == model.__name__
    copy = TypeRef(answer.module, answer.name, answer.args)
    assert answer == copy
    assert hash(answer) == hash(copy)
    decoded: Any = TypeAdapter(answer).validate_json(b'{"created": [{"_id": "a1"}], "updated": []}')
    assert [record.id for record in decoded.created] == ["a1"]
    assert type(decoded) is model
    assert decoded == model.model_validate({"created": [{"_id": "a1"}], "updated": []})


async def test_a_model_body_named_by_reference_is_sent_as_the_model_sends_itself(
    mode: Mode,
) -> None:
    # the row names OrderLineInput by reference; unknown fields keep their exact decimals
    line = m.OrderLineInput.model_validate(
        {"item": {"number": "I-1"}, "quantity": 2.5, "unitCost": Decimal("10.125")}
    )
    order_id = "65a1b2c3d4e5f6a7b8c9d0e1"
    client: Any = (onescp.AsyncOneScp if mode.is_async else onescp.OneScp)(
        base_url="https://onescp.example", token="t", max_retries=0
    )
    with respx.mock(base_url="https://onescp.example") as router:
        route = router.post(f"/api/purchase-order/{order_id}/lines").respond(
            200, json={"success": True, "order": {"_id": order_id}}
        )
        order = await mode(client.orders.lines.add(order_id, line))
    assert route.calls.last.request.content == (
        b'{"item":{"number":"I-1"},"quantity":2.5,"unitCost":10.125}'
    )
    assert order == m.Order.model_validate({"_id": order_id})
