"""Pharus resources: sales (being written)."""

from __future__ import annotations

from ..._core._async.client import AsyncAPIClient

__all__ = ["AsyncSalesResources"]


class AsyncSalesResources(AsyncAPIClient):
    """The sales resources of `AsyncPharus`."""
