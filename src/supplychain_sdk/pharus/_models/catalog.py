"""Pharus answer models of the catalog: locations, vendors, materials and their types, SKUs
and their types, bills of materials (pharus-routes.md §2b).

Answers rename some request fields: a material's ``code`` comes back as ``material_code``
and its ``type_id`` as ``material_type_id``; a SKU's as ``sku_code`` and ``sku_type_id``.
Decimals come back as strings and are parsed into `Decimal` exactly.
"""

from decimal import Decimal
from typing import Any

from pydantic import Field

from ..._core.models import APIModel
from .common import Usage

__all__ = [
    "Bom",
    "Location",
    "LocationUsage",
    "Material",
    "MaterialType",
    "MaterialTypeUsage",
    "Sku",
    "SkuType",
    "SkuTypeUsage",
    "Vendor",
]


class Location(APIModel):
    """A place stock is kept: a warehouse, a plant, a co-packer's site."""

    id: str
    org_id: str | None = None
    name: str | None = None
    sort_order: int | None = None
    address: str | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    zip_code: str | None = None
    notes: str | None = None
    is_active: bool | None = None
    created_at: str | None = None
    updated_at: str | None = None


class LocationUsage(Usage):
    """Whether a location is referenced (#5); ``references`` says by what (its shape is
    collapsed in the document: typically a count per kind of record)."""

    references: dict[str, Any] = Field(default_factory=dict)


class Vendor(APIModel):
    """A supplier of materials or finished goods."""

    id: str
    org_id: str | None = None
    name: str | None = None
    address: str | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    zip_code: str | None = None
    term: str | None = None
    qbo_id: str | None = None
    notes: str | None = None
    is_active: bool | None = None
    created_at: str | None = None
    updated_at: str | None = None


class Material(APIModel):
    """A raw material or component (request ``code``/``type_id`` come back renamed)."""

    id: str
    org_id: str | None = None
    material_code: str | None = None
    name: str | None = None
    material_type_id: str | None = None
    notes: str | None = None
    is_active: bool | None = None
    created_at: str | None = None
    updated_at: str | None = None


class _LookupItem(APIModel):
    """An entry of a small lookup table (the document's ``LookupItem``; no ``updated_at``)."""

    id: str
    org_id: str | None = None
    name: str | None = None
    sort_order: int | None = None
    is_active: bool | None = None
    created_at: str | None = None


class MaterialType(_LookupItem):
    """A kind of material (a lookup entry: name, sort order, active flag)."""


class MaterialTypeUsage(Usage):
    """Whether a material type is in use (#22): how many materials have it, and a few ids."""

    material_count: int | None = None
    sample_material_ids: list[str] = Field(default_factory=list)


class Sku(APIModel):
    """A finished-goods product (request ``code``/``type_id`` come back renamed).

    ``oz_per_item`` is sent as a number and answered as a string: parsed exactly.
    """

    id: str
    org_id: str | None = None
    sku_code: str | None = None
    name: str | None = None
    sku_type_id: str | None = None
    items_per_unit: int | None = None
    oz_per_item: Decimal | None = None
    qbo_id: str | None = None
    notes: str | None = None
    is_active: bool | None = None
    created_at: str | None = None
    updated_at: str | None = None


class SkuType(_LookupItem):
    """A kind of SKU (a lookup entry: name, sort order, active flag)."""


class SkuTypeUsage(Usage):
    """Whether a SKU type is in use (#33): how many SKUs have it, and a few ids."""

    sku_count: int | None = None
    sample_sku_ids: list[str] = Field(default_factory=list)


class Bom(APIModel):
    """A bill of materials: the SKU it makes and its components.

    It has no id of its own: it is addressed by its output SKU. The document collapses the
    element schema of ``items``: each is kept as the API sent it (API names).
    """

    output_sku_id: str | None = None
    items: list[dict[str, Any]] = Field(default_factory=list)
