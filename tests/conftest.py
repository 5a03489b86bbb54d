"""Shared fixtures: run every behaviour against the sync and the async client."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest

from supplychain_sdk._core import AsyncAPIClient, ClientConfig, SyncAPIClient

#: slow subprocess checks run beside the suite (`@pytest.mark.background`)
pytest_plugins = ["tests.background"]

BASE = "https://api.example.test"


class Mode:
    """Builds sync or async clients and runs their calls the same way in tests."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.is_async = name == "async"
        self.sleeps: list[float] = []

    def client(self, **options: Any) -> SyncAPIClient | AsyncAPIClient:
        options.setdefault("base_url", BASE)
        config = ClientConfig(**options)
        client: SyncAPIClient | AsyncAPIClient = (
            AsyncAPIClient(config) if self.is_async else SyncAPIClient(config)
        )
        client._sleep = self.sleeper()
        return client

    def sleeper(self) -> Callable[[float], Any]:
        if self.is_async:

            async def sleep(seconds: float) -> None:
                self.sleeps.append(seconds)

            return sleep

        def sync_sleep(seconds: float) -> None:
            self.sleeps.append(seconds)

        return sync_sleep

    async def __call__(self, value: Any) -> Any:
        """Await ``value`` if the client is async."""
        if inspect.isawaitable(value):
            return await value
        return value

    async def collect(self, iterable: Any) -> list[Any]:
        if hasattr(iterable, "__aiter__"):
            return [item async for item in iterable]
        return list(iterable)

    async def close(self, client: Any) -> None:
        await self(client.close())


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> Mode:
    return Mode(request.param)


def mock(**kwargs: Any) -> Any:
    """A respx router on the test base URL that does not insist every route was called."""
    import respx

    kwargs.setdefault("base_url", BASE)
    kwargs.setdefault("assert_all_called", False)
    return respx.mock(**kwargs)
