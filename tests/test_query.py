"""The query functions behind the CLI: search, show, quotes, export."""
from __future__ import annotations

import csv
import io
import json

import pytest

from newsgraph import query
from newsgraph.errors import ConfigError
from newsgraph.ids import content_hash
from newsgraph.model import Article, Entity, Mention, Quote, Speaker
from newsgraph.record import to_record
from newsgraph.storage import open_store

TEXT = 'Angela Merkel said Greece "must reform", while Alexis Tsipras said the cuts had gone too far.'


def span(s: str) -> tuple[int, int]:
    start = TEXT.index(s)
    return start, start + len(s)


def merkel(article_id: str = "m1", text: str = TEXT, published: str = "2015-07-01T09:00:00+02:00") -> Article:
    ents = [Entity("e1", "Angela Merkel", "PERSON", [Mention(*span("Angela Merkel"))], ["Chancellor"]),
            Entity("e2", "Greece", "GPE", [Mention(*span("Greece"))]),
            Entity("e3", "Alexis Tsipras", "PERSON", [Mention(*span("Alexis Tsipras"))])]
    quotes = [Quote("Greece \"must reform\"", (span("Greece")[0], span("must reform")[1] + 1), "mixed",
                    [span("must reform")], "said", span("said"),
                    Speaker("Angela Merkel", span("Angela Merkel"), "e1", "Angela Merkel"), ["e2"]),
              Quote("the cuts had gone too far", span("the cuts had gone too far"), "indirect", [], "said",
                    (TEXT.rindex("said"), TEXT.rindex("said") + 4),
                    Speaker("Alexis Tsipras", span("Alexis Tsipras"), "e3", "Alexis Tsipras"), ["e2"])]
    return Article(article_id, text, content_hash(text), title="Merkel, Tsipras clash", published=published,
                   source="example.org", authors=["A. Writer", "B. Writer"], language="en", entities=ents,
                   quotes=quotes, pipeline={"newsgraph": "0.1.0"})


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "q.db") as s:
        s.put(merkel("m1"))
        s.put(merkel("m2"))  # a syndicated copy
        s.put(Article("o1", "An unrelated, quote-free article, with a comma", content_hash("unrelated"),
                      title="Other", published="2015-08-01"))
        yield s


def test_search(store):
    hits = query.search(store, "merkel reform")
    assert [h.id for h in hits] == ["m1", "m2"]
    assert "\ue000Merkel\ue001" in hits[0].snippet
    assert query.search(store, 'merkel" OR (', limit=5) == []
    assert len(query.search(store, "merkel", limit=1)) == 1


def test_show(store):
    record = to_record(query.show(store, "m2"))
    assert record == to_record(merkel("m2")) | {"duplicate_of": "m1", "story": "m1"}
    assert record["duplicate_of"] == "m1" and record["story"] == "m1"
    assert query.show(store, "missing") is None
    assert query.show(store, "m1", revision=2) is None


def test_quotes(store):
    hits = query.quotes(store, speaker="MERKEL")
    assert [(h.speaker, h.article_id) for h in hits] == [("Angela Merkel", "m1"), ("Angela Merkel", "m2")]
    assert hits[0].quote["parts"] == [list(span("must reform"))]
    assert {h.speaker for h in query.quotes(store, about="greece")} == {"Angela Merkel", "Alexis Tsipras"}
    assert query.quotes(store, speaker="tsipras", since="2015-07-02") == []
    assert len(query.quotes(store, speaker="tsipras", until="2015-07-01")) == 2
    assert len(query.quotes(store, limit=3)) == 3


def test_export_jsonl_round_trips(store):
    out = io.StringIO()
    assert query.export(store, "jsonl", out) == 3
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in records] == ["m1", "m2", "o1"]
    assert records == [to_record(a) for a in store.iter_articles()]


def test_export_csv(store):
    out = io.StringIO(newline="")
    assert query.export(store, "csv", out) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert [r["id"] for r in rows] == ["m1", "m2", "o1"]
    assert tuple(rows[0]) == query.CSV_COLUMNS
    assert rows[0]["quotes"] == "2" and rows[0]["entities"] == "3" and rows[0]["authors"] == "A. Writer; B. Writer"
    assert rows[1]["duplicate_of"] == "m1" and rows[0]["duplicate_of"] == ""
    assert rows[0]["text"] == TEXT  # embedded quotes and commas survive
    assert rows[2]["text"] == "An unrelated, quote-free article, with a comma"


def test_export_rejects_unknown_formats(store):
    with pytest.raises(ConfigError, match="xml"):
        query.export(store, "xml", io.StringIO())




def test_exports_carry_the_agency_a_byline_credits(tmp_path):
    """An article credited to a wire service keeps it in its own column (never among the authors); others leave it
    empty. CSV and the Parquet tables alike."""
    wire = Article("w1", "PORT ALDER (Wire) - The ferry ran late.", content_hash("wire"), title="Ferry late",
                   authors=["Ola Berg"], agency="Northern Wire")
    with open_store(tmp_path / "agency.db") as s:
        s.put(wire)
        s.put(Article("o1", "A local story.", content_hash("local"), title="Local"))
        out = io.StringIO(newline="")
        query.export(s, "csv", out)
        rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out.getvalue(), newline=""))}
        assert rows["w1"]["agency"] == "Northern Wire" and rows["w1"]["authors"] == "Ola Berg"
        assert rows["o1"]["agency"] == ""
        pq = pytest.importorskip("pyarrow.parquet", reason="the parquet extra (pyarrow) is not installed")
        from newsgraph import export
        export.export_tables(s, tmp_path / "tables")
        articles = pq.read_table(tmp_path / "tables" / "articles.parquet").to_pylist()
        assert {a["id"]: a["agency"] for a in articles} == {"w1": "Northern Wire", "o1": None}
