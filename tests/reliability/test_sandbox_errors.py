"""Defect 13: sandboxes answer malformed requests with the platform's own error, never a 500."""

from __future__ import annotations

import json

import pytest

from supplychain_sdk.sandbox import Sandbox, SandboxRequest, SandboxResponse, json_response, route
from supplychain_sdk.sandbox.cartoncloud import CartonCloudSandbox
from supplychain_sdk.sandbox.onescp import OneScpSandbox
from supplychain_sdk.sandbox.procuros import PORTAL, ProcurosSandbox

NOT_JSON = (b"{", b"\xff\xfe", b'{"a": "\xe9"}', b"[" * 20_000, b"9" * 5_000)


class EchoSandbox(Sandbox):
    """A sandbox with one JSON route and its own error shape."""

    def error(self, request: SandboxRequest, status: int, message: str) -> SandboxResponse:
        return json_response({"problem": {"status": status, "detail": message}}, status)

    @route("POST", "/echo")
    def echo(self, request: SandboxRequest) -> SandboxResponse:
        return json_response({"got": request.json()})


@pytest.mark.parametrize("body", NOT_JSON)
def test_request_json_raises_a_json_decode_error_for_any_non_json_body(body: bytes) -> None:
    with pytest.raises(json.JSONDecodeError):
        SandboxRequest(method="POST", path="/", body=body).json()


def test_request_json_reads_json_and_empty_bodies() -> None:
    assert SandboxRequest(method="POST", path="/", body=b'{"a": [1]}').json() == {"a": [1]}
    assert SandboxRequest(method="POST", path="/", body=b"").json() is None


@pytest.mark.parametrize("body", NOT_JSON)
def test_the_error_hook_shapes_every_framework_refusal(body: bytes) -> None:
    sandbox = EchoSandbox()
    bad = sandbox.dispatch(SandboxRequest(method="POST", path="/echo", body=body))
    assert (bad.status, bad.json()) == (
        400,
        {"problem": {"status": 400, "detail": "Request body is not valid JSON"}},
    )
    missing = sandbox.dispatch(SandboxRequest(method="GET", path="/nowhere"))
    assert missing.json() == {"problem": {"status": 404, "detail": "No route for GET /nowhere"}}
    wrong = sandbox.dispatch(SandboxRequest(method="GET", path="/echo"))
    assert wrong.json() == {"problem": {"status": 405, "detail": "GET not allowed on /echo"}}


def test_procuros_401_carries_the_error_url_the_spec_requires() -> None:
    answer = ProcurosSandbox().dispatch(
        SandboxRequest(method="POST", path="/v2/transactions", headers={"authorization": "x"})
    )
    body = answer.json()
    assert answer.status == 401
    assert answer.headers["content-type"] == "application/json"
    assert body["message"] == "Unauthenticated."
    assert body["errorUrl"].startswith(f"{PORTAL}/errors/")
    assert set(body) == {"message", "errorUrl"}


@pytest.mark.parametrize("body", NOT_JSON)
def test_procuros_bad_json_is_a_400_client_error_with_error_url(body: bytes) -> None:
    answer = ProcurosSandbox().dispatch(
        SandboxRequest(
            method="POST",
            path="/v2/transactions",
            headers={"authorization": f"Bearer {ProcurosSandbox.DEFAULT_TOKEN}"},
            body=body,
        )
    )
    assert answer.status == 400
    assert answer.json()["message"] == "The request body is not valid JSON."
    assert answer.json()["errorUrl"].startswith(f"{PORTAL}/errors/")


def test_procuros_405_is_a_client_error_with_error_url() -> None:
    answer = ProcurosSandbox().dispatch(SandboxRequest(method="DELETE", path="/v2/transactions"))
    assert answer.status == 405
    assert answer.json()["message"] == (
        "The DELETE method is not supported for route /v2/transactions."
    )
    assert answer.json()["errorUrl"].startswith(f"{PORTAL}/errors/")


@pytest.mark.parametrize("body", NOT_JSON)
def test_cartoncloud_and_onescp_answer_undecodable_bodies_in_their_shape(body: bytes) -> None:
    carton = CartonCloudSandbox()
    token = carton.dispatch(
        SandboxRequest(
            method="POST",
            path="/uaa/oauth/token",
            headers={
                "authorization": "Basic c2FuZGJveC1jbGllbnQtaWQ6c2FuZGJveC1jbGllbnQtc2VjcmV0",
                "accept-version": "1",
            },
            body=b"grant_type=client_credentials",
        )
    ).json()["access_token"]
    answer = carton.dispatch(
        SandboxRequest(
            method="POST",
            path=f"/tenants/{CartonCloudSandbox.DEFAULT_TENANT_ID}/products",
            headers={"authorization": f"Bearer {token}", "accept-version": "1"},
            body=body,
        )
    )
    assert (answer.status, answer.json()) == (
        400,
        [{"message": "JSON parse error: the request body is not valid JSON"}],
    )
    onescp = OneScpSandbox(rate_limit=None)
    answer = onescp.dispatch(
        SandboxRequest(
            method="POST",
            path="/api/items",
            headers={"authorization": f"Bearer {OneScpSandbox.DEFAULT_API_KEY}"},
            body=body,
        )
    )
    decoded = answer.json()
    assert answer.status == 400
    assert decoded["success"] is False
    assert decoded["message"] == "Request body is not valid JSON"
    assert decoded["error"] == {"code": "VALIDATION_ERROR"}


def test_every_sandbox_error_hook_answers_in_its_platform_shape() -> None:
    request = SandboxRequest(method="GET", path="/x")
    assert CartonCloudSandbox().error(request, 503, "down").json() == [{"message": "down"}]
    onescp = OneScpSandbox(rate_limit=None)
    for status, code in (
        (503, "SERVER_ERROR"),
        (429, "RATE_LIMIT_EXCEEDED"),
        (401, "AUTH_INVALID"),
    ):
        body = onescp.error(request, status, "no").json()
        assert (body["success"], body["message"], body["error"]) == (False, "no", {"code": code})
    answer = ProcurosSandbox().error(request, 502, "bad gateway")
    assert (answer.status, answer.json()) == (502, {"message": "bad gateway"})


def test_injected_faults_answer_in_the_platform_shape_with_their_headers() -> None:
    carton = CartonCloudSandbox()
    carton.faults.rate_limit(2, path="/uaa/userinfo")
    with carton.http_client(base_url=carton.base_url) as http:
        answer = http.get("/uaa/userinfo")
    assert (answer.status_code, answer.headers["retry-after"]) == (429, "2")
    assert answer.json() == [{"message": "injected 429"}]
    onescp = OneScpSandbox(rate_limit=None)
    onescp.faults.statuses([503], path="/api/items")
    with onescp.http_client(base_url=onescp.base_url) as http:
        answer = http.get("/api/items")
    assert answer.status_code == 503
    assert answer.json()["error"] == {"code": "SERVER_ERROR"}
    assert answer.json()["message"] == "injected 503"
