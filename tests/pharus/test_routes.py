"""The Pharus route table walked row by row: every operation has a sync and an async method,
a reference line, and a case whose exact request is checked, sync and async."""

from __future__ import annotations

import attrs
import pytest

from supplychain_sdk._core.operations import operations_of
from supplychain_sdk.pharus import ROUTES, AsyncPharus, Pharus
from supplychain_sdk.sandbox.pharus import PharusSandbox, handler_name
from tests.conftest import Mode
from tests.routes import Case, check_table, public_methods, run_case

from . import (
    cases_accounts,
    cases_catalog,
    cases_contacts,
    cases_customers,
    cases_documents,
    cases_inventory,
    cases_production,
    cases_purchasing,
    cases_sales,
)
from .conftest import BASE, ORG, TOKEN, plain_client

GROUPS = (
    cases_accounts,
    cases_catalog,
    cases_contacts,
    cases_customers,
    cases_documents,
    cases_inventory,
    cases_production,
    cases_purchasing,
    cases_sales,
)
CASES: dict[str, Case] = {}
for group in GROUPS:
    overlap = CASES.keys() & group.CASES.keys()
    assert not overlap, f"cases declared twice: {sorted(overlap)}"
    CASES.update(group.CASES)
#: Composite helpers: public methods that are not one row.
COMPOSITES: set[str] = set().union(*(getattr(g, "COMPOSITES", set()) for g in GROUPS))


def test_the_table_has_183_operations_every_one_inferred() -> None:
    assert len(ROUTES) == 183
    assert all(op.inferred for op in ROUTES.values())
    assert all(op.path.startswith("/api/") for op in ROUTES.values())


def test_every_row_has_methods_a_case_and_a_reference_line() -> None:
    check_table(
        routes=ROUTES,
        sync_client=Pharus,
        async_client=AsyncPharus,
        cases=CASES,
        reference="docs/reference/pharus.md",
        composites=COMPOSITES,
        client_methods={"for_org"},
    )


def test_each_row_is_named_for_its_method() -> None:
    methods = public_methods(Pharus)
    for name, op in ROUTES.items():
        assert op in operations_of(methods.get(f"client.{name}")), f"no client.{name}"


def test_the_sandbox_answers_every_row() -> None:
    missing = [name for name, op in ROUTES.items() if not hasattr(PharusSandbox, handler_name(op))]
    assert missing == []


@pytest.mark.parametrize("name", sorted(CASES))
async def test_exact_request(mode: Mode, name: str) -> None:
    case = CASES[name]
    op = ROUTES[name]
    headers = {"Authorization": f"Bearer {TOKEN}", **case.headers}
    absent = set(case.absent)
    if "no-org" in op.flags:
        absent.add("X-Org-Id")
    else:
        headers["X-Org-Id"] = ORG
    client = plain_client(mode)
    try:
        await run_case(mode, client, attrs.evolve(case, headers=headers, absent=absent), BASE)
    finally:
        await mode.close(client)
