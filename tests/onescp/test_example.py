"""examples/onescp_erp_sync.py against the sandbox."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from supplychain_sdk.onescp import OneScp
from supplychain_sdk.sandbox.onescp import OneScpSandbox
from tests.conftest import Mode
from tests.examples import load_example
from tests.onescp.conftest import make_client

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "examples" / "onescp_erp_sync.py"
URL = "https://erp.example.com/webhooks/onescp"


example = load_example("onescp_erp_sync")


def run(sandbox: OneScpSandbox, checkpoint: Path, inbox: Any = None) -> Any:
    client = make_client(Mode("sync"), sandbox)
    return example.run(
        client,
        checkpoint,
        supplier_company=sandbox.SUPPLIER_COMPANY_ID,
        supplier_user=sandbox.SUPPLIER_USER_ID,
        inbox=inbox,
        webhook_url=URL if inbox is not None else None,
    )


def test_first_run_mirrors_pushes_and_hears_back(sandbox: OneScpSandbox, tmp_path: Path) -> None:
    inbox = example.WebhookInbox()
    sandbox.register_receiver(URL, inbox.receive)
    summary = run(sandbox, tmp_path / "cp.json", inbox)
    assert summary.initial == 1
    assert summary.pushed_created == ["4500012345", "4500012346"]
    assert (summary.pushed_updated, summary.push_errors) == ([], [])
    assert summary.incremental == ["created 4500012345", "created 4500012346"]
    assert summary.events == ["order.created 4500012345", "order.created 4500012346"]
    assert summary.rejected_webhooks == 0
    pushed = [o for o in sandbox.orders.values() if o.get("erpId")]
    assert [(o["erpId"], len(o["orderLines"])) for o in pushed] == [
        ("SAP-PO-4500012345", 2),
        ("SAP-PO-4500012346", 1),
    ]


def test_second_run_is_incremental_and_idempotent(sandbox: OneScpSandbox, tmp_path: Path) -> None:
    checkpoint = tmp_path / "cp.json"
    run(sandbox, checkpoint)
    again = run(sandbox, checkpoint)
    assert again.initial == 0  # nothing changed since the stored position
    assert (again.pushed_created, again.pushed_updated) == ([], ["4500012345", "4500012346"])
    assert again.incremental == []  # the same rows again change nothing
    assert len([o for o in sandbox.orders.values() if o.get("erpId")]) == 2


def test_forged_webhooks_are_rejected() -> None:
    inbox = example.WebhookInbox()
    inbox.secret = "whsec_real"
    status = inbox.receive(
        b'{"event":"order.created","data":{}}', {"X-Webhook-Signature": "sha256=" + "00" * 32}
    )
    assert (status, inbox.rejected, inbox.events) == (401, 1, [])


def test_push_errors_are_reported(sandbox: OneScpSandbox, tmp_path: Path) -> None:
    client = make_client(Mode("sync"), sandbox)
    summary = example.run(
        client,
        tmp_path / "cp.json",
        supplier_company="cc0000000000000000000003",
        supplier_user="ee00000000000000000000ff",  # not a user
    )
    assert summary.pushed_created == []
    assert summary.push_errors == [
        "SAP-PO-4500012345: supplierId ee00000000000000000000ff is not a user",
        "SAP-PO-4500012346: supplierId ee00000000000000000000ff is not a user",
    ]


def test_main_uses_the_real_api_when_credentials_are_set(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ONESCP_API_KEY", "real-key")
    monkeypatch.setenv("ONESCP_SUPPLIER_COMPANY_ID", "cc0000000000000000000009")
    monkeypatch.setenv("ONESCP_SUPPLIER_USER_ID", "ee0000000000000000000009")
    monkeypatch.setenv("ONESCP_CHECKPOINT", str(tmp_path / "cp.json"))
    monkeypatch.delenv("ONESCP_WEBHOOK_URL", raising=False)
    monkeypatch.delenv("ONESCP_BASE_URL", raising=False)
    calls: list[tuple[OneScp, Path, dict[str, Any]]] = []
    monkeypatch.setattr(example, "run", lambda c, p, **kw: calls.append((c, p, kw)))
    example.main()
    ((client, path, kwargs),) = calls
    assert client.base_url == "https://api.onescp.com"
    assert path == tmp_path / "cp.json"
    assert kwargs == {
        "supplier_company": "cc0000000000000000000009",
        "supplier_user": "ee0000000000000000000009",
        "webhook_url": None,
        "inbox": None,
    }


def test_script_runs_against_the_sandbox() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ONESCP_")}
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
    out = done.stdout
    assert "ONESCP sandbox at https://api.onescp.sandbox.invalid" in out
    assert "logged in as John Doe (buyer)" in out
    assert "initial sync: 1 change(s), 1 order(s) mirrored" in out
    assert "pushed from the ERP: 2 created, 0 updated, 0 refused" in out
    assert "incremental sync: ['created 4500012345', 'created 4500012346']" in out
    assert "verified webhooks: ['order.created 4500012345', 'order.created 4500012346']" in out
