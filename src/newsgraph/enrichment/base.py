"""The annotator contract shared by entities, quotes, figures and times."""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from ..model import Article

if TYPE_CHECKING:  # spaCy is heavy; only type checkers need it here
    from spacy.tokens import Doc


class Annotator(Protocol):
    """Fills part of an Article from its spaCy Doc (``doc.text == article.text``)."""

    name: str

    def annotate(self, article: Article, doc: "Doc") -> None: ...


def doc_text(doc: "Doc") -> str:
    """``doc.text``, computed once: spaCy rebuilds the string from every token on each access, which made
    slicing it per mention quadratic in the article's length."""
    cached = doc.user_data.get("newsgraph_text")
    if cached is None:
        cached = doc.user_data["newsgraph_text"] = doc.text
    return cached
