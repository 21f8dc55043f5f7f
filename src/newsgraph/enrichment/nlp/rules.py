"""A faster match step for spaCy's ``attribute_ruler``, giving exactly the matches its Matcher gives.

The small English model's attribute ruler maps fine tags to coarse POS, morphology and some lemmas with ~180
one- and two-token patterns. spaCy runs them through its general Matcher, which tries every pattern at every token:
~12% of the whole pipeline's time on news articles, more than the tagger and the lemmatizer together. Nearly all
patterns test a token's tag or lowercase form for equality, so an index on those two attributes finds each token's
candidate patterns in one dictionary lookup.

Only :meth:`AttributeRuler.match` is replaced; spaCy's own ``set_annotations`` still writes the attributes, in the
order ``match`` returns them (rule order, later rules win), so the result is the model's own. :func:`install` first
compiles the patterns and refuses (leaving spaCy's matcher in place) when one uses a feature this module does not
evaluate (operators like ``OP``, other attributes or predicates); it then checks, on a sample text, that the two
match lists are identical. ``tests/test_nlp_rules.py`` compares them on real articles.
"""
from __future__ import annotations

import re
import types
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Token attributes a pattern may test, as spaCy attribute names (read in one ``Doc.to_array`` call).
_ATTRS = ("TAG", "LOWER", "DEP", "ORTH", "POS", "NORM", "IS_SPACE", "IS_PUNCT", "IS_DIGIT", "IS_ALPHA")
_ALIASES = {"TEXT": "ORTH"}
_MAX_VERDICTS = 200_000
_TAG, _LOWER = _ATTRS.index("TAG"), _ATTRS.index("LOWER")

# The sample checked at install time: pronouns, contractions, auxiliaries, "y'all", spaces, quotes.
SAMPLE = ("Y'all know we'll see them, said the minister.  \"I don't think you'd let us,\" she wrote; "
          "he has been there and it's someone's call.\n\nThey couldn't've done it, could they?")


class _Unsupported(Exception):
    pass


def _value_id(value: Any) -> int:
    from spacy.strings import get_string_id
    return int(value) if isinstance(value, bool) else get_string_id(value)


class _Test:
    """One attribute test of one pattern token, evaluated on a whole column at once."""

    __slots__ = ("column", "equal", "members", "negate", "regex", "verdicts")

    def __init__(self, attr: str, spec: Any) -> None:
        attr = _ALIASES.get(attr, attr)
        if attr not in _ATTRS:
            raise _Unsupported(attr)
        self.column = _ATTRS.index(attr)
        self.equal: Optional[int] = None
        self.members: Optional[list[int]] = None
        self.negate = False
        self.regex: Optional[re.Pattern] = None
        self.verdicts: dict[int, bool] = {}  # regex result per string id, kept across documents
        if isinstance(spec, dict):
            if set(spec) == {"IN"} or set(spec) == {"NOT_IN"}:
                self.negate = "NOT_IN" in spec
                self.members = [_value_id(v) for v in next(iter(spec.values()))]
            elif set(spec) == {"REGEX"} and not attr.startswith("IS_"):
                self.regex = re.compile(spec["REGEX"])
            else:
                raise _Unsupported(f"{attr} {sorted(spec)}")
        elif isinstance(spec, (str, bool)):
            self.equal = _value_id(spec)
        else:
            raise _Unsupported(f"{attr} {spec!r}")

    def mask(self, table, strings):
        import numpy as np
        column = table[:, self.column]
        if self.equal is not None:
            return column == self.equal
        if self.members is not None:
            inside = _among(column, self.members)
            return ~inside if self.negate else inside
        known = self.verdicts
        if len(known) > _MAX_VERDICTS:
            known.clear()
        good = []
        for value in np.unique(column).tolist():
            verdict = known.get(value)
            if verdict is None:
                verdict = known[value] = self.regex.search(strings[value]) is not None
            if verdict:
                good.append(value)
        return _among(column, good)


def _among(column, members: list[int]):
    """``np.isin`` for the short lists patterns hold: a few comparisons beat its sort."""
    import numpy as np
    if len(members) > 8:
        return np.isin(column, members)
    hits = np.zeros(len(column), dtype=bool)
    for member in members:
        hits |= column == member
    return hits


