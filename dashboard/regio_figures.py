"""Regio's view without Streamlit calls: the gemeente, the compared region and its peer group.

The Regio page (pages/regio) and the factsheet (dashboard/factsheet.py) both build their figures
from this view (student trend: regio_trend.py, map: regio_map.py, vacancies:
regio_vacancies.py), so a figure on paper is always the figure on screen: same query, same
chart function, same text. Every function returns data or Dutch sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from dashboard import charts_regio, fmt, queries, queries_regio

LEVELS = {
    "gemeente": "Gemeente",
    "arbeidsmarktregio": "Arbeidsmarktregio",
    "provincie": "Provincie",
}
VALUES = {"count": "Aantal", "per_1000": "Per 1.000 inwoners", "index": "Index (basisjaar = 100)"}
FIELDS = {"count": "student_count", "per_1000": "per_1000", "index": "index_value"}
DEFAULT_PEERS = 5
# how data text enters a sentence: ui.plain on a page, str on paper
Escape = Callable[[object], str]


@dataclass(frozen=True)
class View:
    """Everything the tabs need: the gemeente, the chosen level and values, the peer group."""

    row: pd.Series  # the gemeente with its provincie and arbeidsmarktregio
    level: str
    measure: str
    mode: str
    base: int  # index base year (first year of the newest definition by default)
    code: str  # the compared region (of ``level``)
    name: str
    peers: pd.DataFrame  # region_code, region_name
    peer_count: int
    programmes: tuple[str, ...]
    picked: tuple[str, ...] = ()  # the user's own peer list (empty: closest in population)

    @property
    def selection(self) -> queries.StudentSelection:
        return queries.StudentSelection(measure=self.measure, programmes=self.programmes)


def division() -> str:
    """The gemeente division of the dashboard ('1 januari …'), from the snapshot manifest."""
    entry = queries.database().manifest.get("snapshots", {}).get("regions_gemeente", {})
    return str(entry.get("peildatum", "het dashboard"))


def gemeenten() -> pd.DataFrame:
    regions = queries.options__regions()
    return regions[regions["region_level"] == "gemeente"].sort_values("region_name")


def gemeente_row(code: str) -> pd.Series:
    """The gemeente ``code`` with its provincie and arbeidsmarktregio (KeyError when unknown)."""
    row = gemeenten().set_index("region_code").loc[code].copy()
    row["region_code"] = code
    return row


def level_code(row: pd.Series, level: str) -> tuple[str, str]:
    if level == "gemeente":
        return str(row["region_code"]), str(row["region_name"])
    return str(row[f"{level}_code"]), str(row[f"{level}_name"])


def index_bases(measure: str, programmes: tuple[str, ...]) -> list[int]:
    """Years of the newest definition with data for the selection (NL): the possible index bases."""
    sel = queries.StudentSelection(measure=measure, programmes=programmes)
    yearly = queries.students__yearly(sel)
    known = yearly[yearly["student_count"].notna()]
    if known.empty:
        return []
    newest = known.loc[known["year"].idxmax(), "definition"]
    return sorted(int(y) for y in known.loc[known["definition"] == newest, "year"])


def peer_names(level: str, code: str) -> dict[str, str]:
    """Every other region of ``level``: code -> name (the regions one can pick as peers)."""
    regions = queries.options__regions()
    same = regions[(regions["region_level"] == level) & (regions["region_code"] != code)]
    return dict(zip(same["region_code"], same["region_name"], strict=True))


def peer_group(
    level: str, code: str, name: str, count: int, picked: tuple[str, ...] = (), esc: Escape = str
) -> tuple[pd.DataFrame, str]:
    """The peer group (closest in population, SQL; or the user's own list) and its description."""
    names = peer_names(level, code)
    picked = tuple(c for c in picked if c in names)
    if picked:
        peers = pd.DataFrame({"region_code": picked, "region_name": [names[c] for c in picked]})
        listed = ", ".join(esc(n) for n in peers["region_name"])
        return peers, f"Vergelijkingsgroep: uw eigen keuze. {listed}."
    auto = queries_regio.peers__by_population(level, code, count)
    peers = auto[auto["peer_rank"] > 0]
    year = int(auto["population_year"].iloc[0]) if len(auto) else ""
    listed = ", ".join(
        f"{esc(r.region_name)} ({fmt.number(r.population)})" for r in peers.itertuples()
    )
    note = (
        f"Vergelijkingsgroep: de {len(peers)} {charts_regio.PLURAL[level]} die in inwonertal "
        f"(1 januari {year}) het dichtst bij {esc(name)} liggen: {listed}."
    )
    return peers[["region_code", "region_name"]].reset_index(drop=True), note


def make_view(
    gemeente: str | pd.Series,
    programmes: tuple[str, ...],
    level: str = "arbeidsmarktregio",
    measure: str = "enrolled",
    mode: str = "per_1000",
    base: int | None = None,
    peer_count: int = DEFAULT_PEERS,
    picked: tuple[str, ...] = (),
) -> View:
    """The view of a gemeente (code or row) as the page builds it from its controls."""
    row = gemeente_row(gemeente) if isinstance(gemeente, str) else gemeente
    if base is None:
        bases = index_bases(measure, programmes)
        base = bases[0] if bases else 0  # the first year of the newest definition
    code, name = level_code(row, level)
    peers, _ = peer_group(level, code, name, peer_count, picked)
    own = tuple(peers["region_code"]) if picked else ()
    return View(
        row, level, measure, mode, int(base), code, name, peers, int(peer_count), programmes, own
    )
