"""Reading an answer: body decoding, typed errors for error answers, casting to models."""

from __future__ import annotations

import json as jsonlib
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any, TypeVar

import httpx
from pydantic import ConfigDict, TypeAdapter, ValidationError
from pydantic_core import SchemaValidator
from typing_extensions import NotRequired, TypedDict

from .errors import (
    APIStatusError,
    ResponseDecodeError,
    VersionConflictError,
    error_class_for,
)
from .platform import ErrorDetails, Platform
from .response import RawResponse
from .retry import server_wait

__all__ = [
    "RAW_JSON",
    "ItemsAt",
    "cast",
    "cast_json",
    "decode_body",
    "expect_json",
    "items_at",
    "read_page_json",
    "readable_as_json",
    "status_error",
]

T = TypeVar("T")


class ItemsAt:
    """An items extractor for a dotted key path (``""``: the body itself)."""

    __slots__ = ("parts",)

    def __init__(self, dotted: str) -> None:
        self.parts = tuple(p for p in dotted.split(".") if p)

    def __call__(self, body: Any) -> Any:
        for part in self.parts:
            if not isinstance(body, Mapping):
                return None
            body = body.get(part)
        return body


def items_at(dotted: str) -> Callable[[Any], Any]:
    """An items extractor for a dotted key path (``""``: the body itself)."""
    return ItemsAt(dotted)


#: The body `_send` returns for a success JSON answer it left for the caller to validate
#: from the bytes (`cast_json`, `read_page_json`).
RAW_JSON: Any = object()


@lru_cache(maxsize=128)
def _page_adapter(key: str, item_type: Any) -> TypeAdapter[Any]:
    """A page object whose ``key`` holds typed items; every other field kept as JSON data."""
    make: Any = TypedDict  # a TypedDict made at run time, for one key
    page = make("Page", {key: NotRequired[list[item_type] | None]})
    page.__pydantic_config__ = ConfigDict(extra="allow")
    return TypeAdapter(page)


def read_page_json(key: str, item_type: Any, content: bytes) -> dict[str, Any] | None:
    """A page's JSON object with the items at ``key`` validated as ``item_type``, in one pass
    over the bytes; ``None`` when the answer is not such a page (then it is read the slow
    way, which says precisely what is wrong with it)."""
    try:
        page: dict[str, Any] = _page_adapter(key, item_type).validate_json(content)
    except ValidationError:
        return None
    return page


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def decode_body(response: httpx.Response, *, outcome_unknown: bool | None = None) -> Any:
    """JSON if the answer is JSON, text otherwise, ``None`` when empty.

    A success answer whose JSON is malformed, truncated, uses ``NaN``/``Infinity`` or nests
    deeper than Python can parse raises `ResponseDecodeError` (``outcome_unknown`` as given,
    else by method); an error answer like that is kept as text.
    """
    content = response.content
    if not content:
        return None
    ctype = response.headers.get("content-type", "")
    if "json" in ctype or content[:1] in (b"{", b"["):
        problem = ""
        try:
            return jsonlib.loads(content, parse_constant=_refuse_constant)
        except RecursionError:
            problem = "JSON nested too deeply to read"
        except ValueError:
            problem = "malformed or truncated JSON"
        # raised outside the except block: the JSON error holds the whole body as .doc
        if response.is_success:
            raise ResponseDecodeError(
                method=response.request.method,
                url=str(response.request.url),
                status_code=response.status_code,
                reason=problem,
                outcome_unknown=outcome_unknown,
            )
    try:
        return response.text
    except UnicodeDecodeError:
        return content


def expect_json(
    response: httpx.Response, body: Any, *, outcome_unknown: bool | None = None
) -> None:
    """Refuse a success answer that is not JSON (an HTML login or proxy page, plain text)
    where a JSON document was expected."""
    if body is None or isinstance(body, (Mapping, list)):
        return
    ctype = response.headers.get("content-type", "").split(";")[0].strip() or "no content type"
    raise ResponseDecodeError(
        method=response.request.method,
        url=str(response.request.url),
        status_code=response.status_code,
        reason=f"expected JSON, got {ctype} ({len(response.content)} bytes)",
        outcome_unknown=outcome_unknown,
    )


