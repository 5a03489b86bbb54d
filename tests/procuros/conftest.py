"""Procuros fixtures: a sandbox, and sync/async clients whose every exchange is contract-checked."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from supplychain_sdk.procuros import AsyncProcuros, Procuros
from supplychain_sdk.sandbox.procuros import ProcurosSandbox
from tests.conftest import Mode
from tests.procuros.contract import ContractTransport

TOKEN = ProcurosSandbox.DEFAULT_TOKEN


@pytest.fixture
def sandbox() -> ProcurosSandbox:
    return ProcurosSandbox()


def make_client(mode: Mode, sandbox: ProcurosSandbox, **options: Any) -> Procuros | AsyncProcuros:
    transport = ContractTransport(sandbox.transport())
    cls = AsyncProcuros if mode.is_async else Procuros
    http = (
        httpx.AsyncClient(transport=transport)
        if mode.is_async
        else httpx.Client(transport=transport)
    )
    options.setdefault("api_token", TOKEN)
    client = cls(base_url=sandbox.base_url, http_client=http, **options)
    client._sleep = mode.sleeper()
    return client


@pytest.fixture
def client(mode: Mode, sandbox: ProcurosSandbox) -> Procuros | AsyncProcuros:
    return make_client(mode, sandbox)
