"""The urllib3 transport of sync clients: choosing it, and that it keeps every rule.

Raw loopback servers (a thread per connection, plain sockets) see exactly what arrives and
fail exactly where a test needs: refused connections, resets after the request was read,
stalls before the TLS handshake, bodies never read, truncated answers. Failures are checked
twice: the exact httpx exception the transport raises (what the SDK's retry rules read) and
the SDK error a client makes of it. The whole sync suite also runs on this transport with
``pytest -p tests.urllib3_transport``.
"""

from __future__ import annotations

import gzip
import io
import socket
import ssl
import struct
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
import trustme

from supplychain_sdk._core import (
    BearerAuth,
    ClientConfig,
    InvalidRequestError,
    Limits,
    RequestSpec,
    SyncAPIClient,
    Timeout,
)
from supplychain_sdk._core.errors import APIConnectionError, APITimeoutError
from supplychain_sdk._core.options import client_config
from supplychain_sdk._core.sync_transports import Urllib3Transport
from supplychain_sdk._core.transports import (
    SYNC_TRANSPORT_ENV,
    TRANSPORT_ENV,
    sync_transport_name,
)
from tests.background import Finished
from tests.conftest import Mode
from tests.transport_plugins import nested_run

Handler = Callable[[socket.socket], None]
OK = b'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{"ok":true}'


class Server:
    """A loopback server running ``handler`` on every connection, each in its own thread."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.opened = 0
        self.threads: list[threading.Thread] = []
        self.accepting = threading.Thread(target=self._accept, daemon=True)
        self.accepting.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.opened += 1
            thread = threading.Thread(target=self._run, args=(conn,), daemon=True)
            self.threads.append(thread)
            thread.start()

    def _run(self, conn: socket.socket) -> None:
        try:
            self.handler(conn)
        except OSError:
            pass
        finally:
            conn.close()

    def stop(self) -> None:
        self.listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        self.listener.close()
        self.accepting.join(5)
        for thread in self.threads:
            thread.join(5)


@contextmanager
def serving(handler: Handler) -> Iterator[Server]:
    server = Server(handler)
    try:
        yield server
    finally:
        server.stop()


def read_request(reader: io.BufferedReader) -> tuple[bytes, bytes]:
    """The head and the body of one request (Content-Length or chunked); ``(b"", b"")`` when
    the client closed the connection."""
    head = b""
    while not head.endswith(b"\r\n\r\n"):
        line = reader.readline()
        if not line:
            return b"", b""
        head += line
    lines = head.lower().split(b"\r\n")
    if b"transfer-encoding: chunked" in lines:
        body = b""
        while True:
            line = reader.readline()
            if not line:  # the client gave up midway
                return head, body
            size = int(line.strip(), 16)
            chunk = reader.read(size + 2)[:size]
            if not size:
                return head, body
            body += chunk
    length = 0
    for line in lines:
        if line.startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    return head, reader.read(length) if length else b""


def reset(conn: socket.socket) -> None:
    """Close with a TCP reset (RST), not an orderly FIN."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def answer_all(conn: socket.socket, answer: bytes = OK) -> None:
    """Answer every request of a keep-alive connection with ``answer``."""
    reader = conn.makefile("rb")
    while read_request(reader)[0]:
        conn.sendall(answer)


def headers_of(head: bytes) -> list[tuple[str, str]]:
    lines = head.decode("latin-1").split("\r\n")[1:]
    return [
        (k.strip().lower(), v.strip()) for k, _, v in (line.partition(":") for line in lines) if k
    ]


def sync_client(**options: Any) -> SyncAPIClient:
    mode = Mode("sync")
    options.setdefault("max_retries", 2)
    client = mode.client(sync_transport="urllib3", **options)
    assert isinstance(client, SyncAPIClient)
    client.sleeps = mode.sleeps  # type: ignore[attr-defined]
    return client


def http(**options: Any) -> httpx.Client:
    """httpx on the transport alone (no SDK): the exact exception classes it raises."""
    limits = options.pop("limits", httpx.Limits())
    return httpx.Client(transport=Urllib3Transport(limits=limits), **options)


# -- choosing the transport -----------------------------------------------------------------


