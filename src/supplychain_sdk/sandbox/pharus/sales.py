"""Pharus fake: sales orders, items, timeline notes, order channels (#67-87).

Collections: ``sales_orders`` (answer names: ``orderChannelId``, ``orderStatus``, money as
strings), ``sales_order_items``, ``sales_order_timeline_notes`` and ``order_channels``
(lookup items).

* An order's customer, channel, broker, fulfilment location and item SKUs must be records
  of the organization, and its channel active (400 ``validation_failed`` with
  ``fieldErrors`` otherwise, e.g. ``items.0.skuId``).
* ``soNumber`` is ``SO-00001``, ``SO-00002``... per organization; ``placedAt`` is the
  creation time. Each status has a timestamp (``Received`` -> ``receivedAt`` ...
  ``In-Dispute`` -> ``inDisputeAt``): setting a status stamps it with the fake's time
  unless the same request sets that timestamp. A ``Completed`` order keeps its status:
  changing it is 409 ``invalid_transition``.
* Deleting an order deletes its items and notes. Deleting an order channel deactivates it
  (``isActive: false``) and answers the channel; ``reactivate`` undoes it; the usage check
  counts the channel's sales orders (a deactivation does not need it to be unused).
* A bulk import creates all rows of a batch or none (400 with ``rows.<n>.<field>``), and
  answers ``{"ids": [...]}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._framework import SandboxResponse, json_response
from ._engine import Call, PharusEngine, SandboxError
from .customers import add_lookup, list_lookups, lookup_usage
from .inventory import missing_references, refuse

__all__ = ["FULFILLMENT_STATUSES", "ORDER_STATUSES", "STATUS_STAMPS", "SalesHandlers"]

#: Each order status and the timestamp it sets.
STATUS_STAMPS: Mapping[str, str] = {
    "Received": "receivedAt",
    "Entered": "enteredAt",
    "Shipped": "shippedAt",
    "Invoiced": "invoicedAt",
    "Paid": "paidAt",
    "Rejected": "rejectedAt",
    "In-Dispute": "inDisputeAt",
    "Completed": "completedAt",
}
ORDER_STATUSES = tuple(STATUS_STAMPS)
FULFILLMENT_STATUSES = ("Pending", "Partial", "Fulfilled")
_MONEY = (
    "brokerFeePercent",
    "brokerFees",
    "fulfillmentCosts",
    "freightCosts",
    "promoCosts",
    "otherCosts",
)
#: Request name -> (answer name, referenced collection).
_REFERENCES = {
    "customerId": ("customerId", "customers"),
    "channelId": ("orderChannelId", "order_channels"),
    "brokerId": ("brokerId", "brokers"),
}


def _line_problems(
    engine: PharusEngine, call: Call, lines: list[dict[str, Any]], path: str = ""
) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    for n, line in enumerate(lines):
        problems.update(missing_references(engine, call, line, {"skuId": "skus"}, f"{path}{n}."))
    return problems


def _item(call: Call, order_id: str, engine: PharusEngine, body: Mapping[str, Any]) -> Any:
    record = {
        "id": engine.new_id(),
        "orgId": call.org(),
        "salesOrderId": order_id,
        "skuId": body["skuId"],
        "quantity": body["quantity"],
        "unitPrice": None if body.get("unitPrice") is None else str(body["unitPrice"]),
    }
    engine.table("sales_order_items")[record["id"]] = record
    return record


class SalesHandlers(PharusEngine):
    """Handlers of the sales orders rows."""

    def _sales_fields(
        self, call: Call, body: Mapping[str, Any], path: str = ""
    ) -> tuple[dict[str, Any], dict[str, list[str]]]:
        """An order body in answer names (no items), and the problems with its references."""
        fields: dict[str, Any] = {}
        problems: dict[str, list[str]] = {}
        for key, value in body.items():
            if key == "items":
                problems.update(_line_problems(self, call, value, f"{path}items."))
                continue
            answer, collection = _REFERENCES.get(key, (key, ""))
            if collection and value is not None:
                record = self.table(collection).get(value)
                if record is None or record.get("orgId") != call.org():
                    problems[f"{path}{key}"] = [f"no such {collection[:-1].replace('_', ' ')}"]
                elif collection == "order_channels" and not record["isActive"]:
                    problems[f"{path}{key}"] = ["the order channel is inactive"]
            if key == "status":
                answer, value = "orderStatus", str(value)
            elif key == "fulfillmentStatus" or (key in _MONEY and value is not None):
                value = str(value)
            fields[answer] = value
        problems.update(
            missing_references(self, call, body, {"fulfillmentLocationId": "locations"}, path)
        )
        return fields, problems

    def _sales_new(self, call: Call, fields: dict[str, Any]) -> dict[str, Any]:
        number = len(self.rows(call, "sales_orders")) + 1
        now = self.now()
        record = {
            "customerId": None,
            "soNumber": f"SO-{number:05d}",
            "orderChannelId": None,
            "orderStatus": None,
            "fulfillmentStatus": None,
            "fulfillmentLocationId": None,
            "brokerId": None,
            **dict.fromkeys(_MONEY),
            "mabd": None,
            "placedAt": now,
            **dict.fromkeys(STATUS_STAMPS.values()),
            "notes": None,
            "qboId": None,
            **{k: "0" for k in _MONEY[1:]},
            **fields,
        }
        record[STATUS_STAMPS[record["orderStatus"]]] = now
        created = self.insert(call, "sales_orders", record)
        created.pop("isActive", None)
        return created

    def _sales_items(self, call: Call, order_id: str) -> list[dict[str, Any]]:
        return self.rows(call, "sales_order_items", lambda r: r["salesOrderId"] == order_id)

    # -- orders --------------------------------------------------------------------------------
    def on_sales_orders_create(self, call: Call) -> SandboxResponse:
        body = call.body()
        fields, problems = self._sales_fields(call, body)
        refuse(problems)
        order = self._sales_new(call, fields)
        items = [_item(call, order["id"], self, item) for item in body["items"]]
        return json_response({"salesOrder": order, "items": items})

    def on_sales_orders_list(self, call: Call) -> SandboxResponse:
        return self.page(call, self.rows(call, "sales_orders"))

    def on_sales_orders_update(self, call: Call) -> SandboxResponse:
        order = self.find(call, "sales_orders", call.ids["sales_order_id"])
        fields, problems = self._sales_fields(call, call.body())
        refuse(problems)
        status = fields.get("orderStatus")
        if status is not None and status != order["orderStatus"]:
            if order["orderStatus"] == "Completed":
                raise SandboxError(
                    409,
                    "invalid_transition",
                    f"a Completed sales order cannot become {status}",
                    {"from": "Completed", "to": status},
                )
            fields.setdefault(STATUS_STAMPS[status], self.now())
        return json_response(self.change(call, "sales_orders", order["id"], fields))

    def on_sales_orders_delete(self, call: Call) -> SandboxResponse:
        order = self.find(call, "sales_orders", call.ids["sales_order_id"])
        for collection in ("sales_order_items", "sales_order_timeline_notes"):
            table = self.table(collection)
            for record in self.rows(call, collection, lambda r: r["salesOrderId"] == order["id"]):
                del table[record["id"]]
        return self.remove(call, "sales_orders", order["id"])

    def on_sales_orders_retrieve(self, call: Call) -> SandboxResponse:
        order = self.find(call, "sales_orders", call.ids["sales_order_id"])
        return json_response({"salesOrder": order, "items": self._sales_items(call, order["id"])})

    def on_sales_orders_bulk_import(self, call: Call) -> SandboxResponse:
        rows = call.body()["rows"]
        checked = []
        problems: dict[str, list[str]] = {}
        for n, row in enumerate(rows):
            fields, row_problems = self._sales_fields(call, row, f"rows.{n}.")
            checked.append((fields, row["items"]))
            problems.update(row_problems)
        refuse(problems)
        ids = []
        for fields, items in checked:
            order = self._sales_new(call, fields)
            for item in items:
                _item(call, order["id"], self, item)
            ids.append(order["id"])
        return json_response({"ids": ids})

    # -- items ---------------------------------------------------------------------------------
    def on_sales_orders_items_create(self, call: Call) -> SandboxResponse:
        body = call.body()
        order = self.find(call, "sales_orders", call.ids["sales_order_id"])
        refuse(missing_references(self, call, body, {"skuId": "skus"}))
        return json_response(_item(call, order["id"], self, body))

    def on_sales_orders_items_list(self, call: Call) -> SandboxResponse:
        order = self.find(call, "sales_orders", call.ids["sales_order_id"])
        return self.page(call, self._sales_items(call, order["id"]))

    def on_sales_orders_items_update(self, call: Call) -> SandboxResponse:
        body = call.body()
        self.find(call, "sales_order_items", call.ids["item_id"])
        refuse(missing_references(self, call, body, {"skuId": "skus"}))
        if body.get("unitPrice") is not None:
            body["unitPrice"] = str(body["unitPrice"])
        return json_response(self.change(call, "sales_order_items", call.ids["item_id"], body))

    def on_sales_orders_items_delete(self, call: Call) -> SandboxResponse:
        return self.remove(call, "sales_order_items", call.ids["item_id"])

    # -- timeline notes ------------------------------------------------------------------------
    def on_sales_orders_timeline_notes_create(self, call: Call) -> SandboxResponse:
        body = call.body()
        order = self.find(call, "sales_orders", call.ids["sales_order_id"])
        record = {
            "id": self.new_id(),
            "orgId": call.org(),
            "salesOrderId": order["id"],
            "orderStatus": str(body.get("statusAtTime") or order["orderStatus"]),
            "note": body["body"],
            "createdAt": self.now(),
        }
        self.table("sales_order_timeline_notes")[record["id"]] = record
        return json_response(record)

    def on_sales_orders_timeline_notes_list(self, call: Call) -> SandboxResponse:
        order = self.find(call, "sales_orders", call.ids["sales_order_id"])
        notes = self.rows(
            call, "sales_order_timeline_notes", lambda r: r["salesOrderId"] == order["id"]
        )
        return self.page(call, notes)

    def on_sales_orders_timeline_notes_delete(self, call: Call) -> SandboxResponse:
        return self.remove(call, "sales_order_timeline_notes", call.ids["note_id"])

    # -- order channels ------------------------------------------------------------------------
    def on_order_channels_create(self, call: Call) -> SandboxResponse:
        return json_response(add_lookup(self, call, "order_channels", call.body()["name"]))

    def on_order_channels_list(self, call: Call) -> SandboxResponse:
        return list_lookups(self, call, "order_channels")

    def on_order_channels_update(self, call: Call) -> SandboxResponse:
        return json_response(
            self.change(call, "order_channels", call.ids["channel_id"], call.body())
        )

    def on_order_channels_delete(self, call: Call) -> SandboxResponse:
        channel = self.change(call, "order_channels", call.ids["channel_id"], {"isActive": False})
        return json_response(channel)

    def on_order_channels_reactivate(self, call: Call) -> SandboxResponse:
        channel = self.change(call, "order_channels", call.ids["channel_id"], {"isActive": True})
        return json_response(channel)

    def on_order_channels_usage(self, call: Call) -> SandboxResponse:
        channel = self.find(call, "order_channels", call.ids["channel_id"])
        usage = lookup_usage(self, call, channel["id"], ("sales_orders.orderChannelId",))
        return json_response({"inUse": usage["inUse"], "soCount": usage["soCount"]})

    # -- status lists --------------------------------------------------------------------------
    def on_sales_orders_list_order_statuses(self, call: Call) -> SandboxResponse:
        return self.page(call, list(ORDER_STATUSES))

    def on_sales_orders_list_fulfillment_statuses(self, call: Call) -> SandboxResponse:
        return self.page(call, list(FULFILLMENT_STATUSES))
