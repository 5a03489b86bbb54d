"""``supplychain_sdk.cartoncloud`` loads its names on first use (no timed assertions: the
figures are in ``benchmarks/``)."""

from __future__ import annotations

import supplychain_sdk.cartoncloud as cartoncloud
from tests.lazy_imports import after, check_namespace, submodules

PACKAGE = "supplychain_sdk.cartoncloud"


def test_importing_the_package_loads_nothing_of_it() -> None:
    loaded, built = after("import supplychain_sdk.cartoncloud", PACKAGE)
    assert PACKAGE in loaded
    assert submodules(loaded, PACKAGE) == set()
    assert built == []


def test_the_sync_client_loads_neither_the_async_client_nor_the_webhooks() -> None:
    loaded, built = after("from supplychain_sdk.cartoncloud import CartonCloud", PACKAGE)
    mine = submodules(loaded, PACKAGE)
    assert {"._sync.client", "._routes", "._models"} <= mine
    assert {"._async", "._async.client", ".webhooks"} & mine == set()
    assert not any(name.startswith("supplychain_sdk.sandbox") for name in loaded)
    assert built == []  # model classes exist; their validators are made on first use


def test_the_async_client_does_not_load_the_sync_client() -> None:
    loaded, built = after("from supplychain_sdk.cartoncloud import AsyncCartonCloud", PACKAGE)
    mine = submodules(loaded, PACKAGE)
    assert "._async.client" in mine
    assert {"._sync", "._sync.client", ".webhooks"} & mine == set()
    assert built == []


def test_a_model_or_the_condition_builder_loads_no_client() -> None:
    loaded, _ = after("from supplychain_sdk.cartoncloud import OutboundOrder", PACKAGE)
    assert submodules(loaded, PACKAGE) == {"._models"}
    loaded, _ = after("from supplychain_sdk.cartoncloud import JsonField", PACKAGE)
    assert submodules(loaded, PACKAGE) == {"._conditions"}


def test_the_webhooks_module_loads_on_first_use() -> None:
    loaded, _ = after(
        "from supplychain_sdk.cartoncloud import webhooks; assert webhooks.__name__", PACKAGE
    )
    assert submodules(loaded, PACKAGE) == {".webhooks", "._models"}


def test_every_name_resolves_and_is_listed() -> None:
    check_namespace(cartoncloud, ["._models"])
    assert cartoncloud.CartonCloud.__module__ == f"{PACKAGE}._sync.client"
    assert cartoncloud.AsyncCartonCloud.__module__ == f"{PACKAGE}._async.client"
    assert cartoncloud.webhooks.__name__ == f"{PACKAGE}.webhooks"
