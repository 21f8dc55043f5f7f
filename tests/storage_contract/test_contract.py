"""The store contract (``newsgraph.storage.base``), through the interface only: every backend must pass this."""
from __future__ import annotations

import dataclasses
import math

import pytest

from newsgraph import query
from newsgraph.errors import ConfigError, StoreError
from newsgraph.ids import content_hash
from newsgraph.model import Figure
from newsgraph.storage import SEARCH_WINDOW, PutStatus, SearchFilters, open_store

from .corpus import BODY, LATER, MORE, harbour, ingest, span
from .corpus import corpus as fill

# -- writing -----------------------------------------------------------------------------------------------------

def test_put_skips_same_text_and_revises_changed_text(store):
    first = store.put(harbour("a"))
    again = store.put(harbour("a"))
    changed = store.put(harbour("a", BODY + "Ships were moving again by noon."))
    assert [r.status for r in (first, again, changed)] == [PutStatus.STORED, PutStatus.SKIPPED, PutStatus.REVISED]
    assert [r.revision for r in (first, again, changed)] == [1, 1, 2]
    assert store.revisions("a") == [1, 2] and store.revisions("missing") == []
    assert store.get("a").text.endswith("by noon.") and store.get("a", revision=1).text == BODY
    assert store.count() == 1 and store.count(current_only=False) == 2
    assert [a.id for a in store.iter_articles()] == ["a"]


def test_a_revision_no_longer_found_by_the_entities_it_dropped(store):
    """The entity filter follows the current revision: a name only the old revision had finds nothing."""
    first = harbour("a")
    store.put(first)
    renamed = dataclasses.replace(first, text=first.text + " Ships were moving again by noon.",
                                  content_hash=content_hash(first.text + " moved"),
                                  entities=[dataclasses.replace(first.entities[0], name="Mary Coast"),
                                            first.entities[1]])
    assert store.put(renamed).status == PutStatus.REVISED

    def ids(**filters):
        return sorted(h.id for h in store.search("strike", filters=SearchFilters(**filters)))
    assert ids(entity="costa") == [] and ids(entity="coast") == ["a"] and ids(entity="harbour") == ["a"]


def test_count_follows_writes_of_this_and_another_connection(store, store_url):
    """A reader's count (the web reader shows it on every search page) sees what another process stored since,
    what it stored itself, and what it stored in a transaction that failed: not a number kept from before."""
    with open_store(store_url) as other:
        assert store.count() == other.count() == 0
        other.put(harbour("a"))
        assert store.count() == 1 and store.count(current_only=False) == 1
        store.put(harbour("b", LATER))
        store.put(harbour("a", BODY + "Ships were moving again by noon."))
        assert store.count() == other.count() == 2 and store.count(current_only=False) == 3
        with pytest.raises(Exception):
            store.put_many([harbour("c", BODY + "A third ship."), "not an article"])
        assert store.count() == other.count() == 2


def test_put_names_the_earliest_exact_copy(store):
    store.put(harbour("a"))
    copy = store.put(harbour("b", source="copy.example"))
    assert (copy.duplicate_of, copy.story) == ("a", "a")
    assert store.get("b").duplicate_of == "a"
    assert [m.id for m in store.story_members("a")] == ["a", "b"]


def test_put_does_not_modify_the_callers_article(store):
    article = harbour("b")
    store.put(harbour("a"))
    store.put(article)
    assert article.duplicate_of is None and article.story is None


def test_nul_characters_round_trip(store):
    text = BODY.replace("reporters", "reporters\x00")  # a capture may hold one; PostgreSQL text cannot
    store.put(dataclasses.replace(harbour("nul", text), title="Strike\x00 over"))
    assert store.get("nul").text == text and store.get("nul").title == "Strike\x00 over"
    assert [h.id for h in store.search("contract")] == ["nul"]


