"""Client options checked once for every platform client, with errors that name the client.

``ClientConfig`` validates values, but a wrong type or a misspelled keyword would surface as a
``TypeError`` from attrs naming the internal ``ClientConfig``. `client_config` checks the
keywords a platform client passes on (``**options``) first and raises `InvalidRequestError`
naming the client class: ``OneScp: unknown option 'retries' (did you mean 'max_retries'?)``.
"""

from __future__ import annotations

import inspect
import ssl
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs
import httpx

from .config import ClientConfig, ClientOptions, Limits, Timeout
from .errors import InvalidRequestError

__all__ = [
    "OPTION_NAMES",
    "check_options",
    "client_config",
    "evolve_config",
    "seconds_option",
    "unknown_option",
]

#: The keywords every platform client accepts as ``**options`` (`ClientOptions`).
OPTION_NAMES: tuple[str, ...] = tuple(ClientOptions.__annotations__)


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _timeout(value: object) -> str | None:
    if value is None or isinstance(value, Timeout):
        return None
    if not _number(value):
        return f"timeout must be a number of seconds or a Timeout, got {value!r}"
    if value <= 0:  # type: ignore[operator]
        return f"timeout must be a positive number of seconds (None: no limit), got {value!r}"
    return None


def _count(name: str) -> Callable[[object], str | None]:
    def check(value: object) -> str | None:
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return None
        return f"{name} must be a whole number >= 0, got {value!r}"

    return check


def _seconds(name: str) -> Callable[[object], str | None]:
    def check(value: object) -> str | None:
        if _number(value) and value >= 0:  # type: ignore[operator]
            return None
        return f"{name} must be a number of seconds >= 0, got {value!r}"

    return check


def _flag(name: str) -> Callable[[object], str | None]:
    def check(value: object) -> str | None:
        return None if isinstance(value, bool) else f"{name} must be True or False, got {value!r}"

    return check


def _headers(value: object) -> str | None:
    if value is None or (
        isinstance(value, Mapping)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
    ):
        return None
    return f"default_headers must map header names to string values, got {value!r}"


def _app_info(value: object) -> str | None:
    if value is None or isinstance(value, (tuple, list)):
        return None  # the pair itself is checked by ClientConfig
    return f"app_info must be a (name, version) pair, got {value!r}"


def _limits(value: object) -> str | None:
    if isinstance(value, Limits):
        return None
    return f"limits must be a Limits(...), got {value!r}"


def _http_client(value: object) -> str | None:
    if value is None or isinstance(value, (httpx.Client, httpx.AsyncClient)):
        return None
    return f"http_client must be an httpx.Client or httpx.AsyncClient, got {type(value).__name__}"


def _verify(value: object) -> str | None:
    if isinstance(value, (bool, str, ssl.SSLContext)) or hasattr(value, "__fspath__"):
        return None  # the value itself is checked by ClientConfig
    return f"verify must be True, a CA bundle path or an ssl.SSLContext, got {value!r}"


