"""Finding time expressions: our own patterns over the text, checked against the parse when there is one.

``find_times(doc_or_text)`` returns :class:`TimeCandidate`s: the span (TimeML extent: no leading preposition,
"on Friday" -> "Friday"), the rule that matched with its groups, the word before it (a cue such as "since"),
and the tense of the governing verb when a spaCy ``Doc`` is given. Resolution to a value is
:mod:`newsgraph.enrichment.times.values`'s job.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator, Optional, Union

from ..base import doc_text
from ..regex_guard import first_char_guard
from ... import lang
from .lexicon import (DECADE_WORDS, HOLIDAYS, MONTH_ABBR, MONTH_FULL_RE, MONTH_RE, NUM_RE, ORDINALS, SEASONS,
                            UNIT_RE, UNITS, WEEKDAY_RE, WEEKDAYS, alt_pattern, month_number, number_value)
from .tense import tense_and_clause

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(slots=True)
class TimeCandidate:
    """A time expression found in text, not yet resolved. ``groups`` are the matching rule's named parts."""

    text: str
    start: int
    end: int
    kind: str
    groups: dict[str, str] = field(default_factory=dict)
    cue: str = ""
    tense: Optional[str] = None  # "past" | "present" | "future" | None (unknown)
    clause: Optional[int] = None  # token index of the governing verb (with a parse)
    sentence: Optional[int] = None  # index of the parse's sentence it starts in (with a parse)


_I = "(?i:{})".format
_EN = lang.get("en").times


def _any(words: tuple[str, ...]) -> str:
    """Regex alternatives in the order the language lists them (entries may hold regex: "profits?")."""
    return "|".join(words)


_MOD = _I(_any(_EN.MODIFIERS))
_TZ = rf"(?:{_any(_EN.TIME_ZONES)})(?:\s?[+-]\s?\d{{1,2}})?"
_QUAL = _I(_any(_EN.QUALIFIERS))
_PREP_CORE = _I(_any(_EN.DURATION_PREPOSITIONS))
_YEAR = r"(?:1[6-9]|20)\d\d"
_APOS = "['’]"
_THE = _I("the")
_POD = _I(_any(_EN.PARTS_OF_DAY_WORDS))
_NUM = _I(NUM_RE)
_UNIT = _I(UNIT_RE)
_PLURAL_UNIT = _I(_any(_EN.PLURAL_UNITS))
_VAGUE_DET = _I(_any(_EN.VAGUE_DETERMINERS))
_REL_PRE = _I(_any(_EN.RELATIVE_PREFIXES))
_REL = _I(_any(_EN.RELATIVE_WORDS))
_REL_UNIT = _I(_any(_EN.RELATIVE_UNITS))
# "the day before" is not read where what it is before follows: a name or number ("the day before Christmas"), a
# determiner or pronoun ("the day before the vote", "… before he took office"), a verb in -ing ("the day after
# being released", "the week after polling closed"); we do not date those.
_STORY_END = rf"(?!\s+(?:{_I(_any(_EN.STORY_END_WORDS))}\b|\w+ing\b|[A-Z0-9]))"
_DUR_ADJ = _I(_any(_EN.DURATION_ADJECTIVES))
_REPORTED = _I(_any(_EN.REPORTED))
_SET_ADV = _I(_any(_EN.SET_ADVERB_ORDER))
_HOLIDAY = "|".join(re.escape(" ".join(w[0].upper() + w[1:] for w in name.split())).replace("'", _APOS)
                    for name in sorted(HOLIDAYS, key=len, reverse=True))

