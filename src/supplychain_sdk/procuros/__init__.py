"""Procuros EDI transactions API v2: ``Procuros`` and ``AsyncProcuros``.

Typed documents and transactions are in this namespace too (``Order``, ``Invoice``,
``ReceivedTransaction``, ...), generated from the API's OpenAPI document.
"""

from ._async.client import AsyncIncoming, AsyncOutgoing, AsyncProcuros, AsyncTransactions
from ._models import *  # noqa: F403
from ._models import __all__ as _models_all
from ._params import Document
from ._results import BulkMarkProcessedItemResult, BulkMarkProcessedResult, SendTransactionResult
from ._sync.client import Incoming, Outgoing, Procuros, Transactions

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
    *_models_all,
]