def test_resume_markers(store):
    assert store.input_status("in/1.txt") is None and not store.is_done("in/1.txt")
    store.mark_done("in/1.txt")
    store.mark_done("in/2.txt", "failed")
    assert store.is_done("in/1.txt") and store.input_status("in/2.txt") == "failed"
    assert not store.is_done("in/2.txt")  # a failed input is tried again


# -- the dedup index and the entity registry ----------------------------------------------------------------------

def test_dedup_index_rows_persist_with_their_articles(store_url):
    near = (BODY + MORE).replace("eleven vessels", "twelve vessels")  # one word of 60 changed
    with open_store(store_url) as store:
        results = ingest(store, [harbour("a", BODY + MORE), harbour("b", near)])
        assert [r.duplicate_of for r in results] == [None, "a"]
    with open_store(store_url) as store:
        index = store.dedup_index()
        assert len(index) == 2 and index.entry("b").story == "a"
        assert index.exact(content_hash(BODY + MORE), exclude_id="x").id == "a"


def test_a_failed_put_leaves_no_dedup_row(store):
    bad = harbour("bad")
    bad.figures = [Figure("nine", span(BODY, "nine"), "count", value=math.nan)]  # JSON cannot hold NaN
    with pytest.raises(StoreError):
        ingest(store, [bad])
    assert store.dedup_index().entry("bad") is None and store.get("bad") is None
    ingest(store, [harbour("good")])  # the store still writes
    assert store.dedup_index().entry("good") is not None


def test_entity_registry_links_across_articles(store):
    ingest(store, [harbour("a"), harbour("b", BODY + "Costa thanked the workers.")])
    first, second = store.get("a").entities[0], store.get("b").entities[0]
    assert first.global_id and first.global_id == second.global_id
    registry = store.entity_registry()
    assert registry.entity(first.global_id)[0] == "Maria Costa"
    assert registry.stored_links("a", content_hash(BODY)) == {e.id: e.global_id for e in store.get("a").entities}
    with pytest.raises(RuntimeError):
        with registry.transaction():
            registry.create("Nobody Kept", "PERSON", "person")
            raise RuntimeError("rolled back")
    assert registry.lookup("nobody kept", "person") == []


# -- reading -----------------------------------------------------------------------------------------------------

@pytest.fixture
def corpus(store):
    fill(store)
    return store


def test_search_filters(corpus):
    def ids(**filters):
        return sorted(h.id for h in corpus.search("strike", filters=SearchFilters(**filters)))
    assert ids() == ["a", "b", "c"]
    assert ids(since="2014-04") == ["b"] and ids(until="2014-03-10") == ["a"]
    assert ids(source="other.EXAMPLE") == ["b"]
    assert ids(story="a") == ["a", "c"]
    assert ids(entity="costa") == ["a", "b", "c"] and ids(entity="nobody") == []
    assert corpus.search("strike", limit=1, offset=1, window=0)[0].id in {"a", "b", "c"}
    assert corpus.search('"unbalanced', raw=False) == []
    with pytest.raises(ConfigError):
        corpus.search("x", window=-1)
    assert SEARCH_WINDOW > 0


def test_date_and_name_filters_at_their_edges(store):
    """A bound is a prefix of the UTC value: "until 2014-03" keeps the last second of March and no evening of 31
    March at -05:00 (1 April in UTC); a bound longer than a value compares the value as written. A name fragment
    that starts no word of any name still finds the names containing it, for entities and speakers alike."""
    ingest(store, [harbour("late", f"{BODY} Filed late.", published="2014-03-31T23:59:59Z"),
                   harbour("evening", f"{BODY} Filed in the evening.", published="2014-03-31T21:00:00-05:00"),
                   harbour("april", f"{BODY} Filed in April.", published="2014-04-01")])

    def ids(**filters):
        return sorted(h.id for h in store.search("strike", filters=SearchFilters(**filters)))
    assert ids(until="2014-03") == ids(until="2014-03-31T23:59:59") == ["late"]
    assert ids(since="2014-04") == ["april", "evening"]
    assert ids(since="2014-04-01T02") == ["evening"] and ids(until="2014-04-01T01") == ["april", "late"]
    assert ids(since="2014-03-31T23:59:59", until="2014-04-01") == ["april", "evening", "late"]
    assert ids(entity="osta") == ids(speaker="osta") == ["april", "evening", "late"]
    assert ids(entity="osta", until="2014-03") == ["late"] and ids(speaker="ostra") == []


