"""Pharus fake: accounts handlers (being written)."""

from __future__ import annotations

from ._engine import PharusEngine

__all__ = ["AccountsHandlers"]


class AccountsHandlers(PharusEngine):
    """Handlers of the accounts rows."""
