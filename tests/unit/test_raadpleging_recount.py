"""Independent recount of the Raadpleging 2020-2024 comparison (issue 14 point 9).

Reads the transcribed CSVs and the report text (seed 004) with its own small reader, never through
pipeline/: Tabel 1.3's labour-market column (AZW/CBS) is context, not survey answers; the comparison
picks one survey row per item deterministically; the notes of the caseload and doorlooptijd pairs
reach the comparison; the ch13 crime share is not filed under polarisation's answer category;
values inferred from the order of chart labels carry a marker in the chart specs.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict

import duckdb
import pandas as pd
import pytest

from dashboard import db
from dashboard import survey_labels as view
from dashboard.charts_raadpleging import Rounds
from pages.raadpleging import vergelijking, vraagfiguren
from tests.conftest import REPO

CSV_DIR = REPO / "data" / "transcribed" / "raadpleging"
REPORT = REPO / "data" / "raw" / "raadpleging" / "004_45faacde81e4ef03.txt"
COMPARISON_SQL = REPO / "queries" / "survey__comparison.sql"
SNAPSHOT = REPO / "data" / "raadpleging.parquet"
NO_ANSWER = "(zonder antwoordcategorie)"
KEY = ["chapter", "question", "answer_label", "unit"]
ECO_REASONS = (
    "Redenen om je in je werk in te zetten op klimaatproblematiek (en sociale gevolgen daarvan)"
)
CASELOAD = "Zeggenschap over de caseload (hoeveel inwoners je begeleidt)"
DOORLOOPTIJD = "Zeggenschap over de doorlooptijd (hoelang je ondersteuning kunt bieden)"


def _rows() -> list[dict[str, str]]:
    rows = []
    for path in sorted(CSV_DIR.glob("ch[0-9][0-9].csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            rows.extend(csv.DictReader(fh))
    return rows


ROWS = _rows()
# the two survey rounds, recounted from the CSVs (survey answers only, not context figures)
SURVEY_YEARS = sorted({int(r["survey_year"]) for r in ROWS if r["source_kind"] == "raadpleging"})
CURRENT, PREVIOUS = SURVEY_YEARS[-1], SURVEY_YEARS[-2]
ROUNDS = {"current_round": CURRENT, "previous_round": PREVIOUS}
LABELS = Rounds(str(CURRENT), str(PREVIOUS))
ROLES = (("previous", str(PREVIOUS)), ("current", str(CURRENT)))
LINES = REPORT.read_text(encoding="utf-8").splitlines()


def _line(n: int) -> str:
    return LINES[n - 1]


def _as_list(values: object) -> list[float]:
    """A DuckDB list cell (numpy array or NULL) as a list."""
    if values is None or values is pd.NA or isinstance(values, float):
        return []
    return [float(v) for v in values]


def _numbers(text: str) -> list[float]:
    return [float(t.replace(",", ".")) for t in re.findall(r"\d+(?:,\d+)?", text)]


# --- Tabel 1.3: the AZW/CBS column, read from the report layout --------------------------------


def _tabel_13_context() -> dict[int, set[float]]:
    """Line -> values of the column 'Arbeidsmarktinformatie (AZW, 2024 en CBS, 2024)'.

    The table block runs from its header ('2020 (n=661) 2024 (n=1191) Arbeidsmarktinformatie')
    to its caption. A row with three percentages ('75% 74% 73%') has the context value third;
    the education rows after '7% mbo' and the 'Gemiddeld ... jaar' means stand in that column
    only (the survey columns give shares, the labour-market column the means).
    """
    start = next(i for i, t in enumerate(LINES, 1) if "Arbeidsmarktinformatie" in t and "2020" in t)
    end = next(i for i, t in enumerate(LINES, 1) if t.strip().startswith("Tabel 1.3."))
    assert "AZW, 2024 en CBS, 2024" in _line(start + 2)
    out: dict[int, set[float]] = defaultdict(set)
    after_mbo_2024 = False
    for n in range(start + 3, end):
        text = _line(n)
        shares = re.findall(r"(\d+)%", text)
        if len(shares) == 3:
            out[n].add(float(shares[2]))
        if after_mbo_2024 and shares and "Werkervaring" not in text:
            out[n].add(float(shares[0]))
        if text.strip().startswith("7% mbo"):
            after_mbo_2024 = True
        if "Werkervaring" in text:
            after_mbo_2024 = False
        for mean in re.findall(r"(\d+,\d) jaar", text):
            out[n].add(float(mean.replace(",", ".")))
    return dict(out)


TABEL_13_CONTEXT = _tabel_13_context()


_CONTEXT_NOTE = re.compile(r"\bcontext\b|not the raadpleging|not a survey result", re.I)


def _is_context(r: dict[str, str]) -> bool:
    """Context by the report layout for Tabel 1.3; elsewhere by the transcriber's note (which
    names the other study: 'context: SCP 2019', 'Movisie study 2022 ..., not the raadpleging')."""
    if r["ref"] == "Tabel 1.3":
        return float(r["value"]) in TABEL_13_CONTEXT.get(int(r["line"]), set())
    return bool(_CONTEXT_NOTE.search(r["note"]))


def test_tabel_13_context_rows_are_labelled_context():
    # the recount: 73% and 14% (vast, zelfstandige), three education levels, two means
    assert TABEL_13_CONTEXT[481] == {73.0}
    assert TABEL_13_CONTEXT[483] == {14.0}
    assert sorted(v for vs in TABEL_13_CONTEXT.values() for v in vs) == sorted(
        [73.0, 14.0, 63.0, 26.0, 9.0, 9.8, 6.2]
    )
    tabel = [r for r in ROWS if r["ref"] == "Tabel 1.3"]
    context = [r for r in tabel if _is_context(r)]
    assert len(context) == 7
    for r in tabel:
        expected = "context" if r in context else "raadpleging"
        assert r.get("source_kind") == expected, (r["line"], r["answer"], r["value"])
    for r in context:
        assert "AZW" in r["context_source"], r["line"]
        assert "CBS" in r["context_source"], r["line"]
        assert r["n"] == ""  # the labour-market column has no survey base
    # every other figure from another study is labelled context and names its source
    for r in ROWS:
        expected = "context" if _is_context(r) else "raadpleging"
        assert r.get("source_kind") == expected, (r["chapter"], r["line"], r["question"])
        assert (expected == "context") == bool(r.get("context_source")), r["line"]


def test_comparison_never_picks_or_lists_a_context_value(database):
    df = db.execute(database, "survey__comparison", {**ROUNDS, "chapter": None})
    survey: dict[tuple, set[float]] = defaultdict(set)
    survey_line: dict[tuple, set[tuple[int, float]]] = defaultdict(set)
    context: dict[tuple, set[float]] = defaultdict(set)
    for r in ROWS:
        key = (int(r["chapter"]), r["question"], r["answer"] or NO_ANSWER, r["unit"])
        if _is_context(r):
            context[key].add(float(r["value"]))
        else:
            survey[(*key, r["survey_year"])].add(float(r["value"]))
            survey_line[(*key, r["survey_year"])].add((int(r["line"]), float(r["value"])))
    for r in df.itertuples():
        key = (r.chapter, r.question, r.answer_label, r.unit)
        for role, year in ROLES:
            value, line = getattr(r, f"value_{role}"), getattr(r, f"line_{role}")
            assert (line, value) in survey_line[(*key, year)], (key, year, line, value)
        others = _as_list(r.other_values_current)
        assert set(others) <= survey[(*key, str(CURRENT))] - {r.value_current}, (key, others)
    vast = df[df["answer_label"] == "Vast dienstverband"].iloc[0]
    zelf = df[df["answer_label"] == "Zelfstandige"].iloc[0]
    # survey columns of report lines 481/483 ('75% 74% 73%', '9% 6% 14%')
    shares_481 = [float(x) for x in re.findall(r"(\d+)%", _line(481))]
    shares_483 = [float(x) for x in re.findall(r"(\d+)%", _line(483))]
    assert (vast.value_previous, vast.value_current) == tuple(shares_481[:2])
    assert (zelf.value_previous, zelf.value_current) == tuple(shares_483[:2])
    assert _as_list(vast.context_values) == [shares_481[2]]
    assert _as_list(zelf.context_values) == [shares_483[2]]
    assert "AZW" in vast.context_source
    assert "CBS" in vast.context_source
    assert _as_list(vast.other_values_current) == []  # 73 is no 'other current-round value'
    assert _as_list(zelf.other_values_current) == []
    # the table under the chart shows the context value apart, with its source
    table = vergelijking.comparison_table(df[df["chapter"] == 1], "percent", LABELS)
    table = table.set_index("answer_label")
    source = vast.context_source
    assert (
        table.loc["Vast dienstverband", "ander_onderzoek"]
        == f"uit ander onderzoek: {source}: {shares_481[2]:.0f}%"
    )
    assert (
        table.loc["Zelfstandige", "ander_onderzoek"]
        == f"uit ander onderzoek: {source}: {shares_483[2]:.0f}%"
    )
    assert table.loc["Vast dienstverband", "andere_waarden_current"] == ""


def test_key_figures_hold_no_context_figure(database):
    kf = db.execute(database, "survey__key_figures", {"current_round": CURRENT})
    context_keys = {
        (int(r["chapter"]), int(r["line"]), r["question"], float(r["value"]))
        for r in ROWS
        if _is_context(r)
    }
    got = set(zip(kf["chapter"], kf["line"], kf["question"], kf["value"], strict=True))
    assert not got & context_keys


# --- determinism: one row per item, the same whatever the input order ---------------------------


def _comparison_on(frame: pd.DataFrame) -> pd.DataFrame:
    con = duckdb.connect(":memory:")
    try:
        con.register("raadpleging", frame)
        return con.execute(
            COMPARISON_SQL.read_text(encoding="utf-8"), {**ROUNDS, "chapter": None}
        ).df()
    finally:
        con.close()


def test_comparison_is_one_row_per_item_and_independent_of_input_order():
    base = pd.read_parquet(SNAPSHOT)
    reference = _comparison_on(base)
    assert not reference.duplicated(KEY).any()
    assert reference[["value_previous", "value_current"]].notna().all().all()
    cols = [*KEY, "value_previous", "value_current", "line_previous", "line_current"]
    for seed in range(12):
        shuffled = base.sample(frac=1.0, random_state=seed).reset_index(drop=True)
        got = _comparison_on(shuffled)
        pd.testing.assert_frame_equal(got[cols], reference[cols], check_dtype=False)


# --- caseload and doorlooptijd: the questions changed, the notes must travel -------------------


def _pair(df: pd.DataFrame, question: str) -> pd.Series:
    rows = df[df["question"] == question]
    assert len(rows) == 1, question
    return rows.iloc[0]


def test_caseload_and_doorlooptijd_pairs_carry_their_notes(database):
    # report: 'de vragen aangepast. Dat maakt ze lastig te vergelijken' (line 3275)
    assert "lastig te vergelijken" in _line(3275)
    said = _numbers(_line(3283)) + _numbers(_line(3285)) + _numbers(_line(3287))
    df = db.execute(database, "survey__comparison", {**ROUNDS, "chapter": None})
    for question, (before, now) in ((CASELOAD, (30.0, 47.0)), (DOORLOOPTIJD, (20.0, 59.0))):
        assert before in said
        assert now in said
        r = _pair(df, question)
        assert (r.value_previous, r.value_current) == (before, now)
        csv_row = next(
            x
            for x in ROWS
            if x["question"] == question and x["survey_year"] == str(PREVIOUS) and x["line"] != ""
        )
        assert "lastig te vergelijken" in csv_row["note"]  # the English audit note
        csv_note = csv_row["note_nl"]  # what the page shows
        assert "lastig te vergelijken" in csv_note
        assert r.note_nl_previous == csv_note
        assert r.is_caution_previous
        # the view: item marked, note in the dumbbell frame and tooltip
        part = df[df["chapter"] == 7]
        frame = vergelijking.comparison_frame(part, "percent", LABELS)
        item = frame[frame["item"].str.startswith(question)].iloc[0]
        assert item["item"].endswith(view.CAUTION_MARK)
        assert "lastig te vergelijken" in item["note"]
        table = vergelijking.comparison_table(part, "percent", LABELS)
        assert csv_note in table.loc[table["question"] == question, "toelichting"].iloc[0]
    chart, _ = vergelijking.comparison_chart(df[df["chapter"] == 7], 7, "percent", LABELS)
    spec = chart.to_dict()
    points = spec["layer"][1]["encoding"]["tooltip"]
    assert {"field": "note", "type": "nominal", "title": "Toelichting"} in points
    records = [rec for data in spec["datasets"].values() for rec in data]
    assert any("lastig te vergelijken" in str(rec.get("note", "")) for rec in records)


# --- ch13: crime 61 % is not polarisation's answer category ------------------------------------


def test_ch13_crime_share_is_not_filed_under_the_polarisation_category(database):
    # report: crime is among the forms seen least (5215-5217), yet '61 procent ... criminaliteit
    # in hun werkgebied' (5219); polarisation, seen most, is '55 procent ... ziet in hun werk'
    assert "crimineel" in _line(5215)
    assert "het minst tegen" in _line(5217)
    assert "61 procent" in _line(5219)
    assert "werkgebied" in _line(5219)
    assert "55 procent" in _line(5184)
    assert "ziet in hun werk" in _line(5184)
    ch13 = [r for r in ROWS if r["chapter"] == "13" and r["ref"] == "Figuur 13.1"]
    crime = next(r for r in ch13 if r["question"] == "Crimineel gedrag")
    polar = next(r for r in ch13 if r["value"] == "55")
    assert crime["value"] == "61"
    assert crime["line"] == "5219"
    assert crime["answer"] != polar["answer"]
    assert "werkgebied" in crime["answer"].lower()
    assert "contradiction" in crime["note"]  # the audit note; the page shows it as 'Let op'
    assert "criminaliteit" in crime["note_nl"]
    df = db.execute(
        database, "survey__question_figures", {"chapter": 13, "question": "Crimineel gedrag"}
    )
    assert df.loc[df["line"] == 5219, "note_is_caution"].all()


# --- values inferred from chart-label order carry a marker in the charts ------------------------


def _inferred(chapter: str, question: str) -> set[tuple[str, float, int]]:
    return {
        (r["answer"], float(r["value"]), int(r["line"]))
        for r in ROWS
        if r["chapter"] == chapter and r["question"] == question and r["from_chart_label"] == "true"
    }


def _records(spec: dict) -> list[dict]:
    return [rec for data in spec.get("datasets", {}).values() for rec in data]


@pytest.mark.parametrize(
    ("chapter", "question"),
    [
        (3, "Taak ten opzichte van drie jaar geleden: ondersteunen van burgerinitiatieven"),
        (9, "Is de tijd die je besteedt aan administratie de afgelopen 2 jaar toe- of afgenomen?"),
        (14, ECO_REASONS),
    ],
)
def test_inferred_values_are_marked_in_the_chart_spec(database, chapter, question):
    inferred = _inferred(str(chapter), question)
    assert inferred, question
    df = db.execute(
        database, "survey__question_figures", {"chapter": chapter, "question": question}
    )
    part = df[df["unit"] == "percent"]
    chart, _, _, _ = vraagfiguren.unit_chart(part, "percent", question, LABELS)
    spec = chart.to_dict()
    records = _records(spec)
    marked = 0
    for rec in records:
        answer = rec.get("answer_label", rec.get("item", "")).split(" (regel ")[0]
        if (answer, float(rec["value"]), int(rec["line"])) in inferred:
            assert rec["label"].endswith(view.INFERRED_MARK), rec
            assert rec["origin"] == view.ORIGIN_INFERRED, rec
            marked += 1
        elif rec.get("origin") == view.ORIGIN_TEXT:
            assert not rec["label"].endswith(view.INFERRED_MARK), rec
    assert marked >= 1
    assert view.INFERRED_SHORT in spec["title"]["subtitle"]
    tooltips = [t for layer in spec["layer"] for t in layer.get("encoding", {}).get("tooltip", [])]
    assert {"field": "origin", "type": "nominal", "title": "Herkomst"} in tooltips


def test_inferred_current_round_value_is_marked_in_the_dumbbell(database):
    # Figuur 9.2 'gelijk gebleven' 41 % (line 3671) is a chart label mapped in legend order
    assert "41" in _line(3671)
    df = db.execute(database, "survey__comparison", {**ROUNDS, "chapter": None})
    part = df[df["chapter"] == 9]
    row = part[part["answer_label"] == "3 - Dit is gelijk gebleven"].iloc[0]
    inferred = _inferred("9", row.question)
    assert ("3 - Dit is gelijk gebleven", row.value_current, row.line_current) in inferred
    chart, frame = vergelijking.comparison_chart(part, 9, "percent", LABELS)
    item = frame[frame["item"].str.contains("gelijk gebleven")].iloc[0]
    assert item["label_current"].endswith(view.INFERRED_MARK)
    assert not item["label_previous"].endswith(view.INFERRED_MARK)
    spec = chart.to_dict()
    assert view.INFERRED_SHORT in spec["title"]["subtitle"]
    long = [
        r for r in _records(spec) if r.get("year_label") == str(CURRENT) and "gelijk" in r["item"]
    ]
    assert long
    assert long[0]["label"].endswith(view.INFERRED_MARK)
    assert long[0]["origin"] == view.ORIGIN_INFERRED


def test_tabel_13_context_values_have_their_own_chart_labelled_as_other_study(database):
    df = db.execute(
        database, "survey__question_figures", {"chapter": 1, "question": "Dienstverband"}
    )
    part = df[df["unit"] == "percent"]
    survey = part[part["source_kind"] == "raadpleging"]
    context = part[part["source_kind"] == "context"]
    chart, _, _, _ = vraagfiguren.unit_chart(survey, "percent", "Dienstverband", LABELS)
    records = _records(chart.to_dict())
    context_lines = {(line, v) for line, values in TABEL_13_CONTEXT.items() for v in values}
    survey_current = [r for r in records if r["year_label"] == str(CURRENT)]
    assert survey_current
    assert all(r["origin"] == view.ORIGIN_TEXT for r in survey_current)
    # the other study's 73 % and 14 % are not in the chart that carries the survey's n
    assert not [r for r in records if "AZW" in r["year_label"]]
    assert "n = " in chart.to_dict()["title"]["subtitle"][0]
    chart, _, _, _ = vraagfiguren.unit_chart(context, "percent", "Dienstverband", LABELS)
    spec = chart.to_dict()
    records = _records(spec)
    assert records
    for rec in records:
        assert rec["year_label"].startswith("uit ander onderzoek: AZW"), rec  # grey, named
        assert rec["origin"].startswith("uit ander onderzoek: "), rec
    shown = {(r["line"], r["value"]) for r in records}
    assert shown == {(481, 73.0), (483, 14.0)}
    assert shown <= context_lines
    assert "n = " not in " ".join(spec["title"]["subtitle"])  # no survey n over another study
    assert "uit ander onderzoek" in " ".join(spec["title"]["text"]).lower()
    assert not any("(regel" in r["item"] for r in records)
