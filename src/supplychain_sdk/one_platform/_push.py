"""Chunked pushes of rows, pure parts: chunking, row checks, the price-list limit, reports.

The I/O (sending each chunk, retrying) is in ``_async/client.py``; everything here is plain.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
from typing import TYPE_CHECKING, Any, Generic, Literal, TypedDict, TypeVar

import attrs
from pydantic import BaseModel, ValidationError

from .._core.checks import field_errors, invalid
from .._core.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    InvalidRequestError,
    SupplyChainError,
)
from .._core.progress import Progress, load_bar

if TYPE_CHECKING:
    from .._core.models import APIModel

__all__ = [
    "MAX_CHUNK_ROWS",
    "MAX_PRICE_LISTS_PER_CLIENT",
    "ChunkResult",
    "ChunkStatus",
    "PriceListCounter",
    "PushOptions",
    "PushReport",
    "accepted_count",
    "check_chunk_size",
    "chunk_progress",
    "chunked",
    "nothing_sent",
    "to_models",
]


class PushOptions(TypedDict, total=False):
    """How a push of rows is sent (every push method takes them as keywords).

    Attributes:
        chunk_size: rows per request, at most 10,000 (the default).
        stop_on_error: stop at the first failed chunk instead of sending the rest.
        idempotent: the chunks are safe to send twice, so retry them on any transient error
            (by default a chunk is sent again only if the connection was refused).
        progress: show a progress bar of the rows sent (the ``progress`` extra).
        on_chunk: called with each chunk's `ChunkResult` as it is answered.
    """

    chunk_size: int
    stop_on_error: bool
    idempotent: bool
    progress: bool
    on_chunk: Callable[[ChunkResult], object] | None


#: The document: "We recommend not exceeding 10,000 lines in a single query."
MAX_CHUNK_ROWS = 10_000
#: The document: "The limit of price lists sent to a single B2B client is 2000."
MAX_PRICE_LISTS_PER_CLIENT = 2_000

R = TypeVar("R")
M = TypeVar("M", bound="APIModel")

#: ``accepted``: ONe took the chunk; ``failed``: it was sent and refused (or never answered);
#: ``refused``: the SDK did not send it (invalid rows, price-list limit).
ChunkStatus = Literal["accepted", "failed", "refused"]


def check_chunk_size(chunk_size: object) -> int:
    """``chunk_size`` if it is an integer from 1 to 10,000."""
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int):
        raise InvalidRequestError(f"chunk_size must be an integer, got {chunk_size!r}")
    if not 1 <= chunk_size <= MAX_CHUNK_ROWS:
        raise InvalidRequestError(
            f"chunk_size must be from 1 to {MAX_CHUNK_ROWS:,} (the document's limit per "
            f"request), got {chunk_size:,}"
        )
    return chunk_size


def check_rows(rows: object) -> None:
    """Refuse what is not an iterable of rows (a single dict or a string, say)."""
    if isinstance(rows, (str, bytes, Mapping, BaseModel)) or not isinstance(rows, Iterable):
        raise InvalidRequestError(
            f"rows must be an iterable of rows (a list, a generator...), got {type(rows).__name__}"
        )


def chunked(rows: Iterable[R], size: int) -> Iterator[tuple[int, list[R]]]:
    """``(index of the first row, rows)`` for consecutive chunks of at most ``size`` rows.

    Lazy: a chunk is read from ``rows`` only when asked for, so a generator of a million rows
    is never held whole.
    """
    iterator = iter(rows)
    start = 0
    while True:
        chunk = list(itertools.islice(iterator, size))
        if not chunk:
            return
        yield start, chunk
        start += len(chunk)


def to_models(model: type[M], rows: Iterable[Any], start: int = 0) -> list[M]:
    """Each row as a ``model`` (a model is kept, a mapping validated); every bad row is named
    by its index in the whole input (``rows[10003].quantity``) in one `InvalidRequestError`."""
    from .._core.models import APIModel  # loaded with the platform's models

    checked: list[M] = []
    errors: dict[str, list[str]] = {}
    for offset, row in enumerate(rows):
        index = start + offset
        if isinstance(row, model):
            checked.append(row)
            continue
        if isinstance(row, APIModel):
            row = row.to_dict()
        if not isinstance(row, Mapping):
            errors[f"rows[{index}]"] = [
                f"must be a {model.__name__} or a mapping, not {type(row).__name__}"
            ]
            continue
        try:
            checked.append(model.model_validate(row))
        except ValidationError as exc:
            for path, messages in field_errors(exc).items():
                errors[f"rows[{index}].{path}"] = messages
    if errors:
        raise invalid(f"{model.__name__} rows", errors)
    return checked


class PriceListCounter:
    """Counts the distinct price lists named per B2B client, against ONe's limit of 2,000.

    Holds one entry per (client, price list) pair named, not the rows.
    """

    def __init__(self, limit: int = MAX_PRICE_LISTS_PER_CLIENT) -> None:
        self.limit = limit
        self._lists: dict[str, set[str]] = {}

    def over_limit(self, rows: Iterable[Any]) -> dict[str, int]:
        """Client id -> price lists named, for every client the rows would take over the
        limit (counting what was already `add`-ed); nothing is added."""
        extra: dict[str, set[str]] = {}
        for row in rows:
            client, price_list = _price_keys(row)
            if client is None or price_list is None:
                continue
            known = self._lists.get(client, set())
            if price_list not in known:
                extra.setdefault(client, set()).add(price_list)
        counts = {
            client: len(self._lists.get(client, set())) + len(lists)
            for client, lists in extra.items()
        }
        return {client: n for client, n in sorted(counts.items()) if n > self.limit}

    def add(self, rows: Iterable[Any]) -> None:
        """Count the price lists of ``rows``."""
        for row in rows:
            client, price_list = _price_keys(row)
            if client is not None and price_list is not None:
                self._lists.setdefault(client, set()).add(price_list)

    def error(self, over: Mapping[str, int]) -> InvalidRequestError:
        """The error refusing a push that names too many price lists for ``over``'s clients."""
        named = ", ".join(f"{client} ({count:,} price lists)" for client, count in over.items())
        return InvalidRequestError(
            f"ONe takes at most {self.limit:,} price lists per B2B client; this push names more "
            f"for: {named}. Send fewer price lists (and delete the unused ones on ONe).",
            field_errors={
                f"client_id={client}": [f"{count:,} price lists, more than {self.limit:,}"]
                for client, count in over.items()
            },
        )


