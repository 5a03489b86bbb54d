"""The transport core: knows HTTP, nothing about any platform."""

from ._async.client import AsyncAPIClient
from ._async.conflict import retry_on_conflict as async_retry_on_conflict
from ._async.pager import AsyncPager
from ._shared import ErrorDetails, Platform, RequestSpec, capture_responses
from ._sync.client import SyncAPIClient
from ._sync.conflict import retry_on_conflict
from ._sync.pager import SyncPager
from .auth import AuthBase, BearerAuth, HeaderAuth, LoginTokenAuth, OAuth2ClientCredentials
from .config import ClientConfig, Limits, Timeout
from .errors import *  # noqa: F403
from .errors import __all__ as _errors_all
from .models import APIModel, OpenEnum
from .pagination import (
    CursorPagination,
    LinkHeaderPagination,
    NextURLPagination,
    Page,
    PageMeta,
    PageNumberPagination,
    PageRequest,
    PaginationStrategy,
    body_meta,
    header_meta,
)
from .paths import path
from .response import RawResponse
from .versioning import resolve_if_match

__all__ = [
    *_errors_all,
    "APIModel",
    "AsyncAPIClient",
    "AsyncPager",
    "AuthBase",
    "BearerAuth",
    "ClientConfig",
    "CursorPagination",
    "ErrorDetails",
    "HeaderAuth",
    "Limits",
    "LinkHeaderPagination",
    "LoginTokenAuth",
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
    "SyncAPIClient",
    "SyncPager",
    "Timeout",
    "async_retry_on_conflict",
    "body_meta",
    "capture_responses",
    "header_meta",
    "path",
    "resolve_if_match",
    "retry_on_conflict",
]
