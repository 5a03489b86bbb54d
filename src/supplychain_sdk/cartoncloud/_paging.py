"""How CartonCloud searches page (no I/O here).

Pages are asked for with the ``pageNumber`` and ``pageSize`` query parameters (the spec's
pagination section, which covers "search requests and other end points which return
multiple elements") and described by the ``Total-Pages``, ``Page-Size``, ``Page-Number`` and
``Total-Elements`` answer headers.
"""

from __future__ import annotations

from .._core.checks import positive_int
from .._core.pagination import PageNumberPagination, header_meta

__all__ = ["PAGE_PARAM", "SIZE_PARAM", "search_pages", "start_page"]

#: Query parameters of a search page.
PAGE_PARAM = "pageNumber"
SIZE_PARAM = "pageSize"


def search_pages(page_size: int | None, limit: int | None) -> PageNumberPagination:
    """The strategy of the search endpoints (``page_size``: items per request, ``None`` for
    the API's default; ``limit`` does not change the page size).

    ``Page-Number`` is read back, so a server that ignores the page parameter raises
    `PaginationError` instead of repeating the first page.
    """
    return PageNumberPagination(
        page_param=PAGE_PARAM,
        size_param=SIZE_PARAM,
        page_size=positive_int(page_size, "page_size"),
        meta=header_meta(),
    )


def start_page(value: int | None) -> int | None:
    """The 1-based page to start from (``None``: the first)."""
    return positive_int(value, "start_page")
