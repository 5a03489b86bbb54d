"""The ONESCP client: ``AsyncOneScp`` here, ``OneScp`` generated from it into ``_sync``.

Every method is a thin, typed wrapper over one row of the route table (``_routes.py``);
the composite helpers (change feeds, ERP upserts in batches, uploads, export downloads) are
written once on top of ``run``/``page``.
"""

from __future__ import annotations

import builtins
import datetime as dt
import io
import os
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from functools import cached_property
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Generic, TypeVar, cast, overload

from ..._core._async.client import AsyncAPIClient, AsyncAPIResource
from ..._core._async.pager import AsyncPager
from ..._core.auth import TokenProvider
from ..._core.checkpoint import Checkpoint
from ..._core.checks import positive_int
from ..._core.errors import APIStatusError, InvalidRequestError
from ..._core.operations import Operation, apply_overrides, prepare, uses
from ..._core.options import check_options, client_config, seconds_option
from ..._core.progress import Progress, load_bar
from ..._core.uploads import FileInput, upload
from ..._core.urls import check_base_url
from .. import _routes as api
from .._arguments import extra_body, given, one_of
from .._auth import OneScpLoginAuth, accept_login, resolve_auth
from .._changes import MAX_PAGE_SIZE, decode_position, encode_position, read_page
from .._erp import batches, erp_rows
from .._errors import ONESCP
from .._files import (
    EXPORT_ACCEPT,
    IMPORT_TYPES,
    CountingSink,
    discard_partial,
    finish_partial,
    partial_file,
    sniff_import_name,
)

if TYPE_CHECKING:
    from typing_extensions import Self, Unpack

    from ..._core.config import ClientOptions
    from ..._core.models import APIModel
    from .. import _models as m

__all__ = [
    "AsyncAuth",
    "AsyncCarriers",
    "AsyncChangeFeed",
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

M = TypeVar("M", bound="APIModel")

#: The production API (the document writes it with ``http://``; the SDK uses TLS).
DEFAULT_BASE_URL = "https://api.onescp.com"
#: ``upsert_from_erp`` sends this many rows per request unless told otherwise.
DEFAULT_BATCH_SIZE = 100

Moment = dt.datetime | dt.date | str


# -- composites, written once ---------------------------------------------------------------------


class AsyncChangeFeed(Generic[M]):
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
        op: Operation[m.ChangesPage[M]],
        *,
        since: Moment | None,
        page_size: int,
        checkpoint: Checkpoint | None,
    ) -> None:
        size = positive_int(page_size, "page_size", maximum=MAX_PAGE_SIZE)
        if size is None:
            raise InvalidRequestError(f"page_size must be from 1 to {MAX_PAGE_SIZE}")
        if checkpoint is not None and not isinstance(checkpoint, Checkpoint):
            raise InvalidRequestError(
                "checkpoint must have load() and save(position) (e.g. FileCheckpoint)"
            )
        query = op.query_params(given(since=since)) or {}
        self._client = client
        self._op = op
        self._since: str | None = query.get("since")
        self._page_size: int = size
        self._checkpoint = checkpoint
        self.last_sync_timestamp: str | None = None
        self.complete = False
        self._yielded = 0

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self._op.name}, checkpoint={self._checkpoint!r}, "
            f"yielded={self._yielded})"
        )

    def _save(self, position: str | None) -> None:
        if self._checkpoint is not None and position is not None:
            self._checkpoint.save(position)

    async def __aiter__(self) -> AsyncIterator[m.Change[M]]:
        stored = self._checkpoint.load() if self._checkpoint is not None else None
        if stored is not None:
            since, page, next_since = decode_position(stored)
        else:
            since, page, next_since = self._since, 1, None
        self.last_sync_timestamp = next_since
        self.complete = False
        self._yielded = 0
        while True:
            answer = await self._client.run(
                self._op, query=given(since=since, page=page, limit=self._page_size)
            )
            changes, more = read_page(
                answer,
                page=page,
                page_size=self._page_size,
                where=self._client.route(self._op).path,
            )
            reported = answer.last_sync_timestamp
            if next_since is None and reported:
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
            self._save(encode_position(since, page, next_since))


