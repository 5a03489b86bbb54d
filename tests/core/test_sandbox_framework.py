"""The sandbox framework: routing, auth hook, faults, in-process and loopback mounting."""

from __future__ import annotations

import json

import httpx
import pytest

from supplychain_sdk._core import (
    APIConnectionError,
    APITimeoutError,
    ClientConfig,
    InternalServerError,
    NotFoundError,
    OAuth2ClientCredentials,
    SyncAPIClient,
    UnprocessableEntityError,
)
from supplychain_sdk.sandbox import Fault, SandboxRequest, json_response, route
from tests.conftest import Mode
from tests.demo_sandbox import CLIENT_ID, CLIENT_SECRET, WidgetSandbox


def client_for(mode: Mode, fake: WidgetSandbox, **options: object):  # type: ignore[no-untyped-def]
    http = fake.async_http_client() if mode.is_async else fake.http_client()
    return mode.client(
        base_url=fake.base_url,
        auth=OAuth2ClientCredentials("/oauth/token", CLIENT_ID, CLIENT_SECRET),
        http_client=http,
        **options,
    )


async def test_routes_auth_and_state(mode: Mode) -> None:
    fake = WidgetSandbox()
    client = client_for(mode, fake)
    created = await mode(client.request("POST", "/widgets", json={"name": "new"}))
    assert created == {"id": "26", "name": "new", "version": 1}
    got = await mode(client.request("GET", "/widgets/26"))
    assert got["name"] == "new"
    with pytest.raises(NotFoundError, match="Widget not found"):
        await mode(client.request("GET", "/widgets/999"))
    with pytest.raises(UnprocessableEntityError):
        await mode(client.request("POST", "/widgets", json={}))
    assert fake.tokens_issued == 1
    assert [r.method + " " + r.path for r in fake.requests][:3] == [
        "POST /oauth/token",
        "POST /widgets",
        "GET /widgets/26",
    ]


def test_unknown_route_and_wrong_method() -> None:
    fake = WidgetSandbox()
    assert fake.dispatch(SandboxRequest(method="GET", path="/nope")).status == 404
    answer = fake.dispatch(SandboxRequest(method="DELETE", path="/widgets"))
    assert answer.status == 405
    bad = fake.dispatch(
        SandboxRequest(
            method="POST", path="/oauth/token", body=b"{", headers={"authorization": "x"}
        )
    )
    assert bad.status == 401
    fake.valid_tokens.add("t")
    broken = fake.dispatch(
        SandboxRequest(
            method="POST", path="/widgets", body=b"{", headers={"authorization": "Bearer t"}
        )
    )
    assert broken.status == 400


def test_literal_segment_wins_over_parameter() -> None:
    fake = WidgetSandbox()
    fake.valid_tokens.add("t")
    answer = fake.dispatch(
        SandboxRequest(
            method="GET", path="/widgets/by-cursor", headers={"authorization": "Bearer t"}
        )
    )
    assert "nextPageUrl" in answer.json()


async def test_fault_status_sequence(mode: Mode) -> None:
    fake = WidgetSandbox()
    fake.faults.statuses([503, 503, 200], method="GET", path=r"^/widgets/1$")
    client = client_for(mode, fake)
    assert (await mode(client.request("GET", "/widgets/1")))["id"] == "1"
    assert len(mode.sleeps) == 2
    assert len(fake.faults) == 0


async def test_fault_rate_limit(mode: Mode) -> None:
    fake = WidgetSandbox()
    fake.faults.rate_limit(retry_after=4, path="^/widgets/1$")
    await mode(client_for(mode, fake).request("GET", "/widgets/1"))
    assert mode.sleeps == [4.0]


async def test_fault_dropped_connection(mode: Mode) -> None:
    fake = WidgetSandbox()
    fake.faults.drop_connection(path="^/widgets$", times=None)
    with pytest.raises(APIConnectionError, match="RemoteProtocolError"):
        await mode(client_for(mode, fake, max_retries=1).request("POST", "/widgets", json={}))
    assert sum(r.path == "/widgets" for r in fake.requests) == 1  # POST: not retried


async def test_fault_delay_beyond_read_timeout(mode: Mode) -> None:
    fake = WidgetSandbox()
    fake.faults.delay(5, path="^/widgets/1$", times=None)
    with pytest.raises(APITimeoutError):
        await mode(client_for(mode, fake, max_retries=0).request("GET", "/widgets/1", timeout=0.05))


async def test_fault_custom_body(mode: Mode) -> None:
    fake = WidgetSandbox()
    fake.faults.add(Fault("status", status=500, body={"message": "db down"}, times=3))
    with pytest.raises(InternalServerError, match="db down"):
        await mode(client_for(mode, fake, max_retries=2).request("GET", "/widgets/1"))


def test_faults_clear_and_forever() -> None:
    fake = WidgetSandbox()
    fake.faults.statuses([500], method="GET")
    fake.faults.clear()
    assert len(fake.faults) == 0
    fault = fake.faults.delay(0, times=None)
    request = SandboxRequest(method="GET", path="/x")
    assert fake.faults.take(request) is fault
    assert fake.faults.take(request) is fault


