"""What a platform tells the core about itself: how its errors and envelopes read."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from .errors import APIStatusError

__all__ = ["ErrorDetails", "ErrorParser", "Platform", "default_error_parser"]


@attrs.frozen
class ErrorDetails:
    """What a platform's error body says: code, message, field errors, extra details."""

    code: str | None = None
    message: str | None = None
    field_errors: Mapping[str, list[str]] = attrs.field(factory=dict)
    details: Mapping[str, Any] = attrs.field(factory=dict)
    #: For a 2xx envelope that reports failure: the status it stands for (e.g. 404).
    status_code: int | None = None


ErrorParser = Callable[[int, Any], ErrorDetails]


def default_error_parser(status: int, body: Any) -> ErrorDetails:
    """A best-effort reading of common shapes (``{"message"}``, ``{"error": {...}}``)."""
    if isinstance(body, Mapping):
        err = body.get("error")
        if isinstance(err, Mapping):
            return ErrorDetails(code=_str(err.get("code")), message=_str(err.get("message")))
        return ErrorDetails(
            code=_str(body.get("code") or (err if isinstance(err, str) else None)),
            message=_str(body.get("message") or body.get("error_description")),
        )
    if isinstance(body, str) and body.strip():
        return ErrorDetails(message=body.strip()[:200])
    return ErrorDetails()


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


@attrs.frozen
class Platform:
    """What a platform tells the core about itself; every field has a sensible default.

    Attributes:
        parse_error: error body -> `ErrorDetails`.
        envelope_error: a 2xx body -> `ErrorDetails` if it actually reports a failure.
        retry_after: reads a wait in seconds from an error body (after the headers).
        error_classes: platform error code -> the exception class to raise for it.
    """

    parse_error: ErrorParser = default_error_parser
    envelope_error: Callable[[Any], ErrorDetails | None] | None = None
    retry_after: Callable[[Any], float | None] | None = None
    #: The exception class for an error's platform code (``in_use`` -> ``InUseError``);
    #: ``None`` (or no match) uses the class of the status.
    error_classes: Mapping[str, type[APIStatusError]] = attrs.field(factory=dict)
