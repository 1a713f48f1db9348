"""The chart, table and text alternative of one question in one unit (pure: no Streamlit).

A complete single-answer distribution is a 100 % stacked bar per round; anything else is the
figures the text states, as bars, in the order of the answer scale (the report's order; bands
such as '7 of hoger' by their place on the scale and marked when they overlap; only lists with
several answers per respondent are ranked by value). Labels carry the hedge ('≈') and inference
('*') markers. Figures from other studies ("uit ander onderzoek") never share a chart with the
survey's answers or its n: they get a chart of their own.
"""

from __future__ import annotations

import pandas as pd

from dashboard import charts, fmt
from dashboard import charts_raadpleging as survey_charts
from dashboard import survey_labels as sl

MIN_LABEL_WIDTH = 5.0  # percentage points: narrower stacked segments get no printed label
PARTIAL_NOTE = "onvolledige verdeling: alleen de cijfers die de tekst noemt"
MULTI_NOTE = "meerdere antwoorden mogelijk"
NO_ANSWER_LABEL = "cijfer in de tekst"
CAUTION_SHORT = "(let op) = het rapport spreekt zichzelf tegen; zie de toelichting"
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
    "note_nl": "toelichting",
}


def year_labels(data: pd.DataFrame) -> list[str]:
    """The round ('<year>') for a survey answer; for a figure from another study
    'uit ander onderzoek: <source> (<year>)', or only 'uit ander onderzoek' when the bar's own
    label already names the study (a figure without answer category)."""
    out = []
    for r in data.itertuples():
        if r.source_kind != "context":
            out.append(str(int(r.survey_year)))
        elif r.answer_label == sl.NO_ANSWER:
            out.append(sl.CONTEXT_PREFIX)
        else:
            out.append(f"{sl.context_label(r.context_source)} ({int(r.survey_year)})")
    return out


def items(data: pd.DataFrame) -> list[str]:
    """The answer as the category label. An answer stated with different values is numbered by
    mention ('8 of hoger (2e vermelding)'): report lines stay in the 'Vindplaats' line. A figure
    without answer category is 'cijfer in de tekst', or the study it comes from; '(let op)'
    marks a figure the report contradicts (the warning below the charts explains it)."""
    seen: dict[tuple, int] = {}
    out = []
    for r in data.itertuples():
        bare = r.answer_label == sl.NO_ANSWER
        if r.source_kind == "context" and bare:
            label = f"{sl.context_label(r.context_source)} ({int(r.survey_year)})"
        else:
            label = NO_ANSWER_LABEL if bare else r.answer_label
        if r.value_variants > 1 and not (r.source_kind == "context" and bare):
            key = (r.answer_label, r.survey_year, r.source_kind)
            seen[key] = seen.get(key, 0) + 1
            label = (
                f"{seen[key]}e vermelding in de tekst"
                if bare
                else f"{label} ({seen[key]}e vermelding)"
            )
        out.append(label + (sl.CAUTION_MARK if r.note_is_caution else ""))
    return out


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
    return pd.DataFrame(
        {
            "item": items(data),
            "year_label": year_labels(data),
            "value": data["value"].astype(float),
            "value_upper": data["value_upper"].astype(float),
            "label": [sl.row_label(r) for r in data.itertuples()],
            "origin": sl.origins(data),
            "line": data["line"].astype(int).to_numpy(),
        }
    )


def scale_order(chart_df: pd.DataFrame, data: pd.DataFrame) -> list[str] | None:
    """The order of the bars: overlapping bands by their place on the scale, other answers in the
    report's order (the order of the answer scale); None (= by value) only for a list with several
    answers per respondent, which is no scale."""
    if data["multiple_answers"].any() and not overlaps(data):
        return None
    bands = [sl.band(a) if overlaps(data) else None for a in data["answer_label"]]
    keys = pd.DataFrame(
        {
            "item": chart_df["item"].to_numpy(),
            "low": [b[0] if b else float("inf") for b in bands],
            "high": [b[1] if b else float("inf") for b in bands],
            "answer_order": data["answer_order"].astype(int).to_numpy(),
            "line": data["line"].astype(int).to_numpy(),
        }
    )
    return keys.sort_values(["low", "high", "answer_order", "line"])["item"].unique().tolist()


