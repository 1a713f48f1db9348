"""Every queries/*.sql: documented, parameterised, ordered, wrapped, and runs on the real data."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from dashboard import config, db
from tests.query_samples import SAMPLES

SQL_FILES = sorted(p for p in config.QUERIES_DIR.glob("*.sql"))
WRAPPER_FILES = sorted((config.REPO / "dashboard").glob("queries*.py"))
WRAPPERS = "\n".join(p.read_text(encoding="utf-8") for p in WRAPPER_FILES)


def _header(sql: str) -> str:
    return "\n".join(line for line in sql.splitlines() if line.startswith("--"))


def test_there_are_queries():
    assert len(SQL_FILES) >= 10


@pytest.mark.parametrize("path", SQL_FILES, ids=lambda p: p.stem)
def test_query_file_contract(path: Path):
    sql = path.read_text(encoding="utf-8")
    header = _header(sql)
    for word in ("Purpose:", "Grain:", "Params:", "Columns:", "Source:"):
        assert word in header, f"{path.name}: header lacks {word}"
    used = db.sql_params(sql)
    documented = set(re.findall(r"\$([a-z_]+)", header))
    assert used <= documented, f"{path.name}: undocumented params {used - documented}"
    body = "\n".join(line.split("--", 1)[0] for line in sql.splitlines())
    for bad in ("{", "%s", "format("):
        assert bad not in body, f"{path.name}: string formatting marker {bad!r}"
    assert re.search(r"\border by\b", body), f"{path.name}: no explicit order by"
    assert re.fullmatch(r"[a-z]+(_[a-z]+)*__[a-z_]+", path.stem), path.stem


def _fetched_by_catalog() -> set[str]:
    """Query names dashboard/catalog.py's load() runs by name: fetch("<name>")."""
    tree = ast.parse((config.REPO / "dashboard" / "catalog.py").read_text(encoding="utf-8"))
    return {
        n.args[0].value
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
        and isinstance(n.func, ast.Name)
        and n.func.id == "fetch"
        and n.args
        and isinstance(n.args[0], ast.Constant)
    }


def test_catalog_fetches_only_existing_queries():
    fetched = _fetched_by_catalog()
    assert fetched, "catalog.load runs no query by name"
    assert fetched <= {p.stem for p in SQL_FILES}


@pytest.mark.parametrize("path", SQL_FILES, ids=lambda p: p.stem)
def test_query_is_used_and_has_sample(path: Path):
    tree = ast.parse(WRAPPERS)
    names = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    used = names | _fetched_by_catalog()
    assert path.stem in used, (
        f"{path.stem}: no wrapper in dashboard/queries*.py, not in catalog.load"
    )
    assert path.stem in SAMPLES, f"no sample params for {path.stem} in tests/query_samples.py"
    assert set(SAMPLES[path.stem]) == db.sql_params(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_query_runs_on_real_data(database, name):
    df = db.execute(database, name, SAMPLES[name])
    assert len(df) > 0, f"{name} returned no rows for its sample params"


def test_execute_rejects_wrong_params(database):
    with pytest.raises(ValueError, match="parameters"):
        db.execute(database, "vacancies__yearly_by_sector", {"region_code": "NL01"})


def test_execute_rejects_unknown_query(database):
    with pytest.raises(KeyError):
        db.execute(database, "../etc/passwd", {})


def test_pages_do_not_touch_sql():
    pages = list((config.REPO / "pages").rglob("*.py"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "duckdb" not in text, page.name
        assert "execute(" not in text, page.name
