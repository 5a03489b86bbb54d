"""Pharus fake: production handlers (being written)."""

from __future__ import annotations

from ._engine import PharusEngine

__all__ = ["ProductionHandlers"]


class ProductionHandlers(PharusEngine):
    """Handlers of the production rows."""
