"""Contacts against the Pharus sandbox: flows, primaries, find-or-create, refusals."""

from __future__ import annotations

from typing import Any

import pytest

from supplychain_sdk import (
    BadRequestError,
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
)
from supplychain_sdk.pharus import (
    Contact,
    ContactDetail,
    ContactEntityType,
    ContactMethodType,
    Deleted,
    LinkedContact,
)
from supplychain_sdk.sandbox.pharus import PharusSandbox
from tests.conftest import Mode

from .conftest import make_client

VIEWER_TOKEN = "pharus-viewer-token"


def as_viewer(mode: Mode, sandbox: PharusSandbox) -> Any:
    """A client of the default org signed in as a viewer."""
    user = sandbox.add_user("viewer@example.test", "Viewer")
    sandbox.tokens[VIEWER_TOKEN] = user["id"]
    sandbox.add_member(sandbox.DEFAULT_ORG_ID, user["id"], "viewer")
    return make_client(mode, sandbox, token=VIEWER_TOKEN)


async def consume(mode: Mode, value: Any) -> Any:
    """Await a call; collect it if it is a pager."""
    result = await mode(value)
    if hasattr(result, "first_page"):
        return await mode.collect(result)
    return result


def other_org(sandbox: PharusSandbox) -> str:
    """A second organization the default user owns."""
    return str(sandbox.add_org("Other Co", "other-co", sandbox.DEFAULT_USER_ID)["id"])


def seed(
    sandbox: PharusSandbox, collection: str, record_id: str | None = None, **fields: Any
) -> str:
    """A record of another section's collection in the default org (only what the handlers
    under test read: its id and organization, plus ``fields``)."""
    record_id = record_id or sandbox.new_id()
    sandbox.table(collection)[record_id] = {
        "id": record_id,
        "orgId": sandbox.DEFAULT_ORG_ID,
        "isActive": True,
        **fields,
    }
    return record_id


def seed_customer(sandbox: PharusSandbox, name: str = "Acme Foods") -> str:
    """A customer record of the default org (as the customers handlers store it)."""
    return seed(sandbox, "customers", name=name)


