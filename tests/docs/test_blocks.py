"""The block extraction the docs tests rely on: fences, markers, environments, modules."""

from __future__ import annotations

from pathlib import Path

from .blocks import Block, blocks_of, exports_of, module_name, modules_of

PAGE = """# A page

```python
print("first")
```

!!! tip
    ```python
    # docs: no-run: needs a real server
    x = 1
    ```

```bash
export EXAMPLE_TOKEN=abc
```

```python
# docs: needs: surely_not_installed_pkg, json
import json
import surely_not_installed_pkg
from surely_not_installed_pkg.sub import thing
```

```text
print("not python")
```
"""


def _page(tmp_path: Path) -> Path:
    page = tmp_path / "page.md"
    page.write_text(PAGE)
    return page


def test_python_fences_are_found_dedented_with_their_first_line(tmp_path: Path) -> None:
    blocks = blocks_of(_page(tmp_path), tmp_path)
    assert [b.code for b in blocks][:2] == [
        'print("first")\n',
        "# docs: no-run: needs a real server\nx = 1\n",
    ]
    assert [b.line for b in blocks] == [4, 9, 18]
    assert len(blocks) == 3  # the text block is not python


def test_markers_decide_what_runs(tmp_path: Path) -> None:
    first, no_run, needs = blocks_of(_page(tmp_path), tmp_path)
    assert first.runs
    assert no_run.markers == {"no-run": "needs a real server"}
    assert not no_run.runs
    assert needs.missing == ["surely_not_installed_pkg"]
    assert not needs.runs


def test_a_missing_package_is_typed_as_any_in_its_own_module(tmp_path: Path) -> None:
    blocks = blocks_of(_page(tmp_path), tmp_path)
    assert blocks[2].checked_code().splitlines()[1:] == [
        "import json",
        "import surely_not_installed_pkg  # type: ignore[import-not-found]",
        "from surely_not_installed_pkg.sub import thing  # type: ignore[import-not-found]",
    ]
    modules = modules_of("docs/page.md", blocks)
    # what runs is one module; each block that does not run follows what ran before it
    assert sorted(modules) == ["docs_page", "docs_page_line18", "docs_page_line9"]
    assert modules["docs_page"].startswith("# mypy: allow-redefinition-new")
    assert 'print("first")' in modules["docs_page"]
    assert "x = 1" not in modules["docs_page"]
    assert "surely_not_installed_pkg" not in modules["docs_page"]
    assert 'print("first")' in modules["docs_page_line9"]
    assert "surely_not_installed_pkg" not in modules["docs_page_line9"]
    assert '# mypy: disable-error-code="no-redef"\n' in modules["docs_page_line9"]
    needs = modules["docs_page_line18"]
    assert 'disable-error-code="no-redef, untyped-decorator, import-untyped"' in needs
    assert 'print("first")' in needs
    assert "x = 1" not in needs


def test_the_shell_exports_of_a_page_are_its_environment(tmp_path: Path) -> None:
    assert exports_of(_page(tmp_path)) == {"EXAMPLE_TOKEN": "abc"}


def test_module_names_are_identifiers() -> None:
    assert module_name("docs/cookbook/read-modify-write.md") == "docs_cookbook_read_modify_write"
    assert module_name("README.md") == "readme"


def test_a_marker_after_code_is_only_a_comment() -> None:
    block = Block("p.md", 1, "x = 1\n# docs: no-run: too late\n", {})
    assert block.runs
