"""Workers in separate processes race on one shared checkpoint: every compare-and-set either
moves the position exactly one step or fails with `CheckpointConflictError`; no advance is
lost or made twice. On SQLite (stdlib) always; on a PostgreSQL server the test starts, where
the machine has one."""

from __future__ import annotations

import dataclasses
import importlib
import multiprocessing
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from supplychain_sdk import CheckpointConflictError, SQLCheckpoint
from tests.fleet.psql_dbapi import DatabaseError, PsqlConnection
from tests.fleet.services import Postgres, postgres_server

WORKERS = 4
ADVANCES = 75  # per worker, free-running: 300 successful compare-and-sets in all
ROUNDS = 80  # in lockstep: 320 compare-and-sets, one success and three conflicts a round


def worker_context() -> Any:
    """Workers forked from a clean server process that has this module loaded (fast to
    start, and never a fork of pytest's own threads)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


@pytest.fixture
def db_dir(tmp_path: Path) -> Iterator[Path]:
    """A directory for SQLite files: in memory-backed /dev/shm where there is one (the races
    test atomicity, not the disk; an fsync there costs 0.5 ms instead of 30 ms)."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        with tempfile.TemporaryDirectory(dir=shm, prefix="fleet-") as where:
            yield Path(where)
    else:
        yield tmp_path


def sqlite_checkpoint(target: str, worker: str) -> SQLCheckpoint:
    return SQLCheckpoint(f"sqlite:///{target}", key="onescp-orders", worker=worker)


def psql_checkpoint(target: Postgres, worker: str) -> SQLCheckpoint:
    return SQLCheckpoint(
        lambda: PsqlConnection(target), key="onescp-orders", worker=worker, paramstyle="format"
    )


def race(
    make: Callable[[Any, str], SQLCheckpoint],
    target: Any,
    worker: str,
    advances: int,
    start: Any,
    results: Any,
) -> None:
    """One worker: read, then move the position one step; on a conflict read again."""
    checkpoint = make(target, worker)
    won: list[int] = []
    conflicts = 0
    start.wait()
    try:
        while len(won) < advances:
            position = checkpoint.load()
            assert position is not None
            try:
                if len(won) % 2:  # the change feed's way: load(), then save()
                    checkpoint.save(str(int(position) + 1))
                else:
                    checkpoint.advance(position, str(int(position) + 1))
            except CheckpointConflictError as exc:
                if exc.actual == exc.expected:
                    raise AssertionError(f"a conflict that is none: {exc}") from None
                conflicts += 1
                continue
            won.append(int(position))
        results.put((worker, won, conflicts, None))
    except BaseException as exc:
        results.put((worker, won, conflicts, repr(exc)))
    finally:
        checkpoint.close()


def run_workers(context: Any, target: Any, arguments: list[tuple[Any, ...]]) -> list[Any]:
    """Start one process per argument tuple, wait for all, and return what each put on the
    results queue (its last argument); a process that dies fails the test at once. (What each
    puts is small, so a child never waits for the parent to read it before it can exit.)"""
    results = arguments[0][-1]
    processes = [context.Process(target=target, args=args) for args in arguments]
    for process in processes:
        process.start()
    try:
        for process in processes:
            process.join(timeout=60)
            assert process.exitcode == 0, f"{process.name} ended with {process.exitcode}"
    finally:
        for process in processes:
            if process.is_alive():
                process.kill()
                process.join()
    return [results.get(timeout=10) for _ in processes]


def run_race(
    make: Callable[[Any, str], SQLCheckpoint], target: Any, workers: int, advances: int
) -> tuple[list[int], int]:
    context = worker_context()
    start, results = context.Barrier(workers, timeout=30), context.Queue()
    outcomes = run_workers(
        context,
        race,
        [(make, target, f"w{n}", advances, start, results) for n in range(workers)],
    )
    assert [error for *_, error in outcomes] == [None] * workers
    won = sorted(step for _, steps, _, _ in outcomes for step in steps)
    return won, sum(conflicts for _, _, conflicts, _ in outcomes)


