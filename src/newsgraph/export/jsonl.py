"""JSON lines: one full output record (DESIGN.md) per article, exactly as ``newsgraph show`` prints it."""
from __future__ import annotations

import json
from typing import Iterable, TextIO

from ..model import Article
from ..record import to_record


def write(articles: Iterable[Article], out: TextIO) -> int:
    n = 0
    for article in articles:
        out.write(json.dumps(to_record(article), ensure_ascii=False) + "\n")
        n += 1
    return n
