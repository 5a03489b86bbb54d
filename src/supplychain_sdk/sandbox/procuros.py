"""A stateful Procuros API v2 fake: connections, incoming queues, sending, errors, paging.

    from supplychain_sdk.sandbox.procuros import ProcurosSandbox

    sandbox = ProcurosSandbox()          # one connection, seeded with all twelve documents
    client = sandbox.client()            # a Procuros client mounted on it (sync)
    for tx in client.incoming.list():
        client.incoming.mark_processed(tx.procuros_transaction_id, success=True)

Each API token is one ERP connection with its own incoming queue and transaction history.
Trade partners "send" you documents with `ProcurosSandbox.deliver`.
"""

from __future__ import annotations

import base64
import copy
import datetime as dt
import json
import random
import uuid
from collections.abc import Callable, Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

import attrs
from pydantic import BaseModel, ValidationError

from ._framework import Sandbox, SandboxRequest, SandboxResponse, json_response, route

if TYPE_CHECKING:
    from ..procuros import AsyncProcuros, Procuros

__all__ = ["Connection", "ProcurosSandbox", "StoredTransaction", "example_documents"]

TRANSACTION_TYPES = (
    "ORDER",
    "ORDER_RESPONSE",
    "SHIPPING_NOTICE",
    "INVOICE",
    "CREDIT_NOTE",
    "DISPATCH_INSTRUCTION",
    "DISPATCH_INSTRUCTION_RESPONSE",
    "RECEIVAL_NOTICE",
    "REMITTANCE_ADVICE",
    "PRODUCT_CATALOG",
    "INVENTORY_REPORT",
    "SALES_REPORT",
)
FLOWS = ("LIVE", "TEST")
STATUSES = ("PENDING", "SUCCESS", "FAILED", "DROPPED", "UNKNOWN")
ERROR_TYPES = ("DATA", "INTERNAL")
PORTAL = "https://portal.procuros.sandbox.invalid"
INVALID = "The given data was invalid."


def example_documents() -> dict[str, list[dict[str, Any]]]:
    """The spec's own example documents, by transaction type (``{"name", "content"}``)."""
    text = resources.files(__package__).joinpath("_data/procuros_examples.json").read_text()
    data: dict[str, list[dict[str, Any]]] = json.loads(text)
    return data


@attrs.define
class StoredTransaction:
    """One transaction as the fake keeps it."""

    id: str
    seq: int
    type: str
    content: dict[str, Any]
    flow: str
    status: str
    created_at: dt.datetime
    direction: Literal["incoming", "outgoing"]
    processed: dict[str, Any] | None = None

    def received(self) -> dict[str, Any]:
        """As ``GET /v2/transactions`` lists it."""
        return {"procurosTransactionId": self.id, "type": self.type, "content": self.content}

    def full(self) -> dict[str, Any]:
        """As ``GET /v2/all-transactions`` lists it."""
        return {
            "procurosTransactionId": self.id,
            "type": self.type,
            "status": self.status,
            "flow": self.flow,
            "createdAt": self.created_at.isoformat(timespec="seconds"),
            "content": self.content,
        }


@attrs.define
class Connection:
    """An ERP connection: its token, flow, incoming queue, history and reported errors."""

    token: str = attrs.field(repr=False)
    flow: str = "LIVE"
    transactions: dict[str, StoredTransaction] = attrs.field(factory=dict)
    errors: list[dict[str, Any]] = attrs.field(factory=list)

    @property
    def incoming(self) -> list[StoredTransaction]:
        """Incoming transactions not processed yet, oldest first."""
        return [
            t for t in self.transactions.values() if t.direction == "incoming" and not t.processed
        ]


