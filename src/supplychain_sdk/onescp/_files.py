"""Files in and out of ONESCP: the spreadsheet types of a bulk import, and export downloads
written to a path only once complete (no I/O of the API here)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import IO

from .._core.errors import InvalidRequestError

__all__ = [
    "EXCEL_TYPES",
    "EXPORT_ACCEPT",
    "IMPORT_TYPES",
    "CountingSink",
    "discard_partial",
    "finish_partial",
    "partial_file",
    "sniff_import_name",
]

#: Spreadsheet suffixes and their content types.
EXCEL_TYPES = {
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xls": "application/vnd.ms-excel",
}

#: What ``items.bulk_import`` accepts: CSV or Excel, by suffix.
IMPORT_TYPES = {".csv": "text/csv", **EXCEL_TYPES}

#: ``Accept`` for each export format (JSON too, for error answers).
EXPORT_ACCEPT = {
    "csv": "text/csv, application/json;q=0.5",
    "excel": f"{EXCEL_TYPES['.xlsx']}, {EXCEL_TYPES['.xls']}, application/json;q=0.5",
}


def sniff_import_name(content: bytes) -> str:
    """The name of spreadsheet bytes sent without one: ``items.xlsx``, ``items.xls`` or
    ``items.csv``, from the content's signature."""
    if content.startswith(b"PK\x03\x04"):
        return "items.xlsx"
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        return "items.xls"
    return "items.csv"


class CountingSink:
    """Writes a download through to ``target``, counting the bytes."""

    def __init__(self, target: IO[bytes]) -> None:
        self.target = target
        self.written = 0

    def write(self, data: bytes) -> int:
        """Write ``data`` through."""
        self.target.write(data)
        self.written += len(data)
        return len(data)


def partial_file(to: str | os.PathLike[str]) -> tuple[Path, IO[bytes]]:
    """``(target, temporary file next to it)`` for a download to a path."""
    target = Path(to)
    if target.is_dir():
        raise InvalidRequestError(f"to={str(target)!r} is a directory; name a file")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed by the caller
        prefix=f".{target.name}.", suffix=".part", dir=target.parent, delete=False
    )
    return target, handle


def finish_partial(temporary: str, target: Path) -> None:
    """Move a complete download into place (atomic on one file system)."""
    os.replace(temporary, target)


def discard_partial(temporary: str) -> None:
    """Remove an incomplete download."""
    Path(temporary).unlink(missing_ok=True)
