"""Pharus answer models: sales (being written)."""

from __future__ import annotations

__all__: list[str] = []
