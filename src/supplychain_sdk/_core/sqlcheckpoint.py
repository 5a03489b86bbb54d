"""Checkpoints a fleet of workers can share: one row per feed in a SQL table, moved only by an
atomic compare-and-set, so two workers never both advance a position or lose one.

SQLite (stdlib ``sqlite3``) is built in; any other database is reached through a DB-API 2
``connect`` function you pass (psycopg, psycopg2, pg8000, ...) or, for a URL such as
``postgresql://...``, through SQLAlchemy (``pip install 'supplychain-sdk[sql]'``). The SQL is
plain (no ``ON CONFLICT``, no ``IS``), so it runs on SQLite, PostgreSQL, MySQL and the like.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import importlib.util
import os
import re
import socket
import sqlite3
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

from ._logging import redact_url
from .checkpoint import check_position, conflict
from .errors import InvalidRequestError

__all__ = ["DEFAULT_TABLE", "DBAPIConnection", "SQLCheckpoint"]

#: The table `SQLCheckpoint` keeps its rows in unless told otherwise.
DEFAULT_TABLE = "supplychain_checkpoints"
#: The extra that installs SQLAlchemy for database URLs other than ``sqlite:///``.
SQL_EXTRA = "supplychain-sdk[sql]"

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62})?")
_PARAMSTYLES = ("qmark", "format", "pyformat", "numeric", "named")
_MAX_KEY = 200

# Statements written with ``?`` placeholders, rendered once for the driver's paramstyle.
_CREATE = (
    "CREATE TABLE IF NOT EXISTS {table} ("
    "checkpoint_key VARCHAR(200) NOT NULL PRIMARY KEY, "
    "checkpoint_position TEXT NOT NULL, "
    "updated_at VARCHAR(40) NOT NULL, "
    "updated_by VARCHAR(200) NOT NULL)"
)
_PROBE = "SELECT checkpoint_key FROM {table} WHERE 1 = 0"
_SELECT = "SELECT checkpoint_position, updated_by FROM {table} WHERE checkpoint_key = ?"
_INSERT = (
    "INSERT INTO {table} (checkpoint_key, checkpoint_position, updated_at, updated_by) "
    "VALUES (?, ?, ?, ?)"
)
_UPDATE_IF = (
    "UPDATE {table} SET checkpoint_position = ?, updated_at = ?, updated_by = ? "
    "WHERE checkpoint_key = ? AND checkpoint_position = ?"
)
_UPDATE = (
    "UPDATE {table} SET checkpoint_position = ?, updated_at = ?, updated_by = ? "
    "WHERE checkpoint_key = ?"
)
_DELETE = "DELETE FROM {table} WHERE checkpoint_key = ?"


class DBAPIConnection(Protocol):
    """The part of a DB-API 2 (PEP 249) connection `SQLCheckpoint` uses."""

    def cursor(self) -> Any:
        """A new cursor."""
        ...

    def commit(self) -> None:
        """Commit the current transaction."""
        ...

    def rollback(self) -> None:
        """Roll the current transaction back."""
        ...

    def close(self) -> None:
        """Close the connection."""
        ...


def render(sql: str, params: Sequence[Any], paramstyle: str) -> tuple[str, Any]:
    """``sql`` written with ``?`` placeholders, and its parameters, in ``paramstyle``."""
    if paramstyle == "qmark":
        return sql, tuple(params)
    if paramstyle in ("format", "pyformat"):
        return sql.replace("?", "%s"), tuple(params)
    pieces = sql.split("?")
    if paramstyle == "numeric":
        marks = [f":{n}" for n in range(1, len(pieces))]
        values: Any = tuple(params)
    else:  # named
        marks = [f":p{n}" for n in range(1, len(pieces))]
        values = {f"p{n}": value for n, value in enumerate(params, start=1)}
    return "".join(piece + mark for piece, mark in zip(pieces, [*marks, ""], strict=True)), values


def paramstyle_of(connection: Any) -> str | None:
    """The paramstyle of the driver module that made ``connection`` (``None``: unknown).

    A SQLAlchemy pooled connection is looked through to its driver connection.
    """
    raw = getattr(connection, "dbapi_connection", None) or connection
    module = sys.modules.get(type(raw).__module__.partition(".")[0])
    style = getattr(module, "paramstyle", None)
    return style if style in _PARAMSTYLES else None


def sqlite_path(url: str) -> Path:
    """The file of a ``sqlite:///relative.db`` or ``sqlite:////absolute.db`` URL."""
    path = url[len("sqlite:///") :] if url.startswith("sqlite:///") else ""
    if not path or path == ":memory:" or "?" in path or path.startswith("file:"):
        raise InvalidRequestError(
            f"{url!r} is not a SQLite file URL: use sqlite:///relative/path.db or "
            "sqlite:////absolute/path.db (an in-memory database is not shared by workers: "
            "use MemoryCheckpoint for one process)"
        )
    return Path(path)


