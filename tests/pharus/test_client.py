"""The Pharus client itself: configuration, org scoping, tokens, errors, bulk imports, amounts."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import pytest
from typing_extensions import Required, TypedDict

from supplychain_sdk import (
    InvalidRequestError,
    NotFoundError,
    ResponseDecodeError,
    UnprocessableEntityError,
)
from supplychain_sdk._core.operations import IdKind, Operation, api_fields
from supplychain_sdk.pharus import (
    AsyncPharus,
    BulkImportReport,
    BulkRowStatus,
    InUseError,
    InvalidTransitionError,
    Pharus,
)
from supplychain_sdk.pharus._async.base import AsyncPharusResource
from supplychain_sdk.pharus._inputs.common import Amount, Country, DateInput, UuidStr
from supplychain_sdk.pharus._routes.common import BOUNDED, CURSOR, NO_ORG, PUBLIC
from supplychain_sdk.pharus._sync.base import PharusResource
from tests.conftest import Mode

from .conftest import BASE, ID, ORG, TOKEN, plain_client


@api_fields
class Row(TypedDict, total=False):
    name: Required[str]
    price: Amount
    country: Country
    owner_id: UuidStr
    due: DateInput


@api_fields
class Rows(TypedDict):
    rows: list[Row]


SCOPED = Operation[Any](
    name="things.get", method="GET", path="/api/things", summary="t", answer=Any
)
MINE = Operation[Any](
    name="me.get", method="GET", path="/api/me", summary="m", answer=Any, flags=NO_ORG
)
OPEN = Operation[Any](
    name="invites.lookup", method="GET", path="/api/open", summary="o", answer=Any, flags=PUBLIC
)
CREATE = Operation[Any](
    name="things.create", method="POST", path="/api/things", summary="c", body=Row, answer=Any
)
BULK = Operation[Any](
    name="things.bulk", method="POST", path="/api/things/bulk", summary="b", body=Rows, answer=Any
)
LIST = Operation[Any](
    name="things.list", method="GET", path="/api/things", summary="l", answer=Any, paging=CURSOR
)
SMALL = Operation[Any](
    name="things.small", method="GET", path="/api/small", summary="s", answer=Any, paging=BOUNDED
)
DELETE = Operation[Any](
    name="things.delete",
    method="DELETE",
    path="/api/things/{thing_id}",
    summary="d",
    ids={"thing_id": IdKind.UUID},
    answer=Any,
)


def resource(mode: Mode, client: Any) -> Any:
    return AsyncPharusResource(client) if mode.is_async else PharusResource(client)


def test_base_url_is_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PHARUS_BASE_URL", raising=False)
    with pytest.raises(InvalidRequestError, match="PHARUS_BASE_URL"):
        Pharus(token=TOKEN)
    with pytest.raises(InvalidRequestError, match="PHARUS_BASE_URL"):
        AsyncPharus(token=TOKEN)


def test_environment_configures_the_client(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PHARUS_BASE_URL", BASE)
    monkeypatch.setenv("PHARUS_TOKEN", TOKEN)
    monkeypatch.setenv("PHARUS_ORG_ID", ORG)
    for cls in (Pharus, AsyncPharus):
        client = cls()
        assert (client.base_url, client.org_id) == (BASE, ORG)
        assert TOKEN not in repr(client)
        assert repr(client) == f"{cls.__name__}(base_url='{BASE}', org_id='{ORG}')"


@pytest.mark.parametrize("bad", ["", " ", "a b", "x\r\nX-Evil: 1", 7])
def test_org_id_is_checked(bad: Any) -> None:
    with pytest.raises(InvalidRequestError, match="org_id"):
        Pharus(token=TOKEN, org_id=bad, base_url=BASE)
    with pytest.raises(InvalidRequestError, match="org_id"):
        Pharus(token=TOKEN, base_url=BASE).for_org(bad)


async def test_org_header_on_scoped_routes_only(mode: Mode) -> None:
    client = plain_client(mode)
    with httpx_mock() as router:
        route = router.route().respond(200, json={})
        await mode(client.run(SCOPED))
        await mode(client.run(MINE))
        await mode(client.run(OPEN))
    scoped, mine, public = (call.request.headers for call in route.calls)
    assert (scoped["x-org-id"], scoped["authorization"]) == (ORG, f"Bearer {TOKEN}")
    assert "x-org-id" not in mine
    assert mine["authorization"] == f"Bearer {TOKEN}"
    assert "x-org-id" not in public


async def test_for_org_scopes_a_copy_sharing_the_pool(mode: Mode) -> None:
    client = plain_client(mode)
    other = client.for_org("org-2")
    assert other._http is client._http
    assert (client.org_id, other.org_id) == (ORG, "org-2")
    with httpx_mock() as router:
        route = router.route().respond(200, json={})
        await mode(other.run(SCOPED))
    assert route.calls.last.request.headers["x-org-id"] == "org-2"
    await mode(other.close())
    assert not client._http.is_closed


async def test_for_org_drops_resources_cached_by_the_mixins(mode: Mode) -> None:
    client = plain_client(mode)
    assert client.vendors is client.vendors  # cached on the mixin's cached_property
    other = client.for_org("org-2")
    assert other.vendors is not client.vendors
    assert other.vendors._client is other
    with httpx_mock() as router:
        route = router.route().respond(200, json={"data": []})
        await mode.collect(other.vendors.list())
    assert route.calls.last.request.headers["x-org-id"] == "org-2"


async def test_missing_org_or_token_is_refused_before_sending(mode: Mode) -> None:
    no_org = plain_client(mode, org_id=None)
    no_token = plain_client(mode, token=None)
    with httpx_mock() as router:
        route = router.route().respond(200, json={"ok": True})
        with pytest.raises(InvalidRequestError, match=r"things\.get is scoped to an organization"):
            await mode(no_org.run(SCOPED))
        with pytest.raises(InvalidRequestError, match=r"me\.get needs a Pharus token"):
            await mode(no_token.run(MINE))
        assert not route.called
        assert await mode(no_token.run(OPEN)) == {"ok": True}
    assert "authorization" not in route.calls.last.request.headers


async def test_a_token_provider_is_called_per_request(mode: Mode) -> None:
    tokens = iter(["t1", "t2"])
    client = plain_client(mode, token=lambda: next(tokens))
    with httpx_mock() as router:
        route = router.route().respond(200, json={})
        await mode(client.run(SCOPED))
        await mode(client.run(SCOPED))
    assert [c.request.headers["authorization"] for c in route.calls] == ["Bearer t1", "Bearer t2"]


@pytest.mark.parametrize(
    ("code", "status", "error"),
    [
        ("in_use", 409, InUseError),
        ("invalid_transition", 409, InvalidTransitionError),
        ("not_found", 404, NotFoundError),
    ],
)
async def test_error_codes_pick_their_classes(
    mode: Mode, code: str, status: int, error: type[Exception]
) -> None:
    client = plain_client(mode)
    body = {"error": {"code": code, "message": "nope", "details": {"references": {"a": 1}}}}
    with httpx_mock() as router:
        router.route().respond(status, json=body)
        with pytest.raises(error) as info:
            await mode(client.run(DELETE, ids={"thing_id": ID}))
    assert (info.value.code, info.value.error_message) == (code, "nope")  # type: ignore[attr-defined]
    assert info.value.details == {"references": {"a": 1}}  # type: ignore[attr-defined]


async def test_unknown_error_codes_are_kept(mode: Mode) -> None:
    client = plain_client(mode)
    with httpx_mock() as router:
        router.route().respond(422, json={"error": {"code": "quota_exceeded", "message": "m"}})
        with pytest.raises(UnprocessableEntityError) as info:
            await mode(client.run(SCOPED))
    assert (info.value.code, info.value.status_code) == ("quota_exceeded", 422)


async def test_amounts_are_exact_numbers_and_fields_checked(mode: Mode) -> None:
    client = plain_client(mode)
    with httpx_mock() as router:
        route = router.route().respond(200, json={})
        await mode(
            client.run(
                CREATE,
                body={"name": "n", "price": Decimal("10.10"), "owner_id": ID, "due": "2026-01-31"},
            )
        )
        await mode(client.run(CREATE, body={"name": "n", "price": 0.1}))
        for bad, where in [
            ({"name": "n", "price": "1.5"}, "price"),
            ({"name": "n", "price": True}, "price"),
            ({"name": "n", "price": float("nan")}, "price"),
            ({"name": "n", "country": "DEU"}, "country"),
            ({"name": "n", "owner_id": "42"}, "owner_id"),
            ({"name": "n", "due": "soon"}, "due"),
            ({"price": 1}, "name"),
        ]:
            with pytest.raises(InvalidRequestError) as info:
                await mode(client.run(CREATE, body=bad))
            assert where in info.value.field_errors
    first, second = (c.request.content for c in route.calls)
    assert first == f'{{"name":"n","price":10.10,"ownerId":"{ID}","due":"2026-01-31"}}'.encode()
    assert second == b'{"name":"n","price":0.1}'
    assert route.call_count == 2


async def test_cursor_lists_send_a_page_size_and_follow_next_cursor(mode: Mode) -> None:
    client = plain_client(mode)
    pages = [{"data": [1, 2], "nextCursor": "c2"}, {"data": [3], "nextCursor": None}]
    with httpx_mock() as router:
        route = router.get("/api/things").mock(
            side_effect=[httpx.Response(200, json=p) for p in pages]
        )
        assert await mode.collect(client.page(LIST, page_size=2)) == [1, 2, 3]
    assert [str(c.request.url.params) for c in route.calls] == ["limit=2", "limit=2&cursor=c2"]
    with httpx_mock() as router:
        route = router.get("/api/things").respond(200, json={"data": [1, 2, 3]})
        assert await mode.collect(client.page(LIST, limit=2)) == [1, 2]
    assert str(route.calls.last.request.url.params) == "limit=2"
    with pytest.raises(InvalidRequestError, match="page_size"):
        client.page(LIST, page_size=0)


async def test_bounded_lists_send_no_paging_and_stop_without_a_cursor(mode: Mode) -> None:
    client = plain_client(mode)
    with httpx_mock() as router:
        route = router.get("/api/small").respond(200, json={"data": ["a", "b"]})
        assert await mode.collect(client.page(SMALL)) == ["a", "b"]
    assert str(route.calls.last.request.url) == f"{BASE}/api/small"


async def test_bulk_import_reads_both_answer_shapes_in_batches(mode: Mode) -> None:
    client = plain_client(mode)
    rows = [{"name": f"r{n}"} for n in range(5)]
    answers = [
        httpx.Response(200, json={"ids": ["i0", "i1"]}),
        httpx.Response(
            200,
            json=[
                {"index": 0, "status": "created", "id": "i2"},
                {"index": 1, "status": "error", "error": {"code": "conflict"}},
            ],
        ),
        httpx.Response(422, json={"error": {"code": "validation_failed", "message": "bad"}}),
    ]
    with httpx_mock() as router:
        route = router.post("/api/things/bulk").mock(side_effect=answers)
        report = await mode(resource(mode, client)._bulk_import(BULK, rows, 2))
    assert [json.loads(c.request.content) for c in route.calls] == [
        {"rows": [{"name": "r0"}, {"name": "r1"}]},
        {"rows": [{"name": "r2"}, {"name": "r3"}]},
        {"rows": [{"name": "r4"}]},
    ]
    assert isinstance(report, BulkImportReport)
    assert [(r.index, r.status, r.id) for r in report.rows] == [
        (0, "created", "i0"),
        (1, "created", "i1"),
        (2, "created", "i2"),
        (3, "error", None),
        (4, "error", None),
    ]
    assert report.ids == ["i0", "i1", "i2"]
    assert (report.created, report.ok) == (3, False)
    assert report.rows[4].error == {"code": "validation_failed", "message": "bad"}


async def test_bulk_import_checks_every_row_first_and_reports_lost_batches(mode: Mode) -> None:
    client = plain_client(mode)
    res = resource(mode, client)
    with httpx_mock() as router:
        route = router.post("/api/things/bulk").mock(
            side_effect=[httpx.Response(200, json={"ids": ["a"]}), httpx.ConnectError("reset")]
        )
        with pytest.raises(InvalidRequestError) as info:
            await mode(res._bulk_import(BULK, [{"name": "ok"}, {"price": 1}], 1))
        assert not route.called
        assert "rows.1.name" in info.value.field_errors
        with pytest.raises(InvalidRequestError, match="nothing to import"):
            await mode(res._bulk_import(BULK, [], 10))
        with pytest.raises(InvalidRequestError, match="batch_size"):
            await mode(res._bulk_import(BULK, [{"name": "a"}], 0))
        report = await mode(res._bulk_import(BULK, [{"name": "a"}, {"name": "b"}], 1))
    assert route.call_count == 2  # the lost POST is not retried
    assert [r.status for r in report.rows] == ["created", BulkRowStatus.UNKNOWN]


async def test_bulk_import_refuses_an_answer_it_cannot_read(mode: Mode) -> None:
    client = plain_client(mode)
    with httpx_mock() as router:
        router.post("/api/things/bulk").respond(200, json={"ids": ["only-one"]})
        with pytest.raises(ResponseDecodeError, match="may have been imported"):
            await mode(resource(mode, client)._bulk_import(BULK, [{"name": "a"}, {"name": "b"}]))


def httpx_mock() -> Any:
    import respx

    return respx.mock(base_url=BASE, assert_all_called=False)
