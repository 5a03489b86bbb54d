"""Pharus rows of the Platform section: the signed-in user, personal access tokens,
invitations, organizations and members (pharus-routes.md #140-162, document order).

Every method and path is inferred (the document lost them). Routes of the signed-in user
carry no ``X-Org-Id`` (``NO_ORG``, C6): #140-145, #147, #149-151; #144 names its
organization in the body. #148 (look up an invitation by its token) is public (C7).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..._core.lazy import LazyTypes
from ..._core.operations import IdKind, Operation
from .common import BOUNDED, NO_ORG, PUBLIC

if TYPE_CHECKING:
    from .. import _inputs as i
    from .. import _models as m
    from .._models.common import Deleted
else:  # named by reference: imported when a call first needs them (lazy.py)
    i = LazyTypes("supplychain_sdk.pharus._inputs")
    m = LazyTypes("supplychain_sdk.pharus._models")
    Deleted = LazyTypes("supplychain_sdk.pharus._models.common").Deleted

__all__ = ["ROWS"]

USERS_CREATE = Operation[m.User](
    name="users.create",
    method="POST",
    path="/api/users",
    summary="Create user",
    body=i.UserCreateFields,
    answer=m.User,
    inferred=True,
    flags=NO_ORG,
)
USERS_RETRIEVE_ME = Operation[m.UserProfile](
    name="users.retrieve_me",
    method="GET",
    path="/api/users/me",
    summary="Get user",
    answer=m.UserProfile,
    inferred=True,
    flags=NO_ORG,
)
USERS_UPDATE_ME = Operation[m.User](
    name="users.update_me",
    method="PATCH",
    path="/api/users/me",
    summary="Update user",
    body=i.UserUpdateFields,
    answer=m.User,
    inferred=True,
    flags=NO_ORG,
)
USERS_DELETE_ME = Operation[Deleted](
    name="users.delete_me",
    method="DELETE",
    path="/api/users/me",
    summary="Delete user",
    answer=Deleted,
    inferred=True,
    flags=NO_ORG,
)
API_TOKENS_CREATE = Operation[m.CreatedApiToken](
    name="api_tokens.create",
    method="POST",
    path="/api/api-tokens",
    summary="Create API token (PAT)",
    body=i.ApiTokenCreateFields,
    answer=m.CreatedApiToken,
    inferred=True,
    flags=NO_ORG,
)
API_TOKENS_LIST = Operation[m.ApiToken](
    name="api_tokens.list",
    method="GET",
    path="/api/api-tokens",
    summary="List my API tokens",
    answer=m.ApiToken,
    paging=BOUNDED,
    inferred=True,
    flags=NO_ORG,
)
API_TOKENS_REVOKE = Operation[Deleted | m.ApiToken](
    name="api_tokens.revoke",
    method="DELETE",
    path="/api/api-tokens/{token_id}",
    summary="Revoke API token",
    ids={"token_id": IdKind.UUID},
    answer=Deleted | m.ApiToken,
    inferred=True,
)
INVITATIONS_LIST_PENDING = Operation[m.Invitation](
    name="invitations.list_pending",
    method="GET",
    path="/api/invitations/pending",
    summary="List my pending invitations",
    answer=m.Invitation,
    paging=BOUNDED,
    inferred=True,
    flags=NO_ORG,
)
INVITATIONS_LOOKUP = Operation[m.Invitation](
    name="invitations.lookup",
    method="GET",
    path="/api/invitations/by-token/{token}",
    summary="Look up invitation by token (public)",
    ids={"token": IdKind.SECRET},
    answer=m.Invitation,
    envelope="invitation",
    inferred=True,
    flags=PUBLIC,
)
INVITATIONS_ACCEPT = Operation[m.Membership](
    name="invitations.accept",
    method="POST",
    path="/api/invitations/accept",
    summary="Accept invitation",
    body=i.InvitationAcceptFields,
    answer=m.Membership,
    inferred=True,
    flags=NO_ORG,
)
INVITATIONS_DECLINE = Operation[m.DeclinedInvitation](
    name="invitations.decline",
    method="POST",
    path="/api/invitations/decline",
    summary="Decline invitation",
    body=i.InvitationDeclineFields,
    answer=m.DeclinedInvitation,
    inferred=True,
    flags=NO_ORG,
)
ORGANIZATIONS_CREATE = Operation[m.CreatedOrganization](
    name="organizations.create",
    method="POST",
    path="/api/organizations",
    summary="Create organization",
    body=i.OrganizationCreateFields,
    answer=m.CreatedOrganization,
    inferred=True,
    flags=NO_ORG,
)
ORGANIZATIONS_RETRIEVE_CURRENT = Operation[m.OrganizationDetail](
    name="organizations.retrieve_current",
    method="GET",
    path="/api/organizations/current",
    summary="Get current organization",
    answer=m.OrganizationDetail,
    inferred=True,
)
ORGANIZATIONS_UPDATE_CURRENT = Operation[m.OrganizationDetail](
    name="organizations.update_current",
    method="PATCH",
    path="/api/organizations/current",
    summary="Update current organization",
    body=i.OrganizationUpdateFields,
    answer=m.OrganizationDetail,
    inferred=True,
)
ORGANIZATIONS_DELETE_CURRENT = Operation[Deleted](
    name="organizations.delete_current",
    method="DELETE",
    path="/api/organizations/current",
    summary="Delete current organization (purge)",
    answer=Deleted,
    inferred=True,
)
MEMBERS_LIST = Operation[m.OrganizationMember](
    name="members.list",
    method="GET",
    path="/api/organizations/current/members",
    summary="List organization members",
    answer=m.OrganizationMember,
    paging=BOUNDED,
    inferred=True,
)
MEMBERS_UPDATE = Operation[m.Membership](
    name="members.update",
    method="PATCH",
    path="/api/organizations/current/members/{user_id}",
    summary="Update user role",
    ids={"user_id": IdKind.UUID},
    body=i.MemberUpdateFields,
    answer=m.Membership,
    inferred=True,
)
MEMBERS_REMOVE = Operation[Deleted | m.Membership](
    name="members.remove",
    method="DELETE",
    path="/api/organizations/current/members/{user_id}",
    summary="Remove user from org",
    ids={"user_id": IdKind.UUID},
    answer=Deleted | m.Membership,
    inferred=True,
)
ORGANIZATIONS_LEAVE = Operation[m.LeftOrganization](
    name="organizations.leave",
    method="POST",
    path="/api/organizations/current/leave",
    summary="Leave organization",
    answer=m.LeftOrganization,
    inferred=True,
)
INVITATIONS_SEND = Operation[m.Invitation](
    name="invitations.send",
    method="POST",
    path="/api/invitations",
    summary="Send invitation",
    body=i.InvitationSendFields,
    answer=m.Invitation,
    inferred=True,
)
INVITATIONS_LIST = Operation[m.Invitation](
    name="invitations.list",
    method="GET",
    path="/api/invitations",
    summary="List organization invitations",
    answer=m.Invitation,
    paging=BOUNDED,
    inferred=True,
)
INVITATIONS_RESEND = Operation[m.Invitation](
    name="invitations.resend",
    method="POST",
    path="/api/invitations/{invitation_id}/resend",
    summary="Resend invitation",
    ids={"invitation_id": IdKind.UUID},
    body=i.InvitationResendFields,
    answer=m.Invitation,
    inferred=True,
)
INVITATIONS_REVOKE = Operation[Deleted | m.Invitation](
    name="invitations.revoke",
    method="DELETE",
    path="/api/invitations/{invitation_id}",
    summary="Revoke invitation",
    ids={"invitation_id": IdKind.UUID},
    answer=Deleted | m.Invitation,
    inferred=True,
)

ROWS: tuple[Operation[Any], ...] = (
    USERS_CREATE,
    USERS_RETRIEVE_ME,
    USERS_UPDATE_ME,
    USERS_DELETE_ME,
    API_TOKENS_CREATE,
    API_TOKENS_LIST,
    API_TOKENS_REVOKE,
    INVITATIONS_LIST_PENDING,
    INVITATIONS_LOOKUP,
    INVITATIONS_ACCEPT,
    INVITATIONS_DECLINE,
    ORGANIZATIONS_CREATE,
    ORGANIZATIONS_RETRIEVE_CURRENT,
    ORGANIZATIONS_UPDATE_CURRENT,
    ORGANIZATIONS_DELETE_CURRENT,
    MEMBERS_LIST,
    MEMBERS_UPDATE,
    MEMBERS_REMOVE,
    ORGANIZATIONS_LEAVE,
    INVITATIONS_SEND,
    INVITATIONS_LIST,
    INVITATIONS_RESEND,
    INVITATIONS_REVOKE,
)
