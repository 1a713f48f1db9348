"""The bound query wrappers: a typed stub -> queries/<stub name>.sql with its arguments as $params.

Every wrapper's parameters are the $params of its SQL file (so a typo in a stub cannot bind the
wrong name), and a call binds each argument under its own name, coerced to its annotation.
"""

from __future__ import annotations

import inspect

import numpy as np
import pandas as pd
import pytest

from dashboard import config, db, queries, queries_arbeidsmarkt, queries_regio
from tests.query_samples import SAMPLES

MODULES = ("queries", "queries_arbeidsmarkt", "queries_catalog", "queries_overzicht")
MODULES += ("queries_raadpleging", "queries_regio")


def _bound_wrappers() -> dict[str, object]:
    import importlib

    found = {}
    for module in MODULES:
        mod = importlib.import_module(f"dashboard.{module}")
        for name, fn in vars(mod).items():
            if "__" in name and callable(fn) and hasattr(fn, "__wrapped__"):
                found[name] = fn
    return found


# wrappers that build their $params from a StudentSelection or a survey round by hand
HAND_WRITTEN = {"students__yearly", "students__yearly_by_category", "students__by_region"}
HAND_WRITTEN |= {"regions__students_yearly", "survey__chapters", "survey__key_figures"}
HAND_WRITTEN |= {"survey__comparison", "survey__response"}


def test_wrappers_are_bound_stubs_unless_hand_written():
    # the boilerplate lives once, in queries.bound: only selection/round wrappers stay hand-written
    import importlib

    stems = {p.stem for p in config.QUERIES_DIR.glob("*.sql")}
    for module in MODULES:
        for name, fn in vars(importlib.import_module(f"dashboard.{module}")).items():
            if name in stems and name not in HAND_WRITTEN:
                assert hasattr(fn, "__wrapped__"), f"{module}.{name} is not a @bound stub"
    assert stems >= HAND_WRITTEN


@pytest.mark.parametrize("name", sorted(_bound_wrappers()))
def test_stub_parameters_are_the_sql_params(name):
    fn = _bound_wrappers()[name]
    params = set(inspect.signature(fn).parameters)
    assert params == db.sql_params(db.query_sql(name)), name


def test_coerce_follows_the_annotation():
    assert queries._coerce(int, np.int64(2024)) == 2024
    assert type(queries._coerce(int, np.int64(2024))) is int
    assert queries._coerce(int | None, None) is None
    assert type(queries._coerce(int | None, "3")) is int
    assert queries._coerce(tuple[str, ...], ["a", "b"]) == ("a", "b")
    assert queries._coerce(str, "PV25") == "PV25"


def test_bound_call_runs_its_own_query_with_its_own_params(monkeypatch, database):
    seen = []

    def fake_run(name, **params):
        seen.append((name, params))
        return db.execute(
            database, name, {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()}
        )

    monkeypatch.setattr(queries, "run", fake_run)
    sample = SAMPLES["vacancies__region_ranking"]
    got = queries_arbeidsmarkt.vacancies__region_ranking(
        sample["sbi_code"], sample["level"], np.int64(sample["year"]), quarter=sample["quarter"]
    )
    assert seen == [("vacancies__region_ranking", {**sample, "year": sample["year"]})]
    pd.testing.assert_frame_equal(got, db.execute(database, "vacancies__region_ranking", sample))
    seen.clear()
    sample = SAMPLES["regions__vacancies_quarterly"]
    queries_regio.regions__vacancies_quarterly(
        sample["sbi_code"], sample["region_code"], list(sample["peer_codes"]), sample["base_year"]
    )
    assert seen == [
        ("regions__vacancies_quarterly", {**sample, "peer_codes": tuple(sample["peer_codes"])})
    ]
