"""Pharus request fields of the Platform section: the signed-in user, personal access
tokens, invitations, organizations and their members (pharus-routes.md #140-162)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, PlainValidator, SecretStr
from typing_extensions import Required, TypedDict

from ..._core.operations import api_fields
from .._models.accounts import OrgRole
from .common import UuidStr, known_enum

__all__ = [
    "ApiTokenCreateFields",
    "InvitationAcceptFields",
    "InvitationDeclineFields",
    "InvitationResendFields",
    "InvitationSendFields",
    "MemberUpdateFields",
    "OrganizationCreateFields",
    "OrganizationUpdateFields",
    "SecretText",
    "UserCreateFields",
    "UserUpdateFields",
]

#: An e-mail address (the document's ``format=email``), checked loosely: one ``@``, a dot
#: in the domain, no spaces.
Email = Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=320)]
Role = Annotated[OrgRole | str, known_enum(OrgRole)]


def _revealed(value: object) -> str:
    if isinstance(value, SecretStr):
        value = value.get_secret_value()
    if not isinstance(value, str) or not value:
        raise ValueError("must be a non-empty string (or a SecretStr holding one)")
    return value


#: A secret sent as text: a `str`, or a `SecretStr` as the answers hold it.
SecretText = Annotated[str | SecretStr, PlainValidator(_revealed)]


def reveal(secret: str | SecretStr) -> str:
    """The text of a secret given as a `str` or a `SecretStr` (for a path id)."""
    return secret.get_secret_value() if isinstance(secret, SecretStr) else secret


@api_fields
class UserCreateFields(TypedDict, total=False):
    """The user record of the signed-in identity (#140)."""

    email: Required[Email]
    display_name: str | None


@api_fields
class UserUpdateFields(TypedDict, total=False):
    """Fields to change on the signed-in user (#142)."""

    display_name: str | None


@api_fields
class ApiTokenCreateFields(TypedDict, total=False):
    """A new personal access token (#144): its name, organization and lifetime.

    ``expires_in_days=None`` presumably never expires (the document does not say).
    """

    name: Required[Annotated[str, Field(min_length=1, max_length=255)]]
    org_id: Required[UuidStr]
    expires_in_days: Annotated[int, Field(ge=1, le=3650)] | None


@api_fields
class InvitationAcceptFields(TypedDict, total=False):
    """Accept an invitation by its token (#149); ``display_name`` names the new member."""

    token: Required[SecretText]
    display_name: str | None


@api_fields
class InvitationDeclineFields(TypedDict, total=False):
    """Decline an invitation by its id (#150; a plain string in the document)."""

    invitation_id: Required[Annotated[str, Field(min_length=1)]]


@api_fields
class OrganizationCreateFields(TypedDict, total=False):
    """A new organization (#151): ``slug`` is lowercase letters, digits and inner dashes."""

    name: Required[Annotated[str, Field(min_length=1, max_length=255)]]
    slug: Required[Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*[a-z0-9]$")]]


@api_fields
class OrganizationUpdateFields(TypedDict, total=False):
    """Fields to change on the current organization and its settings (#153).

    The document constrains none of them here (not even ``slug``, unlike #151).
    """

    name: str
    slug: str
    legal_name: str | None
    address: str | None
    city: str | None
    state: str | None
    country: str | None
    zip_code: str | None
    logo_url: str | None
    contact_email: str | None
    contact_phone: str | None


@api_fields
class MemberUpdateFields(TypedDict, total=False):
    """A member's new role (#156)."""

    role: Required[Role]


@api_fields
class InvitationSendFields(TypedDict, total=False):
    """An invitation to join the current organization (#159)."""

    email: Required[Email]
    role: Required[Role]
    inviter_display_name: str


@api_fields
class InvitationResendFields(TypedDict, total=False):
    """Resend an invitation (#161), optionally naming the inviter again."""

    inviter_display_name: str
