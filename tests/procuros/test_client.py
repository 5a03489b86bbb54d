"""Every Procuros method, sync and async, against the contract-checked sandbox.

Each test asserts the exact request the sandbox received (method, path, query, headers, JSON)
and the typed result.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import httpx
import pytest

from supplychain_sdk import (
    AuthenticationError,
    InternalServerError,
    InvalidRequestError,
    NotFoundError,
    UnprocessableEntityError,
)
from supplychain_sdk.procuros import (
    AsyncProcuros,
    BulkMarkTransactionsProcessedRequestItem,
    ErrorType,
    Invoice,
    InvoiceTransaction,
    Order,
    OrderTransaction,
    Procuros,
    ReceivedInvoiceTransaction,
    ReceivedOrderTransaction,
    ReceivedShippingNoticeTransaction,
    SentInvoiceTransaction,
    ShippingNotice,
    TransactionStatus,
    TransactionType,
    UnknownReceivedTransaction,
)
from supplychain_sdk.sandbox import SandboxRequest
from supplychain_sdk.sandbox.procuros import ProcurosSandbox, example_documents
from tests.conftest import Mode, mock
from tests.procuros.conftest import TOKEN, make_client

EXAMPLES = example_documents()
ORDER = EXAMPLES["ORDER"][0]["content"]
INVOICE = EXAMPLES["INVOICE"][0]["content"]


def last(sandbox: ProcurosSandbox) -> SandboxRequest:
    return sandbox.requests[-1]


def sent_json(request: SandboxRequest) -> Any:
    return json.loads(request.body)


def incoming_id(sandbox: ProcurosSandbox, tx_type: str = "ORDER") -> str:
    connection = sandbox.connections[TOKEN]
    return next(t.id for t in connection.incoming if t.type == tx_type)


# -- construction ------------------------------------------------------------------------------


def test_token_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROCUROS_API_TOKEN", "env-token")
    client = Procuros()
    assert client.base_url == "https://api.procuros.io"
    assert client.config.auth is not None
    assert "env-token" not in repr(client) + repr(client.config)


def test_missing_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROCUROS_API_TOKEN", raising=False)
    with pytest.raises(InvalidRequestError, match="PROCUROS_API_TOKEN"):
        AsyncProcuros()


@pytest.mark.parametrize("cls", [Procuros, AsyncProcuros])
def test_environments_and_base_url(cls: type[Procuros]) -> None:
    assert cls("t", environment="staging").base_url == "https://api.procuros-staging.io"
    assert cls("t", base_url="http://localhost:9000/").base_url == "http://localhost:9000"
    with pytest.raises(InvalidRequestError, match="environment"):
        cls("t", environment="dev")  # type: ignore[arg-type]


# -- ping --------------------------------------------------------------------------------------


async def test_ping(mode: Mode, sandbox: ProcurosSandbox, client: Procuros) -> None:
    assert await mode(client.ping()) is None
    request = last(sandbox)
    assert (request.method, request.path, request.query) == ("GET", "/v2/ping", ())
    assert request.header("authorization") == f"Bearer {TOKEN}"
    assert request.header("accept") == "application/json"
    assert request.header("user-agent").startswith("supplychain-sdk/")


async def test_bad_token_is_authentication_error(mode: Mode, sandbox: ProcurosSandbox) -> None:
    client = make_client(mode, sandbox, api_token="wrong")
    with pytest.raises(AuthenticationError, match=r"401 Unauthorized from GET .*/v2/ping"):
        await mode(client.ping())


# -- incoming ----------------------------------------------------------------------------------


async def test_incoming_list_typed_items(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros
) -> None:
    items = await mode.collect(client.incoming.list())
    assert len(items) == 12
    assert [tx.type for tx in items] == list(TransactionType)
    order = items[0]
    assert isinstance(order, ReceivedOrderTransaction)
    assert isinstance(order.content, Order)
    assert order.content.header.order_identifier == ORDER["header"]["orderIdentifier"]
    assert isinstance(items[2], ReceivedShippingNoticeTransaction)
    assert isinstance(items[2].content, ShippingNotice)
    request = last(sandbox)
    assert (request.method, request.path, request.query) == ("GET", "/v2/transactions", ())


async def test_incoming_list_filter_and_page_size(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros
) -> None:
    for _ in range(4):
        sandbox.deliver("INVOICE", INVOICE)
    pager = client.incoming.list(type=TransactionType.INVOICE, page_size=2)
    assert sandbox.requests == []  # lazy
    items = await mode.collect(pager)
    assert len(items) == 5
    assert all(isinstance(tx, ReceivedInvoiceTransaction) for tx in items)
    assert all(isinstance(tx.content, Invoice) for tx in items)
    queries = [r.query for r in sandbox.requests]
    assert queries[0] == (("filter[type]", "INVOICE"), ("per_page", "2"))
    assert queries[1][:2] == (("filter[type]", "INVOICE"), ("per_page", "2"))
    assert queries[1][2][0] == "cursor"
    assert len(queries) == 3


async def test_incoming_pagination_many_pages_limit_and_resume(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros
) -> None:
    for _ in range(238):
        sandbox.deliver("ORDER", ORDER)
    assert len(await mode.collect(client.incoming.list())) == 250
    assert len(sandbox.requests) == 3  # 100 + 100 + 50
    sandbox.requests.clear()
    assert len(await mode.collect(client.incoming.list(page_size=10, limit=25))) == 25
    assert len(sandbox.requests) == 3
    first = await mode(client.incoming.list(page_size=100).first_page())
    assert first.has_next
    assert first.meta.page_size == 100
    assert first.meta.has_more is True
    rest = await mode.collect(client.incoming.list(cursor=first.next_cursor))
    assert len(rest) == 150
    assert rest[0].procuros_transaction_id != first.items[-1].procuros_transaction_id


async def test_incoming_follows_next_page_url_when_no_cursor(mode: Mode) -> None:
    sandbox = ProcurosSandbox(next_page="url")
    client = make_client(mode, sandbox)
    items = await mode.collect(client.incoming.list(page_size=5))
    assert len(items) == 12
    assert len(sandbox.requests) == 3
    assert dict(sandbox.requests[1].query)["per_page"] == "5"
    assert "cursor" in dict(sandbox.requests[1].query)


def page_answer(items: list[Any], next_url: str | None) -> dict[str, Any]:
    return {
        "items": items,
        "hasMore": next_url is not None,
        "perPage": 1,
        "count": len(items),
        "nextCursor": None,
        "nextPageUrl": next_url,
    }


async def test_next_page_url_without_cursor_is_followed_on_the_same_origin(mode: Mode) -> None:
    from supplychain_sdk import ForeignOriginError

    tx = {"procurosTransactionId": "1", "type": "ORDER", "content": ORDER}
    base = "https://api.procuros.io"
    with mock(base_url=base) as router:
        route = router.get("/v2/transactions").mock(
            side_effect=[
                httpx.Response(200, json=page_answer([tx], f"{base}/v2/transactions?page=2")),
                httpx.Response(200, json=page_answer([tx], "https://elsewhere.example/v2/x")),
            ]
        )
        client = (AsyncProcuros if mode.is_async else Procuros)("t")
        pages = client.incoming.list().pages()
        first = await mode(pages.__anext__() if mode.is_async else next(pages))
        second = await mode(pages.__anext__() if mode.is_async else next(pages))
        assert len(first.items) == len(second.items) == 1
        assert str(route.calls[1].request.url) == f"{base}/v2/transactions?page=2"
        with pytest.raises(ForeignOriginError):
            await mode(pages.__anext__() if mode.is_async else next(pages))
        assert route.call_count == 2


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"type": "PAYMENT_ADVICE"}, "type 'PAYMENT_ADVICE' is not one of"),
        ({"page_size": 0}, "page_size must be an integer from 1 to 100"),
        ({"page_size": 101}, "page_size must be an integer from 1 to 100"),
        ({"limit": 0}, "limit"),
    ],
)
async def test_incoming_list_bad_input(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        await mode.collect(client.incoming.list(**kwargs))
    assert sandbox.requests == []


async def test_unknown_transaction_type_in_a_page_does_not_break_it(mode: Mode) -> None:
    base = "https://api.procuros.io"
    with mock(base_url=base) as router:
        router.get("/v2/transactions").respond(
            200,
            json={
                "items": [
                    {"procurosTransactionId": "1", "type": "ORDER", "content": ORDER},
                    {"procurosTransactionId": "2", "type": "PAYMENT_ADVICE", "content": {"a": 1}},
                ],
                "hasMore": False,
                "perPage": 100,
                "count": 2,
                "nextCursor": None,
                "nextPageUrl": None,
            },
        )
        client = (AsyncProcuros if mode.is_async else Procuros)("t")
        items = await mode.collect(client.incoming.list())
    assert isinstance(items[0], ReceivedOrderTransaction)
    assert isinstance(items[1], UnknownReceivedTransaction)
    assert items[1].content == {"a": 1}
    assert not items[1].type.is_known


async def test_mark_processed_success(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros
) -> None:
    tx_id = incoming_id(sandbox)
    result = await mode(client.incoming.mark_processed(tx_id, success=True))
    assert (result.message, result.error_url) == ("OK.", None)
    request = last(sandbox)
    assert (request.method, request.path) == ("PUT", f"/v2/transactions/{tx_id}")
    assert request.header("content-type") == "application/json"
    assert sent_json(request) == {"success": True}
    assert tx_id not in [t.id for t in sandbox.connections[TOKEN].incoming]
    stored = await mode(client.transactions.retrieve(tx_id))
    assert stored.status == TransactionStatus.SUCCESS


async def test_mark_processed_failure_with_every_field(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros
) -> None:
    tx_id = incoming_id(sandbox, "INVOICE")
    result = await mode(
        client.incoming.mark_processed(
            tx_id,
            success=False,
            error_reason="Product GTIN '0001647296281' not found",
            error_type=ErrorType.DATA,
            error_context={"gtin": "0001647296281", "line": "3"},
        )
    )
    assert (
        result.error_url == f"https://portal.procuros.sandbox.invalid/transactions/{tx_id}/errors"
    )
    assert sent_json(last(sandbox)) == {
        "success": False,
        "errorReason": "Product GTIN '0001647296281' not found",
        "errorType": "DATA",
        "errorContext": {"gtin": "0001647296281", "line": "3"},
    }
    assert sandbox.connections[TOKEN].transactions[tx_id].status == "FAILED"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"success": True, "error_reason": "x"}, "errorReason only apply to failures"),
        ({"success": False, "error_type": "BAD"}, "error_type 'BAD' is not one of"),
        ({"success": False, "error_context": {"a": 1}}, "error_context values must be strings"),
        ({"success": "yes"}, "success must be True or False"),
        ({"success": False, "error_reason": ""}, "error_reason must be a non-empty string"),
    ],
)
async def test_mark_processed_bad_input(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        await mode(client.incoming.mark_processed(incoming_id(sandbox), **kwargs))
    assert sandbox.requests == []


@pytest.mark.parametrize("bad_id", ["", "42", "../v2/ping", None])
async def test_transaction_ids_must_be_uuids(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros, bad_id: Any
) -> None:
    with pytest.raises(InvalidRequestError, match="transaction_id"):
        await mode(client.incoming.mark_processed(bad_id, success=True))
    with pytest.raises(InvalidRequestError, match="transaction_id"):
        await mode(client.transactions.retrieve(bad_id))
    assert sandbox.requests == []


async def test_mark_processed_unknown_id_is_not_found(mode: Mode, client: Procuros) -> None:
    with pytest.raises(NotFoundError, match="Transaction not found"):
        await mode(
            client.incoming.mark_processed("00000000-0000-4000-8000-000000000000", success=True)
        )


async def test_mark_processed_put_is_retried(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros
) -> None:
    tx_id = incoming_id(sandbox)
    sandbox.faults.statuses([503, 502], method="PUT")
    await mode(client.incoming.mark_processed(tx_id, success=True))
    assert [r.method for r in sandbox.requests] == ["PUT", "PUT", "PUT"]
    assert len(mode.sleeps) == 2


async def test_bulk_mark_processed_splits_into_batches(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros
) -> None:
    ids = [sandbox.deliver("ORDER", ORDER) for _ in range(2488)]
    ids = [t.id for t in sandbox.connections[TOKEN].incoming]
    assert len(ids) == 2500
    items = [{"procurosTransactionId": i, "success": True} for i in ids[:-1]]
    items.append(
        BulkMarkTransactionsProcessedRequestItem(
            procuros_transaction_id=ids[-1], success=False, error_reason="bad", error_type="DATA"
        )
    )
    result = await mode(client.incoming.bulk_mark_processed(items))
    assert result.batches == 3
    assert result.all_accepted
    assert len(result.accepted) == 2500
    bodies = [sent_json(r) for r in sandbox.requests]
    assert [len(b["items"]) for b in bodies] == [1000, 1000, 500]
    assert all(r.path == "/v2/transactions/bulk/mark-processed" for r in sandbox.requests)
    assert bodies[0]["items"][0] == {"procurosTransactionId": ids[0], "success": True}
    assert bodies[2]["items"][-1] == {
        "procurosTransactionId": ids[-1],
        "success": False,
        "errorReason": "bad",
        "errorType": "DATA",
    }
    assert result.items[-1].error_url is not None
    assert sandbox.connections[TOKEN].incoming == []


async def test_bulk_refused_batch_reported_per_item(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros
) -> None:
    ids = [t.id for t in sandbox.connections[TOKEN].incoming][:3]
    unknown = "00000000-0000-4000-8000-000000000000"
    items = [{"procurosTransactionId": i, "success": True} for i in [*ids, unknown]]
    result = await mode(client.incoming.bulk_mark_processed(items, batch_size=2))
    assert result.batches == 2
    # The API refused batch 2 for its unknown id only: the good neighbour went again, alone.
    assert [i.accepted for i in result.items] == [True, True, True, False]
    assert result.items[3].error == (
        "The given data was invalid. (items.1.procurosTransactionId: "
        "The selected transaction is invalid.)"
    )
    assert [r.procuros_transaction_id for r in result.rejected] == [unknown]
    assert [len(sent_json(r)["items"]) for r in sandbox.requests] == [2, 2, 1]
    assert sent_json(sandbox.requests[-1])["items"] == [
        {"procurosTransactionId": ids[2], "success": True}
    ]


async def test_bulk_retried_on_transient_failure(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros
) -> None:
    sandbox.faults.statuses([503], method="POST")
    result = await mode(
        client.incoming.bulk_mark_processed(
            [{"procurosTransactionId": incoming_id(sandbox), "success": True}]
        )
    )
    assert result.all_accepted
    assert len(sandbox.requests) == 2


@pytest.mark.parametrize(
    ("items", "kwargs", "message"),
    [
        ([], {}, "at least one item"),
        ([{"success": True}], {}, r"items\[0\].procurosTransactionId must be a non-empty"),
        ([{"procurosTransactionId": "00000000-0000-4000-8000-000000000000"}], {}, "success"),
        ([{"procurosTransactionId": "x", "success": True}], {}, "must be a UUID"),
        ([{"procurosTransactionId": "1", "typo": 1}], {}, "unknown keys"),
        (["nope"], {}, "must be a dict"),
        ([{}], {"batch_size": 1001}, "batch_size"),
    ],
)
async def test_bulk_bad_input_sends_nothing(
    mode: Mode,
    sandbox: ProcurosSandbox,
    client: Procuros,
    items: list[Any],
    kwargs: dict[str, Any],
    message: str,
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        await mode(client.incoming.bulk_mark_processed(items, **kwargs))
    assert sandbox.requests == []


# -- outgoing ----------------------------------------------------------------------------------


async def test_send_document_infers_type(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros
) -> None:
    invoice = Invoice.model_validate(INVOICE)
    result = await mode(client.outgoing.send(invoice))
    assert result.procuros_transaction_id is not None
    assert result.queued is False
    request = last(sandbox)
    assert (request.method, request.path) == ("POST", "/v2/transactions")
    assert sent_json(request) == {"type": "INVOICE", "content": INVOICE}
    stored = await mode(client.transactions.retrieve(result.procuros_transaction_id))
    assert isinstance(stored, InvoiceTransaction)
    assert stored.flow == "LIVE"
    assert stored.status == TransactionStatus.SUCCESS
    assert stored.content == invoice


async def test_send_dict_and_envelope(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros
) -> None:
    await mode(client.outgoing.send({"type": "ORDER", "content": ORDER}))
    assert sent_json(last(sandbox)) == {"type": "ORDER", "content": ORDER}
    envelope = SentInvoiceTransaction(type="INVOICE", content=Invoice.model_validate(INVOICE))
    await mode(client.outgoing.send(envelope))
    assert sent_json(last(sandbox)) == {"type": "INVOICE", "content": INVOICE}


async def test_send_queued_answer(mode: Mode) -> None:
    sandbox = ProcurosSandbox(queue_sends=True)
    client = make_client(mode, sandbox)
    result = await mode(client.outgoing.send({"type": "ORDER", "content": ORDER}))
    assert result.queued is True
    assert result.procuros_transaction_id is None
    assert result.message == "Transaction accepted and queued."


@pytest.mark.parametrize(
    ("transaction", "message"),
    [
        ({"type": "INVOICE", "content": ORDER}, "the INVOICE transaction is invalid: content."),
        ({"type": "PAYMENT_ADVICE", "content": {}}, "transaction type 'PAYMENT_ADVICE'"),
        ({"content": ORDER}, "needs a 'type'"),
        ({"type": "ORDER"}, "needs a 'content'"),
        ({"type": "ORDER", "content": {"header": {}}}, "content.header.orderIdentifier"),
        (["ORDER"], "must be a document model"),
    ],
)
async def test_send_refuses_mismatches_before_sending(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros, transaction: Any, message: str
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        await mode(client.outgoing.send(transaction))
    assert sandbox.requests == []


async def test_send_refuses_non_document_models(mode: Mode, client: Procuros) -> None:
    with pytest.raises(InvalidRequestError, match="cannot send a BulkMark"):
        await mode(
            client.outgoing.send(
                BulkMarkTransactionsProcessedRequestItem(  # type: ignore[arg-type]
                    procuros_transaction_id="x", success=True
                )
            )
        )


async def test_send_is_never_retried(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros
) -> None:
    sandbox.faults.statuses([503, 200], method="POST", path="^/v2/transactions$")
    with pytest.raises(InternalServerError):
        await mode(client.outgoing.send({"type": "ORDER", "content": ORDER}))
    assert len(sandbox.requests) == 1
    assert mode.sleeps == []


async def test_server_side_422_maps_field_errors_and_error_url(
    mode: Mode, sandbox: ProcurosSandbox
) -> None:
    # A deliberately invalid document, sent raw (bypassing the SDK's checks) and without the
    # contract checker, which would refuse it before the sandbox sees it.
    client = sandbox.async_client() if mode.is_async else sandbox.client()
    body = {"type": "ORDER", "content": {"header": {"orderIdentifier": 5}, "items": []}}
    with pytest.raises(UnprocessableEntityError) as caught:
        await mode(client.request("POST", "/v2/transactions", json=body))
    err = caught.value
    assert err.error_message == "The given data was invalid."
    assert "content.header.orderIdentifier" in err.field_errors
    assert "content.header.buyer" in err.field_errors
    assert err.details["errorUrl"].startswith("https://portal.procuros.sandbox.invalid/errors/")


async def test_report_error_every_field(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros
) -> None:
    result = await mode(
        client.outgoing.report_error(
            error_reason="Customer 4711 has no delivery address",
            error_type="DATA",
            error_context={"customer": "4711"},
            transaction_identifier="PO9383-R45",
            transaction_type=TransactionType.ORDER_RESPONSE,
        )
    )
    assert result.message == "Error reported."
    assert result.error_url.startswith("https://portal.procuros.sandbox.invalid/errors/")
    request = last(sandbox)
    assert (request.method, request.path) == ("POST", "/v2/errors")
    assert sent_json(request) == {
        "errorReason": "Customer 4711 has no delivery address",
        "errorType": "DATA",
        "errorContext": {"customer": "4711"},
        "transactionIdentifier": "PO9383-R45",
        "transactionType": "ORDER_RESPONSE",
    }
    assert sandbox.connections[TOKEN].errors[0]["errorType"] == "DATA"


async def test_report_error_minimal_and_not_retried(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros
) -> None:
    await mode(client.outgoing.report_error(error_reason="ERP down", error_type="INTERNAL"))
    assert sent_json(last(sandbox)) == {"errorReason": "ERP down", "errorType": "INTERNAL"}
    sandbox.requests.clear()
    sandbox.faults.statuses([502], method="POST")
    with pytest.raises(InternalServerError):
        await mode(client.outgoing.report_error(error_reason="x", error_type="INTERNAL"))
    assert len(sandbox.requests) == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"error_reason": "", "error_type": "DATA"}, "error_reason"),
        ({"error_reason": "x", "error_type": "OTHER"}, "error_type 'OTHER'"),
        ({"error_reason": "x", "error_type": None}, "error_type is required"),
        ({"error_reason": "x", "error_type": "DATA", "transaction_type": "X"}, "transaction_type"),
        ({"error_reason": "x", "error_type": "DATA", "transaction_identifier": ""}, "identifier"),
    ],
)
async def test_report_error_bad_input(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        await mode(client.outgoing.report_error(**kwargs))
    assert sandbox.requests == []


# -- all transactions --------------------------------------------------------------------------


async def test_transactions_list_filters(mode: Mode, client: Procuros) -> None:
    day = dt.date(2024, 3, 5)
    sandbox = ProcurosSandbox(
        clock=lambda: dt.datetime(2024, 3, 5, 12, 0, tzinfo=dt.timezone.utc), flow="TEST"
    )
    client = make_client(mode, sandbox)
    await mode(client.outgoing.send({"type": "ORDER", "content": ORDER}))
    sandbox.requests.clear()
    items = await mode.collect(
        client.transactions.list(
            type="ORDER",
            flow="TEST",
            status=TransactionStatus.SUCCESS,
            created_between=(dt.datetime(2024, 3, 1, 8, 30), day),
            page_size=50,
        )
    )
    assert len(items) == 1
    assert isinstance(items[0], OrderTransaction)
    assert items[0].created_at == "2024-03-05T12:00:00+00:00"
    assert last(sandbox).query == (
        ("filter[type]", "ORDER"),
        ("filter[flow]", "TEST"),
        ("filter[status]", "SUCCESS"),
        ("filter[created_between]", "2024-03-01,2024-03-05"),
        ("per_page", "50"),
    )
    assert (
        await mode.collect(client.transactions.list(created_between=("2024-03-06", "2024-03-07")))
        == []
    )


async def test_transactions_list_all_pages(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros
) -> None:
    for _ in range(28):
        sandbox.deliver("ORDER", ORDER)
    pages = await mode.collect(client.transactions.list(page_size=15).pages())
    assert [len(p.items) for p in pages] == [15, 15, 10]
    assert pages[-1].next_request is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"flow": "PROD"}, "flow 'PROD'"),
        ({"status": "DONE"}, "status 'DONE'"),
        ({"created_between": (dt.date(2024, 2, 1), dt.date(2024, 1, 1))}, "starts after"),
        ({"created_between": "2024-01-01,2024-02-01"}, "pair"),
        ({"created_between": ("yesterday", "today")}, "ISO date"),
    ],
)
async def test_transactions_list_bad_input(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        await mode.collect(client.transactions.list(**kwargs))
    assert sandbox.requests == []


async def test_retrieve(mode: Mode, sandbox: ProcurosSandbox, client: Procuros) -> None:
    tx_id = incoming_id(sandbox)
    tx = await mode(client.transactions.retrieve(tx_id))
    assert isinstance(tx, OrderTransaction)
    assert tx.content.header.order_identifier == "PO9383-R45"
    assert tx.status == TransactionStatus.PENDING
    assert last(sandbox).path == f"/v2/all-transactions/{tx_id}"


async def test_retrieve_unknown_is_not_found(mode: Mode, client: Procuros) -> None:
    with pytest.raises(NotFoundError) as caught:
        await mode(client.transactions.retrieve("00000000-0000-4000-8000-000000000000"))
    assert str(caught.value) == (
        "404 Not Found from GET https://api.procuros.sandbox.invalid/v2/all-transactions/"
        "00000000-0000-4000-8000-000000000000: Transaction not found."
    )


async def test_connections_are_separate(mode: Mode) -> None:
    sandbox = ProcurosSandbox(("token-a", "token-b"))
    sandbox.deliver("ORDER", ORDER, token="token-b")
    a = make_client(mode, sandbox, api_token="token-a")
    b = make_client(mode, sandbox, api_token="token-b")
    assert len(await mode.collect(a.incoming.list())) == 12
    assert len(await mode.collect(b.incoming.list())) == 13


async def test_general_validation_error_from_server(mode: Mode) -> None:
    with mock(base_url="https://api.procuros.io") as router:
        router.get("/v2/all-transactions").respond(
            422,
            json={"message": "The given data was invalid.", "errors": {"per_page": ["Too big."]}},
        )
        client = (AsyncProcuros if mode.is_async else Procuros)("t")
        with pytest.raises(UnprocessableEntityError) as caught:
            await mode.collect(client.transactions.list())
    assert caught.value.field_errors == {"per_page": ["Too big."]}
    assert caught.value.details == {}


def test_sandbox_client_helpers() -> None:
    sandbox = ProcurosSandbox()
    with sandbox.client() as client:
        assert len(list(client.incoming.list())) == 12
    assert client._http.is_closed  # the pool made for it is its own
    mine = sandbox.http_client()
    with sandbox.mount(Procuros, TOKEN, http_client=mine) as client:
        client.ping()
    assert not mine.is_closed  # an injected client stays the caller's
    mine.close()


async def test_sandbox_async_client_helper() -> None:
    sandbox = ProcurosSandbox()
    async with sandbox.async_client() as client:
        assert len([tx async for tx in client.incoming.list()]) == 12
    assert client._http.is_closed


def test_contract_checker_catches_a_bad_request() -> None:
    from tests.procuros.contract import ContractViolation, check

    request = httpx.Request("GET", "https://x/v2/all-transactions?per_page=500")
    with pytest.raises(ContractViolation, match="per_page"):
        check(request, b"", None)


async def test_bulk_later_batch_failure_reports_what_was_not_sent(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros
) -> None:
    ids = [t.id for t in sandbox.connections[TOKEN].incoming][:4]
    sandbox.faults.statuses([200, 503, 503, 503], method="POST")
    result = await mode(
        client.incoming.bulk_mark_processed(
            [{"procurosTransactionId": i, "success": True} for i in ids], batch_size=2
        )
    )
    assert [i.accepted for i in result.items] == [True, True, False, False]
    assert result.items[2].error.startswith("not sent: 503 Service Unavailable from POST")
    assert len(sandbox.requests) == 4  # batch 1, then batch 2 tried three times


async def test_bulk_first_batch_failure_raises(mode: Mode, sandbox: ProcurosSandbox) -> None:
    client = make_client(mode, sandbox, api_token="revoked")
    with pytest.raises(AuthenticationError):
        await mode(
            client.incoming.bulk_mark_processed(
                [{"procurosTransactionId": incoming_id(sandbox), "success": True}]
            )
        )


async def test_limit_asks_for_a_small_page(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros
) -> None:
    assert len(await mode.collect(client.incoming.list(limit=3))) == 3
    assert sandbox.requests[-1].query == (("per_page", "3"),)
    await mode.collect(client.transactions.list(limit=150))
    assert ("per_page", "3") not in sandbox.requests[-1].query


async def test_url_only_pages_still_resume_by_cursor(mode: Mode) -> None:
    sandbox = ProcurosSandbox(next_page="url")
    client = make_client(mode, sandbox)
    first = await mode(client.incoming.list(page_size=5).first_page())
    assert first.next_cursor is not None
    rest = await mode.collect(client.incoming.list(page_size=5, cursor=first.next_cursor))
    assert len(rest) == 7
    assert all(r.path == "/v2/transactions" for r in sandbox.requests)


async def test_send_validation_error_carries_field_errors(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros
) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        await mode(client.outgoing.send({"type": "ORDER", "content": {"header": {}, "items": []}}))
    assert "content.header.orderIdentifier" in caught.value.field_errors
    assert caught.value.field_errors["content.header.buyer"] == ["Field required"]


async def test_send_leaves_out_fields_set_to_none(
    mode: Mode, sandbox: ProcurosSandbox, client: Procuros
) -> None:
    order = Order.model_validate(ORDER)
    order.header.ship_to = None
    await mode(client.outgoing.send(order))
    assert "shipTo" not in sent_json(last(sandbox))["content"]["header"]


def test_environment_from_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROCUROS_ENVIRONMENT", "staging")
    assert Procuros("t").base_url == "https://api.procuros-staging.io"
    assert Procuros("t", environment="production").base_url == "https://api.procuros.io"


# -- odd 200 answers (an HTML proxy page, a list where an object was expected) -----------------


ODD_ANSWERS = [
    httpx.Response(200, html="<html><body>Proxy login</body></html>"),
    httpx.Response(200, json=[{"procurosTransactionId": "1"}]),
]


@pytest.mark.parametrize("answer", ODD_ANSWERS, ids=["html", "list"])
async def test_incoming_list_odd_answer_is_a_decode_error(
    mode: Mode, answer: httpx.Response
) -> None:
    from supplychain_sdk import ResponseDecodeError

    base = "https://api.procuros.io"
    with mock(base_url=base) as router:
        router.get("/v2/transactions").mock(return_value=answer)
        router.get("/v2/all-transactions").mock(return_value=answer)
        client = (AsyncProcuros if mode.is_async else Procuros)("t")
        for pager in (client.incoming.list(), client.transactions.list()):
            with pytest.raises(ResponseDecodeError) as caught:
                await mode(pager.first_page())
            assert caught.value.status_code == 200
            assert caught.value.outcome_unknown is False


@pytest.mark.parametrize("answer", ODD_ANSWERS, ids=["html", "list"])
async def test_send_odd_answer_is_a_decode_error_with_outcome_unknown(
    mode: Mode, answer: httpx.Response
) -> None:
    from supplychain_sdk import ResponseDecodeError

    with mock(base_url="https://api.procuros.io") as router:
        route = router.post("/v2/transactions").mock(return_value=answer)
        client = (AsyncProcuros if mode.is_async else Procuros)("t")
        with pytest.raises(ResponseDecodeError) as caught:
            await mode(client.outgoing.send({"type": "ORDER", "content": ORDER}))
    assert route.call_count == 1
    assert caught.value.outcome_unknown is True
    assert caught.value.method == "POST"
    assert "outcome unknown" in str(caught.value)


async def test_retrieve_odd_answer_is_a_decode_error(mode: Mode) -> None:
    from supplychain_sdk import ResponseDecodeError

    tx_id = "9a8b7c6d-0000-4000-8000-000000000001"
    with mock(base_url="https://api.procuros.io") as router:
        router.get(f"/v2/all-transactions/{tx_id}").respond(200, json=[])
        client = (AsyncProcuros if mode.is_async else Procuros)("t")
        with pytest.raises(ResponseDecodeError, match="unexpected shape") as caught:
            await mode(client.transactions.retrieve(tx_id))
    assert caught.value.outcome_unknown is False
