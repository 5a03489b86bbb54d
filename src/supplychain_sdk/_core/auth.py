"""Authentication as ``httpx.Auth`` flows; one object serves sync and async clients.

* `BearerAuth`: a static token, or a (sync or async) callable returning one.
* `OAuth2ClientCredentials`: OAuth2 client-credentials grant on authlib.
* `LoginTokenAuth`: POST credentials to a login URL, read the token from the JSON answer.
* `HeaderAuth`: non-secret headers every request needs, the token request included.

Token flows cache the token, renew it ``leeway`` seconds before it expires (at most half its
lifetime before), renew it at most once per call on a 401 and replay the request with the
newest token, and let exactly one caller fetch a token when many threads or tasks need one at
the same time. Token requests go through the client's own httpx client (its pool, proxy and
TLS settings) with the timeout of the request that needed the token.
"""

from __future__ import annotations

import abc
import asyncio
import base64
import inspect
import json
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator, Mapping
from typing import Any, Literal, cast

import attrs
import httpx

from ._logging import REDACTED, logger, redact_url
from .errors import APIStatusError, AuthenticationError, InvalidRequestError, error_class_for
from .response import RawResponse
from .retry import server_wait

__all__ = [
    "AuthBase",
    "BearerAuth",
    "HeaderAuth",
    "LoginTokenAuth",
    "OAuth2ClientCredentials",
    "Token",
    "TokenProvider",
]

TokenProvider = Callable[[], "str | Awaitable[str]"]

#: Set in an API request's extensions while the auth flow fetches a token for it: a transport
#: failure at that moment happened on the token request, so the API request was not sent.
TOKEN_PHASE = "supplychain_sdk.token_request"


class AuthBase(httpx.Auth):
    """Base class of the SDK's auth flows (an ``httpx.Auth``)."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({REDACTED})"


class BearerAuth(AuthBase):
    """``Authorization: Bearer <token>`` from a string or a provider callable.

    A sync provider is called in a worker thread by async clients, so it never blocks the
    event loop; an async provider (coroutine function) can only serve async clients.
    """

    def __init__(self, token: str | TokenProvider) -> None:
        if isinstance(token, str):
            if not token.strip():
                raise InvalidRequestError("the bearer token is empty")
        elif not callable(token):
            raise InvalidRequestError("token must be a string or a callable returning one")
        self._token = token
        #: A static token's header, built once (the SDK's pools set it without the flow).
        self._static_header = f"Bearer {token}" if isinstance(token, str) else None

    @staticmethod
    def _header(value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise InvalidRequestError("the token provider returned an empty or non-string token")
        return f"Bearer {value}"

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        header = self._static_header
        if header is None:
            value = cast(TokenProvider, self._token)()
            if inspect.isawaitable(value):
                if inspect.iscoroutine(value):
                    value.close()
                raise InvalidRequestError(
                    "an async token provider can only be used with an async client"
                )
            header = self._header(value)
        request.headers["Authorization"] = header
        yield request

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        header = self._static_header
        if header is None:
            provider = cast(TokenProvider, self._token)
            value: object
            if inspect.iscoroutinefunction(provider):
                value = await provider()
            else:
                value = await asyncio.to_thread(provider)
                if inspect.isawaitable(value):
                    value = await value
            header = self._header(value)
        request.headers["Authorization"] = header
        yield request


class HeaderAuth(AuthBase):
    """Adds fixed, non-secret headers to every request, wrapping another auth flow.

    Headers also go on the requests the inner flow makes itself (a token request), which
    client ``default_headers`` do not reach. Example:
    ``HeaderAuth({"Accept-Version": "1"}, oauth)``.
    """

    def __init__(self, headers: Mapping[str, str], inner: AuthBase | None = None) -> None:
        for name, value in headers.items():
            if not isinstance(value, str) or not value:
                raise InvalidRequestError(f"header {name!r} needs a non-empty string value")
        self.headers = dict(headers)
        self.inner = inner

    def __repr__(self) -> str:
        # names only: a caller may put a secret in a header despite the advice
        return f"HeaderAuth(headers={sorted(self.headers)!r}, inner={self.inner!r})"

    def _add(self, request: httpx.Request) -> httpx.Request:
        for name, value in self.headers.items():
            request.headers.setdefault(name, value)
        return request

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        if self.inner is None:
            yield self._add(request)
            return
        flow = self.inner.sync_auth_flow(request)
        try:
            outgoing = next(flow)
            while True:
                response = yield self._add(outgoing)
                try:
                    outgoing = flow.send(response)
                except StopIteration:
                    return
        finally:
            flow.close()

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if self.inner is None:
            yield self._add(request)
            return
        flow = self.inner.async_auth_flow(request)
        try:
            outgoing = await flow.__anext__()
            while True:
                response = yield self._add(outgoing)
                try:
                    outgoing = await flow.asend(response)
                except StopAsyncIteration:
                    return
        finally:
            await flow.aclose()


@attrs.frozen
class Token:
    """A cached access token and when it stops being valid (epoch seconds, or ``None``).

    Attributes:
        value: the token (never printed).
        expires_at: when it expires, epoch seconds; ``None`` if it does not say.
        obtained_at: when it was received, epoch seconds; with ``expires_at`` it gives the
            token's lifetime, which caps the renewal margin.
    """

    value: str = attrs.field(repr=False)
    expires_at: float | None = None
    obtained_at: float | None = None

    def renew_at(self, leeway: float) -> float | None:
        """When to renew: ``leeway`` seconds before expiry, but at most half the lifetime
        before it, so that a token living no longer than the leeway is still reused."""
        if self.expires_at is None:
            return None
        margin = leeway
        if self.obtained_at is not None:
            margin = min(leeway, max(0.0, self.expires_at - self.obtained_at) / 2)
        return self.expires_at - margin


def jwt_expiry(token: str) -> float | None:
    """The ``exp`` claim of a JWT, read without verifying it; ``None`` if not a JWT."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        payload = parts[1] + "=" * (-len(parts[1]) % 4)
        exp = json.loads(base64.urlsafe_b64decode(payload)).get("exp")
    except (ValueError, AttributeError):
        return None
    return float(exp) if isinstance(exp, (int, float)) else None


