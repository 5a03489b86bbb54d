"""The one way tests run the examples: as a script (a subprocess, offline) or as a module."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
#: Environment variables that would point an example at a real platform.
CREDENTIALS = ("PROCUROS_", "CARTONCLOUD_", "ONESCP_", "PHARUS_", "ONE_PLATFORM_")


def run_example(name: str, env: Mapping[str, str] | None = None) -> str:
    """Run ``examples/<name>`` as a script on the sandboxes; its stdout. It must exit 0 and,
    with logging not configured, print nothing on stderr (the SDK never writes there)."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(CREDENTIALS) and k != "SUPPLYCHAIN_SDK_LOG"
    }
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        capture_output=True,
        text=True,
        env={**clean, **(env or {})},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def load_example(stem: str) -> ModuleType:
    """Import ``examples/<stem>.py`` as a module (to call its functions on a test's sandbox)."""
    spec = importlib.util.spec_from_file_location(stem, EXAMPLES / f"{stem}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module
