"""Small charts drawn on the server as inline SVG: nothing to load, nothing to run.

Each chart is one ``<svg role="img">`` named by its ``<title>`` and summed up by its
``<desc>`` (both referenced with ``aria-labelledby``), so a screen reader announces one
image with its gist; the numbers themselves are in the table the page shows beside it.
Every bar carries its value as text, and the two kinds of column of a histogram differ
by a pattern as well as by colour, so nothing is told by colour alone. Colours come
from the admin's theme through CSS classes (``reports.css``): no inline style, which
the Content Security Policy would refuse on the public site.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.template.defaultfilters import floatformat
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

WIDTH = 520
LABEL_WIDTH = 175
BAR_X = 183
BAR_SPACE = 200
ROW = 28
BAR_HEIGHT = 16
LABEL_CHARS = 26


def percent(value) -> str:
    """A rate as people read it (``85 %``, ``85,5 %`` in French); a dash when none."""
    return "—" if value is None else f"{floatformat(value, -1)} %"


@dataclass(frozen=True)
class Bar:
    """One row of a bar chart. ``value`` None draws no bar (a meeting not held yet)."""

    label: str
    value: float | None
    text: str


def _n(value: float) -> str:
    """A coordinate for SVG: one decimal at most, always with a dot."""
    return f"{value:.1f}".removesuffix(".0")


def _short(label: str, size: int = LABEL_CHARS) -> str:
    return label if len(label) <= size else label[: size - 1].rstrip() + "…"


def _hatch(pattern_id: str) -> SafeString:
    return format_html(
        '<pattern id="{}" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        '<rect width="6" height="6" class="chart__hatch-ground"></rect>'
        '<line x1="0" y1="0" x2="0" y2="6" class="chart__hatch-line"></line></pattern>',
        pattern_id,
    )


def _frame(chart_id: str, title: str, description: str, height: int, body, defs="") -> str:
    return format_html(
        '<svg class="chart" id="{id}" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        'role="img" aria-labelledby="{id}-title {id}-desc" focusable="false">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        "<defs>{defs}</defs>{body}</svg>",
        id=chart_id,
        w=WIDTH,
        h=height,
        title=title,
        desc=description,
        defs=defs,
        body=body,
    )


def bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    bars: list[Bar],
    maximum: float = 100,
) -> SafeString:
    """Horizontal bars, one per row, each followed by its ``text``; labels longer than
    the room for them are cut with an ellipsis (each row's ``<title>`` has them in
    full, and so does the table beside the chart)."""
    height = max(1, len(bars)) * ROW + 12
    rows = []
    for index, bar in enumerate(bars):
        y = 6 + index * ROW
        length = 0.0
        if bar.value is not None and maximum:
            length = max(0.0, min(1.0, bar.value / maximum)) * BAR_SPACE
        shape = (
            format_html(
                '<rect class="chart__bar" x="{}" y="{}" width="{}" height="{}"></rect>',
                BAR_X,
                y + (ROW - BAR_HEIGHT) // 2,
                _n(length),
                BAR_HEIGHT,
            )
            if bar.value is not None
            else ""
        )
        rows.append(
            format_html(
                '<g class="chart__row"><title>{full}: {text}</title>'
                '<text class="chart__label" x="{lx}" y="{ty}" text-anchor="end">{label}</text>'
                '<line class="chart__track" x1="{bx}" y1="{ly}" x2="{bx}" y2="{ly2}"></line>'
                '{shape}<text class="chart__value" x="{vx}" y="{ty}">{text}</text></g>',
                full=bar.label,
                text=bar.text,
                label=_short(bar.label),
                lx=LABEL_WIDTH,
                ty=y + ROW // 2 + 5,
                bx=BAR_X,
                ly=y + 2,
                ly2=y + ROW - 2,
                shape=shape,
                vx=_n(BAR_X + length + 6),
            )
        )
    return mark_safe(  # noqa: S308 - every part built with format_html above
        _frame(chart_id, title, description, height, mark_safe("".join(rows)))  # noqa: S308
    )


@dataclass(frozen=True)
class Column:
    """One column of a histogram: how many reached the minimum and how many did not."""

    label: str
    met: int
    not_met: int

    @property
    def total(self) -> int:
        return self.met + self.not_met


def histogram(
    *,
    chart_id: str,
    title: str,
    description: str,
    columns: list[Column],
    met_label: str,
    not_met_label: str,
    axis_label: str,
) -> SafeString:
    """Stacked columns: those who met (solid) under those who did not (hatched), the
    count above each column, a legend naming both, and ``axis_label`` under the axis."""
    plot_top, plot_height, left = 44, 150, 36
    step = (WIDTH - left - 8) / max(1, len(columns))
    width = step * 0.72
    highest = max((c.total for c in columns), default=0) or 1
    pattern = f"{chart_id}-hatch"
    parts = [
        format_html(
            '<g class="chart__legend">'
            '<rect class="chart__bar" x="{x0}" y="8" width="14" height="14"></rect>'
            '<text class="chart__label" x="{t0}" y="20">{met}</text>'
            '<rect class="chart__bar--hatched" fill="url(#{p})" x="{x1}" y="8" width="14" '
            'height="14"></rect><text class="chart__label" x="{t1}" y="20">{not_met}</text></g>',
            x0=left,
            t0=left + 20,
            met=met_label,
            p=pattern,
            x1=left + 230,
            t1=left + 250,
            not_met=not_met_label,
        )
    ]
    baseline = plot_top + plot_height
    for index, column in enumerate(columns):
        x = left + index * step + (step - width) / 2
        met_h = plot_height * column.met / highest
        not_met_h = plot_height * column.not_met / highest
        parts.append(
            format_html(
                '<g class="chart__row"><title>{label}: {met} + {not_met}</title>'
                '<rect class="chart__bar" x="{x}" y="{my}" width="{w}" '
                'height="{mh}"></rect>'
                '<rect class="chart__bar--hatched" fill="url(#{p})" x="{x}" y="{ny}" '
                'width="{w}" height="{nh}"></rect>'
                '<text class="chart__value" x="{cx}" y="{ty}" '
                'text-anchor="middle">{total}</text>'
                '<text class="chart__label" x="{cx}" y="{ly}" text-anchor="middle">'
                "{label}</text></g>",
                label=column.label,
                met=column.met,
                not_met=column.not_met,
                x=_n(x),
                my=_n(baseline - met_h),
                mh=_n(met_h),
                ny=_n(baseline - met_h - not_met_h),
                nh=_n(not_met_h),
                w=_n(width),
                p=pattern,
                cx=_n(x + width / 2),
                ty=_n(baseline - met_h - not_met_h - 5),
                total=column.total,
                ly=baseline + 16,
            )
        )
    parts.append(
        format_html(
            '<line class="chart__axis" x1="{l}" y1="{b}" x2="{r}" y2="{b}"></line>'
            '<text class="chart__label" x="{c}" y="{y}" text-anchor="middle">{axis}</text>',
            l=left,
            r=WIDTH - 8,
            b=baseline,
            c=_n(WIDTH / 2),
            y=baseline + 36,
            axis=axis_label,
        )
    )
    body = format_html_join("", "{}", ((part,) for part in parts))
    return mark_safe(  # noqa: S308 - every part built with format_html above
        _frame(chart_id, title, description, baseline + 44, body, defs=_hatch(pattern))
    )
