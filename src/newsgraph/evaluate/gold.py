"""Gold readers: MEANTIME (CAT XML) and GUM (CoNLL-U) as :class:`GoldDoc` records.

Each document's text is rebuilt from its tokens so that it reads like news text (it is fed to spaCy and to the
quote and date finders), and every gold span is a ``[start, end)`` character offset into that text.

MEANTIME tokens carry no spacing, so they are detokenised by rule (:func:`_meantime_tokens`); PTB quotes
```` `` ```` / ``''`` become “ ” and ```` ` ```` becomes ‘. The title (sentence 0) and the dateline (sentence 1)
are paragraphs of their own; the other sentences are joined by one space. GUM honours ``SpaceAfter=No`` and
``# newpar`` (a blank line between paragraphs).

The records (:class:`GoldDoc` …) and the text assembly live in :mod:`.gold_docs`, the GUM reader in :mod:`.gold_gum`;
this module reads MEANTIME and is the one place callers import from.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote
from typing import Optional

from .gold_docs import (GoldDate, GoldDoc, GoldMention, GoldQuote, GoldSpeech, GoldTimex, GoldValue, Span,
                        TextBuilder, cover, sentence_spans)
from .gold_gum import read_gum

__all__ = ["GoldDate", "GoldDoc", "GoldMention", "GoldQuote", "GoldSpeech", "GoldTimex", "GoldValue", "Span",
           "MEANTIME_ANNOTATED_SENTENCES", "meantime_annotated_end", "shared_data_dir", "read_meantime", "read_gum",
           "dbpedia_ref"]

# MEANTIME annotates time expressions, values and events completely only in the title and the first sentences of
# the body: sentence indices 0-5, the dateline being 1 (entity mentions go on to the end). Found in the data: no
# TIMEX3, SIGNAL or C-SIGNAL past sentence 5 in any of the 60 development documents, and no VALUE past it in 59
# (they run to 38 sentences). Scorers count predictions and gold only inside this part.
MEANTIME_ANNOTATED_SENTENCES = 6


def meantime_annotated_end(doc: GoldDoc) -> int:
    """Character offset where the part of ``doc`` that MEANTIME annotates completely ends."""
    sentences = sorted(doc.sentences)
    if len(sentences) <= MEANTIME_ANNOTATED_SENTENCES:
        return len(doc.text)
    return sentences[MEANTIME_ANNOTATED_SENTENCES - 1][1]


def shared_data_dir() -> Optional[Path]:
    """The shared gold data folder: ``$NEWSGRAPH_SHARED_DATA``, else ``shared/data`` beside the checkout this
    module sits in (an editable install), else beside the working directory or one of its parents (an installed
    package run from a checkout)."""
    env = os.environ.get("NEWSGRAPH_SHARED_DATA")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve()
    if len(here.parents) > 4:
        candidates.append(here.parents[4] / "shared" / "data")
    cwd = Path.cwd()
    candidates.extend(base / "shared" / "data" for base in (cwd, *cwd.parents))
    for path in candidates:
        if path.is_dir():
            return path
    return None


# --------------------------------------------------------------------------- MEANTIME detokenisation

_NO_SPACE_BEFORE = {",", ".", "...", ":", ";", "!", "?", ")", "]", "}", "%", "”", "'s", "'S", "n't", "N'T", "'re", "'ve",
                    "'ll", "'d", "'m", "’s", "/"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "US$", "USD$", "C$", "A$", "£", "€", "#", "“", "‘", "/"}
_PTB_QUOTES = {"``": "“", "''": "”", "`": "‘"}
_CLITIC_TAILS = {"re", "s", "ll", "ve", "t", "d", "m"}
_DASH_STOP = {"a", "an", "the", "are", "is", "was", "were", "it", "its", "and", "or", "but", "two", "three",
              "more", "which", "who", "that", "this", "to", "of", "in", "as", "not"}


class _Detok:
    """Decides the separator before each MEANTIME token; tracks open straight quotes."""

    def __init__(self) -> None:
        self.double_open = False
        self.single_open = False
        self.glue_next = False  # the previous token wants no space after it

    def separator(self, prev: Optional[str], tok: str, nxt: Optional[str], sent_start: bool) -> str:
        glue_prev, self.glue_next = self.glue_next, tok in _NO_SPACE_AFTER
        if tok == '"':
            glue = self._straight_double(nxt, sent_start)
        elif tok == "'":
            glue = self._straight_single(prev or "", nxt)
        elif tok == "-":
            glue = self._hyphen(prev or "", nxt)
        else:
            glue = tok in _NO_SPACE_BEFORE or (prev == "'" and tok.lower() in _CLITIC_TAILS)
        if prev is None:
            return ""
        return "" if glue or glue_prev else " "

    def _straight_double(self, nxt: Optional[str], sent_start: bool) -> bool:
        closing = self.double_open
        if sent_start and closing:  # a quote opening a sentence opens, unless "he said" follows it
            closing = bool(nxt) and (nxt[:1].islower() or nxt in _NO_SPACE_BEFORE)
        self.double_open = not closing
        self.glue_next = not closing
        return closing

    def _straight_single(self, prev: str, nxt: Optional[str]) -> bool:
        if nxt is not None and nxt.lower() in _CLITIC_TAILS:  # "we ' re" -> "we're"
            self.glue_next = True
            return True
        if self.single_open or prev[-1:] in ("s", "S"):  # closing, or a plural possessive (Airbus ')
            self.single_open = False
            return True
        self.single_open = self.glue_next = True
        return False

    def _hyphen(self, prev: str, nxt: Optional[str]) -> bool:
        if not (prev[-1:].isalnum() and nxt and nxt[:1].isalnum()):
            return False
        if nxt.lower() in ("and", "or"):  # "medium - and short-haul" -> "medium- and short-haul"
            return True
        lower_word = nxt[:1].islower() and nxt.lower() not in _DASH_STOP
        short_names = prev[:1].isupper() and nxt[:1].isupper() and len(prev) <= 4 and len(nxt) <= 4
        self.glue_next = lower_word or short_names  # "Macintosh - curious", "Wal - Mart"
        return self.glue_next


def _meantime_text(words: list[str], sentence_of: list[int]) -> TextBuilder:
    builder, detok = TextBuilder(), _Detok()
    dateline = _looks_like_dateline(words, sentence_of)
    for i, word in enumerate(words):
        surface = _PTB_QUOTES.get(word, word)
        sent_start = i == 0 or sentence_of[i] != sentence_of[i - 1]
        prev = _PTB_QUOTES.get(words[i - 1], words[i - 1]) if i else None
        nxt = words[i + 1] if i + 1 < len(words) else None
        sep = detok.separator(prev, surface, nxt, sent_start)
        if i and sent_start and (sentence_of[i - 1] == 0 or (dateline and sentence_of[i - 1] == 1)):
            sep = "\n\n"
        builder.add(surface, sep)
    return builder


def _looks_like_dateline(words: list[str], sentence_of: list[int]) -> bool:
    sent1 = [w for w, s in zip(words, sentence_of) if s == 1]
    return 0 < len(sent1) <= 12 and any(re.fullmatch(r"(19|20)\d\d", w) for w in sent1)


# --------------------------------------------------------------------------- MEANTIME


def read_meantime(root: Path | str) -> list[GoldDoc]:
    """Every ``corpus_*/*.xml`` under ``root`` (sorted by path) as a :class:`GoldDoc`."""
    root = Path(root)
    return [_read_meantime_doc(path, path.parent.name) for path in sorted(root.glob("corpus_*/*.xml"))]


