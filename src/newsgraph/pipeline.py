"""What runs: sources -> extraction -> enrichment, composed as iterators.

Each step takes an iterable and yields items; a :class:`~newsgraph.model.Rejected` flows through untouched so the
caller can count and report it. Where the steps run (one process, a pool) is the executors' business.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Union

from . import __version__, lang
from .enrichment.nlp import DEFAULT_MODEL
from .ids import article_id, content_hash
from .model import Article, Page, Rejected

Item = Union[Article, Rejected]

# name -> "module:Class"; resolved lazily so a run that skips a stage never imports it.
ANNOTATORS = {
    "entities": "newsgraph.enrichment.entities:EntityAnnotator",
    "quotes": "newsgraph.enrichment.quotes:QuoteAnnotator",
    "figures": "newsgraph.enrichment.figures:FigureAnnotator",
    "times": "newsgraph.enrichment.times:TimeAnnotator",
}
ALL_STAGES = tuple(ANNOTATORS)
SUPPORTED_LANGUAGES = lang.supported()  # one folder per language under newsgraph/lang/


@dataclass(frozen=True, slots=True)
class Options:
    """Settings of one run; maps 1:1 to what the CLI flags set."""

    model: str = DEFAULT_MODEL
    stages: tuple[str, ...] = ALL_STAGES
    batch_size: int = 16
    as_text: bool = False
    html_extractor: str = "fast"
    workers: int = 1
    executor: str = "local"  # "local" (this process or a pool of `workers`) or "ray" (executors/ray.py)
    address: Optional[str] = None  # the Ray cluster to join (None: start a local one)


def _annotators(stages: Iterable[str]) -> list:
    out = []
    for name in stages:
        if name not in ANNOTATORS:
            from .errors import ConfigError
            raise ConfigError(f"unknown stage {name!r}; choose from {', '.join(ANNOTATORS)}")
        module, cls = ANNOTATORS[name].split(":")
        out.append(getattr(importlib.import_module(module), cls)())
    return out


def pipeline_info(options: Options) -> dict[str, str]:
    from .enrichment.nlp import load
    _, info = load(options.model)
    return {"newsgraph": __version__, "model": info.label}


def read(inputs: Iterable[str], options: Options = Options()) -> Iterator[Union[Page, Rejected]]:
    from .sources import read as read_sources
    return read_sources(inputs, as_text=options.as_text)


def extract(pages: Iterable[Union[Page, Rejected]], options: Options = Options()) -> Iterator[Item]:
    from .extraction import extract as extract_page
    for page in pages:
        if isinstance(page, Rejected):
            yield page
            continue
        try:
            yield extract_page(page, html_extractor=options.html_extractor)
        except Exception as exc:  # noqa: BLE001 - one bad page must not end the run (DESIGN: rejections are data)
            yield Rejected(page.origin, "extraction_error", f"{type(exc).__name__}: {exc}", fatal=True)


def enrich(items: Iterable[Item], options: Options = Options()) -> Iterator[Item]:
    """Parse English articles in batches with spaCy and run the chosen annotators on each."""
    from .enrichment.nlp import load
    nlp, info = load(options.model)
    annotators = _annotators(options.stages)
    stamp = {"newsgraph": __version__, "model": info.label}
    batch: list[Item] = []

    def flush() -> Iterator[Item]:
        todo = [a for a in batch if isinstance(a, Article) and _wants_nlp(a)]
        # A memory zone frees the strings these docs added to the vocabulary once the batch is annotated: without
        # it a long-running worker's StringStore grows with every new name and number. Annotators keep plain
        # records, never Doc/Span/Token objects, so nothing outlives the zone.
        with nlp.memory_zone():
            docs = nlp.pipe((a.text for a in todo), batch_size=options.batch_size)
            for article, doc in zip(todo, docs):
                for annotator in annotators:
                    _annotate(annotator, article, doc)
        yield from batch
        batch.clear()

    for item in items:
        if isinstance(item, Article):
            item.pipeline = dict(stamp)
        batch.append(item)
        if len(batch) >= options.batch_size:
            yield from flush()
    yield from flush()


def _annotate(annotator, article: Article, doc) -> None:
    """Run one annotator; a failure costs that annotation only, recorded as a problem, never the article."""
    try:
        annotator.annotate(article, doc)
    except Exception as exc:  # noqa: BLE001 - the other stages and articles go on
        article.add_problem(f"{annotator.name}_failed", f"{type(exc).__name__}: {exc}")


def _wants_nlp(article: Article) -> bool:
    if not article.text.strip():
        return False
    if article.language and article.language not in SUPPORTED_LANGUAGES:
        if not article.has_problem("language_unsupported"):
            article.add_problem("language_unsupported",
                                f"language {article.language!r}: English-only NLP stages skipped")
        return False
    return True


def process_pages(pages: list[Union[Page, Rejected]], options: Options) -> list[Item]:
    """The unit of work an executor runs: one batch of pages through extraction and enrichment."""
    return list(enrich(extract(pages, options), options))


def extract_pages(pages: list[Union[Page, Rejected]], options: Options) -> list[Item]:
    """The unit of work of an extraction-only run (``newsgraph extract``)."""
    return list(extract(pages, options))


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _run(work, inputs: Iterable[str], options: Options, executor) -> Iterator[Item]:
    from .executors import make_executor
    own = executor is None
    executor = executor or make_executor(options.workers, options.executor, options.address)
    try:
        for results in executor.map_batches(work, _batches(read(inputs, options), options.batch_size), options):
            yield from results
    finally:
        if own:
            executor.close()


def analyze(inputs: Iterable[str], options: Options = Options(), executor=None) -> Iterator[Item]:
    """Inputs (paths, ``-``) to annotated articles, in input order; rejected inputs come through as Rejected.

    ``executor`` decides where batches run (default: this process, or a pool of ``options.workers``).
    """
    return _run(process_pages, inputs, options, executor)


def extract_only(inputs: Iterable[str], options: Options = Options(), executor=None) -> Iterator[Item]:
    """Like :func:`analyze` without enrichment: clean articles and their metadata, annotations empty."""
    return _run(extract_pages, inputs, options, executor)


def analyze_text(text: str, *, published: Optional[str] = None, title: Optional[str] = None,
                 id: Optional[str] = None, options: Options = Options()) -> Article:
    """Annotate already-clean text, kept exactly (spans index ``text``). The library's simplest entry point."""
    article = Article(id=article_id(id, None, f"text:{content_hash(text)}"), text=text,
                      content_hash=content_hash(text), title=title, published=published, language="en")
    return next(iter(enrich([article], options)))  # type: ignore[return-value]


def analyze_texts(texts: Iterable[tuple[str, Optional[str]]], options: Options = Options()) -> Iterator[Article]:
    """Batch form of :func:`analyze_text` over ``(text, published)`` pairs, for evaluation and benchmarks."""
    def articles() -> Iterator[Article]:
        for n, (text, published) in enumerate(texts):
            yield Article(id=f"t{n}", text=text, content_hash=content_hash(text), published=published,
                          language="en")
    yield from enrich(articles(), options)  # type: ignore[misc]
