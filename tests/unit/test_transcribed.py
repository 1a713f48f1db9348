"""Checks on the hand-transcribed figures in data/transcribed/ (fast, no Streamlit)."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # also importable when pytest is not started from the repo root
    sys.path.insert(0, str(REPO))

from pipeline.transcribed import (  # noqa: E402
    CHAPTERS,
    read_csv,
    text_readings,
    verify_file,
)

TRANSCRIBED = REPO / "data" / "transcribed"
RAADPLEGING = TRANSCRIBED / "raadpleging"
README = TRANSCRIBED / "README.md"
COVERAGE_SCRIPT = REPO / "scripts" / "raadpleging_coverage.py"

CHAPTER_FILES = sorted(RAADPLEGING.glob("ch[0-9][0-9].csv"))
OTHER_FILES = [
    TRANSCRIBED / name for name in ("vh_dashboard.csv", "azw_prognose.csv", "kengetallen.csv")
]

CHAPTER_LINES = CHAPTERS  # one definition, in pipeline/transcribed.py
CHART_LABEL_LINES = [(1531, 1633), (3667, 3705), (5932, 5983)]
REF_PATTERN = re.compile(r"^(Tabel \d+\.\d+|Figuur \d+(\.\d+)?|tekst)$")
MAX_N = {2024: 1191, 2020: 661}
BOOLEAN_COLUMNS = ("multiple_answers", "distribution_complete", "is_hedged", "from_chart_label")


def _raadpleging_rows() -> list[dict[str, str]]:
    rows = []
    for path in CHAPTER_FILES:
        for i, row in enumerate(read_csv(path), start=2):
            rows.append({**row, "_where": f"{path.name} row {i}"})
    return rows


RAADPLEGING_ROWS = _raadpleging_rows()


def _fails(problems: list[str]) -> str:
    return "\n".join(str(p) for p in problems[:50]) + (
        f"\n... {len(problems) - 50} more" if len(problems) > 50 else ""
    )


# --- every row reads as its value on the cited line -------------------------------------------


def test_all_chapter_files_present() -> None:
    names = [p.name for p in CHAPTER_FILES]
    assert names == [f"ch{n:02d}.csv" for n in range(16)]
    for n in range(16):
        assert (RAADPLEGING / f"ch{n:02d}_omitted.csv").exists()


@pytest.mark.parametrize("path", CHAPTER_FILES, ids=lambda p: p.name)
def test_raadpleging_rows_verify(path: Path) -> None:
    assert read_csv(path), f"{path.name} has no rows"
    problems = verify_file(path, doc="004")
    assert not problems, _fails(problems)


@pytest.mark.parametrize("path", OTHER_FILES, ids=lambda p: p.name)
def test_other_rows_verify(path: Path) -> None:
    assert read_csv(path), f"{path.name} has no rows"
    problems = verify_file(path, doc_column="document")
    assert not problems, _fails(problems)


# --- the checker cannot silently pass ----------------------------------------------------------


def _write(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    path = tmp_path / "bad.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["line", "value", "value_upper", "value_text"])
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_checker_accepts_correct_row(tmp_path: Path) -> None:
    # seed 004 line 3504 states the mean share of time on administration: 32
    path = _write(
        tmp_path, [{"line": "3504", "value": "32", "value_upper": "", "value_text": "32"}]
    )
    assert verify_file(path, doc="004") == []


def test_checker_reports_wrong_value(tmp_path: Path) -> None:
    path = _write(
        tmp_path, [{"line": "3504", "value": "33", "value_upper": "", "value_text": "32"}]
    )
    problems = verify_file(path, doc="004")
    assert len(problems) == 1
    assert "33" in problems[0].message


def test_checker_reports_value_text_not_on_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path, [{"line": "3504", "value": "999", "value_upper": "", "value_text": "999"}]
    )
    problems = verify_file(path, doc="004")
    assert len(problems) == 1
    assert "not on 004 line 3504" in problems[0].message


def test_checker_reports_wrong_upper_bound_and_bad_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            {"line": "3504", "value": "32", "value_upper": "40", "value_text": "32"},
            {"line": "999999", "value": "1", "value_upper": "", "value_text": "1"},
            {"line": "x", "value": "1", "value_upper": "", "value_text": "1"},
        ],
    )
    assert [p.row for p in verify_file(path, doc="004")] == [2, 3, 4]


def test_checker_reports_unknown_document(tmp_path: Path) -> None:
    path = tmp_path / "doc.csv"
    path.write_text("document,line,value,value_text\n999,1,1,1\n", encoding="utf-8")
    problems = verify_file(path, doc_column="document")
    assert len(problems) == 1
    assert "unknown document" in problems[0].message


# --- text_readings -----------------------------------------------------------------------------


def test_text_readings_dutch_thousands() -> None:
    assert 6201 in text_readings("6.201")


def test_text_readings_dutch_decimal() -> None:
    assert text_readings("15,3") == {15.3}


def test_text_readings_number_word() -> None:
    assert text_readings("een kwart") == {25}


def test_text_readings_range() -> None:
    assert text_readings("11-13") == {11, 13}


# --- raadpleging consistency -------------------------------------------------------------------


def test_chapter_column_matches_file() -> None:
    bad = [r["_where"] for r in RAADPLEGING_ROWS if f"ch{int(r['chapter']):02d}" not in r["_where"]]
    assert not bad, bad


def test_chapter_title_identical_within_chapter() -> None:
    titles: dict[str, set[str]] = defaultdict(set)
    for row in RAADPLEGING_ROWS:
        titles[row["chapter"]].add(row["chapter_title"])
    bad = {ch: sorted(t) for ch, t in titles.items() if len(t) != 1 or "" in t}
    assert not bad, bad


def test_ref_format_and_chapter() -> None:
    bad = []
    for row in RAADPLEGING_ROWS:
        ref = row["ref"]
        if not REF_PATTERN.match(ref):
            bad.append(f"{row['_where']}: ref {ref!r}")
            continue
        if ref == "tekst" or (ref == "Figuur 1" and row["chapter"] == "0"):
            continue
        number = ref.split()[1].split(".")[0]
        if "." not in ref or int(number) != int(row["chapter"]):
            bad.append(f"{row['_where']}: ref {ref!r} in chapter {row['chapter']}")
    assert not bad, "\n".join(bad)


def test_ref_title_identical_per_ref() -> None:
    titles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in RAADPLEGING_ROWS:
        if row["ref"] != "tekst":
            titles[(row["chapter"], row["ref"])].add(row["ref_title"])
    bad = {k: sorted(v) for k, v in titles.items() if len(v) != 1}
    assert not bad, bad


def test_survey_year_and_n() -> None:
    bad = []
    for row in RAADPLEGING_ROWS:
        year = int(row["survey_year"])
        if not 2010 <= year <= 2025:
            bad.append(f"{row['_where']}: survey_year {year}")
        if not row["n"]:
            continue
        n = float(row["n"])
        if n != int(n) or n < 1 or n > MAX_N.get(year, float("inf")):
            bad.append(f"{row['_where']}: n={row['n']} for survey_year {year}")
    assert not bad, "\n".join(bad)


def test_line_inside_chapter_range() -> None:
    bad = []
    for row in RAADPLEGING_ROWS:
        first, last = CHAPTER_LINES[int(row["chapter"])]
        if not first <= int(row["line"]) <= last:
            bad.append(f"{row['_where']}: line {row['line']} outside {first}-{last}")
    assert not bad, "\n".join(bad)


def test_booleans() -> None:
    bad = [
        f"{row['_where']}: {col}={row[col]!r}"
        for row in RAADPLEGING_ROWS
        for col in BOOLEAN_COLUMNS
        if row[col] not in ("true", "false")
    ]
    for path in OTHER_FILES:
        for i, row in enumerate(read_csv(path), start=2):
            if row["is_hedged"] not in ("true", "false"):
                bad.append(f"{path.name} row {i}: is_hedged={row['is_hedged']!r}")
    assert not bad, "\n".join(bad)


def test_hedge_given_exactly_when_hedged() -> None:
    bad = []
    rows = [(r["_where"], r) for r in RAADPLEGING_ROWS]
    for path in OTHER_FILES:
        rows += [(f"{path.name} row {i}", r) for i, r in enumerate(read_csv(path), start=2)]
    for where, row in rows:
        if (row["is_hedged"] == "true") != bool(row["hedge"].strip()):
            bad.append(f"{where}: is_hedged={row['is_hedged']} hedge={row['hedge']!r}")
    assert not bad, "\n".join(bad)


def test_chart_labels_inside_documented_ranges() -> None:
    bad = [
        f"{row['_where']}: line {row['line']}"
        for row in RAADPLEGING_ROWS
        if row["from_chart_label"] == "true"
        and not any(a <= int(row["line"]) <= b for a, b in CHART_LABEL_LINES)
    ]
    assert not bad, "\n".join(bad)


def _readme_units() -> set[str]:
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith("| `unit` |"):
            return set(re.findall(r"`([a-z_]+)`", line.split("|")[2]))
    raise AssertionError("unit row not found in README.md")


def test_units_documented() -> None:
    allowed = _readme_units()
    assert allowed == {
        "percent",
        "count",
        "mean",
        "mark",
        "percent_of_time",
        "percentage_points",
        "euro",
        "hours",
    }
    used = {row["unit"] for row in RAADPLEGING_ROWS}
    assert used <= allowed, f"units not in README.md: {sorted(used - allowed)}"
    assert {"percent", "count"} <= used


def test_complete_distributions_sum_to_100() -> None:
    # All distribution_complete single-answer percent rows of one question/year: 100 +- rounding.
    groups: dict[tuple[str, str, str, str], list[dict[str, str]]] = defaultdict(list)
    for row in RAADPLEGING_ROWS:
        if (
            row["distribution_complete"] == "true"
            and row["unit"] == "percent"
            and row["multiple_answers"] == "false"
        ):
            groups[(row["chapter"], row["ref"], row["question"], row["survey_year"])].append(row)
    assert len(groups) >= 20, "too few complete distributions to check"
    bad = []
    for key, rows in groups.items():
        total = sum(float(r["value"]) for r in rows)
        if len(rows) < 2 or not 97 <= total <= 103:
            bad.append(f"{key}: {len(rows)} rows sum to {total:g}")
    assert not bad, "\n".join(bad)


# --- key figures -------------------------------------------------------------------------------


def test_raadpleging_row_count() -> None:
    assert len(RAADPLEGING_ROWS) >= 600


def _has(rows: list[dict[str, str]], value: float, **where: str) -> bool:
    return any(
        abs(float(r["value"]) - value) < 1e-9 and all(r[k] == v for k, v in where.items())
        for r in rows
    )


def test_known_raadpleging_figures() -> None:
    assert _has(RAADPLEGING_ROWS, 1191, chapter="0"), "respondent total 1191 in chapter 0"
    assert _has(RAADPLEGING_ROWS, 32, chapter="9", unit="percent_of_time"), "32% admin time"
    years = {r["survey_year"] for r in RAADPLEGING_ROWS if r["ref"] == "Tabel 11.1"}
    assert {"2020", "2024"} <= years


def test_known_azw_prognose_figures() -> None:
    rows = read_csv(TRANSCRIBED / "azw_prognose.csv")
    where = {"branche": "welzijn", "occupation": "sociaal werk"}
    assert _has(rows, 1200, year="2021", **where)
    assert _has(rows, 4800, year="2031", **where)


def test_known_kengetallen() -> None:
    rows = read_csv(TRANSCRIBED / "kengetallen.csv")
    assert _has(rows, 2650, document="000")
    assert _has(rows, 64800, document="004")


def test_known_vh_dashboard_figures_and_discrepancy() -> None:
    rows = read_csv(TRANSCRIBED / "vh_dashboard.csv")
    for value in (6201, 6221, 955, 995):
        assert _has(rows, value, document="001"), value


# --- coverage report ---------------------------------------------------------------------------


def test_coverage_report_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(COVERAGE_SCRIPT), "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
