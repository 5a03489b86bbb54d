"""A loopback HTTP/1.1 server that injects faults in front of a sandbox.

It parses requests off real sockets itself (no sandbox fault hooks), decides per request, by
a seeded hash, whether to inject a fault, and otherwise hands the request to the sandbox's
in-process `Sandbox.dispatch`. It counts which writes the sandbox applied, so a test can
prove no write was executed twice. Faults:

* ``503``, ``502``: an error answer, the request not forwarded;
* ``429``: ``Retry-After: 1``, not forwarded;
* ``401``: the token is refused as expired, not forwarded (token flows renew and replay);
* ``reset``: forwarded and applied, then the connection is reset before the status line;
* ``reset_mid_body``: forwarded and applied, half the body sent, then reset;
* ``stall``: forwarded and applied, then nothing until past the client's timeout;
* ``malformed_json``: forwarded and applied, answered ``200`` with truncated JSON.

Token and login requests get the same faults (``401`` aside: a token endpoint refusing
is not an expiry).
"""

from __future__ import annotations

import random
import socket
import socketserver
import struct
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl

import attrs

from supplychain_sdk.sandbox import Sandbox, SandboxRequest, SandboxResponse

#: Faults that never reach the sandbox: retrying them cannot repeat a write.
UNSENT = frozenset({"503", "502", "429", "401"})
#: Faults after the sandbox applied the request: only a replay-safe call may retry them.
AMBIGUOUS = frozenset({"reset", "reset_mid_body", "stall", "malformed_json"})
API_FAULTS = ("503", "502", "429", "401", "reset", "reset_mid_body", "stall", "malformed_json")
TOKEN_FAULTS = ("503", "502", "429", "reset", "reset_mid_body", "stall", "malformed_json")
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@attrs.define
class Event:
    """One request the proxy received, and what it did with it."""

    op: str | None
    method: str
    target: str
    token: bool
    fault: str | None
    status: int | None = None
    applied: bool = False


@attrs.define
class FaultPlan:
    """Which requests get a fault: a seeded hash of the operation, request and attempt.

    Attributes:
        seed: the seed; the same seed injects the same faults.
        rate: the share of requests that get a fault.
        token_paths: paths of token/login endpoints.
        api_faults: the kinds injected on API requests.
        token_faults: the kinds injected on token requests.
        stall: seconds a ``stall`` holds the answer (more than the client's timeout).
    """

    seed: int
    rate: float = 0.1
    token_paths: frozenset[str] = frozenset()
    api_faults: tuple[str, ...] = API_FAULTS
    token_faults: tuple[str, ...] = TOKEN_FAULTS
    stall: float = 0.25

    def choose(self, key: str, token: bool) -> str | None:
        rng = random.Random(f"{self.seed}|{key}")
        if rng.random() >= self.rate:
            return None
        return rng.choice(self.token_faults if token else self.api_faults)


class FaultProxy:
    """Serve ``sandbox`` on a loopback port through `FaultPlan` faults; see the module doc."""

    def __init__(self, sandbox: Sandbox, plan: FaultPlan) -> None:
        self.sandbox = sandbox
        self.plan = plan
        self.events: list[Event] = []
        #: The operation now running (set by the driver); token requests are charged to it.
        self.current: str | None = None
        self._lock = threading.Lock()
        self._attempts: Counter[str] = Counter()

    # -- what happened ----------------------------------------------------------------------
    def applied_writes(self) -> Counter[tuple[str | None, str, str]]:
        """How many times the sandbox applied each (operation, method, path) write."""
        return Counter(
            (e.op, e.method, e.target.split("?")[0])
            for e in self.events
            if e.applied and e.method in WRITE_METHODS and not e.token
        )

    def faults(self) -> Counter[str]:
        """Faults injected, by ``api:<kind>`` / ``token:<kind>``."""
        return Counter(f"{'token' if e.token else 'api'}:{e.fault}" for e in self.events if e.fault)

    # -- serving ----------------------------------------------------------------------------
    @contextmanager
    def serve(self) -> Iterator[str]:
        """Listen on 127.0.0.1; yields the base URL."""
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                proxy._connection(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        server = Server(("127.0.0.1", 0), Handler)
        thread = threading.Thread(target=server.serve_forever, name="fault-proxy", daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)

    def _connection(self, sock: socket.socket) -> None:
        reader = sock.makefile("rb")
        try:
            while True:
                parsed = _read_request(reader)
                if parsed is None:
                    return
                if not self._answer(sock, *parsed):
                    return
        except (ConnectionError, OSError):
            return
        finally:
            reader.close()

    def _answer(
        self, sock: socket.socket, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> bool:
        """Answer one request; ``False`` when the connection was dropped."""
        path, _, query = target.partition("?")
        token = path in self.plan.token_paths
        with self._lock:
            op = self.current
            key = f"{op}|{method}|{target}|{token}"
            self._attempts[key] += 1
            fault = self.plan.choose(f"{key}|{self._attempts[key]}", token)
            event = Event(op=op, method=method, target=target, token=token, fault=fault)
            self.events.append(event)
        request = SandboxRequest(
            method=method,
            path=path,
            query=tuple(parse_qsl(query, keep_blank_values=True)),
            headers=headers,
            body=body,
            base_url=f"http://{headers.get('host', '127.0.0.1')}",
        )
        if fault in UNSENT:
            status = int(fault)
            message = "Access token expired" if status == 401 else f"injected {status}"
            answer = self.sandbox.error(request, status, message)
            if status == 429:
                answer = attrs.evolve(answer, headers={**answer.headers, "retry-after": "1"})
            event.status = status
            _send(sock, answer)
            return True
        answer = self.sandbox.dispatch(request)
        self.sandbox.flush_webhooks()
        event.status = answer.status
        event.applied = answer.status < 300
        if fault in {"reset", "reset_mid_body"}:
            if fault == "reset_mid_body":
                _send(sock, answer, truncate=True)
            _reset(sock)
            return False
        if fault == "stall":
            time.sleep(self.plan.stall)
            _reset(sock)
            return False
        if fault == "malformed_json":
            answer = SandboxResponse(
                200, b'{"data": [{"id": "', {"content-type": "application/json"}
            )
        _send(sock, answer)
        return True


def _read_request(reader: Any) -> tuple[str, str, dict[str, str], bytes] | None:
    line = reader.readline(65537)
    if not line:
        return None
    method, target, _version = line.decode("latin-1").rstrip("\r\n").split(" ", 2)
    headers: dict[str, str] = {}
    while True:
        raw = reader.readline(65537)
        if raw in (b"\r\n", b"\n", b""):
            break
        name, _, value = raw.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0") or 0)
    body = reader.read(length) if length else b""
    return method.upper(), target, headers, body


def _send(sock: socket.socket, answer: SandboxResponse, *, truncate: bool = False) -> None:
    try:
        reason = HTTPStatus(answer.status).phrase
    except ValueError:
        reason = "Status"
    lines = [f"HTTP/1.1 {answer.status} {reason}"]
    lines += [f"{k}: {v}" for k, v in answer.headers.items() if k != "content-length"]
    no_body = answer.status in {204, 304}
    if not no_body:
        lines.append(f"content-length: {len(answer.body)}")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    body = b"" if no_body else answer.body
    if truncate:
        body = body[: len(body) // 2]
    sock.sendall(head + body)


def _reset(sock: socket.socket) -> None:
    """Close with RST (SO_LINGER 0), as a crashed peer or a middlebox would."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()
