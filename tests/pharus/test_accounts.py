"""The Platform section against the Pharus sandbox: the signed-in user, personal access tokens,
invitations, organizations, members and roles (sync and async)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import SecretStr

from supplychain_sdk import (
    AuthenticationError,
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
)
from supplychain_sdk.pharus import (
    ApiToken,
    CreatedApiToken,
    CreatedOrganization,
    DeclinedInvitation,
    Deleted,
    InvalidTransitionError,
    Invitation,
    LeftOrganization,
    Membership,
    OrganizationDetail,
    OrgRole,
    User,
    UserProfile,
)
from supplychain_sdk.sandbox.pharus import PharusSandbox
from tests.conftest import Mode

from .conftest import ID, Clock, make_client

BOB = "bob@example.com"


def sign_in(mode: Mode, sandbox: PharusSandbox, email: str, role: str | None = None) -> Any:
    """A client signed in as a new user (a member of the default org with ``role``, if any)."""
    user = sandbox.add_user(email, None)
    sandbox.tokens[f"token-{email}"] = user["id"]
    if role is not None:
        sandbox.add_member(sandbox.DEFAULT_ORG_ID, user["id"], role)
    return make_client(mode, sandbox, token=f"token-{email}")


def sent_org_header(sandbox: PharusSandbox) -> bool:
    return sandbox.requests[-1].header("x-org-id") is not None


# -- the signed-in user ------------------------------------------------------------------------
async def test_user_flow_for_a_new_identity(mode: Mode, sandbox: PharusSandbox) -> None:
    fresh = "00000000-0000-4000-8000-00000000beef"
    sandbox.tokens["firebase-id-token"] = fresh
    client = make_client(mode, sandbox, token="firebase-id-token", org_id=None)
    with pytest.raises(NotFoundError):
        await mode(client.users.retrieve_me())

    user = await mode(client.users.create(email="ana@example.com", display_name="Ana"))
    assert isinstance(user, User)
    assert (user.id, user.email, user.display_name, user.is_active) == (
        fresh,
        "ana@example.com",
        "Ana",
        True,
    )
    assert not sent_org_header(sandbox)
    with pytest.raises(ConflictError):
        await mode(client.users.create(email="ana@example.com"))

    renamed = await mode(client.users.update_me(display_name="Ana B."))
    assert renamed.display_name == "Ana B."
    profile = await mode(client.users.retrieve_me())
    assert isinstance(profile, UserProfile)
    assert (profile.user.display_name, profile.organizations) == ("Ana B.", [])

    assert await mode(client.users.delete_me()) == Deleted(deleted_id=fresh)
    with pytest.raises(AuthenticationError):
        await mode(client.users.retrieve_me())


async def test_the_only_owner_cannot_delete_their_user(mode: Mode, sandbox: PharusSandbox) -> None:
    client = make_client(mode, sandbox)
    profile = await mode(client.users.retrieve_me())
    assert [(o.id, o.model_extra) for o in profile.organizations] == [
        (sandbox.DEFAULT_ORG_ID, {"role": "owner"})
    ]
    with pytest.raises(ConflictError):
        await mode(client.users.delete_me())


async def test_user_fields_are_checked_before_sending(mode: Mode, sandbox: PharusSandbox) -> None:
    client = make_client(mode, sandbox)
    with pytest.raises(InvalidRequestError) as caught:
        await mode(client.users.create(email="not an address"))
    assert set(caught.value.field_errors) == {"email"}
    with pytest.raises(InvalidRequestError):
        await mode(client.users.update_me(display_name=7))
    assert sandbox.requests == []


# -- personal access tokens --------------------------------------------------------------------
async def test_a_token_is_shown_once_works_as_a_bearer_and_stops_when_revoked(
    mode: Mode, sandbox: PharusSandbox
) -> None:
    client = make_client(mode, sandbox)
    created = await mode(
        client.api_tokens.create(name="ci", org_id=sandbox.DEFAULT_ORG_ID, expires_in_days=30)
    )
    assert isinstance(created, CreatedApiToken)
    secret = created.plaintext.get_secret_value()
    assert secret.startswith("pat_")
    assert secret not in repr(created)
    assert secret not in created.to_json()
    assert not sent_org_header(sandbox)
    assert (created.token.name, created.token.org_id, created.token.expires_at) == (
        "ci",
        sandbox.DEFAULT_ORG_ID,
        "2026-01-31T00:00:00.000Z",
    )
    stored = sandbox.table("api_tokens")[created.token.id]
    assert secret not in repr(stored)

    with_pat = make_client(mode, sandbox, token=secret)
    detail = await mode(with_pat.organizations.retrieve_current())
    assert detail.organization.id == sandbox.DEFAULT_ORG_ID

    listed = await mode.collect(client.api_tokens.list())
    assert [type(t) for t in listed] == [ApiToken]
    assert listed[0].id == created.token.id
    assert secret not in str(sandbox.requests[-1].body)
    assert "plaintext" not in listed[0].to_dict()

    revoked = await mode(client.api_tokens.revoke(created.token.id))
    assert revoked == Deleted(deleted_id=created.token.id)
    with pytest.raises(AuthenticationError):
        await mode(with_pat.organizations.retrieve_current())
    assert (await mode.collect(client.api_tokens.list()))[0].revoked_at is not None


async def test_a_token_needs_membership_and_valid_fields(
    mode: Mode, sandbox: PharusSandbox
) -> None:
    client = make_client(mode, sandbox)
    with pytest.raises(PermissionDeniedError):
        await mode(client.api_tokens.create(name="ci", org_id=ID))
    before = len(sandbox.requests)
    with pytest.raises(InvalidRequestError) as caught:
        await mode(client.api_tokens.create(name="", org_id="acme", expires_in_days=3651))
    assert set(caught.value.field_errors) == {"name", "org_id", "expires_in_days"}
    with pytest.raises(InvalidRequestError):
        await mode(client.api_tokens.revoke("not-a-uuid"))
    assert len(sandbox.requests) == before


# -- invitations -------------------------------------------------------------------------------
async def test_invitation_flow_send_lookup_accept(mode: Mode, sandbox: PharusSandbox) -> None:
    owner = make_client(mode, sandbox)
    invitation = await mode(
        owner.invitations.send(email=BOB, role=OrgRole.ADMIN, inviter_display_name="Owner")
    )
    assert isinstance(invitation, Invitation)
    assert (invitation.email, invitation.role, invitation.invited_by) == (
        BOB,
        OrgRole.ADMIN,
        sandbox.DEFAULT_USER_ID,
    )
    assert invitation.expires_at == "2026-01-08T00:00:00.000Z"
    assert invitation.token is not None
    assert invitation.token.get_secret_value() not in repr(invitation)
    assert [i.id for i in await mode.collect(owner.invitations.list())] == [invitation.id]
    with pytest.raises(ConflictError):
        await mode(owner.invitations.send(email=BOB.upper(), role="member"))

    anonymous = make_client(mode, sandbox, token=None, org_id=None)
    found = await mode(anonymous.invitations.lookup(invitation.token))
    assert (found.id, found.email) == (invitation.id, BOB)
    assert sandbox.requests[-1].header("authorization") is None
    with pytest.raises(NotFoundError):
        await mode(anonymous.invitations.lookup("no-such-token"))

    bob = sign_in(mode, sandbox, BOB)
    pending = await mode.collect(bob.invitations.list_pending())
    assert [i.id for i in pending] == [invitation.id]
    assert not sent_org_header(sandbox)

    membership = await mode(bob.invitations.accept(token=invitation.token, display_name="Bob"))
    assert isinstance(membership, Membership)
    assert (membership.org_id, membership.role) == (sandbox.DEFAULT_ORG_ID, OrgRole.ADMIN)
    assert await mode.collect(bob.invitations.list_pending()) == []
    with pytest.raises(InvalidTransitionError):
        await mode(bob.invitations.accept(token=invitation.token))
    with pytest.raises(InvalidTransitionError):
        await mode(owner.invitations.revoke(invitation.id))

    members = await mode.collect(owner.members.list())
    assert [(m.email, m.display_name, m.role) for m in members] == [
        (sandbox.DEFAULT_EMAIL, "Sandbox Owner", OrgRole.OWNER),
        (BOB, "Bob", OrgRole.ADMIN),
    ]
    accepted = (await mode.collect(owner.invitations.list()))[0]
    assert accepted.accepted_at is not None


async def test_invitation_decline_resend_revoke_and_expiry(
    mode: Mode, sandbox: PharusSandbox, clock: Clock
) -> None:
    owner = make_client(mode, sandbox)
    bob = sign_in(mode, sandbox, BOB)
    eve = sign_in(mode, sandbox, "eve@example.com")

    first = await mode(owner.invitations.send(email=BOB, role="member"))
    with pytest.raises(NotFoundError):
        await mode(eve.invitations.decline(first.id))
    with pytest.raises(PermissionDeniedError):
        await mode(eve.invitations.accept(token=first.token))
    assert await mode(bob.invitations.decline(first.id)) == DeclinedInvitation(ok=True)
    with pytest.raises(InvalidTransitionError):
        await mode(owner.invitations.resend(first.id))

    second = await mode(owner.invitations.send(email=BOB, role="viewer"))
    clock.advance(8 * 86400)
    with pytest.raises(InvalidTransitionError):
        await mode(bob.invitations.accept(token=second.token))
    assert await mode.collect(bob.invitations.list_pending()) == []
    resent = await mode(owner.invitations.resend(second.id, inviter_display_name="Owner"))
    assert resent.expires_at == "2026-01-16T00:00:00.000Z"
    assert [i.id for i in await mode.collect(bob.invitations.list_pending())] == [second.id]

    assert await mode(owner.invitations.revoke(second.id)) == Deleted(deleted_id=second.id)
    anonymous = make_client(mode, sandbox, token=None, org_id=None)
    revoked = await mode(anonymous.invitations.lookup(SecretStr(second.token.get_secret_value())))
    assert revoked.revoked_at == "2026-01-09T00:00:00.000Z"
    with pytest.raises(InvalidTransitionError):
        await mode(bob.invitations.accept(token=second.token))


async def test_invitation_fields_are_checked_before_sending(
    mode: Mode, sandbox: PharusSandbox
) -> None:
    client = make_client(mode, sandbox)
    with pytest.raises(InvalidRequestError) as caught:
        await mode(client.invitations.send(email="bob", role="boss"))
    assert set(caught.value.field_errors) == {"email", "role"}
    with pytest.raises(InvalidRequestError):
        await mode(client.invitations.accept(token=""))
    with pytest.raises(InvalidRequestError):
        await mode(client.invitations.decline(""))
    with pytest.raises(InvalidRequestError):
        await mode(client.invitations.lookup(""))
    assert sandbox.requests == []


# -- roles ---------------------------------------------------------------------------------------
async def test_roles_gate_member_and_invitation_management(
    mode: Mode, sandbox: PharusSandbox
) -> None:
    owner = make_client(mode, sandbox)
    member = sign_in(mode, sandbox, "mia@example.com", "member")
    admin = sign_in(mode, sandbox, "adam@example.com", "admin")
    ids = {m.email: m.user_id for m in await mode.collect(owner.members.list())}

    with pytest.raises(PermissionDeniedError):
        await mode(member.invitations.send(email=BOB, role="member"))
    with pytest.raises(PermissionDeniedError):
        await mode(member.members.update(ids["adam@example.com"], role="viewer"))
    with pytest.raises(PermissionDeniedError):
        await mode(admin.invitations.send(email=BOB, role="owner"))
    with pytest.raises(PermissionDeniedError):
        await mode(admin.members.update(ids["mia@example.com"], role="owner"))
    with pytest.raises(PermissionDeniedError):
        await mode(admin.members.remove(ids[sandbox.DEFAULT_EMAIL]))
    with pytest.raises(PermissionDeniedError):
        await mode(admin.organizations.delete_current())
    with pytest.raises(ConflictError):
        await mode(owner.members.update(sandbox.DEFAULT_USER_ID, role="admin"))

    promoted = await mode(admin.members.update(ids["mia@example.com"], role="admin"))
    assert (promoted.user_id, promoted.role) == (ids["mia@example.com"], OrgRole.ADMIN)
    mia = ids["mia@example.com"]
    membership_id = sandbox.memberships[(sandbox.DEFAULT_ORG_ID, mia)]["id"]
    assert await mode(admin.members.remove(mia)) == Deleted(deleted_id=membership_id)
    with pytest.raises(PermissionDeniedError):
        await mode.collect(member.members.list())
    with pytest.raises(NotFoundError):
        await mode(admin.members.remove(mia))
    with pytest.raises(InvalidRequestError):
        await mode(admin.members.update(mia, role="boss"))


async def test_a_viewer_can_leave_but_the_only_owner_cannot(
    mode: Mode, sandbox: PharusSandbox
) -> None:
    owner = make_client(mode, sandbox)
    viewer = sign_in(mode, sandbox, "vic@example.com", "viewer")
    assert len(await mode.collect(viewer.members.list())) == 2
    assert await mode(viewer.organizations.leave()) == LeftOrganization(deleted_org=False)
    with pytest.raises(PermissionDeniedError):
        await mode(viewer.organizations.retrieve_current())

    sign_in(mode, sandbox, "max@example.com", "member")
    with pytest.raises(ConflictError):
        await mode(owner.organizations.leave())


# -- organizations -------------------------------------------------------------------------------
async def test_organization_flow_create_update_purge(mode: Mode, sandbox: PharusSandbox) -> None:
    client = make_client(mode, sandbox)
    created = await mode(client.organizations.create(name="Brew Co", slug="brew-co"))
    assert isinstance(created, CreatedOrganization)
    assert not sent_org_header(sandbox)
    org_id = created.organization.id
    assert (created.organization.slug, created.membership.role) == ("brew-co", OrgRole.OWNER)
    assert created.membership.user_id == sandbox.DEFAULT_USER_ID
    with pytest.raises(ConflictError):
        await mode(client.organizations.create(name="Copy", slug="brew-co"))

    brew = make_client(mode, sandbox, org_id=org_id)
    assert sandbox.requests[-1].header("x-org-id") != org_id
    changed = await mode(
        brew.organizations.update_current(name="Brew Company", legal_name="Brew LLC", country="US")
    )
    assert isinstance(changed, OrganizationDetail)
    assert sandbox.requests[-1].header("x-org-id") == org_id
    assert (changed.organization.name, changed.organization.slug) == ("Brew Company", "brew-co")
    assert (changed.settings.legal_name, changed.settings.country) == ("Brew LLC", "US")
    again = await mode(brew.organizations.retrieve_current())
    assert again == changed
    with pytest.raises(ConflictError):
        await mode(brew.organizations.update_current(slug="sandbox"))

    vendor = await mode(brew.vendors.create(name="Acme"))
    token = await mode(client.api_tokens.create(name="brew", org_id=org_id))
    assert await mode(brew.organizations.delete_current()) == Deleted(deleted_id=org_id)
    assert vendor.id not in sandbox.table("vendors")
    assert token.plaintext.get_secret_value() not in sandbox.tokens
    with pytest.raises(PermissionDeniedError):
        await mode(brew.organizations.retrieve_current())
    profile = await mode(client.users.retrieve_me())
    assert [o.id for o in profile.organizations] == [sandbox.DEFAULT_ORG_ID]


async def test_the_last_member_leaving_deletes_the_organization(
    mode: Mode, sandbox: PharusSandbox
) -> None:
    client = make_client(mode, sandbox)
    created = await mode(client.organizations.create(name="Solo", slug="solo"))
    solo = make_client(mode, sandbox, org_id=created.organization.id)
    assert await mode(solo.organizations.leave()) == LeftOrganization(deleted_org=True)
    assert created.organization.id not in sandbox.orgs


async def test_organization_fields_are_checked_before_sending(
    mode: Mode, sandbox: PharusSandbox
) -> None:
    client = make_client(mode, sandbox)
    with pytest.raises(InvalidRequestError) as caught:
        await mode(client.organizations.create(name="", slug="Brew Co"))
    assert set(caught.value.field_errors) == {"name", "slug"}
    with pytest.raises(InvalidRequestError):
        await mode(client.organizations.create(name="x", slug="-x"))
    with pytest.raises(InvalidRequestError):
        await mode(client.organizations.update_current(timezone="UTC"))
    assert sandbox.requests == []


async def test_org_routes_need_an_org_and_user_routes_do_not(
    mode: Mode, sandbox: PharusSandbox
) -> None:
    client = make_client(mode, sandbox, org_id=None)
    with pytest.raises(InvalidRequestError):
        await mode(client.members.list())
    assert sandbox.requests == []
    assert (await mode(client.users.retrieve_me())).user.id == sandbox.DEFAULT_USER_ID
    assert await mode.collect(client.invitations.list_pending()) == []
