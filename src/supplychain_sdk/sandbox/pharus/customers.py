"""Pharus fake: customers handlers (being written)."""

from __future__ import annotations

from ._engine import PharusEngine

__all__ = ["CustomersHandlers"]


class CustomersHandlers(PharusEngine):
    """Handlers of the customers rows."""
