"""Raadpleging: figures from Movisie's Grote Raadpleging van het Sociaal Werk 2025, per report line.

Four views in bound tabs: per chapter and question, key figures, 2020 vs 2024, and search.
Data text (questions, answers, notes, search input) is never rendered as HTML; where it goes
through Markdown (subheaders, captions, buttons) it is escaped with ``plain``.
"""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from dashboard import charts, fmt, ui
from dashboard import charts_raadpleging as rc
from dashboard import queries_raadpleging as rq

K_VIEW = "weergave"
K_CHAPTER = "hoofdstuk"
K_QUESTION = "vraag"
K_SEARCH = "zoek"

VIEW_CHAPTER = "Per hoofdstuk"
VIEWS = [VIEW_CHAPTER, "Kerncijfers", "2020 en 2024", "Zoeken"]
SNAPSHOT = "raadpleging"
CITATION = "Movisie, Grote Raadpleging Sociaal Werk 2025"
DEFAULT_CHAPTER = 1
MAX_OPEN_BUTTONS = 15
MIN_LABEL_WIDTH = 5.0  # percentage points: narrower stacked segments get no printed label

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
CONTEXT_NOTE = (
    "Grijs = cijfer uit een andere bron (bijvoorbeeld AZW of CBS) dat het rapport ter vergelijking "
    "noemt; geen antwoord van de respondenten."
)
PARTIAL_NOTE = "onvolledige verdeling: alleen de cijfers die de tekst noemt"
MULTI_NOTE = "meerdere antwoorden mogelijk"
COMPLETE_NOTE = "volledige verdeling (één antwoord per respondent; optelling ≈ 100 door afronding)"
CONTRADICTION = re.compile(
    r"contradict|not reproducible|\bvs\b|differs|probably right|does not fit|tegenstrijd", re.I
)
NOT_COMPARABLE = re.compile(
    r"lastig te vergelijken|questions were changed|not comparable|niet vergelijkbaar", re.I
)
CAUTION_MARK = " (let op)"
_YEAR_VS_YEAR = re.compile(r"\b(?:19|20)\d\d vs (?:19|20)\d\d\b")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
_SUFFIX = {
    "percent": "%",
    "percent_of_time": "%",
    "percentage_points": " procentpunt",
    "hours": " uur",
}
_SENTENCE_HEDGE = {"range": "", "fraction": "ongeveer ", "een zestal": "ongeveer "}


