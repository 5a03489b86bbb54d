"""Webhook signature verification primitives (HMAC-SHA256, constant time, secret rotation)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import math
import time
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Literal

from .errors import WebhookPayloadTypeError, WebhookVerificationError

__all__ = [
    "compute_signature",
    "get_header",
    "get_headers",
    "raw_body",
    "verify_shared_headers",
    "verify_signature",
]

Encoding = Literal["hex", "base64"]
#: One webhook secret, or several (any may match while a secret is rotated).
Secret = str | bytes | Iterable[str | bytes]


def raw_body(payload: bytes | bytearray | memoryview | str) -> bytes:
    """The exact bytes that were signed; a parsed JSON object is refused with the reason."""
    if isinstance(payload, (bytes, bytearray, memoryview)):
        return bytes(payload)
    if isinstance(payload, str):
        return payload.encode("utf-8")
    raise WebhookPayloadTypeError(
        f"webhook payload must be the raw request body (bytes or str), not "
        f"{type(payload).__name__}: the signature covers the exact bytes the sender wrote, and "
        "re-serialising parsed JSON changes spacing and key order, so it can never verify. "
        "Pass e.g. `await request.body()` (Starlette/FastAPI) or `request.get_data()` (Flask)."
    )


#: Header mappings whose ``get`` already matches names case-insensitively (exact types, by
#: qualified name so that none of these libraries is imported): a miss there is final.
_CASE_INSENSITIVE_TYPES = frozenset(
    {
        "httpx.Headers",
        "starlette.datastructures.Headers",
        "starlette.datastructures.MutableHeaders",
        "werkzeug.datastructures.headers.Headers",
        "werkzeug.datastructures.headers.EnvironHeaders",
        "multidict._multidict.CIMultiDict",
        "multidict._multidict.CIMultiDictProxy",
        "multidict._multidict_py.CIMultiDict",
        "multidict._multidict_py.CIMultiDictProxy",
        "requests.structures.CaseInsensitiveDict",
    }
)
_case_insensitive_by_type: dict[type, bool] = {}


def _case_insensitive(headers: object) -> bool:
    kind = type(headers)
    known = _case_insensitive_by_type.get(kind)
    if known is None:
        known = f"{kind.__module__}.{kind.__qualname__}" in _CASE_INSENSITIVE_TYPES
        _case_insensitive_by_type[kind] = known
    return known


def get_header(headers: Mapping[str, str], name: str) -> str | None:
    """A header value by case-insensitive name from any mapping."""
    return get_headers(headers, name)[0]


def get_headers(headers: Mapping[str, str], *names: str) -> list[str | None]:
    """Several header values by case-insensitive name, in one pass over the headers at most.

    Each name is looked up as written first; the names still missing are then matched by
    lower-cased key in one walk over ``headers`` (the first match wins; a ``None`` value counts
    as missing), unless ``headers`` is a known case-insensitive mapping (``httpx.Headers``,
    Starlette's, Werkzeug's, multidict's, ``requests``'), where a miss is already final.
    """
    values = list(map(headers.get, names))
    if None not in values:
        return values
    known = _case_insensitive_by_type.get(type(headers))
    if known if known is not None else _case_insensitive(headers):
        return values
    wanted = _lowered(names)
    for key, value in headers.items():
        found = wanted.get(key.lower())
        if found is not None and value is not None:
            for i in found:
                if values[i] is None:
                    values[i] = value
            if None not in values:
                break
    return values


@lru_cache(maxsize=64)
def _lowered(names: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    """Lower-cased name -> the positions asking for it."""
    positions: dict[str, tuple[int, ...]] = {}
    for i, name in enumerate(names):
        positions[name.lower()] = (*positions.get(name.lower(), ()), i)
    return positions


def _key(secret: object) -> bytes:
    """One secret as HMAC key bytes; only ``str`` (UTF-8) and ``bytes`` are secrets.

    A ``bytearray`` or ``memoryview`` is refused rather than guessed at: treated as a sequence
    it would become a list of small integers, and every such key would verify forgeries.
    """
    if isinstance(secret, str):
        key = secret.encode("utf-8")
    elif type(secret) is bytes:
        key = secret
    else:
        raise WebhookVerificationError(
            f"a webhook secret must be a str or bytes, not {type(secret).__name__} "
            "(convert a bytearray or memoryview with bytes(...))"
        )
    if not key:
        raise WebhookVerificationError("no webhook secret configured (an empty secret is refused)")
    return key


def _secrets(secret: object) -> list[bytes]:
    if isinstance(secret, (str, bytes, bytearray, memoryview)) or not isinstance(secret, Iterable):
        return [_key(secret)]
    if isinstance(secret, Mapping):
        raise WebhookVerificationError("webhook secrets must be a str, bytes, or a list of them")
    keys = [_key(item) for item in secret]
    if not keys:
        raise WebhookVerificationError(
            "no webhook secret configured (an empty list of secrets is refused)"
        )
    return keys


def compute_signature(
    payload: bytes | str, secret: str | bytes, *, encoding: Encoding = "hex"
) -> str:
    """HMAC-SHA256 of ``payload`` under ``secret``, hex or base64 encoded.

    Raises:
        WebhookVerificationError: the secret is empty or not a ``str``/``bytes``.
    """
    key = _key(secret)
    digest = hmac.new(key, raw_body(payload), hashlib.sha256).digest()
    return digest.hex() if encoding == "hex" else base64.b64encode(digest).decode("ascii")


def verify_signature(
    payload: bytes | bytearray | memoryview | str,
    signature: str | None,
    secret: Secret,
    *,
    encoding: Encoding = "hex",
    prefix: str | None = "sha256=",
    timestamp: str | int | float | None = None,
    tolerance: float | None = None,
    signed_payload: Callable[[bytes, str], bytes] | None = None,
    now: Callable[[], float] = time.time,
) -> None:
    """Check an HMAC-SHA256 signature of the raw body; raise if it does not verify.

    Args:
        payload: the raw request body, exactly as received.
        signature: the header value (a ``str``); may hold several comma/space separated
            signatures.
        secret: the secret (``str`` or ``bytes``), or a list (any iterable) of them (during rotation
            any one may match). Anything else is refused.
        encoding: ``"hex"`` or ``"base64"`` digest encoding.
        prefix: an optional prefix such as ``sha256=`` (accepted with or without it).
        timestamp: the signed timestamp (epoch seconds, a finite number) for schemes that
            sign one.
        tolerance: maximum age in seconds of ``timestamp`` (and how far in the future).
        signed_payload: builds the signed bytes from (body, timestamp); by default
            ``b"<timestamp>." + body`` when a timestamp is given, else the body.

    Raises:
        WebhookVerificationError: the signature, timestamp or secret is missing, malformed or
            does not verify; never containing the secret or the expected signature.
        WebhookPayloadTypeError: ``payload`` is not the raw body (e.g. a parsed ``dict``).
    """
    # the common call (bytes body, one str secret) skips the helpers' type dispatch
    body = payload if type(payload) is bytes else raw_body(payload)
    keys = [secret.encode("utf-8")] if type(secret) is str and secret else _secrets(secret)
    if type(signature) is not str and signature is not None and not isinstance(signature, str):
        raise WebhookVerificationError(
            f"the webhook signature must be the header value as a str, not "
            f"{type(signature).__name__}"
        )
    if not signature or signature.isspace():
        raise WebhookVerificationError("the webhook signature header is missing or empty")
    message = body
    if timestamp is None and tolerance is None:
        pass
    elif timestamp is not None:
        ts = _timestamp(timestamp)
        if tolerance is not None and not abs(now() - ts) <= _tolerance(tolerance):
            raise WebhookVerificationError(
                f"the webhook timestamp is outside the {tolerance:g}s tolerance"
            )
        builder = signed_payload or (lambda b, t: t.encode("ascii") + b"." + b)
        message = builder(body, str(timestamp))
    elif tolerance is not None:
        raise WebhookVerificationError("a tolerance was given but the webhook has no timestamp")
    candidates: list[bytes] = []
    lowered_prefix = prefix.lower() if prefix else ""
    cut = len(lowered_prefix)
    for value in (signature.replace(",", " ") if "," in signature else signature).split():
        if cut and value[:cut].lower() == lowered_prefix:
            value = value[cut:]
        try:
            candidates.append(
                bytes.fromhex(value)
                if encoding == "hex"
                else base64.b64decode(value, validate=True)
            )
        except (ValueError, binascii.Error):
            continue
    matched = False
    for key in keys:
        expected = hmac.digest(key, message, "sha256")
        for candidate in candidates:
            # compare every pair: no early exit that would leak which secret matched
            matched |= hmac.compare_digest(expected, candidate)
    if not matched:
        raise WebhookVerificationError("the webhook signature does not match the payload")


def _tolerance(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0:
        raise WebhookVerificationError("the webhook tolerance must be a number of seconds >= 0")
    return float(value)


def _timestamp(value: object) -> float:
    """A signed timestamp as a finite number of epoch seconds."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise WebhookVerificationError("the webhook timestamp is not a number")
    try:
        number = float(value)
    except (OverflowError, ValueError):
        number = math.nan
    if not math.isfinite(number):
        raise WebhookVerificationError("the webhook timestamp is not a finite number")
    return number


def verify_shared_headers(headers: Mapping[str, str], expected: Mapping[str, str]) -> None:
    """Check that each ``expected`` header is present with the configured value (constant time).

    For platforms that authenticate webhooks with a shared custom header instead of a
    signature. The error names the header, never its expected value.
    """
    if not expected:
        raise WebhookVerificationError("no expected webhook headers configured")
    for name, value in expected.items():
        if not isinstance(value, str) or not value:
            raise WebhookVerificationError(
                f"the expected value of header {name!r} is empty or not a string"
            )
        got = get_header(headers, name)
        if not isinstance(got, str) or not hmac.compare_digest(
            got.encode("utf-8"), value.encode("utf-8")
        ):
            raise WebhookVerificationError(f"webhook header {name!r} is missing or wrong")
