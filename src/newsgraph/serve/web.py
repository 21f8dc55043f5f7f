"""The web reader: server-rendered pages over the same query calls as the API. Jinja2 escapes every value; the
only markup from our own code is built in :mod:`.markup` and :mod:`.charts`, which escape the text first."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote, quote_plus, urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import query
from ..query.articles import article_view
from ..query.facets import search_with_facets
from ..storage import SearchFilters
from . import charts, markup
from .api import DATE, MAX_QUERY, store_of

router = APIRouter(include_in_schema=False)
# auto_reload off: the templates are package files, and checking their times cost a stat() per template per page.
env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), auto_reload=False,
                  autoescape=select_autoescape(default=True, default_for_string=True))
env.filters["path"] = lambda value: quote(str(value), safe="")
env.globals["snippet_html"] = markup.snippet_html
PAGE = 20


def name_param():
    """A new Query for each name filter: one Query object shared by several parameters takes the first one's name as
    its alias, so ``entity=``, ``speaker=`` and ``story=`` were read from ``outlet=``."""
    return Query(None, max_length=200)


FILTERS = ("since", "until", "outlet", "entity", "speaker", "story")


def render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(env.get_template(name).render(**context), status_code=status_code)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render("error.html", status, status=status, message=message)


def _link(**params: Any) -> str:
    return "/?" + urlencode({k: v for k, v in params.items() if v not in (None, "")})


class _Narrow:
    """``narrow(**extra)``: the link of this search with ``extra`` parameters changed (what ``_link(**base,
    **extra)`` writes, the same text), its unchanged parameters encoded once: a page has 30-odd facet links."""

    def __init__(self, base: dict[str, Any]):
        self.base = base
        self.encoded = {k: f"{quote_plus(k)}={quote_plus(str(v))}" for k, v in base.items() if v not in (None, "")}

    def __call__(self, **extra: Any) -> str:
        parts = []
        for k, v in {**self.base, **extra}.items():
            if v in (None, ""):
                continue
            parts.append(self.encoded[k] if k not in extra and k in self.encoded else
                         f"{quote_plus(str(k))}={quote_plus(str(v))}")
        return "/?" + "&".join(parts)


#: The reader's date fields: a date as the API takes it, or nothing (a form sends its empty fields as ``since=``).
FORM_DATE = f"(?:{DATE})|^$"
#: The same, as the fields' ``pattern`` (anchored by the browser), so a malformed date is refused before sending,
#: and the fields' hint.
env.globals["DATE_PATTERN"] = DATE.removeprefix("^").removesuffix("$")
env.globals["DATE_HINT"] = "a year, a month (2024-03) or a day (2024-03-15)"


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, q: str = Query("", max_length=MAX_QUERY),
                since: Optional[str] = Query(None, pattern=FORM_DATE),
                until: Optional[str] = Query(None, pattern=FORM_DATE),
                outlet: Optional[str] = name_param(), entity: Optional[str] = name_param(),
                speaker: Optional[str] = name_param(), story: Optional[str] = name_param(),
                offset: int = Query(0, ge=0, le=100_000)) -> HTMLResponse:
    store = store_of(request)
    since, until = since or None, until or None
    chosen = {"since": since, "until": until, "outlet": outlet, "entity": entity, "speaker": speaker,
              "story": story}
    context: dict[str, Any] = {"q": q, "chosen": chosen, "articles": store.count(), "page": None}
    if q.strip():
        # The people the speaker name means, looked up once: the search takes the filters with their ids.
        filters, speakers = query.speaker_filters(store, SearchFilters(since=since, until=until, source=outlet,
                                                                       entity=entity, story=story, speaker=speaker))
        page, facets = search_with_facets(store, q, filters, limit=PAGE, offset=offset)
        base = {"q": q, **chosen}
        # drawn at the side column's width, so its labels show at their set size
        chart = charts.month_chart(facets.months, "articles", "matching articles per month", charts.SIDE_WIDTH,
                                   charts.SIDE_HEIGHT)
        context.update(page=page, facets=facets, speakers=speakers, chart=chart,
                       next_link=_link(**base, offset=page.next_offset) if page.next_offset else None,
                       prev_link=_link(**base, offset=max(0, offset - PAGE)) if offset else None,
                       narrow=_Narrow(base))
    return render("search.html", **context)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    store = store_of(request)
    view = article_view(store, article_id)
    if view is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    record = view.record
    colours = markup.speaker_colours(view.spans)
    copies = query.story(store, record.get("story") or record["id"])
    return render("article.html", r=record, body=markup.article_html(record["text"], view.spans, colours),
                  colours=colours, copies=copies.members if copies else [])


@router.get("/entities/{name:path}", response_class=HTMLResponse)
def entity_page(request: Request, name: str) -> HTMLResponse:
    store = store_of(request)

    def read():
        with store.snapshot():  # one state of the store for the page; its quotes by and about share their reads
            page = query.entity(store, name)
            if page is None:
                return None
            return page, query.quotes_about(store, name, limit=20), query.talks_about(store, entity=name, limit=20)
    # Kept for the process while the store is unchanged (serve --cache): a person's page is asked for again
    # and again, and its reads are 2-30 ms of CPU at 10^6 articles.
    found = store.kept(("entity page", name), read)
    if found is None:
        raise HTTPException(404, f"no stored entity matches {name!r}")
    page, about, edges = found
    return render("entity.html", e=page, about=about, edges=edges,
                  chart=charts.month_chart(page.mentions_by_month, "mentions", f"mentions of {page.name} per month"))


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, speaker: Optional[str] = Query(None, max_length=200),
                about: Optional[str] = Query(None, max_length=200),
                kind: Optional[str] = Query(None, pattern="^(direct|mixed|indirect)?$"),
                since: Optional[str] = Query(None, pattern=FORM_DATE),
                until: Optional[str] = Query(None, pattern=FORM_DATE),
                offset: int = Query(0, ge=0, le=100_000)) -> HTMLResponse:
    since, until = since or None, until or None
    page = query.quotes_page(store_of(request), speaker=speaker or None, about=about or None, kind=kind or None,
                             since=since, until=until, limit=50, offset=offset)
    params = {"speaker": speaker, "about": about, "kind": kind, "since": since, "until": until}
    more = None
    if page.next_offset is not None:
        more = "/quotes?" + urlencode({k: v for k, v in {**params, "offset": page.next_offset}.items() if v})
    return render("quotes.html", page=page, params=params, more=more)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    found = query.story(store_of(request), story_id)
    if found is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    return render("story.html", s=found)
