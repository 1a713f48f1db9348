"""After a refresh with next vintages, the pages offer and show the new periods (AppTest)."""

from __future__ import annotations

import json
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import config, fmt
from dashboard.navigation import page_path
from pipeline import build, refresh
from tests.apptest import load
from tests.conftest import RAW, REPO
from tests.unit.test_refresh_vintages import _cbs_records, next_duo_vintage

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory):
    root = tmp_path_factory.mktemp("refreshed")
    data = root / "data"
    shutil.copytree(RAW, data / "raw")
    shutil.copytree(REPO / "data" / "transcribed", data / "transcribed")
    shutil.copytree(REPO / "data" / "reference", data / "reference")
    build.build(data / "raw", data)
    duo_file, new_year, _ = next_duo_vintage(root)
    assert refresh.main([str(duo_file), "--raw", str(data / "raw"), "--out", str(data)]) == 0
    records = _cbs_records()
    last = max(r["Perioden"] for r in records)
    year, q = int(last[:4]), int(last[-1])
    nxt = (year, q + 1) if q < 4 else (year + 1, 1)
    later = [{**r, "Perioden": f"{nxt[0]}KW0{nxt[1]}"} for r in records if r["Perioden"] == last]
    export = root / "83599NED.json"
    export.write_text(json.dumps({"value": records + later}), encoding="utf-8")
    assert refresh.main([str(export), "--raw", str(data / "raw"), "--out", str(data)]) == 0
    return data, new_year, nxt


@pytest.fixture
def on_refreshed(refreshed, monkeypatch, fresh_caches):
    monkeypatch.setattr(config, "DATA_DIR", refreshed[0])
    return refreshed


def _run(page: str, **query) -> AppTest:
    return load(page_path(page), **query)


def test_instroom_offers_and_shows_the_new_year(on_refreshed):
    _, year, _ = on_refreshed
    at = _run("instroom", maat="Eerstejaars")
    assert at.selectbox(key="jaar").value == year
    assert at.metric[0].label.startswith(f"Eerstejaars {year}")


def test_start_page_shows_the_new_year(on_refreshed):
    _, year, _ = on_refreshed
    labels = [m.label for m in _run("overzicht").metric]
    assert any(label.startswith(f"Eerstejaars {year}") for label in labels), labels


def test_over_de_data_lists_the_vintages_and_the_new_statline_quarter(on_refreshed):
    _, _, (year, quarter) = on_refreshed
    at = _run("over")
    tables = [df.value for df in at.dataframe]
    vintages = next(t for t in tables if "Levert perioden" in t.columns)
    assert (vintages["Toegevoegd"] != "oorspronkelijk bestand").sum() == 2
    assert any(f"tot en met het {fmt.quarter(year, quarter)}" in m.value for m in at.markdown)