# (kind, pattern) — every pattern is wrapped in word boundaries; longest match wins on overlap.
RULES: list[tuple[str, str]] = [
    ("iso", rf"(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[0-2]\d):(?P<mi>[0-5]\d)(?::\d\d)?)?"),
    ("slash", r"(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})"),
    ("mdy", rf"(?:{WEEKDAY_RE},? )?(?:(?P<mod>{_MOD})[- ])?(?P<mon>{MONTH_RE}) (?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
            rf"(?!\d|:)(?:,? (?P<y>{_YEAR})(?!\d))?"),
    ("dmy", rf"(?:{WEEKDAY_RE},? )?(?:the )?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?: of)? (?P<mon>{MONTH_RE})"
            rf"(?:,? (?P<y>{_YEAR})(?!\d))?"),
    ("my", rf"(?:(?P<mod>{_MOD}|{_I('last|next|this|the same')})[- ])?(?P<mon>{MONTH_RE})"
           rf"(?:,? (?:of )?(?P<y>{_YEAR})(?!\d))?"),
    ("year", rf"(?<![$£€#\d.,])(?:(?P<mod>{_MOD})[- ])?(?P<fy>{_I('fiscal (?:year )?|the year ')}|FY ?)?"
             rf"(?P<y>{_YEAR})(?!\d|,\d|\.\d|%|-\d(?!\d{{3}}\b)|{_APOS}?s\b)"),
    ("decade", rf"(?:{_THE} )?(?:(?P<mod>{_MOD})[- ])?(?P<dec>{_YEAR[:-4]}\d)0{_APOS}?s"),
    ("decade", rf"{_THE} (?:(?P<mod>{_MOD})[- ])?(?:{_APOS}(?P<dec2>\d)0s|(?P<decw>{_I(alt_pattern(DECADE_WORDS))}))"),
    ("century", rf"{_THE} (?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_I(alt_pattern(ORDINALS))})[- ]{_I('century')}"),
    ("time", rf"(?P<hh>[01]?\d)(?::(?P<mi>[0-5]\d))?\s?(?P<ap>{_I('a[.]m[.]|p[.]m[.]|am|pm')})(?!\w)"
             rf"(?: (?P<tz>{_TZ})| ?\((?P<tzp>{_TZ})\))?"),
    ("time", rf"(?P<hh>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?!\d|:\d)(?: ?(?P<tz>{_TZ})| ?\((?P<tzp>{_TZ})\))?"),
    ("time", rf"(?P<word>{_I(_any(_EN.CLOCK_WORDS))})"),
    ("reld", rf"(?P<rd>{_I(_any(_EN.DEICTIC_DAYS))})(?: (?P<pod>{_POD}))?"),
    ("reld", rf"(?P<rel>{_I('this|last')}) (?P<pod>{_POD})"),
    ("weekday", rf"(?:(?P<rel>{_I(_any(_EN.WEEKDAY_RELATIONS))}) )?(?P<wd>{WEEKDAY_RE})(?!s\b)"
                rf"(?: (?P<pod>{_POD}))?"),
    ("relunit", rf"(?:(?P<pre>{_REL_PRE})[- ])?(?P<rel>{_REL}) (?P<unit>{_REL_UNIT})(?!s?\w)"),
    ("relunit", rf"(?P<rel>{_I(_any(_EN.STORY_RELATIONS))}) (?P<unit>{_I('day')})(?!\w)"),
    ("relunit", rf"{_THE} (?P<unit>{_I('day|week|month|year')}) (?P<rel>{_I(_any(_EN.STORY_DIRECTIONS))})"
                rf"{_STORY_END}"),
    ("weekend", rf"{_THE} {_I('weekend')}(?!\w)"),
    ("endof", rf"(?P<pre>{_I(_any(_EN.ENDS_OF))})"
              rf" {_THE} (?P<unit>{_I('week|month|year|decade|century')})(?!\w)"),
    # "year-end 2003 results" reads the year ("by year-end 2000 workers" would too: news writes "2,000 workers")
    ("endof", rf"(?:{_THE} )?(?P<unit>{_I('year|month|quarter')})[- ]{_I('end')}(?!\w|-)"
              rf"(?:,? (?P<y>{_YEAR})(?!\d))?"),
    ("durrel", rf"(?:{_THE} )?(?P<rel>{_I(_any(_EN.DURATION_RELATIONS))})"
               rf" (?P<n>{_NUM}) (?P<unit>{_UNIT})(?!\w)"),
    ("ago", rf"(?:(?P<q>{_QUAL}) )?(?P<n>{_NUM}) (?P<unit>{_UNIT}) (?P<dir>{_I(_any(_EN.AGO_WORDS))})"),
    ("dur", rf"(?:(?P<q>{_QUAL}) )?(?P<n>{_NUM})(?P<sep>[ -])(?:(?P<adj>{_DUR_ADJ}) )?(?P<unit>{_UNIT})"
            rf"(?:-long|-old)?(?!\w)"),
    ("vague", rf"{_PREP_CORE} (?P<core>(?:{_VAGUE_DET})"
              rf"(?P<unit>{_PLURAL_UNIT}))(?!\w)"),
    ("vague", rf"(?P<unit>{_PLURAL_UNIT})-long"),
    ("set", rf"(?P<every>{_I('every|each')})(?: (?P<n>{_I('other')}|{_NUM}))?"
            rf" (?P<unit>{_UNIT}|{WEEKDAY_RE}|{_POD}|{_I('weekend')})(?!\w)"),
    ("set", rf"(?P<adv>{_SET_ADV})"),
    ("set", rf"(?P<freq>{_I(_any(_EN.FREQUENCY_WORDS))}|(?P<n>{_NUM}) {_I('times')}) {_I('a|an|per|each|every')}"
            rf" (?P<unit>{_UNIT})"),
    ("set", rf"{_I('per')} (?P<unit>{_I('second|minute|hour|day|week|month|quarter|year')})"),
    ("set", rf"(?<=\bon )(?P<wd>{WEEKDAY_RE})s"),
    ("ref", rf"(?P<ref>{_I(_any(_EN.REFERENCE_WORDS))})"),
    ("ref", rf"{_I(_any(_EN.REFERENCE_DEGREE))} (?P<ref>{_I('recently|lately')})"),
    ("ref", rf"{_I('in|at|until|into')} (?P<core>(?P<ref>{_I(_any(_EN.REFERENCE_NOUNS))}))"
            rf"(?!\w|\s+(?:{_NUM}|{_I(_any(_EN.REFERENCE_BLOCKERS))}\w*)\b)"),
    ("season", rf"(?:(?P<rel>{_I('last|next|this|early|late|mid|the')})[- ])?"
               rf"(?P<season>{_I('spring|summer|autumn|fall|winter')})(?:,? (?:of )?(?P<y>{_YEAR})(?!\d))?"),
    ("quarter", rf"(?:{_THE} )?(?P<ord>{_I(_any(_EN.QUARTER_ORDINALS))})"
                rf"(?: {_I('fiscal|calendar')} |[ -]){_I('quarter')}(?: {_I('of')} (?:(?:{_I('fiscal')} )?"
                rf"(?P<y>{_YEAR})|(?P<rel>{_I('this|last|next|the previous|the same')}) {_I('year')}))?"),
    ("quarter", rf"(?P<q>Q[1-4])(?: (?P<y>{_YEAR}))?"),
    ("half", rf"(?P<ord>{_I('first|second')})-{_I('half')}(?= {_REPORTED})"),
    ("half", rf"(?P<h>H[12]) (?P<y>{_YEAR})"),  # alone, "H2" is as often hydrogen or a protocol
    ("half", rf"(?:{_THE} )?(?P<ord>{_I('first|second')}) {_I('half of')}"
             rf" (?:(?P<y>{_YEAR})|(?P<rel>{_I('this|last|next|the')}) {_I('year')})"),
    ("holiday", rf"(?P<hol>{_HOLIDAY})(?:,? (?P<y>{_YEAR})(?!\d))?"),
]
# The first-character guard skips positions no rule could start at (same matches, ~1.4x faster scanning); it goes
# before the look-behind, which costs more to try at every position.
_COMPILED = [(kind, re.compile(rf"{first_char_guard(pattern)}(?<![\w]){pattern}(?![\w]|{_APOS}\w\w)"))
             for kind, pattern in RULES]

