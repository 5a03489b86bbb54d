"""Pagers report progress: a tqdm bar with the API's total, a per-page callback, ``total``."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from supplychain_sdk._core.extras import MissingDependencyError
from tests.conftest import Mode, mock
from tests.notebooks.models import vendor_pager, vendor_pages


def last_bar_line(stderr: str) -> str:
    """tqdm redraws with carriage returns; the last drawing is the final state."""
    return stderr.replace("\n", "\r").strip("\r").rsplit("\r", 1)[-1]


async def test_on_page_is_called_per_page_and_total_is_read_from_the_first(mode: Mode) -> None:
    seen: list[tuple[list[str], int | None]] = []
    with mock() as router:
        route = router.get("/vendors").mock(side_effect=vendor_pages())
        pager = vendor_pager(mode.client())
        assert pager.total is None  # nothing fetched yet
        same = pager.with_progress(
            progress=False,
            on_page=lambda page: seen.append(([v.id for v in page.items], pager.total)),
        )
        assert same is pager
        items = await mode.collect(pager)
    assert [v.id for v in items] == ["v-1", "v-2", "v-3"]
    assert seen == [(["v-1", "v-2"], 3), (["v-3"], 3)]
    assert pager.total == 3
    assert route.call_count == 2  # the total came with page 1, not from an extra request


async def test_total_after_first_page(mode: Mode) -> None:
    with mock() as router:
        router.get("/vendors").mock(side_effect=vendor_pages())
        pager = vendor_pager(mode.client())
        page = await mode(pager.first_page())
    assert len(page.items) == 2
    assert pager.total == 3


async def test_bar_counts_items_to_the_api_total(
    mode: Mode, capsys: pytest.CaptureFixture[str]
) -> None:
    with mock() as router:
        router.get("/vendors").mock(side_effect=vendor_pages())
        frame = await mode(vendor_pager(mode.client()).with_progress().to_pandas())
    assert len(frame) == 3
    line = last_bar_line(capsys.readouterr().err)
    assert line.startswith("/vendors: 100%")
    assert "| 3/3 [" in line
    assert "item/s]" in line


async def test_bar_total_is_capped_by_limit(mode: Mode, capsys: pytest.CaptureFixture[str]) -> None:
    pages: list[Any] = []
    with mock() as router:
        router.get("/vendors").mock(side_effect=vendor_pages())
        pager = vendor_pager(mode.client(), limit=1).with_progress(
            on_page=pages.append, description="vendors"
        )
        items = await mode(pager.to_list())
    assert [v.id for v in items] == ["v-1"]
    assert len(pages) == 1
    line = last_bar_line(capsys.readouterr().err)
    assert line.startswith("vendors: 100%")
    assert "| 1/1 [" in line


async def test_bar_without_a_total_counts(mode: Mode, capsys: pytest.CaptureFixture[str]) -> None:
    with mock() as router:
        router.get("/vendors").mock(side_effect=lambda request: vendor_pages()(request))
        pager = vendor_pager(mode.client())
        pager._strategy = type(pager._strategy)(page_size=2)  # no meta reader: no total
        await mode(pager.with_progress(description="vendors").to_list())
    assert pager.total is None
    line = last_bar_line(capsys.readouterr().err)
    assert line.startswith("vendors: 3item [")


async def test_progress_without_tqdm_is_a_typed_error(
    mode: Mode, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    pager = vendor_pager(mode.client())
    with pytest.raises(MissingDependencyError) as caught:
        pager.with_progress()
    assert str(caught.value) == (
        'progress=True needs tqdm, which is not installed: pip install "supplychain-sdk[progress]"'
    )
    assert caught.value.extra == "progress"
    pager.with_progress(progress=False)  # a callback alone needs nothing


async def test_bar_total_is_the_limit_when_the_api_gives_none(
    mode: Mode, capsys: pytest.CaptureFixture[str]
) -> None:
    with mock() as router:
        router.get("/vendors").mock(side_effect=vendor_pages())
        pager = vendor_pager(mode.client(), limit=2)
        pager._strategy = type(pager._strategy)(page_size=2)  # no meta reader: no total
        items = await mode(pager.with_progress(description="vendors").to_list())
    assert [v.id for v in items] == ["v-1", "v-2"]
    line = last_bar_line(capsys.readouterr().err)
    assert line.startswith("vendors: 100%")
    assert "| 2/2 [" in line
