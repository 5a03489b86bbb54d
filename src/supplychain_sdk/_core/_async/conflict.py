"""Read-modify-write with optimistic versioning.

Written once, async, in ``_core/_async/conflict.py``; the sync twin is generated from it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from .._logging import logger
from ..errors import InvalidRequestError, VersionConflictError

__all__ = ["retry_on_conflict"]

T = TypeVar("T")
R = TypeVar("R")


async def retry_on_conflict(
    read: Callable[[], Awaitable[T]],
    modify: Callable[[T], T],
    write: Callable[[T], Awaitable[R]],
    *,
    attempts: int = 3,
) -> R:
    """Run ``write(modify(read()))``, starting over when the write hits a version conflict.

    ``write`` should send the entity's version as ``If-Match`` (the SDK's update methods do
    when given the model). After ``attempts`` conflicts the last
    `VersionConflictError` is raised.

    Example:
        ```python
        await retry_on_conflict(
            lambda: client.orders.retrieve("42"),
            lambda order: order.model_copy(update={"instructions": "Fragile"}),
            lambda order: client.orders.update(order),
        )
        ```
    """
    if isinstance(attempts, bool) or attempts < 1:
        raise InvalidRequestError("attempts must be a positive integer")
    for attempt in range(1, attempts + 1):
        current = await read()
        try:
            return await write(modify(current))
        except VersionConflictError as exc:
            if attempt == attempts:
                raise
            logger.info(
                "version conflict on %s %s (sent %s); reading again (attempt %d of %d)",
                exc.method,
                exc.url,
                exc.sent_version,
                attempt + 1,
                attempts,
            )
    raise AssertionError("unreachable")  # pragma: no cover
