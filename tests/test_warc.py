"""WARC input: the real wget sample from ../shared and synthetic WARCs written here, whole and damaged."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsgraph.model import Page, Rejected
from newsgraph.sources import read
from newsgraph.sources.warc import dechunk, http_charset, read_warc, split_http, target_uri, warc_date

pytest.importorskip("fastwarc")

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLE = SHARED / "data" / "warc" / "dolma-sample-0001.warc.gz"
HTML = b"<html><head><title>T</title></head><body><p>Hello %d, a page of the crawl.</p></body></html>"


def http(body: bytes, ctype: str = "text/html; charset=utf-8", status: str = "200 OK", extra: str = "") -> bytes:
    return (f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n{extra}Content-Length: {len(body)}\r\n\r\n"
            .encode("latin-1") + body)


def record(block: bytes, uri: str = "https://example.org/a", wtype: str = "response",
           length: object = None) -> bytes:
    msg = "msgtype=response" if wtype == "response" else "msgtype=request"
    head = (f"WARC/1.0\r\nWARC-Type: {wtype}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-04-25T16:27:48Z\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n"
            f"Content-Type: application/http; {msg}\r\n"
            f"Content-Length: {len(block) if length is None else length}\r\n\r\n")
    return head.encode("latin-1") + block + b"\r\n\r\n"


def pages(n: int) -> list[bytes]:
    return [record(http(HTML % i), uri=f"<https://example.org/{i}>") for i in range(n)]


def write_gz(path: Path, records: list[bytes]) -> list[int]:
    """One gzip member per record, as crawlers write them; returns each member's offset."""
    offsets, data = [], b""
    for rec in records:
        offsets.append(len(data))
        data += gzip.compress(rec)
    path.write_bytes(data)
    return offsets


def items_of(path: Path) -> list:
    return list(read_warc(path))


def test_real_sample_yields_its_fifteen_html_responses():
    if not SAMPLE.exists():
        pytest.skip(f"shared WARC sample not available: {SAMPLE}")
    items = list(read([SAMPLE]))
    assert len(items) == 15 and all(isinstance(i, Page) and i.kind == "html" for i in items)
    urls = [i.url for i in items]
    assert urls.count("https://allenai.org/") == 3  # the crawl fetched the same page three times
    assert all(not u.startswith("<") and not u.endswith(">") for u in urls)
    first = items[0]
    assert first.fetched == "2024-04-25T16:27:48+00:00" and first.charset == "utf-8"
    assert first.origin == f"{SAMPLE}#856"
    same = [i for i in items if i.url == "https://allenai.org/"]
    assert len({i.origin for i in same}) == 3  # three captures, three distinct record offsets
    assert b"<html" in first.content[:2000].lower()


