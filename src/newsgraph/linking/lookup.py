"""Finding a known entity by any of its names: the read side of the registry, for ``quotes --speaker`` and ``entity``.

A person is found by every name the registry has learnt for them: the full name ("Karl Brenner"), a spelling
variant, an initial or a nickname of the first name ("K. Brenner", "Sergei Lavrov"), or the surname alone
("Brenner"). A lone surname may mean several people; all are returned, most recently created last, and the caller
says so. Other entities are found by their name key, any of their in-article forms, or their acronym.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..storage.base import EntityRegistry
from .names import PersonName, acronym, is_acronym, org_key, parse_person, same_person_name


@dataclass(frozen=True, slots=True)
class KnownEntity:
    """One entity of the registry: its global id, canonical name and type."""

    global_id: str
    name: str
    type: str


def entities_named(registry: EntityRegistry, name: str) -> list[KnownEntity]:
    """Every registry entity ``name`` may stand for; people first when the name reads as a person's."""
    found: list[str] = []
    person = parse_person(name)
    if person is not None:
        found = _people(registry, person)
    if not found:
        found = _others(registry, name)
    out = []
    for gid in _unique(found):
        row = registry.entity(gid)
        if row is not None:
            out.append(KnownEntity(gid, row[0], row[1]))
    return out


def _people(registry: EntityRegistry, name: PersonName) -> list[str]:
    candidates = registry.lookup(name.surname_key, "surname")
    if not candidates:
        return []
    if name.first is None:
        return [g for g in candidates if _suffix_fits(registry, g, name.suffix)]
    exact = [g for g in registry.lookup(name.key, "person") if g in candidates]
    if exact:
        return exact
    return [g for g in candidates if any(same_person_name(name, known) for known in _full_names(registry, g))]


def _full_names(registry: EntityRegistry, gid: str) -> list[PersonName]:
    names = [parse_person(alias) for alias in registry.aliases(gid, "person")]
    return [n for n in names if n is not None and n.first is not None]


def _suffix_fits(registry: EntityRegistry, gid: str, suffix: str) -> bool:
    """'Trump Jr.' means only someone known with that suffix; plain 'Trump' may mean anyone of that surname."""
    return not suffix or any(n.suffix == suffix for n in _full_names(registry, gid))


def _others(registry: EntityRegistry, name: str) -> list[str]:
    key = org_key(name)
    if not key:
        return []
    found = registry.lookup(key, "name")
    if not found and is_acronym(name):
        found = registry.lookup(key.replace(" ", ""), "acronym")
    initials = acronym(name)
    if not found and len(initials) >= 3:
        found = registry.lookup(initials, "name")
    return found


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def describe(matches: list[KnownEntity], name: str) -> Optional[str]:
    """A one-line note when ``name`` matches several entities, naming them; None when it matches one or none."""
    if len(matches) < 2:
        return None
    return f"{name!r} matches {len(matches)} entities: " + "; ".join(
        f"{m.name} ({m.type}, {m.global_id})" for m in matches)
