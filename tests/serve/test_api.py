"""The JSON API against a real server: shapes are the query layer's as_dict() (what the CLI prints), paging and
counts add up, bad input gets a JSON error with a code and a 4xx, and nothing writes."""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

from .conftest import HOSTILE, get, get_json, newsgraph, serving


def api(server: str, path: str, **params) -> tuple[int, dict]:
    query = urllib.parse.urlencode(params)
    return get_json(f"{server}/api/v1/{urllib.parse.quote(path)}" + (f"?{query}" if query else ""))


def test_search_counts_and_pages_with_a_cursor(server):
    status, first = api(server, "search", q="the", limit=2)
    assert status == 200 and list(first) == ["total", "total_exact", "ranked_among_newest", "offset", "hits", "next_offset",
                                             "next_cursor", "speakers"]
    assert first["total"] >= 5 and first["total_exact"] is True and len(first["hits"]) == 2
    seen, cursor = [h["id"] for h in first["hits"]], first["next_cursor"]
    while cursor:
        _, page = api(server, "search", q="the", limit=2, cursor=cursor)
        seen += [h["id"] for h in page["hits"]]
        cursor = page["next_cursor"]
    assert len(seen) == len(set(seen)) == first["total"]  # every match once, and the count says how many
    assert list(first["hits"][0]) == ["id", "title", "published", "snippet", "score"]


def test_an_offset_pages_as_the_cursor_does_and_a_negative_one_is_422(server):
    _, first = api(server, "search", q="the", limit=2)
    _, by_offset = api(server, "search", q="the", limit=2, offset=2)
    _, by_cursor = api(server, "search", q="the", limit=2, cursor=first["next_cursor"])
    assert by_offset == by_cursor and by_offset["offset"] == 2
    _, quotes = api(server, "quotes", limit=1)
    assert api(server, "quotes", limit=1, offset=1)[1] == api(server, "quotes", limit=1, cursor=quotes["next_cursor"])[1]
    for path, params in (("search", {"q": "the"}), ("quotes", {}), ("quotations", {})):
        status, body = api(server, path, offset=-5, **params)
        assert status == 422 and body["error"]["code"] == "invalid_parameter", (path, body)
        assert "offset" in body["error"]["message"] and "negative" in body["error"]["message"]
    status, body = api(server, "search", q="the", offset=2, cursor=first["next_cursor"])
    assert status == 400 and "not both" in body["error"]["message"]


def test_search_filters(server):
    _, everything = api(server, "search", q="said", limit=100)
    _, march = api(server, "search", q="said", since="2024-03", until="2024-03-31", limit=100)
    assert 0 < march["total"] < everything["total"]
    assert all(h["published"].startswith("2024-03") for h in march["hits"])
    _, by_speaker = api(server, "search", q="said", speaker="kowalczyk")
    assert [h["title"] for h in by_speaker["hits"]] == ["Dock workers in Port Alder walk out over pay"]
    _, nothing = api(server, "search", q="said", outlet="no-such-outlet.example")
    assert nothing == {"total": 0, "total_exact": True, "ranked_among_newest": None, "offset": 0, "hits": [],
                       "next_offset": None, "next_cursor": None, "speakers": []}


def test_search_is_what_the_cli_prints(server, served_db):
    _, page = api(server, "search", q="council", limit=20)
    cli = newsgraph("search", "council", "--db", str(served_db), "--format", "jsonl")
    assert page["hits"] == [json.loads(line) for line in cli.stdout.splitlines()]


