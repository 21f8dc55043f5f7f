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
