"""The served sandboxes the fuzzers attack: how to authenticate, what ids look like, error shape.

Adding a platform is one `FuzzTarget` in `TARGETS`.
"""

from __future__ import annotations

import base64
import importlib
from collections.abc import Callable, Mapping
from typing import Any

import attrs
from pydantic import BaseModel

from supplychain_sdk.sandbox import Sandbox, SandboxRequest
from supplychain_sdk.sandbox.cartoncloud import CartonCloudSandbox
from supplychain_sdk.sandbox.one_platform import OnePlatformSandbox
from supplychain_sdk.sandbox.onescp import OneScpSandbox
from supplychain_sdk.sandbox.pharus import PharusSandbox
from supplychain_sdk.sandbox.procuros import ProcurosSandbox

from .shapes import (
    ShapeCheck,
    cartoncloud_error,
    one_platform_error,
    onescp_error,
    pharus_error,
    procuros_error,
)


def _procuros_headers(sandbox: Sandbox) -> dict[str, str]:
    return {"authorization": f"Bearer {ProcurosSandbox.DEFAULT_TOKEN}"}


def _cartoncloud_headers(sandbox: Sandbox) -> dict[str, str]:
    basic = base64.b64encode(
        f"{CartonCloudSandbox.DEFAULT_CLIENT_ID}:{CartonCloudSandbox.DEFAULT_CLIENT_SECRET}".encode()
    ).decode()
    answer = sandbox.dispatch(
        SandboxRequest(
            method="POST",
            path="/uaa/oauth/token",
            headers={"authorization": f"Basic {basic}", "accept-version": "1"},
            body=b"grant_type=client_credentials",
        )
    )
    token = answer.json()["access_token"]
    return {"authorization": f"Bearer {token}", "accept-version": "1"}


def _onescp_headers(sandbox: Sandbox) -> dict[str, str]:
    return {"authorization": f"Bearer {OneScpSandbox.DEFAULT_API_KEY}"}


@attrs.frozen
class FuzzTarget:
    """One platform's sandbox as the fuzzers see it.

    Attributes:
        name: the platform.
        make: a fresh sandbox (rate limits off: a 429 is fine, but hides the handlers).
        headers: valid credentials (and required headers) for a sandbox.
        error_shape: the platform's error shape check.
        ids: values that exist, by path parameter name (the rest are fuzzed).
        models: the module whose models give the field names bodies are built from.
        foreign: path prefixes the fake serves for another service (an object store behind
            signed URLs): no 5xx there, but its errors are that service's, not the
            platform's.
    """

    name: str
    make: Callable[[], Sandbox]
    headers: Callable[[Sandbox], dict[str, str]]
    error_shape: ShapeCheck
    ids: Mapping[str, tuple[str, ...]]
    models: str
    foreign: tuple[str, ...] = ()

    def vocabulary(self) -> list[str]:
        """Every JSON field name of the platform's models (so bodies reach the handlers)."""
        module = importlib.import_module(self.models)
        names: set[str] = set()
        for value in (getattr(module, name) for name in module.__all__):  # lazy namespaces too
            if isinstance(value, type) and issubclass(value, BaseModel):
                for field_name, field in value.model_fields.items():
                    names.add(field.alias or field_name)
        return sorted(names)


TARGETS: list[FuzzTarget] = [
    FuzzTarget(
        name="procuros",
        make=lambda: ProcurosSandbox(),
        headers=_procuros_headers,
        error_shape=procuros_error,
        ids={},
        models="supplychain_sdk.procuros._models",
    ),
    FuzzTarget(
        name="cartoncloud",
        make=lambda: CartonCloudSandbox(),
        headers=_cartoncloud_headers,
        error_shape=cartoncloud_error,
        ids={"tenant_id": (CartonCloudSandbox.DEFAULT_TENANT_ID,)},
        models="supplychain_sdk.cartoncloud._models",
    ),
    FuzzTarget(
        name="onescp",
        make=lambda: OneScpSandbox(rate_limit=None),
        headers=_onescp_headers,
        error_shape=onescp_error,
        ids={},
        models="supplychain_sdk.onescp._models",
    ),
    FuzzTarget(
        name="pharus",
        make=lambda: PharusSandbox(),
        headers=lambda sandbox: {
            "authorization": f"Bearer {PharusSandbox.DEFAULT_TOKEN}",
            "x-org-id": PharusSandbox.DEFAULT_ORG_ID,
        },
        error_shape=pharus_error,
        ids={},
        models="supplychain_sdk.pharus._models",
        foreign=("/pharus-storage/",),  # signed-URL storage answers XML errors, like GCS
    ),
    FuzzTarget(
        name="one_platform",
        make=lambda: OnePlatformSandbox(),
        headers=lambda sandbox: {"authorization": f"Bearer {OnePlatformSandbox.TOKEN}"},
        error_shape=one_platform_error,
        ids={},
        models="supplychain_sdk.one_platform._models",
    ),
]


def existing_ids(sandbox: Sandbox) -> list[str]:
    """Ids of seeded records, so fuzzed paths sometimes name real records."""
    found: list[str] = []
    for attr in ("orders", "shipments", "items", "tasks", "subscriptions"):
        store: Any = getattr(sandbox, attr, None)
        if isinstance(store, dict):
            found.extend(list(store)[:3])
    for connection in getattr(sandbox, "connections", {}).values():
        found.extend(list(connection.transactions)[:3])
    for tenant in getattr(sandbox, "tenants", {}).values():
        for kind in ("inbound_orders", "outbound_orders", "products", "consignments"):
            found.extend(list(getattr(tenant, kind))[:2])
    return found
