"""ONESCP client construction, authentication, envelopes, errors, rate limits and retries."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from supplychain_sdk import (
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
)
from supplychain_sdk.onescp import AsyncOneScp, OneScp, Order, RateLimit, User
from supplychain_sdk.sandbox import Fault
from supplychain_sdk.sandbox.onescp import OneScpSandbox
from tests.conftest import Mode
from tests.onescp.conftest import (
    API_KEY,
    EMAIL,
    ORDER,
    PASSWORD,
    Clock,
    last,
    make_client,
    sent,
)

ENV = ("ONESCP_BASE_URL", "ONESCP_EMAIL", "ONESCP_PASSWORD", "ONESCP_API_KEY")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


# -- construction ------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", [OneScp, AsyncOneScp])
def test_default_base_url_is_https(cls: type[OneScp]) -> None:
    client = cls(api_key="k")
    assert client.base_url == "https://api.onescp.com"


@pytest.mark.parametrize("cls", [OneScp, AsyncOneScp])
def test_environment_variables(cls: type[OneScp], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONESCP_BASE_URL", "https://portal.example.com/")
    monkeypatch.setenv("ONESCP_API_KEY", "env-key")
    client = cls()
    assert client.base_url == "https://portal.example.com"
    assert type(client.config.auth).__name__ == "BearerAuth"
    assert "env-key" not in repr(client) + repr(client.config)
    monkeypatch.delenv("ONESCP_API_KEY")
    monkeypatch.setenv("ONESCP_EMAIL", "ops@example.com")
    monkeypatch.setenv("ONESCP_PASSWORD", "pw-canary")
    client = cls()
    auth = client.config.auth
    assert type(auth).__name__ == "OneScpLoginAuth"
    assert auth.login_url == "https://portal.example.com/api/auth/login"  # type: ignore[union-attr]
    assert "pw-canary" not in repr(client) + repr(client.config) + repr(auth)
    assert cls(email="other@example.com").config.auth.email == "other@example.com"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "no ONESCP credentials"),
        ({"email": "a@b.c", "api_key": "k"}, "not several: got email/password and api_key"),
        ({"api_key": "k", "token": "t"}, "got api_key and token"),
        ({"email": "a@b.c"}, "password is missing"),
        ({"password": "pw"}, "email is missing"),
        ({"api_key": " "}, "api_key must be a non-empty string"),
        ({"token": ""}, "bearer token is empty"),
        ({"api_key": "k", "allow_insecure_http": "yes"}, "allow_insecure_http must be True"),
    ],
)
def test_bad_credentials(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        OneScp(**kwargs)


@pytest.mark.parametrize(
    "url",
    ["http://localhost:8080", "http://127.0.0.1:9000/", "http://127.5.0.1", "http://[::1]:80"],
)
def test_plain_http_is_fine_on_loopback(url: str) -> None:
    assert OneScp(api_key="k", base_url=url).base_url == url.rstrip("/")


def test_plain_http_elsewhere_is_refused_unless_allowed() -> None:
    with pytest.raises(InvalidRequestError, match=r"refusing the plain http:// base URL") as caught:
        OneScp(api_key="k", base_url="http://api.onescp.com")
    assert "allow_insecure_http=True" in str(caught.value)
    client = OneScp(api_key="k", base_url="http://api.onescp.com", allow_insecure_http=True)
    assert client.base_url == "http://api.onescp.com"
    assert client.with_options(base_url="http://10.0.0.5").base_url == "http://10.0.0.5"
    with pytest.raises(InvalidRequestError, match="plain http"):
        OneScp(api_key="k").with_options(base_url="http://api.onescp.com")
    with pytest.raises(InvalidRequestError, match="absolute http"):
        OneScp(api_key="k", base_url="ftp://api.onescp.com")


# -- authentication ----------------------------------------------------------------------------


def jwt_claims(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))  # type: ignore[no-any-return]


async def test_api_key_is_a_bearer_token(
    mode: Mode, sandbox: OneScpSandbox, client: OneScp
) -> None:
    await mode(client.orders.retrieve(ORDER))
    assert len(sandbox.requests) == 1
    request = last(sandbox)
    assert request.header("authorization") == f"Bearer {API_KEY}"
    assert request.header("accept") == "application/json"
    assert request.header("user-agent").startswith("supplychain-sdk/")


async def test_login_before_the_first_call_then_token_reuse(
    mode: Mode, sandbox: OneScpSandbox, clock: Clock
) -> None:
    client = make_client(mode, sandbox, email=EMAIL, password=PASSWORD)
    await mode(client.orders.retrieve(ORDER))
    await mode(client.orders.retrieve(ORDER))
    login, first, second = sandbox.requests
    assert (login.method, login.path) == ("POST", "/api/auth/login")
    assert login.header("authorization") is None
    assert sent(login) == {"email": EMAIL, "password": PASSWORD}
    token = first.header("authorization")[7:]
    assert second.header("authorization") == f"Bearer {token}"
    claims = jwt_claims(token)
    assert claims["sub"] == OneScpSandbox.USER_ID
    assert claims["exp"] == int(clock.now) + 3600
    assert client.auth.user == User(
        id=OneScpSandbox.USER_ID,
        name="John Doe",
        email=EMAIL,
        role="buyer",
        company_id=OneScpSandbox.BUYER_COMPANY_ID,
    )


async def test_explicit_login_returns_the_user_and_keeps_the_token(
    mode: Mode, sandbox: OneScpSandbox
) -> None:
    client = make_client(mode, sandbox, email=EMAIL, password=PASSWORD)
    user = await mode(client.auth.login())
    assert isinstance(user, User)
    assert (user.id, user.name, user.role) == (OneScpSandbox.USER_ID, "John Doe", "buyer")
    (login,) = sandbox.requests
    assert (login.method, login.path, sent(login)) == (
        "POST",
        "/api/auth/login",
        {"email": EMAIL, "password": PASSWORD},
    )
    assert login.header("authorization") is None
    assert client.rate_limit == RateLimit(limit=100, remaining=99, reset=int(sandbox._clock()) + 60)
    await mode(client.orders.retrieve(ORDER))
    assert [r.path for r in sandbox.requests] == ["/api/auth/login", f"/api/purchase-order/{ORDER}"]
    token = sandbox.requests[1].header("authorization")[7:]
    assert sandbox.tokens[token][0] == OneScpSandbox.USER_ID


async def test_login_refused(mode: Mode, sandbox: OneScpSandbox) -> None:
    client = make_client(mode, sandbox, email=EMAIL, password="wrong-canary")
    with pytest.raises(AuthenticationError) as caught:
        await mode(client.orders.retrieve(ORDER))
    assert caught.value.code == "AUTH_INVALID"
    assert "token request refused: Invalid email or password" in str(caught.value)
    assert "wrong-canary" not in str(caught.value)
    with pytest.raises(AuthenticationError, match="Invalid email or password") as again:
        await mode(client.auth.login())
    assert again.value.code == "AUTH_INVALID"


async def test_login_needs_credentials(mode: Mode, sandbox: OneScpSandbox, client: OneScp) -> None:
    with pytest.raises(InvalidRequestError, match="needs a client made with email= and password="):
        await mode(client.auth.login())
    assert client.auth.user is None
    assert sandbox.requests == []


async def test_expired_token_is_renewed_once_on_401(mode: Mode, sandbox: OneScpSandbox) -> None:
    client = make_client(mode, sandbox, email=EMAIL, password=PASSWORD)
    await mode(client.orders.retrieve(ORDER))
    sandbox.expire_tokens()
    order = await mode(client.orders.retrieve(ORDER))
    assert order.id == ORDER
    assert [(r.method, r.path) for r in sandbox.requests] == [
        ("POST", "/api/auth/login"),
        ("GET", f"/api/purchase-order/{ORDER}"),
        ("GET", f"/api/purchase-order/{ORDER}"),
        ("POST", "/api/auth/login"),
        ("GET", f"/api/purchase-order/{ORDER}"),
    ]
    assert sandbox.requests[2].header("authorization") != sandbox.requests[4].header(
        "authorization"
    )


async def test_token_is_renewed_before_its_exp(mode: Mode, clock: Clock) -> None:
    sandbox = OneScpSandbox(clock=clock, token_lifetime=20)  # below the 30 s renewal leeway
    client = make_client(mode, sandbox, email=EMAIL, password=PASSWORD)
    client.config.auth._clock = clock  # the flow reads expiry on the sandbox's time
    await mode(client.orders.retrieve(ORDER))
    clock.advance(15)  # still valid for 5 s: inside the renewal margin
    await mode(client.orders.retrieve(ORDER))
    assert [r.path for r in sandbox.requests].count("/api/auth/login") == 2


async def test_static_token_and_bad_token(mode: Mode, sandbox: OneScpSandbox) -> None:
    token, _ = sandbox._jwt(OneScpSandbox.USER_ID)
    sandbox.tokens[token] = (OneScpSandbox.USER_ID, sandbox._clock() + 60)
    client = make_client(mode, sandbox, token=token)
    await mode(client.orders.retrieve(ORDER))
    assert last(sandbox).header("authorization") == f"Bearer {token}"
    bad = make_client(mode, sandbox, token="not-a-token")
    with pytest.raises(AuthenticationError) as caught:
        await mode(bad.orders.retrieve(ORDER))
    assert (caught.value.code, caught.value.error_message) == (
        "AUTH_INVALID",
        "Invalid or expired token",
    )


# -- envelopes and errors ----------------------------------------------------------------------


async def test_error_body_maps_code_field_and_details(
    mode: Mode, sandbox: OneScpSandbox, client: OneScp
) -> None:
    with pytest.raises(BadRequestError) as caught:
        await mode(client.request("POST", "/api/items", json={"name": "no number"}))
    err = caught.value
    assert (err.status_code, err.code, err.error_message) == (
        400,
        "VALIDATION_ERROR",
        "itemNumber is required",
    )
    assert err.field_errors == {"itemNumber": ["itemNumber is required"]}
    assert err.details == {"timestamp": sandbox._iso(int(sandbox._clock() * 1000))}
    assert str(err) == (
        f"400 Bad Request from POST {sandbox.base_url}/api/items: itemNumber is required "
        "(VALIDATION_ERROR) [itemNumber: itemNumber is required]"
    )
    with pytest.raises(ConflictError) as duplicate:
        await mode(client.items.create(item_number="ITEM-001"))
    assert duplicate.value.code == "DUPLICATE_ENTRY"
    assert duplicate.value.field_errors == {"itemNumber": ["itemNumber ITEM-001 exists"]}
    assert duplicate.value.details["details"] == "itemNumber ITEM-001 exists"


@pytest.mark.parametrize(
    ("code", "error_class", "status"),
    [
        ("NOT_FOUND", NotFoundError, 404),
        ("PERMISSION_DENIED", PermissionDeniedError, 403),
        ("AUTH_INVALID", AuthenticationError, 401),
        ("DUPLICATE_ENTRY", ConflictError, 409),
        ("VALIDATION_ERROR", BadRequestError, 400),
        ("SERVER_ERROR", InternalServerError, 500),
        ("SOMETHING_NEW", BadRequestError, 400),
    ],
)
async def test_success_false_with_200_is_an_error(
    mode: Mode,
    sandbox: OneScpSandbox,
    client: OneScp,
    code: str,
    error_class: type[Exception],
    status: int,
) -> None:
    body = {"success": False, "message": "Nope", "error": {"code": code, "field": "x"}}
    sandbox.faults.add(Fault("status", status=200, body=body))
    with pytest.raises(error_class) as caught:
        await mode(client.orders.retrieve(ORDER))
    err = caught.value
    assert (err.status_code, err.code, err.error_message) == (status, code, "Nope")  # type: ignore[attr-defined]
    assert err.field_errors == {"x": ["Nope"]}  # type: ignore[attr-defined]
    assert len(sandbox.requests) == 1  # an error envelope is not retried


async def test_plain_string_error_and_data_envelope(
    mode: Mode, sandbox: OneScpSandbox, client: OneScp
) -> None:
    sandbox.faults.add(
        Fault("status", status=200, body={"success": False, "error": "Detailed information"})
    )
    with pytest.raises(BadRequestError) as caught:
        await mode(client.orders.retrieve(ORDER))
    assert caught.value.error_message == "Detailed information"
    assert caught.value.details == {"details": "Detailed information"}
    # The overview's generic success shape: {"success": true, "data": {...}}
    sandbox.faults.add(
        Fault("status", status=200, body={"success": True, "data": {"_id": ORDER, "status": "x"}})
    )
    order = await mode(client.orders.retrieve(ORDER))
    assert order == Order(id=ORDER, status="x")
    assert not order.status.is_known  # type: ignore[union-attr]


async def test_answer_without_the_entity_is_a_decode_error(
    mode: Mode, sandbox: OneScpSandbox, client: OneScp
) -> None:
    from supplychain_sdk import ResponseDecodeError

    sandbox.faults.add(Fault("status", status=200, body={"success": True}))
    with pytest.raises(ResponseDecodeError, match="the answer has no 'order'"):
        await mode(client.orders.retrieve(ORDER))


# -- rate limits and retries -------------------------------------------------------------------


def clock_sleeper(mode: Mode, clock: Clock) -> Any:
    """A sleeper that moves the sandbox clock, so waiting out a rate limit really helps."""
    if mode.is_async:

        async def sleep(seconds: float) -> None:
            mode.sleeps.append(seconds)
            clock.advance(seconds)

        return sleep

    def sync_sleep(seconds: float) -> None:
        mode.sleeps.append(seconds)
        clock.advance(seconds)

    return sync_sleep


async def test_rate_limit_headers_are_readable(
    mode: Mode, sandbox: OneScpSandbox, client: OneScp, clock: Clock
) -> None:
    assert client.rate_limit is None
    await mode(client.orders.retrieve(ORDER))
    await mode(client.orders.retrieve(ORDER))
    limit = client.rate_limit
    assert limit == RateLimit(limit=100, remaining=98, reset=int(clock.now) + 60)
    assert limit is not None
    assert limit.reset_at is not None
    assert limit.reset_at.timestamp() == int(clock.now) + 60


@pytest.mark.parametrize("value", ["inf", "1e400", "-inf", "nan", "lots"])
async def test_odd_rate_limit_headers_read_as_unknown(mode: Mode, value: str) -> None:
    import respx

    client = OneScp(api_key="k", base_url="https://onescp.example.test", max_retries=0)
    if mode.is_async:
        client = AsyncOneScp(api_key="k", base_url="https://onescp.example.test", max_retries=0)
    headers = {"X-RateLimit-Limit": value, "X-RateLimit-Remaining": "3", "X-RateLimit-Reset": value}
    body = {"success": True, "order": {"_id": ORDER}}
    with respx.mock(base_url="https://onescp.example.test") as router:
        router.get(f"/api/purchase-order/{ORDER}").respond(200, json=body, headers=headers)
        await mode(client.orders.retrieve(ORDER))
    assert client.rate_limit == RateLimit(limit=None, remaining=3, reset=None)
    await mode(client.close())


async def test_429_waits_by_the_body_retry_after_then_succeeds(mode: Mode, clock: Clock) -> None:
    sandbox = OneScpSandbox(clock=clock, rate_limit=2, rate_window=5)
    client = make_client(mode, sandbox)
    client._sleep = clock_sleeper(mode, clock)
    for _ in range(3):
        await mode(client.orders.retrieve(ORDER))
    assert [r.path for r in sandbox.requests] == [f"/api/purchase-order/{ORDER}"] * 4
    assert mode.sleeps == [5.0]  # error.retryAfter of the 429 body (no Retry-After header)
    assert client.rate_limit == RateLimit(limit=2, remaining=1, reset=int(clock.now) + 5)


async def test_429_longer_than_the_cap_raises_at_once(mode: Mode, clock: Clock) -> None:
    sandbox = OneScpSandbox(clock=clock, rate_limit=1)
    client = make_client(mode, sandbox)
    await mode(client.orders.retrieve(ORDER))
    with pytest.raises(RateLimitError) as caught:
        await mode(client.orders.retrieve(ORDER))
    err = caught.value
    assert (err.code, err.error_message, err.retry_after) == (
        "RATE_LIMIT_EXCEEDED",
        "Rate limit exceeded",
        60.0,
    )
    assert err.details["retryAfter"] == 60
    assert mode.sleeps == []
    assert err.response is not None
    assert err.response.header("x-ratelimit-remaining") == "0"


@pytest.mark.parametrize(
    ("headers", "body_wait", "expected"),
    [
        ({"Retry-After": "3"}, 7, 3.0),  # the header first
        ({}, 7, 7.0),  # then error.retryAfter
        ({"X-RateLimit-Reset": "4"}, None, 4.0),  # then X-RateLimit-Reset
    ],
)
async def test_wait_order_retry_after_then_body_then_reset(
    mode: Mode,
    sandbox: OneScpSandbox,
    client: OneScp,
    headers: dict[str, str],
    body_wait: int | None,
    expected: float,
) -> None:
    error: dict[str, Any] = {"code": "RATE_LIMIT_EXCEEDED"}
    if body_wait is not None:
        error["retryAfter"] = body_wait
    body = {"success": False, "message": "Rate limit exceeded", "error": error}
    sandbox.faults.add(Fault("status", status=429, headers=headers, body=body))
    await mode(client.orders.retrieve(ORDER))
    assert mode.sleeps == [expected]


async def test_reads_and_puts_are_retried_posts_are_not(
    mode: Mode, sandbox: OneScpSandbox, client: OneScp
) -> None:
    sandbox.faults.statuses([503, 502], method="GET")
    await mode(client.orders.retrieve(ORDER))
    assert len(sandbox.requests) == 3
    sandbox.requests.clear()
    sandbox.faults.statuses([503], method="PUT")
    await mode(client.orders.update(ORDER, notes="again"))
    assert [r.method for r in sandbox.requests] == ["PUT", "PUT"]
    sandbox.requests.clear()
    sandbox.faults.statuses([503], method="POST")
    with pytest.raises(InternalServerError):
        await mode(client.orders.create(supplier={"name": "ABC"}))
    assert [r.method for r in sandbox.requests] == ["POST"]
    sandbox.requests.clear()
    sandbox.faults.statuses([503], method="PATCH")
    with pytest.raises(InternalServerError):
        await mode(client.shipments.update_status("b00000000000000000000001", "delivered"))
    assert [r.method for r in sandbox.requests] == ["PATCH"]
