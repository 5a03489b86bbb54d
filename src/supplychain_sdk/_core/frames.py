"""API models as tables: one row per model, for pandas and polars.

Columns are the Python attribute names (snake_case); fields of nested models are flattened
with dotted names (``content.header.order_identifier``). Timestamps become datetimes, decimal
amounts keep their exact digits, enums become their string values and secrets stay masked.
Lists and free-form mappings stay in one cell (lists of models as lists of plain dicts).
Fields kept out of reprs (``Field(repr=False)``: webhook secrets, signed URLs) are masked too.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

from .display import secret_types
from .extras import require
from .lazy import resolve_type

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]
    import polars as pl  # type: ignore[import-not-found, unused-ignore]

__all__ = ["flatten", "table", "to_pandas", "to_polars"]

#: How a column's values are typed in a frame: timestamps, dates, or as they come.
Kind = Literal["datetime", "date", "iso"]

_MASK = "**********"


def _union_args(annotation: Any) -> tuple[Any, ...]:
    """The members of ``X | Y`` / ``Optional[X]`` (``Annotated`` unwrapped), else ``(X,)``."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        members: list[Any] = []
        for arg in typing.get_args(annotation):
            members.extend(_union_args(arg))
        return tuple(members)
    return (annotation,)


def _kind(annotation: Any, name: str) -> Kind | None:
    """The column kind a field's annotation declares.

    ``datetime`` (or ``datetime | str``) is a timestamp, ``date`` a date; a plain ``str``
    field named ``*_at`` (``created_at``) is an ISO timestamp if every value parses as one.
    """
    members = [arg for arg in _union_args(annotation) if arg is not type(None)]
    if dt.datetime in members:
        return "datetime"
    if dt.date in members:
        return "date"
    if members == [str] and name.endswith("_at"):
        return "iso"
    return None


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model class of a field that holds exactly one model type (or ``None``)."""
    members = [arg for arg in _union_args(annotation) if arg is not type(None)]
    if len(members) == 1 and isinstance(members[0], type) and issubclass(members[0], BaseModel):
        return members[0]
    return None


def _hidden(value: Any) -> Any:
    """A field kept out of reprs (``Field(repr=False)``: webhook secrets, signed URLs)."""
    return _MASK if value else value


def _plain(value: Any) -> Any:
    """A cell value: models as dicts of attribute names, enums as values, secrets masked."""
    if isinstance(value, BaseModel):
        data = {
            name: _plain(getattr(value, name)) if field.repr else _hidden(getattr(value, name))
            for name, field in type(value).model_fields.items()
        }
        data.update({key: _plain(item) for key, item in (value.model_extra or {}).items()})
        return data
    if isinstance(value, secret_types()):
        return _MASK if value else ""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _declared(
    model: type[BaseModel],
    prefix: str,
    kinds: dict[str, Kind],
    within: tuple[type[BaseModel], ...] = (),
) -> list[str]:
    """The columns a model class declares (nested single-model fields flattened; a model
    that contains itself, directly or not, stops at one column)."""
    columns: list[str] = []
    within = (*within, model)
    for name, field in model.model_fields.items():
        nested = _nested_model(field.annotation)
        if field.repr and nested is not None and nested not in within:
            columns.extend(_declared(nested, f"{prefix}{name}.", kinds, within))
            continue
        kind = _kind(field.annotation, name)
        if kind is not None:
            kinds.setdefault(prefix + name, kind)
        columns.append(prefix + name)
    return columns


def _kinds(kinds: dict[str, Kind] | None) -> dict[str, Kind]:
    return {} if kinds is None else kinds


def _flatten(
    model: BaseModel,
    prefix: str,
    row: dict[str, Any],
    kinds: dict[str, Kind] | None,
    within: tuple[type[BaseModel], ...] = (),
) -> None:
    within = (*within, type(model))
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        key = prefix + name
        if not field.repr:
            row[key] = _hidden(value)
            continue
        if isinstance(value, BaseModel):
            _flatten(value, key + ".", row, kinds, within)
            continue
        nested = _nested_model(field.annotation)
        if value is None and nested is not None and nested not in within:
            row.update(dict.fromkeys(_declared(nested, key + ".", _kinds(kinds), within)))
            continue
        if kinds is not None:
            kind = _kind(field.annotation, name)
            if kind is not None:
                kinds.setdefault(key, kind)
        row[key] = _plain(value)
    for name, value in (model.model_extra or {}).items():
        row[prefix + name] = _plain(value)


def flatten(model: BaseModel) -> dict[str, Any]:
    """One model as a flat mapping of dotted attribute names to cell values."""
    row: dict[str, Any] = {}
    _flatten(model, "", row, None)
    return row


def _parse_iso(value: str, kind: Kind) -> dt.date | None:
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        if kind == "date" and len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def _timestamps(values: list[Any], kind: Kind) -> list[Any] | None:
    """The column's values as dates/datetimes, or ``None`` when one of them is not one."""
    parsed: list[Any] = []
    for value in values:
        if value is None or isinstance(value, dt.date):
            parsed.append(value)
        elif isinstance(value, str) and (stamp := _parse_iso(value, kind)) is not None:
            parsed.append(stamp)
        else:
            return None
    return parsed


