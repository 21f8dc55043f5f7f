"""The one-file SQLite store (the default backend).

Each ``put`` is one ``BEGIN IMMEDIATE … COMMIT`` transaction, so a process killed at any point leaves either the
whole article or none of it; the transaction also holds the article's dedup index row and entity links when the
dedup and linking steps wrote them on this store's connection just before (see :mod:`.tx`). WAL mode lets readers
(search, a web UI) run while an ingest writes. Search itself is in :mod:`.search`.
"""
from __future__ import annotations

import dataclasses
import json
import os
from datetime import datetime, timezone
from pathlib import Path
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator, Optional, Union

from .engine import sqlite3
from ...errors import ConfigError, StoreError
from ...model import Article
from ...record import from_record, quote_to_dict, to_record
from ..base import (SEARCH_WINDOW, ArticleFacets, PutResult, PutStatus, QuoteHit, SearchFilters, SearchHit, Store,
                    StoryMember, search_failed)
from .. import entity_stats as stats
from . import bulk, entity_stats, facet_tokens, facets, fts, search as fts_search, speakers
from .dedup_index import SQLiteDedupIndex
from .entity_views import SQLiteEntityViews
from .entities import SQLiteEntityRegistry, ensure_entity_schema
from .rank_cache import DEEPEST, RankCache
from .guard import connect_readonly, quick_check, seal, take_seal, wrote_readonly
from .quote_clusters import SQLiteQuoteClusters, ensure_quote_clusters, has_clusters
from .schema import check_schema, ensure_schema
from .speakers import SpeakerQuery, ensure_speaker_index
from .tx import article_tx, write_tx
from ..dates import SQL_FUNCTION, utc
from ..words import key

_PAGE = 256  # rows per batch when iterating, so no read cursor stays open across the caller's work


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


#: Seconds a connection waits for another writer's lock before SQLite gives up with "database is locked".
BUSY_TIMEOUT = 30.0


def _connect(path: str, readonly: bool = False) -> sqlite3.Connection:
    """A writer's connection (schema made or upgraded, damaged pages refused), or a reader's (read-only: see
    :mod:`.guard`). A reader of a store made by an older newsgraph has it upgraded once by a writer's open."""
    if readonly and path != ":memory:":
        try:
            conn = _set_up(connect_readonly(path, timeout=BUSY_TIMEOUT), path, readonly=True)
            if not bulk.unfinished(conn, path):
                return conn
            conn.close()  # a killed bulk load left its end steps: a writer's open below runs them
        except StoreError as exc:
            if not wrote_readonly(exc):
                raise
        try:
            _connect(path).close()  # the upgrade, as any writer's open makes it
            seal(path)  # a clean close, as a writer's store leaves it: the next writer need not read every page
        except StoreError as exc:
            raise StoreError(f"{path} was made by an older newsgraph and must be upgraded once by a writer "
                             f"(newsgraph reindex), which needs write access: {exc}") from exc
        return _set_up(connect_readonly(path, timeout=BUSY_TIMEOUT), path, readonly=True)
    conn = _open(path)
    try:
        if path == ":memory:" or not take_seal(path):  # sealed: as the last writer's clean close left it, checked
            quick_check(conn, path)  # never write into a damaged file
    except BaseException:
        conn.close()
        raise
    return _set_up(conn, path, readonly=False)


def _writable(path: str) -> bool:
    """Whether a writer could open ``path`` here: the file and its folder (the journal files) writable."""
    return os.access(path, os.W_OK) and os.access(os.path.dirname(os.path.abspath(path)), os.W_OK)


def _open(path: str) -> sqlite3.Connection:
    try:
        # isolation_level=None: the store issues BEGIN/COMMIT itself, the sqlite3 module adds nothing.
        return sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open database {path}: {exc}") from exc