def _read_meantime_doc(path: Path, topic: str) -> GoldDoc:
    from lxml import etree  # only a MEANTIME read needs the XML parser; `newsgraph --help` imports this module

    doc = etree.parse(str(path)).getroot()
    tokens = doc.findall("token")
    index = {tok.get("t_id"): i for i, tok in enumerate(tokens)}
    words = [tok.text or "" for tok in tokens]
    sentence_of = [int(tok.get("sentence", "0")) for tok in tokens]
    builder = _meantime_text(words, sentence_of)
    markables = doc.find("Markables")
    relations = doc.find("Relations")
    by_id = {m.get("m_id"): m for m in (markables if markables is not None else [])}
    refers = _refers_to(relations)
    anchors = {mid: [index[a.get("t_id")] for a in el.findall("token_anchor") if a.get("t_id") in index]
               for mid, el in by_id.items()}
    gold = GoldDoc(id=path.stem, path=str(path), text=builder.text(), title=None, dct=None, topic=topic,
                   sentences=sentence_spans(builder.spans, sentence_of))
    title = [w for w, s in zip(builder.spans, sentence_of) if s == 0]
    gold.title = gold.text[title[0][0]:title[-1][1]] if title else None
    mention_of = _meantime_mentions(gold, by_id, anchors, refers, builder.spans, words)
    _meantime_speech(gold, by_id, anchors, refers, relations, mention_of, builder.spans)
    _meantime_times_values(gold, by_id, anchors, builder.spans)
    return gold


