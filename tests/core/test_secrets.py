"""A canary secret never shows up in logs, reprs or exception text."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import httpx
import pytest

from supplychain_sdk._core import (
    BearerAuth,
    ClientConfig,
    LoginTokenAuth,
    OAuth2ClientCredentials,
    SupplyChainError,
)
from supplychain_sdk._core._logging import redact_headers, redact_url
from tests.conftest import BASE, Mode, mock

CANARY = "canary-T0KEN-9f8e7d"


async def test_canary_never_in_logs_reprs_or_errors(
    mode: Mode, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="supplychain_sdk")
    auth = OAuth2ClientCredentials("/oauth/token", "cid", CANARY)
    errors: list[BaseException] = []
    with mock() as router:
        router.post("/oauth/token").respond(200, json={"access_token": CANARY, "expires_in": 60})
        router.get("/ok").respond(200, json={"ok": True})
        router.get("/fail").respond(500, json={"message": "boom"})
        router.get("/down").mock(side_effect=httpx.ConnectError("refused"))
        client = mode.client(auth=auth, max_retries=1, default_headers={"Authorization": "x"})
        await mode(client.request("GET", "/ok", params={"token": CANARY}))
        for path in ("/fail", "/down"):
            try:
                await mode(client.request("GET", path, params={"access_token": CANARY}))
            except SupplyChainError as exc:
                errors.append(exc)
    assert len(errors) == 2
    texts = [r.getMessage() for r in caplog.records]
    assert any("request GET" in t for t in texts)  # DEBUG lines were produced
    texts += [str(e) for e in errors] + [repr(e) for e in errors]
    texts += [repr(client), repr(client.config), repr(auth), repr(client.last_response)]
    for text in texts:
        assert CANARY not in text, text


def test_redact_helpers() -> None:
    assert redact_headers({"Authorization": "Bearer x", "Accept": "a", "Cookie": "c"}) == {
        "Authorization": "[REDACTED]",
        "Accept": "a",
        "Cookie": "[REDACTED]",
    }
    assert redact_url("https://u:p@h/x?api_key=1&page=2&client_secret=3&sig=4") == (
        "https://[REDACTED]@h/x?api_key=[REDACTED]&page=2&client_secret=[REDACTED]&sig=[REDACTED]"
    )


def test_config_and_auth_reprs_hide_secrets() -> None:
    config = ClientConfig(base_url=BASE, auth=BearerAuth(CANARY), default_headers={"X": CANARY})
    login = LoginTokenAuth("/login", {"email": "e", "password": CANARY})
    for text in (repr(config), repr(config.auth), repr(login)):
        assert CANARY not in text


def test_log_env_var_turns_on_debug_output() -> None:
    code = (
        "import httpx\n"
        "from supplychain_sdk._core import SyncAPIClient, ClientConfig, BearerAuth\n"
        "t = httpx.MockTransport(lambda r: httpx.Response(200, json={}))\n"
        f"c = SyncAPIClient(ClientConfig(base_url='{BASE}', auth=BearerAuth('{CANARY}'),"
        f" default_headers={{'X-Api-Key': '{CANARY}'}}, http_client=httpx.Client(transport=t)))\n"
        "c.request('GET', '/a')\n"
    )
    env = {**os.environ, "SUPPLYCHAIN_SDK_LOG": "debug"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert "supplychain_sdk DEBUG request GET https://api.example.test/a" in result.stderr
    assert "'x-api-key': '[REDACTED]'" in result.stderr
    assert "supplychain_sdk DEBUG response GET https://api.example.test/a -> 200" in result.stderr
    assert CANARY not in result.stderr
    quiet = subprocess.run(
        [sys.executable, "-c", code],
        env={k: v for k, v in os.environ.items() if k != "SUPPLYCHAIN_SDK_LOG"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert quiet.stderr == ""


def test_custom_secret_looking_headers_are_redacted() -> None:
    assert redact_headers({"X-Custom-Token": "t", "X-Shop-Secret": "s", "X-Org-Id": "o"}) == {
        "X-Custom-Token": "[REDACTED]",
        "X-Shop-Secret": "[REDACTED]",
        "X-Org-Id": "o",
    }
