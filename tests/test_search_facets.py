"""Facet tokens in the full-text index: they may only narrow a filtered search, never lose a match; and a store
made before them (schema 1) keeps working and is moved to the new index by ``reindex``."""
from __future__ import annotations

import random
import re
from newsgraph.storage.sqlite.engine import sqlite3

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.cli.main import cli
from newsgraph.ids import content_hash
from newsgraph.model import Article, Entity
from newsgraph.storage import open_store
from newsgraph.storage.base import SearchFilters
from newsgraph.storage.sqlite.facet_tokens import (MAX_DATE_PHRASES, article_tokens, date_phrases, exact_dates,
                                            source_token, year_of)
from newsgraph.storage.sqlite import fts
from newsgraph.storage.sqlite.fts import create_legacy
from newsgraph.storage.sqlite.search import facet_match
from newsgraph.storage.words import terms

YEARS = st.integers(950, 2030)
MONTHS = st.integers(0, 13)
DAYS = st.integers(1, 28)
ODD = ["May 2013", "unknown", "2013\n", "2013-\u0665", "\u0662\u0660\u0661\u0663", "2013-5-04", "2013/05/04", ""]


@st.composite
def published(draw) -> str:
    """Dates as stores meet them: year, month, day, full timestamps, and values that are no ISO date (month 13,
    other scripts' digits, a trailing newline)."""
    y, m, d = draw(YEARS), draw(MONTHS), draw(DAYS)
    return draw(st.sampled_from([f"{y:04d}", f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}-{d:02d}",
                                 f"{y:04d}-{m:02d}-{d:02d}T10:00:00Z", *ODD]))


@st.composite
def bound(draw) -> str | None:
    y, m, d = draw(YEARS), draw(MONTHS), draw(DAYS)
    return draw(st.sampled_from([None, f"{y:04d}", f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}-{d:02d}", "2013-5",
                                 "\u0662\u0660\u0661\u0663", "2013-05x"]))


def sql_passes(value: str, since: str | None, until: str | None) -> bool:
    """The store's exact date test: dated values (YYYY, YYYY-MM… with a month 01-12, ASCII digits) compared as
    text at the filter's precision."""
    dated = re.fullmatch(r"[0-9]{4}", value) or (re.match(r"[0-9]{4}-[0-9]{2}", value) and "01" <= value[5:7] <= "12")
    return bool(dated) and (since is None or value[:len(since)] >= since) and (
        until is None or value[:len(until)] <= until)


@settings(max_examples=500, deadline=None)
@given(st.lists(published(), min_size=1, max_size=8), bound(), bound())
def test_date_tokens_never_lose_a_match(values, since, until):
    years = [y for y in map(year_of, values) if y is not None] or [2000]
    phrases = date_phrases(since, until, min(years), max(years))
    if phrases is None:
        return  # too many to be worth it: the store filters by walking instead
    assert len(phrases) <= MAX_DATE_PHRASES
    for value in values:
        hit = bool(set(article_tokens(value, None, "s").split()) & set(phrases))
        if sql_passes(value, since, until):
            assert hit, (value, since, until, phrases)
        elif exact_dates(since, until):
            assert not hit, (value, since, until, phrases)  # year and month bounds: the tokens decide alone


def test_date_tokens_are_few_and_exact_at_month_precision():
    # A year more each way than the dates as written span: in UTC an offset moves a date across New Year.
    assert date_phrases(None, "2010-03", 2010, 2020) == ["zzfy2009", "zzfm201000", "zzfm201001", "zzfm201002",
                                                         "zzfm201003"]
    assert date_phrases("2019-06", None, 2010, 2020) == [f"zzfm2019{m:02d}" for m in range(6, 13)] + [
        "zzfy2020", "zzfy2021"]
    assert date_phrases("2021", None, 2010, 2020) == ["zzfy2021"]  # 2020-12-31T22:00-05:00, as written
    assert date_phrases("2012", None, 2010, 2020) is None  # nine whole years: not selective, walk instead
    assert date_phrases("2030", None, 2010, 2020) == []  # after every stored date
    assert exact_dates("2013", "2013-05") and not exact_dates("2013-05-04", None)


