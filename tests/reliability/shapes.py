"""Each platform's error shape, as its document describes it: what every refusal must look like."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: ``(method, path, status, decoded body) -> problem or None``
ShapeCheck = Callable[[str, str, int, Any], "str | None"]


def procuros_error(method: str, path: str, status: int, body: Any) -> str | None:
    """``InternalErrorResponse`` ``{"message"}``; 422 adds ``errors`` (field -> messages); a
    client error of ``POST /v2/transactions`` (``ClientErrorResponse``) and every 401 carry
    ``errorUrl``."""
    if not isinstance(body, dict) or not isinstance(body.get("message"), str):
        return "no message"
    if status == 422:
        errors = body.get("errors")
        if not isinstance(errors, dict) or not errors:
            return "a 422 without errors"
        for messages in errors.values():
            if not isinstance(messages, list) or not messages:
                return "errors hold an empty or non-list value"
            if not all(isinstance(m, str) for m in messages):
                return "errors hold a non-string message"
    needs_url = status == 401 or (method == "POST" and path == "/v2/transactions")
    if needs_url and 400 <= status < 500 and not isinstance(body.get("errorUrl"), str):
        return "no errorUrl"
    return None


CARTONCLOUD_TOKEN_PATH = "/uaa/oauth/token"


def cartoncloud_error(method: str, path: str, status: int, body: Any) -> str | None:
    """A list of ``{"message", "field"?}``; the token endpoint answers RFC 6749's
    ``{"error", "error_description"}`` (after the ``Accept-Version`` check, which is a list)."""
    if method == "POST" and path == CARTONCLOUD_TOKEN_PATH and isinstance(body, dict):
        if isinstance(body.get("error"), str) and isinstance(body.get("error_description"), str):
            return None
        return "a token error without error/error_description"
    if not isinstance(body, list) or not body:
        return "not a non-empty list"
    for entry in body:
        if not isinstance(entry, dict) or not isinstance(entry.get("message"), str):
            return "an entry without message"
        if "field" in entry and not isinstance(entry["field"], str):
            return "a non-string field"
    return None


def onescp_error(method: str, path: str, status: int, body: Any) -> str | None:
    """``{"success": false, "message", "error": {"code", ...}, "timestamp"}``."""
    if not isinstance(body, dict) or body.get("success") is not False:
        return "no success: false"
    if not isinstance(body.get("message"), str):
        return "no message"
    error = body.get("error")
    if not isinstance(error, dict) or not isinstance(error.get("code"), str):
        return "no error.code"
    if not isinstance(body.get("timestamp"), str):
        return "no timestamp"
    return None


def pharus_error(method: str, path: str, status: int, body: Any) -> str | None:
    """``{"error": {"code", "message", "details"?}}``."""
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return "no error object"
    if not isinstance(error.get("code"), str) or not isinstance(error.get("message"), str):
        return "no error.code/error.message"
    if "details" in error and not isinstance(error["details"], dict):
        return "error.details is not an object"
    return None


def one_platform_error(method: str, path: str, status: int, body: Any) -> str | None:
    """``{"status", "message", "errors"?: [...]}``; its token endpoint answers RFC 6749's
    ``{"error", "error_description"?}``."""
    if not isinstance(body, dict):
        return "not an object"
    if path == "/oauth/token" and isinstance(body.get("error"), str):
        return None
    if body.get("status") != status or not isinstance(body.get("message"), str):
        return "no status/message"
    if "errors" in body and not isinstance(body["errors"], list):
        return "errors is not a list"
    return None
