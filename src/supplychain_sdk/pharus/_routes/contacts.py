"""Pharus rows: contacts, contact methods, contact links (pharus-routes.md #39-52)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..._core.lazy import LazyTypes
from ..._core.operations import IdKind, Operation
from .common import BOUNDED, CURSOR

if TYPE_CHECKING:
    from .._inputs import contacts as i
    from .._models import contacts as m
    from .._models.common import Deleted
else:  # named by reference: imported when a call first needs them (lazy.py)
    i = LazyTypes("supplychain_sdk.pharus._inputs.contacts")
    m = LazyTypes("supplychain_sdk.pharus._models.contacts")
    Deleted = LazyTypes("supplychain_sdk.pharus._models.common").Deleted

__all__ = [
    "CONTACTS_CREATE",
    "CONTACTS_DELETE",
    "CONTACTS_FIND_OR_CREATE",
    "CONTACTS_LINKS_CREATE",
    "CONTACTS_LINKS_DELETE",
    "CONTACTS_LINKS_UPDATE",
    "CONTACTS_LIST",
    "CONTACTS_LIST_BY_ENTITY",
    "CONTACTS_METHODS_CREATE",
    "CONTACTS_METHODS_DELETE",
    "CONTACTS_METHODS_LIST",
    "CONTACTS_METHODS_UPDATE",
    "CONTACTS_RETRIEVE",
    "CONTACTS_UPDATE",
    "ROWS",
]

_CONTACT = {"contact_id": IdKind.UUID}
_METHOD = {"method_id": IdKind.UUID}
_LINK = {"link_id": IdKind.UUID}

CONTACTS_CREATE = Operation[m.Contact](
    name="contacts.create",
    method="POST",
    path="/api/contacts",
    summary="Create contact",
    body=i.ContactCreateFields,
    answer=m.Contact,
    inferred=True,
)
CONTACTS_LIST = Operation[m.Contact](
    name="contacts.list",
    method="GET",
    path="/api/contacts",
    summary="List contacts",
    answer=m.Contact,
    paging=CURSOR,
    inferred=True,
)
CONTACTS_UPDATE = Operation[m.Contact](
    name="contacts.update",
    method="PATCH",
    path="/api/contacts/{contact_id}",
    summary="Update contact",
    ids=_CONTACT,
    body=i.ContactUpdateFields,
    answer=m.Contact,
    inferred=True,
)
CONTACTS_DELETE = Operation[Deleted](
    name="contacts.delete",
    method="DELETE",
    path="/api/contacts/{contact_id}",
    summary="Delete contact",
    ids=_CONTACT,
    answer=Deleted,
    inferred=True,
)
CONTACTS_RETRIEVE = Operation[m.ContactDetail](
    name="contacts.retrieve",
    method="GET",
    path="/api/contacts/{contact_id}",
    summary="Get contact detail",
    ids=_CONTACT,
    answer=m.ContactDetail,
    inferred=True,
)
CONTACTS_METHODS_CREATE = Operation[m.ContactMethod](
    name="contacts.methods.create",
    method="POST",
    path="/api/contacts/{contact_id}/methods",
    summary="Add contact method",
    ids=_CONTACT,
    body=i.ContactMethodCreateFields,
    answer=m.ContactMethod,
    inferred=True,
)
CONTACTS_METHODS_LIST = Operation[m.ContactMethod](
    name="contacts.methods.list",
    method="GET",
    path="/api/contacts/{contact_id}/methods",
    summary="List methods for a contact",
    ids=_CONTACT,
    answer=m.ContactMethod,
    paging=BOUNDED,
    inferred=True,
)
CONTACTS_METHODS_UPDATE = Operation[m.ContactMethod](
    name="contacts.methods.update",
    method="PATCH",
    path="/api/contact-methods/{method_id}",
    summary="Update contact method",
    ids=_METHOD,
    body=i.ContactMethodUpdateFields,
    answer=m.ContactMethod,
    inferred=True,
)
CONTACTS_METHODS_DELETE = Operation[Deleted](
    name="contacts.methods.delete",
    method="DELETE",
    path="/api/contact-methods/{method_id}",
    summary="Delete contact method",
    ids=_METHOD,
    answer=Deleted,
    inferred=True,
)
CONTACTS_LINKS_CREATE = Operation[m.ContactLink](
    name="contacts.links.create",
    method="POST",
    path="/api/contacts/{contact_id}/links",
    summary="Link contact to entity",
    ids=_CONTACT,
    body=i.ContactLinkCreateFields,
    answer=m.ContactLink,
    inferred=True,
)
CONTACTS_LINKS_UPDATE = Operation[m.ContactLink](
    name="contacts.links.update",
    method="PATCH",
    path="/api/contact-links/{link_id}",
    summary="Update contact-entity link",
    ids=_LINK,
    body=i.ContactLinkUpdateFields,
    answer=m.ContactLink,
    inferred=True,
)
CONTACTS_LINKS_DELETE = Operation[Deleted](
    name="contacts.links.delete",
    method="DELETE",
    path="/api/contact-links/{link_id}",
    summary="Unlink contact from entity",
    ids=_LINK,
    answer=Deleted,
    inferred=True,
)
CONTACTS_FIND_OR_CREATE = Operation[m.ContactFindOrCreateResult](
    name="contacts.find_or_create",
    method="POST",
    path="/api/contacts/find-or-create",
    summary="Find or create contact for entity",
    body=i.ContactFindOrCreateFields,
    answer=m.ContactFindOrCreateResult,
    inferred=True,
)
CONTACTS_LIST_BY_ENTITY = Operation[m.LinkedContact](
    name="contacts.list_by_entity",
    method="GET",
    path="/api/contacts/by-entity",
    summary="List contacts linked to an entity",
    query=i.ContactByEntityFilters,
    answer=m.LinkedContact,
    paging=BOUNDED,
    inferred=True,
)

ROWS: tuple[Operation[Any], ...] = (
    CONTACTS_CREATE,
    CONTACTS_LIST,
    CONTACTS_UPDATE,
    CONTACTS_DELETE,
    CONTACTS_RETRIEVE,
    CONTACTS_METHODS_CREATE,
    CONTACTS_METHODS_LIST,
    CONTACTS_METHODS_UPDATE,
    CONTACTS_METHODS_DELETE,
    CONTACTS_LINKS_CREATE,
    CONTACTS_LINKS_UPDATE,
    CONTACTS_LINKS_DELETE,
    CONTACTS_FIND_OR_CREATE,
    CONTACTS_LIST_BY_ENTITY,
)
