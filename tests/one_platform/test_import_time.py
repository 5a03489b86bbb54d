"""``supplychain_sdk.one_platform`` loads its names on first use (no timed assertions: the
figures are in ``benchmarks/``)."""

from __future__ import annotations

import supplychain_sdk.one_platform as one_platform
from tests.lazy_imports import after, check_namespace, submodules

PACKAGE = "supplychain_sdk.one_platform"


def test_importing_the_package_loads_nothing_of_it() -> None:
    loaded, built = after("import supplychain_sdk.one_platform", PACKAGE)
    assert PACKAGE in loaded
    assert submodules(loaded, PACKAGE) == set()
    assert built == []


def test_the_sync_client_does_not_load_the_async_client() -> None:
    loaded, built = after("from supplychain_sdk.one_platform import OnePlatform", PACKAGE)
    mine = submodules(loaded, PACKAGE)
    assert {"._sync.client", "._routes", "._models"} <= mine
    assert {"._async", "._async.client", "._schedule"} & mine == set()
    assert not any(name.startswith("supplychain_sdk.sandbox") for name in loaded)
    assert built == []  # model classes exist; their validators are made on first use


def test_the_async_client_does_not_load_the_sync_client() -> None:
    loaded, built = after("from supplychain_sdk.one_platform import AsyncOnePlatform", PACKAGE)
    mine = submodules(loaded, PACKAGE)
    assert "._async.client" in mine
    assert {"._sync", "._sync.client"} & mine == set()
    assert built == []


def test_the_schedule_and_the_push_report_load_no_client() -> None:
    loaded, _ = after("from supplychain_sdk.one_platform import SCHEDULE", PACKAGE)
    assert submodules(loaded, PACKAGE) == {"._schedule"}
    loaded, _ = after("from supplychain_sdk.one_platform import PushReport", PACKAGE)
    assert submodules(loaded, PACKAGE) == {"._push"}


def test_every_name_resolves_and_is_listed() -> None:
    check_namespace(one_platform, ["._models"])
    assert one_platform.OnePlatform.__module__ == f"{PACKAGE}._sync.client"
    assert one_platform.AsyncOnePlatform.__module__ == f"{PACKAGE}._async.client"