def _refers_to(relations) -> dict[str, str]:
    out: dict[str, str] = {}
    for rel in (relations.findall("REFERS_TO") if relations is not None else []):
        target = rel.find("target")
        if target is None:
            continue
        for source in rel.findall("source"):
            out[source.get("m_id")] = target.get("m_id")
    return out


def _meantime_mentions(gold, by_id, anchors, refers, spans, words) -> dict[str, GoldMention]:
    mention_of: dict[str, GoldMention] = {}
    for mid, el in by_id.items():
        span = cover(spans, anchors[mid]) if el.tag == "ENTITY_MENTION" else None
        if span is None:
            continue
        target = by_id.get(refers.get(mid, ""))
        is_entity = target is not None and target.tag == "ENTITY"
        mention = GoldMention(start=span[0], end=span[1],
                              type=(target.get("ent_type") or "UNK") if is_entity else "UNK",
                              syntactic_type=el.get("syntactic_type") or None,
                              chain=target.get("m_id") if is_entity else None,
                              head=_meantime_head(el.get("head"), anchors[mid], spans, words),
                              ref=dbpedia_ref(target.get("external_ref")) if is_entity else None,
                              instance=(target.get("instance_id") or None) if is_entity else None)
        mention_of[mid] = mention
        gold.mentions.append(mention)
    gold.mentions.sort(key=lambda m: (m.start, m.end))
    return mention_of


def dbpedia_ref(value: Optional[str]) -> Optional[str]:
    """A DBpedia URL as one key: ``page/`` and ``resource/`` forms, %-escapes and spacing unified; None for
    anything else (MEANTIME also writes ``"no er"`` and empty strings)."""
    match = re.search(r"dbpedia\.org/(?:page|resource)/(\S+)", (value or "").strip())
    return unquote(match.group(1)).strip().replace(" ", "_") if match else None


def _meantime_head(head: Optional[str], idx: list[int], spans: list[Span], words: list[str]) -> Optional[Span]:
    if len(idx) == 1:
        return spans[idx[0]]
    for i in idx:
        if head and words[i] == head:
            return spans[i]
    return None


def _meantime_speech(gold, by_id, anchors, refers, relations, mention_of, spans) -> None:
    arg0: dict[str, str] = {}
    for rel in (relations.findall("HAS_PARTICIPANT") if relations is not None else []):
        source, target = rel.find("source"), rel.find("target")
        if rel.get("sem_role") == "Arg0" and source is not None and target is not None:
            arg0.setdefault(source.get("m_id"), target.get("m_id"))
    for mid, el in by_id.items():
        event = by_id.get(refers.get(mid, ""))
        span = cover(spans, anchors[mid]) if el.tag == "EVENT_MENTION" else None
        if span is None or event is None or event.get("class") != "SPEECH_COGNITIVE":
            continue
        cue_text = gold.text[span[0]:span[1]]
        speaker = mention_of.get(arg0.get(mid, ""))
        gold.speech.append(GoldSpeech(cue=span, cue_text=cue_text,
                                      lemma=(el.get("pred") or "").lower() or _lemma_guess(cue_text),
                                      speaker=speaker, speaker_chain=speaker.chain if speaker else None))
    gold.speech.sort(key=lambda s: s.cue)


_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "thought": "think", "wrote": "write",
              "spoke": "speak", "spoken": "speak", "knew": "know", "known": "know", "felt": "feel"}


def _lemma_guess(word: str) -> str:
    """A cheap lemma for a reporting verb ("said" -> "say", "announced" -> "announce")."""
    w = word.lower().split()[-1] if word.split() else word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ced", "ce"), ("ted", "te"), ("sed", "se"), ("ing", ""),
                         ("ed", ""), ("es", "e"), ("s", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            return w[: -len(suffix)] + repl
    return w


def _meantime_times_values(gold, by_id, anchors, spans) -> None:
    for mid, el in by_id.items():
        span = cover(spans, anchors[mid])
        if el.tag == "TIMEX3":
            function = el.get("functionInDocument") or None
            if function == "CREATION_TIME" and gold.dct is None:
                gold.dct = _iso_date(el.get("value"))
            if span is not None:
                gold.timexes.append(GoldTimex(span[0], span[1], el.get("type") or "", el.get("value") or None,
                                              function))
        elif el.tag == "VALUE" and span is not None:
            gold.values.append(GoldValue(span[0], span[1], el.get("type") or None, el.get("value") or None))
    gold.timexes.sort(key=lambda t: (t.start, t.end))
    gold.values.sort(key=lambda v: (v.start, v.end))


def _iso_date(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    m = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value)  # the one non-ISO value in the corpus: DD-MM-YYYY
    return f"{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else value
