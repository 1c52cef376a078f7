"""Horizontal bar charts drawn on the server as SVG (read with the table of the same figures)."""

from dataclasses import dataclass

LABEL_WIDTH = 220
BAR_AREA = 360
ROW = 26


@dataclass
class BarRow:
    label: str
    value: int
    y: int
    width: str  # formatted for SVG, never localised (a comma is not a decimal point there)


def bars(rows: list[tuple[str, int]]) -> dict:
    top = max((value for _label, value in rows), default=0)
    drawn = [
        BarRow(label, value, i * ROW, f"{BAR_AREA * value / top if top else 0:.1f}")
        for i, (label, value) in enumerate(rows)
    ]
    return {
        "rows": drawn,
        "height": max(len(drawn), 1) * ROW,
        "width": LABEL_WIDTH + BAR_AREA + 50,
        "label_width": LABEL_WIDTH,
    }
