"""Pages that are not one article, by kind: a listing (a deal or shopping list, a list of links), a gallery,
a live blog or open thread, a results table, a police blotter.

Each test reads the extracted body's *shape* (what share of its words stand in sentences, how many of its lines
are rows of numbers, headlines, time-stamped entries or prices) and, for a few kinds, what the title or the URL
calls the page (``Live updates:``, ``/gallery/``, ``Police blotter``). A kind is named only when the body agrees:
a story *about* a gallery opening or a police log is prose, and stays an article. The words live in
:mod:`newsgraph.lang.en.boilerplate`.

``classify(text, title, url)`` gives ``(code, detail)`` or None. The codes are rejection codes
(``listing``, ``gallery``, ``live_blog``, ``results_table``, ``police_blotter``): ``extract`` skips such a page
unless asked to keep it (``keep_non_articles``), in which case the article carries the code as a problem.
"""
from __future__ import annotations

import re
from typing import Optional
from ..text import split_url

from .. import lang
from .lines import ends_sentence, tokens

_EN = lang.get("en").boilerplate
NON_ARTICLE_CODES = ("listing", "gallery", "live_blog", "results_table", "police_blotter")


def _any(words) -> re.Pattern:
    return re.compile("|".join(words), re.I)


_LIVE_TITLE, _LIVE_PATH = _any(_EN.LIVE_TITLE), _any(_EN.LIVE_PATH)
_GALLERY_TITLE, _GALLERY_PATH = _any(_EN.GALLERY_TITLE), _any(_EN.GALLERY_PATH)
_BLOTTER_TITLE = _any(_EN.BLOTTER_TITLE)
_OPEN_THREAD = _any(_EN.OPEN_THREAD)
_BLOTTER_WORDS = re.compile(rf"\b(?:{'|'.join(_EN.BLOTTER_WORDS)})\b", re.I)
_DEAL = re.compile(rf"(?:{'|'.join(_EN.DEAL_WORDS)})|[$€£]\s?\d", re.I)
# a line that opens with a clock time or a time stamp: "10:42 a.m.", "14:05", "5:12pm ET -", "Updated 9:03"
_TIME_LED = re.compile(r"^(?:\W{0,3})(?:updated\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?\b", re.I)
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_COUNTER = re.compile(r"^\s*(?:\d+\s*(?:/|of)\s*\d+|(?:photo|image|picture|slide)\s+\d+)\b", re.I)
MIN_ENTRIES = 6  # a feed, a table or a list has at least this many entries; fewer is a story with a list in it


_STOP = re.compile(r"[.!?…。！？][\"'”’»)\]」』]*$")
MIN_SENTENCE_CHARS = 50  # characters, not words: scripts without spaces between words count alike


def _sentence(line: str) -> bool:
    return len(line) >= MIN_SENTENCE_CHARS and bool(_STOP.search(line.rstrip()))


def _sentence_share(paragraphs: list[str]) -> float:
    """Share of the body's characters in paragraphs that read as sentences (some length, a final stop)."""
    total = sum(len(p) for p in paragraphs) or 1
    return sum(len(p) for p in paragraphs if _sentence(p)) / total


def _is_row(line: str) -> bool:
    """A table row flattened to text: short, two or more numbers, numbers a good part of it, no sentence."""
    words = line.split()
    numbers = _NUMBER.findall(line)
    return 2 <= len(words) <= 25 and len(numbers) >= 2 and len(numbers) >= 0.25 * len(words) \
        and not (ends_sentence(line) and len(words) > 10)


def _is_headline(line: str) -> bool:
    words = tokens(line)
    return 2 <= len(words) <= 20 and len(line) <= 150 and not _STOP.search(line.rstrip())


def _path(url: Optional[str]) -> str:
    parts = split_url(url)
    return parts.path.lower() if parts else ""


def classify(text: str, title: Optional[str] = None, url: Optional[str] = None) -> Optional[tuple[str, str]]:
    """``(code, detail)`` when the body is not one article, else None."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    if not paragraphs:
        return None
    title, path = title or "", _path(url)
    prose = _sentence_share(paragraphs)
    time_led = [p for p in paragraphs if _TIME_LED.match(p)]
    named_blotter = bool(_BLOTTER_TITLE.search(title) or _BLOTTER_TITLE.search(path.replace("-", " ")))
    police = [p for p in time_led if _BLOTTER_WORDS.search(p)]
    if named_blotter and (len(police) >= 3 or sum(1 for p in paragraphs if _BLOTTER_WORDS.search(p)) >= MIN_ENTRIES):
        return "police_blotter", f"a police log: {len(paragraphs)} entries of calls and arrests"
    if len(time_led) >= MIN_ENTRIES and len(police) >= 0.6 * len(time_led):
        return "police_blotter", f"a police log: {len(time_led)} time-stamped entries of calls and arrests"
    if _OPEN_THREAD.search(title) or _OPEN_THREAD.search(path.replace("-", " ")):
        return "live_blog", "an open thread: a page for readers' comments, not a story"
    if (_LIVE_TITLE.search(title) or _LIVE_PATH.search(path)) and (len(time_led) >= 3 or prose < 0.9):
        return "live_blog", "a live blog or open thread (its title or address says so), not one story"
    if len(time_led) >= MIN_ENTRIES and len(time_led) >= 0.3 * len(paragraphs):
        return "live_blog", f"a live blog: {len(time_led)} time-stamped entries"
    if prose >= 0.6:
        return None  # mostly sentences: the kinds below are lists of items, with little prose
    rows = sum(1 for p in paragraphs if _is_row(p))
    if rows >= MIN_ENTRIES and rows >= 0.4 * len(paragraphs) and prose < 0.5:
        return "results_table", f"a results table: {rows} of {len(paragraphs)} lines are rows of figures"
    counters = sum(1 for p in paragraphs if _COUNTER.match(p))
    if (_GALLERY_TITLE.search(title) or _GALLERY_PATH.search(path)) and prose < 0.6 or counters >= MIN_ENTRIES:
        return "gallery", "a photo gallery: captions, not a story"
    deals = sum(1 for p in paragraphs if len(p.split()) <= 40 and _DEAL.search(p))
    if deals >= MIN_ENTRIES and prose < 0.5:
        return "listing", f"a deal or shopping list: {deals} lines of prices and offers"
    headlines = sum(1 for p in paragraphs if _is_headline(p))
    if headlines >= 2 * MIN_ENTRIES and headlines >= 0.6 * len(paragraphs) and prose < 0.35:
        return "listing", f"a list: {headlines} of {len(paragraphs)} lines are headlines or items, little prose"
    return None
