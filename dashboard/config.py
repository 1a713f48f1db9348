"""Paths and the snapshot registry. No Streamlit import."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("DASHBOARD_DATA_DIR", REPO / "data")).resolve()
QUERIES_DIR = REPO / "queries"
VIEWS_DIR = QUERIES_DIR / "views"

# DuckDB table name -> parquet file in DATA_DIR
SNAPSHOTS: dict[str, str] = {
    "duo_enrolled": "duo_enrolled.parquet",
    "duo_first_years": "duo_first_years.parquet",
    "duo_graduates": "duo_graduates.parquet",
    "cbs_vacancies": "cbs_vacancies.parquet",
    "regions_gemeente": "regions_gemeente.parquet",
    "population": "population.parquet",
    "programme_groups": "programme_groups.parquet",
    "period_context": "period_context.parquet",
    "raadpleging": "raadpleging.parquet",
    "start_headlines": "start_headlines.parquet",
    "vh_dashboard": "vh_dashboard.parquet",
    "azw_prognose": "azw_prognose.parquet",
    "kengetallen": "kengetallen.parquet",
    "vacancies_transcribed": "vacancies_transcribed.parquet",
    "azw_sociaal_werk": "azw_sociaal_werk.parquet",
}
# derived tables and macros (queries/views/<name>.sql, created in this order) and what each needs
VIEWS: dict[str, tuple[str, ...]] = {
    "students": (
        "duo_enrolled",
        "duo_first_years",
        "duo_graduates",
        "regions_gemeente",
        "programme_groups",
    ),
    "student_selection": ("students",),  # table macro: the shared DUO selection
    "vacancies_nsa": ("cbs_vacancies", "vacancies_transcribed"),
    "vacancies_sa": ("vacancies_transcribed",),
}
GEO_LEVELS = ("provincie", "arbeidsmarktregio", "gemeente")
