"""Pharus fake: work orders (#106-120) and production orders (#121-135).

Both families behave alike: adding an item expands its SKU's bill of materials into material
``inputs`` (BOM quantity x item quantity; none when the SKU has no BOM); a receipt moves the
order to ``Partial``/``Received`` and writes ledger entries: finished goods in (``RECEIVE``
for a work order, ``PRODUCE`` for a production order) to the finished-goods ledger and the
inputs they used (``CONSUME``) to the materials ledger; deleting a receipt writes the
``REVERSE_*`` entries. ``Completed`` and ``Cancelled`` orders keep their status
(409 ``invalid_transition``); an order with receipts cannot be cancelled or deleted.
A work order's request ``workSiteLocationId`` is stored as ``workSiteId``; ``orderDate`` of
either family is stored as ``placedAt`` (§2b, A14).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

import attrs

from .._framework import SandboxResponse, json_response
from ._engine import Call, SandboxError
from .inventory import add_ledger_entry
from .purchasing import OrderSteps, amount, invalid, raw_body

__all__ = ["ProductionHandlers"]

#: Work/production order status -> the timestamp it sets (§3b).
STAMPS = {
    "Draft": "draftAt",
    "Entered": "enteredAt",
    "Placed": "placedAt",
    "Production": "productionStartedAt",
    "In Transit": "inTransitAt",
    "Partial": "partialAt",
    "Received": "receivedAt",
    "Completed": "completedAt",
    "Cancelled": "cancelledAt",
}
TERMINAL = ("Completed", "Cancelled")


def _number(value: Any) -> Decimal | None:
    """A finite number from a stored BOM line (the BOM's lines are not checked), or None."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        return None
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return None
    return number if number.is_finite() else None


@attrs.frozen
class Family:
    """The names one order family uses in the API and in the fake's collections."""

    orders: str  # collection
    wrapper: str  # detail key: workOrder / productionOrder
    parent: str  # the order id on its lines: workOrderId / productionOrderId
    item_key: str  # the line id on inputs and receipt lines: workOrderItemId / ...
    number_field: str
    prefix: str
    location_in: str  # request field of the location
    location: str  # stored (answer) field of the location
    cost: str  # conversionCost / productionCost
    order_id: str  # path placeholder
    goods_event: str  # RECEIVE / PRODUCE
    source: str  # sourceType of the ledger entries

    @property
    def items(self) -> str:
        return self.orders[:-1] + "_items"

    @property
    def inputs(self) -> str:
        return self.orders[:-1] + "_inputs"

    @property
    def receipts(self) -> str:
        return self.orders[:-1] + "_receipts"

    @property
    def receipt_items(self) -> str:
        return self.orders[:-1] + "_receipt_items"

    @property
    def fields(self) -> tuple[str, ...]:
        return (
            "status",
            self.location_in,
            "expectedDeliveryDate",
            "notes",
            "placedAt",
            *(s for s in STAMPS.values() if s != "placedAt"),
        )


WORK = Family(
    orders="work_orders",
    wrapper="workOrder",
    parent="workOrderId",
    item_key="workOrderItemId",
    number_field="woNumber",
    prefix="WO",
    location_in="workSiteLocationId",
    location="workSiteId",
    cost="conversionCost",
    order_id="work_order_id",
    goods_event="RECEIVE",
    source="work_order_receipt",
)
PRODUCTION = Family(
    orders="production_orders",
    wrapper="productionOrder",
    parent="productionOrderId",
    item_key="productionOrderItemId",
    number_field="prodNumber",
    prefix="PROD",
    location_in="locationId",
    location="locationId",
    cost="productionCost",
    order_id="production_order_id",
    goods_event="PRODUCE",
    source="production_order_receipt",
)


class ProductionHandlers(OrderSteps):
    """Handlers of the WorkOrders and ProductionOrders rows (#106-135)."""

    #: No production route documents a role above the defaults (member writes, viewer reads).
    MIN_ROLE: ClassVar[Mapping[str, str]] = {}

    # -- shared steps ----------------------------------------------------------------------------
    def _mfg_order(self, call: Call, f: Family, order_id: str | None = None) -> dict[str, Any]:
        return self.find(call, f.orders, order_id or call.ids[f.order_id])

    def _mfg_lines(self, call: Call, f: Family, order_id: str) -> list[dict[str, Any]]:
        return self.rows(call, f.items, lambda r: r[f.parent] == order_id)

    def _mfg_inputs_of(self, call: Call, f: Family, item_id: str) -> list[dict[str, Any]]:
        return self.rows(call, f.inputs, lambda r: r[f.item_key] == item_id)

    def _mfg_expand(self, call: Call, f: Family, item: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Replace an item's inputs by its SKU's BOM times its quantity."""
        for old in self._mfg_inputs_of(call, f, item["id"]):
            del self.table(f.inputs)[old["id"]]
        bom = self.table("boms").get(item["skuId"])
        if bom is None or bom.get("orgId") != call.org():
            return []
        inputs = []
        for component in bom.get("items") or []:
            if not isinstance(component, Mapping) or not component.get("materialId"):
                continue
            per_unit = _number(component.get("quantity"))
            if per_unit is None:  # a BOM line without a usable quantity needs nothing
                continue
            inputs.append(
                self.order_store(
                    call,
                    f.inputs,
                    {
                        f.parent: item[f.parent],
                        f.item_key: item["id"],
                        "materialId": component["materialId"],
                        "quantity": amount(per_unit * item["quantity"]),
                    },
                    stamps=False,
                )
            )
        return inputs

    def _mfg_line(
        self, call: Call, f: Family, order_id: str, line: Mapping[str, Any], raw: Any, where: str
    ) -> dict[str, Any]:
        self.order_ref(call, "skus", line["skuId"], f"{where}skuId")
        raw = raw if isinstance(raw, Mapping) else line
        item = self.order_store(
            call,
            f.items,
            {
                f.parent: order_id,
                "skuId": line["skuId"],
                "quantity": line["quantity"],
                f.cost: amount(raw.get(f.cost, line.get(f.cost))),
            },
            stamps=False,
        )
        self._mfg_expand(call, f, item)
        return item

    def _mfg_new(self, call: Call, f: Family, body: Mapping[str, Any], raw: Any) -> str:
        self.order_ref(call, "locations", body[f.location_in], f.location_in)
        raw = raw if isinstance(raw, Mapping) else {}
        fields: dict[str, Any] = {
            f.number_field: self.order_number(call, f.orders, f.number_field, f.prefix),
            "status": body["status"],
            f.location: body[f.location_in],
            "expectedDeliveryDate": body.get("expectedDeliveryDate"),
            "notes": body.get("notes"),
            **{stamp: None for stamp in STAMPS.values()},
            "placedAt": body.get("orderDate") or self.now(),
        }
        for index, line in enumerate(body["items"]):  # checked before anything is stored
            self.order_ref(call, "skus", line["skuId"], f"items.{index}.skuId")
        order = self.order_store(call, f.orders, fields)
        self.order_stamp(order, body["status"], STAMPS, body)
        raw_items = raw.get("items")
        for index, line in enumerate(body["items"]):
            raw_line = raw_items[index] if isinstance(raw_items, list) else line
            self._mfg_line(call, f, order["id"], line, raw_line, f"items.{index}.")
        return str(order["id"])

    def _mfg_detail(self, call: Call, f: Family, order: Mapping[str, Any]) -> dict[str, Any]:
        return {
            f.wrapper: order,
            "items": self._mfg_lines(call, f, order["id"]),
            "inputs": self.rows(call, f.inputs, lambda r: r[f.parent] == order["id"]),
        }

    def _mfg_create(self, call: Call, f: Family) -> SandboxResponse:
        order_id = self._mfg_new(call, f, call.body(), raw_body(call))
        return json_response(self._mfg_detail(call, f, self._mfg_order(call, f, order_id)))

    def _mfg_update(self, call: Call, f: Family) -> SandboxResponse:
        order = self._mfg_order(call, f)
        body = call.body()
        if f.location_in in body:
            self.order_ref(call, "locations", body[f.location_in], f.location_in)
        status = body.get("status", order["status"])
        self.order_transition(order["status"], status, terminal=TERMINAL)
        if (
            status == "Cancelled"
            and order["status"] != "Cancelled"
            and self._mfg_order_receipts(call, f, order["id"])
        ):
            raise SandboxError(
                409,
                "invalid_transition",
                "an order with receipts cannot be cancelled: delete its receipts first",
                {"from": order["status"], "to": status},
            )
        for name in f.fields:
            if name in body and name != "status":
                order[f.location if name == f.location_in else name] = body[name]
        if "orderDate" in body and "placedAt" not in body:
            order["placedAt"] = body["orderDate"]
        self.order_stamp(order, status, STAMPS, body)
        order["updatedAt"] = self.now()
        return json_response(order)

    def _mfg_order_receipts(self, call: Call, f: Family, order_id: str) -> list[dict[str, Any]]:
        return self.rows(call, f.receipts, lambda r: r[f.parent] == order_id)

    def _mfg_delete(self, call: Call, f: Family) -> SandboxResponse:
        order = self._mfg_order(call, f)
        used = self.referrers(call, order["id"], (f"{f.receipts}.{f.parent}", "documents.entityId"))
        if used:
            raise SandboxError(
                409, "in_use", f"{f.orders[:-1]} {order['id']} is in use", {"references": used}
            )
        for name in (f.inputs, f.items):
            for record in self.rows(call, name, lambda r: r[f.parent] == order["id"]):
                del self.table(name)[record["id"]]
        del self.table(f.orders)[order["id"]]
        return json_response({"deletedId": order["id"]})

    def _mfg_bulk(self, call: Call, f: Family) -> SandboxResponse:
        return self.order_bulk(call, lambda c, row, raw: self._mfg_new(c, f, row, raw))

    def _mfg_item_create(self, call: Call, f: Family) -> SandboxResponse:
        order = self._mfg_order(call, f)
        if order["status"] in TERMINAL:
            raise SandboxError(409, "conflict", f"a {order['status']} order takes no new items")
        item = self._mfg_line(call, f, order["id"], call.body(), raw_body(call), "")
        return json_response({"item": item, "inputs": self._mfg_inputs_of(call, f, item["id"])})

    def _mfg_item_update(self, call: Call, f: Family) -> SandboxResponse:
        item = self.find(call, f.items, call.ids["item_id"])
        body = call.body()
        raw = raw_body(call)
        if "quantity" in body:
            received = self.order_received(call, f.receipt_items, f.item_key, item["id"])
            if body["quantity"] < received:
                raise invalid("quantity", f"less than the {received} already received")
            item["quantity"] = body["quantity"]
        if f.cost in body:
            item[f.cost] = amount(raw.get(f.cost, body[f.cost]))
        inputs = self._mfg_expand(call, f, item)
        return json_response({"item": item, "inputs": inputs})

    def _mfg_item_delete(self, call: Call, f: Family) -> SandboxResponse:
        item = self.find(call, f.items, call.ids["item_id"])
        used = self.referrers(call, item["id"], (f"{f.receipt_items}.{f.item_key}",))
        if used:
            raise SandboxError(409, "in_use", f"item {item['id']} is in use", {"references": used})
        for old in self._mfg_inputs_of(call, f, item["id"]):
            del self.table(f.inputs)[old["id"]]
        del self.table(f.items)[item["id"]]
        return json_response({"deletedId": item["id"]})

    def _mfg_fill(self, call: Call, f: Family, order: dict[str, Any]) -> None:
        self.order_fill(
            call,
            order,
            items=f.items,
            received=f.receipt_items,
            item_field=f.item_key,
            parent_field=f.parent,
            stamps=STAMPS,
            before_receipts="Production",
            keep=TERMINAL,
        )

    def _mfg_post(
        self,
        call: Call,
        f: Family,
        order: Mapping[str, Any],
        line: Mapping[str, Any],
        receipt: Mapping[str, Any],
        *,
        reverse: bool,
        notes: str | None = None,
    ) -> None:
        """The ledger entries of one receipt line: goods in, inputs consumed."""
        item = self.table(f.items).get(line[f.item_key], {})
        quantity = Decimal(line["quantity"])
        prefix = "REVERSE_" if reverse else ""
        add_ledger_entry(
            self,
            call,
            "finished_goods",
            item_id=line["skuId"],
            event_type=prefix + f.goods_event,
            quantity=quantity,
            unit_cost=Decimal(item[f.cost]) if item.get(f.cost) else None,
            location_id=line["locationId"],
            ref=order[f.number_field],
            event_date=None if reverse else receipt["receiptDate"],
            source_type=f.source,
            source_id=receipt["id"],
            notes=notes,
        )
        site = order[f.location]
        for used in self._mfg_inputs_of(call, f, line[f.item_key]):
            per_unit = Decimal(used["quantity"]) / Decimal(item.get("quantity") or 1)
            add_ledger_entry(
                self,
                call,
                "materials",
                item_id=used["materialId"],
                event_type=prefix + "CONSUME",
                quantity=per_unit * quantity,
                unit_cost=None,
                location_id=site,
                ref=order[f.number_field],
                event_date=None if reverse else receipt["receiptDate"],
                source_type=f.source,
                source_id=receipt["id"],
                notes=notes,
            )

    def _mfg_receipt_create(self, call: Call, f: Family) -> SandboxResponse:
        order = self._mfg_order(call, f)
        body = call.body()
        if order["status"] in TERMINAL:
            raise SandboxError(
                409,
                "invalid_transition",
                f"a {order['status']} order cannot receive goods",
                {"from": order["status"], "to": "Received"},
            )
        lines = self.order_receipt_lines(
            call,
            raw_body(call).get("items"),
            items=f.items,
            item_field=f.item_key,
            parent_field=f.parent,
            parent_id=order["id"],
            received=f.receipt_items,
        )
        for index, (_, _, line) in enumerate(lines):
            if line.get("locationId") is not None:
                self.order_ref(call, "locations", line["locationId"], f"items.{index}.locationId")
        receipt = self.order_store(
            call,
            f.receipts,
            {f.parent: order["id"], "receiptDate": body.get("receiptDate") or self.now()},
        )
        receipt.pop("updatedAt", None)  # §2b: WO and production receipts have no updatedAt
        receipt_items = []
        for item, quantity, line in lines:
            stored = self.order_store(
                call,
                f.receipt_items,
                {
                    "receiptId": receipt["id"],
                    f.item_key: item["id"],
                    "skuId": item["skuId"],
                    "quantity": amount(quantity),
                    "locationId": line.get("locationId") or order[f.location],
                },
                stamps=False,
            )
            receipt_items.append(stored)
            self._mfg_post(call, f, order, stored, receipt, reverse=False, notes=body.get("notes"))
        self._mfg_fill(call, f, order)
        return json_response({f.wrapper: order, "receipt": receipt, "receiptItems": receipt_items})

    def _mfg_receipt_lines_of(self, call: Call, f: Family, receipt_id: str) -> list[dict[str, Any]]:
        return self.rows(call, f.receipt_items, lambda r: r["receiptId"] == receipt_id)

    def _mfg_receipt_update(self, call: Call, f: Family) -> SandboxResponse:
        receipt = self.find(call, f.receipts, call.ids["receipt_id"])
        receipt.update(call.body())
        return json_response(receipt)

    def _mfg_receipt_delete(self, call: Call, f: Family) -> SandboxResponse:
        receipt = self.find(call, f.receipts, call.ids["receipt_id"])
        order = self._mfg_order(call, f, receipt[f.parent])
        for line in self._mfg_receipt_lines_of(call, f, receipt["id"]):
            self._mfg_post(call, f, order, line, receipt, reverse=True)
            del self.table(f.receipt_items)[line["id"]]
        del self.table(f.receipts)[receipt["id"]]
        self._mfg_fill(call, f, order)
        return json_response({"deletedId": receipt["id"]})

    def _mfg_receipt_retrieve(self, call: Call, f: Family) -> SandboxResponse:
        receipt = self.find(call, f.receipts, call.ids["receipt_id"])
        return json_response(
            {"receipt": receipt, "items": self._mfg_receipt_lines_of(call, f, receipt["id"])}
        )

    # -- work orders (#106-120) ------------------------------------------------------------------
    def on_work_orders_create(self, call: Call) -> SandboxResponse:
        return self._mfg_create(call, WORK)

    def on_work_orders_list(self, call: Call) -> SandboxResponse:
        return self.page(call, self.rows(call, WORK.orders))

    def on_work_orders_update(self, call: Call) -> SandboxResponse:
        return self._mfg_update(call, WORK)

    def on_work_orders_delete(self, call: Call) -> SandboxResponse:
        return self._mfg_delete(call, WORK)

    def on_work_orders_retrieve(self, call: Call) -> SandboxResponse:
        return json_response(self._mfg_detail(call, WORK, self._mfg_order(call, WORK)))

    def on_work_orders_bulk_import(self, call: Call) -> SandboxResponse:
        return self._mfg_bulk(call, WORK)

    def on_work_orders_items_create(self, call: Call) -> SandboxResponse:
        return self._mfg_item_create(call, WORK)

    def on_work_orders_items_update(self, call: Call) -> SandboxResponse:
        return self._mfg_item_update(call, WORK)

    def on_work_orders_items_delete(self, call: Call) -> SandboxResponse:
        return self._mfg_item_delete(call, WORK)

    def on_work_orders_receipts_create(self, call: Call) -> SandboxResponse:
        return self._mfg_receipt_create(call, WORK)

    def on_work_orders_receipts_list(self, call: Call) -> SandboxResponse:
        return self.page(
            call, self._mfg_order_receipts(call, WORK, self._mfg_order(call, WORK)["id"])
        )

    def on_work_orders_receipts_update(self, call: Call) -> SandboxResponse:
        return self._mfg_receipt_update(call, WORK)

    def on_work_orders_receipts_delete(self, call: Call) -> SandboxResponse:
        return self._mfg_receipt_delete(call, WORK)

    def on_work_orders_receipts_retrieve(self, call: Call) -> SandboxResponse:
        return self._mfg_receipt_retrieve(call, WORK)

    def on_work_orders_statuses(self, call: Call) -> SandboxResponse:
        return self.page(call, list(STAMPS))

    # -- production orders (#121-135) ------------------------------------------------------------
    def on_production_orders_create(self, call: Call) -> SandboxResponse:
        return self._mfg_create(call, PRODUCTION)

    def on_production_orders_list(self, call: Call) -> SandboxResponse:
        return self.page(call, self.rows(call, PRODUCTION.orders))

    def on_production_orders_update(self, call: Call) -> SandboxResponse:
        return self._mfg_update(call, PRODUCTION)

    def on_production_orders_delete(self, call: Call) -> SandboxResponse:
        return self._mfg_delete(call, PRODUCTION)

    def on_production_orders_retrieve(self, call: Call) -> SandboxResponse:
        return json_response(self._mfg_detail(call, PRODUCTION, self._mfg_order(call, PRODUCTION)))

    def on_production_orders_bulk_import(self, call: Call) -> SandboxResponse:
        return self._mfg_bulk(call, PRODUCTION)

    def on_production_orders_items_create(self, call: Call) -> SandboxResponse:
        return self._mfg_item_create(call, PRODUCTION)

    def on_production_orders_items_update(self, call: Call) -> SandboxResponse:
        return self._mfg_item_update(call, PRODUCTION)

    def on_production_orders_items_delete(self, call: Call) -> SandboxResponse:
        return self._mfg_item_delete(call, PRODUCTION)

    def on_production_orders_receipts_create(self, call: Call) -> SandboxResponse:
        return self._mfg_receipt_create(call, PRODUCTION)

    def on_production_orders_receipts_list(self, call: Call) -> SandboxResponse:
        return self.page(
            call,
            self._mfg_order_receipts(call, PRODUCTION, self._mfg_order(call, PRODUCTION)["id"]),
        )

    def on_production_orders_receipts_update(self, call: Call) -> SandboxResponse:
        return self._mfg_receipt_update(call, PRODUCTION)

    def on_production_orders_receipts_delete(self, call: Call) -> SandboxResponse:
        return self._mfg_receipt_delete(call, PRODUCTION)

    def on_production_orders_receipts_retrieve(self, call: Call) -> SandboxResponse:
        return self._mfg_receipt_retrieve(call, PRODUCTION)

    def on_production_orders_statuses(self, call: Call) -> SandboxResponse:
        return self.page(call, list(STAMPS))
