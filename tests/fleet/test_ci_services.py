"""``scripts/ci_services.sh`` is quiet when the servers are there, and installs nothing (with a
reason) where it cannot. The install itself (apt-get) is not run by the tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "ci_services.sh"
BASH = shutil.which("bash") or "/bin/bash"


def run(path: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [BASH, str(SCRIPT)],
        env={"PATH": path},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def fake_bin(folder: Path, *names: str) -> Path:
    folder.mkdir()
    for name in names:
        (folder / name).write_text("#!/bin/sh\nexit 0\n")
        (folder / name).chmod(0o755)
    return folder


def test_nothing_to_do_when_both_servers_are_there(tmp_path: Path) -> None:
    folder = fake_bin(tmp_path / "bin", "initdb", "redis-server")
    done = run(str(folder))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_without_apt_get_it_says_what_it_did_not_install(tmp_path: Path) -> None:
    folder = fake_bin(tmp_path / "bin", "initdb")  # no redis-server, no apt-get
    done = run(str(folder))
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == (
        "ci_services: no apt-get; not installing redis-server (the tests that need them skip)\n"
    )
