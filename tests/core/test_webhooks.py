"""Webhook signature verification: vectors, encodings, rotation, tolerance, secrecy."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest

from supplychain_sdk._core import WebhookVerificationError
from supplychain_sdk._core.webhooks import (
    compute_signature,
    raw_body,
    verify_shared_headers,
    verify_signature,
)

SECRET = "whsec_canary_5ecret"
BODY = b'{"event":"order.created","data":{"id":"o1"}}'
# Computed independently of the SDK: HMAC-SHA256(SECRET, BODY).
HEX = hmac.new(SECRET.encode(), BODY, hashlib.sha256).hexdigest()
B64 = base64.b64encode(hmac.new(SECRET.encode(), BODY, hashlib.sha256).digest()).decode()


def test_known_vector() -> None:
    # RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    assert compute_signature(b"what do ya want for nothing?", "Jefe") == (
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    )
    assert compute_signature(BODY, SECRET) == HEX
    assert compute_signature(BODY, SECRET, encoding="base64") == B64


@pytest.mark.parametrize("header", [HEX, f"sha256={HEX}", f"SHA256={HEX}", f"v0=zz, sha256={HEX}"])
def test_hex_with_or_without_prefix(header: str) -> None:
    verify_signature(BODY, header, SECRET)


def test_base64_and_str_body() -> None:
    verify_signature(BODY.decode(), B64, SECRET, encoding="base64", prefix=None)


def test_rotation_accepts_any_configured_secret() -> None:
    verify_signature(BODY, HEX, ["old-secret", SECRET])


@pytest.mark.parametrize(
    ("body", "header", "secret"),
    [
        (BODY + b" ", HEX, SECRET),  # tampered body
        (BODY, HEX[:-2] + "00", SECRET),  # tampered signature
        (BODY, HEX, "wrong-secret"),  # wrong secret
        (BODY, "sha256=not-hex", SECRET),
    ],
)
def test_tampering_is_rejected_without_leaking(body: bytes, header: str, secret: str) -> None:
    with pytest.raises(WebhookVerificationError) as caught:
        verify_signature(body, header, secret)
    text = str(caught.value) + repr(caught.value)
    assert SECRET not in text
    assert HEX not in text
    assert B64 not in text


def test_missing_header_and_empty_secret() -> None:
    with pytest.raises(WebhookVerificationError, match="missing"):
        verify_signature(BODY, None, SECRET)
    with pytest.raises(WebhookVerificationError, match="empty secret"):
        verify_signature(BODY, HEX, "")


def test_parsed_json_is_refused_with_explanation() -> None:
    with pytest.raises(TypeError, match="raw request body"):
        raw_body({"event": "order.created"})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="re-serialising parsed JSON"):
        verify_signature({"a": 1}, HEX, SECRET)  # type: ignore[arg-type]


def test_timestamp_scheme_and_tolerance() -> None:
    ts = "1700000000"
    signed = hmac.new(SECRET.encode(), f"{ts}.".encode() + BODY, hashlib.sha256).hexdigest()
    verify_signature(BODY, signed, SECRET, timestamp=ts, tolerance=300, now=lambda: 1700000100)
    with pytest.raises(WebhookVerificationError, match="tolerance"):
        verify_signature(BODY, signed, SECRET, timestamp=ts, tolerance=300, now=lambda: 1700000400)
    with pytest.raises(WebhookVerificationError, match="does not match"):
        verify_signature(BODY, signed, SECRET, timestamp="1700000001", now=lambda: 1700000000)
    with pytest.raises(WebhookVerificationError, match="no timestamp"):
        verify_signature(BODY, signed, SECRET, tolerance=300)


def test_custom_signed_payload() -> None:
    signed = hmac.new(SECRET.encode(), b"42:" + BODY, hashlib.sha256).hexdigest()
    verify_signature(
        BODY, signed, SECRET, timestamp=42, signed_payload=lambda b, t: f"{t}:".encode() + b
    )


def test_shared_headers() -> None:
    verify_shared_headers({"x-cc-token": "abc"}, {"X-CC-Token": "abc"})
    with pytest.raises(WebhookVerificationError, match="X-CC-Token") as caught:
        verify_shared_headers({"X-CC-Token": "abd"}, {"X-CC-Token": "abc"})
    assert "abc" not in str(caught.value)
    with pytest.raises(WebhookVerificationError, match="missing or wrong"):
        verify_shared_headers({}, {"X-CC-Token": "abc"})
    with pytest.raises(WebhookVerificationError, match="no expected"):
        verify_shared_headers({"a": "b"}, {})
