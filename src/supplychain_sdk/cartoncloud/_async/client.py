"""The CartonCloud client and its resources (written async; ``_sync`` is generated)."""

from __future__ import annotations

import builtins
import os
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, overload

from ..._core._async.client import AsyncAPIClient, AsyncAPIResource
from ..._core._async.pager import AsyncPager
from ..._core._logging import logger, redact_url
from ..._core.auth import HeaderAuth, OAuth2ClientCredentials
from ..._core.config import ClientConfig
from ..._core.decoding import cast
from ..._core.endpoint import endpoint
from ..._core.errors import InvalidRequestError
from ..._core.models import APIModel
from ..._core.paths import path
from ..._core.request import RequestSpec
from ..._core.versioning import resolve_if_match
from .. import _models as m
from .. import _params as p
from .._conditions import MATCH_ALL, ConditionLike, condition_json
from .._errors import CARTONCLOUD

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ..._core.config import ClientOptions

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
#: The OAuth2 token endpoint, under the base URL.
TOKEN_PATH = "/uaa/oauth/token"


class _TenantResource(AsyncAPIResource):
    """Shared request logic of the tenant-scoped resources (each public method is a thin call)."""

    _client: AsyncCartonCloud

    def _tenant(self, tenant_id: str | None) -> str:
        return p.tenant_id(tenant_id, self._client.tenant_id)

    async def _create(
        self, collection: str, data: dict[str, Any], item_type: Any, tenant_id: str | None
    ) -> Any:
        spec = RequestSpec(
            method="POST",
            path=path(f"/tenants/{{tenant}}/{collection}", tenant=self._tenant(tenant_id)),
            json=data,
        )
        response, body = await self._client._send(spec)
        entity = cast(
            item_type,
            body,
            method=response.request.method,
            url=str(response.request.url),
            status=response.status_code,
        )
        if response.status_code == 228:
            entity._created_with_issues = True
            logger.warning(
                "POST %s answered 228 Created with issues: %s %s was created with status %s",
                redact_url(str(response.request.url)),
                type(entity).__name__,
                entity.id,
                entity.status,
            )
        return entity

    async def _retrieve(
        self, collection: str, entity_id: str, name: str, item_type: Any, tenant_id: str | None
    ) -> Any:
        tenant = self._tenant(tenant_id)
        spec = RequestSpec(
            method="GET",
            path=path(
                f"/tenants/{{tenant}}/{collection}/{{id}}",
                tenant=tenant,
                id=p.entity_id(entity_id, name),
            ),
        )
        return await self._client._call(spec, item_type)

    async def _update(
        self,
        collection: str,
        model: APIModel,
        data: dict[str, Any],
        item_type: Any,
        *,
        entity_id: str | None,
        name: str,
        if_match: str | int | None,
        tenant_id: str | None,
    ) -> Any:
        tenant = self._tenant(tenant_id)
        own_id = getattr(model, "id", None)
        if entity_id is not None and own_id is not None and entity_id != own_id:
            raise InvalidRequestError(
                f"{name} {entity_id!r} does not match the id of the entity passed ({own_id!r})"
            )
        target = p.entity_id(entity_id if entity_id is not None else own_id, name)
        version = resolve_if_match(if_match, model)
        if version is None:
            raise InvalidRequestError(
                "an update needs the entity's version for If-Match: pass the model you read "
                "(it carries `version`) or if_match=..."
            )
        spec = RequestSpec(
            method="PUT",
            path=path(f"/tenants/{{tenant}}/{collection}/{{id}}", tenant=tenant, id=target),
            json=data,
            if_match=version,
        )
        return await self._client._call(spec, item_type)

    def _search(
        self,
        collection: str,
        condition: ConditionLike,
        item_type: Any,
        *,
        page_size: int | None,
        start_page: int | None,
        limit: int | None,
        tenant_id: str | None,
    ) -> AsyncPager[Any]:
        tenant = self._tenant(tenant_id)
        body = {"condition": condition_json(condition)}
        strategy = p.pagination(p.page_size(page_size))
        return self._client._paginate(
            RequestSpec(
                method="POST",
                path=path(f"/tenants/{{tenant}}/{collection}/search", tenant=tenant),
                json=body,
                idempotent=True,
            ),
            strategy=strategy,
            item_type=item_type,
            items=lambda answer: answer,
            start=p.start_page(start_page),
            limit=limit,
        )


