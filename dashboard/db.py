"""DuckDB access: one in-memory database per process, a cursor per query. No Streamlit import."""

from __future__ import annotations

import json
import logging
import re
import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from dashboard import config, logs

_PARAM = re.compile(r"(?<![\w$])\$([a-z_][a-z0-9_]*)")


@dataclass
class Database:
    """The loaded snapshots. ``problems`` maps a table to a Dutch reason it is unavailable."""

    con: duckdb.DuckDBPyConnection
    manifest: dict
    problems: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def snapshot_id(self) -> str:
        return str(self.manifest.get("snapshot_id", "onbekend"))

    def available(self, *tables: str) -> bool:
        return not any(t in self.problems for t in tables)

    def close(self) -> None:
        self.con.close()


def read_manifest(data_dir: Path) -> tuple[dict, str | None]:
    path = data_dir / "manifest.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(manifest, dict) or "snapshots" not in manifest:
            raise ValueError("geen 'snapshots'")
    except FileNotFoundError:
        return {"snapshots": {}}, "manifest.json ontbreekt"
    except (OSError, ValueError) as exc:
        return {"snapshots": {}}, f"manifest.json is onleesbaar ({type(exc).__name__})"
    return manifest, None


def connect(data_dir: Path | None = None, snapshots: dict[str, str] | None = None) -> Database:
    """Load every snapshot into an in-memory DuckDB; a missing or corrupt file is recorded."""
    data_dir = data_dir or config.DATA_DIR
    snapshots = snapshots if snapshots is not None else config.SNAPSHOTS
    con = duckdb.connect(":memory:", config={"threads": 1})
    manifest, problem = read_manifest(data_dir)
    db = Database(con=con, manifest=manifest)
    if problem:
        db.problems["manifest"] = problem
    for table, filename in snapshots.items():
        path = data_dir / filename
        if not path.exists():
            db.problems[table] = f"het bestand {filename} ontbreekt"
            continue
        try:
            con.read_parquet(str(path)).to_table(table)
        except duckdb.Error as exc:
            db.problems[table] = f"het bestand {filename} is beschadigd ({type(exc).__name__})"
    for view, needs in config.VIEWS.items():
        missing = [t for t in needs if t in db.problems]
        if missing:
            db.problems[view] = db.problems[missing[0]]
            continue
        con.execute(view_sql(view))
    for table, reason in db.problems.items():
        logs.event(
            logging.ERROR,
            "snapshot_unavailable",
            table=table,
            reason=reason,
            snapshot_id=db.snapshot_id,
        )
    logs.event(
        logging.INFO,
        "database_loaded",
        snapshot_id=db.snapshot_id,
        tables=len(snapshots) - len(db.problems),
    )
    return db


@cache
def view_sql(name: str) -> str:
    return (config.VIEWS_DIR / f"{name}.sql").read_text(encoding="utf-8")


@cache
def query_sql(name: str) -> str:
    path = config.QUERIES_DIR / f"{name}.sql"
    if not re.fullmatch(r"[a-z_]+", name) or not path.is_file():
        raise KeyError(f"onbekende query {name!r}")
    return path.read_text(encoding="utf-8")


def sql_params(sql: str) -> set[str]:
    """Named $parameters used in the statement (comments stripped)."""
    body = "\n".join(line.split("--", 1)[0] for line in sql.splitlines())
    return set(_PARAM.findall(body))


def execute(db: Database, name: str, params: dict | None = None) -> pd.DataFrame:
    """Run queries/<name>.sql with bound parameters on a fresh cursor."""
    sql = query_sql(name)
    params = dict(params or {})
    expected = sql_params(sql)
    if set(params) != expected:
        raise ValueError(f"{name}: parameters {sorted(params)} != {sorted(expected)}")
    cur = db.con.cursor()
    try:
        return cur.execute(sql, params).df()
    finally:
        cur.close()
