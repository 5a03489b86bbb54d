"""Celery tasks: a fleet of workers reads one ONESCP change feed and pushes to ONe.

Two tasks:

* ``fleet.sync_onescp_orders`` reads the ONESCP order change feed from where the fleet left
  off (a `SQLCheckpoint` every worker shares) and queues one ONe push per page of changes;
* ``fleet.push_stock`` pushes stock rows to ONe (idempotent: each row carries the current
  quantity), and retries later only the rows of chunks that failed for a passing reason.

The mapping (each line of a changed purchase order becomes a stock row of the ``INBOUND``
warehouse with the quantity the order brings) stands in for whatever your ERP computes; the
point is how the SDK behaves inside a task engine.

Run it (from this folder; needs ``pip install 'celery[redis]' 'supplychain-sdk[sql]'`` for a
PostgreSQL checkpoint, or nothing more than Celery for a SQLite one)::

    celery -A celery_tasks worker --concurrency 4      # as many workers and machines as you like
    celery -A celery_tasks beat                        # queues the feed every minute

Settings come from the environment: the broker's when this module is imported (Celery
needs it then), the others when a task runs:

    CELERY_BROKER_URL       the broker (default redis://127.0.0.1:6379/0); results go there too
    FLEET_CHECKPOINTS       the shared checkpoint database: sqlite:///fleet.db for the workers
                            of one machine, a SQLAlchemy URL (postgresql+psycopg://...) for many
    ONESCP_BASE_URL, ONESCP_API_KEY      the ONESCP API
    ONE_PLATFORM_BASE_URL, ONE_PLATFORM_TOKEN      the ONe API
    ONE_WAREHOUSE           the ONe warehouse the stock rows go to (default INBOUND)

The rules it follows (see docs/cookbook/fleet.md):

1. Clients are made inside the task and closed there (``with OneScp(...) as client``), never
   at import time: a prefork worker imports this module once and forks; a client made then
   would share its open connections with every child.
2. Task arguments and results are plain JSON (ids, rows, counts), never clients or models.
3. Overlapping runs of the feed are harmless: the later one to save finds the checkpoint
   moved, stops with `CheckpointConflictError` and reports that it skipped.
4. Handling is idempotent: a change is delivered at least once (a run that stops mid-page
   handles that page again), so a push may be queued twice, with the same rows.
5. The rows of a page go out in one push, queued just before the position moves past the
   page: two changes to one product within a page cannot be applied out of order by two
   worker processes (the later change's row replaces the earlier's before queuing). Pushes of
   different pages, and a push retried later, can still land out of order; where that
   matters, route ``fleet.push_stock`` to a queue one worker process serves with retries
   that do not reorder, or have the push read the current level when it runs.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

from celery import Celery

from supplychain_sdk import (
    APIConnectionError,
    CheckpointConflictError,
    InternalServerError,
    RateLimitError,
    SQLCheckpoint,
)
from supplychain_sdk.one_platform import OnePlatform
from supplychain_sdk.onescp import Created, OneScp, Order, Updated

app = Celery("supplychain_fleet")
app.conf.update(
    broker_url=os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0"),
    result_backend=os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0"),
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    # a task is acknowledged once it finished: a worker that dies mid-task leaves it queued
    task_acks_late=True,
    worker_prefetch_multiplier=1,
    broker_connection_retry_on_startup=True,
    beat_schedule={
        "onescp-orders-every-minute": {"task": "fleet.sync_onescp_orders", "schedule": 60.0}
    },
)

FEED_KEY = "onescp-orders"
log = logging.getLogger("fleet")


# -- the work, as plain functions (a task is a thin wrapper) ----------------------------------


def stock_rows(order: Order) -> list[dict[str, Any]]:
    """The ONe stock rows of one order: its lines' item numbers and quantities, as JSON."""
    totals: dict[str, float] = {}
    for line in order.order_lines or []:
        if line.item is not None and line.item.number and line.quantity is not None:
            totals[line.item.number] = totals.get(line.item.number, 0) + line.quantity
    return [{"product_code": code, "quantity": quantity} for code, quantity in totals.items()]


