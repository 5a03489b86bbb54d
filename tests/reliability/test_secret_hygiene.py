"""Canary secrets of every auth kind never reach logs, reprs, errors, tracebacks or pickles.

Each platform client runs, sync and async, against its sandbox served on a loopback port
(real sockets, so httpx and httpcore log as in production) with DEBUG logging on the SDK's,
httpx's and httpcore's loggers: successful calls, a refused credential, a server error,
an unreachable server. Every secret (the canaries we chose and the tokens and webhook
secrets the sandboxes issued) is then searched for, also base64- and percent-encoded, in
every log line, in the reprs of clients, configs and auth flows, and in every exception's
message, repr, formatted traceback (with its chain) and pickle. Webhook verifiers are
checked the same way with canary secrets.
"""

from __future__ import annotations

import base64
import logging
import pickle
import traceback
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from supplychain_sdk import (
    APIError,
    AsyncCartonCloud,
    AsyncOnePlatform,
    AsyncOneScp,
    AsyncPharus,
    AsyncProcuros,
    AuthenticationError,
    CartonCloud,
    NotFoundError,
    OnePlatform,
    OneScp,
    Pharus,
    Procuros,
    WebhookVerificationError,
)
from supplychain_sdk.cartoncloud import webhooks as cartoncloud_webhooks
from supplychain_sdk.onescp import webhooks as onescp_webhooks
from supplychain_sdk.sandbox.cartoncloud import CartonCloudSandbox
from supplychain_sdk.sandbox.one_platform import OnePlatformSandbox
from supplychain_sdk.sandbox.onescp import OneScpSandbox
from supplychain_sdk.sandbox.pharus import PharusSandbox
from supplychain_sdk.sandbox.procuros import ProcurosSandbox
from supplychain_sdk.webhooks import verify_signature
from tests.conftest import Mode

BEARER = "canary-procuros-bearer-5f1e9a0c"
BEARER_WRONG = "canary-procuros-wrong-bearer-77aa"
CLIENT_ID = "canary-client-id"
CLIENT_SECRET = "canary-oauth-client-secret-8b2c4e"
CLIENT_SECRET_WRONG = "canary-oauth-wrong-secret-11f0"
EMAIL = "canary@example.com"
PASSWORD = "canary-onescp-password-3d7f19"
PASSWORD_WRONG = "canary-onescp-wrong-password-5e5e"
API_KEY = "canary-onescp-api-key-6a0b2d"
API_KEY_WRONG = "canary-onescp-wrong-api-key-0c0c"
WEBHOOK_SECRET = "canary-webhook-secret-9c4d71"
SHARED_HEADER = "canary-cartoncloud-webhook-token-1e2f"
PHARUS_TOKEN = "canary-pharus-id-token-4c8e21"
PHARUS_INVITE = "canary-pharus-invitation-token-7d3a"
ONE_TOKEN = "canary-one-platform-bearer-2b9f55"
CANARIES = (
    PHARUS_TOKEN,
    PHARUS_INVITE,
    ONE_TOKEN,
    BEARER,
    BEARER_WRONG,
    CLIENT_SECRET,
    CLIENT_SECRET_WRONG,
    PASSWORD,
    PASSWORD_WRONG,
    API_KEY,
    API_KEY_WRONG,
    WEBHOOK_SECRET,
    SHARED_HEADER,
)
UNREACHABLE = "http://127.0.0.1:9"  # discard port: nothing listens
LOGGERS = ("supplychain_sdk", "httpx", "httpcore")


def encodings(secret: str) -> set[str]:
    """A secret as it could leak: plain, percent-encoded, base64 (alone and in Basic auth)."""
    forms = {secret, quote(secret, safe="")}
    for raw in (secret, f"{CLIENT_ID}:{secret}"):
        forms.add(base64.b64encode(raw.encode()).decode().rstrip("="))
    return forms


def leaks(text: str | bytes, secrets: set[str]) -> list[str]:
    data = text if isinstance(text, bytes) else text.encode("utf-8", "replace")
    return sorted(s for s in secrets for form in encodings(s) if form.encode() in data)


