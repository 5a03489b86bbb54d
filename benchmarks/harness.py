"""Measuring pairs side by side: the SDK and its hand-written baseline, rounds interleaved.

A `Pair` is one benchmark: the SDK's way and the baseline's way of doing the same work, each a
callable that does ``ops`` operations (a coroutine function for async pairs). Every round
measures every pair once per side, in alternating order, so load on a shared machine hits
both sides alike; the result of a pair is the ratio of the two medians.
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["DifferentAnswers", "Pair", "Result", "measure", "measure_async"]


@dataclass
class Pair:
    """One benchmark: the SDK beside its baseline.

    Attributes:
        name: what is measured.
        sdk: does ``ops`` operations the SDK's way.
        baseline: does the same ``ops`` operations the baseline's way.
        ops: operations per sample (per-op times are reported).
        target: the ratio the issue asks for, as text (``"<= 1.05"``).
        limit: the ratio that meets the target (sdk/baseline at most this), if any.
        baseline_name: what the baseline is.
        unit: the unit of the per-op figures (``"us"`` or ``"ms"``).
        same_answer: whether both sides must return equal answers (checked on warm-up).
        self_timed: each side returns its own seconds per op (a child process's figure).
        burst: makes many calls at once (concurrency 64), leaving its pools with as many idle
            connections; `measure_async` measures such pairs after the others.
    """

    name: str
    sdk: Callable[[], Any]
    baseline: Callable[[], Any]
    ops: int
    target: str = ""
    limit: float | None = None
    baseline_name: str = "hand-written"
    unit: str = "us"
    #: Whether both sides must return equal answers (checked on the warm-up run).
    same_answer: bool = True
    #: Whether each side returns its own seconds per op (measured in a child process).
    self_timed: bool = False
    #: Whether it makes many calls at once (measured after the pairs that do not).
    burst: bool = False


@dataclass
class Result:
    """Per-op medians of both sides and their ratio."""

    pair: Pair
    sdk: list[float]
    baseline: list[float]

    @property
    def sdk_median(self) -> float:
        return statistics.median(self.sdk)

    @property
    def baseline_median(self) -> float:
        return statistics.median(self.baseline)

    @property
    def ratio(self) -> float:
        """SDK over baseline (below 1: the SDK is faster)."""
        baseline = self.baseline_median
        return self.sdk_median / baseline if baseline else float("inf")

    @property
    def met(self) -> bool | None:
        if self.pair.limit is None:
            return None
        return self.ratio <= self.pair.limit


class DifferentAnswers(AssertionError):
    """The two sides of a pair did not do the same work."""


def _check(pair: Pair, sdk: Any, baseline: Any) -> None:
    if pair.same_answer and sdk != baseline:
        raise DifferentAnswers(f"{pair.name}: the SDK and the baseline answered differently")


def _scale(pair: Pair) -> float:
    return 1e6 if pair.unit == "us" else 1e3


def _timed(func: Callable[[], Any], ops: int, scale: float, self_timed: bool = False) -> float:
    gc.collect()
    start = time.perf_counter()
    answer = func()
    if self_timed:
        return float(answer) * scale
    return (time.perf_counter() - start) / ops * scale


async def _timed_async(func: Callable[[], Awaitable[Any]], ops: int, scale: float) -> float:
    gc.collect()
    start = time.perf_counter()
    await func()
    return (time.perf_counter() - start) / ops * scale


def measure(pairs: list[Pair], rounds: int, warmup: bool = True) -> list[Result]:
    """Run sync pairs ``rounds`` times, interleaved, alternating which side goes first."""
    results = [Result(pair, [], []) for pair in pairs]
    if warmup:
        for pair in pairs:
            _check(pair, pair.sdk(), pair.baseline())
    for number in range(rounds):
        for result in results:
            pair = result.pair
            scale = _scale(pair)
            sides = [(pair.sdk, result.sdk), (pair.baseline, result.baseline)]
            for func, samples in sides if number % 2 == 0 else reversed(sides):
                samples.append(_timed(func, pair.ops, scale, pair.self_timed))
    return results


async def measure_async(pairs: list[Pair], rounds: int, warmup: bool = True) -> list[Result]:
    """`measure` for async pairs, in the running event loop.

    The `Pair.burst` pairs are warmed up and measured after all the others, in rounds of
    their own: right after a burst whose aiohttp connections stay open, every call in the
    process costs more for a while (~70-110 µs on loopback; see ``benchmarks/README.md``),
    which is the burst's cost, not the next pair's.
    """
    results = {id(pair): Result(pair, [], []) for pair in pairs}
    for group in ([p for p in pairs if not p.burst], [p for p in pairs if p.burst]):
        if warmup:
            for pair in group:
                _check(pair, await pair.sdk(), await pair.baseline())
        for number in range(rounds):
            for pair in group:
                result = results[id(pair)]
                scale = _scale(pair)
                sides = [(pair.sdk, result.sdk), (pair.baseline, result.baseline)]
                for func, samples in sides if number % 2 == 0 else reversed(sides):
                    samples.append(await _timed_async(func, pair.ops, scale))
            await asyncio.sleep(0)
    return [results[id(pair)] for pair in pairs]
