"""Typed, cached wrappers for the queries/survey__*.sql files (Grote Raadpleging Sociaal Werk)."""

from __future__ import annotations

import pandas as pd

from dashboard.queries import run


def survey__chapters() -> pd.DataFrame:
    return run("survey__chapters")


def survey__questions(chapter: int) -> pd.DataFrame:
    return run("survey__questions", chapter=int(chapter))


def survey__question_figures(chapter: int, question: str) -> pd.DataFrame:
    return run("survey__question_figures", chapter=int(chapter), question=str(question))


def survey__key_figures() -> pd.DataFrame:
    return run("survey__key_figures")


def survey__comparison() -> pd.DataFrame:
    return run("survey__comparison")


def survey__response() -> pd.DataFrame:
    return run("survey__response")


def survey__search(term: str | None) -> pd.DataFrame:
    """Matches for ``term``; the text reaches DuckDB only as the bound parameter $term."""
    return run("survey__search", term=None if term is None else str(term))
