"""The pack's parameters (:class:`PackConfig`), read from TOML and checked before any work."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path

from ..categories import SURVEY_MEASURES
from ..errors import DataError, Problem, display_name

__all__ = ["PackConfig", "LANGS", "UNSET", "resolve_config"]

#: what the page and the cover say of a setting not yet given (release_date, contact)
UNSET = "not yet set ({setting} in the pack's settings)"

#: the languages a pack can be published in
LANGS = ("en", "cy")


@dataclass(frozen=True)
class PackConfig:
    """Parameters of the pack; every field can be set in a TOML file (``--config``).

    Examples
    --------
    >>> PackConfig(threshold=10).threshold
    10
    """

    threshold: int = 5
    suppress_zero: bool = False
    #: groups published even when small: how many councillors' sex (say) the review could not
    #: record discloses nothing about anyone, and hiding it would hide the Wales headline too
    exempt_groups: tuple[str, ...] = ("Not known",)
    langs: tuple[str, ...] = LANGS
    title: str = "Diversity of councillors in Wales"
    #: the release date shown on the page and the workbook's cover (ISO, e.g. "2023-03-01");
    #: empty until the release is dated, when the page says so
    release_date: str = ""
    #: who readers ask about the statistics (an e-mail address or a team), shown on both
    contact: str = ""
    review_source: str = "WLGA post-election diversity review"
    survey_source: str = "Member diversity survey"
    review_measures: tuple[str, ...] = (
        "sex",
        "ethnicity",
        "age",
        "disability",
        "welsh_language",
        "tenure",
        "uncontested",
    )
    population_measures: tuple[str, ...] = ("sex", "ethnicity", "disability", "welsh_language")
    survey_measures: tuple[str, ...] = SURVEY_MEASURES
    #: the pack is built from synthetic sample data: set by ``build_pack`` when any input
    #: carries the sample marker (:mod:`diversity_review.load.synthetic`), and then every
    #: page, workbook cover, chart and the manifest say so
    synthetic: bool = False

    @classmethod
    def from_toml(cls, path: Path) -> PackConfig:
        """Read parameters from a TOML file; an unknown key is an error naming it."""
        name = display_name(path)
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise DataError(Problem("config file not found", name)) from None
        except tomllib.TOMLDecodeError as exc:
            raise DataError(Problem(f"not valid TOML ({exc})", name)) from None
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise DataError(
                Problem(
                    f"unknown setting {unknown[0]!r}; the settings are {', '.join(known)}", name
                )
            )
        values = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
        return cls(**values)


def resolve_config(
    config: str | Path | PackConfig | None,
    *,
    threshold: int | None = None,
    langs: tuple[str, ...] | list[str] | None = None,
) -> PackConfig:
    """The settings of one run: the config (a file or an object), then the explicit overrides.

    Raises
    ------
    DataError
        For a language other than ``en``/``cy`` or a threshold below 1.
    """
    if isinstance(config, PackConfig):
        cfg = config
    else:
        cfg = PackConfig.from_toml(Path(config)) if config else PackConfig()
    if threshold is not None:
        cfg = replace(cfg, threshold=int(threshold))
    if langs is not None:
        cfg = replace(cfg, langs=tuple(langs))
    bad = [x for x in cfg.langs if x not in LANGS]
    if bad or not cfg.langs:
        raise DataError(Problem(f"languages must be en and/or cy, not {','.join(bad) or 'none'}"))
    if cfg.release_date:
        try:
            date.fromisoformat(cfg.release_date)
        except ValueError:
            raise DataError(
                Problem(f"release_date must be a date such as 2023-03-01, not {cfg.release_date!r}")
            ) from None
    if cfg.threshold < 1:
        raise DataError(Problem(f"threshold must be at least 1, not {cfg.threshold}"))
    return cfg
