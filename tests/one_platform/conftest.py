"""Fixtures of the ONe tests: clients on a respx mock or on the sandbox, sync or async."""

from __future__ import annotations

from typing import Any

import pytest

from supplychain_sdk.one_platform import AsyncOnePlatform, OnePlatform
from supplychain_sdk.sandbox.one_platform import OnePlatformSandbox
from tests.conftest import Mode

BASE = "https://one.example.test"
TOKEN = "tok-123"


def make_client(mode: Mode, **options: Any) -> OnePlatform | AsyncOnePlatform:
    """A client on ``BASE`` with ``TOKEN``, no retries unless asked, a recording sleep."""
    options.setdefault("token", TOKEN)
    options.setdefault("max_retries", 0)
    base = options.pop("base_url", BASE)
    client: OnePlatform | AsyncOnePlatform = (
        AsyncOnePlatform(base, **options) if mode.is_async else OnePlatform(base, **options)
    )
    client._sleep = mode.sleeper()
    return client


def sandbox_client(
    mode: Mode, sandbox: OnePlatformSandbox, **options: Any
) -> OnePlatform | AsyncOnePlatform:
    """A client mounted on ``sandbox`` (sync or async), with a recording sleep."""
    client = sandbox.async_client(**options) if mode.is_async else sandbox.client(**options)
    client._sleep = mode.sleeper()
    return client


@pytest.fixture
def sandbox() -> OnePlatformSandbox:
    return OnePlatformSandbox()
