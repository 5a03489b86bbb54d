"""Status-change webhooks: shared-header check, typed events, sandbox deliveries."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pytest

from supplychain_sdk import InvalidRequestError, WebhookVerificationError
from supplychain_sdk.cartoncloud import Consignment, InboundOrder, OutboundOrder, Status, webhooks
from supplychain_sdk.cartoncloud.webhooks import (
    ConsignmentEvent,
    InboundOrderEvent,
    OutboundOrderEvent,
    WebhookEvent,
    parse,
)
from supplychain_sdk.sandbox.cartoncloud import CartonCloudSandbox
from tests.cartoncloud.conftest import TENANT, make_client, outbound_order
from tests.conftest import Mode

SECRET = "shared-webhook-value-7f3a"
EXPECTED = {"X-Webhook-Token": SECRET}
ORDER = {
    "id": "fb5b56f6-a68e-11e8-98d0-529269fb1459",
    "type": "OUTBOUND",
    "status": "DISPATCHED",
    "references": {"customer": "SO-1"},
    "customer": {"id": "c-1", "name": "Customer A"},
    "details": {"deliver": {"address": {"city": "Metropolis"}}},
    "items": [],
    "version": 1,
}


def body(data: Mapping[str, Any] = ORDER) -> bytes:
    return json.dumps(data).encode()


def test_parse_outbound_order_event() -> None:
    headers = {"x-webhook-token": SECRET, "Content-Type": "application/json", "X-Env": "prod"}
    event = parse(body(), headers, expected_headers=EXPECTED)
    assert isinstance(event, OutboundOrderEvent)
    assert event.kind == "outbound_order"
    assert event.status is Status.DISPATCHED
    assert isinstance(event.entity, OutboundOrder)
    assert event.entity.to_dict() == ORDER
    assert event.headers == {"content-type": "application/json", "x-env": "prod"}
    assert SECRET not in repr(event)
    assert webhooks.parse is parse


@pytest.mark.parametrize(
    ("data", "kind", "cls", "entity_cls"),
    [
        ({**ORDER, "type": "INBOUND", "status": "RECEIVED"}, None, InboundOrderEvent, InboundOrder),
        (
            {**ORDER, "type": "CONSIGNMENT", "status": "DELIVERED"},
            None,
            ConsignmentEvent,
            Consignment,
        ),
        (
            {k: v for k, v in ORDER.items() if k != "type"},
            "inbound_order",
            InboundOrderEvent,
            InboundOrder,
        ),
        (
            {k: v for k, v in ORDER.items() if k != "type"},
            "consignment",
            ConsignmentEvent,
            Consignment,
        ),
    ],
)
def test_parse_kinds(data: dict[str, Any], kind: Any, cls: type, entity_cls: type) -> None:
    event = parse(body(data).decode(), EXPECTED, expected_headers=EXPECTED, kind=kind)
    assert isinstance(event, cls)
    assert isinstance(event.entity, entity_cls)
    assert event.status == data["status"]
    assert event.headers == {}


@pytest.mark.parametrize(
    "headers",
    [{}, {"X-Webhook-Token": "wrong"}, {"X-Webhook-Token": SECRET[:-1]}, {"X-Other": SECRET}],
)
def test_wrong_or_missing_shared_header(headers: dict[str, str]) -> None:
    with pytest.raises(WebhookVerificationError) as caught:
        parse(body(), headers, expected_headers=EXPECTED)
    assert str(caught.value) == "webhook header 'X-Webhook-Token' is missing or wrong"
    assert SECRET not in str(caught.value)


def test_every_expected_header_must_match() -> None:
    expected = {"X-Webhook-Token": SECRET, "X-Tenant": TENANT}
    parse(body(), {"x-webhook-token": SECRET, "x-tenant": TENANT}, expected_headers=expected)
    with pytest.raises(WebhookVerificationError, match="'X-Tenant' is missing or wrong"):
        parse(body(), {"x-webhook-token": SECRET}, expected_headers=expected)


def test_no_expected_headers_configured_is_refused() -> None:
    with pytest.raises(WebhookVerificationError, match="no expected webhook headers configured"):
        parse(body(), {}, expected_headers={})
    with pytest.raises(
        WebhookVerificationError, match="expected value of header 'X-Token' is empty"
    ):
        parse(body(), {"X-Token": ""}, expected_headers={"X-Token": ""})


def test_a_parsed_dict_is_refused() -> None:
    with pytest.raises(TypeError, match="must be the raw request body"):
        parse(ORDER, EXPECTED, expected_headers=EXPECTED)  # type: ignore[arg-type]


def test_headers_are_checked_before_the_body_is_read() -> None:
    with pytest.raises(WebhookVerificationError):
        parse(b"not json", {}, expected_headers=EXPECTED)


@pytest.mark.parametrize(
    ("payload", "kind", "message"),
    [
        (b"not json", None, "the webhook body is not JSON"),
        (b"[1, 2]", None, "not a JSON object"),
        (body({**ORDER, "type": "PRODUCT"}), None, "cannot tell what the webhook is about"),
        (body({"id": "x"}), None, "from its type None: pass kind="),
        (body(ORDER), "consignment", "the webhook is of type 'OUTBOUND', not a consignment"),
        (body(ORDER), "product", "kind must be 'inbound_order', 'outbound_order' or"),
    ],
)
def test_bad_bodies(payload: bytes, kind: Any, message: str) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        parse(payload, EXPECTED, expected_headers=EXPECTED, kind=kind)


def test_a_body_that_is_not_the_entity() -> None:
    data = {**ORDER, "version": "two", "items": [{"measures": {"quantity": "x"}}]}
    with pytest.raises(InvalidRequestError) as caught:
        parse(body(data), EXPECTED, expected_headers=EXPECTED)
    assert str(caught.value) == "the webhook body is not a valid outbound order"
    assert set(caught.value.field_errors) == {"/version", "/items/0/measures/quantity"}


async def test_sandbox_delivers_status_changes_to_a_callback(
    mode: Mode, sandbox: CartonCloudSandbox
) -> None:
    events: list[WebhookEvent] = []

    def receiver(raw: bytes, headers: Mapping[str, str]) -> None:
        events.append(parse(raw, headers, expected_headers=EXPECTED))

    sandbox.add_webhook("outbound_order", receiver, headers=EXPECTED)
    sandbox.add_webhook("inbound_order", receiver, statuses=["RECEIVED"], headers=EXPECTED)
    client = make_client(mode, sandbox)
    created = await mode(client.outbound_orders.create(outbound_order()))
    inbound = await mode(client.inbound_orders.create(outbound_order("PO-1", details={})))
    assert [(e.kind, e.status) for e in events] == [("outbound_order", "AWAITING_PICK_AND_PACK")]
    sandbox.advance("outbound_order", created.id)
    sandbox.advance("outbound_order", created.id)
    sandbox.advance("inbound_order", inbound.id)
    assert [(e.kind, e.status, e.entity.version) for e in events] == [
        ("outbound_order", "AWAITING_PICK_AND_PACK", 1),
        ("outbound_order", "PACKED", 2),
        ("outbound_order", "DISPATCHED", 3),
        ("inbound_order", "RECEIVED", 2),
    ]
    last = events[-2]
    assert isinstance(last, OutboundOrderEvent)
    current = await mode(client.outbound_orders.retrieve(created.id))
    assert last.entity == current
    assert last.headers["content-type"] == "application/json"
    deliveries = sandbox.webhook_deliveries
    assert [d.status for d in deliveries] == [200] * 4
    assert deliveries[0].headers["X-Webhook-Token"] == SECRET
    with pytest.raises(ValueError, match="has no next status"):
        sandbox.advance("outbound_order", created.id)


def test_sandbox_webhook_only_for_its_tenant_and_kind(sandbox: CartonCloudSandbox) -> None:
    received: list[bytes] = []
    other = sandbox.add_tenant("Elsewhere")
    sandbox.add_webhook("consignment", lambda raw, _: received.append(raw), tenant_id=other.id)
    client = sandbox.client()
    client.consignments.create(outbound_order(items=[], details={}))
    client.outbound_orders.create(outbound_order())
    assert received == []
    with pytest.raises(ValueError, match="kind must be one of"):
        sandbox.add_webhook("product", lambda raw, _: None)  # type: ignore[arg-type]
