"""Queries over a small linked store: search filters, quotes without copies, entity pages, stories, timelines."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsgraph import query
from newsgraph.cli import bench_search, explore, store as store_cli
from newsgraph.errors import ConfigError
from newsgraph.ids import content_hash
from newsgraph.linking import link
from newsgraph.model import Article, Entity, Mention, Quote, Speaker
from newsgraph.storage import open_store

T1 = 'Foreign Minister Sergey Lavrov said the ceasefire "must hold", after talks with John Kerry.'
T2 = 'Sergei Lavrov said Kerry was right about the ceasefire.'
T3 = 'John Kerry said the oil deal is done.'


def _find(text: str, name: str, n: int = 0) -> Mention:
    start = -1
    for _ in range(n + 1):
        start = text.index(name, start + 1)
    return Mention(start, start + len(name))


def _quote(text: str, said: str, speaker: str, eid: str, about: list[str]) -> Quote:
    m, s = _find(text, said), _find(text, speaker)
    return Quote(said, (m.start, m.end), "indirect", [], "said", None, Speaker(speaker, (s.start, s.end), eid,
                                                                                speaker), about)


def build(path):
    a1 = Article("a1", T1, content_hash(T1), title="Lavrov on the ceasefire", published="2013-05-03T10:00:00",
                 source="wire.example",
                 entities=[Entity("e1", "Sergey Lavrov", "PERSON", [_find(T1, "Sergey Lavrov")], ["Foreign Minister"]),
                           Entity("e2", "John Kerry", "PERSON", [_find(T1, "John Kerry")])],
                 quotes=[_quote(T1, 'the ceasefire "must hold"', "Sergey Lavrov", "e1", ["e2"])])
    copy = Article("a1copy", T1, content_hash(T1), title="Lavrov on the ceasefire (copy)",
                   published="2013-05-03T12:00:00", source="copy.example", entities=a1.entities, quotes=a1.quotes)
    a2 = Article("a2", T2, content_hash(T2), title="Lavrov backs Kerry", published="2013-05-10", source="news.example",
                 entities=[Entity("e1", "Sergei Lavrov", "PERSON", [_find(T2, "Sergei Lavrov")]),
                           Entity("e2", "Kerry", "PERSON", [_find(T2, "Kerry")])],
                 quotes=[_quote(T2, "Kerry was right about the ceasefire", "Sergei Lavrov", "e1", ["e2"])])
    a3 = Article("a3", T3, content_hash(T3), title="Oil deal", published="2013-06-01", source="wire.example",
                 entities=[Entity("e1", "John Kerry", "PERSON", [_find(T3, "John Kerry")])],
                 quotes=[_quote(T3, "the oil deal is done", "John Kerry", "e1", [])])
    with open_store(path) as s:
        for article in link([a1, copy, a2, a3], s.entity_registry()):
            s.put(article)
    return path


@pytest.fixture
def db(tmp_path):
    return str(build(tmp_path / "x.db"))


@pytest.fixture
def store(db):
    with open_store(db) as s:
        yield s


def test_search_filters(store):
    ids = lambda hits: sorted(h.id for h in hits)  # noqa: E731
    assert ids(query.search(store, "ceasefire")) == ["a1", "a1copy", "a2"]
    assert ids(query.search(store, "ceasefire", since="2013-05-04")) == ["a2"]
    assert ids(query.search(store, "ceasefire", until="2013-05-03")) == ["a1", "a1copy"]
    assert ids(query.search(store, "ceasefire", source="WIRE.example")) == ["a1"]
    assert ids(query.search(store, "ceasefire", story="a1")) == ["a1", "a1copy"]
    # "Sergei Lavrov" is linked to the same person as a1's "Sergey Lavrov": the alias finds both spellings.
    assert ids(query.search(store, "ceasefire", entity="Sergey Lavrov")) == ["a1", "a1copy", "a2"]
    assert ids(query.search(store, "said", entity="kerry", until="2013-05-31")) == ["a1", "a1copy", "a2"]


def test_quotes_leave_out_copies_unless_asked(store):
    assert len(query.quotes(store, speaker="lavrov", include_copies=False)) == 2
    assert len(query.quotes(store, speaker="lavrov", include_copies=True)) == 3


def test_entity_page(store):
    page = query.entity(store, "Sergei Lavrov")
    assert page is not None and page.global_id
    assert page.aliases == ["Sergei Lavrov", "Sergey Lavrov"]
    assert page.articles == 2  # the copy is not counted
    assert page.roles == [("Foreign Minister", 1)]
    assert page.mentions_by_month == [("2013-05", 2)]
    assert [c.name for c in page.cooccurring][0] == "John Kerry"
    assert len(page.quotes) == 2 and page.quotes[0].article_id == "a2"  # newest first
    kerry = query.entity(store, "Kerry")
    assert kerry.aliases == ["John Kerry", "Kerry"] and [(s.speaker, s.quotes) for s in kerry.quoted_by] == [
        ("Sergei Lavrov", 1), ("Sergey Lavrov", 1)]
    assert query.entity(store, "Nobody Known") is None


def test_timeline(store):
    rows = query.timeline(store, "Lavrov", by="day")
    assert [(r.period, r.articles, r.mentions, r.quotes) for r in rows] == [("2013-05-03", 1, 1, 1),
                                                                            ("2013-05-10", 1, 1, 1)]
    weeks = query.timeline(store, "Kerry", by="week")
    assert [r.period for r in weeks] == ["2013-W18", "2013-W19", "2013-W22"]
    with pytest.raises(ConfigError):
        query.timeline(store, "Kerry", by="month")


def _run(command, args):
    result = CliRunner().invoke(command, args)
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_search_quotes(db):
    out = _run(store_cli.search, ["ceasefire", "--db", db, "--entity", "Lavrov", "--since", "2013-05-04",
                                  "--format", "jsonl"])
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a2"]
    out = _run(store_cli.quotes, ["--db", db, "--speaker", "lavrov", "--format", "jsonl"])
    assert len(out.splitlines()) == 2
    out = _run(store_cli.quotes, ["--db", db, "--speaker", "lavrov", "--include-copies", "--format", "jsonl"])
    assert len(out.splitlines()) == 3


def test_cli_entity_story_timeline(db, tmp_path):
    out = _run(explore.entity, ["Lavrov", "--db", db])
    assert "Sergey Lavrov" in out and "Foreign Minister" in out and "2013-05 2" in out
    page = json.loads(_run(explore.entity, ["Lavrov", "--db", db, "--format", "jsonl"]))
    assert page["articles"] == 2
    assert CliRunner().invoke(explore.entity, ["Nobody", "--db", db]).exit_code == 1
    out = _run(explore.story, ["a1", "--db", db])
    assert "a1copy" in out and T1 in out
    story = json.loads(_run(explore.story, ["a1", "--db", db, "--format", "jsonl"]))
    assert [m["id"] for m in story["members"]] == ["a1", "a1copy"] and story["text"] == T1
    out = _run(explore.timeline, ["Kerry", "--db", db, "--by", "week"])
    assert "2013-W22" in out
    lines = _run(explore.timeline, ["Kerry", "--db", db, "--format", "jsonl"]).splitlines()
    assert json.loads(lines[-1]) == {"period": "2013-06-01", "articles": 1, "mentions": 1, "quotes": 1}


def test_cli_timeline_plot(db, tmp_path):
    pytest.importorskip("matplotlib", reason="the plot extra (matplotlib) is not installed")
    png = tmp_path / "t.png"
    _run(explore.timeline, ["Kerry", "--db", db, "--plot", str(png)])
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_bench_search_small(tmp_path):
    out = _run(bench_search.search, ["-n", "2000", "--rounds", "1", "--format", "json"])
    result = json.loads(out)
    assert result["n"] == 2000 and result["calls"] == 12
    assert 0 < result["search_ms"]["p50"] <= result["search_ms"]["p95"]
    assert 0 < result["quotes_ms"]["p50"] <= result["quotes_ms"]["p95"]
    assert 0 < result["filtered_ms"]["p50"] <= result["filtered_ms"]["p95"]
    assert {"search filter_source", "search filter_entity", "search filter_since"} <= set(result["by_kind"])
