"""Full-text search in the PostgreSQL store: a weighted tsvector (title A, text B) under a GIN index.

The query syntax is the SQLite store's: any user string is read as whitespace-separated chunks, each a phrase
(``phraseto_tsquery``: operators, quotes and ``NEAR(`` are plain words), all of which must occur; chunks without a
word character are dropped. ``raw=True`` hands the string to ``to_tsquery``, PostgreSQL's own syntax. Filters and
the newest-matches window mean what they mean in the SQLite store (``storage.base``); ranking is ``ts_rank`` with
the title weighted 5x the text, as the SQLite store weights bm25's columns.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from ..base import MATCH_CLOSE, MATCH_OPEN, SearchFilters, SearchHit
from ..dates import SQL_FUNCTION
from ..syntax import Term, parse
from ..words import TOP, key

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


def filter_sql(filters: Optional[SearchFilters], col: str = "a") -> tuple[str, list[Any]]:
    """SQL conditions on the ``articles`` row ``col`` for :class:`SearchFilters`, and their parameters."""
    if filters is None:
        return "", []
    where: list[str] = []
    params: list[Any] = []
    published = f"{col}.published"
    if filters.since or filters.until:
        where.append(DATED.format(col=published))
    if filters.since:  # in UTC (storage.dates; the function is made by the schema)
        where.append(f"left({SQL_FUNCTION}({published}), length(%s)) >= %s")
        params += [filters.since, filters.since]
    if filters.until:
        where.append(f"left({SQL_FUNCTION}({published}), length(%s)) <= %s")
        params += [filters.until, filters.until]
    if filters.source:
        where.append(f"lower({col}.source) = lower(%s)")
        params.append(filters.source)
    if filters.story:
        where.append(f"coalesce({col}.story, {col}.id) = %s")
        params.append(filters.story)
    if filters.entity:
        condition, values = entity_filter(key(filters.entity), col)
        where.append(condition)
        params += values
    if filters.speaker:
        condition, values = speaker_filter(key(filters.speaker) or "", col)
        if filters.speaker_ids:
            linked, ids = linked_speaker_filter(filters.speaker_ids, col)
            condition, values = f"({condition} OR {linked})", values + ids
        where.append(condition)
        params += values
    elif filters.speaker_ids:
        condition, values = linked_speaker_filter(filters.speaker_ids, col)
        where.append(condition)
        params += values
    return "".join(" AND " + w for w in where), params


def entity_filter(name_key: str, col: str) -> tuple[str, list[Any]]:
    """The article names an entity with a word starting ``name_key`` (else, when no stored name has such a word,
    containing it), or one linked to the same global entity as an entity of exactly that name."""
    linked = ("SELECT 1 FROM entities e WHERE e.article = {col}.id AND e.revision = {col}.revision"
              " AND e.global_id IN (SELECT x.global_id FROM entities x WHERE x.name_key = %s"
              " AND x.global_id IS NOT NULL AND x.global_id != '')").format(col=col)
    by_word = f"{col}.pk IN (SELECT t.pk FROM entity_terms t WHERE t.term >= %s AND t.term < %s)"
    has_word = "EXISTS (SELECT 1 FROM entity_terms WHERE term >= %s AND term < %s)"
    inside = (f"EXISTS (SELECT 1 FROM entities e WHERE e.article = {col}.id AND e.revision = {col}.revision"
              " AND strpos(e.name_key, %s) > 0)")
    condition = (f"(CASE WHEN {has_word} THEN {by_word} ELSE {inside} END OR EXISTS ({linked}))")
    return condition, [name_key, name_key + TOP, name_key, name_key + TOP, name_key, name_key]


def speaker_filter(speaker_key: str, col: str) -> tuple[str, list[Any]]:
    """The article quotes a speaker whose name has a word starting with ``speaker_key`` (else, when no indexed
    speaker has one, whose name contains it), as :meth:`Store.quotes` matches."""
    words = "SELECT 1 FROM quote_terms WHERE term >= %s AND term < %s"
    by_word = ("EXISTS (SELECT 1 FROM quotes q JOIN quote_terms t ON t.quote = q.pk WHERE q.article = {col}.id"
               " AND q.revision = {col}.revision AND t.term >= %s AND t.term < %s)").format(col=col)
    inside = ("EXISTS (SELECT 1 FROM quotes q WHERE q.article = {col}.id AND q.revision = {col}.revision"
              " AND strpos(q.speaker_key, %s) > 0)").format(col=col)
    return (f"(CASE WHEN EXISTS ({words}) THEN {by_word} ELSE {inside} END)",
            [speaker_key, speaker_key + TOP, speaker_key, speaker_key + TOP, speaker_key])


def linked_speaker_filter(speaker_ids: tuple[str, ...], col: str) -> tuple[str, list[Any]]:
    """The article quotes a speaker linked to one of the global ids ``speaker_ids`` (whatever name it has there)."""
    return ("EXISTS (SELECT 1 FROM quotes q JOIN entities s ON s.article = q.article AND s.revision = q.revision"
            " AND s.local_id = q.speaker_entity WHERE q.article = {col}.id AND q.revision = {col}.revision"
            " AND s.global_id = ANY(%s))").format(col=col), [list(speaker_ids)]


def count(conn, query: str, raw: bool, filters: Optional[SearchFilters]) -> int:
    """Every current match passing the filters (no window, no ranking)."""
    if raw:
        expr, qparams = "to_tsquery('english', %s)", [query]
    else:
        expr, qparams = user_query(query)
        if not expr:
            return 0
    where, fparams = filter_sql(filters)
    sql = f"WITH q AS (SELECT {expr} AS q) SELECT count(*) FROM articles a, q WHERE a.current AND a.tsv @@ q.q{where}"
    return int(conn.execute(sql, [*qparams, *fparams]).fetchone()[0])


def search(conn, query: str, raw: bool, limit: int, offset: int, filters: Optional[SearchFilters],
           window: Optional[int]) -> list[SearchHit]:
    """The ranked hits (see :meth:`newsgraph.storage.base.Store.search`); raises psycopg errors."""
    if raw:
        expr, qparams = "to_tsquery('english', %s)", [query]
    else:
        expr, qparams = user_query(query)
        if not expr:
            return []
    where, fparams = filter_sql(filters)
    # MATERIALIZED: the matches come from the GIN index as one bitmap. Left to itself the planner walks the primary
    # key backwards for "ORDER BY pk DESC LIMIT window", reading and testing every article's tsvector (200+ ms at
    # 2*10^4 articles for a rare word); tsvectors are then read only for the window's rows, to rank them.
    matches = f"SELECT a.pk FROM articles a, q WHERE a.current AND a.tsv @@ q.q{where}"
    params: list[Any] = [*qparams, *fparams]
    window_sql = ""
    if window is not None:
        window_sql = " ORDER BY m.pk DESC LIMIT %s"
        params.append(max(window, limit + offset))
    sql = (f"WITH q AS (SELECT {expr} AS q), m AS MATERIALIZED ({matches}),"
           f" w AS (SELECT m.pk FROM m{window_sql}),"
           f" top AS (SELECT a.pk, ts_rank('{WEIGHTS}', a.tsv, q.q, 1) AS score FROM w JOIN articles a ON a.pk = w.pk,"
           " q ORDER BY score DESC, a.pk LIMIT %s OFFSET %s)"
           f" SELECT a.id, a.title, a.published, ts_headline('english', a.text, q.q, '{HEADLINE}'), top.score"
           " FROM top JOIN articles a ON a.pk = top.pk, q ORDER BY top.score DESC, top.pk")
    rows = conn.execute(sql, [*params, limit, offset]).fetchall()
    return [SearchHit(r[0], r[1], r[2], r[3] or "", float(r[4])) for r in rows]
