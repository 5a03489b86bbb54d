"""File arguments for multipart uploads: paths, bytes, file objects, suffix rules."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from supplychain_sdk._core.errors import InvalidRequestError
from supplychain_sdk._core.uploads import Upload, upload

SHEETS = {".csv": "text/csv", ".xlsx": "application/x-sheet"}


def test_a_path_is_opened_named_and_typed_and_closed(tmp_path: Path) -> None:
    file = tmp_path / "invoice.pdf"
    file.write_bytes(b"%PDF-1.7")
    part = upload(file, filename=None, content_type=None, name="file")
    assert (part.filename, part.content_type) == ("invoice.pdf", "application/pdf")
    assert part.opened is part.content
    assert part.read() == b"%PDF-1.7"
    part.close()
    assert part.opened is not None
    assert part.opened.closed
    named = upload(str(file), filename="other.txt", content_type="x/y", name="file")
    assert named.part()[0::2] == ("other.txt", "x/y")
    named.close()


def test_bytes_are_named_document_or_by_name_bytes() -> None:
    part = upload(b"abc", filename=None, content_type=None, name="file")
    assert part == Upload("document", b"abc", "application/octet-stream", None)
    assert part.part() == ("document", b"abc", "application/octet-stream")
    assert part.read() == b"abc"
    part.close()  # nothing was opened: nothing to close
    sniffed = upload(
        bytearray(b"a,b"),
        filename=None,
        content_type=None,
        name="file",
        allowed=SHEETS,
        name_bytes=lambda content: "rows.csv",
    )
    assert (sniffed.filename, sniffed.content, sniffed.content_type) == (
        "rows.csv",
        b"a,b",
        "text/csv",
    )
    assert upload(memoryview(b"z"), filename="z.bin", content_type=None, name="f").content == b"z"


def test_a_binary_file_object_is_streamed_under_its_own_name(tmp_path: Path) -> None:
    file = tmp_path / "sheet.xlsx"
    file.write_bytes(b"PK\x03\x04")
    with file.open("rb") as handle:
        part = upload(handle, filename=None, content_type=None, name="file", allowed=SHEETS)
        assert (part.filename, part.content_type, part.opened) == (
            "sheet.xlsx",
            "application/x-sheet",
            None,
        )
        assert part.content is handle
        assert part.read() == b"PK\x03\x04"
    anonymous = io.BytesIO(b"data")
    with pytest.raises(InvalidRequestError, match="file: this file object has no name"):
        upload(anonymous, filename=None, content_type=None, name="file")
    assert upload(anonymous, filename="d.txt", content_type=None, name="file").content_type == (
        "text/plain"
    )


def test_a_file_object_giving_text_is_refused_on_read() -> None:
    class Texty:
        name = "t.bin"

        def read(self) -> str:
            return "text"

    part = upload(Texty(), filename=None, content_type=None, name="file")
    with pytest.raises(InvalidRequestError, match=r"t\.bin: the file object must give bytes"):
        part.read()


@pytest.mark.parametrize(
    ("file", "filename", "message"),
    [
        ("/no/such/file.csv", None, r"file: no file at '/no/such/file.csv' \(a str is a path"),
        (b"", None, "file is empty"),
        (io.StringIO("x"), None, r"file must be opened in binary mode \('rb'\)"),
        (42, None, "file must be a path, bytes or a binary file object, not int"),
        (b"x", "", "filename must be a non-empty string"),
        (b"x", "  ", "filename must be a non-empty string"),
    ],
)
def test_bad_files_are_refused(file: object, filename: str | None, message: str) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        upload(file, filename=filename, content_type=None, name="file")


def test_allowed_refuses_other_suffixes_before_opening(tmp_path: Path) -> None:
    file = tmp_path / "notes.txt"
    file.write_bytes(b"x")
    with pytest.raises(
        InvalidRequestError, match=r"file must be one of \.csv, \.xlsx, got 'notes.txt'"
    ):
        upload(file, filename=None, content_type=None, name="file", allowed=SHEETS)
    with pytest.raises(InvalidRequestError, match="got 'document'"):
        upload(b"x", filename=None, content_type=None, name="file", allowed=SHEETS)
    upper = upload(b"x", filename="A.CSV", content_type=None, name="file", allowed=SHEETS)
    assert upper.content_type == "text/csv"