def test_source_tokens_fold_like_sqlite_lower():
    assert source_token("Reuters") == source_token("REUTERS") == source_token("reuters")
    assert source_token("Écho") != source_token("écho")  # SQLite's lower() folds ASCII letters only, so does this


WORDS = ["flood", "council", "bridge", "election", "minister", "strike"]
SOURCES = ["Daily Post", "daily post", "Wire", "Ça Va", None]
# (name, cross-article id): two spellings linked to one person, a namesake by surname, an unlinked name.
PEOPLE = [("Sergey Lavrov", "g-lavrov"), ("Sergei Lavrov", "g-lavrov"), ("Lavrov", "g-lavrov"),
          ("Anna Lavrova", "g-anna"), ("John Kerry", None), ("Kerry-Ann Jones", "g-kaj")]


def _corpus(n: int = 80, seed: int = 3) -> list[Article]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        words = rng.sample(WORDS, 3)
        text = f"Item {i}: the {words[0]} and the {words[1]} near the {words[2]}."
        year, month = rng.choice([2011, 2012, 2013]), rng.randint(1, 12)
        date = rng.choice([f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-0{rng.randint(1, 9)}T08:00:00",
                           None, "sometime"])
        people = [Entity(f"e{k}", name, "PERSON", global_id=gid)
                  for k, (name, gid) in enumerate(rng.sample(PEOPLE, rng.randint(0, 2)))]
        out.append(Article(f"a{i}", text, content_hash(text), title=f"Story {i}", published=date,
                           source=rng.choice(SOURCES), story=f"s{i % 7}", entities=people))
    return out


FILTERS = [SearchFilters(since="2012-04"), SearchFilters(until="2011-06-15"), SearchFilters(since="2012", until="2012"),
           SearchFilters(source="DAILY POST"), SearchFilters(source="ça va"), SearchFilters(story="s3"),
           SearchFilters(since="2011-02", until="2013-11", source="wire"), SearchFilters(story="a5"),
           SearchFilters(until="2010"), SearchFilters(entity="lavrov"), SearchFilters(entity="Sergei Lav"),
           SearchFilters(entity="kerry"), SearchFilters(entity="avrov"), SearchFilters(entity="kerry", since="2012-06"),
           SearchFilters(until="2011-06"), SearchFilters(since="2013-09"), SearchFilters(since="2030"),
           SearchFilters(since="2013-09", entity="lavrov", source="wire")]


def _ascii_lower(text: str) -> str:
    """The outlet filter's case folding (SQLite's lower(): ASCII letters only, so "Ça Va" is not "ça va")."""
    return "".join(c.lower() if c.isascii() else c for c in text)


def _expected(articles: list[Article], word: str, f: SearchFilters) -> set[str]:
    def keep(a: Article) -> bool:
        if f.source and (a.source is None or _ascii_lower(a.source) != _ascii_lower(f.source)):
            return False
        if f.story and (a.story or a.id) != f.story:
            return False
        if (f.since or f.until) and (a.published is None or not sql_passes(a.published, f.since, f.until)):
            return False
        if f.entity and not names_entity(a, f.entity.casefold()):
            return False
        return word in a.text

    def names_entity(a: Article, key: str) -> bool:
        """A word of a name starts with the key (else, when no name anywhere has such a word, a part of a name
        contains it), or an entity is linked to what an entity named exactly the key is linked to."""
        keys = [e.name.casefold() for e in a.entities]
        if any(t.startswith(key) for other in articles for e in other.entities for t in terms(e.name.casefold())):
            by_name = any(t.startswith(key) for k in keys for t in terms(k))
        else:
            by_name = any(key in k for k in keys)
        linked = {e.global_id for other in articles for e in other.entities
                  if e.name.casefold() == key and e.global_id}
        return by_name or any(e.global_id in linked for e in a.entities)
    return {a.id for a in articles if keep(a)}


