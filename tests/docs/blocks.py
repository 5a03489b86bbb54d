"""The Python code blocks of README.md and docs/**/*.md, page by page.

Every block is type-checked; it runs unless a marker comment in its first lines says
otherwise:

- ``# docs: no-run: <reason>``: type-checked, not run (it needs a real server or
  credentials, or it serves forever).
- ``# docs: pytest``: the page is a pytest module: its runnable blocks are written to one
  ``test_*.py`` file and run with pytest (the block with the marker must hold a test).
- ``# docs: needs: <module>[, <module>...]``: it imports a package the SDK does not depend on
  (FastAPI, Flask, APScheduler). It runs when they are installed; when one is not, it is not
  run, and its imports of the missing package are type-checked as ``Any``. It is type-checked
  as a module of its own, so it must be self-contained.

Blocks of one page run in order in one namespace (a later block may use what an earlier one
defined), so a page reads top to bottom like one script. The ``export NAME=value`` lines of
the page's ``bash`` blocks are its environment (``export PROCUROS_API_TOKEN=...``).
"""

from __future__ import annotations

import importlib.util
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```python[ \t]*\n(?P<body>.*?)^(?P=indent)```", re.M | re.S
)
_MARKER = re.compile(r"^#\s*docs:\s*(?P<kind>[\w-]+)\s*(?::\s*(?P<reason>.*))?$")
MARKERS = frozenset({"no-run", "needs", "pytest"})
#: markers whose value is a reason or a list, never empty
VALUED = frozenset({"no-run", "needs"})


@dataclass(frozen=True)
class Block:
    """One fenced ``python`` block of a page."""

    page: str
    line: int
    code: str
    markers: dict[str, str]

    @property
    def missing(self) -> list[str]:
        """The packages of a ``needs`` marker that are not installed here."""
        names = [n.strip() for n in self.markers.get("needs", "").split(",") if n.strip()]
        return [n for n in names if importlib.util.find_spec(n) is None]

    @property
    def runs(self) -> bool:
        return "no-run" not in self.markers and not self.missing

    def checked_code(self) -> str:
        """The code for the type checker: imports of missing packages typed as ``Any``."""
        missing = self.missing
        if not missing:
            return self.code
        pattern = re.compile(rf"^(?:from|import) (?:{'|'.join(map(re.escape, missing))})\b")
        return "\n".join(
            f"{line}  # type: ignore[import-not-found]" if pattern.match(line) else line
            for line in self.code.splitlines()
        )


def pages() -> list[Path]:
    """README.md and every Markdown page under docs/, in a stable order."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def blocks_of(page: Path, root: Path = ROOT) -> list[Block]:
    """The page's python blocks, dedented (blocks inside admonitions are indented)."""
    text = page.read_text(encoding="utf-8")
    name = page.relative_to(root).as_posix()
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


_EXPORT = re.compile(r"^```(?:bash|sh|console)\n(.*?)^```", re.M | re.S)


def exports_of(page: Path) -> dict[str, str]:
    """The ``export NAME=value`` lines of the page's shell blocks."""
    found: dict[str, str] = {}
    for block in _EXPORT.findall(page.read_text(encoding="utf-8")):
        for name, value in re.findall(r"^export (\w+)=(\S+)$", block, re.M):
            found[name] = value.strip("'\"")
    return found


def all_blocks() -> dict[str, list[Block]]:
    """Every page that has python blocks -> its blocks."""
    return {b[0].page: b for page in pages() if (b := blocks_of(page))}


def modules_of(page: str, blocks: list[Block]) -> dict[str, str]:
    """The modules the type checker reads for a page, following what runs:

    - the blocks that run, in order, as one module (they share one namespace);
    - each block that does not run, as a module of its own after the blocks that run before
      it (what it would see if it ran). It stands beside the page's script, so it may
      define a name again (the wrong way next to the right one).

    A module holding a block that needs an optional package accepts that package's missing
    type hints (untyped imports and decorators); it is not ours to annotate."""

    def source(part: list[Block], *codes: str) -> str:
        if any("needs" in b.markers for b in part):
            codes = (*codes, "untyped-decorator", "import-untyped")
        header = f'# mypy: disable-error-code="{", ".join(codes)}"\n' if codes else ""
        body = "\n".join(f"# {b.page}:{b.line}\n{b.checked_code()}" for b in part)
        return _OPTIONS + header + body

    name = module_name(page)
    modules = {name: source([b for b in blocks if b.runs])}
    for index, block in enumerate(blocks):
        if not block.runs:
            before = [b for b in blocks[:index] if b.runs]
            modules[f"{name}_line{block.line}"] = source([*before, block], "no-redef")
    return modules


#: Per-module options (the package itself is checked with plain ``--strict``): a page may give
#: a name a new value of another type in a later block, as a script does.
_OPTIONS = "# mypy: allow-redefinition-new, local-partial-types\n"


def module_name(page: str) -> str:
    """``docs/platforms/procuros.md`` -> ``docs_platforms_procuros``."""
    return re.sub(r"\W", "_", page.removesuffix(".md")).lower()
