"""The fault soak: mixed operations on every platform, sync and async, through `FaultProxy`.

``run_soak`` drives ``ops`` operations (spread over the platforms and both client kinds),
each sent through a loopback proxy that injects seeded faults on about ``rate`` of the
requests (API and token requests alike), expires every token at the server now and then,
and judges each operation:

* an exception is an ``APIError`` (the SDK's hierarchy) naming the method and URL;
* no plain POST is sent twice, no plain POST or ``If-Match`` update is applied twice;
* an operation whose faults fit the retry budget succeeds.

Run ``python -m tests.reliability.soak --ops 10000`` (``nox -s soak``) for the full run; the
test suite runs a seeded 1,000.
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from supplychain_sdk import APIError
from supplychain_sdk._core import Timeout

from .faultproxy import API_FAULTS, Event, FaultPlan, FaultProxy
from .soak_platforms import PLATFORMS, Clock, Op, SoakPlatform

#: Client options of the soak: short timeouts (a stall is past them), a few retries.
MAX_RETRIES = 4
READ_TIMEOUT = 0.15
STALL = 0.4
OPTIONS: dict[str, Any] = {
    "timeout": Timeout(connect=2.0, read=READ_TIMEOUT, write=2.0, pool=2.0),
    "max_retries": MAX_RETRIES,
    "retry_budget": 300.0,
    "max_retry_wait": 30.0,
}
#: Every this many operations of a platform, the server forgets every token it issued.
EXPIRE_EVERY = 10


@attrs.define
class Outcome:
    """One operation: what was called, what the proxy saw, how it ended."""

    platform: str
    mode: str
    op: Op
    n: int
    events: list[Event]
    error: Exception | None
    seconds: float

    @property
    def label(self) -> str:
        return f"{self.platform}/{self.mode}/{self.op.name}#{self.n}"


@attrs.define
class SoakReport:
    """What a soak did and found."""

    outcomes: list[Outcome] = attrs.field(factory=list)
    faults: Counter[str] = attrs.field(factory=Counter)
    retries: int = 0
    token_requests: int = 0
    requests: int = 0
    duplicates: list[str] = attrs.field(factory=list)
    replayed_idempotent_writes: int = 0
    problems: list[str] = attrs.field(factory=list)
    seconds: float = 0.0

    def failures(self) -> Counter[str]:
        """Failed operations by exception type."""
        return Counter(type(o.error).__name__ for o in self.outcomes if o.error is not None)

    def operations(self) -> Counter[str]:
        """Operations by kind."""
        return Counter(o.op.kind for o in self.outcomes)


def fits_budget(op: Op, events: Sequence[Event], max_retries: int) -> bool:
    """Whether the faults an operation met are ones the SDK must absorb.

    Every injected fault but a ``401`` costs one attempt of the request it hit (a token
    request's fault costs the attempt of the API request that needed the token). A ``401``
    (injected, or the server's own after a token was expired or revoked) is absorbed by the
    token flow, which renews and replays once per attempt: a second ``401`` in the same
    attempt refuses the token just issued, and the call fails by design. A malformed JSON
    answer is never absorbed (the caller gets ``ResponseDecodeError``). A plain POST absorbs
    only faults that prove it was not sent: token failures and ``401``; an ``If-Match``
    update also absorbs the answers that say it was not processed (503, 429), not a 502,
    which a gateway may send after the server applied it.
    """
    failed_attempts = 0
    refusals = 0  # 401s in the current attempt
    for event in events:
        if not event.token and (event.fault == "401" or (event.fault, event.status) == (None, 401)):
            refusals += 1
            if refusals > 1:
                return False
            continue
        if event.fault is None:
            if not event.token and event.status is not None and event.status < 500:
                failed_attempts = 0  # that request is done; the next is a new one (a page)
                refusals = 0
            continue
        if event.fault == "malformed_json":
            return False
        if not event.token and op.kind == "create":
            return False
        if not event.token and op.kind == "conditional" and event.fault not in {"503", "429"}:
            return False  # a 502 (like a reset or a stall) may follow an applied update
        failed_attempts += 1
        refusals = 0  # the next attempt runs the token flow afresh
        if failed_attempts > max_retries:
            return False
    return True


def judge(outcome: Outcome, base_url: str, report: SoakReport) -> None:
    """Add the operation's problems (and duplicate writes) to ``report``."""
    error, op, label = outcome.error, outcome.op, outcome.label
    if error is not None:
        if not isinstance(error, APIError):
            report.problems.append(f"{label}: {type(error).__name__} outside the SDK hierarchy")
        elif not (error.method and error.url.startswith(base_url)):
            report.problems.append(f"{label}: {type(error).__name__} without method and URL")
        elif error.method not in {e.method for e in outcome.events}:
            report.problems.append(f"{label}: {error.method} names no request sent")
    writes = Counter(
        (e.method, e.target.split("?")[0])
        for e in outcome.events
        if e.applied and not e.token and op.kind in {"create", "conditional", "upsert"}
    )
    for (method, path), count in writes.items():
        if count > 1 and op.kind in {"create", "conditional"}:
            report.duplicates.append(f"{label}: {method} {path} applied {count} times")
        elif count > 1:
            report.replayed_idempotent_writes += count - 1
    if op.kind == "create":
        sent = [e for e in outcome.events if not e.token and e.method == "POST"]
        resent = [e for e in sent[1:] if sent[sent.index(e) - 1].status != 401]
        if resent:
            report.problems.append(f"{label}: a plain POST was sent {len(sent)} times")
    if error is not None and fits_budget(op, outcome.events, MAX_RETRIES):
        faults = [e.fault for e in outcome.events if e.fault]
        report.problems.append(
            f"{label}: failed with {type(error).__name__} ({error}) although its faults "
            f"{faults} fit the budget"
        )


def _sleeper(counter: list[float], is_async: bool) -> Callable[[float], Any]:
    if is_async:

        async def sleep(seconds: float) -> None:
            counter.append(seconds)

        return sleep

    def sync_sleep(seconds: float) -> None:
        counter.append(seconds)

    return sync_sleep


def _soak_platform(
    platform: SoakPlatform,
    count: int,
    seed: int,
    rate: float,
    report: SoakReport,
    options: dict[str, Any],
) -> None:
    clock = Clock()
    sandbox = platform.sandbox(clock)
    api_faults = API_FAULTS if platform.token_flow else tuple(f for f in API_FAULTS if f != "401")
    plan = FaultPlan(
        seed=seed, rate=rate, token_paths=platform.token_paths, api_faults=api_faults, stall=STALL
    )
    proxy = FaultProxy(sandbox, plan)
    rng = random.Random(f"{seed}|{platform.name}")
    sleeps: list[float] = []
    with proxy.serve() as url:

        def step(mode: str, i: int, client: Any) -> tuple[Op, int, int]:
            if i and i % EXPIRE_EVERY == 0:
                platform.expire(sandbox)
            op = rng.choice(platform.ops)
            n = rng.randrange(1_000_000)
            proxy.current = f"{mode}:{i}"
            return op, n, len(proxy.events)

        def finish(
            mode: str, op: Op, n: int, start: int, error: Exception | None, began: float
        ) -> None:
            outcome = Outcome(
                platform=platform.name,
                mode=mode,
                op=op,
                n=n,
                events=proxy.events[start:],
                error=error,
                seconds=time.perf_counter() - began,
            )
            report.outcomes.append(outcome)
            judge(outcome, url, report)

        half = count // 2
        with platform.sync_client(sandbox, url, **options) as client:
            client._sleep = _sleeper(sleeps, is_async=False)
            for i in range(half):
                op, n, start = step("sync", i, client)
                began, error = time.perf_counter(), None
                try:
                    op.call(client, sandbox, n)
                except Exception as exc:
                    error = exc
                finish("sync", op, n, start, error, began)

        async def run_async() -> None:
            async with platform.async_client(sandbox, url, **options) as client:
                client._sleep = _sleeper(sleeps, is_async=True)
                for i in range(count - half):
                    op, n, start = step("async", i, client)
                    began, error = time.perf_counter(), None
                    try:
                        result = op.call(client, sandbox, n)
                        if inspect.isawaitable(result):
                            await result
                    except Exception as exc:
                        error = exc
                    finish("async", op, n, start, error, began)

        asyncio.run(run_async())
    report.faults.update(proxy.faults())
    report.retries += len(sleeps)
    report.requests += len(proxy.events)
    report.token_requests += sum(1 for e in proxy.events if e.token)


def run_soak(
    ops: int = 1000,
    seed: int = 20261130,
    rate: float = 0.1,
    platforms: Sequence[SoakPlatform] = PLATFORMS,
    options: dict[str, Any] | None = None,
) -> SoakReport:
    """Run the soak; see the module docstring. ``options`` change the clients' `OPTIONS`."""
    report = SoakReport()
    began = time.perf_counter()
    share = ops // len(platforms)
    for index, platform in enumerate(platforms):
        count = share + (ops - share * len(platforms) if index == 0 else 0)
        _soak_platform(platform, count, seed, rate, report, {**OPTIONS, **(options or {})})
    report.seconds = time.perf_counter() - began
    return report


def render(report: SoakReport) -> str:
    """The figures as Markdown (what ``docs/reliability.md`` quotes)."""
    lines = [
        f"- operations: {len(report.outcomes)} "
        + ", ".join(f"{k} {v}" for k, v in sorted(report.operations().items())),
        f"- HTTP requests: {report.requests} (token/login requests: {report.token_requests})",
        f"- faults injected: {sum(report.faults.values())} "
        + ", ".join(f"{k} {v}" for k, v in sorted(report.faults.items())),
        f"- retries (SDK waits before another attempt): {report.retries}",
        f"- failed operations by type: {dict(sorted(report.failures().items())) or 'none'}",
        f"- writes executed twice (plain POST, If-Match update): {len(report.duplicates)}",
        f"- idempotent writes the server applied again on a retry: "
        f"{report.replayed_idempotent_writes}",
        f"- problems: {len(report.problems)}",
        f"- time: {report.seconds:.1f} s",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ops", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--rate", type=float, default=0.1)
    args = parser.parse_args(argv)
    report = run_soak(args.ops, args.seed, args.rate)
    print(render(report))
    for problem in report.problems + report.duplicates:
        print("PROBLEM", problem)
    return 1 if report.problems or report.duplicates else 0


if __name__ == "__main__":
    raise SystemExit(main())
