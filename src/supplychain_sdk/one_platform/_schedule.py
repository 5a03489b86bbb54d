"""The document's cadence for every flow, as data an ERP plugin can schedule.

``SCHEDULE`` holds one `ScheduledFlow` per flow, named like the client method that runs it
(``"stocks.push_incremental"``). ``cron`` is a standard five-field expression (minute, hour,
day of month, month, day of week) in the ERP's local time; ``second`` is the second of the
minute the document names (``clients.update`` at ``hh:m0:50``). Flows the document ties to
another one (segments, trade credits and blockades are "sent to ONe with Client") or runs
once (warehouses) have ``cron=None`` and say so in ``after``/``note``.
"""

from __future__ import annotations

import enum

import attrs

__all__ = ["SCHEDULE", "Direction", "ScheduledFlow", "flow"]


class Direction(str, enum.Enum):
    """Which way the data goes."""

    ERP_TO_ONE = "ERP -> ONe"
    ONE_TO_ERP = "ONe -> ERP"


@attrs.frozen(kw_only=True)
class ScheduledFlow:
    """One flow of the integration and when the document says to run it.

    Attributes:
        flow: the client method that runs it (``"prices.push_b2b"``).
        stage: the document's stage (``"I"``, ``"II"``, ``"III"``).
        direction: `Direction.ERP_TO_ONE` or `Direction.ONE_TO_ERP`.
        cron: five-field cron expression, or ``None`` when the flow is not timed itself.
        second: the second of the minute to start at (0 unless the document names one).
        note: the document's own words about the cadence.
        after: the flow this one goes with (``"clients.create"``), for untimed flows.
        optional: the document marks the flow optional.
    """

    flow: str
    stage: str
    direction: Direction
    cron: str | None
    second: int = 0
    note: str
    after: str | None = None
    optional: bool = False

    @property
    def cron_with_seconds(self) -> str | None:
        """The six-field form (second first), as Quartz-style and APScheduler-style
        schedulers take it: ``"50 */10 * * * *"``."""
        return None if self.cron is None else f"{self.second} {self.cron}"

    def trigger_fields(self) -> dict[str, str] | None:
        """The cron as named fields (``second``, ``minute``, ``hour``, ``day``, ``month``,
        ``day_of_week``): ``apscheduler.triggers.cron.CronTrigger(**flow.trigger_fields())``."""
        if self.cron is None:
            return None
        minute, hour, day, month, day_of_week = self.cron.split()
        return {
            "second": str(self.second),
            "minute": minute,
            "hour": hour,
            "day": day,
            "month": month,
            "day_of_week": day_of_week,
        }


_OUT, _IN = Direction.ERP_TO_ONE, Direction.ONE_TO_ERP
_WORKDAY = "*/30 8-20 * * *"

#: Every flow of the document with its cadence, in the document's order.
SCHEDULE: tuple[ScheduledFlow, ...] = (
    ScheduledFlow(
        flow="segments.put",
        stage="I",
        direction=_OUT,
        cron=None,
        note="sent to ONe with Client",
        after="clients.create",
        optional=True,
    ),
    ScheduledFlow(
        flow="warehouses.create",
        stage="I",
        direction=_OUT,
        cron=None,
        note="once on initial import",
        optional=True,
    ),
    ScheduledFlow(
        flow="stocks.push_incremental",
        stage="I",
        direction=_OUT,
        cron="*/2 * * * *",
        note="every 2 minutes",
    ),
    ScheduledFlow(
        flow="clients.create",
        stage="I",
        direction=_OUT,
        cron="*/10 * * * *",
        note="adding Client - every 10 minutes, every hour (e.g. 13:10:00, 13:20:00, 16:40)",
    ),
    ScheduledFlow(
        flow="clients.update",
        stage="I",
        direction=_OUT,
        cron="*/10 * * * *",
        second=50,
        note="update of Client - every 10 minutes, from 50 seconds, every hour "
        "(e.g. 13:00:50, 13:10:50, 17:30:50)",
    ),
    ScheduledFlow(
        flow="clients.retrieve",
        stage="I",
        direction=_IN,
        cron="*/2 * * * *",
        note="every 2 minutes (adding and update)",
    ),
    ScheduledFlow(
        flow="trade_credits.put",
        stage="I",
        direction=_OUT,
        cron=None,
        note="sent to ONe with Client",
        after="clients.create",
        optional=True,
    ),
    ScheduledFlow(
        flow="client_blockades.put",
        stage="I",
        direction=_OUT,
        cron=None,
        note="sent to ONe with Client",
        after="clients.create",
    ),
    ScheduledFlow(
        flow="prices.push_retail",
        stage="II",
        direction=_OUT,
        cron="5-59/10 * * * *",
        note="every 10 minutes (e.g. 8:35:00, 8:45:00, etc.)",
    ),
    ScheduledFlow(
        flow="prices.push_b2b",
        stage="II",
        direction=_OUT,
        cron="15 0 * * *",
        note="once a day, every day, 15 minutes after midnight",
    ),
    ScheduledFlow(
        flow="invoices.create",
        stage="III",
        direction=_OUT,
        cron=_WORKDAY,
        note="every 30 minutes, between 8-20 every day (e.g. 12:30, 13:00, 14:30)",
    ),
    ScheduledFlow(
        flow="invoices.upload_pdf",
        stage="III",
        direction=_OUT,
        cron=_WORKDAY,
        note="as the invoice content",
        after="invoices.create",
    ),
    ScheduledFlow(
        flow="invoices.push_statuses",
        stage="III",
        direction=_OUT,
        cron="5,35 8-20 * * *",
        note="every 30 minutes, in the 5th minute, between 8-20 every day (e.g. 8:35:00, 10:35:00)",
        optional=True,
    ),
    ScheduledFlow(
        flow="goods_issued_notes.create",
        stage="III",
        direction=_OUT,
        cron=_WORKDAY,
        note="every 30 minutes, between 8-20 every day (e.g. 12:30, 13:00, 14:30)",
    ),
    ScheduledFlow(
        flow="goods_issued_notes.upload_pdf",
        stage="III",
        direction=_OUT,
        cron=_WORKDAY,
        note="as the goods-issued note content",
        after="goods_issued_notes.create",
    ),
    ScheduledFlow(
        flow="orders.pending_shipments",
        stage="III",
        direction=_IN,
        cron="* * * * *",
        note="every one minute",
    ),
    ScheduledFlow(
        flow="orders.push_status",
        stage="III",
        direction=_OUT,
        cron="*/10 * * * *",
        second=40,
        note="at forty seconds, every ten minutes (e.g. 10:00:40, 10:10:40, 10:20:40)",
    ),
    ScheduledFlow(
        flow="offline_orders.create",
        stage="III",
        direction=_OUT,
        cron="* * * * *",
        note="every one minute",
        optional=True,
    ),
)


def flow(name: str) -> ScheduledFlow:
    """The `ScheduledFlow` of one flow by name (``KeyError`` for an unknown one)."""
    for entry in SCHEDULE:
        if entry.flow == name:
            return entry
    raise KeyError(f"no ONe flow named {name!r}; known: {', '.join(f.flow for f in SCHEDULE)}")
