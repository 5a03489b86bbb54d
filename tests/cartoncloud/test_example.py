"""examples/cartoncloud_outbound_order.py against the sandbox."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from supplychain_sdk.cartoncloud import OutboundOrder
from supplychain_sdk.sandbox.cartoncloud import CartonCloudSandbox
from tests.cartoncloud.conftest import TENANT
from tests.examples import load_example

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "examples" / "cartoncloud_outbound_order.py"


example = load_example("cartoncloud_outbound_order")


def test_create_read_update_and_follow() -> None:
    sandbox = CartonCloudSandbox()
    client = sandbox.client()
    moved: list[str] = []

    def warehouse(order: OutboundOrder) -> None:
        moved.append(str(order.status))
        sandbox.advance("outbound_order", order.id)

    summary = example.run(
        client,
        reference="SO-TEST-1",
        customer_code="SANDBOX",
        product_code="SKU-APPLE",
        on_poll=warehouse,
        sleep=lambda seconds: None,
    )
    assert summary.created_status == "AWAITING_PICK_AND_PACK"
    assert summary.found_by_reference is True
    assert summary.instructions == "Deliver between 9 and 5. Fragile: glass bottles."
    assert summary.versions == [1, 2, 4]
    assert summary.statuses == ["AWAITING_PICK_AND_PACK", "PACKED", "DISPATCHED"]
    assert moved == ["AWAITING_PICK_AND_PACK", "PACKED"]
    stored = sandbox.tenants[TENANT].outbound_orders[summary.order_id]
    assert stored["details"]["instructions"] == summary.instructions
    assert stored["items"][0]["measures"]["quantity"] == 2
    puts = [r for r in sandbox.requests if r.method == "PUT"]
    assert [r.header("if-match") for r in puts] == ["1"]


def test_a_conflicting_change_is_read_again() -> None:
    sandbox = CartonCloudSandbox()
    client = sandbox.client()
    original = client.outbound_orders.retrieve

    def racing_retrieve(order_id: str, **kwargs: Any) -> OutboundOrder:
        order = original(order_id, **kwargs)
        if order.version == 1:  # the warehouse packs it right after our first read
            sandbox.advance("outbound_order", order_id)
        return order

    client.outbound_orders.retrieve = racing_retrieve  # type: ignore[method-assign]
    summary = example.run(
        client,
        reference="SO-TEST-2",
        customer_code="SANDBOX",
        product_code="SKU-APPLE",
        max_polls=1,
        sleep=lambda seconds: None,
    )
    puts = [r for r in sandbox.requests if r.method == "PUT"]
    assert [r.header("if-match") for r in puts] == ["1", "2"]  # 409, then read again
    assert summary.versions[:2] == [1, 3]
    assert summary.statuses == ["PACKED"]


def test_created_with_issues_stops_early() -> None:
    sandbox = CartonCloudSandbox()
    sandbox.set_stock("SKU-APPLE", 1)
    summary = example.run(
        sandbox.client(), reference="SO-TEST-3", customer_code="SANDBOX", product_code="SKU-APPLE"
    )
    assert summary.created_with_issues is True
    assert summary.statuses == ["REJECTED"]
    assert [r.method for r in sandbox.requests] == ["POST", "POST"]  # token, create


def test_main_uses_the_real_api_when_credentials_are_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARTONCLOUD_CLIENT_ID", "real-id")
    monkeypatch.setenv("CARTONCLOUD_CLIENT_SECRET", "real-secret")
    monkeypatch.setenv("CARTONCLOUD_TENANT_ID", TENANT)
    monkeypatch.delenv("CARTONCLOUD_CUSTOMER_CODE", raising=False)
    with pytest.raises(SystemExit, match="CARTONCLOUD_CUSTOMER_CODE"):
        example.main()
    monkeypatch.setenv("CARTONCLOUD_CUSTOMER_CODE", "C1")
    monkeypatch.setenv("CARTONCLOUD_PRODUCT_CODE", "P1")
    seen: list[Any] = []

    def fake_run(client: Any, **kwargs: Any) -> Any:
        seen.append((client.base_url, client.tenant_id, kwargs["customer_code"]))
        return example.Summary(order_id="x", reference=kwargs["reference"])

    monkeypatch.setattr(example, "run", fake_run)
    example.main()
    assert seen == [("https://api.cartoncloud.com", TENANT, "C1")]


def test_script_runs_against_the_sandbox() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARTONCLOUD_")}
    done = subprocess.run(
        [sys.executable, str(SCRIPT)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout.splitlines()
    assert out[0] == "CartonCloud sandbox at https://api.cartoncloud.sandbox.invalid"
    assert out[1].endswith(": AWAITING_PICK_AND_PACK")
    assert out[2:] == [
        "found again by its reference: True",
        "instructions now: 'Deliver between 9 and 5. Fragile: glass bottles.'",
        "versions: 1 -> 2 -> 4",
        "statuses followed: AWAITING_PICK_AND_PACK -> PACKED -> DISPATCHED",
        "webhook: outbound_order v1 -> AWAITING_PICK_AND_PACK",
        "webhook: outbound_order v3 -> PACKED",
        "webhook: outbound_order v4 -> DISPATCHED",
    ]
