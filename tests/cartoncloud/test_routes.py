"""The CartonCloud route table: every row has a sync and an async method, a reference line and
a case, and each case sends exactly the request the row declares (botocore-style walk)."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest

from supplychain_sdk import InvalidRequestError
from supplychain_sdk.cartoncloud import (
    AsyncCartonCloud,
    CartonCloud,
    Consignment,
    Customer,
    InboundOrder,
    JsonField,
    NewInboundOrder,
    NewTransportProduct,
    OutboundOrder,
    ProductReferences,
    References,
    TransportProduct,
    User,
    WarehouseProduct,
)
from supplychain_sdk.cartoncloud._routes import ROUTES
from tests.conftest import Mode, mock
from tests.routes import Case, check_table, run_case

BASE = "https://api.cartoncloud.test"
TENANT = "318782ea-75b1-11e8-adc0-fa7ae01babab"
ENTITY = "fb5b56f6-a68e-11e8-98d0-529269fb1459"
OTHER = "a3bb189e-8bf9-3888-9912-ace4e6543002"
TOKEN = "static-token"
T = f"/tenants/{TENANT}"

#: What every API request carries.
HEADERS = {"Accept-Version": "1", "Authorization": f"Bearer {TOKEN}", "Accept": "application/json"}
JSON_HEADERS = {**HEADERS, "Content-Type": "application/json"}


def client(mode: Mode, **options: Any) -> CartonCloud | AsyncCartonCloud:
    """A client that never asks for a token: its OAuth flow already holds one."""
    cls = AsyncCartonCloud if mode.is_async else CartonCloud
    made = cls("client-id", "client-secret", tenant_id=TENANT, base_url=BASE, **options)
    made.token_auth.accept({"access_token": TOKEN, "token_type": "bearer", "expires_in": 3600})
    made._sleep = mode.sleeper()
    return made


NEW_ORDER = {"references": {"customer": "REF-1"}, "customer": {"references": {"code": "C1"}}}
OUTBOUND_NEW = {
    **NEW_ORDER,
    "details": {"deliver": {"address": {"companyName": "Shop"}}},
    "items": [
        {"details": {"product": {"references": {"code": "SKU"}}}, "measures": {"quantity": 2}}
    ],
}


def order(kind: str, entity_id: str = ENTITY) -> dict[str, Any]:
    """An order or consignment as the API returns it (outbound ones with what they need)."""
    entity = {"id": entity_id, "version": 3, "type": kind, "status": "DRAFT", **NEW_ORDER}
    if kind == "OUTBOUND":
        entity.update(copy.deepcopy({k: OUTBOUND_NEW[k] for k in ("details", "items")}))
    return entity


WAREHOUSE_PRODUCT = {
    "id": ENTITY,
    "version": 3,
    "scope": "WAREHOUSE",
    "type": "FROZEN",
    "references": {"code": "ICE"},
    "customer": {"references": {"code": "C1"}},
    "name": "Ice",
    "description": "Ice cream",
    "defaultUnitOfMeasure": "units",
    "unitOfMeasures": {"units": {"qtyPerBase": 1}},
}
TRANSPORT_PRODUCT = {
    "id": ENTITY,
    "version": 1,
    "scope": "TRANSPORT",
    "type": "GENERAL",
    "references": {"code": "DRUM"},
    "name": "Drum",
    "description": "200 l drum",
}
CONDITION = JsonField("/references/customer").starts_with("REF-")
SEARCH_BODY = {"condition": CONDITION.to_dict()}
SEARCH_QUERY = {"pageNumber": "1", "pageSize": "2"}


def equals(expected: Any) -> Any:
    def check(result: Any) -> None:
        assert result == expected
        assert type(result) is type(expected)

    return check


def pages(items: list[dict[str, Any]]) -> list[Any]:
    """A search's answers: the items, then an empty page (no total headers: it stops there)."""
    return [items, []]


def search_case(
    resource: str, collection: str, items: list[dict[str, Any]], expected: list[Any]
) -> Case:
    return Case(
        call=lambda c: getattr(c, resource).search(CONDITION, page_size=2),
        method="POST",
        path=f"{T}/{collection}/search",
        query=SEARCH_QUERY,
        json=SEARCH_BODY,
        headers=JSON_HEADERS,
        pages=pages(items),
        check=equals(expected),
    )


def created_with_issues(result: OutboundOrder) -> None:
    assert type(result) is OutboundOrder
    assert result.to_dict() == order("OUTBOUND")
    assert result.created_with_issues is True


