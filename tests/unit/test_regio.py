"""Regio: peer groups, ranks and per-1,000 figures recounted from the raw CBS and DUO files."""

from __future__ import annotations

import csv
import json
from collections import defaultdict

import duckdb
import pandas as pd
import pytest

from dashboard import charts_regio, db
from dashboard.queries import StudentSelection
from tests.conftest import RAW, REPO

POP_JSON = RAW / "cbs_bevolking_03759ned" / "observations-page-1.json"
DUO_ENROLLED = RAW / "duo_hbo_2020plus" / "ingeschrevenenhbo.csv"
AM_JSON = RAW / "cbs_gebieden" / "arbeidsmarktregio_gemeente.json"


@pytest.fixture(scope="module")
def raw_population() -> dict[tuple[str, int], int]:
    """(region code, year) -> inhabitants on 1 January (measure M000352), from the raw JSON."""
    obs = json.loads(POP_JSON.read_text(encoding="utf-8"))["value"]
    return {
        (o["RegioS"], int(o["Perioden"][:4])): int(o["Value"])
        for o in obs
        if o["Measure"] == "M000352" and o["Value"] is not None
    }


@pytest.fixture(scope="module")
def am_of() -> dict[str, str]:
    """GMxxxx -> arbeidsmarktregio name, from the raw CBS file."""
    doc = json.loads(AM_JSON.read_text(encoding="utf-8"))["gemeenten"]
    return {f"GM{k}": v for k, v in doc.items()}


@pytest.fixture(scope="module")
def default_programmes() -> list[str]:
    with (REPO / "data" / "reference" / "programme_groups.csv").open(encoding="utf-8") as fh:
        return [
            r["programme_code"] for r in csv.DictReader(fh) if r["in_default_selection"] == "true"
        ]


def _enrolled_years() -> list[int]:
    """The study years in the raw DUO enrolment file (oldest first)."""
    with DUO_ENROLLED.open(encoding="utf-8") as fh:
        return sorted({int(r["STUDIEJAAR"]) for r in csv.DictReader(fh)})


YEARS = _enrolled_years()
LATEST, FIRST = YEARS[-1], YEARS[0]  # the latest year compared; the first (index base)


@pytest.fixture(scope="module")
def raw_enrolled(default_programmes) -> dict[str, int]:
    """GMxxxx -> enrolled students in LATEST, default programmes ('-1' = suppressed, skipped)."""
    counts: dict[str, int] = defaultdict(int)
    with DUO_ENROLLED.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if (
                int(r["STUDIEJAAR"]) != LATEST
                or r["OPLEIDINGSCODE_ACTUEEL"] not in default_programmes
            ):
                continue
            n = int(r["AANTAL_INGESCHREVENEN"])
            counts["GM" + r["GEMEENTENUMMER"]] += 0 if n == -1 else n
    return dict(counts)


def _expected_peers(pop: dict[str, int], code: str, n: int) -> list[str]:
    others = sorted((abs(v - pop[code]), c) for c, v in pop.items() if c != code)
    return [c for _, c in others[:n]]


@pytest.mark.parametrize(("code", "n"), [("GM0193", 5), ("GM0363", 3), ("GM1900", 10)])
def test_gemeente_peers_match_hand_count(database, raw_population, code, n):
    latest = max(y for _, y in raw_population)
    pop = {c: v for (c, y), v in raw_population.items() if y == latest and c.startswith("GM")}
    assert len(pop) == 342
    got = db.execute(
        database,
        "peers__by_population",
        {"level": "gemeente", "region_code": code, "peer_count": n},
    )
    assert got["region_code"].tolist() == [code, *_expected_peers(pop, code, n)]
    assert got["peer_rank"].tolist() == list(range(n + 1))
    again = db.execute(
        database,
        "peers__by_population",
        {"level": "gemeente", "region_code": code, "peer_count": n},
    )
    pd.testing.assert_frame_equal(got, again)


