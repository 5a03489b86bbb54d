"""Making an ONe client: base URL and credentials from arguments or the environment, token
providers, OAuth2 client credentials, route overrides, the top-level names."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx

import supplychain_sdk
from supplychain_sdk import AuthenticationError, InvalidRequestError, OAuth2ClientCredentials
from supplychain_sdk.one_platform import AsyncOnePlatform, OnePlatform
from supplychain_sdk.one_platform._routes import CLIENTS_UPDATE
from supplychain_sdk.sandbox.one_platform import OnePlatformSandbox
from tests.conftest import Mode
from tests.one_platform.conftest import BASE, make_client, sandbox_client

CLIENT = "/api/v1/account/integrations/auth-required/clients/C-1"


def cls(mode: Mode) -> Any:
    return AsyncOnePlatform if mode.is_async else OnePlatform


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ONE_PLATFORM_BASE_URL", raising=False)
    monkeypatch.delenv("ONE_PLATFORM_TOKEN", raising=False)


def test_the_names_are_on_the_top_level_package() -> None:
    assert supplychain_sdk.OnePlatform is OnePlatform
    assert supplychain_sdk.AsyncOnePlatform is AsyncOnePlatform


async def test_base_url_and_token_come_from_the_environment(
    mode: Mode, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONE_PLATFORM_BASE_URL", "https://b2b.example.test/")
    monkeypatch.setenv("ONE_PLATFORM_TOKEN", "env-token")
    client = cls(mode)()
    assert client.base_url == "https://b2b.example.test"
    with respx.mock(base_url="https://b2b.example.test") as router:
        route = router.get(CLIENT).respond(200, json={"clientId": "C-1", "name": "N"})
        await mode(client.clients.retrieve("C-1"))
    assert route.calls.last.request.headers["Authorization"] == "Bearer env-token"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"token": "t"}, "no ONe base URL: pass base_url="),
        ({"base_url": BASE}, "no ONe credentials: pass token="),
        ({"base_url": BASE, "token": ""}, "the bearer token is empty"),
        ({"base_url": "ftp://x", "token": "t"}, "base_url must be an absolute http"),
        (
            {"base_url": BASE, "token": "t", "oauth": OAuth2ClientCredentials("/t", "i", "s")},
            "pass token= or oauth=, not both",
        ),
        ({"base_url": BASE, "oauth": "secret"}, "oauth must be an OAuth2ClientCredentials"),
    ],
)
def test_missing_or_conflicting_settings_are_refused(
    mode: Mode, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        cls(mode)(**kwargs)


def test_the_token_never_shows_in_a_repr() -> None:
    client = OnePlatform(BASE, token="super-secret-token")
    assert "super-secret-token" not in repr(client)
    assert "super-secret-token" not in repr(client.config)


async def test_a_token_provider_is_asked_for_every_request(mode: Mode) -> None:
    issued: list[str] = []

    def provider() -> str:
        issued.append(f"t{len(issued)}")
        return issued[-1]

    client = make_client(mode, token=provider)
    with respx.mock(base_url=BASE) as router:
        route = router.get(CLIENT).respond(200, json={"clientId": "C-1", "name": "N"})
        await mode(client.clients.retrieve("C-1"))
        await mode(client.clients.retrieve("C-1"))
        sent = [c.request.headers["Authorization"] for c in route.calls]
    assert sent == ["Bearer t0", "Bearer t1"]


async def test_an_async_token_provider_serves_the_async_client() -> None:
    async def provider() -> str:
        return "async-token"

    client = AsyncOnePlatform(BASE, token=provider)
    with respx.mock(base_url=BASE) as router:
        route = router.get(CLIENT).respond(200, json={"clientId": "C-1", "name": "N"})
        await client.clients.retrieve("C-1")
    assert route.calls.last.request.headers["Authorization"] == "Bearer async-token"


async def test_oauth_client_credentials_against_the_sandbox(
    mode: Mode, sandbox: OnePlatformSandbox
) -> None:
    oauth = OAuth2ClientCredentials(
        "/oauth/token", sandbox.OAUTH_CLIENT_ID, sandbox.OAUTH_CLIENT_SECRET
    )
    client = sandbox_client(mode, sandbox, oauth=oauth)
    record = await mode(client.clients.retrieve("C-001"))
    await mode(client.clients.retrieve("C-002"))
    assert record.name == "Hurtownia Nowak"
    assert oauth.token_requests == 1
    token_calls = [r for r in sandbox.requests if r.path == "/oauth/token"]
    assert len(token_calls) == 1
    await mode(client.close())


async def test_a_refused_token_is_an_authentication_error_without_the_token(
    mode: Mode, sandbox: OnePlatformSandbox
) -> None:
    client = sandbox_client(mode, sandbox, token="stolen-token")
    with pytest.raises(AuthenticationError, match="Invalid or expired token") as info:
        await mode(client.clients.retrieve("C-001"))
    assert "stolen-token" not in str(info.value)
    await mode(client.close())


async def test_a_route_override_moves_one_push(mode: Mode) -> None:
    client = make_client(mode, route_overrides={"clients.update": ("PATCH", "/api/v2/erp/clients")})
    assert client.route(CLIENTS_UPDATE).path == "/api/v2/erp/clients"
    with respx.mock(base_url=BASE) as router:
        route = router.patch("/api/v2/erp/clients").respond(200, json={"accepted": 1})
        report = await mode(client.clients.update([{"client_id": "C-1", "name": "N"}]))
    assert report.ok
    assert report.operation == "clients.update"
    assert json.loads(route.calls.last.request.content) == [{"clientId": "C-1", "name": "N"}]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"clients.upsert": ("PUT", "/x")}, "unknown operation 'clients.upsert'"),
        ({"clients.retrieve": ("GET", "/c/{id}")}, r"placeholders \['client_id'\]"),
    ],
)
def test_route_overrides_are_checked_when_the_client_is_made(
    mode: Mode, overrides: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        make_client(mode, route_overrides=overrides)


async def test_an_override_can_move_an_upload_step(mode: Mode) -> None:
    client = make_client(
        mode,
        route_overrides={"invoices.begin_upload": ("POST", "/api/v1/files/begin")},
    )
    with respx.mock() as router:
        begin = router.post(f"{BASE}/api/v1/files/begin").respond(
            200, json={"uploadUrl": "https://s3.example.test/u"}
        )
        router.put("https://s3.example.test/u").respond(200)
        router.post(
            f"{BASE}/api/v1/invoices/integrations/auth-required/invoices/file-upload-complete"
        ).respond(200, json={})
        await mode(client.invoices.upload_pdf("FV-1", b"%PDF-1.4"))
    assert begin.called


async def test_the_client_closes_an_http_client_it_made(mode: Mode) -> None:
    client = make_client(mode)
    async with client if mode.is_async else _sync_ctx(client):
        pass
    assert client._http.is_closed


class _sync_ctx:
    def __init__(self, client: Any) -> None:
        self.client = client

    async def __aenter__(self) -> Any:
        return self.client.__enter__()

    async def __aexit__(self, *exc: object) -> None:
        self.client.__exit__(None, None, None)


def test_a_foreign_http_client_type_is_refused(mode: Mode) -> None:
    wrong = httpx.Client() if mode.is_async else httpx.AsyncClient()
    with pytest.raises(InvalidRequestError, match="http_client must be"):
        make_client(mode, http_client=wrong)


def test_plain_http_is_refused_off_this_machine(mode: Mode) -> None:
    with pytest.raises(InvalidRequestError, match="refusing the plain http:// base URL"):
        cls(mode)("http://b2b.example.test", token="t")
    assert cls(mode)("http://127.0.0.1:8080", token="t").base_url == "http://127.0.0.1:8080"
    allowed = cls(mode)("http://b2b.example.test", token="t", allow_insecure_http=True)
    assert allowed.base_url == "http://b2b.example.test"
    client = cls(mode)(BASE, token="t")
    with pytest.raises(InvalidRequestError, match="refusing the plain http:// base URL"):
        client.with_options(base_url="http://b2b.example.test")
    assert client.with_options(base_url="https://other.example.test").base_url == (
        "https://other.example.test"
    )
    with pytest.raises(InvalidRequestError, match="allow_insecure_http must be True or False"):
        cls(mode)(BASE, token="t", allow_insecure_http="yes")