class AsyncInboundOrders(_TenantResource):
    """Inbound orders: goods arriving at a warehouse."""

    @endpoint("POST", "/tenants/{tenantId}/inbound-orders")
    async def create(
        self, order: m.NewInboundOrder | Mapping[str, Any], *, tenant_id: str | None = None
    ) -> m.InboundOrder:
        """Create an inbound order (``status="DRAFT"`` for a draft).

        ``order`` is a `NewInboundOrder` or a dict in the API's field names. Required fields
        are checked before sending. Never retried automatically (a POST could create a
        duplicate). An answer ``228 Created with issues`` returns the order with
        ``created_with_issues`` set and logs a warning.
        """
        _, data = p.inbound_order_body(order)
        result: m.InboundOrder = await self._create(
            "inbound-orders", data, m.InboundOrder, tenant_id
        )
        return result

    @endpoint("GET", "/tenants/{tenantId}/inbound-orders/{id}")
    async def retrieve(self, order_id: str, *, tenant_id: str | None = None) -> m.InboundOrder:
        """One inbound order by its UUID."""
        result: m.InboundOrder = await self._retrieve(
            "inbound-orders", order_id, "order_id", m.InboundOrder, tenant_id
        )
        return result

    @endpoint("PUT", "/tenants/{tenantId}/inbound-orders/{id}")
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
        model, data = p.inbound_order_body(order)
        result: m.InboundOrder = await self._update(
            "inbound-orders",
            model,
            data,
            m.InboundOrder,
            entity_id=order_id,
            name="order_id",
            if_match=if_match,
            tenant_id=tenant_id,
        )
        return result

    @endpoint("POST", "/tenants/{tenantId}/inbound-orders/search")
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
            page_size: orders per page (the API's default when omitted).
            start_page: the 1-based page to start from.
            limit: stop after this many orders.
            tenant_id: the tenant, instead of the client's default.
        """
        return self._search(
            "inbound-orders",
            condition,
            m.InboundOrder,
            page_size=page_size,
            start_page=start_page,
            limit=limit,
            tenant_id=tenant_id,
        )

    @endpoint("POST", "/tenants/{tenantId}/inbound-orders/search")
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
            MATCH_ALL,
            page_size=page_size,
            start_page=start_page,
            limit=limit,
            tenant_id=tenant_id,
        )


class AsyncOutboundOrders(_TenantResource):
    """Outbound orders: goods leaving a warehouse."""

    @endpoint("POST", "/tenants/{tenantId}/outbound-orders")
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
        _, data = p.outbound_order_body(order)
        result: m.OutboundOrder = await self._create(
            "outbound-orders", data, m.OutboundOrder, tenant_id
        )
        return result

    @endpoint("GET", "/tenants/{tenantId}/outbound-orders/{id}")
    async def retrieve(self, order_id: str, *, tenant_id: str | None = None) -> m.OutboundOrder:
        """One outbound order by its UUID."""
        result: m.OutboundOrder = await self._retrieve(
            "outbound-orders", order_id, "order_id", m.OutboundOrder, tenant_id
        )
        return result

    @endpoint("PUT", "/tenants/{tenantId}/outbound-orders/{id}")
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
        model, data = p.outbound_order_body(order)
        result: m.OutboundOrder = await self._update(
            "outbound-orders",
            model,
            data,
            m.OutboundOrder,
            entity_id=order_id,
            name="order_id",
            if_match=if_match,
            tenant_id=tenant_id,
        )
        return result

    @endpoint("POST", "/tenants/{tenantId}/outbound-orders/search")
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
            page_size: orders per page (the API's default when omitted).
            start_page: the 1-based page to start from.
            limit: stop after this many orders.
            tenant_id: the tenant, instead of the client's default.
        """
        return self._search(
            "outbound-orders",
            condition,
            m.OutboundOrder,
            page_size=page_size,
            start_page=start_page,
            limit=limit,
            tenant_id=tenant_id,
        )

    @endpoint("POST", "/tenants/{tenantId}/outbound-orders/search")
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
            MATCH_ALL,
            page_size=page_size,
            start_page=start_page,
            limit=limit,
            tenant_id=tenant_id,
        )


