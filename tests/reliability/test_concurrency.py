"""One client shared by 8 threads, and by 200 asyncio tasks, while tokens expire and are
revoked at the server mid-run: no errors, exactly one token request per expiry or
revocation, no warnings (the suite runs with ``filterwarnings = error``)."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest

from supplychain_sdk.sandbox import Sandbox

from .soak_platforms import PLATFORMS, Clock, SoakPlatform

TOKEN_PLATFORMS = [p for p in PLATFORMS if p.token_flow]
THREADS = 8
CALLS_PER_THREAD = 24
TASKS = 200
#: Token events during a run, alternating: the token expires (by the shared clock) or the
#: server revokes every token it issued.
EVENTS = ("expire", "revoke", "expire", "revoke")


def _token_requests(platform: SoakPlatform, sandbox: Sandbox) -> int:
    return sum(1 for r in sandbox.requests if r.path in platform.token_paths)


def _api_requests(platform: SoakPlatform, sandbox: Sandbox) -> int:
    return sum(1 for r in sandbox.requests if r.path not in platform.token_paths)


def _fire(event: str, platform: SoakPlatform, sandbox: Sandbox, clock: Clock) -> None:
    if event == "expire":
        clock.now += platform.token_lifetime + 1
    else:
        platform.expire(sandbox)


def _read_op(platform: SoakPlatform) -> Any:
    return next(op for op in platform.ops if op.kind == "read")


@pytest.mark.parametrize("platform", TOKEN_PLATFORMS, ids=[p.name for p in TOKEN_PLATFORMS])
def test_eight_threads_share_one_client_through_expiry_and_revocation(
    platform: SoakPlatform,
) -> None:
    clock = Clock()
    sandbox = platform.sandbox(clock)
    read = _read_op(platform)
    errors: list[BaseException] = []
    done = threading.Event()
    with sandbox.serve() as url, platform.sync_client(sandbox, url, timeout=10.0) as client:
        platform.token_auth(client)._clock = clock
        start = threading.Barrier(THREADS + 1)

        def work(index: int) -> None:
            try:
                start.wait()
                n = index
                while not done.is_set():
                    read.call(client, sandbox, n)
                    n += THREADS
            except BaseException as exc:  # every failure counts, warnings included
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
        for thread in threads:
            thread.start()
        start.wait()
        for event in EVENTS:
            _wait_for_requests(platform, sandbox, CALLS_PER_THREAD * THREADS // len(EVENTS))
            _fire(event, platform, sandbox, clock)
        _wait_for_requests(platform, sandbox, CALLS_PER_THREAD * THREADS // len(EVENTS))
        done.set()
        for thread in threads:
            thread.join(timeout=30)
        assert errors == []
        assert _token_requests(platform, sandbox) == 1 + len(EVENTS)
        assert platform.token_auth(client).token_requests == 1 + len(EVENTS)
        assert _api_requests(platform, sandbox) >= CALLS_PER_THREAD * THREADS


def _wait_for_requests(platform: SoakPlatform, sandbox: Sandbox, more: int) -> None:
    """Let the workers send ``more`` API requests (with the current token) first."""
    target = _api_requests(platform, sandbox) + more
    deadline = time.monotonic() + 30
    while _api_requests(platform, sandbox) < target:
        assert time.monotonic() < deadline, "the workers stalled"
        time.sleep(0.002)


def _mounted(platform: SoakPlatform, sandbox: Sandbox) -> Any:
    """An async client on the sandbox in-process (200 tasks at once, without 200 sockets)."""
    return platform.async_client(
        sandbox, sandbox.base_url, http_client=sandbox.async_http_client(), timeout=10.0
    )


@pytest.mark.parametrize("platform", TOKEN_PLATFORMS, ids=[p.name for p in TOKEN_PLATFORMS])
async def test_two_hundred_tasks_share_one_client_through_expiry_and_revocation(
    platform: SoakPlatform,
) -> None:
    clock = Clock()
    sandbox = platform.sandbox(clock)
    read = _read_op(platform)
    async with _mounted(platform, sandbox) as client:
        platform.token_auth(client)._clock = clock
        results: list[Any] = []
        for round_index, event in enumerate((*EVENTS[:2], None)):
            # all 200 tasks start with the token state the previous event left
            results += await asyncio.gather(
                *(read.call(client, sandbox, round_index * TASKS + i) for i in range(TASKS))
            )
            if event is not None:
                _fire(event, platform, sandbox, clock)
        assert len(results) == TASKS * 3
        assert _token_requests(platform, sandbox) == 1 + 2
        assert platform.token_auth(client).token_requests == 1 + 2


@pytest.mark.parametrize("platform", TOKEN_PLATFORMS, ids=[p.name for p in TOKEN_PLATFORMS])
async def test_a_revocation_while_tasks_are_in_flight_costs_one_token_request(
    platform: SoakPlatform,
) -> None:
    """Revoked mid-run: tasks already past the token check all meet a 401 and renew once."""
    clock = Clock()
    sandbox = platform.sandbox(clock)
    read = _read_op(platform)
    async with _mounted(platform, sandbox) as client:
        platform.token_auth(client)._clock = clock
        await read.call(client, sandbox, 0)  # the first token
        finished = 0

        async def call(n: int) -> Any:
            nonlocal finished
            result = await read.call(client, sandbox, n)
            finished += 1
            if finished == TASKS // 4:  # a quarter done, the rest under way: revoke
                platform.expire(sandbox)
            return result

        results = await asyncio.gather(*(call(i) for i in range(TASKS)))
        assert len(results) == TASKS
        # more API requests than calls: some met the revoked token (401) and were replayed
        assert _api_requests(platform, sandbox) > TASKS + 1
        assert _token_requests(platform, sandbox) == 2
