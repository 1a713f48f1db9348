"""Tab '<previous> en <current>': every figure the text gives for both rounds, as dumbbells.

The rounds come from the catalog. Not a panel: different respondents, so the caveat names both
response counts; pairs whose question changed or that the report contradicts are marked.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, fmt, queries_raadpleging, ui
from dashboard import charts_raadpleging as survey_charts
from dashboard import survey_labels as sl
from dashboard.components.blocks import ChartBlock, render_block

HIDDEN = ("other_values_current", "context_values", "context_source", "chapter_title")
_ROLE_COLUMNS = {
    "value": "waarde",
    "value_upper": "bovengrens",
    "is_hedged": "voorbehoud",
    "from_chart_label": "uit_grafieklabel",
    "n": "n",
    "line": "regel",
    "figure_id": "figuur_id",
    "note": "notitie",
}


def tab_label(rounds: survey_charts.Rounds) -> str:
    return f"{rounds.previous} en {rounds.current}"


def item(r: object) -> str:
    return r.question if r.answer_label == sl.NO_ANSWER else f"{r.question}: {r.answer_label}"


def pair_note(r: object, rounds: survey_charts.Rounds) -> str:
    """The transcription notes of both chosen rows of a pair ('' = none)."""
    pairs = [(rounds.previous, r.note_previous), (rounds.current, r.note_current)]
    notes = [(y, str(n)) for y, n in pairs if not sl.missing(n) and str(n)]
    if len(notes) == 2 and notes[0][1] == notes[1][1]:
        return f"{tab_label(rounds)}: {notes[0][1]}"
    return "; ".join(f"{y}: {n}" for y, n in notes)


def _role_values(part: pd.DataFrame, role: str, unit: str) -> list[str]:
    cols = [f"{c}_{role}" for c in ("value", "value_upper", "is_hedged", "from_chart_label")]
    return [
        sl.value_label(v, upper, unit, bool(hedged), bool(inferred))
        for v, upper, hedged, inferred in part[cols].itertuples(index=False, name=None)
    ]


def comparison_frame(part: pd.DataFrame, unit: str, rounds: survey_charts.Rounds) -> pd.DataFrame:
    """The dumbbell frame of one chapter and unit: labels with markers, origin and notes."""
    notes = [pair_note(r, rounds) for r in part.itertuples()]
    frame = {
        "item": [
            item(r) + (sl.CAUTION_MARK if sl.needs_caution(n) else "")
            for r, n in zip(part.itertuples(), notes, strict=True)
        ]
    }
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
    return f"{', '.join(sl.value_label(v, None, unit) for v in values)} ({r.context_source})"


def comparison_table(part: pd.DataFrame, unit: str, rounds: survey_charts.Rounds) -> pd.DataFrame:
    """The query rows plus the other current-round values, the figures from another source
    (apart, never compared) and the notes of both rows (the columns of HIDDEN are not shown)."""
    return part.assign(
        andere_waarden_current=[
            ", ".join(fmt.number(x, 0 if float(x).is_integer() else 1) for x in sl.as_list(v))
            for v in part["other_values_current"]
        ],
        andere_bron=[_context_text(r, unit) for r in part.itertuples()],
        notitie=[pair_note(r, rounds) for r in part.itertuples()],
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
    caution = sum(sl.needs_caution(pair_note(r, rounds)) for r in part.itertuples())
    if caution:
        parts.append(
            f"let op bij {fmt.number(caution)} cijfers: vraag veranderd of tegenstrijdig in het "
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
    if any(sl.needs_caution(pair_note(r, rounds)) for r in part.itertuples()):
        sub.append("(let op) = vraag veranderd of tegenstrijdig in het rapport; zie de notitie")
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
    cautions = [
        (item(r), pair_note(r, rounds))
        for r in part.itertuples()
        if sl.needs_caution(pair_note(r, rounds))
    ]
    if cautions:
        lines = "\n".join(f"- {ui.plain(i)}: {ui.plain(n)}" for i, n in cautions)
        st.warning(
            "Let op: deze cijfers zijn niet zonder meer te vergelijken (notities bij de overname, "
            "in het Engels):\n" + lines,
            icon="⚠️",
        )


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


def render(chapters: pd.DataFrame, rounds: survey_charts.Rounds) -> None:
    resp = queries_raadpleging.survey__response().set_index("survey_year")
    cmp = queries_raadpleging.survey__comparison()
    if cmp.empty or not {int(rounds.previous), int(rounds.current)} <= set(resp.index):
        st.info("Er zijn geen cijfers die voor beide raadplegingen in de tekst staan.")
        return
    _caveat(resp, rounds)
    st.caption(
        f"{fmt.number(len(cmp))} cijfers staan in de tekst voor beide jaren (zelfde vraag, "
        f"antwoord en eenheid), in {fmt.number(cmp['chapter'].nunique())} hoofdstukken. "
        "Per jaar is de vermelding uit de volledige verdeling of tabel/figuur gekozen; noemt de "
        "tekst elders een ander cijfer, dan staat dat in de tabel bij de grafiek. Cijfers uit een "
        "andere bron (zoals AZW of CBS) zijn geen antwoorden van respondenten: ze worden niet "
        "vergeleken en staan apart in de kolom 'andere_bron'. '(let op)' achter een cijfer: de "
        "vraag is veranderd of het rapport spreekt zichzelf tegen; de notitie staat onder de "
        "grafiek, in de tooltip en in de tabel. " + sl.HEDGE_NOTE
    )
    if cmp["from_chart_label_previous"].any() or cmp["from_chart_label_current"].any():
        st.caption(ui.plain(sl.INFERRED_NOTE))
    for (chapter, unit), part in cmp.groupby(["chapter", "unit"], sort=False):
        render_block(
            comparison_block(part, int(chapter), str(unit), rounds),
            comparison_table(part, str(unit), rounds),
        )
        _cautions(part, rounds)
