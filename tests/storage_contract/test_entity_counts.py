"""The per-entity counts kept at ingest (``EntityViews.summary``, ``cooccurring``, ``quoted_by``, ``edges`` around one
entity) must equal a recount from the stored records, after puts, revisions and exact copies, in both backends."""
from __future__ import annotations

from collections import Counter

from newsgraph.ids import content_hash
from newsgraph.model import Article, Entity, Mention, Quote, Speaker
from newsgraph.storage.base import EntityRef
from newsgraph.storage.dates import utc
from newsgraph.storage.words import key

from .corpus import LATER, harbour, ingest, span


def _key(entity) -> tuple[str, str]:
    return ("g", entity.global_id) if entity.global_id else ("n", entity.name.casefold())


def _recount(store) -> dict[tuple[str, str], dict]:
    """Everything the page shows, counted from whole current records, per entity key."""
    registry = store.entity_registry()
    found: dict[tuple[str, str], dict] = {}
    names: dict[tuple[str, str], str] = {}
    for article in store.iter_articles():
        copy = article.duplicate_of is not None
        keys = {e.id: _key(e) for e in article.entities}
        for e in article.entities:
            k = keys[e.id]
            names[k] = max(names.get(k, e.name), e.name)
            if k[0] == "g":
                names[k] = registry.entity(k[1])[0]
            row = found.setdefault(k, {"articles": [set(), set()], "aliases": set(), "roles": [Counter(), Counter()],
                                       "months": [Counter(), Counter()], "cooc": [Counter(), Counter()],
                                       "heard": [Counter(), Counter()], "said": [Counter(), Counter()]})
            row["articles"][copy].add(article.id)
            row["aliases"].add(e.name)
            row["roles"][copy].update(e.roles)
            row["months"][copy][(utc(article.published) or "undated")[:7]] += len(e.mentions)
        for k in set(keys.values()):
            found[k]["cooc"][copy].update(o for o in set(keys.values()) if o != k)
        for q in article.quotes:
            speaker = (q.speaker.name or q.speaker.text) if q.speaker else "(unknown)"
            by = keys.get(q.speaker.entity) if q.speaker and q.speaker.entity else None
            for about in q.about:
                if about not in keys:
                    continue
                found[keys[about]]["heard"][copy][speaker] += 1
                if by is not None and by != keys[about]:
                    found[by]["said"][copy][(speaker, keys[about])] += 1
    for row in found.values():
        row["names"] = names
    return found


def _ref(k: tuple[str, str]) -> EntityRef:
    return EntityRef(k[1], "") if k[0] == "g" else EntityRef(None, k[1])


def _check(store, before: frozenset = frozenset()) -> int:
    """Compare every entity's kept counts with the recount; entities only in ``before`` must have none left."""
    views = store.entity_views()
    expected = _recount(store)
    for k, want in expected.items():
        ref = _ref(k)
        names = want["names"]
        for copies in (False, True):
            use = [0, 1] if copies or not want["articles"][0] else [0]
            head = views.summary(ref, include_copies=copies)
            assert head.articles == sum(len(want["articles"][c]) for c in use), k
            assert head.aliases == sorted(want["aliases"])
            assert dict(head.roles) == dict(sum((want["roles"][c] for c in use), Counter()))
            months = sum((want["months"][c] for c in use), Counter())
            assert dict(head.mentions_by_month) == {m: n for m, n in months.items() if n}
            heard = Counter() if not copies else want["heard"][1].copy()
            heard.update(want["heard"][0])
            assert {s.speaker: s.quotes for s in views.quoted_by(ref, copies, limit=1000)} == dict(heard)
            said = Counter(want["said"][0]) + (want["said"][1] if copies else Counter())
            edges = Counter({(s, names[k]): n for s, n in heard.items()})
            edges.update({(s, names[about]): n for (s, about), n in said.items()})
            got = views.edges(ref, include_copies=copies, limit=1000)
            assert {(e.speaker, e.about): e.quotes for e in got} == dict(edges), k
            assert [e.quotes for e in got] == sorted((e.quotes for e in got), reverse=True)
            ranked = sorted(((s, a, n) for (s, a), n in edges.items()), key=lambda r: (-r[2], r[0], r[1]))
            for few in (1, 2, 3):  # the top few are cut in the database: the same as ranking every pair
                assert [(e.speaker, e.about, e.quotes) for e in views.edges(ref, include_copies=copies,
                                                                            limit=few)] == ranked[:few], k
            cooc = want["cooc"][0] + (want["cooc"][1] if copies else Counter())
            assert {(c.name, c.articles) for c in views.cooccurring(ref, limit=1000, include_copies=copies)} == {
                (names[o], n) for o, n in cooc.items()}
            ranked = sorted(((names[o], n) for o, n in cooc.items()), key=lambda r: (-r[1], r[0]))
            for few in (1, 2, 3):
                assert [(c.name, c.articles) for c in views.cooccurring(ref, limit=few, include_copies=copies)
                        ] == ranked[:few], k
    for gone in before - set(expected):
        assert views.summary(_ref(gone)) is None and views.cooccurring(_ref(gone)) == []
    return len(expected)


