"""Query wrappers for the start page (Overzicht)."""

from __future__ import annotations

import pandas as pd

from dashboard.queries import bound


@bound
def overview__survey_headlines(survey_year: int) -> pd.DataFrame: ...


@bound
def overview__forecast_headline(branche: str, occupation: str) -> pd.DataFrame: ...


@bound
def overview__programmes_counted(programmes: tuple[str, ...]) -> pd.DataFrame: ...
