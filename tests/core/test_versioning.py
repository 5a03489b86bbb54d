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


# -- a conditional write is only idempotent while the version still matches ------------------


class Counter:
    """A server whose order counts its updates; the PUT may be applied and then lost."""

    def __init__(self, lose_answer: BaseException | int | None) -> None:
        self.version = 1
        self.count = 0
        self.lose_answer = lose_answer

    def get(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"id": "1", "version": self.version, "count": self.count})

    def put(self, request: httpx.Request) -> httpx.Response:
        if request.headers["If-Match"] != str(self.version):
            return httpx.Response(412, json={"message": "stale"})
        self.version += 1
        self.count += 1  # applied...
        lost, self.lose_answer = self.lose_answer, None
        if isinstance(lost, BaseException):
            raise lost  # ...and the connection dropped before the answer arrived
        if isinstance(lost, int):
            return httpx.Response(lost, json={"message": "gateway gave up"})
        return self.get(request)


@pytest.mark.parametrize(
    "lost",
    [
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
        httpx.ReadError("connection reset"),
        httpx.ReadTimeout("timed out"),
        502,
        504,
        500,
    ],
    ids=["dropped", "reset", "read-timeout", "502", "504", "500"],
)
async def test_applied_if_match_put_is_not_replayed_nor_modified_twice(
    mode: Mode, lost: BaseException | int
) -> None:
    from supplychain_sdk._core import APIError

    server = Counter(lost)
    modified: list[int] = []
    with mock() as router:
        router.get("/orders/1").mock(side_effect=server.get)
        write = router.put("/orders/1").mock(side_effect=server.put)
        client = mode.client()

        def modify(order: dict[str, int]) -> dict[str, int]:
            modified.append(order["version"])
            return {**order, "count": order["count"] + 1}

        helper = async_retry_on_conflict if mode.is_async else retry_on_conflict
        with pytest.raises(APIError) as caught:
            await mode(
                helper(  # type: ignore[arg-type]
                    lambda: client.request("GET", "/orders/1"),
                    modify,
                    lambda o: client.request(
                        "PUT", "/orders/1", json=o, if_match=str(o["version"])
                    ),
                )
            )
    assert not isinstance(caught.value, VersionConflictError)  # was: 412 from our own write
    assert caught.value.outcome_unknown is True
    assert "outcome unknown" in str(caught.value)
    assert write.call_count == 1  # not replayed
    assert modified == [1]  # modify ran once
    assert server.count == 1  # applied once (was twice)


@pytest.mark.parametrize("first", [httpx.ConnectError("refused"), 503, 429, 408])
async def test_if_match_put_is_retried_when_it_surely_was_not_applied(
    mode: Mode, first: BaseException | int
) -> None:
    answers: list[object] = [
        first if isinstance(first, BaseException) else httpx.Response(first, json={}),
        httpx.Response(200, json={"id": "1", "version": 2}),
    ]
    with mock() as router:
        write = router.put("/orders/1").mock(side_effect=answers)
        got = await mode(mode.client().request("PUT", "/orders/1", json={}, if_match="1"))
    assert got == {"id": "1", "version": 2}
    assert write.call_count == 2
