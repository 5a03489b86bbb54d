"""Pharus fake: the Platform handlers (users, personal access tokens, invitations,
organizations, members).

They keep the engine's ``users``, ``tokens``, ``orgs`` and ``memberships`` coherent:

- a user record is created for the signed-in identity (a bearer token the fake knows whose
  user has no record yet); deleting it drops its memberships and bearer tokens;
- a personal access token is stored as a record with a SHA-256 hash of its secret, the
  secret is answered once, and it works as a bearer token until revoked;
- invitations carry a ``token`` and an ``expiresAt`` (7 days); accepting one (by token,
  as the user it was sent to) creates a membership; declining, resending and revoking
  (``revokedAt``) follow; one that was accepted, revoked or declined cannot change again
  (409 ``invalid_transition``);
- creating an organization makes the caller its owner; leaving it as its last member
  deletes it; purging it deletes every record of it;
- roles: managing members and invitations needs ``admin``, deleting the organization
  ``owner``; only an owner grants, changes or removes the ``owner`` role, and an
  organization always keeps one owner.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Mapping
from typing import Any, ClassVar

from .._framework import SandboxResponse, json_response
from ._engine import ROLE_RANK, Call, PharusEngine, SandboxError

__all__ = ["ACCOUNTS_MIN_ROLE", "INVITATION_DAYS", "AccountsHandlers"]

#: How long an invitation stays valid after it is sent or resent.
INVITATION_DAYS = 7
#: The minimum role of the Platform routes above the defaults (member writes, viewer reads).
ACCOUNTS_MIN_ROLE: Mapping[str, str] = {
    "organizations.update_current": "admin",
    "organizations.delete_current": "owner",
    "organizations.leave": "viewer",
    "members.update": "admin",
    "members.remove": "admin",
    "invitations.send": "admin",
    "invitations.list": "admin",
    "invitations.resend": "admin",
    "invitations.revoke": "admin",
}
_ORG_FIELDS = ("name", "slug")
_SETTINGS_FIELDS = (
    "legalName",
    "address",
    "city",
    "state",
    "country",
    "zipCode",
    "logoUrl",
    "contactEmail",
    "contactPhone",
)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _same(secret: str, given: str) -> bool:
    """Constant-time comparison of two secrets (any text)."""
    return secrets.compare_digest(secret.encode(), given.encode())


def _public(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record as answered: without the fake's own bookkeeping (keys starting ``_``)."""
    return {k: v for k, v in record.items() if not k.startswith("_")}


