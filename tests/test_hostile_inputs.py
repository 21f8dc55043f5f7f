"""Hostile inputs cost only themselves: bombs, endless files, symlink loops, unreadable folders, junk bytes.

Every input here is built by the test (a zlib bomb is a few lines of zlib); none is stored in the repository.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from pathlib import Path

import pytest

from newsgraph.model import Page, Rejected
from newsgraph.sources import iter_inputs, read
from newsgraph.sources.bounds import MAX_INPUT_BYTES, inflate_capped

PAGE = b"<html><body><article><p>The council voted on Tuesday to approve the budget, the mayor said.</p></article></body></html>"


def gzip_bomb(inflated: int) -> bytes:
    """A gzip member of ``inflated`` zero bytes, made in a stream so the test itself never holds them."""
    deflater = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    parts = [deflater.compress(block) for _ in range(inflated >> 20)]
    parts.append(deflater.flush())
    return b"".join(parts)


def codes(items) -> list[tuple[str, str]]:
    return [(Path(i.origin).name, i.code) for i in items if isinstance(i, Rejected)]


def test_a_gzip_bomb_is_too_large_and_the_page_beside_it_is_kept(tmp_path):
    bomb = gzip_bomb(64 << 20)  # 64 MiB of zeros in ~64 KB
    assert len(bomb) < 200_000
    (tmp_path / "a.html.gz").write_bytes(bomb)
    (tmp_path / "b.html").write_bytes(PAGE)
    items = list(read([tmp_path]))
    assert codes(items) == [("a.html.gz", "too_large")]
    assert [Path(p.origin).name for p in items if isinstance(p, Page)] == ["b.html"]


def test_inflate_stops_at_the_ceiling_and_keeps_every_member():
    assert inflate_capped(gzip.compress(b"one ") + gzip.compress(b"two")) == b"one two"
    with pytest.raises(ValueError, match="inflates to more than"):
        inflate_capped(gzip_bomb(4 << 20), cap=1 << 20)
    with pytest.raises((EOFError, zlib.error)):
        inflate_capped(gzip.compress(PAGE)[:-12])


def test_an_oversized_page_and_an_endless_file_are_too_large(tmp_path):
    (tmp_path / "big.html").write_bytes(b"<p>" + b"a " * (MAX_INPUT_BYTES // 2 + 10) + b"</p>")
    if os.path.exists("/dev/zero"):
        (tmp_path / "zero.html").symlink_to("/dev/zero")
    items = list(read([tmp_path / "big.html", tmp_path / "zero.html"]))
    assert [i.code for i in items] == ["too_large"] * len(items) and items


def test_a_symlink_loop_walks_each_folder_once_and_ends(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.html").write_bytes(PAGE)
    (tmp_path / "sub" / "b.html").write_bytes(PAGE)
    (tmp_path / "again").symlink_to(".")
    (tmp_path / "sub" / "up").symlink_to("..")
    (tmp_path / "sub" / "self").symlink_to(".")
    (tmp_path / "link.html").symlink_to(tmp_path / "a.html")  # the same file by a second name: read once
    units = list(iter_inputs([tmp_path]))
    assert sorted(Path(u).name for u in units) == ["a.html", "b.html"]
    assert len([p for p in read([tmp_path]) if isinstance(p, Page)]) == 2


def test_an_unreadable_subfolder_is_one_read_error_and_the_rest_is_read(tmp_path, monkeypatch):
    (tmp_path / "a.html").write_bytes(PAGE)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.html").write_bytes(PAGE)
    (tmp_path / "z.html").write_bytes(PAGE)
    locked.chmod(0)
    if os.geteuid() == 0:  # root lists any folder: have the operating system refuse as it would anyone else
        from newsgraph.sources import bounds
        real = os.scandir
        monkeypatch.setattr(bounds.os, "scandir", lambda p: real(p) if Path(p) != locked else
                            (_ for _ in ()).throw(PermissionError(13, "Permission denied", str(p))))
    try:
        items = list(read(iter_inputs([tmp_path])))
    finally:
        locked.chmod(0o755)
    assert codes(items) == [("locked", "read_error")]
    assert sorted(Path(p.origin).name for p in items if isinstance(p, Page)) == ["a.html", "z.html"]


def test_the_walk_is_lazy(tmp_path):
    for n in range(3):
        (tmp_path / f"d{n}").mkdir()
        (tmp_path / f"d{n}" / "p.html").write_bytes(PAGE)
    walked = iter_inputs([tmp_path])
    first = next(walked)
    (tmp_path / "d2" / "late.html").write_bytes(PAGE)  # added after the walk began, before it reached d2
    assert Path(first).parent.name == "d0"
    assert any(u.endswith("late.html") for u in walked)


def test_high_bytes_with_no_words_are_binary_not_an_article(tmp_path):
    junk = bytes((b % 128) + 128 for b in range(256 * 1024))
    (tmp_path / "junk.txt").write_bytes(junk)
    (tmp_path / "junk.html").write_bytes(junk)
    assert codes(read([tmp_path])) == [("junk.html", "binary_input"), ("junk.txt", "binary_input")]
    russian = ("Москва заявила о готовности к переговорам. " * 40).encode("cp1251")
    (tmp_path / "ru.txt").write_bytes(russian)
    assert isinstance(next(iter(read([tmp_path / "ru.txt"]))), Page)


def test_jsonl_non_string_fields_are_bad_fields_and_long_lines_too_large(tmp_path):
    lines = [{"title": ["t"], "text": "Body one."}, {"url": {"a": 1}, "text": "Body two."},
             {"id": True, "text": "Body three."}, {"id": 12, "title": "Fine", "text": "Body four."}]
    body = "\n".join(json.dumps(x) for x in lines)
    long_line = json.dumps({"text": "x" * (MAX_INPUT_BYTES + 5)})
    path = tmp_path / "feed.jsonl"
    path.write_text(body + "\n" + long_line + "\n" + json.dumps({"text": "After the long line."}) + "\n")
    items = list(read([path]))
    assert [i.code if isinstance(i, Rejected) else i.id for i in items] == [
        "bad_field", "bad_field", "bad_field", "12", "too_large", None]
    assert items[-1].content == "After the long line."


def test_endless_jsonl_on_standard_input_is_bounded():
    class Endless(io.RawIOBase):
        """40 MB of one unterminated line, then a good line: never more than a chunk held at a time."""

        def __init__(self):
            self.left = 40 << 20
            self.tail = b'\n{"text": "kept"}\n'

        def readable(self):
            return True

        def readinto(self, buffer):
            if self.left <= 0:
                n = min(len(buffer), len(self.tail))
                buffer[:n], self.tail = self.tail[:n], self.tail[n:]
                return n
            n = min(len(buffer), self.left)
            buffer[:n] = b"a" * n
            self.left -= n
            return n

    items = list(read(["-"], stdin=io.BufferedReader(Endless())))
    assert [getattr(i, "code", None) or i.content for i in items] == ["too_large", "kept"]


def _article(n: int, text: str):
    from newsgraph.ids import content_hash
    from newsgraph.model import Article
    return Article(id=f"a{n}", text=text, content_hash=content_hash(text), language="en")


def test_a_text_over_the_nlp_cap_is_annotated_in_part_with_text_truncated():
    from newsgraph.pipeline import MAX_NLP_CHARS, enrich
    para = "The minister said the talks would resume in Geneva on Monday. "
    text = "\n".join(para * 8 for _ in range(MAX_NLP_CHARS // (len(para) * 8) + 40))
    short = _article(1, "Mayor Ann Lee said the budget was approved on Tuesday.")
    long = _article(2, text)
    out = list(enrich([long, short]))
    assert [a.id for a in out] == ["a2", "a1"]
    assert long.text == text  # stored whole; only the NLP reads a prefix
    problem = next(p for p in long.problems if p.code == "text_truncated")
    assert f"{len(text):,}" in problem.detail
    assert long.entities and max(m.end for e in long.entities for m in e.mentions) <= MAX_NLP_CHARS
    assert not short.problems and any(e.name == "Ann Lee" for e in short.entities)


def test_one_article_the_nlp_refuses_costs_only_itself():
    from newsgraph.enrichment.nlp import load
    from newsgraph.pipeline import Options, enrich
    nlp = load(Options().model)[0]  # the very pipeline enrich uses
    texts = ["Mayor Ann Lee said the budget was approved on Tuesday.", "word " * 400,
             "The union said on Friday that the strike would end."]
    articles = [_article(n, t) for n, t in enumerate(texts)]
    saved = nlp.max_length
    nlp.max_length = 1000  # spaCy's own refusal (E088), at a size small enough for a unit test
    try:
        out = list(enrich(articles))
    finally:
        nlp.max_length = saved
    assert [a.id for a in out] == ["a0", "a1", "a2"]
    assert [p.code for p in articles[1].problems] == ["nlp_failed"] and "E088" in articles[1].problems[0].detail
    assert articles[0].entities and articles[2].quotes is not None and not articles[2].problems


def test_a_page_nested_past_any_real_page_is_too_complex_before_parsing():
    from newsgraph.extraction import extract
    from newsgraph.extraction.limits import MAX_DEPTH, nesting_depth
    body = "<p>The council said on Tuesday that the budget was approved by a wide margin.</p>" * 20
    deep = "<html><body>" + "<div>" * 200_000 + body + "</div>" * 200_000 + "</body></html>"
    item = extract(Page(content=deep.encode(), kind="html", origin="deep.html", charset="utf-8"))
    assert isinstance(item, Rejected) and item.code == "too_complex" and item.fatal
    # Unclosed paragraphs and list items, as old pages write them, are not depth: the parser closes them.
    flat = "<html><body><ul>" + "<li><p>An item said on Tuesday" * 5_000 + "</ul>" + body + "</body></html>"
    assert nesting_depth(flat) <= 3 < MAX_DEPTH
