"""Every python block of README.md and docs/ runs (offline, on the sandboxes) and type-checks
under ``mypy --strict``. Markers and their meaning: see ``tests/docs/blocks.py``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.background import Finished

from .blocks import MARKERS, ROOT, VALUED, Block, all_blocks, exports_of
from .jobs import clean_env, is_test_module

PAGES = all_blocks()

#: Lines a page's blocks print, checked in its output (beyond "every block ran").
EXPECTED_OUTPUT: dict[str, list[str]] = {
    "README.md": ["PO9383-R45"],
    "docs/index.md": ["{'id': '42', 'status': 'open'}", "Bearer test-token"],
    "docs/platforms/cartoncloud.md": [
        "AWAITING_PICK_AND_PACK 1 False",
        "True REJECTED",
        "3 PACKED Fragile: glass bottles",
        "['PACKED', 'DISPATCHED']",
        "webhook header 'X-Webhook-Token' is missing or wrong",
    ],
    "docs/platforms/onescp.md": [
        "PO-2024-001 p1 1",
        "ops@acme.example [5.0, 2.0]",
        "[('invoice-4711.pdf', 'Invoice'), ('Copy', 'General')]",
        "Sam Supplier PO-2024-001",
        "shipment.deleted",
    ],
    "docs/cookbook/incremental-sync.md": ["1\n0\n1\n1\n[('PO-2024-001', 'approved')]"],
    "docs/cookbook/webhooks.md": ["['order.status_changed']\n200\n200\n1\n401"],
    "docs/cookbook/erp-upserts.md": [
        "2 0 True\n0 2\n3",
        "SAP-PO-X -> supplierId ee00000000000000000000ff is not a user",
        "{'rows[1].orderLines': [\"use 'lines', not 'orderLines' (sync-from-erp reads 'lines')\"]}",
    ],
    "docs/cookbook/chunked-pushes.md": [
        "stocks.push_incremental: 25,000 rows in 3 chunk(s), 15,000 accepted, 10,000 failed",
        "False [range(0, 10000)] 10000\nTrue",
        "[(25000, 5000, 20000), (20000, 20000, 0)]\nTrue",
    ],
    "docs/cookbook/read-modify-write.md": [
        "3 PACKED Deliver before 10:00\n['1', '2']",
        "\n4\n",
        "is already DISPATCHED",
    ],
}

#: Pages whose blocks end with the lines they print, as ``# ...`` comments (up to a
#: ``# ...`` line): each block's output must start with them.
SHOWN_OUTPUT = frozenset({"docs/platforms/one_platform.md"})


def _shown(block: Block) -> list[str]:
    lines = block.code.rstrip("\n").splitlines()
    shown: list[str] = []
    while lines and lines[-1].startswith("# "):
        shown.insert(0, lines.pop()[2:])
    return shown[: shown.index("...")] if "..." in shown else shown


def test_pages_are_found_and_markers_are_known_and_explained() -> None:
    assert "README.md" in PAGES
    assert "docs/platforms/procuros.md" in PAGES
    assert sum(len(blocks) for blocks in PAGES.values()) >= 100
    for blocks in PAGES.values():
        for block in blocks:
            assert set(block.markers) <= MARKERS, (block.page, block.line, block.markers)
            for kind, reason in block.markers.items():
                if kind in VALUED:
                    assert reason, f"{block.page}:{block.line}: '# docs: {kind}' needs a value"


# every page's blocks, run once in one interpreter beside the suite (tests/docs/jobs.py)
@pytest.mark.background(
    ["-m", "tests.docs.jobs", "run", "{tmp}"],
    env={"PYTHONPATH": str(ROOT / "src")},
    key="docs: run the pages",
)
@pytest.mark.parametrize("page", sorted(PAGES))
def test_the_blocks_of_a_page_run_in_order(page: str, background: Finished, tmp_path: Path) -> None:
    runnable: list[Block] = [b for b in PAGES[page] if b.runs]
    if not runnable:
        pytest.skip(f"every block of {page} is marked no-run")
    if is_test_module(PAGES[page]):
        _run_as_pytest_module(page, runnable, tmp_path)
        return
    assert background.returncode == 0, background.output()
    runs = json.loads((background.tmp / "runs.json").read_text(encoding="utf-8"))
    result = runs[page]
    assert result["ok"], result["stdout"][-3000:] + result["stderr"]
    stdout: str = result["stdout"]
    for line in EXPECTED_OUTPUT.get(page, []):
        assert line in stdout, (line, stdout)
    if page in SHOWN_OUTPUT:
        outputs = stdout.split("--- ")[1:]
        assert len(outputs) == len(runnable)
        for block, output in zip(runnable, outputs, strict=True):
            printed = output.splitlines()[1:]
            shown = _shown(block)
            assert printed[: len(shown)] == shown, (block.page, block.line, printed)


#: a page that is a test module runs alone: no plugins it does not use, warnings are errors
PYTEST_OPTIONS = ("-q", "-p", "no:cacheprovider", "-p", "no:asyncio", "-W", "error")


def _run_as_pytest_module(page: str, runnable: list[Block], tmp_path: Path) -> None:
    module = tmp_path / "test_docs_page.py"
    module.write_text("\n".join(f"# {b.page}:{b.line}\n{b.code}" for b in runnable))
    done = subprocess.run(
        [sys.executable, "-m", "pytest", *PYTEST_OPTIONS, module.name],
        capture_output=True,
        text=True,
        env={**clean_env(), **exports_of(ROOT / page)},
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    tests = sum(b.code.count("\ndef test_") + b.code.startswith("def test_") for b in runnable)
    assert tests >= 1
    assert f"{tests} passed" in done.stdout, done.stdout


@pytest.mark.background(["-m", "tests.docs.jobs", "typecheck", "{tmp}"])
def test_every_block_type_checks_under_mypy_strict(background: Finished) -> None:
    assert background.returncode == 0, background.output()
