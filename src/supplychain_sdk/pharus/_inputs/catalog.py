"""Pharus request fields of the catalog: locations, vendors, materials and their types,
SKUs and their types, bills of materials (pharus-routes.md #1-38).

Python names in, the API's camelCase out; every documented constraint is checked before
anything is sent. Create bodies name the code ``code`` and the type ``type_id``: the answers
call them ``material_code``/``sku_code`` and ``material_type_id``/``sku_type_id`` (§2b).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field
from typing_extensions import Required, TypedDict

from ..._core.operations import api_fields
from .common import Amount, Country, UuidStr

__all__ = [
    "BomFields",
    "BomListFilters",
    "LocationCreateFields",
    "LocationUpdateFields",
    "MaterialBulkImportFields",
    "MaterialCreateFields",
    "MaterialListFilters",
    "MaterialTypeCreateFields",
    "MaterialTypeUpdateFields",
    "MaterialUpdateFields",
    "SkuBulkImportFields",
    "SkuCreateFields",
    "SkuListFilters",
    "SkuTypeCreateFields",
    "SkuTypeUpdateFields",
    "SkuUpdateFields",
    "VendorBulkImportFields",
    "VendorCreateFields",
    "VendorListFilters",
    "VendorUpdateFields",
]

_Name100 = Annotated[str, Field(min_length=1, max_length=100)]
_Name255 = Annotated[str, Field(min_length=1, max_length=255)]
_Code = Annotated[str, Field(min_length=1, max_length=100)]


# -- locations ---------------------------------------------------------------------------------
@api_fields
class LocationCreateFields(TypedDict, total=False):
    """Fields of a new location (#1)."""

    name: Required[_Name100]
    address: str | None
    city: Annotated[str, Field(max_length=150)] | None
    state: Annotated[str, Field(max_length=100)] | None
    country: Country | None
    zip_code: Annotated[str, Field(max_length=20)] | None
    notes: str | None


@api_fields
class LocationUpdateFields(TypedDict, total=False):
    """Fields to change on a location (#3); only those given are sent."""

    name: _Name100
    address: str | None
    city: Annotated[str, Field(max_length=150)] | None
    state: Annotated[str, Field(max_length=100)] | None
    country: Country | None
    zip_code: Annotated[str, Field(max_length=20)] | None
    notes: str | None
    sort_order: Annotated[int, Field(ge=0)]
    is_active: bool


# -- vendors -----------------------------------------------------------------------------------
@api_fields
class VendorCreateFields(TypedDict, total=False):
    """Fields of a new vendor (#6; also one row of a bulk import, #11)."""

    name: Required[_Name255]
    address: str | None
    city: str | None
    state: str | None
    country: Country | None
    zip_code: str | None
    term: str | None
    qbo_id: str | None
    notes: str | None


@api_fields
class VendorUpdateFields(TypedDict, total=False):
    """Fields to change on a vendor (#8); only those given are sent."""

    name: _Name255
    address: str | None
    city: str | None
    state: str | None
    country: Country | None
    zip_code: str | None
    term: str | None
    qbo_id: str | None
    notes: str | None
    is_active: bool


@api_fields
class VendorListFilters(TypedDict, total=False):
    """Filters of the vendor list (#7): ``is_active`` is sent as ``"true"``/``"false"``."""

    is_active: bool


@api_fields
class VendorBulkImportFields(TypedDict, total=False):
    """The body of a vendor bulk import (#11)."""

    rows: Required[list[VendorCreateFields]]


# -- materials ---------------------------------------------------------------------------------
@api_fields
class MaterialCreateFields(TypedDict, total=False):
    """Fields of a new material (#12; also one row of a bulk import, #17).

    ``code`` comes back as ``material_code``, ``type_id`` as ``material_type_id``.
    """

    code: Required[_Code]
    name: Required[_Name255]
    type_id: Required[UuidStr]
    notes: str | None


@api_fields
class MaterialUpdateFields(TypedDict, total=False):
    """Fields to change on a material (#14); only those given are sent."""

    code: _Code
    name: _Name255
    type_id: UuidStr
    notes: str | None
    is_active: bool


@api_fields
class MaterialListFilters(TypedDict, total=False):
    """Filters of the material list (#13).

    ``active`` is sent as ``"true"``/``"false"``; ``type`` is a material type (the document
    does not say whether by id or name); ``q`` searches.
    """

    active: bool
    type: str
    q: str


@api_fields
class MaterialBulkImportFields(TypedDict, total=False):
    """The body of a material bulk import (#17)."""

    rows: Required[list[MaterialCreateFields]]


@api_fields
class MaterialTypeCreateFields(TypedDict, total=False):
    """Fields of a new material type (#18)."""

    name: Required[_Name100]


@api_fields
class MaterialTypeUpdateFields(TypedDict, total=False):
    """Fields to change on a material type (#20); ``is_active=False`` deactivates it."""

    name: _Name100
    sort_order: int
    is_active: bool


# -- SKUs --------------------------------------------------------------------------------------
@api_fields
class SkuCreateFields(TypedDict, total=False):
    """Fields of a new SKU (#23; also one row of a bulk import, #28).

    ``code`` comes back as ``sku_code``, ``type_id`` as ``sku_type_id``; ``oz_per_item`` is
    sent as an exact JSON number and comes back as a decimal string.
    """

    code: Required[_Code]
    name: Required[_Name255]
    type_id: Required[UuidStr]
    items_per_unit: Annotated[int, Field(ge=1)]
    oz_per_item: Amount | None
    qbo_id: str | None
    notes: str | None


@api_fields
class SkuUpdateFields(TypedDict, total=False):
    """Fields to change on a SKU (#25); only those given are sent."""

    code: _Code
    name: _Name255
    type_id: UuidStr
    items_per_unit: Annotated[int, Field(ge=1)]
    oz_per_item: Amount | None
    qbo_id: str | None
    notes: str | None
    is_active: bool


@api_fields
class SkuListFilters(TypedDict, total=False):
    """Filters of the SKU list (#24).

    ``active`` is sent as ``"true"``/``"false"``; the ranges are sent as text, as the
    document types them; ``type`` is a SKU type; ``q`` searches.
    """

    active: bool
    type: str
    items_per_unit_min: int
    items_per_unit_max: int
    oz_per_item_min: Amount
    oz_per_item_max: Amount
    q: str


@api_fields
class SkuBulkImportFields(TypedDict, total=False):
    """The body of a SKU bulk import (#28)."""

    rows: Required[list[SkuCreateFields]]


@api_fields
class SkuTypeCreateFields(TypedDict, total=False):
    """Fields of a new SKU type (#29)."""

    name: Required[_Name100]


@api_fields
class SkuTypeUpdateFields(TypedDict, total=False):
    """Fields to change on a SKU type (#31); ``is_active=False`` deactivates it."""

    name: _Name100
    sort_order: int
    is_active: bool


# -- bills of materials ------------------------------------------------------------------------
@api_fields
class BomFields(TypedDict, total=False):
    """A bill of materials: the SKU it makes and its components (#34, #36).

    The document collapses the element schema of ``items``: each item is sent as given, in
    the API's names (e.g. ``{"materialId": "...", "quantity": Decimal("2.5")}``).
    """

    output_sku_id: Required[UuidStr]
    items: Required[list[dict[str, Any]]]


@api_fields
class BomListFilters(TypedDict, total=False):
    """Filters of the list of SKUs with a bill of materials (#35)."""

    q: str
