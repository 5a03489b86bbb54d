"""SCHEDULE: the document's cadence for every flow, as data."""

from __future__ import annotations

import pytest

from supplychain_sdk.one_platform import SCHEDULE, Direction, OnePlatform, ScheduledFlow, flow
from tests.routes import public_methods


def test_every_flow_is_a_public_method_and_every_flow_method_is_scheduled() -> None:
    methods = {name.removeprefix("client.") for name in public_methods(OnePlatform)}
    flows = [entry.flow for entry in SCHEDULE]
    assert len(flows) == len(set(flows)) == 18
    assert set(flows) <= methods
    steps = {
        "invoices.begin_upload",
        "invoices.complete_upload",
        "goods_issued_notes.initialize_upload",
        "goods_issued_notes.finalize_upload",
    }
    core = {"request", "paginate", "run", "run_with_response", "page", "route"}
    core |= {"with_options", "close"}
    assert methods - set(flows) == steps | core


@pytest.mark.parametrize(
    ("name", "cron", "second", "six_fields", "direction"),
    [
        ("stocks.push_incremental", "*/2 * * * *", 0, "0 */2 * * * *", Direction.ERP_TO_ONE),
        ("clients.create", "*/10 * * * *", 0, "0 */10 * * * *", Direction.ERP_TO_ONE),
        ("clients.update", "*/10 * * * *", 50, "50 */10 * * * *", Direction.ERP_TO_ONE),
        ("clients.retrieve", "*/2 * * * *", 0, "0 */2 * * * *", Direction.ONE_TO_ERP),
        ("prices.push_retail", "5-59/10 * * * *", 0, "0 5-59/10 * * * *", Direction.ERP_TO_ONE),
        ("prices.push_b2b", "15 0 * * *", 0, "0 15 0 * * *", Direction.ERP_TO_ONE),
        ("invoices.create", "*/30 8-20 * * *", 0, "0 */30 8-20 * * *", Direction.ERP_TO_ONE),
        ("invoices.push_statuses", "5,35 8-20 * * *", 0, "0 5,35 8-20 * * *", Direction.ERP_TO_ONE),
        ("orders.pending_shipments", "* * * * *", 0, "0 * * * * *", Direction.ONE_TO_ERP),
        ("orders.push_status", "*/10 * * * *", 40, "40 */10 * * * *", Direction.ERP_TO_ONE),
        ("offline_orders.create", "* * * * *", 0, "0 * * * * *", Direction.ERP_TO_ONE),
    ],
)
def test_the_document_cadences(
    name: str, cron: str, second: int, six_fields: str, direction: Direction
) -> None:
    entry = flow(name)
    assert (entry.cron, entry.second, entry.cron_with_seconds, entry.direction) == (
        cron,
        second,
        six_fields,
        direction,
    )


def test_untimed_flows_say_what_they_go_with() -> None:
    untimed = {e.flow: (e.after, e.note) for e in SCHEDULE if e.cron is None}
    assert untimed == {
        "segments.put": ("clients.create", "sent to ONe with Client"),
        "warehouses.create": (None, "once on initial import"),
        "trade_credits.put": ("clients.create", "sent to ONe with Client"),
        "client_blockades.put": ("clients.create", "sent to ONe with Client"),
    }
    assert flow("segments.put").trigger_fields() is None
    assert flow("segments.put").cron_with_seconds is None


def test_trigger_fields_name_every_cron_field() -> None:
    assert flow("orders.push_status").trigger_fields() == {
        "second": "40",
        "minute": "*/10",
        "hour": "*",
        "day": "*",
        "month": "*",
        "day_of_week": "*",
    }


def test_optional_flows_are_marked_and_unknown_flows_raise() -> None:
    assert {e.flow for e in SCHEDULE if e.optional} == {
        "segments.put",
        "warehouses.create",
        "trade_credits.put",
        "invoices.push_statuses",
        "offline_orders.create",
    }
    with pytest.raises(KeyError, match=r"no ONe flow named 'stocks\.pull'"):
        flow("stocks.pull")
    assert isinstance(SCHEDULE[0], ScheduledFlow)