class _TokenAuth(AuthBase, abc.ABC):
    """Caching, expiry, single-flight renewal and the 401 rule, shared by token flows."""

    def __init__(
        self,
        *,
        leeway: float,
        extra_headers: Mapping[str, str] | None,
        clock: Callable[[], float],
    ) -> None:
        if leeway < 0:
            raise InvalidRequestError("leeway must be >= 0 seconds")
        self.leeway = leeway
        self._extra_headers = dict(extra_headers or {})
        self._clock = clock
        self._token: Token | None = None
        self._worked: Token | None = None  # the latest token an answer other than 401 accepted
        self._thread_lock = threading.Lock()
        self._loop_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        self.token_requests = 0

    # -- what subclasses provide ------------------------------------------------------------
    @abc.abstractmethod
    def _token_request(self, base: httpx.URL) -> httpx.Request:
        """The request that fetches a token (``base``: the URL of the request needing it)."""

    @abc.abstractmethod
    def _parse_token(self, data: Any) -> Token:
        """The token in a decoded token/login answer."""

    # -- shared logic -----------------------------------------------------------------------
    #: How many times one call replays its request after a 401: with the token it renewed,
    #: or with a newer one another caller fetched meanwhile (a second revocation).
    max_replays = 3

    def _valid_token(self) -> Token | None:
        token = self._token
        if token is None:
            return None
        renew_at = token.renew_at(self.leeway)
        if renew_at is not None and renew_at <= self._clock():
            return None
        return token

    def invalidate(self) -> None:
        """Forget the cached token; the next request fetches a new one."""
        self._token = None

    def accept(self, answer: Any) -> Token:
        """Cache the token of a token/login answer obtained outside the flow (an explicit
        login call, say), so the next request does not fetch another one.

        Raises ``KeyError`` / ``TypeError`` / ``ValueError`` when the answer holds no token.
        """
        token = self._parse_token(answer)
        self._token = token
        return token

    def _build(self, request: httpx.Request) -> httpx.Request:
        token_request = self._token_request(request.url)
        for name, value in self._extra_headers.items():
            token_request.headers.setdefault(name, value)
        # the client's (or the call's) timeout: never wait longer for a token than for the
        # answer itself, while holding the token lock
        if "timeout" in request.extensions:
            token_request.extensions["timeout"] = request.extensions["timeout"]
        request.extensions[TOKEN_PHASE] = True
        self.token_requests += 1
        logger.debug("requesting a token from %s", redact_url(str(token_request.url)))
        return token_request

    def _accept(self, request: httpx.Request, response: httpx.Response) -> Token:
        request.extensions.pop(TOKEN_PHASE, None)
        method, url = response.request.method, redact_url(str(response.request.url))
        try:
            data: Any = response.json()
        except ValueError:
            data = None
        if response.status_code >= 400:
            code = message = None
            if isinstance(data, Mapping):
                error = data.get("error")
                if isinstance(error, Mapping):  # {"error": {"code": ..., "message": ...}}
                    code, message = error.get("code"), error.get("message")
                else:  # RFC 6749: {"error": "invalid_client", "error_description": ...}
                    code, message = error, data.get("error_description")
                code = code or data.get("code")
                message = data.get("message") or message
            cls: type[APIStatusError] = (
                AuthenticationError
                if response.status_code in {400, 401, 403}
                else error_class_for(response.status_code)
            )
            raise cls(
                status_code=response.status_code,
                method=method,
                url=url,
                code=str(code) if code else None,
                error_message=f"token request refused: {message or 'no reason given'}",
                body=None,
                response=RawResponse.from_httpx(response),
                retry_after=server_wait(response.headers),
                token_request=True,
            )
        unreadable = ""
        try:
            token = self._parse_token(data)
        except (KeyError, TypeError, ValueError) as exc:
            unreadable = type(exc).__name__
        if unreadable:  # raised outside the except block: its context would hold the answer
            raise AuthenticationError(
                status_code=response.status_code,
                method=method,
                url=url,
                error_message=f"the token answer could not be read ({unreadable})",
                response=RawResponse.from_httpx(response),
                token_request=True,
            )
        self._token = token
        return token

    @staticmethod
    def _apply(request: httpx.Request, token: Token) -> httpx.Request:
        request.headers["Authorization"] = f"Bearer {token.value}"
        return request

    def _async_lock(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        lock = self._loop_locks.get(loop)
        if lock is None:
            lock = self._loop_locks[loop] = asyncio.Lock()
        return lock

    def _after_401(self, failed: Token, renewed: bool) -> tuple[Token | None, bool]:
        """Under the lock, after ``failed`` got a 401: the token to replay with (``failed``
        itself: give up), or ``None`` to fetch a new one; and whether this call renewed.

        A call renews once. It renews again only if the token it fetched had worked for
        other calls before it was refused (it was revoked, not refused outright), so a
        token endpoint handing out useless tokens costs one renewal per call, not a loop.
        """
        current = self._valid_token()
        if current is not None and current is not failed:
            return current, renewed  # another caller renewed meanwhile: use the newer token
        if renewed and failed is not self._worked:
            return failed, renewed  # our own fresh token was refused outright: give up
        self._token = None
        return None, True

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        token = self._valid_token()
        if token is None:
            with self._thread_lock:
                token = self._valid_token()
                if token is None:
                    answer = yield self._build(request)
                    answer.read()
                    token = self._accept(request, answer)
        response = yield self._apply(request, token)
        renewed = False
        for _ in range(self.max_replays):
            if response.status_code != 401:
                self._worked = token
                return
            response.read()
            with self._thread_lock:
                newer, renewed = self._after_401(token, renewed)
                if newer is token:
                    return
                if newer is None:
                    answer = yield self._build(request)
                    answer.read()
                    newer = self._accept(request, answer)
            token = newer
            response = yield self._apply(request, token)

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token = self._valid_token()
        if token is None:
            async with self._async_lock():
                token = self._valid_token()
                if token is None:
                    answer = yield self._build(request)
                    await answer.aread()
                    token = self._accept(request, answer)
        response = yield self._apply(request, token)
        renewed = False
        for _ in range(self.max_replays):
            if response.status_code != 401:
                self._worked = token
                return
            await response.aread()
            async with self._async_lock():
                newer, renewed = self._after_401(token, renewed)
                if newer is token:
                    return
                if newer is None:
                    answer = yield self._build(request)
                    await answer.aread()
                    newer = self._accept(request, answer)
            token = newer
            response = yield self._apply(request, token)


class OAuth2ClientCredentials(_TokenAuth):
    """OAuth2 client-credentials grant (RFC 6749 §4.4), request encoding by authlib.

    Args:
        token_url: absolute URL, or a path joined to the client's base URL.
        client_id: the OAuth client id.
        client_secret: the OAuth client secret (never printed).
        auth_method: ``"client_secret_basic"`` (HTTP Basic) or ``"client_secret_post"``.
        scope: scope(s) to ask for.
        extra_params: more form fields for the token request (e.g. ``audience``).
        leeway: renew this many seconds before the token expires (at most half the token's
            lifetime: a 20 s token is renewed after 10 s, not on every call).
        default_expires_in: lifetime assumed when the answer has no ``expires_in``.
        extra_headers: headers for the token request only.
        clock: the time source for expiry (tests pass a fake clock).

    Attributes:
        token_requests: how many token requests this object has sent.
    """

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        *,
        auth_method: Literal["client_secret_basic", "client_secret_post"] = "client_secret_basic",
        scope: str | list[str] | None = None,
        extra_params: Mapping[str, str] | None = None,
        leeway: float = 30.0,
        default_expires_in: float = 3600.0,
        extra_headers: Mapping[str, str] | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(leeway=leeway, extra_headers=extra_headers, clock=clock)
        for name, value in (
            ("token_url", token_url),
            ("client_id", client_id),
            ("client_secret", client_secret),
        ):
            if not isinstance(value, str) or not value.strip():
                raise InvalidRequestError(f"{name} must be a non-empty string")
        if auth_method not in {"client_secret_basic", "client_secret_post"}:
            raise InvalidRequestError(
                "auth_method must be 'client_secret_basic' or 'client_secret_post'"
            )
        self.token_url = token_url
        self.client_id = client_id
        self._client_secret = client_secret
        self.auth_method = auth_method
        self.scope = scope
        self.extra_params = dict(extra_params or {})
        self.default_expires_in = default_expires_in

    def __repr__(self) -> str:
        return (
            f"OAuth2ClientCredentials(token_url={self.token_url!r}, client_id={self.client_id!r}, "
            f"client_secret={REDACTED}, auth_method={self.auth_method!r})"
        )

    def _token_request(self, base: httpx.URL) -> httpx.Request:
        from authlib.oauth2.auth import ClientAuth
        from authlib.oauth2.rfc6749.parameters import prepare_token_request

        url = str(base.join(self.token_url))
        params: dict[str, Any] = dict(self.extra_params)
        if self.scope:
            params["scope"] = self.scope
        body = prepare_token_request("client_credentials", **params)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
        }
        client_auth = ClientAuth(self.client_id, self._client_secret, self.auth_method)
        url, headers, body = client_auth.prepare("POST", url, headers, body)
        return httpx.Request("POST", url, headers=headers, content=body.encode())

    def _parse_token(self, data: Any) -> Token:
        from authlib.oauth2.rfc6749 import OAuth2Token

        token = OAuth2Token.from_dict(dict(data))
        value = token["access_token"]
        if not isinstance(value, str) or not value:
            raise ValueError("access_token missing")
        expires_in = token.get("expires_in")
        lifetime = float(expires_in) if expires_in is not None else self.default_expires_in
        now = self._clock()
        return Token(value=value, expires_at=now + lifetime, obtained_at=now)


