"""Instroom: the page's KPI for a filtered selection equals a recount from the raw DUO files."""

from __future__ import annotations

import csv
import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.navigation import page_path
from tests.conftest import RAW, REPO

NEW = RAW / "duo_hbo_2020plus"
OLD = RAW / "duo_eerstejaars_gediplomeerden_hbo"


def _kpi(**query) -> tuple[str, str]:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    at.switch_page(page_path("instroom")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at.metric[0].label, at.metric[0].value


def _digits(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _new_csv(name: str, year_col: str, count_col: str, year: int, **where) -> int:
    total = 0
    with (NEW / name).open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r[year_col] == str(year) and all(r[k] == v for k, v in where.items()):
                total += max(int(r[count_col]), 0)
    return total


def _old_csv(name: str, year: int, **where) -> int:
    total = 0
    with (OLD / name).open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter=";"):
            if r.get("OPLEIDINGSCODE ACTUEEL") and all(r[k] == v for k, v in where.items()):
                total += int(r[str(year)])
    return total


def _json_enrolled(year: int, **where) -> tuple[int, int]:
    total = suppressed = 0
    for r in json.loads(
        (RAW / "duo_ingeschrevenen_hbo" / "duo_ingeschrevenhbo_2024.json").read_text(
            encoding="utf-8"
        )
    ):
        if all(str(r[k]) == v for k, v in where.items()):
            v = r[str(year)]
            if v == "<5":
                suppressed += 1
            elif v is not None:
                total += int(v)
    return total, suppressed


def test_first_years_b_social_work_2019_noord_brabant():
    expected = _old_csv(
        "hbo_inscriptions_2019.csv",
        2019,
        PROVINCIE="Noord-Brabant",
        **{"OPLEIDINGSCODE ACTUEEL": "34116"},
    )
    label, value = _kpi(
        maat="Eerstejaars", regio="Noord-Brabant", opleiding="B Social Work", jaar="2019"
    )
    assert label.startswith("Eerstejaars 2019")
    assert _digits(value) == expected


def test_first_years_ad_sociaal_werk_2024():
    expected = _new_csv(
        "eerstejaarsingeschrevenenhbo.csv",
        "STUDIEJAAR",
        "AANTAL_EERSTEJAARS_INGESCHREVENEN",
        2024,
        OPLEIDINGSCODE_ACTUEEL="80140",
    )
    label, value = _kpi(maat="Eerstejaars", opleiding="Ad Sociaal Werk")
    assert label.startswith("Eerstejaars 2024")
    assert _digits(value) == expected == 900


def test_deeltijd_pedagogiek_enrolment_2022_at_one_hogeschool():
    where = {
        "OPLEIDINGSCODE ACTUEEL": "35158",
        "OPLEIDINGSVORM": "deeltijd onderwijs",
        "INSTELLINGSNAAM ACTUEEL": "Hogeschool Utrecht",
    }
    expected, suppressed = _json_enrolled(2022, **where)
    label, value = _kpi(
        opleiding="B Pedagogiek", vorm="deeltijd", hogeschool="Hogeschool Utrecht", jaar="2022"
    )
    assert label.startswith("Ingeschreven 2022")
    assert _digits(value) == expected > 0
    assert label.endswith("(minimaal)") == (suppressed > 0)


def test_graduates_toegepaste_psychologie_2018_gelderland():
    expected = _old_csv(
        "hbo_gediplomeerden_2019.csv",
        2018,
        PROVINCIE="Gelderland",
        **{"OPLEIDINGSCODE ACTUEEL": "34507"},
    )
    label, value = _kpi(
        maat="Gediplomeerd", regio="Gelderland", opleiding="B Toegepaste Psychologie", jaar="2018"
    )
    assert label.startswith("Gediplomeerd 2018")
    assert _digits(value) == expected


def test_enrolled_women_b_social_work_2024_counts_suppressed_cells():
    expected, suppressed = _json_enrolled(
        2024, **{"OPLEIDINGSCODE ACTUEEL": "34116", "GESLACHT": "vrouw"}
    )
    label, value = _kpi(opleiding="B Social Work", geslacht="vrouw")
    assert label.startswith("Ingeschreven 2024")
    assert _digits(value) == expected
    assert label.endswith("(minimaal)") == (suppressed > 0)


def test_region_filter_changes_the_figure():
    _, nl = _kpi(maat="Eerstejaars")
    _, utrecht = _kpi(maat="Eerstejaars", regio="Utrecht")
    assert _digits(utrecht) < _digits(nl)


@pytest.mark.parametrize("view", ["Trend", "Uitsplitsing", "Kaart", "Studiesucces (VH)"])
def test_every_view_renders(view):
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.query_params["weergave"] = view
    at.query_params["maat"] = "Eerstejaars"
    at.switch_page(page_path("instroom")).run()
    assert not at.exception


def test_gender_filter_on_first_years_explains_missing_years():
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.query_params["maat"] = "Eerstejaars"
    at.query_params["geslacht"] = "vrouw"
    at.switch_page(page_path("instroom")).run()
    assert not at.exception
    assert any("2024" in i.value or "2020" in i.value for i in at.info)