def _person(article_id: str, text: str, people: list[str], published: str, quoted: int = 0) -> Article:
    """An article naming ``people`` (each once, as written in ``text``); the first quotes the others ``quoted``
    times (each quote about all of them)."""
    ents = [Entity(f"e{i}", name, "PERSON", [Mention(*span(text, name))], ["minister"] if i == 1 else [])
            for i, name in enumerate(people, 1)]
    quotes = [Quote(f"quote {n}", span(text, people[0]), "indirect", [], "said", span(text, people[0]),
                    Speaker(people[0], span(text, people[0]), "e1", people[0]), [e.id for e in ents[1:]])
              for n in range(quoted)]
    return Article(article_id, text, content_hash(text), title=article_id, published=published, entities=ents,
                   quotes=quotes)


def test_kept_counts_equal_a_recount_after_puts_revisions_and_copies(store):
    ingest(store, [harbour("a", published="2014-03-10"),
                   harbour("b", LATER, published="2014-04-02", source="other.example", kind="indirect"),
                   harbour("c", source="copy.example", published="2014-03-11")])  # c: an exact copy of a
    assert _check(store) >= 2
    # Unlinked rows (put without the linker) and an evening article with a negative UTC offset.
    text = "Vera Lind met Omar Haddad and Vera Lind again on the quay before Ilse Brandt arrived."
    store.put_many([_person("p1", text, ["Vera Lind", "Omar Haddad", "Ilse Brandt"], "2015-01-31T22:00:00-05:00",
                            quoted=2),
                    _person("p2", text + " ", ["Omar Haddad", "Vera Lind"], "2015-02-01", quoted=1)])
    _check(store)
    before = frozenset(_recount(store))
    # Revisions: "b" now names nobody of before, "p1" drops Ilse Brandt; "p3" is an exact copy of the new "p1".
    other = "The port reopened on Tuesday and Ilka Sorensen said the queue of ships was gone."
    ingest(store, [_person("b", other, ["Ilka Sorensen"], "2014-04-03")])
    revised = "Vera Lind met Omar Haddad on the quay in the evening."
    store.put(_person("p1", revised, ["Vera Lind", "Omar Haddad"], "2015-01-31T22:00:00-05:00", quoted=3))
    store.put(_person("p3", revised, ["Vera Lind", "Omar Haddad"], "2015-02-02", quoted=3))
    assert store.get("p3").duplicate_of == "p1"
    assert _check(store, before) >= 5
    assert store.entity_views().summary(EntityRef(None, "ilse brandt")) is None  # no current article names her
    # A second reindex recounts from the rows and finds the same.
    store.reindex()
    _check(store)


def test_a_name_never_linked_counts_only_its_unlinked_rows(store):
    text = "Ana Pikis spoke at the harbour on Monday."
    linked = Article("l1", text, content_hash(text), entities=[
        Entity("e1", "Ana Pikis", "PERSON", [Mention(0, 9)], global_id=None)])
    store.put(linked)
    ingest(store, [harbour("h1")])  # linked: Maria Costa gets a global id
    views = store.entity_views()
    assert views.summary(EntityRef(None, "ana pikis")).articles == 1
    assert views.summary(EntityRef(None, "maria costa")) is None  # her only rows are linked
    gid = store.get("h1").entities[0].global_id
    assert gid and views.summary(EntityRef(gid, "maria costa")).articles == 1


def test_date_filters_compare_in_utc(store):
    """An evening article at UTC-5 on 31 January was published on 1 February in UTC: date filters (search, count,
    quotes) count it there, at every precision; a date without a zone is compared as written."""
    from newsgraph import query
    from newsgraph.storage import SearchFilters

    def dated(article_id: str, published: str) -> Article:
        text = f"Vera Lind said the ferry {article_id} would sail at dawn."
        return _person(article_id, text, ["Vera Lind"], published, quoted=1)
    store.put_many([dated("evening", "2015-01-31T22:00:00-05:00"), dated("zulu", "2015-02-01T03:30:00Z"),
                    dated("plain", "2015-01-31"), dated("east", "2015-02-01T01:00:00+02:00")])

    def ids(**filters) -> list[str]:
        return sorted(h.id for h in store.search("ferry", filters=SearchFilters(**filters)))
    assert ids(since="2015-02") == ["evening", "zulu"]
    assert ids(until="2015-01") == ["east", "plain"]
    assert ids(since="2015-02-01", until="2015-02-01") == ["evening", "zulu"]
    assert ids(until="2015-01-31T23") == ["east", "plain"]
    assert store.search_count("ferry", filters=SearchFilters(since="2015-02")) == 2
    assert sorted(q.article_id for q in store.quotes(speaker="vera lind", since="2015-02")) == ["evening", "zulu"]
    assert sorted(q.article_id for q in store.quotes(since="2015-02")) == ["evening", "zulu"]
    assert sorted(q.article_id for q in query.quotes(store, speaker="Lind", until="2015-01")) == ["east", "plain"]
    assert store.get("evening").published == "2015-01-31T22:00:00-05:00"  # the record keeps what was written
    # the entity page's months and the timeline's days count in UTC too, so a filter and a chart agree
    assert dict(query.entity(store, "Vera Lind").mentions_by_month) == {"2015-01": 2, "2015-02": 2}
    assert {r.period: r.articles for r in query.timeline(store, "Vera Lind")} == {"2015-01-31": 2, "2015-02-01": 2}
    from newsgraph.query.facets import search_facets
    assert dict(search_facets(store, "ferry", SearchFilters()).months) == {"2015-01": 2, "2015-02": 2}


