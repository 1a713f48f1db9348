"""Honest figures: suppressed-only values, index bases, incomplete years and per-1,000 wording.

Each expectation is recounted from the raw DUO CSV or CBS OData files by the small readers below,
never through pipeline/ (which would share a bug).
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from functools import cache

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import db
from dashboard.navigation import page_path
from tests.apptest import load, open_popovers, shown
from tests.conftest import RAW, REPO

FIRST_YEARS = RAW / "duo_hbo_2020plus" / "eerstejaarsingeschrevenenhbo.csv"
CBS_DIR = RAW / "cbs_vacatures_83599NED"
Q = "422400"
SOCIAL_WORK = "34116"  # B Social Work
PARTICIPATIE = "80182"  # Ad Participatie en Buurtontwikkeling: only '<5' cells in 2024


@cache
def first_year_cells() -> list[dict[str, str]]:
    with FIRST_YEARS.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def cells_of(programme: str, year: int) -> list[int]:
    """The AANTAL cells (-1 = '<5') of one programme in one studiejaar, from the raw CSV."""
    return [
        int(r["AANTAL_EERSTEJAARS_INGESCHREVENEN"])
        for r in first_year_cells()
        if r["OPLEIDINGSCODE_ACTUEEL"] == programme and r["STUDIEJAAR"] == str(year)
    ]


@cache
def raw_vacancies() -> dict[tuple[str, str, str], float]:
    """(period, region, sbi) -> persons, straight from the OData pages (values in thousands)."""
    out = {}
    for name in ("tables_2.json", "tables_3.json"):
        for r in json.loads((CBS_DIR / name).read_text(encoding="utf-8"))["value"]:
            text = (r["OpenstaandeVacatures_1"] or "").strip()
            if text not in ("", "."):
                key = (
                    r["Perioden"].strip(),
                    r["RegioS"].strip(),
                    r["BedrijfstakkenBranchesSBI2008"],
                )
                out[(key[0], key[1], key[2].strip())] = float(text) * 1000
    return out


PROVINCE_NAMES = {"PV23": "Overijssel", "PV25": "Gelderland", "NL01": "Nederland"}
NSA_CSV = REPO / "data" / "transcribed" / "cbs_vacatures_2020_2025" / "vacatures_nsa.csv"


@cache
def nsa_transcribed() -> dict[tuple[str, str, str], float]:
    """(period, region code, sbi) -> persons from the transcribed NSA CSV (values in thousands)."""
    codes = {v: k for k, v in PROVINCE_NAMES.items()}
    with NSA_CSV.open(encoding="utf-8") as fh:
        return {
            (r["period"], codes[r["region"]], Q): float(r["value"]) * 1000
            for r in csv.DictReader(fh)
            if r["sbi"] == "Q" and r["region"] in codes
        }


def quarters_of(year: int, region: str = "NL01") -> list[float]:
    """The not seasonally adjusted quarters of a year: 83599NED, else the transcription."""
    v = {**nsa_transcribed(), **raw_vacancies()}
    keys = [(f"{year}KW0{k}", region, Q) for k in range(1, 5)]
    return [v[key] for key in keys if key in v]


def latest_participatie_year() -> int:
    return max(int(r["STUDIEJAAR"]) for r in first_year_cells())


def _run(page: str, **query) -> AppTest:
    return shown(page, **query)  # read only (tests/apptest.py)


SEL = {
    "measure": "first_years",
    "breakdowns": ["volledig", "opleiding"],
    "programmes": [PARTICIPATIE],
    "study_modes": None,
    "genders": None,
    "institution": None,
}


# ---------------------------------------------------------------- 2: suppressed-only is never 0


def test_raw_participatie_latest_year_is_only_suppressed():
    year = latest_participatie_year()
    cells = cells_of(PARTICIPATIE, year)
    assert cells, "fixture programme vanished from the raw file"
    assert all(c == -1 for c in cells)


def test_instroom_kpi_of_suppressed_only_selection_shows_lt5_not_zero():
    year = latest_participatie_year()
    n = len(cells_of(PARTICIPATIE, year))
    at = _run(
        page_path("instroom"),
        maat="Eerstejaars",
        opleiding="Ad Participatie en Buurtontwikkeling",
    )
    kpi = at.metric[0]
    assert kpi.label == f"Eerstejaars {year}"  # no "(minimaal)" on a value that has no number
    assert kpi.value == ("<5" if n == 1 else f"{n}× <5")
    assert any("niet 0" in c.value for c in at.caption)


def test_yearly_query_keeps_suppressed_only_total_null(database):
    year = latest_participatie_year()
    df = db.execute(database, "students__yearly", {**SEL, "region_code": None}).set_index("year")
    assert df.loc[year, "student_count"] != df.loc[year, "student_count"]  # NaN, not 0
    assert bool(df.loc[year, "is_suppressed_only"])
    assert df.loc[year, "suppressed_cells"] == len(cells_of(PARTICIPATIE, year))


def test_map_query_never_ranks_suppressed_only_regions(database):
    year = latest_participatie_year()
    provinces = {
        r["PROVINCIENAAM"]
        for r in first_year_cells()
        if r["OPLEIDINGSCODE_ACTUEEL"] == PARTICIPATIE and r["STUDIEJAAR"] == str(year)
    }
    df = db.execute(
        database,
        "students__by_region",
        {**SEL, "level": "provincie", "year": year, "base_year": year},
    )
    only = df[df["is_suppressed_only"]]
    assert len(only) == len(provinces)
    assert only["student_count"].isna().all()
    assert only["rank_desc"].isna().all()
    assert (df["student_count"].fillna(-1) != 0).all()


def test_regio_trend_query_keeps_suppressed_only_null_for_region_and_nl(database):
    year = latest_participatie_year()
    emmen = next(
        r
        for r in first_year_cells()
        if r["OPLEIDINGSCODE_ACTUEEL"] == PARTICIPATIE and r["STUDIEJAAR"] == str(year)
    )
    gm = "GM" + emmen["GEMEENTENUMMER"]
    df = db.execute(
        database,
        "regions__students_yearly",
        {
            **SEL,
            "level": "gemeente",
            "region_code": gm,
            "peer_codes": [],
            "base_year": year,
        },
    )
    last = df[df["year"] == year].set_index("series")
    for series in ("region", "nl"):
        assert last.loc[series, "student_count"] != last.loc[series, "student_count"]
        assert bool(last.loc[series, "is_suppressed_only"])


# ---------------------------------------------------------------- 4: no index over a break


def _new_definition_first_year() -> int:
    """First studiejaar of the new first-years file (new definition), from the raw CSV."""
    return min(int(r["STUDIEJAAR"]) for r in first_year_cells())


def test_map_index_over_definition_break_gives_no_value(database):
    new_first = _new_definition_first_year()
    latest = latest_participatie_year()
    sel = {**SEL, "programmes": [SOCIAL_WORK]}  # B Social Work
    across = db.execute(
        database,
        "students__by_region",
        {**sel, "level": "provincie", "year": latest, "base_year": new_first - 1},
    )
    assert across["index_value"].isna().all()
    within = db.execute(
        database,
        "students__by_region",
        {**sel, "level": "provincie", "year": latest, "base_year": new_first},
    ).set_index("region_code")

    # recount Utrecht (PV26) from the raw CSV
    def total(year: int) -> int:
        return sum(
            max(int(r["AANTAL_EERSTEJAARS_INGESCHREVENEN"]), 0)
            for r in first_year_cells()
            if r["OPLEIDINGSCODE_ACTUEEL"] == SOCIAL_WORK
            and r["STUDIEJAAR"] == str(year)
            and r["PROVINCIENAAM"] == "Utrecht"
        )

    assert within.loc["PV26", "index_value"] == pytest.approx(
        round(100 * total(latest) / total(new_first), 1)
    )


def test_instroom_index_default_base_is_first_year_of_new_definition():
    new_first = _new_definition_first_year()
    at = _run(
        page_path("instroom"),
        maat="Eerstejaars",
        weergave="Kaart",
        waarde="Index (basisjaar = 100)",
    )
    base = at.selectbox(key="basisjaar")
    assert base.value == new_first
    assert min(base.options, key=int) == str(new_first)


def test_regio_trend_index_never_joins_a_base_of_another_definition(database):
    new_first = _new_definition_first_year()
    df = db.execute(
        database,
        "regions__students_yearly",
        {
            **SEL,
            "programmes": [SOCIAL_WORK],
            "level": "provincie",
            "region_code": "PV26",
            "peer_codes": [],
            "base_year": new_first,
        },
    )
    old = df[df["year"] < new_first]
    assert len(old)
    assert old["index_value"].isna().all()
    assert (df.loc[df["year"] == new_first, "index_value"] == 100).all()


# ---------------------------------------------------------------- 5: half a year is not a year


def _incomplete_year() -> int:
    """The last year of the StatLine file; it has fewer than four quarters."""
    years = {int(p[:4]) for p, r, s in raw_vacancies() if r == "NL01" and s == Q}
    last = max(years)
    assert len(quarters_of(last)) < 4, "the raw file now ends with a full year: pick another case"
    return last


def test_vacancies_by_region_incomplete_year_has_no_change_or_index(database):
    year = _incomplete_year()
    df = db.execute(
        database,
        "vacancies__by_region",
        {"sbi_code": Q, "level": "provincie", "year": year, "quarter": None, "base_year": year - 1},
    ).set_index("region_code")
    gld = quarters_of(year, "PV25")
    assert df.loc["PV25", "quarters"] == len(gld)
    assert not bool(df.loc["PV25", "is_complete"])
    assert df[["change_pct", "index_value", "prev_count"]].isna().all().all()
    assert df.loc["PV25", "vacancy_count"] == round(sum(gld) / len(gld), -2)


def test_vacancies_by_region_full_year_change_and_index_recounted(database):
    year = _incomplete_year() - 1
    df = db.execute(
        database,
        "vacancies__by_region",
        {"sbi_code": Q, "level": "provincie", "year": year, "quarter": None, "base_year": year - 1},
    ).set_index("region_code")
    cur, prev = quarters_of(year, "PV25"), quarters_of(year - 1, "PV25")
    assert len(cur) == len(prev) == 4
    mean, pmean = sum(cur) / 4, sum(prev) / 4
    assert df.loc["PV25", "change_pct"] == pytest.approx(round(100 * (mean - pmean) / pmean, 1))
    assert df.loc["PV25", "index_value"] == pytest.approx(round(100 * mean / pmean, 1))
    # CBS publishes hundreds: a yearly mean is shown at that precision
    assert df.loc["PV25", "vacancy_count"] % 100 == 0


def test_regio_vacancy_map_offers_an_incomplete_year_only_as_quarters():
    year = _incomplete_year()
    at = _run(page_path("regio"), gemeente="Zwolle (GM0193)", weergave="Vacatures (provincie)")
    box = at.selectbox(key="vacjaar")
    assert f"{year} (jaargemiddelde)" not in box.options
    assert f"{year - 1} (jaargemiddelde)" in box.options
    assert "1e kwartaal " + str(year) in box.options
    newest = max(
        (int(p[:4]), int(p[-1]))
        for p, r, _ in {**raw_vacancies(), **nsa_transcribed()}
        if r == "PV23"
    )
    assert box.value == f"{newest[0]}K{newest[1]}"  # the newest period is the default
    assert not any("jaargemiddelde" in c.value and str(year) in c.value for c in at.caption)


def test_regio_vacancy_index_base_is_a_complete_year(database):
    year = _incomplete_year()
    df = db.execute(
        database,
        "regions__vacancies_quarterly",
        {"sbi_code": Q, "region_code": "PV23", "peer_codes": [], "base_year": year},
    )
    assert df["index_value"].isna().all()


# ---------------------------------------------------------------- 8: what per 1.000 means


def _all_text(at: AppTest) -> str:
    """Every element's protobuf as text: labels, help texts, captions, KPI sentences."""

    def walk(node):
        yield str(getattr(node, "proto", ""))
        for child in getattr(node, "children", {}).values():
            yield from walk(child)

    return "\n".join(walk(at._tree))


