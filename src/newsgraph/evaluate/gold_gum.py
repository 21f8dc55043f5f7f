"""The GUM half of the gold readers: CoNLL-U (``dep/``) with entities, coreference and XML markup, plus the block
quotes of the vertical XML (``xml/``), as :class:`~newsgraph.evaluate.gold_docs.GoldDoc` records."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from .gold_docs import GoldDate, GoldDoc, GoldMention, GoldQuote, Span, TextBuilder, sentence_spans

_GUM_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
_XML_TAG = re.compile(r'<(/?)(\w+)((?:\s+[\w:.-]+:::"[^"]*")*)\s*(/?)>')
_XML_ATTR = re.compile(r'([\w:.-]+):::"([^"]*)"')


@dataclass(slots=True)
class _GumToken:
    form: str
    space_after: bool
    sentence: int
    head: int  # document-level index of the syntactic head, -1 for the root
    upos: str
    misc: dict[str, str]


def read_gum(root: Path | str, genres: Iterable[str] = ("news",)) -> list[GoldDoc]:
    """``dep/GUM_<genre>_*.conllu`` under ``root`` for each genre (sorted by path) as :class:`GoldDoc` records."""
    root = Path(root)
    paths = sorted(p for genre in genres for p in (root / "dep").glob(f"GUM_{genre}_*.conllu"))
    return [_read_gum_doc(path) for path in paths]


def _read_gum_doc(path: Path) -> GoldDoc:
    meta, tokens, newpar = _parse_conllu(path.read_text(encoding="utf-8"))
    builder = TextBuilder()
    for i, tok in enumerate(tokens):
        sep = ""
        if i:
            sep = "\n\n" if i in newpar else (" " if tokens[i - 1].space_after else "")
        builder.add(tok.form, sep)
    spans = builder.spans
    genre = meta.get("genre") or path.stem.split("_")[1]
    gold = GoldDoc(id=meta.get("newdoc id", path.stem), path=str(path), text=builder.text(),
                   title=meta.get("title"), dct=meta.get("dateCreated"), topic=genre,
                   sentences=sentence_spans(spans, [t.sentence for t in tokens]))
    gold.mentions = _gum_mentions(tokens, spans)
    gold.quotes, gold.dates = _gum_xml(tokens, spans)
    block_quotes = _gum_vertical_quotes(path.parent.parent / "xml" / f"{path.stem}.xml", spans)
    if block_quotes is not None:
        gold.quotes = block_quotes
    return gold


def _parse_conllu(raw: str) -> tuple[dict[str, str], list[_GumToken], set[int]]:
    meta: dict[str, str] = {}
    tokens: list[_GumToken] = []
    newpar: set[int] = set()
    sentence, base, mwt_end, mwt_space = -1, 0, 0, True
    for line in raw.splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].strip().partition(" = ")
            if key == "newpar" or key.startswith("newpar "):
                newpar.add(len(tokens))
            elif key.startswith("meta::") or key == "newdoc id":
                meta[key.removeprefix("meta::")] = value.strip()
            continue
        cols = line.split("\t")
        if len(cols) != 10 or "." in cols[0]:
            mwt_end = mwt_end if line.strip() else 0
            continue
        if "-" in cols[0]:  # multi-word token: its parts keep their own forms; spacing comes from here
            mwt_end, mwt_space = int(cols[0].split("-")[1]), "SpaceAfter=No" not in cols[9]
            continue
        tid = int(cols[0])
        if tid == 1:
            sentence, base = sentence + 1, len(tokens)
        misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
        space = misc.get("SpaceAfter") != "No"
        if tid < mwt_end:
            space = False
        elif tid == mwt_end:
            space, mwt_end = mwt_space, 0
        head = int(cols[6]) if cols[6].isdigit() else 0
        tokens.append(_GumToken(cols[1], space, sentence, base + head - 1 if head else -1, cols[3], misc))
    return meta, tokens, newpar


_ENTITY_OPEN = re.compile(r"\((\d+)-([^()]*?)(\)?)(?=\(|\d+\)|$)")
_ENTITY_CLOSE = re.compile(r"(?<![(\w-])(\d+)\)")


def _entity_events(value: str) -> tuple[list[tuple[str, str, bool]], list[str]]:
    """Openings ``(id, fields, closes_here)`` and closings ``id`` of one token's ``Entity=`` value."""
    opens = [(m.group(1), m.group(2), bool(m.group(3))) for m in _ENTITY_OPEN.finditer(value)]
    rest = _ENTITY_OPEN.sub("", value)
    return opens, _ENTITY_CLOSE.findall(rest)


