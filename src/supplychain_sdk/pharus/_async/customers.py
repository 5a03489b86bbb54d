"""Pharus resources: customers (being written)."""

from __future__ import annotations

from ..._core._async.client import AsyncAPIClient

__all__ = ["AsyncCustomersResources"]


class AsyncCustomersResources(AsyncAPIClient):
    """The customers resources of `AsyncPharus`."""
