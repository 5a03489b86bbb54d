"""The transport core: knows HTTP, nothing about any platform.

Names load lazily so that ``import supplychain_sdk`` stays cheap.
"""

from __future__ import annotations

import importlib

from . import errors as _errors
from .errors import *  # noqa: F403

# ``typing`` is not imported at run time (it alone costs more than the rest of the import)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ._async.client import (
        AsyncAPIClient as AsyncAPIClient,
    )
    from ._async.client import (
        AsyncAPIResource as AsyncAPIResource,
    )
    from ._async.conflict import (
        retry_on_conflict as async_retry_on_conflict,
    )
    from ._async.pager import (
        AsyncPager as AsyncPager,
    )
    from ._sync.client import (
        SyncAPIClient as SyncAPIClient,
    )
    from ._sync.client import (
        SyncAPIResource as SyncAPIResource,
    )
    from ._sync.conflict import (
        retry_on_conflict as retry_on_conflict,
    )
    from ._sync.pager import (
        SyncPager as SyncPager,
    )
    from .auth import (
        AuthBase as AuthBase,
    )
    from .auth import (
        BearerAuth as BearerAuth,
    )
    from .auth import (
        HeaderAuth as HeaderAuth,
    )
    from .auth import (
        LoginTokenAuth as LoginTokenAuth,
    )
    from .auth import (
        OAuth2ClientCredentials as OAuth2ClientCredentials,
    )
    from .capture import (
        capture_responses as capture_responses,
    )
    from .checkpoint import (
        Checkpoint as Checkpoint,
    )
    from .checkpoint import (
        CheckpointConflictError as CheckpointConflictError,
    )
    from .checkpoint import (
        FileCheckpoint as FileCheckpoint,
    )
    from .checkpoint import (
        MemoryCheckpoint as MemoryCheckpoint,
    )
    from .checkpoint import (
        SharedCheckpoint as SharedCheckpoint,
    )
    from .config import (
        ClientConfig as ClientConfig,
    )
    from .config import (
        ClientOptions as ClientOptions,
    )
    from .config import (
        Limits as Limits,
    )
    from .config import (
        Timeout as Timeout,
    )
    from .endpoint import (
        Endpoint as Endpoint,
    )
    from .endpoint import (
        endpoint as endpoint,
    )
    from .endpoint import (
        endpoint_of as endpoint_of,
    )
    from .extras import (
        MissingDependencyError as MissingDependencyError,
    )
    from .frames import (
        to_pandas as to_pandas,
    )
    from .frames import (
        to_polars as to_polars,
    )
    from .models import (
        APIModel as APIModel,
    )
    from .models import (
        OpenEnum as OpenEnum,
    )
    from .pagination import (
        CursorPagination as CursorPagination,
    )
    from .pagination import (
        LinkHeaderPagination as LinkHeaderPagination,
    )
    from .pagination import (
        NextURLPagination as NextURLPagination,
    )
    from .pagination import (
        Page as Page,
    )
    from .pagination import (
        PageMeta as PageMeta,
    )
    from .pagination import (
        PageNumberPagination as PageNumberPagination,
    )
    from .pagination import (
        PageRequest as PageRequest,
    )
    from .pagination import (
        PaginationStrategy as PaginationStrategy,
    )
    from .pagination import (
        body_meta as body_meta,
    )
    from .pagination import (
        header_meta as header_meta,
    )
    from .paths import (
        path as path,
    )
    from .platform import (
        ErrorDetails as ErrorDetails,
    )
    from .platform import (
        Platform as Platform,
    )
    from .request import (
        RequestSpec as RequestSpec,
    )
    from .response import (
        RawResponse as RawResponse,
    )
    from .sqlcheckpoint import (
        SQLCheckpoint as SQLCheckpoint,
    )
    from .versioning import (
        resolve_if_match as resolve_if_match,
    )

#: Public name -> (submodule, attribute).
_EXPORTS: dict[str, tuple[str, str]] = {
    "AsyncAPIClient": ("_async.client", "AsyncAPIClient"),
    "AsyncAPIResource": ("_async.client", "AsyncAPIResource"),
    "async_retry_on_conflict": ("_async.conflict", "retry_on_conflict"),
    "AsyncPager": ("_async.pager", "AsyncPager"),
    "SyncAPIClient": ("_sync.client", "SyncAPIClient"),
    "SyncAPIResource": ("_sync.client", "SyncAPIResource"),
    "retry_on_conflict": ("_sync.conflict", "retry_on_conflict"),
    "SyncPager": ("_sync.pager", "SyncPager"),
    **{
        name: (module, name)
        for module, names in {
            "platform": ["ErrorDetails", "Platform"],
            "request": ["RequestSpec"],
            "capture": ["capture_responses"],
            "auth": [
                "AuthBase",
                "BearerAuth",
                "HeaderAuth",
                "LoginTokenAuth",
                "OAuth2ClientCredentials",
            ],
            "checkpoint": [
                "Checkpoint",
                "CheckpointConflictError",
                "FileCheckpoint",
                "MemoryCheckpoint",
                "SharedCheckpoint",
            ],
            "sqlcheckpoint": ["SQLCheckpoint"],
            "extras": ["MissingDependencyError"],
            "frames": ["to_pandas", "to_polars"],
            "config": ["ClientConfig", "ClientOptions", "Limits", "Timeout"],
            "endpoint": ["Endpoint", "endpoint", "endpoint_of"],
            "models": ["APIModel", "OpenEnum"],
            "pagination": [
                "CursorPagination",
                "LinkHeaderPagination",
                "NextURLPagination",
                "Page",
                "PageMeta",
                "PageNumberPagination",
                "PageRequest",
                "PaginationStrategy",
                "body_meta",
                "header_meta",
            ],
            "paths": ["path"],
            "response": ["RawResponse"],
            "versioning": ["resolve_if_match"],
        }.items()
        for name in names
    },
}

__all__ = [
    "APIModel",
    "AsyncAPIClient",
    "AsyncAPIResource",
    "AsyncPager",
    "AuthBase",
    "BearerAuth",
    "Checkpoint",
    "CheckpointConflictError",
    "ClientConfig",
    "ClientOptions",
    "CursorPagination",
    "Endpoint",
    "ErrorDetails",
    "FileCheckpoint",
    "HeaderAuth",
    "Limits",
    "LinkHeaderPagination",
    "LoginTokenAuth",
    "MemoryCheckpoint",
    "MissingDependencyError",
    "NextURLPagination",
    "OAuth2ClientCredentials",
    "OpenEnum",
    "Page",
    "PageMeta",
    "PageNumberPagination",
    "PageRequest",
    "PaginationStrategy",
    "Platform",
    "RawResponse",
    "RequestSpec",
    "SQLCheckpoint",
    "SharedCheckpoint",
    "SyncAPIClient",
    "SyncAPIResource",
    "SyncPager",
    "Timeout",
    "async_retry_on_conflict",
    "body_meta",
    "capture_responses",
    "endpoint",
    "endpoint_of",
    "header_meta",
    "path",
    "resolve_if_match",
    "retry_on_conflict",
    "to_pandas",
    "to_polars",
]
__all__ += _errors.__all__


def __getattr__(name: str) -> Any:
    try:
        module, attribute = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
    globals()[name] = value
    return value
