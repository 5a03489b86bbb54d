"""The CartonCloud client and its resources (written async; ``_sync`` is generated).

Every method is a thin, typed wrapper around one row of ``_routes`` (``@uses``): it checks
and shapes its arguments with the pure modules (``_bodies``, ``_paging``, ``_config``) and
calls ``run`` / ``run_with_response`` / ``page`` of the core client.
"""

from __future__ import annotations

import builtins
import os
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar, overload

from ..._core._async.client import AsyncAPIClient, AsyncAPIResource
from ..._core._async.pager import AsyncPager
from ..._core.auth import HeaderAuth, OAuth2ClientCredentials
from ..._core.checks import uuid_string
from ..._core.errors import InvalidRequestError
from ..._core.operations import Operation, uses
from ..._core.options import client_config, seconds_option
from .. import _routes as r
from .._bodies import (
    consignment_body,
    inbound_order_body,
    outbound_order_body,
    product_body,
    search_body,
    update_target,
)
from .._conditions import MATCH_ALL, ConditionLike
from .._config import api_version as api_version_of
from .._config import default_tenant, tenant_for
from .._created import created
from .._errors import CARTONCLOUD
from .._paging import start_page as checked_start_page

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ..._core.config import ClientOptions
    from ..._core.models import APIModel
    from .. import _models as m

__all__ = [
    "AsyncCartonCloud",
    "AsyncConsignments",
    "AsyncCustomers",
    "AsyncInboundOrders",
    "AsyncOutboundOrders",
    "AsyncProducts",
    "AsyncTenants",
    "AsyncUserAccount",
]

#: The API's server.
DEFAULT_BASE_URL = "https://api.cartoncloud.com"
#: The OAuth2 token endpoint, under the base URL (auth configuration, not a route).
TOKEN_PATH = "/uaa/oauth/token"

T = TypeVar("T")
E = TypeVar("E", bound="m._Entity")


class _TenantResource(AsyncAPIResource):
    """What the tenant-scoped resources share: the tenant of a call, and the create, update
    and search steps written once on top of ``run`` / ``page``."""

    _client: AsyncCartonCloud

    def _ids(self, tenant_id: str | None, **ids: object) -> dict[str, object]:
        return {"tenant_id": tenant_for(tenant_id, self._client.tenant_id), **ids}

    async def _create(self, op: Operation[E], body: dict[str, Any], tenant_id: str | None) -> E:
        raw, entity = await self._client.run_with_response(op, ids=self._ids(tenant_id), body=body)
        return created(raw, entity)

    async def _update(
        self,
        op: Operation[T],
        model: APIModel,
        body: dict[str, Any],
        *,
        name: str,
        entity_id: str | None,
        if_match: str | int | None,
        tenant_id: str | None,
    ) -> T:
        target, version = update_target(model, entity_id, name, if_match)
        ids = self._ids(tenant_id, **{name: target})
        return await self._client.run(op, ids=ids, body=body, if_match=version)

    def _search(
        self,
        op: Operation[T],
        condition: ConditionLike,
        *,
        page_size: int | None,
        start_page: int | None,
        limit: int | None,
        tenant_id: str | None,
    ) -> AsyncPager[T]:
        return self._client.page(
            op,
            ids=self._ids(tenant_id),
            body=search_body(condition),
            page_size=page_size,
            limit=limit,
            start=checked_start_page(start_page),
        )


