"""The generated platform reference pages: complete, public names only, and fresh."""

from __future__ import annotations

import importlib.util
import re
import sys
from types import ModuleType

import pytest

from .blocks import ROOT


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gen_reference", ROOT / "scripts/gen_reference.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_reference"] = module
    spec.loader.exec_module(module)
    return module


GEN = _generator()


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return {name: GEN.render(name, *spec) for name, spec in GEN.PLATFORMS.items()}


def test_the_committed_pages_are_fresh() -> None:
    assert GEN.main(["--check"]) == 0


def test_every_platform_of_the_package_has_a_page() -> None:
    assert set(GEN.PLATFORMS) == {"procuros", "cartoncloud", "onescp", "one_platform", "pharus"}


def test_routes_are_listed_with_their_http_call(pages: dict[str, str]) -> None:
    procuros = pages["procuros"]
    assert "| [`client.incoming.list`](#client-incoming-list) | `GET /v2/transactions` |" in (
        procuros
    )
    assert "`POST /v2/transactions`" in procuros
    assert "(inferred)" not in procuros
    pharus = pages["pharus"]
    assert (
        "| [`client.vendors.create`](#client-vendors-create) | `POST /api/vendors (inferred)` |"
        in pharus
    )


def test_every_route_row_has_an_entry_and_every_entry_a_mkdocstrings_block(
    pages: dict[str, str],
) -> None:
    for name, page in pages.items():
        rows = re.findall(r"^\| \[`(client[\w.]+)`\]\(#([\w-]+)\)", page, re.M)
        assert len(rows) >= 8, name
        for call, anchor in rows:
            entry = f'<a id="{anchor}"></a>\n\n::: supplychain_sdk.'
            assert entry in page, (name, call)
            block = page.split(f'<a id="{anchor}"></a>', 1)[1].split("<a id=", 1)[0]
            assert f'      heading: "{call}"' in block
            assert "**HTTP:**" in block
            assert "**Usage:**" in block
            assert "**Errors:**" in block


def test_public_classes_are_loaded_by_their_public_path(pages: dict[str, str]) -> None:
    assert "::: supplychain_sdk.procuros.Procuros\n" in pages["procuros"]
    assert "::: supplychain_sdk.procuros.Incoming.list\n" in pages["procuros"]
    assert "::: supplychain_sdk.onescp.Orders.changes\n" in pages["onescp"]
    for page in pages.values():
        assert "::: supplychain_sdk._core" not in page


def test_models_show_their_fields_with_api_names_and_stable_types(
    pages: dict[str, str],
) -> None:
    procuros = pages["procuros"]
    assert "### ReceivedOrderTransaction" in procuros
    assert re.search(
        r"^\| `procuros_transaction_id` \| `str` \| `procurosTransactionId` \| yes \|$",
        procuros,
        re.M,
    )
    pharus = pages["pharus"]
    section = pharus.split("### VendorCreateFields", 1)[1].split("\n### ", 1)[0]
    assert "| `name` | `str` | yes |" in section
    assert "| `city` | `str \\| None` | no |" in section
    assert "**Fields:** [`VendorCreateFields`](#vendorcreatefields)." in pharus
    assert "`result = client.vendors.create(name=..., ...)` → `Vendor`" in pharus
    for page in pages.values():
        assert " at 0x" not in page
        assert "Annotated[" not in page
