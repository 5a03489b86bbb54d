"""Exact-request cases of the Pharus accounts rows (being written)."""

from __future__ import annotations

from tests.routes import Case

CASES: dict[str, Case] = {}
#: Public methods of this group that are composites (several rows, or none).
COMPOSITES: set[str] = set()
