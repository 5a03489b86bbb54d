"""A stateful Pharus fake over every row of the client's route table.

    from supplychain_sdk.sandbox.pharus import PharusSandbox

    sandbox = PharusSandbox()            # one organization, its owner signed in
    client = sandbox.client()            # a Pharus client with token and X-Org-Id set
    vendor = client.vendors.create(name="Acme Resins")

It answers as pharus-routes.md reads the document: routes from the same rows the client
uses, ``Authorization: Bearer`` and ``X-Org-Id`` checked (records of another organization
are 404), roles (owner, admin, member, viewer) with a 403 below a route's minimum, cursor
pages (``cursor``/``limit`` -> ``{data, nextCursor}``), bulk imports, in-use checks that
block deletes (409 ``in_use``), status changes with their timestamps, inventory ledger
entries written by transfers, adjustments and disposals, documents with signed URLs served
by the fake, and ``{"error": {"code", "message", "details"}}`` for every error.
"""

from __future__ import annotations

from ._engine import Call, PharusEngine, SandboxError, handler_name
from .accounts import AccountsHandlers
from .catalog import CatalogHandlers
from .contacts import ContactsHandlers
from .customers import CustomersHandlers
from .documents import DocumentsHandlers
from .inventory import InventoryHandlers
from .production import ProductionHandlers
from .purchasing import PurchasingHandlers
from .sales import SalesHandlers

__all__ = ["Call", "PharusEngine", "PharusSandbox", "SandboxError", "handler_name"]


class PharusSandbox(
    CatalogHandlers,
    ContactsHandlers,
    InventoryHandlers,
    SalesHandlers,
    PurchasingHandlers,
    ProductionHandlers,
    DocumentsHandlers,
    AccountsHandlers,
    CustomersHandlers,
):
    """The Pharus fake: every route of the table (see the module docs)."""
