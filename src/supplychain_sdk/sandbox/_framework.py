"""The base for stateful platform fakes: routing, JSON helpers, auth hooks, faults, mounting.

A `Sandbox` answers `SandboxRequest` objects with `SandboxResponse`
objects. It mounts in-process through `Sandbox.transport` (an httpx transport for sync
and async clients alike) or serves on a loopback port through `Sandbox.serve` (ASGI
on uvicorn) for tests that need real sockets.
"""

from __future__ import annotations

import asyncio
import json as jsonlib
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, overload
from urllib.parse import parse_qsl, quote, unquote, urlencode

import attrs
import httpx

if TYPE_CHECKING:
    from .._core._async.client import AsyncAPIClient
    from .._core._sync.client import SyncAPIClient

__all__ = [
    "Fault",
    "Faults",
    "Sandbox",
    "SandboxRequest",
    "SandboxResponse",
    "SandboxTransport",
    "WebhookDelivery",
    "WebhookTarget",
    "json_response",
    "route",
]

Handler = Callable[..., "SandboxResponse"]
F = TypeVar("F", bound=Callable[..., Any])
C = TypeVar("C", bound="SyncAPIClient | AsyncAPIClient")


@attrs.frozen
class SandboxRequest:
    """A request as a fake sees it.

    Attributes:
        method: upper-case HTTP method.
        path: URL path as sent, still percent-encoded (decoded values are in ``path_params``).
        query: query parameters in order, repeated names kept.
        headers: headers with lower-case names.
        body: the raw body.
        base_url: scheme and host the request was sent to.
        path_params: values captured by the route template.
    """

    method: str
    path: str
    query: tuple[tuple[str, str], ...] = ()
    headers: Mapping[str, str] = attrs.field(factory=dict)
    body: bytes = b""
    base_url: str = "http://sandbox.invalid"
    path_params: Mapping[str, str] = attrs.field(factory=dict)

    @overload
    def param(self, name: str) -> str | None: ...

    @overload
    def param(self, name: str, default: str) -> str: ...

    def param(self, name: str, default: str | None = None) -> str | None:
        """The first value of a query parameter (``default`` when it is absent)."""
        for key, value in self.query:
            if key == name:
                return value
        return default

    def params(self, name: str) -> list[str]:
        """Every value of a repeated query parameter."""
        return [value for key, value in self.query if key == name]

    def header(self, name: str) -> str | None:
        """A header by case-insensitive name."""
        return self.headers.get(name.lower())

    def json(self) -> Any:
        """The body decoded as JSON (``None`` when empty).

        Raises:
            json.JSONDecodeError: the body is not JSON: malformed, not UTF-8, nested too
                deeply or holding a number Python will not convert. `Sandbox.dispatch`
                answers it with the sandbox's `Sandbox.bad_json`.
        """
        if not self.body:
            return None
        try:
            return jsonlib.loads(self.body)
        except jsonlib.JSONDecodeError:
            raise
        except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
            raise jsonlib.JSONDecodeError(f"not JSON ({type(exc).__name__})", "", 0) from None

    def url_for(self, path: str, **query: Any) -> str:
        """An absolute URL on the same origin (for next-page links)."""
        clean = {k: v for k, v in query.items() if v is not None}
        return f"{self.base_url}{path}" + (f"?{urlencode(clean)}" if clean else "")


@attrs.frozen
class SandboxResponse:
    """An answer from a fake.

    Attributes:
        status: the HTTP status.
        body: the raw body.
        headers: headers with lower-case names.
    """

    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = attrs.field(factory=dict)

    def json(self) -> Any:
        """The body decoded as JSON (``None`` when empty)."""
        return jsonlib.loads(self.body) if self.body else None


