"""Regio tab 'Trend': DUO students of the region next to Nederland and its peer group, per year."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, charts_regio, queries_regio, ui
from dashboard.components.blocks import ChartBlock, render_block
from dashboard.queries_catalog import catalog
from pages.regio.keuzes import FIELDS, LEVELS, VALUES, View, division

COLUMNS = (
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


def explain_empty(df: pd.DataFrame, name: str) -> None:
    """Why the region has no line: only suppressed cells, or no hogeschool location."""
    only_suppressed = df[(df["series"] == "region") & df["is_suppressed_only"]]
    if not only_suppressed.empty:
        st.info(
            f"{ui.plain(name)} heeft voor deze keuze alleen afgeschermde aantallen (<5 per cel): "
            "DUO publiceert het precieze aantal niet. Kies meer opleidingsgroepen of een groter "
            "niveau."
        )
        return
    st.info(
        f"{ui.plain(name)} heeft geen hogeschoolvestiging met deze opleidingen (of geen waarde "
        "voor deze keuze). DUO telt studenten in de gemeente van de vestiging. Kies niveau "
        "'Arbeidsmarktregio' of 'Provincie', of meer opleidingsgroepen links."
    )


def render_kpis(data: pd.DataFrame, field: str, v: View) -> None:
    last_year = int(data.loc[data["series"] == "region", "year"].max())
    last = data[data["year"] == last_year].set_index("series")
    cols = st.columns(3)
    for col, series, label in (
        (cols[0], "region", v.name),
        (cols[1], "peers", "Vergelijkbare regio's (samen)"),
        (cols[2], "nl", "Nederland"),
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
        ui.kpi(col, f"{label} {last_year}", text, sentence=sentence)


def render_notes(df: pd.DataFrame, mode: str) -> None:
    """Say which peers count as 0 (no hogeschool) and which denominators are estimates."""
    group = df[df["series"] == "peers"]
    if len(group) and group["no_location_count"].max() > 0:
        latest = group.loc[group["year"].idxmax()]
        st.caption(
            f"{int(latest['no_location_count'])} van de vergelijkbare regio's heeft (in "
            f"{int(latest['year'])}) geen hogeschoolvestiging met deze opleidingen en telt als 0 "
            "mee in de groep."
        )
    if mode != "per_1000":
        return
    est = df[df["is_population_estimate"] & df["population"].notna()]
    if len(est):
        names = ui.plain(", ".join(dict.fromkeys(est["region_name"])))
        years = sorted(int(y) for y in est["year"].unique())
        span = f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0])
        st.caption(
            f"Geschat inwonertal ({span}) voor {names}: gemeenten die later zijn samengevoegd of "
            "gesplitst zijn omgerekend naar de gemeentelijke indeling van het dashboard (naar "
            "rato van de inwoners die CBS per opvolger noemt)."
        )


def population_note(df: pd.DataFrame, mode: str) -> None:
    """Per 1.000 starts at the first CBS population year: say so when the trend starts earlier."""
    known = df.loc[df["population"].notna(), "year"]
    if mode == "per_1000" and len(known) and df["year"].min() < known.min():
        st.caption(
            f"Per 1.000 inwoners alleen vanaf {int(known.min())}: eerdere CBS-bevolkingscijfers "
            f"op de gemeentelijke indeling van {division()} zitten niet in dit dashboard."
        )


def block(v: View, data: pd.DataFrame, field: str) -> ChartBlock:
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
        columns=COLUMNS,
        column_labels={"index_value": f"index_{v.base}"},
    )


def render(v: View) -> None:
    peer_codes = tuple(v.peers["region_code"])
    df = queries_regio.regions__students_yearly(v.selection, v.level, v.code, peer_codes, v.base)
    field = FIELDS[v.mode]
    data = df.dropna(subset=[field])
    if data[data["series"] == "region"].empty:
        explain_empty(df, v.name)
        return
    data = charts_regio.label_series(data, v.name)
    data["waarde_tekst"] = [charts_regio.counted_text(r, field, v.mode) for _, r in data.iterrows()]
    render_kpis(data, field, v)
    render_notes(df, v.mode)
    render_block(block(v, data, field), data)
    population_note(df, v.mode)
