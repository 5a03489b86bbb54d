"""The Procuros client: ``AsyncProcuros`` here, ``Procuros`` generated from it into ``_sync``."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from ..._core._async.client import AsyncAPIClient, AsyncAPIResource
from ..._core._async.pager import AsyncPager
from ..._core.auth import BearerAuth, TokenProvider
from ..._core.decoding import cast, expect_json, items_at
from ..._core.endpoint import endpoint
from ..._core.errors import APIError, APIStatusError, InvalidRequestError
from ..._core.options import client_config
from ..._core.paths import path
from ..._core.request import RequestSpec
from .. import _models as m
from .. import _params as p
from .._errors import PROCUROS

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ..._core.config import ClientOptions
    from .._results import (
        BulkMarkProcessedItemResult,
        BulkMarkProcessedResult,
        SendTransactionResult,
    )

    _Results = list[BulkMarkProcessedItemResult]

# The result models (``.._results``) are imported where they are built, so that importing
# the client builds no model class.

__all__ = ["AsyncIncoming", "AsyncOutgoing", "AsyncProcuros", "AsyncTransactions"]

#: The two servers the API document lists.
ENVIRONMENTS = {
    "production": "https://api.procuros.io",
    "staging": "https://api.procuros-staging.io",
}
#: The API takes at most this many items per bulk mark-processed call.
BULK_MAX = 1000

_Items = list[dict[str, Any]]


class AsyncIncoming(AsyncAPIResource):
    """Transactions your trade partners sent you that you have not processed yet."""

    @endpoint("GET", "/v2/transactions")
    def list(
        self,
        *,
        type: m.TransactionType | str | None = None,
        page_size: int | None = None,
        cursor: str | None = None,
        limit: int | None = None,
    ) -> AsyncPager[m.ReceivedTransaction]:
        """Unprocessed incoming transactions, oldest first, as a lazy pager.

        Args:
            type: only this transaction type (``filter[type]``).
            page_size: transactions per request, 1 to 100 (sent as ``per_page``; the
                API's default is 100).
            cursor: resume from an earlier page's ``next_cursor`` (the API's cursor).
            limit: stop after this many transactions.

        Each item is typed by its ``type``: ``ReceivedOrderTransaction.content`` is an
        ``Order``, and so on; types this SDK does not know yet arrive as
        ``UnknownReceivedTransaction``.
        """
        params = {
            "filter[type]": p.known(m.TransactionType, type, "type"),
            "per_page": p.page_size(page_size, limit),
        }
        return self._client._paginate(
            RequestSpec(method="GET", path="/v2/transactions", params=params),
            strategy=p.PAGINATION,
            item_type=m.ReceivedTransaction,
            items=items_at("items"),
            start=cursor,
            limit=limit,
        )

    @endpoint("PUT", "/v2/transactions/{procurosTransactionId}")
    async def mark_processed(
        self,
        transaction_id: str,
        *,
        success: bool,
        error_reason: str | None = None,
        error_type: m.ErrorType | str | None = None,
        error_context: Mapping[str, str] | None = None,
    ) -> m.MarkTransactionProcessedResponseData:
        """Report whether your system processed an incoming transaction.

        A processed transaction leaves the incoming list. Report failures with
        ``success=False`` and an ``error_reason`` (and ``error_type``: ``DATA`` for problems a
        user can fix, ``INTERNAL`` for system errors); the answer then carries an
        ``error_url`` into the Procuros portal. Safe to retry (PUT).
        """
        body = _processed(success, error_reason, error_type, error_context)
        return (
            await self._client._call(
                RequestSpec(
                    method="PUT",
                    path=path("/v2/transactions/{id}", id=p.transaction_id(transaction_id)),
                    json=body,
                ),
                m.MarkTransactionProcessedResponse,
            )
        ).data

    @endpoint("POST", "/v2/transactions/bulk/mark-processed")
    async def bulk_mark_processed(
        self,
        items: Iterable[m.BulkMarkTransactionsProcessedRequestItem | Mapping[str, Any]],
        *,
        batch_size: int = BULK_MAX,
    ) -> BulkMarkProcessedResult:
        """Mark many incoming transactions processed, in batches of at most 1,000.

        Each item is ``{"procurosTransactionId": ..., "success": ...}`` plus, for failures,
        ``errorReason`` / ``errorType`` / ``errorContext`` (a dict or a
        ``BulkMarkTransactionsProcessedRequestItem``). All items are checked before the
        first batch is sent. When the API refuses a batch and names the items at fault
        (``items.3.procurosTransactionId``), the rest of that batch is sent once more, so
        one bad id does not block its 999 neighbours. Marking is idempotent, so batches are
        retried on transient failures. If a later batch still fails (server down, token
        revoked), the items not sent are reported with ``accepted=False`` and an error
        starting ``not sent:``; if the first batch fails, the error is raised.
        """
        from .._results import BulkMarkProcessedResult

        if isinstance(batch_size, bool) or not 1 <= batch_size <= BULK_MAX:
            raise InvalidRequestError(f"batch_size must be from 1 to {BULK_MAX}")
        checked = [_bulk_item(index, item) for index, item in enumerate(items)]
        if not checked:
            raise InvalidRequestError("bulk_mark_processed needs at least one item")
        results: list[BulkMarkProcessedItemResult] = []
        batches = [checked[i : i + batch_size] for i in range(0, len(checked), batch_size)]
        for number, batch in enumerate(batches):
            try:
                results.extend(await self._mark_batch(batch))
            except APIError as exc:
                if not results:
                    raise  # nothing was marked yet: the error itself says it best
                left = [item for later in batches[number:] for item in later]
                results.extend(_not_sent(left, exc))
                break
        return BulkMarkProcessedResult(items=results, batches=len(batches))

    async def _mark_batch(self, batch: _Items) -> _Results:
        """One call; if the API names the items it refuses, the others are sent once more."""
        try:
            return _confirmed(batch, await self._post_batch(batch))
        except APIStatusError as exc:
            if exc.status_code not in {400, 404, 422}:
                raise
            refusal = exc
        named = _refused_indexes(refusal, len(batch))
        if not named or len(named) == len(batch):
            return _refused(batch, refusal)
        outcome = dict(
            zip(named, _refused([batch[i] for i in named], refusal, own=named), strict=True)
        )
        rest = [index for index in range(len(batch)) if index not in named]
        try:
            answer = await self._post_batch([batch[i] for i in rest])
            retried = _confirmed([batch[i] for i in rest], answer)
        except APIStatusError as again:
            if again.status_code not in {400, 404, 422}:
                raise
            retried = _refused([batch[i] for i in rest], again)
        outcome.update(zip(rest, retried, strict=True))
        return [outcome[index] for index in range(len(batch))]

    async def _post_batch(self, batch: _Items) -> m.BulkMarkTransactionsProcessedResponse:
        return await self._client._call(
            RequestSpec(
                method="POST",
                path="/v2/transactions/bulk/mark-processed",
                json={"items": batch},
                idempotent=True,
            ),
            m.BulkMarkTransactionsProcessedResponse,
        )


def _processed(
    success: bool,
    error_reason: str | None,
    error_type: m.ErrorType | str | None,
    error_context: Mapping[str, str] | None,
) -> dict[str, Any]:
    if not isinstance(success, bool):
        raise InvalidRequestError("success must be True or False")
    body: dict[str, Any] = {"success": success}
    extra = {
        "errorReason": error_reason,
        "errorType": p.known(m.ErrorType, error_type, "error_type"),
        "errorContext": p.error_context(error_context),
    }
    given = {k: v for k, v in extra.items() if v is not None}
    if success and given:
        raise InvalidRequestError(
            f"{', '.join(given)} only apply to failures: pass success=False to report one"
        )
    if error_reason is not None and (not isinstance(error_reason, str) or not error_reason):
        raise InvalidRequestError("error_reason must be a non-empty string")
    body.update(given)
    return body


def _bulk_item(index: int, item: object) -> dict[str, Any]:
    if isinstance(item, m.BulkMarkTransactionsProcessedRequestItem):
        data: Mapping[str, Any] = item.to_dict()
    elif isinstance(item, Mapping):
        data = item
    else:
        raise InvalidRequestError(f"items[{index}] must be a dict or a BulkMark...RequestItem")
    known_keys = {"procurosTransactionId", "success", "errorReason", "errorType", "errorContext"}
    unknown = set(data) - known_keys
    if unknown:
        raise InvalidRequestError(f"items[{index}] has unknown keys: {sorted(unknown)}")
    tx_id = p.transaction_id(
        data.get("procurosTransactionId"), f"items[{index}].procurosTransactionId"
    )
    try:
        body = _processed(
            data.get("success"),  # type: ignore[arg-type]
            data.get("errorReason"),
            data.get("errorType"),
            data.get("errorContext"),
        )
    except InvalidRequestError as exc:
        raise InvalidRequestError(f"items[{index}]: {exc}") from None
    return {"procurosTransactionId": tx_id, **body}


def _confirmed(
    batch: list[dict[str, Any]], answer: m.BulkMarkTransactionsProcessedResponse
) -> list[BulkMarkProcessedItemResult]:
    from .._results import BulkMarkProcessedItemResult

    by_id = {item.procuros_transaction_id: item for item in answer.data}
    out = []
    for sent in batch:
        confirmation = by_id.get(sent["procurosTransactionId"])
        out.append(
            BulkMarkProcessedItemResult(
                procuros_transaction_id=sent["procurosTransactionId"],
                success=sent["success"],
                accepted=confirmation is not None,
                message=confirmation.message if confirmation else None,
                error_url=confirmation.error_url if confirmation else None,
                error=None if confirmation else "not confirmed in the answer to its batch",
            )
        )
    return out


def _refused_indexes(exc: APIStatusError, size: int) -> list[int]:
    """Positions of the items the API's field errors name (``items.3.procurosTransactionId``)."""
    named = set()
    for field in exc.field_errors:
        parts = field.split(".")
        if len(parts) > 1 and parts[0] == "items" and parts[1].isdigit() and int(parts[1]) < size:
            named.add(int(parts[1]))
    return sorted(named)


