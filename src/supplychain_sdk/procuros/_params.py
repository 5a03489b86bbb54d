"""Checking and shaping Procuros call arguments before anything is sent (no I/O here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, TypeAlias
from urllib.parse import parse_qs, urlsplit

from pydantic import BaseModel, ValidationError

from .._core.checks import field_errors, invalid, known, uuid_string
from .._core.errors import InvalidRequestError
from .._core.pagination import CursorPagination, PageMeta
from .._core.response import RawResponse
from . import _models as m

if TYPE_CHECKING:
    from .._core.models import APIModel

__all__ = [
    "DOCUMENT_TYPES",
    "PAGINATION",
    "SENT_CLASSES",
    "Document",
    "created_between",
    "error_context",
    "known",
    "page_size",
    "sent_transaction",
    "transaction_id",
]

if TYPE_CHECKING:
    #: Any of the twelve documents ``outgoing.send`` accepts directly.
    Document: TypeAlias = (
        m.Order
        | m.OrderResponse
        | m.ShippingNotice
        | m.Invoice
        | m.CreditNote
        | m.DispatchInstruction
        | m.DispatchInstructionResponse
        | m.ReceivalNotice
        | m.RemittanceAdvice
        | m.ProductCatalog
        | m.InventoryReport
        | m.SalesReport
    )
    #: Document class -> the transaction type it is sent as.
    DOCUMENT_TYPES: dict[type[APIModel], m.TransactionType]
    #: Transaction type -> the typed envelope ``POST /v2/transactions`` takes.
    SENT_CLASSES: dict[m.TransactionType, type[APIModel]]


# ``Document``, ``DOCUMENT_TYPES`` and ``SENT_CLASSES`` need the document classes: they are
# built on first use (PEP 562), so that importing the client builds no model.


def _document_union() -> Any:
    return (
        m.Order
        | m.OrderResponse
        | m.ShippingNotice
        | m.Invoice
        | m.CreditNote
        | m.DispatchInstruction
        | m.DispatchInstructionResponse
        | m.ReceivalNotice
        | m.RemittanceAdvice
        | m.ProductCatalog
        | m.InventoryReport
        | m.SalesReport
    )


@cache
def _document_types() -> dict[type[APIModel], m.TransactionType]:
    return {
        m.Order: m.TransactionType.ORDER,
        m.OrderResponse: m.TransactionType.ORDER_RESPONSE,
        m.ShippingNotice: m.TransactionType.SHIPPING_NOTICE,
        m.Invoice: m.TransactionType.INVOICE,
        m.CreditNote: m.TransactionType.CREDIT_NOTE,
        m.DispatchInstruction: m.TransactionType.DISPATCH_INSTRUCTION,
        m.DispatchInstructionResponse: m.TransactionType.DISPATCH_INSTRUCTION_RESPONSE,
        m.ReceivalNotice: m.TransactionType.RECEIVAL_NOTICE,
        m.RemittanceAdvice: m.TransactionType.REMITTANCE_ADVICE,
        m.ProductCatalog: m.TransactionType.PRODUCT_CATALOG,
        m.InventoryReport: m.TransactionType.INVENTORY_REPORT,
        m.SalesReport: m.TransactionType.SALES_REPORT,
    }


@cache
def _sent_classes() -> dict[m.TransactionType, type[APIModel]]:
    return {
        m.TransactionType.ORDER: m.SentOrderTransaction,
        m.TransactionType.ORDER_RESPONSE: m.SentOrderResponseTransaction,
        m.TransactionType.SHIPPING_NOTICE: m.SentShippingNoticeTransaction,
        m.TransactionType.INVOICE: m.SentInvoiceTransaction,
        m.TransactionType.CREDIT_NOTE: m.SentCreditNoteTransaction,
        m.TransactionType.DISPATCH_INSTRUCTION: m.SentDispatchInstructionTransaction,
        m.TransactionType.DISPATCH_INSTRUCTION_RESPONSE: (
            m.SentDispatchInstructionResponseTransaction
        ),
        m.TransactionType.RECEIVAL_NOTICE: m.SentReceivalNoticeTransaction,
        m.TransactionType.REMITTANCE_ADVICE: m.SentRemittanceAdviceTransaction,
        m.TransactionType.PRODUCT_CATALOG: m.SentProductCatalogTransaction,
        m.TransactionType.INVENTORY_REPORT: m.SentInventoryReportTransaction,
        m.TransactionType.SALES_REPORT: m.SentSalesReportTransaction,
    }


_LAZY: dict[str, Callable[[], Any]] = {
    "Document": _document_union,
    "DOCUMENT_TYPES": _document_types,
    "SENT_CLASSES": _sent_classes,
}


def __getattr__(name: str) -> Any:
    build = _LAZY.get(name)
    if build is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = globals()[name] = build()
    return value


def transaction_id(value: object, name: str = "transaction_id") -> str:
    """A ``procurosTransactionId``: the API only knows UUIDs, so anything else is refused."""
    return uuid_string(value, name)


def page_size(value: int | None, limit: int | None = None) -> int | None:
    """The ``per_page`` query value: ``page_size`` checked against the API's 1 to 100; with
    only a small ``limit``, that."""
    if value is None:
        if isinstance(limit, int) and not isinstance(limit, bool) and 1 <= limit < 100:
            return limit  # no need to fetch 100 items to yield a few
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100:
        raise InvalidRequestError(f"page_size must be an integer from 1 to 100, got {value!r}")
    return value


def _as_date(value: object, name: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise InvalidRequestError(f"{name} must be a date, a datetime or an ISO date string")


def created_between(value: Sequence[dt.date | dt.datetime | str] | None) -> str | None:
    """A (start, end) pair formatted as the spec asks: ``YYYY-MM-DD,YYYY-MM-DD``."""
    if value is None:
        return None
    if isinstance(value, (str, bytes)) or len(value) != 2:
        raise InvalidRequestError("created_between must be a (start, end) pair of dates")
    start = _as_date(value[0], "created_between start")
    end = _as_date(value[1], "created_between end")
    if start > end:
        raise InvalidRequestError(f"created_between starts after it ends ({start} > {end})")
    return f"{start.isoformat()},{end.isoformat()}"


def error_context(value: Mapping[str, str] | None) -> dict[str, str] | None:
    """``errorContext``: string keys and string values only, as the spec says."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise InvalidRequestError("error_context must be a mapping of strings to strings")
    bad = [k for k, v in value.items() if not isinstance(k, str) or not isinstance(v, str)]
    if bad:
        raise InvalidRequestError(f"error_context values must be strings (check: {bad})")
    return dict(value)