def _set_up(conn: sqlite3.Connection, path: str, readonly: bool) -> sqlite3.Connection:
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.create_function(SQL_FUNCTION, 1, utc, deterministic=True)  # date filters compare in UTC
        if readonly:
            check_schema(conn, path, empty_ok=False)
        else:
            # What a killed bulk load left undone (its indexes, full-text index, entity counts), step by step with
            # progress on stderr: before the schema's IF NOT EXISTS would make the same indexes in silence.
            check_schema(conn, path)
            bulk.resume(conn, path)
            ensure_schema(conn, path)  # before WAL: never switch the journal of a file that is not ours
            conn.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL survives a killed process (not a power cut) and makes each commit much cheaper.
            conn.execute("PRAGMA synchronous = NORMAL")
        # Each creates what an older store lacks; on a reader's connection a missing part fails as a write.
        ensure_speaker_index(conn)
        facets.ensure_facets(conn)
        fts.ensure_fts(conn)
        ensure_entity_schema(conn)
        ensure_quote_clusters(conn, readonly)
        # An optional index a reader has a writer make only where one may write (a 0444 file is still searched).
        entity_stats.ensure_entity_stats(conn, index=not readonly or _writable(path), writer=not readonly)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path} is not a usable newsgraph database: {exc}") from exc
    except BaseException:
        conn.close()
        raise
    return conn


