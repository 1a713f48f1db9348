"""A missing or corrupt snapshot: the affected pages say so in Dutch, the others keep working."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import config
from dashboard.navigation import PAGES, page_path
from tests.conftest import REPO


@pytest.fixture
def broken_data(tmp_path, monkeypatch, fresh_caches):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data, ignore=shutil.ignore_patterns("raw", "transcribed"))
    (data / "cbs_vacancies.parquet").unlink()  # missing
    (data / "raadpleging.parquet").write_bytes(b"PAR1 this is not parquet")  # corrupt
    monkeypatch.setattr(config, "DATA_DIR", data)
    return data


@pytest.mark.parametrize("spec", PAGES, ids=lambda p: p.url_path or "overzicht")
def test_pages_survive_missing_and_corrupt_snapshots(broken_data, spec):
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.switch_page(spec.path).run()  # a fresh session on this link (tests/apptest.py)
    assert not at.exception, [e.value for e in at.exception]
    warnings = " ".join(w.value for w in at.warning)
    if spec.url_path in ("arbeidsmarkt", "raadpleging"):
        assert "niet beschikbaar" in warnings, warnings
    if spec.url_path == "instroom":
        assert at.metric, "Instroom should still show its figures"
        assert "niet beschikbaar" not in warnings


def test_over_de_data_names_the_broken_files(broken_data):
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.switch_page(page_path("over")).run()
    text = " ".join(w.value for w in at.warning)
    assert "cbs_vacancies.parquet ontbreekt" in text
    assert "raadpleging.parquet is beschadigd" in text
