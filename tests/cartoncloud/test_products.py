"""Products: warehouse and transport scopes, each with its own typed body."""

from __future__ import annotations

from typing import Any

import pytest

from supplychain_sdk import InvalidRequestError, UnprocessableEntityError, VersionConflictError
from supplychain_sdk.cartoncloud import (
    CartonCloud,
    ChargeMethod,
    Customer,
    ItemPropertyRequirement,
    NewTransportProduct,
    NewWarehouseProduct,
    NotificationType,
    ProductNotification,
    ProductReferences,
    StockSelectionMethod,
    TransportProduct,
    TransportProductDetails,
    UnitOfMeasureDefinition,
    UnknownProduct,
    WarehouseProduct,
    WarehouseProductDetails,
    WarehouseProductInbound,
    WarehouseProductStockSelection,
    WarehouseProductStorage,
)
from supplychain_sdk.sandbox.cartoncloud import CartonCloudSandbox
from tests.cartoncloud.conftest import TENANT, assert_api_headers, last, sent_json
from tests.conftest import Mode

BASE = f"/tenants/{TENANT}"

#: The spec's warehouse product example (with real references and customer).
WAREHOUSE_JSON: dict[str, Any] = {
    "scope": "WAREHOUSE",
    "references": {"code": "ICE-4L", "barcode": "9300000000999"},
    "customer": {"references": {"code": "SANDBOX"}},
    "type": "FROZEN",
    "name": "Ice Cream",
    "description": "Chocolate ice cream 4L",
    "details": {
        "uiOptions": {"showBatch": True},
        "variableWeight": True,
        "storage": {"chargeMethod": "PER_LOCATION"},
        "inbound": {"initialStatus": "QC"},
        "stockSelection": {
            "method": "FEFO",
            "secondaryMethod": "MINIMISE_STORAGE",
            "strict": True,
            "expiryThresholdDays": 10,
        },
    },
    "itemPropertyRequirements": {"expiry": "REQUIRED", "batch": "OPTIONAL"},
    "defaultUnitOfMeasure": "cartons",
    "unitOfMeasures": {
        "units": {"qtyPerBase": 1, "weight": 1.2, "volume": 0.25},
        "cartons": {"qtyPerBase": 10},
        "pallets": {"qtyPerBase": 100},
    },
    "notifications": [{"type": "STOCK_EXPIRY", "thresholdDays": 20}, {"type": "STOCK_LOW"}],
}

#: The spec's transport product example.
TRANSPORT_JSON: dict[str, Any] = {
    "scope": "TRANSPORT",
    "references": {"code": "DRUM"},
    "type": "FROZEN",
    "name": "Ice Cream",
    "description": "Chocolate ice cream 4L",
    "properties": {"length": 10},
    "details": {
        "uiOptions": {"consignmentItems": {"cubicCalculator": {"multiplierField": "QUANTITY"}}}
    },
    "measures": {"weight": 1.3},
}


def typed_warehouse_product() -> NewWarehouseProduct:
    return NewWarehouseProduct(
        references=ProductReferences(code="ICE-4L", barcode="9300000000999"),
        customer=Customer.by_code("SANDBOX"),
        type="FROZEN",
        name="Ice Cream",
        description="Chocolate ice cream 4L",
        details=WarehouseProductDetails(
            ui_options={"showBatch": True},
            variable_weight=True,
            storage=WarehouseProductStorage(charge_method=ChargeMethod.PER_LOCATION),
            inbound=WarehouseProductInbound(initial_status="QC"),
            stock_selection=WarehouseProductStockSelection(
                method=StockSelectionMethod.FEFO,
                secondary_method="MINIMISE_STORAGE",
                strict=True,
                expiry_threshold_days=10,
            ),
        ),
        item_property_requirements={
            "expiry": ItemPropertyRequirement.REQUIRED,
            "batch": ItemPropertyRequirement.OPTIONAL,
        },
        default_unit_of_measure="cartons",
        unit_of_measures={
            "units": UnitOfMeasureDefinition(qty_per_base=1, weight=1.2, volume=0.25),
            "cartons": UnitOfMeasureDefinition(qty_per_base=10),
            "pallets": UnitOfMeasureDefinition(qty_per_base=100),
        },
        notifications=[
            ProductNotification(type=NotificationType.STOCK_EXPIRY, threshold_days=20),
            ProductNotification(type=NotificationType.STOCK_LOW),
        ],
    )


