"""Tab '<previous> en <current>': every figure the text gives for both rounds, as dumbbells.

The rounds come from the catalog. Not a panel: different respondents, so the caveat names both
response counts; pairs whose question changed or that the report contradicts are marked (the
data's ``note_is_caution``) and explained with the Dutch note. A chapter selector (URL
parameter ``vergelijkhoofdstuk``) shows one chapter or all.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, fmt, params, queries_raadpleging, ui
from dashboard import charts_raadpleging as survey_charts
from dashboard import survey_labels as sl
from dashboard.components import controls
from dashboard.components.blocks import ChartBlock, render_block

HIDDEN = (
    "other_values_current",
    "context_values",
    "context_source",
    "chapter_title",
    "is_caution_previous",
    "is_caution_current",
)
ALL_CHAPTERS = -1  # the selector's value for every chapter (chapters are numbered 0-15)
_ROLE_COLUMNS = {
    "value": "waarde",
    "value_upper": "bovengrens",
    "is_hedged": "voorbehoud",
    "from_chart_label": "uit_grafieklabel",
    "n": "n",
    "line": "regel",
    "figure_id": "figuur_id",
    "note_nl": "toelichting",
}


def tab_label(rounds: survey_charts.Rounds) -> str:
    return f"{rounds.previous} en {rounds.current}"


def item(r: object) -> str:
    return r.question if r.answer_label == sl.NO_ANSWER else f"{r.question}: {r.answer_label}"


def pair_note(r: object, rounds: survey_charts.Rounds) -> str:
    """The Dutch notes of both chosen rows of a pair ('' = none)."""
    pairs = [(rounds.previous, r.note_nl_previous), (rounds.current, r.note_nl_current)]
    notes = [(y, str(n)) for y, n in pairs if not sl.missing(n) and str(n)]
    if len(notes) == 2 and notes[0][1] == notes[1][1]:
        return f"{tab_label(rounds)}: {notes[0][1]}"
    return "; ".join(f"{y}: {n}" for y, n in notes)


def caution(r: object) -> bool:
    """The pair is not like for like, or the report contradicts itself about it."""
    return bool(r.is_caution_previous) or bool(r.is_caution_current)


def _role_values(part: pd.DataFrame, role: str, unit: str) -> list[str]:
    cols = [f"{c}_{role}" for c in ("value", "value_upper", "is_hedged", "from_chart_label")]
    return [
        sl.value_label(v, upper, unit, bool(hedged), bool(inferred))
        for v, upper, hedged, inferred in part[cols].itertuples(index=False, name=None)
    ]


def comparison_frame(part: pd.DataFrame, unit: str, rounds: survey_charts.Rounds) -> pd.DataFrame:
    """The dumbbell frame of one chapter and unit: labels with markers, origin and notes."""
    notes = [pair_note(r, rounds) for r in part.itertuples()]
    frame = {"item": [item(r) + (sl.CAUTION_MARK if caution(r) else "") for r in part.itertuples()]}
    for role in ("previous", "current"):
        frame[f"value_{role}"] = part[f"value_{role}"].astype(float).to_numpy()
        frame[f"label_{role}"] = _role_values(part, role, unit)
        frame[f"origin_{role}"] = [
            sl.origin_text(bool(v)) for v in part[f"from_chart_label_{role}"]
        ]
    frame["note"] = [n or "geen" for n in notes]
    return pd.DataFrame(frame)


def _context_text(r: object, unit: str) -> str:
    values = sl.as_list(r.context_values)
    if not values:
        return ""
    shown = ", ".join(sl.value_label(v, None, unit) for v in values)
    return f"{sl.context_label(r.context_source)}: {shown}"


def comparison_table(part: pd.DataFrame, unit: str, rounds: survey_charts.Rounds) -> pd.DataFrame:
    """The query rows plus the other current-round values, the figures from another source
    (apart, never compared) and the notes of both rows (the columns of HIDDEN are not shown)."""
    return part.assign(
        andere_waarden_current=[
            ", ".join(fmt.number(x, 0 if float(x).is_integer() else 1) for x in sl.as_list(v))
            for v in part["other_values_current"]
        ],
        ander_onderzoek=[_context_text(r, unit) for r in part.itertuples()],
        toelichting=[pair_note(r, rounds) for r in part.itertuples()],
    )


def column_labels(rounds: survey_charts.Rounds) -> dict[str, str]:
    """Table and download columns: the round's year in the name ('waarde_<year>')."""
    out = {"answer_label": "antwoord", "question": "vraag", "chapter": "hoofdstuk"}
    for role, year in (("previous", rounds.previous), ("current", rounds.current)):
        out.update({f"{k}_{role}": f"{v}_{year}" for k, v in _ROLE_COLUMNS.items()})
    out["andere_waarden_current"] = f"andere_waarden_{rounds.current}"
    out["change"] = "verschil"
    return out


def summary(part: pd.DataFrame, title: str, unit: str, rounds: survey_charts.Rounds) -> str:
    change = part["value_current"].astype(float) - part["value_previous"].astype(float)
    up, down = part.loc[change.idxmax()], part.loc[change.idxmin()]
    points = " procentpunten" if unit == "percent" else ""
    parts = [f"{title}: {fmt.number(len(part))} cijfers"]
    if change.max() > 0:
        parts.append(f"grootste toename: '{item(up)}' ({fmt.signed(change.max())}{points})")
    if change.min() < 0:
        parts.append(f"grootste afname: '{item(down)}' ({fmt.signed(change.min())}{points})")
    if change.max() <= 0 and change.min() >= 0:
        parts.append(f"geen verschil tussen {rounds.previous} en {rounds.current}")
    marked = sum(caution(r) for r in part.itertuples())
    if marked:
        parts.append(
            f"let op bij {fmt.number(marked)} cijfers: vraag veranderd of tegenstrijdig in het "
            "rapport"
        )
    return "; ".join(parts) + "."


