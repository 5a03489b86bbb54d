"""The Pharus client: ``AsyncPharus`` here, ``Pharus`` generated from it into ``_sync``."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..._core.auth import BearerAuth, TokenProvider
from ..._core.errors import InvalidRequestError
from ..._core.operations import Operation
from ..._core.options import client_config
from .._errors import PHARUS
from .._routes import ROUTES
from .accounts import AsyncAccountsResources
from .catalog import AsyncCatalogResources
from .contacts import AsyncContactsResources
from .customers import AsyncCustomersResources
from .documents import AsyncDocumentsResources
from .inventory import AsyncInventoryResources
from .production import AsyncProductionResources
from .purchasing import AsyncPurchasingResources
from .sales import AsyncSalesResources

if TYPE_CHECKING:
    from typing_extensions import Self, Unpack

    from ..._core.config import ClientOptions

__all__ = ["AsyncPharus"]


def _org(value: object) -> str:
    if not isinstance(value, str) or not value.strip() or any(c in value for c in "\r\n\t "):
        raise InvalidRequestError(f"org_id must be a non-empty id without spaces, got {value!r}")
    return value


class AsyncPharus(
    AsyncCatalogResources,
    AsyncContactsResources,
    AsyncInventoryResources,
    AsyncSalesResources,
    AsyncPurchasingResources,
    AsyncProductionResources,
    AsyncDocumentsResources,
    AsyncAccountsResources,
    AsyncCustomersResources,
):
    """Async client of the Pharus manufacturing ERP API.

    Args:
        token: a Firebase ID token, a personal access token, or a callable returning one
            (sync or async; Firebase ID tokens expire hourly, so a provider is the usual
            case); defaults to ``PHARUS_TOKEN``.
        org_id: the organization sent as ``X-Org-Id`` on every org-scoped call; defaults to
            ``PHARUS_ORG_ID``. User-scoped and public routes never carry it.
        base_url: the API's origin (the document names no host); defaults to
            ``PHARUS_BASE_URL``. Paths start with ``/api``.
        **options: client options (``timeout``, ``max_retries``, ``route_overrides``, ...).

    Every method and path is **inferred** from a document that lost them
    (pharus-routes.md); correct one without patching the package with
    ``route_overrides={"vendors.update": ("PUT", "/api/vendors/{vendor_id}")}``.
    """

    platform = PHARUS
    routes = ROUTES

    def __init__(
        self,
        token: str | TokenProvider | None = None,
        *,
        org_id: str | None = None,
        base_url: str | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        chosen = token if token is not None else os.environ.get("PHARUS_TOKEN") or None
        org = org_id if org_id is not None else os.environ.get("PHARUS_ORG_ID") or None
        url = base_url if base_url is not None else os.environ.get("PHARUS_BASE_URL", "").strip()
        if not url:
            raise InvalidRequestError(
                "Pharus needs a base URL (its document names no host): pass base_url= or set "
                "PHARUS_BASE_URL"
            )
        self._has_token = chosen is not None
        self._org_id = None if org is None else _org(org)
        super().__init__(
            client_config(
                self,
                base_url=url,
                auth=BearerAuth(chosen) if chosen is not None else None,
                **options,
            )
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, org_id={self._org_id!r})"

    @property
    def org_id(self) -> str | None:
        """The organization sent as ``X-Org-Id`` on org-scoped calls."""
        return self._org_id

    def for_org(self, org_id: str) -> Self:
        """A client scoped to ``org_id``, sharing this client's connection pool and token
        (closing it leaves the pool open)."""
        scoped = self.with_options()
        scoped._org_id = _org(org_id)
        return scoped

    def _op_headers(self, op: Operation[Any]) -> Mapping[str, str] | None:
        if "public" in op.flags:
            return None
        if not self._has_token:
            raise InvalidRequestError(
                f"{op.name} needs a Pharus token: pass token= (a string or a provider) or set "
                "PHARUS_TOKEN"
            )
        if "no-org" in op.flags:
            return None
        if self._org_id is None:
            raise InvalidRequestError(
                f"{op.name} is scoped to an organization: pass org_id=, set PHARUS_ORG_ID, or "
                "use client.for_org(org_id)"
            )
        return {"X-Org-Id": self._org_id}
