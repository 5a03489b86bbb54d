"""Client options: an immutable `ClientConfig` and its parts."""

from __future__ import annotations

import os
import platform
import ssl
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, TypedDict

import attrs
import httpx

from .._version import __version__
from ._logging import redact_url
from .errors import InvalidRequestError

if TYPE_CHECKING:
    from .auth import AuthBase

__all__ = [
    "DEFAULT_TIMEOUT",
    "AsyncTransportName",
    "ClientConfig",
    "ClientOptions",
    "Limits",
    "SyncTransportName",
    "Timeout",
    "Verify",
    "ssl_context_for",
    "user_agent",
]


def _positive_or_none(_: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and value <= 0:
        raise InvalidRequestError(f"{attribute.name} must be a positive number of seconds")


@attrs.frozen
class Timeout:
    """Per-phase timeouts in seconds (``None`` disables a phase's timeout).

    Attributes:
        connect: establishing a connection.
        read: waiting for each chunk of the answer.
        write: sending each chunk of the request.
        pool: waiting for a free connection from the pool.
    """

    connect: float | None = attrs.field(default=5.0, validator=_positive_or_none)
    read: float | None = attrs.field(default=60.0, validator=_positive_or_none)
    write: float | None = attrs.field(default=60.0, validator=_positive_or_none)
    pool: float | None = attrs.field(default=10.0, validator=_positive_or_none)

    @classmethod
    def of(cls, value: Timeout | float | None) -> Timeout:
        """A `Timeout` from a number (every phase), ``None`` (no limits) or a Timeout."""
        if isinstance(value, Timeout):
            return value
        return cls(connect=value, read=value, write=value, pool=value)

    def to_httpx(self) -> httpx.Timeout:
        """The equivalent ``httpx.Timeout``."""
        return httpx.Timeout(connect=self.connect, read=self.read, write=self.write, pool=self.pool)


DEFAULT_TIMEOUT = Timeout()


@attrs.frozen
class Limits:
    """Connection pool limits.

    Attributes:
        max_connections: open connections at most.
        max_keepalive_connections: idle connections kept for reuse; as many as may be open
            by default, so a client used at concurrency N keeps its N connections instead of
            closing and reopening those above a smaller cap.
        keepalive_expiry: seconds an idle connection is kept.
    """

    max_connections: int | None = 100
    max_keepalive_connections: int | None = 100
    keepalive_expiry: float | None = 5.0

    def to_httpx(self) -> httpx.Limits:
        """The equivalent ``httpx.Limits``."""
        return httpx.Limits(
            max_connections=self.max_connections,
            max_keepalive_connections=self.max_keepalive_connections,
            keepalive_expiry=self.keepalive_expiry,
        )


def user_agent(app_info: tuple[str, str] | None = None) -> str:
    """``supplychain-sdk/<ver> python/<ver> httpx/<ver>``, plus ``name/version`` of the app."""
    text = (
        f"supplychain-sdk/{__version__} python/{platform.python_version()} "
        f"httpx/{httpx.__version__}"
    )
    if app_info is not None:
        name, version = app_info
        text += f" {name}/{version}"
    return text


@lru_cache(maxsize=1)
def shared_ssl_context() -> ssl.SSLContext:
    """One verified SSL context per process: building one costs ~10 ms, so clients share it."""
    return ssl.create_default_context()


#: What ``verify=`` takes: ``True`` (the system's CAs), a CA bundle path, or an SSLContext.
Verify = bool | str | os.PathLike[str] | ssl.SSLContext


@lru_cache(maxsize=16)
def _bundle_context(path: str) -> ssl.SSLContext:
    if os.path.isdir(path):
        return ssl.create_default_context(capath=path)
    return ssl.create_default_context(cafile=path)


def ssl_context_for(verify: Verify) -> ssl.SSLContext:
    """The verifying SSL context for a ``verify=`` value (one per CA bundle path, shared).

    Raises:
        InvalidRequestError: ``verify=False`` (verification cannot be turned off), a path
            that is not a readable CA bundle, or another type.
    """
    if verify is True:
        return shared_ssl_context()
    if isinstance(verify, ssl.SSLContext):
        return verify
    if verify is False:
        raise InvalidRequestError(
            "verify=False is not supported: TLS verification protects the credentials the "
            "SDK sends. Pass the CA bundle (a path) or an ssl.SSLContext that trusts your "
            "server instead"
        )
    if not isinstance(verify, (str, os.PathLike)):
        raise InvalidRequestError(
            f"verify must be True, a CA bundle path or an ssl.SSLContext, not "
            f"{type(verify).__name__}"
        )
    path = os.fspath(verify)
    problem = ""
    try:
        return _bundle_context(path)
    except (OSError, ssl.SSLError, ValueError) as exc:
        problem = f"{type(exc).__name__}: {exc}"
    raise InvalidRequestError(f"verify: cannot load the CA bundle {path!r} ({problem})")


def _check_verify(_: object, __: attrs.Attribute[Any], value: Verify) -> None:
    ssl_context_for(value)


#: The transports an async client can send through (see `ClientConfig.async_transport`).
AsyncTransportName = Literal["httpx", "aiohttp"]


def _check_async_transport(_: object, __: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        from .transports import async_transport_name

        async_transport_name(value)


#: The transports a sync client can send through (see `ClientConfig.sync_transport`).
SyncTransportName = Literal["httpx", "urllib3"]


def _check_sync_transport(_: object, __: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        from .transports import sync_transport_name

        sync_transport_name(value)


def _non_negative(_: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise InvalidRequestError(f"{attribute.name} must be a number >= 0, got {value!r}")


def _check_app_info(_: object, __: attrs.Attribute[Any], value: tuple[str, str] | None) -> None:
    if value is None:
        return
    if len(value) != 2 or not all(
        isinstance(v, str) and v and " " not in v and "/" not in v for v in value
    ):
        raise InvalidRequestError(
            "app_info must be a (name, version) pair of non-empty strings without spaces or '/'"
        )


def _check_base_url(_: object, __: attrs.Attribute[Any], value: str) -> None:
    url = httpx.URL(value)
    if url.scheme not in {"http", "https"} or not url.host:
        raise InvalidRequestError(
            f"base_url must be an absolute http(s) URL, got {redact_url(str(value))!r}"
        )


def _norm_base_url(value: str) -> str:
    return str(value).rstrip("/")


def _timeout(value: Timeout | float | None) -> Timeout:
    return Timeout.of(value)


def _headers(value: Mapping[str, str] | None) -> dict[str, str]:
    return dict(value or {})


def _overrides(value: Mapping[str, tuple[str, str]] | None) -> dict[str, tuple[str, str]]:
    if value is not None and not isinstance(value, Mapping):
        raise InvalidRequestError("route_overrides must map operation names to (METHOD, path)")
    return {  # lists are accepted for tuples (JSON or YAML configuration)
        name: tuple(route) if isinstance(route, list) else route
        for name, route in (value or {}).items()
    }


@attrs.frozen(kw_only=True)
class ClientConfig:
    """Everything a client needs to send requests; derive variants with `evolve`.

    Attributes:
        base_url: origin and path prefix every relative path is joined to.
        auth: how requests are authenticated (``None`` for none).
        timeout: per-phase timeouts.
        max_retries: retries after the first attempt for retryable failures.
        retry_budget: total seconds spent waiting between retries before giving up.
        max_retry_wait: the longest single wait; a longer ``Retry-After`` is not waited out.
        retry_non_idempotent: also retry POST/PATCH calls (only if you know they are safe).
        default_headers: headers sent with every request.
        app_info: ``(name, version)`` of your application, appended to the User-Agent.
        limits: connection pool limits (ignored with an injected ``http_client``).
        http_client: an ``httpx.Client`` / ``httpx.AsyncClient`` to use instead of our own.
        verify: how the SDK's own pool verifies TLS certificates: ``True`` (the system's
            CAs, the default), the path of a CA bundle file (or directory), or an
            ``ssl.SSLContext``. Verification cannot be turned off. Token requests use it too.
            With ``http_client``, configure TLS on that client instead.
        async_transport: what async clients send through: ``"httpx"`` (httpx's own pool) or
            ``"aiohttp"`` (an aiohttp pool under the same httpx API, faster per call, most
            under concurrency; needs ``supplychain-sdk[aiohttp]``). ``None`` (the default) reads
            ``SUPPLYCHAIN_SDK_ASYNC_TRANSPORT``, else ``"httpx"``.
        sync_transport: what sync clients send through: ``"httpx"`` (httpx's own pool) or
            ``"urllib3"`` (a urllib3 pool under the same httpx API, faster per call;
            needs ``supplychain-sdk[urllib3]``). ``None`` (the default) reads
            ``SUPPLYCHAIN_SDK_SYNC_TRANSPORT``, else ``"httpx"``.
        route_overrides: ``{"orders.update": ("PATCH", "/v2/orders/{order_id}")}`` moves
            named operations to another method and path (checked when the client is made).
    """

    base_url: str = attrs.field(
        converter=_norm_base_url, validator=_check_base_url, repr=lambda url: repr(redact_url(url))
    )
    auth: AuthBase | None = None
    timeout: Timeout = attrs.field(default=DEFAULT_TIMEOUT, converter=_timeout)
    max_retries: int = attrs.field(default=2, validator=_non_negative)
    retry_budget: float = attrs.field(default=60.0, validator=_non_negative)
    max_retry_wait: float = attrs.field(default=30.0, validator=_non_negative)
    retry_non_idempotent: bool = False
    default_headers: Mapping[str, str] = attrs.field(factory=dict, converter=_headers, repr=False)
    app_info: tuple[str, str] | None = attrs.field(default=None, validator=_check_app_info)
    limits: Limits = Limits()
    http_client: httpx.Client | httpx.AsyncClient | None = attrs.field(default=None, repr=False)
    verify: Verify = attrs.field(default=True, validator=_check_verify)
    async_transport: AsyncTransportName | None = attrs.field(
        default=None, validator=_check_async_transport
    )
    sync_transport: SyncTransportName | None = attrs.field(
        default=None, validator=_check_sync_transport
    )
    route_overrides: Mapping[str, tuple[str, str]] = attrs.field(factory=dict, converter=_overrides)

    def __attrs_post_init__(self) -> None:
        if self.http_client is not None and self.verify is not True:
            raise InvalidRequestError(
                "verify= configures the SDK's own connection pool; with http_client=, set "
                "verify on your httpx client instead"
            )

    def ssl_context(self) -> ssl.SSLContext:
        """The SSL context the SDK's own pool verifies certificates with."""
        return ssl_context_for(self.verify)

    def evolve(self, **changes: Any) -> ClientConfig:
        """A copy with ``changes`` applied (validated like the original)."""
        return attrs.evolve(self, **changes)

    @property
    def origin(self) -> tuple[str, str, int]:
        """(scheme, host, port) of the base URL: the only place credentials are sent."""
        return _base_origin(self.base_url)

    @property
    def user_agent(self) -> str:
        """The User-Agent sent: SDK, Python and httpx versions, then ``app_info``."""
        return _user_agent(self.app_info)


def origin_of(url: str | httpx.URL) -> tuple[str, str, int]:
    """(scheme, host, port) of a URL, with the scheme's default port filled in."""
    u = httpx.URL(url) if isinstance(url, str) else url
    port = u.port or (443 if u.scheme == "https" else 80)
    return (u.scheme, u.host.lower(), port)


#: Per-call properties of a config, parsed or formatted once per base URL / app.
_base_origin = lru_cache(maxsize=64)(origin_of)
_user_agent = lru_cache(maxsize=64)(user_agent)


class ClientOptions(TypedDict, total=False):
    """Options every platform client accepts as keyword arguments (see `ClientConfig`)."""

    timeout: Timeout | float | None
    max_retries: int
    retry_budget: float
    max_retry_wait: float
    retry_non_idempotent: bool
    default_headers: Mapping[str, str]
    app_info: tuple[str, str] | None
    limits: Limits
    http_client: httpx.Client | httpx.AsyncClient | None
    verify: Verify
    async_transport: AsyncTransportName | None
    sync_transport: SyncTransportName | None
    route_overrides: Mapping[str, tuple[str, str]]
