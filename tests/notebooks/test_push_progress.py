"""Chunked pushes report progress: a bar counting rows, and a callback per answered chunk."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import respx

from supplychain_sdk._core.extras import MissingDependencyError
from supplychain_sdk.one_platform import ChunkResult
from tests.conftest import Mode
from tests.notebooks.test_progress import last_bar_line
from tests.one_platform.conftest import BASE, make_client

STOCKS = "/api/v1/stock/integrations/auth-required/warehouses/MAIN/stocks/incremental"


def stock_rows(n: int) -> list[dict[str, Any]]:
    return [{"product_code": f"SKU-{i}", "quantity": i} for i in range(n)]


def accept_then_refuse(request: httpx.Request) -> httpx.Response:
    rows = json.loads(request.content)
    if rows[0]["productCode"] == "SKU-10":
        return httpx.Response(422, json={"message": "unknown product"})
    return httpx.Response(200, json={"accepted": len(rows)})


async def test_on_chunk_sees_every_chunk_in_order(mode: Mode) -> None:
    seen: list[ChunkResult] = []
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        route = router.post(STOCKS).mock(side_effect=accept_then_refuse)
        report = await mode(
            make_client(mode).stocks.push_incremental(
                "MAIN", stock_rows(25), chunk_size=10, on_chunk=seen.append
            )
        )
    assert route.call_count == 3
    assert seen == report.chunks
    assert [(c.start, c.stop, c.status) for c in seen] == [
        (0, 10, "accepted"),
        (10, 20, "failed"),
        (20, 25, "accepted"),
    ]


async def test_bar_counts_rows_of_a_list(mode: Mode, capsys: pytest.CaptureFixture[str]) -> None:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post(STOCKS).mock(side_effect=accept_then_refuse)
        await mode(
            make_client(mode).stocks.push_incremental(
                "MAIN", stock_rows(25), chunk_size=10, progress=True
            )
        )
    line = last_bar_line(capsys.readouterr().err)
    assert line.startswith("stocks.push_incremental: 100%")
    assert "| 25/25 [" in line
    assert "row/s]" in line


async def test_bar_of_a_generator_counts_without_a_total(
    mode: Mode, capsys: pytest.CaptureFixture[str]
) -> None:
    def rows() -> Iterator[dict[str, Any]]:
        yield from stock_rows(12)

    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post(STOCKS).mock(side_effect=accept_then_refuse)
        await mode(
            make_client(mode).stocks.push_incremental("MAIN", rows(), chunk_size=5, progress=True)
        )
    assert last_bar_line(capsys.readouterr().err).startswith("stocks.push_incremental: 12row [")


async def test_progress_without_tqdm_refuses_before_sending(
    mode: Mode, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        route = router.post(STOCKS).mock(side_effect=accept_then_refuse)
        with pytest.raises(MissingDependencyError, match=r"supplychain-sdk\[progress\]"):
            await mode(make_client(mode).stocks.push_incremental("MAIN", [], progress=True))
    assert route.call_count == 0
