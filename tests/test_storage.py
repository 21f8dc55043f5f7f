"""The SQLite store: exact round trip, re-ingest rules, search, quotes, resume, and crash consistency."""
from __future__ import annotations

import dataclasses
import json
import os
import signal
from newsgraph.storage.sqlite.engine import sqlite3
import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import ConfigError, StoreError
from newsgraph.ids import content_hash
from newsgraph.model import Article, Entity, Figure, Mention, Problem, Quote, Speaker, TimeRef
from newsgraph.record import to_record
from newsgraph.storage import PutStatus, default_db_path, open_store
from newsgraph.storage.base import SearchFilters
from newsgraph.storage.sqlite import fts
from newsgraph.storage.sqlite.facet_tokens import article_tokens
from newsgraph.storage.sqlite.speakers import MAX_TERMS
from newsgraph.storage.words import terms
from newsgraph.storage.sqlite import fts_query

# -- builders ----------------------------------------------------------------------------------------------------

LAVROV_TEXT = ('Sergey Lavrov said the United States had crossed a "red line" on Friday. '
               '"We will not accept this," Lavrov added. John Kerry said the talks would go on.')


def lavrov(article_id: str = "a1", text: str = LAVROV_TEXT, published: str | None = "2013-05-04T12:15:00",
           title: str = "Lavrov warns Washington") -> Article:
    def at(s: str, nth: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(nth + 1):
            start = text.index(s, start + 1)
        return start, start + len(s)

    ents = [Entity("e1", "Sergey Lavrov", "PERSON", [Mention(*at("Sergey Lavrov")), Mention(*at("Lavrov", 1))],
                   ["Foreign Minister"]),
            Entity("e2", "United States", "GPE", [Mention(*at("United States"))]),
            Entity("e3", "John Kerry", "PERSON", [Mention(*at("John Kerry"))])]
    quotes = [Quote("red line", at("red line"), "mixed", [at("red line")], "said", at("said"),
                    Speaker("Sergey Lavrov", at("Sergey Lavrov"), "e1", "Sergey Lavrov"), ["e2"]),
              Quote("We will not accept this,", at("We will not accept this,"), "direct",
                    [at("We will not accept this,")], "added", at("added"),
                    Speaker("Lavrov", at("Lavrov", 1), "e1", "Sergey Lavrov"), ["e2"]),
              Quote("the talks would go on", at("the talks would go on"), "indirect", [], "said", at("said", 1),
                    Speaker("John Kerry", at("John Kerry"), "e3", "John Kerry"), [])]
    return Article(article_id, text, content_hash(text), title=title, published=published, language="en",
                   source="example.org", entities=ents, quotes=quotes, pipeline={"newsgraph": "0.1.0"})


def plain(article_id: str, text: str, **kw) -> Article:
    return Article(article_id, text, content_hash(text), **kw)


@st.composite
def spans(draw, n: int) -> tuple[int, int]:
    start = draw(st.integers(0, n))
    return start, draw(st.integers(start, n))


SHORT = st.text(max_size=20)
MAYBE = st.none() | SHORT


@st.composite
def articles(draw) -> Article:
    """Random but well-formed Articles: every span inside the text, entity references to existing entities."""
    text = draw(st.text(max_size=200))
    n = len(text)
    entities = [Entity(f"e{i}", draw(SHORT), draw(st.sampled_from(["PERSON", "ORG", "GPE", "LOC"])),
                       [Mention(*draw(spans(n))) for _ in range(draw(st.integers(0, 3)))],
                       draw(st.lists(SHORT, max_size=2)), draw(MAYBE))
                for i in range(draw(st.integers(0, 4)))]
    ids = [e.id for e in entities]
    ref = st.sampled_from(ids) if ids else st.none()
    speaker = st.none() | st.builds(Speaker, SHORT, spans(n), st.none() | ref, MAYBE)
    quotes = draw(st.lists(st.builds(Quote, SHORT, spans(n), st.sampled_from(["direct", "mixed", "indirect"]),
                                     st.lists(spans(n), max_size=2), MAYBE, st.none() | spans(n), speaker,
                                     st.lists(st.sampled_from(ids) | SHORT if ids else SHORT, max_size=2)),
                          max_size=3))
    number = st.none() | st.floats(allow_nan=False, allow_infinity=False) | st.integers(-10**6, 10**6)
    figures = draw(st.lists(st.builds(Figure, SHORT, spans(n), st.sampled_from(["count", "amount", "percent"]),
                                      number, number, MAYBE, MAYBE, MAYBE, MAYBE), max_size=2))
    times = draw(st.lists(st.builds(TimeRef, SHORT, spans(n), st.sampled_from(["DATE", "TIME", "SET"]), MAYBE),
                          max_size=2))
    return Article(draw(st.text(min_size=1, max_size=12)), text, content_hash(text), title=draw(MAYBE),
                   published=draw(MAYBE), fetched=draw(MAYBE), url=draw(MAYBE), canonical_url=draw(MAYBE),
                   source=draw(MAYBE), image=draw(MAYBE), authors=draw(st.lists(SHORT, max_size=2)),
                   language=draw(MAYBE), entities=entities, quotes=quotes, figures=figures, times=times,
                   pipeline=draw(st.dictionaries(SHORT, SHORT, max_size=2)),
                   problems=draw(st.lists(st.builds(Problem, SHORT, SHORT), max_size=2)))


def check_rows_match(conn: sqlite3.Connection) -> int:
    """Every stored revision's entity, mention, quote and about rows are exactly what its record says."""
    n = 0
    for article_id, revision, record in conn.execute("SELECT id, revision, record FROM articles").fetchall():
        rec = json.loads(record)
        ents = conn.execute("SELECT pk, local_id, name, type, roles, global_id FROM entities"
                            " WHERE article = ? AND revision = ? ORDER BY pos", (article_id, revision)).fetchall()
        assert [(e[1], e[2], e[3], json.loads(e[4]), e[5]) for e in ents] == \
            [(e["id"], e["name"], e["type"], e["roles"], e["global_id"]) for e in rec["entities"]]
        for row, ent in zip(ents, rec["entities"]):
            mentions = conn.execute("SELECT span_start, span_end FROM mentions WHERE entity = ? ORDER BY rowid",
                                    (row[0],)).fetchall()
            assert [list(m) for m in mentions] == ent["mentions"]
        quotes = conn.execute("SELECT pk, record FROM quotes WHERE article = ? AND revision = ? ORDER BY pos",
                              (article_id, revision)).fetchall()
        assert [json.loads(q[1]) for q in quotes] == rec["quotes"]
        for (qpk, _), q in zip(quotes, rec["quotes"]):
            about = conn.execute("SELECT entity FROM about WHERE quote = ? ORDER BY rowid", (qpk,)).fetchall()
            assert [a[0] for a in about] == q["about"]
        n += 1
    # The speaker index holds exactly the word-start terms of the current revisions' quotes.
    expected = {(t, pub or "", pk, copy) for pk, key, pub, copy in conn.execute(
        "SELECT q.pk, q.speaker_key, a.published, a.duplicate_of IS NOT NULL FROM quotes q JOIN articles a"
        " ON a.id = q.article AND a.revision = q.revision WHERE a.current = 1") for t in terms(key)}
    assert set(conn.execute("SELECT term, pub, quote, copy FROM quote_speakers")) == expected
    # Search facets: one row per current revision with its filter columns.
    assert conn.execute("SELECT pk, id, revision, published, source, story FROM search_facets ORDER BY pk"
                        ).fetchall() == conn.execute(
        "SELECT pk, id, revision, published, source, story FROM articles WHERE current = 1 ORDER BY pk").fetchall()
    # ... and its facet tokens, which the schema 2 index holds as its third column.
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_tokens'").fetchone():
        tokens = dict(conn.execute("SELECT pk, fts FROM search_tokens"))
        entities: dict[int, list] = {}
        for pk, key, global_id in conn.execute("SELECT a.pk, e.name_key, e.global_id FROM entities e JOIN articles a"
                                               " ON a.id = e.article AND a.revision = e.revision WHERE a.current = 1"):
            entities.setdefault(pk, []).append((key, global_id))
        assert tokens == {pk: article_tokens(published, source, story, [k for k, _ in entities.get(pk, [])],
                                             [g for _, g in entities.get(pk, [])])
                          for pk, published, source, story in conn.execute(
                              "SELECT pk, published, source, coalesce(story, id) FROM articles WHERE current = 1")}
    assert set(conn.execute("SELECT term, pk FROM entity_terms")) == {(t, pk) for pk, key in conn.execute(
        "SELECT a.pk, e.name_key FROM entities e JOIN articles a ON a.id = e.article AND a.revision = e.revision"
        " WHERE a.current = 1") for t in terms(key)}
    # The full-text index holds exactly the current revisions (rank=1: compare with the content view too).
    fts.integrity_check(conn, fts.index_of(conn), content=True)
    return n


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "news.db") as s:
        yield s


