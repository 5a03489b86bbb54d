"""The Pharus fake's engine: routes from the client's route table, auth, org scoping, roles,
a generic record store with cursor pages and in-use checks, and Pharus's error shape.

Each group of sections adds its handlers in its own module as a mixin: a method
``on_<operation name with dots as underscores>(call)`` per row of that group.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, ClassVar

import attrs
from pydantic.alias_generators import to_camel

from ..._core.errors import InvalidRequestError
from ..._core.operations import Operation
from ...pharus._routes import ROUTES
from .._framework import Sandbox, SandboxRequest, SandboxResponse, json_response

__all__ = ["ROLE_RANK", "Call", "PharusEngine", "SandboxError", "handler_name"]

#: Roles from least to most privileged; ``viewer`` may only read (pharus-routes.md C5).
ROLE_RANK = {"viewer": 0, "member": 1, "admin": 2, "owner": 3}


def handler_name(op: Operation[Any]) -> str:
    """The sandbox method that answers ``op``: ``vendors.create`` -> ``on_vendors_create``."""
    return "on_" + re.sub(r"\W", "_", op.name)


def _compile(template: str) -> re.Pattern[str]:
    pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template))
    return re.compile(f"^{pattern}$")


class SandboxError(Exception):
    """Raised by a handler to answer with Pharus's error envelope."""

    def __init__(
        self, status: int, code: str, message: str, details: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = dict(details or {})


@attrs.frozen
class Call:
    """One authenticated request as a handler sees it.

    Attributes:
        op: the route table's row this request matched.
        request: the raw request.
        user_id: the signed-in user (``None`` on public routes).
        org_id: the ``X-Org-Id`` of an org-scoped call (``None`` otherwise).
        role: the user's role in that organization.
    """

    op: Operation[Any]
    request: SandboxRequest
    user_id: str | None
    org_id: str | None
    role: str | None

    @property
    def ids(self) -> Mapping[str, str]:
        """The path's ids by placeholder name."""
        return self.request.path_params

    def query(self, name: str) -> str | None:
        """One query parameter."""
        return self.request.param(name)

    def body(self) -> dict[str, Any]:
        """The JSON body checked against the row's body schema (API names, given fields);
        numbers with a fraction are read as exact `Decimal` values."""
        data = _exact_json(self.request.body)
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise SandboxError(400, "validation_failed", "the body must be a JSON object")
        if self.op.body is None:
            return data
        try:
            checked = self.op.json_body(data)
        except InvalidRequestError as exc:
            errors = {_api_path(path): messages for path, messages in exc.field_errors.items()}
            raise SandboxError(
                400, "validation_failed", "the body is invalid", {"fieldErrors": errors}
            ) from None
        return dict(checked)

    def raw(self) -> Any:
        """The JSON body as sent, unchecked, numbers with a fraction as exact `Decimal`s."""
        return _exact_json(self.request.body)

    def org(self) -> str:
        """The organization of an org-scoped call."""
        if self.org_id is None:
            raise SandboxError(400, "validation_failed", "this route needs X-Org-Id")
        return self.org_id


def _exact_json(body: bytes) -> Any:
    if not body:
        return None
    try:
        return json.loads(body, parse_float=Decimal)
    except json.JSONDecodeError:
        raise
    except (ValueError, RecursionError) as exc:  # not UTF-8, too deep
        raise json.JSONDecodeError(f"not JSON ({type(exc).__name__})", "", 0) from None


def _api_path(path: str) -> str:
    """A field path in the API's names, as the server reports it (``rows.0.firstName``)."""
    return ".".join(part if part.isdigit() else to_camel(part) for part in path.split("."))


class PharusEngine(Sandbox):
    """The shared machinery of `PharusSandbox` (see `supplychain_sdk.sandbox.pharus`)."""

    base_url = "https://pharus.sandbox.invalid"
    DEFAULT_TOKEN = "pharus-sandbox-token"
    DEFAULT_USER_ID = "00000000-0000-4000-8000-000000000001"
    DEFAULT_ORG_ID = "00000000-0000-4000-8000-0000000000a1"
    DEFAULT_EMAIL = "owner@pharus.sandbox.invalid"
    #: Minimum role per operation where the document implies one (default: ``member``
    #: for writes, ``viewer`` for reads). Each group mixin declares its own entries; a
    #: sandbox class combines those of every class it inherits.
    MIN_ROLE: ClassVar[Mapping[str, str]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Plain ``@route`` handlers of every mixin (the framework reads the first base only),
        # then one route per row of the table that has a handler.
        routes: list[tuple[str, str, re.Pattern[str], str]] = []
        seen: set[tuple[str, str, str]] = set()
        for base in cls.__mro__:
            for name, member in vars(base).items():
                for method, template in getattr(member, "__sandbox_routes__", ()):
                    if (method, template, name) not in seen:
                        seen.add((method, template, name))
                        routes.append((method, template, _compile(template), name))
        for op in ROUTES.values():
            name = handler_name(op)
            if not callable(getattr(cls, name, None)):
                continue
            wrapper = f"_op_{name}"
            setattr(cls, wrapper, _wrap(op, name))
            routes.append((op.method, op.path, _compile(op.path), wrapper))
        routes.sort(key=lambda r: (r[1].count("{"), -len(r[1])))
        cls._routes = routes
        # Each group's mixin declares its own MIN_ROLE entries: the sandbox uses them all.
        cls.MIN_ROLE = {
            name: role
            for base in reversed(cls.__mro__)
            for name, role in vars(base).get("MIN_ROLE", {}).items()
        }

    def __init__(self, *, clock: Callable[[], float] | None = None) -> None:
        super().__init__()
        self.clock = clock or time.time
        self._counter = 0
        #: user id -> user record (API shape).
        self.users: dict[str, dict[str, Any]] = {}
        #: bearer token -> user id.
        self.tokens: dict[str, str] = {}
        #: org id -> organization record.
        self.orgs: dict[str, dict[str, Any]] = {}
        #: (org id, user id) -> membership record.
        self.memberships: dict[tuple[str, str], dict[str, Any]] = {}
        #: collection -> id -> record, every record with its ``orgId``.
        self.tables: dict[str, dict[str, Any]] = {}
        owner = self.add_user(self.DEFAULT_EMAIL, "Sandbox Owner", user_id=self.DEFAULT_USER_ID)
        self.tokens[self.DEFAULT_TOKEN] = owner["id"]
        self.add_org("Sandbox Manufacturing", "sandbox", owner["id"], org_id=self.DEFAULT_ORG_ID)

    # -- clients -------------------------------------------------------------------------------
    def client(self, **options: Any) -> Any:
        """A sync ``Pharus`` client on this fake, signed in as the owner of the default org."""
        from ...pharus import Pharus

        options.setdefault("token", self.DEFAULT_TOKEN)
        options.setdefault("org_id", self.DEFAULT_ORG_ID)
        return self.mount(Pharus, **options)

    def async_client(self, **options: Any) -> Any:
        """An ``AsyncPharus`` client on this fake, signed in as the owner of the default org."""
        from ...pharus import AsyncPharus

        options.setdefault("token", self.DEFAULT_TOKEN)
        options.setdefault("org_id", self.DEFAULT_ORG_ID)
        return self.mount(AsyncPharus, **options)

    # -- state helpers ---------------------------------------------------------------------------
    def new_id(self) -> str:
        """A fresh deterministic UUID."""
        self._counter += 1
        return str(uuid.UUID(int=(0x1 << 124) | self._counter))

    def now(self) -> str:
        """The fake's time as an ISO 8601 UTC timestamp."""
        moment = dt.datetime.fromtimestamp(self.clock(), tz=dt.timezone.utc)
        return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def add_user(self, email: str, display_name: str | None, *, user_id: str | None = None) -> Any:
        """A user record (and no token: add one to ``tokens`` to sign in as them)."""
        uid = user_id or self.new_id()
        now = self.now()
        self.users[uid] = {
            "id": uid,
            "firebaseUid": f"firebase-{uid[-6:]}",
            "email": email,
            "displayName": display_name,
            "isActive": True,
            "lastLoginAt": now,
            "createdAt": now,
            "updatedAt": now,
        }
        return self.users[uid]

    def add_org(self, name: str, slug: str, owner_id: str, *, org_id: str | None = None) -> Any:
        """An organization with ``owner_id`` as its owner."""
        oid = org_id or self.new_id()
        now = self.now()
        self.orgs[oid] = {"id": oid, "name": name, "slug": slug, "createdAt": now, "updatedAt": now}
        self.add_member(oid, owner_id, "owner")
        return self.orgs[oid]

    def add_member(self, org_id: str, user_id: str, role: str) -> Any:
        """A membership of ``user_id`` in ``org_id``."""
        now = self.now()
        record = {
            "id": self.new_id(),
            "userId": user_id,
            "orgId": org_id,
            "role": role,
            "isActive": True,
            "joinedAt": now,
            "lastActiveAt": now,
            "createdAt": now,
            "updatedAt": now,
        }
        self.memberships[(org_id, user_id)] = record
        return record

    def table(self, name: str) -> dict[str, Any]:
        """The records of one collection by id."""
        return self.tables.setdefault(name, {})

    def insert(self, call: Call, collection: str, fields: Mapping[str, Any]) -> dict[str, Any]:
        """Store a new record of the call's organization with id and timestamps."""
        now = self.now()
        record: dict[str, Any] = {"id": self.new_id(), "orgId": call.org(), **fields}
        record.setdefault("isActive", True)
        record.setdefault("createdAt", now)
        record.setdefault("updatedAt", now)
        self.table(collection)[record["id"]] = record
        return record

    def find(self, call: Call, collection: str, record_id: str) -> dict[str, Any]:
        """A record of the call's organization, or a 404 (other organizations' records too)."""
        record = self.table(collection).get(record_id)
        if record is None or record.get("orgId") != call.org():
            raise SandboxError(404, "not_found", f"{collection} {record_id} not found")
        return record  # type: ignore[no-any-return]

    def change(
        self, call: Call, collection: str, record_id: str, fields: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Apply ``fields`` to a record of the call's organization."""
        record = self.find(call, collection, record_id)
        record.update(fields)
        if "updatedAt" in record:
            record["updatedAt"] = self.now()
        return record

    def remove(
        self, call: Call, collection: str, record_id: str, *, references: Iterable[str] = ()
    ) -> SandboxResponse:
        """Hard-delete a record; ``in_use`` (409) while any record of ``references``
        (``"collection.field"``) points at it."""
        self.find(call, collection, record_id)
        used = self.referrers(call, record_id, references)
        if used:
            raise SandboxError(
                409, "in_use", f"{collection} {record_id} is in use", {"references": used}
            )
        del self.table(collection)[record_id]
        return json_response({"deletedId": record_id})

    def referrers(self, call: Call, record_id: str, references: Iterable[str]) -> dict[str, int]:
        """How many records of the call's organization point at ``record_id``, by reference."""
        counts: dict[str, int] = {}
        for reference in references:
            collection, field = reference.split(".", 1)
            n = sum(
                1
                for r in self.table(collection).values()
                if r.get("orgId") == call.org() and r.get(field) == record_id
            )
            if n:
                counts[reference] = n
        return counts

    def rows(
        self, call: Call, collection: str, keep: Callable[[dict[str, Any]], bool] | None = None
    ) -> list[dict[str, Any]]:
        """The records of the call's organization, oldest first, filtered by ``keep``."""
        return [
            r
            for r in self.table(collection).values()
            if r.get("orgId") == call.org() and (keep is None or keep(r))
        ]

    def page(self, call: Call, items: list[Any]) -> SandboxResponse:
        """A list answer: ``{data, nextCursor}`` with ``cursor``/``limit`` (bounded lists
        without a ``limit`` get everything)."""
        raw_limit = call.query("limit")
        if raw_limit is None:
            return json_response({"data": items, "nextCursor": None})
        if not raw_limit.isdigit() or not 1 <= int(raw_limit) <= 1000:
            raise SandboxError(400, "validation_failed", "limit must be an integer 1..1000")
        data, cursor = self.cursor_slice(items, call.query("cursor"), int(raw_limit))
        return json_response({"data": data, "nextCursor": cursor})

    # -- answers ---------------------------------------------------------------------------------
    @staticmethod
    def fail(
        status: int, code: str, message: str, details: Mapping[str, Any] | None = None
    ) -> SandboxResponse:
        """Pharus's error envelope: ``{"error": {"code", "message", "details?"}}``."""
        error: dict[str, Any] = {"code": code, "message": message}
        if details:
            error["details"] = dict(details)
        return json_response({"error": error}, status)

    #: The error code of each status the framework refuses with.
    _CODES: ClassVar[Mapping[int, str]] = {
        400: "validation_failed",
        401: "unauthorized",
        403: "forbidden",
        404: "not_found",
        405: "method_not_allowed",
    }

    def error(self, request: SandboxRequest, status: int, message: str) -> SandboxResponse:
        return self.fail(status, self._CODES.get(status, "internal_error"), message)

    def _enter(self, op: Operation[Any], request: SandboxRequest) -> Call:
        if "public" in op.flags:
            return Call(op, request, None, None, None)
        header = request.header("authorization") or ""
        user_id = self.tokens.get(header.removeprefix("Bearer ").strip())
        if not header.startswith("Bearer ") or user_id is None:
            raise SandboxError(401, "unauthorized", "a valid bearer token is required")
        if "no-org" in op.flags:
            return Call(op, request, user_id, None, None)
        org_id = request.header("x-org-id")
        if not org_id:
            raise SandboxError(400, "validation_failed", "X-Org-Id header is required")
        membership = self.memberships.get((org_id, user_id))
        if org_id not in self.orgs or membership is None or not membership["isActive"]:
            raise SandboxError(403, "forbidden", "not a member of this organization")
        role = str(membership["role"])
        needed = self.MIN_ROLE.get(op.name, "viewer" if op.method == "GET" else "member")
        if ROLE_RANK.get(role, 0) < ROLE_RANK[needed]:
            raise SandboxError(403, "forbidden", f"{op.name} needs the {needed} role")
        return Call(op, request, user_id, org_id, role)


def _wrap(op: Operation[Any], name: str) -> Callable[[PharusEngine, SandboxRequest], Any]:
    def answer(self: PharusEngine, request: SandboxRequest) -> SandboxResponse:
        try:
            call = self._enter(op, request)
            result: SandboxResponse = getattr(self, name)(call)
        except SandboxError as exc:
            return self.fail(exc.status, exc.code, exc.message, exc.details)
        return result

    answer.__name__ = f"_op_{name}"
    return answer
