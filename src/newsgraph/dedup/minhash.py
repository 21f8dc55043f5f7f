"""Word shingles, MinHash signatures and LSH band keys: the pure half of near-duplicate detection.

Text is folded by :func:`newsgraph.text.fold` (NFKC, case-folded: the content hash's normal form without its
whitespace collapsing, which changes no word) and cut into words: maximal runs of word characters, the ``\\w`` of Python's ``re`` (letters, digits,
underscore), so punctuation and layout do not count. Every run of ``k`` consecutive words is a *shingle*, hashed to
32 bits. Two texts are as alike as the Jaccard similarity of their shingle sets. Tokenising and hashing are
vectorised over the text's code points (no Python loop per word).

A MinHash signature keeps, for each of ``num_perm`` hash functions ``h_i(x) = (a_i·x + b_i) mod 2^32`` (``a_i``
odd, ``a_i, b_i`` fixed by a seed), the smallest value over the shingles. Each ``h_i`` is a bijection of the 32-bit
shingle hashes, so two texts' ``i``-th minima agree exactly when the same shingle is the minimum of both: the
MinHash event, whose probability is (close to) their Jaccard similarity. The share of agreeing values estimates it
(standard error ``sqrt(J(1−J)/num_perm)``: ±0.035 at J = 0.8 with 128 values). Measured on the benchmark's 690
copy/original pairs: bias +0.001, and errors divided by that standard error have a standard deviation of 1.01
(the same as 64-bit multiply-add hashing gave: 0.98). Why not the textbook ``(a·x + b) mod p`` with a Mersenne prime:
in numpy its reduction (shift, mask, add on uint64) made the hash matrix about 7× slower than this, and 32-bit
lanes halve the memory traffic again; the shingle hashes are already uniformly mixed (splitmix64), so the cheap
bijections lose nothing measurable.

LSH cuts the signature into ``b`` bands of ``r`` rows; two texts become a *candidate pair* when all ``r`` values
of at least one band agree, which happens with probability ``P(J) = 1 − (1 − J^r)^b`` (the S-curve). The default
``b = 21, r = 6`` (126 of the 128 values) gives::

    J      0.3    0.4    0.5    0.6    0.7    0.75   0.8    0.85   0.9
    P(J)   0.015  0.08   0.28   0.63   0.93   0.98   0.998  1.000  1.000

The curve's steep part sits deliberately below the 0.8 decision threshold: a candidate is only a proposal, and
every candidate is then verified (exact shingle Jaccard by default), so a low LSH threshold costs a few more
verifications and buys recall at J = 0.8 (0.998 instead of the 0.5 a curve centred on 0.8 would give).

Hashes are fixed functions of the text (no per-process salt), so band keys can be stored and compared across
runs. Changing ``k``, ``num_perm``, the seed or the band layout makes stored keys incomparable.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

import numpy as np

from ..text import fold

_WORD = re.compile(r"\w+")
_SHIFT27, _SHIFT30, _SHIFT31, _SHIFT32 = (np.uint64(n) for n in (27, 30, 31, 32))
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_ROLL = np.uint64(0x9E3779B97F4A7C15)  # odd multiplier of the polynomials that join characters and words
_MAX_WORD_WEIGHTS = 64  # characters past the 64th of a word share the last weight (still hashed, less spread)
_EMPTY_MIN = np.iinfo(np.uint32).max


@dataclass(frozen=True, slots=True)
class MinHashParams:
    """Everything that must match for two signatures (or stored band keys) to be comparable."""

    k: int = 5
    num_perm: int = 128
    bands: int = 21
    rows: int = 6
    seed: int = 1

    def __post_init__(self) -> None:
        if self.k < 1 or self.num_perm < 1 or self.bands < 1 or self.rows < 1:
            raise ValueError("k, num_perm, bands and rows must be positive")
        if self.bands * self.rows > self.num_perm:
            raise ValueError(f"{self.bands} bands x {self.rows} rows need more than {self.num_perm} values")

    def candidate_probability(self, jaccard: float) -> float:
        """The LSH S-curve: chance that two texts of this Jaccard similarity share at least one band."""
        return 1.0 - (1.0 - jaccard ** self.rows) ** self.bands

    def label(self) -> str:
        return f"k{self.k}-p{self.num_perm}-b{self.bands}r{self.rows}-s{self.seed}"


DEFAULT_PARAMS = MinHashParams()


def _splitmix(values: np.ndarray) -> np.ndarray:
    """The splitmix64 finaliser, vectorised: a fast bijection that spreads every input bit over the output."""
    z = values ^ (values >> _SHIFT30)
    z *= _MIX1
    z ^= z >> _SHIFT27
    z *= _MIX2
    z ^= z >> _SHIFT31
    return z


@lru_cache(maxsize=1)
def _word_char_table() -> np.ndarray:
    """For each BMP code point: is it a ``\\w`` character? (Built once, about 64 KB.)"""
    return np.array([bool(_WORD.fullmatch(chr(c))) for c in range(0x10000)], dtype=bool)


@lru_cache(maxsize=1)
def _char_weights() -> np.ndarray:
    return np.cumprod(np.full(_MAX_WORD_WEIGHTS, _ROLL, dtype=np.uint64)) | np.uint64(1)


def words(text: str) -> list[str]:
    """The words of the normalised text, in order (the reference the vectorised tokeniser follows)."""
    return _WORD.findall(fold(text))


def word_hashes(text: str) -> np.ndarray:
    """A 64-bit hash per word of the normalised text, in order, computed without a Python loop per word."""
    cp = np.frombuffer(fold(text).encode("utf-32-le"), dtype=np.uint32)
    is_word = _word_char_table()[np.minimum(cp, 0xFFFF)]
    astral = np.flatnonzero(cp > 0xFFFF)
    if len(astral):  # rare (emoji, math letters): ask re about each one
        is_word[astral] = [bool(_WORD.fullmatch(chr(c))) for c in cp[astral].tolist()]
    at = np.flatnonzero(is_word)
    if len(at) == 0:
        return np.empty(0, dtype=np.uint64)
    starts_mask = np.empty(len(at), dtype=bool)
    starts_mask[0] = True
    np.not_equal(np.diff(at), 1, out=starts_mask[1:])
    starts = np.flatnonzero(starts_mask)
    index = np.arange(len(at))
    offset = index - np.maximum.accumulate(np.where(starts_mask, index, 0))
    weighted = (cp[at].astype(np.uint64) + np.uint64(1)) * _char_weights()[np.minimum(offset, _MAX_WORD_WEIGHTS - 1)]
    return _splitmix(np.add.reduceat(weighted, starts))


def shingle_hashes(text: str, k: int = DEFAULT_PARAMS.k) -> np.ndarray:
    """32-bit hashes (uint32) of the text's ``k``-word shingles in text order, repeats kept.

    A text of fewer than ``k`` words (but at least one) is one shingle; a text without words has none.
    """
    h = word_hashes(text)
    if len(h) == 0:
        return np.empty(0, dtype=np.uint32)
    span = min(k, len(h))
    n = len(h) - span + 1
    acc = h[:n].copy()
    for j in range(1, span):
        acc *= _ROLL
        acc += h[j:j + n]
    return (_splitmix(acc) >> _SHIFT32).astype(np.uint32)


def shingles(text: str, k: int = DEFAULT_PARAMS.k) -> np.ndarray:
    """The text's shingle set: sorted unique 32-bit hashes (uint32)."""
    values = np.sort(shingle_hashes(text, k))
    if len(values) < 2:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


