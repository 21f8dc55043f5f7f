"""A store and a running ``newsgraph serve`` for the quotation views: short news-like articles quoting a fire chief
(whole, trimmed, with one word changed, and once put in a councillor's mouth) beside one unrelated quote, ingested
by the real CLI and served on a free 127.0.0.1 port."""
from __future__ import annotations

import json
from pathlib import Path

from .conftest import newsgraph

WORDS = "We need more trucks, more crews and more time to train them before the dry season starts in July."
ARTICLES = [
    {"id": "fire-1", "url": "https://valley-news.example/2024/06/10/fire-service", "published": "2024-06-10",
     "title": "Fire chief asks for more crews",
     "text": f"The county fire service asked for more money on Monday. Fire Chief Rosa Delgado told the county "
             f"board: \"{WORDS}\" The board will vote next month."},
    {"id": "fire-2", "url": "https://ridge-courier.example/county/fire-budget", "published": "2024-06-11",
     "title": "Delgado presses board",
     "text": "Rosa Delgado, the county fire chief, pressed the board on Tuesday. \"We need more trucks, more crews "
             "and more time to train them,\" Delgado said. Board members said they would study the request."},
    {"id": "fire-3", "url": "https://lake-tribune.example/news/fire-chief", "published": "2024-06-12",
     "title": "Chief warns of dry season",
     "text": "The warnings grew on Wednesday. Fire Chief Rosa Delgado said: \"We need more trucks, more crews and "
             "more money to train them before the dry season starts in July.\" Critics said the county could "
             "not pay."},
    {"id": "fire-4", "url": "https://hill-gazette.example/politics/fire", "published": "2024-07-02",
     "title": "Councillor backs fire plan",
     "text": f"Councillor Peter Lang spoke at a town meeting on Tuesday. \"{WORDS[:-1]},\" Lang said. "
             f"The meeting ran late."},
    {"id": "park-1", "url": "https://valley-news.example/2024/06/12/parks", "published": "2024-06-12",
     "title": "Pool to reopen",
     "text": "Parks manager Omar Haddad gave an update on Wednesday. \"The public pool will reopen in August after "
             "the repairs are finished,\" Haddad said. Swimmers welcomed the news."},
]


def make_db(folder: Path) -> Path:
    data = folder / "quotations.jsonl"
    data.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = folder / "quotations.db"
    result = newsgraph("ingest", str(data), "--db", str(db))
    assert result.returncode == 0 and db.exists(), result.stderr
    return db
