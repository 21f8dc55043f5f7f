"""The paged and audit-view results the web API serves (search pages with totals, quotes by kind, article spans),
over the contract corpus in a real SQLite store."""
from __future__ import annotations

import pytest

from newsgraph import query
from newsgraph.errors import ConfigError
from newsgraph.query.articles import article_view
from newsgraph.query.facets import search_facets
from newsgraph.storage import SearchFilters, open_store

from storage_contract.corpus import corpus as fill


@pytest.fixture
def corpus(tmp_path):
    with open_store(str(tmp_path / "pages.db")) as store:
        fill(store)
        yield store


def test_search_page_counts_and_pages(corpus):
    first = query.search_page(corpus, "strike", SearchFilters(), limit=2)
    assert first.total == 3 and len(first.hits) == 2 and first.next_offset == 2
    last = query.search_page(corpus, "strike", SearchFilters(), limit=2, offset=first.next_offset)
    assert len(last.hits) == 1 and last.next_offset is None
    assert {h.id for h in first.hits + last.hits} == {"a", "b", "c"}
    assert list(first.as_dict()) == ["total", "total_exact", "ranked_among_newest", "offset", "hits", "next_offset"]
    assert first.total_exact
    assert query.search_page(corpus, "nothing", SearchFilters()).as_dict() == {
        "total": 0, "total_exact": True, "ranked_among_newest": None, "offset": 0, "hits": [],
        "next_offset": None}


def test_search_page_counts_up_to_the_cap_then_says_more(corpus, monkeypatch):
    """Past COUNT_CAP matches the total is the cap and not exact ("more than"); paging is unchanged."""
    from newsgraph.query import pages
    assert corpus.search_count("strike") == 3
    assert [corpus.search_count("strike", most=m) for m in (1, 2, 3, 10)] == [2, 3, 3, 3]
    from newsgraph.storage.base import Store  # the default for a backend without a count of its own
    assert [Store.search_count(corpus, "strike", most=m) for m in (1, 2, 3, None)] == [2, 3, 3, 3]
    monkeypatch.setattr(pages, "COUNT_CAP", 2)
    first = query.search_page(corpus, "strike", SearchFilters(), limit=2)
    assert (first.total, first.total_exact, first.next_offset) == (2, False, 2)
    last = query.search_page(corpus, "strike", SearchFilters(), limit=2, offset=2)
    assert len(last.hits) == 1 and last.next_offset is None and not last.total_exact
    monkeypatch.setattr(pages, "COUNT_CAP", 3)
    assert query.search_page(corpus, "strike", SearchFilters(), limit=2).total_exact


def test_quotes_page_by_kind(corpus):
    direct = query.quotes_page(corpus, speaker="costa", kind="direct", include_copies=True, limit=1)
    assert [q.article_id for q in direct.quotes] == ["c"] and direct.next_offset is not None
    rest = query.quotes_page(corpus, speaker="costa", kind="direct", include_copies=True, offset=direct.next_offset)
    assert [q.article_id for q in rest.quotes] == ["a"] and rest.next_offset is None
    assert [q.kind for q in query.quotes_page(corpus, kind="indirect").quotes] == ["indirect"]
    with pytest.raises(ConfigError):
        query.quotes_page(corpus, kind="sarcastic")


def test_article_view_spans_point_into_the_text(corpus):
    view = article_view(corpus, "a")
    text = view.record["text"]
    kinds = {s.type for s in view.spans}
    assert {"quote", "cue", "speaker", "entity"} <= kinds
    quote = next(s for s in view.spans if s.type == "quote")
    assert text[quote.start:quote.end] == view.record["quotes"][0]["text"] and quote.speaker == "Maria Costa"
    assert "direct quote by Maria Costa" in quote.label
    assert [s.start for s in view.spans] == sorted(s.start for s in view.spans)
    assert list(view.as_dict()) == ["record", "spans"] and view.as_dict()["record"]["id"] == "a"
    assert article_view(corpus, "missing") is None


def test_search_with_facets_is_the_page_and_the_facets_asked_apart(corpus):
    from newsgraph.query.facets import search_with_facets
    for offset in (0, 1, 5):
        page, facets = search_with_facets(corpus, "strike", SearchFilters(), limit=1, offset=offset)
        assert page.as_dict() == query.search_page(corpus, "strike", SearchFilters(), limit=1, offset=offset).as_dict()
        assert facets.as_dict() == search_facets(corpus, "strike", SearchFilters()).as_dict()
    page, facets = search_with_facets(corpus, "nothing-like-this", SearchFilters())
    assert page.total == 0 and page.hits == [] and facets.considered == 0


def test_search_facets(corpus):
    facets = search_facets(corpus, "strike", SearchFilters())
    assert facets.considered == 3
    assert facets.months == [("2014-03", 2), ("2014-04", 1)]
    assert ("Other.example", 1) in facets.outlets and facets.people == [("Maria Costa", 3)]
    assert facets.as_dict()["organisations"] == [{"value": "harbour authority", "articles": 3}]


