"""Inbound orders, outbound orders and consignments: create, retrieve, update, 228, 409."""

from __future__ import annotations

import copy
import logging
from typing import Any

import pytest

from supplychain_sdk import (
    InvalidRequestError,
    NotFoundError,
    UnprocessableEntityError,
    VersionConflictError,
    async_retry_on_conflict,
    retry_on_conflict,
)
from supplychain_sdk.cartoncloud import (
    Address,
    CartonCloud,
    CollectDetails,
    Consignment,
    ConsignmentDetails,
    ConsignmentItem,
    ConsignmentItemMeasures,
    Country,
    Customer,
    DeliverDetails,
    InboundOrder,
    InboundOrderDetails,
    Money,
    NewConsignment,
    NewInboundOrder,
    NewOutboundOrder,
    OrderItem,
    OrderItemDetails,
    OrderItemMeasures,
    OrderType,
    OutboundOrder,
    OutboundOrderDetails,
    ProductRef,
    ProductReferences,
    References,
    State,
    Status,
    UnitOfMeasure,
    Warehouse,
)
from supplychain_sdk.sandbox.cartoncloud import CartonCloudSandbox
from tests.cartoncloud.conftest import (
    TENANT,
    assert_api_headers,
    last,
    make_client,
    outbound_order,
    sent_json,
)
from tests.conftest import Mode

BASE = f"/tenants/{TENANT}"
MISSING = "9a1f5c1e-7e0b-4b55-8d3e-000000000000"


def typed_outbound(reference: str = "SO-1001", quantity: float = 3) -> NewOutboundOrder:
    return NewOutboundOrder(
        references=References(customer=reference),
        customer=Customer.by_code("SANDBOX"),
        details=OutboundOrderDetails(
            instructions="Call before delivery",
            collect=CollectDetails(required_date="2024-06-21"),
            deliver=DeliverDetails(
                address=Address(
                    company_name="Corner Store",
                    address1="1 Main Street",
                    state=State.by_code("QLD"),
                    country=Country.by_iso2("AU"),
                ),
                required_date="2024-06-22",
                cash_payment_amount=Money(amount=10.5, currency="AUD"),
            ),
        ),
        items=[OrderItem.of(ProductRef.by_code("SKU-APPLE"), quantity, unit_of_measure="UNITS")],
    )


# -- outbound orders ---------------------------------------------------------------------------


