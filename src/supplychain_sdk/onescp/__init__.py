"""ONESCP supply-chain portal API v1: ``OneScp`` and ``AsyncOneScp``.

Models (``Order``, ``Shipment``, ``Item``, ``Task``...), enums, change-feed changes
(``Created``, ``Updated``, ``Deleted``), checkpoints and the typed webhook events are in
this namespace too; ``supplychain_sdk.onescp.webhooks.verify`` checks and parses deliveries.
"""

from .._core.checkpoint import Checkpoint, FileCheckpoint, MemoryCheckpoint
from . import webhooks
from ._async.client import (
    AsyncAuth,
    AsyncCarriers,
    AsyncChangeFeed,
    AsyncItems,
    AsyncOneScp,
    AsyncOrderDocuments,
    AsyncOrderLines,
    AsyncOrders,
    AsyncShipmentContainers,
    AsyncShipmentDocuments,
    AsyncShipments,
    AsyncSuppliers,
    AsyncTasks,
    AsyncWebhookSubscriptions,
)
from ._events import *  # noqa: F403
from ._events import __all__ as _events_all
from ._models import *  # noqa: F403
from ._models import __all__ as _models_all
from ._sync.client import (
    Auth,
    Carriers,
    ChangeFeed,
    Items,
    OneScp,
    OrderDocuments,
    OrderLines,
    Orders,
    ShipmentContainers,
    ShipmentDocuments,
    Shipments,
    Suppliers,
    Tasks,
    WebhookSubscriptions,
)

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
    "Auth",
    "Carriers",
    "ChangeFeed",
    "FileCheckpoint",
    "Items",
    "MemoryCheckpoint",
    "OneScp",
    "OrderDocuments",
    "OrderLines",
    "Orders",
    "ShipmentContainers",
    "ShipmentDocuments",
    "Shipments",
    "Suppliers",
    "Checkpoint",
    "Tasks",
    "WebhookSubscriptions",
    "webhooks",
    *[name for name in _events_all if name not in {"EVENT_CLASSES", "event_adapter"}],
    *_models_all,
]
