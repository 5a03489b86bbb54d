"""An outbound order on CartonCloud: create it, read it back, change it with If-Match, follow it.

Runs against an in-process sandbox (no credentials, no network): there a simulated warehouse
moves the order along and the sandbox's status-change webhook is received and verified like a
real one. With ``CARTONCLOUD_CLIENT_ID`` and ``CARTONCLOUD_CLIENT_SECRET`` set it runs against
the real API instead (``CARTONCLOUD_TENANT_ID`` names the tenant; ``CARTONCLOUD_CUSTOMER_CODE``
and ``CARTONCLOUD_PRODUCT_CODE`` a customer and a product of that tenant) and polls the
order's status for a while.

Idempotency: ``create`` is a POST and is never retried automatically, so a failed create may
or may not have created the order. Before creating it again, search for its reference:
``client.outbound_orders.search(JsonField("/references/customer").equals(reference))``.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from supplychain_sdk import retry_on_conflict
from supplychain_sdk.cartoncloud import (
    Address,
    CartonCloud,
    Country,
    Customer,
    DeliverDetails,
    JsonField,
    NewOutboundOrder,
    OrderItem,
    OutboundOrder,
    OutboundOrderDetails,
    ProductRef,
    References,
    State,
    webhooks,
)
from supplychain_sdk.sandbox.cartoncloud import CartonCloudSandbox

#: The statuses after which an order moves no further.
FINAL = frozenset({"DISPATCHED", "REJECTED"})
WEBHOOK_HEADERS = {"X-Webhook-Token": "example-shared-secret"}


@dataclass
class Summary:
    """What happened to the order."""

    order_id: str = ""
    reference: str = ""
    created_status: str | None = None
    created_with_issues: bool = False
    found_by_reference: bool = False
    versions: list[int] = field(default_factory=list)
    instructions: str | None = None
    statuses: list[str] = field(default_factory=list)  # as seen while following it
    webhook_events: list[str] = field(default_factory=list)


def new_order(reference: str, customer_code: str, product_code: str) -> NewOutboundOrder:
    """A typed outbound order of 2 units of one product."""
    return NewOutboundOrder(
        references=References(customer=reference),
        customer=Customer.by_code(customer_code),
        details=OutboundOrderDetails(
            instructions="Deliver between 9 and 5",
            deliver=DeliverDetails(
                address=Address(
                    company_name="Corner Store",
                    contact_name="Sam Smith",
                    address1="1 Main Street",
                    suburb="Springfield",
                    state=State.by_code("QLD"),
                    postcode="4000",
                    country=Country.by_iso2("AU"),
                ),
                required_date=dt.date.today() + dt.timedelta(days=2),
            ),
        ),
        items=[OrderItem.of(ProductRef.by_code(product_code), 2)],
    )


def run(
    client: CartonCloud,
    *,
    reference: str,
    customer_code: str,
    product_code: str,
    on_poll: Callable[[OutboundOrder], object] | None = None,
    poll_interval: float = 30.0,
    max_polls: int = 10,
    sleep: Callable[[float], object] = time.sleep,
) -> Summary:
    """Create, read back, update with If-Match, then follow the order's status."""
    summary = Summary(reference=reference)
    created = client.outbound_orders.create(new_order(reference, customer_code, product_code))
    summary.order_id = created.id
    summary.created_status = created.status
    summary.created_with_issues = created.created_with_issues
    summary.versions.append(created.version)
    if created.created_with_issues:
        # 228 Created with issues: the order exists (typically rejected for missing stock).
        summary.statuses.append(str(created.status))
        return summary

    found = client.outbound_orders.search(JsonField("/references/customer").equals(reference))
    summary.found_by_reference = [o.id for o in found] == [created.id]

    def add_instructions(order: OutboundOrder) -> OutboundOrder:
        # computed from what was read, so it is safe to run again after a conflict
        details = order.details or OutboundOrderDetails()
        details.instructions = "Deliver between 9 and 5. Fragile: glass bottles."
        order.details = details
        return order

    updated = retry_on_conflict(
        lambda: client.outbound_orders.retrieve(summary.order_id),
        add_instructions,
        client.outbound_orders.update,  # sends If-Match: <the version read>
    )
    summary.versions.append(updated.version)
    summary.instructions = updated.details.instructions if updated.details else None

    current = updated
    for _ in range(max_polls):
        summary.statuses.append(str(current.status))
        if current.status in FINAL:
            break
        if on_poll is not None:
            on_poll(current)
        sleep(poll_interval)
        current = client.outbound_orders.retrieve(summary.order_id)
    summary.versions.append(current.version)
    return summary


def sandbox_setup() -> tuple[CartonCloud, Callable[[OutboundOrder], object], list[str]]:
    """A sandbox client, a simulated warehouse, and a verified webhook receiver."""
    sandbox = CartonCloudSandbox()
    events: list[str] = []

    def receive(body: bytes, headers: Mapping[str, str]) -> None:
        # what a web handler does with the raw body and headers of CartonCloud's POST
        event = webhooks.parse(body, headers, expected_headers=WEBHOOK_HEADERS)
        events.append(f"{event.kind} v{event.entity.version} -> {event.status}")

    sandbox.add_webhook("outbound_order", receive, headers=WEBHOOK_HEADERS)

    def warehouse(order: OutboundOrder) -> None:
        sandbox.advance("outbound_order", order.id)

    return sandbox.client(app_info=("cartoncloud-example", "1.0")), warehouse, events


def main() -> None:
    reference = f"SO-{dt.datetime.now(dt.timezone.utc):%Y%m%d%H%M%S}"
    events: list[str] = []
    if os.environ.get("CARTONCLOUD_CLIENT_ID"):
        customer = os.environ.get("CARTONCLOUD_CUSTOMER_CODE")
        product = os.environ.get("CARTONCLOUD_PRODUCT_CODE")
        if not customer or not product:
            raise SystemExit("set CARTONCLOUD_CUSTOMER_CODE and CARTONCLOUD_PRODUCT_CODE too")
        client = CartonCloud()
        print(f"CartonCloud at {client.base_url}, tenant {client.tenant_id}")
        with client:
            summary = run(client, reference=reference, customer_code=customer, product_code=product)
    else:
        client, warehouse, events = sandbox_setup()
        print(f"CartonCloud sandbox at {client.base_url}")
        with client:
            summary = run(
                client,
                reference=reference,
                customer_code=CartonCloudSandbox.CUSTOMER_CODE,
                product_code=CartonCloudSandbox.PRODUCT_CODES[0],
                on_poll=warehouse,
                sleep=lambda seconds: None,
            )
    print(f"created {summary.reference} ({summary.order_id}): {summary.created_status}")
    if summary.created_with_issues:
        print("created with issues (228): check stock before dispatch")
    print(f"found again by its reference: {summary.found_by_reference}")
    print(f"instructions now: {summary.instructions!r}")
    print(f"versions: {' -> '.join(str(v) for v in summary.versions)}")
    print(f"statuses followed: {' -> '.join(summary.statuses)}")
    for line in events:
        print(f"webhook: {line}")


if __name__ == "__main__":
    main()
