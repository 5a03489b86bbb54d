"""Pharus request fields: documents (pharus-routes.md #136-139).

#136 *Upload document* is the only ``multipart/form-data`` body: its form fields are
checked here, the file part is built by ``client.documents.upload``.
"""

from __future__ import annotations

from typing import Annotated

from typing_extensions import Required, TypedDict

from ..._core.operations import api_fields
from .._models.documents import DocumentEntityType
from .common import UuidStr, known_enum

__all__ = ["DocumentListFilters", "DocumentUploadFields"]

EntityType = Annotated[DocumentEntityType | str, known_enum(DocumentEntityType)]


@api_fields
class DocumentUploadFields(TypedDict):
    """The form fields of *Upload document* (besides the file)."""

    entity_type: Required[EntityType]
    entity_id: Required[UuidStr]


@api_fields
class DocumentListFilters(TypedDict):
    """The query of *List documents for an entity*: both parameters are required."""

    entity_type: Required[EntityType]
    entity_id: Required[UuidStr]
