"""The one typed data model every stage shares.

A :class:`Page` is raw input; an :class:`Article` is what extraction makes of it. ``Article.text`` is the one
string every annotation points into, with ``[start, end)`` offsets in code points (Python string indices).
Annotations are small slotted records, never free-form dicts. Spans are ``(start, end)`` tuples.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional, Union

Span = tuple[int, int]

SCHEMA_VERSION = 1


@dataclass(slots=True)
class Problem:
    """Why something could not be used, or was used only in part. ``code`` is stable snake_case."""

    code: str
    detail: str = ""


@dataclass(slots=True)
class Page:
    """Raw input as read by a source.

    ``content`` is bytes for pages whose encoding still has to be worked out, text where the source already has
    text. ``kind`` tells extraction what it is: ``capture`` (raw page text to clean), ``html``, or ``text``
    (already-clean text, kept exactly). ``origin`` names where it came from (path, and ``#n`` record position).
    """

    content: Union[bytes, str]
    kind: Literal["capture", "html", "text"]
    origin: str
    url: Optional[str] = None
    fetched: Optional[str] = None
    id: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    charset: Optional[str] = None


@dataclass(slots=True)
class Mention:
    start: int
    end: int


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    global_id: Optional[str] = None


@dataclass(slots=True)
class Speaker:
    """Who spoke: the phrase as written, its entity, and ``via``, how the phrase was found: ``explicit`` (the
    subject of the cue, a name or noun), ``pronoun``, ``nominal`` (a role or organisation noun resolved to an
    entity), ``continuation`` (taken from the quote this one continues), ``paragraph`` (named in a neighbouring
    sentence or paragraph) or ``governed`` (the subject of a verb higher up, or a relative pronoun's antecedent)."""

    text: str
    span: Span
    entity: Optional[str] = None
    name: Optional[str] = None
    via: Optional[str] = None


@dataclass(slots=True)
class Quote:
    text: str
    span: Span
    kind: Literal["direct", "mixed", "indirect"]
    parts: list[Span] = field(default_factory=list)
    cue: Optional[str] = None
    cue_span: Optional[Span] = None
    speaker: Optional[Speaker] = None
    about: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Figure:
    text: str
    span: Span
    kind: Literal["count", "amount", "percent", "quantity"]
    value: Optional[float] = None
    value_max: Optional[float] = None
    unit: Optional[str] = None
    qualifier: Optional[str] = None
    object: Optional[str] = None
    event: Optional[str] = None
    value_min: Optional[float] = None  # a vague figure's lower bound ("thousands": 1000); value is then None
    vague: bool = False


@dataclass(slots=True)
class TimeRef:
    text: str
    span: Span
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: Optional[str] = None


@dataclass(slots=True)
class Article:
    """A clean article and everything found in it. All spans index ``text``."""

    id: str
    text: str
    content_hash: str
    title: Optional[str] = None
    published: Optional[str] = None
    fetched: Optional[str] = None
    url: Optional[str] = None
    canonical_url: Optional[str] = None
    source: Optional[str] = None
    image: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    language: Optional[str] = None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    story: Optional[str] = None
    duplicate_of: Optional[str] = None
    pipeline: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    origin: Optional[str] = None
    agency: Optional[str] = None  # the agency or network a byline credits ("Associated Press"): a source, no author

    def add_problem(self, code: str, detail: str = "") -> None:
        self.problems.append(Problem(code, detail))

    def has_problem(self, code: str) -> bool:
        return any(p.code == code for p in self.problems)

    def entity(self, entity_id: str) -> Optional[Entity]:
        return next((e for e in self.entities if e.id == entity_id), None)


@dataclass(slots=True)
class Rejected:
    """An input that produced no article: a source or extraction step yields it instead of raising."""

    origin: str
    code: str
    detail: str = ""
    fatal: bool = False  # True: the input could not be read/parsed at all (exit code 1); False: skipped by design


@dataclass(slots=True)
class IndexEntry:
    """One article as the near-duplicate index knows it (dedup computes it, storage keeps it): ``seq`` orders
    articles by first indexing, which is what "earliest stored" means; ``shingles`` are packed 32-bit hashes."""

    seq: int
    id: str
    content_hash: str
    story: str
    duplicate_of: Optional[str]
    shingles: bytes


@dataclass(slots=True)
class QuoteOccurrence:
    """One quotation as one article reports it, as the quotation clusters know it (``newsgraph.quotebank`` decides
    the cluster, storage keeps it). ``words`` is the normalised word string (``quotebank.words``); ``speaker_id``
    the speaker's global entity id (or ``name:`` + the name key when unlinked), None when unresolved;
    ``speaker_weak``: the speaker was found through a pronoun, not named. ``seq`` orders occurrences as stored."""

    article: str
    pos: int
    span: Span
    text: str
    words: str
    speaker_name: Optional[str] = None
    speaker_id: Optional[str] = None
    speaker_weak: bool = False
    published: Optional[str] = None
    source: Optional[str] = None
    story: Optional[str] = None
    duplicate_of: Optional[str] = None
    cluster: Optional[int] = None
    seq: int = 0


@dataclass(slots=True)
class QuoteCluster:
    """One quotation across the corpus, as stored beside the articles (``newsgraph.quotebank.summary`` derives it
    from the occurrences after each change): the canonical text, the voted speaker with its support, first
    appearance, spread (occurrences, independent stories, outlets), whether attributions conflict, and how many
    occurrences drift from the canonical words."""

    id: int
    text: str
    words: str
    speaker_id: Optional[str] = None
    speaker_name: Optional[str] = None
    speaker_votes: int = 0
    votes: int = 0
    first_published: Optional[str] = None
    first_article: Optional[str] = None
    first_source: Optional[str] = None
    occurrences: int = 0
    stories: int = 0
    outlets: int = 0
    conflict: bool = False
    drifted: int = 0

    def as_dict(self) -> dict:
        return {"id": self.id, "text": self.text, "speaker": self.speaker_name, "speaker_id": self.speaker_id,
                "speaker_votes": self.speaker_votes, "votes": self.votes,
                "first_seen": {"published": self.first_published, "article": self.first_article,
                               "source": self.first_source},
                "occurrences": self.occurrences, "stories": self.stories, "outlets": self.outlets,
                "conflict": self.conflict, "drifted": self.drifted}
