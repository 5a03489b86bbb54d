"""How ``list`` prints records: the exact text of each format."""

from __future__ import annotations

from supplychain_sdk.cli.output import cell, flatten, render
from supplychain_sdk.onescp._models import Order

RECORDS = [
    {"id": "1", "supplier": {"name": "Acme", "tags": []}, "lines": [{"sku": "A", "qty": 2}]},
    {"id": "2", "supplier": {"name": 'Béla, "B"'}, "active": False, "note": None},
]


def test_flatten_names_nested_fields_with_dots() -> None:
    assert flatten(RECORDS[0]) == {
        "id": "1",
        "supplier.name": "Acme",
        "supplier.tags": [],
        "lines.0.sku": "A",
        "lines.0.qty": 2,
    }
    assert flatten([1, {"a": {}}]) == {"0": 1, "1.a": {}}
    assert flatten(7) == {"value": 7}


def test_cell_spells_values_for_text() -> None:
    assert [cell(v) for v in (None, [], {}, True, False, 2.5, "x", [1, "a"])] == [
        "",
        "",
        "",
        "true",
        "false",
        "2.5",
        "x",
        '[1,"a"]',
    ]


def test_json_keeps_the_api_names_and_nesting() -> None:
    order = Order.model_validate({"_id": "a" * 24, "purchaseOrderNumber": "PO-1"})

    assert render([order], "json") == (
        '[\n  {\n    "_id": "aaaaaaaaaaaaaaaaaaaaaaaa",\n    "purchaseOrderNumber": "PO-1"\n  }\n]'
    )
    assert render([], "json") == "[]"


def test_csv_has_every_column_in_first_seen_order_and_quotes_as_csv_does() -> None:
    assert render(RECORDS, "csv") == (
        "id,supplier.name,supplier.tags,lines.0.sku,lines.0.qty,active,note\n"
        "1,Acme,,A,2,,\n"
        '2,"Béla, ""B""",,,,false,'
    )
    assert render(RECORDS, "csv", columns=["id", "missing"]) == "id,missing\n1,\n2,"
    assert render([], "csv") == ""


def test_table_uses_the_default_columns_present_and_cuts_long_cells() -> None:
    long = {"id": "3", "supplier": {"name": "N" * 60}}

    assert render([*RECORDS, long], "table", default_columns=["id", "supplier.name", "gone"]) == (
        "id  supplier.name\n"
        "--  ----------------------------------------\n"
        "1   Acme\n"
        '2   Béla, "B"\n'
        f"3   {'N' * 39}…"
    )
    # none of the default columns present: every column
    assert render([{"x": 1}], "table", default_columns=["id"]) == "x\n-\n1"
    assert render([], "table", empty="No orders.") == "No orders."
