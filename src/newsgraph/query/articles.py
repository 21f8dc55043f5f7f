"""The article view behind the web reader's audit page and ``GET /api/v1/articles/{id}``: the output record plus
every annotation as a span of the stored text, each saying what it is."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from ..record import to_record
from ..storage.base import Store

__all__ = ["Span", "ArticleView", "article_view", "SPAN_TYPES"]

#: Drawing order when spans nest: a quote holds its words' entities, figures and dates.
SPAN_TYPES = ("quote", "cue", "speaker", "entity", "figure", "time")


@dataclass(frozen=True, slots=True)
class Span:
    """One annotation: ``[start, end)`` of the stored text, which list of the record it comes from (``type``) and
    its index there (``ref``), and a line saying what it is (``label``)."""

    type: str
    start: int
    end: int
    ref: int
    label: str
    speaker: Optional[str] = None  # quotes, cues and speakers: who spoke (for colouring by speaker)

    def as_dict(self) -> dict[str, Any]:
        return {"type": self.type, "start": self.start, "end": self.end, "ref": self.ref, "label": self.label,
                "speaker": self.speaker}


@dataclass(slots=True)
class ArticleView:
    """``record`` is the article's output record (DESIGN.md); ``spans`` every annotation, in text order."""

    record: dict[str, Any]
    spans: list[Span] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"record": self.record, "spans": [s.as_dict() for s in self.spans]}


def _speaker_name(quote: dict[str, Any]) -> Optional[str]:
    speaker = quote.get("speaker") or {}
    return speaker.get("name") or speaker.get("text")


def _quote_spans(i: int, q: dict[str, Any]) -> list[Span]:
    who = _speaker_name(q)
    speaker = q.get("speaker") or {}
    via = speaker.get("via")
    said = f"{q.get('kind') or 'quote'} quote by {who or 'an unresolved speaker'}"
    spans = [Span("quote", *q["span"], i, said, who)]
    if q.get("cue_span"):
        spans.append(Span("cue", *q["cue_span"], i, f"cue '{q.get('cue')}' of a quote by {who or 'unknown'}", who))
    if speaker.get("span"):
        how = f" (found by {via})" if via else ""
        named = f" = {speaker['name']}" if speaker.get("name") and speaker["name"] != speaker.get("text") else ""
        spans.append(Span("speaker", *speaker["span"], i, f"speaker '{speaker.get('text')}'{named}{how}", who))
    return spans


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, (int, float)) else str(value)


def _figure_label(f: dict[str, Any]) -> str:
    """``figure (count): more than 1,200 of dock workers``; a vague figure (``value`` null) by its lower bound."""
    value = f.get("value")
    if value is None:
        shown = f"at least {_number(f['value_min'])}" if f.get("value_min") is not None else "no point value"
    else:
        shown = _number(value) + (f"–{_number(f['value_max'])}" if f.get("value_max") is not None else "")
    parts = [f"figure ({f.get('kind') or 'number'}):", f.get("qualifier") or "", shown, f.get("unit") or ""]
    if f.get("object"):
        parts.append(f"of {f['object']}")
    return " ".join(p for p in parts if p)


def spans_of(record: dict[str, Any]) -> list[Span]:
    """Every annotation of an output record as a span, in text order (outer spans first)."""
    spans: list[Span] = []
    for i, q in enumerate(record.get("quotes") or []):
        spans += _quote_spans(i, q)
    for i, e in enumerate(record.get("entities") or []):
        roles = f"; {', '.join(e['roles'])}" if e.get("roles") else ""
        linked = f", {e['global_id']}" if e.get("global_id") else ""
        for start, end in e.get("mentions") or []:
            spans.append(Span("entity", start, end, i, f"{e.get('type')}: {e.get('name')}{roles}{linked}"))
    for i, f in enumerate(record.get("figures") or []):
        spans.append(Span("figure", *f["span"], i, _figure_label(f)))
    for i, t in enumerate(record.get("times") or []):
        spans.append(Span("time", *t["span"], i, f"{t.get('type') or 'time'}: {t.get('value') or 'unresolved'}"))
    order = {name: n for n, name in enumerate(SPAN_TYPES)}
    return sorted(spans, key=lambda s: (s.start, -s.end, order[s.type], s.ref))


def article_view(store: Store, article_id: str, revision: Optional[int] = None) -> Optional[ArticleView]:
    """The article and its spans, or None when no such article is stored."""
    article = store.get(article_id, revision)
    if article is None:
        return None
    record = to_record(article)
    return ArticleView(record, spans_of(record))
