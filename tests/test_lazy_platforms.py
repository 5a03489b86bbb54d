"""What every route-table platform package loads, in fresh interpreters: nothing at
``import``, and for a client only its own half (sync or async), its route rows and what its
rows need at import, never a model class. Each platform's own test_import_time.py checks
the rest: a first call, examples of its references, the modules its models and helpers load.

Procuros, whose generated models work another way, has its own (tests/procuros).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

import pytest

from tests.lazy_imports import (
    MODEL_MACHINERY,
    after,
    check_namespace,
    check_references,
    group_modules,
    submodules,
)


@dataclass(frozen=True)
class Platform:
    """A platform package and what its clients' import must leave unloaded."""

    module: str  # under supplychain_sdk
    client: str  # the sync client's name; the async one is Async<client>
    later: tuple[str, ...]  # submodules (prefixes) loaded only on first use
    needs: frozenset[str] = frozenset()  # submodules a client loads with its rows
    whole: tuple[str, ...] = ("._models",)  # modules whose every name the package exports

    @property
    def package(self) -> str:
        return f"supplychain_sdk.{self.module}"


PLATFORMS = [
    # conditions are sent, not built: the comparison enum (and the models' base) stay unloaded
    Platform("cartoncloud", "CartonCloud", ("._models", ".webhooks", "._comparisons")),
    # ChangesPage[Order], ErpAnswer[Item], ... are made when a first answer is read
    Platform(
        "onescp",
        "OneScp",
        ("._models", "._requests", ".webhooks", "._events"),
        needs=frozenset({"._arguments"}),
    ),
    Platform(
        "pharus",
        "Pharus",
        ("._models", "._inputs"),
        whole=tuple(group_modules("supplychain_sdk.pharus", "._models", "._inputs")),
    ),
    Platform("one_platform", "OnePlatform", ("._models", "._schedule")),
]
BY_NAME = pytest.mark.parametrize("platform", PLATFORMS, ids=lambda p: p.module)


@BY_NAME
def test_importing_the_package_loads_nothing_of_it(platform: Platform) -> None:
    loaded, built = after(f"import {platform.package}", platform.package)
    assert platform.package in loaded
    assert submodules(loaded, platform.package) == set()
    assert built == []


@BY_NAME
@pytest.mark.parametrize("half", ["sync", "async"])
def test_a_client_loads_its_own_half_and_rows_and_no_model(platform: Platform, half: str) -> None:
    name = platform.client if half == "sync" else f"Async{platform.client}"
    loaded, models = after(f"from {platform.package} import {name}", platform.package)
    mine = submodules(loaded, platform.package)
    assert {f"._{half}.client", "._routes"} | platform.needs <= mine
    other = "._async" if half == "sync" else "._sync"
    assert {m for m in mine if m.startswith((other, *platform.later))} == set()
    assert not any(module.startswith("supplychain_sdk.sandbox") for module in loaded)
    assert models == []
    assert MODEL_MACHINERY & loaded == set()  # no model class defined at all


@BY_NAME
def test_every_name_resolves_and_is_listed(platform: Platform) -> None:
    package = importlib.import_module(platform.package)
    check_namespace(package, list(platform.whole))
    sync, asynchronous = (getattr(package, n) for n in (platform.client, f"Async{platform.client}"))
    assert sync.__module__ == f"{platform.package}._sync.client"
    assert asynchronous.__module__ == f"{platform.package}._async.client"
    if "webhooks" in package.__all__:
        assert package.webhooks.__name__ == f"{platform.package}.webhooks"


@BY_NAME
def test_every_row_names_its_types_by_reference(platform: Platform) -> None:
    """Answers, bodies and queries (unions of models and request TypedDicts included)."""
    routes = importlib.import_module(f"{platform.package}._routes").ROUTES
    assert check_references(routes, platform.package) >= len(routes)
