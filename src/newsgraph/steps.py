"""The steps of a run, declared once, in the order they run, with what each needs and what it fills.

spaCy's components declare ``requires`` and ``assigns``; ours do the same over the fields of an
:class:`~newsgraph.model.Article`, so that a run is checked before it starts instead of quietly doing less (quote
speakers are resolved against ``article.entities``: quotes without entities lose their speakers' links).

=========  ========  ================================  ===================================================
step       kind      requires                          assigns
=========  ========  ================================  ===================================================
extract    page      (a Page)                          the article: text, title, published, id, … (ARTICLE)
entities   annotate  text                              entities
quotes     annotate  text, entities                    quotes
figures    annotate  text                              figures
times      annotate  text, published                   times
dedup      store     text, content_hash                duplicate_of, story
link       store     (reads entities when present)     entities[].global_id
cluster    store     (reads quotes when present)       (the store's quotation clusters)
store      store     id, content_hash, text            (the stored revision)
=========  ========  ================================  ===================================================

``page`` and ``annotate`` steps run per batch wherever the executor puts them (the annotators share one spaCy parse
per article); ``store`` steps run in the calling process against the store, in this order. ``--stages`` chooses
among the ``annotate`` steps; the others belong to the command (``extract``, ``analyze``, ``ingest``).

:func:`plan` checks a choice of stages and returns the steps in run order. A stage whose requirement no earlier step
fills is an error that names the stage to add (it is not added silently: a run does what it was asked, and the
records show only the annotations that were asked for). Stages are always run in the order above, whatever order
they were given in.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Iterable, Literal, Optional

from .errors import ConfigError

# What making an Article fills: extraction, or a caller that builds one from clean text (``analyze_text``).
ARTICLE = ("id", "text", "content_hash", "title", "published", "fetched", "url", "canonical_url", "source",
           "image", "authors", "agency", "language")

Kind = Literal["page", "annotate", "store"]
End = Literal["extract", "enrich", "store"]


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a run. ``target`` is ``"module:name"``, imported only when a run uses the step: an annotator
    class for ``annotate`` steps, a function ``(items, ...) -> items`` for the others."""

    name: str
    kind: Kind
    target: str
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    reads: tuple[str, ...] = ()  # used when present, not required (linking has nothing to do without entities)


STEPS: tuple[Step, ...] = (
    Step("extract", "page", "newsgraph.pipeline:extract", assigns=ARTICLE),
    Step("entities", "annotate", "newsgraph.enrichment.entities:EntityAnnotator", requires=("text",),
         assigns=("entities",)),
    Step("quotes", "annotate", "newsgraph.enrichment.quotes:QuoteAnnotator", requires=("text", "entities"),
         assigns=("quotes",)),
    Step("figures", "annotate", "newsgraph.enrichment.figures:FigureAnnotator", requires=("text",),
         assigns=("figures",)),
    Step("times", "annotate", "newsgraph.enrichment.times:TimeAnnotator", requires=("text", "published"),
         assigns=("times",)),
    Step("dedup", "store", "newsgraph.run:dedup_step", requires=("text", "content_hash"),
         assigns=("duplicate_of", "story")),
    Step("link", "store", "newsgraph.run:link_step", reads=("entities",), assigns=("entities[].global_id",)),
    Step("cluster", "store", "newsgraph.quotebank.step:cluster_step", reads=("quotes",)),
    Step("store", "store", "newsgraph.run:store_step", requires=("id", "content_hash", "text")),
)
BY_NAME = {step.name: step for step in STEPS}
# The steps ``--stages`` chooses among, in run order (the default: all of them).
ANNOTATORS: tuple[str, ...] = tuple(step.name for step in STEPS if step.kind == "annotate")


class PlanError(ConfigError):
    """A choice of stages that cannot run as given: an unknown name, or a requirement nothing fills."""


def plan(stages: Optional[Iterable[str]] = None, *, end: End = "enrich", from_articles: bool = False
         ) -> tuple[Step, ...]:
    """The steps of a run, in run order, checked: ``stages`` (default all annotators) up to ``end`` —
    ``extract`` (no annotators), ``enrich`` (extraction and the annotators) or ``store`` (and dedup, link, store).

    ``from_articles``: the run starts from Articles already made (``analyze_text``), so there is no extract step and
    the :data:`ARTICLE` fields are given. Raises :class:`PlanError` naming what to add.
    """
    chosen = ANNOTATORS if stages is None else tuple(stages)
    unknown = [name for name in chosen if name not in ANNOTATORS]
    if unknown:
        raise PlanError(f"unknown stage(s) {', '.join(unknown)}; choose from {', '.join(ANNOTATORS)}")
    wanted = set(chosen) if end != "extract" else set()
    if not from_articles:
        wanted.add("extract")
    if end == "store":
        wanted.update(step.name for step in STEPS if step.kind == "store")
    steps = tuple(step for step in STEPS if step.name in wanted)
    _check(steps, given=ARTICLE if from_articles else ())
    return steps


def _check(steps: tuple[Step, ...], given: tuple[str, ...]) -> None:
    filled = set(given)
    for step in steps:
        missing = [field for field in step.requires if field not in filled]
        if missing:
            raise PlanError(_missing_message(step, missing))
        filled.update(step.assigns)


def _missing_message(step: Step, missing: list[str]) -> str:
    fillers = [other.name for other in STEPS if set(missing) & set(other.assigns)]
    needs = ", ".join(f"article.{field}" for field in missing)
    fix = f": add the stage {' and '.join(fillers)} (stages run in the order {', '.join(ANNOTATORS)})" if fillers else ""
    return f"stage {step.name} needs {needs}, which no earlier stage of this run fills{fix}"


def annotators(steps: Iterable[Step]) -> tuple[str, ...]:
    """The names of the annotate steps of a plan, in run order (what goes into ``Options.stages``)."""
    return tuple(step.name for step in steps if step.kind == "annotate")


def load(step: Step):
    """The object ``step.target`` names, imported now (so a run that skips a step never imports it)."""
    module, name = step.target.split(":")
    return getattr(importlib.import_module(module), name)
