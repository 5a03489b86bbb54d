"""CartonCloud status-change webhooks: check the shared headers, get a typed event.

CartonCloud calls a URL you configure when an inbound order, an outbound order or a
consignment changes to a status you chose. The request body is the full entity; there is no
signature: the tenant configures custom headers (for example ``X-Webhook-Token: <secret>``)
and the receiver checks them. `parse` does both::

    event = parse(body, request.headers, expected_headers={"X-Webhook-Token": TOKEN})
    if isinstance(event, OutboundOrderEvent) and event.status == "DISPATCHED":
        ...
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal, TypeAlias

import attrs
from pydantic import ValidationError

from .._core.checks import field_errors
from .._core.errors import InvalidRequestError
from .._core.webhooks import raw_body, verify_shared_headers
from . import _models as m

__all__ = [
    "ConsignmentEvent",
    "EventKind",
    "InboundOrderEvent",
    "OutboundOrderEvent",
    "WebhookEvent",
    "parse",
]

#: What a notification is about.
EventKind: TypeAlias = Literal["inbound_order", "outbound_order", "consignment"]

_KIND_BY_TYPE: dict[str, EventKind] = {
    "INBOUND": "inbound_order",
    "OUTBOUND": "outbound_order",
    "CONSIGNMENT": "consignment",
}


@attrs.frozen
class InboundOrderEvent:
    """An inbound order changed status.

    Attributes:
        entity: the full inbound order, as sent.
        status: its new status.
        headers: the other headers of the request (lower-case names), without the
            verified shared ones.
    """

    entity: m.InboundOrder
    status: m.Status | None
    headers: Mapping[str, str] = attrs.field(factory=dict)
    kind: Literal["inbound_order"] = "inbound_order"


@attrs.frozen
class OutboundOrderEvent:
    """An outbound order changed status (see `InboundOrderEvent` for the attributes)."""

    entity: m.OutboundOrder
    status: m.Status | None
    headers: Mapping[str, str] = attrs.field(factory=dict)
    kind: Literal["outbound_order"] = "outbound_order"


@attrs.frozen
class ConsignmentEvent:
    """A consignment changed status (see `InboundOrderEvent` for the attributes)."""

    entity: m.Consignment
    status: m.Status | None
    headers: Mapping[str, str] = attrs.field(factory=dict)
    kind: Literal["consignment"] = "consignment"


#: Any status-change notification; narrow on ``kind`` or with ``isinstance``.
WebhookEvent: TypeAlias = InboundOrderEvent | OutboundOrderEvent | ConsignmentEvent


def parse(
    body: bytes | bytearray | memoryview | str,
    headers: Mapping[str, str],
    *,
    expected_headers: Mapping[str, str],
    kind: EventKind | None = None,
) -> WebhookEvent:
    """Check a notification's shared headers, then read it into a typed event.

    Args:
        body: the raw request body (``bytes`` or ``str``); a parsed dict is refused.
        headers: the request headers (any mapping; names are matched case-insensitively).
        expected_headers: the custom header(s) and value(s) configured on the webhook in
            CartonCloud; each must be present with exactly that value (constant-time).
        kind: ``"inbound_order"``, ``"outbound_order"`` or ``"consignment"``: what this
            receiver's URL was configured for. Without it the entity's ``type``
            (``INBOUND``, ``OUTBOUND``, ``CONSIGNMENT``) decides.

    Returns:
        An `InboundOrderEvent`, `OutboundOrderEvent` or `ConsignmentEvent`.

    Raises:
        WebhookVerificationError: a shared header is missing or wrong (the message names the
            header, never the expected value); nothing in the body was read.
        InvalidRequestError: the body is not an entity of the kind (``field_errors`` by JSON
            pointer), or its kind cannot be told.
        TypeError: ``body`` is not the raw body.
    """
    data = raw_body(body)
    verify_shared_headers(headers, expected_headers)
    try:
        payload: Any = json.loads(data)
    except ValueError:
        raise InvalidRequestError("the webhook body is not JSON") from None
    if not isinstance(payload, dict):
        raise InvalidRequestError("the webhook body is not a JSON object (an entity)")
    declared = payload.get("type")
    inferred = _KIND_BY_TYPE.get(declared) if isinstance(declared, str) else None
    if kind is None:
        if inferred is None:
            raise InvalidRequestError(
                f"cannot tell what the webhook is about from its type {declared!r}: pass kind="
                "'inbound_order', 'outbound_order' or 'consignment' (the receiver's URL is "
                "configured for one of them)"
            )
        kind = inferred
    elif kind not in _KIND_BY_TYPE.values():
        raise InvalidRequestError(
            f"kind must be 'inbound_order', 'outbound_order' or 'consignment', got {kind!r}"
        )
    elif declared is not None and inferred != kind:
        raise InvalidRequestError(f"the webhook is of type {declared!r}, not a {kind}")
    verified = {name.lower() for name in expected_headers}
    rest = {k.lower(): v for k, v in headers.items() if k.lower() not in verified}
    try:
        if kind == "inbound_order":
            inbound = m.InboundOrder.model_validate(payload)
            return InboundOrderEvent(entity=inbound, status=inbound.status, headers=rest)
        if kind == "outbound_order":
            outbound = m.OutboundOrder.model_validate(payload)
            return OutboundOrderEvent(entity=outbound, status=outbound.status, headers=rest)
        consignment = m.Consignment.model_validate(payload)
        return ConsignmentEvent(entity=consignment, status=consignment.status, headers=rest)
    except ValidationError as exc:
        raise InvalidRequestError(
            f"the webhook body is not a valid {kind.replace('_', ' ')}",
            field_errors=field_errors(exc, pointer=True),
        ) from None
