"""Stateful in-process fakes of the platforms, and the framework they are built on."""

from ._framework import (
    Fault,
    Faults,
    Sandbox,
    SandboxRequest,
    SandboxResponse,
    SandboxTransport,
    WebhookDelivery,
    WebhookTarget,
    json_response,
    route,
)

__all__ = [
    "Fault",
    "Faults",
    "Sandbox",
    "SandboxRequest",
    "SandboxResponse",
    "SandboxTransport",
    "WebhookDelivery",
    "WebhookTarget",
    "json_response",
    "route",
]
