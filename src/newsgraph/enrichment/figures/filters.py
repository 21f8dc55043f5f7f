"""What looks like a number but is not a figure: years, dates, times, ages, ordinals, phone numbers, versions,
list markers and numbers that are part of a name ("Boeing 737", "iPhone 4", "Group of 20", "COVID-19").

Each check returns a short snake_case reason (so tests can assert why a number was dropped) or ``None``.
spaCy's entity labels are used as hints, never alone: the small model labels "over 80" or "Papermaster, 49" as
DATE, so a DATE label only vetoes a number when the entity also reads like a date.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from ... import lang
from ..base import lemma_of
from ..regex_guard import guarded

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_EN = lang.get("en").figures
MONTHS, WEEKDAYS, TIME_UNITS = _EN.MONTHS, _EN.WEEKDAYS, _EN.TIME_UNITS
SCALE_WORDS, PERSON_PRONOUNS, AGE_BEFORE = _EN.SCALE_WORDS, _EN.PERSON_PRONOUNS, _EN.AGE_BEFORE
ID_NOUNS, ORDINAL_UNITS, ORDINAL_WORDS = _EN.ID_NOUNS, _EN.ORDINAL_UNITS, _EN.ORDINAL_WORDS
MODEL_NOUNS, DISPLAY_NOUNS = _EN.MODEL_NOUNS, _EN.DISPLAY_NOUNS
DATE_WORDS = MONTHS | WEEKDAYS | TIME_UNITS | _EN.OTHER_DATE_WORDS
NAME_LABELS = {"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "FAC", "GPE", "LOC", "NORP",
               "LANGUAGE"}

_BLOCKED = [guarded(rx) for rx in (
    re.compile(r"(?<![\w.])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}([ .-])\d{3,4}\1\d{3,4}(?![\w])"),
    re.compile(r"(?<![\w.,-])\d{3}-\d{4}(?![\w-])"),            # local phone number 555-1234
    re.compile(r"\+\d[\d ().-]{6,}\d"),                        # international phone number
    re.compile(r"(?<![\w.])\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)(?!\w)", re.IGNORECASE),
    re.compile(r"(?<![\w.])\d{1,2}:\d{2}(?::\d{2})?(?![\w])"),  # clock time
    re.compile(r"(?<![\w.])[vV]?\d+\.\d+\.\d+(?:\.\d+)*(?![\w])"),  # version 2.3.1
    re.compile(r"(?<![\w.])[vV]\d+(?:\.\d+)?(?![\w])"),          # v2 / v2.0
    re.compile(r"(?<![\w./-])\d{1,4}[/-]\d{1,2}[/-]\d{1,4}(?![\w/-])"),  # numeric date 04/05/2013
)]


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of phone numbers, clock times, versions and numeric dates in ``text``."""
    return sorted(m.span() for rx in _BLOCKED for m in rx.finditer(text))


def overlaps_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _is_year(token: "Token") -> bool:
    text = token.text
    if not (len(text) == 4 and text.isdigit() and 1000 <= int(text) <= 2100):
        return False
    head = token.head
    counts_noun = (token.dep_ == "nummod" and head.i > token.i and head.pos_ == "NOUN"
                   and head.lower_ not in DATE_WORDS and token.ent_type_ != "DATE")
    return not counts_noun


def _entity_tokens(doc: "Doc", i: int) -> list["Token"]:
    """The tokens of the entity token ``i`` is in, read from the IOB tags (``doc.ents`` builds every entity)."""
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return [doc[k] for k in range(start, end)]


def _datelike_entity(doc: "Doc", token: "Token") -> bool:
    """The token sits in a DATE/TIME entity that reads like one (a month, a weekday, a year, "years" …)."""
    if token.ent_type_ not in ("DATE", "TIME"):
        return False
    for other in _entity_tokens(doc, token.i):
        if other.lower_ in DATE_WORDS or other.lower_.rstrip("s") in DATE_WORDS:
            return True
        if other.i != token.i and _is_year(other):
            return True
    return _is_year(token)


