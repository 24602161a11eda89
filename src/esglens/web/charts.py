"""Charts as inline SVG drawn on the server: bars across companies, lines across years (no JavaScript)."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from ..formatting import fmt_number

# Okabe-Ito: distinguishable with the common colour-vision deficiencies, readable on white.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C6D31"]
FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK TC', 'PingFang TC', sans-serif"


@dataclass
class Bar:
    label: str
    value: float
    note: str = ""  # e.g. "derived", shown after the value


@dataclass
class Series:
    name: str
    points: list[tuple[str, float | None]]  # (period, value); None = not reported that period


fmt = fmt_number  # the templates' "num" filter and the chart labels


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round axis ticks covering ``low..high`` (about ``count`` of them)."""
    if high <= low:
        high = low + (abs(low) or 1.0)
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks = []
    t = start
    while t < high + step * 0.999:
        ticks.append(round(t, 10))
        t += step
    return ticks


def _shorten(text: str, width: int) -> str:
    out, used = "", 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > width - 1:
            return out + "…"
        out += ch
        used += w
    return out


def bar_chart(title: str, unit: str, bars: list[Bar], width: int = 660) -> Markup:
    """Horizontal bars, one per company, each labelled with its value."""
    if not bars:
        return Markup("")
    row, top, label_w, value_w = 30, 34, 200, 96
    plot_w = width - label_w - value_w
    height = top + row * len(bars) + 30
    high = max(max(b.value for b in bars), 0.0)
    low = min(min(b.value for b in bars), 0.0)
    ticks = nice_ticks(low, high)
    lo, hi = ticks[0], ticks[-1]

    def x(v: float) -> float:
        return label_w + (v - lo) / (hi - lo) * plot_w

    parts = [_svg_open(width, height, title, "bar-chart"), _title(title, unit)]
    axis_y = top + row * len(bars)
    for t in ticks:
        parts.append(
            f'<line x1="{x(t):.1f}" y1="{top - 4}" x2="{x(t):.1f}" y2="{axis_y}" class="grid"/>'
            f'<text x="{x(t):.1f}" y="{axis_y + 16}" text-anchor="middle" class="tick">{escape(fmt(t))}</text>'
        )
    for i, b in enumerate(bars):
        y = top + i * row
        x0, x1 = sorted((x(0), x(b.value)))
        value_text = fmt(b.value) + (f" {b.note}" if b.note else "")
        parts.append(
            f'<g class="bar"><title>{escape(b.label)}: {escape(value_text)} {escape(unit)}</title>'
            f'<text x="{label_w - 8}" y="{y + row / 2 + 4:.1f}" text-anchor="end" class="label">'
            f"{escape(_shorten(b.label, 30))}</text>"
            f'<rect x="{x0:.1f}" y="{y + 5}" width="{max(x1 - x0, 1):.1f}" height="{row - 10}" '
            f'fill="{PALETTE[0]}" rx="2"/>'
            f'<text x="{x1 + 6:.1f}" y="{y + row / 2 + 4:.1f}" class="value">{escape(value_text)}</text></g>'
        )
    parts.append(f'<line x1="{x(0):.1f}" y1="{top - 4}" x2="{x(0):.1f}" y2="{axis_y}" class="axis"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def line_chart(title: str, unit: str, periods: list[str], series: list[Series], width: int = 660) -> Markup:
    """One line per company across the periods; a gap where a period is not reported."""
    values = [v for s in series for _, v in s.points if v is not None]
    if not values or not periods:
        return Markup("")
    left, right, top, bottom = 80, 24, 34, 46
    legend_rows = math.ceil(len(series) / 2)
    height = 300 + legend_rows * 20
    plot_h = height - top - bottom - legend_rows * 20
    plot_w = width - left - right
    ticks = nice_ticks(min(min(values), 0.0), max(values))
    lo, hi = ticks[0], ticks[-1]
    step = plot_w / max(len(periods) - 1, 1)

    def px(i: int) -> float:
        return left + (i * step if len(periods) > 1 else plot_w / 2)

    def py(v: float) -> float:
        return top + plot_h - (v - lo) / (hi - lo) * plot_h

    parts = [_svg_open(width, height, title, "line-chart"), _title(title, unit)]
    for t in ticks:
        parts.append(
            f'<line x1="{left}" y1="{py(t):.1f}" x2="{width - right}" y2="{py(t):.1f}" class="grid"/>'
            f'<text x="{left - 6}" y="{py(t) + 4:.1f}" text-anchor="end" class="tick">{escape(fmt(t))}</text>'
        )
    axis_y = top + plot_h
    for i, p in enumerate(periods):
        parts.append(f'<text x="{px(i):.1f}" y="{axis_y + 18}" text-anchor="middle" class="tick">{escape(p)}</text>')
    index = {p: i for i, p in enumerate(periods)}
    for n, s in enumerate(series):
        colour = PALETTE[n % len(PALETTE)]
        parts.append(f'<g class="series"><title>{escape(s.name)}</title>')
        for run in _runs(s.points):
            coords = " ".join(f"{px(index[p]):.1f},{py(v):.1f}" for p, v in run)
            if len(run) > 1:
                parts.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
        for p, v in s.points:
            if v is None:
                continue
            parts.append(
                f'<circle cx="{px(index[p]):.1f}" cy="{py(v):.1f}" r="4" fill="{colour}">'
                f"<title>{escape(s.name)} {escape(p)}: {escape(fmt(v))} {escape(unit)}</title></circle>"
            )
        parts.append("</g>")
    for n, s in enumerate(series):
        lx = left + (n % 2) * (plot_w / 2)
        ly = axis_y + 38 + (n // 2) * 20
        parts.append(
            f'<rect x="{lx:.1f}" y="{ly - 9}" width="12" height="12" fill="{PALETTE[n % len(PALETTE)]}"/>'
            f'<text x="{lx + 18:.1f}" y="{ly + 2}" class="legend">{escape(_shorten(s.name, 34))}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _runs(points: list[tuple[str, float | None]]) -> list[list[tuple[str, float]]]:
    runs: list[list[tuple[str, float]]] = [[]]
    for p, v in points:
        if v is None:
            runs.append([])
        else:
            runs[-1].append((p, v))
    return [r for r in runs if r]


def _svg_open(width: int, height: int, title: str, kind: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {kind}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}" font-family="{FONT}">'
        "<style>.grid{stroke:#e3e7eb}.axis{stroke:#5a6570}.tick{font-size:11px;fill:#5a6570}"
        ".label{font-size:13px;fill:#1d2329}.value{font-size:12px;fill:#1d2329}"
        ".legend{font-size:12px;fill:#1d2329}.ctitle{font-size:14px;font-weight:600;fill:#1d2329}</style>"
    )


def _title(title: str, unit: str) -> str:
    return f'<text x="0" y="18" class="ctitle">{escape(title)}{escape(f" ({unit})" if unit else "")}</text>'
