"""Pharus resources: catalog (being written)."""

from __future__ import annotations

from ..._core._async.client import AsyncAPIClient

__all__ = ["AsyncCatalogResources"]


class AsyncCatalogResources(AsyncAPIClient):
    """The catalog resources of `AsyncPharus`."""
