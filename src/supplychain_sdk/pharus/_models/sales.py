"""Pharus answer models: sales orders, their items and timeline notes, order channels
(pharus-routes.md #67-87)."""

from decimal import Decimal

from pydantic import Field

from ..._core.models import APIModel, OpenEnum
from .common import Usage

__all__ = [
    "FulfillmentStatus",
    "OrderChannel",
    "OrderChannelUsage",
    "SalesOrder",
    "SalesOrderDetail",
    "SalesOrderItem",
    "SalesOrderStatus",
    "SalesOrderTimelineNote",
]


class SalesOrderStatus(OpenEnum):
    """A sales order's status (Title-Case; note the hyphen in ``In-Dispute``)."""

    RECEIVED = "Received"
    ENTERED = "Entered"
    SHIPPED = "Shipped"
    INVOICED = "Invoiced"
    PAID = "Paid"
    REJECTED = "Rejected"
    IN_DISPUTE = "In-Dispute"
    COMPLETED = "Completed"


class FulfillmentStatus(OpenEnum):
    """How much of a sales order has been fulfilled."""

    PENDING = "Pending"
    PARTIAL = "Partial"
    FULFILLED = "Fulfilled"


class SalesOrder(APIModel):
    """A sales order, flat (sent as ``channelId``/``status``, answered as
    ``orderChannelId``/``orderStatus``); money fields are exact `Decimal`.

    Each status has its own timestamp (``received_at`` ... ``completed_at``); ``mabd`` is the
    must-arrive-by date.
    """

    id: str
    org_id: str | None = None
    customer_id: str | None = None
    so_number: str | None = None
    order_channel_id: str | None = None
    order_status: SalesOrderStatus | None = None
    fulfillment_status: FulfillmentStatus | None = None
    fulfillment_location_id: str | None = None
    broker_id: str | None = None
    broker_fee_percent: Decimal | None = None
    broker_fees: Decimal | None = None
    fulfillment_costs: Decimal | None = None
    freight_costs: Decimal | None = None
    promo_costs: Decimal | None = None
    other_costs: Decimal | None = None
    mabd: str | None = None
    placed_at: str | None = None
    received_at: str | None = None
    entered_at: str | None = None
    shipped_at: str | None = None
    invoiced_at: str | None = None
    paid_at: str | None = None
    rejected_at: str | None = None
    in_dispute_at: str | None = None
    completed_at: str | None = None
    notes: str | None = None
    qbo_id: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


class SalesOrderItem(APIModel):
    """A line of a sales order: a SKU, a whole quantity and an exact unit price."""

    id: str
    org_id: str | None = None
    sales_order_id: str | None = None
    sku_id: str | None = None
    quantity: int | None = None
    unit_price: Decimal | None = None


class SalesOrderDetail(APIModel):
    """A sales order with its items: what ``create`` and ``retrieve`` answer
    (``update`` answers the flat `SalesOrder`)."""

    sales_order: SalesOrder
    items: list[SalesOrderItem] = Field(default_factory=list)


class SalesOrderTimelineNote(APIModel):
    """A note on a sales order's timeline (sent as ``body``/``statusAtTime``, answered as
    ``note``/``orderStatus``)."""

    id: str
    org_id: str | None = None
    sales_order_id: str | None = None
    order_status: SalesOrderStatus | None = None
    note: str | None = None
    created_at: str | None = None


class OrderChannel(APIModel):
    """Where sales orders come from (a lookup item; deleting one deactivates it)."""

    id: str
    org_id: str | None = None
    name: str | None = None
    sort_order: int | None = None
    is_active: bool | None = None
    #: Lookup items have no ``updatedAt``.
    created_at: str | None = None


class OrderChannelUsage(Usage):
    """Whether sales orders use an order channel, and how many (``soCount``)."""

    so_count: int | None = None
