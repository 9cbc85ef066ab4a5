"""The Welsh catalogue and translate(): drafts shown, missing text falls back with a warning."""

from __future__ import annotations

import re
import subprocess
import sys
import warnings
from importlib import resources

import polib
import pytest

from diversity_review import i18n
from diversity_review.categories import MEASURES, WELSH_SKILLS
from diversity_review.i18n import (
    TranslationWarning,
    format_count,
    format_percent,
    format_pp,
    fuzzy_entries,
    t,
    translate,
)

PO_PATH = "locale/cy/LC_MESSAGES/diversity_review.po"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.fixture
def fresh_warnings(monkeypatch):
    """Forget which messages were already warned about (each warns once per session)."""
    monkeypatch.setattr(i18n, "_warned", set())


@pytest.fixture(scope="module")
def po() -> polib.POFile:
    text = resources.files("diversity_review").joinpath(PO_PATH).read_text(encoding="utf-8")
    return polib.pofile(text)


def test_english_is_the_message_itself():
    assert translate("Wales", "en") == "Wales"
    assert translate("Anything at all", "en") == "Anything at all"


def test_welsh_draft_is_shown():
    # every entry is fuzzy (a draft), and drafts are shown rather than English
    assert translate("Wales", "cy") == "Cymru"
    assert t("Female", "cy") == "Benyw"
    assert translate("White", "cy") == "Gwyn"


def test_welsh_template_reorders_words():
    text = translate(
        "In {year}, {subject} were {share} {of_members} in Wales",
        "cy",
        year=2022,
        subject=translate("women", "cy"),
        share="36%",
        of_members=translate("of councillors", "cy"),
    )
    assert text == "Yn 2022, roedd menywod yn 36% o gynghorwyr yng Nghymru"


def test_missing_message_falls_back_to_english_with_one_warning(fresh_warnings):
    with pytest.warns(TranslationWarning, match="no translation"):
        assert translate("A label nobody wrote", "cy") == "A label nobody wrote"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert translate("A label nobody wrote", "cy") == "A label nobody wrote"  # no 2nd warning
    with pytest.warns(TranslationWarning):
        assert translate("Another {n}", "cy", n=3) == "Another 3"


def test_broken_welsh_placeholder_falls_back_to_english(fresh_warnings, monkeypatch):
    broken = {"Share {of_members}": i18n._Entry("Cyfran {o_aelodau}", True)}
    monkeypatch.setattr(i18n, "_catalogue", lambda lang: broken)
    with pytest.warns(TranslationWarning, match="placeholders"):
        text = translate("Share {of_members}", "cy", of_members="x")
    assert text == "Share x"


def test_empty_welsh_text_falls_back(fresh_warnings, monkeypatch):
    monkeypatch.setattr(i18n, "_catalogue", lambda lang: {"Sex": i18n._Entry("", False)})
    with pytest.warns(TranslationWarning, match="empty"):
        assert translate("Sex", "cy") == "Sex"


def test_unknown_language_is_an_error():
    with pytest.raises(ValueError, match="lang"):
        translate("Wales", "fr")


def test_po_file_parses_and_every_entry_is_a_draft_or_reviewed(po):
    entries = [e for e in po if not e.obsolete]
    assert len(entries) > 100
    assert po.metadata["Language"] == "cy"
    assert "charset=UTF-8" in po.metadata["Content-Type"]
    for entry in entries:
        assert entry.msgstr.strip(), f"no Welsh for {entry.msgid!r}"
        # nothing has been reviewed by a Welsh speaker yet: every entry is a draft
        assert "fuzzy" in entry.flags, entry.msgid
    assert len({e.msgid for e in entries}) == len(entries)


def test_placeholders_in_welsh_match_the_english(po):
    for entry in po:
        names = set(PLACEHOLDER.findall(entry.msgid))
        assert set(PLACEHOLDER.findall(entry.msgstr)) == names, entry.msgid
        if names:
            assert "python-brace-format" in entry.flags, entry.msgid


def test_census_names_carry_a_note_to_confirm_them(po):
    census = {
        "White": "Gwyn",
        "Mixed or Multiple ethnic groups": "Grwpiau ethnig Cymysg neu Luosog",
        "Asian, Asian Welsh or Asian British": "Asiaidd, Asiaidd Cymreig neu Asiaidd Prydeinig",
        "Black, Black Welsh, Black British, Caribbean or African": (
            "Du, Du Cymreig, Du Prydeinig, Caribïaidd neu Affricanaidd"
        ),
        "Other ethnic group": "Grŵp ethnig arall",
    }
    for msgid, welsh in census.items():
        entry = po.find(msgid)
        assert entry is not None and entry.msgstr == welsh
        assert "Census 2021" in entry.tcomment and "ONS" in entry.tcomment


def test_every_group_and_measure_has_an_entry(po):
    ids = {e.msgid for e in po}
    wanted = {m.label for m in MEASURES.values()}
    wanted |= {g for m in MEASURES.values() for g in m.groups}
    wanted |= set(WELSH_SKILLS.values())
    assert wanted - ids == set()


def test_fuzzy_entries_lists_the_drafts(po):
    drafts = fuzzy_entries("cy")
    assert ("Wales", "Cymru") in drafts
    assert len(drafts) == len([e for e in po if "fuzzy" in e.flags])
    assert fuzzy_entries("en") == []


def test_translations_command_lists_drafts(capsys):
    from diversity_review.cli import main

    assert main(["translations"]) == 0
    out, err = capsys.readouterr()
    assert "Wales\tCymru" in out.splitlines()
    assert f"{len(fuzzy_entries('cy'))} draft (cy) entries" in err


@pytest.mark.parametrize(
    ("fraction", "lang", "decimals", "expected"),
    [
        (0.362, "en", None, "36%"),
        (0.018, "en", None, "1.8%"),
        (0.0995, "cy", None, "10%"),  # 9.95 rounds to 10.0: whole percent
        (0.094, "cy", None, "9.4%"),
        (0.5, "cy", 1, "50.0%"),
        (0.0, "en", None, "0%"),
        (1.0, "en", None, "100%"),
        (None, "en", None, ""),
        (float("nan"), "en", None, ""),
    ],
)
def test_format_percent(fraction, lang, decimals, expected):
    assert format_percent(fraction, lang, decimals) == expected


def test_format_percent_of_pandas_na():
    import pandas as pd

    assert format_percent(pd.NA) == ""


def test_format_pp_and_count():
    assert format_pp(8.2) == "+8 pp"
    assert format_pp(-0.44, decimals=1) == "-0.4 pp"
    assert format_pp(0.2) == "0 pp"
    assert format_pp(8.2, "cy") == "+8 pwynt canran"
    assert format_count(1234) == "1,234"
    assert format_count(1234, "cy") == "1,234"


def test_i18n_does_not_import_matplotlib():
    code = (
        "import sys; from diversity_review.i18n import translate; translate('Wales', 'cy'); "
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
