"""Facet tokens: an article's date, outlet and story written as words of its full-text index.

A filtered search used to walk every match of its words and look up each one's facets row (~0.4 us per match: 130+
ms for a common word at 10^6 articles, whatever the filter leaves). With the facets as tokens in a third FTS5 column,
FTS5 intersects the filter's list with the words' lists itself, skipping through both, so a selective filter costs
what it selects. Tokens never miss a match. Where they are exact the store skips its SQL test: outlet, story and
entity tokens are 48-bit hashes (another name with the same hash: odds below 1 in 10^7 per query even among 10^7
names), and date tokens are exact for YYYY and YYYY-MM bounds. A day bound ("2013-05-04") takes its whole month
and leaves the day to the SQL test.

Every token starts with ``zzf`` and ends in a digit: the tokenizer keeps it whole, the Porter stemmer leaves it
alone, and no word of a news text or search box produces it.

- ``zzfy2013`` and ``zzfm201305`` for ``published`` "2013-05-…"; a published year alone ("2013") gets
  ``zzfm201300``. A value that is neither (no ``published``, "May 2013", "2013/05/04") has no date token and no date
  filter passes it (:data:`DATED_SQL` says the same to the SQL test).
- ``zzfs<hash>`` of the outlet as SQLite's ``lower()`` folds it (ASCII letters only), ``zzft<hash>`` of the story
  (``coalesce(story, id)``).
- ``zzfe<hash>`` of each word-start suffix of each entity name key (the ``entity_terms`` of the article: "sergey
  lavrov", "lavrov"), ``zzfg<hash>`` of each cross-article entity id its entities are linked to.
"""
from __future__ import annotations

import hashlib
import re
from typing import Iterable, Optional

from ..dates import utc
from ..words import terms

PREFIX = "zzf"
NOTHING = "zzfnone0"  # a token no article has
# A dated value: exactly YYYY, or YYYY-MM (month 01-12) followed by anything; ASCII digits only, as SQL's GLOB.
_DATE = re.compile(r"([0-9]{4})(?:-(0[1-9]|1[0-2])|\Z)")
_BOUND = re.compile(r"([0-9]{4})(?:-(0[1-9]|1[0-2]))?")
#: The SQL form of "a dated value" for the walk's date test.
DATED_SQL = ("({col} GLOB '[0-9][0-9][0-9][0-9]' OR ({col} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'"
             " AND substr({col}, 6, 2) BETWEEN '01' AND '12'))")
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
    return f"{PREFIX}g{_hash(str(global_id))}"


def article_tokens(published: Optional[str], source: Optional[str], story: str, entity_keys: Iterable[str] = (),
                   global_ids: Iterable[Optional[str]] = ()) -> str:
    """The facets column of one article (``story``: its story id, or its own id when it has none;
    ``entity_keys``: its entities' name keys; ``global_ids``: the cross-article ids they are linked to)."""
    tokens = []
    published = utc(published)  # date filters compare in UTC (storage.dates)
    match = _DATE.match(published) if published is not None else None
    if match:
        year, month = match.group(1), match.group(2) or "00"
        tokens += [f"{PREFIX}y{year}", f"{PREFIX}m{year}{month}"]
    if source is not None:
        tokens.append(source_token(source))
    tokens.append(story_token(story))
    tokens += sorted({entity_token(t) for key in entity_keys for t in terms(key)})
    tokens += sorted({global_token(g) for g in global_ids if g})
    return " ".join(tokens)


def year_of(published: str) -> Optional[int]:
    """The year of a dated value (see :data:`DATED_SQL`), else None."""
    match = _DATE.match(published)
    return int(match.group(1)) if match else None


def year_span(first: Optional[str], last: Optional[str]) -> tuple[int, int]:
    """The years of a store's first and last dated ``published`` values (each backend reads the two as written,
    by its index); 0 and 9999 where they are not dates. :func:`date_phrases` reaches a year beyond both, since the
    tokens are of the UTC date."""
    years = [year_of(value) if value is not None else None for value in (first, last)]
    return (years[0] if years[0] is not None else 0), (years[1] if years[1] is not None else 9999)


def exact_dates(since: Optional[str], until: Optional[str]) -> bool:
    """Month tokens decide these bounds exactly (year or month precision)."""
    return all(bound is None or _BOUND.fullmatch(bound) for bound in (since, until))


def _month(value: str, end: bool) -> Optional[tuple[int, int]]:
    """(year, month) a since/until bound starts (or, ``end``, stops) at; None when it does not read as one ("2013",
    "2013-05", "2013-05-04…" read; "2013-00", "2013-5" and other digits do not: the SQL test then decides alone)."""
    match = _BOUND.match(value)
    if not match or (match.group(2) is None and value[4:5] not in ("", "T", " ")):
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
    low = _month(since, end=False) if since else (first_year - 1, 0)
    high = _month(until, end=True) if until else (last_year + 1, 12)
    if low is None or high is None:
        return None
    # The span is of the dates as written; their tokens are of the UTC date, which an offset moves across New
    # Year ("2014-01-01T02:00+05:00" is 2013): a year more each way is searched, the share counted on the span.
    share = (min(high, (last_year, 12)), max(low, (first_year, 0)))
    low = max(low, (first_year - 1, 0))
    high = min(high, (last_year + 1, 12))
    phrases: list[str] = []
    if low > high:
        return phrases
    covered = (share[0][0] - share[1][0]) * 12 + share[0][1] - max(share[1][1], 1) + 1
    if covered > SELECTIVE * 12 * (last_year - first_year + 1):
        return None
    year, month = low
    while (year, month) <= high:
        if month == 0 and (year, 12) <= high:
            phrases.append(f"{PREFIX}y{year:04d}")  # the whole year, its year-only dates included
            year, month = year + 1, 0
        else:
            phrases.append(f"{PREFIX}m{year:04d}{month:02d}")
            year, month = (year, month + 1) if month < 12 else (year + 1, 0)
        if len(phrases) > MAX_DATE_PHRASES:
            return None
    return phrases
