"""The benchmarks' loopback server: pre-built answers from the Procuros document's own examples.

Runs in its own process (``python -m benchmarks.server --pages 2000``; it prints its port on
the first line of stdout) so that its CPU time is not the client's. It speaks just enough
HTTP/1.1 (keep-alive, ``Content-Length`` bodies, pipelining) to answer every request with bytes
built before the first one arrived, and counts the connections it accepted, so that the
benchmarks can see whether a client kept its pool (``GET /_stats``, ``POST /_reset``).

Routes (every answer is the example the OpenAPI document gives for it):

- ``GET /v2/ping``: 204;
- ``GET /v2/all-transactions/{id}``: the "Single Transaction" example;
- ``GET /v2/all-transactions?cursor=<n>`` (and ``/v2/transactions``): page ``n`` of
  ``--pages`` pages of 100 transactions (the document's three examples in turn), with
  ``nextCursor`` / ``hasMore`` like the API's;
- ``PUT /v2/transactions/{id}``, ``POST /v2/transactions/bulk/mark-processed``,
  ``POST /v2/errors``, ``POST /v2/transactions``: their documented answers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import yaml

SPEC = Path(__file__).resolve().parent.parent / "specs" / "procuros-openapi-v2.yaml"
PAGE_SIZE = 100


def _example(spec: dict[str, Any], path: str, method: str, status: str) -> Any:
    content = spec["paths"][path][method]["responses"][status]["content"]["application/json"]
    if "example" in content:
        return content["example"]
    return next(iter(content["examples"].values()))["value"]


def _answer(status: int, body: bytes | None, reason: str = "OK") -> bytes:
    head = f"HTTP/1.1 {status} {reason}\r\nServer: bench\r\nX-Request-Id: bench-1\r\n"
    if body is None:
        return (head + "Content-Length: 0\r\n\r\n").encode()
    return (
        head + f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body


class Answers:
    """Every answer the server gives, built once."""

    def __init__(self, pages: int) -> None:
        spec = yaml.safe_load(SPEC.read_text())
        self.pages = pages
        self.transaction = _example(
            spec, "/v2/all-transactions/{procurosTransactionId}", "get", "200"
        )
        listing = _example(spec, "/v2/all-transactions", "get", "200")
        self.items: list[dict[str, Any]] = listing["items"]
        page_items = [self.items[i % len(self.items)] for i in range(PAGE_SIZE)]
        items_json = json.dumps(page_items, separators=(",", ":")).encode()
        self.fixed: dict[tuple[str, str], bytes] = {
            ("GET", "/v2/ping"): _answer(204, None, "No Content"),
            ("PUT", "/v2/transactions"): _answer(
                200,
                json.dumps(
                    _example(spec, "/v2/transactions/{procurosTransactionId}", "put", "200")
                ).encode(),
            ),
            ("POST", "/v2/transactions/bulk/mark-processed"): _answer(
                200,
                json.dumps(
                    _example(spec, "/v2/transactions/bulk/mark-processed", "post", "200")
                ).encode(),
            ),
            ("POST", "/v2/errors"): _answer(
                201, json.dumps(_example(spec, "/v2/errors", "post", "201")).encode(), "Created"
            ),
            ("POST", "/v2/transactions"): _answer(
                201,
                b'{"procurosTransactionId":"949b2ef2-3f40-465e-a7ee-ea3f9f189860"}',
                "Created",
            ),
            ("GET", "/v2/all-transactions/"): _answer(200, json.dumps(self.transaction).encode()),
        }
        # every page holds the same items (built once); only its cursor fields differ
        self._items_json = items_json

    def _page(self, n: int) -> bytes:
        last = n == self.pages - 1
        tail = {
            "hasMore": not last,
            "perPage": PAGE_SIZE,
            "count": PAGE_SIZE,
            "nextCursor": None if last else str(n + 1),
            "nextPageUrl": None,
        }
        body = b'{"items":' + self._items_json + b"," + json.dumps(tail).encode()[1:]
        return _answer(200, body)

    def page(self, query: str) -> bytes:
        cursor = parse_qs(query).get("cursor", ["0"])[0]
        n = int(cursor) if cursor.isdigit() else 0
        return self._page(min(n, self.pages - 1))

    def answer(self, method: str, target: str) -> bytes:
        parts = urlsplit(target)
        path = parts.path
        if method == "GET" and path in {"/v2/all-transactions", "/v2/transactions"}:
            return self.page(parts.query)
        if method == "GET" and path.startswith("/v2/all-transactions/"):
            return self.fixed[("GET", "/v2/all-transactions/")]
        if method == "PUT" and path.startswith("/v2/transactions/"):
            return self.fixed[("PUT", "/v2/transactions")]
        found = self.fixed.get((method, path))
        if found is not None:
            return found
        return _answer(404, b'{"message":"not found"}', "Not Found")


class Stats:
    """What the server saw since the last reset."""

    def __init__(self) -> None:
        self.connections = 0
        self.requests = 0
        self.open = 0
        self.peak_open = 0


class Protocol(asyncio.Protocol):
    """One connection: parses requests as they arrive and writes the pre-built answers."""

    def __init__(self, answers: Answers, stats: Stats) -> None:
        self.answers = answers
        self.stats = stats
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.stats.connections += 1
        self.stats.open += 1
        self.stats.peak_open = max(self.stats.peak_open, self.stats.open)

    def connection_lost(self, exc: Exception | None) -> None:
        self.stats.open -= 1

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end].decode("latin-1")
            lines = head.split("\r\n")
            length = 0
            for line in lines[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            if len(self.buffer) < end + 4 + length:
                return
            self.buffer = self.buffer[end + 4 + length :]
            method, target, _ = lines[0].split(" ", 2)
            assert self.transport is not None
            self.transport.write(self.respond(method, target))

    def respond(self, method: str, target: str) -> bytes:
        if target == "/_stats":
            stats = self.stats
            body = json.dumps(
                {
                    "connections": stats.connections,
                    "requests": stats.requests,
                    "open": stats.open,
                    "peak_open": stats.peak_open,
                }
            ).encode()
            return _answer(200, body)
        if target == "/_reset":
            self.stats.connections = 0  # accepted from now on
            self.stats.requests = 0
            self.stats.peak_open = self.stats.open
            return _answer(204, None, "No Content")
        self.stats.requests += 1
        return self.answers.answer(method, target)


async def serve(pages: int, port: int = 0) -> None:
    """Serve until killed; print the port once listening."""
    answers = Answers(pages)
    stats = Stats()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: Protocol(answers, stats), "127.0.0.1", port, backlog=1024
    )
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages of 100 transactions")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    try:
        asyncio.run(serve(args.pages, args.port))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
