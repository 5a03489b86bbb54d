"""Webhook signatures (independent HMAC vectors), typed events, and the sandbox's deliveries."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from pydantic import ValidationError

from supplychain_sdk import WebhookVerificationError
from supplychain_sdk.onescp import (
    Item,
    ItemDeletedEvent,
    Order,
    OrderStatusChangedEvent,
    OrderUpdatedEvent,
    Shipment,
    Task,
    TaskRejectedEvent,
    UnknownEvent,
    WebhookEventType,
    _events,
    webhooks,
)
from supplychain_sdk.sandbox import Sandbox, SandboxRequest, SandboxResponse, json_response, route
from supplychain_sdk.sandbox.onescp import EVENTS, OneScpSandbox
from tests.conftest import Mode
from tests.onescp.conftest import ITEM, ORDER, SHIPMENT, TASK
from tests.onescp.one_pass import both_paths

SECRET = "whsec_test_secret"
BODY = (
    b'{"event":"order.updated","timestamp":"2025-01-26T12:00:00.000Z","data":'
    b'{"_id":"a00000000000000000000001","purchaseOrderNumber":"PO-2024-001","status":"approved"}}'
)
#: HMAC-SHA256(SECRET, BODY), computed with `openssl dgst -sha256 -hmac`.
VECTOR = "77844f2c00ecff18736135cf3e7009357015536014ca7f4a91541d6b83106ac6"


def sig(body: bytes, secret: str = SECRET) -> str:
    """The signature header value, computed here with hmac/hashlib."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def signed(body: bytes, secret: str = SECRET, **extra: str) -> dict[str, str]:
    event = json.loads(body).get("event") or "order.updated"
    return {
        "X-Webhook-Signature": sig(body, secret),
        "X-Webhook-Event": event,
        "X-Webhook-Delivery-Id": "dlv-1",
        **extra,
    }


def test_known_vector() -> None:
    assert hmac.new(SECRET.encode(), BODY, hashlib.sha256).hexdigest() == VECTOR
    assert webhooks.sign(BODY, SECRET) == f"sha256={VECTOR}"
    event = webhooks.verify(BODY, {"X-Webhook-Signature": f"sha256={VECTOR}"}, SECRET)
    assert isinstance(event, OrderUpdatedEvent)
    assert isinstance(event.data, Order)
    assert (event.event, event.timestamp, event.delivery_id) == (
        "order.updated",
        "2025-01-26T12:00:00.000Z",
        None,
    )
    assert (event.data.id, event.data.purchase_order_number, event.data.status) == (
        ORDER,
        "PO-2024-001",
        "approved",
    )
    assert event.type is WebhookEventType.ORDER_UPDATED


@pytest.mark.parametrize(
    "signature", [VECTOR, f"sha256={VECTOR}", f"SHA256={VECTOR}", f"sha256={VECTOR.upper()}"]
)
def test_signature_with_or_without_prefix(signature: str) -> None:
    headers = {"x-webhook-signature": signature, "x-webhook-delivery-id": "dlv-9"}
    event = webhooks.verify(BODY, headers, SECRET)
    assert event.delivery_id == "dlv-9"


def test_str_and_memoryview_payloads() -> None:
    assert webhooks.verify(BODY.decode(), signed(BODY), SECRET).event == "order.updated"
    assert webhooks.verify(memoryview(BODY), signed(BODY), SECRET).event == "order.updated"


@pytest.mark.parametrize(
    ("body", "headers", "secret", "message"),
    [
        (BODY.replace(b"approved", b"rejected"), signed(BODY), SECRET, "does not match"),
        (BODY + b" ", signed(BODY), SECRET, "does not match"),
        (BODY, {"X-Webhook-Signature": "sha256=" + "0" * 64}, SECRET, "does not match"),
        (BODY, {"X-Webhook-Signature": f"sha256={VECTOR[:-2]}"}, SECRET, "does not match"),
        (BODY, signed(BODY), "whsec_other", "does not match"),
        (BODY, {}, SECRET, "signature header is missing"),
        (BODY, {"X-Webhook-Signature": ""}, SECRET, "signature header is missing"),
        (BODY, signed(BODY), "", "no webhook secret configured"),
        (BODY, signed(BODY, **{"X-Webhook-Event": "order.deleted"}), SECRET, "contradicts|but the"),
    ],
)
def test_tampering_is_rejected(
    body: bytes, headers: dict[str, str], secret: str, message: str
) -> None:
    with pytest.raises(WebhookVerificationError, match=message) as caught:
        webhooks.verify(body, headers, secret)
    assert VECTOR not in str(caught.value)
    assert SECRET not in str(caught.value)


