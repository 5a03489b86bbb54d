"""ERP <-> ONESCP: mirror orders with a change feed, push ERP orders, receive signed webhooks.

Runs against an in-process sandbox (no credentials, no network). With ``ONESCP_API_KEY`` (or
``ONESCP_EMAIL`` and ``ONESCP_PASSWORD``) set it runs against the real API instead; it then
also needs ``ONESCP_SUPPLIER_COMPANY_ID`` and ``ONESCP_SUPPLIER_USER_ID`` (the ONESCP ids of a
supplier company and its contact user) for the orders it pushes, and ``ONESCP_WEBHOOK_URL``
(a public URL of your receiver) to subscribe to webhooks.

What it does:

1. subscribes to order webhooks and keeps the secret (the API shows it only once);
2. mirrors every order into a local "ERP" table by reading the whole change feed, storing the
   position in a JSON checkpoint file;
3. pushes two orders from the "ERP" (idempotent upserts keyed by ``erpId``);
4. reads the feed again, which picks up exactly what changed since step 2;
5. verifies and handles the webhooks that arrived meanwhile.

A change feed delivers each change at least once: a run that stops in the middle of a page
handles that page again next time. Handling is therefore an upsert by ``_id``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from supplychain_sdk import WebhookVerificationError
from supplychain_sdk.onescp import (
    Created,
    Deleted,
    FileCheckpoint,
    OneScp,
    Order,
    OrderCreatedEvent,
    Updated,
    WebhookEvent,
    webhooks,
)
from supplychain_sdk.sandbox.onescp import OneScpSandbox


@dataclass
class Mirror:
    """The ERP's copy of the portal's orders, by ONESCP ``_id``."""

    orders: dict[str, Order] = field(default_factory=dict)

    def apply(self, change: Created[Order] | Updated[Order] | Deleted) -> None:
        """Idempotent: applying a change twice leaves the same state."""
        match change:
            case Created(record=order) | Updated(record=order) if order.id:
                self.orders[order.id] = order
            case Deleted(id=order_id):
                self.orders.pop(order_id, None)
            case _:
                pass


@dataclass
class Summary:
    """What one run did (the tests read it)."""

    initial: int = 0
    incremental: list[str] = field(default_factory=list)
    pushed_created: list[str] = field(default_factory=list)
    pushed_updated: list[str] = field(default_factory=list)
    push_errors: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    rejected_webhooks: int = 0


class WebhookInbox:
    """What your webhook endpoint does: verify the raw body, then queue the typed event."""

    def __init__(self) -> None:
        self.secret = ""
        self.events: list[WebhookEvent] = []
        self.rejected = 0

    def receive(self, body: bytes, headers: Mapping[str, str]) -> int:
        """Handle one delivery; returns the HTTP status to answer with."""
        try:
            event = webhooks.verify(body, headers, self.secret)
        except WebhookVerificationError:
            self.rejected += 1
            return 401
        self.events.append(event)
        return 200


def erp_orders(supplier_company: str, supplier_user: str) -> list[dict[str, Any]]:
    """Two purchase orders as an ERP exports them, in the fields sync-from-erp expects."""
    common = {
        "supplierCompany": supplier_company,
        "supplierId": supplier_user,
        "supplierAccountNumber": "V-100200",
        "destination": {
            "name": "Central Warehouse",
            "addressLine1": "Am Hafen 1",
            "postalCode": "20457",
            "city": "Hamburg",
            "country": "DE",
        },
        "contactEmail": "purchasing@example.com",
    }
    return [
        {
            **common,
            "erpId": "SAP-PO-4500012345",
            "purchaseOrderNumber": "4500012345",
            "lines": [
                {"position": "10", "item": {"number": "MAT-100"}, "quantity": 40},
                {"position": "20", "item": {"number": "MAT-200"}, "quantity": 5},
            ],
        },
        {
            **common,
            "erpId": "SAP-PO-4500012346",
            "purchaseOrderNumber": "4500012346",
            "lines": [{"position": "10", "item": {"number": "MAT-300"}, "quantity": 12}],
        },
    ]


def run(
    client: OneScp,
    checkpoint_path: Path,
    *,
    supplier_company: str,
    supplier_user: str,
    inbox: WebhookInbox | None = None,
    webhook_url: str | None = None,
) -> Summary:
    """One integration run; see the module docstring."""
    summary = Summary()
    mirror = Mirror()
    checkpoint = FileCheckpoint(checkpoint_path, key="onescp-orders")

    if inbox is not None and webhook_url is not None:
        subscription = client.webhooks.create(
            url=webhook_url, events=["order.created", "order.updated"]
        )
        inbox.secret = subscription.secret or ""  # shown once: keep it in your secret store
        print(f"subscribed {webhook_url} to {len(subscription.events or [])} events")

    # 1. The whole feed on the first run (empty checkpoint), only what changed afterwards.
    for change in client.orders.changes(checkpoint=checkpoint, page_size=100):
        mirror.apply(change)
        summary.initial += 1
    print(f"initial sync: {summary.initial} change(s), {len(mirror.orders)} order(s) mirrored")

    # 2. Push two orders from the ERP. Re-running this is safe: they are matched by erpId.
    report = client.orders.upsert_from_erp(erp_orders(supplier_company, supplier_user))
    summary.pushed_created = [o.purchase_order_number or "?" for o in report.created]
    summary.pushed_updated = [o.purchase_order_number or "?" for o in report.updated]
    summary.push_errors = [f"{e.payload.get('erpId')}: {e.message}" for e in report.errors]
    print(
        f"pushed from the ERP: {len(report.created)} created, {len(report.updated)} updated, "
        f"{len(report.errors)} refused"
    )

    # 3. The feed again: only what changed since the stored position.
    for change in client.orders.changes(checkpoint=checkpoint):
        mirror.apply(change)
        number = getattr(getattr(change, "record", None), "purchase_order_number", change.id)
        summary.incremental.append(f"{change.kind} {number}")
    print(f"incremental sync: {summary.incremental or 'nothing new'}")
    print(f"next run starts at {checkpoint.load()}")

    # 4. Webhooks received meanwhile (on a web server: in your endpoint, see the docs).
    if inbox is not None:
        for event in inbox.events:
            match event:
                case OrderCreatedEvent(data=order):
                    summary.events.append(f"{event.event} {order.purchase_order_number}")
                case _:
                    summary.events.append(event.event)
        summary.rejected_webhooks = inbox.rejected
        print(f"verified webhooks: {summary.events}")
    return summary


def main() -> None:
    real = bool(os.environ.get("ONESCP_API_KEY") or os.environ.get("ONESCP_EMAIL"))
    if real:
        client = OneScp(app_info=("onescp-erp-sync", "1.0"))
        checkpoint = Path(os.environ.get("ONESCP_CHECKPOINT", "onescp-orders.json"))
        webhook_url = os.environ.get("ONESCP_WEBHOOK_URL")
        print(f"ONESCP at {client.base_url}")
        with client:
            run(
                client,
                checkpoint,
                supplier_company=os.environ["ONESCP_SUPPLIER_COMPANY_ID"],
                supplier_user=os.environ["ONESCP_SUPPLIER_USER_ID"],
                webhook_url=webhook_url,
                inbox=WebhookInbox() if webhook_url else None,
            )
        return

    sandbox = OneScpSandbox()
    inbox = WebhookInbox()
    url = "https://erp.example.com/webhooks/onescp"
    sandbox.register_receiver(url, inbox.receive)  # the sandbox POSTs deliveries here
    print(f"ONESCP sandbox at {sandbox.base_url}")
    with tempfile.TemporaryDirectory() as state, sandbox.client() as client:
        user = client.auth.login()
        print(f"logged in as {user.name} ({user.role})")
        run(
            client,
            Path(state) / "onescp-orders.json",
            supplier_company=sandbox.SUPPLIER_COMPANY_ID,
            supplier_user=sandbox.SUPPLIER_USER_ID,
            inbox=inbox,
            webhook_url=url,
        )


if __name__ == "__main__":
    main()
