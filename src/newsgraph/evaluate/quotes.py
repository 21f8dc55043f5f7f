"""Scoring the quotes stage on public gold.

- MEANTIME (dev half): speech events whose cue is a reporting verb → cue F1 (spans overlap, one to one) and speaker
  accuracy on matched cues (the predicted speaker or its entity overlaps a mention of the gold Arg0's chain), split
  by the gold speaker's syntactic type (NAM / PRO / NOM); cue F1 also over the fully annotated first sentences.
- GUM news: predicted quote ``parts`` against the gold ``<quote>`` stretches (sentence-sized pieces of one
  quotation that touch are joined first, as GUM cuts quotations at sentence boundaries): overlap F1 (a match needs
  the overlap to cover ≥ 30% of each span, greedy one to one) and exact-span F1 (surrounding marks, punctuation and
  spaces ignored); speaker accuracy on matched quotes against ``newsgraph/evaluate/data/gum_news_speakers.json``, our own
  hand annotation of every GUM news quote's speaker.
- Speed: words per second of ``find_quotes`` alone over documents already parsed and with entities.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Optional, Sequence

from .. import lang
from ..model import Entity, Quote, Span
from .gold import MEANTIME_ANNOTATED_SENTENCES, meantime_annotated_end, read_gum, read_meantime
# re-exported: other scorers and the tests read them from here
from .quote_runs import annotate_docs, match_spans, overlap, run_quotes  # noqa: F401
from .quotes_polnear import evaluate as evaluate_polnear
from .report import Accuracy, Report, Score

REPORTING = frozenset("""say tell add announce state claim report explain according comment confirm deny respond
reply warn acknowledge admit reveal describe ask recommend insist maintain argue declare stress suggest note
urge predict promise pledge vow write assert allege concede testify tweet reiterate emphasize mention""".split())
_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write"}
_IRREGULAR_STANCE = {"thought": "think", "found": "find", "felt": "feel", "sought": "seek", "shown": "show",
                     "understood": "understand"}
# Our own speaker annotation of GUM's news quotes (offsets into the shared files), shipped with the package so
# `newsgraph eval quotes` works from any install.
SPEAKERS_FILE = Path(__file__).resolve().parent / "data" / "gum_news_speakers.json"
_TRIM = " \t\n\"'“”‘’«».,;:!?…"


def is_reporting_cue(text: str, lemma: Optional[str]) -> bool:
    """Whether a gold speech event's cue is a verb of saying (not cognition such as know, think, want)."""
    word = text.lower().split()[0] if text.strip() else ""
    if word in _IRREGULAR:
        return True
    forms = {word, lemma or ""}
    for f in list(forms):
        forms.update({f[:-1], f[:-2], f[:-3], f[:-1] + "e", f[:-2] + "e", f[:-3] + "e", f + "e"})
    return bool(forms & REPORTING)






def trim(text: str, span: Span) -> Span:
    s, e = span
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


def join_touching(text: str, spans: Iterable[Span]) -> list[Span]:
    """Join gold quote pieces separated only by spaces and marks (GUM cuts one quotation per sentence)."""
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and not text[out[-1][1]:s].strip(" \t\"“”'‘’"):
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out






def speaker_hits(quote: Quote, entities: Sequence[Entity], targets: Sequence[Span]) -> bool:
    """Whether the predicted speaker phrase, or its entity's mentions, overlap one of the target spans."""
    if quote.speaker is None:
        return False
    spans = [quote.speaker.span]
    ent = next((e for e in entities if e.id == quote.speaker.entity), None) if quote.speaker.entity else None
    if ent is not None:
        spans.extend((m.start, m.end) for m in ent.mentions)
    return any(overlap(s, t) for s in spans for t in targets)


SETS = ("meantime", "gum", "polnear-dev", "polnear-train")