class AsyncConsignments(_TenantResource):
    """Transport consignments."""

    @endpoint("POST", "/tenants/{tenantId}/consignments")
    async def create(
        self, consignment: m.NewConsignment | Mapping[str, Any], *, tenant_id: str | None = None
    ) -> m.Consignment:
        """Create a consignment (collection and delivery default to the depot).

        ``consignment`` is a `NewConsignment` or a dict in the API's field names; references
        and customer are required. Never retried automatically.
        """
        _, data = p.consignment_body(consignment)
        result: m.Consignment = await self._create("consignments", data, m.Consignment, tenant_id)
        return result

    @endpoint("GET", "/tenants/{tenantId}/consignments/{id}")
    async def retrieve(self, consignment_id: str, *, tenant_id: str | None = None) -> m.Consignment:
        """One consignment by its UUID."""
        result: m.Consignment = await self._retrieve(
            "consignments", consignment_id, "consignment_id", m.Consignment, tenant_id
        )
        return result

    @endpoint("PUT", "/tenants/{tenantId}/consignments/{id}")
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
        model, data = p.consignment_body(consignment)
        result: m.Consignment = await self._update(
            "consignments",
            model,
            data,
            m.Consignment,
            entity_id=consignment_id,
            name="consignment_id",
            if_match=if_match,
            tenant_id=tenant_id,
        )
        return result

    @endpoint("POST", "/tenants/{tenantId}/consignments/search")
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
            page_size: consignments per page (the API's default when omitted).
            start_page: the 1-based page to start from.
            limit: stop after this many consignments.
            tenant_id: the tenant, instead of the client's default.
        """
        return self._search(
            "consignments",
            condition,
            m.Consignment,
            page_size=page_size,
            start_page=start_page,
            limit=limit,
            tenant_id=tenant_id,
        )

    @endpoint("POST", "/tenants/{tenantId}/consignments/search")
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
            MATCH_ALL,
            page_size=page_size,
            start_page=start_page,
            limit=limit,
            tenant_id=tenant_id,
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

    @endpoint("POST", "/tenants/{tenantId}/products")
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
        _, data = p.product_body(product)
        result: m.Product = await self._create("products", data, m.Product, tenant_id)
        return result

    @endpoint("GET", "/tenants/{tenantId}/products/{id}")
    async def retrieve(self, product_id: str, *, tenant_id: str | None = None) -> m.Product:
        """One product by its UUID, typed by its ``scope``."""
        result: m.Product = await self._retrieve(
            "products", product_id, "product_id", m.Product, tenant_id
        )
        return result

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

    @endpoint("PUT", "/tenants/{tenantId}/products/{id}")
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
        model, data = p.product_body(product, allow_unknown=True)
        result: m.Product = await self._update(
            "products",
            model,
            data,
            m.Product,
            entity_id=product_id,
            name="product_id",
            if_match=if_match,
            tenant_id=tenant_id,
        )
        return result

    @endpoint("POST", "/tenants/{tenantId}/products/search")
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
            page_size: products per page (the API's default when omitted).
            start_page: the 1-based page to start from.
            limit: stop after this many products.
            tenant_id: the tenant, instead of the client's default.
        """
        return self._search(
            "products",
            condition,
            m.Product,
            page_size=page_size,
            start_page=start_page,
            limit=limit,
            tenant_id=tenant_id,
        )

    @endpoint("POST", "/tenants/{tenantId}/products/search")
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
            MATCH_ALL,
            page_size=page_size,
            start_page=start_page,
            limit=limit,
            tenant_id=tenant_id,
        )


class AsyncCustomers(_TenantResource):
    """Customers of the tenant (search only)."""

    @endpoint("POST", "/tenants/{tenantId}/customers/search")
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
            page_size: customers per page (the API's default when omitted).
            start_page: the 1-based page to start from.
            limit: stop after this many customers.
            tenant_id: the tenant, instead of the client's default.
        """
        return self._search(
            "customers",
            condition,
            m.Customer,
            page_size=page_size,
            start_page=start_page,
            limit=limit,
            tenant_id=tenant_id,
        )

    @endpoint("POST", "/tenants/{tenantId}/customers/search")
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
            MATCH_ALL,
            page_size=page_size,
            start_page=start_page,
            limit=limit,
            tenant_id=tenant_id,
        )


class AsyncUserAccount(AsyncAPIResource):
    """The authenticated user."""

    @endpoint("GET", "/uaa/userinfo")
    async def info(self) -> m.User:
        """The user the client credentials belong to, with the tenants they can access."""
        return await self._client._call(RequestSpec(method="GET", path="/uaa/userinfo"), m.User)


class AsyncTenants(AsyncAPIResource):
    """The tenants the authenticated user can access."""

    @endpoint("GET", "/uaa/userinfo")
    async def list(self) -> builtins.list[m.Tenant]:
        """Every tenant of the user (from ``GET /uaa/userinfo``), in the API's order."""
        user = await self._client._call(RequestSpec(method="GET", path="/uaa/userinfo"), m.User)
        return list(user.tenants)


class AsyncCartonCloud(AsyncAPIClient):
    """Async client of the CartonCloud API v1.

    Args:
        client_id: the OAuth client id; defaults to ``CARTONCLOUD_CLIENT_ID``.
        client_secret: the OAuth client secret; defaults to ``CARTONCLOUD_CLIENT_SECRET``.
        tenant_id: the tenant (UUID) used when a call names none; defaults to
            ``CARTONCLOUD_TENANT_ID``. Without one every tenant call needs ``tenant_id=``.
        base_url: another server (a sandbox, a proxy); default ``https://api.cartoncloud.com``.
        api_version: the ``Accept-Version`` sent with every request, the token request
            included (default ``1``).
        **options: client options (``timeout``, ``max_retries``, ``http_client``, ...).

    Access tokens come from ``POST /uaa/oauth/token`` (client credentials in HTTP Basic),
    are reused until shortly before they expire, renewed once on a ``401``, and fetched by a
    single caller when many threads or tasks need one.
    """

    platform = CARTONCLOUD

    def __init__(
        self,
        client_id: str | None = None,
        client_secret: str | None = None,
        *,
        tenant_id: str | None = None,
        base_url: str | None = None,
        api_version: str | int = "1",
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
        self._tenant_id = p.tenant_id(tenant, None) if tenant else None
        self._api_version = p.api_version(api_version)
        url = (base_url or DEFAULT_BASE_URL).rstrip("/")
        self._token_auth = OAuth2ClientCredentials(url + TOKEN_PATH, cid, secret)
        super().__init__(
            ClientConfig(
                base_url=url,
                auth=HeaderAuth({"Accept-Version": self._api_version}, self._token_auth),
                **options,
            )
        )

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
        checked = p.tenant_id(tenant_id, None)
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
