"""The output record of DESIGN.md: Article <-> JSON-ready dict, both ways, field order as documented."""
from __future__ import annotations

from typing import Any, Optional

from .model import SCHEMA_VERSION, Article, Entity, Figure, Mention, Problem, Quote, Speaker, TimeRef


def _span(value: Optional[tuple[int, int]]) -> Optional[list[int]]:
    return None if value is None else [value[0], value[1]]


def _tuple(value: Any) -> Optional[tuple[int, int]]:
    return None if value is None else (int(value[0]), int(value[1]))


def _num(value: Optional[float]) -> Optional[float | int]:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def entity_to_dict(e: Entity) -> dict[str, Any]:
    return {"id": e.id, "name": e.name, "type": e.type, "roles": list(e.roles), "global_id": e.global_id,
            "mentions": [[m.start, m.end] for m in e.mentions]}


def quote_to_dict(q: Quote) -> dict[str, Any]:
    speaker = None
    if q.speaker is not None:
        s = q.speaker
        speaker = {"text": s.text, "span": _span(s.span), "entity": s.entity, "name": s.name}
        if s.via is not None:  # optional: records written before it existed read back the same
            speaker["via"] = s.via
    return {"text": q.text, "span": _span(q.span), "parts": [_span(p) for p in q.parts], "kind": q.kind,
            "cue": q.cue, "cue_span": _span(q.cue_span), "speaker": speaker, "about": list(q.about)}


def figure_to_dict(f: Figure) -> dict[str, Any]:
    record = {"text": f.text, "span": _span(f.span), "kind": f.kind, "value": _num(f.value),
              "value_max": _num(f.value_max)}
    if f.vague:  # optional fields (schema 1), written only for a vague figure
        record.update(value_min=_num(f.value_min), vague=True)
    record.update(unit=f.unit, qualifier=f.qualifier, object=f.object, event=f.event)
    return record


def time_to_dict(t: TimeRef) -> dict[str, Any]:
    return {"text": t.text, "span": _span(t.span), "type": t.type, "value": t.value}


def to_record(a: Article) -> dict[str, Any]:
    """The stable output record (schema_version 1)."""
    record = {
        "schema_version": SCHEMA_VERSION,
        "id": a.id,
        "content_hash": a.content_hash,
        "source": a.source,
        "url": a.url,
        "canonical_url": a.canonical_url,
        "image": a.image,
        "title": a.title,
        "published": a.published,
        "fetched": a.fetched,
        "authors": list(a.authors),
    }
    if a.agency:  # optional (schema 1), beside the authors it is told apart from, only where a byline names one
        record["agency"] = a.agency
    record.update({
        "language": a.language,
        "text": a.text,
        "entities": [entity_to_dict(e) for e in a.entities],
        "quotes": [quote_to_dict(q) for q in a.quotes],
        "figures": [figure_to_dict(f) for f in a.figures],
        "times": [time_to_dict(t) for t in a.times],
        "story": a.story,
        "duplicate_of": a.duplicate_of,
        "pipeline": dict(a.pipeline),
        "problems": [{"code": p.code, "detail": p.detail} for p in a.problems],
    })
    return record


def _speaker(d: Optional[dict[str, Any]]) -> Optional[Speaker]:
    if d is None:
        return None
    return Speaker(d["text"], _tuple(d["span"]), d.get("entity"), d.get("name"), d.get("via"))


def from_record(d: dict[str, Any]) -> Article:
    """Inverse of :func:`to_record`; unknown keys are ignored so newer optional fields do not break readers."""
    return Article(
        id=d["id"], text=d["text"], content_hash=d["content_hash"], title=d.get("title"),
        published=d.get("published"), fetched=d.get("fetched"), url=d.get("url"),
        canonical_url=d.get("canonical_url"), source=d.get("source"), image=d.get("image"),
        authors=list(d.get("authors") or []), language=d.get("language"),
        entities=[Entity(e["id"], e["name"], e["type"], [Mention(s, t) for s, t in e.get("mentions", [])],
                         list(e.get("roles") or []), e.get("global_id")) for e in d.get("entities", [])],
        quotes=[Quote(q["text"], _tuple(q["span"]), q["kind"], [_tuple(p) for p in q.get("parts", [])],
                      q.get("cue"), _tuple(q.get("cue_span")), _speaker(q.get("speaker")),
                      list(q.get("about") or [])) for q in d.get("quotes", [])],
        figures=[Figure(f["text"], _tuple(f["span"]), f["kind"], f.get("value"), f.get("value_max"),
                        f.get("unit"), f.get("qualifier"), f.get("object"), f.get("event"), f.get("value_min"),
                        bool(f.get("vague", False)))
                 for f in d.get("figures", [])],
        times=[TimeRef(t["text"], _tuple(t["span"]), t["type"], t.get("value")) for t in d.get("times", [])],
        story=d.get("story"), duplicate_of=d.get("duplicate_of"), pipeline=dict(d.get("pipeline") or {}),
        problems=[Problem(p["code"], p.get("detail", "")) for p in d.get("problems", [])],
        agency=d.get("agency") or None,
    )