def test_processes_racing_on_one_sqlite_file(db_dir: Path) -> None:
    target = str(db_dir / "fleet.db")
    sqlite_checkpoint(target, "setup").overwrite("0")
    won, _ = run_race(sqlite_checkpoint, target, WORKERS, ADVANCES)
    total = WORKERS * ADVANCES
    assert won == list(range(total))  # each step made exactly once: none doubled, none lost
    assert sqlite_checkpoint(target, "check").load() == str(total)


def lockstep(
    make: Callable[[Any, str], SQLCheckpoint],
    target: Any,
    worker: str,
    rounds: int,
    step: Any,
    results: Any,
) -> None:
    """Every round: all workers read, wait for each other, then all try to move one step."""
    checkpoint = make(target, worker)
    outcomes: list[str] = []
    try:
        for round_ in range(rounds):
            position = checkpoint.load()
            assert position == str(round_)
            step.wait()
            try:
                if round_ % 2:
                    checkpoint.save(str(round_ + 1))
                else:
                    checkpoint.advance(str(round_), str(round_ + 1))
                outcomes.append("won")
            except CheckpointConflictError as exc:
                outcomes.append(f"lost to {exc.moved_by} at {exc.actual}")
            step.wait()
        results.put((worker, outcomes))
    except BaseException as exc:
        step.abort()
        results.put((worker, [repr(exc)]))
    finally:
        checkpoint.close()


def run_lockstep(
    make: Callable[[Any, str], SQLCheckpoint], target: Any, workers: int, rounds: int
) -> None:
    """`lockstep` in ``workers`` processes: each round exactly one wins, the others lose to
    it at the position it stored."""
    context = worker_context()
    step, results = context.Barrier(workers, timeout=30), context.Queue()
    arguments = [(make, target, f"w{n}", rounds, step, results) for n in range(workers)]
    outcomes = dict(run_workers(context, lockstep, arguments))
    for round_ in range(rounds):
        this_round = [outcomes[f"w{n}"][round_] for n in range(workers)]
        winners = [f"w{n}" for n, outcome in enumerate(this_round) if outcome == "won"]
        assert len(winners) == 1, this_round
        lost = f"lost to {winners[0]} at {round_ + 1}"
        assert sorted(this_round) == sorted(["won", *[lost] * (workers - 1)])


def test_workers_in_lockstep_one_wins_each_round(db_dir: Path) -> None:
    target = str(db_dir / "fleet.db")
    sqlite_checkpoint(target, "setup").overwrite("0")
    run_lockstep(sqlite_checkpoint, target, WORKERS, ROUNDS)
    assert sqlite_checkpoint(target, "check").load() == str(ROUNDS)


def first(target: str, worker: str, start: Any, results: Any) -> None:
    checkpoint = sqlite_checkpoint(target, worker)
    start.wait()
    try:
        checkpoint.save(f"first-by-{worker}")
        results.put((worker, "stored"))
    except CheckpointConflictError as exc:
        results.put((worker, exc.actual))


def test_only_one_worker_stores_the_first_position(db_dir: Path) -> None:
    target = str(db_dir / "fleet.db")
    context = worker_context()
    start, results = context.Barrier(3, timeout=30), context.Queue()
    outcomes = dict(
        run_workers(context, first, [(target, f"w{n}", start, results) for n in range(3)])
    )
    winners = [worker for worker, outcome in outcomes.items() if outcome == "stored"]
    assert len(winners) == 1
    assert sorted(outcomes.values()) == sorted(["stored", *[f"first-by-{winners[0]}"] * 2])
    assert sqlite_checkpoint(target, "check").load() == f"first-by-{winners[0]}"


# -- PostgreSQL ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def postgres() -> Iterator[Postgres]:
    with postgres_server() as server:
        yield server


DRIVERS = ["psql", "psycopg", "psycopg2", "pg8000"]


