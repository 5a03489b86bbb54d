"""Importing ``supplychain_sdk.procuros`` builds nothing: each name loads its module on first use.

Checked in fresh interpreters (``sys.modules`` of this process is shared by every test).
"""

from __future__ import annotations

import subprocess
import sys
import typing

import pytest

import supplychain_sdk.procuros as procuros
from supplychain_sdk.procuros import _models as m
from supplychain_sdk.procuros import _params

SCHEMAS = "supplychain_sdk.procuros._schemas"


def loaded_after(statement: str) -> set[str]:
    """The ``supplychain_sdk`` modules a fresh interpreter has loaded after ``statement``."""
    code = (
        f"{statement}\n"
        "import sys\n"
        "print(' '.join(sorted(n for n in sys.modules if n.startswith('supplychain_sdk'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def schemas(modules: set[str]) -> set[str]:
    return {name.removeprefix(SCHEMAS + ".") for name in modules if name.startswith(SCHEMAS + ".")}


def test_importing_the_package_loads_no_model_and_no_client() -> None:
    loaded = loaded_after("import supplychain_sdk.procuros")
    assert {name for name in loaded if name.startswith("supplychain_sdk.procuros")} == {
        "supplychain_sdk.procuros",
        "supplychain_sdk.procuros._models",
    }
    code = (
        "import sys, supplychain_sdk.procuros\n"
        "print(*[name in sys.modules for name in ('typing', 'pydantic', 'httpx')])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["False", "False", "False"], result.stderr


def test_the_sync_client_loads_neither_models_nor_the_async_client() -> None:
    loaded = loaded_after("from supplychain_sdk.procuros import Procuros")
    assert "supplychain_sdk.procuros._sync.client" in loaded
    assert "supplychain_sdk.procuros._async.client" not in loaded
    assert "supplychain_sdk.procuros._results" not in loaded  # built by the calls that answer
    assert schemas(loaded) == set()


def test_the_async_client_does_not_load_the_sync_client() -> None:
    loaded = loaded_after("from supplychain_sdk.procuros import AsyncProcuros")
    assert "supplychain_sdk.procuros._async.client" in loaded
    assert "supplychain_sdk.procuros._sync.client" not in loaded
    assert schemas(loaded) == set()


def test_the_checks_and_tables_of_the_clients_build_no_model_class() -> None:
    # The first pydantic model class loads ``pydantic.fields`` and ``annotated_types``: the
    # argument checks, pagination, frames and the send tables do not need one at import.
    code = (
        "import sys\n"
        "import supplychain_sdk.procuros._params, supplychain_sdk._core.frames\n"
        "import supplychain_sdk._core.checks, supplychain_sdk._core.pagination\n"
        "print(' '.join(n for n in ('pydantic.fields', 'annotated_types', "
        "'supplychain_sdk._core.models') if n in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []


def test_a_document_loads_only_its_own_module_and_what_it_needs() -> None:
    loaded = loaded_after("from supplychain_sdk.procuros import Order; assert Order.__name__")
    assert schemas(loaded) == {"common", "parts", "order"}
    assert "supplychain_sdk.procuros._sync.client" not in loaded


def test_an_enum_loads_only_the_common_module() -> None:
    loaded = loaded_after("from supplychain_sdk.procuros import TransactionType")
    assert schemas(loaded) == {"common"}


def test_the_transaction_unions_load_every_document() -> None:
    loaded = loaded_after("from supplychain_sdk.procuros import ReceivedTransaction")
    assert len(schemas(loaded)) == 15
    assert "transactions" in schemas(loaded)


def test_send_tables_are_built_on_first_use() -> None:
    statement = (
        "from supplychain_sdk.procuros import _params\n"
        "import sys\n"
        "assert not [n for n in sys.modules if '_schemas' in n]\n"
        "from supplychain_sdk.procuros import Order, SentOrderTransaction, TransactionType\n"
        "assert _params.DOCUMENT_TYPES[Order] is TransactionType.ORDER\n"
        "assert _params.SENT_CLASSES[TransactionType.ORDER] is SentOrderTransaction\n"
    )
    assert "supplychain_sdk.procuros._schemas.transactions" in loaded_after(statement)


def test_every_name_resolves_and_is_listed() -> None:
    assert len(procuros.__all__) == len(set(procuros.__all__))
    assert set(m.__all__) < set(procuros.__all__)
    for name in procuros.__all__:
        value = getattr(procuros, name)
        assert value is not None, name
        if name in m.__all__:
            assert value is getattr(m, name), name
    assert set(procuros.__all__) <= set(dir(procuros))
    assert set(m.__all__) <= set(dir(m))
    assert procuros.Procuros.__module__ == "supplychain_sdk.procuros._sync.client"
    assert procuros.AsyncProcuros.__module__ == "supplychain_sdk.procuros._async.client"
    assert procuros.Order.__module__ == f"{SCHEMAS}.order"


def test_document_union_lists_the_twelve_documents() -> None:
    members = typing.get_args(procuros.Document)
    assert members == (
        m.Order,
        m.OrderResponse,
        m.ShippingNotice,
        m.Invoice,
        m.CreditNote,
        m.DispatchInstruction,
        m.DispatchInstructionResponse,
        m.ReceivalNotice,
        m.RemittanceAdvice,
        m.ProductCatalog,
        m.InventoryReport,
        m.SalesReport,
    )
    assert set(_params.DOCUMENT_TYPES) == set(members)
    assert list(_params.SENT_CLASSES) == list(m.TransactionType)


@pytest.mark.parametrize("module", [procuros, m, _params])
def test_unknown_names_raise_attribute_error(module: object) -> None:
    with pytest.raises(AttributeError, match="has no attribute 'Nope'"):
        module.Nope  # type: ignore[attr-defined]  # noqa: B018
