"""``supplychain_sdk.pharus`` loads its names on first use (no timed assertions: the
figures are in ``benchmarks/``)."""

from __future__ import annotations

import supplychain_sdk.pharus as pharus
from tests.lazy_imports import after, check_namespace, submodules

PACKAGE = "supplychain_sdk.pharus"
GROUPS = [
    "accounts",
    "catalog",
    "common",
    "contacts",
    "customers",
    "documents",
    "inventory",
    "production",
    "purchasing",
    "sales",
]


def test_importing_the_package_loads_nothing_of_it() -> None:
    loaded, built = after("import supplychain_sdk.pharus", PACKAGE)
    assert PACKAGE in loaded
    assert submodules(loaded, PACKAGE) == set()
    assert built == []


def test_the_sync_client_does_not_load_the_async_client() -> None:
    loaded, built = after("from supplychain_sdk.pharus import Pharus", PACKAGE)
    mine = submodules(loaded, PACKAGE)
    assert {"._sync.client", "._routes", "._models", "._inputs"} <= mine
    assert {name for name in mine if name.startswith("._async")} == set()
    assert not any(name.startswith("supplychain_sdk.sandbox") for name in loaded)
    assert built == []  # model classes exist; their validators are made on first use


def test_the_async_client_does_not_load_the_sync_client() -> None:
    loaded, built = after("from supplychain_sdk.pharus import AsyncPharus", PACKAGE)
    mine = submodules(loaded, PACKAGE)
    assert "._async.client" in mine
    assert {name for name in mine if name.startswith("._sync")} == set()
    assert built == []


def test_a_model_or_an_error_loads_no_client_and_no_route() -> None:
    loaded, _ = after("from supplychain_sdk.pharus import Vendor", PACKAGE)
    assert submodules(loaded, PACKAGE) == {"._models"} | {f"._models.{g}" for g in GROUPS}
    loaded, _ = after("from supplychain_sdk.pharus import InUseError", PACKAGE)
    assert submodules(loaded, PACKAGE) == {"._errors"}


def test_every_name_resolves_and_is_listed() -> None:
    check_namespace(pharus, [f"._models.{g}" for g in GROUPS] + [f"._inputs.{g}" for g in GROUPS])
    assert pharus.Pharus.__module__ == f"{PACKAGE}._sync.client"
    assert pharus.AsyncPharus.__module__ == f"{PACKAGE}._async.client"