def driver_connect(name: str, server: Postgres) -> tuple[Callable[[], Any], str | None]:
    """A connect function through ``name`` (skips when that driver is not installed)."""
    if name == "psql":
        return (lambda: PsqlConnection(server)), "format"
    try:
        module = importlib.import_module(name)
    except ImportError:
        pytest.skip(f"the {name} driver is not installed (pip install {name}); the psql case runs")
    if name == "pg8000":
        return (
            lambda: module.connect(
                user=server.user, host=server.host, port=server.port, database=server.dbname
            )
        ), None
    return (lambda: module.connect(server.dsn)), None


@pytest.mark.parametrize("driver", DRIVERS)
def test_postgresql_compare_and_set(postgres: Postgres, driver: str) -> None:
    connect, style = driver_connect(driver, postgres)
    table = f"checkpoints_{driver}"
    one = SQLCheckpoint(connect, key="onescp-orders", table=table, paramstyle=style, worker="one")
    two = SQLCheckpoint(connect, key="onescp-orders", table=table, paramstyle=style, worker="two")
    with one, two:
        assert one.load() is None
        assert two.load() is None
        one.save("it's 1")  # quotes travel as data
        with pytest.raises(CheckpointConflictError) as caught:
            two.save("2")  # the primary key refused a second first position
        assert (caught.value.expected, caught.value.actual, caught.value.moved_by) == (
            None,
            "it's 1",
            "one",
        )
        assert two.load() == "it's 1"
        two.save("2")
        with pytest.raises(CheckpointConflictError, match="moved by two to '2'"):
            one.save("3")
        one.advance("2", "2")
        one.advance("2", "3")
        one.overwrite("reset")
        assert two.load() == "reset"
        two.clear()
        assert one.load() is None
        one.advance(None, "again")
        assert two.load() == "again"


def test_postgresql_errors_are_not_taken_for_conflicts(postgres: Postgres) -> None:
    checkpoint = SQLCheckpoint(
        lambda: PsqlConnection(postgres), key="k", table="missing_schema.t", paramstyle="format"
    )
    with checkpoint, pytest.raises(DatabaseError) as caught:
        checkpoint.advance(None, "p")
    assert caught.value.sqlstate == "3F000"  # invalid_schema_name, not a conflict


def test_processes_racing_on_postgresql(postgres: Postgres) -> None:
    """Free-running, each step is made exactly once (how many conflicts it took depends on
    timing); in lockstep, every round has exactly one winner and two conflicts."""
    with psql_checkpoint(postgres, "setup") as setup:
        setup.overwrite("0")
        won, _ = run_race(psql_checkpoint, postgres, 3, 20)
        assert won == list(range(60))
        assert setup.load() == "60"
        setup.overwrite("0")
        run_lockstep(psql_checkpoint, postgres, 3, 10)
        assert setup.load() == "10"


def test_postgresql_user_who_may_not_create_tables(postgres: Postgres) -> None:
    admin = PsqlConnection(postgres)
    for statement in (
        "CREATE ROLE fleet_worker LOGIN",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
    ):
        admin.run(statement)
    owner = SQLCheckpoint(
        lambda: PsqlConnection(postgres), key="k", table="restricted", paramstyle="format"
    )
    owner.overwrite("set by the owner")  # creates the table
    admin.run("GRANT SELECT, INSERT, UPDATE, DELETE ON restricted TO fleet_worker")
    admin.close()

    worker = dataclasses.replace(postgres, user="fleet_worker")
    checkpoint = SQLCheckpoint(
        lambda: PsqlConnection(worker), key="k", table="restricted", paramstyle="format"
    )
    assert checkpoint.load() == "set by the owner"
    checkpoint.save("moved by the worker")
    assert owner.load() == "moved by the worker"
    missing = SQLCheckpoint(
        lambda: PsqlConnection(worker), key="k", table="not_created", paramstyle="format"
    )
    with pytest.raises(DatabaseError) as caught:
        missing.load()
    assert caught.value.sqlstate == "42501"  # insufficient_privilege: the CREATE's error
    for cp in (owner, checkpoint, missing):
        cp.close()
