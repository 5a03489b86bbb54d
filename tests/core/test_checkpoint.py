"""Change-feed checkpoints: the protocol, file (atomic), memory, and the SQL checkpoint a fleet
of workers shares (compare-and-set, DB-API drivers, SQLAlchemy URLs, pickle and fork)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import pickle
import signal
import socket
import sqlite3
import sys
import threading
import types
import warnings
from pathlib import Path
from typing import Any

import pytest

from supplychain_sdk._core import (
    Checkpoint,
    CheckpointConflictError,
    FileCheckpoint,
    InvalidRequestError,
    MemoryCheckpoint,
    SharedCheckpoint,
    SQLCheckpoint,
)
from supplychain_sdk._core.sqlcheckpoint import paramstyle_of, render
from tests.conftest import Mode


def test_file_checkpoint_round_trip(tmp_path: Path) -> None:
    cp = FileCheckpoint(tmp_path / "state" / "orders.json", key="orders")
    assert cp.load() is None
    cp.save("2024-05-01T10:00:00Z")
    assert cp.load() == "2024-05-01T10:00:00Z"
    assert json.loads((tmp_path / "state" / "orders.json").read_text()) == {
        "position": "2024-05-01T10:00:00Z",
        "key": "orders",
    }
    assert list((tmp_path / "state").iterdir()) == [tmp_path / "state" / "orders.json"]
    assert isinstance(cp, Checkpoint)


def test_file_checkpoint_refuses_another_stream_and_garbage(tmp_path: Path) -> None:
    path = tmp_path / "cp.json"
    FileCheckpoint(path, key="orders").save("x")
    with pytest.raises(InvalidRequestError, match="belongs to 'orders'"):
        FileCheckpoint(path, key="shipments").load()
    path.write_text("{not json")
    with pytest.raises(InvalidRequestError, match="unreadable"):
        FileCheckpoint(path).load()
    path.write_text("[1]")
    with pytest.raises(InvalidRequestError, match="does not hold an object"):
        FileCheckpoint(path).load()


def test_failed_save_keeps_the_old_position(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cp = FileCheckpoint(tmp_path / "cp.json")
    cp.save("old")

    def crash(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", crash)
    with pytest.raises(OSError, match="disk full"):
        cp.save("new")
    assert cp.load() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["cp.json"]


def test_memory_checkpoint() -> None:
    cp = MemoryCheckpoint()
    assert cp.load() is None
    cp.save("p")
    assert cp.load() == "p"
    assert isinstance(cp, Checkpoint)


def test_memory_checkpoint_compare_and_set() -> None:
    cp = MemoryCheckpoint()
    assert isinstance(cp, SharedCheckpoint)
    cp.advance(None, "a")
    cp.advance("a", "b")
    with pytest.raises(CheckpointConflictError) as caught:
        cp.advance("a", "c")
    assert (caught.value.expected, caught.value.actual, caught.value.key) == ("a", "b", None)
    assert cp.load() == "b"
    with pytest.raises(CheckpointConflictError):
        cp.advance(None, "c")
    copy = pickle.loads(pickle.dumps(cp))
    copy.advance("b", "c")
    assert (cp.load(), copy.load()) == ("b", "c")


@pytest.mark.parametrize("bad", [None, 5, b"x"])
def test_positions_must_be_strings(tmp_path: Path, bad: Any) -> None:
    for cp in (MemoryCheckpoint(), FileCheckpoint(tmp_path / "cp.json"), sql(tmp_path)):
        with pytest.raises(InvalidRequestError, match="position must be a str"):
            cp.save(bad)
        assert cp.load() is None
    assert not isinstance(FileCheckpoint(tmp_path / "cp.json"), SharedCheckpoint)


# -- SQLCheckpoint ------------------------------------------------------------------------------


def sql(tmp_path: Path, key: str = "onescp-orders", **options: Any) -> SQLCheckpoint:
    return SQLCheckpoint(f"sqlite:///{tmp_path / 'fleet.db'}", key=key, **options)


def rows(tmp_path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(tmp_path / "fleet.db") as db:
        return db.execute(
            "SELECT checkpoint_key, checkpoint_position, updated_by FROM supplychain_checkpoints"
            " ORDER BY checkpoint_key"
        ).fetchall()


def test_sql_checkpoint_round_trip_and_table(tmp_path: Path) -> None:
    cp = sql(tmp_path, worker="w1")
    assert isinstance(cp, SharedCheckpoint)
    assert isinstance(cp, Checkpoint)
    assert cp.load() is None
    cp.save("2024-05-01T10:00:00Z")
    cp.save('{"since":"2024-05-01T10:00:00Z","page":2,"next":null}')
    assert cp.load() == '{"since":"2024-05-01T10:00:00Z","page":2,"next":null}'
    other = sql(tmp_path, key="onescp-shipments", worker="w2")
    other.save("s1")
    assert rows(tmp_path) == [
        ("onescp-orders", '{"since":"2024-05-01T10:00:00Z","page":2,"next":null}', "w1"),
        ("onescp-shipments", "s1", "w2"),
    ]
    with sqlite3.connect(tmp_path / "fleet.db") as db:
        (stamp,) = db.execute("SELECT updated_at FROM supplychain_checkpoints").fetchone()
    assert dt.datetime.fromisoformat(stamp).tzinfo == dt.timezone.utc
    cp.clear()
    assert cp.load() is None
    assert rows(tmp_path) == [("onescp-shipments", "s1", "w2")]
    cp.close()
    cp.close()
    assert cp.load() is None  # reopens


def test_sql_checkpoint_path_and_default_worker(tmp_path: Path) -> None:
    cp = SQLCheckpoint(tmp_path / "nested" / "fleet.db", key="k")
    cp.save("p")
    with sqlite3.connect(tmp_path / "nested" / "fleet.db") as db:
        assert db.execute("SELECT updated_by FROM supplychain_checkpoints").fetchall() == [
            (f"{socket.gethostname()}:{os.getpid()}",)
        ]


def test_sql_save_is_a_compare_and_set_against_what_was_read(tmp_path: Path) -> None:
    first, second = sql(tmp_path, worker="first"), sql(tmp_path, worker="second")
    assert first.load() is None
    assert second.load() is None
    first.save("p1")
    with pytest.raises(CheckpointConflictError) as caught:
        second.save("p1-too")  # it expected no position yet
    error = caught.value
    assert (error.key, error.expected, error.actual, error.moved_by) == (
        "onescp-orders",
        None,
        "p1",
        "first",
    )
    assert str(error) == (
        "checkpoint 'onescp-orders' was moved by first to 'p1' since this worker read None; "
        "nothing was saved (another worker runs this feed)"
    )
    assert second.load() == "p1"
    second.save("p2")
    with pytest.raises(CheckpointConflictError, match="moved by second to 'p2'") as caught:
        first.save("p3")  # it last wrote p1
    assert caught.value.expected == "p1"
    assert rows(tmp_path) == [("onescp-orders", "p2", "second")]
    with pytest.raises(CheckpointConflictError):
        first.save("p3")  # still stale until it reads again
    assert first.load() == "p2"
    first.save("p3")
    assert second.load() == "p3"


def test_sql_advance(tmp_path: Path) -> None:
    cp = sql(tmp_path)
    cp.advance(None, "a")
    cp.advance("a", "a")  # unchanged: accepted without a write
    cp.advance("a", "b")
    for expected in ("a", None):
        with pytest.raises(CheckpointConflictError) as caught:
            cp.advance(expected, "c")
        assert (caught.value.expected, caught.value.actual) == (expected, "b")
    with pytest.raises(CheckpointConflictError):
        cp.advance("x", "x")  # "unchanged" is checked too
    cp.clear()
    with pytest.raises(CheckpointConflictError) as caught:
        cp.advance("b", "c")
    assert (caught.value.actual, caught.value.moved_by) == (None, None)
    with pytest.raises(InvalidRequestError, match="must be a str"):
        cp.advance(5, "c")  # type: ignore[arg-type]
    assert rows(tmp_path) == []


def test_sql_overwrite_replaces_whatever_is_stored(tmp_path: Path) -> None:
    cp, other = sql(tmp_path), sql(tmp_path)
    cp.overwrite("reset")  # no row yet
    assert other.load() == "reset"
    other.save("moved")
    cp.overwrite("reset-again")  # a row another worker moved
    cp.save("after-reset")  # overwrite counts as what this object last wrote
    assert other.load() == "after-reset"


def test_sql_checkpoint_refuses_bad_settings(tmp_path: Path) -> None:
    for url in ("sqlite://", "sqlite:///:memory:", "sqlite:///x.db?mode=ro", "sqlite:x.db"):
        with pytest.raises(InvalidRequestError, match="is not a SQLite file URL"):
            SQLCheckpoint(url, key="k")
    with pytest.raises(InvalidRequestError, match="is not a URL"):
        SQLCheckpoint("fleet.db", key="k")
    for key in ("", "k" * 201, 5):
        with pytest.raises(InvalidRequestError, match="key must be a str of 1 to 200"):
            SQLCheckpoint(tmp_path / "x.db", key=key)  # type: ignore[arg-type]
    for table in ("drop table x;--", "a.b.c", "1x", ""):
        with pytest.raises(InvalidRequestError, match="table must be a plain SQL name"):
            SQLCheckpoint(tmp_path / "x.db", key="k", table=table)
    with pytest.raises(InvalidRequestError, match="paramstyle must be one of"):
        SQLCheckpoint(tmp_path / "x.db", key="k", paramstyle="dollar")
    with pytest.raises(InvalidRequestError, match="worker must be a non-empty str"):
        SQLCheckpoint(tmp_path / "x.db", key="k", worker="")
    for timeout in (-1, True, "5", float("nan")):
        with pytest.raises(InvalidRequestError, match="timeout must be a number of seconds"):
            SQLCheckpoint(tmp_path / "x.db", key="k", timeout=timeout)  # type: ignore[arg-type]
    with pytest.raises(InvalidRequestError, match="database must be a URL, a path or"):
        SQLCheckpoint(5, key="k")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []  # nothing was opened


def test_sql_checkpoint_custom_table(tmp_path: Path) -> None:
    cp = sql(tmp_path, table="feeds")
    cp.save("p")
    with sqlite3.connect(tmp_path / "fleet.db") as db:
        assert db.execute("SELECT checkpoint_position FROM feeds").fetchall() == [("p",)]


@pytest.mark.parametrize(
    ("style", "statement", "values"),
    [
        ("qmark", "a = ? AND b = ?", (1, 2)),
        ("format", "a = %s AND b = %s", (1, 2)),
        ("pyformat", "a = %s AND b = %s", (1, 2)),
        ("numeric", "a = :1 AND b = :2", (1, 2)),
        ("named", "a = :p1 AND b = :p2", {"p1": 1, "p2": 2}),
    ],
)
def test_placeholders_in_every_paramstyle(style: str, statement: str, values: Any) -> None:
    assert render("a = ? AND b = ?", [1, 2], style) == (statement, values)


class Recorder:
    """A DB-API connection wrapper recording each statement (sqlite3 underneath)."""

    def __init__(self, path: Path, log: list[tuple[str, Any]]) -> None:
        self.db = sqlite3.connect(path)
        self.log = log
        self.closed = False

    def cursor(self) -> Any:
        outer = self

        class Cursor:
            def __init__(self) -> None:
                self.inner = outer.db.cursor()
                self.rowcount = -1

            def execute(self, statement: str, values: Any) -> None:
                outer.log.append((statement, values))
                self.inner.execute(statement, values)
                self.rowcount = self.inner.rowcount

            def fetchone(self) -> Any:
                return self.inner.fetchone()

            def close(self) -> None:
                self.inner.close()

        return Cursor()

    def commit(self) -> None:
        self.db.commit()

    def rollback(self) -> None:
        self.db.rollback()

    def close(self) -> None:
        self.closed = True
        self.db.close()


def test_sql_checkpoint_on_a_dbapi_connect_function(tmp_path: Path) -> None:
    log: list[tuple[str, Any]] = []
    opened: list[Recorder] = []

    def connect() -> Recorder:
        opened.append(Recorder(tmp_path / "fleet.db", log))
        return opened[-1]

    cp = SQLCheckpoint(connect, key="k", paramstyle="named", worker="w")
    assert repr(cp).startswith("SQLCheckpoint('test_sql_checkpoint_on_a_dbapi_connect_function")
    cp.save("a")
    cp.save("b")
    assert [statement for statement, _ in log] == [
        "SELECT checkpoint_key FROM supplychain_checkpoints WHERE 1 = 0",
        "CREATE TABLE IF NOT EXISTS supplychain_checkpoints (checkpoint_key VARCHAR(200) NOT "
        "NULL PRIMARY KEY, checkpoint_position TEXT NOT NULL, updated_at VARCHAR(40) NOT NULL, "
        "updated_by VARCHAR(200) NOT NULL)",
        "INSERT INTO supplychain_checkpoints (checkpoint_key, checkpoint_position, updated_at, "
        "updated_by) VALUES (:p1, :p2, :p3, :p4)",
        "UPDATE supplychain_checkpoints SET checkpoint_position = :p1, updated_at = :p2, "
        "updated_by = :p3 WHERE checkpoint_key = :p4 AND checkpoint_position = :p5",
    ]
    update = log[-1][1]
    assert {k: v for k, v in update.items() if k != "p2"} == {
        "p1": "b",
        "p3": "w",
        "p4": "k",
        "p5": "a",
    }
    assert len(opened) == 1
    cp.close()
    assert opened[0].closed
    assert sql(tmp_path, key="k").load() == "b"


class NoCreate(Recorder):
    """A database user who may use the table but not create tables."""

    def cursor(self) -> Any:
        inner = super().cursor()
        execute = inner.execute

        def refuse_create(statement: str, values: Any) -> None:
            if statement.startswith("CREATE"):
                self.log.append((statement, values))
                raise sqlite3.OperationalError("permission denied for schema public")
            execute(statement, values)

        inner.execute = refuse_create
        return inner


def test_the_table_is_created_only_when_missing(tmp_path: Path) -> None:
    log: list[tuple[str, Any]] = []
    with pytest.raises(sqlite3.OperationalError, match="permission denied for schema public"):
        SQLCheckpoint(
            lambda: NoCreate(tmp_path / "fleet.db", log), key="k", paramstyle="qmark"
        ).load()
    assert [statement.split(" ")[0] for statement, _ in log] == ["SELECT", "CREATE", "SELECT"]
    sql(tmp_path).save("made by the owner")  # the table's owner creates it
    log.clear()
    user = SQLCheckpoint(
        lambda: NoCreate(tmp_path / "fleet.db", log), key="onescp-orders", paramstyle="qmark"
    )
    assert user.load() == "made by the owner"
    user.save("moved by a user who may not create tables")
    assert [statement.split(" ")[0] for statement, _ in log] == ["SELECT", "SELECT", "UPDATE"]


def test_sql_checkpoint_reads_the_paramstyle_of_the_driver(tmp_path: Path) -> None:
    cp = SQLCheckpoint(lambda: sqlite3.connect(tmp_path / "fleet.db"), key="k")
    cp.save("p")
    assert cp.load() == "p"
    assert paramstyle_of(sqlite3.connect(":memory:")) == "qmark"

    opened: list[Recorder] = []

    def unknown() -> Recorder:
        opened.append(Recorder(tmp_path / "fleet.db", []))
        return opened[-1]

    with pytest.raises(InvalidRequestError, match="pass paramstyle="):
        SQLCheckpoint(unknown, key="k").load()
    assert opened[0].closed


def test_sql_checkpoint_database_errors_surface(tmp_path: Path) -> None:
    (tmp_path / "fleet.db").write_bytes(b"not a database" * 100)
    cp = sql(tmp_path)
    with pytest.raises(sqlite3.DatabaseError):
        cp.load()
    with pytest.raises(sqlite3.DatabaseError):
        cp.advance(None, "p")  # the failed insert is not mistaken for a conflict


def test_other_urls_need_sqlalchemy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sqlalchemy", None)  # not installed
    with pytest.raises(ImportError) as caught:
        SQLCheckpoint("postgresql://app:s3cret@db.internal/app", key="k")
    assert str(caught.value) == (
        "SQLCheckpoint('postgresql://[REDACTED]@db.internal/app') needs SQLAlchemy: pip install "
        "'supplychain-sdk[sql]' (or pass a DB-API connect function, e.g. "
        "lambda: psycopg.connect(dsn))"
    )
    assert caught.value.name == "sqlalchemy"


def fake_sqlalchemy(tmp_path: Path, engines: list[Any]) -> types.ModuleType:
    """Just enough of SQLAlchemy's API for `SQLCheckpoint`: an engine on a SQLite file."""
    module = types.ModuleType("sqlalchemy")
    pool = types.ModuleType("sqlalchemy.pool")

    class NullPool:
        pass

    class Engine:
        def __init__(self, url: str, poolclass: Any) -> None:
            self.url, self.poolclass = url, poolclass
            self.dialect = types.SimpleNamespace(paramstyle="qmark")

        def raw_connection(self) -> Any:
            return sqlite3.connect(tmp_path / "fleet.db")

    def create_engine(url: str, poolclass: Any) -> Engine:
        engines.append(Engine(url, poolclass))
        return engines[-1]

    pool.NullPool = NullPool  # type: ignore[attr-defined]
    module.create_engine = create_engine  # type: ignore[attr-defined]
    module.pool = pool  # type: ignore[attr-defined]
    return module


