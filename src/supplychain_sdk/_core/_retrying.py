"""The tenacity retry policy for one call: what to retry, how long to wait, when to stop.

Shared by the sync and async clients; the loops themselves are tenacity's ``Retrying`` and
``AsyncRetrying``.
"""

from __future__ import annotations

from typing import Any

import httpx
from tenacity import RetryCallState

from ._logging import logger, redact_url
from .errors import APIConnectionError, APIError, APIStatusError
from .failures import AMBIGUOUS_STATUSES
from .platform import Platform
from .retry import IDEMPOTENT_METHODS, RETRYABLE_STATUSES, backoff, server_wait

__all__ = ["RetryPolicy", "replay_safe"]

Outcome = tuple[httpx.Response, Any]


def may_retry(method: str, idempotent: bool | None, retry_non_idempotent: bool) -> bool:
    """Whether a call is retried at all: by method, unless the caller said explicitly."""
    if idempotent is None:  # by method, unless the client opted in to retrying writes
        return method in IDEMPOTENT_METHODS or retry_non_idempotent
    return idempotent  # the caller (or the platform) said so explicitly


def replay_safe(
    method: str, idempotent: bool | None, retry_non_idempotent: bool, conditional: bool
) -> bool:
    """Whether a call may be sent again after it may have reached the server: retried at
    all, and not a conditional (If-Match) write, whose replay after it was applied would
    meet a version conflict caused by itself."""
    if conditional:
        return False
    if idempotent is None:  # `may_retry`, inline: this runs for every call
        return method in IDEMPOTENT_METHODS or retry_non_idempotent
    return idempotent


class RetryPolicy:
    """Callables for tenacity's ``retry=``, ``wait=``, ``stop=`` and ``before_sleep=``."""

    def __init__(
        self,
        *,
        platform: Platform,
        method: str,
        url: httpx.URL,
        idempotent: bool | None,
        retry_non_idempotent: bool,
        conditional: bool = False,
        max_retries: int,
        budget: float,
        max_wait: float,
    ) -> None:
        self.platform = platform
        self.method = method
        self.url = url
        #: Whether the request is retried at all (by method, or as the caller said).
        self.may_retry = may_retry(method, idempotent, retry_non_idempotent)
        #: Whether it may be sent again after it may have reached the server.
        self.replay_safe = replay_safe(method, idempotent, retry_non_idempotent, conditional)
        #: A failed token request is retried for any call: the API request was not sent.
        self.max_retries = max_retries
        self.budget = budget
        self.max_wait = max_wait

    def server_wait(self, outcome: Outcome) -> float | None:
        """The wait the server asked for (see `retry.server_wait`)."""
        response, body = outcome
        return server_wait(response.headers, body, self.platform.retry_after)

    def should_retry(self, state: RetryCallState) -> bool:
        outcome = state.outcome
        if outcome is None:
            return False
        if outcome.failed:
            exc = outcome.exception()
            return exc is not None and self.retries_failure(exc)
        return self.retries_answer(outcome.result())

    def retries_failure(self, exc: BaseException) -> bool:
        """Whether an attempt that raised ``exc`` is followed by another."""
        if self.max_retries == 0:
            return False
        if isinstance(exc, APIError) and exc.token_request:
            return self._transient_token_failure(exc)
        return self.may_retry and isinstance(exc, APIConnectionError) and exc.retryable

    def retries_answer(self, result: Outcome) -> bool:
        """Whether an attempt that got this answer is followed by another."""
        if self.max_retries == 0 or not self.may_retry:
            return False
        status = result[0].status_code
        if status not in RETRYABLE_STATUSES:
            return False
        if not self.replay_safe and status in AMBIGUOUS_STATUSES:
            return False  # a conditional write may have been applied before the 5xx
        wait = self.server_wait(result)
        # A wait longer than the cap is not waited out: the caller gets the error at once.
        return wait is None or wait <= self.max_wait

    def outcome_unknown(self, status: int) -> bool:
        """Whether a final error status leaves the outcome unknown: a write that may have
        been applied before the server failed, and that was not safe to send again."""
        return not self.replay_safe and status in AMBIGUOUS_STATUSES

    def _transient_token_failure(self, exc: APIError) -> bool:
        """A token/login request that failed for a reason worth another try."""
        if isinstance(exc, APIConnectionError):
            return exc.retryable
        if not isinstance(exc, APIStatusError) or exc.status_code not in RETRYABLE_STATUSES:
            return False
        return exc.retry_after is None or exc.retry_after <= self.max_wait

    def wait(self, state: RetryCallState) -> float:
        outcome = state.outcome
        if outcome is not None and not outcome.failed:
            server = self.server_wait(outcome.result())
            if server is not None:
                return min(server, self.max_wait)
        if outcome is not None and outcome.failed:
            exc = outcome.exception()
            if isinstance(exc, APIStatusError) and exc.retry_after is not None:
                return min(exc.retry_after, self.max_wait)
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
            if isinstance(exc, APIStatusError):
                reason = f"{exc.status_code} from the token request"
            else:
                reason = getattr(exc, "reason", type(exc).__name__)
        else:
            response = outcome.result()[0]
            reason = f"{response.status_code} {response.reason_phrase}".strip()
        logger.info(
            "retrying %s %s (attempt %d of %d) in %.2fs: %s",
            self.method,
            redact_url(str(self.url)),
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
