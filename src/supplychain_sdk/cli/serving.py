"""``supplychain sandbox serve``: a platform's sandbox on a loopback port, for integrations
written in any language."""

from __future__ import annotations

import contextlib
import importlib.util
import signal
import socket
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING
from urllib.parse import urlencode

import click

from .errors import CliError
from .platforms import PLATFORMS, platform_named
from .seeding import SeedError, load_seed

if TYPE_CHECKING:
    from ..sandbox import Sandbox, SandboxRequest, SandboxResponse

__all__ = ["READY", "sandbox"]

_HOST = "127.0.0.1"
#: The last line ``serve`` prints: a script may wait for it, then read what came before.
READY = "# serving until Ctrl-C"


class _Stop(Exception):
    """Raised in the main thread by SIGTERM, to stop like Ctrl-C does."""


def _port_free(port: int) -> bool:
    if port == 0:
        return True
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((_HOST, port))
        except OSError:
            return False
    return True


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise _Stop


def _log_requests(fake: Sandbox) -> None:
    """Make ``fake`` print one line per answered request on stderr: no headers or body, and
    secret-looking query values (a presigned URL's signature) redacted."""
    from .._core._logging import redact_url

    answer = fake.dispatch

    def logged(request: SandboxRequest) -> SandboxResponse:
        response = answer(request)
        query = f"?{urlencode(request.query)}" if request.query else ""
        target = redact_url(f"http://sandbox{request.path}{query}").removeprefix("http://sandbox")
        click.echo(f"{request.method} {target} -> {response.status}", err=True)
        return response

    fake.dispatch = logged  # type: ignore[method-assign]


@click.group()
def sandbox() -> None:
    """Run a platform's offline sandbox (a stateful fake of its API)."""


@sandbox.command()
@click.argument(
    "platform", type=click.Choice(sorted(PLATFORMS), case_sensitive=False), metavar="PLATFORM"
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    show_default=True,
    help="The loopback port to listen on (0: any free port).",
)
@click.option(
    "--seed",
    "seed_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A JSON file of records to load before serving (see docs/cli.md for each "
    'platform\'s keys, e.g. {"vendors": [{"name": "Acme"}]} for pharus).',
)
@click.option(
    "--no-examples",
    is_flag=True,
    help="Start without the sandbox's built-in example records.",
)
@click.option(
    "--log-requests",
    is_flag=True,
    help="Print each request the sandbox answers (method, path, query, status) on stderr.",
)
def serve(
    platform: str, port: int, seed_file: Path | None, no_examples: bool, log_requests: bool
) -> None:
    """Serve PLATFORM's sandbox on 127.0.0.1 until Ctrl-C.

    Prints, as shell lines you can paste (or `source`), the base URL and the sandbox's
    fake credentials, ending with the line "# serving until Ctrl-C". The credentials are
    well-known test values, not secrets. Every request is answered by the sandbox in this
    process; its state is lost when it stops.

    PLATFORM is one of procuros, cartoncloud, onescp, pharus, one_platform.
    """
    spec = platform_named(platform)
    if importlib.util.find_spec("uvicorn") is None:
        raise CliError("serving a sandbox needs uvicorn: pip install 'supplychain-sdk[server]'")
    fake = spec.sandbox(not no_examples)
    loaded: dict[str, int] = {}
    if seed_file is not None:
        try:
            loaded = load_seed(spec.name, fake, seed_file)
        except SeedError as exc:
            raise CliError(str(exc)) from None
    if log_requests:
        _log_requests(fake)
    if not _port_free(port):
        raise CliError(f"port {port} on {_HOST} is in use: pick another with --port (or 0)")
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        with fake.serve(host=_HOST, port=port) as url:
            lines = [f"# {spec.title} sandbox at {url}"]
            if loaded:
                counts = ", ".join(f"{n} {kind}" for kind, n in loaded.items())
                lines.append(f"# seeded from {seed_file}: {counts}")
            lines.append("# fake credentials of the sandbox (well-known test values, not secrets):")
            lines.extend(spec.credentials(fake, url))
            lines.append(READY)
            click.echo("\n".join(lines))
            sys.stdout.flush()
            with contextlib.suppress(KeyboardInterrupt, _Stop):
                threading.Event().wait()
    except (KeyboardInterrupt, _Stop):  # a second Ctrl-C while stopping
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
    click.echo(f"{spec.title} sandbox stopped.", err=True)
