"""How ONESCP lists page: ``?page=N&limit=M`` driven by the answer's ``pagination`` object."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .._core.checks import positive_int
from .._core.pagination import PageNumberPagination, body_meta

__all__ = ["items_of", "pages"]


def pages(page_size: int | None, limit: int | None) -> PageNumberPagination:
    """``?page=N&limit=M``, driven by the answer's ``pagination`` (page, limit, total, pages).

    ``page_size`` is the API's ``limit`` (items per request); ``limit`` is the most items
    overall (checked here, counted by the pager). An answer without ``pagination`` is the last
    one, and a ``pagination.page`` other than the page asked for raises `PaginationError`, so
    an endpoint that ignores ``page`` can never make the pager loop.
    """
    positive_int(limit, "limit")
    return PageNumberPagination(
        page_param="page",
        size_param="limit",
        page_size=positive_int(page_size, "page_size"),
        meta=body_meta(
            prefix="pagination",
            total_items="total",
            total_pages="pages",
            page_number="page",
            page_size="limit",
            has_more=None,
        ),
        last_without_meta=True,
    )


def items_of(key: str) -> Callable[[Any], Any]:
    """The items of a list answer: ``body[key]``, else the generic ``body["data"]``."""

    def extract(body: Any) -> Any:
        if not isinstance(body, Mapping):
            return None
        value = body.get(key)
        return body.get("data") if value is None else value

    return extract
