"""Pharus fake: documents (#136-139) and the object storage their signed URLs point to.

An upload (``multipart/form-data``: ``file``, ``entityType``, ``entityId``) stores the
bytes; *Get document detail* answers a ``signedUrl`` on another host
(``https://storage.pharus.sandbox.invalid/...``), served by this fake like object storage:
the URL's signature and expiry are its only credentials, and a request that also carries
``Authorization`` or ``X-Org-Id`` is refused (400), so a test proves the client never sends
the Pharus token there. Documents attach to sales, purchase and work orders only (A15).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from email.message import Message
from typing import Any, ClassVar
from urllib.parse import quote

from ..._core.errors import InvalidRequestError
from .._framework import SandboxRequest, SandboxResponse, json_response, route
from ._engine import Call, PharusEngine, SandboxError

__all__ = ["STORAGE_URL", "DocumentsHandlers"]

#: The origin of the fake's object storage (signed URLs point here).
STORAGE_URL = "https://storage.pharus.sandbox.invalid"
#: How long a signed URL is valid, in seconds.
SIGNED_URL_TTL = 900
_SIGNING_KEY = b"pharus-sandbox-signing-key"
#: Document entity type -> the collection of the order it attaches to.
_ENTITIES = {
    "sales_order": "sales_orders",
    "purchase_order": "purchase_orders",
    "work_order": "work_orders",
}
_BOUNDARY = re.compile(r'boundary="?([^";]+)"?', re.IGNORECASE)


def _refused(status: int, code: str, message: str) -> SandboxResponse:
    """An object-storage error: XML, as cloud storage answers."""
    body = f"<?xml version='1.0' encoding='UTF-8'?><Error><Code>{code}</Code>"
    body += f"<Message>{message}</Message></Error>"
    return SandboxResponse(status, body.encode(), {"content-type": "application/xml"})


def _signature(document_id: str, expires: int) -> str:
    return hmac.new(_SIGNING_KEY, f"{document_id}:{expires}".encode(), hashlib.sha256).hexdigest()


def _form(request: SandboxRequest) -> tuple[dict[str, str], dict[str, tuple[str, str, bytes]]]:
    """The fields and files of a ``multipart/form-data`` body (400 when it is not one)."""
    ctype = request.header("content-type") or ""
    found = _BOUNDARY.search(ctype)
    if not ctype.lower().startswith("multipart/form-data") or found is None:
        raise SandboxError(400, "validation_failed", "the body must be multipart/form-data")
    delimiter = b"--" + found.group(1).encode("latin-1")
    fields: dict[str, str] = {}
    files: dict[str, tuple[str, str, bytes]] = {}
    chunks = request.body.split(delimiter)
    if len(chunks) < 3 or not chunks[-1].startswith(b"--"):
        raise SandboxError(400, "validation_failed", "the multipart body is malformed")
    for chunk in chunks[1:-1]:
        head, sep, content = chunk.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        if not sep or not content.endswith(b"\r\n"):
            raise SandboxError(400, "validation_failed", "the multipart body is malformed")
        part = Message()
        for line in head.decode("latin-1").split("\r\n"):
            header, colon, value = line.partition(":")
            if colon:
                part[header.strip()] = value.strip()
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            raise SandboxError(400, "validation_failed", "a multipart part has no name")
        filename = part.get_param("filename", header="content-disposition")
        if isinstance(filename, str):
            kind = part.get("content-type") or "application/octet-stream"
            files[name] = (filename, str(kind), content[:-2])
        else:
            fields[name] = content[:-2].decode("utf-8", "replace")
    return fields, files


class DocumentsHandlers(PharusEngine):
    """Handlers of the Documents rows (#136-139), and the signed-URL storage route."""

    #: No documents route documents a role above the defaults (member writes, viewer reads).
    MIN_ROLE: ClassVar[Mapping[str, str]] = {}

    def _doc_signed_url(self, call: Call, document: Mapping[str, Any]) -> str:
        # in-process, storage is another host; a served fake has one origin for both
        origin = call.request.base_url
        storage = STORAGE_URL if origin == self.base_url else origin
        expires = int(self.clock()) + SIGNED_URL_TTL
        signature = _signature(document["id"], expires)
        path = f"/pharus-storage/{quote(document['id'], safe='')}"
        return f"{storage}{path}?expires={expires}&signature={signature}"

    def _doc_fields(self, call: Call, fields: Mapping[str, Any], query: bool) -> dict[str, Any]:
        try:
            checked = (call.op.query_params(fields) if query else call.op.json_body(fields)) or {}
        except InvalidRequestError as exc:
            raise SandboxError(
                400, "validation_failed", str(exc), {"fieldErrors": dict(exc.field_errors)}
            ) from None
        return {key: str(value) for key, value in checked.items()}

    # -- rows ------------------------------------------------------------------------------------
    def on_documents_upload(self, call: Call) -> SandboxResponse:
        fields, files = _form(call.request)
        unknown = set(fields) - {"entityType", "entityId"}
        if unknown:
            raise SandboxError(400, "validation_failed", f"unknown form fields {sorted(unknown)}")
        checked = self._doc_fields(call, fields, query=False)
        entity = self.table(_ENTITIES[checked["entityType"]]).get(checked["entityId"])
        if entity is None or entity.get("orgId") != call.org():
            raise SandboxError(
                400,
                "validation_failed",
                "entityId names no order of this organization",
                {"fieldErrors": {"entityId": ["not found"]}},
            )
        if "file" not in files:
            raise SandboxError(
                400,
                "validation_failed",
                "file is required",
                {"fieldErrors": {"file": ["required"]}},
            )
        filename, mime_type, content = files["file"]
        document_id = self.new_id()
        name = filename or "document"
        record = {
            "id": document_id,
            "orgId": call.org(),
            "entityType": checked["entityType"],
            "entityId": checked["entityId"],
            "name": name,
            "gcsPath": f"orgs/{call.org()}/{checked['entityType']}/{checked['entityId']}/"
            f"{document_id}/{name}",
            "mimeType": mime_type,
            "sizeBytes": str(len(content)),
            "createdAt": self.now(),
        }
        self.table("documents")[document_id] = record
        self.table("document_blobs")[document_id] = {
            "id": document_id,
            "orgId": call.org(),
            "content": content,
        }
        return json_response(record)

    def on_documents_list(self, call: Call) -> SandboxResponse:
        wanted = {
            name: value
            for name in ("entityType", "entityId")
            if (value := call.query(name)) is not None
        }
        if len(wanted) < 2:
            raise SandboxError(
                400,
                "validation_failed",
                "entityType and entityId are required",
                {
                    "fieldErrors": {
                        n: ["required"] for n in ("entityType", "entityId") if n not in wanted
                    }
                },
            )
        checked = self._doc_fields(call, wanted, query=True)
        return self.page(
            call,
            self.rows(
                call,
                "documents",
                lambda r: (
                    r["entityType"] == checked["entityType"]
                    and r["entityId"] == checked["entityId"]
                ),
            ),
        )

    def on_documents_delete(self, call: Call) -> SandboxResponse:
        document_id = call.ids["document_id"]
        self.find(call, "documents", document_id)
        del self.table("documents")[document_id]
        self.table("document_blobs").pop(document_id, None)
        return json_response({"deletedId": document_id})

    def on_documents_retrieve(self, call: Call) -> SandboxResponse:
        document = self.find(call, "documents", call.ids["document_id"])
        return json_response({**document, "signedUrl": self._doc_signed_url(call, document)})

    # -- the object storage behind signed URLs ---------------------------------------------------
    @route("GET", "/pharus-storage/{document_id}")
    def storage_download(self, request: SandboxRequest) -> SandboxResponse:
        """Serve a document's bytes to a valid, unexpired signed URL sent without any Pharus
        credential."""
        if request.base_url == self.base_url:  # not the API's host
            return _refused(404, "NoSuchKey", "The specified key does not exist.")
        if request.header("authorization") is not None or request.header("x-org-id") is not None:
            return _refused(
                400,
                "InvalidArgument",
                "A signed URL takes no Authorization or X-Org-Id header.",
            )
        document_id = request.path_params["document_id"]
        expires = request.param("expires") or ""
        signature = request.param("signature") or ""
        valid = expires.isascii() and expires.isdigit()
        if not valid or not hmac.compare_digest(
            signature.encode(), _signature(document_id, int(expires)).encode()
        ):
            return _refused(403, "SignatureDoesNotMatch", "The request signature is invalid.")
        if int(expires) < self.clock():
            return _refused(400, "ExpiredToken", "The signed URL has expired.")
        blob = self.table("document_blobs").get(document_id)
        document = self.table("documents").get(document_id)
        if blob is None or document is None:
            return _refused(404, "NoSuchKey", "The specified key does not exist.")
        return SandboxResponse(
            200,
            blob["content"],
            {"content-type": document["mimeType"], "content-length": str(len(blob["content"]))},
        )
