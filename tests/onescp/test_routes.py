"""The ONESCP route table: every row has a sync and an async method, a reference line and a
case, and each case sends exactly the request the row declares (botocore-style walk)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest

from supplychain_sdk import InvalidRequestError
from supplychain_sdk.onescp import (
    AsyncOneScp,
    BulkImportResult,
    Carrier,
    Created,
    Deleted,
    Document,
    ErpSyncReport,
    Item,
    OneScp,
    Order,
    Shipment,
    Supplier,
    Task,
    Updated,
    User,
    WebhookSubscription,
)
from supplychain_sdk.onescp._routes import ROUTES
from tests.conftest import Mode, mock
from tests.onescp.conftest import form
from tests.routes import Case, check_table, run_case

BASE = "https://api.onescp.test"
TOKEN = "static-token"
ORDER = "a00000000000000000000001"
LINE = "a10000000000000000000001"
SHIPMENT = "b00000000000000000000001"
CONTAINER = "b10000000000000000000001"
ITEM = "c00000000000000000000001"
TASK = "d00000000000000000000001"
DOC = "e00000000000000000000001"
SUB = "f00000000000000000000001"
USER = "0a0000000000000000000001"

HEADERS = {"Authorization": f"Bearer {TOKEN}"}
JSON = {**HEADERS, "Content-Type": "application/json"}
SINCE = "2025-01-25T00:00:00Z"


def client(mode: Mode, **options: Any) -> OneScp | AsyncOneScp:
    """A client with a static token (a login client for ``auth.login``)."""
    options.setdefault("token", TOKEN)
    cls = AsyncOneScp if mode.is_async else OneScp
    made = cls(base_url=BASE, max_retries=0, **options)
    made._sleep = mode.sleeper()
    return made


def equals(expected: Any) -> Any:
    def check(result: Any) -> None:
        assert result == expected
        assert type(result) is type(expected)

    return check


def entity(key: str, record: dict[str, Any]) -> dict[str, Any]:
    return {"success": True, key: record}


ORDER_JSON = {"_id": ORDER, "purchaseOrderNumber": "PO-1", "status": "draft"}
SHIPMENT_JSON = {"_id": SHIPMENT, "shipmentNumber": "SH-1", "status": "pending"}
ITEM_JSON = {"_id": ITEM, "itemNumber": "ITEM-1"}
TASK_JSON = {"_id": TASK, "title": "Review", "status": "Open"}
DOC_JSON = {"_id": DOC, "name": "Invoice", "type": "Invoice"}
SUB_JSON = {"_id": SUB, "url": "https://erp.example/hook", "events": ["order.created"]}
IMPORTED = {"success": True, "imported": 1, "updated": 0, "errors": []}
ORDER_ROW = {
    "purchaseOrderNumber": "PO-1",
    "supplierCompany": ORDER,
    "supplierId": USER,
    "supplierAccountNumber": "V-1",
    "destination": {"city": "Hamburg"},
    "contactEmail": "buyer@acme.example",
    "lines": [{"item": {"number": "MAT-1"}, "quantity": 1}],
}

order, shipment, item, task = (
    Order.model_validate(ORDER_JSON),
    Shipment.model_validate(SHIPMENT_JSON),
    Item.model_validate(ITEM_JSON),
    Task.model_validate(TASK_JSON),
)


def listed(key: str, record: dict[str, Any]) -> dict[str, Any]:
    return {"success": True, key: [record]}


def drained(feed: Any) -> Any:
    """A sync change feed read to a list (the runner collects async iterables itself)."""
    return feed if hasattr(feed, "__aiter__") else list(feed)


def changes(call: Any, path: str, record: dict[str, Any], model: Any) -> Case:
    return Case(
        call=lambda c: drained(call(c)),
        method="GET",
        path=path,
        query={"since": SINCE, "page": "1", "limit": "50"},
        headers=HEADERS,
        answer={
            "success": True,
            "created": [record],
            "updated": [record],
            "deleted": [{"_id": USER, "deletedAt": SINCE}],
            "lastSyncTimestamp": SINCE,
            "hasMore": False,
        },
        check=equals(
            [
                Created(model.model_validate(record)),
                Updated(model.model_validate(record)),
                Deleted(USER, SINCE),
            ]
        ),
    )


def deleted(call: Any, path: str) -> Case:
    return Case(
        call=call,
        method="DELETE",
        path=path,
        headers=HEADERS,
        absent=["content-type"],
        answer={"success": True, "message": "deleted"},
        check=equals(None),
    )


CASES: dict[str, Case] = {
    "auth.login": Case(
        call=lambda c: c.auth.login(),
        method="POST",
        path="/api/auth/login",
        json={"email": "erp@acme.example", "password": "pw"},
        headers={"Content-Type": "application/json"},
        absent=["authorization"],
        answer={"success": True, "token": "jwt", "user": {"_id": USER, "role": "buyer"}},
        check=equals(User.model_validate({"_id": USER, "role": "buyer"})),
    ),
    # -- orders
    "orders.list": Case(
        call=lambda c: c.orders.list(
            status="approved",
            supplier=USER,
            date_from="2025-01-01",
            date_to="2025-02-01",
            page_size=5,
        ),
        method="GET",
        path="/api/purchase-order/allOrders",
        query={
            "status": "approved",
            "supplier": USER,
            "dateFrom": "2025-01-01",
            "dateTo": "2025-02-01",
            "page": "1",
            "limit": "5",
        },
        headers=HEADERS,
        answer=listed("orders", ORDER_JSON),
        check=equals([order]),
    ),
    "orders.retrieve": Case(
        call=lambda c: c.orders.retrieve(ORDER),
        method="GET",
        path=f"/api/purchase-order/{ORDER}",
        headers=HEADERS,
        answer=entity("order", ORDER_JSON),
        check=equals(order),
    ),
    "orders.create": Case(
        call=lambda c: c.orders.create(
            supplier={"name": "ABC"},
            order_lines=[{"item": {"number": "X"}, "quantity": 2}],
            delivery_date="2025-03-01",
            priority="p1",
            notes="urgent",
            extra={"erpId": "SAP-1"},
        ),
        method="POST",
        path="/api/purchase-order/create",
        json={
            "supplier": {"name": "ABC"},
            "orderLines": [{"item": {"number": "X"}, "quantity": 2}],
            "deliveryDate": "2025-03-01",
            "priority": "p1",
            "notes": "urgent",
            "erpId": "SAP-1",
        },
        headers=JSON,
        answer=entity("order", ORDER_JSON),
        check=equals(order),
    ),
    "orders.update": Case(
        call=lambda c: c.orders.update(ORDER, priority="p2", notes="later"),
        method="PUT",
        path=f"/api/purchase-order/{ORDER}",
        json={"priority": "p2", "notes": "later"},
        headers=JSON,
        answer=entity("order", ORDER_JSON),
        check=equals(order),
    ),
    "orders.update_status": Case(
        call=lambda c: c.orders.update_status(ORDER, "approved", notes="ok"),
        method="PUT",
        path=f"/api/purchase-order/{ORDER}/status",
        json={"status": "approved", "notes": "ok"},
        headers=JSON,
        answer=entity("order", ORDER_JSON),
        check=equals(order),
    ),
    "orders.delete": deleted(lambda c: c.orders.delete(ORDER), f"/api/purchase-order/{ORDER}"),
    "orders.changes": changes(
        lambda c: c.orders.changes(since=SINCE, page_size=50),
        "/api/purchase-order/sync",
        ORDER_JSON,
        Order,
    ),
    "orders.upsert_from_erp": Case(
        call=lambda c: c.orders.upsert_from_erp([ORDER_ROW]),
        method="POST",
        path="/api/purchase-order/sync-from-erp",
        json={"orders": [ORDER_ROW]},
        headers=JSON,
        answer={"success": True, "created": [ORDER_JSON], "updated": [], "errors": []},
        check=equals(ErpSyncReport(created=[order], batches=1)),
    ),
    "orders.lines.add": Case(
        call=lambda c: c.orders.lines.add(ORDER, {"item": {"number": "X"}, "quantity": 3}),
        method="POST",
        path=f"/api/purchase-order/{ORDER}/lines",
        json={"item": {"number": "X"}, "quantity": 3},
        headers=JSON,
        answer=entity("order", ORDER_JSON),
        check=equals(order),
    ),
    "orders.lines.update": Case(
        call=lambda c: c.orders.lines.update(ORDER, LINE, quantity=4, prices={"netPrice": 9.5}),
        method="PUT",
        path=f"/api/purchase-order/{ORDER}/lines/{LINE}",
        json={"quantity": 4, "prices": {"netPrice": 9.5}},
        headers=JSON,
        answer=entity("order", ORDER_JSON),
        check=equals(order),
    ),
    "orders.lines.delete": deleted(
        lambda c: c.orders.lines.delete(ORDER, LINE), f"/api/purchase-order/{ORDER}/lines/{LINE}"
    ),
    "orders.documents.upload": Case(
        call=lambda c: c.orders.documents.upload(
            ORDER, b"%PDF", type="Invoice", name="INV-1", filename="inv.pdf"
        ),
        method="POST",
        path=f"/api/purchase-order/{ORDER}/documents",
        json={"fields": {"type": "Invoice", "name": "INV-1"}, "files": ["document"]},
        headers=HEADERS,
        answer=entity("document", DOC_JSON),
        check=equals(Document.model_validate(DOC_JSON)),
    ),
    "orders.documents.list": Case(
        call=lambda c: c.orders.documents.list(ORDER),
        method="GET",
        path=f"/api/purchase-order/{ORDER}/documents",
        headers=HEADERS,
        answer={"success": True, "documents": [DOC_JSON]},
        check=equals([Document.model_validate(DOC_JSON)]),
    ),
    "orders.documents.delete": deleted(
        lambda c: c.orders.documents.delete(ORDER, DOC),
        f"/api/purchase-order/{ORDER}/documents/{DOC}",
    ),
    # -- shipments
    "shipments.list": Case(
        call=lambda c: c.shipments.list(status="in_transit", carrier="Maersk", limit=1),
        method="GET",
        path="/api/shipment",
        query={"status": "in_transit", "carrier": "Maersk", "page": "1"},
        headers=HEADERS,
        answer=listed("shipments", SHIPMENT_JSON),
        check=equals([shipment]),
    ),
    "shipments.retrieve": Case(
        call=lambda c: c.shipments.retrieve(SHIPMENT),
        method="GET",
        path=f"/api/shipment/{SHIPMENT}",
        headers=HEADERS,
        answer=entity("shipment", SHIPMENT_JSON),
        check=equals(shipment),
    ),
    "shipments.create": Case(
        call=lambda c: c.shipments.create(
            ORDER,
            LINE,
            departure_from="Shanghai Port",
            departure_country_iso2="cn",
            final_destination_country_iso2="US",
            scheduled_delivery_date="2024-02-15",
            containers=[{"containerNumber": "MSKU1"}],
        ),
        method="POST",
        path=f"/api/shipment/purchase-orders/{ORDER}/lines/{LINE}",
        json={
            "departureFrom": "Shanghai Port",
            "departureCountryISO2": "CN",
            "finalDestinationCountryISO2": "US",
            "scheduledDeliveryDate": "2024-02-15",
            "containers": [{"containerNumber": "MSKU1"}],
        },
        headers=JSON,
        answer=entity("shipment", SHIPMENT_JSON),
        check=equals(shipment),
    ),
    "shipments.update": Case(
        call=lambda c: c.shipments.update(SHIPMENT, status="delivered", carrier="CMA CGM"),
        method="PATCH",
        path=f"/api/shipment/{SHIPMENT}",
        json={"status": "delivered", "carrier": "CMA CGM"},
        headers=JSON,
        answer=entity("shipment", SHIPMENT_JSON),
        check=equals(shipment),
    ),
    "shipments.update_status": Case(
        call=lambda c: c.shipments.update_status(SHIPMENT, "delivered"),
        method="PATCH",
        path=f"/api/shipment/{SHIPMENT}/status",
        json={"status": "delivered"},
        headers=JSON,
        answer=entity("shipment", SHIPMENT_JSON),
        check=equals(shipment),
    ),
    "shipments.changes": changes(
        lambda c: c.shipments.changes(since=SINCE, page_size=50),
        "/api/shipment/sync",
        SHIPMENT_JSON,
        Shipment,
    ),
    "shipments.upsert_from_erp": Case(
        call=lambda c: c.shipments.upsert_from_erp([{"erpId": "SAP-S-1"}]),
        method="POST",
        path="/api/shipment/sync-from-erp",
        json={"shipments": [{"erpId": "SAP-S-1"}]},
        headers=JSON,
        answer={"success": True, "updated": [SHIPMENT_JSON]},
        check=equals(ErpSyncReport(updated=[shipment], batches=1)),
    ),
    "shipments.containers.add": Case(
        call=lambda c: c.shipments.containers.add(SHIPMENT, {"containerNumber": "TGHU1"}),
        method="POST",
        path=f"/api/shipment/{SHIPMENT}/containers",
        json={"containerNumber": "TGHU1"},
        headers=JSON,
        answer=entity("shipment", SHIPMENT_JSON),
        check=equals(shipment),
    ),
    "shipments.containers.update": Case(
        call=lambda c: c.shipments.containers.update(
            SHIPMENT, CONTAINER, seal_number="S-9", weight=25000
        ),
        method="PATCH",
        path=f"/api/shipment/{SHIPMENT}/containers/{CONTAINER}",
        json={"sealNumber": "S-9", "weight": 25000},
        headers=JSON,
        answer=entity("shipment", SHIPMENT_JSON),
        check=equals(shipment),
    ),
    "shipments.containers.delete": deleted(
        lambda c: c.shipments.containers.delete(SHIPMENT, CONTAINER),
        f"/api/shipment/{SHIPMENT}/containers/{CONTAINER}",
    ),
    "shipments.documents.upload": Case(
        call=lambda c: c.shipments.documents.upload(
            SHIPMENT, b"BL", type="Shipping", description="bill of lading", filename="bl.pdf"
        ),
        method="POST",
        path=f"/api/shipment/{SHIPMENT}/documents",
        json={
            "fields": {"type": "Shipping", "description": "bill of lading"},
            "files": ["document"],
        },
        headers=HEADERS,
        answer=entity("document", DOC_JSON),
        check=equals(Document.model_validate(DOC_JSON)),
    ),
    "shipments.documents.list": Case(
        call=lambda c: c.shipments.documents.list(SHIPMENT),
        method="GET",
        path=f"/api/shipment/{SHIPMENT}/documents",
        headers=HEADERS,
        answer={"success": True, "documents": [DOC_JSON]},
        check=equals([Document.model_validate(DOC_JSON)]),
    ),
    "shipments.documents.delete": deleted(
        lambda c: c.shipments.documents.delete(SHIPMENT, DOC),
        f"/api/shipment/{SHIPMENT}/documents/{DOC}",
    ),
    # -- items
    "items.list": Case(
        call=lambda c: c.items.list(search="bolt", item_status="Processed", page=2),
        method="GET",
        path="/api/items",
        query={"search": "bolt", "itemStatus": "Processed", "page": "2"},
        headers=HEADERS,
        answer=listed("items", ITEM_JSON),
        check=equals([item]),
    ),
    "items.retrieve": Case(
        call=lambda c: c.items.retrieve(ITEM),
        method="GET",
        path=f"/api/items/{ITEM}",
        headers=HEADERS,
        answer=entity("item", ITEM_JSON),
        check=equals(item),
    ),
    "items.create": Case(
        call=lambda c: c.items.create(
            item_number="ITEM-1", type="Material", material={"MATNR": "15330"}
        ),
        method="POST",
        path="/api/items",
        json={"itemNumber": "ITEM-1", "type": "Material", "material": {"MATNR": "15330"}},
        headers=JSON,
        answer=entity("item", ITEM_JSON),
        check=equals(item),
    ),
    "items.update": Case(
        call=lambda c: c.items.update(ITEM, item_status="Under Approval", category="Tools"),
        method="PUT",
        path=f"/api/items/{ITEM}",
        json={"itemStatus": "Under Approval", "category": "Tools"},
        headers=JSON,
        answer=entity("item", ITEM_JSON),
        check=equals(item),
    ),
    "items.delete": deleted(lambda c: c.items.delete(ITEM), f"/api/items/{ITEM}"),
    "items.bulk_import": Case(
        call=lambda c: c.items.bulk_import(b"itemNumber\nX-1\n", update_existing=True),
        method="POST",
        path="/api/items/bulk-import",
        json={"fields": {"updateExisting": "true"}, "files": ["file"]},
        headers=HEADERS,
        answer=IMPORTED,
        check=equals(BulkImportResult.model_validate(IMPORTED)),
    ),
    "items.export": Case(
        call=lambda c: c.items.export(format="excel"),
        method="GET",
        path="/api/items/export",
        query={"format": "excel"},
        headers={
            **HEADERS,
            "Accept": (
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, "
                "application/vnd.ms-excel, application/json;q=0.5"
            ),
        },
        answer={"success": True, "items": []},
        check=equals(b'{"success":true,"items":[]}'),
    ),
    "items.changes": changes(
        lambda c: c.items.changes(since=SINCE, page_size=50), "/api/items/sync", ITEM_JSON, Item
    ),
    "items.upsert_from_erp": Case(
        call=lambda c: c.items.upsert_from_erp([{"itemNumber": "ITEM-1"}]),
        method="POST",
        path="/api/items/sync-from-erp",
        json={"items": [{"itemNumber": "ITEM-1"}]},
        headers=JSON,
        answer={"success": True, "created": [], "updated": [ITEM_JSON]},
        check=equals(ErpSyncReport(updated=[item], batches=1)),
    ),
    # -- tasks
    "tasks.list": Case(
        call=lambda c: c.tasks.list(status="Open", priority="p1"),
        method="GET",
        path="/api/task/allTasks",
        query={"status": "Open", "priority": "p1", "page": "1"},
        headers=HEADERS,
        answer=listed("tasks", TASK_JSON),
        check=equals([task]),
    ),
    "tasks.retrieve": Case(
        call=lambda c: c.tasks.retrieve(TASK),
        method="GET",
        path=f"/api/task/taskid/{TASK}",
        headers=HEADERS,
        answer=entity("task", TASK_JSON),
        check=equals(task),
    ),
    "tasks.create": Case(
        call=lambda c: c.tasks.create(
            ORDER, title="Review", assigned_to=USER, due_date="2024-12-31T23:59:59Z"
        ),
        method="POST",
        path=f"/api/task/{ORDER}",
        json={"title": "Review", "assignedTo": USER, "dueDate": "2024-12-31T23:59:59Z"},
        headers=JSON,
        answer=entity("task", TASK_JSON),
        check=equals(task),
    ),
    "tasks.update": Case(
        call=lambda c: c.tasks.update(TASK, description="now", priority="p3"),
        method="PUT",
        path=f"/api/task/taskid/{TASK}",
        json={"description": "now", "priority": "p3"},
        headers=JSON,
        answer=entity("task", TASK_JSON),
        check=equals(task),
    ),
    "tasks.update_status": Case(
        call=lambda c: c.tasks.update_status(TASK, "In Progress"),
        method="PUT",
        path=f"/api/task/taskid/{TASK}",
        json={"status": "In Progress"},
        headers=JSON,
        answer=entity("task", TASK_JSON),
        check=equals(task),
    ),
    "tasks.decide": Case(
        call=lambda c: c.tasks.decide(TASK, "reject", comments="no"),
        method="PUT",
        path=f"/api/task/{TASK}/decision",
        json={"decision": "reject", "comments": "no"},
        headers=JSON,
        answer=entity("task", TASK_JSON),
        check=equals(task),
    ),
    "tasks.changes": changes(
        lambda c: c.tasks.changes(since=SINCE, page_size=50), "/api/task/sync", TASK_JSON, Task
    ),
    # -- reference data and webhooks
    "suppliers.list": Case(
        call=lambda c: c.suppliers.list(limit=1),
        method="GET",
        path="/api/suppliers",
        query={"page": "1"},
        headers=HEADERS,
        answer=listed("suppliers", {"_id": USER, "name": "ABC"}),
        check=equals([Supplier.model_validate({"_id": USER, "name": "ABC"})]),
    ),
    "carriers.list": Case(
        call=lambda c: c.carriers.list(),
        method="GET",
        path="/api/carriers",
        query={"page": "1"},
        headers=HEADERS,
        answer=listed("carriers", {"_id": USER, "code": "MAEU"}),
        check=equals([Carrier.model_validate({"_id": USER, "code": "MAEU"})]),
    ),
    "webhooks.create": Case(
        call=lambda c: c.webhooks.create(
            url="https://erp.example/hook", events=["order.created", "task.completed"]
        ),
        method="POST",
        path="/api/webhooks/subscriptions",
        json={"url": "https://erp.example/hook", "events": ["order.created", "task.completed"]},
        headers=JSON,
        answer=entity("subscription", {**SUB_JSON, "secret": "whsec_1"}),
        check=equals(WebhookSubscription.model_validate({**SUB_JSON, "secret": "whsec_1"})),
    ),
    "webhooks.list": Case(
        call=lambda c: c.webhooks.list(),
        method="GET",
        path="/api/webhooks/subscriptions",
        query={"page": "1"},
        headers=HEADERS,
        answer=listed("subscriptions", SUB_JSON),
        check=equals([WebhookSubscription.model_validate(SUB_JSON)]),
    ),
    "webhooks.retrieve": Case(
        call=lambda c: c.webhooks.retrieve(SUB),
        method="GET",
        path=f"/api/webhooks/subscriptions/{SUB}",
        headers=HEADERS,
        answer=entity("subscription", SUB_JSON),
        check=equals(WebhookSubscription.model_validate(SUB_JSON)),
    ),
    "webhooks.delete": deleted(
        lambda c: c.webhooks.delete(SUB), f"/api/webhooks/subscriptions/{SUB}"
    ),
}

#: Rows sent as ``multipart/form-data``: their case's ``json`` holds the expected form fields
#: and file part names (the shared runner reads JSON bodies only).
MULTIPART = {"orders.documents.upload", "shipments.documents.upload", "items.bulk_import"}


def test_every_row_has_methods_a_reference_line_and_a_case() -> None:
    check_table(
        routes=ROUTES,
        sync_client=OneScp,
        async_client=AsyncOneScp,
        cases=CASES,
        reference="docs/reference/onescp.md",
    )


def case_client(mode: Mode, name: str) -> OneScp | AsyncOneScp:
    if name == "auth.login":
        return client(mode, token=None, email="erp@acme.example", password="pw")
    return client(mode)


@pytest.mark.parametrize("name", sorted(set(CASES) - MULTIPART))
async def test_each_row_sends_exactly_its_request(mode: Mode, name: str) -> None:
    await run_case(mode, case_client(mode, name), CASES[name], BASE)


@attrs.frozen
class _Sent:
    """An httpx request as `tests.onescp.conftest.form` reads one."""

    request: httpx.Request

    @property
    def body(self) -> bytes:
        return self.request.content

    def header(self, name: str) -> str | None:
        return self.request.headers.get(name)


@pytest.mark.parametrize("name", sorted(MULTIPART))
async def test_each_multipart_row_sends_exactly_its_form(mode: Mode, name: str) -> None:
    case = CASES[name]
    with mock(base_url=BASE) as router:
        route = router.route().respond(case.status, json=case.answer)
        result = await mode(case.call(client(mode)))
    (call,) = route.calls
    request = call.request
    assert (request.method, request.url.path, dict(request.url.params)) == (
        case.method,
        case.path,
        dict(case.query),
    )
    for header, value in case.headers.items():
        assert request.headers.get(header) == value
    fields, files = form(_Sent(request))  # type: ignore[arg-type]
    assert {"fields": fields, "files": sorted(files)} == case.json
    assert case.check is not None
    case.check(result)


def test_the_table_reads_as_the_spec() -> None:
    """Ids are ObjectIds, every route is documented, only the ERP upserts (and the login) are
    POSTs that may be retried, every answer but a delete, the export and the feeds is
    enveloped."""
    assert len(ROUTES) == 50
    for name, op in ROUTES.items():
        assert not op.inferred, name
        assert set(op.ids) == op.placeholders, name
        assert {kind.value for kind in op.ids.values()} <= {"objectid"}, name
        assert op.path.startswith("/api/"), name
        if op.method == "POST":
            retried = name.endswith("upsert_from_erp") or name == "auth.login"
            assert op.idempotent is (True if retried else None), name
    bare = {name for name, op in ROUTES.items() if op.envelope is None and op.paging is None}
    assert bare == {
        "auth.login",
        "items.bulk_import",
        "items.export",
        *(n for n in ROUTES if n.endswith((".delete", ".changes", ".upsert_from_erp"))),
    }


def test_the_sandbox_reads_the_document_the_same_way() -> None:
    """The sandbox declares its routes on its own; every row must be one of them (a wrong
    method or path in either reading fails here)."""
    from supplychain_sdk.sandbox.onescp import OneScpSandbox

    def shape(template: str) -> str:
        return re.sub(r"\{[^}]+\}", "{}", template)

    served = {(method, shape(template)) for method, template, _, _ in OneScpSandbox._routes}
    table = {(op.method, shape(op.path)) for op in ROUTES.values()}
    assert table == served  # tasks.update and tasks.update_status share one route
    assert len(table) == len(ROUTES) - 1


def test_no_method_or_path_is_written_outside_the_table() -> None:
    package = Path(__file__).resolve().parents[2] / "src" / "supplychain_sdk" / "onescp"
    written = re.compile(r"""/api/|@endpoint\(|RequestSpec\(|method=["']""")
    offenders = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        if path.name != "_routes.py"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if written.search(line)
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda c: c.shipments.create(
                ORDER, LINE, departure_country_iso2="CN", extra={"departureCountryISO2": "DE"}
            ),
            r"extra repeats fields that have their own argument: \['departureCountryISO2'\]",
        ),
        (lambda c: c.items.create(item_number="X", extra={"item_number": "Y"}), "item_number"),
        (lambda c: c.tasks.update(TASK, extra={"": 1}), "extra keys must be non-empty strings"),
        (lambda c: c.orders.update(ORDER, extra=["notes"]), "extra must be a dict"),
        (lambda c: c.shipments.update(SHIPMENT), r"shipments\.update needs at least one field"),
    ],
)
async def test_extra_fields_never_replace_named_ones(mode: Mode, call: Any, message: str) -> None:
    with mock(base_url=BASE) as router:
        route = router.route()
        with pytest.raises(InvalidRequestError, match=message):
            await mode(call(client(mode)))
    assert not route.called


