"""When a failed call is retried and how long to wait first (the policy, not the loop)."""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Mapping
from email.utils import parsedate_to_datetime
from typing import Any

__all__ = [
    "IDEMPOTENT_METHODS",
    "RETRYABLE_STATUSES",
    "backoff",
    "server_wait",
]

#: Statuses that mean "try again later".
RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
#: Methods that are safe to repeat; other methods are retried only when marked idempotent.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})

#: A platform hook reading a wait (seconds) from a decoded error body.
RetryAfterHook = Callable[[Any], "float | None"]


def _finite(value: float) -> float | None:
    """A wait in seconds, or ``None`` for ``inf``/``nan`` (``1e400`` reads as ``inf``)."""
    return max(0.0, value) if math.isfinite(value) else None


def _retry_after_value(value: str, now: float) -> float | None:
    value = value.strip()
    try:
        return _finite(float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:  # pragma: no cover - older Pythons return None instead of raising
        return None
    return _finite(when.timestamp() - now)


def server_wait(
    headers: Mapping[str, str],
    body: Any = None,
    hook: RetryAfterHook | None = None,
    *,
    now: Callable[[], float] = time.time,
) -> float | None:
    """Seconds the server asked us to wait, or ``None``.

    In order: ``Retry-After`` (seconds or HTTP date), the platform's body ``hook`` (e.g. an
    ``error.retryAfter`` field), then ``X-RateLimit-Reset`` — read as epoch seconds, or as a
    delay when it is under a year of seconds, as some servers send. A value that is not a
    finite number (``inf``, ``nan``, ``1e400``) is ignored, like one that does not parse.
    """
    lowered = {k.lower(): v for k, v in headers.items()}
    current = now()
    if "retry-after" in lowered:
        wait = _retry_after_value(lowered["retry-after"], current)
        if wait is not None:
            return wait
    if hook is not None:
        try:
            hinted = hook(body)
            wait = None if hinted is None or hinted < 0 else _finite(float(hinted))
        except (ArithmeticError, TypeError, ValueError):  # a hint the hook could not read
            wait = None
        if wait is not None:
            return wait
    reset = lowered.get("x-ratelimit-reset")
    if reset is not None:
        try:
            value = float(reset)
        except ValueError:
            return None
        return _finite(value - current) if value > 31_536_000 else _finite(value)
    return None


def backoff(attempt: int, *, base: float = 0.5, cap: float = 8.0) -> float:
    """Exponential backoff with full jitter: uniform in ``[0, min(cap, base * 2**(attempt-1))]``."""
    return random.uniform(0.0, min(cap, base * (2 ** max(0, attempt - 1))))
