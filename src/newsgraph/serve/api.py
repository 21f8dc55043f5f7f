"""The JSON API, ``/api/v1/…``: each endpoint is one query-layer call and answers its typed result ``as_dict()``.

Paging is by an opaque ``cursor`` (the ``next_cursor`` of the previous page), so the paging scheme can change without
breaking clients; an explicit ``offset`` (0 or more) is taken too, for a client that jumps to a page.
"""
from __future__ import annotations

import base64
import binascii
from datetime import date
from typing import Annotated, Any, Literal, Optional

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import AfterValidator

from .. import query
from ..query.articles import article_view
from ..query.facets import search_facets
from ..storage import SearchFilters, Store
from ..storage.dates import utc

router = APIRouter(prefix="/api/v1")

MAX_QUERY = 500  # characters: a search box, not a document
MAX_PAGE = 100
#: ISO 8601 at any precision the store compares at: 2024, 2024-03, 2024-03-12, 2024-03-12T09:40…
DATE = r"^\d{4}(-\d{2}(-\d{2}([T ][0-9:.+\-Z]{0,20})?)?)?$"

Text = Annotated[Optional[str], Query(max_length=200)]


def real_date(value: Optional[str]) -> Optional[str]:
    """The pattern lets 2024-99-99 through; a calendar check makes it a 422, as the CLI's --since/--until do."""
    if value is not None:
        year, month, day = (value[:10].split("-") + ["01", "01"])[:3]
        date(int(year), int(month), int(day))  # ValueError -> 422 with the reason
    return utc(value)  # a bound with a zone compares as its UTC time, as the stored dates do; others as written


Date = Annotated[Optional[str], Query(pattern=DATE, description="ISO 8601 date at any precision (2024, 2024-03); compared in UTC"),
                 AfterValidator(real_date)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Cursor = Annotated[Optional[str], Query(max_length=64, description="next_cursor of the previous page")]
MAX_OFFSET = 100_000  # as the web reader's pages: deeper than anyone pages by hand


def natural(value: Optional[int]) -> Optional[int]:
    """An offset counts results from 0: a negative one is a 422 that says so, never read as 0."""
    if value is not None and value < 0:
        raise ValueError(f"{value} is negative: the first result is offset 0")
    return value


Offset = Annotated[Optional[int], Query(le=MAX_OFFSET, description="results to skip (instead of a cursor)"),
                   AfterValidator(natural)]


def store_of(request: Request) -> Store:
    return request.app.state.pool.get()


def encode_cursor(offset: Optional[int]) -> Optional[str]:
    return None if offset is None else base64.urlsafe_b64encode(f"o{offset}".encode()).decode().rstrip("=")


def start_of(cursor: Optional[str], offset: Optional[int]) -> int:
    """Where a page starts: the ``cursor`` of the previous page, or an explicit ``offset`` (not both)."""
    if cursor and offset is not None:
        raise HTTPException(400, "give a cursor or an offset, not both")
    return offset if offset is not None else decode_cursor(cursor)


def decode_cursor(cursor: Optional[str]) -> int:
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if raw[:1] == "o" and raw[1:].isdigit():
            return int(raw[1:])
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise HTTPException(400, f"bad cursor {cursor!r}: pass the next_cursor of a previous page")


def _paged(result: dict[str, Any]) -> dict[str, Any]:
    """The result's shape, with its ``next_offset`` also given as the opaque ``next_cursor``."""
    return {**result, "next_cursor": encode_cursor(result.get("next_offset"))}


def _speakers(people: list) -> list[dict[str, str]]:
    """The people of the cross-article registry a ``speaker`` filter means (every one of them is matched), so a
    client can say when a name such as a shared surname means several; empty without a speaker filter or for a
    store that was never linked."""
    return [{"global_id": p.global_id, "name": p.name, "type": p.type} for p in people]


def _filters(since, until, outlet, entity, speaker, story) -> SearchFilters:
    return SearchFilters(since=since, until=until, source=outlet, entity=entity, story=story, speaker=speaker)


@router.get("/search", summary="Full-text search with filters, a total count (exact up to 10,000) and cursor paging")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY)], since: Date = None,
           until: Date = None, outlet: Text = None, entity: Text = None, speaker: Text = None, story: Text = None,
           limit: Limit = 20, cursor: Cursor = None, offset: Offset = None) -> dict[str, Any]:
    store = store_of(request)
    # The people the speaker name means, looked up once: the page's search takes the filters with their ids.
    filters, people = query.speaker_filters(store, _filters(since, until, outlet, entity, speaker, story))
    page = query.search_page(store, q, filters, limit=limit, offset=start_of(cursor, offset))
    return {**_paged(page.as_dict()), "speakers": _speakers(people)}


