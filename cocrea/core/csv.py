"""The product's one CSV writer. Every export goes through it, so no cell typed by the public can
run as a spreadsheet formula (CSV injection, OWASP): a cell that starts with `=`, `+`, `-`, `@`,
a tab or a carriage return is prefixed with a single quote, which spreadsheet programs show as
text. The stdlib writer quotes the delimiter, quotes and line breaks inside a cell."""

import csv
from collections.abc import Iterable

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """`value` as text, neutralised if a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class SafeWriter:
    """`csv.writer` with every cell passed through `safe_cell`."""

    def __init__(self, stream):
        self._writer = csv.writer(stream)

    def writerow(self, row: Iterable) -> None:
        self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for row in rows:
            self.writerow(row)


def csv_download(filename: str) -> tuple[HttpResponse, SafeWriter]:
    """A CSV download and its writer: UTF-8 with the BOM spreadsheet programs need, never cached
    (exports hold personal data)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    response.write("\ufeff")
    return response, SafeWriter(response)
