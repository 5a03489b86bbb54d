"""Reading ONESCP change feeds (the ``/sync`` delta endpoints), without I/O: the typed changes
of one page, and the position a feed resumes from (the answer's shape, ``ChangesPage``, is
in ``_models``)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TypeVar

from .._core.errors import InvalidRequestError, PaginationError

if TYPE_CHECKING:
    from .._core.models import APIModel
    from . import _models as m

__all__ = [
    "MAX_PAGE_SIZE",
    "decode_position",
    "encode_position",
    "read_page",
]

M = TypeVar("M", bound="APIModel")

#: The changes endpoints' largest page.
MAX_PAGE_SIZE = 500


def read_page(
    answer: m.ChangesPage[M], *, page: int, page_size: int, where: str
) -> tuple[list[m.Change[M]], bool]:
    """The changes of one page (created, updated, then deleted) and whether more follow.

    ``hasMore`` is believed only up to the ``pagination.total`` the server counted; a page
    that says ``hasMore`` but holds nothing raises `PaginationError` (so a feed never loops
    or saves a position past changes it did not see).
    """
    from . import _models as m  # loaded already: the answer is one of its models

    changes: list[m.Change[M]] = [m.Created(record) for record in answer.created or []]
    changes.extend(m.Updated(record) for record in answer.updated or [])
    changes.extend(m.Deleted(entry.id, entry.deleted_at or None) for entry in answer.deleted or [])
    more = answer.has_more is True
    info = answer.pagination
    if more and info is not None and info.total is not None:
        # never page past what the server counted (with the page size it says it used)
        more = page * (info.limit or page_size) < info.total
    if more and not changes:
        raise PaginationError(
            f"the API says hasMore but page {page} of {where} is empty; stopping "
            "without saving a position, so the next run repeats this one"
        )
    return changes, more


def encode_position(since: str | None, page: int, next_since: str | None) -> str:
    """The checkpoint of a feed interrupted between pages: resume ``since`` at ``page``."""
    return json.dumps({"since": since, "page": page, "next": next_since}, separators=(",", ":"))


def decode_position(position: str | None) -> tuple[str | None, int, str | None]:
    """``(since, page, next_since)`` from a stored position.

    A plain timestamp is where a finished run left off: start there at page 1. A JSON
    object is a run interrupted between pages (see `encode_position`).
    """
    if position is None or not position.strip():
        return None, 1, None
    if not position.lstrip().startswith("{"):
        return position, 1, None
    try:
        data = json.loads(position)
    except ValueError:
        raise InvalidRequestError(
            f"the stored change-feed position is not readable: {position!r}"
        ) from None
    if not isinstance(data, dict):
        raise InvalidRequestError(f"the stored change-feed position is not readable: {position!r}")
    since, page, next_since = data.get("since"), data.get("page"), data.get("next")
    if (
        not (since is None or isinstance(since, str))
        or not (next_since is None or isinstance(next_since, str))
        or isinstance(page, bool)
        or not isinstance(page, int)
        or page < 1
    ):
        raise InvalidRequestError(f"the stored change-feed position is not readable: {position!r}")
    return since, page, next_since
