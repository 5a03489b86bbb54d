"""A small API (two pages of vendors) with every kind of field a frame has to type."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import httpx
from pydantic import Field, SecretStr

from supplychain_sdk._core import APIModel, OpenEnum, PageNumberPagination, RequestSpec, body_meta


class Status(OpenEnum):
    ACTIVE = "ACTIVE"
    BLOCKED = "BLOCKED"


class Address(APIModel):
    city: str
    postal_code: str | None = None


class Contact(APIModel):
    email: str
    phone: str | None = None


class Vendor(APIModel):
    id: str
    name: str
    status: Status | None = None
    created_at: dt.datetime | None = None
    updated_at: str | None = None
    valid_from: dt.date | str | None = None
    balance: Decimal | None = None
    address: Address | None = None
    tags: list[str] = []
    contacts: list[Contact] = []
    api_key: SecretStr | None = None
    signing_secret: str | None = Field(default=None, repr=False)


VENDORS: list[dict[str, Any]] = [
    {
        "id": "v-1",
        "name": "Acme",
        "status": "ACTIVE",
        "createdAt": "2024-05-01T10:00:00Z",
        "updatedAt": "2024-05-02T08:30:00+02:00",
        "validFrom": "2024-01-31",
        "balance": "1234.50",
        "address": {"city": "Berlin", "postalCode": "10115"},
        "tags": ["edi", "eu"],
        "contacts": [{"email": "ops@acme.test"}],
        "apiKey": "canary-key-1",
        "signingSecret": "canary-secret-1",
        "loyaltyTier": "gold",
    },
    {
        "id": "v-2",
        "name": "Globex",
        "status": "ON_HOLD",
        "createdAt": "2024-06-01T00:00:00+00:00",
        "updatedAt": None,
        "validFrom": dt.date(2024, 2, 1).isoformat(),
        "balance": "0.10000000000000000001",
    },
    {"id": "v-3", "name": "Initech"},
]


def vendor_pages(total: int = len(VENDORS), size: int = 2) -> Any:
    """A page-number endpoint over `VENDORS` that reports its total."""

    def handle(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        rows = VENDORS[:total][(page - 1) * size : page * size]
        return httpx.Response(
            200, json={"data": rows, "meta": {"page": page, "limit": size, "total": total}}
        )

    return handle


def vendor_pager(client: Any, *, model: Any = Vendor, **kwargs: Any) -> Any:
    return client._paginate(
        RequestSpec(method="GET", path="/vendors"),
        strategy=PageNumberPagination(page_size=2, meta=body_meta(prefix="meta")),
        item_type=model,
        items=lambda body: body["data"],
        **kwargs,
    )
