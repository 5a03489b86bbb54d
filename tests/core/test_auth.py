"""Auth flows: bearer, OAuth2 client credentials, login-for-token, static headers."""

from __future__ import annotations

import asyncio
import base64
import json
import threading
from urllib.parse import parse_qs

import httpx
import pytest

from supplychain_sdk._core import (
    APITimeoutError,
    AuthenticationError,
    BearerAuth,
    HeaderAuth,
    InternalServerError,
    InvalidRequestError,
    LoginTokenAuth,
    OAuth2ClientCredentials,
    RateLimitError,
    SupplyChainError,
)
from supplychain_sdk._core.auth import jwt_expiry
from tests.conftest import Mode, mock

TOKEN_URL = "https://auth.example.test/oauth/token"


class Clock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def token_answer(value: str, expires_in: int = 3600) -> httpx.Response:
    return httpx.Response(
        200, json={"access_token": value, "token_type": "bearer", "expires_in": expires_in}
    )


def oauth(clock: Clock | None = None, **kwargs: object) -> OAuth2ClientCredentials:
    return OAuth2ClientCredentials(
        TOKEN_URL,
        "client-1",
        "s3cr3t-client",
        clock=clock or Clock(),
        **kwargs,  # type: ignore[arg-type]
    )


# -- bearer ------------------------------------------------------------------------------------


