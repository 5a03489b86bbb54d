"""Checking and shaping ONESCP call arguments before anything is sent (no I/O here)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from .._core.checks import field_errors, invalid, known, positive_int, timestamp
from .._core.errors import InvalidRequestError
from .._core.models import APIModel, OpenEnum
from .._core.pagination import PageNumberPagination, body_meta
from .._core.uploads import FileInput, Upload, upload

__all__ = [
    "EXCEL_TYPES",
    "MAX_SYNC_LIMIT",
    "FileInput",
    "Upload",
    "check_base_url",
    "decode_position",
    "encode_position",
    "envelope_pagination",
    "erp_rows",
    "fields",
    "known",
    "model_body",
    "object_id",
    "page_size",
    "positive_int",
    "timestamp",
    "upload",
]

E = TypeVar("E", bound=OpenEnum)

#: The sync endpoints' maximum page size.
MAX_SYNC_LIMIT = 500

_OBJECT_ID = re.compile(r"^[0-9a-fA-F]{24}$")

#: Spreadsheet suffixes and their content types (bulk import).
EXCEL_TYPES = {
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xls": "application/vnd.ms-excel",
}


# -- scalars --------------------------------------------------------------------------------------


def required_known(enum: type[E], value: E | str | None, name: str) -> E:
    """Like `known`, for a value that must be given."""
    member = known(enum, value, name)
    if member is None:
        raise InvalidRequestError(f"{name} is required")
    return member


def object_id(value: object, name: str) -> str:
    """An ONESCP id: a MongoDB ObjectId, 24 hexadecimal characters.

    ERP numbers (``"1001"``, ``"SAP-PO-123"``) are refused here instead of by a 400 (or, for a
    path, by reaching another endpoint such as ``/api/purchase-order/sync``).
    """
    if not isinstance(value, str) or not value.strip():
        raise InvalidRequestError(f"{name} must be a non-empty string (an ONESCP id)")
    if not _OBJECT_ID.match(value):
        raise InvalidRequestError(
            f"{name} must be an ONESCP id (24 hexadecimal characters, a MongoDB ObjectId), "
            f"got {value!r}; ERP numbers are not ONESCP ids"
        )
    return value


def text(value: object, name: str) -> str:
    """A non-empty string."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidRequestError(f"{name} must be a non-empty string")
    return value


def optional_text(value: object, name: str) -> str | None:
    """``None``, or a non-empty string."""
    return None if value is None else text(value, name)


def page_size(value: object) -> int | None:
    """The ``limit`` (items per page) of a list call."""
    return positive_int(value, "limit")


# -- bodies ---------------------------------------------------------------------------------------


def model_body(model: type[APIModel], value: object, name: str) -> dict[str, Any]:
    """``value`` (a model or a dict in the API's names) checked against ``model``, as JSON.

    Unknown keys are kept and sent; missing required fields and wrong types are refused.
    """
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if not isinstance(value, Mapping):
        raise InvalidRequestError(f"{name} must be a dict or a {model.__name__}")
    try:
        checked = model.model_validate(dict(value))
    except ValidationError as exc:
        raise invalid(name, field_errors(exc, prefix=(name,))) from None
    return checked.to_dict()


def model_list(model: type[APIModel], values: object, name: str) -> list[dict[str, Any]]:
    """A list of `model_body` values."""
    if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Iterable):
        raise InvalidRequestError(f"{name} must be a list of dicts or {model.__name__} models")
    return [model_body(model, value, f"{name}[{i}]") for i, value in enumerate(values)]


