"""Full-text search in the SQLite store: FTS5 with bm25, facet tokens for filters, and the newest-matches window.

:func:`top_matches` ranks; :func:`hits` makes the results with their snippets. docs/ARCHITECTURE.md (Storage) says why
filters become facet tokens and why a broad query is ranked within a window.
"""
from __future__ import annotations

import unicodedata
from itertools import groupby
from typing import Any, Optional

from .engine import sqlite3
from ..base import MATCH_CLOSE, MATCH_OPEN, SearchFilters, SearchHit
from .. import syntax
from ..dates import SQL_FUNCTION
from . import facet_tokens, facets, fts, speakers
from ..words import key

# Matched terms in snippets: private-use markers, which a text's own brackets can never be taken for.
SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_ELLIPSIS = MATCH_OPEN, MATCH_CLOSE, "…"
SNIPPET_TOKENS = 16
#: Snippets are cut from the article's text (column 1), as PostgreSQL's ts_headline is: FTS5's best column (-1)
#: was the title for 56 of the 240 hits of the bench's 12 queries at 10^6 articles, so a result repeated its own
#: headline under it; a match in the title only gets the text's opening words.
SNIPPET_COLUMN = 1
# bm25 column weights (title, text): a word in the headline says more about the article than one in the body.
TITLE_WEIGHT, TEXT_WEIGHT = 5.0, 1.0
# FTS5 scores every match before sorting (no top-k pruning; walking and scoring cost 1-2 us per match at 10^6
# articles, 2026-12-07, plus one walk of each word's whole match list in each segment ranked, for its weight):
# hence the window of base.SEARCH_WINDOW newest matches
# (storage order; with filters, of the matches that pass them). ``SQLiteStore.search_window = None``: always exact.


def fts_query(text: str) -> str:
    """Turn any user string into a safe FTS5 query: the search box syntax of :mod:`.syntax` (words, "phrases", OR,
    -word / NOT word, prefix*), every term quoted so nothing else in it is read as FTS5 syntax."""
    return syntax.to_fts(text, _may_spell_facet)


def _may_spell_facet(chunk: str) -> bool:
    """The tokenizer folds case and diacritics, so compare the chunk folded the same way."""
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", chunk.casefold()) if not unicodedata.combining(ch))
    return facet_tokens.PREFIX in folded


def top_matches(conn: sqlite3.Connection, index: fts.Index, match: str, limit: int, offset: int,
                filters: Optional[SearchFilters], window: Optional[int],
                memo: Optional[Counts] = None) -> list[tuple[int, float]]:
    """(pk, bm25) of the best ``limit`` matches after ``offset``, ranked on (rowid, bm25) only.

    Snippets and article columns are left out here on purpose: computed in the same statement they would be
    made for every match before the sort, which at 10^5+ articles costs far more than the ranking itself.
    A query with more than ``window`` matches is ranked within the newest ones, in one pass: FTS5
    walks its doclists newest first (it consumes ``ORDER BY rowid DESC``), scores each match that passes the
    filters, and the walk stops once the window is full. In a segmented index (:mod:`.fts`) the window is taken
    from the newest segments: each one's matches are counted (no scoring, up to what the window still lacks) until
    the window is full, and only those segments rank, each with its own word weights. Date, outlet, story and
    entity filters also become facet tokens ANDed to the query (schema 2), so the walk only meets matches the
    filters can pass.
    """
    narrowed, exact = facet_match(conn, index.facets, filters)
    if narrowed:
        match = f"({match}) AND {narrowed}"
    where, extra = _search_filters(conn, filters, skip=exact)
    # Facet tokens add nothing to a score, but FTS5 counts them in the document's length (bm25's length
    # normalisation): 5-15% of a news article's words, so one naming many entities ranks slightly lower.
    weights = "?, ?, 0" if index.facets else "?, ?"
    parts: list[tuple[str, list[Any]]] = []

    def scored(table: str, newest: Optional[int]) -> None:
        sql = (f"SELECT {table}.rowid AS pk, bm25({table}, {weights}) AS score FROM {table}{_join(table, where)}"
               f" WHERE {table} MATCH ?{where}{index.own(table)}")
        params: list[Any] = [TITLE_WEIGHT, TEXT_WEIGHT, match, *extra]
        if newest is not None:
            sql += f" ORDER BY {table}.rowid DESC LIMIT ?"
            params.append(newest)
        parts.append((sql, params))

    if window is None:
        for table in index.tables:
            scored(table, None)
    else:
        lacking = max(window, limit + offset)
        for i, table in enumerate(index.tables):
            if i == len(index.tables) - 1:  # the oldest: whatever it has, up to what is lacking
                scored(table, lacking)
                break
            found = _count(conn, table, where, match, extra, lacking, memo, index.own(table))
            if found:
                # Fewer than were lacking: all of the segment's matches, ranked in FTS5's own (ascending) order,
                # 10-15% cheaper than walking them newest first to the same set.
                scored(table, found if found >= lacking else None)
            lacking -= found
            if lacking <= 0:
                break
    if len(parts) <= UNION_MOST:
        return _ranked(conn, parts, limit, offset) if parts else []
    # SQLite joins at most 500 statements in one compound SELECT: rank each run of them, keep the best of all.
    best = [row for i in range(0, len(parts), UNION_MOST)
            for row in _ranked(conn, parts[i:i + UNION_MOST], limit + offset, 0)]
    return sorted(best, key=lambda row: (row[1], row[0]))[offset:offset + limit]


