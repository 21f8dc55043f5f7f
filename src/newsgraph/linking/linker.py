"""Deciding each entity's global id against the registry (see the package docstring for the rules)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..model import Article, Entity
from ..storage.base import EntityRegistry  # what the linker needs from a store
from .names import (NAME_SUFFIXES, PersonName, acronym, first_names_match, fold, is_acronym, org_key,
                    org_prefixes, org_stem, parse_person, same_person_name)


@dataclass(slots=True)
class _Context:
    """What the article itself says about who is who: its roles per entity and the global ids already decided."""

    linked: set[str] = field(default_factory=set)


def _roles(entity: Entity) -> set[str]:
    return {fold(r) for r in entity.roles if r.strip()}


class Linker:
    """Sets ``Entity.global_id`` on articles, one transaction per article, against everything stored before."""

    def __init__(self, registry: EntityRegistry):
        self.registry = registry

    def link(self, article: Article) -> Article:
        stored = self.registry.stored_links(article.id, article.content_hash)
        if stored is not None:  # the same text is already stored: its links stand (re-ingest changes nothing)
            for entity in article.entities:
                entity.global_id = stored.get(entity.id)
            return article
        with self.registry.transaction():
            context = _Context()
            # Full names and organisations first, so a lone surname can lean on who else the article names.
            ordered = sorted(article.entities, key=lambda e: self._is_lone_surname(e))
            for entity in ordered:
                entity.global_id = self._link_entity(entity, article, context)
                if entity.global_id:
                    context.linked.add(entity.global_id)
        return article

    @staticmethod
    def _is_lone_surname(entity: Entity) -> bool:
        parsed = parse_person(entity.name, entity.roles) if entity.type == "PERSON" else None
        return parsed is not None and parsed.first is None

    def _link_entity(self, entity: Entity, article: Article, context: _Context) -> Optional[str]:
        if entity.type != "PERSON" and self._known_surname(entity, context):
            entity.type = "PERSON"  # what the registry knows outweighs the small tagger's guess on one word
        if entity.type == "PERSON":
            parsed = parse_person(entity.name, entity.roles)
            return None if parsed is None else self._link_person(entity, parsed, context)
        return self._link_other(entity, article, context)

    def _known_surname(self, entity: Entity, context: _Context) -> bool:
        """A lone word the tagger typed ORG ("Brenner said …") that is the surname of one known person (or of
        one the article's context singles out) and the name of no known organisation."""
        word = entity.name
        if entity.type != "ORG" or " " in word or not word.isalpha() or word.isupper():
            return False
        if self.registry.lookup(org_key(word), "name"):
            return False
        name = parse_person(word)
        people = self.registry.lookup(name.surname_key, "surname") if name else []
        return len(people) == 1 or bool(people) and self._best_by_context(people, entity, context) is not None

    # -- people --------------------------------------------------------------------------------------------------

    def _link_person(self, entity: Entity, name: PersonName, context: _Context) -> Optional[str]:
        reg = self.registry
        candidates = reg.lookup(name.surname_key, "surname")
        if name.first is None:
            chosen = self._pick_surname(candidates, entity, context)
            if chosen is None and candidates:
                return None  # a lone surname shared by several people, and nothing here says which
        else:
            exact = [g for g in reg.lookup(name.key, "person") if g in candidates]
            chosen = exact[0] if len(exact) == 1 else self._pick_full(candidates, name, entity, context)
        if chosen is None:
            chosen = reg.create(entity.name if name.first else _lone_surname(entity.name), "PERSON", "person")
        self._remember_person(chosen, entity, name)
        return chosen

    def _pick_full(self, candidates: list[str], name: PersonName, entity: Entity,
                   context: _Context) -> Optional[str]:
        """Among people with this surname: those whose known first names match; a surname-only entry only when
        it is the one person of that surname."""
        strong, weak = [], []
        for gid in candidates:
            forms = [parse_person(f) for f in self.registry.aliases(gid, "person")]
            full = [f for f in forms if f is not None and f.first is not None]
            if not full:
                weak.append(gid)
            elif any(same_person_name(name, f) for f in full):
                strong.append(gid)
        if len(strong) == 1:
            return strong[0]
        if strong:
            return self._best_by_context(strong, entity, context)
        return weak[0] if len(weak) == 1 and len(candidates) == 1 else None

    def _pick_surname(self, candidates: list[str], entity: Entity, context: _Context) -> Optional[str]:
        if len(candidates) == 1:
            return candidates[0]
        return self._best_by_context(candidates, entity, context) if candidates else None

    def _best_by_context(self, candidates: list[str], entity: Entity, context: _Context) -> Optional[str]:
        """The one candidate the article's roles and co-named entities support most; None on a tie or no support."""
        roles = _roles(entity)
        scored = sorted(((len(roles & self.registry.roles(g)) + len(context.linked & self.registry.cooccurring(g)),
                          g) for g in candidates), reverse=True)
        if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            return None
        return scored[0][1]

    def _remember_person(self, gid: str, entity: Entity, name: PersonName) -> None:
        reg = self.registry
        aliases = [(name.surname_key, "surname")]
        if name.first is not None:
            aliases.append((name.key, "person"))
            current = reg.entity(gid)
            if current is not None and len(current[0].split()) < 2:
                reg.rename(gid, entity.name)  # "Lavrov" learns his full name
        reg.add_aliases(gid, aliases)
        reg.add_roles(gid, _roles(entity))

    # -- organisations and everything else -----------------------------------------------------------------------

    def _link_other(self, entity: Entity, article: Article, context: _Context) -> Optional[str]:
        key = org_key(entity.name)
        if not key:
            return None
        forms = {org_key(article.text[m.start:m.end]) for m in entity.mentions} | {key}
        chosen = self._find_other(entity, key, forms, context)
        if chosen is None:
            chosen = self.registry.create(entity.name, entity.type, "other")
            initials = acronym(entity.name)
            self.registry.add_aliases(chosen, [(initials, "acronym")] if len(initials) >= 2 else [])
        if entity.type == "ORG":
            self.registry.add_aliases(chosen, [(p, "prefix") for p in org_prefixes(key)])
            self.registry.add_aliases(chosen, [(org_stem(key) or key, "stem")])
        self.registry.add_aliases(chosen, [(f, "name") for f in forms if f])
        return chosen

    def _find_other(self, entity: Entity, key: str, forms: set[str], context: _Context) -> Optional[str]:
        reg = self.registry
        for keys, kind in (([key], "name"), (sorted(forms - {key}), "name")):
            found = _unique(g for k in keys for g in reg.lookup(k, kind))
            if found:
                return found[0] if len(found) == 1 else self._best_by_context(found, entity, context)
        if is_acronym(entity.name):
            found = _unique(reg.lookup(key.replace(" ", ""), "acronym"))
            if len(found) == 1:
                return found[0]
        initials = acronym(entity.name)
        if len(initials) >= 3:  # a long name whose acronym was stored as a name ("USAF" first, then in full)
            found = _unique(reg.lookup(initials, "name"))
            if len(found) == 1:
                return found[0]
        if entity.type == "ORG":  # only organisations stand for organisations by stem or leading words
            for probe, kind in ((org_stem(key) or key, "stem"), (key, "prefix")):
                found = [g for g in _unique(reg.lookup(probe, kind)) if (reg.entity(g) or ("", ""))[1] == "ORG"]
                if len(found) == 1 and len(probe) >= 4:
                    return found[0]
        return None


def _lone_surname(name: str) -> str:
    """The name a person known only by surname is created under: "Lavrov", "Trump Jr." (never just "Jr.")."""
    words = name.split()
    if len(words) > 1 and words[-1].casefold().strip(".,") in NAME_SUFFIXES:
        return " ".join(words[-2:])
    return words[-1]


def _unique(ids) -> list[str]:
    out: list[str] = []
    for gid in ids:
        if gid not in out:
            out.append(gid)
    return out


__all__ = ["Linker", "EntityRegistry", "first_names_match"]
