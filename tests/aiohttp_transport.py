"""A pytest plugin that runs every async client of the session on the aiohttp transport.

    python -m pytest -p tests.aiohttp_transport tests/core tests/onescp

It sets ``SUPPLYCHAIN_SDK_ASYNC_TRANSPORT=aiohttp`` before any client exists, so every async
client the tests make sends through `AiohttpTransport` (loopback servers, faults, TLS,
streaming, auth flows), and deselects the ``[sync]`` runs of ``mode`` tests (the sync clients
do not change). respx mocks the aiohttp transport the way it mocks httpcore under httpx's
own: a copy of each request is recorded and a mocked route answers in the transport's place.
"""

from __future__ import annotations

import os
from typing import Any

import httpx
import pytest
import respx.mocks

from supplychain_sdk._core.transports import TRANSPORT_ENV, AiohttpTransport
from tests.transport_plugins import deselect

os.environ[TRANSPORT_ENV] = "aiohttp"


class TransportMocker(respx.mocks.HTTPCoreMocker):
    """respx's httpcore mocker that also stands in for `AiohttpTransport`."""

    name = "supplychain_sdk_transports"
    targets = [
        *respx.mocks.HTTPCoreMocker.targets,
        f"{AiohttpTransport.__module__}.{AiohttpTransport.__name__}",
    ]

    @classmethod
    def to_httpx_request(cls, **kwargs: Any) -> httpx.Request:
        request = kwargs["request"]
        if not isinstance(request, httpx.Request):
            return super().to_httpx_request(**kwargs)  # type: ignore[no-any-return]
        return httpx.Request(  # a copy: the auth flow may change the original afterwards
            request.method,
            request.url,
            headers=request.headers,
            stream=request.stream,
            extensions=request.extensions,
        )

    @classmethod
    async def from_async_httpx_response(
        cls, httpx_response: httpx.Response, target: Any, **kwargs: Any
    ) -> Any:
        if isinstance(target, AiohttpTransport):
            return httpx.Response(
                status_code=httpx_response.status_code,
                headers=httpx_response.headers.raw,
                stream=httpx_response.stream,
                extensions=httpx_response.extensions,
            )
        return await super().from_async_httpx_response(httpx_response, target, **kwargs)


respx.mocks.DEFAULT_MOCKER = TransportMocker.name


def pytest_report_header() -> str:
    """Say which transport the async clients use."""
    return f"async clients on the aiohttp transport ({TRANSPORT_ENV}=aiohttp)"


#: Tests that look inside httpx's own transport (its httpcore pool); their aiohttp
#: counterparts are in tests/core/test_transports.py.
HTTPX_INTERNALS = frozenset(
    {
        "tests/core/test_client.py::test_clients_share_one_ssl_context[AsyncAPIClient]",
        # the normal run's own nested run of the sync half on urllib3
        "tests/core/test_sync_transport.py::test_sync_suite_passes_on_the_urllib3_transport",
    }
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the sync runs of ``mode`` tests (only async clients change transport) and
    the tests of httpx's transport internals."""
    deselect(config, items, other_mode="sync", nodeids=HTTPX_INTERNALS)


@pytest.fixture(autouse=True)
def _aiohttp_transport_stays_on() -> None:
    """A test that changed the environment does not switch the rest of the run back."""
    os.environ[TRANSPORT_ENV] = "aiohttp"
