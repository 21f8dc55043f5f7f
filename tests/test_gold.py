"""Gold readers: MEANTIME (CAT XML) and GUM (CoNLL-U) give GoldDocs with spans into rebuilt text."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from newsgraph.evaluate import gold

SHARED = Path(__file__).resolve().parents[2] / "shared"
MEANTIME = SHARED / "data" / "meantime-dev"
GUM = SHARED / "data" / "gum"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def meantime() -> list[gold.GoldDoc]:
    if not MEANTIME.is_dir():
        pytest.skip(f"shared MEANTIME data absent at {MEANTIME}")
    return gold.read_meantime(MEANTIME)


@pytest.fixture(scope="module")
def gum() -> list[gold.GoldDoc]:
    if not GUM.is_dir():
        pytest.skip(f"shared GUM data absent at {GUM}")
    return gold.read_gum(GUM)


def _all_spans(doc: gold.GoldDoc):
    yield from ((m.start, m.end) for m in doc.mentions)
    yield from (m.head for m in doc.mentions if m.head)
    yield from (s.cue for s in doc.speech)
    yield from ((t.start, t.end) for t in doc.timexes)
    yield from ((v.start, v.end) for v in doc.values)
    yield from ((q.start, q.end) for q in doc.quotes)
    yield from ((d.start, d.end) for d in doc.dates)
    yield from doc.sentences


def _check_spans(docs: list[gold.GoldDoc]) -> None:
    for doc in docs:
        for start, end in _all_spans(doc):
            piece = doc.text[start:end]
            assert 0 <= start < end <= len(doc.text), (doc.id, start, end)
            assert piece.strip() == piece and piece, (doc.id, piece)


def test_shared_data_dir_finds_the_checkout_data():
    if not (SHARED / "data").is_dir():
        pytest.skip(f"shared data absent at {SHARED / 'data'}")
    assert gold.shared_data_dir() is not None


def test_meantime_counts(meantime):
    assert len(meantime) == 60
    assert {d.topic for d in meantime} == {"corpus_airbus", "corpus_apple"}
    assert sum(1 for d in meantime if d.dct) >= 55
    assert all(d.title and d.text.startswith(d.title + "\n\n") for d in meantime)
    assert sum(len(d.mentions) for d in meantime) > 1500
    assert sum(len(d.timexes) for d in meantime) > 100
    assert sum(len(d.values) for d in meantime) > 100
    speakers = [s for d in meantime for s in d.speech if s.speaker]
    assert len(speakers) > 50 and all(s.speaker_chain == s.speaker.chain for s in speakers)


def test_meantime_spans_match_gold_tokens(meantime):
    from lxml import etree

    _check_spans(meantime)
    for doc in meantime:
        root = etree.parse(doc.path).getroot()
        words = {t.get("t_id"): gold._PTB_QUOTES.get(t.text, t.text) for t in root.iter("token")}
        expected = Counter()
        for el in root.find("Markables"):
            ids = [a.get("t_id") for a in el.findall("token_anchor")]
            if el.tag == "ENTITY_MENTION" and ids:
                # a discontinuous mention ("Mobile [,] Alabama") is covered from its first to its last token
                first, last = min(map(int, ids)), max(map(int, ids))
                expected[_squash("".join(words[str(i)] for i in range(first, last + 1)))] += 1
        got = Counter(_squash(doc.text[m.start:m.end]) for m in doc.mentions)
        assert got == expected, doc.id


def test_meantime_text_reads_like_news(meantime):
    by_id = {d.id: d for d in meantime}
    doc = by_id["100911_Northrop_Grumman_and_Airbus_parent_EADS_defeat_Boeing"]
    assert doc.text.split("\n\n")[1] == "March 01, 2008"
    assert 'Ron Sugar said in an interview “Everyone told us we were crazy, that we had no chance.' in doc.text
    assert "a US$40 billion (GB #20.1 billion) contract" in doc.text
    apple = "\n".join(d.text for d in meantime if d.topic == "corpus_apple")
    assert "Wal-Mart" in apple and "Macintosh-curious" in apple and "Beatles' record company" in apple
    assert not re.search(r" [,.;:)%]|\( |\$ | n't| 's\b", apple)


def test_meantime_known_speech_event(meantime):
    doc = next(d for d in meantime if d.id.startswith("106653_"))
    said = [s for s in doc.speech if s.speaker and doc.text[s.speaker.start:s.speaker.end] == "Spokeswoman Sandy Angers"]
    assert len(said) == 1
    event = said[0]
    assert event.cue_text == "said" and event.lemma == "say"
    assert doc.text[event.cue[0]:event.cue[1]] == "said"
    assert event.speaker.type == "PER" and event.speaker.syntactic_type == "NAM"
    later = [m for m in doc.mentions if m.chain == event.speaker_chain]
    assert {doc.text[m.start:m.end] for m in later} >= {"Spokeswoman Sandy Angers", "Angers"}


def test_gum_counts(gum):
    assert len(gum) == 24
    assert all(d.dct and re.fullmatch(r"\d{4}-\d\d-\d\d", d.dct) for d in gum)
    assert all(d.topic == "news" and d.title for d in gum)
    assert sum(len(d.quotes) for d in gum) > 50 and {q.tag for d in gum for q in d.quotes} == {"quote", "q"}
    assert sum(len(d.dates) for d in gum) > 150
    assert sum(1 for d in gum for x in d.dates if x.when) > 100
    types = Counter(m.type for d in gum for m in d.mentions)
    assert types["PER"] > 1000 and types["ORG"] > 500 and types["LOC"] > 400 and types["abstract"] > 0
    assert {m.syntactic_type for d in gum for m in d.mentions} == {"NAM", "NOM", "PRO"}


def test_gum_text_matches_sentence_text(gum):
    _check_spans(gum)
    for doc in gum:
        lines = Path(doc.path).read_text(encoding="utf-8").splitlines()
        texts = [line.split(" = ", 1)[1] for line in lines if line.startswith("# text = ")]
        assert [doc.text[s:e] for s, e in doc.sentences] == texts, doc.id
        assert doc.text.startswith(doc.title + "\n\n")


def test_gum_mentions_dates_and_quotes(gum):
    doc = next(d for d in gum if d.id == "GUM_news_iodine")
    assert doc.text.startswith("Australian children suffering from iodine deficiency\n\nThursday, February 23, 2006\n\n")
    first = next(x for x in doc.dates if x.when == "2006-02-23")
    assert doc.text[first.start:first.end] == "Thursday, February 23, 2006"
    iodine = [m for m in doc.mentions if doc.text[m.start:m.end] == "iodine"]
    assert iodine and iodine[0].type == "substance"
    pronouns = [m for d in gum for m in d.mentions if m.syntactic_type == "PRO"]
    assert all(d.text[m.head[0]:m.head[1]] for d in gum for m in d.mentions if m.head)
    assert len(pronouns) > 100
    quoted = [d.text[q.start:q.end] for d in gum for q in d.quotes if q.tag == "quote"]
    assert sum(1 for q in quoted if q.startswith(('"', "“"))) > len(quoted) / 2


def test_gum_block_quote_keeps_all_its_sentences(gum):
    # nasa's <quote>s are block-level (whole sentences, announced in "# newpar_block = … quote (4 s)"): the
    # conllu XML= attribute loses them, the vertical XML file has them.
    doc = next(d for d in gum if d.id == "GUM_news_nasa")
    quotes = [doc.text[q.start:q.end] for q in doc.quotes if q.tag == "quote"]
    assert len(quotes) == 4
    first = quotes[0]
    assert first.startswith('"We want to thank all of the locations') and first.endswith('international visitors."')
    inside = [s for s in doc.sentences if doc.quotes[0].start <= s[0] and s[1] <= doc.quotes[0].end]
    assert len(inside) == 4
    assert sum(1 for d in gum for q in d.quotes if q.tag == "quote") == 84


def test_meantime_annotated_end_stops_after_sentence_5():
    text = " ".join(f"S{i}." for i in range(9))
    spans = [(m.start(), m.end()) for m in re.finditer(r"S\d\.", text)]
    doc = gold.GoldDoc(id="x", path="x", text=text, title=None, dct=None, topic=None, sentences=spans[::-1])
    assert text[:gold.meantime_annotated_end(doc)] == "S0. S1. S2. S3. S4. S5."
    short = gold.GoldDoc(id="y", path="y", text="S0. S1.", title=None, dct=None, topic=None,
                         sentences=[(0, 3), (4, 7)])
    assert gold.meantime_annotated_end(short) == len(short.text)


def test_meantime_time_gold_lies_in_the_annotated_part(meantime):
    """The scorers' scope is the corpus's own: MEANTIME marks no TIMEX3 past it."""
    assert all(t.end <= gold.meantime_annotated_end(doc) for doc in meantime for t in doc.timexes)
