"""New data, no code change: add a year to a DUO snapshot and a quarter to the vacancies in a copy
of data/, and every page's selectors, KPIs and texts follow (issue: facts come from the data)."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import config, fmt
from dashboard.navigation import page_path
from tests.apptest import load
from tests.conftest import REPO


def _next_quarter(code: str) -> tuple[int, int]:
    year, q = int(code[:4]), int(code[-1])
    return (year, q + 1) if q < 4 else (year + 1, 1)


@pytest.fixture(scope="module")
def newer_data(tmp_path_factory):
    """data/ plus one more first-years year (a copy of the newest) and one more quarter."""
    data = tmp_path_factory.mktemp("newer") / "data"
    shutil.copytree(REPO / "data", data, ignore=shutil.ignore_patterns("raw"))
    first = pd.read_parquet(data / "duo_first_years.parquet")
    latest = int(first["year"].max())
    extra = first[first["year"] == latest].assign(year=latest + 1)
    extra["year"] = extra["year"].astype(first["year"].dtype)
    pd.concat([first, extra], ignore_index=True).to_parquet(data / "duo_first_years.parquet")
    vac = pd.read_parquet(data / "cbs_vacancies.parquet")
    transcribed = pd.read_parquet(data / "vacancies_transcribed.parquet")
    newest = max(vac["period_code"].max(), transcribed["period_code"].max())
    year, quarter = _next_quarter(newest)
    last = vac[vac["period_code"] == vac["period_code"].max()].copy()
    last["period_code"] = f"{year}KW0{quarter}"
    last["year"] = year
    last["quarter"] = quarter
    last["quarter_start"] = pd.Timestamp(year=year, month=3 * quarter - 2, day=1)
    pd.concat([vac, last], ignore_index=True).to_parquet(data / "cbs_vacancies.parquet")
    manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    manifest["snapshot_id"] = "volgende-jaar"
    (data / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return data, latest + 1, (year, quarter)


@pytest.fixture
def on_newer_data(newer_data, monkeypatch, fresh_caches):
    monkeypatch.setattr(config, "DATA_DIR", newer_data[0])
    return newer_data


def _run(page: str, **query) -> AppTest:
    return load(page_path(page), **query)


def _text(at: AppTest) -> str:
    def walk(node):
        yield str(getattr(node, "proto", ""))
        for child in getattr(node, "children", {}).values():
            yield from walk(child)

    return "\n".join(walk(at._tree))


def test_instroom_selector_and_kpi_follow_the_new_year(on_newer_data):
    _, year, _ = on_newer_data
    at = _run("instroom", maat="Eerstejaars")
    assert at.selectbox(key="jaar").value == year
    assert at.metric[0].label.startswith(f"Eerstejaars {year}")


def test_start_page_counts_the_new_year(on_newer_data):
    _, year, _ = on_newer_data
    at = _run("overzicht")
    assert any(m.label.startswith(f"Eerstejaars {year}") for m in at.metric), [
        m.label for m in at.metric
    ]


def test_arbeidsmarkt_and_start_page_show_the_new_quarter(on_newer_data):
    _, _, (year, quarter) = on_newer_data
    label = fmt.quarter(year, quarter)
    assert label in _text(_run("arbeidsmarkt"))
    assert label in _text(_run("overzicht"))


def test_regio_offers_the_new_quarter_and_year(on_newer_data):
    _, year, (vyear, vquarter) = on_newer_data
    at = _run("regio", maat="Eerstejaars", weergave="Vacatures (provincie)")
    assert any(fmt.quarter(vyear, vquarter) in o for o in at.selectbox(key="vacjaar").options)
    at = _run("regio", maat="Eerstejaars")
    assert any(m.label.endswith(str(year)) for m in at.metric), [m.label for m in at.metric]


def test_over_de_data_names_the_new_last_quarter(on_newer_data):
    _, _, (year, quarter) = on_newer_data
    assert f"tot en met het {fmt.quarter(year, quarter)}" in _text(_run("over"))
