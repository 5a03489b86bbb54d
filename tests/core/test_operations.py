"""The route table and the generic caller: run(), page(), overrides, exact JSON decimals."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Annotated, Any

import httpx
import pytest
from pydantic import Field
from typing_extensions import Required, TypedDict

from supplychain_sdk._core import AsyncAPIClient, ClientConfig, SyncAPIClient
from supplychain_sdk._core.errors import InvalidRequestError, NotFoundError, ResponseDecodeError
from supplychain_sdk._core.models import APIModel
from supplychain_sdk._core.operations import (
    IdKind,
    Operation,
    Paging,
    api_fields,
    apply_overrides,
    dumps,
    operations_of,
    route_table,
    uses,
)
from supplychain_sdk._core.pagination import CursorPagination
from tests.conftest import BASE, Mode, mock

UUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"


class Vendor(APIModel):
    id: str
    name: str
    credit: Decimal | None = None


@api_fields
class VendorUpdate(TypedDict, total=False):
    name: Annotated[str, Field(min_length=1, max_length=10)]
    zip_code: str | None
    credit: Decimal


@api_fields
class VendorFilters(TypedDict, total=False):
    is_active: bool


@api_fields
class Upload(TypedDict, total=False):
    title: Required[str]


UPDATE = Operation[Vendor](
    name="vendors.update",
    method="patch",
    path="/api/vendors/{vendor_id}",
    summary="Update a vendor",
    ids={"vendor_id": IdKind.UUID},
    body=VendorUpdate,
    answer=Vendor,
    envelope="vendor",
    inferred=True,
)
LIST = Operation[Vendor](
    name="vendors.list",
    method="GET",
    path="/api/vendors",
    summary="List vendors",
    query=VendorFilters,
    answer=Vendor,
    paging=Paging(
        strategy=lambda size, limit: CursorPagination(
            next_cursor=lambda body, raw: body.get("nextCursor"),
            params={"limit": size or 50},
        )
    ),
)
DELETE = Operation[None](
    name="vendors.delete",
    method="DELETE",
    path="/api/vendors/{vendor_id}/{kind}",
    summary="Delete",
    ids={"vendor_id": IdKind.OBJECT_ID, "kind": IdKind.INT},
)
UPLOAD = Operation[Any](
    name="vendors.upload",
    method="POST",
    path="/api/files",
    summary="Upload",
    body=Upload,
    answer=Any,
)
ROUTES = route_table(UPDATE, LIST, DELETE, UPLOAD)


class DemoClient(SyncAPIClient):
    routes = ROUTES


class AsyncDemoClient(AsyncAPIClient):
    routes = ROUTES


def client(mode: Mode, **options: Any) -> Any:
    config = ClientConfig(base_url=BASE, max_retries=0, **options)
    return AsyncDemoClient(config) if mode.is_async else DemoClient(config)


async def test_run_sends_only_given_fields_in_api_names_and_unwraps(mode: Mode) -> None:
    with mock() as router:
        route = router.patch(f"/api/vendors/{UUID}").respond(
            200, json={"vendor": {"id": UUID, "name": "Acme", "credit": "10.10"}}
        )
        result = await mode(
            client(mode).run(
                UPDATE,
                ids={"vendor_id": UUID},
                body={"zip_code": None, "credit": Decimal("1234567890.123456789")},
            )
        )
    sent = route.calls.last.request
    assert sent.content == b'{"zipCode":null,"credit":1234567890.123456789}'
    assert sent.headers["content-type"] == "application/json"
    assert result == Vendor(id=UUID, name="Acme", credit=Decimal("10.10"))


@pytest.mark.parametrize(
    ("ids", "body", "message"),
    [
        ({"vendor_id": "nope"}, {"name": "x"}, "vendor_id must be a UUID, got 'nope'"),
        ({}, {"name": "x"}, "vendor_id is required, got None"),
        ({"vendor_id": UUID}, {"name": ""}, "vendors.update body is invalid: name: String"),
        ({"vendor_id": UUID}, {"bogus": 1}, "bogus: Extra inputs are not permitted"),
    ],
)
async def test_run_refuses_bad_input_before_sending(
    mode: Mode, ids: dict[str, Any], body: dict[str, Any], message: str
) -> None:
    with mock() as router:
        route = router.route()
        with pytest.raises(InvalidRequestError, match=message.replace("(", r"\(")) as info:
            await mode(client(mode).run(UPDATE, ids=ids, body=body))
    assert not route.called
    if "body" in message:
        assert info.value.field_errors


async def test_run_checks_id_kinds_and_encodes(mode: Mode) -> None:
    with mock() as router:
        route = router.delete(f"/api/vendors/{'a' * 24}/7").respond(200, json={})
        assert await mode(client(mode).run(DELETE, ids={"vendor_id": "a" * 24, "kind": 7})) is None
        assert route.called
        with pytest.raises(InvalidRequestError, match="24-character hexadecimal"):
            await mode(client(mode).run(DELETE, ids={"vendor_id": "../x", "kind": 7}))
        with pytest.raises(InvalidRequestError, match="kind must be an integer"):
            await mode(client(mode).run(DELETE, ids={"vendor_id": "a" * 24, "kind": "x"}))


async def test_missing_envelope_is_a_decode_error(mode: Mode) -> None:
    with mock() as router:
        router.patch(f"/api/vendors/{UUID}").respond(200, json={"other": {}})
        with pytest.raises(ResponseDecodeError, match="the answer has no 'vendor'"):
            await mode(client(mode).run(UPDATE, ids={"vendor_id": UUID}, body={"name": "x"}))


async def test_run_with_response_gives_the_raw_answer(mode: Mode) -> None:
    with mock() as router:
        router.patch(f"/api/vendors/{UUID}").respond(
            201, json={"vendor": {"id": UUID, "name": "A"}}, headers={"X-Request-Id": "r1"}
        )
        raw, vendor = await mode(
            client(mode).run_with_response(UPDATE, ids={"vendor_id": UUID}, body={"name": "A"})
        )
    assert (raw.status_code, raw.request_id, vendor.name) == (201, "r1", "A")


async def test_page_follows_the_cursor_with_validated_filters(mode: Mode) -> None:
    pages = [
        {"data": [{"id": "1", "name": "a"}, {"id": "2", "name": "b"}], "nextCursor": "c2"},
        {"data": [{"id": "3", "name": "c"}], "nextCursor": None},
    ]
    with mock() as router:
        route = router.get("/api/vendors").mock(
            side_effect=[httpx.Response(200, json=page) for page in pages]
        )
        pager = client(mode).page(LIST, query={"is_active": False}, page_size=2)
        items = await mode.collect(pager)
    assert [v.id for v in items] == ["1", "2", "3"]
    assert [str(c.request.url.params) for c in route.calls] == [
        "isActive=false&limit=2",
        "isActive=false&limit=2&cursor=c2",
    ]
    with pytest.raises(InvalidRequestError, match="is_active"):
        client(mode).page(LIST, query={"is_active": "maybe"})
    with pytest.raises(InvalidRequestError, match="not a list operation"):
        client(mode).page(UPDATE)


async def test_multipart_sends_validated_fields_as_form(mode: Mode) -> None:
    with mock() as router:
        route = router.post("/api/files").respond(200, json={"ok": True})
        await mode(client(mode).run(UPLOAD, body={"title": "t"}, files={"file": ("a.txt", b"hi")}))
    content = route.calls.last.request.content
    assert b'name="title"\r\n\r\nt' in content
    assert b"hi" in content


async def test_route_overrides_move_one_operation(mode: Mode) -> None:
    moved = client(mode, route_overrides={"vendors.update": ("PUT", "/v2/vendor/{vendor_id}")})
    with mock() as router:
        route = router.put(f"/v2/vendor/{UUID}").respond(
            200, json={"vendor": {"id": UUID, "name": "A"}}
        )
        await mode(moved.run(UPDATE, ids={"vendor_id": UUID}, body={"name": "A"}))
    assert route.called
    assert moved.route(UPDATE).path == "/v2/vendor/{vendor_id}"
    assert moved.route(LIST) is LIST
    derived = moved.with_options(route_overrides={})
    assert derived.route(UPDATE) is UPDATE


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"vendors.nope": ("GET", "/x")}, "unknown operation 'vendors.nope'"),
        ({"vendors.update": ("PATCH", "/v/{id}")}, r"placeholders \['vendor_id'\]"),
        ({"vendors.update": ("PATCH", "v/{vendor_id}")}, "must be"),
        ({"vendors.update": "PATCH /v"}, "tuple"),
    ],
)
def test_route_overrides_are_checked_at_construction(
    mode: Mode, overrides: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        client(mode, route_overrides=overrides)


def test_override_lists_are_accepted_for_tuples() -> None:
    moved = apply_overrides(ROUTES, {"vendors.list": ("GET", "/v")})
    assert moved["vendors.list"].path == "/v"
    config = ClientConfig(base_url=BASE, route_overrides={"vendors.list": ["GET", "/v"]})
    assert config.route_overrides == {"vendors.list": ("GET", "/v")}


def test_table_rejects_duplicates_and_unknown_ids() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        route_table(UPDATE, UPDATE)
    with pytest.raises(ValueError, match="not in"):
        Operation[None](name="x", method="GET", path="/x", summary="", ids={"y": IdKind.UUID})


def test_uses_marks_methods() -> None:
    @uses(UPDATE, LIST)
    def helper() -> None: ...

    assert operations_of(helper) == (UPDATE, LIST)
    assert operations_of(test_uses_marks_methods) == ()


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("0.10"), b"0.10"),
        (Decimal("1E+3"), b"1E+3"),
        ({"a": [Decimal("-2.5"), "x\u00e9"]}, '{"a":[-2.5,"x\u00e9"]}'.encode()),
        (Vendor(id="1", name="n", credit=Decimal("3.30")), b'{"id":"1","name":"n","credit":3.30}'),
    ],
)
def test_dumps_writes_decimals_as_exact_numbers(value: Any, text: bytes) -> None:
    assert dumps(value) == text
    json.loads(text)


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity"), float("nan"), float("inf")])
def test_dumps_refuses_non_numbers(bad: Any) -> None:
    with pytest.raises(InvalidRequestError, match="not a JSON number"):
        dumps({"x": bad})


SECRET_LOOKUP = Operation[Any](
    name="invites.lookup",
    method="GET",
    path="/api/invites/{token}",
    summary="Look up",
    ids={"token": IdKind.SECRET},
    answer=Any,
)


class SecretClient(SyncAPIClient):
    routes = route_table(SECRET_LOOKUP)


class AsyncSecretClient(AsyncAPIClient):
    routes = route_table(SECRET_LOOKUP)


async def test_secret_path_ids_are_masked_in_errors_and_logs(
    mode: Mode, caplog: pytest.LogCaptureFixture
) -> None:
    config = ClientConfig(base_url=BASE, max_retries=0)
    secret_client: Any = AsyncSecretClient(config) if mode.is_async else SecretClient(config)
    caplog.set_level("DEBUG", logger="supplychain_sdk")
    with mock() as router:
        route = router.get("/api/invites/tok%2Fen-123").respond(404, json={"message": "gone"})
        with pytest.raises(NotFoundError) as info:
            await mode(secret_client.run(SECRET_LOOKUP, ids={"token": "tok/en-123"}))
    assert route.called  # the real token was sent
    assert "tok" not in str(info.value)
    assert info.value.url == f"{BASE}/api/invites/[REDACTED]"
    assert "en-123" not in caplog.text
    assert "[REDACTED]" in caplog.text
