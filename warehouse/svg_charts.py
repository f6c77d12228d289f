"""Small inline SVG charts for the HTML report: bars, lines and a heatmap (no JavaScript).

Every text that reaches the SVG passes through `html.escape`; numbers are formatted here.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b")
_FONT = 'font-family="sans-serif" font-size="12"'


def bar_chart(items: Sequence[tuple[str, float]], *, width: int = 640, unit: str = "") -> str:
    """Horizontal bars, one per (label, value), longest = largest value.

    Example:
        >>> bar_chart([("SQL", 0.6)]).startswith("<svg")
        True
    """
    row, left = 22, 200
    height = row * len(items) + 10
    top = max((value for _, value in items), default=0) or 1
    parts = [_open(width, height, "bar chart")]
    for i, (label, value) in enumerate(items):
        y = 5 + i * row
        length = (width - left - 70) * value / top
        parts.append(
            f'<text x="{left - 6}" y="{y + 14}" text-anchor="end" {_FONT}>{escape(label)}</text>'
            f'<rect x="{left}" y="{y + 2}" width="{length:.1f}" height="{row - 6}" '
            f'fill="{PALETTE[0]}"><title>{escape(label)}: {value:.4g}{unit}</title></rect>'
            f'<text x="{left + length + 4:.1f}" y="{y + 14}" {_FONT}>{value:.1%}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def line_chart(
    periods: Sequence[str], series: dict[str, Sequence[float | None]], *, width: int = 640
) -> str:
    """One line per series over ``periods`` (values 0..1 shares; None = no postings).

    Example:
        >>> "polyline" in line_chart(["2026-06", "2026-07"], {"SQL": [0.5, 0.6]})
        True
    """
    height, left, bottom, top_pad = 260, 50, 40, 10
    plot_w, plot_h = width - left - 150, height - bottom - top_pad
    top = max((v for values in series.values() for v in values if v is not None), default=0) or 1
    step = plot_w / max(len(periods) - 1, 1)
    parts = [_open(width, height, "trend chart")]
    parts.append(
        f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{left + plot_w}" '
        f'y2="{top_pad + plot_h}" stroke="#888"/>'
        f'<text x="{left - 4}" y="{top_pad + 10}" text-anchor="end" {_FONT}>{top:.0%}</text>'
    )
    for i, period in enumerate(periods):
        x = left + i * step
        parts.append(
            f'<text x="{x:.1f}" y="{height - 20}" text-anchor="middle" {_FONT}>'
            f"{escape(period)}</text>"
        )
    for n, (label, values) in enumerate(series.items()):
        color = PALETTE[n % len(PALETTE)]
        points = [
            f"{left + i * step:.1f},{top_pad + plot_h * (1 - v / top):.1f}"
            for i, v in enumerate(values)
            if v is not None
        ]
        parts.append(
            f'<polyline points="{" ".join(points)}" fill="none" stroke="{color}" '
            f'stroke-width="2"><title>{escape(label)}</title></polyline>'
            f'<text x="{left + plot_w + 8}" y="{top_pad + 14 + 16 * n}" fill="{color}" {_FONT}>'
            f"{escape(label)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def heatmap(
    rows: Sequence[str], columns: Sequence[str], cells: dict[tuple[int, int], float]
) -> str:
    """Rows x columns grid shaded by value 0..1 (credit), value printed in each cell.

    Example:
        >>> "<rect" in heatmap(["Course"], ["SQL"], {(0, 0): 1.0})
        True
    """
    cell, left, head = 44, 260, 120
    width = left + cell * len(columns) + 10
    height = head + cell * len(rows) + 10
    parts = [_open(width, height, "credential by skill coverage heatmap")]
    for j, column in enumerate(columns):
        x = left + j * cell + cell / 2
        parts.append(
            f'<text transform="translate({x:.1f},{head - 6}) rotate(-45)" {_FONT}>'
            f"{escape(column)}</text>"
        )
    for i, row in enumerate(rows):
        y = head + i * cell
        parts.append(
            f'<text x="{left - 6}" y="{y + cell / 2 + 4:.1f}" text-anchor="end" {_FONT}>'
            f"{escape(_clip(row, 40))}<title>{escape(row)}</title></text>"
        )
        for j, column in enumerate(columns):
            value = cells.get((i, j), 0.0)
            shade = int(255 - 200 * value)
            parts.append(
                f'<rect x="{left + j * cell}" y="{y}" width="{cell - 2}" height="{cell - 2}" '
                f'fill="rgb({shade},{shade},255)"><title>{escape(row)} / {escape(column)}: '
                f"{value:.2f}</title></rect>"
                f'<text x="{left + j * cell + cell / 2 - 1:.1f}" y="{y + cell / 2 + 4:.1f}" '
                f'text-anchor="middle" {_FONT}>{value:.2f}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _open(width: int, height: int, label: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}">'
    )


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