def comparison_block(
    part: pd.DataFrame, chapter: int, unit: str, rounds: survey_charts.Rounds
) -> ChartBlock:
    title = f"{chapter}. {part['chapter_title'].iloc[0]}: {tab_label(rounds)}"
    value_title = sl.UNIT_TITLES.get(unit, unit)
    sub = [f"{value_title} · oranje = {rounds.previous}, blauw = {rounds.current} · geen panel"]
    if part["from_chart_label_previous"].any() or part["from_chart_label_current"].any():
        sub.append(sl.INFERRED_SHORT)
    if any(caution(r) for r in part.itertuples()):
        sub.append("(let op) = vraag veranderd of tegenstrijdig in het rapport; zie de toelichting")
    return ChartBlock(
        key=f"raadpleging-vergelijk-{chapter}-{unit}",
        title=title,
        chart=lambda data: survey_charts.dumbbell(
            comparison_frame(data, unit, rounds), value_title, rounds, charts.NUMBER_FORMAT
        ),
        summary=lambda data: summary(data, title, unit, rounds),
        snapshot=sl.SNAPSHOT,
        definition=(
            f"{sl.DEFINITIONS.get(unit, unit)}; {tab_label(rounds)} zijn verschillende groepen"
        ),
        subtitle=sub,
        selection=f"hoofdstuk {chapter}",
        columns=tuple(c for c in comparison_table(part.head(0), unit, rounds) if c not in HIDDEN),
        column_labels=column_labels(rounds),
    )


def comparison_chart(
    part: pd.DataFrame, chapter: int, unit: str, rounds: survey_charts.Rounds
) -> tuple[object, pd.DataFrame]:
    """The finished dumbbell as render_block draws it, and its frame (for tests)."""
    block = comparison_block(part, chapter, unit, rounds)
    chart = charts.finish(block.chart(part), block.title, block.subtitle)
    return chart, comparison_frame(part, unit, rounds)


def _cautions(part: pd.DataFrame, rounds: survey_charts.Rounds) -> None:
    cautions = [(item(r), pair_note(r, rounds)) for r in part.itertuples() if caution(r)]
    if cautions:
        lines = "\n".join(f"- {ui.plain(i)}: {ui.plain(n)}" for i, n in cautions)
        st.warning("Let op: deze cijfers zijn niet zonder meer te vergelijken:\n" + lines, icon="⚠️")


def _caveat(resp: pd.DataFrame, rounds: survey_charts.Rounds) -> None:
    counts = {
        y: fmt.number(resp.loc[int(y), "respondent_count"])
        for y in (rounds.previous, rounds.current)
    }
    st.warning(
        f"Let op bij vergelijken: de groepen respondenten verschillen ({rounds.previous}: n = "
        f"{counts[rounds.previous]}, {rounds.current}: n = {counts[rounds.current]}). Het is geen "
        "panel: niet dezelfde mensen zijn twee keer bevraagd, en de n verschilt per vraag. Een "
        "verschil kan dus ook komen door wie er meededen.",
        icon="⚠️",
    )


def chapter_choice(cmp: pd.DataFrame, chapters: pd.DataFrame) -> int:
    """The chapter selector: every chapter with pairs, or all (``ALL_CHAPTERS``)."""
    labels = {int(r.chapter): sl.chapter_label(r) for r in chapters.itertuples()}
    present = sorted({int(c) for c in cmp["chapter"]})
    options = {ALL_CHAPTERS: "Alle hoofdstukken"} | {c: labels.get(c, str(c)) for c in present}
    return controls.choice(
        "Hoofdstuk", options, key=params.Raadpleging.COMPARE_CHAPTER, kind="select"
    )


def render(chapters: pd.DataFrame, rounds: survey_charts.Rounds) -> None:
    resp = queries_raadpleging.survey__response().set_index("survey_year")
    every = queries_raadpleging.survey__comparison()
    if every.empty or not {int(rounds.previous), int(rounds.current)} <= set(resp.index):
        st.info("Er zijn geen cijfers die voor beide raadplegingen in de tekst staan.")
        return
    _caveat(resp, rounds)
    st.caption(
        f"{fmt.number(len(every))} cijfers staan in de tekst voor beide jaren (zelfde vraag, "
        f"antwoord en eenheid), in {fmt.number(every['chapter'].nunique())} hoofdstukken. "
        "Per jaar is de vermelding uit de volledige verdeling of tabel/figuur gekozen; noemt de "
        "tekst elders een ander cijfer, dan staat dat in de tabel bij de grafiek. Cijfers uit "
        "ander onderzoek (zoals AZW of CBS) zijn geen antwoorden van sociaal werkers in de "
        "raadpleging: ze worden niet vergeleken en staan apart in de kolom 'ander_onderzoek'. "
        "'(let op)' achter een cijfer: de vraag is veranderd of het rapport spreekt zichzelf "
        "tegen; de toelichting staat onder de grafiek, in de tooltip en in de tabel. "
        + sl.HEDGE_NOTE
    )
    chapter = chapter_choice(every, chapters)
    cmp = every if chapter == ALL_CHAPTERS else queries_raadpleging.survey__comparison(chapter)
    if cmp["from_chart_label_previous"].any() or cmp["from_chart_label_current"].any():
        st.caption(ui.plain(sl.INFERRED_NOTE))
    for (number, unit), part in cmp.groupby(["chapter", "unit"], sort=False):
        render_block(
            comparison_block(part, int(number), str(unit), rounds),
            comparison_table(part, str(unit), rounds),
        )
        _cautions(part, rounds)
