"""What the two transport plugins (`tests.aiohttp_transport`, `tests.urllib3_transport`)
share: leaving out the half of the suite whose clients do not change transport."""

from __future__ import annotations

from collections.abc import Collection

import pytest


def deselect(
    config: pytest.Config, items: list[pytest.Item], *, other_mode: str, nodeids: Collection[str]
) -> None:
    """Deselect the ``other_mode`` runs of ``mode`` tests and the tests named in ``nodeids``."""
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        callspec = getattr(item, "callspec", None)
        other = callspec is not None and callspec.params.get("mode") == other_mode
        (dropped if other or item.nodeid in nodeids else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
