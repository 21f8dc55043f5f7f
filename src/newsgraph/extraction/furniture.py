"""Site lines left inside an extracted body, by class: prompts to share or subscribe, script notices, CMS
shortcodes, time stamps, photo credits, contributor and contact lines, and teaser blocks of other stories.

Each class is a shape plus a few words of the trade (in :mod:`newsgraph.lang.en.boilerplate`), tested on one line
at a time; nothing names an outlet. A line only qualifies when it is short: a site line is a label or one or two
sentences, so a paragraph of prose that happens to say "share" or "updated" is never dropped.
"""
from __future__ import annotations

import re

from .. import lang
from .lines import ends_sentence, is_credit, tokens

_EN = lang.get("en").boilerplate


def _any(words) -> str:
    return "|".join(words)


# These three are matched against the lower-cased line (faster than re.I, and they run on every short line).
_READER = re.compile(rf"\b(?:{_any(_EN.READER_VERBS)})\b.{{0,60}}\b(?:{_any(_EN.READER_OBJECTS)})\b")
_SCRIPT = re.compile(rf"\b(?:{_any(_EN.SCRIPT_NOTICES)})\b")
# [button link="..."]Text[/button], [caption id=...], [/embed]: WordPress-style shortcodes left as text. Only an
# opening code with attributes or a closing code counts: "[sic]" and "[the president]" are the author's brackets.
_SHORTCODE = re.compile(r"\[/[a-z][a-z0-9_-]*\]|\[[a-z][a-z0-9_-]*(?:\s+[a-z0-9_-]+=(?:\"[^\"]*\"|'[^']*'|"
                        r"[^\]\s]*))+\s*/?\]", re.I)
_OPENING = re.compile(r"\[([a-z][a-z0-9_-]*)\]", re.I)
_STAMP = re.compile(rf"^(?:{_any(_EN.STAMP_WORDS)})\s*:?\s*(?P<rest>.*)$", re.I)
# what may follow a stamp word: dates and times, nothing else ("11:21 pm CST", "Nov. 18, 2019 at 5:04 p.m. ET")
_DATE_TIME_WORD = re.compile(
    r"^(?:\d{1,4}(?:[:./-]\d{1,4})*(?:st|nd|rd|th)?|[ap]\.?m\.?|at|on|the|of|[A-Z]{2,5}|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec|january|february|march|april|june|july|august|september|"
    r"october|november|december|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|today|yesterday|ago|minutes?|hours?|mins?|hrs?|days?|utc|gmt)\.?,?$", re.I)
_CONTRIBUTOR = re.compile(rf"\b(?:{_any(_EN.CONTRIBUTOR_LINES)})")
_CONTRIBUTOR_START = re.compile(rf"^(?:{_any(_EN.CONTRIBUTOR_STARTS)})\b", re.I)
_TEASER_HEADING = re.compile(
    rf"^(?:{_any(_EN.TEASER_HEADING_WORDS)})\b.{{0,40}}\b(?:{_any(_EN.TEASER_NOUNS)})\W*$", re.I)
_AGENCIES = frozenset(_EN.AGENCIES)
MAX_SITE_LINE_WORDS = 30  # two short sentences; a longer paragraph is the author's


_MONTH_OR_YEAR = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\b(?:19|20)\d\d\b",
                            re.I)


def _is_stamp(line: str) -> bool:
    """``Updated 11:21 pm CST``, or a bare date line (``Nov. 20, 2019 6:02 AM EST``): a stamp word and then
    only words of dates and times, or only those with a month or a year among them."""
    match = _STAMP.match(line.strip())
    if not match:
        words = line.replace(" - ", " ").replace(" | ", " ").split()
        return 2 <= len(words) <= 10 and all(_DATE_TIME_WORD.match(w) for w in words) \
            and bool(_MONTH_OR_YEAR.search(line)) and any(ch.isdigit() for ch in line)
    rest = match.group("rest").split()
    return bool(rest) and len(rest) <= 10 and all(_DATE_TIME_WORD.match(w) for w in rest) \
        and any(ch.isdigit() for ch in match.group("rest"))


def _is_agency_credit(line: str) -> bool:
    """``JANE DOE, ASSOCIATED PRESS``, ``Jane Doe/Reuters``, ``Jane Doe, AFP via Getty Images``: a name and
    the agency that owns the picture, nothing else."""
    stripped = line.strip().strip("()[]")
    words = tokens(stripped)
    if not 2 <= len(words) <= 10 or ends_sentence(stripped) and not stripped.endswith("."):
        return False
    cut = max(stripped.rfind(","), stripped.rfind("/"))
    if cut <= 0:
        return False
    name, agency = stripped[:cut].split(), stripped[cut + 1:].strip(" .")
    if any(ch.isdigit() for ch in stripped):
        return False  # "9.30 A.M. / 7.00 P.M.": times, not a name and an agency
    if not 1 <= len(name) <= 4 or not all(w[:1].isupper() for w in name if w[:1].isalpha()):
        return False
    lowered = agency.casefold()
    parts = [p.strip() for p in re.split(r"\bvia\b|\bfor\b|/|,", lowered) if p.strip()]
    if parts and any(p in _AGENCIES for p in parts):
        return True
    return len(agency.split()) >= 2 and agency.isupper()  # "ASSOCIATED PRESS", "THE DAILY HERALD"


