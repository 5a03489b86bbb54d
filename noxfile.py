"""Developer sessions: `nox` runs tests on every Python found, lint, typecheck, docs."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess

import nox

nox.options.default_venv_backend = "venv"
nox.options.error_on_missing_interpreters = False
nox.options.download_python = "never"  # use the interpreters on this machine only
nox.options.sessions = [
    "tests",
    "tests_aiohttp",
    "tests_urllib3",
    "lint",
    "typecheck",
    "docs",
    "generated",
]


def _available(version: str) -> bool:
    """Whether a working ``pythonX.Y`` exists, putting pyenv's unactivated ones on PATH."""
    root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    for found in sorted(glob.glob(f"{root}/versions/{version}.*/bin")):
        os.environ["PATH"] = found + os.pathsep + os.environ["PATH"]
    python = shutil.which(f"python{version}")
    return (
        python is not None and subprocess.run([python, "-V"], capture_output=True).returncode == 0
    )


#: Every Python 3.10-3.13 found on this machine.
PYTHONS = [v for v in ("3.10", "3.11", "3.12", "3.13") if _available(v)]

#: Generators, in the order they must run (later ones read what earlier ones write).
GENERATORS = [
    "scripts/generate_procuros_models.py",
    "scripts/extract_procuros_examples.py",
    "scripts/unasync.py",
    "scripts/gen_reference.py",
]


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The full test suite."""
    session.install("-e", ".[test]")
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session
def tests_aiohttp(session: nox.Session) -> None:
    """The async half of the suite with every async client on the aiohttp transport."""
    session.install("-e", ".[test]")
    session.run("python", "-m", "pytest", "-p", "tests.aiohttp_transport", *session.posargs)


@nox.session
def tests_urllib3(session: nox.Session) -> None:
    """The sync half of the suite with every sync client on the urllib3 transport."""
    session.install("-e", ".[test]")
    session.run("python", "-m", "pytest", "-p", "tests.urllib3_transport", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check."""
    session.install("-e", ".[dev]")
    session.run("ruff", "check", "src", "tests", "examples", "scripts", "benchmarks", "noxfile.py")
    session.run(
        "ruff",
        "format",
        "--check",
        "src",
        "tests",
        "examples",
        "scripts",
        "benchmarks",
        "noxfile.py",
    )


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on src, the public API's typing checks and the benchmarks."""
    session.install("-e", ".[dev]")
    session.run("mypy", "--strict", "src")
    session.run("mypy", "--strict", "tests/typing")
    session.run("mypy", "--strict", "benchmarks")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation site (warnings are errors)."""
    session.install("-e", ".[docs]")
    session.run("mkdocs", "build", "--strict", "--site-dir", session.create_tmp() + "/site")


@nox.session
def soak(session: nox.Session) -> None:
    """The full fault soak: 10,000 mixed operations through a fault-injecting proxy.

    Its figures are the ones in docs/reliability.md; ``nox -s soak -- --ops 50000 --seed 3``
    changes the size or the seed. The test suite runs a seeded 1,000.
    """
    session.install("-e", ".[test]")
    session.run(
        "python", "-W", "error", "-m", "tests.reliability.soak", "--ops", "10000", *session.posargs
    )


@nox.session
def audit(session: nox.Session) -> None:
    """bandit on src (no high; each medium justified inline) and a real dependency audit.

    ``pip-audit --strict`` fails when a dependency could not be looked up, so it needs an
    advisory source (PyPI's JSON API per version, or OSV): run it where one is reachable
    (see SECURITY.md); CI's machines reach neither.
    """
    session.install("-e", ".[dev]")
    session.run("bandit", "-r", "src", "-ll", "-q")
    session.run("pip-audit", "--strict", "--skip-editable", "--progress-spinner", "off")


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks: the SDK beside hand-written code and a generated client, medians and ratios.

    A loopback server in its own process; rounds interleaved. ``nox -s bench -- --smoke`` is
    the quick check the test suite runs; ``-- --help`` lists the counts. Figures, machine and
    versions: benchmarks/README.md.
    """
    session.install("-e", ".[bench,test]")
    session.run("python", "-m", "benchmarks", *session.posargs)


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate models, the sync twins of async code, and the reference pages."""
    session.install("-e", ".[dev]")
    for script in GENERATORS:
        session.run("python", script)


@nox.session
def generated(session: nox.Session) -> None:
    """Fail when committed generated code is stale."""
    session.install("-e", ".[dev]")
    for script in GENERATORS:
        session.run("python", script, "--check")
