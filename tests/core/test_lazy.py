"""Types named by reference (`supplychain_sdk._core.lazy`): a `TypeRef` resolves to the type it
names and validates, dumps, pages and frames exactly as that type, alone or inside unions,
lists and parametrized generics. Import-time effects are checked per platform in fresh
interpreters (``tests/<platform>/test_import_time.py``)."""

from __future__ import annotations

import datetime as dt
import typing
from decimal import Decimal
from typing import Annotated, Any, Generic, TypeVar

import httpx
import pytest
from pydantic import Field, TypeAdapter
from typing_extensions import TypedDict

from supplychain_sdk._core import AsyncAPIClient, ClientConfig, SyncAPIClient, frames
from supplychain_sdk._core.decoding import cast, read_page_json
from supplychain_sdk._core.errors import InvalidRequestError, ResponseDecodeError
from supplychain_sdk._core.lazy import LazyTypes, TypeRef, resolve_type
from supplychain_sdk._core.models import APIModel
from supplychain_sdk._core.operations import Operation, Paging, api_fields, route_table
from supplychain_sdk._core.pagination import CursorPagination
from tests.conftest import BASE, Mode, mock

M = TypeVar("M")


class Vendor(APIModel):
    id: str
    name: str
    credit: Decimal | None = None
    created_at: dt.datetime | None = None


class Gone(APIModel):
    deleted_id: str


class Listing(APIModel, Generic[M]):
    items: list[M]
    total: int | None = None


@api_fields
class VendorFields(TypedDict, total=False):
    name: str
    zip_code: str | None


#: This module's types, named by reference as a platform's route rows name theirs (a row's
#: module types it as the real module under ``TYPE_CHECKING``; here it is the proxy itself).
t: Any = LazyTypes(__name__)

UPDATE = Operation[Vendor](
    name="vendors.update",
    method="PATCH",
    path="/vendors/{vendor_id}",
    summary="Update a vendor",
    body=t.VendorFields,
    answer=t.Vendor,
)
REMOVE = Operation[Any](
    name="vendors.remove",
    method="DELETE",
    path="/vendors/{vendor_id}",
    summary="Remove a vendor (hard or soft)",
    answer=t.Gone | t.Vendor,
)
SEARCH = Operation[Any](
    name="vendors.search",
    method="GET",
    path="/vendors/search",
    summary="Search",
    answer=t.Listing[t.Vendor],
)
_CURSOR = Paging(
    strategy=lambda size, limit: CursorPagination(
        next_cursor=lambda body, raw: body.get("next"), params={}
    ),
)
LIST = Operation[Vendor](
    name="vendors.list",
    method="GET",
    path="/vendors",
    summary="List",
    answer=t.Vendor,
    paging=_CURSOR,
)
LIST_BY_CALLABLE = Operation[Vendor](
    name="vendors.list_all",
    method="GET",
    path="/vendors/all",
    summary="List, items found by a function",
    answer=t.Vendor,
    paging=Paging(strategy=_CURSOR.strategy, items=lambda body: body["data"]),
)
ROUTES = route_table(UPDATE, REMOVE, SEARCH, LIST, LIST_BY_CALLABLE)


class DemoClient(SyncAPIClient):
    routes = ROUTES


class AsyncDemoClient(AsyncAPIClient):
    routes = ROUTES


def client(mode: Mode) -> Any:
    config = ClientConfig(base_url=BASE, max_retries=0)
    return AsyncDemoClient(config) if mode.is_async else DemoClient(config)


VENDOR = {"id": "v1", "name": "Acme", "credit": "10.50", "createdAt": "2026-01-02T03:04:05Z"}


# -- the reference itself --------------------------------------------------------------------------


def test_a_reference_resolves_once_and_compares_by_what_it_names() -> None:
    ref: Any = TypeRef(__name__, "Vendor")
    assert ref.resolve() is Vendor
    assert ref.resolve() is ref.resolve()
    assert ref == t.Vendor
    assert hash(ref) == hash(t.Vendor)
    assert ref != TypeRef(__name__, "Gone")
    assert ref != Vendor  # a reference is not the class
    assert repr(ref) == "Vendor"
    assert t.Vendor is t.Vendor  # one reference per name: resolved once for every row
    assert repr(t) == f"LazyTypes({__name__!r})"


def test_a_module_of_references_refuses_dunder_names() -> None:
    with pytest.raises(AttributeError, match="__wrapped__"):
        t.__wrapped__  # noqa: B018


def test_a_wrong_name_is_a_clear_error() -> None:
    with pytest.raises(ImportError, match=rf"{__name__} defines no 'Vendr'") as info:
        t.Vendr.resolve()
    assert info.value.name == __name__
    with pytest.raises(ImportError, match="defines no 'Vendr'"):
        TypeAdapter(t.Vendr)
    with pytest.raises(ModuleNotFoundError, match="no_such_module"):
        TypeRef("supplychain_sdk.no_such_module", "Vendor").resolve()


