"""What runs: sources -> extraction -> enrichment, composed as iterators.

Each step takes an iterable and yields items; a :class:`~newsgraph.model.Rejected` flows through untouched so the
caller can count and report it. Where the steps run (one process, a pool) is the executors' business.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Union

from . import __version__, lang, sources, steps
from .enrichment.nlp import DEFAULT_MODEL, load
from .executors import Executor, make_executor
from .extraction import extract as extract_page
from .ids import article_id, content_hash
from .model import Article, Page, Rejected

Item = Union[Article, Rejected]

ALL_STAGES = steps.ANNOTATORS  # the annotate steps of the registry (newsgraph.steps), in run order
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
    keep_non_articles: bool = False  # listings, galleries, live blogs, result tables, blotters: kept, flagged
    executor: str = "local"  # "local" (this process or a pool of `workers`) or "ray" (executors/ray.py)
    address: Optional[str] = None  # the Ray cluster to join (None: start a local one)


def _annotators(stages: Iterable[str]) -> list:
    """One annotator per chosen stage, in the registry's run order; :class:`~newsgraph.steps.PlanError` when the
    choice cannot run (an unknown stage, or one whose requirement no chosen stage fills)."""
    return [steps.load(step)() for step in steps.plan(stages, from_articles=True) if step.kind == "annotate"]


def pipeline_info(options: Options) -> dict[str, str]:
    _, info = load(options.model)
    return {"newsgraph": __version__, "model": info.label}


def read(inputs: Iterable[str], options: Options = Options()) -> Iterator[Union[Page, Rejected]]:
    return sources.read(inputs, as_text=options.as_text)


def extract(pages: Iterable[Union[Page, Rejected]], options: Options = Options()) -> Iterator[Item]:
    for page in pages:
        if isinstance(page, Rejected):
            yield page
            continue
        try:
            yield extract_page(page, html_extractor=options.html_extractor,
                               keep_non_articles=options.keep_non_articles)
        except Exception as exc:  # noqa: BLE001 - one bad page must not end the run (DESIGN: rejections are data)
            yield Rejected(page.origin, "extraction_error", f"{type(exc).__name__}: {exc}", fatal=True)


def enrich(items: Iterable[Item], options: Options = Options()) -> Iterator[Item]:
    """Parse English articles in batches with spaCy and run the chosen annotators on each."""
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
            for article, doc in _parsed(nlp, todo, options.batch_size):
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


# The most characters of one article the NLP reads. The longest news features run to ~60,000; a text beyond this is
# a dump, a book or an attack, and spaCy's memory grows with the text (past nlp.max_length it refuses outright).
MAX_NLP_CHARS = 100_000


def _nlp_text(article: Article) -> str:
    """The text the NLP parses: the article's, cut at a paragraph (else sentence, else word) end when too long.

    A prefix, so every offset the annotators find is an offset into ``article.text`` as it is stored."""
    text = article.text
    if len(text) <= MAX_NLP_CHARS:
        return text
    cut = max(text.rfind("\n", 0, MAX_NLP_CHARS), text.rfind(". ", 0, MAX_NLP_CHARS) + 1,
              text.rfind(" ", 0, MAX_NLP_CHARS))
    cut = cut if cut > MAX_NLP_CHARS // 2 else MAX_NLP_CHARS
    article.add_problem("text_truncated", f"only the first {cut:,} of {len(text):,} characters were annotated "
                                          f"(the cap is {MAX_NLP_CHARS:,})")
    return text[:cut]


def _parsed(nlp, todo: list[Article], batch_size: int) -> Iterator[tuple[Article, object]]:
    """``(article, doc)`` for each article; if the batch parse fails, the rest are parsed one by one, so one bad
    article costs only its own annotations (problem ``nlp_failed``), never its neighbours'."""
    texts = [_nlp_text(a) for a in todo]
    done = 0
    try:
        for article, doc in zip(todo, nlp.pipe(texts, batch_size=batch_size)):
            done += 1
            yield article, doc
        return
    except Exception:  # noqa: BLE001 - which article broke the batch is found by parsing each alone
        pass
    for article, text in zip(todo[done:], texts[done:]):
        try:
            doc = nlp(text)
        except Exception as exc:  # noqa: BLE001 - the article is kept, unannotated, with the reason
            article.add_problem("nlp_failed", f"{type(exc).__name__}: {str(exc)[:200]}")
            continue
        yield article, doc


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


def process_pages(pages: list[Union[Page, Rejected]], options: Options, end: steps.End = "enrich") -> list[Item]:
    """The unit of work an executor runs: one batch of pages through the plan's batch steps — the page steps
    (extraction) in registry order, then the annotate steps, which share one spaCy parse (:func:`enrich`)."""
    items: Iterable[Item] = pages
    for step in steps.plan(options.stages, end=end):
        if step.kind == "page":
            items = steps.load(step)(items, options)
    if end != "extract":
        items = enrich(items, options)
    return list(items)


def extract_pages(pages: list[Union[Page, Rejected]], options: Options) -> list[Item]:
    """The unit of work of an extraction-only run (``newsgraph extract``)."""
    return process_pages(pages, options, "extract")


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _run(work, inputs: Iterable[str], options: Options, executor: Optional[Executor]) -> Iterator[Item]:
    own = executor is None
    executor = executor or make_executor(options.workers, options.executor, options.address)
    try:
        for results in executor.map_batches(work, _batches(read(inputs, options), options.batch_size), options):
            yield from results
    finally:
        if own:
            executor.close()


def analyze(inputs: Iterable[str], options: Options = Options(),
            executor: Optional[Executor] = None) -> Iterator[Item]:
    """Inputs (paths, ``-``) to annotated articles, in input order; rejected inputs come through as Rejected.

    ``executor`` decides where batches run (default: this process, or a pool of ``options.workers``). The stages
    are checked here, before any input is read (:class:`~newsgraph.steps.PlanError`).
    """
    steps.plan(options.stages, end="enrich")
    return _run(process_pages, inputs, options, executor)


def extract_only(inputs: Iterable[str], options: Options = Options(),
                 executor: Optional[Executor] = None) -> Iterator[Item]:
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
