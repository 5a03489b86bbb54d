"""A pytest plugin that runs every sync client of the session on the urllib3 transport.

    python -m pytest -p tests.urllib3_transport tests/core tests/onescp

It sets ``SUPPLYCHAIN_SDK_SYNC_TRANSPORT=urllib3`` before any client exists, so every sync
client the tests make sends through `Urllib3Transport` (loopback servers, faults, TLS,
streaming, auth flows), and deselects the ``[async]`` runs of ``mode`` tests (the async
clients do not change). respx mocks the urllib3 transport the way it mocks httpcore under
httpx's own: a copy of each request is recorded and a mocked route answers in the
transport's place.
"""

from __future__ import annotations

import os
from typing import Any

import httpx
import pytest
import respx.mocks

from supplychain_sdk._core.sync_transports import Urllib3Transport
from supplychain_sdk._core.transports import SYNC_TRANSPORT_ENV
from tests.transport_plugins import deselect

os.environ[SYNC_TRANSPORT_ENV] = "urllib3"


class SyncTransportMocker(respx.mocks.HTTPCoreMocker):
    """respx's httpcore mocker that also stands in for `Urllib3Transport`."""

    name = "supplychain_sdk_sync_transports"
    targets = [
        *respx.mocks.HTTPCoreMocker.targets,
        f"{Urllib3Transport.__module__}.{Urllib3Transport.__name__}",
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
    def from_sync_httpx_response(
        cls, httpx_response: httpx.Response, target: Any, **kwargs: Any
    ) -> Any:
        if isinstance(target, Urllib3Transport):
            return httpx.Response(
                status_code=httpx_response.status_code,
                headers=httpx_response.headers.raw,
                stream=httpx_response.stream,
                extensions=httpx_response.extensions,
            )
        return super().from_sync_httpx_response(httpx_response, target, **kwargs)


respx.mocks.DEFAULT_MOCKER = SyncTransportMocker.name


def pytest_report_header() -> str:
    """Say which transport the sync clients use."""
    return f"sync clients on the urllib3 transport ({SYNC_TRANSPORT_ENV}=urllib3)"


#: Tests that look inside httpx's own transport (its httpcore pool; their urllib3
#: counterparts are in tests/core/test_sync_transport.py); the benchmarks' smoke run, which
#: picks each client's transport itself and answers its in-process section from httpx's own
#: transport. They all run in the normal suite.
HTTPX_INTERNALS = frozenset(
    {
        "tests/core/test_client.py::test_clients_share_one_ssl_context[SyncAPIClient]",
        "tests/benchmarks/test_smoke.py::test_every_section_runs_in_smoke_mode",
        # the normal run's own nested run of the async half on aiohttp
        "tests/core/test_transports.py::test_async_suite_passes_on_the_aiohttp_transport",
    }
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the async runs of ``mode`` tests (only sync clients change transport) and
    the tests of httpx's transport internals."""
    deselect(config, items, other_mode="async", nodeids=HTTPX_INTERNALS)


@pytest.fixture(autouse=True)
def _urllib3_transport_stays_on() -> None:
    """A test that changed the environment does not switch the rest of the run back."""
    os.environ[SYNC_TRANSPORT_ENV] = "urllib3"
