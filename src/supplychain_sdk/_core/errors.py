"""The exception hierarchy every platform maps into.

Every exception pickles (a worker process can send it back to its parent), and the URLs
they are given are redacted by the classes themselves (userinfo and secret query values),
so no caller can put a secret into an error message by forgetting to.
"""

from __future__ import annotations

# Only the errors load with ``import supplychain_sdk``: this module imports nothing at run
# time (not even ``typing``, ``re`` or the logging helpers); what its classes need loads on
# first use.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from collections.abc import Mapping
    from typing import Any

    from .response import RawResponse

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "EventLoopError",
    "ForeignOriginError",
    "InternalServerError",
    "InvalidRequestError",
    "MethodNotAllowedError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodeError",
    "SupplyChainError",
    "UnprocessableEntityError",
    "VersionConflictError",
    "WebhookPayloadTypeError",
    "WebhookVerificationError",
]


#: An absolute URL inside a message (compiled on first use).
_url_pattern: re.Pattern[str] | None = None


def _redact_url(url: str) -> str:
    """``url`` with userinfo, secret query values and secret path segments redacted."""
    from ._logging import redact_url

    return redact_url(url)


def _redact_urls(message: str) -> str:
    """``message`` with every absolute URL in it redacted."""
    global _url_pattern
    if _url_pattern is None:
        import re

        _url_pattern = re.compile(r"https?://[^\s'\"()<>]+")
    return _url_pattern.sub(lambda found: _redact_url(found.group(0)), message)