def _refused(items: _Items, exc: APIStatusError, *, own: list[int] | None = None) -> _Results:
    """Not accepted, with the reason; ``own`` gives each item's position in the batch sent."""
    reason = exc.error_message or str(exc)
    out = []
    for index, sent in enumerate(items):
        position = own[index] if own is not None else index
        mine = [
            f"{field}: {'; '.join(messages)}"
            for field, messages in exc.field_errors.items()
            if field.startswith(f"items.{position}.")
        ]
        out.append(_not_accepted(sent, f"{reason} ({'; '.join(mine)})" if mine else reason))
    return out


def _not_sent(items: _Items, exc: APIError) -> _Results:
    return [_not_accepted(sent, f"not sent: {exc}") for sent in items]


def _not_accepted(sent: dict[str, Any], error: str) -> BulkMarkProcessedItemResult:
    from .._results import BulkMarkProcessedItemResult

    return BulkMarkProcessedItemResult(
        procuros_transaction_id=sent["procurosTransactionId"],
        success=sent["success"],
        accepted=False,
        error=error,
    )


class AsyncOutgoing(AsyncAPIResource):
    """Sending documents to trade partners, and reporting errors on your side."""

    @endpoint("POST", "/v2/transactions")
    async def send(
        self, transaction: m.SentTransaction | p.Document | Mapping[str, Any]
    ) -> SendTransactionResult:
        """Send a transaction to a trade partner.

        ``transaction`` is a document (``Order``, ``Invoice``, ... — its type is inferred),
        a typed envelope (``SentInvoiceTransaction(type="INVOICE", content=...)``) or a dict
        ``{"type": "INVOICE", "content": {...}}``. The content is validated against its
        type before sending; a mismatch raises ``InvalidRequestError``. Never retried
        automatically: a POST without an idempotency key could create a duplicate. A failure
        after sending (dropped connection, 5xx, an unreadable answer) has
        ``outcome_unknown=True``: look the transaction up before sending it again.
        """
        from .._results import SendTransactionResult

        body = p.sent_transaction(transaction)
        response, data = await self._client._send(
            RequestSpec(method="POST", path="/v2/transactions", json=body)
        )
        # an answer that cannot be read (an HTML proxy page, a list) leaves the outcome
        # unknown: the transaction was probably stored, so it must not simply be sent again
        expect_json(response, data, outcome_unknown=True)
        result: SendTransactionResult = cast(
            SendTransactionResult,
            data or {},
            method=response.request.method,
            url=str(response.request.url),
            status=response.status_code,
            outcome_unknown=True,
        )
        return result.model_copy(update={"queued": response.status_code == 202})

    @endpoint("POST", "/v2/errors")
    async def report_error(
        self,
        *,
        error_reason: str,
        error_type: m.ErrorType | str,
        error_context: Mapping[str, str] | None = None,
        transaction_identifier: str | None = None,
        transaction_type: m.TransactionType | str | None = None,
    ) -> m.ReportErrorResponse:
        """Report an error in your system, optionally tied to an outgoing transaction.

        Args:
            error_reason: what went wrong.
            error_type: ``DATA`` (a user can fix it) or ``INTERNAL``.
            error_context: extra string key/values for the error.
            transaction_identifier: the order/invoice/... number it concerns.
            transaction_type: the type of that transaction.

        Never retried automatically (POST).
        """
        if not isinstance(error_reason, str) or not error_reason.strip():
            raise InvalidRequestError("error_reason must be a non-empty string")
        if transaction_identifier is not None and not transaction_identifier:
            raise InvalidRequestError("transaction_identifier must not be empty")
        body = {
            "errorReason": error_reason,
            "errorType": p.known(m.ErrorType, error_type, "error_type"),
            "errorContext": p.error_context(error_context),
            "transactionIdentifier": transaction_identifier,
            "transactionType": p.known(m.TransactionType, transaction_type, "transaction_type"),
        }
        if body["errorType"] is None:
            raise InvalidRequestError("error_type is required")
        return await self._client._call(
            RequestSpec(
                method="POST",
                path="/v2/errors",
                json={k: v for k, v in body.items() if v is not None},
            ),
            m.ReportErrorResponse,
        )


