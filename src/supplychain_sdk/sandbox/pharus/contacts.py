"""Pharus fake: contacts handlers (being written)."""

from __future__ import annotations

from ._engine import PharusEngine

__all__ = ["ContactsHandlers"]


class ContactsHandlers(PharusEngine):
    """Handlers of the contacts rows."""
