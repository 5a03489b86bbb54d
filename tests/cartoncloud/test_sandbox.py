"""The CartonCloud sandbox on its own: what it answers to raw requests."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

from supplychain_sdk.cartoncloud import CartonCloud
from supplychain_sdk.sandbox.cartoncloud import WORKFLOWS, CartonCloudSandbox
from tests.cartoncloud.conftest import CLIENT_ID, CLIENT_SECRET, TENANT, outbound_order

BASE = f"/tenants/{TENANT}"
V1 = {"Accept-Version": "1"}


def basic(client_id: str = CLIENT_ID, secret: str = CLIENT_SECRET) -> str:
    return "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()


def http(sandbox: CartonCloudSandbox) -> httpx.Client:
    return sandbox.http_client(base_url=sandbox.base_url)


def token_for(sandbox: CartonCloudSandbox) -> dict[str, str]:
    answer = http(sandbox).post(
        "/uaa/oauth/token",
        headers={**V1, "Authorization": basic()},
        data={"grant_type": "client_credentials"},
    )
    return {**V1, "Authorization": f"Bearer {answer.json()['access_token']}"}


@pytest.fixture
def sandbox() -> CartonCloudSandbox:
    return CartonCloudSandbox()


@pytest.fixture
def auth(sandbox: CartonCloudSandbox) -> dict[str, str]:
    return token_for(sandbox)


# -- tokens ------------------------------------------------------------------------------------


def test_token_answer(sandbox: CartonCloudSandbox) -> None:
    answer = http(sandbox).post(
        "/uaa/oauth/token",
        headers={**V1, "Authorization": basic()},
        data={"grant_type": "client_credentials"},
    )
    assert answer.status_code == 200
    data = answer.json()
    assert set(data) == {"access_token", "token_type", "expires_in"}
    assert (data["token_type"], data["expires_in"]) == ("bearer", 3600)
    assert data["access_token"] in sandbox.tokens


@pytest.mark.parametrize(
    ("headers", "form", "status", "error"),
    [
        ({**V1}, {"grant_type": "client_credentials"}, 401, "unauthorized"),
        (
            {**V1, "Authorization": basic(secret="no")},
            {"grant_type": "client_credentials"},
            401,
            "unauthorized",
        ),
        (
            {**V1, "Authorization": basic("nobody")},
            {"grant_type": "client_credentials"},
            401,
            "unauthorized",
        ),
        (
            {**V1, "Authorization": "Basic !!!"},
            {"grant_type": "client_credentials"},
            401,
            "unauthorized",
        ),
        (
            {**V1, "Authorization": basic()},
            {"grant_type": "password"},
            400,
            "unsupported_grant_type",
        ),
    ],
)
def test_token_refusals(
    sandbox: CartonCloudSandbox,
    headers: dict[str, str],
    form: dict[str, str],
    status: int,
    error: str,
) -> None:
    answer = http(sandbox).post("/uaa/oauth/token", headers=headers, data=form)
    assert answer.status_code == status
    assert answer.json()["error"] == error
    assert sandbox.tokens == {}


def test_basic_credentials_are_sent_as_they_are(sandbox: CartonCloudSandbox) -> None:
    sandbox.add_api_client("id with space", "p@ss:w/rd+%")
    client = sandbox.client(client_id="id with space", client_secret="p@ss:w/rd+%")
    assert client.user.info().name == "API User"


@pytest.mark.parametrize(
    ("headers", "status", "message"),
    [
        ({}, 400, "Missing request header 'Accept-Version'"),
        ({"Accept-Version": "2"}, 404, "Unknown API version '2'"),
    ],
)
def test_accept_version_required_everywhere(
    sandbox: CartonCloudSandbox,
    auth: dict[str, str],
    headers: dict[str, str],
    status: int,
    message: str,
) -> None:
    bearer = {"Authorization": auth["Authorization"], **headers}
    token = http(sandbox).post(
        "/uaa/oauth/token",
        headers={"Authorization": basic(), **headers},
        data={"grant_type": "client_credentials"},
    )
    call = http(sandbox).get("/uaa/userinfo", headers=bearer)
    for answer in (token, call):
        assert answer.status_code == status
        assert answer.json() == [{"message": message}]


@pytest.mark.parametrize(
    ("authorization", "message"),
    [
        (None, "Full authentication is required to access this resource"),
        ("Bearer nope", "Invalid access token"),
        ("Basic abc", "Full authentication is required to access this resource"),
    ],
)
def test_bearer_required(
    sandbox: CartonCloudSandbox, authorization: str | None, message: str
) -> None:
    headers = {**V1, **({"Authorization": authorization} if authorization else {})}
    answer = http(sandbox).get("/uaa/userinfo", headers=headers)
    assert (answer.status_code, answer.json()) == (401, [{"message": message}])


def test_unknown_tenant(sandbox: CartonCloudSandbox, auth: dict[str, str]) -> None:
    missing = "9a1f5c1e-7e0b-4b55-8d3e-000000000000"
    answer = http(sandbox).get(f"/tenants/{missing}/outbound-orders/{missing}", headers=auth)
    assert (answer.status_code, answer.json()) == (
        404,
        [{"message": f"Tenant {missing} not found"}],
    )


# -- entities ----------------------------------------------------------------------------------


def test_bad_bodies(sandbox: CartonCloudSandbox, auth: dict[str, str]) -> None:
    client = http(sandbox)
    answer = client.post(f"{BASE}/outbound-orders", headers=auth, content=b"{nope")
    assert (answer.status_code, answer.json()) == (
        400,
        [{"message": "JSON parse error: the request body is not valid JSON"}],
    )
    answer = client.post(f"{BASE}/outbound-orders", headers=auth, json=[1])
    assert answer.json() == [{"field": "", "message": "The request body must be a JSON object"}]
    answer = client.post(f"{BASE}/outbound-orders", headers=auth, json={})
    assert (answer.status_code, answer.json()) == (
        422,
        [
            {"field": "/references", "message": "References cannot be empty."},
            {"field": "/customer", "message": "Customer cannot be empty."},
            {"field": "/details/deliver/address", "message": "Delivery address cannot be empty."},
        ],
    )


@pytest.mark.parametrize(
    ("change", "errors"),
    [
        (
            {"warehouse": {"name": "Nowhere"}},
            [("/warehouse", "Warehouse with name 'Nowhere' not found.")],
        ),
        ({"warehouse": {}}, [("/warehouse", "Warehouse needs an id or a name.")]),
        ({"customer": {}}, [("/customer", "Customer needs an id, references.code or name.")]),
        ({"type": "INBOUND"}, [("/type", "Type must be OUTBOUND on this endpoint.")]),
        ({"items": {}}, [("/items", "Items must be an array.")]),
        (
            {"items": [1, {"details": {"product": {"id": "x"}}, "measures": {"quantity": 0}}]},
            [
                ("/items/0", "An item must be an object."),
                ("/items/1/details/product", "Product not found."),
                ("/items/1/measures/quantity", "Quantity must be positive."),
            ],
        ),
        (
            {"items": [{"measures": {"quantity": True}}]},
            [
                ("/items/0/details/product", "Product cannot be empty."),
                ("/items/0/measures/quantity", "Quantity cannot be empty."),
            ],
        ),
    ],
)
def test_create_422(
    sandbox: CartonCloudSandbox,
    auth: dict[str, str],
    change: dict[str, Any],
    errors: list[tuple[str, str]],
) -> None:
    answer = http(sandbox).post(
        f"{BASE}/outbound-orders", headers=auth, json=outbound_order(**change)
    )
    assert answer.status_code == 422
    assert answer.json() == [{"field": f, "message": m} for f, m in errors]


def test_product_422(sandbox: CartonCloudSandbox, auth: dict[str, str]) -> None:
    answer = http(sandbox).post(f"{BASE}/products", headers=auth, json={"scope": "WAREHOUSE"})
    assert [e["field"] for e in answer.json()] == [
        "/type",
        "/name",
        "/description",
        "/references",
        "/defaultUnitOfMeasure",
        "/customer",
    ]
    answer = http(sandbox).post(f"{BASE}/products", headers=auth, json={"scope": "X"})
    assert answer.json()[0] == {
        "field": "/scope",
        "message": "Scope must be WAREHOUSE or TRANSPORT.",
    }


def test_update_rules(sandbox: CartonCloudSandbox, auth: dict[str, str]) -> None:
    client = http(sandbox)
    created = client.post(f"{BASE}/outbound-orders", headers=auth, json=outbound_order()).json()
    url = f"{BASE}/outbound-orders/{created['id']}"
    answer = client.put(url, headers=auth, json=created)
    assert (answer.status_code, answer.json()) == (
        400,
        [{"message": "Missing request header 'If-Match' (the entity's version)"}],
    )
    answer = client.put(url, headers={**auth, "If-Match": '"1"'}, json=created)
    assert answer.json() == [{"message": "If-Match must be a version number, got '\"1\"'"}]
    answer = client.put(url, headers={**auth, "If-Match": "1"}, json={**created, "id": "other"})
    assert answer.json() == [{"field": "/id", "message": "The id does not match the URL."}]
    answer = client.put(
        f"{BASE}/outbound-orders/9a1f5c1e-7e0b-4b55-8d3e-000000000000",
        headers={**auth, "If-Match": "1"},
        json=created,
    )
    assert answer.status_code == 404
    answer = client.put(url, headers={**auth, "If-Match": "1"}, json=created)
    assert (answer.status_code, answer.json()["version"]) == (200, 2)
    assert sandbox.tenants[TENANT].outbound_orders[created["id"]]["version"] == 2


def test_workflows_and_stock(sandbox: CartonCloudSandbox) -> None:
    client = sandbox.client()
    order = client.outbound_orders.create(outbound_order())
    for status in WORKFLOWS["outbound_order"][2:]:
        assert sandbox.advance("outbound_order", order.id)["status"] == status
    rejected = client.outbound_orders.create(
        outbound_order(
            items=[
                {
                    "details": {"product": {"references": {"code": "SKU-ICE"}}},
                    "measures": {"quantity": 6},
                }
            ]
        )
    )
    assert rejected.status == "REJECTED"
    with pytest.raises(ValueError, match="in status 'REJECTED' has no next status"):
        sandbox.advance("outbound_order", rejected.id)
    with pytest.raises(KeyError, match="no product 'NOPE'"):
        sandbox.set_stock("NOPE", 1)
    sandbox.set_stock(order.items[0].details.product.id, 1)
    assert sandbox.tenants[TENANT].stock[order.items[0].details.product.id] == 1


def test_deterministic_ids() -> None:
    first, second = CartonCloudSandbox(), CartonCloudSandbox()
    assert list(first.tenants[TENANT].products) == list(second.tenants[TENANT].products)
    a = first.client().consignments.create(outbound_order(items=[], details={}))
    b = second.client().consignments.create(outbound_order(items=[], details={}))
    assert a.id == b.id


def test_unseeded_sandbox(sandbox: CartonCloudSandbox) -> None:
    empty = CartonCloudSandbox(seed=False)
    tenant = empty.tenants[TENANT]
    assert (tenant.customers, tenant.products) == ({}, {})
    assert [w["name"] for w in tenant.warehouses.values()] == ["Main Warehouse"]


# -- search ------------------------------------------------------------------------------------


def test_search_paging_errors_and_edges(sandbox: CartonCloudSandbox, auth: dict[str, str]) -> None:
    client = http(sandbox)
    url = f"{BASE}/customers/search"
    match_all = {"condition": {"type": "AndCondition", "conditions": []}}
    answer = client.post(url, headers=auth, params={"pageNumber": "x"}, json=match_all)
    assert (answer.status_code, answer.json()) == (400, [{"message": "Invalid page number 'x'"}])
    answer = client.post(url, headers=auth, params={"pageSize": "0"}, json=match_all)
    assert answer.json() == [{"message": "Invalid page size '0'"}]
    answer = client.post(url, headers=auth, json={})
    assert (answer.status_code, answer.json()) == (
        422,
        [{"field": "/condition", "message": "must not be null"}],
    )
    answer = client.post(url, headers=auth, params={"pageNumber": 5, "pageSize": 1}, json=match_all)
    assert answer.json() == []
    assert answer.headers["Total-Pages"] == "2"
    assert 'rel="prev"' in answer.headers["Link"]
    assert 'pageNumber=2&pageSize=1>; rel="prev"' in answer.headers["Link"]
    answer = client.post(f"{BASE}/consignments/search", headers=auth, json=match_all)
    assert (answer.headers["Total-Pages"], answer.headers["Total-Elements"]) == ("0", "0")
    assert answer.headers["Page-Size"] == "20"


def test_search_value_fields_and_not_equal(
    sandbox: CartonCloudSandbox, auth: dict[str, str]
) -> None:
    client = sandbox.client()
    client.outbound_orders.create(outbound_order("SO-1"))
    client.outbound_orders.create(outbound_order("SO-2"))

    def search(field: dict[str, Any], value: str, method: str) -> list[str]:
        condition = {
            "type": "TextComparisonCondition",
            "field": field,
            "value": {"type": "ValueField", "value": value},
            "method": method,
        }
        answer = http(sandbox).post(
            f"{BASE}/outbound-orders/search", headers=auth, json={"condition": condition}
        )
        return [o["references"]["customer"] for o in answer.json()]

    assert search(
        {"type": "ValueField", "value": "customerName"}, "Sandbox Customer", "EQUAL_TO"
    ) == [
        "SO-1",
        "SO-2",
    ]
    assert search(
        {"type": "JsonField", "pointer": "/references/customer"}, "SO-1", "NOT_EQUAL_TO"
    ) == ["SO-2"]
    assert search({"type": "JsonField", "pointer": "/version"}, "1", "EQUAL_TO") == ["SO-1", "SO-2"]
    assert search(
        {"type": "JsonField", "pointer": "/items/0/measures/quantity"}, "3", "EQUAL_TO"
    ) == [
        "SO-1",
        "SO-2",
    ]
    assert search({"type": "JsonField", "pointer": "/items/9"}, "x", "NOT_EQUAL_TO") == []
    assert search({"type": "JsonField", "pointer": "/details"}, "x", "NOT_EQUAL_TO") == []


def test_search_condition_errors(sandbox: CartonCloudSandbox, auth: dict[str, str]) -> None:
    condition = {
        "type": "OrCondition",
        "conditions": [
            "x",
            {"type": "AndCondition"},
            {"type": "OrCondition", "conditions": []},
            {
                "type": "TextComparisonCondition",
                "field": {"type": "JsonField", "pointer": "status"},
                "value": {"type": "ValueField", "value": "x"},
                "method": "EQUAL_TO",
            },
            {
                "type": "TextComparisonCondition",
                "field": {"type": "ValueField", "value": "status"},
                "value": {"type": "ValueField", "value": "x"},
                "method": "EQUAL_TO",
            },
        ],
    }
    answer = http(sandbox).post(
        f"{BASE}/outbound-orders/search", headers=auth, json={"condition": condition}
    )
    assert answer.status_code == 422
    assert answer.json() == [
        {"field": "/condition/conditions/0", "message": "A condition must be an object."},
        {"field": "/condition/conditions/1/conditions", "message": "Conditions must be an array."},
        {
            "field": "/condition/conditions/2/conditions",
            "message": "An OrCondition needs a condition.",
        },
        {
            "field": "/condition/conditions/3/field/pointer",
            "message": "Pointer must be a JSON pointer.",
        },
        {
            "field": "/condition/conditions/4/field/value",
            "message": "Unknown search field 'status'.",
        },
    ]


# -- serving -----------------------------------------------------------------------------------


def test_served_on_a_loopback_port() -> None:
    sandbox = CartonCloudSandbox()
    with (
        sandbox.serve() as base_url,
        CartonCloud(CLIENT_ID, CLIENT_SECRET, tenant_id=TENANT, base_url=base_url) as client,
    ):
        created = client.outbound_orders.create(outbound_order())
        assert client.outbound_orders.retrieve(created.id).version == 1
        assert len(client.customers.list(page_size=1).to_list()) == 2
    assert sandbox.token_requests == 1
