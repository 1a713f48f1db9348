"""Instroom: the page's KPI for a filtered selection equals a recount from the raw DUO files."""

from __future__ import annotations

import csv
import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.navigation import page_path
from tests.apptest import shown
from tests.conftest import RAW

NEW = RAW / "duo_hbo_2020plus"
OLD = RAW / "duo_eerstejaars_gediplomeerden_hbo"


TITLE = "Instroom in hbo-opleidingen van het sociaal domein"


def _open(**query) -> AppTest:
    """The Instroom page with ``query`` in the URL (a fresh session on a shared link)."""
    at = shown(page_path("instroom"), **query)  # read only (tests/apptest.py)
    assert [t.value for t in at.title] == [TITLE]
    return at


def _kpi(**query) -> tuple[str, str]:
    at = _open(**query)
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


def _json_rows() -> list[dict]:
    path = RAW / "duo_ingeschrevenen_hbo" / "duo_ingeschrevenhbo_2024.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _new_latest(name: str, year_col: str) -> int:
    with (NEW / name).open(encoding="utf-8") as fh:
        return max(int(r[year_col]) for r in csv.DictReader(fh))


def _old_years(name: str) -> list[int]:
    with (OLD / name).open(encoding="utf-8") as fh:
        return sorted(int(c) for c in next(csv.reader(fh, delimiter=";")) if c.isdigit())


def _json_enrolled(year: int, **where) -> tuple[int, int]:
    total = suppressed = 0
    for r in _json_rows():
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


def test_first_years_ad_sociaal_werk_default_year_is_the_latest():
    latest = _new_latest("eerstejaarsingeschrevenenhbo.csv", "STUDIEJAAR")
    expected = _new_csv(
        "eerstejaarsingeschrevenenhbo.csv",
        "STUDIEJAAR",
        "AANTAL_EERSTEJAARS_INGESCHREVENEN",
        latest,
        OPLEIDINGSCODE_ACTUEEL="80140",
    )
    label, value = _kpi(maat="Eerstejaars", opleiding="Ad Sociaal Werk")
    assert label.startswith(f"Eerstejaars {latest}")
    assert _digits(value) == expected > 0


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


def test_enrolled_women_b_social_work_latest_year_counts_suppressed_cells():
    latest = max(int(k) for k in _json_rows()[0] if k.isdigit())
    expected, suppressed = _json_enrolled(
        latest, **{"OPLEIDINGSCODE ACTUEEL": "34116", "GESLACHT": "vrouw"}
    )
    label, value = _kpi(opleiding="B Social Work", geslacht="vrouw")
    assert label.startswith(f"Ingeschreven {latest}")
    assert _digits(value) == expected
    assert label.endswith("(minimaal)") == (suppressed > 0)


def test_region_filter_changes_the_figure():
    _, nl = _kpi(maat="Eerstejaars")
    _, utrecht = _kpi(maat="Eerstejaars", regio="Utrecht")
    assert _digits(utrecht) < _digits(nl)


@pytest.mark.parametrize("view", ["Trend", "Uitsplitsing", "Kaart", "Studiesucces (VH)"])
def test_every_view_renders(view):
    _open(weergave=view, maat="Eerstejaars")


def test_gender_filter_on_first_years_explains_missing_years():
    """Only the old file crosses programme and gender: the page names its years."""
    latest = _new_latest("eerstejaarsingeschrevenenhbo.csv", "STUDIEJAAR")
    old = _old_years("hbo_inscriptions_2019.csv")
    at = _open(maat="Eerstejaars", geslacht="vrouw")
    info = " ".join(i.value for i in at.info)
    assert f"Geen gegevens voor {latest}" in info
    assert f"alleen voor {old[0]} t/m {old[-1]}" in info
    assert at.metric[0].label.startswith(f"Eerstejaars {old[-1]}")


def test_graduates_gender_breakdown_names_the_cross_tabulated_years():
    old = _old_years("hbo_gediplomeerden_2019.csv")
    at = _open(maat="Gediplomeerd", geslacht="vrouw", weergave="Uitsplitsing")
    info = " ".join(i.value for i in at.info)
    assert f"alleen voor {old[0]} t/m {old[-1]}" in info