async def test_bearer_static_token(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/a").respond(200, json={})
        client = mode.client(auth=BearerAuth("tok-1"))
        await mode(client.request("GET", "/a"))
        assert route.calls.last.request.headers["Authorization"] == "Bearer tok-1"


async def test_bearer_sync_provider_runs_off_the_event_loop(mode: Mode) -> None:
    threads: list[threading.Thread] = []

    def provider() -> str:
        threads.append(threading.current_thread())
        return "tok-from-provider"

    with mock() as router:
        route = router.get("/a").respond(200, json={})
        client = mode.client(auth=BearerAuth(provider))
        await mode(client.request("GET", "/a"))
        assert route.calls.last.request.headers["Authorization"] == "Bearer tok-from-provider"
    if mode.is_async:
        assert threads[0] is not threading.main_thread()
    else:
        assert threads[0] is threading.current_thread()


async def test_bearer_async_provider() -> None:
    async def provider() -> str:
        await asyncio.sleep(0)
        return "async-tok"

    mode = Mode("async")
    with mock() as router:
        route = router.get("/a").respond(200, json={})
        client = mode.client(auth=BearerAuth(provider))
        await client.request("GET", "/a")
        assert route.calls.last.request.headers["Authorization"] == "Bearer async-tok"


def test_bearer_async_provider_refused_by_sync_client() -> None:
    async def provider() -> str:
        return "x"

    with mock() as router:
        route = router.get("/a").respond(200, json={})
        client = Mode("sync").client(auth=BearerAuth(provider))
        with pytest.raises(InvalidRequestError, match="async token provider"):
            client.request("GET", "/a")
        assert not route.called


@pytest.mark.parametrize("bad", ["", "   "])
def test_bearer_empty_token_refused(bad: str) -> None:
    with pytest.raises(InvalidRequestError, match="empty"):
        BearerAuth(bad)


def test_bearer_provider_returning_empty_refused_before_sending() -> None:
    with mock() as router:
        route = router.get("/a").respond(200, json={})
        client = Mode("sync").client(auth=BearerAuth(lambda: ""))
        with pytest.raises(InvalidRequestError, match="empty"):
            client.request("GET", "/a")
        assert not route.called


# -- OAuth2 client credentials --------------------------------------------------------------


async def test_oauth_basic_request_shape_and_caching(mode: Mode) -> None:
    auth = oauth(scope=["read", "write"], extra_params={"audience": "wms"})
    with mock() as router:
        token = router.post(TOKEN_URL).mock(return_value=token_answer("at-1"))
        api = router.get("/a").respond(200, json={})
        client = mode.client(auth=auth)
        for _ in range(3):
            await mode(client.request("GET", "/a"))
        assert token.call_count == 1
        sent = token.calls.last.request
        expected_basic = base64.b64encode(b"client-1:s3cr3t-client").decode()
        assert sent.headers["Authorization"] == f"Basic {expected_basic}"
        assert sent.headers["Content-Type"] == "application/x-www-form-urlencoded"
        assert parse_qs(sent.content.decode()) == {
            "grant_type": ["client_credentials"],
            "scope": ["read write"],
            "audience": ["wms"],
        }
        assert all(c.request.headers["Authorization"] == "Bearer at-1" for c in api.calls)


async def test_oauth_client_secret_post(mode: Mode) -> None:
    auth = oauth(auth_method="client_secret_post")
    with mock() as router:
        token = router.post(TOKEN_URL).mock(return_value=token_answer("at-1"))
        router.get("/a").respond(200, json={})
        await mode(mode.client(auth=auth).request("GET", "/a"))
        sent = token.calls.last.request
        assert "Authorization" not in sent.headers
        assert parse_qs(sent.content.decode()) == {
            "grant_type": ["client_credentials"],
            "client_id": ["client-1"],
            "client_secret": ["s3cr3t-client"],
        }


async def test_oauth_relative_token_url_joins_base(mode: Mode) -> None:
    auth = OAuth2ClientCredentials("/uaa/oauth/token", "id", "secret")
    with mock() as router:
        token = router.post("/uaa/oauth/token").mock(return_value=token_answer("at"))
        router.get("/a").respond(200, json={})
        await mode(mode.client(auth=auth).request("GET", "/a"))
        assert token.call_count == 1


async def test_oauth_renews_ahead_of_expiry_with_leeway(mode: Mode) -> None:
    clock = Clock()
    auth = oauth(clock, leeway=30)
    with mock() as router:
        token = router.post(TOKEN_URL).mock(
            side_effect=[token_answer("at-1", 100), token_answer("at-2", 100)]
        )
        api = router.get("/a").respond(200, json={})
        client = mode.client(auth=auth)
        await mode(client.request("GET", "/a"))
        clock.now += 69  # 31 s left: still valid
        await mode(client.request("GET", "/a"))
        clock.now += 2  # 29 s left: inside the leeway, renewed
        await mode(client.request("GET", "/a"))
        assert token.call_count == 2
        assert [c.request.headers["Authorization"] for c in api.calls] == [
            "Bearer at-1",
            "Bearer at-1",
            "Bearer at-2",
        ]


async def test_oauth_401_renews_once_and_replays_once(mode: Mode) -> None:
    auth = oauth()
    with mock() as router:
        token = router.post(TOKEN_URL).mock(
            side_effect=[token_answer("stale"), token_answer("fresh")]
        )
        api = router.get("/a").mock(
            side_effect=[httpx.Response(401, json={}), httpx.Response(200, json={"ok": True})]
        )
        result = await mode(mode.client(auth=auth).request("GET", "/a"))
        assert result == {"ok": True}
        assert token.call_count == 2
        assert [c.request.headers["Authorization"] for c in api.calls] == [
            "Bearer stale",
            "Bearer fresh",
        ]


async def test_oauth_persistent_401_raises_after_one_replay(mode: Mode) -> None:
    auth = oauth()
    with mock() as router:
        token = router.post(TOKEN_URL).mock(side_effect=[token_answer("t1"), token_answer("t2")])
        api = router.get("/a").respond(401, json={"message": "nope"})
        with pytest.raises(AuthenticationError) as caught:
            await mode(mode.client(auth=auth).request("GET", "/a"))
        assert caught.value.status_code == 401
        assert token.call_count == 2
        assert api.call_count == 2


async def test_oauth_token_endpoint_refusal_is_typed_and_secret_free(mode: Mode) -> None:
    auth = oauth()
    with mock() as router:
        router.post(TOKEN_URL).respond(
            401, json={"error": "invalid_client", "error_description": "Bad client credentials"}
        )
        api = router.get("/a").respond(200, json={})
        with pytest.raises(AuthenticationError) as caught:
            await mode(mode.client(auth=auth).request("GET", "/a"))
        assert not api.called
    err = caught.value
    assert err.code == "invalid_client"
    assert "Bad client credentials" in str(err)
    assert "s3cr3t-client" not in str(err)
    assert "s3cr3t-client" not in repr(err.__dict__)


async def test_oauth_token_answer_without_token_is_an_auth_error(mode: Mode) -> None:
    with mock() as router:
        router.post(TOKEN_URL).respond(200, json={"token_type": "bearer"})
        router.get("/a").respond(200, json={})
        with pytest.raises(AuthenticationError, match="could not be read"):
            await mode(mode.client(auth=oauth()).request("GET", "/a"))


async def test_oauth_one_token_request_for_20_concurrent_tasks() -> None:
    mode = Mode("async")
    auth = oauth()
    with mock() as router:

        async def slow_token(request: httpx.Request) -> httpx.Response:
            await asyncio.sleep(0.05)
            return token_answer("shared")

        token = router.post(TOKEN_URL).mock(side_effect=slow_token)
        api = router.get("/a").respond(200, json={})
        client = mode.client(auth=auth)
        await asyncio.gather(*(client.request("GET", "/a") for _ in range(20)))
        assert token.call_count == 1
        assert api.call_count == 20
        assert {c.request.headers["Authorization"] for c in api.calls} == {"Bearer shared"}


def test_oauth_one_token_request_for_8_threads() -> None:
    import time

    mode = Mode("sync")
    auth = oauth()
    barrier = threading.Barrier(8)
    with mock() as router:

        def slow_token(request: httpx.Request) -> httpx.Response:
            time.sleep(0.05)
            return token_answer("shared")

        token = router.post(TOKEN_URL).mock(side_effect=slow_token)
        api = router.get("/a").respond(200, json={})
        client = mode.client(auth=auth)
        errors: list[BaseException] = []

        def work() -> None:
            barrier.wait()
            try:
                client.request("GET", "/a")
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert token.call_count == 1
        assert api.call_count == 8


def test_oauth_validates_arguments() -> None:
    with pytest.raises(InvalidRequestError, match="client_secret"):
        OAuth2ClientCredentials(TOKEN_URL, "id", "")
    with pytest.raises(InvalidRequestError, match="auth_method"):
        OAuth2ClientCredentials(TOKEN_URL, "id", "s", auth_method="magic")  # type: ignore[arg-type]
    with pytest.raises(InvalidRequestError, match="leeway"):
        OAuth2ClientCredentials(TOKEN_URL, "id", "s", leeway=-1)


def test_oauth_repr_hides_secret() -> None:
    auth = oauth()
    assert "s3cr3t-client" not in repr(auth)
    assert "client-1" in repr(auth)


# -- login for token ------------------------------------------------------------------------


def make_jwt(exp: int) -> str:
    def seg(data: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    return f"{seg({'alg': 'HS256'})}.{seg({'sub': 'u1', 'exp': exp})}.sig"


async def test_login_posts_credentials_and_uses_token(mode: Mode) -> None:
    auth = LoginTokenAuth(
        "/api/auth/login", {"email": "a@b.c", "password": "pw-123"}, clock=Clock()
    )
    with mock() as router:
        login = router.post("/api/auth/login").respond(
            200, json={"success": True, "token": "jwt-1", "user": {"id": "u1"}}
        )
        api = router.get("/a").respond(200, json={})
        client = mode.client(auth=auth)
        await mode(client.request("GET", "/a"))
        await mode(client.request("GET", "/a"))
        assert login.call_count == 1
        assert json.loads(login.calls.last.request.content) == {
            "email": "a@b.c",
            "password": "pw-123",
        }
        assert api.calls.last.request.headers["Authorization"] == "Bearer jwt-1"
        assert auth.last_login["user"] == {"id": "u1"}
    assert "pw-123" not in repr(auth)


async def test_login_reads_jwt_expiry_and_renews(mode: Mode) -> None:
    clock = Clock(1_000_000)
    first, second = make_jwt(1_000_100), make_jwt(1_000_500)
    auth = LoginTokenAuth("/login", {"email": "e", "password": "p"}, leeway=10, clock=clock)
    with mock() as router:
        login = router.post("/login").mock(
            side_effect=[
                httpx.Response(200, json={"token": first}),
                httpx.Response(200, json={"token": second}),
            ]
        )
        api = router.get("/a").respond(200, json={})
        client = mode.client(auth=auth)
        await mode(client.request("GET", "/a"))
        clock.now += 95  # 5 s before exp, inside the 10 s leeway
        await mode(client.request("GET", "/a"))
        assert login.call_count == 2
        assert api.calls.last.request.headers["Authorization"] == f"Bearer {second}"


async def test_login_nested_token_field_and_401_rule(mode: Mode) -> None:
    auth = LoginTokenAuth(
        "/login",
        {"email": "e", "password": "p"},
        token_field="data.token",
        expires_in_field="data.expiresIn",
    )
    with mock() as router:
        login = router.post("/login").mock(
            side_effect=[
                httpx.Response(200, json={"data": {"token": "t1", "expiresIn": 3600}}),
                httpx.Response(200, json={"data": {"token": "t2", "expiresIn": 3600}}),
            ]
        )
        api = router.get("/a").mock(side_effect=[httpx.Response(401), httpx.Response(200)])
        await mode(mode.client(auth=auth).request("GET", "/a"))
        assert login.call_count == 2
        assert [c.request.headers["Authorization"] for c in api.calls] == [
            "Bearer t1",
            "Bearer t2",
        ]


async def test_login_refused_is_authentication_error(mode: Mode) -> None:
    auth = LoginTokenAuth("/login", {"email": "e", "password": "p"})
    with mock() as router:
        router.post("/login").respond(
            401, json={"message": "Invalid credentials", "error": {"code": "AUTH_INVALID"}}
        )
        with pytest.raises(AuthenticationError, match="Invalid credentials") as caught:
            await mode(mode.client(auth=auth).request("GET", "/a"))
    assert caught.value.code == "AUTH_INVALID"
    assert str(caught.value).endswith("token request refused: Invalid credentials (AUTH_INVALID)")


def test_login_validates_credentials() -> None:
    with pytest.raises(InvalidRequestError, match="password"):
        LoginTokenAuth("/login", {"email": "e", "password": ""})


def test_jwt_expiry() -> None:
    assert jwt_expiry(make_jwt(123)) == 123.0
    assert jwt_expiry("not-a-jwt") is None
    assert jwt_expiry("a.b.c") is None


# -- header auth ----------------------------------------------------------------------------


async def test_header_auth_reaches_token_request_too(mode: Mode) -> None:
    auth = HeaderAuth({"Accept-Version": "1"}, oauth())
    with mock() as router:
        token = router.post(TOKEN_URL).mock(return_value=token_answer("t"))
        api = router.get("/a").respond(200, json={})
        await mode(mode.client(auth=auth).request("GET", "/a"))
        assert token.calls.last.request.headers["Accept-Version"] == "1"
        assert api.calls.last.request.headers["Accept-Version"] == "1"
        assert api.calls.last.request.headers["Authorization"] == "Bearer t"


async def test_header_auth_alone(mode: Mode) -> None:
    with mock() as router:
        api = router.get("/a").respond(200, json={})
        await mode(mode.client(auth=HeaderAuth({"X-Org-Id": "org-9"})).request("GET", "/a"))
        assert api.calls.last.request.headers["X-Org-Id"] == "org-9"
        assert "Authorization" not in api.calls.last.request.headers


def test_header_auth_refuses_empty_values() -> None:
    with pytest.raises(InvalidRequestError, match="X-Org-Id"):
        HeaderAuth({"X-Org-Id": ""})


async def test_login_answer_accepted_outside_the_flow(mode: Mode) -> None:
    auth = LoginTokenAuth("/login", {"email": "e", "password": "p"})
    assert auth.login_payload() == {"email": "e", "password": "p"}
    token = auth.accept({"token": "from-explicit-login"})
    assert token.value == "from-explicit-login"
    with mock() as router:
        login = router.post("/login").respond(200, json={"token": "other"})
        api = router.get("/a").respond(200, json={})
        await mode(mode.client(auth=auth).request("GET", "/a"))
        assert not login.called
        assert api.calls.last.request.headers["Authorization"] == "Bearer from-explicit-login"
    with pytest.raises(KeyError):
        auth.accept({"no": "token"})


# -- token requests: timeout, transient failures, short lifetimes, repeated revocation ----------


async def test_token_request_uses_the_client_timeout_and_per_call_timeout(mode: Mode) -> None:
    seen: list[object] = []

    def token(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions.get("timeout"))
        return token_answer(f"t{len(seen)}")

    auth = oauth()
    with mock() as router:
        router.post(TOKEN_URL).mock(side_effect=token)
        router.get("/a").respond(200, json={})
        client = mode.client(auth=auth, timeout=0.5)
        await mode(client.request("GET", "/a"))
        auth.invalidate()
        await mode(client.request("GET", "/a", timeout=0.25))
    assert seen == [
        {"connect": 0.5, "read": 0.5, "write": 0.5, "pool": 0.5},
        {"connect": 0.25, "read": 0.25, "write": 0.25, "pool": 0.25},
    ]


@pytest.mark.parametrize(("status", "wait"), [(503, "2"), (502, None), (429, "7")])
@pytest.mark.parametrize("method", ["GET", "POST"])
async def test_transient_token_failure_is_retried_for_any_call(
    mode: Mode, status: int, wait: str | None, method: str
) -> None:
    headers = {"Retry-After": wait} if wait else {}
    with mock() as router:
        token = router.post(TOKEN_URL).mock(
            side_effect=[httpx.Response(status, headers=headers), token_answer("t-ok")]
        )
        api = router.route(method=method, path="/a").respond(200, json={"ok": True})
        client = mode.client(auth=oauth())
        assert await mode(client.request(method, "/a", json={"n": 1})) == {"ok": True}
    assert token.call_count == 2
    assert api.call_count == 1  # the API request went out once, after the token
    assert api.calls.last.request.headers["Authorization"] == "Bearer t-ok"
    assert len(mode.sleeps) == 1
    if wait:
        assert mode.sleeps == [float(wait)]


async def test_token_endpoint_down_gives_a_typed_error_naming_the_token_request(
    mode: Mode,
) -> None:
    with mock() as router:
        token = router.post(TOKEN_URL).respond(503, json={"error": "temporarily_unavailable"})
        api = router.get("/a").respond(200, json={})
        with pytest.raises(InternalServerError) as caught:
            await mode(mode.client(auth=oauth(), max_retries=2).request("GET", "/a"))
    assert token.call_count == 3
    assert not api.called
    assert caught.value.token_request is True
    assert caught.value.url == TOKEN_URL
    assert len(mode.sleeps) == 2


async def test_token_endpoint_retry_after_beyond_the_cap_is_not_waited(mode: Mode) -> None:
    with mock() as router:
        token = router.post(TOKEN_URL).respond(429, headers={"Retry-After": "600"})
        with pytest.raises(RateLimitError) as caught:
            await mode(mode.client(auth=oauth(), max_retry_wait=30).request("GET", "/a"))
    assert token.call_count == 1
    assert caught.value.retry_after == 600.0
    assert mode.sleeps == []


async def test_token_connection_failure_is_retried_even_for_a_post(mode: Mode) -> None:
    with mock() as router:
        token = router.post(TOKEN_URL).mock(
            side_effect=[httpx.ConnectError("refused"), token_answer("t-ok")]
        )
        api = router.post("/orders").respond(201, json={"id": "o1"})
        got = await mode(mode.client(auth=oauth()).request("POST", "/orders", json={}))
    assert got == {"id": "o1"}
    assert (token.call_count, api.call_count) == (2, 1)


async def test_token_timeout_error_names_the_token_request(mode: Mode) -> None:
    with mock() as router:
        router.post(TOKEN_URL).mock(side_effect=httpx.ConnectTimeout("slow"))
        api = router.post("/orders").respond(201, json={})
        with pytest.raises(APITimeoutError) as caught:
            await mode(mode.client(auth=oauth(), max_retries=0).request("POST", "/orders"))
    assert not api.called
    assert caught.value.token_request is True
    assert caught.value.retryable is True
    assert str(caught.value) == f"ConnectTimeout during the token request POST {TOKEN_URL}"


async def test_short_lived_token_is_not_fetched_on_every_call(mode: Mode) -> None:
    clock = Clock()
    auth = oauth(clock, leeway=30)  # the token lives 20 s: less than the leeway
    with mock() as router:
        token = router.post(TOKEN_URL).mock(
            side_effect=[token_answer("t1", 20), token_answer("t2", 20)]
        )
        router.get("/a").respond(200, json={})
        client = mode.client(auth=auth)
        for _ in range(217):
            await mode(client.request("GET", "/a"))
        assert token.call_count == 1  # was 217: renewed on every call
        clock.now += 9.9  # renewal margin is min(30, 20 / 2) = 10 s
        await mode(client.request("GET", "/a"))
        assert token.call_count == 1
        clock.now += 0.2
        await mode(client.request("GET", "/a"))
        assert token.call_count == 2


def test_renewal_margin_is_capped_at_half_the_lifetime() -> None:
    from supplychain_sdk._core.auth import Token

    assert Token("t", expires_at=120.0, obtained_at=100.0).renew_at(30) == 110.0
    assert Token("t", expires_at=3700.0, obtained_at=100.0).renew_at(30) == 3670.0
    assert Token("t", expires_at=3700.0).renew_at(30) == 3670.0
    assert Token("t").renew_at(30) is None


async def test_replay_uses_a_newer_token_another_caller_fetched(mode: Mode) -> None:
    from supplychain_sdk._core.auth import Token

    auth = oauth()
    calls: list[str] = []

    def api(request: httpx.Request) -> httpx.Response:
        calls.append(request.headers["Authorization"])
        if len(calls) == 2:  # while this replay is in flight, another caller renews again
            auth._token = Token("t3", expires_at=Clock().now + 3600, obtained_at=Clock().now)
        return httpx.Response(401 if len(calls) < 3 else 200, json={})

    with mock() as router:
        token = router.post(TOKEN_URL).mock(side_effect=[token_answer("t1"), token_answer("t2")])
        router.get("/a").mock(side_effect=api)
        await mode(mode.client(auth=auth).request("GET", "/a"))
    assert calls == ["Bearer t1", "Bearer t2", "Bearer t3"]
    assert token.call_count == 2


class RevokingServer:
    """An API that revokes every token at once when the current token has served its quota
    of successful requests (``quotas``: one per revocation)."""

    def __init__(self, quotas: tuple[int, ...]) -> None:
        self.quotas = list(quotas)
        self.valid: set[str] = set()
        self.served = 0  # successes of the current token
        self.issued = 0
        self.api_requests = 0
        self.lock = threading.Lock()

    def token(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            self.issued += 1
            value = f"tok-{self.issued}"
            self.valid.add(value)
            self.served = 0
        return token_answer(value)

    def api(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            self.api_requests += 1
            ok = request.headers["Authorization"].removeprefix("Bearer ") in self.valid
            if ok:
                self.served += 1
                if self.quotas and self.served >= self.quotas[0]:
                    self.quotas.pop(0)
                    self.valid.clear()  # revoked: every later request with it gets a 401
        return httpx.Response(200 if ok else 401, json={"ok": ok})


async def test_token_revoked_twice_under_1129_concurrent_tasks() -> None:
    server = RevokingServer(quotas=(200, 150))
    mode = Mode("async")

    async def api(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(0)  # let the other tasks interleave
        return server.api(request)

    with mock() as router:
        router.post(TOKEN_URL).mock(side_effect=server.token)
        router.get("/a").mock(side_effect=api)
        client = mode.client(auth=oauth())
        results = await asyncio.gather(
            *(client.request("GET", "/a") for _ in range(1129)), return_exceptions=True
        )
    failed = [r for r in results if isinstance(r, BaseException)]
    assert failed == []  # renew once, replay once: 660 of 1129 failed
    assert server.issued == 3  # the first token and one per revocation
    assert server.quotas == []  # both revocations happened


def test_token_revoked_twice_under_64_threads() -> None:
    import time
    from concurrent.futures import ThreadPoolExecutor

    server = RevokingServer(quotas=(100, 5))
    mode = Mode("sync")

    def api(request: httpx.Request) -> httpx.Response:
        time.sleep(0)  # yield the GIL: let the other threads interleave
        return server.api(request)

    with mock() as router:
        router.post(TOKEN_URL).mock(side_effect=server.token)
        router.get("/a").mock(side_effect=api)
        client = mode.client(auth=oauth())

        def call(_: int) -> object:
            try:
                return client.request("GET", "/a")
            except SupplyChainError as exc:
                return exc

        with ThreadPoolExecutor(64) as pool:
            results = list(pool.map(call, range(400)))
    assert [r for r in results if not isinstance(r, dict)] == []
    assert server.issued == 3
    assert server.quotas == []


async def test_a_renewed_token_refused_outright_is_not_renewed_again(mode: Mode) -> None:
    with mock() as router:
        token = router.post(TOKEN_URL).mock(
            side_effect=[token_answer("t1"), token_answer("t2"), token_answer("t3")]
        )
        api = router.get("/a").respond(401, json={})
        with pytest.raises(AuthenticationError):
            await mode(mode.client(auth=oauth()).request("GET", "/a"))
    assert (token.call_count, api.call_count) == (2, 2)
