"""Static typing checks of the Pharus surface (mypy --strict; never executed)."""

from __future__ import annotations

from decimal import Decimal

from typing_extensions import assert_type

from supplychain_sdk import AsyncPager, SyncPager
from supplychain_sdk.pharus import (
    AsyncPharus,
    BulkImportReport,
    CreatedApiToken,
    Deleted,
    MaterialLedgerEntry,
    OrderChannel,
    Pharus,
    PurchaseOrderDetail,
    SalesOrderDetail,
    Vendor,
    VendorCreateFields,
)


def provider() -> str:
    return "firebase-id-token"


async def async_provider() -> str:
    return "firebase-id-token"


def sync_usage() -> None:
    client = Pharus(token=provider, org_id="org", base_url="https://pharus.example.com")
    assert_type(client.for_org("other"), Pharus)
    vendor = client.vendors.create(name="Acme", country="DE")
    assert_type(vendor, Vendor)
    assert_type(client.vendors.update(vendor.id, is_active=False), Vendor)
    assert_type(client.vendors.delete(vendor.id), Deleted)
    assert_type(client.vendors.list(is_active=True, page_size=50, limit=200), SyncPager[Vendor])
    rows: list[VendorCreateFields] = [{"name": "Acme"}, {"name": "Bolt", "country": "US"}]
    assert_type(client.vendors.bulk_import(rows, batch_size=100), BulkImportReport)
    assert_type(client.materials_inventory.ledger.list(), SyncPager[MaterialLedgerEntry])
    assert_type(client.sales_orders.retrieve("id"), SalesOrderDetail)
    assert_type(client.purchase_orders.retrieve("id"), PurchaseOrderDetail)
    assert_type(client.purchase_orders.pdf("id"), bytes)
    assert_type(client.order_channels.delete("id"), Deleted | OrderChannel)
    assert_type(client.api_tokens.create(name="ci", org_id="org"), CreatedApiToken)
    amount: Decimal = Decimal("4.10")
    client.skus.create(code="S-1", name="Soap", type_id="t", oz_per_item=amount)
    client.vendors.create(name="Acme", bogus=1)  # type: ignore[call-arg]
    client.vendors.create(country="DE")  # type: ignore[call-arg]


async def async_usage() -> None:
    client = AsyncPharus(token=async_provider, org_id="org", base_url="https://x.example")
    vendor = await client.vendors.create(name="Acme")
    assert_type(vendor, Vendor)
    assert_type(client.vendors.list(), AsyncPager[Vendor])
    assert_type(await client.vendors.bulk_import([{"name": "A"}]), BulkImportReport)
    await client.close()
