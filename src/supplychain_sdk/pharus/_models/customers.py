"""Pharus answer models: customers, customer types, customer segments, brokers (#163-183)."""

from decimal import Decimal

from pydantic import Field

from ..._core.models import APIModel
from .common import Usage

__all__ = [
    "Broker",
    "BrokerUsage",
    "Customer",
    "CustomerSegment",
    "CustomerSegmentUsage",
    "CustomerType",
    "CustomerTypeUsage",
]


class Customer(APIModel):
    """A customer (sent as ``typeId``/``segmentId``/``parentId``, answered as
    ``customerTypeId``/``customerSegmentId``/``parentCustomerId``)."""

    id: str
    org_id: str | None = None
    name: str | None = None
    customer_type_id: str | None = None
    customer_segment_id: str | None = None
    broker_id: str | None = None
    #: Answered as a string; parsed exactly.
    broker_fee_percent: Decimal | None = None
    address: str | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    zip_code: str | None = None
    parent_customer_id: str | None = None
    qbo_id: str | None = None
    notes: str | None = None
    is_active: bool | None = None
    created_at: str | None = None
    updated_at: str | None = None


class _CustomerLookup(APIModel):
    id: str
    org_id: str | None = None
    name: str | None = None
    sort_order: int | None = None
    is_active: bool | None = None
    #: Lookup items have no ``updatedAt``.
    created_at: str | None = None


class CustomerType(_CustomerLookup):
    """A customer type (a lookup item; deactivate it with ``is_active=False``)."""


class CustomerSegment(_CustomerLookup):
    """A customer segment (a lookup item)."""


class Broker(_CustomerLookup):
    """A broker who earns a fee on customers' sales orders (a lookup item)."""


class CustomerTypeUsage(Usage):
    """Whether customers use a customer type, how many, and a few of their ids."""

    customer_count: int | None = None
    sample_customer_ids: list[str] = Field(default_factory=list)


class CustomerSegmentUsage(Usage):
    """Whether customers use a customer segment, how many, and a few of their ids."""

    customer_count: int | None = None
    sample_customer_ids: list[str] = Field(default_factory=list)


class BrokerUsage(Usage):
    """Whether a broker is used: by how many customers and sales orders (``soCount``)."""

    customer_count: int | None = None
    so_count: int | None = None
