"""Pharus fake: inventory handlers (being written)."""

from __future__ import annotations

from ._engine import PharusEngine

__all__ = ["InventoryHandlers"]


class InventoryHandlers(PharusEngine):
    """Handlers of the inventory rows."""
