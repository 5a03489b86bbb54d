"""Order to invoice on Procuros: answer each incoming ORDER with an ORDER_RESPONSE and an INVOICE.

Runs against an in-process sandbox (no credentials, no network); with ``PROCUROS_API_TOKEN`` set,
against the real API (``PROCUROS_ENVIRONMENT=staging`` for the staging server).

Idempotency: ``outgoing.send`` is a POST and is never retried automatically (a retry could
deliver a document twice). So an order whose documents could not be sent is marked *failed* (a
user sees it in the Procuros portal) rather than left in the queue for the next run to answer
again. If the process dies between sending and marking, the next run does answer those orders
again: record what you sent if that matters.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from supplychain_sdk import APIError, InvalidRequestError, UnprocessableEntityError
from supplychain_sdk.procuros import (
    BulkMarkProcessedResult,
    Document,
    Invoice,
    InvoiceHeader,
    InvoiceItemWithSubSubItems,
    InvoiceSummary,
    Order,
    OrderItem,
    OrderResponse,
    OrderResponseHeader,
    OrderResponseHeaderType,
    OrderResponseItem,
    Procuros,
    ReceivedOrderTransaction,
    Tax,
)
from supplychain_sdk.sandbox.procuros import ProcurosSandbox, example_documents


class MissingData(ValueError):
    """The order lacks something the documents need (a user can fix it: error type DATA)."""


@dataclass
class Outcome:
    """What happened to one incoming ORDER."""

    transaction_id: str
    order_identifier: str
    sent: list[str] = field(default_factory=list)  # "OrderResponse RE-PO1: <transaction id>"
    error_type: str | None = None  # "DATA" or "INTERNAL" when the order failed
    error: str | None = None
    error_url: str | None = None


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    marked: BulkMarkProcessedResult | None = None


def quantity(item: OrderItem) -> float:
    return 1.0 if item.quantity is None else item.quantity  # the spec's default is 1


def order_response(order: Order, today: str) -> OrderResponse:
    """Accept the order exactly as ordered."""
    h = order.header
    items = [
        OrderResponseItem(
            line_number=item.line_number or n,
            order_line_number=item.line_number or n,
            ordered_quantity=quantity(item),
            confirmed_quantity=quantity(item),
            identifiers=item.identifiers,
            unit_of_measure=item.unit_of_measure,
            unit_price=item.unit_price,
            description=item.description,
        )
        for n, item in enumerate(order.items, 1)
    ]
    header = OrderResponseHeader(
        type=OrderResponseHeaderType.ACCEPT,
        order_response_identifier=f"RE-{h.order_identifier}",
        order_response_date=today,
        order_identifier=h.order_identifier,
        order_date=h.order_date,
        buyer=h.buyer,
        supplier=h.supplier,
        ship_to=h.ship_to,
        bill_to=h.bill_to,
        currency=h.currency,
        confirmed_delivery_date=h.requested_delivery_date,
    )
    return OrderResponse(header=header, items=items)


def invoice(order: Order, today: str) -> Invoice:
    """Invoice the whole order at its own prices (a real ERP applies its prices and discounts)."""
    h = order.header
    items: list[InvoiceItemWithSubSubItems] = []
    net_total = tax_total = 0.0
    for n, item in enumerate(order.items, 1):
        line = item.line_number or n
        if item.unit_price is None or item.tax is None or not item.identifiers:
            raise MissingData(f"order line {line} lacks an item identifier, price or tax rate")
        net = round(quantity(item) * item.unit_price, 2)
        tax = round(net * item.tax.percentage / 100, 2)
        net_total, tax_total = net_total + net, tax_total + tax
        items.append(
            InvoiceItemWithSubSubItems(
                line_number=line,
                order_line_number=line,
                identifiers=item.identifiers,
                is_deposit_item=bool(item.is_deposit_item),
                is_invoiced_item=True,
                quantity=quantity(item),
                unit_price=item.unit_price,
                tax=Tax(percentage=item.tax.percentage, amount=tax),
                unit_of_measure=item.unit_of_measure,
                description=item.description,
            )
        )
    header = InvoiceHeader(
        invoice_identifier=f"INV-{h.order_identifier}",
        invoice_date=today,
        shipping_notice_identifier=f"SN-{h.order_identifier}",  # your delivery note
        shipping_notice_date=today,
        order_identifier=h.order_identifier,
        order_date=h.order_date,
        buyer=h.buyer,
        supplier=h.supplier,
        ship_to=h.ship_to,
        bill_to=h.bill_to,
        currency=h.currency,
        payment_terms=h.payment_terms,
    )
    net_total, gross = round(net_total, 2), round(net_total + tax_total, 2)
    summary = InvoiceSummary(
        subtotal_amount=net_total, net_amount=net_total, gross_amount=gross, due_amount=gross
    )
    return Invoice(header=header, items=items, summary=summary)


def answer(client: Procuros, order: Order, today: str, outcome: Outcome) -> None:
    """Build both documents (nothing is sent if either fails), then send them."""
    response, bill = order_response(order, today), invoice(order, today)
    documents: dict[str, Document] = {
        response.header.order_response_identifier: response,
        bill.header.invoice_identifier: bill,
    }
    for number, document in documents.items():
        result = client.outgoing.send(document)  # a POST: never retried automatically
        sent_id = result.procuros_transaction_id or "queued (202, no id yet)"
        outcome.sent.append(f"{type(document).__name__} {number}: {sent_id}")


def run(client: Procuros, *, today: dt.date | None = None) -> Summary:
    """Answer every incoming ORDER, then mark them all processed in one bulk call."""
    day = (today or dt.date.today()).isoformat()
    summary = Summary()
    for tx in client.incoming.list(type="ORDER"):
        if not isinstance(tx, ReceivedOrderTransaction):  # narrows tx.content to an Order
            continue
        outcome = Outcome(tx.procuros_transaction_id, tx.content.header.order_identifier)
        summary.outcomes.append(outcome)
        try:
            answer(client, tx.content, day, outcome)
        except (MissingData, ValidationError, InvalidRequestError) as exc:
            outcome.error_type, outcome.error = "DATA", str(exc).splitlines()[0]
        except UnprocessableEntityError as exc:  # the API refused a document
            outcome.error_type, outcome.error = "DATA", str(exc)
            outcome.error_url = exc.details.get("errorUrl")
        except APIError as exc:  # 5xx, connection lost: it may have arrived, so a user checks
            outcome.error_type, outcome.error = "INTERNAL", str(exc)
    if summary.outcomes:  # in batches of up to 1,000 (retried: marking is idempotent)
        summary.marked = client.incoming.bulk_mark_processed(map(mark, summary.outcomes))
    return summary


def mark(o: Outcome) -> dict[str, Any]:
    """The bulk mark-processed item for one order: success, or why it failed."""
    item: dict[str, Any] = {"procurosTransactionId": o.transaction_id, "success": o.error is None}
    if o.error is not None:
        context = {"orderIdentifier": o.order_identifier}
        if o.error_url:
            context["errorUrl"] = o.error_url
        item.update(errorType=o.error_type, errorReason=o.error, errorContext=context)
    return item


def demo_sandbox() -> ProcurosSandbox:
    """A sandbox with three incoming ORDERs, one of them without prices (it fails)."""
    sandbox = ProcurosSandbox()  # seeded with one document of each type, one ORDER among them
    full, minimal = (example["content"] for example in example_documents()["ORDER"])
    sandbox.deliver("ORDER", {**full, "header": {**full["header"], "orderIdentifier": "PO9384"}})
    sandbox.deliver("ORDER", minimal)  # no unit prices, no taxes
    return sandbox


def print_summary(summary: Summary) -> None:
    print(f"{len(summary.outcomes)} incoming ORDER(s)")
    for o in summary.outcomes:
        state = f"FAILED ({o.error_type}) {o.error}" if o.error else "answered"
        print(f"  {o.order_identifier}: {state}")
        print("".join(f"    sent {line}\n" for line in o.sent), end="")
    if summary.marked is not None:
        marked = summary.marked
        print(f"marked processed: {len(marked.accepted)} of {len(marked.items)} accepted")
        for item in marked.items:
            status = "accepted" if item.accepted else f"REJECTED: {item.error}"
            reported = "success" if item.success else f"failure, see {item.error_url}"
            print(f"  {item.procuros_transaction_id}: {reported}, {status}")


def main() -> None:
    if os.environ.get("PROCUROS_API_TOKEN"):
        staging = os.environ.get("PROCUROS_ENVIRONMENT") == "staging"
        client = Procuros(environment="staging" if staging else "production")
    else:
        client = demo_sandbox().client()
    print(f"Procuros at {client.base_url}")
    with client:
        print_summary(run(client))


if __name__ == "__main__":
    main()