def test_sqlalchemy_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engines: list[Any] = []
    module = fake_sqlalchemy(tmp_path, engines)
    monkeypatch.setitem(sys.modules, "sqlalchemy", module)
    monkeypatch.setitem(sys.modules, "sqlalchemy.pool", module.pool)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: object())
    cp = SQLCheckpoint("postgresql+psycopg://app:s3cret@db.internal/app", key="k")
    assert repr(cp) == (
        "SQLCheckpoint('postgresql+psycopg://[REDACTED]@db.internal/app', key='k', "
        "table='supplychain_checkpoints')"
    )
    assert "s3cret" not in repr(cp)
    cp.save("p")
    cp.save("q")
    assert [(e.url, e.poolclass) for e in engines] == [
        ("postgresql+psycopg://app:s3cret@db.internal/app", module.pool.NullPool)
    ]
    assert sql(tmp_path, key="k").load() == "q"
    with pytest.raises(TypeError, match="its URL holds a password") as caught:
        pickle.dumps(cp)
    assert "s3cret" not in str(caught.value)
    for url in ("postgresql://db.internal/app", "postgresql://app@db.internal/app?sslmode=require"):
        copy = pickle.loads(pickle.dumps(SQLCheckpoint(url, key="k")))
        assert copy._url == url
        assert copy.key == "k"
    with pytest.raises(TypeError, match="its URL holds a password"):
        pickle.dumps(SQLCheckpoint("postgresql://db.internal/app?password=s3cret", key="k"))


