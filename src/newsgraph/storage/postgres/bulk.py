"""Bulk loading of new articles into the PostgreSQL store with COPY, for building large benchmark stores.

``put`` writes one article with a dozen statements (a round trip each); at 10^6 articles that is hours. This module
writes the same rows :meth:`PostgresStore.put` writes for an article it has never seen (revision 1, its own story,
no duplicate) as one COPY per table per batch, and adds the batch to the per-entity counts. It does no dedup lookup, no revision check and takes no write lock:
the caller guarantees the articles are new and distinct (the search benchmark's synthetic corpus is), so several
processes may load disjoint batches at once. A test (tests/storage_contract/test_postgres.py) checks that a
bulk-loaded store reads back exactly as one filled by ``put_many``.
"""
from __future__ import annotations

import dataclasses
from contextlib import contextmanager
from typing import Iterator, Sequence

import psycopg

from ...model import Article
from ...record import quote_to_dict
from .. import entity_stats as stats
from ..words import key, terms
from . import entity_stats
from .facets import tsvector_literal
from .schema import SEARCH_INDEX
from .rows import _encode_record, _json, _now, _t

_ARTICLE_COLUMNS = ("pk, id, revision, current, content_hash, title, published, fetched, url, canonical_url, source,"
                    " language, text, story, duplicate_of, pipeline, problems, record, stored_at, facets")


def _ids(conn: psycopg.Connection, sequence: str, n: int) -> list[int]:
    """``n`` fresh values of ``sequence`` (other writers get other values)."""
    if n == 0:
        return []
    return [r[0] for r in conn.execute("SELECT nextval(%s) FROM generate_series(1, %s)", (sequence, n)).fetchall()]


def copy_new(conn: psycopg.Connection, articles: Sequence[Article]) -> int:
    """Store ``articles`` (new ids, distinct texts) in one transaction by COPY; the number stored."""
    stamp = _now()
    with conn.transaction():
        pks = _ids(conn, "articles_pk_seq", len(articles))
        entity_pks = iter(_ids(conn, "entities_pk_seq", sum(len(a.entities) for a in articles)))
        quote_pks = iter(_ids(conn, "quotes_pk_seq", sum(len(a.quotes) for a in articles)))
        rows: dict[str, list[tuple]] = {t: [] for t in ("entity_terms", "entities", "mentions", "quotes", "about",
                                                        "quote_terms")}
        counts: stats.Counts = stats.Counter()
        with conn.cursor() as cur:
            with cur.copy(f"COPY articles ({_ARTICLE_COLUMNS}) FROM STDIN") as copy:
                for pk, article in zip(pks, articles):
                    a = dataclasses.replace(article, story=article.story or article.id)
                    copy.write_row((pk, _t(a.id), 1, True, a.content_hash, _t(a.title), _t(a.published),
                                    _t(a.fetched), _t(a.url), _t(a.canonical_url), _t(a.source), _t(a.language),
                                    _t(a.text), _t(a.story), _t(a.duplicate_of), _t(_json(a.pipeline)),
                                    _t(_json([{"code": p.code, "detail": p.detail} for p in a.problems])),
                                    _encode_record(a), stamp, tsvector_literal(a)))
                    _derived(a, pk, entity_pks, quote_pks, rows, _t, _json)
                    stats.contributions(stats.from_article(a), counts)
            for table, columns in (("entity_terms", "term, pk"),
                                   ("entities", "pk, article, revision, pos, local_id, name, name_key, type, roles,"
                                                " global_id"),
                                   ("mentions", "entity, span_start, span_end"),
                                   ("quotes", "pk, article, revision, pos, speaker_name, speaker_key, speaker_entity,"
                                              " kind, text, cue, span_start, span_end, record"),
                                   ("about", "quote, entity, name, name_key"),
                                   ("quote_terms", "term, quote")):
                with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in rows[table]:
                        copy.write_row(row)
        # the per-entity counts put keeps: an upsert of this batch's sums (other loaders add theirs)
        entity_stats.apply(conn, counts)
    return len(articles)


def _derived(a: Article, pk: int, entity_pks, quote_pks, rows, _t, _json) -> None:
    """The rows of the other tables for stored article ``a`` (revision 1, primary key ``pk``)."""
    for term in dict.fromkeys(_t(t) for e in a.entities for t in terms(key(e.name))):
        rows["entity_terms"].append((term, pk))
    for pos, e in enumerate(a.entities):
        epk = next(entity_pks)
        rows["entities"].append((epk, _t(a.id), 1, pos, _t(e.id), _t(e.name), _t(key(e.name)), _t(e.type),
                                 _t(_json(list(e.roles))), _t(e.global_id)))
        rows["mentions"] += [(epk, m.start, m.end) for m in e.mentions]
    names = {e.id: e.name for e in a.entities}
    for pos, q in enumerate(a.quotes):
        qpk = next(quote_pks)
        speaker = None if q.speaker is None else (q.speaker.name or q.speaker.text)
        rows["quotes"].append((qpk, _t(a.id), 1, pos, _t(speaker), _t(key(speaker)),
                               _t(q.speaker.entity if q.speaker else None), _t(q.kind), _t(q.text), _t(q.cue),
                               q.span[0], q.span[1], _t(_json(quote_to_dict(q)))))
        rows["about"] += [(qpk, _t(ent), _t(names.get(ent, ent)), _t(key(names.get(ent, ent)))) for ent in q.about]
        rows["quote_terms"] += [(term, qpk) for term in dict.fromkeys(_t(t) for t in terms(key(speaker)))]


#: Memory for building the GIN index at least (the server's setting when larger): with less, the build writes its
#: entries out in more rounds, each merged into the index again (a 10^6-article build takes tens of minutes).
BUILD_MEMORY = "512MB"


def raise_build_memory(conn: psycopg.Connection) -> None:
    """``maintenance_work_mem`` of this session at least :data:`BUILD_MEMORY`, never lowered."""
    conn.execute("SELECT set_config('maintenance_work_mem', %s, false) WHERE (SELECT setting::bigint * 1024"
                 " FROM pg_settings WHERE name = 'maintenance_work_mem') < pg_size_bytes(%s)",
                 (BUILD_MEMORY, BUILD_MEMORY))


@contextmanager
def search_index_deferred(conn: psycopg.Connection) -> Iterator[None]:
    """Drop the full-text GIN index while a large load runs and build it once at the end (maintaining it row by
    row is most of a bulk load's time); the index is back whatever happens."""
    conn.execute("DROP INDEX IF EXISTS articles_tsv")
    try:
        yield
    finally:
        raise_build_memory(conn)
        conn.execute(f"CREATE INDEX IF NOT EXISTS articles_tsv ON articles USING gin {SEARCH_INDEX}")
