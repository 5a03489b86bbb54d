"""Lazy pagination over any `PaginationStrategy`.

Written once, async, in ``_core/_async/pager.py``; the sync twin is generated from it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from .. import frames
from ..decoding import RAW_JSON, ItemsAt, cast, decode_body, expect_json, read_page_json
from ..errors import InvalidRequestError, PaginationError, ResponseDecodeError
from ..extras import require
from ..pagination import Page, PageRequest, PaginationStrategy
from ..progress import Progress, load_bar
from ..request import RequestSpec
from ..response import RawResponse

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]
    import polars as pl  # type: ignore[import-not-found, unused-ignore]

    from .client import AsyncAPIClient

__all__ = ["AsyncPager"]

T = TypeVar("T")
R = TypeVar("R")


def _single_key(items: Callable[[Any], Any]) -> str | None:
    """The key of a page's items when it is one top-level key (``"data"``), else ``None``."""
    if isinstance(items, ItemsAt) and len(items.parts) == 1:
        return items.parts[0]
    return None


def _unreadable(raw: RawResponse, reason: str, unknown: bool) -> ResponseDecodeError:
    return ResponseDecodeError(
        method=raw.method,
        url=raw.url,
        status_code=raw.status_code,
        reason=reason,
        outcome_unknown=unknown,
    )


def _read(step: Callable[[], R], raw: RawResponse, what: str, unknown: bool) -> R:
    """Run a pure reading step on a page answer; an answer shaped so that it breaks the
    step (a list where an object was expected, a string where a number was) is a
    `ResponseDecodeError`, not an ``AttributeError`` from deep inside."""
    failure = ""
    try:
        return step()
    except (AttributeError, TypeError, KeyError, IndexError, ArithmeticError) as exc:
        failure = type(exc).__name__
    raise _unreadable(raw, f"could not read {what} ({failure})", unknown)


