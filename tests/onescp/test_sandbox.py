"""The ONESCP sandbox as a product: documented shapes, state, files, concurrency, serving."""

from __future__ import annotations

import json
import threading
from typing import Any

import httpx
import pytest

from supplychain_sdk import AuthenticationError, NotFoundError
from supplychain_sdk.onescp import OneScp
from supplychain_sdk.sandbox.onescp import OneScpSandbox, parse_multipart, read_xlsx, write_xlsx
from tests.conftest import Mode
from tests.onescp.conftest import API_KEY, ITEM, ORDER, Clock, make_client


def raw(sandbox: OneScpSandbox, method: str, path: str, **kwargs: Any) -> httpx.Response:
    with sandbox.http_client() as http:
        return http.request(method, f"{sandbox.base_url}{path}", **kwargs)


def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {API_KEY}"}


def test_list_envelope_and_headers(sandbox: OneScpSandbox, clock: Clock) -> None:
    answer = raw(sandbox, "GET", "/api/purchase-order/allOrders?limit=5", headers=auth())
    body = answer.json()
    assert body["success"] is True
    assert body["pagination"] == {"page": 1, "limit": 5, "total": 1, "pages": 1}
    assert [o["purchaseOrderNumber"] for o in body["orders"]] == ["PO-2024-001"]
    assert answer.headers["x-ratelimit-limit"] == "100"
    assert answer.headers["x-ratelimit-remaining"] == "99"
    assert answer.headers["x-ratelimit-reset"] == str(int(clock.now) + 60)


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "error"),
    [
        ("GET", f"/api/items/{ITEM}", {}, 401, {"code": "AUTH_REQUIRED"}),
        ("GET", "/api/nothing", {"headers": auth()}, 404, {"code": "NOT_FOUND"}),
        (
            "POST",
            "/api/items",
            {"headers": auth(), "content": b"{nope"},
            400,
            {"code": "VALIDATION_ERROR"},
        ),
        (
            "PUT",
            f"/api/purchase-order/{ORDER}/status",
            {"headers": auth(), "json": {"status": "shipped"}},
            400,
            {"code": "VALIDATION_ERROR", "field": "status"},
        ),
        (
            "GET",
            "/api/purchase-order/not-an-id",
            {"headers": auth()},
            400,
            {"code": "VALIDATION_ERROR", "field": "id"},
        ),
        (
            "GET",
            "/api/purchase-order/sync?limit=501",
            {"headers": auth()},
            400,
            {"code": "VALIDATION_ERROR", "field": "limit"},
        ),
    ],
)
def test_errors_have_the_documented_shape(
    sandbox: OneScpSandbox,
    clock: Clock,
    method: str,
    path: str,
    kwargs: dict[str, Any],
    status: int,
    error: dict[str, str],
) -> None:
    answer = raw(sandbox, method, path, **kwargs)
    body = answer.json()
    assert answer.status_code == status
    assert set(body) == {"success", "message", "error", "timestamp"}
    assert body["success"] is False
    assert isinstance(body["message"], str)
    assert body["message"]
    assert {k: body["error"][k] for k in error} == error
    assert body["timestamp"] == sandbox._iso(int(clock.now * 1000))


def test_rate_limit_answer(clock: Clock) -> None:
    sandbox = OneScpSandbox(clock=clock, rate_limit=1, rate_window=30)
    assert raw(sandbox, "GET", "/api/carriers", headers=auth()).status_code == 200
    clock.advance(10)
    refused = raw(sandbox, "GET", "/api/carriers", headers=auth())
    assert refused.status_code == 429
    assert refused.json()["error"] == {"code": "RATE_LIMIT_EXCEEDED", "retryAfter": 20}
    assert refused.json()["message"] == "Rate limit exceeded"
    assert (refused.headers["x-ratelimit-remaining"], refused.headers["x-ratelimit-reset"]) == (
        "0",
        str(int(clock.now) + 20),
    )
    clock.advance(20)
    assert raw(sandbox, "GET", "/api/carriers", headers=auth()).status_code == 200
    assert len(sandbox.requests) == 3
    unlimited = OneScpSandbox(rate_limit=None)
    answer = raw(unlimited, "GET", "/api/carriers", headers=auth())
    assert "x-ratelimit-limit" not in answer.headers


