"""Arbeidsmarkt queries and helpers, checked against the raw CBS file and the transcribed CSVs."""

from __future__ import annotations

import csv
import json
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

import pandas as pd
import pytest

from dashboard import charts_arbeidsmarkt as arbeid_charts
from dashboard import db, ui
from pages.arbeidsmarkt import kengetallen
from tests.conftest import RAW, REPO

CBS_DIR = RAW / "cbs_vacatures_83599NED"
TRANSCRIBED = REPO / "data" / "transcribed"
Q, ALL = "422400", "T001081"


@cache
def raw_vacancies() -> dict[tuple[str, str, str], float | None]:
    """(period, region, sbi) -> persons, read straight from the two OData pages (×1000, padded)."""
    out: dict[tuple[str, str, str], float | None] = {}
    for name in ("tables_2.json", "tables_3.json"):
        doc = json.loads((CBS_DIR / name).read_text(encoding="utf-8"))
        for r in doc["value"]:
            text = (r["OpenstaandeVacatures_1"] or "").strip()
            key = (
                r["Perioden"].strip(),
                r["RegioS"].strip(),
                r["BedrijfstakkenBranchesSBI2008"].strip(),
            )
            out[key] = float(text) * 1000 if text not in ("", ".") else None
    return out


def raw(period: str, region: str, sbi: str) -> float:
    value = raw_vacancies()[(period, region, sbi)]
    assert value is not None
    return value


def hundreds(x: float) -> float:
    """Round half away from zero to hundreds: the precision CBS publishes (x 1000, 1 decimal)."""
    return float(Decimal(repr(x)).quantize(Decimal("1E2"), rounding=ROUND_HALF_UP))