CASES: dict[str, Case] = {
    "user.info": Case(
        call=lambda c: c.user.info(),
        method="GET",
        path="/uaa/userinfo",
        headers=HEADERS,
        answer={"id": "u1", "email": "me@x.test", "tenants": [{"id": TENANT, "name": "Site"}]},
        check=equals(User(id="u1", email="me@x.test", tenants=[{"id": TENANT, "name": "Site"}])),
    ),
    "inbound_orders.create": Case(
        call=lambda c: c.inbound_orders.create(
            NewInboundOrder(
                references=References(customer="REF-1"), customer=Customer.by_code("C1")
            )
        ),
        method="POST",
        path=f"{T}/inbound-orders",
        json=NEW_ORDER,
        headers=JSON_HEADERS,
        absent=["If-Match"],
        status=201,
        answer=order("INBOUND"),
        check=equals(InboundOrder.model_validate(order("INBOUND"))),
    ),
    "inbound_orders.retrieve": Case(
        call=lambda c: c.inbound_orders.retrieve(ENTITY),
        method="GET",
        path=f"{T}/inbound-orders/{ENTITY}",
        headers=HEADERS,
        answer=order("INBOUND"),
        check=equals(InboundOrder.model_validate(order("INBOUND"))),
    ),
    "inbound_orders.update": Case(
        call=lambda c: c.inbound_orders.update(InboundOrder.model_validate(order("INBOUND"))),
        method="PUT",
        path=f"{T}/inbound-orders/{ENTITY}",
        json=order("INBOUND"),
        headers={**JSON_HEADERS, "If-Match": "3"},
        answer={**order("INBOUND"), "version": 4},
        check=equals(InboundOrder.model_validate({**order("INBOUND"), "version": 4})),
    ),
    "inbound_orders.search": search_case(
        "inbound_orders",
        "inbound-orders",
        [order("INBOUND"), order("INBOUND", OTHER)],
        [
            InboundOrder.model_validate(order("INBOUND")),
            InboundOrder.model_validate(order("INBOUND", OTHER)),
        ],
    ),
    "outbound_orders.create": Case(
        call=lambda c: c.outbound_orders.create(OUTBOUND_NEW, tenant_id=TENANT),
        method="POST",
        path=f"{T}/outbound-orders",
        json=OUTBOUND_NEW,
        headers=JSON_HEADERS,
        absent=["If-Match"],
        status=228,
        answer=order("OUTBOUND"),
        check=created_with_issues,
    ),
    "outbound_orders.retrieve": Case(
        call=lambda c: c.outbound_orders.retrieve(ENTITY),
        method="GET",
        path=f"{T}/outbound-orders/{ENTITY}",
        headers=HEADERS,
        answer=order("OUTBOUND"),
        check=equals(OutboundOrder.model_validate(order("OUTBOUND"))),
    ),
    "outbound_orders.update": Case(
        call=lambda c: c.outbound_orders.update(
            {**OUTBOUND_NEW, "status": "DRAFT"}, order_id=ENTITY, if_match=7
        ),
        method="PUT",
        path=f"{T}/outbound-orders/{ENTITY}",
        json={**OUTBOUND_NEW, "status": "DRAFT"},
        headers={**JSON_HEADERS, "If-Match": "7"},
        answer=order("OUTBOUND"),
        check=equals(OutboundOrder.model_validate(order("OUTBOUND"))),
    ),
    "outbound_orders.search": search_case(
        "outbound_orders",
        "outbound-orders",
        [order("OUTBOUND")],
        [OutboundOrder.model_validate(order("OUTBOUND"))],
    ),
    "consignments.create": Case(
        call=lambda c: c.consignments.create(NEW_ORDER),
        method="POST",
        path=f"{T}/consignments",
        json=NEW_ORDER,
        headers=JSON_HEADERS,
        absent=["If-Match"],
        status=201,
        answer=order("CONSIGNMENT"),
        check=equals(Consignment.model_validate(order("CONSIGNMENT"))),
    ),
    "consignments.retrieve": Case(
        call=lambda c: c.consignments.retrieve(ENTITY),
        method="GET",
        path=f"{T}/consignments/{ENTITY}",
        headers=HEADERS,
        answer=order("CONSIGNMENT"),
        check=equals(Consignment.model_validate(order("CONSIGNMENT"))),
    ),
    "consignments.update": Case(
        call=lambda c: c.consignments.update(Consignment.model_validate(order("CONSIGNMENT"))),
        method="PUT",
        path=f"{T}/consignments/{ENTITY}",
        json=order("CONSIGNMENT"),
        headers={**JSON_HEADERS, "If-Match": "3"},
        answer=order("CONSIGNMENT"),
        check=equals(Consignment.model_validate(order("CONSIGNMENT"))),
    ),
    "consignments.search": search_case(
        "consignments",
        "consignments",
        [order("CONSIGNMENT")],
        [Consignment.model_validate(order("CONSIGNMENT"))],
    ),
    "products.create": Case(
        call=lambda c: c.products.create(
            NewTransportProduct(
                type="GENERAL",
                references=ProductReferences(code="DRUM"),
                name="Drum",
                description="200 l drum",
            )
        ),
        method="POST",
        path=f"{T}/products",
        json={k: v for k, v in TRANSPORT_PRODUCT.items() if k not in {"id", "version"}},
        headers=JSON_HEADERS,
        status=201,
        answer=TRANSPORT_PRODUCT,
        check=equals(TransportProduct.model_validate(TRANSPORT_PRODUCT)),
    ),
    "products.retrieve": Case(
        call=lambda c: c.products.retrieve(ENTITY),
        method="GET",
        path=f"{T}/products/{ENTITY}",
        headers=HEADERS,
        answer=WAREHOUSE_PRODUCT,
        check=equals(WarehouseProduct.model_validate(WAREHOUSE_PRODUCT)),
    ),
    "products.update": Case(
        call=lambda c: c.products.update(WarehouseProduct.model_validate(WAREHOUSE_PRODUCT)),
        method="PUT",
        path=f"{T}/products/{ENTITY}",
        json=WAREHOUSE_PRODUCT,
        headers={**JSON_HEADERS, "If-Match": "3"},
        answer={**WAREHOUSE_PRODUCT, "version": 4},
        check=equals(WarehouseProduct.model_validate({**WAREHOUSE_PRODUCT, "version": 4})),
    ),
    "products.search": search_case(
        "products",
        "products",
        [WAREHOUSE_PRODUCT, TRANSPORT_PRODUCT],
        [
            WarehouseProduct.model_validate(WAREHOUSE_PRODUCT),
            TransportProduct.model_validate(TRANSPORT_PRODUCT),
        ],
    ),
    "customers.search": search_case(
        "customers",
        "customers",
        [{"id": ENTITY, "name": "Acme", "references": {"code": "C1"}}],
        [Customer(id=ENTITY, name="Acme", references={"code": "C1"})],
    ),
}


