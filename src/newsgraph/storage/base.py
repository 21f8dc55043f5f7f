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
import contextlib
import enum
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Optional, Protocol, Sequence

from ..errors import ConfigError, StoreError
from ..model import Article, IndexEntry, QuoteCluster, QuoteOccurrence

#: A broad search is ranked among at most this many of its newest matches unless the caller asks for another
#: ``window`` (0: every match). Why 5,000: full-text engines score every match before sorting (SQLite's FTS5 has
#: no top-k pruning), and 5,000 keeps p95 under 50 ms at 10^6 articles on 2 cores (10,000 did not: 43-54 ms); like
#: news search services that rank recent coverage, older matches are reached with date filters or a deeper window.
SEARCH_WINDOW = 5_000

#: Resume markers with these statuses do not count as done, so the input is tried again on the next run.
RETRY_STATUSES = frozenset({"failed", "error"})


def search_failed(query: str, raw: bool, exc: Exception) -> Exception:
    """What a backend raises when its engine rejects a search: a malformed raw query is the caller's mistake
    (:class:`ConfigError`), any other failure the store's (:class:`StoreError`). Use as ``raise … from exc``."""
    if raw:
        return ConfigError(f"bad search query {query!r}: {exc}")
    return StoreError(f"search failed for {query!r}: {exc}")


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


#: Around each matched term in a search snippet: private-use characters, so brackets or any other character the
#: text itself holds are never taken for a match. Readers turn them into their own marking (``<mark>``, ``[…]``).
MATCH_OPEN, MATCH_CLOSE = "\ue000", "\ue001"


def marked_parts(snippet: str) -> list[tuple[str, bool]]:
    """A snippet as (text, matched) pieces in order; markers without a partner are dropped, never shown."""
    parts: list[tuple[str, bool]] = []
    for i, piece in enumerate(snippet.split(MATCH_OPEN)):
        if i == 0 or MATCH_CLOSE not in piece:
            parts.append((piece.replace(MATCH_CLOSE, ""), False))
            continue
        inside, _, after = piece.partition(MATCH_CLOSE)
        parts += [(inside, True), (after.replace(MATCH_CLOSE, ""), False)]
    return [(text, matched) for text, matched in parts if text]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text match. ``snippet`` has each matched term between :data:`MATCH_OPEN` and :data:`MATCH_CLOSE`
    (U+E000, U+E001); ``score`` is higher for better."""

    id: str
    title: Optional[str]
    published: Optional[str]
    snippet: str
    score: float

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "published": self.published, "snippet": self.snippet,
                "score": self.score}


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Narrowing a search. ``since``/``until`` compare ``published`` at the precision given (as ``quotes`` does);
    ``source`` is the outlet (case-insensitive, exact); ``entity`` matches entity names as a case-insensitive
    substring, or any article linked to the same global entity as an entity of exactly that name; ``story`` is a
    story id (DESIGN.md ``story``); ``speaker``: the article quotes someone whose name matches as in
    :meth:`Store.quotes` (from the start of a word, else a substring); ``speaker_ids``: global entity ids of the
    people that name means in the cross-article registry (``query.speakers_named``), so an article that quotes
    one of them under another name ("Brenner" for "Karl Brenner") passes the speaker filter too."""

    since: Optional[str] = None
    until: Optional[str] = None
    source: Optional[str] = None
    entity: Optional[str] = None
    story: Optional[str] = None
    speaker: Optional[str] = None
    speaker_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryMember:
    """One current article of a story, in storage order; ``length`` is its text length in characters."""

    id: str
    title: Optional[str]
    source: Optional[str]
    published: Optional[str]
    duplicate_of: Optional[str]
    length: int

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "source": self.source, "published": self.published,
                "duplicate_of": self.duplicate_of, "length": self.length}


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """One quotation with where it was said. ``quote`` is the quote's output record (DESIGN.md ``quotes[]``)."""

    speaker: Optional[str]
    article_id: str
    title: Optional[str]
    published: Optional[str]
    quote: dict[str, Any] = field(default_factory=dict)

    @property
    def kind(self) -> Optional[str]:
        """``direct`` (the speaker's own words), ``mixed`` or ``indirect`` (a report of what was said)."""
        return self.quote.get("kind")

    @property
    def text(self) -> Optional[str]:
        return self.quote.get("text")

    def as_dict(self) -> dict[str, Any]:
        """The flat fields a reader scans first, then the quote's whole output record under ``record``."""
        return {"speaker": self.speaker, "kind": self.kind, "text": self.text, "cue": self.quote.get("cue"),
                "article": self.article_id, "title": self.title, "published": self.published,
                "record": self.quote}


