"""Search with the condition DSL, list, and header pagination across many pages."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from supplychain_sdk import InvalidRequestError, PaginationError, UnprocessableEntityError
from supplychain_sdk.cartoncloud import (
    MATCH_ALL,
    AndCondition,
    AsyncCartonCloud,
    CartonCloud,
    Consignment,
    Customer,
    InboundOrder,
    JsonField,
    OrCondition,
    OutboundOrder,
    TransportProduct,
    WarehouseProduct,
)
from supplychain_sdk.sandbox.cartoncloud import CartonCloudSandbox
from tests.cartoncloud.conftest import (
    TENANT,
    assert_api_headers,
    last,
    make_client,
    outbound_order,
    sent_json,
)
from tests.conftest import Mode, mock

BASE = f"/tenants/{TENANT}"
MATCH_ALL_JSON = {"condition": {"type": "AndCondition", "conditions": []}}


async def create_orders(mode: Mode, client: Any, count: int, prefix: str = "SO-") -> None:
    for number in range(1, count + 1):
        await mode(client.outbound_orders.create(outbound_order(f"{prefix}{number:03d}")))


async def test_outbound_search_sends_the_condition(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    await create_orders(mode, client, 3)
    await mode(client.outbound_orders.create(outbound_order("WEB-1")))
    sandbox.requests.clear()
    condition = JsonField("/references/customer").starts_with("SO-") & (
        JsonField("/customer/references/code").equals("SANDBOX")
        | JsonField("/details/instructions").contains("urgent")
    )
    pager = client.outbound_orders.search(condition, page_size=2)
    assert sandbox.requests == []  # lazy
    orders = await mode.collect(pager)
    assert [o.references.customer for o in orders] == ["SO-001", "SO-002", "SO-003"]
    assert all(isinstance(o, OutboundOrder) for o in orders)
    first, second = sandbox.requests
    assert (first.method, first.path, first.query) == (
        "POST",
        f"{BASE}/outbound-orders/search",
        (("pageNumber", "1"), ("pageSize", "2")),
    )
    assert second.query == (("pageNumber", "2"), ("pageSize", "2"))
    assert_api_headers(first, json_body=True)
    text = {"type": "TextComparisonCondition"}
    assert (
        sent_json(first)
        == sent_json(second)
        == {
            "condition": {
                "type": "AndCondition",
                "conditions": [
                    {
                        **text,
                        "field": {"type": "JsonField", "pointer": "/references/customer"},
                        "value": {"type": "ValueField", "value": "SO-"},
                        "method": "STARTS_WITH",
                    },
                    {
                        "type": "OrCondition",
                        "conditions": [
                            {
                                **text,
                                "field": {
                                    "type": "JsonField",
                                    "pointer": "/customer/references/code",
                                },
                                "value": {"type": "ValueField", "value": "SANDBOX"},
                                "method": "EQUAL_TO",
                            },
                            {
                                **text,
                                "field": {"type": "JsonField", "pointer": "/details/instructions"},
                                "value": {"type": "ValueField", "value": "urgent"},
                                "method": "CONTAINS",
                            },
                        ],
                    },
                ],
            }
        }
    )


async def test_search_with_a_raw_condition(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    await create_orders(mode, client, 2)
    raw = {
        "type": "TextComparisonCondition",
        "field": {"type": "ValueField", "value": "reference"},
        "value": {"type": "ValueField", "value": "SO-002"},
        "method": "EQUAL_TO",
    }
    orders = await mode.collect(client.outbound_orders.search(raw))
    assert [o.references.customer for o in orders] == ["SO-002"]
    assert sent_json(last(sandbox)) == {"condition": raw}
    assert last(sandbox).query == (("pageNumber", "1"),)  # no size: the API's default


@pytest.mark.parametrize(
    ("resource", "collection", "item_type"),
    [
        ("inbound_orders", "inbound-orders", InboundOrder),
        ("outbound_orders", "outbound-orders", OutboundOrder),
        ("consignments", "consignments", Consignment),
        ("customers", "customers", Customer),
    ],
)
async def test_list_is_a_match_all_search(
    mode: Mode,
    sandbox: CartonCloudSandbox,
    client: CartonCloud,
    resource: str,
    collection: str,
    item_type: type,
) -> None:
    if resource == "inbound_orders":
        await mode(client.inbound_orders.create(outbound_order(details={})))
    elif resource == "outbound_orders":
        await mode(client.outbound_orders.create(outbound_order()))
    elif resource == "consignments":
        await mode(client.consignments.create(outbound_order(items=[], details={})))
    items = await mode.collect(getattr(client, resource).list(page_size=50, limit=10))
    assert len(items) == (2 if resource == "customers" else 1)
    assert all(isinstance(item, item_type) for item in items)
    request = last(sandbox)
    assert (request.method, request.path, request.query) == (
        "POST",
        f"{BASE}/{collection}/search",
        (("pageNumber", "1"), ("pageSize", "50")),
    )
    assert_api_headers(request, json_body=True)
    assert sent_json(request) == MATCH_ALL_JSON


@pytest.mark.parametrize("resource", ["inbound_orders", "consignments", "products", "customers"])
async def test_search_of_each_collection(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud, resource: str
) -> None:
    condition = JsonField("/references/code").equals("SKU-APPLE")
    found = await mode.collect(getattr(client, resource).search(condition, start_page=1))
    collection = resource.replace("_", "-")
    assert last(sandbox).path == f"{BASE}/{collection}/search"
    assert sent_json(last(sandbox)) == {"condition": condition.to_dict()}
    if resource == "products":
        assert [type(p) for p in found] == [WarehouseProduct]
    else:
        assert found == []


async def test_products_list_is_typed(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    products = await mode.collect(client.products.list(page_size=2))
    assert [type(p) for p in products] == [WarehouseProduct, WarehouseProduct, TransportProduct]
    first, second = sandbox.requests[1:]
    assert (first.method, first.path, first.query) == (
        "POST",
        f"{BASE}/products/search",
        (("pageNumber", "1"), ("pageSize", "2")),
    )
    assert second.query == (("pageNumber", "2"), ("pageSize", "2"))
    assert_api_headers(second, json_body=True)
    assert sent_json(first) == sent_json(second) == MATCH_ALL_JSON


async def test_pagination_across_many_pages_with_totals(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    await create_orders(mode, client, 47)
    sandbox.requests.clear()
    pager = client.outbound_orders.list(page_size=5)
    pages = [page async for page in _pages(pager)]
    assert len(pages) == 10
    assert [len(p.items) for p in pages] == [5] * 9 + [2]
    assert [p.meta.page_number for p in pages] == list(range(1, 11))
    assert {(p.meta.total_items, p.meta.total_pages, p.meta.page_size) for p in pages} == {
        (47, 10, 5)
    }
    assert [p.has_next for p in pages] == [True] * 9 + [False]
    references = [o.references.customer for p in pages for o in p.items]
    assert references == [f"SO-{n:03d}" for n in range(1, 48)]
    assert [r.query for r in sandbox.requests] == [
        (("pageNumber", str(n)), ("pageSize", "5")) for n in range(1, 11)
    ]
    link = pages[3].raw.header("link")
    url = f"{sandbox.base_url}{BASE}/outbound-orders/search"
    assert link == (
        f'<{url}?pageNumber=1&pageSize=5>; rel="first", '
        f'<{url}?pageNumber=3&pageSize=5>; rel="prev", '
        f'<{url}?pageNumber=5&pageSize=5>; rel="next", '
        f'<{url}?pageNumber=10&pageSize=5>; rel="last"'
    )


async def _pages(pager: Any) -> Any:
    if hasattr(pager, "__aiter__"):
        async for page in pager.pages():
            yield page
    else:
        for page in pager.pages():
            yield page


async def test_start_page_limit_and_the_server_page_size_cap(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    await create_orders(mode, client, 12)
    sandbox.max_page_size = 4
    sandbox.requests.clear()
    rest = await mode.collect(client.outbound_orders.list(page_size=10, start_page=2))
    assert [o.references.customer for o in rest] == [f"SO-{n:03d}" for n in range(5, 13)]
    assert [r.query[0] for r in sandbox.requests] == [("pageNumber", "2"), ("pageNumber", "3")]
    sandbox.requests.clear()
    first_five = await mode.collect(client.outbound_orders.list(limit=5))
    assert len(first_five) == 5
    assert len(sandbox.requests) == 2
    first = await mode(client.outbound_orders.list(page_size=4).first_page())
    assert (len(first), first.has_next, first.meta.total_items) == (4, True, 12)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"page_size": 0}, "page_size must be a positive integer, got 0"),
        ({"page_size": True}, "page_size must be a positive integer"),
        ({"start_page": 0}, "start_page must be a positive integer, got 0"),
        ({"limit": 0}, "limit must be a positive integer"),
        ({"tenant_id": "t1"}, "tenant_id must be a UUID"),
    ],
)
async def test_search_bad_input(
    mode: Mode,
    sandbox: CartonCloudSandbox,
    client: CartonCloud,
    kwargs: dict[str, Any],
    message: str,
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        client.outbound_orders.search(MATCH_ALL, **kwargs)
    with pytest.raises(InvalidRequestError, match="condition must be a Condition"):
        client.outbound_orders.search("status = DRAFT")  # type: ignore[arg-type]
    with pytest.raises(InvalidRequestError, match="needs a 'type'"):
        client.outbound_orders.search({"method": "EQUAL_TO"})
    assert sandbox.requests == []


async def test_search_refused_by_the_server(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    condition = AndCondition(
        JsonField("/status").equals("DRAFT"),
        {"type": "DateComparisonCondition", "field": {}},
        OrCondition({"type": "TextComparisonCondition", "method": "LIKE"}),
    )
    with pytest.raises(UnprocessableEntityError) as caught:
        await mode.collect(client.outbound_orders.search(condition))
    assert caught.value.field_errors == {
        "/condition/conditions/1/type": ["Unsupported condition type 'DateComparisonCondition'."],
        "/condition/conditions/2/conditions/0/field/type": [
            "Field type must be JsonField or ValueField."
        ],
        "/condition/conditions/2/conditions/0/value": [
            "Value must be a ValueField with a text value."
        ],
        "/condition/conditions/2/conditions/0/method": ["Unsupported method 'LIKE'."],
    }


async def test_search_is_retried_through_503_and_429(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    await create_orders(mode, client, 3)
    sandbox.faults.statuses([503], path="/search$")
    sandbox.faults.rate_limit(retry_after=2, path="/search$")
    orders = await mode.collect(client.outbound_orders.list())
    assert len(orders) == 3
    searches = [r for r in sandbox.requests if r.path.endswith("/search")]
    assert len(searches) == 3
    assert mode.sleeps[-1] == 2.0
    assert len(mode.sleeps) == 2


async def test_a_server_that_ignores_the_page_parameter_is_caught(mode: Mode) -> None:
    base = "https://api.cartoncloud.com"
    cls = AsyncCartonCloud if mode.is_async else CartonCloud
    with mock(base_url=base) as router:
        router.post("/uaa/oauth/token").respond(
            200, json={"access_token": "t", "token_type": "bearer", "expires_in": 3600}
        )
        router.post(f"{BASE}/outbound-orders/search").respond(
            200,
            json=[{"id": "a", "version": 1, "references": {}, "customer": {}}],
            headers={"Total-Pages": "3", "Page-Number": "1", "Page-Size": "1"},
        )
        client = cls("id", "secret", tenant_id=TENANT, base_url=base)
        with pytest.raises(
            PaginationError, match="asked for page 2 but the server answered page 1"
        ):
            await mode.collect(client.outbound_orders.list())


async def test_pages_without_total_headers_stop_on_an_empty_page(mode: Mode) -> None:
    base = "https://api.cartoncloud.com"
    cls = AsyncCartonCloud if mode.is_async else CartonCloud

    def order(order_id: str) -> dict[str, Any]:
        return {"id": order_id, "version": 1, "references": {}, "customer": {}}

    answers = [[order("a"), order("b")], [order("c")], []]
    with mock(base_url=base) as router:
        router.post("/uaa/oauth/token").respond(
            200, json={"access_token": "t", "token_type": "bearer", "expires_in": 3600}
        )
        route = router.post(f"{BASE}/outbound-orders/search")
        route.side_effect = [httpx.Response(200, json=a) for a in answers]
        client = cls("id", "secret", tenant_id=TENANT, base_url=base)
        orders = await mode.collect(client.outbound_orders.list())
        assert [o.id for o in orders] == ["a", "b", "c"]
        assert route.call_count == 3


async def test_the_spec_page_parameter_names_work_on_the_sandbox(
    sandbox: CartonCloudSandbox,
) -> None:
    client = make_client(Mode("sync"), sandbox)
    answer = client.request(
        "POST",
        f"{BASE}/customers/search",
        params={"pageNumber": 2, "pageSize": 1},
        json=MATCH_ALL_JSON,
    )
    assert [c["references"]["code"] for c in answer] == ["ACME"]
    raw = client.last_response
    assert raw is not None
    assert (raw.header("page-number"), raw.header("page-size"), raw.header("total-pages")) == (
        "2",
        "1",
        "2",
    )
    assert 'pageNumber=1&pageSize=1>; rel="first"' in (raw.header("link") or "")
