"""Entities: spaCy's mentions cleaned, typed by a vote over their cues (``labels``) and merged within the article
(``annotator``)."""

from .annotator import EntityAnnotator, find_entities, find_roles, initials

__all__ = ["EntityAnnotator", "find_entities", "find_roles", "initials"]
