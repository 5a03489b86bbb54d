"""Pharus rows: documents (being written)."""

from __future__ import annotations

from typing import Any

from ..._core.operations import Operation

ROWS: tuple[Operation[Any], ...] = ()