def status_error(
    platform: Platform,
    response: httpx.Response,
    body: Any,
    *,
    if_match: str | None,
    details: ErrorDetails | None = None,
    outcome_unknown: bool = False,
) -> APIStatusError:
    """The typed exception for an error answer.

    ``outcome_unknown``: the request may have been applied before the server failed, and it
    was not sent again (a non-idempotent or conditional write answered 500/502/504).
    """
    info = details or platform.parse_error(response.status_code, body)
    status = info.status_code or response.status_code
    retry_after = server_wait(response.headers, body, platform.retry_after)
    common: dict[str, Any] = {
        "status_code": status,
        "method": response.request.method,
        "url": str(response.request.url),
        "code": info.code,
        "error_message": info.message,
        "field_errors": info.field_errors,
        "body": body,
        "response": RawResponse.from_httpx(response),
        "retry_after": retry_after,
        "details": info.details,
        "outcome_unknown": outcome_unknown,
    }
    if if_match is not None and status in {409, 412}:
        return VersionConflictError(sent_version=if_match, **common)
    if response.is_success and info.status_code is None:
        return APIStatusError(**common)
    by_code = platform.error_classes.get(info.code) if info.code else None
    return (by_code or error_class_for(status))(**common)


def readable_as_json(response: httpx.Response) -> bool:
    """Whether a success answer can be validated straight from its bytes (`cast_json`): a
    JSON document with no ``NaN``/``Infinity`` anywhere (those take `decode_body`'s path,
    which refuses them)."""
    content = response.content
    return (
        bool(content)
        and "json" in response.headers.get("content-type", "")
        and b"NaN" not in content
        and b"Infinity" not in content
    )


def cast_json(
    tp: type[T] | Any,
    content: bytes,
    *,
    method: str,
    url: str,
    status: int,
    outcome_unknown: bool | None = None,
) -> T:
    """Validate a JSON document's bytes as ``tp`` in one pass (no intermediate dicts).

    Raises:
        ResponseDecodeError: malformed, truncated or too deeply nested JSON, or a document
            of another shape (``outcome_unknown`` as given, else by method).
    """
    try:
        return _adapter(tp).validate_json(content)  # type: ignore[no-any-return,arg-type]
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False)
        if errors and errors[0]["type"] == "json_invalid":
            deep = "recursion limit" in str(errors[0].get("ctx", {}).get("error", ""))
            reason = "JSON nested too deeply to read" if deep else "malformed or truncated JSON"
        else:
            reason = f"unexpected shape ({exc.error_count()} validation errors: {errors[:3]})"
    # raised outside the except block: the validation error holds the input values
    raise ResponseDecodeError(
        method=method, url=url, status_code=status, reason=reason, outcome_unknown=outcome_unknown
    )


def validate_json_or_none(tp: type[T] | Any, content: bytes) -> T | None:
    """``content`` validated as ``tp`` in one pass, or ``None`` if it does not validate (the
    caller then calls `cast_json` for the typed error). The fast path of a typed answer."""
    validate = _json_validators.get(tp)
    try:
        if validate is not None:
            return validate(content)  # type: ignore[no-any-return]
        adapter = _adapter(tp)  # type: ignore[arg-type]
        answer: T = adapter.validate_json(content)  # builds the validator if deferred
    except ValidationError:
        return None
    if isinstance(adapter.validator, SchemaValidator) and len(_json_validators) < 512:
        _json_validators[tp] = adapter.validator.validate_json
    return answer


#: pydantic-core's own ``validate_json`` of each type's built validator: what
#: `validate_json_or_none` calls once a type was validated through its `TypeAdapter` (the
#: same validator and options, without the adapter's Python frame).
_json_validators: dict[Any, Callable[[bytes], Any]] = {}


@lru_cache(maxsize=512)
def _adapter(tp: Any) -> TypeAdapter[Any]:
    return TypeAdapter(tp)


def cast(
    tp: type[T] | Any,
    data: Any,
    *,
    method: str,
    url: str,
    status: int,
    outcome_unknown: bool | None = None,
) -> T:
    """Validate ``data`` as ``tp`` (a model, ``list[Model]``, a union...).

    Raises:
        ResponseDecodeError: the data does not have that shape (``outcome_unknown`` as given,
            else by method).
    """
    if tp is None or tp is Any:
        return data  # type: ignore[no-any-return]
    try:
        return _adapter(tp).validate_python(data)  # type: ignore[no-any-return,arg-type]
    except ValidationError as exc:
        reason = (
            f"unexpected shape ({exc.error_count()} validation errors: "
            f"{exc.errors(include_url=False, include_input=False)[:3]})"
        )
    except RecursionError:
        reason = "unexpected shape (nested too deeply to validate)"
    # raised outside the except block: the validation error holds the input values
    raise ResponseDecodeError(
        method=method, url=url, status_code=status, reason=reason, outcome_unknown=outcome_unknown
    )
