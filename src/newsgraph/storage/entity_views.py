"""The entity page's read side (``storage.base.EntityViews``), once for both backends: each backend gives its SQL
(:class:`ViewsSQL`, in its own dialect) and three small helpers, and the Python around the SQL is this class.

An entity is *selected* by its global id (every linked per-article entity) or, for a name never linked, by its exact
case-insensitive name among the rows without a global id. Only current revisions count; quotes from copies
(``duplicate_of`` set) count only with ``include_copies``. The page's counts (articles, names, roles, months,
co-occurring entities, who speaks about it) come from the counts kept at ingest (:mod:`.entity_stats`), so they cost
the same for a person in five articles as in fifty thousand; quotes and timelines read the entity's rows.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterator, Optional, Sequence

from . import entity_stats as stats
from .words import TOP
from .base import (ArticleFacets, ArticleMentions, EntityCount, EntityOccurrence, EntityRef, EntitySummary,
                   QuoteEdge, QuoteHit, SpeakerCount)

_CHUNK = 500
#: Which way an entity's newest articles are found. Walking all articles newest first through the date index costs
#: about (articles) / (entity's articles) tests per article found, and a page needs a few dozen; sorting the entity's
#: own rows costs one step per row (their number grows with the store: 44,000 for the most named person of 10^6
#: synthetic articles). Measured at 10^5, a walk test costs about 2.5 sorted rows, so the walk wins once the
#: entity's articles exceed ``sqrt(WALK_RATIO * articles)``: 3,162 at 10^5 (3 %), 10,000 at 10^6 (1 %). A fixed
#: share (1 %) walked 3,200 articles for a person in 1.5 % of 10^5 (50-60 ms) where sorting 1,499 rows takes ~9.
WALK_RATIO = 100


@dataclass(frozen=True)
class ViewsSQL:
    """One backend's statements. ``{where}`` is filled with :meth:`EntityViewsBase._where` (the entity's rows),
    ``{batch}``/``{ids}`` with :meth:`EntityViewsBase._in`, ``{copies}`` with the copy condition; parameters are
    passed in that order (the entity's, then the batch's, then a limit), so ``{where}`` comes first in the text."""

    param: str  # the driver's placeholder
    resolve_exact: str  # (key, name, key, limit) -> (global_id, name, articles)
    resolve_unlinked: str  # (ekey,) -> (name, articles) from the kept counts
    resolve_substring: str  # (key, limit) -> (global_id, name, articles)
    rows: str  # {where} -> (article, published, name, type, roles, duplicate_of, mentions)
    quotes_by: str  # {where} {batch} {copies} -> QuoteHit columns, newest first; (limit) last
    article_order: str  # {where}, {copies} -> article pks newest first
    article_span: str  # () -> the greatest article pk (a bound on how many articles there are)
    walk_dated: str  # {copies} {where}; (newest, newest, below pk, *where, limit) -> (pk, published), newest first
    walk_ties: str  # {copies} {where}; (published, below pk, *where) -> (pk, published) of that date
    walk_undated: str  # {copies} {where}; (after pk, *where, limit) -> (pk, published) undated, by pk
    quotes_about: str  # {where} {batch} {copies} -> QuoteHit columns, newest first; (limit) last
    per_article: str  # {where} {copies} -> (published, mentions, quotes)
    edges: str  # {pairs} {where}; (limit) last -> (speaker, about name, about global id, n)
    edge_pairs_all: str  # every (quote pk, entity pk) pair of a quote about an entity
    edge_pairs_ref: str  # {about} {spoke}: pairs involving one entity
    facet_heads: str  # {ids} -> (id, revision, published, source)
    facet_names: str  # {ids} -> (article, revision, name, type)
    stats_head: str  # (ekey) -> (facet, value, is_copy, n) of the head facets
    stats_facet: str  # (ekey, facet, max is_copy) -> (value, n), n > 0
    stats_top: str  # (ekey, facet, max is_copy, limit) -> (value, n), most first then value
    stats_cut: str  # (ekey, facet, max is_copy, limit - 1) -> (value, n) of n at least the limit-th largest n
    alias_names: str  # {ids} -> (ekey, name) with n > 0
    global_names: str  # {ids} -> (global id, name)
    stats_cut_own: Optional[str] = None  # (ekey, facet, ekey, facet, limit - 1): stats_cut of is_copy 0 rows only
    stats_top_own: Optional[str] = None  # (ekey, facet, limit): stats_top of is_copy 0 rows only


class EntityViewsBase:
    """Shared Python of both backends' entity views; a subclass sets :attr:`sql` and :meth:`_all`."""

    sql: ViewsSQL
    #: Results kept by :meth:`_once` while the instance serves one consistent read (a store's ``snapshot()``);
    #: None: nothing is kept.
    _memo: Optional[dict] = None

    def _all(self, sql: str, params: Sequence[Any]) -> list:
        raise NotImplementedError

    def _once(self, sql: str, params: Sequence[Any]) -> list:
        """:meth:`_all`, answered again from memory inside one snapshot: an entity page asks for the same head,
        article span and article order for its quotes by and about the entity (the order is the entity's every row
        sorted: ~1 us a row, 10,000 rows at 10^6 for a name just under the walk threshold)."""
        if self._memo is None:
            return self._all(sql, params)
        key = (sql, tuple(params))
        if key not in self._memo:
            self._memo[key] = self._all(sql, params)
        return self._memo[key]

    def _in(self, column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
        """``column`` is one of ``values`` (never called with none)."""
        raise NotImplementedError

    def _where(self, ref: EntityRef, alias: str = "e") -> tuple[str, list[Any]]:
        """The entity's rows: its global id when linked, else its exact name key among rows never linked."""
        p = self.sql.param
        if ref.global_id:
            return f"{alias}.global_id = {p}", [ref.global_id]
        return f"{alias}.name_key = {p} AND coalesce({alias}.global_id, '') = ''", [ref.name_key]

    @staticmethod
    def _copies(include_copies: bool, column: str) -> str:
        return "" if include_copies else f" AND {column} IS NULL"

    # -- lookups -------------------------------------------------------------------------------------------------

    def resolve(self, name: str, limit: int = 5) -> list[EntityCount]:
        """Entities a user may mean by ``name``, most named first: exact matches (global id, canonical name, any
        per-article name) come first; substrings only when none."""
        key = name.casefold().strip()
        exact = self._all(self.sql.resolve_exact, (key, name.strip(), key, limit))
        # Never-linked rows of exactly that name (an unlinked store has only these), from the kept counts, so an
        # exact name never falls through to the substring scan below and costs the same however often it is named.
        unlinked = self._all(self.sql.resolve_unlinked, (stats.entity_key(None, key),))
        if unlinked and unlinked[0][1]:
            exact = sorted([*exact, (None, unlinked[0][0], unlinked[0][1])], key=lambda r: -int(r[2]))[:limit]
        if exact:
            return [EntityCount(r[0], r[1], int(r[2])) for r in exact]
        return [EntityCount(r[0], r[1], int(r[2])) for r in self._all(self.sql.resolve_substring, (key, limit))]

    def rows(self, ref: EntityRef) -> list[EntityOccurrence]:
        """Every current per-article occurrence: article, published, name, type, roles, mention count."""
        where, params = self._where(ref)
        return [EntityOccurrence(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), r[5], int(r[6]))
                for r in self._all(self.sql.rows.format(where=where), params)]

    # -- from the kept counts ------------------------------------------------------------------------------------

    def summary(self, ref: EntityRef, include_copies: bool = False) -> Optional[EntitySummary]:
        """Articles, names, roles, types and mentions by month of the entity, from the kept counts."""
        return stats.summary(self._once(self.sql.stats_head, (stats.ref_key(ref),)), include_copies)

    def _names(self, ekeys: list[str]) -> dict[str, str]:
        aliases: list = []
        names: list = []
        linked = [k[2:] for k in ekeys if k.startswith("g:")]
        for start in range(0, len(ekeys), _CHUNK):  # a bounded number of parameters per statement
            ids, params = self._in("ekey", ekeys[start:start + _CHUNK])
            aliases += self._all(self.sql.alias_names.format(ids=ids), params)
        for start in range(0, len(linked), _CHUNK):
            ids, params = self._in("id", linked[start:start + _CHUNK])
            names += self._all(self.sql.global_names.format(ids=ids), params)
        return stats.display_names(aliases, names)

    def cooccurring(self, ref: EntityRef, limit: int = 10, include_copies: bool = False) -> list[EntityCount]:
        """Other entities named in the same current articles (copies only with ``include_copies``), most articles
        together first."""
        return stats.cooccurring(self._cut(stats.ref_key(ref), "cooc", int(include_copies), limit), limit,
                                 self._names)

    def _cut(self, ekey: str, facet: str, copies: int, limit: int) -> list:
        """The (value, n) rows that can make a top ``limit`` (every row tied with the ``limit``-th included), cut
        in the database: a person named in 4,420 articles has 7,500 co-occurring entities, which cost more to
        fetch and sort in Python than the rest of the page. What :func:`stats.top` and :func:`stats.edges` keep of
        all the rows is within these, so they rank them to the same result."""
        if limit <= 0:
            return []
        if not copies and self.sql.stats_cut_own:
            return self._all(self.sql.stats_cut_own, (ekey, facet, ekey, facet, limit - 1))
        return self._all(self.sql.stats_cut, (ekey, facet, copies, limit - 1))

    def quoted_by(self, ref: EntityRef, include_copies: bool = False, limit: int = 10) -> list[SpeakerCount]:
        """Who speaks about the entity, most quotes first; unresolved speakers included."""
        if not include_copies and self.sql.stats_top_own:  # one row per value: no sum, the top read in order
            rows = self._all(self.sql.stats_top_own, (stats.ref_key(ref), "heard", limit))
        else:
            rows = self._all(self.sql.stats_top, (stats.ref_key(ref), "heard", int(include_copies), limit))
        return [SpeakerCount(r[0], int(r[1])) for r in rows]

    def edges(self, ref: Optional[EntityRef] = None, articles: Optional[Sequence[str]] = None,
              include_copies: bool = False, limit: int = 50) -> list[QuoteEdge]:
        """Speaker -> spoken-about entity pairs, most quotes first (one per quote and entity row it is about).
        Around one entity alone, from the kept counts; within given articles, or for every pair, from the rows."""
        if articles is not None and not articles:
            return []
        if ref is not None and articles is None:
            ekey = stats.ref_key(ref)
            heard = self._cut(ekey, "heard", int(include_copies), limit)
            said = self._cut(ekey, "said", int(include_copies), limit)
            return stats.edges(ekey, heard, said, limit, self._names)
        where, params = ["a.current"], []
        if not include_copies:
            where.append("a.duplicate_of IS NULL")
        if articles is not None:
            clause, ids = self._in("a.id", list(articles))
            where.append(clause)
            params += ids
        if ref is None:
            pairs, pair_params = self.sql.edge_pairs_all, []
        else:
            about, about_params = self._where(ref, "e")
            spoke, spoke_params = self._where(ref, "se")
            pairs, pair_params = self.sql.edge_pairs_ref.format(about=about, spoke=spoke), about_params + spoke_params
        sql = self.sql.edges.format(pairs=pairs, where=" AND ".join(where))
        return [QuoteEdge(r[0], r[1], r[2], int(r[3])) for r in self._all(sql, [*pair_params, *params, limit])]

    # -- from the rows -------------------------------------------------------------------------------------------

    def _hits(self, rows) -> list[QuoteHit]:
        return [QuoteHit(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]

    def quotes_by(self, ref: EntityRef, include_copies: bool = False, limit: int = 20) -> list[QuoteHit]:
        """Quotes the entity speaks, newest article first (a batch of its newest articles at a time)."""
        return self._newest_first(self.sql.quotes_by, ref, include_copies, limit)

    def quotes_about(self, ref: EntityRef, include_copies: bool = False, limit: int = 20) -> list[QuoteHit]:
        """Quotes about the entity, newest article first (a batch of its newest articles at a time)."""
        return self._newest_first(self.sql.quotes_about, ref, include_copies, limit)

    def _newest_first(self, template: str, ref: EntityRef, include_copies: bool, limit: int) -> list[QuoteHit]:
        """Run ``template`` (quotes ordered newest article first) over the entity's articles a batch at a time,
        newest batch first, until ``limit`` quotes are found. The order is article-major, so batches concatenate to
        exactly the one query's result, and a person in thousands of articles costs the quotes of the few newest
        of them (the article order itself comes from covering indexes only)."""
        where, params = self._where(ref)
        copies = self._copies(include_copies, "a.duplicate_of")
        found: list[QuoteHit] = []
        seen, sizes = 0, [16]
        for batch_pks in self._article_batches(ref, where, params, copies, sizes):
            batch, batch_params = self._in("a.pk", batch_pks)
            sql = template.format(where=where, batch=batch, copies=copies)
            found += self._hits(self._all(sql, [*params, *batch_params, limit - len(found)]))
            if len(found) >= limit:
                break
            seen += len(batch_pks)
            # The next batch as large as the quotes found per article so far say the rest needs (a quarter more),
            # not four times the last: each article of a walked batch costs (articles / its articles) tests.
            sizes[0] = min(_next_batch(limit - len(found), len(found), seen, sizes[0]), 512)
        return found

    def _article_batches(self, ref: EntityRef, where: str, params: list[Any], copies: str,
                         sizes: Optional[list[int]] = None) -> Iterator[list[int]]:
        """The entity's current articles as pks, newest first (undated last, ties in storage order), in growing
        batches. An entity named in many articles (:data:`WALK_RATIO`) is found by walking the articles
        newest first through the date index and testing each (a few hundred tests give a batch); a rarer one by
        reading and sorting its own rows, which are few. ``sizes[0]``, when given, is read before each batch after
        the first (the caller sets it from what the batches so far gave); else each batch is four times the last."""
        head = self.summary(ref, include_copies=True)
        total = int(self._once(self.sql.article_span, ())[0][0] or 0)
        size = sizes[0] if sizes else 16

        def grown(size: int) -> int:
            return max(1, sizes[0]) if sizes else min(size * 4, 512)
        if head is None or total <= 0 or head.articles * head.articles < WALK_RATIO * total:
            order = [r[0] for r in self._once(self.sql.article_order.format(where=where, copies=copies), params)]
            start = 0
            while start < len(order):
                yield order[start:start + size]
                start = start + size
                size = grown(size)
            return
        # The walk's articles so far, in page order: inside a snapshot, quotes about the entity go on from where
        # quotes by it left the walk (the same articles, newest first) instead of walking the date index again.
        key = ("walk", where, tuple(params), copies)
        walk = self._memo.get(key) if self._memo is not None else None
        if walk is None:
            walk = _Walk(self, where, params, copies)
            if self._memo is not None:
                self._memo[key] = walk
        pos = 0
        while True:
            while len(walk.pks) < pos + size and not walk.done:
                walk.step(size)
            batch = walk.pks[pos:pos + size]
            if not batch:
                return
            yield batch
            pos, size = pos + len(batch), grown(size)

    def per_article(self, ref: EntityRef, include_copies: bool = False) -> list[ArticleMentions]:
        """Mentions and quotes by the entity per current article naming it, for timelines."""
        where, params = self._where(ref)
        sql = self.sql.per_article.format(where=where, copies=self._copies(include_copies, "s.duplicate_of"))
        return [ArticleMentions(r[0], int(r[1]), int(r[2])) for r in self._all(sql, params)]

    def article_facets(self, articles: Sequence[str]) -> list[ArticleFacets]:
        """Facet values of current revisions from narrow rows: no record is parsed."""
        ids = list(dict.fromkeys(articles))
        if not ids:
            return []
        heads_in, heads_params = self._in("a.id", ids)
        names_in, names_params = self._in("e.article", ids)
        return ArticleFacets.gather(self._all(self.sql.facet_heads.format(ids=heads_in), heads_params),
                                    self._all(self.sql.facet_names.format(ids=names_in), names_params))


def _next_batch(wanted: int, found: int, seen: int, last: int) -> int:
    """Articles the next batch should hold to give ``wanted`` more quotes, ``found`` having come from ``seen``
    articles; four times ``last`` while none has come."""
    if found <= 0:
        return last * 4
    return -(-wanted * seen * 5 // (found * 4)) + 1


class _Walk:
    """An entity's current articles found by walking every article newest first through the date index (dated
    ones, then undated by pk), kept as pks in page order: newest first, one date's articles in storage order. Each
    :meth:`step` walks on by about ``size`` found articles (a date is never split between steps, so the order within
    it can be made whole)."""

    def __init__(self, views: EntityViewsBase, where: str, params: list[Any], copies: str):
        self.views, self.params = views, params
        self.dated = views.sql.walk_dated.format(where=where, copies=copies)
        self.ties = views.sql.walk_ties.format(where=where, copies=copies)
        self.undated = views.sql.walk_undated.format(where=where, copies=copies)
        self.pks: list[int] = []
        self.done = False
        self.newest, self.below = TOP, 0  # keyset: the walk continues after (published, pk) of the last step
        self.after: Optional[int] = None  # past the dated articles: the undated ones after this pk

    def step(self, size: int) -> None:
        run = self.views._all
        if self.after is None:
            rows = [(r[0], r[1]) for r in run(self.dated, [self.newest, self.newest, self.below, *self.params, size])]
            if rows:
                last = rows[-1][1]
                if len(rows) == size:  # the rest of the last date's articles belong in this step (ties by pk)
                    rows += [(r[0], r[1]) for r in run(self.ties, [last, rows[-1][0], *self.params])]
                self.pks += [pk for pk, _ in sorted(rows, key=lambda r: (r[1], -r[0]), reverse=True)]
                self.newest, self.below = last, -1
            if len(rows) < size:
                self.after = 0
            return
        rows = run(self.undated, [self.after, *self.params, size])
        self.pks += [r[0] for r in rows]
        if len(rows) < size:
            self.done = True
        else:
            self.after = rows[-1][0]
