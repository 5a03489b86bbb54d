"""The platforms the fault soak and the concurrency tests drive, and their mixed operations.

Adding a platform (Pharus, ONe) is one `SoakPlatform` in `PLATFORMS`: how to make its
sandbox and clients, where its token endpoint is, and a handful of operations of each kind.
"""

from __future__ import annotations

import inspect
import itertools
from collections.abc import Callable
from typing import Any, Literal

import attrs

from supplychain_sdk import (
    AsyncCartonCloud,
    AsyncOnePlatform,
    AsyncOneScp,
    AsyncPharus,
    AsyncProcuros,
    CartonCloud,
    OnePlatform,
    OneScp,
    Pharus,
    Procuros,
)
from supplychain_sdk.sandbox import Sandbox
from supplychain_sdk.sandbox.cartoncloud import CartonCloudSandbox
from supplychain_sdk.sandbox.one_platform import OnePlatformSandbox
from supplychain_sdk.sandbox.onescp import OneScpSandbox
from supplychain_sdk.sandbox.pharus import PharusSandbox
from supplychain_sdk.sandbox.procuros import ProcurosSandbox

#: ``read``: one GET; ``page``: a pager over several requests; ``create``: a plain POST (never
#: retried); ``conditional``: an ``If-Match`` update; ``upsert``: an idempotent write.
Kind = Literal["read", "page", "create", "conditional", "upsert"]


