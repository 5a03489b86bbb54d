"""Change-feed checkpoints: the protocol, file (atomic) and memory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supplychain_sdk._core import (
    Checkpoint,
    FileCheckpoint,
    InvalidRequestError,
    MemoryCheckpoint,
)


def test_file_checkpoint_round_trip(tmp_path: Path) -> None:
    cp = FileCheckpoint(tmp_path / "state" / "orders.json", key="orders")
    assert cp.load() is None
    cp.save("2024-05-01T10:00:00Z")
    assert cp.load() == "2024-05-01T10:00:00Z"
    assert json.loads((tmp_path / "state" / "orders.json").read_text()) == {
        "position": "2024-05-01T10:00:00Z",
        "key": "orders",
    }
    assert list((tmp_path / "state").iterdir()) == [tmp_path / "state" / "orders.json"]
    assert isinstance(cp, Checkpoint)


def test_file_checkpoint_refuses_another_stream_and_garbage(tmp_path: Path) -> None:
    path = tmp_path / "cp.json"
    FileCheckpoint(path, key="orders").save("x")
    with pytest.raises(InvalidRequestError, match="belongs to 'orders'"):
        FileCheckpoint(path, key="shipments").load()
    path.write_text("{not json")
    with pytest.raises(InvalidRequestError, match="unreadable"):
        FileCheckpoint(path).load()
    path.write_text("[1]")
    with pytest.raises(InvalidRequestError, match="does not hold an object"):
        FileCheckpoint(path).load()


def test_failed_save_keeps_the_old_position(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cp = FileCheckpoint(tmp_path / "cp.json")
    cp.save("old")

    def crash(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", crash)
    with pytest.raises(OSError, match="disk full"):
        cp.save("new")
    assert cp.load() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["cp.json"]


def test_memory_checkpoint() -> None:
    cp = MemoryCheckpoint()
    assert cp.load() is None
    cp.save("p")
    assert cp.load() == "p"
    assert isinstance(cp, Checkpoint)