def evaluate(data_dir: Path, datasets: Sequence[str] = ("meantime", "gum", "polnear-dev"), limit: Optional[int] = None,
             speakers_file: Path = SPEAKERS_FILE) -> list[Report]:
    """Reports for the chosen datasets found under ``data_dir`` (``meantime-dev/``, ``gum/``, ``polnear/``)."""
    reports = []
    data_dir = Path(data_dir)
    if "meantime" in datasets and (data_dir / "meantime-dev").is_dir():
        reports.append(evaluate_meantime(read_meantime(data_dir / "meantime-dev")[:limit]))
    if "gum" in datasets and (data_dir / "gum").is_dir():
        reports.append(evaluate_gum(read_gum(data_dir / "gum")[:limit], speakers_file))
    splits = [d.split("-", 1)[1] for d in datasets if d.startswith("polnear-")]
    if splits:
        reports.extend(evaluate_polnear(data_dir, splits, limit))
    return reports


def evaluate_meantime(golds) -> Report:
    """Cue and speaker scores on MEANTIME. Past the completely annotated part (:func:`meantime_annotated_end`)
    MEANTIME marks only events linked to those inside it (9 gold speech events in sentence 6 against 36 in
    sentence 5), so precision means something only inside that part."""
    docs, ents = annotate_docs([g.text for g in golds])
    predicted, wps = run_quotes(docs, ents)
    cue = Score("cue (reporting verbs)")
    full = Score("cue, fully annotated sentences")
    kinds = {k: Accuracy(f"speaker {k}") for k in ("NAM", "PRO", "NOM", "other")}
    overall = Accuracy("speaker (all matched cues)")
    for gold, quotes, entities in zip(golds, predicted, ents):
        events = [s for s in gold.speech if is_reporting_cue(s.cue_text, s.lemma)]
        cued = [q for q in quotes if q.cue_span is not None and _speech_cue(q.cue)]
        pairs = match_spans([q.cue_span for q in cued], [s.cue for s in events], share=0.01)
        cue.add(tp=len(pairs), fp=len(cued) - len(pairs), fn=len(events) - len(pairs))
        _score_prefix(full, gold, cued, events, pairs)
        for i, j in pairs:
            event = events[j]
            if event.speaker is None or event.speaker_chain is None:
                continue
            chain = [(m.start, m.end) for m in gold.mentions if m.chain == event.speaker_chain]
            chain.append((event.speaker.start, event.speaker.end))
            ok = speaker_hits(cued[i], entities, chain)
            kind = event.speaker.syntactic_type if event.speaker.syntactic_type in kinds else "other"
            kinds[kind].add(ok)
            overall.add(ok)
    report = Report("quotes", "meantime-dev", len(golds), [cue, full], [overall, *kinds.values()])
    report.words_per_second = wps
    report.notes.append(f"'fully annotated sentences': cues and gold events in the title and first "
                        f"{MEANTIME_ANNOTATED_SENTENCES - 1} sentences (dateline included), the part MEANTIME "
                        "annotates completely; this is the all-attributions figure (direct, mixed, indirect)")
    report.notes.append("cue F1 counts every predicted cue (direct, mixed, indirect) against gold speech events "
                        "with a reporting verb; speaker n counts matched cues whose gold event has an Arg0")
    report.notes.append("MEANTIME marks only some event mentions (most 'said' in a long article are unmarked), so "
                        "unmarked true cues count as false positives: recall is the figure to trust")
    return report


def _speech_cue(cue: Optional[str]) -> bool:
    """Whether a predicted cue is a verb of saying: MEANTIME's gold here is speech events only (cognition verbs are
    filtered out of it above), so predicted stances ("believes", "refused to") and judgements ("blamed … on") are
    left out of its cue counts rather than counted as false alarms; so are acts reported through their object
    ("endorsed the senator", "called for a ban")."""
    words = lang.get("en").quotes
    word = (cue or "").lower().split()[0] if (cue or "").strip() else ""
    stance = words.ATTITUDE_VERBS | words.INTENTION_VERBS | words.EVALUATION_VERBS | words.ACT_VERBS \
        | frozenset(words.PREP_ACT_VERBS) | words.FINDING_VERBS | words.CLAIM_NOUNS
    forms = {word, word[:-1], word[:-2], word[:-3], word[:-4], word[:-1] + "e", word[:-2] + "e", word[:-3] + "e"}
    forms.add({**_IRREGULAR, **_IRREGULAR_STANCE}.get(word, word))
    noun = word if word in words.CLAIM_NOUNS else word[:-1] if word[:-1] in words.CLAIM_NOUNS else None
    if noun is not None and noun not in words.REPORTING_VERBS:  # "complaints that …": a noun, no speech event
        return False
    return not (forms & (stance - words.REPORTING_VERBS)) or bool(forms & words.REPORTING_VERBS)


