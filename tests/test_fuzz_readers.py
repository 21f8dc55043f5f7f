"""Random damage to real inputs (built here): no exception escapes a reader, and the good records around a damaged
one are kept. Mutations: bytes overwritten, bytes inserted, a run of bytes deleted, all inside one record."""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsgraph.extraction import extract
from newsgraph.model import Page, Rejected
from newsgraph.sources import read

sys.path.insert(0, str(Path(__file__).parent))
from test_warc import http, record  # noqa: E402

pytest.importorskip("fastwarc")

PROSE = "The mayor said on Tuesday that the council would vote on the new budget next week. "
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def html_page(n: int) -> bytes:
    return (f"<html><head><title>Page {n}</title></head><body><article><p>{PROSE * 3}</p><p>Number {n}.</p>"
            f"</article></body></html>").encode()


@st.composite
def mutations(draw, size: int, forbid: bytes = b""):
    """A list of edits to a ``size``-byte region: (kind, position, bytes)."""
    edits = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "insert", "delete"]))
        pos = draw(st.integers(0, max(size - 1, 0)))
        data = draw(st.binary(min_size=1, max_size=8).filter(lambda b: not any(c in b for c in forbid)))
        edits.append((kind, pos, data))
    return edits


def mutate(region: bytes, edits, forbid: bytes = b"") -> bytes:
    out = bytearray(region)
    for kind, pos, data in edits:
        pos = min(pos, max(len(out) - 1, 0))
        if kind == "flip":
            out[pos:pos + len(data)] = data
        elif kind == "insert":
            out[pos:pos] = data
        elif any(c in forbid for c in out[pos:pos + len(data)]):
            continue  # deleting a line end would merge two records: that damages the neighbour, not this one
        else:
            del out[pos:pos + len(data)]
    return bytes(out)


def every_item_is_data(items) -> list:
    assert all(isinstance(i, (Page, Rejected)) for i in items)
    for page in (i for i in items if isinstance(i, Page)):
        assert isinstance(extract(page), object)  # extraction of whatever survived must not raise either
    return items


def warc_records(n: int) -> list[bytes]:
    return [record(http(html_page(i)), uri=f"<https://example.org/{i}>") for i in range(n)]


@FUZZ
@given(edits=mutations(600))
# Found by this test: a record 23 bytes shorter than it declares, so its block ends inside the next record's header
# ("WARC/1.0\r\nWARC-Type" with no colon yet) and the full-header pattern did not see it.
@example(edits=[("delete", 256, b"\x00"), ("delete", 256, b"\x00" * 8), ("flip", 31, b"\x00"),
                ("insert", 256, b"\x00"), ("delete", 256, b"\x00" * 7), ("delete", 256, b"\x00" * 8)])
def test_plain_warc_damage_costs_only_the_damaged_record(tmp_path_factory, edits):
    recs = warc_records(3)
    path = tmp_path_factory.mktemp("warc") / "fuzz.warc"
    path.write_bytes(recs[0] + mutate(recs[1], edits) + recs[2])
    items = every_item_is_data(list(read([path])))
    urls = [p.url for p in items if isinstance(p, Page)]
    assert "https://example.org/0" in urls and "https://example.org/2" in urls, items
    assert all(b"WARC-Type" not in p.content for p in items if isinstance(p, Page))


def test_an_address_the_url_parser_refuses_costs_nothing(tmp_path):
    """Found by the test above: damage put a lone ``[`` in a target URI (``http://[…``), which Python's URL parser
    refuses with an exception. The page is still a page: read, extracted, with no host, path or domain known."""
    path = tmp_path / "odd.warc"
    path.write_bytes(b"".join(record(http(html_page(i)), uri=uri) for i, uri in
                              enumerate(["<https://example.org/0>", "<http://[example.org/1>", "<https://[::1/2>"])))
    items = every_item_is_data(list(read([path])))
    assert [p.url for p in items] == ["https://example.org/0", "http://[example.org/1", "https://[::1/2"]
    for page in items:
        article = extract(page)
        assert not isinstance(article, Rejected), article
        assert "Number" in article.text


@FUZZ
@given(edits=mutations(300))
def test_gzip_warc_damage_costs_only_the_damaged_member(tmp_path_factory, edits):
    members = [gzip.compress(r) for r in warc_records(3)]
    path = tmp_path_factory.mktemp("warc") / "fuzz.warc.gz"
    path.write_bytes(members[0] + mutate(members[1], edits) + members[2])
    items = every_item_is_data(list(read([path])))
    urls = [p.url for p in items if isinstance(p, Page)]
    assert urls[0] == "https://example.org/0" and "https://example.org/2" in urls, items


@FUZZ
@given(edits=mutations(200, forbid=b"\n\r"))
def test_jsonl_damage_costs_only_the_damaged_line(tmp_path_factory, edits):
    lines = [json.dumps({"id": f"l{n}", "title": f"T{n}", "text": PROSE * 2}).encode() for n in range(3)]
    path = tmp_path_factory.mktemp("jsonl") / "fuzz.jsonl"
    path.write_bytes(lines[0] + b"\n" + mutate(lines[1], edits, forbid=b"\n\r") + b"\n" + lines[2] + b"\n")
    items = every_item_is_data(list(read([path])))
    assert len(items) == 3
    assert (items[0].id, items[2].id) == ("l0", "l2")


@FUZZ
@given(edits=mutations(400), zipped=st.booleans())
def test_html_and_gzip_damage_is_a_page_or_a_reason(tmp_path_factory, edits, zipped):
    folder = tmp_path_factory.mktemp("html")
    data = html_page(1)
    damaged = mutate(gzip.compress(data), edits) if zipped else mutate(data, edits)
    (folder / ("a.html.gz" if zipped else "a.html")).write_bytes(damaged)
    (folder / "b.html").write_bytes(html_page(2))
    items = every_item_is_data(list(read([folder])))
    assert len(items) == 2 and isinstance(items[1], Page) and items[1].origin.endswith("b.html")
