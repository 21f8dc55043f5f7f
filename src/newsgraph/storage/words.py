"""Word-start terms of a name key, shared by the speaker index and the facet tokens (both look names up by any
word the user starts typing); its own module so that neither of those imports the other."""
from __future__ import annotations

from typing import Optional

TOP = "\U0010ffff"  # sorts after every other code point: key + TOP bounds the range of strings starting with key


def terms(key: Optional[str]) -> list[str]:
    """The suffixes of ``key`` that start a word (at 0 or after a non-alphanumeric character), longest first."""
    if not key:
        return []
    starts = [0] + [i for i in range(1, len(key)) if key[i].isalnum() and not key[i - 1].isalnum()]
    return list(dict.fromkeys(key[i:] for i in starts))


def key(name: Optional[str]) -> Optional[str]:
    """Case-insensitive match key; casefold (not lower) so that e.g. 'ß' matches 'SS'."""
    return None if name is None else name.casefold()
