"""Everyday friction: client options, environment variables, failed token requests, a quiet
logger, raw bodies, token leeway."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from supplychain_sdk import (
    APIConnectionError,
    AuthenticationError,
    InvalidRequestError,
    NotFoundError,
    OAuth2ClientCredentials,
    ResponseDecodeError,
    capture_responses,
)
from supplychain_sdk._core import _logging
from supplychain_sdk._core.options import OPTION_NAMES, client_config
from supplychain_sdk.cartoncloud import AsyncCartonCloud, CartonCloud
from supplychain_sdk.one_platform import AsyncOnePlatform, OnePlatform
from supplychain_sdk.onescp import AsyncOneScp, OneScp
from supplychain_sdk.pharus import AsyncPharus, Pharus
from supplychain_sdk.procuros import AsyncProcuros, Procuros
from tests.conftest import BASE, Mode, mock

ROOT = Path(__file__).resolve().parents[2]

#: Every platform client, sync and async, with the least it needs to be made.
CLIENTS: list[tuple[type[Any], dict[str, Any]]] = [
    (Procuros, {"api_token": "t"}),
    (AsyncProcuros, {"api_token": "t"}),
    (CartonCloud, {"client_id": "id", "client_secret": "s"}),
    (AsyncCartonCloud, {"client_id": "id", "client_secret": "s"}),
    (OneScp, {"api_key": "k"}),
    (AsyncOneScp, {"api_key": "k"}),
    (Pharus, {"token": "t", "base_url": BASE}),
    (AsyncPharus, {"token": "t", "base_url": BASE}),
    (OnePlatform, {"token": "t", "base_url": BASE}),
    (AsyncOnePlatform, {"token": "t", "base_url": BASE}),
]
IDS = [cls.__name__ for cls, _ in CLIENTS]


# -- 1. bad client options: typed errors naming the client ----------------------------------


@pytest.mark.parametrize(("cls", "base"), CLIENTS, ids=IDS)
def test_unknown_option_names_the_client_and_suggests(cls: type[Any], base: dict[str, Any]) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        cls(**base, retries=3)
    message = f"{cls.__name__}: unknown option 'retries' (did you mean 'max_retries'?)"
    assert str(caught.value) == message
    assert caught.value.field_errors == {"retries": [message]}


@pytest.mark.parametrize(("cls", "base"), CLIENTS, ids=IDS)
def test_wrong_type_names_the_client(cls: type[Any], base: dict[str, Any]) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        cls(**base, timeout="fast")
    assert str(caught.value) == (
        f"{cls.__name__}: timeout must be a number of seconds or a Timeout, got 'fast'"
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"timeout": 0}, "timeout must be a positive number of seconds (None: no limit), got 0"),
        ({"timeout": True}, "timeout must be a number of seconds or a Timeout, got True"),
        ({"max_retries": "3"}, "max_retries must be a whole number >= 0, got '3'"),
        ({"max_retries": 1.5}, "max_retries must be a whole number >= 0, got 1.5"),
        ({"max_retries": -1}, "max_retries must be a whole number >= 0, got -1"),
        ({"retry_budget": "1m"}, "retry_budget must be a number of seconds >= 0, got '1m'"),
        ({"max_retry_wait": -2}, "max_retry_wait must be a number of seconds >= 0, got -2"),
        ({"retry_non_idempotent": "yes"}, "retry_non_idempotent must be True or False, got 'yes'"),
        ({"default_headers": {"X-N": 1}}, "default_headers must map header names to string"),
        ({"app_info": "acme/1"}, "app_info must be a (name, version) pair, got 'acme/1'"),
        ({"limits": 10}, "limits must be a Limits(...), got 10"),
        ({"http_client": object()}, "http_client must be an httpx.Client or httpx.AsyncClient"),
        ({"verify": 1}, "verify must be True, a CA bundle path or an ssl.SSLContext, got 1"),
        ({"async_transport": 2}, "async_transport must be 'httpx' or 'aiohttp', got 2"),
        ({"route_overrides": [("a", "b")]}, "route_overrides must map operation names"),
        ({"max_entries": 3}, "unknown option 'max_entries'"),
    ],
)
def test_each_option_is_type_checked(options: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        Procuros("t", **options)
    assert str(caught.value).startswith(f"Procuros: {message}")
    assert list(caught.value.field_errors) == list(options)


def test_config_refusals_are_prefixed_with_the_client() -> None:
    with pytest.raises(InvalidRequestError) as caught:
        AsyncCartonCloud("id", "s", app_info=("a b", "1"))
    assert str(caught.value) == (
        "AsyncCartonCloud: app_info must be a (name, version) pair of non-empty strings "
        "without spaces or '/'"
    )
    with pytest.raises(InvalidRequestError, match=r"^Pharus: base_url must be an absolute"):
        Pharus(token="t", base_url="ftp://x")
    with pytest.raises(InvalidRequestError, match=r"^OneScp: base_url must be a URL string"):
        OneScp(api_key="k", base_url=42)  # type: ignore[arg-type]


def test_a_constructor_keyword_is_suggested_too() -> None:
    with pytest.raises(InvalidRequestError) as caught:
        CartonCloud("id", "s", tenant="x")  # type: ignore[call-arg]
    assert str(caught.value) == "CartonCloud: unknown option 'tenant' (did you mean 'tenant_id'?)"
    with pytest.raises(InvalidRequestError) as caught:
        Procuros("t", colour="red")  # type: ignore[call-arg]
    assert str(caught.value) == "Procuros: unknown option 'colour'"


@pytest.mark.parametrize(("cls", "base"), CLIENTS, ids=IDS)
def test_with_options_is_checked_the_same_way(cls: type[Any], base: dict[str, Any]) -> None:
    client = cls(**base)
    with pytest.raises(InvalidRequestError) as caught:
        client.with_options(retrys=1)
    assert str(caught.value) == (
        f"{cls.__name__}.with_options: unknown option 'retrys' (did you mean 'max_retries'?)"
    )
    with pytest.raises(InvalidRequestError, match=r"with_options: timeout must be a number"):
        client.with_options(timeout="slow")
    assert client.with_options(timeout=3).config.timeout.read == 3


def test_valid_options_still_make_the_config() -> None:
    client = Procuros("t", timeout=7, max_retries=0, default_headers={"X-A": "1"}, verify=True)
    assert (client.config.timeout.connect, client.config.max_retries) == (7, 0)
    assert client.config.default_headers == {"X-A": "1"}
    assert set(OPTION_NAMES) >= {"timeout", "max_retries", "route_overrides", "verify"}
    config = client_config(Procuros, base_url=BASE, timeout=None)
    assert config.timeout.read is None


# -- 2. the same environment variables on every platform ------------------------------------


@pytest.mark.parametrize("cls", [Procuros, AsyncProcuros])
def test_procuros_base_url_from_environment(
    cls: type[Procuros], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROCUROS_BASE_URL", " http://localhost:8080/ ")
    monkeypatch.setenv("PROCUROS_ENVIRONMENT", "staging")
    assert cls("t").base_url == "http://localhost:8080"  # wins over PROCUROS_ENVIRONMENT
    assert cls("t", base_url="https://proxy.test").base_url == "https://proxy.test"
    assert cls("t", environment="production").base_url == "https://api.procuros.io"
    monkeypatch.setenv("PROCUROS_BASE_URL", "")
    assert cls("t").base_url == "https://api.procuros-staging.io"


@pytest.mark.parametrize("cls", [CartonCloud, AsyncCartonCloud])
def test_cartoncloud_base_url_from_environment(
    cls: type[CartonCloud], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CARTONCLOUD_BASE_URL", "http://localhost:9090/")
    client = cls("id", "s")
    assert client.base_url == "http://localhost:9090"
    assert client.token_auth.token_url == "http://localhost:9090/uaa/oauth/token"
    explicit = cls("id", "s", base_url="https://cc.proxy.test")
    assert explicit.token_auth.token_url == "https://cc.proxy.test/uaa/oauth/token"
    monkeypatch.setenv("CARTONCLOUD_BASE_URL", "  ")
    assert cls("id", "s").base_url == "https://api.cartoncloud.com"


def test_every_platform_reads_its_base_url_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    for prefix in ("PROCUROS", "CARTONCLOUD", "ONESCP", "PHARUS", "ONE_PLATFORM"):
        monkeypatch.setenv(f"{prefix}_BASE_URL", f"http://localhost:7000/{prefix.lower()}")
    made = [
        Procuros("t"),
        CartonCloud("id", "s"),
        OneScp(api_key="k"),
        Pharus(token="t"),
        OnePlatform(token="t"),
    ]
    assert [c.base_url for c in made] == [
        "http://localhost:7000/procuros",
        "http://localhost:7000/cartoncloud",
        "http://localhost:7000/onescp",
        "http://localhost:7000/pharus",
        "http://localhost:7000/one_platform",
    ]


def test_unknown_log_level_warns_instead_of_being_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_logging, "_configured", False)
    monkeypatch.setenv("SUPPLYCHAIN_SDK_LOG", "verbose")
    handlers = list(_logging.logger.handlers)
    with pytest.warns(UserWarning, match="SUPPLYCHAIN_SDK_LOG") as caught:
        Procuros("t")
    assert [str(w.message) for w in caught] == [
        "SUPPLYCHAIN_SDK_LOG='verbose' is not a log level; use one of debug, info, warning, "
        "error (logging left unconfigured)"
    ]
    assert _logging.logger.handlers == handlers
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Procuros("t")  # read once per process: no second warning


def test_known_log_levels_configure_a_stderr_handler() -> None:
    code = (
        "import logging; from supplychain_sdk.procuros import Procuros; Procuros('t'); "
        "log = logging.getLogger('supplychain_sdk'); "
        "print(log.level, [type(h).__name__ for h in log.handlers])"
    )
    for value, level in (("WARNING", 30), ("error", 40), ("debug", 10)):
        env = {**os.environ, "SUPPLYCHAIN_SDK_LOG": value}
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        assert out.stdout.strip() == f"{level} ['NullHandler', 'StreamHandler']"
        assert out.stderr == ""


# -- 3. a failed token request says it was the token request --------------------------------


def _client_for(mode: Mode, sync: type[Any], async_: type[Any], **kwargs: Any) -> Any:
    client = (async_ if mode.is_async else sync)(**kwargs)
    client._sleep = mode.sleeper()
    return client


TOKEN_FLOWS = [
    (
        "cartoncloud",
        lambda mode: _client_for(
            mode, CartonCloud, AsyncCartonCloud, client_id="id", client_secret="s", base_url=BASE
        ),
        "/uaa/oauth/token",
    ),
    (
        "onescp",
        lambda mode: _client_for(
            mode, OneScp, AsyncOneScp, email="a@b.test", password="pw-secret", base_url=BASE
        ),
        "/api/auth/login",
    ),
    (
        "one_platform",
        lambda mode: _client_for(
            mode,
            OnePlatform,
            AsyncOnePlatform,
            base_url=BASE,
            oauth=OAuth2ClientCredentials("/oauth/token", "id", "client-secret-value"),
        ),
        "/oauth/token",
    ),
]


@pytest.mark.parametrize(
    ("name", "make", "token_path"), TOKEN_FLOWS, ids=[f[0] for f in TOKEN_FLOWS]
)
async def test_refused_token_request_is_named_not_the_api_call(
    mode: Mode, name: str, make: Any, token_path: str
) -> None:
    with mock() as router:
        router.post(token_path).respond(
            401, json={"error": "invalid_client", "error_description": "bad credentials"}
        )
        api = router.get("/v1/things").respond(200, json={})
        client = make(mode)
        with pytest.raises(AuthenticationError) as caught:
            await mode(client.request("GET", "/v1/things"))
    error = caught.value
    assert (error.method, error.url, error.token_request) == ("POST", BASE + token_path, True)
    assert str(error) == (
        f"401 Unauthorized from POST {BASE}{token_path}: token request refused: "
        "bad credentials (invalid_client)"
    )
    assert "/v1/things" not in str(error)
    assert not api.called
    assert "pw-secret" not in str(error)
    assert "client-secret-value" not in str(error)


@pytest.mark.parametrize(
    ("name", "make", "token_path"), TOKEN_FLOWS, ids=[f[0] for f in TOKEN_FLOWS]
)
async def test_unreachable_token_endpoint_is_named_not_the_api_call(
    mode: Mode, name: str, make: Any, token_path: str
) -> None:
    with mock() as router:
        router.post(token_path).mock(side_effect=httpx.ConnectError("refused"))
        api = router.get("/v1/things").respond(200, json={})
        client = make(mode).with_options(max_retries=0)
        with pytest.raises(APIConnectionError) as caught:
            await mode(client.request("GET", "/v1/things"))
    error = caught.value
    assert (error.method, error.url, error.token_request) == ("POST", BASE + token_path, True)
    assert str(error) == f"ConnectError: refused during the token request POST {BASE}{token_path}"
    assert not api.called


# -- 4. no stray stderr without logging configured ------------------------------------------


def test_the_sdk_logger_has_a_null_handler() -> None:
    # tests/examples.run_example also checks that every example leaves stderr empty
    handlers = logging.getLogger("supplychain_sdk").handlers
    assert any(isinstance(h, logging.NullHandler) for h in handlers)


# -- 5. raw bodies, kept only when asked ----------------------------------------------------


async def test_capture_with_bodies_keeps_content_text_and_json(mode: Mode) -> None:
    with mock() as router:
        router.get("/a").respond(200, json={"id": 1, "name": "Größe"})
        router.get("/b").respond(
            200,
            content="café".encode("latin-1"),
            headers={"Content-Type": "text/plain; charset=latin-1"},
        )
        client = mode.client()
        with capture_responses(bodies=True) as seen:
            await mode(client.request("GET", "/a"))
            await mode(client.request("GET", "/b"))
    first, second = seen
    assert first.content == b'{"id":1,"name":"Gr\xc3\xb6\xc3\x9fe"}'
    assert first.json() == {"id": 1, "name": "Größe"}
    assert first.text == '{"id":1,"name":"Größe"}'
    assert second.text == "café"
    assert "content" not in repr(first)
    assert "Gr" not in repr(first)
    with pytest.raises(ResponseDecodeError) as caught:
        second.json()
    assert str(caught.value) == (
        f"could not read the 200 answer to GET {BASE}/b: not JSON (UnicodeDecodeError)"
    )
    assert client.last_response is not None


async def test_bodies_are_not_kept_by_default(mode: Mode) -> None:
    with mock() as router:
        router.get("/a").respond(200, json={"id": 1})
        client = mode.client()
        with capture_responses() as seen:
            await mode(client.request("GET", "/a"))
        await mode(client.request("GET", "/a"))
    assert seen[0].content is None
    assert client.last_response is not None
    assert client.last_response.content is None
    message = (
        "this RawResponse kept no body: bodies are kept for answers received inside "
        "capture_responses(bodies=True)"
    )
    with pytest.raises(InvalidRequestError) as caught:
        seen[0].text  # noqa: B018
    assert str(caught.value) == message
    with pytest.raises(InvalidRequestError):
        seen[0].json()


async def test_an_error_answer_keeps_its_body_too(mode: Mode) -> None:
    with mock() as router:
        router.get("/missing").respond(404, json={"message": "no such thing"})
        client = mode.client(max_retries=0)
        with capture_responses(bodies=True) as seen, pytest.raises(NotFoundError) as caught:
            await mode(client.request("GET", "/missing"))
    assert seen[0].status_code == 404
    assert seen[0].json() == {"message": "no such thing"}
    assert caught.value.response is not None
    assert caught.value.response.json() == {"message": "no such thing"}


async def test_an_inner_capture_without_bodies_inside_one_with_bodies(mode: Mode) -> None:
    with mock() as router:
        router.get("/a").respond(200, text="plain")
        client = mode.client()
        with capture_responses(bodies=True) as outer, capture_responses() as inner:
            await mode(client.request("GET", "/a"))
        with capture_responses() as after:
            await mode(client.request("GET", "/a"))
    assert outer == []
    assert inner[0].text == "plain"
    assert after[0].content is None


# -- 6. token leeway on the clients with a token flow ---------------------------------------


@pytest.mark.parametrize("cls", [CartonCloud, AsyncCartonCloud])
def test_cartoncloud_leeway_reaches_its_token_flow(cls: type[CartonCloud]) -> None:
    assert cls("id", "s").token_auth.leeway == 30.0
    assert cls("id", "s", leeway=120).token_auth.leeway == 120.0
    with pytest.raises(InvalidRequestError) as caught:
        cls("id", "s", leeway=-1)
    assert str(caught.value) == f"{cls.__name__}: leeway must be a number of seconds >= 0, got -1"


@pytest.mark.parametrize("cls", [OneScp, AsyncOneScp])
def test_onescp_leeway_reaches_its_login_flow(cls: type[OneScp]) -> None:
    client = cls(email="a@b.test", password="pw", leeway=90)
    assert client.config.auth is not None
    assert client.config.auth.leeway == 90.0  # type: ignore[attr-defined]
    assert cls(email="a@b.test", password="pw").config.auth.leeway == 30.0  # type: ignore[union-attr]
    with pytest.raises(InvalidRequestError) as caught:
        cls(api_key="k", leeway=90)
    assert str(caught.value) == (
        f"{cls.__name__}: leeway= applies to email/password login only; an api_key or token "
        "is used as given, never renewed"
    )
    with pytest.raises(InvalidRequestError, match="leeway must be a number of seconds"):
        cls(email="a@b.test", password="pw", leeway="soon")  # type: ignore[arg-type]


async def test_cartoncloud_leeway_renews_the_token_that_early(mode: Mode) -> None:
    now = [1000.0]
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        token = router.post("/uaa/oauth/token").respond(
            200, json={"access_token": "tok", "expires_in": 3600}
        )
        router.get("/v1/things").respond(200, json={})
        client = _client_for(
            mode,
            CartonCloud,
            AsyncCartonCloud,
            client_id="id",
            client_secret="s",
            base_url=BASE,
            leeway=600,
        )
        client.token_auth._clock = lambda: now[0]
        await mode(client.request("GET", "/v1/things"))
        now[0] += 3600 - 601  # just before the leeway: the token is reused
        await mode(client.request("GET", "/v1/things"))
        assert token.call_count == 1
        now[0] += 2  # inside the last 600 s: renewed
        await mode(client.request("GET", "/v1/things"))
        assert token.call_count == 2