def test_the_leak_search_finds_plain_and_encoded_forms() -> None:
    basic = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    assert leaks(f"Authorization: Basic {basic}", {CLIENT_SECRET}) == [CLIENT_SECRET]
    assert leaks(f"password={quote(PASSWORD + '/')}", {PASSWORD}) == [PASSWORD]
    assert leaks(pickle.dumps(ValueError(BEARER)), {BEARER}) == [BEARER]
    assert leaks("nothing here", set(CANARIES)) == []


class Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def debug_logs() -> Iterator[Capture]:
    capture = Capture()
    saved = []
    for name in LOGGERS:
        log = logging.getLogger(name)
        saved.append((log, log.level))
        log.setLevel(logging.DEBUG)
        log.addHandler(capture)
    try:
        yield capture
    finally:
        for log, level in saved:
            log.removeHandler(capture)
            log.setLevel(level)


@pytest.fixture(scope="module")
def procuros_url() -> Iterator[tuple[ProcurosSandbox, str]]:
    sandbox = ProcurosSandbox(tokens=(BEARER,))
    with sandbox.serve() as url:
        yield sandbox, url


@pytest.fixture(scope="module")
def cartoncloud_url() -> Iterator[tuple[CartonCloudSandbox, str]]:
    sandbox = CartonCloudSandbox()
    sandbox.add_api_client(CLIENT_ID, CLIENT_SECRET)
    with sandbox.serve() as url:
        yield sandbox, url


@pytest.fixture(scope="module")
def onescp_url() -> Iterator[tuple[OneScpSandbox, str]]:
    sandbox = OneScpSandbox(rate_limit=None)
    sandbox.add_user(EMAIL, PASSWORD, name="Canary", api_key=API_KEY)
    with sandbox.serve() as url:
        yield sandbox, url


@pytest.fixture(scope="module")
def pharus_url() -> Iterator[tuple[PharusSandbox, str]]:
    sandbox = PharusSandbox()
    sandbox.tokens[PHARUS_TOKEN] = sandbox.DEFAULT_USER_ID
    with sandbox.serve() as url:
        yield sandbox, url


@pytest.fixture(scope="module")
def one_platform_url() -> Iterator[tuple[OnePlatformSandbox, str]]:
    sandbox = OnePlatformSandbox()
    sandbox.tokens.add(ONE_TOKEN)
    with sandbox.serve() as url:
        yield sandbox, url


class Evidence:
    """Everything a secret could leak into during one scenario."""

    def __init__(self, mode: Mode) -> None:
        self.mode = mode
        self.errors: list[BaseException] = []
        self.reprs: list[str] = []

    async def fails(self, call: Any, kind: type[BaseException] = APIError) -> None:
        with pytest.raises(kind) as caught:
            await self.mode(call())
        self.errors.append(caught.value)

    def client(self, client: Any) -> Any:
        self.reprs += [repr(client), repr(client.config), str(client.config)]
        self.reprs.append(repr(client.config.auth))
        return client

    def check(self, logs: Capture, secrets: set[str]) -> None:
        assert self.errors, "the scenario raised nothing to inspect"
        found: dict[str, list[str]] = {}
        for index, line in enumerate(logs.lines):
            if hit := leaks(line, secrets):
                found[f"log line {index}: {line[:120]}"] = hit
        for text in self.reprs:
            if hit := leaks(text, secrets):
                found[f"repr {text[:120]}"] = hit
        for error in self.errors:
            where = type(error).__name__
            for name, text in (
                ("message", str(error)),
                ("repr", repr(error)),
                ("traceback", "".join(traceback.format_exception(error))),
                ("pickle", pickle.dumps(error)),
                ("args", repr(error.args)),
                ("attributes", repr(vars(error))),
            ):
                if hit := leaks(text, secrets):
                    found[f"{where} {name}"] = hit
        assert found == {}
        assert len(logs.lines) > 0