def test_a_date_an_offset_moves_into_another_year_is_filtered_by_its_utc_year(store):
    """Every stored date is written 2014, but the first is 2013 in UTC: a filter on 2013 finds it (the year span
    the filter's index tokens are drawn from is not only the years as written)."""
    ingest(store, [harbour("eve", f"{BODY} Filed on New Year's night.", published="2014-01-01T02:00:00+05:00"),
                   harbour("later", f"{BODY} Filed later.", published="2014-06-01"),
                   harbour("last", f"{BODY} Filed at the end.", published="2014-12-31T22:00:00-05:00")])

    def ids(**filters):
        return sorted(h.id for h in store.search("strike", filters=SearchFilters(**filters)))
    assert ids(until="2013") == ids(until="2013-12") == ids(since="2013-12", until="2013-12-31") == ["eve"]
    assert ids(since="2015") == ids(since="2015-01") == ["last"]
    assert ids(since="2014", until="2014") == ["later"]


def test_quotes_by_speaker_about_and_copies(corpus):
    everything = corpus.quotes(speaker="costa")
    assert [q.article_id for q in everything] == ["b", "c", "a"]  # newest article first
    assert [q.article_id for q in corpus.quotes(speaker="costa", include_copies=False)] == ["b", "a"]
    assert [q.kind for q in everything] == ["indirect", "direct", "direct"]
    assert len(corpus.quotes(about="harbour")) == 3 and corpus.quotes(speaker="nobody") == []
    assert [q.article_id for q in corpus.quotes(since="2014-04")] == ["b"]


def test_entity_page_story_and_timeline(corpus):
    page = query.entity(corpus, "Maria Costa")
    assert page.articles == 2 and page.roles == [("Union leader", 2)]  # the copy is not counted
    assert [c.name for c in page.cooccurring] == ["harbour authority"]
    assert [q.article_id for q in page.quotes] == ["b", "a"]
    found = query.story(corpus, "a")
    assert [m.id for m in found.members] == ["a", "c"] and found.fullest.id == "a"
    rows = query.timeline(corpus, "Costa", by="week")
    assert [(r.period, r.articles, r.quotes) for r in rows] == [("2014-W11", 1, 1), ("2014-W14", 1, 1)]


def test_maintenance_keeps_search_working(corpus):
    assert corpus.reindex() == 3
    corpus.optimize()
    assert len(corpus.search("strike")) == 3


# -- result shapes: the JSON the CLI prints and the web API will serve -------------------------------------------

def test_result_shapes(corpus):
    hit = query.search(corpus, "strike", source="other.example")[0].as_dict()
    assert list(hit) == ["id", "title", "published", "snippet", "score"] and hit["id"] == "b"
    quote = query.quotes(corpus, speaker="costa", include_copies=False)[0].as_dict()
    assert list(quote) == ["speaker", "kind", "text", "cue", "article", "title", "published", "record"]
    assert (quote["kind"], quote["article"], quote["speaker"]) == ("indirect", "b", "Maria Costa")
    assert quote["record"]["text"] == quote["text"]
    page = query.entity(corpus, "costa").as_dict()
    assert list(page) == ["name", "global_id", "articles", "aliases", "roles", "types", "mentions_by_month",
                          "cooccurring", "quoted_by", "quotes", "also"]
    assert page["roles"] == [{"role": "Union leader", "articles": 2}]
    assert page["mentions_by_month"] == [{"month": "2014-03", "mentions": 1}, {"month": "2014-04", "mentions": 1}]
    assert page["cooccurring"][0]["name"] == "harbour authority" and set(page["cooccurring"][0]) == {
        "name", "global_id", "articles"}
    assert page["quotes"][0]["article"] == "b"
    about = query.entity(corpus, "harbour authority").as_dict()
    assert about["quoted_by"] == [{"speaker": "Maria Costa", "quotes": 2}]
    story = query.story(corpus, "a").as_dict()
    assert list(story) == ["story", "members", "fullest", "title", "text"]
    assert list(story["members"][0]) == ["id", "title", "source", "published", "duplicate_of", "length"]
    assert [m["duplicate_of"] for m in story["members"]] == [None, "a"] and story["text"] == BODY
    assert query.timeline(corpus, "costa")[0].as_dict() == {"period": "2014-03-10", "articles": 1, "mentions": 1,
                                                            "quotes": 1}


