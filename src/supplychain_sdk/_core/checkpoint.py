"""Where a change feed (delta sync) remembers how far it got: the `Checkpoint` protocol, an
atomic JSON-file implementation and an in-memory one; `SharedCheckpoint` adds the
compare-and-set that several workers sharing one position need (see `SQLCheckpoint`)."""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from .errors import InvalidRequestError, SupplyChainError

__all__ = [
    "Checkpoint",
    "CheckpointConflictError",
    "FileCheckpoint",
    "MemoryCheckpoint",
    "SharedCheckpoint",
]


class CheckpointConflictError(SupplyChainError):
    """Another worker moved a shared checkpoint since this one read it; nothing was written.

    The position this worker wanted to store was not stored, and the other worker's position
    was kept: stop this run (the changes it handled since its last save are handled again by
    whoever resumes, as after any crash) and let the next run start from the stored position.

    Attributes:
        key: the checkpoint's key (what is synced).
        expected: the position this worker read (``None``: it expected no position yet).
        actual: the position stored now (``None``: there is none).
        moved_by: who stored ``actual``, when the store records it (e.g. ``"host:pid"``).
    """

    def __init__(
        self,
        message: str,
        *,
        key: str | None,
        expected: str | None,
        actual: str | None,
        moved_by: str | None = None,
    ) -> None:
        super().__init__(message)
        self.key = key
        self.expected = expected
        self.actual = actual
        self.moved_by = moved_by


@runtime_checkable
class Checkpoint(Protocol):
    """Stores the position (e.g. a ``lastSyncTimestamp``) a change feed resumes from."""

    def load(self) -> str | None:
        """The stored position, or ``None`` before the first run."""
        ...

    def save(self, position: str) -> None:
        """Store a new position; called only after a page was fully consumed."""
        ...


@runtime_checkable
class SharedCheckpoint(Checkpoint, Protocol):
    """A checkpoint with a compare-and-set, ``advance``, besides ``load``/``save``.

    ``advance`` never overwrites a position someone else stored meanwhile: it raises
    `CheckpointConflictError` instead. (`SQLCheckpoint.save` is such a compare-and-set too;
    `MemoryCheckpoint.save` stores unconditionally.)
    """

    def advance(self, expected: str | None, position: str) -> None:
        """Store ``position`` only if the stored one is still ``expected``, atomically.

        Raises:
            CheckpointConflictError: the stored position is not ``expected`` (another
                worker moved it, or ``expected`` is ``None`` and a position exists).
        """
        ...


def check_position(position: Any) -> str:
    """``position`` if it is a string, else `InvalidRequestError` (nothing is stored)."""
    if not isinstance(position, str):
        raise InvalidRequestError(
            f"a checkpoint position must be a str, not {type(position).__name__}"
        )
    return position


def conflict(
    key: str | None, expected: str | None, actual: str | None, moved_by: str | None = None
) -> CheckpointConflictError:
    """The `CheckpointConflictError` of a compare-and-set that found ``actual``."""
    by = f" by {moved_by}" if moved_by else ""
    return CheckpointConflictError(
        f"checkpoint {key!r} was moved{by} to {actual!r} since this worker read "
        f"{expected!r}; nothing was saved (another worker runs this feed)",
        key=key,
        expected=expected,
        actual=actual,
        moved_by=moved_by,
    )


class MemoryCheckpoint:
    """A checkpoint kept in memory (tests, notebooks, threads of one process).

    ``advance`` is atomic between the threads of one process; processes do not share it (use
    `SQLCheckpoint` for that).
    """

    def __init__(self, position: str | None = None) -> None:
        self.position = position
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"position": self.position}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.position = state["position"]
        self._lock = threading.Lock()

    def load(self) -> str | None:
        """The stored position."""
        return self.position

    def save(self, position: str) -> None:
        """Keep ``position``."""
        self.position = check_position(position)

    def advance(self, expected: str | None, position: str) -> None:
        """Keep ``position`` only if the position is still ``expected``.

        Raises:
            CheckpointConflictError: the position is not ``expected``.
        """
        check_position(position)
        with self._lock:
            if self.position != expected:
                raise conflict(None, expected, self.position)
            self.position = position

    def __repr__(self) -> str:
        return f"MemoryCheckpoint({self.position!r})"


class FileCheckpoint:
    """A checkpoint in a small JSON file, replaced atomically on every save.

    A crash while saving leaves either the old or the new position, never a torn file.
    The file holds ``{"position": "...", "key": "..."}``; ``key`` names what is synced, so
    one file is not reused for another feed by mistake.
    """

    def __init__(self, path: str | os.PathLike[str], *, key: str | None = None) -> None:
        self.path = Path(path)
        self.key = key

    def __repr__(self) -> str:
        return f"FileCheckpoint({str(self.path)!r}, key={self.key!r})"

    def load(self) -> str | None:
        """The stored position, ``None`` when the file does not exist yet."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise InvalidRequestError(f"checkpoint file {self.path} is unreadable: {exc}") from None
        if not isinstance(data, dict):
            raise InvalidRequestError(f"checkpoint file {self.path} does not hold an object")
        if self.key is not None and data.get("key") not in (None, self.key):
            raise InvalidRequestError(
                f"checkpoint file {self.path} belongs to {data.get('key')!r}, not {self.key!r}"
            )
        position = data.get("position")
        return position if isinstance(position, str) else None

    def save(self, position: str) -> None:
        """Write ``position`` atomically (temporary file, fsync, rename)."""
        check_position(position)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"position": position, "key": self.key})
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
