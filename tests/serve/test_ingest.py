"""`newsgraph serve --allow-ingest` against real server processes on free 127.0.0.1 ports: without the flag nothing
writes; with it, POST /api/v1/ingest runs the normal ingest into the served store (the same articles and records
`newsgraph ingest` makes of the same input), refuses bodies over --max-ingest-bytes with 413, and answers the
stored ids and the rejected inputs. The pages are made up for these tests."""
from __future__ import annotations

import http.client
import json
import threading
import urllib.error
import urllib.request

import pytest

from .conftest import get_json, newsgraph, serving
from .conftest import get as get_page

LIMIT = 20_000
LINES = [
    {"text": "The Vellin water board raised its rates by 6% on Monday after a dry summer emptied two reservoirs.\n\n"
             "\"Nobody wants higher bills, but the pipes are older than most of us,\" said Petra Lund, the "
             "board's chair.", "title": "Vellin water rates rise", "published": "2024-08-05"},
    {"html": "<html><head><title>Ferry timetable cut in Osby</title></head><body><article><h1>Ferry timetable "
             "cut in Osby</h1><p>The Osby ferry will sail four times a day instead of six from September, the "
             "operator said on Thursday, blaming a shortage of crew.</p><p>\"We looked at every other option "
             "first,\" said Jonas Ek, who runs the line. Commuters said the change would add an hour to their "
             "day.</p></article></body></html>"},
]
PAGE = ("<!doctype html><html><head><title>Library hours extended in Marrow</title>"
        "<meta name=\"date\" content=\"2024-09-02\"></head><body><article><h1>Library hours extended in Marrow"
        "</h1><p>The Marrow town library will open until nine in the evening from next month, the council "
        "decided on Monday after a petition signed by 1,200 residents.</p><p>\"Students need somewhere quiet to "
        "work after school,\" said Elin Sand, the head librarian. The extra hours will cost 40,000 kronor a "
        "year.</p></article></body></html>")


def post(url: str, body: bytes, content_type: str) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def local(value):
    """A record part without its cross-article ids (each store numbers its registry's entities itself)."""
    if isinstance(value, dict):
        return {k: local(v) for k, v in value.items() if k != "global_id"}
    if isinstance(value, list):
        return [local(v) for v in value]
    return value


def jsonl(lines: list[dict]) -> bytes:
    return "".join(json.dumps(line) + "\n" for line in lines).encode("utf-8")


@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    """A fresh store (made by `newsgraph ingest` of one article) served with --allow-ingest."""
    folder = tmp_path_factory.mktemp("ingest")
    seed = folder / "seed.jsonl"
    seed.write_text(json.dumps({"text": "The Harlow bus depot reopened on Monday after a week of repairs to its "
                                        "roof, the transport office said.", "title": "Harlow depot reopens"})
                    + "\n", encoding="utf-8")
    db = folder / "served.db"
    newsgraph("ingest", str(seed), "--db", str(db))
    with serving(db, "--allow-ingest", "--max-ingest-bytes", str(LIMIT)) as base:
        yield base, db, folder


def test_a_read_only_server_refuses_every_write(server, served_db):
    before = newsgraph("export", "--db", str(served_db)).stdout
    status, body = post(server + "/api/v1/ingest", jsonl(LINES[:1]), "application/x-ndjson")
    assert status == 403 and body["error"]["code"] == "read_only" and "--allow-ingest" in body["error"]["message"]
    status, body = post(server + "/api/v1/search?q=x", b"{}", "application/json")
    assert status == 405 and body["error"]["code"] == "method_not_allowed"
    assert newsgraph("export", "--db", str(served_db)).stdout == before


def test_jsonl_is_ingested_as_newsgraph_ingest_would(writable):
    base, db, folder = writable
    for _ in range(12):  # asked on several worker threads: the rankings kept for the process say nothing matches
        assert get_json(base + "/api/v1/search?q=Vellin")[1]["total"] == 0
    body = jsonl(LINES) + b"this line is not JSON\n"
    status, answer = post(base + "/api/v1/ingest", body, "application/x-ndjson")
    assert status == 200, answer
    assert answer["stored"] == 2 and len(answer["articles"]) == 2
    assert [a["title"] for a in answer["articles"]] == ["Vellin water rates rise", "Ferry timetable cut in Osby"]
    assert answer["rejected"] and all(r["origin"].startswith("request") and r["code"] for r in answer["rejected"])
    assert str(folder) not in json.dumps(answer) and "/tmp" not in json.dumps(answer)  # no server path leaks
    # The same lines through `newsgraph ingest` into another store: the same records (ids aside: an article with
    # neither id nor url is named after its input, here a file, there the request).
    same = folder / "same.jsonl"
    same.write_bytes(jsonl(LINES))
    other = folder / "other.db"
    newsgraph("ingest", str(same), "--db", str(other))
    by_title = {r["title"]: r for r in map(json.loads, newsgraph("export", "--db", str(other)).stdout.splitlines())}
    for article in answer["articles"]:
        status, view = get_json(f"{base}/api/v1/articles/{article['id']}")  # the server reads what it wrote
        assert status == 200
        cli = by_title[article["title"]]
        for key in ("text", "published", "quotes", "entities", "figures", "times"):
            assert local(view["record"][key]) == local(cli[key]), key
        assert article["problems"] == [p["code"] for p in cli["problems"]]
    status, found = get_json(f"{base}/api/v1/quotes?speaker=Petra%20Lund")
    assert status == 200 and found["quotes"] and found["quotes"][0]["title"] == "Vellin water rates rise"
    for _ in range(12):  # no thread answers the ranking kept from before the write
        found = get_json(base + "/api/v1/search?q=Vellin")[1]
        assert found["total"] == 1 and found["hits"][0]["title"] == "Vellin water rates rise"