def test_rotation_accepts_any_configured_secret() -> None:
    assert webhooks.verify(BODY, signed(BODY), ["whsec_new", SECRET]).event == "order.updated"
    with pytest.raises(WebhookVerificationError):
        webhooks.verify(BODY, signed(BODY), ["whsec_new", "whsec_newer"])


def test_parsed_json_is_refused_with_the_reason() -> None:
    with pytest.raises(TypeError, match="must be the raw request body") as caught:
        webhooks.verify(json.loads(BODY), signed(BODY), SECRET)  # type: ignore[arg-type]
    assert "re-serialising parsed JSON changes spacing and key order" in str(caught.value)


def test_event_name_from_the_header_when_the_body_has_none() -> None:
    body = b'{"data":{"_id":"c00000000000000000000001","itemNumber":"ITEM-001"}}'
    event = webhooks.verify(body, signed(body, **{"X-Webhook-Event": "item.deleted"}), SECRET)
    assert isinstance(event, ItemDeletedEvent)
    assert event.data.item_number == "ITEM-001"
    # regression: the type came from an unsigned header and nothing said so
    assert event.unsigned == {"event", "delivery_id"}
    assert event.signed_event is False
    assert "unsigned" not in event.to_dict()
    with pytest.raises(WebhookVerificationError, match="no 'event' name"):
        webhooks.verify(body, {"X-Webhook-Signature": sig(body)}, SECRET)


