"""The quotation endpoints against a real server: the cluster list with counts, filters, orders and paging, one
cluster's evidence (speaker vote, first seen, conflict sides, drift diff), and clear errors."""
from __future__ import annotations

import urllib.parse

import pytest

from .conftest import get, get_json
from .conftest import serving
from .quotation_fixture import WORDS, make_db


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serving(make_db(tmp_path_factory.mktemp("quotations"))) as base:
        yield base


def _list(server: str, **params) -> dict:
    status, body = get_json(f"{server}/api/v1/quotations?{urllib.parse.urlencode(params)}")
    assert status == 200, body
    return body


def test_the_list_is_one_row_per_quotation_most_reported_first(server):
    body = _list(server)
    rows = body["quotations"]
    assert [r["occurrences"] for r in rows] == [4, 1] and body["next_cursor"] is None and body["complete"]
    chief = rows[0]
    assert chief["text"] == WORDS
    assert (chief["speaker"], chief["speaker_votes"], chief["votes"]) == ("Rosa Delgado", 3, 4)
    assert chief["first_seen"] == {"published": "2024-06-10", "article": "fire-1", "source": "valley-news.example"}
    assert chief["conflict"] and chief["drifted"] == 1 and not rows[1]["conflict"]


def test_conflicts_filter_first_seen_order_and_cursor_paging(server):
    assert [r["speaker"] for r in _list(server, conflicts="true")["quotations"]] == ["Rosa Delgado"]
    assert [r["first_seen"]["article"] for r in _list(server, order="first_seen")["quotations"]] == [
        "fire-1", "park-1"]
    first = _list(server, limit=1)
    assert len(first["quotations"]) == 1 and first["next_cursor"]
    second = _list(server, limit=1, cursor=first["next_cursor"])
    assert [r["occurrences"] for r in second["quotations"]] == [1] and second["next_cursor"] is None


def test_one_quotation_has_its_vote_conflict_sides_and_drift(server):
    cluster_id = _list(server)["quotations"][0]["id"]
    status, page = get_json(f"{server}/api/v1/quotations/{cluster_id}")
    assert status == 200
    assert page["reports"] == 4 and page["speaker"] == "Rosa Delgado"
    assert {s["name"]: s["articles"] for s in page["conflicts"]} == {
        "Rosa Delgado": ["fire-1", "fire-2", "fire-3"], "Peter Lang": ["fire-4"]}
    assert [d["article"] for d in page["drift"]] == ["fire-3"]
    assert "[-time-] {+money+}" in page["drift"][0]["drift"]["inline"]
    trimmed = next(o for o in page["occurrences"] if o["article"] == "fire-2")
    assert trimmed["drift"]["excerpt"] and not trimmed["drift"]["drifted"]
    assert [day for day, _ in page["by_day"]] == ["2024-06-10", "2024-06-11", "2024-06-12", "2024-07-02"]


@pytest.mark.parametrize("path, status", [
    ("/api/v1/quotations/999999", 404),
    ("/api/v1/quotations/not-a-number", 422),
    ("/api/v1/quotations?order=loudest", 422),
    ("/api/v1/quotations?limit=0", 422),
    ("/api/v1/quotations?limit=1000", 422),
    ("/api/v1/quotations?cursor=%21%21", 400),
])
def test_bad_requests_are_json_errors(server, path, status):
    code, headers, body = get(server + path)
    assert code == status and headers["content-type"].startswith("application/json")
    assert "Traceback" not in body and '"error"' in body
    if status == 404:
        assert "#999999" in body


def test_an_unknown_quotation_page_is_a_404_page(server):
    code, headers, body = get(server + "/quotations/999999")
    assert code == 404 and headers["content-type"].startswith("text/html") and "#999999" in body