def test_transport_name_from_option_then_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SYNC_TRANSPORT_ENV, raising=False)
    assert sync_transport_name(None) == "httpx"
    assert sync_transport_name("urllib3") == "urllib3"
    monkeypatch.setenv(SYNC_TRANSPORT_ENV, " URLLIB3 ")
    assert sync_transport_name(None) == "urllib3"
    assert sync_transport_name("httpx") == "httpx"  # the option wins
    monkeypatch.setenv(SYNC_TRANSPORT_ENV, "requests")
    with pytest.raises(
        InvalidRequestError, match=f"{SYNC_TRANSPORT_ENV} must be one of httpx, urllib3"
    ):
        sync_transport_name(None)


def test_unknown_or_mistyped_transport_refused_when_configured() -> None:
    with pytest.raises(InvalidRequestError, match="sync_transport must be one of httpx, urllib3"):
        ClientConfig(base_url="https://api.example.test", sync_transport="curl")  # type: ignore[arg-type]
    with pytest.raises(InvalidRequestError) as caught:
        client_config(SyncAPIClient, base_url="https://api.example.test", sync_transport=3)
    message = "SyncAPIClient: sync_transport must be 'httpx' or 'urllib3', got 3"
    assert str(caught.value) == message
    assert caught.value.field_errors == {"sync_transport": [message]}


def test_missing_extra_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("supplychain_sdk._core.transports.urllib3_available", lambda: False)
    with pytest.raises(InvalidRequestError, match=r'pip install "supplychain-sdk\[urllib3\]"'):
        sync_transport_name("urllib3")
    with pytest.raises(InvalidRequestError, match=r"supplychain-sdk\[urllib3\]"):
        ClientConfig(base_url="https://api.example.test", sync_transport="urllib3")


async def test_clients_use_the_transport_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    from supplychain_sdk._core import AsyncAPIClient
    from supplychain_sdk._core.transports import TRANSPORT_ENV

    monkeypatch.delenv(SYNC_TRANSPORT_ENV, raising=False)
    monkeypatch.delenv(TRANSPORT_ENV, raising=False)
    base = "https://api.example.test"
    on_urllib3 = SyncAPIClient(ClientConfig(base_url=base, sync_transport="urllib3"))
    on_httpx = SyncAPIClient(ClientConfig(base_url=base))
    assert isinstance(on_urllib3._http._transport, Urllib3Transport)
    assert isinstance(on_httpx._http._transport, httpx.HTTPTransport)
    monkeypatch.setenv(SYNC_TRANSPORT_ENV, "urllib3")
    from_env = SyncAPIClient(ClientConfig(base_url=base))
    assert isinstance(from_env._http._transport, Urllib3Transport)
    explicit = SyncAPIClient(ClientConfig(base_url=base, sync_transport="httpx"))
    assert isinstance(explicit._http._transport, httpx.HTTPTransport)
    # async clients do not read the sync setting
    on_async = AsyncAPIClient(ClientConfig(base_url=base, sync_transport="urllib3"))
    assert isinstance(on_async._http._transport, httpx.AsyncHTTPTransport)
    for client in (on_urllib3, on_httpx, from_env, explicit):
        client.close()
    await on_async.close()


def test_platform_clients_take_the_option(monkeypatch: pytest.MonkeyPatch) -> None:
    from supplychain_sdk.procuros import Procuros

    monkeypatch.delenv(SYNC_TRANSPORT_ENV, raising=False)
    with Procuros("token", sync_transport="urllib3") as client:
        assert isinstance(client._http._transport, Urllib3Transport)
    with pytest.raises(InvalidRequestError) as caught:
        Procuros("token", sync_transprt="urllib3")  # type: ignore[call-arg]
    assert str(caught.value) == (
        "Procuros: unknown option 'sync_transprt' (did you mean 'sync_transport'?)"
    )


def test_clients_share_one_ssl_context() -> None:
    config = ClientConfig(base_url="https://api.example.test", sync_transport="urllib3")
    first, second = SyncAPIClient(config), SyncAPIClient(config)
    contexts = [c._http._transport._ssl for c in (first, second)]  # type: ignore[attr-defined]
    assert contexts[0] is contexts[1] is config.ssl_context()
    first.close()
    second.close()


def test_derived_client_cannot_change_transport() -> None:
    client = SyncAPIClient(ClientConfig(base_url="https://api.example.test"))
    with pytest.raises(InvalidRequestError, match="sync_transport cannot change on a derived"):
        client.with_options(sync_transport="urllib3")
    client.close()


