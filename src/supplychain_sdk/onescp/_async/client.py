"""The ONESCP client: ``AsyncOneScp`` here, ``OneScp`` generated from it into ``_sync``."""

from __future__ import annotations

import builtins
import datetime as dt
import io
import os
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from functools import cached_property
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Generic, TypeVar, cast, overload

from ..._core._async.client import AsyncAPIClient, AsyncAPIResource
from ..._core._async.pager import AsyncPager
from ..._core.auth import TokenProvider
from ..._core.checkpoint import Checkpoint
from ..._core.checks import int_or_none
from ..._core.config import ClientConfig
from ..._core.decoding import cast as cast_to
from ..._core.endpoint import endpoint
from ..._core.errors import (
    APIStatusError,
    InvalidRequestError,
    PaginationError,
    ResponseDecodeError,
)
from ..._core.models import APIModel
from ..._core.paths import path
from ..._core.request import RequestSpec
from .. import _models as m
from .. import _params as p
from .._auth import OneScpLoginAuth, resolve_auth
from .._errors import ONESCP

if TYPE_CHECKING:
    from typing_extensions import Self, Unpack

    from ..._core.config import ClientOptions

__all__ = [
    "AsyncAuth",
    "AsyncCarriers",
    "AsyncDeltaSync",
    "AsyncItems",
    "AsyncOneScp",
    "AsyncOrderDocuments",
    "AsyncOrderLines",
    "AsyncOrders",
    "AsyncShipmentContainers",
    "AsyncShipmentDocuments",
    "AsyncShipments",
    "AsyncSuppliers",
    "AsyncTasks",
    "AsyncWebhookSubscriptions",
]

M = TypeVar("M", bound=APIModel)

#: The production API (the document writes it with ``http://``; the SDK uses TLS).
DEFAULT_BASE_URL = "https://api.onescp.com"
#: ``upsert_from_erp`` sends this many rows per request unless told otherwise.
DEFAULT_BATCH_SIZE = 100

ORDERS = "/api/purchase-order"
SHIPMENTS = "/api/shipment"
ITEMS = "/api/items"
TASKS = "/api/task"
SUBSCRIPTIONS = "/api/webhooks/subscriptions"


async def _entity(client: AsyncAPIClient, spec: RequestSpec, key: str, tp: type[M]) -> M:
    """Send ``spec`` and return the ``key`` entity of the answer envelope, typed."""
    response, body = await client._send(spec)
    return p.unwrap(response, body, key, tp)  # type: ignore[no-any-return]


def _pager(
    client: AsyncAPIClient,
    list_path: str,
    key: str,
    item_type: type[M],
    params: Mapping[str, Any],
    *,
    page: int | None,
    limit: int | None,
    max_items: int | None,
) -> AsyncPager[M]:
    size = p.page_size(limit)
    start = p.positive_int(page, "page")
    return client._paginate(
        RequestSpec(method="GET", path=list_path, params=params),
        strategy=p.envelope_pagination(size),
        item_type=item_type,
        items=p.items_of(key),
        start=start,
        limit=p.positive_int(max_items, "max_items"),
    )


# -- delta sync -----------------------------------------------------------------------------------


class AsyncDeltaSync(Generic[M]):
    """The changes of one entity since a position, page by page, as typed changes.

    Iterate it (``async for change in ...``) to get `Created`, `Updated` and `Deleted` changes,
    page by page (created, then updated, then deleted within a page). Nothing is requested
    until you iterate; each iteration is one run that starts from the checkpoint (or
    ``since``).

    With a checkpoint, the position is saved only after a page was fully consumed, that is
    when you ask for the first change after it (or the iteration ends): a run that stops or
    crashes in the middle of a page resumes at the start of that page, so no change is ever
    skipped, but the changes of that page already handled are delivered again
    (at-least-once: make your handling idempotent, e.g. an upsert by ``_id``).

    Attributes:
        last_sync_timestamp: the ``since`` for the next run (the ``lastSyncTimestamp`` of
            the run's first page), once a page was fetched.
        complete: whether the last run reached the end (``hasMore`` false).
    """

    def __init__(
        self,
        client: AsyncAPIClient,
        sync_path: str,
        model: type[M],
        *,
        since: dt.datetime | dt.date | str | None,
        limit: int,
        checkpoint: Checkpoint | None,
    ) -> None:
        self._client = client
        self._path = sync_path
        self._model = model
        self._since = p.since_value(since)
        size = p.positive_int(limit, "limit", maximum=p.MAX_SYNC_LIMIT)
        if size is None:
            raise InvalidRequestError(f"limit must be from 1 to {p.MAX_SYNC_LIMIT}")
        self._limit: int = size
        if checkpoint is not None and not isinstance(checkpoint, Checkpoint):
            raise InvalidRequestError(
                "checkpoint must have load() and save(position) (e.g. FileCheckpoint)"
            )
        self._checkpoint = checkpoint
        self.last_sync_timestamp: str | None = None
        self.complete = False
        self._yielded = 0

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self._path}, checkpoint={self._checkpoint!r}, "
            f"yielded={self._yielded})"
        )

    def _save(self, position: str | None) -> None:
        if self._checkpoint is not None and position is not None:
            self._checkpoint.save(position)

    async def _page(self, since: str | None, page: int) -> tuple[list[m.Change[M]], bool, Any]:
        params: dict[str, Any] = {"since": since, "page": page, "limit": self._limit}
        response, body = await self._client._send(
            RequestSpec(method="GET", path=self._path, params=params)
        )
        method, url = response.request.method, str(response.request.url)
        status = response.status_code
        if not isinstance(body, Mapping):
            raise ResponseDecodeError(
                method=method, url=url, status_code=status, reason="the answer is not an object"
            )
        records = list[self._model]  # type: ignore[name-defined]
        created: list[M] = cast_to(
            records, body.get("created") or [], method=method, url=url, status=status
        )
        updated: list[M] = cast_to(
            records, body.get("updated") or [], method=method, url=url, status=status
        )
        changes: list[m.Change[M]] = [m.Created(record) for record in created]
        changes.extend(m.Updated(record) for record in updated)
        for entry in body.get("deleted") or []:
            record_id = entry.get("_id") if isinstance(entry, Mapping) else None
            if not isinstance(record_id, str):
                raise ResponseDecodeError(
                    method=method, url=url, status_code=status, reason="a deleted entry lacks _id"
                )
            deleted_at = entry.get("deletedAt")
            changes.append(m.Deleted(record_id, str(deleted_at) if deleted_at else None))
        more = body.get("hasMore") is True
        info = body.get("pagination")
        info = info if isinstance(info, Mapping) else {}
        total, per_page = int_or_none(info.get("total")), int_or_none(info.get("limit"))
        if more and total is not None:
            # never page past what the server counted (with the page size it says it used)
            more = page * (per_page or self._limit) < total
        if more and not changes:
            raise PaginationError(
                f"the API says hasMore but page {page} of {self._path} is empty; stopping "
                "without saving a position, so the next run repeats this one"
            )
        return changes, more, body.get("lastSyncTimestamp")

    async def __aiter__(self) -> AsyncIterator[m.Change[M]]:
        stored = self._checkpoint.load() if self._checkpoint is not None else None
        if stored is not None:
            since, page, next_since = p.decode_position(stored)
        else:
            since, page, next_since = self._since, 1, None
        self.last_sync_timestamp = next_since
        self.complete = False
        self._yielded = 0
        while True:
            changes, more, reported = await self._page(since, page)
            if next_since is None and isinstance(reported, str) and reported:
                # The first page's timestamp: later pages may report later times, and a
                # change made during the run to a record on an earlier page would be
                # skipped by starting the next run there.
                next_since = self.last_sync_timestamp = reported
            for change in changes:
                yield change
                self._yielded += 1
            # The consumer asked for more: this page is fully consumed.
            if not more:
                self.complete = True
                self._save(next_since or since)
                return
            page += 1
            self._save(p.encode_position(since, page, next_since))


