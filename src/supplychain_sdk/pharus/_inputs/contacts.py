"""Pharus request fields: contacts, their methods and their links to customers and vendors
(pharus-routes.md #39-52)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field
from typing_extensions import Required, TypedDict

from ..._core.operations import api_fields
from .._models.contacts import ContactEntityType, ContactMethodType
from .common import Text, UuidStr, known_enum

__all__ = [
    "ContactByEntityFilters",
    "ContactCreateFields",
    "ContactFindOrCreateFields",
    "ContactLinkCreateFields",
    "ContactLinkUpdateFields",
    "ContactMethodCreateFields",
    "ContactMethodUpdateFields",
    "ContactUpdateFields",
]

#: An email address: one ``@`` with text on both sides and a dot in the domain.
_Email = Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=320)]
#: ``"email"`` or ``"phone"``.
_MethodType = Annotated[ContactMethodType | str, known_enum(ContactMethodType)]
#: ``"customer"`` or ``"vendor"``.
_EntityType = Annotated[ContactEntityType | str, known_enum(ContactEntityType)]


@api_fields
class ContactCreateFields(TypedDict, total=False):
    """The body of ``contacts.create`` (#39)."""

    first_name: Required[Text]
    last_name: str | None
    title: str | None
    notes: str | None
    display_name: str


@api_fields
class ContactUpdateFields(TypedDict, total=False):
    """The body of ``contacts.update`` (#41): only the fields given change."""

    first_name: str
    last_name: str | None
    title: str | None
    notes: str | None
    display_name: str
    is_active: bool


@api_fields
class ContactMethodCreateFields(TypedDict, total=False):
    """The body of ``contacts.methods.create`` (#44); ``type`` is answered as ``methodType``."""

    type: Required[_MethodType]
    value: Required[Text]
    label: str | None
    is_primary: bool


@api_fields
class ContactMethodUpdateFields(TypedDict, total=False):
    """The body of ``contacts.methods.update`` (#46)."""

    type: _MethodType
    value: str
    label: str | None
    is_primary: bool
    is_active: bool


@api_fields
class ContactLinkCreateFields(TypedDict, total=False):
    """The body of ``contacts.links.create`` (#48): the customer or vendor to link to."""

    entity_type: Required[_EntityType]
    entity_id: Required[UuidStr]
    role: str | None
    notes: str | None
    is_primary: bool


@api_fields
class ContactLinkUpdateFields(TypedDict, total=False):
    """The body of ``contacts.links.update`` (#49)."""

    role: str | None
    notes: str | None
    is_primary: bool
    is_active: bool


@api_fields
class ContactFindOrCreateFields(TypedDict, total=False):
    """The body of ``contacts.find_or_create`` (#51)."""

    first_name: Required[Text]
    last_name: str | None
    email: Required[_Email]
    entity_type: Required[_EntityType]
    entity_id: Required[UuidStr]
    role: str | None


@api_fields
class ContactByEntityFilters(TypedDict, total=False):
    """The query of ``contacts.list_by_entity`` (#52): both are required."""

    entity_type: Required[_EntityType]
    entity_id: Required[UuidStr]
