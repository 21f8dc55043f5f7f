"""Sources: every input kind becomes Pages, every bad input a Rejected with its reason code."""
from __future__ import annotations

import gzip
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.model import Page, Rejected
from newsgraph.sources import read
from newsgraph.sources.decode import DecodeError, decode, declared_charset, looks_binary

RUSSIAN = "Москва заявила о готовности к переговорам со всеми членами сирийской оппозиции, сообщил министр."
FRENCH = "Le ministre a déclaré à la presse que la réunion aurait lieu à Genève après l'été, déjà prévue."
GERMAN = "Der Außenminister äußerte sich über die Lage, die Gespräche würden fortgesetzt."


def _one(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_txt_is_a_capture_and_as_text_keeps_it_as_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\nBody text here.\n", encoding="utf-8")
    page = _one(read([path]))
    assert isinstance(page, Page) and page.kind == "capture"
    assert page.content == "Headline\n\nBody text here.\n"
    assert page.origin == str(path)
    assert _one(read([path], as_text=True)).kind == "text"


@pytest.mark.parametrize("encoding,text", [("cp1251", RUSSIAN), ("latin-1", FRENCH), ("cp1252", GERMAN),
                                           ("utf-8", RUSSIAN), ("utf-8-sig", FRENCH), ("utf-16", RUSSIAN)])
def test_txt_in_legacy_and_unicode_encodings_decodes_right(tmp_path, encoding, text):
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode(encoding))
    page = _one(read([path]))
    assert isinstance(page, Page), page
    assert page.content == text


def test_html_and_gzipped_html_keep_bytes_with_a_charset(tmp_path):
    html = "<html><head><meta charset='windows-1251'></head><body><p>" + RUSSIAN + "</p></body></html>"
    (tmp_path / "a.html").write_bytes(html.encode("cp1251"))
    (tmp_path / "b.htm.gz").write_bytes(gzip.compress(html.encode("cp1251")))
    pages = list(read([tmp_path]))
    assert [p.kind for p in pages] == ["html", "html"]
    for page in pages:
        assert isinstance(page.content, bytes)
        assert page.charset == "cp1251"
        assert RUSSIAN in page.content.decode(page.charset)


def test_jsonl_lines_become_pages_with_their_fields(tmp_path):
    text = "  Lavrov said on Friday\tthat talks\r\nwould go on.  "
    lines = [json.dumps({"id": 7, "text": text, "url": "https://x.test/a", "title": "T", "published": "2013-05-04"}),
             json.dumps({"html": "<p>hello</p>", "url": "https://x.test/b"})]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, second = list(read([path]))
    assert first.kind == "text" and first.content == text  # exactly, whitespace and all
    assert (first.id, first.url, first.title, first.published) == ("7", "https://x.test/a", "T", "2013-05-04")
    assert first.origin == f"{path}#1"
    assert second.kind == "html" and second.content == "<p>hello</p>" and second.origin == f"{path}#2"


def test_bad_json_line_among_good_ones_is_rejected_and_the_rest_still_yield(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "one"}\n{not json\n[1, 2]\n{"url": "u"}\n{"text": "five"}\n', encoding="utf-8")
    items = list(read([path]))
    assert [getattr(i, "code", "page") for i in items] == ["page", "bad_json", "bad_json", "missing_field", "page"]
    assert items[1].origin == f"{path}#2" and items[1].fatal
    assert items[3].fatal and "text" in items[3].detail
    assert items[4].content == "five"


def test_stdin_dash_reads_jsonl_from_a_binary_stream():
    stream = io.BytesIO(b'{"text": "from stdin", "id": "s1"}\n\n{"text": "second"}\n')
    items = list(read(["-"], stdin=stream))
    assert [i.content for i in items] == ["from stdin", "second"]
    assert items[0].id == "s1" and items[0].origin == "-#1" and items[1].origin == "-#3"


def test_stdin_dash_accepts_a_text_stream():
    items = list(read(["-"], stdin=io.StringIO('{"text": "t"}\n')))
    assert items[0].content == "t"


def test_non_utf8_jsonl_line_is_a_decode_error_and_the_next_line_still_reads():
    stream = io.BytesIO('{"text": "Привет"}\n'.encode("cp1251") + b'{"text": "ok"}\n')
    first, second = list(read(["-"], stdin=stream))
    assert isinstance(first, Rejected) and first.code == "decode_error" and first.fatal
    assert second.content == "ok"


def test_not_found_and_run_goes_on(tmp_path):
    good = tmp_path / "g.txt"
    good.write_text("Some text.", encoding="utf-8")
    missing, page = list(read([tmp_path / "nope.txt", good]))
    assert missing.code == "not_found" and missing.fatal
    assert isinstance(page, Page)


def test_unknown_extension_is_fatal_when_named_but_skipped_by_design_in_a_directory(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_bytes(b"PK\x03\x04")
    named = _one(read([path]))
    assert named.code == "unsupported_input" and named.fatal
    walked = _one(read([tmp_path]))
    assert walked.code == "unsupported_input" and not walked.fatal


def test_a_damaged_warc_is_named_with_its_reason(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(b"WARC/1.0\r\n"))
    items = list(read([path]))
    assert items and all(i.code.startswith("warc_") and i.fatal for i in items)


def test_empty_binary_and_bad_gzip_inputs(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"  \n")
    (tmp_path / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "c_broken.html.gz").write_bytes(b"this is not gzip")
    items = list(read([tmp_path]))
    assert [(i.code, i.fatal) for i in items] == [("empty_input", False), ("binary_input", True),
                                                 ("gzip_error", True)]


def test_utf16_bom_with_a_broken_body_is_a_decode_error(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8")  # an unpaired surrogate
    item = _one(read([path]))
    assert item.code == "decode_error" and item.fatal


def test_directory_walk_is_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b.txt").write_text("B text.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("A text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("first.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("git.", encoding="utf-8")
    assert [p.content for p in read([tmp_path])] == ["first.", "B text.", "A text."]


def test_declared_charset_wins_over_guessing():
    data = "<meta charset=koi8-r><p>Привет мир, как дела у всех</p>".encode("koi8_r")
    assert declared_charset(data) == "koi8-r"
    assert "Привет" in decode(data)[0]


def test_a_lying_declared_charset_falls_back_to_utf8():
    data = "<meta charset='ascii'><p>naïve café</p>".encode("utf-8")
    assert decode(data) == ("<meta charset='ascii'><p>naïve café</p>", "utf-8")


def test_bom_mismatch_raises_decode_error():
    with pytest.raises(DecodeError):
        decode(b"\xef\xbb\xbf\xff\xfe bad")


def test_looks_binary():
    assert looks_binary(b"abc\x00def")
    assert not looks_binary("plain text, ünïcode".encode("utf-8"))
    assert not looks_binary("text".encode("utf-16"))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=200)
       .filter(lambda t: not t.startswith("\ufeff")))  # a leading U+FEFF is a byte-order mark by design
def test_utf8_text_always_round_trips(text):
    assert decode(text.encode("utf-8"))[0] == text
