"""Pushing ERP data into ONESCP (``sync-from-erp`` upserts), without I/O: the checklist every
row must pass before anything is sent, the batches, and the shape of an answer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from .._core.errors import InvalidRequestError
from ._arguments import is_object_id

__all__ = ["batches", "erp_rows"]

_ORDER_TEXT = ("purchaseOrderNumber", "supplierAccountNumber")
_ORDER_IDS = ("supplierCompany", "supplierId")
_OPTIONAL_IDS = {
    "orders": ("buyerCompany", "createdBy"),
    "shipments": ("purchaseOrder",),
    "items": (),
}


def _problems_order(row: Mapping[str, Any]) -> dict[str, str]:
    problems: dict[str, str] = {}
    if "orderLines" in row:
        problems["orderLines"] = "use 'lines', not 'orderLines' (sync-from-erp reads 'lines')"
    for key in _ORDER_TEXT:
        if not isinstance(row.get(key), str) or not row[key].strip():
            problems[key] = "is required (a non-empty string)"
    for key in _ORDER_IDS:
        value = row.get(key)
        if value is None or value == "":
            problems[key] = "is required (an ONESCP id)"
        elif not isinstance(value, str) or not is_object_id(value):
            problems[key] = f"must be an ONESCP id (24 hex characters), got {value!r}"
    destination = row.get("destination")
    if not isinstance(destination, Mapping) or not destination:
        problems["destination"] = "is required (the delivery address object)"
    email = row.get("contactEmail")
    if not isinstance(email, str) or not email.strip():
        problems["contactEmail"] = "is required and must not be empty (the buyer contact email)"
    lines = row.get("lines")
    if not isinstance(lines, list) or not lines:
        if "orderLines" not in row:
            problems["lines"] = "is required (a non-empty list of order lines)"
    elif not all(isinstance(line, Mapping) for line in lines):
        problems["lines"] = "must hold one object per order line"
    return problems


def _problems_shipment(row: Mapping[str, Any]) -> dict[str, str]:
    problems: dict[str, str] = {}
    has_key = bool(row.get("erpId")) or (
        bool(row.get("shipmentNumber")) and bool(row.get("purchaseOrder"))
    )
    if not has_key:
        problems["erpId"] = (
            "is required, or shipmentNumber and purchaseOrder (the keys the upsert matches on)"
        )
    line_ids = row.get("lineIds")
    if line_ids is not None:
        if not isinstance(line_ids, list) or not line_ids:
            problems["lineIds"] = "must be a non-empty list of ONESCP order line ids"
        else:
            bad = [v for v in line_ids if not isinstance(v, str) or not is_object_id(v)]
            if bad:
                problems["lineIds"] = f"must hold ONESCP ids (24 hex characters), got {bad!r}"
    return problems


def _problems_item(row: Mapping[str, Any]) -> dict[str, str]:
    if not isinstance(row.get("itemNumber"), str) or not row["itemNumber"].strip():
        return {"itemNumber": "is required (a non-empty string, the item's unique key)"}
    return {}


_CHECKS = {"orders": _problems_order, "shipments": _problems_shipment, "items": _problems_item}


def erp_rows(rows: object, kind: str) -> list[dict[str, Any]]:
    """Every row as JSON, checked against the ERP checklist; all problems raised at once.

    ``kind`` is ``"orders"``, ``"shipments"`` or ``"items"``. The error's ``field_errors``
    are keyed ``rows[3].supplierId``.
    """
    if isinstance(rows, (str, bytes, Mapping)) or not isinstance(rows, Iterable):
        raise InvalidRequestError(f"rows must be a list of {kind} (dicts in the API's names)")
    out: list[dict[str, Any]] = []
    errors: dict[str, list[str]] = {}
    for index, row in enumerate(rows):
        if isinstance(row, BaseModel):
            row = row.model_dump(mode="json", by_alias=True, exclude_unset=True)
        if not isinstance(row, Mapping):
            errors[f"rows[{index}]"] = [f"must be a dict, not {type(row).__name__}"]
            continue
        data = dict(row)
        problems = _CHECKS[kind](data)
        erp_id = data.get("erpId")
        if erp_id is not None and (not isinstance(erp_id, str) or not erp_id.strip()):
            problems["erpId"] = "must be a non-empty string when given"
        for key in _OPTIONAL_IDS[kind]:
            value = data.get(key)
            if key in data and key not in problems and not is_object_id(value):
                problems[key] = (
                    f"must be an ONESCP id (24 hex characters), got {value!r}; omit it instead"
                )
        for key, message in problems.items():
            errors.setdefault(f"rows[{index}].{key}", []).append(message)
        out.append(data)
    if errors:
        shown = [f"{key} {'; '.join(msgs)}" for key, msgs in list(errors.items())[:6]]
        more = f" (and {len(errors) - 6} more)" if len(errors) > 6 else ""
        raise InvalidRequestError(
            f"{len(errors)} problem(s) in the {kind} rows, nothing was sent: "
            + "; ".join(shown)
            + more,
            field_errors=errors,
        )
    if not out:
        raise InvalidRequestError(f"upsert_from_erp needs at least one row of {kind}")
    return out


def batches(rows: Sequence[dict[str, Any]], size: int) -> list[list[dict[str, Any]]]:
    """``rows`` cut into lists of at most ``size``."""
    return [list(rows[i : i + size]) for i in range(0, len(rows), size)]
