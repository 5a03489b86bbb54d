"""``supplychain webhooks verify``: genuine deliveries pass with a one-line summary, others
fail with the reason; the secret never appears."""

from __future__ import annotations

import json

import pytest

from supplychain_sdk.onescp import webhooks as onescp_webhooks

from .conftest import Run

SECRET = "whsec-cli-test-5b1f"

ORDER_EVENT = json.dumps(
    {
        "event": "order.updated",
        "timestamp": "2026-01-05T08:00:00Z",
        "deliveryId": "dlv-42",
        "data": {
            "_id": "a00000000000000000000001",
            "purchaseOrderNumber": "PO-1",
            "status": "approved",
        },
    }
).encode()


def verify(run: Run, *options: str, body: bytes, secret: str | None = SECRET):
    env = {"HOOK_SECRET": secret} if secret is not None else {}
    return run("webhooks", "verify", "--secret-env", "HOOK_SECRET", *options, input=body, env=env)


def test_onescp_genuine_delivery(run: Run) -> None:
    signature = onescp_webhooks.sign(ORDER_EVENT, SECRET)

    result = verify(
        run,
        "--platform",
        "onescp",
        "--header",
        f"X-Webhook-Signature: {signature}",
        body=ORDER_EVENT,
    )

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "valid ONESCP webhook: event order.updated, record a00000000000000000000001, "
        "delivery dlv-42\n"
    )
    assert result.stderr == ""


def test_onescp_says_which_fields_came_from_unsigned_headers(run: Run) -> None:
    body = json.dumps({"event": "item.deleted", "data": {"_id": "c00000000000000000000001"}})
    signature = onescp_webhooks.sign(body, SECRET)

    result = verify(
        run,
        "--platform",
        "ONESCP",
        "--header",
        f"x-webhook-signature:{signature}",
        "--header",
        "X-Webhook-Delivery-Id: hdr-7",
        body=body.encode(),
    )

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "valid ONESCP webhook: event item.deleted, record c00000000000000000000001, "
        "delivery hdr-7, unsigned: delivery_id from headers\n"
    )


@pytest.mark.parametrize(
    ("headers", "body", "reason"),
    [
        ((), ORDER_EVENT, "invalid webhook: the webhook signature header is missing or empty"),
        (
            ("X-Webhook-Signature: sha256=" + "0" * 64,),
            ORDER_EVENT,
            "invalid webhook: the webhook signature does not match the payload",
        ),
        (
            ("X-Webhook-Signature: " + onescp_webhooks.sign(ORDER_EVENT, "other-secret"),),
            ORDER_EVENT,
            "invalid webhook: the webhook signature does not match the payload",
        ),
        (
            ("X-Webhook-Signature: " + onescp_webhooks.sign(b"[1, 2]", SECRET),),
            b"[1, 2]",
            "invalid webhook: the webhook body is not a JSON object",
        ),
    ],
)
def test_onescp_forged_or_broken_deliveries_fail_with_the_reason(
    run: Run, headers: tuple[str, ...], body: bytes, reason: str
) -> None:
    options = [item for header in headers for item in ("--header", header)]

    result = verify(run, "--platform", "onescp", *options, body=body)

    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {reason}")
    assert result.stderr.count("\n") == 1
    assert SECRET not in result.output


OUTBOUND = {
    "id": "7d7a4f5e-2b1c-4d3e-9f8a-1b2c3d4e5f60",
    "type": "OUTBOUND",
    "status": "DISPATCHED",
    "version": 3,
    "references": {"customer": "SO-1001"},
    "customer": {"id": "c1b2a3d4-0000-4000-8000-000000000001", "name": "Sandbox Customer"},
}


def test_cartoncloud_checks_the_shared_header(run: Run) -> None:
    body = json.dumps(OUTBOUND).encode()
    common = ("--platform", "cartoncloud", "--secret-header", "X-Webhook-Token")

    good = verify(run, *common, "--header", f"X-Webhook-Token: {SECRET}", body=body)
    wrong = verify(run, *common, "--header", "X-Webhook-Token: guessed", body=body)
    missing = verify(run, *common, body=body)

    assert good.exit_code == 0, good.output
    assert good.stdout == (
        "valid CartonCloud webhook: outbound order 7d7a4f5e-2b1c-4d3e-9f8a-1b2c3d4e5f60, "
        "status DISPATCHED\n"
    )
    assert (wrong.exit_code, missing.exit_code) == (1, 1)
    assert wrong.stderr.startswith("Error: invalid webhook: ")
    assert "X-Webhook-Token" in wrong.stderr
    assert "X-Webhook-Token" in missing.stderr
    for result in (good, wrong, missing):
        assert SECRET not in result.output


def test_cartoncloud_body_of_the_wrong_kind_fails(run: Run) -> None:
    result = verify(
        run,
        "--platform",
        "cartoncloud",
        "--secret-header",
        "X-Webhook-Token",
        "--kind",
        "consignment",
        "--header",
        f"X-Webhook-Token: {SECRET}",
        body=json.dumps(OUTBOUND).encode(),
    )

    assert result.exit_code == 1
    assert result.stderr == (
        "Error: invalid webhook: the webhook is of type 'OUTBOUND', not a consignment\n"
    )


def test_cartoncloud_needs_the_header_name(run: Run) -> None:
    result = verify(run, "--platform", "cartoncloud", body=json.dumps(OUTBOUND).encode())

    assert result.exit_code == 2
    assert "--secret-header" in result.stderr


@pytest.mark.parametrize(
    ("options", "secret", "message"),
    [
        (("--platform", "onescp"), None, "the environment variable HOOK_SECRET is not set"),
        (("--platform", "onescp"), "", "the environment variable HOOK_SECRET is not set"),
        (("--platform", "onescp", "--header", "no colon"), SECRET, "is not 'Name: value'"),
        (("--platform", "procuros"), SECRET, "Invalid value for '--platform'"),
    ],
)
def test_usage_mistakes_exit_2(
    run: Run, options: tuple[str, ...], secret: str | None, message: str
) -> None:
    result = verify(run, *options, body=ORDER_EVENT, secret=secret)

    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_cartoncloud_entity_missing_fields_names_them(run: Run) -> None:
    body = {k: v for k, v in OUTBOUND.items() if k not in {"version", "customer"}}

    result = verify(
        run,
        "--platform",
        "cartoncloud",
        "--secret-header",
        "X-Webhook-Token",
        "--header",
        f"X-Webhook-Token: {SECRET}",
        body=json.dumps(body).encode(),
    )

    assert result.exit_code == 1
    assert result.stderr == (
        "Error: invalid webhook: the webhook body is not a valid outbound order "
        "[/version: Field required; /customer: Field required]\n"
    )
