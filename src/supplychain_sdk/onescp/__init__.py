"""ONESCP supply-chain portal API v1: ``OneScp`` and ``AsyncOneScp``.

Models (``Order``, ``Shipment``, ``Item``, ``Task``...), enums, change-feed changes
(``Created``, ``Updated``, ``Deleted``), checkpoints and the typed webhook events are in
this namespace too; ``supplychain_sdk.onescp.webhooks.verify`` checks and parses deliveries.

Every name loads on first use (PEP 562): ``import supplychain_sdk.onescp`` loads nothing
else, a script that uses the sync client never imports the async one, and the models
load with the first name that needs them.
"""

# The model names come from star imports that only type checkers run.
# ruff: noqa: F405

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from ._events import (
        BaseEvent,
        ItemCreatedEvent,
        ItemDeletedEvent,
        ItemUpdatedEvent,
        OrderCreatedEvent,
        OrderDeletedEvent,
        OrderStatusChangedEvent,
        OrderUpdatedEvent,
        ShipmentCreatedEvent,
        ShipmentDeletedEvent,
        ShipmentStatusChangedEvent,
        ShipmentUpdatedEvent,
        TaskCompletedEvent,
        TaskCreatedEvent,
        TaskRejectedEvent,
        TaskUpdatedEvent,
        UnknownEvent,
        WebhookEvent,
    )
    from ._models import *  # noqa: F403
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

#: Each module (relative to this package) and the names it defines, imported on first use.
_MODULES: dict[str, tuple[str, ...]] = {
    ".._core.checkpoint": (
        "FileCheckpoint",
        "MemoryCheckpoint",
        "Checkpoint",
    ),
    "._async.client": (
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
    ),
    "._events": (
        "BaseEvent",
        "ItemCreatedEvent",
        "ItemDeletedEvent",
        "ItemUpdatedEvent",
        "OrderCreatedEvent",
        "OrderDeletedEvent",
        "OrderStatusChangedEvent",
        "OrderUpdatedEvent",
        "ShipmentCreatedEvent",
        "ShipmentDeletedEvent",
        "ShipmentStatusChangedEvent",
        "ShipmentUpdatedEvent",
        "TaskCompletedEvent",
        "TaskCreatedEvent",
        "TaskRejectedEvent",
        "TaskUpdatedEvent",
        "UnknownEvent",
        "WebhookEvent",
    ),
    "._models": (
        "BulkImportResult",
        "Carrier",
        "Change",
        "Container",
        "ContainerInput",
        "Created",
        "Deleted",
        "Document",
        "DocumentType",
        "ErpRowError",
        "ErpSyncReport",
        "ErrorCode",
        "ExportFormat",
        "Item",
        "ItemStatus",
        "ItemType",
        "Order",
        "OrderItem",
        "OrderItemInput",
        "OrderLine",
        "OrderLineInput",
        "OrderStatus",
        "OrderSupplier",
        "OrderSupplierInput",
        "Pagination",
        "Prices",
        "Priority",
        "RateLimit",
        "Shipment",
        "ShipmentStatus",
        "Supplier",
        "Task",
        "TaskDecision",
        "TaskOrderRef",
        "TaskStatus",
        "TaskUser",
        "Updated",
        "User",
        "WebhookEventType",
        "WebhookSubscription",
    ),
    "._sync.client": (
        "Auth",
        "Carriers",
        "ChangeFeed",
        "Items",
        "OneScp",
        "OrderDocuments",
        "OrderLines",
        "Orders",
        "ShipmentContainers",
        "ShipmentDocuments",
        "Shipments",
        "Suppliers",
        "Tasks",
        "WebhookSubscriptions",
    ),
}
_WHERE = {name: module for module, names in _MODULES.items() for name in names}

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
    "BaseEvent",
    "BulkImportResult",
    "Carrier",
    "Carriers",
    "Change",
    "ChangeFeed",
    "Checkpoint",
    "Container",
    "ContainerInput",
    "Created",
    "Deleted",
    "Document",
    "DocumentType",
    "ErpRowError",
    "ErpSyncReport",
    "ErrorCode",
    "ExportFormat",
    "FileCheckpoint",
    "Item",
    "ItemCreatedEvent",
    "ItemDeletedEvent",
    "ItemStatus",
    "ItemType",
    "ItemUpdatedEvent",
    "Items",
    "MemoryCheckpoint",
    "OneScp",
    "Order",
    "OrderCreatedEvent",
    "OrderDeletedEvent",
    "OrderDocuments",
    "OrderItem",
    "OrderItemInput",
    "OrderLine",
    "OrderLineInput",
    "OrderLines",
    "OrderStatus",
    "OrderStatusChangedEvent",
    "OrderSupplier",
    "OrderSupplierInput",
    "OrderUpdatedEvent",
    "Orders",
    "Pagination",
    "Prices",
    "Priority",
    "RateLimit",
    "Shipment",
    "ShipmentContainers",
    "ShipmentCreatedEvent",
    "ShipmentDeletedEvent",
    "ShipmentDocuments",
    "ShipmentStatus",
    "ShipmentStatusChangedEvent",
    "ShipmentUpdatedEvent",
    "Shipments",
    "Supplier",
    "Suppliers",
    "Task",
    "TaskCompletedEvent",
    "TaskCreatedEvent",
    "TaskDecision",
    "TaskOrderRef",
    "TaskRejectedEvent",
    "TaskStatus",
    "TaskUpdatedEvent",
    "TaskUser",
    "Tasks",
    "UnknownEvent",
    "Updated",
    "User",
    "WebhookEvent",
    "WebhookEventType",
    "WebhookSubscription",
    "WebhookSubscriptions",
    "webhooks",
]


def __getattr__(name: str) -> Any:
    if name == "webhooks":
        return importlib.import_module(".webhooks", __name__)
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
