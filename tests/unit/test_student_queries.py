"""Fixture-row tests of the students__* SQL: given hand-made rows -> expected rows.

A tiny in-memory DuckDB holds a hand-made ``students`` table and ``population`` table; the
student_selection macro is created from queries/views/ and the query files run through
dashboard.db, exactly as the app runs them. Edge cases: a region (or category) whose only cell is
'<5' (NULL, is_suppressed_only, never ranked, never 0), a definition break (no index, no change
across it) and a year missing from the series (no "change vs previous year" over two years).
"""

from __future__ import annotations

import duckdb
import pytest

from dashboard import db

OLD, NEW = "oud: nieuw in het hbo", "nieuw: nieuw in het hoger onderwijs"
SW, PED = "P1", "P2"  # CROHO codes in the fixture
# gemeente -> (provincie, arbeidsmarktregio)
GEMEENTEN = {"GM0001": ("PV01", "AM01"), "GM0002": ("PV01", "AM01"), "GM0003": ("PV02", "AM02")}
PROGRAMMES = {SW: ("B Social Work", "Sociaal werk"), PED: ("B Pedagogiek", "Pedagogiek")}

# (measure, breakdown, year, definition, gemeente, programme, count; None = a '<5' cell)
CELLS = [
    ("first_years", "opleiding", 2018, OLD, "GM0001", SW, 100),
    ("first_years", "opleiding", 2018, OLD, "GM0003", SW, 50),
    ("first_years", "opleiding", 2019, OLD, "GM0001", SW, 110),
    ("first_years", "opleiding", 2019, OLD, "GM0003", SW, 60),
    ("first_years", "opleiding", 2020, NEW, "GM0001", SW, 80),
    ("first_years", "opleiding", 2020, NEW, "GM0003", SW, 40),
    ("first_years", "opleiding", 2021, NEW, "GM0001", SW, 88),
    ("first_years", "opleiding", 2021, NEW, "GM0003", SW, None),  # PV02 2021: only '<5'
    ("first_years", "opleiding", 2020, NEW, "GM0002", PED, 30),  # no 2021 row at all
    ("first_years", "opleiding", 2022, NEW, "GM0002", PED, 36),
    # other measure / other DUO table: must never be counted with the selection below
    ("enrolled", "opleiding", 2021, NEW, "GM0003", SW, 9000),
    ("first_years", "volledig", 2021, NEW, "GM0003", SW, 7000),
]
POPULATION = [  # (level, code, name, year, inhabitants)
    ("provincie", "PV01", "Provincie Een", 2021, 100_000),
    ("provincie", "PV02", "Provincie Twee", 2021, 50_000),
    ("provincie", "PV03", "Provincie Drie", 2021, 20_000),  # no hogeschool location
    ("nl", "NL01", "Nederland", 2021, 170_000),
]
SEL = {
    "measure": "first_years",
    "breakdowns": ["opleiding"],
    "programmes": [SW],
    "study_modes": None,
    "genders": None,
    "institution": None,
}


@pytest.fixture(scope="module")
def fixture_db():
    con = duckdb.connect(":memory:")
    con.execute(
        "create table students (measure varchar, breakdown varchar, year smallint, "
        "definition varchar, gemeente_code varchar, provincie_code varchar, "
        "arbeidsmarktregio_code varchar, programme_code varchar, programme_name varchar, "
        "programme_group varchar, institution_code varchar, institution_name varchar, "
        "study_mode varchar, gender varchar, student_count bigint, is_suppressed boolean)"
    )
    con.executemany(
        "insert into students values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'H1', 'Hogeschool Een', "
        "null, null, ?, ?)",
        [
            (m, b, y, d, gm, *GEMEENTEN[gm], p, *PROGRAMMES[p], n, n is None)
            for m, b, y, d, gm, p, n in CELLS
        ],
    )
    con.execute(
        "create table population (region_level varchar, region_code varchar, "
        "region_name varchar, year smallint, population bigint, is_reconstructed boolean)"
    )
    con.executemany(
        "insert into population values (?, ?, ?, ?, ?, false)",
        POPULATION,
    )
    con.execute(db.view_sql("student_selection"))
    database = db.Database(con=con, manifest={})
    yield database
    database.close()


def _clean(v):
    try:
        return None if v != v else v  # NaN and pd.NA
    except TypeError:
        return None


def _table(df, columns):
    return [tuple(_clean(v) for v in r) for r in df[list(columns)].itertuples(index=False)]


# ---------------------------------------------------------------- students__yearly