class SQLiteStore(Store):
    """A :class:`Store` in one SQLite file. Open with :func:`newsgraph.storage.open_store`."""

    def __init__(self, path: Union[str, Path], search_window: Optional[int] = SEARCH_WINDOW, readonly: bool = False):
        self.path = str(path)
        self.search_window = search_window
        self.readonly = readonly  # a reader's store: read-only connection, schema never written
        self._conn = _connect(self.path, readonly)
        self._kept_now: tuple[Optional[tuple[int, int]], dict] = (None, {})  # see _for_this_state()
        self._snapshot_views: Optional[SQLiteEntityViews] = None  # see snapshot()
        self._rank_cache: Optional[RankCache] = None  # see share_rankings()
        self._index = fts.index_of(self._conn)  # one table (schema 1 or 2) until `newsgraph reindex`
        self._dedup = SQLiteDedupIndex(self._conn, self.path)
        self._clusters = SQLiteQuoteClusters(self._conn, self.path, has_clusters(self._conn))

    def __repr__(self) -> str:
        return f"SQLiteStore({self.path!r})"

    # -- writing -------------------------------------------------------------------------------------------------

    def put(self, article: Article) -> PutResult:
        with self._write():
            return self._put_checked(article)

    def put_many(self, articles: Iterable[Article]) -> list[PutResult]:
        """Store articles in order in ONE transaction (bulk loads: far fewer commits than :meth:`put`).

        Each article follows :meth:`put`'s re-ingest rules and sees the ones before it in the batch (same id again:
        skipped or revised; same text under another id: ``duplicate_of``). All or nothing: when one article
        fails, none of the batch is stored. Ingest keeps :meth:`put`, one transaction per article.
        """
        with self._write():
            return [self._put_checked(a) for a in articles]

    def _write(self):
        return article_tx(self._conn, f"to {self.path}")  # the duplicate lookup inside must not go stale

    def _put_checked(self, article: Article) -> PutResult:
        try:
            return self._put(article)
        except sqlite3.Error as exc:
            raise StoreError(f"storing article {article.id!r} failed: {exc}") from exc

    @property
    def facet_index(self) -> bool:
        """True when the full-text index holds facet tokens (store schema 2), so filters narrow inside it."""
        return self._index.facets

    def reindex(self, progress: Optional[Callable[[int], None]] = None) -> int:
        """Rebuild the full-text index in the current layout (a schema 1 store gains facet tokens and becomes
        schema 2) and merge it; one transaction. ``progress(n)`` after each batch; returns the articles indexed."""
        done = fts.rebuild(self._conn, progress)
        self._index = fts.index_of(self._conn)
        with write_tx(self._conn, f"the per-entity counts of {self.path}"):
            entity_stats.rebuild(self._conn)
        return done

    def bulk_load(self, articles: list[Article]) -> int:
        """Store articles known to be new and distinct (new ids, no text equal to a stored one) in one transaction,
        without duplicate lookups or revision checks: the rows ``put_many`` would write for them, written a table
        at a time (:mod:`.bulk`: for building large benchmark stores); the number stored."""
        from .bulk import insert_new
        return insert_new(self._conn, articles, _encode_record, _json, _now())

    def search_index_deferred(self):
        """A context for a bulk load that makes most of the store: secondary indexes, the full-text index and the
        per-entity counts are built once at its end (see :func:`.bulk.deferred`)."""
        from .bulk import deferred
        return deferred(self._conn, self.path)

    def optimize(self) -> None:
        """Merge the full-text index into one segment (worth it after a bulk load: fewer segments to read per
        query term) and refresh the query planner's statistics."""
        with self._write():
            fts.optimize(self._conn, fts.index_of(self._conn))
        self._conn.execute("PRAGMA optimize")

    def _put(self, article: Article) -> PutResult:
        old = self._conn.execute(
            "SELECT pk, revision, content_hash, duplicate_of, story FROM articles WHERE id = ? AND current = 1",
            (article.id,)).fetchone()
        if old is not None and old[2] == article.content_hash:
            return PutResult(PutStatus.SKIPPED, article.id, old[1], old[3], old[4])
        duplicate_of, story = self._duplicate_target(article)
        stored = dataclasses.replace(article, duplicate_of=duplicate_of, story=story)
        record = _encode_record(stored)  # may raise: nothing has been written yet
        # Inside the write transaction the index layout cannot change; another process may have run `reindex`
        # since this connection opened, so ask now rather than trust what was true then.
        self._index = fts.index_of(self._conn)
        revision = 1
        if old is not None:
            self._retire(old[0])
            revision = old[1] + 1
        pk = self._insert_article(stored, revision, record)
        keys = [key(e.name) for e in stored.entities]
        facets.add(self._conn, pk, keys)
        tokens = facet_tokens.article_tokens(stored.published, stored.source, stored.story or stored.id, keys,
                                             [e.global_id for e in stored.entities])
        fts.add(self._conn, self._index, pk, stored.title, stored.text, tokens)
        self._insert_entities(stored, revision)
        self._insert_quotes(stored, revision)
        entity_stats.apply(self._conn, stats.contributions(stats.from_article(stored)))
        status = PutStatus.STORED if old is None else PutStatus.REVISED
        return PutResult(status, article.id, revision, duplicate_of, story)

    def _duplicate_target(self, article: Article) -> tuple[Optional[str], Optional[str]]:
        """(duplicate_of, story): the earliest other current article with the same content_hash, if any.

        Without an exact duplicate the caller's values stand (a dedup stage may have set them), and an article
        alone is its own story.
        """
        row = self._conn.execute(
            "SELECT id, story FROM articles WHERE content_hash = ? AND current = 1 AND id != ? ORDER BY pk LIMIT 1",
            (article.content_hash, article.id)).fetchone()
        if row is not None:
            return row[0], row[1] or row[0]
        return article.duplicate_of, article.story or article.id

    def _retire(self, pk: int) -> None:
        """Take a revision out of the full-text index, then mark it not current (the index reads current rows)."""
        speakers.remove_revision(self._conn, pk)
        entity_stats.retire(self._conn, pk)
        fts.remove(self._conn, self._index, pk)
        facets.remove(self._conn, pk)
        self._conn.execute("UPDATE articles SET current = 0 WHERE pk = ?", (pk,))

    def _insert_article(self, a: Article, revision: int, record: str) -> int:
        cur = self._conn.execute(
            "INSERT INTO articles (id, revision, current, content_hash, title, published, fetched, url,"
            " canonical_url, source, language, text, story, duplicate_of, pipeline, problems, record, stored_at)"
            " VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, revision, a.content_hash, a.title, a.published, a.fetched, a.url, a.canonical_url, a.source,
             a.language, a.text, a.story, a.duplicate_of, _json(a.pipeline),
             _json([{"code": p.code, "detail": p.detail} for p in a.problems]), record, _now()))
        return int(cur.lastrowid)

    def _insert_entities(self, a: Article, revision: int) -> None:
        for pos, e in enumerate(a.entities):
            cur = self._conn.execute(
                "INSERT INTO entities (article, revision, pos, local_id, name, name_key, type, roles, global_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (a.id, revision, pos, e.id, e.name, key(e.name), e.type, _json(list(e.roles)), e.global_id))
            self._conn.executemany("INSERT INTO mentions (entity, span_start, span_end) VALUES (?, ?, ?)",
                                   [(cur.lastrowid, m.start, m.end) for m in e.mentions])

    def _insert_quotes(self, a: Article, revision: int) -> None:
        names = {e.id: e.name for e in a.entities}
        index: list[tuple[str, str, int, int]] = []
        for pos, q in enumerate(a.quotes):
            # An unresolved speaker still has its words ("a spokesman"): better to find it by those than not at all.
            speaker = None if q.speaker is None else (q.speaker.name or q.speaker.text)
            cur = self._conn.execute(
                "INSERT INTO quotes (article, revision, pos, speaker_name, speaker_key, speaker_entity, kind, text,"
                " cue, span_start, span_end, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (a.id, revision, pos, speaker, key(speaker), q.speaker.entity if q.speaker else None, q.kind,
                 q.text, q.cue, q.span[0], q.span[1], _json(quote_to_dict(q))))
            self._conn.executemany(
                "INSERT INTO about (quote, entity, name, name_key) VALUES (?, ?, ?, ?)",
                [(cur.lastrowid, ent, names.get(ent, ent), key(names.get(ent, ent))) for ent in q.about])
            index += speakers.index_rows(cur.lastrowid, key(speaker), a.published, a.duplicate_of is not None)
        speakers.add(self._conn, index)

    def mark_done(self, origin: str, status: str = "done") -> None:
        try:
            self._conn.execute(
                "INSERT INTO inputs (origin, status, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (origin) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
                (origin, status, _now()))
        except sqlite3.Error as exc:
            raise StoreError(f"cannot record input {origin!r} in {self.path}: {exc}") from exc

    # -- reading -------------------------------------------------------------------------------------------------

    def get(self, article_id: str, revision: Optional[int] = None) -> Optional[Article]:
        if revision is None:
            row = self._conn.execute("SELECT record FROM articles WHERE id = ? AND current = 1",
                                     (article_id,)).fetchone()
        else:
            row = self._conn.execute("SELECT record FROM articles WHERE id = ? AND revision = ?",
                                     (article_id, revision)).fetchone()
        return None if row is None else from_record(json.loads(row[0]))

    def revisions(self, article_id: str) -> list[int]:
        """Every stored revision number of an article, oldest first."""
        rows = self._conn.execute("SELECT revision FROM articles WHERE id = ? ORDER BY revision", (article_id,))
        return [r[0] for r in rows]

    def iter_articles(self, current_only: bool = True) -> Iterator[Article]:
        last = 0
        where = "AND current = 1" if current_only else ""
        while True:
            rows = self._conn.execute(
                f"SELECT pk, record FROM articles WHERE pk > ? {where} ORDER BY pk LIMIT ?", (last, _PAGE)).fetchall()
            if not rows:
                return
            for pk, record in rows:
                last = pk
                yield from_record(json.loads(record))

    def count(self, current_only: bool = True) -> int:
        # search_facets holds one narrow row per current revision: counting it does not read the articles' text,
        # but it still walks every row (2-9 ms at 10^5, on each search page of the reader). The count is kept
        # until the file changes (:meth:`_for_this_state`); inside a transaction it is always counted afresh.
        table = "search_facets" if current_only else "articles"
        kept = self._for_this_state()
        if kept is None or ("count", table) not in kept:
            counted = int(self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            if kept is None:
                return counted
            kept["count", table] = counted
        return kept["count", table]

    def _for_this_state(self) -> Optional[dict]:
        """What this connection keeps for the file as it is now (the article count, the index layout, the matches
        per segment), emptied when the file has changed: ``PRAGMA data_version`` moves when another connection
        commits, ``total_changes`` when this one writes. None inside a transaction, whose reads may roll back."""
        if self._conn.in_transaction:
            return None
        state = self._conn.execute("PRAGMA data_version").fetchone()[0], self._conn.total_changes
        if self._kept_now[0] != state:
            self._kept_now = (state, {})
        return self._kept_now[1]

    def page_cache(self, kib: int) -> None:
        """Let this connection keep up to ``kib`` KiB of the file's pages in memory (SQLite's page cache; its
        default is 2,000 KiB). A server's reader passes its share of ``serve --page-cache``: a search page at 10^6
        articles reads some 1,000 pages, and each one the cache has dropped is asked of the operating system again
        (a system call and a copy)."""
        if kib < 1:
            raise ConfigError(f"a page cache must be 1 KiB or more, not {kib}")
        # SQLite reads a size past a 32-bit integer as 0 (no cache at all): the most it takes instead.
        self._conn.execute(f"PRAGMA cache_size = -{min(int(kib), 2**31 - 1)}")

    def share_rankings(self, cache: Optional[RankCache]) -> None:
        """Keep search rankings, counts and pages and the answers of :meth:`kept` in ``cache``, which other stores
        of this process over the same file share (``newsgraph serve``: one store per worker thread); None: read
        every search afresh. See :mod:`.rank_cache` for when a kept answer is given. An in-memory store keeps
        none."""
        self._rank_cache = None if self.path == ":memory:" else cache

    def _generation(self) -> Optional[int]:
        """The shared cache's generation for a read now (None: no cache, or inside a transaction, whose reads may
        differ from the file's committed state)."""
        cache = self._rank_cache
        if cache is None or self._conn.in_transaction:
            return None
        return cache.generation(self.path)

    def kept(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """``compute()``, or what it gave under ``key`` for the same state of the file (the shared cache of
        :meth:`share_rankings`; outside a transaction only; a None answer is never kept)."""
        generation = self._generation()
        if generation is None:
            return compute()
        value = self._rank_cache.get(key, generation)
        if value is None:
            value = compute()
            if value is not None:
                self._rank_cache.put(key, generation, value)
        return value

    def _segment_counts(self) -> Optional[dict]:
        """The matches per index segment this connection has counted for the file as it is now (None inside a
        transaction; :meth:`_for_this_state`): a search page ranks, counting each segment's matches up to what its
        window lacks, then counts up to 10,001 over the same lists."""
        kept = self._for_this_state()
        return None if kept is None else kept.setdefault("segment counts", {})

    def _current_index(self) -> fts.Index:
        """The full-text index's layout for a search: another process may have run ``reindex`` or begun a segment
        since this connection opened, so it is read again (four small statements, ~0.2 ms; twice on the reader's
        first page) whenever the file has changed since it was last read (:meth:`_for_this_state`), and always
        inside a transaction."""
        kept = self._for_this_state()
        if kept is None:
            return fts.index_of(self._conn)
        if "index" not in kept:
            kept["index"] = fts.index_of(self._conn)
        return kept["index"]

    @staticmethod
    def _keeps(need: int, depth: Optional[int]) -> bool:
        """Whether a ranking of ``need`` rows in a window of ``depth`` may be kept and cut: a window narrower than
        DEEPEST would itself widen to the rows asked for (top_matches ranks among max(window, limit + offset) newest
        matches), so a deeper kept ranking could differ."""
        return need <= DEEPEST and (depth is None or depth >= DEEPEST)

    def _top(self, match: str, limit: int, offset: int, filters: Optional[SearchFilters],
             depth: Optional[int]) -> list[tuple[int, float]]:
        """``fts_search.top_matches``, from the shared cache when one is given: the best max(100, offset + limit)
        are ranked and kept, and any page within them is cut from the kept list (the order is total: score, pk)."""
        if offset < 0:  # as SQL would not say: a cut list from the end would differ from the uncached answer
            raise ConfigError(f"offset {offset} is negative: the first hit is offset 0")
        need = offset + limit
        generation = self._generation() if self._keeps(need, depth) else None
        if generation is None:
            return fts_search.top_matches(self._conn, self._index, match, limit, offset, filters, depth,
                                          self._segment_counts())
        key = ("rank", match, filters, depth, self._index)
        kept = self._rank_cache.get(key, generation)
        if kept is None or (len(kept[1]) < need and len(kept[1]) == kept[0]):
            asked = max(need, 100)
            kept = (asked, fts_search.top_matches(self._conn, self._index, match, asked, 0, filters, depth,
                                                  self._segment_counts()))
            self._rank_cache.put(key, generation, kept)
        return kept[1][offset:need]

    def search(self, query: str, limit: int = 20, offset: int = 0, *, raw: bool = False,
               filters: Optional[SearchFilters] = None, window: Optional[int] = None) -> list[SearchHit]:
        match = query if raw else fts_search.fts_query(query)
        if not match.strip():
            return []
        if window is not None and window < 0:
            raise ConfigError(f"search window must be 0 (rank every match) or more, not {window}")
        depth = self.ranking_depth(window)
        self._index = self._current_index()
        try:
            if not self._keeps(offset + limit, depth):
                return fts_search.hits(self._conn, self._index, match, self._top(match, limit, offset, filters, depth))
            # The page's snippets too (1.5-2 ms for 20 at 10^6 articles), kept beside its ranking.
            return list(self.kept(("hits", match, filters, depth, limit, offset, self._index),
                                   lambda: fts_search.hits(self._conn, self._index, match,
                                                           self._top(match, limit, offset, filters, depth))))
        except sqlite3.OperationalError as exc:
            raise search_failed(query, raw, exc) from exc

    def search_ids(self, query: str, limit: int = 20, offset: int = 0, *, filters: Optional[SearchFilters] = None,
                   window: Optional[int] = None) -> list[str]:
        """Ranked as :meth:`search`, ids only: no snippet is made (they cost more than the ranking of 100)."""
        match = fts_search.fts_query(query)
        if not match.strip():
            return []
        if window is not None and window < 0:
            raise ConfigError(f"search window must be 0 (rank every match) or more, not {window}")
        depth = self.ranking_depth(window)
        self._index = self._current_index()
        try:
            top = self._top(match, limit, offset, filters, depth)
            return fts_search.ids_of(self._conn, [pk for pk, _ in top])
        except sqlite3.OperationalError as exc:
            raise search_failed(query, False, exc) from exc

    def search_with_top(self, query: str, limit: int = 20, offset: int = 0, *, top: int = 100,
                        filters: Optional[SearchFilters] = None, window: Optional[int] = None,
                        ) -> tuple[list[SearchHit], list[str]]:
        """Ranked once: the best ``max(top, offset + limit)`` matches in one FTS5 pass, snippets made for the
        page's hits only. Both cuts come from the same ``ORDER BY score, pk`` over the same window, so they equal
        what :meth:`search` and :meth:`search_ids` return alone."""
        found = self._ranked_once(query, limit, offset, top, filters, window)
        if found is None:
            return [], []
        hits, ranked = found
        try:
            return hits, fts_search.ids_of(self._conn, [pk for pk, _ in ranked[:top]])
        except sqlite3.OperationalError as exc:
            raise search_failed(query, False, exc) from exc

    def _ranked_once(self, query: str, limit: int, offset: int, top: int, filters: Optional[SearchFilters],
                     window: Optional[int]) -> Optional[tuple[list[SearchHit], list[tuple[int, float]]]]:
        """The page's hits and the best ``max(top, offset + limit)`` ranked (pk, score) pairs; None for a query
        with no words."""
        match = fts_search.fts_query(query)
        if not match.strip():
            return None
        if window is not None and window < 0:
            raise ConfigError(f"search window must be 0 (rank every match) or more, not {window}")
        if offset < 0:
            raise ConfigError(f"offset {offset} is negative: the first hit is offset 0")
        depth = self.ranking_depth(window)
        self._index = self._current_index()
        try:
            ranked = self._top(match, max(top, offset + limit), 0, filters, depth)
            return fts_search.hits(self._conn, self._index, match, ranked[offset:offset + limit]), ranked
        except sqlite3.OperationalError as exc:
            raise search_failed(query, False, exc) from exc

    def search_with_facet_rows(self, query: str, limit: int = 20, offset: int = 0, *, top: int = 100,
                               filters: Optional[SearchFilters] = None, window: Optional[int] = None,
                               ) -> tuple[list[SearchHit], list[str], list[ArticleFacets]]:
        """:meth:`search_with_top` and the facet rows of its ``top`` matches, read from the ranked pks: one read of
        their narrow ``search_facets`` rows gives the ids and the dates and outlets (the default looked each id up
        again through the articles index), then their entities' names. With a shared cache the three are kept for
        the same state of the file (the reader's first page of a query asked before)."""
        def read() -> tuple[list[SearchHit], list[str], list[ArticleFacets]]:
            found = self._ranked_once(query, limit, offset, top, filters, window)
            if found is None:
                return [], [], []
            hits, ranked = found
            try:
                heads = fts_search.heads_of(self._conn, [pk for pk, _ in ranked[:top]])
            except sqlite3.OperationalError as exc:
                raise search_failed(query, False, exc) from exc
            return hits, [h[0] for h in heads], self.entity_views().facets_of_heads(heads)
        depth = self.ranking_depth(window)
        if not self._keeps(max(top, offset + limit), depth):
            return read()
        hits, ids, rows = self.kept(("facet rows", query, filters, depth, limit, offset, top), read)
        return list(hits), list(ids), list(rows)

    def search_count(self, query: str, *, raw: bool = False, filters: Optional[SearchFilters] = None,
                     most: Optional[int] = None) -> int:
        match = query if raw else fts_search.fts_query(query)
        if not match.strip():
            return 0
        self._index = self._current_index()
        try:
            return self.kept(("count", match, filters, most, self._index),
                             lambda: fts_search.count_matches(self._conn, self._index, match, filters, most,
                                                              self._segment_counts()))
        except sqlite3.OperationalError as exc:
            raise search_failed(query, raw, exc) from exc

    def quotes(self, speaker: Optional[str] = None, about: Optional[str] = None, since: Optional[str] = None,
               until: Optional[str] = None, limit: int = 100, offset: int = 0,
               include_copies: bool = True) -> list[QuoteHit]:
        if speaker:
            lookup = SpeakerQuery(key(speaker), key(about) if about else None, since, until, include_copies)
            pks = speakers.lookup(self._conn, lookup, limit + offset)
            if pks is not None:
                return self._quote_hits(pks[offset:])
        return self._scan_quotes(speaker, about, since, until, limit, offset, include_copies)

    def _quote_hits(self, pks: list[int]) -> list[QuoteHit]:
        if not pks:
            return []
        rows = self._conn.execute(
            "SELECT q.pk, q.speaker_name, a.id, a.title, a.published, q.record FROM quotes q"
            " JOIN articles a ON a.id = q.article AND a.revision = q.revision"
            f" WHERE q.pk IN ({','.join('?' * len(pks))})", pks).fetchall()
        by_pk = {r[0]: QuoteHit(r[1], r[2], r[3], r[4], json.loads(r[5])) for r in rows}
        return [by_pk[pk] for pk in pks]

    def _scan_quotes(self, speaker: Optional[str], about: Optional[str], since: Optional[str],
                     until: Optional[str], limit: int, offset: int, include_copies: bool) -> list[QuoteHit]:
        """Every filter as a scan over current quotes: no speaker, or one matched only inside a word."""
        sql = ["SELECT q.speaker_name, a.id, a.title, a.published, q.record FROM quotes q"
               " JOIN articles a ON a.id = q.article AND a.revision = q.revision WHERE a.current = 1"]
        params: list[Any] = []
        if not include_copies:
            sql.append("AND a.duplicate_of IS NULL")
        if speaker:
            sql.append("AND instr(q.speaker_key, ?) > 0")
            params.append(key(speaker))
        if about:
            sql.append("AND EXISTS (SELECT 1 FROM about b WHERE b.quote = q.pk AND instr(b.name_key, ?) > 0)")
            params.append(key(about))
        # Compare at the caller's precision: until="2013-05-04" must include "2013-05-04T12:15:00". Only dated
        # values take part, as in search.
        if since or until:
            sql.append("AND " + facet_tokens.DATED_SQL.format(col="a.published"))
        if since:  # in UTC (storage.dates)
            sql.append(f"AND substr({SQL_FUNCTION}(a.published), 1, length(?)) >= ?")
            params += [since, since]
        if until:
            sql.append(f"AND substr({SQL_FUNCTION}(a.published), 1, length(?)) <= ?")
            params += [until, until]
        sql.append("ORDER BY a.published IS NULL, a.published DESC, a.pk, q.pos LIMIT ? OFFSET ?")
        params += [limit, offset]
        rows = self._conn.execute(" ".join(sql), params).fetchall()
        return [QuoteHit(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]

    def story_members(self, story_id: str) -> list[StoryMember]:
        rows = self._conn.execute(
            "SELECT id, title, source, published, duplicate_of, length(text) FROM articles"
            " WHERE story = ? AND current = 1 ORDER BY pk", (story_id,)).fetchall()
        return [StoryMember(r[0], r[1], r[2], r[3], r[4], int(r[5])) for r in rows]

    def dedup_index(self) -> SQLiteDedupIndex:
        """The near-duplicate index in this store's file, sharing its connection (see ``newsgraph.dedup``); its
        :meth:`~SQLiteDedupIndex.add` is committed by the next :meth:`put`."""
        return self._dedup

    def quote_clusters(self) -> SQLiteQuoteClusters:
        """The quotation clusters in this store's file (see ``newsgraph.quotebank``); writes are committed by the
        next :meth:`put`."""
        return self._clusters

    def entity_registry(self) -> SQLiteEntityRegistry:
        """The cross-article entity registry in this store's file (see ``newsgraph.linking``)."""
        return SQLiteEntityRegistry(self._conn, self.path)

    def entity_views(self) -> SQLiteEntityViews:
        return self._snapshot_views or SQLiteEntityViews(self._conn)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one state of the file (a read transaction: an ingest committing meanwhile is not seen
        half-way), so what one view read can be used again: ``entity_views()`` is then one instance that keeps
        the answers an entity page asks for twice (:meth:`EntityViewsBase._once`). Nested: the outer one holds."""
        if self._conn.in_transaction:
            yield
            return
        self._conn.execute("BEGIN")
        self._snapshot_views = views = SQLiteEntityViews(self._conn)
        views._memo = {}
        try:
            yield
        finally:
            self._snapshot_views = None
            if self._conn.in_transaction:
                self._conn.execute("COMMIT")  # nothing written: it only ends the read

    def input_status(self, origin: str) -> Optional[str]:
        row = self._conn.execute("SELECT status FROM inputs WHERE origin = ?", (origin,)).fetchone()
        return None if row is None else row[0]

    def close(self) -> None:
        """Commit index rows no put has committed (a dedup run without puts keeps them, as each add once did)."""
        try:
            if self._conn.in_transaction:
                self._conn.execute("COMMIT")
        finally:
            self._conn.close()
        if not self.readonly and self.path != ":memory:":
            seal(self.path)  # a clean close: the next writer's open need not read every page again

    def __exit__(self, exc_type: object, *exc_info: object) -> None:
        # Leaving on an error: an index row whose article was never put must not outlive it.
        if exc_type is not None and self._conn.in_transaction:
            self._conn.execute("ROLLBACK")
        self.close()


def _encode_record(article: Article) -> str:
    """The record as stored JSON; refuse what JSON or SQLite cannot hold exactly (NaN, sets, lone surrogates)."""
    try:
        text = _json(to_record(article))
        text.encode("utf-8")  # sqlite3 would fail on lone surrogates only once a row is half written
    except (TypeError, ValueError) as exc:
        raise StoreError(f"article {article.id!r} cannot be stored: {exc}") from exc
    return text