class AsyncInboundOrders(_TenantResource):
    """Inbound orders: goods arriving at a warehouse."""

    @uses(r.INBOUND_CREATE)
    async def create(
        self, order: m.NewInboundOrder | Mapping[str, Any], *, tenant_id: str | None = None
    ) -> m.InboundOrder:
        """Create an inbound order (``status="DRAFT"`` for a draft).

        ``order`` is a `NewInboundOrder` or a dict in the API's field names. Required fields
        are checked before sending. Never retried automatically (a POST could create a
        duplicate). An answer ``228 Created with issues`` returns the order with
        ``created_with_issues`` set and logs a warning.
        """
        _, body = inbound_order_body(order)
        return await self._create(r.INBOUND_CREATE, body, tenant_id)

    @uses(r.INBOUND_RETRIEVE)
    async def retrieve(self, order_id: str, *, tenant_id: str | None = None) -> m.InboundOrder:
        """One inbound order by its UUID."""
        ids = self._ids(tenant_id, order_id=order_id)
        return await self._client.run(r.INBOUND_RETRIEVE, ids=ids)

    @uses(r.INBOUND_UPDATE)
    async def update(
        self,
        order: m.NewInboundOrder | Mapping[str, Any],
        *,
        order_id: str | None = None,
        if_match: str | int | None = None,
        tenant_id: str | None = None,
    ) -> m.InboundOrder:
        """Replace an inbound order, sending its ``version`` as ``If-Match``.

        Args:
            order: the whole order, usually as read and then changed.
            order_id: the order's id, when ``order`` does not carry it.
            if_match: the version to send instead of ``order.version``.
            tenant_id: the tenant, instead of the client's default.

        Raises:
            VersionConflictError: someone changed the order since that version (``409``);
                read it again (see ``retry_on_conflict``).
        """
        model, body = inbound_order_body(order)
        return await self._update(
            r.INBOUND_UPDATE,
            model,
            body,
            name="order_id",
            entity_id=order_id,
            if_match=if_match,
            tenant_id=tenant_id,
        )

    @uses(r.INBOUND_SEARCH)
    def search(
        self,
        condition: ConditionLike,
        *,
        page_size: int | None = None,
        start_page: int | None = None,
        limit: int | None = None,
        tenant_id: str | None = None,
    ) -> AsyncPager[m.InboundOrder]:
        """Inbound orders matching ``condition``, as a lazy pager.

        Args:
            condition: a condition (``JsonField("/status").equals("RECEIVED")``) or its JSON.
            page_size: orders per request (the API's default when omitted).
            start_page: the 1-based page to start from.
            limit: the most orders to return overall.
            tenant_id: the tenant, instead of the client's default.
        """
        return self._search(
            r.INBOUND_SEARCH,
            condition,
            page_size=page_size,
            start_page=start_page,
            limit=limit,
            tenant_id=tenant_id,
        )

    @uses(r.INBOUND_SEARCH)
    def list(
        self,
        *,
        page_size: int | None = None,
        start_page: int | None = None,
        limit: int | None = None,
        tenant_id: str | None = None,
    ) -> AsyncPager[m.InboundOrder]:
        """Every inbound order, as a lazy pager: a search with the match-all condition.

        The spec has no plain list endpoint; this is ``search(MATCH_ALL, ...)``.
        """
        return self.search(
            MATCH_ALL, page_size=page_size, start_page=start_page, limit=limit, tenant_id=tenant_id
        )


