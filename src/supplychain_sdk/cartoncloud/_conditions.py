"""A small typed builder of CartonCloud search conditions (the ``condition`` of ``.../search``).

The search endpoints take a tree of conditions::

    {"type": "AndCondition", "conditions": [
        {"type": "TextComparisonCondition",
         "field": {"type": "JsonField", "pointer": "/references/customer"},
         "value": {"type": "ValueField", "value": "SO-1001"},
         "method": "EQUAL_TO"}]}

Build it with `JsonField` (in ``_comparisons``, with the text comparisons that are the tree's
leaves) and the ``&`` / ``|`` operators (or `AndCondition` / `OrCondition`)::

    JsonField("/references/customer").equals("SO-1001") & JsonField("/status").equals("DRAFT")

Condition types this builder does not model can be given as plain dicts, on their own or
inside `AndCondition` / `OrCondition`; they are sent as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias

import attrs

from .._core.errors import InvalidRequestError

__all__ = [
    "MATCH_ALL",
    "AndCondition",
    "Condition",
    "ConditionLike",
    "OrCondition",
    "condition_json",
]


class Condition:
    """Base of every condition; combine them with ``&`` (and) and ``|`` (or)."""

    def to_dict(self) -> dict[str, Any]:
        """The condition as the API's JSON."""
        raise TypeError(f"{type(self).__name__} is abstract")  # pragma: no cover

    def __and__(self, other: ConditionLike) -> AndCondition:
        return AndCondition(*_flatten(AndCondition, self), *_flatten(AndCondition, other))

    def __or__(self, other: ConditionLike) -> OrCondition:
        return OrCondition(*_flatten(OrCondition, self), *_flatten(OrCondition, other))


#: A condition: a builder object or the API's JSON as a dict.
ConditionLike: TypeAlias = Condition | Mapping[str, Any]


def _flatten(kind: type[AndCondition | OrCondition], value: ConditionLike) -> tuple[Any, ...]:
    if isinstance(value, kind):
        return value.conditions
    return (value,)


def _raw(value: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(value.get("type"), str) or not value["type"]:
        raise InvalidRequestError(
            "a condition given as a dict needs a 'type' (e.g. 'TextComparisonCondition')"
        )
    return dict(value)


def condition_json(condition: object) -> dict[str, Any]:
    """The JSON of a condition given as a builder object or a dict; anything else is refused."""
    if isinstance(condition, Condition):
        return condition.to_dict()
    if isinstance(condition, Mapping):
        return _raw(condition)
    raise InvalidRequestError(
        "condition must be a Condition (e.g. JsonField('/status').equals('DRAFT')) or a dict, "
        f"not {type(condition).__name__}"
    )


@attrs.frozen(init=False)
class AndCondition(Condition):
    """Every one of ``conditions`` holds; ``AndCondition()`` with none matches everything."""

    conditions: tuple[Condition | dict[str, Any], ...]

    def __init__(self, *conditions: ConditionLike) -> None:
        self.__attrs_init__(_children(conditions))

    def to_dict(self) -> dict[str, Any]:
        return {"type": "AndCondition", "conditions": [_child(c) for c in self.conditions]}


@attrs.frozen(init=False)
class OrCondition(Condition):
    """At least one of ``conditions`` holds (it needs at least one)."""

    conditions: tuple[Condition | dict[str, Any], ...]

    def __init__(self, *conditions: ConditionLike) -> None:
        if not conditions:
            raise InvalidRequestError("OrCondition needs at least one condition")
        self.__attrs_init__(_children(conditions))

    def to_dict(self) -> dict[str, Any]:
        return {"type": "OrCondition", "conditions": [_child(c) for c in self.conditions]}


def _children(conditions: tuple[ConditionLike, ...]) -> tuple[Condition | dict[str, Any], ...]:
    out: list[Condition | dict[str, Any]] = []
    for index, condition in enumerate(conditions):
        if isinstance(condition, Condition):
            out.append(condition)
        elif isinstance(condition, Mapping):
            out.append(_raw(condition))
        else:
            raise InvalidRequestError(
                f"conditions[{index}] must be a Condition or a dict, not {type(condition).__name__}"
            )
    return tuple(out)


def _child(condition: Condition | dict[str, Any]) -> dict[str, Any]:
    return condition.to_dict() if isinstance(condition, Condition) else dict(condition)


#: The condition ``list()`` searches with: an empty ``AndCondition``, true for every entity.
MATCH_ALL = AndCondition()