# -- round trip --------------------------------------------------------------------------------------------------

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article=articles())
def test_round_trip_is_exact(article):
    with open_store(":memory:") as s:
        result = s.put(article)
        assert result.status is PutStatus.STORED and result.revision == 1
        expected = to_record(dataclasses.replace(article, story=result.story, duplicate_of=result.duplicate_of))
        assert to_record(s.get(article.id)) == expected
        assert [to_record(a) for a in s.iter_articles()] == [expected]
        assert check_rows_match(s._conn) == 1


def test_put_does_not_modify_the_callers_article(store):
    a = lavrov()
    before = to_record(a)
    store.put(a)
    store.put(dataclasses.replace(lavrov(), id="a2"))
    assert to_record(a) == before


def test_data_survives_reopening(tmp_path):
    path = tmp_path / "news.db"
    with open_store(path) as s:
        s.put(lavrov())
    with open_store(path) as s:
        assert s.count() == 1 and to_record(s.get("a1"))["title"] == "Lavrov warns Washington"
        assert s._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_get_unknown_is_none(store):
    assert store.get("nope") is None
    assert store.get("a1", revision=3) is None


# -- re-ingest rules ---------------------------------------------------------------------------------------------

def test_same_id_same_hash_is_skipped(store):
    assert store.put(lavrov()).status is PutStatus.STORED
    # The hash is of normalised text, so a whitespace-only change is the same content.
    again = lavrov(text=LAVROV_TEXT.replace(" said", "  said"))
    assert again.content_hash == lavrov().content_hash
    result = store.put(again)
    assert result.status is PutStatus.SKIPPED and result.revision == 1
    assert store.count(current_only=False) == 1
    assert store.get("a1").text == LAVROV_TEXT


