"""Marks resource methods with the HTTP call they make (read by the reference generator)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import attrs

__all__ = ["Endpoint", "endpoint", "endpoint_of"]

F = TypeVar("F", bound=Callable[..., object])


@attrs.frozen
class Endpoint:
    """The HTTP method and path template an SDK method calls."""

    method: str
    path: str


def endpoint(method: str, path: str) -> Callable[[F], F]:
    """Record on a resource method which endpoint it calls, e.g. ``@endpoint("GET", "/v2/ping")``.

    The SDK's reference pages (``docs/reference/<platform>.md``) are generated from it.
    """

    def mark(func: F) -> F:
        func.__sdk_endpoint__ = Endpoint(method.upper(), path)  # type: ignore[attr-defined]
        return func

    return mark


def endpoint_of(func: object) -> Endpoint | None:
    """The `Endpoint` recorded on ``func``, if any."""
    value = getattr(func, "__sdk_endpoint__", None)
    return value if isinstance(value, Endpoint) else None
