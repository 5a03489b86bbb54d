"""Every CartonCloud API v1 call, one row each: the only place a method or a path is written.

Read against ``cartoncloud-api-v1.txt``: tenant and entity ids are UUIDs there, every call
sends ``Accept-Version`` (the client's auth adds it), updates send ``If-Match``. The spec
documents the user info and the create/read/update calls of orders and consignments, and
product creation; the search calls and the product read and update follow the documented
ones and are marked ``inferred``. A wrong row is corrected in one line here, or at run time
with ``route_overrides={"outbound_orders.update": ("PUT", "/...")}``.

The token request (``POST /uaa/oauth/token``) is auth configuration, not a row: see
``TOKEN_PATH`` in the client.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._core.lazy import LazyTypes
from .._core.operations import IdKind, Operation, Paging, route_table
from ._paging import search_pages

if TYPE_CHECKING:
    from . import _bodies as b
    from . import _models as m
else:  # named by reference: imported when a call first needs them (see _core/lazy.py)
    b = LazyTypes("supplychain_sdk.cartoncloud._bodies")
    m = LazyTypes("supplychain_sdk.cartoncloud._models")

__all__ = [
    "CONSIGNMENT_CREATE",
    "CONSIGNMENT_RETRIEVE",
    "CONSIGNMENT_SEARCH",
    "CONSIGNMENT_UPDATE",
    "CUSTOMER_SEARCH",
    "INBOUND_CREATE",
    "INBOUND_RETRIEVE",
    "INBOUND_SEARCH",
    "INBOUND_UPDATE",
    "OUTBOUND_CREATE",
    "OUTBOUND_RETRIEVE",
    "OUTBOUND_SEARCH",
    "OUTBOUND_UPDATE",
    "PRODUCT_CREATE",
    "PRODUCT_RETRIEVE",
    "PRODUCT_SEARCH",
    "PRODUCT_UPDATE",
    "ROUTES",
    "USER_INFO",
]

_TENANT = {"tenant_id": IdKind.UUID}
#: Search answers are a JSON array of entities; totals come in headers.
_SEARCH_PAGES = Paging(strategy=search_pages, items="")

# -- the user ---------------------------------------------------------------------------------
USER_INFO = Operation[m.User](
    name="user.info",
    method="GET",
    path="/uaa/userinfo",
    summary="The authenticated user and the tenants they can access",
    answer=m.User,
)

# -- inbound orders ---------------------------------------------------------------------------
INBOUND_CREATE = Operation[m.InboundOrder](
    name="inbound_orders.create",
    method="POST",
    path="/tenants/{tenant_id}/inbound-orders",
    summary="Create an inbound order",
    ids=_TENANT,
    body=m.NewInboundOrder,
    answer=m.InboundOrder,
)
INBOUND_RETRIEVE = Operation[m.InboundOrder](
    name="inbound_orders.retrieve",
    method="GET",
    path="/tenants/{tenant_id}/inbound-orders/{order_id}",
    summary="One inbound order",
    ids={**_TENANT, "order_id": IdKind.UUID},
    answer=m.InboundOrder,
)
INBOUND_UPDATE = Operation[m.InboundOrder](
    name="inbound_orders.update",
    method="PUT",
    path="/tenants/{tenant_id}/inbound-orders/{order_id}",
    summary="Replace an inbound order (If-Match: its version)",
    ids={**_TENANT, "order_id": IdKind.UUID},
    body=m.NewInboundOrder,
    answer=m.InboundOrder,
)
INBOUND_SEARCH = Operation[m.InboundOrder](
    name="inbound_orders.search",
    method="POST",
    path="/tenants/{tenant_id}/inbound-orders/search",
    summary="Inbound orders matching a condition, page by page",
    ids=_TENANT,
    body=b.SearchBody,
    answer=m.InboundOrder,
    paging=_SEARCH_PAGES,
    idempotent=True,
    inferred=True,
)

# -- outbound orders --------------------------------------------------------------------------
OUTBOUND_CREATE = Operation[m.OutboundOrder](
    name="outbound_orders.create",
    method="POST",
    path="/tenants/{tenant_id}/outbound-orders",
    summary="Create an outbound order (228: created with issues)",
    ids=_TENANT,
    body=m.NewOutboundOrder,
    answer=m.OutboundOrder,
)
OUTBOUND_RETRIEVE = Operation[m.OutboundOrder](
    name="outbound_orders.retrieve",
    method="GET",
    path="/tenants/{tenant_id}/outbound-orders/{order_id}",
    summary="One outbound order",
    ids={**_TENANT, "order_id": IdKind.UUID},
    answer=m.OutboundOrder,
)
OUTBOUND_UPDATE = Operation[m.OutboundOrder](
    name="outbound_orders.update",
    method="PUT",
    path="/tenants/{tenant_id}/outbound-orders/{order_id}",
    summary="Replace an outbound order (If-Match: its version)",
    ids={**_TENANT, "order_id": IdKind.UUID},
    body=m.NewOutboundOrder,
    answer=m.OutboundOrder,
)
OUTBOUND_SEARCH = Operation[m.OutboundOrder](
    name="outbound_orders.search",
    method="POST",
    path="/tenants/{tenant_id}/outbound-orders/search",
    summary="Outbound orders matching a condition, page by page",
    ids=_TENANT,
    body=b.SearchBody,
    answer=m.OutboundOrder,
    paging=_SEARCH_PAGES,
    idempotent=True,
    inferred=True,
)

# -- consignments -----------------------------------------------------------------------------
CONSIGNMENT_CREATE = Operation[m.Consignment](
    name="consignments.create",
    method="POST",
    path="/tenants/{tenant_id}/consignments",
    summary="Create a consignment",
    ids=_TENANT,
    body=m.NewConsignment,
    answer=m.Consignment,
)
CONSIGNMENT_RETRIEVE = Operation[m.Consignment](
    name="consignments.retrieve",
    method="GET",
    path="/tenants/{tenant_id}/consignments/{consignment_id}",
    summary="One consignment",
    ids={**_TENANT, "consignment_id": IdKind.UUID},
    answer=m.Consignment,
)
CONSIGNMENT_UPDATE = Operation[m.Consignment](
    name="consignments.update",
    method="PUT",
    path="/tenants/{tenant_id}/consignments/{consignment_id}",
    summary="Replace a consignment (If-Match: its version)",
    ids={**_TENANT, "consignment_id": IdKind.UUID},
    body=m.NewConsignment,
    answer=m.Consignment,
)
CONSIGNMENT_SEARCH = Operation[m.Consignment](
    name="consignments.search",
    method="POST",
    path="/tenants/{tenant_id}/consignments/search",
    summary="Consignments matching a condition, page by page",
    ids=_TENANT,
    body=b.SearchBody,
    answer=m.Consignment,
    paging=_SEARCH_PAGES,
    idempotent=True,
    inferred=True,
)

# -- products ---------------------------------------------------------------------------------
PRODUCT_CREATE = Operation[m.Product](
    name="products.create",
    method="POST",
    path="/tenants/{tenant_id}/products",
    summary="Create a warehouse or transport product",
    ids=_TENANT,
    body=m.NewProductBody,
    answer=m.Product,
)
PRODUCT_RETRIEVE = Operation[m.Product](
    name="products.retrieve",
    method="GET",
    path="/tenants/{tenant_id}/products/{product_id}",
    summary="One product, typed by its scope",
    ids={**_TENANT, "product_id": IdKind.UUID},
    answer=m.Product,
    inferred=True,
)
PRODUCT_UPDATE = Operation[m.Product](
    name="products.update",
    method="PUT",
    path="/tenants/{tenant_id}/products/{product_id}",
    summary="Replace a product (If-Match: its version)",
    ids={**_TENANT, "product_id": IdKind.UUID},
    body=m.ProductBody,
    answer=m.Product,
    inferred=True,
)
PRODUCT_SEARCH = Operation[m.Product](
    name="products.search",
    method="POST",
    path="/tenants/{tenant_id}/products/search",
    summary="Products matching a condition, page by page, typed by scope",
    ids=_TENANT,
    body=b.SearchBody,
    answer=m.Product,
    paging=_SEARCH_PAGES,
    idempotent=True,
    inferred=True,
)

# -- customers --------------------------------------------------------------------------------
CUSTOMER_SEARCH = Operation[m.Customer](
    name="customers.search",
    method="POST",
    path="/tenants/{tenant_id}/customers/search",
    summary="Customers matching a condition, page by page",
    ids=_TENANT,
    body=b.SearchBody,
    answer=m.Customer,
    paging=_SEARCH_PAGES,
    idempotent=True,
    inferred=True,
)

#: Every CartonCloud operation by name.
ROUTES: dict[str, Operation[Any]] = route_table(
    USER_INFO,
    INBOUND_CREATE,
    INBOUND_RETRIEVE,
    INBOUND_UPDATE,
    INBOUND_SEARCH,
    OUTBOUND_CREATE,
    OUTBOUND_RETRIEVE,
    OUTBOUND_UPDATE,
    OUTBOUND_SEARCH,
    CONSIGNMENT_CREATE,
    CONSIGNMENT_RETRIEVE,
    CONSIGNMENT_UPDATE,
    CONSIGNMENT_SEARCH,
    PRODUCT_CREATE,
    PRODUCT_RETRIEVE,
    PRODUCT_UPDATE,
    PRODUCT_SEARCH,
    CUSTOMER_SEARCH,
)