class AccountsHandlers(PharusEngine):
    """Handlers of the Platform rows (#140-162)."""

    MIN_ROLE: ClassVar[Mapping[str, str]] = ACCOUNTS_MIN_ROLE

    # -- shared steps ----------------------------------------------------------------------------
    def _accounts_user(self, call: Call) -> dict[str, Any]:
        assert call.user_id is not None
        user = self.users.get(call.user_id)
        if user is None:
            raise SandboxError(404, "not_found", "no user record: create it with POST /api/users")
        return user

    def _accounts_later(self, days: int) -> str:
        moment = dt.datetime.fromtimestamp(self.clock(), tz=dt.timezone.utc)
        moment += dt.timedelta(days=days)
        return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def _accounts_expired(self, invitation: Mapping[str, Any]) -> bool:
        return bool(invitation["expiresAt"] <= self.now())

    def _accounts_pending(self, invitation: Mapping[str, Any]) -> bool:
        return (
            invitation["acceptedAt"] is None
            and invitation["revokedAt"] is None
            and not invitation.get("_declinedAt")
            and not self._accounts_expired(invitation)
        )

    def _accounts_open_invitation(self, invitation: Mapping[str, Any], action: str) -> None:
        for key, what in (("acceptedAt", "accepted"), ("revokedAt", "revoked")):
            if invitation.get(key):
                raise SandboxError(
                    409, "invalid_transition", f"cannot {action} an invitation already {what}"
                )
        if invitation.get("_declinedAt"):
            raise SandboxError(
                409, "invalid_transition", f"cannot {action} an invitation already declined"
            )

    def _accounts_addressed_to(self, call: Call, invitation: Mapping[str, Any]) -> bool:
        email = self._accounts_user(call).get("email") or ""
        return str(invitation["email"]).casefold() == str(email).casefold()

    def _accounts_owners(self, org_id: str) -> list[str]:
        return [
            user_id
            for (org, user_id), m in self.memberships.items()
            if org == org_id and m["role"] == "owner" and m["isActive"]
        ]

    def _accounts_member(self, call: Call, user_id: str) -> dict[str, Any]:
        membership = self.memberships.get((call.org(), user_id))
        if membership is None:
            raise SandboxError(404, "not_found", f"user {user_id} is not a member")
        return membership

    def _accounts_touches_owner(self, call: Call, *roles: Any) -> None:
        if "owner" in roles and call.role != "owner":
            raise SandboxError(403, "forbidden", "only an owner can grant or change the owner role")

    def _accounts_drop_tokens_of(self, user_id: str, org_id: str | None = None) -> None:
        for record in self.table("api_tokens").values():
            if record["userId"] == user_id and (org_id is None or record["orgId"] == org_id):
                self._accounts_forget_secret(record)

    def _accounts_forget_secret(self, record: Mapping[str, Any]) -> None:
        for token, _ in [(t, u) for t, u in self.tokens.items() if _digest(t) == record["_hash"]]:
            del self.tokens[token]

    def _accounts_purge(self, org_id: str) -> None:
        for table in self.tables.values():
            for record_id in [k for k, r in table.items() if r.get("orgId") == org_id]:
                record = table.pop(record_id)
                if "_hash" in record:
                    self._accounts_forget_secret(record)
        for key in [k for k in self.memberships if k[0] == org_id]:
            del self.memberships[key]
        self.orgs.pop(org_id, None)

    def _accounts_settings(self, org_id: str) -> dict[str, Any]:
        settings = self.table("org_settings").setdefault(
            org_id, {"id": org_id, "orgId": org_id, **dict.fromkeys(_SETTINGS_FIELDS)}
        )
        return settings  # type: ignore[no-any-return]

    def _accounts_org_detail(self, org_id: str) -> dict[str, Any]:
        settings = self._accounts_settings(org_id)
        return {
            "organization": self.orgs[org_id],
            "settings": {k: settings[k] for k in _SETTINGS_FIELDS},
        }

    # -- users (#140-143) --------------------------------------------------------------------------
    def on_users_create(self, call: Call) -> SandboxResponse:
        assert call.user_id is not None
        if call.user_id in self.users:
            raise SandboxError(409, "conflict", "the signed-in identity already has a user")
        body = call.body()
        user = self.add_user(body["email"], body.get("displayName"), user_id=call.user_id)
        return json_response(user)

    def on_users_retrieve_me(self, call: Call) -> SandboxResponse:
        user = self._accounts_user(call)
        organizations = [
            {**self.orgs[org_id], "role": m["role"]}
            for (org_id, user_id), m in self.memberships.items()
            if user_id == user["id"] and m["isActive"] and org_id in self.orgs
        ]
        return json_response({"user": user, "organizations": organizations})

    def on_users_update_me(self, call: Call) -> SandboxResponse:
        user = self._accounts_user(call)
        user.update(call.body())
        user["updatedAt"] = self.now()
        return json_response(user)

    def on_users_delete_me(self, call: Call) -> SandboxResponse:
        user = self._accounts_user(call)
        for (org_id, user_id), m in self.memberships.items():
            if (
                user_id == user["id"]
                and m["role"] == "owner"
                and self._accounts_owners(org_id) == [user_id]
            ):
                raise SandboxError(
                    409,
                    "conflict",
                    "the user is the only owner of an organization: transfer or delete it first",
                    {"orgId": org_id},
                )
        for key in [k for k in self.memberships if k[1] == user["id"]]:
            del self.memberships[key]
        for token in [t for t, u in self.tokens.items() if u == user["id"]]:
            del self.tokens[token]
        del self.users[user["id"]]
        return json_response({"deletedId": user["id"]})

    # -- API tokens (#144-146) ---------------------------------------------------------------------
    def on_api_tokens_create(self, call: Call) -> SandboxResponse:
        user = self._accounts_user(call)
        body = call.body()
        org_id = body["orgId"]
        membership = self.memberships.get((org_id, user["id"]))
        if org_id not in self.orgs or membership is None or not membership["isActive"]:
            raise SandboxError(403, "forbidden", "not a member of this organization")
        plaintext = f"pat_{secrets.token_urlsafe(24)}"
        days = body.get("expiresInDays")
        now = self.now()
        record = {
            "id": self.new_id(),
            "orgId": org_id,
            "userId": user["id"],
            "name": body["name"],
            "prefix": plaintext[:8],
            "expiresAt": None if days is None else self._accounts_later(days),
            "lastUsedAt": None,
            "revokedAt": None,
            "createdAt": now,
            "_hash": _digest(plaintext),
        }
        self.table("api_tokens")[record["id"]] = record
        self.tokens[plaintext] = user["id"]
        return json_response({"token": _public(record), "plaintext": plaintext})

    def on_api_tokens_list(self, call: Call) -> SandboxResponse:
        mine = [
            _public(r) for r in self.table("api_tokens").values() if r["userId"] == call.user_id
        ]
        return self.page(call, mine)

    def on_api_tokens_revoke(self, call: Call) -> SandboxResponse:
        record = self.find(call, "api_tokens", call.ids["token_id"])
        if record["userId"] != call.user_id and ROLE_RANK.get(call.role or "", 0) < 2:
            raise SandboxError(404, "not_found", f"api_tokens {record['id']} not found")
        if record["revokedAt"] is None:
            record["revokedAt"] = self.now()
            self._accounts_forget_secret(record)
        return json_response({"deletedId": record["id"]})

    # -- the invitee's side (#147-150) -------------------------------------------------------------
    def on_invitations_list_pending(self, call: Call) -> SandboxResponse:
        mine = [
            _public(r)
            for r in self.table("invitations").values()
            if self._accounts_addressed_to(call, r) and self._accounts_pending(r)
        ]
        return self.page(call, mine)

    def on_invitations_lookup(self, call: Call) -> SandboxResponse:
        token = call.ids["token"]
        for record in self.table("invitations").values():
            if _same(record["token"], token):
                return json_response({"invitation": _public(record)})
        raise SandboxError(404, "not_found", "no invitation has this token")

    def on_invitations_accept(self, call: Call) -> SandboxResponse:
        body = call.body()
        user = self._accounts_user(call)
        found = [r for r in self.table("invitations").values() if _same(r["token"], body["token"])]
        if not found:
            raise SandboxError(404, "not_found", "no invitation has this token")
        invitation = found[0]
        self._accounts_open_invitation(invitation, "accept")
        if self._accounts_expired(invitation):
            raise SandboxError(409, "invalid_transition", "the invitation has expired")
        if not self._accounts_addressed_to(call, invitation):
            raise SandboxError(403, "forbidden", "the invitation was sent to another address")
        org_id = invitation["orgId"]
        if (org_id, user["id"]) in self.memberships:
            raise SandboxError(409, "conflict", "already a member of this organization")
        if body.get("displayName") is not None:
            user["displayName"] = body["displayName"]
            user["updatedAt"] = self.now()
        membership = self.add_member(org_id, user["id"], invitation["role"])
        invitation["acceptedAt"] = self.now()
        return json_response(membership)

    def on_invitations_decline(self, call: Call) -> SandboxResponse:
        invitation_id = call.body()["invitationId"]
        invitation = self.table("invitations").get(invitation_id)
        if invitation is None or not self._accounts_addressed_to(call, invitation):
            raise SandboxError(404, "not_found", f"invitation {invitation_id} not found")
        self._accounts_open_invitation(invitation, "decline")
        invitation["_declinedAt"] = self.now()
        return json_response({"ok": True})

    # -- organizations (#151-154, #158) ------------------------------------------------------------
    def on_organizations_create(self, call: Call) -> SandboxResponse:
        user = self._accounts_user(call)
        body = call.body()
        if any(org["slug"] == body["slug"] for org in self.orgs.values()):
            raise SandboxError(409, "conflict", f"slug {body['slug']!r} is taken")
        org = self.add_org(body["name"], body["slug"], user["id"])
        membership = self.memberships[(org["id"], user["id"])]
        return json_response({"organization": org, "membership": membership})

    def on_organizations_retrieve_current(self, call: Call) -> SandboxResponse:
        return json_response(self._accounts_org_detail(call.org()))

    def on_organizations_update_current(self, call: Call) -> SandboxResponse:
        org_id = call.org()
        body = call.body()
        slug = body.get("slug")
        if slug is not None and any(
            o["slug"] == slug and o["id"] != org_id for o in self.orgs.values()
        ):
            raise SandboxError(409, "conflict", f"slug {slug!r} is taken")
        org = self.orgs[org_id]
        org.update({k: body[k] for k in _ORG_FIELDS if k in body})
        org["updatedAt"] = self.now()
        self._accounts_settings(org_id).update({k: body[k] for k in _SETTINGS_FIELDS if k in body})
        return json_response(self._accounts_org_detail(org_id))

    def on_organizations_delete_current(self, call: Call) -> SandboxResponse:
        org_id = call.org()
        self._accounts_purge(org_id)
        return json_response({"deletedId": org_id})

    def on_organizations_leave(self, call: Call) -> SandboxResponse:
        org_id = call.org()
        assert call.user_id is not None
        members = [k for k in self.memberships if k[0] == org_id]
        if len(members) == 1:
            self._accounts_purge(org_id)
            return json_response({"deletedOrg": True})
        if self._accounts_owners(org_id) == [call.user_id]:
            raise SandboxError(
                409, "conflict", "the only owner cannot leave: make another member owner first"
            )
        del self.memberships[(org_id, call.user_id)]
        self._accounts_drop_tokens_of(call.user_id, org_id)
        return json_response({"deletedOrg": False})

    # -- members (#155-157) ------------------------------------------------------------------------
    def on_members_list(self, call: Call) -> SandboxResponse:
        members = []
        for (org_id, user_id), m in self.memberships.items():
            if org_id == call.org():
                user = self.users.get(user_id, {})
                members.append(
                    {**m, "email": user.get("email"), "displayName": user.get("displayName")}
                )
        return self.page(call, members)

    def on_members_update(self, call: Call) -> SandboxResponse:
        user_id = call.ids["user_id"]
        role = str(call.body()["role"])
        membership = self._accounts_member(call, user_id)
        self._accounts_touches_owner(call, role, membership["role"])
        last_owner = self._accounts_owners(call.org()) == [user_id]
        if membership["role"] == "owner" and role != "owner" and last_owner:
            raise SandboxError(409, "conflict", "an organization keeps at least one owner")
        membership["role"] = role
        membership["updatedAt"] = self.now()
        return json_response(membership)

    def on_members_remove(self, call: Call) -> SandboxResponse:
        user_id = call.ids["user_id"]
        membership = self._accounts_member(call, user_id)
        self._accounts_touches_owner(call, membership["role"])
        if membership["role"] == "owner" and self._accounts_owners(call.org()) == [user_id]:
            raise SandboxError(409, "conflict", "an organization keeps at least one owner")
        del self.memberships[(call.org(), user_id)]
        self._accounts_drop_tokens_of(user_id, call.org())
        return json_response({"deletedId": membership["id"]})

    # -- the inviter's side (#159-162) -------------------------------------------------------------
    def on_invitations_send(self, call: Call) -> SandboxResponse:
        body = call.body()
        role = str(body["role"])
        self._accounts_touches_owner(call, role)
        email = str(body["email"])
        org_id = call.org()
        for (org, user_id), _ in self.memberships.items():
            user = self.users.get(user_id, {})
            if org == org_id and str(user.get("email", "")).casefold() == email.casefold():
                raise SandboxError(409, "conflict", f"{email} is already a member")
        for record in self.rows(call, "invitations"):
            if record["email"].casefold() == email.casefold() and self._accounts_pending(record):
                raise SandboxError(409, "conflict", f"{email} already has a pending invitation")
        assert call.user_id is not None
        record = {
            "id": self.new_id(),
            "orgId": org_id,
            "invitedBy": call.user_id,
            "email": email,
            "role": role,
            "token": secrets.token_urlsafe(24),
            "expiresAt": self._accounts_later(INVITATION_DAYS),
            "acceptedAt": None,
            "revokedAt": None,
            "createdAt": self.now(),
        }
        self.table("invitations")[record["id"]] = record
        return json_response(record)

    def on_invitations_list(self, call: Call) -> SandboxResponse:
        return self.page(call, [_public(r) for r in self.rows(call, "invitations")])

    def on_invitations_resend(self, call: Call) -> SandboxResponse:
        call.body()
        invitation = self.find(call, "invitations", call.ids["invitation_id"])
        self._accounts_open_invitation(invitation, "resend")
        invitation["expiresAt"] = self._accounts_later(INVITATION_DAYS)
        return json_response(_public(invitation))

    def on_invitations_revoke(self, call: Call) -> SandboxResponse:
        invitation = self.find(call, "invitations", call.ids["invitation_id"])
        if invitation["acceptedAt"] is not None:
            raise SandboxError(
                409, "invalid_transition", "cannot revoke an invitation already accepted"
            )
        if invitation["revokedAt"] is None:
            invitation["revokedAt"] = self.now()
        return json_response({"deletedId": invitation["id"]})
