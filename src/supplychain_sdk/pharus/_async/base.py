"""The base of every Pharus resource: the bulk-import composite, written once."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..._core._async.client import AsyncAPIResource
from ..._core.errors import APIConnectionError, APIStatusError, ResponseDecodeError
from ..._core.operations import Operation
from ..._core.progress import Progress, load_bar
from .._bulk import DEFAULT_BATCH_SIZE, batches, failed_rows, row_results

if TYPE_CHECKING:
    from ..._core.models import APIModel
    from .._models.common import BulkImportReport

__all__ = ["AsyncPharusResource"]


class AsyncPharusResource(AsyncAPIResource):
    """A group of Pharus operations; the methods are thin calls of the route table's rows."""

    async def _bulk_import(
        self,
        op: Operation[Any],
        rows: Iterable[Mapping[str, Any] | APIModel],
        batch_size: int = DEFAULT_BATCH_SIZE,
        *,
        progress: bool = False,
        on_batch: Callable[[BulkImportReport], object] | None = None,
    ) -> BulkImportReport:
        """Send ``rows`` in batches of ``batch_size``; one report row per input row.

        Every row is checked before the first request (all problems at once, paths like
        ``rows.3.name``). A batch the API refuses as a whole puts each of its rows in the
        report as ``error``; a batch lost in transit as ``unknown`` (a POST is not retried:
        it may have been applied). The other batches still go. ``progress`` shows a bar of
        the rows answered; ``on_batch`` gets each batch's own report.
        """
        from .._models.common import BulkImportReport  # the models load on first use

        chunks = batches(rows, batch_size)
        op.json_body({"rows": [row for chunk in chunks for row in chunk]})  # check all first
        report = BulkImportReport()
        tracker: Progress[BulkImportReport] | None = None
        if progress or on_batch is not None:
            tracker = Progress(
                bar=load_bar() if progress else None,
                callback=on_batch,
                unit="row",
                description=op.name,
                total=sum(len(chunk) for chunk in chunks),
            )
        offset = 0
        for chunk in chunks:
            done = len(report.rows)
            try:
                raw, answer = await self._client.run_with_response(op, body={"rows": chunk})
            except (APIStatusError, APIConnectionError) as exc:
                report.rows.extend(failed_rows(exc, offset, len(chunk)))
            else:
                results = row_results(answer, offset, len(chunk))
                if results is None:
                    raise ResponseDecodeError(
                        method=op.method,
                        url=raw.url,
                        status_code=raw.status_code,
                        reason="a bulk-import answer with neither per-row results nor "
                        "one id per row; the rows may have been imported",
                    )
                report.rows.extend(results)
            offset += len(chunk)
            if tracker is not None:
                tracker.advance(len(chunk), BulkImportReport(rows=report.rows[done:]))
        if tracker is not None:
            tracker.close()
        return report
