"""Text comparisons, the leaves of a CartonCloud search condition: `JsonField` builds them
(``JsonField("/status").equals("DRAFT")``), ``_conditions`` combines them.

Kept apart from the tree: a client only sends conditions, and does not load the comparison
methods' enum (and with it the models' base class) when it is imported.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from .._core.errors import InvalidRequestError
from .._core.models import OpenEnum
from ._conditions import Condition

__all__ = ["JsonField", "TextComparisonCondition", "TextComparisonMethod"]

_POINTER = re.compile(r"^(/([^~]|~[01])*)*$")


class TextComparisonMethod(OpenEnum):
    """How a `TextComparisonCondition` compares the field with its value."""

    EQUAL_TO = "EQUAL_TO"
    CONTAINS = "CONTAINS"
    STARTS_WITH = "STARTS_WITH"


def _check_pointer(pointer: object) -> str:
    if not isinstance(pointer, str) or not pointer or not _POINTER.match(pointer):
        raise InvalidRequestError(
            f"a search field must be a JSON pointer such as '/references/customer', got {pointer!r}"
        )
    return pointer


@attrs.frozen(init=False)
class TextComparisonCondition(Condition):
    """Compare the text at a JSON ``pointer`` of each entity with ``value``.

    Args:
        pointer: a JSON pointer into the entity (``"/references/customer"``).
        value: the text to compare with.
        method: ``EQUAL_TO`` (default), ``CONTAINS`` or ``STARTS_WITH``.
    """

    pointer: str
    value: str
    method: TextComparisonMethod

    def __init__(
        self,
        pointer: str,
        value: str,
        method: TextComparisonMethod | str = TextComparisonMethod.EQUAL_TO,
    ) -> None:
        if not isinstance(value, str):
            raise InvalidRequestError(
                f"a text comparison needs a string value, got {type(value).__name__} "
                "(compare numbers as text, e.g. str(42))"
            )
        if not isinstance(method, str) or not TextComparisonMethod(method).is_known:
            allowed = ", ".join(m.value for m in TextComparisonMethod)
            raise InvalidRequestError(f"method {method!r} is not one of: {allowed}")
        self.__attrs_init__(_check_pointer(pointer), value, TextComparisonMethod(method))

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": "TextComparisonCondition",
            "field": {"type": "JsonField", "pointer": self.pointer},
            "value": {"type": "ValueField", "value": self.value},
            "method": self.method.value,
        }


@attrs.frozen(init=False)
class JsonField:
    """A field of the searched entities, named by JSON pointer; builds text comparisons.

    Example:
        ```python
        JsonField("/customer/references/code").equals("C123")
        JsonField("/references/customer").starts_with("SO-")
        ```
    """

    pointer: str

    def __init__(self, pointer: str) -> None:
        self.__attrs_init__(_check_pointer(pointer))

    def equals(self, value: str) -> TextComparisonCondition:
        """The field's text is ``value`` (``EQUAL_TO``)."""
        return TextComparisonCondition(self.pointer, value, TextComparisonMethod.EQUAL_TO)

    def contains(self, value: str) -> TextComparisonCondition:
        """The field's text contains ``value`` (``CONTAINS``)."""
        return TextComparisonCondition(self.pointer, value, TextComparisonMethod.CONTAINS)

    def starts_with(self, value: str) -> TextComparisonCondition:
        """The field's text starts with ``value`` (``STARTS_WITH``)."""
        return TextComparisonCondition(self.pointer, value, TextComparisonMethod.STARTS_WITH)
