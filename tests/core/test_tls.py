"""TLS: ``verify=`` (a CA bundle path or an SSLContext) against a loopback HTTPS server with a
trustme certificate; an untrusted certificate is a typed error that names the cause."""

from __future__ import annotations

import json
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import trustme

from supplychain_sdk._core import (
    APIConnectionError,
    AsyncAPIClient,
    ClientConfig,
    InvalidRequestError,
    OAuth2ClientCredentials,
    SyncAPIClient,
)
from tests.conftest import Mode


class Handler(BaseHTTPRequestHandler):
    seen: list[str] = []

    def _answer(self, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self.seen.append(f"GET {self.path} {self.headers.get('Authorization')}")
        self._answer({"path": self.path})

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.seen.append(f"POST {self.path}")
        self._answer({"access_token": "tls-token", "expires_in": 3600})

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def https_url(ca: trustme.CA) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://localhost:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def ca_file(ca: trustme.CA, tmp_path: Path) -> Path:
    path = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return path


def make(mode: Mode, **options: Any) -> SyncAPIClient | AsyncAPIClient:
    cls = AsyncAPIClient if mode.is_async else SyncAPIClient
    client = cls(ClientConfig(**options))
    client._sleep = mode.sleeper()
    return client


async def test_trusted_ca_bundle_path_with_a_token_request_over_tls(
    mode: Mode, https_url: str, ca_file: Path
) -> None:
    Handler.seen.clear()
    auth = OAuth2ClientCredentials("/oauth/token", "cid", "secret")
    for verify in (str(ca_file), ca_file):  # a str or a PathLike
        client = make(mode, base_url=https_url, verify=verify, auth=auth)
        assert await mode(client.request("GET", "/orders")) == {"path": "/orders"}
        await mode.close(client)
    assert Handler.seen == [
        "POST /oauth/token",
        "GET /orders Bearer tls-token",
        "GET /orders Bearer tls-token",
    ]


async def test_trusted_ssl_context(mode: Mode, https_url: str, ca: trustme.CA) -> None:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    client = make(mode, base_url=https_url, verify=context)
    assert await mode(client.request("GET", "/a")) == {"path": "/a"}
    await mode.close(client)


async def test_untrusted_certificate_is_a_typed_error_naming_tls(
    mode: Mode, https_url: str
) -> None:
    client = make(mode, base_url=https_url)  # the system CAs do not know the test CA
    with pytest.raises(APIConnectionError) as caught:
        await mode(client.request("GET", "/a"))
    await mode.close(client)
    message = str(caught.value)
    assert message.startswith("TLS certificate verification failed (")
    assert "CERTIFICATE_VERIFY_FAILED" in message
    assert "pass verify=<CA bundle path or ssl.SSLContext>" in message
    assert caught.value.retryable is False
    assert mode.sleeps == []  # not retried: retrying cannot help
    assert caught.value.__context__ is None


def test_verify_is_a_client_option_of_every_platform() -> None:
    from supplychain_sdk._core.config import ClientOptions

    assert "verify" in ClientOptions.__annotations__


def test_bad_verify_values_are_refused_when_the_config_is_built(tmp_path: Path) -> None:
    base = "https://api.example.test"
    with pytest.raises(InvalidRequestError, match="verify=False is not supported"):
        ClientConfig(base_url=base, verify=False)
    with pytest.raises(InvalidRequestError, match="cannot load the CA bundle"):
        ClientConfig(base_url=base, verify=str(tmp_path / "missing.pem"))
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("not a certificate")
    with pytest.raises(InvalidRequestError, match="cannot load the CA bundle"):
        ClientConfig(base_url=base, verify=str(garbage))
    with pytest.raises(InvalidRequestError, match="verify must be True"):
        ClientConfig(base_url=base, verify=1)  # type: ignore[arg-type]


async def test_verify_with_an_injected_client_or_on_a_derived_client_is_refused(
    mode: Mode, ca_file: Path
) -> None:
    import httpx

    base = "https://api.example.test"
    http = httpx.AsyncClient() if mode.is_async else httpx.Client()
    with pytest.raises(InvalidRequestError, match="with http_client=, set verify"):
        ClientConfig(base_url=base, verify=str(ca_file), http_client=http)
    client = make(mode, base_url=base)
    with pytest.raises(InvalidRequestError, match="verify cannot change on a derived client"):
        client.with_options(verify=str(ca_file))
    await mode.close(client)
    await mode(http.aclose() if mode.is_async else http.close())  # type: ignore[union-attr]


def test_one_context_per_bundle_path_and_the_shared_default(ca_file: Path) -> None:
    from supplychain_sdk._core.config import shared_ssl_context

    base = "https://api.example.test"
    first = ClientConfig(base_url=base, verify=str(ca_file)).ssl_context()
    assert ClientConfig(base_url=base, verify=str(ca_file)).ssl_context() is first
    assert first.verify_mode is ssl.CERT_REQUIRED
    assert first.check_hostname is True
    assert ClientConfig(base_url=base).ssl_context() is shared_ssl_context()
