"""The text foldings: what each one folds and what it keeps (they differ on purpose; see newsgraph.text)."""
from __future__ import annotations

from newsgraph.ids import content_hash
from newsgraph.text import fold, fold_case, fold_name, normalise_text, strip_accents

SAMPLE = "  Straße\u00a0im  ＦＵＬＬ-width O’Brien\tSérgey  "


def test_fold_applies_compatibility_forms_and_case_but_keeps_spacing_and_accents():
    assert fold(SAMPLE) == "  strasse im  full-width o’brien\tsérgey  "


def test_normalise_text_is_fold_with_spacing_collapsed_and_drives_the_content_hash():
    assert normalise_text(SAMPLE) == "strasse im full-width o’brien sérgey"
    assert content_hash("STRASSE im full-width O’Brien  Sérgey") == content_hash(SAMPLE)
    assert content_hash("Sergey") != content_hash("Sérgey")  # accents are content


def test_fold_case_straightens_apostrophes_and_keeps_accents_and_full_width():
    assert fold_case(SAMPLE) == "strasse im ｆｕｌｌ-width o'brien sérgey"


def test_fold_name_removes_accents_and_compatibility_forms():
    assert fold_name(SAMPLE) == "strasse im full-width o'brien sergey"
    assert fold_name("Łukasz Nowak") == "łukasz nowak"  # a letter of its own, not an accented one
    assert strip_accents("Ærøskøbing Ünal") == "Ærøskøbing Unal"


def test_foldings_are_idempotent():
    for folding in (fold, normalise_text, fold_case, fold_name):
        once = folding(SAMPLE)
        assert folding(once) == once
