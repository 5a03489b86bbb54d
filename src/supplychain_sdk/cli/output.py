"""How ``list`` prints records: JSON in the API's names, CSV and tables with dotted columns."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["FORMATS", "cell", "flatten", "render", "to_data"]

#: The output formats of ``list``.
FORMATS = ("table", "json", "csv")

#: The widest a table cell gets before it is cut (CSV and JSON are never cut).
MAX_CELL = 40


def to_data(record: Any) -> Any:
    """A record as plain JSON data in the API's field names (``model.to_dict()``)."""
    to_dict = getattr(record, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    dump = getattr(record, "model_dump", None)
    if callable(dump):
        return dump(mode="json", by_alias=True, exclude_unset=True)
    return record


def flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    """Nested objects and lists as one level, named by dotted paths (``supplier.name``,
    ``lines.0.productCode``); empty objects and lists keep their own name."""
    if isinstance(data, Mapping) and data:
        flat: dict[str, Any] = {}
        for key, value in data.items():
            flat.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    if isinstance(data, list) and data:
        flat = {}
        for index, value in enumerate(data):
            flat.update(flatten(value, f"{prefix}.{index}" if prefix else str(index)))
        return flat
    return {prefix or "value": data}


def cell(value: Any) -> str:
    """One value as text: empty for null and empty containers, JSON spelling for booleans."""
    if value is None or value == [] or value == {}:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def _columns(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        for name in row:
            seen.setdefault(name)
    return list(seen)


def _table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> str:
    def cut(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"

    grid = [list(columns)] + [[cut(cell(row.get(c))) for c in columns] for row in rows]
    widths = [max(len(line[i]) for line in grid) for i in range(len(columns))]
    lines = [
        "  ".join(text.ljust(w) for text, w in zip(line, widths, strict=True)).rstrip()
        for line in grid
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def render(
    records: Iterable[Any],
    fmt: str,
    *,
    columns: Sequence[str] | None = None,
    default_columns: Sequence[str] = (),
    empty: str = "Nothing to list.",
) -> str:
    """The records in ``fmt`` (``table``, ``json`` or ``csv``), without a final newline.

    Args:
        records: models (or plain data) to print.
        fmt: ``json`` prints the API's own field names and nesting; ``csv`` and ``table``
            flatten nested fields into dotted columns.
        columns: the columns to show (dotted names), for ``csv`` and ``table``.
        default_columns: a table's columns when ``columns`` is not given (those present in
            the records; every column if none is); CSV shows every column by default.
        empty: what a table says when there is nothing to list.
    """
    data = [to_data(record) for record in records]
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False)
    rows = [flatten(item) for item in data]
    every = _columns(rows)
    if columns:
        chosen = list(columns)
    elif fmt == "table":
        chosen = [c for c in default_columns if c in every] or every
    else:
        chosen = every
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        if chosen:
            writer.writerow(chosen)
        writer.writerows([cell(row.get(c)) for c in chosen] for row in rows)
        return out.getvalue().rstrip("\n")
    if not rows:
        return empty
    return _table(rows, chosen)
