"""Sales orders and order channels against the Pharus sandbox: create/retrieve wrappers vs
the flat update, status timestamps and transitions, items and notes, channel deactivation,
bulk imports, exact money, refusals."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest
import respx

from supplychain_sdk import (
    BadRequestError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
)
from supplychain_sdk.pharus import (
    BrokerUsage,
    BulkRowStatus,
    Deleted,
    FulfillmentStatus,
    InvalidTransitionError,
    OrderChannel,
    OrderChannelUsage,
    SalesOrder,
    SalesOrderDetail,
    SalesOrderStatus,
)
from tests.conftest import Mode

from .conftest import BASE, ID, make_client, plain_client
from .test_contacts import as_viewer, consume, other_org, seed

SKU = "33333333-3333-4333-8333-333333333333"


@pytest.fixture(autouse=True)
def catalog(sandbox: Any) -> None:
    """The SKU the order lines name (a catalog record)."""
    seed(sandbox, "skus", SKU, skuCode="SKU-01", name="Bottle")


async def setup(mode: Mode, client: Any) -> tuple[str, str, str]:
    """A customer, an order channel and a broker."""
    kind = await mode(client.customer_types.create(name="Retail"))
    broker = await mode(client.brokers.create(name="Northwind"))
    customer = await mode(client.customers.create(name="Acme", type_id=kind.id))
    channel = await mode(client.order_channels.create(name="EDI"))
    return customer.id, channel.id, broker.id


def new_order(customer: str, channel: str, **more: Any) -> dict[str, Any]:
    return {
        "customer_id": customer,
        "channel_id": channel,
        "status": "Received",
        "fulfillment_status": "Pending",
        "mabd": "2026-02-01",
        "items": [{"sku_id": SKU, "quantity": 24, "unit_price": Decimal("3.50")}],
        **more,
    }


async def test_order_flow_wrappers_status_stamps_and_money(
    mode: Mode, sandbox: Any, clock: Any
) -> None:
    client = make_client(mode, sandbox)
    customer, channel, broker = await setup(mode, client)
    created = await mode(
        client.sales_orders.create(
            **new_order(customer, channel, broker_id=broker, freight_costs=Decimal("99.90"))
        )
    )
    assert isinstance(created, SalesOrderDetail)
    order = created.sales_order
    assert (order.so_number, order.order_channel_id, order.order_status) == (
        "SO-00001",
        channel,
        SalesOrderStatus.RECEIVED,
    )
    assert order.fulfillment_status is FulfillmentStatus.PENDING
    assert (str(order.freight_costs), order.other_costs, order.broker_fee_percent) == (
        "99.90",
        Decimal("0"),
        None,
    )
    assert order.placed_at == order.received_at == "2026-01-01T00:00:00.000Z"
    assert [(i.sku_id, i.quantity, str(i.unit_price)) for i in created.items] == [(SKU, 24, "3.50")]

    clock.advance(3600)
    shipped = await mode(
        client.sales_orders.update(order.id, status="Shipped", fulfillment_status="Fulfilled")
    )
    assert isinstance(shipped, SalesOrder)
    assert (shipped.order_status, shipped.shipped_at, shipped.received_at) == (
        SalesOrderStatus.SHIPPED,
        "2026-01-01T01:00:00.000Z",
        "2026-01-01T00:00:00.000Z",
    )
    disputed = await mode(
        client.sales_orders.update(
            order.id, status=SalesOrderStatus.IN_DISPUTE, in_dispute_at="2026-01-02T08:00:00Z"
        )
    )
    assert (disputed.order_status, disputed.in_dispute_at) == (
        SalesOrderStatus.IN_DISPUTE,
        "2026-01-02T08:00:00Z",
    )
    detail = await mode(client.sales_orders.retrieve(order.id))
    assert detail.sales_order == disputed
    assert detail.items == created.items

    second = await mode(client.sales_orders.create(**new_order(customer, channel, items=[])))
    assert second.sales_order.so_number == "SO-00002"
    assert [o.id for o in await mode.collect(client.sales_orders.list(page_size=1))] == [
        order.id,
        second.sales_order.id,
    ]
    assert await mode(client.brokers.usage(broker)) == BrokerUsage(
        in_use=True, customer_count=0, so_count=1
    )
    assert await mode(client.sales_orders.delete(order.id)) == Deleted(deleted_id=order.id)
    with pytest.raises(NotFoundError):
        await mode(client.sales_orders.retrieve(order.id))
    assert [i["salesOrderId"] for i in sandbox.table("sales_order_items").values()] == []
    await mode.close(client)


async def test_lines_and_locations_must_be_records_of_the_org(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    customer, channel, _ = await setup(mode, client)
    unknown = sandbox.new_id()
    lines = [
        {"sku_id": SKU, "quantity": 1},
        {"sku_id": unknown, "quantity": 2, "unit_price": 1},
    ]
    with pytest.raises(BadRequestError) as caught:
        await mode(
            client.sales_orders.create(
                **new_order(customer, channel, items=lines, fulfillment_location_id=unknown)
            )
        )
    assert caught.value.field_errors == {
        "items.1.skuId": ["no such SKU"],
        "fulfillmentLocationId": ["no such location"],
    }
    assert sandbox.table("sales_orders") == {}
    order = (await mode(client.sales_orders.create(**new_order(customer, channel)))).sales_order
    with pytest.raises(BadRequestError) as refused:
        await mode(client.sales_orders.items.create(order.id, sku_id=unknown, quantity=1))
    assert refused.value.field_errors == {"skuId": ["no such SKU"]}
    await mode.close(client)


async def test_a_completed_order_keeps_its_status(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    customer, channel, _ = await setup(mode, client)
    order = (
        await mode(client.sales_orders.create(**new_order(customer, channel, status="Completed")))
    ).sales_order
    assert order.completed_at == "2026-01-01T00:00:00.000Z"
    with pytest.raises(InvalidTransitionError) as caught:
        await mode(client.sales_orders.update(order.id, status="Paid"))
    assert caught.value.details == {"from": "Completed", "to": "Paid"}
    same = await mode(client.sales_orders.update(order.id, status="Completed", notes="ok"))
    assert (same.order_status, same.notes) == (SalesOrderStatus.COMPLETED, "ok")
    await mode.close(client)


async def test_items_and_timeline_notes(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    customer, channel, _ = await setup(mode, client)
    order = (
        await mode(client.sales_orders.create(**new_order(customer, channel, items=[])))
    ).sales_order
    line = await mode(
        client.sales_orders.items.create(order.id, sku_id=SKU, quantity=2, unit_price=0.1)
    )
    assert (line.sales_order_id, line.quantity, line.unit_price) == (order.id, 2, Decimal("0.1"))
    changed = await mode(
        client.sales_orders.items.update(line.id, quantity=5, unit_price=Decimal("1.10"))
    )
    assert (changed.quantity, str(changed.unit_price)) == (5, "1.10")
    assert await mode.collect(client.sales_orders.items.list(order.id)) == [changed]
    assert await mode(client.sales_orders.items.delete(line.id)) == Deleted(deleted_id=line.id)
    assert await mode.collect(client.sales_orders.items.list(order.id)) == []

    plain = await mode(client.sales_orders.timeline_notes.create(order.id, body="called buyer"))
    assert (plain.note, plain.order_status) == ("called buyer", SalesOrderStatus.RECEIVED)
    tagged = await mode(
        client.sales_orders.timeline_notes.create(
            order.id, body="freight disputed", status_at_time="In-Dispute"
        )
    )
    assert tagged.order_status is SalesOrderStatus.IN_DISPUTE
    notes = await mode.collect(client.sales_orders.timeline_notes.list(order.id))
    assert [n.note for n in notes] == ["called buyer", "freight disputed"]
    assert await mode(client.sales_orders.timeline_notes.delete(plain.id)) == Deleted(
        deleted_id=plain.id
    )
    with pytest.raises(NotFoundError):
        await mode(client.sales_orders.timeline_notes.delete(plain.id))
    await mode.close(client)


async def test_channel_delete_deactivates_and_reactivate_undoes(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    customer, channel, _ = await setup(mode, client)
    await mode(client.sales_orders.create(**new_order(customer, channel)))
    assert await mode(client.order_channels.usage(channel)) == OrderChannelUsage(
        in_use=True, so_count=1
    )
    deleted = await mode(client.order_channels.delete(channel))
    assert isinstance(deleted, OrderChannel)
    assert (deleted.id, deleted.is_active) == (channel, False)
    assert [c.is_active for c in await mode.collect(client.order_channels.list())] == [False]
    with pytest.raises(BadRequestError) as caught:
        await mode(client.sales_orders.create(**new_order(customer, channel)))
    assert caught.value.field_errors == {"channelId": ["the order channel is inactive"]}
    back = await mode(client.order_channels.reactivate(channel))
    assert back.is_active is True
    renamed = await mode(client.order_channels.update(channel, name="EDI 850", sort_order=2))
    assert (renamed.name, renamed.sort_order) == ("EDI 850", 2)
    await mode.close(client)


async def test_a_hard_channel_delete_answer_is_read_as_deleted(mode: Mode) -> None:
    client = plain_client(mode)
    with respx.mock(base_url=BASE) as router:
        router.delete(f"/api/order-channels/{ID}").mock(
            return_value=httpx.Response(200, json={"deletedId": ID})
        )
        assert await mode(client.order_channels.delete(ID)) == Deleted(deleted_id=ID)
    await mode.close(client)


async def test_status_lists(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    statuses = await mode.collect(client.sales_orders.list_order_statuses())
    assert statuses == list(SalesOrderStatus)
    assert "In-Dispute" in statuses
    assert await mode.collect(client.sales_orders.list_fulfillment_statuses()) == list(
        FulfillmentStatus
    )
    await mode.close(client)


async def test_bulk_import_orders(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    customer, channel, _ = await setup(mode, client)
    rows = [
        new_order(customer, channel),
        new_order(sandbox.new_id(), channel),
        new_order(customer, channel, status="Entered"),
    ]
    report = await mode(client.sales_orders.bulk_import(rows, batch_size=1))
    assert [(r.index, r.status) for r in report.rows] == [
        (0, BulkRowStatus.CREATED),
        (1, BulkRowStatus.ERROR),
        (2, BulkRowStatus.CREATED),
    ]
    assert report.failed[0].error is not None
    orders = await mode.collect(client.sales_orders.list())
    assert [o.id for o in orders] == report.ids
    assert [o.order_status for o in orders] == ["Received", "Entered"]
    items = await mode.collect(client.sales_orders.items.list(orders[0].id))
    assert [str(i.unit_price) for i in items] == ["3.50"]
    await mode.close(client)


_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda c: c.sales_orders.create(**new_order(_ID, _ID, status="Disputed")), "status"),
        (lambda c: c.sales_orders.create(**new_order(_ID, _ID, status="In Dispute")), "status"),
        (
            lambda c: c.sales_orders.create(**new_order(_ID, _ID, fulfillment_status="Done")),
            "fulfillment_status",
        ),
        (lambda c: c.sales_orders.create(**new_order(_ID, _ID, freight_costs=-1)), "freight_costs"),
        (
            lambda c: c.sales_orders.create(
                **new_order(_ID, _ID, items=[{"sku_id": SKU, "quantity": 0}])
            ),
            "items.0.quantity",
        ),
        (
            lambda c: c.sales_orders.create(
                **new_order(_ID, _ID, items=[{"sku_id": SKU, "quantity": 1.5}])
            ),
            "items.0.quantity",
        ),
        (lambda c: c.sales_orders.update(_ID, mabd="next week"), "mabd"),
        (lambda c: c.sales_orders.update(_ID, items=[]), "items"),
        (lambda c: c.sales_orders.items.update(_ID, unit_price=-0.01), "unit_price"),
        (lambda c: c.sales_orders.timeline_notes.create(_ID, body=""), "body"),
        (lambda c: c.order_channels.create(name=""), "name"),
    ],
)
async def test_bad_input_is_refused_before_sending(
    mode: Mode, sandbox: Any, call: Any, field: str
) -> None:
    client = make_client(mode, sandbox)
    with pytest.raises(InvalidRequestError) as caught:
        await consume(mode, call(client))
    assert field in caught.value.field_errors
    assert sandbox.requests == []
    await mode.close(client)


async def test_orders_are_per_organization_and_viewers_only_read(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    customer, channel, _ = await setup(mode, client)
    order = (await mode(client.sales_orders.create(**new_order(customer, channel)))).sales_order
    elsewhere = make_client(mode, sandbox, org_id=other_org(sandbox))
    with pytest.raises(NotFoundError):
        await mode(elsewhere.sales_orders.retrieve(order.id))
    with pytest.raises(BadRequestError):
        await mode(elsewhere.sales_orders.create(**new_order(customer, channel)))
    viewer = as_viewer(mode, sandbox)
    assert [o.id for o in await mode.collect(viewer.sales_orders.list())] == [order.id]
    with pytest.raises(PermissionDeniedError):
        await mode(viewer.order_channels.delete(channel))
    await mode.close(client)
    await mode.close(elsewhere)
    await mode.close(viewer)
