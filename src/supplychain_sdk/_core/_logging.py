"""The ``supplychain_sdk`` logger and the redaction of secrets in everything it prints."""

from __future__ import annotations

import contextvars
import logging
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

logger = logging.getLogger("supplychain_sdk")
# a library's logger has a NullHandler: without logging configured, a warning of the SDK
# (228 Created with issues) is dropped instead of reaching stderr through the last resort
logger.addHandler(logging.NullHandler())

REDACTED = "[REDACTED]"

#: Header names whose values are never printed.
SECRET_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
        "x-api-key",
        "api-key",
        "x-auth-token",
        "x-webhook-secret",
    }
)

#: Substrings that mark a header, query parameter or JSON key as secret, matched in the name
#: lowercased with ``-``, ``_``, ``.`` and spaces removed (``X-Access-Key`` -> ``xaccesskey``).
_SECRET_WORDS = (
    "token",
    "secret",
    "password",
    "passwd",
    "passphrase",
    "apikey",
    "signature",
    "credential",
    "privatekey",
    "accesskey",
    "subscriptionkey",
    "sessionid",
    "authorization",
    "cookie",
    "codeverifier",
)
#: Words that mark a name as secret when they stand alone between separators or camelCase
#: humps: ``Ocp-Apim-Subscription-Key``, ``X-Auth-User``, ``sig``, ``pwd``.
_SECRET_PARTS = frozenset({"key", "sig", "auth", "pwd", "pass", "jwt", "bearer", "session"})
#: Names that look secret by the rule above but are not (kept readable in logs).
_NOT_SECRET = frozenset({"idempotencykey", "xidempotencykey"})
_HUMP = re.compile(r"([a-z0-9])([A-Z])")
_SEPARATORS = re.compile(r"[-_.\s]+")


@lru_cache(maxsize=1024)
def is_secret_name(name: str) -> bool:
    """Whether a header, query or JSON key name looks like it carries a secret.

    Hyphens, underscores and case do not matter: ``X-Access-Key``, ``x_access_key`` and
    ``xAccessKey`` are all secret.
    """
    lowered = name.lower()
    compact = _SEPARATORS.sub("", lowered)
    if compact in _NOT_SECRET:
        return False
    if lowered in SECRET_HEADERS or any(word in compact for word in _SECRET_WORDS):
        return True
    parts = _SEPARATORS.split(_HUMP.sub(r"\1_\2", name).lower())
    return any(part in _SECRET_PARTS for part in parts)


def redact_headers(
    headers: Iterable[tuple[str, str]] | Mapping[str, str],
    extra_secret: Iterable[str] = (),
) -> dict[str, str]:
    """A copy of ``headers`` with secret values replaced by ``[REDACTED]``."""
    items = headers.items() if isinstance(headers, Mapping) else headers
    extra = {h.lower() for h in extra_secret}
    return {k: (REDACTED if is_secret_name(k) or k.lower() in extra else v) for k, v in items}


#: Percent-encoded path segments of the call in progress that are secrets (an invitation
#: token in a path): `redact_url` masks them in every log line and error of that call.
_secret_segments: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar(
    "supplychain_sdk_secret_segments", default=()
)


@contextmanager
def secret_segments(segments: tuple[str, ...]) -> Iterator[None]:
    """Mask ``segments`` in the URLs logged or raised inside the block."""
    if not segments:
        yield
        return
    token = _secret_segments.set(_secret_segments.get() + segments)
    try:
        yield
    finally:
        _secret_segments.reset(token)


class _SecretSegmentFilter(logging.Filter):
    """Masks the secret path segments of the SDK call in progress in httpx's own log lines
    (``HTTP Request: GET https://.../by-token/<secret>``). It changes nothing outside an SDK
    call that has such a segment."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _secret_segments.get() and isinstance(record.args, tuple):
            record.args = tuple(
                redact_url(str(arg)) if "://" in str(arg) else arg for arg in record.args
            )
        return True


def mask_secret_segments_in_httpx_logs() -> None:
    """Install the secret-segment filter on httpx's logger (once)."""
    httpx_logger = logging.getLogger("httpx")
    if not any(isinstance(f, _SecretSegmentFilter) for f in httpx_logger.filters):
        httpx_logger.addFilter(_SecretSegmentFilter())


def current_secret_segments() -> tuple[str, ...]:
    """The secret path segments of the SDK call in progress (see `secret_segments`)."""
    return _secret_segments.get()


def redact_url(url: str, segments: tuple[str, ...] | None = None) -> str:
    """``url`` with userinfo, secret-looking query values and secret path segments redacted
    (``segments``: those of the call in progress unless given)."""
    text = str(url)
    if segments is None:
        segments = _secret_segments.get()
    if segments or "@" in text or "?" in text:
        return _redact_url(text, segments)
    # nothing secret can be in it: remembered (a URL that may hold a credential never is)
    return _redact_plain_url(text)


def _redact_url(url: str, segments: tuple[str, ...]) -> str:
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{REDACTED}@{netloc.rsplit('@', 1)[1]}"
    path = parts.path
    for segment in segments:
        path = "/".join(REDACTED if part == segment else part for part in path.split("/"))
    if not parts.query:
        return urlunsplit(parts._replace(netloc=netloc, path=path))
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode([(k, REDACTED if is_secret_name(k) else v) for k, v in pairs], safe="[]/:,")
    return urlunsplit(parts._replace(netloc=netloc, path=path, query=query))


@lru_cache(maxsize=1024)
def _redact_plain_url(url: str) -> str:
    return _redact_url(url, ())


_configured = False

#: What ``SUPPLYCHAIN_SDK_LOG`` accepts, and the level each sets on the logger.
LOG_LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}


def setup_logging_from_env() -> None:
    """Honour ``SUPPLYCHAIN_SDK_LOG=debug|info|warning|error``: attach a stderr handler once.

    Another value is not ignored silently: it gives a `UserWarning` naming the accepted ones.
    """
    global _configured
    if _configured:
        return
    _configured = True
    mask_secret_segments_in_httpx_logs()
    value = os.environ.get("SUPPLYCHAIN_SDK_LOG", "").strip()
    if not value:
        return
    level = LOG_LEVELS.get(value.lower())
    if level is None:
        warnings.warn(
            f"SUPPLYCHAIN_SDK_LOG={value!r} is not a log level; use one of "
            f"{', '.join(LOG_LEVELS)} (logging left unconfigured)",
            UserWarning,
            stacklevel=2,
        )
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