UNION_MOST = 400


def _ranked(conn: sqlite3.Connection, parts: list[tuple[str, list[Any]]], limit: int,
            offset: int) -> list[tuple[int, float]]:
    union = " UNION ALL ".join(f"SELECT pk, score FROM ({sql})" for sql, _ in parts)
    sql = f"SELECT pk, score FROM ({union}) ORDER BY score, pk LIMIT ? OFFSET ?"
    return conn.execute(sql, (*(p for _, params in parts for p in params), limit, offset)).fetchall()


def _join(table: str, where: str) -> str:
    return f" JOIN search_facets a ON a.pk = {table}.rowid" if where else ""


#: Per-connection memo of segment counts (``Counts``): a search page ranks (counting each segment's matches up to
#: what its window lacks) and then counts the query's matches up to 10,001, walking the same lists again.
Counts = dict


def _count(conn: sqlite3.Connection, table: str, where: str, match: str, extra: list[Any],
           most: Optional[int], memo: Optional[Counts] = None, own: str = "") -> int:
    """Matches of one table of the index passing the filters (``own``: the condition keeping it to its own
    articles, :meth:`.fts.Index.own`), walking at most ``most`` of them (None: all). With a
    ``memo`` (kept by the caller for one state of the file) a count walked before answers when it was exact or
    walked as far."""
    key = (table, match, where, tuple(extra))
    if memo is not None and key in memo:
        found, walked = memo[key]
        if walked is None or found < walked or (most is not None and most <= walked):
            return found if most is None else min(found, most)
    matches = f"FROM {table}{_join(table, where)} WHERE {table} MATCH ?{where}{own}"
    if most is None:
        found = int(conn.execute(f"SELECT count(*) {matches}", (match, *extra)).fetchone()[0])
    else:
        found = int(conn.execute(f"SELECT count(*) FROM (SELECT 1 {matches} LIMIT ?)",
                                 (match, *extra, most)).fetchone()[0])
    if memo is not None:
        if len(memo) >= MEMO_ENTRIES:
            memo.clear()
        memo[key] = (found, most)
    return found


MEMO_ENTRIES = 256

def ids_of(conn: sqlite3.Connection, pks: list[int]) -> list[str]:
    """Article ids of ranked pks, in their order (from the narrow facets row, not the article)."""
    return [head[0] for head in heads_of(conn, pks)]


