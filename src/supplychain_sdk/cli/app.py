"""The ``supplychain`` command: its root group, and how failures are reported.

A failure is one line on stderr and a non-zero exit status: 2 for a usage mistake, 1 for
anything else (refused credentials, an unreachable server, a forged webhook). Tracebacks
appear only with ``--debug``.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence

import attrs
import click

from .._core.errors import SupplyChainError
from .._version import __version__
from .calls import platform_groups
from .errors import CliError
from .platforms import platform_named
from .serving import sandbox
from .webhook_verify import webhooks

__all__ = ["cli", "main"]

PROG = "supplychain"


@attrs.define
class _State:
    """What the root options set for the whole run."""

    debug: bool = False


class _Root(click.Group):
    """Takes ``one-platform`` for ``one_platform``."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        found = super().get_command(ctx, cmd_name)
        if found is None and "-" in cmd_name:
            try:
                name = platform_named(cmd_name).name
            except KeyError:
                return None
            return super().get_command(ctx, name)
        return found


@click.group(cls=_Root, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, "--version", "-V", prog_name=PROG, message="%(prog)s %(version)s"
)
@click.option("--debug", is_flag=True, help="Show the traceback of a failure.")
@click.pass_obj
def cli(state: _State, debug: bool) -> None:
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
    state.debug = debug


cli.add_command(sandbox)
cli.add_command(webhooks)
for _group in platform_groups():
    cli.add_command(_group)


def _fail(message: str, code: int = 1) -> int:
    click.echo(f"Error: {' '.join(message.split())}", err=True)
    return code


def run(args: Sequence[str] | None = None) -> int:
    """Run the command with ``args`` (default: ``sys.argv[1:]``); returns the exit status."""
    state = _State()
    try:
        result = cli.main(
            args=list(args) if args is not None else None,
            prog_name=PROG,
            standalone_mode=False,
            obj=state,
        )
    except click.exceptions.Abort:
        click.echo("Interrupted.", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except (CliError, SupplyChainError) as exc:
        if state.debug:
            traceback.print_exc()
        return _fail(str(exc))
    except Exception as exc:
        if state.debug:
            traceback.print_exc()
            return 1
        return _fail(f"{type(exc).__name__}: {exc} (run with --debug for the traceback)")
    return result if isinstance(result, int) else 0


def main() -> None:
    """The ``supplychain`` entry point (and ``python -m supplychain_sdk``)."""
    sys.exit(run())