def date_or_time(doc: "Doc", first: "Token", last: "Token", scaled: bool = False) -> Optional[str]:
    """Years, dates ("March 19", "19 March"), durations ("10 years", "45-year-old") and clock times.

    ``scaled``: the number has a scale word ("2bn", "5 million"): no year or day of a month, so a DATE label the
    parser put over it ("hit 2bn last year") does not count; a time unit after it still does ("4.5 billion
    years")."""
    if first.i == last.i and _is_year(first):
        return "year"
    if first.i > 0 and doc[first.i - 1].text in ("'", "’") and not doc[first.i - 1].whitespace_ \
            and first.text.isdigit() and len(first.text) == 2:
        return "year"  # '11
    if _per_time_unit(doc, last.i):
        return None  # a rate, "15 a year", "300 per day": the number counts things, the unit is the period
    if not scaled and (_datelike_entity(doc, first) or _datelike_entity(doc, last)):
        return "date"
    before = doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.lower_ in MONTHS and before.text[:1].isupper():
        return "date"
    nxt = _next_word(doc, last.i)
    if nxt is not None and (nxt.lower_ in TIME_UNITS or (nxt.lower_ in MONTHS and nxt.text[:1].isupper())):
        return "date"
    return None


def _per_time_unit(doc: "Doc", i: int) -> bool:
    """The number at ``i`` is followed by "a"/"an"/"per"/"each"/"every" and a singular time unit."""
    if i + 2 >= len(doc) or doc[i + 1].lower_ not in ("a", "an", "per", "each", "every"):
        return False
    unit = doc[i + 2].lower_
    return unit in TIME_UNITS and not unit.endswith("s")


def _next_word(doc: "Doc", i: int) -> Optional["Token"]:
    """The next token, stepping over one glued hyphen ("45-year")."""
    j = i + 1
    if j < len(doc) and doc[j].text in ("-", "–") and not doc[i].whitespace_:
        j += 1
    return doc[j] if j < len(doc) else None