@lru_cache(maxsize=8)
def permutations(num_perm: int = DEFAULT_PARAMS.num_perm, seed: int = DEFAULT_PARAMS.seed
                 ) -> tuple[np.ndarray, np.ndarray]:
    """The ``(a, b)`` coefficients (uint32, ``a`` odd) of the ``num_perm`` hash functions, fixed by ``seed``."""
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 1 << 32, size=num_perm, dtype=np.uint64).astype(np.uint32) | np.uint32(1)
    b = rng.integers(0, 1 << 32, size=num_perm, dtype=np.uint64).astype(np.uint32)
    a.setflags(write=False)
    b.setflags(write=False)
    return a, b


def _hash_matrix(values: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``(a_i·x + b_i) mod 2^32`` for every function i (rows) and shingle x (columns); numpy wraps on overflow."""
    v = np.multiply.outer(a, values.astype(np.uint32, copy=False))
    v += b[:, None]
    return v


def signature_of_shingles(values: np.ndarray, params: MinHashParams = DEFAULT_PARAMS) -> np.ndarray:
    """The MinHash signature (``num_perm`` uint32) of shingle hashes (repeats allowed); all-max when empty."""
    if len(values) == 0:
        return np.full(params.num_perm, _EMPTY_MIN, dtype=np.uint32)
    a, b = permutations(params.num_perm, params.seed)
    return _hash_matrix(values, a, b).min(axis=1)


def find(text: str, params: MinHashParams = DEFAULT_PARAMS) -> np.ndarray:
    """The MinHash signature of a text (pure: the same text always gives the same signature)."""
    return signature_of_shingles(shingle_hashes(text, params.k), params)


def signatures(texts: Iterable[str], params: MinHashParams = DEFAULT_PARAMS, chunk: int = 4096
               ) -> np.ndarray:
    """Signatures of many texts at once, shape ``(n, num_perm)``; same values as :func:`find` per text.

    The shingles of several texts are hashed in one matrix of at most ``chunk`` columns and reduced per text, which
    spreads numpy's per-call cost over many short texts.
    """
    return signatures_of_shingles([shingle_hashes(t, params.k) for t in texts], params, chunk)


def signatures_of_shingles(sets: Sequence[np.ndarray], params: MinHashParams = DEFAULT_PARAMS,
                           chunk: int = 4096) -> np.ndarray:
    out = np.full((len(sets), params.num_perm), _EMPTY_MIN, dtype=np.uint32)
    a, b = permutations(params.num_perm, params.seed)
    start = 0
    while start < len(sets):
        stop, width = start, 0
        while stop < len(sets) and (width == 0 or width + len(sets[stop]) <= chunk):
            width += len(sets[stop])
            stop += 1
        rows = [i for i in range(start, stop) if len(sets[i])]
        if rows:
            group = [sets[i] for i in rows]
            matrix = _hash_matrix(np.concatenate(group), a, b)
            offsets = np.cumsum([0] + [len(g) for g in group[:-1]])
            out[rows] = np.minimum.reduceat(matrix, offsets, axis=1).T
        start = stop
    return out


@lru_cache(maxsize=8)
def _band_coefficients(rows: int) -> np.ndarray:
    rng = np.random.default_rng(0x5EED)
    return rng.integers(0, np.iinfo(np.uint64).max, size=rows + 1, dtype=np.uint64, endpoint=True) | np.uint64(1)


def band_keys(signature: np.ndarray, params: MinHashParams = DEFAULT_PARAMS) -> list[tuple[int, int]]:
    """``(band, key)`` per LSH band: the band's ``rows`` values folded into one signed 64-bit key.

    Signed so that SQLite's INTEGER holds it as is. An all-max (empty-text) signature has no bands: texts without
    words are matched by their content hash only.
    """
    if len(signature) and signature[0] == _EMPTY_MIN:
        return []
    rows = signature[:params.bands * params.rows].reshape(params.bands, params.rows).astype(np.uint64)
    # One random odd multiplier per row position and one for the band number, summed mod 2^64, then mixed.
    coefficients = _band_coefficients(params.rows)
    acc = _splitmix(rows @ coefficients[1:] + np.arange(params.bands, dtype=np.uint64) * coefficients[0])
    keys = acc.view(np.int64)
    return [(band, int(key)) for band, key in enumerate(keys)]


def estimated_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Share of agreeing signature values: an unbiased estimate of the texts' Jaccard similarity."""
    return float(np.count_nonzero(sig_a == sig_b)) / len(sig_a)


def jaccard(set_a: np.ndarray, set_b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted unique shingle-hash arrays (1.0 for two empty ones)."""
    if len(set_a) == 0 and len(set_b) == 0:
        return 1.0
    inter = len(np.intersect1d(set_a, set_b, assume_unique=True))
    return inter / (len(set_a) + len(set_b) - inter)


def pack(values: np.ndarray) -> bytes:
    """Shingle hashes as compact bytes (4 per shingle) for storage."""
    return values.astype("<u4", copy=False).tobytes()


def unpack(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)
