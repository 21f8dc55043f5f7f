"""Token-level pieces of a figure: the number itself, the currency or unit around it, and its qualifier.

Each reader takes the spaCy ``Doc`` and a token index and returns what it found with the token index just past it
(or before it, reading leftwards), so :mod:`newsgraph.enrichment.figures` can put a figure together.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from ... import lang
from ..base import lemma_of
from .numbers import (AMBIGUOUS_UNITS, CURRENCY_SYMBOLS, CURRENCY_WORDS, DOLLAR_ADJECTIVES, FRACTIONS,
                              ISO_CODES, MULTIPLIERS, ONES, SCALES, SHORT_SCALES, VAGUE,
                              currency_of, parse_digits, parse_number, parse_vague, split_glued, unit_of)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_EN = lang.get("en").figures
QUALIFIERS, POST_QUALIFIERS, PERCENT_WORDS = _EN.QUALIFIERS, _EN.POST_QUALIFIERS, _EN.PERCENT_WORDS
LARGE_ABBREVIATIONS, INCH_MARKS = _EN.LARGE_ABBREVIATIONS, _EN.INCH_MARKS
DETERMINERS_AFTER_FRACTION = _EN.DETERMINERS_AFTER_FRACTION
_MAX_QUALIFIER_WORDS = max(len(q.split()) for q in QUALIFIERS)


_GLUED_CURRENCY = re.compile(r"^([A-Z]{1,3}\$|[A-Z]{3}|[$€£¥₹])(\d[\d,]*(?:\.\d+)?)(bn|m|mn|k)?$")


@dataclass(slots=True)
class Number:
    """A run of tokens ``[start, end)`` that reads as one number."""

    start: int
    end: int
    value: float
    scale: float = 1.0       # trailing scale word ("million"), shared by a range's low end
    vague: bool = False      # "thousands": value is an order of magnitude, no point value
    fraction: bool = False   # "a third": a proportion
    unit: Optional[str] = None  # from a glued unit ("30GB")
    currency: Optional[str] = None  # from a glued currency mark ("USD$23", "SGD1.75")
    words: int = 1


def _lower(doc: "Doc", i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def abbreviation(doc: "Doc", i: int) -> str:
    """Token ``i`` lower-cased, with the full stop the tokenizer leaves on a scale abbreviation that ends a
    sentence taken off ("£1.2m." → "m")."""
    word = _lower(doc, i)
    if word.endswith(".") and word[:-1] in SHORT_SCALES and _ends_sentence(doc, i):
        return word[:-1]
    return word


def _ends_sentence(doc: "Doc", i: int) -> bool:
    """Token ``i`` (with its full stop) ends a sentence: the text ends, or a line or a capital follows."""
    if i + 1 >= len(doc) or doc[i].is_sent_end or "\n" in doc[i].whitespace_:
        return True
    nxt = doc[i + 1]
    return nxt.is_space or not nxt.text[:1].islower()  # "£5m. Shares", "$5m. (It rose.)", "£5m. £3m", '$5m." Then'


def million_m(doc: "Doc", number: int, k: int, money: bool) -> bool:
    """Whether an "m" written right after the number at token ``number``, ending before token ``k``, is millions
    rather than metres: after a currency ("£5m", "5m euros"), before a plural noun ("9.37m vehicles") or at the
    end of a clause ("sold 9.37m."), unless the number is a race's name there ("won the 100m."); metres before
    anything else ("100m race", "2.5m-tall", "300m high")."""
    if money:
        return True
    race = _lower(doc, number - 1) == "the"
    if k >= len(doc) or abbreviation(doc, k - 1) != _lower(doc, k - 1):
        return not race
    nxt = doc[k]
    if nxt.text in ("-", "–") and _glued(doc, k - 1) and k + 1 < len(doc):
        after = doc[k + 1].lower_  # "a 50m-euro loan", "a 10m-tonne rise", "the 2m-strong diaspora"
        return after in CURRENCY_WORDS or after in ("strong", "plus") or (
            unit_of(after) is not None and after not in AMBIGUOUS_UNITS)
    if nxt.is_punct:
        return not race
    return nxt.lower_ in CURRENCY_WORDS or nxt.tag_ in ("NNS", "NNPS")


def _glued(doc: "Doc", i: int) -> bool:
    """No space between token i and token i + 1."""
    return not doc[i].whitespace_


def currency_before(doc: "Doc", i: int) -> tuple[int, Optional[str]]:
    """A currency mark right before token ``i``: ("$", "US$", "€", "USD", "Rs") → (its index, ISO code)."""
    if i <= 0:
        return i, None
    prev = doc[i - 1]
    if prev.lower_ in CURRENCY_SYMBOLS and (not prev.is_alpha or prev.text[:1].isupper()):
        if prev.lower_ in ("r", "kr", "fr.", "sfr") and prev.whitespace_ == "":
            return i, None
        country = doc[i - 2].text.lower() + "$" if i >= 2 and prev.text == "$" else ""
        if country in CURRENCY_SYMBOLS and country != "us$" and doc[i - 2].text.isupper():
            return i - 2, CURRENCY_SYMBOLS[country]  # "NZ $26 million"; "US $" stays "$" (USD either way)
        return i - 1, CURRENCY_SYMBOLS[prev.lower_]
    if prev.text in ISO_CODES:
        return i - 1, currency_of(prev.text)
    return i, None


def qualifier_before(doc: "Doc", i: int) -> tuple[int, Optional[str]]:
    """The longest qualifier phrase ending right before token ``i``: (its first index, normalised form)."""
    for n in range(_MAX_QUALIFIER_WORDS, 0, -1):
        if i - n < 0:
            continue
        phrase = " ".join(doc[k].lower_ for k in range(i - n, i))
        if phrase in QUALIFIERS and not any(doc[k].is_punct and doc[k].text != "." for k in range(i - n, i)):
            return i - n, QUALIFIERS[phrase]
    return i, None


def qualifier_after(doc: "Doc", i: int) -> tuple[int, Optional[str]]:
    """"or more", "or so", "plus" or a glued "+" right after the figure ending before token ``i``."""
    if i < len(doc) and doc[i].text == "+" and _glued(doc, i - 1):
        return i + 1, POST_QUALIFIERS["+"]
    for n in (2, 1):
        phrase = " ".join(_lower(doc, k) for k in range(i, i + n))
        if phrase in POST_QUALIFIERS and phrase != "+" and (n == 2 or phrase == "plus"):
            if phrase == "plus" and i + 1 < len(doc) and doc[i + 1].like_num:
                continue  # "5 plus 3" is arithmetic
            return i + n, POST_QUALIFIERS[phrase]
    return i, None


def percent_after(doc: "Doc", i: int) -> tuple[int, Optional[str]]:
    for words, unit in PERCENT_WORDS.items():
        if tuple(_lower(doc, k) for k in range(i, i + len(words))) == words:
            return i + len(words), unit
    return i, None


def currency_after(doc: "Doc", i: int, pounds: str = "GBP") -> tuple[int, Optional[str]]:
    """"dollars", "US dollars", "Canadian dollars", "euros", "yen", "USD" after a number, or glued to it by a
    hyphen ("a 50m-euro loan"). ``pounds``: what a "pounds" with no sign either way is in this article ("GBP", or
    "lb" where it is no British story: see :func:`pounds_are_money`)."""
    after = _lower(doc, i + 1)
    if _lower(doc, i) in ("-", "–") and _glued(doc, i - 1) and _glued(doc, i) and after in CURRENCY_WORDS \
            and after not in ("pound", "pounds"):  # "a 300-pound lineman" weighs
        i += 1
    for n in (2, 1):
        adjective = " ".join(_lower(doc, k) for k in range(i, i + n))
        noun = _lower(doc, i + n)
        if adjective in DOLLAR_ADJECTIVES and noun in ("dollar", "dollars"):
            return i + n + 1, DOLLAR_ADJECTIVES[adjective]
    word = _lower(doc, i)
    if word in CURRENCY_WORDS and word != "p" and not (word == "won" and doc[i].pos_ == "VERB"):
        if word in ("pound", "pounds") and _lower(doc, i + 1) == "sterling":
            return i + 2, "GBP"
        if word in ("pound", "pounds") and weighed_pounds(doc, i):
            return i, None  # read as a unit of weight by unit_after
        if word in ("pound", "pounds") and pounds != "GBP" and not pounds_are_money(doc, i):
            return i, None  # a weight in a story that pays in dollars or nothing: "produces 5,200 pounds"
        return i + 1, CURRENCY_WORDS[word]
    if i < len(doc) and doc[i].text in ISO_CODES:
        return i + 1, currency_of(doc[i].text)
    return i, None




def weighed_pounds(doc: "Doc", i: int) -> bool:
    """The "pounds" at token ``i`` (after a number) are a weight: of a substance ("5,200 pounds of steam", not
    "pounds of taxpayers' money"), per something ("pounds per square inch"), compared ("40 pounds heavier"), or
    what something weighs ("weighs 600 pounds", "bench-pressed 300 pounds")."""
    after = _lower(doc, i + 1)
    if after == "of":
        k = i + 2
        while _lower(doc, k) in _EN.DETERMINERS:
            k += 1
        return k < len(doc) and doc[k].is_alpha and doc[k].lower_ not in _EN.MONEY_NOUNS
    if after in _EN.WEIGHT_AFTER:
        return True
    k = _before_figure(doc, i)
    for _ in range(2):  # "weighed in at 5,200 pounds", "a weight of 300 pounds"
        if k > 0 and doc[k].lower_ in ("at", "in", "of", "out"):
            k -= 1
    return k >= 0 and (doc[k].pos_ in ("VERB", "AUX") and lemma_of(doc[k]) in _EN.WEIGHT_VERBS
                       or doc[k].lower_ in _EN.WEIGHT_NOUNS)


def _before_figure(doc: "Doc", i: int) -> int:
    """The token before the number and qualifier that end at ``i`` (the "pounds" after them)."""
    k = i - 1
    while k > 0 and (doc[k].like_num or doc[k].lower_ in QUALIFIERS or doc[k].lower_ in (",", "about")):
        k -= 1  # over the number and its qualifier to the verb: "weighed about 240 pounds"
    return k


def pounds_are_money(doc: "Doc", i: int) -> bool:
    """The "pounds" at token ``i`` pay, whatever the article's country: a conversion follows ("5,200 pounds
    ($6,700)"), a scale counts them ("3 million pounds"), or what is done with them is paying ("fined 5,200
    pounds", "sold for 40,000 pounds", "a bill of 900 pounds")."""
    if _lower(doc, i + 1) == "(" and (doc[i + 2: i + 3].text[:1] in CURRENCY_SYMBOLS
                                      or _lower(doc, i + 2) in ("us$", "usd", "about", "around", "roughly")):
        return True
    if doc[i - 1].lower_ in ("million", "billion", "trillion", "m", "mn", "bn"):
        return True  # weights this large are of something: "3 million pounds of plastic"
    k = _before_figure(doc, i)
    if k > 0 and doc[k].lower_ in ("for", "of", "at", "to", "by", "worth"):
        if doc[k].lower_ == "worth":
            return True
        k -= 1  # "sold for", "a fine of", "valued at", "raised by"
    return k >= 0 and (doc[k].pos_ in ("VERB", "AUX") and _paying(doc[k]) or doc[k].lower_ in _EN.MONEY_NOUNS_BEFORE)


