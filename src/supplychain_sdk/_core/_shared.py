"""Request building and answer reading shared by the sync and async clients (no I/O here)."""

from __future__ import annotations

import contextvars
import datetime as dt
import json as jsonlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from enum import Enum
from functools import lru_cache
from typing import Any, TypeVar

import attrs
import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import to_jsonable_python

from ._logging import redact_url
from .config import ClientConfig, Timeout, origin_of
from .errors import (
    APIStatusError,
    ForeignOriginError,
    InvalidRequestError,
    ResponseDecodeError,
    VersionConflictError,
    error_class_for,
)
from .models import APIModel
from .response import RawResponse
from .retry import server_wait

__all__ = ["ErrorDetails", "ErrorParser", "Platform", "RequestSpec"]

T = TypeVar("T")


@attrs.frozen
class ErrorDetails:
    """What a platform's error body says: code, message, field errors, extra details."""

    code: str | None = None
    message: str | None = None
    field_errors: Mapping[str, list[str]] = attrs.field(factory=dict)
    details: Mapping[str, Any] = attrs.field(factory=dict)
    #: For a 2xx envelope that reports failure: the status it stands for (e.g. 404).
    status_code: int | None = None


ErrorParser = Callable[[int, Any], ErrorDetails]


def default_error_parser(status: int, body: Any) -> ErrorDetails:
    """A best-effort reading of common shapes (``{"message"}``, ``{"error": {...}}``)."""
    if isinstance(body, Mapping):
        err = body.get("error")
        if isinstance(err, Mapping):
            return ErrorDetails(code=_str(err.get("code")), message=_str(err.get("message")))
        return ErrorDetails(
            code=_str(body.get("code") or (err if isinstance(err, str) else None)),
            message=_str(body.get("message") or body.get("error_description")),
        )
    if isinstance(body, str) and body.strip():
        return ErrorDetails(message=body.strip()[:200])
    return ErrorDetails()


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


@attrs.frozen
class Platform:
    """What a platform tells the core about itself; every field has a sensible default.

    Attributes:
        parse_error: error body -> `ErrorDetails`.
        envelope_error: a 2xx body -> `ErrorDetails` if it actually reports a failure.
        retry_after: reads a wait in seconds from an error body (after the headers).
    """

    parse_error: ErrorParser = default_error_parser
    envelope_error: Callable[[Any], ErrorDetails | None] | None = None
    retry_after: Callable[[Any], float | None] | None = None


@attrs.frozen(kw_only=True)
class RequestSpec:
    """One API call, fully described before it is sent."""

    method: str
    path: str
    params: Mapping[str, Any] | None = None
    json: Any = None
    content: bytes | None = None
    data: Mapping[str, Any] | None = None
    files: Any = None
    headers: Mapping[str, str] | None = None
    if_match: str | None = None
    idempotent: bool | None = None
    max_retries: int | None = None
    timeout: float | None = None
    #: Relative to the origin (RFC 3986 join) instead of appended to the base URL path.
    is_url: bool = False


_current_capture: contextvars.ContextVar[list[RawResponse] | None] = contextvars.ContextVar(
    "supplychain_sdk_capture", default=None
)


@contextmanager
def capture_responses() -> Iterator[list[RawResponse]]:
    """Collect the `RawResponse` of every answer received inside the block.

    Works across sync and async code (it is a context variable), for any call, pager or
    raw request.

    Example:
        ```python
        with capture_responses() as seen:
            client.orders.retrieve("42")
        print(seen[-1].status_code, seen[-1].request_id)
        ```
    """
    seen: list[RawResponse] = []
    token = _current_capture.set(seen)
    try:
        yield seen
    finally:
        _current_capture.reset(token)


def record(raw: RawResponse) -> None:
    seen = _current_capture.get()
    if seen is not None:
        seen.append(raw)


def items_at(dotted: str) -> Callable[[Any], Any]:
    """An items extractor for a dotted key path (``""``: the body itself)."""
    parts = [p for p in dotted.split(".") if p]

    def extract(body: Any) -> Any:
        for part in parts:
            if not isinstance(body, Mapping):
                return None
            body = body.get(part)
        return body

    return extract


