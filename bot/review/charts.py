"""Small SVG charts drawn on the server: no script, readable without colour, with titles.

Each chart is an <svg role="img"> with a <title>, and every bar or point carries its value
as text, so screen readers and printouts get the numbers too.
"""

from __future__ import annotations

from html import escape
from typing import List, Sequence, Tuple

WIDTH, BAR_HEIGHT, GAP, LABEL = 640, 22, 6, 120


def bar_chart(title: str, rows: Sequence[Tuple[str, float]], unit: str = "") -> str:
    """Horizontal bars, one per (label, value)."""
    if not rows:
        return f'<p class="empty">{escape(title)}: no data.</p>'
    peak = max(value for _, value in rows) or 1
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="100%" aria-labelledby="t-{abs(hash(title))}">',
        f'<title id="t-{abs(hash(title))}">{escape(title)}</title>',
    ]
    for index, (label, value) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        width = max(1.0, (WIDTH - LABEL - 90) * value / peak)
        shown = f"{value:.0%}" if unit == "%" else (f"{value:.2f}" if isinstance(value, float) else str(value))
        parts.append(f'<text x="0" y="{y + 16}" class="label">{escape(label)}</text>')
        parts.append(f'<rect x="{LABEL}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" class="bar"/>')
        parts.append(f'<text x="{LABEL + width + 6:.1f}" y="{y + 16}" class="value">{escape(shown)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def line_chart(title: str, points: List[Tuple[str, int]], second: List[Tuple[str, int]] | None = None) -> str:
    """Values over days as a polyline (a second series dashed)."""
    if not points:
        return f'<p class="empty">{escape(title)}: no data.</p>'
    height, left, bottom = 220, 40, 30
    peak = max([value for _, value in points] + [value for _, value in second or []]) or 1
    step = (WIDTH - left - 10) / max(1, len(points) - 1)

    def path(series: List[Tuple[str, int]]) -> str:
        return " ".join(
            f"{left + i * step:.1f},{height - bottom - (height - bottom - 10) * value / peak:.1f}"
            for i, (_, value) in enumerate(series)
        )

    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="100%"><title>{escape(title)}</title>',
        f'<polyline points="{path(points)}" class="line"/>',
    ]
    if second:
        parts.append(f'<polyline points="{path(second)}" class="line second"/>')
    parts.append(f'<text x="{left}" y="{height - 8}" class="label">{escape(points[0][0])}</text>')
    parts.append(
        f'<text x="{WIDTH - 10}" y="{height - 8}" class="label" text-anchor="end">{escape(points[-1][0])}</text>'
    )
    parts.append(f'<text x="0" y="14" class="label">{peak}</text></svg>')
    return "".join(parts)
