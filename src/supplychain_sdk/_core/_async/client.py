"""The API client every platform client is built on.

Written once, async, in ``_core/_async/client.py``; ``scripts/unasync.py`` (``nox -s generate``)
writes the sync twin in ``_core/_sync/client.py``. Edit the async source only.
"""

from __future__ import annotations

import copy
import functools
import logging
import time
from asyncio import sleep
from collections.abc import Callable, Mapping
from typing import Any, BinaryIO, TypeVar, overload

import httpx
from tenacity import AsyncRetrying

from .._logging import (
    logger,
    redact_headers,
    redact_url,
    secret_segments,
    setup_logging_from_env,
)
from .._retrying import RetryPolicy, replay_safe
from ..auth import TOKEN_PHASE
from ..capture import record
from ..config import ClientConfig
from ..decoding import (
    RAW_JSON,
    cast,
    cast_json,
    decode_body,
    items_at,
    readable_as_json,
    status_error,
    validate_json_or_none,
)
from ..errors import APIConnectionError, InvalidRequestError, ResponseDecodeError
from ..failures import connection_error
from ..loops import AsyncLoopGuard
from ..operations import Operation, apply_overrides, prepare
from ..options import evolve_config
from ..pagination import PaginationStrategy
from ..platform import Platform
from ..request import RequestSpec, build_request, pool_defaults, sdk_headers
from ..response import RawResponse
from ..transports import http_client_for
from .pager import AsyncPager

__all__ = ["AsyncAPIClient", "AsyncAPIResource"]

T = TypeVar("T")
Self = TypeVar("Self", bound="AsyncAPIClient")


