"""``supplychain sandbox serve``: a real process serving a sandbox on loopback, used by a
real client, stopped by Ctrl-C (SIGINT) or SIGTERM with exit status 0 and no traceback."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from supplychain_sdk.cli import serving
from supplychain_sdk.cli.serving import READY
from supplychain_sdk.onescp import OneScp
from supplychain_sdk.sandbox.onescp import OneScpSandbox
from supplychain_sdk.sandbox.pharus import PharusSandbox

from .conftest import ALL_VARS, Run, exports


@contextmanager
def serving_process(*args: str) -> Iterator[tuple[subprocess.Popen[str], list[str]]]:
    """``python -m supplychain_sdk sandbox serve ARGS``; yields it and the lines it printed
    before its last one (`READY`), which it waits for."""
    env = {k: v for k, v in os.environ.items() if k not in ALL_VARS}
    process = subprocess.Popen(
        [sys.executable, "-m", "supplychain_sdk", "sandbox", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        lines: list[str] = []
        for line in process.stdout:
            if line.rstrip("\n") == READY:
                break
            lines.append(line.rstrip("\n"))
        yield process, lines
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_serve_onescp_answers_a_real_client_and_stops_on_ctrl_c() -> None:
    with serving_process("onescp", "--port", "0", "--log-requests") as (process, lines):
        env = exports(lines)
        url = env["ONESCP_BASE_URL"]
        with OneScp(base_url=url, api_key=env["ONESCP_API_KEY"]) as client:
            orders = list(client.orders.list())
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)

    assert lines[0] == f"# ONESCP sandbox at {url}"
    assert lines[1] == "# fake credentials of the sandbox (well-known test values, not secrets):"
    assert url.startswith("http://127.0.0.1:")
    assert env["ONESCP_API_KEY"] == OneScpSandbox.DEFAULT_API_KEY
    assert lines[2:] == [
        f"export ONESCP_BASE_URL={url}",
        "export ONESCP_API_KEY=sandbox-onescp-api-key",
        "# or log in instead of the API key: ONESCP_EMAIL=user@example.com "
        "ONESCP_PASSWORD=sandbox-password",
    ]
    assert [o.purchase_order_number for o in orders] == ["PO-2024-001"]
    assert process.returncode == 0
    assert out == ""
    assert err == ("GET /api/purchase-order/allOrders?page=1 -> 200\nONESCP sandbox stopped.\n")


def test_serve_pharus_with_a_seed_file_then_list_it_and_stop_on_sigterm(
    tmp_path: Path, run: Run
) -> None:
    seed = tmp_path / "seed.json"
    seed.write_text(
        json.dumps(
            {
                "vendors": [
                    {"name": "Acme Resins", "city": "Lyon", "zipCode": "69001"},
                    {"name": "Borealis Pigments", "country": "FI"},
                ],
                "locations": [{"name": "Main warehouse"}],
            }
        )
    )
    with serving_process("pharus", "--seed", str(seed)) as (process, lines):
        env = exports(lines)
        listed = run("pharus", "list", "--format", "json", env=env)
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=10)

    assert out == ""

    assert lines[1] == f"# seeded from {seed}: 2 vendors, 1 locations"
    assert env["PHARUS_TOKEN"] == PharusSandbox.DEFAULT_TOKEN
    assert env["PHARUS_ORG_ID"] == PharusSandbox.DEFAULT_ORG_ID
    assert listed.exit_code == 0, listed.output
    vendors = json.loads(listed.stdout)
    assert [(v["name"], v.get("city"), v.get("zipCode"), v.get("country")) for v in vendors] == [
        ("Acme Resins", "Lyon", "69001", None),
        ("Borealis Pigments", None, None, "FI"),
    ]
    assert process.returncode == 0
    assert err == "Pharus sandbox stopped.\n"


def test_a_port_in_use_is_one_line(run: Run) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]

        result = run("sandbox", "serve", "onescp", "--port", str(port))

    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: port {port} on 127.0.0.1 is in use: pick another with --port (or 0)\n"
    )


def test_without_uvicorn_it_names_the_extra(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    real = serving.importlib.util.find_spec
    monkeypatch.setattr(
        serving.importlib.util,
        "find_spec",
        lambda name, *a: None if name == "uvicorn" else real(name, *a),
    )

    result = run("sandbox", "serve", "procuros")

    assert result.exit_code == 1
    assert result.stderr == (
        "Error: serving a sandbox needs uvicorn: pip install 'supplychain-sdk[server]'\n"
    )


def test_an_unknown_platform_is_a_usage_error(run: Run) -> None:
    result = run("sandbox", "serve", "sap")

    assert result.exit_code == 2
    assert "Invalid value for 'PLATFORM': 'sap' is not one of" in result.stderr


def test_an_unexpected_failure_is_one_line_unless_debug(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: object, host: str = "", port: int = 0) -> None:
        raise RuntimeError("the sandbox server did not start")

    monkeypatch.setattr(OneScpSandbox, "serve", broken)

    plain = run("sandbox", "serve", "onescp")
    debug = run("--debug", "sandbox", "serve", "onescp")

    assert plain.exit_code == 1
    assert plain.stderr == (
        "Error: RuntimeError: the sandbox server did not start "
        "(run with --debug for the traceback)\n"
    )
    assert debug.exit_code == 1
    assert isinstance(debug.exception, RuntimeError)


def test_the_request_log_has_no_secrets(capsys: pytest.CaptureFixture[str]) -> None:
    fake = OneScpSandbox()
    serving._log_requests(fake)

    with fake.http_client() as http:
        http.get(
            f"{fake.base_url}/api/purchase-order/allOrders",
            params={"page": 1, "X-Amz-Signature": "sig-abc"},
            headers={"Authorization": "Bearer sandbox-onescp-api-key"},
        )
        http.get(f"{fake.base_url}/api/purchase-order/allOrders")

    assert capsys.readouterr().err == (
        "GET /api/purchase-order/allOrders?page=1&X-Amz-Signature=[REDACTED] -> 200\n"
        "GET /api/purchase-order/allOrders -> 401\n"
    )
