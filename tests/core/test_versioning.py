"""If-Match resolution and the read-modify-write helper."""

from __future__ import annotations

import httpx
import pytest

from supplychain_sdk._core import (
    APIModel,
    InvalidRequestError,
    VersionConflictError,
    async_retry_on_conflict,
    resolve_if_match,
    retry_on_conflict,
)
from tests.conftest import Mode, mock


class Order(APIModel):
    id: str
    version: int
    instructions: str | None = None


def test_resolve_if_match() -> None:
    order = Order(id="1", version=4)
    assert resolve_if_match(None, order) == "4"
    assert resolve_if_match("9", order) == "9"
    assert resolve_if_match(None, {"version": 2}) == "2"
    assert resolve_if_match(None, None) is None
    assert resolve_if_match(None, {"id": 1}) is None
    with pytest.raises(InvalidRequestError):
        resolve_if_match("", None)
    with pytest.raises(InvalidRequestError):
        resolve_if_match(True, None)  # type: ignore[arg-type]


def conflict_then_ok(conflicts: int):  # type: ignore[no-untyped-def]
    answers = [httpx.Response(409, json={"message": "stale"}) for _ in range(conflicts)]
    return [*answers, httpx.Response(200, json={"id": "1", "version": 9})]


async def test_retry_on_conflict_reads_again_and_succeeds(mode: Mode) -> None:
    with mock() as router:
        versions = iter([1, 2, 3])
        read = router.get("/orders/1").mock(
            side_effect=lambda r: httpx.Response(200, json={"id": "1", "version": next(versions)})
        )
        write = router.put("/orders/1").mock(side_effect=conflict_then_ok(2))
        client = mode.client()

        def get():  # type: ignore[no-untyped-def]
            return client.request("GET", "/orders/1", cast_to=Order)

        def put(order: Order):  # type: ignore[no-untyped-def]
            return client.request(
                "PUT", "/orders/1", json=order, if_match=str(order.version), cast_to=Order
            )

        def modify(order: Order) -> Order:
            return order.model_copy(update={"instructions": "Fragile"})

        helper = async_retry_on_conflict if mode.is_async else retry_on_conflict
        result = await mode(helper(get, modify, put))  # type: ignore[arg-type]
        assert result.version == 9
        assert read.call_count == 3
        assert [c.request.headers["If-Match"] for c in write.calls] == ["1", "2", "3"]
        assert b'"instructions":"Fragile"' in write.calls.last.request.content


async def test_retry_on_conflict_gives_up_after_attempts(mode: Mode) -> None:
    with mock() as router:
        router.get("/orders/1").respond(200, json={"id": "1", "version": 1})
        write = router.put("/orders/1").respond(409, json={"message": "stale"})
        client = mode.client()
        helper = async_retry_on_conflict if mode.is_async else retry_on_conflict
        with pytest.raises(VersionConflictError) as caught:
            await mode(
                helper(  # type: ignore[arg-type]
                    lambda: client.request("GET", "/orders/1", cast_to=Order),
                    lambda o: o,
                    lambda o: client.request("PUT", "/orders/1", json=o, if_match="1"),
                    attempts=2,
                )
            )
        assert write.call_count == 2
    assert caught.value.sent_version == "1"


def test_retry_on_conflict_rejects_bad_attempts() -> None:
    with pytest.raises(InvalidRequestError):
        retry_on_conflict(lambda: 1, lambda x: x, lambda x: x, attempts=0)
