"""What only a server store has to prove: several writers at once, and a schema that upgrades in place."""
from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph import query
from newsgraph.errors import StoreError
from newsgraph.storage import SearchFilters, open_store

from .corpus import BODY, harbour, ingest
from .writer import PILOTS, numbered

WRITER = Path(__file__).with_name("writer.py")


@pytest.fixture
def pg_url(postgres_server) -> str:
    return postgres_server.new_database()


def _writer(url: str, first: int, last: int, reverse: bool = False, go: Path | None = None) -> subprocess.Popen:
    extra = (["--reverse"] if reverse else []) + (["--go", str(go)] if go else [])
    return subprocess.Popen([sys.executable, str(WRITER), url, str(first), str(last), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _start_together(writers: list[subprocess.Popen], go: Path) -> None:
    """Wait until every writer has its store open, then let them all go at once."""
    for proc in writers:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    go.touch()


def _finish(proc: subprocess.Popen) -> str:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    return out


def _assert_each_once(url: str, numbers: range) -> None:
    expected = {a.id for n in numbers for a in numbered(n)}
    with open_store(url, create=False) as store:
        ids = [a.id for a in store.iter_articles(current_only=False)]
        assert sorted(ids) == sorted(expected)  # every article, each once, one revision
        index = store.dedup_index()
        assert len(index) == len(expected) and all(index.entry(i) is not None for i in expected)
        linked: dict[str, set] = {}
        for article in store.iter_articles():
            for entity in article.entities:
                linked.setdefault(entity.name, set()).add(entity.global_id)
        assert set(linked) == {"Maria Costa", "harbour authority", *PILOTS}
        # One global entity per name, whichever writer met it first, however many met it at once.
        assert all(len(ids) == 1 and None not in ids for ids in linked.values())
        for n in numbers:
            if n % 5 == 4:  # an exact copy points at its original, and shares its story
                copy, original = store.get(f"y{n}"), store.get(f"x{n}")
                assert (copy.duplicate_of, copy.story) == ("x" + str(n), original.story)
        for article in store.iter_articles():
            assert store.get(article.story).story == article.story  # every story is led by a stored article


def test_three_writers_with_overlapping_inputs_store_every_article_once(pg_url, tmp_path):
    # All open an empty database at once (all create the schema), then start together: two race article by
    # article through the same inputs, the third starts on other articles naming the same new entities and meets
    # them from the other end.
    go = tmp_path / "go"
    writers = [_writer(pg_url, 0, 40, go=go), _writer(pg_url, 0, 40, go=go), _writer(pg_url, 10, 50, True, go)]
    _start_together(writers, go)
    stored = [int(_finish(p).split()[-1]) for p in writers]
    expected = sum(len(numbered(n)) for n in range(50))
    assert sum(stored) == expected  # what one stored, the other skipped
    _assert_each_once(pg_url, range(50))


def test_a_writer_killed_midway_and_rerun_leaves_every_article_once(pg_url):
    victim, other = _writer(pg_url, 0, 40), _writer(pg_url, 20, 50, reverse=True)
    for line in victim.stdout:  # let it store some articles, then kill it in the middle of its work
        if int(line) >= 8:
            break
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait()
    _finish(other)
    _finish(_writer(pg_url, 0, 40))  # the rerun
    _assert_each_once(pg_url, range(50))


def test_a_store_of_schema_1_upgrades_in_place(pg_url, monkeypatch):
    from newsgraph.storage.postgres import schema, store as pg_store
    monkeypatch.setattr(pg_store, "migrate", functools.partial(schema.migrate, target=1))
    for step in ("apply", "retire"):  # an older newsgraph kept no per-entity counts
        monkeypatch.setattr(pg_store.entity_stats, step, lambda *args: None)
    with open_store(pg_url) as old:  # what an older newsgraph wrote: no search column
        ingest(old, [harbour("a"), harbour("b", source="other.example", published="2014-04-02")])
    monkeypatch.undo()
    with open_store(pg_url) as store:
        assert query.entity(store, "Maria Costa", include_copies=True).articles == 2  # counted by the upgrade
        assert sorted(h.id for h in store.search("strike")) == ["a", "b"]
        assert [h.id for h in store.search("strike", filters=SearchFilters(source="OTHER.example"))] == ["b"]
        assert [h.id for h in store.search("strike", filters=SearchFilters(since="2014-04"))] == ["b"]  # v6's index
        assert store.get("a").quotes[0].speaker.name == "Maria Costa"


def test_a_store_of_a_newer_newsgraph_is_refused(pg_url):
    import psycopg
    open_store(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO newsgraph_schema (version) VALUES (99)")
    with pytest.raises(StoreError, match="schema 99"):
        open_store(pg_url)


def test_a_reader_does_not_create_a_store(pg_url):
    with pytest.raises(StoreError, match="no newsgraph store"):
        open_store(pg_url, create=False)



def test_a_readonly_store_reads_and_refuses_writes(pg_url):
    with open_store(pg_url) as store:
        ingest(store, [harbour("a")])
    with open_store(pg_url, create=False, readonly=True) as reader:
        assert [h.id for h in reader.search("strike")] == ["a"]
        with pytest.raises(StoreError):
            reader.put(harbour("b"))


def _table_rows(url: str) -> dict:
    """Every row of the article-derived tables, with the generated keys (pk, sequence values) left out."""
    import psycopg
    queries = {
        "articles": "SELECT id, revision, current, content_hash, title, published, source, text, story, duplicate_of,"
                    " pipeline, problems, record, tsv::text, rank_tsv::text, facets::text FROM articles",
        "entities": "SELECT article, revision, pos, local_id, name, name_key, type, roles, global_id FROM entities",
        "mentions": "SELECT e.article, e.pos, m.span_start, m.span_end FROM mentions m JOIN entities e"
                    " ON e.pk = m.entity",
        "entity_terms": "SELECT t.term, a.id FROM entity_terms t JOIN articles a ON a.pk = t.pk",
        "quotes": "SELECT article, revision, pos, speaker_name, speaker_key, speaker_entity, kind, text, cue,"
                  " span_start, span_end, record FROM quotes",
        "about": "SELECT q.article, q.pos, b.entity, b.name, b.name_key FROM about b JOIN quotes q ON q.pk = b.quote",
        "quote_terms": "SELECT t.term, q.article, q.pos FROM quote_terms t JOIN quotes q ON q.pk = t.quote",
        # the per-entity counts behind the entity page (a bulk load that left them empty made every entity 404)
        "entity_stats": "SELECT ekey, facet, value, is_copy, n FROM entity_stats",
    }
    with psycopg.connect(url) as conn:
        return {table: sorted(conn.execute(sql).fetchall(), key=repr) for table, sql in queries.items()}


def test_a_bulk_loaded_store_holds_exactly_the_rows_put_writes(postgres_server):
    """The search benchmark's COPY loader (storage/postgres/bulk.py) must build the store put_many builds."""
    import random

    import psycopg

    from newsgraph.bench.search_corpus import synthetic_article
    from newsgraph.storage.postgres.bulk import copy_new
    rng = random.Random(7)
    articles = [synthetic_article(i, rng) for i in range(12)]
    put_url, bulk_url = (postgres_server.new_database() for _ in range(2))
    with open_store(put_url) as store:
        store.put_many(articles)
    with open_store(bulk_url):  # the schema
        pass
    with psycopg.connect(bulk_url) as conn:
        assert copy_new(conn, articles[:5]) == 5 and copy_new(conn, articles[5:]) == 7
    put_rows, bulk_rows = _table_rows(put_url), _table_rows(bulk_url)
    assert len(put_rows["articles"]) == 12 and put_rows["quote_terms"] and put_rows["entity_terms"] \
        and put_rows["entity_stats"]
    assert bulk_rows == put_rows
    with open_store(bulk_url) as bulk, open_store(put_url) as put:
        name = articles[3].entities[0].name
        assert [h.id for h in bulk.search(name)] == [h.id for h in put.search(name)] != []


def _named(article_id: str, *names: tuple[str, str | None]) -> "Article":
    """An article about a strike naming entities (name, linked global id), in a made-up sentence."""
    from newsgraph.ids import content_hash
    from newsgraph.model import Article, Entity
    text = f"Dock workers went on strike at the port ({article_id}); " + "; ".join(n for n, _ in names) + "."
    ents = [Entity(f"e{i}", n, "PERSON", [], [], g) for i, (n, g) in enumerate(names)]
    return Article(article_id, text, content_hash(text), title=f"Strike ({article_id})", published="2014-03-10",
                   source="port.example", language="en", entities=ents)


def _facet_articles() -> list:
    odd = "Seán O'Brien-Smith \\ Jr"  # a quote and a backslash, as a tsvector and a tsquery literal must escape
    long_name = "Ana " + "Vasconcelos-" * 30 + "Pereira"  # terms past the lexemes' 200 characters
    return [_named("quote", (odd, "g'1\\x")), _named("alias", ("Ann Lee", "g'1\\x")),
            _named("long", (long_name, None)), _named("plain", ("Maria Costa", "g2"), ("Ann Leeds", None)),
            _named("many", *[(f"Speaker{i} " + "Quintanilha " * 12 + f"Number{i}", None) for i in range(40)])]


_FILTERS = ["seán o'brien-smith \\ jr", "o'bri", "smith \\", "\\ jr", "ann lee", "ann", "lee", "costa", "vasconcelos",
            "ana " + "vasconcelos-" * 17, "ana " + "vasconcelos-" * 30 + "pereira", "quintanilha", "number3",
            "speaker39 quintanilha", "eds", "nobody", "'", "\\"]


def test_entity_filters_as_lexemes_find_what_the_sql_filter_finds(pg_url, monkeypatch):
    """The facet lexemes (storage/postgres/facets.py) answer every entity filter as the SQL filter does: prefixes of
    names with quotes and backslashes, prefixes longer than a lexeme keeps, linked ids, the substring fallback, and
    an article whose lexemes would be too many (there the SQL filter decides)."""
    from newsgraph.storage.postgres import facets
    monkeypatch.setattr(facets, "MAX_BYTES", 20_000)  # "many" passes it, the others do not
    with open_store(pg_url) as store:
        store.put_many(_facet_articles())
        assert store.facet_index
        with store._conn.cursor() as cur:
            over = cur.execute("SELECT id FROM articles WHERE facets @@ %s::tsquery", (facets.over_query(),))
            assert [r[0] for r in over.fetchall()] == ["many"]

        def ids(entity: str) -> list[str]:
            return sorted(h.id for h in store.search("strike", filters=SearchFilters(entity=entity)))
        by_lexemes = {f: ids(f) for f in _FILTERS}
        store.facet_index = False  # the SQL filter of schema version 6
        assert by_lexemes == {f: ids(f) for f in _FILTERS}
    assert by_lexemes["o'bri"] == ["quote"]
    assert by_lexemes["seán o'brien-smith \\ jr"] == ["alias", "quote"]  # alias: linked to the name's global id
    assert by_lexemes["ann lee"] == ["alias", "plain", "quote"] and by_lexemes["lee"] == ["alias", "plain"]
    assert by_lexemes["vasconcelos"] == by_lexemes["ana " + "vasconcelos-" * 30 + "pereira"] == ["long"]
    assert by_lexemes["quintanilha"] == by_lexemes["speaker39 quintanilha"] == ["many"]
    assert by_lexemes["eds"] == ["plain"] and by_lexemes["nobody"] == [] and by_lexemes["costa"] == ["plain"]


def test_a_store_of_schema_6_upgrades_to_facet_lexemes(pg_url, postgres_server, monkeypatch):
    """Schema version 7 fills the facets of every stored article in the upgrade, as put writes them."""
    import psycopg

    from newsgraph.storage.postgres import facets, schema, store as pg_store
    monkeypatch.setattr(facets, "MAX_BYTES", 20_000)
    articles = _facet_articles()
    with open_store(pg_url) as store:  # a revision: the upgrade fills current rows only, as search reads them
        store.put(_named("plain", ("Someone Else", "g9")))
    monkeypatch.setattr(pg_store, "migrate", functools.partial(schema.migrate, target=6))
    old_url = postgres_server.new_database()
    with open_store(old_url) as old:
        assert not old.facet_index
        old.put(_named("plain", ("Someone Else", "g9")))
        old.put_many(articles)
    monkeypatch.setattr(pg_store, "migrate", schema.migrate)
    with open_store(old_url) as upgraded, open_store(pg_url) as fresh:
        fresh.put_many(articles)
        assert upgraded.facet_index and schema.version(upgraded._conn) == schema.SCHEMA_VERSION
        for name in ("o'bri", "ann lee", "vasconcelos", "quintanilha", "someone"):
            found = [h.id for h in upgraded.search("strike", filters=SearchFilters(entity=name))]
            assert found == [h.id for h in fresh.search("strike", filters=SearchFilters(entity=name))]
    rows = "SELECT id, facets::text FROM articles WHERE current ORDER BY id"
    with psycopg.connect(old_url) as a, psycopg.connect(pg_url) as b:
        assert a.execute(rows).fetchall() == b.execute(rows).fetchall()
        assert "'x:over'" in dict(a.execute(rows).fetchall())["many"]


def test_a_revision_retires_exactly_its_entity_terms(pg_url):
    """The old revision's entity terms go (deleted by their exact key, not a scan of the table), the new one's come,
    and another article's rows stay."""
    import dataclasses

    import psycopg

    from newsgraph.ids import content_hash
    first = harbour("a")
    with open_store(pg_url) as store:
        store.put(first)
        store.put(harbour("b"))
        text = first.text + " Ships were moving again by noon."
        store.put(dataclasses.replace(first, text=text, content_hash=content_hash(text),
                                      entities=[dataclasses.replace(first.entities[0], name="Mary Coast"),
                                                first.entities[1]]))
    with psycopg.connect(pg_url) as conn:
        rows = conn.execute("SELECT a.id, a.current, t.term FROM entity_terms t JOIN articles a ON a.pk = t.pk"
                            ).fetchall()
    by_article = {}
    for article_id, current, term in rows:
        assert current, f"a retired revision of {article_id} keeps the term {term!r}"
        by_article.setdefault(article_id, set()).add(term)
    assert "costa" in by_article["b"] and "costa" not in by_article["a"] and "coast" in by_article["a"]


_DATES = [None, "2019", "2019-06-03", "2014-03-31T21:00:00-05:00", "2015-01-01T01:00:00+05:00", "2019-13-01",
          "May 2013", "2013/05/04", "2013-05", "2016-02-30T10:00:00Z", "1999-12-31T23:30:00-01:00", "２０１９-06"]


def test_the_keys_of_the_index_are_the_lexemes_spans_covers(pg_url):
    """The index expression (schema version 8) gives the lexemes storage/postgres/spans.py covers ranges and dates
    with: the pk's spans, and the year and month of the UTC date as the SQLite store's date tokens have them."""
    import psycopg

    from newsgraph.storage.postgres import spans
    open_store(pg_url).close()
    pks = [0, 1, 4095, 4096, 65_535, 65_536, 1_048_576, 16_777_216, 2 ** 40 + 12_345]
    with psycopg.connect(pg_url) as conn:
        for pk, published in zip(pks + pks[:len(_DATES) - len(pks)], _DATES):
            got = conn.execute(f"SELECT tsvector_to_array({spans.FUNCTION}(%s, %s))", (pk, published)).fetchone()[0]
            assert sorted(got) == sorted(spans.lexemes(pk, published)), published
    assert spans.lexemes(0, "2014-03-31T21:00:00-05:00")[-2:] == ["y2014", "m201404"]  # April in UTC


def test_date_filters_as_lexemes_find_what_the_sql_filter_finds(pg_url):
    """Year and month bounds read through the index's date lexemes pass exactly the articles the SQL range passes:
    dates shifted across a month or a year by their zone, a year alone, undated and unreadable values."""
    with open_store(pg_url) as store:
        ingest(store, [harbour(f"d{n}", f"Report {n}. {BODY}", published=p) for n, p in enumerate(_DATES)])
        bounds = [("2019", None), ("2019-06", None), (None, "2019"), (None, "2014-03"), ("2014-04", "2015-01"),
                  ("2015", "2015"), ("2000", None), (None, "1999-12"), ("2030", None), ("2019-06-03", None),
                  ("2013-05", "2013-05"), (None, None)]

        def ids(since, until):
            found = store.search("strike", limit=50, filters=SearchFilters(since=since, until=until))
            return sorted(h.id for h in found)
        by_lexemes = {b: ids(*b) for b in bounds}
        store.span_index = False  # the SQL ranges of schema version 6
        assert by_lexemes == {b: ids(*b) for b in bounds}
    assert by_lexemes[(None, "2014-03")] == ["d10", "d8"] and by_lexemes[("2014-04", "2015-01")] == ["d3", "d4"]
    assert by_lexemes[("2015", "2015")] == [] and by_lexemes[(None, "1999-12")] == []  # d10: 2000 in UTC
    assert by_lexemes[("2019", None)] == ["d1", "d2"] and by_lexemes[("2030", None)] == []


@pytest.mark.parametrize("probed", [False, True])
def test_a_window_over_spans_of_pks_ranks_the_newest_matches(pg_url, monkeypatch, probed):
    """The newest-matches window read through the pk spans of the GIN index finds the window the range without
    spans finds, and it is the newest matches': pks spread over spans of every level (the sequence moved on
    between articles), every third article without the query's word. ``probed``: the first range
    sized from the matches counted among the newest pks, as when the planner guesses too few matches."""
    import psycopg

    from newsgraph.storage.postgres import search, spans
    if probed:  # the planner's estimate says "the whole store"
        first = search._first_floor
        monkeypatch.setattr(search, "_first_floor", lambda *args: (None, first(*args)[1], 0))
    gaps = [0] * 45
    gaps[3], gaps[9], gaps[20], gaps[30], gaps[38], gaps[41] = 4_000, 70_000, 1_100_000, 17_000_000, 61_440, 2 ** 20
    with open_store(pg_url) as store, psycopg.connect(pg_url, autocommit=True) as seq:
        assert store.span_index
        for n in range(45):
            if gaps[n]:
                seq.execute("SELECT setval('articles_pk_seq', nextval('articles_pk_seq') + %s)", (gaps[n],))
            text = f"Report {n} from the docks. " + ("The ferry crews walked out. " if n % 3 else "") + BODY
            store.put(harbour(f"n{n}", text))
        seq.execute("ANALYZE articles")  # the first range is sized from the planner's estimate and the row count
        matching = [f"n{n}" for n in range(45) if n % 3]
        pks = dict(seq.execute("SELECT id, pk FROM articles").fetchall())
        assert pks["n44"] > 2 ** 24  # the top level's spans are met too
        for window in (1, 2, 5, 11, 29, 30, 40):
            newest = set(matching[-window:])
            with_spans = [h.id for h in store.search("ferry", limit=window, window=window)]
            assert set(with_spans) == newest, window
            store.span_index = False
            assert [h.id for h in store.search("ferry", limit=window, window=window)] == with_spans
            store.span_index = True
        assert spans.cover(pks["n40"], pks["n44"]).count("|") >= 3  # several spans, of several levels


def test_a_store_of_schema_7_upgrades_to_pk_spans(pg_url, monkeypatch):
    """Schema version 8 builds the GIN index again with the spans of every stored article's pk: a windowed search
    of the upgraded store reads them and finds what it found before."""
    import psycopg

    from newsgraph.storage.postgres import schema, store as pg_store
    monkeypatch.setattr(pg_store, "migrate", functools.partial(schema.migrate, target=7))
    with open_store(pg_url) as old:
        assert not old.span_index
        ingest(old, [harbour(f"s{n}", f"Report {n}. " + ("The ferry crews walked out. " if n % 2 else "") + BODY)
                     for n in range(30)])
        old._conn.execute("ANALYZE articles")
        before = [h.id for h in old.search("ferry", limit=3, window=3)]
    monkeypatch.setattr(pg_store, "migrate", schema.migrate)
    with open_store(pg_url) as upgraded:
        assert upgraded.span_index and schema.version(upgraded._conn) == schema.SCHEMA_VERSION == 8
        assert [h.id for h in upgraded.search("ferry", limit=3, window=3)] == before
        assert sorted(before) == ["s25", "s27", "s29"]
    with psycopg.connect(pg_url) as conn:
        columns = conn.execute("SELECT pg_get_indexdef('articles_tsv'::regclass)").fetchone()[0]
        assert "newsgraph_keys(pk, published)" in columns


def test_a_frequent_speakers_quotes_walked_by_date_are_the_joins(pg_url, monkeypatch):
    """The walk down the date index (storage/postgres/store.py, for a speaker quoted often) lists what the join
    lists, in its order: ties of one date by quote, undated and empty dates last, copies, "about", offsets."""
    from newsgraph.storage.postgres import store as pg_store
    dates = ["2014-03-10", "2014-03-10", None, "2015-01-02", "", "2014-03-10T08:00:00Z", None, "2013", "2015-01-02"]
    with open_store(pg_url) as store:
        ingest(store, [harbour(f"q{n}", f"Report {n}. {BODY}", published=p) for n, p in enumerate(dates)]
               + [harbour("copy", published="2015-01-02")])  # a copy of the others (duplicate_of)

        def listed(**kw):
            return [(h.article_id, h.published) for h in store.quotes(speaker="costa", **kw)]
        cases = [{}, {"limit": 3}, {"limit": 4, "offset": 3}, {"limit": 5, "offset": 7}, {"include_copies": False},
                 {"about": "harbour", "limit": 6}, {"about": "nothing"}]
        monkeypatch.setattr(pg_store, "WALK_QUOTES", 10 ** 9)  # never walk: the join
        joined = [listed(**kw) for kw in cases]
        monkeypatch.setattr(pg_store, "WALK_QUOTES", 0)  # always walk
        assert [listed(**kw) for kw in cases] == joined
    assert joined[0][:3] == [("q3", "2015-01-02"), ("q8", "2015-01-02"), ("copy", "2015-01-02")]  # ties: by quote
    assert [p for _, p in joined[0][-3:]] == [None, "", None] and len(joined[0]) == 10
    assert len(joined[3]) == 3 and joined[-1] == [] and "copy" not in dict(joined[4])
