"""Run every benchmark beside its baseline and print medians and ratios.

    python -m benchmarks                 # the full run (nox -s bench)
    python -m benchmarks --smoke         # tiny counts: checks that everything still runs
    python -m benchmarks --only sync,async --rounds 7 --json results.json

The loopback server runs in its own process; each section's pairs are measured in rounds,
interleaved (see `benchmarks.harness`). Ratios are SDK/baseline: below 1 the SDK is faster.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import AsyncExitStack, ExitStack, contextmanager
from importlib import metadata
from typing import Any

from benchmarks import cases
from benchmarks.harness import Result, measure, measure_async

SECTIONS = ("overhead", "sync", "async", "generated", "import", "webhooks", "memory", "connections")


@contextmanager
def loopback_server(pages: int) -> Iterator[str]:
    """Start `benchmarks.server` in its own process; yield its base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.server", "--pages", str(pages)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )
    try:
        assert process.stdout is not None
        port = int(process.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


def machine() -> dict[str, Any]:
    """The machine and versions the figures were measured with."""
    versions = {}
    for name in (
        "httpx",
        "pydantic",
        "pydantic-core",
        "aiohttp",
        "urllib3",
        "tenacity",
        "attrs",
        "openapi-python-client",
    ):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "-"
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "versions": versions,
    }


def pager_memory(base_url: str, counts: list[int]) -> dict[int, float]:
    """Peak traced memory (MiB) of iterating ``count`` transactions with the sync pager."""
    from supplychain_sdk.procuros import Procuros

    peaks: dict[int, float] = {}
    with Procuros(cases.TOKEN, base_url=base_url, sync_transport="httpx") as client:
        for count in counts:
            tracemalloc.start()
            for _ in client.transactions.list(page_size=100, limit=count):
                pass
            peaks[count] = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
    return peaks


def row(result: Result) -> dict[str, Any]:
    pair = result.pair
    return {
        "name": pair.name,
        "unit": pair.unit + "/op",
        "sdk": round(result.sdk_median, 3),
        "baseline": round(result.baseline_median, 3),
        "ratio": round(result.ratio, 3),
        "target": pair.target,
        "met": result.met,
        "baseline_name": pair.baseline_name,
        "samples": len(result.sdk),
    }


def print_header() -> None:
    print(f"{'benchmark':<72} {'SDK':>10} {'baseline':>10} {'ratio':>7}  target", flush=True)


def print_row(r: dict[str, Any]) -> None:
    met = {True: "met", False: "MISSED", None: ""}[r["met"]]
    print(
        f"{r['name']:<72} {r['sdk']:>10.1f} {r['baseline']:>10.1f} {r['ratio']:>7.3f}"
        f"  {r['target']} {met}  [{r['unit']}; baseline: {r['baseline_name']}]",
        flush=True,
    )


async def _async_section(base_url: str, args: argparse.Namespace) -> list[Result]:
    async with AsyncExitStack() as stack:
        pairs = await cases.async_pairs(
            base_url,
            stack,
            calls=args.calls,
            concurrent_calls=args.concurrent_calls,
            concurrency=args.concurrency,
            items=args.items,
        )
        return await measure_async(pairs, args.rounds)


async def _overhead_async_section(args: argparse.Namespace) -> list[Result]:
    async with AsyncExitStack() as stack:
        pairs = await cases.overhead_async_pairs(stack, calls=args.calls)
        return await measure_async(pairs, args.rounds)


