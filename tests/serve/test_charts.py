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
    assert str(snippet_html("a [match] <i>")) == "a <mark>match</mark> &lt;i&gt;"
