"""Every Pharus operation, one row each: the only place a Pharus method or path is written.

The document lost every method and path (pharus-routes.md); each row is the project's
inference, marked ``inferred=True``, and can be corrected per client with
``route_overrides``. Rows live in one module per group of sections; ``ROUTES`` joins them.
"""

from __future__ import annotations

from typing import Any

from ..._core.operations import Operation, route_table
from . import (
    accounts,
    catalog,
    contacts,
    customers,
    documents,
    inventory,
    production,
    purchasing,
    sales,
)

__all__ = ["ROUTES"]

#: Every operation by name (183 rows).
ROUTES: dict[str, Operation[Any]] = route_table(
    *catalog.ROWS,
    *contacts.ROWS,
    *inventory.ROWS,
    *sales.ROWS,
    *purchasing.ROWS,
    *production.ROWS,
    *documents.ROWS,
    *accounts.ROWS,
    *customers.ROWS,
)