def test_yearly_nl_change_never_spans_the_definition_break(fixture_db):
    df = db.execute(fixture_db, "students__yearly", {**SEL, "region_code": None})
    assert _table(df, ("year", "definition", "student_count", "change_count", "change_pct")) == [
        (2018, OLD, 150, None, None),
        (2019, OLD, 170, 20, 13.3),
        (2020, NEW, 120, None, None),  # first year of the new definition: no change
        (2021, NEW, 88, -32, -26.7),
    ]
    assert _table(df, ("suppressed_cells", "is_suppressed_only")) == [
        (0, False),
        (0, False),
        (0, False),
        (1, False),  # 88 is a lower bound: "minimaal"
    ]


def test_yearly_region_of_only_suppressed_cells_is_null_not_zero(fixture_db):
    df = db.execute(fixture_db, "students__yearly", {**SEL, "region_code": "PV02"})
    last = _table(df, ("year", "student_count", "suppressed_cells", "is_suppressed_only"))[-1]
    assert last == (2021, None, 1, True)
    row = df[df["year"] == 2021].iloc[0]
    assert _clean(row["change_count"]) is None
    assert _clean(row["share_of_nl_pct"]) is None
    assert row["nl_student_count"] == 88


def test_yearly_change_skips_a_missing_year(fixture_db):
    """P2 has 2020 and 2022 but no 2021: 2022 is not a change 'vs the previous year'."""
    df = db.execute(
        fixture_db, "students__yearly", {**SEL, "programmes": [PED], "region_code": None}
    )
    assert _table(df, ("year", "student_count", "change_count", "change_pct")) == [
        (2020, 30, None, None),
        (2022, 36, None, None),
    ]


def test_selection_reads_only_the_chosen_measure_and_tables(fixture_db):
    df = db.execute(
        fixture_db,
        "students__yearly",
        {**SEL, "breakdowns": ["volledig"], "region_code": None},
    )
    assert _table(df, ("year", "student_count")) == [(2021, 7000)]


# ---------------------------------------------------------------- students__by_region


def test_map_suppressed_only_region_is_null_and_not_ranked(fixture_db):
    df = db.execute(
        fixture_db,
        "students__by_region",
        {**SEL, "level": "provincie", "year": 2021, "base_year": 2020},
    )
    assert _table(
        df,
        (
            "region_code",
            "student_count",
            "suppressed_cells",
            "is_suppressed_only",
            "index_value",
            "rank_desc",
        ),
    ) == [
        ("PV01", 88, 0, False, 110.0, 1),
        ("PV02", None, 1, True, None, None),  # '<5': not 0, no index, not ranked
        ("PV03", None, 0, False, None, None),  # no hogeschool location
    ]
    assert _table(df, ("per_1000",))[0] == (0.88,)


def test_map_index_across_the_definition_break_is_empty(fixture_db):
    df = db.execute(
        fixture_db,
        "students__by_region",
        {**SEL, "level": "provincie", "year": 2021, "base_year": 2019},
    )
    assert df["student_count"].tolist()[0] == 88
    assert df["base_count"].isna().all()
    assert df["index_value"].isna().all()


# ---------------------------------------------------------------- students__yearly_by_category


def test_category_of_only_suppressed_cells_is_null_not_zero(fixture_db):
    df = db.execute(
        fixture_db,
        "students__yearly_by_category",
        {**SEL, "region_code": "PV02", "dimension": "programme"},
    )
    assert _table(
        df, ("year", "category", "student_count", "suppressed_cells", "is_suppressed_only")
    ) == [
        (2018, "B Social Work", 50, 0, False),
        (2019, "B Social Work", 60, 0, False),
        (2020, "B Social Work", 40, 0, False),
        (2021, "B Social Work", None, 1, True),
    ]


# ---------------------------------------------------------------- regions__students_yearly


def test_regio_trend_suppressed_only_and_break(fixture_db):
    df = db.execute(
        fixture_db,
        "regions__students_yearly",
        {
            **SEL,
            "level": "provincie",
            "region_code": "PV02",
            "peer_codes": ["PV01"],
            "base_year": 2020,
        },
    )
    region = df[df["series"] == "region"]
    assert _table(region, ("year", "student_count", "is_suppressed_only", "index_value")) == [
        (2018, 50, False, None),  # other definition than the base year: no index
        (2019, 60, False, None),
        (2020, 40, False, 100.0),
        (2021, None, True, None),  # '<5' only
    ]
    nl = df[df["series"] == "nl"]
    assert _table(nl, ("year", "student_count", "index_value"))[-1] == (2021, 88, 73.3)
