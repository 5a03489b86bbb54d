"""ONe B2B platform, ERP integration API: ``OnePlatform`` and ``AsyncOnePlatform``.

Routes are inferred from the integration document (every row of the route table is
``inferred=True``; move one with ``route_overrides``). Pushes of rows are chunked (at most
10,000 rows per request) and return a `PushReport`; ``SCHEDULE`` holds the document's
cadence for every flow.
"""

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
from ._models import __all__ as _models_all
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

__all__ = [
    "MAX_CHUNK_ROWS",
    "MAX_PRICE_LISTS_PER_CLIENT",
    "ROUTES",
    "SCHEDULE",
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
    "ChunkResult",
    "ChunkStatus",
    "ClientBlockades",
    "Clients",
    "Direction",
    "GoodsIssuedNotes",
    "Invoices",
    "OfflineOrders",
    "OnePlatform",
    "Orders",
    "Prices",
    "PushOptions",
    "PushReport",
    "ScheduledFlow",
    "Segments",
    "Stocks",
    "TradeCredits",
    "UploadReceipt",
    "Warehouses",
    "flow",
    *_models_all,
]
