"""Error bodies (JSON arrays), status mapping, and which calls are retried."""

from __future__ import annotations

from typing import Any

import pytest

from supplychain_sdk import (
    APIStatusError,
    BadRequestError,
    InternalServerError,
    MethodNotAllowedError,
    NotFoundError,
    RateLimitError,
)
from supplychain_sdk._core.platform import ErrorDetails
from supplychain_sdk.cartoncloud import AsyncCartonCloud, CartonCloud, TransportProduct
from supplychain_sdk.cartoncloud._errors import CARTONCLOUD, parse_error
from supplychain_sdk.sandbox import Fault
from supplychain_sdk.sandbox.cartoncloud import CartonCloudSandbox
from tests.cartoncloud.conftest import TENANT, make_client, outbound_order
from tests.conftest import Mode, mock

BASE = f"/tenants/{TENANT}"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            [{"message": "Request method 'PUT' not supported"}],
            ErrorDetails(message="Request method 'PUT' not supported"),
        ),
        (
            [
                {"field": "/name", "message": "Name cannot be empty."},
                {"field": "/description", "message": "Description cannot be empty."},
                {"field": "/name", "message": "Name is too short."},
            ],
            ErrorDetails(
                field_errors={
                    "/name": ["Name cannot be empty.", "Name is too short."],
                    "/description": ["Description cannot be empty."],
                }
            ),
        ),
        (
            [{"message": "Invalid order"}, {"field": "/items", "message": "No items"}, "odd", None],
            ErrorDetails(message="Invalid order; odd", field_errors={"/items": ["No items"]}),
        ),
        ({"message": "Gateway says no"}, ErrorDetails(message="Gateway says no")),
        (
            {"error": "invalid_token", "error_description": "Access token expired"},
            ErrorDetails(code="invalid_token", message="Access token expired"),
        ),
        ("<html>Bad Gateway</html>", ErrorDetails(message="<html>Bad Gateway</html>")),
        (None, ErrorDetails()),
        ([{"field": "/x"}], ErrorDetails(field_errors={"/x": ["invalid"]})),
    ],
)
def test_parse_error(body: Any, expected: ErrorDetails) -> None:
    assert parse_error(422, body) == expected
    assert CARTONCLOUD.parse_error is parse_error


async def test_405_is_method_not_allowed(mode: Mode, client: CartonCloud) -> None:
    with pytest.raises(MethodNotAllowedError) as caught:
        await mode(client.request("DELETE", f"{BASE}/outbound-orders/search"))
    assert caught.value.status_code == 405
    assert caught.value.error_message == "Request method 'DELETE' not supported"


async def test_missing_accept_version_is_a_400(mode: Mode, sandbox: CartonCloudSandbox) -> None:
    client = make_client(mode, sandbox)
    await mode(client.user.info())  # a token first
    with pytest.raises(BadRequestError) as caught:
        await mode(client.request("GET", "/uaa/userinfo", headers={"Accept-Version": ""}))
    assert caught.value.error_message == "Missing request header 'Accept-Version'"


async def test_unknown_route(mode: Mode, client: CartonCloud) -> None:
    with pytest.raises(NotFoundError, match="No endpoint GET /nope"):
        await mode(client.request("GET", "/nope"))


async def test_retrieve_retried_through_503_then_gives_up(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    created = await mode(client.outbound_orders.create(outbound_order()))
    sandbox.faults.statuses([503, 503], method="GET")
    again = await mode(client.outbound_orders.retrieve(created.id))
    assert again.id == created.id
    assert len(mode.sleeps) == 2
    sandbox.faults.add(
        Fault(
            "status",
            method="GET",
            times=3,
            status=503,
            body=[{"message": "Temporarily offline for maintenance"}],
        )
    )
    with pytest.raises(InternalServerError) as caught:
        await mode(client.outbound_orders.retrieve(created.id))
    assert caught.value.error_message == "Temporarily offline for maintenance"
    gets = [r for r in sandbox.requests if r.method == "GET" and created.id in r.path]
    assert len(gets) == 3 + 3  # 2 failures and the success, then 3 failures


async def test_429_honours_retry_after(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    sandbox.faults.rate_limit(retry_after=3, path="^/uaa/userinfo$")
    await mode(client.user.info())
    assert mode.sleeps == [3.0]
    sandbox.faults.rate_limit(retry_after=1, path="^/uaa/userinfo$", times=None)
    with pytest.raises(RateLimitError) as caught:
        await mode(client.with_options(max_retries=1).user.info())
    assert caught.value.retry_after == 1.0


async def test_228_on_any_create_returns_the_entity(mode: Mode) -> None:
    base = "https://api.cartoncloud.com"
    cls = AsyncCartonCloud if mode.is_async else CartonCloud
    order = {"references": {"customer": "PO-1"}, "customer": {"id": "c"}}
    product = {"scope": "TRANSPORT", "type": "T", "references": {}, "name": "n", "description": "d"}
    with mock(base_url=base) as router:
        router.post("/uaa/oauth/token").respond(
            200, json={"access_token": "t", "token_type": "bearer", "expires_in": 3600}
        )
        router.post(f"{BASE}/inbound-orders").respond(
            228, json={**order, "id": "i-1", "version": 1}
        )
        router.post(f"{BASE}/products").respond(228, json={**product, "id": "p-1", "version": 1})
        client = cls("id", "secret", tenant_id=TENANT, base_url=base)
        created = await mode(client.inbound_orders.create(order))
        assert (created.id, created.created_with_issues) == ("i-1", True)
        made = await mode(client.products.create(product))
        assert isinstance(made, TransportProduct)
        assert made.created_with_issues is True


def test_status_errors_keep_the_array_body(sandbox: CartonCloudSandbox) -> None:
    client = sandbox.client()
    with pytest.raises(APIStatusError) as caught:
        client.outbound_orders.retrieve("9a1f5c1e-7e0b-4b55-8d3e-000000000000")
    assert caught.value.body == [
        {"message": "The outbound order 9a1f5c1e-7e0b-4b55-8d3e-000000000000 does not exist"}
    ]
