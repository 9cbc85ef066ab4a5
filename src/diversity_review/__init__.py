"""diversity_review: representation statistics from the WLGA post-election diversity review
and councils' member diversity surveys.

Frames the package's functions return have ``measure``, ``group`` and ``council`` as ordered
categoricals (canonical order: see :mod:`diversity_review.public`) and counts as ``Int64``.

Importing the package has no side effects: nothing is read, nothing is written and neither
pandas nor matplotlib is imported until a function that needs it is first used.

Examples
--------
>>> import diversity_review as dr
>>> dr.resolve_council("Cyngor Sir Gâr")
'W06000010'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

# public name -> module that defines it (imported on first use)
_EXPORTS = {
    "DataError": "errors",
    "DataWarning": "errors",
    "Problem": "errors",
    "RowAccount": "errors",
    "row_account": "errors",
    "WALES_CODE": "councils",
    "councils": "councils",  # the module, callable: dr.councils() is the table
    "resolve_council": "councils",
    "council_name": "councils",
    "MEASURES": "categories",
    "load_review": "load.review",
    "load_survey": "load.survey",
    "load_surveys": "load.survey",
    "population_benchmarks": "load.benchmarks",
    "load_benchmarks": "load.benchmarks",
    "job_shares": "load.benchmarks",
    "load_roster": "load.roster",
    "roster_counts": "load.roster_counts",
    "executive": "load.roster_counts",
    "shared_portfolios": "load.roster_counts",
    "job_share_counts": "load.roster_counts",
    "check_job_shares": "load.roster_counts",
    "load_candidates": "load.candidates",
    "file_kind": "load.kind",
    "candidates_by_sex": "analysis",
    "success_by_sex": "analysis",
    "wards_without_women": "analysis",
    "unopposed_seats": "analysis",
    "write_roster_workbook": "sources.workbook",
    "breakdown": "analysis",
    "wilson_interval": "analysis",
    "compare_with_population": "analysis",
    "change_between": "analysis",
    "parity": "analysis",
    "roles_comparison": "analysis",
    "suppress": "disclosure",
    "build_pack": "pack",
    "PackConfig": "pack",
    "PackSummary": "pack",
    "pack_tables": "pack",
    "write_template": "template",
    "as_percentages": "public",
}

__all__ = sorted(_EXPORTS) + ["__version__"]

#: public names that are not functions (classes, constants, the councils module)
_AS_IS = {
    "DataError",
    "DataWarning",
    "Problem",
    "RowAccount",
    "WALES_CODE",
    "councils",
    "MEASURES",
    "PackConfig",
    "PackSummary",
}


def __getattr__(name: str):
    if name == "__version__":  # from the installed metadata, read only when asked for
        return import_module(".version", __name__).package_version()
    if name == "councils":
        return import_module(".councils", __name__)
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        if name not in _AS_IS:
            # frames come back with measure, group and council in canonical order
            value = import_module(".public", __name__).public(value)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS) | {"__version__"})


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .analysis import (
        breakdown,
        candidates_by_sex,
        change_between,
        compare_with_population,
        parity,
        roles_comparison,
        success_by_sex,
        unopposed_seats,
        wards_without_women,
        wilson_interval,
    )
    from .categories import MEASURES
    from .councils import WALES_CODE, council_name, councils, resolve_council
    from .disclosure import suppress
    from .errors import DataError, DataWarning, Problem, RowAccount, row_account
    from .load.benchmarks import job_shares, load_benchmarks, population_benchmarks
    from .load.candidates import load_candidates
    from .load.kind import file_kind
    from .load.review import load_review
    from .load.roster import load_roster
    from .load.roster_counts import (
        check_job_shares,
        executive,
        job_share_counts,
        roster_counts,
        shared_portfolios,
    )
    from .load.survey import load_survey, load_surveys
    from .pack import PackConfig, PackSummary, build_pack, pack_tables
    from .public import as_percentages
    from .sources.workbook import write_roster_workbook
    from .template import write_template

    __version__: str
