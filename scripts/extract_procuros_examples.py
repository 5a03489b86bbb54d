"""Write the Procuros sandbox's seed documents from the request examples of the OpenAPI spec.

The sandbox ships realistic documents of all twelve types: the ones Procuros itself uses as
examples of ``POST /v2/transactions``. Some of those examples break the spec's own schemas;
the sandbox must answer with spec-valid documents, so they are repaired here, each repair
listed in ``repair()``. ``--check`` exits non-zero when the committed file is stale.

    python scripts/extract_procuros_examples.py [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "specs" / "procuros-openapi-v2.yaml"
TARGET = ROOT / "src" / "supplychain_sdk" / "sandbox" / "_data" / "procuros_examples.json"


def _drop_nulls(value: object) -> object:
    """No document field is nullable in the spec, yet examples send ``null``: drop them."""
    if isinstance(value, dict):
        return {k: _drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_nulls(v) for v in value]
    return value


def _items_total(items: list[dict[str, Any]]) -> float:
    return round(sum(item["quantity"] * item["unitPrice"] for item in items), 2)


def repair(tx_type: str, content: dict[str, Any]) -> dict[str, Any]:
    """Make a spec example valid against the spec's schema for its type."""
    content = _drop_nulls(content)  # type: ignore[assignment]
    if tx_type in {"INVOICE", "CREDIT_NOTE"}:
        for item in content["items"]:
            item.setdefault("isInvoicedItem", True)  # required, missing in the examples
    if tx_type == "CREDIT_NOTE" and "summary" not in content:
        net = _items_total(content["items"])
        tax = round(sum(i["tax"]["amount"] for i in content["items"]), 2)
        content["summary"] = {
            "subtotalAmount": net,
            "netAmount": net,
            "grossAmount": round(net + tax, 2),
            "dueAmount": round(net + tax, 2),
        }
    if tx_type == "ORDER":
        for item in content["items"]:
            if "tax" in item and "amount" not in item["tax"]:  # required, missing
                base = item["quantity"] * item["unitPrice"]
                item["tax"]["amount"] = round(base * item["tax"]["percentage"] / 100, 2)
            for level, group in enumerate(item.get("modificationGroups", []), start=1):
                group.setdefault("level", level)  # required, missing
                group.setdefault("basis", round(item["quantity"] * item["unitPrice"], 2))
    if tx_type == "SALES_REPORT":
        for location in content["locations"]:
            for item in location["items"]:
                # the example sends salesReportLineIdentifier instead of the required lineNumber
                item.setdefault("lineNumber", item.pop("salesReportLineIdentifier", 1))
    return content


def render() -> str:
    spec = yaml.safe_load(SPEC.read_text())
    examples = spec["paths"]["/v2/transactions"]["post"]["requestBody"]["content"][
        "application/json"
    ]["examples"]
    by_type: dict[str, list[dict[str, object]]] = {}
    for name, example in examples.items():
        value = example["value"]
        content = repair(value["type"], value["content"])
        by_type.setdefault(value["type"], []).append({"name": name, "content": content})
    return json.dumps(by_type, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is stale")
    args = parser.parse_args(argv)
    text = render()
    current = TARGET.read_text() if TARGET.exists() else None
    if current == text:
        return 0
    if args.check:
        print(f"{TARGET.relative_to(ROOT)} is stale; run `nox -s generate`")
        return 1
    TARGET.write_text(text)
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
