"""The SQLite store's SQL for entity pages and timelines; the Python around it is shared with the PostgreSQL store
(:mod:`newsgraph.storage.entity_views`)."""
from __future__ import annotations

from typing import Any, Sequence

from .engine import sqlite3
from ..base import ArticleFacets
from ..entity_views import EntityViewsBase, ViewsSQL
from .entities import ensure_entity_schema

_SEL = ("SELECT e.pk, e.article, e.revision, e.local_id, e.name, e.type, e.roles, a.published, a.duplicate_of"
        " FROM entities e JOIN articles a ON a.id = e.article AND a.revision = e.revision AND a.current = 1"
        " WHERE {where}")
_NEWEST = " ORDER BY a.published IS NULL, a.published DESC, a.pk, q.pos"
_ABOUT = ("SELECT q.pk AS quote, e.pk AS ent FROM entities e JOIN quotes q ON q.article = e.article"
          " AND q.revision = e.revision JOIN about b ON b.quote = q.pk AND b.entity = e.local_id")
_SPOKEN = ("SELECT q.pk AS quote, e.pk AS ent FROM entities se JOIN quotes q ON q.article = se.article"
           " AND q.revision = se.revision AND q.speaker_entity = se.local_id JOIN about b ON b.quote = q.pk"
           " JOIN entities e ON e.article = q.article AND e.revision = q.revision AND e.local_id = b.entity")
_STATS = "SELECT value, sum(n) FROM entity_stats WHERE ekey = ? AND facet = ? AND is_copy <= ? GROUP BY value"

