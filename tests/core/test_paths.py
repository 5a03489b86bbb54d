"""Path parameters are validated and percent-encoded before anything is sent."""

from __future__ import annotations

from enum import Enum
from urllib.parse import quote

import pytest

from supplychain_sdk._core import ForeignOriginError, InvalidRequestError, path
from tests.conftest import Mode, mock


class Kind(str, Enum):
    A = "a/b"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("42", "/orders/42"),
        (42, "/orders/42"),
        ("../x", "/orders/..%2Fx"),
        ("a/b", "/orders/a%2Fb"),
        ("a b?c#d", "/orders/a%20b%3Fc%23d"),
        ("ü", "/orders/%C3%BC"),
        (Kind.A, "/orders/a%2Fb"),
    ],
)
def test_encoding(value: object, expected: str) -> None:
    assert path("/orders/{order_id}", order_id=value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "949b2ef2-3f40-465e-a7ee-ea3f9f189860",
        "A_b~c-9",
        "a.b",
        "...",
        "x\n",
        "a%2Fb",
        "ID\u00e9",
        "tab\t",
    ],
)
def test_plain_and_other_ids_encode_like_quote(value: str) -> None:
    """The shortcut for ids of unreserved characters gives exactly what percent-encoding
    gives; anything else (dots, percent signs, controls, non-ASCII) is encoded."""
    assert path("/orders/{order_id}", order_id=value) == f"/orders/{quote(value, safe='')}"


class Text(str):
    """A ``str`` subclass: encoded through ``str()``, like before the shortcut."""

    def __str__(self) -> str:
        return "shown"


def test_a_str_subclass_takes_the_checked_path() -> None:
    assert path("/orders/{order_id}", order_id=Text("abc")) == "/orders/shown"


@pytest.mark.parametrize("value", [None, "", "  ", ".", "..", True, 1.5, b"x"])
def test_bad_ids_raise(value: object) -> None:
    with pytest.raises(InvalidRequestError, match="order_id"):
        path("/orders/{order_id}", order_id=value)


def test_missing_parameter() -> None:
    with pytest.raises(InvalidRequestError, match="missing path parameters: line_id"):
        path("/orders/{order_id}/lines/{line_id}", order_id="1")


async def test_encoded_id_reaches_the_server_as_one_segment(mode: Mode) -> None:
    with mock() as router:
        route = router.get(path__regex=r"^/orders/").respond(200, json={})
        await mode(mode.client().request("GET", path("/orders/{id}", id="../admin")))
        assert route.calls.last.request.url.raw_path == b"/orders/..%2Fadmin"


async def test_absolute_url_on_other_origin_refused(mode: Mode) -> None:
    with mock(assert_all_mocked=False) as router:
        evil = router.route(host="evil.example").respond(200)
        with pytest.raises(ForeignOriginError):
            await mode(mode.client().request("GET", "https://evil.example/x"))
        with pytest.raises(ForeignOriginError):
            await mode(mode.client().request("GET", "http://api.example.test/x"))  # scheme differs
        assert not evil.called


async def test_relative_path_must_start_with_slash(mode: Mode) -> None:
    with pytest.raises(InvalidRequestError, match="must start with '/'"):
        await mode(mode.client().request("GET", "orders"))


@pytest.mark.parametrize("bad", ["/a\x00b", "https://api.example.test:abc/x"])
async def test_malformed_urls_are_invalid_requests(mode: Mode, bad: str) -> None:
    with pytest.raises(InvalidRequestError, match="invalid URL"):
        await mode(mode.client().request("GET", bad))


@pytest.mark.parametrize(
    ("template", "params", "expected"),
    [
        ("/a/{x}/b/{y}", {"x": "1", "y": "a b"}, "/a/1/b/a%20b"),
        ("/a/{x}/{x}", {"x": "s/t"}, "/a/s%2Ft/s%2Ft"),
        ("/{x}.json", {"x": "7", "unused": "z"}, "/7.json"),
        ("/literal/{{x}}/{x}", {"x": "9"}, "/literal/{x}/9"),
        ("/no-fields", {}, "/no-fields"),
        ("/{x!s}", {"x": "1 2"}, "/1%202"),
        ("/{x:>3}", {"x": "7"}, "/  7"),
    ],
)
def test_templates_fill_like_str_format(
    template: str, params: dict[str, object], expected: str
) -> None:
    """Plain ``{name}`` templates are joined from pieces parsed once; the result is what
    ``str.format`` gives (a spec or conversion goes through ``str.format`` itself)."""
    assert path(template, **params) == expected


def test_missing_names_are_reported_before_bad_values() -> None:
    with pytest.raises(InvalidRequestError, match="missing path parameters: b, c"):
        path("/{a}/{b}/{c}", a=None)