class PagePushes:
    """The shared checkpoint, queuing a page's stock rows as one push before the position moves.

    The feed saves its position once a page was fully handled, through ``save``: queuing the
    page's rows first means a saved position never runs ahead of the pushes it covers.
    """

    def __init__(
        self,
        checkpoint: SQLCheckpoint,
        warehouse: str,
        push: Callable[[str, list[dict[str, Any]]], Any],
    ) -> None:
        self.checkpoint = checkpoint
        self.warehouse = warehouse
        self.push = push
        self.rows: dict[str, dict[str, Any]] = {}  # by product code, in feed order
        self.queued: list[str] = []

    def add(self, rows: list[dict[str, Any]]) -> None:
        """Add an order's rows; a later order's row for a product replaces the earlier one."""
        for row in rows:
            self.rows[row["product_code"]] = row

    def flush(self) -> None:
        """Queue the rows gathered so far as one push (nothing when there are none)."""
        if self.rows:
            self.queued.append(str(self.push(self.warehouse, list(self.rows.values())).id))
            self.rows = {}

    def load(self) -> str | None:
        return self.checkpoint.load()

    def save(self, position: str) -> None:
        self.flush()
        self.checkpoint.save(position)


def sync_orders(push: Callable[[str, list[dict[str, Any]]], Any]) -> dict[str, Any]:
    """Read the order feed from the shared checkpoint; ``push(warehouse, rows)`` per page.

    Returns what the run did, as JSON, with the ids of the push tasks it queued (``push``
    returns a Celery ``AsyncResult``), so a caller can wait for them. ``push`` queues a task,
    so it returns at once; the position is saved only after the page's rows were handed to
    it.
    """
    warehouse = os.environ.get("ONE_WAREHOUSE", "INBOUND")
    checkpoint = SQLCheckpoint(os.environ["FLEET_CHECKPOINTS"], key=FEED_KEY)
    changes = 0
    with (
        checkpoint,
        OneScp(
            api_key=os.environ["ONESCP_API_KEY"], base_url=os.environ["ONESCP_BASE_URL"]
        ) as client,
    ):
        pages = PagePushes(checkpoint, warehouse, push)
        feed = client.orders.changes(checkpoint=pages, page_size=100)
        try:
            for change in feed:
                changes += 1
                if isinstance(change, Created | Updated):
                    pages.add(stock_rows(change.record))
        except CheckpointConflictError as exc:
            # Another worker ran the feed at the same time and saved first: it owns the
            # position now. What this run queued is queued again by it (pushes are idempotent).
            return {"skipped": True, "reason": str(exc), "changes": changes, "pushes": pages.queued}
        pages.flush()  # rows of a last page whose position the feed had no reason to save
        return {
            "skipped": False,
            "changes": changes,
            "pushes": pages.queued,
            "complete": feed.complete,
            "position": checkpoint.load(),
        }


def push_stock(warehouse: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Push ``rows`` to ONe; returns the counts, and the rows of the chunks that failed.

    ``retry_rows`` failed for a passing reason (no connection, 429, 5xx after the SDK's own
    retries): worth sending again later. ``refused_rows`` were refused (4xx, invalid rows):
    sending them again changes nothing, they need a person.
    """
    with OnePlatform(
        os.environ["ONE_PLATFORM_BASE_URL"], token=os.environ["ONE_PLATFORM_TOKEN"]
    ) as client:
        # idempotent=True: a stock row carries the current quantity, so a chunk whose answer
        # was lost may be sent again
        report = client.stocks.push_incremental(warehouse, rows, idempotent=True)
    retry_rows: list[dict[str, Any]] = []
    refused_rows: list[dict[str, Any]] = []
    for chunk in report.failed_chunks:
        passing = isinstance(chunk.error, APIConnectionError | RateLimitError | InternalServerError)
        (retry_rows if passing else refused_rows).extend(rows[i] for i in chunk.rows)
    return {
        "warehouse": warehouse,
        "accepted": report.accepted,
        "retry_rows": retry_rows,
        "refused_rows": refused_rows,
    }


# -- the tasks --------------------------------------------------------------------------------


@app.task(name="fleet.sync_onescp_orders")
def sync_onescp_orders() -> dict[str, Any]:
    """Read the ONESCP order feed; queue one ONe stock push per page of changes."""
    return sync_orders(lambda warehouse, rows: push_stock_task.delay(warehouse, rows))


@app.task(name="fleet.push_stock", bind=True, max_retries=5)
def push_stock_task(self: Any, warehouse: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Push stock rows to ONe; rows that failed for a passing reason are retried later, alone.

    The result (with any ``refused_rows``) stays in the result backend for a person to see.
    """
    result = push_stock(warehouse, rows)
    if result["refused_rows"]:
        log.warning(
            "ONe refused %d stock rows of %s: %s",
            len(result["refused_rows"]),
            warehouse,
            result["refused_rows"],
        )
    if result["retry_rows"]:
        raise self.retry(args=(warehouse, result["retry_rows"]), countdown=30)
    return result