def site_line_kind(line: str) -> str | None:
    """Which class of site line ``line`` is (``reader_prompt``, ``script_notice``, ``shortcode``, ``stamp``,
    ``credit``, ``contributor``), or None for text of the article."""
    stripped = line.strip()
    if not stripped or len(stripped) > 400:
        return None  # (cheap first test: 30 words do not need 400 characters; most paragraphs stop here)
    inner = strip_shortcodes(stripped).strip(" |-–—")
    if inner != stripped and stripped.startswith("["):
        if not inner or len(tokens(inner)) <= 6 and not ends_sentence(inner):
            return "shortcode"  # a shortcode alone, or a button's label: "[button …]Get tickets[/button]"
    words = len(stripped.split())
    if words > MAX_SITE_LINE_WORDS:
        return None
    if words <= 14:  # stamps and credits are labels: a few words
        if _has_digit(stripped) and _is_stamp(stripped):
            return "stamp"
        if is_credit(stripped) or _is_agency_credit(stripped):
            return "credit"
    lowered = stripped.lower()
    # each phrase class is tried only when one of its anchor words is in the line (substring tests are cheap)
    if _SCRIPT_GATE.search(lowered) and _SCRIPT.search(lowered):
        return "script_notice"
    if _CONTRIBUTOR_START.match(stripped) or words <= 25 and _CONTRIBUTOR_GATE.search(lowered) \
            and _CONTRIBUTOR.search(lowered):
        return "contributor"
    if words <= 25 and _addresses_reader(stripped) and _READER.search(lowered):
        return "reader_prompt"
    return None


def _has_digit(line: str) -> bool:
    return _DIGIT.search(line) is not None


_DIGIT = re.compile(r"\d")
_SCRIPT_GATE = re.compile("|".join(map(re.escape, _EN.SCRIPT_ANCHORS)))
_CONTRIBUTOR_GATE = re.compile("|".join(map(re.escape, _EN.CONTRIBUTOR_ANCHORS)))


_SECOND_PERSON = re.compile(r"\b(?:you|your|us|our)\b", re.I)
_COMMAND = re.compile("|".join(v for v in _EN.READER_VERBS if " " not in v))  # a one-word reader verb


def _addresses_reader(line: str) -> bool:
    """A prompt speaks to the reader ("you", "your", "us") or opens with a command ("Share this story");
    a sentence of the story that mentions a newsletter does neither."""
    if _SECOND_PERSON.search(line):
        return True
    return bool(_COMMAND.fullmatch(line.split()[0].casefold().strip("!?.,:")))


def strip_shortcodes(line: str) -> str:
    """``[button link="…"]Read the report[/button]`` → ``Read the report``: the text a shortcode wraps stays."""
    if "[" not in line or not _SHORTCODE.search(line):
        return line
    closed = {m.casefold() for m in re.findall(r"\[/([a-z][a-z0-9_-]*)\]", line, re.I)}
    line = _OPENING.sub(lambda m: " " if m.group(1).casefold() in closed else m.group(0), line)
    return " ".join(_SHORTCODE.sub(" ", line).split())


def is_teaser_heading(line: str) -> bool:
    return len(line) < 80 and len(tokens(line)) <= 8 and not ends_sentence(line) \
        and bool(_TEASER_HEADING.match(line.strip()))


def _is_teaser(line: str) -> bool:
    """A teaser headline: a short line without a final period (a question is fine)."""
    words = tokens(line)
    return 2 <= len(words) <= 25 and not re.search(r"[.…:][\"'”’»)\]]*$", line.rstrip())


def drop_site_lines(paragraphs: list[str]) -> list[str]:
    """The body without site lines and without teaser blocks (a "More … Stories" heading and the headlines
    under it, up to the next paragraph of prose)."""
    kept: list[str] = []
    i = 0
    while i < len(paragraphs):
        line = paragraphs[i]
        if is_teaser_heading(line):
            j = i + 1
            while j < len(paragraphs) and _is_teaser(paragraphs[j]):
                j += 1
            if j > i + 1:
                i = j  # the heading and its teasers
                continue
        if site_line_kind(line) is None:
            line = strip_shortcodes(line)
            if line:
                kept.append(line)
        i += 1
    return kept
