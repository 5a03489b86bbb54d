"""Pharus answer models: contacts, contact methods and contact links (#39-52)."""

from pydantic import Field

from ..._core.models import APIModel, OpenEnum

__all__ = [
    "Contact",
    "ContactDetail",
    "ContactEntityType",
    "ContactFindOrCreateResult",
    "ContactLink",
    "ContactMethod",
    "ContactMethodType",
    "LinkedContact",
]


class ContactMethodType(OpenEnum):
    """How a contact is reached."""

    EMAIL = "email"
    PHONE = "phone"


class ContactEntityType(OpenEnum):
    """What a contact can be linked to."""

    CUSTOMER = "customer"
    VENDOR = "vendor"


class Contact(APIModel):
    """A person at a customer or vendor."""

    id: str
    org_id: str | None = None
    display_name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    title: str | None = None
    notes: str | None = None
    is_active: bool | None = None
    created_at: str | None = None
    updated_at: str | None = None


class ContactMethod(APIModel):
    """An email address or phone number of a contact (sent as ``type``, answered as
    ``methodType``)."""

    id: str
    org_id: str | None = None
    contact_id: str | None = None
    method_type: ContactMethodType | None = None
    value: str | None = None
    label: str | None = None
    is_primary: bool | None = None
    is_active: bool | None = None
    created_at: str | None = None
    updated_at: str | None = None


class ContactLink(APIModel):
    """The link of a contact to a customer or a vendor, with the contact's role there."""

    id: str
    org_id: str | None = None
    contact_id: str | None = None
    entity_type: ContactEntityType | None = None
    entity_id: str | None = None
    role: str | None = None
    is_primary: bool | None = None
    notes: str | None = None
    is_active: bool | None = None
    created_at: str | None = None
    updated_at: str | None = None


class ContactDetail(APIModel):
    """A contact with its methods and links (``contacts.retrieve``)."""

    contact: Contact
    methods: list[ContactMethod] = Field(default_factory=list)
    links: list[ContactLink] = Field(default_factory=list)


class ContactFindOrCreateResult(APIModel):
    """What ``contacts.find_or_create`` found or made: the contact, its email method, its
    link to the entity, and whether the contact was created."""

    contact: Contact
    method: ContactMethod | None = None
    link: ContactLink | None = None
    created: bool


class LinkedContact(Contact):
    """A contact linked to an entity (``contacts.list_by_entity``).

    The document collapses this list's element; the SDK reads a contact and, when the
    API sends it, the ``link`` that ties it to the entity. Other fields are kept as extras.
    """

    link: ContactLink | None = None