def encode_param(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return value


def clean_params(params: Mapping[str, Any] | None) -> dict[str, Any]:
    """Drop ``None`` values; encode enums, booleans, dates and sequences."""
    out: dict[str, Any] = {}
    for key, value in (params or {}).items():
        if value is None:
            continue
        if isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
            out[key] = [encode_param(v) for v in value]
        else:
            out[key] = encode_param(value)
    return out


def encode_json(value: Any) -> Any:
    """Plain JSON data from models, dicts, lists, enums and dates (models by alias)."""
    if isinstance(value, APIModel):
        return value.to_dict()
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {str(k): encode_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode_json(v) for v in value]
    return to_jsonable_python(value)


def resolve_url(config: ClientConfig, spec: RequestSpec) -> str:
    """The absolute URL for ``spec``; anything off the client's origin is refused."""
    try:
        if spec.is_url:
            url = httpx.URL(config.base_url).join(spec.path)
        elif "://" in spec.path or spec.path.startswith("//"):
            url = httpx.URL(spec.path)
        else:
            if not spec.path.startswith("/"):
                raise InvalidRequestError(f"path must start with '/', got {spec.path!r}")
            url = httpx.URL(config.base_url + spec.path)
    except httpx.InvalidURL as exc:
        raise InvalidRequestError(f"invalid URL {spec.path!r}: {exc}") from None
    if origin_of(url) != config.origin:
        raise ForeignOriginError(
            f"refusing to send a request to {redact_url(str(url))}: it is not on the client's "
            f"origin {config.base_url}, and credentials are only sent there"
        )
    return str(url)


def build_request(
    http: httpx.Client | httpx.AsyncClient, config: ClientConfig, spec: RequestSpec
) -> httpx.Request:
    url = resolve_url(config, spec)
    headers: dict[str, str] = {"User-Agent": config.user_agent, "Accept": "application/json"}
    headers.update(config.default_headers)
    if spec.headers:
        headers.update(spec.headers)
    if spec.if_match is not None:
        headers["If-Match"] = spec.if_match
    timeout = config.timeout if spec.timeout is None else spec.timeout
    try:
        return http.build_request(
            spec.method,
            url,
            params=clean_params(spec.params) or None,
            json=encode_json(spec.json) if spec.json is not None else None,
            content=spec.content,
            data=dict(spec.data) if spec.data is not None else None,
            files=spec.files,
            headers=headers,
            timeout=Timeout.of(timeout).to_httpx(),
        )
    except (httpx.InvalidURL, UnicodeEncodeError) as exc:
        raise InvalidRequestError(f"invalid request URL or header: {exc}") from None


def decode_body(response: httpx.Response) -> Any:
    """JSON if the answer is JSON, text otherwise, ``None`` when empty."""
    content = response.content
    if not content:
        return None
    ctype = response.headers.get("content-type", "")
    if "json" in ctype or content[:1] in (b"{", b"["):
        try:
            return jsonlib.loads(content)
        except ValueError:
            if response.is_success:
                raise ResponseDecodeError(
                    method=response.request.method,
                    url=redact_url(str(response.request.url)),
                    status_code=response.status_code,
                    reason="malformed or truncated JSON",
                ) from None
    try:
        return response.text
    except UnicodeDecodeError:
        return content


def status_error(
    platform: Platform,
    response: httpx.Response,
    body: Any,
    *,
    if_match: str | None,
    details: ErrorDetails | None = None,
) -> APIStatusError:
    """The typed exception for an error answer."""
    info = details or platform.parse_error(response.status_code, body)
    status = info.status_code or response.status_code
    retry_after = server_wait(response.headers, body, platform.retry_after)
    common: dict[str, Any] = {
        "status_code": status,
        "method": response.request.method,
        "url": redact_url(str(response.request.url)),
        "code": info.code,
        "error_message": info.message,
        "field_errors": info.field_errors,
        "body": body,
        "response": RawResponse.from_httpx(response),
        "retry_after": retry_after,
        "details": info.details,
    }
    if if_match is not None and status in {409, 412}:
        return VersionConflictError(sent_version=if_match, **common)
    if response.is_success and info.status_code is None:
        return APIStatusError(**common)
    return error_class_for(status)(**common)


@lru_cache(maxsize=512)
def _adapter(tp: Any) -> TypeAdapter[Any]:
    return TypeAdapter(tp)


def cast(tp: type[T] | Any, data: Any, *, method: str, url: str, status: int) -> T:
    """Validate ``data`` as ``tp`` (a model, ``list[Model]``, a union...)."""
    if tp is None or tp is Any:
        return data  # type: ignore[no-any-return]
    try:
        return _adapter(tp).validate_python(data)  # type: ignore[no-any-return,arg-type]
    except ValidationError as exc:
        raise ResponseDecodeError(
            method=method,
            url=redact_url(url),
            status_code=status,
            reason=f"unexpected shape ({exc.error_count()} validation errors: "
            f"{exc.errors(include_url=False, include_input=False)[:3]})",
        ) from None
