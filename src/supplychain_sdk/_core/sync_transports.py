"""`Urllib3Transport`: an ``httpx`` sync transport on ``urllib3`` connection pools.

``sync_transport="urllib3"`` (or ``SUPPLYCHAIN_SDK_SYNC_TRANSPORT=urllib3``) makes a sync
client send through it: the same ``httpx.Client`` API above it (auth flows, timeouts,
streaming), with about a third less time per call on loopback than httpx's own pool. It
needs the ``urllib3`` extra: ``pip install "supplychain-sdk[urllib3]"``. This module imports
urllib3; the clients import it only when that transport is chosen.

urllib3 holds the pools and makes the connections (socket options, TLS handshake and
hostname check, spotting a connection the server closed while idle); the transport writes
the request exactly as httpx built it and reads the answer with http.client's parser
(urllib3's ``urlopen`` and its response wrapper are not used), so every phase keeps httpx's
timeout and its exception:

- waiting for a free connection: ``pool`` timeout, `httpx.PoolTimeout`;
- connecting (TCP and TLS handshake): ``connect`` timeout, `httpx.ConnectTimeout` or
  `httpx.ConnectError` (refused, DNS, untrusted certificate) -- nothing was sent;
- sending the request: ``write`` timeout per socket write, `httpx.WriteTimeout`; a reset while
  sending is not final (the server may have answered early, as httpx's own pool allows);
- the answer: ``read`` timeout per socket read, `httpx.ReadTimeout`; a disconnect before the
  status line is `httpx.RemoteProtocolError`, a reset `httpx.ReadError`, a truncated body
  `httpx.RemoteProtocolError` -- the request may have arrived, so a write is not resent.

Nothing here retries or follows a redirect (the SDK's retry policy alone decides), and
nothing decodes: bodies arrive as sent and httpx decodes ``Content-Encoding`` as it does on
its own pool. Mapped exceptions chain to nothing but a certificate error, so no
urllib3 object holding the request is kept in a traceback.
"""

from __future__ import annotations

import http.client
import io
import re
import socket
import ssl
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, cast

import httpx
import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, EmptyPoolError, NewConnectionError

__all__ = ["Urllib3Transport"]

#: Bytes asked of the socket per read of a streamed answer.
CHUNK_SIZE = 64 * 1024
_DEFAULT_PORTS = {"http": 80, "https": 443}


class _Connection(HTTPConnection):
    """A plain connection that remembers when it was last put back in the pool."""

    idle_since = 0.0


class _TLSConnection(HTTPSConnection):
    """A TLS connection that remembers when it was last put back in the pool."""

    idle_since = 0.0


class _Pool(HTTPConnectionPool):
    ConnectionCls = _Connection


class _TLSPool(HTTPSConnectionPool):
    ConnectionCls = _TLSConnection


_Conn = _Connection | _TLSConnection
_AnyPool = _Pool | _TLSPool


class _SourceFailed(Exception):
    """The caller's request body stream raised (not the network): re-raised as it was."""

    def __init__(self, error: Exception) -> None:
        super().__init__(error)
        self.error = error


def _source(stream: Iterable[bytes]) -> Iterator[bytes]:
    try:
        yield from stream
    except Exception as exc:
        raise _SourceFailed(exc) from exc


