"""Shipments, items, tasks, reference data and webhook subscriptions, sync and async."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest

from supplychain_sdk import (
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    UnprocessableEntityError,
)
from supplychain_sdk.onescp import (
    BulkImportResult,
    Carrier,
    Container,
    ContainerInput,
    Item,
    ItemStatus,
    ItemType,
    Shipment,
    ShipmentStatus,
    Supplier,
    Task,
    TaskDecision,
    TaskOrderRef,
    TaskStatus,
    TaskUser,
    WebhookEventType,
    WebhookSubscription,
)
from supplychain_sdk.sandbox import Fault
from supplychain_sdk.sandbox.onescp import OneScpSandbox, read_xlsx, write_xlsx
from tests.conftest import Mode
from tests.onescp.conftest import (
    CONTAINER,
    ITEM,
    LINE,
    MISSING,
    ORDER,
    SHIPMENT,
    TASK,
    form,
    last,
    sent,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# -- shipments ---------------------------------------------------------------------------------


async def test_shipments_list_and_filters(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    shipments = await mode.collect(client.shipments.list())
    assert [s.id for s in shipments] == [SHIPMENT]
    shipment = shipments[0]
    assert isinstance(shipment, Shipment)
    assert (shipment.status, shipment.carrier, shipment.departure_country_iso2) == (
        ShipmentStatus.IN_TRANSIT,
        "Maersk Line",
        "CN",
    )
    assert shipment.containers == [
        Container(
            id=CONTAINER,
            container_number="MSKU1234567",
            container_type="40ft",
            seal_number="SEAL123456",
            weight=25000,
            volume=67.7,
            status="In Transit",
            eta="2024-02-15T14:30:00Z",
        )
    ]
    assert last(sandbox).query == (("page", "1"),)
    found = await mode.collect(
        client.shipments.list(status=ShipmentStatus.IN_TRANSIT, carrier="Maersk Line", page_size=5)
    )
    assert [s.id for s in found] == [SHIPMENT]
    assert last(sandbox).query == (
        ("status", "in_transit"),
        ("carrier", "Maersk Line"),
        ("page", "1"),
        ("limit", "5"),
    )
    assert await mode.collect(client.shipments.list(status="delivered")) == []
    with pytest.raises(InvalidRequestError, match="status 'lost' is not one of"):
        await mode.collect(client.shipments.list(status="lost"))


async def test_shipment_retrieve(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    shipment = await mode(client.shipments.retrieve(SHIPMENT))
    assert shipment == Shipment.model_validate(sandbox.shipments[SHIPMENT])
    assert (last(sandbox).method, last(sandbox).path) == ("GET", f"/api/shipment/{SHIPMENT}")
    with pytest.raises(NotFoundError, match="Shipment not found"):
        await mode(client.shipments.retrieve(MISSING))


async def test_shipment_create_for_an_order_line(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    shipment = await mode(
        client.shipments.create(
            ORDER,
            LINE,
            departure_from="Shanghai Port",
            departure_city="Shanghai",
            departure_country_iso2="cn",
            final_destination="Los Angeles Port",
            final_destination_city="Los Angeles",
            final_destination_country_iso2="US",
            type="Ocean",
            carrier="Maersk Line",
            scheduled_delivery_date="2024-02-15",
            containers=[
                ContainerInput(container_number="MSKU1234567", container_type="40ft", weight=25000),
                {"containerNumber": "MSKU7654321", "sealNumber": "SEAL9", "volume": 67.7},
            ],
        )
    )
    request = last(sandbox)
    assert (request.method, request.path) == (
        "POST",
        f"/api/shipment/purchase-orders/{ORDER}/lines/{LINE}",
    )
    assert sent(request) == {
        "departureFrom": "Shanghai Port",
        "departureCity": "Shanghai",
        "departureCountryISO2": "CN",
        "finalDestination": "Los Angeles Port",
        "finalDestinationCity": "Los Angeles",
        "finalDestinationCountryISO2": "US",
        "type": "Ocean",
        "carrier": "Maersk Line",
        "scheduledDeliveryDate": "2024-02-15",
        "containers": [
            {"containerNumber": "MSKU1234567", "containerType": "40ft", "weight": 25000.0},
            {"containerNumber": "MSKU7654321", "sealNumber": "SEAL9", "volume": 67.7},
        ],
    }
    assert (shipment.id, shipment.purchase_order, shipment.line_ids) == (
        "b00000000000000000000002",
        ORDER,
        [LINE],
    )
    assert shipment.status == ShipmentStatus.PENDING
    assert shipment.shipment_number is not None
    assert [c.container_number for c in shipment.containers] == ["MSKU1234567", "MSKU7654321"]


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (("PO-1", LINE), {}, "order_id must be a 24-character hexadecimal id"),
        ((ORDER, "10"), {}, "line_id must be a 24-character hexadecimal id"),
        ((ORDER, LINE), {"departure_country_iso2": "CHN"}, "two-letter ISO country code"),
        ((ORDER, LINE), {"containers": [{"sealNumber": "x"}]}, r"containers\.0\.containerNumber"),
    ],
)
async def test_shipment_create_bad_input(
    mode: Mode,
    sandbox: OneScpSandbox,
    client: Any,
    args: tuple[str, str],
    kwargs: dict[str, Any],
    message: str,
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        await mode(client.shipments.create(*args, **kwargs))
    assert sandbox.requests == []


async def test_shipment_create_for_an_unknown_line(mode: Mode, client: Any) -> None:
    with pytest.raises(NotFoundError, match="Order line not found"):
        await mode(client.shipments.create(ORDER, MISSING))


async def test_shipment_update_and_status(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    shipment = await mode(
        client.shipments.update(
            SHIPMENT, status="in_transit", carrier="CMA CGM", scheduled_delivery_date="2024-02-20"
        )
    )
    request = last(sandbox)
    assert (request.method, request.path) == ("PATCH", f"/api/shipment/{SHIPMENT}")
    assert sent(request) == {
        "status": "in_transit",
        "carrier": "CMA CGM",
        "scheduledDeliveryDate": "2024-02-20",
    }
    assert (shipment.carrier, shipment.scheduled_delivery_date) == ("CMA CGM", "2024-02-20")
    shipment = await mode(client.shipments.update_status(SHIPMENT, ShipmentStatus.DELIVERED))
    request = last(sandbox)
    assert (request.method, request.path) == ("PATCH", f"/api/shipment/{SHIPMENT}/status")
    assert sent(request) == {"status": "delivered"}
    assert shipment.status == ShipmentStatus.DELIVERED
    with pytest.raises(InvalidRequestError, match=r"shipments\.update needs at least one field"):
        await mode(client.shipments.update(SHIPMENT))
    with pytest.raises(InvalidRequestError, match="status 'lost'"):
        await mode(client.shipments.update_status(SHIPMENT, "lost"))
    assert len(sandbox.requests) == 2


async def test_containers_add_update_delete(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    shipment = await mode(
        client.shipments.containers.add(
            SHIPMENT, {"containerNumber": "TGHU1234567", "containerType": "20ft"}
        )
    )
    request = last(sandbox)
    assert (request.method, request.path) == ("POST", f"/api/shipment/{SHIPMENT}/containers")
    assert sent(request) == {"containerNumber": "TGHU1234567", "containerType": "20ft"}
    added = shipment.containers[-1]
    assert (added.id, added.container_number) == ("b10000000000000000000002", "TGHU1234567")

    shipment = await mode(
        client.shipments.containers.update(
            SHIPMENT, added.id, status="Delivered", eta="2024-02-16T08:00:00Z", weight=12000
        )
    )
    request = last(sandbox)
    assert (request.method, request.path) == (
        "PATCH",
        f"/api/shipment/{SHIPMENT}/containers/{added.id}",
    )
    assert sent(request) == {"weight": 12000, "status": "Delivered", "eta": "2024-02-16T08:00:00Z"}
    assert shipment.containers[-1].status == "Delivered"

    assert await mode(client.shipments.containers.delete(SHIPMENT, added.id)) is None
    request = last(sandbox)
    assert (request.method, request.path) == (
        "DELETE",
        f"/api/shipment/{SHIPMENT}/containers/{added.id}",
    )
    assert [c["_id"] for c in sandbox.shipments[SHIPMENT]["containers"]] == [CONTAINER]
    with pytest.raises(
        InvalidRequestError,
        match=r"containers\.add body is invalid: containerNumber: Field required",
    ):
        await mode(client.shipments.containers.add(SHIPMENT, {"containerType": "20ft"}))
    with pytest.raises(InvalidRequestError, match=r"containers\.update needs at least one field"):
        await mode(client.shipments.containers.update(SHIPMENT, CONTAINER))
    with pytest.raises(NotFoundError, match="Container not found"):
        await mode(client.shipments.containers.delete(SHIPMENT, MISSING))


async def test_shipment_documents(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    document = await mode(
        client.shipments.documents.upload(
            SHIPMENT, b"BL-1", type="Shipping", name="Bill of lading", filename="bl.pdf"
        )
    )
    request = last(sandbox)
    assert (request.method, request.path) == ("POST", f"/api/shipment/{SHIPMENT}/documents")
    assert form(request) == (
        {"type": "Shipping", "name": "Bill of lading"},
        {"document": ("bl.pdf", "application/pdf", b"BL-1")},
    )
    listed = await mode(client.shipments.documents.list(SHIPMENT))
    assert (last(sandbox).method, last(sandbox).path) == (
        "GET",
        f"/api/shipment/{SHIPMENT}/documents",
    )
    assert listed == [document]
    await mode(client.shipments.documents.delete(SHIPMENT, document.id))
    assert (last(sandbox).method, last(sandbox).path) == (
        "DELETE",
        f"/api/shipment/{SHIPMENT}/documents/{document.id}",
    )
    assert await mode(client.shipments.documents.list(SHIPMENT)) == []


# -- items -------------------------------------------------------------------------------------


async def test_items_list_filters(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    items = await mode.collect(
        client.items.list(search="laptop", category="Electronics", item_status="Processed")
    )
    assert [i.id for i in items] == [ITEM]
    item = items[0]
    assert isinstance(item, Item)
    assert (item.type, item.item_status) == (ItemType.MATERIAL, ItemStatus.PROCESSED)
    assert item.material == {
        "MATNR": "000000000000015330",
        "LAEDA": "10/29/2024",
        "MTART": "120404",
    }
    assert last(sandbox).query == (
        ("search", "laptop"),
        ("category", "Electronics"),
        ("itemStatus", "Processed"),
        ("page", "1"),
    )
    assert await mode.collect(client.items.list(item_status=ItemStatus.UNDER_APPROVAL)) == []
    assert last(sandbox).param("itemStatus") == "Under Approval"
    with pytest.raises(InvalidRequestError, match="item_status 'Done'"):
        await mode.collect(client.items.list(item_status="Done"))


async def test_item_crud(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    item = await mode(
        client.items.create(
            item_number="ITEM-002",
            name="Desktop Computer",
            description="High-performance desktop",
            category="Electronics",
            type=ItemType.MATERIAL,
            material={"MATNR": "000000000000015331", "MTART": "120404"},
        )
    )
    request = last(sandbox)
    assert (request.method, request.path) == ("POST", "/api/items")
    assert sent(request) == {
        "itemNumber": "ITEM-002",
        "name": "Desktop Computer",
        "description": "High-performance desktop",
        "category": "Electronics",
        "type": "Material",
        "material": {"MATNR": "000000000000015331", "MTART": "120404"},
    }
    assert (item.id, item.item_status) == ("c00000000000000000000002", ItemStatus.PENDING)
    assert await mode(client.items.retrieve(item.id)) == item
    assert (last(sandbox).method, last(sandbox).path) == ("GET", f"/api/items/{item.id}")

    item = await mode(client.items.update(item.id, name="Desktop PC", item_status="Under Approval"))
    request = last(sandbox)
    assert (request.method, request.path) == ("PUT", f"/api/items/{item.id}")
    assert sent(request) == {"name": "Desktop PC", "itemStatus": "Under Approval"}
    assert (item.name, item.item_status) == ("Desktop PC", ItemStatus.UNDER_APPROVAL)

    assert await mode(client.items.delete(item.id)) is None
    assert (last(sandbox).method, last(sandbox).path) == ("DELETE", f"/api/items/{item.id}")
    with pytest.raises(NotFoundError, match="Item not found"):
        await mode(client.items.retrieve(item.id))


async def test_item_bad_input_and_duplicates(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    with pytest.raises(InvalidRequestError, match="item_number must be a non-empty string"):
        await mode(client.items.create(item_number=""))
    with pytest.raises(InvalidRequestError, match="type 'Service' is not one of"):
        await mode(client.items.create(item_number="X", type="Service"))
    with pytest.raises(InvalidRequestError, match=r"items\.update needs at least one field"):
        await mode(client.items.update(ITEM))
    assert sandbox.requests == []
    with pytest.raises(ConflictError) as caught:
        await mode(client.items.create(item_number="ITEM-001"))
    assert caught.value.code == "DUPLICATE_ENTRY"


CSV = b"itemNumber,name,category,type\r\nN-1,Nut,Hardware,Material\r\nITEM-001,Laptop 2,,\r\n"


async def test_bulk_import_csv_path(
    mode: Mode, sandbox: OneScpSandbox, client: Any, tmp_path: Path
) -> None:
    path = tmp_path / "items.csv"
    path.write_bytes(CSV)
    result = await mode(client.items.bulk_import(path))
    request = last(sandbox)
    assert (request.method, request.path) == ("POST", "/api/items/bulk-import")
    assert form(request) == ({"updateExisting": "false"}, {"file": ("items.csv", "text/csv", CSV)})
    assert result == BulkImportResult(
        message="Items imported successfully",
        imported=1,
        updated=0,
        errors=[{"row": 3, "itemNumber": "ITEM-001", "message": "Item already exists"}],
        success=True,
    )
    result = await mode(client.items.bulk_import(CSV, update_existing=True))
    assert form(last(sandbox)) == (
        {"updateExisting": "true"},
        {"file": ("items.csv", "text/csv", CSV)},
    )
    assert (result.imported, result.updated, result.errors) == (0, 2, [])
    assert sandbox.items[ITEM]["name"] == "Laptop 2"


async def test_bulk_import_excel_bytes_and_file_object(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    workbook = write_xlsx([["itemNumber", "name", "itemStatus"], ["X-9", "Bolt", "Pending"]])
    result = await mode(client.items.bulk_import(workbook))
    assert form(last(sandbox))[1] == {"file": ("items.xlsx", XLSX, workbook)}
    assert (result.imported, result.updated) == (1, 0)
    handle = io.BytesIO(CSV)
    handle.name = "/exports/master.csv"  # type: ignore[attr-defined]
    await mode(client.items.bulk_import(handle, update_existing=True))
    assert form(last(sandbox))[1] == {"file": ("master.csv", "text/csv", CSV)}
    with pytest.raises(
        InvalidRequestError, match=r"file must be one of \.csv, \.xls, \.xlsx, got 'items.json'"
    ):
        await mode(client.items.bulk_import(b"data", filename="items.json"))
    with pytest.raises(InvalidRequestError, match="update_existing must be True or False"):
        await mode(client.items.bulk_import(CSV, update_existing="yes"))
    assert len(sandbox.requests) == 2


async def test_export_csv_and_excel_bytes(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    data = await mode(client.items.export())
    request = last(sandbox)
    assert (request.method, request.path, request.query) == (
        "GET",
        "/api/items/export",
        (("format", "csv"),),
    )
    assert request.header("accept") == "text/csv, application/json;q=0.5"
    assert data == (
        b"itemNumber,name,description,category,type,itemStatus\r\n"
        b"ITEM-001,Laptop Computer,High-performance laptop,Electronics,Material,Processed\r\n"
    )
    workbook = await mode(client.items.export(format="excel"))
    assert last(sandbox).query == (("format", "excel"),)
    assert read_xlsx(workbook) == [
        ["itemNumber", "name", "description", "category", "type", "itemStatus"],
        [
            "ITEM-001",
            "Laptop Computer",
            "High-performance laptop",
            "Electronics",
            "Material",
            "Processed",
        ],
    ]
    with pytest.raises(InvalidRequestError, match="format 'pdf' is not one of"):
        await mode(client.items.export(format="pdf"))


async def test_export_streams_to_a_path_or_file(
    mode: Mode, sandbox: OneScpSandbox, client: Any, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "items.csv"
    written = await mode(client.items.export(to=target))
    content = target.read_bytes()
    assert written == len(content) > 0
    assert content.startswith(b"itemNumber,name")
    assert sorted(p.name for p in target.parent.iterdir()) == ["items.csv"]
    handle = io.BytesIO()
    assert await mode(client.items.export(format="excel", to=handle)) == len(handle.getvalue())
    assert handle.getvalue().startswith(b"PK\x03\x04")
    with pytest.raises(InvalidRequestError, match="is a directory"):
        await mode(client.items.export(to=tmp_path))
    with pytest.raises(InvalidRequestError, match="opened in 'wb' mode"):
        await mode(client.items.export(to=io.StringIO()))


async def test_export_error_leaves_no_partial_file(
    mode: Mode, sandbox: OneScpSandbox, client: Any, tmp_path: Path
) -> None:
    body = {"success": False, "message": "Export failed", "error": {"code": "SERVER_ERROR"}}
    sandbox.faults.add(Fault("status", status=200, body=body))
    target = tmp_path / "items.csv"
    from supplychain_sdk import InternalServerError

    with pytest.raises(InternalServerError, match="Export failed"):
        await mode(client.items.export(to=target))
    assert not target.exists()
    assert os.listdir(tmp_path) == []
    sandbox.faults.add(Fault("status", status=422, body=body))
    with pytest.raises(UnprocessableEntityError):
        await mode(client.items.export())


# -- tasks -------------------------------------------------------------------------------------


async def test_tasks_list_and_retrieve(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    tasks = await mode.collect(client.tasks.list(status="Open", priority="p1"))
    assert last(sandbox).path == "/api/task/allTasks"
    assert last(sandbox).query == (("status", "Open"), ("priority", "p1"), ("page", "1"))
    assert [t.id for t in tasks] == [TASK]
    task = tasks[0]
    assert isinstance(task, Task)
    assert task.assigned_to == TaskUser(
        id=OneScpSandbox.USER_ID, name="John Doe", email="user@example.com"
    )
    assert task.related_order == TaskOrderRef(id=ORDER, purchase_order_number="PO-2024-001")
    assert await mode(client.tasks.retrieve(TASK)) == task
    assert (last(sandbox).method, last(sandbox).path) == ("GET", f"/api/task/taskid/{TASK}")
    assert await mode.collect(client.tasks.list(status=TaskStatus.COMPLETED)) == []
    with pytest.raises(InvalidRequestError, match="priority 'high'"):
        await mode.collect(client.tasks.list(priority="high"))


async def test_task_create_update_status_decide(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    task = await mode(
        client.tasks.create(
            ORDER,
            title="Confirm shipment",
            description="Confirm the shipment date with ABC",
            assigned_to=OneScpSandbox.SUPPLIER_USER_ID,
            priority="p2",
            due_date="2024-12-31T23:59:59Z",
        )
    )
    request = last(sandbox)
    assert (request.method, request.path) == ("POST", f"/api/task/{ORDER}")
    assert sent(request) == {
        "title": "Confirm shipment",
        "description": "Confirm the shipment date with ABC",
        "assignedTo": OneScpSandbox.SUPPLIER_USER_ID,
        "priority": "p2",
        "dueDate": "2024-12-31T23:59:59Z",
    }
    assert (task.id, task.status) == ("d00000000000000000000002", TaskStatus.OPEN)
    assert isinstance(task.assigned_to, TaskUser)
    assert task.assigned_to.name == "Sam Supplier"

    task = await mode(client.tasks.update(task.id, title="Confirm shipment date", priority="p1"))
    request = last(sandbox)
    assert (request.method, request.path) == ("PUT", f"/api/task/taskid/{task.id}")
    assert sent(request) == {"title": "Confirm shipment date", "priority": "p1"}

    task = await mode(client.tasks.update_status(task.id, TaskStatus.IN_PROGRESS))
    request = last(sandbox)
    assert (request.method, request.path) == ("PUT", f"/api/task/taskid/{task.id}")
    assert sent(request) == {"status": "In Progress"}
    assert task.status == TaskStatus.IN_PROGRESS

    task = await mode(client.tasks.decide(task.id, "reject", comments="Date not possible"))
    request = last(sandbox)
    assert (request.method, request.path) == ("PUT", f"/api/task/{task.id}/decision")
    assert sent(request) == {"decision": "reject", "comments": "Date not possible"}
    assert (task.status, task.decision, task.comments) == (
        TaskStatus.REJECTED,
        TaskDecision.REJECT,
        "Date not possible",
    )
    task = await mode(client.tasks.decide(TASK, TaskDecision.ACCEPT))
    assert sent(last(sandbox)) == {"decision": "accept"}
    assert task.status == TaskStatus.COMPLETED


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: c.tasks.create(ORDER, title=""), "title must be a non-empty string"),
        (lambda c: c.tasks.create(ORDER, title="t", assigned_to="john"), "assigned_to must be"),
        (lambda c: c.tasks.create("PO-1", title="t"), "order_id must be"),
        (lambda c: c.tasks.update(TASK), "tasks.update needs at least one field"),
        (lambda c: c.tasks.update_status(TASK, "Done"), "status 'Done'"),
        (lambda c: c.tasks.decide(TASK, "approve"), "decision 'approve' is not one of"),
    ],
)
async def test_task_bad_input(
    mode: Mode, sandbox: OneScpSandbox, client: Any, call: Any, message: str
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        await mode(call(client))
    assert sandbox.requests == []


# -- reference data ----------------------------------------------------------------------------


async def test_suppliers_and_carriers(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    suppliers = await mode.collect(client.suppliers.list())
    assert suppliers == [
        Supplier(
            id=OneScpSandbox.SUPPLIER_COMPANY_ID,
            name="ABC Electronics",
            email="contact@abcelectronics.com",
            address="123 Supplier St",
            phone="+1234567890",
        ),
        Supplier(
            id="cc0000000000000000000003",
            name="Global Parts Ltd",
            email="sales@globalparts.example",
            address="9 Harbour Rd, Rotterdam",
            phone="+31105550100",
        ),
    ]
    assert [(r.method, r.path, r.query) for r in sandbox.requests] == [
        ("GET", "/api/suppliers", (("page", "1"),))
    ]  # no pagination in the answer: one request
    carriers = await mode.collect(client.carriers.list(limit=2))
    assert carriers == [
        Carrier(id="ca0000000000000000000001", name="Maersk Line", code="MAEU", type="Ocean"),
        Carrier(id="ca0000000000000000000002", name="CMA CGM", code="CMDU", type="Ocean"),
    ]
    assert (last(sandbox).method, last(sandbox).path) == ("GET", "/api/carriers")


# -- webhook subscriptions ---------------------------------------------------------------------


async def test_subscriptions_crud(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    created = await mode(
        client.webhooks.create(
            url="https://erp.example.com/webhooks/onescp",
            events=[WebhookEventType.ORDER_UPDATED, "shipment.status_changed"],
        )
    )
    request = last(sandbox)
    assert (request.method, request.path) == ("POST", "/api/webhooks/subscriptions")
    assert sent(request) == {
        "url": "https://erp.example.com/webhooks/onescp",
        "events": ["order.updated", "shipment.status_changed"],
    }
    assert isinstance(created, WebhookSubscription)
    assert created.id == "f00000000000000000000001"
    assert created.secret is not None
    assert created.secret.startswith("whsec_")
    assert created.secret not in repr(created)
    assert created.events == [
        WebhookEventType.ORDER_UPDATED,
        WebhookEventType.SHIPMENT_STATUS_CHANGED,
    ]
    listed = await mode.collect(client.webhooks.list())
    assert (last(sandbox).method, last(sandbox).path) == ("GET", "/api/webhooks/subscriptions")
    assert [(s.id, s.status, s.secret) for s in listed] == [(created.id, "active", None)]
    one = await mode(client.webhooks.retrieve(created.id))
    assert (last(sandbox).method, last(sandbox).path) == (
        "GET",
        f"/api/webhooks/subscriptions/{created.id}",
    )
    assert (one.url, one.secret) == ("https://erp.example.com/webhooks/onescp", None)
    assert await mode(client.webhooks.delete(created.id)) is None
    assert (last(sandbox).method, last(sandbox).path) == (
        "DELETE",
        f"/api/webhooks/subscriptions/{created.id}",
    )
    with pytest.raises(NotFoundError, match="Subscription not found"):
        await mode(client.webhooks.retrieve(created.id))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"url": "erp.example.com/hook", "events": ["order.created"]}, "absolute http"),
        ({"url": "https://erp.example.com", "events": []}, "at least one event"),
        ({"url": "https://erp.example.com", "events": "order.created"}, "must be a list"),
        ({"url": "https://erp.example.com", "events": ["order.shipped"]}, "event 'order.shipped'"),
        (
            {"url": "https://erp.example.com", "events": ["item.created", "item.created"]},
            "lists an event twice",
        ),
    ],
)
async def test_subscription_bad_input(
    mode: Mode, sandbox: OneScpSandbox, client: Any, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        await mode(client.webhooks.create(**kwargs))
    assert sandbox.requests == []
