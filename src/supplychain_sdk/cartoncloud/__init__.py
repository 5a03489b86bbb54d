"""CartonCloud API v1: ``CartonCloud`` and ``AsyncCartonCloud``.

Typed entities and standard elements (``OutboundOrder``, ``Customer``, ``Address``, ...), the
search condition builder (``JsonField``, ``AndCondition``, ``OrCondition``) and the webhook
parser (``supplychain_sdk.cartoncloud.webhooks``) are in this namespace too.
"""

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
from ._conditions import (
    MATCH_ALL,
    AndCondition,
    Condition,
    ConditionLike,
    JsonField,
    OrCondition,
    TextComparisonCondition,
    TextComparisonMethod,
)
from ._models import *  # noqa: F403
from ._models import __all__ as _models_all
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

__all__ = [
    "MATCH_ALL",
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
    "Condition",
    "ConditionLike",
    "Consignments",
    "Customers",
    "InboundOrders",
    "JsonField",
    "OrCondition",
    "OutboundOrders",
    "Products",
    "Tenants",
    "TextComparisonCondition",
    "TextComparisonMethod",
    "UserAccount",
    "webhooks",
    *_models_all,
]
