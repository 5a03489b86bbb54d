"""Contract checking: every Procuros request and response in the suite against the OpenAPI spec.

``ContractTransport`` wraps the sandbox transport; it validates each request the SDK sends
before the sandbox sees it, and each answer the sandbox gives, with openapi-core against
``specs/procuros-openapi-v2.yaml``.

Two documented relaxations, both for flaws of the spec itself; everything else (required
fields, types, enums, shapes, status codes, query parameters) is checked as written:

* ``Date`` and ``DateTime`` carry patterns and formats that the spec's own examples break
  (date-only values where a time is required): here they accept any ``YYYY-MM-DD``-prefixed
  string.
* ``TransactionContent`` is a ``oneOf`` of the twelve documents without a discriminator, and
  the documents overlap (every valid ``ShippingNotice`` is also a valid
  ``DispatchInstructionResponse``), so ``oneOf`` rejects valid content: here it is an
  ``anyOf``. The ``type``/``content`` match is checked by the SDK's own models.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import yaml
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

SPEC_PATH = Path(__file__).resolve().parents[2] / "specs" / "procuros-openapi-v2.yaml"
SERVER = "https://api.procuros.io"


@cache
def openapi() -> OpenAPI:
    spec = yaml.safe_load(SPEC_PATH.read_text())
    relaxed = copy.deepcopy(spec)
    for name in ("Date", "DateTime"):
        schema = relaxed["components"]["schemas"][name]
        schema.pop("format", None)
        schema["pattern"] = r"^\d{4}-\d{2}-\d{2}"
    content = relaxed["components"]["schemas"]["TransactionContent"]
    content["anyOf"] = content.pop("oneOf")
    # The spec itself does not pass openapi-spec-validator (e.g. ``default: null`` on
    # non-nullable strings), so only requests and responses are validated, not the document.
    return OpenAPI.from_dict(relaxed, config=Config(spec_validator_cls=None))


class _Request:
    def __init__(self, request: httpx.Request, body: bytes) -> None:
        self._request = request
        self._body = body
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(
                [(k, v) for k, vs in parse_qs(request.url.query.decode()).items() for v in vs]
            ),
            header=Headers(list(request.headers.items())),
            cookie=ImmutableMultiDict(),
        )

    host_url = SERVER

    @property
    def path(self) -> str:
        return self._request.url.path

    @property
    def method(self) -> str:
        return self._request.method.lower()

    @property
    def body(self) -> bytes | None:
        return self._body or None

    @property
    def content_type(self) -> str:
        return self._request.headers.get("content-type", "application/json").lower()


class _Response:
    def __init__(self, response: httpx.Response) -> None:
        self._response = response

    @property
    def data(self) -> bytes:
        return self._response.content

    @property
    def status_code(self) -> int:
        return self._response.status_code

    @property
    def content_type(self) -> str:
        return self._response.headers.get("content-type", "application/json").lower()

    @property
    def headers(self) -> Headers:
        return Headers(list(self._response.headers.items()))


class ContractViolation(AssertionError):
    """A request or response that does not match the spec."""


#: Every (method, path template, status) validated in this test session.
SEEN: set[tuple[str, str, int]] = set()


def check(request: httpx.Request, body: bytes, response: httpx.Response | None) -> None:
    """Validate one exchange; raise ContractViolation with what did not match."""
    api = openapi()
    view = _Request(request, body)
    try:
        api.validate_request(view)
    except Exception as exc:  # openapi-core raises a family of errors
        raise ContractViolation(
            f"request {request.method} {request.url} breaks the spec: {_explain(exc)}\n"
            f"body: {body[:500]!r}"
        ) from exc
    if response is None:
        return
    try:
        api.validate_response(view, _Response(response))
    except Exception as exc:
        raise ContractViolation(
            f"response {response.status_code} to {request.method} {request.url} breaks the "
            f"spec: {_explain(exc)}\nbody: {response.content[:500]!r}"
        ) from exc
    SEEN.add((request.method, request.url.path, response.status_code))


def _explain(exc: BaseException) -> str:
    parts = [f"{type(exc).__name__}: {exc}"]
    cause: Any = exc.__cause__ or exc.__context__
    for _ in range(4):
        if cause is None:
            break
        schema_errors = getattr(cause, "schema_errors", None)
        if schema_errors:
            parts.extend(f"  {e.message} at {list(e.absolute_path)}" for e in schema_errors[:5])
        parts.append(f"  caused by {type(cause).__name__}: {cause}")
        cause = cause.__cause__ or cause.__context__
    return "\n".join(parts)


class ContractTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Validates every exchange against the spec around another transport."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        check(request, body, None)
        response = self.inner.handle_request(request)
        response.read()
        check(request, body, response)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        check(request, body, None)
        response = await self.inner.handle_async_request(request)
        await response.aread()
        check(request, body, response)
        return response


def load_json(data: bytes) -> Any:
    return json.loads(data) if data else None
