"""Documents, sync and async: the exact multipart upload, file arguments, bad input refused
before sending, the flow against the sandbox, and downloads from signed URLs that never carry
the Pharus token, ``X-Org-Id`` or the client's default headers."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from supplychain_sdk import (
    APIConnectionError,
    APIStatusError,
    BadRequestError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
)
from supplychain_sdk.pharus import (
    Deleted,
    Document,
    DocumentDetail,
    DocumentEntityType,
    InUseError,
)
from supplychain_sdk.sandbox.pharus import PharusSandbox
from tests.conftest import Mode

from .conftest import BASE, ID, ORG, TOKEN, Clock, make_client, plain_client
from .test_purchasing import Catalog

ORDER = "9b2f6a1e-0d7c-4c1e-9a55-3c2b1d0e4f60"
CONTENT = b"%PDF-1.4\n\x00\xff\xfe\r\n binary quote\n%%EOF"
STORAGE = "https://storage.example.test/bucket/quote.pdf"
SIGNED = f"{STORAGE}?X-Goog-Expires=900&X-Goog-Signature=0123abcd"
DOCUMENT: dict[str, Any] = {
    "id": ID,
    "orgId": ORG,
    "entityType": "purchase_order",
    "entityId": ORDER,
    "name": "quote.pdf",
    "gcsPath": "orgs/x/quote.pdf",
    "mimeType": "application/pdf",
    "sizeBytes": str(len(CONTENT)),
    "createdAt": "2026-01-01T00:00:00Z",
}


def _multipart(request: httpx.Request) -> dict[str, tuple[dict[str, str], bytes]]:
    """Each part of a multipart body by name: its headers and its exact content."""
    ctype = request.headers["content-type"]
    assert ctype.startswith("multipart/form-data; boundary=")
    boundary = ctype.split("boundary=", 1)[1].encode()
    chunks = request.content.split(b"--" + boundary)
    assert chunks[0] == b""
    assert chunks[-1] == b"--\r\n"
    parts = {}
    for chunk in chunks[1:-1]:
        head, _, body = chunk[2:].partition(b"\r\n\r\n")
        headers = dict(line.split(": ", 1) for line in head.decode().split("\r\n"))
        name = re.search(r'name="([^"]+)"', headers["Content-Disposition"])
        assert name is not None
        assert body.endswith(b"\r\n")
        parts[name.group(1)] = (headers, body[:-2])
    return parts


@pytest.fixture
def order_id(sandbox: PharusSandbox) -> str:
    """A purchase order of the default organization to attach documents to."""
    catalog = Catalog.seed(sandbox)
    client = sandbox.client()
    detail = client.purchase_orders.create(
        vendor_id=catalog.vendor,
        target_type="materials",
        status="Placed",
        items=[{"material_id": catalog.material, "quantity": 1}],
    )
    client.close()
    sandbox.requests.clear()
    return detail.purchase_order.id


async def test_upload_sends_one_multipart_request(mode: Mode) -> None:
    client = plain_client(mode)
    with respx.mock(base_url=BASE) as router:
        route = router.post("/api/documents").respond(200, json=DOCUMENT)
        document = await mode(
            client.documents.upload(
                CONTENT,
                entity_type=DocumentEntityType.PURCHASE_ORDER,
                entity_id=ORDER,
                filename="quote.pdf",
            )
        )
    request = route.calls.last.request
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.headers["X-Org-Id"] == ORG
    parts = _multipart(request)
    assert list(parts) == ["entityType", "entityId", "file"]
    assert parts["entityType"] == (
        {"Content-Disposition": 'form-data; name="entityType"'},
        b"purchase_order",
    )
    assert parts["entityId"][1] == ORDER.encode()
    file_headers, file_content = parts["file"]
    assert file_headers == {
        "Content-Disposition": 'form-data; name="file"; filename="quote.pdf"',
        "Content-Type": "application/pdf",
    }
    assert file_content == CONTENT
    assert isinstance(document, Document)
    assert (document.size_bytes, document.entity_type) == (len(CONTENT), "purchase_order")
    await mode.close(client)


async def test_upload_takes_a_path_or_a_binary_file(mode: Mode, tmp_path: Path) -> None:
    client = plain_client(mode)
    sheet = tmp_path / "receipts.csv"
    sheet.write_bytes(b"sku,qty\nCUP-12,3\n")
    with respx.mock(base_url=BASE) as router:
        route = router.post("/api/documents").respond(200, json=DOCUMENT)
        await mode(client.documents.upload(sheet, entity_type="work_order", entity_id=ORDER))
        from_path = _multipart(route.calls.last.request)
        with sheet.open("rb") as handle:
            await mode(
                client.documents.upload(
                    handle,
                    entity_type="sales_order",
                    entity_id=ORDER,
                    content_type="text/plain",
                )
            )
        from_file = _multipart(route.calls.last.request)
    assert from_path["file"][0]["Content-Disposition"].endswith('filename="receipts.csv"')
    assert from_path["file"][0]["Content-Type"] == "text/csv"
    assert from_path["entityType"][1] == b"work_order"
    assert from_file["file"] == (
        {
            "Content-Disposition": 'form-data; name="file"; filename="receipts.csv"',
            "Content-Type": "text/plain",
        },
        b"sku,qty\nCUP-12,3\n",
    )
    await mode.close(client)


async def test_bad_uploads_are_refused_before_sending(
    mode: Mode, sandbox: PharusSandbox, tmp_path: Path
) -> None:
    client = make_client(mode, sandbox)
    with pytest.raises(InvalidRequestError) as caught:
        await mode(
            client.documents.upload(CONTENT, entity_type="production_order", entity_id="po-1")
        )
    assert set(caught.value.field_errors) == {"entity_type", "entity_id"}  # no production orders
    with pytest.raises(InvalidRequestError, match="file is empty"):
        await mode(client.documents.upload(b"", entity_type="sales_order", entity_id=ORDER))
    with pytest.raises(InvalidRequestError, match="no file at"):
        await mode(
            client.documents.upload(
                str(tmp_path / "missing.pdf"), entity_type="sales_order", entity_id=ORDER
            )
        )
    with pytest.raises(InvalidRequestError, match="binary mode"):
        await mode(
            client.documents.upload(io.StringIO("text"), entity_type="sales_order", entity_id=ORDER)  # type: ignore[arg-type]
        )
    with pytest.raises(InvalidRequestError) as listed:
        await mode.collect(client.documents.list(entity_type="sales_order"))  # type: ignore[call-arg]
    assert "entity_id" in listed.value.field_errors
    with pytest.raises(InvalidRequestError, match="document_id must be a UUID"):
        await mode(client.documents.download("../etc/passwd"))
    assert sandbox.requests == []


async def test_upload_list_retrieve_download_delete(
    mode: Mode, sandbox: PharusSandbox, order_id: str, clock: Clock
) -> None:
    client = make_client(mode, sandbox)
    document = await mode(
        client.documents.upload(
            CONTENT, entity_type="purchase_order", entity_id=order_id, filename="quote.pdf"
        )
    )
    assert (document.name, document.mime_type, document.size_bytes) == (
        "quote.pdf",
        "application/pdf",
        len(CONTENT),
    )
    assert document.gcs_path is not None
    assert document.gcs_path.endswith(f"/{document.id}/quote.pdf")
    listed = await mode.collect(
        client.documents.list(entity_type="purchase_order", entity_id=order_id)
    )
    assert listed == [document]
    assert (
        await mode.collect(client.documents.list(entity_type="work_order", entity_id=order_id))
        == []
    )

    detail = await mode(client.documents.retrieve(document.id))
    assert isinstance(detail, DocumentDetail)
    assert detail.signed_url.startswith(
        f"https://storage.pharus.sandbox.invalid/pharus-storage/{document.id}?expires=1767226500&"
    )
    assert await mode(client.documents.download(document.id)) == CONTENT
    fetched = sandbox.requests[-1]
    assert (fetched.base_url, fetched.path) == (
        "https://storage.pharus.sandbox.invalid",
        f"/pharus-storage/{document.id}",
    )
    assert fetched.header("authorization") is None
    assert fetched.header("x-org-id") is None

    with pytest.raises(InUseError):
        await mode(client.purchase_orders.delete(order_id))
    assert await mode(client.documents.delete(document.id)) == Deleted(deleted_id=document.id)
    with pytest.raises(NotFoundError):
        await mode(client.documents.download(document.id))
    assert (
        await mode.collect(client.documents.list(entity_type="purchase_order", entity_id=order_id))
        == []
    )


async def test_the_fake_storage_takes_only_the_signature(
    sandbox: PharusSandbox, order_id: str, clock: Clock
) -> None:
    client = sandbox.client()
    document = client.documents.upload(CONTENT, entity_type="purchase_order", entity_id=order_id)
    url = client.documents.retrieve(document.id).signed_url
    with sandbox.http_client() as http:
        assert http.get(url).content == CONTENT
        with_token = http.get(url, headers={"Authorization": f"Bearer {sandbox.DEFAULT_TOKEN}"})
        assert with_token.status_code == 400
        assert b"<Code>InvalidArgument</Code>" in with_token.content
        assert http.get(url, headers={"X-Org-Id": ORG}).status_code == 400
        assert http.get(url.replace("signature=", "signature=0")).status_code == 403
        on_api_host = url.replace("https://storage.pharus.sandbox.invalid", sandbox.base_url)
        assert http.get(on_api_host).status_code == 404
        clock.advance(901)
        expired = http.get(url)
        assert expired.status_code == 400
        assert b"ExpiredToken" in expired.content
    client.close()


async def test_download_sends_no_pharus_credentials_anywhere(mode: Mode) -> None:
    client = plain_client(mode, default_headers={"X-Trace": "t-1"})
    with respx.mock(base_url=BASE) as router:
        router.get(f"/api/documents/{ID}").respond(200, json={**DOCUMENT, "signedUrl": SIGNED})
        storage = router.get(STORAGE).respond(
            200, content=CONTENT, headers={"Content-Type": "application/pdf"}
        )
        assert await mode(client.documents.download(ID)) == CONTENT
    sent = storage.calls.last.request
    assert str(sent.url) == SIGNED
    for name in ("Authorization", "X-Org-Id", "X-Trace", "Cookie"):
        assert name not in sent.headers
    assert sent.headers["Accept"] == "*/*"
    await mode.close(client)


async def test_a_refused_download_names_the_url_without_its_signature(mode: Mode) -> None:
    client = plain_client(mode)
    xml = b"<?xml version='1.0'?><Error><Code>ExpiredToken</Code></Error>"
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.get(f"/api/documents/{ID}").respond(200, json={**DOCUMENT, "signedUrl": SIGNED})
        storage = router.get(STORAGE).mock(
            side_effect=[
                httpx.Response(403, content=xml, headers={"Content-Type": "application/xml"}),
                httpx.Response(302, headers={"Location": "https://elsewhere.example.test/x"}),
                httpx.ConnectError("connection refused"),
            ]
        )
        elsewhere = router.get("https://elsewhere.example.test/x").respond(200)
        with pytest.raises(PermissionDeniedError) as refused:
            await mode(client.documents.download(ID))
        with pytest.raises(APIStatusError) as redirected:
            await mode(client.documents.download(ID))
        with pytest.raises(APIConnectionError) as lost:
            await mode(client.documents.download(ID))
    assert refused.value.url == STORAGE
    assert refused.value.status_code == 403
    assert "ExpiredToken" in str(refused.value.body)
    assert redirected.value.status_code == 302  # not followed
    assert not elsewhere.called
    assert lost.value.url == STORAGE
    assert storage.call_count == 3
    for error in (refused.value, redirected.value, lost.value):
        assert "0123abcd" not in str(error)
        assert "0123abcd" not in repr(error)
    await mode.close(client)


async def test_a_detail_without_a_usable_signed_url(mode: Mode) -> None:
    client = plain_client(mode)
    with respx.mock(base_url=BASE) as router:
        router.get(f"/api/documents/{ID}").mock(
            side_effect=[
                httpx.Response(200, json={**DOCUMENT, "signedUrl": "ftp://files.example.test/q"}),
                httpx.Response(200, json={**DOCUMENT, "signedUrl": ""}),
            ]
        )
        with pytest.raises(InvalidRequestError, match="must be an http"):
            await mode(client.documents.download(ID))
        with pytest.raises(InvalidRequestError, match="no signed URL"):
            await mode(client.documents.download(ID))
    await mode.close(client)


async def test_the_fake_refuses_bad_uploads_with_its_error_shape(
    mode: Mode, sandbox: PharusSandbox, order_id: str
) -> None:
    client = make_client(mode, sandbox)
    with pytest.raises(BadRequestError) as unknown:
        await mode(client.documents.upload(CONTENT, entity_type="sales_order", entity_id=order_id))
    assert unknown.value.field_errors == {"entityId": ["not found"]}
    with sandbox.http_client() as http:
        headers = {"Authorization": f"Bearer {sandbox.DEFAULT_TOKEN}", "X-Org-Id": ORG}
        as_json = http.post(
            f"{sandbox.base_url}/api/documents",
            json={"entityType": "purchase_order", "entityId": order_id},
            headers=headers,
        )
        no_file = http.post(
            f"{sandbox.base_url}/api/documents",
            data={"entityType": "purchase_order", "entityId": order_id},
            files={"other": ("x.txt", b"x")},
            headers=headers,
        )
    assert as_json.status_code == 400
    assert as_json.json()["error"]["code"] == "validation_failed"
    assert no_file.status_code == 400
    assert no_file.json()["error"]["details"] == {"fieldErrors": {"file": ["required"]}}
    viewer = sandbox.add_user("viewer@example.test", "Viewer")
    sandbox.tokens["viewer-token"] = viewer["id"]
    sandbox.add_member(sandbox.DEFAULT_ORG_ID, viewer["id"], "viewer")
    as_viewer = make_client(mode, sandbox, token="viewer-token")
    with pytest.raises(PermissionDeniedError):
        await mode(
            as_viewer.documents.upload(CONTENT, entity_type="purchase_order", entity_id=order_id)
        )


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("multipart/form-data", b"--x\r\n"),
        ("multipart/form-data; boundary=x", b""),
        ("multipart/form-data; boundary=x", b"--x\r\nno headers here--x--\r\n"),
        ("multipart/form-data; boundary=x", b"--x\r\n\r\n\r\nvalue\r\n--x--\r\n"),
        (
            "multipart/form-data; boundary=x",
            b'--x\r\nContent-Disposition: form-data; name="entityType"\r\n\r\n\xff\xfe\r\n'
            b'--x\r\nContent-Disposition: form-data; name="entityId"\r\n\r\n\x00\r\n'
            b'--x\r\nContent-Disposition: form-data; name="file"; filename="\xe9"\r\n\r\n'
            b"data\r\n--x--\r\n",
        ),
        (
            "multipart/form-data; boundary=\xe9\xff",
            b"--\xe9\xff\r\nContent-Disposition: form-data; name*=bogus''%ZZ\r\n\r\nv\r\n"
            b"--\xe9\xff--\r\n",
        ),
        ("application/json", b'{"entityType": "sales_order"}'),
    ],
)
def test_the_fake_answers_malformed_uploads_with_its_error_shape(
    sandbox: PharusSandbox, content_type: str, body: bytes
) -> None:
    with sandbox.http_client() as http:
        answer = http.post(
            f"{sandbox.base_url}/api/documents",
            content=body,
            headers={
                "Authorization": f"Bearer {sandbox.DEFAULT_TOKEN}",
                "X-Org-Id": ORG,
                "Content-Type": content_type.encode("latin-1"),  # type: ignore[dict-item]
            },
        )
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "validation_failed"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "expires=%C2%B2&signature=x",
        "expires=1&signature=%E2%98%83",
        "expires=99999999999999999999",
    ],
)
def test_the_fake_storage_refuses_odd_signatures(
    sandbox: PharusSandbox, order_id: str, query: str
) -> None:
    client = sandbox.client()
    document = client.documents.upload(CONTENT, entity_type="purchase_order", entity_id=order_id)
    client.close()
    with sandbox.http_client() as http:
        answer = http.get(
            f"https://storage.pharus.sandbox.invalid/pharus-storage/{document.id}?{query}"
        )
    assert answer.status_code == 403
    assert b"SignatureDoesNotMatch" in answer.content