def fields(extra: Mapping[str, Any] | None, named: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON body from named arguments (API names, ``None`` dropped) and ``extra``.

    ``extra`` carries fields the SDK does not name; a key that a named argument covers is
    refused, so one value never silently replaces another.
    """
    body = {key: value for key, value in named.items() if value is not None}
    if extra is None:
        return body
    if not isinstance(extra, Mapping):
        raise InvalidRequestError("extra must be a dict of API field names to values")
    clash = sorted(key for key in extra if key in named)
    if clash:
        raise InvalidRequestError(
            f"extra repeats fields that have their own argument: {clash}; pass them by name"
        )
    for key in extra:
        if not isinstance(key, str) or not key:
            raise InvalidRequestError("extra keys must be non-empty strings")
    body.update(extra)
    return body


def non_empty(body: Mapping[str, Any], what: str) -> None:
    """Refuse an update that changes nothing."""
    if not body:
        raise InvalidRequestError(f"{what} needs at least one field to change")


def events(values: object) -> list[str]:
    """Webhook event names: a non-empty list of known ones."""
    from ._models import WebhookEventType

    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidRequestError("events must be a list of event names, e.g. ['order.created']")
    out = [required_known(WebhookEventType, v, "event").value for v in values]
    if not out:
        raise InvalidRequestError("events must name at least one event")
    if len(set(out)) != len(out):
        raise InvalidRequestError("events lists an event twice")
    return out


def http_url(value: object, name: str) -> str:
    """An absolute http(s) URL."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidRequestError(f"{name} must be a non-empty URL")
    try:
        url = httpx.URL(value)
    except httpx.InvalidURL:
        raise InvalidRequestError(f"{name} is not a valid URL: {value!r}") from None
    if url.scheme not in {"http", "https"} or not url.host:
        raise InvalidRequestError(f"{name} must be an absolute http(s) URL, got {value!r}")
    return value


# -- base URL -------------------------------------------------------------------------------------


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine: ``localhost``, 127.0.0.0/8 or ``::1``."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_base_url(value: str, allow_insecure_http: bool) -> str:
    """Refuse a plain ``http://`` base URL off this machine unless explicitly allowed."""
    try:
        url = httpx.URL(value)
    except httpx.InvalidURL:
        raise InvalidRequestError(f"base_url is not a valid URL: {value!r}") from None
    if url.scheme not in {"http", "https"} or not url.host:
        raise InvalidRequestError(f"base_url must be an absolute http(s) URL, got {value!r}")
    if url.scheme == "http" and not allow_insecure_http and not is_loopback(url.host):
        raise InvalidRequestError(
            f"refusing the plain http:// base URL {value!r}: the token and your data would "
            "cross the network unencrypted. Use https:// (the default is "
            "https://api.onescp.com), or pass allow_insecure_http=True if you really mean it "
            "(plain http is always allowed for localhost, 127.0.0.0/8 and ::1)"
        )
    return value


# -- uploads --------------------------------------------------------------------------------------


def sniff_import_name(content: bytes) -> str:
    """The name of spreadsheet bytes sent without one: ``items.xlsx``, ``items.xls`` or
    ``items.csv``, from the content's signature."""
    if content.startswith(b"PK\x03\x04"):
        return "items.xlsx"
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        return "items.xls"
    return "items.csv"


#: What ``items.bulk_import`` accepts: CSV or Excel, by suffix.
IMPORT_TYPES = {".csv": "text/csv", **EXCEL_TYPES}


# -- pagination -----------------------------------------------------------------------------------


def envelope_pagination(page_size: int | None) -> PageNumberPagination:
    """``?page=N&limit=M``, driven by the answer's ``pagination`` (page, limit, total, pages).

    An answer without ``pagination`` is the last one, and a ``pagination.page`` other than the
    page asked for raises `PaginationError`, so an endpoint that ignores ``page`` can never
    make the pager loop.
    """
    return PageNumberPagination(
        page_param="page",
        size_param="limit",
        page_size=page_size,
        meta=body_meta(
            prefix="pagination",
            total_items="total",
            total_pages="pages",
            page_number="page",
            page_size="limit",
            has_more=None,
        ),
        last_without_meta=True,
    )


# -- delta sync positions -------------------------------------------------------------------------


def encode_position(since: str | None, page: int, next_since: str | None) -> str:
    """The checkpoint of a sync interrupted between pages: resume ``since`` at ``page``."""
    return json.dumps({"since": since, "page": page, "next": next_since}, separators=(",", ":"))


def decode_position(position: str | None) -> tuple[str | None, int, str | None]:
    """``(since, page, next_since)`` from a stored position.

    A plain timestamp is where a finished sync left off: start there at page 1. A JSON
    object is a sync interrupted between pages (see `encode_position`).
    """
    if position is None or not position.strip():
        return None, 1, None
    if not position.lstrip().startswith("{"):
        return position, 1, None
    try:
        data = json.loads(position)
    except ValueError:
        raise InvalidRequestError(
            f"the stored sync position is not readable: {position!r}"
        ) from None
    since, page, next_since = data.get("since"), data.get("page"), data.get("next")
    if (
        not isinstance(data, dict)
        or not (since is None or isinstance(since, str))
        or not (next_since is None or isinstance(next_since, str))
        or isinstance(page, bool)
        or not isinstance(page, int)
        or page < 1
    ):
        raise InvalidRequestError(f"the stored sync position is not readable: {position!r}")
    return since, page, next_since


# -- ERP upserts ----------------------------------------------------------------------------------

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
        elif not isinstance(value, str) or not _OBJECT_ID.match(value):
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
            bad = [v for v in line_ids if not isinstance(v, str) or not _OBJECT_ID.match(v)]
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
            if (
                key in data
                and key not in problems
                and (not isinstance(value, str) or not _OBJECT_ID.match(value))
            ):
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


# -- answers --------------------------------------------------------------------------------------


def unwrap(response: httpx.Response, body: Any, key: str, tp: Any) -> Any:
    """The ``key`` (or, failing that, ``data``) of an answer envelope, validated as ``tp``."""
    from .._core._logging import redact_url
    from .._core.decoding import cast
    from .._core.errors import ResponseDecodeError

    value = None
    if isinstance(body, Mapping):
        value = body.get(key)
        if value is None:
            value = body.get("data")
    url = str(response.request.url)
    if value is None:
        raise ResponseDecodeError(
            method=response.request.method,
            url=redact_url(url),
            status_code=response.status_code,
            reason=f"the answer has no {key!r} (nor 'data')",
        )
    return cast(tp, value, method=response.request.method, url=url, status=response.status_code)


def items_of(key: str) -> Any:
    """The items extractor of a list answer: ``body[key]``, else ``body["data"]``."""

    def extract(body: Any) -> Any:
        if not isinstance(body, Mapping):
            return None
        value = body.get(key)
        return body.get("data") if value is None else value

    return extract


def since_value(value: dt.datetime | dt.date | str | None) -> str | None:
    """A sync ``since``: datetimes in UTC, dates as their midnight UTC, strings as given."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f"{value.isoformat()}T00:00:00Z"
    return timestamp(value, "since")


def country(value: object, name: str) -> str | None:
    """``None``, or an ISO 3166-1 alpha-2 country code."""
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2}", value):
        raise InvalidRequestError(f"{name} must be a two-letter ISO country code, got {value!r}")
    return value.upper()


def number(value: object, name: str) -> float | None:
    """``None``, or a number (not a bool)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidRequestError(f"{name} must be a number, got {value!r}")
    return value


def erp_answer(body: Any) -> tuple[list[Any], list[Any], list[dict[str, Any]]]:
    """``created``, ``updated`` and ``errors`` of a sync-from-erp answer (errors normalised)."""
    if not isinstance(body, Mapping):
        return [], [], []
    created = body.get("created") if isinstance(body.get("created"), list) else []
    updated = body.get("updated") if isinstance(body.get("updated"), list) else []
    errors: list[dict[str, Any]] = []
    for entry in body.get("errors") or []:
        if isinstance(entry, Mapping):
            payload = entry.get("payload")
            message = entry.get("message") or entry.get("error") or "rejected without a reason"
            errors.append(
                {
                    "payload": dict(payload) if isinstance(payload, Mapping) else {},
                    "message": str(message),
                }
            )
        else:
            errors.append({"payload": {}, "message": str(entry)})
    return list(created or []), list(updated or []), errors


class CountingSink:
    """Writes a download through to ``target``, counting the bytes."""

    def __init__(self, target: IO[bytes]) -> None:
        self.target = target
        self.written = 0

    def write(self, data: bytes) -> int:
        """Write ``data`` through."""
        self.target.write(data)
        self.written += len(data)
        return len(data)


#: ``Accept`` for each export format (JSON too, for error answers).
EXPORT_ACCEPT = {
    "csv": "text/csv, application/json;q=0.5",
    "excel": f"{EXCEL_TYPES['.xlsx']}, {EXCEL_TYPES['.xls']}, application/json;q=0.5",
}


def partial_file(to: str | os.PathLike[str]) -> tuple[Path, IO[bytes]]:
    """``(target, temporary file next to it)`` for a download to a path."""
    import tempfile

    target = Path(to)
    if target.is_dir():
        raise InvalidRequestError(f"to={str(target)!r} is a directory; name a file")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed by the caller
        prefix=f".{target.name}.", suffix=".part", dir=target.parent, delete=False
    )
    return target, handle


def finish_partial(temporary: str, target: Path) -> None:
    """Move a complete download into place (atomic on one file system)."""
    os.replace(temporary, target)


def discard_partial(temporary: str) -> None:
    """Remove an incomplete download."""
    Path(temporary).unlink(missing_ok=True)
