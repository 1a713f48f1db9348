"""One column-label map for every table and download: query column -> Dutch column name."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

COLUMNS: dict[str, str] = {
    "year": "jaar",
    "quarter": "kwartaal",
    "period_code": "periode",
    "definition": "definitie",
    "series": "reeks_code",
    "reeks": "reeks",
    "region_code": "code",
    "region_name": "regio",
    "programme_group": "opleidingsgroep",
    "programme_name": "opleiding",
    "category": "categorie",
    "student_count": "aantal",
    "suppressed_cells": "cellen_lt5",
    "is_suppressed_only": "alleen_lt5",
    "waarde_tekst": "waarde_tekst",
    "aantal_tekst": "waarde_tekst",
    "nl_student_count": "aantal_nl",
    "share_of_nl_pct": "aandeel_nl_pct",
    "change_count": "verandering",
    "change_pct": "verandering_pct",
    "population": "inwoners",
    "is_population_estimate": "inwoners_geschat",
    "per_1000": "per_1000_inwoners",
    "base_count": "aantal_basisjaar",
    "index_value": "index",
    "rank_desc": "rang",
    "vacancy_count": "vacatures",
    "mean_vacancy_count": "vacatures_gemiddeld",
    "quarters": "kwartalen",
    "is_provisional": "voorlopig",
    "source_kind": "bron_soort",
    "publisher": "uitgever",
    "url": "url",
    "quote": "citaat",
    "occupation": "beroep",
    "value": "waarde",
    "value_text": "tekst_in_bron",
    "unit": "eenheid",
    "line": "regel",
    "document": "document",
    "note": "toelichting",
    "answer": "antwoord",
    "survey_year": "jaar_raadpleging",
    "n": "n",
}


def table(df: pd.DataFrame, columns: Iterable[str] | None = None, extra: Mapping | None = None):
    """The columns to show (all when None), renamed with COLUMNS (``extra`` overrides)."""
    names = {**COLUMNS, **(extra or {})}
    out = df if columns is None else df[[c for c in columns if c in df.columns]]
    return out.rename(columns={c: names[c] for c in out.columns if c in names})
