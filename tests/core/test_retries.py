"""Retries: what is retried, how long it waits, when it stops, and what it logs."""

from __future__ import annotations

import email.utils
import logging
import time

import httpx
import pytest

from supplychain_sdk._core import (
    APIConnectionError,
    APITimeoutError,
    ConflictError,
    InternalServerError,
    Platform,
    RateLimitError,
)
from supplychain_sdk._core._retrying import may_retry, replay_safe
from supplychain_sdk._core.retry import backoff, server_wait
from tests.conftest import Mode, mock


async def test_get_503_503_200_is_retried(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/a").mock(
            side_effect=[httpx.Response(503), httpx.Response(503), httpx.Response(200, json=[1])]
        )
        assert await mode(mode.client().request("GET", "/a")) == [1]
        assert route.call_count == 3
        assert len(mode.sleeps) == 2
        assert all(0 <= s <= 30 for s in mode.sleeps)


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
async def test_each_retryable_status(mode: Mode, status: int) -> None:
    with mock() as router:
        route = router.put("/a").mock(side_effect=[httpx.Response(status), httpx.Response(204)])
        assert await mode(mode.client().request("PUT", "/a", json={})) is None
        assert route.call_count == 2


async def test_post_is_not_retried_by_default(mode: Mode) -> None:
    with mock() as router:
        route = router.post("/a").respond(503)
        with pytest.raises(InternalServerError):
            await mode(mode.client().request("POST", "/a", json={"x": 1}))
        assert route.call_count == 1
        assert mode.sleeps == []


async def test_post_connection_error_is_not_retried(mode: Mode) -> None:
    with mock() as router:
        route = router.post("/a").mock(side_effect=httpx.ConnectError("refused"))
        with pytest.raises(APIConnectionError):
            await mode(mode.client().request("POST", "/a", json={}))
        assert route.call_count == 1


async def test_post_retried_when_marked_idempotent(mode: Mode) -> None:
    with mock() as router:
        route = router.post("/a").mock(side_effect=[httpx.Response(503), httpx.Response(200)])
        await mode(mode.client().request("POST", "/a", json={}, idempotent=True))
        assert route.call_count == 2


async def test_post_retried_with_client_opt_in(mode: Mode) -> None:
    with mock() as router:
        route = router.post("/a").mock(side_effect=[httpx.Response(502), httpx.Response(200)])
        client = mode.client().with_options(retry_non_idempotent=True)
        await mode(client.request("POST", "/a", json={}))
        assert route.call_count == 2


async def test_409_is_never_retried(mode: Mode) -> None:
    with mock() as router:
        route = router.put("/a").respond(409, json={"message": "conflict"})
        with pytest.raises(ConflictError):
            await mode(mode.client().request("PUT", "/a", json={}))
        assert route.call_count == 1


async def test_connection_errors_and_stale_keepalive_are_retried(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/a").mock(
            side_effect=[
                httpx.ConnectError("refused"),
                httpx.RemoteProtocolError("Server disconnected without sending a response."),
                httpx.Response(200, json={}),
            ]
        )
        await mode(mode.client().request("GET", "/a"))
        assert route.call_count == 3