@dataclass(frozen=True, slots=True)
class EntityRef:
    """How one entity's rows are found: by ``global_id`` when linked, else by the exact case-folded name."""

    global_id: Optional[str]
    name_key: str


@dataclass(frozen=True, slots=True)
class EntityCount:
    """An entity and the number of current articles behind it (a name lookup's match, a co-named entity)."""

    global_id: Optional[str]
    name: str
    articles: int

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "global_id": self.global_id, "articles": self.articles}


@dataclass(frozen=True, slots=True)
class EntityOccurrence:
    """One entity as one current article names it."""

    article: str
    published: Optional[str]
    name: str
    type: str
    roles: tuple[str, ...]
    duplicate_of: Optional[str]
    mentions: int


@dataclass(slots=True)
class EntitySummary:
    """An entity's page head from the counts kept at ingest: pairs are (value, count), most first (ties by value);
    months (YYYY-MM as ``published`` is written, ``undated`` last) oldest first, those with mentions only.
    ``copies_only``: every article naming it is a copy, so copies are counted although they were not asked for."""

    articles: int
    aliases: list[str]
    roles: list[tuple[str, int]]
    types: list[tuple[str, int]]
    mentions_by_month: list[tuple[str, int]]
    copies_only: bool = False


@dataclass(frozen=True, slots=True)
class ArticleMentions:
    """Per current article naming an entity: when it was published, its mentions and its quotes by the entity."""

    published: Optional[str]
    mentions: int
    quotes: int


@dataclass(frozen=True, slots=True)
class ArticleFacets:
    """What search facets count of one current article: its date, outlet and each entity's (name, type)."""

    id: str
    published: Optional[str]
    source: Optional[str]
    entities: tuple[tuple[str, str], ...]

    @classmethod
    def gather(cls, heads: Iterable[Sequence[Any]], names: Iterable[Sequence[Any]]) -> list["ArticleFacets"]:
        """Each backend's two reads put together: ``heads`` rows (id, revision, published, source), ``names`` rows
        (article, revision, name, type) in the order the entities were stored."""
        by_revision: dict[tuple[str, int], list[tuple[str, str]]] = {}
        for article, revision, name, type_ in names:
            by_revision.setdefault((article, revision), []).append((name, type_))
        return [cls(i, published, source, tuple(by_revision.get((i, revision), ())))
                for i, revision, published, source in heads]


def facets_in_rank_order(views: "EntityViews", ranked: Sequence[str]) -> list[ArticleFacets]:
    """``views.article_facets`` of the ranked article ids, best first: ties among the most common facet values then
    keep the order of the best match."""
    rank = {article_id: i for i, article_id in enumerate(ranked)}
    return sorted(views.article_facets(list(rank)), key=lambda a: rank[a.id])


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    """Who speaks about an entity and how often (``(unknown)`` for an unresolved speaker)."""

    speaker: str
    quotes: int

    def as_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "quotes": self.quotes}


@dataclass(frozen=True, slots=True)
class QuoteEdge:
    """"Who talks about whom": quotes by ``speaker`` (``(unknown)`` when unresolved) about the entity ``about``."""

    speaker: str
    about: str
    about_global_id: Optional[str]
    quotes: int

    def as_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "about": self.about, "about_global_id": self.about_global_id,
                "quotes": self.quotes}


class DedupIndex(Protocol):
    """The near-duplicate index (``newsgraph.dedup`` hashes, the index keeps). ``before`` restricts a lookup to
    articles indexed before that seq. A store's own index (:meth:`Store.dedup_index`) writes an :meth:`add` in the
    same transaction as the next :meth:`Store.put`, so the row and the article are stored together or not at all."""

    def bind(self, params_label: str) -> None:
        """Remember the hashing parameters; raise ``ConfigError`` if the index was built with others."""

    def entry(self, article_id: str) -> Optional[IndexEntry]:
        """The indexed article with this id, or None."""

    def exact(self, content_hash: str, exclude_id: str, before: Optional[int] = None) -> Optional[IndexEntry]:
        """The earliest other article with this content hash."""

    def candidates(self, keys: Sequence[tuple[int, int]], exclude_id: str,
                   before: Optional[int] = None) -> list[IndexEntry]:
        """Other articles sharing at least one ``(band, key)``, earliest first."""

    def add(self, article_id: str, content_hash: str, story: str, duplicate_of: Optional[str], shingles: bytes,
            keys: Sequence[tuple[int, int]], old_keys: Sequence[tuple[int, int]] = ()) -> int:
        """Index an article, or re-index a revised one in place (dropping ``old_keys``); returns its seq."""

    def __len__(self) -> int:
        """Articles indexed."""