def _transport(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return None
    return f"async_transport must be 'httpx' or 'aiohttp', got {value!r}"


def _sync_transport(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return None
    return f"sync_transport must be 'httpx' or 'urllib3', got {value!r}"


def _overrides(value: object) -> str | None:
    if value is None or isinstance(value, Mapping):
        return None
    return f"route_overrides must map operation names to (METHOD, path), got {value!r}"


def _base_url(value: object) -> str | None:
    if isinstance(value, (str, httpx.URL)):
        return None
    return f"base_url must be a URL string, got {type(value).__name__}"


#: The type check of each option: ``None`` when fine, else the message.
_CHECKS: dict[str, Callable[[object], str | None]] = {
    "base_url": _base_url,
    "timeout": _timeout,
    "max_retries": _count("max_retries"),
    "retry_budget": _seconds("retry_budget"),
    "max_retry_wait": _seconds("max_retry_wait"),
    "retry_non_idempotent": _flag("retry_non_idempotent"),
    "default_headers": _headers,
    "app_info": _app_info,
    "limits": _limits,
    "http_client": _http_client,
    "verify": _verify,
    "async_transport": _transport,
    "sync_transport": _sync_transport,
    "route_overrides": _overrides,
}
_CONFIG_FIELDS = frozenset(a.name for a in attrs.fields(ClientConfig))


def unknown_option(owner: str, name: str, candidates: Iterable[str]) -> InvalidRequestError:
    """The error for a keyword ``owner`` does not take, suggesting the closest known one."""
    known = sorted(set(candidates))
    import difflib  # only for a mistyped option: not loaded with every client

    close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    message = f"{owner}: unknown option {name!r}{hint}"
    return InvalidRequestError(message, field_errors={name: [message]})


def _class_of(client: object) -> type:
    return client if isinstance(client, type) else type(client)


def _owner_of(client: object) -> str:
    """The class name errors about ``client``'s options start with."""
    return _class_of(client).__name__


def _keywords_of(client: object) -> tuple[str, ...]:
    """The keywords the client's constructor takes itself (suggested for a misspelling)."""
    try:
        params = inspect.signature(_class_of(client)).parameters
    except (TypeError, ValueError):
        return ()
    kinds = (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return tuple(name for name, p in params.items() if p.kind in kinds)


def check_options(
    owner: str,
    options: Mapping[str, Any],
    *,
    also_known: Callable[[], Iterable[str]] = tuple,
    allowed: Iterable[str] = OPTION_NAMES,
) -> None:
    """Refuse an unknown keyword or an option of the wrong type, naming ``owner``.

    Raises:
        InvalidRequestError: with ``field_errors`` keyed by the option's name.
    """
    names = frozenset(allowed)
    for name, value in options.items():
        if name not in names:
            raise unknown_option(owner, name, (*names, *also_known()))
        check = _CHECKS.get(name)
        problem = check(value) if check is not None else None
        if problem is not None:
            message = f"{owner}: {problem}"
            raise InvalidRequestError(message, field_errors={name: [message]})


def _built(owner: str, make: Callable[[], ClientConfig]) -> ClientConfig:
    try:
        return make()
    except InvalidRequestError as exc:
        text = str(exc)
        message = text if text.startswith(f"{owner}: ") else f"{owner}: {text}"
        raise InvalidRequestError(message, field_errors=exc.field_errors) from None


def client_config(client: object, /, **fields: Any) -> ClientConfig:
    """The `ClientConfig` of a platform client, every option checked first.

    ``client`` is the client being made (or its class): errors name its class. ``fields``
    are what it passes on: ``base_url``, ``auth`` and the caller's ``**options``.

    Raises:
        InvalidRequestError: an unknown keyword (with the closest known one suggested), an
            option of the wrong type, or a value `ClientConfig` refuses; the message starts
            with the client's class name.
    """
    owner = _owner_of(client)
    options = {k: v for k, v in fields.items() if k not in {"base_url", "auth"}}
    check_options(owner, options, also_known=lambda: _keywords_of(client))
    if "base_url" in fields:
        check_options(owner, {"base_url": fields["base_url"]}, allowed=("base_url",))
    return _built(owner, lambda: ClientConfig(**fields))


def seconds_option(client: object, name: str, value: object) -> float:
    """``value`` as a number of seconds >= 0 for the option ``name`` of ``client``.

    Raises:
        InvalidRequestError: another value, the message naming the client's class.
    """
    owner = _owner_of(client)
    problem = _seconds(name)(value)
    if problem is not None:
        message = f"{owner}: {problem}"
        raise InvalidRequestError(message, field_errors={name: [message]})
    return float(value)  # type: ignore[arg-type]


def evolve_config(client: object, config: ClientConfig, changes: Mapping[str, Any]) -> ClientConfig:
    """``config`` with ``changes`` applied (``with_options``), checked like `client_config`."""
    owner = f"{_owner_of(client)}.with_options"
    check_options(owner, changes, allowed=_CONFIG_FIELDS)
    return _built(owner, lambda: config.evolve(**changes))
