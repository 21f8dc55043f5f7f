"""Reading a byline or an ``author`` value into people and organisations.

A byline lists people and, on wire and network copy, the organisation that supplied the story: "By JANE DOE,
JOHN ROE and MARY POE Associated Press", "Ana Lima, Ben Ode and Cy Park, NBC News". Every named person is an
author; an agency or network is the story's source, never an author; a newsroom credit ("Staff Reports") is
neither. The test is the shape of each part (capitalised words, at most four) and a few words of the trade in
:mod:`newsgraph.lang.en.boilerplate` (known agencies, organisation tails like "Press" or "News").
"""
from __future__ import annotations

import re
from typing import Optional
from dataclasses import dataclass, field

from .. import lang

_EN = lang.get("en").boilerplate
_AGENCIES = frozenset(_EN.AGENCIES)
_JOINERS = "|".join(r"\b" + w + r"\b" for w in _EN.NAME_JOINERS)
# joiners in lower case only: "Bruce Y. Lee" is one name, not "Bruce" y "Lee"; a dot after a word (not an
# initial) ends a name: "Jane Doe. Sputnik International"
_SPLIT = re.compile(rf"\s*(?:,|;|&|\||\s[-–—/]\s|\bwith\b|{_JOINERS}|(?<=\w\w)\.\s+(?=[A-Z]))\s*")
# "By", "Written by", and "<a word or two> by" ("Analysis by", "Story and photos by")
_LEAD = re.compile(rf"^(?:(?:{'|'.join(_EN.BYLINE_LEADS)})\s+|(?:[^\W\d]+\s+){{1,3}}?by\s+)", re.I)
_MONTH = re.compile(r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?$", re.I)
_WEEKDAY = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?$", re.I)
# two words run together by a page's markup: "FoustMonday", "LAWLESSAssociated" ("McDonald", "LaMotte" are fine)
_GLUED = re.compile(r"(?<=[a-z]{3})(?=[A-Z])|(?<=[A-Z]{3})(?=[A-Z][a-z]{2})")
_PARTICLES = frozenset(_EN.NAME_PARTICLES)
MAX_NAME_WORDS = 4


@dataclass(slots=True)
class Credit:
    """What one byline says: the people who wrote the story and the organisations that supplied it."""

    people: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)

    def add(self, other: "Credit") -> None:
        for name in other.people:
            if name.casefold() not in {p.casefold() for p in self.people}:
                self.people.append(name)
        for org in other.organisations:
            if org.casefold() not in {o.casefold() for o in self.organisations}:
                self.organisations.append(org)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() or word.casefold() in _PARTICLES


def organisation(words: list[str]) -> bool:
    """A known agency or network ("AP", "Reuters"), or capitalised words ending in an organisation word."""
    text = " ".join(words).casefold().strip(" .")
    if text.removeprefix("the ") in _AGENCIES or text in _AGENCIES:
        return True
    return len(words) >= 2 and words[-1].casefold().strip(".") in _EN.ORGANISATION_TAILS \
        and all(_capitalised(w) for w in words)


def _newsroom(words: list[str]) -> bool:
    return any(w.casefold().strip(".") in _EN.NEWSROOM_WORDS for w in words)


def _known_suffix(words: list[str]) -> int:
    """Where a known agency written after a name starts ("MARY POE Associated Press" → 2), or len(words)."""
    for cut in range(len(words)):
        tail = " ".join(words[cut:]).casefold().strip(" .")
        if tail in _AGENCIES or tail.removeprefix("the ") in _AGENCIES:
            return cut
    return len(words)


def _role(word: str) -> bool:
    return word.casefold().split("-")[0] in _EN.BYLINE_ROLES  # "Editor-at-large"


def _until_date(words: list[str]) -> list[str]:
    """A name ends where a date, a handle or a number starts ("Jeff Foust Monday, November 18, 2019",
    "Roger Gonzalez @rgonzalez")."""
    for i, word in enumerate(words):
        if _WEEKDAY.match(word) or word.startswith("@") or any(c.isdigit() for c in word):
            return words[:i - 1] if i and _MONTH.match(words[i - 1]) else words[:i]
    return words


