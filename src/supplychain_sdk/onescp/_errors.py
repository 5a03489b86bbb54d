"""How ONESCP reports errors: ``{"success": false, "message", "error": {code, details, field}}``.

The same body can come with an error status or with ``200 OK``; both become the SDK's typed
exceptions. For a ``200`` the class follows ``error.code`` (``NOT_FOUND`` -> ``NotFoundError``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from .._core.platform import ErrorDetails, Platform

__all__ = ["ONESCP", "STATUS_BY_CODE", "envelope_error", "parse_error", "retry_after"]

#: The HTTP status each documented ``error.code`` stands for (used for failures sent with 200).
STATUS_BY_CODE: dict[str, int] = {
    "AUTH_REQUIRED": 401,
    "AUTH_INVALID": 401,
    "VALIDATION_ERROR": 400,
    "NOT_FOUND": 404,
    "DUPLICATE_ENTRY": 409,
    "PERMISSION_DENIED": 403,
    "SERVER_ERROR": 500,
    "RATE_LIMIT_EXCEEDED": 429,
}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def parse_error(status: int, body: Any) -> ErrorDetails:
    """Read ``message``, ``error.code``, ``error.details``, ``error.field`` and ``timestamp``.

    ``error`` may also be a plain string (the API's overview shows that shape); it is kept as
    ``details["details"]``. A ``field`` becomes ``field_errors[field]``.
    """
    if not isinstance(body, Mapping):
        text = body.strip()[:200] if isinstance(body, str) and body.strip() else None
        return ErrorDetails(message=text)
    message = _text(body.get("message"))
    error = body.get("error")
    code = field = None
    details: dict[str, Any] = {}
    if isinstance(error, Mapping):
        code = _text(error.get("code"))
        field = _text(error.get("field"))
        if error.get("details") is not None:
            details["details"] = error["details"]
        if error.get("retryAfter") is not None:
            details["retryAfter"] = error["retryAfter"]
    elif error is not None:
        details["details"] = error
    if body.get("timestamp") is not None:
        details["timestamp"] = body["timestamp"]
    raw_details = details.get("details")
    detail_text = None if isinstance(raw_details, (Mapping, list)) else _text(raw_details)
    field_errors = {field: [detail_text or message or "invalid"]} if field else {}
    return ErrorDetails(
        code=code,
        message=message or detail_text,
        field_errors=field_errors,
        details=details,
    )


def envelope_error(body: Any) -> ErrorDetails | None:
    """A ``200`` answer whose body says ``"success": false`` is an error too.

    Its status is the one ``error.code`` stands for; an unknown or missing code counts as
    ``400`` (the API says the request failed, without saying why).
    """
    if not isinstance(body, Mapping) or body.get("success") is not False:
        return None
    info = parse_error(200, body)
    return attrs.evolve(info, status_code=STATUS_BY_CODE.get(info.code or "", 400))


def retry_after(body: Any) -> float | None:
    """``error.retryAfter`` (seconds) of a 429 body."""
    if not isinstance(body, Mapping):
        return None
    error = body.get("error")
    if not isinstance(error, Mapping):
        return None
    value = error.get("retryAfter")
    if isinstance(value, bool) or value is None:
        return None
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return None
    return seconds if seconds >= 0 else None


ONESCP = Platform(parse_error=parse_error, envelope_error=envelope_error, retry_after=retry_after)
