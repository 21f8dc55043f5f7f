"""Bulk loading of new articles into the SQLite store, for building large benchmark stores.

``put_many`` stores each article with a dozen statements, each maintaining a dozen B-tree indexes and the full-text
index as it goes; once the file outgrows the page cache every index insert is a random page read, and a 10^6-article
store took hours (about 50 articles/s). This module writes the same rows ``put_many`` writes for articles it has
never seen (revision 1, its own story unless the article names one, no exact duplicate): one ``executemany`` per
table per batch, with primary keys assigned here. It does no duplicate lookup and no revision check: the caller
guarantees the articles are new and distinct (the search benchmark's synthetic corpus is).

:func:`deferred` goes further for a load that makes most of a store: the secondary indexes of the article tables are
dropped and made again at its end (one sort each instead of a random insert per row), the full-text index is built
once at the end from the stored rows (FTS5 ``rebuild``), and the per-entity counts are recounted in SQL at the end
(:func:`.entity_stats.rebuild`, which the contract tests hold equal to the counts ``put`` keeps). A test
(tests/test_sqlite_bulk.py) checks that a bulk-loaded store holds exactly the rows, and answers exactly the queries,
of one filled by ``put_many``.
"""
from __future__ import annotations

import dataclasses
import sqlite3
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator, Sequence

from .. import entity_stats as stats
from ...model import Article
from ...record import quote_to_dict
from ..words import key, terms
from . import entity_stats, fts
from .facet_tokens import article_tokens
from .tx import write_tx

#: The tables whose secondary indexes :func:`deferred` drops and makes again.
_TABLES = ("articles", "entities", "mentions", "quotes", "about")
_INSERT = {
    "articles": "INSERT INTO articles (pk, id, revision, current, content_hash, title, published, fetched, url,"
                " canonical_url, source, language, text, story, duplicate_of, pipeline, problems, record, stored_at)"
                " VALUES (?, ?, 1, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "search_facets": "INSERT INTO search_facets (pk, id, revision, published, source, story) VALUES (?, ?, 1, ?, ?, ?)",
    "entity_terms": "INSERT OR IGNORE INTO entity_terms (term, pk) VALUES (?, ?)",
    "search_tokens": "INSERT INTO search_tokens (pk, fts) VALUES (?, ?)",
    "articles_fts": "INSERT INTO articles_fts (rowid, title, text, facets) VALUES (?, ?, ?, ?)",
    "entities": "INSERT INTO entities (pk, article, revision, pos, local_id, name, name_key, type, roles, global_id)"
                " VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)",
    "mentions": "INSERT INTO mentions (entity, span_start, span_end) VALUES (?, ?, ?)",
    "quotes": "INSERT INTO quotes (pk, article, revision, pos, speaker_name, speaker_key, speaker_entity, kind, text,"
              " cue, span_start, span_end, record) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "about": "INSERT INTO about (quote, entity, name, name_key) VALUES (?, ?, ?, ?)",
    "quote_speakers": "INSERT OR IGNORE INTO quote_speakers (term, pub, quote, copy) VALUES (?, ?, ?, ?)",
}


class _State:
    """What a load in progress on one connection knows: whether the indexes are deferred."""

    def __init__(self) -> None:
        self.deferred = False


_STATES: dict[int, _State] = {}


def _state(conn: sqlite3.Connection) -> _State:
    return _STATES.setdefault(id(conn), _State())


@lru_cache(maxsize=1 << 16)
def _terms(name_key):
    """:func:`terms`, remembered: names recur across articles, and working out a name's terms is a third of the
    time of writing an article's rows in Python."""
    return tuple(terms(name_key))