def test_bodies_that_are_not_events() -> None:
    for body, message in [
        (b"not json", "not JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"event": "order.updated", "data": [1]}', "not a valid 'order.updated' event: data"),
    ]:
        with pytest.raises(WebhookVerificationError, match=message):
            webhooks.verify(body, {"X-Webhook-Signature": sig(body)}, SECRET)


DATA_TYPES = {"order": Order, "shipment": Shipment, "item": Item, "task": Task}


@pytest.mark.parametrize("name", EVENTS)
def test_every_documented_event_is_typed(name: str) -> None:
    body = json.dumps({"event": name, "timestamp": "t", "data": {"_id": "x", "status": "s"}})
    event = webhooks.verify(body, signed(body.encode()), SECRET)
    assert (
        type(event).__name__
        == "".join(part.title() for part in name.replace(".", "_").split("_")) + "Event"
    )
    assert isinstance(event.data, DATA_TYPES[name.split(".")[0]])  # type: ignore[union-attr]
    assert event.type.is_known
    assert event.delivery_id == "dlv-1"


def test_unknown_event_is_generic_not_an_error() -> None:
    body = b'{"event":"invoice.paid","timestamp":"t","data":{"invoiceId":"I-1","amount":12.5}}'
    event = webhooks.verify(body, signed(body), SECRET)
    assert isinstance(event, UnknownEvent)
    assert event.data == {"invoiceId": "I-1", "amount": 12.5}
    assert (event.event, event.type.is_known, str(event.type)) == (
        "invoice.paid",
        False,
        "invoice.paid",
    )


def test_parse_event_without_verification_for_already_verified_bodies() -> None:
    event = webhooks.parse_event(BODY, {"X-Webhook-Delivery-Id": "dlv-2"})
    assert isinstance(event, OrderUpdatedEvent)
    assert event.delivery_id == "dlv-2"


# -- the sandbox delivers signed webhooks --------------------------------------------------------


async def test_every_change_is_delivered_signed(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    received: list[tuple[bytes, dict[str, str]]] = []
    url = "https://erp.example.com/webhooks/onescp"
    sandbox.register_receiver(url, lambda body, headers: received.append((body, dict(headers))))
    subscription = await mode(client.webhooks.create(url=url, events=list(WebhookEventType)))
    secret = subscription.secret

    await mode(client.orders.create(supplier={"name": "ABC"}))
    await mode(client.orders.update(ORDER, notes="n"))
    await mode(client.orders.update_status(ORDER, "completed"))
    await mode(client.orders.delete(ORDER))
    shipment = await mode(client.shipments.update(SHIPMENT, status="delivered"))
    await mode(client.shipments.update_status(SHIPMENT, "cancelled"))
    sandbox.soft_delete("shipment", SHIPMENT)
    await mode(client.items.create(item_number="N-1"))
    await mode(client.items.update(ITEM, name="x"))
    await mode(client.items.delete(ITEM))
    await mode(client.tasks.update(TASK, title="t"))
    await mode(client.tasks.decide(TASK, "accept"))
    task = await mode(client.tasks.create("a00000000000000000000002", title="Check"))
    await mode(client.tasks.decide(task.id, "reject"))

    events = [webhooks.verify(body, headers, secret) for body, headers in received]
    assert [e.event for e in events] == [
        "order.created",
        "order.updated",
        "order.status_changed",
        "order.deleted",
        "shipment.updated",
        "shipment.status_changed",
        "shipment.status_changed",
        "shipment.deleted",
        "item.created",
        "item.updated",
        "item.deleted",
        "task.updated",
        "task.completed",
        "task.created",
        "task.rejected",
    ]
    assert isinstance(events[2], OrderStatusChangedEvent)
    assert events[2].data.status == "completed"
    assert events[4].data == shipment  # the record as the API answered it
    assert isinstance(events[-1], TaskRejectedEvent)
    assert len({e.delivery_id for e in events}) == len(events)
    for body, headers in received:
        expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        assert headers["X-Webhook-Signature"] == f"sha256={expected}"
        assert headers["Content-Type"] == "application/json"
        assert headers["X-Webhook-Event"] == json.loads(body)["event"]


async def test_only_subscribed_events_and_unreachable_urls(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    received: list[bytes] = []
    sandbox.register_receiver("https://a.example/hook", lambda body, headers: received.append(body))
    await mode(client.webhooks.create(url="https://a.example/hook", events=["item.deleted"]))
    await mode(client.webhooks.create(url="https://b.example/hook", events=["item.updated"]))
    await mode(client.items.update(ITEM, name="x"))
    await mode(client.items.delete(ITEM))
    assert [json.loads(b)["event"] for b in received] == ["item.deleted"]
    failed = [d for d in sandbox.webhook_deliveries if d.target == "https://b.example/hook"]
    assert len(failed) == 1
    assert failed[0].status is None
    assert failed[0].error is not None
    assert "delivers only to loopback URLs and registered receivers" in failed[0].error


class Receiver(Sandbox):
    """An ERP endpoint on a loopback port that verifies what it receives."""

    def __init__(self) -> None:
        super().__init__()
        self.secret = ""
        self.events: list[Any] = []

    @route("POST", "/webhooks/onescp")
    def hook(self, request: SandboxRequest) -> SandboxResponse:
        try:
            self.events.append(webhooks.verify(request.body, request.headers, self.secret))
        except WebhookVerificationError as exc:
            return json_response({"error": str(exc)}, 401)
        return json_response(None, 204)


def test_real_http_delivery_to_a_loopback_url() -> None:
    sandbox = OneScpSandbox()
    receiver = Receiver()
    with receiver.serve() as receiver_url:
        client = sandbox.client(api_key=sandbox.DEFAULT_API_KEY)
        url = f"{receiver_url}/webhooks/onescp"
        receiver.secret = client.webhooks.create(url=url, events=["order.updated"]).secret or ""
        client.orders.update(ORDER, notes="over the wire")
    (event,) = receiver.events
    assert isinstance(event, OrderUpdatedEvent)
    assert event.data.notes == "over the wire"
    (delivery,) = sandbox.webhook_deliveries
    assert (delivery.target, delivery.status, delivery.error) == (url, 204, None)


@contextmanager
def serve_asgi(app: Any) -> Iterator[str]:
    """Run an ASGI app with uvicorn on a free loopback port; yields its base URL."""
    import uvicorn

    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="critical", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        assert thread.is_alive(), "uvicorn did not start"
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)


def test_starlette_receiver_from_the_docs() -> None:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    secret_holder: dict[str, str] = {}
    handled: list[Any] = []

    async def onescp_webhook(request: Request) -> Response:
        body = await request.body()
        try:
            event = webhooks.verify(body, request.headers, secret_holder["secret"])
        except WebhookVerificationError as exc:
            return JSONResponse({"detail": str(exc)}, status_code=401)
        handled.append(event)
        return JSONResponse({"received": True})

    app = Starlette(routes=[Route("/webhooks/onescp", onescp_webhook, methods=["POST"])])
    sandbox = OneScpSandbox()
    with serve_asgi(app) as base_url:
        url = f"{base_url}/webhooks/onescp"
        client = sandbox.client(api_key=sandbox.DEFAULT_API_KEY)
        secret_holder["secret"] = (
            client.webhooks.create(url=url, events=["task.completed"]).secret or ""
        )
        client.tasks.decide(TASK, "accept")
        forged = httpx.post(
            url,
            content=b'{"event":"task.completed","data":{}}',
            headers={"X-Webhook-Signature": "sha256=" + "ab" * 32},
        )
    assert [d.status for d in sandbox.webhook_deliveries] == [200]
    assert [e.event for e in handled] == ["task.completed"]
    assert forged.status_code == 401


def test_what_came_from_unsigned_headers_is_said() -> None:
    event = webhooks.verify(BODY, signed(BODY), SECRET)
    assert (event.event, event.delivery_id, event.unsigned) == (
        "order.updated",
        "dlv-1",
        frozenset({"delivery_id"}),
    )
    assert event.signed_event is True
    alone = webhooks.verify(BODY, {"X-Webhook-Signature": sig(BODY)}, SECRET)
    assert (alone.delivery_id, alone.unsigned) == (None, frozenset())


def test_a_signed_delivery_id_wins_and_a_contradicting_header_is_refused() -> None:
    body = b'{"event":"order.updated","deliveryId":"dlv-signed","data":{"_id":"x"}}'
    event = webhooks.verify(body, signed(body, **{"X-Webhook-Delivery-Id": "dlv-signed"}), SECRET)
    assert (event.delivery_id, event.unsigned) == ("dlv-signed", frozenset())
    without = webhooks.verify(body, {"X-Webhook-Signature": sig(body)}, SECRET)
    assert (without.delivery_id, without.unsigned) == ("dlv-signed", frozenset())
    with pytest.raises(WebhookVerificationError, match="Delivery-Id header says 'dlv-2'"):
        webhooks.verify(body, signed(body, **{"X-Webhook-Delivery-Id": "dlv-2"}), SECRET)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"event":5,"data":{}}', "body's 'event' is not a name"),
        (b'{"event":"order.updated","deliveryId":"","data":{}}', "'deliveryId' is not a name"),
    ],
)
def test_signed_names_must_be_text(body: bytes, message: str) -> None:
    with pytest.raises(WebhookVerificationError, match=message):
        webhooks.verify(body, {"X-Webhook-Signature": sig(body)}, SECRET)


