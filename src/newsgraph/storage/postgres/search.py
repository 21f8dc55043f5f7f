"""Full-text search in the PostgreSQL store: a weighted tsvector (title A, text B) under a GIN index.

The query syntax is the SQLite store's: any user string is read as whitespace-separated chunks, each a phrase
(``phraseto_tsquery``: operators, quotes and ``NEAR(`` are plain words), all of which must occur; chunks without a
word character are dropped. ``raw=True`` hands the string to ``to_tsquery``, PostgreSQL's own syntax. Filters and
the newest-matches window mean what they mean in the SQLite store (``storage.base``); ranking is ``ts_rank`` over the
title and the lead of the text (``rank_tsv``, schema version 5), the title weighted 5x, as the SQLite store weights
bm25's columns: news puts what an article is about in its title and first paragraphs, and the whole text's
tsvector is too large to read back for thousands of matches per search.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from ..base import MATCH_CLOSE, MATCH_OPEN, SearchFilters, SearchHit
from ..dates import SQL_FUNCTION
from ..syntax import Term, parse
from ..words import TOP, key
from ..sqlite.facet_tokens import year_span
from . import facets, spans as pk_spans

_ONE_WORD = re.compile(r"\w+")  # a prefix term the tsquery parser reads as one quoted lexeme
#: ts_rank's weights for D, C, B, A: the title (A) counts 5x the text (B), as TITLE_WEIGHT / TEXT_WEIGHT in SQLite.
WEIGHTS = "{0, 0, 0.2, 1.0}"
HEADLINE = f"StartSel={MATCH_OPEN}, StopSel={MATCH_CLOSE}, MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…"
#: A dated value as the SQLite store reads one: exactly YYYY, or YYYY-MM (01-12) followed by anything.
DATED = "({col} ~ '^[0-9]{{4}}$' OR {col} ~ '^[0-9]{{4}}-(0[1-9]|1[0-2])')"


def _term(term: Term) -> tuple[str, list[str]]:
    """One search-box term as a tsquery: a phrase, or a prefix (``Syri*``) of its one word."""
    if term.prefix and _ONE_WORD.fullmatch(term.text):
        return "to_tsquery('english', %s)", ["'" + term.text + "':*"]
    return "phraseto_tsquery('english', %s)", [term.text]


def user_query(text: str) -> tuple[str, list[str]]:
    """(SQL expression of a tsquery, its parameters) for a search-box string, read with the SQLite store's syntax
    (:mod:`newsgraph.storage.syntax`: words, "phrases", OR, -word / NOT word, prefix*); ("", []) when nothing
    can match."""
    groups, excluded = parse(text)

    def either(terms: list[Term]) -> tuple[str, list[str]]:
        parts = [_term(t) for t in terms]
        return "(" + " || ".join(p[0] for p in parts) + ")", [v for p in parts for v in p[1]]
    wanted = [either(g) for g in groups]
    if not wanted:
        return "", []
    expr = " && ".join(w[0] for w in wanted)
    params = [v for w in wanted for v in w[1]]
    if excluded:
        left_out = either(excluded)
        expr = f"({expr}) && !!{left_out[0]}"
        params += left_out[1]
    return expr, params


def filter_sql(filters: Optional[SearchFilters], col: str = "a", conn=None,
               keys: bool = False) -> tuple[str, list[Any]]:
    """SQL conditions on the ``articles`` row ``col`` for :class:`SearchFilters`, and their parameters. With a
    connection, an entity filter becomes a condition on the facet lexemes (:mod:`.facets`) where it can, and with
    ``keys`` (the GIN index of schema version 8) a date filter on its year and month lexemes where they are exact."""
    if filters is None:
        return "", []
    where: list[str] = []
    params: list[Any] = []
    published = f"{col}.published"
    dates = None
    if (filters.since or filters.until) and keys and conn is not None:
        dates = pk_spans.dates(filters.since, filters.until, *_year_span(conn, col))
    if dates is not None:
        # Year and month lexemes of the UTC value (spans.py): exact at these bounds' precision, as the SQLite
        # store's date tokens are, so neither the "is a date" test nor the range is left (both are in the lexemes).
        where.append(f"{pk_spans.expression(col)} @@ %s::tsquery" if dates else "false")
        params += [dates] if dates else []
    elif filters.since or filters.until:
        where.append(DATED.format(col=published))
        _utc_range(filters, published, where, params)
    if filters.source:
        where.append(f"lower({col}.source) = lower(%s)")
        params.append(filters.source)
    if filters.story:
        where.append(f"coalesce({col}.story, {col}.id) = %s")
        params.append(filters.story)
    if filters.entity:
        name_key = key(filters.entity) or ""
        lexemes = None if conn is None else facets.entity_query(conn, name_key, TOP)
        condition, values = entity_filter(name_key, col)
        if lexemes is not None:
            # The lexemes hold exactly the articles the SQL condition passes, but for those too large to carry
            # them (facets.OVER), which the SQL condition decides (a subplan run only if such an article matches).
            condition = (f"{col}.facets @@ %s::tsquery AND (NOT {col}.facets @@ %s::tsquery OR {condition})")
            values = [lexemes, facets.over_query(), *values]
        where.append(condition)
        params += values
    if filters.speaker or filters.speaker_ids:  # either way of naming the speaker: one union of pks
        pks: list[str] = []
        if filters.speaker:
            sql, values = _speaker_pks(key(filters.speaker) or "")
            pks.append(sql)
            params += values
        if filters.speaker_ids:
            sql, values = _linked_speaker_pks(filters.speaker_ids)
            pks.append(sql)
            params += values
        where.append(f"{col}.pk IN ({' UNION ALL '.join(pks)})")
    return "".join(" AND " + w for w in where), params


def _utc_range(filters: SearchFilters, published: str, where: list[str], params: list[Any]) -> None:
    """The date bounds as a range on the UTC value of ``published`` (conditions and parameters appended)."""
    # In UTC (storage.dates; the function is made by the schema), a range on the UTC value, which the index of
    # schema version 6 answers as a bitmap the planner ANDs with the GIN one. The range is the prefix rule itself
    # (text compared by code point, n = len(s)): left(v, n) >= s exactly when v >= s, and v < s || TOP implies
    # left(v, n) <= s (the converse fails only for a value holding U+10FFFF right after s, which no date does and
    # which an earlier version, testing both, left out too). No per-row test: the function's exception block is a
    # subtransaction per call (~20 us, most of a since-filtered search's time when it was rechecked on each match).
    utc = f"{SQL_FUNCTION}({published})"
    if filters.since:
        where.append(f"{utc} >= %s")
        params.append(filters.since)
    if filters.until:
        where.append(f"{utc} < %s")
        params.append(filters.until + TOP)


def _year_span(conn, col: str) -> tuple[int, int]:
    """First and last year of the stored dates as written (two index lookups; ``facet_tokens.year_span``, which
    ``date_phrases`` reaches a year beyond: a zone moves a date across New Year in UTC)."""
    dated = "SELECT published FROM articles WHERE current AND published >= '0' AND published < ':'"
    first = conn.execute(dated + " ORDER BY published LIMIT 1").fetchone()
    last = conn.execute(dated + " ORDER BY published DESC LIMIT 1").fetchone()
    return year_span(first[0] if first else None, last[0] if last else None)


def _current_pks(joined: str, condition: str) -> str:
    """Pks of current articles whose rows of ``joined`` (aliased ``r``: a table with ``article, revision``) pass
    ``condition``."""
    return (f"SELECT c.pk FROM {joined} JOIN articles c ON c.id = r.article AND c.revision = r.revision"
            f" AND c.current WHERE {condition}")


def entity_filter(name_key: str, col: str) -> tuple[str, list[Any]]:
    """The article names an entity with a word starting ``name_key`` (else, when no stored name has such a word,
    containing it), or one linked to the same global entity as an entity of exactly that name.

    One semi-join on the article's pk (the filters apply to current articles only), a union of index ranges: the
    planner hashes the few pks or ANDs them with the matches, instead of running subqueries for every match. The
    fallback branch runs only when the one-time test finds no word (an uncorrelated EXISTS)."""
    by_word = "SELECT t.pk FROM entity_terms t WHERE t.term >= %s AND t.term < %s"
    no_word = "NOT EXISTS (SELECT 1 FROM entity_terms WHERE term >= %s AND term < %s)"
    inside = _current_pks("entities r", f"{no_word} AND strpos(r.name_key, %s) > 0")
    linked = _current_pks("entities r", "r.global_id IN (SELECT x.global_id FROM entities x WHERE x.name_key = %s"
                                        " AND x.global_id IS NOT NULL AND x.global_id != '')")
    condition = f"{col}.pk IN ({by_word} UNION ALL {inside} UNION ALL {linked})"
    return condition, [name_key, name_key + TOP, name_key, name_key + TOP, name_key, name_key]


def _speaker_pks(speaker_key: str) -> tuple[str, list[Any]]:
    """Pks of current articles quoting a speaker whose name has a word starting with ``speaker_key`` (else, when no
    indexed speaker has one, whose name contains it), as :meth:`Store.quotes` matches; see :func:`entity_filter`."""
    by_word = _current_pks("quotes r JOIN quote_terms t ON t.quote = r.pk", "t.term >= %s AND t.term < %s")
    no_word = "NOT EXISTS (SELECT 1 FROM quote_terms WHERE term >= %s AND term < %s)"
    inside = _current_pks("quotes r", f"{no_word} AND strpos(r.speaker_key, %s) > 0")
    return f"{by_word} UNION ALL {inside}", [speaker_key, speaker_key + TOP, speaker_key, speaker_key + TOP,
                                             speaker_key]


def _linked_speaker_pks(speaker_ids: tuple[str, ...]) -> tuple[str, list[Any]]:
    """Pks of current articles quoting a speaker linked to one of the global ids ``speaker_ids`` (whatever name it
    has there)."""
    joined = ("quotes r JOIN entities s ON s.article = r.article AND s.revision = r.revision"
              " AND s.local_id = r.speaker_entity")
    return _current_pks(joined, "s.global_id = ANY(%s)"), [list(speaker_ids)]


def count(conn, query: str, raw: bool, filters: Optional[SearchFilters], facet_index: bool = True,
          most: Optional[int] = None, span_index: bool = True) -> int:
    """Every current match passing the filters (no window, no ranking); with ``most``, at most ``most + 1``."""
    if raw:
        expr, qparams = "to_tsquery('english', %s)", [query]
    else:
        expr, qparams = user_query(query)
        if not expr:
            return 0
    where, fparams = filter_sql(filters, conn=conn if facet_index else None, keys=span_index)
    conn.execute(f"SET LOCAL work_mem = '{BITMAP_MEMORY}'")  # an exact bitmap (see _ranked)
    matches = f"FROM articles a WHERE a.current AND a.tsv @@ ({expr}){where}"  # a constant: see _ranked
    if most is None:
        return int(conn.execute(f"SELECT count(*) {matches}", [*qparams, *fparams]).fetchone()[0])
    return int(conn.execute(f"SELECT count(*) FROM (SELECT 1 {matches} LIMIT %s) m",
                            [*qparams, *fparams, most + 1]).fetchone()[0])


#: work_mem of a search's transaction: an exact bitmap of 10^6 matches takes ~50 MB at most, only while it runs.
BITMAP_MEMORY = "64MB"
#: How much wider than the estimate says the first range of newest articles is (every match in it is read and
#: scored), and how much wider a next one is at most (see search()).
SPAN_MARGIN, SPAN_GROWTH = 1.25, 8
#: The share of the newest articles whose matches are counted when the planner's estimate says the whole store
#: (:func:`_probed_floor`).
PROBE_SHARE = 8


def search(conn, query: str, raw: bool, limit: int, offset: int, filters: Optional[SearchFilters],
           window: Optional[int], facet_index: bool = True, span_index: bool = True) -> list[SearchHit]:
    """The ranked hits (see :meth:`newsgraph.storage.base.Store.search`); raises psycopg errors.

    With a window, the newest ``depth`` matches are looked for among the newest articles first: only articles with
    ``pk`` above a floor, a range sized from the planner's estimate of the matches (its statistics of the
    tsvectors' words), widened ``SPAN_GROWTH``-fold while it holds fewer than ``depth`` matches, then dropped. A
    range holding ``depth`` matches holds the newest ``depth`` of all of them, so the answer is the one the whole
    store gives; a common word then reads a few thousand rows instead of every article that has it. With
    ``span_index`` (schema version 8) the range is also a condition of the GIN scan (:mod:`.spans`), which then
    skips the words' matches below it instead of testing each.
    """
    if raw:
        expr, qparams = "to_tsquery('english', %s)", [query]
    else:
        expr, qparams = user_query(query)
        if not expr:
            return []
    where, fparams = filter_sql(filters, conn=conn if facet_index else None, keys=span_index)
    if window is None:
        rows, _ = _ranked(conn, expr, qparams, where, fparams, limit, offset, None, ("", []))
        return rows
    depth = max(window, limit + offset)
    estimated = (where, fparams)
    if span_index and filters is not None and (filters.since or filters.until):
        # Sized from the planner's estimate of the UTC range (its btree's statistics), which it makes far better
        # than that of an OR of date lexemes (a third of the matches for "since 2019-06" at 10^6).
        estimated = filter_sql(filters, conn=conn if facet_index else None)
    floor, newest, span = _first_floor(conn, expr, qparams, *estimated, depth)
    if floor is None and span_index and newest:
        floor, span = _probed_floor(conn, expr, qparams, where, fparams, depth, newest)
    while True:
        in_range = _range(floor, newest, span_index)
        rows, found = _ranked(conn, expr, qparams, where, fparams, limit, offset, depth, in_range)
        if floor is None or found >= depth:
            return rows
        # Too few: widen by what the range's own density of matches says is missing (a page past the last hit
        # counts 0 matches: then SPAN_GROWTH), with the same margin, and at least half as wide again.
        density = _count_in(conn, expr, qparams, where, fparams, in_range) / span if not rows else found / span
        grow = SPAN_GROWTH if density <= 0 else min(SPAN_GROWTH, max(1.5, SPAN_MARGIN * depth / (density * span)))
        span = int(span * grow)
        floor = newest - span if newest - span > 0 else None


def _first_floor(conn, expr: str, qparams: list[Any], where: str, fparams: list[Any],
                 depth: int) -> tuple[Optional[int], int, int]:
    """(the first floor or None for no range, the newest pk, the span below it): the newest articles expected
    to hold ``depth`` matches passing the filters (a filter the planner cannot estimate well makes it guess few
    matches: then the range is the whole store at once rather than after several widenings)."""
    newest, total = conn.execute("SELECT (SELECT max(pk) FROM articles), (SELECT reltuples FROM pg_class"
                                 " WHERE oid = 'articles'::regclass)").fetchone()
    if newest is None or total is None or total <= depth:
        return None, 0, 0
    # Estimated without the "is a date" test of a date filter (no parameters: the others keep theirs): the
    # planner's guess for its regular expressions cut the estimate to a third, so the first range held 3-4x the
    # window's matches, every one of them read and scored; the date range itself it estimates well.
    where = where.replace(" AND " + DATED.format(col="a.published"), "")
    estimate = max(_estimate(conn, expr, qparams, where, fparams), 1.0)
    span = int(depth / estimate * total * SPAN_MARGIN)
    # A range over most of the store saves little and, when it falls short, costs a second pass that builds the
    # words' GIN bitmap again (half of an "until" search at 10^6): then the whole store at once.
    return (newest - span if 2 * span < newest else None), int(newest), span


def _probed_floor(conn, expr: str, qparams: list[Any], where: str, fparams: list[Any], depth: int,
                  newest: int) -> tuple[Optional[int], int]:
    """(a floor or None, its span) sized from the matches counted among the newest 1/:data:`PROBE_SHARE` of the
    pks, for a query the planner expects to match too few articles for a range to pay.

    The planner knows the frequencies of the 1,000 most common words only (those in 5% of the articles or more at
    10^6) and guesses 0.5% for any other; it multiplies the frequencies of the words of a query as if they came
    together by chance, while those of a name ("Onarsuine Foundation", 3.8% of the articles at 10^6, guessed
    0.1%) always do. Its guess made the range the whole store, every one of the name's matches read. Through the
    pk spans the count reads the index for the newest matches only (the spans of whole lowest-level spans, so no
    pk is tested on the row); a query rare in fact costs that small count and then reads the whole store as before.
    """
    low_bits = pk_spans.LEVELS[0][1]
    start = (newest - newest // PROBE_SHARE) >> low_bits << low_bits
    if start <= 0:
        return None, 0
    cover = pk_spans.cover(start, newest + (1 << low_bits))
    found = int(conn.execute(f"SELECT count(*) FROM articles a WHERE a.current AND a.tsv @@ ({expr}){where}"
                             f" AND {pk_spans.expression('a')} @@ %s::tsquery",
                             [*qparams, *fparams, cover]).fetchone()[0])
    if not found:
        return None, 0
    # Any range short of the whole store pays here: the density is read off the matches themselves (not guessed),
    # so the range rarely falls short, and its matches are scored as they are read, while over the whole store the
    # window's rows are read a second time to score them.
    span = int(depth / found * (newest - start) * SPAN_MARGIN)
    return (newest - span, span) if span < newest else (None, 0)


def _range(floor: Optional[int], newest: int, span_index: bool) -> tuple[str, list[Any]]:
    """The SQL condition (and its parameters) of "``pk`` above ``floor``" (None: every pk), with the spans that
    cover it for the GIN scan when the index has them. The spans reach one lowest-level span past the newest pk
    read before: articles stored by another writer since then are the search's as they are without spans. The
    exact bound is then tested on the rows the GIN scan passes (``pk + 0``: not a btree bitmap of the whole range,
    which cost a quarter of the GIN scan at 10^6, for the few pks of the lowest spans below the floor)."""
    if floor is None:
        return "", []
    if not span_index:
        return " AND a.pk > %s", [floor]
    top = newest + (1 << pk_spans.LEVELS[0][1])
    return (f" AND {pk_spans.expression('a')} @@ %s::tsquery AND a.pk + 0 > %s",
            [pk_spans.cover(floor + 1, top), floor])


def _estimate(conn, expr: str, qparams: list[Any], where: str, fparams: list[Any]) -> float:
    """The planner's estimate of the current articles matching a tsquery and the filters."""
    plan = conn.execute(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM articles a WHERE a.current AND a.tsv @@ ({expr})"
                        f"{where}", [*qparams, *fparams]).fetchone()[0]
    return float(plan[0]["Plan"]["Plan Rows"])


