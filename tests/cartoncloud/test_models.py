"""Models: reference helpers, camelCase round trips, extras kept, products typed by scope."""

from __future__ import annotations

import datetime as dt

from pydantic import TypeAdapter

from supplychain_sdk.cartoncloud import (
    Address,
    Country,
    Customer,
    InboundOrderDetails,
    OrderItem,
    OutboundOrder,
    Product,
    ProductRef,
    References,
    State,
    Status,
    TransportProduct,
    UnknownProduct,
    Warehouse,
    WarehouseProduct,
)


def test_reference_helpers() -> None:
    assert Customer.by_id("c-1").to_dict() == {"id": "c-1"}
    assert Customer.by_code("C123").to_dict() == {"references": {"code": "C123"}}
    assert Customer.by_name("Customer A").to_dict() == {"name": "Customer A"}
    assert Warehouse.by_id("w-1").to_dict() == {"id": "w-1"}
    assert Warehouse.by_name("Main").to_dict() == {"name": "Main"}
    assert State.by_code("QLD").to_dict() == {"code": "QLD"}
    assert State.by_name("Queensland").to_dict() == {"name": "Queensland"}
    assert Country.by_iso2("AU").to_dict() == {"iso2Code": "AU"}
    assert Country.by_iso3("AUS").to_dict() == {"iso3Code": "AUS"}
    assert Country.by_name("Australia").to_dict() == {"name": "Australia"}
    assert ProductRef.by_id("p-1").to_dict() == {"id": "p-1"}
    assert ProductRef.by_code("SKU123").to_dict() == {"references": {"code": "SKU123"}}
    assert ProductRef.by_barcode("0012").to_dict() == {"references": {"barcode": "0012"}}
    assert ProductRef.by_name("Product Name").to_dict() == {"name": "Product Name"}
    assert OrderItem.of(ProductRef.by_code("A"), 2).to_dict() == {
        "details": {"product": {"references": {"code": "A"}}},
        "measures": {"quantity": 2.0},
    }


def test_spec_address_round_trip() -> None:
    data = {
        "companyName": "Company A",
        "contactName": "Mr Smith",
        "address1": "Unit 2, Corporate Tower",
        "address2": "1 Main Street",
        "suburb": "Springfield",
        "city": "Metropolis",
        "state": {"code": "QLD", "name": "Queensland"},
        "postcode": "4000",
        "country": {"name": "Australia", "iso2Code": "AU", "iso3Code": "AUS"},
        "phone": "07 5512 3456",
        "email": "info@company.com",
    }
    address = Address.model_validate(data)
    assert address.country is not None
    assert address.country.iso3_code == "AUS"
    assert address.to_dict() == data


def test_custom_references_properties_and_unknown_fields_are_kept() -> None:
    data = {
        "id": "o-1",
        "status": "SOMETHING_NEW",
        "references": {"customer": "REF-1234", "alternateReference": "ALT-REF-5678"},
        "customer": {"name": "Customer A"},
        "properties": {"myCustomField": "info", "nested": {"a": [1, 2]}},
        "details": {"deliver": {"address": {"city": "X"}, "newField": 1}},
        "timestamps": {"packed": {"time": "2024-01-01T00:00:00Z"}},
        "version": 4,
    }
    order = OutboundOrder.model_validate(data)
    assert order.status == "SOMETHING_NEW"
    assert order.status is not None
    assert not order.status.is_known
    assert Status("DRAFT").is_known
    assert order.references == References(customer="REF-1234", alternateReference="ALT-REF-5678")
    assert order.to_dict() == data
    assert order.created_with_issues is False


def test_dates_accept_date_objects_and_strings() -> None:
    assert InboundOrderDetails(arrival_date=dt.date(2018, 1, 31)).to_dict() == {
        "arrivalDate": "2018-01-31"
    }
    assert InboundOrderDetails.model_validate(
        {"arrivalDate": "2018-01-31T10:00:00"}
    ).arrival_date == ("2018-01-31T10:00:00")


def test_products_are_typed_by_scope() -> None:
    adapter: TypeAdapter[Product] = TypeAdapter(Product)
    common = {"id": "p-1", "version": 1, "type": "T", "references": {}, "name": "n"}
    warehouse = {**common, "description": "d", "customer": {}, "defaultUnitOfMeasure": "units"}
    transport = {**common, "description": "d"}
    found = adapter.validate_python({**warehouse, "scope": "WAREHOUSE"})
    assert isinstance(found, WarehouseProduct)
    found = adapter.validate_python({**transport, "scope": "TRANSPORT"})
    assert isinstance(found, TransportProduct)
    assert isinstance(adapter.validate_python({**common, "scope": "DIGITAL"}), UnknownProduct)
    assert isinstance(adapter.validate_python({"id": "p", "version": 2}), UnknownProduct)
    model = WarehouseProduct.model_validate(warehouse)
    assert isinstance(adapter.validate_python(model), WarehouseProduct)
    assert "scope" not in model.to_dict()  # a default: the SDK adds it when it sends a product