def csv_rows(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_raw_file_is_complete():
    assert len(raw_vacancies()) == 17 * 24 * 38


def test_q_vacancies_gelderland_2019q4(database):
    df = db.execute(database, "vacancies__quarterly_nsa", {"region_code": "PV25", "sbi_codes": [Q]})
    row = df[df["period_code"] == "2019KW04"].iloc[0]
    assert row["vacancy_count"] == pytest.approx(raw("2019KW04", "PV25", Q))
    assert bool(row["is_provisional"])


def test_nl_all_sectors_2015_annual_mean(database):
    expected = sum(raw(f"2015KW0{k}", "NL01", ALL) for k in range(1, 5)) / 4
    df = db.execute(
        database, "vacancies__yearly_by_sector", {"region_code": "NL01", "sbi_codes": [ALL]}
    )
    row = df[df["year"] == 2015].iloc[0]
    assert row["mean_vacancy_count"] == hundreds(expected)  # was round(expected): 132,675
    assert row["quarters"] == 4
    assert not bool(row["has_provisional"])


def test_2020_is_an_incomplete_year_without_change(database):
    df = db.execute(
        database, "vacancies__yearly_by_sector", {"region_code": "NL01", "sbi_codes": [Q]}
    )
    row = df[df["year"] == 2020].iloc[0]
    present = [k for k in range(1, 5) if ("2020KW0" + str(k), "NL01", Q) in raw_vacancies()]
    assert row["quarters"] == len(present) == 2
    assert pd.isna(row["change_pct"])
    mean = sum(raw(f"2020KW0{k}", "NL01", Q) for k in present) / len(present)
    assert row["mean_vacancy_count"] == hundreds(mean)


def test_q_share_of_all_nl_2020q2(database):
    expected = round(100 * raw("2020KW02", "NL01", Q) / raw("2020KW02", "NL01", ALL), 1)
    df = db.execute(database, "vacancies__quarterly_nsa", {"region_code": "NL01", "sbi_codes": [Q]})
    row = df[df["period_code"] == "2020KW02"].iloc[0]
    assert row["share_of_all_pct"] == pytest.approx(expected)


def test_yoy_change_zuid_holland_q_2020q2(database):
    now, before = raw("2020KW02", "PV28", Q), raw("2019KW02", "PV28", Q)
    df = db.execute(database, "vacancies__quarterly_nsa", {"region_code": "PV28", "sbi_codes": [Q]})
    row = df[df["period_code"] == "2020KW02"].iloc[0]
    assert row["yoy_change_count"] == pytest.approx(now - before)
    assert row["yoy_change_pct"] == pytest.approx(round(100 * (now - before) / before, 1))


def test_rank_of_noord_holland_among_provinces(database):
    provinces = [f"PV{n}" for n in range(20, 32)]
    values = {p: raw("2020KW02", p, Q) for p in provinces}
    expected = 1 + sum(v > values["PV27"] for v in values.values())
    df = db.execute(
        database,
        "vacancies__region_ranking",
        {"sbi_code": Q, "level": "provincie", "year": 2020, "quarter": 2},
    ).set_index("region_code")
    assert len(df) == 12
    assert df.loc["PV27", "rank_count"] == expected
    assert df.loc["PV27", "vacancy_count"] == values["PV27"]
    top = max(values, key=values.get)
    assert df["rank_count"].idxmin() == top


def test_region_ranking_yearly_mean_and_share_rank(database):
    df = db.execute(
        database,
        "vacancies__region_ranking",
        {"sbi_code": Q, "level": "landsdeel", "year": 2015, "quarter": None},
    ).set_index("region_code")
    shares = {
        ld: sum(raw(f"2015KW0{k}", ld, Q) for k in range(1, 5))
        / sum(raw(f"2015KW0{k}", ld, ALL) for k in range(1, 5))
        for ld in ("LD01", "LD02", "LD03", "LD04")
    }
    best = max(shares, key=shares.get)
    assert df.loc[best, "rank_share"] == 1
    assert df["per_1000"].isna().all()  # no population for landsdelen


def test_forecast_matches_transcribed_csv(database):
    rows = csv_rows(TRANSCRIBED / "azw_prognose.csv")
    df = db.execute(database, "forecast__shortages", {})
    assert len(df) == len(rows)
    got = {(r.branche, r.occupation, r.year_label): r.shortage_count for r in df.itertuples()}
    for r in rows:
        assert got[(r["branche"], r["occupation"], r["year_label"])] == float(r["value"])
    assert "2031 (afgeleid)" in set(df["year_label"])


def test_growth_per_year_is_recomputed_from_csv(database):
    rows = csv_rows(TRANSCRIBED / "azw_prognose.csv")
    values = {(r["branche"], r["occupation"], int(r["year"])): float(r["value"]) for r in rows}
    df = db.execute(database, "forecast__growth_per_year", {})
    assert len(df) == 3
    for r in df.itertuples():
        expected = (
            values[(r.branche, r.occupation, 2031)] - values[(r.branche, r.occupation, 2021)]
        ) / 10
        assert r.growth_per_year == round(expected)


def test_forecast_notes_name_the_ambiguities(database):
    notes = " ".join(db.execute(database, "forecast__notes", {})["note_text"])
    for phrase in (
        "Voor psychologen blijft de vraag gelijk",
        "gehandicaptenzorg en jeugdzorg",
        "2031 afgeleid",
        "Ad zitten nog niet in het model",
    ):
        assert phrase in notes


REQUIRED_FIGURES = {
    # indicator -> (value in the CSV, what the page shows)
    "nieuwe_vacatures_sociaal_werkers": "2.650 vacatures",
    "aandeel_vacatures_moeilijk_vervulbaar": "een derde (≈ 33,3%)",
    "aandeel_werkenden_zorg_welzijn": "1 op de 6 (≈ 16,7%)",
    "werkenden_zorg_welzijn": "1,4 miljoen personen",
    "sociaal_werkers_bij_leden_swn": "ruim 50.000 personen",
    "werknemers_branche_sociaal_werk": "64.800 personen",
}


def test_kengetallen_required_figures_and_formatting(database):
    rows = {r["indicator"]: r for r in csv_rows(TRANSCRIBED / "kengetallen.csv")}
    df = db.execute(database, "kengetallen__by_theme", {"themes": ["arbeidsmarkt"]})
    assert list(df["theme"].unique()) == ["arbeidsmarkt"]
    by_indicator = df.set_index("indicator")
    for indicator, shown in REQUIRED_FIGURES.items():
        row = by_indicator.loc[indicator]
        assert row["value"] == float(rows[indicator]["value"])
        assert int(row["line"]) == int(rows[indicator]["line"])
        assert kengetallen.value_text(row) == shown


def test_kengetallen_theme_order(database):
    df = db.execute(
        database, "kengetallen__by_theme", {"themes": ["arbeidsmarkt", "sector", "maatschappij"]}
    )
    assert df["theme"].iloc[0] == "arbeidsmarkt"
    assert df["theme_order"].is_monotonic_increasing
    assert set(df["theme"]) == {"arbeidsmarkt", "sector", "maatschappij"}


def test_retention_signals_match_ch11_csv(database):
    refs = ["Figuur 11.2", "Figuur 11.5", "Figuur 11.6"]
    rows = [r for r in csv_rows(TRANSCRIBED / "raadpleging" / "ch11.csv") if r["ref"] in refs]
    df = db.execute(database, "survey__retention_signals", {"chapter": 11, "refs": refs})
    figures = df[~df["is_from_text"]]
    assert len(figures) == len(rows)
    got = {(r.ref, r.answer, int(r.line)): (r.value, r.n) for r in figures.itertuples()}
    for r in rows:
        value, n = got[(r["ref"], r["answer"], int(r["line"]))]
        assert value == float(r["value"])
        assert int(n) == int(r["n"])
    earlier = df[df["is_from_text"]]
    assert set(earlier["survey_year"]) == {2020}


def test_line_segments_bridge_definitive_and_provisional():
    df = pd.DataFrame(
        {
            "x": [1, 2, 3, 4],
            "sector": ["Q"] * 4,
            "status": [
                arbeid_charts.DEFINITIVE,
                arbeid_charts.DEFINITIVE,
                arbeid_charts.PROVISIONAL,
                arbeid_charts.PROVISIONAL,
            ],
        }
    )
    out = arbeid_charts.with_segments(df, "x", "sector")
    provisional = out[out["segment"] == arbeid_charts.PROVISIONAL]
    assert sorted(provisional["x"]) == [2, 3, 4]  # starts at the last definitive point


def test_vacancy_chart_marks_provisional_by_shape_and_dash():
    df = pd.DataFrame(
        {
            "year": [2017, 2018],
            "mean_vacancy_count": [1, 2],
            "sector": ["Q", "Q"],
            "status": [arbeid_charts.DEFINITIVE, arbeid_charts.PROVISIONAL],
            "period_label": ["2017", "2018"],
        }
    )
    spec = arbeid_charts.vacancy_lines(
        df, "year", "Jaar", "mean_vacancy_count", "V", temporal=False
    ).to_dict()
    line, points = spec["layer"][0], spec["layer"][1]
    assert line["encoding"]["strokeDash"]["field"] == "segment"
    assert points["encoding"]["shape"]["field"] == "status"
    assert arbeid_charts.PROVISIONAL in points["encoding"]["shape"]["scale"]["domain"]


def test_plain_escapes_markdown():
    assert ui.plain("[x](javascript:alert(1))") == r"\[x\]\(javascript\:alert\(1\)\)"


def test_period_context_query_is_the_reference_file(database):
    rows = csv_rows(REPO / "data" / "reference" / "period_context.csv")
    df = db.execute(database, "vacancies__period_context", {})
    assert list(df["period_code"]) == sorted(r["period_code"] for r in rows)
    assert dict(zip(df["period_code"], df["context"], strict=True)) == {
        r["period_code"]: r["context"] for r in rows
    }
