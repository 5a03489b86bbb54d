"""Bulk imports: rows in batches, and one report row per input row (pure; no I/O)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .._core.errors import APIError, APIStatusError, InvalidRequestError

if TYPE_CHECKING:
    from ._models.common import BulkRowResult, BulkRowStatus

__all__ = ["DEFAULT_BATCH_SIZE", "batches", "failed_rows", "row_results"]

#: Rows per bulk-import request unless the caller chooses.
DEFAULT_BATCH_SIZE = 500


def batches(rows: Iterable[Any], size: int) -> list[list[Any]]:
    """``rows`` (dicts or models) in lists of at most ``size``; an empty input is refused."""
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise InvalidRequestError(f"batch_size must be a positive integer, got {size!r}")
    if isinstance(rows, (str, bytes, Mapping)):
        raise InvalidRequestError("rows must be a list of rows (dicts or models)")
    listed = list(rows)
    if not listed:
        raise InvalidRequestError("rows is empty: nothing to import")
    return [listed[i : i + size] for i in range(0, len(listed), size)]


def row_results(answer: Any, offset: int, count: int) -> list[BulkRowResult] | None:
    """The per-row results of one batch's answer, indexed into the whole input.

    Accepts ``{ids: [...]}`` (one id per row, in order) and the conventions' per-row
    ``[{index, status, id?, error?}]`` (bare, or under ``results``/``rows``/``data``);
    ``None`` when the answer is neither.
    """
    from ._models.common import BulkRowResult, BulkRowStatus  # the models load on first use

    if isinstance(answer, Mapping) and isinstance(answer.get("ids"), list):
        ids = answer["ids"]
        if len(ids) != count or not all(isinstance(i, str) for i in ids):
            return None
        return [
            BulkRowResult(index=offset + n, status=BulkRowStatus.CREATED, id=row_id)
            for n, row_id in enumerate(ids)
        ]
    listed = answer
    if isinstance(answer, Mapping):
        listed = next(
            (answer[k] for k in ("results", "rows", "data") if isinstance(answer.get(k), list)),
            None,
        )
    if not isinstance(listed, list) or not all(isinstance(r, Mapping) for r in listed):
        return None
    results: list[BulkRowResult] = []
    for n, row in enumerate(listed):
        index = row.get("index", n)
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < count:
            return None
        status = row.get("status")
        if not isinstance(status, str):
            status = BulkRowStatus.ERROR if row.get("error") else BulkRowStatus.CREATED
        results.append(
            BulkRowResult(
                index=offset + index, status=status, id=row.get("id"), error=row.get("error")
            )
        )
    return results


def failed_rows(exc: APIError, offset: int, count: int) -> list[BulkRowResult]:
    """Every row of a batch the API refused as a whole (or whose outcome is unknown)."""
    from ._models.common import BulkRowResult, BulkRowStatus  # the models load on first use

    if isinstance(exc, APIStatusError):
        status: BulkRowStatus | str = BulkRowStatus.ERROR
        error: Any = {"code": exc.code, "message": exc.error_message or str(exc)}
    else:
        status = BulkRowStatus.UNKNOWN
        error = {"code": None, "message": str(exc)}
    return [BulkRowResult(index=offset + n, status=status, error=error) for n in range(count)]