def test_an_unreachable_postgres_url_is_a_store_error_without_the_password():
    import socket
    pytest.importorskip("psycopg")
    with socket.socket() as s:  # a loopback port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(StoreError, match="cannot connect") as caught:
        open_store(f"postgresql://news:s3cret@127.0.0.1:{port}/news")
    assert "s3cret" not in str(caught.value)


# -- what the web API reads: total counts, the speaker filter, who talks about whom ---------------------------------

def test_search_count_and_speaker_filter(corpus):
    assert corpus.search_count("strike") == 3 and corpus.search_count("strike", filters=SearchFilters(
        since="2014-04")) == 1
    assert corpus.search_count("nothing-like-this") == 0 and corpus.search_count("") == 0
    assert sorted(h.id for h in corpus.search("strike", filters=SearchFilters(speaker="costa"))) == ["a", "b", "c"]
    assert corpus.search("strike", filters=SearchFilters(speaker="nobody")) == []
    assert corpus.search_count("strike", filters=SearchFilters(speaker="maria c", source="port.example")) == 1


def test_search_count_stops_past_most(corpus):
    """``most``: counted up to most + 1 ("more than most"), filters included; exact below it."""
    assert [corpus.search_count("strike", most=m) for m in (0, 1, 2, 3, 50)] == [1, 2, 3, 3, 3]
    assert corpus.search_count("strike", filters=SearchFilters(since="2014-03"), most=0) == 1
    assert corpus.search_count("nothing-like-this", most=0) == 0


def test_the_speaker_filter_finds_a_person_by_another_of_their_names(corpus):
    """An article quoting "Costa" only, linked to Maria Costa: ``speaker_ids`` (what ``query.speaker_filters``
    adds from the registry) lets the filter for "maria costa" find it; the name alone does not."""
    from newsgraph.model import Entity, Mention, Quote, Speaker
    text = "At the port on Friday, Costa said the strike fund would be repaid to every member by the summer."
    said = "the strike fund would be repaid to every member by the summer"
    costa = Entity("e1", "Costa", "PERSON", [Mention(*span(text, "Costa"))])
    quote = Quote(said, span(text, said), "indirect", [], "said", span(text, "said"),
                  Speaker("Costa", span(text, "Costa"), "e1", "Costa"), [])
    ingest(corpus, [dataclasses.replace(harbour("d"), text=text, content_hash=content_hash(text), entities=[costa],
                                        quotes=[quote], published="2014-05-01")])
    by_name = SearchFilters(speaker="maria costa")
    assert sorted(h.id for h in corpus.search("strike", filters=by_name)) == ["a", "b", "c"]
    people = query.speakers_named(corpus, "Maria Costa")
    assert len(people) == 1 and corpus.get("d").entities[0].global_id == people[0].global_id
    widened, _ = query.speaker_filters(corpus, by_name)
    assert widened.speaker_ids == (people[0].global_id,)
    assert sorted(h.id for h in corpus.search("strike", filters=widened)) == ["a", "b", "c", "d"]
    assert corpus.search_count("strike", filters=widened) == 4
    only_ids = SearchFilters(speaker_ids=(people[0].global_id,))
    assert sorted(h.id for h in corpus.search("strike", filters=only_ids)) == ["a", "b", "c", "d"]
    assert corpus.search("strike", filters=SearchFilters(speaker_ids=("no-such-entity",))) == []
    assert sorted(h.id for h in query.search(corpus, "strike", speaker="Maria Costa")) == ["a", "b", "c", "d"]