def test_arbeidsmarktregio_peers_match_hand_count(database, raw_population, am_of):
    latest = max(y for _, y in raw_population)
    pop: dict[str, int] = defaultdict(int)
    for gm, am in am_of.items():
        pop[am] += raw_population[(gm, latest)]
    got = db.execute(
        database,
        "peers__by_population",
        {"level": "arbeidsmarktregio", "region_code": "AM36", "peer_count": 5},
    )
    target = got["region_name"].iloc[0]
    assert target == "Regio Zwolle"
    assert got["region_name"].tolist()[1:] == _expected_peers(pop, target, 5)


def test_peer_ties_break_on_code():
    """Equal distance: the lower region_code wins, every run (hand-made population table)."""
    con = duckdb.connect(":memory:")
    con.execute(
        "create table population as select * from (values "
        "(2026, 'gemeente', 'GM0005', 'E', 100), (2026, 'gemeente', 'GM0003', 'C', 120), "
        "(2026, 'gemeente', 'GM0001', 'A', 80), (2026, 'gemeente', 'GM0004', 'D', 120), "
        "(2026, 'gemeente', 'GM0002', 'B', 80), (2025, 'gemeente', 'GM0009', 'Z', 100)) "
        "as t(year, region_level, region_code, region_name, population)"
    )
    database = db.Database(con=con, manifest={})
    params = {"level": "gemeente", "region_code": "GM0005", "peer_count": 3}
    got = db.execute(database, "peers__by_population", params)
    assert got["region_code"].tolist() == ["GM0005", "GM0001", "GM0002", "GM0003"]
    con.close()


def _by_region(database, programmes, level):
    sel = StudentSelection(measure="enrolled", programmes=tuple(programmes))
    p = {k: list(v) if isinstance(v, tuple) else v for k, v in sel.params(False).items()}
    return db.execute(
        database, "students__by_region", {**p, "level": level, "year": LATEST, "base_year": FIRST}
    )


@pytest.mark.parametrize("code", ["GM0363", "GM0193"])
def test_gemeente_per_1000_and_rank_recounted(
    database, raw_population, raw_enrolled, default_programmes, code
):
    per_1000 = {c: 1000 * n / raw_population[(c, LATEST)] for c, n in raw_enrolled.items()}
    expected_rank = 1 + sum(v > per_1000[code] for v in per_1000.values())
    df = _by_region(database, default_programmes, "gemeente")
    row = df.set_index("region_code").loc[code]
    assert row["per_1000"] == pytest.approx(per_1000[code], abs=0.005)
    assert charts_regio.rank_of(df, "per_1000", code) == (expected_rank, len(per_1000))
    text = charts_regio.rank_text(charts_regio.rank_of(df, "per_1000", code), "gemeente", len(df))
    assert text.startswith(f"{expected_rank}e van {len(per_1000)} gemeenten")


def test_arbeidsmarktregio_rank_recounted(
    database, raw_population, raw_enrolled, am_of, default_programmes
):
    students: dict[str, int] = defaultdict(int)
    pop: dict[str, int] = defaultdict(int)
    for gm, am in am_of.items():
        pop[am] += raw_population[(gm, LATEST)]
        if gm in raw_enrolled:
            students[am] += raw_enrolled[gm]
    per_1000 = {am: 1000 * n / pop[am] for am, n in students.items()}
    zwolle = per_1000["Regio Zwolle"]
    expected = 1 + sum(v > zwolle for v in per_1000.values())
    df = _by_region(database, default_programmes, "arbeidsmarktregio")
    assert df.set_index("region_name").loc["Regio Zwolle", "per_1000"] == pytest.approx(
        zwolle, abs=0.005
    )
    rank = charts_regio.rank_of(df, "per_1000", "AM36")
    assert rank == (expected, len(per_1000))
    assert charts_regio.rank_text(rank, "arbeidsmarktregio", 35) == (
        f"{expected}e van {len(per_1000)} arbeidsmarktregio's met een waarde "
        f"({35 - len(per_1000)} zonder)"
    )


