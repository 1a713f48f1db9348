"""Dutch number, percentage and period formatting for KPIs, tables, charts and exports."""

from __future__ import annotations

import math

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
SHORT_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
DAYS = ("zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag")
SHORT_DAYS = ("zo", "ma", "di", "wo", "do", "vr", "za")

# d3-format / d3-time-format locale for Vega (Altair alt.Locale and vl-convert)
VEGA_NUMBER_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]}
VEGA_TIME_LOCALE = {
    "dateTime": "%A %e %B %Y %X",
    "date": "%d-%m-%Y",
    "time": "%H:%M:%S",
    "periods": ["AM", "PM"],
    "days": list(DAYS),
    "shortDays": list(SHORT_DAYS),
    "months": list(MONTHS),
    "shortMonths": list(SHORT_MONTHS),
}


def _missing(x: object) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x)) or str(x) in ("<NA>", "nan")


def number(x: object, decimals: int = 0, missing: str = "–") -> str:
    """1234.5 -> '1.234,5' (decimals=1); None/NaN -> '–'."""
    if _missing(x):
        return missing
    text = f"{float(x):,.{decimals}f}"  # 1,234.5
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def pct(x: object, decimals: int = 1, signed: bool = False, missing: str = "–") -> str:
    """12.34 -> '12,3%'; signed=True -> '+12,3%'."""
    if _missing(x):
        return missing
    text = number(abs(float(x)) if signed else x, decimals) + "%"
    if signed:
        return ("+" if float(x) > 0 else "−" if float(x) < 0 else "±") + text
    return text


def signed(x: object, decimals: int = 0, missing: str = "–") -> str:
    """Change with sign: 120 -> '+120', -5 -> '−5'."""
    if _missing(x):
        return missing
    v = float(x)
    sign = "+" if v > 0 else "−" if v < 0 else "±"
    return sign + number(abs(v), decimals)


def quarter(year: int, q: int) -> str:
    """(2019, 2) -> '2e kwartaal 2019'."""
    return f"{q}e kwartaal {year}"


def quarter_short(year: int, q: int) -> str:
    return f"{year} K{q}"


def ordinal(n: int) -> str:
    """12 -> '12e'."""
    return f"{n}e"


def date_long(day: int, month: int, year: int) -> str:
    """(1, 10, 2024) -> '1 oktober 2024'."""
    return f"{day} {MONTHS[month - 1]} {year}"


def student_count(x: object, suppressed_cells: int = 0) -> str:
    """A DUO total: suppressed cells make it a lower bound ('minimaal 1.234'); '<5' alone."""
    if (_missing(x) or float(x) == 0) and suppressed_cells:
        # only suppressed cells: never show 0 ("<5" = 1-4 persons per cell)
        return "<5" if suppressed_cells == 1 else f"{suppressed_cells}× <5"
    if _missing(x):
        return "geen gegevens"
    if suppressed_cells:
        return f"minimaal {number(x)}"
    return number(x)


def counted(
    x: object,
    suppressed_cells: int = 0,
    suppressed_only: bool = False,
    decimals: int = 0,
    missing: str = "geen gegevens",
) -> str:
    """A value derived from DUO cells: '<5' when only suppressed, 'minimaal …' for a lower bound.

    Works for counts and rates (per 1.000) alike: a rate over a lower bound is a lower bound too.
    """
    cells = 0 if _missing(suppressed_cells) else int(suppressed_cells)
    if suppressed_only and cells:
        return "<5" if cells == 1 else f"{cells}× <5"
    if _missing(x):
        return missing
    text = number(x, decimals)
    return f"minimaal {text}" if cells else text


def and_list(items: list[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b en c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]
