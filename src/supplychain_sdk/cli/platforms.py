"""What the command line knows about each platform: its environment variables, the client
it builds from them, its cheap authenticated read (``ping``), its main list, its sandbox and
the sandbox's well-known fake credentials.

Platform modules are imported only when a command needs them, so ``supplychain --help``
stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from ..cartoncloud import CartonCloud
    from ..one_platform import OnePlatform
    from ..onescp import OneScp
    from ..pharus import Pharus
    from ..procuros import Procuros
    from ..sandbox.cartoncloud import CartonCloudSandbox
    from ..sandbox.one_platform import OnePlatformSandbox
    from ..sandbox.onescp import OneScpSandbox
    from ..sandbox.pharus import PharusSandbox
    from ..sandbox.procuros import ProcurosSandbox

__all__ = ["PLATFORMS", "Platform", "platform_named"]


@attrs.frozen
class Platform:
    """One platform as the command line drives it.

    Attributes:
        name: the name on the command line (``onescp``).
        title: the platform's own spelling (``ONESCP``).
        env_prefix: the prefix of its environment variables (``ONESCP``).
        env_vars: the variables its client reads, with what each holds (for ``--help``).
        resource: what ``list`` lists, in words (``orders``).
        ping_does: the request ``ping`` sends, in words.
        columns: a table's default columns (dotted API names).
        client: builds a sync client from the environment, on ``base_url`` if given.
        ping: sends the cheap authenticated read; returns what it learnt (may be empty).
        listing: the main resource's records, at most ``limit`` (``None``: all).
        sandbox: builds the platform's sandbox (``examples``: with its built-in records).
        credentials: the ``export`` lines of the sandbox's fake credentials for a base URL.
    """

    name: str
    title: str
    env_prefix: str
    env_vars: tuple[tuple[str, str], ...]
    resource: str
    ping_does: str
    columns: tuple[str, ...]
    client: Callable[[str | None], Any]
    ping: Callable[[Any], str]
    listing: Callable[[Any, int | None], Iterable[Any]]
    sandbox: Callable[[bool], Any]
    credentials: Callable[[Any, str], list[str]]

    def client_from_env(self) -> Any:
        """A sync client configured from the environment: its credentials and
        ``<PREFIX>_BASE_URL``, which every platform client reads itself."""
        return self.client(None)


def _export(name: str, value: str) -> str:
    return f"export {name}={value}"


# -- Procuros ---------------------------------------------------------------------------------


def _procuros_client(base_url: str | None) -> Procuros:
    from ..procuros import Procuros

    return Procuros(base_url=base_url)


def _procuros_ping(client: Procuros) -> str:
    client.ping()
    return ""


def _procuros_list(client: Procuros, limit: int | None) -> Iterable[Any]:
    return client.incoming.list(limit=limit)


def _procuros_sandbox(examples: bool) -> ProcurosSandbox:
    from ..sandbox.procuros import ProcurosSandbox

    return ProcurosSandbox(seed=examples)


def _procuros_credentials(sandbox: ProcurosSandbox, url: str) -> list[str]:
    return [
        _export("PROCUROS_BASE_URL", url),
        _export("PROCUROS_API_TOKEN", sandbox.DEFAULT_TOKEN),
    ]


# -- CartonCloud ------------------------------------------------------------------------------


def _cartoncloud_client(base_url: str | None) -> CartonCloud:
    from ..cartoncloud import CartonCloud

    return CartonCloud(base_url=base_url)


def _cartoncloud_ping(client: CartonCloud) -> str:
    user = client.user.info()
    tenants = len(user.tenants or [])
    return f"user {user.name} <{user.email}>, {tenants} tenant{'' if tenants == 1 else 's'}"


def _cartoncloud_list(client: CartonCloud, limit: int | None) -> Iterable[Any]:
    return client.outbound_orders.list(limit=limit)


def _cartoncloud_sandbox(examples: bool) -> CartonCloudSandbox:
    from ..sandbox.cartoncloud import CartonCloudSandbox

    return CartonCloudSandbox(seed=examples)


def _cartoncloud_credentials(sandbox: CartonCloudSandbox, url: str) -> list[str]:
    return [
        _export("CARTONCLOUD_BASE_URL", url),
        _export("CARTONCLOUD_CLIENT_ID", sandbox.DEFAULT_CLIENT_ID),
        _export("CARTONCLOUD_CLIENT_SECRET", sandbox.DEFAULT_CLIENT_SECRET),
        _export("CARTONCLOUD_TENANT_ID", sandbox.DEFAULT_TENANT_ID),
    ]


# -- ONESCP -----------------------------------------------------------------------------------


def _onescp_client(base_url: str | None) -> OneScp:
    from ..onescp import OneScp

    return OneScp(base_url=base_url)


def _onescp_ping(client: OneScp) -> str:
    list(client.orders.list(page_size=1, limit=1))
    return ""


def _onescp_list(client: OneScp, limit: int | None) -> Iterable[Any]:
    return client.orders.list(limit=limit)


def _onescp_sandbox(examples: bool) -> OneScpSandbox:
    from ..sandbox.onescp import OneScpSandbox

    return OneScpSandbox(seed=examples)


def _onescp_credentials(sandbox: OneScpSandbox, url: str) -> list[str]:
    return [
        _export("ONESCP_BASE_URL", url),
        _export("ONESCP_API_KEY", sandbox.DEFAULT_API_KEY),
        f"# or log in instead of the API key: ONESCP_EMAIL={sandbox.DEFAULT_EMAIL} "
        f"ONESCP_PASSWORD={sandbox.DEFAULT_PASSWORD}",
    ]


# -- Pharus -----------------------------------------------------------------------------------


def _pharus_client(base_url: str | None) -> Pharus:
    from ..pharus import Pharus

    return Pharus(base_url=base_url)


def _pharus_ping(client: Pharus) -> str:
    detail = client.organizations.retrieve_current()
    org = detail.organization
    return f"organization {org.name!r} ({org.id})"


def _pharus_list(client: Pharus, limit: int | None) -> Iterable[Any]:
    return client.vendors.list(limit=limit)


def _pharus_sandbox(examples: bool) -> PharusSandbox:
    from ..sandbox.pharus import PharusSandbox

    return PharusSandbox()


def _pharus_credentials(sandbox: PharusSandbox, url: str) -> list[str]:
    return [
        _export("PHARUS_BASE_URL", url),
        _export("PHARUS_TOKEN", sandbox.DEFAULT_TOKEN),
        _export("PHARUS_ORG_ID", sandbox.DEFAULT_ORG_ID),
    ]


# -- ONe --------------------------------------------------------------------------------------


def _one_client(base_url: str | None) -> OnePlatform:
    from ..one_platform import OnePlatform

    return OnePlatform(base_url=base_url)


def _one_ping(client: OnePlatform) -> str:
    list(client.orders.pending_shipments(limit=1))
    return ""


def _one_list(client: OnePlatform, limit: int | None) -> Iterable[Any]:
    return client.orders.pending_shipments(limit=limit)


def _one_sandbox(examples: bool) -> OnePlatformSandbox:
    from ..sandbox.one_platform import OnePlatformSandbox

    return OnePlatformSandbox(seed=examples)


def _one_credentials(sandbox: OnePlatformSandbox, url: str) -> list[str]:
    return [
        _export("ONE_PLATFORM_BASE_URL", url),
        _export("ONE_PLATFORM_TOKEN", sandbox.TOKEN),
        f"# or OAuth2 client credentials at {url}/oauth/token: "
        f"client id {sandbox.OAUTH_CLIENT_ID}, secret {sandbox.OAUTH_CLIENT_SECRET}",
    ]


PLATFORMS: dict[str, Platform] = {
    p.name: p
    for p in (
        Platform(
            name="procuros",
            title="Procuros",
            env_prefix="PROCUROS",
            env_vars=(
                ("PROCUROS_API_TOKEN", "the API token of your ERP connection"),
                ("PROCUROS_ENVIRONMENT", "production (default) or staging"),
                ("PROCUROS_BASE_URL", "another server, e.g. a served sandbox"),
            ),
            resource="incoming transactions",
            ping_does="GET /v2/ping",
            columns=("procurosTransactionId", "type"),
            client=_procuros_client,
            ping=_procuros_ping,
            listing=_procuros_list,
            sandbox=_procuros_sandbox,
            credentials=_procuros_credentials,
        ),
        Platform(
            name="cartoncloud",
            title="CartonCloud",
            env_prefix="CARTONCLOUD",
            env_vars=(
                ("CARTONCLOUD_CLIENT_ID", "the OAuth client id"),
                ("CARTONCLOUD_CLIENT_SECRET", "the OAuth client secret"),
                ("CARTONCLOUD_TENANT_ID", "the tenant (UUID) to list"),
                ("CARTONCLOUD_BASE_URL", "another server, e.g. a served sandbox"),
            ),
            resource="outbound orders",
            ping_does="the user info, after the token request",
            columns=(
                "id",
                "references.customer",
                "status",
                "customer.name",
                "warehouse.name",
                "details.deliver.requiredDate",
            ),
            client=_cartoncloud_client,
            ping=_cartoncloud_ping,
            listing=_cartoncloud_list,
            sandbox=_cartoncloud_sandbox,
            credentials=_cartoncloud_credentials,
        ),
        Platform(
            name="onescp",
            title="ONESCP",
            env_prefix="ONESCP",
            env_vars=(
                ("ONESCP_API_KEY", "an API key"),
                ("ONESCP_EMAIL", "login email (without an API key)"),
                ("ONESCP_PASSWORD", "login password (without an API key)"),
                ("ONESCP_BASE_URL", "the server; default https://api.onescp.com"),
            ),
            resource="orders",
            ping_does="the first order, one at most",
            columns=(
                "_id",
                "purchaseOrderNumber",
                "status",
                "priority",
                "supplier.name",
                "totalAmount",
                "deliveryDate",
            ),
            client=_onescp_client,
            ping=_onescp_ping,
            listing=_onescp_list,
            sandbox=_onescp_sandbox,
            credentials=_onescp_credentials,
        ),
        Platform(
            name="pharus",
            title="Pharus",
            env_prefix="PHARUS",
            env_vars=(
                ("PHARUS_TOKEN", "a Firebase ID token or personal access token"),
                ("PHARUS_ORG_ID", "the organization (sent as X-Org-Id)"),
                ("PHARUS_BASE_URL", "the API's origin (required: the document names none)"),
            ),
            resource="vendors",
            ping_does="the current organization",
            columns=("id", "name", "city", "country", "term", "isActive"),
            client=_pharus_client,
            ping=_pharus_ping,
            listing=_pharus_list,
            sandbox=_pharus_sandbox,
            credentials=_pharus_credentials,
        ),
        Platform(
            name="one_platform",
            title="ONe",
            env_prefix="ONE_PLATFORM",
            env_vars=(
                ("ONE_PLATFORM_TOKEN", "the bearer token"),
                ("ONE_PLATFORM_BASE_URL", "your ONe instance (required)"),
            ),
            resource="pending shipments",
            ping_does="the pending shipments, one at most",
            columns=("orderId", "number", "clientId", "createdAt", "currency"),
            client=_one_client,
            ping=_one_ping,
            listing=_one_list,
            sandbox=_one_sandbox,
            credentials=_one_credentials,
        ),
    )
}


def platform_named(name: str) -> Platform:
    """The platform called ``name`` (``one-platform`` is taken for ``one_platform``)."""
    return PLATFORMS[name.strip().lower().replace("-", "_")]
