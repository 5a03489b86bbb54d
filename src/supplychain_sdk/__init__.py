"""Typed sync and async clients for supply-chain and ERP platforms, with offline sandboxes.

Importing this package is cheap: the transport core and each platform load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._core.errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ForeignOriginError,
    InternalServerError,
    InvalidRequestError,
    MethodNotAllowedError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    SupplyChainError,
    UnprocessableEntityError,
    VersionConflictError,
    WebhookVerificationError,
)
from ._version import __version__

if TYPE_CHECKING:
    from ._core import (
        APIModel,
        AsyncAPIClient,
        AsyncPager,
        BearerAuth,
        ClientConfig,
        HeaderAuth,
        Limits,
        LoginTokenAuth,
        OAuth2ClientCredentials,
        OpenEnum,
        Page,
        RawResponse,
        SyncAPIClient,
        SyncPager,
        Timeout,
        async_retry_on_conflict,
        capture_responses,
        retry_on_conflict,
    )

#: Public name -> module that defines it, imported on first access.
_LAZY = {
    **dict.fromkeys(
        [
            "APIModel",
            "AsyncAPIClient",
            "AsyncPager",
            "BearerAuth",
            "ClientConfig",
            "HeaderAuth",
            "Limits",
            "LoginTokenAuth",
            "OAuth2ClientCredentials",
            "OpenEnum",
            "Page",
            "RawResponse",
            "SyncAPIClient",
            "SyncPager",
            "Timeout",
            "async_retry_on_conflict",
            "capture_responses",
            "retry_on_conflict",
        ],
        "supplychain_sdk._core",
    ),
}

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIModel",
    "APIStatusError",
    "APITimeoutError",
    "AsyncAPIClient",
    "AsyncPager",
    "AuthenticationError",
    "BadRequestError",
    "BearerAuth",
    "ClientConfig",
    "ConflictError",
    "ForeignOriginError",
    "HeaderAuth",
    "InternalServerError",
    "InvalidRequestError",
    "Limits",
    "LoginTokenAuth",
    "MethodNotAllowedError",
    "NotFoundError",
    "OAuth2ClientCredentials",
    "OpenEnum",
    "Page",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "ResponseDecodeError",
    "SupplyChainError",
    "SyncAPIClient",
    "SyncPager",
    "Timeout",
    "UnprocessableEntityError",
    "VersionConflictError",
    "WebhookVerificationError",
    "__version__",
    "async_retry_on_conflict",
    "capture_responses",
    "retry_on_conflict",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'supplychain_sdk' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
