"""Webhook signature verification primitives (HMAC-SHA256, constant time, secret rotation)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Literal

from .errors import WebhookVerificationError

__all__ = [
    "compute_signature",
    "get_header",
    "raw_body",
    "verify_shared_headers",
    "verify_signature",
]

Encoding = Literal["hex", "base64"]


def raw_body(payload: bytes | bytearray | memoryview | str) -> bytes:
    """The exact bytes that were signed; a parsed JSON object is refused with the reason."""
    if isinstance(payload, (bytes, bytearray, memoryview)):
        return bytes(payload)
    if isinstance(payload, str):
        return payload.encode("utf-8")
    raise TypeError(
        f"webhook payload must be the raw request body (bytes or str), not "
        f"{type(payload).__name__}: the signature covers the exact bytes the sender wrote, and "
        "re-serialising parsed JSON changes spacing and key order, so it can never verify. "
        "Pass e.g. `await request.body()` (Starlette/FastAPI) or `request.get_data()` (Flask)."
    )


def get_header(headers: Mapping[str, str], name: str) -> str | None:
    """A header value by case-insensitive name from any mapping."""
    value = headers.get(name)
    if value is not None:
        return value
    lowered = name.lower()
    for key, val in headers.items():
        if key.lower() == lowered:
            return val
    return None


def _secrets(secret: str | bytes | Iterable[str | bytes]) -> list[bytes]:
    items = [secret] if isinstance(secret, (str, bytes)) else list(secret)
    keys = [s.encode("utf-8") if isinstance(s, str) else bytes(s) for s in items]
    if not keys or any(not k for k in keys):
        raise WebhookVerificationError("no webhook secret configured (an empty secret is refused)")
    return keys


def compute_signature(
    payload: bytes | str, secret: str | bytes, *, encoding: Encoding = "hex"
) -> str:
    """HMAC-SHA256 of ``payload`` under ``secret``, hex or base64 encoded."""
    key = secret.encode("utf-8") if isinstance(secret, str) else secret
    digest = hmac.new(key, raw_body(payload), hashlib.sha256).digest()
    return digest.hex() if encoding == "hex" else base64.b64encode(digest).decode("ascii")


def _decode(value: str, encoding: Encoding) -> bytes | None:
    try:
        if encoding == "hex":
            return bytes.fromhex(value)
        return base64.b64decode(value, validate=True)
    except (ValueError, binascii.Error):
        return None


def verify_signature(
    payload: bytes | bytearray | memoryview | str,
    signature: str | None,
    secret: str | bytes | Iterable[str | bytes],
    *,
    encoding: Encoding = "hex",
    prefix: str | None = "sha256=",
    timestamp: str | int | None = None,
    tolerance: float | None = None,
    signed_payload: Callable[[bytes, str], bytes] | None = None,
    now: Callable[[], float] = time.time,
) -> None:
    """Check an HMAC-SHA256 signature of the raw body; raise if it does not verify.

    Args:
        payload: the raw request body, exactly as received.
        signature: the header value; may hold several comma/space separated signatures.
        secret: the secret, or several (during rotation any one may match).
        encoding: ``"hex"`` or ``"base64"`` digest encoding.
        prefix: an optional prefix such as ``sha256=`` (accepted with or without it).
        timestamp: the signed timestamp (epoch seconds) for schemes that sign one.
        tolerance: maximum age in seconds of ``timestamp`` (and how far in the future).
        signed_payload: builds the signed bytes from (body, timestamp); by default
            ``b"<timestamp>." + body`` when a timestamp is given, else the body.

    Raises:
        WebhookVerificationError: never containing the secret or the expected signature.
    """
    body = raw_body(payload)
    keys = _secrets(secret)
    if not signature or not signature.strip():
        raise WebhookVerificationError("the webhook signature header is missing or empty")
    message = body
    if timestamp is not None:
        try:
            ts = float(timestamp)
        except (TypeError, ValueError):
            raise WebhookVerificationError("the webhook timestamp is not a number") from None
        if tolerance is not None and abs(now() - ts) > tolerance:
            raise WebhookVerificationError(
                f"the webhook timestamp is outside the {tolerance:g}s tolerance"
            )
        builder = signed_payload or (lambda b, t: t.encode("ascii") + b"." + b)
        message = builder(body, str(timestamp))
    elif tolerance is not None:
        raise WebhookVerificationError("a tolerance was given but the webhook has no timestamp")
    candidates: list[bytes] = []
    for part in signature.replace(",", " ").split():
        value = part.strip()
        if prefix and value.lower().startswith(prefix.lower()):
            value = value[len(prefix) :]
        decoded = _decode(value, encoding)
        if decoded is not None:
            candidates.append(decoded)
    matched = False
    for key in keys:
        expected = hmac.new(key, message, hashlib.sha256).digest()
        for candidate in candidates:
            # compare every pair: no early exit that would leak which secret matched
            matched |= hmac.compare_digest(expected, candidate)
    if not matched:
        raise WebhookVerificationError("the webhook signature does not match the payload")


def verify_shared_headers(headers: Mapping[str, str], expected: Mapping[str, str]) -> None:
    """Check that each ``expected`` header is present with the configured value (constant time).

    For platforms that authenticate webhooks with a shared custom header instead of a
    signature. The error names the header, never its expected value.
    """
    if not expected:
        raise WebhookVerificationError("no expected webhook headers configured")
    for name, value in expected.items():
        if not value:
            raise WebhookVerificationError(f"the expected value of header {name!r} is empty")
        got = get_header(headers, name)
        if got is None or not hmac.compare_digest(got.encode("utf-8"), value.encode("utf-8")):
            raise WebhookVerificationError(f"webhook header {name!r} is missing or wrong")
