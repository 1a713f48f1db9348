"""Regio's student figures as builders without Streamlit calls: the view, the trend and the map.

The Regio page (pages/regio) and the factsheet (dashboard/factsheet.py) both call these, so a
figure on paper is always the figure on screen: same query, same chart function, same text.
Every function returns data, blocks or Dutch sentences; the page decides how to show them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from dashboard import charts, charts_geo, charts_regio, fmt, queries, queries_regio
from dashboard.components.blocks import ChartBlock
from dashboard.queries_catalog import catalog

LEVELS = {
    "gemeente": "Gemeente",
    "arbeidsmarktregio": "Arbeidsmarktregio",
    "provincie": "Provincie",
}
VALUES = {"count": "Aantal", "per_1000": "Per 1.000 inwoners", "index": "Index (basisjaar = 100)"}
FIELDS = {"count": "student_count", "per_1000": "per_1000", "index": "index_value"}
DEFAULT_PEERS = 5
Escape = Callable[
    [object], str
]  # how data text enters a sentence: ui.plain on a page, str on paper
TREND_COLUMNS = (
    "year",
    "definition",
    "reeks",
    "region_code",
    "student_count",
    "suppressed_cells",
    "waarde_tekst",
    "population",
    "is_population_estimate",
    "per_1000",
    "index_value",
)


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


@dataclass(frozen=True)
class Kpi:
    label: str
    value: str
    sentence: str = ""  # the figure with its source, ready to copy
    series: str = ""  # region | peers | nl (the card's place on the page)


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


# --- Trend ------------------------------------------------------------------------------------


def trend_frames(v: View) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The query result and the shown rows (labelled, with 'waarde_tekst'; empty: no line)."""
    peer_codes = tuple(v.peers["region_code"])
    df = queries_regio.regions__students_yearly(v.selection, v.level, v.code, peer_codes, v.base)
    field = FIELDS[v.mode]
    data = df.dropna(subset=[field])
    if data[data["series"] == "region"].empty:
        return df, data.iloc[0:0]
    data = charts_regio.label_series(data, v.name)
    data["waarde_tekst"] = [charts_regio.counted_text(r, field, v.mode) for _, r in data.iterrows()]
    return df, data


def empty_text(df: pd.DataFrame, name: str, esc: Escape = str) -> str:
    """Why the region has no line: only suppressed cells, or no hogeschool location."""
    only_suppressed = df[(df["series"] == "region") & df["is_suppressed_only"]]
    if not only_suppressed.empty:
        return (
            f"{esc(name)} heeft voor deze keuze alleen afgeschermde aantallen (<5 per cel): DUO "
            "publiceert het precieze aantal niet. Kies meer opleidingsgroepen of een groter niveau."
        )
    return (
        f"{esc(name)} heeft geen hogeschoolvestiging met deze opleidingen (of geen waarde "
        "voor deze keuze). DUO telt studenten in de gemeente van de vestiging. Kies niveau "
        "'Arbeidsmarktregio' of 'Provincie', of meer opleidingsgroepen links."
    )


def trend_kpis(data: pd.DataFrame, v: View) -> list[Kpi]:
    """The region, its peer group together and Nederland in the last year (as the page's cards)."""
    field = FIELDS[v.mode]
    last_year = int(data.loc[data["series"] == "region", "year"].max())
    last = data[data["year"] == last_year].set_index("series")
    out = []
    for series, label in (
        ("region", v.name),
        ("peers", "Vergelijkbare regio's (samen)"),
        ("nl", "Nederland"),
    ):
        if series not in last.index:
            continue
        text = charts_regio.counted_text(last.loc[[series]].iloc[0], field, v.mode)
        sentence = ""
        if series == "region":
            nl = charts_regio.counted_text(last.loc[["nl"]].iloc[0], field, v.mode)
            what = catalog().measure(v.measure).label.lower()
            if v.mode == "per_1000":
                what += " aan hogeschoolvestigingen in de regio per 1.000 inwoners"
            else:
                what += f" ({VALUES[v.mode].lower()}, locatie van de hogeschool)"
            sentence = (
                f"In {last_year}: {v.name} {text} {what} in de gekozen opleidingen, tegen {nl} "
                "in Nederland (DUO; inwoners CBS, 1 januari)."
            )
        out.append(Kpi(f"{label} {last_year}", text, sentence, series))
    return out


def trend_notes(df: pd.DataFrame, mode: str, esc: Escape = str) -> list[str]:
    """Which peers count as 0 (no hogeschool), which denominators are estimates, where per 1.000
    starts."""
    out = []
    group = df[df["series"] == "peers"]
    if len(group) and group["no_location_count"].max() > 0:
        latest = group.loc[group["year"].idxmax()]
        out.append(
            f"{int(latest['no_location_count'])} van de vergelijkbare regio's heeft (in "
            f"{int(latest['year'])}) geen hogeschoolvestiging met deze opleidingen en telt als 0 "
            "mee in de groep."
        )
    if mode != "per_1000":
        return out
    est = df[df["is_population_estimate"] & df["population"].notna()]
    if len(est):
        names = esc(", ".join(dict.fromkeys(est["region_name"])))
        years = sorted(int(y) for y in est["year"].unique())
        span = f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0])
        out.append(
            f"Geschat inwonertal ({span}) voor {names}: gemeenten die later zijn samengevoegd of "
            "gesplitst zijn omgerekend naar de gemeentelijke indeling van het dashboard (naar "
            "rato van de inwoners die CBS per opvolger noemt)."
        )
    return out


