"""Refresh merges, never replaces: a next vintage adds its periods, keeps every old one, reports
revisions, and the same file twice changes nothing. Next vintages are built from the repo's own
raw files; expectations are recounted from those raw files with csv/json, not through pipeline/.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard import db
from pipeline import build, refresh
from tests.conftest import RAW, REPO

pytestmark = pytest.mark.slow
FIRST = RAW / "duo_hbo_2020plus" / "eerstejaarsingeschrevenenhbo.csv"
CBS = RAW / "cbs_vacatures_83599NED"
SOCIAL_WORK = "34116"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("data")
    shutil.copytree(RAW, root / "raw")
    shutil.copytree(REPO / "data" / "transcribed", root / "transcribed")
    shutil.copytree(REPO / "data" / "reference", root / "reference")
    build.build(root / "raw", root)
    return root


@pytest.fixture
def data(built, tmp_path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(built, root)
    return root


def _state(root: Path) -> dict[str, str]:
    files = [*root.glob("*.parquet"), root / "manifest.json", *(root / "raw").rglob("*")]
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(files)
        if p.is_file()
    }


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _social_work(rows: list[dict[str, str]], year: int) -> int:
    return sum(
        max(int(r["AANTAL_EERSTEJAARS_INGESCHREVENEN"]), 0)
        for r in rows
        if r["STUDIEJAAR"] == str(year) and r["OPLEIDINGSCODE_ACTUEEL"] == SOCIAL_WORK
    )


def next_duo_vintage(tmp_path: Path) -> tuple[Path, int, int]:
    """DUO's next five-year window: the oldest year dropped, a new year made from the newest,
    and one older value revised. Returns (file, new year, revised row's new count)."""
    header, rows = _rows(FIRST)
    years = sorted({int(r["STUDIEJAAR"]) for r in rows})
    oldest, newest = years[0], years[-1]
    kept = [dict(r) for r in rows if int(r["STUDIEJAAR"]) != oldest]
    new = [{**r, "STUDIEJAAR": str(newest + 1)} for r in rows if int(r["STUDIEJAAR"]) == newest]
    revised = next(
        r
        for r in kept
        if int(r["STUDIEJAAR"]) == years[1] and int(r["AANTAL_EERSTEJAARS_INGESCHREVENEN"]) > 50
    )
    revised["AANTAL_EERSTEJAARS_INGESCHREVENEN"] = str(
        int(revised["AANTAL_EERSTEJAARS_INGESCHREVENEN"]) + 7
    )
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=header, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
    w.writeheader()
    for r in kept + new:
        w.writerow(
            {**r, "AANTAL_EERSTEJAARS_INGESCHREVENEN": int(r["AANTAL_EERSTEJAARS_INGESCHREVENEN"])}
        )
    path = tmp_path / "eerstejaars (1).csv"  # a download keeps whatever name the browser gave
    path.write_text(out.getvalue(), encoding="utf-8")
    return path, newest + 1, int(revised["AANTAL_EERSTEJAARS_INGESCHREVENEN"])


def test_next_duo_window_keeps_the_dropped_year_and_adds_the_new_one(data, tmp_path, capsys):
    _, rows = _rows(FIRST)
    oldest = min(int(r["STUDIEJAAR"]) for r in rows)
    expected_oldest = _social_work(rows, oldest)
    path, new_year, _ = next_duo_vintage(tmp_path)
    rc = refresh.main([str(path), "--raw", str(data / "raw"), "--out", str(data)])
    out = capsys.readouterr().out
    assert rc == 0
    assert f"Perioden toegevoegd: {new_year}" in out
    assert "Herziene waarden: 1 " in out
    d = db.connect(data)
    per_year = db.execute(
        d,
        "students__yearly",
        {
            "measure": "first_years",
            "breakdowns": ["opleiding"],
            "programmes": [SOCIAL_WORK],
            "study_modes": None,
            "genders": None,
            "institution": None,
            "region_code": None,
        },
    ).set_index("year")
    d.close()
    assert per_year.loc[oldest, "student_count"] == expected_oldest  # 6,644 for 2020: kept
    assert new_year in per_year.index
    manifest = json.loads((data / "manifest.json").read_text())
    supplied = [
        v for v in manifest["snapshots"]["duo_first_years"]["vintages"] if v["slot"] == FIRST.stem
    ]
    assert supplied[0]["periods"] == [oldest]  # the base file now supplies only the dropped year
    assert supplied[-1]["periods"][-1] == new_year
    assert "older periods are kept" in (data / "raw" / "duo_hbo_2020plus" / "SOURCE.md").read_text()


def test_same_file_twice_changes_nothing(data, tmp_path, capsys):
    path, _, _ = next_duo_vintage(tmp_path)
    assert refresh.main([str(path), "--raw", str(data / "raw"), "--out", str(data)]) == 0
    before = _state(data)
    capsys.readouterr()
    assert refresh.main([str(path), "--raw", str(data / "raw"), "--out", str(data)]) == 0
    assert "Niets gewijzigd" in capsys.readouterr().out
    assert _state(data) == before


def test_dry_run_reports_and_changes_nothing(data, tmp_path, capsys):
    before = _state(data)
    path, new_year, _ = next_duo_vintage(tmp_path)
    args = [str(path), "--raw", str(data / "raw"), "--out", str(data), "--dry-run"]
    assert refresh.main(args) == 0
    out = capsys.readouterr().out
    assert f"Perioden toegevoegd: {new_year}" in out
    assert _state(data) == before


def _cbs_records() -> list[dict]:
    return [
        r
        for page in ("tables_2.json", "tables_3.json")
        for r in json.loads((CBS / page).read_text())["value"]
    ]


def test_cbs_export_with_later_quarters_supersedes_transcriptions_and_keeps_old_quarters(
    data, tmp_path, capsys
):
    records = _cbs_records()
    periods = sorted({r["Perioden"] for r in records})
    first, last = periods[0], periods[-1]
    year, q = int(last[:4]), int(last[-1])
    nxt = f"{year}KW0{q + 1}" if q < 4 else f"{year + 1}KW01"
    later = [{**r, "Perioden": nxt} for r in records if r["Perioden"] == last]
    export = [r for r in records if r["Perioden"] != first] + later  # drops the oldest quarter
    path = tmp_path / "83599NED-export.json"
    path.write_text(json.dumps({"value": export}), encoding="utf-8")
    rc = refresh.main([str(path), "--raw", str(data / "raw"), "--out", str(data)])
    out = capsys.readouterr().out
    assert rc == 0
    assert f"Perioden toegevoegd: {nxt}" in out
    df = pd.read_parquet(data / "cbs_vacancies.parquet")
    assert {first, nxt} <= set(df["period_code"])  # nothing lost, one quarter added
    d = db.connect(data)
    nsa = d.con.execute(
        "select source_kind from vacancies_nsa where period_code = ? and region_code = 'NL01' "
        "and sbi_code = '422400'",
        [nxt],
    ).fetchall()
    d.close()
    assert nsa == [("statline",)]  # the StatLine export wins over the transcription


def test_a_vintage_that_revises_an_old_quarter_is_reported(data, tmp_path, capsys):
    records = _cbs_records()
    target = next(
        r
        for r in records
        if r["RegioS"].strip() == "PV25"
        and r["Perioden"] == "2019KW04"
        and r["BedrijfstakkenBranchesSBI2008"].strip() == "422400"
    )
    old = float(target["OpenstaandeVacatures_1"])
    revised = [
        {**r, "OpenstaandeVacatures_1": f"{old + 0.3:.1f}"} if r is target else r for r in records
    ]
    path = tmp_path / "revised.json"
    path.write_text(json.dumps({"value": revised}), encoding="utf-8")
    assert refresh.main([str(path), "--raw", str(data / "raw"), "--out", str(data)]) == 0
    out = capsys.readouterr().out
    assert "Herziene waarden: 1 " in out
    assert f"{round(old * 1000)} -> {round((old + 0.3) * 1000)}" in out
