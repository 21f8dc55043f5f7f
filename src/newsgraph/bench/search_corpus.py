"""A news-like synthetic corpus for the search benchmark: Zipfian words, Zipfian people and organisations, quotes.

Why not a small fixed vocabulary: with ~70 words every query term occurs in most articles, so the benchmark would
time "rank the whole corpus" and nothing else. Real news has a long tail: a few function words occur everywhere,
content words follow Zipf's law over tens of thousands of forms, and most names are rare. This generator keeps
those shapes (seeded, so the same seed gives the same corpus):

- vocabulary: ~120 English function words (about 45 % of tokens), then 50,000 content words ranked Zipf-Mandelbrot
  (real news words such as "government" at ranks 100-400, so each is in roughly 10-35 % of articles; the rest
  synthetic forms like "tavorine", the rarest in about 0.1 %);
- people: 20,000 distinct first-name x surname pairs over 8,000 surnames (namesakes exist), orgs: 3,000 names,
  outlets: 200; each drawn Zipf-wise so a handful are in many articles and most in few;
- articles: 300-1000 words, 2-6 people and 1-3 organisations mentioned by full name then by surname, 1-4 quotes
  (direct or indirect) by people of the article, about the other entities; published 2010-2020.
"""
from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from functools import lru_cache

from ..ids import content_hash
from ..model import Article, Entity, Mention, Quote, Speaker

FUNCTION_WORDS = (
    "the of and to a in that is for on it with as was he be by at from his an have has are not this but had "
    "they were which their its been will would or who more than after also there we about said could up one "
    "two out all into new when over last she her i what some can if no other so only other first years year "
    "before while those our them may under because very where since just most then such between against many "
    "both these during each any how much three should still being made did do does even well back down off "
    "own through again now here might must like week people time").split()
NEWS_WORDS = (
    "government minister president police election officials country state talks report market city forces "
    "court security military party prices company law border crisis deal bank economy leaders vote council "
    "parliament protest oil ceasefire sanctions refugees inflation health workers strike summit attack troops "
    "rates growth budget shares profits investigation trade agreement ruling weapons nuclear energy climate "
    "schools hospital spokesman opposition campaign region army coalition peace tax debt union central").split()
FIRST_NAMES = (
    "John Maria Ahmed Wei Olga Pierre Fatima Carlos Anna James Sergey Angela Hiroshi Amina David Elena Mohammed "
    "Li Sarah Juan Ivan Priya Thomas Ana Kwame Laura Ali Sofia Michael Chen Yusuf Marta Peter Aisha Luis Emma "
    "Dmitri Grace Omar Julia Kenji Nadia Paul Ingrid Rafael Zainab Mark Helen Jorge Leila").split()
ORG_KINDS = ("Bank", "Group", "Ministry of {}", "Party", "Corporation", "Institute", "Council", "Union", "Holdings",
             "Foundation", "Agency", "{} University")
SYLLABLES = ("ba be bi bo bu da de di do du fa fe fi ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu "
             "pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zi ar en in or us el an "
             "on ol ur ir ex").split()
ENDINGS = ("", "", "n", "r", "s", "t", "l", "ne", "ro", "ine", "ov", "ez", "ski", "son", "ing", "ed", "ity")
N_WORDS, N_SURNAMES, N_PEOPLE, N_ORGS, N_SOURCES = 50_000, 8_000, 20_000, 3_000, 200
FUNCTION_SHARE = 0.45
NEWS_RANK, NEWS_STRIDE = 100, 4
POOL_SIZE = 1 << 20


def _forms(rng: random.Random, n: int, taken: set[str]) -> list[str]:
    """``n`` distinct pronounceable lowercase forms not in ``taken`` (adds them to it)."""
    out: list[str] = []
    while len(out) < n:
        w = "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) + rng.choice(ENDINGS)
        if w not in taken:
            taken.add(w)
            out.append(w)
    return out


def _zipf_cum(n: int, offset: float, s: float = 1.0) -> list[float]:
    """Cumulative Zipf-Mandelbrot weights 1 / (rank + offset) ** s for ranks 0..n-1."""
    return list(itertools.accumulate(1.0 / (r + offset) ** s for r in range(n)))