class AsyncOutboundOrders(_TenantResource):
    """Outbound orders: goods leaving a warehouse."""

    @uses(r.OUTBOUND_CREATE)
    async def create(
        self, order: m.NewOutboundOrder | Mapping[str, Any], *, tenant_id: str | None = None
    ) -> m.OutboundOrder:
        """Create an outbound order.

        ``order`` is a `NewOutboundOrder` or a dict in the API's field names. Required fields
        (references, customer, delivery address, each item's product and quantity) are
        checked before sending. Never retried automatically.

        An order the warehouse cannot fill (typically missing stock) is created in a
        rejected status and answered ``228 Created with issues``: the order is returned,
        with ``created_with_issues`` set, and a warning is logged; no exception is raised.
        """
        _, body = outbound_order_body(order)
        return await self._create(r.OUTBOUND_CREATE, body, tenant_id)

    @uses(r.OUTBOUND_RETRIEVE)
    async def retrieve(self, order_id: str, *, tenant_id: str | None = None) -> m.OutboundOrder:
        """One outbound order by its UUID."""
        ids = self._ids(tenant_id, order_id=order_id)
        return await self._client.run(r.OUTBOUND_RETRIEVE, ids=ids)

    @uses(r.OUTBOUND_UPDATE)
    async def update(
        self,
        order: m.NewOutboundOrder | Mapping[str, Any],
        *,
        order_id: str | None = None,
        if_match: str | int | None = None,
        tenant_id: str | None = None,
    ) -> m.OutboundOrder:
        """Replace an outbound order, sending its ``version`` as ``If-Match``.

        Args:
            order: the whole order, usually as read and then changed.
            order_id: the order's id, when ``order`` does not carry it.
            if_match: the version to send instead of ``order.version``.
            tenant_id: the tenant, instead of the client's default.

        Raises:
            VersionConflictError: someone changed the order since that version (``409``);
                read it again (see ``retry_on_conflict``).
        """
        model, body = outbound_order_body(order)
        return await self._update(
            r.OUTBOUND_UPDATE,
            model,
            body,
            name="order_id",
            entity_id=order_id,
            if_match=if_match,
            tenant_id=tenant_id,
        )

    @uses(r.OUTBOUND_SEARCH)
    def search(
        self,
        condition: ConditionLike,
        *,
        page_size: int | None = None,
        start_page: int | None = None,
        limit: int | None = None,
        tenant_id: str | None = None,
    ) -> AsyncPager[m.OutboundOrder]:
        """Outbound orders matching ``condition``, as a lazy pager.

        Args:
            condition: a condition (``JsonField("/references/customer").equals("SO-1")``)
                or its JSON.
            page_size: orders per request (the API's default when omitted).
            start_page: the 1-based page to start from.
            limit: the most orders to return overall.
            tenant_id: the tenant, instead of the client's default.
        """
        return self._search(
            r.OUTBOUND_SEARCH,
            condition,
            page_size=page_size,
            start_page=start_page,
            limit=limit,
            tenant_id=tenant_id,
        )

    @uses(r.OUTBOUND_SEARCH)
    def list(
        self,
        *,
        page_size: int | None = None,
        start_page: int | None = None,
        limit: int | None = None,
        tenant_id: str | None = None,
    ) -> AsyncPager[m.OutboundOrder]:
        """Every outbound order, as a lazy pager: a search with the match-all condition.

        The spec has no plain list endpoint; this is ``search(MATCH_ALL, ...)``.
        """
        return self.search(
            MATCH_ALL, page_size=page_size, start_page=start_page, limit=limit, tenant_id=tenant_id
        )


class AsyncConsignments(_TenantResource):
    """Transport consignments."""

    @uses(r.CONSIGNMENT_CREATE)
    async def create(
        self, consignment: m.NewConsignment | Mapping[str, Any], *, tenant_id: str | None = None
    ) -> m.Consignment:
        """Create a consignment (collection and delivery default to the depot).

        ``consignment`` is a `NewConsignment` or a dict in the API's field names; references
        and customer are required. Never retried automatically.
        """
        _, body = consignment_body(consignment)
        return await self._create(r.CONSIGNMENT_CREATE, body, tenant_id)

    @uses(r.CONSIGNMENT_RETRIEVE)
    async def retrieve(self, consignment_id: str, *, tenant_id: str | None = None) -> m.Consignment:
        """One consignment by its UUID."""
        ids = self._ids(tenant_id, consignment_id=consignment_id)
        return await self._client.run(r.CONSIGNMENT_RETRIEVE, ids=ids)

    @uses(r.CONSIGNMENT_UPDATE)
    async def update(
        self,
        consignment: m.NewConsignment | Mapping[str, Any],
        *,
        consignment_id: str | None = None,
        if_match: str | int | None = None,
        tenant_id: str | None = None,
    ) -> m.Consignment:
        """Replace a consignment, sending its ``version`` as ``If-Match``.

        Args:
            consignment: the whole consignment, usually as read and then changed.
            consignment_id: its id, when ``consignment`` does not carry it.
            if_match: the version to send instead of ``consignment.version``.
            tenant_id: the tenant, instead of the client's default.

        Raises:
            VersionConflictError: someone changed it since that version (``409``).
        """
        model, body = consignment_body(consignment)
        return await self._update(
            r.CONSIGNMENT_UPDATE,
            model,
            body,
            name="consignment_id",
            entity_id=consignment_id,
            if_match=if_match,
            tenant_id=tenant_id,
        )

    @uses(r.CONSIGNMENT_SEARCH)
    def search(
        self,
        condition: ConditionLike,
        *,
        page_size: int | None = None,
        start_page: int | None = None,
        limit: int | None = None,
        tenant_id: str | None = None,
    ) -> AsyncPager[m.Consignment]:
        """Consignments matching ``condition``, as a lazy pager.

        Args:
            condition: a condition (``JsonField("/status").equals("DELIVERED")``) or its JSON.
            page_size: consignments per request (the API's default when omitted).
            start_page: the 1-based page to start from.
            limit: the most consignments to return overall.
            tenant_id: the tenant, instead of the client's default.
        """
        return self._search(
            r.CONSIGNMENT_SEARCH,
            condition,
            page_size=page_size,
            start_page=start_page,
            limit=limit,
            tenant_id=tenant_id,
        )

    @uses(r.CONSIGNMENT_SEARCH)
    def list(
        self,
        *,
        page_size: int | None = None,
        start_page: int | None = None,
        limit: int | None = None,
        tenant_id: str | None = None,
    ) -> AsyncPager[m.Consignment]:
        """Every consignment, as a lazy pager: a search with the match-all condition."""
        return self.search(
            MATCH_ALL, page_size=page_size, start_page=start_page, limit=limit, tenant_id=tenant_id
        )


