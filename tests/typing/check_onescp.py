"""Static typing checks of the ONESCP surface (mypy --strict; never executed)."""

from __future__ import annotations

from typing import Any

from typing_extensions import assert_type

from supplychain_sdk import AsyncPager, SyncPager
from supplychain_sdk.onescp import (
    AsyncChangeFeed,
    AsyncOneScp,
    BulkImportResult,
    ChangeFeed,
    Created,
    Deleted,
    Document,
    ErpSyncReport,
    FileCheckpoint,
    Item,
    OneScp,
    Order,
    OrderUpdatedEvent,
    RateLimit,
    Shipment,
    Task,
    UnknownEvent,
    Updated,
    User,
    WebhookEvent,
    webhooks,
)


def sync_usage(client: OneScp) -> None:
    assert_type(client.orders.list(status="approved"), SyncPager[Order])
    assert_type(client.orders.retrieve("id"), Order)
    assert_type(client.orders.documents.list("id"), list[Document])
    assert_type(client.shipments.update_status("id", "delivered"), Shipment)
    assert_type(client.tasks.decide("id", "accept"), Task)
    assert_type(client.items.export(), bytes)
    assert_type(client.items.export(format="excel", to="items.xlsx"), int)
    assert_type(client.items.bulk_import(b"itemNumber\n"), BulkImportResult)
    assert_type(client.auth.login(), User)
    assert_type(client.rate_limit, RateLimit | None)
    feed = client.orders.changes(checkpoint=FileCheckpoint("orders.json"))
    assert_type(feed, ChangeFeed[Order])
    for change in feed:
        assert_type(change, Created[Order] | Updated[Order] | Deleted)
        match change:
            case Created(record=order) | Updated(record=order):
                assert_type(order, Order)
            case Deleted(id=record_id):
                assert_type(record_id, str)
    assert_type(client.items.upsert_from_erp([{"itemNumber": "X"}]), ErpSyncReport[Item])


async def async_usage(client: AsyncOneScp) -> None:
    assert_type(client.orders.list(), AsyncPager[Order])
    assert_type(await client.orders.retrieve("id"), Order)
    assert_type(await client.items.export(), bytes)
    feed = client.tasks.changes()
    assert_type(feed, AsyncChangeFeed[Task])
    async for change in feed:
        assert_type(change, Created[Task] | Updated[Task] | Deleted)


def receiver(body: bytes, headers: dict[str, str]) -> None:
    event = webhooks.verify(body, headers, ["old", "new"])
    assert_type(event, WebhookEvent)
    assert_type(event.unsigned, frozenset[str])
    assert_type(event.signed_event, bool)
    if isinstance(event, OrderUpdatedEvent):
        assert_type(event.data, Order)
    elif isinstance(event, UnknownEvent):
        assert_type(event.data, Any)