def heads_of(conn: sqlite3.Connection, pks: list[int]) -> list[tuple[str, int, Optional[str], Optional[str]]]:
    """(id, revision, published, source) of ranked pks, in their order, from the narrow facets rows (one per current
    revision)."""
    if not pks:
        return []
    found = {row[0]: row[1:] for row in conn.execute(
        f"SELECT pk, id, revision, published, source FROM search_facets WHERE pk IN ({','.join('?' * len(pks))})",
        pks)}
    return [found[pk] for pk in pks if pk in found]


def count_matches(conn: sqlite3.Connection, index: fts.Index, match: str,
                  filters: Optional[SearchFilters], most: Optional[int] = None, memo: Optional[Counts] = None) -> int:
    """Every match passing the filters (no window): one count over the same narrowed MATCH as :func:`top_matches`,
    without scoring, so it costs a walk of the matching doclists only. ``most``: the walk stops at ``most + 1``
    matches (a common word has 3x10^5 of them at 10^6 articles: ~10 ms walked whole, ~0.5 ms to 10,001), newest
    segments first."""
    narrowed, exact = facet_match(conn, index.facets, filters)
    if narrowed:
        match = f"({match}) AND {narrowed}"
    where, extra = _search_filters(conn, filters, skip=exact)
    total = 0
    for table in index.tables:
        total += _count(conn, table, where, match, extra, None if most is None else most + 1 - total, memo,
                        index.own(table))
        if most is not None and total > most:
            break
    return total


def facet_match(conn: sqlite3.Connection, facet_index: bool,
                 filters: Optional[SearchFilters]) -> tuple[Optional[str], set[str]]:
    """The facet-token expression a filter set implies (None: nothing to add, or a schema 1 index) and the
    filters it decides exactly, whose SQL test can be left out (see :mod:`.facet_tokens`)."""
    if not facet_index or filters is None:
        return None, set()
    parts, exact = [], set()

    def any_of(tokens: list[str], name: str) -> None:
        # No token at all (a date range outside the stored span): a token no article has, so nothing matches.
        parts.append("(" + " OR ".join(f'"{t}"' for t in tokens or [facet_tokens.NOTHING]) + ")")
        exact.add(name)

    if filters.source:
        any_of([facet_tokens.source_token(filters.source)], "source")
    if filters.story:
        any_of([facet_tokens.story_token(filters.story)], "story")
    if filters.entity:
        tokens = facets.entity_tokens(conn, key(filters.entity))
        if tokens is not None:
            any_of(tokens, "entity")
    if filters.since or filters.until:
        phrases = facet_tokens.date_phrases(filters.since, filters.until, *_year_span(conn))
        if phrases is not None:
            any_of(phrases, "dates")
            if not facet_tokens.exact_dates(filters.since, filters.until):
                exact.discard("dates")
    return " AND ".join(parts) or None, exact

def _year_span(conn: sqlite3.Connection) -> tuple[int, int]:
    """First and last year of the stored dates (two index lookups); (0, 9999) when they do not start with one."""
    dated = "SELECT published FROM articles WHERE current = 1 AND published >= '0' AND published < ':'"
    first = conn.execute(dated + " ORDER BY published LIMIT 1").fetchone()
    last = conn.execute(dated + " ORDER BY published DESC LIMIT 1").fetchone()
    return facet_tokens.year_span(first[0] if first else None, last[0] if last else None)

def hits(conn: sqlite3.Connection, index: fts.Index, match: str, ranked: list[tuple[int, float]]) -> list[SearchHit]:
    """The hits for ranked rows, in their order: one statement for all (FTS5 seeks each rowid of the IN list and
    reads only its match positions; one part per segment the rows lie in), instead of a statement per hit that
    parsed the query and opened the index each time (a page's 20 snippets were an eighth of the web reader's first
    page)."""
    if not ranked:
        return []
    parts: list[str] = []
    params: list[list[Any]] = []
    for table, group in groupby(sorted(pk for pk, _ in ranked), key=index.table_of):
        pks = list(group)
        parts.append(f"SELECT {table}.rowid, a.id, a.title, a.published, snippet({table}, {SNIPPET_COLUMN}, ?, ?, ?, ?)"
                     f" FROM {table} JOIN articles a ON a.pk = {table}.rowid"
                     f" WHERE {table} MATCH ? AND {table}.rowid IN ({','.join('?' * len(pks))})")
        params.append([SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_TOKENS, match, *pks])
    rows = {}
    for i in range(0, len(parts), UNION_MOST):  # at most 500 statements in one compound SELECT
        chunk = slice(i, i + UNION_MOST)
        rows.update((row[0], row[1:]) for row in conn.execute(
            " UNION ALL ".join(parts[chunk]), [p for part in params[chunk] for p in part]))
    # bm25 is lower-is-better and negative; flip it so callers read "higher score, better hit".
    return [SearchHit(row[0], row[1], row[2], row[3] or "", -float(rank))
            for row, rank in ((rows.get(pk), rank) for pk, rank in ranked) if row is not None]


