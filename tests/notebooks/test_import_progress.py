"""Pharus bulk imports and ONESCP ERP upserts report progress per batch."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from supplychain_sdk._core.extras import MissingDependencyError
from supplychain_sdk.pharus import BulkImportReport
from supplychain_sdk.sandbox.onescp import OneScpSandbox
from supplychain_sdk.sandbox.pharus import PharusSandbox
from tests.conftest import Mode
from tests.notebooks.test_progress import last_bar_line
from tests.pharus.conftest import make_client


async def test_pharus_on_batch_gets_each_batch_report(mode: Mode) -> None:
    client = make_client(mode, PharusSandbox())
    seen: list[BulkImportReport] = []
    rows = [{"name": f"Vendor {n}"} for n in range(5)]
    report = await mode(client.vendors.bulk_import(rows, batch_size=2, on_batch=seen.append))
    assert [[(row.index, row.status) for row in batch.rows] for batch in seen] == [
        [(0, "created"), (1, "created")],
        [(2, "created"), (3, "created")],
        [(4, "created")],
    ]
    assert [row for batch in seen for row in batch.rows] == report.rows


async def test_pharus_bar_counts_rows(mode: Mode, capsys: pytest.CaptureFixture[str]) -> None:
    client = make_client(mode, PharusSandbox())
    rows = [{"name": f"Vendor {n}"} for n in range(5)]
    await mode(client.vendors.bulk_import(rows, batch_size=2, progress=True))
    line = last_bar_line(capsys.readouterr().err)
    assert line.startswith("vendors.bulk_import: 100%")
    assert "| 5/5 [" in line


async def test_pharus_progress_without_tqdm_sends_nothing(
    mode: Mode, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = make_client(mode, PharusSandbox())
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with pytest.raises(MissingDependencyError, match=r"supplychain-sdk\[progress\]"):
        await mode(client.vendors.bulk_import([{"name": "Acme"}], progress=True))
    assert await mode.collect(client.vendors.list()) == []


def erp_items(n: int) -> list[dict[str, Any]]:
    return [{"erpId": f"ERP-{i}", "itemNumber": f"IT-{i}", "name": f"Item {i}"} for i in range(n)]


async def test_onescp_on_batch_gets_each_batch_report(mode: Mode) -> None:
    sandbox = OneScpSandbox()
    client = sandbox.async_client() if mode.is_async else sandbox.client()
    seen: list[Any] = []
    try:
        report = await mode(
            client.items.upsert_from_erp(erp_items(5), batch_size=2, on_batch=seen.append)
        )
    finally:
        await mode.close(client)
    assert [(len(b.created), len(b.updated), len(b.errors), b.batches) for b in seen] == [
        (2, 0, 0, 1),
        (2, 0, 0, 1),
        (1, 0, 0, 1),
    ]
    assert [item.item_number for batch in seen for item in batch.created] == [
        f"IT-{i}" for i in range(5)
    ]
    assert report.batches == 3


async def test_onescp_bar_counts_rows(mode: Mode, capsys: pytest.CaptureFixture[str]) -> None:
    sandbox = OneScpSandbox()
    client = sandbox.async_client() if mode.is_async else sandbox.client()
    try:
        await mode(client.items.upsert_from_erp(erp_items(3), batch_size=2, progress=True))
    finally:
        await mode.close(client)
    line = last_bar_line(capsys.readouterr().err)
    assert line.startswith("items.upsert_from_erp: 100%")
    assert "| 3/3 [" in line
