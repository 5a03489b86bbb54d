"""Pharus fake: catalog handlers (being written)."""

from __future__ import annotations

from ._engine import PharusEngine

__all__ = ["CatalogHandlers"]


class CatalogHandlers(PharusEngine):
    """Handlers of the catalog rows."""
