"""The ``supplychain`` command: its root group, and how failures are reported.

A failure is one line on stderr and a non-zero exit status: 2 for a usage mistake, 1 for
anything else (refused credentials, an unreachable server, a forged webhook). Tracebacks
appear only with ``--debug``.
"""

from __future__ import annotations

from typing import Any

import click

from .._core.errors import SupplyChainError
from .._version import __version__
from .calls import platform_groups
from .errors import CliError
from .platforms import platform_named
from .serving import sandbox
from .webhook_verify import webhooks

__all__ = ["PROG", "cli", "main"]

PROG = "supplychain"


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _Root(click.Group):
    """The root group: takes ``one-platform`` for ``one_platform``, and turns every failure
    into one line on stderr (exit status 1) unless ``--debug`` asks for the traceback."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        found = super().get_command(ctx, cmd_name)
        if found is None and "-" in cmd_name:
            try:
                name = platform_named(cmd_name).name
            except KeyError:
                return None
            return super().get_command(ctx, name)
        return found

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except (CliError, SupplyChainError) as exc:
            if ctx.params.get("debug"):
                raise
            raise click.ClickException(_one_line(str(exc))) from None
        except Exception as exc:
            if ctx.params.get("debug"):
                raise
            raise click.ClickException(
                _one_line(f"{type(exc).__name__}: {exc} (run with --debug for the traceback)")
            ) from None


@click.group(cls=_Root, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, "--version", "-V", prog_name=PROG, message="%(prog)s %(version)s"
)
@click.option("--debug", is_flag=True, help="Show the traceback of a failure.")
def cli(debug: bool) -> None:
    """Work with supply-chain platforms from the shell: serve their sandboxes, check
    credentials, list records, verify webhooks.

    \b
    Examples:
      supplychain sandbox serve onescp --port 8080
      supplychain onescp ping
      supplychain procuros list --format json --limit 5
      supplychain webhooks verify --platform onescp --secret-env SECRET \\
          --header 'X-Webhook-Signature: sha256=...' < body.json
    """


cli.add_command(sandbox)
cli.add_command(webhooks)
for _group in platform_groups():
    cli.add_command(_group)


def main() -> None:
    """The ``supplychain`` entry point (and ``python -m supplychain_sdk``)."""
    cli.main(prog_name=PROG)
