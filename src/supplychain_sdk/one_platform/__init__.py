"""ONe B2B platform, ERP integration API: ``OnePlatform`` and ``AsyncOnePlatform``.

Routes are inferred from the integration document (every row of the route table is
``inferred=True``; move one with ``route_overrides``). Pushes of rows are chunked (at most
10,000 rows per request) and return a `PushReport`; ``SCHEDULE`` holds the document's
cadence for every flow.

Every name loads on first use (PEP 562): ``import supplychain_sdk.one_platform`` loads nothing
else, a script that uses the sync client never imports the async one, and the models
load with the first name that needs them.
"""

# The model names come from star imports that only type checkers run.
# ruff: noqa: F405

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._async.client import (
        AsyncClientBlockades,
        AsyncClients,
        AsyncGoodsIssuedNotes,
        AsyncInvoices,
        AsyncOfflineOrders,
        AsyncOnePlatform,
        AsyncOrders,
        AsyncPrices,
        AsyncSegments,
        AsyncStocks,
        AsyncTradeCredits,
        AsyncWarehouses,
    )
    from ._models import *  # noqa: F403
    from ._push import (
        MAX_CHUNK_ROWS,
        MAX_PRICE_LISTS_PER_CLIENT,
        ChunkResult,
        ChunkStatus,
        PushOptions,
        PushReport,
    )
    from ._routes import ROUTES
    from ._schedule import SCHEDULE, Direction, ScheduledFlow, flow
    from ._sync.client import (
        ClientBlockades,
        Clients,
        GoodsIssuedNotes,
        Invoices,
        OfflineOrders,
        OnePlatform,
        Orders,
        Prices,
        Segments,
        Stocks,
        TradeCredits,
        Warehouses,
    )
    from ._uploads import UploadReceipt

#: Each module (relative to this package) and the names it defines, imported on first use.
_MODULES: dict[str, tuple[str, ...]] = {
    "._async.client": (
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
    ),
    "._models": (
        "Acknowledgement",
        "Address",
        "B2BPrice",
        "BlockadeState",
        "ClientRecord",
        "ClientSegment",
        "CreditLimit",
        "Currency",
        "DocumentLine",
        "GoodsIssuedNoteDocument",
        "InvoiceDocument",
        "InvoiceStatusUpdate",
        "OfflineOrderDocument",
        "OrderStatusUpdate",
        "PendingShipment",
        "RetailPrice",
        "StockLevel",
        "UploadTarget",
        "WarehouseRecord",
    ),
    "._push": (
        "MAX_CHUNK_ROWS",
        "MAX_PRICE_LISTS_PER_CLIENT",
        "ChunkResult",
        "ChunkStatus",
        "PushOptions",
        "PushReport",
    ),
    "._routes": ("ROUTES",),
    "._schedule": (
        "SCHEDULE",
        "Direction",
        "ScheduledFlow",
        "flow",
    ),
    "._sync.client": (
        "ClientBlockades",
        "Clients",
        "GoodsIssuedNotes",
        "Invoices",
        "OfflineOrders",
        "OnePlatform",
        "Orders",
        "Prices",
        "Segments",
        "Stocks",
        "TradeCredits",
        "Warehouses",
    ),
    "._uploads": ("UploadReceipt",),
}
_WHERE = {name: module for module, names in _MODULES.items() for name in names}

__all__ = [
    "MAX_CHUNK_ROWS",
    "MAX_PRICE_LISTS_PER_CLIENT",
    "ROUTES",
    "SCHEDULE",
    "Acknowledgement",
    "Address",
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
    "B2BPrice",
    "BlockadeState",
    "ChunkResult",
    "ChunkStatus",
    "ClientBlockades",
    "ClientRecord",
    "ClientSegment",
    "Clients",
    "CreditLimit",
    "Currency",
    "Direction",
    "DocumentLine",
    "GoodsIssuedNoteDocument",
    "GoodsIssuedNotes",
    "InvoiceDocument",
    "InvoiceStatusUpdate",
    "Invoices",
    "OfflineOrderDocument",
    "OfflineOrders",
    "OnePlatform",
    "OrderStatusUpdate",
    "Orders",
    "PendingShipment",
    "Prices",
    "PushOptions",
    "PushReport",
    "RetailPrice",
    "ScheduledFlow",
    "Segments",
    "StockLevel",
    "Stocks",
    "TradeCredits",
    "UploadReceipt",
    "UploadTarget",
    "WarehouseRecord",
    "Warehouses",
    "flow",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
