"""The layout corpus (``scripts/make_layout_corpus.py``): every file is told as its own kind,
loads to the generator's own source numbers (or gives its one-line refusal), and is never
accepted by another kind's loader."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from diversity_review.cli import main
from diversity_review.errors import DataError
from diversity_review.load.kind import file_kind
from diversity_review.load.review import load_review
from diversity_review.load.roster import load_roster
from diversity_review.load.survey import load_survey
from helpers import load_script

CORPUS = load_script("make_layout_corpus")
LOADERS = {"review": load_review, "survey": load_survey, "roster": load_roster}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    return folder, CORPUS.build(folder)


def _load(case, path):
    kwargs = {"columns": case.columns} if case.columns else {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return LOADERS[case.kind](path, **kwargs)


def _counts(frame: pd.DataFrame) -> dict:
    return {
        (int(r.election), r.council_code, r.measure, r.group): (
            None if pd.isna(r.count) else int(r.count)
        )
        for r in frame.itertuples()
    }


def _review_off(case, frame: pd.DataFrame) -> list[str]:
    off = []
    got = _counts(frame)
    if got != case.counts:
        wrong = sorted(k for k in set(got) | set(case.counts) if got.get(k) != case.counts.get(k))
        off.append(f"{len(wrong)} counts differ, e.g. {wrong[:2]}")
    suppressed = {k for k, v in case.counts.items() if v is None}
    flagged = {k for k, (_, s) in zip(got, frame["suppressed"].items(), strict=True) if s}
    if flagged != suppressed:
        off.append(f"suppressed {sorted(flagged)} != {sorted(suppressed)}")
    by_source = dict(zip(frame["source"], got, strict=True))
    bounds = {by_source[s]: b for s, b in frame.attrs.get("bounds", {}).items()}
    if bounds != case.bounds:
        off.append(f"bounds {bounds} != {case.bounds}")
    return off


def _people_off(case, frame: pd.DataFrame) -> list[str]:
    off = [] if len(frame) == case.people else [f"{len(frame)} people, not {case.people}"]
    for (measure, group), n in case.groups.items():
        got = int((frame[measure] == group).sum())
        if got != n:
            off.append(f"{measure} {group}: {got}, not {n}")
    return off


def test_every_file_is_told_as_its_own_kind(corpus):
    folder, cases = corpus
    told = {c.name: file_kind(folder / c.name).kind for c in cases}
    assert told == {c.name: c.kind for c in cases}


def test_every_file_loads_to_its_source_numbers_or_gives_its_refusal(corpus):
    folder, cases = corpus
    off = {}
    for case in cases:
        if case.kind == "unknown":
            continue
        if case.refusal is not None:
            with pytest.raises(DataError) as info:
                _load(case, folder / case.name)
            lines = info.value.lines()
            problems = [] if len(lines) == 1 and case.refusal in lines[0] else [str(lines)]
            if [p.code for p in info.value.problems] != [case.code]:
                problems.append(f"codes {[p.code for p in info.value.problems]}")
        else:
            frame = _load(case, folder / case.name)
            problems = (_review_off if case.kind == "review" else _people_off)(case, frame)
        if problems:
            off[case.name] = problems
    assert off == {}


def test_no_file_is_accepted_by_another_kinds_loader(corpus):
    folder, cases = corpus
    accepted = []
    for case in cases:
        for kind, loader in LOADERS.items():
            if kind == case.kind:
                continue
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    loader(folder / case.name)
            except DataError:
                continue
            accepted.append((case.name, kind))
    assert accepted == []


def test_the_corpus_has_25_layouts_beyond_the_fixtures(corpus):
    _, cases = corpus
    assert len({c.layout + c.tool for c in cases}) >= 25
    assert {c.name.rsplit(".", 1)[1] for c in cases} == {"csv", "xlsx", "ods"}


def _toml(mapping: dict) -> str:
    lines = ["[columns]"]
    for header, role in mapping.items():
        value = (
            f'"{role}"' if isinstance(role, str) else "[" + ", ".join(f'"{x}"' for x in role) + "]"
        )
        lines.append(f'"{header}" = {value}')
    return "\n".join(lines) + "\n"


def test_validate_says_the_kind_it_chose_and_runs_only_that_loader(corpus, capsys, tmp_path):
    folder, cases = corpus
    off = {}
    for case in cases:
        args = ["validate", str(folder / case.name)]
        if case.columns:
            (tmp_path / "map.toml").write_text(_toml(case.columns), encoding="utf-8")
            args += ["--columns", str(tmp_path / "map.toml")]
        status = main(args)
        out, err = capsys.readouterr()
        errors = [line for line in err.splitlines() if line.startswith("error: ")]
        if case.refusal is None and case.kind != "unknown":
            good = status == 0 and out.startswith(f"ok ({case.kind}): {case.name}")
            good = good and f"  read as a {case.kind}: " in out
        else:
            good = status == 2 and len(errors) == 1 and case.refusal in errors[0]
            if case.kind != "unknown":  # the kind was told before the loader refused
                good = good and f"note: {case.name} read as a {case.kind}" in err
        if not good or "Traceback" in out + err:
            off[case.name] = (status, out[:200], err[:300])
    assert off == {}


def test_a_code_only_table_with_its_own_headers_needs_the_mapping(corpus, capsys):
    folder, cases = corpus
    (case,) = [c for c in cases if c.columns]
    # without it the seats column is not known: the registry's seats are not this table's
    assert main(["validate", "--kind", "review", str(folder / case.name)]) == 2
    assert "more than the" in capsys.readouterr().err
