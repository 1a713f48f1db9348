"""Data refresh: a new official file is validated and swapped in atomically, or nothing changes."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline import build, refresh
from tests.conftest import RAW, REPO

pytestmark = pytest.mark.slow
NEW = RAW / "duo_hbo_2020plus" / "ingeschrevenenhbo.csv"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A private copy of data/: raw, transcribed, reference and freshly built snapshots."""
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


def _run(root: Path, file: Path, capsys) -> tuple[int, str]:
    rc = refresh.main([str(file), "--raw", str(root / "raw"), "--out", str(root)])
    return rc, capsys.readouterr().err


def _lines() -> list[str]:
    return NEW.read_text(encoding="utf-8").splitlines()


def _write(tmp_path: Path, name: str, lines: list[str], encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def test_valid_semicolon_file_with_lt5_cells_refreshes(data, tmp_path, capsys):
    lines = [line.replace('","', '";"').replace('",', '";') for line in _lines()]
    last = lines[1].rsplit(";", 1)[0]
    lines[1] = f"{last};<5"  # DUO's other way of writing a suppressed cell
    before = json.loads((data / "manifest.json").read_text())
    rc, err = _run(data, _write(tmp_path, "download.csv", lines), capsys)
    assert rc == 0, err
    after = json.loads((data / "manifest.json").read_text())
    assert after["built_at"] >= before["built_at"]
    df = pd.read_parquet(data / "duo_enrolled.parquet")
    assert int(df[df.breakdown == "opleiding"].is_suppressed.sum()) == 74  # 73 + the new <5
    assert "Refreshed" in (data / "raw" / "duo_hbo_2020plus" / "SOURCE.md").read_text()


def test_old_style_wide_first_years_file_refreshes(data, capsys):
    src = RAW / "duo_eerstejaars_gediplomeerden_hbo" / "hbo_inscriptions_2019.csv"
    rc, err = _run(data, src, capsys)
    assert rc == 0, err


def test_cbs_single_export_refreshes(data, tmp_path, capsys):
    records = []
    for page in ("tables_2.json", "tables_3.json"):
        records += json.loads((RAW / "cbs_vacatures_83599NED" / page).read_text())["value"]
    path = tmp_path / "83599NED.json"
    path.write_text(json.dumps({"value": records}), encoding="utf-8")
    rc, err = _run(data, path, capsys)
    assert rc == 0, err
    folder = data / "raw" / "cbs_vacatures_83599NED"
    # the base pages stay; the export is kept as a vintage named by its content
    assert sorted(p.name for p in folder.glob("*.json")) == ["tables_2.json", "tables_3.json"]
    assert [p.name for p in folder.glob("vintages/83599NED/*/*.json")] == ["83599NED.json"]
    assert len(pd.read_parquet(data / "cbs_vacancies.parquet")) == 15504


BROKEN = {
    "empty": lambda lines: [""],
    "wrong_columns": lambda lines: [
        lines[0].replace("AANTAL_INGESCHREVENEN", "AANTAL"),
        *lines[1:],
    ],
    "non_numeric": lambda lines: [lines[0], lines[1].rsplit(",", 1)[0] + ",veel", *lines[2:]],
    "unknown_gemeente": lambda lines: [
        lines[0],
        lines[1].replace('"0106"', '"9999"', 1),
        *lines[2:],
    ],
    "year_backwards": lambda lines: [
        lines[0],
        *[x for x in lines[1:] if x.startswith(('"2020"', '"2021"'))],
    ],
    "header_only": lambda lines: [lines[0]],
    "unknown_type": lambda lines: ["a,b,c", "1,2,3"],
}
EXPECT = {
    "empty": "leeg bestand",
    "wrong_columns": "aantal- of uitsplitskolom ontbreekt",
    "non_numeric": "regel 2, kolom AANTAL_INGESCHREVENEN: geen getal",
    "unknown_gemeente": "regel 2, kolom GEMEENTENUMMER: onbekende gemeentecode GM9999",
    "year_backwards": "het nieuwste jaar gaat terug: 2021",
    "header_only": "geen gegevensregels",
    "unknown_type": "onbekend bestandstype",
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_file_changes_nothing(built, tmp_path, capsys, case):
    before = _state(built)
    path = _write(tmp_path, f"{case}.csv", BROKEN[case](_lines()))
    rc, err = _run(built, path, capsys)
    assert rc == 1
    assert EXPECT[case] in err, err
    assert f"{case}.csv" in err  # names the file that was offered
    assert "nothing was changed" in err
    assert _state(built) == before


def test_wrong_encoding_changes_nothing(built, tmp_path, capsys):
    before = _state(built)
    path = tmp_path / "cp1252.csv"
    path.write_bytes("\n".join(_lines()[:5]).replace("Assen", "Ässen").encode("cp1252"))
    rc, err = _run(built, path, capsys)
    assert rc == 1
    assert "geen UTF-8" in err
    assert _state(built) == before


def test_cbs_export_with_unknown_region_changes_nothing(built, tmp_path, capsys):
    before = _state(built)
    records = json.loads((RAW / "cbs_vacatures_83599NED" / "tables_2.json").read_text())["value"]
    records[5]["RegioS"] = "GM0363"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"value": records}), encoding="utf-8")
    rc, err = _run(built, path, capsys)
    assert rc == 1
    assert "RegioS: onbekende regiocode" in err
    assert _state(built) == before
