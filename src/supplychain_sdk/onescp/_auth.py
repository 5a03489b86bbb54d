"""How an ONESCP client authenticates: a login for a JWT, an API key, or a static token."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._core._logging import REDACTED
from .._core.auth import AuthBase, BearerAuth, LoginTokenAuth, Token, TokenProvider
from .._core.decoding import cast
from .._core.errors import InvalidRequestError, ResponseDecodeError
from .._core.response import RawResponse
from ._routes import LOGIN

if TYPE_CHECKING:
    from ._models import User

__all__ = ["OneScpLoginAuth", "accept_login", "resolve_auth"]


class OneScpLoginAuth(LoginTokenAuth):
    """The ``auth.login`` row (a POST of email and password); the JWT from ``token`` is the
    bearer.

    The token is renewed before its ``exp`` and once on a 401 (see `LoginTokenAuth`).
    ``client.auth.login()`` logs in explicitly and stores the token here, so the next call
    does not log in a second time.
    """

    def __init__(self, login_url: str, email: str, password: str) -> None:
        super().__init__(login_url, {"email": email, "password": password}, token_field="token")
        self.email = email

    def __repr__(self) -> str:
        return f"OneScpLoginAuth(login_url={self.login_url!r}, credentials={REDACTED})"

    def _parse_token(self, data: Any) -> Token:
        if isinstance(data, Mapping) and data.get("success") is False:
            raise ValueError("the login answer says success: false")
        return super()._parse_token(data)


def _env(name: str) -> str | None:
    value = os.environ.get(name)
    return value if value else None


def accept_login(auth: OneScpLoginAuth, raw: RawResponse, answer: Any) -> User:
    """The user of an explicit login's answer; its token is kept in ``auth`` for the next
    calls. An answer without a user or a token is a `ResponseDecodeError`."""
    user = None
    if isinstance(answer, Mapping):
        user = answer.get("user")
        user = answer.get("data") if user is None else user

    def broken(reason: str) -> ResponseDecodeError:
        return ResponseDecodeError(
            method=raw.method, url=raw.url, status_code=raw.status_code, reason=reason
        )

    if user is None:
        raise broken("the answer has no 'user'")
    from ._models import User  # the models load on first use

    profile: User = cast(User, user, method=raw.method, url=raw.url, status=raw.status_code)
    try:
        auth.accept(answer)
    except (KeyError, TypeError, ValueError):
        raise broken("the login answer has no token") from None
    return profile


def resolve_auth(
    base_url: str,
    login_path: str = LOGIN.path,
    *,
    email: str | None,
    password: str | None,
    api_key: str | None,
    token: str | TokenProvider | None,
) -> AuthBase:
    """The auth flow from the arguments, else the environment.

    ``login_path`` is where email/password clients log in (the login row's, or its
    override). Explicit arguments win; pass only one way (email/password, ``api_key`` or ``token``).
    Without arguments ``ONESCP_API_KEY`` is used, else ``ONESCP_EMAIL`` and
    ``ONESCP_PASSWORD``. An email given without a password takes ``ONESCP_PASSWORD``.
    """
    given = [
        name
        for name, present in (
            ("email/password", email is not None or password is not None),
            ("api_key", api_key is not None),
            ("token", token is not None),
        )
        if present
    ]
    if len(given) > 1:
        raise InvalidRequestError(
            f"pass one way to authenticate, not several: got {' and '.join(given)}"
        )
    if not given:
        api_key = _env("ONESCP_API_KEY")
        if api_key is None:
            email, password = _env("ONESCP_EMAIL"), _env("ONESCP_PASSWORD")
            if email is None and password is None:
                raise InvalidRequestError(
                    "no ONESCP credentials: pass email= and password=, api_key= or token=, or "
                    "set ONESCP_EMAIL and ONESCP_PASSWORD, or ONESCP_API_KEY"
                )
    if token is not None:
        return BearerAuth(token)
    if api_key is not None:
        if not isinstance(api_key, str) or not api_key.strip():
            raise InvalidRequestError("api_key must be a non-empty string")
        return BearerAuth(api_key)
    if email is None:
        email = _env("ONESCP_EMAIL")
    if password is None:
        password = _env("ONESCP_PASSWORD")
    if not isinstance(email, str) or not email.strip():
        raise InvalidRequestError("email is missing or empty (pass email= or set ONESCP_EMAIL)")
    if not isinstance(password, str) or not password:
        raise InvalidRequestError(
            "password is missing or empty (pass password= or set ONESCP_PASSWORD)"
        )
    return OneScpLoginAuth(base_url + login_path, email, password)
