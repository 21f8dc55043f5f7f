"""The raw-text capture cleaner: text flattened from a news page → title, dateline, bylines and a clean body.

A capture is read as three zones by line shape (see :mod:`.lines`): a *header* before the first prose paragraph
(furniture, dateline, byline, the headline — often twice), the *body* up to the last sentence, and a *footer*
(tags, share and related links). Steps, each a pure function with its own tests:

1. :func:`classify_lines` labels each line by its own shape: furniture, credit, boilerplate, dateline, byline,
   prose, sentence, short.
2. :func:`find_title` picks the headline among the header's title-shaped lines (repeated, next to the dateline or
   byline, headline length); every exact or near repeat of it is dropped.
3. The body keeps prose and sentences between the first prose line and the last sentence, and *keeps short
   sub-headings* that are followed by prose: they belong to the author's text, carry names the later stages
   need, and the clean body of reference extractors keeps them too. Credits, furniture and site lines go.
4. :func:`drop_repeats` drops a paragraph whose sentences mostly restate earlier ones (word-trigram
   containment), keeping the first: captures often hold a paragraph twice, once reworded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .bylines import Credit, agency_note, agency_of
from .dates import parse_dateline
from .furniture import site_line_kind
from .lines import (ends_sentence, is_boilerplate, is_credit, is_furniture, is_prose, is_title_like,
                    read_byline, tokens)

JUNK = frozenset({"furniture", "credit", "boilerplate", "dateline", "byline"})
NEAR_DUPLICATE = 0.6  # share of a sentence's word trigrams already seen: a restatement, not new text
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+(?=[\"'“‘«(]?[A-Z0-9А-ЯЁ])")


@dataclass(slots=True)
class CleanCapture:
    title: Optional[str]
    published: Optional[str]
    authors: list[str]
    paragraphs: list[str]
    problems: list[tuple[str, str]] = field(default_factory=list)
    agency: Optional[str] = None  # the agency or network the byline credits: the story's source, not an author


def split_lines(text: str) -> list[str]:
    """Non-blank lines with their inner whitespace collapsed (captures pad with tabs and non-breaking spaces)."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def classify_line(line: str) -> str:
    """One label from the line's own shape. Order matters: a credit or dateline is short and would pass as title."""
    if is_furniture(line):
        return "furniture"
    if is_credit(line):
        return "credit"
    if read_byline(line):
        return "byline"
    if parse_dateline(line):
        return "dateline"
    if is_boilerplate(line) or site_line_kind(line):
        return "boilerplate"
    if is_prose(line):
        return "prose"
    if ends_sentence(line) and len(tokens(line)) >= 2:
        return "sentence"
    return "short"


def classify_lines(lines: list[str]) -> list[str]:
    return [classify_line(line) for line in lines]


def find_dateline(lines: list[str], labels: list[str]) -> Optional[tuple[int, str]]:
    """The first dateline (index, ISO value); the header's comes first because it dates the article itself."""
    for i, label in enumerate(labels):
        if label == "dateline":
            value = parse_dateline(lines[i])
            if value:
                return i, value
    return None


def shingles(text: str, n: int = 3) -> set[tuple[str, ...]]:
    words = [w.casefold() for w in tokens(text)]
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def containment(a: str, b: str) -> float:
    """Share of ``a``'s word trigrams that also occur in ``b``."""
    sa = shingles(a)
    return len(sa & shingles(b)) / len(sa) if sa else 0.0


def is_near_repeat(a: str, b: str) -> bool:
    """Same line give or take a few words: ``Headline`` and ``Headline | Site`` or a lightly edited copy."""
    if a.casefold() == b.casefold():
        return True
    short, long = sorted((a, b), key=lambda s: len(tokens(s)))
    return len(tokens(short)) >= 0.5 * len(tokens(long)) and containment(short, long) >= 0.8