def test_a_time_that_is_no_real_time_compares_as_written_in_both_backends(store):
    """Hour 24 or second 60 with a zone: Python refuses such a time, PostgreSQL would roll it into the next day;
    both backends leave it as written, so the same store answers the same way on either."""
    from newsgraph.storage import SearchFilters
    text = "Vera Lind said the ferry would sail at dawn."
    store.put_many([_person("late", text, ["Vera Lind"], "2015-01-31T24:00:00-05:00"),
                    _person("leap", text, ["Vera Lind"], "2015-01-31T23:59:60+00:00")])

    def ids(**filters) -> list[str]:
        return sorted(h.id for h in store.search("ferry", filters=SearchFilters(**filters)))
    assert ids(until="2015-01") == ["late", "leap"] and ids(since="2015-02") == []


def _recounted(store, how: str) -> list[tuple]:
    """Empty the kept counts, recount them with the backend's ``rebuild`` (SQL) or ``recount_in_python`` (row by
    row, the reference), and return every row. Reaches into the backend: the recount has no place in ``Store``."""
    if type(store).__module__.startswith("newsgraph.storage.postgres"):
        from newsgraph.storage.postgres import entity_stats as backend, tx
    else:
        from newsgraph.storage.sqlite import entity_stats as backend, tx
    conn = store._conn
    with tx.write_tx(conn, "a recount"):
        done = getattr(backend, how)(conn)
        rows = conn.execute("SELECT ekey, facet, value, is_copy, n FROM entity_stats").fetchall()
    assert done == store.count()
    return sorted(tuple(r) for r in rows)


def test_the_recount_in_sql_equals_the_recount_row_by_row(store):
    """The upgrade of an older store (and ``reindex``) counts in SQL; it must write what the article-by-article
    count writes, row for row, including the awkward cases: a quote about an id no entity has, a speaker quoted
    about themselves, a speaker with no name, no mentions, a role listed twice, no date, an empty date, copies."""
    ingest(store, [harbour("a", published="2014-03-10"),
                   harbour("b", LATER, published="2014-04-02", source="other.example", kind="indirect"),
                   harbour("c", source="copy.example", published="2014-03-11")])
    text = "Vera Lind met Omar Haddad and Vera Lind again on the quay before Ilse Brandt arrived."
    store.put_many([_person("p1", text, ["Vera Lind", "Omar Haddad", "Ilse Brandt"], "2015-01-31T22:00:00-05:00",
                            quoted=2),
                    _person("p2", text + " ", ["Omar Haddad", "Vera Lind"], "", quoted=1)])
    odd = "Jörg Maß said he, Jörg Maß, would stay; someone said the quay was closed."
    ents = [Entity("e1", "Jörg Maß", "PERSON", [Mention(*span(odd, "Jörg Maß"))], ["mayor", "mayor"]),
            Entity("e2", "the quay", "FAC", [], [])]
    quotes = [Quote("he would stay", span(odd, "said he"), "indirect", [], "said", span(odd, "said"),
                    Speaker("Jörg Maß", span(odd, "Jörg Maß"), "e1", "Jörg Maß"), ["e1", "e2", "e9"]),
              Quote("the quay was closed", span(odd, "the quay"), "indirect", [], "said", span(odd, "said"),
                    None, ["e2"])]
    store.put(Article("odd", odd, content_hash(odd), title="odd", published=None, entities=ents, quotes=quotes))
    revised = "Vera Lind met Omar Haddad on the quay in the evening."
    store.put(_person("p1", revised, ["Vera Lind", "Omar Haddad"], "2015-01-31T22:00:00-05:00", quoted=3))
    store.put(_person("p3", revised, ["Vera Lind", "Omar Haddad"], "2015-02-02", quoted=3))
    kept = _recounted(store, "recount_in_python")
    assert {r[1] for r in kept} >= {"articles", "alias", "role", "type", "month", "cooc", "heard", "said"}
    assert ("n:" + key("Jörg Maß"), "role", "mayor", 0, 2) in kept  # a role listed twice counts twice, as at ingest
    assert any(r[1] == "month" and r[2] == "undated" for r in kept)
    assert any(r[1] == "heard" and r[2] == "(unknown)" for r in kept)
    assert any(r[3] == 1 for r in kept)  # the copies' own counts
    assert _recounted(store, "rebuild") == kept
    _check(store)
