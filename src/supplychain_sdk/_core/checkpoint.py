"""Where a change feed (delta sync) remembers how far it got: the `Checkpoint` protocol, an
atomic JSON-file implementation and an in-memory one."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Protocol, runtime_checkable

from .errors import InvalidRequestError

__all__ = ["Checkpoint", "FileCheckpoint", "MemoryCheckpoint"]


@runtime_checkable
class Checkpoint(Protocol):
    """Stores the position (e.g. a ``lastSyncTimestamp``) a change feed resumes from."""

    def load(self) -> str | None:
        """The stored position, or ``None`` before the first run."""
        ...

    def save(self, position: str) -> None:
        """Store a new position; called only after a page was fully consumed."""
        ...


class MemoryCheckpoint:
    """A checkpoint kept in memory (tests, notebooks)."""

    def __init__(self, position: str | None = None) -> None:
        self.position = position

    def load(self) -> str | None:
        """The stored position."""
        return self.position

    def save(self, position: str) -> None:
        """Keep ``position``."""
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
