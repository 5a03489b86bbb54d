"""Pharus fake: customers, customer types, customer segments, brokers (#163-183).

Collections: ``customers`` (stored in answer names: ``customerTypeId``,
``customerSegmentId``, ``parentCustomerId``, ``brokerFeePercent`` as a string),
``customer_types``, ``customer_segments`` and ``brokers`` (lookup items: ``id, orgId, name,
sortOrder, isActive, createdAt``, no ``updatedAt``; listed by ``sortOrder``, new items last).

* A customer's type, segment, broker and parent must be records of the organization
  (400 ``validation_failed`` with ``fieldErrors`` otherwise).
* Deleting a type, segment or broker that customers use (or, for a broker, sales orders)
  is 409 ``in_use``; so is deleting a customer with sales orders, child customers or
  contact links. The usage checks count the same references.
* The list filters ``type``/``segment``/``broker`` match an id or a name;
  ``parentCustomer`` an id; ``q`` a part of the name (any case); ``active`` is
  ``"true"``/``"false"``.
* A bulk import checks every row first and creates all of them or none (a refused batch
  is 400 with ``fieldErrors`` keyed ``rows.<n>.<field>``); it answers ``{"ids": [...]}``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .._framework import SandboxResponse, json_response
from ._engine import Call, PharusEngine, SandboxError

__all__ = [
    "CustomersHandlers",
    "add_lookup",
    "list_lookups",
    "lookup_usage",
]

#: Request name -> (answer name, referenced collection) of a customer's references.
_REFERENCES = {
    "typeId": ("customerTypeId", "customer_types"),
    "segmentId": ("customerSegmentId", "customer_segments"),
    "brokerId": ("brokerId", "brokers"),
    "parentId": ("parentCustomerId", "customers"),
}
#: What refers to each collection of this section ("collection.field").
_USED_BY = {
    "customer_types": ("customers.customerTypeId",),
    "customer_segments": ("customers.customerSegmentId",),
    "brokers": ("customers.brokerId", "sales_orders.brokerId"),
    "customers": (
        "sales_orders.customerId",
        "customers.parentCustomerId",
        "contact_links.entityId",
    ),
}


def add_lookup(engine: PharusEngine, call: Call, collection: str, name: str) -> dict[str, Any]:
    """A new lookup item (``LookupItem`` shape) at the end of its list."""
    record = engine.insert(
        call, collection, {"name": name, "sortOrder": len(engine.rows(call, collection))}
    )
    record.pop("updatedAt", None)
    return record


def list_lookups(engine: PharusEngine, call: Call, collection: str) -> SandboxResponse:
    """The lookup items of the organization by ``sortOrder`` (then age)."""
    items = engine.rows(call, collection)
    return engine.page(call, sorted(items, key=lambda r: r["sortOrder"]))


def lookup_usage(
    engine: PharusEngine, call: Call, record_id: str, references: Iterable[str]
) -> dict[str, Any]:
    """``{inUse, customerCount, sampleCustomerIds, soCount}`` of one record."""
    counts = engine.referrers(call, record_id, references)
    customers = [
        r["id"]
        for r in engine.rows(call, "customers")
        if record_id in (r.get("customerTypeId"), r.get("customerSegmentId"), r.get("brokerId"))
    ]
    return {
        "inUse": bool(counts),
        "customerCount": len(customers),
        "sampleCustomerIds": customers[:5],
        "soCount": counts.get("sales_orders.brokerId", 0)
        + counts.get("sales_orders.orderChannelId", 0),
    }


def _active_filter(value: str | None) -> bool | None:
    if value is None:
        return None
    if value not in ("true", "false"):
        raise SandboxError(
            400,
            "validation_failed",
            "active must be true or false",
            {"fieldErrors": {"active": ["must be 'true' or 'false'"]}},
        )
    return value == "true"


class CustomersHandlers(PharusEngine):
    """Handlers of the customers rows."""

    def _customers_fields(
        self, call: Call, body: Mapping[str, Any], path: str = ""
    ) -> tuple[dict[str, Any], dict[str, list[str]]]:
        """A body in answer names, and the problems with its references."""
        fields: dict[str, Any] = {}
        problems: dict[str, list[str]] = {}
        for key, value in body.items():
            answer, collection = _REFERENCES.get(key, (key, ""))
            if collection and value is not None:
                record = self.table(collection).get(value)
                if record is None or record.get("orgId") != call.org():
                    problems[f"{path}{key}"] = [f"no such {collection[:-1].replace('_', ' ')}"]
            if key == "brokerFeePercent" and value is not None:
                value = str(value)
            fields[answer] = value
        return fields, problems

    def _customers_refuse(self, problems: dict[str, list[str]]) -> None:
        if problems:
            raise SandboxError(
                400, "validation_failed", "the body is invalid", {"fieldErrors": problems}
            )

    def _customers_new(self, call: Call, fields: dict[str, Any]) -> dict[str, Any]:
        blank = dict.fromkeys(
            ("customerSegmentId", "brokerId", "brokerFeePercent", "address", "city", "state",
             "country", "zipCode", "parentCustomerId", "qboId", "notes")
        )  # fmt: skip
        return self.insert(call, "customers", {**blank, **fields})

    # -- customers -----------------------------------------------------------------------------
    def on_customers_create(self, call: Call) -> SandboxResponse:
        fields, problems = self._customers_fields(call, call.body())
        self._customers_refuse(problems)
        return json_response(self._customers_new(call, fields))

    def on_customers_list(self, call: Call) -> SandboxResponse:
        active = _active_filter(call.query("active"))
        q = (call.query("q") or "").lower()

        def matches(value: Any, collection: str, wanted: str | None) -> bool:
            if wanted is None:
                return True
            named = self.table(collection).get(value) or {}
            return wanted in (value, named.get("name"))

        def keep(r: dict[str, Any]) -> bool:
            return (
                (active is None or r["isActive"] == active)
                and q in str(r["name"]).lower()
                and matches(r["customerTypeId"], "customer_types", call.query("type"))
                and matches(r["customerSegmentId"], "customer_segments", call.query("segment"))
                and matches(r["brokerId"], "brokers", call.query("broker"))
                and matches(r["parentCustomerId"], "customers", call.query("parentCustomer"))
            )

        return self.page(call, self.rows(call, "customers", keep))

    def on_customers_update(self, call: Call) -> SandboxResponse:
        customer_id = call.ids["customer_id"]
        self.find(call, "customers", customer_id)
        fields, problems = self._customers_fields(call, call.body())
        if fields.get("parentCustomerId") == customer_id:
            problems["parentId"] = ["a customer cannot be its own parent"]
        self._customers_refuse(problems)
        return json_response(self.change(call, "customers", customer_id, fields))

    def on_customers_delete(self, call: Call) -> SandboxResponse:
        return self.remove(
            call, "customers", call.ids["customer_id"], references=_USED_BY["customers"]
        )

    def on_customers_retrieve(self, call: Call) -> SandboxResponse:
        return json_response(self.find(call, "customers", call.ids["customer_id"]))

    def on_customers_bulk_import(self, call: Call) -> SandboxResponse:
        rows = call.body()["rows"]
        checked = []
        problems: dict[str, list[str]] = {}
        for n, row in enumerate(rows):
            fields, row_problems = self._customers_fields(call, row, f"rows.{n}.")
            checked.append(fields)
            problems.update(row_problems)
        self._customers_refuse(problems)
        return json_response({"ids": [self._customers_new(call, f)["id"] for f in checked]})

    # -- lookups -------------------------------------------------------------------------------
    def _customers_lookup_create(self, call: Call, collection: str) -> SandboxResponse:
        return json_response(add_lookup(self, call, collection, call.body()["name"]))

    def _customers_lookup_update(self, call: Call, collection: str, key: str) -> SandboxResponse:
        return json_response(self.change(call, collection, call.ids[key], call.body()))

    def _customers_lookup_delete(self, call: Call, collection: str, key: str) -> SandboxResponse:
        return self.remove(call, collection, call.ids[key], references=_USED_BY[collection])

    def _customers_lookup_usage(self, call: Call, collection: str, key: str) -> dict[str, Any]:
        record = self.find(call, collection, call.ids[key])
        return lookup_usage(self, call, record["id"], _USED_BY[collection])

    def on_customer_types_create(self, call: Call) -> SandboxResponse:
        return self._customers_lookup_create(call, "customer_types")

    def on_customer_types_list(self, call: Call) -> SandboxResponse:
        return list_lookups(self, call, "customer_types")

    def on_customer_types_update(self, call: Call) -> SandboxResponse:
        return self._customers_lookup_update(call, "customer_types", "type_id")

    def on_customer_types_delete(self, call: Call) -> SandboxResponse:
        return self._customers_lookup_delete(call, "customer_types", "type_id")

    def on_customer_segments_create(self, call: Call) -> SandboxResponse:
        return self._customers_lookup_create(call, "customer_segments")

    def on_customer_segments_list(self, call: Call) -> SandboxResponse:
        return list_lookups(self, call, "customer_segments")

    def on_customer_segments_update(self, call: Call) -> SandboxResponse:
        return self._customers_lookup_update(call, "customer_segments", "segment_id")

    def on_customer_segments_delete(self, call: Call) -> SandboxResponse:
        return self._customers_lookup_delete(call, "customer_segments", "segment_id")

    def on_brokers_create(self, call: Call) -> SandboxResponse:
        return self._customers_lookup_create(call, "brokers")

    def on_brokers_list(self, call: Call) -> SandboxResponse:
        return list_lookups(self, call, "brokers")

    def on_brokers_update(self, call: Call) -> SandboxResponse:
        return self._customers_lookup_update(call, "brokers", "broker_id")

    def on_brokers_delete(self, call: Call) -> SandboxResponse:
        return self._customers_lookup_delete(call, "brokers", "broker_id")

    def on_customer_types_usage(self, call: Call) -> SandboxResponse:
        usage = self._customers_lookup_usage(call, "customer_types", "type_id")
        del usage["soCount"]
        return json_response(usage)

    def on_customer_segments_usage(self, call: Call) -> SandboxResponse:
        usage = self._customers_lookup_usage(call, "customer_segments", "segment_id")
        del usage["soCount"]
        return json_response(usage)

    def on_brokers_usage(self, call: Call) -> SandboxResponse:
        usage = self._customers_lookup_usage(call, "brokers", "broker_id")
        del usage["sampleCustomerIds"]
        return json_response(usage)
