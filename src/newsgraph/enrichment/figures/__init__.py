"""Figures: numbers read from the text (``scan``, ``numbers``), filtered (``filters``), given what they count and the
event (``roles``), put together by :class:`FigureAnnotator` (``annotator``)."""

from .annotator import FigureAnnotator, find_figures

__all__ = ["FigureAnnotator", "find_figures"]
