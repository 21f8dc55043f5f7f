"""The PostgreSQL store: the same contract as the SQLite store, for several writers and readers on one database.

``open_store("postgresql://user@host/db")`` opens it. Each ``put`` is one transaction under the store's write lock
(:mod:`.tx`), together with the dedup row and entity links written for the article just before; unique constraints
(one current revision per id, one dedup row per id, one registry row per global id) back the lock up. The schema is
created and upgraded by :mod:`.schema`. PostgreSQL text cannot hold NUL characters: the searchable copies of an
article's fields have them replaced by U+FFFD (same length), while the stored record keeps them exactly.
"""
from __future__ import annotations

import dataclasses
import json
from typing import Any, Callable, Iterable, Iterator, Optional

import psycopg

from ...errors import ConfigError, StoreError
from ...model import Article
from ...record import from_record, quote_to_dict
from ..base import (SEARCH_WINDOW, PutResult, PutStatus, QuoteHit, SearchFilters, SearchHit, Store, StoryMember,
                    search_failed)
from ..words import TOP, key, terms
from .. import entity_stats as stats
from . import entity_stats, facets, search as pg_search
from .dedup_index import PostgresDedupIndex
from .entities import PostgresEntityRegistry
from .quote_clusters import PostgresQuoteClusters
from .rows import _encode_record, _json, _now, _t
from .schema import FACETS_VERSION, SCHEMA_VERSION, SPANS_VERSION, migrate, version
from .tx import article_tx, in_transaction
from .views import PostgresEntityViews

_PAGE = 256


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    head, sep, tail = url.rpartition("@")
    if not sep:
        return url
    scheme, _, creds = head.partition("://")
    return f"{scheme}://{creds.split(':')[0]}@{tail}"


#: A speaker's quotes are found by walking the articles by date past sqrt(WALK_QUOTES x quotes x wanted) of them
#: (wanted: limit + offset; as the entity page walks past sqrt(100 x articles)): the walk reads about
#: wanted x quotes / n quotes, the join all n.
WALK_QUOTES = 1