class AsyncProducts(_TenantResource):
    """Products, warehousing (``WarehouseProduct``) and transport (``TransportProduct``)."""

    @overload
    async def create(
        self, product: m.NewWarehouseProduct, *, tenant_id: str | None = None
    ) -> m.WarehouseProduct: ...

    @overload
    async def create(
        self, product: m.NewTransportProduct, *, tenant_id: str | None = None
    ) -> m.TransportProduct: ...

    @overload
    async def create(
        self, product: Mapping[str, Any], *, tenant_id: str | None = None
    ) -> m.Product: ...

    @uses(r.PRODUCT_CREATE)
    async def create(
        self,
        product: m.NewWarehouseProduct | m.NewTransportProduct | Mapping[str, Any],
        *,
        tenant_id: str | None = None,
    ) -> m.Product:
        """Create a product; its ``scope`` picks the body (``WAREHOUSE`` or ``TRANSPORT``).

        ``product`` is a `NewWarehouseProduct`, a `NewTransportProduct` (the return type
        follows it: `WarehouseProduct`, `TransportProduct`) or a dict with a ``scope``.
        Required fields of that scope are checked before sending. Never retried
        automatically.
        """
        _, body = product_body(product)
        return await self._create(r.PRODUCT_CREATE, body, tenant_id)

    @uses(r.PRODUCT_RETRIEVE)
    async def retrieve(self, product_id: str, *, tenant_id: str | None = None) -> m.Product:
        """One product by its UUID, typed by its ``scope``."""
        ids = self._ids(tenant_id, product_id=product_id)
        return await self._client.run(r.PRODUCT_RETRIEVE, ids=ids)

    @overload
    async def update(
        self,
        product: m.NewWarehouseProduct,
        *,
        product_id: str | None = None,
        if_match: str | int | None = None,
        tenant_id: str | None = None,
    ) -> m.WarehouseProduct: ...

    @overload
    async def update(
        self,
        product: m.NewTransportProduct,
        *,
        product_id: str | None = None,
        if_match: str | int | None = None,
        tenant_id: str | None = None,
    ) -> m.TransportProduct: ...

    @overload
    async def update(
        self,
        product: m.UnknownProduct | Mapping[str, Any],
        *,
        product_id: str | None = None,
        if_match: str | int | None = None,
        tenant_id: str | None = None,
    ) -> m.Product: ...

    @uses(r.PRODUCT_UPDATE)
    async def update(
        self,
        product: m.NewWarehouseProduct
        | m.NewTransportProduct
        | m.UnknownProduct
        | Mapping[str, Any],
        *,
        product_id: str | None = None,
        if_match: str | int | None = None,
        tenant_id: str | None = None,
    ) -> m.Product:
        """Replace a product, sending its ``version`` as ``If-Match``.

        The spec documents only product creation; this follows the update of the other
        entities (``PUT`` on the product's URL with ``If-Match``).

        Raises:
            VersionConflictError: someone changed the product since that version (``409``).
        """
        model, body = product_body(product, allow_unknown=True)
        return await self._update(
            r.PRODUCT_UPDATE,
            model,
            body,
            name="product_id",
            entity_id=product_id,
            if_match=if_match,
            tenant_id=tenant_id,
        )

    @uses(r.PRODUCT_SEARCH)
    def search(
        self,
        condition: ConditionLike,
        *,
        page_size: int | None = None,
        start_page: int | None = None,
        limit: int | None = None,
        tenant_id: str | None = None,
    ) -> AsyncPager[m.Product]:
        """Products matching ``condition``, as a lazy pager of typed products.

        Args:
            condition: a condition (``JsonField("/references/code").equals("SKU-1")``) or
                its JSON.
            page_size: products per request (the API's default when omitted).
            start_page: the 1-based page to start from.
            limit: the most products to return overall.
            tenant_id: the tenant, instead of the client's default.
        """
        return self._search(
            r.PRODUCT_SEARCH,
            condition,
            page_size=page_size,
            start_page=start_page,
            limit=limit,
            tenant_id=tenant_id,
        )

    @uses(r.PRODUCT_SEARCH)
    def list(
        self,
        *,
        page_size: int | None = None,
        start_page: int | None = None,
        limit: int | None = None,
        tenant_id: str | None = None,
    ) -> AsyncPager[m.Product]:
        """Every product, as a lazy pager: a search with the match-all condition."""
        return self.search(
            MATCH_ALL, page_size=page_size, start_page=start_page, limit=limit, tenant_id=tenant_id
        )


