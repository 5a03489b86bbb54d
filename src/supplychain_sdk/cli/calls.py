"""``supplychain <platform> ping`` and ``supplychain <platform> list``: calls with the
credentials of the environment."""

from __future__ import annotations

from typing import Any

import click
from click.core import ParameterSource

from .output import FORMATS, render
from .platforms import PLATFORMS, Platform

__all__ = ["platform_groups"]


def _env_help(spec: Platform) -> str:
    rows = "\n".join(f"  {name}: {what}" for name, what in spec.env_vars)
    return f"\b\nCredentials and server come from the environment:\n{rows}"


def _answered(client: Any) -> str:
    raw = client.last_response
    if raw is None:
        return "no answer recorded"
    took = f" in {raw.elapsed * 1000:.0f} ms" if raw.elapsed is not None else ""
    return f"{raw.method} {raw.url} answered {raw.status_code}{took}"


def _group(spec: Platform) -> click.Group:
    @click.group(
        name=spec.name,
        short_help=f"Check {spec.title} credentials; list {spec.resource}.",
        help=f"Read from {spec.title} with the credentials of the environment.\n\n"
        + _env_help(spec),
    )
    def group() -> None:
        pass

    @group.command(
        help=f"Check that the credentials work: one cheap authenticated read "
        f"({spec.ping_does}).\n\nPrints one line and exits 0 when they do; a clear error "
        f"and exit status 1 when they do not.\n\n" + _env_help(spec),
    )
    def ping() -> None:
        with spec.client_from_env() as client:
            learnt = spec.ping(client)
            click.echo(
                f"{spec.title}: credentials accepted ({_answered(client)})"
                + (f"; {learnt}" if learnt else "")
            )

    @group.command(
        name="list",
        help=f"List {spec.resource} (read-only).\n\n"
        "JSON is the API's own field names and nesting; CSV and table flatten nested fields "
        "into dotted column names (supplier.name, lines.0.productCode).\n\n" + _env_help(spec),
    )
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="Output format.",
    )
    @click.option(
        "--limit",
        type=click.IntRange(min=1),
        default=20,
        show_default=True,
        help=f"The most {spec.resource} to list.",
    )
    @click.option("--all", "list_all", is_flag=True, help="List every one (no --limit).")
    @click.option(
        "--columns",
        help="Comma-separated dotted columns for table and CSV "
        f"(table default: {','.join(spec.columns)}; CSV default: every column).",
    )
    @click.pass_context
    def list_command(
        ctx: click.Context, fmt: str, limit: int, list_all: bool, columns: str | None
    ) -> None:
        explicit_limit = ctx.get_parameter_source("limit") is not ParameterSource.DEFAULT
        if list_all and explicit_limit:
            raise click.UsageError("--all and --limit exclude each other: give one")
        chosen = [c.strip() for c in columns.split(",") if c.strip()] if columns else None
        if chosen is not None and fmt == "json":
            raise click.UsageError("--columns applies to table and csv output, not json")
        if columns is not None and not chosen:
            raise click.BadParameter("name at least one column", param_hint="--columns")
        with spec.client_from_env() as client:
            records = list(spec.listing(client, None if list_all else limit))
        text = render(
            records, fmt, columns=chosen, default_columns=spec.columns, empty=f"No {spec.resource}."
        )
        if text:
            click.echo(text)

    return group


def platform_groups() -> list[click.Group]:
    """One command group per platform, in the order of `PLATFORMS`."""
    return [_group(spec) for spec in PLATFORMS.values()]