def test_changed_text_is_a_new_current_revision(store):
    store.put(lavrov())
    new_text = LAVROV_TEXT.replace("on Friday", "at the Rubicon")
    result = store.put(lavrov(text=new_text))
    assert (result.status, result.revision) == (PutStatus.REVISED, 2)
    assert store.get("a1").text == new_text
    assert store.get("a1", revision=1).text == LAVROV_TEXT
    assert store.revisions("a1") == [1, 2]
    assert store.count() == 1 and store.count(current_only=False) == 2
    assert [a.text for a in store.iter_articles()] == [new_text]
    assert len(list(store.iter_articles(current_only=False))) == 2
    # The full-text index follows the current revision only.
    assert [h.id for h in store.search("rubicon")] == ["a1"]
    assert store.search("friday") == []
    # A third put of the first text is another revision, not a skip: only the current one counts.
    assert store.put(lavrov()).revision == 3
    assert check_rows_match(store._conn) == 3


def test_same_text_under_another_id_is_a_duplicate(store):
    assert store.put(lavrov("a1")).duplicate_of is None
    store.put(plain("b1", "Something else entirely."))
    second = store.put(lavrov("a2"))
    third = store.put(lavrov("a3"))
    assert second.status is PutStatus.STORED
    assert second.duplicate_of == "a1" and third.duplicate_of == "a1"  # the earliest, not the latest
    assert second.story == third.story == "a1"
    stored = store.get("a3")
    assert (stored.duplicate_of, stored.story) == ("a1", "a1")  # set on the stored record too
    assert store.get("a1").story == "a1" and store.get("b1").story == "b1"
    assert store.count() == 4


def test_duplicate_follows_the_targets_story(store):
    store.put(plain("x", "Original text here.", story="s0"))  # a dedup stage already put it in story s0
    result = store.put(plain("y", "Original text here."))
    assert (result.duplicate_of, result.story) == ("x", "s0")


