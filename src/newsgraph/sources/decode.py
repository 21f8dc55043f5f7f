"""Bytes to text: byte-order mark, declared charset, strict UTF-8, then a scored guess among legacy encodings.

Legacy single-byte encodings cannot be told apart by whether they decode (cp1251 and cp1252 accept nearly every
byte), so each candidate decoding is scored by how plausible its *words* look: real text keeps one script per
word, and Latin-script words are mostly ASCII with the odd accented letter. Cyrillic bytes read as cp1252 give
words made wholly of accented Latin letters ("Ïðèâåò"); French bytes read as cp1251 give words that mix Latin
and Cyrillic ("cafщ"). Both shapes are penalised, so the right reading wins without a detector dependency.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Optional

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# <meta charset="x">, <meta http-equiv content="text/html; charset=x">, <?xml encoding="x"?>
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_WORD = re.compile(r"[^\W\d_]+")
# Tried in order; on a tie the earlier wins. latin-1 last: it decodes anything, so it is the floor.
LEGACY_CANDIDATES = ("cp1252", "cp1251", "koi8_r", "latin-1")
_SNIFF_BYTES = 4096


class DecodeError(ValueError):
    """The bytes cannot be read as text in the encoding they declare (or in any plausible one)."""


def strip_bom(data: bytes) -> tuple[bytes, Optional[str]]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):], name
    return data, None


def normalise_charset(name: Optional[str]) -> Optional[str]:
    """A Python codec name for a declared charset, or None when Python does not know it."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'").lower()).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> Optional[str]:
    """The charset a page declares in its first bytes (meta tag or XML declaration), if Python knows it."""
    match = _DECLARED.search(data[:_SNIFF_BYTES])
    return normalise_charset(match.group(1).decode("ascii")) if match else None


def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return "UNKNOWN"


def _word_penalty(word: str) -> float:
    scripts = {_script(c) for c in word}
    if len(scripts) > 1:
        return 1.0  # one word, two alphabets: a mis-decoding
    non_ascii = sum(1 for c in word if ord(c) > 127)
    if "LATIN" in scripts and len(word) >= 3 and non_ascii * 2 > len(word):
        return 1.0  # a Latin word that is mostly accented letters: Cyrillic/Greek bytes read as Latin
    # Case flipping inside a word ("пРИВЕТ" from koi8 read as cp1251) is not how words are written.
    flips = sum(1 for a, b in zip(word[1:], word[2:]) if a.islower() and b.isupper())
    return 0.5 if flips else 0.0


def plausibility_penalty(text: str) -> float:
    """Implausible words per non-ASCII word, plus a heavy cost per control character. Lower is better."""
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f")
    words = [w for w in _WORD.findall(text) if any(ord(c) > 127 for c in w)]
    if not words:
        return float(controls)
    return sum(_word_penalty(w) for w in words) / len(words) + 10.0 * controls / max(len(text), 1)


def guess_legacy(data: bytes) -> tuple[str, str]:
    """Decode bytes that are not UTF-8 with the most plausible legacy single-byte encoding."""
    best: Optional[tuple[float, str, str]] = None
    for name in LEGACY_CANDIDATES:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = plausibility_penalty(text)
        if best is None or score < best[0]:
            best = (score, text, name)
    assert best is not None  # latin-1 decodes every byte string
    return best[1], best[2]


def decode(data: bytes, hint: Optional[str] = None) -> tuple[str, str]:
    """Return ``(text, encoding)``. ``hint`` is a charset from outside the bytes (an HTTP header).

    Order: BOM, the hint, a charset the bytes declare, strict UTF-8, the legacy guess. A declared charset that
    fails to decode is not trusted (pages lie about their charset); a BOM that fails is a :class:`DecodeError`.
    """
    body, bom = strip_bom(data)
    if bom:
        try:
            return body.decode(bom), bom
        except UnicodeDecodeError as exc:
            raise DecodeError(f"bytes start with a {bom} byte-order mark but are not {bom}: {exc.reason}") from exc
    for name in (normalise_charset(hint), declared_charset(body)):
        if name:
            try:
                return body.decode(name), name
            except UnicodeDecodeError:
                continue
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return guess_legacy(body)


def detect_encoding(data: bytes, hint: Optional[str] = None) -> str:
    """The encoding :func:`decode` would use."""
    return decode(data, hint)[1]


def looks_binary(data: bytes, sample: int = 8192, any_nul: bool = True) -> bool:
    """NUL bytes (outside UTF-16/32 text) or mostly control bytes: not a text file.

    ``any_nul=False`` lets a stray NUL pass (a file of records, where the line that holds it is rejected alone)."""
    head, bom = strip_bom(data[:sample])
    if bom and bom.startswith(("utf-16", "utf-32")):
        return False
    if not head:
        return False
    if any_nul and b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if controls / len(head) > 0.1:
        return True
    return (len(head) >= 256 and not _utf8_prefix(head) and _ascii_spaces(head) < 0.01 * len(head)
            and declared_charset(head) is None)  # a page naming its charset (GBK, Shift_JIS) is read as such


def _utf8_prefix(head: bytes) -> bool:
    """Whether ``head`` is UTF-8 (a character cut off by the sample's end is allowed)."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _ascii_spaces(head: bytes) -> int:
    # Every single-byte encoding writes spaces and line ends as ASCII; text in one of them has ~15% of them.
    # High bytes with none (random 0x80-0xFF, a compressed or encrypted blob) are not text in any language.
    return sum(head.count(c) for c in b" \n\r\t")
