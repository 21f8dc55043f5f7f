"""Facet tokens: an article's date, outlet and story written as words of its full-text index.

A filtered search used to walk every match of its words and look up each one's facets row (~0.4 us per match: 130+
ms for a common word at 10^6 articles, whatever the filter leaves). With the facets as tokens in a third FTS5 column,
FTS5 intersects the filter's list with the words' lists itself, skipping through both, so a selective filter costs
what it selects. The tokens only narrow the candidates: the exact SQL conditions still run on what is left, so a
token may be coarser than its filter (a month for a day, a hash shared by two outlets) but never miss a match.

Every token starts with ``zzf`` and ends in a digit: the tokenizer keeps it whole, the Porter stemmer leaves it
alone, and no word of a news text or search box produces it.

- ``zzfy2013`` and ``zzfm201305`` for ``published`` "2013-05-…"; a published year without a month gets
  ``zzfm201300``; a published value that does not start with a 4-digit year gets ``zzfm0``, which every date filter
  lets through to the exact comparison. No ``published``: no date token (a date filter never matches it).
- ``zzfs<hash>`` of the outlet as SQLite's ``lower()`` folds it (ASCII letters only), ``zzft<hash>`` of the story
  (``coalesce(story, id)``).
- ``zzfe<hash>`` of each word-start suffix of each entity name key (the ``entity_terms`` of the article: "sergey
  lavrov", "lavrov"), ``zzfg<hash>`` of each cross-article entity id its entities are linked to.
"""
from __future__ import annotations

import hashlib
import re
from typing import Iterable, Optional

from .speakers import terms

PREFIX = "zzf"
UNPARSED_DATE = "zzfm0"
_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
#: A date filter needing more year/month phrases than this, or covering more than SELECTIVE of the months the
#: store's dates span, is left to the walk: FTS5 reads each phrase's whole list once for bm25's weights and merges
#: the lists per match, while a filter passing that many articles lets the walk fill its window fast anyway.
MAX_DATE_PHRASES = 24
SELECTIVE = 0.25


def _hash(value: str) -> int:
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=6).digest(), "big")


def source_token(source: str) -> str:
    """The token of an outlet name, equal for names that SQLite's ``lower(a) = lower(b)`` calls equal."""
    return f"{PREFIX}s{_hash(source.translate(_ASCII_LOWER))}"


def story_token(story: str) -> str:
    return f"{PREFIX}t{_hash(story)}"


def entity_token(term: str) -> str:
    return f"{PREFIX}e{_hash(term)}"


def global_token(global_id: str) -> str:
    return f"{PREFIX}g{_hash(global_id)}"


def article_tokens(published: Optional[str], source: Optional[str], story: str, entity_keys: Iterable[str] = (),
                   global_ids: Iterable[Optional[str]] = ()) -> str:
    """The facets column of one article (``story``: its story id, or its own id when it has none;
    ``entity_keys``: its entities' name keys; ``global_ids``: the cross-article ids they are linked to)."""
    tokens = []
    if published is not None:
        match = _DATE.match(published)
        if match:
            year, month = match.group(1), match.group(2) or "00"
            tokens += [f"{PREFIX}y{year}", f"{PREFIX}m{year}{month}"]
        else:
            tokens.append(UNPARSED_DATE)
    if source is not None:
        tokens.append(source_token(source))
    tokens.append(story_token(story))
    tokens += sorted({entity_token(t) for key in entity_keys for t in terms(key)})
    tokens += sorted({global_token(g) for g in global_ids if g})
    return " ".join(tokens)


def year_of(published: str) -> Optional[int]:
    match = _DATE.match(published)
    return int(match.group(1)) if match else None


def _month(value: str, end: bool) -> Optional[tuple[int, int]]:
    """(year, month) a since/until bound starts (or, ``end``, stops) at; None when it does not read as a date."""
    match = _DATE.match(value)
    if not match:
        return None
    year = int(match.group(1))
    if match.group(2) is None:
        return (year, 0) if not end else (year, 12)
    return year, int(match.group(2))


def date_phrases(since: Optional[str], until: Optional[str], first_year: int, last_year: int) -> Optional[list[str]]:
    """Tokens whose union holds every article a ``since``/``until`` filter can pass (prefix comparison of ISO
    strings, as the store's SQL does), given the years the store's dates span; None when the range is not
    selective (see :data:`SELECTIVE`), takes more than :data:`MAX_DATE_PHRASES` tokens, or a bound is not a date
    (the caller then filters by walking)."""
    low = _month(since, end=False) if since else (first_year, 0)
    high = _month(until, end=True) if until else (last_year, 12)
    if low is None or high is None:
        return None
    low = max(low, (first_year, 0))
    high = min(high, (last_year, 12))
    phrases = [UNPARSED_DATE]
    if low > high:
        return phrases
    covered = (high[0] - low[0]) * 12 + high[1] - max(low[1], 1) + 1
    if covered > SELECTIVE * 12 * (last_year - first_year + 1):
        return None
    year, month = low
    while (year, month) <= high:
        if month == 0 and (year, 12) <= high:
            phrases.append(f"{PREFIX}y{year}")  # the whole year, its year-only dates included
            year, month = year + 1, 0
        else:
            phrases.append(f"{PREFIX}m{year}{month:02d}")
            year, month = (year, month + 1) if month < 12 else (year + 1, 0)
        if len(phrases) > MAX_DATE_PHRASES + 1:
            return None
    return phrases
