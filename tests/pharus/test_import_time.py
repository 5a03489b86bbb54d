"""``supplychain_sdk.pharus`` loads its names on first use (no timed assertions: the
figures are in ``benchmarks/``)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

import supplychain_sdk.pharus as pharus
from supplychain_sdk.pharus import VendorCreateFields
from supplychain_sdk.pharus._fields import FieldsModule, FieldsRef
from supplychain_sdk.pharus._routes import ROUTES
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
    assert {"._sync.client", "._routes", "._models"} <= mine
    assert {name for name in mine if name.startswith("._async")} == set()
    # the rows name their request TypedDicts by reference: created when a call is checked
    assert {name for name in mine if name.startswith("._inputs")} == set()
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


def test_a_call_loads_the_request_types_it_checks() -> None:
    statement = (
        "import sys, httpx, respx\n"
        "from supplychain_sdk.pharus import Pharus\n"
        "assert not [n for n in sys.modules if 'pharus._inputs' in n]\n"
        "with respx.mock(base_url='https://pharus.example') as router:\n"
        "    router.post('/api/vendors').respond(201, json={'id': 'v1', 'name': 'Acme'})\n"
        "    client = Pharus(base_url='https://pharus.example', token='t', org_id='o')\n"
        "    assert client.vendors.create(name='Acme').name == 'Acme'\n"
        '    assert router.calls.last.request.content == b\'{"name":"Acme"}\'\n'
    )
    loaded, _ = after(statement, PACKAGE)
    assert "._inputs.catalog" in submodules(loaded, PACKAGE)


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_every_row_names_a_request_type_that_exists(name: str) -> None:
    op = ROUTES[name]
    for schema in (op.body, op.query):
        if isinstance(schema, FieldsRef):
            resolved: Any = schema.resolve()
            assert resolved.__name__ == schema.name
            assert set(resolved.__annotations__), f"{name}: {schema!r} is not a TypedDict"
            assert getattr(pharus, schema.name) is resolved


def test_a_reference_validates_and_dumps_as_its_type() -> None:
    ref = FieldsModule("supplychain_sdk.pharus._inputs.catalog").VendorCreateFields
    assert ref == FieldsRef("supplychain_sdk.pharus._inputs.catalog", "VendorCreateFields")
    assert hash(ref) == hash(
        FieldsRef("supplychain_sdk.pharus._inputs.catalog", "VendorCreateFields")
    )
    assert repr(ref) == "VendorCreateFields"
    assert ref.resolve() is VendorCreateFields
    given = {"name": "Acme", "term": "net 30"}
    schema: Any = ref
    by_ref: TypeAdapter[Any] = TypeAdapter(schema)
    direct = TypeAdapter(VendorCreateFields)
    assert by_ref.dump_python(by_ref.validate_python(given), by_alias=True) == direct.dump_python(
        direct.validate_python(given), by_alias=True
    )
    with pytest.raises(AttributeError):
        FieldsModule("supplychain_sdk.pharus._inputs").__wrapped__  # noqa: B018
