"""Read-side SQL over entities for the entity page and timelines (``storage.base.EntityViews``; ``newsgraph.query``
shapes the results).

An entity is *selected* by its global id (every linked per-article entity) or, for a store whose articles were
never linked, by its exact case-insensitive name. Only current revisions count; quotes from copies
(``duplicate_of`` set) count only with ``include_copies``.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any, Optional, Sequence

from ..base import (ArticleFacets, ArticleMentions, EntityCount, EntityOccurrence, EntityRef, QuoteEdge,
                    QuoteHit, SpeakerCount)
from .entities import ensure_entity_schema


def _where(ref: EntityRef, alias: str = "e") -> tuple[str, list[Any]]:
    """The condition selecting one entity's rows: its global id when linked, else its exact name key."""
    if ref.global_id:
        return f"{alias}.global_id = ?", [ref.global_id]
    return f"{alias}.name_key = ?", [ref.name_key]


_SEL = ("SELECT e.pk, e.article, e.revision, e.local_id, e.name, e.type, e.roles, a.published, a.duplicate_of"
        " FROM entities e JOIN articles a ON a.id = e.article AND a.revision = e.revision AND a.current = 1"
        " WHERE {where}")


class SQLiteEntityViews:
    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn
        ensure_entity_schema(conn)

    def resolve(self, name: str, limit: int = 5) -> list[EntityCount]:
        """Entities a user may mean by ``name``, most named first.

        Exact matches (global id, canonical name, any per-article name) come first; substrings only when none.
        """
        key = name.casefold().strip()
        exact = self._conn.execute(
            "SELECT e.global_id, coalesce(g.name, max(e.name)), count(DISTINCT e.article) FROM entities e"
            " LEFT JOIN global_entities g ON g.id = e.global_id"
            " WHERE e.global_id IN (SELECT global_id FROM entities WHERE name_key = ?"
            "   UNION SELECT id FROM global_entities WHERE id = ? OR lower(name) = ?)"
            " GROUP BY e.global_id ORDER BY 3 DESC LIMIT ?", (key, name.strip(), key, limit)).fetchall()
        # Never-linked rows of exactly that name (an unlinked store has only these): one index range, so an exact
        # name never falls through to the substring scan below.
        unlinked = self._conn.execute(
            "SELECT max(name), count(DISTINCT article) FROM entities WHERE name_key = ?"
            " AND (global_id IS NULL OR global_id = '')", (key,)).fetchone()
        if unlinked and unlinked[1]:
            exact = sorted([*exact, (None, unlinked[0], unlinked[1])], key=lambda r: -int(r[2]))[:limit]
        if exact:
            return [EntityCount(r[0], r[1], int(r[2])) for r in exact]
        rows = self._conn.execute(
            "SELECT e.global_id, coalesce(g.name, max(e.name)), count(DISTINCT e.article) FROM entities e"
            " LEFT JOIN global_entities g ON g.id = e.global_id WHERE instr(e.name_key, ?) > 0"
            " GROUP BY coalesce(e.global_id, e.name_key) ORDER BY 3 DESC LIMIT ?", (key, limit)).fetchall()
        return [EntityCount(r[0], r[1], int(r[2])) for r in rows]

    def rows(self, ref: EntityRef) -> list[EntityOccurrence]:
        """Every current per-article occurrence: article, published, name, type, roles, mention count."""
        where, params = _where(ref)
        sql = ("SELECT s.article, s.published, s.name, s.type, s.roles, s.duplicate_of,"
               " (SELECT count(*) FROM mentions m WHERE m.entity = s.pk) FROM (" + _SEL.format(where=where) + ") s")
        return [EntityOccurrence(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), r[5], int(r[6]))
                for r in self._conn.execute(sql, params)]

    def cooccurring(self, ref: EntityRef, limit: int = 10) -> list[EntityCount]:
        """Other entities named in the same articles, most articles together first."""
        where, params = _where(ref)
        sql = ("SELECT o.global_id, coalesce(g.name, max(o.name)), count(DISTINCT o.article) AS n"
               " FROM (" + _SEL.format(where=where) + ") s JOIN entities o"
               " ON o.article = s.article AND o.revision = s.revision AND o.pk != s.pk"
               " LEFT JOIN global_entities g ON g.id = o.global_id"
               " WHERE coalesce(o.global_id, '') != coalesce(?, '-')"
               " GROUP BY coalesce(o.global_id, o.name_key) ORDER BY n DESC, 2 LIMIT ?")
        rows = self._conn.execute(sql, [*params, ref.global_id, limit]).fetchall()
        return [EntityCount(r[0], r[1], int(r[2])) for r in rows]

    def quotes_by(self, ref: EntityRef, include_copies: bool = False, limit: int = 20) -> list[QuoteHit]:
        """Quotes the entity speaks, newest article first."""
        where, params = _where(ref)
        sql = ("SELECT q.speaker_name, a.id, a.title, a.published, q.record"
               " FROM (" + _SEL.format(where=where) + ") s JOIN quotes q"
               " ON q.article = s.article AND q.revision = s.revision AND q.speaker_entity = s.local_id"
               " JOIN articles a ON a.id = q.article AND a.revision = q.revision"
               + ("" if include_copies else " WHERE a.duplicate_of IS NULL")
               + " ORDER BY a.published IS NULL, a.published DESC, a.pk, q.pos LIMIT ?")
        return [QuoteHit(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in self._conn.execute(sql, [*params, limit])]

    def quotes_about(self, ref: EntityRef, include_copies: bool = False, limit: int = 20) -> list[QuoteHit]:
        """Quotes about the entity, newest article first: from its own rows by index, not a scan of all quotes."""
        where, params = _where(ref)
        sql = ("SELECT q.speaker_name, a.id, a.title, a.published, q.record"
               " FROM (" + _SEL.format(where=where) + ") s JOIN quotes q"
               " ON q.article = s.article AND q.revision = s.revision"
               " JOIN about b ON b.quote = q.pk AND b.entity = s.local_id"
               " JOIN articles a ON a.id = q.article AND a.revision = q.revision WHERE a.pk IN ({batch})"
               + ("" if include_copies else " AND a.duplicate_of IS NULL")
               + " GROUP BY q.pk ORDER BY a.published IS NULL, a.published DESC, a.pk, q.pos LIMIT ?")
        return self._newest_first(ref, include_copies, limit, sql, params)

    def _newest_first(self, ref: EntityRef, include_copies: bool, limit: int, sql: str,
                      params: list[Any]) -> list[QuoteHit]:
        """Run ``sql`` (ordered newest article first) over the entity's articles a batch at a time, newest batch
        first, until ``limit`` quotes are found. The order is article-major, so batches concatenate to exactly the
        one query's result, and a person in thousands of articles costs the few newest of them, not all (the
        article order itself comes from covering indexes only)."""
        where, where_params = _where(ref)
        order = [r[0] for r in self._conn.execute(
            "SELECT a.pk FROM entities e JOIN articles a ON a.id = e.article AND a.revision = e.revision"
            f" AND a.current = 1 WHERE {where}" + ("" if include_copies else " AND a.duplicate_of IS NULL")
            + " GROUP BY a.pk ORDER BY a.published IS NULL, a.published DESC, a.pk", where_params)]
        found: list[QuoteHit] = []
        start, size = 0, 16
        while start < len(order) and len(found) < limit:
            batch = order[start:start + size]
            rows = self._conn.execute(sql.format(batch=",".join("?" * len(batch))),
                                      [*params, *batch, limit - len(found)])
            found += [QuoteHit(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]
            start, size = start + size, min(size * 4, 512)
        return found

    def quoted_by(self, ref: EntityRef, include_copies: bool = False, limit: int = 10) -> list[SpeakerCount]:
        """Who speaks about the entity, most quotes first; unresolved speakers included."""
        where, params = _where(ref)
        sql = ("SELECT coalesce(q.speaker_name, '(unknown)'), count(*) AS n"
               " FROM (" + _SEL.format(where=where) + ") s JOIN quotes q"
               " ON q.article = s.article AND q.revision = s.revision"
               " JOIN about b ON b.quote = q.pk AND b.entity = s.local_id"
               + ("" if include_copies else " WHERE s.duplicate_of IS NULL")
               + " GROUP BY 1 ORDER BY n DESC, 1 LIMIT ?")
        return [SpeakerCount(r[0], int(r[1])) for r in self._conn.execute(sql, [*params, limit])]

    def per_article(self, ref: EntityRef, include_copies: bool = False) -> list[ArticleMentions]:
        """Mentions and quotes by the entity per current article naming it, for timelines."""
        where, params = _where(ref)
        sql = ("SELECT s.published, (SELECT count(*) FROM mentions m WHERE m.entity = s.pk),"
               " (SELECT count(*) FROM quotes q WHERE q.article = s.article AND q.revision = s.revision"
               "  AND q.speaker_entity = s.local_id)"
               " FROM (" + _SEL.format(where=where) + ") s"
               + ("" if include_copies else " WHERE s.duplicate_of IS NULL"))
        return [ArticleMentions(r[0], int(r[1]), int(r[2])) for r in self._conn.execute(sql, params)]

    def edges(self, ref: Optional[EntityRef] = None, articles: Optional[Sequence[str]] = None,
              include_copies: bool = False, limit: int = 50) -> list[QuoteEdge]:
        """Speaker -> spoken-about entity pairs, most quotes first (one row per quote and entity it is about).

        With ``ref`` the (quote, entity) pairs are found from the entity's own rows by index, once as the one spoken
        about and once as the speaker, and united (a quote by them about themselves counts once)."""
        where, params = ["a.current = 1"], []
        if not include_copies:
            where.append("a.duplicate_of IS NULL")
        if articles is not None:
            if not articles:
                return []
            where.append(f"a.id IN ({','.join('?' * len(articles))})")
            params += list(articles)
        pairs, pair_params = _edge_pairs(ref)
        sql = (f"WITH pairs AS ({pairs}) SELECT coalesce(q.speaker_name, '(unknown)'), coalesce(g.name, max(e.name)),"
               " e.global_id, count(*) AS n FROM pairs p JOIN quotes q ON q.pk = p.quote"
               " JOIN entities e ON e.pk = p.ent JOIN articles a ON a.id = q.article AND a.revision = q.revision"
               " LEFT JOIN global_entities g ON g.id = e.global_id WHERE " + " AND ".join(where)
               + " GROUP BY 1, coalesce(e.global_id, e.name_key) ORDER BY n DESC, 1, 2 LIMIT ?")
        rows = self._conn.execute(sql, [*pair_params, *params, limit]).fetchall()
        return [QuoteEdge(r[0], r[1], r[2], int(r[3])) for r in rows]

    def article_facets(self, articles: Sequence[str]) -> list[ArticleFacets]:
        """Facet values of current revisions from ``search_facets`` and the entity rows: no record is parsed."""
        ids = list(dict.fromkeys(articles))
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        heads = self._conn.execute(
            "SELECT f.id, f.revision, f.published, f.source FROM articles a JOIN search_facets f ON f.pk = a.pk"
            f" WHERE a.current = 1 AND a.id IN ({marks})", ids).fetchall()
        names = self._conn.execute(
            "SELECT e.article, e.revision, e.name, e.type FROM entities e JOIN articles a ON a.id = e.article"
            f" AND a.revision = e.revision AND a.current = 1 WHERE e.article IN ({marks}) ORDER BY e.pk", ids)
        return ArticleFacets.gather(heads, names)


_ABOUT = ("SELECT q.pk AS quote, e.pk AS ent FROM {src} JOIN quotes q ON q.article = e.article"
          " AND q.revision = e.revision JOIN about b ON b.quote = q.pk AND b.entity = e.local_id")
_SPOKEN = ("SELECT q.pk AS quote, e.pk AS ent FROM entities se JOIN quotes q ON q.article = se.article"
           " AND q.revision = se.revision AND q.speaker_entity = se.local_id JOIN about b ON b.quote = q.pk"
           " JOIN entities e ON e.article = q.article AND e.revision = q.revision AND e.local_id = b.entity")


def _edge_pairs(ref: Optional[EntityRef]) -> tuple[str, list[Any]]:
    """SQL for the (quote pk, spoken-about entity pk) pairs that involve ``ref`` (all pairs when None)."""
    if ref is None:
        return _ABOUT.format(src="entities e"), []
    about, about_params = _where(ref, "e")
    spoke, spoke_params = _where(ref, "se")
    return (f"{_ABOUT.format(src='entities e')} WHERE {about} UNION {_SPOKEN} WHERE {spoke}",
            about_params + spoke_params)