def test_revision_recomputes_duplicate_of(store):
    store.put(plain("x", "First text."))
    store.put(plain("y", "Second text."))
    assert store.put(plain("y", "First text.")).duplicate_of == "x"
    assert store.get("y").duplicate_of == "x"


# -- failed puts and bad files -----------------------------------------------------------------------------------

@pytest.mark.parametrize("bad", [
    lambda a: a.figures.append(Figure("x", (0, 1), "count", float("nan"))),
    lambda a: a.pipeline.update(model={"not", "a", "string"}),
    lambda a: setattr(a, "title", "lone \udcff surrogate"),
])
def test_failed_put_leaves_existing_data_untouched(store, bad):
    store.put(lavrov("a1"))
    store.mark_done("input-1")
    before = [to_record(a) for a in store.iter_articles(current_only=False)]
    broken = lavrov("a1", text=LAVROV_TEXT + " More.")  # would be a revision of a1
    bad(broken)
    with pytest.raises(StoreError, match="a1"):
        store.put(broken)
    assert [to_record(a) for a in store.iter_articles(current_only=False)] == before
    assert [h.id for h in store.search("red line")] == ["a1"]
    assert store.is_done("input-1")
    assert check_rows_match(store._conn) == 1
    assert store.put(lavrov("a2")).duplicate_of == "a1"  # the store still works


def test_non_database_file_is_a_store_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="notes.db"):
        open_store(path)
    assert path.read_bytes() == b"these are my notes, not a database\n" * 100


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a newsgraph store"):
        open_store(path)


def test_directory_or_missing_parent_is_a_store_error(tmp_path):
    with pytest.raises(StoreError):
        open_store(tmp_path)
    with pytest.raises(StoreError):
        open_store(tmp_path / "no" / "such" / "dir" / "x.db")


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="99"):
        open_store(path)


def test_default_db_path():
    assert default_db_path({}) == "newsgraph.db"
    assert default_db_path({"NEWSGRAPH_DB": "/data/n.db"}) == "/data/n.db"
    assert default_db_path({"NEWSGRAPH_DB": ""}) == "newsgraph.db"


def test_open_store_without_path_uses_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_DB", str(tmp_path / "env.db"))
    with open_store() as s:
        s.put(lavrov())
    assert (tmp_path / "env.db").exists()


# -- search ------------------------------------------------------------------------------------------------------

def test_search_finds_stems_and_ranks_titles(store):
    store.put(lavrov("a1"))
    store.put(plain("b1", "Kerry spoke about Lavrov briefly.", title="Kerry in Rome"))
    store.put(plain("c1", "Nothing to see.", title="Lavrov"))
    hits = store.search("lavrov")
    assert {h.id for h in hits} == {"a1", "b1", "c1"}
    assert hits[0].id == "c1"  # the title word weighs most
    assert all(hits[i].score >= hits[i + 1].score for i in range(len(hits) - 1))
    crossing = store.search("crossing")  # porter: crossing ~ crossed
    assert [h.id for h in crossing] == ["a1"] and "\ue000crossed\ue001" in crossing[0].snippet
    assert crossing[0].title == "Lavrov warns Washington" and crossing[0].published == "2013-05-04T12:15:00"
    assert {h.id for h in store.search("LAVROV kerry")} == {"a1", "b1"}  # all words, any case
    assert len(store.search("lavrov", limit=2)) == 2
    assert [h.id for h in store.search("lavrov", limit=2, offset=2)] == [hits[2].id]


def test_search_folds_accents(store):
    store.put(plain("f1", "Le président François Hollande a parlé.", language="fr"))
    assert [h.id for h in store.search("francois president")] == ["f1"]


HOSTILE = ['"', '""', "-", "- lavrov", "AND(", "lavrov AND(", "NEAR(", "a OR", "*", "lav*", "title:lavrov",
           "^lavrov", "(((", "'; DROP TABLE articles; --", "\x00", "   ", "", "NOT", "red -line", "+", ":",
           "{title text}: x", "lavrov\"", "\"red line"]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_do_not_raise(store, query):
    store.put(lavrov())
    assert isinstance(store.search(query), list)


