"""Error mapping: typed exceptions by status, readable messages, envelopes, decode errors."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from supplychain_sdk._core import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ErrorDetails,
    InternalServerError,
    MethodNotAllowedError,
    NotFoundError,
    PermissionDeniedError,
    Platform,
    RateLimitError,
    ResponseDecodeError,
    UnprocessableEntityError,
    VersionConflictError,
)
from tests.conftest import Mode, mock


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (405, MethodNotAllowedError),
        (409, ConflictError),
        (418, APIStatusError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (503, InternalServerError),
    ],
)
async def test_status_maps_to_class(mode: Mode, status: int, cls: type[APIStatusError]) -> None:
    with mock() as router:
        router.get("/a").respond(status, json={"message": "nope", "code": "X"})
        with pytest.raises(cls) as caught:
            await mode(mode.client(max_retries=0).request("GET", "/a"))
    err = caught.value
    assert type(err) is cls
    assert err.status_code == status
    assert err.code == "X"
    assert err.error_message == "nope"
    assert err.body == {"message": "nope", "code": "X"}
    assert err.method == "GET"
    assert err.url == "https://api.example.test/a"


async def test_message_reads_well(mode: Mode) -> None:
    with mock() as router:
        router.get("/orders/42").respond(
            404,
            json={"error": {"code": "NOT_FOUND", "message": "Purchase order not found"}},
            headers={"X-Request-Id": "req-7"},
        )
        with pytest.raises(NotFoundError) as caught:
            await mode(mode.client().request("GET", "/orders/42"))
    assert str(caught.value) == (
        "404 Not Found from GET https://api.example.test/orders/42: "
        "Purchase order not found (NOT_FOUND)"
    )
    assert caught.value.request_id == "req-7"
    assert caught.value.response is not None
    assert caught.value.response.status_code == 404


def field_parser(status: int, body: Any) -> ErrorDetails:
    return ErrorDetails(
        code="VALIDATION",
        message=body["message"],
        field_errors={e["field"]: [e["message"]] for e in body["errors"]},
    )


async def test_platform_parser_gives_field_errors(mode: Mode) -> None:
    with mock() as router:
        router.post("/a").respond(
            422,
            json={"message": "Invalid", "errors": [{"field": "/name", "message": "required"}]},
        )
        client = mode.client()
        client.platform = Platform(parse_error=field_parser)
        with pytest.raises(UnprocessableEntityError) as caught:
            await mode(client.request("POST", "/a", json={}))
    assert caught.value.field_errors == {"/name": ["required"]}
    assert str(caught.value).endswith("Invalid (VALIDATION) [/name: required]")


async def test_success_envelope_reporting_failure_is_an_error(mode: Mode) -> None:
    def envelope(body: Any) -> ErrorDetails | None:
        if isinstance(body, dict) and body.get("success") is False:
            return ErrorDetails(
                code=body["error"]["code"], message=body["message"], status_code=404
            )
        return None

    with mock() as router:
        router.get("/a").respond(
            200, json={"success": False, "message": "Gone", "error": {"code": "NOT_FOUND"}}
        )
        client = mode.client()
        client.platform = Platform(envelope_error=envelope)
        with pytest.raises(NotFoundError) as caught:
            await mode(client.request("GET", "/a"))
    assert caught.value.code == "NOT_FOUND"


@pytest.mark.parametrize("status", [409, 412])
async def test_if_match_conflict_is_version_conflict(mode: Mode, status: int) -> None:
    with mock() as router:
        route = router.put("/orders/1").respond(status, json={"message": "stale"})
        with pytest.raises(VersionConflictError) as caught:
            await mode(mode.client().request("PUT", "/orders/1", json={}, if_match="7"))
        assert route.calls.last.request.headers["If-Match"] == "7"
        assert route.call_count == 1
    assert caught.value.sent_version == "7"
    assert isinstance(caught.value, ConflictError)
    assert "(sent If-Match: 7)" in str(caught.value)


async def test_malformed_json_on_success_is_a_decode_error(mode: Mode) -> None:
    with mock() as router:
        router.get("/a").respond(
            200, content=b'{"a": ', headers={"content-type": "application/json"}
        )
        with pytest.raises(ResponseDecodeError, match="malformed or truncated JSON"):
            await mode(mode.client().request("GET", "/a"))


async def test_non_json_error_body_kept_as_text(mode: Mode) -> None:
    with mock() as router:
        router.get("/a").respond(502, text="<html>Bad gateway</html>")
        with pytest.raises(InternalServerError) as caught:
            await mode(mode.client(max_retries=0).request("GET", "/a"))
    assert caught.value.body == "<html>Bad gateway</html>"


async def test_cast_to_shape_mismatch_is_a_decode_error(mode: Mode) -> None:
    with mock() as router:
        router.get("/a").respond(200, json={"not": "a list"})
        with pytest.raises(ResponseDecodeError, match="unexpected shape"):
            await mode(mode.client().request("GET", "/a", cast_to=list[int]))


async def test_httpx_errors_are_wrapped(mode: Mode) -> None:
    from supplychain_sdk._core import APIConnectionError

    with mock() as router:
        router.get("/a").mock(side_effect=httpx.ConnectError("refused"))
        with pytest.raises(APIConnectionError) as caught:
            await mode(mode.client(max_retries=0).request("GET", "/a"))
    assert not isinstance(caught.value, httpx.HTTPError)
    assert caught.value.__cause__ is None
    assert "ConnectError" in str(caught.value)


async def test_redirect_is_an_error_not_data(mode: Mode) -> None:
    with mock() as router:
        router.get("/a").respond(302, headers={"Location": "https://elsewhere.example/a"})
        with pytest.raises(APIStatusError) as caught:
            await mode(mode.client().request("GET", "/a"))
    assert caught.value.status_code == 302
    assert str(caught.value) == "302 Found from GET https://api.example.test/a"


async def test_injected_client_that_follows_redirects_still_does_not(mode: Mode) -> None:
    with mock(assert_all_mocked=False) as router:
        router.get("/a").respond(307, headers={"Location": "https://elsewhere.example/steal"})
        evil = router.route(host="elsewhere.example").respond(200, json={})
        http = (
            httpx.AsyncClient(follow_redirects=True)
            if mode.is_async
            else httpx.Client(follow_redirects=True)
        )
        from supplychain_sdk._core import BearerAuth

        client = mode.client(http_client=http, auth=BearerAuth("secret"))
        with pytest.raises(APIStatusError) as caught:
            await mode(client.request("GET", "/a"))
        assert caught.value.status_code == 307
        assert not evil.called


# -- every SDK exception pickles (ProcessPoolExecutor, Celery) without secrets ------------------


def _instances() -> list[Exception]:
    import inspect

    from supplychain_sdk._core import errors
    from supplychain_sdk._core.response import RawResponse

    raw = RawResponse(
        status_code=404, headers={"x-request-id": "r-1"}, method="GET", url="https://h/a"
    )
    status_kwargs: dict[str, Any] = {
        "status_code": 404,
        "method": "GET",
        "url": "https://h/a",
        "code": "NOT_FOUND",
        "error_message": "no such order",
        "field_errors": {"id": ["unknown"]},
        "body": {"message": "no such order"},
        "response": raw,
        "retry_after": 2.5,
        "details": {"errorUrl": "https://portal/e/1"},
    }
    made: list[Exception] = []
    for name in errors.__all__:
        cls = getattr(errors, name)
        if not (inspect.isclass(cls) and issubclass(cls, Exception)):
            continue
        if issubclass(cls, errors.VersionConflictError):
            made.append(cls(sent_version="7", **status_kwargs))
        elif issubclass(cls, errors.APIStatusError):
            made.append(cls(**status_kwargs))
        elif issubclass(cls, errors.APIConnectionError):
            made.append(cls(method="POST", url="https://h/a", reason="ReadError: reset"))
        elif issubclass(cls, errors.ResponseDecodeError):
            made.append(cls(method="GET", url="https://h/a", status_code=200, reason="not JSON"))
        elif issubclass(cls, errors.APIError):
            made.append(cls("it failed", method="GET", url="https://h/a"))
        elif issubclass(cls, errors.InvalidRequestError):
            made.append(cls("bad input", field_errors={"sku": ["required"]}))
        else:
            made.append(cls("it failed"))
    return made


def test_every_sdk_exception_round_trips_through_pickle() -> None:
    import pickle

    from supplychain_sdk._core import errors

    made = _instances()
    classes = {type(e) for e in made}
    assert classes == {
        c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, Exception)
    } - {Exception, ValueError, TypeError}
    for error in made:
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert str(copy) == str(error)
        assert copy.args == error.args
        assert vars(copy) == vars(error)


async def test_a_raised_not_found_crosses_a_process_pool(mode: Mode) -> None:
    import pickle

    with mock() as router:
        router.get("/orders/9").respond(404, json={"message": "no such order", "code": "NF"})
        with pytest.raises(NotFoundError) as caught:
            await mode(mode.client(auth=None).request("GET", "/orders/9"))
    copy = pickle.loads(pickle.dumps(caught.value))
    assert isinstance(copy, NotFoundError)
    assert (copy.status_code, copy.code, copy.error_message) == (404, "NF", "no such order")
    assert copy.response == caught.value.response
    assert copy.__traceback__ is None
    assert copy.__context__ is None


def test_error_classes_redact_the_url_they_are_given() -> None:
    from supplychain_sdk._core import APIConnectionError

    url = "https://user:pa55word@h/a?access_token=tok-123&page=2"
    made = [
        NotFoundError(status_code=404, method="GET", url=url),
        APIConnectionError(method="GET", url=url, reason="ConnectError"),
        ResponseDecodeError(method="GET", url=url, status_code=200, reason="bad"),
    ]
    for error in made:
        for text in (str(error), repr(error), error.url):
            assert "pa55word" not in text, text
            assert "tok-123" not in text, text
        assert error.url == "https://[REDACTED]@h/a?access_token=[REDACTED]&page=2"