def _paying(verb: "Token") -> bool:
    """A verb of paying, also where the tagger's lemma is off ("fined" → "fin")."""
    word = verb.lower_
    return any(form in _EN.MONEY_VERBS for form in (lemma_of(verb), word, word.removesuffix("d"),
                                                    word.removesuffix("ed"), word.removesuffix("s")))


def _inch_mark(doc: "Doc", i: int) -> bool:
    """Token ``i`` is an inch mark glued to the number before it ("a 13.3” display", "15″ or 17″ models"): a
    double prime, or a quote mark that closes no quotation opened earlier in its paragraph (curly marks: more
    closed than opened; straight ones: an even number before it) and is followed by a lower-case word."""
    if i >= len(doc) or doc[i].text not in INCH_MARKS or doc[i - 1].whitespace_ or not doc[i - 1].like_num:
        return False
    if doc[i].text == "″":
        return True
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is None or not (nxt.is_alpha and nxt.is_lower):
        return False
    opened = closed = straight = 0
    for k in range(i - 2, -1, -1):
        text = doc[k].text
        if "\n" in doc[k].text_with_ws:
            break  # quotations do not run on past their paragraph here
        opened += text.count("“")
        closed += text.count("”")
        straight += text.count('"')
    return opened <= closed if doc[i].text == "”" else straight % 2 == 0


