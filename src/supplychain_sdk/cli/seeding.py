"""``sandbox serve --seed FILE``: records a served sandbox starts with.

The file is one JSON object; each key names a kind of record and holds a list of records in
the API's own field names. What each platform takes:

- **procuros**: ``transactions``: ``{"type": "ORDER", "content": {...}}`` documents a trade
  partner sends you; they land in the incoming queue (``procuros list``).
- **cartoncloud**: ``customers`` (``{"name", "code"}``) and ``products`` (``{"code",
  "name", "stock", "barcode", "customerCode", "type"}``) go straight into the sandbox (the
  API cannot set stock); ``outbound_orders``, ``inbound_orders`` and ``consignments`` are
  created through the client, as the API takes them.
- **onescp** and **pharus**: any record kind the client can create without a parent id
  (``orders``, ``items``, ``shipments``, ``tasks`` / ``vendors``, ``locations``,
  ``materials``, ...): each record is the body of that kind's ``create`` call.
- **one_platform**: ``clients`` (``{"clientId", "name", ...}``) and ``pending_orders``
  (``{"orderId", "clientId", "lines": [{"productCode", "quantity"}], ...}``), orders
  placed on ONe that wait for the ERP.

Records are created in the file's order, before the sandbox starts serving; the first bad
record stops it with an error naming the file, the kind and the record's index.
"""

from __future__ import annotations

import functools
import json
import re
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .._core.errors import InvalidRequestError, SupplyChainError

__all__ = ["SeedError", "load_seed"]

Loader = Callable[[Any, str, dict[str, Any]], None]


class SeedError(Exception):
    """A seed file that cannot be loaded; the message names the file, kind and record."""


def _creatable(routes: Mapping[str, Any]) -> dict[str, Any]:
    """Kinds whose ``<kind>.create`` row needs no path id, by kind."""
    return {
        name.removesuffix(".create"): op
        for name, op in routes.items()
        if name.endswith(".create") and name.count(".") == 1 and "{" not in op.path
    }


def _through_routes(routes: Mapping[str, Any]) -> tuple[tuple[str, ...], Loader]:
    kinds = _creatable(routes)

    def load(client: Any, kind: str, record: dict[str, Any]) -> None:
        client.run(kinds[kind], body=record)

    return tuple(sorted(kinds)), load


def _procuros(sandbox: Any) -> tuple[tuple[str, ...], Loader]:
    def load(client: Any, kind: str, record: dict[str, Any]) -> None:
        unknown = set(record) - {"type", "content"}
        if unknown:
            raise InvalidRequestError(f"unknown field(s) {sorted(unknown)}: use type and content")
        if not isinstance(record.get("content"), dict):
            raise InvalidRequestError("content must be the document (a JSON object)")
        kind_of = str(record.get("type"))
        document = _procuros_document(kind_of, record["content"])
        try:
            sandbox.deliver(kind_of, document)
        except ValueError as exc:  # a type the platform does not have
            raise InvalidRequestError(str(exc)) from None

    return ("transactions",), load


@functools.cache
def _received_transaction() -> Any:
    """The validator of received Procuros transactions (built once: it is large)."""
    from pydantic import TypeAdapter

    from ..procuros import ReceivedTransaction

    return TypeAdapter(ReceivedTransaction)


def _procuros_document(kind: str, content: dict[str, Any]) -> dict[str, Any]:
    """``content`` if it is a valid document of ``kind`` (what the client will read back)."""
    from pydantic import ValidationError

    from .._core.checks import field_errors, invalid

    probe = {"procurosTransactionId": str(uuid.UUID(int=0)), "type": kind, "content": content}
    try:
        _received_transaction().validate_python(probe)
    except ValidationError as exc:
        errors = {
            path.removeprefix(f"{kind}."): messages for path, messages in field_errors(exc).items()
        }
        raise invalid(f"the {kind} document", errors) from None
    return content


_PRODUCT_FIELDS = {
    "code": "code",
    "name": "name",
    "stock": "stock",
    "barcode": "barcode",
    "customerCode": "customer_code",
    "type": "product_type",
}


