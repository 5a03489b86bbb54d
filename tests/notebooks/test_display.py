"""Models print as one short line, and as a small table in Jupyter; secrets stay masked."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
from pydantic import SecretStr

from supplychain_sdk._core import APIModel
from supplychain_sdk._core.display import MAX_REPR, brief, html_table, short_repr
from supplychain_sdk._core.pagination import PageMeta
from supplychain_sdk.pharus import CreatedApiToken, Invitation
from tests.conftest import Mode, mock
from tests.notebooks.models import VENDORS, Address, Vendor, vendor_pager, vendor_pages


class Wide(APIModel):
    first_field_with_a_long_name: str
    second_field_with_a_long_name: str
    third_field_with_a_long_name: str
    fourth_field_with_a_long_name: str
    fifth_field_with_a_long_name: str
    sixth: int
    seventh: int


def test_repr_is_short_and_readable() -> None:
    vendor = Vendor.model_validate(VENDORS[0])
    assert repr(vendor) == (
        "Vendor(id='v-1', name='Acme', status='ACTIVE', created_at=2024-05-01T10:00:00+00:00, "
        "updated_at='2024-05-02T08:30:00+02:00', valid_from='2024-01-31', balance=1234.50, "
        "address=Address(…), …+4 fields)"
    )
    assert str(vendor) == repr(vendor)
    assert len(repr(vendor)) <= MAX_REPR


def test_repr_skips_unset_fields_and_summarises_nested_values() -> None:
    vendor = Vendor(id="v", name="x" * 60, address=Address(city="Oslo"), tags=["a", "b"])
    assert repr(vendor) == (
        "Vendor(id='v', name='xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…', address=Address(…), "
        "tags=[2 items], contacts=[])"
    )
    assert repr(Address(city="Oslo")) == "Address(city='Oslo')"


def test_repr_of_a_wide_model_stops_near_200_characters() -> None:
    wide = Wide(
        first_field_with_a_long_name="a" * 50,
        second_field_with_a_long_name="b" * 50,
        third_field_with_a_long_name="c" * 50,
        fourth_field_with_a_long_name="d",
        fifth_field_with_a_long_name="e",
        sixth=6,
        seventh=7,
    )
    text = repr(wide)
    assert len(text) <= MAX_REPR
    assert text == (
        "Wide(first_field_with_a_long_name='aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…', "
        "second_field_with_a_long_name='bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb…', …+5 fields)"
    )


def test_secrets_stay_masked_in_repr_and_html() -> None:
    vendor = Vendor.model_validate(VENDORS[0])
    assert "canary" not in repr(vendor) + str(vendor) + vendor._repr_html_()
    assert "api_key" not in repr(vendor)  # cut by the length, but masked if shown:
    assert brief(vendor.api_key) == "SecretStr('**********')"
    created = CreatedApiToken.model_validate(
        {"token": {"id": "t-1", "name": "ci"}, "plaintext": "pharus-token-canary"}
    )
    assert repr(created) == "CreatedApiToken(token=ApiToken(…), plaintext=SecretStr('**********'))"
    assert "pharus-token-canary" not in created._repr_html_()
    invitation = Invitation(id="i-1", token=SecretStr("invite-canary"))
    assert "invite-canary" not in repr(invitation) + invitation._repr_html_()
    assert "<td style='text-align:left'>**********</td>" in invitation._repr_html_()


def test_brief_values() -> None:
    assert brief(Decimal("1.50")) == "1.50"
    assert brief(dt.date(2024, 1, 2)) == "2024-01-02"
    assert brief({"a": 1}) == "{1 key}"
    assert brief({}) == "{}"
    assert brief(["x"]) == "[1 item]"
    assert brief(SecretStr("s")) == "SecretStr('**********')"
    assert brief(3.5) == "3.5"
    assert brief(b"x" * 50) == "b'" + "x" * 37 + "…"


def test_html_table_lists_set_fields_dotted_and_escaped() -> None:
    vendor = Vendor(id="v", name="<b>Acme</b>", address=Address(city="Oslo"))
    assert html_table(vendor) == (
        "<table><caption>Vendor · 5 fields set</caption>"
        "<tr><th style='text-align:left'>id</th><td style='text-align:left'>v</td></tr>"
        "<tr><th style='text-align:left'>name</th>"
        "<td style='text-align:left'>&lt;b&gt;Acme&lt;/b&gt;</td></tr>"
        "<tr><th style='text-align:left'>address.city</th>"
        "<td style='text-align:left'>Oslo</td></tr>"
        "<tr><th style='text-align:left'>tags</th><td style='text-align:left'>[]</td></tr>"
        "<tr><th style='text-align:left'>contacts</th><td style='text-align:left'>[]</td></tr>"
        "</table>"
    )
    assert vendor._repr_html_() == html_table(vendor)


def test_html_table_of_a_huge_model_is_cut() -> None:
    many = APIModel.model_validate({f"field{i}": i for i in range(75)})
    text = html_table(many)
    assert text.count("<tr>") == 61
    assert "<tr><td colspan='2'>… 15 more fields</td></tr>" in text
    assert short_repr(many).endswith("…+" + short_repr(many).rsplit("…+", 1)[1])


async def test_a_page_prints_as_one_line(mode: Mode) -> None:
    with mock() as router:
        router.get("/vendors").mock(side_effect=vendor_pages())
        pager = vendor_pager(mode.client())
        first = await mode(pager.first_page())
    assert repr(first) == "Page(2 items, total_items=3, page_number=1, page_size=2, has_next=True)"
    one = attrs.evolve(first, items=first.items[:1], next_request=None, meta=PageMeta())
    assert repr(one) == "Page(1 item, has_next=False)"
