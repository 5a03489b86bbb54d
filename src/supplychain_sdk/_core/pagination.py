"""Pagination strategies and the `Page` object, shared by sync and async pagers.

A strategy is pure: it says what the first request is and, from one answer, what the next
request is (or that there is none). The pagers do the I/O.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any, Generic, Protocol, TypeVar

import attrs

from .checks import int_or_none
from .errors import InvalidRequestError, PaginationError, ResponseDecodeError
from .response import RawResponse

__all__ = [
    "CursorPagination",
    "LinkHeaderPagination",
    "NextURLPagination",
    "Page",
    "PageMeta",
    "PageNumberPagination",
    "PageRequest",
    "PaginationStrategy",
    "body_meta",
    "header_meta",
]

T = TypeVar("T")


@attrs.frozen
class PageRequest:
    """What to send for one page.

    Attributes:
        params: query parameters merged into the call's own.
        url: an absolute (or origin-relative) next-page URL sent as is, instead.
    """

    params: Mapping[str, Any] = attrs.field(factory=dict)
    url: str | None = None

    def key(self) -> tuple[str | None, tuple[tuple[str, str], ...]]:
        """A hashable identity, used to detect a server that repeats itself."""
        return (self.url, tuple(sorted((k, str(v)) for k, v in self.params.items())))


@attrs.frozen
class PageMeta:
    """Totals a page answer may carry; every field is optional.

    Attributes:
        total_items: items in the whole collection.
        total_pages: pages in the whole collection.
        page_number: this page's number.
        page_size: items per page.
        has_more: whether another page follows, when the API says so.
        next_cursor: the cursor of the next page, for cursor pagination.
    """

    total_items: int | None = None
    total_pages: int | None = None
    page_number: int | None = None
    page_size: int | None = None
    has_more: bool | None = None
    next_cursor: str | None = None


@attrs.frozen
class Page(Generic[T]):
    """One page of results.

    Attributes:
        items: the typed items of this page.
        meta: totals and position the API reported (``total_items``, ``total_pages``...).
        raw: status, headers and request id of the answer.
        request: what was sent for this page.
        next_request: what the next page needs, or ``None`` on the last page.
    """

    items: list[T]
    meta: PageMeta
    raw: RawResponse
    request: PageRequest
    next_request: PageRequest | None

    @property
    def has_next(self) -> bool:
        """Whether another page follows."""
        return self.next_request is not None

    @property
    def next_cursor(self) -> str | None:
        """The cursor of the next page, for cursor-paginated APIs."""
        return self.meta.next_cursor

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        # One line, whatever the page size: the items are in ``page.items``.
        shown = {
            name: value
            for name, value in attrs.asdict(self.meta, recurse=False).items()
            if value is not None
        }
        meta = "".join(f", {name}={value!r}" for name, value in shown.items())
        count = f"{len(self.items)} item" + ("" if len(self.items) == 1 else "s")
        return f"Page({count}{meta}, has_next={self.has_next})"


class PaginationStrategy(Protocol):
    """How an API pages: the first request, and the next one from an answer."""

    def first_request(self, start: str | int | None) -> PageRequest: ...

    def read(
        self, request: PageRequest, body: Any, raw: RawResponse, item_count: int
    ) -> tuple[PageMeta, PageRequest | None]: ...


def _dig(body: Any, dotted: str | None) -> Any:
    if dotted is None:
        return None
    for part in dotted.split("."):
        if not isinstance(body, Mapping) or part not in body:
            return None
        body = body[part]
    return body


MetaReader = Callable[[Any, RawResponse], PageMeta]


def _count(value: Any, raw: RawResponse, name: str) -> int | None:
    """A page count or number from an answer; ``inf``/``nan`` (``1e400`` in JSON or a
    header) is refused as an unreadable answer instead of crashing with ``OverflowError``."""
    number = value
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            number = None
    if isinstance(number, float) and not math.isfinite(number):
        raise ResponseDecodeError(
            method=raw.method,
            url=raw.url,
            status_code=raw.status_code,
            reason=f"the page's {name} is not a finite number ({value!r})",
        )
    return int_or_none(value)


def body_meta(
    *,
    total_items: str | None = "total",
    total_pages: str | None = "pages",
    page_number: str | None = "page",
    page_size: str | None = "limit",
    has_more: str | None = "hasMore",
    prefix: str | None = None,
) -> MetaReader:
    """Read page totals from dotted paths in the JSON body (``prefix="pagination"``)."""

    def read(body: Any, raw: RawResponse) -> PageMeta:
        root = _dig(body, prefix) if prefix else body
        more = _dig(root, has_more)
        return PageMeta(
            total_items=_count(_dig(root, total_items), raw, "total items"),
            total_pages=_count(_dig(root, total_pages), raw, "total pages"),
            page_number=_count(_dig(root, page_number), raw, "page number"),
            page_size=_count(_dig(root, page_size), raw, "page size"),
            has_more=more if isinstance(more, bool) else None,
        )

    return read


def header_meta(
    *,
    total_items: str | None = "Total-Elements",
    total_pages: str | None = "Total-Pages",
    page_number: str | None = "Page-Number",
    page_size: str | None = "Page-Size",
) -> MetaReader:
    """Read page totals from response headers (``Total-Pages`` and friends)."""

    def read(body: Any, raw: RawResponse) -> PageMeta:
        def get(name: str | None) -> int | None:
            return _count(raw.header(name), raw, name) if name else None

        return PageMeta(
            total_items=get(total_items),
            total_pages=get(total_pages),
            page_number=get(page_number),
            page_size=get(page_size),
        )

    return read


def _no_meta(body: Any, raw: RawResponse) -> PageMeta:
    return PageMeta()


@attrs.frozen
class PageNumberPagination:
    """``?page=N&limit=M``; stops by ``has_more``, total pages, total items, or an empty page.

    Attributes:
        page_param: the page-number query parameter.
        size_param: the page-size query parameter (``None``: not sent).
        page_size: items per page to ask for (``None``: the API's default).
        first_page: the number of the first page (1, or 0 for some APIs).
        meta: reads totals from an answer (`body_meta`, `header_meta`).
        params: extra query parameters of every page.
        last_without_meta: an answer without any paging information is the last page (for
            endpoints that sometimes do not paginate at all).

    When the answer reports its page number and it is not the one asked for, the server
    ignored the page parameter: `PaginationError` is raised instead of returning the same
    items again.
    """

    page_param: str = "page"
    size_param: str | None = "limit"
    page_size: int | None = None
    first_page: int = 1
    meta: MetaReader = _no_meta
    params: Mapping[str, Any] = attrs.field(factory=dict)
    last_without_meta: bool = False

    def first_request(self, start: str | int | None) -> PageRequest:
        page = None
        if start is None:
            page = self.first_page
        elif not isinstance(start, float) or math.isfinite(start):
            page = int_or_none(start)
        if page is None or page < self.first_page:
            raise InvalidRequestError(f"start page must be an integer >= {self.first_page}")
        return self._request(page)

    def _request(self, page: int) -> PageRequest:
        params = dict(self.params)
        params[self.page_param] = page
        if self.size_param and self.page_size is not None:
            params[self.size_param] = self.page_size
        return PageRequest(params=params)

    def read(
        self, request: PageRequest, body: Any, raw: RawResponse, item_count: int
    ) -> tuple[PageMeta, PageRequest | None]:
        meta = self.meta(body, raw)
        page = int(request.params[self.page_param])
        if meta.page_number is not None and meta.page_number != page:
            raise PaginationError(
                f"asked for page {page} but the server answered page {meta.page_number} (does "
                f"it take the {self.page_param!r} parameter?); stopping instead of returning "
                "the same items again"
            )
        if self.last_without_meta and meta == PageMeta():
            return meta, None
        size = meta.page_size or self.page_size
        if meta.has_more is not None:
            more = meta.has_more
        elif meta.total_pages is not None:
            last = meta.total_pages - 1 + self.first_page
            more = page < last
        elif meta.total_items is not None and size:
            more = (page - self.first_page + 1) * size < meta.total_items
        else:
            more = item_count > 0
        more = more and item_count > 0
        return meta, (self._request(page + 1) if more else None)


@attrs.frozen
class CursorPagination:
    """``?cursor=...``; the next cursor (or, failing that, a next URL) comes from the answer."""

    next_cursor: Callable[[Any, RawResponse], str | None]
    cursor_param: str = "cursor"
    next_url: Callable[[Any, RawResponse], str | None] | None = None
    meta: MetaReader = _no_meta
    params: Mapping[str, Any] = attrs.field(factory=dict)

    def first_request(self, start: str | int | None) -> PageRequest:
        params = dict(self.params)
        if start is not None:
            if not str(start):
                raise InvalidRequestError("start cursor must not be empty")
            params[self.cursor_param] = str(start)
        return PageRequest(params=params)

    def read(
        self, request: PageRequest, body: Any, raw: RawResponse, item_count: int
    ) -> tuple[PageMeta, PageRequest | None]:
        meta = attrs.evolve(self.meta(body, raw), next_cursor=self.next_cursor(body, raw) or None)
        if meta.next_cursor:
            params = dict(self.params)
            params[self.cursor_param] = meta.next_cursor
            return meta, PageRequest(params=params)
        url = self.next_url(body, raw) if self.next_url else None
        return meta, (PageRequest(url=url) if url else None)


@attrs.frozen
class NextURLPagination:
    """Follow a next-page URL from the body; it must stay on the client's origin."""

    next_url: Callable[[Any, RawResponse], str | None]
    meta: MetaReader = _no_meta
    params: Mapping[str, Any] = attrs.field(factory=dict)

    def first_request(self, start: str | int | None) -> PageRequest:
        if start is not None:
            return PageRequest(url=str(start))
        return PageRequest(params=dict(self.params))

    def read(
        self, request: PageRequest, body: Any, raw: RawResponse, item_count: int
    ) -> tuple[PageMeta, PageRequest | None]:
        url = self.next_url(body, raw)
        return self.meta(body, raw), (PageRequest(url=url) if url else None)


#: One ``<url>; param; param`` entry (compiled by ``re`` on first use, then cached there).
_LINK = r"<([^>]*)>\s*((?:;\s*[^;,]+)*)"


def parse_link_header(value: str) -> dict[str, str]:
    """RFC 8288 ``Link`` header -> ``{rel: url}``."""
    links: dict[str, str] = {}
    for match in re.finditer(_LINK, value):
        url, params = match.group(1), match.group(2)
        for param in params.split(";"):
            name, _, rel = param.strip().partition("=")
            if name.strip().lower() == "rel":
                for each in rel.strip().strip('"').split():
                    links.setdefault(each.lower(), url)
    return links


@attrs.frozen
class LinkHeaderPagination:
    """Follow ``Link: <url>; rel="next"`` response headers (same origin only)."""

    meta: MetaReader = _no_meta
    params: Mapping[str, Any] = attrs.field(factory=dict)

    def first_request(self, start: str | int | None) -> PageRequest:
        if start is not None:
            return PageRequest(url=str(start))
        return PageRequest(params=dict(self.params))

    def read(
        self, request: PageRequest, body: Any, raw: RawResponse, item_count: int
    ) -> tuple[PageMeta, PageRequest | None]:
        link = raw.header("link")
        url = parse_link_header(link).get("next") if link else None
        return self.meta(body, raw), (PageRequest(url=url) if url else None)
