"""Operations as data: one `Operation` row per API call, and the pure steps of the generic
caller (`AsyncAPIClient.run` / `AsyncAPIClient.page` and their sync twins).

A platform declares every call it makes once, in its ``_routes.py``: method, path template
with the kind of each id, the query and body schemas, what the answer is, whether it may be
retried, whether the route was inferred from a document. Public methods are thin, typed
wrappers that hand their arguments to ``run``/``page``; everything else (the reference
pages, route overrides, the table-walking tests) reads the rows.
"""

from __future__ import annotations

import json
import re
import string
import uuid
from collections.abc import Callable, Mapping
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from typing import Any, Generic, TypeVar
from urllib.parse import quote

import attrs
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError, with_config
from pydantic.alias_generators import to_camel
from pydantic_core import to_jsonable_python

from .checks import field_errors, invalid
from .errors import InvalidRequestError
from .lazy import TypeRef
from .pagination import PaginationStrategy
from .paths import path as fill_path
from .request import RequestSpec

__all__ = [
    "IdKind",
    "Operation",
    "Paging",
    "api_fields",
    "apply_overrides",
    "dumps",
    "operations_of",
    "prepare",
    "route_table",
    "uses",
]

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., object])

_FORMATTER = string.Formatter()
_OBJECT_ID = re.compile(r"[0-9a-fA-F]{24}")

#: The pydantic config of a request TypedDict: Python names in, the API's camelCase out,
#: unknown keys refused. Use as a decorator: ``@api_fields class VendorCreate(TypedDict): ...``.
api_fields = with_config(
    ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        extra="forbid",
        arbitrary_types_allowed=True,
        loc_by_alias=False,  # field errors name fields as the caller wrote them
    )
)


class IdKind(str, Enum):
    """What a path id must look like; checked before anything is sent."""

    #: any non-empty text (percent-encoded into one path segment)
    TEXT = "text"
    #: a UUID (``8-4-4-4-12`` hex)
    UUID = "uuid"
    #: a 24-hex-digit MongoDB ObjectId
    OBJECT_ID = "objectid"
    #: a non-negative integer
    INT = "int"
    #: non-empty text that is a secret (an invitation token): masked in logs and errors
    SECRET = "secret"

    def check(self, value: object, name: str) -> object:
        """``value`` if it is an id of this kind; an `InvalidRequestError` otherwise."""
        if self is IdKind.INT:
            if isinstance(value, bool) or not isinstance(value, (int, str)):
                raise InvalidRequestError(f"{name} must be an integer")
            if isinstance(value, str) and not value.isdigit():
                raise InvalidRequestError(f"{name} must be an integer, got {value!r}")
            return value
        if value is None:
            raise InvalidRequestError(f"{name} is required, got None")
        if not isinstance(value, str):
            raise InvalidRequestError(f"{name} must be a string, got {type(value).__name__}")
        if self is IdKind.UUID:
            try:
                uuid.UUID(value)
            except ValueError:
                raise InvalidRequestError(f"{name} must be a UUID, got {value!r}") from None
        elif self is IdKind.OBJECT_ID and not _OBJECT_ID.fullmatch(value):
            raise InvalidRequestError(
                f"{name} must be a 24-character hexadecimal id, got {value!r}"
            )
        return value


@attrs.frozen(kw_only=True)
class Paging:
    """How a list operation pages.

    Attributes:
        strategy: ``(page_size, limit) -> PaginationStrategy``; checks ``page_size`` and
            may ask for small pages when ``limit`` is small.
        items: where the items are in an answer: a dotted key (``"data"``), ``""`` for a
            body that is the list, or a callable.
    """

    strategy: Callable[[int | None, int | None], PaginationStrategy]
    items: str | Callable[[Any], Any] = "data"


def _upper(method: str) -> str:
    return method.upper()


def _placeholders(template: str) -> frozenset[str]:
    return frozenset(f for _, f, _, _ in _FORMATTER.parse(template) if f is not None)