def test_quoted_query_still_matches_its_words(store):
    store.put(lavrov())
    assert [h.id for h in store.search('"red line"')] == ["a1"]
    assert [h.id for h in store.search("lavrov\"")] == ["a1"]
    assert [h.id for h in store.search("AND( lavrov")] == []  # "and" is a word that must occur; it does not
    assert store.count() == 1


@settings(max_examples=150, deadline=None)
@given(query=st.text(max_size=40))
def test_any_query_string_is_safe(query):
    with open_store(":memory:") as s:
        s.put(lavrov())
        assert isinstance(s.search(query), list)
        assert fts_query(query).count('"') % 2 == 0


def test_raw_queries_use_fts_syntax(store):
    store.put(lavrov("a1"))
    store.put(plain("b1", "Kerry alone."))
    assert [h.id for h in store.search("kerry NOT lavrov", raw=True)] == ["b1"]
    assert [h.id for h in store.search("lavr*", raw=True)] == ["a1"]
    with pytest.raises(ConfigError, match="bad search query"):
        store.search("AND(", raw=True)


# -- quotes ------------------------------------------------------------------------------------------------------

def test_quotes_by_speaker_case_insensitive_substring(store):
    store.put(lavrov())
    assert [q.quote["kind"] for q in store.quotes(speaker="LAVROV")] == ["mixed", "direct"]
    assert [q.speaker for q in store.quotes(speaker="kerr")] == ["John Kerry"]
    hit = store.quotes(speaker="kerry")[0]
    assert (hit.article_id, hit.title, hit.published) == ("a1", "Lavrov warns Washington", "2013-05-04T12:15:00")
    assert hit.quote["text"] == "the talks would go on"
    assert store.quotes(speaker="obama") == []
    assert len(store.quotes()) == 3


def test_quotes_about_and_dates(store):
    store.put(lavrov("a1", published="2013-05-04T12:15:00"))
    store.put(lavrov("a2", text=LAVROV_TEXT + " Later.", published="2013-06-01"))
    store.put(lavrov("a3", text=LAVROV_TEXT + " Undated.", published=None))
    assert {q.article_id for q in store.quotes(about="united states")} == {"a1", "a2", "a3"}
    assert all(q.speaker == "Sergey Lavrov" for q in store.quotes(about="united"))
    assert store.quotes(about="kerry") == []
    assert [q.article_id for q in store.quotes(speaker="kerry")] == ["a2", "a1", "a3"]  # newest, undated last
    assert {q.article_id for q in store.quotes(since="2013-05-05")} == {"a2"}
    assert {q.article_id for q in store.quotes(until="2013-05-04")} == {"a1"}  # the whole day counts
    assert {q.article_id for q in store.quotes(since="2013-05", until="2013-05")} == {"a1"}
    assert {q.article_id for q in store.quotes(speaker="kerry", since="2013")} == {"a1", "a2"}
    assert len(store.quotes(limit=2)) == 2


def test_quote_date_filters_pass_only_dated_articles(store):
    """As in search: "unknown" or "May 2013" is no date, though "unknown" >= "2013" as text."""
    store.put(lavrov("a1", published="2013-05-04T12:15:00"))
    store.put(lavrov("u1", text=LAVROV_TEXT + " Unknown.", published="unknown"))
    store.put(lavrov("m1", text=LAVROV_TEXT + " Month.", published="2013-13-01"))
    assert {q.article_id for q in store.quotes()} == {"a1", "u1", "m1"}
    for kw in ({"since": "2013"}, {"until": "2099"}, {"since": "2013-05", "until": "2013-05-04"}):
        assert {q.article_id for q in store.quotes(**kw)} == {"a1"}, kw
        assert {q.article_id for q in store.quotes(speaker="lavrov", **kw)} == {"a1"}, kw
        assert {q.article_id for q in store.quotes(speaker="avrov", **kw)} == {"a1"}, kw  # the substring scan


def test_unresolved_speaker_is_found_by_its_words(store):
    text = 'A spokesman said "no comment".'
    q = Quote("no comment", (18, 28), "direct", [(18, 28)], "said", (12, 16), Speaker("A spokesman", (0, 11)))
    store.put(plain("s1", text, quotes=[q, Quote("x", (0, 1), "direct")]))
    assert [h.quote["speaker"]["entity"] for h in store.quotes(speaker="spokes")] == [None]
    assert [h.speaker for h in store.quotes()] == ["A spokesman", None]  # no speaker at all: still listed


