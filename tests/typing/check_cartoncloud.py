"""Static typing checks of the CartonCloud API (run by mypy --strict, never executed)."""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import assert_type

from supplychain_sdk import AsyncPager, SyncPager
from supplychain_sdk.cartoncloud import (
    MATCH_ALL,
    AsyncCartonCloud,
    CartonCloud,
    Consignment,
    Customer,
    InboundOrder,
    JsonField,
    NewOutboundOrder,
    NewTransportProduct,
    NewWarehouseProduct,
    OutboundOrder,
    Product,
    ProductReferences,
    References,
    Tenant,
    TransportProduct,
    UnknownProduct,
    User,
    WarehouseProduct,
    webhooks,
)
from supplychain_sdk.cartoncloud.webhooks import (
    ConsignmentEvent,
    InboundOrderEvent,
    OutboundOrderEvent,
)


def sync_usage(client: CartonCloud) -> None:
    assert_type(client.user.info(), User)
    assert_type(client.tenants.list(), list[Tenant])
    assert_type(client.for_tenant("t"), CartonCloud)
    new = NewOutboundOrder(references=References(customer="SO-1"), customer=Customer.by_code("C"))
    order = client.outbound_orders.create(new)
    assert_type(order, OutboundOrder)
    assert_type(order.id, str)
    assert_type(order.version, int)
    assert_type(order.created_with_issues, bool)
    assert_type(client.outbound_orders.retrieve(order.id), OutboundOrder)
    assert_type(client.outbound_orders.update(order), OutboundOrder)
    pager = client.outbound_orders.search(JsonField("/status").equals("DRAFT"))
    assert_type(pager, SyncPager[OutboundOrder])
    warehouse = NewWarehouseProduct(
        type="T",
        references=ProductReferences(code="A"),
        customer=Customer.by_code("C"),
        name="n",
        description="d",
        default_unit_of_measure="units",
    )
    created = client.products.create(warehouse)
    assert_type(created, WarehouseProduct)
    assert_type(client.products.update(created), WarehouseProduct)
    transport = NewTransportProduct(
        type="T", references=ProductReferences(code="B"), name="n", description="d"
    )
    assert_type(client.products.create(transport), TransportProduct)
    assert_type(client.products.create({"scope": "WAREHOUSE"}), Product)
    product = client.products.retrieve("id")
    if isinstance(product, WarehouseProduct):
        assert_type(product.default_unit_of_measure, str)
    elif isinstance(product, TransportProduct):
        assert_type(product.measures, dict[str, Any] | None)
    else:
        assert_type(product, UnknownProduct)
    assert_type(client.customers.list(), SyncPager[Customer])
    assert_type(client.consignments.retrieve("id"), Consignment)
    assert_type(client.products.search(MATCH_ALL, page_size=50, limit=100), SyncPager[Product])


def route_override_usage() -> None:
    client = CartonCloud(
        "id",
        "secret",
        route_overrides={"outbound_orders.update": ("PUT", "/v2/{tenant_id}/o/{order_id}")},
    )
    assert_type(client.outbound_orders.retrieve("id"), OutboundOrder)


async def async_usage(client: AsyncCartonCloud) -> None:
    assert_type(await client.user.info(), User)
    assert_type(client.for_tenant("t"), AsyncCartonCloud)
    assert_type(client.inbound_orders.list(), AsyncPager[InboundOrder])
    order = await client.outbound_orders.retrieve("id")
    assert_type(order, OutboundOrder)
    async for found in client.outbound_orders.list():
        assert_type(found, OutboundOrder)


def webhook_usage(body: bytes, headers: dict[str, str]) -> None:
    event = webhooks.parse(body, headers, expected_headers={"X-Token": "t"})
    if isinstance(event, OutboundOrderEvent):
        assert_type(event.entity, OutboundOrder)
    match event:
        case InboundOrderEvent():
            assert_type(event.kind, Literal["inbound_order"])
        case ConsignmentEvent(entity=consignment):
            assert_type(consignment.id, str)
        case _:
            pass
    if event.kind == "outbound_order":
        assert_type(event, OutboundOrderEvent)
