"""Orders, order lines and order documents, sync and async, with exact-request assertions."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

from supplychain_sdk import InvalidRequestError, NotFoundError
from supplychain_sdk.onescp import (
    Document,
    DocumentType,
    Order,
    OrderLine,
    OrderLineInput,
    OrderStatus,
    OrderSupplierInput,
    Priority,
)
from supplychain_sdk.sandbox.onescp import OneScpSandbox
from tests.conftest import Mode
from tests.onescp.conftest import LINE, MISSING, ORDER, form, last, sent

SUPPLIER = OneScpSandbox.SUPPLIER_COMPANY_ID


async def new_order(client: Any, mode: Mode, **kwargs: Any) -> Order:
    kwargs.setdefault("supplier", {"name": "ABC Electronics"})
    return await mode(client.orders.create(**kwargs))  # type: ignore[no-any-return]


# -- list --------------------------------------------------------------------------------------


async def test_list_first_page_typed(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    pager = client.orders.list()
    assert sandbox.requests == []  # lazy
    orders = await mode.collect(pager)
    assert len(orders) == 1
    order = orders[0]
    assert isinstance(order, Order)
    assert (order.id, order.purchase_order_number) == (ORDER, "PO-2024-001")
    assert (order.status, order.priority) == (OrderStatus.APPROVED, Priority.P1)
    assert order.order_lines == [
        OrderLine.model_validate(
            {
                "_id": LINE,
                "position": "10",
                "item": {
                    "number": "ITEM-001",
                    "name": "Laptop Computer",
                    "unitPrice": 999.99,
                    "purchaseUnitOfMeasureIso": "EA",
                },
                "quantity": 10,
                "prices": {"netPrice": 9999.9},
                "description": "High-performance laptop",
            }
        )
    ]
    request = last(sandbox)
    assert (request.method, request.path, request.query) == (
        "GET",
        "/api/purchase-order/allOrders",
        (("page", "1"),),
    )


async def test_list_filters_and_pages(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    for _ in range(4):
        await new_order(client, mode)
    sandbox.requests.clear()
    orders = await mode.collect(
        client.orders.list(
            status="draft",
            date_from=dt.date(2020, 1, 1),
            date_to=dt.datetime(2100, 1, 1, tzinfo=dt.timezone.utc),
            page_size=3,
        )
    )
    assert [o.purchase_order_number[-3:] for o in orders] == ["002", "003", "004", "005"]
    assert [r.query for r in sandbox.requests] == [
        (
            ("status", "draft"),
            ("dateFrom", "2020-01-01"),
            ("dateTo", "2100-01-01T00:00:00.000Z"),
            ("page", "1"),
            ("limit", "3"),
        ),
        (
            ("status", "draft"),
            ("dateFrom", "2020-01-01"),
            ("dateTo", "2100-01-01T00:00:00.000Z"),
            ("page", "2"),
            ("limit", "3"),
        ),
    ]
    first = await mode(client.orders.list(page_size=2).first_page())
    assert (first.meta.total_items, first.meta.total_pages, first.meta.page_size) == (5, 3, 2)
    assert first.has_next
    sandbox.requests.clear()
    rest = await mode.collect(client.orders.list(page_size=2, page=2, limit=3))
    assert len(rest) == 3
    assert [r.param("page") for r in sandbox.requests] == ["2", "3"]
    by_supplier = await mode.collect(client.orders.list(supplier=SUPPLIER))
    assert [o.id for o in by_supplier] == [ORDER]
    assert last(sandbox).query == (("supplier", SUPPLIER), ("page", "1"))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"status": "open"}, "status 'open' is not one of: 'draft'"),
        ({"supplier": "ABC"}, "supplier must be an ONESCP id"),
        ({"date_from": dt.datetime(2024, 1, 1)}, "date_from must be a timezone-aware"),
        ({"date_to": "last week"}, "date_to must be an ISO 8601"),
        ({"limit": 0}, "limit must be a positive integer"),
        ({"page": 0}, "page must be a positive integer"),
        ({"limit": -1}, "limit must be a positive integer"),
    ],
)
async def test_list_bad_input_sends_nothing(
    mode: Mode, sandbox: OneScpSandbox, client: Any, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        await mode.collect(client.orders.list(**kwargs))
    assert sandbox.requests == []


# -- retrieve, create, update, status, delete --------------------------------------------------


async def test_retrieve(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    order = await mode(client.orders.retrieve(ORDER))
    assert order == Order.model_validate(sandbox.orders[ORDER])
    assert order.documents == []
    request = last(sandbox)
    assert (request.method, request.path, request.query, request.body) == (
        "GET",
        f"/api/purchase-order/{ORDER}",
        (),
        b"",
    )


async def test_retrieve_unknown(mode: Mode, client: Any) -> None:
    with pytest.raises(NotFoundError) as caught:
        await mode(client.orders.retrieve(MISSING))
    assert (caught.value.code, caught.value.error_message) == (
        "NOT_FOUND",
        "Purchase order not found",
    )


@pytest.mark.parametrize("bad", ["PO-2024-001", "sync", "allOrders", "1001", "", None, 5])
async def test_ids_must_be_object_ids(
    mode: Mode, sandbox: OneScpSandbox, client: Any, bad: Any
) -> None:
    with pytest.raises(InvalidRequestError, match=r"order_id (must be|is required)"):
        await mode(client.orders.retrieve(bad))
    with pytest.raises(InvalidRequestError, match=r"order_id (must be|is required)"):
        await mode(client.orders.delete(bad))
    assert sandbox.requests == []


async def test_create_every_field(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    order = await mode(
        client.orders.create(
            supplier=OrderSupplierInput(name="ABC Electronics", email="contact@abc.example"),
            order_lines=[
                OrderLineInput.model_validate(
                    {
                        "position": "10",
                        "item": {"number": "ITEM-001", "unitPrice": 999.99},
                        "quantity": 10,
                        "prices": {"netPrice": 9999.9},
                    }
                ),
                {"item": {"number": "ITEM-002", "purchaseUnitOfMeasureIso": "EA"}, "quantity": 2},
            ],
            delivery_date=dt.date(2024, 12, 31),
            priority=Priority.P1,
            notes="Urgent delivery required",
            extra={"currency": "EUR"},
        )
    )
    request = last(sandbox)
    assert (request.method, request.path) == ("POST", "/api/purchase-order/create")
    assert request.header("authorization") == f"Bearer {OneScpSandbox.DEFAULT_API_KEY}"
    assert sent(request) == {
        "supplier": {"name": "ABC Electronics", "email": "contact@abc.example"},
        "orderLines": [
            {
                "position": "10",
                "item": {"number": "ITEM-001", "unitPrice": 999.99},
                "quantity": 10.0,
                "prices": {"netPrice": 9999.9},
            },
            {"item": {"number": "ITEM-002", "purchaseUnitOfMeasureIso": "EA"}, "quantity": 2.0},
        ],
        "deliveryDate": "2024-12-31",
        "priority": "p1",
        "notes": "Urgent delivery required",
        "currency": "EUR",
    }
    assert isinstance(order, Order)
    assert order.id == "a00000000000000000000002"
    assert order.purchase_order_number is not None
    assert order.purchase_order_number.endswith("-002")
    assert (order.status, order.total_amount, order.currency) == ("draft", 9999.9, "EUR")
    assert [line.item.number for line in order.order_lines] == ["ITEM-001", "ITEM-002"]


@pytest.mark.parametrize(
    ("kwargs", "message", "fields"),
    [
        (
            {"supplier": {}},
            r"orders\.create body is invalid: supplier\.name: Field required",
            ["supplier.name"],
        ),
        (
            {"supplier": "ABC"},
            "supplier: Input should be a valid dictionary or instance of OrderSupplierInput",
            ["supplier"],
        ),
        (
            {"supplier": {"name": "A"}, "order_lines": [{"item": {"number": "X"}}]},
            r"order_lines\.0\.quantity: Field required",
            ["order_lines.0.quantity"],
        ),
        (
            {"supplier": {"name": "A"}, "order_lines": {"item": {}}},
            "order_lines: Input should be a valid list",
            ["order_lines"],
        ),
        (
            {"supplier": {"name": "A"}, "priority": "p4"},
            "priority: priority 'p4' is not one of",
            ["priority"],
        ),
        ({"supplier": {"name": "A"}, "extra": {"notes": "x"}}, "pass them by name", []),
        (
            {"supplier": {"name": "A"}, "delivery_date": dt.datetime(2024, 1, 1)},
            "delivery_date must be a timezone-aware",
            ["delivery_date"],
        ),
    ],
)
async def test_create_bad_input_sends_nothing(
    mode: Mode,
    sandbox: OneScpSandbox,
    client: Any,
    kwargs: dict[str, Any],
    message: str,
    fields: list[str],
) -> None:
    with pytest.raises(InvalidRequestError, match=message) as caught:
        await mode(client.orders.create(**kwargs))
    assert sorted(caught.value.field_errors) == fields
    assert sandbox.requests == []


async def test_update(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    order = await mode(
        client.orders.update(
            ORDER,
            delivery_date="2025-01-15",
            notes="Updated delivery notes",
            priority="p2",
            extra={"contactEmail": "buyer@acme.example"},
        )
    )
    request = last(sandbox)
    assert (request.method, request.path) == ("PUT", f"/api/purchase-order/{ORDER}")
    assert sent(request) == {
        "deliveryDate": "2025-01-15",
        "notes": "Updated delivery notes",
        "priority": "p2",
        "contactEmail": "buyer@acme.example",
    }
    assert (order.delivery_date, order.notes, order.priority, order.contact_email) == (
        "2025-01-15",
        "Updated delivery notes",
        Priority.P2,
        "buyer@acme.example",
    )
    with pytest.raises(InvalidRequestError, match=r"orders\.update needs at least one field"):
        await mode(client.orders.update(ORDER))
    assert len(sandbox.requests) == 1


async def test_update_status(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    order = await mode(client.orders.update_status(ORDER, "completed", notes="Delivered"))
    request = last(sandbox)
    assert (request.method, request.path) == ("PUT", f"/api/purchase-order/{ORDER}/status")
    assert sent(request) == {"status": "completed", "notes": "Delivered"}
    assert order.status == OrderStatus.COMPLETED
    await mode(client.orders.update_status(ORDER, OrderStatus.REJECTED))
    assert sent(last(sandbox)) == {"status": "rejected"}
    with pytest.raises(InvalidRequestError, match="status 'shipped' is not one of"):
        await mode(client.orders.update_status(ORDER, "shipped"))
    with pytest.raises(InvalidRequestError, match="status: Field required"):
        await mode(client.orders.update_status(ORDER, None))
    assert len(sandbox.requests) == 2


async def test_delete_is_a_soft_delete(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    assert await mode(client.orders.delete(ORDER)) is None
    request = last(sandbox)
    assert (request.method, request.path, request.body) == (
        "DELETE",
        f"/api/purchase-order/{ORDER}",
        b"",
    )
    assert sandbox.orders[ORDER]["deletedAt"] is not None
    with pytest.raises(NotFoundError):
        await mode(client.orders.retrieve(ORDER))
    assert await mode.collect(client.orders.list()) == []


# -- lines -------------------------------------------------------------------------------------


async def test_lines_add_update_delete(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    order = await mode(
        client.orders.lines.add(
            ORDER,
            {
                "position": "20",
                "item": {"number": "ITEM-002", "name": "Mouse", "unitPrice": 20},
                "quantity": 5,
            },
        )
    )
    request = last(sandbox)
    assert (request.method, request.path) == ("POST", f"/api/purchase-order/{ORDER}/lines")
    assert sent(request) == {
        "position": "20",
        "item": {"number": "ITEM-002", "name": "Mouse", "unitPrice": 20.0},
        "quantity": 5.0,
    }
    new_line = order.order_lines[-1]
    assert (new_line.id, new_line.quantity) == ("a10000000000000000000002", 5.0)
    assert order.total_amount == 10099.9

    order = await mode(
        client.orders.lines.update(
            ORDER, new_line.id, quantity=7, prices={"netPrice": 140}, description="Wireless"
        )
    )
    request = last(sandbox)
    assert (request.method, request.path) == (
        "PUT",
        f"/api/purchase-order/{ORDER}/lines/{new_line.id}",
    )
    assert sent(request) == {
        "quantity": 7,
        "prices": {"netPrice": 140.0},
        "description": "Wireless",
    }
    assert order.order_lines[-1].quantity == 7
    assert order.total_amount == 10139.9

    assert await mode(client.orders.lines.delete(ORDER, new_line.id)) is None
    request = last(sandbox)
    assert (request.method, request.path) == (
        "DELETE",
        f"/api/purchase-order/{ORDER}/lines/{new_line.id}",
    )
    assert [line["_id"] for line in sandbox.orders[ORDER]["orderLines"]] == [LINE]


async def test_lines_bad_input_and_unknown_line(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    with pytest.raises(
        InvalidRequestError, match=r"lines\.add body is invalid: item: Field required"
    ):
        await mode(client.orders.lines.add(ORDER, {"quantity": 1}))
    with pytest.raises(InvalidRequestError, match="line_id must be a 24-character hexadecimal id"):
        await mode(client.orders.lines.update(ORDER, "10", quantity=1))
    with pytest.raises(InvalidRequestError, match=r"lines\.update needs at least one field"):
        await mode(client.orders.lines.update(ORDER, LINE))
    with pytest.raises(InvalidRequestError, match="quantity must be a number"):
        await mode(client.orders.lines.update(ORDER, LINE, quantity="7"))
    assert sandbox.requests == []
    with pytest.raises(NotFoundError, match="Order line not found"):
        await mode(client.orders.lines.delete(ORDER, MISSING))


# -- documents ---------------------------------------------------------------------------------

PDF = b"%PDF-1.4\r\n\x00\xff binary \r\n--boundary-lookalike\r\n%%EOF"


async def test_upload_bytes_multipart_exact(
    mode: Mode, sandbox: OneScpSandbox, client: Any
) -> None:
    document = await mode(
        client.orders.documents.upload(
            ORDER,
            PDF,
            type=DocumentType.INVOICE,
            name="Invoice 4711",
            description="March invoice",
            filename="inv-4711.pdf",
        )
    )
    request = last(sandbox)
    assert (request.method, request.path) == ("POST", f"/api/purchase-order/{ORDER}/documents")
    fields, files = form(request)
    assert fields == {"type": "Invoice", "name": "Invoice 4711", "description": "March invoice"}
    assert files == {"document": ("inv-4711.pdf", "application/pdf", PDF)}
    assert isinstance(document, Document)
    assert (document.id, document.type, document.name, document.size) == (
        "e00000000000000000000001",
        DocumentType.INVOICE,
        "Invoice 4711",
        len(PDF),
    )
    assert sandbox.files[document.id] == PDF


async def test_upload_path_and_file_object(
    mode: Mode, sandbox: OneScpSandbox, client: Any, tmp_path: Path
) -> None:
    path = tmp_path / "customs.txt"
    path.write_bytes(b"customs papers\n")
    await mode(client.orders.documents.upload(ORDER, path, type="Custom Clearance"))
    fields, files = form(last(sandbox))
    assert fields == {"type": "Custom Clearance"}
    assert files == {"document": ("customs.txt", "text/plain", b"customs papers\n")}
    with path.open("rb") as handle:
        await mode(
            client.orders.documents.upload(
                ORDER, handle, type="General", content_type="application/x-custom"
            )
        )
    assert form(last(sandbox))[1] == {
        "document": ("customs.txt", "application/x-custom", b"customs papers\n")
    }
    await mode(
        client.orders.documents.upload(ORDER, io.BytesIO(b"abc"), type="Contract", filename="c.bin")
    )
    assert form(last(sandbox))[1] == {"document": ("c.bin", "application/octet-stream", b"abc")}
    await mode(client.orders.documents.upload(ORDER, b"raw", type="Shipping"))
    assert form(last(sandbox))[1] == {"document": ("document", "application/octet-stream", b"raw")}


@pytest.mark.parametrize(
    ("file", "kwargs", "message"),
    [
        (b"x", {"type": "Receipt"}, "type 'Receipt' is not one of"),
        (b"x", {"type": None}, "type: Field required"),
        (b"", {"type": "Invoice"}, "file is empty"),
        ("/no/such/file.pdf", {"type": "Invoice"}, "no file at '/no/such/file.pdf'"),
        (io.StringIO("text"), {"type": "Invoice"}, "binary mode"),
        (io.BytesIO(b"x"), {"type": "Invoice"}, "has no name; pass filename="),
        (42, {"type": "Invoice"}, "must be a path, bytes or a binary file object"),
        (b"x", {"type": "Invoice", "name": ""}, "name must be a non-empty string"),
    ],
)
async def test_upload_bad_input_sends_nothing(
    mode: Mode, sandbox: OneScpSandbox, client: Any, file: Any, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        await mode(client.orders.documents.upload(ORDER, file, **kwargs))
    assert sandbox.requests == []


async def test_documents_list_and_delete(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    first = await mode(
        client.orders.documents.upload(ORDER, b"1", type="Invoice", filename="a.pdf")
    )
    await mode(client.orders.documents.upload(ORDER, b"2", type="Contract", filename="b.pdf"))
    documents = await mode(client.orders.documents.list(ORDER))
    request = last(sandbox)
    assert (request.method, request.path) == ("GET", f"/api/purchase-order/{ORDER}/documents")
    assert [(d.name, d.type) for d in documents] == [
        ("a.pdf", DocumentType.INVOICE),
        ("b.pdf", DocumentType.CONTRACT),
    ]
    assert await mode(client.orders.documents.delete(ORDER, first.id)) is None
    request = last(sandbox)
    assert (request.method, request.path) == (
        "DELETE",
        f"/api/purchase-order/{ORDER}/documents/{first.id}",
    )
    assert [d.name for d in await mode(client.orders.documents.list(ORDER))] == ["b.pdf"]
    with pytest.raises(NotFoundError, match="Document not found"):
        await mode(client.orders.documents.delete(ORDER, first.id))


async def test_upload_is_not_retried(mode: Mode, sandbox: OneScpSandbox, client: Any) -> None:
    from supplychain_sdk import InternalServerError

    sandbox.faults.statuses([503], method="POST")
    with pytest.raises(InternalServerError):
        await mode(client.orders.documents.upload(ORDER, b"x", type="Invoice"))
    assert len(sandbox.requests) == 1
    assert mode.sleeps == []


async def test_upload_is_replayed_whole_after_a_401_renewal(
    mode: Mode, sandbox: OneScpSandbox, tmp_path: Path
) -> None:
    from tests.onescp.conftest import EMAIL, PASSWORD, make_client

    client = make_client(mode, sandbox, email=EMAIL, password=PASSWORD)
    await mode(client.orders.retrieve(ORDER))
    sandbox.expire_tokens()
    path = tmp_path / "big.bin"
    path.write_bytes(PDF * 1000)
    await mode(client.orders.documents.upload(ORDER, path, type="General"))
    posts = [r for r in sandbox.requests if r.path.endswith("/documents")]
    assert len(posts) == 2  # refused with 401, then replayed with a fresh token
    assert [form(r)[1]["document"][2] == PDF * 1000 for r in posts] == [True, True]
    assert [r.path for r in sandbox.requests].count("/api/auth/login") == 2