def plain(text: object) -> str:
    """Escape data text for Streamlit Markdown (captions, subheaders, button labels)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def _missing(x: object) -> bool:
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
    if _missing(value):
        return "–"
    whole = float(value).is_integer() and (_missing(upper) or float(upper).is_integer())
    decimals = 0 if whole else 1
    text = fmt.number(value, decimals)
    if not _missing(upper):
        text = f"{text}–{fmt.number(upper, decimals)}"
    text = ("€ " if unit == "euro" else "") + text + _SUFFIX.get(unit, "")
    text = f"≈{text}" if hedged else text
    return f"{text}{INFERRED_MARK}" if inferred else text


def origin_text(from_chart_label: bool, source_kind: str = "raadpleging", source: str = "") -> str:
    """Where a figure comes from, for tooltips and tables."""
    if source_kind == "context":
        return f"andere bron: {source}" if source else "andere bron"
    return ORIGIN_INFERRED if from_chart_label else ORIGIN_TEXT


def row_label(r: object) -> str:
    """value_label for one row of survey__question_figures (hedge and inference markers)."""
    return value_label(r.value, r.value_upper, r.unit, r.is_hedged, bool(r.from_chart_label))


def n_label(n: object) -> str:
    return "niet vermeld" if _missing(n) else fmt.number(n)


def _lines(values: pd.Series) -> str:
    return ", ".join(str(int(v)) for v in sorted(set(values.dropna())))


# --- page head ---------------------------------------------------------------------------------


def render_intro(chapters: pd.DataFrame) -> None:
    resp = rq.survey__response().set_index("survey_year")
    if 2024 in resp.index:
        r = resp.loc[2024]
        line = (
            f"Respons 2024: {fmt.number(r['respondent_count'])} sociaal werkers "
            f"({fmt.number(r['complete_count'])} volledig en {fmt.number(r['partial_count'])} "
            "gedeeltelijk ingevuld)"
        )
        if 2020 in resp.index:
            line += f"; 2020: {fmt.number(resp.loc[2020, 'respondent_count'])}"
        st.caption(line + ". Elke vraag heeft een eigen n; die daalt per hoofdstuk.")
    st.info(
        f"Deze pagina toont {fmt.number(chapters['figure_count'].sum())} cijfers uit "
        f"{fmt.number(len(chapters))} delen van het rapport (inleiding en hoofdstukken), elk met "
        "het regelnummer in de tekstversie van het rapport. Cijfers die alleen in de grafieken van "
        "de pdf stonden, staan niet in de tekst en worden daarom niet getoond: van veel figuren "
        "zie je hier alleen de cijfers die de tekst noemt. Welke regels met een getal wel en niet "
        "zijn overgenomen (en waarom) staat in het dekkingsrapport "
        "(data/transcribed/raadpleging/COVERAGE.md in de broncode van dit dashboard).",
        icon="ℹ️",
    )
    with st.expander("Aantal overgenomen cijfers per hoofdstuk"):
        table = chapters.assign(
            hoofdstuk=[chapter_label(r) for r in chapters.itertuples()],
        )[["hoofdstuk", "figure_count", "question_count", "ref_count", "year_2020_count"]]
        st.dataframe(
            table.rename(
                columns={
                    "figure_count": "cijfers",
                    "question_count": "vragen",
                    "ref_count": "tabellen/figuren met cijfers in de tekst",
                    "year_2020_count": "cijfers uit 2020",
                }
            ),
            hide_index=True,
            width="stretch",
        )


def chapter_label(row: object) -> str:
    return f"{row.chapter}. {row.chapter_title} (n = {n_label(row.max_n)})"


# --- view 1: per chapter -----------------------------------------------------------------------


def _reset_question() -> None:
    st.session_state.pop(K_QUESTION, None)


def render_chapter_view(chapters: pd.DataFrame) -> None:
    labels = {int(r.chapter): chapter_label(r) for r in chapters.itertuples()}
    options = list(labels)
    chapter = st.selectbox(
        "Hoofdstuk",
        options,
        index=options.index(DEFAULT_CHAPTER) if DEFAULT_CHAPTER in options else 0,
        format_func=labels.get,
        key=K_CHAPTER,
        bind="query-params",
        on_change=_reset_question,
    )
    questions = rq.survey__questions(chapter)
    if questions.empty:
        st.info("In dit hoofdstuk noemt de tekst geen cijfers. Kies een ander hoofdstuk.")
        return
    meta = questions.set_index("question")
    question = st.selectbox(
        f"Vraag ({fmt.number(len(questions))} in dit hoofdstuk, in de volgorde van het rapport)",
        questions["question"].tolist(),
        key=K_QUESTION,
        bind="query-params",
    )
    render_question(int(chapter), labels[chapter], question, meta.loc[question])


def render_question(chapter: int, chapter_text: str, question: str, meta: pd.Series) -> None:
    df = rq.survey__question_figures(chapter, question)
    if df.empty:
        st.info("Voor deze vraag zijn geen cijfers gevonden. Kies een andere vraag.")
        return
    st.subheader(plain(question))
    titles = [t for t in df["ref_title"].drop_duplicates() if t]
    where = str(meta["refs"]) + (" – " + " / ".join(titles) if titles else "")
    st.caption(
        plain(
            f"Vindplaats: {where} · n = {n_label(meta['max_n'])} · "
            f"regels {_lines(df['line'])} in de tekstversie van het rapport · "
            f"jaren: {meta['survey_years']}"
        )
    )
    for unit in df["unit"].drop_duplicates():
        render_unit(df[df["unit"] == unit], unit, chapter, chapter_text, question)
    render_notes(df)


def _year_labels(data: pd.DataFrame) -> list[str]:
    """'2024' for a survey answer; '2024 · AZW 2024 en CBS 2024' for a context figure (grey)."""
    return [
        f"{int(r.survey_year)} · {r.context_source}"
        if r.source_kind == "context"
        else str(int(r.survey_year))
        for r in data.itertuples()
    ]


def _origins(data: pd.DataFrame) -> list[str]:
    return [
        origin_text(bool(r.from_chart_label), r.source_kind, r.context_source)
        for r in data.itertuples()
    ]


def unit_chart(
    part: pd.DataFrame, unit: str, question: str
) -> tuple[object, pd.DataFrame, pd.DataFrame, str]:
    """The chart of one question in one unit: (chart, chart frame, rows shown, kind of figures)."""
    complete = part[part["distribution_complete"]]
    if not complete.empty:
        data, chart_df = _distribution_frames(complete)
        kind = COMPLETE_NOTE
        chart = rc.distribution(chart_df, UNIT_TITLES.get(unit, unit))
    else:
        data = part[~part["is_repeat"]].copy()
        kind = (
            MULTI_NOTE
            if part["multiple_answers"].any()
            else PARTIAL_NOTE
            if unit == "percent"
            else "cijfers zoals de tekst ze noemt"
        )
        chart_df = _bar_frame(data)
        fmt_str = charts.NUMBER_FORMAT if chart_df["value"].max() >= 10 else charts.DECIMAL_FORMAT
        chart = rc.answer_bars(chart_df, UNIT_TITLES.get(unit, unit), fmt_str)
    refs = ", ".join(part["ref"].drop_duplicates())
    subtitle = [f"{refs} · n = {n_label(part['n'].max())} · {kind}"]
    if data["is_hedged"].any():
        subtitle.append(HEDGE_SHORT)
    if data["from_chart_label"].any():
        subtitle.append(INFERRED_SHORT)
    if (data["source_kind"] == "context").any():
        subtitle.append("grijs = andere bron, geen antwoord van respondenten")
    return charts.finish(chart, _wrap(question), subtitle), chart_df, data, kind


def render_unit(
    part: pd.DataFrame, unit: str, chapter: int, chapter_text: str, question: str
) -> None:
    chart, chart_df, data, kind = unit_chart(part, unit, question)
    complete = part[part["distribution_complete"]]
    refs = ", ".join(part["ref"].drop_duplicates())
    n_text = n_label(part["n"].max())
    st.caption(plain(f"{UNIT_TITLES.get(unit, unit)} — {kind}"))
    if data["is_hedged"].any():
        st.caption(plain(HEDGE_NOTE))
    if data["from_chart_label"].any():
        st.caption(plain(INFERRED_NOTE))
    if (data["source_kind"] == "context").any():
        st.caption(plain(CONTEXT_NOTE))
    prov = ui.provenance(SNAPSHOT, question, f"{chapter_text} · {refs}")
    ui.chart_block(
        chart,
        _table(part),
        prov,
        _summary(chart_df, n_text),
        key=f"raadpleging-vraag-{unit}",
        definition=DEFINITIONS.get(unit, unit),
    )
    if not complete.empty:
        _also_stated(part, complete)


def _distribution_frames(complete: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    data = complete.sort_values("line").drop_duplicates(["survey_year", "answer_label"])
    ranks = {a: i for i, a in enumerate(data["answer_label"].drop_duplicates())}
    chart_df = pd.DataFrame(
        {
            "year_label": _year_labels(data),
            "answer_label": data["answer_label"],
            "item": data["answer_label"],
            "answer_rank": data["answer_label"].map(ranks),
            "value": data["value"].astype(float),
            "label": [row_label(r) for r in data.itertuples()],
            "origin": _origins(data),
            "line": data["line"].astype(int).to_numpy(),
        }
    )
    chart_df["show_label"] = chart_df["value"] >= MIN_LABEL_WIDTH
    return data, chart_df


def _bar_frame(data: pd.DataFrame) -> pd.DataFrame:
    items = [
        r.answer_label + (f" (regel {r.line})" if r.value_variants > 1 else "")
        for r in data.itertuples()
    ]
    return pd.DataFrame(
        {
            "item": items,
            "year_label": _year_labels(data),
            "value": data["value"].astype(float),
            "value_upper": data["value_upper"].astype(float),
            "label": [row_label(r) for r in data.itertuples()],
            "origin": _origins(data),
            "line": data["line"].astype(int).to_numpy(),
        }
    )


def _also_stated(part: pd.DataFrame, complete: pd.DataFrame) -> None:
    """Figures stated in the prose besides the full distribution (sums, other years, variants)."""
    keys = ["survey_year", "answer_label", "value"]
    shown = set(complete[keys].itertuples(index=False, name=None))
    is_new = [k not in shown for k in part[keys].itertuples(index=False, name=None)]
    extra = part[~part["distribution_complete"].to_numpy() & pd.Series(is_new).to_numpy()]
    extra = extra.drop_duplicates(["survey_year", "answer_label", "value"])
    if extra.empty:
        return
    items = [
        f"{r.answer_label}: {row_label(r)} ({int(r.survey_year)}"
        + (f", {r.context_source}" if r.source_kind == "context" else "")
        + f", regel {int(r.line)})"
        for r in extra.itertuples()
    ]
    st.caption(plain("Daarnaast noemt de tekst: " + "; ".join(items) + "."))


def _summary(chart_df: pd.DataFrame, n_text: str) -> str:
    if chart_df.empty:
        return "Geen cijfers."
    hi = chart_df.loc[chart_df["value"].idxmax()]
    lo = chart_df.loc[chart_df["value"].idxmin()]
    text = f"Hoogste: '{hi['item']}' met {hi['label']} ({hi['year_label']})"
    if len(chart_df) > 1:
        text += f"; laagste: '{lo['item']}' met {lo['label']} ({lo['year_label']})"
    count = "1 cijfer" if len(chart_df) == 1 else f"{fmt.number(len(chart_df))} cijfers"
    return f"{text}. {count}, n = {n_text}."


def _table(part: pd.DataFrame) -> pd.DataFrame:
    table = part.assign(
        waarde=[row_label(r) for r in part.itertuples()],
        herkomst=_origins(part),
    )
    return table[
        [
            "survey_year",
            "answer_label",
            "waarde",
            "value",
            "value_upper",
            "unit",
            "n",
            "ref",
            "line",
            "value_text",
            "hedge",
            "distribution_complete",
            "multiple_answers",
            "from_chart_label",
            "herkomst",
            "is_repeat",
            "note",
        ]
    ].rename(
        columns={
            "survey_year": "jaar",
            "answer_label": "antwoord",
            "value": "waarde_getal",
            "value_upper": "bovengrens",
            "unit": "eenheid",
            "ref": "verwijzing",
            "line": "regel",
            "value_text": "tekst_in_rapport",
            "hedge": "voorbehoud",
            "distribution_complete": "volledige_verdeling",
            "multiple_answers": "meerdere_antwoorden",
            "from_chart_label": "uit_grafieklabel",
            "is_repeat": "herhaling",
            "note": "notitie",
        }
    )


def render_notes(df: pd.DataFrame) -> None:
    """Transcription notes: contradictions/doubts as one warning, the rest as captions."""
    notes = df[df["note"] != ""].drop_duplicates("note").sort_values("line")
    doubts = notes[notes["note"].str.contains(CONTRADICTION)]
    if not doubts.empty:
        lines = "\n".join(f"- regel {r.line}: {plain(r.note)}" for r in doubts.itertuples())
        st.warning(
            "Let op: tegenstrijdigheid of twijfel in het rapport (notities bij de overname, in "
            "het Engels):\n" + lines,
            icon="⚠️",
        )
    others = notes.drop(doubts.index)
    if not others.empty:
        lines = "\n".join(f"- regel {r.line}: {plain(r.note)}" for r in others.itertuples())
        st.caption("Notities bij de overname (in het Engels, per regel):\n" + lines)


def _wrap(text: str, width: int = 80) -> list[str]:
    words, lines, current = text.split(), [], ""
    for word in words:
        if current and len(current) + len(word) + 1 > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current] if current else lines


# --- view 2: key figures -----------------------------------------------------------------------


def key_sentence(r: object) -> str:
    hedge = str(r.hedge)
    value = value_label(r.value, r.value_upper, "percent")
    if r.is_hedged:
        if hedge == "of meer":
            value = f"{value} of meer"
        else:
            value = _SENTENCE_HEDGE.get(hedge, f"{hedge} ") + value
    return (
        f"In {int(r.survey_year)} antwoordde {value} van de sociaal werkers '{r.answer}' op "
        f"'{r.question}' ({CITATION}, n = {n_label(r.n)})."
    )


def _key_card(col: object, r: object) -> None:
    col.caption(plain(r.question))
    n_note = " (n van de vraag als geheel)" if r.is_n_from_question else ""
    where = f"{r.ref}, regel {r.line}; jaar {r.survey_year}; n = {n_label(r.n)}{n_note}"
    ui.kpi(
        col,
        plain(r.answer),
        value_label(r.value, r.value_upper, "percent", r.is_hedged),
        help_text=plain(where),
        sentence=key_sentence(r),
    )


def render_key_figures(chapters: pd.DataFrame) -> None:
    kf = rq.survey__key_figures()
    if kf.empty:
        st.info("Er zijn geen kerncijfers gevonden; controleer de gegevens onder 'Over de data'.")
        return
    st.caption(
        "Per hoofdstuk maximaal zes percentages uit 2024 die de tekst zelf noemt (de "
        "Concluderend-alinea's eerst), één per vraag. Onder 'Kopieer cijfer met bron' staat "
        "bij elk cijfer een zin om over te nemen. " + HEDGE_NOTE
    )
    titles = {int(r.chapter): chapter_label(r) for r in chapters.itertuples()}
    for chapter, rows in kf.groupby("chapter", sort=True):
        st.subheader(plain(titles.get(int(chapter), str(chapter))))
        records = list(rows.itertuples())
        for start in range(0, len(records), 3):
            cols = st.columns(3)
            for col, r in zip(cols, records[start : start + 3], strict=False):
                _key_card(col, r)
    prov = ui.provenance(SNAPSHOT, "Kerncijfers per hoofdstuk")
    ui.source_caption(prov, DEFINITIONS["percent"])


# --- view 3: 2020 and 2024 ---------------------------------------------------------------------


def render_comparison() -> None:
    resp = rq.survey__response().set_index("survey_year")
    cmp = rq.survey__comparison()
    if cmp.empty or not {2020, 2024} <= set(resp.index):
        st.info("Er zijn geen cijfers die voor beide raadplegingen in de tekst staan.")
        return
    st.warning(
        "Let op bij vergelijken: de groepen respondenten verschillen (2020: n = "
        f"{fmt.number(resp.loc[2020, 'respondent_count'])}, 2024: n = "
        f"{fmt.number(resp.loc[2024, 'respondent_count'])}). Het is geen panel: niet dezelfde "
        "mensen zijn twee keer bevraagd, en de n verschilt per vraag. Een verschil kan dus ook "
        "komen door wie er meededen.",
        icon="⚠️",
    )
    st.caption(
        f"{fmt.number(len(cmp))} cijfers staan in de tekst voor beide jaren (zelfde vraag, "
        f"antwoord en eenheid), in {fmt.number(cmp['chapter'].nunique())} hoofdstukken. "
        "Per jaar is de vermelding uit de volledige verdeling of tabel/figuur gekozen; noemt de "
        "tekst elders een ander cijfer, dan staat dat in de tabel bij de grafiek. Cijfers uit een "
        "andere bron (zoals AZW of CBS) zijn geen antwoorden van respondenten: ze worden niet "
        "vergeleken en staan apart in de kolom 'andere_bron'. '(let op)' achter een cijfer: de "
        "vraag is veranderd of het rapport spreekt zichzelf tegen; de notitie staat onder de "
        "grafiek, in de tooltip en in de tabel. " + HEDGE_NOTE
    )
    if cmp["from_chart_label_2020"].any() or cmp["from_chart_label_2024"].any():
        st.caption(plain(INFERRED_NOTE))
    for (chapter, unit), part in cmp.groupby(["chapter", "unit"], sort=False):
        render_dumbbell(part, int(chapter), str(unit))


def _item(r: object) -> str:
    if r.answer_label == "(zonder antwoordcategorie)":
        return r.question
    return f"{r.question}: {r.answer_label}"


def pair_note(r: object) -> str:
    """The transcription notes of both chosen rows of a 2020/2024 pair ('' = none)."""
    notes = [str(n) for n in (r.note_2020, r.note_2024) if not _missing(n) and str(n)]
    if len(notes) == 2 and notes[0] == notes[1]:
        return f"2020 en 2024: {notes[0]}"
    return "; ".join(
        f"{year}: {n}"
        for year, n in (("2020", r.note_2020), ("2024", r.note_2024))
        if not _missing(n) and str(n)
    )


def needs_caution(note: str) -> bool:
    """A pair that is not like-for-like (question changed) or contradicted in the report."""
    text = _YEAR_VS_YEAR.sub("", note)  # 'comparison block 2024 vs 2020' is no contradiction
    return bool(NOT_COMPARABLE.search(text) or CONTRADICTION.search(text))


def _context_text(r: object, unit: str) -> str:
    values = as_list(r.context_values)
    if not values:
        return ""
    shown = ", ".join(value_label(v, None, unit) for v in values)
    return f"{shown} ({r.context_source})"


def _year_values(part: pd.DataFrame, year: str, unit: str) -> list[str]:
    cols = [f"{c}_{year}" for c in ("value", "value_upper", "is_hedged", "from_chart_label")]
    return [
        value_label(v, upper, unit, bool(hedged), bool(inferred))
        for v, upper, hedged, inferred in part[cols].itertuples(index=False, name=None)
    ]


def comparison_frame(part: pd.DataFrame, unit: str) -> pd.DataFrame:
    """The dumbbell frame of one chapter and unit: labels with markers, origin and notes."""
    notes = [pair_note(r) for r in part.itertuples()]
    return pd.DataFrame(
        {
            "item": [
                _item(r) + (CAUTION_MARK if needs_caution(n) else "")
                for r, n in zip(part.itertuples(), notes, strict=True)
            ],
            "value_2020": part["value_2020"].astype(float).to_numpy(),
            "value_2024": part["value_2024"].astype(float).to_numpy(),
            "label_2020": _year_values(part, "2020", unit),
            "label_2024": _year_values(part, "2024", unit),
            "origin_2020": [origin_text(bool(v)) for v in part["from_chart_label_2020"]],
            "origin_2024": [origin_text(bool(v)) for v in part["from_chart_label_2024"]],
            "note": [n or "geen" for n in notes],
        }
    )


def comparison_chart(part: pd.DataFrame, chapter: int, unit: str) -> tuple[object, pd.DataFrame]:
    df = comparison_frame(part, unit)
    title = f"{chapter}. {part['chapter_title'].iloc[0]}: 2020 en 2024"
    sub = [f"{UNIT_TITLES.get(unit, unit)} · oranje = 2020, blauw = 2024 · geen panel"]
    if part["from_chart_label_2020"].any() or part["from_chart_label_2024"].any():
        sub.append(INFERRED_SHORT)
    if df["item"].str.endswith(CAUTION_MARK).any():
        sub.append("(let op) = vraag veranderd of tegenstrijdig in het rapport; zie de notitie")
    fmt_str = charts.NUMBER_FORMAT
    chart = charts.finish(rc.dumbbell(df, UNIT_TITLES.get(unit, unit), fmt_str), title, sub)
    return chart, df


def comparison_table(part: pd.DataFrame, unit: str) -> pd.DataFrame:
    """The data table under a dumbbell: the query columns plus other 2024 survey values, the
    figures from another source (apart, never compared) and the notes of both rows."""
    return part.assign(
        andere_waarden_2024=[
            ", ".join(fmt.number(x, 0 if float(x).is_integer() else 1) for x in as_list(v))
            for v in part["other_values_2024"]
        ],
        andere_bron=[_context_text(r, unit) for r in part.itertuples()],
        notitie=[pair_note(r) for r in part.itertuples()],
    ).drop(columns=["other_values_2024", "context_values", "context_source", "chapter_title"])


def render_dumbbell(part: pd.DataFrame, chapter: int, unit: str) -> None:
    chart, df = comparison_chart(part, chapter, unit)
    title = f"{chapter}. {part['chapter_title'].iloc[0]}: 2020 en 2024"
    change = part["value_2024"].astype(float) - part["value_2020"].astype(float)
    up, down = part.loc[change.idxmax()], part.loc[change.idxmin()]
    points = " procentpunten" if unit == "percent" else ""
    parts = [f"{title}: {fmt.number(len(df))} cijfers"]
    if change.max() > 0:
        parts.append(f"grootste toename: '{_item(up)}' ({fmt.signed(change.max())}{points})")
    if change.min() < 0:
        parts.append(f"grootste afname: '{_item(down)}' ({fmt.signed(change.min())}{points})")
    if change.max() <= 0 and change.min() >= 0:
        parts.append("geen verschil tussen 2020 en 2024")
    caution = df["item"].str.endswith(CAUTION_MARK)
    if caution.any():
        parts.append(
            f"let op bij {fmt.number(int(caution.sum()))} cijfers: vraag veranderd of "
            "tegenstrijdig in het rapport"
        )
    summary = "; ".join(parts) + "."
    table = comparison_table(part, unit)
    prov = ui.provenance(SNAPSHOT, title, f"hoofdstuk {chapter}")
    ui.chart_block(
        chart,
        table,
        prov,
        summary,
        key=f"raadpleging-vergelijk-{chapter}-{unit}",
        definition=DEFINITIONS.get(unit, unit) + "; 2020 en 2024 zijn verschillende groepen",
    )
    cautions = [(_item(r), pair_note(r)) for r in part.itertuples() if needs_caution(pair_note(r))]
    if cautions:
        lines = "\n".join(f"- {plain(item)}: {plain(note)}" for item, note in cautions)
        st.warning(
            "Let op: deze cijfers zijn niet zonder meer te vergelijken (notities bij de overname, "
            "in het Engels):\n" + lines,
            icon="⚠️",
        )


# --- view 4: search ----------------------------------------------------------------------------


def open_question(chapter: int, question: str) -> None:
    """Button callback: show this question in the chapter view (bound widgets via session state)."""
    st.session_state[K_CHAPTER] = int(chapter)
    st.session_state[K_QUESTION] = question
    st.session_state[K_VIEW] = VIEW_CHAPTER


def render_search(chapters: pd.DataFrame) -> None:
    term = st.text_input(
        "Zoek in vragen, antwoorden, bijschriften en hoofdstuktitels",
        key=K_SEARCH,
        bind="query-params",
        placeholder="bijvoorbeeld: administratie, werkdruk, beroepsregister",
        help="Hoofdletters en accenten maken niet uit (beinvloeding vindt ook beïnvloeding).",
    )
    term = (term or "").strip()
    if not term:
        st.info("Typ een zoekterm en druk op Enter om alle cijfers te vinden waarin die voorkomt.")
        return
    res = rq.survey__search(term)
    if res.empty:
        st.info(
            "Geen cijfers gevonden voor deze zoekterm. Probeer een korter of ander woord "
            "(bijvoorbeeld een deel van een woord), of kies een hoofdstuk in 'Per hoofdstuk'."
        )
        return
    titles = {int(r.chapter): f"{r.chapter}. {r.chapter_title}" for r in chapters.itertuples()}
    found = res[["chapter", "question"]].drop_duplicates()
    st.caption(
        f"{fmt.number(len(res))} cijfers gevonden bij {fmt.number(len(found))} vragen in "
        f"{fmt.number(res['chapter'].nunique())} hoofdstukken."
    )
    table = pd.DataFrame(
        {
            "hoofdstuk": res["chapter"].map(titles),
            "vraag": res["question"],
            "antwoord": res["answer"],
            "waarde": [row_label(r) for r in res.itertuples()],
            "jaar": res["survey_year"],
            "herkomst": _origins(res),
            "n": res["n"],
            "verwijzing": res["ref"],
            "regel": res["line"],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")
    st.markdown("**Open een gevonden vraag in 'Per hoofdstuk'**")
    for i, r in enumerate(found.head(MAX_OPEN_BUTTONS).itertuples()):
        st.button(
            plain(f"{r.chapter}. {r.question}"),
            key=f"zoek-open-{i}",
            on_click=open_question,
            args=(int(r.chapter), r.question),
            icon=":material/open_in_new:",
        )
    if len(found) > MAX_OPEN_BUTTONS:
        st.caption(
            f"En nog {fmt.number(len(found) - MAX_OPEN_BUTTONS)} vragen; maak de zoekterm "
            "preciezer om ze hier te openen."
        )


# --- page --------------------------------------------------------------------------------------


def render() -> None:
    chapters = rq.survey__chapters()
    if chapters.empty:
        st.info("De raadplegingsgegevens zijn leeg; herbouw de gegevens (zie 'Over de data').")
        return
    render_intro(chapters)
    per_chapter, key_figures, comparison, search = st.tabs(VIEWS, key=K_VIEW, bind="query-params")
    if per_chapter.open:
        with per_chapter:
            render_chapter_view(chapters)
    if key_figures.open:
        with key_figures:
            render_key_figures(chapters)
    if comparison.open:
        with comparison:
            render_comparison()
    if search.open:
        with search:
            render_search(chapters)