class PostgresStore(Store):
    """A :class:`Store` in a PostgreSQL database. Open with :func:`newsgraph.storage.open_store`."""

    def __init__(self, url: str, search_window: Optional[int] = SEARCH_WINDOW, create: bool = True,
                 readonly: bool = False):
        self.url = url
        self.where = _redact(url)
        self.search_window = search_window
        try:
            self._conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {self.where}: {exc}") from exc
        try:
            found = version(self._conn)
            if not create and found == 0:
                raise StoreError(f"no newsgraph store in {self.where} (ingest something first, or pass --db)")
            if readonly:  # a reader never writes, the schema included: a writer upgrades an old store
                if found != SCHEMA_VERSION:
                    raise StoreError(f"{self.where} has store schema {found}, this newsgraph reads"
                                     f" {SCHEMA_VERSION}; open it once for writing (ingest) to upgrade it")
                self._conn.execute("SET default_transaction_read_only = on")
            else:
                migrate(self._conn, self.where)
        except BaseException:
            self._conn.close()
            raise
        # Entity filters as lexemes of the full-text index (schema version 7, .facets); an older schema is met
        # only by a store that a test keeps at an old version to see it upgrade.
        found = version(self._conn)
        self.facet_index = found >= FACETS_VERSION
        self.span_index = found >= SPANS_VERSION  # the pk's spans and dates in the GIN index (.spans)
        self._dedup = PostgresDedupIndex(self._conn, self.where)
        self._clusters = PostgresQuoteClusters(self._conn, self.where)

    def __repr__(self) -> str:
        return f"PostgresStore({self.where!r})"

    def size_bytes(self) -> int:
        """The database's size on the server's disk (tables, indexes, TOAST)."""
        return int(self._all("SELECT pg_database_size(current_database())")[0][0])

    def _all(self, sql: str, params=()) -> list:
        return self._conn.execute(sql, params).fetchall()

    # -- writing -------------------------------------------------------------------------------------------------

    def put(self, article: Article) -> PutResult:
        with article_tx(self._conn, f"to {self.where}"):
            return self._put_checked(article)

    def put_many(self, articles: Iterable[Article]) -> list[PutResult]:
        """Store articles in order in ONE transaction (all or nothing), with :meth:`put`'s rules."""
        with article_tx(self._conn, f"to {self.where}"):
            return [self._put_checked(a) for a in articles]

    def _put_checked(self, article: Article) -> PutResult:
        try:
            return self._put(article)
        except psycopg.Error as exc:
            raise StoreError(f"storing article {article.id!r} failed: {exc}") from exc

    def _put(self, article: Article) -> PutResult:
        old = self._all("SELECT pk, revision, content_hash, duplicate_of, story FROM articles"
                        " WHERE id = %s AND current", (article.id,))
        old = old[0] if old else None
        if old is not None and old[2] == article.content_hash:
            return PutResult(PutStatus.SKIPPED, article.id, old[1], old[3], old[4])
        duplicate_of, story = self._duplicate_target(article)
        stored = dataclasses.replace(article, duplicate_of=duplicate_of, story=story)
        record = _encode_record(stored)
        revision = 1
        if old is not None:
            self._retire(old[0])
            revision = old[1] + 1
        pk = self._insert_article(stored, revision, record)
        self._conn.execute("INSERT INTO entity_terms (term, pk) SELECT DISTINCT t, %s FROM unnest(%s::text[]) AS t"
                           " ON CONFLICT DO NOTHING",
                           (pk, [_t(t) for e in stored.entities for t in terms(key(e.name))]))
        self._insert_entities(stored, revision)
        self._insert_quotes(stored, revision)
        entity_stats.apply(self._conn, stats.contributions(stats.from_article(stored)))
        status = PutStatus.STORED if old is None else PutStatus.REVISED
        return PutResult(status, article.id, revision, duplicate_of, story)

    def _duplicate_target(self, article: Article) -> tuple[Optional[str], Optional[str]]:
        rows = self._all("SELECT id, story FROM articles WHERE content_hash = %s AND current AND id != %s"
                         " ORDER BY pk LIMIT 1", (article.content_hash, article.id))
        if rows:
            return rows[0][0], rows[0][1] or rows[0][0]
        return article.duplicate_of, article.story or article.id

    def _retire(self, pk: int) -> None:
        retired = entity_stats.retire(self._conn, pk)
        # By exact primary key (term, pk), from the revision's entity names (read once, for the counts): entity_terms
        # has no index by pk alone, and "WHERE pk = %s" read the whole table (~3x10^7 rows at 10^6) per revision.
        names = {e.name for article in retired for e in article.entities}
        self._conn.execute("DELETE FROM entity_terms WHERE term = ANY(%s::text[]) AND pk = %s",
                           (list({_t(t) for name in names for t in terms(key(name))}), pk))
        self._conn.execute("DELETE FROM quote_terms WHERE quote IN (SELECT q.pk FROM articles a JOIN quotes q"
                           " ON q.article = a.id AND q.revision = a.revision WHERE a.pk = %s)", (pk,))
        self._conn.execute("UPDATE articles SET current = false WHERE pk = %s", (pk,))

    def _insert_article(self, a: Article, revision: int, record: str) -> int:
        row = self._conn.execute(
            "INSERT INTO articles (id, revision, current, content_hash, title, published, fetched, url,"
            " canonical_url, source, language, text, story, duplicate_of, pipeline, problems, record, stored_at"
            + (", facets) VALUES (" if self.facet_index else ") VALUES (")
            + "%s, %s, true, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s"
            + (", %s::tsvector) RETURNING pk" if self.facet_index else ") RETURNING pk"),
            (_t(a.id), revision, a.content_hash, _t(a.title), _t(a.published), _t(a.fetched), _t(a.url),
             _t(a.canonical_url), _t(a.source), _t(a.language), _t(a.text), _t(a.story), _t(a.duplicate_of),
             _t(_json(a.pipeline)), _t(_json([{"code": p.code, "detail": p.detail} for p in a.problems])),
             record, _now(), *([facets.tsvector_literal(a)] if self.facet_index else []))).fetchone()
        return int(row[0])

    def _insert_entities(self, a: Article, revision: int) -> None:
        for pos, e in enumerate(a.entities):
            pk = self._conn.execute(
                "INSERT INTO entities (article, revision, pos, local_id, name, name_key, type, roles, global_id)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING pk",
                (_t(a.id), revision, pos, _t(e.id), _t(e.name), _t(key(e.name)), _t(e.type),
                 _t(_json(list(e.roles))), _t(e.global_id))).fetchone()[0]
            if e.mentions:
                self._conn.execute("INSERT INTO mentions (entity, span_start, span_end)"
                                   " SELECT %s, s, e FROM unnest(%s::int[], %s::int[]) AS m (s, e)",
                                   (pk, [m.start for m in e.mentions], [m.end for m in e.mentions]))

    def _insert_quotes(self, a: Article, revision: int) -> None:
        names = {e.id: e.name for e in a.entities}
        for pos, q in enumerate(a.quotes):
            speaker = None if q.speaker is None else (q.speaker.name or q.speaker.text)
            pk = self._conn.execute(
                "INSERT INTO quotes (article, revision, pos, speaker_name, speaker_key, speaker_entity, kind, text,"
                " cue, span_start, span_end, record) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
                " RETURNING pk",
                (_t(a.id), revision, pos, _t(speaker), _t(key(speaker)), _t(q.speaker.entity if q.speaker else None),
                 _t(q.kind), _t(q.text), _t(q.cue), q.span[0], q.span[1], _t(_json(quote_to_dict(q))))).fetchone()[0]
            about = [(_t(ent), _t(names.get(ent, ent)), _t(key(names.get(ent, ent)))) for ent in q.about]
            if about:
                self._conn.execute("INSERT INTO about (quote, entity, name, name_key) SELECT %s, e, n, k"
                                   " FROM unnest(%s::text[], %s::text[], %s::text[]) AS x (e, n, k)",
                                   (pk, *[list(col) for col in zip(*about)]))
            self._conn.execute("INSERT INTO quote_terms (term, quote) SELECT DISTINCT t, %s FROM unnest(%s::text[])"
                               " AS t ON CONFLICT DO NOTHING", (pk, [_t(t) for t in terms(key(speaker))]))

    def bulk_load(self, articles: list[Article]) -> int:
        """Store articles known to be new and distinct by COPY, in one transaction, without dedup lookups or the
        write lock (:mod:`.bulk`: for building large benchmark stores, several loaders at once); the number stored."""
        from .bulk import copy_new
        if in_transaction(self._conn):
            self._conn.execute("COMMIT")
        return copy_new(self._conn, articles)

    def search_index_deferred(self):
        """A context in which the full-text index is dropped and built once at its end (see
        :func:`.bulk.search_index_deferred`)."""
        from .bulk import search_index_deferred
        return search_index_deferred(self._conn)

    def current_ids(self) -> set[str]:
        """The ids of every current article (for a loader resuming a bulk load)."""
        return {r[0] for r in self._all("SELECT id FROM articles WHERE current")}

    def mark_done(self, origin: str, status: str = "done") -> None:
        try:
            self._conn.execute(
                "INSERT INTO inputs (origin, status, updated_at) VALUES (%s, %s, %s)"
                " ON CONFLICT (origin) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
                (_t(origin), status, _now()))
        except psycopg.Error as exc:
            raise StoreError(f"cannot record input {origin!r} in {self.where}: {exc}") from exc

    def reindex(self, progress: Optional[Callable[[int], None]] = None) -> int:
        """Rebuild the full-text index (the tsvectors of the words are generated columns, the facet lexemes are
        written again from the entity rows; REINDEX rebuilds the GIN index), then recount the per-entity counts
        from the rows (one transaction under the write lock)."""
        if in_transaction(self._conn):
            self._conn.execute("COMMIT")
        with article_tx(self._conn, f"the search facets of {self.where}"):
            facets.fill(self._conn)
        self._conn.execute("REINDEX INDEX articles_tsv")
        with article_tx(self._conn, f"the per-entity counts of {self.where}"):
            entity_stats.rebuild(self._conn)
        done = self.count()
        if progress:
            progress(done)
        return done

    def optimize(self) -> None:
        """VACUUM ANALYZE: clean the GIN index's pending list and refresh the planner's statistics."""
        if in_transaction(self._conn):
            self._conn.execute("COMMIT")
        self._conn.execute("VACUUM ANALYZE")

    # -- reading -------------------------------------------------------------------------------------------------

    def get(self, article_id: str, revision: Optional[int] = None) -> Optional[Article]:
        if revision is None:
            rows = self._all("SELECT record FROM articles WHERE id = %s AND current", (_t(article_id),))
        else:
            rows = self._all("SELECT record FROM articles WHERE id = %s AND revision = %s", (_t(article_id), revision))
        return from_record(json.loads(rows[0][0])) if rows else None

    def revisions(self, article_id: str) -> list[int]:
        return [r[0] for r in self._all("SELECT revision FROM articles WHERE id = %s ORDER BY revision",
                                        (_t(article_id),))]

    def iter_articles(self, current_only: bool = True) -> Iterator[Article]:
        last = 0
        where = "AND current" if current_only else ""
        while True:
            rows = self._all(f"SELECT pk, record FROM articles WHERE pk > %s {where} ORDER BY pk LIMIT %s",
                             (last, _PAGE))
            if not rows:
                return
            for pk, record in rows:
                last = pk
                yield from_record(json.loads(record))

    def count(self, current_only: bool = True) -> int:
        return int(self._all("SELECT count(*) FROM articles" + (" WHERE current" if current_only else ""))[0][0])

    def search(self, query: str, limit: int = 20, offset: int = 0, *, raw: bool = False,
               filters: Optional[SearchFilters] = None, window: Optional[int] = None) -> list[SearchHit]:
        if window is not None and window < 0:
            raise ConfigError(f"search window must be 0 (rank every match) or more, not {window}")
        if not query.strip():
            return []
        depth = self.ranking_depth(window)
        try:
            if in_transaction(self._conn):
                return pg_search.search(self._conn, _t(query), raw, limit, offset, filters, depth,
                                        self.facet_index, self.span_index)
            with self._conn.transaction():  # a failed statement must not leave the connection aborted
                return pg_search.search(self._conn, _t(query), raw, limit, offset, filters, depth,
                                        self.facet_index, self.span_index)
        except psycopg.Error as exc:
            raise search_failed(query, raw, exc) from exc

    def search_count(self, query: str, *, raw: bool = False, filters: Optional[SearchFilters] = None,
                     most: Optional[int] = None) -> int:
        if not query.strip():
            return 0
        try:
            if in_transaction(self._conn):
                return pg_search.count(self._conn, _t(query), raw, filters, self.facet_index, most,
                                       self.span_index)
            with self._conn.transaction():
                return pg_search.count(self._conn, _t(query), raw, filters, self.facet_index, most,
                                       self.span_index)
        except psycopg.Error as exc:
            raise search_failed(query, raw, exc) from exc

    def quotes(self, speaker: Optional[str] = None, about: Optional[str] = None, since: Optional[str] = None,
               until: Optional[str] = None, limit: int = 100, offset: int = 0,
               include_copies: bool = True) -> list[QuoteHit]:
        if speaker and not (since or until):
            walked = self._frequent_speaker_quotes(_t(key(speaker)), about, limit, offset, include_copies)
            if walked is not None:
                return walked
        sql = ["SELECT q.speaker_name, a.id, a.title, a.published, q.record FROM quotes q"
               " JOIN articles a ON a.id = q.article AND a.revision = q.revision WHERE a.current"]
        params: list[Any] = []
        if not include_copies:
            sql.append("AND a.duplicate_of IS NULL")
        if speaker:
            # A word of the speaker's name starting so; a substring anywhere only when no indexed name has one.
            k = _t(key(speaker))
            if self._all("SELECT 1 FROM quote_terms WHERE term >= %s AND term < %s LIMIT 1", (k, k + TOP)):
                sql.append("AND q.pk IN (SELECT quote FROM quote_terms WHERE term >= %s AND term < %s)")
                params += [k, k + TOP]
            else:
                sql.append("AND strpos(q.speaker_key, %s) > 0")
                params.append(k)
        if about:
            sql.append("AND EXISTS (SELECT 1 FROM about b WHERE b.quote = q.pk AND strpos(b.name_key, %s) > 0)")
            params.append(_t(key(about)))
        where, fparams = pg_search.filter_sql(SearchFilters(since=since, until=until))
        sql.append(where)
        params += fparams
        sql.append("ORDER BY coalesce(a.published, '') DESC, q.pk LIMIT %s OFFSET %s")
        params += [limit, offset]
        return [QuoteHit(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in self._all(" ".join(sql), params)]

    def _frequent_speaker_quotes(self, k: str, about: Optional[str], limit: int, offset: int,
                                 include_copies: bool) -> Optional[list[QuoteHit]]:
        """The quotes of a speaker quoted often, newest article first, by walking the articles down the date index
        and keeping their quotes among the speaker's (None: a speaker quoted seldom, or no word of a name starts
        with ``k``, for :meth:`quotes`' join).

        The join reads every quote of the speaker and its article, two index probes each, to sort them by date:
        32,669 quotes and 0.6-1.2 s for the most quoted person at 10^6 articles (load 8). The walk reads about
        (limit + offset) / share of the quotes, share being the speaker's part of all quotes (3,762 articles, 0.1 s
        there); it is taken past the n where both read as many (:data:`WALK_QUOTES`). Left to itself the planner
        sorts every quote of the speaker even so: a sort is what it must not choose here."""
        pks = [r[0] for r in self._all("SELECT quote FROM quote_terms WHERE term >= %s AND term < %s", (k, k + TOP))]
        total = self._all("SELECT reltuples FROM pg_class WHERE oid = 'quotes'::regclass")[0][0]
        if not pks or len(pks) < (WALK_QUOTES * max(float(total), 1.0) * (limit + offset)) ** 0.5:
            return None
        # The pks written into the statement: a constant array is tested through a hash, a bound one element by
        # element (tens of thousands per quote read).
        known = "'{" + ",".join(str(int(pk)) for pk in pks) + "}'::bigint[]"
        head = ("SELECT q.speaker_name, a.id, a.title, a.published, q.record FROM articles a JOIN quotes q"
                f" ON q.article = a.id AND q.revision = a.revision WHERE a.current AND q.pk = ANY({known})"
                + ("" if include_copies else " AND a.duplicate_of IS NULL")
                + ("" if not about else " AND EXISTS (SELECT 1 FROM about b WHERE b.quote = q.pk"
                                        " AND strpos(b.name_key, %s) > 0)"))
        params: list[Any] = [_t(key(about))] if about else []
        want = limit + offset
        with self._conn.transaction():
            # Ordered by the date index, not sorted whole; in this process: parallel workers each hash the pks
            # again and start up, 135 ms against the 68 ms of the walk itself at 10^6 (EXPLAIN ANALYZE).
            self._conn.execute("SET LOCAL enable_sort = off")
            self._conn.execute("SET LOCAL max_parallel_workers_per_gather = 0")
            rows = self._all(head + " AND a.published > '' ORDER BY a.published DESC, q.pk LIMIT %s", [*params, want])
            self._conn.execute("SET LOCAL enable_sort TO DEFAULT")
            self._conn.execute("SET LOCAL max_parallel_workers_per_gather TO DEFAULT")
        if len(rows) < want:  # then the undated ones (no published, or ''), as coalesce(published, '') sorts them
            rows += self._all(head + " AND coalesce(a.published, '') = '' ORDER BY q.pk LIMIT %s",
                              [*params, want - len(rows)])
        return [QuoteHit(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows[offset:offset + limit]]

    def story_members(self, story_id: str) -> list[StoryMember]:
        rows = self._all("SELECT id, title, source, published, duplicate_of, length(text) FROM articles"
                         " WHERE story = %s AND current ORDER BY pk", (_t(story_id),))
        return [StoryMember(r[0], r[1], r[2], r[3], r[4], int(r[5])) for r in rows]

    def input_status(self, origin: str) -> Optional[str]:
        rows = self._all("SELECT status FROM inputs WHERE origin = %s", (_t(origin),))
        return rows[0][0] if rows else None

    def dedup_index(self) -> PostgresDedupIndex:
        return self._dedup

    def quote_clusters(self) -> PostgresQuoteClusters:
        """The quotation clusters in this database; writes are committed by the next :meth:`put`."""
        return self._clusters

    def entity_registry(self) -> PostgresEntityRegistry:
        return PostgresEntityRegistry(self._conn, self.where)

    def entity_views(self) -> PostgresEntityViews:
        return PostgresEntityViews(self._conn)

    def close(self) -> None:
        """Commit index rows no put has committed, as the SQLite store does, and release the connection."""
        try:
            if not self._conn.closed and in_transaction(self._conn):
                self._conn.execute("COMMIT")
        finally:
            self._conn.close()

    def __exit__(self, exc_type: object, *exc_info: object) -> None:
        if exc_type is not None and not self._conn.closed and in_transaction(self._conn):
            self._conn.execute("ROLLBACK")
        self.close()