def test_sql_checkpoint_pickles_its_settings(tmp_path: Path) -> None:
    cp = sql(tmp_path, worker="w")
    cp.save("p")
    copy = pickle.loads(pickle.dumps(cp))
    assert repr(copy) == repr(cp)
    assert (copy.key, copy.table, copy.worker) == ("onescp-orders", "supplychain_checkpoints", "w")
    assert copy.load() == "p"
    copy.save("q")
    with pytest.raises(CheckpointConflictError):
        cp.save("r")  # two objects, one row
    with (
        SQLCheckpoint(lambda: sqlite3.connect(tmp_path / "fleet.db"), key="k") as unpicklable,
        pytest.raises((pickle.PicklingError, AttributeError)),
    ):
        pickle.dumps(unpicklable)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork() is POSIX only")
def test_a_forked_child_opens_its_own_connection(tmp_path: Path) -> None:
    log: list[str] = []
    opened: list[Recorder] = []

    def connect() -> Recorder:
        opened.append(Recorder(tmp_path / "fleet.db", []))
        log.append(f"open in {os.getpid()}")
        return opened[-1]

    cp = SQLCheckpoint(connect, key="k", paramstyle="qmark")
    cp.save("parent-1")
    # another thread of the parent holds the checkpoint's lock while the process forks
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with cp._guard():
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    read, write = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # 3.12+: forking with threads
        pid = os.fork()
    if pid == 0:  # the child: report what happened through the pipe, exit without cleanup
        code = 1
        try:
            signal.alarm(10)  # a deadlock ends the child instead of the test run
            cp.save("child-2")
            cp.close()
            parent_connection_closed = opened[0].closed
            os.write(write, json.dumps([log, parent_connection_closed]).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    release.set()
    holder.join()
    with os.fdopen(read) as pipe:
        child_log, closed_in_child = json.loads(pipe.read())
    assert os.waitstatus_to_exitcode(status) == 0
    assert child_log == [f"open in {os.getpid()}", f"open in {pid}"]
    assert closed_in_child is False  # the parent's connection was left alone
    assert not opened[0].closed
    with pytest.raises(CheckpointConflictError, match="to 'child-2'"):
        cp.save("parent-2")  # the parent's connection still works, and sees the child's move
    assert cp.load() == "child-2"


async def test_a_change_feed_on_a_shared_checkpoint(mode: Mode, tmp_path: Path) -> None:
    """Two workers run the same feed at once: the second to save stops with a conflict."""
    from supplychain_sdk.sandbox.onescp import OneScpSandbox
    from tests.onescp.conftest import make_client

    sandbox = OneScpSandbox()
    client: Any = make_client(mode, sandbox)
    for n in range(3):
        await mode(client.orders.create(supplier={"name": f"S{n}"}))
    first, second = sql(tmp_path, worker="first"), sql(tmp_path, worker="second")
    feed_one = client.orders.changes(checkpoint=first, page_size=2)
    feed_two = client.orders.changes(checkpoint=second, page_size=2)
    if mode.is_async:
        one, two = feed_one.__aiter__(), feed_two.__aiter__()
        step: Any = anext
    else:
        one, two = iter(feed_one), iter(feed_two)
        step = next
    # both read "no position", both handle the first page
    handled = [await mode(step(one)), await mode(step(two))]
    handled += [await mode(step(one)), await mode(step(two))]
    assert [c.id for c in handled[::2]] == [c.id for c in handled[1::2]]
    await mode(step(one))  # worker one moves on: its page 1 is saved
    assert first.load() is not None
    with pytest.raises(CheckpointConflictError) as caught:
        await mode(step(two))  # worker two finishes page 1 too, and finds it moved
    assert caught.value.moved_by == "first"
    assert caught.value.expected is None
    rest = [c async for c in one] if mode.is_async else list(one)
    assert len(rest) == len([c for c in await mode.collect(client.orders.changes())]) - 3
    await mode.close(client)
