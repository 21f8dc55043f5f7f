"""CSV: one row per article with its metadata, counts of what was found, and the text (spreadsheets, pandas)."""
from __future__ import annotations

from typing import Any, Iterable, TextIO

from ..model import Article
from ..safe import csv_writer

COLUMNS = ("id", "title", "published", "source", "url", "canonical_url", "language", "authors", "agency",
           "story",
           "duplicate_of", "content_hash", "entities", "quotes", "figures", "times", "text")


def row(a: Article) -> list[Any]:
    """The :data:`COLUMNS` of one article; authors joined with "; " (a CSV cell holds one string); ``agency`` the
    wire service or network a byline or dateline credits, empty when none."""
    return [a.id, a.title, a.published, a.source, a.url, a.canonical_url, a.language, "; ".join(a.authors),
            a.agency, a.story, a.duplicate_of, a.content_hash, len(a.entities), len(a.quotes), len(a.figures), len(a.times),
            a.text]


def write(articles: Iterable[Article], out: TextIO) -> int:
    writer = csv_writer(out)  # a title like "=HYPERLINK(…)" is text, not a formula: see newsgraph.safe
    writer.writerow(COLUMNS)
    n = 0
    for article in articles:
        writer.writerow(row(article))
        n += 1
    return n
