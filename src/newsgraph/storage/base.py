"""The store interface: what every backend (SQLite today, PostgreSQL later) offers the rest of newsgraph.

A store keeps every revision of every article as its exact output record, plus the rows that make search,
speaker lookup and resume fast. Re-ingest rules (DESIGN.md "Same article again"):

- same ``id``, same ``content_hash``  -> :attr:`PutStatus.SKIPPED`, nothing written;
- same ``id``, changed text           -> :attr:`PutStatus.REVISED`, stored as a new revision that becomes current;
- new ``id``                          -> :attr:`PutStatus.STORED`; when another id already has the same
  ``content_hash``, ``duplicate_of`` names the earliest stored one and ``story`` follows that article's story.
"""
from __future__ import annotations

import abc
import enum
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Optional

from ..model import Article

#: Resume markers with these statuses do not count as done, so the input is tried again on the next run.
RETRY_STATUSES = frozenset({"failed", "error"})


class PutStatus(str, enum.Enum):
    STORED = "stored"
    REVISED = "revised"
    SKIPPED = "skipped"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class PutResult:
    """What :meth:`Store.put` did. ``revision`` is the current revision of ``id`` after the call."""

    status: PutStatus
    id: str
    revision: int
    duplicate_of: Optional[str] = None
    story: Optional[str] = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text match. ``snippet`` marks matched terms as ``[term]``; ``score`` is higher for better."""

    id: str
    title: Optional[str]
    published: Optional[str]
    snippet: str
    score: float


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Narrowing a search. ``since``/``until`` compare ``published`` at the precision given (as ``quotes`` does);
    ``source`` is the outlet (case-insensitive, exact); ``entity`` matches entity names as a case-insensitive
    substring, or any article linked to the same global entity as an entity of exactly that name; ``story`` is a
    story id (DESIGN.md ``story``)."""

    since: Optional[str] = None
    until: Optional[str] = None
    source: Optional[str] = None
    entity: Optional[str] = None
    story: Optional[str] = None


@dataclass(frozen=True, slots=True)
class StoryMember:
    """One current article of a story, in storage order; ``length`` is its text length in characters."""

    id: str
    title: Optional[str]
    source: Optional[str]
    published: Optional[str]
    duplicate_of: Optional[str]
    length: int


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """One quotation with where it was said. ``quote`` is the quote's output record (DESIGN.md ``quotes[]``)."""

    speaker: Optional[str]
    article_id: str
    title: Optional[str]
    published: Optional[str]
    quote: dict[str, Any] = field(default_factory=dict)


class Store(abc.ABC):
    """A knowledge base of articles. Use as a context manager or call :meth:`close`."""

    @abc.abstractmethod
    def put(self, article: Article) -> PutResult:
        """Store one article atomically; the caller's object is not modified."""

    def put_many(self, articles: Iterable[Article]) -> list[PutResult]:
        """Store articles in order with :meth:`put`'s rules; a store may do it in one transaction (bulk loads)."""
        return [self.put(article) for article in articles]

    @abc.abstractmethod
    def get(self, article_id: str, revision: Optional[int] = None) -> Optional[Article]:
        """The current revision (or the given one) of an article, or None."""

    @abc.abstractmethod
    def iter_articles(self, current_only: bool = True) -> Iterator[Article]:
        """Every stored article in storage order; with ``current_only=False`` every revision too."""

    @abc.abstractmethod
    def count(self, current_only: bool = True) -> int:
        """Number of articles (current revisions), or of all revisions."""

    @abc.abstractmethod
    def search(self, query: str, limit: int = 20, offset: int = 0, *, raw: bool = False,
               filters: Optional[SearchFilters] = None, window: Optional[int] = None) -> list[SearchHit]:
        """Full-text search over title and text of current revisions, best first, narrowed by ``filters``.

        Any user string is accepted: it is read as words that must all occur. ``raw=True`` passes the query to
        the backend's own syntax (FTS5 for SQLite), where a malformed query raises ``ConfigError``. ``window``:
        rank among at most this many of the newest matches (None: the store's default; 0: every match).
        """

    @abc.abstractmethod
    def quotes(self, speaker: Optional[str] = None, about: Optional[str] = None, since: Optional[str] = None,
               until: Optional[str] = None, limit: int = 100, offset: int = 0,
               include_copies: bool = True) -> list[QuoteHit]:
        """Quotes of current revisions, newest article first; ``include_copies=False`` leaves out articles with
        ``duplicate_of`` set (a syndicated copy's quotes are the original's).

        ``speaker``/``about`` match entity names case-insensitively from the start of any word (a substring scan
        only when nothing matches that way); ``since``/``until`` compare
        ``published`` as ISO 8601 at the precision given (``until="2013-05"`` includes all of May 2013).
        """

    @abc.abstractmethod
    def mark_done(self, origin: str, status: str = "done") -> None:
        """Record that an input (a file, a WARC, a JSONL line) was processed, for resuming an interrupted run."""

    @abc.abstractmethod
    def input_status(self, origin: str) -> Optional[str]:
        """The status last recorded for an input, or None."""

    def is_done(self, origin: str) -> bool:
        """True when the input was marked with a status other than ``failed``/``error``."""
        status = self.input_status(origin)
        return status is not None and status not in RETRY_STATUSES

    def story_members(self, story_id: str) -> list[StoryMember]:
        """Current articles whose ``story`` is ``story_id``, in storage order (backends override this scan)."""
        return [StoryMember(a.id, a.title, a.source, a.published, a.duplicate_of, len(a.text))
                for a in self.iter_articles() if (a.story or a.id) == story_id]

    def dedup_index(self):
        """The near-duplicate index kept in this store (``newsgraph.dedup.DedupIndex``); not every backend has one."""
        raise NotImplementedError(f"{type(self).__name__} keeps no dedup index")

    def entity_registry(self):
        """The cross-article entity registry (``newsgraph.linking.EntityRegistry``); not every backend has one."""
        raise NotImplementedError(f"{type(self).__name__} keeps no entity registry")

    def entity_views(self):
        """Read queries over entities for entity pages and timelines (``storage.entities_read``)."""
        raise NotImplementedError(f"{type(self).__name__} has no entity views")

    @abc.abstractmethod
    def close(self) -> None:
        """Release the connection; further calls fail."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
