"""How Procuros reports errors: ``{"message", "errors": {path: [...]}, "errorUrl"}``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._core.platform import ErrorDetails, Platform

__all__ = ["PROCUROS"]


def parse_error(status: int, body: Any) -> ErrorDetails:
    """Field errors keyed by the spec's dotted paths (``content.header.orderIdentifier``)."""
    if not isinstance(body, Mapping):
        text = body.strip()[:200] if isinstance(body, str) and body.strip() else None
        return ErrorDetails(message=text)
    errors = body.get("errors")
    fields: dict[str, list[str]] = {}
    if isinstance(errors, Mapping):
        for path, messages in errors.items():
            if isinstance(messages, list):
                fields[str(path)] = [str(m) for m in messages]
            elif messages is not None:
                fields[str(path)] = [str(messages)]
    details = {"errorUrl": body["errorUrl"]} if body.get("errorUrl") else {}
    message = body.get("message")
    return ErrorDetails(
        message=str(message) if message is not None else None,
        field_errors=fields,
        details=details,
    )


PROCUROS = Platform(parse_error=parse_error)