def _certificate_error(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return None
        if isinstance(seen, ssl.SSLCertVerificationError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _connect_failure(exc: BaseException, request: httpx.Request) -> httpx.RequestError:
    """The httpx exception for a failure while connecting: nothing was sent."""
    message = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, ConnectTimeoutError) and not isinstance(exc, NewConnectionError):
        return httpx.ConnectTimeout(message, request=request)
    if isinstance(exc, TimeoutError):  # the TLS handshake ran out of the connect timeout
        return httpx.ConnectTimeout(message, request=request)
    mapped = httpx.ConnectError(message, request=request)
    untrusted = _certificate_error(exc)
    if untrusted is not None:  # the failure's own ssl error: it holds no request
        mapped.__cause__ = untrusted
    return mapped


def _response_failure(exc: BaseException, request: httpx.Request) -> httpx.RequestError:
    """The httpx exception for a failure after the request may have left."""
    message = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, TimeoutError):
        return httpx.ReadTimeout(message, request=request)
    if isinstance(exc, http.client.RemoteDisconnected):
        return httpx.RemoteProtocolError(
            f"Server disconnected without sending a response ({message})", request=request
        )
    if isinstance(exc, http.client.HTTPException):
        # a status line or header that is not HTTP/1.x, a truncated body or chunk
        return httpx.RemoteProtocolError(message, request=request)
    return httpx.ReadError(message, request=request)  # resets, TLS errors, other socket errors


_TOKEN = re.compile(rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_NOT_IN_VALUE = re.compile(rb"[\r\n\x00]")
_NOT_IN_TARGET = re.compile(rb"[\x00-\x20\x7f]")
#: Bodies up to this size leave in the same write as the head (one packet on loopback).
_JOIN_LIMIT = 64 * 1024


def _request_head(request: httpx.Request) -> bytes:
    """The request line and headers, exactly as httpx built them (nothing added, order and
    repeats kept).

    Raises:
        httpx.LocalProtocolError: a method, target or header that cannot go on the wire as
            is (a line break in a value would smuggle in another header); nothing is sent.
    """
    method = request.method.encode("ascii", "replace")
    target = request.url.raw_path
    if not _TOKEN.fullmatch(method) or _NOT_IN_TARGET.search(target):
        raise httpx.LocalProtocolError(  # neither is quoted: a path may hold a secret id
            "cannot send the request line: illegal characters in the method or the path",
            request=request,
        )
    lines = [b"%s %s HTTP/1.1" % (method, target)]
    for name, value in request.headers.raw:
        if not _TOKEN.fullmatch(name) or _NOT_IN_VALUE.search(value):
            # the name only: the value may be a credential
            raise httpx.LocalProtocolError(
                f"cannot send the header {name.decode('latin-1')!r}: illegal characters",
                request=request,
            )
        lines.append(b"%s: %s" % (name, value))
    lines.append(b"\r\n")
    return b"\r\n".join(lines)


def _send(sock: socket.socket, head: bytes, body: bytes | Iterator[bytes], chunked: bool) -> None:
    """Write the head and the body (framed as chunks when ``chunked``)."""
    if isinstance(body, bytes) and not chunked:
        if len(body) <= _JOIN_LIMIT:
            sock.sendall(head + body)
        else:
            sock.sendall(head)
            sock.sendall(body)
        return
    sock.sendall(head)
    for chunk in [body] if isinstance(body, bytes) else body:
        if not chunk:
            continue  # an empty chunk would end a chunked body
        sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk) if chunked else chunk)
    if chunked:
        sock.sendall(b"0\r\n\r\n")


#: Longest status or header line, and most header lines, accepted (http.client's limits).
_MAX_LINE = 65536
_MAX_FIELDS = 100
_STATUS_LINE = re.compile(rb"HTTP/1\.(\d) ([1-9]\d\d)(?: ([^\r\n]*))?\r?\n")
_FIELD_LINE = re.compile(rb"([!#$%&'*+\-.^_`|~0-9A-Za-z]+):([^\r\n]*)\r?\n")
_NOT_IN_FIELD = re.compile(rb"[\x00\x0b\x0c]")  # as h11: NUL, vertical tab, form feed


def _line(fp: io.BufferedIOBase, what: str) -> bytes:
    line = fp.readline(_MAX_LINE + 1)
    if len(line) > _MAX_LINE:
        raise http.client.LineTooLong(what)
    return line


