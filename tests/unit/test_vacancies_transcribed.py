"""The vacancy and AZW queries recounted against the transcribed CSVs, read directly here."""

from __future__ import annotations

import csv
import shutil

import pandas as pd
import pytest

from dashboard import config, db
from tests.conftest import REPO

TRANSCRIBED = REPO / "data" / "transcribed"
VAC = TRANSCRIBED / "cbs_vacatures_2020_2025"
AZW = TRANSCRIBED / "azw_sociaal_werk" / "sociaal_werk_figures.csv"
SBI = {"Q": "422400", "A-U": "T001081"}
BOTH = ["422400", "T001081"]


def _rows(*names: str) -> list[dict[str, str]]:
    out = []
    for name in names:
        with (VAC / name).open(encoding="utf-8", newline="") as fh:
            out += [{**r, "_file": name} for r in csv.DictReader(fh)]
    return out


NSA = _rows("vacatures_nsa.csv", "vacatures_nsa_implied.csv")
SA = _rows("vacatures_sa.csv", "vacatures_sa_implied.csv")


def _persons(rows, period, region, sbi, file=None) -> int:
    found = [
        r
        for r in rows
        if (r["period"], r["region"], r["sbi"]) == (period, region, sbi)
        and (file is None or r["_file"] == file)
    ]
    assert len(found) == 1, found
    return round(float(found[0]["value"]) * 1000)


def _one(df: pd.DataFrame, **where) -> pd.Series:
    sel = df
    for k, v in where.items():
        sel = sel[sel[k] == v]
    assert len(sel) == 1, sel
    return sel.iloc[0]


def test_nl_q_2022q3_not_seasonally_adjusted(database):
    expected = _persons(NSA, "2022KW03", "Nederland", "Q")
    assert expected == 67000  # "Nederland…67,0" in the quoted CBS table
    df = db.execute(
        database, "vacancies__nsa_series", {"region_code": "NL01", "sbi_codes": ["422400"]}
    )
    row = _one(df, period_code="2022KW03")
    assert int(row.vacancy_count) == expected
    assert row.source_kind == "publicatie"
    assert row.basis == "nsa"
    assert row.url.startswith("https://www.zoekbaan.com/")
    assert "67,0" in row.quote
    # the 83599NED part is unchanged: 2020KW02 is StatLine, 34,5 thousand
    old = _one(df, period_code="2020KW02")
    assert old.source_kind == "statline"
    assert int(old.vacancy_count) == 34500
    assert pd.isna(old.url)
    assert pd.isna(old.quote)


def test_zuid_holland_q_2022q3(database):
    expected = _persons(NSA, "2022KW03", "Zuid-Holland", "Q")
    assert expected == 16600
    df = db.execute(
        database, "vacancies__nsa_series", {"region_code": "PV28", "sbi_codes": ["422400"]}
    )
    assert int(_one(df, period_code="2022KW03").vacancy_count) == expected
    assert int(_one(df, period_code="2021KW03").vacancy_count) == 11900


def test_nl_q_2025q2_seasonally_adjusted(database):
    expected = _persons(SA, "2025KW02", "Nederland", "Q")
    assert expected == 68000  # "Daar stonden eind tweede kwartaal 68.000 vacatures open."
    df = db.execute(database, "vacancies__seasonally_adjusted", {"sbi_codes": BOTH})
    row = _one(df, period_code="2025KW02", sbi_code="422400")
    assert int(row.vacancy_count) == expected
    assert row.basis == "sa"
    assert int(row.rounded_to) == 1000
    assert not row.is_revised


def test_seasonally_adjusted_takes_the_revision_and_keeps_the_first_release(database):
    df = db.execute(database, "vacancies__seasonally_adjusted", {"sbi_codes": ["T001081"]})
    for period in ("2020KW04", "2021KW03", "2021KW04"):
        first = _persons(SA, period, "Nederland", "A-U", file="vacatures_sa.csv")
        revised = _persons(SA, period, "Nederland", "A-U", file="vacatures_sa_implied.csv")
        row = _one(df, period_code=period)
        assert int(row.vacancy_count) == revised
        assert int(row.first_release_count) == first
        assert row.is_revised
        assert int(row.revision_change) == revised - first
    assert int(_one(df, period_code="2021KW04").vacancy_count) == 392000  # first release 387
    assert df.period_code.is_unique


def test_azw_shortage_2033_edition_2024_2033(database):
    with AZW.open(encoding="utf-8", newline="") as fh:
        raw = [
            r
            for r in csv.DictReader(fh)
            if r["period"] == "2033"
            and r["sbi"] == "AZW branche Sociaal werk"
            and "2024-2033" in r["unit"]
        ]
    assert len(raw) == 1
    assert float(raw[0]["value"]) == 7500
    df = db.execute(database, "forecast__editions", {})
    row = _one(df, edition="2024-2033", year=2033)
    assert row.shortage_count == 7500
    assert row.is_sociaal_werk
    assert row.edition_label == "AZW-prognose 2024-2033"
    # the 2022-2031 edition is its own series: 600 -> 2800
    older = df[df.edition == "2022-2031"].sort_values("year")
    assert older.shortage_count.tolist() == [600, 2800]


