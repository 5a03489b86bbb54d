"""Pharus request fields: customers and their lookups (pharus-routes.md #163-183)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field
from typing_extensions import Required, TypedDict

from ..._core.operations import api_fields
from .common import Amount, Country, UuidStr

__all__ = [
    "BrokerCreateFields",
    "BrokerUpdateFields",
    "CustomerBulkImportFields",
    "CustomerCreateFields",
    "CustomerListFilters",
    "CustomerSegmentCreateFields",
    "CustomerSegmentUpdateFields",
    "CustomerTypeCreateFields",
    "CustomerTypeUpdateFields",
    "CustomerUpdateFields",
]

_Name = Annotated[str, Field(min_length=1, max_length=255)]
_LookupName = Annotated[str, Field(min_length=1, max_length=100)]


@api_fields
class CustomerCreateFields(TypedDict, total=False):
    """The body of ``customers.create`` (#163), and each row of ``customers.bulk_import``."""

    name: Required[_Name]
    type_id: Required[UuidStr]
    segment_id: UuidStr | None
    broker_id: UuidStr | None
    broker_fee_percent: Amount | None
    address: str | None
    city: str | None
    state: str | None
    country: Country | None
    zip_code: str | None
    parent_id: UuidStr | None
    qbo_id: str | None
    notes: str | None


@api_fields
class CustomerUpdateFields(TypedDict, total=False):
    """The body of ``customers.update`` (#165): only the fields given change."""

    name: _Name
    type_id: UuidStr
    segment_id: UuidStr | None
    broker_id: UuidStr | None
    broker_fee_percent: Amount | None
    address: str | None
    city: str | None
    state: str | None
    country: Country | None
    zip_code: str | None
    parent_id: UuidStr | None
    qbo_id: str | None
    notes: str | None
    is_active: bool


@api_fields
class CustomerBulkImportFields(TypedDict):
    """The body of ``customers.bulk_import`` (#168)."""

    rows: Required[list[CustomerCreateFields]]


@api_fields
class CustomerListFilters(TypedDict, total=False):
    """The query of ``customers.list`` (#164); ``active`` is sent as ``"true"``/``"false"``.

    ``type``, ``segment``, ``broker`` and ``parent_customer`` are plain text in the document
    (an id or a name: it does not say which).
    """

    active: bool
    type: str
    segment: str
    broker: str
    parent_customer: str
    q: str


@api_fields
class CustomerTypeCreateFields(TypedDict):
    """The body of ``customer_types.create`` (#169)."""

    name: Required[_LookupName]


@api_fields
class CustomerTypeUpdateFields(TypedDict, total=False):
    """The body of ``customer_types.update`` (#171)."""

    name: _LookupName
    sort_order: int
    is_active: bool


@api_fields
class CustomerSegmentCreateFields(TypedDict):
    """The body of ``customer_segments.create`` (#173)."""

    name: Required[_LookupName]


@api_fields
class CustomerSegmentUpdateFields(TypedDict, total=False):
    """The body of ``customer_segments.update`` (#175)."""

    name: _LookupName
    sort_order: int
    is_active: bool


@api_fields
class BrokerCreateFields(TypedDict):
    """The body of ``brokers.create`` (#177)."""

    name: Required[_LookupName]


@api_fields
class BrokerUpdateFields(TypedDict, total=False):
    """The body of ``brokers.update`` (#179)."""

    name: _LookupName
    sort_order: int
    is_active: bool
