"""The pure half of cross-article linking: name keys and the tests that decide whether two names can be one entity.

People are compared by surname first and then by first name. First names are folded to a transliteration
*skeleton* ("Sergey"/"Sergei" -> "sergei", "Aleksandr" -> "alexandr") and may then differ by one vowel-like edit
("alexandr"/"alexander"), be an initial ("S. Lavrov"), or be a listed nickname ("Tom"/"Thomas"). Consonant edits
never match, so "Mark Smith" and "Mary Smith" stay two people.

Organisations and other non-person names are compared by a key: accents, dots, a leading "the" and legal-form
suffixes ("Inc.", "Corp", "N.V.") removed, "&" read as "and". Their initials ("United States Air Force" -> "usaf",
an all-capitals word giving all its letters: "US Air Force" -> "usaf") make the acronym key.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from .. import lang
from ..text import fold_name as fold

_EN = lang.get("en").entities
# Titles and role words before a person's name are not name words ("Russian Foreign Minister Sergey Lavrov").
TITLE_WORDS, NAME_SUFFIXES, LEGAL_FORMS = _EN.TITLE_WORDS, _EN.NAME_SUFFIXES, _EN.LEGAL_FORMS
_INITIAL_SKIP = _EN.ACRONYM_SKIP
NICKNAMES = _EN.NICKNAMES
_SOFT = frozenset("aeiouyh")  # edits among these are spelling variants, not other names
_DEMONYM = re.compile(_EN.DEMONYM_ENDING)


def skeleton(word: str) -> str:
    """A transliteration-tolerant spelling key of one name word."""
    w = re.sub(r"[^a-z]", "", fold(word))
    for old, new in (("ks", "x"), ("ph", "f"), ("kh", "h"), ("ck", "k"), ("y", "i"), ("w", "v")):
        w = w.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", w)  # doubled letters: "Mohammed"/"Mohamed"


def _soft_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one insertion, deletion or substitution of soft letters."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b) if x != y]
        return len(diff) == 1 and diff[0][0] in _SOFT and diff[0][1] in _SOFT
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for i, ch in enumerate(long_):
        if long_[:i] + long_[i + 1:] == short:
            return ch in _SOFT
    return False


def first_names_match(a: str, b: str) -> bool:
    """Could ``a`` and ``b`` be the same person's first name (variant spelling, initial or nickname)?"""
    fa, fb = fold(a).rstrip("."), fold(b).rstrip(".")
    if fa == fb:
        return True
    if len(fa) == 1 or len(fb) == 1:
        return fa[:1] == fb[:1]
    if frozenset((fa, fb)) in NICKNAMES:
        return True
    sa, sb = skeleton(fa), skeleton(fb)
    return sa == sb or (min(len(sa), len(sb)) >= 4 and _soft_edit(sa, sb))


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name split for comparison; ``first`` is None for a lone surname ("Lavrov"). ``suffix`` is a
    generational suffix ("jr"): "Donald Trump Jr." is his father's namesake, not his father."""

    first: Optional[str]
    middles: tuple[str, ...]
    surname: str
    suffix: str = ""

    @property
    def key(self) -> str:
        """The exact full-name key (folded words joined by spaces, the suffix last)."""
        return " ".join(w for w in (self.first, *self.middles, self.surname, self.suffix) if w)

    @property
    def surname_key(self) -> str:
        return skeleton(self.surname) or self.surname


def _words(text: str) -> list[str]:
    return [w.strip(".,'") for w in fold(text).replace(",", " ").split() if w.strip(".,'")]


def parse_person(name: str, roles: Iterable[str] = ()) -> Optional[PersonName]:
    """Split a person's name after dropping leading titles and role words; a trailing "Jr."-like suffix is kept
    apart."""
    words = _words(name)
    role_words = {w for r in roles for w in _words(r)}
    titles = TITLE_WORDS | role_words
    i = 0
    while i < len(words) - 1 and (words[i] in titles or (_DEMONYM.search(words[i]) and words[i + 1] in titles)):
        i += 1
    words = words[i:]
    suffix = ""
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        suffix = suffix or words[-1]
        words = words[:-1]
    if not words:
        return None
    if len(words) == 1:
        return PersonName(None, (), words[0], suffix)
    return PersonName(words[0], tuple(words[1:-1]), words[-1], suffix)


def same_person_name(a: PersonName, b: PersonName) -> bool:
    """Both have first names, surnames with the same skeleton, matching first names, no conflicting middles."""
    if a.first is None or b.first is None or a.surname_key != b.surname_key or a.suffix != b.suffix:
        return False
    if not first_names_match(a.first, b.first):
        return False
    if a.middles and b.middles and a.middles[0][:1] != b.middles[0][:1]:
        return False  # "George H. W. Bush" is not "George W. Bush"
    return True


def org_key(name: str) -> str:
    """The comparison key of an organisation or other non-person name."""
    text = fold(name).replace("&", " and ")
    text = re.sub(r"(?<=\b\w)\.(?=\w\b|\s|$)", "", text)  # "U.S." -> "US", "N.V." -> "NV"
    words = [w for w in re.split(r"[^\w'-]+", text) if w and w != "'s"]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words = words[:-1]
    return " ".join(words)


def acronym(name: str) -> str:
    """Initials of a multi-word name, all-capitals words giving every letter; "" for one word."""
    raw = [w for w in re.split(r"[\s-]+", name.replace(".", "")) if w]
    raw = [w for w in raw if w.casefold() not in _INITIAL_SKIP and w.casefold() not in LEGAL_FORMS]
    if len(raw) < 2:
        return ""
    letters = "".join(w if w.isupper() and w.isalpha() and len(w) <= 4 else w[0] for w in raw)
    return letters.casefold() if letters.isalpha() else ""


def is_acronym(text: str) -> bool:
    plain = text.replace(".", "")
    return 2 <= len(plain) <= 6 and plain.isalpha() and plain.isupper()


# Trailing words that describe what a company does: "Apple Computer" is usually "Apple" ("Singapore Airlines" is
# not "Singapore", so the stem is only ever matched between organisations).
DESCRIPTORS = _EN.DESCRIPTORS


def org_stem(key: str) -> str:
    """The key without trailing descriptor words ("apple computer" -> "apple"); "" when nothing is removed."""
    words = key.split()
    while len(words) > 1 and words[-1] in DESCRIPTORS:
        words = words[:-1]
    stem = " ".join(words)
    return stem if stem != key else ""


def org_prefixes(key: str) -> list[str]:
    """Leading word runs of a multi-word key that may stand for it alone ("lockheed" for "lockheed martin")."""
    words = key.split()
    return [" ".join(words[:n]) for n in range(1, len(words)) if len(" ".join(words[:n])) >= 4
            and words[n - 1] not in _INITIAL_SKIP]
