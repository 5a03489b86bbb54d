"""Exact-request cases of the Pharus Platform rows (#140-162): the signed-in user, API
tokens, invitations, organizations and members. User-scoped rows send no ``X-Org-Id``
(test_routes adds that check from the row's flags)."""

from __future__ import annotations

from typing import Any

from pydantic import SecretStr

from supplychain_sdk.pharus import (
    ApiToken,
    CreatedApiToken,
    CreatedOrganization,
    DeclinedInvitation,
    Deleted,
    Invitation,
    LeftOrganization,
    Membership,
    Organization,
    OrganizationDetail,
    OrganizationMember,
    OrgRole,
    User,
    UserProfile,
)
from tests.routes import Case

from .conftest import ID, ORG

OTHER = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
STAMP = "2026-01-01T00:00:00Z"
SECRET = "pat_s3cr3t-value"
INVITE_TOKEN = "inv-tok/with space"

USER = {
    "id": ID,
    "firebaseUid": "fb-1",
    "email": "ana@example.com",
    "displayName": "Ana",
    "isActive": True,
    "lastLoginAt": STAMP,
    "createdAt": STAMP,
    "updatedAt": STAMP,
}
ORGANIZATION = {"id": ORG, "name": "Acme", "slug": "acme", "createdAt": STAMP, "updatedAt": STAMP}
SETTINGS = {"legalName": "Acme LLC", "country": "US", "logoUrl": None}
MEMBERSHIP = {
    "id": OTHER,
    "userId": ID,
    "orgId": ORG,
    "role": "admin",
    "isActive": True,
    "joinedAt": STAMP,
    "lastActiveAt": STAMP,
    "createdAt": STAMP,
    "updatedAt": STAMP,
}
TOKEN_RECORD = {
    "id": ID,
    "name": "ci",
    "orgId": ORG,
    "expiresAt": None,
    "revokedAt": None,
    "createdAt": STAMP,
}
INVITATION = {
    "id": ID,
    "orgId": ORG,
    "invitedBy": OTHER,
    "email": "bob@example.com",
    "role": "member",
    "token": "inv-secret",
    "expiresAt": "2026-01-08T00:00:00Z",
    "acceptedAt": None,
    "revokedAt": None,
    "createdAt": STAMP,
}
DELETED = {"deletedId": ID}


def _deleted(result: Any) -> None:
    assert result == Deleted(deleted_id=ID)


def _user(result: Any) -> None:
    assert isinstance(result, User)
    assert (result.id, result.email, result.display_name) == (ID, "ana@example.com", "Ana")


def _profile(result: Any) -> None:
    assert isinstance(result, UserProfile)
    assert result.user.email == "ana@example.com"
    assert result.organizations == [Organization.model_validate({**ORGANIZATION, "role": "owner"})]
    assert result.organizations[0].model_extra == {"role": "owner"}


def _created_token(result: Any) -> None:
    assert isinstance(result, CreatedApiToken)
    assert isinstance(result.token, ApiToken)
    assert result.token.name == "ci"
    assert result.plaintext.get_secret_value() == SECRET
    assert SECRET not in repr(result)
    assert SECRET not in str(result)


def _tokens(result: Any) -> None:
    assert [type(t) for t in result] == [ApiToken]
    assert result[0].org_id == ORG


def _revoked_token(result: Any) -> None:
    assert isinstance(result, ApiToken)
    assert result.revoked_at == STAMP


def _invitation(result: Any) -> None:
    assert isinstance(result, Invitation)
    assert (result.email, result.role, result.invited_by) == (
        "bob@example.com",
        OrgRole.MEMBER,
        OTHER,
    )
    assert result.token is not None
    assert result.token.get_secret_value() == "inv-secret"
    assert "inv-secret" not in repr(result)


def _invitations(result: Any) -> None:
    assert [type(x) for x in result] == [Invitation]
    assert result[0].expires_at == "2026-01-08T00:00:00Z"


def _membership(result: Any) -> None:
    assert isinstance(result, Membership)
    assert (result.user_id, result.org_id, result.role) == (ID, ORG, OrgRole.ADMIN)


def _declined(result: Any) -> None:
    assert result == DeclinedInvitation(ok=True)


def _created_org(result: Any) -> None:
    assert isinstance(result, CreatedOrganization)
    assert (result.organization.id, result.organization.slug) == (ORG, "acme")
    assert result.membership.role == OrgRole.ADMIN


def _org_detail(result: Any) -> None:
    assert isinstance(result, OrganizationDetail)
    assert result.organization.name == "Acme"
    assert (result.settings.legal_name, result.settings.country) == ("Acme LLC", "US")


def _members(result: Any) -> None:
    assert [type(x) for x in result] == [OrganizationMember]
    assert (result[0].email, result[0].role) == ("ana@example.com", OrgRole.ADMIN)


def _removed_member(result: Any) -> None:
    assert result == Deleted(deleted_id=OTHER)


def _left(result: Any) -> None:
    assert result == LeftOrganization(deleted_org=False)


