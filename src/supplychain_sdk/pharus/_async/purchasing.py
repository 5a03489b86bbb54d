"""Pharus resources: purchasing (being written)."""

from __future__ import annotations

from ..._core._async.client import AsyncAPIClient

__all__ = ["AsyncPurchasingResources"]


class AsyncPurchasingResources(AsyncAPIClient):
    """The purchasing resources of `AsyncPharus`."""
