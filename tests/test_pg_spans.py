"""The pk spans of the PostgreSQL full-text index (storage/postgres/spans.py): a cover holds every pk of its range
and, outside it, only pks of the lowest-level spans at its two ends. Pure Python: the SQL function's lexemes are
compared with :func:`spans.lexemes` in tests/storage_contract/test_postgres.py."""
from __future__ import annotations

import random

from newsgraph.storage.postgres import spans


def _parts(query: str) -> set[str]:
    return {p.strip().strip("'") for p in query.split("|")}


def _covered(parts: set[str], pk: int) -> bool:
    return any(x in parts for x in spans.lexemes(pk))


def test_a_cover_holds_its_range_and_only_the_end_spans_beside_it():
    rng = random.Random(5)
    low_bits = spans.LEVELS[0][1]
    cases = [(0, 0), (0, 4095), (4095, 4096), (1, 2 ** 24), (65_536, 131_071), (868_681, 1_004_096)]
    cases += [tuple(sorted((rng.randrange(2 ** 30), rng.randrange(2 ** 30)))) for _ in range(200)]
    cases += [(n, n + rng.randrange(70_000)) for n in (rng.randrange(2 ** 26) for _ in range(200))]
    for low, high in cases:
        parts = _parts(spans.cover(low, high))
        first, last = (low >> low_bits) << low_bits, ((high >> low_bits) + 1 << low_bits) - 1
        inside = {low, high, (low + high) // 2, *(rng.randint(low, high) for _ in range(20))}
        assert all(_covered(parts, pk) for pk in inside), (low, high)
        assert not _covered(parts, first - 1) or first == 0, (low, high)  # nothing below the first span
        assert not _covered(parts, last + 1), (low, high)  # nor above the last
        assert all(_covered(parts, pk) for pk in (first, last))
        # short whatever the store's size: at most 15 spans of a level at each end, and the top level's
        assert len(parts) <= 2 * 15 * (len(spans.LEVELS) - 1) + (high >> spans.LEVELS[-1][1]) + 1


def test_spans_are_taken_largest_first():
    """A range that is exactly one span of a higher level is that one lexeme, not its sixteen parts."""
    assert _parts(spans.cover(65_536, 131_071)) == {"b1"}
    assert _parts(spans.cover(0, 2 ** 24 - 1)) == {"d0"}
    assert _parts(spans.cover(4096, 3 * 4096 - 1)) == {"a1", "a2"}