def _price_keys(row: Any) -> tuple[str | None, str | None]:
    if isinstance(row, BaseModel):
        client = getattr(row, "client_id", None)
        price_list = getattr(row, "price_list_id", None)
    elif isinstance(row, Mapping):
        client = row.get("client_id", row.get("clientId"))
        price_list = row.get("price_list_id", row.get("priceListId"))
    else:
        return None, None
    if not isinstance(client, str) or not isinstance(price_list, str):
        return None, None
    return client, price_list


def accepted_count(answer: Any, sent: int) -> int:
    """How many rows of a chunk ONe accepted: the answer's ``accepted`` (or
    ``acceptedCount``, ``processed``) when it gives a count from 0 to ``sent``, else every row
    sent (a 2xx answer without a count)."""
    if isinstance(answer, Mapping):
        for key in ("accepted", "acceptedCount", "processed"):
            value = answer.get(key)
            if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= sent:
                return value
    return sent


def nothing_sent(error: BaseException) -> bool:
    """Whether a transport error of a write happened before the request left (connection
    refused, no connection in time: the core's ``outcome_unknown`` is false and the error is
    ``retryable``), so sending it again cannot duplicate it. A failed token request is left to
    the core, which retries it for every call."""
    return (
        isinstance(error, APIConnectionError)
        and error.retryable
        and not error.outcome_unknown
        and not error.token_request
    )