class ProcurosSandbox(Sandbox):
    """Stateful fake of the Procuros API v2.

    Args:
        tokens: API tokens of the connections to create (each seeded when ``seed``).
        seed: put one example document of each of the twelve types in every new
            connection's incoming queue.
        flow: the flow (``LIVE``/``TEST``) of the connections created here.
        next_page: ``"cursor"`` answers with ``nextCursor`` and ``nextPageUrl``;
            ``"url"`` with ``nextPageUrl`` only (as some API versions do).
        queue_sends: answer ``POST /v2/transactions`` with ``202 Accepted`` instead of 201.
        clock: the time stamped on new transactions.
    """

    base_url = "https://api.procuros.sandbox.invalid"
    #: The token of the default connection.
    DEFAULT_TOKEN = "sandbox-procuros-token"

    def __init__(
        self,
        tokens: tuple[str, ...] = (DEFAULT_TOKEN,),
        *,
        seed: bool = True,
        flow: Literal["LIVE", "TEST"] = "LIVE",
        next_page: Literal["cursor", "url"] = "cursor",
        queue_sends: bool = False,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__()
        self.connections: dict[str, Connection] = {}
        self.next_page = next_page
        self.queue_sends = queue_sends
        self._clock = clock or (lambda: dt.datetime.now(dt.timezone.utc).replace(microsecond=0))
        self._rng = random.Random(20240101)
        self._seq = 0
        for token in tokens:
            self.add_connection(token, flow=flow, seed=seed)

    # -- setup --------------------------------------------------------------------------------
    def add_connection(
        self, token: str, *, flow: Literal["LIVE", "TEST"] = "LIVE", seed: bool = True
    ) -> Connection:
        """Create a connection for ``token`` (seeded with the twelve example documents)."""
        with self.lock:
            connection = Connection(token=token, flow=flow)
            self.connections[token] = connection
            if seed:
                examples = example_documents()
                for tx_type in TRANSACTION_TYPES:
                    self.deliver(tx_type, examples[tx_type][0]["content"], token=token)
            return connection

    def deliver(
        self,
        transaction_type: str,
        content: Mapping[str, Any] | BaseModel,
        *,
        token: str | None = None,
    ) -> str:
        """A trade partner sends you a document: it lands in the incoming queue. Returns its id."""
        if transaction_type not in TRANSACTION_TYPES:
            raise ValueError(f"unknown transaction type {transaction_type!r}")
        if isinstance(content, BaseModel):
            content = content.model_dump(mode="json", by_alias=True, exclude_unset=True)
        with self.lock:
            connection = self.connections[token or self.DEFAULT_TOKEN]
            stored = self._store(connection, transaction_type, dict(content), "incoming", "PENDING")
            return stored.id

    def _store(
        self,
        connection: Connection,
        tx_type: str,
        content: dict[str, Any],
        direction: Any,
        status: str,
    ) -> StoredTransaction:
        self._seq += 1
        stored = StoredTransaction(
            id=str(uuid.UUID(int=self._rng.getrandbits(128), version=4)),
            seq=self._seq,
            type=tx_type,
            content=copy.deepcopy(content),
            flow=connection.flow,
            status=status,
            created_at=self._clock(),
            direction=direction,
        )
        connection.transactions[stored.id] = stored
        return stored

    def client(self, token: str | None = None, **options: Any) -> Procuros:
        """A sync ``Procuros`` client mounted on this fake."""
        from ..procuros import Procuros

        return self.mount(Procuros, token or self.DEFAULT_TOKEN, **options)

    def async_client(self, token: str | None = None, **options: Any) -> AsyncProcuros:
        """An ``AsyncProcuros`` client mounted on this fake."""
        from ..procuros import AsyncProcuros

        return self.mount(AsyncProcuros, token or self.DEFAULT_TOKEN, **options)

    # -- framework hooks ------------------------------------------------------------------------
    def error(self, request: SandboxRequest, status: int, message: str) -> SandboxResponse:
        """Procuros' error shape: ``{"message"}``, and on a client error (4xx) the
        ``errorUrl`` on the Procuros Portal the spec requires (``ClientErrorResponse``)."""
        body: dict[str, Any] = {"message": message}
        if 400 <= status < 500:
            body["errorUrl"] = f"{PORTAL}/errors/{uuid.uuid4()}"
        return json_response(body, status)

    def authenticate(self, request: SandboxRequest) -> SandboxResponse | None:
        header = request.header("authorization") or ""
        token = header[7:] if header.lower().startswith("bearer ") else None
        if token not in self.connections:
            return self.error(request, 401, "Unauthenticated.")
        return None

    def _connection(self, request: SandboxRequest) -> Connection:
        return self.connections[(request.header("authorization") or "")[7:]]

    def not_found(self, request: SandboxRequest) -> SandboxResponse:
        return self.error(request, 404, f"The route {request.path} could not be found.")

    def method_not_allowed(self, request: SandboxRequest) -> SandboxResponse:
        return self.error(
            request, 405, f"The {request.method} method is not supported for route {request.path}."
        )

    def bad_json(self, request: SandboxRequest) -> SandboxResponse:
        return self.error(request, 400, "The request body is not valid JSON.")

    # -- helpers --------------------------------------------------------------------------------
    @staticmethod
    def _invalid(errors: Mapping[str, list[str]], *, error_url: bool = False) -> SandboxResponse:
        body: dict[str, Any] = {"message": INVALID, "errors": dict(errors)}
        if error_url:
            body["errorUrl"] = f"{PORTAL}/errors/{uuid.uuid4()}"
        return json_response(body, 422)

    @staticmethod
    def _encode_cursor(seq: int) -> str:
        return base64.urlsafe_b64encode(f"seq:{seq}".encode()).decode().rstrip("=")

    @staticmethod
    def _decode_cursor(cursor: str) -> int | None:
        try:
            text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        except (ValueError, UnicodeDecodeError):
            return None
        kind, _, value = text.partition(":")
        return int(value) if kind == "seq" and value.isdigit() else None

    def _page(
        self,
        request: SandboxRequest,
        items: list[StoredTransaction],
        render: Callable[[StoredTransaction], dict[str, Any]],
        filters: Mapping[str, str],
    ) -> SandboxResponse:
        errors: dict[str, list[str]] = {}
        per_page_text = request.param("per_page", "100") or "100"
        per_page = int(per_page_text) if per_page_text.isdigit() else 0
        if not 1 <= per_page <= 100:
            errors["per_page"] = ["The per page field must be between 1 and 100."]
        after = 0
        cursor = request.param("cursor")
        if cursor:
            decoded = self._decode_cursor(cursor)
            if decoded is None:
                errors["cursor"] = ["The cursor is invalid."]
            else:
                after = decoded
        if errors:
            return self._invalid(errors)
        remaining = [t for t in items if t.seq > after]
        page, more = remaining[:per_page], len(remaining) > per_page
        next_cursor = self._encode_cursor(page[-1].seq) if more else None
        next_url = (
            request.url_for(request.path, cursor=next_cursor, per_page=per_page, **filters)
            if next_cursor
            else None
        )
        return json_response(
            {
                "items": [render(t) for t in page],
                "hasMore": more,
                "perPage": per_page,
                "count": len(page),
                "nextCursor": next_cursor if self.next_page == "cursor" else None,
                "nextPageUrl": next_url,
            }
        )

    @staticmethod
    def _check_enum(
        request: SandboxRequest, name: str, allowed: tuple[str, ...], errors: dict[str, list[str]]
    ) -> str | None:
        value = request.param(name)
        if value is not None and value not in allowed:
            errors[name] = [f"The selected {name} is invalid."]
        return value

    @staticmethod
    def _processed_errors(body: Any, prefix: str = "") -> dict[str, list[str]]:
        errors: dict[str, list[str]] = {}
        if not isinstance(body, Mapping):
            return {prefix.rstrip(".") or "body": ["The body must be an object."]}
        if not isinstance(body.get("success"), bool):
            errors[f"{prefix}success"] = ["The success field is required and must be a boolean."]
        if "errorReason" in body and not isinstance(body["errorReason"], str):
            errors[f"{prefix}errorReason"] = ["The error reason must be a string."]
        if "errorType" in body and body["errorType"] not in ERROR_TYPES:
            errors[f"{prefix}errorType"] = ["The selected error type is invalid."]
        context = body.get("errorContext")
        if context is not None and (
            not isinstance(context, Mapping)
            or not all(isinstance(v, str) for v in context.values())
        ):
            errors[f"{prefix}errorContext"] = ["The error context must map strings to strings."]
        return errors

    def _mark(self, stored: StoredTransaction, body: Mapping[str, Any]) -> dict[str, Any]:
        stored.processed = {k: body[k] for k in body if k != "procurosTransactionId"}
        stored.status = "SUCCESS" if body["success"] else "FAILED"
        answer: dict[str, Any] = {"message": "OK."}
        if not body["success"]:
            answer["errorUrl"] = f"{PORTAL}/transactions/{stored.id}/errors"
        return answer

    # -- routes ---------------------------------------------------------------------------------
    @route("GET", "/v2/ping")
    def ping(self, request: SandboxRequest) -> SandboxResponse:
        return SandboxResponse(status=204)

    @route("GET", "/v2/transactions")
    def list_incoming(self, request: SandboxRequest) -> SandboxResponse:
        errors: dict[str, list[str]] = {}
        tx_type = self._check_enum(request, "filter[type]", TRANSACTION_TYPES, errors)
        if errors:
            return self._invalid(errors)
        items = [
            t for t in self._connection(request).incoming if tx_type is None or t.type == tx_type
        ]
        filters = {"filter[type]": tx_type} if tx_type else {}
        return self._page(request, items, StoredTransaction.received, filters)

    @route("PUT", "/v2/transactions/{transaction_id}")
    def mark_processed(self, request: SandboxRequest) -> SandboxResponse:
        body = request.json()
        errors = self._processed_errors(body)
        if errors:
            return self._invalid(errors)
        stored = self._connection(request).transactions.get(request.path_params["transaction_id"])
        if stored is None or stored.direction != "incoming":
            return json_response({"message": "Transaction not found."}, 404)
        return json_response({"data": self._mark(stored, body)})

    @route("POST", "/v2/transactions/bulk/mark-processed")
    def bulk_mark_processed(self, request: SandboxRequest) -> SandboxResponse:
        body = request.json()
        items = body.get("items") if isinstance(body, Mapping) else None
        if not isinstance(items, list) or not 1 <= len(items) <= 1000:
            return self._invalid({"items": ["The items field must have between 1 and 1000 items."]})
        connection = self._connection(request)
        errors: dict[str, list[str]] = {}
        for index, item in enumerate(items):
            errors.update(self._processed_errors(item, f"items.{index}."))
            tx_id = item.get("procurosTransactionId") if isinstance(item, Mapping) else None
            stored = connection.transactions.get(tx_id) if isinstance(tx_id, str) else None
            if stored is None or stored.direction != "incoming":
                errors[f"items.{index}.procurosTransactionId"] = [
                    "The selected transaction is invalid."
                ]
        if errors:
            return self._invalid(errors)
        data = []
        for item in items:
            answer = self._mark(connection.transactions[item["procurosTransactionId"]], item)
            data.append({"procurosTransactionId": item["procurosTransactionId"], **answer})
        return json_response({"data": data})

    @route("POST", "/v2/transactions")
    def send(self, request: SandboxRequest) -> SandboxResponse:
        from .._core.checks import field_errors
        from ..procuros._params import SENT_CLASSES

        body = request.json()
        tx_type = body.get("type") if isinstance(body, Mapping) else None
        if tx_type not in TRANSACTION_TYPES:
            return self._invalid(
                {"type": [f'Transaction type "{tx_type}" is not valid']}, error_url=True
            )
        from ..procuros._models import TransactionType

        try:
            SENT_CLASSES[TransactionType(tx_type)].model_validate(body)
        except ValidationError as exc:
            return self._invalid(field_errors(exc), error_url=True)
        connection = self._connection(request)
        stored = self._store(connection, tx_type, body["content"], "outgoing", "SUCCESS")
        if self.queue_sends:
            return json_response({"message": "Transaction accepted and queued."}, 202)
        return json_response({"procurosTransactionId": stored.id}, 201)

    @route("POST", "/v2/errors")
    def report_error(self, request: SandboxRequest) -> SandboxResponse:
        body = request.json()
        errors: dict[str, list[str]] = {}
        if not isinstance(body, Mapping):
            return self._invalid({"body": ["The body must be an object."]})
        if not isinstance(body.get("errorReason"), str) or not body["errorReason"]:
            errors["errorReason"] = ["The error reason field is required."]
        if body.get("errorType") not in ERROR_TYPES:
            errors["errorType"] = ["The selected error type is invalid."]
        if "transactionType" in body and body["transactionType"] not in TRANSACTION_TYPES:
            errors["transactionType"] = ["The selected transaction type is invalid."]
        if errors:
            return self._invalid(errors)
        error_id = str(uuid.UUID(int=self._rng.getrandbits(128), version=4))
        self._connection(request).errors.append({"id": error_id, **body})
        return json_response(
            {"message": "Error reported.", "errorUrl": f"{PORTAL}/errors/{error_id}"}, 201
        )

    @route("GET", "/v2/all-transactions")
    def list_all(self, request: SandboxRequest) -> SandboxResponse:
        errors: dict[str, list[str]] = {}
        tx_type = self._check_enum(request, "filter[type]", TRANSACTION_TYPES, errors)
        flow = self._check_enum(request, "filter[flow]", FLOWS, errors)
        status = self._check_enum(request, "filter[status]", STATUSES, errors)
        between = request.param("filter[created_between]")
        start = end = None
        if between is not None:
            try:
                first, second = between.split(",")
                start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(second)
            except ValueError:
                errors["filter[created_between]"] = ["Use the format YYYY-MM-DD,YYYY-MM-DD."]
        if errors:
            return self._invalid(errors)
        items = [
            t
            for t in self._connection(request).transactions.values()
            if (tx_type is None or t.type == tx_type)
            and (flow is None or t.flow == flow)
            and (status is None or t.status == status)
            and (start is None or end is None or start <= t.created_at.date() <= end)
        ]
        filters = {
            k: v
            for k, v in {
                "filter[type]": tx_type,
                "filter[flow]": flow,
                "filter[status]": status,
                "filter[created_between]": between,
            }.items()
            if v is not None
        }
        return self._page(request, items, StoredTransaction.full, filters)

    @route("GET", "/v2/all-transactions/{transaction_id}")
    def show(self, request: SandboxRequest) -> SandboxResponse:
        stored = self._connection(request).transactions.get(request.path_params["transaction_id"])
        if stored is None:
            return json_response({"message": "Transaction not found."}, 404)
        return json_response({"data": stored.full()})
