"""Bar charts as inline SVG, drawn here (no chart library): months on a real time axis, empty months shown as
gaps, both axes labelled. The SVG holds only our own elements and escaped labels."""
from __future__ import annotations

from typing import Optional

from markupsafe import Markup, escape

WIDTH, HEIGHT = 640, 220
#: The search page's side column (22rem in reader.css): a chart drawn at the width it is shown keeps its labels at
#: their set size (scaled from 640 they came out at about 6 px).
SIDE_WIDTH, SIDE_HEIGHT = 352, 180
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 16, 48
MAX_LABELS = 12
LABEL_ROOM = 56  # px per month label ("2024-03" at 11 px is ~45 px wide)
MAX_BAR = 48  # a month or two of data should not look like a wall


def month_range(first: str, last: str) -> list[str]:
    """Every YYYY-MM from ``first`` to ``last`` inclusive."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _is_month(value: str) -> bool:
    return len(value) == 7 and value[4] == "-" and value[:4].isdigit() and value[5:].isdigit()


def fill_months(pairs: list[tuple[str, int]]) -> tuple[list[tuple[str, int]], int]:
    """The dated months from first to last with zeros for the empty ones, and the undated count apart."""
    dated = {m: n for m, n in pairs if _is_month(m)}
    undated = sum(n for m, n in pairs if not _is_month(m))
    if not dated:
        return [], undated
    return [(m, dated.get(m, 0)) for m in month_range(min(dated), max(dated))], undated


def month_chart(pairs: list[tuple[str, int]], what: str = "mentions", title: Optional[str] = None,
                width: int = WIDTH, height: int = HEIGHT) -> Markup:
    """Bars per month; ``what`` names the y axis. An empty series draws a short note instead of axes. ``width`` and
    ``height``: the size it is drawn at, which should be the size it is shown at (month labels are thinned to fit)."""
    months, undated = fill_months(pairs)
    label = str(escape(title or f"{what} per month"))
    if not months:
        return Markup(f'<p class="chart-empty">{label}: no dated articles</p>')
    top = max(n for _, n in months) or 1
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM
    step = plot_w / len(months)
    labels = max(1, min(MAX_LABELS, plot_w // LABEL_ROOM))
    every = max(1, -(-len(months) // labels))
    parts = [f'<svg class="chart" role="img" aria-label="{label}" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{label}</title>',
             f'<line class="axis" x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}"/>',
             f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}"/>']
    for value in sorted({0, top // 2, top}):
        y = TOP + plot_h - plot_h * value / top
        parts.append(f'<text class="tick y-tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value}</text>')
    for i, (month, n) in enumerate(months):
        x = LEFT + i * step
        h = plot_h * n / top
        width = min(max(step * 0.8, 1), MAX_BAR)
        parts.append(f'<rect class="bar" x="{x + (step - width) / 2:.1f}" y="{TOP + plot_h - h:.1f}" '
                     f'width="{width:.1f}" height="{h:.1f}"><title>{month}: {n}</title></rect>')
        if i % every == 0:
            parts.append(f'<text class="tick x-tick" x="{x + step / 2:.1f}" y="{TOP + plot_h + 16}" '
                         f'text-anchor="middle">{month}</text>')
    parts.append(f'<text class="axis-title" x="{LEFT + plot_w / 2:.1f}" y="{height - 8}" '
                 f'text-anchor="middle">month</text>')
    parts.append(f'<text class="axis-title" x="12" y="{TOP + plot_h / 2:.1f}" text-anchor="middle" '
                 f'transform="rotate(-90 12 {TOP + plot_h / 2:.1f})">{escape(what)}</text></svg>')
    note = f'<p class="chart-note">{undated} undated</p>' if undated else ""
    return Markup("".join(parts) + note)
