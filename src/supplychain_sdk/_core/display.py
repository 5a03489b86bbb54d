"""Readable model reprs: one short line for ``repr()``, a small table for Jupyter.

A model with forty fields must not print as a 3,500-character line: `short_repr` shows the
fields that are set, in declared order, until about 200 characters, then how many it left
out. `html_table` shows every set field (nested models flattened with dotted names).
Secrets stay masked in both (``SecretStr`` and ``Field(repr=False)`` fields).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any

from pydantic import BaseModel

__all__ = ["html_table", "short_repr"]

#: The longest ``repr()`` of a model, ``…+N fields`` included.
MAX_REPR = 200
#: The longest string value shown whole in a repr.
MAX_TEXT = 40
#: The most rows of an HTML table.
MAX_ROWS = 60


@cache
def secret_types() -> tuple[type, ...]:
    """pydantic's ``SecretStr`` and ``SecretBytes``, imported on first use.

    ``pydantic.types`` loads ``annotated_types``; importing the SDK should not pay for it
    before a model is built or shown.
    """
    from pydantic import SecretBytes, SecretStr

    return (SecretStr, SecretBytes)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _text(value: str, width: int) -> str:
    if len(value) <= width:
        return repr(value)
    return repr(value[: width - 1])[:-1] + "…" + repr(value)[-1]


def brief(value: Any, width: int = MAX_TEXT) -> str:
    """A value in a few characters: nested models and collections summarised."""
    if isinstance(value, secret_types()):
        return repr(value)
    if isinstance(value, BaseModel):
        return f"{type(value).__name__}(…)"
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, str):
        return _text(value, width)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[]" if not value else f"[{_count(len(value), 'item')}]"
    if isinstance(value, Mapping):
        return "{}" if not value else f"{{{_count(len(value), 'key')}}}"
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _set_fields(model: BaseModel) -> Iterator[tuple[str, Any]]:
    """``(name, value)`` of the fields that are not ``None`` and may be shown."""
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if value is not None and field.repr:
            yield name, value
    for name, value in (model.model_extra or {}).items():
        if value is not None:
            yield name, value


def short_repr(model: BaseModel) -> str:
    """``Vendor(id='v-1', name='Acme', …+9 fields)``: at most `MAX_REPR` characters."""
    name = type(model).__name__
    fields = list(_set_fields(model))
    parts: list[str] = []
    used = len(name) + 2
    for index, (key, value) in enumerate(fields):
        text = f"{key}={brief(value)}"
        left = len(fields) - index - 1
        room = MAX_REPR - (len(f", …+{_count(left, 'field')}") if left else 0)
        if parts and used + len(text) + 2 > room:
            parts.append(f"…+{_count(len(fields) - index, 'field')}")
            break
        parts.append(text)
        used += len(text) + 2
    return f"{name}({', '.join(parts)})"


def html_table(model: BaseModel) -> str:
    """The set fields of a model as a small HTML table (Jupyter's rich display)."""
    import html  # only notebooks render models as HTML: not loaded with every model

    from .frames import flatten

    rows = [(key, value) for key, value in flatten(model).items() if value is not None]
    cells = [
        f"<tr><th style='text-align:left'>{html.escape(key)}</th>"
        f"<td style='text-align:left'>{html.escape(_cell(value))}</td></tr>"
        for key, value in rows[:MAX_ROWS]
    ]
    if len(rows) > MAX_ROWS:
        more = _count(len(rows) - MAX_ROWS, "more field")
        cells.append(f"<tr><td colspan='2'>… {more}</td></tr>")
    caption = f"{type(model).__name__} · {_count(len(rows), 'field')} set"
    return f"<table><caption>{html.escape(caption)}</caption>{''.join(cells)}</table>"


def _cell(value: Any) -> str:
    if isinstance(value, str):
        return value if len(value) <= 80 else value[:79] + "…"
    return brief(value, 80)
