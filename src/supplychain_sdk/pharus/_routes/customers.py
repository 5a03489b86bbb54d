"""Pharus rows: customers, customer types, customer segments, brokers and their usage
checks (pharus-routes.md #163-183, in document order)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..._core.lazy import LazyTypes
from ..._core.operations import IdKind, Operation
from .common import BOUNDED, CURSOR

if TYPE_CHECKING:
    from .._inputs import customers as i
    from .._models import customers as m
    from .._models.common import Deleted
else:  # named by reference: imported when a call first needs them (lazy.py)
    i = LazyTypes("supplychain_sdk.pharus._inputs.customers")
    m = LazyTypes("supplychain_sdk.pharus._models.customers")
    Deleted = LazyTypes("supplychain_sdk.pharus._models.common").Deleted

__all__ = [
    "BROKERS_CREATE",
    "BROKERS_DELETE",
    "BROKERS_LIST",
    "BROKERS_UPDATE",
    "BROKERS_USAGE",
    "CUSTOMERS_BULK_IMPORT",
    "CUSTOMERS_CREATE",
    "CUSTOMERS_DELETE",
    "CUSTOMERS_LIST",
    "CUSTOMERS_RETRIEVE",
    "CUSTOMERS_UPDATE",
    "CUSTOMER_SEGMENTS_CREATE",
    "CUSTOMER_SEGMENTS_DELETE",
    "CUSTOMER_SEGMENTS_LIST",
    "CUSTOMER_SEGMENTS_UPDATE",
    "CUSTOMER_SEGMENTS_USAGE",
    "CUSTOMER_TYPES_CREATE",
    "CUSTOMER_TYPES_DELETE",
    "CUSTOMER_TYPES_LIST",
    "CUSTOMER_TYPES_UPDATE",
    "CUSTOMER_TYPES_USAGE",
    "ROWS",
]

CUSTOMERS_CREATE = Operation[m.Customer](
    name="customers.create",
    method="POST",
    path="/api/customers",
    summary="Create customer",
    body=i.CustomerCreateFields,
    answer=m.Customer,
    inferred=True,
)
CUSTOMERS_LIST = Operation[m.Customer](
    name="customers.list",
    method="GET",
    path="/api/customers",
    summary="List customers",
    query=i.CustomerListFilters,
    answer=m.Customer,
    paging=CURSOR,
    inferred=True,
)
CUSTOMERS_UPDATE = Operation[m.Customer](
    name="customers.update",
    method="PATCH",
    path="/api/customers/{customer_id}",
    summary="Update customer",
    ids={"customer_id": IdKind.UUID},
    body=i.CustomerUpdateFields,
    answer=m.Customer,
    inferred=True,
)
CUSTOMERS_DELETE = Operation[Deleted](
    name="customers.delete",
    method="DELETE",
    path="/api/customers/{customer_id}",
    summary="Delete customer",
    ids={"customer_id": IdKind.UUID},
    answer=Deleted,
    inferred=True,
)
CUSTOMERS_RETRIEVE = Operation[m.Customer](
    name="customers.retrieve",
    method="GET",
    path="/api/customers/{customer_id}",
    summary="Get customer detail",
    ids={"customer_id": IdKind.UUID},
    answer=m.Customer,
    inferred=True,
)
CUSTOMERS_BULK_IMPORT = Operation[Any](
    name="customers.bulk_import",
    method="POST",
    path="/api/customers/bulk-import",
    summary="Bulk-import customers",
    body=i.CustomerBulkImportFields,
    answer=Any,
    inferred=True,
)
CUSTOMER_TYPES_CREATE = Operation[m.CustomerType](
    name="customer_types.create",
    method="POST",
    path="/api/customer-types",
    summary="Create customer type",
    body=i.CustomerTypeCreateFields,
    answer=m.CustomerType,
    inferred=True,
)
CUSTOMER_TYPES_LIST = Operation[m.CustomerType](
    name="customer_types.list",
    method="GET",
    path="/api/customer-types",
    summary="List customer types",
    answer=m.CustomerType,
    paging=BOUNDED,
    inferred=True,
)
CUSTOMER_TYPES_UPDATE = Operation[m.CustomerType](
    name="customer_types.update",
    method="PATCH",
    path="/api/customer-types/{type_id}",
    summary="Update customer type",
    ids={"type_id": IdKind.UUID},
    body=i.CustomerTypeUpdateFields,
    answer=m.CustomerType,
    inferred=True,
)
CUSTOMER_TYPES_DELETE = Operation[Deleted](
    name="customer_types.delete",
    method="DELETE",
    path="/api/customer-types/{type_id}",
    summary="Delete customer type",
    ids={"type_id": IdKind.UUID},
    answer=Deleted,
    inferred=True,
)
CUSTOMER_SEGMENTS_CREATE = Operation[m.CustomerSegment](
    name="customer_segments.create",
    method="POST",
    path="/api/customer-segments",
    summary="Create customer segment",
    body=i.CustomerSegmentCreateFields,
    answer=m.CustomerSegment,
    inferred=True,
)
CUSTOMER_SEGMENTS_LIST = Operation[m.CustomerSegment](
    name="customer_segments.list",
    method="GET",
    path="/api/customer-segments",
    summary="List customer segments",
    answer=m.CustomerSegment,
    paging=BOUNDED,
    inferred=True,
)
CUSTOMER_SEGMENTS_UPDATE = Operation[m.CustomerSegment](
    name="customer_segments.update",
    method="PATCH",
    path="/api/customer-segments/{segment_id}",
    summary="Update customer segment",
    ids={"segment_id": IdKind.UUID},
    body=i.CustomerSegmentUpdateFields,
    answer=m.CustomerSegment,
    inferred=True,
)
CUSTOMER_SEGMENTS_DELETE = Operation[Deleted](
    name="customer_segments.delete",
    method="DELETE",
    path="/api/customer-segments/{segment_id}",
    summary="Delete customer segment",
    ids={"segment_id": IdKind.UUID},
    answer=Deleted,
    inferred=True,
)
BROKERS_CREATE = Operation[m.Broker](
    name="brokers.create",
    method="POST",
    path="/api/brokers",
    summary="Create broker",
    body=i.BrokerCreateFields,
    answer=m.Broker,
    inferred=True,
)
BROKERS_LIST = Operation[m.Broker](
    name="brokers.list",
    method="GET",
    path="/api/brokers",
    summary="List brokers",
    answer=m.Broker,
    paging=BOUNDED,
    inferred=True,
)
BROKERS_UPDATE = Operation[m.Broker](
    name="brokers.update",
    method="PATCH",
    path="/api/brokers/{broker_id}",
    summary="Update broker",
    ids={"broker_id": IdKind.UUID},
    body=i.BrokerUpdateFields,
    answer=m.Broker,
    inferred=True,
)
BROKERS_DELETE = Operation[Deleted](
    name="brokers.delete",
    method="DELETE",
    path="/api/brokers/{broker_id}",
    summary="Delete broker",
    ids={"broker_id": IdKind.UUID},
    answer=Deleted,
    inferred=True,
)
CUSTOMER_TYPES_USAGE = Operation[m.CustomerTypeUsage](
    name="customer_types.usage",
    method="GET",
    path="/api/customer-types/{type_id}/usage",
    summary="Check customer type usage",
    ids={"type_id": IdKind.UUID},
    answer=m.CustomerTypeUsage,
    inferred=True,
)
CUSTOMER_SEGMENTS_USAGE = Operation[m.CustomerSegmentUsage](
    name="customer_segments.usage",
    method="GET",
    path="/api/customer-segments/{segment_id}/usage",
    summary="Check customer segment usage",
    ids={"segment_id": IdKind.UUID},
    answer=m.CustomerSegmentUsage,
    inferred=True,
)
BROKERS_USAGE = Operation[m.BrokerUsage](
    name="brokers.usage",
    method="GET",
    path="/api/brokers/{broker_id}/usage",
    summary="Check broker usage",
    ids={"broker_id": IdKind.UUID},
    answer=m.BrokerUsage,
    inferred=True,
)

ROWS: tuple[Operation[Any], ...] = (
    CUSTOMERS_CREATE,
    CUSTOMERS_LIST,
    CUSTOMERS_UPDATE,
    CUSTOMERS_DELETE,
    CUSTOMERS_RETRIEVE,
    CUSTOMERS_BULK_IMPORT,
    CUSTOMER_TYPES_CREATE,
    CUSTOMER_TYPES_LIST,
    CUSTOMER_TYPES_UPDATE,
    CUSTOMER_TYPES_DELETE,
    CUSTOMER_SEGMENTS_CREATE,
    CUSTOMER_SEGMENTS_LIST,
    CUSTOMER_SEGMENTS_UPDATE,
    CUSTOMER_SEGMENTS_DELETE,
    BROKERS_CREATE,
    BROKERS_LIST,
    BROKERS_UPDATE,
    BROKERS_DELETE,
    CUSTOMER_TYPES_USAGE,
    CUSTOMER_SEGMENTS_USAGE,
    BROKERS_USAGE,
)
