"""The search condition builder."""

from __future__ import annotations

from typing import Any

import pytest

from supplychain_sdk import InvalidRequestError
from supplychain_sdk.cartoncloud import (
    MATCH_ALL,
    AndCondition,
    JsonField,
    OrCondition,
    TextComparisonCondition,
    TextComparisonMethod,
)
from supplychain_sdk.cartoncloud._conditions import condition_json


def text(pointer: str, value: str, method: str) -> dict[str, Any]:
    return {
        "type": "TextComparisonCondition",
        "field": {"type": "JsonField", "pointer": pointer},
        "value": {"type": "ValueField", "value": value},
        "method": method,
    }


def test_json_field_methods() -> None:
    field = JsonField("/references/customer")
    assert field.equals("SO-1").to_dict() == text("/references/customer", "SO-1", "EQUAL_TO")
    assert field.contains("1").to_dict() == text("/references/customer", "1", "CONTAINS")
    assert field.starts_with("SO").to_dict() == text("/references/customer", "SO", "STARTS_WITH")
    assert TextComparisonCondition("/a~1b", "x", "CONTAINS") == JsonField("/a~1b").contains("x")
    assert TextComparisonCondition("/s", "x").method is TextComparisonMethod.EQUAL_TO


def test_and_or_operators_flatten() -> None:
    a, b, c = (JsonField(f"/{n}").equals(n) for n in "abc")
    assert (a & b & c) == AndCondition(a, b, c)
    assert (a | b | c) == OrCondition(a, b, c)
    raw = {"type": "BooleanComparisonCondition", "field": {}, "method": "EQUAL_TO"}
    combined = (a | b) & raw
    assert combined.to_dict() == {
        "type": "AndCondition",
        "conditions": [
            {"type": "OrCondition", "conditions": [a.to_dict(), b.to_dict()]},
            raw,
        ],
    }
    assert MATCH_ALL.to_dict() == {"type": "AndCondition", "conditions": []}
    assert condition_json(raw) == raw
    assert condition_json(raw) is not raw


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: JsonField("references/customer"), "must be a JSON pointer"),
        (lambda: JsonField(""), "must be a JSON pointer"),
        (lambda: JsonField("/a~2"), "must be a JSON pointer"),
        (lambda: JsonField("/a").equals(5), "needs a string value, got int"),
        (lambda: TextComparisonCondition("/a", "x", "LIKE"), "method 'LIKE' is not one of"),
        (lambda: OrCondition(), "OrCondition needs at least one condition"),
        (lambda: AndCondition("status = 1"), r"conditions\[0\] must be a Condition or a dict"),
        (lambda: AndCondition({"field": 1}), "a condition given as a dict needs a 'type'"),
        (lambda: condition_json(None), "condition must be a Condition"),
    ],
)
def test_bad_conditions(build: Any, message: str) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        build()
