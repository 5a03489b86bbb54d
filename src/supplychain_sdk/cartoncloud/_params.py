"""Checking and shaping CartonCloud call arguments before anything is sent (no I/O here)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .._core.checks import field_errors, invalid, uuid_string
from .._core.errors import InvalidRequestError
from .._core.models import APIModel, OpenEnum
from .._core.pagination import PageNumberPagination, header_meta
from . import _models as m

__all__ = [
    "PAGE_PARAM",
    "SIZE_PARAM",
    "api_version",
    "consignment_body",
    "entity_id",
    "inbound_order_body",
    "outbound_order_body",
    "page_size",
    "pagination",
    "product_body",
    "start_page",
    "tenant_id",
]

#: Query parameters of a search page. The spec's general pagination section names them
#: ``pageNumber``/``pageSize``; the search endpoints take ``page``/``size``.
PAGE_PARAM = "page"
SIZE_PARAM = "size"

M = TypeVar("M", bound=APIModel)


def api_version(value: object) -> str:
    """The ``Accept-Version`` value: a positive whole number, as a string."""
    text = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if not text.isdigit() or int(text) < 1:
        raise InvalidRequestError(
            f"api_version must be a positive integer such as 1, got {value!r}"
        )
    return text


def tenant_id(explicit: str | None, default: str | None) -> str:
    """The tenant of a call: the explicit one, else the client's default; neither is an error."""
    value = explicit if explicit is not None else default
    if value is None:
        raise InvalidRequestError(
            "no tenant for this call: pass tenant_id=..., create the client with tenant_id= "
            "(or set CARTONCLOUD_TENANT_ID), or use client.for_tenant(tenant_id)"
        )
    return uuid_string(value, "tenant_id")


def entity_id(value: object, name: str) -> str:
    """An entity id: the API identifies every entity by UUID."""
    return uuid_string(value, name)


def page_size(value: int | None) -> int | None:
    """A page size: a positive integer (the API may answer with fewer; see ``Page-Size``)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidRequestError(f"page_size must be a positive integer, got {value!r}")
    return value


def start_page(value: int | None) -> int | None:
    """A 1-based page number to start from."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidRequestError(f"start_page must be an integer >= 1, got {value!r}")
    return value


def pagination(size: int | None) -> PageNumberPagination:
    """The strategy of the search endpoints for a page size (``None``: the API's default).

    ``Page-Number`` is read back, so a server that ignores the page parameter raises
    `PaginationError` instead of repeating the first page.
    """
    return PageNumberPagination(
        page_param=PAGE_PARAM, size_param=SIZE_PARAM, page_size=size, meta=header_meta()
    )


# -- bodies ----------------------------------------------------------------------------------------


def _as_model(value: object, model: type[M], what: str) -> M:
    if isinstance(value, model):
        return value
    if isinstance(value, BaseModel) or not isinstance(value, Mapping):
        raise InvalidRequestError(
            f"{what} must be a {model.__name__} or a dict, not {type(value).__name__}"
        )
    try:
        return model.model_validate(dict(value))
    except ValidationError as exc:
        raise invalid(what, field_errors(exc, pointer=True, missing="is required")) from None


def _json(model: APIModel) -> dict[str, Any]:
    """The JSON to send: fields you set, in the API's names; fields set to ``None`` are left
    out (the spec documents no ``null`` values). Custom ``properties`` are sent as given."""
    return model.model_dump(mode="json", by_alias=True, exclude_unset=True, exclude_none=True)