@attrs.frozen(kw_only=True)
class Operation(Generic[T]):
    """One API call, declared once.

    Attributes:
        name: ``"<resource>.<verb>"``, unique in its platform (``"orders.update"``).
        method: the HTTP method.
        path: the path template under the base URL; ``{name}`` placeholders are ids.
        summary: one line for the reference pages.
        ids: the kind of each placeholder (`IdKind.TEXT` when not listed).
        query: the TypedDict (or model) the query parameters are validated as.
        body: the TypedDict, model or other type the JSON body is validated as.
        answer: the type the answer (after `envelope`) is cast to, each item's for a list;
            ``None``: the call returns ``None``; ``Any``: the decoded JSON as it is.
        envelope: a dotted key to unwrap from the answer before casting.
        paging: how a list pages; ``None`` for a single answer.
        idempotent: whether a retry is safe; ``None`` decides by method.
        inferred: the method and path were inferred from a document, not documented.
        flags: platform-specific facts about the route (e.g. ``"no-org"``).
    """

    name: str
    method: str = attrs.field(converter=_upper)
    path: str
    summary: str
    ids: Mapping[str, IdKind] = attrs.field(factory=dict)
    query: Any = None
    body: Any = None
    answer: Any = None
    envelope: str | None = None
    paging: Paging | None = None
    idempotent: bool | None = None
    inferred: bool = False
    flags: frozenset[str] = frozenset()

    def __attrs_post_init__(self) -> None:
        if not self.path.startswith("/"):
            raise ValueError(f"{self.name}: path must start with '/'")
        unknown = set(self.ids) - self.placeholders
        if unknown:
            raise ValueError(f"{self.name}: ids {sorted(unknown)} are not in {self.path}")

    @property
    def placeholders(self) -> frozenset[str]:
        """The names of the path's ``{placeholders}``."""
        return _placeholders(self.path)

    def moved(self, method: str, path: str) -> Operation[T]:
        """The same operation at another method and path (its placeholders must match)."""
        if not isinstance(method, str) or not isinstance(path, str) or not path.startswith("/"):
            raise InvalidRequestError(
                f"route override for {self.name!r} must be (METHOD, '/path'), got "
                f"({method!r}, {path!r})"
            )
        if _placeholders(path) != self.placeholders:
            raise InvalidRequestError(
                f"route override for {self.name!r} must use the placeholders "
                f"{sorted(self.placeholders)}, got {sorted(_placeholders(path))} in {path!r}"
            )
        return attrs.evolve(self, method=method, path=path)

    # -- the pure steps of the generic caller --------------------------------------------------
    def url_path(self, ids: Mapping[str, object]) -> str:
        """The path with every id checked against its kind and percent-encoded."""
        checked = {
            name: self.ids.get(name, IdKind.TEXT).check(ids.get(name), name)
            for name in self.placeholders
        }
        return fill_path(self.path, **checked)

    def secret_segments(self, ids: Mapping[str, object]) -> tuple[str, ...]:
        """The encoded path segments of the ``SECRET`` ids (to mask in logs and errors)."""
        return tuple(
            quote(str(ids[name]), safe="")
            for name, kind in self.ids.items()
            if kind is IdKind.SECRET and ids.get(name) is not None
        )

    def query_params(self, query: Mapping[str, Any] | None) -> dict[str, Any] | None:
        """The query parameters checked against `query` and named as the API names them."""
        if self.query is None:
            if query:
                raise InvalidRequestError(f"{self.name} takes no query parameters")
            return None
        params = dict(_validated(self.query, query or {}, f"{self.name} parameters"))
        return params or None

    def json_body(self, body: Any) -> Any:
        """The body checked against `body` and in the API's names; only given fields."""
        if body is None:
            return None
        if self.body is None:
            raise InvalidRequestError(f"{self.name} takes no body")
        return _validated(self.body, body, f"{self.name} body")

    def read(self, body: Any) -> Any:
        """The part of an answer to cast: the `envelope` key if the operation has one."""
        if self.envelope is None:
            return body
        for part in self.envelope.split("."):
            if not isinstance(body, Mapping) or part not in body:
                raise KeyError(self.envelope)
            body = body[part]
        return body


@lru_cache(maxsize=1024)
def _adapter(tp: Any) -> TypeAdapter[Any]:
    return TypeAdapter(tp)


def _validated(schema: Any, value: Any, what: str) -> Any:
    # a model of the body's type (named by reference or not) is sent as it sends itself:
    # exact decimals, unknown fields included
    target = schema.resolve() if isinstance(schema, TypeRef) else schema
    if isinstance(value, BaseModel) and isinstance(target, type) and isinstance(value, target):
        checked: Any = value
    else:
        from .models import APIModel  # not at import: it builds the first pydantic model

        if isinstance(value, APIModel):
            value = value.to_dict()
        try:
            checked = _adapter(schema).validate_python(value)
        except ValidationError as exc:
            raise invalid(what, field_errors(exc)) from None
    return _adapter(schema).dump_python(checked, by_alias=True, exclude_unset=True)


