"""Pharus resources of the Platform section: the signed-in user, personal access tokens,
invitations, organizations and members.

Routes of the signed-in user send no ``X-Org-Id`` (the document's C6): creating, reading,
changing and deleting the user, creating and listing tokens, the pending invitations,
accepting and declining one, creating an organization. Looking an invitation up by its
token is public. Everything else acts on the client's organization (``org_id``). Every
method and path is inferred from a document that lost them (``route_overrides`` corrects
one).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..._core._async.client import AsyncAPIClient
from ..._core._async.pager import AsyncPager
from ..._core.operations import uses
from .._routes import accounts as r
from .base import AsyncPharusResource

if TYPE_CHECKING:
    from pydantic import SecretStr
    from typing_extensions import Unpack

    from .._inputs import accounts as i
    from .._models import accounts as m
    from .._models.common import Deleted

__all__ = [
    "AsyncAccountsResources",
    "AsyncApiTokensResource",
    "AsyncInvitationsResource",
    "AsyncMembersResource",
    "AsyncOrganizationsResource",
    "AsyncUsersResource",
]


class AsyncUsersResource(AsyncPharusResource):
    """The signed-in user (no organization header)."""

    @uses(r.USERS_CREATE)
    async def create(self, **fields: Unpack[i.UserCreateFields]) -> m.User:
        """Create the user record of the signed-in identity (after its first sign-in).

        Inferred route: ``POST /api/users``.
        """
        return await self._client.run(r.USERS_CREATE, body=fields)

    @uses(r.USERS_RETRIEVE_ME)
    async def retrieve_me(self) -> m.UserProfile:
        """The signed-in user and the organizations they belong to.

        Inferred route: ``GET /api/users/me``.
        """
        return await self._client.run(r.USERS_RETRIEVE_ME)

    @uses(r.USERS_UPDATE_ME)
    async def update_me(self, **fields: Unpack[i.UserUpdateFields]) -> m.User:
        """Change the signed-in user's ``display_name``.

        Inferred route: ``PATCH /api/users/me``.
        """
        return await self._client.run(r.USERS_UPDATE_ME, body=fields)

    @uses(r.USERS_DELETE_ME)
    async def delete_me(self) -> Deleted:
        """Delete the signed-in user (the document's "Delete user" takes no id).

        Inferred route: ``DELETE /api/users/me``.
        """
        return await self._client.run(r.USERS_DELETE_ME)


class AsyncApiTokensResource(AsyncPharusResource):
    """Personal access tokens (PATs) of the signed-in user: a second bearer credential."""

    @uses(r.API_TOKENS_CREATE)
    async def create(self, **fields: Unpack[i.ApiTokenCreateFields]) -> m.CreatedApiToken:
        """Create a personal access token for ``org_id``.

        Inferred route: ``POST /api/api-tokens``.

        The secret comes back **once**, as ``plaintext`` (a `SecretStr`: read it with
        ``.get_secret_value()`` and store it now); later reads return the record only.
        Never retried (a retry could mint a second token).
        """
        return await self._client.run(r.API_TOKENS_CREATE, body=fields)

    @uses(r.API_TOKENS_LIST)
    def list(self, *, limit: int | None = None) -> AsyncPager[m.ApiToken]:
        """The signed-in user's tokens (records, never their secrets).

        Inferred route: ``GET /api/api-tokens``.

        Args:
            limit: the most tokens to return.
        """
        return self._client.page(r.API_TOKENS_LIST, limit=limit)

    @uses(r.API_TOKENS_REVOKE)
    async def revoke(self, token_id: str) -> Deleted | m.ApiToken:
        """Revoke a token: it stops working at once.

        Inferred route: ``DELETE /api/api-tokens/{token_id}``.

        Returns ``Deleted`` (the document's sample) or, if the API revokes softly, the
        token's record with ``revoked_at`` (check with ``isinstance``).
        """
        return await self._client.run(r.API_TOKENS_REVOKE, ids={"token_id": token_id})


class AsyncInvitationsResource(AsyncPharusResource):
    """Invitations to join an organization.

    The invitee's side (``list_pending``, ``accept``, ``decline``) is user-scoped, the
    lookup by token is public, and the inviter's side (``send``, ``list``, ``resend``,
    ``revoke``) acts on the client's organization.
    """

    @uses(r.INVITATIONS_LIST_PENDING)
    def list_pending(self, *, limit: int | None = None) -> AsyncPager[m.Invitation]:
        """The invitations waiting for the signed-in user, from any organization.

        Inferred route: ``GET /api/invitations/pending``.

        Args:
            limit: the most invitations to return.
        """
        return self._client.page(r.INVITATIONS_LIST_PENDING, limit=limit)

    @uses(r.INVITATIONS_LOOKUP)
    async def lookup(self, token: str | SecretStr) -> m.Invitation:
        """The invitation an invitation token belongs to (public: no sign-in needed).

        Inferred route: ``GET /api/invitations/by-token/{token}``.

        The answer's ``{"invitation": {...}}`` wrapper is unwrapped. ``token`` may be the
        `SecretStr` of an `Invitation`. The (inferred) route carries the token in its path,
        so it is part of the URL an error reports.
        """
        from .._inputs.accounts import reveal  # the request types load on first use

        return await self._client.run(r.INVITATIONS_LOOKUP, ids={"token": reveal(token)})

    @uses(r.INVITATIONS_ACCEPT)
    async def accept(self, **fields: Unpack[i.InvitationAcceptFields]) -> m.Membership:
        """Accept an invitation by its ``token``: the signed-in user joins its organization.

        Inferred route: ``POST /api/invitations/accept``.
        """
        return await self._client.run(r.INVITATIONS_ACCEPT, body=fields)

    @uses(r.INVITATIONS_DECLINE)
    async def decline(self, invitation_id: str) -> m.DeclinedInvitation:
        """Decline an invitation addressed to the signed-in user.

        Inferred route: ``POST /api/invitations/decline``.
        """
        return await self._client.run(r.INVITATIONS_DECLINE, body={"invitation_id": invitation_id})

    @uses(r.INVITATIONS_SEND)
    async def send(self, **fields: Unpack[i.InvitationSendFields]) -> m.Invitation:
        """Invite ``email`` to the client's organization with ``role``.

        Inferred route: ``POST /api/invitations``.

        The answer carries the invitation ``token`` (a `SecretStr`) for the invitee.
        """
        return await self._client.run(r.INVITATIONS_SEND, body=fields)

    @uses(r.INVITATIONS_LIST)
    def list(self, *, limit: int | None = None) -> AsyncPager[m.Invitation]:
        """The invitations of the client's organization.

        Inferred route: ``GET /api/invitations``.

        Args:
            limit: the most invitations to return.
        """
        return self._client.page(r.INVITATIONS_LIST, limit=limit)

    @uses(r.INVITATIONS_RESEND)
    async def resend(
        self, invitation_id: str, **fields: Unpack[i.InvitationResendFields]
    ) -> m.Invitation:
        """Send an invitation again (with a fresh expiry).

        Inferred route: ``POST /api/invitations/{invitation_id}/resend``.
        """
        return await self._client.run(
            r.INVITATIONS_RESEND, ids={"invitation_id": invitation_id}, body=fields
        )

    @uses(r.INVITATIONS_REVOKE)
    async def revoke(self, invitation_id: str) -> Deleted | m.Invitation:
        """Revoke an invitation: its token no longer works.

        Inferred route: ``DELETE /api/invitations/{invitation_id}``.

        Returns ``Deleted`` (the document's sample) or, if the API revokes softly, the
        invitation with ``revoked_at`` (check with ``isinstance``).
        """
        return await self._client.run(r.INVITATIONS_REVOKE, ids={"invitation_id": invitation_id})


class AsyncOrganizationsResource(AsyncPharusResource):
    """Organizations: create one (user-scoped), or read, change, delete or leave the
    client's current organization (``org_id``)."""

    @uses(r.ORGANIZATIONS_CREATE)
    async def create(self, **fields: Unpack[i.OrganizationCreateFields]) -> m.CreatedOrganization:
        """Create an organization; the signed-in user becomes its owner.

        Inferred route: ``POST /api/organizations``.

        Use ``client.for_org(result.organization.id)`` to work in it.
        """
        return await self._client.run(r.ORGANIZATIONS_CREATE, body=fields)

    @uses(r.ORGANIZATIONS_RETRIEVE_CURRENT)
    async def retrieve_current(self) -> m.OrganizationDetail:
        """The client's organization and its settings.

        Inferred route: ``GET /api/organizations/current``.
        """
        return await self._client.run(r.ORGANIZATIONS_RETRIEVE_CURRENT)

    @uses(r.ORGANIZATIONS_UPDATE_CURRENT)
    async def update_current(
        self, **fields: Unpack[i.OrganizationUpdateFields]
    ) -> m.OrganizationDetail:
        """Change the client's organization and its settings; only the fields given are
        sent.

        Inferred route: ``PATCH /api/organizations/current``.
        """
        return await self._client.run(r.ORGANIZATIONS_UPDATE_CURRENT, body=fields)

    @uses(r.ORGANIZATIONS_DELETE_CURRENT)
    async def delete_current(self) -> Deleted:
        """Purge the client's organization and everything in it (cannot be undone).

        Inferred route: ``DELETE /api/organizations/current``.
        """
        return await self._client.run(r.ORGANIZATIONS_DELETE_CURRENT)

    @uses(r.ORGANIZATIONS_LEAVE)
    async def leave(self) -> m.LeftOrganization:
        """Leave the client's organization.

        Inferred route: ``POST /api/organizations/current/leave``.

        ``deleted_org`` is presumably true when the last member left and the organization
        was deleted with them.
        """
        return await self._client.run(r.ORGANIZATIONS_LEAVE)


class AsyncMembersResource(AsyncPharusResource):
    """The members of the client's organization, by user id."""

    @uses(r.MEMBERS_LIST)
    def list(self, *, limit: int | None = None) -> AsyncPager[m.OrganizationMember]:
        """Every member of the client's organization, with their role.

        Inferred route: ``GET /api/organizations/current/members``.

        Args:
            limit: the most members to return.
        """
        return self._client.page(r.MEMBERS_LIST, limit=limit)

    @uses(r.MEMBERS_UPDATE)
    async def update(self, user_id: str, **fields: Unpack[i.MemberUpdateFields]) -> m.Membership:
        """Change a member's ``role``.

        Inferred route: ``PATCH /api/organizations/current/members/{user_id}``.
        """
        return await self._client.run(r.MEMBERS_UPDATE, ids={"user_id": user_id}, body=fields)

    @uses(r.MEMBERS_REMOVE)
    async def remove(self, user_id: str) -> Deleted | m.Membership:
        """Remove a user from the client's organization.

        Inferred route: ``DELETE /api/organizations/current/members/{user_id}``.

        Returns ``Deleted`` (the document's sample) or, if the API deactivates the
        membership instead, the membership (check with ``isinstance``).
        """
        return await self._client.run(r.MEMBERS_REMOVE, ids={"user_id": user_id})


class AsyncAccountsResources(AsyncAPIClient):
    """The Platform resources of `AsyncPharus`."""

    @cached_property
    def users(self) -> AsyncUsersResource:
        """The signed-in user: create, retrieve_me, update_me, delete_me."""
        return AsyncUsersResource(self)

    @cached_property
    def api_tokens(self) -> AsyncApiTokensResource:
        """Personal access tokens: create (secret shown once), list, revoke."""
        return AsyncApiTokensResource(self)

    @cached_property
    def invitations(self) -> AsyncInvitationsResource:
        """Invitations: send, list, resend, revoke; list_pending, lookup, accept, decline."""
        return AsyncInvitationsResource(self)

    @cached_property
    def organizations(self) -> AsyncOrganizationsResource:
        """Organizations: create, retrieve_current, update_current, delete_current, leave."""
        return AsyncOrganizationsResource(self)

    @cached_property
    def members(self) -> AsyncMembersResource:
        """Members of the client's organization: list, update (role), remove."""
        return AsyncMembersResource(self)
