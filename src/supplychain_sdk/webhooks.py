"""Webhook verification primitives for platforms that sign (or header-tag) their callbacks.

Platform modules add typed parsing on top (e.g. ``supplychain_sdk.onescp.webhooks``).
"""

from ._core.errors import WebhookPayloadTypeError, WebhookVerificationError
from ._core.webhooks import compute_signature, raw_body, verify_shared_headers, verify_signature

__all__ = [
    "WebhookPayloadTypeError",
    "WebhookVerificationError",
    "compute_signature",
    "raw_body",
    "verify_shared_headers",
    "verify_signature",
]
