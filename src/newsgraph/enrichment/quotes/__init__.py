"""Quotations: quoted stretches (``marks``), reporting cues (``cues``), drafts (``find``), tidying (``tidy``) and
speaker resolution (``speakers``), put together by :class:`QuoteAnnotator` (``annotator``)."""

from .annotator import QuoteAnnotator, Resolver, find_drafts, find_quotes

__all__ = ["QuoteAnnotator", "Resolver", "find_drafts", "find_quotes"]
