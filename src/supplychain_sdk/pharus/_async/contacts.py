"""Pharus resources: contacts (being written)."""

from __future__ import annotations

from ..._core._async.client import AsyncAPIClient

__all__ = ["AsyncContactsResources"]


class AsyncContactsResources(AsyncAPIClient):
    """The contacts resources of `AsyncPharus`."""
