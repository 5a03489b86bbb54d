"""Quick start: the SDK against its embedded sandboxes — no credentials, no network.

Run it with ``python examples/quickstart.py``. Every part uses a stateful in-process fake of
the platform; swap ``sandbox.client()`` for ``Procuros()`` (reading ``PROCUROS_API_TOKEN``)
to talk to the real API.
"""

from __future__ import annotations

import asyncio

from supplychain_sdk import NotFoundError, capture_responses
from supplychain_sdk.procuros import (
    Invoice,
    ReceivedInvoiceTransaction,
    ReceivedOrderTransaction,
    ReceivedTransaction,
)
from supplychain_sdk.sandbox.procuros import ProcurosSandbox


def describe(tx: ReceivedTransaction) -> str:
    """Typed narrowing: each transaction type carries its own document class."""
    match tx:
        case ReceivedOrderTransaction():
            return f"order {tx.content.header.order_identifier} ({len(tx.content.items)} lines)"
        case ReceivedInvoiceTransaction():
            return f"invoice {tx.content.header.invoice_identifier}"
        case _:
            return f"{tx.type} document"


def procuros_tour() -> None:
    print("== Procuros (EDI), on the sandbox")
    sandbox = ProcurosSandbox()  # seeded with one document of each of the twelve types
    with sandbox.client(app_info=("quickstart", "1.0")) as client:
        client.ping()
        incoming = list(client.incoming.list(per_page=5))  # three pages, fetched lazily
        print(f"{len(incoming)} incoming transactions, e.g.:")
        for tx in incoming[:3]:
            print("  -", describe(tx))

        order = next(tx for tx in incoming if isinstance(tx, ReceivedOrderTransaction))
        received = next(tx for tx in incoming if isinstance(tx, ReceivedInvoiceTransaction))
        invoice: Invoice = received.content.model_copy(deep=True)  # a typed document
        invoice.header.invoice_identifier = "IV-2024-0001"
        sent = client.outgoing.send(invoice)  # type INVOICE inferred from the document class
        print("sent an invoice:", sent.procuros_transaction_id)

        client.incoming.mark_processed(order.procuros_transaction_id, success=True)
        failed = client.incoming.mark_processed(
            incoming[1].procuros_transaction_id,
            success=False,
            error_reason="Unknown article number 4300348765432",
            error_type="DATA",
        )
        print("reported a failure, see", failed.error_url)

        done = [f"{tx.type}: {tx.status}" for tx in client.transactions.list(status="SUCCESS")]
        print("successful transactions:", done)

        sandbox.faults.statuses([503, 200], method="GET", path="^/v2/all-transactions/")
        with capture_responses() as seen:
            again = client.transactions.retrieve(order.procuros_transaction_id)
        print(f"retried through a 503 ({[r.status_code for r in seen]}): {again.status}")

        try:
            client.transactions.retrieve("00000000-0000-4000-8000-000000000000")
        except NotFoundError as exc:
            print("typed error:", exc)


async def procuros_async_tour() -> None:
    print("== the same API, async")
    sandbox = ProcurosSandbox()
    async with sandbox.async_client() as client:
        first_four = [describe(tx) async for tx in client.incoming.list(limit=4)]
        print("first four:", first_four)


def main() -> None:
    procuros_tour()
    asyncio.run(procuros_async_tour())


if __name__ == "__main__":
    main()
