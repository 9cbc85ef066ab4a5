"""Print the package's modules, each with its size in lines and the first sentence of its
docstring (its one concern): ``python scripts/src_tree.py [folder]``."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "diversity_review"


def rows(root: Path = PACKAGE) -> list[tuple[str, int, str]]:
    """``(path, lines, concern)`` for every module below ``root``, in path order."""
    out = []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        doc = ast.get_docstring(ast.parse(text)) or ""
        concern = doc.split("\n\n")[0].replace("\n", " ")
        out.append((path.relative_to(root).as_posix(), text.count("\n"), concern))
    return out


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else PACKAGE
    for name, lines, concern in rows(root):
        print(f"{lines:4d}  {name:28s}  {concern}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
