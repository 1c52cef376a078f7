"""Charts drawn on the server as SVG geometry, so they need no script and can be read by
assistive technology (each chart also has a table with the same figures)."""

import datetime
from dataclasses import dataclass

from django.utils import formats


@dataclass
class Bar:
    x: float
    width: float


@dataclass
class GanttRow:
    step: object
    y: float
    planned: Bar | None
    actual: Bar | None


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Gantt:
    width: int
    height: int
    label_width: int
    row_height: int
    rows: list[GanttRow]
    ticks: list[Tick]
    today_x: float | None


def _month_starts(first: datetime.date, last: datetime.date):
    current = first.replace(day=1)
    while current <= last:
        yield current
        current = (current.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def gantt(steps, *, today: datetime.date, width: int = 960, label_width: int = 60) -> Gantt | None:
    """Planned (outline) and actual (filled) bars per step over a shared month axis."""
    steps = list(steps)
    dates = [
        d
        for s in steps
        for d in (s.planned_start, s.planned_end, s.actual_start, s.actual_end)
        if d is not None
    ]
    if not dates:
        return None
    first = min(dates).replace(day=1)
    last = max(dates)
    end = (last.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    span = (end - first).days or 1
    chart_width = width - label_width - 10
    row_height = 28
    top = 24

    def x(day: datetime.date) -> float:
        return round(label_width + chart_width * (day - first).days / span, 1)

    def bar(start, stop) -> Bar | None:
        if start is None:
            return None
        stop = stop or start
        return Bar(x(start), max(round(x(stop + datetime.timedelta(days=1)) - x(start), 1), 2.0))

    rows = []
    # An open step runs until today, drawn up to the chart's edge when today lies beyond it.
    last_drawn = end - datetime.timedelta(days=1)
    for index, step in enumerate(steps):
        actual_stop = step.actual_end or (
            min(max(today, step.actual_start), max(last_drawn, step.actual_start))
            if step.actual_start
            else None
        )
        rows.append(
            GanttRow(
                step=step,
                y=top + index * row_height,
                planned=bar(step.planned_start, step.planned_end),
                actual=bar(step.actual_start, actual_stop),
            )
        )
    months = list(_month_starts(first, last))
    every = max(1, len(months) // 12)
    ticks = [
        Tick(x(month), formats.date_format(month, "M y"))
        for i, month in enumerate(months)
        if i % every == 0
    ]
    today_x = x(today) if first <= today <= end else None
    return Gantt(
        width, top + len(steps) * row_height + 8, label_width, row_height, rows, ticks, today_x
    )
