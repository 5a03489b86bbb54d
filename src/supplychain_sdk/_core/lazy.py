"""Types named by reference: imported, and their classes created, when first needed.

A platform's route rows name the request and answer type of every call. Importing those
types would create every model class of the platform (tens of milliseconds for a few
hundred pydantic classes) before the first call is made. A row names them by reference
instead::

    if TYPE_CHECKING:
        from . import _models as m  # type checkers see the real classes
    else:
        m = LazyTypes("supplychain_sdk.<platform>._models")

    USERS_CREATE = Operation[m.User](..., answer=m.User)

``m.User`` is then a `TypeRef`: nothing is imported until pydantic first asks it for its
schema (the first call that validates a body or reads an answer), and validation is that of
the class itself. References combine like the classes: ``m.Deleted | m.ApiToken``,
``list[m.Document]``, ``changes.ChangesPage[m.Order]`` (a parametrized generic model).
Code that needs the class itself (``isinstance``, a model's fields) calls `resolve_type`.
"""

from __future__ import annotations

import importlib
import types
import typing
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

__all__ = ["LazyTypes", "TypeRef", "resolve_type"]

_UNRESOLVED: Any = object()


class TypeRef:
    """The type ``name`` of ``module`` (``origin[args]`` when ``args`` are given), imported
    the first time it is resolved.

    Equal and hashed by what it names, so a row compares equal to a copy of itself. Pydantic
    validates and dumps it as the type it names; ``ref | other`` is a ``Union`` of both,
    ``ref[arg]`` a parametrized generic, and calling it constructs the named class.
    """

    __slots__ = ("_resolved", "args", "module", "name")

    def __init__(self, module: str, name: str, args: tuple[Any, ...] = ()) -> None:
        self.module = module
        self.name = name
        self.args = args
        self._resolved: Any = _UNRESOLVED

    def resolve(self) -> Any:
        """The type itself: its module is imported the first time, then it is cached.

        Raises:
            ImportError: the module does not define ``name`` (a wrong reference).
        """
        resolved = self._resolved
        if resolved is _UNRESOLVED:
            module = importlib.import_module(self.module)
            try:
                resolved = getattr(module, self.name)
            except AttributeError:
                raise ImportError(
                    f"cannot resolve the type reference {self!r}: "
                    f"{self.module} defines no {self.name!r}",
                    name=self.module,
                ) from None
            if self.args:
                args = tuple(resolve_type(arg) for arg in self.args)
                resolved = resolved[args if len(args) > 1 else args[0]]
            self._resolved = resolved
        return resolved

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return handler(self.resolve())

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.resolve()(*args, **kwargs)

    def __getitem__(self, args: Any) -> TypeRef:
        return TypeRef(self.module, self.name, args if isinstance(args, tuple) else (args,))

    def __or__(self, other: Any) -> Any:
        return typing.Union[self, other]  # noqa: UP007 - the members are not all classes

    def __ror__(self, other: Any) -> Any:
        return typing.Union[other, self]  # noqa: UP007 - the members are not all classes

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TypeRef):
            return NotImplemented
        return (self.module, self.name, self.args) == (other.module, other.name, other.args)

    def __hash__(self) -> int:
        return hash((self.module, self.name, self.args))

    def __repr__(self) -> str:
        if not self.args:
            return self.name
        return f"{self.name}[{', '.join(_type_repr(arg) for arg in self.args)}]"


def _type_repr(tp: Any) -> str:
    return tp.__name__ if isinstance(tp, type) else repr(tp)


class LazyTypes:
    """The types of a module, each named by a `TypeRef`; the module is not imported.

    ``LazyTypes("pkg._models").User`` is ``TypeRef("pkg._models", "User")`` (the same
    object each time, so it is resolved once).
    """

    __slots__ = ("_module", "_refs")

    def __init__(self, module: str) -> None:
        self._module = module
        self._refs: dict[str, TypeRef] = {}

    def __getattr__(self, name: str) -> TypeRef:
        if name.startswith("__"):  # copy, pickle and inspect probe dunder names
            raise AttributeError(name)
        ref = self._refs.get(name)
        if ref is None:
            ref = self._refs[name] = TypeRef(self._module, name)
        return ref

    def __repr__(self) -> str:
        return f"LazyTypes({self._module!r})"


def resolve_type(tp: Any) -> Any:
    """``tp`` with every `TypeRef` in it resolved: ``m.User`` → ``User``,
    ``list[m.User] | None`` → ``list[User] | None``; any other type as it is."""
    if isinstance(tp, TypeRef):
        return tp.resolve()
    args = typing.get_args(tp)
    if not args:
        return tp
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        params = (resolve_type(args[0]), *tp.__metadata__)
        return typing.Annotated[params]
    resolved = tuple(resolve_type(arg) for arg in args)
    if all(new is old for new, old in zip(resolved, args, strict=True)):
        return tp
    if origin is typing.Union or origin is types.UnionType:
        return typing.Union[resolved]  # noqa: UP007 - built from a tuple of members
    if isinstance(tp, types.GenericAlias):
        return types.GenericAlias(origin, resolved)
    return tp.copy_with(resolved)