async def test_procuros_bearer_token_never_leaks(
    mode: Mode, debug_logs: Capture, procuros_url: tuple[ProcurosSandbox, str]
) -> None:
    sandbox, url = procuros_url
    cls = AsyncProcuros if mode.is_async else Procuros
    seen = Evidence(mode)
    client = seen.client(cls(BEARER, base_url=url, max_retries=1))
    client._sleep = mode.sleeper()
    await mode(client.ping())
    assert len(await mode.collect(client.transactions.list(limit=2))) == 2
    sandbox.faults.statuses([500, 500], path="/v2/ping")
    await seen.fails(client.ping)
    wrong = seen.client(cls(BEARER_WRONG, base_url=url))
    await seen.fails(wrong.ping, AuthenticationError)
    gone = seen.client(cls(BEARER, base_url=UNREACHABLE, max_retries=0))
    await seen.fails(gone.ping)
    for each in (client, wrong, gone):
        await mode.close(each)
    seen.check(debug_logs, set(CANARIES))


async def test_cartoncloud_client_secret_and_access_tokens_never_leak(
    mode: Mode, debug_logs: Capture, cartoncloud_url: tuple[CartonCloudSandbox, str]
) -> None:
    sandbox, url = cartoncloud_url
    cls = AsyncCartonCloud if mode.is_async else CartonCloud
    tenant = sandbox.DEFAULT_TENANT_ID
    seen = Evidence(mode)
    client = seen.client(cls(CLIENT_ID, CLIENT_SECRET, tenant_id=tenant, base_url=url))
    seen.reprs.append(repr(client.token_auth))
    client._sleep = mode.sleeper()
    await mode(client.user.info())
    assert len(await mode.collect(client.products.list(limit=2))) == 2
    await seen.fails(lambda: client.products.retrieve("00000000-0000-4000-8000-000000000000"))
    wrong = seen.client(cls(CLIENT_ID, CLIENT_SECRET_WRONG, tenant_id=tenant, base_url=url))
    await seen.fails(wrong.user.info, AuthenticationError)
    gone = seen.client(
        cls(CLIENT_ID, CLIENT_SECRET, tenant_id=tenant, base_url=UNREACHABLE, max_retries=0)
    )
    await seen.fails(gone.user.info)
    for each in (client, wrong, gone):
        await mode.close(each)
    issued = set(sandbox.tokens)
    assert issued, "the sandbox issued access tokens"
    seen.check(debug_logs, set(CANARIES) | issued)


async def test_onescp_password_api_key_jwt_and_webhook_secret_never_leak(
    mode: Mode, debug_logs: Capture, onescp_url: tuple[OneScpSandbox, str]
) -> None:
    sandbox, url = onescp_url
    cls = AsyncOneScp if mode.is_async else OneScp
    seen = Evidence(mode)
    client = seen.client(cls(email=EMAIL, password=PASSWORD, base_url=url))
    client._sleep = mode.sleeper()
    await mode(client.auth.login())
    subscription = await mode(
        client.webhooks.create(url="https://erp.example.com/hooks", events=["order.created"])
    )
    assert subscription.secret
    seen.reprs += [repr(subscription), str(subscription)]
    keyed = seen.client(cls(api_key=API_KEY, base_url=url))
    assert len(await mode.collect(keyed.items.list(limit=1))) == 1
    await seen.fails(lambda: keyed.items.retrieve("0123456789abcdef01234567"))
    for bad in (
        cls(email=EMAIL, password=PASSWORD_WRONG, base_url=url),
        cls(api_key=API_KEY_WRONG, base_url=url),
    ):
        seen.client(bad)
        await seen.fails(lambda bad=bad: bad.items.retrieve("0123456789abcdef01234567"))
        await mode.close(bad)
    gone = seen.client(cls(email=EMAIL, password=PASSWORD, base_url=UNREACHABLE, max_retries=0))
    await seen.fails(lambda: gone.items.retrieve("0123456789abcdef01234567"))
    for each in (client, keyed, gone):
        await mode.close(each)
    issued = set(sandbox.tokens) | {s["secret"] for s in sandbox.subscriptions.values()}
    seen.check(debug_logs, set(CANARIES) | issued)


