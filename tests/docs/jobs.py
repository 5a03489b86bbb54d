"""The two slow checks of the docs' code blocks, each a command run beside the suite
(``tests/background.py``): ``python -m tests.docs.jobs run DIR`` runs every page's blocks
and writes ``DIR/runs.json``; ``python -m tests.docs.jobs typecheck DIR`` runs
``mypy --strict`` on them as a user's project would."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import traceback
from pathlib import Path
from typing import Any

from .blocks import ROOT, all_blocks, exports_of, modules_of

#: the variables a page must not see from the environment it runs in (credentials, transports)
SECRETS = ("PROCUROS_", "CARTONCLOUD_", "ONESCP_", "ONE_PLATFORM_", "PHARUS_", "SUPPLYCHAIN_")


def clean_env() -> dict[str, str]:
    """This environment without `SECRETS`, the SDK imported from ``src``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(SECRETS)}
    env["PYTHONPATH"] = str(ROOT / "src")
    return env


def is_test_module(blocks: list[Any]) -> bool:
    """A page whose blocks are a pytest module (``# docs: pytest``): it runs on its own."""
    return any("pytest" in b.markers for b in blocks)


def run_pages(directory: Path) -> dict[str, dict[str, Any]]:
    """Every page's blocks in this interpreter (imports are paid once): each page in a fresh
    namespace, in its own working directory, with its own environment, its output captured on
    its own. Page -> ok, stdout, stderr."""
    base_env = clean_env()
    results: dict[str, dict[str, Any]] = {}
    for number, (page, blocks) in enumerate(sorted(all_blocks().items())):
        runnable = [b for b in blocks if b.runs]
        if not runnable or is_test_module(blocks):
            continue
        cwd = directory / f"page{number}"
        cwd.mkdir()
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(base_env)
        os.environ.update(exports_of(ROOT / page))
        out, err = io.StringIO(), io.StringIO()
        namespace = {"__name__": "__main__"}
        ok = True
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            for block in runnable:
                where = f"{block.page}:{block.line}"
                print(f"--- {where}", flush=True)
                try:
                    exec(compile(block.code, where, "exec"), namespace)
                except BaseException:
                    ok = False
                    print(f"{where} failed:", file=sys.stderr)
                    traceback.print_exc()
                    break
        results[page] = {"ok": ok, "stdout": out.getvalue(), "stderr": err.getvalue()}
    return results


def typecheck(directory: Path) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` on every page's blocks, as modules written to ``directory``."""
    files = []
    for page, blocks in all_blocks().items():
        for name, source in modules_of(page, blocks).items():
            target = directory / f"{name}.py"
            target.write_text(source, encoding="utf-8")
            files.append(str(target))
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            # as a user's project runs it: no project config, no pydantic plugin (without it
            # model constructors take only their declared types), the oldest Python we support
            "--strict",
            "--config-file",
            os.devnull,
            "--python-version",
            "3.10",
            "--cache-dir",
            str(ROOT / ".mypy_cache" / "docs-blocks"),
            "--no-error-summary",
            *files,
        ],
        capture_output=True,
        text=True,
        env=clean_env(),
        cwd=directory,
        timeout=300,
        check=False,
    )


def main(argv: list[str]) -> int:
    check, directory = argv[0], Path(argv[1])
    if check == "run":
        results = run_pages(directory)
        (directory / "runs.json").write_text(json.dumps(results), encoding="utf-8")
        return 0
    done = typecheck(directory)
    sys.stdout.write(done.stdout)
    sys.stderr.write(done.stderr)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