def sent_transaction(transaction: object) -> dict[str, Any]:
    """The JSON for ``POST /v2/transactions`` from a document, a Sent* model or a dict.

    The document is validated against the model of its ``type`` first, so a content that
    does not fit its type is refused before sending.
    """
    document_type = _document_types().get(type(transaction))  # type: ignore[arg-type]
    if isinstance(transaction, BaseModel) and document_type is not None:
        data: Any = {
            "type": document_type.value,
            "content": transaction.model_dump(mode="json", by_alias=True, exclude_unset=True),
        }
    elif isinstance(transaction, BaseModel):
        if type(transaction) not in _sent_classes().values():
            raise InvalidRequestError(
                f"cannot send a {type(transaction).__name__}: pass a document (Order, "
                "Invoice, ...), a Sent...Transaction or a dict with 'type' and 'content'"
            )
        data = transaction.model_dump(mode="json", by_alias=True, exclude_unset=True)
    elif isinstance(transaction, Mapping):
        data = dict(transaction)
    else:
        raise InvalidRequestError(
            "transaction must be a document model, a Sent...Transaction or a dict, "
            f"not {type(transaction).__name__}"
        )
    tx_type = known(m.TransactionType, data.get("type"), "transaction type")
    if tx_type is None:
        raise InvalidRequestError("the transaction needs a 'type' (e.g. 'ORDER')")
    if not isinstance(data.get("content"), Mapping):
        raise InvalidRequestError("the transaction needs a 'content' object (the document)")
    model = _sent_classes()[tx_type]
    try:
        checked = model.model_validate(data)
    except ValidationError as exc:
        raise invalid(f"the {tx_type.value} transaction", field_errors(exc)) from None
    # Fields left as None are not sent: the spec makes almost no document field nullable.
    return checked.model_dump(mode="json", by_alias=True, exclude_unset=True, exclude_none=True)


def _next_cursor(body: Any, raw: RawResponse) -> str | None:
    """``nextCursor``, else the ``cursor`` parameter of ``nextPageUrl``.

    Taking the cursor out of the URL keeps every request on the client's own origin and
    lets ``page.next_cursor`` resume a listing whichever of the two the API sent.
    """
    if not isinstance(body, Mapping) or body.get("hasMore") is False:
        return None
    value = body.get("nextCursor")
    if value:
        return str(value)
    url = body.get("nextPageUrl")
    if isinstance(url, str) and url:
        cursors = parse_qs(urlsplit(url).query).get("cursor")
        if cursors and cursors[0]:
            return cursors[0]
    return None


def _next_url(body: Any, raw: RawResponse) -> str | None:
    if not isinstance(body, Mapping) or body.get("hasMore") is False:
        return None
    value = body.get("nextPageUrl")
    return str(value) if value else None


def _meta(body: Any, raw: RawResponse) -> PageMeta:
    if not isinstance(body, Mapping):
        return PageMeta()
    per = body.get("perPage")
    more = body.get("hasMore")
    return PageMeta(
        page_size=per if isinstance(per, int) else None,
        has_more=more if isinstance(more, bool) else None,
    )


#: ``?cursor=`` in; ``nextCursor`` out, or failing that ``nextPageUrl`` (same origin only).
PAGINATION = CursorPagination(next_cursor=_next_cursor, next_url=_next_url, meta=_meta)
