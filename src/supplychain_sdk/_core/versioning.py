"""Optimistic versioning: what goes in ``If-Match``."""

from __future__ import annotations

from typing import Any

from .errors import InvalidRequestError

__all__ = ["resolve_if_match"]


def resolve_if_match(if_match: str | int | None, entity: Any = None) -> str | None:
    """The ``If-Match`` value for an update: the explicit ``if_match`` or ``entity.version``.

    Returns ``None`` when neither is given. An explicit value wins over the entity's.
    """
    value: object = if_match
    if value is None and entity is not None:
        value = (
            entity.get("version") if isinstance(entity, dict) else getattr(entity, "version", None)
        )
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)) or str(value).strip() == "":
        raise InvalidRequestError(f"if_match must be a non-empty string or integer, got {value!r}")
    return str(value)