async def test_pharus_token_provider_api_tokens_and_invitation_tokens_never_leak(
    mode: Mode, debug_logs: Capture, pharus_url: tuple[PharusSandbox, str]
) -> None:
    sandbox, url = pharus_url
    cls = AsyncPharus if mode.is_async else Pharus
    org = sandbox.DEFAULT_ORG_ID
    seen = Evidence(mode)
    client = seen.client(cls(lambda: PHARUS_TOKEN, org_id=org, base_url=url))
    client._sleep = mode.sleeper()
    created = await mode(client.api_tokens.create(name="ci", org_id=org))
    invitation = await mode(
        client.invitations.send(email=f"new-{mode.name}@example.com", role="member")
    )
    seen.reprs += [repr(created), str(created.to_dict()), repr(invitation), invitation.to_json()]
    await mode(client.invitations.lookup(invitation.token))  # the secret in the path
    await seen.fails(lambda: client.invitations.lookup(PHARUS_INVITE), NotFoundError)
    await seen.fails(lambda: client.vendors.retrieve("00000000-0000-4000-8000-000000000000"))
    wrong = seen.client(cls(PHARUS_TOKEN + "-revoked", org_id=org, base_url=url))
    await seen.fails(lambda: wrong.vendors.create(name="x"), AuthenticationError)
    gone = seen.client(cls(PHARUS_TOKEN, org_id=org, base_url=UNREACHABLE, max_retries=0))
    await seen.fails(lambda: gone.vendors.create(name="x"))
    for each in (client, wrong, gone):
        await mode.close(each)
    issued = {created.plaintext.get_secret_value()}
    assert invitation.token is not None
    issued.add(invitation.token.get_secret_value())
    seen.check(debug_logs, set(CANARIES) | issued)


async def test_one_platform_bearer_token_never_leaks(
    mode: Mode, debug_logs: Capture, one_platform_url: tuple[OnePlatformSandbox, str]
) -> None:
    _sandbox, url = one_platform_url
    cls = AsyncOnePlatform if mode.is_async else OnePlatform
    seen = Evidence(mode)
    client = seen.client(cls(token=ONE_TOKEN, base_url=url))
    client._sleep = mode.sleeper()
    await mode(client.clients.retrieve("C-001"))
    await seen.fails(lambda: client.clients.retrieve("C-404"), NotFoundError)
    wrong = seen.client(cls(token=ONE_TOKEN + "-wrong", base_url=url))
    await seen.fails(lambda: wrong.clients.retrieve("C-001"), AuthenticationError)
    gone = seen.client(cls(token=ONE_TOKEN, base_url=UNREACHABLE, max_retries=0))
    await seen.fails(lambda: gone.clients.retrieve("C-001"))
    for each in (client, wrong, gone):
        await mode.close(each)
    seen.check(debug_logs, set(CANARIES))


def test_webhook_secrets_never_leak_from_verification_errors(debug_logs: Capture) -> None:
    seen = Evidence(Mode("sync"))
    body = b'{"event": "order.created", "deliveryId": "d1", "data": {}}'
    forged = "sha256=" + "00" * 32
    for secret in (WEBHOOK_SECRET, [WEBHOOK_SECRET, SHARED_HEADER]):
        with pytest.raises(WebhookVerificationError) as caught:
            verify_signature(body, forged, secret)
        seen.errors.append(caught.value)
        with pytest.raises(WebhookVerificationError) as caught:
            onescp_webhooks.verify(body, {"X-Webhook-Signature": forged}, secret)
        seen.errors.append(caught.value)
    with pytest.raises(WebhookVerificationError) as caught:
        verify_signature(body, forged, WEBHOOK_SECRET, timestamp="1", tolerance=1.0)
    seen.errors.append(caught.value)
    for given in ({}, {"X-Webhook-Token": "canary-cartoncloud-webhook-token-1e2"}):
        with pytest.raises(WebhookVerificationError) as caught:
            cartoncloud_webhooks.parse(
                b'{"type": "OUTBOUND"}', given, expected_headers={"X-Webhook-Token": SHARED_HEADER}
            )
        seen.errors.append(caught.value)
    logging.getLogger("supplychain_sdk").debug("webhook checks done")
    seen.check(debug_logs, set(CANARIES))
