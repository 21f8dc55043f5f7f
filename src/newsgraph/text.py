"""Text folding: the keys texts and names are compared by, in one place.

Four foldings, each kept because some caller needs exactly it (changing one changes stored hashes, duplicate
decisions or entity links):

=======================  ====  ========  =========  ==========  =================================================
function                 NFKC  casefold  accents    spacing     used by
=======================  ====  ========  =========  ==========  =================================================
:func:`fold`             yes   yes       kept       as is       dedup shingles (words are cut afterwards)
:func:`normalise_text`   yes   yes       kept       collapsed   ``content_hash`` (the exact-duplicate key)
:func:`fold_case`        no    yes       kept       collapsed   entity names within an article (’ → ')
:func:`fold_name`        NFKD  yes       removed    collapsed   entity names across articles (linking; ’ → ')
=======================  ====  ========  =========  ==========  =================================================

:func:`strip_accents` is the accent removal ``fold_name`` is built on.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional
from urllib.parse import SplitResult, urlsplit

_WS = re.compile(r"\s+")


def fold(text: str) -> str:
    """NFKC, then case-folded (casefold, not lower: 'ß' matches 'SS'); spacing kept as it is."""
    return unicodedata.normalize("NFKC", text).casefold()


def normalise_text(text: str) -> str:
    """The normal form behind the exact-duplicate key: :func:`fold`, whitespace collapsed to one space, stripped."""
    return _WS.sub(" ", fold(text)).strip()


def strip_accents(text: str) -> str:
    """Canonical decomposition (NFKD) without its combining marks: 'Sérgey' -> 'Sergey'."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def fold_case(text: str) -> str:
    """Curly apostrophes straightened, spacing collapsed, case-folded; accents kept."""
    return " ".join(text.replace("’", "'").split()).casefold()


def fold_name(text: str) -> str:
    """Case-folded, accents removed, curly apostrophes straightened, spacing collapsed."""
    return " ".join(strip_accents(text.replace("’", "'")).casefold().split())


def split_url(url: Optional[str]) -> Optional[SplitResult]:
    """The parts of a page's address, or None for none or one the standard library refuses (``http://[x/``: a
    damaged capture's target URI); callers then know no host, path or domain, as for a page without an address."""
    if not url:
        return None
    try:
        return urlsplit(url)
    except ValueError:
        return None


def url_host(url: Optional[str]) -> Optional[str]:
    parts = split_url(url)
    return parts.hostname if parts else None


def outlet_of(source: Optional[str], url: Optional[str]) -> Optional[str]:
    """An article's outlet: its ``source``, else the host of its URL without ``www.`` (clean-text inputs carry no
    source); None when it has neither."""
    if source:
        return source
    host = url_host(url)
    return host[4:] if host and host.startswith("www.") else host
