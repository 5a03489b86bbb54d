"""``supplychain webhooks verify``: check one delivery the way a receiver would."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, BinaryIO, cast

import click

from .._core.errors import InvalidRequestError, WebhookVerificationError
from .errors import CliError

if TYPE_CHECKING:
    from ..cartoncloud.webhooks import EventKind

__all__ = ["webhooks"]

_KINDS = ("inbound_order", "outbound_order", "consignment")


def _headers(values: tuple[str, ...]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for value in values:
        name, sep, content = value.partition(":")
        if not sep or not name.strip() or name != name.strip():
            raise click.BadParameter(
                f"{value.split(':')[0]!r}... is not 'Name: value'", param_hint="--header"
            )
        headers[name] = content.strip()
    return headers


def _secret(variable: str) -> str:
    value = os.environ.get(variable)
    if not value:
        raise click.BadParameter(
            f"the environment variable {variable} is not set (or is empty)",
            param_hint="--secret-env",
        )
    return value


def _onescp(body: bytes, headers: dict[str, str], secret: str) -> str:
    from ..onescp import webhooks as onescp

    event = onescp.verify(body, headers, secret)
    data = getattr(event, "data", None)
    record = data.get("_id") if isinstance(data, dict) else getattr(data, "id", None)
    parts = [f"valid ONESCP webhook: event {event.event}"]
    if record:
        parts.append(f"record {record}")
    parts.append(f"delivery {event.delivery_id or '(none)'}")
    if event.unsigned:
        parts.append(f"unsigned: {', '.join(sorted(event.unsigned))} from headers")
    return ", ".join(parts)


def _cartoncloud(
    body: bytes, headers: dict[str, str], secret: str, header: str | None, kind: str | None
) -> str:
    from ..cartoncloud import webhooks as cartoncloud

    if header is None:
        raise click.UsageError(
            "CartonCloud webhooks are not signed: name the custom header that carries the "
            "secret with --secret-header (e.g. --secret-header X-Webhook-Token)"
        )
    event = cartoncloud.parse(
        body, headers, expected_headers={header: secret}, kind=cast("EventKind | None", kind)
    )
    status = event.status.value if event.status is not None else "(none)"
    return (
        f"valid CartonCloud webhook: {event.kind.replace('_', ' ')} {event.entity.id}, "
        f"status {status}"
    )


@click.group()
def webhooks() -> None:
    """Check webhook deliveries."""


@webhooks.command()
@click.option(
    "--platform",
    type=click.Choice(["onescp", "cartoncloud"], case_sensitive=False),
    required=True,
    help="Whose delivery it is (Procuros, Pharus and ONe send no webhooks).",
)
@click.option(
    "--secret-env",
    metavar="VAR",
    required=True,
    help="The environment variable holding the secret (the subscription's secret for "
    "ONESCP; the expected value of the custom header for CartonCloud). Never printed.",
)
@click.option(
    "--header",
    "header_values",
    multiple=True,
    metavar="'NAME: VALUE'",
    help="A request header as received; repeat for each (e.g. "
    "--header 'X-Webhook-Signature: sha256=...').",
)
@click.option(
    "--secret-header",
    metavar="NAME",
    help="CartonCloud: the custom header that carries the secret.",
)
@click.option(
    "--kind",
    type=click.Choice(_KINDS),
    help="CartonCloud: what the receiving URL is configured for (default: from the body).",
)
@click.option(
    "--body",
    type=click.File("rb"),
    default="-",
    show_default=True,
    help="The raw request body, exactly as received (default: standard input).",
)
def verify(
    platform: str,
    secret_env: str,
    header_values: tuple[str, ...],
    secret_header: str | None,
    kind: str | None,
    body: BinaryIO,
) -> None:
    """Verify one delivery: the raw body on standard input, the headers as options.

    Exits 0 with a one-line summary (event, record, delivery) when the delivery is genuine;
    exits 1 saying why when it is not (bad signature, missing header, not a valid event).
    The secret is read from the environment and never printed.
    """
    headers = _headers(header_values)
    secret = _secret(secret_env)
    raw = body.read()
    try:
        if platform.lower() == "onescp":
            summary = _onescp(raw, headers, secret)
        else:
            summary = _cartoncloud(raw, headers, secret, secret_header, kind)
    except WebhookVerificationError as exc:
        raise CliError(f"invalid webhook: {exc}") from None
    except InvalidRequestError as exc:
        problems = "; ".join(f"{k}: {', '.join(v)}" for k, v in exc.field_errors.items())
        raise CliError(f"invalid webhook: {exc}" + (f" [{problems}]" if problems else "")) from None
    click.echo(summary)
