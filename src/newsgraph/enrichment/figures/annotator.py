"""The figures stage: counts, amounts, percentages and quantities, with what they count and the event.

``find_figures(doc)`` is pure: it reads a parsed spaCy ``Doc`` and returns :class:`~newsgraph.model.Figure`
records whose spans index ``doc.text``; :class:`FigureAnnotator` attaches them to the article.

Conventions (see DESIGN.md, "Figures"):

- ``span`` covers qualifier + number + unit/currency ("more than 70,000", "$123 million", "30GB"); a range covers
  both ends ("between 25 and 30", "15-20%") and sets ``value`` and ``value_max``.
- ``kind``: ``amount`` when a currency is written (``unit`` = ISO 4217 code; a bare "$" is USD), ``percent``
  (``unit`` "%", or "pp" for percentage points; "a third of" is a proportion: 33.3 %), ``quantity`` with any
  other unit (canonical symbol: "GB", "km", "t" for tonnes, "mi" for miles), else ``count``.
- ``qualifier`` is normalised to one of: more than, at least, less than, at most, about, nearly, estimated,
  exactly ("over 80" → "more than", "up to 60" → "at most", "some 400" → "about"), and only ever what the text
  writes. Plural scales ("thousands of", "tens of thousands", "billions of dollars") have no point value: ``value``
  is None, ``value_min`` their order of magnitude (1000, 10,000, 1e9) and ``vague`` True; ``qualifier`` stays
  null unless one is written ("at least thousands").
- ``object``: what is counted, with the compounds and adjectives written between the figure and the noun ("a
  50-megawatt solar farm" → "solar farm") but never the figure's own unit ("a 12km pipeline" → "pipeline").
- Not figures: years, dates, times and durations (the times stage's), ages, ordinals, phone numbers, versions,
  numbers in names ("Boeing 737"), list markers, sports scores, a bare "one", and an anaphoric "the two".
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Optional
from ...text import url_host

from ... import lang
from ...model import Article, Figure
from ..base import doc_text, lemma_of
from . import filters
from .roles import counted_noun, event_of, noun_phrase
from .numbers import FRACTIONS, ONES, SUBUNIT_WORDS, VAGUE
from .scan import (Number, abbreviation, currency_after, currency_before, number_at, percent_after,
                           qualifier_after, qualifier_before, unit_after)

if TYPE_CHECKING:
    from spacy.tokens import Doc

_EN = lang.get("en").figures
SMALL_WORDS, ANAPHORIC_DETERMINERS = _EN.SMALL_WORDS, _EN.ANAPHORIC_DETERMINERS
RANGE_SEPARATORS, COORDINATORS, CHANGE_VERBS = _EN.RANGE_SEPARATORS, _EN.COORDINATORS, _EN.CHANGE_VERBS


class _Reading:
    """A figure being put together: token bounds and the attributes read so far."""

    __slots__ = ("start", "end", "number", "value_max", "unit", "kind", "qualifier", "currency", "unit_end")

    def __init__(self, number: Number) -> None:
        self.start, self.end, self.number = number.start, number.end, number
        self.value_max: Optional[float] = None
        self.unit = number.unit
        self.kind = "quantity" if number.unit else "count"
        self.qualifier: Optional[str] = None  # only what the text writes, also for "thousands of"
        self.currency: Optional[str] = None
        self.unit_end = number.end  # where the unit ends when it is written after the figure it belongs to


def _read_right(doc: "Doc", reading: _Reading, pounds: str) -> None:
    """Percent sign, currency word or unit after the number, then "or more"-style qualifiers."""
    end, unit = percent_after(doc, reading.end)
    if not unit and reading.number.fraction:
        end, unit = _fraction_of_a_point(doc, reading.end)
    if unit:
        reading.end, reading.unit, reading.kind = end, unit, "percent"
    elif not reading.unit:
        of = 1 if reading.number.vague and doc[reading.end: reading.end + 1].text.lower() == "of" else 0
        end, currency = currency_after(doc, reading.end + of, pounds)
        if currency and not reading.currency:
            if doc[end - 1].lower_ in SUBUNIT_WORDS:
                reading.number.value /= 100  # "3 cents", "50 pence"
            reading.end, reading.currency = end, currency
        elif not reading.currency:
            end, unit = unit_after(doc, reading.end)
            if unit:
                reading.end, reading.unit, reading.kind = end, unit, "quantity"
    end, qualifier = qualifier_after(doc, reading.end)
    if qualifier and not reading.qualifier:
        reading.end, reading.qualifier = end, qualifier


def _fraction_of_a_point(doc: "Doc", i: int) -> tuple[int, Optional[str]]:
    """"half a percentage point", "a quarter of a percent": the fraction counts points or percent (0.5 pp)."""
    j = i + 1 if doc[i: i + 1].text.lower() == "of" else i
    if doc[j: j + 1].text.lower() in ("a", "an"):
        end, unit = percent_after(doc, j + 1)
        if unit is not None:
            return end, unit
    return i, None


def _read_at(doc: "Doc", i: int, pounds: str) -> Optional[_Reading]:
    """One number from token ``i`` with its currency mark before and its unit after."""
    start, currency = currency_before(doc, i)
    number = number_at(doc, i, money=currency is not None)
    if number is None:
        return None
    reading = _Reading(number)
    reading.start, reading.currency = start, currency or number.currency
    _read_right(doc, reading, pounds)
    return reading


def _read_range(doc: "Doc", low: _Reading, between: bool, change: bool, pounds: str) -> Optional[bool]:
    """Extend ``low`` to "X-Y", "X to Y" or "between X and Y". None: a score ("3-1"), drop it.

    ``change``: the figure follows "from", "by" or a verb of change, where "X to Y" is a change, not a range."""
    sep = doc[low.end].lower_ if low.end < len(doc) else ""
    if not (sep in RANGE_SEPARATORS or (between and sep == "and")) or low.end + 1 >= len(doc):
        return False
    if change and sep == "to":
        return False
    nxt = low.end + 1
    if doc[nxt].text in ("$", "€", "£", "¥") or doc[nxt].lower_ in ("us$",):
        nxt += 1
    if nxt >= len(doc):
        return False  # "between $5 and $" at the end of the text
    high = _read_at(doc, nxt, pounds)
    if high is None or high.start != low.end + 1:
        return False
    if sep != "to" and sep != "and" and not doc[high.number.start].text[:1].isdigit():
        return False  # a hyphen joins digits ("25-30"); "7-Eleven" is a name
    low_sign, high_sign = low.currency or low.unit, high.currency or high.unit
    if low_sign and high_sign and low_sign != high_sign:
        return False
    low_value = low.number.value * (high.number.scale if low.number.scale == 1.0 else 1.0)
    if high.number.value <= low.number.value:
        if sep in ("-", "–") and not (low.unit or high.unit or low.currency or high.currency):
            return None
        return False
    if high.number.value <= low_value:
        low_value = low.number.value
    low.number.value, low.value_max, low.end = low_value, high.number.value, high.end
    low.unit, low.currency = low.unit or high.unit, low.currency or high.currency
    low.kind = high.kind if high.kind != "count" else low.kind
    low.qualifier = low.qualifier or high.qualifier
    return True


_WORD_STARTS = frozenset(ONES) | frozenset(FRACTIONS) | frozenset(VAGUE) | {"a", "an"}


class _Context:
    """What is read once per document: spans no figure may touch, digit strings used as names, and what a bare
    "pounds" is (:func:`pounds_reading`)."""

    __slots__ = ("blocked", "names", "pounds")

    def __init__(self, doc: "Doc", starts: list[int], country: Optional[str] = None) -> None:
        text = doc_text(doc)
        self.blocked = filters.blocked_spans(text)
        self.names = filters.name_numbers(doc, starts)
        self.pounds = pounds_reading(text, country)


def pounds_reading(text: str, country: Optional[str] = None) -> str:
    """What "5,200 pounds" with no sign either way is in this article: "GBP" in a British story (``country`` "GB",
    or a text that writes "£", "pence" or "sterling" elsewhere), else "lb": an American or other story pays in its
    own currency and weighs in pounds. Paying words make pounds money anywhere (:func:`.scan.pounds_are_money`)."""
    if country == "GB" or "£" in text or _BRITISH_MONEY.search(text):
        return "GBP"
    return "lb"


_BRITISH_MONEY = re.compile(r"\b(?:pence|sterling|GBP)\b")


def _rejected(doc: "Doc", reading: _Reading, context: _Context) -> Optional[str]:
    """Why this reading is not a figure, or None."""
    number = reading.number
    first, last = doc[number.start], doc[number.end - 1]
    if filters.overlaps_any(first.idx, last.idx + len(last), context.blocked):
        return "blocked_pattern"
    reason = filters.ordinal(doc, last) or filters.list_marker(doc, first, last)
    if reason:
        return reason
    if not (reading.currency or reading.kind == "percent"):
        reason = filters.date_or_time(doc, first, last, scaled=number.scale > 1) or filters.age(doc, first, last) \
            or filters.in_name(doc, first, has_currency=False)
        if not (reading.unit or reading.qualifier or reading.value_max):
            reason = reason or filters.model_number(doc, first, last)
        reason = reason or filters.letter_name(doc, first, last)
        if reason:
            return reason
    if not (reading.currency or reading.unit or reading.qualifier) and number.words == 1 \
            and first.text in context.names:
        return "name_number"
    plain = not (reading.currency or reading.unit or reading.qualifier or reading.value_max)
    if plain and doc[number.start: number.end].text.lower() in ("one", "a", "an"):
        return "bare_one"
    if plain and number.words == 1 and first.lower_ in SMALL_WORDS and number.start > 0 \
            and doc[number.start - 1].lower_ in ANAPHORIC_DETERMINERS:
        return "anaphoric"
    return None


def _figure(doc: "Doc", reading: _Reading) -> Figure:
    if reading.number.fraction and reading.kind == "count" and reading.number.scale == 1.0:
        reading.kind, reading.unit = "percent", "%"  # "a third of" is a proportion
        reading.number.value = round(reading.number.value * 100, 9)  # "three-fifths": 60, not 60.00000000000001
    if reading.currency:
        reading.kind, reading.unit = "amount", reading.currency
    noun = counted_noun(doc, reading.start, reading.end)
    closed = abbreviation(doc, reading.end - 1) != doc[reading.end - 1].lower_  # "sold 9.37m." ends its sentence
    if closed and noun is not None and noun.i >= reading.end:
        noun = None  # the parser ran on past the full stop it did not see
    obj = None
    event = event_of(doc, reading.start, reading.end, noun, stop=reading.end if closed else None)
    if noun is not None:
        modifies = noun.i >= reading.end and noun.head.i != noun.i and doc[reading.end - 1].head.i == noun.i
        if reading.kind in ("amount", "percent") and modifies:
            event = noun_phrase(noun, floor=reading.end)  # "a 4% rise": "rise", the "%" is the figure's own
        else:
            floor = max(reading.end, reading.unit_end)  # "1.83 and 2 GHz models": models, not "ghz models"
            obj = noun_phrase(noun, floor=floor, adjectives=noun.i >= reading.end)
    start, end = doc[reading.start].idx, doc[reading.end - 1].idx + len(doc[reading.end - 1])
    written = doc[reading.start:reading.end].text
    if closed:
        end, written = end - 1, written[:-1]  # "£1.2m." ending a sentence: the full stop is the sentence's
    vague = reading.number.vague
    return Figure(text=written, span=(start, end), kind=reading.kind,
                  value=None if vague else reading.number.value,
                  value_max=reading.value_max, unit=reading.unit, qualifier=reading.qualifier, object=obj,
                  event=event, value_min=reading.number.value if vague else None, vague=vague)


def _figure_at(doc: "Doc", i: int, context: _Context) -> tuple[Optional[_Reading], int]:
    """The reading of the figure whose number starts at token ``i`` (and the token after it), or (None, i + 1)."""
    reading = _read_at(doc, i, context.pounds)
    if reading is None:
        return None, i + 1
    qual_start, qualifier = qualifier_before(doc, reading.start)
    between = qual_start > 0 and doc[qual_start - 1].lower_ == "between"
    if qualifier:
        reading.start, reading.qualifier = qual_start, qualifier
    if between or (reading.start > 0 and doc[reading.start - 1].lower_ == "between"):
        between = True
    before = doc[reading.start - 1] if reading.start > 0 else None
    change = before is not None and (before.lower_ in ("from", "by") or lemma_of(before).lower() in CHANGE_VERBS)
    ranged = _read_range(doc, reading, between, change, context.pounds)
    if ranged is None:
        return None, reading.end + 2
    if ranged and between:
        reading.start -= 1
    if _rejected(doc, reading, context):
        return None, reading.end
    return reading, reading.end


def _share_unit(doc: "Doc", readings: list[_Reading]) -> None:
    """A bare number coordinated with a number that writes its unit or percent sign after it takes that unit:
    "1.83 and 2 GHz models", "5 or 6 percent", "from 5 to 7%" (where "to" after "from" is not a range)."""
    for left, right in zip(readings, readings[1:]):
        if left.kind != "count" or left.currency or left.value_max is not None or right.kind not in (
                "quantity", "percent") or right.currency or right.start != left.end + 1 or not right.unit \
                or right.number.start != right.start:
            continue
        if _coordinated(doc, left, right, doc[left.end].lower_):
            left.kind, left.unit, left.unit_end = right.kind, right.unit, right.end


def _coordinated(doc: "Doc", left: _Reading, right: _Reading, word: str) -> bool:
    """The parse joins the two numbers as alternatives or as modifiers of one noun, not two clauses ("they sold 3
    and 20% were returned", "hired 300 and 10 percent left" keep their 3 and 300 as counts)."""
    a, b = doc[left.number.end - 1], doc[right.number.end - 1]
    same_head = a.head.i == b.head.i and a.head.i >= right.end and a.dep_ == b.dep_ == "nummod"
    if word == "to":
        return left.start > 0 and doc[left.start - 1].lower_ == "from"
    if word == "or":
        return same_head or (b.dep_ == "conj" and b.head.i == a.i)
    return word in COORDINATORS and same_head


def find_figures(doc: "Doc", country: Optional[str] = None) -> list[Figure]:
    """All figures in a parsed document, in text order, spans into ``doc.text``. ``country``: the publication's
    ISO 3166 country where known ("GB" from a ``.uk`` address), which tells what a bare "pounds" is."""
    starts = _number_starts(doc)
    context = _Context(doc, starts, country)
    readings: list[_Reading] = []
    i = 0
    for start in starts:
        if start < i:
            continue  # inside the figure read before
        reading, i = _figure_at(doc, start, context)
        if reading is not None:
            readings.append(reading)
    _share_unit(doc, readings)
    return [_figure(doc, reading) for reading in readings]


def _number_starts(doc: "Doc") -> list[int]:
    """Tokens a number can start at (a superset of where :func:`number_at` reads one): anything with a numeric
    character, number words, fractions, "thousands"-like plurals and "a"/"an" ("a third", "a dozen"). Skipping
    the rest saves reading every token of the article."""
    import numpy as np
    from spacy.attrs import LOWER, ORTH
    if not len(doc):
        return []
    table = doc.to_array([ORTH, LOWER])
    strings = doc.vocab.strings
    numeric = [h for h in np.unique(table[:, 0]).tolist() if any(ch.isnumeric() for ch in strings[h])]
    return np.flatnonzero(np.isin(table[:, 0], numeric) | np.isin(table[:, 1], _word_start_ids())).tolist()


@lru_cache(maxsize=1)
def _word_start_ids() -> list[int]:
    from spacy.strings import get_string_id
    return [get_string_id(word) for word in _WORD_STARTS]


class FigureAnnotator:
    """Fills ``article.figures`` from the article's spaCy doc."""

    name = "figures"

    def annotate(self, article: Article, doc: "Doc") -> None:
        article.figures = find_figures(doc, country_of(article.url))


def country_of(url: Optional[str]) -> Optional[str]:
    """The country a publication's address names by its top-level domain ("https://news.example.co.uk/…" → "GB"),
    or None (".com" and the like name none)."""
    host = (url_host(url) or "").rstrip(".")
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    return "GB" if tld == "uk" else tld.upper() if len(tld) == 2 else None
