"""``supplychain <platform> ping`` and ``list`` against served sandboxes, credentials from the
environment ``sandbox serve`` prints."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from supplychain_sdk.sandbox.cartoncloud import CartonCloudSandbox
from supplychain_sdk.sandbox.onescp import OneScpSandbox
from supplychain_sdk.sandbox.pharus import PharusSandbox

from .conftest import Run, Served

ALL = ["procuros", "cartoncloud", "onescp", "pharus", "one_platform"]

#: platform -> (title, the path ping reads, its status, what ping adds after the status)
PINGS = {
    "procuros": ("Procuros", "/v2/ping", 204, ""),
    "cartoncloud": (
        "CartonCloud",
        "/uaa/userinfo",
        200,
        "; user Sandbox Integration <integration@sandbox.invalid>, 1 tenant",
    ),
    "onescp": ("ONESCP", "/api/purchase-order/allOrders?page=1&limit=1", 200, ""),
    "pharus": (
        "Pharus",
        "/api/organizations/current",
        200,
        "; organization 'Sandbox Manufacturing' (00000000-0000-4000-8000-0000000000a1)",
    ),
    "one_platform": ("ONe", "/api/v1/account/integrations/auth-required/order/shipment", 200, ""),
}

#: platform -> the variable holding its secret credential
SECRET_VARS = {
    "procuros": "PROCUROS_API_TOKEN",
    "cartoncloud": "CARTONCLOUD_CLIENT_SECRET",
    "onescp": "ONESCP_API_KEY",
    "pharus": "PHARUS_TOKEN",
    "one_platform": "ONE_PLATFORM_TOKEN",
}


@pytest.mark.parametrize("served", ALL, indirect=True)
def test_ping_proves_the_printed_credentials_work(run: Run, served: Served) -> None:
    result = run(served.spec.name, "ping", env=served.env)

    assert result.exit_code == 0, result.output
    title, path, status, learnt = PINGS[served.spec.name]
    pattern = (
        re.escape(f"{title}: credentials accepted (GET {served.url}{path} answered {status} in ")
        + r"\d+ ms\)"
        + re.escape(learnt)
    )
    assert re.fullmatch(pattern, result.stdout.rstrip("\n")), result.stdout
    assert result.stderr == ""
    last = served.fake.requests[-1]
    assert (last.method, last.path) == ("GET", path.split("?")[0])


@pytest.mark.parametrize("served", ALL, indirect=True)
def test_refused_credentials_are_one_line_and_exit_1_without_the_secret(
    run: Run, served: Served
) -> None:
    secret_var = SECRET_VARS[served.spec.name]
    env = {**served.env, secret_var: "wrong-secret-value-123"}

    result = run(served.spec.name, "ping", env=env)

    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: 401 Unauthorized from ")
    assert result.stderr.count("\n") == 1
    assert "wrong-secret-value-123" not in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("platform", "message"),
    [
        ("procuros", "Error: no Procuros API token: pass api_token=... or set PROCUROS_API_TOKEN"),
        ("onescp", "Error: no ONESCP credentials: pass email= and password=, api_key= or token="),
        ("pharus", "Error: Pharus needs a base URL (its document names no host)"),
        ("one_platform", "Error: no ONe base URL: pass base_url="),
        ("cartoncloud", "Error: no CartonCloud client credentials"),
    ],
)
def test_missing_credentials_say_which_variables_to_set(
    run: Run, platform: str, message: str
) -> None:
    result = run(platform, "list")

    assert result.exit_code == 1
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1


def test_debug_shows_the_traceback(run: Run) -> None:
    result = run("--debug", "procuros", "ping")

    assert result.exit_code == 1
    assert type(result.exception).__name__ == "InvalidRequestError"
    assert result.stderr == ""  # the exception propagates: Python prints the traceback


@pytest.mark.parametrize("served", ["onescp"], indirect=True)
def test_list_json_is_the_apis_own_field_names(run: Run, served: Served) -> None:
    result = run("onescp", "list", "--format", "json", env=served.env)

    assert result.exit_code == 0, result.output
    with served.fake.client() as client:
        expected = [order.to_dict() for order in client.orders.list()]
    assert json.loads(result.stdout) == expected
    assert expected[0]["purchaseOrderNumber"] == "PO-2024-001"
    assert expected[0]["supplier"]["name"] == "ABC Electronics"


@pytest.mark.parametrize("served", ["one_platform"], indirect=True)
def test_list_table_shows_the_default_columns(run: Run, served: Served) -> None:
    result = run("one-platform", "list", env=served.env)

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "orderId   number        clientId  createdAt             currency\n"
        "--------  ------------  --------  --------------------  --------\n"
        "ONE-1001  ZAM/ONE-1001  C-001     2026-01-05T08:00:00Z  PLN\n"
        "ONE-1002  ZAM/ONE-1002  C-002     2026-01-05T08:00:00Z  PLN\n"
    )


@pytest.mark.parametrize("served", ["one_platform"], indirect=True)
def test_list_csv_flattens_nested_fields_with_dotted_names(run: Run, served: Served) -> None:
    result = run("one_platform", "list", "--format", "csv", "--limit", "1", env=served.env)

    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.stdout))) == [
        [
            "orderId",
            "number",
            "clientId",
            "createdAt",
            "currency",
            "lines.0.productCode",
            "lines.0.quantity",
            "lines.0.netPrice",
        ],
        ["ONE-1001", "ZAM/ONE-1001", "C-001", "2026-01-05T08:00:00Z", "PLN", "SKU-1", "3", "12.5"],
    ]


@pytest.mark.parametrize("served", ["pharus"], indirect=True)
def test_list_limit_all_and_columns(run: Run, served: Served) -> None:
    fake: PharusSandbox = served.fake
    with fake.client() as client:
        for n in range(25):
            client.vendors.create(name=f"Vendor {n:02d}", city="Lyon")
    mark = len(fake.requests)

    limited = run("pharus", "list", "--format", "csv", "--columns", "name,city", env=served.env)
    everything = run(
        "pharus", "list", "--all", "--format", "csv", "--columns", "name", env=served.env
    )
    three = run("pharus", "list", "--limit", "3", "--columns", "name,city", env=served.env)

    assert limited.exit_code == everything.exit_code == three.exit_code == 0
    assert limited.stdout.splitlines() == ["name,city"] + [
        f"Vendor {n:02d},Lyon" for n in range(20)
    ]
    assert everything.stdout.splitlines() == ["name"] + [f"Vendor {n:02d}" for n in range(25)]
    assert three.stdout == (
        "name       city\n---------  ----\nVendor 00  Lyon\nVendor 01  Lyon\nVendor 02  Lyon\n"
    )
    listed = [r for r in fake.requests[mark:] if r.path == "/api/vendors" and r.method == "GET"]
    assert [dict(r.query).get("limit") for r in listed] == ["20", "100", "3"]


@pytest.mark.parametrize("served", ["cartoncloud"], indirect=True)
def test_an_empty_list_says_so(run: Run, served: Served) -> None:
    table = run("cartoncloud", "list", env=served.env)
    as_json = run("cartoncloud", "list", "--format", "json", env=served.env)
    as_csv = run("cartoncloud", "list", "--format", "csv", env=served.env)

    assert table.stdout == "No outbound orders.\n"
    assert as_json.stdout == "[]\n"
    assert as_csv.stdout == ""
    assert isinstance(served.fake, CartonCloudSandbox)
    search = served.fake.requests[-1]
    assert search.method == "POST"
    assert search.path == f"/tenants/{CartonCloudSandbox.DEFAULT_TENANT_ID}/outbound-orders/search"


def test_list_options_are_checked_before_any_request(run: Run) -> None:
    columns_with_json = run("onescp", "list", "--format", "json", "--columns", "_id")
    no_columns = run("onescp", "list", "--columns", " , ")
    zero = run("onescp", "list", "--limit", "0")
    bad_format = run("onescp", "list", "--format", "xml")
    all_and_limit = run("onescp", "list", "--all", "--limit", "20")

    for result in (columns_with_json, no_columns, zero, bad_format, all_and_limit):
        assert result.exit_code == 2
        assert result.stdout == ""
    assert "Error: --columns applies to table and csv output, not json" in columns_with_json.stderr
    assert "Error: Invalid value for --columns: name at least one column" in no_columns.stderr
    assert "Invalid value for '--limit'" in zero.stderr
    assert "Invalid value for '--format'" in bad_format.stderr
    assert "Error: --all and --limit exclude each other: give one" in all_and_limit.stderr


@pytest.mark.parametrize("served", ["onescp"], indirect=True)
def test_onescp_login_credentials_work_too(run: Run, served: Served) -> None:
    mark = len(served.fake.requests)
    env = {
        "ONESCP_BASE_URL": served.url,
        "ONESCP_EMAIL": OneScpSandbox.DEFAULT_EMAIL,
        "ONESCP_PASSWORD": OneScpSandbox.DEFAULT_PASSWORD,
    }

    result = run("onescp", "list", "--columns", "purchaseOrderNumber,status", env=env)

    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[2].split() == ["PO-2024-001", "approved"]
    assert [r.path for r in served.fake.requests[mark:]] == [
        "/api/auth/login",
        "/api/purchase-order/allOrders",
    ]
    assert OneScpSandbox.DEFAULT_PASSWORD not in result.output