class AsyncCustomers(_TenantResource):
    """Customers of the tenant (search only)."""

    @uses(r.CUSTOMER_SEARCH)
    def search(
        self,
        condition: ConditionLike,
        *,
        page_size: int | None = None,
        start_page: int | None = None,
        limit: int | None = None,
        tenant_id: str | None = None,
    ) -> AsyncPager[m.Customer]:
        """Customers matching ``condition``, as a lazy pager.

        Args:
            condition: a condition (``JsonField("/references/code").equals("C123")``) or
                its JSON.
            page_size: customers per request (the API's default when omitted).
            start_page: the 1-based page to start from.
            limit: the most customers to return overall.
            tenant_id: the tenant, instead of the client's default.
        """
        return self._search(
            r.CUSTOMER_SEARCH,
            condition,
            page_size=page_size,
            start_page=start_page,
            limit=limit,
            tenant_id=tenant_id,
        )

    @uses(r.CUSTOMER_SEARCH)
    def list(
        self,
        *,
        page_size: int | None = None,
        start_page: int | None = None,
        limit: int | None = None,
        tenant_id: str | None = None,
    ) -> AsyncPager[m.Customer]:
        """Every customer, as a lazy pager: a search with the match-all condition."""
        return self.search(
            MATCH_ALL, page_size=page_size, start_page=start_page, limit=limit, tenant_id=tenant_id
        )


class AsyncUserAccount(AsyncAPIResource):
    """The authenticated user."""

    @uses(r.USER_INFO)
    async def info(self) -> m.User:
        """The user the client credentials belong to, with the tenants they can access."""
        return await self._client.run(r.USER_INFO)


class AsyncTenants(AsyncAPIResource):
    """The tenants the authenticated user can access."""

    @uses(r.USER_INFO)
    async def list(self) -> builtins.list[m.Tenant]:
        """Every tenant of the user (from ``GET /uaa/userinfo``), in the API's order."""
        user = await self._client.run(r.USER_INFO)
        return list(user.tenants)