def test_quotes_follow_the_current_revision(store):
    store.put(lavrov())
    revised = plain("a1", "Lavrov stayed silent.", published="2013-05-05")
    store.put(revised)
    assert store.quotes(speaker="lavrov") == []


def test_speaker_terms_start_at_word_starts():
    assert terms("sergey lavrov") == ["sergey lavrov", "lavrov"]
    assert terms("ban ki-moon") == ["ban ki-moon", "ki-moon", "moon"]
    assert terms("a  b") == ["a  b", "b"] and terms("") == [] and terms(None) == []


def test_speaker_lookup_matches_word_starts_then_falls_back_to_substrings(store):
    store.put(lavrov("a1"))
    store.put(plain("j1", 'Johnson said "yes".', published="2013-05-01", quotes=[
        Quote("yes", (14, 17), "direct", [(14, 17)], "said", (8, 12), Speaker("Johnson", (0, 7)))]))
    assert [q.speaker for q in store.quotes(speaker="john k")] == ["John Kerry"]  # a prefix across words
    assert [q.speaker for q in store.quotes(speaker="KERR")] == ["John Kerry"]
    # "john" starts a word of both names; "son" starts none, so only then does a substring scan find Johnson.
    assert {q.speaker for q in store.quotes(speaker="john")} == {"John Kerry", "Johnson"}
    assert [q.speaker for q in store.quotes(speaker="son")] == ["Johnson"]
    assert [q.speaker for q in store.quotes(speaker="avrov")] == ["Sergey Lavrov", "Sergey Lavrov"]
    assert store.quotes(speaker="lavrov x") == [] and store.quotes(speaker="rov x") == []


def test_speaker_lookup_order_filters_and_paging(store):
    store.put(lavrov("a1", published="2013-05-04T12:15:00"))
    store.put(lavrov("a2", text=LAVROV_TEXT + " Later.", published="2013-06-01"))
    store.put(lavrov("a3", text=LAVROV_TEXT + " Undated.", published=None))
    store.put(lavrov("c1", published="2013-07-01"))  # same text as a1: a copy
    hits = store.quotes(speaker="lavrov")
    assert [(q.article_id, q.quote["kind"]) for q in hits] == [
        ("c1", "mixed"), ("c1", "direct"), ("a2", "mixed"), ("a2", "direct"), ("a1", "mixed"), ("a1", "direct"),
        ("a3", "mixed"), ("a3", "direct")]  # newest first, storage order within an article, undated last
    assert [q.article_id for q in store.quotes(speaker="lavrov", include_copies=False)][:1] == ["a2"]
    assert [q.article_id for q in store.quotes(speaker="lavrov", limit=3, offset=2)] == ["a2", "a2", "a1"]
    assert {q.article_id for q in store.quotes(speaker="lavrov", since="2013-06")} == {"a2", "c1"}
    assert {q.article_id for q in store.quotes(speaker="lavrov", until="2013-05-04")} == {"a1"}
    assert {q.article_id for q in store.quotes(speaker="kerry", about="united")} == set()
    assert len(store.quotes(speaker="sergey", about="united states", include_copies=False)) == 6
    # The indexed answer equals the substring scan's for the same filters.
    for kw in ({}, {"since": "2013-05-05"}, {"until": "2013-06"}, {"include_copies": False}, {"about": "unit"}):
        assert store.quotes(speaker="lavrov", **kw) == store._scan_quotes("lavrov", kw.get("about"),
            kw.get("since"), kw.get("until"), 100, 0, kw.get("include_copies", True))


def test_speaker_prefix_with_many_names(store):
    quotes, parts, pos = [], [], 0
    for k in range(MAX_TERMS + 4):  # more distinct names under one prefix than are read one by one
        name = f"Ann{k:02d} Smith"
        parts.append(f"{name} spoke. ")
        quotes.append(Quote("spoke", (pos + len(name) + 1, pos + len(name) + 6), "indirect", [], None, None,
                            Speaker(name, (pos, pos + len(name)))))
        pos += len(name) + 8
    store.put(plain("m1", "".join(parts), quotes=quotes))
    assert [q.speaker for q in store.quotes(speaker="ann")] == [q.speaker.text for q in quotes]
    assert [q.speaker for q in store.quotes(speaker="ann0", limit=2, offset=1)] == ["Ann01 Smith", "Ann02 Smith"]
    assert len(store.quotes(speaker="smith")) == MAX_TERMS + 4


