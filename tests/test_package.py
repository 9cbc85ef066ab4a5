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
        "dr.suppress; assert 'matplotlib' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
