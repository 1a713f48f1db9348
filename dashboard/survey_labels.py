"""Dutch labels and texts for the Raadpleging figures (Movisie survey). No Streamlit.

One home for how a transcribed report figure is worded on screen: value labels with hedge and
inference markers, where a figure comes from (a figure from another study is labelled "uit ander
onderzoek"), overlapping answer bands, the chapter label (also the URL value of the chapter
selector, used by the start page) and the copyable sentence. The notes shown are the Dutch
``note_nl`` of the data; the English ``note`` is for maintainers and never shown.
Survey rounds are never typed here: they come with the data (``survey_year``) or the catalog.
"""

from __future__ import annotations

import re

import pandas as pd

from dashboard import fmt

SNAPSHOT = "raadpleging"
UNIT_TITLES = {
    "percent": "% van de respondenten",
    "count": "Aantal",
    "mean": "Gemiddelde",
    "mark": "Rapportcijfer (1-10)",
    "percent_of_time": "% van de werktijd",
    "percentage_points": "Procentpunten",
    "euro": "Euro",
    "hours": "Uren",
}
DEFINITIONS = {
    "percent": "percentage van de respondenten die deze vraag beantwoordden",
    "count": "aantal respondenten of aantal keer genoemd, zoals het rapport het noemt",
    "mean": "gemiddelde zoals het rapport het noemt",
    "mark": "gemiddeld rapportcijfer op een schaal van 1 tot 10",
    "percent_of_time": "percentage van de (contract)werktijd",
    "percentage_points": "verschil in procentpunten zoals het rapport het noemt",
    "euro": "bedrag in euro zoals het rapport het noemt",
    "hours": "aantal uren zoals het rapport het noemt",
}
HEDGE_NOTE = (
    "≈ = de tekst noemt dit cijfer met een voorbehoud (ruim, bijna, circa, meer dan, een "
    "bandbreedte of een breuk zoals 'een derde'); bij een bandbreedte loopt de balk tot de "
    "ondergrens en een donkere lijn tot de bovengrens."
)
HEDGE_SHORT = "≈ = cijfer met voorbehoud in de tekst (ruim, bijna, circa, bandbreedte, breuk)"
INFERRED_MARK = "*"
INFERRED_NOTE = (
    "* = afgeleid: dit cijfer is een grafieklabel uit de tekstversie van het rapport; bij welk "
    "antwoord het hoort, is afgeleid uit de volgorde van de labels (niet door de tekst genoemd)."
)
INFERRED_SHORT = "* = afgeleid uit de volgorde van de grafieklabels"
ORIGIN_TEXT = "tekst van het rapport"
ORIGIN_INFERRED = "afgeleid uit de volgorde van de grafieklabels"
CONTEXT_PREFIX = "uit ander onderzoek"
CONTEXT_TITLE = "Ter vergelijking: cijfers uit ander onderzoek"
CONTEXT_NOTE = (
    "Het rapport noemt deze cijfers uit ander onderzoek (bijvoorbeeld AZW of CBS) ter "
    "vergelijking. Het zijn geen antwoorden van de sociaal werkers in deze raadpleging; de n van "
    "de raadpleging geldt er niet voor."
)
OVERLAP_NOTE = (
    "Let op: deze groepen overlappen (bijvoorbeeld '7 of hoger' bevat ook '8 of hoger'). Ze "
    "staan in de volgorde van de schaal; tel ze niet op en vergelijk ze niet als een ranglijst."
)
CAUTION_MARK = " (let op)"
NO_ANSWER = "(zonder antwoordcategorie)"  # the SQL's answer_label for a figure without answer
_BANDS = (  # (pattern, bounds from the match): answer bands on a numeric scale
    (re.compile(r"(\d+)\s*(?:-|tot en met|t/m)\s*(\d+)"), lambda m: (int(m[1]), int(m[2]))),
    (re.compile(r"\b(\d+) of (\d+)\b"), lambda m: (int(m[1]), int(m[2]))),
    (re.compile(r"\b(\d+)(?: procent)? of (?:hoger|meer)"), lambda m: (int(m[1]), float("inf"))),
    (re.compile(r"\b(\d+) of (?:lager|minder)"), lambda m: (float("-inf"), int(m[1]))),
    (re.compile(r"\b(?:maximaal|hooguit) (\d+)", re.I), lambda m: (0, int(m[1]))),
    (re.compile(r"\b(?:korter|minder) dan (\d+)", re.I), lambda m: (0, int(m[1]) - 0.5)),
    (re.compile(r"\b(?:langer|meer) dan (\d+)", re.I), lambda m: (int(m[1]) + 0.5, float("inf"))),
)
_SUFFIX = {
    "percent": "%",
    "percent_of_time": "%",
    "percentage_points": " procentpunt",
    "hours": " uur",
}
_SENTENCE_HEDGE = {"range": "", "fraction": "ongeveer ", "een zestal": "ongeveer "}


