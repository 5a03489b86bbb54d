"""A client made in a worker after ``os.fork()`` shares nothing with the parent's pool, and
the parent's client keeps working: what a prefork task engine (Celery, RQ, gunicorn) does.

The sandbox is served over real sockets on a loopback port, and records the client port of
every request, so the test sees which connection carried which request.
"""

from __future__ import annotations

import asyncio
import json
import os
import threading
import time
import warnings
from typing import Any

import pytest

from supplychain_sdk.onescp import AsyncOneScp, OneScp
from supplychain_sdk.sandbox.onescp import OneScpSandbox
from tests.conftest import Mode

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork() is POSIX only")


class RecordingSandbox(OneScpSandbox):
    """The ONESCP sandbox, noting ``(client port, method, path)`` of each served request."""

    def __init__(self) -> None:
        super().__init__()
        self.peers: list[tuple[int, str, str]] = []

    async def asgi(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            self.peers.append((scope["client"][1], scope["method"], scope["path"]))
        await super().asgi(scope, receive, send)


def child_work(url: str, is_async: bool) -> dict[str, Any]:
    """What a task does in the forked worker: make its own client, write, read, close."""
    if is_async:

        async def run() -> dict[str, Any]:
            async with AsyncOneScp(api_key=OneScpSandbox.DEFAULT_API_KEY, base_url=url) as c:
                order = await c.orders.create(supplier={"name": "made in the child"})
                return {"created": order.id, "seen": [o.id async for o in c.orders.list()]}

        result: dict[str, Any] = {}
        # a fresh thread: the parent's running event loop is not this thread's business
        thread = threading.Thread(target=lambda: result.update(asyncio.run(run())))
        thread.start()
        thread.join()
        return result
    with OneScp(api_key=OneScpSandbox.DEFAULT_API_KEY, base_url=url) as client:
        order = client.orders.create(supplier={"name": "made in the child"})
        return {"created": order.id, "seen": [o.id for o in client.orders.list()]}


def run_in_forked_child(url: str, is_async: bool) -> dict[str, Any]:
    """Fork; the child runs `child_work`, writes its JSON to a pipe and exits at once."""
    read, write = os.pipe()
    with warnings.catch_warnings():
        # Python 3.12+ warns that forking a threaded process (the sandbox's server thread)
        # may deadlock the child; the child here takes no lock the server thread holds.
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.close(read)
            os.write(write, json.dumps(child_work(url, is_async)).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    with os.fdopen(read) as reader:
        answer = reader.read()
    assert os.waitstatus_to_exitcode(status) == 0, answer
    return json.loads(answer)  # type: ignore[no-any-return]


async def test_a_client_made_after_fork_has_its_own_pool(mode: Mode) -> None:
    sandbox = RecordingSandbox()
    with sandbox.serve() as url:
        parent: Any = (AsyncOneScp if mode.is_async else OneScp)(
            api_key=sandbox.DEFAULT_API_KEY, base_url=url
        )
        try:
            before = [o.id for o in await mode.collect(parent.orders.list())]
            opened_at = time.monotonic()
            (parent_port, _, _) = sandbox.peers[-1]

            child = run_in_forked_child(url, mode.is_async)
            assert child["seen"] == [*before, child["created"]]
            child_ports = {port for port, _, _ in sandbox.peers[1:]}
            assert [(m, p) for _, m, p in sandbox.peers] == [
                ("GET", "/api/purchase-order/allOrders"),  # the parent
                ("POST", "/api/purchase-order/create"),  # the child, on its own connection
                ("GET", "/api/purchase-order/allOrders"),
            ]
            assert parent_port not in child_ports  # the child never wrote on the parent's socket

            after = [o.id for o in await mode.collect(parent.orders.list())]
            assert after == [*before, child["created"]]  # the parent's client still works
            assert len(sandbox.peers) == 4
            if time.monotonic() - opened_at < 4:  # within the server's 5 s keep-alive
                assert sandbox.peers[-1][0] == parent_port  # on the connection it had before
        finally:
            await mode.close(parent)
