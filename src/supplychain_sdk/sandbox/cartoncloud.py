"""A stateful CartonCloud API v1 fake: OAuth2, tenants, versioned entities, search, webhooks.

    from supplychain_sdk.sandbox.cartoncloud import CartonCloudSandbox

    sandbox = CartonCloudSandbox()       # one tenant with customers, warehouses, stocked products
    client = sandbox.client()            # a CartonCloud client mounted on it (sync)
    for order in client.outbound_orders.list():
        print(order.references.customer, order.status)

It answers as the spec describes: tokens from ``POST /uaa/oauth/token`` (client id and secret
in HTTP Basic, expiring), ``Accept-Version`` required on every request (``400`` when missing,
``404`` for a version it does not know), tenant-scoped entities whose ``version`` grows on
every update (``409`` for a stale ``If-Match``), ``228 Created with issues`` for an outbound
order without enough stock, errors as JSON arrays (``422`` with a JSON pointer per field),
header pagination with ``Link``, the search condition DSL, and status-change webhooks.
"""

from __future__ import annotations

import base64
import copy
import json
import random
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import parse_qsl

import attrs

from ._framework import (
    Sandbox,
    SandboxRequest,
    SandboxResponse,
    WebhookTarget,
    json_response,
    route,
)

if TYPE_CHECKING:
    from ..cartoncloud import AsyncCartonCloud, CartonCloud

__all__ = [
    "WORKFLOWS",
    "ApiClient",
    "CartonCloudSandbox",
    "IssuedToken",
    "StatusKind",
    "TenantState",
    "WebhookSubscription",
]

#: Entities with a status workflow (and status-change webhooks).
StatusKind = Literal["inbound_order", "outbound_order", "consignment"]

#: The statuses each kind moves through in the sandbox, in order (real workflows are
#: configured per tenant). An outbound order without enough stock goes to ``REJECTED``.
WORKFLOWS: dict[str, tuple[str, ...]] = {
    "inbound_order": ("DRAFT", "AWAITING_ARRIVAL", "RECEIVED"),
    "outbound_order": ("DRAFT", "AWAITING_PICK_AND_PACK", "PACKED", "DISPATCHED"),
    "consignment": ("DRAFT", "AWAITING_PICKUP", "IN_TRANSIT", "DELIVERED"),
}
REJECTED = "REJECTED"

#: URL collection -> entity kind.
_COLLECTIONS: dict[str, str] = {
    "inbound-orders": "inbound_order",
    "outbound-orders": "outbound_order",
    "consignments": "consignment",
    "products": "product",
    "customers": "customer",
}
_TYPES = {"inbound_order": "INBOUND", "outbound_order": "OUTBOUND", "consignment": "CONSIGNMENT"}
_WHAT = {
    "inbound_order": "inbound order",
    "outbound_order": "outbound order",
    "consignment": "consignment",
    "product": "product",
    "customer": "customer",
}
#: ``ValueField`` names the search understands, as JSON pointers.
_VALUE_FIELDS = {
    "reference": "/references/customer",
    "customerName": "/customer/name",
    "customerCode": "/customer/references/code",
}
_TEXT_METHODS = frozenset({"EQUAL_TO", "NOT_EQUAL_TO", "CONTAINS", "STARTS_WITH"})
TOKEN_PATH = "/uaa/oauth/token"


@attrs.define
class WebhookSubscription:
    """A status-change webhook: where it goes, for which statuses, with which headers."""

    kind: StatusKind
    target: WebhookTarget
    statuses: frozenset[str] | None = None
    headers: dict[str, str] = attrs.field(factory=dict, repr=False)


@attrs.define
class TenantState:
    """Everything one tenant holds. Entities are stored as the API returns them (JSON)."""

    id: str
    name: str
    customers: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    warehouses: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    products: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    inbound_orders: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    outbound_orders: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    consignments: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    #: Available quantity per product id (in the units the orders use).
    stock: dict[str, float] = attrs.field(factory=dict)
    webhooks: list[WebhookSubscription] = attrs.field(factory=list)

    def entities(self, kind: str) -> dict[str, dict[str, Any]]:
        """The store of one kind (``"outbound_order"``, ``"product"``, ...)."""
        stores: dict[str, dict[str, dict[str, Any]]] = {
            "inbound_order": self.inbound_orders,
            "outbound_order": self.outbound_orders,
            "consignment": self.consignments,
            "product": self.products,
            "customer": self.customers,
        }
        return stores[kind]


@attrs.define
class ApiClient:
    """OAuth client credentials, the user they belong to and the tenants it may access."""

    client_id: str
    client_secret: str = attrs.field(repr=False)
    user: dict[str, Any]
    tenant_ids: list[str]


