"""``228 Created with issues``: a create that succeeded, in a rejected status (no I/O here)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from .._core._logging import logger

if TYPE_CHECKING:
    from .._core.response import RawResponse
    from ._models import _Entity

__all__ = ["CREATED_WITH_ISSUES", "created"]

#: The status CartonCloud answers a create with when the entity was created with issues
#: (typically an outbound order the stock does not cover, created rejected).
CREATED_WITH_ISSUES = 228

E = TypeVar("E", bound="_Entity")


def created(raw: RawResponse, entity: E) -> E:
    """``entity`` as a create returned it: on a ``228`` its ``created_with_issues`` is set
    and one WARNING is logged (it is not an error)."""
    if raw.status_code == CREATED_WITH_ISSUES:
        entity._created_with_issues = True
        logger.warning(
            "%s %s answered 228 Created with issues: %s %s was created with status %s",
            raw.method,
            raw.url,
            type(entity).__name__,
            entity.id,
            getattr(entity, "status", None),
        )
    return entity