class EntityRegistry(Protocol):
    """The cross-article entity registry (``newsgraph.linking`` decides, the registry remembers). Alias keys have
    a ``kind`` (``person``, ``surname``, ``name``, ``acronym``, ``prefix``, ``stem``); writes happen inside
    :meth:`transaction`, one per article."""

    def transaction(self) -> AbstractContextManager[None]:
        """All-or-nothing scope for one article's writes."""

    def lookup(self, alias: str, kind: str) -> list[str]:
        """Global ids with this alias key, oldest entity first."""

    def aliases(self, global_id: str, kind: str) -> list[str]:
        """The entity's alias keys of this kind, sorted."""

    def roles(self, global_id: str) -> set[str]:
        """Roles seen with the entity (folded)."""

    def cooccurring(self, global_id: str, limit: int = 2000) -> set[str]:
        """Global ids named in stored articles that also name ``global_id``."""

    def entity(self, global_id: str) -> Optional[tuple[str, str, str]]:
        """(name, type, kind) of a global entity, or None."""

    def stored_links(self, article_id: str, content_hash: str) -> Optional[dict[str, Optional[str]]]:
        """local entity id -> global id of the current stored revision with this text; None when not stored."""

    def create(self, name: str, type_: str, kind: str) -> str:
        """A new global entity (``kind``: ``person`` or ``other``); returns its id."""

    def rename(self, global_id: str, name: str) -> None:
        """Change the entity's canonical name."""

    def add_aliases(self, global_id: str, aliases: Iterable[tuple[str, str]]) -> None:
        """Add (alias key, kind) pairs; existing ones and empty keys are ignored."""

    def add_roles(self, global_id: str, roles: Iterable[str]) -> None:
        """Add roles (folded); existing ones and empty roles are ignored."""


class EntityViews(Protocol):
    """Read queries over stored entities for entity pages and timelines. Only current revisions count; quotes
    from copies (``duplicate_of`` set) count only with ``include_copies``."""

    def resolve(self, name: str, limit: int = 5) -> list[EntityCount]:
        """Entities a user may mean by ``name``, most named first: exact matches (global id, canonical name, any
        per-article name) when there are any, else substrings of names."""

    def rows(self, ref: EntityRef) -> list[EntityOccurrence]:
        """Every current per-article occurrence of the entity (a name never linked: its rows without a global
        id)."""

    def summary(self, ref: EntityRef, include_copies: bool = False) -> Optional[EntitySummary]:
        """The entity's articles, names, roles, types and mentions by month from the counts kept at ingest
        (``storage.entity_stats``): equal to a recount over :meth:`rows`, at a cost that does not grow with them.
        Copies count only with ``include_copies`` or when every article naming it is a copy; None when no
        current article names it."""

    def cooccurring(self, ref: EntityRef, limit: int = 10, include_copies: bool = False) -> list[EntityCount]:
        """Other entities named in the same current articles (copies only with ``include_copies``, as every other
        count of the entity page), most articles together first, ties by name; from the kept counts."""

    def quotes_by(self, ref: EntityRef, include_copies: bool = False, limit: int = 20) -> list[QuoteHit]:
        """Quotes the entity speaks, newest article first."""

    def quotes_about(self, ref: EntityRef, include_copies: bool = False, limit: int = 20) -> list[QuoteHit]:
        """Quotes about the entity (it is among their ``about``), newest article first."""

    def quoted_by(self, ref: EntityRef, include_copies: bool = False, limit: int = 10) -> list[SpeakerCount]:
        """Who speaks about the entity, most quotes first (one per quote and entity row it is about); from the
        kept counts."""

    def per_article(self, ref: EntityRef, include_copies: bool = False) -> list[ArticleMentions]:
        """Mentions and quotes by the entity per current article naming it, for timelines."""

    def edges(self, ref: Optional[EntityRef] = None, articles: Optional[Sequence[str]] = None,
              include_copies: bool = False, limit: int = 50) -> list[QuoteEdge]:
        """Speaker -> entity-spoken-about pairs with their quote counts, most quotes first: those where the entity
        ``ref`` speaks or is spoken about (every pair when None), within the current ``articles`` (all when None).
        Around ``ref`` alone, from the kept counts."""

    def article_facets(self, articles: Sequence[str]) -> list[ArticleFacets]:
        """Date, outlet and entity names of the current revisions of ``articles`` (in no set order; ids not stored
        are left out), read from narrow rows instead of whole records."""