def test_indexes_are_built_for_an_older_store(tmp_path):
    path = tmp_path / "old.db"
    with open_store(path) as s:
        s.put(lavrov())
        s._conn.execute("DROP TABLE quote_speakers")  # as a store written before these tables existed
        s._conn.execute("DROP TABLE search_facets")
        s._conn.execute("DROP TABLE entity_terms")
    with open_store(path) as s:
        assert [q.speaker for q in s.quotes(speaker="kerry")] == ["John Kerry"]
        assert [h.id for h in s.search("lavrov", filters=SearchFilters(source="EXAMPLE.org"))] == ["a1"]
        assert [h.id for h in s.search("lavrov", filters=SearchFilters(entity="kerry"))] == ["a1"]
        assert s._conn.execute("SELECT count(*) FROM quote_speakers").fetchone()[0] == 6  # 3 quotes, 2 words
        assert check_rows_match(s._conn) == 1


# -- bulk writes -------------------------------------------------------------------------------------------------

def test_put_many_follows_the_reingest_rules_in_order(store):
    store.put(lavrov("a1"))
    revised = plain("a1", "Lavrov stayed silent.", published="2013-05-05")
    results = store.put_many([lavrov("a1"), lavrov("b1"), plain("n1", "New text."), plain("n1", "New text."),
                              plain("n2", "New text."), revised])
    assert [(r.status, r.revision, r.duplicate_of) for r in results] == [
        (PutStatus.SKIPPED, 1, None), (PutStatus.STORED, 1, "a1"), (PutStatus.STORED, 1, None),
        (PutStatus.SKIPPED, 1, None), (PutStatus.STORED, 1, "n1"), (PutStatus.REVISED, 2, None)]
    assert store.count() == 4 and store.count(current_only=False) == 5
    assert store.get("a1").text == "Lavrov stayed silent." and store.get("n2").story == "n1"
    assert [q.article_id for q in store.quotes(speaker="lavrov")] == ["b1", "b1"]  # a1's quotes were retired
    assert [h.id for h in store.search("silent")] == ["a1"]
    assert check_rows_match(store._conn) == 5


def test_put_many_is_all_or_nothing(store):
    store.put(plain("a0", "Before."))
    bad = plain("x", "NaN figure", figures=[Figure("x", (0, 1), "count", float("nan"))])
    with pytest.raises(StoreError, match="'x'"):
        store.put_many([plain("a1", "One."), lavrov("a2"), bad])
    assert [a.id for a in store.iter_articles()] == ["a0"] and store.quotes() == []
    assert store.search("lavrov") == []
    assert store.put_many([]) == []


# -- search ranking ----------------------------------------------------------------------------------------------

def test_search_ties_keep_storage_order_and_filters_narrow_the_top(store):
    for i in range(30):
        store.put(plain(f"d{i:02d}", f"Same words about oil {i}.", source="wire.example" if i % 3 else "other",
                        published=f"2013-05-{i % 28 + 1:02d}"))
    hits = store.search("oil")
    assert [h.id for h in hits] == [f"d{i:02d}" for i in range(20)]  # equal scores: storage order
    assert [h.id for h in store.search("oil", limit=5, offset=20)] == [f"d{i:02d}" for i in range(20, 25)]
    assert [h.id for h in store.search("oil", filters=SearchFilters(source="OTHER"))] == \
        [f"d{i:02d}" for i in range(0, 30, 3)]
    since = store.search("oil", limit=50, filters=SearchFilters(since="2013-05-20"))
    assert {h.id for h in since} == {f"d{i:02d}" for i in range(30) if i % 28 + 1 >= 20}
    assert all("\ue000oil\ue001" in h.snippet for h in since)


