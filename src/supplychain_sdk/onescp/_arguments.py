"""The arguments of ONESCP's thin methods, checked without building any schema: ids, enum
values, the fields given, and the ``extra`` API fields beside them (no I/O here).

The request schemas themselves (``_requests``) load when a call first checks a request.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic.alias_generators import to_camel

from .._core.checks import known
from .._core.errors import InvalidRequestError
from .._core.lazy import resolve_type

if TYPE_CHECKING:
    from .._core.models import OpenEnum

__all__ = ["OBJECT_ID", "extra_body", "given", "is_object_id", "one_of"]

E = TypeVar("E", bound="OpenEnum")

#: An ONESCP id: a MongoDB ObjectId.
OBJECT_ID = re.compile(r"[0-9a-fA-F]{24}")


def is_object_id(value: object) -> bool:
    """Whether ``value`` is an ONESCP id (24 hexadecimal characters)."""
    return isinstance(value, str) and OBJECT_ID.fullmatch(value) is not None


def one_of(enum: type[E], value: E | str | None, name: str) -> str:
    """The value of a known member of ``enum`` (or of the enum a `TypeRef` names) that must
    be given."""
    member = known(resolve_type(enum), value, name)
    if member is None:
        raise InvalidRequestError(f"{name} is required")
    return str(member.value)


def given(**values: Any) -> dict[str, Any]:
    """The arguments that were given (not ``None``), for a query or a body."""
    return {key: value for key, value in values.items() if value is not None}


@functools.cache
def _api_names(schema: Any) -> frozenset[str]:
    names: set[str] = set()
    hints = typing.get_type_hints(resolve_type(schema), include_extras=True)
    for key, annotation in hints.items():
        names.add(key)
        alias = next(
            (
                meta.alias
                for meta in getattr(annotation, "__metadata__", ())
                if getattr(meta, "alias", None)
            ),
            None,
        )
        names.add(alias if isinstance(alias, str) else to_camel(key))
    return frozenset(names)


def extra_body(
    schema: Any,
    fields: Mapping[str, Any],
    extra: Mapping[str, Any] | None,
    *,
    change: str | None = None,
) -> dict[str, Any] | None:
    """``extra`` (API fields a method does not name), checked to sit beside ``fields`` of
    ``schema`` (a request TypedDict, or a `TypeRef` to one).

    A key that a named argument covers is refused, so one value never silently replaces
    another. With ``change`` (the operation's name) an update that changes nothing is
    refused.
    """
    if extra is not None:
        if not isinstance(extra, Mapping):
            raise InvalidRequestError("extra must be a dict of API field names to values")
        for key in extra:
            if not isinstance(key, str) or not key:
                raise InvalidRequestError("extra keys must be non-empty strings")
        clash = sorted(key for key in extra if key in _api_names(schema))
        if clash:
            raise InvalidRequestError(
                f"extra repeats fields that have their own argument: {clash}; pass them by name"
            )
    if change is not None and not fields and not extra:
        raise InvalidRequestError(f"{change} needs at least one field to change")
    return dict(extra) if extra else None