class QuoteClusters(Protocol):
    """Quotation clusters (``newsgraph.quotebank`` matches and summarises, the store keeps): clusters, their
    occurrences, and an index from word n-gram keys to clusters kept on disk, so memory does not grow with the
    corpus. Like the dedup index, writes join the transaction that the next :meth:`Store.put` commits, so an
    article and its occurrences are stored together or not at all."""

    def indexed(self, article_id: str) -> Optional[str]:
        """The content hash of the article whose quotes are registered under this id, or None."""

    def remove_article(self, article_id: str) -> list[int]:
        """Drop the article's occurrences (a revision replaces them); returns the clusters they were in."""

    def candidates(self, keys: Sequence[int], limit: int = 8) -> list[tuple[int, str]]:
        """(cluster id, canonical words) of clusters sharing keys with ``keys``, most keys shared first."""

    def add(self, occurrence: QuoteOccurrence, cluster: Optional[int], keys: Sequence[int]) -> int:
        """Add an occurrence to ``cluster`` (a new cluster when None) and index its keys; returns the cluster."""

    def mark_indexed(self, article_id: str, content_hash: str) -> None:
        """Remember that this text of the article is registered (also when it has no quotes)."""

    def occurrences(self, cluster: int) -> list[QuoteOccurrence]:
        """The cluster's occurrences, in storage order."""

    def save(self, cluster: QuoteCluster) -> None:
        """Write a cluster's summary row."""

    def drop(self, cluster: int) -> None:
        """Delete an empty cluster; its id is never reused, and its keys no longer find it."""

    def cluster(self, cluster: int) -> Optional[QuoteCluster]:
        """One cluster's summary row, or None."""

    def clusters(self, conflicts: bool = False, order: str = "occurrences", limit: int = 100,
                 offset: int = 0) -> list[QuoteCluster]:
        """Summary rows: ``order`` ``occurrences`` (most reported first) or ``first_seen`` (earliest first)."""

    def complete(self) -> bool:
        """True when every stored article is registered (a store made before clusters needs a rebuild)."""

    def clear(self) -> None:
        """Forget every cluster (a rebuild starts here)."""

    def transaction(self) -> AbstractContextManager[None]:
        """All-or-nothing scope that commits (a rebuild; ingest's writes are committed by ``put``)."""


