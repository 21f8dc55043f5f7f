"""Quotation clusters (issue 18) in the API and the web reader: the list of unique quotations and one quotation's
page, each one query-layer call (``query.quotations`` / ``query.quotation``) answered as its ``as_dict()``.

Kept apart from :mod:`.api` and :mod:`.web` so the cluster views grow without touching the other pages.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from .. import query
from ..storage import Store
from . import charts
from .api import Cursor, Limit, Offset, _paged, start_of, store_of
from .web import render

api_router = APIRouter(prefix="/api/v1")
web_router = APIRouter(include_in_schema=False)
routers = (api_router, web_router)

#: The API's names for the orders the query layer knows.
ORDERS = {"count": "occurrences", "first_seen": "first_seen"}
Order = Literal["count", "first_seen"]
PAGE = 50


def _page(store: Store, conflicts: bool, order: str, limit: int, offset: int) -> dict[str, Any]:
    """One page of cluster rows; one row more is asked for to know whether another page follows."""
    rows = query.quotations(store, conflicts=conflicts, order=ORDERS[order], limit=limit + 1, offset=offset)
    more = len(rows) > limit
    return {"quotations": [r.as_dict() for r in rows[:limit]], "offset": offset,
            "next_offset": offset + limit if more else None, "complete": query.clusters_complete(store)}


def _found(store: Store, cluster_id: int) -> query.Quotation:
    found = query.quotation(store, cluster_id)
    if found is None:
        raise HTTPException(404, f"no quotation cluster #{cluster_id}")
    return found


@api_router.get("/quotations", summary="Unique quotations with their counts: most reported or earliest first, "
                "optionally only those whose attributions conflict")
def quotations_api(request: Request, conflicts: bool = False, order: Order = "count", limit: Limit = 50,
                   cursor: Cursor = None, offset: Offset = None) -> dict[str, Any]:
    return _paged(_page(store_of(request), conflicts, order, limit, start_of(cursor, offset)))


@api_router.get("/quotations/{cluster_id}", summary="One quotation: canonical text, speaker vote, first seen, "
                "occurrences over time, conflicts with the articles on each side, drift as word diffs")
def quotation_api(request: Request, cluster_id: int) -> dict[str, Any]:
    return _found(store_of(request), cluster_id).as_dict()


def by_month(by_day: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Day counts summed per month, for the month chart; undated stays undated."""
    months: Counter = Counter()
    for day, n in by_day:
        months[day[:7] if day[:4].isdigit() else day] += n
    return sorted(months.items())


@web_router.get("/quotations", response_class=HTMLResponse)
def quotations_page(request: Request, conflicts: bool = False, order: Order = "count",
                    offset: int = Query(0, ge=0, le=100_000)) -> HTMLResponse:
    page = _page(store_of(request), conflicts, order, PAGE, offset)
    params = {"conflicts": "true" if conflicts else None, "order": order if order != "count" else None}

    def link(**extra: Any) -> str:
        chosen = {k: v for k, v in {**params, **extra}.items() if v not in (None, "", 0)}
        return "/quotations" + ("?" + urlencode(chosen) if chosen else "")

    more = link(offset=page["next_offset"]) if page["next_offset"] is not None else None
    return render("quotations.html", page=page, conflicts=conflicts, order=order, link=link, more=more)


@web_router.get("/quotations/{cluster_id}", response_class=HTMLResponse)
def quotation_page(request: Request, cluster_id: int) -> HTMLResponse:
    found = _found(store_of(request), cluster_id)
    chart = charts.month_chart(by_month(found.by_day), "reports", "independent reports per month")
    return render("quotation.html", c=found.as_dict(), chart=chart)

