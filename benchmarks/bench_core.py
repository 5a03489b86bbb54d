"""Core speed and memory measurements; results are written down in benchmarks/RESULTS.md.

    python benchmarks/bench_core.py

Targets (from the foundation issue and ARCHITECTURE.md):
- a second client costs well under 1 ms (shared SSL context);
- ``import supplychain_sdk`` stays fast (platforms and the core load lazily);
- a pager keeps one page in memory, whatever the number of pages.
"""

from __future__ import annotations

import asyncio
import ssl
import statistics
import subprocess
import sys
import time
import tracemalloc
from typing import Any

import httpx

from supplychain_sdk._core import (
    AsyncAPIClient,
    BearerAuth,
    ClientConfig,
    CursorPagination,
    SyncAPIClient,
)
from supplychain_sdk.sandbox import Sandbox, SandboxRequest, SandboxResponse, json_response, route

BASE = "https://bench.invalid"


def timed(func: Any, repeat: int) -> float:
    """Median seconds per call."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def bench_client_creation() -> dict[str, float]:
    SyncAPIClient(ClientConfig(base_url=BASE)).close()  # warm the shared context

    def sdk_client() -> None:
        SyncAPIClient(ClientConfig(base_url=BASE)).close()

    def fresh_ssl_client() -> None:
        httpx.Client(verify=ssl.create_default_context()).close()

    return {
        "sdk client (shared SSL context), ms": timed(sdk_client, 200) * 1000,
        "httpx client with a new SSL context, ms": timed(fresh_ssl_client, 50) * 1000,
    }


def bench_import() -> dict[str, float]:
    results = {}
    for module in ("supplychain_sdk", "supplychain_sdk.procuros"):
        code = f"import time; t=time.perf_counter(); import {module}; print(time.perf_counter()-t)"
        runs = [
            float(
                subprocess.run(
                    [sys.executable, "-c", code], capture_output=True, text=True, check=True
                ).stdout
            )
            for _ in range(7)
        ]
        label = f"import {module}, ms (median of 7 fresh processes)"
        results[label] = statistics.median(runs) * 1000
    return results


class Items(Sandbox):
    base_url = BASE

    def __init__(self, total: int, per_page: int) -> None:
        super().__init__()
        self.total, self.per_page = total, per_page

    @route("GET", "/items")
    def items(self, request: SandboxRequest) -> SandboxResponse:
        start = int(request.param("cursor") or 0)
        end = min(start + self.per_page, self.total)
        data = [{"id": i, "name": f"item {i}", "payload": "x" * 200} for i in range(start, end)]
        return json_response({"data": data, "nextCursor": str(end) if end < self.total else None})

    @route("GET", "/ping")
    def ping(self, request: SandboxRequest) -> SandboxResponse:
        return json_response({"ok": True})


STRATEGY = CursorPagination(next_cursor=lambda body, raw: body.get("nextCursor"))


def bench_pager_memory() -> dict[str, float]:
    results = {}
    for pages in (10, 200, 1000):
        fake = Items(total=pages * 100, per_page=100)
        fake.requests = _Discard()  # keep the fake's own request log out of the measurement
        client = SyncAPIClient(ClientConfig(base_url=BASE, http_client=fake.http_client()))
        tracemalloc.start()
        count = sum(1 for _ in client.paginate("GET", "/items", item_type=dict, strategy=STRATEGY))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert count == pages * 100
        results[f"pager peak memory over {pages} pages x 100 items, KiB"] = peak / 1024
    return results


class _Discard(list):  # type: ignore[type-arg]
    def append(self, item: object) -> None:
        return None


def bench_request_overhead() -> dict[str, float]:
    fake = Items(total=0, per_page=1)
    sync_client = SyncAPIClient(
        ClientConfig(base_url=BASE, auth=BearerAuth("t"), http_client=fake.http_client())
    )
    n = 2000
    start = time.perf_counter()
    for _ in range(n):
        sync_client.request("GET", "/ping")
    sync_us = (time.perf_counter() - start) / n * 1e6

    async def run() -> float:
        client = AsyncAPIClient(
            ClientConfig(base_url=BASE, auth=BearerAuth("t"), http_client=fake.async_http_client())
        )
        begin = time.perf_counter()
        for _ in range(n):
            await client.request("GET", "/ping")
        return (time.perf_counter() - begin) / n * 1e6

    return {
        "sync request through the in-process sandbox, us/call": sync_us,
        "async request through the in-process sandbox, us/call": asyncio.run(run()),
    }


def main() -> None:
    print(f"python {sys.version.split()[0]}, httpx {httpx.__version__}")
    for bench in (bench_import, bench_client_creation, bench_request_overhead, bench_pager_memory):
        for name, value in bench().items():
            print(f"{name}: {value:.2f}")


if __name__ == "__main__":
    main()