def test_unsupported_scheme_refused() -> None:
    transport = Urllib3Transport()
    with pytest.raises(httpx.UnsupportedProtocol, match="'ftp://'"):
        transport.handle_request(httpx.Request("GET", "ftp://127.0.0.1/x"))
    transport.close()


# -- what is sent and received ----------------------------------------------------------------


def test_request_arrives_exactly_and_answer_is_read() -> None:
    seen: list[tuple[bytes, bytes]] = []

    def handler(conn: socket.socket) -> None:
        seen.append(read_request(conn.makefile("rb")))
        conn.sendall(
            b"HTTP/1.1 201 Created\r\ncontent-type: application/json\r\n"
            b'x-request-id: r-1\r\ncontent-length: 8\r\n\r\n{"id":1}'
        )

    with serving(handler) as server:
        client = sync_client(base_url=server.url, auth=BearerAuth("tok"))
        answer = client.request(
            "POST", "/a%2Fb/c", params={"q": "x y"}, json={"n": 1}, headers={"X-Extra": "1"}
        )
        client.close()
    assert answer == {"id": 1}
    assert client.last_response is not None
    assert client.last_response.status_code == 201
    assert client.last_response.request_id == "r-1"
    head, body = seen[0]
    assert head.split(b"\r\n")[0] == b"POST /a%2Fb/c?q=x+y HTTP/1.1"  # encoding kept as sent
    headers = dict(headers_of(head))
    assert headers["host"] == f"127.0.0.1:{server.port}"
    assert headers["authorization"] == "Bearer tok"
    assert headers["x-extra"] == "1"
    assert headers["content-type"] == "application/json"
    assert headers["content-length"] == "7"
    assert headers["user-agent"].startswith("supplychain-sdk/")
    assert body == b'{"n":1}'


def test_headers_sent_and_received_as_they_are() -> None:
    seen: list[bytes] = []

    def handler(conn: socket.socket) -> None:
        reader = conn.makefile("rb")
        while head := read_request(reader)[0]:
            seen.append(head)
            conn.sendall(
                b"HTTP/1.1 200 Fine\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\n"
                b"X-Name: caf\xe9\r\ncontent-length: 0\r\n\r\n"
            )

    with serving(handler) as server, http() as client:
        response = client.get(
            server.url + "/h",
            headers=[("X-Dup", "1"), ("x-dup", "2"), ("Accept-Encoding", "identity")],
        )
        client.cookies.clear()
        bare = client.build_request("GET", server.url + "/bare")
        bare.headers.pop("Accept-Encoding", None)
        bare.headers.pop("User-Agent", None)
        client.send(bare)
    assert response.status_code == 200
    assert response.reason_phrase == "Fine"
    assert response.http_version == "HTTP/1.1"
    assert response.headers.raw == [
        (b"Set-Cookie", b"a=1"),
        (b"set-cookie", b"b=2"),
        (b"X-Name", b"caf\xe9"),
        (b"content-length", b"0"),
    ]
    sent = headers_of(seen[0])
    assert [v for k, v in sent if k == "x-dup"] == ["1", "2"]
    assert [v for k, v in sent if k == "accept-encoding"] == ["identity"]
    # neither urllib3 nor http.client adds a header httpx did not send
    assert [k for k, _ in headers_of(seen[1])] == ["host", "accept", "connection"]


def test_line_break_in_a_header_refused_before_anything_is_sent() -> None:
    with serving(answer_all) as server, http() as client:
        with pytest.raises(httpx.LocalProtocolError) as raw:
            client.get(server.url + "/x", headers={"X-Token": "s3cret\r\nX-Injected: 1"})
        assert client.get(server.url + "/x").json() == {"ok": True}
    assert str(raw.value) == "cannot send the header 'X-Token': illegal characters"
    assert server.opened == 1  # only the second request connected


def test_illegal_method_refused_before_anything_is_sent() -> None:
    transport = Urllib3Transport()
    with pytest.raises(httpx.LocalProtocolError) as raw:
        transport.handle_request(httpx.Request("GET /secret-id HTTP/1.1\r\nX:", "http://a.test/"))
    transport.close()
    message = "cannot send the request line: illegal characters in the method or the path"
    assert str(raw.value) == message


def test_compressed_answer_decoded_once_by_httpx() -> None:
    payload = gzip.compress(b'{"items":[1,2,3]}')

    def handler(conn: socket.socket) -> None:
        read_request(conn.makefile("rb"))
        conn.sendall(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\n"
            + f"content-length: {len(payload)}\r\n\r\n".encode()
            + payload
        )

    with serving(handler) as server:
        client = sync_client(base_url=server.url)
        assert client.request("GET", "/z") == {"items": [1, 2, 3]}
        client.close()