def population_note(df: pd.DataFrame, mode: str) -> str:
    """Per 1.000 starts at the first CBS population year: say so when the trend starts earlier."""
    known = df.loc[df["population"].notna(), "year"]
    if mode == "per_1000" and len(known) and df["year"].min() < known.min():
        return (
            f"Per 1.000 inwoners alleen vanaf {int(known.min())}: eerdere CBS-bevolkingscijfers "
            f"op de gemeentelijke indeling van {division()} zitten niet in dit dashboard."
        )
    return ""


def trend_block(v: View, data: pd.DataFrame) -> ChartBlock:
    field = FIELDS[v.mode]
    m = catalog().measure(v.measure)
    y_title = {
        "count": "Aantal studenten",
        "per_1000": "Studenten per 1.000 inwoners",
        "index": f"Index ({v.base} = 100)",
    }[v.mode]
    breaks = [charts.break_rule(y, m.break_label) for y in m.breaks if y in set(data["year"])]

    def chart(d: pd.DataFrame):
        out = charts_regio.comparison_trend(
            d,
            field,
            y_title,
            value_format=charts_regio.value_format(v.mode),
            break_field="definition",
            label_field="waarde_tekst",
        )
        if d["definition"].nunique() > 1:
            for rule in breaks:
                out = out + rule
        return out

    sub = [f"{LEVELS[v.level]} · {VALUES[v.mode]} · locatie van de hogeschool, niet de woonplaats"]
    if v.mode == "count":
        sub.append("Nederland en de groep zijn veel groter: kies 'Per 1.000 inwoners' of 'Index'.")
    unit = m.unit_label[:1].upper() + m.unit_label[1:]
    return ChartBlock(
        key="regio-trend",
        title=f"{unit} – {v.name} naast Nederland en vergelijkbare regio's",
        chart=chart,
        summary=lambda d: charts_regio.trend_summary(
            d, field, v.mode, v.name, text_field="waarde_tekst"
        ),
        snapshot=m.snapshot,
        definition=f"{m.definition_text()}, naar gemeente van de hogeschoolvestiging",
        subtitle=sub,
        peildatum=f"{m.peildatum}; inwoners 1 januari",
        selection=f"{v.name} · {LEVELS[v.level]}",
        columns=TREND_COLUMNS,
        column_labels={"index_value": f"index_{v.base}"},
    )


# --- Map --------------------------------------------------------------------------------------


def map_years(v: View) -> list[int]:
    """Years with data for the selection; an index only within the base year's definition."""
    yearly = queries.students__yearly(v.selection)
    known = yearly[yearly["student_count"].notna()]
    if v.mode == "index":
        definition = known.loc[known["year"] == v.base, "definition"]
        known = known[known["definition"].isin(definition)]
    years = sorted(int(y) for y in known["year"].unique())
    first_population = catalog().population_years[0]
    return [y for y in years if v.mode != "per_1000" or y >= first_population]


def region_frame(v: View, year: int) -> pd.DataFrame:
    df = queries.students__by_region(v.selection, v.level, year, v.base)
    df = df.assign(
        waarde_tekst=[
            charts_regio.counted_text(r, FIELDS[v.mode], v.mode) for _, r in df.iterrows()
        ]
    )
    df.loc[df["student_count"].isna() & ~df["is_suppressed_only"], "waarde_tekst"] = (
        "geen hogeschoolvestiging met deze opleidingen"
    )
    return df


def map_value_title(v: View) -> str:
    return {
        "count": "Aantal studenten",
        "per_1000": "Per 1.000 inwoners",
        "index": f"Index ({v.base} = 100)",
    }[v.mode]


def map_title(v: View, year: int) -> str:
    unit = catalog().measure(v.measure).unit_label
    return f"{unit[:1].upper() + unit[1:]} per {v.level}, {year} – {VALUES[v.mode].lower()}"


def map_rank(v: View, df: pd.DataFrame) -> str:
    field = FIELDS[v.mode]
    return charts_regio.rank_text(charts_regio.rank_of(df, field, v.code), v.level, len(df))


def map_block(v: View, title: str, rank: str, features: list) -> ChartBlock:
    m = catalog().measure(v.measure)
    field = FIELDS[v.mode]

    def summary(d: pd.DataFrame) -> str:
        top = d.dropna(subset=[field]).sort_values(field, ascending=False).iloc[0]
        return f"{title}. Hoogste: {top['region_name']} ({top['waarde_tekst']}); {v.name}: {rank}."

    return ChartBlock(
        key="regio-kaart",
        title=title,
        chart=lambda d: charts_geo.choropleth(
            features,
            d,
            field,
            map_value_title(v),
            charts_regio.value_format(v.mode),
            highlight=v.code,
            label_field="waarde_tekst",
            no_data=charts_geo.NO_SCHOOL if v.mode != "index" else charts_geo.NO_DATA,
        ),
        summary=summary,
        snapshot=m.snapshot,
        definition=f"{m.definition_text()}, naar gemeente van de hogeschoolvestiging",
        subtitle=[
            f"Omlijnd: {v.name} ({rank})",
            "Grijs: geen hogeschoolvestiging met deze opleidingen, of alleen afgeschermde "
            "aantallen (<5).",
        ],
        peildatum=m.peildatum,
        selection=v.name,
        column_labels={"rank_desc": "rang_aantal"},
    )


def ranking_chart(v: View, df: pd.DataFrame, title: str):
    ranking = charts_regio.ranking(
        df,
        FIELDS[v.mode],
        map_value_title(v),
        LEVELS[v.level],
        v.name,
        charts_regio.value_format(v.mode),
        label_field="waarde_tekst",
    )
    return charts.finish(ranking, f"Ranglijst: {title}")
