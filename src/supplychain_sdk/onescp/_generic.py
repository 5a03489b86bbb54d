"""Generic answer models named by a route row without being built at import."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, GetCoreSchemaHandler
from pydantic_core import CoreSchema

__all__ = ["Parametrized"]


class Parametrized:
    """``origin[arg]`` (e.g. ``ChangesPage[Order]``), made when its answer is first cast.

    Pydantic builds a generic model's validator, and loads its plugins, as soon as the
    model is parametrized; a route row that wrote ``ChangesPage[Order]`` would cost tens of
    milliseconds at import. A row writes ``Parametrized(ChangesPage, Order)`` instead, and
    pydantic asks it for its schema the first time an answer is validated: the answer is a
    ``ChangesPage[Order]`` all the same.
    """

    __slots__ = ("arg", "origin")

    def __init__(self, origin: type[BaseModel], arg: type[Any]) -> None:
        self.origin = origin
        self.arg = arg

    def model(self) -> type[BaseModel]:
        """The parametrized model (pydantic caches it: the same class every time)."""
        parametrize: Any = self.origin
        model: type[BaseModel] = parametrize[self.arg]
        return model

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return handler(self.model())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Parametrized):
            return NotImplemented
        return (self.origin, self.arg) == (other.origin, other.arg)

    def __hash__(self) -> int:
        return hash((self.origin, self.arg))

    def __repr__(self) -> str:
        return f"{self.origin.__name__}[{self.arg.__name__}]"