async def test_outbound_create_sends_the_typed_order(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    order = await mode(client.outbound_orders.create(typed_outbound()))
    request = last(sandbox)
    assert (request.method, request.path, request.query) == ("POST", f"{BASE}/outbound-orders", ())
    assert_api_headers(request, json_body=True)
    assert request.header("if-match") is None
    assert sent_json(request) == {
        "references": {"customer": "SO-1001"},
        "customer": {"references": {"code": "SANDBOX"}},
        "details": {
            "instructions": "Call before delivery",
            "collect": {"requiredDate": "2024-06-21"},
            "deliver": {
                "address": {
                    "companyName": "Corner Store",
                    "address1": "1 Main Street",
                    "state": {"code": "QLD"},
                    "country": {"iso2Code": "AU"},
                },
                "requiredDate": "2024-06-22",
                "cashPaymentAmount": {"amount": 10.5, "currency": "AUD"},
            },
        },
        "items": [
            {
                "details": {
                    "product": {"references": {"code": "SKU-APPLE"}},
                    "unitOfMeasure": {"type": "UNITS"},
                },
                "measures": {"quantity": 3.0},
            }
        ],
    }
    stored = sandbox.tenants[TENANT].outbound_orders[order.id]
    assert isinstance(order, OutboundOrder)
    assert order.to_dict() == stored
    assert (order.status, order.version, order.type) == (
        Status.AWAITING_PICK_AND_PACK,
        1,
        "OUTBOUND",
    )
    assert order.created_with_issues is False
    assert order.customer == Customer(
        id=order.customer.id, name="Sandbox Customer", references={"code": "SANDBOX"}
    )
    assert order.warehouse is not None
    assert order.warehouse.name == "Main Warehouse"
    product = order.items[0].details.product
    assert product.references == ProductReferences(code="SKU-APPLE", barcode="9300000000011")


async def test_outbound_create_from_a_dict(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    body = outbound_order(status="DRAFT")
    order = await mode(client.outbound_orders.create(body))
    assert sent_json(last(sandbox)) == body
    assert order.status == "DRAFT"
    assert order.properties == {"channel": "web"}


async def test_outbound_228_created_with_issues(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="supplychain_sdk")
    order = await mode(client.outbound_orders.create(typed_outbound(quantity=101)))
    assert order.created_with_issues is True
    assert order.status == Status.REJECTED
    assert order.id in sandbox.tenants[TENANT].outbound_orders
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert [r.getMessage() for r in warnings] == [
        f"POST {sandbox.base_url}{BASE}/outbound-orders answered 228 Created with issues: "
        f"OutboundOrder {order.id} was created with status REJECTED"
    ]
    assert "created_with_issues" not in order.to_dict()  # never sent back
    again = await mode(client.outbound_orders.retrieve(order.id))
    assert again.created_with_issues is False


async def test_outbound_create_is_never_retried(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    from supplychain_sdk import InternalServerError

    sandbox.faults.statuses([503], method="POST", path="/outbound-orders$")
    with pytest.raises(InternalServerError, match="503 Service Unavailable from POST"):
        await mode(client.outbound_orders.create(typed_outbound()))
    posts = [r for r in sandbox.requests if r.path.endswith("/outbound-orders")]
    assert len(posts) == 1
    assert mode.sleeps == []


@pytest.mark.parametrize(
    ("change", "errors"),
    [
        (
            {"references": None, "customer": None},
            {"/references": ["is required"], "/customer": ["is required"]},
        ),
        (
            {"customer": {"name": " "}},
            {"/customer": ["a customer needs one of id, references.code or name"]},
        ),
        (
            {"details": {"deliver": {}}, "type": "INBOUND"},
            {
                "/type": ["must be 'OUTBOUND' on this endpoint, got 'INBOUND'"],
                "/details/deliver/address": ["is required"],
            },
        ),
        (
            {"items": [{"details": {}, "measures": {}}, {"details": {"product": {}}}]},
            {
                "/items/0/details/product": ["is required"],
                "/items/0/measures/quantity": ["is required"],
                "/items/1/details/product": [
                    "a product needs one of id, references.code, references.barcode or name"
                ],
                "/items/1/measures/quantity": ["is required"],
            },
        ),
        (
            {"warehouse": {}},
            {"/warehouse": ["a warehouse needs one of id or name"]},
        ),
        (
            {"items": [{"measures": {"quantity": "many"}}]},
            {
                "/items/0/measures/quantity": [
                    "Input should be a valid number, unable to parse string as a number"
                ]
            },
        ),
    ],
)
async def test_outbound_bad_input_is_refused_before_sending(
    mode: Mode,
    sandbox: CartonCloudSandbox,
    client: CartonCloud,
    change: dict[str, Any],
    errors: dict[str, list[str]],
) -> None:
    body = {k: v for k, v in outbound_order(**change).items() if v is not None}
    with pytest.raises(InvalidRequestError) as caught:
        await mode(client.outbound_orders.create(body))
    assert caught.value.field_errors == errors
    assert str(caught.value).startswith("the outbound order is invalid: ")
    assert sandbox.requests == []


async def test_outbound_create_refuses_other_types(mode: Mode, client: CartonCloud) -> None:
    inbound = NewInboundOrder(references=References(), customer=Customer.by_code("SANDBOX"))
    with pytest.raises(
        InvalidRequestError, match="must be a NewOutboundOrder or a dict, not NewInboundOrder"
    ):
        await mode(client.outbound_orders.create(inbound))  # type: ignore[arg-type]
    with pytest.raises(InvalidRequestError, match="not list"):
        await mode(client.outbound_orders.create([]))  # type: ignore[arg-type]


async def test_outbound_server_422_has_field_errors_by_pointer(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    body = outbound_order()
    body["items"][0]["details"]["product"] = {"references": {"code": "NO-SUCH-SKU"}}
    body["customer"] = {"name": "Nobody"}
    with pytest.raises(UnprocessableEntityError) as caught:
        await mode(client.outbound_orders.create(body))  # valid shape, unknown references
    error = caught.value
    assert error.field_errors == {
        "/customer": ["Customer with name 'Nobody' not found."],
        "/items/0/details/product": ["Product not found."],
    }
    assert error.error_message is None
    assert error.body == [
        {"field": "/customer", "message": "Customer with name 'Nobody' not found."},
        {"field": "/items/0/details/product", "message": "Product not found."},
    ]
    assert str(error).endswith(
        "[/customer: Customer with name 'Nobody' not found.; "
        "/items/0/details/product: Product not found.]"
    )


async def test_outbound_retrieve(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    created = await mode(client.outbound_orders.create(outbound_order()))
    order = await mode(client.outbound_orders.retrieve(created.id))
    request = last(sandbox)
    assert (request.method, request.path, request.query) == (
        "GET",
        f"{BASE}/outbound-orders/{created.id}",
        (),
    )
    assert_api_headers(request)
    assert order == created
    with pytest.raises(NotFoundError) as caught:
        await mode(client.outbound_orders.retrieve(MISSING))
    assert caught.value.error_message == f"The outbound order {MISSING} does not exist"


@pytest.mark.parametrize(
    ("order_id", "message"),
    [("", "order_id must be a UUID, got ''"), ("../x", "order_id must be a UUID, got '../x'")],
)
async def test_retrieve_bad_ids(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud, order_id: str, message: str
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        await mode(client.outbound_orders.retrieve(order_id))
    assert sandbox.requests == []


async def test_outbound_update_sends_if_match_from_the_model(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    created = await mode(client.outbound_orders.create(outbound_order()))
    order = await mode(client.outbound_orders.retrieve(created.id))
    order.details.instructions = "Leave at the back door"
    updated = await mode(client.outbound_orders.update(order))
    request = last(sandbox)
    assert (request.method, request.path, request.query) == (
        "PUT",
        f"{BASE}/outbound-orders/{created.id}",
        (),
    )
    assert_api_headers(request, json_body=True)
    assert request.header("if-match") == "1"
    expected = copy.deepcopy(sandbox.tenants[TENANT].outbound_orders[created.id])
    expected["version"] = 1
    assert sent_json(request) == expected  # the whole order as read, with the change
    assert updated.version == 2
    assert updated.details.instructions == "Leave at the back door"
    assert updated.status == created.status


async def test_outbound_update_with_explicit_id_and_if_match(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    created = await mode(client.outbound_orders.create(outbound_order()))
    body = outbound_order(properties={"channel": "phone"})
    updated = await mode(
        client.outbound_orders.update(body, order_id=created.id, if_match=created.version)
    )
    request = last(sandbox)
    assert request.header("if-match") == "1"
    assert sent_json(request) == body
    assert updated.properties == {"channel": "phone"}


async def test_outbound_update_stale_version_is_a_version_conflict(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    created = await mode(client.outbound_orders.create(outbound_order()))
    sandbox.set_status("outbound_order", created.id, "PACKED")  # version 2 now
    with pytest.raises(VersionConflictError) as caught:
        await mode(client.outbound_orders.update(created))
    error = caught.value
    assert (error.status_code, error.sent_version) == (409, "1")
    assert error.error_message == (
        "The outbound order has been modified by another request: version 1 is not the "
        "current version 2"
    )
    assert str(error).endswith("(sent If-Match: 1)")
    assert len([r for r in sandbox.requests if r.method == "PUT"]) == 1  # never retried


@pytest.mark.parametrize(
    ("body_id", "kwargs", "message"),
    [
        (MISSING, {}, "an update needs the entity's version for If-Match"),
        (MISSING, {"if_match": ""}, "if_match must be a non-empty string or integer"),
        ("x", {"if_match": 1}, "order_id must be a UUID, got 'x'"),
        (None, {"order_id": "x", "if_match": 1}, "order_id must be a UUID, got 'x'"),
    ],
)
async def test_outbound_update_bad_input(
    mode: Mode,
    sandbox: CartonCloudSandbox,
    client: CartonCloud,
    body_id: str | None,
    kwargs: dict[str, Any],
    message: str,
) -> None:
    body = outbound_order(id=body_id)
    with pytest.raises(InvalidRequestError, match=message):
        await mode(client.outbound_orders.update(body, **kwargs))
    assert sandbox.requests == []


async def test_outbound_update_without_any_id_or_with_two(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    with pytest.raises(InvalidRequestError, match="order_id is required, got None"):
        await mode(client.outbound_orders.update(outbound_order(), if_match=1))
    other = "9a1f5c1e-7e0b-4b55-8d3e-222222222222"
    with pytest.raises(InvalidRequestError, match="does not match the id of the entity passed"):
        await mode(
            client.outbound_orders.update(outbound_order(id=MISSING), order_id=other, if_match=1)
        )
    assert sandbox.requests == []


async def test_retry_on_conflict_read_change_instructions_write(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    created = await mode(client.outbound_orders.create(outbound_order()))
    reads: list[int] = []

    async def read() -> OutboundOrder:
        order = await mode(client.outbound_orders.retrieve(created.id))
        reads.append(order.version)
        if len(reads) == 1:  # the warehouse moves the order on right after our first read
            sandbox.set_status("outbound_order", created.id, "PACKED")
        return order

    def change(order: OutboundOrder) -> OutboundOrder:
        assert order.details is not None
        order.details.instructions = "Fragile: handle with care"
        return order

    if mode.is_async:
        updated = await async_retry_on_conflict(read, change, client.outbound_orders.update)
    else:
        # the sync helper takes plain callables: run each awaitable-free step directly
        def sync_read() -> OutboundOrder:
            order = client.outbound_orders.retrieve(created.id)
            reads.append(order.version)
            if len(reads) == 1:
                sandbox.set_status("outbound_order", created.id, "PACKED")
            return order

        updated = retry_on_conflict(sync_read, change, client.outbound_orders.update)
    assert reads == [1, 2]
    assert updated.version == 3
    assert updated.status == "PACKED"
    assert updated.details.instructions == "Fragile: handle with care"
    puts = [r for r in sandbox.requests if r.method == "PUT"]
    assert [r.header("if-match") for r in puts] == ["1", "2"]


async def test_update_retried_through_503(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    created = await mode(client.outbound_orders.create(outbound_order()))
    sandbox.faults.statuses([503], method="PUT")
    updated = await mode(client.outbound_orders.update(created))
    assert updated.version == 2
    assert [r.method for r in sandbox.requests[-2:]] == ["PUT", "PUT"]
    assert len(mode.sleeps) == 1


async def test_update_cannot_move_the_status(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    created = await mode(client.outbound_orders.create(outbound_order()))
    created.status = Status.DISPATCHED
    with pytest.raises(UnprocessableEntityError) as caught:
        await mode(client.outbound_orders.update(created))
    assert caught.value.field_errors == {
        "/status": [
            "The status follows the workflow: an update cannot change it from "
            "AWAITING_PICK_AND_PACK to DISPATCHED."
        ]
    }


async def test_submitting_a_draft_checks_stock(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    draft = await mode(client.outbound_orders.create(typed_outbound(quantity=100)))
    assert draft.status == "AWAITING_PICK_AND_PACK"  # all 100 apples allocated
    second = typed_outbound("SO-1002", quantity=1)
    second.status = Status.DRAFT
    draft = await mode(client.outbound_orders.create(second))
    assert draft.status == "DRAFT"
    draft.status = Status.AWAITING_PICK_AND_PACK
    submitted = await mode(client.outbound_orders.update(draft))
    assert submitted.status == "REJECTED"  # no apples left
    sandbox.set_stock("SKU-APPLE", 5)
    third = typed_outbound("SO-1003", quantity=5)
    assert (await mode(client.outbound_orders.create(third))).created_with_issues is False
    assert sandbox.tenants[TENANT].stock[submitted.items[0].details.product.id] == 0


# -- inbound orders ----------------------------------------------------------------------------


async def test_inbound_create_retrieve_update(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    order = NewInboundOrder(
        references=References(customer="PO-77", alternateReference="ALT-9"),
        customer=Customer.by_name("Acme Retail"),
        warehouse=Warehouse.by_name("Overflow Warehouse"),
        details=InboundOrderDetails(urgent=True, arrival_date="2018-01-31"),
        properties={"myCustomField": "info"},
        items=[
            OrderItem.of(
                ProductRef.by_barcode("9300000000028"),
                25,
                unit_of_measure="UNITS",
                properties={"expiryDate": "2018-10-25", "batch": "AAAA"},
            ),
            OrderItem(
                details=OrderItemDetails(
                    product=ProductRef.by_name("Apple Juice 1L"),
                    unit_of_measure=UnitOfMeasure(type="CASES"),
                ),
                measures=OrderItemMeasures(quantity=2),
            ),
        ],
    )
    created = await mode(client.inbound_orders.create(order))
    request = last(sandbox)
    assert (request.method, request.path) == ("POST", f"{BASE}/inbound-orders")
    assert_api_headers(request, json_body=True)
    assert sent_json(request) == {
        "references": {"customer": "PO-77", "alternateReference": "ALT-9"},
        "customer": {"name": "Acme Retail"},
        "warehouse": {"name": "Overflow Warehouse"},
        "details": {"urgent": True, "arrivalDate": "2018-01-31"},
        "properties": {"myCustomField": "info"},
        "items": [
            {
                "properties": {"expiryDate": "2018-10-25", "batch": "AAAA"},
                "details": {
                    "product": {"references": {"barcode": "9300000000028"}},
                    "unitOfMeasure": {"type": "UNITS"},
                },
                "measures": {"quantity": 25.0},
            },
            {
                "details": {
                    "product": {"name": "Apple Juice 1L"},
                    "unitOfMeasure": {"type": "CASES"},
                },
                "measures": {"quantity": 2.0},
            },
        ],
    }
    assert isinstance(created, InboundOrder)
    assert (created.type, created.status, created.version) == ("INBOUND", "AWAITING_ARRIVAL", 1)
    assert created.references.model_extra == {"alternateReference": "ALT-9"}
    assert created.warehouse.name == "Overflow Warehouse"

    read = await mode(client.inbound_orders.retrieve(created.id))
    assert (last(sandbox).method, last(sandbox).path) == (
        "GET",
        f"{BASE}/inbound-orders/{created.id}",
    )
    assert read == created

    read.details.instructions = "Dock 3"
    updated = await mode(client.inbound_orders.update(read))
    request = last(sandbox)
    assert (request.method, request.path) == ("PUT", f"{BASE}/inbound-orders/{created.id}")
    assert request.header("if-match") == "1"
    assert sent_json(request)["details"] == {
        "urgent": True,
        "arrivalDate": "2018-01-31",
        "instructions": "Dock 3",
    }
    assert (updated.version, updated.details.instructions) == (2, "Dock 3")


async def test_inbound_dates_as_date_objects(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    import datetime as dt

    order = NewInboundOrder(
        references=References(customer="PO-1"),
        customer=Customer.by_code("SANDBOX"),
        details=InboundOrderDetails(arrival_date=dt.date(2024, 2, 29)),
    )
    created = await mode(client.inbound_orders.create(order))
    assert sent_json(last(sandbox))["details"] == {"arrivalDate": "2024-02-29"}
    assert created.details.arrival_date == "2024-02-29"


async def test_inbound_required_fields(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        await mode(client.inbound_orders.create({"type": "INBOUND", "items": []}))
    assert caught.value.field_errors == {
        "/references": ["is required"],
        "/customer": ["is required"],
    }
    order = NewInboundOrder(type="OUTBOUND", references={}, customer=Customer.by_code("SANDBOX"))
    with pytest.raises(InvalidRequestError) as caught:
        await mode(client.inbound_orders.create(order))
    assert caught.value.field_errors == {
        "/type": ["must be 'INBOUND' on this endpoint, got 'OUTBOUND'"]
    }
    order.type = OrderType.INBOUND
    with pytest.raises(InvalidRequestError, match="update needs the entity's version"):
        await mode(client.inbound_orders.update(order, order_id=MISSING))
    assert sandbox.requests == []


async def test_receiving_an_inbound_order_adds_stock(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    order = {
        "references": {"customer": "PO-5"},
        "customer": {"references": {"code": "SANDBOX"}},
        "items": [
            {
                "details": {"product": {"references": {"code": "SKU-ICE"}}},
                "measures": {"quantity": 20},
            }
        ],
    }
    created = await mode(client.inbound_orders.create(order))
    product_id = created.items[0].details.product.id
    assert sandbox.tenants[TENANT].stock[product_id] == 5
    sandbox.advance("inbound_order", created.id)
    assert sandbox.tenants[TENANT].stock[product_id] == 25
    received = await mode(client.inbound_orders.retrieve(created.id))
    assert (received.status, received.version) == (Status.RECEIVED, 2)


# -- consignments ------------------------------------------------------------------------------


async def test_consignment_create_retrieve_update(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    consignment = NewConsignment(
        references=References(customer="CN-1"),
        customer=Customer.by_code("ACME"),
        details=ConsignmentDetails(
            collect=CollectDetails(address=Address(company_name="Depot", city="Brisbane")),
            deliver=DeliverDetails(
                address=Address(company_name="Store 4", city="Gold Coast"),
                instructions="Leave by front door",
                required_date="2018-06-22",
            ),
            invoice_value=Money(amount=1000, currency="AUD"),
        ),
        properties={"serviceType": "EXPRESS"},
        items=[
            ConsignmentItem(
                properties={"description": "misc equipment"},
                measures=ConsignmentItemMeasures(pallets=2, weight=120, quantity=10),
            ),
            ConsignmentItem(
                measures=ConsignmentItemMeasures(pallets=3, weight=160),
                details=OrderItemDetails(product=ProductRef.by_code("PALLET")),
            ),
        ],
    )
    created = await mode(client.consignments.create(consignment))
    request = last(sandbox)
    assert (request.method, request.path) == ("POST", f"{BASE}/consignments")
    assert_api_headers(request, json_body=True)
    assert sent_json(request) == {
        "references": {"customer": "CN-1"},
        "customer": {"references": {"code": "ACME"}},
        "details": {
            "collect": {"address": {"companyName": "Depot", "city": "Brisbane"}},
            "deliver": {
                "address": {"companyName": "Store 4", "city": "Gold Coast"},
                "instructions": "Leave by front door",
                "requiredDate": "2018-06-22",
            },
            "invoiceValue": {"amount": 1000.0, "currency": "AUD"},
        },
        "properties": {"serviceType": "EXPRESS"},
        "items": [
            {
                "properties": {"description": "misc equipment"},
                "measures": {"pallets": 2, "weight": 120.0, "quantity": 10.0},
            },
            {
                "measures": {"pallets": 3, "weight": 160.0},
                "details": {"product": {"references": {"code": "PALLET"}}},
            },
        ],
    }
    assert isinstance(created, Consignment)
    assert (created.type, created.status, created.version) == ("CONSIGNMENT", "AWAITING_PICKUP", 1)
    assert created.items[1].details.product.name == "Standard pallet"

    read = await mode(client.consignments.retrieve(created.id))
    assert (last(sandbox).method, last(sandbox).path) == (
        "GET",
        f"{BASE}/consignments/{created.id}",
    )
    assert read == created

    read.properties = {"serviceType": "STANDARD"}
    updated = await mode(client.consignments.update(read))
    request = last(sandbox)
    assert (request.method, request.path) == ("PUT", f"{BASE}/consignments/{created.id}")
    assert request.header("if-match") == "1"
    assert sent_json(request)["properties"] == {"serviceType": "STANDARD"}
    assert (updated.version, updated.properties) == (2, {"serviceType": "STANDARD"})

    body = updated.to_dict()
    del body["id"]
    again = await mode(client.consignments.update(body, consignment_id=created.id, if_match="2"))
    assert again.version == 3
    assert last(sandbox).header("if-match") == "2"


async def test_consignment_requires_references_and_customer(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        await mode(client.consignments.create({"properties": {"x": 1}}))
    assert caught.value.field_errors == {
        "/references": ["is required"],
        "/customer": ["is required"],
    }
    with pytest.raises(NotFoundError):
        await mode(client.consignments.retrieve(MISSING))


async def test_explicit_tenant_per_call(mode: Mode, sandbox: CartonCloudSandbox) -> None:
    other = sandbox.add_tenant("Second Site")
    sandbox.add_customer("Local", code="LOCAL", tenant_id=other.id)
    client = make_client(mode, sandbox)
    created = await mode(
        client.consignments.create(
            {"references": {"customer": "CN-9"}, "customer": {"references": {"code": "LOCAL"}}},
            tenant_id=other.id,
        )
    )
    assert last(sandbox).path == f"/tenants/{other.id}/consignments"
    assert created.id in other.consignments
    read = await mode(client.consignments.retrieve(created.id, tenant_id=other.id))
    assert read == created
    with pytest.raises(NotFoundError):  # not in the default tenant
        await mode(client.consignments.retrieve(created.id))
