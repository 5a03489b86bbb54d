"""Exact-request cases of the Pharus contacts rows (#39-52)."""

from __future__ import annotations

from typing import Any

from supplychain_sdk.pharus._models.common import Deleted
from supplychain_sdk.pharus._models.contacts import (
    Contact,
    ContactDetail,
    ContactEntityType,
    ContactFindOrCreateResult,
    ContactLink,
    ContactMethod,
    ContactMethodType,
    LinkedContact,
)
from tests.routes import Case

from .conftest import ID

OTHER = "9b2f6a1e-0d7c-4c1e-9a55-3c2b1d0e4f60"
CONTACT: dict[str, Any] = {
    "id": ID,
    "orgId": "org-1",
    "displayName": "Ada Lovelace",
    "firstName": "Ada",
    "lastName": "Lovelace",
    "title": "Buyer",
    "notes": None,
    "isActive": True,
    "createdAt": "2026-01-01T00:00:00Z",
    "updatedAt": "2026-01-01T00:00:00Z",
}
METHOD: dict[str, Any] = {
    "id": OTHER,
    "orgId": "org-1",
    "contactId": ID,
    "methodType": "email",
    "value": "ada@example.com",
    "label": "work",
    "isPrimary": True,
    "isActive": True,
    "createdAt": "2026-01-01T00:00:00Z",
    "updatedAt": "2026-01-01T00:00:00Z",
}
LINK: dict[str, Any] = {
    "id": OTHER,
    "orgId": "org-1",
    "contactId": ID,
    "entityType": "customer",
    "entityId": OTHER,
    "role": "Buyer",
    "isPrimary": False,
    "notes": None,
    "isActive": True,
    "createdAt": "2026-01-01T00:00:00Z",
    "updatedAt": "2026-01-01T00:00:00Z",
}


def _contact(result: Any) -> None:
    assert isinstance(result, Contact)
    assert (result.id, result.display_name, result.last_name) == (ID, "Ada Lovelace", "Lovelace")


def _method(result: Any) -> None:
    assert isinstance(result, ContactMethod)
    assert result.method_type is ContactMethodType.EMAIL
    assert (result.contact_id, result.value, result.is_primary) == (ID, "ada@example.com", True)


def _link(result: Any) -> None:
    assert isinstance(result, ContactLink)
    assert result.entity_type is ContactEntityType.CUSTOMER
    assert (result.entity_id, result.role) == (OTHER, "Buyer")


def _two_pages(items: Any) -> None:
    assert [type(i) for i in items] == [Contact, Contact]
    assert [i.first_name for i in items] == ["Ada", "Ada"]


def _deleted(result: Any) -> None:
    assert result == Deleted(deleted_id=ID)


def _detail(result: Any) -> None:
    assert isinstance(result, ContactDetail)
    assert result.contact.first_name == "Ada"
    assert [m.value for m in result.methods] == ["ada@example.com"]
    assert [link.entity_id for link in result.links] == [OTHER]


def _found(result: Any) -> None:
    assert isinstance(result, ContactFindOrCreateResult)
    assert result.created is True
    assert result.contact.id == ID
    assert result.method is not None
    assert result.method.value == "ada@example.com"
    assert result.link is not None
    assert result.link.entity_id == OTHER


def _linked(result: Any) -> None:
    assert [type(c) for c in result] == [LinkedContact]
    assert result[0].id == ID
    assert result[0].link is not None
    assert result[0].link.role == "Buyer"