class AsyncPager(Generic[T]):
    """Iterate every item of a paginated endpoint, one page in memory at a time.

    Nothing is requested until you iterate. ``async for item in pager`` walks every page;
    `pages` yields whole `Page` objects; `first_page` fetches one.
    ``limit`` stops after that many items, ``max_pages`` after that many pages, and ``start``
    resumes from a page number, cursor or next URL. A server that repeats a cursor or next
    URL raises `PaginationError` instead of looping forever.

    `to_pandas` / `to_polars` read every item into a DataFrame; `with_progress` shows a
    progress bar (or calls back per page) while the pager is read; `total` is the
    collection's size once a page has arrived, when the API reports it.
    """

    def __init__(
        self,
        client: AsyncAPIClient,
        spec: RequestSpec,
        *,
        strategy: PaginationStrategy,
        item_type: type[T],
        items: Callable[[Any], Any],
        start: str | int | None = None,
        limit: int | None = None,
        max_pages: int | None = None,
    ) -> None:
        if limit is not None and (isinstance(limit, bool) or limit < 1):
            raise InvalidRequestError("limit must be a positive integer")
        if max_pages is not None and (isinstance(max_pages, bool) or max_pages < 1):
            raise InvalidRequestError("max_pages must be a positive integer")
        self._client = client
        self._spec = spec
        self._strategy = strategy
        self._item_type = item_type
        self._items = items
        self._limit = limit
        self._max_pages = max_pages
        self._first = strategy.first_request(start)
        self._total: int | None = None
        self._bar: Callable[..., Any] | None = None
        self._on_page: Callable[[Page[T]], object] | None = None
        self._description: str | None = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._spec.method} {self._spec.path})"

    async def _fetch(self, request: PageRequest) -> Page[T]:
        if request.url is not None:
            spec = attrs.evolve(self._spec, path=request.url, params=None, is_url=True)
        else:
            spec = attrs.evolve(self._spec, params={**(self._spec.params or {}), **request.params})
        key = _single_key(self._items)
        response, body = await self._client._send(spec, typed=key is not None)
        unknown = self._client._outcome_unknown(spec)
        typed = False  # whether the items were validated with the page
        if body is RAW_JSON:  # items validated with the page, from the bytes, in one pass
            assert key is not None
            body = read_page_json(key, self._item_type, response.content)
            typed = body is not None
            if body is None:  # not a page of such items: read the slow way, for the reason
                body = decode_body(response, outcome_unknown=unknown)
        expect_json(response, body, outcome_unknown=unknown)
        raw = RawResponse.from_httpx(response)
        data = _read(lambda: self._items(body), raw, "its items", unknown)
        if data is None:
            if body is not None and not isinstance(body, Mapping):
                raise _unreadable(raw, f"a JSON {type(body).__name__} has no items", unknown)
            data = []
        items: list[T] = (
            data
            if typed
            else cast(
                list[self._item_type],  # type: ignore[name-defined]
                data,
                method=raw.method,
                url=raw.url,
                status=raw.status_code,
                outcome_unknown=unknown,
            )
        )
        meta, next_request = _read(
            lambda: self._strategy.read(request, body, raw, len(items)),
            raw,
            "its paging fields",
            unknown,
        )
        if meta.total_items is not None:
            self._total = meta.total_items
        return Page(items=items, meta=meta, raw=raw, request=request, next_request=next_request)

    async def first_page(self) -> Page[T]:
        """Fetch and return only the first page."""
        return await self._fetch(self._first)

    async def pages(self) -> AsyncIterator[Page[T]]:
        """Yield each page in turn (stopping early for ``limit`` / ``max_pages``)."""
        request: PageRequest | None = self._first
        seen: set[int] = set()  # hashes of page positions: a few bytes per page
        count = pages = 0
        progress = self._progress()
        try:
            while request is not None:
                key = hash(request.key())
                if key in seen:
                    raise PaginationError(
                        "the server sent the same page position twice "
                        f"({request.url or dict(request.params)}); "
                        "stopping instead of looping forever"
                    )
                seen.add(key)
                page = await self._fetch(request)
                pages += 1
                if progress is not None:
                    progress.set_total(self._expected())
                    progress.advance(self._counted(count, page), page)
                count += len(page.items)
                yield page
                if self._limit is not None and count >= self._limit:
                    return
                if self._max_pages is not None and pages >= self._max_pages:
                    return
                request = page.next_request
                del page  # freed before the next page arrives: one page in memory, not two
        finally:
            if progress is not None:
                progress.close()

    async def __aiter__(self) -> AsyncIterator[T]:
        remaining = self._limit
        async for page in self.pages():
            for item in page.items:
                if remaining is not None:
                    if remaining <= 0:
                        return
                    remaining -= 1
                yield item
            del page  # (see `pages`)

    async def to_list(self) -> list[T]:
        """Every item in a list (mind the memory on large collections)."""
        return [item async for item in self]

    async def to_pandas(self) -> pd.DataFrame:
        """Every item as a pandas DataFrame: one row per item (needs the ``pandas`` extra).

        Columns are the attribute names, nested fields dotted (``supplier.name``);
        timestamps are ``datetime64`` (UTC when the API sends a zone), ``Decimal`` amounts
        stay exact in ``object`` columns, enums are their values and secrets stay masked.

        Raises:
            MissingDependencyError: pandas is not installed (checked before any request).
        """
        require("pandas", extra="pandas", feature="to_pandas()")
        return frames.to_pandas(await self.to_list(), model=self._item_type)

    async def to_polars(self) -> pl.DataFrame:
        """Every item as a polars DataFrame: one row per item (needs the ``polars`` extra).

        The columns are `to_pandas`'s; timestamps are ``Datetime``/``Date`` and ``Decimal``
        amounts polars ``Decimal`` (exact).

        Raises:
            MissingDependencyError: polars is not installed (checked before any request).
        """
        require("polars", extra="polars", feature="to_polars()")
        return frames.to_polars(await self.to_list(), model=self._item_type)

    def __array__(self, *args: Any, **kwargs: Any) -> Any:
        # ``pd.DataFrame(pager)`` and ``np.asarray(pager)`` ask for this first; without it
        # pandas would build a frame of each model's (field, value) pairs.
        raise TypeError(
            f"a {type(self).__name__} is a lazy pager, not an array: "
            "use pager.to_pandas() or pager.to_polars() for a DataFrame"
        )

    @property
    def total(self) -> int | None:
        """Items in the whole collection as the API reports it, known once a page has
        arrived (``None`` before, or when the API does not say)."""
        return self._total

    def with_progress(
        self,
        progress: bool = True,
        *,
        on_page: Callable[[Page[T]], object] | None = None,
        description: str | None = None,
    ) -> AsyncPager[T]:
        """Report progress while this pager is read; returns this same pager.

        ``client.orders.list().with_progress().to_pandas()`` shows a ``tqdm.auto`` bar
        counting items. Its total is the collection's size once the first page reports one,
        capped by ``limit``; ``limit`` itself when the API reports none; else no total.

        Args:
            progress: show a bar (needs the ``progress`` extra); ``False`` for none.
            on_page: called with each `Page` as it arrives (for other UIs, or logging).
            description: the bar's label (default: the request's path).

        Raises:
            MissingDependencyError: ``progress=True`` and tqdm is not installed.
        """
        self._bar = load_bar() if progress else None
        self._on_page = on_page
        self._description = description
        return self

    def _progress(self) -> Progress[Page[T]] | None:
        if self._bar is None and self._on_page is None:
            return None
        return Progress(
            bar=self._bar,
            callback=self._on_page,
            unit="item",
            description=self._description or self._spec.path,
            total=self._expected(),
        )

    def _expected(self) -> int | None:
        if self._total is None:
            return self._limit
        return self._total if self._limit is None else min(self._total, self._limit)

    def _counted(self, before: int, page: Page[T]) -> int:
        if self._limit is None:
            return len(page.items)
        return max(0, min(len(page.items), self._limit - before))
