"""Every Python example of docs/platforms/one_platform.md runs (offline) and prints what the
page says; a block that needs a package not installed here (APScheduler) is only compiled."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "platforms" / "one_platform.md"

RUNNER = """
import sys, traceback
blocks = sys.stdin.read().split("\\n#---block---\\n")
failed = 0
for index, block in enumerate(blocks):
    print(f"--- block {index}")
    try:
        exec(compile(block, f"block {index}", "exec"), {"__name__": f"block{index}"})
    except Exception:
        failed += 1
        print(f"block {index} failed:", file=sys.stderr)
        traceback.print_exc()
sys.exit(1 if failed else 0)
"""


def _needs_missing_package(block: str) -> bool:
    for name in re.findall(r"^(?:from|import) (\w+)", block, re.M):
        if importlib.util.find_spec(name) is None:
            return True
    return False


def _expected(block: str) -> list[str]:
    """The output a block shows in its trailing ``# ...`` comment lines."""
    lines = block.rstrip("\n").splitlines()
    shown: list[str] = []
    while lines and lines[-1].startswith("# "):
        shown.insert(0, lines.pop()[2:])
    return shown


def test_every_python_block_runs_and_prints_what_the_page_shows() -> None:
    blocks = re.findall(r"```python\n(.*?)```", PAGE.read_text(), re.S)
    assert len(blocks) >= 10
    runnable = [b for b in blocks if not _needs_missing_package(b)]
    for block in blocks:
        compile(block, "page", "exec")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ONE_PLATFORM_")}
    done = subprocess.run(
        [sys.executable, "-c", RUNNER],
        input="\n#---block---\n".join(runnable),
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    outputs = done.stdout.split("--- block ")[1:]
    assert len(outputs) == len(runnable)
    for block, output in zip(runnable, outputs, strict=True):
        printed = output.splitlines()[1:]
        for index, line in enumerate(_expected(block)):
            if line == "...":
                break
            assert printed[index] == line, (block, printed)
