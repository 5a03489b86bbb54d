"""A stateful ONESCP API v1 fake: login, API keys, resources, change feeds, ERP upserts, webhooks.

    from supplychain_sdk.sandbox.onescp import OneScpSandbox

    sandbox = OneScpSandbox()             # seeded: one order, shipment, item and task
    client = sandbox.client()             # a OneScp client logged in as the default user
    for order in client.orders.list():
        print(order.purchase_order_number, order.status)

It answers as the API document describes: ``{"success": true, ...}`` envelopes with
``pagination``, errors as ``{"success": false, "message", "error": {code, details, field},
"timestamp"}``, soft deletes that the ``/sync`` endpoints report, idempotent
``/sync-from-erp`` upserts, ``X-RateLimit-*`` headers with a 429 when the window is used up,
and webhook subscriptions whose deliveries are really sent, signed, on every change.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import hmac
import io
import json
import math
import random
import re
import time
import zipfile
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree
from xml.sax.saxutils import escape

import attrs
import httpx

from ._framework import (
    Sandbox,
    SandboxRequest,
    SandboxResponse,
    WebhookDelivery,
    json_response,
    route,
)

if TYPE_CHECKING:
    from ..onescp import AsyncOneScp, OneScp

__all__ = [
    "OneScpSandbox",
    "parse_multipart",
    "read_xlsx",
    "write_xlsx",
]

ORDER_STATUSES = ("draft", "pending", "approved", "rejected", "completed")
SHIPMENT_STATUSES = ("pending", "in_transit", "delivered", "cancelled")
ITEM_STATUSES = ("Pending", "Under Approval", "Processed")
ITEM_TYPES = ("Material", "Supplier", "Attributes")
TASK_STATUSES = ("Open", "In Progress", "Completed", "Rejected")
PRIORITIES = ("p1", "p2", "p3")
DOCUMENT_TYPES = ("Invoice", "Shipping", "Contract", "General", "Custom Clearance")
EVENTS = (
    "order.created",
    "order.updated",
    "order.deleted",
    "order.status_changed",
    "shipment.created",
    "shipment.updated",
    "shipment.deleted",
    "shipment.status_changed",
    "item.created",
    "item.updated",
    "item.deleted",
    "task.created",
    "task.updated",
    "task.completed",
    "task.rejected",
)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_COLUMNS = ("itemNumber", "name", "description", "category", "type", "itemStatus")
_OBJECT_ID = re.compile(r"^[0-9a-fA-F]{24}$")
_LOOPBACK = re.compile(r"^(localhost|127\.\d+\.\d+\.\d+|\[?::1\]?)$")

#: The collection each entity kind lives in, and its event prefix.
KINDS = ("order", "shipment", "item", "task")


class _Invalid(Exception):
    """A request the fake refuses with ``400 VALIDATION_ERROR``."""

    def __init__(self, message: str, field: str | None = None, details: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.details = details


class _Missing(Exception):
    """A request for something that does not exist (``404 NOT_FOUND``)."""


# -- file formats ---------------------------------------------------------------------------------


def parse_multipart(
    body: bytes, content_type: str
) -> tuple[dict[str, str], dict[str, tuple[str, str, bytes]]]:
    """``(fields, files)`` of a ``multipart/form-data`` body.

    ``files`` maps a part name to ``(filename, content_type, content)``; the content is exact.
    """
    match = re.search(r'boundary="?([^";,]+)"?', content_type or "")
    if not content_type.lower().startswith("multipart/form-data") or match is None:
        raise ValueError("the body is not multipart/form-data")
    delimiter = b"\r\n--" + match.group(1).encode("latin-1")
    fields: dict[str, str] = {}
    files: dict[str, tuple[str, str, bytes]] = {}
    segments = (b"\r\n" + body).split(delimiter)
    for segment in segments[1:]:
        if segment.startswith(b"--"):
            break
        head, sep, content = segment.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        if not sep:
            raise ValueError("a multipart part has no header block")
        headers = {}
        for line in head.decode("utf-8").split("\r\n"):
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        disposition = headers.get("content-disposition", "")
        name_match = re.search(r'\bname="([^"]*)"', disposition)
        if name_match is None:
            raise ValueError("a multipart part has no name")
        file_match = re.search(r'\bfilename="([^"]*)"', disposition)
        if file_match is not None:
            ctype = headers.get("content-type", "application/octet-stream")
            files[name_match.group(1)] = (file_match.group(1), ctype, content)
        else:
            fields[name_match.group(1)] = content.decode("utf-8")
    return fields, files


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def write_xlsx(rows: list[list[str]], sheet: str = "Items") -> bytes:
    """A minimal, valid ``.xlsx`` workbook holding ``rows`` as inline strings."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    header = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    sheet_rows = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(
            f'<c r="{_column(c)}{r}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'
            for c, value in enumerate(row)
        )
        sheet_rows.append(f'<row r="{r}">{cells}</row>')
    parts = {
        "[Content_Types].xml": (
            f'{header}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'{header}<Relationships xmlns="{pkg}"><Relationship Id="rId1" '
            f'Type="{rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'{header}<workbook xmlns="{main}" xmlns:r="{rels}"><sheets>'
            f'<sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{header}<Relationships xmlns="{pkg}"><Relationship Id="rId1" '
            f'Type="{rels}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'{header}<worksheet xmlns="{main}"><sheetData>{"".join(sheet_rows)}</sheetData>'
            "</worksheet>"
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def read_xlsx(content: bytes) -> list[list[str]]:
    """The rows of the first worksheet of an ``.xlsx`` file, as strings."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = archive.namelist()
        shared: list[str] = []
        if "xl/sharedStrings.xml" in names:
            # The sandbox reads files its own tests and users upload; stdlib expat does not
            # expand external entities.
            root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))  # noqa: S314  # nosec B314
            for item in root.findall("m:si", ns):
                shared.append("".join(t.text or "" for t in item.iter(f"{{{ns['m']}}}t")))
        sheets = sorted(n for n in names if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n))
        if not sheets:
            raise ValueError("the workbook has no worksheet")
        # B314 is waived: stdlib expat expands no external entities (see above)
        root = ElementTree.fromstring(archive.read(sheets[0]))  # noqa: S314  # nosec B314
    rows: list[list[str]] = []
    for row in root.iter(f"{{{ns['m']}}}row"):
        values: dict[int, str] = {}
        for cell in row.findall("m:c", ns):
            letters = re.match(r"[A-Z]+", cell.get("r") or "")
            index = 0
            for char in letters.group(0) if letters else "":
                index = index * 26 + ord(char) - 64
            if index == 0:  # no reference: the cell after the previous one
                index = max(values, default=-1) + 2
            kind = cell.get("t")
            if kind == "inlineStr":
                text = "".join(t.text or "" for t in cell.iter(f"{{{ns['m']}}}t"))
            else:
                value = cell.find("m:v", ns)
                raw = value.text if value is not None and value.text is not None else ""
                text = shared[int(raw)] if kind == "s" and raw else raw
            values[index - 1] = text
        width = max(values) + 1 if values else 0
        rows.append([values.get(i, "") for i in range(width)])
    return rows


# -- the fake -------------------------------------------------------------------------------------


@attrs.define
class _Window:
    start: float = 0.0
    count: int = 0


class OneScpSandbox(Sandbox):
    """Stateful fake of the ONESCP API v1.

    Args:
        seed: start with the API document's examples: order ``PO-2024-001``, shipment
            ``SH-2024-001``, item ``ITEM-001`` and an open task, plus two suppliers and three
            carriers.
        clock: the time source (epoch seconds) for timestamps, token expiry and the rate
            limit window; tests pass a fake clock.
        token_lifetime: seconds a login token is valid (its JWT ``exp``).
        rate_limit: requests allowed per window (``None``: no limit).
        rate_window: the window's length in seconds.

    Attributes:
        users: user ``_id`` -> user (with the password the fake checks).
        api_keys: API key -> user ``_id``.
        orders, shipments, items, tasks: ``_id`` -> record, soft-deleted ones included
            (they carry ``deletedAt``).
        subscriptions: ``_id`` -> webhook subscription (with its secret).
        files: document ``_id`` -> the uploaded bytes.
        receivers: subscription URL -> a callable that receives its deliveries
            ``(body, headers)`` instead of an HTTP POST (see `register_receiver`).
    """

    base_url = "https://api.onescp.sandbox.invalid"
    DEFAULT_EMAIL = "user@example.com"
    DEFAULT_PASSWORD = "sandbox-password"
    DEFAULT_API_KEY = "sandbox-onescp-api-key"
    USER_ID = "ee0000000000000000000001"
    SUPPLIER_USER_ID = "ee0000000000000000000002"
    BUYER_COMPANY_ID = "cc0000000000000000000001"
    SUPPLIER_COMPANY_ID = "cc0000000000000000000002"

    def __init__(
        self,
        *,
        seed: bool = True,
        clock: Callable[[], float] | None = None,
        token_lifetime: float = 3600.0,
        rate_limit: int | None = 100,
        rate_window: float = 60.0,
    ) -> None:
        super().__init__()
        self._clock = clock or time.time
        self.token_lifetime = token_lifetime
        self.rate_limit = rate_limit
        self.rate_window = rate_window
        self._window = _Window(start=self._clock())
        self._rng = random.Random(20250119)
        self._ids: dict[str, int] = {}
        self._numbers: dict[str, int] = {}
        self._last_ms = 0
        self._token_seq = 0
        self._signing_key = b"onescp-sandbox-signing-key"
        self.users: dict[str, dict[str, Any]] = {}
        self.companies: dict[str, dict[str, Any]] = {}
        self.api_keys: dict[str, str] = {}
        self.tokens: dict[str, tuple[str, float]] = {}
        self.orders: dict[str, dict[str, Any]] = {}
        self.shipments: dict[str, dict[str, Any]] = {}
        self.items: dict[str, dict[str, Any]] = {}
        self.tasks: dict[str, dict[str, Any]] = {}
        self.carriers: list[dict[str, Any]] = []
        self.subscriptions: dict[str, dict[str, Any]] = {}
        self.files: dict[str, bytes] = {}
        self.receivers: dict[str, Callable[[bytes, Mapping[str, str]], object]] = {}
        self._setup_accounts()
        if seed:
            self._seed()

    # -- setup ----------------------------------------------------------------------------------
    def _setup_accounts(self) -> None:
        self.companies[self.BUYER_COMPANY_ID] = {
            "_id": self.BUYER_COMPANY_ID,
            "name": "ACME Retail",
            "email": "purchasing@acme.example",
            "address": "1 Buyer Way, Springfield",
            "phone": "+15550100",
            "role": "buyer",
        }
        self.companies[self.SUPPLIER_COMPANY_ID] = {
            "_id": self.SUPPLIER_COMPANY_ID,
            "name": "ABC Electronics",
            "email": "contact@abcelectronics.com",
            "address": "123 Supplier St",
            "phone": "+1234567890",
            "role": "supplier",
        }
        self.companies["cc0000000000000000000003"] = {
            "_id": "cc0000000000000000000003",
            "name": "Global Parts Ltd",
            "email": "sales@globalparts.example",
            "address": "9 Harbour Rd, Rotterdam",
            "phone": "+31105550100",
            "role": "supplier",
        }
        self.add_user(
            self.DEFAULT_EMAIL,
            self.DEFAULT_PASSWORD,
            name="John Doe",
            role="buyer",
            company_id=self.BUYER_COMPANY_ID,
            user_id=self.USER_ID,
        )
        self.add_user(
            "sam@abcelectronics.com",
            "supplier-password",
            name="Sam Supplier",
            role="supplier",
            company_id=self.SUPPLIER_COMPANY_ID,
            user_id=self.SUPPLIER_USER_ID,
        )
        self.api_keys[self.DEFAULT_API_KEY] = self.USER_ID
        self.carriers = [
            {
                "_id": "ca0000000000000000000001",
                "name": "Maersk Line",
                "code": "MAEU",
                "type": "Ocean",
            },
            {"_id": "ca0000000000000000000002", "name": "CMA CGM", "code": "CMDU", "type": "Ocean"},
            {
                "_id": "ca0000000000000000000003",
                "name": "DHL Express",
                "code": "DHL",
                "type": "Air",
            },
        ]

    def _seed(self) -> None:
        stamp = self._stamp()
        line_id = self._new_id("a1")
        order_id = self._new_id("a0")
        self.orders[order_id] = {
            "_id": order_id,
            "purchaseOrderNumber": "PO-2024-001",
            "supplier": {
                "_id": self.SUPPLIER_COMPANY_ID,
                "name": "ABC Electronics",
                "email": "contact@abcelectronics.com",
            },
            "supplierCompany": self.SUPPLIER_COMPANY_ID,
            "supplierId": self.SUPPLIER_USER_ID,
            "buyerCompany": self.BUYER_COMPANY_ID,
            "status": "approved",
            "priority": "p1",
            "orderLines": [
                {
                    "_id": line_id,
                    "position": "10",
                    "item": {
                        "number": "ITEM-001",
                        "name": "Laptop Computer",
                        "unitPrice": 999.99,
                        "purchaseUnitOfMeasureIso": "EA",
                    },
                    "quantity": 10,
                    "prices": {"netPrice": 9999.9},
                    "description": "High-performance laptop",
                }
            ],
            "documents": [],
            "totalAmount": 9999.9,
            "deliveryDate": "2024-12-31",
            "createdBy": self.USER_ID,
            "createdAt": stamp,
            "updatedAt": stamp,
        }
        self._numbers["PO"] = 1
        shipment_id = self._new_id("b0")
        self.shipments[shipment_id] = {
            "_id": shipment_id,
            "shipmentNumber": "SH-2024-001",
            "purchaseOrder": order_id,
            "lineIds": [line_id],
            "status": "in_transit",
            "type": "Ocean",
            "departureFrom": "Shanghai Port",
            "departureCity": "Shanghai",
            "departureCountryISO2": "CN",
            "finalDestination": "Los Angeles Port",
            "finalDestinationCity": "Los Angeles",
            "finalDestinationCountryISO2": "US",
            "carrier": "Maersk Line",
            "containers": [
                {
                    "_id": self._new_id("b1"),
                    "containerNumber": "MSKU1234567",
                    "containerType": "40ft",
                    "sealNumber": "SEAL123456",
                    "weight": 25000,
                    "volume": 67.7,
                    "status": "In Transit",
                    "eta": "2024-02-15T14:30:00Z",
                }
            ],
            "documents": [],
            "scheduledDeliveryDate": "2024-02-15",
            "createdAt": stamp,
            "updatedAt": stamp,
        }
        self._numbers["SH"] = 1
        item_id = self._new_id("c0")
        self.items[item_id] = {
            "_id": item_id,
            "itemNumber": "ITEM-001",
            "name": "Laptop Computer",
            "description": "High-performance laptop",
            "category": "Electronics",
            "type": "Material",
            "itemStatus": "Processed",
            "material": {"MATNR": "000000000000015330", "LAEDA": "10/29/2024", "MTART": "120404"},
            "createdAt": stamp,
            "updatedAt": stamp,
        }
        task_id = self._new_id("d0")
        self.tasks[task_id] = {
            "_id": task_id,
            "title": "Review Purchase Order",
            "description": "Review and approve purchase order PO-2024-001",
            "status": "Open",
            "priority": "p1",
            "assignedTo": self._user_ref(self.USER_ID),
            "relatedOrder": {"_id": order_id, "purchaseOrderNumber": "PO-2024-001"},
            "dueDate": "2024-12-31T23:59:59Z",
            "createdAt": stamp,
            "updatedAt": stamp,
        }

    def add_user(
        self,
        email: str,
        password: str,
        *,
        name: str,
        role: str = "buyer",
        company_id: str | None = None,
        user_id: str | None = None,
        api_key: str | None = None,
    ) -> str:
        """Create a user who can log in (and use ``api_key``, if given); returns its ``_id``."""
        with self.lock:
            uid = user_id or self._new_id("ee")
            while user_id is None and uid in self.users:  # skip the fixed ids of the seed users
                uid = self._new_id("ee")
            if user_id is not None and user_id in self.users:
                raise ValueError(f"a user with _id {user_id} exists already")
            self.users[uid] = {
                "_id": uid,
                "name": name,
                "email": email,
                "role": role,
                "companyId": company_id or self.BUYER_COMPANY_ID,
                "password": password,
            }
            if api_key is not None:
                self.api_keys[api_key] = uid
            return uid

    def expire_tokens(self) -> None:
        """Server-side expiry: every login token issued so far stops working (401)."""
        with self.lock:
            self.tokens.clear()

    def register_receiver(
        self, url: str, receiver: Callable[[bytes, Mapping[str, str]], object]
    ) -> None:
        """Deliver the webhooks of subscriptions to ``url`` to ``receiver(body, headers)``.

        Without a receiver, a loopback URL (``http://127.0.0.1:.../hook``) receives a real
        POST; any other URL is recorded as a failed delivery and nothing leaves the machine.
        """
        with self.lock:
            self.receivers[url] = receiver

    def soft_delete(self, kind: str, record_id: str) -> dict[str, Any]:
        """Soft-delete a record as the portal would (e.g. a shipment, which has no DELETE).

        The ``/sync`` endpoints report it under ``deleted`` and subscribers get
        ``<kind>.deleted``. Returns the record.
        """
        with self.lock:
            record = self._collection(kind).get(record_id)
            if record is None or record.get("deletedAt"):
                raise KeyError(f"no live {kind} {record_id!r}")
            self._delete(kind, record)
        self.flush_webhooks()
        return record

    def client(
        self,
        *,
        email: str | None = None,
        password: str | None = None,
        api_key: str | None = None,
        token: str | None = None,
        **options: Any,
    ) -> OneScp:
        """A sync ``OneScp`` client mounted on this fake (default: the default user's login)."""
        from ..onescp import OneScp

        return self.mount(OneScp, **self._credentials(email, password, api_key, token), **options)

    def async_client(
        self,
        *,
        email: str | None = None,
        password: str | None = None,
        api_key: str | None = None,
        token: str | None = None,
        **options: Any,
    ) -> AsyncOneScp:
        """An ``AsyncOneScp`` client mounted on this fake (default: the default user's login)."""
        from ..onescp import AsyncOneScp

        return self.mount(
            AsyncOneScp, **self._credentials(email, password, api_key, token), **options
        )

    def _credentials(
        self, email: str | None, password: str | None, api_key: str | None, token: str | None
    ) -> dict[str, Any]:
        if api_key is not None:
            return {"api_key": api_key}
        if token is not None:
            return {"token": token}
        return {
            "email": email or self.DEFAULT_EMAIL,
            "password": password or self.DEFAULT_PASSWORD,
        }

    # -- time and ids ---------------------------------------------------------------------------
    @staticmethod
    def _iso(ms: int) -> str:
        moment = dt.datetime.fromtimestamp(ms / 1000, tz=dt.timezone.utc)
        return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def _stamp(self) -> str:
        """A change timestamp, strictly later than every earlier one (ms resolution)."""
        ms = max(int(self._clock() * 1000), self._last_ms + 1)
        self._last_ms = ms
        return self._iso(ms)

    def _watermark(self) -> str:
        """Every change up to this time has been stamped (``lastSyncTimestamp``).

        Later changes are stamped strictly after it, even within the same millisecond, so a
        sync from this value never misses them.
        """
        self._last_ms = max(self._last_ms, int(self._clock() * 1000))
        return self._iso(self._last_ms)

    @staticmethod
    def _ms(value: Any) -> int | None:
        if not isinstance(value, str) or not value.strip():
            return None
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            try:
                moment = dt.datetime.combine(dt.date.fromisoformat(text), dt.time())
            except ValueError:
                return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.timezone.utc)
        return int(moment.timestamp() * 1000)

    def _new_id(self, prefix: str) -> str:
        self._ids[prefix] = self._ids.get(prefix, 0) + 1
        return f"{prefix}{self._ids[prefix]:0{24 - len(prefix)}x}"

    def _number(self, prefix: str) -> str:
        self._numbers[prefix] = self._numbers.get(prefix, 0) + 1
        year = dt.datetime.fromtimestamp(self._clock(), tz=dt.timezone.utc).year
        return f"{prefix}-{year}-{self._numbers[prefix]:03d}"

    def _collection(self, kind: str) -> dict[str, dict[str, Any]]:
        collections = {
            "order": self.orders,
            "shipment": self.shipments,
            "item": self.items,
            "task": self.tasks,
        }
        if kind not in collections:
            raise KeyError(f"unknown kind {kind!r}; one of {sorted(collections)}")
        return collections[kind]

    def _user_ref(self, user_id: str) -> dict[str, Any]:
        user = self.users[user_id]
        return {"_id": user_id, "name": user["name"], "email": user["email"]}

    @staticmethod
    def _public_user(user: Mapping[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in user.items() if k != "password"}

    # -- framework hooks ------------------------------------------------------------------------
    def _error(
        self,
        status: int,
        code: str,
        message: str,
        *,
        details: str | None = None,
        field: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> SandboxResponse:
        error: dict[str, Any] = {"code": code}
        if details is not None:
            error["details"] = details
        if field is not None:
            error["field"] = field
        error.update(extra or {})
        body = {
            "success": False,
            "message": message,
            "error": error,
            "timestamp": self._iso(int(self._clock() * 1000)),
        }
        return json_response(body, status)

    def authenticate(self, request: SandboxRequest) -> SandboxResponse | None:
        if request.path == "/api/auth/login":
            return None
        header = request.header("authorization") or ""
        if not header.lower().startswith("bearer ") or not header[7:].strip():
            return self._error(401, "AUTH_REQUIRED", "Authentication token required")
        if self._caller(request) is None:
            return self._error(401, "AUTH_INVALID", "Invalid or expired token")
        return None

    def _caller(self, request: SandboxRequest) -> str | None:
        value = (request.header("authorization") or "")[7:].strip()
        if value in self.api_keys:
            return self.api_keys[value]
        issued = self.tokens.get(value)
        if issued is None or issued[1] <= self._clock():
            return None
        return issued[0]

    def error(self, request: SandboxRequest, status: int, message: str) -> SandboxResponse:
        # the documented error.code of each status the framework (or a fault) answers with
        codes = {
            400: "VALIDATION_ERROR",
            401: "AUTH_INVALID",
            403: "PERMISSION_DENIED",
            404: "NOT_FOUND",
            405: "NOT_FOUND",
            409: "DUPLICATE_ENTRY",
            429: "RATE_LIMIT_EXCEEDED",
        }
        return self._error(status, codes.get(status, "SERVER_ERROR"), message)

    def not_found(self, request: SandboxRequest) -> SandboxResponse:
        return self._error(404, "NOT_FOUND", f"Route {request.method} {request.path} not found")

    def method_not_allowed(self, request: SandboxRequest) -> SandboxResponse:
        return self._error(405, "NOT_FOUND", f"{request.method} is not allowed on {request.path}")

    def bad_json(self, request: SandboxRequest) -> SandboxResponse:
        return self._error(400, "VALIDATION_ERROR", "Request body is not valid JSON")

    def dispatch(self, request: SandboxRequest) -> SandboxResponse:
        """Route one request, counting it against the rate limit window first."""
        with self.lock:
            headers: dict[str, str] = {}
            if self.rate_limit is not None:
                now = self._clock()
                if now >= self._window.start + self.rate_window:
                    self._window = _Window(start=now)
                self._window.count += 1
                reset = self._window.start + self.rate_window
                headers = {
                    "x-ratelimit-limit": str(self.rate_limit),
                    "x-ratelimit-remaining": str(max(0, self.rate_limit - self._window.count)),
                    "x-ratelimit-reset": str(math.ceil(reset)),
                }
                if self._window.count > self.rate_limit:
                    self.requests.append(request)
                    refused = self._error(
                        429,
                        "RATE_LIMIT_EXCEEDED",
                        "Rate limit exceeded",
                        extra={"retryAfter": max(1, math.ceil(reset - now))},
                    )
                    return attrs.evolve(refused, headers={**refused.headers, **headers})
            try:
                response = super().dispatch(request)
            except _Invalid as exc:
                response = self._error(
                    400, "VALIDATION_ERROR", exc.message, field=exc.field, details=exc.details
                )
            except _Missing as exc:
                response = self._error(404, "NOT_FOUND", str(exc))
            return attrs.evolve(response, headers={**response.headers, **headers})

    # -- helpers --------------------------------------------------------------------------------
    @staticmethod
    def _ok(status: int = 200, **data: Any) -> SandboxResponse:
        return json_response({"success": True, **data}, status)

    @staticmethod
    def _body(request: SandboxRequest) -> dict[str, Any]:
        body = request.json()
        if not isinstance(body, dict):
            raise _Invalid("The request body must be a JSON object")
        return body

    @staticmethod
    def _check_id(value: str, field: str = "id") -> str:
        if not _OBJECT_ID.match(value):
            raise _Invalid(f"Invalid {field}: {value!r} is not a valid ObjectId", field=field)
        return value

    def _live(self, kind: str, record_id: str, label: str) -> dict[str, Any]:
        self._check_id(record_id)
        record = self._collection(kind).get(record_id)
        if record is None or record.get("deletedAt"):
            raise _Missing(f"{label} not found")
        return record

    @staticmethod
    def _positive(request: SandboxRequest, name: str, default: int, maximum: int | None) -> int:
        text = request.param(name)
        if text is None:
            return default
        if not text.isdigit() or int(text) < 1:
            raise _Invalid(f"{name} must be a positive integer", field=name)
        if maximum is not None and int(text) > maximum:
            raise _Invalid(f"{name} must be at most {maximum}", field=name)
        return int(text)

    @staticmethod
    def _enum(value: Any, allowed: tuple[str, ...], field: str) -> Any:
        if value is not None and value not in allowed:
            raise _Invalid(f"Invalid {field}: must be one of {', '.join(allowed)}", field=field)
        return value

    def _page(
        self, request: SandboxRequest, key: str, rows: list[dict[str, Any]]
    ) -> SandboxResponse:
        page = self._positive(request, "page", 1, None)
        limit = self._positive(request, "limit", 10, None)
        total = len(rows)
        pagination = {
            "page": page,
            "limit": limit,
            "total": total,
            "pages": math.ceil(total / limit) if total else 0,
        }
        return json_response(
            {"success": True, key: self.page_slice(rows, page, limit), "pagination": pagination}
        )

    def _touch(self, record: dict[str, Any]) -> None:
        record["updatedAt"] = self._stamp()

    def _delete(self, kind: str, record: dict[str, Any]) -> None:
        stamp = self._stamp()
        record["deletedAt"] = stamp
        record["updatedAt"] = stamp
        self._emit(f"{kind}.deleted", record)

    # -- webhooks -------------------------------------------------------------------------------
    def _emit(self, event: str, record: Mapping[str, Any]) -> None:
        """Queue a signed delivery of ``event`` to every subscription that wants it."""
        for subscription in list(self.subscriptions.values()):
            if event not in subscription["events"]:
                continue
            delivery_id = self._new_id("de")
            body = json.dumps(
                {"event": event, "timestamp": self._watermark(), "data": record},
                separators=(",", ":"),
                default=str,
            ).encode("utf-8")
            signature = hmac.new(
                subscription["secret"].encode("utf-8"), body, hashlib.sha256
            ).hexdigest()
            headers = {
                "Content-Type": "application/json",
                "X-Webhook-Signature": f"sha256={signature}",
                "X-Webhook-Event": event,
                "X-Webhook-Delivery-Id": delivery_id,
            }
            url = subscription["url"]
            receiver = self.receivers.get(url)
            if receiver is not None:
                self.queue_webhook(receiver, body, headers)
            elif _LOOPBACK.match(httpx.URL(url).host or ""):
                self.queue_webhook(url, body, headers)
            else:
                self.webhook_deliveries.append(
                    WebhookDelivery(
                        url,
                        body,
                        headers,
                        error="not sent: the sandbox delivers only to loopback URLs and "
                        "registered receivers",
                    )
                )

    # -- auth -----------------------------------------------------------------------------------
    def _jwt(self, user_id: str) -> tuple[str, float]:
        self._token_seq += 1
        now = self._clock()
        exp = now + self.token_lifetime
        user = self.users[user_id]

        def part(data: Mapping[str, Any]) -> str:
            raw = json.dumps(data, separators=(",", ":")).encode()
            return base64.urlsafe_b64encode(raw).decode().rstrip("=")

        head = part({"alg": "HS256", "typ": "JWT"})
        claims = part(
            {
                "sub": user_id,
                "email": user["email"],
                "companyId": user["companyId"],
                "iat": int(now),
                "exp": int(exp),
                "jti": self._token_seq,
            }
        )
        signature = hmac.new(self._signing_key, f"{head}.{claims}".encode(), hashlib.sha256)
        sig = base64.urlsafe_b64encode(signature.digest()).decode().rstrip("=")
        return f"{head}.{claims}.{sig}", float(int(exp))

    @route("POST", "/api/auth/login")
    def login(self, request: SandboxRequest) -> SandboxResponse:
        body = self._body(request)
        for field in ("email", "password"):
            if not isinstance(body.get(field), str) or not body[field]:
                raise _Invalid(f"{field} is required", field=field)
        user = next((u for u in self.users.values() if u["email"] == body["email"]), None)
        if user is None or not hmac.compare_digest(
            user["password"].encode(), body["password"].encode()
        ):
            return self._error(401, "AUTH_INVALID", "Invalid email or password")
        token, exp = self._jwt(user["_id"])
        self.tokens[token] = (user["_id"], exp)
        return self._ok(token=token, user=self._public_user(user))

    # -- orders ---------------------------------------------------------------------------------
    @staticmethod
    def _total(lines: list[dict[str, Any]]) -> float:
        total = 0.0
        for line in lines:
            net = (line.get("prices") or {}).get("netPrice")
            if isinstance(net, (int, float)):
                total += net
            else:
                price = (line.get("item") or {}).get("unitPrice")
                quantity = line.get("quantity")
                if isinstance(price, (int, float)) and isinstance(quantity, (int, float)):
                    total += price * quantity
        return round(total, 2)

    def _check_line(self, line: Any, field: str) -> dict[str, Any]:
        if not isinstance(line, dict):
            raise _Invalid("An order line must be an object", field=field)
        if not isinstance(line.get("item"), dict):
            raise _Invalid("An order line needs an item", field=f"{field}.item")
        quantity = line.get("quantity")
        if isinstance(quantity, bool) or not isinstance(quantity, (int, float)) or quantity <= 0:
            raise _Invalid("quantity must be a positive number", field=f"{field}.quantity")
        return dict(line)

    def _new_line(self, line: Any, field: str) -> dict[str, Any]:
        return {"_id": self._new_id("a1"), **self._check_line(line, field)}

    @route("GET", "/api/purchase-order/allOrders")
    def list_orders(self, request: SandboxRequest) -> SandboxResponse:
        status = self._enum(request.param("status"), ORDER_STATUSES, "status")
        supplier = request.param("supplier")
        start = self._date_param(request, "dateFrom")
        end = self._date_param(request, "dateTo", end_of_day=True)
        rows = []
        for order in self.orders.values():
            created = self._ms(order.get("createdAt")) or 0
            embedded = order.get("supplier")
            supplier_ids = {
                order.get("supplierCompany"),
                embedded.get("_id") if isinstance(embedded, dict) else embedded,
            }
            if (
                not order.get("deletedAt")
                and (status is None or order.get("status") == status)
                and (supplier is None or supplier in supplier_ids)
                and (start is None or created >= start)
                and (end is None or created <= end)
            ):
                rows.append(order)
        return self._page(request, "orders", rows)

    def _date_param(
        self, request: SandboxRequest, name: str, end_of_day: bool = False
    ) -> int | None:
        text = request.param(name)
        if text is None:
            return None
        ms = self._ms(text)
        if ms is None:
            raise _Invalid(f"{name} must be an ISO 8601 date", field=name)
        if end_of_day and len(text.strip()) == 10:
            ms += 86_400_000 - 1
        return ms

    @route("GET", "/api/purchase-order/{order_id}")
    def get_order(self, request: SandboxRequest) -> SandboxResponse:
        try:
            order = self._live("order", request.path_params["order_id"], "Purchase order")
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        return self._ok(order=order)

    @route("POST", "/api/purchase-order/create")
    def create_order(self, request: SandboxRequest) -> SandboxResponse:
        body = self._body(request)
        supplier = body.get("supplier")
        if not isinstance(supplier, dict) or not supplier.get("name"):
            raise _Invalid("supplier with a name is required", field="supplier")
        lines = body.get("orderLines", [])
        if not isinstance(lines, list):
            raise _Invalid("orderLines must be an array", field="orderLines")
        self._enum(body.get("priority"), PRIORITIES, "priority")
        self._enum(body.get("status"), ORDER_STATUSES, "status")
        number = body.get("purchaseOrderNumber")
        if number is not None and any(
            o["purchaseOrderNumber"] == number and not o.get("deletedAt")
            for o in self.orders.values()
        ):
            return self._error(
                409,
                "DUPLICATE_ENTRY",
                "Purchase order number already exists",
                field="purchaseOrderNumber",
            )
        user = self.users[self._caller(request) or self.USER_ID]
        stamp = self._stamp()
        order_id = self._new_id("a0")
        checked = [self._new_line(line, f"orderLines.{i}") for i, line in enumerate(lines)]
        order = {
            "status": "draft",
            **body,
            "_id": order_id,
            "purchaseOrderNumber": number or self._number("PO"),
            "orderLines": checked,
            "documents": [],
            "totalAmount": self._total(checked),
            "buyerCompany": user["companyId"],
            "createdBy": user["_id"],
            "createdAt": stamp,
            "updatedAt": stamp,
        }
        self.orders[order_id] = order
        self._emit("order.created", order)
        return self._ok(201, message="Purchase order created successfully", order=order)

    @route("PUT", "/api/purchase-order/{order_id}")
    def update_order(self, request: SandboxRequest) -> SandboxResponse:
        try:
            order = self._live("order", request.path_params["order_id"], "Purchase order")
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        body = self._body(request)
        self._enum(body.get("priority"), PRIORITIES, "priority")
        self._enum(body.get("status"), ORDER_STATUSES, "status")
        for key in ("_id", "createdAt", "updatedAt", "deletedAt", "orderLines", "documents"):
            body.pop(key, None)
        order.update(body)
        self._touch(order)
        self._emit("order.updated", order)
        return self._ok(message="Purchase order updated successfully", order=order)

    @route("PUT", "/api/purchase-order/{order_id}/status")
    def update_order_status(self, request: SandboxRequest) -> SandboxResponse:
        try:
            order = self._live("order", request.path_params["order_id"], "Purchase order")
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        body = self._body(request)
        if body.get("status") is None:
            raise _Invalid("status is required", field="status")
        self._enum(body["status"], ORDER_STATUSES, "status")
        previous = order.get("status")
        order["status"] = body["status"]
        self._touch(order)
        order.setdefault("statusHistory", []).append(
            {
                "from": previous,
                "to": body["status"],
                "notes": body.get("notes"),
                "changedBy": self._caller(request),
                "changedAt": order["updatedAt"],
            }
        )
        self._emit("order.status_changed", order)
        return self._ok(message="Purchase order status updated successfully", order=order)

    @route("DELETE", "/api/purchase-order/{order_id}")
    def delete_order(self, request: SandboxRequest) -> SandboxResponse:
        try:
            order = self._live("order", request.path_params["order_id"], "Purchase order")
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        self._delete("order", order)
        return self._ok(message="Purchase order deleted successfully")

    @route("POST", "/api/purchase-order/{order_id}/lines")
    def add_line(self, request: SandboxRequest) -> SandboxResponse:
        try:
            order = self._live("order", request.path_params["order_id"], "Purchase order")
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        line = self._new_line(self._body(request), "line")
        order["orderLines"].append(line)
        order["totalAmount"] = self._total(order["orderLines"])
        self._touch(order)
        self._emit("order.updated", order)
        return self._ok(201, message="Order line added successfully", order=order)

    def _line(self, request: SandboxRequest) -> tuple[dict[str, Any], dict[str, Any]]:
        order = self._live("order", request.path_params["order_id"], "Purchase order")
        line_id = self._check_id(request.path_params["line_id"], "lineId")
        for line in order["orderLines"]:
            if line["_id"] == line_id:
                return order, line
        raise _Missing("Order line not found")

    @route("PUT", "/api/purchase-order/{order_id}/lines/{line_id}")
    def update_line(self, request: SandboxRequest) -> SandboxResponse:
        try:
            order, line = self._line(request)
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        body = self._body(request)
        body.pop("_id", None)
        line.update(self._check_line({**line, **body}, "line"))
        order["totalAmount"] = self._total(order["orderLines"])
        self._touch(order)
        self._emit("order.updated", order)
        return self._ok(message="Order line updated successfully", order=order)

    @route("DELETE", "/api/purchase-order/{order_id}/lines/{line_id}")
    def delete_line(self, request: SandboxRequest) -> SandboxResponse:
        try:
            order, line = self._line(request)
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        order["orderLines"].remove(line)
        order["totalAmount"] = self._total(order["orderLines"])
        self._touch(order)
        self._emit("order.updated", order)
        return self._ok(message="Order line deleted successfully")

    # -- documents (orders and shipments) -------------------------------------------------------
    def _owner(self, request: SandboxRequest) -> tuple[str, dict[str, Any]]:
        if request.path.startswith("/api/purchase-order/"):
            return "order", self._live("order", request.path_params["owner_id"], "Purchase order")
        return "shipment", self._live("shipment", request.path_params["owner_id"], "Shipment")

    @route("POST", "/api/purchase-order/{owner_id}/documents")
    @route("POST", "/api/shipment/{owner_id}/documents")
    def upload_document(self, request: SandboxRequest) -> SandboxResponse:
        try:
            kind, owner = self._owner(request)
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        try:
            fields, files = parse_multipart(request.body, request.header("content-type") or "")
        except (ValueError, UnicodeDecodeError) as exc:
            raise _Invalid(f"Expected multipart/form-data: {exc}") from None
        if "document" not in files:
            raise _Invalid("A file is required in the 'document' field", field="document")
        doc_type = fields.get("type")
        if doc_type is None:
            raise _Invalid("type is required", field="type")
        self._enum(doc_type, DOCUMENT_TYPES, "type")
        filename, content_type, content = files["document"]
        document_id = self._new_id("e0")
        document = {
            "_id": document_id,
            "name": fields.get("name") or filename,
            "type": doc_type,
            "description": fields.get("description"),
            "fileName": filename,
            "contentType": content_type,
            "size": len(content),
            "url": f"{self.base_url}/uploads/{document_id}/{filename}",
            "uploadedAt": self._stamp(),
        }
        self.files[document_id] = content
        owner["documents"].append(document)
        self._touch(owner)
        self._emit(f"{kind}.updated", owner)
        return self._ok(201, message="Document uploaded successfully", document=document)

    @route("GET", "/api/purchase-order/{owner_id}/documents")
    @route("GET", "/api/shipment/{owner_id}/documents")
    def list_documents(self, request: SandboxRequest) -> SandboxResponse:
        try:
            _, owner = self._owner(request)
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        return self._ok(documents=owner["documents"])

    @route("DELETE", "/api/purchase-order/{owner_id}/documents/{document_id}")
    @route("DELETE", "/api/shipment/{owner_id}/documents/{document_id}")
    def delete_document(self, request: SandboxRequest) -> SandboxResponse:
        try:
            kind, owner = self._owner(request)
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        document_id = self._check_id(request.path_params["document_id"], "documentId")
        found = next((d for d in owner["documents"] if d["_id"] == document_id), None)
        if found is None:
            return self._error(404, "NOT_FOUND", "Document not found")
        owner["documents"].remove(found)
        self.files.pop(document_id, None)
        self._touch(owner)
        self._emit(f"{kind}.updated", owner)
        return self._ok(message="Document deleted successfully")

    # -- shipments ------------------------------------------------------------------------------
    def _check_container(self, container: Any, field: str) -> dict[str, Any]:
        if not isinstance(container, dict) or not container.get("containerNumber"):
            raise _Invalid("A container needs a containerNumber", field=field)
        return {"_id": self._new_id("b1"), **container}

    @route("GET", "/api/shipment")
    def list_shipments(self, request: SandboxRequest) -> SandboxResponse:
        status = self._enum(request.param("status"), SHIPMENT_STATUSES, "status")
        carrier = request.param("carrier")
        rows = [
            s
            for s in self.shipments.values()
            if not s.get("deletedAt")
            and (status is None or s.get("status") == status)
            and (carrier is None or str(s.get("carrier", "")).lower() == carrier.lower())
        ]
        return self._page(request, "shipments", rows)

    @route("GET", "/api/shipment/{shipment_id}")
    def get_shipment(self, request: SandboxRequest) -> SandboxResponse:
        try:
            shipment = self._live("shipment", request.path_params["shipment_id"], "Shipment")
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        return self._ok(shipment=shipment)

    @route("POST", "/api/shipment/purchase-orders/{order_id}/lines/{line_id}")
    def create_shipment(self, request: SandboxRequest) -> SandboxResponse:
        try:
            order, line = self._line(request)
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        body = self._body(request)
        self._enum(body.get("status"), SHIPMENT_STATUSES, "status")
        containers = body.get("containers", [])
        if not isinstance(containers, list):
            raise _Invalid("containers must be an array", field="containers")
        checked = [self._check_container(c, f"containers.{i}") for i, c in enumerate(containers)]
        stamp = self._stamp()
        shipment_id = self._new_id("b0")
        shipment = {
            "status": "pending",
            "shipmentNumber": self._number("SH"),
            **body,
            "_id": shipment_id,
            "purchaseOrder": order["_id"],
            "lineIds": [line["_id"]],
            "containers": checked,
            "documents": [],
            "createdAt": stamp,
            "updatedAt": stamp,
        }
        self.shipments[shipment_id] = shipment
        self._emit("shipment.created", shipment)
        return self._ok(201, message="Shipment created successfully", shipment=shipment)

    @route("PATCH", "/api/shipment/{shipment_id}")
    def update_shipment(self, request: SandboxRequest) -> SandboxResponse:
        try:
            shipment = self._live("shipment", request.path_params["shipment_id"], "Shipment")
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        body = self._body(request)
        self._enum(body.get("status"), SHIPMENT_STATUSES, "status")
        for key in ("_id", "createdAt", "updatedAt", "deletedAt", "containers", "documents"):
            body.pop(key, None)
        status_changed = "status" in body and body["status"] != shipment.get("status")
        shipment.update(body)
        self._touch(shipment)
        self._emit("shipment.updated", shipment)
        if status_changed:
            self._emit("shipment.status_changed", shipment)
        return self._ok(message="Shipment updated successfully", shipment=shipment)

    @route("PATCH", "/api/shipment/{shipment_id}/status")
    def update_shipment_status(self, request: SandboxRequest) -> SandboxResponse:
        try:
            shipment = self._live("shipment", request.path_params["shipment_id"], "Shipment")
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        body = self._body(request)
        if body.get("status") is None:
            raise _Invalid("status is required", field="status")
        self._enum(body["status"], SHIPMENT_STATUSES, "status")
        shipment["status"] = body["status"]
        self._touch(shipment)
        self._emit("shipment.status_changed", shipment)
        return self._ok(message="Shipment status updated successfully", shipment=shipment)

    @route("POST", "/api/shipment/{shipment_id}/containers")
    def add_container(self, request: SandboxRequest) -> SandboxResponse:
        try:
            shipment = self._live("shipment", request.path_params["shipment_id"], "Shipment")
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        shipment["containers"].append(self._check_container(self._body(request), "container"))
        self._touch(shipment)
        self._emit("shipment.updated", shipment)
        return self._ok(201, message="Container added successfully", shipment=shipment)

    def _container(self, request: SandboxRequest) -> tuple[dict[str, Any], dict[str, Any]]:
        shipment = self._live("shipment", request.path_params["shipment_id"], "Shipment")
        container_id = self._check_id(request.path_params["container_id"], "containerId")
        for container in shipment["containers"]:
            if container["_id"] == container_id:
                return shipment, container
        raise _Missing("Container not found")

    @route("PATCH", "/api/shipment/{shipment_id}/containers/{container_id}")
    def update_container(self, request: SandboxRequest) -> SandboxResponse:
        try:
            shipment, container = self._container(request)
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        body = self._body(request)
        body.pop("_id", None)
        if "containerNumber" in body and not body["containerNumber"]:
            raise _Invalid("containerNumber must not be empty", field="containerNumber")
        container.update(body)
        self._touch(shipment)
        self._emit("shipment.updated", shipment)
        return self._ok(message="Container updated successfully", shipment=shipment)

    @route("DELETE", "/api/shipment/{shipment_id}/containers/{container_id}")
    def delete_container(self, request: SandboxRequest) -> SandboxResponse:
        try:
            shipment, container = self._container(request)
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        shipment["containers"].remove(container)
        self._touch(shipment)
        self._emit("shipment.updated", shipment)
        return self._ok(message="Container deleted successfully")

    # -- items ----------------------------------------------------------------------------------
    def _item_by_number(self, number: str) -> dict[str, Any] | None:
        return next(
            (
                i
                for i in self.items.values()
                if i["itemNumber"] == number and not i.get("deletedAt")
            ),
            None,
        )

    def _check_item(self, body: Mapping[str, Any]) -> None:
        self._enum(body.get("type"), ITEM_TYPES, "type")
        self._enum(body.get("itemStatus"), ITEM_STATUSES, "itemStatus")
        if "material" in body and not isinstance(body["material"], dict):
            raise _Invalid("material must be an object", field="material")

    def _new_item(self, body: Mapping[str, Any]) -> dict[str, Any]:
        stamp = self._stamp()
        item_id = self._new_id("c0")
        item = {
            "itemStatus": "Pending",
            **body,
            "_id": item_id,
            "createdAt": stamp,
            "updatedAt": stamp,
        }
        self.items[item_id] = item
        self._emit("item.created", item)
        return item

    @route("GET", "/api/items")
    def list_items(self, request: SandboxRequest) -> SandboxResponse:
        status = self._enum(request.param("itemStatus"), ITEM_STATUSES, "itemStatus")
        search = (request.param("search") or "").lower()
        category = request.param("category")
        rows = [
            i
            for i in self.items.values()
            if not i.get("deletedAt")
            and (status is None or i.get("itemStatus") == status)
            and (category is None or i.get("category") == category)
            and (
                not search
                or search in str(i.get("name", "")).lower()
                or search in str(i.get("description", "")).lower()
            )
        ]
        return self._page(request, "items", rows)

    @route("GET", "/api/items/export")
    def export_items(self, request: SandboxRequest) -> SandboxResponse:
        fmt = request.param("format", "csv")
        self._enum(fmt, ("csv", "excel"), "format")
        rows = [
            [str(i.get(c) or "") for c in EXPORT_COLUMNS]
            for i in self.items.values()
            if not i.get("deletedAt")
        ]
        if fmt == "excel":
            return SandboxResponse(
                200,
                write_xlsx([list(EXPORT_COLUMNS), *rows]),
                {
                    "content-type": XLSX_TYPE,
                    "content-disposition": 'attachment; filename="items.xlsx"',
                },
            )
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(EXPORT_COLUMNS)
        writer.writerows(rows)
        return SandboxResponse(
            200,
            out.getvalue().encode("utf-8"),
            {
                "content-type": "text/csv; charset=utf-8",
                "content-disposition": 'attachment; filename="items.csv"',
            },
        )

    @route("GET", "/api/items/{item_id}")
    def get_item(self, request: SandboxRequest) -> SandboxResponse:
        try:
            item = self._live("item", request.path_params["item_id"], "Item")
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        return self._ok(item=item)

    @route("POST", "/api/items")
    def create_item(self, request: SandboxRequest) -> SandboxResponse:
        body = self._body(request)
        number = body.get("itemNumber")
        if not isinstance(number, str) or not number.strip():
            raise _Invalid("itemNumber is required", field="itemNumber")
        self._check_item(body)
        if self._item_by_number(number) is not None:
            return self._error(
                409,
                "DUPLICATE_ENTRY",
                "An item with this itemNumber already exists",
                field="itemNumber",
                details=f"itemNumber {number} exists",
            )
        for key in ("_id", "createdAt", "updatedAt", "deletedAt"):
            body.pop(key, None)
        item = self._new_item(body)
        return self._ok(201, message="Item created successfully", item=item)

    @route("PUT", "/api/items/{item_id}")
    def update_item(self, request: SandboxRequest) -> SandboxResponse:
        try:
            item = self._live("item", request.path_params["item_id"], "Item")
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        body = self._body(request)
        self._check_item(body)
        number = body.get("itemNumber")
        if number is not None:
            other = self._item_by_number(number)
            if other is not None and other is not item:
                return self._error(
                    409,
                    "DUPLICATE_ENTRY",
                    "An item with this itemNumber already exists",
                    field="itemNumber",
                )
        for key in ("_id", "createdAt", "updatedAt", "deletedAt"):
            body.pop(key, None)
        item.update(body)
        self._touch(item)
        self._emit("item.updated", item)
        return self._ok(message="Item updated successfully", item=item)

    @route("DELETE", "/api/items/{item_id}")
    def delete_item(self, request: SandboxRequest) -> SandboxResponse:
        try:
            item = self._live("item", request.path_params["item_id"], "Item")
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        self._delete("item", item)
        return self._ok(message="Item deleted successfully")

    @route("POST", "/api/items/bulk-import")
    def bulk_import(self, request: SandboxRequest) -> SandboxResponse:
        try:
            fields, files = parse_multipart(request.body, request.header("content-type") or "")
        except (ValueError, UnicodeDecodeError) as exc:
            raise _Invalid(f"Expected multipart/form-data: {exc}") from None
        if "file" not in files:
            raise _Invalid("A CSV or Excel file is required in the 'file' field", field="file")
        flag = fields.get("updateExisting", "false").lower()
        if flag not in {"true", "false"}:
            raise _Invalid("updateExisting must be true or false", field="updateExisting")
        filename, _, content = files["file"]
        suffix = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
        try:
            if suffix in {"xlsx", "xls"}:
                table = read_xlsx(content)
            elif suffix == "csv":
                table = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
            else:
                raise _Invalid("The file must be CSV or Excel", field="file")
        except (ValueError, KeyError, zipfile.BadZipFile, ElementTree.ParseError) as exc:
            raise _Invalid(f"The file could not be read: {exc}", field="file") from None
        if not table or "itemNumber" not in table[0]:
            raise _Invalid("The file needs a header row with an itemNumber column", field="file")
        header, imported, updated, errors = table[0], 0, 0, []
        for number, cells in enumerate(table[1:], start=2):
            if not any(cells):
                continue
            row = {k: v for k, v in zip(header, cells, strict=False) if k and v != ""}
            item_number = row.get("itemNumber")
            if not item_number:
                errors.append({"row": number, "message": "itemNumber is required"})
                continue
            if row.get("type") not in (None, *ITEM_TYPES) or row.get("itemStatus") not in (
                None,
                *ITEM_STATUSES,
            ):
                errors.append(
                    {
                        "row": number,
                        "itemNumber": item_number,
                        "message": "Invalid type or itemStatus",
                    }
                )
                continue
            existing = self._item_by_number(item_number)
            if existing is None:
                self._new_item(row)
                imported += 1
            elif flag == "true":
                existing.update(row)
                self._touch(existing)
                self._emit("item.updated", existing)
                updated += 1
            else:
                errors.append(
                    {"row": number, "itemNumber": item_number, "message": "Item already exists"}
                )
        return self._ok(
            message="Items imported successfully", imported=imported, updated=updated, errors=errors
        )

    # -- tasks ----------------------------------------------------------------------------------
    def _task_status_event(self, task: dict[str, Any], status: str | None) -> str:
        if status == "Completed":
            return "task.completed"
        if status == "Rejected":
            return "task.rejected"
        return "task.updated"

    @route("GET", "/api/task/allTasks")
    def list_tasks(self, request: SandboxRequest) -> SandboxResponse:
        status = self._enum(request.param("status"), TASK_STATUSES, "status")
        priority = self._enum(request.param("priority"), PRIORITIES, "priority")
        rows = [
            t
            for t in self.tasks.values()
            if not t.get("deletedAt")
            and (status is None or t.get("status") == status)
            and (priority is None or t.get("priority") == priority)
        ]
        return self._page(request, "tasks", rows)

    @route("GET", "/api/task/taskid/{task_id}")
    def get_task(self, request: SandboxRequest) -> SandboxResponse:
        try:
            task = self._live("task", request.path_params["task_id"], "Task")
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        return self._ok(task=task)

    def _assignee(self, value: Any, default: str | None) -> dict[str, Any] | None:
        if value is None:
            return self._user_ref(default) if default else None
        if not isinstance(value, str) or not _OBJECT_ID.match(value) or value not in self.users:
            raise _Invalid("assignedTo must be the _id of a user", field="assignedTo")
        return self._user_ref(value)

    @route("POST", "/api/task/{order_id}")
    def create_task(self, request: SandboxRequest) -> SandboxResponse:
        try:
            order = self._live("order", request.path_params["order_id"], "Purchase order")
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        body = self._body(request)
        if not isinstance(body.get("title"), str) or not body["title"].strip():
            raise _Invalid("title is required", field="title")
        self._enum(body.get("priority"), PRIORITIES, "priority")
        self._enum(body.get("status"), TASK_STATUSES, "status")
        assignee = self._assignee(body.get("assignedTo"), self._caller(request))
        stamp = self._stamp()
        task_id = self._new_id("d0")
        task = {
            "status": "Open",
            **body,
            "_id": task_id,
            "assignedTo": assignee,
            "relatedOrder": {
                "_id": order["_id"],
                "purchaseOrderNumber": order["purchaseOrderNumber"],
            },
            "createdAt": stamp,
            "updatedAt": stamp,
        }
        self.tasks[task_id] = task
        self._emit("task.created", task)
        return self._ok(201, message="Task created successfully", task=task)

    @route("PUT", "/api/task/taskid/{task_id}")
    def update_task(self, request: SandboxRequest) -> SandboxResponse:
        try:
            task = self._live("task", request.path_params["task_id"], "Task")
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        body = self._body(request)
        self._enum(body.get("priority"), PRIORITIES, "priority")
        self._enum(body.get("status"), TASK_STATUSES, "status")
        if "assignedTo" in body:
            body["assignedTo"] = self._assignee(body["assignedTo"], None)
        for key in ("_id", "createdAt", "updatedAt", "deletedAt", "relatedOrder"):
            body.pop(key, None)
        changed_status = "status" in body and body["status"] != task.get("status")
        task.update(body)
        self._touch(task)
        event = self._task_status_event(task, body.get("status") if changed_status else None)
        self._emit(event, task)
        return self._ok(message="Task updated successfully", task=task)

    @route("PUT", "/api/task/{task_id}/decision")
    def decide_task(self, request: SandboxRequest) -> SandboxResponse:
        try:
            task = self._live("task", request.path_params["task_id"], "Task")
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        body = self._body(request)
        decision = body.get("decision")
        if decision is None:
            raise _Invalid("decision is required", field="decision")
        self._enum(decision, ("accept", "reject"), "decision")
        task["decision"] = decision
        task["status"] = "Completed" if decision == "accept" else "Rejected"
        if body.get("comments") is not None:
            task["comments"] = body["comments"]
        self._touch(task)
        self._emit(self._task_status_event(task, task["status"]), task)
        return self._ok(message=f"Task {decision}ed successfully", task=task)

    # -- reference data -------------------------------------------------------------------------
    @route("GET", "/api/suppliers")
    def list_suppliers(self, request: SandboxRequest) -> SandboxResponse:
        suppliers = [
            {k: v for k, v in c.items() if k != "role"}
            for c in self.companies.values()
            if c["role"] == "supplier"
        ]
        return self._ok(suppliers=suppliers)

    @route("GET", "/api/carriers")
    def list_carriers(self, request: SandboxRequest) -> SandboxResponse:
        return self._ok(carriers=self.carriers)

    # -- webhook subscriptions ------------------------------------------------------------------
    @staticmethod
    def _without_secret(subscription: Mapping[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in subscription.items() if k not in {"secret", "companyId"}}

    def _company(self, request: SandboxRequest) -> str:
        return str(self.users[self._caller(request) or self.USER_ID]["companyId"])

    @route("POST", "/api/webhooks/subscriptions")
    def create_subscription(self, request: SandboxRequest) -> SandboxResponse:
        body = self._body(request)
        url = body.get("url")
        try:
            parsed = httpx.URL(url) if isinstance(url, str) else None
        except httpx.InvalidURL:
            parsed = None
        if parsed is None or parsed.scheme not in {"http", "https"} or not parsed.host:
            raise _Invalid("url must be an absolute http(s) URL", field="url")
        events = body.get("events")
        if not isinstance(events, list) or not events:
            raise _Invalid("events must be a non-empty array", field="events")
        for event in events:
            self._enum(event, EVENTS, "events")
        subscription_id = self._new_id("f0")
        subscription = {
            "_id": subscription_id,
            "url": url,
            "events": list(events),
            "status": "active",
            "secret": "whsec_" + "".join(self._rng.choice("0123456789abcdef") for _ in range(40)),
            "companyId": self._company(request),
            "createdAt": self._stamp(),
        }
        self.subscriptions[subscription_id] = subscription
        answer = {k: v for k, v in subscription.items() if k != "companyId"}
        return self._ok(201, message="Subscription created", subscription=answer)

    @route("GET", "/api/webhooks/subscriptions")
    def list_subscriptions(self, request: SandboxRequest) -> SandboxResponse:
        company = self._company(request)
        rows = [
            self._without_secret(s)
            for s in self.subscriptions.values()
            if s["companyId"] == company
        ]
        return self._ok(subscriptions=rows)

    def _subscription(self, request: SandboxRequest) -> dict[str, Any]:
        subscription_id = self._check_id(request.path_params["subscription_id"])
        found = self.subscriptions.get(subscription_id)
        if found is None or found["companyId"] != self._company(request):
            raise _Missing("Subscription not found")
        return found

    @route("GET", "/api/webhooks/subscriptions/{subscription_id}")
    def get_subscription(self, request: SandboxRequest) -> SandboxResponse:
        try:
            found = self._subscription(request)
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        return self._ok(subscription=self._without_secret(found))

    @route("DELETE", "/api/webhooks/subscriptions/{subscription_id}")
    def delete_subscription(self, request: SandboxRequest) -> SandboxResponse:
        try:
            found = self._subscription(request)
        except _Missing as exc:
            return self._error(404, "NOT_FOUND", str(exc))
        del self.subscriptions[found["_id"]]
        return self._ok(message="Subscription deleted")

    # -- change feeds (the /sync endpoints) -----------------------------------------------------
    @route("GET", "/api/purchase-order/sync")
    @route("GET", "/api/shipment/sync")
    @route("GET", "/api/items/sync")
    @route("GET", "/api/task/sync")
    def sync(self, request: SandboxRequest) -> SandboxResponse:
        kind = {
            "/api/purchase-order/sync": "order",
            "/api/shipment/sync": "shipment",
            "/api/items/sync": "item",
            "/api/task/sync": "task",
        }[request.path]
        since_text = request.param("since")
        since = 0 if since_text is None else self._ms(since_text)
        if since is None:
            raise _Invalid("since must be an ISO 8601 timestamp", field="since")
        page = self._positive(request, "page", 1, None)
        limit = self._positive(request, "limit", 100, 500)
        watermark = self._watermark()
        caller = self._caller(request)

        def changed(record: Mapping[str, Any]) -> int:
            return self._ms(record.get("deletedAt") or record.get("updatedAt")) or 0

        rows = [r for r in self._collection(kind).values() if changed(r) > since]
        if kind == "task":
            rows = [r for r in rows if (r.get("assignedTo") or {}).get("_id") == caller]
        # In insertion order, as a plain MongoDB query answers: a record keeps its place
        # when it changes, so a page number stays a stable resume point for one ``since``.
        rows.sort(key=lambda r: r["_id"])
        created, updated, deleted = [], [], []
        for record in self.page_slice(rows, page, limit):
            if record.get("deletedAt"):
                deleted.append({"_id": record["_id"], "deletedAt": record["deletedAt"]})
            elif (self._ms(record.get("createdAt")) or 0) > since:
                created.append(record)
            else:
                updated.append(record)
        return self._ok(
            created=created,
            updated=updated,
            deleted=deleted,
            lastSyncTimestamp=watermark,
            hasMore=page * limit < len(rows),
            pagination={"page": page, "limit": limit, "total": len(rows)},
        )

    # -- sync from ERP --------------------------------------------------------------------------
    def _erp_rows(self, request: SandboxRequest, key: str) -> list[Any]:
        body = self._body(request)
        rows = body.get(key)
        if not isinstance(rows, list):
            raise _Invalid(f"{key} must be an array", field=key)
        return rows

    def _order_problem(self, row: Mapping[str, Any]) -> str | None:
        if "orderLines" in row:
            return "Use 'lines', not 'orderLines'"
        for key in ("purchaseOrderNumber", "supplierAccountNumber"):
            if not isinstance(row.get(key), str) or not row[key].strip():
                return f"{key} is required"
        company = row.get("supplierCompany")
        if not isinstance(company, str) or not _OBJECT_ID.match(company):
            return "supplierCompany must be the ONESCP Company _id (ObjectId)"
        if self.companies.get(company, {}).get("role") != "supplier":
            return f"supplierCompany {company} is not a supplier company"
        user = row.get("supplierId")
        if not isinstance(user, str) or not _OBJECT_ID.match(user):
            return "supplierId must be the ONESCP User _id (ObjectId)"
        if user not in self.users:
            return f"supplierId {user} is not a user"
        if not isinstance(row.get("destination"), dict) or not row["destination"]:
            return "destination is required"
        if not isinstance(row.get("contactEmail"), str) or not row["contactEmail"].strip():
            return "contactEmail must not be empty"
        if not isinstance(row.get("lines"), list):
            return "lines must be an array"
        for key in ("buyerCompany", "createdBy"):
            if key in row and (not isinstance(row[key], str) or not _OBJECT_ID.match(row[key])):
                return f"{key} must be an ObjectId"
        return None

    @staticmethod
    def _merge(record: dict[str, Any], changes: Mapping[str, Any]) -> bool:
        """Apply ``changes``; whether anything actually changed."""
        before = json.dumps(record, sort_keys=True, default=str)
        record.update(changes)
        return json.dumps(record, sort_keys=True, default=str) != before

    def _erp_lines(self, existing: list[dict[str, Any]], lines: list[Any]) -> list[dict[str, Any]]:
        by_position = {str(line.get("position")): line for line in existing}
        out = []
        for line in lines:
            line = dict(line) if isinstance(line, dict) else {"value": line}
            old = by_position.get(str(line.get("position")))
            line["_id"] = old["_id"] if old is not None else self._new_id("a1")
            out.append(line)
        return out

    @route("POST", "/api/purchase-order/sync-from-erp")
    def orders_from_erp(self, request: SandboxRequest) -> SandboxResponse:
        user = self.users[self._caller(request) or self.USER_ID]
        created, updated, errors = [], [], []
        for row in self._erp_rows(request, "orders"):
            problem = self._order_problem(row) if isinstance(row, dict) else "Not an object"
            if problem is not None:
                errors.append({"payload": row, "message": problem})
                continue
            fields = {k: v for k, v in row.items() if k not in {"lines", "_id"}}
            buyer = row.get("buyerCompany") or user["companyId"]
            existing = next(
                (
                    o
                    for o in self.orders.values()
                    if not o.get("deletedAt")
                    and (
                        (row.get("erpId") and o.get("erpId") == row["erpId"])
                        or (
                            not row.get("erpId")
                            and o["purchaseOrderNumber"] == row["purchaseOrderNumber"]
                            and o.get("buyerCompany") == buyer
                        )
                    )
                ),
                None,
            )
            if existing is not None:
                fields["orderLines"] = self._erp_lines(existing.get("orderLines", []), row["lines"])
                fields["totalAmount"] = self._total(fields["orderLines"])
                if self._merge(existing, fields):
                    self._touch(existing)
                    self._emit("order.updated", existing)
                updated.append(existing)
                continue
            company = self.companies[row["supplierCompany"]]
            stamp = self._stamp()
            order_id = self._new_id("a0")
            lines = self._erp_lines([], row["lines"])
            order = {
                "status": "draft",
                "supplier": {
                    "_id": company["_id"],
                    "name": company["name"],
                    "email": company["email"],
                },
                **fields,
                "_id": order_id,
                "buyerCompany": buyer,
                "createdBy": row.get("createdBy") or user["_id"],
                "orderLines": lines,
                "documents": [],
                "totalAmount": self._total(lines),
                "createdAt": stamp,
                "updatedAt": stamp,
            }
            self.orders[order_id] = order
            self._emit("order.created", order)
            created.append(order)
        return self._ok(created=created, updated=updated, errors=errors)

    @route("POST", "/api/shipment/sync-from-erp")
    def shipments_from_erp(self, request: SandboxRequest) -> SandboxResponse:
        created, updated, errors = [], [], []
        for row in self._erp_rows(request, "shipments"):
            if not isinstance(row, dict):
                errors.append({"payload": row, "message": "Not an object"})
                continue
            order_id = row.get("purchaseOrder")
            existing = next(
                (
                    s
                    for s in self.shipments.values()
                    if not s.get("deletedAt")
                    and (
                        (row.get("erpId") and s.get("erpId") == row["erpId"])
                        or (
                            not row.get("erpId")
                            and row.get("shipmentNumber")
                            and s.get("shipmentNumber") == row["shipmentNumber"]
                            and s.get("purchaseOrder") == order_id
                        )
                    )
                ),
                None,
            )
            if order_id is not None:
                order = self.orders.get(order_id) if isinstance(order_id, str) else None
                if order is None or order.get("deletedAt"):
                    errors.append({"payload": row, "message": "purchaseOrder not found"})
                    continue
                line_ids = {line["_id"] for line in order["orderLines"]}
                unknown = [i for i in row.get("lineIds") or [] if i not in line_ids]
                if unknown:
                    errors.append(
                        {"payload": row, "message": f"lineIds not on the order: {unknown}"}
                    )
                    continue
            before = len(errors)
            self._enum_row(row, "status", SHIPMENT_STATUSES, errors)
            if len(errors) > before:
                continue
            fields = {k: v for k, v in row.items() if k != "_id"}
            if existing is not None:
                if self._merge(existing, fields):
                    self._touch(existing)
                    self._emit("shipment.updated", existing)
                updated.append(existing)
                continue
            if order_id is None or not row.get("lineIds"):
                errors.append(
                    {"payload": row, "message": "New shipments require purchaseOrder and lineIds"}
                )
                continue
            stamp = self._stamp()
            shipment_id = self._new_id("b0")
            containers = [
                self._check_container(c, "containers") if isinstance(c, dict) else c
                for c in row.get("containers", [])
            ]
            shipment = {
                "status": "pending",
                "shipmentNumber": self._number("SH"),
                **fields,
                "_id": shipment_id,
                "containers": containers,
                "documents": [],
                "createdAt": stamp,
                "updatedAt": stamp,
            }
            self.shipments[shipment_id] = shipment
            self._emit("shipment.created", shipment)
            created.append(shipment)
        return self._ok(created=created, updated=updated, errors=errors)

    @staticmethod
    def _enum_row(
        row: Mapping[str, Any], key: str, allowed: tuple[str, ...], errors: list[dict[str, Any]]
    ) -> None:
        if row.get(key) is not None and row[key] not in allowed:
            errors.append({"payload": row, "message": f"Invalid {key}: {row[key]}"})

    @route("POST", "/api/items/sync-from-erp")
    def items_from_erp(self, request: SandboxRequest) -> SandboxResponse:
        created, updated, errors = [], [], []
        for row in self._erp_rows(request, "items"):
            if not isinstance(row, dict):
                errors.append({"payload": row, "message": "Not an object"})
                continue
            number = row.get("itemNumber")
            if not isinstance(number, str) or not number.strip():
                errors.append({"payload": row, "message": "itemNumber is required"})
                continue
            before = len(errors)
            self._enum_row(row, "type", ITEM_TYPES, errors)
            self._enum_row(row, "itemStatus", ITEM_STATUSES, errors)
            if len(errors) > before:
                continue
            fields = {k: v for k, v in row.items() if k != "_id"}
            existing = self._item_by_number(number)
            if existing is not None:
                if self._merge(existing, fields):
                    self._touch(existing)
                    self._emit("item.updated", existing)
                updated.append(existing)
            else:
                created.append(self._new_item(fields))
        return self._ok(created=created, updated=updated, errors=errors)
