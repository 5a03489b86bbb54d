"""How Pharus reports errors: ``{"error": {"code", "message", "details?"}}`` on non-2xx."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._core.errors import ConflictError
from .._core.platform import ErrorDetails, Platform

__all__ = ["PHARUS", "InUseError", "InvalidTransitionError", "parse_error"]


class InUseError(ConflictError):
    """Pharus refused a delete because the entity is referenced (code ``in_use``).

    Check first with the resource's ``usage(id)``; ``details`` says what refers to it.
    """


class InvalidTransitionError(ConflictError):
    """Pharus refused a status change it does not allow (code ``invalid_transition``)."""


def parse_error(status: int, body: Any) -> ErrorDetails:
    """Read Pharus's error envelope; unknown codes are kept as they are."""
    error = body.get("error") if isinstance(body, Mapping) else None
    if not isinstance(error, Mapping):
        text = body.strip()[:200] if isinstance(body, str) and body.strip() else None
        return ErrorDetails(message=text)
    details = error.get("details")
    field_errors: dict[str, list[str]] = {}
    if isinstance(details, Mapping):
        for key in ("fieldErrors", "fields", "errors"):
            found = details.get(key)
            if isinstance(found, Mapping):
                for name, messages in found.items():
                    listed = messages if isinstance(messages, list) else [messages]
                    field_errors[str(name)] = [str(m) for m in listed]
    code = error.get("code")
    message = error.get("message")
    return ErrorDetails(
        code=code if isinstance(code, str) else None,
        message=message if isinstance(message, str) else None,
        field_errors=field_errors,
        details=dict(details) if isinstance(details, Mapping) else {},
    )


#: What the core needs to know about Pharus.
PHARUS = Platform(
    parse_error=parse_error,
    error_classes={"in_use": InUseError, "invalid_transition": InvalidTransitionError},
)
