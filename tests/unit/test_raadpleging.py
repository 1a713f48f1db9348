"""Raadpleging queries, formatting and charts, recounted from the transcribed CSVs (seed 004)."""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import defaultdict

import pandas as pd
import pytest

from dashboard import charts_raadpleging as rc
from dashboard import db, survey_labels, ui
from tests.conftest import REPO

CSV_DIR = REPO / "data" / "transcribed" / "raadpleging"
ADMIN_QUESTION = (
    "Is de tijd die je besteedt aan administratie de afgelopen 2 jaar toe- of afgenomen?"
)


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
SOURCE_MD = REPO / "data" / "raw" / "raadpleging" / "SOURCE.md"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _search_recount(term: str) -> int:
    t = _fold(term.strip())
    fields = ("question", "answer", "ref_title", "chapter_title")
    return sum(1 for r in ROWS if any(t in _fold(r[f]) for f in fields))


def test_chapters_recount_figures_questions_and_max_n(database):
    df = db.execute(database, "survey__chapters", {"previous_round": PREVIOUS}).set_index("chapter")
    per_chapter: dict[int, list[dict]] = defaultdict(list)
    for r in ROWS:
        per_chapter[int(r["chapter"])].append(r)
    assert sorted(df.index) == sorted(per_chapter)
    for chapter, rows in per_chapter.items():
        assert df.loc[chapter, "figure_count"] == len(rows)
        assert df.loc[chapter, "question_count"] == len({r["question"] for r in rows})
        assert df.loc[chapter, "max_n"] == max(int(r["n"]) for r in rows if r["n"])
        assert df.loc[chapter, "chapter_title"] == rows[0]["chapter_title"]
        previous = [r for r in rows if r["survey_year"] == str(PREVIOUS)]
        assert df.loc[chapter, "previous_round_count"] == len(previous)
    assert df["figure_count"].sum() == len(ROWS)


def test_chapter_9_questions_equal_the_csv(database):
    ch9 = [r for r in ROWS if r["chapter"] == "9"]
    df = db.execute(database, "survey__questions", {"chapter": 9})
    assert set(df["question"]) == {r["question"] for r in ch9}
    assert df["figure_count"].sum() == len(ch9)
    first_lines = {
        q: min(int(r["line"]) for r in ch9 if r["question"] == q) for q in df["question"]
    }
    assert df["first_line"].tolist() == [first_lines[q] for q in df["question"]]
    assert df["first_line"].is_monotonic_increasing


def test_question_figures_known_row_and_repeats(database):
    df = db.execute(
        database, "survey__question_figures", {"chapter": 9, "question": ADMIN_QUESTION}
    )
    csv_rows = [r for r in ROWS if r["chapter"] == "9" and r["question"] == ADMIN_QUESTION]
    assert len(df) == len(csv_rows)
    known = next(r for r in csv_rows if r["line"] == "3667")
    row = df[df["line"] == 3667].iloc[0]
    assert row["answer_label"] == known["answer"]
    assert row["value"] == float(known["value"])
    assert bool(row["distribution_complete"]) is (known["distribution_complete"] == "true")
    distinct = {
        (r["survey_year"], r["answer"], r["unit"], r["value"], r["value_upper"]) for r in csv_rows
    }
    assert int((~df["is_repeat"]).sum()) == len(distinct)
    complete = [r for r in csv_rows if r["distribution_complete"] == "true"]
    assert df["distribution_complete"].sum() == len(complete)
    assert sum(float(r["value"]) for r in complete) == pytest.approx(
        df.loc[df["distribution_complete"], "value"].sum()
    )


def test_search_administratie_finds_chapter_9(database):
    df = db.execute(database, "survey__search", {"term": "administratie"})
    assert len(df) == _search_recount("administratie")
    assert 9 in set(df["chapter"])
    ch9_questions = {r["question"] for r in ROWS if r["chapter"] == "9"}
    assert set(df.loc[df["chapter"] == 9, "question"]) == ch9_questions  # chapter title matches


@pytest.mark.parametrize("term", ["beïnvloeding", "beinvloeding", "BEÏNVLOEDING"])
def test_search_is_accent_and_case_insensitive(database, term):
    df = db.execute(database, "survey__search", {"term": term})
    assert len(df) == _search_recount("beinvloeding") > 0


def test_search_beroepsidentiteit_returns_chapter_2(database):
    df = db.execute(database, "survey__search", {"term": "Beroepsidentiteit"})
    assert len(df) == _search_recount("beroepsidentiteit")
    assert len(df[df["chapter"] == 2]) == sum(1 for r in ROWS if r["chapter"] == "2")


@pytest.mark.parametrize(
    "term",
    ["xqzwv", "'; drop table raadpleging; --", "$term", "%' or 1=1 --", "", "   ", None],
)
def test_search_nonsense_and_injection_return_nothing(database, term):
    df = db.execute(database, "survey__search", {"term": term})
    assert df.empty
    count = database.con.cursor().execute("select count(*) from raadpleging").fetchone()[0]
    assert count == len(ROWS)


def test_search_percent_sign_is_literal(database):
    df = db.execute(database, "survey__search", {"term": "%"})
    assert len(df) == _search_recount("%") < len(ROWS)