def find_title(lines: list[str], labels: list[str], body_start: int) -> Optional[int]:
    """Index of the headline among the header's title-shaped lines, or None.

    Score: repeated in the capture (+3, a headline is often printed twice), next to the dateline/byline or right
    before the body (+1), headline length of 4-20 words (+1). Ties go to the first such line.
    """
    best: Optional[tuple[int, int]] = None
    for i in range(body_start):
        if labels[i] != "short" or not is_title_like(lines[i]):
            continue
        score = 0
        if any(is_near_repeat(lines[i], lines[j]) for j in range(len(lines)) if j != i):
            score += 3
        neighbours = {labels[j] for j in (i - 1, i + 1) if 0 <= j < len(labels)}
        if neighbours & {"dateline", "byline"} or i + 1 == body_start:
            score += 1
        if 4 <= len(tokens(lines[i])) <= 20:
            score += 1
        if best is None or score > best[0]:
            best = (score, i)
    if best is None:
        return None
    # Of a headline's copies ("Headline | Site" and "Headline"), the plainest is the headline itself.
    copies = [j for j in range(body_start) if labels[j] == "short" and is_near_repeat(lines[j], lines[best[1]])]
    return min(copies, key=lambda j: (len(tokens(lines[j])), j))


def split_sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_SPLIT.split(paragraph) if s.strip()]


def _repeat_share(paragraph: str, seen: list[set[tuple[str, ...]]]) -> float:
    """Share of the paragraph's words in sentences that restate an earlier sentence."""
    words_total = repeated = 0
    for sentence in split_sentences(paragraph):
        sh = shingles(sentence)
        n = len(tokens(sentence))
        words_total += n
        # Very short sentences ("He declined.") recur naturally; only longer ones count as restatements.
        if n >= 6 and any(len(sh & other) / len(sh) >= NEAR_DUPLICATE for other in seen):
            repeated += n
    return repeated / words_total if words_total else 0.0


def drop_repeats(paragraphs: list[str]) -> list[str]:
    """Keep the first of paragraphs that say the same thing (exactly, or reworded: most sentences restated)."""
    kept: list[str] = []
    seen: list[set[tuple[str, ...]]] = []
    for paragraph in paragraphs:
        if _repeat_share(paragraph, seen) >= NEAR_DUPLICATE:
            continue
        kept.append(paragraph)
        seen.extend(shingles(s) for s in split_sentences(paragraph) if len(tokens(s)) >= 6)
    return kept


def _body_lines(lines: list[str], labels: list[str], start: int, title: Optional[str]) -> list[str]:
    """Lines of the body zone that are text: prose, sentences, and sub-headings followed by prose."""
    text_like = [i for i in range(start, len(lines)) if labels[i] in ("prose", "sentence")]
    if not text_like:
        return []
    end = text_like[-1]
    out = []
    for i in range(start, end + 1):
        if labels[i] in JUNK or (title and labels[i] != "prose" and is_near_repeat(lines[i], title)):
            continue
        if labels[i] == "short" and not _is_subheading(lines, labels, i, end):
            continue
        out.append(lines[i])
    return out


def _is_subheading(lines: list[str], labels: list[str], i: int, end: int) -> bool:
    nxt = next((j for j in range(i + 1, end + 1) if labels[j] not in JUNK), None)
    return nxt is not None and labels[nxt] == "prose" and is_title_like(lines[i], min_words=2, max_words=15)


def _credit(lines: list[str], labels: list[str]) -> Credit:
    credit = Credit()
    for line, label in zip(lines, labels):
        if label == "byline":
            credit.add(read_byline(line) or Credit())
    return credit


def clean_capture(text: str) -> CleanCapture:
    """Title, published, authors and body paragraphs of a raw page capture."""
    lines = split_lines(text)
    labels = classify_lines(lines)
    body_start = next((i for i, label in enumerate(labels) if label == "prose"), len(lines))
    title_at = find_title(lines, labels, body_start)
    title = lines[title_at] if title_at is not None else None
    dateline = find_dateline(lines, labels)
    paragraphs = drop_repeats(_body_lines(lines, labels, body_start, title))
    problems = []
    credit = _credit(lines, labels)
    if credit.organisations:
        problems.append(("agency_byline", agency_note(credit.organisations)))
    if dateline is None:
        problems.append(("no_date_found", "no dateline found in the capture"))
    if title is None:
        problems.append(("no_title_found", "no headline-shaped line before the body"))
    return CleanCapture(title=title, published=dateline[1] if dateline else None,
                        authors=credit.people, paragraphs=paragraphs, problems=problems,
                        agency=agency_of(credit.organisations))
