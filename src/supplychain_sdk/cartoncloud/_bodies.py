"""The JSON bodies CartonCloud calls send, checked before anything is sent (no I/O here).

Entities are checked twice over: first against their ``New*`` model (pydantic), then for what
the spec requires deeper down (a delivery address, each item's product and quantity, ...),
with the errors keyed by JSON pointer like the API's own ``422`` answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError
from typing_extensions import TypedDict

from .._core.checks import field_errors, invalid
from .._core.errors import InvalidRequestError
from .._core.operations import api_fields
from .._core.versioning import resolve_if_match
from ._conditions import ConditionLike, condition_json

if TYPE_CHECKING:
    from .._core.models import APIModel, OpenEnum
    from . import _models as m

    _AnyProduct = m.NewWarehouseProduct | m.NewTransportProduct | m.UnknownProduct

__all__ = [
    "SearchBody",
    "consignment_body",
    "inbound_order_body",
    "outbound_order_body",
    "product_body",
    "search_body",
    "update_target",
]

M = TypeVar("M", bound="APIModel")


@api_fields
class SearchBody(TypedDict):
    """The body of a ``.../search`` call: one condition tree (see ``_conditions``)."""

    condition: dict[str, Any]


def search_body(condition: ConditionLike) -> SearchBody:
    """The body of a search for ``condition`` (a builder object or the API's JSON)."""
    return {"condition": condition_json(condition)}


def update_target(
    model: APIModel, entity_id: str | None, name: str, if_match: str | int | None
) -> tuple[str | None, str]:
    """The id (checked by the route as a UUID) and the ``If-Match`` version of an update.

    The id is ``entity_id`` or the one the entity carries (both: they must agree); the
    version is ``if_match`` or the entity's ``version``. Without a version the update is
    refused: CartonCloud requires ``If-Match``.
    """
    own_id = getattr(model, "id", None)
    if entity_id is not None and own_id is not None and entity_id != own_id:
        raise InvalidRequestError(
            f"{name} {entity_id!r} does not match the id of the entity passed ({own_id!r})"
        )
    version = resolve_if_match(if_match, model)
    if version is None:
        raise InvalidRequestError(
            "an update needs the entity's version for If-Match: pass the model you read "
            "(it carries `version`) or if_match=..."
        )
    return (entity_id if entity_id is not None else own_id), version


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
    from . import _models as m  # the models load on first use

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
    from . import _models as m  # the models load on first use

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
    from . import _models as m  # the models load on first use

    model = _as_model(consignment, m.NewConsignment, "the consignment")
    data = _json(model)
    check = _Checker(data)
    check.order_type("CONSIGNMENT")
    _common(check)
    check.items(product_required=False, quantity_required=False)
    check.raise_if_any("the consignment")
    return model, data


def _product_model(product: object) -> _AnyProduct:
    from . import _models as m  # the models load on first use

    if isinstance(product, (m.NewWarehouseProduct, m.NewTransportProduct, m.UnknownProduct)):
        return product
    if isinstance(product, Mapping):
        scope = product.get("scope")
        classes: dict[object, type[m.NewWarehouseProduct] | type[m.NewTransportProduct]] = {
            "WAREHOUSE": m.NewWarehouseProduct,
            "TRANSPORT": m.NewTransportProduct,
        }
        cls = classes.get(scope) if isinstance(scope, str) else None
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
    from . import _models as m  # the models load on first use

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
