"""Pharus resources: documents (being written)."""

from __future__ import annotations

from ..._core._async.client import AsyncAPIClient

__all__ = ["AsyncDocumentsResources"]


class AsyncDocumentsResources(AsyncAPIClient):
    """The documents resources of `AsyncPharus`."""
