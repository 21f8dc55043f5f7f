"""Stable identifiers and content hashes (DESIGN.md: id and content_hash of the output record)."""
from __future__ import annotations

import hashlib
import os
from typing import Optional

from .text import normalise_text

__all__ = ["normalise_text", "content_hash", "article_id"]


def _digest(value: str, size: int = 16) -> str:
    return hashlib.sha1(value.encode("utf-8")).hexdigest()[:size]


def content_hash(text: str) -> str:
    """The exact-duplicate key: a hash of :func:`~newsgraph.text.normalise_text`."""
    return _digest(normalise_text(text), 40)


def article_id(caller_id: Optional[str], url: Optional[str], origin: str) -> str:
    """The caller's id, else a hash of the URL, else of the input path + record position.

    The path is made absolute first, so the same file gets the same id however it was named on the command line
    (``page.html``, ``./page.html``, ``/data/page.html``) — the key resume uses too.
    """
    if caller_id:
        return str(caller_id)
    if url:
        return "u" + _digest(url.strip())
    path, sep, position = origin.partition("#")
    if path and path != "-" and not path.startswith(("text:", "<")):
        path = os.path.abspath(path)
    return "p" + _digest(path + sep + position)