def _cartoncloud(sandbox: Any) -> tuple[tuple[str, ...], Loader]:
    def load(client: Any, kind: str, record: dict[str, Any]) -> None:
        if kind == "customers":
            unknown = set(record) - {"name", "code"}
            if unknown or not isinstance(record.get("name"), str):
                raise InvalidRequestError("a customer is {'name': ..., 'code': ...}")
            sandbox.add_customer(record["name"], code=record.get("code"))
        elif kind == "products":
            unknown = set(record) - set(_PRODUCT_FIELDS)
            if unknown:
                raise InvalidRequestError(
                    f"unknown field(s) {sorted(unknown)}; a product takes {sorted(_PRODUCT_FIELDS)}"
                )
            if not isinstance(record.get("code"), str) or not isinstance(record.get("name"), str):
                raise InvalidRequestError("a product needs a code and a name")
            options = {
                _PRODUCT_FIELDS[k]: v for k, v in record.items() if k not in {"code", "name"}
            }
            try:
                sandbox.add_product(record["code"], record["name"], **options)
            except StopIteration:
                raise InvalidRequestError(
                    f"no customer with code {record.get('customerCode')!r}"
                ) from None
        else:
            getattr(client, kind).create(record)

    return ("consignments", "customers", "inbound_orders", "outbound_orders", "products"), load


def _one_platform(sandbox: Any) -> tuple[tuple[str, ...], Loader]:
    def load(client: Any, kind: str, record: dict[str, Any]) -> None:
        fields = {_snake(k): v for k, v in record.items()}
        if kind == "clients":
            client_id, name = fields.pop("client_id", None), fields.pop("name", None)
            if not isinstance(client_id, str) or not isinstance(name, str):
                raise InvalidRequestError("a client needs a clientId and a name")
            sandbox.add_client(client_id, name, **fields)
        else:
            order_id, client_id = fields.pop("order_id", None), fields.pop("client_id", None)
            lines = fields.pop("lines", None)
            if not isinstance(order_id, str) or not isinstance(client_id, str):
                raise InvalidRequestError("a pending order needs an orderId and a clientId")
            if not isinstance(lines, list) or not all(isinstance(x, dict) for x in lines):
                raise InvalidRequestError("a pending order needs lines (a list of objects)")
            sandbox.add_pending_order(order_id, client_id, lines, **fields)

    return ("clients", "pending_orders"), load


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


def _loader(platform: str, sandbox: Any) -> tuple[tuple[str, ...], Loader]:
    if platform == "procuros":
        return _procuros(sandbox)
    if platform == "cartoncloud":
        return _cartoncloud(sandbox)
    if platform == "one_platform":
        return _one_platform(sandbox)
    if platform == "onescp":
        from ..onescp import OneScp

        return _through_routes(OneScp.routes)
    from ..pharus import Pharus

    return _through_routes(Pharus.routes)


def load_seed(platform: str, sandbox: Any, path: Path) -> dict[str, int]:
    """Create the records of the seed file at ``path`` in ``sandbox``; returns counts by kind.

    Raises:
        SeedError: the file is not a JSON object of lists of objects, names a kind the
            platform does not take, or a record is refused (the first one stops the load).
    """
    try:
        data = json.loads(path.read_bytes())
    except OSError as exc:
        raise SeedError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise SeedError(f"{path}: not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise SeedError(f'{path}: must be a JSON object of record lists, e.g. {{"orders": []}}')
    kinds, load = _loader(platform, sandbox)
    unknown = [k for k in data if k not in kinds]
    if unknown:
        raise SeedError(
            f"{path}: {platform} does not take {', '.join(map(repr, unknown))}; "
            f"it takes {', '.join(kinds)}"
        )
    counts: dict[str, int] = {}
    client = sandbox.client()
    try:
        for kind, records in data.items():
            if not isinstance(records, list):
                raise SeedError(f"{path}: {kind} must be a list of records")
            for index, record in enumerate(records):
                where = f"{path}: {kind}[{index}]"
                if not isinstance(record, dict):
                    raise SeedError(f"{where}: a record must be a JSON object")
                try:
                    load(client, kind, record)
                except SupplyChainError as exc:
                    raise SeedError(f"{where}: {exc}") from None
            counts[kind] = len(records)
    finally:
        client.close()
    return counts