class RuleIndex:
    """The ruler's patterns compiled to column tests: each pattern is matched at every position at once."""

    def __init__(self, ruler) -> None:
        self.patterns: list[tuple[int, int, list[list[_Test]]]] = []  # tested column-wise
        # One-token patterns testing only tag and/or lowercase form for equality (most of them): looked up per
        # token by (tag, lower), (tag, None) and (None, lower).
        self.lookup: dict[tuple[Optional[int], Optional[int]], list[tuple[int, int]]] = {}
        for rule, match_id in enumerate(self._rule_keys(ruler)):
            for pattern in ruler.matcher.get(match_id)[1]:
                if not pattern:
                    raise _Unsupported("empty pattern")
                tokens = [[_Test(attr.upper(), spec) for attr, spec in token.items()] for token in pattern]
                key = self._lookup_key(tokens)
                if key is None:
                    self.patterns.append((rule, match_id, tokens))
                else:
                    self.lookup.setdefault(key, []).append((rule, match_id))
        self.attr_ids = self._attr_ids()

    @staticmethod
    def _lookup_key(tokens: list[list[_Test]]) -> Optional[tuple[Optional[int], Optional[int]]]:
        if len(tokens) != 1 or not tokens[0]:
            return None
        found: dict[int, int] = {}
        for test in tokens[0]:
            if test.equal is None or test.column not in (_TAG, _LOWER) or test.column in found:
                return None
            found[test.column] = test.equal
        return found.get(_TAG), found.get(_LOWER)

    @staticmethod
    def _attr_ids() -> list[int]:
        from spacy import attrs
        return [getattr(attrs, name) for name in _ATTRS]

    @staticmethod
    def _rule_keys(ruler) -> list[int]:
        """The Matcher key of each rule, in rule order (the ruler names rule ``i`` by the string ``str(i)``)."""
        keys = [ruler.vocab.strings[str(i)] for i in range(len(ruler.attrs))]
        if any(k not in ruler.matcher for k in keys):
            raise _Unsupported("rule keys")
        return keys

    def match(self, doc: "Doc") -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` returns: (rule, match id, start, end), sorted."""
        import numpy as np
        n = len(doc)
        if n == 0:
            return []
        table = doc.to_array(self.attr_ids).reshape(n, len(self.attr_ids))
        strings = doc.vocab.strings
        found = set()
        lookup = self.lookup
        for i, (tag, lower) in enumerate(table[:, [_TAG, _LOWER]].tolist()):
            for key in ((tag, lower), (tag, None), (None, lower)):
                for rule, match_id in lookup.get(key, ()):
                    found.add((rule, match_id, i, i + 1))
        for rule, match_id, tokens in self.patterns:
            length = len(tokens)
            if length > n:
                continue
            hits = np.ones(n - length + 1, dtype=bool)
            for k, tests in enumerate(tokens):
                for test in tests:
                    hits &= test.mask(table, strings)[k:n - length + 1 + k]
            found.update((rule, match_id, int(i), int(i) + length) for i in np.flatnonzero(hits))
        return sorted(found)


def install(nlp: "Language", name: str = "attribute_ruler") -> bool:
    """Give ``nlp``'s attribute ruler the indexed match; False (spaCy's matcher kept) when a pattern cannot be
    compiled or the two disagree on :data:`SAMPLE`."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    try:
        index = RuleIndex(ruler)
    except _Unsupported:
        return False
    if not agrees(nlp, ruler, index, SAMPLE):
        return False
    ruler.match = types.MethodType(lambda self, doc: index.match(doc), ruler)
    return True


def agrees(nlp: "Language", ruler, index: RuleIndex, text: str) -> bool:
    """Both match steps give the same list on ``text``, parsed up to the ruler."""
    doc = _parse_until(nlp, ruler, text)
    return type(ruler).match(ruler, doc) == index.match(doc)


def _parse_until(nlp: "Language", ruler, text: str) -> "Doc":
    doc = nlp.make_doc(text)
    for _, component in nlp.pipeline:
        if component is ruler:
            break
        doc = component(doc)
    return doc


def installed(nlp: "Language", name: str = "attribute_ruler") -> Optional[bool]:
    """Whether the ruler runs the indexed match (None without a ruler)."""
    if name not in nlp.pipe_names:
        return None
    return "match" in vars(nlp.get_pipe(name))