def table(items: Iterable[Any], model: Any = None) -> tuple[dict[str, list[Any]], dict[str, Kind]]:
    """Items as columns: ``({column: values}, {column: kind})``.

    Args:
        items: API models (other objects are refused with ``TypeError``).
        model: the items' model class, which gives the columns when there are no items (a
            `TypeRef` to it is resolved).
    """
    if model is not None:
        model = resolve_type(model)
    kinds: dict[str, Kind] = {}
    columns: dict[str, None] = {}
    rows: list[dict[str, Any]] = []
    for item in items:
        if not isinstance(item, BaseModel):
            raise TypeError(f"expected API models, got {type(item).__name__}")
        row: dict[str, Any] = {}
        _flatten(item, "", row, kinds)
        columns.update(dict.fromkeys(row))
        rows.append(row)
    if not rows and isinstance(model, type) and issubclass(model, BaseModel):
        columns.update(dict.fromkeys(_declared(model, "", kinds)))
    data = {column: [row.get(column) for row in rows] for column in columns}
    for column, kind in kinds.items():
        values = data.get(column)
        if values is not None:
            data[column] = _timestamps(values, kind) or values
    return data, {column: kind for column, kind in kinds.items() if column in data}


def _aware(value: Any) -> bool:
    return isinstance(value, dt.datetime) and value.tzinfo is not None


def _is_timestamps(values: list[Any]) -> bool:
    present = [value for value in values if value is not None]
    return bool(present) and all(isinstance(value, dt.date) for value in present)


def to_pandas(items: Iterable[Any], *, model: Any = None) -> pd.DataFrame:
    """Models as a pandas ``DataFrame``, one row per model (needs the ``pandas`` extra).

    Timestamp columns are ``datetime64`` (in UTC when the values carry a time zone; dates at
    midnight; a column mixing naive and aware values is left as datetimes in an ``object``
    column rather than guessing a zone); ``Decimal`` columns keep exact ``Decimal`` values in
    an ``object`` column.

    Args:
        items: API models.
        model: the items' model class (gives the columns when there are no items).

    Raises:
        MissingDependencyError: pandas is not installed.
    """
    pandas = require("pandas", extra="pandas", feature="to_pandas()")
    data, _ = table(items, model)
    columns: dict[str, Any] = {}
    for column, values in data.items():
        zones = {_aware(value) for value in values if value is not None}
        if _is_timestamps(values) and len(zones) == 1:  # naive and aware: not guessed
            aware = zones == {True}
            try:
                columns[column] = pandas.to_datetime(pandas.Series(values, dtype=object), utc=aware)
                continue
            except (TypeError, ValueError):  # out of datetime64 range (year 1): leave them be
                pass
        if any(isinstance(value, Decimal) for value in values):
            columns[column] = pandas.Series(values, dtype=object)
        else:
            columns[column] = pandas.Series(values, dtype=None if values else object)
    return pandas.DataFrame(columns, columns=list(data))


def to_polars(items: Iterable[Any], *, model: Any = None) -> pl.DataFrame:
    """Models as a polars ``DataFrame``, one row per model (needs the ``polars`` extra).

    Timestamp columns are ``Datetime`` (UTC when the values carry a time zone) or ``Date``;
    ``Decimal`` columns are polars ``Decimal`` with the largest scale seen (exact).
    A column whose values polars cannot type together is an ``Object`` column.

    Args:
        items: API models.
        model: the items' model class (gives the columns when there are no items).

    Raises:
        MissingDependencyError: polars is not installed.
    """
    polars = require("polars", extra="polars", feature="to_polars()")
    data, _ = table(items, model)
    series = []
    for column, values in data.items():
        try:
            series.append(polars.Series(column, values))
        except (TypeError, ValueError, OverflowError, polars.exceptions.PolarsError):
            series.append(polars.Series(column, values, dtype=polars.Object))
    frame: pl.DataFrame = polars.DataFrame(series)
    return frame
