"""Typed, cached wrappers for the Arbeidsmarkt queries (one per queries/*.sql, same name).

Built on dashboard.queries.run (cache keyed by query name, snapshot id and parameters).
"""

from __future__ import annotations

import pandas as pd

from dashboard import queries
from dashboard.queries import bound
from dashboard.queries_catalog import catalog


@bound
def vacancies__period_context() -> pd.DataFrame: ...


def period_note(period_code: str, latest: bool = True) -> str:
    """'laatste kwartaal in dit bestand; begin coronacrisis' (context from the reference file)."""
    parts = ["laatste kwartaal in dit bestand"] if latest else []
    context = vacancies__period_context()
    match = context.loc[context["period_code"] == period_code, "context"]
    if not match.empty:
        parts.append(str(match.iloc[0]))
    return "; ".join(parts)


def peildatum() -> str:
    """'einde kwartaal; vanaf <first provisional year> voorlopig' (year from the catalog)."""
    first = catalog().first_provisional_year
    return "einde kwartaal" + (f"; vanaf {first} voorlopig" if first else "")


def provisional_note() -> str:
    first = catalog().first_provisional_year
    since = f" (vanaf {first})" if first else ""
    return f"Stippellijn en driehoek = voorlopig cijfer{since}."


def sector_labels() -> dict[str, str]:
    """SBI code -> 'Q Gezondheids- en welzijnszorg'."""
    sbi = queries.options__sbi()
    return {r.sbi_code: f"{r.sbi_letter} {r.sbi_name}" for r in sbi.itertuples()}


def region_labels() -> dict[str, str]:
    regions = vacancies__regions()
    return dict(zip(regions["region_code"], regions["region_name"], strict=True))


@bound
def vacancies__regions() -> pd.DataFrame: ...


@bound
def vacancies__yearly_by_sector(region_code: str, sbi_codes: tuple[str, ...]) -> pd.DataFrame: ...


@bound
def vacancies__region_ranking(
    sbi_code: str, level: str, year: int, quarter: int | None
) -> pd.DataFrame: ...


@bound
def forecast__shortages() -> pd.DataFrame: ...


@bound
def forecast__notes() -> pd.DataFrame: ...


@bound
def forecast__growth_per_year() -> pd.DataFrame: ...


@bound
def kengetallen__by_theme(themes: tuple[str, ...]) -> pd.DataFrame: ...


@bound
def survey__retention_signals(chapter: int, refs: tuple[str, ...]) -> pd.DataFrame: ...


@bound
def vacancies__population_years() -> pd.DataFrame: ...


@bound
def vacancies__nsa_series(region_code: str, sbi_codes: tuple[str, ...]) -> pd.DataFrame: ...


@bound
def vacancies__quarterly_nsa(region_code: str, sbi_codes: tuple[str, ...]) -> pd.DataFrame: ...


@bound
def vacancies__seasonally_adjusted(sbi_codes: tuple[str, ...]) -> pd.DataFrame: ...


@bound
def vacancies__bases_compared(sbi_codes: tuple[str, ...]) -> pd.DataFrame: ...


@bound
def sociaal_werk__vacaturegraad() -> pd.DataFrame: ...


@bound
def forecast__editions() -> pd.DataFrame: ...


@bound
def supply__programme_levels(measure: str, programmes: tuple[str, ...]) -> pd.DataFrame: ...


@bound
def supply__part_time_share(programmes: tuple[str, ...]) -> pd.DataFrame: ...