class _Checker:
    """Collects missing-field errors by JSON pointer over an entity's JSON."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.errors: dict[str, list[str]] = {}

    def get(self, path: str) -> Any:
        node: Any = self.data
        for part in path.strip("/").split("/"):
            if isinstance(node, Mapping):
                node = node.get(part)
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                return None
        return node

    def add(self, path: str, message: str) -> None:
        self.errors.setdefault(path, []).append(message)

    def present(self, path: str, message: str = "is required") -> Any:
        value = self.get(path)
        if value is None or (isinstance(value, str) and not value.strip()):
            self.add(path, message)
        return value

    def object(self, path: str, *, required: bool = True) -> Mapping[str, Any] | None:
        value = self.get(path)
        if value is None:
            if required:
                self.add(path, "is required")
            return None
        return value if isinstance(value, Mapping) else None

    def reference(self, path: str, keys: tuple[str, ...], what: str, *, required: bool) -> None:
        """An element referenced by any one of ``keys`` (dotted for nested ones)."""
        value = self.object(path, required=required)
        if value is None:
            return
        for key in keys:
            node: Any = value
            for part in key.split("."):
                node = node.get(part) if isinstance(node, Mapping) else None
            if node is not None and (not isinstance(node, str) or node.strip()):
                return
        names = ", ".join(keys[:-1]) + f" or {keys[-1]}"
        self.add(path, f"a {what} needs one of {names}")

    def known(self, path: str, enum: type[OpenEnum]) -> None:
        value = self.get(path)
        if value is not None and not (isinstance(value, str) and enum(value).is_known):
            allowed = ", ".join(repr(e.value) for e in enum)
            self.add(path, f"{value!r} is not one of: {allowed}")

    def order_type(self, expected: str) -> None:
        value = self.get("/type")
        if value is not None and value != expected:
            self.add("/type", f"must be {expected!r} on this endpoint, got {value!r}")

    def items(self, *, product_required: bool, quantity_required: bool) -> None:
        items = self.get("/items")
        if not isinstance(items, list):
            return
        for index in range(len(items)):
            base = f"/items/{index}/details/product"
            self.reference(
                base,
                ("id", "references.code", "references.barcode", "name"),
                "product",
                required=product_required,
            )
            if quantity_required:
                self.present(f"/items/{index}/measures/quantity")

    def raise_if_any(self, what: str) -> None:
        if self.errors:
            raise invalid(what, self.errors)


_CUSTOMER_KEYS = ("id", "references.code", "name")
_WAREHOUSE_KEYS = ("id", "name")


def _common(check: _Checker, *, customer_required: bool = True) -> None:
    check.object("/references")
    check.reference("/customer", _CUSTOMER_KEYS, "customer", required=customer_required)


def inbound_order_body(order: object) -> tuple[m.NewInboundOrder, dict[str, Any]]:
    """The checked model and JSON of an inbound order (create or update)."""
    model = _as_model(order, m.NewInboundOrder, "the inbound order")
    data = _json(model)
    check = _Checker(data)
    check.order_type("INBOUND")
    _common(check)
    check.reference("/warehouse", _WAREHOUSE_KEYS, "warehouse", required=False)
    check.items(product_required=True, quantity_required=True)
    check.raise_if_any("the inbound order")
    return model, data


def outbound_order_body(order: object) -> tuple[m.NewOutboundOrder, dict[str, Any]]:
    """The checked model and JSON of an outbound order (create or update)."""
    model = _as_model(order, m.NewOutboundOrder, "the outbound order")
    data = _json(model)
    check = _Checker(data)
    check.order_type("OUTBOUND")
    _common(check)
    check.reference("/warehouse", _WAREHOUSE_KEYS, "warehouse", required=False)
    check.object("/details/deliver/address")
    check.items(product_required=True, quantity_required=True)
    check.raise_if_any("the outbound order")
    return model, data


def consignment_body(consignment: object) -> tuple[m.NewConsignment, dict[str, Any]]:
    """The checked model and JSON of a consignment (create or update)."""
    model = _as_model(consignment, m.NewConsignment, "the consignment")
    data = _json(model)
    check = _Checker(data)
    check.order_type("CONSIGNMENT")
    _common(check)
    check.items(product_required=False, quantity_required=False)
    check.raise_if_any("the consignment")
    return model, data


_PRODUCT_CLASSES: dict[str, type[m.NewWarehouseProduct] | type[m.NewTransportProduct]] = {
    "WAREHOUSE": m.NewWarehouseProduct,
    "TRANSPORT": m.NewTransportProduct,
}

_AnyProduct = m.NewWarehouseProduct | m.NewTransportProduct | m.UnknownProduct


def _product_model(product: object) -> _AnyProduct:
    if isinstance(product, (m.NewWarehouseProduct, m.NewTransportProduct, m.UnknownProduct)):
        return product
    if isinstance(product, Mapping):
        scope = product.get("scope")
        cls = _PRODUCT_CLASSES.get(scope) if isinstance(scope, str) else None
        if cls is None:
            raise InvalidRequestError(
                "the product needs a 'scope' of 'WAREHOUSE' or 'TRANSPORT' "
                "(or pass a WarehouseProduct or TransportProduct)",
                field_errors={"/scope": ["must be 'WAREHOUSE' or 'TRANSPORT'"]},
            )
        return _as_model(product, cls, f"the {str(scope).lower()} product")
    raise InvalidRequestError(
        "product must be a WarehouseProduct, a TransportProduct or a dict, "
        f"not {type(product).__name__}"
    )


def product_body(
    product: object, *, allow_unknown: bool = False
) -> tuple[_AnyProduct, dict[str, Any]]:
    """The checked model and JSON of a product, with its ``scope`` always sent."""
    model = _product_model(product)
    data = _json(model)
    if isinstance(model, m.UnknownProduct):
        if not allow_unknown:
            raise InvalidRequestError(
                f"cannot create a product of scope {model.scope!r}: only WAREHOUSE and TRANSPORT"
            )
        return model, data
    data = {"scope": model.scope, **data}
    check = _Checker(data)
    for name in ("/type", "/name", "/description"):
        check.present(name)
    if isinstance(model, m.NewWarehouseProduct):
        what = "the warehouse product"
        _common(check)
        check.present("/defaultUnitOfMeasure")
        units = check.get("/unitOfMeasures")
        if isinstance(units, Mapping):
            for unit in units:
                key = str(unit).replace("~", "~0").replace("/", "~1")
                check.present(f"/unitOfMeasures/{key}/qtyPerBase")
        notifications = check.get("/notifications")
        for index in range(len(notifications) if isinstance(notifications, list) else 0):
            check.present(f"/notifications/{index}/type")
        check.known("/details/storage/chargeMethod", m.ChargeMethod)
        check.known("/details/stockSelection/method", m.StockSelectionMethod)
        check.known("/details/stockSelection/secondaryMethod", m.SecondaryStockSelectionMethod)
        requirements = check.get("/itemPropertyRequirements")
        if isinstance(requirements, Mapping):
            for name in requirements:
                key = str(name).replace("~", "~0").replace("/", "~1")
                check.known(f"/itemPropertyRequirements/{key}", m.ItemPropertyRequirement)
    else:
        what = "the transport product"
        _common(check, customer_required=False)
    check.raise_if_any(what)
    return model, data