def test_a_body_cannot_claim_its_own_unsigned_set() -> None:
    body = b'{"event":"order.updated","unsigned":[],"data":{"_id":"x"}}'
    headers = {"X-Webhook-Signature": sig(body), "X-Webhook-Delivery-Id": "d"}
    assert webhooks.verify(body, headers, SECRET).unsigned == {"delivery_id"}


#: Bodies beside headers: each must come out of the one-pass path (the body names its own
#: event and delivery id) exactly as out of the general path (``json.loads``, then headers).
ONE_PASS_CASES = [
    b'{"event":"order.updated","deliveryId":"d-1","data":{"_id":"x","status":"open"}}',
    b' {"event":"task.rejected","deliveryId":"d-1","timestamp":"t","data":{"_id":"t"}} ',
    b'{"event":"new.thing","deliveryId":"d-1","data":{"a":[1,2.5,null],"b":1e400}}',
    b'{"event":"order.updated","deliveryId":"d-1","data":{"_id":"x","extra":"kept"},"more":1}',
    b'{"event":"order.updated","event":"task.created","deliveryId":"d-1","data":{}}',
    # the general path decides these: no deliveryId, empty or wrong names, dropped keys
    b'{"event":"order.updated","data":{"_id":"x"}}',
    b'{"deliveryId":"d-1","data":{}}',
    b'{"event":"order.updated","deliveryId":"","data":{}}',
    b'{"event":"","deliveryId":"d-1","data":{}}',
    b'{"event":"order.updated","deliveryId":5,"data":{}}',
    b'{"event":"order.updated","deliveryId":null,"data":{}}',
    b'{"event":"order.updated","deliveryId":"d-1","delivery_id":"d-2","data":{}}',
    b'{"event":"order.updated","delivery_id":"d-2","data":{}}',
    b'{"event":"order.updated","deliveryId":"d-1","unsigned":["event"],"data":{}}',
    b'{"event":"order.updated","deliveryId":"d-1","unsigne\\u0064":["event"],"data":{}}',
    b'{"event":"order.updated","deliveryId":"d-1","delivery\\u005fid":"d-2","data":{}}',
    b'{"\\u0065vent":"order.updated","deliveryId":"d-1","data":{}}',
    b'{"event":"order.updated","deliveryId":"d-1","data":{"status":5}}',
    b'{"event":"order.updated","deliveryId":"d-1","data":{"a":NaN}}',
    b'\xef\xbb\xbf{"event":"order.updated","deliveryId":"d-1","data":{}}',
    b'{"event":"order.updated","deliveryId":"d-1","data":"\xff"}',
    b'[{"event":"order.updated","deliveryId":"d-1","data":{}}]',
    b"not json",
    # the documented shape: no deliveryId in the body (the header may give it)
    b'{"event":"task.completed","timestamp":"t","data":{"_id":"t","more":[1]}}',
    b'{"data":{"_id":"x"},"event":"item.deleted"}',
    b'{ "event" :\n "shipment.created" , "data" : {"_id":"s"} }',
    # the first "event" pair is a nested one: the union decides
    b'{"data":{"event":"task.created","_id":"x"},"event":"order.updated","deliveryId":"d"}',
    b'{"data":{"event":"new.thing"},"event":"order.updated","data":{"_id":"x"}}',
    b'{"data":{"event":"order.created"},"event":"new.thing"}',
    b'{"kind":"event","event":"order.deleted","data":{"_id":"x"}}',
    b'{"event":"new.thing","event":"order.updated","data":{"_id":"x"}}',
    b'{"event":"order.updated","event":"new.thing","data":[1]}',
    b'{"event":"order.updated","deliveryId":"d-1","deliveryId":null,"data":{}}',
    b'{"event":"order.updated","deliveryId":null,"deliveryId":"d-2","data":{}}',
    b'{"event":"order.updated","unsigned":null,"data":{}}',
    b'{"event":"order.updated","data":{"_id":"x","note":"a \\"quoted\\" \\n"}}',
    b'{"event":"order.created","data":{"_id":"x","status":["not","text"]}}',
    b'{"event":"new.thing"}',
    b'{"event":"order.updated"}',
    b'{"event":"\xff","data":{}}',
]
ONE_PASS_HEADERS: list[Mapping[str, str] | None] = [
    None,
    {},
    {"X-Webhook-Event": "order.updated", "x-webhook-delivery-id": "d-1"},
    {"X-Webhook-Event": "task.created"},
    {"X-Webhook-Delivery-Id": "d-9"},
    {"X-Webhook-Event": "", "X-Webhook-Delivery-Id": ""},
    {"x-webhook-event": "order.updated", "X-WEBHOOK-DELIVERY-ID": "d-7"},
    httpx.Headers({"X-Webhook-Event": "new.thing", "X-Webhook-Delivery-Id": "d-8"}),
    # not text: the general path decides what becomes of them
    {"X-Webhook-Delivery-Id": b"d-b"},  # type: ignore[dict-item]
    {"X-Webhook-Event": b"order.updated"},  # type: ignore[dict-item]
]


