"""The SVG charts: months on a real time axis (empty months drawn as empty), labelled axes, escaped labels."""
from __future__ import annotations

import re

from newsgraph.serve.charts import fill_months, month_chart, month_range
from newsgraph.serve.markup import article_html, snippet_html
from newsgraph.query.articles import Span


def test_empty_months_are_kept_and_undated_counted_apart():
    months, undated = fill_months([("2023-11", 2), ("2024-02", 5), ("undated", 3)])
    assert months == [("2023-11", 2), ("2023-12", 0), ("2024-01", 0), ("2024-02", 5)] and undated == 3
    assert month_range("2023-12", "2024-01") == ["2023-12", "2024-01"]


def test_chart_has_one_bar_per_month_and_labelled_axes():
    svg = str(month_chart([("2020-01", 1), ("2021-12", 4)], "mentions", "Ana <b> per month"))
    assert svg.count('<rect class="bar"') == 24  # two years of months, 22 of them empty
    assert ">month</text>" in svg and ">mentions</text>" in svg
    assert len(re.findall(r'class="tick x-tick"', svg)) <= 12  # labels thinned, never overlapping 24 deep
    assert "&lt;b&gt;" in svg and "<b>" not in svg
    assert "no dated articles" in str(month_chart([("undated", 2)]))


def test_article_markup_escapes_and_covers_every_character_once():
    text = 'He said "<script>x</script>" & left.'
    spans = [Span("quote", 9, 28, 0, "direct quote by <He>", "He"), Span("cue", 3, 7, 0, "cue 'said'", "He")]
    html = str(article_html(text, spans))
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;He&gt;" in html
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace(
        "&amp;", "&").replace("&#34;", '"') == text
    assert 'id="q9"' in html and 'data-q="9"' in html
    assert str(snippet_html("a [b] \ue000match\ue001 <i>")) == "a [b] <mark>match</mark> &lt;i&gt;"
    # a lone marker is dropped, never shown or taken to open a mark; marked text is escaped too
    assert str(snippet_html("x\ue001 \ue000<b>\ue001 y\ue000")) == "x <mark>&lt;b&gt;</mark> y"


def test_a_narrow_chart_is_drawn_at_its_size_with_labels_that_do_not_touch():
    from newsgraph.serve.charts import SIDE_HEIGHT, SIDE_WIDTH
    pairs = [("2019-01", 3), ("2024-12", 1)]  # six years: 72 months
    svg = str(month_chart(pairs, "articles", width=SIDE_WIDTH, height=SIDE_HEIGHT))
    assert f'viewBox="0 0 {SIDE_WIDTH} {SIDE_HEIGHT}"' in svg and svg.count('<rect class="bar"') == 72
    xs = [float(x) for x in re.findall(r'class="tick x-tick" x="([\d.]+)"', svg)]
    assert len(xs) >= 2 and all(b - a >= 50 for a, b in zip(xs, xs[1:]))  # 11 px labels of 7 characters
    assert max(xs) < SIDE_WIDTH and max(float(y) for y in re.findall(r' y="([\d.]+)"', svg)) < SIDE_HEIGHT