@dataclass(frozen=True)
class Vocabulary:
    """Everything drawn from when writing articles; ``*_cum`` are cumulative weights for ``random.choices``."""

    words: list[str]
    words_cum: list[float]
    people: list[tuple[str, str]]  # (full name, surname), most frequent first
    people_cum: list[float]
    orgs: list[str]
    orgs_cum: list[float]
    sources: list[str]
    sources_cum: list[float]
    pool: list[str]  # POOL_SIZE tokens drawn once: an article reads a strided slice (sampling per token is slow)


@lru_cache(maxsize=4)
def vocabulary(seed: int = 13) -> Vocabulary:
    rng = random.Random(seed * 7919 + 1)
    taken = set(FUNCTION_WORDS) | set(NEWS_WORDS) | {"none", "true", "false", "null"}
    content = _forms(rng, N_WORDS - len(NEWS_WORDS), taken)
    for i, word in enumerate(NEWS_WORDS):  # real news words at ranks 100-400: in roughly 10-35 % of articles
        content.insert(NEWS_RANK + NEWS_STRIDE * i, word)
    content_cum = _zipf_cum(len(content), offset=20.0)
    func_cum = _zipf_cum(len(FUNCTION_WORDS), offset=1.0)
    # Scale function words to FUNCTION_SHARE of all tokens, content words to the rest, in one cumulative list.
    f_scale = FUNCTION_SHARE / func_cum[-1]
    c_scale = (1 - FUNCTION_SHARE) / content_cum[-1]
    words = list(FUNCTION_WORDS) + content
    cum = [w * f_scale for w in func_cum] + [FUNCTION_SHARE + w * c_scale for w in content_cum]
    surnames = [s.capitalize() for s in _forms(rng, N_SURNAMES, taken)]
    pairs: set[tuple[str, str]] = set()
    people: list[tuple[str, str]] = []
    while len(people) < N_PEOPLE:
        pair = (rng.choice(FIRST_NAMES), rng.choice(surnames))
        if pair not in pairs:
            pairs.add(pair)
            people.append((f"{pair[0]} {pair[1]}", pair[1]))
    orgs = []
    for stem in _forms(rng, N_ORGS, taken):
        kind = rng.choice(ORG_KINDS)
        orgs.append(kind.format(stem.capitalize()) if "{}" in kind else f"{stem.capitalize()} {kind}")
    sources = [f"{s}.example" for s in _forms(rng, N_SOURCES, taken)]
    pool = rng.choices(words, cum_weights=cum, k=POOL_SIZE)
    return Vocabulary(words, cum, people, _zipf_cum(N_PEOPLE, 10.0), orgs, _zipf_cum(N_ORGS, 5.0),
                      sources, _zipf_cum(N_SOURCES, 2.0), pool)


