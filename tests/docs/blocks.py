"""The Python code blocks of README.md and docs/**/*.md, page by page.

A block runs unless its first lines carry a marker comment with a reason:

- ``# docs: no-run: <reason>``: type-checked, not run (it needs a real server, credentials,
  or an optional package that the test environment does not have).

Blocks of one page run in order in one namespace (a later block may use what an earlier one
defined), so a page reads top to bottom like one script.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```python[ \t]*\n(?P<body>.*?)^(?P=indent)```", re.M | re.S
)
_MARKER = re.compile(r"^#\s*docs:\s*(?P<kind>[\w-]+)\s*(?::\s*(?P<reason>.*))?$")
MARKERS = frozenset({"no-run"})


@dataclass(frozen=True)
class Block:
    """One fenced ``python`` block of a page."""

    page: str
    line: int
    code: str
    markers: dict[str, str]

    @property
    def runs(self) -> bool:
        return "no-run" not in self.markers


def pages() -> list[Path]:
    """README.md and every Markdown page under docs/, in a stable order."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def blocks_of(page: Path) -> list[Block]:
    """The page's python blocks, dedented (blocks inside admonitions are indented)."""
    text = page.read_text(encoding="utf-8")
    name = page.relative_to(ROOT).as_posix()
    found = []
    for match in _FENCE.finditer(text):
        code = textwrap.dedent(match["body"])
        markers: dict[str, str] = {}
        for line in code.splitlines():
            marker = _MARKER.match(line.strip())
            if marker is None:
                if line.strip() and not line.lstrip().startswith("#"):
                    break
                continue
            markers[marker["kind"]] = (marker["reason"] or "").strip()
        found.append(Block(name, text.count("\n", 0, match.start()) + 2, code, markers))
    return found


def all_blocks() -> dict[str, list[Block]]:
    """Every page that has python blocks -> its blocks."""
    return {b[0].page: b for page in pages() if (b := blocks_of(page))}


def module_source(blocks: list[Block]) -> str:
    """One module of a page's blocks in order (for the type checker)."""
    parts = [f"# {block.page}:{block.line}\n{block.code}" for block in blocks]
    return "\n".join(parts)


def module_name(page: str) -> str:
    """``docs/platforms/procuros.md`` -> ``docs_platforms_procuros``."""
    return re.sub(r"\W", "_", page.removesuffix(".md")).lower()