def test_calling_a_reference_constructs_the_class() -> None:
    assert t.Vendor(id="v1", name="Acme") == Vendor(id="v1", name="Acme")
    assert type(t.Gone(deleted_id="g")) is Gone


def test_references_combine_into_unions_both_ways() -> None:
    assert typing.get_args(t.Gone | t.Vendor) == (t.Gone, t.Vendor)
    assert typing.get_args(t.Vendor | None) == (t.Vendor, type(None))
    assert typing.get_args(None | t.Vendor) == (type(None), t.Vendor)
    assert typing.get_args(int | t.Vendor) == (int, t.Vendor)
    assert typing.get_args(list[t.Vendor] | None) == (list[t.Vendor], type(None))
    assert Operation[t.Vendor] is not None  # a row's type argument may be a reference


def test_a_parametrized_reference_is_the_parametrized_model() -> None:
    ref = t.Listing[t.Vendor]
    assert ref == TypeRef(__name__, "Listing", (t.Vendor,))
    assert hash(ref) == hash(TypeRef(__name__, "Listing", (t.Vendor,)))
    assert ref != t.Listing
    assert repr(ref) == "Listing[Vendor]"
    assert repr(t.Listing[int]) == "Listing[int]"
    assert ref.resolve() is Listing[Vendor]


def test_resolve_type_resolves_every_reference_inside_a_type() -> None:
    assert resolve_type(t.Vendor) is Vendor
    assert resolve_type(list[t.Vendor] | None) == list[Vendor] | None
    assert resolve_type(t.Gone | t.Vendor) == Gone | Vendor
    assert resolve_type(dict[str, t.Vendor]) == dict[str, Vendor]
    assert resolve_type(typing.List[t.Vendor]) == typing.List[Vendor]  # noqa: UP006
    annotated = resolve_type(Annotated[t.Vendor, Field(description="x")])
    assert typing.get_args(annotated)[0] is Vendor
    assert resolve_type(t.Listing[t.Vendor]) is Listing[Vendor]
    plain = list[int] | None
    assert resolve_type(plain) is plain  # nothing to resolve: the same object
    assert resolve_type(Vendor) is Vendor


# -- pydantic sees the type it names ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("by_reference", "direct", "data"),
    [
        (t.Vendor, Vendor, VENDOR),
        (list[t.Vendor], list[Vendor], [VENDOR, {"id": "v2", "name": "B"}]),
        (t.Gone | t.Vendor, Gone | Vendor, {"deletedId": "g1"}),
        (t.Gone | t.Vendor, Gone | Vendor, VENDOR),
        (t.Vendor | None, Vendor | None, None),
        (t.Listing[t.Vendor], Listing[Vendor], {"items": [VENDOR], "total": 1}),
        (t.VendorFields, VendorFields, {"name": "Acme", "zip_code": None}),
    ],
)
def test_a_type_adapter_of_a_reference_validates_and_dumps_like_the_type(
    by_reference: Any, direct: Any, data: Any
) -> None:
    lazy: TypeAdapter[Any] = TypeAdapter(by_reference)
    eager: TypeAdapter[Any] = TypeAdapter(direct)
    value = lazy.validate_python(data)
    assert value == eager.validate_python(data)
    assert type(value) is type(eager.validate_python(data))
    assert lazy.dump_python(value, by_alias=True) == eager.dump_python(value, by_alias=True)
    assert lazy.dump_json(value, by_alias=True) == eager.dump_json(value, by_alias=True)
    assert lazy.validate_json(eager.dump_json(value, by_alias=True)) == value


def test_a_reference_refuses_what_its_type_refuses() -> None:
    with pytest.raises(ValueError, match="name"):
        TypeAdapter(t.Vendor).validate_python({"id": "v1"})
    with pytest.raises(ValueError, match="Extra inputs are not permitted"):
        TypeAdapter(t.VendorFields).validate_python({"bogus": 1})


def test_the_core_casts_and_pages_by_reference() -> None:
    kwargs: dict[str, Any] = {"method": "GET", "url": f"{BASE}/x", "status": 200}
    assert cast(t.Vendor, VENDOR, **kwargs) == Vendor.model_validate(VENDOR)
    assert cast(list[t.Vendor], [VENDOR], **kwargs) == [Vendor.model_validate(VENDOR)]
    gone = cast(t.Gone | t.Vendor, {"deletedId": "g1"}, **kwargs)
    assert type(gone) is Gone
    listing: Any = cast(t.Listing[t.Vendor], {"items": [VENDOR]}, **kwargs)
    assert type(listing) is Listing[Vendor]
    with pytest.raises(ResponseDecodeError, match="unexpected shape"):
        cast(t.Vendor, {"id": "v1"}, **kwargs)
    page = read_page_json("data", t.Vendor, b'{"data": [{"id": "v1", "name": "A"}], "next": "c"}')
    assert page is not None
    assert page == {"data": [Vendor(id="v1", name="A")], "next": "c"}
    assert type(page["data"][0]) is Vendor


