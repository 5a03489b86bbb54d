"""How CartonCloud reports errors: a JSON array of ``{"message"}`` / ``{"field", "message"}``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._core.platform import ErrorDetails, Platform

__all__ = ["CARTONCLOUD", "parse_error"]


def parse_error(status: int, body: Any) -> ErrorDetails:
    """Messages without a field become the error message; field errors are keyed by JSON pointer.

    ``[{"message": "Request method 'PUT' not supported"}]`` gives that message;
    ``[{"field": "/name", "message": "Name cannot be empty."}]`` (a ``422``) gives
    ``field_errors={"/name": ["Name cannot be empty."]}``. A single object (an OAuth
    ``{"error", "error_description"}`` answer to a refused token) or plain text, which
    gateways answer with instead, is read too.
    """
    entries: list[Any]
    code: str | None = None
    if isinstance(body, list):
        entries = body
    elif isinstance(body, Mapping):
        if isinstance(body.get("error"), str):
            code = body["error"]
            if body.get("message") is None and body.get("error_description") is not None:
                body = {"message": body["error_description"]}
        entries = [body]
    elif isinstance(body, str) and body.strip():
        return ErrorDetails(message=body.strip()[:200])
    else:
        return ErrorDetails()
    messages: list[str] = []
    fields: dict[str, list[str]] = {}
    for entry in entries:
        if not isinstance(entry, Mapping):
            if entry is not None:
                messages.append(str(entry))
            continue
        message = entry.get("message")
        text = str(message) if message is not None else "invalid"
        field = entry.get("field")
        if field is not None:
            fields.setdefault(str(field), []).append(text)
        elif message is not None:
            messages.append(text)
    return ErrorDetails(code=code, message="; ".join(messages) or None, field_errors=fields)


CARTONCLOUD = Platform(parse_error=parse_error)