def _gum_mentions(tokens: list[_GumToken], spans: list[Span]) -> list[GoldMention]:
    open_at: dict[str, list[tuple[int, str]]] = {}
    mentions: list[GoldMention] = []
    for i, tok in enumerate(tokens):
        value = tok.misc.get("Entity")
        if not value:
            continue
        opens, closes = _entity_events(value)
        for eid, fields, closes_here in opens:
            if closes_here:
                mentions.append(_gum_mention(eid, fields, i, i, tokens, spans))
            else:
                open_at.setdefault(eid, []).append((i, fields))
        for eid in closes:
            if open_at.get(eid):
                start, fields = open_at[eid].pop()
                mentions.append(_gum_mention(eid, fields, start, i, tokens, spans))
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


def _gum_mention(eid: str, fields: str, first: int, last: int, tokens: list[_GumToken],
                 spans: list[Span]) -> GoldMention:
    # fields: etype-infstat-salience-centering-minspan-link[-identity] (the identity may itself hold hyphens)
    parts = fields.split("-", 6)
    etype = parts[0]
    inside = range(first, last + 1)
    head = next((j for j in inside if tokens[j].head not in inside), first)
    upos = tokens[head].upos
    # A Wikipedia identity belongs to the whole chain ("his" has one too), so only the head's part of speech
    # decides whether this mention is a name.
    syntactic = "NAM" if upos == "PROPN" else "PRO" if upos == "PRON" else "NOM"
    return GoldMention(start=spans[first][0], end=spans[last][1], type=_GUM_TYPES.get(etype, etype),
                       syntactic_type=syntactic, chain=eid, head=spans[head])


def _gum_xml(tokens: list[_GumToken], spans: list[Span]) -> tuple[list[GoldQuote], list[GoldDate]]:
    open_tags: dict[str, list[tuple[int, dict[str, str]]]] = {}
    quotes: list[GoldQuote] = []
    dates: list[GoldDate] = []
    for i, tok in enumerate(tokens):
        for m in _XML_TAG.finditer(tok.misc.get("XML", "")):
            closing, name, attrs = m.group(1) == "/", m.group(2), dict(_XML_ATTR.findall(m.group(3)))
            if not closing:
                open_tags.setdefault(name, []).append((i, attrs))
                if m.group(4) != "/":
                    continue
            if not open_tags.get(name):
                continue
            first, attrs = open_tags[name].pop()
            start, end = spans[first][0], spans[i][1]
            if name in ("quote", "q"):
                quotes.append(GoldQuote(start, end, name))
            elif name == "date":
                dates.append(GoldDate(start, end, attrs.get("when"), attrs))
    quotes.sort(key=lambda q: (q.start, q.end))
    dates.sort(key=lambda d: (d.start, d.end))
    return quotes, dates


_VERTICAL_QUOTE = re.compile(r"<(/?)(quote|q)(?:\s[^>]*)?>")


def _gum_vertical_quotes(xml_path: Path, spans: list[Span]) -> Optional[list[GoldQuote]]:
    """``<quote>``/``<q>`` from GUM's vertical XML (None when absent or its tokens do not align). ``XML=`` in the
    conllu lacks block-level quotes of whole sentences (``# newpar_block = … quote (4 s)``); this file has them."""
    if not xml_path.is_file():
        return None
    open_at: dict[str, list[int]] = {}
    quotes: list[GoldQuote] = []
    count = 0
    for line in xml_path.read_text(encoding="utf-8").splitlines():
        tag = _VERTICAL_QUOTE.fullmatch(line.strip()) if "\t" not in line else None
        if tag is None:  # a token line, or a tag other than a quote
            count += 1 if "\t" in line else 0
        elif tag.group(1) != "/":
            open_at.setdefault(tag.group(2), []).append(count)
        elif open_at.get(tag.group(2)) and open_at[tag.group(2)][-1] < count <= len(spans):
            quotes.append(GoldQuote(spans[open_at[tag.group(2)].pop()][0], spans[count - 1][1], tag.group(2)))
    return sorted(quotes, key=lambda q: (q.start, q.end)) if count == len(spans) else None
