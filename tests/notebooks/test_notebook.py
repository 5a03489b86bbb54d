"""examples/notebooks/quickstart.ipynb runs top to bottom in a real Jupyter kernel."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "notebooks" / "quickstart.ipynb"
#: Environment variables that would point the notebook at a real platform.
CREDENTIALS = ("PROCUROS_", "CARTONCLOUD_", "ONESCP_", "PHARUS_", "ONE_PLATFORM_")


def outputs(cell: Any, kind: str) -> str:
    """The text of one kind of a cell's outputs: ``stdout``, ``stderr``, ``text/html``..."""
    texts = []
    for output in cell.outputs:
        if output.output_type == "stream" and output.name == kind:
            texts.append(output.text)
        elif output.output_type in ("execute_result", "display_data") and kind in output.data:
            texts.append(output.data[kind])
    return "".join(texts)


def test_the_notebook_is_committed_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert notebook.metadata.kernelspec.name == "python3"


@pytest.fixture
def no_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith(CREDENTIALS):
            monkeypatch.delenv(name)


@pytest.mark.usefixtures("no_credentials")
def test_the_notebook_runs_top_to_bottom(tmp_path: Path) -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    started = time.monotonic()
    NotebookClient(
        notebook,
        timeout=60,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    elapsed = time.monotonic() - started
    cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(output.output_type != "error" for cell in cells for output in cell.outputs)

    _, models, frame, counts, orders, push, _ = cells
    line = outputs(models, "stdout").strip()
    assert line.startswith("ReceivedOrderTransaction(procuros_transaction_id='")
    assert line.endswith("type='ORDER', content=Order(…))")
    assert outputs(models, "text/html").startswith("<table><caption>OrderHeader · ")
    assert "<th style='text-align:left'>buyer.name</th>" in outputs(models, "text/html")

    assert "incoming: 12item [" in outputs(frame, "stderr")
    assert "PO9383-R45" in outputs(frame, "text/plain")
    assert "IV9383-R45" in outputs(frame, "text/html")
    assert outputs(counts, "text/plain") == "(12, 12)"

    assert outputs(orders, "stdout") == "the API reports 1 order(s)\n"
    assert "PO-2024-001" in outputs(orders, "text/html")
    assert "ABC Electronics" in outputs(orders, "text/html")

    assert "10000/10000" in outputs(push, "stderr")
    assert outputs(push, "stdout") == (
        "stocks.push_incremental: 10,000 rows in 4 chunk(s), 10,000 accepted, 0 failed\n"
    )
    assert "datetime[μs, UTC]" in outputs(push, "text/plain")
    assert "ONE-1001" in outputs(push, "text/plain")
    assert elapsed < 60  # about 6 s on a quiet machine
