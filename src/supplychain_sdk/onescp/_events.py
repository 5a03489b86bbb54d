"""Typed ONESCP webhook events: one class per documented event, with typed ``data``.

``WebhookEvent`` is a discriminated union on ``event``; an event this SDK does not know parses
to `UnknownEvent` (``data`` kept as plain JSON), never to an error.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal, Union

from pydantic import Discriminator, Field, Tag, TypeAdapter, ValidationError
from pydantic_core import SchemaValidator

from .._core.models import APIModel
from ._models import Item, Order, Shipment, Task, WebhookEventType

__all__ = [
    "EVENT_CLASSES",
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
    "event_adapter",
    "validate_event_json",
]


class BaseEvent(APIModel):
    """What every delivery carries.

    Attributes:
        event: the event name (``"order.updated"``): the signed body's ``event``, else the
            unsigned ``X-Webhook-Event`` header (then ``"event"`` is in `unsigned`).
        timestamp: when the event happened (ISO 8601), as the signed body says.
        delivery_id: the delivery's id: the signed body's ``deliveryId`` if it has one, else
            the unsigned ``X-Webhook-Delivery-Id`` header (then ``"delivery_id"`` is in
            `unsigned`).
        unsigned: the attributes taken from headers the signature does not cover. Anyone
            who captured one signed delivery can resend it with other values there: do not
            let them decide anything a forged value could abuse (see the ONESCP page on
            de-duplicating deliveries). Not part of the event's JSON.
    """

    event: str
    timestamp: str | None = None
    delivery_id: str | None = None
    unsigned: frozenset[str] = Field(default=frozenset(), exclude=True)

    @property
    def signed_event(self) -> bool:
        """Whether the event name came from the signed body."""
        return "event" not in self.unsigned

    @property
    def type(self) -> WebhookEventType:
        """``event`` as a `WebhookEventType` (``.is_known`` is ``False`` for new events)."""
        return WebhookEventType(self.event)


class OrderCreatedEvent(BaseEvent):
    """``order.created``: a new order."""

    event: Literal["order.created"]
    data: Order


class OrderUpdatedEvent(BaseEvent):
    """``order.updated``: an order changed."""

    event: Literal["order.updated"]
    data: Order


class OrderDeletedEvent(BaseEvent):
    """``order.deleted``: an order was soft-deleted (``data`` may hold only its id)."""

    event: Literal["order.deleted"]
    data: Order


class OrderStatusChangedEvent(BaseEvent):
    """``order.status_changed``: an order's status changed."""

    event: Literal["order.status_changed"]
    data: Order


class ShipmentCreatedEvent(BaseEvent):
    """``shipment.created``: a new shipment."""

    event: Literal["shipment.created"]
    data: Shipment


class ShipmentUpdatedEvent(BaseEvent):
    """``shipment.updated``: a shipment changed."""

    event: Literal["shipment.updated"]
    data: Shipment


class ShipmentDeletedEvent(BaseEvent):
    """``shipment.deleted``: a shipment was soft-deleted (``data`` may hold only its id)."""

    event: Literal["shipment.deleted"]
    data: Shipment


class ShipmentStatusChangedEvent(BaseEvent):
    """``shipment.status_changed``: a shipment's status changed."""

    event: Literal["shipment.status_changed"]
    data: Shipment


class ItemCreatedEvent(BaseEvent):
    """``item.created``: a new item (sent to every subscriber)."""

    event: Literal["item.created"]
    data: Item


class ItemUpdatedEvent(BaseEvent):
    """``item.updated``: an item changed."""

    event: Literal["item.updated"]
    data: Item


class ItemDeletedEvent(BaseEvent):
    """``item.deleted``: an item was deleted (``data`` may hold only its id)."""

    event: Literal["item.deleted"]
    data: Item


class TaskCreatedEvent(BaseEvent):
    """``task.created``: a new task."""

    event: Literal["task.created"]
    data: Task


class TaskUpdatedEvent(BaseEvent):
    """``task.updated``: a task changed."""

    event: Literal["task.updated"]
    data: Task


class TaskCompletedEvent(BaseEvent):
    """``task.completed``: a task was accepted or completed."""

    event: Literal["task.completed"]
    data: Task


class TaskRejectedEvent(BaseEvent):
    """``task.rejected``: a task was rejected."""

    event: Literal["task.rejected"]
    data: Task


class UnknownEvent(BaseEvent):
    """An event this SDK does not know yet: ``data`` is the plain JSON."""

    data: Any = None


#: Event name -> its class.
EVENT_CLASSES: dict[str, type[BaseEvent]] = {
    "order.created": OrderCreatedEvent,
    "order.updated": OrderUpdatedEvent,
    "order.deleted": OrderDeletedEvent,
    "order.status_changed": OrderStatusChangedEvent,
    "shipment.created": ShipmentCreatedEvent,
    "shipment.updated": ShipmentUpdatedEvent,
    "shipment.deleted": ShipmentDeletedEvent,
    "shipment.status_changed": ShipmentStatusChangedEvent,
    "item.created": ItemCreatedEvent,
    "item.updated": ItemUpdatedEvent,
    "item.deleted": ItemDeletedEvent,
    "task.created": TaskCreatedEvent,
    "task.updated": TaskUpdatedEvent,
    "task.completed": TaskCompletedEvent,
    "task.rejected": TaskRejectedEvent,
}