@pytest.mark.parametrize("body", ONE_PASS_CASES)
def test_the_one_pass_path_decides_exactly_like_the_general_path(body: bytes) -> None:
    for headers in ONE_PASS_HEADERS:
        one_pass, general = both_paths(body, headers)
        assert one_pass == general, headers


def test_a_body_with_its_own_names_is_validated_from_its_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_loads(data: Any) -> Any:
        raise AssertionError("json.loads was called")

    body = b'{"event":"order.updated","deliveryId":"d-1","data":{"_id":"x"}}'
    agreeing = signed(body, **{"X-Webhook-Delivery-Id": "d-1"})
    contradicting = signed(body, **{"X-Webhook-Event": "task.created"})
    monkeypatch.setattr(webhooks.json, "loads", no_loads)
    event = webhooks.verify(body, agreeing, SECRET)
    assert isinstance(event, OrderUpdatedEvent)
    assert (event.delivery_id, event.unsigned, event.data.id) == ("d-1", frozenset(), "x")
    with pytest.raises(WebhookVerificationError, match=r"Event header says 'task\.created'"):
        webhooks.verify(body, contradicting, SECRET)
    # a body that could spell a dropped key with an escape takes the general path
    with pytest.raises(AssertionError, match=r"json\.loads was called"):
        webhooks.parse_event(b'{"event":"order.updated","unsigne\\u0064":[],"data":{}}')


