"""The examples run as documented: offline, on the sandboxes."""

from __future__ import annotations

from tests.examples import run_example


def test_quickstart() -> None:
    out = run_example("quickstart.py")
    assert "12 incoming transactions, e.g.:" in out
    assert "  - order PO9383-R45 (1 lines)" in out
    assert "successful transactions: ['ORDER: SUCCESS', 'INVOICE: SUCCESS']" in out
    assert "retried through a 503 ([503, 200]): SUCCESS" in out
    assert "typed error: 404 Not Found from GET" in out
    assert "first four: ['order PO9383-R45 (1 lines)'" in out
    assert "stale update refused (409); current version 2" in out
    assert "found: [('SO-1001', 'PACKED')]" in out
    assert "status webhooks: ['AWAITING_PICK_AND_PACK', 'PACKED']" in out
    assert "228 Created with issues: True (REJECTED)" in out
    assert "logged in as John Doe" in out
    assert "full sync: ['created']" in out
    assert "ERP push: 1 created, 0 refused" in out
    assert "incremental sync: ['created']" in out
    assert "verified webhook: order.created 4500000001" in out
    assert "vendors imported: 2 ok" in out
    assert "vendors: ['Acme Resins', 'Bolt & Nut']" in out
    assert "refused before sending: ['country']" in out
    assert "stocks.push_incremental: 25,000 rows in 3 chunk(s), 25,000 accepted, 0 failed" in out
    assert "client update: [range(0, 1)] NotFoundError" in out
    assert "orders ['ONE-1001', 'ONE-1002'] shipped: True" in out
