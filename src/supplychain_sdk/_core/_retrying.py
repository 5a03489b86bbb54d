"""The tenacity retry policy for one call: what to retry, how long to wait, when to stop.

Shared by the sync and async clients; the loops themselves are tenacity's ``Retrying`` and
``AsyncRetrying``.
"""

from __future__ import annotations

from typing import Any

import httpx
from tenacity import RetryCallState

from ._logging import logger
from .errors import APIConnectionError
from .platform import Platform
from .retry import IDEMPOTENT_METHODS, RETRYABLE_STATUSES, backoff, server_wait

__all__ = ["RetryPolicy"]

Outcome = tuple[httpx.Response, Any]


class RetryPolicy:
    """Callables for tenacity's ``retry=``, ``wait=``, ``stop=`` and ``before_sleep=``."""

    def __init__(
        self,
        *,
        platform: Platform,
        method: str,
        url: str,
        idempotent: bool | None,
        retry_non_idempotent: bool,
        max_retries: int,
        budget: float,
        max_wait: float,
    ) -> None:
        self.platform = platform
        self.method = method
        self.url = url
        if idempotent is None:  # by method, unless the client opted in to retrying writes
            may_retry = method in IDEMPOTENT_METHODS or retry_non_idempotent
        else:  # the caller (or the platform) said so explicitly
            may_retry = idempotent
        self.max_retries = max_retries if may_retry else 0
        self.budget = budget
        self.max_wait = max_wait

    def server_wait(self, outcome: Outcome) -> float | None:
        """The wait the server asked for (see `retry.server_wait`)."""
        response, body = outcome
        return server_wait(response.headers, body, self.platform.retry_after)

    def should_retry(self, state: RetryCallState) -> bool:
        outcome = state.outcome
        if outcome is None or self.max_retries == 0:
            return False
        if outcome.failed:
            exc = outcome.exception()
            return isinstance(exc, APIConnectionError) and exc.retryable
        result: Outcome = outcome.result()
        if result[0].status_code not in RETRYABLE_STATUSES:
            return False
        wait = self.server_wait(result)
        # A wait longer than the cap is not waited out: the caller gets the error at once.
        return wait is None or wait <= self.max_wait

    def wait(self, state: RetryCallState) -> float:
        outcome = state.outcome
        if outcome is not None and not outcome.failed:
            server = self.server_wait(outcome.result())
            if server is not None:
                return min(server, self.max_wait)
        return min(backoff(state.attempt_number), self.max_wait)

    def stop(self, state: RetryCallState) -> bool:
        if state.attempt_number > self.max_retries:
            return True
        return state.idle_for + (state.upcoming_sleep or 0.0) > self.budget

    def before_sleep(self, state: RetryCallState) -> None:
        outcome = state.outcome
        if outcome is None:  # pragma: no cover - tenacity always sets it before sleeping
            return
        if outcome.failed:
            exc = outcome.exception()
            reason = getattr(exc, "reason", type(exc).__name__)
        else:
            response = outcome.result()[0]
            reason = f"{response.status_code} {response.reason_phrase}".strip()
        logger.info(
            "retrying %s %s (attempt %d of %d) in %.2fs: %s",
            self.method,
            self.url,
            state.attempt_number + 1,
            self.max_retries + 1,
            state.upcoming_sleep,
            reason,
        )

    @staticmethod
    def give_up(state: RetryCallState) -> Any:
        """Called when ``stop`` says so: hand back the last answer, or raise the last error."""
        assert state.outcome is not None
        return state.outcome.result()