def test_one_html_page_is_ingested(writable):
    base, db, _ = writable
    status, answer = post(base + "/api/v1/ingest", PAGE.encode("utf-8"), "text/html; charset=utf-8")
    assert status == 200, answer
    assert [a["title"] for a in answer["articles"]] == ["Library hours extended in Marrow"]
    article_id = answer["articles"][0]["id"]
    shown = newsgraph("show", article_id, "--db", str(db), "--format", "json")
    assert shown.returncode == 0 and "1,200 residents" in json.loads(shown.stdout)["text"]
    again_status, again = post(base + "/api/v1/ingest", PAGE.encode("utf-8"), "text/html")
    assert again_status == 200 and again["stored"] == 0 and again["unchanged"] == 1  # the same page: kept once


def test_bodies_over_the_limit_are_413(writable):
    base, _, _ = writable
    big = jsonl([{"text": "word " * (LIMIT // 5 + 10)}])
    status, body = post(base + "/api/v1/ingest", big, "application/x-ndjson")
    assert status == 413 and body["error"]["code"] == "too_large" and f"{LIMIT:,}" in body["error"]["message"]
    # Streamed without a Content-Length: refused once it passes the limit.
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    conn.request("POST", "/api/v1/ingest", body=iter([big[i:i + 4096] for i in range(0, len(big), 4096)]),
                 headers={"Content-Type": "application/x-ndjson"}, encode_chunked=True)
    response = conn.getresponse()
    assert response.status == 413 and json.loads(response.read())["error"]["code"] == "too_large"
    conn.close()


def test_other_content_and_empty_bodies_are_4xx(writable):
    base, _, _ = writable
    status, body = post(base + "/api/v1/ingest", b"plain words", "text/plain")
    assert status == 415 and "JSONL" in body["error"]["message"]
    status, body = post(base + "/api/v1/ingest", b"  \n", "application/x-ndjson")
    assert status == 400 and "empty" in body["error"]["message"]


def test_concurrent_posts_are_written_one_at_a_time_and_all_kept(writable):
    base, db, _ = writable
    pages = [{"text": f"The {town} council met on {day} and agreed to repair the {thing} before winter, its "
                      f"clerk said after the meeting.", "title": f"{town} repairs"}
             for town, day, thing in (("Aske", "Monday", "bridge"), ("Brim", "Tuesday", "school roof"),
                                      ("Cole", "Wednesday", "harbour wall"), ("Dunn", "Friday", "library"))]
    answers: list[tuple[int, dict]] = []
    threads = [threading.Thread(target=lambda p=p: answers.append(post(base + "/api/v1/ingest", jsonl([p]),
                                                                       "application/x-ndjson")))
               for p in pages]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(status for status, _ in answers) == [200] * 4, answers
    ids = [a["articles"][0]["id"] for _, a in answers]
    for article_id in ids:
        assert newsgraph("show", article_id, "--db", str(db), "--format", "json").returncode == 0


def test_bodies_are_written_only_into_a_private_folder(tmp_path, monkeypatch):
    import os
    import tempfile

    from newsgraph.serve.ingest import _private_folder
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    folder = _private_folder()
    assert folder.parent == tmp_path and folder.stat().st_mode & 0o777 == 0o700
    folder.chmod(0o777)  # as if someone else had made it open to all
    with pytest.raises(RuntimeError, match="not a private folder"):
        _private_folder()
    folder.rmdir()
    os.symlink(tmp_path, folder)  # a link planted where the folder goes
    with pytest.raises(RuntimeError, match="not a private folder"):
        _private_folder()


def test_the_reader_says_when_a_speaker_name_means_several_people(writable):
    base, _, _ = writable
    pages = [{"text": "Karin Holm, the harbour master of Skarvik, closed the north pier on Monday.\n\n\"The pier is "
                      "not safe in this wind,\" Karin Holm said.", "title": "Skarvik pier closed"},
             {"text": "Nils Holm, a fisherman in Skarvik, said on Tuesday that the closure cost him two days at "
                      "sea.\n\n\"We lose money every hour the pier stays shut,\" Nils Holm said.",
              "title": "Skarvik fishermen count the cost"}]
    status, answer = post(base + "/api/v1/ingest", jsonl(pages), "application/x-ndjson")
    assert status == 200 and answer["stored"] == 2, answer
    _, _, html = get_page(f"{base}/?q=Skarvik&speaker=Holm")
    note = html[html.index('id="speaker-note"'):]
    note = note[:note.index("</p>")]
    assert "2 people" in note and "Karin Holm" in note and "Nils Holm" in note
    assert "2 articles match" in html
    _, _, html = get_page(f"{base}/?q=Skarvik&speaker=Karin%20Holm")
    assert 'id="speaker-note"' not in html
    assert "1 article matches" in html and "Skarvik pier closed" in html  # the filter narrows (it was ignored)
    _, _, html = get_page(f"{base}/?q=Skarvik&entity=Nils%20Holm")
    assert "1 article matches" in html and "Skarvik fishermen count the cost" in html
    # The API says it too: each page names the people the speaker filter matched.
    _, _, body = get_page(f"{base}/api/v1/quotes?speaker=Holm")
    quotes = json.loads(body)
    assert sorted(p["name"] for p in quotes["speakers"]) == ["Karin Holm", "Nils Holm"]
    assert {p["type"] for p in quotes["speakers"]} == {"PERSON"} and all(p["global_id"] for p in quotes["speakers"])
    assert {q["speaker"] for q in quotes["quotes"]} == {"Karin Holm", "Nils Holm"}
    _, _, body = get_page(f"{base}/api/v1/search?q=Skarvik&speaker=Karin%20Holm")
    assert [p["name"] for p in json.loads(body)["speakers"]] == ["Karin Holm"]


def _raw(base: str, method: str, path: str, headers: dict, body: bytes = b"") -> tuple[int, dict]:
    """A request with the headers given as they are (Host included), as a browser on a rebound name sends it."""
    host, port = base.split("//", 1)[1].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    try:
        conn.request(method, path, body=body or None, headers=headers)
        response = conn.getresponse()
        return response.status, json.loads(response.read() or b"{}")
    finally:
        conn.close()


def test_a_loopback_server_answers_no_other_host_name(writable):
    """DNS rebinding: a page on attacker.example whose name now points at 127.0.0.1 reaches this port with its own
    Host header; neither its reads nor its writes are served, and nothing is stored."""
    base, db, _ = writable
    port = base.rsplit(":", 1)[1]
    before = get_json(base + "/api/v1/search?q=Quarry")[1]["total"]
    body = jsonl([{"text": "The Quarry lane bridge closed on Friday for repairs, the county office said.",
                   "title": "Quarry lane bridge closed"}])
    status, answer = _raw(base, "POST", "/api/v1/ingest", {"Host": f"attacker.example:{port}",
                          "Origin": f"http://attacker.example:{port}", "Content-Type": "application/x-ndjson"}, body)
    assert status == 400 and answer["error"]["code"] == "host_not_allowed"
    status, answer = _raw(base, "GET", "/api/v1/search?q=Harlow", {"Host": f"attacker.example:{port}"})
    assert status == 400
    status, _ = _raw(base, "GET", "/api/v1/search?q=Harlow", {"Host": f"localhost:{port}"})
    assert status == 200
    assert get_json(base + "/api/v1/search?q=Quarry")[1]["total"] == before


def test_a_write_from_another_origin_is_refused(writable):
    base, _, _ = writable
    port = base.rsplit(":", 1)[1]
    body = jsonl([{"text": "The Quarry lane bridge closed on Friday for repairs, the county office said."}])
    status, answer = _raw(base, "POST", "/api/v1/ingest", {"Host": f"127.0.0.1:{port}",
                          "Origin": "http://elsewhere.example", "Content-Type": "application/x-ndjson"}, body)
    assert status == 403 and answer["error"]["code"] == "cross_origin"


def test_the_article_page_names_the_agency_a_dateline_credits(writable):
    base, _, _ = writable
    page = {"text": "PORT ALDER (Northern Wire Service) - The night ferry to Skarvik ran four hours late on Sunday "
                    "after a pump failed, the operator said.\n\nPassengers were given meal vouchers.",
            "title": "Night ferry four hours late"}
    status, answer = post(base + "/api/v1/ingest", jsonl([page]), "application/x-ndjson")
    assert status == 200 and answer["stored"] == 1, answer
    article_id = answer["articles"][0]["id"]
    _, record = get_json(f"{base}/api/v1/articles/{article_id}")
    assert record["record"]["agency"] == "Northern Wire Service" and not record["record"].get("authors")
    _, _, html = get_page(f"{base}/articles/{article_id}")
    byline = html[html.index('class="byline"'):]
    assert '<span class="agency">Northern Wire Service</span>' in byline[:byline.index("</p>")]
