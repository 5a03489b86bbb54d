"""Pharus resources: production (being written)."""

from __future__ import annotations

from ..._core._async.client import AsyncAPIClient

__all__ = ["AsyncProductionResources"]


class AsyncProductionResources(AsyncAPIClient):
    """The production resources of `AsyncPharus`."""
