"""One typed, cached function per queries/*.sql file (same name as the file stem).

Most are ``@bound`` stubs: the typed signature is the $params; ``bound`` binds and coerces them.
Every cached function takes the snapshot id, so a data refresh invalidates the cache without a ttl.
Lists travel as tuples (hashable) and are bound to DuckDB as lists.
"""

from __future__ import annotations

import functools
import inspect
import threading
import time
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import config, db

S_SNAPSHOT = "_snapshot_token"
CHECK_EVERY_S = 2.0  # how often a process looks at data/manifest.json for a new snapshot
_seen = {"at": 0.0, "token": ""}
_seen_lock = threading.Lock()


def _manifest_token() -> str:
    """Which snapshot is on disk: manifest.json's mtime and size, looked at every few seconds.

    A refresh swaps the manifest in last (atomic rename), so a new token means a complete new
    snapshot; every running process (and every replica) picks it up without a restart.
    """
    now = time.monotonic()
    with _seen_lock:
        stale = now - _seen["at"] >= CHECK_EVERY_S
        if stale or not _seen["token"].startswith(f"{config.DATA_DIR}:"):
            try:
                st_ = (config.DATA_DIR / "manifest.json").stat()
                _seen["token"] = f"{config.DATA_DIR}:{st_.st_mtime_ns}:{st_.st_size}"
            except OSError:
                _seen["token"] = f"{config.DATA_DIR}:missing"
            _seen["at"] = now
        return _seen["token"]


def pin_snapshot() -> None:
    """Called by app.py at the start of every script run: the whole run uses one snapshot.

    A session mid-run finishes on the snapshot it started with; the next run sees the newest.
    """
    st.session_state[S_SNAPSHOT] = _manifest_token()


@st.cache_resource(show_spinner=False, max_entries=3, on_release=lambda d: d.close())
def _database(token: str) -> db.Database:
    return db.connect()


def snapshot_token() -> str:
    """The manifest this run reads (path, mtime, size; pinned per run): a new one with every
    build, also one that changes only the manifest's texts (bron, licentie, peildatum)."""
    try:
        return st.session_state.get(S_SNAPSHOT) or _manifest_token()
    except Exception:  # outside a script run (a bare import): the newest snapshot
        return _manifest_token()


def database() -> db.Database:
    return _database(snapshot_token())


def snapshot_id() -> str:
    return database().snapshot_id


@st.cache_data(max_entries=512, show_spinner=False)
def _cached(name: str, snapshot: str, params: tuple) -> pd.DataFrame:
    bound = {k: list(v) if isinstance(v, tuple) else v for k, v in params}
    return db.execute(database(), name, bound)


def run(name: str, **params: object) -> pd.DataFrame:
    """Run queries/<name>.sql through the cache (keys: name, snapshot id, params)."""
    return _cached(name, snapshot_id(), tuple(sorted(params.items())))


P = typing.ParamSpec("P")


def _coerce(hint: object, value: object) -> object:
    """A bound value as its annotation says: int(...), str(...) or a tuple; None stays None."""
    if value is None:
        return None
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    if hint is int or hint is str:
        return hint(value)
    if typing.get_origin(hint) is tuple:
        return tuple(value)
    return value


def bound(stub: Callable[P, pd.DataFrame]) -> Callable[P, pd.DataFrame]:
    """The cached wrapper of queries/<stub name>.sql: the stub's parameters are its $params.

    The stub only declares the typed signature (its body is never run); each argument is bound
    under its own name, coerced to its annotation (tuples stay hashable for the cache).
    """
    signature = inspect.signature(stub)
    hints = typing.get_type_hints(stub)

    @functools.wraps(stub)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> pd.DataFrame:
        call = signature.bind(*args, **kwargs)
        call.apply_defaults()
        params = {k: _coerce(hints.get(k), v) for k, v in call.arguments.items()}
        return run(stub.__name__, **params)

    return wrapper


@dataclass(frozen=True)
class StudentSelection:
    """Which DUO cells to count. ``None`` for modes/genders/institution/region means all."""

    measure: str = "enrolled"
    programmes: tuple[str, ...] = ()
    study_modes: tuple[str, ...] | None = None
    genders: tuple[str, ...] | None = None
    institution: str | None = None
    region_code: str | None = None

    @property
    def breakdowns(self) -> tuple[str, ...]:
        """The DUO tables that can answer this selection.

        The newer DUO files publish programme, gender and study mode in separate tables; only the
        old files (and the enrolled JSON) cross them. With a gender or mode filter only
        those answer.
        """
        detailed = self.study_modes is not None or self.genders is not None
        if self.measure == "enrolled":
            return ("volledig",) if detailed else ("opleiding",)
        return ("volledig",) if detailed else ("volledig", "opleiding")

    def params(self, with_region: bool = True) -> dict[str, object]:
        """Bind values for the students__* queries."""
        p: dict[str, object] = {
            "measure": self.measure,
            "breakdowns": self.breakdowns,
            "programmes": tuple(self.programmes),
            "study_modes": self.study_modes,
            "genders": self.genders,
            "institution": self.institution,
        }
        if with_region:
            p["region_code"] = self.region_code
        return p


def students__yearly(sel: StudentSelection) -> pd.DataFrame:
    return run("students__yearly", **sel.params())


def students__yearly_by_category(sel: StudentSelection, dimension: str) -> pd.DataFrame:
    params = sel.params()
    if dimension in ("study_mode", "gender"):
        params["breakdowns"] = ("volledig",)  # only the cross-tabulated tables carry these
    return run("students__yearly_by_category", dimension=dimension, **params)


def students__by_region(
    sel: StudentSelection, level: str, year: int, base_year: int
) -> pd.DataFrame:
    return run(
        "students__by_region",
        level=level,
        year=int(year),
        base_year=int(base_year),
        **sel.params(with_region=False),
    )


@bound
def options__programmes() -> pd.DataFrame: ...


@bound
def options__institutions() -> pd.DataFrame: ...


@bound
def options__regions() -> pd.DataFrame: ...


@bound
def options__sbi() -> pd.DataFrame: ...


@bound
def options__periods() -> pd.DataFrame: ...


@bound
def vacancies__by_region(
    sbi_code: str, level: str, year: int, quarter: int | None, base_year: int | None = None
) -> pd.DataFrame: ...


@bound
def vh__indicators() -> pd.DataFrame: ...