def test_every_row_has_methods_a_reference_line_and_a_case() -> None:
    check_table(
        routes=ROUTES,
        sync_client=CartonCloud,
        async_client=AsyncCartonCloud,
        cases=CASES,
        reference="docs/reference/cartoncloud.md",
        client_methods=["for_tenant"],
    )


@pytest.mark.parametrize("name", sorted(CASES))
async def test_each_row_sends_exactly_its_request(mode: Mode, name: str) -> None:
    await run_case(mode, client(mode, max_retries=0), CASES[name], BASE)


def test_the_table_reads_as_the_spec() -> None:
    """Ids are UUIDs, searches may be retried, only the documented routes are not inferred."""
    documented = {
        "user.info",
        *(
            f"{r}.{v}"
            for r in ("inbound_orders", "outbound_orders", "consignments")
            for v in ("create", "retrieve", "update")
        ),
        "products.create",
    }
    assert {name for name, op in ROUTES.items() if not op.inferred} == documented
    for name, op in ROUTES.items():
        assert {kind.value for kind in op.ids.values()} <= {"uuid"}, name
        assert set(op.ids) == op.placeholders, name
        if name.endswith(".search"):
            assert (op.method, op.idempotent, op.paging is not None) == ("POST", True, True)


def test_no_method_or_path_is_written_outside_the_table() -> None:
    package = Path(__file__).resolve().parents[2] / "src" / "supplychain_sdk" / "cartoncloud"
    written = re.compile(r"""["'](/tenants/|/uaa/userinfo)|@endpoint\(|RequestSpec\(""")
    offenders = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        if path.name != "_routes.py"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if written.search(line)
    ]
    assert offenders == []


# -- route overrides -----------------------------------------------------------------------------


async def test_a_route_override_moves_the_request(mode: Mode) -> None:
    moved = client(
        mode,
        max_retries=0,
        route_overrides={
            "outbound_orders.update": ("PATCH", "/v2/tenants/{tenant_id}/orders/{order_id}")
        },
    )
    entity = OutboundOrder.model_validate(order("OUTBOUND"))
    with mock(base_url=BASE) as router:
        route = router.patch(f"/v2/tenants/{TENANT}/orders/{ENTITY}").respond(
            200, json=order("OUTBOUND")
        )
        old = router.put(f"{T}/outbound-orders/{ENTITY}").respond(200, json=order("OUTBOUND"))
        result = await mode(moved.outbound_orders.update(entity))
        assert result == entity
        # a client derived with for_tenant (with_options) keeps the override
        await mode(moved.for_tenant(TENANT).outbound_orders.update(copy.deepcopy(entity)))
    assert (route.call_count, old.call_count) == (2, 0)
    sent = route.calls[0].request
    assert (sent.headers["if-match"], sent.headers["accept-version"]) == ("3", "1")
    assert moved.route(ROUTES["outbound_orders.update"]).method == "PATCH"
    assert moved.route(ROUTES["outbound_orders.retrieve"]) is ROUTES["outbound_orders.retrieve"]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"orders.update": ("PUT", "/x/{order_id}")}, "unknown operation 'orders.update'"),
        (
            {"outbound_orders.update": ("PUT", "/tenants/{tenant_id}/outbound-orders/{id}")},
            "must use the placeholders \\['order_id', 'tenant_id'\\]",
        ),
        ({"outbound_orders.update": ("PUT", "no-slash")}, "must be \\(METHOD, '/path'\\)"),
    ],
)
def test_a_bad_route_override_is_refused_when_the_client_is_made(
    mode: Mode, overrides: dict[str, tuple[str, str]], message: str
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        client(mode, route_overrides=overrides)