def test_who_talks_about_whom(corpus):
    views = corpus.entity_views()
    edges = views.edges()
    assert [(e.speaker, e.about, e.quotes) for e in edges] == [("Maria Costa", "harbour authority", 2)]
    assert edges[0].as_dict() == {"speaker": "Maria Costa", "about": "harbour authority",
                                  "about_global_id": edges[0].about_global_id, "quotes": 2}
    assert views.edges(include_copies=True)[0].quotes == 3
    assert [e.quotes for e in views.edges(articles=["b"])] == [1] and views.edges(articles=[]) == []
    assert [e.speaker for e in query.talks_about(corpus, entity="harbour authority")] == ["Maria Costa"]
    assert [e.about for e in query.talks_about(corpus, entity="Maria Costa")] == ["harbour authority"]
    assert query.talks_about(corpus, entity="nobody at all") == []
    assert query.talks_about(corpus, query="overtime")[0].quotes == 1
    about = query.quotes_about(corpus, "harbour authority")
    assert [(q.speaker, q.article_id) for q in about] == [("Maria Costa", "b"), ("Maria Costa", "a")]
    assert len(query.quotes_about(corpus, "harbour authority", include_copies=True)) == 3
    assert query.quotes_about(corpus, "Maria Costa") == [] and query.quotes_about(corpus, "nobody at all") == []


def test_an_exact_name_wins_in_a_store_never_linked(store):
    """Unlinked rows of exactly the name are an exact match: "Ana Pikis" is not the more-named "Ana Pikisson"."""
    from newsgraph.ids import content_hash
    from newsgraph.model import Article, Entity, Mention

    def named(article_id: str, name: str) -> Article:
        text = f"{name} spoke at the harbour on Monday."
        return Article(article_id, text, content_hash(text), entities=[
            Entity("e1", name, "PERSON", [Mention(0, len(name))])])
    store.put_many([named("p1", "Ana Pikis"), named("p2", "Ana Pikisson"), named("p3", "Ana Pikisson")])
    found = store.entity_views().resolve("ana pikis")
    assert [(e.name, e.articles) for e in found] == [("Ana Pikis", 1)]
    assert query.entity(store, "Ana Pikis").articles == 1
    assert [e.name for e in store.entity_views().resolve("pikis")] == ["Ana Pikisson", "Ana Pikis"]


def test_article_facets_agree_with_the_whole_records(corpus):
    ids = ["a", "b", "c", "missing", "a"]
    rows = {f.id: f for f in corpus.entity_views().article_facets(ids)}
    assert sorted(rows) == ["a", "b", "c"]  # an unknown id is left out, a repeated one counted once
    for article_id, row in rows.items():
        whole = corpus.get(article_id)
        assert (row.published, row.source) == (whole.published, whole.source)
        assert sorted(row.entities) == sorted((e.name, e.type) for e in whole.entities)
    assert corpus.entity_views().article_facets([]) == []


def test_search_facets_are_those_of_the_best_matches_read_whole(corpus):
    from collections import Counter

    from newsgraph.query.facets import ORGANISATIONS, PEOPLE, search_facets
    facets = search_facets(corpus, "strike", SearchFilters(), top=2)
    months, outlets, people = Counter(), Counter(), Counter()
    for hit in corpus.search("strike", limit=2):
        whole = corpus.get(hit.id)
        months[(whole.published or "undated")[:7]] += 1
        outlets[whole.source] += 1
        people.update({e.name for e in whole.entities if e.type in PEOPLE | ORGANISATIONS})
    assert facets.considered == 2 and dict(facets.months) == dict(months) and dict(facets.outlets) == dict(outlets)
    assert dict(facets.people + facets.organisations) == dict(people)