class LoginTokenAuth(_TokenAuth):
    """POST credentials as JSON to a login URL and use the token from the answer.

    Args:
        login_url: absolute URL, or a path joined to the client's base URL.
        credentials: the JSON body to post (e.g. email and password; never printed).
        token_field: dotted path of the token in the answer (``"token"``, ``"data.token"``).
        expires_in_field: dotted path of a lifetime in seconds, if the answer has one.
        default_expires_in: lifetime when neither the answer nor the JWT ``exp`` says.
        leeway: renew this many seconds before the token expires (at most half the token's
            lifetime).
        extra_headers: headers for the login request only.
        clock: the time source for expiry (tests pass a fake clock).

    Attributes:
        last_login: the decoded JSON of the last successful login (user profile and token).
        token_requests: how many login requests this object has sent.
    """

    def __init__(
        self,
        login_url: str,
        credentials: Mapping[str, str],
        *,
        token_field: str = "token",  # noqa: S107 - a field name, not a secret
        expires_in_field: str | None = None,
        default_expires_in: float = 3600.0,
        leeway: float = 30.0,
        extra_headers: Mapping[str, str] | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(leeway=leeway, extra_headers=extra_headers, clock=clock)
        if not login_url:
            raise InvalidRequestError("login_url must be a non-empty string")
        empty = [k for k, v in credentials.items() if not isinstance(v, str) or not v]
        if not credentials or empty:
            raise InvalidRequestError(f"login credentials are missing or empty: {empty}")
        self.login_url = login_url
        self._credentials = dict(credentials)
        self.token_field = token_field
        self.expires_in_field = expires_in_field
        self.default_expires_in = default_expires_in
        self.last_login: Any = None

    def __repr__(self) -> str:
        return f"LoginTokenAuth(login_url={self.login_url!r}, credentials={REDACTED})"

    def login_payload(self) -> dict[str, str]:
        """The JSON body of the login request (it holds the password: never log it)."""
        return dict(self._credentials)

    def _token_request(self, base: httpx.URL) -> httpx.Request:
        return httpx.Request(
            "POST",
            base.join(self.login_url),
            json=self._credentials,
            headers={"Accept": "application/json"},
        )

    @staticmethod
    def _dig(data: Any, dotted: str) -> Any:
        for part in dotted.split("."):
            data = data[part]
        return data

    def _parse_token(self, data: Any) -> Token:
        value = self._dig(data, self.token_field)
        if not isinstance(value, str) or not value:
            raise ValueError("token missing")
        now = self._clock()
        expires_at: float | None = None
        if self.expires_in_field is not None:
            expires_at = now + float(self._dig(data, self.expires_in_field))
        if expires_at is None:
            expires_at = jwt_expiry(value)
        if expires_at is None:
            expires_at = now + self.default_expires_in
        self.last_login = data
        return Token(value=value, expires_at=expires_at, obtained_at=now)