def test_response_recounted_from_inleiding(database):
    df = db.execute(database, "survey__response", ROUNDS).set_index("survey_year")
    assert sorted(df.index) == [PREVIOUS, CURRENT]
    for year in (PREVIOUS, CURRENT):
        totals = {
            float(r["value"])
            for r in ROWS
            if r["chapter"] == "0"
            and r["answer"] == "Totaal respondenten"
            and r["survey_year"] == str(year)
        }
        assert len(totals) == 1
        assert df.loc[year, "respondent_count"] == totals.pop()
        assert df.loc[year, "value_variants"] == 1


def test_comparison_covers_every_item_in_both_rounds(database):
    df = db.execute(database, "survey__comparison", {**ROUNDS, "chapter": None})
    by_year: dict[str, set] = defaultdict(set)
    values: dict[tuple, set] = defaultdict(set)
    for r in ROWS:
        item = (int(r["chapter"]), r["question"], r["answer"] or "(zonder antwoordcategorie)")
        by_year[r["survey_year"]].add((*item, r["unit"]))
        values[(*item, r["unit"], r["survey_year"])].add(float(r["value"]))
    expected = by_year[str(PREVIOUS)] & by_year[str(CURRENT)]
    got = set(zip(df["chapter"], df["question"], df["answer_label"], df["unit"], strict=True))
    assert got == expected
    assert len(df) == len(expected)
    for r in df.itertuples():
        key = (r.chapter, r.question, r.answer_label, r.unit)
        assert r.value_previous in values[(*key, str(PREVIOUS))]
        assert r.value_current in values[(*key, str(CURRENT))]


def test_key_figures_are_current_round_percentages_from_the_csv(database):
    df = db.execute(database, "survey__key_figures", {"current_round": CURRENT})
    assert df.groupby("chapter").size().max() <= 6
    assert not df.duplicated(["chapter", "question"]).any()
    by_line = defaultdict(list)
    for r in ROWS:
        by_line[(int(r["chapter"]), int(r["line"]), r["question"])].append(r)
    for r in df.itertuples():
        source = by_line[(r.chapter, r.line, r.question)]
        match = [s for s in source if s["answer"] == r.answer and float(s["value"]) == r.value]
        assert match, (r.chapter, r.line, r.question)
        assert match[0]["unit"] == "percent"
        assert match[0]["survey_year"] == str(CURRENT)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((41.0, None, "percent", False), "41%"),
        ((33.3, None, "percent", True), "≈33,3%"),
        ((11.0, 13.0, "percent", True), "≈11–13%"),
        ((64800.0, None, "count", False), "64.800"),
        ((6.9, None, "mark", False), "6,9"),
        ((32.0, None, "percent_of_time", False), "32%"),
        ((None, None, "percent", False), "–"),
    ],
)
def test_value_label(args, expected):
    assert survey_labels.value_label(*args) == expected


def test_plain_escapes_markdown():
    assert ui.plain("**vet** [x](y) $a$ :smile:") == (r"\*\*vet\*\* \[x\]\(y\) \$a\$ \:smile\:")


def _attribution() -> str:
    """The citation the report's licence asks for, read from the raw folder's SOURCE.md."""
    text = SOURCE_MD.read_text(encoding="utf-8")
    return re.search(r'"Bron: ([^"]+)"', text).group(1)


def test_citation_is_the_attribution_the_report_asks_for():
    manifest = json.loads((REPO / "data" / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest["snapshots"]["raadpleging"]
    assert survey_labels.citation(entry) == _attribution()


def test_key_sentence_names_source_n_and_hedge():
    row = pd.Series(
        {
            "survey_year": CURRENT,
            "value": 25.0,
            "value_upper": None,
            "is_hedged": True,
            "hedge": "ruim",
            "answer": "Ja",
            "question": "Vraag",
            "n": 652,
        }
    )
    sentence = survey_labels.key_sentence(row, _attribution())
    assert sentence.startswith(f"In {CURRENT} antwoordde ruim 25% van de sociaal werkers 'Ja'")
    assert sentence.endswith(f"({_attribution()}, n = 652).")


def test_charts_have_typed_encodings():
    dist = pd.DataFrame(
        {
            "year_label": [str(CURRENT)] * 2,
            "answer_label": ["Ja", "Nee"],
            "item": ["Ja", "Nee"],
            "answer_rank": [0, 1],
            "value": [60.0, 40.0],
            "label": ["60%", "40%"],
            "show_label": [True, True],
        }
    )
    spec = rc.distribution(dist).to_dict()
    bar = spec["layer"][0]["encoding"]
    assert bar["y"]["field"] == "year_label"
    assert bar["y"]["type"] == "nominal"
    assert bar["color"]["sort"] == ["Ja", "Nee"]
    rounds = rc.Rounds(str(CURRENT), str(PREVIOUS))
    bars = rc.answer_bars(
        dist.assign(year_label=[str(PREVIOUS), str(CURRENT)]), "% van de respondenten", rounds
    ).to_dict()
    assert bars["layer"][0]["encoding"]["yOffset"]["field"] == "year_label"
    wide = pd.DataFrame(
        {
            "item": ["A"],
            "value_previous": [30.0],
            "value_current": [47.0],
            "label_previous": ["30%"],
            "label_current": ["47%"],
        }
    )
    dumb = rc.dumbbell(wide, "% van de respondenten", rounds).to_dict()
    assert dumb["layer"][0]["encoding"]["x2"]["field"] == "value_current"
    scale = dumb["layer"][1]["encoding"]["color"]["scale"]
    assert scale["domain"] == [str(PREVIOUS), str(CURRENT)]
    assert scale["range"] == [rc.PREVIOUS_COLOUR, rc.CURRENT_COLOUR]
