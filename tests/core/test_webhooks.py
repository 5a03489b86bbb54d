"""Webhook signature verification: vectors, encodings, rotation, tolerance, secrecy."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterator, Mapping
from typing import Any

import httpx
import multidict
import pytest
import requests.structures
import starlette.datastructures
import werkzeug.datastructures

from supplychain_sdk._core import WebhookVerificationError
from supplychain_sdk._core.webhooks import (
    _case_insensitive,
    compute_signature,
    get_header,
    get_headers,
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


# -- inputs that must never verify, or crash untyped (fault-injection review) ------------------


@pytest.mark.parametrize("wrap", [bytearray, memoryview])
def test_bytearray_or_memoryview_secret_is_refused_not_turned_into_zero_keys(wrap: type) -> None:
    forged = hmac.new(b"\0" * len(SECRET), BODY, hashlib.sha256).hexdigest()
    for secret in (wrap(SECRET.encode()), [wrap(SECRET.encode())]):
        with pytest.raises(WebhookVerificationError, match="must be a str or bytes"):
            verify_signature(BODY, forged, secret)  # type: ignore[arg-type]
        with pytest.raises(WebhookVerificationError, match="must be a str or bytes"):
            verify_signature(BODY, HEX, secret)  # type: ignore[arg-type]
    with pytest.raises(WebhookVerificationError, match="must be a str or bytes"):
        compute_signature(BODY, bytearray(b"k"))  # type: ignore[arg-type]


@pytest.mark.parametrize("secret", [None, 42, {"a": "b"}, [b"ok", 7], [], [bytearray(b"x")]])
def test_other_secret_types_are_refused(secret: object) -> None:
    with pytest.raises(WebhookVerificationError, match="secret"):
        verify_signature(BODY, HEX, secret)  # type: ignore[arg-type]


def test_secrets_as_list_or_tuple_of_str_and_bytes() -> None:
    verify_signature(BODY, HEX, ("other", SECRET.encode()))
    verify_signature(BODY, HEX, [b"other", SECRET])
    verify_signature(BODY, HEX, (key for key in ["other", SECRET]))


@pytest.mark.parametrize("header", [HEX.encode(), [HEX], (HEX,), 12])
def test_non_string_signature_header_is_a_verification_error(header: object) -> None:
    with pytest.raises(WebhookVerificationError, match="must be the header value as a str"):
        verify_signature(BODY, header, SECRET)  # type: ignore[arg-type]


def test_dict_payload_is_a_verification_error_and_a_type_error() -> None:
    from supplychain_sdk._core import WebhookPayloadTypeError

    with pytest.raises(WebhookVerificationError, match="raw request body") as caught:
        verify_signature({"event": "x"}, HEX, SECRET)  # type: ignore[arg-type]
    assert isinstance(caught.value, WebhookPayloadTypeError)
    assert isinstance(caught.value, TypeError)


@pytest.mark.parametrize("ts", ["nan", float("nan"), "inf", float("-inf"), "1e400", True, [1]])
def test_non_finite_timestamp_never_passes_the_tolerance(ts: object) -> None:
    signed = hmac.new(SECRET.encode(), f"{ts}.".encode() + BODY, hashlib.sha256).hexdigest()
    with pytest.raises(WebhookVerificationError, match="timestamp is not a"):
        verify_signature(BODY, signed, SECRET, timestamp=ts, tolerance=300)  # type: ignore[arg-type]


@pytest.mark.parametrize("tolerance", [float("nan"), -1, "300"])
def test_bad_tolerance_is_refused(tolerance: object) -> None:
    ts = "1700000000"
    signed = hmac.new(SECRET.encode(), f"{ts}.".encode() + BODY, hashlib.sha256).hexdigest()
    with pytest.raises(WebhookVerificationError, match="tolerance must be a number"):
        verify_signature(
            BODY,
            signed,
            SECRET,
            timestamp=ts,
            tolerance=tolerance,
            now=lambda: 1700000000,  # type: ignore[arg-type]
        )


def test_shared_headers_with_non_string_values() -> None:
    with pytest.raises(WebhookVerificationError, match="missing or wrong"):
        verify_shared_headers({"X-CC-Token": b"abc"}, {"X-CC-Token": "abc"})  # type: ignore[dict-item]
    with pytest.raises(WebhookVerificationError, match="not a string"):
        verify_shared_headers({"X-CC-Token": "abc"}, {"X-CC-Token": b"abc"})  # type: ignore[dict-item]


def test_public_webhooks_module_exports_the_checks() -> None:
    import supplychain_sdk.webhooks as public

    assert public.verify_signature is verify_signature
    assert public.raw_body is raw_body


class _Walked(Mapping[str, str]):
    """A case-sensitive mapping that records whether it was walked."""

    def __init__(self, data: dict[str, str]) -> None:
        self.data = data
        self.walks = 0

    def __getitem__(self, key: str) -> str:
        return self.data[key]

    def __iter__(self) -> Iterator[str]:
        self.walks += 1
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


def test_get_headers_matches_names_case_insensitively_in_one_walk() -> None:
    headers = _Walked({"x-a": "1", "X-B": "2", "X-c": "3", "x-C": "4"})
    assert get_headers(headers, "X-B", "X-A", "X-C", "X-D", "x-a") == ["2", "1", "3", None, "1"]
    assert headers.walks == 1
    # nothing missing: no walk at all
    assert get_headers(headers, "X-B", "x-a") == ["2", "1"]
    assert headers.walks == 1
    assert get_header(headers, "X-A") == "1"
    assert get_header(headers, "x-d") is None
    # a key written exactly as asked wins over an earlier one in another case
    assert get_headers({"x-a": "lower", "X-A": "exact"}, "X-A") == ["exact"]
    assert get_headers({}, "X-A", "X-B") == [None, None]


def _case_insensitive_mappings() -> list[Any]:
    return [
        httpx.Headers({"x-a": "1"}),
        starlette.datastructures.Headers(raw=[(b"x-a", b"1")]),
        starlette.datastructures.MutableHeaders(raw=[(b"x-a", b"1")]),
        werkzeug.datastructures.Headers({"x-a": "1"}),
        werkzeug.datastructures.EnvironHeaders({"HTTP_X_A": "1"}),
        multidict.CIMultiDict({"x-a": "1"}),
        multidict.CIMultiDictProxy(multidict.CIMultiDict({"x-a": "1"})),
        requests.structures.CaseInsensitiveDict({"x-a": "1"}),
    ]


@pytest.mark.parametrize("headers", _case_insensitive_mappings(), ids=lambda h: type(h).__name__)
def test_known_case_insensitive_mappings_are_not_walked(
    headers: Mapping[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_walk(self: Any) -> Any:
        raise AssertionError("the headers were walked")

    assert _case_insensitive(headers) is True
    if not isinstance(headers, multidict.CIMultiDict | multidict.CIMultiDictProxy):
        monkeypatch.setattr(type(headers), "items", no_walk)  # (multidict's types are C types)
    assert get_headers(headers, "X-A", "X-Missing") == ["1", None]
    assert get_header(headers, "x-missing") is None


def test_a_subclass_of_a_case_insensitive_mapping_is_still_walked() -> None:
    class Odd(httpx.Headers):
        def get(self, key: str, default: Any = None) -> Any:
            return default  # a subclass may look names up differently

    assert _case_insensitive(Odd()) is False
    assert get_headers(Odd({"X-A": "1"}), "X-A") == ["1"]
    assert _case_insensitive(multidict.MultiDict()) is False
    assert get_headers(multidict.MultiDict({"x-a": "1"}), "X-A") == ["1"]
