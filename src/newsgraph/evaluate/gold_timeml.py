"""Inline TimeML documents as :class:`GoldDoc` records: one document a line, its creation time, a tab, and the
text with ``<TIMEX3 type="…" value="…">…</TIMEX3>`` around each expression (lines starting with ``#`` and blank
lines are skipped). The form our own hand-annotated test sentences are written in."""
from __future__ import annotations

import html
import re
from pathlib import Path

from .gold_docs import GoldDoc, GoldTimex

_TAG = re.compile(r"<TIMEX3\b(?P<attrs>[^>]*)>(?P<body>.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def parse_inline(text: str, doc_id: str = "doc", dct: str | None = None, path: str = "") -> GoldDoc:
    """One document: the plain text with the tags taken out, each TIMEX3 a :class:`GoldTimex` over its extent."""
    out: list[str] = []
    length, last = 0, 0
    timexes: list[GoldTimex] = []
    for m in _TAG.finditer(text):
        before = html.unescape(text[last:m.start()])
        body = html.unescape(m.group("body"))
        if "<" in before or "<" in body:
            raise ValueError(f"{doc_id}: nested or unknown markup near {text[last:m.end()]!r}")
        out.append(before)
        length += len(before)
        attrs = dict(_ATTR.findall(m.group("attrs")))
        timexes.append(GoldTimex(length, length + len(body), attrs.get("type", ""), attrs.get("value") or None,
                                 attrs.get("functionInDocument")))
        out.append(body)
        length += len(body)
        last = m.end()
    tail = html.unescape(text[last:])
    if "<" in tail:
        raise ValueError(f"{doc_id}: unknown markup in {tail!r}")
    out.append(tail)
    return GoldDoc(id=doc_id, path=path, text="".join(out), title=None, dct=dct, topic=None, timexes=timexes)


def read_inline_timeml(path: Path | str) -> list[GoldDoc]:
    """Every document line of ``path`` (``DCT<TAB>inline TimeML text``), numbered by line."""
    docs = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        dct, sep, body = line.partition("\t")
        if not sep:
            raise ValueError(f"{path}:{number}: no tab between the creation time and the text")
        docs.append(parse_inline(body, f"line{number}", dct.strip() or None, str(path)))
    return docs
