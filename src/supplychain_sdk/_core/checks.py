"""Input checks every platform needs before sending: known enum values, UUIDs, JSON integers,
and pydantic validation errors turned into the SDK's ``field_errors``."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import ValidationError

from .errors import InvalidRequestError

if TYPE_CHECKING:
    from .models import OpenEnum

__all__ = [
    "field_errors",
    "int_or_none",
    "invalid",
    "json_pointer",
    "known",
    "positive_int",
    "timestamp",
    "uuid_string",
]

# a string bound: importing ``.models`` would build the first pydantic model class (and load
# ``pydantic.fields``) for a check that only needs the enum it is given
E = TypeVar("E", bound="OpenEnum")


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


#: 8-4-4-4-12 hex digits; every other form ``uuid.UUID`` takes goes through it.
_CANONICAL_UUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")


def uuid_string(value: object, name: str) -> str:
    """``value`` if it is a UUID string; anything else is refused before sending."""
    if isinstance(value, str) and _CANONICAL_UUID.fullmatch(value):
        return value  # the common form, without building a UUID
    if not isinstance(value, str) or not value.strip():
        raise InvalidRequestError(f"{name} must be a non-empty string")
    try:
        uuid.UUID(value)
    except ValueError:
        raise InvalidRequestError(f"{name} must be a UUID, got {value!r}") from None
    return value


def int_or_none(value: Any) -> int | None:
    """An integer from a JSON value or header, or ``None`` (booleans, garbage, infinities
    and NaN are not)."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: int(float("inf"))
        return None


def json_pointer(location: Sequence[int | str]) -> str:
    """A location as an RFC 6901 JSON pointer: ``("items", 0, "sku")`` -> ``/items/0/sku``."""
    parts = [str(part).replace("~", "~0").replace("/", "~1") for part in location]
    return "/" + "/".join(parts) if parts else ""


def field_errors(
    exc: ValidationError,
    *,
    pointer: bool = False,
    prefix: Sequence[int | str] = (),
    missing: str | None = None,
) -> dict[str, list[str]]:
    """A pydantic error as ``{path: [messages]}`` in the API's field names.

    Paths are dotted (``content.header.orderIdentifier``) or, with ``pointer=True``, JSON
    pointers (``/items/0/sku``), the shape each platform uses for its own 422 answers.
    ``prefix`` is put before every location; ``missing`` replaces pydantic's message for a
    missing field (``"is required"``, as some APIs word it).
    """
    errors: dict[str, list[str]] = {}
    for error in exc.errors(include_url=False):
        location = [*prefix, *error["loc"]]
        path = json_pointer(location) if pointer else ".".join(str(p) for p in location)
        message = missing if missing is not None and error["type"] == "missing" else error["msg"]
        errors.setdefault(path or "body", []).append(message)
    return errors


def invalid(what: str, errors: Mapping[str, list[str]]) -> InvalidRequestError:
    """The error refusing ``what``: one readable line (eight problems at most) plus
    ``field_errors`` for code."""
    problems = [f"{path}: {'; '.join(messages)}" for path, messages in errors.items()]
    shown = problems[:8]
    more = f" (and {len(problems) - len(shown)} more)" if len(problems) > len(shown) else ""
    return InvalidRequestError(
        f"{what} is invalid: " + "; ".join(shown) + more, field_errors=errors
    )


def positive_int(value: object, name: str, maximum: int | None = None) -> int | None:
    """``None``, or an integer from 1 (to ``maximum``); anything else is refused."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidRequestError(f"{name} must be a positive integer, got {value!r}")
    if maximum is not None and value > maximum:
        raise InvalidRequestError(f"{name} must be at most {maximum}, got {value}")
    return value


def _parse_iso(value: str) -> dt.date | dt.datetime | None:
    candidate = value.strip()
    if candidate.endswith(("Z", "z")):
        candidate = candidate[:-1] + "+00:00"
    try:
        return dt.datetime.fromisoformat(candidate)
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(candidate)
    except ValueError:
        return None


def timestamp(value: dt.datetime | dt.date | str | None, name: str) -> str | None:
    """An ISO 8601 value for an API: dates as ``YYYY-MM-DD``, datetimes in UTC
    (``2025-01-01T12:00:00.000Z``); strings are checked and sent unchanged; naive
    datetimes are refused (their zone is unknown)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise InvalidRequestError(
                f"{name} must be a timezone-aware datetime, e.g. datetime(..., tzinfo=timezone.utc)"
            )
        text = value.astimezone(dt.timezone.utc).isoformat(timespec="milliseconds")
        return text.replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and _parse_iso(value) is not None:
        return value
    raise InvalidRequestError(
        f"{name} must be an ISO 8601 date or timestamp (a date, an aware datetime or a string "
        f"such as '2025-01-01T00:00:00Z'), got {value!r}"
    )
