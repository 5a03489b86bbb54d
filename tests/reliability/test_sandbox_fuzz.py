"""Fuzzing the served sandboxes: every request, however malformed, gets the platform's error.

A hypothesis-driven fuzzer of our own sends malformed bodies (broken and non-UTF-8 JSON,
deep nesting, huge numbers, wrong shapes built from the platform's own field names), odd
headers, paths, queries and methods to every route of every sandbox served on a loopback
port, and checks there is never a 5xx and that every refusal has the platform's error shape.
The Procuros sandbox is also attacked by Schemathesis, an outside fuzzer driven by the
platform's own OpenAPI document (``test_procuros_openapi_fuzz.py``).
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlsplit

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supplychain_sdk.sandbox import Sandbox

from .fuzz_targets import TARGETS, FuzzTarget, existing_ids

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
QUERY_NAMES = ("per_page", "cursor", "page", "limit", "size", "search", "filter[type]", "since")
BROKEN_BODIES = (
    b"{",
    b'{"success": tru',
    b'{"a": 1}{',
    b"\xff\xfe\x00\x01",
    b'{"name": "\xe9t\xe9"}',  # Latin-1, not UTF-8
    b"\x80\x81",
    b"[" * 20_000,  # deeper than the JSON decoder recurses
    b"9" * 5_000,  # more digits than Python converts to an int
    b"NaN",
    b"null",
    b"[]",
    b'""',
    b"\x00",
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)


@st.composite
def fuzzed_request(
    draw: st.DrawFn,
    target: FuzzTarget,
    sandbox: Sandbox,
    valid: dict[str, str],
    vocabulary: list[str],
    ids: list[str],
) -> dict[str, Any]:
    """A request to one route with a fuzzed body and at most one other part broken.

    Keeping the other parts valid lets most bodies reach the handlers (not only the
    authentication check); the broken part is the method, path, a path id, the
    credentials, a header, or the query.
    """
    routes = [(method, template) for method, template, _regex, _name in sandbox._routes]
    method, template = draw(st.sampled_from(routes))
    broken = draw(
        st.sampled_from(("none", "none", "id", "method", "path", "auth", "header", "query"))
    )
    path = template
    while "{" in path:
        name = path[path.index("{") + 1 : path.index("}")]
        known = tuple(target.ids.get(name, ())) or tuple(ids) or ("0",)
        value = draw(st.sampled_from(known))
        if broken == "id":
            value = draw(st.text(max_size=10).map(lambda t: quote(t, safe="")))
        path = path.replace("{" + name + "}", value, 1)
    if broken == "method":
        method = draw(st.sampled_from(METHODS))
    if broken == "path":
        path = draw(st.sampled_from((path + "/", path + "/extra", path.upper(), path + "%00")))
    headers: list[tuple[bytes, bytes]] = []
    for name, value in valid.items():
        if broken == "auth" and name == "authorization":
            value = draw(
                st.sampled_from(("", "Bearer not-a-token", "Basic Og==", "Bearer", "\xe9"))
            )
        elif broken == "header":
            value = draw(st.sampled_from((value, "", "2", "\xe9")))
        if value:
            headers.append((name.encode(), value.encode("latin-1")))
    content_type = draw(st.sampled_from((b"application/json", b"text/plain", b"")))
    if content_type:
        headers.append((b"content-type", content_type))
    if broken == "header":
        odd = draw(st.lists(st.integers(0x21, 0x7E) | st.integers(0x80, 0xFF), min_size=1))
        headers.append((b"x-fuzz", bytes(odd[:8])))
    body = draw(
        st.dictionaries(st.sampled_from(vocabulary), json_values, max_size=6).map(
            lambda v: json.dumps(v).encode()
        )
        | st.sampled_from(BROKEN_BODIES)
        | st.binary(max_size=40)
        | json_values.map(lambda v: json.dumps(v).encode())
        | st.just(b"")
    )
    query: list[tuple[str, str]] = []
    if broken == "query":
        query = draw(
            st.lists(
                st.tuples(st.sampled_from(QUERY_NAMES) | st.text(max_size=6), st.text(max_size=8)),
                min_size=1,
                max_size=3,
            )
        )
    return {"method": method, "path": path, "headers": headers, "content": body, "params": query}


@pytest.fixture(scope="module", params=TARGETS, ids=[t.name for t in TARGETS])
def served(request: pytest.FixtureRequest) -> Iterator[tuple[FuzzTarget, Sandbox, str]]:
    target: FuzzTarget = request.param
    sandbox = target.make()
    with sandbox.serve() as url:
        yield target, sandbox, url


def check_answer(target: FuzzTarget, method: str, path: str, response: httpx.Response) -> None:
    """No 5xx; an error answer is JSON in the platform's shape; a 2xx with a body is JSON."""
    assert response.status_code < 500, (method, path, response.status_code, response.text)
    if path.startswith(target.foreign):
        return
    if response.status_code >= 400:
        assert response.headers.get("content-type", "").startswith("application/json"), (
            method,
            path,
            response.status_code,
            response.headers,
        )
        body = response.json()
        problem = target.error_shape(method, path, response.status_code, body)
        assert problem is None, (method, path, response.status_code, body, problem)
    elif response.content:
        response.json()


