"""What Pharus rows share: how lists page and which routes are not org-scoped."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..._core.checks import positive_int
from ..._core.operations import Paging
from ..._core.pagination import CursorPagination, PaginationStrategy
from ..._core.response import RawResponse

__all__ = ["BOUNDED", "CURSOR", "NO_ORG", "PAGE_SIZE", "PUBLIC"]

#: Items per request sent as ``limit`` when the caller names no ``page_size``.
PAGE_SIZE = 100
#: Routes of the signed-in user, not of an organization: no ``X-Org-Id`` (C6).
NO_ORG = frozenset({"no-org"})
#: Public token-gated routes: no ``X-Org-Id``, and no Pharus token needed (C7).
PUBLIC = frozenset({"no-org", "public"})


def _next_cursor(body: Any, raw: RawResponse) -> str | None:
    cursor = body.get("nextCursor") if isinstance(body, Mapping) else None
    return cursor if isinstance(cursor, str) and cursor else None


def _strategy(send_size: bool) -> Callable[[int | None, int | None], PaginationStrategy]:
    def make(page_size: int | None, limit: int | None) -> PaginationStrategy:
        size = positive_int(page_size, "page_size")
        params: dict[str, Any] = {}
        if send_size:
            params["limit"] = size or (min(limit, PAGE_SIZE) if limit else PAGE_SIZE)
        return CursorPagination(next_cursor=_next_cursor, params=params)

    return make


#: An unbounded list: sends ``cursor`` and ``limit`` (the page size) and follows
#: ``nextCursor``; an answer without one is the last page (pharus-routes.md A6).
CURSOR = Paging(strategy=_strategy(True), items="data")
#: A small list (``{data: [...]}``): one request; a ``nextCursor``, if ever sent, is followed.
BOUNDED = Paging(strategy=_strategy(False), items="data")
