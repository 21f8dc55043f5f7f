"""A quotation's words as matching sees them, and the keys that find it again in the index.

Outlets reprint the same words with their own house style: curly or straight marks, "don't" or "don’t", dashes,
capitals at a new sentence start, ``...`` or ``…`` or ``[…]`` where they cut. None of that changes what was said, so
matching reads only the words: NFKC, case-folded, apostrophes dropped inside words, every other mark a word break.
An ellipsis is kept apart, as a gap marker: it is not a word (so it never stops two versions matching), but it
tells drift detection that a cut was shown to the reader.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from ..model import Quote

GAP = "…"
_ELLIPSIS = re.compile(r"\[\s*(?:\.\s*){3}\]|\[\s*…\s*\]|(?:\.\s*){3,}|…")
_APOSTROPHE = re.compile(r"(?<=\w)['’ʼ`](?=\w)")
_TOKEN = re.compile(r"\w+|" + GAP)

#: Word n-gram length of the index keys. Four words are rare enough in news prose that a key's posting list stays
#: short, and short enough that one changed word in a ten-word quote still leaves keys on both sides of it.
KEY_WORDS = 4


@dataclass(frozen=True, slots=True)
class Words:
    """``words``: the normalised words; ``gaps``: positions i where an ellipsis stood before ``words[i]``
    (``len(words)`` for a trailing one)."""

    words: tuple[str, ...]
    gaps: frozenset[int] = frozenset()

    def __len__(self) -> int:
        return len(self.words)

    def encode(self) -> str:
        """One string that :func:`decode` reads back (what a store keeps): words and gap markers, space-separated."""
        out: list[str] = []
        for i, word in enumerate(self.words):
            if i in self.gaps:
                out.append(GAP)
            out.append(word)
        if len(self.words) in self.gaps:
            out.append(GAP)
        return " ".join(out)


def decode(encoded: str) -> Words:
    return _from_tokens(encoded.split())


def words_of(text: str) -> Words:
    """The words of ``text``, normalised (see the module docstring)."""
    folded = unicodedata.normalize("NFKC", text)
    folded = _ELLIPSIS.sub(f" {GAP} ", folded).casefold()
    folded = _APOSTROPHE.sub("", folded)
    return _from_tokens(_TOKEN.findall(folded))


def _from_tokens(tokens: list[str]) -> Words:
    words: list[str] = []
    gaps: set[int] = set()
    for token in tokens:
        if token == GAP:
            gaps.add(len(words))
        else:
            words.append(token)
    return Words(tuple(words), frozenset(gaps - {0}))  # a leading ellipsis only says "not from the start"


def quoted_text(text: str, quote: Quote) -> str:
    """What the speaker is quoted as saying word for word: the stretches inside quotation marks (``parts``),
    joined by a gap when there are several (``"A," she said. "B."``), else the quote's own text."""
    parts = [text[s:e] for s, e in quote.parts if 0 <= s < e <= len(text)]
    return f" {GAP} ".join(parts) if parts else quote.text


def keys(words: Words, n: int = KEY_WORDS) -> list[int]:
    """Signed 64-bit hashes of the word n-grams (the whole text when shorter), unique, in order of first use."""
    seq = words.words
    grams = [seq] if len(seq) <= n else [seq[i:i + n] for i in range(len(seq) - n + 1)]
    out = dict.fromkeys(_hash(" ".join(gram)) for gram in grams)
    return list(out)


def _hash(gram: str) -> int:
    return int.from_bytes(hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest(), "big", signed=True)