def unit_after(doc: "Doc", i: int) -> tuple[int, Optional[str]]:
    """A unit after the number ending before token ``i``, with an optional glued hyphen ("3.5-inch")."""
    if _inch_mark(doc, i):
        return i + 1, "in"
    j = i
    if j < len(doc) and doc[j].text in ("-", "–") and _glued(doc, j - 1) and _glued(doc, j):
        j += 1
    for n in (2, 1):
        words = abbreviation(doc, j) if n == 1 else " ".join(_lower(doc, k) for k in range(j, j + n))
        unit = unit_of(words)
        if unit is None or j + n > len(doc):
            continue
        if words == "m" and n == 1 and j == i and i > 0 and _glued(doc, i - 1) \
                and not million_m(doc, i - 1, i + 1, False):
            return i + 1, "m"  # "a 100m race", "300m high"
        if words in AMBIGUOUS_UNITS:
            continue  # "3G", "5 m": too often not a unit
        if words in ("times", "point", "points") and j != i:
            continue
        return j + n, unit
    return i, None


def _starts_number(doc: "Doc", i: int) -> bool:
    word = doc[i].lower_
    if parse_digits(word) is not None or word in ONES:
        return True
    glued = split_glued(doc[i].text)
    if glued and (glued[1].lower() in SHORT_SCALES or unit_of(glued[1]) is not None):
        return True  # "5bn", and units the tokenizer leaves glued ("55″")
    if word in FRACTIONS and word not in ("fourth", "fifth", "sixth", "eighth", "tenth", "quarter"):
        return _lower(doc, i + 1) in DETERMINERS_AFTER_FRACTION
    if word in ("a", "an"):
        nxt = _lower(doc, i + 1)
        if nxt == "score":
            return _lower(doc, i + 2) == "of"
        return nxt in SCALES or nxt in MULTIPLIERS or (nxt in FRACTIONS and nxt != "fourth"
                                                        and _lower(doc, i + 2) in DETERMINERS_AFTER_FRACTION)
    return False


