"""What a task engine sends between processes survives ``pickle``: every model class of every
platform, open enums with values the SDK does not know yet, the reports of the composite
helpers (ONESCP `ErpSyncReport`, ONe `PushReport`, Pharus `BulkImportReport`), change-feed
changes, real errors raised by each platform's client, and the checkpoints.

Celery's default serializer is JSON (send ids and plain data to a task, get plain data back),
but results, retries and chords often use pickle, and ``ProcessPoolExecutor`` always does.
"""

from __future__ import annotations

import importlib
import pickle
import pkgutil
from collections.abc import Iterator
from typing import Any, TypeVar

import pytest

from supplychain_sdk import (
    APIStatusError,
    CheckpointConflictError,
    InternalServerError,
    MemoryCheckpoint,
    NotFoundError,
)
from supplychain_sdk._core.models import APIModel, OpenEnum
from supplychain_sdk.sandbox.cartoncloud import CartonCloudSandbox
from supplychain_sdk.sandbox.one_platform import OnePlatformSandbox
from supplychain_sdk.sandbox.onescp import OneScpSandbox
from supplychain_sdk.sandbox.pharus import PharusSandbox
from supplychain_sdk.sandbox.procuros import ProcurosSandbox
from tests.cartoncloud.test_orders import typed_outbound
from tests.onescp.test_erp import erp_order

MISSING_UUID = "9a1f5c1e-7e0b-4b55-8d3e-000000000000"
PLATFORMS = ["procuros", "cartoncloud", "onescp", "one_platform", "pharus"]
T = TypeVar("T")


def round_trip(value: T) -> T:
    copy = pickle.loads(pickle.dumps(value))
    assert type(copy) is type(value)
    return copy  # type: ignore[no-any-return]


def subclasses(cls: type[T]) -> Iterator[type[T]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)


def platform_classes(base: type[T]) -> list[type[T]]:
    """Every class derived from ``base`` in the platform packages (all modules imported)."""
    for platform in PLATFORMS:
        package = importlib.import_module(f"supplychain_sdk.{platform}")
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            importlib.import_module(info.name)
    found = {
        cls
        for cls in subclasses(base)
        if cls.__module__.split(".")[1] in PLATFORMS and "[" not in cls.__name__
    }
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def test_every_model_class_of_every_platform_pickles() -> None:
    models = platform_classes(APIModel)  # type: ignore[type-abstract]
    assert {cls.__module__.split(".")[1] for cls in models} == set(PLATFORMS)
    assert len(models) > 300
    for cls in models:
        empty = cls.model_construct()
        assert round_trip(empty).model_dump() == empty.model_dump(), cls


def test_open_enums_keep_values_the_sdk_does_not_know() -> None:
    enums = platform_classes(OpenEnum)
    assert len(enums) > 40
    for cls in enums:
        known = next(iter(cls))
        assert round_trip(known) is known
        unknown = cls("A_VALUE_FROM_2099")
        copy = round_trip(unknown)
        assert (copy, copy.value) == (unknown, "A_VALUE_FROM_2099")


def test_onescp_records_changes_and_erp_reports() -> None:
    sandbox = OneScpSandbox()
    with sandbox.client() as client:
        report = client.orders.upsert_from_erp(
            [erp_order(1), erp_order(2, supplierCompany="cc0000000000000000000001")]
        )
        assert (len(report.created), len(report.errors)) == (1, 1)
        copy = round_trip(report)
        assert copy == report
        assert copy.created[0].purchase_order_number == "PO-ERP-0001"
        assert copy.errors[0].payload == report.errors[0].payload
        changes = list(client.orders.changes())
        assert [round_trip(change) for change in changes] == changes
        assert {change.kind for change in changes} == {"created"}
        for item in client.items.list():
            assert round_trip(item) == item


def test_one_platform_push_reports_with_a_failed_chunk() -> None:
    sandbox = OnePlatformSandbox()
    sandbox.faults.statuses([200, 500], path="/stocks/incremental")
    with sandbox.client(max_retries=0) as client:
        rows = [{"product_code": f"SKU-{n}", "quantity": n} for n in range(5)]
        report = client.stocks.push_incremental("MAIN", rows, chunk_size=2, stop_on_error=False)
    failed = [chunk for chunk in report.chunks if chunk.error is not None]
    assert len(failed) == 1
    copy = round_trip(report)
    assert [(c.index, c.status, c.accepted) for c in copy.chunks] == [
        (c.index, c.status, c.accepted) for c in report.chunks
    ]
    error = next(c.error for c in copy.chunks if c.error is not None)
    assert isinstance(error, InternalServerError)
    assert (error.status_code, error.method) == (500, "POST")


def test_pharus_bulk_import_reports() -> None:
    with PharusSandbox().client() as client:
        report = client.vendors.bulk_import([{"name": "Acme"}, {"name": "Bolt", "zip_code": "1"}])
    assert round_trip(report) == report
    assert [row.status for row in round_trip(report).rows] == [row.status for row in report.rows]


def test_cartoncloud_and_procuros_records() -> None:
    with CartonCloudSandbox().client() as cartoncloud:
        created = [
            cartoncloud.outbound_orders.create(typed_outbound()),
            cartoncloud.outbound_orders.create(typed_outbound("SO-1002", quantity=101)),
        ]
        assert [order.created_with_issues for order in created] == [False, True]
        orders = [*created, *cartoncloud.outbound_orders.list()]
        products = list(cartoncloud.products.list())
    with ProcurosSandbox().client() as procuros:
        transactions = list(procuros.transactions.list(limit=12))
    assert len(orders) == 4
    assert products
    assert len({type(t) for t in transactions}) > 2  # several document types
    for record in [*orders, *products, *transactions]:
        assert round_trip(record) == record


def not_found(call: Any) -> APIStatusError:
    with pytest.raises(NotFoundError) as caught:
        call()
    return caught.value


def test_errors_raised_by_each_platform() -> None:
    missing = "ffffffffffffffffffffffff"
    with (
        ProcurosSandbox().client() as procuros,
        CartonCloudSandbox().client() as cartoncloud,
        OneScpSandbox().client() as onescp,
        OnePlatformSandbox().client() as one,
        PharusSandbox().client() as pharus,
    ):
        errors = [
            not_found(lambda: procuros.transactions.retrieve(MISSING_UUID)),
            not_found(lambda: cartoncloud.products.retrieve(MISSING_UUID)),
            not_found(lambda: onescp.orders.retrieve(missing)),
            not_found(lambda: one.clients.retrieve("C-MISSING")),
            not_found(lambda: pharus.vendors.retrieve(MISSING_UUID)),
        ]
    for error in errors:
        copy = round_trip(error)
        assert (str(copy), copy.status_code, copy.method, copy.url) == (
            str(error),
            404,
            "GET",
            error.url,
        )
        assert copy.error_message == error.error_message


def test_checkpoints_and_their_conflicts() -> None:
    checkpoint = MemoryCheckpoint("p1")
    with pytest.raises(CheckpointConflictError) as caught:
        checkpoint.advance("p0", "p2")
    copy = round_trip(caught.value)
    assert (str(copy), copy.expected, copy.actual, copy.key) == (
        str(caught.value),
        "p0",
        "p1",
        None,
    )
    assert round_trip(checkpoint).load() == "p1"
