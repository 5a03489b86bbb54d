"""Pharus fake: contacts, contact methods and contact links (pharus-routes.md #39-52).

Collections: ``contacts``, ``contact_methods`` (``type`` stored as ``methodType``) and
``contact_links``. Deleting a contact deletes its methods and links; one method per contact
and type, and one link per entity, is primary (setting another clears the previous one).
A link must name a customer or vendor of the organization (400 ``validation_failed``).
"""

from __future__ import annotations

from typing import Any

from .._framework import SandboxResponse, json_response
from ._engine import Call, PharusEngine, SandboxError

__all__ = ["ContactsHandlers"]


def _display_name(first: Any, last: Any) -> str:
    return " ".join(str(part) for part in (first, last) if part)


class ContactsHandlers(PharusEngine):
    """Handlers of the contacts rows."""

    # -- contacts ------------------------------------------------------------------------------
    def on_contacts_create(self, call: Call) -> SandboxResponse:
        body = call.body()
        body.setdefault("displayName", _display_name(body["firstName"], body.get("lastName")))
        fields = {k: body.get(k) for k in ("firstName", "lastName", "title", "notes")}
        record = self.insert(call, "contacts", {"displayName": body["displayName"], **fields})
        return json_response(record)

    def on_contacts_list(self, call: Call) -> SandboxResponse:
        return self.page(call, self.rows(call, "contacts"))

    def on_contacts_update(self, call: Call) -> SandboxResponse:
        self.find(call, "contacts", call.ids["contact_id"])
        return json_response(self.change(call, "contacts", call.ids["contact_id"], call.body()))

    def on_contacts_delete(self, call: Call) -> SandboxResponse:
        contact_id = call.ids["contact_id"]
        self.find(call, "contacts", contact_id)
        for collection in ("contact_methods", "contact_links"):
            table = self.table(collection)
            for record in self.rows(call, collection, lambda r: r["contactId"] == contact_id):
                del table[record["id"]]
        return self.remove(call, "contacts", contact_id)

    def on_contacts_retrieve(self, call: Call) -> SandboxResponse:
        contact = self.find(call, "contacts", call.ids["contact_id"])

        def mine(r: dict[str, Any]) -> bool:
            return bool(r["contactId"] == contact["id"])

        return json_response(
            {
                "contact": contact,
                "methods": self.rows(call, "contact_methods", mine),
                "links": self.rows(call, "contact_links", mine),
            }
        )

    # -- methods -------------------------------------------------------------------------------
    def _contacts_primary(self, call: Call, collection: str, record: dict[str, Any]) -> None:
        """Clear ``isPrimary`` on the record's siblings when it becomes primary."""
        if not record.get("isPrimary"):
            return
        if collection == "contact_methods":
            keys = ("contactId", "methodType")
        else:
            keys = ("entityType", "entityId")
        for other in self.rows(call, collection):
            if other["id"] != record["id"] and all(other[k] == record[k] for k in keys):
                other["isPrimary"] = False

    def _contacts_add_method(
        self, call: Call, contact_id: str, body: dict[str, Any]
    ) -> dict[str, Any]:
        record = self.insert(
            call,
            "contact_methods",
            {
                "contactId": contact_id,
                "methodType": str(body["type"]),
                "value": body["value"],
                "label": body.get("label"),
                "isPrimary": bool(body.get("isPrimary", False)),
            },
        )
        self._contacts_primary(call, "contact_methods", record)
        return record

    def on_contacts_methods_create(self, call: Call) -> SandboxResponse:
        body = call.body()
        contact = self.find(call, "contacts", call.ids["contact_id"])
        return json_response(self._contacts_add_method(call, contact["id"], body))

    def on_contacts_methods_list(self, call: Call) -> SandboxResponse:
        contact = self.find(call, "contacts", call.ids["contact_id"])
        methods = self.rows(call, "contact_methods", lambda r: r["contactId"] == contact["id"])
        return self.page(call, methods)

    def on_contacts_methods_update(self, call: Call) -> SandboxResponse:
        body = call.body()
        self.find(call, "contact_methods", call.ids["method_id"])
        if "type" in body:
            body["methodType"] = str(body.pop("type"))
        record = self.change(call, "contact_methods", call.ids["method_id"], body)
        self._contacts_primary(call, "contact_methods", record)
        return json_response(record)

    def on_contacts_methods_delete(self, call: Call) -> SandboxResponse:
        return self.remove(call, "contact_methods", call.ids["method_id"])

    # -- links ---------------------------------------------------------------------------------
    def _contacts_check_entity(self, call: Call, entity_type: str, entity_id: str) -> None:
        collection = "customers" if entity_type == "customer" else "vendors"
        record = self.table(collection).get(entity_id)
        if record is None or record.get("orgId") != call.org():
            raise SandboxError(
                400,
                "validation_failed",
                f"{entity_type} {entity_id} not found",
                {"fieldErrors": {"entityId": [f"no such {entity_type}"]}},
            )

    def _contacts_link(self, call: Call, contact_id: str, body: dict[str, Any]) -> dict[str, Any]:
        entity_type, entity_id = str(body["entityType"]), body["entityId"]
        self._contacts_check_entity(call, entity_type, entity_id)
        for link in self.rows(call, "contact_links"):
            if (link["contactId"], link["entityType"], link["entityId"]) == (
                contact_id,
                entity_type,
                entity_id,
            ):
                raise SandboxError(409, "conflict", "the contact is already linked to this entity")
        record = self.insert(
            call,
            "contact_links",
            {
                "contactId": contact_id,
                "entityType": entity_type,
                "entityId": entity_id,
                "role": body.get("role"),
                "isPrimary": bool(body.get("isPrimary", False)),
                "notes": body.get("notes"),
            },
        )
        self._contacts_primary(call, "contact_links", record)
        return record

    def on_contacts_links_create(self, call: Call) -> SandboxResponse:
        body = call.body()
        contact = self.find(call, "contacts", call.ids["contact_id"])
        return json_response(self._contacts_link(call, contact["id"], body))

    def on_contacts_links_update(self, call: Call) -> SandboxResponse:
        body = call.body()
        record = self.change(call, "contact_links", call.ids["link_id"], body)
        self._contacts_primary(call, "contact_links", record)
        return json_response(record)

    def on_contacts_links_delete(self, call: Call) -> SandboxResponse:
        return self.remove(call, "contact_links", call.ids["link_id"])

    # -- entity views --------------------------------------------------------------------------
    def on_contacts_find_or_create(self, call: Call) -> SandboxResponse:
        body = call.body()
        entity_type, entity_id = str(body["entityType"]), body["entityId"]
        self._contacts_check_entity(call, entity_type, entity_id)
        email = str(body["email"]).lower()
        method = next(
            (
                r
                for r in self.rows(call, "contact_methods")
                if r["methodType"] == "email" and str(r["value"]).lower() == email
            ),
            None,
        )
        created = method is None
        if method is None:
            contact = self.insert(
                call,
                "contacts",
                {
                    "displayName": _display_name(body["firstName"], body.get("lastName")),
                    "firstName": body["firstName"],
                    "lastName": body.get("lastName"),
                    "title": None,
                    "notes": None,
                },
            )
            method = self._contacts_add_method(
                call, contact["id"], {"type": "email", "value": body["email"], "isPrimary": True}
            )
        else:
            contact = self.find(call, "contacts", method["contactId"])
        link = next(
            (
                r
                for r in self.rows(call, "contact_links")
                if (r["contactId"], r["entityType"], r["entityId"])
                == (contact["id"], entity_type, entity_id)
            ),
            None,
        )
        if link is None:
            link = self._contacts_link(
                call,
                contact["id"],
                {"entityType": entity_type, "entityId": entity_id, "role": body.get("role")},
            )
        return json_response(
            {"contact": contact, "method": method, "link": link, "created": created}
        )

    def on_contacts_list_by_entity(self, call: Call) -> SandboxResponse:
        entity_type, entity_id = call.query("entityType"), call.query("entityId")
        if entity_type not in ("customer", "vendor") or not entity_id:
            raise SandboxError(
                400,
                "validation_failed",
                "entityType (customer or vendor) and entityId are required",
                {"fieldErrors": {"entityType": ["required"], "entityId": ["required"]}},
            )
        found = []
        for link in self.rows(call, "contact_links"):
            if (link["entityType"], link["entityId"]) != (entity_type, entity_id):
                continue
            contact = self.table("contacts").get(link["contactId"])
            if contact is not None and link["isActive"]:
                found.append({**contact, "link": link})
        return self.page(call, found)
