"""What an ONESCP request may carry: the checked value types and the query and body schemas
of the route table (no I/O here).

Each schema is a TypedDict in Python names (``delivery_date``) that the generic caller
validates and sends in the API's names (``deliveryDate``), only the fields given. A value
type checks one value and, where the API wants another form, converts it (an aware datetime
to UTC ISO 8601, an enum member to its value); its error names the argument.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BeforeValidator, Field, ValidationInfo
from pydantic_core import PydanticCustomError
from typing_extensions import Required, TypedDict

from .._core.checks import timestamp
from .._core.errors import InvalidRequestError
from .._core.lazy import LazyTypes
from .._core.operations import api_fields
from .._core.urls import absolute_url
from ._arguments import is_object_id, one_of

if TYPE_CHECKING:
    from . import _models as m
else:  # the models and enums load when a request is first checked (see _core/lazy.py)
    m = LazyTypes("supplychain_sdk.onescp._models")

__all__ = [
    "ChangesQuery",
    "ContainerUpdate",
    "DocumentForm",
    "ErpItems",
    "ErpOrders",
    "ErpShipments",
    "ExportQuery",
    "ImportForm",
    "ItemCreate",
    "ItemFilters",
    "ItemUpdate",
    "LineUpdate",
    "LoginBody",
    "OrderCreate",
    "OrderFilters",
    "OrderStatusUpdate",
    "OrderUpdate",
    "ShipmentCreate",
    "ShipmentFilters",
    "ShipmentStatusUpdate",
    "ShipmentUpdate",
    "SubscriptionCreate",
    "TaskCreate",
    "TaskDecisionBody",
    "TaskFilters",
    "TaskStatusUpdate",
    "TaskUpdate",
]

# -- value types ----------------------------------------------------------------------------------


def _refuse(message: str) -> PydanticCustomError:
    return PydanticCustomError("onescp_value", message)


def _name(info: ValidationInfo) -> str:
    return info.field_name or "value"


def _checked(check: Callable[[Any, str], Any]) -> BeforeValidator:
    """A validator running ``check(value, argument_name)``; its `InvalidRequestError` becomes
    this field's error (so every problem of a body is reported at once)."""

    def validate(value: Any, info: ValidationInfo) -> Any:
        try:
            return check(value, _name(info))
        except InvalidRequestError as exc:
            raise _refuse(str(exc)) from None

    return BeforeValidator(validate)