def _continues_number(doc: "Doc", j: int, money: bool) -> bool:
    word, prev = abbreviation(doc, j), doc[j - 1].lower_
    prev_digits = parse_digits(prev) is not None
    # "two thirds", "two-thirds", "one-third"; a tens word, a hyphen and a singular ordinal is no fraction
    # ("forty-fifth")
    after_one = prev in ONES or (prev == "-" and _lower(doc, j - 2) in ONES
                                 and (word.endswith("s") or _lower(doc, j - 2) == "one"))
    if word in SCALES or word in MULTIPLIERS or (word in FRACTIONS and (after_one or prev in ("a", "an"))):
        return word != "score" or _lower(doc, j + 1) == "of"
    if word in ONES:
        return prev in ONES or prev in SCALES or prev == "and" or prev == "-"
    if prev_digits and (word in LARGE_ABBREVIATIONS or (money and word in ("m", "k", "b"))):
        return True
    if prev_digits and _glued(doc, j - 1) and word in ("m", "k") and million_m(doc, j - 1, j + 1, money):
        return True  # "9.37m vehicles", "50k people", "sold 9.37m." ending a sentence
    if word == "and":
        return prev in ONES or prev in SCALES or prev == "hundred"
    if word == "a":
        return prev in ("half", "and")
    if word in ("-", "–"):
        after = _lower(doc, j + 1)
        return prev in ONES and _glued(doc, j - 1) and _glued(doc, j) and (after in ONES or after in FRACTIONS)
    return False