class _Writer:
    """Builds one article's text left to right, remembering where each name and quote landed."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def add(self, s: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return start, self.pos

    def text(self) -> str:
        return "".join(self.parts)


def _sentence(words: list[str], capital: bool = True) -> str:
    s = " ".join(words)
    return (s[:1].upper() + s[1:] if capital else s) + "."


def synthetic_article(n: int, rng: random.Random, seed: int = 13) -> Article:
    """Article ``n``: 300-1000 words of Zipfian text with people, organisations and quotes woven in."""
    v = vocabulary(seed)
    people = list(dict.fromkeys(rng.choices(v.people, cum_weights=v.people_cum, k=rng.randint(2, 6))))
    orgs = list(dict.fromkeys(rng.choices(v.orgs, cum_weights=v.orgs_cum, k=rng.randint(1, 3))))
    length = rng.randint(300, 1000)
    # A slice with a random odd stride: distinct articles get distinct word sequences with the same statistics.
    stride = 2 * rng.randint(0, 127) + 1
    start = rng.randrange(POOL_SIZE - stride * length)
    tokens = v.pool[start:start + stride * length:stride]
    names = [(full, short, "PERSON") for full, short in people] + [(o, o, "ORG") for o in orgs]
    n_quotes = rng.randint(1, 4)
    w = _Writer()
    mentions: dict[str, list[Mention]] = {full: [] for full, _, _ in names}
    quotes: list[tuple[str, tuple[int, int], tuple[int, int], tuple[int, int], str]] = []
    i, k = 0, 0
    while i < length:
        step = rng.randint(10, 30)
        chunk = tokens[i:i + step]
        i += step
        full, short, kind = names[k % len(names)]
        named = full if not mentions[full] else short
        if kind == "PERSON" and len(quotes) < n_quotes and k % 2 == 0:
            m = w.add(named)
            cue = w.add(" said")
            w.add(' "' if k % 4 == 0 else " that ")
            q = w.add(_sentence(chunk, capital=k % 4 == 0)[:-1])
            w.add('". ' if k % 4 == 0 else ". ")
            quotes.append((full, m, cue, q, "direct" if k % 4 == 0 else "indirect"))
        else:
            half = len(chunk) // 2
            w.add(_sentence(chunk[:half] or ["and"])[:-1] + " ")
            m = w.add(named)
            w.add(" " + _sentence(chunk[half:] or ["said"], capital=False) + " ")
        mentions[full].append(Mention(*m))
        k += 1
    text = w.text().rstrip()
    ids = {full: f"e{j}" for j, (full, _, _) in enumerate(names, 1)}
    entities = [Entity(ids[full], full, kind, mentions[full]) for full, _, kind in names if mentions[full]]
    present = [e.id for e in entities]
    quote_objs = [Quote(text[q[0]:q[1]], q, kind, [q] if kind == "direct" else [], "said", cue,
                        Speaker(text[m[0]:m[1]], m, ids[full], full), [e for e in present if e != ids[full]][:3])
                  for full, m, cue, q, kind in quotes]
    lead = people[0][1] if rng.random() < 0.7 else orgs[0]
    title = f"{lead} {' '.join(rng.choices(v.words, cum_weights=v.words_cum, k=rng.randint(4, 9)))}"
    day = f"{rng.randint(2010, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00:00"
    return Article(id=f"s{n}", text=text, content_hash=content_hash(text), title=title, published=day,
                   source=rng.choices(v.sources, cum_weights=v.sources_cum)[0], language="en",
                   entities=entities, quotes=quote_objs)


def queries(seed: int = 13) -> list[tuple[str, str]]:
    """The fixed search set as (kind, query): 3 rare names, 3 frequent names/orgs, 3 two-word, 3 common words."""
    v = vocabulary(seed)
    return [("rare_name", v.people[15_000][0]), ("rare_name", v.people[9_000][1]), ("rare_name", v.orgs[2_500]),
            ("frequent_name", v.people[0][1]), ("frequent_name", v.people[40][0]), ("frequent_name", v.orgs[3]),
            ("two_words", "oil prices"), ("two_words", "nuclear talks"), ("two_words", "central bank"),
            ("common_word", "government"), ("common_word", "election"), ("common_word", "police")]


def filtered_queries(seed: int = 13) -> list[tuple[str, str, dict[str, str]]]:
    """Searches with filters as (kind, query, filters): a common word or a frequent name narrowed to a recent year,
    to a large and a small outlet, and to articles naming a frequent or a mid-ranked person."""
    v = vocabulary(seed)
    return [("filter_since", "government", {"since": "2019-06"}),
            ("filter_until", "election", {"until": "2010-03"}),
            ("filter_source", "police", {"source": v.sources[0]}),
            ("filter_source", "government", {"source": v.sources[100]}),
            ("filter_entity", "election", {"entity": v.people[0][0]}),
            ("filter_entity", "police", {"entity": v.people[300][1]})]


def speaker_queries(seed: int = 13) -> list[tuple[str, str]]:
    """Speaker lookups as (kind, name): surnames and full names of frequent, mid and rare people."""
    v = vocabulary(seed)
    ranks = (0, 5, 50, 200, 1_000, 5_000)
    return ([("surname", v.people[r][1]) for r in ranks] + [("full_name", v.people[r][0]) for r in ranks])
