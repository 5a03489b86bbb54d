"""Every call the ONe client makes: one row each, the only place a method or a path is written.

The integration document (``one-platform-integration.txt``) gives the paths and the flow
directions, not the HTTP methods: every row is ``inferred=True``, read as the project's
``one-platform-routes.md`` reads it (ERP -> ONe: POST, or PUT where the path names one
entity; ONe -> ERP: GET). If your ONe instance differs, move a row without a release:
``OnePlatform(route_overrides={"clients.update": ("PATCH", "/api/v1/...")})``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs
from typing_extensions import NotRequired, Required, TypedDict

from .._core.lazy import LazyTypes
from .._core.operations import Operation, Paging, api_fields, route_table
from .._core.pagination import PageMeta, PageRequest
from .._core.response import RawResponse

if TYPE_CHECKING:
    from . import _models as m
else:  # named by reference: imported when a call first needs them (see _core/lazy.py)
    m = LazyTypes("supplychain_sdk.one_platform._models")

__all__ = ["ROUTES", "OneAnswer", "shipments_of"]

_ACCOUNT = "/api/v1/account/integrations/auth-required"
_STOCK = "/api/v1/stock/integrations/auth-required"
_PRICING = "/api/v1/pricing/integrations/auth-required"
_INVOICES = "/api/v1/invoices/integrations/auth-required/invoices"
_NOTES = "/api/v1/goods-issued-notes/integrations/auth-required/goods-issued-notes"
_ORDERS = "/api/v1/orders/integrations/auth-required"

Ack = m.Acknowledgement | None


@api_fields
class InvoiceFileStart(TypedDict):
    """Body of the first invoice PDF step."""

    invoice_id: Required[str]
    file_name: Required[str]
    content_type: Required[str]
    size: Required[int]


@api_fields
class InvoiceFileEnd(TypedDict):
    """Body of the last invoice PDF step."""

    invoice_id: Required[str]
    upload_id: NotRequired[str]


@api_fields
class NoteFileStart(TypedDict):
    """Body of the first goods-issued note PDF step."""

    note_id: Required[str]
    file_name: Required[str]
    content_type: Required[str]
    size: Required[int]


@api_fields
class NoteFileEnd(TypedDict):
    """Body of the last goods-issued note PDF step."""

    note_id: Required[str]
    upload_id: NotRequired[str]


@attrs.frozen
class OneAnswer:
    """The pagination of a list the document does not page: one request, one answer."""

    def first_request(self, start: str | int | None) -> PageRequest:
        """The only request (``start`` has nothing to resume)."""
        return PageRequest()

    def read(
        self, request: PageRequest, body: Any, raw: RawResponse, item_count: int
    ) -> tuple[PageMeta, PageRequest | None]:
        """No next page, ever."""
        return PageMeta(page_size=item_count), None


#: Where the list is in an answer of ``orders.pending_shipments``, in the order looked for.
SHIPMENT_KEYS = ("data", "items", "content", "orders", "shipments")


def shipments_of(body: Any) -> Any:
    """The orders in an answer: the body itself if it is a list, else its first list under
    ``data``, ``items``, ``content``, ``orders`` or ``shipments``; an empty body is none."""
    if body is None or isinstance(body, list):
        return body or []
    if isinstance(body, Mapping):
        for key in SHIPMENT_KEYS:
            if isinstance(body.get(key), list):
                return body[key]
    return body  # not a list: the cast reports what was received


SEGMENTS_PUT = Operation[Ack](
    name="segments.put",
    method="PUT",
    path=_ACCOUNT + "/segments/{segment_id}",
    summary="Create or replace a client segment",
    body=m.ClientSegment,
    answer=Ack,
    inferred=True,
)
WAREHOUSES_CREATE = Operation[Ack](
    name="warehouses.create",
    method="POST",
    path=_ACCOUNT + "/warehouses",
    summary="Create a warehouse (initial import)",
    body=m.WarehouseRecord,
    answer=Ack,
    inferred=True,
)
STOCKS_PUSH = Operation[Any](
    name="stocks.push_incremental",
    method="POST",
    path=_STOCK + "/warehouses/{warehouse}/stocks/incremental",
    summary="Push changed stock levels of one warehouse (one chunk of rows)",
    body=list[m.StockLevel],
    answer=Any,
    inferred=True,
)
CLIENTS_CREATE = Operation[Any](
    name="clients.create",
    method="POST",
    path=_ACCOUNT + "/clients",
    summary="Add clients (one chunk of rows)",
    body=list[m.ClientRecord],
    answer=Any,
    inferred=True,
)
CLIENTS_UPDATE = Operation[Any](
    name="clients.update",
    method="PUT",
    path=_ACCOUNT + "/clients",
    summary="Update clients (one chunk of rows)",
    body=list[m.ClientRecord],
    answer=Any,
    inferred=True,
)
CLIENTS_RETRIEVE = Operation[m.ClientRecord](
    name="clients.retrieve",
    method="GET",
    path=_ACCOUNT + "/clients/{client_id}",
    summary="Read one client as ONe holds it",
    answer=m.ClientRecord,
    inferred=True,
)
TRADE_CREDITS_PUT = Operation[Ack](
    name="trade_credits.put",
    method="PUT",
    path=_ACCOUNT + "/trade-credits/{organization_id}",
    summary="Set an organization's credit limit (and payment date)",
    body=m.CreditLimit,
    answer=Ack,
    inferred=True,
)
CLIENT_BLOCKADES_PUT = Operation[Ack](
    name="client_blockades.put",
    method="PUT",
    path=_ACCOUNT + "/client-blockades/{client_id}",
    summary="Block or unblock a client",
    body=m.BlockadeState,
    answer=Ack,
    inferred=True,
)
RETAIL_PRICES_PUSH = Operation[Any](
    name="prices.push_retail",
    method="POST",
    path=_PRICING + "/retail-prices",
    summary="Push B2C (retail) prices (one chunk of rows)",
    body=list[m.RetailPrice],
    answer=Any,
    inferred=True,
)
B2B_PRICES_PUSH = Operation[Any](
    name="prices.push_b2b",
    method="POST",
    path=_PRICING + "/prices",
    summary="Push B2B prices (one chunk of rows)",
    body=list[m.B2BPrice],
    answer=Any,
    inferred=True,
)
INVOICES_CREATE = Operation[Ack](
    name="invoices.create",
    method="POST",
    path=_INVOICES,
    summary="Send an invoice's content",
    body=m.InvoiceDocument,
    answer=Ack,
    inferred=True,
)
INVOICE_UPLOAD_BEGIN = Operation[m.UploadTarget](
    name="invoices.begin_upload",
    method="POST",
    path=_INVOICES + "/file-upload-begin",
    summary="Invoice PDF, step 1: where to put the bytes",
    body=InvoiceFileStart,
    answer=m.UploadTarget,
    inferred=True,
)
INVOICE_UPLOAD_COMPLETE = Operation[Ack](
    name="invoices.complete_upload",
    method="POST",
    path=_INVOICES + "/file-upload-complete",
    summary="Invoice PDF, step 3: the bytes are in place",
    body=InvoiceFileEnd,
    answer=Ack,
    inferred=True,
)
INVOICE_STATUSES_PUSH = Operation[Any](
    name="invoices.push_statuses",
    method="POST",
    path=_INVOICES + "/status",
    summary="Push invoice statuses (one chunk of rows)",
    body=list[m.InvoiceStatusUpdate],
    answer=Any,
    inferred=True,
)
NOTES_CREATE = Operation[Ack](
    name="goods_issued_notes.create",
    method="POST",
    path=_NOTES,
    summary="Send a goods-issued note's (WZ) content",
    body=m.GoodsIssuedNoteDocument,
    answer=Ack,
    inferred=True,
)
NOTE_UPLOAD_INITIALIZE = Operation[m.UploadTarget](
    name="goods_issued_notes.initialize_upload",
    method="POST",
    path=_NOTES + "/file-upload-initialize",
    summary="WZ PDF, step 1: where to put the bytes",
    body=NoteFileStart,
    answer=m.UploadTarget,
    inferred=True,
)
NOTE_UPLOAD_FINALIZE = Operation[Ack](
    name="goods_issued_notes.finalize_upload",
    method="POST",
    path=_NOTES + "/file-upload-finalize",
    summary="WZ PDF, step 3: the bytes are in place",
    body=NoteFileEnd,
    answer=Ack,
    inferred=True,
)
PENDING_SHIPMENTS = Operation[m.PendingShipment](
    name="orders.pending_shipments",
    method="GET",
    path=_ACCOUNT + "/order/shipment",
    summary="Orders placed on ONe waiting for the ERP to fulfil them",
    answer=m.PendingShipment,
    paging=Paging(strategy=lambda page_size, limit: OneAnswer(), items=shipments_of),
    inferred=True,
)
ORDER_STATUS_PUSH = Operation[Any](
    name="orders.push_status",
    method="POST",
    path=_ACCOUNT + "/order/status",
    summary="Push order fulfilment statuses (one chunk of rows)",
    body=list[m.OrderStatusUpdate],
    answer=Any,
    inferred=True,
)
OFFLINE_ORDERS_CREATE = Operation[Ack](
    name="offline_orders.create",
    method="POST",
    path=_ORDERS + "/offline-order/shipment",
    summary="Send an order taken outside ONe",
    body=m.OfflineOrderDocument,
    answer=Ack,
    inferred=True,
)

#: Every ONe operation by name.
ROUTES = route_table(
    SEGMENTS_PUT,
    WAREHOUSES_CREATE,
    STOCKS_PUSH,
    CLIENTS_CREATE,
    CLIENTS_UPDATE,
    CLIENTS_RETRIEVE,
    TRADE_CREDITS_PUT,
    CLIENT_BLOCKADES_PUT,
    RETAIL_PRICES_PUSH,
    B2B_PRICES_PUSH,
    INVOICES_CREATE,
    INVOICE_UPLOAD_BEGIN,
    INVOICE_UPLOAD_COMPLETE,
    INVOICE_STATUSES_PUSH,
    NOTES_CREATE,
    NOTE_UPLOAD_INITIALIZE,
    NOTE_UPLOAD_FINALIZE,
    PENDING_SHIPMENTS,
    ORDER_STATUS_PUSH,
    OFFLINE_ORDERS_CREATE,
)
