"""Pharus resources: accounts (being written)."""

from __future__ import annotations

from ..._core._async.client import AsyncAPIClient

__all__ = ["AsyncAccountsResources"]


class AsyncAccountsResources(AsyncAPIClient):
    """The accounts resources of `AsyncPharus`."""