def _read_fields(fp: io.BufferedIOBase) -> list[tuple[bytes, bytes]]:
    """The header lines up to the blank line, as (name, value) with the value's surrounding
    whitespace removed and folded lines joined by a space.

    Raises:
        http.client.HTTPException: a line that is not a header, a character a header may not
            hold, more than 100 headers, or the connection closed before the blank line.
    """
    fields: list[tuple[bytes, bytes]] = []
    while True:
        line = _line(fp, "header line")
        if line in (b"\r\n", b"\n"):
            return fields
        if line[:1] in (b" ", b"\t") and fields:  # an obsolete folded continuation
            name, value = fields[-1]
            fields[-1] = (name, b"%s %s" % (value, line.strip(b" \t\r\n")))
            continue
        match = _FIELD_LINE.fullmatch(line)
        if match is None:
            raise http.client.HTTPException(
                "connection closed in the middle of the response head"
                if not line.endswith(b"\n")
                else "malformed header line in the response"
            )
        value = match[2].strip(b" \t")
        if _NOT_IN_FIELD.search(value):
            raise http.client.HTTPException("illegal character in a response header")
        fields.append((match[1], value))
        if len(fields) > _MAX_FIELDS:
            raise http.client.HTTPException(f"got more than {_MAX_FIELDS} headers")


