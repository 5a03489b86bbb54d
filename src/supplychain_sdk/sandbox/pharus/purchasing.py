"""Pharus fake: purchasing handlers (being written)."""

from __future__ import annotations

from ._engine import PharusEngine

__all__ = ["PurchasingHandlers"]


class PurchasingHandlers(PharusEngine):
    """Handlers of the purchasing rows."""
