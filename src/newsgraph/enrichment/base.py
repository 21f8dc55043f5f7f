"""The annotator contract shared by entities, quotes, figures and times."""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from ..model import Article

if TYPE_CHECKING:  # spaCy is heavy; only type checkers need it here
    from spacy.tokens import Doc, Token

# Lemmatizers taken out of their pipelines (see lazy_lemmas), by the id of their pipeline's vocabulary.
_LEMMATIZERS: dict[int, object] = {}


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


def lazy_lemmas(nlp, name: str = "lemmatizer") -> bool:
    """Stop lemmatizing every token of every article: the annotators ask for the lemmas of a few hundred tokens
    per article, :func:`lemma_of` computes those with the same component. False when ``nlp`` has no such pipe."""
    if name not in nlp.pipe_names:
        return False
    _LEMMATIZERS[id(nlp.vocab)] = nlp.get_pipe(name)
    nlp.disable_pipe(name)
    return True


def lemma_of(token: "Token") -> str:
    """``token.lemma_`` as the pipeline's lemmatizer would have set it: the attribute ruler's lemma where it set
    one, else the lemmatizer's first answer (its own cache makes repeats cheap)."""
    if token.lemma:
        return token.lemma_
    lemmatizer = _LEMMATIZERS.get(id(token.vocab))
    if lemmatizer is None:
        return token.lemma_
    return lemmatizer.lemmatize(token)[0]  # type: ignore[attr-defined]
