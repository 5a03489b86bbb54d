"""Pharus fake: materials and finished-goods inventory (pharus-routes.md #53-66).

Both ledgers are collections of entries in §2b's shape: ``materials_ledger`` (entries carry
``materialId``) and ``fg_ledger`` (``skuId``), oldest first. Quantities and unit costs are
stored and answered as strings with their exact digits. Every write goes through
`add_ledger_entry`, which other sections' handlers import too (e.g. a PO receipt writes a
``RECEIVE`` entry)::

    from .inventory import add_ledger_entry
    add_ledger_entry(self, call, "materials", item_id=..., location_id=..., event_type="RECEIVE",
                     quantity=Decimal("12.5"), unit_cost=Decimal("3.10"),
                     source_type="purchase_order_receipt", source_id=receipt_id)

How the fake reads the ledger (the document shows none of it):

* a transfer writes a ``TRANSFER`` entry at the source with ``toLocationId`` and a fresh
  ``ref`` (``TR-000001``); completing it by ``ref`` writes a second ``TRANSFER`` entry at
  the destination without ``toLocationId``; completing twice is 409 ``invalid_transition``;
* on hand: ``RECEIVE``, ``PRODUCE``, ``ADJUST`` and ``REVERSE_CONSUME`` add, ``DISPOSE``,
  ``CONSUME``, ``REVERSE_RECEIVE`` and ``REVERSE_PRODUCE`` subtract, a transfer leaves the
  source at once and reaches the destination when completed (``inTransit`` meanwhile);
  ``ORDER``/``DEMAND``/``ALLOCATE`` do not move stock;
* the material or SKU and the locations must be records of the organization (400
  ``validation_failed`` with ``fieldErrors``);
* a disposal or transfer of more than is on hand is 409 ``conflict``;
* a summary row is ``{materialId|skuId, locationId, onHand, inTransit}`` (strings);
* ``dateFrom``/``dateTo`` compare the first 10 characters of ``eventDate`` (the day),
  both inclusive.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from .._framework import SandboxResponse, json_response
from ._engine import Call, PharusEngine, SandboxError

__all__ = [
    "LEDGERS",
    "InventoryHandlers",
    "Ledger",
    "add_ledger_entry",
    "missing_references",
    "refuse",
    "stock_levels",
]

#: Which ledger: ``"materials"`` or ``"finished_goods"``.
Ledger = Literal["materials", "finished_goods"]
#: Per ledger: (collection, item field, item collection, item code field, event types).
LEDGERS: Mapping[str, tuple[str, str, str, str, frozenset[str]]] = {
    "materials": (
        "materials_ledger",
        "materialId",
        "materials",
        "materialCode",
        frozenset(
            {
                "ORDER", "RECEIVE", "DEMAND", "ALLOCATE", "CONSUME", "TRANSFER", "ADJUST",
                "DISPOSE", "REVERSE_ORDER", "REVERSE_RECEIVE", "REVERSE_DEMAND",
                "REVERSE_ALLOCATE", "REVERSE_CONSUME", "REVERSE_TRANSFER",
            }
        ),
    ),
    "finished_goods": (
        "fg_ledger",
        "skuId",
        "skus",
        "skuCode",
        frozenset(
            {
                "ORDER", "RECEIVE", "PRODUCE", "DEMAND", "ALLOCATE", "CONSUME", "TRANSFER",
                "ADJUST", "DISPOSE", "REVERSE_ORDER", "REVERSE_RECEIVE", "REVERSE_PRODUCE",
                "REVERSE_DEMAND", "REVERSE_ALLOCATE", "REVERSE_CONSUME", "REVERSE_TRANSFER",
            }
        ),
    ),
}  # fmt: skip
_ADDS = frozenset({"RECEIVE", "PRODUCE", "ADJUST", "REVERSE_CONSUME"})
_SUBTRACTS = frozenset({"DISPOSE", "CONSUME", "REVERSE_RECEIVE", "REVERSE_PRODUCE"})


def missing_references(
    engine: PharusEngine,
    call: Call,
    body: Mapping[str, Any],
    references: Mapping[str, str],
    path: str = "",
) -> dict[str, list[str]]:
    """What is wrong with the ids of ``body`` that must name records of the call's
    organization (request field -> collection): ``{"<path><field>": ["no such ..."]}``."""
    problems: dict[str, list[str]] = {}
    for field, collection in references.items():
        value = body.get(field)
        if value is None:
            continue
        record = engine.table(collection).get(value)
        if record is None or record.get("orgId") != call.org():
            noun = collection.removesuffix("s").replace("_", " ")
            problems[f"{path}{field}"] = [f"no such {'SKU' if noun == 'sku' else noun}"]
    return problems


def refuse(problems: Mapping[str, list[str]]) -> None:
    """Answer 400 ``validation_failed`` with ``fieldErrors`` when there are problems."""
    if problems:
        raise SandboxError(
            400, "validation_failed", "the body is invalid", {"fieldErrors": dict(problems)}
        )


def _text(value: Any) -> str | None:
    """A quantity or cost as the API answers it: a string with its exact digits."""
    if value is None:
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a number") from None
    return str(number)


def add_ledger_entry(
    engine: PharusEngine,
    call: Call,
    ledger: Ledger,
    *,
    item_id: str,
    location_id: str,
    event_type: str,
    quantity: Decimal | int | str,
    unit_cost: Decimal | int | str | None = None,
    ref: str | None = None,
    to_location_id: str | None = None,
    notes: str | None = None,
    event_date: str | None = None,
    source_type: str | None = None,
    source_id: str | None = None,
) -> dict[str, Any]:
    """Write one ledger entry of the call's organization and return it (API shape).

    ``item_id`` is the material id (``"materials"``) or SKU id (``"finished_goods"``);
    ``code`` is filled from that item's record when the catalog holds it.
    """
    collection, item_field, items, code_field, _ = LEDGERS[ledger]
    item = engine.table(items).get(item_id) or {}
    now = engine.now()
    entry: dict[str, Any] = {
        "id": engine.new_id(),
        "orgId": call.org(),
        "code": item.get(code_field),
        item_field: item_id,
        "locationId": location_id,
        "eventType": str(event_type),
        "quantity": _text(quantity),
        "unitCost": _text(unit_cost),
        "ref": ref,
        "toLocationId": to_location_id,
        "notes": notes,
        "eventDate": event_date or now,
        "sourceType": source_type,
        "sourceId": source_id,
        "createdAt": now,
    }
    engine.table(collection)[entry["id"]] = entry
    return entry


def _completed_refs(entries: list[dict[str, Any]]) -> set[str]:
    return {
        e["ref"]
        for e in entries
        if e["eventType"] == "TRANSFER" and e["toLocationId"] is None and e["ref"]
    }


def stock_levels(entries: list[dict[str, Any]], item_field: str) -> list[dict[str, Any]]:
    """On hand and in transit per (item, location) from ledger entries, in order of first
    appearance; quantities as strings."""
    levels: dict[tuple[str, str], list[Decimal]] = {}

    def level(item: str, location: str) -> list[Decimal]:
        return levels.setdefault((item, location), [Decimal(0), Decimal(0)])

    completed = _completed_refs(entries)
    for e in entries:
        item, kind, quantity = e[item_field], e["eventType"], Decimal(e["quantity"])
        if kind in _ADDS:
            level(item, e["locationId"])[0] += quantity
        elif kind in _SUBTRACTS:
            level(item, e["locationId"])[0] -= quantity
        elif kind == "TRANSFER" and e["toLocationId"] is not None:
            level(item, e["locationId"])[0] -= quantity
            if e["ref"] not in completed:
                level(item, e["toLocationId"])[1] += quantity
        elif kind == "TRANSFER":
            level(item, e["locationId"])[0] += quantity
    return [
        {item_field: item, "locationId": location, "onHand": str(on), "inTransit": str(moving)}
        for (item, location), (on, moving) in levels.items()
    ]


class InventoryHandlers(PharusEngine):
    """Handlers of the materials and finished-goods inventory rows."""

    def _inventory_entries(self, call: Call, ledger: Ledger) -> list[dict[str, Any]]:
        return self.rows(call, LEDGERS[ledger][0])

    def _inventory_on_hand(self, call: Call, ledger: Ledger, item: str, location: str) -> Decimal:
        item_field = LEDGERS[ledger][1]
        for row in stock_levels(self._inventory_entries(call, ledger), item_field):
            if (row[item_field], row["locationId"]) == (item, location):
                return Decimal(row["onHand"])
        return Decimal(0)

    def _inventory_take(
        self, call: Call, ledger: Ledger, item: str, location: str, quantity: Any
    ) -> None:
        on_hand = self._inventory_on_hand(call, ledger, item, location)
        if Decimal(str(quantity)) > on_hand:
            raise SandboxError(
                409,
                "conflict",
                f"only {on_hand} on hand at location {location}",
                {"onHand": str(on_hand)},
            )

    def _inventory_transfer(self, call: Call, ledger: Ledger) -> SandboxResponse:
        body = call.body()
        item_field, items = LEDGERS[ledger][1], LEDGERS[ledger][2]
        refuse(
            missing_references(
                self,
                call,
                body,
                {
                    item_field: items,
                    "sourceLocationId": "locations",
                    "destinationLocationId": "locations",
                },
            )
        )
        source, destination = body["sourceLocationId"], body["destinationLocationId"]
        if source == destination:
            raise SandboxError(
                400,
                "validation_failed",
                "source and destination are the same location",
                {"fieldErrors": {"destinationLocationId": ["must differ from the source"]}},
            )
        self._inventory_take(call, ledger, body[item_field], source, body["quantity"])
        started = [
            e
            for e in self._inventory_entries(call, ledger)
            if e["eventType"] == "TRANSFER" and e["toLocationId"] is not None
        ]
        ref = f"TR-{len(started) + 1:06d}"
        entry = add_ledger_entry(
            self,
            call,
            ledger,
            item_id=body[item_field],
            location_id=source,
            event_type="TRANSFER",
            quantity=body["quantity"],
            ref=ref,
            to_location_id=destination,
            notes=body.get("notes"),
            event_date=body.get("eventDate"),
            source_type="transfer",
        )
        return json_response({"ledgerEntry": entry, "ref": ref})

    def _inventory_complete(self, call: Call, ledger: Ledger) -> SandboxResponse:
        body = call.body()
        ref = call.ids["ref"]
        entries = self._inventory_entries(call, ledger)
        start = next(
            (
                e
                for e in entries
                if e["eventType"] == "TRANSFER" and e["ref"] == ref and e["toLocationId"]
            ),
            None,
        )
        if start is None:
            raise SandboxError(404, "not_found", f"transfer {ref} not found")
        if ref in _completed_refs(entries):
            raise SandboxError(409, "invalid_transition", f"transfer {ref} is already completed")
        entry = add_ledger_entry(
            self,
            call,
            ledger,
            item_id=start[LEDGERS[ledger][1]],
            location_id=start["toLocationId"],
            event_type="TRANSFER",
            quantity=start["quantity"],
            ref=ref,
            notes=body.get("notes"),
            event_date=body.get("eventDate"),
            source_type="transfer",
            source_id=start["id"],
        )
        return json_response(entry)

    def _inventory_move(self, call: Call, ledger: Ledger, event_type: str) -> SandboxResponse:
        body = call.body()
        item_field, items = LEDGERS[ledger][1], LEDGERS[ledger][2]
        refuse(missing_references(self, call, body, {item_field: items, "locationId": "locations"}))
        item = body[item_field]
        if event_type == "DISPOSE":
            self._inventory_take(call, ledger, item, body["locationId"], body["quantity"])
        entry = add_ledger_entry(
            self,
            call,
            ledger,
            item_id=item,
            location_id=body["locationId"],
            event_type=event_type,
            quantity=body["quantity"],
            notes=body.get("notes"),
            event_date=body.get("eventDate"),
            source_type="adjustment" if event_type == "ADJUST" else "disposal",
        )
        return json_response(entry)

    def _inventory_summary(self, call: Call, ledger: Ledger) -> SandboxResponse:
        item_field = LEDGERS[ledger][1]
        item, location = call.query(item_field), call.query("locationId")
        rows = [
            row
            for row in stock_levels(self._inventory_entries(call, ledger), item_field)
            if (item is None or row[item_field] == item)
            and (location is None or row["locationId"] == location)
        ]
        return self.page(call, rows)

    def _inventory_ledger(self, call: Call, ledger: Ledger) -> SandboxResponse:
        item_field, kinds = LEDGERS[ledger][1], LEDGERS[ledger][4]
        event_type = call.query("eventType")
        if event_type is not None and event_type not in kinds:
            raise SandboxError(
                400,
                "validation_failed",
                f"unknown eventType {event_type!r}",
                {"fieldErrors": {"eventType": [f"must be one of {', '.join(sorted(kinds))}"]}},
            )
        wanted = {key: call.query(key) for key in (item_field, "locationId", "eventType", "ref")}
        day_from = (call.query("dateFrom") or "")[:10]
        day_to = (call.query("dateTo") or "")[:10]

        def keep(entry: dict[str, Any]) -> bool:
            if any(v is not None and entry[k] != v for k, v in wanted.items()):
                return False
            day = str(entry["eventDate"])[:10]
            return (not day_from or day >= day_from) and (not day_to or day <= day_to)

        return self.page(call, [e for e in self._inventory_entries(call, ledger) if keep(e)])

    def _inventory_entry(self, call: Call, ledger: Ledger) -> SandboxResponse:
        return json_response(self.find(call, LEDGERS[ledger][0], call.ids["entry_id"]))

    # -- materials -------------------------------------------------------------------------------
    def on_materials_inventory_transfers_create(self, call: Call) -> SandboxResponse:
        return self._inventory_transfer(call, "materials")

    def on_materials_inventory_transfers_complete(self, call: Call) -> SandboxResponse:
        return self._inventory_complete(call, "materials")

    def on_materials_inventory_adjust(self, call: Call) -> SandboxResponse:
        return self._inventory_move(call, "materials", "ADJUST")

    def on_materials_inventory_dispose(self, call: Call) -> SandboxResponse:
        return self._inventory_move(call, "materials", "DISPOSE")

    def on_materials_inventory_summary(self, call: Call) -> SandboxResponse:
        return self._inventory_summary(call, "materials")

    def on_materials_inventory_ledger_list(self, call: Call) -> SandboxResponse:
        return self._inventory_ledger(call, "materials")

    def on_materials_inventory_ledger_retrieve(self, call: Call) -> SandboxResponse:
        return self._inventory_entry(call, "materials")

    # -- finished goods --------------------------------------------------------------------------
    def on_finished_goods_inventory_transfers_create(self, call: Call) -> SandboxResponse:
        return self._inventory_transfer(call, "finished_goods")

    def on_finished_goods_inventory_transfers_complete(self, call: Call) -> SandboxResponse:
        return self._inventory_complete(call, "finished_goods")

    def on_finished_goods_inventory_adjust(self, call: Call) -> SandboxResponse:
        return self._inventory_move(call, "finished_goods", "ADJUST")

    def on_finished_goods_inventory_dispose(self, call: Call) -> SandboxResponse:
        return self._inventory_move(call, "finished_goods", "DISPOSE")

    def on_finished_goods_inventory_summary(self, call: Call) -> SandboxResponse:
        return self._inventory_summary(call, "finished_goods")

    def on_finished_goods_inventory_ledger_list(self, call: Call) -> SandboxResponse:
        return self._inventory_ledger(call, "finished_goods")

    def on_finished_goods_inventory_ledger_retrieve(self, call: Call) -> SandboxResponse:
        return self._inventory_entry(call, "finished_goods")