async def _upsert(
    client: AsyncAPIClient,
    op: Operation[m.ErpAnswer[M]],
    key: str,
    rows: Iterable[Mapping[str, Any] | APIModel],
    batch_size: int,
    progress: bool = False,
    on_batch: Callable[[m.ErpSyncReport[M]], object] | None = None,
) -> m.ErpSyncReport[M]:
    from .. import _models as m  # the models load on first use

    size = positive_int(batch_size, "batch_size")
    if size is None:
        raise InvalidRequestError("batch_size must be a positive integer")
    checked = erp_rows(rows, key)
    tracker: Progress[m.ErpSyncReport[M]] | None = None
    if progress or on_batch is not None:
        tracker = Progress(
            bar=load_bar() if progress else None,
            callback=on_batch,
            unit="row",
            description=op.name,
            total=len(checked),
        )
    created: list[M] = []
    updated: list[M] = []
    errors: list[m.ErpRowError] = []
    sent = 0
    for batch in batches(checked, size):
        sent += 1
        counts = len(created), len(updated), len(errors)
        try:
            answer = await client.run(op, body={key: batch})
        except APIStatusError as exc:
            if exc.status_code >= 500 or exc.status_code in {401, 403, 429}:
                if tracker is not None:
                    tracker.close()
                raise
            reason = exc.error_message or str(exc)
            errors.extend(m.ErpRowError(payload=row, message=reason) for row in batch)
        else:
            created.extend(answer.created or [])
            updated.extend(answer.updated or [])
            errors.extend(answer.errors or [])
        if tracker is not None:
            done: m.ErpSyncReport[M] = m.ErpSyncReport(
                created=created[counts[0] :],
                updated=updated[counts[1] :],
                errors=errors[counts[2] :],
                batches=1,
            )
            tracker.advance(len(batch), done)
    if tracker is not None:
        tracker.close()
    return m.ErpSyncReport(created=created, updated=updated, errors=errors, batches=sent)


async def _upload_document(
    client: AsyncAPIClient,
    op: Operation[m.Document],
    ids: Mapping[str, str],
    file: FileInput,
    *,
    type: m.DocumentType | str,
    name: str | None,
    description: str | None,
    filename: str | None,
    content_type: str | None,
) -> m.Document:
    form = given(type=type, name=name, description=description)
    op.json_body(form)  # refuse a bad form before the file is opened
    document = upload(file, filename=filename, content_type=content_type, name="file")
    try:
        return await client.run(op, ids=ids, body=form, files={"document": document.part()})
    finally:
        document.close()


# -- resources ------------------------------------------------------------------------------------


class AsyncAuth(AsyncAPIResource):
    """The login behind email/password clients."""

    @uses(api.LOGIN)
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
        raw, answer = await anonymous.run_with_response(api.LOGIN, body=auth.login_payload())
        self._client._last_response = anonymous.last_response
        return accept_login(auth, raw, answer)

    @property
    def user(self) -> m.User | None:
        """The user of the latest login (automatic or explicit), without a request."""
        from .. import _models as m  # the models load on first use

        auth = self._client.config.auth
        login = auth.last_login if isinstance(auth, OneScpLoginAuth) else None
        user = login.get("user") if isinstance(login, Mapping) else None
        return m.User.model_validate(user) if isinstance(user, Mapping) else None


