"""Checks that a platform package loads its names on first use (PEP 562), and that its
route rows name their types by reference (`supplychain_sdk._core.lazy`).

Each import check runs in a fresh interpreter: ``sys.modules`` of the test process is shared
by every test. Nothing here is timed; the import figures are in ``benchmarks/``.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import subprocess
import sys
import typing
from collections.abc import Iterator, Mapping
from types import ModuleType
from typing import Any

import pytest
from pydantic import BaseModel

from supplychain_sdk._core.lazy import TypeRef
from supplychain_sdk._core.operations import Operation
from supplychain_sdk._core.transports import SYNC_TRANSPORT_ENV, TRANSPORT_ENV

_REPORT = """
import json, sys
from pydantic import BaseModel

def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)

print(json.dumps({
    "modules": sorted(n for n in sys.modules if n.startswith(("supplychain_sdk", "pydantic"))),
    "models": sorted(
        c.__qualname__ for c in set(_subclasses(BaseModel))
        if c.__module__.startswith(PACKAGE + ".")
    ),
}))
"""


def after(statement: str, package: str) -> tuple[set[str], list[str]]:
    """The ``supplychain_sdk`` and ``pydantic`` modules loaded after ``statement`` in a fresh
    interpreter, and the pydantic model classes of ``package`` created by then (built or not).

    The interpreter's clients use httpx's own transports (what respx mocks there), whatever
    transport the test run puts its own clients on."""
    code = f"PACKAGE = {package!r}\n{statement}\n{_REPORT}"
    env = {k: v for k, v in os.environ.items() if k not in (TRANSPORT_ENV, SYNC_TRANSPORT_ENV)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    return set(report["modules"]), list(report["models"])


#: What creating a first model class loads (``pydantic.fields`` and the models' base): a
#: client import that loads none of it defines no model at all.
MODEL_MACHINERY = frozenset({"supplychain_sdk._core.models", "pydantic.fields"})


def sync_and_async(client: str, call: str) -> list[tuple[str, str]]:
    """``(client class, statement)`` of one first call with the sync client and with its
    async twin (``Async<client>``, the call run with ``asyncio.run``)."""
    return [(client, call), (f"Async{client}", f"asyncio.run({call})")]


def first_call(template: str, package: str, client: str, call: str) -> tuple[set[str], list[str]]:
    """`after` a first call: ``template`` filled with the client class and the call; the
    modules of ``package`` it loaded (relative, as `submodules`) and the model classes made."""
    loaded, models = after(template.format(client=client, call=call), package)
    return submodules(loaded, package), models


def group_modules(package: str, *subpackages: str) -> list[str]:
    """The modules of ``package``'s ``subpackages``, relative to it (``"._models.sales"``),
    as the source tree has them."""
    found = []
    for sub in subpackages:
        path = importlib.import_module(sub, package).__path__
        found += [f"{sub}.{module.name}" for module in pkgutil.iter_modules(path)]
    return sorted(found)


def submodules(loaded: set[str], package: str) -> set[str]:
    """The modules of ``package`` in ``loaded``, relative to it (``"._models"``)."""
    return {name.removeprefix(package) for name in loaded if name.startswith(package + ".")}


def check_namespace(package: ModuleType, whole_modules: list[str]) -> None:
    """Every name in ``__all__`` resolves to the object its module defines, ``dir()`` lists
    them, every public name of a model module is exported, and a wrong name is an
    ``AttributeError``."""
    names = package.__all__
    assert len(names) == len(set(names))
    where: dict[str, str] = package._WHERE
    assert set(names) - set(where) <= {"webhooks"}
    assert set(where) <= set(names)
    for name in names:
        value = getattr(package, name)
        assert value is not None, name
        if name in where:
            module = importlib.import_module(where[name], package.__name__)
            assert value is getattr(module, name), name
    assert set(names) <= set(dir(package))
    for relative in whole_modules:
        module = importlib.import_module(relative, package.__name__)
        missing = set(module.__all__) - set(names)
        assert missing == set(), f"{relative} names not exported: {sorted(missing)}"
    with pytest.raises(AttributeError, match="has no attribute 'Nope'"):
        package.Nope  # noqa: B018


def leaves(tp: Any) -> Iterator[Any]:
    """The types ``tp`` is made of: the members of unions, the items of lists and dicts, the
    type of ``Annotated`` (a parametrized `TypeRef` yields itself and its arguments)."""
    if isinstance(tp, TypeRef):
        yield tp
        for arg in tp.args:
            yield from leaves(arg)
        return
    args = typing.get_args(tp)
    if typing.get_origin(tp) is typing.Annotated:
        yield from leaves(args[0])
    elif args:
        for arg in args:
            yield from leaves(arg)
    else:
        yield tp


def check_references(routes: Mapping[str, Operation[Any]], package: str) -> int:
    """Every row's answer, body and query names its pydantic models by reference (no model
    class in a row), and every reference resolves to a class of ``package`` by that name.
    Returns how many references were resolved."""
    resolved = 0
    for name, op in routes.items():
        for part in ("answer", "body", "query"):
            for leaf in leaves(getattr(op, part)):
                where = f"{name}.{part}"
                assert not (isinstance(leaf, type) and issubclass(leaf, BaseModel)), (
                    f"{where} names {leaf.__name__} itself: name it by reference"
                )
                if not isinstance(leaf, TypeRef):
                    continue
                assert leaf.module.startswith(package + "."), f"{where}: {leaf.module}"
                target = leaf.resolve()
                if typing.get_origin(target) is None:  # else a type alias (a union of models)
                    assert isinstance(target, type), f"{where}: {leaf!r} is {target!r}"
                    assert target.__name__ == repr(leaf), f"{where}: {leaf!r} is {target!r}"
                resolved += 1
    return resolved
