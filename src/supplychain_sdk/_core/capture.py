"""`capture_responses`: the raw answers received inside a block, across threads and tasks."""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager

from .response import RawResponse, keeping_bodies

__all__ = ["capture_responses", "record"]

_current_capture: contextvars.ContextVar[list[RawResponse] | None] = contextvars.ContextVar(
    "supplychain_sdk_capture", default=None
)


@contextmanager
def capture_responses(*, bodies: bool = False) -> Iterator[list[RawResponse]]:
    """Collect the `RawResponse` of every answer received inside the block.

    Works across sync and async code (it is a context variable), for any call, pager or
    raw request.

    Args:
        bodies: also keep each answer's body (`RawResponse.content`, ``.text``,
            ``.json()``). Off by default: outside such a block no body is kept, so memory
            and speed are unchanged.

    Example:
        ```python
        with capture_responses() as seen:
            client.orders.retrieve("42")
        print(seen[-1].status_code, seen[-1].request_id)

        with capture_responses(bodies=True) as seen:
            client.orders.retrieve("42")
        print(seen[-1].json())  # the answer exactly as the server sent it
        ```
    """
    seen: list[RawResponse] = []
    token = _current_capture.set(seen)
    try:
        with keeping_bodies(bodies):
            yield seen
    finally:
        _current_capture.reset(token)


def record(raw: RawResponse) -> None:
    seen = _current_capture.get()
    if seen is not None:
        seen.append(raw)
