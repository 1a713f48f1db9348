"""The snapshots against the raw files: recounts, joins, contracts, determinism, atomicity."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil

import pandas as pd
import pytest

from pipeline import build, contracts
from tests.conftest import RAW, REPO

DATA = REPO / "data"
NEW = RAW / "duo_hbo_2020plus"
OLD = RAW / "duo_eerstejaars_gediplomeerden_hbo"


def _raw_sum(path, year_col, count_col, year, **where):
    """Sum a DUO 2020+ CSV directly: -1 cells are suppressed and counted separately."""
    total = suppressed = 0
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r[year_col] != str(year) or any(r[k] != v for k, v in where.items()):
                continue
            n = int(r[count_col])
            if n == -1:
                suppressed += 1
            else:
                total += n
    return total, suppressed


def _snapshot(name):
    return pd.read_parquet(DATA / f"{name}.parquet", dtype_backend="numpy_nullable")


def test_b_social_work_enrolment_2024_recount():
    total, supp = _raw_sum(
        NEW / "ingeschrevenenhbo.csv",
        "STUDIEJAAR",
        "AANTAL_INGESCHREVENEN",
        2024,
        OPLEIDINGSCODE_ACTUEEL="34116",
    )
    df = _snapshot("duo_enrolled")
    sel = df[(df.year == 2024) & (df.breakdown == "opleiding") & df.programme_code.isin(["34116"])]
    assert int(sel.student_count.sum()) == total == 23290
    assert int(sel.is_suppressed.sum()) == supp
    assert sel.loc[sel.is_suppressed, "student_count"].isna().all()


def test_b_social_work_first_years_2024_recount():
    total, supp = _raw_sum(
        NEW / "eerstejaarsingeschrevenenhbo.csv",
        "STUDIEJAAR",
        "AANTAL_EERSTEJAARS_INGESCHREVENEN",
        2024,
        OPLEIDINGSCODE_ACTUEEL="34116",
    )
    df = _snapshot("duo_first_years")
    sel = df[(df.year == 2024) & (df.breakdown == "opleiding") & df.programme_code.isin(["34116"])]
    assert int(sel.student_count.sum()) == total == 4297
    assert int(sel.is_suppressed.sum()) == supp


def test_old_first_years_2019_recount_and_definition():
    total = 0
    with (OLD / "hbo_inscriptions_2019.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter=";"):
            if r.get("OPLEIDINGSCODE ACTUEEL") == "34116":
                total += int(r["2019"])
    df = _snapshot("duo_first_years")
    sel = df[(df.year == 2019) & df.programme_code.isin(["34116"])]
    assert int(sel.student_count.sum()) == total == 6130
    assert sel.definition.nunique() == 1
    assert sel.definition.iloc[0] != df[df.year == 2020].definition.iloc[0]


def test_enrolled_json_suppression_counted():
    records = json.loads(
        (RAW / "duo_ingeschrevenen_hbo" / "duo_ingeschrevenhbo_2024.json").read_text(
            encoding="utf-8"
        )
    )
    lt5 = sum(
        1 for r in records for y in ("2020", "2021", "2022", "2023", "2024") if r.get(y) == "<5"
    )
    df = _snapshot("duo_enrolled")
    assert int(df[df.breakdown == "volledig"].is_suppressed.sum()) == lt5 == 1692


def test_population_of_a_gemeente_2024_recount():
    obs = json.loads(
        (RAW / "cbs_bevolking_03759ned" / "observations-page-1.json").read_text(encoding="utf-8")
    )["value"]
    raw = next(
        o["Value"]
        for o in obs
        if o["RegioS"] == "GM0363" and o["Perioden"] == "2024JJ00" and o["Measure"] == "M000352"
    )
    pop = _snapshot("population")
    row = pop[(pop.year == 2024) & (pop.region_code == "GM0363")]
    assert int(row.population.iloc[0]) == raw
    nl = pop[(pop.year == 2024) & (pop.region_code == "NL01")].population.iloc[0]
    assert int(nl) == 17942942
    am = pop[(pop.year == 2024) & (pop.region_level == "arbeidsmarktregio")].population.sum()
    assert int(am) == int(nl)


def test_reconstructed_population_keeps_totals_before_mergers():
    pop = _snapshot("population")
    for year in (2019, 2020, 2021, 2022):
        y = pop[pop.year == year]
        nl = int(y[y.region_code == "NL01"].population.iloc[0])
        gm = int(y[y.region_level == "gemeente"].population.sum())
        assert abs(gm - nl) <= 5, (year, gm, nl)
    assert pop[(pop.year == 2019) & (pop.region_code == "GM1992")].is_reconstructed.all()


def test_vacancies_recount_gelderland_q_2019q4():
    value = None
    for page in ("tables_2.json", "tables_3.json"):
        for r in json.loads((RAW / "cbs_vacatures_83599NED" / page).read_text())["value"]:
            if (
                r["Perioden"] == "2019KW04"
                and r["RegioS"].strip() == "PV25"
                and r["BedrijfstakkenBranchesSBI2008"].strip() == "422400"
            ):
                value = round(float(r["OpenstaandeVacatures_1"]) * 1000)
    vac = _snapshot("cbs_vacancies")
    row = vac[
        (vac.period_code == "2019KW04") & (vac.region_code == "PV25") & (vac.sbi_code == "422400")
    ]
    assert value is not None
    assert int(row.vacancy_count.iloc[0]) == value
    assert bool(row.is_provisional.iloc[0]) is True


def test_every_duo_gemeente_joins_to_provincie_and_arbeidsmarktregio():
    regions = _snapshot("regions_gemeente").set_index("gemeente_code")
    for name in ("duo_enrolled", "duo_first_years", "duo_graduates"):
        df = _snapshot(name)
        codes = set(df.gemeente_code)
        assert codes <= set(regions.index), codes - set(regions.index)
        joined = (
            df.drop_duplicates("gemeente_code")
            .drop(columns="gemeente_name")
            .join(regions, on="gemeente_code")
        )
        assert (joined.province_name == joined.provincie_name).all()
        assert joined.arbeidsmarktregio_code.notna().all()


@pytest.mark.parametrize("name", sorted(contracts.CONTRACTS))
def test_committed_snapshot_meets_contract(name):
    assert contracts.validate(name, _snapshot(name)) == []


def test_contract_catches_bad_codes():
    df = _snapshot("regions_gemeente").copy()
    df.loc[0, "gemeente_code"] = "GM12"
    assert any("past niet" in e for e in contracts.validate("regions_gemeente", df))


def test_every_programme_in_the_sector_is_assigned():
    groups = set(_snapshot("programme_groups").programme_code)
    for name in ("duo_enrolled", "duo_first_years", "duo_graduates"):
        df = _snapshot(name)
        sector = df[df.sector == "gedrag en maatschappij"].dropna(subset=["programme_code"])
        unassigned = sorted(set(sector.programme_code) - groups)
        assert not unassigned, f"{name}: unassigned programmes {unassigned}"


def _hashes(folder):
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.parquet"))
    }


@pytest.mark.slow
def test_rebuild_from_raw_matches_committed_snapshots(tmp_path):
    out = tmp_path / "data"
    manifest = build.build(RAW, out)
    committed = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["snapshot_id"] == committed["snapshot_id"]
    for name in contracts.CONTRACTS:
        pd.testing.assert_frame_equal(
            pd.read_parquet(out / f"{name}.parquet", dtype_backend="numpy_nullable"),
            _snapshot(name),
            check_dtype=True,
        )


@pytest.mark.slow
def test_broken_raw_file_leaves_snapshots_byte_identical(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    shutil.copytree(REPO / "data" / "transcribed", tmp_path / "transcribed")
    shutil.copytree(REPO / "data" / "reference", tmp_path / "reference")
    out = tmp_path / "out"
    build.build(raw, out)
    before = _hashes(out) | {
        "manifest.json": hashlib.sha256((out / "manifest.json").read_bytes()).hexdigest()
    }
    bad = raw / "duo_hbo_2020plus" / "ingeschrevenenhbo.csv"
    lines = bad.read_text(encoding="utf-8").splitlines()
    lines[10] = lines[10].rsplit(",", 1)[0] + ",veel"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rc = build.main(["--raw", str(raw), "--out", str(out)])
    assert rc == 1
    after = _hashes(out) | {
        "manifest.json": hashlib.sha256((out / "manifest.json").read_bytes()).hexdigest()
    }
    assert after == before
    assert not list(out.glob(".staging-*"))
