"""Geometry of the admin report's bar chart, drawn as SVG by a template.

Plain arithmetic, no charting library: the chart must work without
JavaScript, and the same numbers also go into a data table.
"""

from dataclasses import dataclass

WIDTH = 720
HEIGHT = 240
MARGIN_LEFT = 56
MARGIN_RIGHT = 24  # room for the last day's label, centred under its bar
MARGIN_BOTTOM = 28
MARGIN_TOP = 12
GAP = 0.2  # share of each slot left empty between bars


@dataclass(frozen=True)
class Bar:
    day: object
    views: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Tick:
    value: int
    y: float


@dataclass(frozen=True)
class Label:
    day: object
    x: float


def nice_ceiling(value):
    """The smallest of 1, 2, 5 × 10^n that is at least ``value`` (at least 1)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def bar_chart(series, label_every=7):
    """Bars, y-axis ticks and x-axis labels for ``[(day, views)]``."""
    plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    top = nice_ceiling(max((views for _, views in series), default=0))
    slot = plot_width / max(len(series), 1)
    baseline = MARGIN_TOP + plot_height
    bars, labels = [], []
    for index, (day, views) in enumerate(series):
        height = plot_height * views / top
        x = MARGIN_LEFT + index * slot
        bars.append(
            Bar(day, views, round(x + slot * GAP / 2, 2), round(baseline - height, 2),
                round(slot * (1 - GAP), 2), round(height, 2))
        )
        # Label the last day and every label_every-th day before it.
        if (len(series) - 1 - index) % label_every == 0:
            labels.append(Label(day, round(x + slot / 2, 2)))
    # top is 1, 2 or 5 × 10^n: these divisions keep every tick a whole number.
    parts = next(n for n in (5, 4, 2, 1) if top % n == 0)
    ticks = [
        Tick(top * part // parts, round(baseline - plot_height * part / parts, 2))
        for part in range(parts + 1)
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": MARGIN_LEFT,
        "right": WIDTH - MARGIN_RIGHT,
        "baseline": baseline,
        "label_y": HEIGHT - 8,
        "bars": bars,
        "ticks": ticks,
        "labels": labels,
        "top": top,
    }