def age(doc: "Doc", first: "Token", last: "Token") -> Optional[str]:
    """"aged 45", "at the age of 45", "Papermaster, 49," and "Smith (49)" after a person's name."""
    i = first.i
    prev = [doc[j].lower_ for j in range(max(0, i - 3), i)]
    if prev and (prev[-1] in AGE_BEFORE or prev[-2:] == ["age", "of"] or prev[-2:] == ["ages", "of"]):
        return "age"
    if first.i == last.i and first.dep_ in ("attr", "acomp") and lemma_of(first.head) == "be":
        subject = next((c for c in first.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.lower_ in PERSON_PRONOUNS or subject.ent_type_ == "PERSON"):
            return "age"  # "when she was six"
    person = i >= 2 and (doc[i - 2].ent_type_ == "PERSON" or doc[i - 2].lower_ in ("he", "she")
                         or (doc[i - 2].pos_ == "PROPN" and doc[i - 2].ent_type_ not in ("GPE", "LOC", "ORG")))
    if person and doc[i - 1].text in (",", "(") and first.i == last.i:
        closing = doc[last.i + 1].text if last.i + 1 < len(doc) else ""
        if closing in (",", ")", ".", ";") and first.text.isdigit() and int(first.text) < 120:
            return "age"
    return None


def ordinal(doc: "Doc", last: "Token") -> Optional[str]:
    text = last.lower_
    if re.fullmatch(r"[\d,]+(st|nd|rd|th)", text):
        return "ordinal"
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and not last.whitespace_ and nxt.lower_ in ("st", "nd", "rd", "th"):
        return "ordinal"
    if nxt is not None and nxt.text in ("-", "–") and not last.whitespace_ and not nxt.whitespace_ \
            and last.i + 2 < len(doc) and doc[last.i + 2].lower_ in ORDINAL_UNITS:
        return "ordinal"  # "the forty-fifth president", "twenty-third"
    return None


def in_name(doc: "Doc", first: "Token", has_currency: bool) -> Optional[str]:
    """Numbers that belong to a name or an identifier: "Boeing 737", "iPhone 4", "page 3", "Group of 20"."""
    i = first.i
    if not has_currency and _hyphen_name(doc, i):
        return "name_number"  # COVID-19, A330-200, 777-200LR, high-five
    if has_currency or not first.text[:1].isdigit():
        return None
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if prev is not None and prev.text == "#" and not prev.whitespace_ and nxt not in SCALE_WORDS:
        return "identifier"  # "#2 browser": a rank (while "#13 billion" is pounds mis-encoded)
    if _beside_a_model(first):
        return "name_number"  # "the A350 and the 787", "its 777 and A350 fleets"
    if prev is None or prev.is_space or prev.is_sent_end:
        return None
    if prev.lower_ in ID_NOUNS and (prev.pos_ in ("NOUN", "PROPN") or prev.text[:1].isupper()):
        return "identifier"
    if prev.text == "." and i >= 2 and doc[i - 2].text in ("No", "no", "Nos") and not doc[i - 2].whitespace_:
        return "identifier"  # "No. 2" split in two tokens
    if first.ent_type_ in NAME_LABELS - {"GPE", "NORP", "PERSON"} and first.ent_iob_ == "I":
        return "name_number"  # inside a name, after its first word: "Standard & Poor's 500"
    if prev.pos_ == "PROPN" and _named(prev, first):
        return "name_number"
    if prev.tag_ == "POS" and i >= 2 and doc[i - 2].pos_ == "PROPN" and first.dep_ != "nummod" \
            and doc[i - 2].ent_type_ not in ("PERSON", "GPE", "NORP", "DATE"):
        return "name_number"  # "Boeing's 787" as a noun of its own; "Boeing's 500 engineers" counts
    counts = first.dep_ == "nummod" and first.head.i > first.i
    if prev.lower_ == "of" and i >= 2 and doc[i - 2].pos_ == "PROPN" and doc[i - 2].text[:1].isupper() \
            and not counts and doc[i - 2].ent_type_ not in ("GPE", "PERSON", "NORP", "DATE"):
        return "name_number"  # Group of 20
    return None


def _beside_a_model(number: "Token") -> bool:
    """The number is coordinated with a model name of letters and digits ("A350", "MD11"), so it is one too."""
    partners = [c for c in number.children if c.dep_ == "conj"]
    if number.dep_ == "conj":
        partners.append(number.head)
    return any(p.text[:1].isalpha() and p.text[:1].isupper() and any(ch.isdigit() for ch in p.text)
               and not p.like_num for p in partners)


def _hyphen_name(doc: "Doc", i: int) -> bool:
    """The number is glued by a hyphen to a word with letters: "COVID-19", "A330-200", "777-200LR"."""
    def wordish(token: "Token") -> bool:
        return token.is_alpha or (any(c.isalpha() for c in token.text) and any(c.isdigit() for c in token.text))

    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_ \
            and (wordish(doc[i - 2]) or doc[i].is_title) and doc[i - 2].lower_ not in TIME_UNITS:
        return True
    if not (i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_):
        return False
    after = doc[i + 2].text
    mixed = any(c.isdigit() for c in after) and any(c.isalpha() for c in after)
    return mixed or (after.isupper() and len(after) <= 2) or (after.istitle() and after.isalpha())


def _named(prev: "Token", number: "Token") -> bool:
    linked = number.head.i == prev.i or prev.head.i == number.i
    if linked or number.ent_type_ in NAME_LABELS:
        return True
    counts = number.dep_ == "nummod" and number.head.i > number.i and number.head.tag_ in ("NNS", "NNPS")
    return not counts and prev.ent_type_ not in ("GPE", "NORP", "DATE")


def model_number(doc: "Doc", first: "Token", last: "Token") -> Optional[str]:
    """A bare integer modifying a singular noun right after it reads as a model: "737 replacement",
    "787 Dreamliner" (a count modifies a plural: "20 planes", "500 Apple engineers")."""
    if first.i != last.i or not first.text.isdigit() or int(first.text) < 2 or not first.whitespace_:
        return None
    head = first.head
    prev = doc[first.i - 1] if first.i > 0 else None
    if prev is not None and prev.tag_ == "JJR" and prev.lower_ not in ("more", "fewer", "less"):
        return "model_number"  # a count comes before a comparative ("20 larger planes"): "larger 777 planes"
    if _possessed_model(doc, first, prev):
        return "model_number"
    if head.i <= first.i or head.tag_ not in ("NN", "NNP") or head.lower_ in TIME_UNITS:
        return None
    if prev is None or (prev.tag_ not in ("DT", "PRP$", "POS", "JJ", "JJR", "JJS", "VBN")
                        and prev.lower_ not in ORDINAL_WORDS):
        return None  # "lease 100 tanker aircraft" counts; "their 737 airliner", "first 787 Dreamliner" name
    between = doc[first.i + 1: head.i]
    if all(t.dep_ in ("compound", "amod", "nmod") and t.tag_ in ("NN", "NNP", "JJ") for t in between):
        return "model_number"
    return None


def _possessed_model(doc: "Doc", number: "Token", prev: Optional["Token"]) -> bool:
    """A maker's or owner's model ("Boeing's 787 jets", "its 737 Max 8 jets"): a possessive, then a three- or
    four-digit number that is not a multiple of ten, then a proper name ("Max") or a plural of the things models
    are made of (jets, cars, phones). A possessed count is a round one ("its 300 jets") or counts people ("its 738
    employees")."""
    if prev is None or not (prev.tag_ in ("POS", "PRP$")) or not 3 <= len(number.text) <= 4 \
            or int(number.text) % 10 == 0:
        return False
    nxt = doc[number.i + 1] if number.i + 1 < len(doc) else None
    if nxt is None:
        return False
    return nxt.tag_ == "NNP" or (nxt.tag_ == "NNS" and nxt.lower_ in MODEL_NOUNS)


def letter_name(doc: "Doc", first: "Token", last: "Token") -> Optional[str]:
    """A number glued to a capital letter names a format, a network, a race or a brand ("4K streaming", "5G
    network", "a 10K race", "the 2B Fit app"), unless the letter is a scale counting a plural ("50K people")."""
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and not last.whitespace_ and _capital_letter(nxt.text) and last.like_num:
        return "name_number"  # the letter was not read as a scale: "4" + "K", "5" + "G"
    glued = last.text[-1:] if last.text[:1].isdigit() else ""
    if last.i > first.i and not doc[last.i - 1].whitespace_ and doc[last.i - 1].like_num:
        glued = last.text  # "50" + "K" read together as 50,000
    if not _capital_letter(glued) or nxt is None:
        return None
    if glued == "K" and nxt.lower_ in DISPLAY_NOUNS:
        return "name_number"  # "4K games", "8K TVs": a resolution, not 4,000 of them
    return "name_number" if nxt.tag_ in ("NN", "NNP", "VBG") else None


def _capital_letter(text: str) -> bool:
    return len(text) == 1 and text.isalpha() and text.isupper()


def name_numbers(doc: "Doc", candidates: Optional[list[int]] = None) -> set[str]:
    """Digit strings the document uses as names somewhere ("Boeing 787"), so a bare "the 787" is one too.
    ``candidates``: token indices that include every all-digit token (by default, all tokens)."""
    names = set()
    for token in (doc if candidates is None else (doc[i] for i in candidates)):
        if token.text.isdigit() and (in_name(doc, token, has_currency=False) == "name_number"
                                     or model_number(doc, token, token)) \
                and date_or_time(doc, token, token) is None:  # the 17 of "May 17" is a day, not a name
            names.add(token.text)
    return names


def list_marker(doc: "Doc", first: "Token", last: "Token") -> Optional[str]:
    """"1." or "2)" opening a line."""
    k = first.i - 1
    while k >= 0 and "\n" not in doc[k].text_with_ws:
        if not doc[k].is_space:
            return None
        k -= 1
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.text in (".", ")") and not last.whitespace_:
        return "list_marker"
    return None
