"""Two-step PDF uploads, pure parts: the PDF argument and the plain upload request.

ONe's first step (invoices: ``file-upload-begin``, WZ: ``file-upload-initialize``) answers
where to put the bytes: expected a presigned URL on another origin, such as object storage.
The bytes go there in a request of their own, built here from nothing but that answer: no
ONe token, no client headers, no cookies. The last step (``file-upload-complete`` /
``file-upload-finalize``) tells ONe the bytes are in place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import httpx

from .._core.config import Timeout, user_agent
from .._core.errors import InvalidRequestError
from .._core.uploads import upload
from .._core.urls import is_loopback

if TYPE_CHECKING:
    from ._models import Acknowledgement

__all__ = ["PDF_TYPE", "PdfFile", "UploadReceipt", "pdf_file", "public_url", "upload_request"]

PDF_TYPE = "application/pdf"
#: Headers the answer may not set on the upload: they would carry credentials or confuse
#: the transfer.
_FORBIDDEN = {"authorization", "cookie", "proxy-authorization", "host", "content-length"}


@attrs.frozen
class PdfFile:
    """A PDF read whole (it may be sent again on a retry)."""

    filename: str
    content: bytes = attrs.field(repr=False)

    @property
    def size(self) -> int:
        """Its size in bytes."""
        return len(self.content)


@attrs.frozen(kw_only=True)
class UploadReceipt:
    """A PDF that went through all three steps.

    Attributes:
        document_id: the invoice or goods-issued note it belongs to.
        upload_id: the id the first step gave, if any.
        filename: the name it was sent with.
        size: its size in bytes.
        acknowledgement: what the last step answered.
    """

    document_id: str
    upload_id: str | None
    filename: str
    size: int
    acknowledgement: Acknowledgement


def public_url(url: httpx.URL) -> str:
    """Scheme, host and path of an upload URL: a presigned URL's query is a credential, so it
    never reaches a log line or an exception message."""
    return str(url.copy_with(query=None, fragment=None))


def pdf_file(pdf: object, *, filename: str | None, default_name: str) -> PdfFile:
    """The PDF from a path, bytes or a binary file object; refused unless it is a PDF."""
    part = upload(
        pdf,
        filename=filename or (default_name if isinstance(pdf, (bytes, bytearray)) else None),
        content_type=PDF_TYPE,
        name="pdf",
        allowed={".pdf": PDF_TYPE},
    )
    try:
        content = part.read()
    finally:
        part.close()
    if not content.startswith(b"%PDF-"):
        raise InvalidRequestError(f"pdf {part.filename!r} is not a PDF (it must start with %PDF-)")
    return PdfFile(part.filename, content)


def upload_request(
    url: str, method: str, headers: dict[str, str], pdf: PdfFile, timeout: Timeout
) -> httpx.Request:
    """The plain request putting ``pdf`` at the URL the first step gave.

    The URL must be absolute https (plain http only on a loopback host, for local tests);
    only the answer's own headers, the content type and the User-Agent are sent.
    """
    try:
        target = httpx.URL(url)
    except (httpx.InvalidURL, TypeError):
        raise InvalidRequestError(f"the upload URL ONe gave is not a URL: {url!r}") from None
    secure = target.scheme == "https" or (target.scheme == "http" and is_loopback(target.host))
    if not target.host or not secure:
        raise InvalidRequestError(
            "the upload URL ONe gave must be an absolute https URL; refusing to send the PDF to "
            f"{target.scheme or '?'}://{target.host or '?'}"
        )
    verb = method.upper() if isinstance(method, str) and method.strip() else "PUT"
    if verb not in {"PUT", "POST"}:
        raise InvalidRequestError(f"the upload step must be PUT or POST, ONe said {method!r}")
    sent = httpx.Headers({"Content-Type": PDF_TYPE, "User-Agent": user_agent()})
    for name, value in headers.items():
        if name.lower() in _FORBIDDEN:
            raise InvalidRequestError(f"the upload answer may not set the {name} header")
        sent[name] = value
    return httpx.Request(
        verb,
        target,
        content=pdf.content,
        headers=sent,
        extensions={"timeout": timeout.to_httpx().as_dict()},
    )
