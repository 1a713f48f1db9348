"""The start page's Raadpleging headlines are chosen in data/reference, matched by content."""

from __future__ import annotations

import csv
from functools import cache

import pandas as pd
import pytest

from pipeline import documents
from pipeline.errors import BuildError
from tests.conftest import REPO

REFERENCE = REPO / "data" / "reference" / "start_headlines.csv"


@cache
def _built_survey() -> pd.DataFrame:
    return documents.raadpleging(REPO / "data" / "transcribed" / "raadpleging")[0]


def _survey() -> pd.DataFrame:
    """The survey as the build reads it (read once; each test gets its own copy)."""
    return _built_survey().copy()


def test_each_headline_names_exactly_one_survey_answer():
    df, _ = documents.start_headlines(REFERENCE, _survey())
    with REFERENCE.open(encoding="utf-8", newline="") as fh:
        chosen = list(csv.DictReader(fh))
    assert list(df["label"]) == [h["label"] for h in sorted(chosen, key=lambda h: h["position"])]
    survey = _survey().set_index("figure_id")
    for row in df.itertuples():
        hit = survey.loc[row.figure_id]
        assert hit["value_text"] == row.value_text
        assert hit["ref"] == row.ref


def test_a_headline_that_matches_no_answer_stops_the_build(tmp_path):
    text = REFERENCE.read_text(encoding="utf-8").replace("Figuur 11.2", "Figuur 11.99")
    path = tmp_path / "start_headlines.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BuildError, match="0 rijen"):
        documents.start_headlines(path, _survey())