def test_json_response_and_request_helpers() -> None:
    answer = json_response({"a": 1}, 201, {"X-Y": "z"})
    assert (answer.status, answer.json(), dict(answer.headers)) == (
        201,
        {"a": 1},
        {"content-type": "application/json", "x-y": "z"},
    )
    assert json_response(None, 204).body == b""
    request = SandboxRequest(
        method="GET", path="/p", query=(("a", "1"), ("a", "2")), base_url="http://h"
    )
    assert request.param("a") == "1"
    assert request.params("a") == ["1", "2"]
    assert request.url_for("/n", cursor="c", skip=None) == "http://h/n?cursor=c"


def test_serve_over_loopback() -> None:
    fake = WidgetSandbox()
    with fake.serve() as base_url:
        assert base_url.startswith("http://127.0.0.1:")
        client = SyncAPIClient(
            ClientConfig(
                base_url=base_url,
                auth=OAuth2ClientCredentials("/oauth/token", CLIENT_ID, CLIENT_SECRET),
            )
        )
        with client:
            assert client.request("GET", "/widgets/2")["name"] == "widget 2"
    with pytest.raises(ValueError, match="loopback"), fake.serve(host="0.0.0.0"):
        pass


def test_transport_serves_plain_httpx_clients() -> None:
    fake = WidgetSandbox()
    with fake.http_client() as http:
        answer = http.post(
            f"{fake.base_url}/oauth/token", auth=httpx.BasicAuth(CLIENT_ID, CLIENT_SECRET)
        )
    assert answer.json()["access_token"] == "tok-1"


async def test_encoded_ids_reach_the_handler_decoded(mode: Mode) -> None:
    from supplychain_sdk._core import path

    fake = WidgetSandbox()
    fake.widgets["a/b"] = {"id": "a/b", "name": "slashed", "version": 1}
    got = await mode(client_for(mode, fake).request("GET", path("/widgets/{id}", id="a/b")))
    assert got["name"] == "slashed"
    assert fake.requests[-1].path == "/widgets/a%2Fb"


def test_status_sequence_returns_its_faults() -> None:
    fake = WidgetSandbox()
    faults = fake.faults.statuses([503, 200])
    assert [(f.kind, f.status) for f in faults] == [("status", 503), ("pass", 200)]


class HookReceiver(WidgetSandbox):
    """Receives webhooks over loopback HTTP (no auth on /hook)."""

    def __init__(self) -> None:
        super().__init__(widgets=0)
        self.received: list[tuple[bytes, str | None]] = []

    def authenticate(self, request: SandboxRequest):  # type: ignore[no-untyped-def]
        return None if request.path == "/hook" else super().authenticate(request)

    @route("POST", "/hook")
    def hook(self, request: SandboxRequest):  # type: ignore[no-untyped-def]
        self.received.append((request.body, request.header("x-event")))
        return json_response(None, 204)


async def test_webhook_to_a_callable_after_the_answer(mode: Mode) -> None:
    fake = WidgetSandbox()
    seen: list[tuple[bytes, dict[str, str]]] = []
    fake.webhook_target = lambda body, headers: seen.append((body, dict(headers)))
    await mode(
        client_for(mode, fake).request("PUT", "/widgets/1", json={"name": "n"}, if_match="1")
    )
    assert len(seen) == 1
    body, headers = seen[0]
    assert json.loads(body) == {
        "event": "widget.updated",
        "data": {"id": "1", "name": "n", "version": 2},
    }
    assert headers == {"X-Event": "widget.updated"}
    assert fake.webhook_deliveries[0].status == 200


def test_webhook_to_a_loopback_url_over_real_http() -> None:
    receiver = HookReceiver()
    fake = WidgetSandbox()
    with receiver.serve() as receiver_url:
        fake.webhook_target = f"{receiver_url}/hook"
        client = SyncAPIClient(
            ClientConfig(
                base_url=fake.base_url,
                auth=OAuth2ClientCredentials("/oauth/token", CLIENT_ID, CLIENT_SECRET),
                http_client=fake.http_client(),
            )
        )
        client.request("PUT", "/widgets/2", json={"name": "x"}, if_match="1")
    assert receiver.received == [
        (fake.webhook_deliveries[0].body, "widget.updated"),
    ]
    assert fake.webhook_deliveries[0].status == 204


def test_webhook_failures_are_recorded_and_foreign_urls_refused() -> None:
    fake = WidgetSandbox()

    def broken(body: bytes, headers: object) -> None:
        raise RuntimeError("receiver down")

    fake.queue_webhook(broken, b"{}", {})
    fake.queue_webhook("http://127.0.0.1:9/hook", b"{}", {})  # nothing listens on port 9
    deliveries = fake.flush_webhooks()
    assert deliveries[0].error == "RuntimeError: receiver down"
    assert deliveries[1].status is None
    assert deliveries[1].error is not None
    with pytest.raises(ValueError, match="loopback"):
        fake.queue_webhook("https://example.com/hook", b"{}", {})
