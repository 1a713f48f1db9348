"""Start page: headline figures equal the same figures on the theme pages (and the raw data)."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.navigation import page_path
from tests.conftest import REPO


def _run(page: str, **query) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    at.run().switch_page(page).run()  # first run: see tests/app/test_instroom.py _open
    assert not at.exception, [e.value for e in at.exception]
    return at


def _number(text: str) -> int:
    return int(re.sub(r"[^\d]", "", text))


@pytest.fixture(scope="module")
def overview_metrics():
    at = _run(page_path("overzicht"))
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize(
    ("label_start", "url_label"),
    [
        ("Ingeschreven studenten 2024", "Ingeschreven"),
        ("Eerstejaars 2024", "Eerstejaars"),
        ("Gediplomeerden 2023", "Gediplomeerd"),
    ],
)
def test_student_headline_equals_instroom_kpi(overview_metrics, label_start, url_label):
    headline = next(v for k, v in overview_metrics.items() if k.startswith(label_start))
    at = _run(page_path("instroom"), maat=url_label)
    kpi = at.metric[0].value
    assert _number(headline) == _number(kpi)


def test_first_years_headline_recounted_from_raw(overview_metrics):
    import csv

    codes = set()
    with (REPO / "data" / "reference" / "programme_groups.csv").open(encoding="utf-8") as fh:
        codes = {
            r["programme_code"] for r in csv.DictReader(fh) if r["in_default_selection"] == "true"
        }
    total = 0
    path = REPO / "data" / "raw" / "duo_hbo_2020plus" / "eerstejaarsingeschrevenenhbo.csv"
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["STUDIEJAAR"] == "2024" and r["OPLEIDINGSCODE_ACTUEEL"] in codes:
                n = int(r["AANTAL_EERSTEJAARS_INGESCHREVENEN"])
                total += n if n > 0 else 0
    headline = next(v for k, v in overview_metrics.items() if k.startswith("Eerstejaars 2024"))
    assert _number(headline) == total


def test_vacancy_and_survey_headlines_present(overview_metrics):
    vacancies = next(v for k, v in overview_metrics.items() if k.startswith("Vacatures zorg"))
    assert _number(vacancies) == 34500
    assert overview_metrics["Tijd aan administratie"] == "32%"
    assert any(k.startswith("Verwacht tekort sociaal werk 2031") for k in overview_metrics)


def test_headline_follows_shared_filter():
    at = _run(page_path("overzicht"), groep="Social Work")
    value = next(m.value for m in at.metric if m.label.startswith("Eerstejaars 2024"))
    assert _number(value) == 4297 + 232  # B Social Work + B Sociaal Werk, DUO 2024