def test_figure_labels_read_as_a_person_would_say_them():
    """The audit view's and `show`'s label of a figure: qualifier before the number, thousands separated, a vague
    figure by its lower bound, never 'None'."""
    from newsgraph.query.articles import spans_of
    text = "More than 1200 dock workers and tens of thousands of residents paid about $3."
    record = {"text": text, "figures": [
        {"text": "More than 1200", "span": [0, 14], "kind": "count", "value": 1200.0, "qualifier": "more than",
         "object": "dock workers"},
        {"text": "tens of thousands", "span": [32, 49], "kind": "count", "value": None, "value_min": 10000,
         "vague": True, "object": "residents"},
        {"text": "about $3", "span": [68, 76], "kind": "amount", "value": 3, "unit": "USD", "qualifier": "about"}]}
    labels = [s.label for s in spans_of(record) if s.type == "figure"]
    assert labels == ["figure (count): more than 1,200 of dock workers",
                      "figure (count): at least 10,000 of residents", "figure (amount): about 3 USD"]


def test_tied_facet_values_keep_the_order_of_the_best_match_first_in_every_process():
    """Names tied on count are listed as the best-ranked article stores them, the same in every process (a set's
    order moved with Python's string hashing, so two servers drew the same facets in different orders)."""
    import subprocess
    import sys
    script = (
        "from newsgraph.query.facets import _counted\n"
        "from newsgraph.storage.base import ArticleFacets as A\n"
        "rows = [A('a1', '2024-03-02', 'Gazette', (('Wen Li', 'PERSON'), ('Port Board', 'ORG'),"
        " ('Ana Ruiz', 'PERSON'), ('Wen Li', 'PERSON'), ('Dock Union', 'ORG'))),"
        " A('a2', '2024-04-09', 'Herald', (('Ana Ruiz', 'PERSON'), ('Wen Li', 'PERSON'), ('Tomas Lind', 'PERSON'),"
        " ('Dock Union', 'ORG'), ('Port Board', 'ORG')))]\n"
        "f = _counted(rows, 2, 10)\n"
        "print(f.people, f.organisations, f.outlets)\n")
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={"PYTHONHASHSEED": str(seed)}).stdout for seed in range(1, 7)}
    assert outputs == {"[('Wen Li', 2), ('Ana Ruiz', 2), ('Tomas Lind', 1)] "
                       "[('Port Board', 2), ('Dock Union', 2)] [('Gazette', 1), ('Herald', 1)]\n"}


def test_a_page_says_when_its_hits_are_the_best_of_the_newest_matches_only(corpus):
    """``ranked_among_newest``: the window when there were more matches than it, else None (every match ranked);
    a page past the window ranks among as many as it reaches, and the facets' deeper ranking counts too."""
    from newsgraph.query.facets import search_with_facets
    assert corpus.search_count("strike") == 3
    windowed = query.search_page(corpus, "strike", SearchFilters(), limit=1, window=2)
    assert windowed.ranked_among_newest == 2 and windowed.as_dict()["ranked_among_newest"] == 2
    assert query.search_page(corpus, "strike", SearchFilters(), limit=1, window=3).ranked_among_newest is None
    assert query.search_page(corpus, "strike", SearchFilters(), limit=1, window=0).ranked_among_newest is None
    assert query.search_page(corpus, "strike", SearchFilters(), limit=1).ranked_among_newest is None  # 5,000
    deep = query.search_page(corpus, "strike", SearchFilters(), limit=1, offset=1, window=2)
    assert deep.ranked_among_newest is None  # offset 1 + 1 + the one that says "next": all 3 ranked
    corpus.search_window = 2
    assert query.search_page(corpus, "strike", SearchFilters(), limit=1).ranked_among_newest == 2
    page, _ = search_with_facets(corpus, "strike", SearchFilters(), limit=1)
    assert page.ranked_among_newest is None  # the facets rank the 100 best: every match here
    assert corpus.ranking_depth(None, 7) == 7 and corpus.ranking_depth(0) is None and corpus.ranking_depth(9) == 9


def test_the_window_is_said_when_the_count_stopped_short_of_it(corpus, monkeypatch):
    """Past the count's cap the count alone cannot tell whether the ranking was windowed: counted on to the depth."""
    from newsgraph.query import pages
    monkeypatch.setattr(pages, "COUNT_CAP", 1)
    windowed = query.search_page(corpus, "strike", SearchFilters(), limit=1, window=2)
    assert (windowed.total, windowed.total_exact, windowed.ranked_among_newest) == (1, False, 2)
    assert query.search_page(corpus, "strike", SearchFilters(), limit=1, window=3).ranked_among_newest is None


def test_a_backend_without_one_ranking_cuts_the_page_as_deep_as_its_facets(corpus):
    """The default search_with_top (PostgreSQL's) ranks the page's hits among as many matches as the facets' top,
    as the SQLite store's single ranking does: the same hits, and the same ranked_among_newest."""
    from newsgraph.storage.base import Store
    corpus.search_window = 1
    own = corpus.search_with_top("strike", 1, 0, top=100)
    default = Store.search_with_top(corpus, "strike", 1, 0, top=100)
    assert [h.id for h in default[0]] == [h.id for h in own[0]] and default[1] == own[1]
    assert [h.id for h in own[0]] == [h.id for h in corpus.search("strike", limit=1, window=0)]  # every match
