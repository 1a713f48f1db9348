"""Issue 18.4: what a social worker reads on the Raadpleging page, for every question.

Recounted from the transcribed CSVs with a small reader here (never through pipeline/): the
Dutch notes, category labels without report lines, figures of other studies apart from the
survey's answers, bars in the order of the answer scale, overlapping bands marked.
"""

from __future__ import annotations

import csv
import re
import shutil

import pytest

from dashboard import charts_raadpleging as rc
from dashboard import db
from pages.raadpleging import vraagfiguren
from pipeline import documents
from pipeline.errors import BuildError
from tests.conftest import REPO

CSV_DIR = REPO / "data" / "transcribed" / "raadpleging"
LABELS = rc.Rounds("2024", "2020")
# an English audit note that tells of a doubt: the reader must get it in Dutch
DOUBT = re.compile(
    r"contradict|not reproducible|probably right|lastig te vergelijken|questions were changed|"
    r"\d+ (?:percent |procent )?(?:here )?vs \d+|' vs |\) vs ",
    re.I,
)
YEAR_VS_YEAR = re.compile(r"\b20\d\d vs 20\d\d\b")  # 'comparison block 2024 vs 2020': no doubt
ENGLISH = re.compile(
    r"\b(the|here|line|lines|prose|chart|inferred|contradiction|not|of the|see|stated|"
    r"comparison|restates|percent|respondents|subgroup|share)\b",
)


