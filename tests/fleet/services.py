"""Throwaway servers the fleet tests start on loopback ports: PostgreSQL and Redis.

Each helper either yields a running server or calls ``pytest.skip`` with the precise reason it
cannot (the binary is missing, no unprivileged user to run it as, ...). ``scripts/
ci_services.sh`` installs both on a Debian machine.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

__all__ = ["Postgres", "free_port", "postgres_server", "redis_server"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _postgres_bin() -> Path | None:
    """The directory of Debian's (or a PATH) PostgreSQL server programs, newest first."""
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        return Path(initdb).resolve().parent
    return None


def _as_user() -> tuple[list[str], str | None]:
    """The prefix that runs a command as an unprivileged user (PostgreSQL refuses root)."""
    if os.geteuid() != 0:
        return [], None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            runuser = shutil.which("runuser")
            if runuser:
                return [runuser, "-u", name, "--"], name
    pytest.skip("running as root, and no 'postgres' user with runuser to start PostgreSQL as")


@dataclass(frozen=True)
class Postgres:
    """A running throwaway cluster: connect as ``user`` (trust auth) on 127.0.0.1:``port``."""

    bin: Path
    port: int
    user: str = "fleet"
    dbname: str = "postgres"
    host: str = "127.0.0.1"

    @property
    def psql(self) -> str:
        return str(self.bin / "psql") if (self.bin / "psql").exists() else "psql"

    @property
    def dsn(self) -> str:
        return f"host={self.host} port={self.port} user={self.user} dbname={self.dbname}"


@contextlib.contextmanager
def postgres_server() -> Iterator[Postgres]:
    """A PostgreSQL cluster in a temporary directory, stopped and deleted afterwards."""
    binaries = _postgres_bin()
    if binaries is None:
        pytest.skip(
            "no PostgreSQL server programs (initdb, pg_ctl under /usr/lib/postgresql/*/bin or "
            "on PATH): apt-get install postgresql (scripts/ci_services.sh)"
        )
    prefix, user = _as_user()
    home = Path(tempfile.mkdtemp(prefix="fleet-pg-", dir="/tmp"))
    if user is not None:
        shutil.chown(home, user)
    data = home / "data"
    server = Postgres(bin=binaries, port=free_port())
    run = [*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-w", "-t", "20"]
    try:
        subprocess.run(
            [*prefix, str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U",
             server.user, "-E", "UTF8", "--no-sync"],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        options = (
            f"-p {server.port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        subprocess.run(
            [*run, "-o", options, "-l", str(home / "log"), "start"],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        try:
            yield server
        finally:
            subprocess.run([*run, "-m", "immediate", "stop"], capture_output=True, timeout=60)
    except subprocess.CalledProcessError as exc:
        log = (home / "log").read_text(errors="replace") if (home / "log").exists() else ""
        raise RuntimeError(f"PostgreSQL did not start: {exc.stderr!r} {log}") from None
    finally:
        shutil.rmtree(home, ignore_errors=True)


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    """A Redis server on a loopback port with no persistence; yields its ``redis://`` URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("no redis-server binary: apt-get install redis-server (ci_services.sh)")
    port = free_port()
    home = tempfile.mkdtemp(prefix="fleet-redis-")
    process = subprocess.Popen(
        [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly",
         "no", "--dir", home, "--protected-mode", "yes"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(home, ignore_errors=True)
