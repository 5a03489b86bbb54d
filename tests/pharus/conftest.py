"""Pharus fixtures: a sandbox on a fixed clock, and sync/async clients mounted on it."""

from __future__ import annotations

from typing import Any

import pytest

from supplychain_sdk.pharus import AsyncPharus, Pharus
from supplychain_sdk.sandbox.pharus import PharusSandbox
from tests.conftest import Mode

BASE = "https://pharus.example.test"
TOKEN = "pat_test_token"
ORG = "00000000-0000-4000-8000-0000000000a1"
#: A well-formed id for exact-request tests.
ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"


class Clock:
    """The sandbox's time: fixed, moved on demand."""

    def __init__(self) -> None:
        self.now = 1_767_225_600.0  # 2026-01-01T00:00:00Z

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sandbox(clock: Clock) -> PharusSandbox:
    return PharusSandbox(clock=clock)


def make_client(mode: Mode, sandbox: PharusSandbox, **options: Any) -> Pharus | AsyncPharus:
    """A client on ``sandbox`` signed in as the default org's owner (no real sleeps)."""
    client = sandbox.async_client(**options) if mode.is_async else sandbox.client(**options)
    client._sleep = mode.sleeper()
    return client  # type: ignore[no-any-return]


def plain_client(mode: Mode, **options: Any) -> Pharus | AsyncPharus:
    """A client on ``BASE`` for respx tests (token and org set, no retries)."""
    options.setdefault("token", TOKEN)
    options.setdefault("org_id", ORG)
    options.setdefault("base_url", BASE)
    options.setdefault("max_retries", 0)
    client = AsyncPharus(**options) if mode.is_async else Pharus(**options)
    client._sleep = mode.sleeper()
    return client