def test_trend_query_per_1000_and_peer_group(database, raw_population, raw_enrolled, am_of):
    """regions__students_yearly: region, peer sum and NL per 1,000 equal the raw recount."""
    with (REPO / "data" / "reference" / "programme_groups.csv").open(encoding="utf-8") as fh:
        progs = [
            r["programme_code"] for r in csv.DictReader(fh) if r["in_default_selection"] == "true"
        ]
    sel = StudentSelection(measure="enrolled", programmes=tuple(progs))
    p = {k: list(v) if isinstance(v, tuple) else v for k, v in sel.params(False).items()}
    df = db.execute(
        database,
        "regions__students_yearly",
        {
            **p,
            "level": "gemeente",
            "region_code": "GM0193",
            "peer_codes": ["GM0363", "GM0014"],
            "base_year": FIRST,
        },
    )
    y = df[df["year"] == LATEST].set_index("region_code")
    pop = raw_population
    assert y.loc["GM0193", "per_1000"] == pytest.approx(
        1000 * raw_enrolled["GM0193"] / pop[("GM0193", LATEST)], abs=0.0005
    )
    group = raw_enrolled["GM0363"] + raw_enrolled["GM0014"]
    assert y.loc["PEERS", "student_count"] == group
    assert y.loc["PEERS", "per_1000"] == pytest.approx(
        1000 * group / (pop[("GM0363", LATEST)] + pop[("GM0014", LATEST)]), abs=0.0005
    )
    assert y.loc["NL01", "student_count"] == sum(raw_enrolled.values())
    assert y.loc["NL01", "population"] == pop[("NL01", LATEST)]


def test_comparison_chart_encodings():
    df = pd.DataFrame(
        {
            "year": [2023, 2023, 2023, 2023],
            "series": ["region", "peers", "nl", "peer"],
            "region_name": ["Zwolle", "Groep", "Nederland", "Deventer"],
            "value": [1.0, 2.0, 3.0, 4.0],
            "definition": ["d"] * 4,
        }
    )
    chart = charts_regio.comparison_trend(
        charts_regio.label_series(df, "Zwolle"), "value", "Per 1.000"
    )
    spec = chart.to_dict()
    lines = spec["layer"][1]["encoding"]
    assert lines["color"]["scale"]["domain"] == ["Zwolle", "Groep", "Nederland"]
    assert lines["y"]["title"] == "Per 1.000"
    assert spec["layer"][0]["mark"]["color"] == charts_regio.PEER_GREY


def test_rank_ties_share_best_rank():
    df = pd.DataFrame({"region_code": ["A", "B", "C", "D"], "v": [5.0, 5.0, 3.0, None]})
    assert charts_regio.rank_of(df, "v", "B") == (1, 3)
    assert charts_regio.rank_of(df, "v", "C") == (3, 3)
    assert charts_regio.rank_of(df, "v", "D") is None


def test_trend_summary_keeps_lower_bounds_and_suppressed_only():
    """The text alternative says 'minimaal' / '<5' like the KPIs (counted_text), never a bare
    number for a total with suppressed cells."""
    df = pd.DataFrame(
        {
            "year": [2, 1, 1, 2, 1, 2],
            "series": ["region", "region", "nl", "nl", "peers", "peers"],
            "student_count": [12.0, None, 900.0, 950.0, 30.0, 40.0],
            "suppressed_cells": [0, 2, 3, 1, 0, 0],
            "is_suppressed_only": [False, True, False, False, False, False],
        }
    )
    df["waarde_tekst"] = [
        charts_regio.counted_text(r, "student_count", "count") for _, r in df.iterrows()
    ]
    text = charts_regio.trend_summary(
        df, "student_count", "count", "Zwolle", text_field="waarde_tekst"
    )
    assert "Zwolle van 2× <5 (1) naar 12 (2)" in text
    assert "Nederland van minimaal 900 (1) naar minimaal 950 (2)" in text
    assert "de vergelijkbare regio's van 30 (1) naar 40 (2)" in text
