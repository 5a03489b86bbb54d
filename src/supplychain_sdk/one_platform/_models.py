"""The objects exchanged with ONe, as the SDK models them.

The integration document gives paths and cadences but no payload schemas. These models are
the SDK's reading of what a B2B platform needs for each object: ids and codes as text,
quantities and prices as `Decimal` with an ISO 4217 currency, dates as `datetime.date`.
Every model keeps fields it does not know (`APIModel` keeps extras, and sends them back), and
every method that takes a model also takes a plain dict with the same fields, by Python name
(``product_code``) or by the API's camelCase name (``productCode``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from pydantic import AliasChoices, Field

from .._core.models import APIModel

__all__ = [
    "Acknowledgement",
    "Address",
    "B2BPrice",
    "BlockadeState",
    "ClientRecord",
    "ClientSegment",
    "CreditLimit",
    "Currency",
    "DocumentLine",
    "GoodsIssuedNoteDocument",
    "InvoiceDocument",
    "InvoiceStatusUpdate",
    "OfflineOrderDocument",
    "OrderStatusUpdate",
    "PendingShipment",
    "RetailPrice",
    "StockLevel",
    "UploadTarget",
    "WarehouseRecord",
]

#: An ISO 4217 currency code (``"PLN"``, ``"EUR"``).
Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
#: A non-empty identifier or code.
Code = Annotated[str, Field(min_length=1, max_length=255)]
#: An amount that cannot be negative.
Amount = Annotated[Decimal, Field(ge=0, allow_inf_nan=False)]
#: A quantity (finite; the sign is the ERP's business).
Quantity = Annotated[Decimal, Field(allow_inf_nan=False)]


class Address(APIModel):
    """A postal address."""

    street: str | None = None
    city: str | None = None
    postal_code: str | None = None
    #: ISO 3166-1 alpha-2 (``"PL"``).
    country_code: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = None


class ClientSegment(APIModel):
    """A client segment (body of ``segments.put``)."""

    name: Code
    description: str | None = None


class WarehouseRecord(APIModel):
    """A warehouse the ERP keeps stock in (body of ``warehouses.create``)."""

    code: Code
    name: Code
    address: Address | None = None


class StockLevel(APIModel):
    """One stock row: how much of a product a warehouse holds now.

    "Incremental" in the route is read as "only the rows that changed since the last push",
    each carrying the current quantity (not a difference).
    """

    product_code: Code
    quantity: Quantity
    unit: str | None = None


class ClientRecord(APIModel):
    """A B2B client (customer) as the ERP sends it and ONe returns it."""

    client_id: Annotated[Code, Field(validation_alias=AliasChoices("clientId", "client_id", "id"))]
    name: Code
    #: The tax identification number (NIP in Poland).
    tax_id: str | None = None
    email: str | None = None
    phone: str | None = None
    segment_id: str | None = None
    #: The organization the client's trade credit belongs to (``trade_credits.put``).
    organization_id: str | None = None
    address: Address | None = None
    active: bool | None = None


class CreditLimit(APIModel):
    """A client's trade credit: the limit and, optionally, the payment date."""

    limit: Amount
    currency: Currency | None = None
    payment_date: dt.date | None = None


class BlockadeState(APIModel):
    """Whether a client is blocked, and why."""

    blocked: bool
    reason: str | None = None


class RetailPrice(APIModel):
    """One B2C (retail) price row."""

    product_code: Code
    gross_price: Amount
    currency: Currency
    net_price: Amount | None = None
    #: VAT rate in percent (``23``).
    vat_rate: Amount | None = None


class B2BPrice(APIModel):
    """One B2B price row: a product's price on one price list of one client.

    ONe holds at most 2,000 price lists per B2B client; `prices.push_b2b` refuses a push
    that would name more for one client.
    """

    client_id: Code
    price_list_id: Code
    product_code: Code
    net_price: Amount
    currency: Currency
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


class DocumentLine(APIModel):
    """One line of an invoice, goods-issued note or order."""

    product_code: Code
    quantity: Quantity
    name: str | None = None
    unit: str | None = None
    net_price: Amount | None = None
    vat_rate: Amount | None = None
    net_amount: Decimal | None = None
    gross_amount: Decimal | None = None


class InvoiceDocument(APIModel):
    """An invoice's content (body of ``invoices.create``)."""

    invoice_id: Code
    number: Code
    client_id: Code
    issue_date: dt.date
    currency: Currency
    net_total: Decimal
    gross_total: Decimal
    sale_date: dt.date | None = None
    due_date: dt.date | None = None
    order_id: str | None = None
    lines: list[DocumentLine] = Field(default_factory=list)


class InvoiceStatusUpdate(APIModel):
    """One invoice status row (``invoices.push_statuses``): e.g. paid, partly paid."""

    invoice_id: Code
    status: Code
    paid_amount: Amount | None = None
    payment_date: dt.date | None = None


class GoodsIssuedNoteDocument(APIModel):
    """A goods-issued note's (WZ) content (body of ``goods_issued_notes.create``)."""

    note_id: Code
    number: Code
    client_id: Code
    issue_date: dt.date
    warehouse_code: str | None = None
    order_id: str | None = None
    invoice_id: str | None = None
    lines: list[DocumentLine] = Field(default_factory=list)


class PendingShipment(APIModel):
    """An order placed on ONe that the ERP is to fulfil (``orders.pending_shipments``)."""

    order_id: Annotated[Code, Field(validation_alias=AliasChoices("orderId", "order_id", "id"))]
    number: str | None = None
    client_id: str | None = None
    created_at: dt.datetime | None = None
    currency: Currency | None = None
    delivery_address: Address | None = None
    comment: str | None = None
    lines: list[DocumentLine] = Field(default_factory=list)


class OrderStatusUpdate(APIModel):
    """One order fulfilment status row (``orders.push_status``)."""

    order_id: Code
    status: Code
    erp_order_number: str | None = None
    tracking_number: str | None = None
    changed_at: dt.datetime | None = None


class OfflineOrderDocument(APIModel):
    """An order taken outside ONe (phone, sales rep), sent so ONe shows it too."""

    order_id: Code
    client_id: Code
    order_date: dt.date
    currency: Currency
    number: str | None = None
    lines: list[DocumentLine] = Field(default_factory=list)


class UploadTarget(APIModel):
    """Where the first step of a PDF upload says to put the bytes.

    Read from the answer's ``uploadUrl`` (or ``url``, ``presignedUrl``, ``signedUrl``) and
    ``uploadId`` (or ``fileId``, ``id``); ``method`` defaults to ``PUT`` and ``headers`` are
    sent with the bytes (e.g. a signed ``Content-Type``).
    """

    upload_url: Annotated[
        str,
        Field(
            validation_alias=AliasChoices(
                "uploadUrl", "upload_url", "url", "presignedUrl", "signedUrl"
            )
        ),
    ]
    upload_id: Annotated[
        str | None,
        Field(validation_alias=AliasChoices("uploadId", "upload_id", "fileId", "id")),
    ] = None
    method: str = "PUT"
    headers: dict[str, str] = Field(default_factory=dict)


class Acknowledgement(APIModel):
    """What ONe answers to a write; every field is optional (the document shows none).

    An empty answer gives an empty acknowledgement; unknown fields are kept.
    """

    id: str | int | None = None
    status: str | None = None
    message: str | None = None
