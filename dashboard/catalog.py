"""What the data holds: measures, years per definition, breaks, periods, rounds. No Streamlit.

Pages never type a year: which years, definitions, quarters, survey rounds and population years
exist is read here from the snapshots (via queries/catalog__*.sql) and data/reference/.
After a refresh with a new year, every page follows without a code change.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

Fetch = Callable[[str], pd.DataFrame]  # query name -> result (queries/<name>.sql, no params)


@dataclass(frozen=True)
class Definition:
    text: str
    first_year: int
    last_year: int


@dataclass(frozen=True)
class Measure:
    key: str  # enrolled | first_years | graduates
    label: str  # Ingeschreven …
    snapshot: str
    peildatum: str
    what: str
    unit_label: str
    break_label: str
    definitions: tuple[Definition, ...]  # oldest first
    # first and last year published programme × study mode × gender in one table (None: never);
    # only these years can answer a study-mode or gender filter
    cross_tabulated: tuple[int, int] | None = None

    @property
    def years(self) -> list[int]:
        return [y for d in self.definitions for y in range(d.first_year, d.last_year + 1)]

    @property
    def first_year(self) -> int:
        return self.definitions[0].first_year

    @property
    def latest_year(self) -> int:
        return self.definitions[-1].last_year

    @property
    def newest(self) -> Definition:
        return self.definitions[-1]

    def definition_of(self, year: int) -> Definition | None:
        return next((d for d in self.definitions if d.first_year <= year <= d.last_year), None)

    def same_definition_years(self, year: int) -> list[int]:
        d = self.definition_of(year)
        return [] if d is None else list(range(d.first_year, d.last_year + 1))

    @property
    def breaks(self) -> list[int]:
        """First year of each later definition: the line breaks there."""
        return [d.first_year for d in self.definitions[1:]]

    def definition_text(self) -> str:
        """'eerstejaars: t/m <last year> <old definition>; vanaf <first year> <new> – breuk'."""
        if len(self.definitions) == 1:
            return f"{self.what} ({self.definitions[0].text})"
        parts = []
        for i, d in enumerate(self.definitions):
            when = f"t/m {d.last_year}" if i == 0 else f"vanaf {d.first_year}"
            parts.append(f"{when} {d.text}")
        return f"{self.what}: " + "; ".join(parts) + " – breuk in de reeks"


@dataclass(frozen=True)
class Quarter:
    year: int
    quarter: int
    from_publication: bool
    provisional: bool = False

    @property
    def code(self) -> str:
        return f"{self.year}KW0{self.quarter}"


@dataclass(frozen=True)
class Catalog:
    measures: dict[str, Measure]
    quarters: tuple[Quarter, ...]  # NL, SBI Q, not seasonally adjusted, oldest first
    survey_rounds: tuple[int, ...]  # oldest first
    respondents: dict[int, int]
    population_years: tuple[int, int]  # first, last

    def measure(self, key: str) -> Measure:
        return self.measures[key]

    @property
    def complete_vacancy_years(self) -> list[int]:
        counts: dict[int, int] = {}
        for q in self.quarters:
            counts[q.year] = counts.get(q.year, 0) + 1
        return [y for y, n in sorted(counts.items()) if n == 4]

    def quarters_in(self, year: int) -> int:
        return sum(1 for q in self.quarters if q.year == year)

    @property
    def latest_quarter(self) -> Quarter | None:
        return self.quarters[-1] if self.quarters else None

    @property
    def latest_statline_quarter(self) -> Quarter | None:
        return next((q for q in reversed(self.quarters) if not q.from_publication), None)

    @property
    def first_provisional_year(self) -> int | None:
        """First year of StatLine quarters that CBS still marks provisional ('voorlopig')."""
        return next(
            (q.year for q in self.quarters if q.provisional and not q.from_publication), None
        )

    @property
    def current_round(self) -> int | None:
        return self.survey_rounds[-1] if self.survey_rounds else None

    @property
    def previous_round(self) -> int | None:
        return self.survey_rounds[-2] if len(self.survey_rounds) > 1 else None


def _reference_measures(data_dir: Path) -> list[dict[str, str]]:
    with (data_dir / "reference" / "measures.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load(fetch: Fetch, available: Callable[..., bool], data_dir: Path) -> Catalog:
    """Build the catalog from the loaded snapshots; a missing snapshot gives an empty part."""
    measures: dict[str, Measure] = {}
    if available("students"):
        spans = fetch("catalog__measure_years")
        crossed = {
            str(r.measure): (int(r.first_year), int(r.last_year))
            for r in fetch("catalog__cross_tabulated_years").itertuples()
        }
        for ref in _reference_measures(data_dir):
            rows = spans[spans["measure"] == ref["measure"]].sort_values("first_year")
            defs = tuple(
                Definition(str(r.definition), int(r.first_year), int(r.last_year))
                for r in rows.itertuples()
            )
            if defs:
                measures[ref["measure"]] = Measure(
                    key=ref["measure"],
                    label=ref["label"],
                    snapshot=ref["snapshot"],
                    peildatum=ref["peildatum"],
                    what=ref["what"],
                    unit_label=ref["unit_label"],
                    break_label=ref["break_label"],
                    definitions=defs,
                    cross_tabulated=crossed.get(ref["measure"]),
                )
    quarters: tuple[Quarter, ...] = ()
    if available("vacancies_nsa"):
        quarters = tuple(
            Quarter(
                int(r.year), int(r.quarter), bool(r.is_from_publication), bool(r.is_provisional)
            )
            for r in fetch("catalog__vacancy_periods").itertuples()
        )
    rounds: tuple[int, ...] = ()
    respondents: dict[int, int] = {}
    if available("raadpleging"):
        survey = fetch("catalog__survey_rounds")
        rounds = tuple(int(y) for y in survey["survey_year"])
        respondents = {
            int(r.survey_year): int(r.respondents)
            for r in survey.itertuples()
            if not pd.isna(r.respondents)
        }
    pop = (0, 0)
    if available("population"):
        p = fetch("vacancies__population_years").iloc[0]
        pop = (int(p["first_year"]), int(p["last_year"]))
    return Catalog(measures, quarters, rounds, respondents, pop)
