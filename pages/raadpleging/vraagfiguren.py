"""The chart, table and text alternative of one question in one unit (pure: no Streamlit).

A complete single-answer distribution is a 100 % stacked bar per round; anything else is the
figures the text states, as bars. Labels carry the hedge ('≈') and inference ('*') markers; a
figure from another source is grey and named as such.
"""

from __future__ import annotations

import pandas as pd

from dashboard import charts, fmt
from dashboard import charts_raadpleging as survey_charts
from dashboard import survey_labels as sl

MIN_LABEL_WIDTH = 5.0  # percentage points: narrower stacked segments get no printed label
PARTIAL_NOTE = "onvolledige verdeling: alleen de cijfers die de tekst noemt"
MULTI_NOTE = "meerdere antwoorden mogelijk"
COMPLETE_NOTE = "volledige verdeling (één antwoord per respondent; optelling ≈ 100 door afronding)"
TABLE_COLUMNS = {
    "survey_year": "jaar",
    "answer_label": "antwoord",
    "waarde": "waarde",
    "value": "waarde_getal",
    "value_upper": "bovengrens",
    "unit": "eenheid",
    "n": "n",
    "ref": "verwijzing",
    "line": "regel",
    "value_text": "tekst_in_rapport",
    "hedge": "voorbehoud",
    "distribution_complete": "volledige_verdeling",
    "multiple_answers": "meerdere_antwoorden",
    "from_chart_label": "uit_grafieklabel",
    "herkomst": "herkomst",
    "is_repeat": "herhaling",
    "note": "notitie",
}


def year_labels(data: pd.DataFrame) -> list[str]:
    """The round ('<year>') for a survey answer; '<year> · <source>' for a context figure."""
    return [
        f"{int(r.survey_year)} · {r.context_source}"
        if r.source_kind == "context"
        else str(int(r.survey_year))
        for r in data.itertuples()
    ]


def distribution_frames(complete: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    data = complete.sort_values("line").drop_duplicates(["survey_year", "answer_label"])
    ranks = {a: i for i, a in enumerate(data["answer_label"].drop_duplicates())}
    chart_df = pd.DataFrame(
        {
            "year_label": year_labels(data),
            "answer_label": data["answer_label"],
            "item": data["answer_label"],
            "answer_rank": data["answer_label"].map(ranks),
            "value": data["value"].astype(float),
            "label": [sl.row_label(r) for r in data.itertuples()],
            "origin": sl.origins(data),
            "line": data["line"].astype(int).to_numpy(),
        }
    )
    chart_df["show_label"] = chart_df["value"] >= MIN_LABEL_WIDTH
    return data, chart_df


def bar_frame(data: pd.DataFrame) -> pd.DataFrame:
    items = [
        r.answer_label + (f" (regel {r.line})" if r.value_variants > 1 else "")
        for r in data.itertuples()
    ]
    return pd.DataFrame(
        {
            "item": items,
            "year_label": year_labels(data),
            "value": data["value"].astype(float),
            "value_upper": data["value_upper"].astype(float),
            "label": [sl.row_label(r) for r in data.itertuples()],
            "origin": sl.origins(data),
            "line": data["line"].astype(int).to_numpy(),
        }
    )


def _kind(part: pd.DataFrame, unit: str) -> str:
    if part["multiple_answers"].any():
        return MULTI_NOTE
    return PARTIAL_NOTE if unit == "percent" else "cijfers zoals de tekst ze noemt"


def unit_chart(
    part: pd.DataFrame, unit: str, question: str, rounds: survey_charts.Rounds
) -> tuple[object, pd.DataFrame, pd.DataFrame, str]:
    """The chart of one question in one unit: (chart, chart frame, rows shown, kind of figures)."""
    complete = part[part["distribution_complete"]]
    value_title = sl.UNIT_TITLES.get(unit, unit)
    if not complete.empty:
        data, chart_df = distribution_frames(complete)
        kind = COMPLETE_NOTE
        chart = survey_charts.distribution(chart_df, value_title)
    else:
        data = part[~part["is_repeat"]].copy()
        kind = _kind(part, unit)
        chart_df = bar_frame(data)
        fmt_str = charts.NUMBER_FORMAT if chart_df["value"].max() >= 10 else charts.DECIMAL_FORMAT
        chart = survey_charts.answer_bars(chart_df, value_title, rounds, fmt_str)
    refs = ", ".join(part["ref"].drop_duplicates())
    subtitle = [f"{refs} · n = {sl.n_label(part['n'].max())} · {kind}"]
    if data["is_hedged"].any():
        subtitle.append(sl.HEDGE_SHORT)
    if data["from_chart_label"].any():
        subtitle.append(sl.INFERRED_SHORT)
    if (data["source_kind"] == "context").any():
        subtitle.append("grijs = andere bron, geen antwoord van respondenten")
    return charts.finish(chart, wrap(question), subtitle), chart_df, data, kind


def summary(chart_df: pd.DataFrame, n_text: str) -> str:
    if chart_df.empty:
        return "Geen cijfers."
    hi = chart_df.loc[chart_df["value"].idxmax()]
    lo = chart_df.loc[chart_df["value"].idxmin()]
    text = f"Hoogste: '{hi['item']}' met {hi['label']} ({hi['year_label']})"
    if len(chart_df) > 1:
        text += f"; laagste: '{lo['item']}' met {lo['label']} ({lo['year_label']})"
    count = "1 cijfer" if len(chart_df) == 1 else f"{fmt.number(len(chart_df))} cijfers"
    return f"{text}. {count}, n = {n_text}."


def table(part: pd.DataFrame) -> pd.DataFrame:
    """Every figure of the question in this unit, with its label, origin and report line."""
    out = part.assign(
        waarde=[sl.row_label(r) for r in part.itertuples()], herkomst=sl.origins(part)
    )
    return out[list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS)


def also_stated(part: pd.DataFrame, complete: pd.DataFrame) -> list[str]:
    """Figures stated in the prose besides the full distribution (sums, other years, variants)."""
    keys = ["survey_year", "answer_label", "value"]
    shown = set(complete[keys].itertuples(index=False, name=None))
    is_new = [k not in shown for k in part[keys].itertuples(index=False, name=None)]
    extra = part[~part["distribution_complete"].to_numpy() & pd.Series(is_new).to_numpy()]
    extra = extra.drop_duplicates(keys)
    return [
        f"{r.answer_label}: {sl.row_label(r)} ({int(r.survey_year)}"
        + (f", {r.context_source}" if r.source_kind == "context" else "")
        + f", regel {int(r.line)})"
        for r in extra.itertuples()
    ]


def wrap(text: str, width: int = 80) -> list[str]:
    words, lines, current = text.split(), [], ""
    for word in words:
        if current and len(current) + len(word) + 1 > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current] if current else lines