# -- resources ------------------------------------------------------------------------------------


class AsyncAuth(AsyncAPIResource):
    """The login behind email/password clients."""

    @endpoint("POST", "/api/auth/login")
    async def login(self) -> m.User:
        """Log in now and return the user; the token is kept for the following calls.

        Only for clients made with ``email``/``password`` (others raise
        ``InvalidRequestError``). Logging in is otherwise automatic: the client logs in
        before its first call, again shortly before the token's ``exp``, and once on a 401.
        """
        auth = self._client.config.auth
        if not isinstance(auth, OneScpLoginAuth):
            raise InvalidRequestError(
                "auth.login() needs a client made with email= and password=; this client "
                "sends an API key or a token, which need no login"
            )
        anonymous = self._client.with_options(auth=None)
        response, body = await anonymous._send(
            RequestSpec(
                method="POST", path="/api/auth/login", json=auth.login_payload(), idempotent=True
            )
        )
        self._client._last_response = anonymous.last_response
        user: m.User = p.unwrap(response, body, "user", m.User)
        try:
            auth.accept(body)
        except (KeyError, TypeError, ValueError):
            raise ResponseDecodeError(
                method="POST",
                url=str(response.request.url),
                status_code=response.status_code,
                reason="the login answer has no token",
            ) from None
        return user

    @property
    def user(self) -> m.User | None:
        """The user of the latest login (automatic or explicit), without a request."""
        auth = self._client.config.auth
        login = auth.last_login if isinstance(auth, OneScpLoginAuth) else None
        user = login.get("user") if isinstance(login, Mapping) else None
        return m.User.model_validate(user) if isinstance(user, Mapping) else None


class _DocumentsBase(AsyncAPIResource):
    _base = ""
    _owner = ""

    async def _upload(
        self,
        owner_id: str,
        file: p.FileInput,
        *,
        type: m.DocumentType | str,
        name: str | None,
        description: str | None,
        filename: str | None,
        content_type: str | None,
    ) -> m.Document:
        url = path(self._base + "/{id}/documents", id=p.object_id(owner_id, self._owner))
        doc_type = p.required_known(m.DocumentType, type, "type")
        data = p.fields(
            None,
            {
                "type": doc_type.value,
                "name": p.optional_text(name, "name"),
                "description": p.optional_text(description, "description"),
            },
        )
        upload = p.upload(file, filename=filename, content_type=content_type, name="file")
        try:
            return await _entity(
                self._client,
                RequestSpec(method="POST", path=url, data=data, files={"document": upload.part()}),
                "document",
                m.Document,
            )
        finally:
            upload.close()

    async def _list(self, owner_id: str) -> builtins.list[m.Document]:
        url = path(self._base + "/{id}/documents", id=p.object_id(owner_id, self._owner))
        response, body = await self._client._send(RequestSpec(method="GET", path=url))
        return p.unwrap(response, body, "documents", list[m.Document])  # type: ignore[no-any-return]

    async def _delete(self, owner_id: str, document_id: str) -> None:
        url = path(
            self._base + "/{id}/documents/{document_id}",
            id=p.object_id(owner_id, self._owner),
            document_id=p.object_id(document_id, "document_id"),
        )
        await self._client._send(RequestSpec(method="DELETE", path=url))


