"""What the two transport plugins (`tests.aiohttp_transport`, `tests.urllib3_transport`)
share: leaving out the half of the suite whose clients do not change transport."""

from __future__ import annotations

from collections.abc import Collection

import pytest

#: What the suite runs again on the other transports (CI runs the whole suite that way): the
#: core's socket, TLS, retry and auth tests and ONESCP's client tests.
NESTED_SUITE = (
    "tests/core/test_sockets.py",
    "tests/core/test_tls.py",
    "tests/core/test_retries.py",
    "tests/core/test_auth.py",
    "tests/onescp/test_client.py",
)


def nested_run(plugin: str) -> list[str]:
    """The python argv of `NESTED_SUITE` run with the transport ``plugin``."""
    return ["-m", "pytest", "-p", plugin, "-q", "-p", "no:cacheprovider", *NESTED_SUITE]


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