class AsyncCartonCloud(AsyncAPIClient):
    """Async client of the CartonCloud API v1.

    Args:
        client_id: the OAuth client id; defaults to ``CARTONCLOUD_CLIENT_ID``.
        client_secret: the OAuth client secret; defaults to ``CARTONCLOUD_CLIENT_SECRET``.
        tenant_id: the tenant (UUID) used when a call names none; defaults to
            ``CARTONCLOUD_TENANT_ID``. Without one every tenant call needs ``tenant_id=``.
        base_url: another server (a sandbox, a proxy); defaults to ``CARTONCLOUD_BASE_URL``,
            else ``https://api.cartoncloud.com``.
        api_version: the ``Accept-Version`` sent with every request, the token request
            included (default ``1``).
        leeway: renew the access token this many seconds before it expires (default 30; at
            most half the token's lifetime).
        **options: client options (``timeout``, ``max_retries``, ``http_client``, ...).

    Access tokens come from ``POST /uaa/oauth/token`` (client credentials in HTTP Basic),
    are reused until shortly before they expire, renewed once on a ``401``, and fetched by a
    single caller when many threads or tasks need one.

    Raises:
        InvalidRequestError: missing credentials, a bad tenant or version, or a bad or unknown
            option (``CartonCloud: timeout must be a number of seconds or a Timeout, got
            'fast'``).
    """

    platform = CARTONCLOUD
    routes = r.ROUTES

    def __init__(
        self,
        client_id: str | None = None,
        client_secret: str | None = None,
        *,
        tenant_id: str | None = None,
        base_url: str | None = None,
        api_version: str | int = "1",
        leeway: float = 30.0,
        **options: Unpack[ClientOptions],
    ) -> None:
        cid = client_id if client_id is not None else os.environ.get("CARTONCLOUD_CLIENT_ID")
        secret = (
            client_secret
            if client_secret is not None
            else os.environ.get("CARTONCLOUD_CLIENT_SECRET")
        )
        if not cid or not secret:
            raise InvalidRequestError(
                "no CartonCloud client credentials: pass client_id= and client_secret=, or set "
                "CARTONCLOUD_CLIENT_ID and CARTONCLOUD_CLIENT_SECRET"
            )
        tenant = tenant_id if tenant_id is not None else os.environ.get("CARTONCLOUD_TENANT_ID")
        self._tenant_id = default_tenant(tenant)
        self._api_version = api_version_of(api_version)
        url = base_url or os.environ.get("CARTONCLOUD_BASE_URL", "").strip() or DEFAULT_BASE_URL
        config = client_config(self, base_url=url, **options)
        self._token_auth = OAuth2ClientCredentials(
            config.base_url + TOKEN_PATH,
            cid,
            secret,
            leeway=seconds_option(self, "leeway", leeway),
        )
        auth = HeaderAuth({"Accept-Version": self._api_version}, self._token_auth)
        super().__init__(config.evolve(auth=auth))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, tenant_id={self._tenant_id!r})"

    @property
    def tenant_id(self) -> str | None:
        """The tenant used when a call names none (``None``: every call must name one)."""
        return self._tenant_id

    @property
    def api_version(self) -> str:
        """The ``Accept-Version`` this client sends."""
        return self._api_version

    @property
    def token_auth(self) -> OAuth2ClientCredentials:
        """The OAuth2 flow: ``token_requests`` counts token requests, ``invalidate()`` drops
        the cached token. Shared by clients made with `for_tenant` and ``with_options``."""
        return self._token_auth

    def for_tenant(self, tenant_id: str) -> AsyncCartonCloud:
        """A client whose default tenant is ``tenant_id``, sharing this client's connection
        pool and access token (closing it leaves the pool open)."""
        checked = uuid_string(tenant_id, "tenant_id")
        scoped = self.with_options()
        scoped._tenant_id = checked
        return scoped

    @cached_property
    def user(self) -> AsyncUserAccount:
        """The authenticated user: ``info()``."""
        return AsyncUserAccount(self)

    @cached_property
    def tenants(self) -> AsyncTenants:
        """The tenants the user can access: ``list()``."""
        return AsyncTenants(self)

    @cached_property
    def inbound_orders(self) -> AsyncInboundOrders:
        """Inbound orders: create, retrieve, update (If-Match), search, list."""
        return AsyncInboundOrders(self)

    @cached_property
    def outbound_orders(self) -> AsyncOutboundOrders:
        """Outbound orders: create (228 aware), retrieve, update (If-Match), search, list."""
        return AsyncOutboundOrders(self)

    @cached_property
    def consignments(self) -> AsyncConsignments:
        """Consignments: create, retrieve, update (If-Match), search, list."""
        return AsyncConsignments(self)

    @cached_property
    def products(self) -> AsyncProducts:
        """Warehouse and transport products: create, retrieve, update (If-Match), search."""
        return AsyncProducts(self)

    @cached_property
    def customers(self) -> AsyncCustomers:
        """Customers: search, list."""
        return AsyncCustomers(self)
