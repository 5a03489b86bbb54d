"""Pharus resources: contacts, their methods and their links (pharus-routes.md #39-52)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..._core._async.client import AsyncAPIClient
from ..._core._async.pager import AsyncPager
from ..._core.operations import uses
from .._routes import contacts as r
from .base import AsyncPharusResource

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from .._inputs import contacts as i
    from .._models import contacts as m
    from .._models.common import Deleted

__all__ = [
    "AsyncContactLinksResource",
    "AsyncContactMethodsResource",
    "AsyncContactsResource",
    "AsyncContactsResources",
]


class AsyncContactMethodsResource(AsyncPharusResource):
    """The email addresses and phone numbers of contacts (``client.contacts.methods``)."""

    @uses(r.CONTACTS_METHODS_CREATE)
    async def create(
        self, contact_id: str, **fields: Unpack[i.ContactMethodCreateFields]
    ) -> m.ContactMethod:
        """Add an email address or phone number to a contact.

        Inferred route: ``POST /api/contacts/{contact_id}/methods``.
        """
        return await self._client.run(
            r.CONTACTS_METHODS_CREATE, ids={"contact_id": contact_id}, body=fields
        )

    @uses(r.CONTACTS_METHODS_LIST)
    def list(self, contact_id: str, *, limit: int | None = None) -> AsyncPager[m.ContactMethod]:
        """The methods of one contact (a small list).

        Inferred route: ``GET /api/contacts/{contact_id}/methods``.
        """
        return self._client.page(
            r.CONTACTS_METHODS_LIST, ids={"contact_id": contact_id}, limit=limit
        )

    @uses(r.CONTACTS_METHODS_UPDATE)
    async def update(
        self, method_id: str, **fields: Unpack[i.ContactMethodUpdateFields]
    ) -> m.ContactMethod:
        """Change a contact method; only the fields given change.

        Inferred route: ``PATCH /api/contact-methods/{method_id}``.
        """
        return await self._client.run(
            r.CONTACTS_METHODS_UPDATE, ids={"method_id": method_id}, body=fields
        )

    @uses(r.CONTACTS_METHODS_DELETE)
    async def delete(self, method_id: str) -> Deleted:
        """Delete a contact method.

        Inferred route: ``DELETE /api/contact-methods/{method_id}``.
        """
        return await self._client.run(r.CONTACTS_METHODS_DELETE, ids={"method_id": method_id})


class AsyncContactLinksResource(AsyncPharusResource):
    """The links of contacts to customers and vendors (``client.contacts.links``)."""

    @uses(r.CONTACTS_LINKS_CREATE)
    async def create(
        self, contact_id: str, **fields: Unpack[i.ContactLinkCreateFields]
    ) -> m.ContactLink:
        """Link a contact to a customer or a vendor.

        Inferred route: ``POST /api/contacts/{contact_id}/links``.
        """
        return await self._client.run(
            r.CONTACTS_LINKS_CREATE, ids={"contact_id": contact_id}, body=fields
        )

    @uses(r.CONTACTS_LINKS_UPDATE)
    async def update(
        self, link_id: str, **fields: Unpack[i.ContactLinkUpdateFields]
    ) -> m.ContactLink:
        """Change a contact-entity link (role, notes, primary, active).

        Inferred route: ``PATCH /api/contact-links/{link_id}``.
        """
        return await self._client.run(
            r.CONTACTS_LINKS_UPDATE, ids={"link_id": link_id}, body=fields
        )

    @uses(r.CONTACTS_LINKS_DELETE)
    async def delete(self, link_id: str) -> Deleted:
        """Unlink a contact from its entity.

        Inferred route: ``DELETE /api/contact-links/{link_id}``.
        """
        return await self._client.run(r.CONTACTS_LINKS_DELETE, ids={"link_id": link_id})


class AsyncContactsResource(AsyncPharusResource):
    """Contacts: people at customers and vendors (``client.contacts``)."""

    @cached_property
    def methods(self) -> AsyncContactMethodsResource:
        """A contact's email addresses and phone numbers."""
        return AsyncContactMethodsResource(self._client)

    @cached_property
    def links(self) -> AsyncContactLinksResource:
        """A contact's links to customers and vendors."""
        return AsyncContactLinksResource(self._client)

    @uses(r.CONTACTS_CREATE)
    async def create(self, **fields: Unpack[i.ContactCreateFields]) -> m.Contact:
        """Create a contact.

        Inferred route: ``POST /api/contacts``.
        """
        return await self._client.run(r.CONTACTS_CREATE, body=fields)

    @uses(r.CONTACTS_LIST)
    def list(
        self,
        *,
        limit: int | None = None,
        page_size: int | None = None,
        start: str | None = None,
    ) -> AsyncPager[m.Contact]:
        """Every contact of the organization, page by page (``cursor``/``limit``).

        Inferred route: ``GET /api/contacts``.
        """
        return self._client.page(r.CONTACTS_LIST, limit=limit, page_size=page_size, start=start)

    @uses(r.CONTACTS_UPDATE)
    async def update(self, contact_id: str, **fields: Unpack[i.ContactUpdateFields]) -> m.Contact:
        """Change a contact; only the fields given change.

        Inferred route: ``PATCH /api/contacts/{contact_id}``.
        """
        return await self._client.run(
            r.CONTACTS_UPDATE, ids={"contact_id": contact_id}, body=fields
        )

    @uses(r.CONTACTS_DELETE)
    async def delete(self, contact_id: str) -> Deleted:
        """Delete a contact.

        Inferred route: ``DELETE /api/contacts/{contact_id}``.
        """
        return await self._client.run(r.CONTACTS_DELETE, ids={"contact_id": contact_id})

    @uses(r.CONTACTS_RETRIEVE)
    async def retrieve(self, contact_id: str) -> m.ContactDetail:
        """A contact with its methods and links.

        Inferred route: ``GET /api/contacts/{contact_id}``.
        """
        return await self._client.run(r.CONTACTS_RETRIEVE, ids={"contact_id": contact_id})

    @uses(r.CONTACTS_FIND_OR_CREATE)
    async def find_or_create(
        self, **fields: Unpack[i.ContactFindOrCreateFields]
    ) -> m.ContactFindOrCreateResult:
        """The contact of an entity with this email, created (with method and link) if none.

        Inferred route: ``POST /api/contacts/find-or-create``.
        """
        return await self._client.run(r.CONTACTS_FIND_OR_CREATE, body=fields)

    @uses(r.CONTACTS_LIST_BY_ENTITY)
    def list_by_entity(
        self, *, limit: int | None = None, **filters: Unpack[i.ContactByEntityFilters]
    ) -> AsyncPager[m.LinkedContact]:
        """The contacts linked to one customer or vendor (``entity_type``, ``entity_id``).

        Inferred route: ``GET /api/contacts/by-entity``.
        """
        return self._client.page(r.CONTACTS_LIST_BY_ENTITY, query=filters, limit=limit)


class AsyncContactsResources(AsyncAPIClient):
    """The contacts resources of `AsyncPharus`."""

    @cached_property
    def contacts(self) -> AsyncContactsResource:
        """Contacts, their methods (``.methods``) and links to entities (``.links``)."""
        return AsyncContactsResource(self)
