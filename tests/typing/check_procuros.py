"""Static typing checks (run by mypy --strict in CI, never executed): narrowing works."""

from __future__ import annotations

from typing import Any

from typing_extensions import assert_type

from supplychain_sdk import AsyncPager, SyncPager
from supplychain_sdk.procuros import (
    AsyncProcuros,
    Invoice,
    MarkTransactionProcessedResponseData,
    Order,
    Procuros,
    ReceivedInvoiceTransaction,
    ReceivedOrderTransaction,
    ReceivedTransaction,
    SendTransactionResult,
    Transaction,
    UnknownReceivedTransaction,
)


def sync_usage(client: Procuros) -> None:
    pager = client.incoming.list(type="ORDER")
    assert_type(pager, SyncPager[ReceivedTransaction])
    for tx in pager:
        if isinstance(tx, ReceivedOrderTransaction):
            assert_type(tx.content, Order)
        match tx:
            case ReceivedInvoiceTransaction():
                assert_type(tx.content, Invoice)
            case UnknownReceivedTransaction():
                assert_type(tx.content, dict[str, Any])
            case _:
                pass
    result = client.incoming.mark_processed("id", success=True)
    assert_type(result, MarkTransactionProcessedResponseData)
    assert_type(client.transactions.retrieve("id"), Transaction)
    assert_type(client.outgoing.send({"type": "ORDER", "content": {}}), SendTransactionResult)


async def async_usage(client: AsyncProcuros) -> None:
    pager = client.transactions.list(status="SUCCESS")
    assert_type(pager, AsyncPager[Transaction])
    async for tx in pager:
        assert_type(tx, Transaction)
    assert_type(await client.transactions.retrieve("id"), Transaction)
    assert_type(await client.ping(), None)