# -- route overrides -----------------------------------------------------------------------------


async def test_a_route_override_moves_the_request(mode: Mode) -> None:
    moved = client(mode, route_overrides={"orders.update": ("PATCH", "/api/v2/orders/{order_id}")})
    with mock(base_url=BASE) as router:
        route = router.patch(f"/api/v2/orders/{ORDER}").respond(
            200, json=entity("order", ORDER_JSON)
        )
        old = router.put(f"/api/purchase-order/{ORDER}").respond(200, json={})
        assert await mode(moved.orders.update(ORDER, notes="x")) == order
        # a derived client keeps the override
        await mode(moved.with_options(timeout=5).orders.update(ORDER, notes="y"))
    assert (route.call_count, old.call_count) == (2, 0)
    assert moved.route(ROUTES["orders.update"]).method == "PATCH"
    assert moved.route(ROUTES["orders.retrieve"]) is ROUTES["orders.retrieve"]


async def test_a_login_override_moves_the_automatic_login_too(mode: Mode) -> None:
    moved = client(
        mode,
        token=None,
        email="erp@acme.example",
        password="pw",
        route_overrides={"auth.login": ("POST", "/api/v2/auth/login")},
    )
    with mock(base_url=BASE) as router:
        login = router.post("/api/v2/auth/login").respond(
            200, json={"success": True, "token": "jwt-1", "user": {"_id": USER}}
        )
        router.get(f"/api/purchase-order/{ORDER}").respond(200, json=entity("order", ORDER_JSON))
        await mode(moved.orders.retrieve(ORDER))  # the automatic login
        await mode(moved.auth.login())  # the explicit one
    assert login.call_count == 2


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"orders.modify": ("PUT", "/x/{order_id}")}, "unknown operation 'orders.modify'"),
        (
            {"orders.update": ("PUT", "/api/purchase-order/{id}")},
            "must use the placeholders \\['order_id'\\]",
        ),
        ({"orders.update": ("PUT", "no-slash")}, "must be \\(METHOD, '/path'\\)"),
    ],
)
def test_a_bad_route_override_is_refused_when_the_client_is_made(
    mode: Mode, overrides: dict[str, tuple[str, str]], message: str
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        client(mode, route_overrides=overrides)
