"""A DB-API 2 connection over one ``psql`` process, for machines with a PostgreSQL server
but no Python driver (psycopg is an optional install).

It implements exactly what `SQLCheckpoint` uses (``cursor().execute/fetchone/rowcount/close``,
``commit``, ``rollback``, ``close``) with the ``format`` paramstyle; values are sent as SQL
literals. psql runs in autocommit mode: each statement is its own transaction, as
`SQLCheckpoint` needs. Statements and their answers are read through pipes, delimited by a
marker line that carries psql's ``ERROR``, ``ROW_COUNT`` and ``LAST_ERROR_*`` variables.
"""

from __future__ import annotations

import subprocess
from typing import Any

from tests.fleet.services import Postgres

_MARK = "__fleet_statement_done__"
_SEPARATOR = "\x1f"


class DatabaseError(Exception):
    """A statement failed; ``sqlstate`` is PostgreSQL's code (23505: unique violation)."""

    def __init__(self, message: str, sqlstate: str) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


def literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("PostgreSQL text cannot hold NUL")
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no literal for {type(value).__name__}")


class PsqlCursor:
    def __init__(self, connection: PsqlConnection) -> None:
        self._connection = connection
        self._rows: list[tuple[str | None, ...]] = []
        self.rowcount = -1

    def execute(self, statement: str, values: tuple[Any, ...] = ()) -> None:
        sql = statement.replace("%s", "{}").format(*(literal(v) for v in values))
        if "\n" in sql:
            raise ValueError("one line per statement")
        self._rows, self.rowcount = self._connection.run(sql)

    def fetchone(self) -> tuple[str | None, ...] | None:
        return self._rows.pop(0) if self._rows else None

    def close(self) -> None:
        self._rows = []


class PsqlConnection:
    """One psql session (autocommit)."""

    def __init__(self, server: Postgres) -> None:
        self.process = subprocess.Popen(
            [server.psql, "-X", "-q", "-A", "-t", "-F", _SEPARATOR, "-P", "null=\\N",
             "-h", server.host, "-p", str(server.port), "-U", server.user, "-d", server.dbname],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, encoding="utf-8",
        )  # fmt: skip
        self.statements: list[str] = []

    def run(self, sql: str) -> tuple[list[tuple[str | None, ...]], int]:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.statements.append(sql)
        self.process.stdin.write(
            f"{sql};\n\\echo {_MARK} :ERROR :ROW_COUNT :LAST_ERROR_SQLSTATE :LAST_ERROR_MESSAGE\n"
        )
        self.process.stdin.flush()
        rows: list[tuple[str | None, ...]] = []
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise DatabaseError("psql ended", "08006")
            line = line.rstrip("\n")
            if line.startswith(_MARK):
                _, error, count, sqlstate, message = line.split(" ", 4)
                break
            rows.append(tuple(None if f == "\\N" else f for f in line.split(_SEPARATOR)))
        if error == "true":
            # psql keeps LAST_ERROR_* from an earlier failure: only ERROR says this one failed
            raise DatabaseError(message, sqlstate)
        return rows, int(count)

    def cursor(self) -> PsqlCursor:
        return PsqlCursor(self)

    def commit(self) -> None:
        """Autocommit: each statement was committed when it ran."""

    def rollback(self) -> None:
        """Autocommit: nothing is pending."""

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            self.process.wait(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()