@router.get("/search/facets", summary="Months, outlets, people and organisations among the best matches")
def facets(request: Request, q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY)], since: Date = None,
           until: Date = None, outlet: Text = None, entity: Text = None, speaker: Text = None,
           story: Text = None) -> dict[str, Any]:
    filters = _filters(since, until, outlet, entity, speaker, story)
    return search_facets(store_of(request), q, filters).as_dict()


@router.get("/articles/{article_id}", summary="An article's output record and every annotation as a text span")
def article(request: Request, article_id: str) -> dict[str, Any]:
    view = article_view(store_of(request), article_id)
    if view is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return view.as_dict()


@router.get("/quotes", summary="Quotes by speaker, about an entity, by kind and date, newest first")
def quotes(request: Request, speaker: Text = None, about: Text = None,
           kind: Optional[Literal["direct", "mixed", "indirect"]] = None, since: Date = None, until: Date = None,
           include_copies: bool = False, limit: Limit = 50, cursor: Cursor = None,
           offset: Offset = None) -> dict[str, Any]:
    store = store_of(request)
    page = query.quotes_page(store, speaker=speaker, about=about, kind=kind, since=since, until=until,
                             limit=limit, offset=start_of(cursor, offset), include_copies=include_copies)
    return {**_paged(page.as_dict()), "speakers": _speakers(query.speakers_named(store, speaker) if speaker else [])}


@router.get("/entities/{name:path}", summary="One entity: aliases, roles, quotes by and about, co-occurring, "
            "mentions over time")
def entity(request: Request, name: str, include_copies: bool = False) -> dict[str, Any]:
    page = query.entity(store_of(request), name, include_copies=include_copies)
    if page is None:
        raise HTTPException(404, f"no stored entity matches {name!r}")
    return page.as_dict()


@router.get("/stories/{story_id}", summary="The articles of one story and the fullest of them")
def story(request: Request, story_id: str) -> dict[str, Any]:
    found = query.story(store_of(request), story_id)
    if found is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    return found.as_dict()


@router.get("/timeline/{name:path}", summary="Articles, mentions and quotes of an entity per day or ISO week")
def timeline(request: Request, name: str, by: Literal["day", "week"] = "day",
             include_copies: bool = False) -> dict[str, Any]:
    rows = query.timeline(store_of(request), name, by=by, include_copies=include_copies)
    return {"entity": name, "by": by, "rows": [r.as_dict() for r in rows]}


@router.get("/talks-about", summary="Who talks about whom: speaker -> entity edges with quote counts")
def talks_about(request: Request, entity: Text = None,
                q: Annotated[Optional[str], Query(max_length=MAX_QUERY)] = None, include_copies: bool = False,
                limit: Limit = 50) -> dict[str, Any]:
    if not entity and not q:
        raise HTTPException(400, "name an entity (entity=) or a search query (q=)")
    edges = query.talks_about(store_of(request), entity=entity, query=q, include_copies=include_copies,
                              limit=limit)
    return {"edges": [e.as_dict() for e in edges]}