def _rows() -> list[dict[str, str]]:
    rows = []
    for path in sorted(CSV_DIR.glob("ch[0-9][0-9].csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            rows.extend(csv.DictReader(fh))
    return rows


ROWS = _rows()
QUESTIONS = sorted({(int(r["chapter"]), r["question"]) for r in ROWS})


def test_every_doubtful_note_has_dutch_text_for_the_reader():
    doubtful = [r for r in ROWS if DOUBT.search(YEAR_VS_YEAR.sub("", r["note"]))]
    assert len(doubtful) >= 40  # the report contradicts itself in many places
    lacking = [(r["chapter"], r["line"], r["note"]) for r in doubtful if not r["note_nl"].strip()]
    assert not lacking
    # the werkdruk comparison (other scale in 2020) is explained in Dutch on both rounds' rows
    werkdruk = [r for r in ROWS if r["chapter"] == "11" and "werkdruk" in r["question"].lower()]
    box = [r for r in werkdruk if r["note"].startswith("comparison box")]
    assert any("2020 scale" in r["note"] for r in box)
    assert {r["survey_year"] for r in box if "1 tot 10" in r["note_nl"]} == {"2020", "2024"}


def test_dutch_notes_are_dutch_and_keep_their_english_audit_note():
    shown = [r for r in ROWS if r["note_nl"].strip()]
    assert shown
    for r in shown:
        assert r["note"].strip(), r["line"]  # the maintainers' note stays in the data
        assert not ENGLISH.search(r["note_nl"]), (r["line"], r["note_nl"])
        assert r["note_nl"] != r["note"]


def test_build_refuses_a_doubtful_note_without_dutch_text(tmp_path):
    folder = tmp_path / "raadpleging"
    shutil.copytree(CSV_DIR, folder)
    path = folder / "ch11.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = reader.fieldnames, list(reader)
    target = next(i for i, r in enumerate(rows) if "Contradiction" in r["note"])
    rows[target]["note_nl"] = ""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(BuildError) as err:
        documents.raadpleging(folder)
    assert "note_nl" in str(err.value)
    assert f"rij {target + 2}" in str(err.value) or str(target + 2) in str(err.value)


def _charts(database, chapter: int, question: str) -> list[tuple[str, object, object]]:
    """(source kind, chart spec, chart frame) per chart the page draws for the question."""
    df = db.execute(
        database, "survey__question_figures", {"chapter": chapter, "question": question}
    )
    out = []
    for kind in ("raadpleging", "context"):
        part = df[df["source_kind"] == kind]
        for unit in part["unit"].drop_duplicates():
            chart, frame, data, _ = vraagfiguren.unit_chart(
                part[part["unit"] == unit], unit, question, LABELS
            )
            out.append((kind, chart.to_dict(validate=False), frame, data))
    return out


def _records(spec: dict) -> list[dict]:
    return [rec for data in spec.get("datasets", {}).values() for rec in data]


@pytest.fixture(scope="module")
def every_chart(database):
    return {q: _charts(database, *q) for q in QUESTIONS}


@pytest.mark.slow  # draws every question's charts (~1 min)
def test_no_category_label_carries_a_report_line(every_chart):
    items = {
        rec["item"]
        for charts in every_chart.values()
        for _, spec, _, _ in charts
        for rec in _records(spec)
        if "item" in rec
    }
    assert len(items) > 300
    assert not [i for i in items if re.search(r"regel|line", i)]


@pytest.mark.slow  # draws every question's charts (~1 min)
def test_other_studies_never_share_a_chart_or_the_n_of_the_survey(every_chart):
    context_rows = {
        (int(r["chapter"]), r["question"], float(r["value"]))
        for r in ROWS
        if r["source_kind"] == "context"
    }
    assert len(context_rows) >= 20
    seen = set()
    for (chapter, question), charts in every_chart.items():
        for kind, spec, _, _ in charts:
            subtitle = " ".join(spec["title"]["subtitle"])
            for rec in _records(spec):
                if "value" not in rec:
                    continue
                key = (chapter, question, rec["value"])
                if kind == "context":
                    assert key in context_rows, key
                    assert "uit ander onderzoek" in f"{rec['item']} {rec['year_label']}", rec
                    seen.add(key)
                else:
                    assert "ander onderzoek" not in rec["year_label"], rec
                    assert not rec["origin"].startswith("uit ander onderzoek"), rec
            if kind == "context":
                assert "n = " not in subtitle
                assert "uit ander onderzoek" in subtitle
    assert seen == context_rows  # every figure of another study is shown, as context


def _first_lines() -> dict[tuple, int]:
    first: dict[tuple, int] = {}
    for r in ROWS:
        key = (int(r["chapter"]), r["question"], r["answer"] or "(zonder antwoordcategorie)")
        first[key] = min(first.get(key, 10**6), int(r["line"]))
    return first


def _bounds(answer: str) -> tuple[float, float] | None:
    """A band on a numeric scale as the test reads it ('7 of hoger' -> (7, inf))."""
    a = answer.lower()
    if m := re.search(r"(\d+)\s*(?:-|tot en met)\s*(\d+)|(\d+) of (\d+)\b", a):
        lo, hi = (m[1], m[2]) if m[1] else (m[3], m[4])
        return float(lo), float(hi)
    if m := re.search(r"(?:korter dan|minder dan|maximaal) (\d+)|(\d+) of lager", a):
        return 0.0, float(m[1] or m[2])
    if m := re.search(r"(?:meer dan|langer dan) (\d+)|(\d+)(?: procent)? of (?:hoger|meer)", a):
        return float(m[1] or m[2]) + 0.1, float("inf")
    return None


def _overlap(answers: list[str]) -> bool:
    bands = [b for a in answers if (b := _bounds(a))]
    return any(
        max(x[0], y[0]) <= min(x[1], y[1]) for i, x in enumerate(bands) for y in bands[i + 1 :]
    )


def _low(answer: str) -> float:
    return (_bounds(answer) or (float("inf"),))[0]


@pytest.mark.slow  # draws every question's charts (~1 min)
def test_bars_keep_the_order_of_the_scale(every_chart):
    line_answer = {
        (int(r["chapter"]), r["question"], int(r["line"]), float(r["value"])): r["answer"]
        or "(zonder antwoordcategorie)"
        for r in ROWS
    }
    first = _first_lines()
    checked = 0
    for (chapter, question), charts in every_chart.items():
        for kind, spec, _, data in charts:
            if (
                kind != "raadpleging"
                or data["distribution_complete"].any()
                or data["multiple_answers"].any()
            ):
                continue
            layer = next(layer for layer in spec["layer"] if "y" in layer.get("encoding", {}))
            order = layer["encoding"]["y"]["sort"]
            records = _records(spec)
            answers = []
            for item in order:
                rec = next(r for r in records if r["item"] == item)
                answer = line_answer[(chapter, question, rec["line"], rec["value"])]
                if not answers or answers[-1] != answer:
                    answers.append(answer)
            if _overlap(answers):  # by place on the scale, then in the report's order
                big = (float("inf"), float("inf"))
                expected = sorted(
                    answers, key=lambda a: (*(_bounds(a) or big), first[(chapter, question, a)])
                )
            else:
                expected = sorted(answers, key=lambda a: first[(chapter, question, a)])
            assert answers == expected, (chapter, question)
            checked += 1
    assert checked > 50


@pytest.mark.slow  # draws every question's charts (~1 min)
def test_werkdruk_bands_overlap_and_are_marked_not_ranked(every_chart):
    charts = every_chart[(11, "Ervaren werkdruk (cijfer van 1. zeer laag tot 10. zeer hoog)")]
    ((_, spec, frame, _),) = [c for c in charts if c[0] == "raadpleging"]
    order = next(layer for layer in spec["layer"] if "y" in layer.get("encoding", {}))["encoding"][
        "y"
    ]["sort"]
    # on the 1-10 scale: '5 tot en met 7', '6 of 7', '7 of hoger', '8 of hoger', not by value
    lows = [_low(i) for i in order]
    assert lows == sorted(lows)
    values = [frame.loc[frame["item"] == i, "value"].iloc[0] for i in order]
    assert values != sorted(values, reverse=True)
    assert any("Overlappende groepen" in s for s in spec["title"]["subtitle"])
    summary = vraagfiguren.summary(frame, "572", ranked=False)
    assert "Hoogste" not in summary
    assert summary.index("5 tot en met 7") < summary.index("8 of hoger")
