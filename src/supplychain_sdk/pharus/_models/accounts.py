"""Pharus answer models of the Platform section: users, personal access tokens, invitations,
organizations and memberships (pharus-routes.md §2b; many shapes are collapsed in the
document and modelled from what the request bodies hint at, unknown fields kept).

Secrets are `SecretStr`: a new token's ``plaintext`` and an invitation's ``token`` never
show in a repr or a log line; read them with ``.get_secret_value()``.
"""

from pydantic import Field, SecretStr

from ..._core.models import APIModel, OpenEnum

__all__ = [
    "ApiToken",
    "CreatedApiToken",
    "CreatedOrganization",
    "DeclinedInvitation",
    "Invitation",
    "LeftOrganization",
    "Membership",
    "OrgRole",
    "Organization",
    "OrganizationDetail",
    "OrganizationMember",
    "OrganizationSettings",
    "User",
    "UserProfile",
]


class OrgRole(OpenEnum):
    """A member's role in an organization, least to most privileged: ``viewer`` (reads),
    ``member``, ``admin``, ``owner``."""

    OWNER = "owner"
    ADMIN = "admin"
    MEMBER = "member"
    VIEWER = "viewer"


class User(APIModel):
    """A Pharus user (one per sign-in identity; not scoped to an organization)."""

    id: str
    firebase_uid: str | None = None
    email: str | None = None
    display_name: str | None = None
    is_active: bool | None = None
    last_login_at: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


class Organization(APIModel):
    """An organization (tenant); the document collapses its shape."""

    id: str
    name: str | None = None
    slug: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


class OrganizationSettings(APIModel):
    """An organization's settings, as the update body hints (the shape is collapsed)."""

    legal_name: str | None = None
    address: str | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    zip_code: str | None = None
    logo_url: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None


class OrganizationDetail(APIModel):
    """The current organization and its settings (#152, #153)."""

    organization: Organization
    settings: OrganizationSettings = Field(default_factory=OrganizationSettings)


class UserProfile(APIModel):
    """The signed-in user and the organizations they belong to (#141)."""

    user: User
    organizations: list[Organization] = Field(default_factory=list)


class Membership(APIModel):
    """A user's membership of an organization, with their role."""

    id: str
    user_id: str | None = None
    org_id: str | None = None
    role: OrgRole | None = None
    is_active: bool | None = None
    joined_at: str | None = None
    last_active_at: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


class OrganizationMember(Membership):
    """A member in the organization's member list (#155): a membership, possibly joined
    with the user's ``email`` and ``display_name`` (the document collapses the shape)."""

    email: str | None = None
    display_name: str | None = None


class CreatedOrganization(APIModel):
    """A new organization and the caller's (owner) membership of it (#151)."""

    organization: Organization
    membership: Membership


class LeftOrganization(APIModel):
    """The answer of leaving an organization (#158): ``deleted_org`` is presumably true when
    the last member left and the organization went with them."""

    deleted_org: bool


class ApiToken(APIModel):
    """A personal access token's record (never its secret; the shape is collapsed)."""

    id: str
    name: str | None = None
    org_id: str | None = None
    user_id: str | None = None
    expires_at: str | None = None
    last_used_at: str | None = None
    revoked_at: str | None = None
    created_at: str | None = None


class CreatedApiToken(APIModel):
    """A new personal access token (#144).

    ``plaintext`` is the secret to send as ``Authorization: Bearer``: the API returns it
    **once**, here, and never again; store it now (``plaintext.get_secret_value()``).
    ``repr``, ``to_dict`` and ``to_json`` show it masked.
    """

    token: ApiToken
    plaintext: SecretStr


class Invitation(APIModel):
    """An invitation to join an organization with a role.

    ``token`` is the secret the invitee accepts with (``invitations.accept``); the API
    returns it to the inviter. Status is read from ``accepted_at``/``revoked_at``/
    ``expires_at`` (there is no declined timestamp).
    """

    id: str
    org_id: str | None = None
    invited_by: str | None = None
    email: str | None = None
    role: OrgRole | None = None
    token: SecretStr | None = None
    expires_at: str | None = None
    accepted_at: str | None = None
    revoked_at: str | None = None
    created_at: str | None = None


class DeclinedInvitation(APIModel):
    """The answer of declining an invitation (#150): ``{"ok": true}``."""

    ok: bool
