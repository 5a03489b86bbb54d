"""Request field types every Pharus section uses, checked before anything is sent.

Amounts are sent as JSON numbers with the exact digits of a `Decimal` (pharus-routes.md
§3c: numbers in requests, strings in answers); ids must be UUIDs; countries exactly two
letters; dates ISO 8601; enum values known to the SDK.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, Field, PlainValidator

from ..._core.checks import timestamp
from ..._core.errors import InvalidRequestError
from ..._core.models import OpenEnum

__all__ = [
    "Amount",
    "Country",
    "DateInput",
    "NonNegativeAmount",
    "PositiveAmount",
    "Text",
    "UuidStr",
    "known_enum",
]

E = TypeVar("E", bound=OpenEnum)


def _decimal(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, float)):
        raise ValueError("must be a number (Decimal, int or float)")
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise ValueError("must be a finite number")
    return number


def _positive(value: object) -> Decimal:
    number = _decimal(value)
    if number <= 0:
        raise ValueError("must be greater than 0")
    return number


def _non_negative(value: object) -> Decimal:
    number = _decimal(value)
    if number < 0:
        raise ValueError("must be 0 or more")
    return number


def _uuid(value: str) -> str:
    try:
        uuid.UUID(value)
    except ValueError:
        raise ValueError("must be a UUID") from None
    return value


def _date(value: object) -> str:
    if not isinstance(value, (str, dt.date)):
        raise ValueError("must be an ISO 8601 date or timestamp, a date or an aware datetime")
    try:
        checked = timestamp(value, "value")
    except InvalidRequestError as exc:
        raise ValueError(str(exc).removeprefix("value ")) from None
    assert checked is not None
    return checked


#: A number: `Decimal`, int or float (floats by their shortest repr), sent exactly.
Amount = Annotated[Decimal | int | float, PlainValidator(_decimal)]
#: A number greater than 0.
PositiveAmount = Annotated[Decimal | int | float, PlainValidator(_positive)]
#: A number of 0 or more.
NonNegativeAmount = Annotated[Decimal | int | float, PlainValidator(_non_negative)]
#: A UUID as text.
UuidStr = Annotated[str, AfterValidator(_uuid)]
#: An ISO 3166 alpha-2 country: exactly two characters.
Country = Annotated[str, Field(min_length=2, max_length=2)]
#: A date or timestamp: a `date`, an aware `datetime` or ISO 8601 text.
DateInput = Annotated[str | dt.date | dt.datetime, PlainValidator(_date)]
#: Text of at least one character.
Text = Annotated[str, Field(min_length=1)]


def known_enum(enum: type[E]) -> Any:
    """A validator accepting only ``enum``'s known values (members or their text).

    Use as ``Annotated[SalesOrderStatus | str, known_enum(SalesOrderStatus)]``.
    """

    def check(value: object) -> E:
        if isinstance(value, str):
            member = enum(value)
            if member.is_known:
                return member
        allowed = ", ".join(repr(e.value) for e in enum)
        raise ValueError(f"must be one of {allowed}")

    checker: Callable[[object], E] = check
    return PlainValidator(checker)
