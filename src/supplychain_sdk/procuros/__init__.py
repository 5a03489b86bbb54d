"""Procuros EDI transactions API v2: ``Procuros`` and ``AsyncProcuros``.

Typed documents and transactions are in this namespace too (``Order``, ``Invoice``,
``ReceivedTransaction``, ...), generated from the API's OpenAPI document.

Every name loads on first use (PEP 562): a script that uses ``Procuros`` never imports the
async client, and a model's classes are built when its name is first used.
"""

from __future__ import annotations

import importlib

from . import _models

# ``typing`` is not imported at run time (it alone costs more than the rest of the import)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ._async.client import AsyncIncoming, AsyncOutgoing, AsyncProcuros, AsyncTransactions
    from ._models import *  # noqa: F403
    from ._params import Document
    from ._results import (
        BulkMarkProcessedItemResult,
        BulkMarkProcessedResult,
        SendTransactionResult,
    )
    from ._sync.client import Incoming, Outgoing, Procuros, Transactions

#: Name -> the module (relative to this package) that defines it, imported on first use.
_MODULES: dict[str, str] = {
    "AsyncIncoming": "._async.client",
    "AsyncOutgoing": "._async.client",
    "AsyncProcuros": "._async.client",
    "AsyncTransactions": "._async.client",
    "BulkMarkProcessedItemResult": "._results",
    "BulkMarkProcessedResult": "._results",
    "Document": "._params",
    "Incoming": "._sync.client",
    "Outgoing": "._sync.client",
    "Procuros": "._sync.client",
    "SendTransactionResult": "._results",
    "Transactions": "._sync.client",
}

__all__ = [
    "AsyncIncoming",
    "AsyncOutgoing",
    "AsyncProcuros",
    "AsyncTransactions",
    "BulkMarkProcessedItemResult",
    "BulkMarkProcessedResult",
    "Document",
    "Incoming",
    "Outgoing",
    "Procuros",
    "SendTransactionResult",
    "Transactions",
    *_models.__all__,
]


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module, __name__), name)
    elif name in _models.__all__:
        value = getattr(_models, name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
