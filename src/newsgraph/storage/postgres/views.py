"""Read-side SQL over entities for entity pages and timelines (``storage.base.EntityViews``), as in the SQLite
store; ties are broken by storage order so that results do not depend on the plan PostgreSQL picks."""
from __future__ import annotations

import json
from typing import Any, Optional, Sequence

import psycopg

from ..base import (ArticleFacets, ArticleMentions, EntityCount, EntityOccurrence, EntityRef, QuoteEdge,
                    QuoteHit, SpeakerCount)


def _where(ref: EntityRef, alias: str = "e") -> tuple[str, list[Any]]:
    if ref.global_id:
        return f"{alias}.global_id = %s", [ref.global_id]
    return f"{alias}.name_key = %s", [ref.name_key]


_SEL = ("SELECT e.pk, e.article, e.revision, e.local_id, e.name, e.type, e.roles, a.published, a.duplicate_of,"
        " a.pk AS apk FROM entities e JOIN articles a ON a.id = e.article AND a.revision = e.revision AND a.current"
        " WHERE {where}")
_NEWEST = "ORDER BY a.published IS NULL, a.published DESC, a.pk, q.pos"


class PostgresEntityViews:
    def __init__(self, conn: psycopg.Connection):
        self._conn = conn

    def _all(self, sql: str, params) -> list:
        return self._conn.execute(sql, params).fetchall()

    def resolve(self, name: str, limit: int = 5) -> list[EntityCount]:
        key = name.casefold().strip()
        exact = self._all(
            "SELECT e.global_id, coalesce(max(g.name), max(e.name)), count(DISTINCT e.article) FROM entities e"
            " LEFT JOIN global_entities g ON g.id = e.global_id"
            " WHERE e.global_id IN (SELECT global_id FROM entities WHERE name_key = %s"
            "   UNION SELECT id FROM global_entities WHERE id = %s OR lower(name) = %s)"
            " GROUP BY e.global_id ORDER BY 3 DESC, min(e.pk) LIMIT %s", (key, name.strip(), key, limit))
        # Never-linked rows of exactly that name: an exact name never falls through to the substring scan.
        unlinked = self._all("SELECT max(name), count(DISTINCT article) FROM entities WHERE name_key = %s"
                             " AND (global_id IS NULL OR global_id = '')", (key,))
        if unlinked and unlinked[0][1]:
            exact = sorted([*exact, (None, unlinked[0][0], unlinked[0][1])], key=lambda r: -int(r[2]))[:limit]
        if exact:
            return [EntityCount(r[0], r[1], int(r[2])) for r in exact]
        rows = self._all(
            "SELECT max(e.global_id), coalesce(max(g.name), max(e.name)), count(DISTINCT e.article) FROM entities e"
            " LEFT JOIN global_entities g ON g.id = e.global_id WHERE strpos(e.name_key, %s) > 0"
            " GROUP BY coalesce(e.global_id, e.name_key) ORDER BY 3 DESC, min(e.pk) LIMIT %s", (key, limit))
        return [EntityCount(r[0], r[1], int(r[2])) for r in rows]

    def rows(self, ref: EntityRef) -> list[EntityOccurrence]:
        where, params = _where(ref)
        sql = ("SELECT s.article, s.published, s.name, s.type, s.roles, s.duplicate_of,"
               " (SELECT count(*) FROM mentions m WHERE m.entity = s.pk) FROM (" + _SEL.format(where=where) + ") s"
               " ORDER BY s.pk")
        return [EntityOccurrence(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), r[5], int(r[6]))
                for r in self._all(sql, params)]

    def cooccurring(self, ref: EntityRef, limit: int = 10) -> list[EntityCount]:
        where, params = _where(ref)
        sql = ("SELECT max(o.global_id), coalesce(max(g.name), max(o.name)), count(DISTINCT o.article) AS n"
               " FROM (" + _SEL.format(where=where) + ") s JOIN entities o"
               " ON o.article = s.article AND o.revision = s.revision AND o.pk != s.pk"
               " LEFT JOIN global_entities g ON g.id = o.global_id"
               " WHERE coalesce(o.global_id, '') != coalesce(%s, '-')"
               " GROUP BY coalesce(o.global_id, o.name_key) ORDER BY n DESC, 2 LIMIT %s")
        return [EntityCount(r[0], r[1], int(r[2])) for r in self._all(sql, [*params, ref.global_id, limit])]

    def quotes_by(self, ref: EntityRef, include_copies: bool = False, limit: int = 20) -> list[QuoteHit]:
        where, params = _where(ref)
        sql = ("SELECT q.speaker_name, a.id, a.title, a.published, q.record"
               " FROM (" + _SEL.format(where=where) + ") s JOIN quotes q"
               " ON q.article = s.article AND q.revision = s.revision AND q.speaker_entity = s.local_id"
               " JOIN articles a ON a.id = q.article AND a.revision = q.revision"
               + ("" if include_copies else " WHERE a.duplicate_of IS NULL") + f" {_NEWEST} LIMIT %s")
        return [QuoteHit(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in self._all(sql, [*params, limit])]

    def quotes_about(self, ref: EntityRef, include_copies: bool = False, limit: int = 20) -> list[QuoteHit]:
        where, params = _where(ref)
        sql = ("SELECT q.speaker_name, a.id, a.title, a.published, q.record, a.pk, q.pos"
               " FROM (" + _SEL.format(where=where) + ") s JOIN quotes q"
               " ON q.article = s.article AND q.revision = s.revision"
               " JOIN about b ON b.quote = q.pk AND b.entity = s.local_id"
               " JOIN articles a ON a.id = q.article AND a.revision = q.revision"
               + ("" if include_copies else " WHERE a.duplicate_of IS NULL"))
        sql = (f"SELECT DISTINCT ON (x.apk, x.pos) x.* FROM ({sql.replace('a.pk, q.pos', 'a.pk AS apk, q.pos')}) x")
        sql = (f"SELECT * FROM ({sql}) y ORDER BY y.published IS NULL, y.published DESC, y.apk, y.pos LIMIT %s")
        return [QuoteHit(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in self._all(sql, [*params, limit])]

    def edges(self, ref: Optional[EntityRef] = None, articles: Optional[Sequence[str]] = None,
              include_copies: bool = False, limit: int = 50) -> list[QuoteEdge]:
        where, params = ["a.current"], []
        if not include_copies:
            where.append("a.duplicate_of IS NULL")
        if articles is not None:
            if not articles:
                return []
            where.append("a.id = ANY(%s)")
            params.append(list(articles))
        pairs, pair_params = _edge_pairs(ref)
        sql = (f"WITH pairs AS ({pairs}) SELECT coalesce(q.speaker_name, '(unknown)'),"
               " coalesce(max(g.name), max(e.name)), max(e.global_id), count(*) AS n FROM pairs p"
               " JOIN quotes q ON q.pk = p.quote JOIN entities e ON e.pk = p.ent"
               " JOIN articles a ON a.id = q.article AND a.revision = q.revision"
               " LEFT JOIN global_entities g ON g.id = e.global_id WHERE " + " AND ".join(where)
               + " GROUP BY 1, coalesce(e.global_id, e.name_key) ORDER BY n DESC, 1, 2 LIMIT %s")
        return [QuoteEdge(r[0], r[1], r[2], int(r[3])) for r in self._all(sql, [*pair_params, *params, limit])]

    def quoted_by(self, ref: EntityRef, include_copies: bool = False, limit: int = 10) -> list[SpeakerCount]:
        where, params = _where(ref)
        sql = ("SELECT coalesce(q.speaker_name, '(unknown)'), count(*) AS n"
               " FROM (" + _SEL.format(where=where) + ") s JOIN quotes q"
               " ON q.article = s.article AND q.revision = s.revision"
               " JOIN about b ON b.quote = q.pk AND b.entity = s.local_id"
               + ("" if include_copies else " WHERE s.duplicate_of IS NULL")
               + " GROUP BY 1 ORDER BY n DESC, 1 LIMIT %s")
        return [SpeakerCount(r[0], int(r[1])) for r in self._all(sql, [*params, limit])]

    def per_article(self, ref: EntityRef, include_copies: bool = False) -> list[ArticleMentions]:
        where, params = _where(ref)
        sql = ("SELECT s.published, (SELECT count(*) FROM mentions m WHERE m.entity = s.pk),"
               " (SELECT count(*) FROM quotes q WHERE q.article = s.article AND q.revision = s.revision"
               "  AND q.speaker_entity = s.local_id)"
               " FROM (" + _SEL.format(where=where) + ") s"
               + ("" if include_copies else " WHERE s.duplicate_of IS NULL") + " ORDER BY s.apk, s.pk")
        return [ArticleMentions(r[0], int(r[1]), int(r[2])) for r in self._all(sql, params)]

    def article_facets(self, articles: Sequence[str]) -> list[ArticleFacets]:
        ids = list(dict.fromkeys(articles))
        if not ids:
            return []
        heads = self._all("SELECT id, revision, published, source FROM articles WHERE current AND id = ANY(%s)",
                          (ids,))
        names = self._all(
            "SELECT e.article, e.revision, e.name, e.type FROM entities e JOIN articles a ON a.id = e.article"
            " AND a.revision = e.revision AND a.current WHERE e.article = ANY(%s) ORDER BY e.pk", (ids,))
        return ArticleFacets.gather(heads, names)


_ABOUT = ("SELECT q.pk AS quote, e.pk AS ent FROM entities e JOIN quotes q ON q.article = e.article"
          " AND q.revision = e.revision JOIN about b ON b.quote = q.pk AND b.entity = e.local_id")
_SPOKEN = ("SELECT q.pk AS quote, e.pk AS ent FROM entities se JOIN quotes q ON q.article = se.article"
           " AND q.revision = se.revision AND q.speaker_entity = se.local_id JOIN about b ON b.quote = q.pk"
           " JOIN entities e ON e.article = q.article AND e.revision = q.revision AND e.local_id = b.entity")


def _edge_pairs(ref: Optional[EntityRef]) -> tuple[str, list[Any]]:
    """SQL for the (quote pk, spoken-about entity pk) pairs that involve ``ref`` (all pairs when None)."""
    if ref is None:
        return _ABOUT, []
    about, about_params = _where(ref, "e")
    spoke, spoke_params = _where(ref, "se")
    return f"{_ABOUT} WHERE {about} UNION {_SPOKEN} WHERE {spoke}", about_params + spoke_params