def _count_in(conn, expr: str, qparams: list[Any], where: str, fparams: list[Any],
              in_range: tuple[str, list[Any]]) -> int:
    """Matches in a range of pks (for widening a range whose page of hits came back empty)."""
    return int(conn.execute(f"SELECT count(*) FROM articles a WHERE a.current AND a.tsv @@ ({expr}){where}"
                            f"{in_range[0]}", [*qparams, *fparams, *in_range[1]]).fetchone()[0])


def _ranked(conn, expr: str, qparams: list[Any], where: str, fparams: list[Any], limit: int, offset: int,
            depth: Optional[int], in_range: tuple[str, list[Any]]) -> tuple[list[SearchHit], int]:
    """The page of hits ranked among the newest ``depth`` matches (None: all) in a range of pks (:func:`_range`;
    "": any), and how many matches that window holds (0 when the page is empty)."""
    # MATERIALIZED: the matches come from the GIN index as one bitmap (ANDed with the pk range's). Left to itself
    # the planner walks the primary key backwards for "ORDER BY pk DESC LIMIT depth", reading and testing every
    # article's tsvector (200+ ms at 2*10^4 articles for a rare word). Ranking reads the small rank_tsv, in the row.
    # The tsquery is written out in the matches, not read from q: a constant there, the planner estimates its
    # matches from the tsvector statistics and ANDs the GIN bitmap with a filter's index (the date's, the
    # outlet's) when the filter is the narrower; from q it guesses 500 matches and tests each filter row by row.
    # Within a range of newest articles (sized to hold about the window), each match is scored while its row is
    # read for the GIN bitmap (rank_tsv is in the row): a second visit of the window's rows by primary key, to
    # score them, cost as much again. Over the whole store with a window, the matches may be many more than the
    # window (the planner underestimates words that come together, as a name's): then the pks first, and only
    # the window's rows are read again and scored.
    range_sql, range_params = in_range
    score_first = bool(range_sql) or depth is None
    score = f"ts_rank('{WEIGHTS}', a.rank_tsv, ({expr}), 1)"
    matches = (f"SELECT a.pk{', ' + score + ' AS score' if score_first else ''} FROM articles a"
               f" WHERE a.current AND a.tsv @@ ({expr}){where}{range_sql}")
    params: list[Any] = [*qparams, *(qparams if score_first else []), *qparams, *fparams, *range_params]
    window_sql = ""
    if depth is not None:
        window_sql = " ORDER BY m.pk DESC LIMIT %s"
        params.append(depth)
    if score_first:
        scored = f" w AS MATERIALIZED (SELECT m.pk, m.score FROM m{window_sql}),"
    else:
        scored = (f" w0 AS MATERIALIZED (SELECT m.pk FROM m{window_sql}), w AS MATERIALIZED (SELECT a.pk,"
                  f" {score} AS score FROM w0 JOIN articles a ON a.pk = w0.pk),")
        params += qparams
    sql = (f"WITH q AS (SELECT {expr} AS q), m AS MATERIALIZED ({matches}),{scored}"
           " top AS (SELECT w.pk, w.score FROM w ORDER BY w.score DESC, w.pk LIMIT %s OFFSET %s)"
           f" SELECT a.id, a.title, a.published, ts_headline('english', a.text, q.q, '{HEADLINE}'), top.score,"
           " (SELECT count(*) FROM w) FROM top JOIN articles a ON a.pk = top.pk, q ORDER BY top.score DESC, top.pk")
    # Room for an exact bitmap of every match: a lossy one (work_mem's default 4 MB holds ~10^5 pages) makes the
    # scan re-test the tsvector of every row on its pages, matching or not (seconds at 4*10^5 articles).
    conn.execute(f"SET LOCAL work_mem = '{BITMAP_MEMORY}'")
    if range_sql:  # the pk range must come as a bitmap too, not as a walk testing each row's tsvector
        conn.execute("SET LOCAL enable_indexscan = off")
    rows = conn.execute(sql, [*params, limit, offset]).fetchall()
    if range_sql:
        conn.execute("SET LOCAL enable_indexscan = on")
    hits = [SearchHit(r[0], r[1], r[2], r[3] or "", float(r[4])) for r in rows]
    return hits, int(rows[0][5]) if rows else 0