def test_article_is_the_record_and_its_spans(server, served_db):
    _, hit = api(server, "search", q="dock workers", limit=1)
    article_id = hit["hits"][0]["id"]
    status, view = api(server, f"articles/{article_id}")
    assert status == 200 and list(view) == ["record", "spans"]
    shown = newsgraph("show", article_id, "--db", str(served_db), "--format", "json")
    assert view["record"] == json.loads(shown.stdout)  # the output record, exactly as `newsgraph show` prints it
    text, record = view["record"]["text"], view["record"]
    quotes = [s for s in view["spans"] if s["type"] == "quote"]
    assert len(quotes) == len(record["quotes"])
    for span in quotes:
        assert text[span["start"]:span["end"]] == record["quotes"][span["ref"]]["text"]
    times = [s for s in view["spans"] if s["type"] == "time"]
    assert all(record["times"][s["ref"]]["value"] in s["label"] for s in times if record["times"][s["ref"]]["value"])
    assert {"quote", "cue", "speaker", "entity", "figure", "time"} <= {s["type"] for s in view["spans"]}


def test_quotes_by_kind_and_paging(server):
    _, direct = api(server, "quotes", kind="direct", limit=1)
    assert list(direct) == ["quotes", "next_offset", "next_cursor", "speakers"] and direct["speakers"] == []
    assert direct["quotes"][0]["kind"] == "direct" and direct["next_cursor"]
    _, more = api(server, "quotes", kind="direct", limit=1, cursor=direct["next_cursor"])
    assert more["quotes"][0]["kind"] == "direct" and more["quotes"] != direct["quotes"]
    _, by = api(server, "quotes", speaker="kowalczyk")
    assert {q["speaker"] for q in by["quotes"]} == {"Marta Kowalczyk"}
    assert list(by["quotes"][0]) == ["speaker", "kind", "text", "cue", "article", "title", "published", "record"]


def test_entity_story_timeline_and_talks_about(server, served_db):
    status, page = api(server, "entities/Marta Kowalczyk")
    cli = newsgraph("entity", "Marta Kowalczyk", "--db", str(served_db), "--format", "jsonl")
    assert status == 200 and page == json.loads(cli.stdout)
    _, timeline = api(server, "timeline/Marta Kowalczyk", by="week")
    assert timeline["by"] == "week" and timeline["rows"][0]["period"].startswith("2024-W")
    article = page["quotes"][0]["article"]
    _, story = api(server, f"stories/{article}")
    assert list(story) == ["story", "members", "fullest", "title", "text"] and story["story"] == article
    _, edges = api(server, "talks-about", q="strike")
    assert edges["edges"] and set(edges["edges"][0]) == {"speaker", "about", "about_global_id", "quotes"}
    _, around = api(server, "talks-about", entity="Port Alder")
    assert all("Port Alder" in (e["about"], e["speaker"]) or e["about"] == "Port Alder" for e in around["edges"])


def test_bad_input_is_a_json_error_never_a_traceback(server):
    cases = [("search", {"q": "x", "limit": 0}, 422), ("search", {"q": ""}, 422), ("search", {}, 422),
             ("search", {"q": "x", "since": "last tuesday"}, 422), ("search", {"q": "x" * 501}, 422),
             ("search", {"q": "x", "until": "2024-02-30"}, 422), ("quotes", {"since": "2024-99-99"}, 422),
             ("search", {"q": "x", "cursor": "%%%"}, 400), ("quotes", {"kind": "sarcastic"}, 422),
             ("articles/no-such-id", {}, 404), ("entities/nobody at all", {}, 404), ("stories/nope", {}, 404),
             ("talks-about", {}, 400), ("timeline/x", {"by": "year"}, 422), ("no-such-endpoint", {}, 404)]
    for path, params, code in cases:
        status, body = api(server, path, **params)
        assert status == code, (path, params, body)
        assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
        assert "Traceback" not in body["error"]["message"] and body["error"]["message"]
    # FTS syntax in a query is plain words, never an error
    for q in ['"unbalanced', "NEAR(", "a AND", "-", "title:x", "*"]:
        assert api(server, "search", q=q)[0] == 200


def test_nothing_writes(server):
    for method in ("POST", "PUT", "DELETE"):
        request = urllib.request.Request(f"{server}/api/v1/search?q=x", method=method, data=b"{}")
        try:
            urllib.request.urlopen(request, timeout=10)
            raise AssertionError(f"{method} was accepted")
        except urllib.error.HTTPError as exc:
            assert exc.code == 405 and json.loads(exc.read())["error"]["code"] == "method_not_allowed"


