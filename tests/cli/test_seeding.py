"""Seed files: each platform's documented keys create the records; bad files are refused
with the file, kind and record named, before anything is served."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from supplychain_sdk.cli.platforms import PLATFORMS
from supplychain_sdk.cli.seeding import SeedError, load_seed
from supplychain_sdk.sandbox.procuros import example_documents

from .conftest import Run


def seeded(tmp_path: Path, platform: str, data: Any, examples: bool = False) -> Any:
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(data))
    fake = PLATFORMS[platform].sandbox(examples)
    return fake, load_seed(platform, fake, path)


def test_procuros_transactions_land_in_the_incoming_queue(tmp_path: Path) -> None:
    content = example_documents()["ORDER"][0]["content"]
    content["header"]["orderIdentifier"] = "PO-77"

    fake, counts = seeded(
        tmp_path, "procuros", {"transactions": [{"type": "ORDER", "content": content}]}
    )

    assert counts == {"transactions": 1}
    with fake.client() as client:
        listed = list(client.incoming.list())
    assert [(t.type, t.to_dict()["content"]["header"]["orderIdentifier"]) for t in listed] == [
        ("ORDER", "PO-77")
    ]


def test_cartoncloud_customers_products_and_orders(tmp_path: Path) -> None:
    order = {
        "references": {"customer": "SO-9"},
        "customer": {"references": {"code": "NORTH"}},
        "details": {
            "deliver": {
                "address": {
                    "companyName": "Corner Store",
                    "address1": "1 Main Street",
                    "suburb": "Springfield",
                    "state": {"code": "QLD"},
                    "postcode": "4000",
                    "country": {"iso2Code": "AU"},
                },
                "requiredDate": "2026-06-22",
            }
        },
        "items": [
            {"details": {"product": {"references": {"code": "SKU-9"}}}, "measures": {"quantity": 2}}
        ],
    }
    data = {
        "customers": [{"name": "North Co", "code": "NORTH"}],
        "products": [{"code": "SKU-9", "name": "Widget", "stock": 10, "customerCode": "NORTH"}],
        "outbound_orders": [order],
    }

    fake, counts = seeded(tmp_path, "cartoncloud", data)

    assert counts == {"customers": 1, "products": 1, "outbound_orders": 1}
    with fake.client() as client:
        orders = list(client.outbound_orders.list())
    assert [(o.references.customer, o.customer.name) for o in orders] == [("SO-9", "North Co")]


def test_onescp_records_go_through_the_create_calls(tmp_path: Path) -> None:
    data = {
        "orders": [
            {
                "supplier": {"name": "Global Parts Ltd"},
                "orderLines": [{"item": {"number": "ITEM-9"}, "quantity": 4}],
                "priority": "p2",
            }
        ],
        "items": [{"itemNumber": "ITEM-9", "name": "Gasket"}],
    }

    fake, counts = seeded(tmp_path, "onescp", data)

    assert counts == {"orders": 1, "items": 1}
    creates = [(r.method, r.path) for r in fake.requests if r.method == "POST"]
    assert ("POST", "/api/purchase-order/create") in creates
    with fake.client() as client:
        orders = list(client.orders.list())
        items = list(client.items.list())
    assert [(o.supplier.name, o.priority) for o in orders] == [("Global Parts Ltd", "p2")]
    assert [i.item_number for i in items] == ["ITEM-9"]


def test_one_platform_clients_and_pending_orders(tmp_path: Path) -> None:
    data = {
        "clients": [{"clientId": "C-9", "name": "Hurtownia Nowa", "organizationId": "ORG-9"}],
        "pending_orders": [
            {"orderId": "ONE-9", "clientId": "C-9", "lines": [{"productCode": "S", "quantity": 1}]}
        ],
    }

    fake, counts = seeded(tmp_path, "one_platform", data)

    assert counts == {"clients": 1, "pending_orders": 1}
    assert fake.clients["C-9"] == {
        "clientId": "C-9",
        "name": "Hurtownia Nowa",
        "organizationId": "ORG-9",
    }
    with fake.client() as client:
        pending = list(client.orders.pending_shipments())
    assert [(o.order_id, o.client_id) for o in pending] == [("ONE-9", "C-9")]


@pytest.mark.parametrize(
    ("platform", "data", "message"),
    [
        ("pharus", [1], "must be a JSON object of record lists"),
        ("pharus", {"widgets": []}, "pharus does not take 'widgets'; it takes "),
        ("pharus", {"vendors": {"name": "x"}}, "vendors must be a list of records"),
        ("pharus", {"vendors": ["x"]}, "vendors[0]: a record must be a JSON object"),
        (
            "pharus",
            {"vendors": [{"name": "ok"}, {"nmae": "typo"}]},
            "vendors[1]: vendors.create body is invalid",
        ),
        (
            "procuros",
            {"transactions": [{"type": "MEMO", "content": {}}]},
            "transactions[0]: unknown transaction type 'MEMO'",
        ),
        (
            "procuros",
            {"transactions": [{"type": "ORDER"}]},
            "transactions[0]: content must be the document",
        ),
        (
            "cartoncloud",
            {"products": [{"code": "X", "name": "Y", "colour": "red"}]},
            "products[0]: unknown field(s) ['colour']",
        ),
        (
            "cartoncloud",
            {"products": [{"code": "X", "name": "Y", "customerCode": "NOPE"}]},
            "products[0]: no customer with code 'NOPE'",
        ),
        ("cartoncloud", {"customers": [{"code": "X"}]}, "customers[0]: a customer is"),
        (
            "one_platform",
            {"clients": [{"name": "x"}]},
            "clients[0]: a client needs a clientId and a name",
        ),
        (
            "one_platform",
            {"pending_orders": [{"orderId": "1", "clientId": "2"}]},
            "pending_orders[0]: a pending order needs lines",
        ),
    ],
)
def test_bad_seed_files_name_what_is_wrong(
    tmp_path: Path, platform: str, data: Any, message: str
) -> None:
    with pytest.raises(SeedError) as caught:
        seeded(tmp_path, platform, data)

    assert str(caught.value).startswith(f"{tmp_path / 'seed.json'}: ")
    assert message in str(caught.value)


def test_a_bad_seed_file_stops_serve_before_it_serves(tmp_path: Path, run: Run) -> None:
    not_json = tmp_path / "broken.json"
    not_json.write_text("{")
    missing = tmp_path / "missing.json"

    broken = run("sandbox", "serve", "onescp", "--seed", str(not_json))
    absent = run("sandbox", "serve", "onescp", "--seed", str(missing))

    assert broken.exit_code == absent.exit_code == 1
    assert broken.stderr.startswith(f"Error: {not_json}: not JSON (")
    assert absent.stderr == f"Error: {missing}: cannot read it (No such file or directory)\n"
    assert broken.stdout == absent.stdout == ""