def _restore(cls: type[SupplyChainError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    """Rebuild a pickled SDK exception without calling its keyword-only ``__init__``."""
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class SupplyChainError(Exception):
    """Base class of every exception the SDK raises."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's own pickling calls cls(*args), which keyword-only constructors refuse:
        # rebuild from the attributes instead (never a traceback, cause or context).
        return (_restore, (type(self), self.args, dict(self.__dict__)))


class InvalidRequestError(SupplyChainError, ValueError):
    """Bad input caught before any request was sent (empty id, wrong enum, missing tenant...).

    Attributes:
        field_errors: field path -> messages, when a document failed validation (the same
            shape as on `UnprocessableEntityError`, so both can be handled alike).
    """

    def __init__(self, message: str, *, field_errors: Mapping[str, list[str]] | None = None):
        super().__init__(message)
        self.field_errors: dict[str, list[str]] = dict(field_errors or {})


class ForeignOriginError(SupplyChainError, ValueError):
    """A URL points at another origin than the client's; it was refused before sending."""


class EventLoopError(SupplyChainError, RuntimeError):
    """An async client was used on another event loop than the one its connections were
    opened on (typically: a second ``asyncio.run()`` with a client made for the first).

    Nothing was sent. Create the client inside the loop that uses it, one per
    ``asyncio.run()``, and close it there (``async with``).
    """


class PaginationError(SupplyChainError):
    """The server's pagination went wrong: it repeated a cursor, page or next URL.

    URLs in the message (a repeated next-page URL) have userinfo and secret query values
    redacted.
    """

    def __init__(self, message: str) -> None:
        super().__init__(_redact_urls(message))


class WebhookVerificationError(SupplyChainError):
    """A webhook's signature, timestamp or shared header did not verify.

    Raised too for inputs that cannot be verified: a secret that is not a ``str``/``bytes``
    (or a list/tuple of them), a signature header that is not a ``str``, a timestamp that is
    not a finite number. The message never contains a secret or the expected signature.
    """


class WebhookPayloadTypeError(WebhookVerificationError, TypeError):
    """The webhook payload is not the raw body (``bytes``/``str``): e.g. a parsed ``dict``.

    A programming error rather than a forged webhook, so it is a ``TypeError`` too; the
    message explains how to get the raw body from common frameworks.
    """


class APIError(SupplyChainError):
    """An error while talking to a platform API.

    Attributes:
        method: HTTP method of the failed request.
        url: URL of the failed request, with userinfo and secret query values redacted.
        token_request: ``True`` when the failure came from the token or login request the
            SDK sent to authenticate the call (``method``/``url`` are the token request's):
            the API request itself was not sent.
        outcome_unknown: ``True`` when the request may have reached the server and been
            applied, and sending it again was not safe (a POST, a PATCH, a PUT with
            If-Match): the SDK did not send it again, and neither should you before checking
            (read the entity, or look the write up by your own reference). See "After an
            ambiguous failure" in the errors guide.
    """

    method: str
    url: str

    def __init__(
        self,
        message: str,
        *,
        method: str,
        url: str,
        token_request: bool = False,
        outcome_unknown: bool = False,
    ) -> None:
        safe = _redact_url(url)
        if safe != url:  # the message was built from the URL as given: redact it there too
            message = message.replace(url, safe)
        if outcome_unknown:
            message += (
                "; outcome unknown: the request may have been applied, so it was not sent "
                "again (check before you send it again)"
            )
        super().__init__(message)
        self.message = message
        self.method = method
        self.url = safe
        self.token_request = token_request
        self.outcome_unknown = outcome_unknown


class APIConnectionError(APIError):
    """The request got no (complete) HTTP answer: DNS, refused, reset, protocol error.

    Attributes:
        reason: what went wrong, e.g. ``ConnectError: [Errno 111] Connection refused``.
        retryable: whether sending the request again is safe: ``True`` when it never reached
            the server (connection refused, connect timeout, a failed token request) or is
            idempotent; ``False`` when it may have been applied and is not idempotent
            (``outcome_unknown`` is then ``True``), when a download had already written
            bytes, or when retrying cannot help (an untrusted TLS certificate).
    """

    def __init__(
        self,
        *,
        method: str,
        url: str,
        reason: str = "Connection error",
        retryable: bool = True,
        token_request: bool = False,
        outcome_unknown: bool = False,
    ) -> None:
        during = "the token request" if token_request else ""
        super().__init__(
            f"{reason} during {during}{' ' if during else ''}{method} {url}",
            method=method,
            url=url,
            token_request=token_request,
            outcome_unknown=outcome_unknown,
        )
        self.reason = reason
        self.retryable = retryable


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool)."""

    def __init__(
        self,
        *,
        method: str,
        url: str,
        reason: str = "Request timed out",
        retryable: bool = True,
        token_request: bool = False,
        outcome_unknown: bool = False,
    ) -> None:
        super().__init__(
            method=method,
            url=url,
            reason=reason,
            retryable=retryable,
            token_request=token_request,
            outcome_unknown=outcome_unknown,
        )


#: Methods a server may apply twice safely; an unreadable 2xx answer to any other method
#: leaves the caller not knowing what was created.
_IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


class ResponseDecodeError(APIError):
    """The answer arrived but could not be read: malformed, non-JSON (an HTML proxy page),
    too deeply nested, or not the shape expected (a list where an object was expected).

    A 2xx answer to a non-idempotent request (a POST) that cannot be read has
    ``outcome_unknown=True``: the request was probably applied, but what it created is
    unknown.

    Attributes:
        status_code: HTTP status of the answer.
        reason: what was wrong with it.
    """

    def __init__(
        self,
        *,
        method: str,
        url: str,
        status_code: int,
        reason: str,
        outcome_unknown: bool | None = None,
    ) -> None:
        if outcome_unknown is None:  # by method, when the caller does not say
            outcome_unknown = 200 <= status_code < 300 and method.upper() not in _IDEMPOTENT
        super().__init__(
            f"could not read the {status_code} answer to {method} {url}: {reason}",
            method=method,
            url=url,
            outcome_unknown=outcome_unknown,
        )
        self.status_code = status_code
        self.reason = reason


class APIStatusError(APIError):
    """The API answered with an error status (or an error envelope on a 2xx).

    Attributes:
        status_code: HTTP status of the answer.
        code: the platform's own error code, when it gives one (e.g. ``NOT_FOUND``).
        error_message: the platform's human message, when it gives one.
        field_errors: field path -> messages, for validation errors.
        body: the decoded JSON body (or text) of the answer.
        response: status, headers and request id of the answer.
        retry_after: seconds the server asked us to wait, if it said so.
    """

    status_code: int

    def __init__(
        self,
        *,
        status_code: int,
        method: str,
        url: str,
        code: str | None = None,
        error_message: str | None = None,
        field_errors: Mapping[str, list[str]] | None = None,
        body: Any = None,
        response: RawResponse | None = None,
        retry_after: float | None = None,
        details: Mapping[str, Any] | None = None,
        token_request: bool = False,
        outcome_unknown: bool = False,
    ) -> None:
        self.status_code = status_code
        self.code = code
        self.error_message = error_message
        self.field_errors: dict[str, list[str]] = dict(field_errors or {})
        self.body = body
        self.response = response
        self.retry_after = retry_after
        self.details: dict[str, Any] = dict(details or {})
        super().__init__(
            self._format(method, url),
            method=method,
            url=url,
            token_request=token_request,
            outcome_unknown=outcome_unknown,
        )

    @property
    def request_id(self) -> str | None:
        """The request id the server returned, if any."""
        return self.response.request_id if self.response is not None else None

    def _format(self, method: str, url: str) -> str:
        from http import HTTPStatus

        try:
            phrase = HTTPStatus(self.status_code).phrase
        except ValueError:
            phrase = "Error"
        text = f"{self.status_code} {phrase} from {method} {url}"
        if self.error_message:
            text += f": {self.error_message}"
        if self.code:
            text += f" ({self.code})"
        if self.field_errors:
            fields = "; ".join(f"{k}: {', '.join(v)}" for k, v in self.field_errors.items())
            text += f" [{fields}]"
        return text


class BadRequestError(APIStatusError):
    """400 Bad Request."""


class AuthenticationError(APIStatusError):
    """401 Unauthorized, or a token endpoint that refused the credentials."""


class PermissionDeniedError(APIStatusError):
    """403 Forbidden."""


class NotFoundError(APIStatusError):
    """404 Not Found."""


class MethodNotAllowedError(APIStatusError):
    """405 Method Not Allowed."""


class ConflictError(APIStatusError):
    """409 Conflict."""


class VersionConflictError(ConflictError):
    """An If-Match update was refused (409 or 412): someone changed the entity first.

    Attributes:
        sent_version: the version this client sent in ``If-Match``.
    """

    def __init__(self, *, sent_version: str, **kwargs: Any) -> None:
        self.sent_version = sent_version
        super().__init__(**kwargs)

    def _format(self, method: str, url: str) -> str:
        return f"{super()._format(method, url)} (sent If-Match: {self.sent_version})"


class UnprocessableEntityError(APIStatusError):
    """422 Unprocessable Entity; ``field_errors`` says which fields were refused."""


class RateLimitError(APIStatusError):
    """429 Too Many Requests; ``retry_after`` says how long the server asked to wait."""


class InternalServerError(APIStatusError):
    """A 5xx answer."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    405: MethodNotAllowedError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_class_for(status_code: int) -> type[APIStatusError]:
    """The exception class for an HTTP status."""
    if status_code >= 500:
        return InternalServerError
    return _BY_STATUS.get(status_code, APIStatusError)
