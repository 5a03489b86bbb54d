"""``supplychain_sdk.onescp`` loads its names on first use, and its route rows build no
generic answer model at import (no timed assertions: the figures are in ``benchmarks/``)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

import supplychain_sdk.onescp as onescp
from supplychain_sdk.onescp import _models as m
from supplychain_sdk.onescp import _routes as api
from supplychain_sdk.onescp._changes import ChangesPage
from supplychain_sdk.onescp._erp import ErpAnswer
from supplychain_sdk.onescp._generic import Parametrized
from tests.lazy_imports import after, check_namespace, submodules

PACKAGE = "supplychain_sdk.onescp"


def test_importing_the_package_loads_nothing_of_it() -> None:
    loaded, built = after("import supplychain_sdk.onescp", PACKAGE)
    assert PACKAGE in loaded
    assert submodules(loaded, PACKAGE) == set()
    assert built == []


def test_the_sync_client_loads_neither_the_async_client_nor_the_webhooks() -> None:
    loaded, built = after("from supplychain_sdk.onescp import OneScp", PACKAGE)
    mine = submodules(loaded, PACKAGE)
    assert {"._sync.client", "._routes", "._models"} <= mine
    assert {"._async", "._async.client", ".webhooks", "._events"} & mine == set()
    assert not any(name.startswith("supplychain_sdk.sandbox") for name in loaded)
    # ChangesPage[Order], ErpAnswer[Item], ... are made when a first answer is read
    assert built == []


def test_the_async_client_does_not_load_the_sync_client() -> None:
    loaded, built = after("from supplychain_sdk.onescp import AsyncOneScp", PACKAGE)
    mine = submodules(loaded, PACKAGE)
    assert "._async.client" in mine
    assert {"._sync", "._sync.client", ".webhooks", "._events"} & mine == set()
    assert built == []


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


def test_every_name_resolves_and_is_listed() -> None:
    check_namespace(onescp, ["._models"])
    assert onescp.OneScp.__module__ == f"{PACKAGE}._sync.client"
    assert onescp.AsyncOneScp.__module__ == f"{PACKAGE}._async.client"
    assert onescp.webhooks.__name__ == f"{PACKAGE}.webhooks"
    assert "EVENT_CLASSES" not in onescp.__all__


@pytest.mark.parametrize(
    ("row", "model"),
    [
        (api.ORDERS_CHANGES, ChangesPage[m.Order]),
        (api.SHIPMENTS_CHANGES, ChangesPage[m.Shipment]),
        (api.ITEMS_CHANGES, ChangesPage[m.Item]),
        (api.TASKS_CHANGES, ChangesPage[m.Task]),
        (api.ORDERS_UPSERT, ErpAnswer[m.Order]),
        (api.SHIPMENTS_UPSERT, ErpAnswer[m.Shipment]),
        (api.ITEMS_UPSERT, ErpAnswer[m.Item]),
    ],
)
def test_a_generic_answer_is_the_parametrized_model(
    row: api.OneScpOperation[object], model: Any
) -> None:
    answer = row.answer
    assert isinstance(answer, Parametrized)
    assert answer.model() is model
    assert repr(answer) == model.__name__
    assert answer == Parametrized(answer.origin, answer.arg)
    assert hash(answer) == hash(Parametrized(answer.origin, answer.arg))
    decoded: Any = TypeAdapter(answer).validate_json(b'{"created": [{"_id": "a1"}], "updated": []}')
    assert [record.id for record in decoded.created] == ["a1"]
    assert type(decoded) is model
    assert decoded == model.model_validate({"created": [{"_id": "a1"}], "updated": []})