async def test_timeouts_become_api_timeout_error_after_retries(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/a").mock(side_effect=httpx.ReadTimeout("slow"))
        with pytest.raises(APITimeoutError) as caught:
            await mode(mode.client(max_retries=1).request("GET", "/a"))
        assert route.call_count == 2
    assert caught.value.method == "GET"
    assert isinstance(caught.value, APIConnectionError)


async def test_retry_after_seconds_is_honoured(mode: Mode) -> None:
    with mock() as router:
        router.get("/a").mock(
            side_effect=[httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(200)]
        )
        await mode(mode.client().request("GET", "/a"))
        assert mode.sleeps == [7.0]


async def test_retry_after_http_date_is_honoured(mode: Mode) -> None:
    when = email.utils.formatdate(time.time() + 12, usegmt=True)
    with mock() as router:
        router.get("/a").mock(
            side_effect=[httpx.Response(503, headers={"Retry-After": when}), httpx.Response(200)]
        )
        await mode(mode.client().request("GET", "/a"))
        assert len(mode.sleeps) == 1
        assert 10 <= mode.sleeps[0] <= 12


async def test_ratelimit_reset_epoch_is_honoured(mode: Mode) -> None:
    reset = str(int(time.time()) + 5)
    with mock() as router:
        router.get("/a").mock(
            side_effect=[
                httpx.Response(429, headers={"X-RateLimit-Reset": reset}),
                httpx.Response(200),
            ]
        )
        await mode(mode.client().request("GET", "/a"))
        assert 3 <= mode.sleeps[0] <= 5


async def test_platform_body_hook_gives_the_wait(mode: Mode) -> None:
    platform = Platform(retry_after=lambda body: body["error"]["retryAfter"])
    with mock() as router:
        router.get("/a").mock(
            side_effect=[
                httpx.Response(429, json={"error": {"retryAfter": 3}}),
                httpx.Response(200),
            ]
        )
        client = mode.client()
        client.platform = platform
        await mode(client.request("GET", "/a"))
        assert mode.sleeps == [3]


async def test_retry_after_beyond_cap_raises_rate_limit_at_once(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/a").respond(429, headers={"Retry-After": "600"}, json={})
        with pytest.raises(RateLimitError) as caught:
            await mode(mode.client(max_retry_wait=30).request("GET", "/a"))
        assert route.call_count == 1
        assert mode.sleeps == []
    assert caught.value.retry_after == 600


async def test_retry_budget_stops_waiting(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/a").respond(503, headers={"Retry-After": "20"})
        with pytest.raises(InternalServerError) as caught:
            await mode(mode.client(max_retries=5, retry_budget=45).request("GET", "/a"))
        assert route.call_count == 3  # waits 20 + 20; a third 20 would pass the 45 s budget
        assert mode.sleeps == [20, 20]
    assert caught.value.retry_after == 20


async def test_per_call_max_retries_override(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/a").respond(503)
        client = mode.client(max_retries=5)
        with pytest.raises(InternalServerError):
            await mode(client.request("GET", "/a", max_retries=0))
        assert route.call_count == 1
        with pytest.raises(InternalServerError):
            await mode(client.with_options(max_retries=1).request("GET", "/a"))
        assert route.call_count == 3


async def test_one_info_line_per_retry_without_query_secrets(
    mode: Mode, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="supplychain_sdk")
    with mock() as router:
        router.get("/a").mock(
            side_effect=[httpx.Response(503), httpx.Response(502), httpx.Response(200)]
        )
        await mode(mode.client().request("GET", "/a", params={"api_key": "k-123", "page": 2}))
    lines = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert len(lines) == 2
    assert lines[0].startswith("retrying GET https://api.example.test/a?api_key=")
    assert "(attempt 2 of 3)" in lines[0]
    assert lines[0].endswith("503 Service Unavailable")
    assert "(attempt 3 of 3)" in lines[1]
    assert all("k-123" not in line for line in lines)
    assert "page=2" in lines[0]


def test_backoff_is_full_jitter_and_capped() -> None:
    values = [backoff(4, base=0.5, cap=8) for _ in range(200)]
    assert all(0 <= v <= 4.0 for v in values)
    assert max(values) > 1.0  # spread, not a constant
    assert all(0 <= backoff(30, cap=8) <= 8 for _ in range(50))


def test_server_wait_parsing_and_order() -> None:
    now = 1_700_000_000.0

    def clock() -> float:
        return now

    assert server_wait({"Retry-After": "3"}, now=clock) == 3
    assert server_wait({"retry-after": "1.5"}, now=clock) == 1.5
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert server_wait({"Retry-After": date}, now=clock) == 30
    assert server_wait({"X-RateLimit-Reset": str(int(now) + 9)}, now=clock) == 9
    assert server_wait({"X-RateLimit-Reset": "4"}, now=clock) == 4
    assert server_wait({"Retry-After": "soon"}, now=clock) is None
    assert server_wait({}, now=clock) is None

    def hook(body: object) -> float | None:
        return 7.0

    # Retry-After first, then the body hook, then X-RateLimit-Reset
    reset = {"X-RateLimit-Reset": str(int(now) + 9)}
    assert server_wait({"Retry-After": "3", **reset}, {}, hook, now=clock) == 3
    assert server_wait(reset, {}, hook, now=clock) == 7
    assert server_wait(reset, {}, lambda body: None, now=clock) == 9


async def test_explicit_not_idempotent_beats_client_opt_in(mode: Mode) -> None:
    with mock() as router:
        route = router.post("/a").respond(503)
        client = mode.client(retry_non_idempotent=True)
        with pytest.raises(InternalServerError):
            await mode(client.request("POST", "/a", json={}, idempotent=False))
        assert route.call_count == 1


async def test_put_marked_not_idempotent_is_not_retried(mode: Mode) -> None:
    with mock() as router:
        route = router.put("/a").respond(503)
        with pytest.raises(InternalServerError):
            await mode(mode.client().request("PUT", "/a", json={}, idempotent=False))
        assert route.call_count == 1


# -- retryable is honest: it never invites a duplicate ---------------------------------------


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ReadError("reset"),
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
        httpx.WriteError("broken pipe"),
        httpx.ReadTimeout("slow"),
    ],
    ids=type,
)
async def test_post_that_may_have_arrived_is_not_retryable(
    mode: Mode, failure: httpx.RequestError
) -> None:
    with mock() as router:
        route = router.post("/orders").mock(side_effect=failure)
        with pytest.raises(APIConnectionError) as caught:
            await mode(mode.client().request("POST", "/orders", json={"sku": "A"}))
    assert route.call_count == 1
    assert caught.value.retryable is False
    assert caught.value.outcome_unknown is True
    assert str(caught.value).endswith(
        "; outcome unknown: the request may have been applied, so it was not sent again "
        "(check before you send it again)"
    )


@pytest.mark.parametrize(
    "failure", [httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"), httpx.PoolTimeout("")]
)
async def test_post_that_never_left_is_retryable_but_not_retried(
    mode: Mode, failure: httpx.RequestError
) -> None:
    with mock() as router:
        route = router.post("/orders").mock(side_effect=failure)
        with pytest.raises(APIConnectionError) as caught:
            await mode(mode.client().request("POST", "/orders", json={}))
    assert route.call_count == 1  # a plain POST is never retried by the SDK
    assert caught.value.retryable is True  # ...but sending it again cannot duplicate it
    assert caught.value.outcome_unknown is False


async def test_idempotent_failures_stay_retryable(mode: Mode) -> None:
    with mock() as router:
        router.get("/a").mock(side_effect=httpx.ReadError("reset"))
        router.post("/upsert").mock(side_effect=httpx.ReadError("reset"))
        client = mode.client(max_retries=1)
        for method, path, flag in (("GET", "/a", None), ("POST", "/upsert", True)):
            with pytest.raises(APIConnectionError) as caught:
                await mode(client.request(method, path, idempotent=flag))
            assert caught.value.retryable is True
            assert caught.value.outcome_unknown is False


@pytest.mark.parametrize(
    ("status", "unknown"), [(500, True), (502, True), (504, True), (503, False)]
)
async def test_post_5xx_says_whether_the_outcome_is_unknown(
    mode: Mode, status: int, unknown: bool
) -> None:
    with mock() as router:
        router.post("/orders").respond(status, json={"message": "x"})
        router.get("/orders").respond(status, json={"message": "x"})
        client = mode.client(max_retries=0)
        with pytest.raises(InternalServerError) as caught:
            await mode(client.request("POST", "/orders", json={}))
        assert caught.value.outcome_unknown is unknown
        with pytest.raises(InternalServerError) as caught_get:
            await mode(client.request("GET", "/orders"))
        assert caught_get.value.outcome_unknown is False


@pytest.mark.parametrize("method", ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "POST", "PATCH"])
@pytest.mark.parametrize("idempotent", [None, True, False])
@pytest.mark.parametrize("retry_non_idempotent", [False, True])
@pytest.mark.parametrize("conditional", [False, True])
def test_replay_safe_is_may_retry_and_not_conditional(
    method: str, idempotent: bool | None, retry_non_idempotent: bool, conditional: bool
) -> None:
    """`replay_safe` (inlined for speed) decides exactly as `may_retry` and not If-Match."""
    expected = may_retry(method, idempotent, retry_non_idempotent) and not conditional
    assert replay_safe(method, idempotent, retry_non_idempotent, conditional) is expected