def _value(fields: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    """Every ``name`` header's value, joined by commas (``None``: none)."""
    values = [value for key, value in fields if key.lower() == name]
    return b", ".join(values) if values else None


def _one(fields: list[tuple[bytes, bytes]], name: bytes, value: bytes) -> list[tuple[bytes, bytes]]:
    """``fields`` with the ``name`` headers made one, of ``value``, where the first was."""
    kept: list[tuple[bytes, bytes]] = []
    for key, old in fields:
        if key.lower() != name:
            kept.append((key, old))
        elif value:
            kept.append((key, value))
            value = b""
    return kept


class _Answer(http.client.HTTPResponse):
    """http.client's answer, its head read by `_read_fields` into ``fields`` (raw bytes, in
    order) rather than by the ``email`` package (about 17 µs less per answer); its ``msg``
    is left empty. The body is read by http.client as before.

    It reads heads as h11 (httpx's own parser) does, where http.client is lenient: a
    malformed or truncated head, a ``Content-Length`` that is not one number, or a
    ``Transfer-Encoding`` other than ``chunked`` is an `http.client.HTTPException` rather
    than an answer framed by guesswork; repeats of the one ``Content-Length`` become one
    header; interim 1xx answers other than 101 are skipped; the reason phrase is kept as
    sent (``reason_phrase``).
    """

    fields: list[tuple[bytes, bytes]]
    reason_phrase: bytes

    def __init__(self, sock: socket.socket, method: str) -> None:
        super().__init__(sock, method=method)
        self._no_body = method == "HEAD"

    def begin(self) -> None:
        """Read the status line and headers; decide how the body is framed."""
        while True:
            line = _line(self.fp, "status line")
            if not line:
                raise http.client.RemoteDisconnected(
                    "Remote end closed connection without response"
                )
            status = _STATUS_LINE.fullmatch(line)
            if status is None:
                raise http.client.BadStatusLine(line.decode("latin-1"))
            code = int(status[2])
            if code >= 200 or code == 101:
                break
            _read_fields(self.fp)  # an interim answer (100 Continue, 103 Early Hints)
        self.code = self.status = code
        self.reason_phrase = status[3] or b""
        self.reason = self.reason_phrase.decode("latin-1")
        self.version = 10 if status[1] == b"0" else 11
        fields = _read_fields(self.fp)
        self.headers = self.msg = http.client.HTTPMessage()
        encoding = _value(fields, b"transfer-encoding")
        self.chunked = encoding is not None
        if encoding is not None:
            if encoding.lower() != b"chunked":
                raise http.client.HTTPException(
                    "unsupported Transfer-Encoding in the response (only chunked is)"
                )
            if encoding != b"chunked":
                fields = _one(fields, b"transfer-encoding", b"chunked")
        self.chunk_left = None
        self.length = None
        length = _value(fields, b"content-length")
        if length is not None and not self.chunked:
            values = {part.strip() for part in length.split(b",")}
            if len(values) != 1 or not (number := values.pop()).isdigit():
                raise http.client.HTTPException("invalid Content-Length in the response")
            self.length = int(number)
            if number != length:
                fields = _one(fields, b"content-length", number)
        self.fields = fields
        if code in (204, 304) or code < 200 or self._no_body:
            self.length = 0
        connection = (_value(fields, b"connection") or b"").lower()
        if self.version == 11:
            self.will_close = b"close" in connection
        else:  # HTTP/1.0 closes unless the server asked to keep the connection alive
            self.will_close = b"keep-alive" not in connection
        if not self.chunked and self.length is None:
            self.will_close = True  # the body ends when the server closes


class _ResponseStream(httpx.SyncByteStream):
    """An answer's body, read from the socket as the caller iterates; closing it puts the
    connection back in the pool (or closes it if part of the body was left unread).

    The body is read with http.client, which frames it (Content-Length, chunked, or until
    the server closes) and decodes nothing; an answer that ends before its Content-Length
    is an error here, not a short body.
    """

    def __init__(
        self,
        response: _Answer,
        conn: _Conn,
        pool: _AnyPool,
        request: httpx.Request,
    ) -> None:
        self._response = response
        self._conn: _Conn | None = conn
        self._pool = pool
        self._request = request
        self._complete = False

    def __iter__(self) -> Iterator[bytes]:
        response = self._response
        mapped: httpx.RequestError | None = None
        try:
            while chunk := response.read1(CHUNK_SIZE):
                yield chunk
            if response.length:  # what is left of a Content-Length the server did not send
                raise http.client.IncompleteRead(b"", response.length)
        except (OSError, http.client.HTTPException) as exc:
            mapped = _response_failure(exc, self._request)
        if mapped is not None:
            self._release(reusable=False)
            raise mapped
        self._complete = True
        self._release(reusable=True)

    def close(self) -> None:
        """Release the connection: back to the pool if the whole body was read (or there was
        none), else closed."""
        self._release(reusable=self._complete or self._response.length == 0)

    def _release(self, *, reusable: bool) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        self._response.close()  # http.client sends nothing more on it before this
        if reusable:
            conn.idle_since = time.monotonic()
        else:
            conn.close()
        self._pool._put_conn(conn)


class Urllib3Transport(httpx.BaseTransport):
    """An ``httpx`` sync transport that sends through ``urllib3`` connection pools.

    Args:
        ssl_context: how certificates are verified (the SDK's verifying context).
        limits: ``max_connections`` bounds each origin's pool (callers wait up to the
            ``pool`` timeout for a free connection) and as many idle connections are kept,
            so a client used at concurrency N keeps its N connections; ``None``: unbounded,
            ``max_keepalive_connections`` idle ones kept. Idle connections older than
            ``keepalive_expiry`` seconds are closed instead of reused.
    """

    def __init__(
        self,
        *,
        ssl_context: ssl.SSLContext | None = None,
        limits: httpx.Limits | None = None,
    ) -> None:
        self._ssl = ssl_context if ssl_context is not None else ssl.create_default_context()
        self._limits = limits or httpx.Limits()
        self._pools: dict[tuple[str, str, int, str | None], _AnyPool] = {}
        self._lock = threading.Lock()
        self._closed = False

    def _pool_for(self, url: httpx.URL, sni_hostname: str | None) -> _AnyPool:
        scheme = url.scheme
        port = url.port or _DEFAULT_PORTS.get(scheme, 0)
        key = (scheme, url.host, port, sni_hostname)
        pool = self._pools.get(key)
        if pool is not None:
            return pool
        with self._lock:
            if self._closed:
                raise RuntimeError("Cannot send a request, as the transport has been closed.")
            pool = self._pools.get(key)
            if pool is None:
                bounded = self._limits.max_connections is not None
                size = self._limits.max_connections or self._limits.max_keepalive_connections
                options: dict[str, Any] = {
                    "maxsize": size or 100,
                    "block": bounded,
                    "retries": False,
                }
                if scheme == "https":
                    pool = _TLSPool(
                        url.host,
                        port,
                        ssl_context=self._ssl,
                        server_hostname=sni_hostname,
                        **options,
                    )
                else:
                    pool = _Pool(url.host, port, **options)
                self._pools[key] = pool
        return pool

    def _connection(
        self, pool: _AnyPool, phases: Mapping[str, float | None], request: httpx.Request
    ) -> _Conn:
        """A connected connection of ``pool``, waiting for a free one up to the pool timeout."""
        mapped: httpx.RequestError | None = None
        try:
            conn = cast(_Conn, pool._get_conn(timeout=phases.get("pool")))
        except EmptyPoolError as exc:
            mapped = httpx.PoolTimeout(f"{type(exc).__name__}: {exc}", request=request)
        if mapped is not None:
            raise mapped
        expiry = self._limits.keepalive_expiry
        if (
            conn.sock is not None
            and expiry is not None
            and time.monotonic() - conn.idle_since > expiry
        ):
            conn.close()  # idle too long: the server may be closing it right now
        if conn.sock is None:
            conn.timeout = phases.get("connect")
            try:
                conn.connect()
            except (OSError, urllib3.exceptions.HTTPError) as exc:
                mapped = _connect_failure(exc, request)
            if mapped is not None:
                conn.close()
                pool._put_conn(conn)
                raise mapped
        return conn

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` and return its answer with a streamed body."""
        url = request.url
        if url.scheme not in _DEFAULT_PORTS:
            raise httpx.UnsupportedProtocol(
                f"Request URL has an unsupported protocol '{url.scheme}://'.", request=request
            )
        head = _request_head(request)  # refused before a connection is taken
        phases: Mapping[str, float | None] = request.extensions.get("timeout", {})
        pool = self._pool_for(url, request.extensions.get("sni_hostname"))
        conn = self._connection(pool, phases, request)
        body: bytes | Iterator[bytes]
        try:
            body = request.content
        except httpx.RequestNotRead:
            assert isinstance(request.stream, httpx.SyncByteStream)
            body = _source(request.stream)
        chunked = request.headers.get("transfer-encoding", "").lower() == "chunked"
        mapped: httpx.RequestError | None = None
        sock = cast(socket.socket, conn.sock)
        sock.settimeout(phases.get("write"))
        try:
            _send(sock, head, body, chunked)
        except _SourceFailed as failed:
            conn.close()
            pool._put_conn(conn)
            raise failed.error from None
        except TimeoutError as exc:
            mapped = httpx.WriteTimeout(f"{type(exc).__name__}: {exc}", request=request)
        except OSError:
            # a reset or broken pipe while sending: the server may have answered early (413,
            # 401); like httpx's own pool, read the answer, and fail there if there is none
            pass
        if mapped is None:
            sock.settimeout(phases.get("read"))
            response = _Answer(sock, request.method)
            try:
                response.begin()
            except (OSError, http.client.HTTPException) as exc:
                mapped = _response_failure(exc, request)
                response.close()  # its file holds the socket open
        if mapped is not None:
            conn.close()
            pool._put_conn(conn)
            raise mapped
        if response.will_close:  # the server closes after this answer: read it, then reconnect
            conn.close()
        extensions = {
            "http_version": b"HTTP/1.0" if response.version == 10 else b"HTTP/1.1",
            "reason_phrase": response.reason_phrase,
        }
        return httpx.Response(
            status_code=response.status,
            headers=response.fields,
            stream=_ResponseStream(response, conn, pool, request),
            request=request,
            extensions=extensions,
        )

    def close(self) -> None:
        """Close every pool and its idle connections (ones in use close when released)."""
        with self._lock:
            self._closed = True
            pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            pool.close()
