"""Pharus request fields: sales orders, items, timeline notes, order channels (#67-87).

Money is sent as exact JSON numbers (answered as strings); item quantities are whole
numbers of at least 1; statuses must be ones the SDK knows.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field
from typing_extensions import Required, TypedDict

from ..._core.operations import api_fields
from .._models.sales import FulfillmentStatus, SalesOrderStatus
from .common import Amount, DateInput, NonNegativeAmount, Text, UuidStr, known_enum

__all__ = [
    "OrderChannelCreateFields",
    "OrderChannelUpdateFields",
    "SalesOrderBulkImportFields",
    "SalesOrderCreateFields",
    "SalesOrderItemCreateFields",
    "SalesOrderItemUpdateFields",
    "SalesOrderTimelineNoteCreateFields",
    "SalesOrderUpdateFields",
]

_Status = Annotated[SalesOrderStatus | str, known_enum(SalesOrderStatus)]
_Fulfillment = Annotated[FulfillmentStatus | str, known_enum(FulfillmentStatus)]
_Quantity = Annotated[int, Field(ge=1, strict=True)]
_ChannelName = Annotated[str, Field(min_length=1, max_length=100)]


@api_fields
class SalesOrderItemCreateFields(TypedDict, total=False):
    """The body of ``sales_orders.items.create`` (#73), and each of a new order's
    ``items`` (their shape is collapsed in the document; A12 reads it from this body)."""

    sku_id: Required[UuidStr]
    quantity: Required[_Quantity]
    unit_price: NonNegativeAmount


@api_fields
class SalesOrderItemUpdateFields(TypedDict, total=False):
    """The body of ``sales_orders.items.update`` (#75)."""

    sku_id: UuidStr
    quantity: _Quantity
    unit_price: NonNegativeAmount


@api_fields
class SalesOrderCreateFields(TypedDict, total=False):
    """The body of ``sales_orders.create`` (#67), and each row of ``bulk_import``."""

    customer_id: Required[UuidStr]
    channel_id: Required[UuidStr]
    status: Required[_Status]
    fulfillment_status: Required[_Fulfillment]
    fulfillment_location_id: UuidStr | None
    broker_id: UuidStr | None
    broker_fee_percent: Amount | None
    broker_fees: NonNegativeAmount
    fulfillment_costs: NonNegativeAmount
    freight_costs: NonNegativeAmount
    promo_costs: NonNegativeAmount
    other_costs: NonNegativeAmount
    mabd: Required[DateInput]
    notes: str | None
    qbo_id: str | None
    items: Required[list[SalesOrderItemCreateFields]]


@api_fields
class SalesOrderUpdateFields(TypedDict, total=False):
    """The body of ``sales_orders.update`` (#69): only the fields given change; items
    change through ``sales_orders.items``. A status's timestamp may be set with it."""

    customer_id: UuidStr
    channel_id: UuidStr
    status: _Status
    fulfillment_status: _Fulfillment
    fulfillment_location_id: UuidStr | None
    broker_id: UuidStr | None
    broker_fee_percent: Amount | None
    broker_fees: NonNegativeAmount
    fulfillment_costs: NonNegativeAmount
    freight_costs: NonNegativeAmount
    promo_costs: NonNegativeAmount
    other_costs: NonNegativeAmount
    mabd: DateInput
    notes: str | None
    qbo_id: str | None
    placed_at: DateInput
    received_at: DateInput | None
    entered_at: DateInput | None
    shipped_at: DateInput | None
    invoiced_at: DateInput | None
    paid_at: DateInput | None
    rejected_at: DateInput | None
    in_dispute_at: DateInput | None
    completed_at: DateInput | None


@api_fields
class SalesOrderBulkImportFields(TypedDict):
    """The body of ``sales_orders.bulk_import`` (#72)."""

    rows: Required[list[SalesOrderCreateFields]]


@api_fields
class SalesOrderTimelineNoteCreateFields(TypedDict, total=False):
    """The body of ``sales_orders.timeline_notes.create`` (#77)."""

    body: Required[Text]
    status_at_time: _Status


@api_fields
class OrderChannelCreateFields(TypedDict):
    """The body of ``order_channels.create`` (#80)."""

    name: Required[_ChannelName]


@api_fields
class OrderChannelUpdateFields(TypedDict, total=False):
    """The body of ``order_channels.update`` (#82)."""

    name: _ChannelName
    sort_order: int
    is_active: bool