def route_table(*operations: Operation[Any]) -> dict[str, Operation[Any]]:
    """A platform's operations by name; a name used twice is a programming error."""
    table: dict[str, Operation[Any]] = {}
    for op in operations:
        if op.name in table:
            raise ValueError(f"operation {op.name!r} is declared twice")
        table[op.name] = op
    return table


def apply_overrides(
    table: Mapping[str, Operation[Any]], overrides: Mapping[str, tuple[str, str]]
) -> dict[str, Operation[Any]]:
    """The operations of ``table`` that ``overrides`` moves, checked: unknown names and
    changed placeholders raise `InvalidRequestError` (at client construction)."""
    moved: dict[str, Operation[Any]] = {}
    for name, route in overrides.items():
        op = table.get(name)
        if op is None:
            known = ", ".join(sorted(table)) or "none"
            raise InvalidRequestError(
                f"route_overrides names an unknown operation {name!r} (known: {known})"
            )
        if not isinstance(route, tuple) or len(route) != 2:
            raise InvalidRequestError(
                f"route override for {name!r} must be a (METHOD, '/path') tuple"
            )
        moved[name] = op.moved(*route)
    return moved


def uses(*operations: Operation[Any]) -> Callable[[F], F]:
    """Mark a public method with the operations it calls (read by the reference generator
    and the table-walking tests)."""

    def mark(func: F) -> F:
        func.__sdk_operations__ = operations  # type: ignore[attr-defined]
        return func

    return mark


def operations_of(func: object) -> tuple[Operation[Any], ...]:
    """The operations `uses` recorded on ``func`` (empty when none)."""
    found = getattr(func, "__sdk_operations__", ())
    return found if isinstance(found, tuple) else ()


# -- JSON with exact decimals ------------------------------------------------------------------
_MARK = "\x00dec:"


def _plain(value: Any, decimals: list[Decimal]) -> Any:
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidRequestError(f"{value} is not a JSON number")
        decimals.append(value)
        return f"{_MARK}{len(decimals) - 1}"
    if isinstance(value, BaseModel):
        return _plain(value.model_dump(mode="python", by_alias=True, exclude_unset=True), decimals)
    if isinstance(value, Mapping):
        return {str(k): _plain(v, decimals) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v, decimals) for v in value]
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        raise InvalidRequestError(f"{value} is not a JSON number")
    return to_jsonable_python(value)


_MARKED = re.compile(r'"\\u0000dec:(\d+)"')


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON; a `Decimal` is written as a JSON number with exactly its digits
    (never a string, never rounded through a float)."""
    decimals: list[Decimal] = []
    text = json.dumps(_plain(value, decimals), ensure_ascii=False, separators=(",", ":"))
    if decimals:
        text = _MARKED.sub(lambda m: str(decimals[int(m.group(1))]), text)
    return text.encode()


def prepare(
    op: Operation[Any],
    *,
    ids: Mapping[str, object] | None,
    query: Mapping[str, Any] | None,
    body: Any,
    extra_body: Mapping[str, Any] | None = None,
    files: Any = None,
    headers: Mapping[str, str] | None = None,
    if_match: str | None = None,
    idempotent: bool | None = None,
) -> RequestSpec:
    """The request for one call of ``op``: ids, query and body checked before sending."""
    url = op.url_path(ids or {})
    params = op.query_params(query)
    payload = op.json_body(body)
    if extra_body:
        if not isinstance(payload, Mapping) and payload is not None:
            raise InvalidRequestError(f"{op.name}: extra_body needs an object body")
        payload = {**(payload or {}), **extra_body}
    all_headers = dict(headers or {})
    content = None
    data = None
    if files is not None:
        data = payload
    elif payload is not None:
        content = dumps(payload)
        all_headers["Content-Type"] = "application/json"
    return RequestSpec(
        method=op.method,
        path=url,
        params=params,
        content=content,
        data=data,
        files=files,
        headers=all_headers or None,
        if_match=if_match,
        idempotent=op.idempotent if idempotent is None else idempotent,
    )
