"""Input checks every platform needs before sending: known enum values, UUIDs, JSON integers."""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from .errors import InvalidRequestError
from .models import OpenEnum

__all__ = ["int_or_none", "known", "uuid_string"]

E = TypeVar("E", bound=OpenEnum)


def known(enum: type[E], value: E | str | None, name: str) -> E | None:
    """``value`` as a known member of ``enum`` (``None`` passes through).

    Enums accept unknown values in answers (APIs add values), but a value the SDK does not
    know is refused in a request, before anything is sent.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidRequestError(f"{name} must be a {enum.__name__} or a string")
    member = enum(value)
    if not member.is_known:
        allowed = ", ".join(repr(e.value) for e in enum)
        raise InvalidRequestError(f"{name} {value!r} is not one of: {allowed}")
    return member


def uuid_string(value: object, name: str) -> str:
    """``value`` if it is a UUID string; anything else is refused before sending."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidRequestError(f"{name} must be a non-empty string")
    try:
        uuid.UUID(value)
    except ValueError:
        raise InvalidRequestError(f"{name} must be a UUID, got {value!r}") from None
    return value


def int_or_none(value: Any) -> int | None:
    """An integer from a JSON value or header, or ``None`` (booleans and garbage are not)."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
