"""Pydantic base model and tolerant enums shared by every platform."""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel

from .display import html_table, short_repr

__all__ = ["APIModel", "OpenEnum"]


class APIModel(BaseModel):
    """Base of every API model.

    * snake_case attributes, the API's camelCase names as aliases (both accepted on input);
    * unknown fields are kept (``model.model_extra``, attribute access) and sent back;
    * `to_dict` / `to_json` give the API's own JSON, ready for ``json.dumps``;
    * ``repr()`` is one short line and Jupyter shows a small table (secrets stay masked).
    """

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="allow",
        serialize_by_alias=True,
        validate_by_alias=True,
        validate_by_name=True,
        defer_build=True,
    )

    def __repr__(self) -> str:
        """One short line: the set fields until about 200 characters, then ``…+N fields``."""
        return short_repr(self)

    def __str__(self) -> str:
        return short_repr(self)

    def _repr_html_(self) -> str:
        """Jupyter's display: the set fields as a small table (nested fields dotted)."""
        return html_table(self)

    def to_dict(self, *, exclude_unset: bool = True) -> dict[str, Any]:
        """The model as plain JSON-compatible data in the API's field names."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=exclude_unset)

    def to_json(self, *, exclude_unset: bool = True, indent: int | None = None) -> str:
        """The model as a JSON string in the API's field names."""
        return self.model_dump_json(by_alias=True, exclude_unset=exclude_unset, indent=indent)


class OpenEnum(str, Enum):
    """A string enum that accepts values it does not know (APIs add values over time).

    ``Status("new-value")`` returns a member-like value whose ``is_known`` is ``False``
    instead of raising, so a response is never rejected for a new enum value.
    """

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    @property
    def is_known(self) -> bool:
        """Whether this value is one the SDK was built with."""
        return self._name_ in type(self).__members__

    def __str__(self) -> str:
        return str(self.value)