def test_fuzzed_requests_get_the_platform_error_shape_never_a_5xx(
    served: tuple[FuzzTarget, Sandbox, str],
) -> None:
    target, sandbox, url = served
    valid = target.headers(sandbox)
    vocabulary = target.vocabulary()
    ids = existing_ids(sandbox)
    statuses: dict[int, int] = {}

    with httpx.Client(base_url=url, timeout=5.0) as http:

        @settings(
            max_examples=100,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )
        @given(fuzzed_request(target, sandbox, valid, vocabulary, ids))
        def attack(call: dict[str, Any]) -> None:
            response = http.request(
                call["method"],
                call["path"],
                headers=call["headers"],
                content=call["content"],
                params=call["params"],
            )
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            check_answer(target, call["method"], call["path"], response)

        attack()
    # the fuzzer got past authentication and routing into the handlers (their answers,
    # bad_json's 400 included), not only refused at the door
    assert set(statuses) - {401, 403, 404, 405}, statuses
    assert len(statuses) >= 4, statuses


#: Requests a client library would not send: a query and path escapes that decode to no
#: UTF-8, Latin-1 header bytes, a non-UTF-8 body. (A request line with raw non-ASCII bytes
#: is refused by the HTTP server's parser with its own 400 before any sandbox code runs.)
RAW_REQUESTS = (
    b"GET /v2/transactions?%ff=%fe&%c3 HTTP/1.1\r\nAuthorization: Bearer \xe9\r\n",
    b"POST /api/items HTTP/1.1\r\nContent-Length: 3\r\nX-Odd: \xff\xfe\r\n",
    b"PUT /tenants/%ff/products/%00 HTTP/1.1\r\nContent-Length: 0\r\n",
    b"POST /v2/transactions HTTP/1.1\r\nContent-Length: 2\r\nAuthorization: Bearer \xff\r\n",
)
RAW_BODY = b"\xff\xfe{"


@pytest.mark.parametrize("raw", RAW_REQUESTS)
def test_raw_bytes_on_the_wire_get_the_platform_error_shape(
    served: tuple[FuzzTarget, Sandbox, str], raw: bytes
) -> None:
    target, _sandbox, url = served
    parts = urlsplit(url)
    length = int(raw.split(b"Content-Length: ")[1].split(b"\r")[0]) if b"Length" in raw else 0
    wire = raw + f"Host: {parts.netloc}\r\nConnection: close\r\n\r\n".encode() + RAW_BODY[:length]
    with socket.create_connection((parts.hostname, parts.port), timeout=5) as sock:
        sock.sendall(wire)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    if b"transfer-encoding: chunked" in head.lower():
        body = _dechunk(body)
    status = int(head.split(b" ", 2)[1])
    method, path = raw.split(b" ", 2)[:2]
    assert status < 500, answer
    assert b"content-type: application/json" in head.lower(), answer
    problem = target.error_shape(
        method.decode(), path.split(b"?")[0].decode(), status, json.loads(body)
    )
    assert problem is None, (answer, problem)


def _dechunk(data: bytes) -> bytes:
    out = b""
    while data:
        size_line, _, data = data.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        out, data = out + data[:size], data[size + 2 :]
    return out