# -- through a client ----------------------------------------------------------------------------


async def test_run_checks_the_body_and_casts_the_answer_by_reference(mode: Mode) -> None:
    with mock() as router:
        route = router.patch("/vendors/v1").respond(200, json=VENDOR)
        vendor = await mode(
            client(mode).run(UPDATE, ids={"vendor_id": "v1"}, body={"zip_code": None})
        )
        with pytest.raises(InvalidRequestError, match="bogus") as info:
            await mode(client(mode).run(UPDATE, ids={"vendor_id": "v1"}, body={"bogus": 1}))
    sent = route.calls.last.request
    assert (sent.method, sent.url.path, sent.content) == (
        "PATCH",
        "/vendors/v1",
        b'{"zipCode":null}',
    )
    assert sent.headers["content-type"] == "application/json"
    assert route.call_count == 1  # the refused body was never sent
    assert info.value.field_errors == {"bogus": ["Extra inputs are not permitted"]}
    assert type(vendor) is Vendor
    assert vendor == Vendor(
        id="v1",
        name="Acme",
        credit=Decimal("10.50"),
        created_at=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc),
    )


async def test_run_casts_a_union_and_a_generic_named_by_reference(mode: Mode) -> None:
    with mock() as router:
        router.delete("/vendors/v1").respond(200, json={"deletedId": "v1"})
        router.delete("/vendors/v2").respond(200, json={"id": "v2", "name": "Soft"})
        router.get("/vendors/search").respond(200, json={"items": [VENDOR], "total": 1})
        gone = await mode(client(mode).run(REMOVE, ids={"vendor_id": "v1"}))
        soft = await mode(client(mode).run(REMOVE, ids={"vendor_id": "v2"}))
        found = await mode(client(mode).run(SEARCH))
    assert (type(gone), gone) == (Gone, Gone(deleted_id="v1"))
    assert (type(soft), soft) == (Vendor, Vendor(id="v2", name="Soft"))
    assert type(found) is Listing[Vendor]
    assert found == Listing[Vendor](items=[Vendor.model_validate(VENDOR)], total=1)


@pytest.mark.parametrize("op", [LIST, LIST_BY_CALLABLE], ids=["from-bytes", "by-function"])
async def test_a_pager_reads_items_named_by_reference(mode: Mode, op: Operation[Vendor]) -> None:
    pages = [
        {"data": [VENDOR, {"id": "v2", "name": "B"}], "next": "c2"},
        {"data": [{"id": "v3", "name": "C"}], "next": None},
    ]
    with mock() as router:
        route = router.get(op.path).mock(
            side_effect=[httpx.Response(200, json=page) for page in pages]
        )
        items = await mode.collect(client(mode).page(op))
    assert [str(call.request.url) for call in route.calls] == [
        f"{BASE}{op.path}",
        f"{BASE}{op.path}?cursor=c2",
    ]
    assert [type(item) for item in items] == [Vendor, Vendor, Vendor]
    assert items == [
        Vendor.model_validate(VENDOR),
        Vendor(id="v2", name="B"),
        Vendor(id="v3", name="C"),
    ]


async def test_a_pager_of_references_makes_frames_with_the_model_columns(mode: Mode) -> None:
    with mock() as router:
        router.get("/vendors").respond(200, json={"data": [], "next": None})
        frame = await mode(client(mode).page(LIST).to_pandas())
    assert list(frame.columns) == ["id", "name", "credit", "created_at"]
    assert len(frame) == 0


def test_frames_take_a_reference_for_the_columns() -> None:
    assert frames.table([], model=t.Vendor) == (
        {"id": [], "name": [], "credit": [], "created_at": []},
        {"created_at": "datetime"},
    )
    data, kinds = frames.table([Vendor.model_validate(VENDOR)], model=t.Vendor)
    assert data == {
        "id": ["v1"],
        "name": ["Acme"],
        "credit": [Decimal("10.50")],
        "created_at": [dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)],
    }
    assert kinds == {"created_at": "datetime"}
    assert list(frames.to_polars([], model=t.Vendor).columns) == [
        "id",
        "name",
        "credit",
        "created_at",
    ]


async def test_a_model_body_is_sent_as_the_model_sends_itself(mode: Mode) -> None:
    # the body schema is a reference to the model's class: the model is sent as it is, with
    # exact decimals, unknown fields included
    vendor = Vendor.model_validate({"id": "v1", "name": "A", "rebate": Decimal("0.050")})
    replace = Operation[Vendor](
        name="vendors.replace",
        method="PUT",
        path="/vendors/{vendor_id}",
        summary="Replace",
        body=t.Vendor,
        answer=t.Vendor,
    )
    with mock() as router:
        route = router.put("/vendors/v1").respond(200, json={"id": "v1", "name": "A"})
        await mode(client(mode).run(replace, ids={"vendor_id": "v1"}, body=vendor))
    assert route.calls.last.request.content == b'{"id":"v1","name":"A","rebate":0.050}'
