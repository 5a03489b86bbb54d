"""examples/one_platform_nightly.py: on the sandbox by default, on the real API with env."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from supplychain_sdk.one_platform import OnePlatform
from supplychain_sdk.sandbox.one_platform import OnePlatformSandbox
from tests.examples import load_example

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "examples" / "one_platform_nightly.py"


example = load_example("one_platform_nightly")


def test_a_run_pushes_uploads_and_handles_the_pending_orders() -> None:
    sandbox = OnePlatformSandbox()
    erp = example.Erp(products=300)
    with sandbox.client() as client:
        summary = example.run(client, erp)
    assert (summary.stocks.total_rows, summary.stocks.ok) == (200, True)
    assert len(sandbox.stocks["MAIN"]) == 200
    assert "SKU-00002" not in sandbox.stocks["MAIN"]  # not marked for ONe in the ERP
    assert [c.status for c in summary.prices.chunks] == ["accepted", "accepted", "failed"]
    assert summary.prices.failed_ranges == [range(12_000, 18_000)]
    assert {row["client_id"] for row in summary.prices.failed_rows} == {"C-003"}
    assert sandbox.price_lists == {
        "C-001": {"C-001-BASE", "C-001-PROMO"},
        "C-002": {"C-002-BASE", "C-002-PROMO"},
    }
    assert sandbox.files[("invoice", "FV-2026-0001")] == example.INVOICE_PDF
    assert summary.orders == erp.handled == ["ONE-1001", "ONE-1002"]
    assert summary.statuses.ok
    assert summary.still_pending == []
    assert sandbox.order_statuses["ONE-1001"]["erpOrderNumber"] == "ZK/ONE-1001"


def test_main_uses_the_real_api_when_the_environment_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ONE_PLATFORM_BASE_URL", "https://b2b.example.test")
    monkeypatch.setenv("ONE_PLATFORM_TOKEN", "real-token")
    calls: list[tuple[OnePlatform, Any]] = []
    monkeypatch.setattr(example, "run", lambda client, erp: calls.append((client, erp)))
    example.main()
    ((client, erp),) = calls
    assert client.base_url == "https://b2b.example.test"
    assert client.config.app_info == ("one-platform-nightly", "1.0")
    assert isinstance(erp, example.Erp)


def test_the_script_runs_against_the_sandbox() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ONE_PLATFORM_")}
    done = subprocess.run(
        [sys.executable, str(SCRIPT)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[5:] == [
        "ONe sandbox at https://one.sandbox.invalid",
        "stocks.push_incremental: 16,667 rows in 2 chunk(s), 16,667 accepted, 0 failed",
        "prices.push_b2b: 18,000 rows in 3 chunk(s), 12,000 accepted, 6,000 failed",
        "  chunk 2 (rows 12000-17999): failed 404: client not found",
        "  6,000 price rows kept for the next run",
        "invoice FV-2026-0001: FV-2026-0001.pdf (193 bytes) uploaded",
        "orders waiting on ONe: ['ONE-1001', 'ONE-1002']",
        "orders.push_status: 2 rows in 1 chunk(s), 2 accepted, 0 failed",
        "still waiting after the status push: []",
    ]
    assert done.stdout.splitlines()[0] == (
        "schedule stocks.push_incremental: 0 */2 * * * * (every 2 minutes)"
    )