class Store(Protocol):
    """A knowledge base of articles. Use as a context manager or call :meth:`close`. Backends subclass it to
    inherit the default methods (:meth:`put_many`, :meth:`is_done`, :meth:`story_members`)."""

    @abc.abstractmethod
    def put(self, article: Article) -> PutResult:
        """Store one article atomically, together with any dedup index row added for it since the last put; the
        caller's object is not modified."""

    def put_many(self, articles: Iterable[Article]) -> list[PutResult]:
        """Store articles in order with :meth:`put`'s rules; a store may do it in one transaction (bulk loads)."""
        return [self.put(article) for article in articles]

    @abc.abstractmethod
    def get(self, article_id: str, revision: Optional[int] = None) -> Optional[Article]:
        """The current revision (or the given one) of an article, or None."""

    @abc.abstractmethod
    def revisions(self, article_id: str) -> list[int]:
        """Every stored revision number of an article, oldest first (empty when not stored)."""

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
        rank among at most this many of the newest matches (None: :data:`SEARCH_WINDOW`; 0: every match).
        """

    def ranking_depth(self, window: Optional[int] = None, deepest: int = 0) -> Optional[int]:
        """How many of the newest matches a search with ``window`` ranks among (what :meth:`search` documents:
        None asks for the store's ``search_window``, 0 for every match, answered None), never fewer than the
        ``deepest`` hits it reaches (a page past the window is ranked among as many as it needs)."""
        depth = getattr(self, "search_window", SEARCH_WINDOW) if window is None else (window or None)
        return None if depth is None else max(depth, deepest)

    def search_ids(self, query: str, limit: int = 20, offset: int = 0, *, filters: Optional[SearchFilters] = None,
                   window: Optional[int] = None) -> list[str]:
        """The ids :meth:`search` returns, in its order, without making snippets (search facets need only the
        ids of the best matches). This default calls :meth:`search`; a backend may rank alone."""
        return [hit.id for hit in self.search(query, limit, offset, filters=filters, window=window)]

    def search_with_top(self, query: str, limit: int = 20, offset: int = 0, *, top: int = 100,
                        filters: Optional[SearchFilters] = None, window: Optional[int] = None,
                        ) -> tuple[list[SearchHit], list[str]]:
        """One page of :meth:`search` (hits ``offset`` to ``offset + limit``) and the ids of the ``top`` best
        matches (what :meth:`search_ids` returns from offset 0), for a page that shows both: the web reader's
        results and their facets. This default asks twice, both ranked among as many newest matches as the
        deeper of the two reaches (what a backend that ranks once and cuts both from it does): a page's hits must
        not depend on whether its facets were asked for."""
        depth = self.ranking_depth(window, max(top, offset + limit))
        hits = self.search(query, limit, offset, filters=filters, window=depth or 0)
        return hits, self.search_ids(query, limit=top, filters=filters, window=depth or 0)

    def search_with_facet_rows(self, query: str, limit: int = 20, offset: int = 0, *, top: int = 100,
                               filters: Optional[SearchFilters] = None, window: Optional[int] = None,
                               ) -> tuple[list[SearchHit], list[str], list["ArticleFacets"]]:
        """:meth:`search_with_top` and the facet rows (``EntityViews.article_facets``) of its ``top`` ids, best match
        first: what the web reader's first page shows. This default reads the rows by id; a backend may read them
        from the ranked rows themselves."""
        hits, ids = self.search_with_top(query, limit, offset, top=top, filters=filters, window=window)
        return hits, ids, facets_in_rank_order(self.entity_views(), ids)

    def search_count(self, query: str, *, raw: bool = False, filters: Optional[SearchFilters] = None,
                     most: Optional[int] = None) -> int:
        """How many current articles :meth:`search` could return for this query and filters (every match, not only
        the ranking window). ``most``: stop counting past it (the answer is then ``most + 1``, meaning "more than
        ``most``"), so a common word's count does not walk all its matches. This default pages through an exact
        search; backends count in one statement."""
        total, page = 0, 1000
        while True:
            got = len(self.search(query, limit=page, offset=total, raw=raw, filters=filters, window=0))
            total += got
            if got < page:
                return total if most is None else min(total, most + 1)
            if most is not None and total > most:
                return most + 1

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

    @abc.abstractmethod
    def dedup_index(self) -> DedupIndex:
        """The near-duplicate index kept in this store (the same object on every call)."""

    @abc.abstractmethod
    def entity_registry(self) -> EntityRegistry:
        """The cross-article entity registry kept in this store."""

    @abc.abstractmethod
    def entity_views(self) -> EntityViews:
        """Read queries over entities for entity pages and timelines."""

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """A block of reads that belong together (one page). A backend may read them from one state of the store and
        answer a repeated read from memory; this default does neither."""
        yield

    def kept(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """``compute()``, or what it gave under ``key`` while the store has not changed since, where the store keeps
        answers (an SQLite store sharing a cache: ``newsgraph serve --cache``). ``compute`` must read only
        this store and depend on nothing but ``key``; a None answer is never kept. This default keeps nothing."""
        return compute()

    def quote_clusters(self) -> Optional[QuoteClusters]:
        """The quotation clusters kept in this store, or None where a backend keeps none (ingest then skips
        clustering)."""
        return None

    @abc.abstractmethod
    def reindex(self, progress: Optional[Callable[[int], None]] = None) -> int:
        """Rebuild the full-text index in the current layout, in one transaction; ``progress(n)`` after each
        batch; returns the number of articles indexed."""

    @abc.abstractmethod
    def optimize(self) -> None:
        """Compact the search index and refresh planner statistics (worth it after a bulk load)."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the connection; further calls fail."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