def test_chunked_request_body_from_a_stream() -> None:
    seen: list[tuple[bytes, bytes]] = []

    def handler(conn: socket.socket) -> None:
        seen.append(read_request(conn.makefile("rb")))
        conn.sendall(OK)

    def parts() -> Iterator[bytes]:
        yield b"first,"
        yield b""
        yield b"second"

    with serving(handler) as server, http() as client:
        response = client.post(server.url + "/up", content=parts())
    assert response.json() == {"ok": True}
    head, body = seen[0]
    assert b"transfer-encoding: chunked" in head.lower()
    assert b"content-length" not in head.lower()
    assert body == b"first,second"


def test_failing_request_stream_raises_its_own_error() -> None:
    def handler(conn: socket.socket) -> None:
        answer_all(conn)

    def parts() -> Iterator[bytes]:
        yield b"part"
        raise LookupError("the source broke")

    with serving(handler) as server, http() as client:
        with pytest.raises(LookupError, match="the source broke"):
            client.post(server.url + "/up", content=parts())
        assert client.get(server.url + "/after").json() == {"ok": True}  # the slot came back
    assert server.opened == 2  # the half-sent connection was not reused


def test_multipart_upload_streams_whole_body() -> None:
    seen: list[tuple[bytes, bytes]] = []

    def handler(conn: socket.socket) -> None:
        seen.append(read_request(conn.makefile("rb")))
        conn.sendall(OK)

    payload = b"x" * 200_000
    with serving(handler) as server:
        client = sync_client(base_url=server.url)
        client.request(
            "POST", "/upload", data={"kind": "pdf"}, files={"file": ("a.pdf", io.BytesIO(payload))}
        )
        client.close()
    head, body = seen[0]
    assert b"multipart/form-data; boundary=" in head
    assert payload in body
    assert b'name="kind"' in body
    assert b"transfer-encoding" not in head.lower()


def test_streamed_download_into_a_sink() -> None:
    chunk = b"0123456789" * 10_000

    def handler(conn: socket.socket) -> None:
        read_request(conn.makefile("rb"))
        conn.sendall(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\n"
            + f"content-length: {len(chunk) * 5}\r\n\r\n".encode()
        )
        for _ in range(5):
            conn.sendall(chunk)

    sink = io.BytesIO()
    with serving(handler) as server:
        client = sync_client(base_url=server.url)
        response, body = client._send(RequestSpec(method="GET", path="/f"), sink)
        client.close()
    assert body is None
    assert response.status_code == 200
    assert sink.getvalue() == chunk * 5


