"""Regio tab 'Eigen cijfers': the visitor's own figures per gemeente (upload) on a map and a trend.

The upload stays in this session (never on disk, never in the URL) and is read as text.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import (
    charts,
    charts_geo,
    charts_regio,
    exports,
    fmt,
    geo,
    params,
    queries,
    queries_regio,
    ui,
    upload,
)
from dashboard.components.controls import choice
from pages.regio.keuzes import View, division

P = params.Regio
CACHE = "_regio_upload"  # session state: (file id, parsed result)


def read_upload() -> upload.UploadResult | None:
    st.caption(
        f"Upload een CSV- of XLSX-bestand (max. {fmt.number(upload.MAX_BYTES / 2**20)} MB) "
        "met een kolom gemeente (code zoals GM0363 of naam, gemeentelijke indeling van "
        f"{division()}), een kolom jaar en een of meer kolommen met cijfers, bijvoorbeeld uit de "
        "Monitor Sociaal Domein. Het bestand blijft alleen in deze browsersessie: het wordt niet "
        "opgeslagen en hoort niet bij de deelbare link. Formules worden nooit uitgevoerd."
    )
    file = st.file_uploader("Eigen cijfers (CSV of XLSX)", type=["csv", "xlsx"], key=P.UPLOAD)
    if file is None:
        return None
    err = upload.size_error(file.size)
    if err:  # checked on the reported size, before any byte is parsed
        st.error(err)
        return None
    cache = st.session_state.get(CACHE)
    if cache and cache[0] == file.file_id:
        return cache[1]
    gemeenten = queries.options__regions()
    gemeenten = gemeenten[gemeenten["region_level"] == "gemeente"].rename(
        columns={"region_code": "gemeente_code", "region_name": "gemeente_name"}
    )
    try:
        result = upload.parse(file.getvalue(), file.name, gemeenten)
    except upload.UploadError as exc:
        st.error(ui.plain(exc))
        return None
    st.session_state[CACHE] = (file.file_id, result)
    return result


def report_upload(result: upload.UploadResult) -> None:
    for m in result.messages:
        st.info(ui.plain(m))
    for frame, label, open_ in (
        (result.unmatched, "Niet herkend", True),
        (result.duplicates, "Dubbel", False),
        (result.problems, "Cellen met een opmerking", False),
    ):
        if len(frame):
            with st.expander(f"{label} ({len(frame)})", expanded=open_):
                st.dataframe(frame, hide_index=True, width="stretch")


def render_map(df: pd.DataFrame, var: str, year: int, v: View, prov: exports.Provenance) -> None:
    rank = charts_regio.rank_text(
        charts_regio.rank_of(df, "value", v.row["region_code"]), "gemeente", len(df)
    )
    name = str(v.row["region_name"])
    st.metric(
        f"Rang van {name} ({var}, {year})",
        rank,
        border=True,
        help="1 = hoogste waarde, onder de gemeenten in uw bestand.",
    )
    features = geo.features("gemeente")
    if features is None or not df["value"].notna().any():
        return
    chart = charts.finish(
        charts_geo.choropleth(
            list(features),
            df,
            "value",
            var,
            charts.DECIMAL_FORMAT,
            highlight=v.row["region_code"],
            no_data="niet in uw bestand",
        ),
        f"{var}, {year}",
        [f"Omlijnd: {name} ({rank}); grijs = niet in uw bestand"],
    )
    top = df.dropna(subset=["value"]).sort_values("value", ascending=False).iloc[0]
    summary = (
        f"{var} in {year}: hoogste {top['region_name']} "
        f"({fmt.number(top['value'], 1)}); {name}: {rank}."
    )
    ui.chart_block(
        chart,
        df,
        prov,
        summary,
        key="regio-eigen-kaart",
        definition="uw eigen cijfers, per gemeente",
    )


def trend_frame(vals: pd.DataFrame, code: str, name: str, peer_codes: tuple[str, ...]):
    """The gemeente, each peer, the peer mean and the mean of every gemeente in the file."""
    mine = vals[vals["gemeente_code"] == code].assign(series="region")
    peer_rows = vals[vals["gemeente_code"].isin(peer_codes)].assign(series="peer")
    group = (
        peer_rows.groupby("year", as_index=False)["value"]
        .mean()
        .assign(series="peers", gemeente_name="Vergelijkbare gemeenten (gemiddelde)")
    )
    everyone = (
        vals.groupby("year", as_index=False)["value"]
        .mean()
        .assign(series="nl", gemeente_name="Alle gemeenten in uw bestand (gemiddelde)")
    )
    data = (
        pd.concat([mine, peer_rows, group, everyone], ignore_index=True)
        .rename(columns={"gemeente_name": "region_name"})
        .dropna(subset=["value"])
    )
    data = charts_regio.label_series(data, name)
    data.loc[data["series"] == "nl", "reeks"] = "Alle gemeenten in uw bestand (gemiddelde)"
    return data


def render_trend(vals: pd.DataFrame, v: View, var: str, prov: exports.Provenance) -> None:
    code, name = str(v.row["region_code"]), str(v.row["region_name"])
    if vals.loc[vals["gemeente_code"] == code, "value"].notna().sum() == 0:
        st.info(
            f"Uw bestand heeft geen waarden voor {ui.plain(name)}; kies een andere gemeente "
            "bovenaan."
        )
        return
    peers = v.peers
    if v.level != "gemeente":
        peers = queries_regio.peers__by_population("gemeente", code, v.peer_count)
        peers = peers.query("peer_rank > 0")
    data = trend_frame(vals, code, name, tuple(peers["region_code"]))
    chart = charts.finish(
        charts_regio.comparison_trend(data, "value", var, value_format=charts.DECIMAL_FORMAT),
        f"{var}: {name} naast vergelijkbare gemeenten",
        ["Vergelijkbaar: dichtst bij in inwonertal (grijs: afzonderlijk)"],
    )
    summary = charts_regio.trend_summary(
        data, "value", "index", name, nl="alle gemeenten in uw bestand"
    )
    table = data[["year", "reeks", "gemeente_code", "value"]].rename(
        columns={"year": "jaar", "value": var}
    )
    ui.chart_block(
        chart,
        table,
        prov,
        summary,
        key="regio-eigen-trend",
        definition="uw eigen cijfers; groepen = ongewogen gemiddelde",
    )


def render(v: View) -> None:
    result = read_upload()
    if result is None:
        return
    report_upload(result)
    if not result.variables or result.values.empty:
        return
    c1, c2 = st.columns(2)
    var = choice("Kolom", result.variables, key=P.OWN_VAR, kind="select", container=c1)
    vals = result.values[result.values["variable"] == var]
    years = sorted(vals["year"].unique().tolist())[::-1]
    year = choice("Jaar", years, key=P.OWN_YEAR, kind="select", container=c2)
    prov = exports.Provenance(
        title=f"Eigen cijfers: {var}",
        source="eigen bestand (upload)",
        peildatum="zoals in uw bestand",
        licence="eigen gegevens",
        filters=str(v.row["region_name"]),
    )
    df = vals[vals["year"] == year].rename(
        columns={"gemeente_code": "region_code", "gemeente_name": "region_name"}
    )
    render_map(df, var, year, v, prov)
    render_trend(vals, v, var, prov)