def missing(x: object) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and pd.isna(x))


def as_list(values: object) -> list:
    """A DuckDB list cell (numpy array, list, or NULL) as a Python list."""
    if values is None or values is pd.NA or isinstance(values, float | str):
        return []
    return list(values)


def value_label(
    value: object, upper: object, unit: str, hedged: bool = False, inferred: bool = False
) -> str:
    """Dutch value text: '41%', '≈11–13%', '3.000', '6,9'; hedged values get the '≈' prefix,
    values inferred from the order of chart labels the '*' suffix ('41%*')."""
    if missing(value):
        return "–"
    whole = float(value).is_integer() and (missing(upper) or float(upper).is_integer())
    decimals = 0 if whole else 1
    text = fmt.number(value, decimals)
    if not missing(upper):
        text = f"{text}–{fmt.number(upper, decimals)}"
    text = ("€ " if unit == "euro" else "") + text + _SUFFIX.get(unit, "")
    text = f"≈{text}" if hedged else text
    return f"{text}{INFERRED_MARK}" if inferred else text


def context_label(source: str) -> str:
    """'uit ander onderzoek: AZW': how a figure from another study is named everywhere."""
    return f"{CONTEXT_PREFIX}: {source}" if source else CONTEXT_PREFIX


def origin_text(from_chart_label: bool, source_kind: str = "raadpleging", source: str = "") -> str:
    """Where a figure comes from, for tooltips and tables."""
    if source_kind == "context":
        return context_label(source)
    return ORIGIN_INFERRED if from_chart_label else ORIGIN_TEXT


def band(answer: str) -> tuple[float, float] | None:
    """The bounds of an answer band on a numeric scale ('7 of hoger' -> (7, inf), '5 tot en met 7'
    -> (5, 7), 'Maximaal 5 jaar (0-5 jaar)' -> (0, 5)); None for an answer that is no band."""
    for pattern, bounds in _BANDS:
        m = pattern.search(answer)
        if m:
            return bounds(m)
    return None


def overlapping_bands(answers: list[str]) -> bool:
    """True when two different answers are bands that share a part of the scale."""
    bands = sorted({b for a in set(answers) if (b := band(a)) is not None})
    return any(
        max(a[0], b[0]) <= min(a[1], b[1]) for i, a in enumerate(bands) for b in bands[i + 1 :]
    )


def row_label(r: object) -> str:
    """value_label for one row of survey__question_figures (hedge and inference markers)."""
    return value_label(r.value, r.value_upper, r.unit, r.is_hedged, bool(r.from_chart_label))


def origins(data: pd.DataFrame) -> list[str]:
    return [
        origin_text(bool(r.from_chart_label), r.source_kind, r.context_source)
        for r in data.itertuples()
    ]


def n_label(n: object) -> str:
    return "niet vermeld" if missing(n) else fmt.number(n)


def chapter_label(row: object) -> str:
    """'9. Administratie- en regeldruk (n = 1.000)': the chapter selector's label and URL value."""
    return f"{row.chapter}. {row.chapter_title} (n = {n_label(row.max_n)})"


def citation(entry: dict) -> str:
    """The short citation of the report from its manifest entry ('Movisie, Grote …')."""
    if entry.get("citation"):
        return str(entry["citation"])
    return ", ".join(str(entry[k]) for k in ("publisher", "title") if entry.get(k))


def key_sentence(r: object, cited: str) -> str:
    """A ready-to-copy sentence for one key figure, with its round, source and n."""
    hedge = str(r.hedge)
    value = value_label(r.value, r.value_upper, "percent")
    if r.is_hedged:
        if hedge == "of meer":
            value = f"{value} of meer"
        else:
            value = _SENTENCE_HEDGE.get(hedge, f"{hedge} ") + value
    return (
        f"In {int(r.survey_year)} antwoordde {value} van de sociaal werkers '{r.answer}' op "
        f"'{r.question}' ({cited}, n = {n_label(r.n)})."
    )
