"""Enrichment: spaCy parse, then annotators that each fill one list of the Article.

Every annotator follows one contract (STYLE.md practice 3): a pure ``find_*(doc, article, ...)`` that returns
candidate records, and a small ``annotate(article, doc)`` that attaches them. Annotators read what earlier ones set
on the Article (quotes read ``article.entities``), never each other's modules.
"""
