"""Language data, one folder per language (spaCy's way): ``lang/<code>/`` holds the words and patterns the stages
read for that language — reporting cues and roles (``quotes``), number and currency words (``figures``), time words
(``times``), entity cues (``entities``), boilerplate lines (``boilerplate``).

Adding a language means adding a folder. ``get(code)`` gives that language's data; a part is imported the first
time it is asked for, so a stage pays only for what it reads::

    from newsgraph import lang
    cues = lang.get("en").quotes.SPEECH_VERBS
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path
from types import ModuleType

_HERE = Path(__file__).parent


def supported() -> tuple[str, ...]:
    """Codes of the languages with a folder here (the ones the NLP stages can annotate)."""
    return tuple(sorted(p.name for p in _HERE.iterdir() if p.is_dir() and (p / "__init__.py").exists()))


class Language:
    """One language's data: ``lang.get("en").times`` is the module ``newsgraph.lang.en.times``."""

    __slots__ = ("code",)

    def __init__(self, code: str) -> None:
        self.code = code

    def __getattr__(self, part: str) -> ModuleType:
        if part.startswith("_"):
            raise AttributeError(part)
        try:
            return importlib.import_module(f"{__name__}.{self.code}.{part}")
        except ModuleNotFoundError as exc:
            raise AttributeError(f"language {self.code!r} has no data part {part!r}") from exc

    def __repr__(self) -> str:
        return f"Language({self.code!r})"


@lru_cache(maxsize=None)
def get(code: str) -> Language:
    """The data of language ``code``; ``LookupError`` when there is no folder for it."""
    if code not in supported():
        raise LookupError(f"no language data for {code!r} (have: {', '.join(supported())})")
    return Language(code)