@attrs.define
class IssuedToken:
    """An access token the fake issued."""

    value: str = attrs.field(repr=False)
    client_id: str
    expires_at: float
    revoked: bool = False


class _Invalid(Exception):
    """A request the fake refuses; carries the answer."""

    def __init__(self, response: SandboxResponse) -> None:
        super().__init__(response.status)
        self.response = response


def _errors(status: int, *entries: tuple[str | None, str]) -> SandboxResponse:
    body = [
        {"message": msg} if fld is None else {"field": fld, "message": msg} for fld, msg in entries
    ]
    return json_response(body, status)


def _message(status: int, message: str) -> SandboxResponse:
    return _errors(status, (None, message))


class CartonCloudSandbox(Sandbox):
    """Stateful fake of the CartonCloud API v1.

    Args:
        seed: give the default tenant two customers, two warehouses and three products with
            stock (see the class constants), so orders can be created at once.
        token_lifetime: ``expires_in`` of issued tokens, in seconds; the fake refuses a token
            once it has expired by ``clock``.
        clock: the fake's time source, in epoch seconds (tests pass a settable clock).
        page_size: the default page size of searches.
        max_page_size: the largest page size a search answers with.
    """

    base_url = "https://api.cartoncloud.sandbox.invalid"
    #: Client credentials of the default API client (access to the default tenant).
    DEFAULT_CLIENT_ID = "sandbox-client-id"
    DEFAULT_CLIENT_SECRET = "sandbox-client-secret"
    #: The default tenant.
    DEFAULT_TENANT_ID = "0b9e6c38-5f4a-4c1d-9e2b-7a3d5c1f8e90"
    DEFAULT_TENANT_NAME = "Sandbox Logistics"
    #: Seeded customers (codes) and products (codes) of the default tenant.
    CUSTOMER_CODE = "SANDBOX"
    OTHER_CUSTOMER_CODE = "ACME"
    PRODUCT_CODES = ("SKU-APPLE", "SKU-ICE")
    TRANSPORT_PRODUCT_CODE = "PALLET"
    DEFAULT_WAREHOUSE = "Main Warehouse"
    #: ``Accept-Version`` values the fake serves.
    API_VERSIONS = frozenset({"1"})

    def __init__(
        self,
        *,
        seed: bool = True,
        token_lifetime: int = 3600,
        clock: Callable[[], float] = time.time,
        page_size: int = 20,
        max_page_size: int = 100,
    ) -> None:
        super().__init__()
        self.token_lifetime = token_lifetime
        self.page_size = page_size
        self.max_page_size = max_page_size
        self._clock = clock
        self._rng = random.Random(20181030)
        self.tenants: dict[str, TenantState] = {}
        self.api_clients: dict[str, ApiClient] = {}
        self.tokens: dict[str, IssuedToken] = {}
        tenant = self.add_tenant(self.DEFAULT_TENANT_NAME, tenant_id=self.DEFAULT_TENANT_ID)
        self.add_api_client(
            self.DEFAULT_CLIENT_ID,
            self.DEFAULT_CLIENT_SECRET,
            user_name="Sandbox Integration",
            email="integration@sandbox.invalid",
        )
        if seed:
            self._seed(tenant)

    # -- setup ------------------------------------------------------------------------------------
    def new_id(self) -> str:
        """A new UUID, deterministic for a given sequence of calls."""
        with self.lock:
            return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))

    def add_tenant(self, name: str, *, tenant_id: str | None = None) -> TenantState:
        """Create a tenant (empty); every API client made later can access it."""
        with self.lock:
            tenant = TenantState(id=tenant_id or self.new_id(), name=name)
            self.tenants[tenant.id] = tenant
            self.add_warehouse(self.DEFAULT_WAREHOUSE, tenant_id=tenant.id)
            for api_client in self.api_clients.values():
                api_client.tenant_ids.append(tenant.id)
            return tenant

    def add_api_client(
        self,
        client_id: str,
        client_secret: str,
        *,
        tenant_ids: Iterable[str] | None = None,
        user_name: str = "API User",
        email: str = "api@sandbox.invalid",
    ) -> ApiClient:
        """Register client credentials for a user who can access ``tenant_ids`` (default: all)."""
        with self.lock:
            user = {"id": self.new_id(), "name": user_name, "email": email}
            ids = list(self.tenants) if tenant_ids is None else list(tenant_ids)
            api_client = ApiClient(client_id, client_secret, user, ids)
            self.api_clients[client_id] = api_client
            return api_client

    def _tenant(self, tenant_id: str | None) -> TenantState:
        return self.tenants[tenant_id or self.DEFAULT_TENANT_ID]

    def add_customer(
        self, name: str, *, code: str | None = None, tenant_id: str | None = None
    ) -> dict[str, Any]:
        """Add a customer (``{"id", "name", "references": {"code"}}``) to a tenant."""
        with self.lock:
            customer: dict[str, Any] = {"id": self.new_id(), "name": name}
            if code is not None:
                customer["references"] = {"code": code}
            self._tenant(tenant_id).customers[customer["id"]] = customer
            return customer

    def add_warehouse(self, name: str, *, tenant_id: str | None = None) -> dict[str, Any]:
        """Add a warehouse to a tenant; a tenant's first warehouse is its default."""
        with self.lock:
            warehouse = {"id": self.new_id(), "name": name}
            self._tenant(tenant_id).warehouses[warehouse["id"]] = warehouse
            return warehouse

    def add_product(
        self,
        code: str,
        name: str,
        *,
        stock: float = 0,
        barcode: str | None = None,
        scope: Literal["WAREHOUSE", "TRANSPORT"] = "WAREHOUSE",
        customer_code: str | None = None,
        product_type: str = "GENERAL",
        tenant_id: str | None = None,
    ) -> dict[str, Any]:
        """Add a product with ``stock`` available; returns it as the API would."""
        with self.lock:
            tenant = self._tenant(tenant_id)
            references: dict[str, Any] = {"code": code}
            if barcode is not None:
                references["barcode"] = barcode
            product: dict[str, Any] = {
                "id": self.new_id(),
                "scope": scope,
                "type": product_type,
                "references": references,
                "name": name,
                "description": name,
                "status": "ACTIVE",
                "version": 1,
            }
            if customer_code is not None:
                customer = next(
                    c
                    for c in tenant.customers.values()
                    if c.get("references", {}).get("code") == customer_code
                )
                product["customer"] = copy.deepcopy(customer)
            if scope == "WAREHOUSE":
                product["defaultUnitOfMeasure"] = "units"
                product["unitOfMeasures"] = {"units": {"qtyPerBase": 1}}
            tenant.products[product["id"]] = product
            tenant.stock[product["id"]] = float(stock)
            return product

    def set_stock(self, product: str, quantity: float, *, tenant_id: str | None = None) -> None:
        """Set the available quantity of a product, given by id or code."""
        with self.lock:
            tenant = self._tenant(tenant_id)
            found = self._product_by(tenant, {"id": product}) or self._product_by(
                tenant, {"references": {"code": product}}
            )
            if found is None:
                raise KeyError(f"no product {product!r}")
            tenant.stock[found["id"]] = float(quantity)

    def _seed(self, tenant: TenantState) -> None:
        self.add_customer("Sandbox Customer", code=self.CUSTOMER_CODE, tenant_id=tenant.id)
        self.add_customer("Acme Retail", code=self.OTHER_CUSTOMER_CODE, tenant_id=tenant.id)
        self.add_warehouse("Overflow Warehouse", tenant_id=tenant.id)
        self.add_product(
            "SKU-APPLE",
            "Apple Juice 1L",
            stock=100,
            barcode="9300000000011",
            customer_code=self.CUSTOMER_CODE,
            tenant_id=tenant.id,
        )
        self.add_product(
            "SKU-ICE",
            "Chocolate Ice Cream 4L",
            stock=5,
            barcode="9300000000028",
            customer_code=self.CUSTOMER_CODE,
            product_type="FROZEN",
            tenant_id=tenant.id,
        )
        self.add_product(
            self.TRANSPORT_PRODUCT_CODE, "Standard pallet", scope="TRANSPORT", tenant_id=tenant.id
        )

    # -- tokens -----------------------------------------------------------------------------------
    @property
    def token_requests(self) -> int:
        """How many requests reached the token endpoint."""
        return sum(1 for r in self.requests if r.path == TOKEN_PATH)

    def expire_tokens(self) -> None:
        """Make every token issued so far invalid (as if it had expired on the server)."""
        with self.lock:
            for token in self.tokens.values():
                token.revoked = True

    # -- workflow and webhooks --------------------------------------------------------------------
    def add_webhook(
        self,
        kind: StatusKind,
        target: WebhookTarget,
        *,
        statuses: Iterable[str] | None = None,
        headers: Mapping[str, str] | None = None,
        tenant_id: str | None = None,
    ) -> WebhookSubscription:
        """Call ``target`` when an entity of ``kind`` enters one of ``statuses`` (default: any).

        The body is the full entity as JSON; ``headers`` are the custom headers the tenant
        configured (e.g. a shared secret). ``target`` is a callable ``(body, headers)`` or a
        loopback URL.
        """
        if kind not in WORKFLOWS:
            raise ValueError(f"kind must be one of {sorted(WORKFLOWS)}, got {kind!r}")
        subscription = WebhookSubscription(
            kind=kind,
            target=target,
            statuses=frozenset(statuses) if statuses is not None else None,
            headers=dict(headers or {}),
        )
        with self.lock:
            self._tenant(tenant_id).webhooks.append(subscription)
        return subscription

    def set_status(
        self, kind: StatusKind, entity_id: str, status: str, *, tenant_id: str | None = None
    ) -> dict[str, Any]:
        """Move an entity to ``status`` (as the warehouse would): its version grows, stock
        follows (a received inbound order adds its quantities) and webhooks fire."""
        with self.lock:
            tenant = self._tenant(tenant_id)
            entity = tenant.entities(kind)[entity_id]
            entity["version"] += 1
            self._enter(tenant, kind, entity, status)
            snapshot = copy.deepcopy(entity)
        self.flush_webhooks()
        return snapshot

    def advance(
        self, kind: StatusKind, entity_id: str, *, tenant_id: str | None = None
    ) -> dict[str, Any]:
        """Move an entity to the next status of its workflow (see `WORKFLOWS`)."""
        with self.lock:
            status = self._tenant(tenant_id).entities(kind)[entity_id]["status"]
            flow = WORKFLOWS[kind]
            if status not in flow or status == flow[-1]:
                raise ValueError(f"a {_WHAT[kind]} in status {status!r} has no next status")
            following = flow[flow.index(status) + 1]
        return self.set_status(kind, entity_id, following, tenant_id=tenant_id)

    def _enter(self, tenant: TenantState, kind: str, entity: dict[str, Any], status: str) -> None:
        entity["status"] = status
        if kind == "inbound_order" and status == "RECEIVED":
            for product_id, quantity in self._quantities(entity).items():
                tenant.stock[product_id] = tenant.stock.get(product_id, 0.0) + quantity
        body = json.dumps(entity).encode("utf-8")
        for subscription in tenant.webhooks:
            wanted = subscription.statuses is None or status in subscription.statuses
            if subscription.kind == kind and wanted:
                headers = {
                    "content-type": "application/json",
                    "user-agent": "CartonCloud-Webhooks (sandbox)",
                    **subscription.headers,
                }
                self.queue_webhook(subscription.target, body, headers)

    @staticmethod
    def _quantities(entity: Mapping[str, Any]) -> dict[str, float]:
        totals: dict[str, float] = {}
        for item in entity.get("items") or []:
            product_id = item["details"]["product"]["id"]
            totals[product_id] = totals.get(product_id, 0.0) + float(item["measures"]["quantity"])
        return totals

    def _submit(self, tenant: TenantState, kind: str, entity: dict[str, Any]) -> bool:
        """Enter the first status after DRAFT; False when an outbound order lacks stock."""
        if kind == "outbound_order":
            needed = self._quantities(entity)
            if any(tenant.stock.get(pid, 0.0) < qty for pid, qty in needed.items()):
                self._enter(tenant, kind, entity, REJECTED)
                return False
            for pid, qty in needed.items():
                tenant.stock[pid] -= qty
        self._enter(tenant, kind, entity, WORKFLOWS[kind][1])
        return True

    # -- clients ----------------------------------------------------------------------------------
    def client(
        self,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        tenant_id: str | None = DEFAULT_TENANT_ID,
        **options: Any,
    ) -> CartonCloud:
        """A sync ``CartonCloud`` client mounted on this fake (default credentials and tenant)."""
        from ..cartoncloud import CartonCloud

        return self.mount(
            CartonCloud,
            client_id or self.DEFAULT_CLIENT_ID,
            client_secret or self.DEFAULT_CLIENT_SECRET,
            tenant_id=tenant_id,
            **options,
        )

    def async_client(
        self,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        tenant_id: str | None = DEFAULT_TENANT_ID,
        **options: Any,
    ) -> AsyncCartonCloud:
        """An ``AsyncCartonCloud`` client mounted on this fake."""
        from ..cartoncloud import AsyncCartonCloud

        return self.mount(
            AsyncCartonCloud,
            client_id or self.DEFAULT_CLIENT_ID,
            client_secret or self.DEFAULT_CLIENT_SECRET,
            tenant_id=tenant_id,
            **options,
        )

    # -- framework hooks --------------------------------------------------------------------------
    def error(self, request: SandboxRequest, status: int, message: str) -> SandboxResponse:
        return _message(status, message)

    def not_found(self, request: SandboxRequest) -> SandboxResponse:
        return _message(404, f"No endpoint {request.method} {request.path}")

    def method_not_allowed(self, request: SandboxRequest) -> SandboxResponse:
        return _message(405, f"Request method '{request.method}' not supported")

    def bad_json(self, request: SandboxRequest) -> SandboxResponse:
        return _message(400, "JSON parse error: the request body is not valid JSON")

    def authenticate(self, request: SandboxRequest) -> SandboxResponse | None:
        version = (request.header("accept-version") or "").strip()
        if not version:
            return _message(400, "Missing request header 'Accept-Version'")
        if version not in self.API_VERSIONS:
            return _message(404, f"Unknown API version '{version}'")
        if request.path == TOKEN_PATH:
            return None
        header = request.header("authorization") or ""
        if not header.lower().startswith("bearer "):
            return _message(401, "Full authentication is required to access this resource")
        token = self.tokens.get(header[7:].strip())
        if token is None:
            return _message(401, "Invalid access token")
        if token.revoked or token.expires_at <= self._clock():
            return _message(401, "Access token expired")
        tenant_id = request.path_params.get("tenant_id")
        if tenant_id is not None:
            if tenant_id not in self.tenants:
                return _message(404, f"Tenant {tenant_id} not found")
            if tenant_id not in self.api_clients[token.client_id].tenant_ids:
                return _message(403, f"No permission to access tenant {tenant_id}")
        return None

    def _caller(self, request: SandboxRequest) -> ApiClient:
        token = self.tokens[(request.header("authorization") or "")[7:].strip()]
        return self.api_clients[token.client_id]

    # -- auth routes ------------------------------------------------------------------------------
    @route("POST", TOKEN_PATH)
    def token(self, request: SandboxRequest) -> SandboxResponse:
        refused = json_response(
            {"error": "unauthorized", "error_description": "Bad client credentials"}, 401
        )
        header = request.header("authorization") or ""
        if not header.lower().startswith("basic "):
            return refused
        try:
            decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            return refused
        client_id, _, secret = decoded.partition(":")  # sent as is, like `curl -u`
        api_client = self.api_clients.get(client_id)
        if api_client is None or api_client.client_secret != secret:
            return refused
        form = dict(parse_qsl(request.body.decode("utf-8", "replace")))
        if form.get("grant_type") != "client_credentials":
            return json_response(
                {
                    "error": "unsupported_grant_type",
                    "error_description": "grant_type must be client_credentials",
                },
                400,
            )
        value = f"cc-sandbox-{self._rng.getrandbits(128):032x}"
        self.tokens[value] = IssuedToken(
            value=value, client_id=client_id, expires_at=self._clock() + self.token_lifetime
        )
        return json_response(
            {"access_token": value, "token_type": "bearer", "expires_in": self.token_lifetime}
        )

    @route("GET", "/uaa/userinfo")
    def userinfo(self, request: SandboxRequest) -> SandboxResponse:
        api_client = self._caller(request)
        tenants = [
            {"id": self.tenants[t].id, "name": self.tenants[t].name}
            for t in api_client.tenant_ids
            if t in self.tenants
        ]
        return json_response({**api_client.user, "tenants": tenants})

    # -- entity routes ----------------------------------------------------------------------------
    @staticmethod
    def _kind(request: SandboxRequest) -> str:
        return _COLLECTIONS[request.path.split("/")[3]]

    @route("POST", "/tenants/{tenant_id}/inbound-orders")
    @route("POST", "/tenants/{tenant_id}/outbound-orders")
    @route("POST", "/tenants/{tenant_id}/consignments")
    @route("POST", "/tenants/{tenant_id}/products")
    def create(self, request: SandboxRequest) -> SandboxResponse:
        kind = self._kind(request)
        tenant = self.tenants[request.path_params["tenant_id"]]
        try:
            entity = self._checked(tenant, kind, request.json(), None)
        except _Invalid as exc:
            return exc.response
        entity["id"] = self.new_id()
        entity["version"] = 1
        status = 201
        if kind == "product":
            entity["status"] = "ACTIVE"
        else:
            if entity.get("status") == "DRAFT":
                self._enter(tenant, kind, entity, "DRAFT")
            elif not self._submit(tenant, kind, entity):
                status = 228
        tenant.entities(kind)[entity["id"]] = entity
        return json_response(entity, status)

    @route("GET", "/tenants/{tenant_id}/inbound-orders/{entity_id}")
    @route("GET", "/tenants/{tenant_id}/outbound-orders/{entity_id}")
    @route("GET", "/tenants/{tenant_id}/consignments/{entity_id}")
    @route("GET", "/tenants/{tenant_id}/products/{entity_id}")
    def retrieve(self, request: SandboxRequest) -> SandboxResponse:
        kind = self._kind(request)
        tenant = self.tenants[request.path_params["tenant_id"]]
        entity_id = request.path_params["entity_id"]
        entity = tenant.entities(kind).get(entity_id)
        if entity is None:
            return _message(404, f"The {_WHAT[kind]} {entity_id} does not exist")
        return json_response(entity)

    @route("PUT", "/tenants/{tenant_id}/inbound-orders/{entity_id}")
    @route("PUT", "/tenants/{tenant_id}/outbound-orders/{entity_id}")
    @route("PUT", "/tenants/{tenant_id}/consignments/{entity_id}")
    @route("PUT", "/tenants/{tenant_id}/products/{entity_id}")
    def update(self, request: SandboxRequest) -> SandboxResponse:
        kind = self._kind(request)
        tenant = self.tenants[request.path_params["tenant_id"]]
        entity_id = request.path_params["entity_id"]
        stored = tenant.entities(kind).get(entity_id)
        if stored is None:
            return _message(404, f"The {_WHAT[kind]} {entity_id} does not exist")
        if_match = request.header("if-match")
        if if_match is None:
            return _message(400, "Missing request header 'If-Match' (the entity's version)")
        if not if_match.strip().isdigit():
            return _message(400, f"If-Match must be a version number, got '{if_match}'")
        if int(if_match) != stored["version"]:
            return _message(
                409,
                f"The {_WHAT[kind]} has been modified by another request: version "
                f"{if_match} is not the current version {stored['version']}",
            )
        try:
            entity = self._checked(tenant, kind, request.json(), stored)
        except _Invalid as exc:
            return exc.response
        entity["id"] = entity_id
        entity["version"] = stored["version"] + 1
        if kind == "product":
            entity["status"] = stored.get("status", "ACTIVE")
        else:
            wanted, current = entity.get("status"), stored["status"]
            entity["status"] = current
            if current == "DRAFT" and wanted not in (None, "DRAFT"):
                self._submit(tenant, kind, entity)  # submitting a draft
            elif wanted not in (None, current):
                return _errors(
                    422,
                    (
                        "/status",
                        f"The status follows the workflow: an update cannot change it from "
                        f"{current} to {wanted}.",
                    ),
                )
        tenant.entities(kind)[entity_id] = entity
        return json_response(entity)

    @route("POST", "/tenants/{tenant_id}/inbound-orders/search")
    @route("POST", "/tenants/{tenant_id}/outbound-orders/search")
    @route("POST", "/tenants/{tenant_id}/consignments/search")
    @route("POST", "/tenants/{tenant_id}/products/search")
    @route("POST", "/tenants/{tenant_id}/customers/search")
    def search(self, request: SandboxRequest) -> SandboxResponse:
        kind = self._kind(request)
        tenant = self.tenants[request.path_params["tenant_id"]]
        page_name, size_name = "pageNumber", "pageSize"  # the spec's pagination parameters
        page_text = request.param(page_name, "1") or ""
        size_text = request.param(size_name, str(self.page_size)) or ""
        if not page_text.isdigit() or int(page_text) < 1:
            return _message(400, f"Invalid page number '{page_text}'")
        if not size_text.isdigit() or int(size_text) < 1:
            return _message(400, f"Invalid page size '{size_text}'")
        page, size = int(page_text), min(int(size_text), self.max_page_size)
        body = request.json()
        condition = body.get("condition") if isinstance(body, Mapping) else None
        if condition is None:
            return _errors(422, ("/condition", "must not be null"))
        problems: list[tuple[str | None, str]] = []
        self._check_condition(condition, "/condition", problems)
        if problems:
            return _errors(422, *problems)
        found = [e for e in tenant.entities(kind).values() if self._matches(condition, e)]
        total_pages = (len(found) + size - 1) // size
        headers = {
            "Total-Pages": str(total_pages),
            "Page-Size": str(size),
            "Page-Number": str(page),
            "Total-Elements": str(len(found)),
        }
        links = self._links(request, page_name, size_name, page, size, total_pages)
        if links:
            headers["Link"] = links
        return json_response(self.page_slice(found, page, size), headers=headers)

    @staticmethod
    def _links(
        request: SandboxRequest, page_name: str, size_name: str, page: int, size: int, last: int
    ) -> str:
        others = {k: v for k, v in request.query if k not in {page_name, size_name}}

        def url(number: int) -> str:
            return request.url_for(request.path, **others, **{page_name: number, size_name: size})

        rels = [("first", 1)]
        if page > 1:
            rels.append(("prev", min(page - 1, max(last, 1))))
        if page < last:
            rels.append(("next", page + 1))
        rels.append(("last", max(last, 1)))
        return ", ".join(f'<{url(number)}>; rel="{rel}"' for rel, number in rels)

    # -- validation and references ----------------------------------------------------------------
    def _checked(
        self,
        tenant: TenantState,
        kind: str,
        body: Any,
        stored: Mapping[str, Any] | None,
    ) -> dict[str, Any]:
        """The entity to store from a create/update body, references resolved; or 422."""
        if not isinstance(body, dict):
            raise _Invalid(_errors(422, ("", "The request body must be a JSON object")))
        entity = copy.deepcopy(body)
        problems: list[tuple[str | None, str]] = []

        def need(pointer: str, value: Any) -> None:
            if value is None or (isinstance(value, str) and not value.strip()):
                problems.append((pointer, f"{pointer.rsplit('/', 1)[-1]} cannot be empty."))

        if kind == "product":
            scope = entity.get("scope")
            if scope not in ("WAREHOUSE", "TRANSPORT"):
                problems.append(("/scope", "Scope must be WAREHOUSE or TRANSPORT."))
            elif stored is not None and scope != stored.get("scope"):
                problems.append(("/scope", "The scope of a product cannot change."))
            for name in ("type", "name", "description"):
                need(f"/{name}", entity.get(name))
            if not isinstance(entity.get("references"), dict):
                problems.append(("/references", "References cannot be empty."))
            if scope == "WAREHOUSE":
                need("/defaultUnitOfMeasure", entity.get("defaultUnitOfMeasure"))
                self._resolve_customer(tenant, entity, problems, required=True)
            elif entity.get("customer") is not None:
                self._resolve_customer(tenant, entity, problems, required=False)
        else:
            expected = _TYPES.get(kind)
            if entity.get("type", expected) != expected:
                problems.append(("/type", f"Type must be {expected} on this endpoint."))
            entity["type"] = expected
            if not isinstance(entity.get("references"), dict):
                problems.append(("/references", "References cannot be empty."))
            self._resolve_customer(tenant, entity, problems, required=True)
            if kind in ("inbound_order", "outbound_order"):
                self._resolve_warehouse(tenant, entity, problems)
            if kind == "outbound_order":
                deliver = (entity.get("details") or {}).get("deliver") or {}
                if not isinstance(deliver.get("address"), dict):
                    problems.append(
                        ("/details/deliver/address", "Delivery address cannot be empty.")
                    )
            items = entity.get("items")
            if items is not None and not isinstance(items, list):
                problems.append(("/items", "Items must be an array."))
            for index, item in enumerate(items if isinstance(items, list) else []):
                self._resolve_item(tenant, kind, index, item, problems)
        if stored is not None and entity.get("id") not in (None, stored["id"]):
            problems.append(("/id", "The id does not match the URL."))
        if problems:
            raise _Invalid(_errors(422, *problems))
        return entity

    def _resolve_customer(
        self,
        tenant: TenantState,
        entity: dict[str, Any],
        problems: list[tuple[str | None, str]],
        *,
        required: bool,
    ) -> None:
        ref = entity.get("customer")
        if not isinstance(ref, dict):
            if required:
                problems.append(("/customer", "Customer cannot be empty."))
            return
        for key, value in (
            ("id", ref.get("id")),
            ("code", (ref.get("references") or {}).get("code")),
            ("name", ref.get("name")),
        ):
            if value is None:
                continue
            for customer in tenant.customers.values():
                candidate = (
                    customer.get("references", {}).get("code")
                    if key == "code"
                    else customer.get(key)
                )
                if candidate == value:
                    entity["customer"] = copy.deepcopy(customer)
                    return
            problems.append(("/customer", f"Customer with {key} '{value}' not found."))
            return
        problems.append(("/customer", "Customer needs an id, references.code or name."))

    def _resolve_warehouse(
        self, tenant: TenantState, entity: dict[str, Any], problems: list[tuple[str | None, str]]
    ) -> None:
        ref = entity.get("warehouse")
        if ref is None:
            entity["warehouse"] = copy.deepcopy(next(iter(tenant.warehouses.values())))
            return
        for key in ("id", "name"):
            value = ref.get(key) if isinstance(ref, dict) else None
            if value is None:
                continue
            for warehouse in tenant.warehouses.values():
                if warehouse[key] == value:
                    entity["warehouse"] = copy.deepcopy(warehouse)
                    return
            problems.append(("/warehouse", f"Warehouse with {key} '{value}' not found."))
            return
        problems.append(("/warehouse", "Warehouse needs an id or a name."))

    @staticmethod
    def _product_by(tenant: TenantState, ref: Mapping[str, Any]) -> dict[str, Any] | None:
        refs = ref.get("references") or {}
        for key, value in (
            ("id", ref.get("id")),
            ("code", refs.get("code")),
            ("barcode", refs.get("barcode")),
            ("name", ref.get("name")),
        ):
            if value is None:
                continue
            for product in tenant.products.values():
                candidate = (
                    product["references"].get(key) if key in ("code", "barcode") else product[key]
                )
                if candidate == value:
                    return product
            return None
        return None

    def _resolve_item(
        self,
        tenant: TenantState,
        kind: str,
        index: int,
        item: Any,
        problems: list[tuple[str | None, str]],
    ) -> None:
        base = f"/items/{index}"
        if not isinstance(item, dict):
            problems.append((base, "An item must be an object."))
            return
        given = item.get("details")
        details: dict[str, Any] = given if isinstance(given, dict) else {}
        ref = details.get("product")
        product_required = kind != "consignment"
        if isinstance(ref, dict):
            product = self._product_by(tenant, ref)
            if product is None:
                problems.append((f"{base}/details/product", "Product not found."))
            else:
                details["product"] = {
                    "id": product["id"],
                    "name": product["name"],
                    "references": copy.deepcopy(product["references"]),
                }
                if product_required and details.get("unitOfMeasure") is None:
                    unit = str(product.get("defaultUnitOfMeasure", "units")).upper()
                    details["unitOfMeasure"] = {"type": unit}
                item["details"] = details
        elif product_required:
            problems.append((f"{base}/details/product", "Product cannot be empty."))
        quantity = (item.get("measures") or {}).get("quantity")
        if product_required:
            if isinstance(quantity, bool) or not isinstance(quantity, (int, float)):
                problems.append((f"{base}/measures/quantity", "Quantity cannot be empty."))
            elif quantity <= 0:
                problems.append((f"{base}/measures/quantity", "Quantity must be positive."))

    # -- search conditions ------------------------------------------------------------------------
    def _check_condition(
        self, condition: Any, at: str, problems: list[tuple[str | None, str]]
    ) -> None:
        if not isinstance(condition, dict):
            problems.append((at, "A condition must be an object."))
            return
        kind = condition.get("type")
        if kind in ("AndCondition", "OrCondition"):
            children = condition.get("conditions")
            if not isinstance(children, list):
                problems.append((f"{at}/conditions", "Conditions must be an array."))
                return
            if kind == "OrCondition" and not children:
                problems.append((f"{at}/conditions", "An OrCondition needs a condition."))
            for index, child in enumerate(children):
                self._check_condition(child, f"{at}/conditions/{index}", problems)
        elif kind == "TextComparisonCondition":
            field = condition.get("field")
            field_type = field.get("type") if isinstance(field, dict) else None
            if field_type == "JsonField":
                pointer = field.get("pointer") if isinstance(field, dict) else None
                if not isinstance(pointer, str) or not pointer.startswith("/"):
                    problems.append((f"{at}/field/pointer", "Pointer must be a JSON pointer."))
            elif field_type == "ValueField":
                name = field.get("value") if isinstance(field, dict) else None
                if name not in _VALUE_FIELDS:
                    problems.append((f"{at}/field/value", f"Unknown search field '{name}'."))
            else:
                problems.append((f"{at}/field/type", "Field type must be JsonField or ValueField."))
            value = condition.get("value")
            if not (
                isinstance(value, dict)
                and value.get("type") == "ValueField"
                and isinstance(value.get("value"), str)
            ):
                problems.append((f"{at}/value", "Value must be a ValueField with a text value."))
            if condition.get("method") not in _TEXT_METHODS:
                problems.append(
                    (f"{at}/method", f"Unsupported method '{condition.get('method')}'.")
                )
        else:
            problems.append((f"{at}/type", f"Unsupported condition type '{kind}'."))

    def _matches(self, condition: Mapping[str, Any], entity: Mapping[str, Any]) -> bool:
        kind = condition["type"]
        if kind == "AndCondition":
            return all(self._matches(c, entity) for c in condition["conditions"])
        if kind == "OrCondition":
            return any(self._matches(c, entity) for c in condition["conditions"])
        field = condition["field"]
        pointer = (
            field["pointer"] if field["type"] == "JsonField" else _VALUE_FIELDS[field["value"]]
        )
        actual = self._text_at(entity, pointer)
        if actual is None:
            return False
        expected: str = condition["value"]["value"]
        method = condition["method"]
        if method == "EQUAL_TO":
            return actual == expected
        if method == "NOT_EQUAL_TO":
            return actual != expected
        if method == "CONTAINS":
            return expected in actual
        return actual.startswith(expected)

    @staticmethod
    def _text_at(entity: Mapping[str, Any], pointer: str) -> str | None:
        node: Any = entity
        for raw in pointer.split("/")[1:]:
            part = raw.replace("~1", "/").replace("~0", "~")
            if isinstance(node, Mapping) and part in node:
                node = node[part]
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                return None
        if isinstance(node, str):
            return node
        if isinstance(node, (bool, int, float)):
            return json.dumps(node)
        return None
