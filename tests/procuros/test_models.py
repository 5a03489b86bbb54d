"""The generated Procuros models against the spec they come from.

Names, every example of the spec (validation and exact round-trip), the transaction unions
(typed ``content``, fallback for unknown types), leniency and the generator's freshness.
"""

from __future__ import annotations

import copy
import enum
import importlib.util
import pkgutil
import re
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import pytest
import yaml
from pydantic import BaseModel, Discriminator, TypeAdapter, ValidationError
from pydantic.alias_generators import to_camel
from typing_extensions import assert_type

from supplychain_sdk._core.models import APIModel, OpenEnum
from supplychain_sdk.procuros import _models as m

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "specs" / "procuros-openapi-v2.yaml"
GENERATOR = ROOT / "scripts" / "generate_procuros_models.py"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
HTTP_METHODS = {"get", "put", "post", "delete", "patch"}


def generated_modules() -> list[types.ModuleType]:
    """Every module of ``procuros/_schemas`` (imported: the namespace loads them lazily)."""
    package = importlib.import_module("supplychain_sdk.procuros._schemas")
    return [
        importlib.import_module(f"{package.__name__}.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
    ]


def generated_values() -> list[Any]:
    """Everything the generated modules define (classes, enums, aliases; private ones too)."""
    return [
        value
        for module in generated_modules()
        for value in vars(module).values()
        if getattr(value, "__module__", None) == module.__name__
    ]


#: Bodies the spec defines inline (no ``$ref``), by (operationId, "request" | status code).
INLINE_BODIES: dict[tuple[str, str], Any] = {
    ("v2_list_received_transactions", "200"): m.ListReceivedTransactionsResponse,
    ("v2_send_transaction", "201"): m.SendTransactionCreatedResponse,
    ("v2_send_transaction", "202"): m.SendTransactionAcceptedResponse,
    ("v2_mark_transaction_processed", "request"): m.MarkTransactionProcessedRequest,
    ("v2_mark_transaction_processed", "200"): m.MarkTransactionProcessedResponse,
    ("v2_bulk_mark_transactions_processed", "request"): m.BulkMarkTransactionsProcessedRequest,
    ("v2_bulk_mark_transactions_processed", "200"): m.BulkMarkTransactionsProcessedResponse,
    ("v2_list_all_transactions", "200"): m.ListAllTransactionsResponse,
    ("v2_show_transaction", "200"): m.ShowTransactionResponse,
    ("v2_report_error", "request"): m.ReportErrorRequest,
    ("v2_report_error", "201"): m.ReportErrorResponse,
}

#: Transaction type -> (document, Transaction member, ReceivedTransaction member, SentTransaction
#: member). Written out by hand: this is the contract the generator must meet.
TRANSACTION_CLASSES: dict[str, tuple[type[APIModel], ...]] = {
    "ORDER": (
        m.Order,
        m.OrderTransaction,
        m.ReceivedOrderTransaction,
        m.SentOrderTransaction,
    ),
    "ORDER_RESPONSE": (
        m.OrderResponse,
        m.OrderResponseTransaction,
        m.ReceivedOrderResponseTransaction,
        m.SentOrderResponseTransaction,
    ),
    "SHIPPING_NOTICE": (
        m.ShippingNotice,
        m.ShippingNoticeTransaction,
        m.ReceivedShippingNoticeTransaction,
        m.SentShippingNoticeTransaction,
    ),
    "INVOICE": (
        m.Invoice,
        m.InvoiceTransaction,
        m.ReceivedInvoiceTransaction,
        m.SentInvoiceTransaction,
    ),
    "CREDIT_NOTE": (
        m.CreditNote,
        m.CreditNoteTransaction,
        m.ReceivedCreditNoteTransaction,
        m.SentCreditNoteTransaction,
    ),
    "DISPATCH_INSTRUCTION": (
        m.DispatchInstruction,
        m.DispatchInstructionTransaction,
        m.ReceivedDispatchInstructionTransaction,
        m.SentDispatchInstructionTransaction,
    ),
    "DISPATCH_INSTRUCTION_RESPONSE": (
        m.DispatchInstructionResponse,
        m.DispatchInstructionResponseTransaction,
        m.ReceivedDispatchInstructionResponseTransaction,
        m.SentDispatchInstructionResponseTransaction,
    ),
    "RECEIVAL_NOTICE": (
        m.ReceivalNotice,
        m.ReceivalNoticeTransaction,
        m.ReceivedReceivalNoticeTransaction,
        m.SentReceivalNoticeTransaction,
    ),
    "REMITTANCE_ADVICE": (
        m.RemittanceAdvice,
        m.RemittanceAdviceTransaction,
        m.ReceivedRemittanceAdviceTransaction,
        m.SentRemittanceAdviceTransaction,
    ),
    "PRODUCT_CATALOG": (
        m.ProductCatalog,
        m.ProductCatalogTransaction,
        m.ReceivedProductCatalogTransaction,
        m.SentProductCatalogTransaction,
    ),
    "INVENTORY_REPORT": (
        m.InventoryReport,
        m.InventoryReportTransaction,
        m.ReceivedInventoryReportTransaction,
        m.SentInventoryReportTransaction,
    ),
    "SALES_REPORT": (
        m.SalesReport,
        m.SalesReportTransaction,
        m.ReceivedSalesReportTransaction,
        m.SentSalesReportTransaction,
    ),
}

TX_ID = "949b2f25-fd9d-4c58-8899-b4dc277f8cf9"


# -- helpers ---------------------------------------------------------------------------------


def roundtrip(target: Any, value: Any) -> tuple[Any, Any]:
    """Validate ``value`` as ``target`` and dump it back as the API's JSON."""
    if isinstance(target, type) and issubclass(target, BaseModel):
        parsed: Any = target.model_validate(value)
        return parsed, parsed.model_dump(mode="json", by_alias=True, exclude_unset=True)
    adapter: TypeAdapter[Any] = TypeAdapter(target)
    parsed = adapter.validate_python(value)
    return parsed, adapter.dump_python(parsed, mode="json", by_alias=True, exclude_unset=True)


def ref_name(schema: dict[str, Any]) -> str:
    return str(schema["$ref"]).rsplit("/", 1)[-1]


def operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                yield method.upper(), path, operation


def bodies() -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(label, operationId, "request" | status, media type object) of every JSON body."""
    for method, path, operation in operations():
        for media in operation.get("requestBody", {}).get("content", {}).values():
            yield f"{method} {path} request", operation["operationId"], "request", media
        for status, response in operation["responses"].items():
            for media in (response.get("content") or {}).values():
                yield f"{method} {path} {status}", operation["operationId"], str(status), media


def body_target(operation_id: str, kind: str, media: dict[str, Any]) -> Any:
    schema = media["schema"]
    if "$ref" in schema:
        return getattr(m, ref_name(schema))
    return INLINE_BODIES[(operation_id, kind)]


def body_examples() -> Iterator[Any]:
    for label, operation_id, kind, media in bodies():
        named = dict(media.get("examples") or {})
        if "example" in media:
            named["example"] = {"value": media["example"]}
        for name, example in named.items():
            yield pytest.param(
                operation_id,
                kind,
                body_target(operation_id, kind, media),
                name,
                example["value"],
                id=f"{label}: {name}",
            )


def unwrap(annotation: Any) -> Any:
    """``X | None`` -> ``X``, ``Annotated[X, ...]`` -> ``X``."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            options = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def field_by_json_name(model: type[BaseModel], name: str) -> Any:
    for field in model.model_fields.values():
        if field.alias == name:
            return field.annotation
    raise AssertionError(f"{model.__name__} has no field for {name!r}")


def navigate(root: Any, pointer: tuple[str, ...]) -> Any:
    """The Python type at ``pointer`` (JSON-pointer segments below a schema) from ``root``."""
    current = root
    segments = list(pointer)
    while segments:
        segment = segments.pop(0)
        current = unwrap(current)
        if segment == "properties":
            current = field_by_json_name(current, segments.pop(0))
        elif segment == "items":
            assert get_origin(current) is list, current
            current = get_args(current)[0]
        elif segment == "additionalProperties":
            assert get_origin(current) is dict, current
            current = get_args(current)[1]
        elif segment == "allOf":
            segments.pop(0)  # parts of an allOf are merged into the model itself
        else:
            raise AssertionError(f"cannot navigate {segment!r} in {pointer}")
    return current


def schema_examples() -> Iterator[Any]:
    """Every ``example`` attached to a schema (components and inline bodies)."""
    found: list[tuple[tuple[str, ...], Any]] = []

    def walk(node: Any, pointer: tuple[str, ...]) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "example" and "schema" not in node:
                    found.append((pointer, value))
                elif key != "examples":
                    walk(value, (*pointer, str(key)))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, (*pointer, str(index)))

    walk(SPEC, ())
    for pointer, value in found:
        label = "/".join(pointer)
        if pointer[0] == "components":
            root, rest = getattr(m, pointer[2]), pointer[3:]
        elif "parameters" in pointer:
            continue  # query parameter schemas are plain strings, not models
        else:
            operation = SPEC["paths"][pointer[1]][pointer[2]]
            kind = "request" if pointer[3] == "requestBody" else pointer[4]
            media_index = pointer.index("schema")
            media = operation["requestBody" if kind == "request" else "responses"]
            media = media["content"] if kind == "request" else media[kind]["content"]
            root = body_target(operation["operationId"], kind, media[pointer[media_index - 1]])
            rest = pointer[media_index + 1 :]
        yield pytest.param(root, rest, value, id=label)


