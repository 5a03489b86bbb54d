"""Every group and command explains itself; ``--version``; usage errors exit 2; the package
imports without the command line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

import supplychain_sdk
from supplychain_sdk import __version__
from supplychain_sdk.cli import cli

from .conftest import Run


def commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += commands(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


ALL_COMMANDS = commands(cli)


def test_the_tree_is_what_the_docs_describe() -> None:
    assert sorted(ALL_COMMANDS) == sorted(
        [
            (),
            ("sandbox",),
            ("sandbox", "serve"),
            ("webhooks",),
            ("webhooks", "verify"),
            *[
                path
                for p in ("procuros", "cartoncloud", "onescp", "pharus", "one_platform")
                for path in ((p,), (p, "ping"), (p, "list"))
            ],
        ]
    )


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=lambda p: " ".join(p) or "supplychain")
def test_help_everywhere(run: Run, path: tuple[str, ...]) -> None:
    result = run(*path, "--help")

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Usage: {' '.join(('supplychain', *path))} ")
    description = result.stdout.split("\n\n")[1].strip()
    assert len(description) > 20, description


def test_platform_help_names_the_environment_variables(run: Run) -> None:
    result = run("onescp", "list", "--help")

    for name in ("ONESCP_API_KEY", "ONESCP_EMAIL", "ONESCP_PASSWORD", "ONESCP_BASE_URL"):
        assert name in result.stdout


def test_version(run: Run) -> None:
    assert run("--version").stdout == f"supplychain {__version__}\n"
    assert run("-V").stdout == f"supplychain {__version__}\n"


def test_usage_errors_exit_2(run: Run) -> None:
    unknown = run("sap")
    missing = run("webhooks", "verify")

    assert unknown.exit_code == missing.exit_code == 2
    assert unknown.stderr.endswith("Error: No such command 'sap'.\n")
    assert (
        missing.stderr.endswith(
            "Error: Missing option '--platform'. Choose from:\n\tonescp,\n\tcartoncloud\n"
        )
        or "Missing option '--platform'" in missing.stderr
    )


def test_one_platform_is_also_spelled_with_a_dash(run: Run) -> None:
    result = run("one-platform", "--help")

    assert result.exit_code == 0
    assert "Read from ONe with the credentials of the environment." in result.stdout


def test_importing_the_package_does_not_load_the_command_line() -> None:
    code = (
        "import sys, supplychain_sdk; "
        "print(sorted(m for m in sys.modules "
        "if m == 'click' or m.startswith('supplychain_sdk.cli')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert out.stdout == "[]\n"


def test_only_the_entry_points_import_the_command_line() -> None:
    package = Path(supplychain_sdk.__file__).parent
    importers = sorted(
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path.parent.name != "cli"
        and re.search(r"^\s*(from|import)\s+(supplychain_sdk|\.+)\.?cli\b", path.read_text(), re.M)
    )

    assert importers == ["__main__.py"]