# Words every match of a kind contains (compared casefolded): a text with none of them skips that kind's rules
# without scanning. Kinds whose rules need only digits or common words are not listed.
DIGIT = r"\d"  # in KEYWORDS: any digit, of any script, as the rules' \d reads it
KEYWORDS: dict[str, tuple[str, ...]] = {
    "century": ("century",),
    "weekend": ("weekend",),
    "endof": ("end of", "beginning of", "start of", "middle of", "turn of", "rest of", "year-end", "year end",
              "month-end", "month end", "quarter-end", "quarter end"),
    "ago": ("ago", "from now", "hence", "earlier", "later"),
    "season": tuple(SEASONS),
    "half": ("half", "h1", "h2"),
    "quarter": ("quarter", "q1", "q2", "q3", "q4"),
    "holiday": tuple(name.split("'")[0] for name in HOLIDAYS),
    "weekday": tuple(WEEKDAYS),
    "reld": ("today", "tonight", "yesterday", "tomorrow", "morning", "afternoon", "evening", "night"),
    "set": ("every", "each", "daily", "weekly", "monthly", "annual", "yearly", "quarterly", "hourly", "nightly",
            "biennial", "once", "twice", "thrice", "times", "per", *(f"{day}s" for day in WEEKDAYS)),
    "vague": ("years", "months", "decades", "weeks", "days", "hours", "centuries"),
    "dur": tuple(UNITS),
    "durrel": tuple(UNITS),
    "relunit": ("day", "week", "month", "year", "quarter", "decade", "century", "fortnight", *SEASONS),
    "my": (*MONTH_ABBR, "may"),
    "mdy": (*MONTH_ABBR, "may"),
    "dmy": (*MONTH_ABBR, "may"),
    "year": (DIGIT,),
    "iso": (DIGIT,),
    "slash": (DIGIT,),
    "time": (DIGIT, "noon", "midday", "midnight"),
    "decade": (DIGIT, *DECADE_WORDS),
    "ref": ("now", "currently", "presently", "these days", "recently", "lately", "moment", "past", "future",
            "present"),
}
# Where a sentence may end: no time expression runs across one (the same matches as scanning whole texts, checked
# on the shared gold texts), so each kind's rules run only over the sentences holding one of its KEYWORDS.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]*[A-Z][a-z])")
_ANY_DIGIT = re.compile(r"\d")
_NON_SPACE = re.compile(r"\S")
_LOOKAHEAD = 80  # characters past a sentence's first word that a rule's look-ahead may read