def example_transactions() -> dict[str, dict[str, Any]]:
    """One document per transaction type, from the spec's ``POST /v2/transactions`` examples."""
    examples = SPEC["paths"]["/v2/transactions"]["post"]["requestBody"]["content"]
    documents: dict[str, dict[str, Any]] = {}
    for example in examples["application/json"]["examples"].values():
        documents.setdefault(example["value"]["type"], example["value"]["content"])
    return documents


def extras(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(path, key) of every unknown field kept anywhere in a parsed model tree."""
    if isinstance(value, BaseModel):
        for key in value.model_extra or {}:
            yield path, key
        for name in type(value).model_fields:
            yield from extras(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from extras(item, f"{path}[{index}]")


# -- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_every_schema_has_a_generated_name(name: str) -> None:
    schema = SCHEMAS[name]
    assert name in m.__all__
    generated = getattr(m, name)
    if "enum" in schema:
        assert issubclass(generated, OpenEnum)
        assert [member.value for member in generated] == schema["enum"]
    parts = [schema, *schema.get("allOf", [])]
    properties = {
        prop
        for part in parts
        for prop in {**(SCHEMAS[ref_name(part)] if "$ref" in part else part).get("properties", {})}
    }
    if properties:
        # Transaction and ReceivedTransaction are unions of one model per transaction type.
        members = [unwrap(a) for a in get_args(unwrap(generated))] or [generated]
        for member in members:
            assert issubclass(member, APIModel)
            assert properties <= {field.alias for field in member.model_fields.values()}


def test_all_lists_exactly_the_public_names() -> None:
    public = {
        name
        for module in generated_modules()
        for name, value in vars(module).items()
        if not name.startswith("_") and getattr(value, "__module__", None) == module.__name__
    }
    modules = generated_modules()
    assert len(modules) == 15  # common, parts, twelve documents, transactions
    assert len(m.__all__) == len(set(m.__all__))
    assert sorted(m.__all__) == sorted(name for module in modules for name in module.__all__)
    assert public <= set(m.__all__)
    assert all(hasattr(m, name) for name in m.__all__)
    assert {"Date", "DateTime", "ReceivedTransaction", "SentTransaction"} <= set(m.__all__)
    assert set(m.__all__) <= set(dir(m))
    with pytest.raises(AttributeError, match="has no attribute 'Nope'"):
        m.Nope  # noqa: B018


def test_models_and_enums_use_the_sdk_bases() -> None:
    values = generated_values()
    models = [v for v in values if isinstance(v, type) and issubclass(v, BaseModel)]
    enums = [v for v in values if isinstance(v, type) and issubclass(v, enum.Enum)]
    assert len(models) > 150
    assert all(issubclass(model, APIModel) for model in models)
    assert all(issubclass(item, OpenEnum) for item in enums)
    for item in enums:
        for member in item:
            assert member.name == re.sub(r"\W", "_", member.value).upper()


def test_explicit_aliases_only_where_to_camel_differs() -> None:
    for value in generated_values():
        if isinstance(value, type) and issubclass(value, APIModel):
            for name, field in value.model_fields.items():
                assert name == name.lower(), (value, name)
                assert field.alias is not None
                if field.alias_priority == 2:  # set explicitly with Field(alias=...)
                    assert to_camel(name) != field.alias, (value, name)
                else:
                    assert to_camel(name) == field.alias
    header = m.OrderHeader.model_fields["additional_order_identifiers"]
    assert header.alias == "AdditionalOrderIdentifiers"


def test_no_validation_constraints_are_emitted() -> None:
    for value in generated_values():
        if isinstance(value, type) and issubclass(value, APIModel):
            for name, field in value.model_fields.items():
                # Only the transaction unions' discriminators; no length/pattern/bound metadata.
                unexpected = [x for x in field.metadata if not isinstance(x, Discriminator)]
                assert unexpected == [], (value, name)
                assert field.json_schema_extra is None


def test_inline_body_table_covers_the_spec() -> None:
    inline = {
        (operation_id, kind)
        for _, operation_id, kind, media in bodies()
        if "$ref" not in media["schema"]
    }
    assert inline == set(INLINE_BODIES)


# -- examples --------------------------------------------------------------------------------


def _bulk_example_fix(value: Any) -> Any:
    """The spec's bulk mark-processed example is a bare list; its schema wants ``{"items": []}``."""
    assert isinstance(value, list)
    with pytest.raises(ValidationError):
        m.BulkMarkTransactionsProcessedRequest.model_validate(value)
    return {"items": value}


#: Examples that contradict their own schema in the spec, and the minimal repair applied.
EXAMPLE_FIXES = {("v2_bulk_mark_transactions_processed", "request"): _bulk_example_fix}
#: Fields the spec's send-transaction examples use but its schemas do not declare: kept as
#: extras (``model_extra``). Any other extra would mean a field the models fail to map.
EXPECTED_EXTRAS: dict[str, set[str]] = {
    "DispatchInstructionResponse": {
        "orderId",
        "shipmentId",
        "responseDate",
        "shipmentDate",
        "title",
        "salutation",
        "shippingNoticeLineNumber",
        "currency",
        "parentLineNumber",
    },
    "ReceivalNotice": {"title", "salutation", "parentLineNumber"},
    "RemittanceAdvice": {"supplier"},
    "SalesReport": {"salesReportLineIdentifier"},
}


@pytest.mark.parametrize(
    ("operation_id", "kind", "target", "name", "example"), list(body_examples())
)
def test_body_example_validates_and_round_trips(
    operation_id: str, kind: str, target: Any, name: str, example: Any
) -> None:
    fix = EXAMPLE_FIXES.get((operation_id, kind))
    value = fix(copy.deepcopy(example)) if fix else example
    parsed, dumped = roundtrip(target, value)
    assert dumped == value
    expected = EXPECTED_EXTRAS.get(name, set()) if kind == "request" else set()
    assert {key for _, key in extras(parsed)} == expected


def test_body_examples_cover_requests_and_responses() -> None:
    params = list(body_examples())
    assert len(params) >= 25
    ids = [param.id for param in params]
    assert sum(" request: " in item for item in ids) >= 18
    assert any("GET /v2/all-transactions 200" in item for item in ids)


@pytest.mark.parametrize(("root", "pointer", "example"), list(schema_examples()))
def test_schema_example_validates_and_round_trips(
    root: Any, pointer: tuple[str, ...], example: Any
) -> None:
    target = navigate(root, pointer)
    _, dumped = roundtrip(target, example)
    assert dumped == example


def test_schema_examples_are_found() -> None:
    ids = [param.id for param in schema_examples()]
    assert len(ids) > 120
    assert "components/schemas/DateTime" in ids
    assert (
        "components/schemas/Order/properties/summary/properties/tax/properties/description" in ids
    )


# -- transactions ----------------------------------------------------------------------------


def test_transaction_types_match_the_spec() -> None:
    assert list(TRANSACTION_CLASSES) == SCHEMAS["TransactionType"]["enum"]
    assert [member.value for member in m.TransactionType] == list(TRANSACTION_CLASSES)
    assert set(example_transactions()) == set(TRANSACTION_CLASSES)


@pytest.mark.parametrize("kind", list(TRANSACTION_CLASSES))
def test_each_transaction_type_parses_to_its_class(kind: str) -> None:
    document, listed, received, sent = TRANSACTION_CLASSES[kind]
    content = example_transactions()[kind]
    envelopes = [
        (m.Transaction, listed, {"status": "SUCCESS", "flow": "LIVE", "createdAt": "2024-01-01"}),
        (m.ReceivedTransaction, received, {}),
        (m.SentTransaction, sent, None),
    ]
    for union, expected, extra in envelopes:
        payload: dict[str, Any] = {"type": kind, "content": content}
        if extra is not None:
            payload = {"procurosTransactionId": TX_ID, **extra, **payload}
        parsed, dumped = roundtrip(union, payload)
        assert type(parsed) is expected
        assert type(parsed.content) is document
        assert parsed.type is m.TransactionType(kind)
        assert dumped == payload


def test_a_known_type_with_wrong_content_is_an_error_not_a_fallback() -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(m.ReceivedTransaction).validate_python(
            {"procurosTransactionId": TX_ID, "type": "ORDER", "content": {"items": []}}
        )


def _content_kind(tx: m.ReceivedTransaction) -> str:
    match tx:
        case m.ReceivedOrderTransaction():
            assert_type(tx.content, m.Order)
            return f"order {tx.content.header.order_identifier}"
        case m.ReceivedInvoiceTransaction():
            assert_type(tx.content, m.Invoice)
            return f"invoice {tx.content.header.invoice_identifier}"
        case m.UnknownReceivedTransaction():
            assert_type(tx.content, dict[str, Any])
            return f"unknown {tx.type}"
        case _:
            return type(tx.content).__name__


def test_narrowing_gives_typed_content() -> None:
    page = SPEC["paths"]["/v2/transactions"]["get"]["responses"]["200"]["content"]
    value = page["application/json"]["examples"]["List of transactions"]["value"]
    parsed = m.ListReceivedTransactionsResponse.model_validate(value)
    kinds = [_content_kind(tx) for tx in parsed.items]
    assert kinds == ["order PO9383-R45", "ShippingNotice", "invoice IV9383-R45"]
    first = parsed.items[0]
    assert isinstance(first, m.ReceivedOrderTransaction)
    assert_type(first.content, m.Order)
    assert first.content.items[0].unit_of_measure is m.UnitOfMeasure.EA


def test_unknown_transaction_type_falls_back_without_failing_the_page() -> None:
    future = {"procurosTransactionId": TX_ID, "type": "PAYMENT_ADVICE", "content": {"x": [1]}}
    known = {
        "procurosTransactionId": TX_ID,
        "type": "REMITTANCE_ADVICE",
        "content": example_transactions()["REMITTANCE_ADVICE"],
    }
    page = {
        "items": [known, future],
        "hasMore": False,
        "perPage": 100,
        "count": 2,
        "nextCursor": None,
        "nextPageUrl": None,
    }
    parsed, dumped = roundtrip(m.ListReceivedTransactionsResponse, page)
    assert dumped == page
    assert isinstance(parsed.items[0], m.ReceivedRemittanceAdviceTransaction)
    unknown = parsed.items[1]
    assert isinstance(unknown, m.UnknownReceivedTransaction)
    assert unknown.content == {"x": [1]}
    assert unknown.type == "PAYMENT_ADVICE"
    assert not unknown.type.is_known

    listed = {**future, "status": "SUCCESS", "flow": "LIVE", "createdAt": "2024-01-01T00:00:00Z"}
    assert isinstance(roundtrip(m.Transaction, listed)[0], m.UnknownTransaction)
    sent, dumped_sent = roundtrip(m.SentTransaction, {"type": "PAYMENT_ADVICE", "content": {}})
    assert isinstance(sent, m.UnknownSentTransaction)
    assert dumped_sent == {"type": "PAYMENT_ADVICE", "content": {}}


# -- leniency and strictness -----------------------------------------------------------------


def _order() -> dict[str, Any]:
    return copy.deepcopy(example_transactions()["ORDER"])


def test_unknown_enum_values_parse_and_round_trip() -> None:
    order = _order()
    order["items"][0]["unitOfMeasure"] = "XYZ"
    order["items"][0]["identifiers"][0]["domain"] = "GTIN_NEXT"
    parsed, dumped = roundtrip(m.Order, order)
    assert dumped == order
    unit = parsed.items[0].unit_of_measure
    assert unit is not None
    assert unit == "XYZ"
    assert not unit.is_known
    assert parsed.items[0].identifiers is not None
    assert parsed.items[0].identifiers[0].domain == "GTIN_NEXT"
    status = m.TransactionStatus("ARCHIVED")
    assert not status.is_known


def test_unknown_fields_are_kept() -> None:
    order = _order()
    order["header"]["newHeaderField"] = {"nested": True}
    order["items"][0]["futureAttribute"] = [1, 2]
    parsed, dumped = roundtrip(m.Order, order)
    assert dumped == order
    assert parsed.header.model_extra == {"newHeaderField": {"nested": True}}
    assert parsed.items[0].model_extra == {"futureAttribute": [1, 2]}


def test_patterns_lengths_and_formats_are_not_enforced() -> None:
    header = _order()["header"]
    header["orderDate"] = "2021-09-30"  # DateTime pattern wants a time
    header["requestedDeliveryDate"] = "next week"
    header["currency"] = "euro"  # pattern ^[A-Z]{3}$
    header["buyer"]["postalAddress"]["countryCode"] = "Germany"  # maxLength 2
    header["promotionCode"] = "P" * 1000  # maxLength 255
    parsed, dumped = roundtrip(m.OrderHeader, header)
    assert dumped == header
    assert parsed.order_date == "2021-09-30"


def test_required_fields_stay_required() -> None:
    party = m.Party(
        identifiers=[m.PartyIdentifier(identifier="1", domain=m.PartyIdentifierDomain.GS1)]
    )
    with pytest.raises(ValidationError, match="orderIdentifier"):
        m.OrderHeader(buyer=party, supplier=party, order_date="2021-09-30")  # type: ignore[call-arg]
    with pytest.raises(ValidationError, match="domain"):
        m.PartyIdentifier.model_validate({"identifier": "1"})
    with pytest.raises(ValidationError, match="content"):
        m.SentOrderTransaction.model_validate({"type": "ORDER"})
    with pytest.raises(ValidationError, match="type"):
        m.SentOrderTransaction.model_validate({"type": "INVOICE", "content": _order()})
    # The envelope's own type is its default, and is always sent.
    envelope = m.SentOrderTransaction.model_validate({"content": _order()})
    assert envelope.to_dict()["type"] == "ORDER"
    # Relaxed because the spec's own examples omit them.
    assert m.Tax(percentage=7).amount is None


def test_building_a_document_dumps_the_api_names() -> None:
    party = m.Party(
        identifiers=[m.PartyIdentifier(identifier="1", domain=m.PartyIdentifierDomain.GS1)]
    )
    header = m.OrderHeader(
        buyer=party,
        supplier=party,
        order_identifier="PO-1",
        order_date="2021-09-30",
        additional_order_identifiers=m.AdditionalOrderIdentifiers(supplier_order_identifier="S"),
    )
    tx = m.SentOrderTransaction(
        type=m.TransactionType.ORDER,
        content=m.Order(header=header, items=[m.OrderItem(line_number=1, quantity=2)]),
    )
    assert tx.to_dict() == {
        "type": "ORDER",
        "content": {
            "header": {
                "buyer": {"identifiers": [{"identifier": "1", "domain": "GS1"}]},
                "supplier": {"identifiers": [{"identifier": "1", "domain": "GS1"}]},
                "orderIdentifier": "PO-1",
                "orderDate": "2021-09-30",
                "AdditionalOrderIdentifiers": {"supplierOrderIdentifier": "S"},
            },
            "items": [{"lineNumber": 1, "quantity": 2.0}],
        },
    }


# -- generator -------------------------------------------------------------------------------


def test_generated_module_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(GENERATOR), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_reports_a_stale_file_without_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = importlib.util.spec_from_file_location("generate_procuros_models", GENERATOR)
    assert spec is not None
    assert spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, generator)
    spec.loader.exec_module(generator)
    stale = tmp_path / "_models.py"
    stale.write_text("# stale\n", encoding="utf-8")
    leftover = tmp_path / "_schemas" / "dropped_document.py"
    leftover.parent.mkdir()
    leftover.write_text("# once generated\n", encoding="utf-8")
    assert generator.main(["--check"], target=stale) == 1
    out = capsys.readouterr().out
    assert "_models.py" in out
    assert "_schemas/order.py" in out
    assert "dropped_document.py (no longer generated)" in out
    assert stale.read_text(encoding="utf-8") == "# stale\n"
    assert leftover.exists()
    assert generator.main([], target=stale) == 0
    assert not leftover.exists()
    committed = ROOT / "src" / "supplychain_sdk" / "procuros"
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.py"))
    assert written == sorted(
        p.relative_to(committed)
        for p in [committed / "_models.py", *committed.glob("_schemas/*.py")]
    )
    for path in written:
        assert (tmp_path / path).read_text("utf-8") == (committed / path).read_text("utf-8")
        assert (
            (tmp_path / path)
            .read_text("utf-8")
            .startswith("# This file is generated by scripts/generate_procuros_models.py")
        )
    assert generator.main(["--check"], target=stale) == 0
