"""Time expressions: found by our own patterns (``find``, words in ``lexicon``), given a TIMEX3 type and value
(``values``, ``calendar``, tense from ``tense``), put together by :class:`TimeAnnotator` (``annotator``)."""

from .annotator import TimeAnnotator, resolve_all
from .find import find_times
from .values import resolve, time_type

__all__ = ["TimeAnnotator", "find_times", "resolve", "resolve_all", "time_type"]
