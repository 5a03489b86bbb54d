"""Pharus rows: Documents (pharus-routes.md #136-139), in document order, and the pure steps
of downloading a document's content from its signed URL."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

from ..._core.decoding import decode_body, status_error
from ..._core.errors import APIStatusError, InvalidRequestError
from ..._core.lazy import LazyTypes
from ..._core.operations import IdKind, Operation
from .._errors import PHARUS
from .common import BOUNDED

if TYPE_CHECKING:
    from .._inputs import documents as i
    from .._models import documents as m
    from .._models.common import Deleted
else:  # named by reference: imported when a call first needs them (lazy.py)
    i = LazyTypes("supplychain_sdk.pharus._inputs.documents")
    m = LazyTypes("supplychain_sdk.pharus._models.documents")
    Deleted = LazyTypes("supplychain_sdk.pharus._models.common").Deleted

__all__ = ["ROWS", "bare_url", "signed_url_request", "storage_error"]

_DOCUMENT = {"document_id": IdKind.UUID}

DOCUMENTS_UPLOAD = Operation[m.Document](
    name="documents.upload",
    method="POST",
    path="/api/documents",
    summary="Upload document",
    body=i.DocumentUploadFields,
    answer=m.Document,
    inferred=True,
)
DOCUMENTS_LIST = Operation[m.Document](
    name="documents.list",
    method="GET",
    path="/api/documents",
    summary="List documents for an entity",
    query=i.DocumentListFilters,
    answer=m.Document,
    paging=BOUNDED,
    inferred=True,
)
DOCUMENTS_DELETE = Operation[Deleted](
    name="documents.delete",
    method="DELETE",
    path="/api/documents/{document_id}",
    summary="Delete document",
    ids=_DOCUMENT,
    answer=Deleted,
    inferred=True,
)
DOCUMENTS_RETRIEVE = Operation[m.DocumentDetail](
    name="documents.retrieve",
    method="GET",
    path="/api/documents/{document_id}",
    summary="Get document detail (signed download URL)",
    ids=_DOCUMENT,
    answer=m.DocumentDetail,
    inferred=True,
)

ROWS: tuple[Operation[Any], ...] = (
    DOCUMENTS_UPLOAD,
    DOCUMENTS_LIST,
    DOCUMENTS_DELETE,
    DOCUMENTS_RETRIEVE,
)


def signed_url_request(url: object, user_agent: str, timeout: httpx.Timeout) -> httpx.Request:
    """A bare ``GET`` of a signed download URL: no ``Authorization``, no ``X-Org-Id``, no
    default headers of the client (a signed URL carries its own credentials, and it is
    usually on another origin, such as object storage)."""
    if not isinstance(url, str) or not url:
        raise InvalidRequestError("the document has no signed URL to download")
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        raise InvalidRequestError("the document's signed URL is not a valid URL") from None
    if parsed.scheme not in {"https", "http"} or not parsed.host:
        raise InvalidRequestError("the document's signed URL must be an http(s) URL")
    return httpx.Request(
        "GET",
        parsed,
        headers={"User-Agent": user_agent, "Accept": "*/*"},
        extensions={"timeout": timeout.as_dict()},
    )


def storage_error(response: httpx.Response) -> APIStatusError:
    """The typed error for a refused signed-URL download, naming the URL without its query
    (the signature in it is a credential)."""
    bare = bare_url(response.request.url)
    answer = httpx.Response(
        response.status_code,
        headers=response.headers,
        content=response.content,
        request=httpx.Request(response.request.method, bare),
    )
    return status_error(PHARUS, answer, decode_body(answer), if_match=None)


def bare_url(url: httpx.URL) -> str:
    """``url`` without its query and fragment (where a signed URL keeps its signature)."""
    return str(url.copy_with(query=None, fragment=None))
