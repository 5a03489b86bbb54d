"""Typed models of the CartonCloud API v1: entities and the standard elements.

Each entity has a model to create it (``NewOutboundOrder``: the fields the spec requires on
a create are required) and the entity as the API returns it (``OutboundOrder``: the same
fields plus ``id`` and ``version``), which is also the body of an update. Nested fields are
optional so that any answer or webhook parses; what the spec requires deeper down (a
delivery address, each item's product and quantity, ...) is checked before sending (see
``_bodies``), with errors keyed by JSON pointer like the API's own ``422`` answers. Custom
``properties`` stay free-form dicts, and unknown fields are kept and sent back on update.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, TypeAlias

from pydantic import Discriminator, Field, PlainSerializer, PrivateAttr, Tag

from .._core.models import APIModel, OpenEnum

__all__ = [
    "Address",
    "ChargeMethod",
    "CollectDetails",
    "Consignment",
    "ConsignmentDetails",
    "ConsignmentItem",
    "ConsignmentItemMeasures",
    "Country",
    "Customer",
    "CustomerReferences",
    "DateLike",
    "DeliverDetails",
    "InboundOrder",
    "InboundOrderDetails",
    "ItemPropertyRequirement",
    "Money",
    "NewConsignment",
    "NewInboundOrder",
    "NewOutboundOrder",
    "NewTransportProduct",
    "NewWarehouseProduct",
    "NotificationType",
    "Number",
    "OrderItem",
    "OrderItemDetails",
    "OrderItemMeasures",
    "OrderType",
    "OutboundOrder",
    "OutboundOrderDetails",
    "Product",
    "ProductNotification",
    "ProductRef",
    "ProductReferences",
    "ProductScope",
    "References",
    "SecondaryStockSelectionMethod",
    "State",
    "Status",
    "StockSelectionMethod",
    "Tenant",
    "TransportProduct",
    "TransportProductDetails",
    "UnitOfMeasure",
    "UnitOfMeasureDefinition",
    "UnknownProduct",
    "User",
    "Warehouse",
    "WarehouseProduct",
    "WarehouseProductDetails",
    "WarehouseProductInbound",
    "WarehouseProductStockSelection",
    "WarehouseProductStorage",
]

#: A date field: a ``datetime.date`` (sent as ``YYYY-MM-DD``) or the API's string as is.
DateLike: TypeAlias = dt.date | str


def _compact(value: float) -> int | float:
    if value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


#: A decimal quantity or amount; whole numbers are sent without a fraction (``3``, not ``3.0``).
Number: TypeAlias = Annotated[float, PlainSerializer(_compact, return_type=int | float)]


# -- enums ---------------------------------------------------------------------------------------


class Status(OpenEnum):
    """Entity statuses. Workflows are configured per tenant, so any value parses.

    The spec names ``DRAFT`` (create a draft), ``RECEIVED``, ``DISPATCHED`` and ``DELIVERED``
    (in its webhook examples) and a rejected status for outbound orders created with stock
    issues; the other members are the statuses the sandbox's workflow uses.
    """

    DRAFT = "DRAFT"
    AWAITING_ARRIVAL = "AWAITING_ARRIVAL"
    RECEIVED = "RECEIVED"
    AWAITING_PICK_AND_PACK = "AWAITING_PICK_AND_PACK"
    PACKED = "PACKED"
    DISPATCHED = "DISPATCHED"
    REJECTED = "REJECTED"
    AWAITING_PICKUP = "AWAITING_PICKUP"
    IN_TRANSIT = "IN_TRANSIT"
    DELIVERED = "DELIVERED"


class OrderType(OpenEnum):
    """The ``type`` of an order; each endpoint defaults it to its own."""

    INBOUND = "INBOUND"
    OUTBOUND = "OUTBOUND"
    CONSIGNMENT = "CONSIGNMENT"


class ProductScope(OpenEnum):
    """``WAREHOUSE`` (warehousing product) or ``TRANSPORT`` (transport product)."""

    WAREHOUSE = "WAREHOUSE"
    TRANSPORT = "TRANSPORT"


class ChargeMethod(OpenEnum):
    """``details.storage.chargeMethod`` of a warehouse product (the spec allows ``""``)."""

    PER_LOCATION = "PER_LOCATION"
    NONE = ""


class StockSelectionMethod(OpenEnum):
    """``details.stockSelection.method`` of a warehouse product."""

    FEFO = "FEFO"
    FIFO = "FIFO"


class SecondaryStockSelectionMethod(OpenEnum):
    """``details.stockSelection.secondaryMethod`` of a warehouse product."""

    MINIMISE_STORAGE = "MINIMISE_STORAGE"


class ItemPropertyRequirement(OpenEnum):
    """Values of ``itemPropertyRequirements`` (per custom item property)."""

    REQUIRED = "REQUIRED"
    OPTIONAL = "OPTIONAL"


class NotificationType(OpenEnum):
    """``notifications[].type`` of a warehouse product (the spec's examples)."""

    STOCK_EXPIRY = "STOCK_EXPIRY"
    STOCK_LOW = "STOCK_LOW"


# -- standard elements -----------------------------------------------------------------------------


class References(APIModel):
    """External or alternate references of an entity.

    ``customer`` is the customer-supplied reference. Tenants may define other reference
    types: pass them under the tenant's own names, e.g.
    ``References(customer="SO-1", alternateReference="ALT-9")``; they are sent as given.
    """

    customer: str | None = None


class CustomerReferences(APIModel):
    """References of a customer: its ``code``."""

    code: str | None = None


class Customer(APIModel):
    """A customer, referenced by ``id``, ``references.code`` or ``name`` (first one wins).

    Example:
        ```python
        Customer.by_code("C123456")
        ```
    """

    id: str | None = None
    name: str | None = None
    references: CustomerReferences | None = None

    @classmethod
    def by_id(cls, customer_id: str) -> Customer:
        """Reference a customer by its UUID."""
        return cls(id=customer_id)

    @classmethod
    def by_code(cls, code: str) -> Customer:
        """Reference a customer by its customer code."""
        return cls(references=CustomerReferences(code=code))

    @classmethod
    def by_name(cls, name: str) -> Customer:
        """Reference a customer by its name."""
        return cls(name=name)


class Warehouse(APIModel):
    """A warehouse, referenced by ``id`` or ``name`` (first one wins)."""

    id: str | None = None
    name: str | None = None

    @classmethod
    def by_id(cls, warehouse_id: str) -> Warehouse:
        """Reference a warehouse by its UUID."""
        return cls(id=warehouse_id)

    @classmethod
    def by_name(cls, name: str) -> Warehouse:
        """Reference a warehouse by its name."""
        return cls(name=name)


class State(APIModel):
    """A state, region or prefecture, referenced by ``code`` or ``name`` (first one wins)."""

    code: str | None = None
    name: str | None = None

    @classmethod
    def by_code(cls, code: str) -> State:
        """Reference a state by its code (``QLD``)."""
        return cls(code=code)

    @classmethod
    def by_name(cls, name: str) -> State:
        """Reference a state by its name."""
        return cls(name=name)


class Country(APIModel):
    """A country, referenced by ``iso2Code``, ``iso3Code`` or ``name`` (first one wins)."""

    name: str | None = None
    iso2_code: str | None = None
    iso3_code: str | None = None

    @classmethod
    def by_iso2(cls, code: str) -> Country:
        """Reference a country by its ISO 3166 alpha-2 code (``AU``)."""
        return cls(iso2_code=code)

    @classmethod
    def by_iso3(cls, code: str) -> Country:
        """Reference a country by its ISO 3166 alpha-3 code (``AUS``)."""
        return cls(iso3_code=code)

    @classmethod
    def by_name(cls, name: str) -> Country:
        """Reference a country by its name."""
        return cls(name=name)


class Address(APIModel):
    """A postal address with contact details."""

    company_name: str | None = None
    contact_name: str | None = None
    address1: str | None = None
    address2: str | None = None
    suburb: str | None = None
    city: str | None = None
    state: State | None = None
    postcode: str | None = None
    country: Country | None = None
    phone: str | None = None
    email: str | None = None


class ProductReferences(APIModel):
    """References of a product: ``code`` (SKU) and ``barcode``; other reference types of the
    tenant are kept under their own names."""

    code: str | None = None
    barcode: str | None = None


class ProductRef(APIModel):
    """A product, referenced by ``id``, ``references.code``, ``references.barcode`` or ``name``.

    Where several are given, the first in that order is used. Example:
    ``ProductRef.by_code("SKU123")``.
    """

    id: str | None = None
    name: str | None = None
    references: ProductReferences | None = None

    @classmethod
    def by_id(cls, product_id: str) -> ProductRef:
        """Reference a product by its UUID."""
        return cls(id=product_id)

    @classmethod
    def by_code(cls, code: str) -> ProductRef:
        """Reference a product by its product code (SKU)."""
        return cls(references=ProductReferences(code=code))

    @classmethod
    def by_barcode(cls, barcode: str) -> ProductRef:
        """Reference a product by its barcode."""
        return cls(references=ProductReferences(barcode=barcode))

    @classmethod
    def by_name(cls, name: str) -> ProductRef:
        """Reference a product by its name."""
        return cls(name=name)


class UnitOfMeasure(APIModel):
    """A unit of measure, referenced by its ``type`` code (``UNITS``, ``CARTON``, ...)."""

    type: str | None = None


class Money(APIModel):
    """An amount in a currency."""

    amount: Number | None = None
    currency: str | None = None


# -- account ---------------------------------------------------------------------------------------


class Tenant(APIModel):
    """A tenant the authenticated user can access."""

    id: str
    name: str | None = None


class User(APIModel):
    """The authenticated user (``GET /uaa/userinfo``) with the tenants they can access."""

    id: str | None = None
    name: str | None = None
    email: str | None = None
    tenants: list[Tenant] = []


# -- entities --------------------------------------------------------------------------------------


class _Entity(APIModel):
    """What every entity read from the API has: its ``id``, its ``version``, and a flag."""

    id: str
    version: int
    _created_with_issues: bool = PrivateAttr(default=False)

    @property
    def created_with_issues(self) -> bool:
        """Whether the API answered the create with ``228 Created with issues``.

        Only models returned by a ``create`` call can be ``True``; the flag is never sent.
        """
        return self._created_with_issues


class OrderItemDetails(APIModel):
    """The product of an order item and its unit of measure."""

    product: ProductRef | None = None
    unit_of_measure: UnitOfMeasure | None = None


class OrderItemMeasures(APIModel):
    """The quantity of an order item."""

    quantity: Number | None = None


class OrderItem(APIModel):
    """One line of an inbound or outbound order.

    ``properties`` holds custom item fields (batch, expiry date, ...).
    """

    properties: dict[str, Any] | None = None
    details: OrderItemDetails | None = None
    measures: OrderItemMeasures | None = None

    @classmethod
    def of(
        cls,
        product: ProductRef,
        quantity: float,
        *,
        unit_of_measure: str | None = None,
        properties: dict[str, Any] | None = None,
    ) -> OrderItem:
        """An item of ``quantity`` of ``product`` (``OrderItem.of(ProductRef.by_code("A"), 5)``).

        Args:
            product: the product reference.
            quantity: how many of the unit of measure.
            unit_of_measure: the unit's code (``"CASES"``); the product's default if omitted.
            properties: custom item fields (``{"batch": "AAAA"}``).
        """
        details = OrderItemDetails(product=product)
        if unit_of_measure is not None:
            details.unit_of_measure = UnitOfMeasure(type=unit_of_measure)
        item = cls(details=details, measures=OrderItemMeasures(quantity=quantity))
        if properties is not None:
            item.properties = dict(properties)
        return item


class InboundOrderDetails(APIModel):
    """Details of an inbound order."""

    urgent: bool | None = None
    instructions: str | None = None
    arrival_date: DateLike | None = None


class NewInboundOrder(APIModel):
    """An inbound order to create (goods arriving at a warehouse).

    ``references`` and ``customer`` are required, and each item needs a product and a
    quantity. ``warehouse`` defaults to the tenant's default warehouse; ``status="DRAFT"``
    creates a draft.
    """

    type: OrderType | None = None
    status: Status | None = None
    references: References
    customer: Customer
    warehouse: Warehouse | None = None
    details: InboundOrderDetails | None = None
    properties: dict[str, Any] | None = None
    items: list[OrderItem] | None = None


class InboundOrder(NewInboundOrder, _Entity):
    """An inbound order as the API returns it (and as an update sends it back)."""


class CollectDetails(APIModel):
    """Collection: the required date (outbound orders) or the address (consignments)."""

    required_date: DateLike | None = None
    address: Address | None = None


class DeliverDetails(APIModel):
    """Delivery: address, instructions, required date and cash on delivery."""

    address: Address | None = None
    instructions: str | None = None
    required_date: DateLike | None = None
    cash_payment_amount: Money | None = None


class OutboundOrderDetails(APIModel):
    """Details of an outbound order; ``deliver.address`` is required."""

    urgent: bool | None = None
    instructions: str | None = None
    collect: CollectDetails | None = None
    deliver: DeliverDetails | None = None
    invoice_value: Money | None = None


class NewOutboundOrder(APIModel):
    """An outbound order to create (goods leaving a warehouse).

    ``references`` and ``customer`` are required, and so are ``details.deliver.address`` and,
    per item, a product and a quantity (checked before sending).
    """

    type: OrderType | None = None
    status: Status | None = None
    references: References
    customer: Customer
    warehouse: Warehouse | None = None
    details: OutboundOrderDetails | None = None
    properties: dict[str, Any] | None = None
    items: list[OrderItem] | None = None


class OutboundOrder(NewOutboundOrder, _Entity):
    """An outbound order as the API returns it (and as an update sends it back).

    One created without enough stock is created in a rejected status and answered ``228``:
    see `created_with_issues`.
    """


class ConsignmentItemMeasures(APIModel):
    """Measures of a consignment item; other measures are kept as extra fields."""

    pallets: int | None = None
    weight: Number | None = None
    volume: Number | None = None
    quantity: Number | None = None


class ConsignmentItem(APIModel):
    """One item of a consignment; ``properties`` holds ``description`` and custom fields."""

    properties: dict[str, Any] | None = None
    measures: ConsignmentItemMeasures | None = None
    details: OrderItemDetails | None = None


class ConsignmentDetails(APIModel):
    """Collection and delivery of a consignment (each defaults to the depot)."""

    collect: CollectDetails | None = None
    deliver: DeliverDetails | None = None
    invoice_value: Money | None = None


class NewConsignment(APIModel):
    """A transport consignment to create; ``references`` and ``customer`` are required."""

    type: OrderType | None = None
    status: Status | None = None
    references: References
    customer: Customer
    details: ConsignmentDetails | None = None
    properties: dict[str, Any] | None = None
    items: list[ConsignmentItem] | None = None


class Consignment(NewConsignment, _Entity):
    """A consignment as the API returns it (and as an update sends it back)."""


class WarehouseProductStorage(APIModel):
    """``details.storage`` of a warehouse product."""

    charge_method: ChargeMethod | None = None


class WarehouseProductInbound(APIModel):
    """``details.inbound`` of a warehouse product: the status of newly received stock."""

    initial_status: str | None = None


class WarehouseProductStockSelection(APIModel):
    """``details.stockSelection`` of a warehouse product."""

    method: StockSelectionMethod | None = None
    secondary_method: SecondaryStockSelectionMethod | None = None
    strict: bool | None = None
    expiry_threshold_days: int | None = None


class WarehouseProductDetails(APIModel):
    """``details`` of a warehouse product; ``ui_options`` is free-form."""

    ui_options: dict[str, Any] | None = None
    variable_weight: bool | None = None
    storage: WarehouseProductStorage | None = None
    inbound: WarehouseProductInbound | None = None
    stock_selection: WarehouseProductStockSelection | None = None


class UnitOfMeasureDefinition(APIModel):
    """One unit of measure of a warehouse product; ``qty_per_base`` is required."""

    qty_per_base: Number | None = None
    weight: Number | None = None
    volume: Number | None = None


class ProductNotification(APIModel):
    """A notification of a warehouse product; other fields vary with its ``type``."""

    type: NotificationType | None = None
    threshold_days: int | None = None


class NewWarehouseProduct(APIModel):
    """A warehousing product (``scope`` ``WAREHOUSE``) to create.

    ``type`` (product types are defined per tenant), ``references``, ``customer``,
    ``name``, ``description`` and ``default_unit_of_measure`` are required, and so is
    ``qty_per_base`` of each unit in ``unit_of_measures`` (checked before sending).
    """

    scope: Literal["WAREHOUSE"] = "WAREHOUSE"
    status: str | None = None
    type: str
    references: ProductReferences
    customer: Customer
    name: str
    description: str
    details: WarehouseProductDetails | None = None
    item_property_requirements: dict[str, ItemPropertyRequirement] | None = None
    default_unit_of_measure: str
    unit_of_measures: dict[str, UnitOfMeasureDefinition] | None = None
    notifications: list[ProductNotification] | None = None


class WarehouseProduct(NewWarehouseProduct, _Entity):
    """A warehousing product as the API returns it (and as an update sends it back)."""


class TransportProductDetails(APIModel):
    """``details`` of a transport product: free-form ``ui_options`` (cubic calculator...)."""

    ui_options: dict[str, Any] | None = None


class NewTransportProduct(APIModel):
    """A transport product (``scope`` ``TRANSPORT``) to create.

    ``type``, ``references``, ``name`` and ``description`` are required; ``customer`` only
    when the product is for one customer. ``properties`` (length, width, ...) and
    ``measures`` (weight, volume, ...) are free-form.
    """

    scope: Literal["TRANSPORT"] = "TRANSPORT"
    status: str | None = None
    type: str
    references: ProductReferences
    customer: Customer | None = None
    name: str
    description: str
    properties: dict[str, Any] | None = None
    details: TransportProductDetails | None = None
    measures: dict[str, Any] | None = None


class TransportProduct(NewTransportProduct, _Entity):
    """A transport product as the API returns it (and as an update sends it back)."""


class UnknownProduct(_Entity):
    """A product whose ``scope`` this SDK does not know (kept as read, sent back as is)."""

    scope: str | None = None
    status: str | None = None
    type: str | None = None
    references: ProductReferences | None = None
    customer: Customer | None = None
    name: str | None = None
    description: str | None = None


def product_scope(value: Any) -> str:
    """The discriminator tag of a product: its ``scope`` if known, else ``"other"``."""
    scope = value.get("scope") if isinstance(value, dict) else getattr(value, "scope", None)
    return scope if scope in {"WAREHOUSE", "TRANSPORT"} else "other"


#: A product as the API returns it, typed by ``scope``.
Product: TypeAlias = Annotated[
    Annotated[WarehouseProduct, Tag("WAREHOUSE")]
    | Annotated[TransportProduct, Tag("TRANSPORT")]
    | Annotated[UnknownProduct, Tag("other")],
    Discriminator(product_scope),
]


# -- request bodies named by the route rows (not exported: callers pass the models above) ----
#: A product create's body: a warehouse or a transport product, told apart by ``scope``.
NewProductBody: TypeAlias = Annotated[
    NewWarehouseProduct | NewTransportProduct, Field(discriminator="scope")
]

#: A product update's body: also a product of a scope this SDK does not know, sent back as read.
ProductBody: TypeAlias = Annotated[
    Annotated[NewWarehouseProduct, Tag("WAREHOUSE")]
    | Annotated[NewTransportProduct, Tag("TRANSPORT")]
    | Annotated[UnknownProduct, Tag("other")],
    Discriminator(product_scope),
]
