"""The package's version, read from its installed metadata (``pyproject.toml`` is the one
place it is written).

Examples
--------
>>> package_version() == __import__("importlib.metadata").metadata.version("diversity_review")
True
"""

from __future__ import annotations

__all__ = ["package_version"]


def package_version() -> str:
    """The installed version of diversity_review (``"0+unknown"`` when run uninstalled)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("diversity_review")
    except PackageNotFoundError:  # pragma: no cover - a source tree on sys.path, not installed
        return "0+unknown"