def test_download_is_streamed_not_preloaded_and_early_close_discards_the_connection() -> None:
    first_read = threading.Event()

    def handler(conn: socket.socket) -> None:
        reader = conn.makefile("rb")
        while head := read_request(reader)[0]:
            if not head.startswith(b"GET /s "):
                conn.sendall(OK)
                continue
            conn.sendall(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n")
            first_read.wait(5)  # the rest only once the client has the first chunk
            conn.sendall(b"6\r\n world\r\n0\r\n\r\n")

    with serving(handler) as server, http() as client:
        with client.stream("GET", server.url + "/s") as response:
            chunks = response.iter_raw()
            assert next(chunks) == b"hello"  # arrived while the server still held the rest
            first_read.set()
            assert b"".join(chunks) == b" world"
        assert client.get(server.url + "/next").json() == {"ok": True}
        assert server.opened == 1  # read to the end: the connection was reused
        first_read.clear()
        with client.stream("GET", server.url + "/s") as response:
            assert next(response.iter_raw()) == b"hello"
        first_read.set()
        assert client.get(server.url + "/next").json() == {"ok": True}
    assert server.opened == 2  # closed with a body left unread: that one was not reused


# -- failures keep their meaning ------------------------------------------------------------------


def closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        return int(listener.getsockname()[1])


def test_refused_connection_sent_nothing() -> None:
    base_url = f"http://127.0.0.1:{closed_port()}"
    with http() as client, pytest.raises(httpx.ConnectError) as raw:
        client.get(base_url + "/x")
    assert type(raw.value) is httpx.ConnectError
    assert raw.value.__cause__ is None
    client = sync_client(base_url=base_url)
    with pytest.raises(APIConnectionError) as caught:
        client.request("POST", "/orders", json={"n": 1})
    assert caught.value.outcome_unknown is False  # nothing was sent
    assert caught.value.retryable is True
    assert "ConnectError" in str(caught.value)
    assert caught.value.__context__ is None
    assert caught.value.__cause__ is None
    with pytest.raises(APIConnectionError):
        client.request("GET", "/orders")
    assert len(client.sleeps) == 2  # type: ignore[attr-defined]  # the GET, retried twice
    client.close()


def test_connect_timeout_in_the_tls_handshake_sent_nothing() -> None:
    release = threading.Event()

    def handler(conn: socket.socket) -> None:
        release.wait(5)  # accepts the TCP connection, never answers the TLS hello

    with serving(handler) as server:
        url = f"https://127.0.0.1:{server.port}/x"
        with (
            http(timeout=httpx.Timeout(5, connect=0.2)) as client,
            pytest.raises(httpx.ConnectTimeout) as raw,
        ):
            client.get(url)
        assert type(raw.value) is httpx.ConnectTimeout
        client = sync_client(
            base_url=f"https://127.0.0.1:{server.port}",
            timeout=Timeout(connect=0.2),
            max_retries=0,
        )
        with pytest.raises(APITimeoutError) as caught:
            client.request("POST", "/orders", json={})
        client.close()
        release.set()
    assert "ConnectTimeout" in str(caught.value)
    assert caught.value.outcome_unknown is False


def test_reset_after_the_request_arrived_is_not_retried_for_post() -> None:
    arrived: list[bytes] = []

    def handler(conn: socket.socket) -> None:
        arrived.append(read_request(conn.makefile("rb"))[1])
        reset(conn)

    with serving(handler) as server:
        with http() as raw_client, pytest.raises(httpx.ReadError) as raw:
            raw_client.post(server.url + "/orders", content=b"raw")
        assert type(raw.value) is httpx.ReadError
        client = sync_client(base_url=server.url)
        with pytest.raises(APIConnectionError) as caught:
            client.request("POST", "/orders", json={"n": 1})
        client.close()
    assert arrived == [b"raw", b'{"n":1}']  # sent once, never twice
    assert caught.value.outcome_unknown is True
    assert client.sleeps == []  # type: ignore[attr-defined]


def test_disconnect_without_an_answer_is_a_protocol_error_retried_for_get() -> None:
    calls: list[int] = []

    def handler(conn: socket.socket) -> None:
        reader = conn.makefile("rb")
        read_request(reader)
        calls.append(1)
        if len(calls) > 2:
            conn.sendall(OK)
        # else: an orderly close, no answer

    with serving(handler) as server:
        with http() as raw_client, pytest.raises(httpx.RemoteProtocolError) as raw:
            raw_client.get(server.url + "/x")
        assert type(raw.value) is httpx.RemoteProtocolError
        client = sync_client(base_url=server.url)
        assert client.request("GET", "/x") == {"ok": True}
        client.close()
    assert len(calls) == 3
    assert len(client.sleeps) == 1  # type: ignore[attr-defined]


def test_connection_the_server_closed_while_idle_is_replaced_not_failed() -> None:
    def handler(conn: socket.socket) -> None:
        read_request(conn.makefile("rb"))
        conn.sendall(OK)  # keep-alive answer, then the server closes the idle connection

    with serving(handler) as server:
        client = sync_client(base_url=server.url)
        assert client.request("POST", "/a", json={}) == {"ok": True}
        for thread in server.threads:
            thread.join(5)  # the server has closed it
        assert client.request("POST", "/b", json={}) == {"ok": True}
        client.close()
    assert server.opened == 2
    assert client.sleeps == []  # type: ignore[attr-defined]  # not a failure, not a retry


def test_truncated_body_is_a_protocol_error_retried_for_get() -> None:
    def handler(conn: socket.socket) -> None:
        read_request(conn.makefile("rb"))
        conn.sendall(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 50\r\n\r\n{"
        )

    with serving(handler) as server:
        with http() as raw_client, pytest.raises(httpx.RemoteProtocolError) as raw:
            raw_client.get(server.url + "/x")
        assert type(raw.value) is httpx.RemoteProtocolError
        client = sync_client(base_url=server.url, max_retries=1)
        with pytest.raises(APIConnectionError) as caught:
            client.request("GET", "/x")
        client.close()
    assert caught.value.retryable is True
    assert len(client.sleeps) == 1  # type: ignore[attr-defined]


def test_reset_mid_body_is_a_read_error() -> None:
    def handler(conn: socket.socket) -> None:
        read_request(conn.makefile("rb"))
        conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-length: 50\r\n\r\n{")
        reset(conn)

    with serving(handler) as server, http() as client, pytest.raises(httpx.ReadError) as raw:
        client.get(server.url + "/x")
    assert type(raw.value) is httpx.ReadError


def test_read_timeout_is_a_timeout_error_and_keeps_the_token_out() -> None:
    release = threading.Event()

    def handler(conn: socket.socket) -> None:
        read_request(conn.makefile("rb"))
        release.wait(5)  # no answer until the client gave up

    with serving(handler) as server:
        with (
            http(timeout=httpx.Timeout(5, read=0.2)) as raw_client,
            pytest.raises(httpx.ReadTimeout) as raw,
        ):
            raw_client.get(server.url + "/slow")
        assert type(raw.value) is httpx.ReadTimeout
        client = sync_client(
            base_url=server.url, max_retries=0, timeout=0.2, auth=BearerAuth("s3cret-token")
        )
        with pytest.raises(APITimeoutError) as caught:
            client.request("POST", "/slow", json={})
        client.close()
        release.set()
    assert "ReadTimeout" in str(caught.value)
    assert caught.value.outcome_unknown is True
    assert "s3cret-token" not in f"{caught.value!s} {caught.value!r}"
    assert caught.value.__context__ is None
    assert caught.value.__cause__ is None


def test_write_timeout_when_the_server_reads_nothing() -> None:
    release = threading.Event()

    def handler(conn: socket.socket) -> None:
        release.wait(5)  # never reads: the client's socket buffers fill up

    body = b"x" * (64 * 1024 * 1024)
    with serving(handler) as server:
        with (
            http(timeout=httpx.Timeout(5, write=0.2)) as raw_client,
            pytest.raises(httpx.WriteTimeout) as raw,
        ):
            raw_client.post(server.url + "/big", content=body)
        client = sync_client(base_url=server.url, timeout=Timeout(write=0.2), max_retries=2)
        with pytest.raises(APITimeoutError) as caught:
            client.request("POST", "/big", content=body)
        client.close()
        release.set()
    assert type(raw.value) is httpx.WriteTimeout
    assert "WriteTimeout" in str(caught.value)
    assert caught.value.outcome_unknown is True  # part of it may have arrived
    assert client.sleeps == []  # type: ignore[attr-defined]


def test_pool_timeout_when_every_connection_is_busy() -> None:
    def handler(conn: socket.socket) -> None:
        answer_all(conn)

    with serving(handler) as server:
        client = http(limits=httpx.Limits(max_connections=1), timeout=httpx.Timeout(5, pool=0.2))
        with client.stream("GET", server.url + "/held") as held:
            with pytest.raises(httpx.PoolTimeout) as raw:
                client.get(server.url + "/waits")
            held.read()
        assert client.get(server.url + "/free").json() == {"ok": True}  # released on close
        client.close()
    assert type(raw.value) is httpx.PoolTimeout
    assert server.opened == 1


def test_untrusted_certificate_is_a_connect_error_not_retried(tmp_path: Any) -> None:
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)

    def handler(conn: socket.socket) -> None:
        with context.wrap_socket(conn, server_side=True) as tls:
            answer_all(tls)

    with serving(handler) as server:
        base_url = f"https://127.0.0.1:{server.port}"
        with http() as raw_client, pytest.raises(httpx.ConnectError) as raw:
            raw_client.get(base_url + "/x")
        assert isinstance(raw.value.__cause__, ssl.SSLCertVerificationError)
        client = sync_client(base_url=base_url)
        with pytest.raises(APIConnectionError) as caught:
            client.request("GET", "/x")
        client.close()
        bundle = tmp_path / "ca.pem"
        ca.cert_pem.write_to_path(str(bundle))
        trusted = sync_client(base_url=base_url, verify=str(bundle))
        assert trusted.request("GET", "/x") == {"ok": True}
        trusted.close()
    assert "TLS certificate verification failed" in str(caught.value)
    assert caught.value.retryable is False
    assert client.sleeps == []  # type: ignore[attr-defined]


def test_redirect_not_followed() -> None:
    def handler(conn: socket.socket) -> None:
        read_request(conn.makefile("rb"))
        conn.sendall(
            b"HTTP/1.1 302 Found\r\nlocation: https://elsewhere.example/\r\n"
            b"content-length: 0\r\n\r\n"
        )

    with serving(handler) as server:
        client = sync_client(base_url=server.url)
        with pytest.raises(Exception, match="302") as caught:
            client.request("GET", "/x")
        client.close()
    assert type(caught.value).__name__ != "APIConnectionError"


# -- the pool -------------------------------------------------------------------------------------


@pytest.mark.parametrize("transport", ["httpx", "urllib3"])
def test_connections_kept_at_concurrency(transport: str) -> None:
    """A client used by 16 threads keeps its 16 connections for the next 64 calls."""
    gate = threading.Barrier(16, timeout=5)

    def handler(conn: socket.socket) -> None:
        answer_all(conn)

    with serving(handler) as server:
        client = Mode("sync").client(base_url=server.url, sync_transport=transport)

        def burst(_: int) -> None:
            gate.wait()  # all 16 calls in flight at once
            client.request("GET", "/x")

        with ThreadPoolExecutor(16) as pool:
            for _ in range(4):
                list(pool.map(burst, range(16)))
        client.close()
    assert 1 <= server.opened <= 16


def test_answers_without_a_body_keep_the_connection() -> None:
    def handler(conn: socket.socket) -> None:
        reader = conn.makefile("rb")
        while head := read_request(reader)[0]:
            if head.startswith(b"HEAD"):
                conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-length: 99\r\n\r\n")
            else:
                conn.sendall(b"HTTP/1.1 204 No Content\r\n\r\n")

    with serving(handler) as server, http() as client:
        assert client.head(server.url + "/h").headers["content-length"] == "99"
        assert client.delete(server.url + "/d").status_code == 204
        with client.stream("DELETE", server.url + "/d") as response:
            assert response.status_code == 204  # closed without reading: nothing to read
        assert client.head(server.url + "/h").status_code == 200
    assert server.opened == 1


# -- reading answers' heads as httpx's own transport does --------------------------------------
# (the answer sent, then what both transports make of it: the status, reason, headers and
# body of the answer, or the httpx exception)
_OK2 = b"content-length: 2\r\n\r\nok"
Outcome = tuple[int, bytes, list[tuple[str, str]], bytes] | type[Exception]
ODD_HEADS: dict[str, tuple[bytes, Outcome]] = {
    "folded header joined by a space": (
        b"HTTP/1.1 200 OK\r\nx-a: one\r\n  two\r\n" + _OK2,
        (200, b"OK", [("x-a", "one two"), ("content-length", "2")], b"ok"),
    ),
    "tabs and spaces around a value": (
        b"HTTP/1.1 200 OK\r\nx-a:\tb c\t\r\nx-b:\r\n" + _OK2,
        (200, b"OK", [("x-a", "b c"), ("x-b", ""), ("content-length", "2")], b"ok"),
    ),
    "latin-1 in a value and the reason, kept as sent": (
        b"HTTP/1.1 200  caf\xe9 \r\nx-a: caf\xe9\r\n" + _OK2,
        (200, b" caf\xe9 ", [("x-a", "caf\xe9"), ("content-length", "2")], b"ok"),
    ),
    "line feeds alone": (
        b"HTTP/1.1 200 OK\nx-a: b\ncontent-length: 2\n\nok",
        (200, b"OK", [("x-a", "b"), ("content-length", "2")], b"ok"),
    ),
    "no reason phrase": (b"HTTP/1.1 204\r\n\r\n", (204, b"", [], b"")),
    "repeats of one Content-Length made one": (
        b"HTTP/1.1 200 OK\r\ncontent-length: 2, 2\r\ncontent-length: 2\r\n\r\nok",
        (200, b"OK", [("content-length", "2")], b"ok"),
    ),
    "Chunked in capitals": (
        b"HTTP/1.1 200 OK\r\ntransfer-encoding: Chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
        (200, b"OK", [("transfer-encoding", "chunked")], b"ok"),
    ),
    "interim 100 and 103 answers skipped": (
        b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nlink: </a>\r\n\r\n"
        b"HTTP/1.1 200 OK\r\n" + _OK2,
        (200, b"OK", [("content-length", "2")], b"ok"),
    ),
    "HTTP/1.0 body until the server closes": (
        b"HTTP/1.0 200 OK\r\n\r\nok",
        (200, b"OK", [], b"ok"),
    ),
    "a line that is not a header": (
        b"HTTP/1.1 200 OK\r\nx-a b\r\n" + _OK2,
        httpx.RemoteProtocolError,
    ),
    "a space before the colon": (
        b"HTTP/1.1 200 OK\r\nx-a : b\r\n" + _OK2,
        httpx.RemoteProtocolError,
    ),
    "a folded first line": (b"HTTP/1.1 200 OK\r\n x-a: b\r\n" + _OK2, httpx.RemoteProtocolError),
    "NUL in a value": (b"HTTP/1.1 200 OK\r\nx-a: a\x00b\r\n" + _OK2, httpx.RemoteProtocolError),
    "vertical tab in a value": (
        b"HTTP/1.1 200 OK\r\nx-a: a\x0bb\r\n" + _OK2,
        httpx.RemoteProtocolError,
    ),
    "two Content-Lengths": (
        b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\nok",
        httpx.RemoteProtocolError,
    ),
    "Content-Length not a number": (
        b"HTTP/1.1 200 OK\r\ncontent-length: +2\r\n\r\nok",
        httpx.RemoteProtocolError,
    ),
    "Transfer-Encoding other than chunked": (
        b"HTTP/1.1 200 OK\r\ntransfer-encoding: gzip, chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
        httpx.RemoteProtocolError,
    ),
    "closed in the middle of the head": (
        b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\nx-a: b",
        httpx.RemoteProtocolError,
    ),
    "closed after an interim answer": (b"HTTP/1.1 100 Continue\r\n\r\n", httpx.RemoteProtocolError),
    "not HTTP/1": (b"HTTP/2 200 OK\r\n" + _OK2, httpx.RemoteProtocolError),
    "a status below 100": (b"HTTP/1.1 099 X\r\n" + _OK2, httpx.RemoteProtocolError),
}


def _outcome(client: httpx.Client, url: str) -> Outcome:
    try:
        answer = client.get(url)
    except httpx.HTTPError as exc:
        return type(exc)
    reason = answer.extensions["reason_phrase"]
    return answer.status_code, reason, list(answer.headers.items()), answer.content


@pytest.mark.parametrize("case", ODD_HEADS)
def test_answer_heads_read_as_httpx_reads_them(case: str) -> None:
    answer, expected = ODD_HEADS[case]

    def handler(conn: socket.socket) -> None:
        read_request(conn.makefile("rb"))
        conn.sendall(answer)
        conn.shutdown(socket.SHUT_WR)

    with serving(handler) as server:
        with http() as on_urllib3:
            got = _outcome(on_urllib3, server.url + "/x")
        with httpx.Client() as on_httpx:
            reference = _outcome(on_httpx, server.url + "/x")
    assert got == expected
    assert reference == expected


def test_more_than_100_headers_refused() -> None:
    many = b"".join(b"x-%d: v\r\n" % n for n in range(101))

    def handler(conn: socket.socket) -> None:
        read_request(conn.makefile("rb"))
        conn.sendall(b"HTTP/1.1 200 OK\r\n" + many + _OK2)

    with (
        serving(handler) as server,
        http() as client,
        pytest.raises(httpx.RemoteProtocolError, match="more than 100 headers"),
    ):
        client.get(server.url + "/x")


def test_idle_connections_expire() -> None:
    def handler(conn: socket.socket) -> None:
        answer_all(conn)

    with serving(handler) as server:
        kept = sync_client(base_url=server.url)
        for _ in range(3):
            kept.request("GET", "/x")
        kept.close()
        assert server.opened == 1
        expiring = sync_client(base_url=server.url, limits=Limits(keepalive_expiry=0.0))
        for _ in range(3):
            expiring.request("GET", "/x")
        expiring.close()
    assert server.opened == 4  # every call after an idle moment: a new connection


# every sync client on urllib3; async clients stay on httpx, as this run's respx mocks only
# what the urllib3 plugin mocks
@pytest.mark.background(
    nested_run("tests.urllib3_transport"),
    env={TRANSPORT_ENV: None, SYNC_TRANSPORT_ENV: "urllib3"},
)
def test_sync_suite_passes_on_the_urllib3_transport(
    background: Finished,
) -> None:
    """The nested run passed, and the plugin left its [async] runs out."""
    assert background.returncode == 0, background.output()
    assert " passed" in background.stdout
    assert " deselected" in background.stdout