def test_search_entity_filter_matches_word_starts_then_substrings(store):
    store.put(lavrov("a1"))
    store.put(plain("j1", "Johnson spoke about Lavrov.", entities=[Entity("e1", "Boris Johnson", "PERSON")]))
    by = lambda name: sorted(h.id for h in store.search("lavrov", filters=SearchFilters(entity=name)))  # noqa
    assert by("JOHN") == ["a1", "j1"] and by("john k") == ["a1"] and by("united st") == ["a1"]
    assert by("son") == ["j1"] and by("avrov") == ["a1"] and by("nobody") == []
    store.put(plain("a1", "Lavrov stayed silent."))  # the revision names nobody: its old entities stop matching
    assert by("kerry") == [] and by("erry") == []


def test_search_window_ranks_the_newest_matches_of_a_broad_query(store):
    store.put(plain("old", "oil oil oil oil", title="oil"))  # the best match, but stored first
    for i in range(5):
        store.put(plain(f"n{i}", f"Some news about oil number {i}."))
    assert store.search("oil")[0].id == "old"  # 6 matches fit the default window: exact ranking
    store.search_window = 3
    # Ranked among the newest 3 matches (equal scores: storage order); the window grows to limit + offset.
    assert [h.id for h in store.search("oil", limit=2)] == ["n2", "n3"]
    assert [h.id for h in store.search("oil", limit=5)] == ["n0", "n1", "n2", "n3", "n4"]
    assert store.search("oil", limit=6)[0].id == "old" and store.search("oil", limit=1, offset=5)[0].id == "n4"
    assert [h.id for h in store.search("oil")][0] == "old"
    assert [h.id for h in store.search("oil", filters=SearchFilters(until="x"))] == []
    assert store.search("oil", window=0)[0].id == "old"  # 0: every match, per search
    assert [h.id for h in store.search("oil", limit=2, window=2)] == ["n3", "n4"]
    with pytest.raises(ConfigError):
        store.search("oil", window=-1)
    store.search_window = None
    assert store.search("oil")[0].id == "old"


# -- resume markers ----------------------------------------------------------------------------------------------

def test_resume_markers(store):
    assert not store.is_done("a.warc.gz") and store.input_status("a.warc.gz") is None
    store.mark_done("a.warc.gz", "done")
    store.mark_done("b.html", "failed")
    assert store.is_done("a.warc.gz") and store.input_status("a.warc.gz") == "done"
    assert not store.is_done("b.html") and store.input_status("b.html") == "failed"  # retried next run
    store.mark_done("b.html", "rejected:not_article")
    assert store.is_done("b.html")


# -- crash consistency -------------------------------------------------------------------------------------------

WRITER = textwrap.dedent("""
    import sys
    from newsgraph.ids import content_hash
    from newsgraph.model import Article, Entity, Mention, Quote, Speaker
    from newsgraph.storage import open_store

    store = open_store(sys.argv[1])
    i = 0
    while True:
        # Big articles (many entity and mention rows) so the kill often lands inside a transaction; every
        # fifth put revises an earlier id so the retire path is exercised as well.
        text = f"Article {i} " + "Lavrov met Kerry in Rome. " * 200
        ents = [Entity(f"e{k}", f"Name {k}", "PERSON", [Mention(k, k + 3) for _ in range(5)]) for k in range(150)]
        quotes = [Quote("met", (7, 10), "indirect", [], None, None, Speaker("Lavrov", (0, 6), "e0", "Name 0"),
                        ["e1", "e2"]) for _ in range(30)]
        aid = f"r{i // 5}" if i % 5 == 4 else f"a{i}"
        store.put(Article(aid, text, content_hash(text), title=f"T{i}", entities=ents, quotes=quotes))
        store.mark_done(f"input-{i}")
        print(i, flush=True)
        i += 1
""")


def test_killed_writer_leaves_a_consistent_database(tmp_path):
    path = tmp_path / "crash.db"
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    proc = subprocess.Popen([sys.executable, str(script), str(path)], stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(25):  # wait for a known amount of progress, not for a time
            line = proc.stdout.readline()
            assert line, "writer exited early"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
    with open_store(path) as s:
        assert s._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert s._conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert s.count() >= 20
        assert check_rows_match(s._conn) == s.count(current_only=False)
        for article in s.iter_articles():
            assert len(article.entities) == 150 and all(len(e.mentions) == 5 for e in article.entities)
        assert s.is_done("input-0")
        before = s.count()
        s.put(plain("after", "Writing after the crash works."))
        assert s.count() == before + 1
