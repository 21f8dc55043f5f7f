"""The extraction benchmark metric against hand-computed tiny cases."""
from __future__ import annotations

import pytest

from newsgraph.evaluate.extraction import page_counts, page_recalls, precision_recall_f1, score, shingles


def test_shingles_are_four_token_multisets_with_case_kept():
    assert shingles("a b c d e") == {"a b c d": 1, "b c d e": 1}
    assert shingles("A b, c-d!") == {"A b c d": 1}
    assert shingles("x y x y x y x") == {"x y x y": 2, "y x y x": 2}


def test_short_and_empty_texts():
    assert shingles("only three words") == {"only three words": 1}
    assert shingles("") == {} and shingles(None) == {} and shingles("...") == {}


def test_page_counts_are_normalised_by_their_sum():
    # gold 6 tokens -> 3 shingles; prediction has the first 5 tokens and 2 extra -> 4 shingles
    tp, fp, fn = page_counts("a b c d e f", "a b c d e x y")
    # shared: "a b c d", "b c d e" (tp 2); predicted extra: "c d e x", "d e x y" (fp 2); missed "c d e f" (fn 1)
    assert (tp, fp, fn) == pytest.approx((2 / 5, 2 / 5, 1 / 5))
    assert page_counts("", "") == (0.0, 0.0, 0.0)
    assert page_counts("a b c d", "") == (0.0, 0.0, 1.0)


def test_repeated_shingles_count_as_a_multiset():
    # the prediction repeats the paragraph: its second copy is all false positives
    tp, fp, fn = page_counts("a b c d", "a b c d a b c d")
    # predicted shingles: "a b c d" x2, "b c d a", "c d a b", "d a b c" -> tp 1, fp 4
    assert (tp, fp, fn) == pytest.approx((1 / 5, 4 / 5, 0.0))


def test_means_over_defined_pages_and_f1_of_means():
    pages = [(0.5, 0.5, 0.0),   # P 0.5, R 1
             (0.0, 0.0, 1.0),   # nothing predicted: no precision, R 0
             (1.0, 0.0, 0.0)]   # perfect
    p, r, f = precision_recall_f1(pages)
    assert p == pytest.approx((0.5 + 1.0) / 2)
    assert r == pytest.approx((1.0 + 0.0 + 1.0) / 3)
    assert f == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


def test_bootstrap_std_is_zero_for_identical_pages_and_positive_otherwise():
    same = score([(0.5, 0.25, 0.25)] * 10, bootstrap=50)
    assert same.f1 == pytest.approx(2 / 3) and same.f1_std == pytest.approx(0.0)
    mixed = score([(1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.5, 0.0, 0.5)] * 5, bootstrap=200)
    assert mixed.f1_std > 0.01 and mixed.pages == 15
    assert score([(1.0, 0.0, 0.0)] * 3, bootstrap=10, seed=1) == score([(1.0, 0.0, 0.0)] * 3, bootstrap=10, seed=1)


def test_page_recalls_skip_pages_with_nothing_to_find():
    pages = [page_counts("a b c d e f", "a b c d e x y"), page_counts("", "x y z w"), page_counts("a b c d", "")]
    # first page: tp 2/5, fn 1/5 -> 2/3; second has no gold (skipped); third found nothing -> 0
    assert page_recalls(pages) == pytest.approx([2 / 3, 0.0])
