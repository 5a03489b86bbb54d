"""Which event loop an async client's connection pool belongs to.

The async client source (``_async/client.py``) uses `AsyncLoopGuard`; its generated sync twin
uses `LoopGuard`, whose check does nothing: a sync client belongs to no event loop.
"""

from __future__ import annotations

import asyncio
import weakref

from .errors import EventLoopError

__all__ = ["AsyncLoopGuard", "LoopGuard"]


class LoopGuard:
    """A sync client's pool: usable from any thread, no event loop involved."""

    def check(self, client: object) -> None:
        """Nothing to check: sync connections belong to no event loop."""


class AsyncLoopGuard(LoopGuard):
    """Remembers the event loop an async client's pool was first used on.

    httpx opens each pooled connection on the running event loop; once that loop is closed
    (``asyncio.run`` returned), the connections are dead, and using them from another loop
    fails deep inside asyncio with ``RuntimeError: Event loop is closed``. The guard turns
    that into an `EventLoopError` that says what to do, before anything is sent.
    """

    def __init__(self) -> None:
        self._loop: weakref.ref[asyncio.AbstractEventLoop] | None = None

    def check(self, client: object) -> None:
        """Raise `EventLoopError` if ``client`` is used on another loop than its first."""
        loop = asyncio.get_running_loop()
        if self._loop is None:
            self._loop = weakref.ref(loop)
            return
        first = self._loop()
        if first is loop:
            return
        state = "closed" if first is None or first.is_closed() else "still running elsewhere"
        raise EventLoopError(
            f"{type(client).__name__} was first used on another event loop (now {state}), "
            "and its connections belong to that loop. Create an async client inside the "
            "event loop that uses it, e.g. `async with AsyncClient(...) as client:` in the "
            "coroutine passed to asyncio.run(), one client per asyncio.run() call; or use "
            "the sync client, which works from any thread."
        )
