"""Pharus fake: documents handlers (being written)."""

from __future__ import annotations

from ._engine import PharusEngine

__all__ = ["DocumentsHandlers"]


class DocumentsHandlers(PharusEngine):
    """Handlers of the documents rows."""