def json_response(
    data: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> SandboxResponse:
    """A JSON answer (``None`` gives an empty body)."""
    body = b"" if data is None else jsonlib.dumps(data, default=str).encode("utf-8")
    all_headers = {"content-type": "application/json"} if data is not None else {}
    all_headers.update({k.lower(): v for k, v in (headers or {}).items()})
    return SandboxResponse(status=status, body=body, headers=all_headers)


def route(method: str, template: str) -> Callable[[F], F]:
    """Mark a sandbox method as the handler of ``METHOD /path/{param}``."""

    def mark(func: F) -> F:
        routes = list(getattr(func, "__sandbox_routes__", ()))
        routes.append((method.upper(), template))
        func.__sandbox_routes__ = routes  # type: ignore[attr-defined]
        return func

    return mark


def _compile(template: str) -> re.Pattern[str]:
    pattern = re.sub(
        r"\{(\w+)\}", r"(?P<\1>[^/]+)", re.escape(template).replace(r"\{", "{").replace(r"\}", "}")
    )
    return re.compile(f"^{pattern}$")


@attrs.define
class Fault:
    """One injected fault: applies to requests matching ``method`` and ``path`` (a regex).

    Attributes:
        kind: ``"status"`` (answer ``status``), ``"delay"``, ``"drop"`` or ``"pass"``.
        method: only this method (``None``: any).
        path: only paths matching this regular expression (``None``: any).
        times: how many matching requests it fires for (``None``: forever).
        status: the status a ``"status"`` fault answers with.
        delay: seconds a ``"delay"`` fault waits before the real answer.
        headers: headers of a ``"status"`` answer (e.g. ``Retry-After``).
        body: JSON body of a ``"status"`` answer.
    """

    kind: str
    method: str | None = None
    path: str | None = None
    times: int | None = 1
    status: int = 503
    delay: float = 0.0
    headers: Mapping[str, str] = attrs.field(factory=dict)
    body: Any = None

    def matches(self, request: SandboxRequest) -> bool:
        """Whether this fault applies to ``request``."""
        if self.method is not None and request.method != self.method.upper():
            return False
        return self.path is None or re.search(self.path, request.path) is not None


class Faults:
    """Scripted failures: delays, status sequences, 429s with Retry-After, dropped connections.

    Each fault fires for ``times`` matching requests (``None``: forever), in the order added.
    """

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> Fault:
        """Queue any fault; returns it."""
        with self._lock:
            self._faults.append(fault)
        return fault

    def delay(
        self,
        seconds: float,
        *,
        method: str | None = None,
        path: str | None = None,
        times: int | None = 1,
    ) -> Fault:
        """Delay matching answers by ``seconds`` (beyond the read timeout: a read timeout)."""
        return self.add(Fault("delay", method=method, path=path, times=times, delay=seconds))

    def statuses(
        self,
        sequence: Sequence[int],
        *,
        method: str | None = None,
        path: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> list[Fault]:
        """Answer the next matching requests with these statuses in turn; 2xx passes through.

        ``statuses([503, 503, 200])``: two 503s, then the real answer.
        """
        return [
            self.add(
                Fault(
                    "pass" if status < 300 else "status",
                    method=method,
                    path=path,
                    status=status,
                    headers=headers or {},
                )
            )
            for status in sequence
        ]

    def rate_limit(
        self,
        retry_after: float | str = 1,
        *,
        method: str | None = None,
        path: str | None = None,
        times: int | None = 1,
        body: Any = None,
    ) -> Fault:
        """Answer 429 with ``Retry-After``."""
        return self.add(
            Fault(
                "status",
                method=method,
                path=path,
                times=times,
                status=429,
                headers={"Retry-After": str(retry_after)},
                body=body,
            )
        )

    def drop_connection(
        self, *, method: str | None = None, path: str | None = None, times: int | None = 1
    ) -> Fault:
        """Close the connection without a complete answer."""
        return self.add(Fault("drop", method=method, path=path, times=times))

    def clear(self) -> None:
        """Remove every pending fault."""
        with self._lock:
            self._faults.clear()

    def take(self, request: SandboxRequest) -> Fault | None:
        """The fault for this request, consuming one of its ``times``."""
        with self._lock:
            for fault in self._faults:
                if fault.matches(request):
                    if fault.times is not None:
                        fault.times -= 1
                        if fault.times <= 0:
                            self._faults.remove(fault)
                    return fault
        return None

    def __len__(self) -> int:
        return len(self._faults)


#: Where a fake delivers webhooks: a callable ``(body, headers)`` or a loopback URL.
WebhookTarget = Callable[[bytes, Mapping[str, str]], object] | str


@attrs.frozen
class WebhookDelivery:
    """One webhook a fake delivered (or tried to).

    Attributes:
        target: the URL, or the callable's name.
        body: the exact bytes sent (what a signature covers).
        headers: the headers sent.
        status: the receiver's HTTP status (200 for a callable that returned normally).
        error: why the delivery failed, if it did.
    """

    target: str
    body: bytes
    headers: Mapping[str, str]
    status: int | None = None
    error: str | None = None


_LOOPBACK_HOSTS = {"localhost", "::1", "[::1]"}


def _check_loopback(url: str) -> None:
    host = httpx.URL(url).host
    if host not in _LOOPBACK_HOSTS and not host.startswith("127."):
        raise ValueError(f"the sandbox only delivers webhooks to loopback URLs, not {url!r}")


class _Dropped(Exception):
    """Raised inside the fake when a fault drops the connection."""


class Sandbox:
    """Base class of a stateful fake API.

    Subclasses register handlers with `route` and may override `authenticate`.
    Every request is recorded in `requests`; state changes happen under one lock, so
    a fake is safe to use from many threads and tasks.
    """

    #: Routes collected from ``@route`` methods: (method, template, regex, attribute name).
    _routes: ClassVar[list[tuple[str, str, re.Pattern[str], str]]] = []
    #: The base URL clients use for in-process mounting.
    base_url: str = "https://sandbox.invalid"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        routes = list(cls._routes)
        for name, member in vars(cls).items():
            for method, template in getattr(member, "__sandbox_routes__", ()):
                routes.append((method, template, _compile(template), name))
        # Literal segments win over parameters: sort by number of parameters.
        routes.sort(key=lambda r: (r[1].count("{"), -len(r[1])))
        cls._routes = routes

    def __init__(self) -> None:
        self.faults = Faults()
        #: Every request received, oldest first.
        self.requests: list[SandboxRequest] = []
        self.lock = threading.RLock()
        #: Every webhook delivered so far, oldest first.
        self.webhook_deliveries: list[WebhookDelivery] = []
        self._outbox: list[tuple[WebhookTarget, bytes, dict[str, str]]] = []

    def __repr__(self) -> str:
        return f"{type(self).__name__}(routes={len(self._routes)}, requests={len(self.requests)})"

    # -- hooks ----------------------------------------------------------------------------------
    def authenticate(self, request: SandboxRequest) -> SandboxResponse | None:
        """Return an error answer to refuse the request, ``None`` to let it through."""
        return None

    def error(self, request: SandboxRequest, status: int, message: str) -> SandboxResponse:
        """An error answer in the platform's own shape.

        The default error hooks (`not_found`, `method_not_allowed`, `bad_json`) answer
        through it, so a sandbox that overrides it alone answers every refusal of the
        framework in its platform's shape; a sandbox may still override each hook.
        """
        return json_response({"message": message}, status)

    def not_found(self, request: SandboxRequest) -> SandboxResponse:
        """The answer for an unknown route."""
        return self.error(request, 404, f"No route for {request.method} {request.path}")

    def method_not_allowed(self, request: SandboxRequest) -> SandboxResponse:
        """The answer for a known path with the wrong method."""
        return self.error(request, 405, f"{request.method} not allowed on {request.path}")

    def bad_json(self, request: SandboxRequest) -> SandboxResponse:
        """The answer when a handler could not decode the JSON body (malformed, not UTF-8)."""
        return self.error(request, 400, "Request body is not valid JSON")

    # -- webhooks -------------------------------------------------------------------------------
    def queue_webhook(self, target: WebhookTarget, body: bytes, headers: Mapping[str, str]) -> None:
        """Queue a webhook; it is delivered after the current request's answer is built.

        A callable target is called with ``(body, headers)``; a URL target must be on a
        loopback address and receives a real ``POST``.
        """
        if isinstance(target, str):
            _check_loopback(target)
        with self.lock:
            self._outbox.append((target, bytes(body), dict(headers)))

    def flush_webhooks(self) -> list[WebhookDelivery]:
        """Deliver every queued webhook now (outside the fake's lock); returns the deliveries."""
        with self.lock:
            pending, self._outbox = self._outbox, []
        done = [self._deliver(*item) for item in pending]
        with self.lock:
            self.webhook_deliveries.extend(done)
        return done

    @staticmethod
    def _deliver(target: WebhookTarget, body: bytes, headers: dict[str, str]) -> WebhookDelivery:
        if callable(target):
            name = getattr(target, "__qualname__", repr(target))
            try:
                target(body, headers)
            except Exception as exc:  # the receiver's failure is recorded, not raised here
                return WebhookDelivery(name, body, headers, error=f"{type(exc).__name__}: {exc}")
            return WebhookDelivery(name, body, headers, status=200)
        try:
            answer = httpx.post(target, content=body, headers=headers, timeout=5.0)
        except httpx.HTTPError as exc:
            return WebhookDelivery(target, body, headers, error=f"{type(exc).__name__}: {exc}")
        return WebhookDelivery(target, body, headers, status=answer.status_code)

    # -- dispatch -------------------------------------------------------------------------------
    def dispatch(self, request: SandboxRequest) -> SandboxResponse:
        """Route one request to its handler (no faults); used by both mountings."""
        with self.lock:
            self.requests.append(request)
            allowed = False
            for method, _template, regex, name in self._routes:
                match = regex.match(request.path)
                if match is None:
                    continue
                allowed = True
                if method != request.method:
                    continue
                params = {k: unquote(v) for k, v in match.groupdict().items()}
                bound = attrs.evolve(request, path_params=params)
                refused = self.authenticate(bound)
                if refused is not None:
                    return refused
                try:
                    result: SandboxResponse = getattr(self, name)(bound)
                except jsonlib.JSONDecodeError:
                    return self.bad_json(bound)
                return result
            return self.method_not_allowed(request) if allowed else self.not_found(request)

    def _faulted(self, request: SandboxRequest) -> tuple[Fault | None, SandboxResponse | None]:
        fault = self.faults.take(request)
        if fault is None or fault.kind in {"delay", "pass"}:
            return fault, None
        if fault.kind == "drop":
            with self.lock:
                self.requests.append(request)
            raise _Dropped
        with self.lock:
            self.requests.append(request)
        if fault.body is None:  # the platform's own error shape
            answer = self.error(request, fault.status, f"injected {fault.status}")
            extra = {k.lower(): v for k, v in fault.headers.items()}
            return fault, attrs.evolve(answer, headers={**answer.headers, **extra})
        return fault, json_response(fault.body, fault.status, fault.headers)

    # -- mounting -------------------------------------------------------------------------------
    def transport(self) -> SandboxTransport:
        """An httpx transport serving this fake in-process, for sync and async clients."""
        return SandboxTransport(self)

    def http_client(self, **kwargs: Any) -> httpx.Client:
        """An ``httpx.Client`` mounted on this fake (pass it as ``http_client=``)."""
        return httpx.Client(transport=self.transport(), **kwargs)

    def async_http_client(self, **kwargs: Any) -> httpx.AsyncClient:
        """An ``httpx.AsyncClient`` mounted on this fake (pass it as ``http_client=``)."""
        return httpx.AsyncClient(transport=self.transport(), **kwargs)

    def mount(self, client_cls: type[C], /, *args: Any, **kwargs: Any) -> C:
        """An SDK client of ``client_cls`` (sync or async) talking to this fake.

        ``base_url`` defaults to the fake's. The httpx client made for it belongs to the SDK
        client, so closing the SDK client (or leaving its ``with`` block) closes it; an
        ``http_client=`` you pass yourself stays yours.
        """
        from .._core._async.client import AsyncAPIClient

        kwargs.setdefault("base_url", self.base_url)
        if kwargs.get("http_client") is not None:
            return client_cls(*args, **kwargs)
        is_async = issubclass(client_cls, AsyncAPIClient)
        kwargs["http_client"] = self.async_http_client() if is_async else self.http_client()
        client = client_cls(*args, **kwargs)
        client._owns_http = True
        return client

    async def asgi(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        """The fake as an ASGI application."""
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        body = b""
        more = True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        request = _from_asgi(scope, body)
        try:
            fault, response = self._faulted(request)
        except _Dropped:
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [(b"content-length", b"1000")],
                }
            )
            await send({"type": "http.response.body", "body": b'{"partial": ', "more_body": True})
            raise ConnectionAbortedError("sandbox fault: connection dropped") from None
        if fault is not None and fault.delay:
            await asyncio.sleep(fault.delay)
        if response is None:
            response = self.dispatch(request)
        if self._outbox:
            await asyncio.to_thread(self.flush_webhooks)
        await send(
            {
                "type": "http.response.start",
                "status": response.status,
                "headers": [(k.encode(), v.encode()) for k, v in response.headers.items()],
            }
        )
        await send({"type": "http.response.body", "body": response.body})

    @contextmanager
    def serve(self, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
        """Serve the fake over real sockets on a loopback port; yields its base URL.

        Needs uvicorn (``pip install 'supplychain-sdk[server]'``).
        """
        if host not in {"127.0.0.1", "localhost", "::1"}:
            raise ValueError("the sandbox only serves on loopback addresses")
        try:
            import uvicorn
        except ImportError:  # pragma: no cover - depends on the environment
            raise RuntimeError(
                "serving a sandbox needs uvicorn: pip install 'supplychain-sdk[server]'"
            ) from None
        config = uvicorn.Config(
            self.asgi,
            host=host,
            port=port,
            log_level="critical",
            lifespan="off",
            interface="asgi3",
            timeout_graceful_shutdown=1,
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, name="sandbox-server", daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the sandbox server did not start")
            time.sleep(0.01)
        bound_port = server.servers[0].sockets[0].getsockname()[1]
        try:
            yield f"http://{host if host != '::1' else '[::1]'}:{bound_port}"
        finally:
            server.should_exit = True
            thread.join(timeout=5)

    # -- helpers for subclasses -------------------------------------------------------------------
    @staticmethod
    def page_slice(items: Sequence[Any], page: int, size: int) -> list[Any]:
        """Items of 1-based page ``page`` of ``size`` items."""
        start = (page - 1) * size
        return list(items[start : start + size])

    @staticmethod
    def cursor_slice(
        items: Sequence[Any], cursor: str | None, size: int
    ) -> tuple[list[Any], str | None]:
        """Items after an opaque offset cursor, and the cursor of the next slice (or ``None``)."""
        try:
            start = int(cursor) if cursor else 0
        except ValueError:
            start = len(items)
        end = start + size
        return list(items[start:end]), (str(end) if end < len(items) else None)


#: Characters a percent-encoded path keeps as they are (RFC 3986 pchar, "/" and "%").
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"


def _from_asgi(scope: Mapping[str, Any], body: bytes) -> SandboxRequest:
    """A `SandboxRequest` from an ASGI scope, whatever bytes the client sent.

    Header bytes are read as Latin-1 (what HTTP/1.1 allows), the query as UTF-8 with
    replacement, and any byte of the path outside the URL alphabet is percent-encoded, so
    an odd request reaches routing (and the sandbox's error hooks) instead of failing here.
    """
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
    raw_path: bytes = scope.get("raw_path") or scope["path"].encode("utf-8", "surrogateescape")
    query = scope["query_string"].decode("utf-8", "replace")
    return SandboxRequest(
        method=scope["method"].upper(),
        path=quote(raw_path.split(b"?", 1)[0], safe=_PATH_SAFE),
        query=tuple(parse_qsl(query, keep_blank_values=True)),
        headers=headers,
        body=body,
        base_url=f"{scope.get('scheme', 'http')}://{headers.get('host', '127.0.0.1')}",
    )


def _to_sandbox_request(request: httpx.Request, body: bytes) -> SandboxRequest:
    url = request.url
    return SandboxRequest(
        method=request.method,
        path=url.raw_path.decode("ascii").split("?", 1)[0],
        query=tuple(parse_qsl(url.query.decode(), keep_blank_values=True)),
        headers={k.lower(): v for k, v in request.headers.items()},
        body=body,
        base_url=f"{url.scheme}://{url.netloc.decode()}",
    )


def _to_httpx(response: SandboxResponse) -> httpx.Response:
    return httpx.Response(response.status, headers=dict(response.headers), content=response.body)


def _read_timeout(request: httpx.Request) -> float | None:
    timeout = request.extensions.get("timeout", {})
    value = timeout.get("read") if isinstance(timeout, dict) else None
    return float(value) if value is not None else None


class SandboxTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Serves a `Sandbox` in-process to ``httpx.Client`` and ``httpx.AsyncClient``."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    def _prepare(
        self, request: httpx.Request, body: bytes
    ) -> tuple[SandboxRequest, Fault | None, SandboxResponse | None]:
        sandbox_request = _to_sandbox_request(request, body)
        try:
            fault, response = self.sandbox._faulted(sandbox_request)
        except _Dropped:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            ) from None
        return sandbox_request, fault, response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        sandbox_request, fault, response = self._prepare(request, request.read())
        if fault is not None and fault.delay:
            limit = _read_timeout(request)
            if limit is not None and fault.delay > limit:
                time.sleep(limit)
                raise httpx.ReadTimeout("sandbox fault: read timed out", request=request)
            time.sleep(fault.delay)
        answer = _to_httpx(response or self.sandbox.dispatch(sandbox_request))
        self.sandbox.flush_webhooks()
        return answer

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        sandbox_request, fault, response = self._prepare(request, await request.aread())
        if fault is not None and fault.delay:
            limit = _read_timeout(request)
            if limit is not None and fault.delay > limit:
                await asyncio.sleep(limit)
                raise httpx.ReadTimeout("sandbox fault: read timed out", request=request)
            await asyncio.sleep(fault.delay)
        answer = _to_httpx(response or self.sandbox.dispatch(sandbox_request))
        if self.sandbox._outbox:
            await asyncio.to_thread(self.sandbox.flush_webhooks)
        return answer