def _object_id(value: object, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidRequestError(f"{name} must be a non-empty string (an ONESCP id)")
    if not is_object_id(value):
        raise InvalidRequestError(
            f"{name} must be an ONESCP id (24 hexadecimal characters, a MongoDB ObjectId), "
            f"got {value!r}; ERP numbers are not ONESCP ids"
        )
    return value


def _text(value: object, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidRequestError(f"{name} must be a non-empty string")
    return value


def _number(value: object, name: str) -> float | int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidRequestError(f"{name} must be a number, got {value!r}")
    return value


def _flag(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidRequestError(f"{name} must be True or False")
    return value


def _country(value: object, name: str) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2}", value):
        raise InvalidRequestError(f"{name} must be a two-letter ISO country code, got {value!r}")
    return value.upper()


def _since(value: Any, name: str) -> str | None:
    """A changes ``since``: datetimes in UTC, dates as their midnight UTC, strings as given."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f"{value.isoformat()}T00:00:00Z"
    return timestamp(value, name)


def _url(value: str, name: str) -> str:
    absolute_url(value, name)
    return value


def _events(value: object, name: str) -> list[str]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidRequestError(f"{name} must be a list of event names, e.g. ['order.created']")
    out = [one_of(m.WebhookEventType, v, "event") for v in value]
    if not out:
        raise InvalidRequestError(f"{name} must name at least one event")
    if len(set(out)) != len(out):
        raise InvalidRequestError(f"{name} lists an event twice")
    return out


ObjectId = Annotated[str, _checked(_object_id)]
Text = Annotated[str, _checked(_text)]
Number = Annotated[int | float, _checked(_number)]
Flag = Annotated[bool, _checked(_flag)]
Country = Annotated[str, _checked(_country)]
Timestamp = Annotated[str, _checked(timestamp)]
Since = Annotated[str, _checked(_since)]
HttpUrl = Annotated[str, _checked(_url)]
EventNames = Annotated[list[str], _checked(_events)]
OrderStatusValue = Annotated[str, _checked(functools.partial(one_of, m.OrderStatus))]
ShipmentStatusValue = Annotated[str, _checked(functools.partial(one_of, m.ShipmentStatus))]
ItemStatusValue = Annotated[str, _checked(functools.partial(one_of, m.ItemStatus))]
ItemTypeValue = Annotated[str, _checked(functools.partial(one_of, m.ItemType))]
TaskStatusValue = Annotated[str, _checked(functools.partial(one_of, m.TaskStatus))]
PriorityValue = Annotated[str, _checked(functools.partial(one_of, m.Priority))]
DecisionValue = Annotated[str, _checked(functools.partial(one_of, m.TaskDecision))]
DocumentTypeValue = Annotated[str, _checked(functools.partial(one_of, m.DocumentType))]
ExportFormatValue = Annotated[str, _checked(functools.partial(one_of, m.ExportFormat))]


# -- schemas: auth --------------------------------------------------------------------------------


@api_fields
class LoginBody(TypedDict):
    """The body of ``auth.login``."""

    email: str
    password: str


# -- schemas: lists and changes -------------------------------------------------------------------


@api_fields
class OrderFilters(TypedDict, total=False):
    """The filters of ``orders.list``."""

    status: OrderStatusValue
    supplier: ObjectId
    date_from: Timestamp
    date_to: Timestamp


@api_fields
class ShipmentFilters(TypedDict, total=False):
    """The filters of ``shipments.list``."""

    status: ShipmentStatusValue
    carrier: Text


@api_fields
class ItemFilters(TypedDict, total=False):
    """The filters of ``items.list``."""

    search: Text
    category: Text
    item_status: ItemStatusValue


@api_fields
class TaskFilters(TypedDict, total=False):
    """The filters of ``tasks.list``."""

    status: TaskStatusValue
    priority: PriorityValue


@api_fields
class ChangesQuery(TypedDict, total=False):
    """The query of the ``*.changes`` operations (one page of a change feed)."""

    since: Since
    page: Annotated[int, Field(ge=1)]
    limit: Annotated[int, Field(ge=1, le=500)]


@api_fields
class ExportQuery(TypedDict):
    """The query of ``items.export``."""

    format: ExportFormatValue


# -- schemas: orders ------------------------------------------------------------------------------


@api_fields
class OrderCreate(TypedDict, total=False):
    """The body of ``orders.create``."""

    supplier: Required[m.OrderSupplierInput]
    order_lines: list[m.OrderLineInput]
    delivery_date: Timestamp
    priority: PriorityValue
    notes: str


@api_fields
class OrderUpdate(TypedDict, total=False):
    """The body of ``orders.update``."""

    delivery_date: Timestamp
    priority: PriorityValue
    notes: str


@api_fields
class OrderStatusUpdate(TypedDict, total=False):
    """The body of ``orders.update_status``."""

    status: Required[OrderStatusValue]
    notes: str


@api_fields
class LineUpdate(TypedDict, total=False):
    """The body of ``orders.lines.update``."""

    quantity: Number
    prices: m.Prices
    item: m.OrderItem
    position: Text
    description: str


@api_fields
class DocumentForm(TypedDict, total=False):
    """The form fields of a document upload (``multipart/form-data``)."""

    type: Required[DocumentTypeValue]
    name: Text
    description: Text


# -- schemas: shipments ---------------------------------------------------------------------------


@api_fields
class ShipmentFields(TypedDict, total=False):
    """What shipments are created and changed with."""

    departure_from: str
    departure_city: str
    departure_country_iso2: Annotated[Country, Field(alias="departureCountryISO2")]
    final_destination: str
    final_destination_city: str
    final_destination_country_iso2: Annotated[Country, Field(alias="finalDestinationCountryISO2")]
    type: str
    carrier: str
    scheduled_delivery_date: Timestamp


@api_fields
class ShipmentCreate(ShipmentFields, total=False):
    """The body of ``shipments.create``."""

    containers: list[m.ContainerInput]


@api_fields
class ShipmentUpdate(ShipmentFields, total=False):
    """The body of ``shipments.update``."""

    status: ShipmentStatusValue


@api_fields
class ShipmentStatusUpdate(TypedDict):
    """The body of ``shipments.update_status``."""

    status: ShipmentStatusValue


@api_fields
class ContainerUpdate(TypedDict, total=False):
    """The body of ``shipments.containers.update``."""

    container_number: Text
    container_type: str
    seal_number: str
    weight: Number
    volume: Number
    status: str
    eta: Timestamp


# -- schemas: items -------------------------------------------------------------------------------


@api_fields
class ItemFields(TypedDict, total=False):
    """What items are created and changed with."""

    name: str
    description: str
    category: str
    type: ItemTypeValue
    material: dict[str, Any]


@api_fields
class ItemCreate(ItemFields, total=False):
    """The body of ``items.create``."""

    item_number: Required[Text]


@api_fields
class ItemUpdate(ItemFields, total=False):
    """The body of ``items.update``."""

    item_number: Text
    item_status: ItemStatusValue


@api_fields
class ImportForm(TypedDict):
    """The form field of ``items.bulk_import`` (beside the file)."""

    update_existing: Flag


# -- schemas: tasks -------------------------------------------------------------------------------


@api_fields
class TaskFields(TypedDict, total=False):
    """What tasks are created and changed with."""

    description: str
    assigned_to: ObjectId
    priority: PriorityValue
    due_date: Timestamp


@api_fields
class TaskCreate(TaskFields, total=False):
    """The body of ``tasks.create``."""

    title: Required[Text]


@api_fields
class TaskUpdate(TaskFields, total=False):
    """The body of ``tasks.update``."""

    title: Text


@api_fields
class TaskStatusUpdate(TypedDict):
    """The body of ``tasks.update_status``."""

    status: TaskStatusValue


@api_fields
class TaskDecisionBody(TypedDict, total=False):
    """The body of ``tasks.decide``."""

    decision: Required[DecisionValue]
    comments: str


# -- schemas: webhooks and ERP upserts ------------------------------------------------------------


@api_fields
class SubscriptionCreate(TypedDict):
    """The body of ``webhooks.create``."""

    url: HttpUrl
    events: EventNames


@api_fields
class ErpOrders(TypedDict):
    """The body of ``orders.upsert_from_erp`` (rows checked by `_erp.erp_rows`)."""

    orders: list[dict[str, Any]]


@api_fields
class ErpShipments(TypedDict):
    """The body of ``shipments.upsert_from_erp``."""

    shipments: list[dict[str, Any]]


@api_fields
class ErpItems(TypedDict):
    """The body of ``items.upsert_from_erp``."""

    items: list[dict[str, Any]]
