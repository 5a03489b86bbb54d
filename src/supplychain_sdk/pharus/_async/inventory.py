"""Pharus resources: inventory (being written)."""

from __future__ import annotations

from ..._core._async.client import AsyncAPIClient

__all__ = ["AsyncInventoryResources"]


class AsyncInventoryResources(AsyncAPIClient):
    """The inventory resources of `AsyncPharus`."""