MONTH_CUES = _EN.MONTH_CUES
_NONTIME_ENTS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "PRODUCT", "ORG", "PERSON", "FAC", "WORK_OF_ART",
                 "LAW", "ORDINAL"}
_YEAR_DETERMINERS = _EN.YEAR_DETERMINERS
# Kinds made of a single ordinary word, which can also be part of a name ("LA Weekly", "Johnnie Christmas").
_NAME_PRONE = {"set", "ref", "holiday", "weekday", "my", "season", "reld"}
_NAME_ENTS = {"PERSON", "ORG", "WORK_OF_ART", "FAC", "GPE", "PRODUCT", "NORP", "EVENT", "LAW"}
# A clock reading that counts time in a game rather than the time of day: "7:14 into the third period", "19:56 of
# the match", "with 2:30 left", "at the 74:10 mark".
_GAME_CLOCK = re.compile(rf"\s+(?:(?:{_any(_EN.GAME_CLOCK_LINKS)})\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?"
                         rf"(?:{_any(_EN.GAME_PERIODS)})|{_any(_EN.GAME_CLOCK_AFTER)})\b", re.I)
_GAME_CLOCK_BEFORE = re.compile(rf"(?<![\w:])\d{{1,2}}:[0-5]\d(?!:?\d)(?:\s+(?:{_any(_EN.GAME_CLOCK_AFTER)}))?"
                                rf"\s+(?:{_any(_EN.GAME_CLOCK_LINKS)})\s+$", re.I)
# "a year" after a figure is a rate (SET), whatever is counted: "£15 million a week", "$5 a day", "100 million
# doses a year", "three shifts a week": a number (digits or words) or a rate word, then at most three words joined
# by spaces or hyphens and none of them a function word, so "sentenced to 10 years, a year more" and "won 3 titles
# in a year" stay durations.
_COUNT_WORDS = (*_EN.SMALL_NUMBERS, *_EN.TENS, "hundred", "thousand", "million", "billion", "trillion", "dozen")
_RATE_NOUN = rf"(?!(?:{_any(_EN.NOT_RATE_NOUNS)})\b)[^\W\d]+"
_SET_BEFORE = re.compile(rf"(?:(?:\d|%|\b(?:{_any(_COUNT_WORDS)}))(?:[ -]+{_RATE_NOUN}){{0,3}} +"
                         rf"|(?:\d|%|{_any(_EN.RATE_BEFORE)})\W*)$", re.I)