class AsyncTransactions(AsyncAPIResource):
    """Every transaction of your connection, sent and received, with status and flow."""

    @endpoint("GET", "/v2/all-transactions")
    def list(
        self,
        *,
        type: m.TransactionType | str | None = None,
        flow: m.TransactionFlow | str | None = None,
        status: m.TransactionStatus | str | None = None,
        created_between: Sequence[dt.date | dt.datetime | str] | None = None,
        page_size: int | None = None,
        cursor: str | None = None,
        limit: int | None = None,
    ) -> AsyncPager[m.Transaction]:
        """All transactions, filtered, as a lazy pager.

        Args:
            type: only this transaction type.
            flow: ``LIVE`` or ``TEST``.
            status: ``PENDING``, ``SUCCESS``, ``FAILED``, ``DROPPED`` or ``UNKNOWN``.
            created_between: a ``(start, end)`` pair of dates or datetimes (inclusive days;
                sent as ``YYYY-MM-DD,YYYY-MM-DD``).
            page_size: transactions per request, 1 to 100 (sent as ``per_page``).
            cursor: resume from an earlier page's ``next_cursor`` (the API's cursor).
            limit: stop after this many transactions.
        """
        params = {
            "filter[type]": p.known(m.TransactionType, type, "type"),
            "filter[flow]": p.known(m.TransactionFlow, flow, "flow"),
            "filter[status]": p.known(m.TransactionStatus, status, "status"),
            "filter[created_between]": p.created_between(created_between),
            "per_page": p.page_size(page_size, limit),
        }
        return self._client._paginate(
            RequestSpec(method="GET", path="/v2/all-transactions", params=params),
            strategy=p.PAGINATION,
            item_type=m.Transaction,
            items=items_at("items"),
            start=cursor,
            limit=limit,
        )

    @endpoint("GET", "/v2/all-transactions/{procurosTransactionId}")
    async def retrieve(self, transaction_id: str) -> m.Transaction:
        """One transaction by its ``procurosTransactionId``."""
        answer = await self._client._call(
            RequestSpec(
                method="GET",
                path=path("/v2/all-transactions/{id}", id=p.transaction_id(transaction_id)),
            ),
            m.ShowTransactionResponse,
        )
        return answer.data


