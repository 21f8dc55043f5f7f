"""Reading numbers as news writes them: digits, words, scales, fractions, currencies and units.

Pure string functions with no spaCy dependency, so they are cheap to property-test:

- :func:`parse_number` — ``"1.2 billion"`` → 1.2e9, ``"two dozen"`` → 24, ``"a third"`` → 0.333…,
  ``"€5bn"`` → 5e9, ``"123 million dollars"`` → 1.23e8; ``None`` when the text is not one number.
- :func:`parse_vague` — plural scales, which give no number but an order of magnitude: ``"thousands"`` → 1000,
  ``"tens of thousands"`` → 10,000 (the figure's ``value_min``; its ``value`` stays empty).
- :func:`currency_of` and :func:`unit_of` — a currency mark or unit word to its ISO 4217 code / canonical unit.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

from ... import lang

_EN = lang.get("en").figures
ONES, SCALES, SHORT_SCALES = _EN.ONES, _EN.SCALES, _EN.SHORT_SCALES
MULTIPLIERS, FRACTIONS, VAGUE = _EN.MULTIPLIERS, _EN.FRACTIONS, _EN.VAGUE
CURRENCY_SYMBOLS, ISO_CODES, CURRENCY_WORDS = _EN.CURRENCY_SYMBOLS, _EN.ISO_CODES, _EN.CURRENCY_WORDS
SUBUNIT_WORDS, DOLLAR_ADJECTIVES, UNITS = _EN.SUBUNIT_WORDS, _EN.DOLLAR_ADJECTIVES, _EN.UNITS
AMBIGUOUS_UNITS = _EN.AMBIGUOUS_UNITS
NUMBER_WORDS = set(ONES) | set(SCALES) | set(MULTIPLIERS) | set(FRACTIONS)


# Metric prefixes that spaCy may keep glued to digits ("30GB", "2GHz", "500km").
_GLUED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)([A-Za-z°²/]+|″)$")
_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$")
_FRACTION_DIGITS = re.compile(r"^(\d+)/(\d+)$")
_SPLIT = re.compile(r"[\s\u00a0\u2009\u202f]+|(?<=[a-z])-(?=[a-z])")
_PREFIX = re.compile(r"^(US\$|U\.S\.\$|USD\$|A\$|AU\$|C\$|CA\$|NZ\$|HK\$|S\$|R\$|CN¥|[$€£¥₹₩₽₺₪₦₱])",
                     re.IGNORECASE)


def parse_digits(text: str) -> Optional[float]:
    """``"70,000"`` → 70000.0, ``"1.5"`` → 1.5, ``"3/4"`` → 0.75, ``"½"`` → 0.5; ``None`` if not digits."""
    text = text.strip()
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    frac = _FRACTION_DIGITS.match(text)
    if frac and int(frac.group(2)):
        return int(frac.group(1)) / int(frac.group(2))
    if len(text) == 1 and unicodedata.category(text) == "No":
        try:
            return float(unicodedata.numeric(text))
        except (TypeError, ValueError):
            return None
    return None


def split_glued(token: str) -> Optional[tuple[float, str]]:
    """``"5bn"`` → (5.0, "bn"), ``"30GB"`` → (30.0, "GB"); ``None`` when the token is not digits + letters."""
    match = _GLUED.match(token)
    if not match:
        return None
    value = parse_digits(match.group(1))
    return (value, match.group(2)) if value is not None else None


def currency_of(mark: str) -> Optional[str]:
    """A currency symbol, ISO code or name as written → its ISO 4217 code (``"US$"`` → ``"USD"``)."""
    low = mark.strip().lower()
    if low in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[low]
    if mark.strip().upper() in ISO_CODES and mark.strip().isupper():
        return "CNY" if mark.strip().upper() == "RMB" else mark.strip().upper()
    return CURRENCY_WORDS.get(low)


def unit_of(word: str) -> Optional[str]:
    """A unit as written (``"tonnes"``, ``"GB"``, ``"nautical miles"``) → canonical unit, else ``None``."""
    low = word.strip().lower()
    if low in UNITS:
        return UNITS[low]
    # "a 50-megawatt farm": a unit before a noun is written in the singular
    return UNITS.get(low + "s") if len(low) > 3 else None


def _words(text: str) -> list[str]:
    return [w for w in _SPLIT.split(text.strip().lower()) if w]


def _strip_currency(words: list[str]) -> tuple[list[str], Optional[str]]:
    """Remove a leading symbol/code and trailing currency words; return the rest and the ISO code."""
    currency = None
    if words:
        match = _PREFIX.match(words[0])
        if match:
            currency = currency_of(match.group(1))
            rest = words[0][match.end():]
            words = ([rest] if rest else []) + words[1:]
        elif words[0].upper() in ISO_CODES or words[0] in ("rs", "rs."):
            currency, words = currency_of(words[0].upper() if words[0].upper() in ISO_CODES else words[0]), words[1:]
    while words and (currency_of(words[-1]) or words[-1] in DOLLAR_ADJECTIVES or words[-1] in ("(", ")")):
        found = currency_of(words[-1]) if words[-1] not in ("(", ")") else None
        currency = currency or found
        words = words[:-1]
    return words, currency


def _can_add(current: float, ones: int) -> bool:
    """Whether a ones/tens word may follow ``current``: "hundred five", "twenty five", never "two five"."""
    if not current:
        return True
    rest = current % 100
    return rest == 0 or (ones < 10 and rest >= 20 and rest % 10 == 0)


def _apply_word(state: list[float], word: str) -> bool:
    """Fold one number word into ``state = [total, current]``; False when the word is not a number word."""
    total, current = state
    if word in ONES:
        if not _can_add(current, ONES[word]):
            return False
        current += ONES[word]
    elif word in SCALES and SCALES[word] == 100:
        current = (current or 1) * 100
    elif word in SCALES or word in SHORT_SCALES:
        scale = SCALES.get(word) or SHORT_SCALES[word]
        total, current = total + (current or 1) * scale, 0.0
    elif word in MULTIPLIERS:
        current = (current or 1) * MULTIPLIERS[word]
    elif word in FRACTIONS:
        current = (current or 1) * FRACTIONS[word]
    else:
        digits = parse_digits(word)
        if digits is None or current:
            return False  # not a number, or two numbers side by side ("5 5")
        current += digits
    state[0], state[1] = total, current
    return True


def parse_number(text: str) -> Optional[float]:
    """Read one number written in digits and/or words, with optional scale, currency and percent sign.

    ``None`` when any word is not part of a number (so ``"page 3"`` is not 3) or nothing numeric is there.
    """
    words, _ = _strip_currency(_words(text.replace("%", " ")))
    while words and words[-1] in ("percent", "per", "cent", "pc"):
        words = words[:-1]
    expanded: list[str] = []
    for word in words:
        glued = split_glued(word)
        if glued and glued[1].lower() in SHORT_SCALES:
            expanded += [word[: len(word) - len(glued[1])], glued[1].lower()]
        else:
            expanded.append(word)
    return _fold(expanded)


def _fold(words: list[str]) -> Optional[float]:
    if not words or words[0] in SCALES or words[0] in SHORT_SCALES or words[0] in MULTIPLIERS:
        return None  # "million" alone is not a number; "a million" is
    state = [0.0, 0.0]
    seen_number = False
    i = 0
    while i < len(words):
        word = words[i]
        if word == "and" and words[i + 1: i + 3] in (["a", "half"], ["a", "quarter"]):
            state[1] += FRACTIONS[words[i + 2]]
            i += 3
            continue
        if word in ("a", "an"):
            if seen_number and state[1]:
                i += 1  # "half a million"
                continue
            state[1] = state[1] or 1.0
        elif word == "and" and seen_number:
            pass
        elif _apply_word(state, word):
            seen_number = True
        else:
            return None
        i += 1
    if not seen_number or words[-1] in ("a", "an", "and"):
        return None
    return state[0] + state[1]


def parse_vague(text: str) -> Optional[float]:
    """The order of magnitude of plural scales: ``"hundreds"`` → 100, ``"tens of thousands"`` → 10,000. No point
    value is implied: "thousands" may be 2,000 or 900,000."""
    words = [w for w in _words(text) if w != "of"]
    if not words or any(w not in VAGUE for w in words):
        return None
    value = 1.0
    for word in words:
        value *= VAGUE[word]
    return value
