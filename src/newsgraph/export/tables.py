"""Parquet for analytics: a folder of five tables linked by article id (``export --format parquet --tables``).

    DIR/articles.parquet   one row per current article (id, published, source, title, url, story, …, text)
    DIR/quotes.parquet     one row per quote: article, pos, kind, speaker, speaker_entity, via, text, cue, about, span
    DIR/entities.parquet   one row per entity of an article: article, local_id, name, type, global_id, roles, mentions
    DIR/figures.parquet    one row per figure: article, pos, kind, value, value_min, value_max, unit, object, …
    DIR/times.parquet      one row per time expression: article, pos, type, value, text, span

``quotes.speaker`` is what the store's quote queries call the speaker: the resolved name, else the words that name
the speaker ("a spokesman"). A join on ``quotes.article = articles.id`` brings in date, outlet and story. Memory
holds one batch of articles whatever the store's size; each table is written in row groups as it grows.
"""
from __future__ import annotations

from contextlib import ExitStack
from itertools import islice
from os import PathLike
from pathlib import Path
from typing import Any, Iterable, Union

from ..errors import ConfigError
from ..model import Article
from .parquet import BATCH, _pyarrow

TABLES = ("articles", "quotes", "entities", "figures", "times")


def _schemas(pa) -> dict[str, Any]:
    s, i, f, b = pa.string(), pa.int64(), pa.float64(), pa.bool_()
    strings = pa.list_(s)
    spec = {
        "articles": [("id", s), ("published", s), ("source", s), ("title", s), ("url", s), ("canonical_url", s),
                     ("language", s), ("authors", strings), ("agency", s), ("story", s), ("duplicate_of", s),
                     ("content_hash", s), ("text", s)],
        "quotes": [("article", s), ("pos", i), ("kind", s), ("speaker", s), ("speaker_entity", s), ("via", s),
                   ("text", s), ("cue", s), ("about", strings), ("start", i), ("end", i)],
        "entities": [("article", s), ("local_id", s), ("name", s), ("type", s), ("global_id", s),
                     ("roles", strings), ("mentions", i)],
        "figures": [("article", s), ("pos", i), ("kind", s), ("text", s), ("value", f), ("value_min", f),
                    ("value_max", f), ("vague", b), ("unit", s), ("qualifier", s), ("object", s), ("event", s),
                    ("start", i), ("end", i)],
        "times": [("article", s), ("pos", i), ("type", s), ("value", s), ("text", s), ("start", i), ("end", i)],
    }
    return {name: pa.schema([pa.field(n, t) for n, t in fields]) for name, fields in spec.items()}


def _article_row(a: Article) -> dict[str, Any]:
    return {"id": a.id, "published": a.published, "source": a.source, "title": a.title, "url": a.url,
            "canonical_url": a.canonical_url, "language": a.language, "authors": list(a.authors),
            "agency": a.agency, "story": a.story, "duplicate_of": a.duplicate_of, "content_hash": a.content_hash, "text": a.text}


def _quote_rows(a: Article) -> list[dict[str, Any]]:
    names = {e.id: e.name for e in a.entities}
    rows = []
    for pos, q in enumerate(a.quotes):
        sp = q.speaker
        rows.append({"article": a.id, "pos": pos, "kind": q.kind, "speaker": sp and (sp.name or sp.text),
                     "speaker_entity": sp and sp.entity, "via": sp and sp.via, "text": q.text, "cue": q.cue,
                     "about": [names.get(e, e) for e in q.about], "start": q.span[0], "end": q.span[1]})
    return rows


def _entity_rows(a: Article) -> list[dict[str, Any]]:
    return [{"article": a.id, "local_id": e.id, "name": e.name, "type": e.type, "global_id": e.global_id,
             "roles": list(e.roles), "mentions": len(e.mentions)} for e in a.entities]


def _figure_rows(a: Article) -> list[dict[str, Any]]:
    return [{"article": a.id, "pos": pos, "kind": g.kind, "text": g.text, "value": g.value,
             "value_min": g.value_min, "value_max": g.value_max, "vague": g.vague, "unit": g.unit,
             "qualifier": g.qualifier, "object": g.object, "event": g.event, "start": g.span[0], "end": g.span[1]}
            for pos, g in enumerate(a.figures)]


def _time_rows(a: Article) -> list[dict[str, Any]]:
    return [{"article": a.id, "pos": pos, "type": t.type, "value": t.value, "text": t.text,
             "start": t.span[0], "end": t.span[1]} for pos, t in enumerate(a.times)]


_ROWS = {"quotes": _quote_rows, "entities": _entity_rows, "figures": _figure_rows, "times": _time_rows}


def write_tables(articles: Iterable[Article], folder: Union[str, PathLike]) -> int:
    """The five tables in ``folder`` (created; it must not already hold them: two exports never mix).
    Every table file is written, with its schema, even when empty. Returns the number of articles."""
    pa, pq = _pyarrow()
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    clash = [name for name in TABLES if (target / f"{name}.parquet").exists()]
    if clash:
        raise ConfigError(f"{target} already holds {clash[0]}.parquet; export into an empty folder")
    schemas = _schemas(pa)
    n = 0
    it = iter(articles)
    with ExitStack() as stack:
        writers = {name: stack.enter_context(pq.ParquetWriter(target / f"{name}.parquet", schemas[name]))
                   for name in TABLES}
        while batch := list(islice(it, BATCH)):
            rows = {"articles": [_article_row(a) for a in batch]}
            rows.update({name: [r for a in batch for r in fn(a)] for name, fn in _ROWS.items()})
            for name, table_rows in rows.items():
                if table_rows:
                    writers[name].write_table(pa.Table.from_pylist(table_rows, schema=schemas[name]))
            n += len(batch)
    return n
