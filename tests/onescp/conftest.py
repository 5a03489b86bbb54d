"""ONESCP fixtures: a sandbox on a fake clock, and sync/async clients mounted on it."""

from __future__ import annotations

import email.parser
import email.policy
import json
import time
from typing import Any

import pytest

from supplychain_sdk.onescp import AsyncOneScp, OneScp
from supplychain_sdk.sandbox import SandboxRequest
from supplychain_sdk.sandbox.onescp import OneScpSandbox
from tests.conftest import Mode

API_KEY = OneScpSandbox.DEFAULT_API_KEY
EMAIL = OneScpSandbox.DEFAULT_EMAIL
PASSWORD = OneScpSandbox.DEFAULT_PASSWORD
BASE = OneScpSandbox.base_url

# The seeded records' ids (deterministic).
ORDER = "a00000000000000000000001"
LINE = "a10000000000000000000001"
SHIPMENT = "b00000000000000000000001"
CONTAINER = "b10000000000000000000001"
ITEM = "c00000000000000000000001"
TASK = "d00000000000000000000001"
MISSING = "ffffffffffffffffffffffff"


class Clock:
    """The sandbox's time: starts now (login tokens stay valid for the client), moves on demand."""

    def __init__(self) -> None:
        self.now = float(int(time.time()))

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sandbox(clock: Clock) -> OneScpSandbox:
    return OneScpSandbox(clock=clock)


def make_client(mode: Mode, sandbox: OneScpSandbox, **options: Any) -> OneScp | AsyncOneScp:
    """A client on ``sandbox`` (API key auth unless other credentials are given)."""
    if not {"email", "password", "api_key", "token"} & options.keys():
        options["api_key"] = API_KEY
    options.setdefault("base_url", sandbox.base_url)
    if mode.is_async:
        client: OneScp | AsyncOneScp = AsyncOneScp(
            http_client=sandbox.async_http_client(), **options
        )
    else:
        client = OneScp(http_client=sandbox.http_client(), **options)
    client._sleep = mode.sleeper()
    return client


@pytest.fixture
def client(mode: Mode, sandbox: OneScpSandbox) -> OneScp:
    return make_client(mode, sandbox)  # type: ignore[return-value]


def last(sandbox: OneScpSandbox) -> SandboxRequest:
    return sandbox.requests[-1]


def sent(request: SandboxRequest) -> Any:
    """The JSON body of a request."""
    assert request.header("content-type") == "application/json"
    return json.loads(request.body)


def form(request: SandboxRequest) -> tuple[dict[str, str], dict[str, tuple[str, str, bytes]]]:
    """``(fields, files)`` of a multipart request, read with the stdlib email parser."""
    content_type = request.header("content-type") or ""
    assert content_type.startswith("multipart/form-data; boundary=")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + request.body
    )
    fields: dict[str, str] = {}
    files: dict[str, tuple[str, str, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        assert isinstance(name, str)
        assert isinstance(payload, bytes)
        filename = part.get_filename()
        if filename is None:
            fields[name] = payload.decode()
        else:
            files[name] = (filename, part.get_content_type(), payload)
    return fields, files
