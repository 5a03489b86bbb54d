"""Customers and their lookups against the Pharus sandbox: flows, filters, usage checks and
in-use refusals, bulk imports, exact decimals, refusals before sending."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from supplychain_sdk import (
    BadRequestError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
)
from supplychain_sdk.pharus import (
    Broker,
    BrokerUsage,
    BulkRowStatus,
    Customer,
    CustomerSegmentUsage,
    CustomerType,
    CustomerTypeUsage,
    Deleted,
    InUseError,
)
from tests.conftest import Mode

from .conftest import make_client
from .test_contacts import as_viewer, consume, other_org


async def lookups(mode: Mode, client: Any) -> tuple[str, str, str]:
    """A customer type, segment and broker."""
    kind = await mode(client.customer_types.create(name="Retail"))
    segment = await mode(client.customer_segments.create(name="Grocery"))
    broker = await mode(client.brokers.create(name="Northwind"))
    return kind.id, segment.id, broker.id


async def test_customer_flow_with_filters_and_exact_fee(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    kind, segment, broker = await lookups(mode, client)
    wholesale = await mode(client.customer_types.create(name="Wholesale"))
    acme = await mode(
        client.customers.create(
            name="Acme Foods",
            type_id=kind,
            segment_id=segment,
            broker_id=broker,
            broker_fee_percent=Decimal("2.50"),
            country="US",
            zip_code="62701",
        )
    )
    assert isinstance(acme, Customer)
    assert (acme.customer_type_id, acme.customer_segment_id, acme.broker_id) == (
        kind,
        segment,
        broker,
    )
    assert str(acme.broker_fee_percent) == "2.50"
    assert b'"brokerFeePercent":2.50' in sandbox.requests[-1].body
    west = await mode(client.customers.create(name="Acme West", type_id=kind, parent_id=acme.id))
    assert west.parent_customer_id == acme.id
    bulk = await mode(client.customers.create(name="Bulk Barn", type_id=wholesale.id))

    async def names(**filters: Any) -> list[str]:
        return [c.name for c in await mode.collect(client.customers.list(**filters))]

    assert await names(page_size=2) == ["Acme Foods", "Acme West", "Bulk Barn"]
    assert await names(type="Wholesale") == ["Bulk Barn"]
    assert await names(type=kind, q="WEST") == ["Acme West"]
    assert await names(parent_customer=acme.id) == ["Acme West"]
    assert await names(segment="Grocery", broker=broker) == ["Acme Foods"]

    changed = await mode(client.customers.update(bulk.id, is_active=False, notes="closed"))
    assert (changed.is_active, changed.notes) == (False, "closed")
    assert await names(active=False) == ["Bulk Barn"]
    assert sandbox.requests[-1].query == (("active", "false"), ("limit", "100"))
    assert await mode(client.customers.retrieve(west.id)) == west
    assert await mode(client.customers.delete(bulk.id)) == Deleted(deleted_id=bulk.id)
    with pytest.raises(NotFoundError):
        await mode(client.customers.retrieve(bulk.id))
    await mode.close(client)


async def test_lookups_in_use_cannot_be_deleted(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    kind, segment, broker = await lookups(mode, client)
    acme = await mode(
        client.customers.create(name="Acme", type_id=kind, segment_id=segment, broker_id=broker)
    )
    assert await mode(client.customer_types.usage(kind)) == CustomerTypeUsage(
        in_use=True, customer_count=1, sample_customer_ids=[acme.id]
    )
    sandbox.table("sales_orders")["so-1"] = {
        "id": "so-1",
        "orgId": sandbox.DEFAULT_ORG_ID,
        "customerId": acme.id,
        "brokerId": broker,
    }
    assert await mode(client.brokers.usage(broker)) == BrokerUsage(
        in_use=True, customer_count=1, so_count=1
    )
    with pytest.raises(InUseError) as caught:
        await mode(client.customer_types.delete(kind))
    assert caught.value.code == "in_use"
    assert caught.value.details == {"references": {"customers.customerTypeId": 1}}
    with pytest.raises(InUseError):
        await mode(client.customers.delete(acme.id))
    del sandbox.table("sales_orders")["so-1"]
    assert await mode(client.customers.delete(acme.id)) == Deleted(deleted_id=acme.id)
    assert await mode(client.customer_segments.usage(segment)) == CustomerSegmentUsage(
        in_use=False, customer_count=0, sample_customer_ids=[]
    )
    for resource, record in (
        (client.customer_types, kind),
        (client.customer_segments, segment),
        (client.brokers, broker),
    ):
        assert await mode(resource.delete(record)) == Deleted(deleted_id=record)
    await mode.close(client)


async def test_a_parent_with_children_cannot_be_deleted(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    kind, _, _ = await lookups(mode, client)
    parent = await mode(client.customers.create(name="Parent", type_id=kind))
    await mode(client.customers.create(name="Child", type_id=kind, parent_id=parent.id))
    with pytest.raises(InUseError) as caught:
        await mode(client.customers.delete(parent.id))
    assert caught.value.details == {"references": {"customers.parentCustomerId": 1}}
    with pytest.raises(BadRequestError) as refused:
        await mode(client.customers.update(parent.id, parent_id=parent.id))
    assert refused.value.field_errors == {"parentId": ["a customer cannot be its own parent"]}
    await mode.close(client)


async def test_references_must_exist_in_the_organization(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    kind, _, _ = await lookups(mode, client)
    unknown = sandbox.new_id()
    with pytest.raises(BadRequestError) as caught:
        await mode(client.customers.create(name="Acme", type_id=unknown, broker_id=kind))
    assert caught.value.field_errors == {
        "typeId": ["no such customer type"],
        "brokerId": ["no such broker"],
    }
    elsewhere = make_client(mode, sandbox, org_id=other_org(sandbox))
    with pytest.raises(BadRequestError):
        await mode(elsewhere.customers.create(name="Acme", type_id=kind))
    with pytest.raises(NotFoundError):
        await mode(elsewhere.customer_types.usage(kind))
    assert await mode.collect(elsewhere.customer_types.list()) == []
    await mode.close(client)
    await mode.close(elsewhere)


async def test_bulk_import_reports_every_row_and_a_refused_batch(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    kind, _, _ = await lookups(mode, client)
    rows = [
        {"name": "One", "type_id": kind},
        {"name": "Two", "type_id": kind, "broker_fee_percent": Decimal("1.50")},
        {"name": "Three", "type_id": sandbox.new_id()},
        {"name": "Four", "type_id": kind},
        {"name": "Five", "type_id": kind},
    ]
    report = await mode(client.customers.bulk_import(rows, batch_size=2))
    assert [(r.index, r.status) for r in report.rows] == [
        (0, BulkRowStatus.CREATED),
        (1, BulkRowStatus.CREATED),
        (2, BulkRowStatus.ERROR),
        (3, BulkRowStatus.ERROR),
        (4, BulkRowStatus.CREATED),
    ]
    assert report.created == 3
    assert not report.ok
    created = await mode.collect(client.customers.list())
    assert [c.name for c in created] == ["One", "Two", "Five"]
    assert report.ids == [c.id for c in created]
    assert str(created[1].broker_fee_percent) == "1.50"
    assert [r.path for r in sandbox.requests[-4:-1]] == ["/api/customers/bulk-import"] * 3
    await mode.close(client)


async def test_bulk_import_checks_every_row_before_sending(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    with pytest.raises(InvalidRequestError) as caught:
        await mode(
            client.customers.bulk_import(
                [{"name": "One", "type_id": sandbox.new_id()}, {"name": "", "type_id": "x"}]
            )
        )
    assert set(caught.value.field_errors) == {"rows.1.name", "rows.1.type_id"}
    assert sandbox.requests == []
    await mode.close(client)


async def test_lookup_lists_follow_sort_order(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    first = await mode(client.brokers.create(name="First"))
    second = await mode(client.brokers.create(name="Second"))
    assert (first.sort_order, second.sort_order) == (0, 1)
    moved = await mode(client.brokers.update(first.id, sort_order=5, is_active=False))
    assert isinstance(moved, Broker)
    assert (moved.sort_order, moved.is_active, moved.name) == (5, False, "First")
    assert "updatedAt" not in sandbox.table("brokers")[first.id]
    assert [b.name for b in await mode.collect(client.brokers.list())] == ["Second", "First"]
    renamed = await mode(client.customer_types.create(name="Retail"))
    renamed = await mode(client.customer_types.update(renamed.id, name="Retail chains"))
    assert isinstance(renamed, CustomerType)
    assert [t.name for t in await mode.collect(client.customer_types.list(limit=1))] == [
        "Retail chains"
    ]
    await mode.close(client)


_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda c: c.customers.create(name="", type_id=_ID), "name"),
        (lambda c: c.customers.create(name="x" * 256, type_id=_ID), "name"),
        (lambda c: c.customers.create(name="Acme", type_id="retail"), "type_id"),
        (lambda c: c.customers.create(name="Acme", type_id=_ID, country="USA"), "country"),
        (
            lambda c: c.customers.create(name="Acme", type_id=_ID, broker_fee_percent="2.5"),
            "broker_fee_percent",
        ),
        (lambda c: c.customers.update(_ID, parent_id="parent"), "parent_id"),
        (lambda c: c.customers.list(colour="red"), "colour"),
        (lambda c: c.customer_types.create(name="x" * 101), "name"),
        (lambda c: c.brokers.update(_ID, sort_order="first"), "sort_order"),
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


async def test_a_viewer_reads_but_cannot_write(mode: Mode, sandbox: Any) -> None:
    owner = make_client(mode, sandbox)
    kind, _, _ = await lookups(mode, owner)
    viewer = as_viewer(mode, sandbox)
    assert [t.id for t in await mode.collect(viewer.customer_types.list())] == [kind]
    with pytest.raises(PermissionDeniedError):
        await mode(viewer.customer_types.delete(kind))
    with pytest.raises(PermissionDeniedError):
        await mode(viewer.customers.create(name="Acme", type_id=kind))
    await mode.close(owner)
    await mode.close(viewer)