class AsyncProcuros(AsyncAPIClient):
    """Async client of the Procuros EDI transactions API v2.

    Args:
        api_token: the API token of your ERP connection (or a callable returning it);
            defaults to the ``PROCUROS_API_TOKEN`` environment variable.
        environment: ``"production"`` or ``"staging"`` (the two servers of the API);
            defaults to ``PROCUROS_ENVIRONMENT``, else production.
        base_url: another server (a sandbox, a proxy); defaults to ``PROCUROS_BASE_URL``.
            An explicit ``base_url=`` wins over ``environment=``, an explicit
            ``environment=`` over ``PROCUROS_BASE_URL``, and that over
            ``PROCUROS_ENVIRONMENT``.
        **options: client options (``timeout``, ``max_retries``, ``http_client``, ...).

    Raises:
        InvalidRequestError: no token, an unknown environment, or a bad or unknown option
            (``Procuros: unknown option 'retries' (did you mean 'max_retries'?)``).
    """

    platform = PROCUROS

    def __init__(
        self,
        api_token: str | TokenProvider | None = None,
        *,
        environment: Literal["production", "staging"] | str | None = None,
        base_url: str | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        token = api_token if api_token is not None else os.environ.get("PROCUROS_API_TOKEN")
        if not token:
            raise InvalidRequestError(
                "no Procuros API token: pass api_token=... or set PROCUROS_API_TOKEN"
            )
        if base_url is None and environment is None:
            base_url = os.environ.get("PROCUROS_BASE_URL", "").strip() or None
        environment = environment or os.environ.get("PROCUROS_ENVIRONMENT") or "production"
        if environment not in ENVIRONMENTS:
            raise InvalidRequestError(
                f"environment must be one of {sorted(ENVIRONMENTS)}, got {environment!r}"
            )
        super().__init__(
            client_config(
                self,
                base_url=base_url or ENVIRONMENTS[environment],
                auth=BearerAuth(token),
                **options,
            )
        )

    @cached_property
    def incoming(self) -> AsyncIncoming:
        """Unprocessed transactions sent to you: list, mark processed (one or in bulk)."""
        return AsyncIncoming(self)

    @cached_property
    def outgoing(self) -> AsyncOutgoing:
        """Send transactions; report errors."""
        return AsyncOutgoing(self)

    @cached_property
    def transactions(self) -> AsyncTransactions:
        """All transactions of the connection: list with filters, retrieve."""
        return AsyncTransactions(self)

    @endpoint("GET", "/v2/ping")
    async def ping(self) -> None:
        """Check the connection and token; raises ``AuthenticationError`` on a bad token."""
        await self._call(RequestSpec(method="GET", path="/v2/ping"))
