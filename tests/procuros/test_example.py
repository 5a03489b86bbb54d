"""examples/procuros_order_to_invoice.py against the sandbox, through the contract checker."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from supplychain_sdk.procuros import Procuros
from supplychain_sdk.sandbox.procuros import ProcurosSandbox, StoredTransaction, example_documents
from tests.conftest import Mode
from tests.examples import load_example
from tests.procuros.conftest import TOKEN, make_client

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "examples" / "procuros_order_to_invoice.py"
FULL, MINIMAL = (example["content"] for example in example_documents()["ORDER"])
TODAY = dt.date(2024, 5, 6)


example = load_example("procuros_order_to_invoice")


def order(identifier: str, base: dict[str, Any] = FULL) -> dict[str, Any]:
    return {**base, "header": {**base["header"], "orderIdentifier": identifier}}


def sent(sandbox: ProcurosSandbox, tx_type: str) -> list[StoredTransaction]:
    return [
        t
        for t in sandbox.connections[TOKEN].transactions.values()
        if t.direction == "outgoing" and t.type == tx_type
    ]


def by_order(transactions: list[StoredTransaction]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for t in transactions:
        out.setdefault(t.content["header"]["orderIdentifier"], []).append(t.content)
    return out


@pytest.fixture
def mode() -> Mode:
    return Mode("sync")  # the example is sync; no real sleeps on retries


def test_every_order_gets_one_response_and_one_invoice(mode: Mode) -> None:
    sandbox = ProcurosSandbox()  # the seeded ORDER is PO9383-R45
    for identifier in ("PO-2", "PO-3"):
        sandbox.deliver("ORDER", order(identifier))
    client = make_client(mode, sandbox)

    summary = example.run(client, today=TODAY)

    identifiers = ["PO9383-R45", "PO-2", "PO-3"]
    assert [o.order_identifier for o in summary.outcomes] == identifiers
    assert all(o.error is None and len(o.sent) == 2 for o in summary.outcomes)
    responses, invoices = (
        by_order(sent(sandbox, "ORDER_RESPONSE")),
        by_order(sent(sandbox, "INVOICE")),
    )
    assert {k: len(v) for k, v in responses.items()} == dict.fromkeys(identifiers, 1)
    assert {k: len(v) for k, v in invoices.items()} == dict.fromkeys(identifiers, 1)

    response = responses["PO9383-R45"][0]
    assert response["header"]["type"] == "ACCEPT"
    assert response["header"]["orderResponseIdentifier"] == "RE-PO9383-R45"
    assert response["header"]["orderResponseDate"] == "2024-05-06"
    assert response["header"]["buyer"] == FULL["header"]["buyer"]
    assert response["header"]["supplier"] == FULL["header"]["supplier"]
    assert response["header"]["confirmedDeliveryDate"] == "2021-10-05"
    assert [(i["orderedQuantity"], i["confirmedQuantity"]) for i in response["items"]] == [
        (10.0, 10.0)
    ]
    invoice = invoices["PO9383-R45"][0]
    assert invoice["header"]["invoiceIdentifier"] == "INV-PO9383-R45"
    assert invoice["header"]["orderDate"] == "2021-09-30"
    line = invoice["items"][0]
    assert (line["quantity"], line["unitPrice"], line["tax"]) == (
        10.0,
        1.23,
        {"percentage": 7.0, "amount": 0.86},
    )
    assert invoice["summary"] == {
        "subtotalAmount": 12.3,
        "netAmount": 12.3,
        "grossAmount": 13.16,
        "dueAmount": 13.16,
    }
    posts = [r for r in sandbox.requests if (r.method, r.path) == ("POST", "/v2/transactions")]
    assert len(posts) == 6
    assert all(b"null" not in r.body for r in posts)  # no optional field sent as null

    connection = sandbox.connections[TOKEN]
    assert [t.type for t in connection.incoming].count("ORDER") == 0
    assert len(connection.incoming) == 11  # the other seeded types are left alone
    assert summary.marked is not None
    assert summary.marked.all_accepted
    assert summary.marked.batches == 1
    assert [r.path for r in sandbox.requests].count("/v2/transactions/bulk/mark-processed") == 1
    orders = [t for t in connection.transactions.values() if t.type == "ORDER"]
    assert [t.status for t in orders] == ["SUCCESS"] * 3


def test_an_order_without_prices_is_reported_as_a_data_failure(mode: Mode) -> None:
    sandbox = ProcurosSandbox()
    bad_id = sandbox.deliver("ORDER", MINIMAL)
    client = make_client(mode, sandbox)

    summary = example.run(client, today=TODAY)

    failed = summary.outcomes[1]
    assert (failed.order_identifier, failed.sent) == ("PO9383-R46", [])
    assert "PO9383-R46" not in by_order(sent(sandbox, "ORDER_RESPONSE"))  # nothing half-sent
    stored = sandbox.connections[TOKEN].transactions[bad_id]
    assert stored.status == "FAILED"
    assert stored.processed == {
        "success": False,
        "errorType": "DATA",
        "errorReason": "order line 1 lacks an item identifier, price or tax rate",
        "errorContext": {"orderIdentifier": "PO9383-R46"},
    }
    assert summary.marked is not None
    assert summary.marked.all_accepted
    assert summary.marked.items[1].error_url is not None
    assert summary.outcomes[0].error is None
    assert len(summary.outcomes[0].sent) == 2


def test_a_failed_send_is_not_retried_and_the_order_is_marked_failed(mode: Mode) -> None:
    sandbox = ProcurosSandbox()
    sandbox.deliver("ORDER", order("PO-2"))
    sandbox.faults.statuses([503], method="POST", path="^/v2/transactions$")
    client = make_client(mode, sandbox)

    summary = example.run(client, today=TODAY)

    posts = [r for r in sandbox.requests if (r.method, r.path) == ("POST", "/v2/transactions")]
    assert len(posts) == 3  # the refused ORDER_RESPONSE once (no retry), no invoice, then 2
    assert mode.sleeps == []
    first, second = summary.outcomes
    assert first.error_type == "INTERNAL"
    assert first.error.startswith("503 Service Unavailable from POST")
    assert first.sent == []
    assert second.error is None
    assert len(second.sent) == 2
    stored = sandbox.connections[TOKEN].transactions[first.transaction_id]
    assert stored.processed is not None
    assert stored.processed["errorType"] == "INTERNAL"
    assert stored.status == "FAILED"  # out of the queue: the next run does not answer it again
    assert [t.type for t in sandbox.connections[TOKEN].incoming].count("ORDER") == 0


def test_queued_sends_are_reported_without_an_id(mode: Mode) -> None:
    sandbox = ProcurosSandbox(queue_sends=True)
    summary = example.run(make_client(mode, sandbox), today=TODAY)
    assert summary.outcomes[0].sent == [
        "OrderResponse RE-PO9383-R45: queued (202, no id yet)",
        "Invoice INV-PO9383-R45: queued (202, no id yet)",
    ]


def test_nothing_to_do() -> None:
    summary = example.run(ProcurosSandbox(seed=False).client())
    assert (summary.outcomes, summary.marked) == ([], None)


def test_main_uses_the_real_api_when_a_token_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROCUROS_API_TOKEN", "real-token")
    monkeypatch.setenv("PROCUROS_ENVIRONMENT", "staging")
    clients: list[Procuros] = []
    monkeypatch.setattr(example, "run", lambda client: clients.append(client) or example.Summary())
    example.main()
    assert clients[0].base_url == "https://api.procuros-staging.io"


def test_script_runs_against_the_sandbox() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROCUROS_")}
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
    assert "Procuros at https://api.procuros.sandbox.invalid" in out
    assert "3 incoming ORDER(s)" in out
    assert out.count(": answered") == 2
    assert "sent OrderResponse RE-PO9383-R45: " in out
    assert "sent Invoice INV-PO9383-R45: " in out
    assert "PO9383-R46: FAILED (DATA) order line 1 lacks" in out
    assert "marked processed: 3 of 3 accepted" in out