def test_a_documented_delivery_is_validated_from_its_bytes_by_its_own_class(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ONESCP's documented body has no deliveryId: the header gives it, in the same one pass."""

    def refused(*args: Any) -> Any:
        raise AssertionError("the slow path was taken")

    headers = signed(BODY)
    contradicting = signed(BODY, **{"X-Webhook-Event": "order.created"})
    unknown_body = b'{"event":"stock.moved","data":{"sku":"A"}}'
    monkeypatch.setattr(webhooks.json, "loads", refused)
    monkeypatch.setattr(_events, "event_adapter", refused)
    event = webhooks.verify(BODY, headers, SECRET)
    assert isinstance(event, OrderUpdatedEvent)
    assert (event.event, event.timestamp, event.delivery_id, event.unsigned) == (
        "order.updated",
        "2025-01-26T12:00:00.000Z",
        "dlv-1",
        frozenset({"delivery_id"}),
    )
    assert event.model_fields_set == {"event", "timestamp", "delivery_id", "unsigned", "data"}
    assert (event.data.id, event.data.purchase_order_number) == (ORDER, "PO-2024-001")
    unknown = webhooks.verify(unknown_body, {"X-Webhook-Signature": sig(unknown_body)}, SECRET)
    assert isinstance(unknown, UnknownEvent)
    assert (unknown.event, unknown.data, unknown.delivery_id, unknown.unsigned) == (
        "stock.moved",
        {"sku": "A"},
        None,
        frozenset(),
    )
    with pytest.raises(WebhookVerificationError, match=r"Event header says 'order\.created'"):
        webhooks.verify(BODY, contradicting, SECRET)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the nested pair comes first: the guessed class fails its literal, the union decides
        (b'{"data":{"event":"task.created","_id":"x"},"event":"order.updated"}', "order.updated"),
        # a nested unknown name: UnknownEvent validates, but the top-level name is known
        (b'{"data":{"event":"new.thing","_id":"x"},"event":"order.updated"}', "order.updated"),
    ],
)
def test_a_wrong_guess_of_the_event_class_falls_back_to_the_union(
    body: bytes, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[bytes] = []
    adapter = _events.event_adapter()

    class Counting:
        def validate_json(self, data: bytes) -> Any:
            calls.append(data)
            return adapter.validate_json(data)

    monkeypatch.setattr(_events, "event_adapter", Counting)
    event = webhooks.verify(body, {"X-Webhook-Signature": sig(body)}, SECRET)
    assert isinstance(event, OrderUpdatedEvent)
    assert (event.event, event.data.id, event.unsigned) == (expected, "x", frozenset())
    assert calls == [body]


@pytest.mark.parametrize("body", ONE_PASS_CASES)
def test_validating_by_the_named_class_is_exactly_the_union(body: bytes) -> None:
    def outcome(validate: Any) -> tuple[Any, ...]:
        try:
            event = validate(body)
        except ValidationError as exc:
            return ("error", exc.errors(include_url=False))
        return (
            type(event),
            event.model_dump(mode="json", by_alias=True),
            event.model_fields_set,
            event.model_extra,
        )

    assert outcome(_events.validate_event_json) == outcome(_events.event_adapter().validate_json)
