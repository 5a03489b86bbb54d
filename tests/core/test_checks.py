"""Input checks shared by the platforms."""

from __future__ import annotations

import pytest

from supplychain_sdk._core import InvalidRequestError, OpenEnum
from supplychain_sdk._core.checks import int_or_none, known, uuid_string


class Flow(OpenEnum):
    LIVE = "LIVE"
    TEST = "TEST"


def test_known() -> None:
    assert known(Flow, "LIVE", "flow") is Flow.LIVE
    assert known(Flow, Flow.TEST, "flow") is Flow.TEST
    assert known(Flow, None, "flow") is None
    with pytest.raises(InvalidRequestError, match="flow 'PROD' is not one of: 'LIVE', 'TEST'"):
        known(Flow, "PROD", "flow")
    with pytest.raises(InvalidRequestError, match="flow must be a Flow or a string"):
        known(Flow, 1, "flow")  # type: ignore[arg-type]


def test_uuid_string() -> None:
    value = "949b2f25-fd9d-4c58-8899-b4dc277f8cf9"
    assert uuid_string(value, "id") == value
    for bad in ("", " ", "42", "../x"):
        with pytest.raises(InvalidRequestError, match="id must be"):
            uuid_string(bad, "id")
    with pytest.raises(InvalidRequestError, match="non-empty string"):
        uuid_string(None, "id")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (3, 3),
        ("7", 7),
        (None, None),
        (True, None),
        ("x", None),
        ([], None),
        (2.9, 2),
        (float("inf"), None),
        (float("-inf"), None),
        (float("nan"), None),
    ],
)
def test_int_or_none(value: object, expected: int | None) -> None:
    assert int_or_none(value) == expected


def test_field_errors_and_invalid() -> None:
    from pydantic import ValidationError

    from supplychain_sdk._core import APIModel
    from supplychain_sdk._core.checks import field_errors, invalid, json_pointer

    class Line(APIModel):
        unit_price: float

    class Doc(APIModel):
        order_identifier: str
        lines: list[Line]

    with pytest.raises(ValidationError) as caught:
        Doc.model_validate({"lines": [{"unitPrice": "x"}]})
    exc = caught.value
    assert field_errors(exc) == {
        "orderIdentifier": ["Field required"],
        "lines.0.unitPrice": ["Input should be a valid number, unable to parse string as a number"],
    }
    assert field_errors(exc, pointer=True, prefix=("content",), missing="is required") == {
        "/content/orderIdentifier": ["is required"],
        "/content/lines/0/unitPrice": [
            "Input should be a valid number, unable to parse string as a number"
        ],
    }
    error = invalid("the order", {f"f{i}": ["bad"] for i in range(10)})
    assert str(error).startswith("the order is invalid: f0: bad; f1: bad;")
    assert str(error).endswith("f7: bad (and 2 more)")
    assert len(error.field_errors) == 10
    assert json_pointer(["a/b", "c~d", 0]) == "/a~1b/c~0d/0"
    assert json_pointer([]) == ""


def test_positive_int() -> None:
    from supplychain_sdk._core.checks import positive_int

    assert positive_int(None, "limit") is None
    assert positive_int(1, "limit") == 1
    assert positive_int(500, "limit", maximum=500) == 500
    for bad in (0, -1, True, 1.0, "2"):
        with pytest.raises(
            InvalidRequestError, match=f"limit must be a positive integer, got {bad!r}"
        ):
            positive_int(bad, "limit")
    with pytest.raises(InvalidRequestError, match="limit must be at most 500, got 501"):
        positive_int(501, "limit", maximum=500)


def test_timestamp() -> None:
    import datetime as dt

    from supplychain_sdk._core.checks import timestamp

    utc = dt.timezone.utc
    plus_two = dt.timezone(dt.timedelta(hours=2))
    assert timestamp(None, "since") is None
    assert timestamp(dt.datetime(2025, 1, 1, 12, tzinfo=utc), "since") == "2025-01-01T12:00:00.000Z"
    assert timestamp(dt.datetime(2025, 1, 1, 12, tzinfo=plus_two), "since") == (
        "2025-01-01T10:00:00.000Z"
    )
    assert timestamp(dt.date(2025, 3, 4), "since") == "2025-03-04"
    for text in ("2025-01-01", "2025-01-01T00:00:00Z", "2025-01-01T00:00:00.5+02:00"):
        assert timestamp(text, "since") == text
    with pytest.raises(InvalidRequestError, match="since must be a timezone-aware datetime"):
        timestamp(dt.datetime(2025, 1, 1), "since")
    for bad in ("yesterday", "", 20250101):
        with pytest.raises(
            InvalidRequestError, match="since must be an ISO 8601 date or timestamp"
        ):
            timestamp(bad, "since")  # type: ignore[arg-type]
