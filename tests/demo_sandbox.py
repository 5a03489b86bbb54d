"""A small demo fake built on the public sandbox framework (used by the core tests)."""

from __future__ import annotations

import base64
import itertools
import json
from typing import Any

from supplychain_sdk.sandbox import Sandbox, SandboxRequest, SandboxResponse, json_response, route

CLIENT_ID, CLIENT_SECRET = "demo-client", "demo-secret-canary"


class WidgetSandbox(Sandbox):
    """Widgets behind OAuth2 client credentials, with versions and two pagination styles."""

    def __init__(self, widgets: int = 25) -> None:
        super().__init__()
        self.widgets: dict[str, dict[str, Any]] = {
            str(i): {"id": str(i), "name": f"widget {i}", "version": 1}
            for i in range(1, widgets + 1)
        }
        self.valid_tokens: set[str] = set()
        self.tokens_issued = 0
        self._ids = itertools.count(widgets + 1)
        self.foreign_next_url: str | None = None
        self.webhook_target: Any = None

    def expire_tokens(self) -> None:
        """Server-side expiry: every token issued so far stops working."""
        with self.lock:
            self.valid_tokens.clear()

    def authenticate(self, request: SandboxRequest) -> SandboxResponse | None:
        if request.path == "/oauth/token":
            return None
        header = request.header("authorization") or ""
        if not header.startswith("Bearer ") or header[7:] not in self.valid_tokens:
            return json_response({"message": "invalid or expired token"}, 401)
        return None

    @route("POST", "/oauth/token")
    def token(self, request: SandboxRequest) -> SandboxResponse:
        expected = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
        if request.header("authorization") != f"Basic {expected}":
            return json_response({"error": "invalid_client"}, 401)
        self.tokens_issued += 1
        value = f"tok-{self.tokens_issued}"
        self.valid_tokens.add(value)
        return json_response({"access_token": value, "token_type": "bearer", "expires_in": 3600})

    @route("GET", "/widgets")
    def list_widgets(self, request: SandboxRequest) -> SandboxResponse:
        page, size = int(request.param("page", "1") or 1), int(request.param("limit", "10") or 10)
        items = list(self.widgets.values())
        return json_response(
            {
                "data": self.page_slice(items, page, size),
                "pagination": {"page": page, "limit": size, "total": len(items)},
            }
        )

    @route("GET", "/widgets/by-cursor")
    def list_by_cursor(self, request: SandboxRequest) -> SandboxResponse:
        items, nxt = self.cursor_slice(
            list(self.widgets.values()),
            request.param("cursor"),
            int(request.param("per_page", "10") or 10),
        )
        next_url = self.foreign_next_url or (
            request.url_for("/widgets/by-cursor", cursor=nxt) if nxt else None
        )
        return json_response({"data": items, "nextPageUrl": next_url})

    @route("GET", "/widgets/{widget_id}")
    def get_widget(self, request: SandboxRequest) -> SandboxResponse:
        widget = self.widgets.get(request.path_params["widget_id"])
        if widget is None:
            return json_response({"message": "Widget not found", "code": "NOT_FOUND"}, 404)
        return json_response(widget)

    @route("PUT", "/widgets/{widget_id}")
    def put_widget(self, request: SandboxRequest) -> SandboxResponse:
        widget = self.widgets.get(request.path_params["widget_id"])
        if widget is None:
            return json_response({"message": "Widget not found", "code": "NOT_FOUND"}, 404)
        if request.header("if-match") != str(widget["version"]):
            return json_response({"message": "Version mismatch", "code": "CONFLICT"}, 409)
        body = request.json()
        widget.update(name=body["name"], version=widget["version"] + 1)
        if self.webhook_target is not None:
            payload = json.dumps({"event": "widget.updated", "data": widget}).encode()
            self.queue_webhook(self.webhook_target, payload, {"X-Event": "widget.updated"})
        return json_response(widget)

    @route("POST", "/widgets")
    def create_widget(self, request: SandboxRequest) -> SandboxResponse:
        body = request.json()
        if not isinstance(body, dict) or not body.get("name"):
            return json_response({"message": "name is required", "code": "INVALID"}, 422)
        widget_id = str(next(self._ids))
        self.widgets[widget_id] = {"id": widget_id, "name": body["name"], "version": 1}
        return json_response(self.widgets[widget_id], 201)
