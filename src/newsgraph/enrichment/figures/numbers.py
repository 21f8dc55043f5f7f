"""Reading numbers as news writes them: digits, words, scales, fractions, currencies and units.

Pure string functions with no spaCy dependency, so they are cheap to property-test:

- :func:`parse_number` — ``"1.2 billion"`` → 1.2e9, ``"two dozen"`` → 24, ``"a third"`` → 0.333…,
  ``"€5bn"`` → 5e9, ``"123 million dollars"`` → 1.23e8; ``None`` when the text is not one number.
- :func:`parse_vague` — plural scales that give only a lower bound: ``"thousands"`` → 2000 (the smallest number
  "thousands" can mean), ``"tens of thousands"`` → 20,000.
- :func:`currency_of` and :func:`unit_of` — a currency mark or unit word to its ISO 4217 code / canonical unit.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

ONES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# Scales that close a group ("two hundred thousand" = (2 * 100) * 1000).
SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
# Abbreviated scales, written glued (``5bn``) or apart (``5 bn``).
SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6, "bn": 1e9, "b": 1e9, "bln": 1e9,
                "tn": 1e12, "trn": 1e12}
# Multipliers that do not close a group: "two dozen" = 2 * 12, "a score" = 20.
MULTIPLIERS = {"dozen": 12.0, "score": 20.0}
FRACTIONS = {"half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4,
             "quarters": 1 / 4, "fourth": 1 / 4, "fourths": 1 / 4, "fifth": 1 / 5, "fifths": 1 / 5,
             "sixth": 1 / 6, "sixths": 1 / 6, "eighth": 1 / 8, "eighths": 1 / 8, "tenth": 1 / 10,
             "tenths": 1 / 10}
VAGUE = {"tens": 10.0, "dozens": 12.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1e3,
         "millions": 1e6, "billions": 1e9, "trillions": 1e12}
NUMBER_WORDS = set(ONES) | set(SCALES) | set(MULTIPLIERS) | set(FRACTIONS)

# Currency marks written before the number. "$" alone is taken as USD, the usage of most English news.
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "u.s.$": "USD", "usd$": "USD", "a$": "AUD", "au$": "AUD",
                    "c$": "CAD", "ca$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "r$": "BRL",
                    "€": "EUR", "£": "GBP", "¥": "JPY", "cn¥": "CNY", "rmb": "CNY", "₹": "INR", "rs": "INR",
                    "rs.": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₪": "ILS", "₦": "NGN", "₱": "PHP",
                    "r": "ZAR", "sfr": "CHF", "fr.": "CHF", "kr": "SEK"}
ISO_CODES = {"USD", "EUR", "GBP", "JPY", "CNY", "INR", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "BRL",
             "RUB", "KRW", "MXN", "ZAR", "SEK", "NOK", "DKK", "PLN", "TRY", "ILS", "NGN", "PHP", "IDR",
             "THB", "MYR", "PKR", "EGP", "SAR", "AED", "ARS", "CLP", "COP", "KES", "UAH", "CZK", "HUF",
             "RMB"}
# Currency names written after the number; adjectives ("Canadian dollars") refine the dollar.
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
                  "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
                  "rupee": "INR", "rupees": "INR", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
                  "rubles": "RUB", "franc": "CHF", "francs": "CHF", "won": "KRW", "peso": "MXN",
                  "pesos": "MXN", "real": "BRL", "reais": "BRL", "rand": "ZAR", "lira": "TRY",
                  "shekel": "ILS", "shekels": "ILS", "naira": "NGN", "krona": "SEK", "kronor": "SEK",
                  "krone": "NOK", "kroner": "NOK", "cent": "USD", "cents": "USD", "pence": "GBP", "p": "GBP"}
SUBUNIT_WORDS = {"cent", "cents", "pence", "p"}
DOLLAR_ADJECTIVES = {"us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
                     "new zealand": "NZD", "hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD",
                     "zimbabwe": "ZWL", "zimbabwean": "ZWL"}

# Unit words (lower case, as written) → canonical unit. Time units are not here: durations are the times stage's.
UNITS = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "m": "m", "metre": "m", "metres": "m", "meter": "m", "meters": "m", "cm": "cm", "mm": "mm",
    "centimetres": "cm", "centimeters": "cm", "millimetres": "mm", "millimeters": "mm",
    "mile": "mi", "miles": "mi", "mi": "mi", "nautical miles": "nmi", "nmi": "nmi", "ft": "ft", "foot": "ft",
    "feet": "ft", "inch": "in", "inches": "in", "yard": "yd", "yards": "yd",
    "kg": "kg", "kgs": "kg", "kilo": "kg", "kilos": "kg", "kilogram": "kg", "kilograms": "kg",
    "kilogramme": "kg", "kilogrammes": "kg", "g": "g", "gram": "g", "grams": "g", "grammes": "g",
    "mg": "mg", "lb": "lb", "lbs": "lb", "ounce": "oz", "ounces": "oz", "oz": "oz",
    "tonne": "t", "tonnes": "t", "ton": "t", "tons": "t", "t": "t", "metric tons": "t",
    "litre": "l", "litres": "l", "liter": "l", "liters": "l", "l": "l", "gallon": "gal", "gallons": "gal",
    "barrel": "bbl", "barrels": "bbl", "bbl": "bbl", "cubic metres": "m3", "cubic meters": "m3",
    "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2", "km2": "km2", "km²": "km2",
    "square miles": "mi2", "sq mi": "mi2", "square metres": "m2", "square meters": "m2", "square feet": "ft2",
    "sq ft": "ft2", "m²": "m2", "acre": "acre", "acres": "acre", "hectare": "ha", "hectares": "ha", "ha": "ha",
    "kb": "kB", "mb": "MB", "gb": "GB", "tb": "TB", "pb": "PB", "kbps": "kbit/s", "mbps": "Mbit/s",
    "gbps": "Gbit/s", "megabytes": "MB", "gigabytes": "GB", "terabytes": "TB", "megapixels": "MP", "mp": "MP",
    "hz": "Hz", "khz": "kHz", "mhz": "MHz", "ghz": "GHz", "w": "W", "kw": "kW", "mw": "MW", "gw": "GW",
    "watts": "W", "kilowatts": "kW", "megawatts": "MW", "gigawatts": "GW", "kwh": "kWh", "mwh": "MWh",
    "gwh": "GWh", "twh": "TWh", "v": "V", "volts": "V", "mph": "mph", "km/h": "km/h", "kph": "km/h",
    "knots": "kn", "kt": "kn", "°c": "°C", "°f": "°F", "degrees": "°", "calories": "kcal",
    "basis points": "bp", "basis point": "bp", "points": "point", "point": "point", "pts": "point",
    "times": "times", "fold": "times", "″": "in",
}
# Units whose short form is too ambiguous alone ("5 m" may be five million, "10 t" a typo).
AMBIGUOUS_UNITS = {"m", "g", "t", "l", "w", "v", "p", "mi", "kt", "mp", "b"}
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
    """Plural scales give a lower bound: ``"hundreds"`` → 200, ``"tens of thousands"`` → 20,000."""
    words = [w for w in _words(text) if w != "of"]
    if not words or any(w not in VAGUE for w in words):
        return None
    value = 2.0
    for word in words:
        value *= VAGUE[word]
    return value
