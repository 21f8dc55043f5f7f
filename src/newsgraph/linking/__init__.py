"""Linking: one canonical entity across articles (DESIGN.md ``entities[].global_id``).

    with open_store("news.db") as store:
        for article in link(dedup(articles, store.dedup_index()), store.entity_registry()):
            store.put(article)

A step like the others (articles in, articles out), run after dedup and before ``store.put``: each article's
entities are matched against the registry of everything stored before (``store.entity_registry()``), and the
registry learns the article's names in one transaction per article. Rules (pure tests in :mod:`.names`):

- **People** share a surname key (transliteration skeleton). A full name links to the one known person whose
  first name matches (same, spelling variant "Sergey"/"Sergei", initial, nickname) with no conflicting middle
  initial; several matches are told apart by roles and by entities named alongside, else a new entity is made.
  Titles before a name ("Russian Foreign Minister Sergey Lavrov") and the entity's own roles are not name words.
  Two people who share a surname but not a first name are never merged.
- **A lone word typed ORG** that is the surname of one known person and the name of no known organisation is
  that person ("Brenner said …" after "Karl Brenner" was stored): the entity is retyped PERSON and linked.
- **A lone surname** ("Lavrov") links when one person of that surname is known, or when the article's roles or
  co-named entities single one out; when several are known and nothing decides, it stays unlinked (null).
- **Organisations and other names** link by key (case, accents, dots, "the" and legal forms removed), by any of
  their in-article forms, by acronym ("USAF" <-> "United States Air Force"), or as the leading words of exactly
  one known multi-word organisation ("Lockheed" -> "Lockheed Martin").
- **Generational suffixes** keep a son apart from his father: "Donald Trump Jr." never links to "Donald Trump".
- **Finding** an entity by any of its names (full name, variant, initial, nickname, lone surname, acronym) is
  :func:`.lookup.entities_named`; a lone surname may name several people, and all are returned.
- **Re-ingest** of an article whose id and text are stored reuses the stored links and writes nothing.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from ..model import Article
from .linker import EntityRegistry, Linker
from .lookup import KnownEntity, describe, entities_named

__all__ = ["link", "Linker", "EntityRegistry", "KnownEntity", "entities_named", "describe"]


def link(articles: Iterable[Article], registry: EntityRegistry) -> Iterator[Article]:
    """Set ``global_id`` on every entity of every article, against ``registry`` (``store.entity_registry()``)."""
    linker = Linker(registry)
    for article in articles:
        yield linker.link(article)