class AsyncOrderDocuments(AsyncAPIResource):
    """Documents attached to a purchase order (invoices, contracts...)."""

    @uses(api.ORDER_DOCUMENTS_UPLOAD)
    async def upload(
        self,
        order_id: str,
        file: FileInput,
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
        return await _upload_document(
            self._client,
            api.ORDER_DOCUMENTS_UPLOAD,
            {"order_id": order_id},
            file,
            type=type,
            name=name,
            description=description,
            filename=filename,
            content_type=content_type,
        )

    @uses(api.ORDER_DOCUMENTS_LIST)
    async def list(self, order_id: str) -> builtins.list[m.Document]:
        """The documents of an order."""
        return await self._client.run(api.ORDER_DOCUMENTS_LIST, ids={"order_id": order_id})

    @uses(api.ORDER_DOCUMENTS_DELETE)
    async def delete(self, order_id: str, document_id: str) -> None:
        """Remove a document from an order."""
        await self._client.run(
            api.ORDER_DOCUMENTS_DELETE, ids={"order_id": order_id, "document_id": document_id}
        )


class AsyncShipmentDocuments(AsyncAPIResource):
    """Documents attached to a shipment (bills of lading, customs papers...)."""

    @uses(api.SHIPMENT_DOCUMENTS_UPLOAD)
    async def upload(
        self,
        shipment_id: str,
        file: FileInput,
        *,
        type: m.DocumentType | str,
        name: str | None = None,
        description: str | None = None,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> m.Document:
        """Attach a file to a shipment (``multipart/form-data``; see the order variant)."""
        return await _upload_document(
            self._client,
            api.SHIPMENT_DOCUMENTS_UPLOAD,
            {"shipment_id": shipment_id},
            file,
            type=type,
            name=name,
            description=description,
            filename=filename,
            content_type=content_type,
        )

    @uses(api.SHIPMENT_DOCUMENTS_LIST)
    async def list(self, shipment_id: str) -> builtins.list[m.Document]:
        """The documents of a shipment."""
        return await self._client.run(api.SHIPMENT_DOCUMENTS_LIST, ids={"shipment_id": shipment_id})

    @uses(api.SHIPMENT_DOCUMENTS_DELETE)
    async def delete(self, shipment_id: str, document_id: str) -> None:
        """Remove a document from a shipment."""
        await self._client.run(
            api.SHIPMENT_DOCUMENTS_DELETE,
            ids={"shipment_id": shipment_id, "document_id": document_id},
        )


class AsyncOrderLines(AsyncAPIResource):
    """The lines of a purchase order."""

    @uses(api.LINES_ADD)
    async def add(self, order_id: str, line: m.OrderLineInput | Mapping[str, Any]) -> m.Order:
        """Add a line; returns the updated order.

        ``line`` is an ``OrderLineInput`` or a dict in the API's names (``item`` with at least
        a ``number``, and ``quantity`` are required). Never retried automatically.
        """
        return await self._client.run(api.LINES_ADD, ids={"order_id": order_id}, body=line)

    @uses(api.LINES_UPDATE)
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
        body = given(
            quantity=quantity, prices=prices, item=item, position=position, description=description
        )
        return await self._client.run(
            api.LINES_UPDATE,
            ids={"order_id": order_id, "line_id": line_id},
            body=body,
            extra_body=extra_body(api.LINES_UPDATE.body, body, extra, change="lines.update"),
        )

    @uses(api.LINES_DELETE)
    async def delete(self, order_id: str, line_id: str) -> None:
        """Remove a line from an order."""
        await self._client.run(api.LINES_DELETE, ids={"order_id": order_id, "line_id": line_id})


class AsyncOrders(AsyncAPIResource):
    """Purchase orders: list, read, create, change, delete; lines, documents, changes, ERP push."""

    @cached_property
    def lines(self) -> AsyncOrderLines:
        """Order lines: add, update, delete."""
        return AsyncOrderLines(self._client)

    @cached_property
    def documents(self) -> AsyncOrderDocuments:
        """Order documents: upload, list, delete."""
        return AsyncOrderDocuments(self._client)

    @uses(api.ORDERS_LIST)
    def list(
        self,
        *,
        status: m.OrderStatus | str | None = None,
        supplier: str | None = None,
        date_from: Moment | None = None,
        date_to: Moment | None = None,
        page: int | None = None,
        page_size: int | None = None,
        limit: int | None = None,
    ) -> AsyncPager[m.Order]:
        """Orders, filtered, as a lazy pager over every page.

        Args:
            status: ``draft``, ``pending``, ``approved``, ``rejected`` or ``completed``.
            supplier: only this supplier (its ONESCP ``_id``).
            date_from: orders from this date (a date, an aware datetime or ISO 8601 text).
            date_to: orders until this date.
            page: start at this page (1-based).
            page_size: orders per request (the API's ``limit``; its default is 10).
            limit: stop after this many orders overall.
        """
        return self._client.page(
            api.ORDERS_LIST,
            query=given(status=status, supplier=supplier, date_from=date_from, date_to=date_to),
            start=positive_int(page, "page"),
            page_size=page_size,
            limit=limit,
        )

    @uses(api.ORDERS_RETRIEVE)
    async def retrieve(self, order_id: str) -> m.Order:
        """One order, with its lines and documents."""
        return await self._client.run(api.ORDERS_RETRIEVE, ids={"order_id": order_id})

    @uses(api.ORDERS_CREATE)
    async def create(
        self,
        *,
        supplier: m.OrderSupplierInput | Mapping[str, Any],
        order_lines: Sequence[m.OrderLineInput | Mapping[str, Any]] | None = None,
        delivery_date: Moment | None = None,
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
        body = given(
            supplier=supplier,
            order_lines=order_lines,
            delivery_date=delivery_date,
            priority=priority,
            notes=notes,
        )
        return await self._client.run(
            api.ORDERS_CREATE, body=body, extra_body=extra_body(api.ORDERS_CREATE.body, body, extra)
        )

    @uses(api.ORDERS_UPDATE)
    async def update(
        self,
        order_id: str,
        *,
        delivery_date: Moment | None = None,
        priority: m.Priority | str | None = None,
        notes: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> m.Order:
        """Change an order's fields; only the ones you pass are sent. Returns the order."""
        body = given(delivery_date=delivery_date, priority=priority, notes=notes)
        return await self._client.run(
            api.ORDERS_UPDATE,
            ids={"order_id": order_id},
            body=body,
            extra_body=extra_body(api.ORDERS_UPDATE.body, body, extra, change="orders.update"),
        )

    @uses(api.ORDERS_UPDATE_STATUS)
    async def update_status(
        self, order_id: str, status: m.OrderStatus | str, *, notes: str | None = None
    ) -> m.Order:
        """Move an order to ``draft``, ``pending``, ``approved``, ``rejected`` or ``completed``."""
        return await self._client.run(
            api.ORDERS_UPDATE_STATUS,
            ids={"order_id": order_id},
            body=given(status=status, notes=notes),
        )

    @uses(api.ORDERS_DELETE)
    async def delete(self, order_id: str) -> None:
        """Delete an order (the API soft-deletes it: change feeds report it under ``deleted``)."""
        await self._client.run(api.ORDERS_DELETE, ids={"order_id": order_id})

    @uses(api.ORDERS_CHANGES)
    def changes(
        self,
        *,
        since: Moment | None = None,
        page_size: int = 100,
        checkpoint: Checkpoint | None = None,
    ) -> AsyncChangeFeed[m.Order]:
        """Orders created, updated and deleted since a position, as typed changes.

        Args:
            since: where to start when the checkpoint holds nothing (omitted: everything).
            page_size: changes per request, 1 to 500 (the API's ``limit``).
            checkpoint: where the position is loaded from and saved to, e.g.
                ``FileCheckpoint("onescp-orders.json")``; saved after each fully consumed page.

        Returns a lazy `AsyncChangeFeed`: ``async for change in client.orders.changes(...)``.
        """
        return AsyncChangeFeed(
            self._client,
            api.ORDERS_CHANGES,
            since=since,
            page_size=page_size,
            checkpoint=checkpoint,
        )

    @uses(api.ORDERS_UPSERT)
    async def upsert_from_erp(
        self,
        rows: Iterable[Mapping[str, Any] | APIModel],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: bool = False,
        on_batch: Callable[[m.ErpSyncReport[m.Order]], object] | None = None,
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

        ``progress=True`` shows a bar of the rows sent (the ``progress`` extra);
        ``on_batch`` is called with each batch's own `ErpSyncReport` as it is answered.
        """
        return await _upsert(
            self._client, api.ORDERS_UPSERT, "orders", rows, batch_size, progress, on_batch
        )


class AsyncShipmentContainers(AsyncAPIResource):
    """The containers of a shipment."""

    @uses(api.CONTAINERS_ADD)
    async def add(
        self, shipment_id: str, container: m.ContainerInput | Mapping[str, Any]
    ) -> m.Shipment:
        """Add a container (``container_number`` required); returns the updated shipment."""
        return await self._client.run(
            api.CONTAINERS_ADD, ids={"shipment_id": shipment_id}, body=container
        )

    @uses(api.CONTAINERS_UPDATE)
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
        eta: Moment | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> m.Shipment:
        """Change a container; only the fields you pass are sent. Returns the shipment."""
        body = given(
            container_number=container_number,
            container_type=container_type,
            seal_number=seal_number,
            weight=weight,
            volume=volume,
            status=status,
            eta=eta,
        )
        return await self._client.run(
            api.CONTAINERS_UPDATE,
            ids={"shipment_id": shipment_id, "container_id": container_id},
            body=body,
            extra_body=extra_body(
                api.CONTAINERS_UPDATE.body, body, extra, change="containers.update"
            ),
        )

    @uses(api.CONTAINERS_DELETE)
    async def delete(self, shipment_id: str, container_id: str) -> None:
        """Remove a container from a shipment."""
        await self._client.run(
            api.CONTAINERS_DELETE,
            ids={"shipment_id": shipment_id, "container_id": container_id},
        )


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

    @uses(api.SHIPMENTS_LIST)
    def list(
        self,
        *,
        status: m.ShipmentStatus | str | None = None,
        carrier: str | None = None,
        page: int | None = None,
        page_size: int | None = None,
        limit: int | None = None,
    ) -> AsyncPager[m.Shipment]:
        """Shipments, filtered, as a lazy pager.

        Args:
            status: ``pending``, ``in_transit``, ``delivered`` or ``cancelled``.
            carrier: only this carrier (by name, e.g. ``"Maersk Line"``).
            page: start at this page (1-based).
            page_size: shipments per request (the API's ``limit``).
            limit: stop after this many shipments overall.
        """
        return self._client.page(
            api.SHIPMENTS_LIST,
            query=given(status=status, carrier=carrier),
            start=positive_int(page, "page"),
            page_size=page_size,
            limit=limit,
        )

    @uses(api.SHIPMENTS_RETRIEVE)
    async def retrieve(self, shipment_id: str) -> m.Shipment:
        """One shipment, with its containers."""
        return await self._client.run(api.SHIPMENTS_RETRIEVE, ids={"shipment_id": shipment_id})

    @uses(api.SHIPMENTS_CREATE)
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
        scheduled_delivery_date: Moment | None = None,
        containers: Sequence[m.ContainerInput | Mapping[str, Any]] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> m.Shipment:
        """Create a shipment for one line of a purchase order.

        Args:
            order_id: the purchase order's ``_id``.
            line_id: the ``_id`` of the order line shipped.
            departure_from: e.g. ``"Shanghai Port"``; with ``departure_city`` and
                ``departure_country_iso2`` (two letters).
            departure_city: the departure city.
            departure_country_iso2: the departure country (ISO 3166-1 alpha-2).
            final_destination: e.g. ``"Los Angeles Port"``; with ``final_destination_city``
                and ``final_destination_country_iso2``.
            final_destination_city: the destination city.
            final_destination_country_iso2: the destination country (two letters).
            type: the transport type, e.g. ``"Ocean"``.
            carrier: the carrier's name.
            scheduled_delivery_date: the planned delivery date.
            containers: ``ContainerInput`` or dicts (``container_number`` required).
            extra: API fields this method does not name.

        Never retried automatically (POST).
        """
        body = given(
            departure_from=departure_from,
            departure_city=departure_city,
            departure_country_iso2=departure_country_iso2,
            final_destination=final_destination,
            final_destination_city=final_destination_city,
            final_destination_country_iso2=final_destination_country_iso2,
            type=type,
            carrier=carrier,
            scheduled_delivery_date=scheduled_delivery_date,
            containers=containers,
        )
        return await self._client.run(
            api.SHIPMENTS_CREATE,
            ids={"order_id": order_id, "line_id": line_id},
            body=body,
            extra_body=extra_body(api.SHIPMENTS_CREATE.body, body, extra),
        )

    @uses(api.SHIPMENTS_UPDATE)
    async def update(
        self,
        shipment_id: str,
        *,
        status: m.ShipmentStatus | str | None = None,
        carrier: str | None = None,
        scheduled_delivery_date: Moment | None = None,
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
        body = given(
            status=status,
            carrier=carrier,
            scheduled_delivery_date=scheduled_delivery_date,
            departure_from=departure_from,
            departure_city=departure_city,
            departure_country_iso2=departure_country_iso2,
            final_destination=final_destination,
            final_destination_city=final_destination_city,
            final_destination_country_iso2=final_destination_country_iso2,
            type=type,
        )
        return await self._client.run(
            api.SHIPMENTS_UPDATE,
            ids={"shipment_id": shipment_id},
            body=body,
            extra_body=extra_body(
                api.SHIPMENTS_UPDATE.body, body, extra, change="shipments.update"
            ),
        )

    @uses(api.SHIPMENTS_UPDATE_STATUS)
    async def update_status(self, shipment_id: str, status: m.ShipmentStatus | str) -> m.Shipment:
        """Move a shipment to ``pending``, ``in_transit``, ``delivered`` or ``cancelled``."""
        return await self._client.run(
            api.SHIPMENTS_UPDATE_STATUS,
            ids={"shipment_id": shipment_id},
            body={"status": status},
        )

    @uses(api.SHIPMENTS_CHANGES)
    def changes(
        self,
        *,
        since: Moment | None = None,
        page_size: int = 100,
        checkpoint: Checkpoint | None = None,
    ) -> AsyncChangeFeed[m.Shipment]:
        """Shipments created, updated and deleted since a position (see ``orders.changes``)."""
        return AsyncChangeFeed(
            self._client,
            api.SHIPMENTS_CHANGES,
            since=since,
            page_size=page_size,
            checkpoint=checkpoint,
        )

    @uses(api.SHIPMENTS_UPSERT)
    async def upsert_from_erp(
        self,
        rows: Iterable[Mapping[str, Any] | APIModel],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: bool = False,
        on_batch: Callable[[m.ErpSyncReport[m.Shipment]], object] | None = None,
    ) -> m.ErpSyncReport[m.Shipment]:
        """Create or update shipments from your ERP, matched by ``erpId`` or number + order.

        Each row needs ``erpId``, or ``shipmentNumber`` and ``purchaseOrder``; new shipments
        also need ``purchaseOrder`` and ``lineIds`` (ONESCP ids). Batched, retried and
        reported like ``orders.upsert_from_erp``.

        ``progress=True`` shows a bar of the rows sent (the ``progress`` extra);
        ``on_batch`` is called with each batch's own `ErpSyncReport` as it is answered.
        """
        return await _upsert(
            self._client, api.SHIPMENTS_UPSERT, "shipments", rows, batch_size, progress, on_batch
        )


class AsyncItems(AsyncAPIResource):
    """Items (materials): list, read, create, change, delete, bulk import, export, changes."""

    @uses(api.ITEMS_LIST)
    def list(
        self,
        *,
        search: str | None = None,
        category: str | None = None,
        item_status: m.ItemStatus | str | None = None,
        page: int | None = None,
        page_size: int | None = None,
        limit: int | None = None,
    ) -> AsyncPager[m.Item]:
        """Items, filtered, as a lazy pager.

        Args:
            search: text searched in name and description.
            category: only this category.
            item_status: ``Pending``, ``Under Approval`` or ``Processed``.
            page: start at this page (1-based).
            page_size: items per request (the API's ``limit``).
            limit: stop after this many items overall.
        """
        return self._client.page(
            api.ITEMS_LIST,
            query=given(search=search, category=category, item_status=item_status),
            start=positive_int(page, "page"),
            page_size=page_size,
            limit=limit,
        )

    @uses(api.ITEMS_RETRIEVE)
    async def retrieve(self, item_id: str) -> m.Item:
        """One item."""
        return await self._client.run(api.ITEMS_RETRIEVE, ids={"item_id": item_id})

    @uses(api.ITEMS_CREATE)
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
        body = given(
            item_number=item_number,
            name=name,
            description=description,
            category=category,
            type=type,
            material=material,
        )
        return await self._client.run(
            api.ITEMS_CREATE, body=body, extra_body=extra_body(api.ITEMS_CREATE.body, body, extra)
        )

    @uses(api.ITEMS_UPDATE)
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
        body = given(
            item_number=item_number,
            name=name,
            description=description,
            category=category,
            type=type,
            item_status=item_status,
            material=material,
        )
        return await self._client.run(
            api.ITEMS_UPDATE,
            ids={"item_id": item_id},
            body=body,
            extra_body=extra_body(api.ITEMS_UPDATE.body, body, extra, change="items.update"),
        )

    @uses(api.ITEMS_DELETE)
    async def delete(self, item_id: str) -> None:
        """Delete an item."""
        await self._client.run(api.ITEMS_DELETE, ids={"item_id": item_id})

    @uses(api.ITEMS_IMPORT)
    async def bulk_import(
        self,
        file: FileInput,
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
        form = {"update_existing": update_existing}
        api.ITEMS_IMPORT.json_body(form)  # refuse a bad flag before the file is opened
        sheet = upload(
            file,
            filename=filename,
            content_type=None,
            name="file",
            allowed=IMPORT_TYPES,
            name_bytes=sniff_import_name,
        )
        try:
            return await self._client.run(api.ITEMS_IMPORT, body=form, files={"file": sheet.part()})
        finally:
            sheet.close()

    @overload
    async def export(self, *, format: m.ExportFormat | str = ..., to: None = ...) -> bytes: ...

    @overload
    async def export(
        self, *, format: m.ExportFormat | str = ..., to: str | os.PathLike[str] | IO[bytes]
    ) -> int: ...

    @uses(api.ITEMS_EXPORT)
    async def export(
        self,
        *,
        format: m.ExportFormat | str = "csv",
        to: str | os.PathLike[str] | IO[bytes] | None = None,
    ) -> bytes | int:
        """Export every item as CSV or Excel.

        Without ``to`` the file's bytes are returned. With ``to`` (a path, or a binary file
        object) the answer is streamed there in chunks and the number of bytes written is
        returned; a path is written to a temporary file first and renamed when the download
        is complete, so it never holds a partial export.
        """
        from .. import _models as m  # the models load on first use

        fmt = one_of(m.ExportFormat, format, "format")
        if to is None:
            buffer = io.BytesIO()
            await self._download(fmt, buffer)
            return buffer.getvalue()
        if isinstance(to, (str, os.PathLike)):
            target, handle = partial_file(to)
            try:
                with handle:
                    written = await self._download(fmt, handle)
                finish_partial(handle.name, target)
            except BaseException:
                discard_partial(handle.name)
                raise
            return written
        if not hasattr(to, "write") or isinstance(to, io.TextIOBase):
            raise InvalidRequestError("to must be a path or a file object opened in 'wb' mode")
        return await self._download(fmt, to)

    async def _download(self, fmt: str, target: IO[bytes]) -> int:
        spec = prepare(
            self._client.route(api.ITEMS_EXPORT),
            ids=None,
            query={"format": fmt},
            body=None,
            headers={"Accept": EXPORT_ACCEPT[fmt]},
        )
        # The core checks a JSON answer (an error envelope sent with 200) before writing it.
        sink = CountingSink(target)
        await self._client._send(spec, sink=cast(BinaryIO, sink))
        return sink.written

    @uses(api.ITEMS_CHANGES)
    def changes(
        self,
        *,
        since: Moment | None = None,
        page_size: int = 100,
        checkpoint: Checkpoint | None = None,
    ) -> AsyncChangeFeed[m.Item]:
        """Items created, updated and deleted since a position (see ``orders.changes``)."""
        return AsyncChangeFeed(
            self._client,
            api.ITEMS_CHANGES,
            since=since,
            page_size=page_size,
            checkpoint=checkpoint,
        )

    @uses(api.ITEMS_UPSERT)
    async def upsert_from_erp(
        self,
        rows: Iterable[Mapping[str, Any] | APIModel],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: bool = False,
        on_batch: Callable[[m.ErpSyncReport[m.Item]], object] | None = None,
    ) -> m.ErpSyncReport[m.Item]:
        """Create or update items from your ERP, matched by ``itemNumber`` (required).

        Batched, retried and reported like ``orders.upsert_from_erp``.

        ``progress=True`` shows a bar of the rows sent (the ``progress`` extra);
        ``on_batch`` is called with each batch's own `ErpSyncReport` as it is answered.
        """
        return await _upsert(
            self._client, api.ITEMS_UPSERT, "items", rows, batch_size, progress, on_batch
        )


class AsyncTasks(AsyncAPIResource):
    """Workflow tasks: list, read, create for an order, change, status, accept or reject."""

    @uses(api.TASKS_LIST)
    def list(
        self,
        *,
        status: m.TaskStatus | str | None = None,
        priority: m.Priority | str | None = None,
        page: int | None = None,
        page_size: int | None = None,
        limit: int | None = None,
    ) -> AsyncPager[m.Task]:
        """Tasks, filtered, as a lazy pager.

        Args:
            status: ``Open``, ``In Progress``, ``Completed`` or ``Rejected``.
            priority: ``p1``, ``p2`` or ``p3``.
            page: start at this page (1-based).
            page_size: tasks per request (the API's ``limit``).
            limit: stop after this many tasks overall.
        """
        return self._client.page(
            api.TASKS_LIST,
            query=given(status=status, priority=priority),
            start=positive_int(page, "page"),
            page_size=page_size,
            limit=limit,
        )

    @uses(api.TASKS_RETRIEVE)
    async def retrieve(self, task_id: str) -> m.Task:
        """One task."""
        return await self._client.run(api.TASKS_RETRIEVE, ids={"task_id": task_id})

    @uses(api.TASKS_CREATE)
    async def create(
        self,
        order_id: str,
        *,
        title: str,
        description: str | None = None,
        assigned_to: str | None = None,
        priority: m.Priority | str | None = None,
        due_date: Moment | None = None,
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
        body = given(
            title=title,
            description=description,
            assigned_to=assigned_to,
            priority=priority,
            due_date=due_date,
        )
        return await self._client.run(
            api.TASKS_CREATE,
            ids={"order_id": order_id},
            body=body,
            extra_body=extra_body(api.TASKS_CREATE.body, body, extra),
        )

    @uses(api.TASKS_UPDATE)
    async def update(
        self,
        task_id: str,
        *,
        title: str | None = None,
        description: str | None = None,
        assigned_to: str | None = None,
        priority: m.Priority | str | None = None,
        due_date: Moment | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> m.Task:
        """Change a task; only the fields you pass are sent. Returns the task."""
        body = given(
            title=title,
            description=description,
            assigned_to=assigned_to,
            priority=priority,
            due_date=due_date,
        )
        return await self._client.run(
            api.TASKS_UPDATE,
            ids={"task_id": task_id},
            body=body,
            extra_body=extra_body(api.TASKS_UPDATE.body, body, extra, change="tasks.update"),
        )

    @uses(api.TASKS_UPDATE_STATUS)
    async def update_status(self, task_id: str, status: m.TaskStatus | str) -> m.Task:
        """Move a task to ``Open``, ``In Progress``, ``Completed`` or ``Rejected``."""
        return await self._client.run(
            api.TASKS_UPDATE_STATUS, ids={"task_id": task_id}, body={"status": status}
        )

    @uses(api.TASKS_DECIDE)
    async def decide(
        self, task_id: str, decision: m.TaskDecision | str, *, comments: str | None = None
    ) -> m.Task:
        """Accept or reject a task (``"accept"`` / ``"reject"``), with optional comments."""
        return await self._client.run(
            api.TASKS_DECIDE,
            ids={"task_id": task_id},
            body=given(decision=decision, comments=comments),
        )

    @uses(api.TASKS_CHANGES)
    def changes(
        self,
        *,
        since: Moment | None = None,
        page_size: int = 100,
        checkpoint: Checkpoint | None = None,
    ) -> AsyncChangeFeed[m.Task]:
        """Tasks assigned to you, created, updated and deleted since a position.

        See ``orders.changes``; the API limits the task feed to the authenticated user's tasks.
        """
        return AsyncChangeFeed(
            self._client,
            api.TASKS_CHANGES,
            since=since,
            page_size=page_size,
            checkpoint=checkpoint,
        )


class AsyncSuppliers(AsyncAPIResource):
    """Supplier companies (read-only reference data)."""

    @uses(api.SUPPLIERS_LIST)
    def list(self, *, limit: int | None = None) -> AsyncPager[m.Supplier]:
        """Every supplier, as a lazy pager (``limit``: stop after that many).

        Their ``_id`` is what ``supplierCompany`` of an ERP order takes.
        """
        return self._client.page(api.SUPPLIERS_LIST, limit=limit)


class AsyncCarriers(AsyncAPIResource):
    """Shipping companies (read-only reference data)."""

    @uses(api.CARRIERS_LIST)
    def list(self, *, limit: int | None = None) -> AsyncPager[m.Carrier]:
        """Every carrier, as a lazy pager (``limit``: stop after that many)."""
        return self._client.page(api.CARRIERS_LIST, limit=limit)


class AsyncWebhookSubscriptions(AsyncAPIResource):
    """Your company's webhook subscriptions (receiving: ``supplychain_sdk.onescp.webhooks``)."""

    @uses(api.SUBSCRIPTIONS_CREATE)
    async def create(
        self, *, url: str, events: Sequence[m.WebhookEventType | str]
    ) -> m.WebhookSubscription:
        """Subscribe ``url`` to ``events``.

        The answer's ``secret`` is the only time the API returns it: store it now (in your
        secret store), it is what `webhooks.verify` checks deliveries with. Never retried
        automatically (a POST could subscribe twice).
        """
        return await self._client.run(api.SUBSCRIPTIONS_CREATE, body={"url": url, "events": events})

    @uses(api.SUBSCRIPTIONS_LIST)
    def list(self, *, limit: int | None = None) -> AsyncPager[m.WebhookSubscription]:
        """Your company's subscriptions (without secrets), as a lazy pager."""
        return self._client.page(api.SUBSCRIPTIONS_LIST, limit=limit)

    @uses(api.SUBSCRIPTIONS_RETRIEVE)
    async def retrieve(self, subscription_id: str) -> m.WebhookSubscription:
        """One subscription (without its secret)."""
        return await self._client.run(
            api.SUBSCRIPTIONS_RETRIEVE, ids={"subscription_id": subscription_id}
        )

    @uses(api.SUBSCRIPTIONS_DELETE)
    async def delete(self, subscription_id: str) -> None:
        """Delete a subscription: no more deliveries to its URL."""
        await self._client.run(api.SUBSCRIPTIONS_DELETE, ids={"subscription_id": subscription_id})


# -- the client -----------------------------------------------------------------------------------


class AsyncOneScp(AsyncAPIClient):
    """Async client of the ONESCP supply-chain portal API v1.

    Args:
        email: login email (or ``ONESCP_EMAIL``); with ``password`` the client logs in (the
            ``auth.login`` row) and renews the JWT before it expires and on a 401.
        password: login password (or ``ONESCP_PASSWORD``; never printed).
        api_key: an API key sent as a bearer token (or ``ONESCP_API_KEY``).
        token: a static bearer token, or a callable returning one.
        base_url: the server (or ``ONESCP_BASE_URL``); default ``https://api.onescp.com``.
        allow_insecure_http: allow a plain ``http://`` base URL that is not on this machine.
        leeway: with email/password, renew the JWT this many seconds before it expires
            (default 30; at most half its lifetime). Refused with ``api_key`` or ``token``,
            which the SDK does not renew.
        **options: client options (``timeout``, ``max_retries``, ``http_client``,
            ``route_overrides``...).

    Pass one way to authenticate. Without any, the client reads ``ONESCP_API_KEY``, else
    ``ONESCP_EMAIL`` and ``ONESCP_PASSWORD``.

    Raises:
        InvalidRequestError: no or several ways to authenticate, an insecure base URL, or a
            bad or unknown option (``OneScp: unknown option 'retries' (did you mean
            'max_retries'?)``).
    """

    platform = ONESCP
    routes = api.ROUTES

    def __init__(
        self,
        *,
        email: str | None = None,
        password: str | None = None,
        api_key: str | None = None,
        token: str | TokenProvider | None = None,
        base_url: str | None = None,
        allow_insecure_http: bool = False,
        leeway: float | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        if not isinstance(allow_insecure_http, bool):
            raise InvalidRequestError("allow_insecure_http must be True or False")
        url = base_url or os.environ.get("ONESCP_BASE_URL", "").strip() or DEFAULT_BASE_URL
        check_options(type(self).__name__, {"base_url": url}, allowed=("base_url",))
        url = check_base_url(url, allow_insecure_http, default=DEFAULT_BASE_URL).rstrip("/")
        self._allow_insecure_http = allow_insecure_http
        config = client_config(self, base_url=url, **options)
        login = apply_overrides(self.routes, config.route_overrides).get(api.LOGIN.name, api.LOGIN)
        auth = resolve_auth(
            url, login.path, email=email, password=password, api_key=api_key, token=token
        )
        if leeway is not None:
            if not isinstance(auth, OneScpLoginAuth):
                raise InvalidRequestError(
                    f"{type(self).__name__}: leeway= applies to email/password login only; "
                    "an api_key or token is used as given, never renewed"
                )
            auth.leeway = seconds_option(self, "leeway", leeway)
        super().__init__(config.evolve(auth=auth))

    def with_options(self, **changes: Any) -> Self:
        """A derived client with some options changed, sharing this client's connection pool.

        Takes any `ClientConfig` field (``timeout``, ``max_retries``...); a new
        ``base_url`` is checked like the constructor's (plain ``http://`` only on loopback
        unless the client allows insecure HTTP).
        """
        if changes.get("base_url") is not None:
            check_base_url(changes["base_url"], self._allow_insecure_http, default=DEFAULT_BASE_URL)
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
            except (ValueError, OverflowError):  # garbage, or inf / 1e400
                return None

        limit, remaining = read("x-ratelimit-limit"), read("x-ratelimit-remaining")
        reset = read("x-ratelimit-reset")
        if limit is None and remaining is None and reset is None:
            return None
        from .. import _models as m  # the models load on first use

        return m.RateLimit(limit=limit, remaining=remaining, reset=reset)

    @cached_property
    def auth(self) -> AsyncAuth:
        """Login: ``auth.login()`` returns the user; ``auth.user`` the latest one."""
        return AsyncAuth(self)

    @cached_property
    def orders(self) -> AsyncOrders:
        """Purchase orders, their lines and documents, change feed, ERP upserts."""
        return AsyncOrders(self)

    @cached_property
    def shipments(self) -> AsyncShipments:
        """Shipments, their containers and documents, change feed, ERP upserts."""
        return AsyncShipments(self)

    @cached_property
    def items(self) -> AsyncItems:
        """Items: CRUD, bulk import, export, change feed, ERP upserts."""
        return AsyncItems(self)

    @cached_property
    def tasks(self) -> AsyncTasks:
        """Tasks: CRUD, status, accept/reject, change feed."""
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