def _glued_currency(doc: "Doc", i: int) -> Optional[Number]:
    """One token holding currency and number: "USD$23", "SGD1.75", "US$140bn" (then "billion" may follow)."""
    match = _GLUED_CURRENCY.match(doc[i].text)
    if not match:
        return None
    currency = currency_of(match.group(1)) or (match.group(1) if match.group(1) in ISO_CODES else None)
    value = parse_number(match.group(2))
    if currency is None or value is None:
        return None
    j, scale = i + 1, SHORT_SCALES.get(match.group(3) or "", 1.0)
    if match.group(3) is None:
        k = i + 2 if _lower(doc, i + 1) == "-" and _glued(doc, i) else i + 1
        if _lower(doc, k) in SCALES or _lower(doc, k) in LARGE_ABBREVIATIONS:
            j, scale = k + 1, SCALES.get(_lower(doc, k)) or SHORT_SCALES[_lower(doc, k)]
    return Number(i, j, value * scale, scale=scale, currency=currency, words=j - i)


def number_at(doc: "Doc", i: int, money: bool = False) -> Optional[Number]:
    """The longest run of tokens from ``i`` that reads as one number."""
    glued_money = _glued_currency(doc, i)
    if glued_money is not None:
        return glued_money
    if not _starts_number(doc, i):
        return _vague_at(doc, i)
    glued = split_glued(doc[i].text)
    if glued and glued[1].lower() == "m" and not million_m(doc, i, i + 1, money):
        return Number(i, i + 1, glued[0], unit="m")  # "a 2.5m-tall wall"
    if glued and glued[1].lower() not in SHORT_SCALES:
        unit = unit_of(glued[1]) if glued[1].lower() not in AMBIGUOUS_UNITS else None
        return Number(i, i + 1, glued[0], unit=unit) if unit else None
    j = i + 1
    while j < len(doc) and _continues_number(doc, j, money):
        j += 1
    while j > i:
        last = abbreviation(doc, j - 1)
        written = doc[i:j].text[:-1] if last != doc[j - 1].lower_ else doc[i:j].text
        value = parse_number(written)
        if value is not None and doc[j - 1].lower_ not in ("and", "a", "-", "–"):
            scale = SCALES.get(last) or SHORT_SCALES.get(last) or _glued_scale(doc[j - 1].text)
            fraction = all(doc[k].lower_ in FRACTIONS or doc[k].lower_ in ("a", "an") or doc[k].lower_ in ONES
                           or doc[k].text in ("-",) for k in range(i, j)) and value < 1
            return Number(i, j, value, scale=scale or 1.0, fraction=fraction, words=j - i)
        j -= 1
    return None


def _glued_scale(text: str) -> Optional[float]:
    glued = split_glued(text)
    return SHORT_SCALES.get(glued[1].lower()) if glued else None


def _vague_at(doc: "Doc", i: int) -> Optional[Number]:
    """"thousands", "tens of thousands", "dozens of" — plural scales: an order of magnitude, no point value."""
    if doc[i].lower_ not in VAGUE or doc[i].text[:1].isupper() and i > 0 and not doc[i].is_sent_start:
        return None
    if doc[i].lower_ in ("tens", "scores") and _lower(doc, i + 1) != "of":
        return None  # "tens" and "scores" alone are rarely numbers ("scores of the games")
    if doc[i].lower_ in ("millions", "billions", "trillions") and _lower(doc, i + 1) != "of" \
            and i > 0 and (doc[i - 1].like_num or doc[i - 1].lower_ in CURRENCY_SYMBOLS):
        return None  # "watched by millions" counts; "4 millions" and "$ billions" are written otherwise
    if _lower(doc, i + 1) in ("and", "or") and _lower(doc, i + 2) == doc[i].lower_:
        return None  # "billions and billions of dollars": the last one reads the whole
    j = i + 1
    while _lower(doc, j) == "of" and _lower(doc, j + 1) in VAGUE:
        j += 2
    value = parse_vague(doc[i:j].text)
    return Number(i, j, value, vague=True, words=j - i) if value is not None else None
