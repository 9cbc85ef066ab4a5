"""The house limits over ``src/``: functions of at most 80 lines, modules of at most 600 lines,
and no module reaching into another's ``_private`` names (issue 9).

Read with the standard library's ``ast``: a function's length runs from its ``def`` (or first
decorator) to its last line, docstring included.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "diversity_review"
MAX_FUNCTION = 80
MAX_MODULE = 600

# Not yet held to the limits, each for a stated reason (remove the entry when it is fixed):
SKIP_FILES: set[str] = set()
SKIP_FUNCTIONS: set[tuple[str, str]] = set()


def modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if p.relative_to(SRC).as_posix() not in SKIP_FILES)


def parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def long_functions(path: Path, root: Path = SRC) -> list[str]:
    name = path.relative_to(root).as_posix()
    found = []
    for node in ast.walk(parsed(path)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            length = node.end_lineno - start + 1
            if length > MAX_FUNCTION and (name, node.name) not in SKIP_FUNCTIONS:
                found.append(f"{name}:{node.lineno} {node.name} is {length} lines")
    return found


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_reaches(path: Path, root: Path = SRC) -> list[str]:
    """Imports of a ``_private`` name or module, and ``imported._private`` attribute uses."""
    tree = parsed(path)
    name = path.relative_to(root).as_posix()
    imported, found = set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            parts = (node.module or "").split(".")
            if any(private(p) for p in parts):
                found.append(f"{name}:{node.lineno} imports from {node.module}")
            for alias in node.names:
                if private(alias.name):
                    found.append(f"{name}:{node.lineno} imports {alias.name}")
                imported.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if any(private(p) for p in alias.name.split(".")):
                    found.append(f"{name}:{node.lineno} imports {alias.name}")
                imported.add(alias.asname or alias.name.split(".")[0])
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in imported
            and private(node.attr)
        ):
            found.append(f"{name}:{node.lineno} uses {node.value.id}.{node.attr}")
    return found


def test_the_checks_find_what_they_look_for(tmp_path):
    """The checks themselves, on a made-up module that breaks every rule once."""
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION))  # def + 80 = 81 lines
    bad = tmp_path / "diversity_review" / "bad.py"
    bad.parent.mkdir()
    bad.write_text(
        f"from .other import _hidden\nimport pkg._inner\nfrom . import grid\n"
        f"grid._cache.clear()\n\ndef short():\n    return 1\n\ndef long():\n{body}\n",
        encoding="utf-8",
    )
    root = bad.parent
    assert long_functions(bad, root) == [f"bad.py:9 long is {MAX_FUNCTION + 1} lines"]
    assert private_reaches(bad, root) == [
        "bad.py:1 imports _hidden",
        "bad.py:2 imports pkg._inner",
        "bad.py:4 uses grid._cache",
    ]


def test_src_is_read():
    assert len(modules()) > 50  # the walk really reaches the package


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.relative_to(SRC).as_posix())
def test_module_within_the_limits(path):
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE, f"{path.relative_to(SRC)} is {lines} lines"
    assert long_functions(path) == []
    assert private_reaches(path) == []


def test_the_tree_script_names_each_module_with_its_size_and_concern(tmp_path):
    from helpers import load_script

    (tmp_path / "sub").mkdir()
    (tmp_path / "a.py").write_text('"""Does one thing.\n\nMore."""\nx = 1\n', encoding="utf-8")
    (tmp_path / "sub" / "b.py").write_text("y = 2\n", encoding="utf-8")
    tree = load_script("src_tree")
    assert tree.rows(tmp_path) == [("a.py", 4, "Does one thing."), ("sub/b.py", 1, "")]
