"""The catalog facts the Instroom page reads, recounted from the raw DUO files (csv/json)."""

from __future__ import annotations

import csv
import json

import pytest

from dashboard import catalog, config, db
from tests.conftest import RAW

OLD = RAW / "duo_eerstejaars_gediplomeerden_hbo"
NEW = RAW / "duo_hbo_2020plus"


def _year_columns(path) -> list[int]:
    with path.open(encoding="utf-8") as fh:
        header = next(csv.reader(fh, delimiter=";"))
    return sorted(int(c) for c in header if c.isdigit())


def _new_years(name: str, column: str) -> list[int]:
    with (NEW / name).open(encoding="utf-8") as fh:
        return sorted({int(r[column]) for r in csv.DictReader(fh)})


def _json_years() -> list[int]:
    rows = json.loads(
        (RAW / "duo_ingeschrevenen_hbo" / "duo_ingeschrevenhbo_2024.json").read_text("utf-8")
    )
    return sorted(int(k) for k in rows[0] if k.isdigit())


@pytest.fixture(scope="module")
def cat(database) -> catalog.Catalog:
    return catalog.load(
        lambda name: db.execute(database, name, {}), database.available, config.DATA_DIR
    )


def test_cross_tabulated_years_are_the_old_files_and_the_enrolled_json(cat):
    """Only these files cross programme, study mode and gender in one table."""
    first = _year_columns(OLD / "hbo_inscriptions_2019.csv")
    grad = _year_columns(OLD / "hbo_gediplomeerden_2019.csv")
    enrolled = _json_years()
    assert cat.measure("first_years").cross_tabulated == (first[0], first[-1])
    assert cat.measure("graduates").cross_tabulated == (grad[0], grad[-1])
    assert cat.measure("enrolled").cross_tabulated == (enrolled[0], enrolled[-1])


def test_years_and_break_of_first_years_follow_the_files(cat):
    old = _year_columns(OLD / "hbo_inscriptions_2019.csv")
    new = _new_years("eerstejaarsingeschrevenenhbo.csv", "STUDIEJAAR")
    m = cat.measure("first_years")
    assert m.years == old + new
    assert m.breaks == [new[0]]
    assert m.latest_year == new[-1]
    assert m.same_definition_years(new[-1]) == new
