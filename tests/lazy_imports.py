"""Checks that a platform package loads its names on first use (PEP 562).

Each check runs in a fresh interpreter: ``sys.modules`` of the test process is shared by
every test. Nothing here is timed; the import figures are in ``benchmarks/``.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from types import ModuleType

import pytest

_REPORT = """
import json, sys
from pydantic import BaseModel

def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)

print(json.dumps({
    "modules": sorted(n for n in sys.modules if n.startswith("supplychain_sdk")),
    "built": sorted(
        c.__qualname__ for c in set(_subclasses(BaseModel))
        if c.__module__.startswith(PACKAGE + ".") and c.__pydantic_complete__
    ),
}))
"""


def after(statement: str, package: str) -> tuple[set[str], list[str]]:
    """The ``supplychain_sdk`` modules loaded after ``statement`` in a fresh interpreter, and
    the pydantic models of ``package`` already built (validators made) at that point."""
    code = f"PACKAGE = {package!r}\n{statement}\n{_REPORT}"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    return set(report["modules"]), list(report["built"])


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
