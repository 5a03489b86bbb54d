"""The runner of slow subprocess checks (tests/background.py)."""

from __future__ import annotations

import os
import shutil
import threading

from tests.background import Job


def test_a_job_runs_its_command_with_its_own_directory_and_environment() -> None:
    os.environ["BACKGROUND_TEST_DROPPED"] = "gone"
    try:
        job = Job(
            [
                "-c",
                "import os, sys; print(sys.argv[1]);"
                " print(os.environ.get('BACKGROUND_TEST_DROPPED'));"
                " print(os.environ['BACKGROUND_TEST_SET']); sys.stderr.write('err'); sys.exit(3)",
                "{tmp}/out",
            ],
            {"BACKGROUND_TEST_DROPPED": None, "BACKGROUND_TEST_SET": "set"},
        )
    finally:
        del os.environ["BACKGROUND_TEST_DROPPED"]
    try:
        job.run(threading.Event())
    finally:
        shutil.rmtree(job.tmp)
    assert job.done.is_set()
    assert job.result is not None
    assert job.result.returncode == 3
    assert job.result.stdout.splitlines() == [f"{job.tmp}/out", "None", "set"]
    assert job.result.stderr == "err"
    assert job.result.tmp == job.tmp
    assert job.result.output().endswith("set\nerr")


def test_a_stopped_run_starts_nothing() -> None:
    job = Job(["-c", "pass"], {})
    stopping = threading.Event()
    stopping.set()
    job.run(stopping)
    shutil.rmtree(job.tmp)
    assert job.done.is_set()
    assert job.result is None
    assert job.process is None
