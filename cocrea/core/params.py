"""Reading numbers from a query string. Every public filter (`?year=`, `?to=`, `?axis=`, ...) goes
through `int_param`, so a negative, huge or non-numeric value is treated as absent instead of
reaching the database (SQLite overflows past 2**63, a date lookup fails before year 1)."""

from django.http import QueryDict

# Wide enough for any year, version, axis or table number; small enough for every database and
# for `datetime.date`.
YEAR_RANGE = (1900, 2200)
NUMBER_RANGE = (1, 2**31 - 1)


def int_param(
    query: QueryDict, name: str, *, bounds: tuple[int, int] = NUMBER_RANGE, default=None
) -> int | None:
    """The integer `query[name]` if it is written in ASCII digits and lies within `bounds`
    (inclusive), else `default`."""
    raw = query.get(name, "").strip()
    if not raw.isascii() or not raw.lstrip("-").isdigit() or len(raw) > 12:
        return default
    value = int(raw)
    low, high = bounds
    return value if low <= value <= high else default


def text_param(query: QueryDict, name: str, *, max_length: int = 100) -> str:
    """`query[name]` stripped, cut to `max_length`, without NUL characters (PostgreSQL refuses
    them in a query parameter)."""
    return query.get(name, "").replace("\x00", "").strip()[:max_length]