async def _generated_async_section(
    generated: Any, base_url: str, args: argparse.Namespace
) -> list[Result]:
    async with AsyncExitStack() as stack:
        pairs = await cases.generated_async_pairs(generated, base_url, stack, calls=args.calls)
        return await measure_async(pairs, args.rounds)


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Every section asked for; returns what was measured (also printed)."""
    only = set(args.only.split(",")) if args.only else set(SECTIONS)
    report: dict[str, Any] = {"machine": machine(), "args": vars(args), "results": []}
    results = _Printed()
    pages = max(1, -(-max(args.items, max(args.memory_items)) // 100))
    started = time.perf_counter()
    with loopback_server(pages) as base_url, ExitStack() as stack:
        if "overhead" in only:
            with ExitStack() as overhead:  # its in-process transports end with the section
                results += measure(cases.overhead_pairs(overhead, calls=args.calls), args.rounds)
            results += asyncio.run(_overhead_async_section(args))
        if "sync" in only:
            pairs = cases.sync_pairs(base_url, stack, calls=args.calls, items=args.items)
            results += measure(pairs, args.rounds)
        if "async" in only:
            results += asyncio.run(_async_section(base_url, args))
        if "generated" in only:
            directory = cases.temp_dir(stack)
            generated, output = cases.generate_client(directory)
            stack.callback(cases.forget_generated, directory)
            report["generated_dropped"] = cases.generated_dropped(output)
            results += measure(
                cases.generated_pairs(generated, base_url, stack, calls=args.calls), args.rounds
            )
            results += asyncio.run(_generated_async_section(generated, base_url, args))
        if "webhooks" in only:
            sizes = {"1 KB": 1024, "1 MB": 1024 * 1024}
            results += measure(cases.webhook_pairs(sizes, args.webhook_repeat), args.rounds)
        if "import" in only:
            pairs = cases.import_pairs(args.import_runs, warm=not args.smoke)
            results += measure(pairs, args.rounds, warmup=False)
        if "memory" in only:
            report["pager_peak_mib"] = pager_memory(base_url, args.memory_items)
        if "connections" in only:
            report["connections"] = {
                transport: asyncio.run(
                    cases.connections_kept(
                        base_url,
                        calls=args.concurrent_calls,
                        concurrency=args.concurrency,
                        transport=transport,
                    )
                )
                for transport in ("httpx", "aiohttp", "httpx, hand-written")
            }
    report["results"] = [row(r) for r in results]
    report["seconds"] = round(time.perf_counter() - started, 1)
    report["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return report


def markdown(report: dict[str, Any]) -> str:
    """The results as a Markdown table (for benchmarks/README.md and docs/performance.md)."""
    lines = [
        "| benchmark | SDK | baseline | ratio | target | baseline is |",
        "|---|---:|---:|---:|---|---|",
    ]
    for r in report["results"]:
        met = {True: " (met)", False: " (**missed**)", None: ""}[r["met"]]
        unit = r["unit"].split("/")[0].replace("us", "µs")
        lines.append(
            f"| {r['name']} | {r['sdk']:,.1f} {unit} | {r['baseline']:,.1f} {unit} | "
            f"{r['ratio']:.2f} | {r['target']}{met} | {r['baseline_name']} |"
        )
    return "\n".join(lines)


class _Printed(list[Result]):
    """The results so far, each section's printed as soon as it is measured."""

    def __iadd__(self, more: Any) -> _Printed:  # type: ignore[override,misc]
        more = list(more)
        if not self:
            print_header()
        for result in more:
            print_row(row(result))
        self.extend(more)
        return self


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    p.add_argument("--smoke", action="store_true", help="tiny counts (the test suite's run)")
    p.add_argument("--only", default="", help=f"comma-separated sections of {SECTIONS}")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--calls", type=int, default=300, help="calls per sample")
    p.add_argument("--concurrent-calls", type=int, default=2000)
    p.add_argument("--concurrency", type=int, default=64)
    p.add_argument("--items", type=int, default=200_000, help="transactions per pager sample")
    p.add_argument(
        "--memory-items",
        type=lambda s: [int(x) for x in s.split(",")],
        default=[10_000, 200_000],
        help="pager memory: item counts to compare",
    )
    p.add_argument("--import-runs", type=int, default=5, help="fresh processes per sample")
    p.add_argument("--webhook-repeat", type=int, default=200)
    p.add_argument("--json", default="", help="also write the report to this file")
    p.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    return p


SMOKE = {
    "rounds": 1,
    "calls": 2,
    "concurrent_calls": 8,
    "concurrency": 4,
    "items": 150,
    "memory_items": [100, 200],
    "import_runs": 1,
    "webhook_repeat": 1,
}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    args = parser().parse_args(argv)
    if args.smoke:
        for key, value in SMOKE.items():
            setattr(args, key, value)
    info = machine()
    print(
        f"Python {info['python']} on {info['platform']}, {info['cpus']} CPUs, load average "
        f"{info['load_average']}; {info['versions']}",
        flush=True,
    )
    report = run(args)
    print(f"load average after: {report['load_average_after']}; {report['seconds']} s")
    for key in ("pager_peak_mib", "connections", "generated_dropped"):
        if key in report:
            print(f"{key}: {report[key]}")
    if args.markdown:
        print(markdown(report))
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(report, handle, indent=2, default=str)
    return report