async def test_contact_flow_create_list_update_retrieve_delete(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    ada = await mode(client.contacts.create(first_name="Ada", last_name="Lovelace"))
    assert isinstance(ada, Contact)
    assert (ada.display_name, ada.first_name, ada.is_active) == ("Ada Lovelace", "Ada", True)
    grace = await mode(client.contacts.create(first_name="Grace", display_name="Adm. Hopper"))
    await mode(client.contacts.create(first_name="Linus"))

    sent = len(sandbox.requests)
    listed = await mode.collect(client.contacts.list(page_size=2))
    assert [c.first_name for c in listed] == ["Ada", "Grace", "Linus"]
    pages = sandbox.requests[sent:]
    assert [dict(r.query) for r in pages] == [{"limit": "2"}, {"cursor": "2", "limit": "2"}]

    changed = await mode(client.contacts.update(grace.id, title="Admiral", last_name=None))
    assert (changed.title, changed.last_name, changed.display_name) == (
        "Admiral",
        None,
        "Adm. Hopper",
    )
    await mode(client.contacts.methods.create(ada.id, type="phone", value="+1 555 0100"))
    detail = await mode(client.contacts.retrieve(ada.id))
    assert isinstance(detail, ContactDetail)
    assert detail.contact.id == ada.id
    assert [(m.method_type, m.value) for m in detail.methods] == [
        (ContactMethodType.PHONE, "+1 555 0100")
    ]
    assert detail.links == []

    assert await mode(client.contacts.delete(ada.id)) == Deleted(deleted_id=ada.id)
    with pytest.raises(NotFoundError):
        await mode(client.contacts.retrieve(ada.id))
    assert sandbox.table("contact_methods") == {}
    await mode.close(client)


async def test_one_primary_method_per_type(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    ada = await mode(client.contacts.create(first_name="Ada"))
    work = await mode(
        client.contacts.methods.create(ada.id, type="email", value="a@work.test", is_primary=True)
    )
    home = await mode(
        client.contacts.methods.create(
            ada.id, type=ContactMethodType.EMAIL, value="a@home.test", is_primary=True
        )
    )
    phone = await mode(
        client.contacts.methods.create(ada.id, type="phone", value="555", is_primary=True)
    )
    methods = await mode.collect(client.contacts.methods.list(ada.id))
    assert [(m.id, m.is_primary) for m in methods] == [
        (work.id, False),
        (home.id, True),
        (phone.id, True),
    ]
    moved = await mode(client.contacts.methods.update(phone.id, type="email", label="old"))
    assert (moved.method_type, moved.label, moved.is_primary) == (
        ContactMethodType.EMAIL,
        "old",
        True,
    )
    methods = await mode.collect(client.contacts.methods.list(ada.id))
    assert [m.is_primary for m in methods] == [False, False, True]
    assert await mode(client.contacts.methods.delete(work.id)) == Deleted(deleted_id=work.id)
    assert len(await mode.collect(client.contacts.methods.list(ada.id))) == 2
    await mode.close(client)


async def test_links_and_contacts_of_an_entity(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    customer = seed_customer(sandbox)
    ada = await mode(client.contacts.create(first_name="Ada"))
    link = await mode(
        client.contacts.links.create(
            ada.id, entity_type="customer", entity_id=customer, role="Buyer", is_primary=True
        )
    )
    assert (link.contact_id, link.entity_type, link.role) == (
        ada.id,
        ContactEntityType.CUSTOMER,
        "Buyer",
    )
    with pytest.raises(ConflictError):
        await mode(client.contacts.links.create(ada.id, entity_type="customer", entity_id=customer))
    linked = await mode.collect(
        client.contacts.list_by_entity(entity_type="customer", entity_id=customer)
    )
    assert [type(c) for c in linked] == [LinkedContact]
    assert linked[0].id == ada.id
    assert linked[0].link is not None
    assert linked[0].link.id == link.id

    changed = await mode(client.contacts.links.update(link.id, role=None, is_active=False))
    assert (changed.role, changed.is_active) == (None, False)
    assert (
        await mode.collect(
            client.contacts.list_by_entity(
                entity_type=ContactEntityType.CUSTOMER, entity_id=customer
            )
        )
        == []
    )
    assert await mode(client.contacts.links.delete(link.id)) == Deleted(deleted_id=link.id)
    with pytest.raises(NotFoundError):
        await mode(client.contacts.links.update(link.id, role="x"))
    await mode.close(client)


async def test_links_name_customers_or_vendors_of_the_org(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    ada = await mode(client.contacts.create(first_name="Ada"))
    vendor = seed(sandbox, "vendors", name="Resin Co")
    link = await mode(client.contacts.links.create(ada.id, entity_type="vendor", entity_id=vendor))
    assert (link.entity_type, link.entity_id) == (ContactEntityType.VENDOR, vendor)
    for entity_type in ("customer", "vendor"):
        with pytest.raises(BadRequestError) as caught:
            await mode(
                client.contacts.links.create(
                    ada.id, entity_type=entity_type, entity_id=sandbox.new_id()
                )
            )
        assert caught.value.code == "validation_failed"
        assert caught.value.field_errors == {"entityId": [f"no such {entity_type}"]}
    await mode.close(client)


async def test_find_or_create_creates_once_then_finds(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    customer = seed_customer(sandbox)
    first = await mode(
        client.contacts.find_or_create(
            first_name="Ada",
            last_name="Lovelace",
            email="ada@example.test",
            entity_type="customer",
            entity_id=customer,
            role="Buyer",
        )
    )
    assert first.created is True
    assert first.contact.display_name == "Ada Lovelace"
    assert first.method is not None
    assert first.method.value == "ada@example.test"
    assert first.method.is_primary is True
    assert first.link is not None
    assert first.link.role == "Buyer"
    again = await mode(
        client.contacts.find_or_create(
            first_name="Someone",
            email="ADA@example.test",
            entity_type="customer",
            entity_id=customer,
        )
    )
    assert again.created is False
    assert (again.contact.id, again.method and again.method.id, again.link and again.link.id) == (
        first.contact.id,
        first.method.id,
        first.link.id,
    )
    assert len(sandbox.table("contacts")) == 1
    await mode.close(client)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda c: c.contacts.create(first_name=""), "first_name"),
        (lambda c: c.contacts.create(last_name="x"), "first_name"),
        (lambda c: c.contacts.create(first_name="A", nickname="x"), "nickname"),
        (lambda c: c.contacts.methods.create(_ID, type="fax", value="1"), "type"),
        (lambda c: c.contacts.methods.create(_ID, type="email", value=""), "value"),
        (
            lambda c: c.contacts.links.create(_ID, entity_type="customer", entity_id="nope"),
            "entity_id",
        ),
        (
            lambda c: c.contacts.find_or_create(
                first_name="A", email="not-an-email", entity_type="vendor", entity_id=_ID
            ),
            "email",
        ),
        (
            lambda c: c.contacts.list_by_entity(entity_type="supplier", entity_id=_ID),
            "entity_type",
        ),
    ],
)
async def test_bad_input_is_refused_before_sending(
    mode: Mode, sandbox: Any, call: Any, field: str
) -> None:
    client = make_client(mode, sandbox)
    sent = len(sandbox.requests)
    with pytest.raises(InvalidRequestError) as caught:
        await consume(mode, call(client))
    assert field in caught.value.field_errors
    assert len(sandbox.requests) == sent
    await mode.close(client)


async def test_bad_ids_are_refused_before_sending(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    with pytest.raises(InvalidRequestError, match="contact_id must be a UUID"):
        await mode(client.contacts.retrieve("../users/me"))
    with pytest.raises(InvalidRequestError, match="method_id must be a UUID"):
        await mode(client.contacts.methods.delete("1"))
    assert sandbox.requests == []
    await mode.close(client)


async def test_contacts_of_another_org_are_not_found(mode: Mode, sandbox: Any) -> None:
    client = make_client(mode, sandbox)
    ada = await mode(client.contacts.create(first_name="Ada"))
    elsewhere = make_client(mode, sandbox, org_id=other_org(sandbox))
    with pytest.raises(NotFoundError):
        await mode(elsewhere.contacts.retrieve(ada.id))
    with pytest.raises(NotFoundError):
        await mode(elsewhere.contacts.methods.create(ada.id, type="email", value="a@b.test"))
    assert await mode.collect(elsewhere.contacts.list()) == []
    await mode.close(client)
    await mode.close(elsewhere)


async def test_a_viewer_reads_but_cannot_write(mode: Mode, sandbox: Any) -> None:
    owner = make_client(mode, sandbox)
    await mode(owner.contacts.create(first_name="Ada"))
    viewer = as_viewer(mode, sandbox)
    assert [c.first_name for c in await mode.collect(viewer.contacts.list())] == ["Ada"]
    with pytest.raises(PermissionDeniedError) as caught:
        await mode(viewer.contacts.create(first_name="Eve"))
    assert caught.value.code == "forbidden"
    await mode.close(owner)
    await mode.close(viewer)


_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
