"""Change feeds (the /sync endpoints): typed changes, paging while hasMore, checkpoints, crash
and resume, answers of the wrong shape."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from supplychain_sdk import InvalidRequestError, ResponseDecodeError
from supplychain_sdk.onescp import (
    Checkpoint,
    Created,
    Deleted,
    FileCheckpoint,
    Item,
    MemoryCheckpoint,
    Order,
    Shipment,
    Task,
    Updated,
)
from supplychain_sdk.sandbox import Fault
from supplychain_sdk.sandbox.onescp import OneScpSandbox
from tests.conftest import Mode
from tests.onescp.conftest import ITEM, ORDER, SHIPMENT, TASK, Clock, last

EPOCH = "1970-01-01T00:00:00Z"


class Crash(Exception):
    """Stands for the process dying while it handles a change."""


async def consume(mode: Mode, sync: Any, *, crash_after: int | None = None) -> list[Any]:
    """Handle changes one by one; raise `Crash` after handling ``crash_after`` of them."""
    seen: list[Any] = []

    def handle(change: Any) -> None:
        seen.append(change)
        if crash_after is not None and len(seen) == crash_after:
            raise Crash

    try:
        if mode.is_async:
            async for change in sync:
                handle(change)
        else:
            for change in sync:
                handle(change)
    except Crash:
        pass
    return seen


def key(change: Any) -> tuple[str, str]:
    return (change.kind, change.id)


async def add_orders(client: Any, mode: Mode, count: int) -> list[str]:
    ids = []
    for n in range(count):
        order = await mode(client.orders.create(supplier={"name": f"S{n}"}))
        ids.append(order.id)
    return ids


async def test_initial_full_sync_typed_changes(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    sync = client.orders.changes()
    assert sandbox.requests == []  # lazy
    changes = await mode.collect(sync)
    assert len(changes) == 1
    change = changes[0]
    assert isinstance(change, Created)
    assert isinstance(change.record, Order)
    assert (change.kind, change.id, change.record.purchase_order_number) == (
        "created",
        ORDER,
        "PO-2024-001",
    )
    request = last(sandbox)
    assert (request.method, request.path, request.query) == (
        "GET",
        "/api/purchase-order/sync",
        (("page", "1"), ("limit", "100")),
    )
    assert sync.complete
    assert sync.last_sync_timestamp == sandbox._iso(sandbox._last_ms)


@pytest.mark.parametrize(
    ("resource", "path", "record_id", "model"),
    [
        ("shipments", "/api/shipment/sync", SHIPMENT, Shipment),
        ("items", "/api/items/sync", ITEM, Item),
        ("tasks", "/api/task/sync", TASK, Task),
    ],
)
async def test_every_entity_syncs(
    mode: Mode,
    sandbox: OneScpSandbox,
    client: Any,
    resource: str,
    path: str,
    record_id: str,
    model: type,
) -> None:
    changes = await mode.collect(getattr(client, resource).changes(since=EPOCH, page_size=500))
    assert [(c.kind, c.id, type(c.record)) for c in changes] == [("created", record_id, model)]
    assert last(sandbox).path == path
    assert last(sandbox).query == (("since", EPOCH), ("page", "1"), ("limit", "500"))


async def test_incremental_created_updated_deleted(
    mode: Mode, sandbox: OneScpSandbox, client: Any, clock: Clock
) -> None:
    first = client.orders.changes()
    await mode.collect(first)
    since = first.last_sync_timestamp
    clock.advance(1)
    (new_id,) = await add_orders(client, mode, 1)
    await mode(client.orders.update(ORDER, notes="changed"))
    (gone,) = await add_orders(client, mode, 1)
    await mode(client.orders.delete(gone))
    sandbox.requests.clear()
    changes = await mode.collect(client.orders.changes(since=since))
    assert [key(c) for c in changes] == [("created", new_id), ("updated", ORDER), ("deleted", gone)]
    assert isinstance(changes[1], Updated)
    assert changes[1].record.notes == "changed"
    deleted = changes[2]
    assert isinstance(deleted, Deleted)
    assert deleted.deleted_at == sandbox.orders[gone]["deletedAt"]
    assert last(sandbox).query == (("since", since), ("page", "1"), ("limit", "100"))


async def test_pages_while_has_more(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    ids = [ORDER, *await add_orders(client, mode, 4)]
    sandbox.requests.clear()
    sync = client.orders.changes(page_size=2)
    changes = await mode.collect(sync)
    assert [c.id for c in changes] == ids
    assert [r.query for r in sandbox.requests] == [
        (("page", "1"), ("limit", "2")),
        (("page", "2"), ("limit", "2")),
        (("page", "3"), ("limit", "2")),
    ]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"page_size": 501}, "page_size must be at most 500"),
        ({"page_size": 0}, "page_size must be a positive integer"),
        ({"since": "yesterday"}, "since must be an ISO 8601"),
        ({"since": dt.datetime(2025, 1, 1)}, "since must be a timezone-aware datetime"),
        ({"checkpoint": "orders.json"}, "checkpoint must have load\\(\\) and save"),
    ],
)
async def test_bad_arguments(
    mode: Mode, sandbox: OneScpSandbox, client: Any, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        client.orders.changes(**kwargs)
    assert sandbox.requests == []


async def test_since_forms(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    moment = dt.datetime(2025, 1, 25, 1, 2, 3, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    for since, sent in [
        (moment, "2025-01-25T00:02:03.000Z"),
        (dt.date(2025, 1, 25), "2025-01-25T00:00:00Z"),
        ("2025-01-25T00:00:00+00:00", "2025-01-25T00:00:00+00:00"),
    ]:
        await mode.collect(client.items.changes(since=since))
        assert last(sandbox).param("since") == sent


async def test_checkpoint_starts_empty_then_advances(
    mode: Mode, sandbox: OneScpSandbox, client: Any, tmp_path: Path, clock: Clock
) -> None:
    checkpoint = FileCheckpoint(tmp_path / "onescp-orders.json")
    assert isinstance(checkpoint, Checkpoint)
    sync = client.orders.changes(checkpoint=checkpoint, since=EPOCH)
    assert [c.id for c in await mode.collect(sync)] == [ORDER]
    stored = checkpoint.load()
    assert stored == sync.last_sync_timestamp
    assert json.loads((tmp_path / "onescp-orders.json").read_text()) == {
        "position": stored,
        "key": None,
    }
    assert await mode.collect(client.orders.changes(checkpoint=checkpoint)) == []
    assert last(sandbox).param("since") == stored  # since= only applies to an empty checkpoint
    clock.advance(5)
    await mode(client.orders.update(ORDER, notes="n"))
    again = await mode.collect(client.orders.changes(checkpoint=checkpoint, since=EPOCH))
    assert [key(c) for c in again] == [("updated", ORDER)]


async def test_crash_mid_page_resumes_that_page_and_skips_nothing(
    mode: Mode, sandbox: OneScpSandbox, client: Any, tmp_path: Path
) -> None:
    ids = [ORDER, *await add_orders(client, mode, 4)]  # five orders: pages of 2, 2, 1
    path = tmp_path / "onescp-orders.json"

    # Run 1 handles page 1 (two changes) and one change of page 2, then dies.
    seen = await consume(
        mode, client.orders.changes(checkpoint=FileCheckpoint(path), page_size=2), crash_after=3
    )
    assert [c.id for c in seen] == ids[:3]
    stored = json.loads(FileCheckpoint(path).load() or "")
    assert (stored["since"], stored["page"]) == (None, 2)  # page 1 done, page 2 not

    # Run 2 starts again at page 2: the change handled before the crash comes again.
    sandbox.requests.clear()
    resumed = client.orders.changes(checkpoint=FileCheckpoint(path), page_size=2)
    rest = await consume(mode, resumed)
    assert [c.id for c in rest] == ids[2:]
    assert [r.param("page") for r in sandbox.requests] == ["2", "3"]
    assert {c.id for c in seen} | {c.id for c in rest} == set(ids)  # nothing skipped
    assert resumed.complete
    # Finished: the stored position is the first page's lastSyncTimestamp of the run.
    assert FileCheckpoint(path).load() == stored["next"] == resumed.last_sync_timestamp


async def test_stopping_right_after_a_page_does_not_advance(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    await add_orders(client, mode, 3)
    checkpoint = MemoryCheckpoint()
    seen = await consume(
        mode, client.orders.changes(checkpoint=checkpoint, page_size=2), crash_after=2
    )
    assert len(seen) == 2
    assert checkpoint.position is None  # the consumer never asked for more: page 1 not done
    seen = await consume(
        mode, client.orders.changes(checkpoint=checkpoint, page_size=2), crash_after=3
    )
    assert checkpoint.position is not None
    assert json.loads(checkpoint.position)["page"] == 2


async def test_changes_during_an_interrupted_run_are_not_lost(
    mode: Mode, sandbox: OneScpSandbox, client: Any, clock: Clock
) -> None:
    """A record of an already-consumed page that changes before the run resumes comes next run."""
    await add_orders(client, mode, 3)
    checkpoint = MemoryCheckpoint()
    await consume(mode, client.orders.changes(checkpoint=checkpoint, page_size=2), crash_after=3)
    clock.advance(2)
    await mode(client.orders.update(ORDER, notes="edited while we were down"))  # page 1 record
    resumed = await consume(mode, client.orders.changes(checkpoint=checkpoint, page_size=2))
    assert ORDER not in [c.id for c in resumed]  # it stays on page 1, done before the crash
    # The next run starts at the first page's lastSyncTimestamp of the interrupted run, which
    # is before the edit, so the edit comes then.
    follow_up = await consume(mode, client.orders.changes(checkpoint=checkpoint))
    assert [key(c) for c in follow_up] == [("updated", ORDER)]


async def test_has_more_is_capped_by_the_total(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    body = {
        "success": True,
        "created": [{"_id": ORDER}],
        "updated": [],
        "deleted": [],
        "lastSyncTimestamp": "2025-01-01T00:00:00Z",
        "hasMore": True,
        "pagination": {"page": 1, "limit": 100, "total": 1},
    }
    sandbox.faults.add(Fault("status", status=200, body=body, times=None))
    changes = await mode.collect(client.orders.changes())
    assert [c.id for c in changes] == [ORDER]
    assert len(sandbox.requests) == 1


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"deleted": [{"deletedAt": "x"}]}, "('deleted', 0, '_id')"),
        ({"deleted": 5}, "('deleted',)"),
        ({"deleted": [5]}, "('deleted', 0)"),
        ({"created": "x"}, "('created',)"),
        ({"updated": {"_id": ORDER}}, "('updated',)"),
        ({"created": [5]}, "('created', 0)"),
        ({"hasMore": "perhaps"}, "('hasMore',)"),
        ({"pagination": []}, "('pagination',)"),
        ({"lastSyncTimestamp": 7}, "('lastSyncTimestamp',)"),
    ],
)
async def test_odd_answers_are_decode_errors_not_type_errors(
    mode: Mode, sandbox: OneScpSandbox, client: Any, body: dict[str, Any], where: str
) -> None:
    # regression: `deleted: 5` used to raise TypeError ('int' object is not iterable)
    sandbox.faults.add(Fault("status", status=200, body={"success": True, **body}))
    checkpoint = MemoryCheckpoint()
    with pytest.raises(ResponseDecodeError, match="unexpected shape") as caught:
        await mode.collect(client.orders.changes(checkpoint=checkpoint))
    assert where in str(caught.value)
    assert checkpoint.load() is None  # nothing was saved past an answer not understood


async def test_unreadable_positions(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    for stored in ('{"since": null, "page": 0}', '{"since": 5, "page": 1}', "{oops"):
        with pytest.raises(InvalidRequestError, match="change-feed position is not readable"):
            await mode.collect(client.orders.changes(checkpoint=MemoryCheckpoint(stored)))
    with pytest.raises(InvalidRequestError, match="since must be an ISO 8601 date"):
        await mode.collect(client.orders.changes(checkpoint=MemoryCheckpoint("[1]")))
    assert sandbox.requests == []


async def test_malformed_answers(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    checkpoint = MemoryCheckpoint('{"since": null, "page": 0}')
    with pytest.raises(InvalidRequestError, match="stored change-feed position is not readable"):
        await mode.collect(client.orders.changes(checkpoint=checkpoint))


async def test_task_sync_is_scoped_to_the_caller(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    await mode(
        client.tasks.create(ORDER, title="For Sam", assigned_to=OneScpSandbox.SUPPLIER_USER_ID)
    )
    mine = await mode.collect(client.tasks.changes())
    assert [c.id for c in mine] == [TASK]


def sync_page(ids: list[str], more: bool, page: int, **pagination: Any) -> dict[str, Any]:
    return {
        "success": True,
        "created": [{"_id": i} for i in ids],
        "lastSyncTimestamp": f"2025-01-01T00:00:0{page}Z",
        "hasMore": more,
        "pagination": {"page": page, **pagination},
    }


async def test_a_server_that_caps_the_page_size_is_paged_to_the_end(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    for page, (ids, more) in enumerate([(["a", "b"], True), (["c"], False)], start=1):
        body = sync_page(ids, more, page, limit=2, total=3)
        sandbox.faults.add(Fault("status", status=200, body=body))
    sync = client.orders.changes(page_size=500)
    assert [c.id for c in await mode.collect(sync)] == ["a", "b", "c"]
    assert [r.param("page") for r in sandbox.requests] == ["1", "2"]
    assert sync.last_sync_timestamp == "2025-01-01T00:00:01Z"  # the first page's


async def test_has_more_on_an_empty_page_fails_without_advancing(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    from supplychain_sdk import PaginationError

    sandbox.faults.add(Fault("status", status=200, body=sync_page(["a"], True, 1)))
    sandbox.faults.add(Fault("status", status=200, body=sync_page([], True, 2)))
    checkpoint = MemoryCheckpoint()
    with pytest.raises(PaginationError, match=r"hasMore but page 2 .* is empty"):
        await mode.collect(client.orders.changes(checkpoint=checkpoint))
    assert json.loads(checkpoint.position or "") == {
        "since": None,
        "page": 2,
        "next": "2025-01-01T00:00:01Z",
    }


async def test_a_change_in_the_same_millisecond_as_the_timestamp_is_not_lost(
    mode: Mode, sandbox: OneScpSandbox, client: Any, clock: Clock
) -> None:
    clock.advance(3)  # the seed was stamped earlier: the next timestamp is "now"
    first = client.orders.changes()
    await mode.collect(first)
    assert first.last_sync_timestamp == sandbox._iso(int(clock.now * 1000))
    await mode(client.orders.update(ORDER, notes="same millisecond"))  # the clock did not move
    changes = await mode.collect(client.orders.changes(since=first.last_sync_timestamp))
    assert [key(c) for c in changes] == [("updated", ORDER)]