SQL = ViewsSQL(
    param="?",
    # Candidates by index (the name's linked rows, the registry's id or canonical name), counted from the kept
    # counts: a person in 50,000 articles is not counted row by row.
    resolve_exact=(
        "SELECT c.gid, coalesce(g.name, (SELECT max(value) FROM entity_stats WHERE ekey = 'g:' || c.gid"
        "   AND facet = 'alias' AND n > 0)) AS name,"
        " (SELECT coalesce(sum(n), 0) FROM entity_stats WHERE ekey = 'g:' || c.gid AND facet = 'articles') AS n"
        " FROM (SELECT global_id AS gid FROM entities WHERE name_key = ? AND global_id IS NOT NULL"
        "   UNION SELECT id FROM global_entities WHERE id = ? OR lower(name) = ?) c"
        " LEFT JOIN global_entities g ON g.id = c.gid WHERE n > 0 ORDER BY n DESC, g.seq LIMIT ?"),
    resolve_unlinked=("SELECT max(CASE WHEN facet = 'alias' THEN value END),"
                      " coalesce(sum(CASE WHEN facet = 'articles' THEN n END), 0) FROM entity_stats"
                      " WHERE ekey = ? AND facet IN ('articles', 'alias') AND n > 0"),
    resolve_substring=(
        "SELECT e.global_id, coalesce(g.name, max(e.name)), count(DISTINCT e.article) FROM entities e"
        " LEFT JOIN global_entities g ON g.id = e.global_id WHERE instr(e.name_key, ?) > 0"
        " GROUP BY coalesce(e.global_id, e.name_key) ORDER BY 3 DESC LIMIT ?"),
    rows=("SELECT s.article, s.published, s.name, s.type, s.roles, s.duplicate_of,"
          " (SELECT count(*) FROM mentions m WHERE m.entity = s.pk) FROM (" + _SEL + ") s"),
    # Driven from the batch's articles (a few), the entity tested per quote: never from the entity's every row.
    quotes_by=("SELECT q.speaker_name, a.id, a.title, a.published, q.record FROM articles a JOIN quotes q"
               " ON q.article = a.id AND q.revision = a.revision WHERE EXISTS (SELECT 1"
               " FROM entities e WHERE e.article = q.article AND e.revision = q.revision"
               " AND e.local_id = q.speaker_entity AND {where}) AND {batch}{copies}" + _NEWEST + " LIMIT ?"),
    article_order=("SELECT a.pk FROM entities e JOIN articles a ON a.id = e.article AND a.revision = e.revision"
                   " AND a.current = 1 WHERE {where}{copies} GROUP BY a.pk"
                   " ORDER BY a.published IS NULL, a.published DESC, a.pk"),
    article_span="SELECT max(pk) FROM articles",
    # The newest articles naming the entity, walked through the date index (keyset: after the last batch).
    walk_dated=("SELECT a.pk, a.published FROM articles a WHERE a.current = 1 AND a.published <= ?"
                " AND (a.published < ? OR a.pk < ?){copies} AND EXISTS (SELECT 1 FROM entities e"
                " WHERE e.article = a.id AND e.revision = a.revision AND {where})"
                " ORDER BY a.published DESC, a.pk DESC LIMIT ?"),
    walk_ties=("SELECT a.pk, a.published FROM articles a WHERE a.current = 1 AND a.published = ? AND a.pk < ?"
               "{copies}"
               " AND EXISTS (SELECT 1 FROM entities e WHERE e.article = a.id AND e.revision = a.revision"
               " AND {where})"),
    walk_undated=("SELECT a.pk, a.published FROM articles a WHERE a.current = 1 AND a.published IS NULL AND a.pk > ?"
                  "{copies} AND EXISTS (SELECT 1 FROM entities e WHERE e.article = a.id AND e.revision = a.revision"
                  " AND {where}) ORDER BY a.pk LIMIT ?"),
    quotes_about=("SELECT q.speaker_name, a.id, a.title, a.published, q.record FROM articles a JOIN quotes q"
                  " ON q.article = a.id AND q.revision = a.revision WHERE EXISTS (SELECT 1"
                  " FROM about b JOIN entities e ON e.article = q.article AND e.revision = q.revision"
                  " AND e.local_id = b.entity WHERE b.quote = q.pk AND {where}) AND {batch}{copies}"
                  + _NEWEST + " LIMIT ?"),
    per_article=("SELECT s.published, (SELECT count(*) FROM mentions m WHERE m.entity = s.pk),"
                 " (SELECT count(*) FROM quotes q WHERE q.article = s.article AND q.revision = s.revision"
                 "  AND q.speaker_entity = s.local_id) FROM (" + _SEL + ") s WHERE 1 = 1{copies}"),
    edges=("WITH pairs AS ({pairs}) SELECT coalesce(q.speaker_name, '(unknown)'), coalesce(g.name, max(e.name)),"
           " e.global_id, count(*) AS n FROM pairs p JOIN quotes q ON q.pk = p.quote"
           " JOIN entities e ON e.pk = p.ent JOIN articles a ON a.id = q.article AND a.revision = q.revision"
           " LEFT JOIN global_entities g ON g.id = e.global_id WHERE {where}"
           " GROUP BY 1, coalesce(e.global_id, e.name_key) ORDER BY n DESC, 1, 2 LIMIT ?"),
    edge_pairs_all=_ABOUT,
    edge_pairs_ref=_ABOUT + " WHERE {about} UNION " + _SPOKEN + " WHERE {spoke}",
    facet_heads=("SELECT f.id, f.revision, f.published, f.source FROM articles a JOIN search_facets f"
                 " ON f.pk = a.pk WHERE a.current = 1 AND {ids}"),
    # Every revision's rows of the ids: ArticleFacets.gather keeps those of the current revision the heads name, so
    # the join to articles (an index seek per article, a third of this read) is left out.
    facet_names="SELECT e.article, e.revision, e.name, e.type FROM entities e WHERE {ids} ORDER BY e.pk",
    stats_head=("SELECT facet, value, is_copy, n FROM entity_stats WHERE ekey = ?"
                " AND facet IN ('articles', 'alias', 'role', 'type', 'month')"),
    stats_facet=_STATS + " HAVING sum(n) > 0",
    stats_top=_STATS + " HAVING sum(n) > 0 ORDER BY 2 DESC, 1 LIMIT ?",
    stats_cut=("WITH t AS (" + _STATS.replace("sum(n)", "sum(n) AS n", 1) + " HAVING sum(n) > 0)"
               " SELECT value, n FROM t WHERE n >= coalesce((SELECT n FROM t ORDER BY n DESC LIMIT 1 OFFSET ?), 0)"),
    # Without copies a value has one row (is_copy 0): no sum, so no grouping and no temporary table of every row;
    # the limit-th largest count and the rows at or above it are read from the entity_stats_top index (own rows by
    # count), so a person with 40,000 co-occurring entities costs the few dozen index entries of the top.
    stats_cut_own=("SELECT value, n FROM entity_stats WHERE ekey = ? AND facet = ? AND is_copy = 0 AND n > 0"
                   " AND n >= coalesce((SELECT n FROM entity_stats WHERE ekey = ? AND facet = ? AND is_copy = 0"
                   " AND n > 0 ORDER BY n DESC LIMIT 1 OFFSET ?), 0)"),
    stats_top_own=("SELECT value, n FROM entity_stats WHERE ekey = ? AND facet = ? AND is_copy = 0 AND n > 0"
                   " ORDER BY n DESC, value LIMIT ?"),
    alias_names="SELECT ekey, value FROM entity_stats WHERE facet = 'alias' AND n > 0 AND {ids}",
    global_names="SELECT id, name FROM global_entities WHERE {ids}",
)


class SQLiteEntityViews(EntityViewsBase):
    sql = SQL

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn
        ensure_entity_schema(conn)

    def _all(self, sql: str, params: Sequence[Any]) -> list:
        return self._conn.execute(sql, list(params)).fetchall()

    def _in(self, column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
        return f"{column} IN ({','.join('?' * len(values))})", list(values)

    def facets_of_heads(self, heads: Sequence[Sequence[Any]]) -> list[ArticleFacets]:
        """``article_facets`` of current revisions whose (id, revision, published, source) the caller has read
        already (from ``search_facets``), in their order."""
        if not heads:
            return []
        names_in, names_params = self._in("e.article", list(dict.fromkeys(h[0] for h in heads)))
        return ArticleFacets.gather(heads, self._all(self.sql.facet_names.format(ids=names_in), names_params))
