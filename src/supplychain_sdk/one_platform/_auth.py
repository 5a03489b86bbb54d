"""How an ONe client authenticates: a bearer token (static or from a provider) or OAuth2.

The document says only that every route is ``auth-required``; the SDK sends
``Authorization: Bearer <token>`` and lets the token come from where your ONe instance
issues it.
"""

from __future__ import annotations

import os

from .._core.auth import AuthBase, BearerAuth, OAuth2ClientCredentials, TokenProvider
from .._core.errors import InvalidRequestError
from .._core.urls import check_base_url

__all__ = ["BASE_URL_ENV", "TOKEN_ENV", "resolve_auth", "resolve_base_url"]

BASE_URL_ENV = "ONE_PLATFORM_BASE_URL"
TOKEN_ENV = "ONE_PLATFORM_TOKEN"


def _env(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


def resolve_base_url(base_url: str | None, allow_insecure_http: bool = False) -> str:
    """``base_url``, else ``ONE_PLATFORM_BASE_URL``; there is no default (every customer has
    its own ONe instance). Plain ``http://`` only on loopback unless allowed."""
    url = base_url if base_url is not None else _env(BASE_URL_ENV)
    if not isinstance(url, str) or not url.strip():
        raise InvalidRequestError(
            f"no ONe base URL: pass base_url= (your ONe instance, e.g. "
            f"'https://b2b.example.com') or set {BASE_URL_ENV}"
        )
    if not isinstance(allow_insecure_http, bool):
        raise InvalidRequestError("allow_insecure_http must be True or False")
    return check_base_url(url.strip(), allow_insecure_http)


def resolve_auth(
    token: str | TokenProvider | None, oauth: OAuth2ClientCredentials | None
) -> AuthBase:
    """The auth flow: ``token`` (a string, or a sync or async callable returning one),
    ``oauth``, else ``ONE_PLATFORM_TOKEN``. Pass one way, not both."""
    if token is not None and oauth is not None:
        raise InvalidRequestError("pass token= or oauth=, not both")
    if oauth is not None:
        if not isinstance(oauth, OAuth2ClientCredentials):
            raise InvalidRequestError(
                "oauth must be an OAuth2ClientCredentials (supplychain_sdk.OAuth2ClientCredentials)"
            )
        return oauth
    if token is None:
        token = _env(TOKEN_ENV)
        if token is None:
            raise InvalidRequestError(
                f"no ONe credentials: pass token= (a string or a callable returning one) or "
                f"oauth=OAuth2ClientCredentials(...), or set {TOKEN_ENV}"
            )
    return BearerAuth(token)
