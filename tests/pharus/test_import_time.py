"""``supplychain_sdk.pharus`` loads its names on first use (no timed assertions: the
figures are in ``benchmarks/``). What every
platform's package and clients load at import: ``tests/test_lazy_platforms.py``."""

from __future__ import annotations

import typing
from typing import Any

import pytest
from pydantic import TypeAdapter

import supplychain_sdk.pharus as pharus
from supplychain_sdk._core.lazy import TypeRef
from supplychain_sdk.pharus import VendorCreateFields
from supplychain_sdk.pharus._routes import ROUTES
from tests.lazy_imports import (
    after,
    first_call,
    group_modules,
    submodules,
    sync_and_async,
)

PACKAGE = "supplychain_sdk.pharus"


def test_a_model_or_an_error_loads_no_client_and_no_route() -> None:
    loaded, _ = after("from supplychain_sdk.pharus import Vendor", PACKAGE)
    assert submodules(loaded, PACKAGE) == {"._models", *group_modules(PACKAGE, "._models")}
    loaded, _ = after("from supplychain_sdk.pharus import InUseError", PACKAGE)
    assert submodules(loaded, PACKAGE) == {"._errors"}


_FIRST_CALL = """
import asyncio, sys, httpx, respx
from supplychain_sdk.pharus import {client}
assert not [n for n in sys.modules if "pharus._models" in n or "pharus._inputs" in n]
with respx.mock(base_url="https://pharus.example") as router:
    router.post("/api/vendors").respond(201, json={{"id": "v1", "name": "Acme"}})
    client = {client}(base_url="https://pharus.example", token="t", org_id="o")
    vendor = {call}
    request = router.calls.last.request
    assert (request.method, request.url.path, request.content) == (
        "POST", "/api/vendors", b'{{"name":"Acme","term":"net 30"}}'
    )
from supplychain_sdk.pharus import Vendor
assert type(vendor) is Vendor, type(vendor)
assert vendor == Vendor(id="v1", name="Acme")
"""


@pytest.mark.parametrize(
    ("client", "call"),
    sync_and_async("Pharus", "client.vendors.create(name='Acme', term='net 30')"),
)
def test_a_first_call_loads_its_types_and_returns_the_exact_model(client: str, call: str) -> None:
    mine, models = first_call(_FIRST_CALL, PACKAGE, client, call)
    assert {"._models.catalog", "._inputs.catalog"} <= mine
    assert "Vendor" in models


def test_a_request_reference_validates_and_dumps_as_its_type() -> None:
    ref = ROUTES["vendors.create"].body
    assert ref == TypeRef("supplychain_sdk.pharus._inputs", "VendorCreateFields")
    assert ref.resolve() is VendorCreateFields
    given = {"name": "Acme", "term": "net 30"}
    by_ref: TypeAdapter[Any] = TypeAdapter(ref)
    direct = TypeAdapter(VendorCreateFields)
    assert by_ref.dump_python(by_ref.validate_python(given), by_alias=True) == direct.dump_python(
        direct.validate_python(given), by_alias=True
    )


def test_a_union_answer_names_both_models_by_reference() -> None:
    answer = ROUTES["api_tokens.revoke"].answer
    assert typing.get_args(answer) == (
        TypeRef("supplychain_sdk.pharus._models.common", "Deleted"),
        TypeRef("supplychain_sdk.pharus._models", "ApiToken"),
    )
    adapter: TypeAdapter[Any] = TypeAdapter(answer)
    deleted = adapter.validate_python({"deletedId": "t1"})
    assert type(deleted) is pharus.Deleted
    assert deleted == pharus.Deleted(deleted_id="t1")