CASES: dict[str, Case] = {
    # -- the signed-in user (no X-Org-Id) ----------------------------------------------------
    "users.create": Case(
        call=lambda c: c.users.create(email="ana@example.com", display_name="Ana"),
        method="POST",
        path="/api/users",
        json={"email": "ana@example.com", "displayName": "Ana"},
        answer=USER,
        check=_user,
    ),
    "users.retrieve_me": Case(
        call=lambda c: c.users.retrieve_me(),
        method="GET",
        path="/api/users/me",
        answer={"user": USER, "organizations": [{**ORGANIZATION, "role": "owner"}]},
        check=_profile,
    ),
    "users.update_me": Case(
        call=lambda c: c.users.update_me(display_name=None),
        method="PATCH",
        path="/api/users/me",
        json={"displayName": None},
        answer=USER,
        check=_user,
    ),
    "users.delete_me": Case(
        call=lambda c: c.users.delete_me(),
        method="DELETE",
        path="/api/users/me",
        answer=DELETED,
        check=_deleted,
    ),
    # -- API tokens --------------------------------------------------------------------------
    "api_tokens.create": Case(
        call=lambda c: c.api_tokens.create(name="ci", org_id=ORG, expires_in_days=None),
        method="POST",
        path="/api/api-tokens",
        json={"name": "ci", "orgId": ORG, "expiresInDays": None},
        answer={"token": TOKEN_RECORD, "plaintext": SECRET},
        check=_created_token,
    ),
    "api_tokens.list": Case(
        call=lambda c: c.api_tokens.list(),
        method="GET",
        path="/api/api-tokens",
        answer={"data": [TOKEN_RECORD]},
        check=_tokens,
    ),
    "api_tokens.revoke": Case(
        call=lambda c: c.api_tokens.revoke(ID),
        method="DELETE",
        path=f"/api/api-tokens/{ID}",
        answer={**TOKEN_RECORD, "revokedAt": STAMP},
        check=_revoked_token,
    ),
    # -- the invitee's side --------------------------------------------------------------------
    "invitations.list_pending": Case(
        call=lambda c: c.invitations.list_pending(),
        method="GET",
        path="/api/invitations/pending",
        answer={"data": [INVITATION]},
        check=_invitations,
    ),
    "invitations.lookup": Case(
        call=lambda c: c.invitations.lookup(SecretStr(INVITE_TOKEN)),
        method="GET",
        path="/api/invitations/by-token/inv-tok%2Fwith%20space",
        answer={"invitation": INVITATION},
        check=_invitation,
    ),
    "invitations.accept": Case(
        call=lambda c: c.invitations.accept(token=SecretStr("inv-secret"), display_name="Bob"),
        method="POST",
        path="/api/invitations/accept",
        json={"token": "inv-secret", "displayName": "Bob"},
        answer=MEMBERSHIP,
        check=_membership,
    ),
    "invitations.decline": Case(
        call=lambda c: c.invitations.decline(ID),
        method="POST",
        path="/api/invitations/decline",
        json={"invitationId": ID},
        answer={"ok": True},
        check=_declined,
    ),
    # -- organizations -------------------------------------------------------------------------
    "organizations.create": Case(
        call=lambda c: c.organizations.create(name="Acme", slug="acme"),
        method="POST",
        path="/api/organizations",
        json={"name": "Acme", "slug": "acme"},
        answer={"organization": ORGANIZATION, "membership": MEMBERSHIP},
        check=_created_org,
    ),
    "organizations.retrieve_current": Case(
        call=lambda c: c.organizations.retrieve_current(),
        method="GET",
        path="/api/organizations/current",
        answer={"organization": ORGANIZATION, "settings": SETTINGS},
        check=_org_detail,
    ),
    "organizations.update_current": Case(
        call=lambda c: c.organizations.update_current(
            legal_name="Acme LLC", country="US", logo_url=None
        ),
        method="PATCH",
        path="/api/organizations/current",
        json={"legalName": "Acme LLC", "country": "US", "logoUrl": None},
        answer={"organization": ORGANIZATION, "settings": SETTINGS},
        check=_org_detail,
    ),
    "organizations.delete_current": Case(
        call=lambda c: c.organizations.delete_current(),
        method="DELETE",
        path="/api/organizations/current",
        answer=DELETED,
        check=_deleted,
    ),
    # -- members -------------------------------------------------------------------------------
    "members.list": Case(
        call=lambda c: c.members.list(),
        method="GET",
        path="/api/organizations/current/members",
        answer={"data": [{**MEMBERSHIP, "email": "ana@example.com", "displayName": "Ana"}]},
        check=_members,
    ),
    "members.update": Case(
        call=lambda c: c.members.update(ID, role=OrgRole.ADMIN),
        method="PATCH",
        path=f"/api/organizations/current/members/{ID}",
        json={"role": "admin"},
        answer=MEMBERSHIP,
        check=_membership,
    ),
    "members.remove": Case(
        call=lambda c: c.members.remove(ID),
        method="DELETE",
        path=f"/api/organizations/current/members/{ID}",
        answer={"deletedId": OTHER},
        check=_removed_member,
    ),
    "organizations.leave": Case(
        call=lambda c: c.organizations.leave(),
        method="POST",
        path="/api/organizations/current/leave",
        answer={"deletedOrg": False},
        check=_left,
    ),
    # -- the inviter's side --------------------------------------------------------------------
    "invitations.send": Case(
        call=lambda c: c.invitations.send(
            email="bob@example.com", role="member", inviter_display_name="Ana"
        ),
        method="POST",
        path="/api/invitations",
        json={"email": "bob@example.com", "role": "member", "inviterDisplayName": "Ana"},
        answer=INVITATION,
        check=_invitation,
    ),
    "invitations.list": Case(
        call=lambda c: c.invitations.list(),
        method="GET",
        path="/api/invitations",
        answer={"data": [INVITATION]},
        check=_invitations,
    ),
    "invitations.resend": Case(
        call=lambda c: c.invitations.resend(ID, inviter_display_name="Ana"),
        method="POST",
        path=f"/api/invitations/{ID}/resend",
        json={"inviterDisplayName": "Ana"},
        answer=INVITATION,
        check=_invitation,
    ),
    "invitations.revoke": Case(
        call=lambda c: c.invitations.revoke(ID),
        method="DELETE",
        path=f"/api/invitations/{ID}",
        answer=DELETED,
        check=_deleted,
    ),
}
#: Public methods of this group that are composites (several rows, or none).
COMPOSITES: set[str] = set()
