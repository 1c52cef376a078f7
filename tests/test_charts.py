"""Geometry of the Gantt chart, worked out by hand: 59 days (Jan-Feb 2017) over 890 px."""

import datetime
from types import SimpleNamespace

from cocrea.public.charts import Bar, gantt

D = datetime.date


def steps():
    return [
        SimpleNamespace(
            planned_start=D(2017, 1, 1),
            planned_end=D(2017, 1, 31),
            actual_start=D(2017, 1, 1),
            actual_end=D(2017, 1, 31),
        ),
        SimpleNamespace(
            planned_start=D(2017, 2, 1),
            planned_end=D(2017, 2, 28),
            actual_start=D(2017, 2, 10),
            actual_end=None,
        ),
    ]


def test_bars_and_today_line():
    chart = gantt(steps(), today=D(2017, 2, 20))
    first, second = chart.rows
    assert first.planned == Bar(60.0, 467.6)
    assert first.actual == Bar(60.0, 467.6)
    assert second.planned == Bar(527.6, 422.4)
    assert second.actual == Bar(663.4, 165.9)  # open: runs to today
    assert chart.today_x == 814.2
    assert [t.x for t in chart.ticks] == [60.0, 527.6]
    assert (chart.height, [r.y for r in chart.rows]) == (24 + 2 * 28 + 8, [24, 52])


def test_open_step_stops_at_the_chart_edge_when_today_is_far_away():
    chart = gantt(steps(), today=D(2026, 11, 28))
    assert chart.rows[1].actual == Bar(663.4, 286.6)
    assert chart.today_x is None


def test_no_dates_no_chart():
    undated = SimpleNamespace(
        planned_start=None, planned_end=None, actual_start=None, actual_end=None
    )
    assert gantt([undated], today=D(2017, 1, 1)) is None