def find_times(doc_or_text: Union["Doc", str]) -> list[TimeCandidate]:
    """Time expressions in a text or a parsed ``Doc``, in text order, non-overlapping (longest wins)."""
    doc = None if isinstance(doc_or_text, str) else doc_or_text
    text = doc_or_text if isinstance(doc_or_text, str) else doc_text(doc_or_text)
    found: list[TimeCandidate] = []
    for kind, m in scan(text):
        cand = _candidate(kind, m, text)
        if cand is not None:
            found.append(cand)
    kept: list[TimeCandidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(found, key=lambda c: (c.start - c.end, c.start)):
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        if not _plausible(cand, text, doc):
            continue
        kept.append(cand)
        taken.append((cand.start, cand.end))
    kept.sort(key=lambda c: c.start)
    if doc is not None and kept:
        starts = [sent.start_char for sent in doc.sents] if doc.has_annotation("SENT_START") else []
        for cand in kept:
            cand.tense, cand.clause = tense_and_clause(doc, cand.start, cand.end)
            cand.sentence = bisect_right(starts, cand.start) - 1 if starts else None
    return kept


def scan(text: str) -> Iterator[tuple[str, re.Match]]:
    """Every match of every rule, each rule tried only over the sentences holding one of its kind's KEYWORDS: the
    same matches as trying every rule over the whole text (every match holds a keyword and crosses no sentence
    end). A rule may look ahead past its sentence ("the past" before "three years"), so each run is searched with
    the text after it in view, and only matches starting inside the run are kept."""
    sentences = _sentences(text)
    for kind, pattern in _COMPILED:
        for start, end in _stretches(sentences, KEYWORDS.get(kind), len(text)):
            ahead = _NON_SPACE.search(text, end)
            endpos = len(text) if ahead is None else min(len(text), ahead.start() + _LOOKAHEAD)
            for m in pattern.finditer(text, start, endpos):
                if m.start() >= end:
                    break
                yield kind, m


def _sentences(text: str) -> list[tuple[int, int, str, bool]]:
    """``text`` cut at sentence ends; each piece with its text case-folded as the rules' ``(?i)`` folds it, and
    whether it holds a digit of any script (``\\d``)."""
    bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    return [(s, e, text[s:e].casefold().replace("ı", "i").replace("i\u0307", "i"),
             _ANY_DIGIT.search(text, s, e) is not None) for s, e in zip(bounds, bounds[1:]) if e > s]


def _stretches(sentences: list[tuple[int, int, str, bool]], words: Optional[tuple[str, ...]],
               length: int) -> Iterator[tuple[int, int]]:
    """The runs of consecutive sentences that hold one of a kind's ``words`` (:data:`DIGIT`: any digit; the
    whole text for a kind without words): its rules need not be tried anywhere else."""
    if not words:
        yield 0, length
        return
    digits = DIGIT in words
    start = last = None
    for s, e, folded, has_digit in sentences:
        if (digits and has_digit) or any(word in folded for word in words):
            start = s if start is None else start
            last = e
        elif start is not None:
            yield start, last  # type: ignore[misc]
            start = None
    if start is not None:
        yield start, last  # type: ignore[misc]


def _candidate(kind: str, m: re.Match, text: str) -> Optional[TimeCandidate]:
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    start, end = m.span("core") if "core" in groups else m.span()
    before = text[max(0, start - 40):start]
    cue_match = re.search(r"([\w-]+)\W*$", before)
    cue = cue_match.group(1).lower() if cue_match else ""
    if kind == "dur" and groups.get("n", "").lower() in ("a", "an", "per") and _SET_BEFORE.search(before):
        kind = "set"
    return TimeCandidate(text[start:end], start, end, kind, groups, cue)


def _plausible(cand: TimeCandidate, text: str, doc: Optional["Doc"]) -> bool:
    """Reject look-alikes: "may"/"March" as verbs, bare years that are counts, ordinals, "Now," as a marker."""
    g, kind = cand.groups, cand.kind
    if kind in ("mdy", "dmy") and not 1 <= int(g["d"]) <= 31:
        return False
    if kind == "slash" and not (1 <= int(g["a"]) <= 12 and 1 <= int(g["b"]) <= 31):
        return False
    if kind == "my" and "y" not in g and not _bare_month_ok(cand, doc):
        return False
    if kind in ("mdy", "my") and not _month_token_ok(cand, g["mon"], doc):
        return False
    if kind == "year" and "mod" not in g and "fy" not in g and not _year_ok(cand, doc):
        return False
    if kind == "dur" and not _duration_ok(g):
        return False
    if kind == "season" and not _season_ok(cand):
        return False
    if kind == "ref" and g["ref"].lower() == "now" and not _now_ok(cand, text):
        return False
    if kind == "time" and "mi" in g and not ({"ap", "tz", "tzp"} & g.keys()) and _GAME_CLOCK.match(text, cand.end):
        return False
    if kind in ("quarter", "half") and "y" not in g and _after_game_clock(cand, text):
        return False  # "with 2:31 left in the fourth quarter": the game's, not the year's
    if kind in _NAME_PRONE and _inside_name(cand, text, doc):
        return False
    if kind == "relunit" and g["rel"].lower() in ("before", "after", "earlier", "later") and doc is not None:
        return not _before_something(doc, cand)
    return True


def _after_game_clock(cand: TimeCandidate, text: str) -> bool:
    return _GAME_CLOCK_BEFORE.search(text, max(0, cand.start - 40), cand.start) is not None


def _before_something(doc: "Doc", cand: TimeCandidate) -> bool:
    """"the day before parliament voted", "the week after the vote": "before" opens a clause or takes an object,
    so the day is counted from that, which we do not date."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    word = span[-1]
    return word.dep_ == "mark" or any(c.dep_ in ("pobj", "pcomp") for c in word.children)


def _inside_name(cand: TimeCandidate, text: str, doc: Optional["Doc"]) -> bool:
    if doc is not None and _ent_label(doc, cand) in _NAME_ENTS:
        return True
    if cand.kind not in ("set", "holiday", "ref") or " " in cand.text or not cand.text[:1].isupper():
        return False
    before = text[max(0, cand.start - 30):cand.start]
    # Right after a capitalised word that does not start its sentence: part of a name ("LA Weekly").
    return bool(re.search(r"[A-Za-z]\w*[ \t]+[A-Z][\w.]*[ \t]+$", before)) and cand.cue not in MONTH_CUES


def _bare_month_ok(cand: TimeCandidate, doc: Optional["Doc"]) -> bool:
    mon = cand.groups["mon"]
    if mon.endswith(".") or month_number(mon) is None or not re.fullmatch(MONTH_FULL_RE, mon):
        return False  # abbreviations alone ("Jan") are usually names
    return "mod" in cand.groups or cand.cue in MONTH_CUES


def _month_token_ok(cand: TimeCandidate, mon: str, doc: Optional["Doc"]) -> bool:
    if doc is None:
        return True
    offset = cand.start + cand.text.find(mon)
    span = doc.char_span(offset, offset + len(mon), alignment_mode="expand")
    if span is None or not len(span):
        return True
    tok = span[0]
    return not (tok.tag_ == "MD" or tok.pos_ in ("VERB", "AUX"))


def _year_ok(cand: TimeCandidate, doc: Optional["Doc"]) -> bool:
    if doc is None:
        return True
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    tok = span[-1]
    counted = tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.i > 0 \
        and doc[tok.i - 1].lower_ not in _YEAR_DETERMINERS and doc[tok.i - 1].tag_ != "POS"
    return not counted and tok.ent_type_ not in _NONTIME_ENTS  # "sold 2000 phones" counts phones


def _ent_label(doc: "Doc", cand: TimeCandidate) -> str:
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or not len(span):
        return ""
    return span[0].ent_type_


def _duration_ok(g: dict[str, str]) -> bool:
    n, unit = g["n"].lower(), g["unit"].lower()
    if unit.startswith("second") and n in ("a", "an", "one"):
        return False  # "a second round": the ordinal, not a duration
    if unit.startswith("quarter") and (n in ("a", "an", "one", "three") or not unit.endswith("s")):
        return False  # "a quarter of", "three quarters of": fractions
    if g.get("sep") == "-" and n in ("a", "an"):
        return False
    count = number_value(n)
    if g.get("sep") == " " and not unit.endswith("s") and isinstance(count, (int, float)) and count > 1:
        return False  # "World Cup 2018 day five": no agreement, so not "<n> days"
    return True


def _season_ok(cand: TimeCandidate) -> bool:
    rel = cand.groups.get("rel", "").lower()
    if cand.groups["season"].lower() == "fall":
        return rel in ("last", "next", "this", "early", "late") or "y" in cand.groups
    return bool(rel and rel != "the") or "y" in cand.groups or cand.cue in ("in", "during", "since", "until", "by")


def _now_ok(cand: TimeCandidate, text: str) -> bool:
    if cand.text.isupper() and len(cand.text) > 1:
        return False  # "NOW", an acronym
    after = text[cand.end:cand.end + 16]
    if re.match(r"\s+that\b|-\w|\s+and\s+(?:again|then)\b", after):
        return False  # "now that" (a conjunction), "now-defunct", "now and again"
    before = text[:cand.start].rstrip()
    return not (after.startswith(",") and (not before or before[-1] in ".!?\"”\n"))