def _next(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT coalesce(max(pk), 0) + 1 FROM {table}").fetchone()[0])


def insert_new(conn: sqlite3.Connection, articles: Sequence[Article], encode, json, now: str) -> int:
    """Store ``articles`` (new ids, distinct texts, none an exact copy of a stored one) in one transaction; the
    number stored. ``encode`` and ``json`` are the store's record and JSON encoders, ``now`` its ``stored_at``."""
    if not articles:
        return 0
    deferred = _state(conn).deferred
    with write_tx(conn, "a bulk load"):
        facet_index = fts.has_facets(conn)
        pk, epk, qpk = _next(conn, "articles"), _next(conn, "entities"), _next(conn, "quotes")
        rows: dict[str, list[tuple]] = {table: [] for table in _INSERT}
        counts: stats.Counts = stats.Counter()
        for article in articles:
            a = dataclasses.replace(article, story=article.story or article.id)
            rows["articles"].append((pk, a.id, a.content_hash, a.title, a.published, a.fetched, a.url,
                                     a.canonical_url, a.source, a.language, a.text, a.story, a.duplicate_of,
                                     json(a.pipeline), json([{"code": p.code, "detail": p.detail} for p in a.problems]),
                                     encode(a), now))
            rows["search_facets"].append((pk, a.id, a.published, a.source, a.story))
            keys = [key(e.name) for e in a.entities]
            rows["entity_terms"] += [(t, pk) for t in {t for k in keys for t in _terms(k)}]
            tokens = article_tokens(a.published, a.source, a.story, keys, [e.global_id for e in a.entities])
            if facet_index:
                rows["search_tokens"].append((pk, tokens))
                if not deferred:
                    rows["articles_fts"].append((pk, a.title, a.text, tokens))
            else:
                conn.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)", (pk, a.title, a.text))
            for pos, e in enumerate(a.entities):
                rows["entities"].append((epk, a.id, pos, e.id, e.name, key(e.name), e.type, json(list(e.roles)),
                                         e.global_id))
                rows["mentions"] += [(epk, m.start, m.end) for m in e.mentions]
                epk += 1
            names = {e.id: e.name for e in a.entities}
            copy = int(a.duplicate_of is not None)
            for pos, q in enumerate(a.quotes):
                speaker = None if q.speaker is None else (q.speaker.name or q.speaker.text)
                rows["quotes"].append((qpk, a.id, pos, speaker, key(speaker), q.speaker.entity if q.speaker else None,
                                       q.kind, q.text, q.cue, q.span[0], q.span[1], json(quote_to_dict(q))))
                rows["about"] += [(qpk, ent, names.get(ent, ent), key(names.get(ent, ent))) for ent in q.about]
                rows["quote_speakers"] += [(t, a.published or "", qpk, copy) for t in _terms(key(speaker))]
                qpk += 1
            if not deferred:
                stats.contributions(stats.from_article(a), counts)
            pk += 1
        for table, statement in _INSERT.items():
            if rows[table]:
                conn.executemany(statement, rows[table])
        if not deferred:
            entity_stats.apply(conn, counts)
    return len(articles)


@contextmanager
def deferred(conn: sqlite3.Connection, path: str) -> Iterator[None]:
    """Within it, :func:`insert_new` maintains no secondary index of the article tables, no full-text index and no
    per-entity counts; at its end (whatever happens) the indexes are made again, the full-text index is rebuilt
    from the stored rows and the counts recounted, in one transaction. The page cache is enlarged meanwhile.
    A process killed inside it leaves articles that are stored but not searchable or counted: the next writer's
    open makes the dropped indexes again (the schema's ``IF NOT EXISTS``), and ``newsgraph reindex`` (or another
    deferred load) rebuilds the full-text index and the counts."""
    state = _state(conn)
    marks = ",".join("?" * len(_TABLES))
    indexes = conn.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                           f" AND tbl_name IN ({marks})", _TABLES).fetchall()
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute("PRAGMA cache_size = -1000000")  # about 1 GB: the WITHOUT ROWID tables still take random inserts
    with write_tx(conn, f"the bulk-load layout of {path}"):
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
    state.deferred = True
    try:
        yield
    finally:
        state.deferred = False
        _STATES.pop(id(conn), None)
        with write_tx(conn, f"the indexes of {path}"):
            for _, sql in indexes:
                conn.execute(sql)
            if fts.has_facets(conn):
                conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
            entity_stats.rebuild(conn)
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
