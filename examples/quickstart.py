"""Quick start: the SDK against its embedded sandboxes — no credentials, no network.

Run it with ``python examples/quickstart.py``. Every part uses a stateful in-process fake of
the platform; swap ``sandbox.client()`` for ``Procuros()`` (reading ``PROCUROS_API_TOKEN``)
to talk to the real API.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import Any

from supplychain_sdk import (
    FileCheckpoint,
    InvalidRequestError,
    NotFoundError,
    VersionConflictError,
    capture_responses,
)
from supplychain_sdk.cartoncloud import JsonField
from supplychain_sdk.cartoncloud import webhooks as cartoncloud_webhooks
from supplychain_sdk.onescp import OrderCreatedEvent
from supplychain_sdk.onescp import webhooks as onescp_webhooks
from supplychain_sdk.procuros import (
    Invoice,
    ReceivedInvoiceTransaction,
    ReceivedOrderTransaction,
    ReceivedTransaction,
)
from supplychain_sdk.sandbox.cartoncloud import CartonCloudSandbox
from supplychain_sdk.sandbox.one_platform import OnePlatformSandbox
from supplychain_sdk.sandbox.onescp import OneScpSandbox
from supplychain_sdk.sandbox.pharus import PharusSandbox
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
        incoming = list(client.incoming.list(page_size=5))  # three pages, fetched lazily
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


def cartoncloud_tour() -> None:
    print("== CartonCloud (WMS/TMS), on the sandbox")
    sandbox = CartonCloudSandbox()  # OAuth2 tokens, a tenant with customers and stocked products
    statuses: list[str] = []
    shared = {"X-Webhook-Token": "shared-value"}  # the custom header configured on the webhook
    sandbox.add_webhook(
        "outbound_order",
        lambda body, headers: statuses.append(
            str(cartoncloud_webhooks.parse(body, headers, expected_headers=shared).status)
        ),
        headers=shared,
    )

    def order(reference: str, sku: str, quantity: int) -> dict[str, Any]:
        return {
            "references": {"customer": reference},
            "customer": {"references": {"code": "SANDBOX"}},
            "details": {"deliver": {"address": {"companyName": "Corner Store"}}},
            "items": [
                {
                    "details": {"product": {"references": {"code": sku}}},
                    "measures": {"quantity": quantity},
                }
            ],
        }

    with sandbox.client() as client:
        print("tenants:", [t.name for t in client.tenants.list()])
        created = client.outbound_orders.create(order("SO-1001", "SKU-APPLE", 2))
        if created.details is not None:
            created.details.instructions = "Fragile"
        updated = client.outbound_orders.update(created)  # PUT with If-Match: 1
        try:
            client.outbound_orders.update(created)  # version 1 again: stale
        except VersionConflictError as exc:
            print(f"stale update refused ({exc.status_code}); current version {updated.version}")
        sandbox.advance("outbound_order", created.id)  # the warehouse packs it
        found = client.outbound_orders.search(JsonField("/references/customer").starts_with("SO-"))
        print("found:", [(o.references.customer, str(o.status)) for o in found])
        print("status webhooks:", statuses)
        short = client.outbound_orders.create(order("SO-1002", "SKU-ICE", 50))  # 5 in stock
        print(f"228 Created with issues: {short.created_with_issues} ({short.status})")


def onescp_tour() -> None:
    print("== ONESCP (supply-chain portal), on the sandbox")
    sandbox = OneScpSandbox()  # seeded: the API document's example order, shipment, item, task
    inbox: list[tuple[bytes, dict[str, str]]] = []
    sandbox.register_receiver("https://erp.example/hook", lambda b, h: inbox.append((b, dict(h))))
    with sandbox.client() as client, tempfile.TemporaryDirectory() as state:
        print("logged in as", client.auth.login().name)  # email/password -> JWT, renewed alone
        hook = client.webhooks.create(url="https://erp.example/hook", events=["order.created"])
        checkpoint = FileCheckpoint(Path(state) / "onescp-orders.json")
        print("full sync:", [c.kind for c in client.orders.changes(checkpoint=checkpoint)])
        row = {
            "erpId": "SAP-PO-1",
            "purchaseOrderNumber": "4500000001",
            "supplierCompany": sandbox.SUPPLIER_COMPANY_ID,  # ONESCP ids, checked before sending
            "supplierId": sandbox.SUPPLIER_USER_ID,
            "supplierAccountNumber": "V-1",
            "destination": {"city": "Hamburg", "country": "DE"},
            "contactEmail": "po@acme.example",
            "lines": [{"position": "10", "item": {"number": "MAT-1"}, "quantity": 5}],
        }
        report = client.orders.upsert_from_erp([row])  # idempotent by erpId: batched, retried
        print(f"ERP push: {len(report.created)} created, {len(report.errors)} refused")
        print("incremental sync:", [c.kind for c in client.orders.changes(checkpoint=checkpoint)])
        event = onescp_webhooks.verify(*inbox[0], hook.secret or "")  # HMAC-SHA256, typed
        if isinstance(event, OrderCreatedEvent):
            print("verified webhook:", event.event, event.data.purchase_order_number)


def pharus_tour() -> None:
    print("== Pharus (manufacturing ERP), on the sandbox")
    # real API: Pharus() with PHARUS_BASE_URL, PHARUS_TOKEN (or a token provider), PHARUS_ORG_ID
    with PharusSandbox().client() as client:  # X-Org-Id on every org-scoped call
        rows = [{"name": "Acme Resins", "country": "DE"}, {"name": "Bolt & Nut", "country": "US"}]
        report = client.vendors.bulk_import(rows)  # one report row per input row
        print("vendors imported:", report.created, "ok" if report.ok else report.failed)
        print("vendors:", [v.name for v in client.vendors.list(page_size=1)])  # cursor pages
        try:
            client.vendors.create(name="Acme", country="Germany")  # checked before sending
        except InvalidRequestError as exc:
            print("refused before sending:", sorted(exc.field_errors))


def one_platform_tour() -> None:
    print("== ONe (B2B platform), on the sandbox")
    # real API: OnePlatform() with ONE_PLATFORM_BASE_URL and ONE_PLATFORM_TOKEN set
    with OnePlatformSandbox().client() as one:
        stocks = ({"product_code": f"SKU-{n}", "quantity": n % 7} for n in range(25_000))
        print(one.stocks.push_incremental("MAIN", stocks).summary())  # 10,000-row chunks
        report = one.clients.update([{"client_id": "C-404", "name": "Not on ONe yet"}])
        print("client update:", report.failed_ranges, type(report.errors[0]).__name__)
        waiting = [order.order_id for order in one.orders.pending_shipments()]
        done = one.orders.push_status([{"order_id": o, "status": "shipped"} for o in waiting])
        print(f"orders {waiting} shipped: {done.ok}")


def main() -> None:
    procuros_tour()
    asyncio.run(procuros_async_tour())
    cartoncloud_tour()
    onescp_tour()
    pharus_tour()
    one_platform_tour()


if __name__ == "__main__":
    main()
