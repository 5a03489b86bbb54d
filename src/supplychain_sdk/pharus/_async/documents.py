"""Pharus resources: documents attached to orders (``client.documents``).

Every method but `download` is one row of the route table (``pharus/_routes/documents.py``);
methods and paths are inferred from a document that lost them.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

import httpx

from ..._core._async.client import AsyncAPIClient
from ..._core._async.pager import AsyncPager
from ..._core.errors import APIConnectionError
from ..._core.failures import connection_error
from ..._core.operations import uses
from ..._core.uploads import FileInput, upload
from .._routes import documents as r
from .base import AsyncPharusResource

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from .._inputs.documents import DocumentListFilters
    from .._models.common import Deleted
    from .._models.documents import Document, DocumentDetail, DocumentEntityType

__all__ = ["AsyncDocumentsResource", "AsyncDocumentsResources"]


class AsyncDocumentsResource(AsyncPharusResource):
    """Files attached to sales orders, purchase orders and work orders."""

    @uses(r.DOCUMENTS_UPLOAD)
    async def upload(
        self,
        file: FileInput,
        *,
        entity_type: DocumentEntityType | str,
        entity_id: str,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> Document:
        """Upload a file and attach it to an order (a ``multipart/form-data`` request).

        Inferred route: ``POST /api/documents``.

        Args:
            file: a path, the content as bytes, or a file object opened in binary mode.
            entity_type: ``"sales_order"``, ``"purchase_order"`` or ``"work_order"``
                (production orders take no documents, A15).
            entity_id: the order's id (a UUID).
            filename: the name to store; defaults to the path's or file object's name
                (``"document"`` for bytes).
            content_type: the file's type; guessed from the name when not given.
        """
        fields = {"entity_type": entity_type, "entity_id": entity_id}
        r.DOCUMENTS_UPLOAD.json_body(fields)  # the form fields are checked before the file
        part = upload(file, filename=filename, content_type=content_type, name="file")
        try:
            return await self._client.run(
                r.DOCUMENTS_UPLOAD, body=fields, files={"file": part.part()}
            )
        finally:
            part.close()

    @uses(r.DOCUMENTS_LIST)
    def list(
        self, *, limit: int | None = None, **filters: Unpack[DocumentListFilters]
    ) -> AsyncPager[Document]:
        """The documents attached to one order (a small list).

        Inferred route: ``GET /api/documents``.

        Args:
            limit: the most documents to return.
            **filters: ``entity_type`` and ``entity_id``, both required.
        """
        return self._client.page(r.DOCUMENTS_LIST, query=filters, limit=limit)

    @uses(r.DOCUMENTS_DELETE)
    async def delete(self, document_id: str) -> Deleted:
        """Delete a document.

        Inferred route: ``DELETE /api/documents/{document_id}``.
        """
        return await self._client.run(r.DOCUMENTS_DELETE, ids={"document_id": document_id})

    @uses(r.DOCUMENTS_RETRIEVE)
    async def retrieve(self, document_id: str) -> DocumentDetail:
        """A document with a short-lived ``signed_url`` to its content.

        Inferred route: ``GET /api/documents/{document_id}``.
        """
        return await self._client.run(r.DOCUMENTS_RETRIEVE, ids={"document_id": document_id})

    @uses(r.DOCUMENTS_RETRIEVE)
    async def download(self, document_id: str) -> bytes:
        """A document's content: `retrieve`, then a ``GET`` of its signed URL.

        The signed URL carries its own credentials and is usually on another origin
        (object storage): it is fetched through the client's connection pool but without
        the Pharus token, ``X-Org-Id`` or default headers, and redirects are not followed.
        It is not retried; call again for a fresh URL.

        Inferred route of the detail: ``GET /api/documents/{document_id}``; then ``GET`` of
        the ``signedUrl`` it answers.

        Raises:
            APIStatusError: the storage refused the URL (e.g. expired); the error names
                the URL without its query (the signature).
        """
        detail = await self.retrieve(document_id)
        config = self._client.config
        request = r.signed_url_request(
            detail.signed_url, config.user_agent, config.timeout.to_httpx()
        )
        failure: APIConnectionError | None = None
        try:
            response = await self._client._http.send(request, auth=None, follow_redirects=False)
        except httpx.RequestError as exc:
            failure = connection_error(exc, method="GET", url=r.bare_url(request.url))
        if failure is not None:
            raise failure  # outside the except block: no chain to the httpx exception
        if not response.is_success:
            raise r.storage_error(response)
        return response.content


class AsyncDocumentsResources(AsyncAPIClient):
    """The documents resources of `AsyncPharus`."""

    @cached_property
    def documents(self) -> AsyncDocumentsResource:
        """Files attached to orders: upload, list, retrieve with a signed URL, download."""
        return AsyncDocumentsResource(self)