def _tag(value: Any) -> str:
    event = value.get("event") if isinstance(value, Mapping) else getattr(value, "event", None)
    return event if isinstance(event, str) and event in EVENT_CLASSES else "unknown"


#: Any ONESCP webhook event; narrow with ``isinstance`` or ``match``.
WebhookEvent = Annotated[
    Union[  # noqa: UP007 - tagged members need the Union spelling
        Annotated[OrderCreatedEvent, Tag("order.created")],
        Annotated[OrderUpdatedEvent, Tag("order.updated")],
        Annotated[OrderDeletedEvent, Tag("order.deleted")],
        Annotated[OrderStatusChangedEvent, Tag("order.status_changed")],
        Annotated[ShipmentCreatedEvent, Tag("shipment.created")],
        Annotated[ShipmentUpdatedEvent, Tag("shipment.updated")],
        Annotated[ShipmentDeletedEvent, Tag("shipment.deleted")],
        Annotated[ShipmentStatusChangedEvent, Tag("shipment.status_changed")],
        Annotated[ItemCreatedEvent, Tag("item.created")],
        Annotated[ItemUpdatedEvent, Tag("item.updated")],
        Annotated[ItemDeletedEvent, Tag("item.deleted")],
        Annotated[TaskCreatedEvent, Tag("task.created")],
        Annotated[TaskUpdatedEvent, Tag("task.updated")],
        Annotated[TaskCompletedEvent, Tag("task.completed")],
        Annotated[TaskRejectedEvent, Tag("task.rejected")],
        Annotated[UnknownEvent, Tag("unknown")],
    ],
    Discriminator(_tag),
]

_ADAPTER: TypeAdapter[WebhookEvent] | None = None


def event_adapter() -> TypeAdapter[WebhookEvent]:
    """The (cached) pydantic adapter that parses a `WebhookEvent`."""
    global _ADAPTER
    if _ADAPTER is None:
        _ADAPTER = TypeAdapter(WebhookEvent)
    return _ADAPTER


#: After a top-level-looking ``"event"`` key: the colon and a plain string (no escapes).
_EVENT_VALUE = re.compile(rb'[ \t\n\r]*:[ \t\n\r]*"([^"\\]*)"')
#: Known event names (as bytes) -> (class, its validator), filled on first use of each;
#: ``b""`` (no event has that name) holds `UnknownEvent`'s.
_choices: dict[bytes, tuple[type[BaseEvent], SchemaValidator]] = {}


def _validator(cls: type[BaseEvent]) -> SchemaValidator:
    """One event class's own validator (the classes defer building it until first use)."""
    cls.model_rebuild()
    validator: Any = cls.__pydantic_validator__
    return validator  # type: ignore[no-any-return]


def _event_name(body: bytes) -> bytes | None:
    """The name in the body's first ``"event": "<name>"`` pair (it may be a nested one)."""
    start = body.find(b'"event"')
    while start >= 0:
        start += 7
        if body[start : start + 2] == b':"':  # compact JSON, the common form
            return body[start + 2 : body.find(b'"', start + 2)]
        found = _EVENT_VALUE.match(body, start)
        if found is not None:
            return found.group(1)
        start = body.find(b'"event"', start)
    return None


def _choice(name: bytes | None) -> tuple[type[BaseEvent], SchemaValidator]:
    """The class a name selects, with its validator: a known one, else `UnknownEvent`."""
    known = EVENT_CLASSES.get(name.decode("utf-8", "replace")) if name is not None else None
    cls = known or UnknownEvent
    # only the fixed set of known names is kept; any other name shares UnknownEvent's entry
    key = name if known is not None and name is not None else b""
    choice = _choices.get(key)
    if choice is None:
        choice = _choices[key] = (cls, _validator(cls))
    return choice


def validate_event_json(body: bytes) -> WebhookEvent:
    """Exactly ``event_adapter().validate_json(body)``, without the union's detour.

    The union's discriminator needs the whole body as Python objects before the chosen class
    validates it again; here the class the body's ``event`` names validates the bytes once.
    A guess can only succeed when it is the union's own choice: a known class checks its
    ``event`` literal, and `UnknownEvent` counts only for a name no class has. Anything else
    (a nested ``"event"`` key seen first, an invalid body) goes to the union, which decides.

    Raises:
        pydantic.ValidationError: exactly when the union's validation raises it.
    """
    # the common case inline: compact JSON whose first "event" key names a known event
    start = body.find(b'"event":"') + 9
    choice = _choices.get(body[start : body.find(b'"', start)]) if start > 8 else None
    if choice is None:
        choice = _choice(_event_name(body))
    try:
        event: BaseEvent = choice[1].validate_json(body)
    except ValidationError:
        return event_adapter().validate_json(body)
    if choice[0] is UnknownEvent and event.event in EVENT_CLASSES:
        return event_adapter().validate_json(body)
    return event  # type: ignore[return-value]