@pytest.mark.parametrize("legacy", [False, True])
def test_filtered_search_finds_exactly_what_the_filters_pass(tmp_path, legacy):
    articles = _corpus()
    path = tmp_path / "f.db"
    with open_store(path) as store:
        store.put_many(articles)
    if legacy:
        _make_schema_1(path)
    with open_store(path) as store:
        assert store.facet_index is not legacy
        for f in FILTERS:
            for word in ("flood", "bridge"):
                found = {h.id for h in store.search(word, limit=1000, filters=f)}
                expected = _expected(articles, word, f)
                assert found == expected, (f, word)
        assert FILTERS and any(_expected(articles, "flood", f) for f in FILTERS)
        if not legacy:  # the tokens carried these filters (the others above went through the walk)
            for f in (SearchFilters(entity="lavrov"), SearchFilters(source="wire"), SearchFilters(until="2011-06-15"),
                      SearchFilters(story="s3")):
                assert facet_match(store._conn, True, f)[0], f
            assert facet_match(store._conn, True, SearchFilters(entity="avrov"))[0] is None  # inside a word: SQL
            assert facet_match(store._conn, True, SearchFilters(until="2011-06"))[1] == {"dates"}  # tokens decide
            assert facet_match(store._conn, True, SearchFilters(until="2011-06-15"))[1] == set()  # a day: SQL


def _make_schema_1(path) -> None:
    """Turn a store into one written by newsgraph before facet tokens (schema 1): two-column index, no tokens."""
    conn = sqlite3.connect(path, isolation_level=None)
    fts.drop(conn)
    conn.execute("DROP VIEW current_doc")
    conn.execute("DROP TABLE search_tokens")
    conn.execute("DROP INDEX entities_name_global")
    create_legacy(conn)
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    conn.execute("DELETE FROM meta WHERE key = ?", (fts.ROWS_KEY,))
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.close()


