"""A stateful fake of an ONe B2B platform instance (the ERP integration API).

    from supplychain_sdk.sandbox.one_platform import OnePlatformSandbox

    sandbox = OnePlatformSandbox()        # seeded: two clients, one warehouse, two orders
    client = sandbox.client()             # a OnePlatform client with the sandbox token
    report = client.stocks.push_incremental("MAIN", [{"product_code": "SKU-1", "quantity": 5}])
    for order in client.orders.pending_shipments():
        print(order.order_id)

Its routes are its own reading of the integration document (``@route`` declarations, not the
client's route table), so a client whose table drifts from the document fails against it.
It checks the bearer token, refuses more than 10,000 rows in one request with ``413``, knows
which clients exist (``404 {"message": "client not found"}`` for the others), counts price
lists per client (at most 2,000), runs the two-step PDF uploads (refusing
complete/finalize before begin/initialize) with the bytes going to a presigned URL on another
origin (``https://storage.sandbox.invalid``, served by the same transport), and drops an
order from the pending shipments once its status is pushed. Malformed input gets a 400 or
422 answer, never a 500.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode

from ._framework import Sandbox, SandboxRequest, SandboxResponse, json_response, route

if TYPE_CHECKING:
    from ..one_platform import AsyncOnePlatform, OnePlatform

__all__ = ["OnePlatformSandbox"]

_ACCOUNT = "/api/v1/account/integrations/auth-required"
_INVOICES = "/api/v1/invoices/integrations/auth-required/invoices"
_NOTES = "/api/v1/goods-issued-notes/integrations/auth-required/goods-issued-notes"
_STOCKS = "/api/v1/stock/integrations/auth-required"
_STORAGE_PREFIX = "/storage/"


class _Problem(Exception):
    """A request the fake refuses: status, message, and field errors."""

    def __init__(
        self, status: int, message: str, errors: list[dict[str, str]] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or []


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


# -- field checks (the fake's own reading of what each object needs) ------------------------------


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _number(value: Any) -> bool:
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool)


def _amount(value: Any) -> bool:
    return _number(value) and value >= 0


def _currency(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 3 and value.isalpha() and value.isupper()


def _date(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    year, _, rest = value.partition("-")
    month, _, day = rest.partition("-")
    return year.isdigit() and month.isdigit() and day.isdigit()


def _boolean(value: Any) -> bool:
    return isinstance(value, bool)


def _lines(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(line, dict) and _text(line.get("productCode")) and _number(line.get("quantity"))
        for line in value
    )


Check = Callable[[Any], bool]
_EXPECTED: dict[Check, str] = {
    _text: "a non-empty string",
    _number: "a number",
    _amount: "a number >= 0",
    _currency: "an ISO 4217 code",
    _date: "a date (YYYY-MM-DD)",
    _boolean: "true or false",
    _lines: "a list of lines with productCode and quantity",
}

STOCK = {"productCode": _text, "quantity": _number}
CLIENT = {"clientId": _text, "name": _text}
RETAIL = {"productCode": _text, "grossPrice": _amount, "currency": _currency}
B2B = {
    "clientId": _text,
    "priceListId": _text,
    "productCode": _text,
    "netPrice": _amount,
    "currency": _currency,
}
INVOICE_STATUS = {"invoiceId": _text, "status": _text}
ORDER_STATUS = {"orderId": _text, "status": _text}
SEGMENT = {"name": _text}
WAREHOUSE = {"code": _text, "name": _text}
CREDIT = {"limit": _amount}
BLOCKADE = {"blocked": _boolean}
INVOICE = {
    "invoiceId": _text,
    "number": _text,
    "clientId": _text,
    "issueDate": _date,
    "currency": _currency,
    "netTotal": _number,
    "grossTotal": _number,
}
NOTE = {"noteId": _text, "number": _text, "clientId": _text, "issueDate": _date}
OFFLINE_ORDER = {
    "orderId": _text,
    "clientId": _text,
    "orderDate": _date,
    "currency": _currency,
    "lines": _lines,
}
FILE_START = {"fileName": _text, "contentType": _text, "size": _amount}


def _problems(obj: Any, fields: Mapping[str, Check], where: str) -> list[dict[str, str]]:
    if not isinstance(obj, dict):
        return [{"field": where or "body", "message": "must be an object"}]
    found = []
    for name, check in fields.items():
        field = f"{where}.{name}" if where else name
        if name not in obj:
            found.append({"field": field, "message": "is required"})
        elif not check(obj[name]):
            found.append({"field": field, "message": f"must be {_EXPECTED[check]}"})
    return found


class OnePlatformSandbox(Sandbox):
    """Stateful fake of an ONe instance's integration API.

    Args:
        seed: start with two clients (``C-001``, ``C-002``, organization ``ORG-1``), the
            warehouse ``MAIN`` and two pending orders (``ONE-1001``, ``ONE-1002``).
        max_rows: rows one request may carry (the document: 10,000); more gets ``413``.
        max_price_lists: price lists one B2B client may have (the document: 2,000).

    Attributes:
        tokens: bearer tokens accepted (`TOKEN`, and those issued by ``/oauth/token``).
        clients: client id -> client; segments, warehouses, trade_credits, blockades alike.
        stocks: warehouse -> product code -> stock row.
        retail_prices: product code -> row; b2b_prices: (client, list, product) -> row.
        price_lists: client id -> the price list ids it has.
        invoices, notes, offline_orders: id -> document; invoice_statuses, order_statuses:
            id -> the last status row.
        pending: order id -> an order waiting for the ERP (`orders.pending_shipments`).
        uploads: upload id -> state of a two-step upload; files: (kind, document id) -> PDF.
    """

    base_url = "https://one.sandbox.invalid"
    #: Where presigned upload URLs point when the fake is mounted in-process.
    storage_url = "https://storage.sandbox.invalid"
    TOKEN = "sandbox-one-platform-token"
    OAUTH_CLIENT_ID = "sandbox-erp"
    OAUTH_CLIENT_SECRET = "sandbox-erp-secret"

    def __init__(
        self, *, seed: bool = True, max_rows: int = 10_000, max_price_lists: int = 2_000
    ) -> None:
        super().__init__()
        self.max_rows = max_rows
        self.max_price_lists = max_price_lists
        self.tokens: set[str] = {self.TOKEN}
        self._signing_key = secrets.token_bytes(16)
        self._seq = 0
        self.segments: dict[str, dict[str, Any]] = {}
        self.warehouses: dict[str, dict[str, Any]] = {}
        self.stocks: dict[str, dict[str, dict[str, Any]]] = {}
        self.clients: dict[str, dict[str, Any]] = {}
        self.trade_credits: dict[str, dict[str, Any]] = {}
        self.blockades: dict[str, dict[str, Any]] = {}
        self.retail_prices: dict[str, dict[str, Any]] = {}
        self.b2b_prices: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.price_lists: dict[str, set[str]] = {}
        self.invoices: dict[str, dict[str, Any]] = {}
        self.invoice_statuses: dict[str, dict[str, Any]] = {}
        self.notes: dict[str, dict[str, Any]] = {}
        self.pending: dict[str, dict[str, Any]] = {}
        self.order_statuses: dict[str, dict[str, Any]] = {}
        self.offline_orders: dict[str, dict[str, Any]] = {}
        self.uploads: dict[str, dict[str, Any]] = {}
        self.files: dict[tuple[str, str], bytes] = {}
        if seed:
            self._seed()

    def _seed(self) -> None:
        self.add_client("C-001", "Hurtownia Nowak", organization_id="ORG-1")
        self.add_client("C-002", "Sklep Kowalski", organization_id="ORG-2")
        self.warehouses["MAIN"] = {"code": "MAIN", "name": "Main warehouse"}
        self.add_pending_order(
            "ONE-1001",
            "C-001",
            [{"productCode": "SKU-1", "quantity": 3, "netPrice": 12.5}],
        )
        self.add_pending_order("ONE-1002", "C-002", [{"productCode": "SKU-2", "quantity": 1}])

    # -- state helpers for tests ----------------------------------------------------------------
    def add_client(self, client_id: str, name: str, **fields: Any) -> dict[str, Any]:
        """Make ``client_id`` a client ONe knows; returns the record."""
        record = {"clientId": client_id, "name": name}
        record.update({_camel(k): v for k, v in fields.items()})
        with self.lock:
            self.clients[client_id] = record
        return record

    def add_pending_order(
        self, order_id: str, client_id: str, lines: list[dict[str, Any]], **fields: Any
    ) -> dict[str, Any]:
        """Place an order on ONe that waits for the ERP; returns it."""
        order = {
            "orderId": order_id,
            "number": f"ZAM/{order_id}",
            "clientId": client_id,
            "createdAt": "2026-01-05T08:00:00Z",
            "currency": "PLN",
            "lines": lines,
        }
        order.update({_camel(k): v for k, v in fields.items()})
        with self.lock:
            self.pending[order_id] = order
        return order

    def client(self, *, token: Any = None, **options: Any) -> OnePlatform:
        """A sync ``OnePlatform`` client mounted on this fake (default: the sandbox token)."""
        from ..one_platform import OnePlatform

        if "oauth" not in options:
            options["token"] = token if token is not None else self.TOKEN
        return self.mount(OnePlatform, **options)

    def async_client(self, *, token: Any = None, **options: Any) -> AsyncOnePlatform:
        """An ``AsyncOnePlatform`` client mounted on this fake (default: the sandbox token)."""
        from ..one_platform import AsyncOnePlatform

        if "oauth" not in options:
            options["token"] = token if token is not None else self.TOKEN
        return self.mount(AsyncOnePlatform, **options)

    # -- framework hooks ------------------------------------------------------------------------
    @staticmethod
    def _error(
        status: int, message: str, errors: list[dict[str, str]] | None = None
    ) -> SandboxResponse:
        body: dict[str, Any] = {"status": status, "message": message}
        if errors:
            body["errors"] = errors
        return json_response(body, status)

    def _is_storage(self, request: SandboxRequest) -> bool:
        return request.base_url == self.storage_url or request.path.startswith(_STORAGE_PREFIX)

    def authenticate(self, request: SandboxRequest) -> SandboxResponse | None:
        if self._is_storage(request):
            if not request.path.startswith(_STORAGE_PREFIX):
                return self._error(404, f"No such key {request.path}")
            return None  # the presigned query authenticates it (checked by the handler)
        if request.base_url == self.storage_url:
            return self._error(404, "not found")
        if request.path == "/oauth/token":
            return None
        header = request.header("authorization") or ""
        if not header.lower().startswith("bearer ") or not header[7:].strip():
            return self._error(401, "Full authentication is required to access this resource")
        if header[7:].strip() not in self.tokens:
            return self._error(401, "Invalid or expired token")
        return None

    def not_found(self, request: SandboxRequest) -> SandboxResponse:
        return self._error(404, f"No endpoint {request.method} {request.path}")

    def method_not_allowed(self, request: SandboxRequest) -> SandboxResponse:
        return self._error(405, f"Request method '{request.method}' is not supported")

    def bad_json(self, request: SandboxRequest) -> SandboxResponse:
        return self._error(400, "Malformed JSON request")

    def dispatch(self, request: SandboxRequest) -> SandboxResponse:
        """Route one request; refusals raised by handlers become error answers."""
        try:
            return super().dispatch(request)
        except _Problem as exc:
            return self._error(exc.status, exc.message, exc.errors)

    # -- request helpers ------------------------------------------------------------------------
    @staticmethod
    def _json(request: SandboxRequest) -> Any:
        if not request.body:
            raise _Problem(400, "Required request body is missing")
        try:
            return json.loads(request.body, parse_float=Decimal, parse_constant=_no_constants)
        except (ValueError, RecursionError):
            raise _Problem(400, "Malformed JSON request") from None

    def _object(self, request: SandboxRequest, fields: Mapping[str, Check]) -> dict[str, Any]:
        body = self._json(request)
        errors = _problems(body, fields, "")
        if errors:
            raise _Problem(422, "Validation failed", errors)
        assert isinstance(body, dict)
        return body

    def _rows(self, request: SandboxRequest, fields: Mapping[str, Check]) -> list[dict[str, Any]]:
        body = self._json(request)
        if not isinstance(body, list):
            raise _Problem(400, "The request body must be a JSON array of rows")
        if len(body) > self.max_rows:
            raise _Problem(
                413, f"Too many rows in one request: {len(body)} (at most {self.max_rows})"
            )
        errors = [p for i, row in enumerate(body) for p in _problems(row, fields, f"[{i}]")]
        if errors:
            raise _Problem(422, "Validation failed", errors)
        return body

    def _known_client(self, client_id: str) -> dict[str, Any]:
        client = self.clients.get(client_id)
        if client is None:
            raise _Problem(404, "client not found", [_field("clientId", client_id)])
        return client

    def _next(self, prefix: str) -> str:
        self._seq += 1
        return f"{prefix}-{self._seq:06d}"

    @staticmethod
    def _accepted(count: int) -> SandboxResponse:
        return json_response({"accepted": count})

    @staticmethod
    def _created(record_id: str, status: int = 201) -> SandboxResponse:
        return json_response({"id": record_id, "status": "created"}, status)

    # -- stage I -------------------------------------------------------------------------------
    @route("PUT", _ACCOUNT + "/segments/{segmentId}")
    def put_segment(self, request: SandboxRequest) -> SandboxResponse:
        body = self._object(request, SEGMENT)
        segment_id = request.path_params["segmentId"]
        self.segments[segment_id] = {**body, "segmentId": segment_id}
        return json_response({"id": segment_id, "status": "saved"})

    @route("POST", _ACCOUNT + "/warehouses")
    def create_warehouse(self, request: SandboxRequest) -> SandboxResponse:
        body = self._object(request, WAREHOUSE)
        if body["code"] in self.warehouses:
            raise _Problem(409, f"warehouse {body['code']} exists already")
        self.warehouses[body["code"]] = body
        return self._created(body["code"])

    @route("POST", _STOCKS + "/warehouses/{warehouse}/stocks/incremental")
    def push_stocks(self, request: SandboxRequest) -> SandboxResponse:
        warehouse = request.path_params["warehouse"]
        if warehouse not in self.warehouses:
            raise _Problem(404, "warehouse not found", [_field("warehouse", warehouse)])
        rows = self._rows(request, STOCK)
        levels = self.stocks.setdefault(warehouse, {})
        for row in rows:
            levels[row["productCode"]] = row
        return self._accepted(len(rows))

    @route("POST", _ACCOUNT + "/clients")
    def add_clients(self, request: SandboxRequest) -> SandboxResponse:
        rows = self._rows(request, CLIENT)
        for row in rows:
            self.clients[row["clientId"]] = row
        return self._accepted(len(rows))

    @route("PUT", _ACCOUNT + "/clients")
    def update_clients(self, request: SandboxRequest) -> SandboxResponse:
        rows = self._rows(request, CLIENT)
        for row in rows:  # the whole request is refused when one client is unknown
            self._known_client(row["clientId"])
        for row in rows:
            self.clients[row["clientId"]] = {**self.clients[row["clientId"]], **row}
        return self._accepted(len(rows))

    @route("GET", _ACCOUNT + "/clients/{clientId}")
    def get_client(self, request: SandboxRequest) -> SandboxResponse:
        return json_response(self._known_client(request.path_params["clientId"]))

    @route("PUT", _ACCOUNT + "/trade-credits/{organizationId}")
    def put_trade_credit(self, request: SandboxRequest) -> SandboxResponse:
        body = self._object(request, CREDIT)
        organization = request.path_params["organizationId"]
        if not any(c.get("organizationId") == organization for c in self.clients.values()):
            raise _Problem(404, "organization not found")
        payment_date = body.get("paymentDate")
        if payment_date is not None and not _date(payment_date):
            raise _Problem(
                422,
                "Validation failed",
                [{"field": "paymentDate", "message": "must be a date (YYYY-MM-DD)"}],
            )
        self.trade_credits[organization] = body
        return json_response({"id": organization, "status": "saved"})

    @route("PUT", _ACCOUNT + "/client-blockades/{clientId}")
    def put_blockade(self, request: SandboxRequest) -> SandboxResponse:
        body = self._object(request, BLOCKADE)
        client_id = request.path_params["clientId"]
        self._known_client(client_id)
        self.blockades[client_id] = body
        state = "blocked" if body["blocked"] else "active"
        return json_response({"id": client_id, "status": state})

    # -- stage II ------------------------------------------------------------------------------
    @route("POST", "/api/v1/pricing/integrations/auth-required/retail-prices")
    def push_retail(self, request: SandboxRequest) -> SandboxResponse:
        rows = self._rows(request, RETAIL)
        for row in rows:
            self.retail_prices[row["productCode"]] = row
        return self._accepted(len(rows))

    @route("POST", "/api/v1/pricing/integrations/auth-required/prices")
    def push_b2b(self, request: SandboxRequest) -> SandboxResponse:
        rows = self._rows(request, B2B)
        new_lists: dict[str, set[str]] = {}
        for row in rows:
            self._known_client(row["clientId"])
            new_lists.setdefault(row["clientId"], set()).add(row["priceListId"])
        for client_id, lists in new_lists.items():
            total = len(self.price_lists.get(client_id, set()) | lists)
            if total > self.max_price_lists:
                raise _Problem(
                    422,
                    f"price list limit exceeded for client {client_id}: {total} "
                    f"(at most {self.max_price_lists})",
                )
        for row in rows:
            key = (row["clientId"], row["priceListId"], row["productCode"])
            self.b2b_prices[key] = row
            self.price_lists.setdefault(row["clientId"], set()).add(row["priceListId"])
        return self._accepted(len(rows))

    # -- stage III: documents --------------------------------------------------------------------
    @route("POST", _INVOICES)
    def create_invoice(self, request: SandboxRequest) -> SandboxResponse:
        body = self._object(request, INVOICE)
        self._known_client(body["clientId"])
        self.invoices[body["invoiceId"]] = body
        return self._created(body["invoiceId"])

    @route("POST", _INVOICES + "/status")
    def push_invoice_statuses(self, request: SandboxRequest) -> SandboxResponse:
        rows = self._rows(request, INVOICE_STATUS)
        for row in rows:
            if row["invoiceId"] not in self.invoices:
                raise _Problem(404, "invoice not found", [_field("invoiceId", row["invoiceId"])])
        for row in rows:
            self.invoice_statuses[row["invoiceId"]] = row
        return self._accepted(len(rows))

    @route("POST", _NOTES)
    def create_note(self, request: SandboxRequest) -> SandboxResponse:
        body = self._object(request, NOTE)
        self._known_client(body["clientId"])
        self.notes[body["noteId"]] = body
        return self._created(body["noteId"])

    @route("POST", _INVOICES + "/file-upload-begin")
    def invoice_upload_begin(self, request: SandboxRequest) -> SandboxResponse:
        return self._begin(request, "invoice", "invoiceId", self.invoices)

    @route("POST", _INVOICES + "/file-upload-complete")
    def invoice_upload_complete(self, request: SandboxRequest) -> SandboxResponse:
        return self._complete(request, "invoice", "invoiceId", "begin")

    @route("POST", _NOTES + "/file-upload-initialize")
    def note_upload_initialize(self, request: SandboxRequest) -> SandboxResponse:
        return self._begin(request, "note", "noteId", self.notes)

    @route("POST", _NOTES + "/file-upload-finalize")
    def note_upload_finalize(self, request: SandboxRequest) -> SandboxResponse:
        return self._complete(request, "note", "noteId", "initialize")

    def _signature(self, upload_id: str) -> str:
        digest = hmac.new(self._signing_key, upload_id.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    def _begin(
        self, request: SandboxRequest, kind: str, id_field: str, documents: Mapping[str, Any]
    ) -> SandboxResponse:
        body = self._object(request, {id_field: _text, **FILE_START})
        document_id = body[id_field]
        if document_id not in documents:
            raise _Problem(404, f"{kind} not found", [_field(id_field, document_id)])
        if body["contentType"] != "application/pdf":
            raise _Problem(422, "only application/pdf files are accepted")
        upload_id = self._next("UP")
        self.uploads[upload_id] = {
            "kind": kind,
            "documentId": document_id,
            "fileName": body["fileName"],
            "size": int(body["size"]),
            "state": "begun",
        }
        origin = self.storage_url if request.base_url == self.base_url else request.base_url
        query = urlencode({"X-Amz-Expires": "900", "X-Amz-Signature": self._signature(upload_id)})
        url = f"{origin}{_STORAGE_PREFIX}{kind}s/{upload_id}?{query}"
        return json_response(
            {"uploadId": upload_id, "uploadUrl": url, "method": "PUT", "headers": {}}
        )

    def _complete(
        self, request: SandboxRequest, kind: str, id_field: str, first_step: str
    ) -> SandboxResponse:
        body = self._object(request, {id_field: _text})
        document_id = body[id_field]
        upload_id = body.get("uploadId")
        candidates = [
            (uid, upload)
            for uid, upload in self.uploads.items()
            if upload["kind"] == kind
            and upload["documentId"] == document_id
            and upload["state"] != "complete"
            and (upload_id is None or uid == upload_id)
        ]
        if not candidates:
            raise _Problem(
                409, f"no upload was started for {kind} {document_id}: call {first_step} first"
            )
        uid, upload = candidates[-1]
        if upload["state"] != "uploaded":
            raise _Problem(409, f"the file of upload {uid} has not been uploaded yet")
        upload["state"] = "complete"
        self.files[(kind, document_id)] = upload.pop("data")
        return json_response({"id": uid, "status": "complete"})

    @route("PUT", _STORAGE_PREFIX + "{bucket}/{uploadId}")
    def storage_put(self, request: SandboxRequest) -> SandboxResponse:
        """The object store behind the presigned URLs: no bearer token, a signed query."""
        if request.header("authorization") is not None:
            raise _Problem(
                400,
                "Only one auth mechanism allowed; only the X-Amz-Signature query parameter "
                "is accepted",
            )
        upload_id = request.path_params["uploadId"]
        upload = self.uploads.get(upload_id)
        signature = request.param("X-Amz-Signature") or ""
        if upload is None or not hmac.compare_digest(signature, self._signature(upload_id)):
            raise _Problem(403, "SignatureDoesNotMatch")
        if upload["state"] == "complete":
            raise _Problem(409, "the upload is complete")
        if not request.body:
            raise _Problem(400, "empty body")
        upload["data"] = request.body
        upload["state"] = "uploaded"
        etag = hashlib.md5(request.body, usedforsecurity=False).hexdigest()
        return SandboxResponse(200, b"", {"etag": f'"{etag}"'})

    # -- stage III: orders ---------------------------------------------------------------------
    @route("GET", _ACCOUNT + "/order/shipment")
    def pending_shipments(self, request: SandboxRequest) -> SandboxResponse:
        return json_response(list(self.pending.values()))

    @route("POST", _ACCOUNT + "/order/status")
    def push_order_status(self, request: SandboxRequest) -> SandboxResponse:
        rows = self._rows(request, ORDER_STATUS)
        for row in rows:
            order_id = row["orderId"]
            if order_id not in self.pending and order_id not in self.order_statuses:
                raise _Problem(404, "order not found", [_field("orderId", order_id)])
        for row in rows:
            self.order_statuses[row["orderId"]] = row
            self.pending.pop(row["orderId"], None)
        return self._accepted(len(rows))

    @route("POST", "/api/v1/orders/integrations/auth-required/offline-order/shipment")
    def create_offline_order(self, request: SandboxRequest) -> SandboxResponse:
        body = self._object(request, OFFLINE_ORDER)
        self._known_client(body["clientId"])
        self.offline_orders[body["orderId"]] = body
        return self._created(body["orderId"])

    # -- OAuth2 client credentials (for clients made with oauth=) --------------------------------
    @route("POST", "/oauth/token")
    def token(self, request: SandboxRequest) -> SandboxResponse:
        header = request.header("authorization") or ""
        form = dict(parse_qsl(request.body.decode("utf-8", "replace")))
        expected = base64.b64encode(
            f"{self.OAUTH_CLIENT_ID}:{self.OAUTH_CLIENT_SECRET}".encode()
        ).decode()
        if form.get("grant_type") != "client_credentials":
            return json_response({"error": "unsupported_grant_type"}, 400)
        if not hmac.compare_digest(header, f"Basic {expected}"):
            return json_response({"error": "invalid_client"}, 401)
        token = "oauth-" + secrets.token_urlsafe(16)
        self.tokens.add(token)
        return json_response({"access_token": token, "token_type": "Bearer", "expires_in": 3600})


def _field(name: str, message: str) -> dict[str, str]:
    return {"field": name, "message": message}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)