class Clock:
    """A settable clock for a sandbox (token expiry happens when the test says so)."""

    def __init__(self, start: float = 1_900_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


@attrs.frozen
class Op:
    """One kind of call: ``call(client, sandbox, n)`` returns a result, awaitable or pager."""

    name: str
    kind: Kind
    call: Callable[[Any, Any, int], Any]


@attrs.frozen
class SoakPlatform:
    """A platform as the soak drives it.

    Attributes:
        name: the platform.
        sandbox: a fresh sandbox on a settable clock.
        sync_client: ``(sandbox, base_url, **options)`` -> a sync client.
        async_client: the same, async.
        token_paths: its token/login endpoints (empty for a static token).
        expire: make the sandbox refuse every token issued so far (expiry, revocation).
        ops: its operations.
        token_auth: the client's token flow (``None`` for a static token).
        token_lifetime: seconds a token of the sandbox lives (by the sandbox's clock).
    """

    name: str
    sandbox: Callable[[Clock], Sandbox]
    sync_client: Callable[..., Any]
    async_client: Callable[..., Any]
    token_paths: frozenset[str]
    expire: Callable[[Any], None]
    ops: tuple[Op, ...]
    token_auth: Callable[[Any], Any] = lambda client: None
    token_lifetime: float = 3600.0

    @property
    def token_flow(self) -> bool:
        """Whether the client fetches and renews tokens (a 401 then means: renew)."""
        return bool(self.token_paths)


def page_size_kwargs(method: Callable[..., Any], size: int) -> dict[str, int]:
    """``page_size=size`` in the name the pager method takes (the SDK's one vocabulary)."""
    assert "page_size" in inspect.signature(method).parameters, method
    return {"page_size": size}


def take(pager: Any, count: int) -> Any:
    """The first ``count`` items of a sync or async pager (a list, or an awaitable of one)."""
    if hasattr(pager, "__aiter__"):

        async def collect() -> list[Any]:
            items = []
            async for item in pager:
                items.append(item)
                if len(items) >= count:
                    break
            return items

        return collect()
    return list(itertools.islice(pager, count))


# -- Procuros ----------------------------------------------------------------------------------
def _procuros_ids(sandbox: ProcurosSandbox) -> list[str]:
    return sorted(sandbox.connections[ProcurosSandbox.DEFAULT_TOKEN].transactions)


def _procuros_incoming(sandbox: ProcurosSandbox) -> list[str]:
    connection = sandbox.connections[ProcurosSandbox.DEFAULT_TOKEN]
    return sorted(t.id for t in connection.transactions.values() if t.direction == "incoming")


PROCUROS_OPS = (
    Op(
        "transactions.retrieve",
        "read",
        lambda c, s, n: c.transactions.retrieve(_procuros_ids(s)[n % 12]),
    ),
    Op("ping", "read", lambda c, s, n: c.ping()),
    Op(
        "transactions.list",
        "page",
        lambda c, s, n: take(c.transactions.list(**page_size_kwargs(c.transactions.list, 3)), 7),
    ),
    Op(
        "outgoing.report_error",
        "create",
        lambda c, s, n: c.outgoing.report_error(error_reason=f"soak {n}", error_type="DATA"),
    ),
    Op(
        "incoming.mark_processed",
        "upsert",
        lambda c, s, n: c.incoming.mark_processed(_procuros_incoming(s)[n % 12], success=True),
    ),
)

# -- CartonCloud --------------------------------------------------------------------------------
TENANT = CartonCloudSandbox.DEFAULT_TENANT_ID


def _products(sandbox: CartonCloudSandbox) -> dict[str, dict[str, Any]]:
    return sandbox.tenants[TENANT].products


def _product_id(sandbox: CartonCloudSandbox, n: int) -> str:
    ids = sorted(_products(sandbox))
    return ids[n % len(ids)]


def _update_product(client: Any, sandbox: CartonCloudSandbox, n: int) -> Any:
    """Rename a seeded product, sending the version the server holds now as If-Match."""
    product_id = sorted(_products(sandbox))[n % 3]
    current = dict(_products(sandbox)[product_id])
    version = current["version"]
    current["name"] = f"soak {n}"
    return client.products.update(current, product_id=product_id, if_match=version)


def _new_product(n: int) -> dict[str, Any]:
    return {
        "scope": "TRANSPORT",
        "references": {"code": f"SOAK-{n}"},
        "type": "GENERAL",
        "name": f"Soak {n}",
        "description": "made by the fault soak",
        "measures": {"weight": 1.0},
    }


CARTONCLOUD_OPS = (
    Op("products.retrieve", "read", lambda c, s, n: c.products.retrieve(_product_id(s, n))),
    Op("user.info", "read", lambda c, s, n: c.user.info()),
    Op(
        "products.list",
        "page",
        lambda c, s, n: take(c.products.list(**page_size_kwargs(c.products.list, 2)), 5),
    ),
    Op("products.create", "create", lambda c, s, n: c.products.create(_new_product(n))),
    Op("products.update", "conditional", _update_product),
)


def _expire_cartoncloud(sandbox: CartonCloudSandbox) -> None:
    for issued in sandbox.tokens.values():
        issued.revoked = True


# -- ONESCP -------------------------------------------------------------------------------------
def _item_id(sandbox: OneScpSandbox, n: int) -> str:
    ids = sorted(i for i, row in sandbox.items.items() if not row.get("deletedAt"))
    return ids[n % len(ids)]


ONESCP_OPS = (
    Op("items.retrieve", "read", lambda c, s, n: c.items.retrieve(_item_id(s, n))),
    Op(
        "items.list",
        "page",
        lambda c, s, n: take(c.items.list(**page_size_kwargs(c.items.list, 2)), 5),
    ),
    Op("items.create", "create", lambda c, s, n: c.items.create(item_number=f"SOAK-{n}")),
    Op("items.update", "upsert", lambda c, s, n: c.items.update(_item_id(s, n), name=f"soak {n}")),
    Op(
        "items.upsert_from_erp",
        "upsert",
        lambda c, s, n: c.items.upsert_from_erp(
            [{"itemNumber": f"ERP-{n % 7}", "name": f"soak {n}"}]
        ),
    ),
)


def _expire_onescp(sandbox: OneScpSandbox) -> None:
    sandbox.tokens.clear()


# -- Pharus -------------------------------------------------------------------------------------
def _pharus(clock: Clock) -> PharusSandbox:
    """A Pharus fake with vendors, SKUs and one BOM to read and write."""
    sandbox = PharusSandbox(clock=clock)
    with sandbox.client() as client:
        for n in range(3):
            client.vendors.create(name=f"Vendor {n}")
        soap = client.sku_types.create(name="Soap")
        sku = client.skus.create(code="SOAK-SKU", name="Soak soap", type_id=soap.id)
        client.boms.create(output_sku_id=sku.id, items=[{"skuId": sku.id, "quantity": 1}])
    return sandbox


def _pharus_ids(sandbox: PharusSandbox, table: str) -> list[str]:
    return sorted(sandbox.table(table))


PHARUS_OPS = (
    Op(
        "vendors.retrieve",
        "read",
        lambda c, s, n: c.vendors.retrieve(_pharus_ids(s, "vendors")[n % 3]),
    ),
    Op("vendors.list", "page", lambda c, s, n: take(c.vendors.list(page_size=2), 5)),
    Op("vendors.create", "create", lambda c, s, n: c.vendors.create(name=f"Soak {n}")),
    Op(  # a PATCH is not idempotent: never re-sent, like a plain POST
        "vendors.update",
        "create",
        lambda c, s, n: c.vendors.update(_pharus_ids(s, "vendors")[n % 3], notes=f"soak {n}"),
    ),
    Op(  # PUT: idempotent, retried
        "boms.replace",
        "upsert",
        lambda c, s, n: c.boms.replace(
            _pharus_ids(s, "boms")[0],
            output_sku_id=_pharus_ids(s, "boms")[0],
            items=[{"skuId": _pharus_ids(s, "boms")[0], "quantity": n % 5 + 1}],
        ),
    ),
)


# -- ONe ----------------------------------------------------------------------------------------
ONE_OPS = (
    Op("clients.retrieve", "read", lambda c, s, n: c.clients.retrieve(f"C-00{n % 2 + 1}")),
    Op("orders.pending_shipments", "page", lambda c, s, n: take(c.orders.pending_shipments(), 2)),
    Op(
        "invoices.create",
        "create",
        lambda c, s, n: c.invoices.create(
            {
                "invoice_id": f"FV-{n}",
                "number": f"FV/{n}",
                "client_id": "C-001",
                "issue_date": "2026-11-30",
                "currency": "PLN",
                "net_total": "100.00",
                "gross_total": "123.00",
            }
        ),
    ),
    Op(  # PUT of one client's blockade: idempotent
        "client_blockades.put",
        "upsert",
        lambda c, s, n: c.client_blockades.put("C-001", blocked=n % 2 == 0, reason="soak"),
    ),
)


#: Every platform the soak drives.
PLATFORMS: list[SoakPlatform] = [
    SoakPlatform(
        name="procuros",
        sandbox=lambda clock: ProcurosSandbox(),
        sync_client=lambda s, url, **o: Procuros(ProcurosSandbox.DEFAULT_TOKEN, base_url=url, **o),
        async_client=lambda s, url, **o: AsyncProcuros(
            ProcurosSandbox.DEFAULT_TOKEN, base_url=url, **o
        ),
        token_paths=frozenset(),
        expire=lambda s: None,
        ops=PROCUROS_OPS,
    ),
    SoakPlatform(
        name="cartoncloud",
        sandbox=lambda clock: CartonCloudSandbox(clock=clock),
        sync_client=lambda s, url, **o: CartonCloud(
            s.DEFAULT_CLIENT_ID, s.DEFAULT_CLIENT_SECRET, tenant_id=TENANT, base_url=url, **o
        ),
        async_client=lambda s, url, **o: AsyncCartonCloud(
            s.DEFAULT_CLIENT_ID, s.DEFAULT_CLIENT_SECRET, tenant_id=TENANT, base_url=url, **o
        ),
        token_paths=frozenset({"/uaa/oauth/token"}),
        expire=_expire_cartoncloud,
        ops=CARTONCLOUD_OPS,
        token_auth=lambda client: client.token_auth,
    ),
    SoakPlatform(
        name="onescp",
        sandbox=lambda clock: OneScpSandbox(clock=clock, rate_limit=None),
        sync_client=lambda s, url, **o: OneScp(
            email=s.DEFAULT_EMAIL, password=s.DEFAULT_PASSWORD, base_url=url, **o
        ),
        async_client=lambda s, url, **o: AsyncOneScp(
            email=s.DEFAULT_EMAIL, password=s.DEFAULT_PASSWORD, base_url=url, **o
        ),
        token_paths=frozenset({"/api/auth/login"}),
        expire=_expire_onescp,
        ops=ONESCP_OPS,
        token_auth=lambda client: client.config.auth,
    ),
    SoakPlatform(
        name="pharus",
        sandbox=_pharus,
        sync_client=lambda s, url, **o: Pharus(
            s.DEFAULT_TOKEN, org_id=s.DEFAULT_ORG_ID, base_url=url, **o
        ),
        async_client=lambda s, url, **o: AsyncPharus(
            s.DEFAULT_TOKEN, org_id=s.DEFAULT_ORG_ID, base_url=url, **o
        ),
        token_paths=frozenset(),
        expire=lambda s: None,
        ops=PHARUS_OPS,
    ),
    SoakPlatform(
        name="one_platform",
        sandbox=lambda clock: OnePlatformSandbox(),
        sync_client=lambda s, url, **o: OnePlatform(token=s.TOKEN, base_url=url, **o),
        async_client=lambda s, url, **o: AsyncOnePlatform(token=s.TOKEN, base_url=url, **o),
        token_paths=frozenset(),
        expire=lambda s: None,
        ops=ONE_OPS,
    ),
]
