"""Every Python example of docs/platforms/cartoncloud.md runs (each on its own, offline)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "platforms" / "cartoncloud.md"

RUNNER = """
import sys, traceback
blocks = sys.stdin.read().split("\\n#---block---\\n")
failed = 0
for index, block in enumerate(blocks):
    try:
        exec(compile(block, f"block {index}", "exec"), {"__name__": f"block{index}"})
    except Exception:
        failed += 1
        print(f"block {index} failed:", file=sys.stderr)
        traceback.print_exc()
sys.exit(1 if failed else 0)
"""


def test_every_python_block_of_the_page_runs() -> None:
    blocks = re.findall(r"```python\n(.*?)```", PAGE.read_text(), re.S)
    assert len(blocks) >= 15
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARTONCLOUD_")}
    done = subprocess.run(
        [sys.executable, "-c", RUNNER],
        input="\n#---block---\n".join(blocks),
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "AWAITING_PICK_AND_PACK 1 False" in out
    assert "True REJECTED" in out
    assert "3 PACKED Fragile: glass bottles" in out
    assert "['PACKED', 'DISPATCHED']" in out
    assert "webhook header 'X-Webhook-Token' is missing or wrong" in out
