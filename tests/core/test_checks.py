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
    [(3, 3), ("7", 7), (None, None), (True, None), ("x", None), ([], None), (2.9, 2)],
)
def test_int_or_none(value: object, expected: int | None) -> None:
    assert int_or_none(value) == expected
