"""The benchmarks in smoke mode: tiny counts, every section, so that they cannot rot.

Nothing here is timed: the run checks that each benchmark and its baseline did the same
work (equal typed answers, checked by the harness on its warm-up run), that the generated
client was generated and what it left out was read, and that every figure was produced.
"""

from __future__ import annotations

import json

import pytest
from benchmarks.cases import IMPORT_CLIENTS
from benchmarks.harness import DifferentAnswers, Pair, measure, measure_async
from benchmarks.run import SECTIONS

from tests.background import Finished


# run beside the suite (tests/background.py): it takes about twenty seconds
@pytest.mark.background(
    ["-m", "benchmarks", "--smoke", "--markdown", "--json", "{tmp}/report.json"]
)
def test_every_section_runs_in_smoke_mode(background: Finished) -> None:
    assert background.returncode == 0, background.output()
    report = json.loads((background.tmp / "report.json").read_text())
    names = [row["name"] for row in report["results"]]
    assert "sync GET transaction" in names
    assert "sync GET transaction, in-process transport" in names
    assert "async GET transaction, in-process transport" in names
    assert any(name.startswith("sync pager, 150 transactions") for name in names)
    # 3 transport pairings x 2 shapes, and the in-process one
    assert sum("async GET" in name for name in names) == 7
    assert any(name.startswith("async pager") for name in names)
    assert "sync GET transaction, SDK on urllib3 vs hand-written httpx.Client" in names
    # 4 sync operations on httpx and on urllib3, 2 async ones on httpx and on aiohttp
    assert sum("vs generated client" in name for name in names) == 12
    # a body with its delivery id at 1 KB and 1 MB, and the documented delivery at 1 KB
    assert sum(name.startswith("onescp.webhooks.verify") for name in names) == 3
    assert sum(name.startswith("import supplychain_sdk") for name in names) == 2
    clients = [f"from supplychain_sdk.{m} import {c}" for m, c in IMPORT_CLIENTS.items()]
    assert [name for name in names if name.startswith("from supplychain_sdk.")] == clients
    for row in report["results"]:
        assert row["sdk"] > 0
        assert row["baseline"] >= 0  # an empty statement may time as 0
        assert row["samples"] == 1
    assert report["generated_dropped"]["endpoints"] == ["POST /v2/transactions"]
    assert "Transaction" in report["generated_dropped"]["schemas"]
    assert set(report["pager_peak_mib"]) == {"100", "200"}  # JSON keys
    for transport in ("httpx", "aiohttp", "httpx, hand-written"):
        assert report["connections"][transport]["requests"] == 8
    printed = background.stdout
    assert "sync GET transaction" in printed
    assert "load average" in printed
    assert "load average after" in printed
    assert "| benchmark | SDK | baseline | ratio |" in printed
    assert set(SECTIONS) == {
        "overhead",
        "sync",
        "async",
        "generated",
        "import",
        "webhooks",
        "memory",
        "connections",
    }


def test_a_pair_whose_sides_differ_is_refused() -> None:
    pair = Pair("mismatch", lambda: 1, lambda: 2, ops=1)
    with pytest.raises(DifferentAnswers, match="mismatch"):
        measure([pair], rounds=1)


async def test_burst_pairs_are_measured_after_the_others() -> None:
    """Pairs that make many calls at once are warmed up and measured after all the others
    (their idle connections slow whatever runs next); results keep the pairs' order."""
    calls: list[str] = []

    def side(name: str) -> object:
        async def run() -> int:
            calls.append(name)
            return 1

        return run

    pairs = [
        Pair(name, side(name), side(name.upper()), ops=1, burst=name.startswith("b"))
        for name in ("b1", "s1", "b2", "s2")
    ]
    results = await measure_async(pairs, rounds=2)
    assert [result.pair.name for result in results] == ["b1", "s1", "b2", "s2"]
    assert calls == [
        *("s1", "S1", "s2", "S2"),  # warm-up
        *("s1", "S1", "s2", "S2"),  # round 1
        *("S1", "s1", "S2", "s2"),  # round 2, the other side first
        *("b1", "B1", "b2", "B2"),
        *("b1", "B1", "b2", "B2"),
        *("B1", "b1", "B2", "b2"),
    ]
    assert all(len(result.sdk) == len(result.baseline) == 2 for result in results)
