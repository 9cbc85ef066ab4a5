"""The vocabulary files keep their own rules: one role per word, Welsh marked as draft or
reviewed, patterns that compile."""

from __future__ import annotations

import pytest

from diversity_review import vocab
from diversity_review.text import fold

FILES = vocab.files()


def test_there_is_a_common_vocabulary():
    assert "common" in FILES


@pytest.mark.parametrize("name", FILES)
def test_no_word_has_two_roles_in_a_table(name):
    for path in vocab.role_tables(name):
        seen: dict[str, str] = {}
        node = vocab.load(name)
        for key in path:
            node = node[key]
        for role, entry in node.items():
            for lang in ("en", "cy"):
                for word in entry.get(lang, ()):
                    folded = fold(word)
                    assert seen.setdefault(folded, role) == role, (name, path, word)
        assert vocab.roles(name, *path)  # and the loader agrees


@pytest.mark.parametrize("name", FILES)
def test_welsh_words_say_whether_a_welsh_speaker_has_reviewed_them(name):
    for path in vocab.term_tables(name):
        node = vocab.load(name)
        for key in path:
            node = node[key]
        if node.get("cy") or node.get("patterns_cy"):
            assert isinstance(node.get("cy_reviewed"), bool), (name, path)


@pytest.mark.parametrize("name", FILES)
def test_every_pattern_compiles(name):
    for path in vocab.term_tables(name):
        vocab.patterns(name, *path)  # raises VocabularyError when broken


def test_a_word_given_two_roles_is_refused(monkeypatch):
    vocab.roles.cache_clear()
    broken = {"sex": {"Female": {"en": ["f", "x"]}, "Male": {"en": ["m", "x"]}}}
    monkeypatch.setattr(vocab, "load", lambda name: broken)
    with pytest.raises(vocab.VocabularyError, match="'x' is both 'Female' and 'Male'"):
        vocab.roles("broken", "sex")
    vocab.roles.cache_clear()
    vocab.terms.cache_clear()


def test_drafts_are_listed_with_their_words():
    drafts = {(name, table): words for name, table, words in vocab.draft_terms()}
    assert "menywod" in drafts[("common", "sex.Female")]
