"""Pagers as DataFrames: one row per item, dotted snake_case columns, typed cells."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal

import numpy as np
import pandas as pd
import polars as pl
import pytest
from pydantic import Field

from supplychain_sdk._core import APIModel
from supplychain_sdk._core.extras import MissingDependencyError
from supplychain_sdk._core.frames import flatten, table, to_pandas
from tests.conftest import Mode, mock
from tests.notebooks.models import Address, Vendor, vendor_pager, vendor_pages

COLUMNS = [
    "id",
    "name",
    "status",
    "created_at",
    "updated_at",
    "valid_from",
    "balance",
    "address.city",
    "address.postal_code",
    "tags",
    "contacts",
    "api_key",
    "signing_secret",
    "loyaltyTier",
]
UTC = dt.timezone.utc


def cells(column: pd.Series) -> list[object]:
    """The column's values with pandas' missing marker (NaN for strings in pandas 3) as None."""
    return [None if pd.isna(value) else value for value in column.tolist()]


def is_utc_timestamps(column: pd.Series) -> bool:
    """A datetime64 column in UTC (the unit is pandas' own choice: ns in 2.x, inferred in 3)."""
    return isinstance(column.dtype, pd.DatetimeTZDtype) and str(column.dtype.tz) == "UTC"


async def test_to_pandas_one_row_per_item_with_typed_columns(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/vendors").mock(side_effect=vendor_pages())
        frame = await mode(vendor_pager(mode.client()).to_pandas())
    assert route.call_count == 2
    assert list(frame.columns) == COLUMNS
    assert frame["id"].tolist() == ["v-1", "v-2", "v-3"]
    assert is_utc_timestamps(frame["created_at"])
    assert frame["created_at"].tolist()[:2] == [
        pd.Timestamp("2024-05-01T10:00:00Z"),
        pd.Timestamp("2024-06-01T00:00:00Z"),
    ]
    assert frame["created_at"].isna().tolist() == [False, False, True]
    # a ``str`` field named *_at holding ISO timestamps, converted to UTC
    assert is_utc_timestamps(frame["updated_at"])
    assert frame["updated_at"][0] == pd.Timestamp("2024-05-02T06:30:00Z")
    # ``date | str``: the strings parse as dates, at midnight
    assert pd.api.types.is_datetime64_dtype(frame["valid_from"])  # naive: no zone
    assert frame["valid_from"][1] == pd.Timestamp("2024-02-01")
    # decimals keep every digit, in an object column
    assert frame["balance"].dtype == object
    assert frame["balance"].tolist() == [
        Decimal("1234.50"),
        Decimal("0.10000000000000000001"),
        None,
    ]
    assert cells(frame["status"]) == ["ACTIVE", "ON_HOLD", None]
    assert type(frame["status"][0]) is str
    assert cells(frame["address.city"]) == ["Berlin", None, None]
    assert cells(frame["address.postal_code"]) == ["10115", None, None]
    assert frame["tags"].tolist() == [["edi", "eu"], [], []]
    assert frame["contacts"][0] == [{"email": "ops@acme.test", "phone": None}]
    assert cells(frame["loyaltyTier"]) == ["gold", None, None]
    # secrets stay masked: SecretStr and Field(repr=False)
    assert cells(frame["api_key"]) == ["**********", None, None]
    assert cells(frame["signing_secret"]) == ["**********", None, None]
    assert "canary" not in frame.to_string() + repr(frame.to_dict())


async def test_to_polars_types_each_column(mode: Mode) -> None:
    with mock() as router:
        router.get("/vendors").mock(side_effect=vendor_pages())
        frame = await mode(vendor_pager(mode.client()).to_polars())
    assert frame.columns == COLUMNS
    assert frame.schema["created_at"] == pl.Datetime("us", "UTC")
    assert frame.schema["updated_at"] == pl.Datetime("us", "UTC")
    assert frame.schema["valid_from"] == pl.Date
    assert isinstance(frame.schema["balance"], pl.Decimal)
    assert frame["balance"].to_list() == [
        Decimal("1234.50000000000000000000"),
        Decimal("0.10000000000000000001"),
        None,
    ]
    assert frame["valid_from"].to_list() == [dt.date(2024, 1, 31), dt.date(2024, 2, 1), None]
    assert frame["created_at"][0] == dt.datetime(2024, 5, 1, 10, tzinfo=UTC)
    assert frame["address.city"].to_list() == ["Berlin", None, None]
    assert frame["status"].to_list() == ["ACTIVE", "ON_HOLD", None]
    assert frame["api_key"].to_list() == ["**********", None, None]
    assert frame["tags"].to_list() == [["edi", "eu"], [], []]


async def test_limit_is_respected(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/vendors").mock(side_effect=vendor_pages())
        frame = await mode(vendor_pager(mode.client(), limit=1).to_pandas())
    assert frame["id"].tolist() == ["v-1"]
    assert route.call_count == 1


async def test_an_empty_collection_has_the_model_columns(mode: Mode) -> None:
    with mock() as router:
        router.get("/vendors").mock(side_effect=vendor_pages(total=0))
        client = mode.client()
        frame = await mode(vendor_pager(client).to_pandas())
        polars_frame = await mode(vendor_pager(client).to_polars())
    declared = COLUMNS[:-1]  # the extra field is only known from data
    assert list(frame.columns) == declared
    assert len(frame) == 0
    assert polars_frame.columns == declared
    assert polars_frame.height == 0


@pytest.mark.parametrize(("module", "method"), [("pandas", "to_pandas"), ("polars", "to_polars")])
async def test_a_missing_frame_library_is_a_typed_error_before_any_request(
    mode: Mode, monkeypatch: pytest.MonkeyPatch, module: str, method: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # ``import pandas`` now fails
    with mock() as router:
        route = router.get("/vendors").mock(side_effect=vendor_pages())
        pager = vendor_pager(mode.client())
        with pytest.raises(MissingDependencyError) as caught:
            await mode(getattr(pager, method)())
    assert route.call_count == 0
    assert isinstance(caught.value, ImportError)
    assert caught.value.package == module
    assert caught.value.extra == module
    assert str(caught.value) == (
        f"{method}() needs {module}, which is not installed: "
        f'pip install "supplychain-sdk[{module}]"'
    )


def test_the_module_functions_refuse_without_the_library_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependencyError, match=r"supplychain-sdk\[pandas\]"):
        to_pandas([Vendor(id="v", name="n")])


async def test_a_pager_given_to_a_dataframe_says_to_use_to_pandas(mode: Mode) -> None:
    with mock() as router:
        route = router.get("/vendors").mock(side_effect=vendor_pages())
        pager = vendor_pager(mode.client())
        if mode.is_async:  # not iterable without ``async for``: pandas refuses it itself
            with pytest.raises(ValueError, match="DataFrame constructor not properly called"):
                pd.DataFrame(pager)
        else:
            with pytest.raises(TypeError, match=r"use pager\.to_pandas\(\) or pager\.to_polars"):
                pd.DataFrame(pager)
        with pytest.raises(TypeError, match=r"is a lazy pager, not an array: use pager\.to_pandas"):
            np.asarray(pager)
        assert route.call_count == 0
        # iteration is untouched
        assert [v.id for v in await mode.collect(pager)] == ["v-1", "v-2", "v-3"]


def test_unparsable_timestamps_stay_as_sent() -> None:
    class Event(Vendor):
        pass

    rows = [
        Event(id="1", name="a", updated_at="2024-05-01T00:00:00Z", valid_from="next week"),
        Event(id="2", name="b", updated_at="yesterday", valid_from="2024-01-01"),
    ]
    frame = to_pandas(rows)
    assert frame["updated_at"].tolist() == ["2024-05-01T00:00:00Z", "yesterday"]
    assert frame["valid_from"].tolist() == ["next week", "2024-01-01"]


def test_naive_and_aware_datetimes_together_are_not_guessed_into_utc() -> None:
    naive = Vendor(id="1", name="a", created_at=dt.datetime(2024, 1, 1))
    aware = Vendor(id="2", name="b", created_at=dt.datetime(2024, 1, 1, tzinfo=UTC))
    frame = to_pandas([naive, aware])
    assert frame["created_at"].dtype == object
    assert frame["created_at"].tolist() == [naive.created_at, aware.created_at]


def test_flatten_and_table_of_plain_models() -> None:
    vendor = Vendor(id="v", name="n", address=Address(city="Oslo"), contacts=[{"email": "e"}])
    assert flatten(vendor) == {
        "id": "v",
        "name": "n",
        "status": None,
        "created_at": None,
        "updated_at": None,
        "valid_from": None,
        "balance": None,
        "address.city": "Oslo",
        "address.postal_code": None,
        "tags": [],
        "contacts": [{"email": "e", "phone": None}],
        "api_key": None,
        "signing_secret": None,
    }
    data, kinds = table([vendor])
    assert kinds == {
        "created_at": "datetime",
        "updated_at": "iso",
        "valid_from": "date",
    }
    assert data["address.city"] == ["Oslo"]
    with pytest.raises(TypeError, match="expected API models, got dict"):
        table([{"id": "v"}])


class Node(APIModel):
    name: str
    parent: Parent | None = None


class Parent(APIModel):
    name: str
    child: Node | None = None
    hidden: Address | None = Field(default=None, repr=False)


Node.model_rebuild()


def test_models_that_contain_themselves_and_hidden_nested_models() -> None:
    leaf = Node(name="leaf", parent=Parent(name="p", hidden=Address(city="Secret City")))
    assert flatten(leaf) == {
        "name": "leaf",
        "parent.name": "p",
        "parent.child": None,
        "parent.hidden": "**********",
    }
    assert list(to_pandas([], model=Node).columns) == [
        "name",
        "parent.name",
        "parent.child",
        "parent.hidden",
    ]
    assert flatten(Node(name="root")) == {
        "name": "root",
        "parent.name": None,
        "parent.child": None,
        "parent.hidden": None,
    }