def test_openapi_and_security_headers(server):
    status, schema = api(server, "openapi.json")
    assert status == 200 and "/api/v1/search" in schema["paths"] and "/api/v1/talks-about" in schema["paths"]
    assert not any(not p.startswith("/api/v1/") for p in schema["paths"])  # the reader's pages are not API
    _, headers, _ = get(server + "/")
    csp = {k.lower(): v for k, v in headers.items()}["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp


def test_hostile_text_is_escaped_in_every_page(server):
    pages = [f"/articles/{HOSTILE['id']}", "/?q=budget", "/quotes", "/quotes?speaker=ruiz", "/entities/Eastbrook",
             f"/stories/{HOSTILE['id']}"]
    for path in pages:
        status, _, html = get(server + urllib.parse.quote(path, safe="/?=&"))
        assert status == 200, path
        assert "__pwned" not in html.replace("window.__pwned=&#39;", "").replace("window.__pwned = &#39;", ""), path
        assert "<script>window" not in html and "<b>back down</b>" not in html and "onerror=\"" not in html, path
        assert 'href="javascript:' not in html, path
    _, _, article = get(server + f"/articles/{HOSTILE['id']}")
    assert "&lt;script&gt;" in article and "&lt;b&gt;back down&lt;/b&gt;" in article


def test_only_real_matches_are_marked_never_the_texts_own_brackets(server):
    status, body = api(server, "search", q="ledger")
    assert status == 200 and body["hits"][0]["id"] == "brackets-1"
    snippet = body["hits"][0]["snippet"]
    assert "[draft]" in snippet and "\ue000ledger\ue001" in snippet  # the API keeps the text and the markers
    _, _, html = get(server + "/?q=ledger")
    assert "[draft]" in html and "<mark>draft</mark>" not in html and "<mark>ledger</mark>" in html
    assert "\ue000" not in html and "\ue001" not in html
    _, _, html = get(server + "/?q=berth")
    assert "[ledger]" in html and "<mark>ledger</mark>" not in html and "<mark>berth</mark>" in html


def test_every_speaker_link_on_the_quotes_page_leads_to_an_entity(server):
    # A speaker never resolved to an entity ("the operator") is shown, not linked to an entity page that 404s.
    import re
    status, _, html = get(server + "/quotes?limit=100")
    assert status == 200
    links = set(re.findall(r'class="speaker" href="(/entities/[^"]+)"', html))
    assert links, "the examples have resolved speakers"
    for link in links:
        assert get(server + link)[0] == 200, link
    assert 'class="speaker unresolved"' in html  # the examples have speakers no entity was found for


def test_a_date_bound_with_a_zone_compares_as_its_utc_time():
    """Stored dates with a zone compare in UTC; a bound with a zone does too (it was compared as written)."""
    from newsgraph.serve.api import real_date
    assert real_date("2024-05-02T03:00:00-05:00") == "2024-05-02T08:00:00"
    assert real_date("2024-05-02T05:00:00Z") == "2024-05-02T05:00:00"
    assert real_date("2024-05") == "2024-05" and real_date(None) is None


def test_a_count_past_the_cap_says_more_than_in_the_api_and_the_reader(served_db, monkeypatch):
    """Past COUNT_CAP matches a search answers the cap with total_exact false, and the reader says "More than";
    paging still reaches every match (in-process, to lower the cap: the real server cannot be patched)."""
    from fastapi.testclient import TestClient

    from newsgraph.query import pages
    from newsgraph.serve import create_app
    monkeypatch.setattr(pages, "COUNT_CAP", 3)
    app = create_app(str(served_db), hosts=["testserver"])
    try:
        with TestClient(app) as client:
            first = client.get("/api/v1/search", params={"q": "the", "limit": 2}).json()
            assert (first["total"], first["total_exact"]) == (3, False)
            seen, cursor = [h["id"] for h in first["hits"]], first["next_cursor"]
            while cursor:
                page = client.get("/api/v1/search", params={"q": "the", "limit": 2, "cursor": cursor}).json()
                seen += [h["id"] for h in page["hits"]]
                cursor = page["next_cursor"]
            assert len(seen) == len(set(seen)) > 3
            html = client.get("/", params={"q": "the"}).text
            assert '<h1 id="result-count">More than 3 articles match' in html
            few = client.get("/api/v1/search", params={"q": "Ruiz"}).json()
            assert few["total_exact"] is True and few["total"] == len(few["hits"]) <= 3
            assert f'<h1 id="result-count">{few["total"]} article' in client.get("/", params={"q": "Ruiz"}).text
    finally:
        app.state.pool.close()


def test_the_facets_note_counts_the_matches_it_was_drawn_from(server):
    seen = set()
    for q in ("ledger", "the"):
        status, body = api(server, "search", q=q)
        assert status == 200
        considered = min(body["total"], 100)
        seen.add(considered == 1)
        _, _, html = get(server + "/?q=" + q)
        assert ("Of the one match." if considered == 1 else f"Among the {considered:,} best matches.") in html
    assert seen == {True, False}  # one match ("Among the 1 best matches" before) and several


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory):
    """400 synthetic articles (the search bench's): 'the' in each, 'government' in about a third."""
    from newsgraph.bench.search import load
    from newsgraph.storage import open_store
    db = tmp_path_factory.mktemp("window") / "synthetic.db"
    with open_store(str(db)) as store:
        load(store, 400, 13, ahead=False)
    return db


