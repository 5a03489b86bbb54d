"""CartonCloud API v1: ``CartonCloud`` and ``AsyncCartonCloud``.

Typed entities and standard elements (``OutboundOrder``, ``Customer``, ``Address``, ...), the
search condition builder (``JsonField``, ``AndCondition``, ``OrCondition``) and the webhook
parser (``supplychain_sdk.cartoncloud.webhooks``) are in this namespace too.

Every name loads on first use (PEP 562): ``import supplychain_sdk.cartoncloud`` loads nothing
else, a script that uses the sync client never imports the async one, and the models
load with the first name that needs them.
"""

# The model names come from star imports that only type checkers run.
# ruff: noqa: F405

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import webhooks
    from ._async.client import (
        AsyncCartonCloud,
        AsyncConsignments,
        AsyncCustomers,
        AsyncInboundOrders,
        AsyncOutboundOrders,
        AsyncProducts,
        AsyncTenants,
        AsyncUserAccount,
    )
    from ._comparisons import JsonField, TextComparisonCondition, TextComparisonMethod
    from ._conditions import MATCH_ALL, AndCondition, Condition, ConditionLike, OrCondition
    from ._models import *  # noqa: F403
    from ._sync.client import (
        CartonCloud,
        Consignments,
        Customers,
        InboundOrders,
        OutboundOrders,
        Products,
        Tenants,
        UserAccount,
    )

#: Each module (relative to this package) and the names it defines, imported on first use.
_MODULES: dict[str, tuple[str, ...]] = {
    "._async.client": (
        "AsyncCartonCloud",
        "AsyncConsignments",
        "AsyncCustomers",
        "AsyncInboundOrders",
        "AsyncOutboundOrders",
        "AsyncProducts",
        "AsyncTenants",
        "AsyncUserAccount",
    ),
    "._comparisons": ("JsonField", "TextComparisonCondition", "TextComparisonMethod"),
    "._conditions": ("MATCH_ALL", "AndCondition", "Condition", "ConditionLike", "OrCondition"),
    "._models": (
        "Address",
        "ChargeMethod",
        "CollectDetails",
        "Consignment",
        "ConsignmentDetails",
        "ConsignmentItem",
        "ConsignmentItemMeasures",
        "Country",
        "Customer",
        "CustomerReferences",
        "DateLike",
        "DeliverDetails",
        "InboundOrder",
        "InboundOrderDetails",
        "ItemPropertyRequirement",
        "Money",
        "NewConsignment",
        "NewInboundOrder",
        "NewOutboundOrder",
        "NewTransportProduct",
        "NewWarehouseProduct",
        "NotificationType",
        "Number",
        "OrderItem",
        "OrderItemDetails",
        "OrderItemMeasures",
        "OrderType",
        "OutboundOrder",
        "OutboundOrderDetails",
        "Product",
        "ProductNotification",
        "ProductRef",
        "ProductReferences",
        "ProductScope",
        "References",
        "SecondaryStockSelectionMethod",
        "State",
        "Status",
        "StockSelectionMethod",
        "Tenant",
        "TransportProduct",
        "TransportProductDetails",
        "UnitOfMeasure",
        "UnitOfMeasureDefinition",
        "UnknownProduct",
        "User",
        "Warehouse",
        "WarehouseProduct",
        "WarehouseProductDetails",
        "WarehouseProductInbound",
        "WarehouseProductStockSelection",
        "WarehouseProductStorage",
    ),
    "._sync.client": (
        "CartonCloud",
        "Consignments",
        "Customers",
        "InboundOrders",
        "OutboundOrders",
        "Products",
        "Tenants",
        "UserAccount",
    ),
}
_WHERE = {name: module for module, names in _MODULES.items() for name in names}

__all__ = [
    "MATCH_ALL",
    "Address",
    "AndCondition",
    "AsyncCartonCloud",
    "AsyncConsignments",
    "AsyncCustomers",
    "AsyncInboundOrders",
    "AsyncOutboundOrders",
    "AsyncProducts",
    "AsyncTenants",
    "AsyncUserAccount",
    "CartonCloud",
    "ChargeMethod",
    "CollectDetails",
    "Condition",
    "ConditionLike",
    "Consignment",
    "ConsignmentDetails",
    "ConsignmentItem",
    "ConsignmentItemMeasures",
    "Consignments",
    "Country",
    "Customer",
    "CustomerReferences",
    "Customers",
    "DateLike",
    "DeliverDetails",
    "InboundOrder",
    "InboundOrderDetails",
    "InboundOrders",
    "ItemPropertyRequirement",
    "JsonField",
    "Money",
    "NewConsignment",
    "NewInboundOrder",
    "NewOutboundOrder",
    "NewTransportProduct",
    "NewWarehouseProduct",
    "NotificationType",
    "Number",
    "OrCondition",
    "OrderItem",
    "OrderItemDetails",
    "OrderItemMeasures",
    "OrderType",
    "OutboundOrder",
    "OutboundOrderDetails",
    "OutboundOrders",
    "Product",
    "ProductNotification",
    "ProductRef",
    "ProductReferences",
    "ProductScope",
    "Products",
    "References",
    "SecondaryStockSelectionMethod",
    "State",
    "Status",
    "StockSelectionMethod",
    "Tenant",
    "Tenants",
    "TextComparisonCondition",
    "TextComparisonMethod",
    "TransportProduct",
    "TransportProductDetails",
    "UnitOfMeasure",
    "UnitOfMeasureDefinition",
    "UnknownProduct",
    "User",
    "UserAccount",
    "Warehouse",
    "WarehouseProduct",
    "WarehouseProductDetails",
    "WarehouseProductInbound",
    "WarehouseProductStockSelection",
    "WarehouseProductStorage",
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
