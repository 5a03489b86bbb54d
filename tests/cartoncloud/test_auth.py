"""Construction, OAuth2 client credentials, Accept-Version, the user, tenants and scoping."""

from __future__ import annotations

import asyncio
import base64
import threading
from typing import Any
from urllib.parse import parse_qs

import pytest

from supplychain_sdk import AuthenticationError, InvalidRequestError, NotFoundError
from supplychain_sdk.cartoncloud import AsyncCartonCloud, CartonCloud, Tenant, User
from supplychain_sdk.sandbox.cartoncloud import CartonCloudSandbox
from tests.cartoncloud.conftest import (
    CLIENT_ID,
    CLIENT_SECRET,
    TENANT,
    Clock,
    api_requests,
    assert_api_headers,
    last,
    make_client,
)
from tests.conftest import Mode

OTHER_TENANT = "5d2f1a7c-3b9e-4e8a-8c6d-2f4b1e9a7c30"

# -- construction ------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", [CartonCloud, AsyncCartonCloud])
def test_credentials_and_tenant_from_environment(
    cls: type[CartonCloud], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CARTONCLOUD_CLIENT_ID", "env-id")
    monkeypatch.setenv("CARTONCLOUD_CLIENT_SECRET", "env-secret-value")
    monkeypatch.setenv("CARTONCLOUD_TENANT_ID", TENANT)
    client = cls()
    assert client.base_url == "https://api.cartoncloud.com"
    assert client.tenant_id == TENANT
    assert client.api_version == "1"
    assert client.token_auth.client_id == "env-id"
    assert client.token_auth.token_url == "https://api.cartoncloud.com/uaa/oauth/token"
    assert client.token_auth.auth_method == "client_secret_basic"
    text = repr(client) + repr(client.config) + repr(client.token_auth)
    assert "env-secret-value" not in text
    assert (
        repr(client)
        == f"{cls.__name__}(base_url='https://api.cartoncloud.com', tenant_id='{TENANT}')"
    )


@pytest.mark.parametrize("cls", [CartonCloud, AsyncCartonCloud])
def test_arguments_win_over_environment(
    cls: type[CartonCloud], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CARTONCLOUD_CLIENT_ID", "env-id")
    monkeypatch.setenv("CARTONCLOUD_CLIENT_SECRET", "env-secret")
    monkeypatch.setenv("CARTONCLOUD_TENANT_ID", TENANT)
    client = cls("arg-id", "arg-secret", tenant_id=OTHER_TENANT, base_url="http://localhost:9/")
    assert client.token_auth.client_id == "arg-id"
    assert client.tenant_id == OTHER_TENANT
    assert client.base_url == "http://localhost:9"
    assert client.token_auth.token_url == "http://localhost:9/uaa/oauth/token"


@pytest.mark.parametrize("cls", [CartonCloud, AsyncCartonCloud])
def test_missing_credentials(cls: type[CartonCloud], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CARTONCLOUD_CLIENT_ID", raising=False)
    monkeypatch.delenv("CARTONCLOUD_CLIENT_SECRET", raising=False)
    with pytest.raises(
        InvalidRequestError, match="CARTONCLOUD_CLIENT_ID and CARTONCLOUD_CLIENT_SECRET"
    ):
        cls()
    with pytest.raises(InvalidRequestError, match="client credentials"):
        cls("id-only")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"tenant_id": "not-a-uuid"}, "tenant_id must be a UUID, got 'not-a-uuid'"),
        ({"api_version": "v1"}, "api_version must be a positive integer such as 1, got 'v1'"),
        ({"api_version": 0}, "api_version must be a positive integer"),
        ({"base_url": "ftp://x"}, "base_url must be an absolute http"),
    ],
)
def test_bad_options(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        CartonCloud("id", "secret", **kwargs)


def test_no_tenant_in_environment_means_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CARTONCLOUD_TENANT_ID", raising=False)
    assert CartonCloud("id", "secret").tenant_id is None


# -- OAuth2 client credentials -----------------------------------------------------------------


async def test_token_request_then_bearer_and_version_on_every_request(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    user = await mode(client.user.info())
    token_request, call = sandbox.requests
    assert (token_request.method, token_request.path, token_request.query) == (
        "POST",
        "/uaa/oauth/token",
        (),
    )
    expected = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    assert token_request.header("authorization") == f"Basic {expected}"
    assert token_request.header("accept-version") == "1"
    assert token_request.header("content-type") == "application/x-www-form-urlencoded"
    assert parse_qs(token_request.body.decode()) == {"grant_type": ["client_credentials"]}
    issued = next(iter(sandbox.tokens))
    assert (call.method, call.path, call.query) == ("GET", "/uaa/userinfo", ())
    assert call.header("authorization") == f"Bearer {issued}"
    assert_api_headers(call)
    assert isinstance(user, User)
    assert user.name == "Sandbox Integration"
    assert user.email == "integration@sandbox.invalid"
    assert user.tenants == [Tenant(id=TENANT, name="Sandbox Logistics")]


async def test_token_is_cached_across_calls_and_resources(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    await mode(client.user.info())
    await mode(client.tenants.list())
    await mode(client.for_tenant(TENANT).user.info())
    assert sandbox.token_requests == 1
    assert client.token_auth.token_requests == 1
    assert len({r.header("authorization") for r in api_requests(sandbox)}) == 1


async def test_token_renewed_shortly_before_it_expires(mode: Mode) -> None:
    clock = Clock()
    sandbox = CartonCloudSandbox(clock=clock, token_lifetime=3600)
    client = make_client(mode, sandbox)
    client.token_auth._clock = clock
    await mode(client.user.info())
    clock.now += 3600 - 31  # more than 30 s (the leeway) left: reused
    await mode(client.user.info())
    assert sandbox.token_requests == 1
    clock.now += 2  # 29 s left: renewed before sending, so the server never answers 401
    await mode(client.user.info())
    assert [r.path for r in sandbox.requests] == [
        "/uaa/oauth/token",
        "/uaa/userinfo",
        "/uaa/userinfo",
        "/uaa/oauth/token",
        "/uaa/userinfo",
    ]
    first, _, third = api_requests(sandbox)
    assert first.header("authorization") != third.header("authorization")


async def test_token_expired_on_the_server_is_renewed_once_on_401(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    await mode(client.user.info())
    sandbox.expire_tokens()
    user = await mode(client.user.info())
    assert user.email == "integration@sandbox.invalid"
    assert [r.path for r in sandbox.requests] == [
        "/uaa/oauth/token",
        "/uaa/userinfo",
        "/uaa/userinfo",  # 401: token expired
        "/uaa/oauth/token",
        "/uaa/userinfo",  # replayed with the new token
    ]
    refused, replayed = sandbox.requests[2], sandbox.requests[4]
    assert refused.header("authorization") != replayed.header("authorization")
    assert sandbox.token_requests == 2


async def test_token_clock_expiry_on_the_server(mode: Mode) -> None:
    clock = Clock()
    sandbox = CartonCloudSandbox(clock=clock, token_lifetime=60)
    client = make_client(mode, sandbox)  # the client's own clock is real time
    await mode(client.user.info())
    clock.now += 61
    await mode(client.user.info())
    assert sandbox.token_requests == 2


async def test_a_second_401_is_raised(mode: Mode, sandbox: CartonCloudSandbox) -> None:
    client = make_client(mode, sandbox)
    sandbox.faults.statuses([401, 401], path="^/uaa/userinfo$")
    with pytest.raises(AuthenticationError, match=r"401 Unauthorized from GET .*/uaa/userinfo"):
        await mode(client.user.info())
    assert sandbox.token_requests == 2  # the first token, and one renewal
    assert [r.path for r in api_requests(sandbox)] == ["/uaa/userinfo", "/uaa/userinfo"]


async def test_bad_credentials(mode: Mode, sandbox: CartonCloudSandbox) -> None:
    client = make_client(mode, sandbox, client_secret="wrong-secret")
    with pytest.raises(AuthenticationError) as caught:
        await mode(client.user.info())
    assert caught.value.status_code == 401
    assert caught.value.error_message == "token request refused: Bad client credentials"
    assert caught.value.code == "unauthorized"
    assert "wrong-secret" not in str(caught.value)
    assert api_requests(sandbox) == []


async def test_one_token_request_for_20_concurrent_tasks() -> None:
    sandbox = CartonCloudSandbox()
    sandbox.faults.delay(0.05, path="^/uaa/oauth/token$")  # let the other tasks pile up
    client = sandbox.async_client()
    users = await asyncio.gather(*(client.user.info() for _ in range(20)))
    assert len(users) == 20
    assert sandbox.token_requests == 1
    assert len({r.header("authorization") for r in api_requests(sandbox)}) == 1


def test_one_token_request_for_8_threads() -> None:
    sandbox = CartonCloudSandbox()
    sandbox.faults.delay(0.05, path="^/uaa/oauth/token$")
    client = sandbox.client()
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait()
            client.tenants.list()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sandbox.token_requests == 1
    assert len(api_requests(sandbox)) == 8


# -- Accept-Version ----------------------------------------------------------------------------


async def test_api_version_is_a_client_option(mode: Mode, sandbox: CartonCloudSandbox) -> None:
    client = make_client(mode, sandbox, api_version=2)
    assert client.api_version == "2"
    with pytest.raises(NotFoundError) as caught:
        await mode(client.user.info())
    assert caught.value.error_message == "token request refused: no reason given"
    request = last(sandbox)
    assert (request.path, request.header("accept-version")) == ("/uaa/oauth/token", "2")


async def test_per_call_headers_cannot_drop_the_version(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    await mode(client.with_options(default_headers={"X-Trace": "t-1"}).user.info())
    request = last(sandbox)
    assert request.header("x-trace") == "t-1"
    assert request.header("accept-version") == "1"


# -- user, tenants, scoping --------------------------------------------------------------------


async def test_tenants_list(mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud) -> None:
    sandbox.add_tenant("Second Site", tenant_id=OTHER_TENANT)
    tenants = await mode(client.tenants.list())
    assert tenants == [
        Tenant(id=TENANT, name="Sandbox Logistics"),
        Tenant(id=OTHER_TENANT, name="Second Site"),
    ]
    request = last(sandbox)
    assert (request.method, request.path, request.query) == ("GET", "/uaa/userinfo", ())
    assert_api_headers(request)


async def test_for_tenant_scopes_and_shares_the_pool(
    mode: Mode, sandbox: CartonCloudSandbox
) -> None:
    sandbox.add_tenant("Second Site", tenant_id=OTHER_TENANT)
    client = make_client(mode, sandbox, tenant_id=None)
    scoped = client.for_tenant(OTHER_TENANT)
    assert (client.tenant_id, scoped.tenant_id) == (None, OTHER_TENANT)
    assert scoped._http is client._http
    assert scoped.token_auth is client.token_auth
    assert await mode.collect(scoped.outbound_orders.list()) == []
    assert last(sandbox).path == f"/tenants/{OTHER_TENANT}/outbound-orders/search"
    await mode(scoped.close())
    assert not client._http.is_closed  # the scoped client does not own the pool
    with pytest.raises(InvalidRequestError, match="tenant_id must be a UUID"):
        client.for_tenant("../x")


async def test_a_tenant_call_without_a_tenant_fails_before_sending(
    mode: Mode, sandbox: CartonCloudSandbox
) -> None:
    client = make_client(mode, sandbox, tenant_id=None)
    message = "no tenant for this call: pass tenant_id=..."
    with pytest.raises(InvalidRequestError, match=message):
        await mode(client.outbound_orders.retrieve("9a1f5c1e-7e0b-4b55-8d3e-111111111111"))
    with pytest.raises(InvalidRequestError, match=message):
        client.products.list()
    assert sandbox.requests == []
    orders = await mode.collect(client.inbound_orders.list(tenant_id=TENANT))
    assert orders == []
    assert last(sandbox).path == f"/tenants/{TENANT}/inbound-orders/search"


async def test_a_tenant_the_user_cannot_access(mode: Mode, sandbox: CartonCloudSandbox) -> None:
    sandbox.add_api_client("narrow-client", "narrow-secret", tenant_ids=[])
    client = make_client(mode, sandbox, client_id="narrow-client", client_secret="narrow-secret")
    from supplychain_sdk import PermissionDeniedError

    with pytest.raises(PermissionDeniedError) as caught:
        await mode.collect(client.customers.list())
    assert caught.value.error_message == f"No permission to access tenant {TENANT}"
    assert await mode(client.tenants.list()) == []
