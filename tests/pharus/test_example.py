"""examples/pharus_purchase_to_stock.py runs offline on the sandbox, as documented."""

from __future__ import annotations

from tests.examples import run_example


def test_purchase_to_stock_example() -> None:
    out = run_example("pharus_purchase_to_stock.py")
    assert out.splitlines() == [
        "vendor Acme Resins GmbH, material RES-100 (Epoxy resin)",
        "PO PO-0001: Placed, 1 line(s)",
        "received: PO is now Received",
        "ledger: RECEIVE 12.5 @ 4.10 (PO-0001)",
        "on hand at Main warehouse: 12.5",
        "location kept: in_use (locations 10000000-0000-0000-0000-000000000002 is in use)",
    ]
