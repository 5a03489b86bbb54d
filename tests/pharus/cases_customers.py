"""Exact-request cases of the Pharus customers rows (#163-183)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from supplychain_sdk.pharus._models.common import BulkImportReport, Deleted
from supplychain_sdk.pharus._models.customers import (
    Broker,
    BrokerUsage,
    Customer,
    CustomerSegment,
    CustomerSegmentUsage,
    CustomerType,
    CustomerTypeUsage,
)
from tests.routes import Case

from .conftest import ID

TYPE = "11111111-1111-4111-8111-111111111111"
SEGMENT = "22222222-2222-4222-8222-222222222222"
BROKER = "33333333-3333-4333-8333-333333333333"
PARENT = "44444444-4444-4444-8444-444444444444"
CUSTOMER: dict[str, Any] = {
    "id": ID,
    "orgId": "org-1",
    "name": "Acme Foods",
    "customerTypeId": TYPE,
    "customerSegmentId": SEGMENT,
    "brokerId": BROKER,
    "brokerFeePercent": "2.50",
    "address": "1 Main St",
    "city": "Springfield",
    "state": "IL",
    "country": "US",
    "zipCode": "62701",
    "parentCustomerId": PARENT,
    "qboId": "QB-17",
    "notes": None,
    "isActive": True,
    "createdAt": "2026-01-01T00:00:00Z",
    "updatedAt": "2026-01-01T00:00:00Z",
}


def _lookup(name: str) -> dict[str, Any]:
    return {
        "id": ID,
        "orgId": "org-1",
        "name": name,
        "sortOrder": 3,
        "isActive": True,
        "createdAt": "2026-01-01T00:00:00Z",
    }


def _customer(result: Any) -> None:
    assert isinstance(result, Customer)
    assert (result.customer_type_id, result.customer_segment_id) == (TYPE, SEGMENT)
    assert (result.parent_customer_id, result.zip_code) == (PARENT, "62701")
    assert str(result.broker_fee_percent) == "2.50"


def _deleted(result: Any) -> None:
    assert result == Deleted(deleted_id=ID)


def _lookup_check(kind: type, name: str) -> Any:
    def check(result: Any) -> None:
        items = result if isinstance(result, list) else [result]
        assert [type(r) for r in items] == [kind]
        assert (items[0].name, items[0].sort_order, items[0].is_active) == (name, 3, True)

    return check


def _bulk(result: Any) -> None:
    assert isinstance(result, BulkImportReport)
    assert result.ok
    assert result.ids == [ID, PARENT]
    assert [r.index for r in result.rows] == [0, 1]


def _customers(result: Any) -> None:
    assert [type(c) for c in result] == [Customer]
    _customer(result[0])


def _type_usage(result: Any) -> None:
    assert result == CustomerTypeUsage(in_use=True, customer_count=2, sample_customer_ids=[ID])


def _segment_usage(result: Any) -> None:
    assert result == CustomerSegmentUsage(in_use=False, customer_count=0, sample_customer_ids=[])


def _broker_usage(result: Any) -> None:
    assert result == BrokerUsage(in_use=True, customer_count=1, so_count=4)


_LOOKUPS = [
    ("customer_types", "/api/customer-types", CustomerType, "Retail"),
    ("customer_segments", "/api/customer-segments", CustomerSegment, "Grocery"),
    ("brokers", "/api/brokers", Broker, "Northwind Brokers"),
]

CASES: dict[str, Case] = {
    "customers.create": Case(
        call=lambda c: c.customers.create(
            name="Acme Foods",
            type_id=TYPE,
            segment_id=None,
            broker_id=BROKER,
            broker_fee_percent=Decimal("2.50"),
            country="US",
            zip_code="62701",
            parent_id=PARENT,
            qbo_id="QB-17",
        ),
        method="POST",
        path="/api/customers",
        json={
            "name": "Acme Foods",
            "typeId": TYPE,
            "segmentId": None,
            "brokerId": BROKER,
            "brokerFeePercent": 2.5,
            "country": "US",
            "zipCode": "62701",
            "parentId": PARENT,
            "qboId": "QB-17",
        },
        answer=CUSTOMER,
        check=_customer,
    ),
    "customers.list": Case(
        call=lambda c: c.customers.list(
            active=True,
            type="Retail",
            segment=SEGMENT,
            broker=BROKER,
            parent_customer=PARENT,
            q="acme",
            limit=1,
        ),
        method="GET",
        path="/api/customers",
        query={
            "active": "true",
            "type": "Retail",
            "segment": SEGMENT,
            "broker": BROKER,
            "parentCustomer": PARENT,
            "q": "acme",
            "limit": "1",
        },
        answer={"data": [CUSTOMER], "nextCursor": "more"},
        check=_customers,
    ),
    "customers.update": Case(
        call=lambda c: c.customers.update(ID, broker_fee_percent=None, is_active=False),
        method="PATCH",
        path=f"/api/customers/{ID}",
        json={"brokerFeePercent": None, "isActive": False},
        answer=CUSTOMER,
        check=_customer,
    ),
    "customers.delete": Case(
        call=lambda c: c.customers.delete(ID),
        method="DELETE",
        path=f"/api/customers/{ID}",
        answer={"deletedId": ID},
        check=_deleted,
    ),
    "customers.retrieve": Case(
        call=lambda c: c.customers.retrieve(ID),
        method="GET",
        path=f"/api/customers/{ID}",
        answer=CUSTOMER,
        check=_customer,
    ),
    "customers.bulk_import": Case(
        call=lambda c: c.customers.bulk_import(
            [{"name": "Acme Foods", "type_id": TYPE}, {"name": "Acme West", "type_id": TYPE}]
        ),
        method="POST",
        path="/api/customers/bulk-import",
        json={
            "rows": [
                {"name": "Acme Foods", "typeId": TYPE},
                {"name": "Acme West", "typeId": TYPE},
            ]
        },
        answer={"ids": [ID, PARENT]},
        check=_bulk,
    ),
}
for _res, _path, _kind, _name in _LOOKUPS:
    CASES[f"{_res}.create"] = Case(
        call=lambda c, res=_res, name=_name: getattr(c, res).create(name=name),
        method="POST",
        path=_path,
        json={"name": _name},
        answer=_lookup(_name),
        check=_lookup_check(_kind, _name),
    )
    CASES[f"{_res}.list"] = Case(
        call=lambda c, res=_res: getattr(c, res).list(),
        method="GET",
        path=_path,
        answer={"data": [_lookup(_name)]},
        check=_lookup_check(_kind, _name),
    )
    CASES[f"{_res}.update"] = Case(
        call=lambda c, res=_res: getattr(c, res).update(ID, sort_order=3, is_active=True),
        method="PATCH",
        path=f"{_path}/{ID}",
        json={"sortOrder": 3, "isActive": True},
        answer=_lookup(_name),
        check=_lookup_check(_kind, _name),
    )
    CASES[f"{_res}.delete"] = Case(
        call=lambda c, res=_res: getattr(c, res).delete(ID),
        method="DELETE",
        path=f"{_path}/{ID}",
        answer={"deletedId": ID},
        check=_deleted,
    )
CASES["customer_types.usage"] = Case(
    call=lambda c: c.customer_types.usage(ID),
    method="GET",
    path=f"/api/customer-types/{ID}/usage",
    answer={"inUse": True, "customerCount": 2, "sampleCustomerIds": [ID]},
    check=_type_usage,
)
CASES["customer_segments.usage"] = Case(
    call=lambda c: c.customer_segments.usage(ID),
    method="GET",
    path=f"/api/customer-segments/{ID}/usage",
    answer={"inUse": False, "customerCount": 0, "sampleCustomerIds": []},
    check=_segment_usage,
)
CASES["brokers.usage"] = Case(
    call=lambda c: c.brokers.usage(ID),
    method="GET",
    path=f"/api/brokers/{ID}/usage",
    answer={"inUse": True, "customerCount": 1, "soCount": 4},
    check=_broker_usage,
)
#: Public methods of this group that are composites (several rows, or none).
COMPOSITES: set[str] = set()
