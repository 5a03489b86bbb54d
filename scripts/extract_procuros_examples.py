"""Write the Procuros sandbox's seed documents from the request examples of the OpenAPI spec.

The sandbox ships realistic documents of all twelve types: the ones Procuros itself uses as
examples of ``POST /v2/transactions``. ``--check`` exits non-zero when the committed file
is stale.

    python scripts/extract_procuros_examples.py [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "specs" / "procuros-openapi-v2.yaml"
TARGET = ROOT / "src" / "supplychain_sdk" / "sandbox" / "_data" / "procuros_examples.json"


def render() -> str:
    spec = yaml.safe_load(SPEC.read_text())
    examples = spec["paths"]["/v2/transactions"]["post"]["requestBody"]["content"][
        "application/json"
    ]["examples"]
    by_type: dict[str, list[dict[str, object]]] = {}
    for name, example in examples.items():
        value = example["value"]
        by_type.setdefault(value["type"], []).append({"name": name, "content": value["content"]})
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