def _score_prefix(score: Score, gold, cued: list[Quote], events, pairs: list[tuple[int, int]]) -> None:
    """Add the counts of cues and events lying in the document's fully annotated first sentences."""
    limit = meantime_annotated_end(gold)
    pred_in = {i for i, q in enumerate(cued) if q.cue_span[0] < limit}
    gold_in = {j for j, s in enumerate(events) if s.cue[0] < limit}
    tp = sum(1 for i, j in pairs if i in pred_in and j in gold_in)
    score.add(tp=tp, fp=len(pred_in) - tp, fn=len(gold_in) - tp)


def load_speakers(path: Path) -> dict[str, list[dict]]:
    if not path.is_file():
        return {}
    out: dict[str, list[dict]] = {}
    for row in json.loads(path.read_text(encoding="utf-8"))["quotes"]:
        out.setdefault(row["doc"], []).append(row)
    return out


def evaluate_gum(golds, speakers_file: Path = SPEAKERS_FILE) -> Report:
    docs, ents = annotate_docs([g.text for g in golds])
    predicted, wps = run_quotes(docs, ents)
    annotation = load_speakers(speakers_file)
    loose, exact = Score("direct+mixed parts (overlap 30%)"), Score("direct+mixed parts (exact)")
    loose_all = Score("overlap, incl. docs without <quote>")
    annotated = 0
    kinds = {k: Accuracy(f"speaker {k}") for k in ("NAM", "PRO", "NOM", "CONT", "none")}
    overall = Accuracy("speaker on matched quotes")
    for gold, quotes, entities in zip(golds, predicted, ents):
        text = gold.text
        gspans = join_touching(text, [(q.start, q.end) for q in gold.quotes if q.tag == "quote"])
        parts = [(q, p) for q in quotes if q.kind != "indirect" for p in q.parts]
        pairs = match_spans([p for _, p in parts], gspans)
        loose_all.add(tp=len(pairs), fp=len(parts) - len(pairs), fn=len(gspans) - len(pairs))
        if not gspans:  # GUM leaves quotations unmarked in some documents: no precision there
            continue
        annotated += 1
        loose.add(tp=len(pairs), fp=len(parts) - len(pairs), fn=len(gspans) - len(pairs))
        tg = {trim(text, g) for g in gspans}
        tp = {trim(text, p) for _, p in parts}
        exact.add(tp=len(tg & tp), fp=len(tp - tg), fn=len(tg - tp))
        for i, j in pairs:
            row = _annotation_for(annotation.get(gold.id, []), gspans[j])
            if row is None:
                continue
            ok = _gum_speaker_ok(parts[i][0], entities, row, gold)
            kinds[row["kind"] if row["kind"] in kinds else "none"].add(ok)
            overall.add(ok)
    report = Report("quotes", "gum-news", len(golds), [loose, exact, loose_all], [overall, *kinds.values()])
    report.words_per_second = wps
    report.notes.append(f"span scores over the {annotated} documents with at least one gold <quote>; GUM leaves "
                        "the quotations of the others unmarked (the last line counts them all)")
    if not annotation:
        report.notes.append(f"no speaker annotation at {speakers_file}: speaker accuracy not scored")
    return report


def _annotation_for(rows: list[dict], span: Span) -> Optional[dict]:
    best = max(rows, key=lambda r: overlap(span, (r["start"], r["end"])), default=None)
    return best if best is not None and overlap(span, (best["start"], best["end"])) else None


def _gum_speaker_ok(quote: Quote, entities: Sequence[Entity], row: dict, gold) -> bool:
    if row.get("speaker_start") is None:  # no speaker in the text: right only when none is predicted (a phrase
        return quote.speaker is None       # named as speaker is a claim, whether or not it found an entity)
    targets = [(row["speaker_start"], row["speaker_end"])]
    if row.get("chain"):
        targets.extend((m.start, m.end) for m in gold.mentions if m.chain == row["chain"])
    return speaker_hits(quote, entities, targets)