def holds_secret(url: str) -> bool:
    """Whether ``url`` carries a password (in its userinfo or a secret-named query value)."""
    parts = urlsplit(url)
    if parts.password:
        return True
    bare = urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
    return redact_url(bare) != bare


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


class SQLCheckpoint:
    """A change-feed checkpoint in a SQL table that many workers, processes and machines share.

    Each key (the feed it belongs to, e.g. ``"onescp-orders"``) is one row. Every write is a
    compare-and-set: `save` stores a position only if the stored one is still the one this
    object last read or wrote, so when two workers run the same feed at once, the second to
    save gets `CheckpointConflictError` instead of moving the position back or past changes
    nobody handled.

    Args:
        database: where the table lives: a ``sqlite:///path.db`` URL or a path (stdlib
            ``sqlite3``, nothing to install); a function returning a new DB-API 2 connection,
            e.g. ``lambda: psycopg.connect(dsn)``; or any other SQLAlchemy URL, e.g.
            ``"postgresql+psycopg://user:pw@db/app"`` (needs ``supplychain-sdk[sql]``).
        key: what this position belongs to (1 to 200 characters).
        table: the table's name (``schema.table`` allowed); created on first use.
        paramstyle: the driver's placeholder style (``qmark``, ``format``, ``pyformat``,
            ``numeric``, ``named``) when it cannot be read from the driver module.
        worker: who this worker is, stored with each write and named in conflicts
            (default ``"<hostname>:<pid>"``).
        timeout: SQLite only: seconds to wait for another worker's write lock.

    The connection is opened on first use and belongs to the process that opened it: after
    ``os.fork()`` the child opens its own (the parent's is left alone, never closed from the
    child). An object pickles (its settings, not its connection) when its ``database`` does,
    except a URL that holds a password. Its calls block for a database round trip, also when
    an async change feed makes them (between pages).
    """

    def __init__(
        self,
        database: str | os.PathLike[str] | Callable[[], DBAPIConnection],
        *,
        key: str,
        table: str = DEFAULT_TABLE,
        paramstyle: str | None = None,
        worker: str | None = None,
        timeout: float = 30.0,
    ) -> None:
        if not isinstance(key, str) or not key or len(key) > _MAX_KEY:
            raise InvalidRequestError(f"key must be a str of 1 to {_MAX_KEY} characters")
        if not isinstance(table, str) or not _IDENTIFIER.fullmatch(table):
            raise InvalidRequestError(
                f"table must be a plain SQL name such as {DEFAULT_TABLE!r} or 'schema.name', "
                f"not {table!r}"
            )
        if paramstyle is not None and paramstyle not in _PARAMSTYLES:
            raise InvalidRequestError(f"paramstyle must be one of {', '.join(_PARAMSTYLES)}")
        if worker is not None and (not isinstance(worker, str) or not worker):
            raise InvalidRequestError("worker must be a non-empty str")
        if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout >= 0:
            raise InvalidRequestError("timeout must be a number of seconds, 0 or more")
        self._sqlite: Path | None = None
        self._url: str | None = None
        self._connect: Callable[[], DBAPIConnection] | None = None
        if isinstance(database, os.PathLike):
            self._sqlite = Path(database)
        elif isinstance(database, str):
            if database.startswith("sqlite:"):
                self._sqlite = sqlite_path(database)
            elif "://" in database:
                if importlib.util.find_spec("sqlalchemy") is None:
                    raise ImportError(
                        f"SQLCheckpoint({redact_url(database)!r}) needs SQLAlchemy: pip install "
                        f"'{SQL_EXTRA}' (or pass a DB-API connect function, e.g. "
                        "lambda: psycopg.connect(dsn))",
                        name="sqlalchemy",
                    )
                self._url = database
            else:
                raise InvalidRequestError(
                    f"database {database!r} is not a URL: use sqlite:///path.db, a "
                    "pathlib.Path, a SQLAlchemy URL or a DB-API connect function"
                )
        elif callable(database):
            self._connect = database
        else:
            raise InvalidRequestError(
                "database must be a URL, a path or a function returning a DB-API connection"
            )
        self.key = key
        self.table = table
        self.worker = worker
        self._paramstyle = paramstyle
        self._timeout = timeout
        self._init_runtime()

    def _init_runtime(self) -> None:
        self._lock = threading.RLock()
        self._lock_pid = os.getpid()
        self._connection: DBAPIConnection | None = None
        self._style = self._paramstyle or ("qmark" if self._sqlite is not None else None)
        self._pid = -1
        self._engine: Any = None
        # Connections inherited through fork: kept referenced, so that the garbage collector
        # never closes them from the child (that would end the parent's database session).
        self._inherited: list[Any] = []
        self._seen: str | None = None

    # -- pickling: settings, not connections -------------------------------------------------------
    def __getstate__(self) -> dict[str, Any]:
        if self._url is not None and holds_secret(self._url):
            raise TypeError(
                f"{self!r} is not pickled: its URL holds a password, which would travel in "
                "the pickle; make the checkpoint inside the task, from your settings"
            )
        names = ("_sqlite", "_url", "_connect", "key", "table", "worker", "_paramstyle")
        return {name: getattr(self, name) for name in (*names, "_timeout")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._init_runtime()

    def __repr__(self) -> str:
        if self._sqlite is not None:
            where = f"sqlite:///{self._sqlite}"
        elif self._url is not None:
            where = redact_url(self._url)
        else:
            where = getattr(self._connect, "__qualname__", type(self._connect).__name__)
        return f"SQLCheckpoint({where!r}, key={self.key!r}, table={self.table!r})"

    def __enter__(self) -> SQLCheckpoint:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- connections -------------------------------------------------------------------------------
    def _guard(self) -> threading.RLock:
        """This process's lock: a lock inherited through fork may be held by a thread of the
        parent that does not exist here, so a forked child makes its own."""
        if self._lock_pid != os.getpid():
            self._lock, self._lock_pid = threading.RLock(), os.getpid()
        return self._lock

    def _open(self) -> DBAPIConnection:
        if self._sqlite is not None:
            self._sqlite.parent.mkdir(parents=True, exist_ok=True)
            return sqlite3.connect(
                self._sqlite, timeout=self._timeout, isolation_level=None, check_same_thread=False
            )
        if self._url is not None:
            if self._engine is None:
                sqlalchemy = importlib.import_module("sqlalchemy")
                pool = importlib.import_module("sqlalchemy.pool")
                # No pool: this object holds one connection, and a pool would be inherited
                # by forked children.
                self._engine = sqlalchemy.create_engine(self._url, poolclass=pool.NullPool)
                self._style = self._style or self._engine.dialect.paramstyle
            return self._engine.raw_connection()  # type: ignore[no-any-return]
        assert self._connect is not None
        return self._connect()

    def _conn(self) -> DBAPIConnection:
        if self._connection is not None and self._pid == os.getpid():
            return self._connection
        if self._connection is not None:  # inherited through fork: not ours to use or close
            self._inherited.append(self._connection)
            if self._engine is not None:
                self._inherited.append(self._engine)
                self._engine = None
        self._connection = None
        connection = self._open()
        if self._style is None:
            self._style = paramstyle_of(connection)
            if self._style is None:
                connection.close()
                raise InvalidRequestError(
                    f"cannot tell the paramstyle of {type(connection).__module__} connections: "
                    "pass paramstyle= (qmark, format, pyformat, numeric or named)"
                )
        self._pid = os.getpid()
        self._connection = connection
        try:
            self._create_table()
        except BaseException:
            self._connection = None
            with contextlib.suppress(Exception):
                connection.close()
            raise
        return connection

    def close(self) -> None:
        """Close this process's connection (the next call opens a new one)."""
        with self._guard():
            connection, self._connection = self._connection, None
            if connection is not None and self._pid == os.getpid():
                connection.close()
            elif connection is not None:
                self._inherited.append(connection)

    def _execute(self, sql: str, *params: Any, fetch: bool = False, write: bool = False) -> Any:
        """Run one statement; returns the first row (``fetch``) or the row count."""
        connection = self._conn()
        assert self._style is not None
        statement, values = render(sql.format(table=self.table), params, self._style)
        cursor = connection.cursor()
        try:
            cursor.execute(statement, values)
            result = cursor.fetchone() if fetch else cursor.rowcount
            if write:
                connection.commit()
            elif fetch:
                # ends the read's transaction (drivers that open one on SELECT)
                connection.rollback()
            return result
        except BaseException:
            with contextlib.suppress(Exception):
                connection.rollback()
            raise
        finally:
            with contextlib.suppress(Exception):
                cursor.close()

    def _create_table(self) -> None:
        """Make sure the table exists: look first (a database user may read and write the
        table without the right to create tables), create it only when it is missing."""
        try:
            self._execute(_PROBE, fetch=True)
            return
        except Exception:  # noqa: S110 - missing (or unreadable): creating it tells which
            pass
        try:
            self._execute(_CREATE, write=True)
        except Exception as exc:
            # Another process may have created it just now (PostgreSQL refuses one of two
            # concurrent CREATEs): if it is there now, all is well; if not, say why.
            try:
                self._execute(_PROBE, fetch=True)
            except Exception:
                raise exc from None

    def _stamp(self) -> tuple[str, str]:
        worker = self.worker or f"{socket.gethostname()}:{os.getpid()}"
        return _now(), worker[:_MAX_KEY]

    def _row(self) -> tuple[str | None, str | None]:
        row = self._execute(_SELECT, self.key, fetch=True)
        if row is None:
            return None, None
        return str(row[0]), (str(row[1]) if row[1] is not None else None)

    # -- the checkpoint ----------------------------------------------------------------------------
    def load(self) -> str | None:
        """The stored position (``None``: none yet); `save` compares against it."""
        with self._guard():
            position, _ = self._row()
            self._seen = position
            return position

    def save(self, position: str) -> None:
        """Store ``position`` if the stored one is still the one this object last read or wrote.

        A change feed calls this after each page. Before any `load`, it expects no stored
        position yet; to replace a position regardless, use `overwrite`.

        Raises:
            CheckpointConflictError: another worker moved the position meanwhile; nothing
                was stored.
        """
        self.advance(self._seen, position)

    def advance(self, expected: str | None, position: str) -> None:
        """Store ``position`` only if the stored position is ``expected``, atomically.

        ``expected=None`` means "no position stored yet". Positions are compared as strings
        (a change feed's position only moves forward, so equal means unchanged).

        Raises:
            CheckpointConflictError: the stored position is not ``expected``; nothing was
                stored.
            InvalidRequestError: ``expected`` or ``position`` is not a str.
        """
        check_position(position)
        if expected is not None:
            check_position(expected)
        with self._guard():
            if expected == position:
                actual, moved_by = self._row()
                if actual != expected:
                    raise conflict(self.key, expected, actual, moved_by)
            elif expected is None:
                self._insert_new(position)
            else:
                now, worker = self._stamp()
                changed = self._execute(
                    _UPDATE_IF, position, now, worker, self.key, expected, write=True
                )
                if changed != 1:
                    actual, moved_by = self._row()
                    raise conflict(self.key, expected, actual, moved_by)
            self._seen = position

    def _insert_new(self, position: str) -> None:
        now, worker = self._stamp()
        try:
            self._execute(_INSERT, self.key, position, now, worker, write=True)
        except Exception:
            # The primary key refused it (another worker stored the first position), or
            # the database failed: tell which by looking.
            actual, moved_by = self._row()
            if actual is None:
                raise
            raise conflict(self.key, None, actual, moved_by) from None

    def overwrite(self, position: str) -> None:
        """Store ``position`` whatever is stored (a reset by an operator, not by workers)."""
        check_position(position)
        with self._guard():
            now, worker = self._stamp()
            if self._execute(_UPDATE, position, now, worker, self.key, write=True) != 1:
                try:
                    self._execute(_INSERT, self.key, position, now, worker, write=True)
                except Exception:
                    # stored by another worker just now: overwrite that
                    self._execute(_UPDATE, position, now, worker, self.key, write=True)
            self._seen = position

    def clear(self) -> None:
        """Delete the stored position: the next run starts from the beginning (or ``since``)."""
        with self._guard():
            self._execute(_DELETE, self.key, write=True)
            self._seen = None
