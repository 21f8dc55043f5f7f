"""Input bounds for HTML parsing: a page nested deeper than any real page is ``too_complex``, checked before the parse.

HTML parsers spend time that grows with the square of the nesting depth: 20,000 nested ``<div>``s take lexbor a
second, 200,000 take minutes. Real pages nest a few dozen levels (a few hundred on the worst CMS output), so a
cheap scan of the tags counts the depth first, and a page past :data:`MAX_DEPTH` is refused with its depth.
"""
from __future__ import annotations

import re
from typing import Optional, Union

MAX_DEPTH = 10_000  # real pages: at most ~300 (the 92 extraction-dev pages); lexbor parses 10,000 in ~0.25 s
# Elements that never hold children, or that the parser closes by itself when a sibling opens: counting them
# would take an old page's thousand unclosed <p>s for depth.
_NOT_NESTING = frozenset(b"""area base br col embed hr img input link meta source track wbr param keygen
    p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rtc rp""".split())
_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9-]{0,30})[^>]*?(/?)>")


def nesting_depth(html: Union[bytes, str], stop: int = MAX_DEPTH) -> int:
    """The deepest nesting of the page's tags (stops counting once past ``stop``)."""
    data = html.encode("utf-8", "replace") if isinstance(html, str) else html
    if data.count(b"<") <= stop:
        return 0  # too few tags to nest that deep: the common case costs one count
    depth = deepest = 0
    for match in _TAG.finditer(data):
        closing, name, selfclosing = match.groups()
        if selfclosing or name.lower() in _NOT_NESTING:
            continue
        if closing:
            depth = max(depth - 1, 0)
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest > stop:
                break
    return deepest


def too_complex(html: Union[bytes, str]) -> Optional[str]:
    """Why the page is too deeply nested to parse, or None."""
    depth = nesting_depth(html)
    if depth > MAX_DEPTH:
        return f"tags nested more than {MAX_DEPTH:,} deep (real pages nest a few dozen): not parsed"
    return None
