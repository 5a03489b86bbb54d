"""The ONe client: ``AsyncOnePlatform`` here, ``OnePlatform`` generated from it into ``_sync``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from ..._core._async.client import AsyncAPIClient, AsyncAPIResource
from ..._core._async.pager import AsyncPager
from ..._core._logging import logger
from ..._core.auth import OAuth2ClientCredentials, TokenProvider
from ..._core.checks import invalid, positive_int
from ..._core.decoding import decode_body, status_error
from ..._core.errors import APIConnectionError, APIError, APIStatusError, InvalidRequestError
from ..._core.failures import connection_error
from ..._core.lazy import LazyTypes, resolve_type
from ..._core.operations import Operation, uses
from ..._core.options import client_config
from ..._core.platform import Platform
from ..._core.retry import IDEMPOTENT_METHODS, RETRYABLE_STATUSES, backoff, server_wait
from ..._core.urls import check_base_url
from .. import _routes as r
from .._auth import resolve_auth, resolve_base_url
from .._errors import ONE_PLATFORM
from .._push import (
    MAX_CHUNK_ROWS,
    ChunkResult,
    PriceListCounter,
    PushOptions,
    PushReport,
    accepted_count,
    check_chunk_size,
    check_rows,
    chunk_progress,
    chunked,
    nothing_sent,
    to_models,
)
from .._uploads import PDF_TYPE, PdfFile, UploadReceipt, pdf_file, public_url, upload_request

if TYPE_CHECKING:
    from typing_extensions import Self, Unpack

    from ..._core.config import ClientOptions
    from ..._core.models import APIModel
    from ..._core.uploads import FileInput
    from .. import _models as m
else:  # named by reference, imported by the first call that needs them (see _core/lazy.py):
    # a model passed on is resolved where it is used, ``m.Acknowledgement()`` builds one
    m = LazyTypes("supplychain_sdk.one_platform._models")

__all__ = [
    "AsyncClientBlockades",
    "AsyncClients",
    "AsyncGoodsIssuedNotes",
    "AsyncInvoices",
    "AsyncOfflineOrders",
    "AsyncOnePlatform",
    "AsyncOrders",
    "AsyncPrices",
    "AsyncSegments",
    "AsyncStocks",
    "AsyncTradeCredits",
    "AsyncWarehouses",
]

M = TypeVar("M", bound="APIModel")
StockRowT = TypeVar("StockRowT", bound="m.StockLevel | Mapping[str, Any]")
ClientRowT = TypeVar("ClientRowT", bound="m.ClientRecord | Mapping[str, Any]")
RetailRowT = TypeVar("RetailRowT", bound="m.RetailPrice | Mapping[str, Any]")
B2BRowT = TypeVar("B2BRowT", bound="m.B2BPrice | Mapping[str, Any]")
InvoiceStatusRowT = TypeVar("InvoiceStatusRowT", bound="m.InvoiceStatusUpdate | Mapping[str, Any]")
OrderStatusRowT = TypeVar("OrderStatusRowT", bound="m.OrderStatusUpdate | Mapping[str, Any]")


def _given(**fields: Any) -> dict[str, Any]:
    return {name: value for name, value in fields.items() if value is not None}


class AsyncOnePlatform(AsyncAPIClient):
    """Client of an ONe B2B platform instance (the ERP integration API).

    Args:
        base_url: your ONe instance (``https://b2b.example.com``); else
            ``ONE_PLATFORM_BASE_URL``. Required: there is no shared default.
        token: a bearer token, or a callable returning one (sync, or async for the async
            client; called for every request, so it may cache and renew); else
            ``ONE_PLATFORM_TOKEN``.
        oauth: an `OAuth2ClientCredentials` flow instead of ``token`` (its ``token_url`` may
            be a path on the ONe instance; its ``leeway=`` sets how early the token is
            renewed).
        allow_insecure_http: allow a plain ``http://`` base URL that is not on this machine
            (refused by default: the token would cross the network unencrypted).
        **options: the usual client options (``timeout``, ``max_retries``,
            ``route_overrides``, ``http_client``...), see `ClientConfig`.

    Every route is inferred from the integration document (see the ONe guide): move one with
    ``route_overrides={"clients.update": ("PATCH", "/api/v1/...")}``.
    """

    platform = ONE_PLATFORM
    routes = r.ROUTES

    def __init__(
        self,
        base_url: str | None = None,
        *,
        token: str | TokenProvider | None = None,
        oauth: OAuth2ClientCredentials | None = None,
        allow_insecure_http: bool = False,
        **options: Unpack[ClientOptions],
    ) -> None:
        self._allow_insecure_http = allow_insecure_http
        super().__init__(
            client_config(
                self,
                base_url=resolve_base_url(base_url, allow_insecure_http),
                auth=resolve_auth(token, oauth),
                **options,
            )
        )

    def with_options(self, **changes: Any) -> Self:
        """A derived client with some options changed, sharing this client's connection pool.

        Takes any `ClientConfig` field (``timeout``, ``max_retries``, ``route_overrides``...);
        a new ``base_url`` is checked like the constructor's.
        """
        if changes.get("base_url") is not None:
            check_base_url(changes["base_url"], self._allow_insecure_http)
        return super().with_options(**changes)

    # -- resources ------------------------------------------------------------------------------
    @cached_property
    def segments(self) -> AsyncSegments:
        """Client segments (stage I, optional): ``put``."""
        return AsyncSegments(self)

    @cached_property
    def warehouses(self) -> AsyncWarehouses:
        """Warehouses (stage I, optional): ``create``."""
        return AsyncWarehouses(self)

    @cached_property
    def stocks(self) -> AsyncStocks:
        """Stock levels (stage I): ``push_incremental``."""
        return AsyncStocks(self)

    @cached_property
    def clients(self) -> AsyncClients:
        """B2B clients (stage I): ``create``, ``update`` (chunked pushes), ``retrieve``."""
        return AsyncClients(self)

    @cached_property
    def trade_credits(self) -> AsyncTradeCredits:
        """Credit limits (stage I, optional): ``put``."""
        return AsyncTradeCredits(self)

    @cached_property
    def client_blockades(self) -> AsyncClientBlockades:
        """Client blockades (stage I): ``put``."""
        return AsyncClientBlockades(self)

    @cached_property
    def prices(self) -> AsyncPrices:
        """Prices (stage II): ``push_retail``, ``push_b2b``."""
        return AsyncPrices(self)

    @cached_property
    def invoices(self) -> AsyncInvoices:
        """Invoices (stage III): content, PDF, statuses."""
        return AsyncInvoices(self)

    @cached_property
    def goods_issued_notes(self) -> AsyncGoodsIssuedNotes:
        """Goods-issued notes, WZ (stage III): content and PDF."""
        return AsyncGoodsIssuedNotes(self)

    @cached_property
    def orders(self) -> AsyncOrders:
        """Orders (stage III): ``pending_shipments`` (ONe -> ERP), ``push_status``."""
        return AsyncOrders(self)

    @cached_property
    def offline_orders(self) -> AsyncOfflineOrders:
        """Offline orders (stage III, optional): ``create``."""
        return AsyncOfflineOrders(self)

    # -- the composite helpers the resources share ------------------------------------------------
    async def _write(
        self, op: Operation[m.Acknowledgement | None], **call: Any
    ) -> m.Acknowledgement:
        return await self.run(op, **call) or m.Acknowledgement()

    async def _push(
        self,
        op: Operation[Any],
        rows: Iterable[Any],
        model: type[M],
        *,
        ids: Mapping[str, object] | None,
        chunk_size: int = MAX_CHUNK_ROWS,
        stop_on_error: bool = False,
        idempotent: bool = False,
        price_lists: bool = False,
        progress: bool = False,
        on_chunk: Callable[[ChunkResult], object] | None = None,
    ) -> PushReport[Any]:
        model = resolve_type(model)  # ``m.StockLevel`` names the class: the class itself
        size = check_chunk_size(chunk_size)
        check_rows(rows)
        routed = self.route(op)
        routed.url_path(ids or {})  # bad ids are refused before anything is read or sent
        counter = PriceListCounter() if price_lists else None
        if not isinstance(rows, Iterator):
            # Rows that can be read twice are checked whole before anything is sent.
            problems: dict[str, list[str]] = {}
            for start, chunk in chunked(rows, size):
                try:
                    to_models(model, chunk, start)
                except InvalidRequestError as exc:
                    problems.update(exc.field_errors)
            if problems:
                raise invalid(f"{model.__name__} rows", problems)
            if counter is not None:
                over = counter.over_limit(rows)
                if over:
                    raise counter.error(over)
        report: PushReport[Any] = PushReport(operation=op.name)
        retried_by_core = (
            idempotent or routed.method in IDEMPOTENT_METHODS or self.config.retry_non_idempotent
        )
        tracker = chunk_progress(op.name, rows, progress=progress, on_chunk=on_chunk)
        for index, (start, chunk) in enumerate(chunked(rows, size)):
            stop = start + len(chunk)
            try:
                models = to_models(model, chunk, start)
                over = counter.over_limit(models) if counter is not None else {}
                if counter is not None and over:
                    raise counter.error(over)
            except InvalidRequestError as exc:
                result = ChunkResult(index, start, stop, "refused", error=exc, attempts=0)
            else:
                if counter is not None:
                    counter.add(models)
                result = await self._send_chunk(
                    op, ids, models, index, start, idempotent=idempotent, retry=not retried_by_core
                )
            report.chunks.append(result)
            if tracker is not None:
                tracker.advance(result.size, result)
            if not result.ok:
                report.failed_rows.extend(chunk)
                logger.info("%s %s", op.name, result.describe())
                if stop_on_error:
                    report.stopped = True
                    break
        if tracker is not None:
            tracker.close()
        return report

    async def _send_chunk(
        self,
        op: Operation[Any],
        ids: Mapping[str, object] | None,
        models: list[Any],
        index: int,
        start: int,
        *,
        idempotent: bool,
        retry: bool,
    ) -> ChunkResult:
        stop = start + len(models)
        attempts = 0
        while True:
            attempts += 1
            try:
                raw, answer = await self.run_with_response(
                    op, ids=ids, body=models, idempotent=True if idempotent else None
                )
            except APIConnectionError as exc:
                # A POST is sent again only when it never left (connection refused).
                if retry and nothing_sent(exc) and attempts <= self.config.max_retries:
                    await self._sleep(backoff(attempts))
                    continue
                return ChunkResult(index, start, stop, "failed", error=exc, attempts=attempts)
            except APIStatusError as exc:
                return ChunkResult(
                    index,
                    start,
                    stop,
                    "failed",
                    status_code=exc.status_code,
                    error=exc,
                    attempts=attempts,
                )
            except APIError as exc:  # an answer that could not be read
                code = getattr(exc, "status_code", None)
                return ChunkResult(
                    index, start, stop, "failed", status_code=code, error=exc, attempts=attempts
                )
            return ChunkResult(
                index,
                start,
                stop,
                "accepted",
                status_code=raw.status_code,
                accepted=accepted_count(answer, len(models)),
                attempts=attempts,
                answer=answer,
            )

    async def _upload_pdf(
        self,
        begin: Operation[m.UploadTarget],
        complete: Operation[m.Acknowledgement | None],
        id_field: str,
        document_id: str,
        pdf: FileInput,
        filename: str | None,
    ) -> UploadReceipt:
        if not isinstance(document_id, str) or not document_id.strip():
            raise InvalidRequestError(f"{id_field} must be a non-empty string")
        file = pdf_file(pdf, filename=filename, default_name=f"{document_id}.pdf")
        target = await self.run(
            begin,
            body={
                id_field: document_id,
                "file_name": file.filename,
                "content_type": PDF_TYPE,
                "size": file.size,
            },
        )
        await self._put_file(target, file)
        finish: dict[str, Any] = {id_field: document_id}
        if target.upload_id:
            finish["upload_id"] = target.upload_id
        acknowledgement = await self.run(complete, body=finish) or m.Acknowledgement()
        return UploadReceipt(
            document_id=document_id,
            upload_id=target.upload_id,
            filename=file.filename,
            size=file.size,
            acknowledgement=acknowledgement,
        )

    async def _put_file(self, target: m.UploadTarget, file: PdfFile) -> None:
        """Put the bytes where the first step said, in a plain request of their own: no ONe
        token, no client headers (the URL is on another origin, e.g. object storage)."""
        request = upload_request(
            target.upload_url, target.method, target.headers, file, self.config.timeout
        )
        url = public_url(request.url)
        attempts = 0
        while True:
            attempts += 1
            failure: APIConnectionError | None = None
            try:
                response = await self._http.send(request, auth=None, follow_redirects=False)
            except httpx.RequestError as exc:
                # a PUT may be repeated; a POST only if it never left
                failure = connection_error(
                    exc, method=request.method, url=url, replay_safe=request.method == "PUT"
                )
            if failure is not None:  # raised outside the except block: no chain to httpx
                if failure.retryable and attempts <= self.config.max_retries:
                    await self._sleep(backoff(attempts))
                    continue
                raise failure
            if response.status_code in RETRYABLE_STATUSES and attempts <= self.config.max_retries:
                wait = server_wait(response.headers)
                limit = self.config.max_retry_wait
                await self._sleep(min(wait, limit) if wait is not None else backoff(attempts))
                continue
            if response.status_code >= 300:
                raise status_error(
                    Platform(), _anonymous(response, url), decode_body(response), if_match=None
                )
            logger.debug("uploaded %d bytes to %s", file.size, url)
            return


def _anonymous(response: httpx.Response, url: str) -> httpx.Response:
    """The answer with its request's URL reduced to origin and path (a presigned URL's query
    is a credential: it must not reach an exception message)."""
    response.request = httpx.Request(response.request.method, url)
    return response


# -- resources ------------------------------------------------------------------------------------


class _Resource(AsyncAPIResource):
    _client: AsyncOnePlatform

    def __init__(self, client: AsyncOnePlatform) -> None:
        super().__init__(client)


class AsyncSegments(_Resource):
    """Client segments."""

    @uses(r.SEGMENTS_PUT)
    async def put(
        self,
        segment_id: str,
        *,
        name: str,
        description: str | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> m.Acknowledgement:
        """Create or replace the segment ``segment_id`` (send it with the clients in it).

        Args:
            segment_id: the ERP's id of the segment.
            name: its name.
            description: a longer description.
            extra_body: more fields to send as they are.
        """
        return await self._client._write(
            r.SEGMENTS_PUT,
            ids={"segment_id": segment_id},
            body=_given(name=name, description=description),
            extra_body=extra_body,
        )


class AsyncWarehouses(_Resource):
    """Warehouses."""

    @uses(r.WAREHOUSES_CREATE)
    async def create(
        self,
        *,
        code: str,
        name: str,
        address: m.Address | Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> m.Acknowledgement:
        """Create a warehouse (the document: once, on the initial import).

        Args:
            code: the ERP's warehouse code (the ``warehouse`` of `AsyncStocks.push_incremental`).
            name: its name.
            address: where it is.
            extra_body: more fields to send as they are.
        """
        return await self._client._write(
            r.WAREHOUSES_CREATE,
            body=_given(code=code, name=name, address=address),
            extra_body=extra_body,
        )


class AsyncStocks(_Resource):
    """Stock levels."""

    @uses(r.STOCKS_PUSH)
    async def push_incremental(
        self,
        warehouse: str,
        rows: Iterable[StockRowT],
        **options: Unpack[PushOptions],
    ) -> PushReport[StockRowT]:
        """Push the stock rows that changed in ``warehouse``, in chunks of at most 10,000.

        Args:
            warehouse: the warehouse code.
            rows: `StockLevel` models or dicts (``product_code``, ``quantity``...); a list, or
                any iterable, read one chunk at a time (a generator is never held whole).
            **options: `PushOptions`: ``chunk_size``, ``stop_on_error``, ``idempotent``,
                ``progress``, ``on_chunk``.

        Returns:
            a `PushReport`: one result per chunk, totals, and the failed rows to push again.
            Rows that can be read twice (a list) are all checked before anything is sent;
            an `InvalidRequestError` names the bad rows.
        """
        return await self._client._push(
            r.STOCKS_PUSH,
            rows,
            m.StockLevel,
            ids={"warehouse": warehouse},
            **options,
        )


class AsyncClients(_Resource):
    """B2B clients."""

    @uses(r.CLIENTS_CREATE)
    async def create(
        self,
        rows: Iterable[ClientRowT],
        **options: Unpack[PushOptions],
    ) -> PushReport[ClientRowT]:
        """Add clients, in chunks of at most 10,000 (see `AsyncStocks.push_incremental`).

        Args:
            rows: `ClientRecord` models or dicts, only the clients marked for ONe in the ERP.
            **options: `PushOptions`: ``chunk_size``, ``stop_on_error``, ``idempotent``,
                ``progress``, ``on_chunk``.
        """
        return await self._client._push(
            r.CLIENTS_CREATE,
            rows,
            m.ClientRecord,
            ids=None,
            **options,
        )

    @uses(r.CLIENTS_UPDATE)
    async def update(
        self,
        rows: Iterable[ClientRowT],
        **options: Unpack[PushOptions],
    ) -> PushReport[ClientRowT]:
        """Update clients, in chunks of at most 10,000; an unknown client fails its chunk
        (404 "client not found") without stopping the others.

        Args:
            rows: `ClientRecord` models or dicts.
            **options: `PushOptions`: ``chunk_size``, ``stop_on_error``, ``idempotent``,
                ``progress``, ``on_chunk``.
        """
        return await self._client._push(
            r.CLIENTS_UPDATE,
            rows,
            m.ClientRecord,
            ids=None,
            **options,
        )

    @uses(r.CLIENTS_RETRIEVE)
    async def retrieve(self, client_id: str) -> m.ClientRecord:
        """One client as ONe holds it (``NotFoundError`` if ONe does not know it)."""
        return await self._client.run(r.CLIENTS_RETRIEVE, ids={"client_id": client_id})


class AsyncTradeCredits(_Resource):
    """Credit limits."""

    @uses(r.TRADE_CREDITS_PUT)
    async def put(
        self,
        organization_id: str,
        *,
        limit: Decimal | int | str,
        payment_date: dt.date | str | None = None,
        currency: str | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> m.Acknowledgement:
        """Set the credit limit of ``organization_id`` (send it with the client).

        Args:
            organization_id: the organization (the client's ``organization_id``).
            limit: the limit, a `Decimal` (or an int or a numeric string), at least 0.
            payment_date: the payment date, a `datetime.date` or ``"YYYY-MM-DD"``.
            currency: ISO 4217 code of the limit.
            extra_body: more fields to send as they are.
        """
        return await self._client._write(
            r.TRADE_CREDITS_PUT,
            ids={"organization_id": organization_id},
            body=_given(limit=limit, payment_date=payment_date, currency=currency),
            extra_body=extra_body,
        )


class AsyncClientBlockades(_Resource):
    """Client blockades."""

    @uses(r.CLIENT_BLOCKADES_PUT)
    async def put(
        self,
        client_id: str,
        *,
        blocked: bool,
        reason: str | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> m.Acknowledgement:
        """Block (``blocked=True``) or unblock a client.

        Args:
            client_id: the client.
            blocked: whether the client may no longer order.
            reason: why, for the client's account page.
            extra_body: more fields to send as they are.
        """
        return await self._client._write(
            r.CLIENT_BLOCKADES_PUT,
            ids={"client_id": client_id},
            body=_given(blocked=blocked, reason=reason),
            extra_body=extra_body,
        )


class AsyncPrices(_Resource):
    """B2C and B2B prices."""

    @uses(r.RETAIL_PRICES_PUSH)
    async def push_retail(
        self,
        rows: Iterable[RetailRowT],
        **options: Unpack[PushOptions],
    ) -> PushReport[RetailRowT]:
        """Push B2C (retail) prices, in chunks of at most 10,000.

        Args:
            rows: `RetailPrice` models or dicts.
            **options: `PushOptions`: ``chunk_size``, ``stop_on_error``, ``idempotent``,
                ``progress``, ``on_chunk``.
        """
        return await self._client._push(
            r.RETAIL_PRICES_PUSH,
            rows,
            m.RetailPrice,
            ids=None,
            **options,
        )

    @uses(r.B2B_PRICES_PUSH)
    async def push_b2b(
        self,
        rows: Iterable[B2BRowT],
        **options: Unpack[PushOptions],
    ) -> PushReport[B2BRowT]:
        """Push B2B prices, in chunks of at most 10,000; at most 2,000 price lists per client.

        Rows that can be read twice (a list) are counted before anything is sent: more than
        2,000 distinct price lists for one client raises `InvalidRequestError` naming the
        clients. Rows from a one-shot iterator are counted as they are read: the chunk that
        would pass the limit is refused (not sent) and reported.

        Args:
            rows: `B2BPrice` models or dicts.
            **options: `PushOptions`: ``chunk_size``, ``stop_on_error``, ``idempotent``,
                ``progress``, ``on_chunk``.
        """
        return await self._client._push(
            r.B2B_PRICES_PUSH,
            rows,
            m.B2BPrice,
            ids=None,
            price_lists=True,
            **options,
        )


class AsyncInvoices(_Resource):
    """Invoices: content, PDF file, statuses."""

    @uses(r.INVOICES_CREATE)
    async def create(self, invoice: m.InvoiceDocument | Mapping[str, Any]) -> m.Acknowledgement:
        """Send an invoice's content (an `InvoiceDocument` or a dict of its fields)."""
        return await self._client._write(r.INVOICES_CREATE, body=invoice)

    @uses(r.INVOICE_UPLOAD_BEGIN, r.INVOICE_UPLOAD_COMPLETE)
    async def upload_pdf(
        self, invoice_id: str, pdf: FileInput, *, filename: str | None = None
    ) -> UploadReceipt:
        """Upload an invoice's PDF: begin, put the bytes, complete, in one call.

        The bytes go to the URL the begin step answers (object storage, say) in a plain
        request without the ONe token or client headers.

        Args:
            invoice_id: the invoice (sent with `create` first).
            pdf: a path, the bytes, or a binary file object; it must be a PDF.
            filename: the name to give it (default: the path's name, or ``<invoice_id>.pdf``).
        """
        return await self._client._upload_pdf(
            r.INVOICE_UPLOAD_BEGIN,
            r.INVOICE_UPLOAD_COMPLETE,
            "invoice_id",
            invoice_id,
            pdf,
            filename,
        )

    @uses(r.INVOICE_UPLOAD_BEGIN)
    async def begin_upload(
        self, invoice_id: str, *, file_name: str, size: int, content_type: str = PDF_TYPE
    ) -> m.UploadTarget:
        """Step 1 of `upload_pdf` alone: where to put the bytes of ``invoice_id``'s file."""
        return await self._client.run(
            r.INVOICE_UPLOAD_BEGIN,
            body={
                "invoice_id": invoice_id,
                "file_name": file_name,
                "content_type": content_type,
                "size": positive_int(size, "size"),
            },
        )

    @uses(r.INVOICE_UPLOAD_COMPLETE)
    async def complete_upload(
        self, invoice_id: str, *, upload_id: str | None = None
    ) -> m.Acknowledgement:
        """Step 3 of `upload_pdf` alone: tell ONe the bytes are in place."""
        return await self._client._write(
            r.INVOICE_UPLOAD_COMPLETE, body=_given(invoice_id=invoice_id, upload_id=upload_id)
        )

    @uses(r.INVOICE_STATUSES_PUSH)
    async def push_statuses(
        self,
        rows: Iterable[InvoiceStatusRowT],
        **options: Unpack[PushOptions],
    ) -> PushReport[InvoiceStatusRowT]:
        """Push invoice statuses (paid, partly paid...), in chunks of at most 10,000.

        Args:
            rows: `InvoiceStatusUpdate` models or dicts.
            **options: `PushOptions`: ``chunk_size``, ``stop_on_error``, ``idempotent``,
                ``progress``, ``on_chunk``.
        """
        return await self._client._push(
            r.INVOICE_STATUSES_PUSH,
            rows,
            m.InvoiceStatusUpdate,
            ids=None,
            **options,
        )


class AsyncGoodsIssuedNotes(_Resource):
    """Goods-issued notes (WZ): content and PDF file."""

    @uses(r.NOTES_CREATE)
    async def create(
        self, note: m.GoodsIssuedNoteDocument | Mapping[str, Any]
    ) -> m.Acknowledgement:
        """Send a goods-issued note's content (a `GoodsIssuedNoteDocument` or a dict)."""
        return await self._client._write(r.NOTES_CREATE, body=note)

    @uses(r.NOTE_UPLOAD_INITIALIZE, r.NOTE_UPLOAD_FINALIZE)
    async def upload_pdf(
        self, note_id: str, pdf: FileInput, *, filename: str | None = None
    ) -> UploadReceipt:
        """Upload a goods-issued note's PDF: initialize, put the bytes, finalize, in one call.

        Args:
            note_id: the note (sent with `create` first).
            pdf: a path, the bytes, or a binary file object; it must be a PDF.
            filename: the name to give it (default: the path's name, or ``<note_id>.pdf``).
        """
        return await self._client._upload_pdf(
            r.NOTE_UPLOAD_INITIALIZE, r.NOTE_UPLOAD_FINALIZE, "note_id", note_id, pdf, filename
        )

    @uses(r.NOTE_UPLOAD_INITIALIZE)
    async def initialize_upload(
        self, note_id: str, *, file_name: str, size: int, content_type: str = PDF_TYPE
    ) -> m.UploadTarget:
        """Step 1 of `upload_pdf` alone: where to put the bytes of ``note_id``'s file."""
        return await self._client.run(
            r.NOTE_UPLOAD_INITIALIZE,
            body={
                "note_id": note_id,
                "file_name": file_name,
                "content_type": content_type,
                "size": positive_int(size, "size"),
            },
        )

    @uses(r.NOTE_UPLOAD_FINALIZE)
    async def finalize_upload(
        self, note_id: str, *, upload_id: str | None = None
    ) -> m.Acknowledgement:
        """Step 3 of `upload_pdf` alone: tell ONe the bytes are in place."""
        return await self._client._write(
            r.NOTE_UPLOAD_FINALIZE, body=_given(note_id=note_id, upload_id=upload_id)
        )


class AsyncOrders(_Resource):
    """Orders placed on ONe, and their fulfilment status."""

    @uses(r.PENDING_SHIPMENTS)
    def pending_shipments(self, *, limit: int | None = None) -> AsyncPager[m.PendingShipment]:
        """The orders waiting for the ERP (an order leaves the list once its status is
        pushed with `push_status`). One request; iterate it (``async for`` on this client).

        Args:
            limit: the most orders to return.
        """
        return self._client.page(r.PENDING_SHIPMENTS, limit=limit)

    @uses(r.ORDER_STATUS_PUSH)
    async def push_status(
        self,
        rows: Iterable[OrderStatusRowT],
        **options: Unpack[PushOptions],
    ) -> PushReport[OrderStatusRowT]:
        """Push order fulfilment statuses, in chunks of at most 10,000.

        Args:
            rows: `OrderStatusUpdate` models or dicts.
            **options: `PushOptions`: ``chunk_size``, ``stop_on_error``, ``idempotent``,
                ``progress``, ``on_chunk``.
        """
        return await self._client._push(
            r.ORDER_STATUS_PUSH,
            rows,
            m.OrderStatusUpdate,
            ids=None,
            **options,
        )


class AsyncOfflineOrders(_Resource):
    """Orders taken outside ONe."""

    @uses(r.OFFLINE_ORDERS_CREATE)
    async def create(self, order: m.OfflineOrderDocument | Mapping[str, Any]) -> m.Acknowledgement:
        """Send an offline order (an `OfflineOrderDocument` or a dict of its fields)."""
        return await self._client._write(r.OFFLINE_ORDERS_CREATE, body=order)
