"""The CartonCloud client's own settings, checked (no I/O here): API version and tenant."""

from __future__ import annotations

from .._core.checks import uuid_string
from .._core.errors import InvalidRequestError

__all__ = ["api_version", "default_tenant", "tenant_for"]


def api_version(value: object) -> str:
    """The ``Accept-Version`` value: a positive whole number, as a string."""
    text = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if not text.isdigit() or int(text) < 1:
        raise InvalidRequestError(
            f"api_version must be a positive integer such as 1, got {value!r}"
        )
    return text


def default_tenant(value: str | None) -> str | None:
    """A client's default tenant: ``None`` or a UUID."""
    return uuid_string(value, "tenant_id") if value else None


def tenant_for(explicit: str | None, default: str | None) -> str:
    """The tenant of a call: the explicit one, else the client's default; neither is an error.

    The route checks that it is a UUID.
    """
    value = explicit if explicit is not None else default
    if value is None:
        raise InvalidRequestError(
            "no tenant for this call: pass tenant_id=..., create the client with tenant_id= "
            "(or set CARTONCLOUD_TENANT_ID), or use client.for_tenant(tenant_id)"
        )
    return value
