import subprocess
import sys


def test_import_has_no_heavy_side_effects():
    code = (
        "import sys, diversity_review as dr; "
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported'; "
        "assert 'pandas' not in sys.modules, 'pandas imported'; "
        "print(len(dr.__all__))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout) > 10


def test_every_public_name_resolves():
    import diversity_review as dr

    missing = [name for name in dr.__all__ if name != "__version__" and not hasattr(dr, name)]
    assert missing == []


def test_loading_the_library_does_not_import_matplotlib():
    code = (
        "import sys, diversity_review as dr; dr.councils(); dr.load_review; dr.breakdown; "
        "dr.suppress; dr.build_pack; dr.pack_tables; assert 'matplotlib' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_version_is_the_installed_metadata():
    from importlib.metadata import version

    import diversity_review as dr
    from diversity_review.cli import main

    assert dr.__version__ == version("diversity_review")
    assert "__version__" in dir(dr)
    code = (
        "from diversity_review.cli import main; import sys; "
        "sys.argv = ['diversity-review', '--version']; main()"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0
    assert out.stdout == f"diversity-review {version('diversity_review')}\n"
    assert callable(main)


def test_no_module_imports_the_package_root():
    """``from . import x`` (or ``from .. import x``) that reaches the package root may only
    import a submodule, never a name the root defines (``__version__``, an export ...)."""
    import ast
    from pathlib import Path

    src = Path(__file__).resolve().parents[1] / "src" / "diversity_review"
    found = []
    for path in sorted(src.rglob("*.py")):
        if path.name == "__init__.py" and path.parent == src:
            continue
        depth = len(path.relative_to(src).parts) - 1  # folders below the root
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom):
                continue
            at_root = (node.level == depth + 1 and not node.module) or (
                node.level == 0 and node.module == "diversity_review"
            )
            for alias in node.names if at_root else ():
                if not ((src / alias.name).is_dir() or (src / f"{alias.name}.py").is_file()):
                    found.append(f"{path.relative_to(src)}: {alias.name}")
    assert found == []