def test_a_schema_1_store_keeps_working_and_reindex_moves_it_to_facet_tokens(tmp_path):
    from tests.test_storage import check_rows_match
    articles = _corpus(40)
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.put_many(articles[:30])
    _make_schema_1(path)
    with open_store(path) as store:  # written and revised in the old layout
        assert not store.facet_index
        store.put_many(articles[30:])
        store.put(Article("a1", "A revised flood story.", content_hash("A revised flood story."), source="Wire",
                          published="2012-05-01"))
        before = [(h.id, round(h.score, 9)) for h in store.search("flood", limit=100, window=0)]
        check_rows_match(store._conn)
    result = CliRunner().invoke(cli, ["reindex", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "indexed 40 articles" in result.stderr
    with open_store(path) as store:
        assert store.facet_index
        assert store._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "3"
        assert fts.index_of(store._conn).rows == fts.SEGMENT_ROWS  # in segments now
        assert {h.id for h in store.search("flood", limit=100, window=0)} == {i for i, _ in before}
        f = SearchFilters(source="wire", since="2012-05")
        assert {h.id for h in store.search("flood", limit=100, filters=f)} == {"a1"} | _expected(
            [a for a in articles if a.id != "a1"], "flood", f)
        store.put(Article("a2", "Another revised flood story.", content_hash("Another revised flood story.")))
        check_rows_match(store._conn)


def test_an_interrupted_reindex_keeps_the_old_index(tmp_path):
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.put_many(_corpus(10))
    _make_schema_1(path)
    with open_store(path) as store:
        def stop(n):
            raise KeyboardInterrupt
        with pytest.raises(KeyboardInterrupt):
            store.reindex(progress=stop)
        assert not store.facet_index
        assert store._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "1"
        assert store.search("flood") and store.search("flood", filters=SearchFilters(source="wire")) is not None
    with open_store(path) as store:
        assert not store.facet_index and len(store.search("flood", limit=100)) == len(
            [a for a in _corpus(10) if "flood" in a.text])


def test_odd_dates_and_bounds_give_what_the_sql_test_gives(tmp_path):
    values = ["0950", "0950-05-01", "2013-13-01", "2013", "2013-05-04", "2013\n", "2013-\u0665", "2014-02", None,
              "2012-12-31T23:00:00Z", "sometime"]
    articles = [Article(f"d{i}", f"Flood report {i}.", content_hash(f"Flood report {i}."), published=v)
                for i, v in enumerate(values)]
    bounds = [("0950", "0950"), (None, "0960"), ("2013-06", "2014"), ("2013-00", "2013-06"), ("2013", "2013"),
              ("\u0662\u0660\u0661\u0663", "\u0662\u0660\u0661\u0663"), ("2013-5", None), ("2013-05-04", None),
              (None, "2013-05"), ("2014", "2012")]
    with open_store(tmp_path / "d.db") as store:
        store.put_many(articles)
        for since, until in bounds:
            found = {h.id for h in store.search("flood", limit=100, filters=SearchFilters(since=since, until=until))}
            expected = {a.id for a in articles if a.published is not None and sql_passes(a.published, since, until)}
            assert found == expected, (since, until)


def test_an_empty_linked_id_links_nothing(tmp_path):
    def named(article_id: str, name: str) -> Article:
        text = f"Flood warning from {name}."
        return Article(article_id, text, content_hash(text), entities=[Entity("e1", name, "PERSON", global_id="")])
    with open_store(tmp_path / "g.db") as store:
        store.put_many([named("a1", "Anna Smith"), named("a2", "Bob Jones")])
        assert [h.id for h in store.search("flood", filters=SearchFilters(entity="anna smith"))] == ["a1"]


def test_a_writer_opened_before_a_reindex_writes_the_new_layout(tmp_path):
    from tests.test_storage import check_rows_match
    path = tmp_path / "w.db"
    with open_store(path) as store:
        store.put_many(_corpus(10))
    _make_schema_1(path)
    with open_store(path) as writer, open_store(path) as other:
        assert not writer.facet_index
        other.reindex()
        writer.put(Article("new", "A flood story.", content_hash("A flood story."), source="Wire"))
        writer.put(Article("a1", "A revised flood story.", content_hash("A revised flood story.")))
        assert writer.facet_index
        check_rows_match(other._conn)
        assert {"new", "a1"} <= {h.id for h in other.search("flood", limit=100)}
        assert [h.id for h in other.search("flood", filters=SearchFilters(source="wire"), limit=100)
                if h.id == "new"] == ["new"]


def test_words_that_spell_a_facet_token_are_searched_in_the_text_only(tmp_path):
    with open_store(tmp_path / "t.db") as store:
        store.put(Article("x", "Nothing here.", content_hash("Nothing here."), published="2013-05-04"))
        assert store.search("zzfy2013") == [] and store.search("ZZFm201305") == []
        assert store.search("zzfy2013", raw=True) != []  # the backend's own syntax still reaches every column


def test_reindex_of_a_schema_2_store_changes_no_result(tmp_path):
    from tests.test_storage import check_rows_match
    articles = _corpus(30)
    with open_store(tmp_path / "r.db") as store:
        store.put_many(articles)
        before = {f: [h.id for h in store.search("flood", limit=100, filters=f)] for f in FILTERS}
        assert store.reindex() == 30
        assert {f: [h.id for h in store.search("flood", limit=100, filters=f)] for f in FILTERS} == before
        check_rows_match(store._conn)


def test_utc_keeps_four_digit_years_and_leaves_an_overflow_as_written():
    """Found by test_date_tokens_never_lose_a_match: year 950 came back as "950-01-01…" (strftime's %Y), whose
    tokens matched no date; an offset moving 0001-01-01 before year 1 raised OverflowError."""
    from newsgraph.storage.dates import utc
    assert utc("0950-01-01T10:00:00Z") == "0950-01-01T10:00:00"
    assert utc("0001-01-01T00:00:00+01:00") == "0001-01-01T00:00:00+01:00"
