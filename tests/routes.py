"""The table-walking checks every platform on the route table runs (botocore-style).

A platform's ``tests/<platform>/test_routes.py`` declares one `Case` per operation (the
call, and the exact request it must send) and calls `check_table` and `run_case`:

- every row of the route table has a case, a sync and an async public method, and a line
  in the generated reference page;
- every public method is a row (``@uses``) or a named composite helper;
- every case, run sync and async against a respx mock, sends exactly the declared request
  (method, path, query, JSON body, required headers) and returns what ``check`` expects.
"""

from __future__ import annotations

import functools
import inspect
import json
from collections.abc import Callable, Iterable, Mapping
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import attrs
import httpx
import respx

from supplychain_sdk._core.operations import Operation, operations_of
from tests.conftest import Mode

ROOT = Path(__file__).resolve().parent.parent

#: The `Case.json` default: the request must carry no body.
NO_BODY = object()


@attrs.frozen(kw_only=True)
class Case:
    """One call of one operation and the exact request it must send.

    Attributes:
        call: ``lambda client: client.orders.update(ID, notes="x")``; a pager is consumed.
        method: the HTTP method expected.
        path: the path expected (after the base URL's own path), ids encoded.
        query: the query parameters expected, exactly.
        json: the JSON body expected, exactly (`NO_BODY`: none); for a multipart body, its
            text fields.
        headers: headers that must be present with these values.
        absent: headers that must not be sent.
        answer: the JSON the mock answers with.
        pages: the answers of consecutive requests instead (a pager's pages); the first
            request is the one checked.
        status: the status of the answer(s).
        check: called with what the method returned (a pager's items as a list).
    """

    call: Callable[[Any], Any]
    method: str
    path: str
    query: Mapping[str, str | list[str]] = attrs.field(factory=dict)
    json: Any = NO_BODY
    headers: Mapping[str, str] = attrs.field(factory=dict)
    absent: Iterable[str] = ()
    answer: Any = attrs.field(factory=dict)
    pages: list[Any] | None = None
    status: int = 200
    check: Callable[[Any], object] | None = None


def public_methods(cls: type, prefix: str = "client") -> dict[str, Any]:
    """``{"client.orders.update": function}`` for every public method under a client class."""
    found: dict[str, Any] = {}
    for name in sorted(dir(cls)):
        if name.startswith("_"):
            continue
        member = inspect.getattr_static(cls, name, None)
        if isinstance(member, functools.cached_property):
            resource = inspect.signature(member.func).return_annotation
            hints = _hints(member.func)
            resource = hints.get("return", resource)
            if inspect.isclass(resource):
                found.update(public_methods(resource, f"{prefix}.{name}"))
            continue
        if callable(member) or isinstance(member, (staticmethod, classmethod)):
            found[f"{prefix}.{name}"] = getattr(cls, name)
    return found


def _hints(func: Any) -> dict[str, Any]:
    import typing

    try:
        return typing.get_type_hints(func)
    except (NameError, TypeError):
        return {}


def check_table(
    *,
    routes: Mapping[str, Operation[Any]],
    sync_client: type,
    async_client: type,
    cases: Mapping[str, Case],
    reference: str,
    composites: Iterable[str] = (),
    client_methods: Iterable[str] = (),
) -> None:
    """Every row has a case, a sync and an async method, and a reference line; every public
    method is a row or a named composite (``client_methods``: the client's own, not HTTP)."""
    assert sorted(cases) == sorted(routes), (
        f"cases missing: {sorted(set(routes) - set(cases))}; "
        f"cases for no row: {sorted(set(cases) - set(routes))}"
    )
    ignore = {
        "client.request",
        "client.paginate",
        "client.run",
        "client.run_with_response",
        "client.page",
        "client.route",
        "client.with_options",
        "client.close",
        *(f"client.{name}" for name in client_methods),
    }
    composite = set(composites)
    sides: dict[str, dict[str, set[str]]] = {}
    for side, cls in (("sync", sync_client), ("async", async_client)):
        by_op: dict[str, set[str]] = {}
        for dotted, func in public_methods(cls).items():
            if dotted in ignore:
                continue
            ops = operations_of(func)
            if not ops:
                assert dotted in composite, f"{side} {dotted} is public but uses no operation"
                continue
            if len(ops) > 1:
                assert dotted in composite, (
                    f"{side} {dotted} uses several rows: name it a composite"
                )
            for op in ops:
                assert routes.get(op.name) is op, f"{dotted} uses {op.name}, not a row of the table"
                by_op.setdefault(op.name, set()).add(dotted)
        sides[side] = by_op
        unused = set(routes) - set(by_op)
        assert not unused, f"{side}: rows with no public method: {sorted(unused)}"
    assert sides["sync"] == sides["async"], "sync and async methods differ"
    page = (ROOT / reference).read_text()
    for name, op in routes.items():
        route = f"`{op.method} {op.path}{' (inferred)' if op.inferred else ''}`"
        assert f"`client.{name}`" in page, f"{reference} has no entry for client.{name}"
        assert route in page, f"{reference} does not show {name} as {route}"


async def run_case(mode: Mode, client: Any, case: Case, base_url: str) -> Any:
    """Run ``case`` on ``client`` (sync or async) against respx; assert the exact request."""
    answers = case.pages if case.pages is not None else [case.answer]
    responses = [httpx.Response(case.status, json=answer) for answer in answers]
    with respx.mock(base_url=base_url, assert_all_called=False) as router:
        route = router.route().mock(side_effect=responses)
        result = await mode(case.call(client))
        if hasattr(result, "__aiter__") or (
            hasattr(result, "__iter__") and hasattr(result, "first_page")
        ):
            result = await mode.collect(result)
    assert route.calls, "no request was sent"
    request = route.calls[0].request
    _assert_request(request, case, base_url)
    if case.check is not None:
        case.check(result)
    return result


def _assert_request(request: httpx.Request, case: Case, base_url: str) -> None:
    assert request.method == case.method
    prefix = urlsplit(base_url).path.rstrip("/")
    url = urlsplit(str(request.url))
    assert url.path == prefix + case.path, f"{url.path} != {prefix + case.path}"
    sent: dict[str, Any] = {}
    for key, value in parse_qsl(url.query, keep_blank_values=True):
        if key in sent:
            sent[key] = [*([sent[key]] if isinstance(sent[key], str) else sent[key]), value]
        else:
            sent[key] = value
    assert sent == dict(case.query), f"query {sent} != {dict(case.query)}"
    if case.json is NO_BODY:
        assert request.content == b"", f"unexpected body {request.content!r}"
    elif request.headers.get("content-type", "").startswith("multipart/form-data"):
        assert _form_fields(request) == case.json  # the text fields; files are checked apart
    else:
        assert json.loads(request.content) == case.json
    for name, value in case.headers.items():
        assert request.headers.get(name) == value, f"header {name}: {request.headers.get(name)}"
    for name in case.absent:
        assert name not in request.headers, f"header {name} was sent"


def _form_fields(request: httpx.Request) -> dict[str, str]:
    """The text fields of a ``multipart/form-data`` body (the parts without a filename)."""
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + request.content)
    return {
        str(part.get_param("name", header="content-disposition")): part.get_content()
        for part in message.iter_parts()
        if part.get_filename() is None
    }
