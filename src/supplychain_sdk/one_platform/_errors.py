"""How ONe errors read. The document shows no error body, so the common shapes are read:
``{"message"}``, ``{"error": {"code", "message"}}``, RFC 7807 problem details
(``{"title", "detail", "status"}``), and field errors as ``{"errors": [{"field",
"message"}]}`` or ``{"errors": {"field": ["message"]}}``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._core.platform import ErrorDetails, Platform, default_error_parser

__all__ = ["ONE_PLATFORM", "parse_error"]


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (Mapping, list)):
        return None
    text = str(value).strip()
    return text or None


def _field_errors(errors: Any) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    if isinstance(errors, Mapping):
        for name, messages in errors.items():
            items = messages if isinstance(messages, list) else [messages]
            found[str(name)] = [str(m) for m in items]
    elif isinstance(errors, list):
        for entry in errors:
            if isinstance(entry, Mapping):
                name = _text(entry.get("field") or entry.get("path")) or "body"
                message = _text(entry.get("message") or entry.get("defaultMessage")) or "invalid"
                found.setdefault(name, []).append(message)
    return found


def parse_error(status: int, body: Any) -> ErrorDetails:
    """Code, message and field errors of an ONe error answer."""
    base = default_error_parser(status, body)
    if not isinstance(body, Mapping):
        return base
    message = base.message or _text(body.get("detail")) or _text(body.get("title"))
    code = base.code or _text(body.get("type"))
    return ErrorDetails(
        code=code,
        message=message,
        field_errors=_field_errors(body.get("errors")),
    )


#: What ONe tells the core.
ONE_PLATFORM = Platform(parse_error=parse_error)
