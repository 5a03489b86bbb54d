"""Pharus fake: sales handlers (being written)."""

from __future__ import annotations

from ._engine import PharusEngine

__all__ = ["SalesHandlers"]


class SalesHandlers(PharusEngine):
    """Handlers of the sales rows."""
