"""Slow subprocess checks that run beside the suite instead of inside it.

A test marked ``@pytest.mark.background(argv, env=..., key=...)`` checks a command that
takes many seconds in its own interpreter (a nested pytest run on another transport, the
benchmarks' smoke run, the docs' code blocks). The command starts as soon as collection
ends, on the machine's other core, while the rest of the suite runs; the marked tests are
moved to the end of the run and their ``background`` fixture hands them the finished command
(`Finished`). Tests marked with the same ``key`` share one run of it. Commands run one at a
time, in collection order. Deselected tests start nothing; the run's end stops what is left.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs
import pytest

ROOT = Path(__file__).resolve().parent.parent
MARK = "background"
#: the longest a command may take before its test fails
TIMEOUT = 600.0


@attrs.frozen
class Finished:
    """What a background command did."""

    returncode: int
    stdout: str
    stderr: str
    #: a directory of its own (``{tmp}`` in its argv), removed when the run ends
    tmp: Path

    def output(self) -> str:
        """The end of what it printed, for an assertion message."""
        return self.stdout[-3000:] + self.stderr[-2000:]


class Job:
    """One marked test's command, and its outcome once it has run."""

    def __init__(self, argv: Sequence[str], env: Mapping[str, str | None]) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="background-"))
        self.argv = [sys.executable, *(arg.replace("{tmp}", str(self.tmp)) for arg in argv)]
        self.env = {k: v for k, v in os.environ.items() if k not in env}
        self.env.update({k: v for k, v in env.items() if v is not None})
        self.done = threading.Event()
        self.result: Finished | None = None
        self.process: subprocess.Popen[bytes] | None = None

    def run(self, stopping: threading.Event) -> None:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            try:
                if stopping.is_set():
                    return
                self.process = subprocess.Popen(
                    self.argv, cwd=ROOT, env=self.env, stdout=out, stderr=err
                )
                try:
                    code = self.process.wait(timeout=TIMEOUT)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    code = self.process.wait()
                    err.write(f"\n[background] killed after {TIMEOUT:.0f} s\n".encode())
                out.seek(0)
                err.seek(0)
                self.result = Finished(code, out.read().decode(), err.read().decode(), self.tmp)
            finally:
                self.done.set()


class Runner:
    """Runs the jobs of one session, one after another, in a daemon thread."""

    def __init__(self, jobs: dict[str, Job], keys: dict[str, str]) -> None:
        #: the jobs by key, and each marked test's key by node id
        self.jobs = jobs
        self.keys = keys
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="background-checks", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        for job in self.jobs.values():
            job.run(self._stopping)

    def stop(self) -> None:
        self._stopping.set()
        for job in self.jobs.values():
            if job.process is not None and job.process.poll() is None:
                job.process.kill()
        self._thread.join(timeout=30)
        for job in self.jobs.values():
            shutil.rmtree(job.tmp, ignore_errors=True)


_KEY = pytest.StashKey[Runner]()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARK}(argv, env=None, key=None): the test checks this command (python argv), run "
        "beside the suite (once per key); the `background` fixture gives the finished process",
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marked tests go last, so the suite runs while their commands do."""
    items.sort(key=lambda item: item.get_closest_marker(MARK) is not None)


def pytest_collection_finish(session: pytest.Session) -> None:
    if session.config.option.collectonly:
        return
    jobs: dict[str, Job] = {}
    keys: dict[str, str] = {}
    for item in session.items:
        mark = item.get_closest_marker(MARK)
        if mark is not None:
            key = keys[item.nodeid] = mark.kwargs.get("key") or item.nodeid
            if key not in jobs:
                jobs[key] = Job(mark.args[0], mark.kwargs.get("env") or {})
    if jobs:
        session.config.stash[_KEY] = Runner(jobs, keys)


def pytest_sessionfinish(session: pytest.Session) -> None:
    runner = session.config.stash.get(_KEY, None)
    if runner is not None:
        runner.stop()


@pytest.fixture
def background(request: pytest.FixtureRequest) -> Finished:
    """This test's ``background`` command, finished."""
    runner = request.config.stash.get(_KEY, None)
    key = runner.keys.get(request.node.nodeid) if runner is not None else None
    if runner is None or key is None:
        raise pytest.UsageError(f"{request.node.nodeid} has no `background` mark")
    job = runner.jobs[key]
    job.done.wait()
    assert job.result is not None, "the run was stopped before this command ran"
    return job.result