def overlaps(data: pd.DataFrame) -> bool:
    return sl.overlapping_bands(data["answer_label"].tolist())


def _kind(part: pd.DataFrame, unit: str) -> str:
    if part["multiple_answers"].any():
        return MULTI_NOTE
    return PARTIAL_NOTE if unit == "percent" else "cijfers zoals de tekst ze noemt"


def unit_chart(
    part: pd.DataFrame, unit: str, question: str, rounds: survey_charts.Rounds
) -> tuple[object, pd.DataFrame, pd.DataFrame, str]:
    """The chart of one question in one unit: (chart, chart frame, rows shown, kind of figures).

    ``part`` holds either only survey answers or only figures from other studies (context):
    the two never share a chart, and only the survey's chart names the survey's n.
    """
    context = bool((part["source_kind"] == "context").all())
    complete = part[part["distribution_complete"]]
    value_title = sl.UNIT_TITLES.get(unit, unit)
    if not complete.empty and not context:
        data, chart_df = distribution_frames(complete)
        kind = COMPLETE_NOTE
        chart = survey_charts.distribution(chart_df, value_title)
    else:
        data = part[~part["is_repeat"]].copy()
        sources = ", ".join(part["context_source"].drop_duplicates())
        kind = f"{sl.context_label(sources)}; geen antwoorden uit deze raadpleging"
        kind = kind if context else _kind(part, unit)
        chart_df = bar_frame(data)
        order = scale_order(chart_df, data)
        fmt_str = charts.NUMBER_FORMAT if chart_df["value"].max() >= 10 else charts.DECIMAL_FORMAT
        chart = survey_charts.answer_bars(chart_df, value_title, rounds, fmt_str, order=order)
        if order is not None:  # the text alternative reads the bars in the chart's order
            rank = chart_df["item"].map({item: i for i, item in enumerate(order)})
            chart_df = chart_df.iloc[rank.argsort(kind="stable")].reset_index(drop=True)
    refs = ", ".join(part["ref"].drop_duplicates())
    n_text = "" if context else f" · n = {sl.n_label(part['n'].max())}"
    subtitle = [f"{refs}{n_text} · {kind}"]
    if complete.empty and overlaps(data):
        subtitle.append("Overlappende groepen, in de volgorde van de schaal: tel ze niet op")
    if data["is_hedged"].any():
        subtitle.append(sl.HEDGE_SHORT)
    if data["from_chart_label"].any():
        subtitle.append(sl.INFERRED_SHORT)
    if complete.empty and data["note_is_caution"].any():
        subtitle.append(CAUTION_SHORT)
    title = wrap(f"{sl.CONTEXT_TITLE} – {question}" if context else question)
    return charts.finish(chart, title, subtitle), chart_df, data, kind


def summary(chart_df: pd.DataFrame, n_text: str, ranked: bool = True) -> str:
    """The text alternative; overlapping bands (``ranked`` False) are listed in scale order, not
    ranked. ``n_text`` '' = a figure from another study (no survey n)."""
    if chart_df.empty:
        return "Geen cijfers."
    count = "1 cijfer" if len(chart_df) == 1 else f"{fmt.number(len(chart_df))} cijfers"
    n_part = f", n = {n_text}" if n_text else ""
    if not ranked:
        listed = "; ".join(f"'{r.item}': {r.label} ({r.year_label})" for r in chart_df.itertuples())
        return f"Overlappende groepen: {listed}. {count}{n_part}."
    hi = chart_df.loc[chart_df["value"].idxmax()]
    lo = chart_df.loc[chart_df["value"].idxmin()]
    text = f"Hoogste: '{hi['item']}' met {hi['label']} ({hi['year_label']})"
    if len(chart_df) > 1:
        text += f"; laagste: '{lo['item']}' met {lo['label']} ({lo['year_label']})"
    return f"{text}. {count}{n_part}."


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
        f"{r.answer_label}: {sl.row_label(r)} ({int(r.survey_year)})" for r in extra.itertuples()
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