@attrs.frozen
class ChunkResult:
    """What became of one chunk of a push.

    Attributes:
        index: the chunk's number, from 0.
        start: the index of its first row in the input, from 0.
        stop: one past the index of its last row.
        status: ``"accepted"``, ``"failed"`` (sent and refused, or no answer) or
            ``"refused"`` (not sent: invalid rows or the price-list limit).
        status_code: the HTTP status of the answer, if one came.
        accepted: rows ONe accepted (see `accepted_count`).
        error: why the chunk failed: an `APIStatusError` (``NotFoundError`` for 404
            "client not found", ``UnprocessableEntityError``...), an `APIConnectionError`
            after retries, or an `InvalidRequestError` for a refused chunk.
        attempts: requests sent for it (0 for a refused chunk).
        answer: the decoded answer of an accepted chunk.
    """

    index: int
    start: int
    stop: int
    status: ChunkStatus
    status_code: int | None = None
    accepted: int = 0
    error: SupplyChainError | None = attrs.field(default=None, eq=False)
    attempts: int = 1
    answer: Any = attrs.field(default=None, repr=False, eq=False)

    @property
    def rows(self) -> range:
        """The indexes of its rows in the input."""
        return range(self.start, self.stop)

    @property
    def size(self) -> int:
        """How many rows it held."""
        return self.stop - self.start

    @property
    def ok(self) -> bool:
        """Whether ONe accepted it."""
        return self.status == "accepted"

    def describe(self) -> str:
        """One line: rows, status and the reason of a failure."""
        text = f"chunk {self.index} (rows {self.start}-{self.stop - 1}): {self.status}"
        if self.status_code is not None:
            text += f" {self.status_code}"
        if self.error is not None:
            text += f": {_reason(self.error)}"
        return text


def _reason(error: SupplyChainError) -> str:
    if isinstance(error, APIStatusError):
        return error.error_message or type(error).__name__
    if isinstance(error, APITimeoutError):
        return f"timed out ({error.reason})"
    if isinstance(error, APIConnectionError):
        return error.reason
    return str(error).split("\n", 1)[0]


@attrs.define
class PushReport(Generic[R]):
    """The outcome of a chunked push: one `ChunkResult` per chunk, totals, and the rows to
    send again.

    A failed chunk does not stop the others (unless ``stop_on_error=True``: then `stopped`
    is set and the input was not read past the failed chunk, so an iterator you passed
    continues right after it).

    Attributes:
        operation: the operation pushed (``"stocks.push_incremental"``).
        chunks: every chunk, in the order sent.
        failed_rows: the rows of failed and refused chunks, as you passed them, in order:
            ready to push again.
        stopped: the push stopped at the first failure (``stop_on_error=True``).
    """

    operation: str
    chunks: list[ChunkResult] = attrs.field(factory=list)
    failed_rows: list[R] = attrs.field(factory=list, repr=False)
    stopped: bool = False

    @property
    def total_rows(self) -> int:
        """Rows read from the input."""
        return sum(chunk.size for chunk in self.chunks)

    @property
    def accepted(self) -> int:
        """Rows ONe accepted."""
        return sum(chunk.accepted for chunk in self.chunks)

    @property
    def failed(self) -> int:
        """Rows in failed or refused chunks."""
        return sum(chunk.size for chunk in self.chunks if not chunk.ok)

    @property
    def ok(self) -> bool:
        """Whether every chunk was accepted (an empty push is ok)."""
        return all(chunk.ok for chunk in self.chunks)

    @property
    def failed_chunks(self) -> list[ChunkResult]:
        """The chunks that were not accepted."""
        return [chunk for chunk in self.chunks if not chunk.ok]

    @property
    def failed_ranges(self) -> list[range]:
        """The row indexes of every failed chunk."""
        return [chunk.rows for chunk in self.failed_chunks]

    @property
    def errors(self) -> list[SupplyChainError]:
        """The error of every failed chunk, in order."""
        return [chunk.error for chunk in self.chunks if chunk.error is not None]

    def summary(self) -> str:
        """A few lines for a log: totals, then one line per failed chunk."""
        head = (
            f"{self.operation}: {self.total_rows:,} rows in {len(self.chunks)} chunk(s), "
            f"{self.accepted:,} accepted, {self.failed:,} failed"
            + (" (stopped at the first failure)" if self.stopped else "")
        )
        return "\n".join([head, *(f"  {c.describe()}" for c in self.failed_chunks)])


def chunk_progress(
    operation: str,
    rows: Iterable[Any],
    *,
    progress: bool,
    on_chunk: Callable[[ChunkResult], object] | None,
) -> Progress[ChunkResult] | None:
    """The progress of a chunked push, counted in rows (out of ``len(rows)`` when known).

    Raises:
        MissingDependencyError: ``progress=True`` and tqdm is not installed.
    """
    if not progress and on_chunk is None:
        return None
    return Progress(
        bar=load_bar() if progress else None,
        callback=on_chunk,
        unit="row",
        description=operation,
        total=len(rows) if isinstance(rows, Sized) else None,
    )
