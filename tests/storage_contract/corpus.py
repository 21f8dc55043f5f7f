"""A small corpus for the contract suite: one strike story, its exact copy, and a later story about the same
people, written through the same steps a run takes."""
from __future__ import annotations

from newsgraph.dedup import dedup
from newsgraph.ids import content_hash
from newsgraph.linking import link
from newsgraph.model import Article, Entity, Mention, Quote, Speaker

BODY = ("The harbour authority said on Monday that the strike by dock workers had ended after nine days. "
        "Union leader Maria Costa told reporters the new contract was a fair deal for everyone at the port. ")
# Another story about the same people: few word 5-grams in common with BODY, so never a near-duplicate of it.
LATER = ("A month after the strike, cranes at the harbour authority terminal worked through the night. "
         "Union leader Maria Costa told reporters the new contract was a fair deal for everyone at the port, "
         "and that overtime would be paid from April.")
MORE = ("Shipping lines had diverted eleven vessels to other ports during the stoppage, and several warehouses "
        "reported shortages of fresh produce. Local traders welcomed the agreement and asked for compensation. ")


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def harbour(article_id: str, text: str = BODY, published: str = "2014-03-10", source: str = "port.example",
            kind: str = "direct") -> Article:
    """An article naming Maria Costa, who is quoted (``kind``) about the harbour authority."""
    said = "the new contract was a fair deal for everyone at the port"
    ents = [Entity("e1", "Maria Costa", "PERSON", [Mention(*span(text, "Maria Costa"))], ["Union leader"]),
            Entity("e2", "harbour authority", "ORG", [Mention(*span(text, "harbour authority"))])]
    quotes = [Quote(said, span(text, said), kind, [], "told", span(text, "told"),
                    Speaker("Maria Costa", span(text, "Maria Costa"), "e1", "Maria Costa"), ["e2"])]
    return Article(article_id, text, content_hash(text), title=f"Strike over ({article_id})", published=published,
                   source=source, language="en", entities=ents, quotes=quotes)


def ingest(store, articles):
    """The write path a run takes: dedup against the store's index, link against its registry, put."""
    return [store.put(a) for a in link(dedup(articles, store.dedup_index()), store.entity_registry())]


def corpus(store) -> None:
    """a (direct quote), b (a later story, indirect quote), c (an exact copy of a, one day later)."""
    ingest(store, [harbour("a", published="2014-03-10"),
                   harbour("b", LATER, published="2014-04-02", source="Other.example", kind="indirect"),
                   harbour("c", source="copy.example", published="2014-03-11")])
