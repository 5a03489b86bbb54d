"""Webhooks under attack: hypothesis properties of every verifier.

* ``supplychain_sdk.webhooks.verify_signature`` (the HMAC core every platform uses),
* ``supplychain_sdk.onescp.webhooks.verify`` (signed body, unsigned event headers),
* ``supplychain_sdk.cartoncloud.webhooks.parse`` (a shared secret header, no signature).

A valid delivery is always accepted; any change to the body, signature, secret, timestamp
or a checked header is rejected with ``WebhookVerificationError``; input of the wrong type
gets the typed error (``WebhookPayloadTypeError`` for a parsed payload), never a crash.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from supplychain_sdk import WebhookVerificationError
from supplychain_sdk.cartoncloud import webhooks as cartoncloud_webhooks
from supplychain_sdk.onescp import webhooks as onescp_webhooks
from supplychain_sdk.webhooks import WebhookPayloadTypeError, verify_signature
from tests.onescp.one_pass import both_paths

SETTINGS = settings(max_examples=60, derandomize=True, deadline=None, database=None)

bodies = st.binary(max_size=200)
secrets = st.text(min_size=1, max_size=40) | st.binary(min_size=1, max_size=40)
encodings = st.sampled_from(("hex", "base64"))


def _key(secret: str | bytes) -> bytes:
    return secret.encode() if isinstance(secret, str) else secret


def _digest(message: bytes, secret: str | bytes) -> bytes:
    return hmac.new(_key(secret), message, hashlib.sha256).digest()


def _encode(digest: bytes, encoding: str) -> str:
    return digest.hex() if encoding == "hex" else base64.b64encode(digest).decode()


def _signature(body: bytes, secret: str | bytes, encoding: str, prefixed: bool) -> str:
    return ("sha256=" if prefixed else "") + _encode(_digest(body, secret), encoding)


# -- the HMAC core ----------------------------------------------------------------------------
@SETTINGS
@given(body=bodies, secret=secrets, encoding=encodings, prefixed=st.booleans())
def test_a_valid_signature_always_verifies(
    body: bytes, secret: str | bytes, encoding: str, prefixed: bool
) -> None:
    signature = _signature(body, secret, encoding, prefixed)
    verify_signature(body, signature, secret, encoding=encoding)  # type: ignore[arg-type]
    verify_signature(bytearray(body), signature, [b"other", secret], encoding=encoding)  # type: ignore[arg-type]


@SETTINGS
@given(body=bodies, other=bodies, secret=secrets, encoding=encodings)
def test_any_change_to_the_body_is_rejected(
    body: bytes, other: bytes, secret: str | bytes, encoding: str
) -> None:
    assume(other != body)
    with pytest.raises(WebhookVerificationError, match="does not match"):
        verify_signature(other, _signature(body, secret, encoding, True), secret, encoding=encoding)  # type: ignore[arg-type]


@SETTINGS
@given(body=bodies, secret=secrets, encoding=encodings, data=st.data())
def test_any_change_to_the_signature_is_rejected(
    body: bytes, secret: str | bytes, encoding: str, data: st.DataObject
) -> None:
    digest = bytearray(_digest(body, secret))
    change = data.draw(st.sampled_from(("flip", "truncate", "extend", "replace")))
    if change == "flip":
        index = data.draw(st.integers(0, len(digest) - 1))
        digest[index] ^= data.draw(st.integers(1, 255))
    elif change == "truncate":
        del digest[data.draw(st.integers(0, len(digest) - 1)) :]
    elif change == "extend":
        digest += data.draw(st.binary(min_size=1, max_size=4))
    else:
        digest = bytearray(data.draw(st.binary(min_size=32, max_size=32)))
        assume(bytes(digest) != _digest(body, secret))
    forged = "sha256=" + _encode(bytes(digest), encoding) if digest else "sha256=zz"
    with pytest.raises(WebhookVerificationError):
        verify_signature(body, forged, secret, encoding=encoding)  # type: ignore[arg-type]


@SETTINGS
@given(body=bodies, secret=secrets, wrong=secrets)
def test_a_signature_made_with_another_secret_is_rejected(
    body: bytes, secret: str | bytes, wrong: str | bytes
) -> None:
    assume(_key(wrong) != _key(secret))
    with pytest.raises(WebhookVerificationError, match="does not match"):
        verify_signature(body, _signature(body, wrong, "hex", True), secret)


@SETTINGS
@given(
    body=bodies,
    secret=secrets,
    stamp=st.integers(1_600_000_000, 2_000_000_000),
    other=st.integers(1_600_000_000, 2_000_000_000),
)
def test_any_change_to_the_signed_timestamp_is_rejected(
    body: bytes, secret: str | bytes, stamp: int, other: int
) -> None:
    signature = _signature(f"{stamp}.".encode() + body, secret, "hex", False)
    verify_signature(body, signature, secret, timestamp=stamp, tolerance=300, now=lambda: stamp)
    assume(other != stamp)
    with pytest.raises(WebhookVerificationError):
        verify_signature(
            body, signature, secret, timestamp=other, tolerance=10**10, now=lambda: stamp
        )
    with pytest.raises(WebhookVerificationError, match="tolerance"):
        verify_signature(
            body, signature, secret, timestamp=stamp, tolerance=300, now=lambda: stamp + 301
        )


ODD = st.sampled_from(
    [None, 0, 1.5, True, [], {}, {"a": 1}, [1, 2], object(), bytearray(b"x"), memoryview(b"x")]
)


@SETTINGS
@given(odd=ODD)
def test_odd_input_types_get_the_typed_error(odd: Any) -> None:
    good = _signature(b"{}", "s", "hex", True)
    if not isinstance(odd, (bytearray, memoryview)):
        with pytest.raises(WebhookPayloadTypeError):
            verify_signature(odd, good, "s")
    if odd is not None:
        with pytest.raises(WebhookVerificationError):
            verify_signature(b"{}", odd, "s")
    with pytest.raises(WebhookVerificationError):
        verify_signature(b"{}", good, odd)
    number = isinstance(odd, (int, float)) and not isinstance(odd, bool)
    if odd is not None and not number:  # None means "no timestamp"; numbers are timestamps
        with pytest.raises(WebhookVerificationError, match="timestamp"):
            verify_signature(b"{}", good, "s", timestamp=odd, tolerance=1)
    if not number:
        with pytest.raises(WebhookVerificationError, match="tolerance"):
            verify_signature(
                b"{}", good, "s", timestamp=1, tolerance=odd if odd is not None else -1
            )


@pytest.mark.parametrize("odd", [float("nan"), float("inf"), "nan", "1e999", "", "soon"])
def test_non_finite_timestamps_are_refused(odd: Any) -> None:
    with pytest.raises(WebhookVerificationError):
        verify_signature(b"{}", "sha256=00", "s", timestamp=odd, tolerance=1e12)


# -- ONESCP -----------------------------------------------------------------------------------
events = st.builds(
    lambda name, po, status, delivery: {
        "event": name,
        "timestamp": "2025-01-26T12:00:00.000Z",
        "deliveryId": delivery,
        "data": {"_id": "a00000000000000000000001", "purchaseOrderNumber": po, "status": status},
    },
    st.sampled_from(["order.created", "order.updated", "order.status_changed"]),
    st.text(min_size=1, max_size=12),
    st.sampled_from(["draft", "approved", "rejected"]),
    st.text(min_size=1, max_size=8),
)


@SETTINGS
@given(event=events, secret=secrets, spaced=st.booleans())
def test_onescp_accepts_every_valid_delivery(
    event: dict[str, Any], secret: str | bytes, spaced: bool
) -> None:
    body = json.dumps(event, separators=(", ", ": ") if spaced else (",", ":")).encode()
    headers = {"x-webhook-signature": onescp_webhooks.sign(body, secret)}
    parsed = onescp_webhooks.verify(body, headers, secret)
    assert (parsed.event, parsed.delivery_id) == (event["event"], event["deliveryId"])


@SETTINGS
@given(event=events, secret=secrets, data=st.data())
def test_onescp_rejects_any_change_to_body_signature_secret_or_headers(
    event: dict[str, Any], secret: str | bytes, data: st.DataObject
) -> None:
    body = json.dumps(event).encode()
    signature = onescp_webhooks.sign(body, secret)
    change = data.draw(
        st.sampled_from(("body", "signature", "secret", "no header", "event header"))
    )
    headers = {"X-Webhook-Signature": signature}
    if change == "body":
        position = data.draw(st.integers(0, len(body) - 1))
        body = body[:position] + bytes([body[position] ^ 0x01]) + body[position + 1 :]
    elif change == "signature":
        position = data.draw(st.integers(len("sha256="), len(signature) - 1))
        digit = "0" if signature[position] != "0" else "1"
        headers["X-Webhook-Signature"] = signature[:position] + digit + signature[position + 1 :]
    elif change == "secret":
        wrong = data.draw(secrets)
        assume(_key(wrong) != _key(secret))
        secret = wrong
    elif change == "no header":
        headers = {"X-Webhook-Signature-Old": signature}
    else:
        other = "shipment.created" if event["event"] != "shipment.created" else "order.created"
        headers["X-Webhook-Event"] = other
    with pytest.raises(WebhookVerificationError):
        onescp_webhooks.verify(body, headers, secret)


@SETTINGS
@given(odd=ODD)
def test_onescp_odd_input_types_get_the_typed_error(odd: Any) -> None:
    body = b'{"event": "order.created", "data": {}}'
    headers = {"X-Webhook-Signature": onescp_webhooks.sign(body, "s")}
    if not isinstance(odd, (bytearray, memoryview)):
        with pytest.raises(WebhookPayloadTypeError):
            onescp_webhooks.verify(odd, headers, "s")
    with pytest.raises(WebhookVerificationError):
        onescp_webhooks.verify(body, headers, odd)
    if odd is not None:
        with pytest.raises(WebhookVerificationError):
            onescp_webhooks.verify(body, {"X-Webhook-Signature": odd}, "s")


# -- CartonCloud ------------------------------------------------------------------------------
ORDER = {
    "id": "fb5b56f6-a68e-11e8-98d0-529269fb1459",
    "type": "OUTBOUND",
    "status": "DISPATCHED",
    "references": {"customer": "SO-1"},
    "customer": {"id": "c-1", "name": "Customer A"},
    "items": [],
    "version": 1,
}
header_values = st.text(
    alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=40
)


@SETTINGS
@given(value=header_values, name_case=st.sampled_from((str.lower, str.upper, str.title)))
def test_cartoncloud_accepts_every_delivery_with_the_shared_header(
    value: str, name_case: Any
) -> None:
    headers = {name_case("X-Webhook-Token"): value, "content-type": "application/json"}
    event = cartoncloud_webhooks.parse(
        json.dumps(ORDER).encode(), headers, expected_headers={"X-Webhook-Token": value}
    )
    assert isinstance(event, cartoncloud_webhooks.OutboundOrderEvent)
    assert event.entity.id == ORDER["id"]


@SETTINGS
@given(value=header_values, wrong=st.text(max_size=40) | st.none(), rename=st.booleans())
def test_cartoncloud_rejects_a_missing_or_changed_shared_header(
    value: str, wrong: str | None, rename: bool
) -> None:
    assume(wrong != value)
    headers: dict[str, Any] = {}
    if rename:
        headers["X-Webhook-Tokens"] = value
    elif wrong is not None:
        headers["X-Webhook-Token"] = wrong
    with pytest.raises(WebhookVerificationError, match="X-Webhook-Token"):
        cartoncloud_webhooks.parse(
            json.dumps(ORDER).encode(), headers, expected_headers={"X-Webhook-Token": value}
        )


@SETTINGS
@given(odd=ODD)
def test_cartoncloud_odd_input_types_get_the_typed_error(odd: Any) -> None:
    body = json.dumps(ORDER).encode()
    expected = {"X-Webhook-Token": "v"}
    if not isinstance(odd, (bytearray, memoryview)):
        with pytest.raises(WebhookPayloadTypeError):
            cartoncloud_webhooks.parse(odd, {"X-Webhook-Token": "v"}, expected_headers=expected)
    with pytest.raises(WebhookVerificationError):
        cartoncloud_webhooks.parse(body, {"X-Webhook-Token": odd}, expected_headers=expected)
    with pytest.raises(WebhookVerificationError):
        cartoncloud_webhooks.parse(
            body, {"X-Webhook-Token": "v"}, expected_headers={"X-Webhook-Token": odd}
        )


# -- ONESCP: the one-pass path against the general path ---------------------------------------
_NAMES = st.sampled_from(
    ["order.updated", "task.rejected", "item.deleted", "new.thing", "", "order.updated "]
)
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=6) | _NAMES,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["event", "_id", "status", "deliveryId", "delivery_id", "x"]),
            inner,
            max_size=3,
        )
    ),
    max_leaves=8,
)


_ABSENT = object()
_data = st.fixed_dictionaries(
    {"_id": st.text(max_size=3)},
    optional={"event": _NAMES, "status": st.sampled_from(["open", 5]), "x": _json_values},
)
#: Mostly bodies the one-pass path takes; now and then one it must hand to the general path.
_top_level = st.fixed_dictionaries(
    {
        "event": st.sampled_from(
            ["order.updated"] * 4 + ["task.rejected", "new.thing"] * 2 + [_ABSENT, "", 2, None]
        ),
        "deliveryId": st.sampled_from(["d-1"] * 4 + [_ABSENT] * 4 + ["", None, 2]),
        "data": st.one_of(_data, _data, _data, _json_values),
        "timestamp": st.sampled_from(["2025-01-26T12:00:00.000Z", _ABSENT]),
        "delivery_id": st.sampled_from([_ABSENT] * 9 + ["d-3"]),
        "unsigned": st.sampled_from([_ABSENT] * 9 + [[]]),
        "more": st.one_of(*[st.just(_ABSENT)] * 3, _json_values),
    }
)

_headers = st.dictionaries(
    st.sampled_from(
        ["X-Webhook-Event", "x-webhook-event", "X-Webhook-Delivery-Id", "X-WEBHOOK-DELIVERY-ID"]
    ),
    _NAMES | st.sampled_from(["d-1", "d-9"]),
    max_size=3,
)


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(top=_top_level, headers=_headers, spaced=st.booleans(), order=st.randoms())
def test_onescp_one_pass_decides_exactly_like_the_general_path(
    top: dict[str, Any], headers: dict[str, str], spaced: bool, order: Any
) -> None:
    items = [(key, value) for key, value in top.items() if value is not _ABSENT]
    order.shuffle(items)
    body = json.dumps(dict(items), separators=(", ", ": ") if spaced else (",", ":")).encode()
    one_pass, general = both_paths(body, headers)
    assert one_pass == general
