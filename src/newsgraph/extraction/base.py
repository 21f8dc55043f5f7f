"""The extractor contract: one page in, one article (or a reason it is not one) out.

An extractor only finds the body and the page's own metadata; ``newsgraph.extraction.extract`` sets what every
article gets whatever made it (id, content hash, language, origin), so a new extractor stays small.
"""
from __future__ import annotations

import re
from typing import Optional, Protocol, Union, runtime_checkable

from ..model import Article, Page, Rejected

MIN_WORDS = 12  # fewer words than a two-line news brief: a fragment, not an article


@runtime_checkable
class Extractor(Protocol):
    """Anything with a ``name`` and ``extract(page) -> Article | Rejected``."""

    name: str

    def extract(self, page: Page) -> Union[Article, Rejected]:
        ...


def join_paragraphs(paragraphs: list[str]) -> str:
    """The body layout every extractor returns: one paragraph per block, blocks separated by a blank line."""
    return "\n\n".join(p for p in paragraphs if p)


def too_short(text: str) -> bool:
    return len(text.split()) < MIN_WORDS


def thin_reason(text: str) -> Optional[str]:
    """Why a body is not worth keeping: None (fine), ``not_article`` (no sentence at all: menus, link lists)
    or ``too_short`` (sentences, but fewer words than a news brief)."""
    if not text.strip() or not re.search(r"[.!?…。]", text):
        return "not_article" if too_short(text) or not text.strip() else None
    return "too_short" if too_short(text) else None