async def test_create_warehouse_product(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    product = await mode(client.products.create(typed_warehouse_product()))
    request = last(sandbox)
    assert (request.method, request.path, request.query) == ("POST", f"{BASE}/products", ())
    assert_api_headers(request, json_body=True)
    assert sent_json(request) == WAREHOUSE_JSON  # scope included although it is the default
    assert isinstance(product, WarehouseProduct)
    assert (product.status, product.version, product.scope) == ("ACTIVE", 1, "WAREHOUSE")
    assert product.customer.name == "Sandbox Customer"
    assert product.unit_of_measures["cartons"].qty_per_base == 10
    assert product.details.stock_selection.method is StockSelectionMethod.FEFO


async def test_create_transport_product_typed_and_from_dicts(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    typed = NewTransportProduct(
        references=ProductReferences(code="DRUM"),
        type="FROZEN",
        name="Ice Cream",
        description="Chocolate ice cream 4L",
        properties={"length": 10},
        details=TransportProductDetails(
            ui_options={"consignmentItems": {"cubicCalculator": {"multiplierField": "QUANTITY"}}}
        ),
        measures={"weight": 1.3},
    )
    product = await mode(client.products.create(typed))
    assert sent_json(last(sandbox)) == TRANSPORT_JSON
    assert isinstance(product, TransportProduct)
    assert product.customer is None
    from_dict = await mode(client.products.create({**TRANSPORT_JSON, "references": {"code": "D2"}}))
    assert isinstance(from_dict, TransportProduct)
    warehouse = await mode(client.products.create(WAREHOUSE_JSON))
    assert sent_json(last(sandbox)) == WAREHOUSE_JSON
    assert isinstance(warehouse, WarehouseProduct)


@pytest.mark.parametrize(
    ("product", "errors"),
    [
        (
            {**WAREHOUSE_JSON, "scope": "DIGITAL"},
            {"/scope": ["must be 'WAREHOUSE' or 'TRANSPORT'"]},
        ),
        (
            {"scope": "WAREHOUSE", "name": "Ice", "unitOfMeasures": {"units": {}}},
            {
                "/type": ["is required"],
                "/references": ["is required"],
                "/customer": ["is required"],
                "/description": ["is required"],
                "/defaultUnitOfMeasure": ["is required"],
            },
        ),
        (
            NewWarehouseProduct(
                type="FROZEN",
                references=ProductReferences(code="X"),
                customer=Customer.by_code("SANDBOX"),
                name=" ",
                description="d",
                default_unit_of_measure="units",
                unit_of_measures={"a/b": UnitOfMeasureDefinition()},
            ),
            {"/name": ["is required"], "/unitOfMeasures/a~1b/qtyPerBase": ["is required"]},
        ),
        (
            {
                **WAREHOUSE_JSON,
                "details": {"stockSelection": {"method": "LIFO"}, "storage": {"chargeMethod": "X"}},
                "itemPropertyRequirements": {"batch": "MAYBE"},
                "notifications": [{"thresholdDays": 1}],
            },
            {
                "/notifications/0/type": ["is required"],
                "/details/storage/chargeMethod": ["'X' is not one of: 'PER_LOCATION', ''"],
                "/details/stockSelection/method": ["'LIFO' is not one of: 'FEFO', 'FIFO'"],
                "/itemPropertyRequirements/batch": [
                    "'MAYBE' is not one of: 'REQUIRED', 'OPTIONAL'"
                ],
            },
        ),
        (
            NewTransportProduct(
                type="T",
                references=ProductReferences(),
                name="n",
                description="",
                customer=Customer(),
            ),
            {
                "/description": ["is required"],
                "/customer": ["a customer needs one of id, references.code or name"],
            },
        ),
    ],
)
async def test_product_bad_input(
    mode: Mode,
    sandbox: CartonCloudSandbox,
    client: CartonCloud,
    product: Any,
    errors: dict[str, list[str]],
) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        await mode(client.products.create(product))
    assert caught.value.field_errors == errors
    assert sandbox.requests == []


async def test_product_create_refuses_unknown_scopes_and_other_values(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    unknown = UnknownProduct(id="p-1", version=1, scope="DIGITAL")
    with pytest.raises(InvalidRequestError, match="cannot create a product of scope 'DIGITAL'"):
        await mode(client.products.create(unknown))  # type: ignore[call-overload]
    with pytest.raises(InvalidRequestError, match="not str"):
        await mode(client.products.create("ICE"))  # type: ignore[call-overload]
    assert sandbox.requests == []


async def test_retrieve_is_typed_by_scope(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    by_code = {p["references"]["code"]: p["id"] for p in sandbox.tenants[TENANT].products.values()}
    apple = await mode(client.products.retrieve(by_code["SKU-APPLE"]))
    request = last(sandbox)
    assert (request.method, request.path) == ("GET", f"{BASE}/products/{by_code['SKU-APPLE']}")
    assert_api_headers(request)
    assert isinstance(apple, WarehouseProduct)
    assert apple.references == ProductReferences(code="SKU-APPLE", barcode="9300000000011")
    pallet = await mode(client.products.retrieve(by_code["PALLET"]))
    assert isinstance(pallet, TransportProduct)
    sandbox.tenants[TENANT].products[by_code["PALLET"]]["scope"] = "DIGITAL"
    odd = await mode(client.products.retrieve(by_code["PALLET"]))
    assert isinstance(odd, UnknownProduct)
    assert odd.scope == "DIGITAL"


async def test_update_product_with_if_match(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    created = await mode(client.products.create(typed_warehouse_product()))
    created.description = "Chocolate ice cream, 4 litre tub"
    updated = await mode(client.products.update(created))
    request = last(sandbox)
    assert (request.method, request.path) == ("PUT", f"{BASE}/products/{created.id}")
    assert_api_headers(request, json_body=True)
    assert request.header("if-match") == "1"
    assert sent_json(request) == {
        **WAREHOUSE_JSON,
        "id": created.id,
        "version": 1,
        "status": "ACTIVE",
        "customer": created.customer.to_dict(),
        "description": "Chocolate ice cream, 4 litre tub",
    }
    assert isinstance(updated, WarehouseProduct)
    assert (updated.version, updated.description) == (2, "Chocolate ice cream, 4 litre tub")
    with pytest.raises(VersionConflictError):
        await mode(client.products.update(created))  # version 1 is stale now
    pallet_json = next(
        p for p in sandbox.tenants[TENANT].products.values() if p["scope"] == "TRANSPORT"
    )
    moved = await mode(
        client.products.update(
            {**pallet_json, "name": "Pallet (CHEP)"}, product_id=pallet_json["id"], if_match=1
        )
    )
    assert isinstance(moved, TransportProduct)
    assert moved.name == "Pallet (CHEP)"


async def test_a_product_cannot_change_scope(
    mode: Mode, sandbox: CartonCloudSandbox, client: CartonCloud
) -> None:
    pallet_json = next(
        p for p in sandbox.tenants[TENANT].products.values() if p["scope"] == "TRANSPORT"
    )
    body = {**WAREHOUSE_JSON, "id": pallet_json["id"], "version": 1}
    with pytest.raises(UnprocessableEntityError) as caught:
        await mode(client.products.update(body))
    assert caught.value.field_errors == {"/scope": ["The scope of a product cannot change."]}
