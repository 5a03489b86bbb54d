"""Receive ONESCP webhooks: check the signature, get a typed event.

    from supplychain_sdk.onescp import webhooks

    event = webhooks.verify(raw_body, request_headers, secret)  # raises if forged
    match event:
        case webhooks.OrderUpdatedEvent(data=order):
            print(order.purchase_order_number, order.status)

ONESCP signs each delivery with ``X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret, body)>``
over the raw request body; the secret is the one ``client.webhooks.create`` returned.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from pydantic import ValidationError

from .._core.errors import WebhookVerificationError
from .._core.webhooks import (
    compute_signature,
    get_header,
    get_headers,
    raw_body,
    verify_signature,
)
from ._events import (
    BaseEvent,
    ItemCreatedEvent,
    ItemDeletedEvent,
    ItemUpdatedEvent,
    OrderCreatedEvent,
    OrderDeletedEvent,
    OrderStatusChangedEvent,
    OrderUpdatedEvent,
    ShipmentCreatedEvent,
    ShipmentDeletedEvent,
    ShipmentStatusChangedEvent,
    ShipmentUpdatedEvent,
    TaskCompletedEvent,
    TaskCreatedEvent,
    TaskRejectedEvent,
    TaskUpdatedEvent,
    UnknownEvent,
    WebhookEvent,
    event_adapter,
    validate_event_json,
)

__all__ = [
    "DELIVERY_HEADER",
    "EVENT_HEADER",
    "SIGNATURE_HEADER",
    "BaseEvent",
    "ItemCreatedEvent",
    "ItemDeletedEvent",
    "ItemUpdatedEvent",
    "OrderCreatedEvent",
    "OrderDeletedEvent",
    "OrderStatusChangedEvent",
    "OrderUpdatedEvent",
    "ShipmentCreatedEvent",
    "ShipmentDeletedEvent",
    "ShipmentStatusChangedEvent",
    "ShipmentUpdatedEvent",
    "TaskCompletedEvent",
    "TaskCreatedEvent",
    "TaskRejectedEvent",
    "TaskUpdatedEvent",
    "UnknownEvent",
    "WebhookEvent",
    "parse_event",
    "sign",
    "verify",
]

SIGNATURE_HEADER = "X-Webhook-Signature"
EVENT_HEADER = "X-Webhook-Event"
DELIVERY_HEADER = "X-Webhook-Delivery-Id"

Payload = bytes | bytearray | memoryview | str


def verify(
    payload: Payload,
    headers: Mapping[str, str],
    secret: str | bytes | Iterable[str | bytes],
) -> WebhookEvent:
    """Check a delivery's signature and return its typed event.

    Args:
        payload: the raw request body, exactly as received (``await request.body()`` in
            Starlette/FastAPI, ``request.get_data()`` in Flask). A parsed ``dict`` is refused
            with a ``TypeError``: re-serialised JSON is not the signed bytes.
        headers: the request headers (any mapping; names are matched case-insensitively).
        secret: the subscription's secret, or several (during a rotation any one may match).

    The signature header is ``X-Webhook-Signature``, accepted with or without its
    ``sha256=`` prefix and compared in constant time. Only the body is signed: the event
    name is the body's ``event`` and the delivery id its ``deliveryId``; the unsigned
    ``X-Webhook-Event`` / ``X-Webhook-Delivery-Id`` headers fill in only what the body lacks,
    and ``event.unsigned`` then names what came from them (``{"event", "delivery_id"}``).
    A header that contradicts the signed body is refused.

    Raises:
        WebhookVerificationError: missing or wrong signature, empty secret, a body that is
            not a JSON event, or an event header that contradicts the body. The message never
            holds the secret or the expected signature.
    """
    body = payload if type(payload) is bytes else raw_body(payload)
    signature, event_name, delivery_id = get_headers(
        headers, SIGNATURE_HEADER, EVENT_HEADER, DELIVERY_HEADER
    )
    verify_signature(body, signature, secret, prefix="sha256=")
    event = _parse_signed_event(body, event_name, delivery_id)
    return event if event is not None else _parse_event(body, headers)


def parse_event(payload: Payload, headers: Mapping[str, str] | None = None) -> WebhookEvent:
    """Parse a delivery body into its typed event, WITHOUT checking the signature.

    Only for bodies you verified already (for example, queued by a receiver that called
    `verify`) or test fixtures. Headers, when given, supply the event name and the delivery
    id where the body has none (recorded in ``event.unsigned``).
    """
    body = raw_body(payload)
    given: list[str | None] = (
        [None, None] if headers is None else get_headers(headers, EVENT_HEADER, DELIVERY_HEADER)
    )
    event = _parse_signed_event(body, given[0], given[1])
    return event if event is not None else _parse_event(body, headers)


def _parse_event(body: bytes, headers: Mapping[str, str] | None) -> WebhookEvent:
    """The general path: decode, reconcile the names with the headers, then validate."""
    try:
        data = json.loads(body)
    except ValueError:
        raise WebhookVerificationError("the webhook body is not JSON") from None
    if not isinstance(data, dict):
        raise WebhookVerificationError("the webhook body is not a JSON object")
    unsigned: set[str] = set()
    for key, header, attribute in (
        ("event", EVENT_HEADER, "event"),
        ("deliveryId", DELIVERY_HEADER, "delivery_id"),
    ):
        signed = data.pop(key, None)
        given = get_header(headers, header) if headers is not None else None
        if signed is not None and (not isinstance(signed, str) or not signed):
            raise WebhookVerificationError(f"the webhook body's {key!r} is not a name")
        if signed is not None and given and given != signed:
            raise WebhookVerificationError(
                f"the {header} header says {given!r} but the signed body says {signed!r}"
            )
        if signed is None and given:
            signed = given
            unsigned.add(attribute)
        if signed is not None:
            data[key] = signed
    data.pop("delivery_id", None)
    data.pop("unsigned", None)
    if "event" not in data:
        raise WebhookVerificationError("the webhook body has no 'event' name")
    data["unsigned"] = frozenset(unsigned)
    try:
        return event_adapter().validate_python(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:]) or 'body'}: {e['msg']}"
            for e in exc.errors(include_url=False, include_input=False)[:3]
        )
        raise WebhookVerificationError(
            f"the webhook body is not a valid {data['event']!r} event: {problems}"
        ) from None


#: ``unsigned`` when only the delivery id came from its header.
_DELIVERY_ID_UNSIGNED = frozenset({"delivery_id"})


def _parse_signed_event(
    body: bytes, event_header: str | None, delivery_header: str | None
) -> WebhookEvent | None:
    """The common cases in one pass: the body names its event, and maybe its delivery id.

    The raw bytes are validated directly (no ``json.loads`` and dict edits first), then the
    headers are checked against the typed event; a body without its own ``deliveryId`` takes
    the ``X-Webhook-Delivery-Id`` header's value (then named in ``unsigned``), as ONESCP's
    documented deliveries do. ``None`` means "take the general path", which then decides
    exactly as it always did: whenever the result could differ from it (no ``event`` in the
    body, an empty name, a ``"deliveryId": null``, a top-level ``unsigned`` or ``delivery_id``
    key that the general path drops, ``\\u`` escapes that could spell such a key, a header
    value that is not a ``str``, a body that is not a valid event) this path steps aside.
    """
    if b"\\" in body and b"\\u" in body:
        return None
    try:
        event = validate_event_json(body)
    except ValidationError:
        return None
    # without escapes, the typed values came from the body's own "event" and "deliveryId"
    # keys, or from a "delivery_id" key (looked for only when the field is set at all), which
    # the general path drops; a body's "unsigned" key (any spelling) is a set field
    fields_set = event.__pydantic_fields_set__
    if (
        not event.event
        or "unsigned" in fields_set
        or ("delivery_id" in fields_set and b'"delivery_id"' in body)
    ):
        return None
    if event_header and event_header != event.event:
        raise WebhookVerificationError(
            f"the {EVENT_HEADER} header says {event_header!r} but the signed body says "
            f"{event.event!r}"
        )
    signed = event.delivery_id
    if signed is None:
        if "delivery_id" in fields_set:
            return None  # "deliveryId": null, which the general path treats as absent
        if delivery_header:
            if not isinstance(delivery_header, str):
                return None
            # what the general path's validation of the header's str would store
            event.__dict__["delivery_id"] = delivery_header
            event.__dict__["unsigned"] = _DELIVERY_ID_UNSIGNED
            fields_set.add("delivery_id")
    elif not signed:
        return None
    elif delivery_header and delivery_header != signed:
        raise WebhookVerificationError(
            f"the {DELIVERY_HEADER} header says {delivery_header!r} but the signed body says "
            f"{signed!r}"
        )
    # as if set explicitly, like the general path does
    fields_set.add("unsigned")
    return event


def sign(payload: Payload, secret: str | bytes) -> str:
    """The ``X-Webhook-Signature`` value ONESCP would send: ``sha256=<hex>`` (for tests)."""
    return "sha256=" + compute_signature(raw_body(payload), secret)