def test_gzip_members_yield_pages_with_offsets_and_skip_non_responses(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    recs = pages(3)
    recs.insert(1, record(b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n", wtype="request"))
    recs.append(record(http(b"\x89PNG....", ctype="image/png")))
    offsets = write_gz(path, recs)
    items = items_of(path)
    assert [type(i) for i in items] == [Page, Page, Page]
    assert [i.origin for i in items] == [f"{path}#{offsets[k]}" for k in (0, 2, 3)]
    assert [i.url for i in items] == [f"https://example.org/{k}" for k in range(3)]
    assert items[1].content == HTML % 1


def test_plain_warc_reads_the_same(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(pages(2)))
    items = items_of(path)
    assert [i.url for i in items] == ["https://example.org/0", "https://example.org/1"]
    assert items[1].origin == f"{path}#{len(pages(1)[0])}"


def test_truncated_gzip_keeps_records_before_the_damage_then_one_fatal_rejection(tmp_path):
    path = tmp_path / "cut.warc.gz"
    write_gz(path, pages(3))
    data = path.read_bytes()
    path.write_bytes(data[:-40])  # cut inside the last member's deflate data
    items = items_of(path)
    assert [type(i) for i in items] == [Page, Page, Rejected]
    assert items[-1].code == "warc_truncated" and items[-1].fatal


@pytest.mark.parametrize("keep", [5, 30, 120])
def test_truncation_inside_the_second_member_header_is_reported(tmp_path, keep):
    path = tmp_path / "cut.warc.gz"
    offsets = write_gz(path, pages(3))
    path.write_bytes(path.read_bytes()[:offsets[1] + keep])
    items = items_of(path)
    assert [type(i) for i in items] == [Page, Rejected]
    assert items[1].code == "warc_truncated" and items[1].fatal


def test_truncated_plain_warc_body_is_reported(tmp_path):
    path = tmp_path / "cut.warc"
    data = b"".join(pages(2))
    path.write_bytes(data[:-30])
    items = items_of(path)
    assert [type(i) for i in items] == [Page, Rejected] and items[1].code == "warc_truncated"


def test_bad_record_header_is_rejected_and_reading_goes_on(tmp_path):
    path = tmp_path / "bad.warc.gz"
    recs = pages(3)
    recs[1] = recs[1].replace(b"Content-Length: ", b"Content-Length: abc", 1)
    write_gz(path, recs)
    items = items_of(path)
    assert [type(i) for i in items] == [Page, Rejected, Page]
    assert items[1].code == "warc_bad_record" and items[1].fatal
    assert items[2].url == "https://example.org/2"


def test_garbage_member_and_corrupt_deflate_data_are_skipped(tmp_path):
    path = tmp_path / "bad.warc.gz"
    recs = pages(4)
    offsets = write_gz(path, recs[:1] + [b"NOT A WARC RECORD\r\n\r\n"] + recs[1:])
    data = bytearray(path.read_bytes())
    data[offsets[2] + 20] ^= 0xFF  # flip a byte inside the third member's compressed data
    path.write_bytes(bytes(data))
    items = items_of(path)
    good = [i.url for i in items if isinstance(i, Page)]
    assert good[0] == "https://example.org/0" and good[-1] == "https://example.org/3"
    assert "https://example.org/1" not in good
    assert {i.code for i in items if isinstance(i, Rejected)} == {"warc_bad_record"}


def test_header_without_warc_type_is_a_bad_record(tmp_path):
    path = tmp_path / "bad.warc.gz"
    recs = pages(2)
    recs.insert(1, b"WARC/1.0\r\nthis is not a header\r\nContent-Length: 0\r\n\r\n\r\n\r\n")
    write_gz(path, recs)
    items = items_of(path)
    assert [type(i) for i in items] == [Page, Rejected, Page] and items[1].code == "warc_bad_record"


def test_too_large_binary_redirect_and_empty_bodies(tmp_path):
    path = tmp_path / "odd.warc.gz"
    write_gz(path, [
        record(http(b"<p>" + b"x" * 2000 + b"</p>")),
        record(http(b"\x00\x01\x02\x03" * 100)),
        record(http(b"", status="301 Moved Permanently")),
        record(http(b"  ")),
    ])
    items = list(read_warc(path, max_bytes=1000))
    assert [(i.code, i.fatal) for i in items] == [("too_large", False), ("not_html", False),
                                                   ("http_status", False), ("empty_input", False)]


def test_content_encoding_and_chunking_are_undone(tmp_path):
    path = tmp_path / "enc.warc.gz"
    zipped = gzip.compress(HTML % 7)
    chunked = b"10\r\n" + (HTML % 8)[:16] + b"\r\n" + f"{len(HTML % 8) - 16:x}".encode() + b"\r\n" \
        + (HTML % 8)[16:] + b"\r\n0\r\n\r\n"
    write_gz(path, [record(http(zipped, extra="Content-Encoding: gzip\r\n")),
                    record(http(chunked, extra="Transfer-Encoding: chunked\r\n"))])
    items = items_of(path)
    assert [i.content for i in items] == [HTML % 7, HTML % 8]


def test_http_charset_is_checked_against_the_bytes(tmp_path):
    path = tmp_path / "cs.warc.gz"
    latin = "<p>Café crème à la gare, un été à Paris.</p>".encode("cp1252")
    write_gz(path, [record(http(latin, ctype="text/html; charset=windows-1252")),
                    record(http(latin, ctype="text/html; charset=utf-8"))])  # a lying header
    first, second = items_of(path)
    assert first.charset == "cp1252" and second.charset == "cp1252"


def test_empty_and_missing_files(tmp_path):
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    assert items_of(empty) == []
    (missing,) = list(read([tmp_path / "none.warc.gz"]))
    assert missing.code == "not_found"


def test_helpers():
    assert target_uri("<https://x.org/a>") == "https://x.org/a" and target_uri(None) is None
    assert warc_date("2024-04-25T16:27:48Z") == "2024-04-25T16:27:48+00:00" and warc_date("junk") is None
    assert http_charset('text/html; charset="ISO-8859-1"') == "iso8859-1" and http_charset("text/html") is None
    assert split_http(b"HTTP/1.0 404 Not Found\r\nX-A: b\r\n\r\nbody") == (404, {"x-a": "b"}, b"body")
    assert split_http(b"not http")[0] is None
    assert dechunk(b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n") == b"abcde"


def test_missing_fastwarc_names_the_extra(tmp_path, monkeypatch):
    import sys

    from newsgraph.errors import MissingExtra
    path = tmp_path / "crawl.warc.gz"
    write_gz(path, pages(1))
    monkeypatch.setitem(sys.modules, "fastwarc.warc", None)  # import of it now fails
    with pytest.raises(MissingExtra) as info:
        items_of(path)
    assert info.value.extra == "warc" and "fastwarc" in str(info.value)


def _bomb(inflated: int) -> bytes:
    import zlib
    deflater = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    return b"".join([deflater.compress(block) for _ in range(inflated >> 20)] + [deflater.flush()])


def test_a_record_cut_short_mid_file_resynchronises_on_the_next_header(tmp_path):
    recs = pages(4)
    data = recs[0] + recs[1][:-60] + recs[2] + recs[3]  # record 1 lost its last 60 bytes; 2 follows at once
    path = tmp_path / "cut.warc"
    path.write_bytes(data)
    items = items_of(path)
    assert [type(i) for i in items] == [Page, Rejected, Page, Page]
    cut = items[1]
    assert cut.code == "warc_truncated" and cut.origin.endswith(f"#{len(recs[0])}")
    assert [p.url for p in items if isinstance(p, Page)] == [f"https://example.org/{n}" for n in (0, 2, 3)]
    assert all(b"WARC-Type" not in p.content for p in items if isinstance(p, Page))
    start_of_2 = len(recs[0]) + len(recs[1]) - 60
    assert items[2].origin.endswith(f"#{start_of_2}") and f"offset {start_of_2}" in cut.detail


@pytest.mark.parametrize("gz", [False, True])
def test_a_huge_declared_length_does_not_swallow_the_records_after_it(tmp_path, gz):
    recs = pages(4)
    recs[1] = record(http(HTML % 1), uri="<https://example.org/1>", length=10 ** 12)
    path = tmp_path / ("big.warc.gz" if gz else "big.warc")
    if gz:
        write_gz(path, recs)
    else:
        path.write_bytes(b"".join(recs))
    items = items_of(path)
    assert [p.url for p in items if isinstance(p, Page)] == [f"https://example.org/{n}" for n in (0, 2, 3)]
    bad = [i for i in items if isinstance(i, Rejected)]
    assert len(bad) == 1 and bad[0].code == ("too_large" if gz else "warc_truncated")
    assert "1,000,000,000,000" in bad[0].detail


def test_a_gzip_encoded_body_inflates_with_a_ceiling(tmp_path):
    recs = pages(3)
    recs[1] = record(http(_bomb(32 << 20), extra="Content-Encoding: gzip\r\n"))
    path = tmp_path / "bomb.warc"
    path.write_bytes(b"".join(recs))
    items = items_of(path)
    assert [getattr(i, "code", None) for i in items] == [None, "too_large", None]


def test_a_page_that_quotes_a_warc_header_is_kept(tmp_path):
    quoted = (b"<html><body><article><p>A WARC file starts each record like this:</p><pre>WARC/1.0\r\n"
              b"WARC-Type: response\r\nContent-Length: 10\r\n</pre><p>and then the block.</p></article></body></html>")
    recs = pages(3)
    recs[1] = record(http(quoted), uri="<https://example.org/warc-howto>")
    path = tmp_path / "howto.warc"
    path.write_bytes(b"".join(recs))
    items = items_of(path)
    assert [i.url for i in items] == ["https://example.org/0", "https://example.org/warc-howto",
                                      "https://example.org/2"]
    assert b"WARC-Type: response" in items[1].content


def _long_page() -> bytes:
    paragraphs = "".join(f"<p>Paragraph {n}: the council met on day {n * 7 % 31} and heard {n * 13} residents "
                         f"speak about the road scheme, the bus depot and rents in ward {n % 9}.</p>"
                         for n in range(400))
    return f"<html><head><title>Council</title></head><body><article>{paragraphs}</article></body></html>".encode()


@pytest.mark.parametrize("coding,compress", [
    ("gzip", gzip.compress),
    ("deflate", lambda data: __import__("zlib").compress(data)),  # zlib-wrapped, as most servers send "deflate"
])
def test_an_encoded_body_cut_mid_stream_is_named_and_the_run_goes_on(tmp_path, coding, compress):
    whole = compress(_long_page())
    cut = whole[:len(whole) // 2]  # the download stopped half-way; the WARC record itself is complete
    recs = pages(3)
    recs[1] = record(http(cut, extra=f"Content-Encoding: {coding}\r\n"), uri="<https://example.org/cut>")
    path = tmp_path / "cut.warc"
    path.write_bytes(b"".join(recs))
    items = list(read([path]))
    assert [i.url for i in items if isinstance(i, Page)] == ["https://example.org/0", "https://example.org/2"]
    [bad] = [i for i in items if isinstance(i, Rejected)]
    assert (bad.code, bad.fatal) == ("body_truncated", True)
    assert "mid-stream" in bad.detail and f"{len(cut):,} compressed bytes" in bad.detail
    assert bad.origin.startswith(f"{path}#")


def test_a_whole_encoded_body_with_bytes_after_its_end_still_inflates(tmp_path):
    path = tmp_path / "tail.warc"
    path.write_bytes(record(http(gzip.compress(_long_page()) + b"\r\n", extra="Content-Encoding: gzip\r\n")))
    [page] = items_of(path)
    assert isinstance(page, Page) and page.content == _long_page()
