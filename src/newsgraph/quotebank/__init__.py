"""Quotation clusters (issue 18): the same words reported across the corpus, matched at ingest.

Pure modules, no storage import: :mod:`.words` normalises a quote's words and makes its index keys, :mod:`.match`
decides whether two quotations are the same words and diffs them, :mod:`.summary` derives a cluster's canonical
text, first appearance, spread, speaker vote, conflicts and drift from its occurrences, and :mod:`.step` is the store
step that does it incrementally through the store's ``QuoteClusters`` interface (``storage.base``).
"""
from .match import MatchParams, same_quotation
from .summary import Occurrence, Summary, summarize
from .words import Words, quoted_text, words_of

__all__ = ["MatchParams", "same_quotation", "Occurrence", "Summary", "summarize", "Words", "quoted_text", "words_of"]