CASES: dict[str, Case] = {
    "contacts.create": Case(
        call=lambda c: c.contacts.create(first_name="Ada", last_name="Lovelace", title="Buyer"),
        method="POST",
        path="/api/contacts",
        json={"firstName": "Ada", "lastName": "Lovelace", "title": "Buyer"},
        answer=CONTACT,
        check=_contact,
    ),
    "contacts.list": Case(
        call=lambda c: c.contacts.list(page_size=2),
        method="GET",
        path="/api/contacts",
        query={"limit": "2"},
        pages=[{"data": [CONTACT], "nextCursor": "c2"}, {"data": [CONTACT], "nextCursor": None}],
        check=_two_pages,
    ),
    "contacts.update": Case(
        call=lambda c: c.contacts.update(ID, last_name=None, is_active=False),
        method="PATCH",
        path=f"/api/contacts/{ID}",
        json={"lastName": None, "isActive": False},
        answer=CONTACT,
        check=_contact,
    ),
    "contacts.delete": Case(
        call=lambda c: c.contacts.delete(ID),
        method="DELETE",
        path=f"/api/contacts/{ID}",
        answer={"deletedId": ID},
        check=_deleted,
    ),
    "contacts.retrieve": Case(
        call=lambda c: c.contacts.retrieve(ID),
        method="GET",
        path=f"/api/contacts/{ID}",
        answer={"contact": CONTACT, "methods": [METHOD], "links": [LINK]},
        check=_detail,
    ),
    "contacts.methods.create": Case(
        call=lambda c: c.contacts.methods.create(
            ID, type="email", value="ada@example.com", label="work", is_primary=True
        ),
        method="POST",
        path=f"/api/contacts/{ID}/methods",
        json={"type": "email", "value": "ada@example.com", "label": "work", "isPrimary": True},
        answer=METHOD,
        check=_method,
    ),
    "contacts.methods.list": Case(
        call=lambda c: c.contacts.methods.list(ID),
        method="GET",
        path=f"/api/contacts/{ID}/methods",
        answer={"data": [METHOD]},
        check=lambda items: _method(items[0]),
    ),
    "contacts.methods.update": Case(
        call=lambda c: c.contacts.methods.update(OTHER, type=ContactMethodType.PHONE, label=None),
        method="PATCH",
        path=f"/api/contact-methods/{OTHER}",
        json={"type": "phone", "label": None},
        answer=METHOD,
        check=_method,
    ),
    "contacts.methods.delete": Case(
        call=lambda c: c.contacts.methods.delete(ID),
        method="DELETE",
        path=f"/api/contact-methods/{ID}",
        answer={"deletedId": ID},
        check=_deleted,
    ),
    "contacts.links.create": Case(
        call=lambda c: c.contacts.links.create(
            ID, entity_type="customer", entity_id=OTHER, role="Buyer", is_primary=False
        ),
        method="POST",
        path=f"/api/contacts/{ID}/links",
        json={"entityType": "customer", "entityId": OTHER, "role": "Buyer", "isPrimary": False},
        answer=LINK,
        check=_link,
    ),
    "contacts.links.update": Case(
        call=lambda c: c.contacts.links.update(OTHER, notes="night shift", is_active=True),
        method="PATCH",
        path=f"/api/contact-links/{OTHER}",
        json={"notes": "night shift", "isActive": True},
        answer=LINK,
        check=_link,
    ),
    "contacts.links.delete": Case(
        call=lambda c: c.contacts.links.delete(ID),
        method="DELETE",
        path=f"/api/contact-links/{ID}",
        answer={"deletedId": ID},
        check=_deleted,
    ),
    "contacts.find_or_create": Case(
        call=lambda c: c.contacts.find_or_create(
            first_name="Ada",
            email="ada@example.com",
            entity_type=ContactEntityType.CUSTOMER,
            entity_id=OTHER,
            role="Buyer",
        ),
        method="POST",
        path="/api/contacts/find-or-create",
        json={
            "firstName": "Ada",
            "email": "ada@example.com",
            "entityType": "customer",
            "entityId": OTHER,
            "role": "Buyer",
        },
        answer={"contact": CONTACT, "method": METHOD, "link": LINK, "created": True},
        check=_found,
    ),
    "contacts.list_by_entity": Case(
        call=lambda c: c.contacts.list_by_entity(entity_type="customer", entity_id=OTHER),
        method="GET",
        path="/api/contacts/by-entity",
        query={"entityType": "customer", "entityId": OTHER},
        answer={"data": [{**CONTACT, "link": LINK}]},
        check=_linked,
    ),
}
#: Public methods of this group that are composites (several rows, or none).
COMPOSITES: set[str] = set()