async def test_users_api_keys_and_company_scoped_subscriptions(mode: Mode) -> None:
    sandbox = OneScpSandbox()
    other = sandbox.add_user(
        "ops@abcelectronics.com",
        "pw",
        name="Ops",
        company_id=OneScpSandbox.SUPPLIER_COMPANY_ID,
        api_key="supplier-key",
    )
    assert sandbox.users[other]["companyId"] == OneScpSandbox.SUPPLIER_COMPANY_ID
    buyer = make_client(mode, sandbox)
    supplier = make_client(mode, sandbox, api_key="supplier-key")
    mine = await mode(buyer.webhooks.create(url="https://erp.example/a", events=["order.created"]))
    await mode(supplier.webhooks.create(url="https://erp.example/b", events=["order.created"]))
    assert [s.url for s in await mode.collect(buyer.webhooks.list())] == ["https://erp.example/a"]
    with pytest.raises(NotFoundError):
        await mode(supplier.webhooks.retrieve(mine.id))
    logged_in = make_client(mode, sandbox, email="ops@abcelectronics.com", password="pw")
    assert (await mode(logged_in.auth.login())).company_id == OneScpSandbox.SUPPLIER_COMPANY_ID


def test_seedless_sandbox_and_soft_delete_helper() -> None:
    sandbox = OneScpSandbox(seed=False)
    assert (sandbox.orders, sandbox.items, sandbox.shipments, sandbox.tasks) == ({}, {}, {}, {})
    client = sandbox.client(api_key=sandbox.DEFAULT_API_KEY)
    item = client.items.create(item_number="N-1")
    assert item.id is not None
    record = sandbox.soft_delete("item", item.id)
    assert record["deletedAt"] == record["updatedAt"]
    assert [c.kind for c in client.items.changes()] == ["deleted"]
    with pytest.raises(KeyError, match="no live item"):
        sandbox.soft_delete("item", item.id)
    with pytest.raises(KeyError, match="unknown kind"):
        sandbox.soft_delete("invoice", item.id)


def test_multipart_parser_is_exact() -> None:
    content = b"\r\n--not-the-boundary\r\n\x00\xff"
    request = httpx.Request(
        "POST",
        "https://x.invalid/",
        data={"type": "Invoice", "name": "Ünïcode"},
        files={"document": ("a b.pdf", content, "application/pdf")},
    )
    fields, files = parse_multipart(request.read(), request.headers["content-type"])
    assert fields == {"type": "Invoice", "name": "Ünïcode"}
    assert files == {"document": ("a b.pdf", "application/pdf", content)}
    with pytest.raises(ValueError, match="not multipart"):
        parse_multipart(b"{}", "application/json")


def test_xlsx_round_trip() -> None:
    rows = [["itemNumber", "name"], ["A-1", "Bolts & <nuts>"], ["", "no number"]]
    assert read_xlsx(write_xlsx(rows)) == rows


def test_bulk_import_errors_and_unreadable_files(sandbox: OneScpSandbox) -> None:
    client = sandbox.client(api_key=sandbox.DEFAULT_API_KEY)
    result = client.items.bulk_import(
        b"itemNumber,type\r\nX-1,Gadget\r\n,Material\r\nX-2,Material\r\n"
    )
    assert (result.imported, result.updated) == (1, 0)
    assert result.errors == [
        {"row": 2, "itemNumber": "X-1", "message": "Invalid type or itemStatus"},
        {"row": 3, "message": "itemNumber is required"},
    ]
    from supplychain_sdk import BadRequestError

    with pytest.raises(BadRequestError, match="could not be read"):
        client.items.bulk_import(b"PK\x03\x04 broken", filename="items.xlsx")
    with pytest.raises(BadRequestError, match="header row with an itemNumber column"):
        client.items.bulk_import(b"name\r\nx\r\n")


def test_concurrent_clients_keep_the_state_consistent() -> None:
    sandbox = OneScpSandbox(rate_limit=None)
    client = sandbox.client(api_key=sandbox.DEFAULT_API_KEY)
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(10):
                client.items.create(item_number=f"T{n}-{i}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    ids = [i["_id"] for i in sandbox.items.values()]
    assert len(ids) == len(set(ids)) == 41
    stamps = sorted(i["createdAt"] for i in sandbox.items.values())
    assert len(set(stamps[1:])) == 40  # every change has its own timestamp


def test_served_over_loopback_with_plain_http() -> None:
    sandbox = OneScpSandbox()
    with sandbox.serve() as base_url:
        assert base_url.startswith("http://127.0.0.1:")
        with OneScp(
            email=sandbox.DEFAULT_EMAIL, password=sandbox.DEFAULT_PASSWORD, base_url=base_url
        ) as client:
            assert client.auth.login().name == "John Doe"
            assert client.orders.retrieve(ORDER).purchase_order_number == "PO-2024-001"
        bad = OneScp(email=sandbox.DEFAULT_EMAIL, password="bad", base_url=base_url)
        with bad, pytest.raises(AuthenticationError):
            bad.orders.retrieve(ORDER)
    assert json.loads(sandbox.requests[0].body) == {
        "email": sandbox.DEFAULT_EMAIL,
        "password": sandbox.DEFAULT_PASSWORD,
    }
