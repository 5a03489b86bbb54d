"""Served sandboxes and a runner for the ``supplychain`` command."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner, Result

from supplychain_sdk.cli import cli
from supplychain_sdk.cli.platforms import PLATFORMS

#: Every variable a platform client reads: cleared for each run, so the machine's own
#: environment never leaks into a test.
ALL_VARS = sorted(
    {name for spec in PLATFORMS.values() for name, _ in spec.env_vars}
    | {"ONESCP_EMAIL", "ONESCP_PASSWORD"}
)


def exports(lines: list[str]) -> dict[str, str]:
    """The ``export NAME=value`` lines ``sandbox serve`` prints, as a mapping."""
    found = {}
    for line in lines:
        if line.startswith("export "):
            name, _, value = line.removeprefix("export ").partition("=")
            found[name] = value
    return found


class Run:
    """Invokes the command with a clean environment plus the variables given."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, env: dict[str, str] | None = None, **kw: Any) -> Result:
        clean: dict[str, str | None] = dict.fromkeys(ALL_VARS)
        clean.update(env or {})
        return self.runner.invoke(cli, list(args), env=clean, prog_name="supplychain", **kw)


@pytest.fixture
def run() -> Run:
    return Run()


class Served:
    """A platform's sandbox served on loopback, with the environment ``serve`` prints."""

    def __init__(self, name: str) -> None:
        self.spec = PLATFORMS[name]
        self.fake: Any = self.spec.sandbox(True)

    def __enter__(self) -> Served:
        self._serving = self.fake.serve()
        self.url = self._serving.__enter__()
        self.env = exports(self.spec.credentials(self.fake, self.url))
        return self

    def __exit__(self, *exc: object) -> None:
        self._serving.__exit__(None, None, None)


@pytest.fixture(scope="module")
def served(request: pytest.FixtureRequest) -> Iterator[Served]:
    """One served sandbox per platform per test module (tests read its requests from a mark
    they take with ``len(served.fake.requests)``)."""
    with Served(request.param) as served:
        yield served
