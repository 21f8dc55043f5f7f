"""Test corpora for the dedup benchmark: real article texts, programmatic copies, synthetic records.

Copies are made by *recipes*. Two disjoint families, applied to disjoint originals, so that the figures on the
held-out family judge a method that was never looked at with it:

- ``dev`` recipes on MEANTIME-dev and GUM news texts: boilerplate added, a paragraph dropped, headline changed,
  and a heavy cut (a third of the text dropped: meant to fall below the threshold);
- ``held_out`` recipes on the extraction-dev ground-truth bodies: paragraphs reordered, light rewording (synonyms,
  dropped function words), syndication (agency credit, "Updated" line, last paragraph cut, straight quotes), and a
  heavy rewording (a quarter of the words changed).

Originals on the same topic (MEANTIME groups its articles by story: Airbus, Apple, GM, stock market) are the true
non-duplicates that a topic-level matcher would merge.
"""
from __future__ import annotations

import itertools
import json
import random
import re
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional

from ..evaluate.gold import read_gum, read_meantime

Recipe = Callable[[str, random.Random], str]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_HEADERS = ["Share this article", "Follow us on Twitter", "Advertisement", "Skip to main content",
            "Sign up for our daily newsletter", "Most read", "Listen to this article"]
_FOOTERS = ["© 2024 All rights reserved.", "Read more: the latest headlines.", "Photo: Reuters",
            "Reporting by our staff; editing by the news desk.", "Comments are closed.",
            "This article was amended to correct a spelling."]
_SYNONYMS = {"said": "stated", "says": "states", "company": "firm", "government": "administration",
             "people": "individuals", "new": "fresh", "big": "large", "large": "big", "told": "informed",
             "after": "following", "about": "around", "also": "additionally", "but": "however",
             "because": "since", "percent": "per cent", "officials": "authorities", "week": "weekend",
             "million": "mln", "billion": "bln", "announced": "revealed", "increase": "rise"}
_FUNCTION_WORDS = {"the", "a", "an", "that", "very", "just", "really"}


@dataclass(frozen=True, slots=True)
class Doc:
    """One text of the corpus. ``family`` is the original's id; ``recipe`` is None for an original."""

    id: str
    text: str
    family: str
    topic: str
    split: str
    recipe: Optional[str] = None


def units(text: str) -> tuple[list[str], str]:
    """The text's paragraphs (or its sentences when it has fewer than four), and the separator to rejoin them."""
    paras = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    if len(paras) >= 4:
        return paras, "\n\n"
    return [s for s in _SENTENCE_END.split(text) if s.strip()], " "


def boilerplate(text: str, rng: random.Random) -> str:
    return "\n".join(rng.sample(_HEADERS, 2)) + "\n\n" + text + "\n\n" + "\n".join(rng.sample(_FOOTERS, 2))


def drop_paragraph(text: str, rng: random.Random) -> str:
    parts, sep = units(text)
    if len(parts) > 2:
        del parts[rng.randrange(1, len(parts))]
    return sep.join(parts)


def headline(text: str, rng: random.Random) -> str:
    lines = text.split("\n", 1)
    rest = lines[1] if len(lines) > 1 else ""
    return f"{rng.choice(['UPDATE', 'EXCLUSIVE', 'ANALYSIS', 'LIVE'])}: {' '.join(lines[0].split()[::-1])}\n{rest}"


def heavy_cut(text: str, rng: random.Random) -> str:
    parts, sep = units(text)
    keep = sorted(rng.sample(range(len(parts)), max(1, round(len(parts) * 2 / 3))))
    return sep.join(parts[i] for i in keep)


def reorder(text: str, rng: random.Random) -> str:
    parts, sep = units(text)
    if len(parts) > 3:
        i, j = rng.sample(range(1, len(parts)), 2)
        parts[i], parts[j] = parts[j], parts[i]
    return sep.join(parts)


def _reword(text: str, rng: random.Random, share: float) -> str:
    def swap(match: re.Match) -> str:
        word = match.group(0)
        low = word.lower()
        if rng.random() >= share:
            return word
        if low in _SYNONYMS:
            return _SYNONYMS[low]
        if low in _FUNCTION_WORDS:
            return ""
        return word if rng.random() < 0.5 else word[::-1]  # a typo-like change where no synonym is known
    return re.sub(r"[A-Za-z]+", swap, text)


def light_reword(text: str, rng: random.Random) -> str:
    return _reword(text, rng, 0.04)


def heavy_reword(text: str, rng: random.Random) -> str:
    return _reword(text, rng, 0.25)


def syndication(text: str, rng: random.Random) -> str:
    parts, sep = units(text)
    if len(parts) > 4:
        parts = parts[:-1]
    body = sep.join(parts).replace("“", '"').replace("”", '"').replace("’", "'")
    agency = rng.choice(["(AP)", "(Reuters)", "(AFP)", "(dpa)"])
    return f"{agency} — {body}\n\nUpdated {rng.randint(1, 12)}:{rng.randint(10, 59)} p.m."


DEV_RECIPES: dict[str, Recipe] = {"boilerplate": boilerplate, "drop_paragraph": drop_paragraph,
                                  "headline": headline, "heavy_cut": heavy_cut}
HELD_OUT_RECIPES: dict[str, Recipe] = {"reorder": reorder, "light_reword": light_reword,
                                       "syndication": syndication, "heavy_reword": heavy_reword}


def originals(data_dir: Path) -> list[Doc]:
    """MEANTIME-dev and GUM news (dev split) and extraction-dev ground-truth bodies (held-out split)."""
    docs = [Doc(d.id, d.text, d.id, d.topic or "meantime", "dev") for d in read_meantime(data_dir / "meantime-dev")]
    docs += [Doc(d.id, d.text, d.id, "gum-news", "dev") for d in read_gum(data_dir / "gum")]
    truth = data_dir / "extraction-dev" / "ground-truth.json"
    if truth.is_file():
        for key, value in sorted(json.loads(truth.read_text(encoding="utf-8")).items()):
            body = (value or {}).get("articleBody") or ""
            if len(body.split()) >= 50:
                docs.append(Doc("x" + key[:16], body, "x" + key[:16], "extraction-dev", "held_out"))
    return docs


def with_copies(docs: list[Doc], seed: int = 7) -> list[Doc]:
    """The originals plus one copy per recipe of their split's family."""
    rng = random.Random(seed)
    out = list(docs)
    for doc in docs:
        recipes = DEV_RECIPES if doc.split == "dev" else HELD_OUT_RECIPES
        for name, recipe in recipes.items():
            out.append(Doc(f"{doc.id}~{name}", recipe(doc.text, rng), doc.family, doc.topic, doc.split, name))
    return out


def synthetic_texts(n: int, seed: int = 1, dup_share: float = 0.1, words: int = 400) -> Iterator[str]:
    """``n`` article-length texts from a Zipf-like vocabulary, made lazily (memory stays flat for any ``n``).

    ``dup_share`` of them are edited copies (20 words replaced by three) of one of the last 1,000 texts.
    """
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(20000)]
    cumulative = list(itertools.accumulate(1.0 / (i + 1) for i in range(len(vocab))))
    recent: deque[str] = deque(maxlen=1000)
    for _ in range(n):
        if recent and rng.random() < dup_share:
            source = recent[rng.randrange(len(recent))].split(" ")
            cut = rng.randrange(len(source))
            text = " ".join(source[:cut] + ["Share", "this", "story"] + source[cut + 20:])
        else:
            text = " ".join(rng.choices(vocab, cum_weights=cumulative, k=words))
        recent.append(text)
        yield text
