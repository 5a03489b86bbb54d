"""Pharus: from a purchase order to stock — vendor, material, PO, receipt, ledger, summary.

Runs on the embedded Pharus sandbox by default (no credentials, no network). With
``PHARUS_BASE_URL``, ``PHARUS_TOKEN`` and ``PHARUS_ORG_ID`` set it runs against the real API
(every Pharus route is inferred from its document: correct one with ``route_overrides``).

    python examples/pharus_purchase_to_stock.py
"""

from __future__ import annotations

import os
from decimal import Decimal

from supplychain_sdk.pharus import InUseError, Pharus
from supplychain_sdk.sandbox.pharus import PharusSandbox


def connect() -> Pharus:
    """The real API when PHARUS_* is set, else a client on a fresh sandbox."""
    if os.environ.get("PHARUS_BASE_URL"):
        return Pharus()  # PHARUS_TOKEN (or a provider: Pharus(token=get_id_token)), PHARUS_ORG_ID
    return PharusSandbox().client()


def main() -> None:
    with connect() as client:
        warehouse = client.locations.create(name="Main warehouse", country="DE")
        vendor = client.vendors.create(name="Acme Resins GmbH", country="DE", term="NET30")
        resin_type = client.material_types.create(name="Resins")
        resin = client.materials.create(code="RES-100", name="Epoxy resin", type_id=resin_type.id)
        print(f"vendor {vendor.name}, material {resin.material_code} ({resin.name})")

        order = client.purchase_orders.create(
            vendor_id=vendor.id,
            target_type="materials",
            status="Placed",
            ship_to_location_id=warehouse.id,
            items=[
                {"material_id": resin.id, "quantity": Decimal("12.5"), "unit_cost": Decimal("4.10")}
            ],
        )
        po = order.purchase_order
        print(f"PO {po.po_number}: {po.status}, {len(order.items)} line(s)")

        line = order.items[0]
        receipt = client.purchase_orders.receipts.create(
            po.id,
            receipt_date="2026-11-30",
            items=[{"purchaseOrderItemId": line.id, "quantity": Decimal("12.5")}],
        )
        print(f"received: PO is now {receipt.purchase_order.status}")

        for entry in client.materials_inventory.ledger.list(material_id=resin.id):
            print(f"ledger: {entry.event_type} {entry.quantity} @ {entry.unit_cost} ({entry.ref})")
        for row in client.materials_inventory.summary(material_id=resin.id):
            print(f"on hand at {warehouse.name}: {row.on_hand}")

        try:
            client.locations.delete(warehouse.id)
        except InUseError as exc:
            print(f"location kept: {exc.code} ({exc.error_message})")


if __name__ == "__main__":
    main()
