"""Regio's student trend as builders without Streamlit calls (the page and the factsheet).

The region, its peer group together and Nederland per year: the frames, the key figures, the
notes (no hogeschool, estimated denominators, where per 1.000 starts) and the chart block.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import charts, charts_regio, queries_regio
from dashboard.components.blocks import ChartBlock
from dashboard.queries_catalog import catalog
from dashboard.regio_figures import FIELDS, LEVELS, VALUES, Escape, View, division

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
class Kpi:
    label: str
    value: str
    sentence: str = ""  # the figure with its source, ready to copy
    series: str = ""  # region | peers | nl (the card's place on the page)


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
                out = charts.layered(None, out, rule)
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
