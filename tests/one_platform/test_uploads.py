"""Two-step PDF uploads: begin -> put the bytes -> complete, in that order; the bytes go to
the presigned URL in a plain request that carries no ONe token and no client headers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from supplychain_sdk import (
    APIConnectionError,
    ConflictError,
    InvalidRequestError,
    PermissionDeniedError,
)
from supplychain_sdk.one_platform import Acknowledgement, UploadReceipt
from supplychain_sdk.sandbox.one_platform import OnePlatformSandbox
from tests.conftest import Mode
from tests.one_platform.conftest import BASE, TOKEN, make_client, sandbox_client

INV = f"{BASE}/api/v1/invoices/integrations/auth-required/invoices"
WZ = f"{BASE}/api/v1/goods-issued-notes/integrations/auth-required/goods-issued-notes"
STORAGE = "https://bucket.s3.example.test/one/FV-1.pdf"
SIGNED = f"{STORAGE}?X-Amz-Credential=AKIA&X-Amz-Signature=deadbeef"
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def mock_invoice_upload(router: respx.Router, **begin: Any) -> dict[str, respx.Route]:
    answer = {"uploadId": "U-1", "uploadUrl": SIGNED, **begin}
    return {
        "begin": router.post(f"{INV}/file-upload-begin").respond(200, json=answer),
        "put": router.put(STORAGE).respond(200, headers={"ETag": '"abc"'}),
        "complete": router.post(f"{INV}/file-upload-complete").respond(
            200, json={"id": "U-1", "status": "complete"}
        ),
    }


async def test_upload_pdf_runs_begin_upload_complete_in_order(mode: Mode) -> None:
    with respx.mock(assert_all_called=True) as router:
        routes = mock_invoice_upload(router, headers={"x-amz-meta-invoice": "FV-1"})
        client = make_client(mode, default_headers={"X-Tenant": "acme"})
        receipt = await mode(client.invoices.upload_pdf("FV-1", PDF))
        calls = [(c.request.method, str(c.request.url)) for c in router.calls]
    assert calls == [
        ("POST", f"{INV}/file-upload-begin"),
        ("PUT", SIGNED),
        ("POST", f"{INV}/file-upload-complete"),
    ]
    begin = routes["begin"].calls.last.request
    assert begin.headers["Authorization"] == f"Bearer {TOKEN}"
    assert json.loads(begin.content) == {
        "invoiceId": "FV-1",
        "fileName": "FV-1.pdf",
        "contentType": "application/pdf",
        "size": len(PDF),
    }
    put = routes["put"].calls.last.request
    assert put.content == PDF
    assert put.headers["Content-Type"] == "application/pdf"
    assert put.headers["x-amz-meta-invoice"] == "FV-1"
    for secret in ("Authorization", "X-Tenant", "Cookie"):
        assert secret not in put.headers
    complete = routes["complete"].calls.last.request
    assert json.loads(complete.content) == {"invoiceId": "FV-1", "uploadId": "U-1"}
    assert receipt == UploadReceipt(
        document_id="FV-1",
        upload_id="U-1",
        filename="FV-1.pdf",
        size=len(PDF),
        acknowledgement=Acknowledgement(id="U-1", status="complete"),
    )


async def test_an_injected_http_client_lends_no_credentials_to_the_upload(mode: Mode) -> None:
    kwargs: dict[str, Any] = {"headers": {"X-Api-Key": "k"}, "auth": ("user", "pass")}
    http = httpx.AsyncClient(**kwargs) if mode.is_async else httpx.Client(**kwargs)
    with respx.mock(assert_all_called=True) as router:
        routes = mock_invoice_upload(router)
        await mode(make_client(mode, http_client=http).invoices.upload_pdf("FV-1", PDF))
    put = routes["put"].calls.last.request
    assert "Authorization" not in put.headers
    assert "X-Api-Key" not in put.headers
    await mode(http.aclose() if mode.is_async else http.close())


async def test_goods_issued_note_upload_runs_initialize_upload_finalize(
    mode: Mode, tmp_path: Path
) -> None:
    path = tmp_path / "WZ 7.pdf"
    path.write_bytes(PDF)
    with respx.mock(assert_all_called=True) as router:
        init = router.post(f"{WZ}/file-upload-initialize").respond(
            200, json={"fileId": "F-7", "url": "https://files.example.test/wz7", "method": "POST"}
        )
        put = router.post("https://files.example.test/wz7").respond(204)
        final = router.post(f"{WZ}/file-upload-finalize").respond(204)
        receipt = await mode(make_client(mode).goods_issued_notes.upload_pdf("WZ-7", path))
        paths = [c.request.url.path for c in router.calls]
    assert paths == [
        "/api/v1/goods-issued-notes/integrations/auth-required/goods-issued-notes/file-upload-initialize",
        "/wz7",
        "/api/v1/goods-issued-notes/integrations/auth-required/goods-issued-notes/file-upload-finalize",
    ]
    assert json.loads(init.calls.last.request.content)["fileName"] == "WZ 7.pdf"
    assert put.calls.last.request.content == PDF
    assert "Authorization" not in put.calls.last.request.headers
    assert json.loads(final.calls.last.request.content) == {"noteId": "WZ-7", "uploadId": "F-7"}
    assert receipt.acknowledgement == Acknowledgement()
    assert (receipt.filename, receipt.upload_id) == ("WZ 7.pdf", "F-7")


@pytest.mark.parametrize(
    ("pdf", "filename", "message"),
    [
        (b"PK\x03\x04 zip", None, "is not a PDF"),
        (b"", None, "pdf is empty"),
        (PDF, "invoice.docx", r"pdf must be one of \.pdf"),
        ("no/such/file.pdf", None, "no file at"),
    ],
)
async def test_a_bad_pdf_is_refused_before_anything_is_sent(
    mode: Mode, pdf: Any, filename: str | None, message: str
) -> None:
    with respx.mock(assert_all_called=False) as router:
        route = router.route()
        with pytest.raises(InvalidRequestError, match=message):
            await mode(make_client(mode).invoices.upload_pdf("FV-1", pdf, filename=filename))
    assert not route.called


@pytest.mark.parametrize(
    ("begin", "message"),
    [
        ({"uploadUrl": "http://bucket.example.test/x"}, "must be an absolute https URL"),
        ({"uploadUrl": "/relative/path"}, "must be an absolute https URL"),
        ({"headers": {"Authorization": "Bearer x"}}, "may not set the Authorization header"),
        ({"method": "DELETE"}, "must be PUT or POST"),
    ],
)
async def test_an_unsafe_upload_answer_is_refused_and_not_completed(
    mode: Mode, begin: dict[str, Any], message: str
) -> None:
    with respx.mock(assert_all_called=False) as router:
        routes = mock_invoice_upload(router, **begin)
        with pytest.raises(InvalidRequestError, match=message):
            await mode(make_client(mode).invoices.upload_pdf("FV-1", PDF))
    assert routes["begin"].called
    assert not routes["put"].called
    assert not routes["complete"].called


async def test_a_storage_refusal_is_typed_and_keeps_the_signature_out_of_the_message(
    mode: Mode,
) -> None:
    with respx.mock(assert_all_called=False) as router:
        routes = mock_invoice_upload(router)
        routes["put"].respond(403, text="<Error><Code>AccessDenied</Code></Error>")
        with pytest.raises(PermissionDeniedError) as info:
            await mode(make_client(mode).invoices.upload_pdf("FV-1", PDF))
    assert str(info.value).startswith(f"403 Forbidden from PUT {STORAGE}")
    assert "deadbeef" not in str(info.value)
    assert "AKIA" not in str(info.value)
    assert not routes["complete"].called


async def test_the_put_step_is_retried_on_503_and_on_connection_errors(mode: Mode) -> None:
    with respx.mock(assert_all_called=True) as router:
        routes = mock_invoice_upload(router)
        routes["put"].mock(
            side_effect=[
                httpx.Response(503, headers={"Retry-After": "2"}),
                httpx.ReadError("reset"),
                httpx.Response(200),
            ]
        )
        client = make_client(mode, max_retries=2)
        await mode(client.invoices.upload_pdf("FV-1", PDF))
    assert routes["put"].call_count == 3
    assert mode.sleeps[0] == 2.0
    assert len(mode.sleeps) == 2


async def test_the_put_step_gives_up_after_the_retries(mode: Mode) -> None:
    with respx.mock(assert_all_called=False) as router:
        routes = mock_invoice_upload(router)
        routes["put"].mock(side_effect=httpx.ConnectError("refused"))
        with pytest.raises(
            APIConnectionError, match=f"ConnectError: refused during PUT {STORAGE}$"
        ):
            await mode(make_client(mode, max_retries=1).invoices.upload_pdf("FV-1", PDF))
    assert routes["put"].call_count == 2
    assert not routes["complete"].called


async def test_upload_pdf_on_the_sandbox_stores_the_file(
    mode: Mode, sandbox: OnePlatformSandbox
) -> None:
    client = sandbox_client(mode, sandbox)
    await mode(
        client.invoices.create(
            {
                "invoice_id": "FV-9",
                "number": "FV/9",
                "client_id": "C-001",
                "issue_date": "2026-01-05",
                "currency": "PLN",
                "net_total": "10.00",
                "gross_total": "12.30",
            }
        )
    )
    receipt = await mode(client.invoices.upload_pdf("FV-9", PDF))
    assert sandbox.files[("invoice", "FV-9")] == PDF
    storage = [r for r in sandbox.requests if r.base_url == sandbox.storage_url]
    assert [(r.method, r.header("authorization")) for r in storage] == [("PUT", None)]
    assert receipt.acknowledgement.status == "complete"
    await mode(client.close())


async def test_the_sandbox_refuses_complete_before_begin(
    mode: Mode, sandbox: OnePlatformSandbox
) -> None:
    client = sandbox_client(mode, sandbox)
    sandbox.notes["WZ-1"] = {"noteId": "WZ-1"}
    with pytest.raises(ConflictError, match="call initialize first"):
        await mode(client.goods_issued_notes.finalize_upload("WZ-1"))
    target = await mode(
        client.goods_issued_notes.initialize_upload("WZ-1", file_name="wz.pdf", size=len(PDF))
    )
    with pytest.raises(ConflictError, match="has not been uploaded yet"):
        await mode(client.goods_issued_notes.finalize_upload("WZ-1", upload_id=target.upload_id))
    assert target.upload_url.startswith("https://storage.sandbox.invalid/storage/notes/")
    await mode(client.close())


async def test_a_post_upload_that_may_have_arrived_is_not_sent_again(mode: Mode) -> None:
    with respx.mock(assert_all_called=False) as router:
        router.post(f"{WZ}/file-upload-initialize").respond(
            200, json={"fileId": "F-7", "url": "https://files.example.test/wz7", "method": "POST"}
        )
        put = router.post("https://files.example.test/wz7").mock(
            side_effect=httpx.ReadTimeout("timed out")
        )
        final = router.post(f"{WZ}/file-upload-finalize").respond(204)
        with pytest.raises(APIConnectionError) as info:
            await mode(make_client(mode, max_retries=3).goods_issued_notes.upload_pdf("WZ-7", PDF))
    assert put.call_count == 1
    assert info.value.outcome_unknown
    assert not final.called