def test_serve_window_ranks_broad_searches_among_the_newest_and_says_so(synthetic_db):
    """``serve --window 150`` on a real server: a search with more matches says its hits are the best of the 150
    newest, in the API and on the reader's page; one with fewer says nothing; the reader's date fields narrow it."""
    with serving(synthetic_db, "--cache", "0", "--window", "150") as base:
        _, counts = get_json(f"{base}/api/v1/search?q=government")
        assert 0 < counts["total"] < 150 and counts["ranked_among_newest"] is None
        status, broad = get_json(f"{base}/api/v1/search?q=the&limit=1")
        assert status == 200 and broad["total"] == 400 and broad["ranked_among_newest"] == 150
        _, _, html = get(f"{base}/?q=the")
        assert 'id="ranked-note"' in html and "The best matches among the\n    150 stored last;" in html
        _, _, html = get(f"{base}/?q=government")
        assert 'id="ranked-note"' not in html and f'<h1 id="result-count">{counts["total"]} articles' in html
        # The date form sends its empty fields: no bound, not a 422; a date narrows as the API's filter does.
        status, _, html = get(f"{base}/?q=government&since=&until=")
        assert status == 200 and f'<h1 id="result-count">{counts["total"]} articles' in html
        year = broad["hits"][0]["published"][:4]
        _, dated = get_json(f"{base}/api/v1/search?q=government&since={year}&until={year}")
        status, _, html = get(f"{base}/?q=government&since={year}&until={year}")
        assert status == 200 and 0 < dated["total"] < counts["total"]
        assert f'<h1 id="result-count">{dated["total"]} article' in html and f'value="{year}"' in html
        status, _, html = get(f"{base}/?q=the&since=March")
        assert status == 400 and "since: a date is written YYYY, YYYY-MM or YYYY-MM-DD" in html and "March" in html
        status, _, html = get(f"{base}/quotes?speaker=&since=&until=")  # the quotes page's form, left empty
        assert status == 200
        status, error = get_json(f"{base}/api/v1/search?q=the&since=March")
        assert status == 422 and error["error"]["message"].startswith("since: a date is written YYYY, YYYY-MM")
    with serving(synthetic_db, "--cache", "0") as base:  # the default window, 5,000: every match ranked
        assert get_json(f"{base}/api/v1/search?q=the&limit=1")[1]["ranked_among_newest"] is None
