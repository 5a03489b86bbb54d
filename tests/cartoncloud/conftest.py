"""CartonCloud fixtures: a sandbox and sync/async clients mounted on it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from supplychain_sdk.cartoncloud import AsyncCartonCloud, CartonCloud
from supplychain_sdk.sandbox import SandboxRequest
from supplychain_sdk.sandbox.cartoncloud import CartonCloudSandbox
from tests.conftest import Mode

CLIENT_ID = CartonCloudSandbox.DEFAULT_CLIENT_ID
CLIENT_SECRET = CartonCloudSandbox.DEFAULT_CLIENT_SECRET
TENANT = CartonCloudSandbox.DEFAULT_TENANT_ID


class Clock:
    """A settable clock shared by the sandbox (token expiry) and the client (renewal)."""

    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def sandbox() -> CartonCloudSandbox:
    return CartonCloudSandbox()


def make_client(
    mode: Mode, sandbox: CartonCloudSandbox, **options: Any
) -> CartonCloud | AsyncCartonCloud:
    make = sandbox.async_client if mode.is_async else sandbox.client
    client = make(**options)
    client._sleep = mode.sleeper()
    return client


@pytest.fixture
def client(mode: Mode, sandbox: CartonCloudSandbox) -> CartonCloud | AsyncCartonCloud:
    return make_client(mode, sandbox)


def last(sandbox: CartonCloudSandbox) -> SandboxRequest:
    return sandbox.requests[-1]


def sent_json(request: SandboxRequest) -> Any:
    return json.loads(request.body)


def api_requests(sandbox: CartonCloudSandbox) -> list[SandboxRequest]:
    """Every request but the token requests."""
    return [r for r in sandbox.requests if r.path != "/uaa/oauth/token"]


def assert_api_headers(request: SandboxRequest, *, json_body: bool = False) -> None:
    """What every API request carries: the version, a bearer token, JSON accepted."""
    assert request.header("accept-version") == "1"
    assert (request.header("authorization") or "").startswith("Bearer cc-sandbox-")
    assert request.header("accept") == "application/json"
    if json_body:
        assert request.header("content-type") == "application/json"
    else:
        assert request.body == b""


def outbound_order(reference: str = "SO-1001", **changes: Any) -> dict[str, Any]:
    """An outbound order the seeded sandbox accepts, in the API's JSON."""
    order: dict[str, Any] = {
        "references": {"customer": reference},
        "customer": {"references": {"code": "SANDBOX"}},
        "details": {
            "urgent": False,
            "instructions": "Call before delivery",
            "deliver": {
                "address": {
                    "companyName": "Corner Store",
                    "address1": "1 Main Street",
                    "suburb": "Springfield",
                    "state": {"code": "QLD"},
                    "postcode": "4000",
                    "country": {"iso2Code": "AU"},
                },
                "requiredDate": "2024-06-22",
            },
        },
        "properties": {"channel": "web"},
        "items": [
            {
                "details": {"product": {"references": {"code": "SKU-APPLE"}}},
                "measures": {"quantity": 3},
            }
        ],
    }
    order.update(changes)
    return order