def test_snippets_mark_matches_with_private_use_markers(corpus):
    from newsgraph.storage.base import MATCH_CLOSE, MATCH_OPEN, marked_parts
    hit = corpus.search("strike")[0]
    marked = [text for text, matched in marked_parts(hit.snippet) if matched]
    assert marked and all(text.casefold().startswith("strik") for text in marked)
    assert hit.snippet.count(MATCH_OPEN) == hit.snippet.count(MATCH_CLOSE) == len(marked)


def test_snippets_are_cut_from_the_text_not_the_title(corpus):
    """A result's snippet shows its article's text, never its headline again (every title here is "Strike over
    (…)", the word also in each text); a word found in the title only gives the text's opening, nothing marked."""
    from newsgraph.storage.base import marked_parts
    for hit in corpus.search("strike"):
        plain = "".join(text for text, _ in marked_parts(hit.snippet)).strip("… ")
        assert plain and plain in corpus.get(hit.id).text and "over (" not in plain
        assert any(matched for _, matched in marked_parts(hit.snippet))


def test_a_word_in_the_title_only_gives_the_texts_opening_as_snippet(store):
    from newsgraph.storage.base import marked_parts
    ingest(store, [dataclasses.replace(harbour("t"), title="Ferry timetable changes")])
    titled = store.search("ferry")
    assert [h.id for h in titled] == ["t"] and not any(m for _, m in marked_parts(titled[0].snippet))
    assert store.get("t").text.startswith(titled[0].snippet.strip("… ")[:30])


def test_search_ids_rank_as_search(corpus):
    for q, filters in (("strike", None), ("strike", SearchFilters(since="2014-04")), ("nothing-like-this", None),
                       ("harbour OR overtime", SearchFilters(source="port.example"))):
        for limit, offset in ((20, 0), (1, 1)):
            assert corpus.search_ids(q, limit, offset, filters=filters) == [
                h.id for h in corpus.search(q, limit, offset, filters=filters)]
    assert corpus.search_ids("strike") and corpus.search_ids("") == []


def test_search_with_top_ranks_once_as_search_and_search_ids_do_apart(corpus):
    for q, filters in (("strike", None), ("strike", SearchFilters(since="2014-04")), ("nothing-like-this", None),
                       ("harbour OR overtime", SearchFilters(source="port.example"))):
        for limit, offset, top in ((20, 0, 100), (1, 1, 2), (1, 0, 1), (2, 2, 1)):
            hits, ids = corpus.search_with_top(q, limit, offset, top=top, filters=filters)
            alone = corpus.search(q, limit, offset, filters=filters)
            assert [(h.id, h.snippet, round(h.score, 6)) for h in hits] == [
                (h.id, h.snippet, round(h.score, 6)) for h in alone]
            assert ids == corpus.search_ids(q, top, filters=filters)
    assert sorted(corpus.search_with_top("strike", 1, top=3)[1]) == ["a", "b", "c"]
    assert corpus.search_with_top("", top=5) == ([], [])


def test_search_with_facet_rows_reads_the_rows_of_the_ranked_ids(corpus):
    """A backend's own search_with_facet_rows (SQLite reads the rows from the ranked pks) answers what the default
    does from search_with_top and article_facets by id."""
    from newsgraph.storage.base import Store
    for q, filters in (("strike", None), ("strike", SearchFilters(since="2014-04")), ("nothing-like-this", None),
                       ("harbour OR overtime", SearchFilters(source="port.example"))):
        for limit, offset, top in ((20, 0, 100), (1, 1, 2), (2, 2, 1)):
            hits, ids, rows = corpus.search_with_facet_rows(q, limit, offset, top=top, filters=filters)
            assert (hits, ids) == corpus.search_with_top(q, limit, offset, top=top, filters=filters)
            default = Store.search_with_facet_rows(corpus, q, limit, offset, top=top, filters=filters)
            assert rows == default[2]
            assert [r.id for r in rows] == ids
    assert corpus.search_with_facet_rows("strike", top=3)[2]
    assert corpus.search_with_facet_rows("", top=5) == ([], [], [])
