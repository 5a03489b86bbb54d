"""Which URLs the platforms accept: absolute http(s) URLs (webhook targets, presigned
uploads), and base URLs with TLS except on this machine or when told."""

from __future__ import annotations

import ipaddress

import httpx

from .errors import InvalidRequestError

__all__ = ["absolute_url", "check_base_url", "is_loopback"]


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine: ``localhost``, 127.0.0.0/8 or ``::1``."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def absolute_url(value: object, name: str) -> httpx.URL:
    """``value`` as an absolute http(s) URL; anything else is an `InvalidRequestError`."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidRequestError(f"{name} must be a non-empty URL")
    try:
        url = httpx.URL(value)
    except httpx.InvalidURL:
        raise InvalidRequestError(f"{name} is not a valid URL: {value!r}") from None
    if url.scheme not in {"http", "https"} or not url.host:
        raise InvalidRequestError(f"{name} must be an absolute http(s) URL, got {value!r}")
    return url


def check_base_url(value: str, allow_insecure_http: bool, *, default: str | None = None) -> str:
    """Refuse a plain ``http://`` base URL off this machine unless explicitly allowed: the
    token and the data would cross the network unencrypted (``default``: the platform's own
    https URL, named in the message)."""
    url = absolute_url(value, "base_url")
    if url.scheme == "http" and not allow_insecure_http and not is_loopback(url.host):
        instead = f"Use https:// (the default is {default})" if default else "Use https://"
        raise InvalidRequestError(
            f"refusing the plain http:// base URL {value!r}: the token and your data would "
            f"cross the network unencrypted. {instead}, or pass allow_insecure_http=True if "
            "you really mean it (plain http is always allowed for localhost, 127.0.0.0/8 and "
            "::1)"
        )
    return value
