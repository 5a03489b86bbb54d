"""Exact-request cases of the Pharus documents rows (#136-139).

#136 *Upload document* is ``multipart/form-data``: its case's ``json`` holds the form fields
the request must carry (its file part is checked in ``test_documents.py``).
"""

from __future__ import annotations

from typing import Any

from supplychain_sdk.pharus._models.common import Deleted
from supplychain_sdk.pharus._models.documents import Document, DocumentDetail, DocumentEntityType
from tests.routes import Case

from .conftest import ID

ORDER = "9b2f6a1e-0d7c-4c1e-9a55-3c2b1d0e4f60"
DOCUMENT: dict[str, Any] = {
    "id": ID,
    "orgId": "org-1",
    "entityType": "purchase_order",
    "entityId": ORDER,
    "name": "quote.pdf",
    "gcsPath": f"orgs/org-1/purchase_order/{ORDER}/{ID}/quote.pdf",
    "mimeType": "application/pdf",
    "sizeBytes": "9007199254740993",
    "createdAt": "2026-01-01T00:00:00Z",
}
SIGNED = "https://storage.example.test/b/quote.pdf?X-Goog-Signature=abc&X-Goog-Expires=900"


def _document(result: Any) -> None:
    assert isinstance(result, Document)
    assert result.entity_type is DocumentEntityType.PURCHASE_ORDER
    assert (result.entity_id, result.name, result.mime_type) == (
        ORDER,
        "quote.pdf",
        "application/pdf",
    )
    assert result.size_bytes == 9007199254740993  # a bigint beyond a float's precision


def _documents(items: Any) -> None:
    assert len(items) == 1
    _document(items[0])


def _detail(result: Any) -> None:
    assert isinstance(result, DocumentDetail)
    _document(result)
    assert result.signed_url == SIGNED
    assert "X-Goog-Signature" not in repr(result)  # a credential: out of the repr


def _deleted(result: Any) -> None:
    assert result == Deleted(deleted_id=ID)


CASES: dict[str, Case] = {
    "documents.upload": Case(
        call=lambda c: c.documents.upload(
            b"%PDF-1.4 quote",
            entity_type="purchase_order",
            entity_id=ORDER,
            filename="quote.pdf",
        ),
        method="POST",
        path="/api/documents",
        json={"entityType": "purchase_order", "entityId": ORDER},
        answer=DOCUMENT,
        check=_document,
    ),
    "documents.list": Case(
        call=lambda c: c.documents.list(
            entity_type=DocumentEntityType.PURCHASE_ORDER, entity_id=ORDER
        ),
        method="GET",
        path="/api/documents",
        query={"entityType": "purchase_order", "entityId": ORDER},
        answer={"data": [DOCUMENT]},
        check=_documents,
    ),
    "documents.delete": Case(
        call=lambda c: c.documents.delete(ID),
        method="DELETE",
        path=f"/api/documents/{ID}",
        answer={"deletedId": ID},
        check=_deleted,
    ),
    "documents.retrieve": Case(
        call=lambda c: c.documents.retrieve(ID),
        method="GET",
        path=f"/api/documents/{ID}",
        answer={**DOCUMENT, "signedUrl": SIGNED},
        check=_detail,
    ),
}
#: Public methods of this group that are composites (several rows, or none).
COMPOSITES: set[str] = {"client.documents.download"}