class AsyncAPIClient:
    """Sends requests for a platform: auth, headers, retries, errors, pagination, logging.

    Platform clients subclass it and add their resources. Use it as a context manager (or
    call `close`) to release the connection pool.
    """

    #: What the platform tells the core (error parsing, envelopes, body retry hints).
    platform: Platform = Platform()
    #: Every operation of the platform by name (its ``_routes.py``); what
    #: ``route_overrides`` may move.
    routes: Mapping[str, Operation[Any]] = {}

    def __init__(self, config: ClientConfig) -> None:
        setup_logging_from_env()
        self._config = config
        self._moved = apply_overrides(self.routes, config.route_overrides)
        injected = config.http_client
        if injected is not None and not isinstance(injected, httpx.AsyncClient):
            raise InvalidRequestError("http_client must be an httpx.AsyncClient")
        self._owns_http = injected is None
        # the pool this client made is bound to the event loop it is first used on; an
        # injected client's loop is its owner's business
        self._loop_guard = AsyncLoopGuard() if injected is None else None
        self._http: httpx.AsyncClient = injected or http_client_for(config, httpx.AsyncClient)
        if injected is None:  # the pool is the SDK's: its own headers go on it once
            self._http.headers.update(sdk_headers(config))
        self._sdk_pool = injected is None
        self._defaults = pool_defaults(self._http, config, sdk_pool=self._sdk_pool)
        self._sleep: Callable[[float], Any] = sleep
        self._last_response: RawResponse | None = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={redact_url(self._config.base_url)!r})"

    # -- options ------------------------------------------------------------------------------
    @property
    def config(self) -> ClientConfig:
        """The immutable options this client was made with."""
        return self._config

    @property
    def base_url(self) -> str:
        """The base URL every path is joined to."""
        return self._config.base_url

    @property
    def last_response(self) -> RawResponse | None:
        """Status, headers and request id of the latest answer this client received.

        Shared by every task using the client; use `capture_responses` to see the
        answers of one block of code only.
        """
        return self._last_response

    def with_options(self: Self, **changes: Any) -> Self:
        """A derived client with some options changed, sharing this client's connection pool.

        Accepts any `ClientConfig` field: ``timeout``, ``max_retries``,
        ``retry_budget``, ``max_retry_wait``, ``retry_non_idempotent``, ``default_headers``,
        ``app_info``... Closing the derived client leaves the shared pool open.
        """
        for shared in ("verify", "async_transport", "sync_transport"):
            if shared in changes:
                raise InvalidRequestError(
                    f"{shared} cannot change on a derived client: it shares this client's "
                    f"connection pool; make a new client with {shared}=..."
                )
        if "default_headers" in changes:
            changes["default_headers"] = {
                **self._config.default_headers,
                **(changes["default_headers"] or {}),
            }
        new = copy.copy(self)
        for klass in type(self).__mro__:  # resources cached by the class and its mixins
            for name, value in vars(klass).items():
                if isinstance(value, functools.cached_property):
                    new.__dict__.pop(name, None)
        new._config = evolve_config(self, self._config, changes)
        new._moved = apply_overrides(self.routes, new._config.route_overrides)
        if "http_client" in changes:
            injected = changes["http_client"]
            if not isinstance(injected, httpx.AsyncClient):
                raise InvalidRequestError("http_client must be an httpx.AsyncClient")
            new._http = injected
            new._loop_guard = None
        new._sdk_pool = self._sdk_pool and "http_client" not in changes
        new._defaults = pool_defaults(new._http, new._config, sdk_pool=new._sdk_pool)
        new._owns_http = False
        return new

    # -- lifecycle ----------------------------------------------------------------------------
    async def close(self) -> None:
        """Close the connection pool this client created (an injected client is left open)."""
        if self._owns_http:
            self._check_loop()
            await self._http.aclose()

    def _check_loop(self) -> None:
        if self._loop_guard is not None:
            self._loop_guard.check(self)

    async def __aenter__(self: Self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    # -- the escape hatch ---------------------------------------------------------------------
    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[T],
        params: Mapping[str, Any] | None = ...,
        json: Any = ...,
        content: bytes | None = ...,
        data: Mapping[str, Any] | None = ...,
        files: Any = ...,
        headers: Mapping[str, str] | None = ...,
        if_match: str | None = ...,
        idempotent: bool | None = ...,
        max_retries: int | None = ...,
        timeout: float | None = ...,
    ) -> T: ...

    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        cast_to: None = ...,
        params: Mapping[str, Any] | None = ...,
        json: Any = ...,
        content: bytes | None = ...,
        data: Mapping[str, Any] | None = ...,
        files: Any = ...,
        headers: Mapping[str, str] | None = ...,
        if_match: str | None = ...,
        idempotent: bool | None = ...,
        max_retries: int | None = ...,
        timeout: float | None = ...,
    ) -> Any: ...

    async def request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[T] | None = None,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        content: bytes | None = None,
        data: Mapping[str, Any] | None = None,
        files: Any = None,
        headers: Mapping[str, str] | None = None,
        if_match: str | None = None,
        idempotent: bool | None = None,
        max_retries: int | None = None,
        timeout: float | None = None,
    ) -> T | Any:
        """Call an endpoint the SDK does not wrap yet, with the same auth, retries and errors.

        Args:
            method: HTTP method.
            path: path under the base URL (``"/v2/ping"``); absolute URLs must share its origin.
            cast_to: a model (or any pydantic-validatable type) to parse the answer into;
                without it the decoded JSON is returned.
            params: query parameters (``None`` values are dropped).
            json: JSON body (models are sent in the API's field names).
            content: a raw body instead of JSON.
            data: form fields (with ``files``: a multipart body).
            files: files for a multipart body, as httpx takes them
                (``{"file": ("name.pdf", bytes_or_file, "application/pdf")}``).
            headers: extra headers for this call.
            if_match: ``If-Match`` value; a 409/412 answer raises ``VersionConflictError``.
            idempotent: whether a retry is safe; by default only GET/HEAD/PUT/DELETE/OPTIONS.
            max_retries: override the client's retry count for this call.
            timeout: override the client's timeout for this call (seconds).
        """
        if not isinstance(method, str) or not method.strip():
            raise InvalidRequestError("method must be a non-empty string")
        spec = RequestSpec(
            method=method.upper(),
            path=path,
            params=params,
            json=json,
            content=content,
            data=data,
            files=files,
            headers=headers,
            if_match=if_match,
            idempotent=idempotent,
            max_retries=max_retries,
            timeout=timeout,
        )
        return await self._call(spec, cast_to)

    # -- the generic caller of declared operations ---------------------------------------------
    def route(self, op: Operation[T]) -> Operation[T]:
        """``op`` as this client sends it: moved if ``route_overrides`` names it."""
        return self._moved.get(op.name, op)

    def _op_headers(self, op: Operation[Any]) -> Mapping[str, str] | None:
        """Headers a platform adds to one operation (e.g. a scope header); none by default."""
        return None

    async def run(
        self,
        op: Operation[T],
        *,
        ids: Mapping[str, object] | None = None,
        query: Mapping[str, Any] | None = None,
        body: Any = None,
        extra_body: Mapping[str, Any] | None = None,
        files: Any = None,
        headers: Mapping[str, str] | None = None,
        if_match: str | None = None,
        idempotent: bool | None = None,
    ) -> T:
        """Call one declared operation and return its typed answer.

        Ids are checked against their kind and percent-encoded; ``query`` and ``body`` are
        validated against the operation's schemas and sent in the API's names, only the
        fields given (``InvalidRequestError`` with ``field_errors`` otherwise, before anything
        is sent). The answer is unwrapped from its envelope and cast to the operation's type.
        """
        return (
            await self._run(op, ids, query, body, extra_body, files, headers, if_match, idempotent)
        )[1]

    async def run_with_response(
        self,
        op: Operation[T],
        *,
        ids: Mapping[str, object] | None = None,
        query: Mapping[str, Any] | None = None,
        body: Any = None,
        extra_body: Mapping[str, Any] | None = None,
        files: Any = None,
        headers: Mapping[str, str] | None = None,
        if_match: str | None = None,
        idempotent: bool | None = None,
    ) -> tuple[RawResponse, T]:
        """`run`, also returning the answer's `RawResponse` (status, headers, request id)."""
        response, result = await self._run(
            op, ids, query, body, extra_body, files, headers, if_match, idempotent
        )
        return RawResponse.from_httpx(response), result

    async def _run(
        self,
        op: Operation[T],
        ids: Mapping[str, object] | None,
        query: Mapping[str, Any] | None,
        body: Any,
        extra_body: Mapping[str, Any] | None,
        files: Any,
        headers: Mapping[str, str] | None,
        if_match: str | None,
        idempotent: bool | None,
    ) -> tuple[httpx.Response, T]:
        op = self.route(op)
        spec = prepare(
            op,
            ids=ids,
            query=query,
            body=body,
            extra_body=extra_body,
            files=files,
            headers=_merged(self._op_headers(op), headers),
            if_match=if_match,
            idempotent=idempotent,
        )
        with secret_segments(op.secret_segments(ids or {})):
            response, answer = await self._send(spec)
            request = response.request
            if op.answer is None:  # the operation answers nothing worth reading
                return response, None  # type: ignore[return-value]
            unknown = self._outcome_unknown(spec)
            try:
                part = op.read(answer)
            except KeyError:
                part = _MISSING
            if part is _MISSING:
                raise ResponseDecodeError(
                    method=request.method,
                    url=str(request.url),
                    status_code=response.status_code,
                    reason=f"the answer has no {op.envelope!r}",
                    outcome_unknown=unknown,
                )
            result: T = cast(
                op.answer,
                part,
                method=request.method,
                url=str(request.url),
                status=response.status_code,
                outcome_unknown=unknown,
            )
            return response, result

    def page(
        self,
        op: Operation[T],
        *,
        ids: Mapping[str, object] | None = None,
        query: Mapping[str, Any] | None = None,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        limit: int | None = None,
        page_size: int | None = None,
        start: str | int | None = None,
    ) -> AsyncPager[T]:
        """A lazy pager over a declared list operation.

        Args:
            op: the operation (its ``paging`` says how it pages and where the items are).
            ids: path ids.
            query: filters, validated like `run`'s.
            body: a JSON body sent with every page (searches).
            headers: extra headers for every page.
            limit: the most items to return overall.
            page_size: the items per request.
            start: resume from this page number or cursor.
        """
        op = self.route(op)
        if op.paging is None:
            raise InvalidRequestError(f"{op.name} is not a list operation")
        spec = prepare(
            op,
            ids=ids,
            query=query,
            body=body,
            headers=_merged(self._op_headers(op), headers),
        )
        items = op.paging.items
        return self._paginate(
            spec,
            strategy=op.paging.strategy(page_size, limit),
            item_type=op.answer,
            items=items_at(items) if isinstance(items, str) else items,
            start=start,
            limit=limit,
        )

    # -- internals used by resources ----------------------------------------------------------
    @overload
    async def _call(self, spec: RequestSpec, cast_to: type[T]) -> T: ...

    @overload
    async def _call(self, spec: RequestSpec, cast_to: None = None) -> Any: ...

    async def _call(self, spec: RequestSpec, cast_to: type[T] | None = None) -> T | Any:
        response, body = await self._send(spec, typed=cast_to is not None)
        if body is RAW_JSON:  # validated straight from the bytes
            answer = validate_json_or_none(cast_to, response.content)
            if answer is not None:
                return answer
            return cast_json(  # the same validation again, to raise its typed error
                cast_to,
                response.content,
                method=response.request.method,
                url=str(response.request.url),
                status=response.status_code,
                outcome_unknown=self._outcome_unknown(spec),
            )
        return cast(
            cast_to,
            body,
            method=response.request.method,
            url=str(response.request.url),
            status=response.status_code,
            outcome_unknown=self._outcome_unknown(spec),
        )

    def _outcome_unknown(self, spec: RequestSpec) -> bool:
        """Whether an unreadable success answer to ``spec`` leaves its outcome unknown: the
        request was applied, but it may not be sent again to learn what it did."""
        return not replay_safe(
            spec.method,
            spec.idempotent,
            self._config.retry_non_idempotent,
            spec.if_match is not None,
        )

    def paginate(
        self,
        method: str,
        path: str,
        *,
        item_type: type[T],
        strategy: PaginationStrategy,
        items: str | Callable[[Any], Any] = "data",
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        idempotent: bool | None = None,
        start: str | int | None = None,
        limit: int | None = None,
        max_pages: int | None = None,
    ) -> AsyncPager[T]:
        """A pager over a paginated endpoint the SDK does not wrap yet.

        Args:
            method: HTTP method (``"GET"``; a search ``POST`` should pass ``idempotent=True``).
            path: path under the base URL.
            item_type: the model (or type) of one item.
            strategy: how the endpoint pages (e.g. ``CursorPagination(...)``).
            items: where the items are in the body: a dotted key (``"data"``,
                ``"result.items"``), ``""`` for a body that is the list, or a callable.
            params: query parameters sent with every page.
            json: JSON body sent with every page.
            idempotent: whether retrying a page request is safe (default: by method).
            start: resume from this page number, cursor or next URL.
            limit: stop after this many items.
            max_pages: stop after this many pages.
        """
        spec = RequestSpec(
            method=method.upper(), path=path, params=params, json=json, idempotent=idempotent
        )
        return self._paginate(
            spec,
            strategy=strategy,
            item_type=item_type,
            items=items_at(items) if isinstance(items, str) else items,
            start=start,
            limit=limit,
            max_pages=max_pages,
        )

    def _paginate(
        self,
        spec: RequestSpec,
        *,
        strategy: PaginationStrategy,
        item_type: Any,
        items: Callable[[Any], Any],
        start: str | int | None = None,
        limit: int | None = None,
        max_pages: int | None = None,
    ) -> AsyncPager[Any]:
        return AsyncPager(
            self,
            spec,
            strategy=strategy,
            item_type=item_type,
            items=items,
            start=start,
            limit=limit,
            max_pages=max_pages,
        )

    async def _send(
        self, spec: RequestSpec, sink: BinaryIO | None = None, *, typed: bool = False
    ) -> tuple[httpx.Response, Any]:
        """Send with retries; return the answer and its decoded body, or raise a typed error.

        ``typed``: the caller validates a success answer into a type; a JSON one is then
        not decoded here, and the body returned is `RAW_JSON` (validate ``response.content``).
        With a ``sink``, a successful body is streamed into it chunk by chunk (constant
        memory) and the returned body is ``None``. A JSON answer is read whole first and
        checked like any answer (it may be an error envelope), then written. A transfer that
        fails after bytes were written is not retried (the sink already holds part of it).
        """
        self._check_loop()
        config = self._config
        request = build_request(self._http, config, spec, self._defaults)
        safe = replay_safe(
            request.method, spec.idempotent, config.retry_non_idempotent, spec.if_match is not None
        )
        # The first attempt runs on its own: most calls need no retry loop at all.
        first: tuple[httpx.Response, Any] | Exception
        envelope_error = self.platform.envelope_error
        leave_json = typed and sink is None and envelope_error is None
        try:
            first = await self._attempt(request, sink, safe, leave_json)
        except Exception as exc:
            first = exc
        if isinstance(first, Exception) or first[0].status_code >= 300:
            # a failure or an error status: the retry policy decides (a success never retries)
            policy = self._retry_policy(request, spec)
            outcome: tuple[httpx.Response, Any]
            if isinstance(first, Exception):
                if not policy.retries_failure(first):
                    raise first
                outcome = await self._retry(request, sink, policy, first, leave_json)
            elif policy.retries_answer(first):
                outcome = await self._retry(request, sink, policy, first, leave_json)
            else:
                outcome = first
            response, body = outcome
            if response.status_code >= 300:  # redirects are not followed: a 3xx is an error
                raise status_error(
                    self.platform,
                    response,
                    body,
                    if_match=spec.if_match,
                    outcome_unknown=policy.outcome_unknown(response.status_code),
                )
        else:
            response, body = first
        if envelope_error is not None:
            details = envelope_error(body)
            if details is not None:
                raise status_error(
                    self.platform, response, body, if_match=spec.if_match, details=details
                )
        if sink is not None and body is not None:  # a JSON download, read to be checked
            sink.write(response.content)
            return response, None
        return response, body

    def _retry_policy(self, request: httpx.Request, spec: RequestSpec) -> RetryPolicy:
        config = self._config
        return RetryPolicy(
            platform=self.platform,
            method=request.method,
            url=request.url,
            idempotent=spec.idempotent,
            retry_non_idempotent=config.retry_non_idempotent,
            conditional=spec.if_match is not None,
            max_retries=config.max_retries if spec.max_retries is None else spec.max_retries,
            budget=config.retry_budget,
            max_wait=config.max_retry_wait,
        )

    async def _retry(
        self,
        request: httpx.Request,
        sink: BinaryIO | None,
        policy: RetryPolicy,
        first: tuple[httpx.Response, Any] | Exception,
        leave_json: bool,
    ) -> tuple[httpx.Response, Any]:
        """tenacity's retry loop, its first attempt being the one already made."""
        made = [first]

        async def attempt() -> tuple[httpx.Response, Any]:
            if made:
                done = made.pop()
                if isinstance(done, Exception):
                    raise done
                return done
            return await self._attempt(request, sink, policy.replay_safe, leave_json)

        retrying = AsyncRetrying(
            retry=policy.should_retry,
            wait=policy.wait,
            stop=policy.stop,
            sleep=self._sleep,
            before_sleep=policy.before_sleep,
            retry_error_callback=policy.give_up,
        )
        retried: tuple[httpx.Response, Any] = await retrying(attempt)
        return retried

    async def _attempt(
        self,
        request: httpx.Request,
        sink: BinaryIO | None = None,
        replay_safe: bool = True,
        leave_json: bool = False,
    ) -> tuple[httpx.Response, Any]:
        debug = logger.isEnabledFor(logging.DEBUG)
        if debug:
            logger.debug(
                "request %s %s headers=%s",
                request.method,
                redact_url(str(request.url)),
                redact_headers(request.headers),
            )
            started = time.monotonic()
        written = 0
        failure: APIConnectionError | None = None
        request.extensions.pop(TOKEN_PHASE, None)
        try:
            # Never follow redirects, even on an injected client: a 3xx is an error, and
            # credentials never travel to wherever a Location header points.
            response = await self._http.send(
                request, auth=self._config.auth, stream=sink is not None, follow_redirects=False
            )
            if sink is not None:
                try:
                    if response.status_code >= 300 or _is_json(response):
                        # an error, or a JSON answer (which may be an error envelope): read
                        # and checked like any answer, written to the sink by _send if fine
                        await response.aread()
                    else:
                        async for chunk in response.aiter_bytes():
                            sink.write(chunk)
                            written += len(chunk)
                finally:
                    await response.aclose()
        except httpx.RequestError as exc:
            failure = connection_error(
                exc,
                method=request.method,
                url=redact_url(str(request.url)),
                written=written,
                token_request=bool(request.extensions.pop(TOKEN_PHASE, False)),
                replay_safe=replay_safe,
            )
        if failure is not None:
            # raised here, outside the except block, so that the error keeps no __context__
            # chain to the httpx exception and its request (which holds the Authorization)
            raise failure
        raw = RawResponse.from_httpx(response)
        self._last_response = raw
        record(raw)
        if debug:
            logger.debug(
                "response %s %s -> %d in %.3fs request_id=%s",
                request.method,
                raw.url,
                response.status_code,
                time.monotonic() - started,
                raw.request_id,
            )
        success = 200 <= response.status_code < 300  # `response.is_success`, inline
        if sink is not None and success and not _is_json(response):
            return response, None
        if leave_json and success and readable_as_json(response):
            return response, RAW_JSON
        return response, decode_body(response, outcome_unknown=not replay_safe)


_MISSING: Any = object()


def _merged(
    first: Mapping[str, str] | None, second: Mapping[str, str] | None
) -> Mapping[str, str] | None:
    if not first or not second:
        return first or second
    return {**first, **second}


def _is_json(response: httpx.Response) -> bool:
    return "json" in response.headers.get("content-type", "").lower()


class AsyncAPIResource:
    """Base of a group of operations (``client.orders``); holds the client it calls through."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._client!r})"
