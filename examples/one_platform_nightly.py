"""ERP -> ONe: one integration run. Stocks and B2B prices in chunks, an invoice with its PDF,
and the orders waiting on ONe pulled, "fulfilled" and their statuses pushed back.

Runs against an in-process sandbox (no credentials, no network). With
``ONE_PLATFORM_BASE_URL`` and ``ONE_PLATFORM_TOKEN`` set it runs against your ONe instance
instead: the "ERP" below is a stand-in that makes up products, prices and an invoice, so
point it at a test instance.

What it shows:

1. only products and clients marked for ONe in the ERP (the document's checkbox) are sent;
2. stocks go in chunks of at most 10,000 rows, read lazily from a generator;
3. B2B prices go in chunks too; a chunk ONe refuses (here: a client the ERP marked but ONe
   does not know yet, 404 "client not found") does not stop the others, and the report
   keeps its rows for the next run;
4. an invoice's content, then its PDF (begin -> upload to the presigned URL -> complete);
5. the orders waiting on ONe are pulled, handled by the ERP, and their statuses pushed, after
   which ONe no longer lists them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from supplychain_sdk.one_platform import SCHEDULE, OnePlatform, PushReport, UploadReceipt
from supplychain_sdk.sandbox.one_platform import OnePlatformSandbox

#: A one-page PDF, as the ERP's invoice printer would produce it.
INVOICE_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@dataclass
class Erp:
    """A stand-in for the ERP's tables."""

    products: int = 25_000
    #: client id -> marked for ONe (the checkbox); C-003 is marked but not on ONe yet.
    clients: dict[str, bool] = field(
        default_factory=lambda: {"C-001": True, "C-002": True, "C-003": True, "C-900": False}
    )
    warehouse: str = "MAIN"
    handled: list[str] = field(default_factory=list)

    def stock_rows(self) -> Iterator[dict[str, Any]]:
        """Stock of the products marked for ONe (every third is not), one row at a time."""
        for n in range(self.products):
            if n % 3 == 2:  # not marked for ONe in the ERP
                continue
            yield {"product_code": f"SKU-{n:05d}", "quantity": Decimal(n % 50), "unit": "szt"}

    def b2b_price_rows(self) -> Iterator[dict[str, Any]]:
        """Each marked client's prices on two price lists, client after client."""
        for client_id, marked in self.clients.items():
            if not marked:
                continue
            for price_list in ("BASE", "PROMO"):
                for n in range(0, 3_000):
                    discount = Decimal("0.90") if price_list == "PROMO" else Decimal("1")
                    yield {
                        "client_id": client_id,
                        "price_list_id": f"{client_id}-{price_list}",
                        "product_code": f"SKU-{n:05d}",
                        "net_price": (Decimal("10.00") + n % 90) * discount,
                        "currency": "PLN",
                    }

    def invoice(self) -> dict[str, Any]:
        """Today's invoice for C-001."""
        return {
            "invoice_id": "FV-2026-0001",
            "number": "FV/1/2026",
            "client_id": "C-001",
            "issue_date": dt.date(2026, 1, 5),
            "due_date": dt.date(2026, 1, 19),
            "currency": "PLN",
            "net_total": Decimal("100.00"),
            "gross_total": Decimal("123.00"),
            "lines": [{"product_code": "SKU-00001", "quantity": 4, "net_price": Decimal("25.00")}],
        }

    def fulfil(self, order_id: str) -> dict[str, Any]:
        """Book the order in the ERP and say where it stands."""
        self.handled.append(order_id)
        return {"order_id": order_id, "status": "in_progress", "erp_order_number": f"ZK/{order_id}"}


@dataclass
class Summary:
    """What one run did."""

    stocks: PushReport[dict[str, Any]]
    prices: PushReport[dict[str, Any]]
    pdf: UploadReceipt
    orders: list[str]
    statuses: PushReport[dict[str, Any]]
    still_pending: list[str]


def run(client: OnePlatform, erp: Erp) -> Summary:
    """One integration run; prints what happened."""
    stocks = client.stocks.push_incremental(erp.warehouse, erp.stock_rows())
    print(stocks.summary())

    prices = client.prices.push_b2b(erp.b2b_price_rows(), chunk_size=6_000)
    print(prices.summary())
    if prices.failed_rows:
        print(f"  {len(prices.failed_rows):,} price rows kept for the next run")

    client.invoices.create(erp.invoice())
    pdf = client.invoices.upload_pdf("FV-2026-0001", INVOICE_PDF)
    print(f"invoice {pdf.document_id}: {pdf.filename} ({pdf.size} bytes) uploaded")

    orders = [order.order_id for order in client.orders.pending_shipments()]
    print(f"orders waiting on ONe: {orders}")
    statuses = client.orders.push_status([erp.fulfil(order_id) for order_id in orders])
    print(statuses.summary())
    still_pending = [order.order_id for order in client.orders.pending_shipments()]
    print(f"still waiting after the status push: {still_pending}")
    return Summary(stocks, prices, pdf, orders, statuses, still_pending)


def main() -> None:
    used = {"stocks.push_incremental", "prices.push_b2b", "invoices.create"}
    used |= {"orders.pending_shipments", "orders.push_status"}
    for entry in SCHEDULE:
        if entry.flow in used:
            print(f"schedule {entry.flow}: {entry.cron_with_seconds} ({entry.note})")
    if os.environ.get("ONE_PLATFORM_BASE_URL") and os.environ.get("ONE_PLATFORM_TOKEN"):
        with OnePlatform(app_info=("one-platform-nightly", "1.0")) as client:
            print(f"ONe at {client.base_url}")
            run(client, Erp())
        return
    sandbox = OnePlatformSandbox()
    print(f"ONe sandbox at {sandbox.base_url}")
    with sandbox.client() as client:
        run(client, Erp())


if __name__ == "__main__":
    main()