class AsyncOrderDocuments(_DocumentsBase):
    """Documents attached to a purchase order (invoices, contracts...)."""

    _base = ORDERS
    _owner = "order_id"

    @endpoint("POST", "/api/purchase-order/{id}/documents")
    async def upload(
        self,
        order_id: str,
        file: p.FileInput,
        *,
        type: m.DocumentType | str,
        name: str | None = None,
        description: str | None = None,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> m.Document:
        """Attach a file to an order (``multipart/form-data``).

        Args:
            order_id: the order's ``_id``.
            file: a path, the bytes, or a binary file object (streamed, not read into memory).
            type: ``Invoice``, ``Shipping``, ``Contract``, ``General`` or ``Custom Clearance``.
            name: the document's name (optional).
            description: a description (optional).
            filename: the file name sent; by default the path's or file object's name
                (``"document"`` for bytes).
            content_type: the file's media type; guessed from the file name by default.

        Never retried automatically (a POST could attach the file twice).
        """
        return await self._upload(
            order_id,
            file,
            type=type,
            name=name,
            description=description,
            filename=filename,
            content_type=content_type,
        )

    @endpoint("GET", "/api/purchase-order/{id}/documents")
    async def list(self, order_id: str) -> builtins.list[m.Document]:
        """The documents of an order."""
        return await self._list(order_id)

    @endpoint("DELETE", "/api/purchase-order/{id}/documents/{documentId}")
    async def delete(self, order_id: str, document_id: str) -> None:
        """Remove a document from an order."""
        await self._delete(order_id, document_id)


class AsyncShipmentDocuments(_DocumentsBase):
    """Documents attached to a shipment (bills of lading, customs papers...)."""

    _base = SHIPMENTS
    _owner = "shipment_id"

    @endpoint("POST", "/api/shipment/{id}/documents")
    async def upload(
        self,
        shipment_id: str,
        file: p.FileInput,
        *,
        type: m.DocumentType | str,
        name: str | None = None,
        description: str | None = None,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> m.Document:
        """Attach a file to a shipment (``multipart/form-data``; see the order variant)."""
        return await self._upload(
            shipment_id,
            file,
            type=type,
            name=name,
            description=description,
            filename=filename,
            content_type=content_type,
        )

    @endpoint("GET", "/api/shipment/{id}/documents")
    async def list(self, shipment_id: str) -> builtins.list[m.Document]:
        """The documents of a shipment."""
        return await self._list(shipment_id)

    @endpoint("DELETE", "/api/shipment/{id}/documents/{documentId}")
    async def delete(self, shipment_id: str, document_id: str) -> None:
        """Remove a document from a shipment."""
        await self._delete(shipment_id, document_id)


class AsyncOrderLines(AsyncAPIResource):
    """The lines of a purchase order."""

    @endpoint("POST", "/api/purchase-order/{id}/lines")
    async def add(self, order_id: str, line: m.OrderLineInput | Mapping[str, Any]) -> m.Order:
        """Add a line; returns the updated order.

        ``line`` is an ``OrderLineInput`` or a dict in the API's names (``item`` with at least
        a ``number``, and ``quantity`` are required). Never retried automatically.
        """
        url = path(ORDERS + "/{id}/lines", id=p.object_id(order_id, "order_id"))
        body = p.model_body(m.OrderLineInput, line, "line")
        return await _entity(
            self._client, RequestSpec(method="POST", path=url, json=body), "order", m.Order
        )

    @endpoint("PUT", "/api/purchase-order/{id}/lines/{lineId}")
    async def update(
        self,
        order_id: str,
        line_id: str,
        *,
        quantity: float | None = None,
        prices: m.Prices | Mapping[str, Any] | None = None,
        item: m.OrderItem | Mapping[str, Any] | None = None,
        position: str | None = None,
        description: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> m.Order:
        """Change a line; returns the updated order. Only the fields you pass are sent.

        ``extra`` carries API fields this method does not name.
        """
        url = path(
            ORDERS + "/{id}/lines/{line_id}",
            id=p.object_id(order_id, "order_id"),
            line_id=p.object_id(line_id, "line_id"),
        )
        body = p.fields(
            extra,
            {
                "quantity": p.number(quantity, "quantity"),
                "prices": None if prices is None else p.model_body(m.Prices, prices, "prices"),
                "item": None if item is None else p.model_body(m.OrderItem, item, "item"),
                "position": p.optional_text(position, "position"),
                "description": description,
            },
        )
        p.non_empty(body, "lines.update")
        return await _entity(
            self._client, RequestSpec(method="PUT", path=url, json=body), "order", m.Order
        )

    @endpoint("DELETE", "/api/purchase-order/{id}/lines/{lineId}")
    async def delete(self, order_id: str, line_id: str) -> None:
        """Remove a line from an order."""
        url = path(
            ORDERS + "/{id}/lines/{line_id}",
            id=p.object_id(order_id, "order_id"),
            line_id=p.object_id(line_id, "line_id"),
        )
        await self._client._send(RequestSpec(method="DELETE", path=url))


async def _upsert(
    client: AsyncAPIClient,
    upsert_path: str,
    key: str,
    model: type[M],
    rows: Iterable[Mapping[str, Any] | APIModel],
    batch_size: int,
) -> m.ErpSyncReport[M]:
    size = p.positive_int(batch_size, "batch_size")
    if size is None:
        raise InvalidRequestError("batch_size must be a positive integer")
    checked = p.erp_rows(rows, key)
    created: list[M] = []
    updated: list[M] = []
    errors: list[m.ErpRowError] = []
    sent = 0
    for batch in p.batches(checked, size):
        sent += 1
        try:
            response, body = await client._send(
                RequestSpec(method="POST", path=upsert_path, json={key: batch}, idempotent=True)
            )
        except APIStatusError as exc:
            if exc.status_code >= 500 or exc.status_code in {401, 403, 429}:
                raise
            reason = exc.error_message or str(exc)
            errors.extend(m.ErpRowError(payload=row, message=reason) for row in batch)
            continue
        new, changed, refused = p.erp_answer(body)
        method, url = response.request.method, str(response.request.url)
        status = response.status_code
        records = list[model]  # type: ignore[valid-type]
        created.extend(cast_to(records, new, method=method, url=url, status=status))
        updated.extend(cast_to(records, changed, method=method, url=url, status=status))
        errors.extend(m.ErpRowError.model_validate(error) for error in refused)
    return m.ErpSyncReport(created=created, updated=updated, errors=errors, batches=sent)


class AsyncOrders(AsyncAPIResource):
    """Purchase orders: list, read, create, change, delete; lines, documents, sync, ERP push."""

    @cached_property
    def lines(self) -> AsyncOrderLines:
        """Order lines: add, update, delete."""
        return AsyncOrderLines(self._client)

    @cached_property
    def documents(self) -> AsyncOrderDocuments:
        """Order documents: upload, list, delete."""
        return AsyncOrderDocuments(self._client)

    @endpoint("GET", "/api/purchase-order/allOrders")
    def list(
        self,
        *,
        status: m.OrderStatus | str | None = None,
        supplier: str | None = None,
        date_from: dt.date | dt.datetime | str | None = None,
        date_to: dt.date | dt.datetime | str | None = None,
        page: int | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> AsyncPager[m.Order]:
        """Orders, filtered, as a lazy pager over every page.

        Args:
            status: ``draft``, ``pending``, ``approved``, ``rejected`` or ``completed``.
            supplier: only this supplier (its ONESCP ``_id``).
            date_from: orders from this date (a date, an aware datetime or ISO 8601 text).
            date_to: orders until this date.
            page: start at this page (1-based).
            limit: items per page, as the API names it (its default is 10).
            max_items: stop after this many orders.
        """
        params = {
            "status": p.known(m.OrderStatus, status, "status"),
            "supplier": None if supplier is None else p.object_id(supplier, "supplier"),
            "dateFrom": p.timestamp(date_from, "date_from"),
            "dateTo": p.timestamp(date_to, "date_to"),
        }
        return _pager(
            self._client,
            ORDERS + "/allOrders",
            "orders",
            m.Order,
            params,
            page=page,
            limit=limit,
            max_items=max_items,
        )

    @endpoint("GET", "/api/purchase-order/{id}")
    async def retrieve(self, order_id: str) -> m.Order:
        """One order, with its lines and documents."""
        url = path(ORDERS + "/{id}", id=p.object_id(order_id, "order_id"))
        return await _entity(self._client, RequestSpec(method="GET", path=url), "order", m.Order)

    @endpoint("POST", "/api/purchase-order/create")
    async def create(
        self,
        *,
        supplier: m.OrderSupplierInput | Mapping[str, Any],
        order_lines: Sequence[m.OrderLineInput | Mapping[str, Any]] | None = None,
        delivery_date: dt.date | dt.datetime | str | None = None,
        priority: m.Priority | str | None = None,
        notes: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> m.Order:
        """Create a purchase order; the API assigns its ``purchaseOrderNumber``.

        Args:
            supplier: ``OrderSupplierInput`` or dict (``name`` required; ``email``, ``address``).
            order_lines: the lines (``item.number`` and ``quantity`` required per line).
            delivery_date: the requested delivery date.
            priority: ``p1`` (highest), ``p2`` or ``p3``.
            notes: free text.
            extra: API fields this method does not name.

        Never retried automatically (a POST could create the order twice); to push orders
        idempotently from an ERP use `upsert_from_erp`.
        """
        body = p.fields(
            extra,
            {
                "supplier": p.model_body(m.OrderSupplierInput, supplier, "supplier"),
                "orderLines": None
                if order_lines is None
                else p.model_list(m.OrderLineInput, order_lines, "order_lines"),
                "deliveryDate": p.timestamp(delivery_date, "delivery_date"),
                "priority": p.known(m.Priority, priority, "priority"),
                "notes": notes,
            },
        )
        return await _entity(
            self._client,
            RequestSpec(method="POST", path=ORDERS + "/create", json=body),
            "order",
            m.Order,
        )

    @endpoint("PUT", "/api/purchase-order/{id}")
    async def update(
        self,
        order_id: str,
        *,
        delivery_date: dt.date | dt.datetime | str | None = None,
        priority: m.Priority | str | None = None,
        notes: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> m.Order:
        """Change an order's fields; only the ones you pass are sent. Returns the order."""
        url = path(ORDERS + "/{id}", id=p.object_id(order_id, "order_id"))
        body = p.fields(
            extra,
            {
                "deliveryDate": p.timestamp(delivery_date, "delivery_date"),
                "priority": p.known(m.Priority, priority, "priority"),
                "notes": notes,
            },
        )
        p.non_empty(body, "orders.update")
        return await _entity(
            self._client, RequestSpec(method="PUT", path=url, json=body), "order", m.Order
        )

    @endpoint("PUT", "/api/purchase-order/{id}/status")
    async def update_status(
        self, order_id: str, status: m.OrderStatus | str, *, notes: str | None = None
    ) -> m.Order:
        """Move an order to ``draft``, ``pending``, ``approved``, ``rejected`` or ``completed``."""
        url = path(ORDERS + "/{id}/status", id=p.object_id(order_id, "order_id"))
        body = p.fields(
            None, {"status": p.required_known(m.OrderStatus, status, "status"), "notes": notes}
        )
        return await _entity(
            self._client, RequestSpec(method="PUT", path=url, json=body), "order", m.Order
        )

    @endpoint("DELETE", "/api/purchase-order/{id}")
    async def delete(self, order_id: str) -> None:
        """Delete an order (the API soft-deletes it: syncs report it under ``deleted``)."""
        url = path(ORDERS + "/{id}", id=p.object_id(order_id, "order_id"))
        await self._client._send(RequestSpec(method="DELETE", path=url))

    @endpoint("GET", "/api/purchase-order/sync")
    def sync(
        self,
        *,
        since: dt.datetime | dt.date | str | None = None,
        limit: int = 100,
        checkpoint: Checkpoint | None = None,
    ) -> AsyncDeltaSync[m.Order]:
        """Orders created, updated and deleted since a position, as typed changes.

        Args:
            since: where to start when the checkpoint holds nothing (omitted: a full sync).
            limit: changes per page, 1 to 500 (the API's maximum).
            checkpoint: where the position is loaded from and saved to, e.g.
                ``FileCheckpoint("onescp-orders.json")``; saved after each fully consumed page.

        Returns a lazy `AsyncDeltaSync`: ``async for change in client.orders.sync(...)``.
        """
        return AsyncDeltaSync(
            self._client, ORDERS + "/sync", m.Order, since=since, limit=limit, checkpoint=checkpoint
        )

    @endpoint("POST", "/api/purchase-order/sync-from-erp")
    async def upsert_from_erp(
        self,
        rows: Iterable[Mapping[str, Any] | APIModel],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> m.ErpSyncReport[m.Order]:
        """Create or update orders from your ERP, matched by ``erpId`` (or number + buyer).

        Each row is a dict in the API's names. Every row is checked against the API's ERP
        checklist before the first request: ``purchaseOrderNumber``, ``supplierCompany`` and
        ``supplierId`` (ONESCP ids, 24 hex characters), ``supplierAccountNumber``,
        ``destination`` (an address object), a non-empty ``contactEmail``, and ``lines``
        (not ``orderLines``); all problems are raised at once in ``InvalidRequestError``.
        Rows go in batches of ``batch_size``; the upsert is idempotent, so batches are
        retried on transient failures. The report merges every batch: ``created``,
        ``updated`` and per-row ``errors``; a batch the API refuses as a whole (4xx) puts each
        of its rows in ``errors`` and the other batches still go.
        """
        return await _upsert(
            self._client, ORDERS + "/sync-from-erp", "orders", m.Order, rows, batch_size
        )


class AsyncShipmentContainers(AsyncAPIResource):
    """The containers of a shipment."""

    @endpoint("POST", "/api/shipment/{id}/containers")
    async def add(
        self, shipment_id: str, container: m.ContainerInput | Mapping[str, Any]
    ) -> m.Shipment:
        """Add a container (``container_number`` required); returns the updated shipment."""
        url = path(SHIPMENTS + "/{id}/containers", id=p.object_id(shipment_id, "shipment_id"))
        body = p.model_body(m.ContainerInput, container, "container")
        return await _entity(
            self._client, RequestSpec(method="POST", path=url, json=body), "shipment", m.Shipment
        )

    @endpoint("PATCH", "/api/shipment/{id}/containers/{containerId}")
    async def update(
        self,
        shipment_id: str,
        container_id: str,
        *,
        container_number: str | None = None,
        container_type: str | None = None,
        seal_number: str | None = None,
        weight: float | None = None,
        volume: float | None = None,
        status: str | None = None,
        eta: dt.datetime | dt.date | str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> m.Shipment:
        """Change a container; only the fields you pass are sent. Returns the shipment."""
        url = path(
            SHIPMENTS + "/{id}/containers/{container_id}",
            id=p.object_id(shipment_id, "shipment_id"),
            container_id=p.object_id(container_id, "container_id"),
        )
        body = p.fields(
            extra,
            {
                "containerNumber": p.optional_text(container_number, "container_number"),
                "containerType": container_type,
                "sealNumber": seal_number,
                "weight": p.number(weight, "weight"),
                "volume": p.number(volume, "volume"),
                "status": status,
                "eta": p.timestamp(eta, "eta"),
            },
        )
        p.non_empty(body, "containers.update")
        return await _entity(
            self._client, RequestSpec(method="PATCH", path=url, json=body), "shipment", m.Shipment
        )

    @endpoint("DELETE", "/api/shipment/{id}/containers/{containerId}")
    async def delete(self, shipment_id: str, container_id: str) -> None:
        """Remove a container from a shipment."""
        url = path(
            SHIPMENTS + "/{id}/containers/{container_id}",
            id=p.object_id(shipment_id, "shipment_id"),
            container_id=p.object_id(container_id, "container_id"),
        )
        await self._client._send(RequestSpec(method="DELETE", path=url))


def _shipment_fields(
    *,
    departure_from: str | None,
    departure_city: str | None,
    departure_country_iso2: str | None,
    final_destination: str | None,
    final_destination_city: str | None,
    final_destination_country_iso2: str | None,
    type: str | None,
    carrier: str | None,
    scheduled_delivery_date: dt.date | dt.datetime | str | None,
) -> dict[str, Any]:
    return {
        "departureFrom": departure_from,
        "departureCity": departure_city,
        "departureCountryISO2": p.country(departure_country_iso2, "departure_country_iso2"),
        "finalDestination": final_destination,
        "finalDestinationCity": final_destination_city,
        "finalDestinationCountryISO2": p.country(
            final_destination_country_iso2, "final_destination_country_iso2"
        ),
        "type": type,
        "carrier": carrier,
        "scheduledDeliveryDate": p.timestamp(scheduled_delivery_date, "scheduled_delivery_date"),
    }


class AsyncShipments(AsyncAPIResource):
    """Shipments of order lines: list, read, create, change, status; containers, documents."""

    @cached_property
    def containers(self) -> AsyncShipmentContainers:
        """Shipment containers: add, update, delete."""
        return AsyncShipmentContainers(self._client)

    @cached_property
    def documents(self) -> AsyncShipmentDocuments:
        """Shipment documents: upload, list, delete."""
        return AsyncShipmentDocuments(self._client)

    @endpoint("GET", "/api/shipment")
    def list(
        self,
        *,
        status: m.ShipmentStatus | str | None = None,
        carrier: str | None = None,
        page: int | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> AsyncPager[m.Shipment]:
        """Shipments, filtered, as a lazy pager.

        Args:
            status: ``pending``, ``in_transit``, ``delivered`` or ``cancelled``.
            carrier: only this carrier (by name, e.g. ``"Maersk Line"``).
            page: start at this page (1-based).
            limit: items per page, as the API names it.
            max_items: stop after this many shipments.
        """
        params = {
            "status": p.known(m.ShipmentStatus, status, "status"),
            "carrier": p.optional_text(carrier, "carrier"),
        }
        return _pager(
            self._client,
            SHIPMENTS,
            "shipments",
            m.Shipment,
            params,
            page=page,
            limit=limit,
            max_items=max_items,
        )

    @endpoint("GET", "/api/shipment/{id}")
    async def retrieve(self, shipment_id: str) -> m.Shipment:
        """One shipment, with its containers."""
        url = path(SHIPMENTS + "/{id}", id=p.object_id(shipment_id, "shipment_id"))
        return await _entity(
            self._client, RequestSpec(method="GET", path=url), "shipment", m.Shipment
        )

    @endpoint("POST", "/api/shipment/purchase-orders/{purchaseOrderId}/lines/{lineId}")
    async def create(
        self,
        order_id: str,
        line_id: str,
        *,
        departure_from: str | None = None,
        departure_city: str | None = None,
        departure_country_iso2: str | None = None,
        final_destination: str | None = None,
        final_destination_city: str | None = None,
        final_destination_country_iso2: str | None = None,
        type: str | None = None,
        carrier: str | None = None,
        scheduled_delivery_date: dt.date | dt.datetime | str | None = None,
        containers: Sequence[m.ContainerInput | Mapping[str, Any]] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> m.Shipment:
        """Create a shipment for one line of a purchase order.

        Args:
            order_id: the purchase order's ``_id``.
            line_id: the ``_id`` of the order line shipped.
            departure_from: e.g. ``"Shanghai Port"``; with ``departure_city`` and
                ``departure_country_iso2`` (two letters).
            final_destination: e.g. ``"Los Angeles Port"``; with ``final_destination_city``
                and ``final_destination_country_iso2``.
            type: the transport type, e.g. ``"Ocean"``.
            carrier: the carrier's name.
            scheduled_delivery_date: the planned delivery date.
            containers: ``ContainerInput`` or dicts (``container_number`` required).
            extra: API fields this method does not name.

        Never retried automatically (POST).
        """
        url = path(
            SHIPMENTS + "/purchase-orders/{order_id}/lines/{line_id}",
            order_id=p.object_id(order_id, "order_id"),
            line_id=p.object_id(line_id, "line_id"),
        )
        named = _shipment_fields(
            departure_from=departure_from,
            departure_city=departure_city,
            departure_country_iso2=departure_country_iso2,
            final_destination=final_destination,
            final_destination_city=final_destination_city,
            final_destination_country_iso2=final_destination_country_iso2,
            type=type,
            carrier=carrier,
            scheduled_delivery_date=scheduled_delivery_date,
        )
        named["containers"] = (
            None if containers is None else p.model_list(m.ContainerInput, containers, "containers")
        )
        body = p.fields(extra, named)
        return await _entity(
            self._client, RequestSpec(method="POST", path=url, json=body), "shipment", m.Shipment
        )

    @endpoint("PATCH", "/api/shipment/{id}")
    async def update(
        self,
        shipment_id: str,
        *,
        status: m.ShipmentStatus | str | None = None,
        carrier: str | None = None,
        scheduled_delivery_date: dt.date | dt.datetime | str | None = None,
        departure_from: str | None = None,
        departure_city: str | None = None,
        departure_country_iso2: str | None = None,
        final_destination: str | None = None,
        final_destination_city: str | None = None,
        final_destination_country_iso2: str | None = None,
        type: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> m.Shipment:
        """Change a shipment (PATCH: only the fields you pass). Returns the shipment.

        Not retried automatically (PATCH).
        """
        url = path(SHIPMENTS + "/{id}", id=p.object_id(shipment_id, "shipment_id"))
        named = _shipment_fields(
            departure_from=departure_from,
            departure_city=departure_city,
            departure_country_iso2=departure_country_iso2,
            final_destination=final_destination,
            final_destination_city=final_destination_city,
            final_destination_country_iso2=final_destination_country_iso2,
            type=type,
            carrier=carrier,
            scheduled_delivery_date=scheduled_delivery_date,
        )
        named["status"] = p.known(m.ShipmentStatus, status, "status")
        body = p.fields(extra, named)
        p.non_empty(body, "shipments.update")
        return await _entity(
            self._client, RequestSpec(method="PATCH", path=url, json=body), "shipment", m.Shipment
        )

    @endpoint("PATCH", "/api/shipment/{id}/status")
    async def update_status(self, shipment_id: str, status: m.ShipmentStatus | str) -> m.Shipment:
        """Move a shipment to ``pending``, ``in_transit``, ``delivered`` or ``cancelled``."""
        url = path(SHIPMENTS + "/{id}/status", id=p.object_id(shipment_id, "shipment_id"))
        body = {"status": p.required_known(m.ShipmentStatus, status, "status")}
        return await _entity(
            self._client, RequestSpec(method="PATCH", path=url, json=body), "shipment", m.Shipment
        )

    @endpoint("GET", "/api/shipment/sync")
    def sync(
        self,
        *,
        since: dt.datetime | dt.date | str | None = None,
        limit: int = 100,
        checkpoint: Checkpoint | None = None,
    ) -> AsyncDeltaSync[m.Shipment]:
        """Shipments created, updated and deleted since a position (see ``orders.sync``)."""
        return AsyncDeltaSync(
            self._client,
            SHIPMENTS + "/sync",
            m.Shipment,
            since=since,
            limit=limit,
            checkpoint=checkpoint,
        )

    @endpoint("POST", "/api/shipment/sync-from-erp")
    async def upsert_from_erp(
        self,
        rows: Iterable[Mapping[str, Any] | APIModel],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> m.ErpSyncReport[m.Shipment]:
        """Create or update shipments from your ERP, matched by ``erpId`` or number + order.

        Each row needs ``erpId``, or ``shipmentNumber`` and ``purchaseOrder``; new shipments
        also need ``purchaseOrder`` and ``lineIds`` (ONESCP ids). Batched, retried and
        reported like ``orders.upsert_from_erp``.
        """
        return await _upsert(
            self._client, SHIPMENTS + "/sync-from-erp", "shipments", m.Shipment, rows, batch_size
        )


class AsyncItems(AsyncAPIResource):
    """Items (materials): list, read, create, change, delete, bulk import, export, sync."""

    @endpoint("GET", "/api/items")
    def list(
        self,
        *,
        search: str | None = None,
        category: str | None = None,
        item_status: m.ItemStatus | str | None = None,
        page: int | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> AsyncPager[m.Item]:
        """Items, filtered, as a lazy pager.

        Args:
            search: text searched in name and description.
            category: only this category.
            item_status: ``Pending``, ``Under Approval`` or ``Processed``.
            page: start at this page (1-based).
            limit: items per page, as the API names it.
            max_items: stop after this many items.
        """
        params = {
            "search": p.optional_text(search, "search"),
            "category": p.optional_text(category, "category"),
            "itemStatus": p.known(m.ItemStatus, item_status, "item_status"),
        }
        return _pager(
            self._client,
            ITEMS,
            "items",
            m.Item,
            params,
            page=page,
            limit=limit,
            max_items=max_items,
        )

    @endpoint("GET", "/api/items/{id}")
    async def retrieve(self, item_id: str) -> m.Item:
        """One item."""
        url = path(ITEMS + "/{id}", id=p.object_id(item_id, "item_id"))
        return await _entity(self._client, RequestSpec(method="GET", path=url), "item", m.Item)

    @endpoint("POST", "/api/items")
    async def create(
        self,
        *,
        item_number: str,
        name: str | None = None,
        description: str | None = None,
        category: str | None = None,
        type: m.ItemType | str | None = None,
        material: Mapping[str, Any] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> m.Item:
        """Create an item.

        Args:
            item_number: the item's unique number (a duplicate raises ``ConflictError``).
            name: its name.
            description: its description.
            category: e.g. ``"Electronics"``.
            type: ``Material``, ``Supplier`` or ``Attributes``.
            material: ERP material master fields (``{"MATNR": ..., "MTART": ...}``).
            extra: API fields this method does not name.

        Never retried automatically (POST); `upsert_from_erp` is the idempotent way.
        """
        body = p.fields(
            extra,
            {
                "itemNumber": p.text(item_number, "item_number"),
                "name": name,
                "description": description,
                "category": category,
                "type": p.known(m.ItemType, type, "type"),
                "material": None if material is None else dict(material),
            },
        )
        return await _entity(
            self._client, RequestSpec(method="POST", path=ITEMS, json=body), "item", m.Item
        )

    @endpoint("PUT", "/api/items/{id}")
    async def update(
        self,
        item_id: str,
        *,
        item_number: str | None = None,
        name: str | None = None,
        description: str | None = None,
        category: str | None = None,
        type: m.ItemType | str | None = None,
        item_status: m.ItemStatus | str | None = None,
        material: Mapping[str, Any] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> m.Item:
        """Change an item; only the fields you pass are sent. Returns the item."""
        url = path(ITEMS + "/{id}", id=p.object_id(item_id, "item_id"))
        body = p.fields(
            extra,
            {
                "itemNumber": p.optional_text(item_number, "item_number"),
                "name": name,
                "description": description,
                "category": category,
                "type": p.known(m.ItemType, type, "type"),
                "itemStatus": p.known(m.ItemStatus, item_status, "item_status"),
                "material": None if material is None else dict(material),
            },
        )
        p.non_empty(body, "items.update")
        return await _entity(
            self._client, RequestSpec(method="PUT", path=url, json=body), "item", m.Item
        )

    @endpoint("DELETE", "/api/items/{id}")
    async def delete(self, item_id: str) -> None:
        """Delete an item."""
        url = path(ITEMS + "/{id}", id=p.object_id(item_id, "item_id"))
        await self._client._send(RequestSpec(method="DELETE", path=url))

    @endpoint("POST", "/api/items/bulk-import")
    async def bulk_import(
        self,
        file: p.FileInput,
        *,
        update_existing: bool = False,
        filename: str | None = None,
    ) -> m.BulkImportResult:
        """Import items from a CSV or Excel file (``multipart/form-data``).

        Args:
            file: a path, the bytes, or a binary file object (``.csv``, ``.xlsx`` or ``.xls``).
            update_existing: also update items whose number exists (the API's default: no).
            filename: the file name sent; bytes without one are named ``items.xlsx`` /
                ``items.xls`` when they look like a spreadsheet, else ``items.csv``.

        Returns how many items were imported and updated, and the rows refused. Never
        retried automatically (POST).
        """
        if not isinstance(update_existing, bool):
            raise InvalidRequestError("update_existing must be True or False")
        upload = p.upload(
            file,
            filename=filename,
            content_type=None,
            name="file",
            allowed=p.IMPORT_TYPES,
            name_bytes=p.sniff_import_name,
        )
        try:
            response, body = await self._client._send(
                RequestSpec(
                    method="POST",
                    path=ITEMS + "/bulk-import",
                    data={"updateExisting": "true" if update_existing else "false"},
                    files={"file": upload.part()},
                )
            )
        finally:
            upload.close()
        return cast_to(
            m.BulkImportResult,
            body,
            method=response.request.method,
            url=str(response.request.url),
            status=response.status_code,
        )

    @overload
    async def export(self, *, format: m.ExportFormat | str = ..., to: None = ...) -> bytes: ...

    @overload
    async def export(
        self, *, format: m.ExportFormat | str = ..., to: str | os.PathLike[str] | IO[bytes]
    ) -> int: ...

    @endpoint("GET", "/api/items/export")
    async def export(
        self,
        *,
        format: m.ExportFormat | str = m.ExportFormat.CSV,
        to: str | os.PathLike[str] | IO[bytes] | None = None,
    ) -> bytes | int:
        """Export every item as CSV or Excel.

        Without ``to`` the file's bytes are returned. With ``to`` (a path, or a binary file
        object) the answer is streamed there in chunks and the number of bytes written is
        returned; a path is written to a temporary file first and renamed when the download
        is complete, so it never holds a partial export.
        """
        fmt = p.required_known(m.ExportFormat, format, "format")
        spec = RequestSpec(
            method="GET",
            path=ITEMS + "/export",
            params={"format": fmt.value},
            headers={"Accept": p.EXPORT_ACCEPT[fmt.value]},
        )
        if to is None:
            buffer = io.BytesIO()
            await self._download(spec, buffer)
            return buffer.getvalue()
        if isinstance(to, (str, os.PathLike)):
            target, handle = p.partial_file(to)
            try:
                with handle:
                    written = await self._download(spec, handle)
                p.finish_partial(handle.name, target)
            except BaseException:
                p.discard_partial(handle.name)
                raise
            return written
        if not hasattr(to, "write") or isinstance(to, io.TextIOBase):
            raise InvalidRequestError("to must be a path or a file object opened in 'wb' mode")
        return await self._download(spec, to)

    async def _download(self, spec: RequestSpec, target: IO[bytes]) -> int:
        # The core checks a JSON answer (an error envelope sent with 200) before writing it.
        sink = p.CountingSink(target)
        await self._client._send(spec, sink=cast(BinaryIO, sink))
        return sink.written

    @endpoint("GET", "/api/items/sync")
    def sync(
        self,
        *,
        since: dt.datetime | dt.date | str | None = None,
        limit: int = 100,
        checkpoint: Checkpoint | None = None,
    ) -> AsyncDeltaSync[m.Item]:
        """Items created, updated and deleted since a position (see ``orders.sync``)."""
        return AsyncDeltaSync(
            self._client, ITEMS + "/sync", m.Item, since=since, limit=limit, checkpoint=checkpoint
        )

    @endpoint("POST", "/api/items/sync-from-erp")
    async def upsert_from_erp(
        self,
        rows: Iterable[Mapping[str, Any] | APIModel],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> m.ErpSyncReport[m.Item]:
        """Create or update items from your ERP, matched by ``itemNumber`` (required).

        Batched, retried and reported like ``orders.upsert_from_erp``.
        """
        return await _upsert(
            self._client, ITEMS + "/sync-from-erp", "items", m.Item, rows, batch_size
        )


class AsyncTasks(AsyncAPIResource):
    """Workflow tasks: list, read, create for an order, change, status, accept or reject."""

    @endpoint("GET", "/api/task/allTasks")
    def list(
        self,
        *,
        status: m.TaskStatus | str | None = None,
        priority: m.Priority | str | None = None,
        page: int | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> AsyncPager[m.Task]:
        """Tasks, filtered, as a lazy pager.

        Args:
            status: ``Open``, ``In Progress``, ``Completed`` or ``Rejected``.
            priority: ``p1``, ``p2`` or ``p3``.
            page: start at this page (1-based).
            limit: items per page, as the API names it.
            max_items: stop after this many tasks.
        """
        params = {
            "status": p.known(m.TaskStatus, status, "status"),
            "priority": p.known(m.Priority, priority, "priority"),
        }
        return _pager(
            self._client,
            TASKS + "/allTasks",
            "tasks",
            m.Task,
            params,
            page=page,
            limit=limit,
            max_items=max_items,
        )

    @endpoint("GET", "/api/task/taskid/{id}")
    async def retrieve(self, task_id: str) -> m.Task:
        """One task."""
        url = path(TASKS + "/taskid/{id}", id=p.object_id(task_id, "task_id"))
        return await _entity(self._client, RequestSpec(method="GET", path=url), "task", m.Task)

    @endpoint("POST", "/api/task/{orderId}")
    async def create(
        self,
        order_id: str,
        *,
        title: str,
        description: str | None = None,
        assigned_to: str | None = None,
        priority: m.Priority | str | None = None,
        due_date: dt.datetime | dt.date | str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> m.Task:
        """Create a task about a purchase order.

        Args:
            order_id: the order's ``_id``.
            title: what to do.
            description: details.
            assigned_to: the ``_id`` of the user who should do it.
            priority: ``p1``, ``p2`` or ``p3``.
            due_date: when it is due.
            extra: API fields this method does not name.

        Never retried automatically (POST).
        """
        url = path(TASKS + "/{order_id}", order_id=p.object_id(order_id, "order_id"))
        body = p.fields(
            extra,
            {
                "title": p.text(title, "title"),
                "description": description,
                "assignedTo": None
                if assigned_to is None
                else p.object_id(assigned_to, "assigned_to"),
                "priority": p.known(m.Priority, priority, "priority"),
                "dueDate": p.timestamp(due_date, "due_date"),
            },
        )
        return await _entity(
            self._client, RequestSpec(method="POST", path=url, json=body), "task", m.Task
        )

    @endpoint("PUT", "/api/task/taskid/{id}")
    async def update(
        self,
        task_id: str,
        *,
        title: str | None = None,
        description: str | None = None,
        assigned_to: str | None = None,
        priority: m.Priority | str | None = None,
        due_date: dt.datetime | dt.date | str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> m.Task:
        """Change a task; only the fields you pass are sent. Returns the task."""
        url = path(TASKS + "/taskid/{id}", id=p.object_id(task_id, "task_id"))
        body = p.fields(
            extra,
            {
                "title": p.optional_text(title, "title"),
                "description": description,
                "assignedTo": None
                if assigned_to is None
                else p.object_id(assigned_to, "assigned_to"),
                "priority": p.known(m.Priority, priority, "priority"),
                "dueDate": p.timestamp(due_date, "due_date"),
            },
        )
        p.non_empty(body, "tasks.update")
        return await _entity(
            self._client, RequestSpec(method="PUT", path=url, json=body), "task", m.Task
        )

    @endpoint("PUT", "/api/task/taskid/{id}")
    async def update_status(self, task_id: str, status: m.TaskStatus | str) -> m.Task:
        """Move a task to ``Open``, ``In Progress``, ``Completed`` or ``Rejected``."""
        url = path(TASKS + "/taskid/{id}", id=p.object_id(task_id, "task_id"))
        body = {"status": p.required_known(m.TaskStatus, status, "status")}
        return await _entity(
            self._client, RequestSpec(method="PUT", path=url, json=body), "task", m.Task
        )

    @endpoint("PUT", "/api/task/{id}/decision")
    async def decide(
        self, task_id: str, decision: m.TaskDecision | str, *, comments: str | None = None
    ) -> m.Task:
        """Accept or reject a task (``"accept"`` / ``"reject"``), with optional comments."""
        url = path(TASKS + "/{id}/decision", id=p.object_id(task_id, "task_id"))
        body = p.fields(
            None,
            {
                "decision": p.required_known(m.TaskDecision, decision, "decision"),
                "comments": comments,
            },
        )
        return await _entity(
            self._client, RequestSpec(method="PUT", path=url, json=body), "task", m.Task
        )

    @endpoint("GET", "/api/task/sync")
    def sync(
        self,
        *,
        since: dt.datetime | dt.date | str | None = None,
        limit: int = 100,
        checkpoint: Checkpoint | None = None,
    ) -> AsyncDeltaSync[m.Task]:
        """Tasks assigned to you, created, updated and deleted since a position.

        See ``orders.sync``; the API limits the task sync to the authenticated user's tasks.
        """
        return AsyncDeltaSync(
            self._client, TASKS + "/sync", m.Task, since=since, limit=limit, checkpoint=checkpoint
        )


class AsyncSuppliers(AsyncAPIResource):
    """Supplier companies (read-only reference data)."""

    @endpoint("GET", "/api/suppliers")
    def list(self, *, max_items: int | None = None) -> AsyncPager[m.Supplier]:
        """Every supplier, as a lazy pager (``max_items``: stop after that many).

        Their ``_id`` is what ``supplierCompany`` of an ERP order takes.
        """
        return _pager(
            self._client,
            "/api/suppliers",
            "suppliers",
            m.Supplier,
            {},
            page=None,
            limit=None,
            max_items=max_items,
        )


class AsyncCarriers(AsyncAPIResource):
    """Shipping companies (read-only reference data)."""

    @endpoint("GET", "/api/carriers")
    def list(self, *, max_items: int | None = None) -> AsyncPager[m.Carrier]:
        """Every carrier, as a lazy pager (``max_items``: stop after that many)."""
        return _pager(
            self._client,
            "/api/carriers",
            "carriers",
            m.Carrier,
            {},
            page=None,
            limit=None,
            max_items=max_items,
        )


class AsyncWebhookSubscriptions(AsyncAPIResource):
    """Your company's webhook subscriptions (receiving: ``supplychain_sdk.onescp.webhooks``)."""

    @endpoint("POST", "/api/webhooks/subscriptions")
    async def create(
        self, *, url: str, events: Sequence[m.WebhookEventType | str]
    ) -> m.WebhookSubscription:
        """Subscribe ``url`` to ``events``.

        The answer's ``secret`` is the only time the API returns it: store it now (in your
        secret store), it is what `webhooks.verify` checks deliveries with. Never retried
        automatically (a POST could subscribe twice).
        """
        body = {"url": p.http_url(url, "url"), "events": p.events(events)}
        return await _entity(
            self._client,
            RequestSpec(method="POST", path=SUBSCRIPTIONS, json=body),
            "subscription",
            m.WebhookSubscription,
        )

    @endpoint("GET", "/api/webhooks/subscriptions")
    def list(self, *, max_items: int | None = None) -> AsyncPager[m.WebhookSubscription]:
        """Your company's subscriptions (without secrets), as a lazy pager."""
        return _pager(
            self._client,
            SUBSCRIPTIONS,
            "subscriptions",
            m.WebhookSubscription,
            {},
            page=None,
            limit=None,
            max_items=max_items,
        )

    @endpoint("GET", "/api/webhooks/subscriptions/{id}")
    async def retrieve(self, subscription_id: str) -> m.WebhookSubscription:
        """One subscription (without its secret)."""
        url = path(SUBSCRIPTIONS + "/{id}", id=p.object_id(subscription_id, "subscription_id"))
        return await _entity(
            self._client, RequestSpec(method="GET", path=url), "subscription", m.WebhookSubscription
        )

    @endpoint("DELETE", "/api/webhooks/subscriptions/{id}")
    async def delete(self, subscription_id: str) -> None:
        """Delete a subscription: no more deliveries to its URL."""
        url = path(SUBSCRIPTIONS + "/{id}", id=p.object_id(subscription_id, "subscription_id"))
        await self._client._send(RequestSpec(method="DELETE", path=url))


# -- the client -----------------------------------------------------------------------------------


class AsyncOneScp(AsyncAPIClient):
    """Async client of the ONESCP supply-chain portal API v1.

    Args:
        email: login email (or ``ONESCP_EMAIL``); with ``password`` the client logs in via
            ``POST /api/auth/login`` and renews the JWT before it expires and on a 401.
        password: login password (or ``ONESCP_PASSWORD``; never printed).
        api_key: an API key sent as a bearer token (or ``ONESCP_API_KEY``).
        token: a static bearer token, or a callable returning one.
        base_url: the server (or ``ONESCP_BASE_URL``); default ``https://api.onescp.com``.
        allow_insecure_http: allow a plain ``http://`` base URL that is not on this machine.
        **options: client options (``timeout``, ``max_retries``, ``http_client``, ...).

    Pass one way to authenticate. Without any, the client reads ``ONESCP_API_KEY``, else
    ``ONESCP_EMAIL`` and ``ONESCP_PASSWORD``.
    """

    platform = ONESCP

    def __init__(
        self,
        *,
        email: str | None = None,
        password: str | None = None,
        api_key: str | None = None,
        token: str | TokenProvider | None = None,
        base_url: str | None = None,
        allow_insecure_http: bool = False,
        **options: Unpack[ClientOptions],
    ) -> None:
        if not isinstance(allow_insecure_http, bool):
            raise InvalidRequestError("allow_insecure_http must be True or False")
        url = base_url or os.environ.get("ONESCP_BASE_URL") or DEFAULT_BASE_URL
        url = p.check_base_url(url, allow_insecure_http).rstrip("/")
        self._allow_insecure_http = allow_insecure_http
        auth = resolve_auth(url, email=email, password=password, api_key=api_key, token=token)
        super().__init__(ClientConfig(base_url=url, auth=auth, **options))

    def with_options(self, **changes: Any) -> Self:
        """A derived client with some options changed, sharing this client's connection pool.

        Takes any `ClientConfig` field (``timeout``, ``max_retries``...); a new
        ``base_url`` is checked like the constructor's (plain ``http://`` only on loopback
        unless the client allows insecure HTTP).
        """
        if changes.get("base_url") is not None:
            p.check_base_url(changes["base_url"], self._allow_insecure_http)
        return super().with_options(**changes)

    @property
    def rate_limit(self) -> m.RateLimit | None:
        """The ``X-RateLimit-*`` headers of the latest answer, or ``None`` before any."""
        raw = self.last_response
        if raw is None:
            return None

        def read(name: str) -> int | None:
            value = raw.header(name)
            try:
                return int(float(value)) if value is not None else None
            except ValueError:
                return None

        limit, remaining = read("x-ratelimit-limit"), read("x-ratelimit-remaining")
        reset = read("x-ratelimit-reset")
        if limit is None and remaining is None and reset is None:
            return None
        return m.RateLimit(limit=limit, remaining=remaining, reset=reset)

    @cached_property
    def auth(self) -> AsyncAuth:
        """Login: ``auth.login()`` returns the user; ``auth.user`` the latest one."""
        return AsyncAuth(self)

    @cached_property
    def orders(self) -> AsyncOrders:
        """Purchase orders, their lines and documents, delta sync, ERP upserts."""
        return AsyncOrders(self)

    @cached_property
    def shipments(self) -> AsyncShipments:
        """Shipments, their containers and documents, delta sync, ERP upserts."""
        return AsyncShipments(self)

    @cached_property
    def items(self) -> AsyncItems:
        """Items: CRUD, bulk import, export, delta sync, ERP upserts."""
        return AsyncItems(self)

    @cached_property
    def tasks(self) -> AsyncTasks:
        """Tasks: CRUD, status, accept/reject, delta sync."""
        return AsyncTasks(self)

    @cached_property
    def suppliers(self) -> AsyncSuppliers:
        """Supplier companies (read-only)."""
        return AsyncSuppliers(self)

    @cached_property
    def carriers(self) -> AsyncCarriers:
        """Carriers (read-only)."""
        return AsyncCarriers(self)

    @cached_property
    def webhooks(self) -> AsyncWebhookSubscriptions:
        """Webhook subscriptions: create (returns the secret, once), list, retrieve, delete."""
        return AsyncWebhookSubscriptions(self)
