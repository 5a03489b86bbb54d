"""What ONESCP's one-pass webhook parsing decides, beside what the general path decides for
the same delivery: the example tests and the hypothesis property compare the two."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from supplychain_sdk import WebhookVerificationError
from supplychain_sdk.onescp import webhooks


def outcome(body: bytes, headers: Mapping[str, str] | None) -> tuple[Any, ...]:
    """What `parse_event` makes of a delivery: the event's class, fields, ``unsigned``,
    the fields set and the extras, or the error's message."""
    try:
        event = webhooks.parse_event(body, headers)
    except WebhookVerificationError as exc:
        return ("error", str(exc))
    return (
        type(event).__name__,
        repr(event.model_dump(mode="json", by_alias=True)),
        event.unsigned,
        sorted(event.model_fields_set),
        event.model_extra,
    )


def both_paths(
    body: bytes, headers: Mapping[str, str] | None
) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """`outcome` with the one pass, and with the one pass turned off (the general path)."""
    one_pass = outcome(body, headers)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(webhooks, "_parse_signed_event", lambda *given: None)
        general = outcome(body, headers)
    return one_pass, general
