"""File arguments for multipart uploads: a path, bytes or a binary file object."""

from __future__ import annotations

import io
import mimetypes
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, TypeAlias

import attrs

from .errors import InvalidRequestError

__all__ = ["FileInput", "Upload", "upload"]

#: What a file argument may be: a path, the content, or a binary file object.
FileInput: TypeAlias = "str | os.PathLike[str] | bytes | bytearray | IO[bytes]"


@attrs.define
class Upload:
    """One file part of a multipart body; `close` closes a file this module opened."""

    filename: str
    content: bytes | IO[bytes]
    content_type: str
    opened: IO[bytes] | None = None

    def part(self) -> tuple[str, bytes | IO[bytes], str]:
        """The ``(filename, content, content_type)`` tuple httpx takes."""
        return (self.filename, self.content, self.content_type)

    def read(self) -> bytes:
        """The whole content (a file object is read from where it stands)."""
        if isinstance(self.content, bytes):
            return self.content
        data = self.content.read()
        if not isinstance(data, bytes):
            raise InvalidRequestError(f"{self.filename}: the file object must give bytes")
        return data

    def close(self) -> None:
        """Close the file if it was opened from a path."""
        if self.opened is not None:
            self.opened.close()


def upload(
    file: object,
    *,
    filename: str | None,
    content_type: str | None,
    name: str,
    allowed: Mapping[str, str] | None = None,
    name_bytes: Callable[[bytes], str] | None = None,
) -> Upload:
    """A file part from a path, bytes or a binary file object, checked before sending.

    Args:
        file: a path (``str`` or ``os.PathLike``), the content as bytes, or a file object
            opened in binary mode.
        filename: the name to send; else the path's or the file object's name; bytes
            without one are named by ``name_bytes`` or ``"document"``.
        content_type: the type to send; else guessed from the suffix.
        name: the argument's name, for error messages.
        allowed: ``{".suffix": "content/type"}``: only these suffixes are accepted and
            each gets its content type.
        name_bytes: names unnamed bytes from their content (e.g. sniffing a spreadsheet).
    """
    if filename is not None and (not isinstance(filename, str) or not filename.strip()):
        raise InvalidRequestError("filename must be a non-empty string")
    opened: IO[bytes] | None = None
    content: bytes | IO[bytes]
    if isinstance(file, (str, os.PathLike)):
        path = Path(file)
        if not path.is_file():
            raise InvalidRequestError(
                f"{name}: no file at {str(path)!r} (a str is a path; pass bytes for content)"
            )
        filename = filename or path.name
        _check_suffix(filename, name, allowed)
        content = opened = path.open("rb")
    elif isinstance(file, (bytes, bytearray, memoryview)):
        content = bytes(file)
        if not content:
            raise InvalidRequestError(f"{name} is empty")
        if filename is None:
            filename = name_bytes(content) if name_bytes is not None else "document"
    elif isinstance(file, io.TextIOBase):
        raise InvalidRequestError(f"{name} must be opened in binary mode ('rb'), not text mode")
    elif hasattr(file, "read"):
        content = file  # type: ignore[assignment]
        if filename is None:
            own = getattr(file, "name", None)
            filename = os.path.basename(own) if isinstance(own, str) and own else None
        if filename is None:
            raise InvalidRequestError(f"{name}: this file object has no name; pass filename=")
    else:
        raise InvalidRequestError(
            f"{name} must be a path, bytes or a binary file object, not {type(file).__name__}"
        )
    _check_suffix(filename, name, allowed)
    if allowed is not None:
        guessed = allowed[Path(filename).suffix.lower()]
    else:
        guessed = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return Upload(filename, content, content_type or guessed, opened)


def _check_suffix(filename: str, name: str, allowed: Mapping[str, str] | None) -> None:
    if allowed is not None and Path(filename).suffix.lower() not in allowed:
        kinds = ", ".join(sorted(allowed))
        raise InvalidRequestError(f"{name} must be one of {kinds}, got {filename!r}")