def _search_filters(conn: sqlite3.Connection, filters: Optional[SearchFilters],
                    skip: frozenset[str] | set[str] = frozenset()) -> tuple[str, list[Any]]:
    """SQL conditions on ``a`` (the ``search_facets`` row) and their parameters for :class:`SearchFilters`, but
    for those in ``skip`` ("dates", "source", "story", "entity"), which facet tokens decided already."""
    if filters is None:
        return "", []
    where: list[str] = []
    params: list[Any] = []
    # Compare at the caller's precision: until="2013-05-04" must include "2013-05-04T12:15:00". Only dated values
    # (YYYY, YYYY-MM…) take part, as with the date tokens.
    if (filters.since or filters.until) and "dates" not in skip:
        where.append(facet_tokens.DATED_SQL.format(col="a.published"))
        if filters.since:  # in UTC (storage.dates)
            where.append(f"substr({SQL_FUNCTION}(a.published), 1, length(?)) >= ?")
            params += [filters.since, filters.since]
        if filters.until:
            where.append(f"substr({SQL_FUNCTION}(a.published), 1, length(?)) <= ?")
            params += [filters.until, filters.until]
    if filters.source and "source" not in skip:
        where.append("lower(a.source) = lower(?)")
        params.append(filters.source)
    if filters.story and "story" not in skip:
        where.append("coalesce(a.story, a.id) = ?")
        params.append(filters.story)
    if filters.entity and "entity" not in skip:
        condition, values = facets.entity_filter(conn, key(filters.entity))
        where.append(condition)
        params += values
    if filters.speaker or filters.speaker_ids:
        condition, values = _speaker_filter(conn, key(filters.speaker or "") or "", filters.speaker_ids)
        where.append(condition)
        params += values
    return "".join(" AND " + w for w in where), params


def _speaker_filter(conn: sqlite3.Connection, speaker_key: str,
                    speaker_ids: tuple[str, ...] = ()) -> tuple[str, list[Any]]:
    """The article quotes a speaker whose name has a word starting with ``speaker_key`` (as ``Store.quotes``
    matches), or, when no indexed speaker has one, whose name contains it, checked per match through the
    quotes_article index: a speaker filter narrows a query, it is not a query of its own. Or it quotes a speaker
    linked to one of the global ids ``speaker_ids``: those articles are listed once (the entities_global index, then
    the quotes of each), not joined per match."""
    tests, params = [], []
    if speaker_key:
        word_start = bool(speakers.matching_terms(conn, speaker_key, most=1))
        test = "instr(' ' || q.speaker_key, ' ' || ?) > 0" if word_start else "instr(q.speaker_key, ?) > 0"
        tests.append(f"EXISTS (SELECT 1 FROM quotes q WHERE q.article = a.id AND q.revision = a.revision AND {test})")
        params.append(speaker_key)
    if speaker_ids:
        tests.append("(a.id, a.revision) IN (SELECT s.article, s.revision FROM entities s JOIN quotes q"
                     " ON q.article = s.article AND q.revision = s.revision AND q.speaker_entity = s.local_id"
                     f" WHERE s.global_id IN ({', '.join('?' * len(speaker_ids))}))")
        params += list(speaker_ids)
    return "(" + (" OR ".join(tests) or "0") + ")", params
