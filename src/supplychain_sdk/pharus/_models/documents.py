"""Pharus answer models: documents attached to orders (pharus-routes.md #136-139)."""

from pydantic import Field

from ..._core.models import APIModel, OpenEnum

__all__ = ["Document", "DocumentDetail", "DocumentEntityType"]


class DocumentEntityType(OpenEnum):
    """What a document is attached to (there is no production order, A15)."""

    SALES_ORDER = "sales_order"
    PURCHASE_ORDER = "purchase_order"
    WORK_ORDER = "work_order"


class Document(APIModel):
    """A stored file attached to an order.

    ``size_bytes`` arrives as a string (a big integer) and is parsed into an `int`.
    """

    id: str
    org_id: str | None = None
    entity_type: DocumentEntityType | None = None
    entity_id: str | None = None
    name: str | None = None
    gcs_path: str | None = None
    mime_type: str | None = None
    size_bytes: int | None = None
    created_at: str | None = None


class DocumentDetail(Document):
    """A document with a short-lived ``signed_url`` to download its content.

    The signed URL carries its own credentials: fetch it without the Pharus token (as
    ``client.documents.download`` does). It is left out of the model's ``repr`` (its
    signature grants access to the file until it expires).
    """

    signed_url: str = Field(repr=False)
