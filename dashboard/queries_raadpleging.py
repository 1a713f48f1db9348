"""Typed, cached wrappers for the queries/survey__*.sql files (Grote Raadpleging Sociaal Werk).

The two survey rounds are never typed: the wrappers bind the catalog's current and previous
round (``catalog().current_round`` / ``.previous_round``) as $current_round / $previous_round.
"""

from __future__ import annotations

import pandas as pd

from dashboard.queries import bound, run
from dashboard.queries_catalog import catalog


def _rounds() -> dict[str, int | None]:
    cat = catalog()
    return {"current_round": cat.current_round, "previous_round": cat.previous_round}


def survey__chapters() -> pd.DataFrame:
    return run("survey__chapters", previous_round=_rounds()["previous_round"])


@bound
def survey__questions(chapter: int) -> pd.DataFrame: ...


@bound
def survey__question_figures(chapter: int, question: str) -> pd.DataFrame: ...


def survey__key_figures() -> pd.DataFrame:
    return run("survey__key_figures", current_round=_rounds()["current_round"])


def survey__comparison(chapter: int | None = None) -> pd.DataFrame:
    """The pairs of both rounds; ``chapter`` None = every chapter."""
    return run("survey__comparison", chapter=None if chapter is None else int(chapter), **_rounds())


def survey__response() -> pd.DataFrame:
    return run("survey__response", **_rounds())


@bound
def survey__search(term: str | None) -> pd.DataFrame:
    """Matches for ``term``; the text reaches DuckDB only as the bound parameter $term."""
