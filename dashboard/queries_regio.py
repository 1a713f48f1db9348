"""Typed, cached wrappers for the Regio queries (one per queries/*.sql file, same name)."""

from __future__ import annotations

import pandas as pd

from dashboard.queries import StudentSelection, bound, run


@bound
def peers__by_population(level: str, region_code: str, peer_count: int) -> pd.DataFrame: ...


def regions__students_yearly(
    sel: StudentSelection, level: str, region_code: str, peer_codes: tuple[str, ...], base_year: int
) -> pd.DataFrame:
    params = sel.params(with_region=False)
    return run(
        "regions__students_yearly",
        level=level,
        region_code=region_code,
        peer_codes=tuple(peer_codes),
        base_year=int(base_year),
        **params,
    )


@bound
def regions__vacancies_quarterly(
    sbi_code: str, region_code: str, peer_codes: tuple[str, ...], base_year: int
) -> pd.DataFrame: ...


@bound
def options__province_periods(sbi_code: str) -> pd.DataFrame: ...
