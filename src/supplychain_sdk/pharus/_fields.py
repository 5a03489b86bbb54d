"""Request field types a route row names without importing them.

The rows name a TypedDict for each body and filter set (88 of them). Creating those classes
is most of what the Pharus client would cost at import, so a row names one as
``i.VendorCreateFields`` where ``i`` is a `FieldsModule`: a `FieldsRef` that pydantic asks
for its schema the first time a call is checked, when the module is imported. Validation and
what is sent are those of the TypedDict itself.
"""

from __future__ import annotations

import importlib
from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import CoreSchema

__all__ = ["FieldsModule", "FieldsRef"]


class FieldsRef:
    """The TypedDict ``name`` of ``module``, imported when a call first needs it."""

    __slots__ = ("module", "name")

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def resolve(self) -> Any:
        """The TypedDict itself (imports its module the first time)."""
        return getattr(importlib.import_module(self.module), self.name)

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return handler(self.resolve())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FieldsRef):
            return NotImplemented
        return (self.module, self.name) == (other.module, other.name)

    def __hash__(self) -> int:
        return hash((self.module, self.name))

    def __repr__(self) -> str:
        return self.name


class FieldsModule:
    """``FieldsModule(module).Name`` is ``FieldsRef(module, "Name")``; nothing is imported."""

    __slots__ = ("_module",)

    def __init__(self, module: str) -> None:
        self._module = module

    def __getattr__(self, name: str) -> FieldsRef:
        if name.startswith("__"):
            raise AttributeError(name)
        return FieldsRef(self._module, name)