def test_vacaturegraad_definitions_kept_apart(database):
    df = db.execute(database, "sociaal_werk__vacaturegraad", {})
    sw = df[df.branch == "AZW branche Sociaal werk"]
    annual = sw[sw.definition == "jaargemiddelde"].set_index("year").vacaturegraad
    assert annual.to_dict() == {2021: 58, 2022: 47}
    assert _one(sw, definition="einde kwartaal").vacaturegraad == 55


def _key(r) -> tuple:
    return (r["period"], SBI[r["sbi"]], round(float(r["value"]) * 1000), r["quote"])


def test_no_query_output_mixes_bases(database):
    nsa_keys = {_key(r) for r in NSA if r["region"] == "Nederland"}
    sa_keys = {_key(r) for r in SA}
    assert not nsa_keys & sa_keys
    view = database.con.execute("select distinct basis from vacancies_nsa").fetchall()
    assert view == [("nsa",)]
    nsa = db.execute(database, "vacancies__nsa_series", {"region_code": "NL01", "sbi_codes": BOTH})
    assert set(nsa.basis) == {"nsa"}
    pub = nsa[nsa.source_kind == "publicatie"]
    got = {(r.period_code, r.sbi_code, int(r.vacancy_count), r.quote) for r in pub.itertuples()}
    assert got
    assert got <= nsa_keys
    assert not got & sa_keys
    sa = db.execute(database, "vacancies__seasonally_adjusted", {"sbi_codes": BOTH})
    assert set(sa.basis) == {"sa"}
    got = {(r.period_code, r.sbi_code, int(r.vacancy_count), r.quote) for r in sa.itertuples()}
    assert got <= sa_keys
    assert not got & nsa_keys
    both = db.execute(database, "vacancies__bases_compared", {"sbi_codes": BOTH})
    row = _one(both, period_code="2022KW03", sbi_code="422400")
    assert (int(row.nsa_count), int(row.sa_count)) == (
        _persons(NSA, "2022KW03", "Nederland", "Q"),
        _persons(SA, "2022KW03", "Nederland", "Q"),
    )
    assert int(row.sa_minus_nsa) == 1000


def test_vacancies_nsa_is_83599ned_plus_the_missing_transcribed_quarters(database):
    counts = dict(
        database.con.execute(
            "select source_kind, count(*) from vacancies_nsa group by source_kind"
        ).fetchall()
    )
    quarters = [r for r in NSA if "KW" in r["period"]]  # the 2023 annual average is not a quarter
    assert (
        counts
        == {"statline": 15504, "publicatie": len(quarters)}
        == {
            "statline": 15504,
            "publicatie": 57,
        }
    )
    dup = database.con.execute(
        "select count(*) from (select period_code, region_code, sbi_code from vacancies_nsa "
        "group by all having count(*) > 1)"
    ).fetchone()
    assert dup == (0,)


@pytest.fixture
def data_with_newer_83599ned(tmp_path):
    """The committed snapshots, with one 83599NED row added for a transcribed key."""
    for name in config.SNAPSHOTS.values():
        shutil.copy(REPO / "data" / name, tmp_path / name)
    shutil.copy(REPO / "data" / "manifest.json", tmp_path / "manifest.json")
    vac = pd.read_parquet(tmp_path / "cbs_vacancies.parquet")
    new = vac[(vac.period_code == "2020KW02") & (vac.region_code == "NL01")].copy()
    new = new[new.sbi_code == "422400"]
    new["period_code"], new["year"], new["quarter"] = "2022KW03", 2022, 3
    new["quarter_start"] = pd.Timestamp("2022-07-01")
    new["vacancy_count"] = 66900
    pd.concat([vac, new], ignore_index=True).to_parquet(tmp_path / "cbs_vacancies.parquet")
    d = db.connect(tmp_path)
    assert not d.problems, d.problems
    yield d
    d.close()


def test_a_statline_row_supersedes_the_transcription(data_with_newer_83599ned):
    df = db.execute(
        data_with_newer_83599ned,
        "vacancies__nsa_series",
        {"region_code": "NL01", "sbi_codes": ["422400"]},
    )
    row = _one(df, period_code="2022KW03")
    assert row.source_kind == "statline"
    assert int(row.vacancy_count) == 66900
    assert pd.isna(row.url)
    # the other transcribed quarters still fill the gaps
    assert _one(df, period_code="2021KW03").source_kind == "publicatie"
    assert df.period_code.is_unique
