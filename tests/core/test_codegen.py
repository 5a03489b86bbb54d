"""Sync code is generated from async code, stays fresh, and mirrors it exactly."""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import supplychain_sdk

ROOT = Path(__file__).resolve().parents[2]


def async_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(supplychain_sdk.__path__, "supplychain_sdk."):
        if "._async." in info.name:
            names.append(info.name)
    return sorted(names)


def test_generated_sync_code_is_fresh() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "unasync.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _from_httpx(member: object) -> bool:
    """Inherited from httpx's own clients (their sync and async APIs differ by design)."""
    function = member.fget if isinstance(member, property) else member
    return str(getattr(function, "__module__", "")).startswith("httpx.")


def public_api(cls: type) -> dict[str, list[str]]:
    api = {}
    for name, member in inspect.getmembers(cls):
        if (name.startswith("_") and name not in {"__init__"}) or _from_httpx(member):
            continue
        if callable(member):
            api[name] = list(inspect.signature(member).parameters)
        elif isinstance(member, property):
            api[name] = ["<property>"]
    return api


def sync_name(name: str) -> str:
    special = {"AsyncAPIClient": "SyncAPIClient", "AsyncPager": "SyncPager"}
    special["AsyncAPIResource"] = "SyncAPIResource"
    return special.get(name, name.removeprefix("Async"))


@pytest.mark.parametrize("module_name", async_modules())
def test_sync_mirrors_async(module_name: str) -> None:
    async_module = importlib.import_module(module_name)
    sync_module = importlib.import_module(module_name.replace("._async.", "._sync."))
    assert sorted(sync_name(n) for n in async_module.__all__) == sorted(sync_module.__all__)
    for name in async_module.__all__:
        async_obj = getattr(async_module, name)
        sync_obj = getattr(sync_module, sync_name(name))
        if inspect.isclass(async_obj):
            assert public_api(async_obj) == public_api(sync_obj), name
        else:
            assert list(inspect.signature(async_obj).parameters) == list(
                inspect.signature(sync_obj).parameters
            )


def test_async_methods_are_coroutines_and_sync_are_not() -> None:
    from supplychain_sdk._core import AsyncAPIClient, SyncAPIClient

    assert inspect.iscoroutinefunction(AsyncAPIClient.request)
    assert not inspect.iscoroutinefunction(SyncAPIClient.request)


def test_unasync_rewrites() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from unasync import unasync_source
    finally:
        sys.path.pop(0)
    source = (
        "async def f(x: AsyncIterator[int]) -> Awaitable[list[int]]:\n"
        "    async with a as b:\n"
        "        return [i async for i in await g()]  # AsyncProcuros\n"
        "s = 'await AsyncPager'\n"
    )
    assert unasync_source(source) == (
        "def f(x: Iterator[int]) -> list[int]:\n"
        "    with a as b:\n"
        "        return [i for i in g()]  # Procuros\n"
        "s = 'SyncPager'\n"
    )


def test_top_level_import_is_lazy() -> None:
    code = (
        "import sys, supplychain_sdk\n"
        "assert 'httpx' not in sys.modules, 'httpx loaded eagerly'\n"
        "assert 'pydantic' not in sys.modules, 'pydantic loaded eagerly'\n"
        "from supplychain_sdk import SyncAPIClient, NotFoundError\n"
        "assert 'httpx' in sys.modules\n"
        "print(SyncAPIClient.__name__)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "SyncAPIClient"


def test_a_bare_import_loads_only_the_errors() -> None:
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import supplychain_sdk\n"
        "print(' '.join(sorted(set(sys.modules) - before)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-S", "-c", code], capture_output=True, text=True, env=_import_env()
    )
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    assert {m for m in loaded if m.startswith("supplychain_sdk")} == {
        "supplychain_sdk",
        "supplychain_sdk._core",
        "supplychain_sdk._core.errors",
        "supplychain_sdk._version",
    }
    heavy = {"httpx", "pydantic", "typing", "re", "logging", "urllib.parse", "contextvars"}
    assert loaded & heavy == set()


def _import_env() -> dict[str, str]:
    """The environment with the source tree on the path (``-S`` skips site-packages)."""
    src = str(ROOT / "src")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}


def test_the_errors_still_redact_urls_when_loaded_alone() -> None:
    code = (
        "import pickle, supplychain_sdk as s\n"
        "e = s.PaginationError('repeated https://u:p@h.example/x?token=abc')\n"
        "a = s.NotFoundError(status_code=404, method='GET', url='https://h.example/x?api_key=k')\n"
        "print(e); print(a); print(pickle.loads(pickle.dumps(a)).url)\n"
    )
    result = subprocess.run(
        [sys.executable, "-S", "-c", code], capture_output=True, text=True, env=_import_env()
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "repeated https://[REDACTED]@h.example/x?token=[REDACTED]",
        "404 Not Found from GET https://h.example/x?api_key=[REDACTED]",
        "https://h.example/x?api_key=[REDACTED]",
    ]


def test_unknown_top_level_attribute() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        supplychain_sdk.Nope  # noqa: B018


def test_core_never_imports_a_platform() -> None:
    core = ROOT / "src" / "supplychain_sdk" / "_core"
    offenders = []
    for path in core.rglob("*.py"):
        text = path.read_text()
        for platform in ("procuros", "cartoncloud", "onescp", "pharus", "one_platform", "sandbox"):
            if f"supplychain_sdk.{platform}" in text or f"from ...{platform}" in text:
                offenders.append(f"{path.name}: {platform}")
    assert offenders == []


@pytest.mark.parametrize("module_name", ["supplychain_sdk", "supplychain_sdk._core"])
def test_every_exported_name_resolves(module_name: str) -> None:
    module = importlib.import_module(module_name)
    for name in module.__all__:
        assert getattr(module, name) is not None, name
    assert len(set(module.__all__)) == len(module.__all__)


def test_core_lazy_map_matches_all() -> None:
    from supplychain_sdk import _core
    from supplychain_sdk._core import errors

    assert set(_core.__all__) == set(_core._EXPORTS) | set(errors.__all__)


@pytest.mark.parametrize(
    "script", ["gen_reference.py", "extract_procuros_examples.py", "generate_procuros_models.py"]
)
def test_other_generated_files_are_fresh(script: str) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
