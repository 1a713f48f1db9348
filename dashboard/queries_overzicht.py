"""Query wrappers for the start page (Overzicht)."""

from __future__ import annotations

import pandas as pd

from dashboard.queries import run


def overview__survey_headlines(survey_year: int) -> pd.DataFrame:
    return run("overview__survey_headlines", survey_year=int(survey_year))


def overview__forecast_headline(branche: str, occupation: str) -> pd.DataFrame:
    return run("overview__forecast_headline", branche=branche, occupation=occupation)


def overview__programmes_counted(programmes: tuple[str, ...]) -> pd.DataFrame:
    return run("overview__programmes_counted", programmes=tuple(programmes))
