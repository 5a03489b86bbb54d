"""``examples/celery_tasks.py``: the ONESCP change feed on a shared SQL checkpoint and ONe
stock pushes as Celery tasks, against sandboxes served on loopback ports.

The tasks' work runs here on a stand-in for Celery's task API (calling a task, ``delay``,
``self.retry``), so it is tested on every machine. With ``celery`` and ``redis`` installed
and a ``redis-server`` binary (``scripts/ci_services.sh``), a real prefork worker runs the
example end to end; otherwise that test is skipped, saying what is missing.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import subprocess
import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from supplychain_sdk import SQLCheckpoint
from supplychain_sdk.one_platform import OnePlatform
from supplychain_sdk.sandbox.one_platform import OnePlatformSandbox
from supplychain_sdk.sandbox.onescp import OneScpSandbox
from tests.fleet.services import redis_server
from tests.onescp.test_erp import erp_order

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
STOCKS = "/warehouses/INBOUND/stocks/incremental"


# -- a stand-in for the part of Celery the example uses ----------------------------------------


class Retry(Exception):
    """What ``raise self.retry(...)`` raises (Celery: ``celery.exceptions.Retry``)."""

    def __init__(self, args: tuple[Any, ...], countdown: float) -> None:
        super().__init__("retry")
        self.task_args = args
        self.countdown = countdown


class StandInTask:
    """A task: call it to run it here; ``delay`` queues its (JSON) arguments."""

    def __init__(self, app: StandInCelery, function: Any, options: dict[str, Any]) -> None:
        self.app, self.function, self.options = app, function, options
        self.name = options["name"]

    def __call__(self, *args: Any) -> Any:
        if self.options.get("bind"):
            return self.function(self, *args)
        return self.function(*args)

    def delay(self, *args: Any) -> Any:
        queued = json.loads(json.dumps(args))  # Celery's JSON serializer
        self.app.queue.append((self.name, queued))
        return types.SimpleNamespace(id=f"{self.name}#{len(self.app.queue)}")

    def retry(self, *, args: tuple[Any, ...], countdown: float) -> Retry:
        return Retry(args, countdown)


class StandInCelery:
    def __init__(self, main: str) -> None:
        self.main = main
        self.conf: dict[str, Any] = {}
        self.queue: list[tuple[str, list[Any]]] = []
        self.tasks: dict[str, StandInTask] = {}

    def task(self, **options: Any) -> Any:
        def register(function: Any) -> StandInTask:
            task = StandInTask(self, function, options)
            self.tasks[task.name] = task
            return task

        return register

    def run_queued(self) -> list[Any]:
        """What the workers do: run every queued task, in order."""
        done = []
        while self.queue:
            name, args = self.queue.pop(0)
            done.append(self.tasks[name](*args))
        return done


def load_example(celery: Any, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / "celery_tasks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    saved = sys.modules.get("celery")
    sys.modules["celery"] = celery
    try:
        spec.loader.exec_module(module)
    finally:
        if saved is None:
            sys.modules.pop("celery")
        else:
            sys.modules["celery"] = saved
    return module


# -- the fleet: two sandboxes on loopback ports, settings in the environment -------------------


@dataclass
class Fleet:
    onescp: OneScpSandbox
    one: OnePlatformSandbox
    env: dict[str, str]

    def checkpoint(self, worker: str) -> SQLCheckpoint:
        return SQLCheckpoint(self.env["FLEET_CHECKPOINTS"], key="onescp-orders", worker=worker)


@pytest.fixture
def fleet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Fleet]:
    onescp, one = OneScpSandbox(), OnePlatformSandbox()
    with one.client() as client:
        client.warehouses.create(code="INBOUND", name="Inbound goods")
    with onescp.client() as client:
        client.orders.upsert_from_erp([erp_order(1), erp_order(2)])
    with onescp.serve() as onescp_url, one.serve() as one_url:
        env = {
            "FLEET_CHECKPOINTS": f"sqlite:///{tmp_path / 'fleet.db'}",
            "ONESCP_BASE_URL": onescp_url,
            "ONESCP_API_KEY": OneScpSandbox.DEFAULT_API_KEY,
            "ONE_PLATFORM_BASE_URL": one_url,
            "ONE_PLATFORM_TOKEN": OnePlatformSandbox.TOKEN,
        }
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        yield Fleet(onescp, one, env)


def stock(fleet: Fleet) -> dict[str, float]:
    return {code: row["quantity"] for code, row in fleet.one.stocks.get("INBOUND", {}).items()}


def test_the_feed_queues_pushes_and_the_pushes_reach_one(fleet: Fleet) -> None:
    app = StandInCelery("stand-in")
    example = load_example(types.SimpleNamespace(Celery=lambda main: app), "celery_tasks_run")
    assert app.conf["task_serializer"] == "json"
    assert app.conf["task_acks_late"] is True
    assert sorted(app.tasks) == ["fleet.push_stock", "fleet.sync_onescp_orders"]

    first = example.sync_onescp_orders()
    assert first["skipped"] is False
    assert first["complete"] is True
    assert first["changes"] == 3  # the seeded order and the two from the ERP
    assert first["pushes"] == ["fleet.push_stock#1"]  # one page, one push
    assert first["position"] == fleet.checkpoint("check").load()
    # the page's rows in feed order; the later order's MAT-1 (3.0) replaced the earlier (2.0)
    assert [args for _, args in app.queue] == [
        [
            "INBOUND",
            [
                {"product_code": "ITEM-001", "quantity": 10.0},
                {"product_code": "MAT-1", "quantity": 3.0},
            ],
        ],
    ]
    results = app.run_queued()
    assert [(r["accepted"], r["retry_rows"], r["refused_rows"]) for r in results] == [(2, [], [])]
    assert stock(fleet) == {"ITEM-001": 10.0, "MAT-1": 3.0}

    with fleet.onescp.client() as client:
        client.orders.upsert_from_erp(
            [erp_order(3, lines=[{"position": "10", "item": {"number": "MAT-9"}, "quantity": 7}])]
        )
    second = example.sync_onescp_orders()
    assert (second["skipped"], second["pushes"]) == (False, ["fleet.push_stock#1"])
    assert second["position"] >= first["position"]
    app.run_queued()
    assert stock(fleet) == {"ITEM-001": 10.0, "MAT-1": 3.0, "MAT-9": 7.0}


def test_an_overlapping_run_stops_at_the_conflict(fleet: Fleet) -> None:
    example = load_example(
        types.SimpleNamespace(Celery=lambda main: StandInCelery(main)), "celery_tasks_overlap"
    )
    other = fleet.checkpoint("worker-2")
    queued: list[Any] = []

    def push(warehouse: str, rows: list[dict[str, Any]]) -> Any:
        if not queued:  # meanwhile another worker finished the same run and saved
            other.advance(None, "2099-01-01T00:00:00.000Z")
        queued.append(rows)
        return types.SimpleNamespace(id=f"push-{len(queued)}")

    result = example.sync_orders(push)
    assert result["skipped"] is True
    # the page's rows were queued before the save found the position moved (the other run
    # queues them too)
    assert queued == [
        [{"product_code": "ITEM-001", "quantity": 10.0}, {"product_code": "MAT-1", "quantity": 3.0}]
    ]
    assert result["pushes"] == ["push-1"]
    assert "moved by worker-2 to '2099-01-01T00:00:00.000Z'" in result["reason"]
    assert other.load() == "2099-01-01T00:00:00.000Z"  # the other worker's position stands


def test_each_page_is_queued_as_one_push_before_its_position_is_saved(fleet: Fleet) -> None:
    example = load_example(
        types.SimpleNamespace(Celery=lambda main: StandInCelery(main)), "celery_tasks_pages"
    )
    with fleet.onescp.client() as client:  # 2 + 148 orders: two pages of 100 changes
        client.orders.upsert_from_erp([erp_order(n) for n in range(3, 151)])
    watcher = fleet.checkpoint("watcher")
    pushed: list[tuple[str | None, list[dict[str, Any]]]] = []

    def push(warehouse: str, rows: list[dict[str, Any]]) -> Any:
        pushed.append((watcher.load(), rows))  # the position stored when the push is queued
        return types.SimpleNamespace(id=f"push-{len(pushed)}")

    result = example.sync_orders(push)
    assert (result["skipped"], result["changes"], result["complete"]) == (False, 151, True)
    assert result["pushes"] == ["push-1", "push-2"]
    (before_first, first), (before_second, second) = pushed
    assert before_first is None  # nothing saved before the first page's push
    assert before_second is not None  # the first page's position, saved after its push
    assert before_second != result["position"]  # the second page's saved after its push
    # every order's MAT-1 line brings n + 1; a page's push carries its last change's row
    assert first == [
        {"product_code": "ITEM-001", "quantity": 10.0},
        {"product_code": "MAT-1", "quantity": 100.0},
    ]
    assert second == [{"product_code": "MAT-1", "quantity": 151.0}]


def test_failed_rows_are_retried_only_for_passing_failures(
    fleet: Fleet, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = StandInCelery("stand-in")
    example = load_example(types.SimpleNamespace(Celery=lambda main: app), "celery_tasks_retry")
    # no retries inside the SDK here, so the 503 reaches the task at once
    monkeypatch.setattr(example, "OnePlatform", functools.partial(OnePlatform, max_retries=0))
    rows = [{"product_code": "MAT-1", "quantity": 4}]
    fleet.one.faults.statuses([503], path=STOCKS)
    with pytest.raises(Retry) as caught:
        example.push_stock_task("INBOUND", rows)
    assert (caught.value.task_args, caught.value.countdown) == (("INBOUND", rows), 30)
    assert stock(fleet) == {}
    assert example.push_stock_task(*caught.value.task_args)["accepted"] == 1  # the retry
    assert stock(fleet) == {"MAT-1": 4}

    fleet.one.faults.statuses([422], path=STOCKS)
    refused = example.push_stock_task("INBOUND", [{"product_code": "MAT-2", "quantity": 1}])
    assert refused == {
        "warehouse": "INBOUND",
        "accepted": 0,
        "retry_rows": [],
        "refused_rows": [{"product_code": "MAT-2", "quantity": 1}],
    }


# -- a real Celery worker (prefork) on a real Redis --------------------------------------------


@pytest.mark.skipif(
    importlib.util.find_spec("redis") is None,
    reason="the redis client is not installed (pip install 'celery[redis]')",
)
@pytest.mark.skipif(
    importlib.util.find_spec("celery") is None,
    reason="celery is not installed (pip install 'celery[redis]')",
)
# Celery's own deprecation notices (some are UserWarnings) are not this test's business
@pytest.mark.filterwarnings(
    "ignore::DeprecationWarning", "ignore::PendingDeprecationWarning", "ignore::UserWarning"
)
def test_a_real_celery_worker_runs_the_example(fleet: Fleet, tmp_path: Path) -> None:
    with redis_server() as broker:
        env = {**os.environ, **fleet.env, "CELERY_BROKER_URL": broker}
        env["PYTHONPATH"] = os.pathsep.join([str(EXAMPLES), env.get("PYTHONPATH", "")])
        log = (tmp_path / "worker.log").open("w")
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "celery_tasks", "worker", "--pool",
             "prefork", "--concurrency", "2", "--loglevel", "WARNING", "--without-gossip",
             "--without-mingle", "--without-heartbeat", "--hostname", f"fleet{os.getpid()}@%h"],
            cwd=EXAMPLES, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            os.environ["CELERY_BROKER_URL"] = broker
            import celery

            example = load_example(celery, "celery_tasks_real")
            result = example.sync_onescp_orders.delay().get(timeout=60)
            assert result["skipped"] is False, (tmp_path / "worker.log").read_text()
            assert (result["skipped"], result["changes"], len(result["pushes"])) == (False, 3, 1)
            pushed = example.app.AsyncResult(result["pushes"][0]).get(timeout=60)
            assert (pushed["accepted"], pushed["retry_rows"]) == (2, [])
            assert stock(fleet) == {"ITEM-001": 10.0, "MAT-1": 3.0}

            line = {"position": "1", "item": {"number": "M-4"}, "quantity": 4}
            with fleet.onescp.client() as client:
                client.orders.upsert_from_erp([erp_order(4, lines=[line])])
            # two runs at once: both finish; the position and the stock come out right
            runs = [example.sync_onescp_orders.delay() for _ in range(2)]
            outcomes = [run.get(timeout=60) for run in runs]
            assert not all(outcome["skipped"] for outcome in outcomes)
            for outcome in outcomes:
                for task_id in outcome["pushes"]:
                    example.app.AsyncResult(task_id).get(timeout=60)
            assert stock(fleet) == {"ITEM-001": 10.0, "MAT-1": 3.0, "M-4": 4.0}
            assert fleet.checkpoint("check").load() is not None
        finally:
            os.environ.pop("CELERY_BROKER_URL", None)
            worker.terminate()
            worker.wait(timeout=30)
            log.close()
