"""Line shapes for cleaning flattened page captures: furniture, photo credits, share/cookie lines, bylines.

Every test here looks at the *shape* of one line (length, punctuation, function-word ratio, repeated token
families, separators) plus a few generic words of the trade (photo, credit, share, subscribe...). Nothing here
names an outlet or a person: the same tests must hold on pages of outlets never seen.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from .. import lang
from .bylines import Credit, read_credit

_TOKEN = re.compile(r"\w+(?:['’]\w+)*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_SEPARATORS = re.compile(r"\s[|•·»>/]\s|\s\|\s?|\s?\|\s")

# Function words of a few major languages: prose has many, menus and label runs have none. Generic vocabulary.
STOP_WORDS = frozenset("""
a an the and or but of to in on at by for with from as is are was were be been has have had it its this that these
those he she they we you i his her their our not no will would can could said says than then there which who whom
what when where while if into over after before about also more most all any some one two
le la les de des du et un une est en au aux pour par sur dans qui que pas
der die das und ein eine ist nicht mit von zu den dem auf für sich im
el los las y del por con para una es se al lo como
il di che per non sono della
о и в на не что с по он как это из за
""".split())

_EN = lang.get("en").boilerplate
CREDIT_WORDS = _EN.CREDIT_WORDS
_NAME_LIKE = re.compile(r"^[^\W\d_][\w.'’-]*$")
_CREDIT_SIGNS = ("/", "|", ":", "©", "(")
_BOILERPLATE_START = re.compile(rf"^({'|'.join(_EN.BOILERPLATE_STARTS)})\b", re.I)
_BOILERPLATE_ANY = re.compile(rf"\b({'|'.join(_EN.BOILERPLATE_ANYWHERE)})\b", re.I)
_COPYRIGHT = re.compile(_EN.COPYRIGHT, re.I)
_COOKIE_VERB = "|".join(_EN.COOKIE_VERBS)
_COOKIE = re.compile(rf"\bcookies?\b.*\b({_COOKIE_VERB})\b|\b({_COOKIE_VERB})\b.*\bcookies?\b", re.I)
_BYLINE = re.compile(rf"^(?:{'|'.join(_EN.BYLINE_LEADS)})\s+(.+)$", re.I)
MAX_BYLINE_TOKENS = 24  # "By A B, C D, E F and G H, Associated Press": a wire byline names several reporters


def tokens(line: str) -> list[str]:
    return _TOKEN.findall(line)


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line.rstrip()))


def stop_ratio(words: list[str]) -> float:
    if not words:
        return 0.0
    return sum(1 for w in words if w.lower() in STOP_WORDS) / len(words)


def affix_family_share(words: list[str]) -> float:
    """Largest share of tokens that contain one same 4-letter unit ("icon" in "fbicon closeicon playicon").

    Interface labels flattened into text repeat a fixed affix across the line; words of a sentence do not.
    """
    long_words = [w.lower() for w in words if len(w) >= 4]
    if not long_words:
        return 0.0
    counts: Counter[str] = Counter()
    for w in long_words:
        counts.update({w[i:i + 4] for i in range(len(w) - 3)})
    return counts.most_common(1)[0][1] / len(words)


def is_furniture(line: str) -> bool:
    """Page furniture: icon labels, menus, symbol rows. Never a line that ends like a sentence."""
    words = tokens(line)
    if not words:
        return True  # only symbols: "•••", "|", "—"
    if ends_sentence(line):
        return False
    # Short label runs need a stronger family than long ones before they count as furniture.
    if len(words) >= 6 and affix_family_share(words) >= (0.5 if len(words) >= 10 else 0.7):
        return True
    if len(words) >= 15 and stop_ratio(words) < 0.08:
        return True  # a long run of labels with no grammar in it: a flattened menu or tag cloud
    segments = [s for s in re.split(r"[|•·]", line) if s.strip()]
    return len(segments) >= 3 and len(words) / len(segments) <= 3  # "Home | World | Sport | Tech"


def _slashed_names(line: str) -> bool:
    """``Agency Photo / First Last``: two or three short runs of capitalised words joined by slashes."""
    parts = [p.split() for p in line.split("/")]
    if not 2 <= len(parts) <= 3 or sum(len(p) for p in parts) > 8:
        return False
    return all(p and len(p) <= 4 and all(_NAME_LIKE.match(w) and w[0].isupper() for w in p) for p in parts)


def is_credit(line: str) -> bool:
    """A photo credit or caption tag: short, names an agency or says photo/image, set off by / | : © or ()."""
    words = tokens(line)
    if not words or len(words) > 12:
        return False
    if _slashed_names(line.strip().strip("()")):
        return True
    lowered = [w.lower() for w in words]
    if not CREDIT_WORDS.intersection(lowered):
        return False
    stripped = line.strip()
    if ends_sentence(stripped) and len(words) > 4:
        return False  # a sentence that happens to mention a photo
    if any(sign in stripped for sign in _CREDIT_SIGNS):
        return True
    if lowered[0] in CREDIT_WORDS and len(words) > 1 and lowered[1] in _EN.CREDIT_FOLLOWERS:
        return True
    # "Getty Images", "AFP Photo", "REUTERS": a few capitalised words and nothing else.
    return len(words) <= 5 and all(w[0].isupper() for w in words)


def is_boilerplate(line: str) -> bool:
    """Share, subscribe, cookie, related-links and similar site lines."""
    words = tokens(line)
    if _COOKIE.search(line) and len(words) <= 60:
        return True
    if len(words) > 15:
        return False
    if line.lstrip().startswith("©") or _COPYRIGHT.search(line):
        return True  # a copyright notice, sentence-shaped or not
    if _BOILERPLATE_START.match(line.strip(" \t-–—•>»:")):
        return True
    return not ends_sentence(line) and bool(_BOILERPLATE_ANY.search(line))


def read_byline(line: str) -> Optional[Credit]:
    """``By Jane Doe and John Roe, Associated Press`` → its people and organisations; None when the line is not
    a byline (no "By", a sentence, or nobody named in it)."""
    match = _BYLINE.match(line.strip())
    if not match or len(tokens(line)) > MAX_BYLINE_TOKENS or ends_sentence(line) and not line.rstrip().endswith("."):
        return None
    credit = read_credit(line.strip())
    return credit if credit.people or credit.organisations else None


def parse_byline(line: str) -> Optional[list[str]]:
    """``By Jane Doe and John Roe`` → the names; None when the line is not a byline or names no person."""
    credit = read_byline(line)
    return credit.people if credit and credit.people else None


def is_prose(line: str) -> bool:
    """A body paragraph for sure: a sentence of some length, or a long line with grammar in it."""
    words = tokens(line)
    if len(words) >= 8 and ends_sentence(line):
        return True
    return len(words) >= 25 and stop_ratio(words) >= 0.15


def is_title_like(line: str, *, min_words: int = 3, max_words: int = 25) -> bool:
    """Headline shape: a few words, no final period (a question or exclamation mark is fine)."""
    words = tokens(line)
    stripped = line.rstrip()
    return min_words <= len(words) <= max_words and not re.search(r"[.…][\"'”’»)\]]*$", stripped)