def test_regio_per_1000_says_what_it_counts():
    # the KPI sentences are built when their popover opens
    text = _all_text(open_popovers(load(page_path("regio"), gemeente="Zwolle (GM0193)")))
    assert "maakt regio's van verschillende grootte vergelijkbaar" not in text
    assert "maakt regio's van verschillende grootte vergelijkbaar" not in text
    assert "geen deelnamecijfer" in text
    assert "aan hogeschoolvestigingen in de regio per 1.000 inwoners" in text


def test_peer_group_counts_peers_without_hogeschool_as_zero(database):
    """Zeewolde-sized gemeenten mostly have no hogeschool: the group row says how many."""
    pop = json.loads((RAW / "cbs_bevolking_03759ned" / "observations-page-1.json").read_text())
    gm_with = {
        "GM" + r["GEMEENTENUMMER"]
        for r in first_year_cells()
        if r["OPLEIDINGSCODE_ACTUEEL"] == SOCIAL_WORK
    }
    latest = max(int(o["Perioden"][:4]) for o in pop["value"])
    peers = sorted(
        o["RegioS"]
        for o in pop["value"]
        if o["Measure"] == "M000352"
        and o["RegioS"].startswith("GM")
        and int(o["Perioden"][:4]) == latest
        and o["Value"] is not None
        and 20000 < o["Value"] < 25000
    )[:6]
    df = db.execute(
        database,
        "regions__students_yearly",
        {
            **SEL,
            "programmes": [SOCIAL_WORK],
            "level": "gemeente",
            "region_code": "GM0363",
            "peer_codes": peers,
            "base_year": latest,
        },
    )
    by_year = defaultdict(set)
    for r in first_year_cells():
        if r["OPLEIDINGSCODE_ACTUEEL"] == SOCIAL_WORK:
            by_year[int(r["STUDIEJAAR"])].add("GM" + r["GEMEENTENUMMER"])
    group = df[df["series"] == "peers"].set_index("year")
    for year, present in by_year.items():
        assert group.loc[year, "no_location_count"] == len([p for p in peers if p not in present])
    assert gm_with  # the raw file has locations at all
