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
    ForeignOriginError,
    HeaderAuth,
    InvalidRequestError,
    LoginTokenAuth,
    NotFoundError,
    OAuth2ClientCredentials,
    SupplyChainError,
)
from supplychain_sdk._core._logging import is_secret_name, redact_headers, redact_url
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


# -- fault-injection review: hyphenated key names, userinfo, HeaderAuth, exception chains --------


@pytest.mark.parametrize(
    "name",
    [
        "Ocp-Apim-Subscription-Key",
        "X-Access-Key",
        "X-Private-Key",
        "x_private_key",
        "xAccessKey",
        "X-API-KEY",
        "X-Auth-User",
        "X-Session-Id",
        "X-Client-Password",
        "X-Jwt",
        "pwd",
    ],
)
def test_hyphenated_and_camel_case_secret_names_are_redacted(name: str) -> None:
    assert is_secret_name(name)
    assert redact_headers({name: CANARY}) == {name: "[REDACTED]"}


@pytest.mark.parametrize(
    "name", ["X-Org-Id", "Accept", "keyword", "Idempotency-Key", "X-Request-Id", "cursor"]
)
def test_ordinary_names_stay_readable(name: str) -> None:
    assert not is_secret_name(name)


async def test_debug_request_line_hides_subscription_and_access_keys(
    mode: Mode, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="supplychain_sdk")
    headers = {
        "Ocp-Apim-Subscription-Key": CANARY,
        "X-Access-Key": CANARY,
        "X-Private-Key": CANARY,
    }
    with mock() as router:
        route = router.get("/a").respond(200, json={})
        await mode(mode.client(default_headers=headers).request("GET", "/a"))
    assert route.calls.last.request.headers["X-Access-Key"] == CANARY  # still sent
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("request GET")]
    assert len(lines) == 1
    assert CANARY not in lines[0]
    assert "'ocp-apim-subscription-key': '[REDACTED]'" in lines[0]


async def test_userinfo_in_base_url_is_redacted_everywhere(mode: Mode) -> None:
    base = "https://svc-user:Pa55-canary@api.example.test"
    client = mode.client(base_url=base, max_retries=0)
    with mock(base_url=base) as router:
        router.get("/missing").respond(404, json={"message": "no"})
        with pytest.raises(NotFoundError) as not_found:
            await mode(client.request("GET", "/missing"))
        with pytest.raises(ForeignOriginError) as foreign:
            await mode(client.request("GET", "https://elsewhere.test/x"))
    texts = [repr(client), repr(client.config), str(not_found.value), str(foreign.value)]
    texts += [not_found.value.url, repr(not_found.value.response)]
    for text in texts:
        assert "Pa55-canary" not in text, text
    assert repr(client.config).startswith("ClientConfig(base_url='https://[REDACTED]@api.")
    with pytest.raises(InvalidRequestError) as bad:
        ClientConfig(base_url="ftp://u:Pa55-canary@h")
    assert "Pa55-canary" not in str(bad.value)


def test_header_auth_repr_shows_names_not_values() -> None:
    auth = HeaderAuth({"X-Org-Id": CANARY}, BearerAuth(CANARY))
    assert repr(auth) == "HeaderAuth(headers=['X-Org-Id'], inner=BearerAuth([REDACTED]))"


def _chain(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


async def test_sdk_errors_keep_no_chain_to_the_httpx_request(mode: Mode) -> None:
    auth = BearerAuth(CANARY)
    caught: list[SupplyChainError] = []
    with mock() as router:
        router.get("/down").mock(side_effect=httpx.ConnectError("refused"))
        router.get("/slow").mock(side_effect=httpx.ReadTimeout("slow"))
        router.get("/garbled").respond(200, text='{"token": "' + CANARY)
        router.get("/shape").respond(200, json={"id": CANARY})
        client = mode.client(auth=auth, max_retries=1)
        for path in ("/down", "/slow", "/garbled"):
            with pytest.raises(SupplyChainError) as exc:
                await mode(client.request("GET", path))
            caught.append(exc.value)
        with pytest.raises(SupplyChainError) as exc:
            await mode(client.request("GET", "/shape", cast_to=int))
        caught.append(exc.value)
        with pytest.raises(InvalidRequestError) as exc_bad:
            await mode(client.request("GET", "/a", headers={"X-Name": "caf\u00e9-" + CANARY}))
        caught.append(exc_bad.value)
    assert [type(e).__name__ for e in caught] == [
        "APIConnectionError",
        "APITimeoutError",
        "ResponseDecodeError",
        "ResponseDecodeError",
        "InvalidRequestError",
    ]
    for error in caught:
        assert _chain(error) == [error], _chain(error)
        assert CANARY not in str(error)
        assert not any(isinstance(v, (httpx.Request, httpx.Response)) for v in vars(error).values())


async def test_unreadable_token_answer_keeps_no_chain(mode: Mode) -> None:
    auth = OAuth2ClientCredentials("/oauth/token", "cid", "sec")
    with mock() as router:
        router.post("/oauth/token").respond(200, json={"token_type": CANARY})
        with pytest.raises(SupplyChainError) as caught:
            await mode(mode.client(auth=auth).request("GET", "/a"))
    assert _chain(caught.value) == [caught.value]
    assert CANARY not in str(caught.value)


async def test_invalid_absolute_url_with_userinfo_is_refused_without_it(mode: Mode) -> None:
    client = mode.client()
    with pytest.raises(InvalidRequestError, match="invalid URL") as caught:
        await mode(client.request("GET", "https://user:Pa55-canary@api.example.test/a\x00b"))
    assert "Pa55-canary" not in str(caught.value)
    assert caught.value.__context__ is None


async def test_repeated_next_url_error_redacts_its_query_secrets(mode: Mode) -> None:
    from supplychain_sdk._core import NextURLPagination, PaginationError

    url = f"{BASE}/items?access_token={CANARY}&page=2"
    with mock() as router:
        router.get("/items").respond(200, json={"data": [], "next": url})
        pager = mode.client().paginate(
            "GET",
            "/items",
            item_type=dict,
            strategy=NextURLPagination(next_url=lambda body, raw: body["next"]),
        )
        with pytest.raises(PaginationError, match="same page position twice") as caught:
            await mode.collect(pager)
    assert CANARY not in str(caught.value)
    assert f"{BASE}/items?access_token=[REDACTED]&page=2" in str(caught.value)
