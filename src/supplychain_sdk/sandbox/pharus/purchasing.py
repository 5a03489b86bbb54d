"""Pharus fake: purchase orders, their items and receipts (#88-105), and the steps every
order family of the fake shares (numbers, status timestamps, exact amounts, ledger entries).

Records are stored in the answer names of §2b. Amounts and quantities are read from the
raw body as exact decimals and answered as strings. A receipt moves its order to
``Partial`` or ``Received`` and writes ``RECEIVE`` entries to the materials ledger (a
``materials`` order) or the finished-goods ledger (a ``finished_goods`` order); deleting
a receipt writes the ``REVERSE_RECEIVE`` entries and moves the order back. A
``Cancelled`` order stays cancelled, and an order with receipts cannot be cancelled or
deleted (409 ``invalid_transition`` / ``in_use``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

from .._framework import SandboxResponse, json_response
from ._engine import Call, PharusEngine, SandboxError
from .inventory import add_ledger_entry

__all__ = ["OrderSteps", "PurchasingHandlers"]

#: Purchase-order status -> the timestamp it sets (§3b).
PO_STAMPS = {
    "Planning": "planningAt",
    "Placed": "placedAt",
    "In Transit": "inTransitAt",
    "Partial": "partialAt",
    "Received": "receivedAt",
    "Paid": "paidAt",
    "Cancelled": "cancelledAt",
}
_PO_FIELDS = (
    "vendorId",
    "targetType",
    "status",
    "shipToLocationId",
    "placedAt",
    "shipDate",
    "expectedDeliveryDate",
    "shippingCosts",
    "setupCosts",
    "otherCosts",
    "notes",
    *(stamp for stamp in PO_STAMPS.values() if stamp != "placedAt"),
)
_COSTS = ("shippingCosts", "setupCosts", "otherCosts")
#: What an order of each target type buys: (line field, catalog collection); its receipts
#: write to the ledger of the same name (``materials`` / ``finished_goods``).
_TARGETS = {
    "materials": ("materialId", "materials"),
    "finished_goods": ("skuId", "skus"),
}


def raw_body(call: Call) -> Any:
    """The JSON body with every number as an exact `Decimal` (the validated body holds
    floats' shortest digits: ``12.50`` would come back as ``12.5``)."""
    try:
        return json.loads(call.request.body, parse_float=Decimal) if call.request.body else {}
    except ValueError:
        return {}


def amount(value: Any) -> str | None:
    """An amount as the API answers it: a string with the digits sent."""
    if value is None:
        return None
    return str(value if isinstance(value, Decimal) else Decimal(str(value)))


def invalid(field: str, message: str) -> SandboxError:
    """A 400 ``validation_failed`` naming one field."""
    return SandboxError(
        400, "validation_failed", f"{field}: {message}", {"fieldErrors": {field: [message]}}
    )


class OrderSteps(PharusEngine):
    """What purchase, work and production orders share in the fake."""

    def order_store(
        self, call: Call, collection: str, fields: Mapping[str, Any], *, stamps: bool = True
    ) -> dict[str, Any]:
        """A new record with id and ``orgId`` (and ``createdAt``/``updatedAt`` if ``stamps``),
        without the engine's default ``isActive`` (orders have none)."""
        record = self.insert(call, collection, fields)
        record.pop("isActive", None)
        if not stamps:
            record.pop("createdAt", None)
            record.pop("updatedAt", None)
        return record

    def order_number(self, call: Call, collection: str, field: str, prefix: str) -> str:
        """The next order number of the organization: ``PO-0001``, ``WO-0001``..."""
        taken = {r.get(field) for r in self.rows(call, collection)}
        n = len(taken) + 1
        while f"{prefix}-{n:04d}" in taken:
            n += 1
        return f"{prefix}-{n:04d}"

    def order_ref(self, call: Call, collection: str, record_id: Any, field: str) -> dict[str, Any]:
        """A record of the call's organization named by a body field, or a 400."""
        record = self.table(collection).get(record_id) if isinstance(record_id, str) else None
        if record is None or record.get("orgId") != call.org():
            raise invalid(field, f"names no {collection.replace('_', ' ')} record")
        return record  # type: ignore[no-any-return]

    def order_stamp(
        self,
        record: dict[str, Any],
        status: str,
        stamps: Mapping[str, str],
        given: Mapping[str, Any],
    ) -> None:
        """Set ``status`` and its timestamp (unless the caller sent that timestamp, or it is
        already set)."""
        record["status"] = status
        stamp = stamps.get(status)
        if stamp is not None and stamp not in given and not record.get(stamp):
            record[stamp] = self.now()

    @staticmethod
    def order_transition(current: str, new: str, *, terminal: tuple[str, ...]) -> None:
        """Refuse leaving a terminal status (409 ``invalid_transition``)."""
        if current != new and current in terminal:
            raise SandboxError(
                409,
                "invalid_transition",
                f"cannot change status from {current!r} to {new!r}",
                {"from": current, "to": new},
            )

    def order_bulk(self, call: Call, create: Any) -> SandboxResponse:
        """All rows or none: ``{ids: [...]}``; a refused row names its index."""
        body = call.body()
        raw_rows = raw_body(call).get("rows", [])
        if not body["rows"]:
            raise invalid("rows", "must hold at least one row")
        snapshot = {name: dict(table) for name, table in self.tables.items()}
        ids: list[str] = []
        try:
            for index, row in enumerate(body["rows"]):
                try:
                    raw = raw_rows[index] if index < len(raw_rows) else row
                    ids.append(create(call, row, raw))
                except SandboxError as exc:
                    exc.details = {**exc.details, "row": index}
                    exc.message = f"row {index}: {exc.message}"
                    raise
        except SandboxError:
            self.tables.clear()
            self.tables.update(snapshot)
            raise
        return json_response({"ids": ids})

    def order_received(self, call: Call, lines: str, field: str, item_id: str) -> Decimal:
        """The quantity already received of one order line."""
        return sum(
            (Decimal(r["quantity"]) for r in self.rows(call, lines, lambda r: r[field] == item_id)),
            Decimal(0),
        )

    def order_receipt_lines(
        self,
        call: Call,
        raw_items: Any,
        *,
        items: str,
        item_field: str,
        parent_field: str,
        parent_id: str,
        received: str,
    ) -> list[tuple[dict[str, Any], Decimal, Any]]:
        """The checked lines of a receipt: ``(order line, quantity, raw line)`` each.

        A line is ``{<item_field>: uuid, quantity: number > 0, locationId?: uuid}``; the
        quantity may not exceed what is still outstanding on the order line.
        """
        if not isinstance(raw_items, list) or not raw_items:
            raise invalid("items", "must hold at least one received line")
        lines: list[tuple[dict[str, Any], Decimal, Any]] = []
        pending: dict[str, Decimal] = {}
        for index, line in enumerate(raw_items):
            where = f"items.{index}"
            if not isinstance(line, Mapping):
                raise invalid(where, "must be an object")
            item_id = line.get(item_field)
            item = self.table(items).get(item_id) if isinstance(item_id, str) else None
            if item is None or item.get("orgId") != call.org() or item[parent_field] != parent_id:
                raise invalid(f"{where}.{item_field}", "names no line of this order")
            quantity = line.get("quantity")
            if isinstance(quantity, bool) or not isinstance(quantity, (int, Decimal)):
                raise invalid(f"{where}.quantity", "must be a number")
            quantity = Decimal(quantity)
            if not quantity.is_finite() or quantity <= 0:
                raise invalid(f"{where}.quantity", "must be greater than 0")
            done = self.order_received(call, received, item_field, item["id"])
            done += pending.get(item["id"], Decimal(0))
            outstanding = Decimal(str(item["quantity"])) - done
            if quantity > outstanding:
                raise invalid(f"{where}.quantity", f"more than the {outstanding} outstanding")
            pending[item["id"]] = pending.get(item["id"], Decimal(0)) + quantity
            lines.append((item, quantity, line))
        return lines

    def order_fill(
        self,
        call: Call,
        order: dict[str, Any],
        *,
        items: str,
        received: str,
        item_field: str,
        parent_field: str,
        stamps: Mapping[str, str],
        before_receipts: str,
        keep: tuple[str, ...],
    ) -> None:
        """Move an order to ``Received`` (every line received), ``Partial`` (some), or back
        to ``before_receipts`` (none); statuses in ``keep`` stay as they are."""
        lines = self.rows(call, items, lambda r: r[parent_field] == order["id"])
        done = {
            line["id"]: self.order_received(call, received, item_field, line["id"])
            for line in lines
        }
        if lines and all(done[line["id"]] >= Decimal(str(line["quantity"])) for line in lines):
            status = "Received"
        elif any(done.values()):
            status = "Partial"
        else:
            status = before_receipts
        if order["status"] in keep or order["status"] == status:
            return
        self.order_stamp(order, status, stamps, {})
        order["updatedAt"] = self.now()


class PurchasingHandlers(OrderSteps):
    """Handlers of the PurchaseOrders rows (#88-105)."""

    #: No purchasing route documents a role above the defaults (member writes, viewer reads).
    MIN_ROLE: ClassVar[Mapping[str, str]] = {}

    # -- purchase orders -------------------------------------------------------------------------
    def _po_line(
        self, call: Call, order: Mapping[str, Any], line: Mapping[str, Any], raw: Any, where: str
    ) -> dict[str, Any]:
        """A checked purchase-order line: the item its order's target type buys."""
        wanted, catalog = _TARGETS[order["targetType"]]
        other = "skuId" if wanted == "materialId" else "materialId"
        if line.get(wanted) is None:
            raise invalid(f"{where}{wanted}", f"is required on a {order['targetType']} order")
        if line.get(other) is not None:
            raise invalid(f"{where}{other}", f"does not apply to a {order['targetType']} order")
        self.order_ref(call, catalog, line[wanted], f"{where}{wanted}")
        raw = raw if isinstance(raw, Mapping) else line
        return {
            "materialId": line.get("materialId"),
            "skuId": line.get("skuId"),
            "quantity": amount(raw.get("quantity", line.get("quantity"))),
            "unitCost": amount(raw.get("unitCost", line.get("unitCost", 0))),
        }

    def _po_refs(self, call: Call, body: Mapping[str, Any]) -> None:
        if "vendorId" in body:
            self.order_ref(call, "vendors", body["vendorId"], "vendorId")
        if body.get("shipToLocationId") is not None:
            self.order_ref(call, "locations", body["shipToLocationId"], "shipToLocationId")

    def _new_po(self, call: Call, body: Mapping[str, Any], raw: Any) -> str:
        self._po_refs(call, body)
        raw = raw if isinstance(raw, Mapping) else {}
        fields: dict[str, Any] = {
            "poNumber": self.order_number(call, "purchase_orders", "poNumber", "PO"),
            **{name: None for name in _PO_FIELDS},
            **{name: body[name] for name in _PO_FIELDS if name in body},
        }
        for name in _COSTS:
            fields[name] = amount(raw.get(name, body.get(name, 0)))
        fields["placedAt"] = body.get("placedAt") or self.now()
        raw_items = raw.get("items")
        lines = [
            self._po_line(
                call,
                body,
                line,
                raw_items[index] if isinstance(raw_items, list) else line,
                f"items.{index}.",
            )
            for index, line in enumerate(body["items"])
        ]  # every line is checked before anything is stored
        order = self.order_store(call, "purchase_orders", fields)
        self.order_stamp(order, body["status"], PO_STAMPS, body)
        for checked in lines:
            self.order_store(
                call,
                "purchase_order_items",
                {"purchaseOrderId": order["id"], **checked},
                stamps=False,
            )
        return str(order["id"])

    def _po_detail(self, call: Call, order: Mapping[str, Any]) -> dict[str, Any]:
        items = self.rows(
            call, "purchase_order_items", lambda r: r["purchaseOrderId"] == order["id"]
        )
        return {"purchaseOrder": order, "items": items}

    def on_purchase_orders_create(self, call: Call) -> SandboxResponse:
        order_id = self._new_po(call, call.body(), raw_body(call))
        return json_response(self._po_detail(call, self.find(call, "purchase_orders", order_id)))

    def on_purchase_orders_list(self, call: Call) -> SandboxResponse:
        return self.page(call, self.rows(call, "purchase_orders"))

    def on_purchase_orders_update(self, call: Call) -> SandboxResponse:
        order = self.find(call, "purchase_orders", call.ids["purchase_order_id"])
        body = call.body()
        raw = raw_body(call)
        self._po_refs(call, body)
        has_lines = bool(
            self.rows(call, "purchase_order_items", lambda r: r["purchaseOrderId"] == order["id"])
        )
        if body.get("targetType", order["targetType"]) != order["targetType"] and has_lines:
            raise SandboxError(
                409, "conflict", "the target type of an order with lines cannot change"
            )
        status = body.get("status", order["status"])
        self.order_transition(order["status"], status, terminal=("Cancelled",))
        if (
            status == "Cancelled"
            and order["status"] != "Cancelled"
            and self._po_receipts(call, order)
        ):
            raise SandboxError(
                409,
                "invalid_transition",
                "an order with receipts cannot be cancelled: delete its receipts first",
                {"from": order["status"], "to": status},
            )
        changes = {name: body[name] for name in _PO_FIELDS if name in body and name != "status"}
        for name in _COSTS:
            if name in body:
                changes[name] = amount(raw.get(name, body[name]))
        order.update(changes)
        self.order_stamp(order, status, PO_STAMPS, body)
        order["updatedAt"] = self.now()
        return json_response(order)

    def _po_receipts(self, call: Call, order: Mapping[str, Any]) -> list[dict[str, Any]]:
        return self.rows(
            call, "purchase_order_receipts", lambda r: r["purchaseOrderId"] == order["id"]
        )

    def on_purchase_orders_delete(self, call: Call) -> SandboxResponse:
        order_id = call.ids["purchase_order_id"]
        self.find(call, "purchase_orders", order_id)
        used = self.referrers(
            call, order_id, ("purchase_order_receipts.purchaseOrderId", "documents.entityId")
        )
        if used:
            raise SandboxError(
                409, "in_use", f"purchase order {order_id} is in use", {"references": used}
            )
        for item in self.rows(
            call, "purchase_order_items", lambda r: r["purchaseOrderId"] == order_id
        ):
            del self.table("purchase_order_items")[item["id"]]
        del self.table("purchase_orders")[order_id]
        return json_response({"deletedId": order_id})

    def on_purchase_orders_retrieve(self, call: Call) -> SandboxResponse:
        order = self.find(call, "purchase_orders", call.ids["purchase_order_id"])
        return json_response(self._po_detail(call, order))

    def on_purchase_orders_bulk_import(self, call: Call) -> SandboxResponse:
        return self.order_bulk(call, self._new_po)

    # -- items -----------------------------------------------------------------------------------
    def on_purchase_orders_items_create(self, call: Call) -> SandboxResponse:
        order = self.find(call, "purchase_orders", call.ids["purchase_order_id"])
        checked = self._po_line(call, order, call.body(), raw_body(call), "")
        item = self.order_store(
            call, "purchase_order_items", {"purchaseOrderId": order["id"], **checked}, stamps=False
        )
        return json_response(item)

    def on_purchase_orders_items_list(self, call: Call) -> SandboxResponse:
        order = self.find(call, "purchase_orders", call.ids["purchase_order_id"])
        return self.page(
            call,
            self.rows(call, "purchase_order_items", lambda r: r["purchaseOrderId"] == order["id"]),
        )

    def on_purchase_orders_items_update(self, call: Call) -> SandboxResponse:
        item = self.find(call, "purchase_order_items", call.ids["item_id"])
        order = self.find(call, "purchase_orders", item["purchaseOrderId"])
        body = call.body()
        raw = raw_body(call)
        merged = {**item, **body}
        checked = self._po_line(call, order, merged, {**item, **raw}, "")
        received = self.order_received(
            call, "purchase_order_receipt_items", "purchaseOrderItemId", item["id"]
        )
        if Decimal(str(checked["quantity"])) < received:
            raise invalid("quantity", f"less than the {received} already received")
        item.update(checked)
        return json_response(item)

    def on_purchase_orders_items_delete(self, call: Call) -> SandboxResponse:
        return self.remove(
            call,
            "purchase_order_items",
            call.ids["item_id"],
            references=("purchase_order_receipt_items.purchaseOrderItemId",),
        )

    def on_purchase_orders_items_list_all(self, call: Call) -> SandboxResponse:
        orders = self.table("purchase_orders")
        items = [
            {**item, "poNumber": orders.get(item["purchaseOrderId"], {}).get("poNumber")}
            for item in self.rows(call, "purchase_order_items")
        ]
        return self.page(call, items)

    # -- receipts --------------------------------------------------------------------------------
    def on_purchase_orders_receipts_create(self, call: Call) -> SandboxResponse:
        order = self.find(call, "purchase_orders", call.ids["purchase_order_id"])
        body = call.body()
        if order["status"] == "Cancelled":
            raise SandboxError(
                409,
                "invalid_transition",
                "a cancelled order cannot receive goods",
                {"from": "Cancelled", "to": "Received"},
            )
        lines = self.order_receipt_lines(
            call,
            raw_body(call).get("items"),
            items="purchase_order_items",
            item_field="purchaseOrderItemId",
            parent_field="purchaseOrderId",
            parent_id=order["id"],
            received="purchase_order_receipt_items",
        )
        item_field = _TARGETS[order["targetType"]][0]
        for index, (_, _, line) in enumerate(lines):
            where = f"items.{index}.locationId"
            location = line.get("locationId") or order.get("shipToLocationId")
            if location is None:
                raise invalid(where, "is required when the order has no shipToLocationId")
            self.order_ref(call, "locations", location, where)
        receipt_date = body.get("receiptDate") or self.now()
        receipt = self.order_store(
            call,
            "purchase_order_receipts",
            {"purchaseOrderId": order["id"], "receiptDate": receipt_date},
        )
        receipt_items = []
        for item, quantity, line in lines:
            location = line.get("locationId") or order["shipToLocationId"]
            receipt_items.append(
                self.order_store(
                    call,
                    "purchase_order_receipt_items",
                    {
                        "receiptId": receipt["id"],
                        "purchaseOrderItemId": item["id"],
                        item_field: item[item_field],
                        "quantity": amount(quantity),
                        "locationId": location,
                    },
                    stamps=False,
                )
            )
            add_ledger_entry(
                self,
                call,
                order["targetType"],
                item_id=item[item_field],
                event_type="RECEIVE",
                quantity=quantity,
                unit_cost=Decimal(item["unitCost"]) if item.get("unitCost") else None,
                location_id=location,
                ref=order["poNumber"],
                event_date=receipt_date,
                source_type="purchase_order_receipt",
                source_id=receipt["id"],
                notes=body.get("notes"),
            )
        self._po_fill(call, order)
        return json_response(
            {"purchaseOrder": order, "receipt": receipt, "receiptItems": receipt_items}
        )

    def _po_fill(self, call: Call, order: dict[str, Any]) -> None:
        self.order_fill(
            call,
            order,
            items="purchase_order_items",
            received="purchase_order_receipt_items",
            item_field="purchaseOrderItemId",
            parent_field="purchaseOrderId",
            stamps=PO_STAMPS,
            before_receipts="Placed",
            keep=("Paid", "Cancelled"),
        )

    def on_purchase_orders_receipts_list(self, call: Call) -> SandboxResponse:
        order = self.find(call, "purchase_orders", call.ids["purchase_order_id"])
        return self.page(call, self._po_receipts(call, order))

    def on_purchase_orders_receipts_update(self, call: Call) -> SandboxResponse:
        return json_response(
            self.change(call, "purchase_order_receipts", call.ids["receipt_id"], call.body())
        )

    def on_purchase_orders_receipts_delete(self, call: Call) -> SandboxResponse:
        receipt = self.find(call, "purchase_order_receipts", call.ids["receipt_id"])
        order = self.find(call, "purchase_orders", receipt["purchaseOrderId"])
        item_field = _TARGETS[order["targetType"]][0]
        lines = self.rows(
            call, "purchase_order_receipt_items", lambda r: r["receiptId"] == receipt["id"]
        )
        for line in lines:
            item = self.table("purchase_order_items").get(line["purchaseOrderItemId"], {})
            add_ledger_entry(
                self,
                call,
                order["targetType"],
                item_id=line[item_field],
                event_type="REVERSE_RECEIVE",
                quantity=Decimal(line["quantity"]),
                unit_cost=Decimal(item["unitCost"]) if item.get("unitCost") else None,
                location_id=line["locationId"],
                ref=order["poNumber"],
                source_type="purchase_order_receipt",
                source_id=receipt["id"],
            )
            del self.table("purchase_order_receipt_items")[line["id"]]
        del self.table("purchase_order_receipts")[receipt["id"]]
        self._po_fill(call, order)
        return json_response({"deletedId": receipt["id"]})

    def on_purchase_orders_receipts_retrieve(self, call: Call) -> SandboxResponse:
        receipt = self.find(call, "purchase_order_receipts", call.ids["receipt_id"])
        items = self.rows(
            call, "purchase_order_receipt_items", lambda r: r["receiptId"] == receipt["id"]
        )
        return json_response({"receipt": receipt, "items": items})

    # -- the PDF and the status list -------------------------------------------------------------
    def on_purchase_orders_pdf(self, call: Call) -> SandboxResponse:
        order = self.find(call, "purchase_orders", call.ids["purchase_order_id"])
        lines = len(self._po_detail(call, order)["items"])
        text = f"Purchase order {order['poNumber']} ({order['status']}, {lines} lines)"
        body = (
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"
            + f"% {text}\n".encode()
            + b"trailer << /Root 1 0 R >>\n%%EOF\n"
        )
        return SandboxResponse(
            200,
            body,
            {
                "content-type": "application/pdf",
                "content-disposition": f'attachment; filename="{order["poNumber"]}.pdf"',
            },
        )

    def on_purchase_orders_statuses(self, call: Call) -> SandboxResponse:
        return self.page(call, list(PO_STAMPS))