def read_credit(text: str, min_words: int = 1) -> Credit:
    """People and organisations of one byline or ``author`` value (a leading "By" is dropped). A person has
    ``min_words`` to four capitalised words."""
    credit = Credit()
    text = " ".join(text.split())
    if " " in text:
        text = _GLUED.sub(" ", text)  # (one word alone is a brand written in camel case: "AppleInsider")
    led = _LEAD.match(text)
    if led:
        min_words = 1  # "By Regan": the lead says a name follows
    for part in _SPLIT.split(text[led.end() if led else 0:].strip(" .,")):
        words = _until_date(part.strip(" .,:").split())
        if not words:
            continue
        if _role(words[-1]):
            # "Transport Correspondent", "Staff Writer": a job title, not a name; but "Tom Ray Associated Press
            # Writer" still names a person before the agency
            while words and _role(words[-1]):
                words = words[:-1]
            if not 0 < _known_suffix(words) < len(words):
                if words and organisation(words):  # "Associated Press Writer"
                    credit.add(Credit(organisations=[" ".join(words)]))
                continue
        cut = _known_suffix(words)
        if cut < len(words):
            credit.add(Credit(organisations=[" ".join(words[cut:])]))
            words = words[:cut]
        lowered = [w.casefold() for w in words]
        if "of" in lowered[1:] and organisation(words[lowered.index("of", 1) + 1:]):
            at = lowered.index("of", 1)  # "Jane Doe of The Washington Post"
            credit.add(Credit(organisations=[" ".join(words[at + 1:])]))
            words = words[:at]
        elif words and organisation(words):
            credit.add(Credit(organisations=[" ".join(words)]))
            continue
        if words and not _newsroom(words) and min_words <= len(words) <= MAX_NAME_WORDS \
                and all(_capitalised(w) for w in words if w[:1].isalpha()) and any(c.isalpha() for c in words[0]) \
                and not any(_GLUED.search(w) for w in words):
            credit.add(Credit(people=[" ".join(words)]))
    return credit


def read_credits(values: list[str], min_words: int = 1) -> Credit:
    """All the people and organisations of several ``author`` values (metadata, JSON-LD), in order, each once;
    URLs and handles ("@jdoe") are not names."""
    credit = Credit()
    for value in values:
        if value and "://" not in value and not value.startswith("@"):
            credit.add(read_credit(value, min_words))
    return credit


def agency_of(organisations: list[str]) -> Optional[str]:
    """The record's optional ``agency`` field: the agencies or networks a byline credits, in order, "; " between
    two ("Associated Press; Reuters"), as the CSV export joins authors; None when the byline credits none."""
    return "; ".join(organisations) or None


# A wire story's dateline at the top of its text: "LONDON (Reuters) - ", "WASHINGTON, March 4 (AP) — ".
# The place (and date) before the parenthesis: capitalised words or numbers only.
_DATELINE_AGENCY = re.compile(r"^\s*(?=.{2,60}\()[A-Z][\w.'’-]*(?:[ ,/]+[A-Z0-9][\w.'’-]*)*"
                              r"\s\((?P<agency>[A-Za-z][\w .&'-]{0,40}?)\)\s*[-–—:]")


def dateline_agency(text: str) -> Optional[str]:
    """The agency a wire dateline credits at the start of ``text`` ("LONDON (Reuters) - …" → "Reuters"), or None:
    only a known agency or an organisation-shaped name, so "PARIS (Texas) -" or a parenthesised aside is none."""
    m = _DATELINE_AGENCY.match(text[:120])
    if m is None or not organisation(m.group("agency").split()):
        return None
    return m.group("agency")


def agency_note(organisations: list[str]) -> str:
    """The detail of the ``agency_byline`` problem: who supplied the story."""
    return f"the byline credits {', '.join(organisations)}: the story's source, not an author"
